/* SPDX-License-Identifier: MIT */
/* mdbuf: escaping data for Markdown and cutting pages into pieces; see
 * mdbuf.h. */
#include "mdbuf.h"

#include <string.h>

/* ---- escaping ------------------------------------------------------ */

/* CommonMark lets any ASCII punctuation be backslash-escaped; these are
 * the ones that can start emphasis, code, links, raw HTML, entities,
 * strikethrough or end a table cell anywhere in a line. */
static const char S_inline_special[] = "\\`*_[]<>|~&";

void md_escape(Buf *out, const char *s)
{
	if (!s)
		return;
	const unsigned char *p = (const unsigned char *)s;
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	/* Block markers only matter at the start of a line, and text from data
	 * never starts a line except at its own start (newlines become spaces). */
	if (*p && strchr("#-+=>", *p)) {
		buf_putc(out, '\\');
		buf_putc(out, *p++);
	} else {
		const unsigned char *q = p;
		while (*q >= '0' && *q <= '9' && q - p < 10)
			q++;
		if (q > p && (*q == '.' || *q == ')')) {
			buf_add(out, p, (size_t)(q - p));
			buf_putc(out, '\\');
			buf_putc(out, *q);
			p = q + 1;
		}
	}
	int space = 0;
	for (; *p; p++) {
		unsigned char c = *p;
		if (c == '\r' || c == '\n' || c == '\t' || c == ' ') {
			space = 1;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		if (space) {
			buf_putc(out, ' ');
			space = 0;
		}
		if (strchr(S_inline_special, c))
			buf_putc(out, '\\');
		buf_putc(out, c);
	}
}

/* ---- pieces ---------------------------------------------------------- */

static MdSink *S_sink;
static int S_open; /* the MD_CUT_* a cut stopped inside, 0 when none */

void md_sink_begin(MdSink *s)
{
	S_sink = s;
	S_open = 0;
}

void md_sink_end(void)
{
	S_sink = NULL;
	S_open = 0;
}

void md_cut(Buf *out, int kind)
{
	if (!S_sink || out != &S_sink->md || out->len < S_sink->min)
		return;
	S_sink->cut(S_sink, kind);
	S_open = kind == MD_CUT_BLOCKS ? 0 : kind;
}

void md_cut_head(Buf *out, size_t from)
{
	if (!S_sink || out != &S_sink->md)
		return;
	buf_reset(&S_sink->head);
	buf_add(&S_sink->head, out->ptr + from, out->len - from);
}

void md_cut_end(Buf *out)
{
	if (!S_sink || out != &S_sink->md || !S_open)
		return;
	S_sink->cut(S_sink, MD_CUT_END);
	S_open = 0;
}
