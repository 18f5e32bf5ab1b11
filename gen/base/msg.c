/* SPDX-License-Identifier: MIT */
/* msg: the messages found in the input, each in the locale's language and
 * in Vietnamese (msg.h); the Vietnamese table is generated at build time
 * from po/vi.po by tools/mo2c.c. */
#include "msg.h"

#include <libintl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

void msgs_init(Msgs *ms)
{
	ms->v = NULL;
	ms->n = ms->cap = 0;
	ms->n_error = ms->n_warning = 0;
}

void msgs_release(Msgs *ms)
{
	for (size_t i = 0; i < ms->n; i++) {
		free(ms->v[i].path);
		free(ms->v[i].text);
		free(ms->v[i].text_vi);
	}
	free(ms->v);
	msgs_init(ms);
}

void msgs_append(Msgs *to, Msgs *from)
{
	if (from->n) {
		to->v = xgrow(to->v, &to->cap, to->n + from->n, sizeof *to->v);
		memcpy(to->v + to->n, from->v, from->n * sizeof *from->v);
		to->n += from->n;
		to->n_error += from->n_error;
		to->n_warning += from->n_warning;
	}
	free(from->v);
	msgs_init(from);
}

const char *msg_gettext(const char *msgid)
{
	return dgettext(MSG_DOMAIN, msgid);
}

static int S_vi_cmp(const void *key, const void *elt)
{
	return strcmp(key, ((const MsgVi *)elt)->id);
}

const char *msg_vi(const char *msgid)
{
	const MsgVi *e = bsearch(msgid, msg_vi_table, msg_vi_n, sizeof *msg_vi_table, S_vi_cmp);
	return e && *e->vi ? e->vi : msgid;
}

/* A workbook's position is a cell: " (ô C14)" as the clerk sees it, for
 * a path ending in .xlsx with a line and a column. */
static void S_cell(Buf *b, const char *path, int line, int col)
{
	size_t pl = path ? strlen(path) : 0;
	if (line > 0 && col > 0 && col <= 16384 && pl > 5 && !strcmp(path + pl - 5, ".xlsx")) {
		char name[8], tmp[8];
		int n = 0;
		for (int c = col; c > 0; c = (c - 1) / 26)
			tmp[n++] = (char)('A' + (c - 1) % 26);
		for (int i = 0; i < n; i++)
			name[i] = tmp[n - 1 - i];
		name[n] = '\0';
		buf_printf(b, " (ô %s%d)", name, line);
	}
}

static Msg *S_new(Msgs *ms, MsgLevel level, const char *path, int line, int col)
{
	ms->v = xgrow(ms->v, &ms->cap, ms->n + 1, sizeof *ms->v);
	Msg *m = &ms->v[ms->n++];
	m->level = level;
	m->path = xstrdup(path ? path : "");
	m->line = line;
	m->col = col;
	m->text = m->text_vi = NULL;
	if (level == MSG_ERROR)
		ms->n_error++;
	else
		ms->n_warning++;
	return m;
}

/* fmt's arguments are formatted twice, with the locale's format and with
 * the Vietnamese one: the compiler checks them against the English fmt,
 * msgfmt -c checks that each translation takes the same ones. */
void msg_add(Msgs *ms, MsgLevel level, const char *path, int line, int col, const char *fmt, ...)
{
	Msg *m = S_new(ms, level, path, line, col);
	const char *vi = msg_vi(fmt);
	Buf b;
	buf_init(&b);
	va_list ap, aq;
	va_start(ap, fmt);
	va_copy(aq, ap);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	buf_vprintf(&b, msg_gettext(fmt), ap);
	S_cell(&b, path, line, col);
	m->text = buf_detach(&b, NULL);
	if (vi != fmt) {
		buf_init(&b);
		buf_vprintf(&b, vi, aq);
		S_cell(&b, path, line, col);
		m->text_vi = buf_detach(&b, NULL);
	}
#pragma GCC diagnostic pop
	va_end(aq);
	va_end(ap);
}

void msg_add_args(Msgs *ms, MsgLevel level, const char *path, int line, int col, const char *fmt,
                  unsigned tr, const char *a1, const char *a2, const char *a3)
{
	const char *a[3] = {a1 ? a1 : "", a2 ? a2 : "", a3 ? a3 : ""}, *en[3], *vi[3];
	for (int i = 0; i < 3; i++) {
		en[i] = tr & (1u << i) ? msg_gettext(a[i]) : a[i];
		vi[i] = tr & (1u << i) ? msg_vi(a[i]) : a[i];
	}
	const char *fvi = msg_vi(fmt);
	/* the unused arguments are passed and ignored, as printf allows */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
	char *t = xasprintf(msg_gettext(fmt), en[0], en[1], en[2]);
	char *v = fvi != fmt ? xasprintf(fvi, vi[0], vi[1], vi[2]) : NULL;
#pragma GCC diagnostic pop
	msg_add_texts(ms, level, path, line, col, t, v);
	free(t);
	free(v);
}

void msg_add_texts(Msgs *ms, MsgLevel level, const char *path, int line, int col,
                   const char *text, const char *text_vi)
{
	Msg *m = S_new(ms, level, path, line, col);
	Buf b;
	buf_init(&b);
	buf_puts(&b, text);
	S_cell(&b, path, line, col);
	m->text = buf_detach(&b, NULL);
	if (text_vi) {
		buf_init(&b);
		buf_puts(&b, text_vi);
		S_cell(&b, path, line, col);
		m->text_vi = buf_detach(&b, NULL);
	}
}

/* Appends "path:line:col: error: text" to b. */
static void S_format(Buf *b, const Msg *m)
{
	if (m->path[0]) {
		buf_puts(b, m->path);
		if (m->line > 0) {
			buf_printf(b, ":%d", m->line);
			if (m->col > 0)
				buf_printf(b, ":%d", m->col);
		}
		buf_puts(b, ": ");
	}
	buf_puts(b, m->level == MSG_ERROR ? _("error") : _("warning"));
	buf_puts(b, ": ");
	buf_puts(b, m->text);
}

char *msg_format(const Msg *m)
{
	Buf b;
	buf_init(&b);
	S_format(&b, m);
	return buf_detach(&b, NULL);
}

void msgs_print(const Msgs *ms, FILE *fp)
{
	/* stderr is unbuffered: one write per 64 KiB of messages, not one
	 * per message (3,000 warnings were 3,000 writes) */
	Buf b;
	buf_init(&b);
	for (size_t i = 0; i < ms->n; i++) {
		S_format(&b, &ms->v[i]);
		buf_putc(&b, '\n');
		if (b.len >= 64 * 1024) {
			fwrite(b.ptr, 1, b.len, fp);
			buf_reset(&b);
		}
	}
	if (ms->n_error || ms->n_warning) {
		/* "2 errors, 1 warning": each count in its plural form */
		buf_printf(&b, dngettext(MSG_DOMAIN, "%d error", "%d errors", (unsigned long)ms->n_error),
		           ms->n_error);
		buf_puts(&b, ", ");
		buf_printf(&b,
		           dngettext(MSG_DOMAIN, "%d warning", "%d warnings", (unsigned long)ms->n_warning),
		           ms->n_warning);
		buf_putc(&b, '\n');
	}
	fwrite(b.ptr, 1, b.len, fp);
	buf_release(&b);
}

const char *msg_text_vi(const Msg *m)
{
	return m->text_vi ? m->text_vi : m->text;
}
