/* SPDX-License-Identifier: MIT */
/* msg: every problem found in the input, in the order found.
 *
 * Readers keep going after a data error so one run lists all of them
 * (mandoc's mandoc_msg).  Messages are kept, not printed at once: main
 * prints them all, and the site's data-quality page lists the warnings.
 * Each prints GNU-style: "path:line:column: error: text"; line or column
 * 0 means "not known" and is left out.  A message on a cell of a
 * workbook (a path ending in .xlsx, with line and column) ends with the
 * cell's name as Excel shows it: "... (ô C14)".
 *
 * Each message is written once, in English, as the format string of a
 * msg_error/msg_warn/msg_add call (or marked with _() or N_()): that is
 * its msgid.  xgettext extracts them into po/chitieu.pot (make po) and
 * po/vi.po holds the Vietnamese.  Every message gets both texts:
 *   - text: the locale's language, the one the command line prints.  The
 *     format is looked up with gettext (domain "chitieu", bound by main.c
 *     to the build's or the installed catalogue), so LANG=vi_VN.UTF-8
 *     gives Vietnamese and "C", an English locale or no catalogue bound
 *     (the unit tests) gives the English msgid;
 *   - text_vi: always Vietnamese, for the site's data-quality page: the
 *     format is looked up in msg_vi_table, made from po/vi.po at build
 *     time (tools/mo2c), since gettext translates nothing under "C".
 * Both are formatted from the same arguments; a translation may reorder
 * them with %1$s (msgfmt -c checks that the formats agree).  A message
 * built from parts (a list of clauses) marks each part with N_() and
 * builds both texts, then hands them to msg_add_texts.
 *
 * Every other text a clerk reads on the terminal (an error string
 * returned as *err, a line to stderr) is a _() format too, whole: never
 * English fragments glued with %s.  tests/e2e/msg_lint.py (run by
 * test_locale.sh) finds English prose the catalogue lacks. */
#ifndef CHITIEU_MSG_H
#define CHITIEU_MSG_H
#include <stddef.h>
#include <stdio.h>

/* The gettext domain: chitieu.mo under LOCALEDIR/<lang>/LC_MESSAGES. */
#define MSG_DOMAIN "chitieu"
/* A text for people, in the locale's language (gettext). */
#define _(s) msg_gettext(s)
/* Marks a text for extraction where it is translated later. */
#define N_(s) s
const char *msg_gettext(const char *msgid) __attribute__((format_arg(1)));
/* msgid's Vietnamese text from the built-in table; msgid itself when the
 * table has none.  Never NULL. */
const char *msg_vi(const char *msgid) __attribute__((format_arg(1)));

/* The built-in Vietnamese table, generated from po/vi.po (tools/mo2c),
 * sorted by strcmp of id. */
typedef struct {
	const char *id, *vi;
} MsgVi;
extern const MsgVi msg_vi_table[];
extern const size_t msg_vi_n;

typedef enum { MSG_WARNING = 1, MSG_ERROR = 2 } MsgLevel;

typedef struct {
	MsgLevel level;
	char *path;  /* relative to the input folder, e.g. "so-lieu/xa-a.csv" */
	int line, col;
	char *text;    /* the locale's language; lower-case first word, no
	                  final period */
	char *text_vi; /* the same message in Vietnamese (msg_vi_table's
	                  text for the same format); NULL: none there */
} Msg;

typedef struct {
	Msg *v;
	size_t n, cap;
	int n_error, n_warning;
} Msgs;

void msgs_init(Msgs *ms);
void msgs_release(Msgs *ms);
void msg_add(Msgs *ms, MsgLevel level, const char *path, int line, int col,
             const char *fmt, ...) __attribute__((format(printf, 6, 7)));
#define msg_error(ms, path, line, col, ...) msg_add(ms, MSG_ERROR, path, line, col, __VA_ARGS__)
#define msg_warn(ms, path, line, col, ...) msg_add(ms, MSG_WARNING, path, line, col, __VA_ARGS__)
/* Adds a message whose format fmt takes up to three strings (%s, or
 * %1$s.. in a translation), a1..a3 (NULL: not used).  Bit i of tr set
 * (MSG_TR(1) for a1, ...): that argument is a text marked N_(), put in
 * each of the message's languages as fmt is; else it is data (a name, a
 * path) and goes as it is. */
#define MSG_TR(i) (1u << ((i) - 1))
void msg_add_args(Msgs *ms, MsgLevel level, const char *path, int line, int col, const char *fmt,
                  unsigned tr, const char *a1, const char *a2, const char *a3);
/* Adds a message whose two texts the caller built from marked parts
 * (copied; text_vi NULL: none). */
void msg_add_texts(Msgs *ms, MsgLevel level, const char *path, int line, int col,
                   const char *text, const char *text_vi);
/* Moves every message of from to the end of to, in order; from is left
 * empty (a reader that collects a file's messages apart, then puts them
 * where they belong). */
void msgs_append(Msgs *to, Msgs *from);
/* The message's Vietnamese text (the site's data-quality page is always
 * Vietnamese), its English text where the catalogue has none. */
const char *msg_text_vi(const Msg *m);
/* "path:line:col: error: text" into a fresh string (caller frees); the
 * level word and text in the locale's language. */
char *msg_format(const Msg *m);
/* Prints every message then the count line ("2 errors, 1 warning"), in
 * the locale's language. */
void msgs_print(const Msgs *ms, FILE *fp);

#endif
