#include "msg.h"

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

void msg_add(Msgs *ms, MsgLevel level, const char *path, int line, int col, const char *fmt, ...)
{
	ms->v = xgrow(ms->v, &ms->cap, ms->n + 1, sizeof *ms->v);
	Msg *m = &ms->v[ms->n++];
	m->level = level;
	m->path = xstrdup(path ? path : "");
	m->line = line;
	m->col = col;
	m->text_vi = NULL;
	Buf b;
	buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	/* a workbook's position is a cell: say which, as the clerk sees it */
	size_t pl = path ? strlen(path) : 0;
	if (line > 0 && col > 0 && col <= 16384 && pl > 5 && !strcmp(path + pl - 5, ".xlsx")) {
		char name[8], tmp[8];
		int n = 0;
		for (int c = col; c > 0; c = (c - 1) / 26)
			tmp[n++] = (char)('A' + (c - 1) % 26);
		for (int i = 0; i < n; i++)
			name[i] = tmp[n - 1 - i];
		name[n] = '\0';
		buf_printf(&b, " (ô %s%d)", name, line);
	}
	m->text = buf_detach(&b, NULL);
	if (level == MSG_ERROR)
		ms->n_error++;
	else
		ms->n_warning++;
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
	buf_puts(b, m->level == MSG_ERROR ? "error: " : "warning: ");
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
	if (ms->n_error || ms->n_warning)
		buf_printf(&b, "%d error%s, %d warning%s\n", ms->n_error, ms->n_error == 1 ? "" : "s",
		           ms->n_warning, ms->n_warning == 1 ? "" : "s");
	fwrite(b.ptr, 1, b.len, fp);
	buf_release(&b);
}

const char *msg_text_vi(const Msg *m)
{
	return m->text_vi ? m->text_vi : m->text;
}
