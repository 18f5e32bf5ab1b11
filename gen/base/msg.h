/* msg: every problem found in the input, in the order found.
 *
 * Readers keep going after a data error so one run lists all of them
 * (mandoc's mandoc_msg).  Messages are kept, not printed at once: main
 * prints them all, and the site's data-quality page lists the warnings.
 * Each prints GNU-style: "path:line:column: error: text"; line or column
 * 0 means "not known" and is left out.  A message on a cell of a
 * workbook (a path ending in .xlsx, with line and column) ends with the
 * cell's name as Excel shows it: "... (ô C14)". */
#ifndef CHITIEU_MSG_H
#define CHITIEU_MSG_H
#include <stdio.h>

typedef enum { MSG_WARNING = 1, MSG_ERROR = 2 } MsgLevel;

typedef struct {
	MsgLevel level;
	char *path;  /* relative to the input folder, e.g. "so-lieu/xa-a.csv" */
	int line, col;
	char *text;  /* lower-case first word, no final period */
	char *text_vi; /* the same message in Vietnamese (the catalogue's
	                  text for the same format); NULL: none yet */
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
/* Moves every message of from to the end of to, in order; from is left
 * empty (a reader that collects a file's messages apart, then puts them
 * where they belong). */
void msgs_append(Msgs *to, Msgs *from);
/* The message's Vietnamese text (the site's data-quality page is always
 * Vietnamese), its English text where the catalogue has none. */
const char *msg_text_vi(const Msg *m);
/* "path:line:col: error: text" into a fresh string (caller frees). */
char *msg_format(const Msg *m);
/* Prints every message then the count line ("2 errors, 1 warning"). */
void msgs_print(const Msgs *ms, FILE *fp);

#endif
