/* SPDX-License-Identifier: MIT */
/* chart_svg: the SVGs' own title and description (chart_svg.h). */
#include "chart_svg.h"

#include <errno.h>
#include <string.h>

#include "out.h"
#include "msg.h"
#include "xalloc.h"

/* s[0, n) into b without gnuplot's empty groups: a line "<g …>" followed
 * by a line "</g>" draws nothing (the svg terminal writes one for every
 * change of pen, a third of a multiplot chart's bytes), nor does a label's
 * group holding only "<text></text>". */
static void S_add_without_empty_g(Buf *b, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl + 1 : end;
		if (end - p > 3 && !strncmp(p, "<g ", 3) && nl && nl[-1] == '>' && !memchr(p + 1, '<', (size_t)(nl - p - 1)) &&
		    (size_t)(end - line_end) >= 5 && !strncmp(line_end, "</g>\n", 5)) {
			p = line_end + 5;
			continue;
		}
		/* a tic's label with no text (the panels' bare tics): the group
		 * that ends the line, "<text></text>" and its "</g>" */
		static const char empty_text[] = "\t\t<text></text>\n\t</g>\n";
		const char *g = NULL;
		if (nl && nl > p && nl[-1] == '>' && (size_t)(end - line_end) >= sizeof empty_text - 1 &&
		    !strncmp(line_end, empty_text, sizeof empty_text - 1))
			for (const char *q = nl - 1; q >= p && !g; q--)
				if (*q == '<')
					g = !strncmp(q, "<g ", 3) ? q : nl; /* nl: another tag ends the line */
		if (g && g != nl) {
			while (g > p && g[-1] == '\t')
				g--;
			if (g > p) {
				buf_add(b, p, (size_t)(g - p));
				buf_putc(b, '\n');
			}
			p = line_end + sizeof empty_text - 1;
			continue;
		}
		buf_add(b, p, (size_t)(line_end - p));
		p = line_end;
	}
}

int chart_svg_label(const char *path, const char *title, const char *desc, char **err)
{
	static const char gt[] = "<title>Gnuplot</title>", gd[] = "<desc>Produced by GNUPLOT";
	Buf f, out;
	buf_init(&f);
	buf_init(&out);
	int rc = 0;
	if (buf_read_file(&f, path)) {
		*err = xasprintf(_("cannot read the chart %s: %s"), path, strerror(errno));
		rc = -1;
		goto done;
	}
	const char *a = strstr(f.ptr, gt), *d = a ? strstr(a, gd) : NULL;
	const char *d_end = d ? strstr(d, "</desc>") : NULL;
	const char *at, *rest;
	if (a && d_end) {
		at = a;
		rest = d_end + 7;
	} else {
		const char *svg = strstr(f.ptr, "<svg");
		const char *close = svg ? strchr(svg, '>') : NULL;
		if (!close) {
			rc = 1; /* not an SVG gnuplot wrote: the caller judges it */
			goto done;
		}
		at = rest = close + 1;
		/* ours already (a chart labelled before, as a cache keeps it):
		 * replaced, not doubled */
		const char *p = rest + strspn(rest, " \t\r\n");
		const char *te = !strncmp(p, "<title>", 7) ? strstr(p, "</title>") : NULL;
		if (te) {
			const char *q = te + 8;
			q += strspn(q, " \t\r\n");
			const char *de = !strncmp(q, "<desc>", 6) ? strstr(q, "</desc>") : NULL;
			at = p;
			rest = de ? de + 7 : te + 8;
		}
	}
	buf_add(&out, f.ptr, (size_t)(at - f.ptr));
	if (at == rest)
		buf_putc(&out, '\n');
	buf_puts(&out, "<title>");
	buf_puts_xml(&out, title);
	buf_puts(&out, "</title>\n<desc>");
	buf_puts_xml(&out, desc);
	buf_puts(&out, "</desc>");
	S_add_without_empty_g(&out, rest, f.len - (size_t)(rest - f.ptr));
	rc = out_write_file(path, out.ptr, out.len, err);
done:
	buf_release(&f);
	buf_release(&out);
	return rc;
}
