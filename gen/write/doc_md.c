/* SPDX-License-Identifier: MIT */
/* doc_md: a document as GFM Markdown (doc_md.h).  Layout only: every word
 * comes from the blocks; the writer adds Markdown's marks. */
#include "doc_md.h"

#include <stdlib.h>
#include <string.h>

#include "mdbuf.h"
#include "xalloc.h"

typedef struct {
	DocWriter w;
	Buf *out;
	const char *img;
	int in_list;
	size_t n_col; /* of the open table */
} S_Md;

/* A run's text with its spaces kept at its edges (md_escape trims them)
 * and outside the emphasis marks, which may not touch a space inside; a
 * link "[text](href)", a picture "![alt](<img prefix><stem>.svg)", itself
 * a link when it has one. */
static void S_run(Buf *out, const DocRun *r, const char *img)
{
	if (r->img) {
		if (r->href)
			buf_putc(out, '[');
		buf_puts(out, "![");
		md_escape(out, r->text);
		buf_printf(out, "](%s%s.svg)", img, r->img);
		if (r->href)
			buf_printf(out, "](%s)", r->href);
		return;
	}
	const char *s = r->text;
	size_t n = strlen(s), a = 0, z = n;
	while (a < n && s[a] == ' ')
		a++;
	while (z > a && s[z - 1] == ' ')
		z--;
	if (a)
		buf_putc(out, ' ');
	if (z > a) {
		static const char *const mark[4] = {"", "**", "*", "***"};
		const char *mk = mark[r->style & 3];
		char *mid = xstrndup(s + a, z - a);
		buf_puts(out, mk);
		if (r->href) {
			buf_putc(out, '[');
			md_escape(out, mid);
			buf_printf(out, "](%s)", r->href);
		} else
			md_escape(out, mid);
		buf_puts(out, mk);
		free(mid);
	}
	if (z < n && z > a)
		buf_putc(out, ' ');
}

static void S_inl(Buf *out, const DocInl *p, const char *img)
{
	for (size_t i = 0; i < p->n; i++)
		S_run(out, &p->v[i], img);
}

void doc_md_inl(Buf *out, const DocInl *p)
{
	S_inl(out, p, "");
}

/* A heading's or a table head's text: no emphasis of its own (it is bold
 * already), links kept. */
static void S_plain(Buf *out, const DocInl *p)
{
	int links = 0;
	for (size_t i = 0; i < p->n; i++)
		links |= p->v[i].href != NULL;
	if (!links) {
		Buf t;
		buf_init(&t);
		doc_inl_text(p, &t);
		md_escape(out, t.ptr);
		buf_release(&t);
		return;
	}
	for (size_t i = 0; i < p->n; i++) {
		DocRun r = p->v[i];
		r.style = 0;
		S_run(out, &r, "");
	}
}

static void S_end_list(S_Md *c)
{
	if (c->in_list) {
		md_cut_end(c->out);
		buf_putc(c->out, '\n');
	}
	c->in_list = 0;
}

/* Lines joined by hard breaks, empty ones skipped, bold when strong. */
static void S_lines(Buf *out, const char *const *line, const int *strong, int n)
{
	int last = -1;
	for (int i = 0; i < n; i++)
		if (line[i] && *line[i])
			last = i;
	for (int i = 0; i <= last; i++) {
		if (!line[i] || !*line[i])
			continue;
		buf_puts(out, strong[i] ? "**" : "");
		md_escape(out, line[i]);
		buf_puts(out, strong[i] ? "**" : "");
		buf_puts(out, i < last ? "\\\n" : "\n");
	}
	if (last >= 0)
		buf_putc(out, '\n');
}

static void S_cell(S_Md *c, const DocCell *cell)
{
	buf_putc(c->out, ' ');
	S_inl(c->out, &cell->inl, c->img);
	buf_puts(c->out, " |");
}

/* The header rows as one: each column names every header cell above it. */
static void S_head(S_Md *c, const DocBlock *b)
{
	Buf *out = c->out;
	size_t nc = b->n_col, nh = b->n_head;
	const DocCell **own = xcalloc(nc * nh + 1, sizeof *own);
	for (size_t r = 0; r < nh; r++)
		for (size_t k = 0; k < nc; k++) {
			const DocCell *cell = &b->head[r * nc + k];
			if (cell->covered)
				continue;
			for (size_t rr = r; rr < nh && rr < r + (size_t)cell->rowspan; rr++)
				for (size_t kk = k; kk < nc && kk < k + (size_t)cell->colspan; kk++)
					own[rr * nc + kk] = cell;
		}
	buf_putc(out, '|');
	for (size_t k = 0; k < nc; k++) {
		buf_putc(out, ' ');
		const DocCell *prev = NULL;
		for (size_t r = 0; r < nh; r++) {
			const DocCell *o = own[r * nc + k];
			if (!o || o == prev)
				continue;
			if (prev)
				buf_puts(out, ": ");
			S_plain(out, &o->inl);
			prev = o;
		}
		buf_puts(out, " |");
	}
	buf_puts(out, "\n|");
	for (size_t k = 0; k < nc; k++) {
		DocAlign al = b->col_align ? b->col_align[k] : DOC_AL_LEFT;
		buf_puts(out, al == DOC_AL_RIGHT ? "---:|" : al == DOC_AL_CENTER ? ":---:|" : "---|");
	}
	buf_putc(out, '\n');
	free(own);
}

static void S_put(DocWriter *w, const DocBlock *b)
{
	S_Md *c = (S_Md *)w;
	Buf *out = c->out;
	if (b->kind != DOC_ITEM)
		S_end_list(c);
	/* a piece may end before any block */
	if (b->kind == DOC_PARA || b->kind == DOC_FIGURE || b->kind == DOC_TABLE ||
	    b->kind == DOC_TITLE || (b->kind == DOC_ITEM && !c->in_list))
		md_cut(out, MD_CUT_BLOCKS);
	switch (b->kind) {
	case DOC_META:
	case DOC_MAIN_END:
	case DOC_END:
	case DOC_PAGE: /* pages are the PDF's business */
		break;
	case DOC_HEADER: {
		static const int strong[2] = {0, 1};
		S_lines(out, b->line, strong, 2);
		const char *nat[2] = {b->line[4], b->line[5]};
		static const int both[2] = {1, 1};
		S_lines(out, nat, both, 2);
		Buf vv;
		buf_init(&vv);
		doc_inl_text(&b->inl, &vv);
		const char *so[3] = {b->line[2], vv.ptr, b->line[3]};
		static const int none[3] = {0, 0, 0};
		S_lines(out, so, none, 3);
		buf_release(&vv);
		break;
	}
	case DOC_KINH_GUI:
		md_cut(out, MD_CUT_BLOCKS);
		md_escape(out, b->line[0] ? b->line[0] : "");
		if (b->n_item == 1) {
			buf_putc(out, ' ');
			md_escape(out, b->item[0]);
			buf_puts(out, "\n\n");
			break;
		}
		buf_puts(out, "\n\n");
		for (size_t i = 0; i < b->n_item; i++) {
			buf_puts(out, "- ");
			md_escape(out, b->item[i]);
			buf_putc(out, '\n');
		}
		buf_putc(out, '\n');
		break;
	case DOC_TITLE:
		if (b->line[0] && *b->line[0]) {
			buf_puts(out, "**");
			md_escape(out, b->line[0]);
			buf_puts(out, "**\n\n");
		}
		buf_puts(out, "# ");
		for (size_t i = 0; i < b->inl.n; i++) {
			/* a heading is bold already */
			DocRun r = b->inl.v[i];
			r.style &= ~DOC_BOLD;
			S_run(out, &r, c->img);
		}
		buf_puts(out, "\n\n");
		if (b->line[1] && *b->line[1]) {
			buf_putc(out, '*');
			md_escape(out, b->line[1]);
			buf_puts(out, "*\n\n");
		}
		if (b->line[2] && *b->line[2]) {
			md_escape(out, b->line[2]);
			buf_puts(out, "\n\n");
		}
		break;
	case DOC_HEADING: {
		md_cut(out, MD_CUT_BLOCKS);
		int level = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
		buf_puts(out, level == 1 ? "## " : level == 2 ? "### " : "#### ");
		S_plain(out, &b->inl);
		buf_puts(out, "\n\n");
		break;
	}
	case DOC_PARA:
	case DOC_COLOPHON:
		if (b->kind == DOC_COLOPHON) {
			md_cut(out, MD_CUT_BLOCKS);
			buf_puts(out, "---\n\n");
		}
		S_inl(out, &b->inl, c->img);
		buf_puts(out, "\n\n");
		break;
	case DOC_ITEM: {
		int level = b->level < 1 ? 1 : b->level;
		for (int i = 1; i < level; i++)
			buf_puts(out, "    ");
		const char *mk = b->line[0] && *b->line[0] ? b->line[0] : "-";
		/* an ordered marker "3." stays a marker: it is ours */
		buf_puts(out, strcmp(mk, "-") == 0 ? "-" : mk);
		buf_putc(out, ' ');
		S_inl(out, &b->inl, c->img);
		buf_putc(out, '\n');
		c->in_list = 1;
		md_cut(out, MD_CUT_LIST);
		break;
	}
	case DOC_TABLE: {
		size_t at = out->len;
		c->n_col = b->n_col;
		S_head(c, b);
		md_cut_head(out, at);
		break;
	}
	case DOC_ROW:
		buf_putc(out, '|');
		for (size_t k = 0; k < b->n_col; k++)
			S_cell(c, &b->cell[k]);
		buf_putc(out, '\n');
		md_cut(out, MD_CUT_TABLE);
		break;
	case DOC_TABLE_END:
		md_cut_end(out);
		buf_putc(out, '\n');
		break;
	case DOC_FIGURE: {
		Buf t;
		buf_init(&t);
		doc_inl_text(&b->inl, &t);
		buf_puts(out, "![");
		md_escape(out, t.ptr);
		buf_printf(out, "](%s%s.svg)\n\n", c->img, b->line[0] ? b->line[0] : "");
		/* the caption under it, as the PDF prints it */
		if (t.len && !(b->flags & DOC_F_ALT)) {
			buf_putc(out, '*');
			md_escape(out, t.ptr);
			buf_puts(out, "*\n\n");
		}
		buf_release(&t);
		break;
	}
	case DOC_SIGNATURE: {
		md_cut(out, MD_CUT_BLOCKS);
		if (b->n_item && b->line[4]) {
			buf_puts(out, "**");
			md_escape(out, b->line[4]);
			buf_puts(out, "**\n\n");
			for (size_t i = 0; i < b->n_item; i++) {
				buf_puts(out, "- ");
				md_escape(out, b->item[i]);
				buf_putc(out, '\n');
			}
			buf_putc(out, '\n');
		}
		const char *ky[4] = {b->line[0], b->line[1], b->line[2], b->line[3]};
		static const int strong[4] = {1, 1, 1, 1};
		S_lines(out, ky, strong, 4);
		break;
	}
	case DOC_APPENDIX:
		md_cut(out, MD_CUT_BLOCKS);
		buf_puts(out, "## ");
		md_escape(out, b->line[0]);
		buf_puts(out, "\n\n**");
		md_escape(out, b->line[1]);
		buf_puts(out, "**\n\n*");
		md_escape(out, b->line[2]);
		buf_puts(out, "*\n\n");
		break;
	}
}

DocWriter *doc_md_new(Buf *out, const char *img_prefix)
{
	S_Md *c = xcalloc(1, sizeof *c);
	c->w.put = S_put;
	c->out = out;
	c->img = img_prefix ? img_prefix : "";
	return &c->w;
}

void doc_md_free(DocWriter *w)
{
	free(w);
}
