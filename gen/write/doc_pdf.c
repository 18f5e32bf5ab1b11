/* SPDX-License-Identifier: MIT */
/* doc_pdf: a document drawn as the PDF (doc_pdf.h).  Layout only: every
 * word comes from the blocks.
 *
 * Choices where the contract is silent:
 *   - a heading keeps with the first lines of what follows it (headings
 *     in a row go together): never alone at a page's foot;
 *   - a chart keeps with its caption under it; when it does not fit
 *     under the text drawn so far it floats to the top of the next page
 *     while the text after it flows on to fill this one (it never passes
 *     the next heading, table, signature or appendix: those start after
 *     it);
 *   - the provisional mark (DOC_META line[4]) is a line at the foot of
 *     every page but the first, where it is under the title: the top
 *     holds the page number alone;
 *   - a merged "Căn cứ thực hiện" cell whose rows cannot stay on one page
 *     is drawn again on the next page, its text prefixed "(tiếp)";
 *   - a table cell is drawn in one style: bold (or italic) when all its
 *     runs are, else regular;
 *   - the colophon follows the last appendix on its last page. */
#include "doc_pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "chart.h"
#include "layout.h"
#include "xalloc.h"

#define S_BODY 13.0f  /* body text, pt (the decree: 13-14) */
#define S_SMALL 11.0f /* tables */
#define S_TINY 8.0f   /* the colophon */
#define S_INDENT LO_MM(10)
#define S_GAP 6.0f    /* space after a paragraph */
/* Body rows flowed at a time (lo_table_flow_batch): a table's memory is
 * that of a batch, whatever the number of units. */
#define S_BATCH 256

typedef struct {
	DocWriter w;
	LoDoc d;
	const char *charts;
	char *head_text;   /* the running head, or NULL */
	int landscape;     /* of the pages of the current part */
	int opened;        /* a page exists */
	/* the open table */
	LoTable tb;
	int in_table, skip_table;
	char **own;        /* the cells' texts until their rows are drawn */
	size_t n_own, cap_own, n_body;
	/* a heading kept with what follows it */
	DocList keep;
	int keeping;
	/* a chart floated to the next page's top */
	DocList fig;
} S_Pdf;

static float S_w(const S_Pdf *c) { return c->d.x1 - c->d.x0; }

static void S_page(S_Pdf *c)
{
	lo_page_new(&c->d, c->landscape);
	c->opened = 1;
}

static void S_ensure(S_Pdf *c)
{
	if (!c->opened)
		S_page(c);
}

/* The runs of p as layout runs, after an optional marker. */
static LoRun *S_runs(const DocInl *p, const char *marker, size_t *n)
{
	LoRun *r = xcalloc(p->n + 2, sizeof *r);
	size_t k = 0;
	if (marker)
		r[k++] = (LoRun){marker, FONT_REGULAR};
	for (size_t i = 0; i < p->n; i++)
		r[k++] = (LoRun){p->v[i].text, (FontStyle)(p->v[i].style & 3)};
	*n = k;
	return r;
}

static char *S_marker(const DocBlock *b)
{
	return xasprintf("%s ", b->line[0] && *b->line[0] ? b->line[0] : "-");
}

static float S_item_x(const S_Pdf *c, const DocBlock *b)
{
	(void)c;
	return b->level > 1 ? S_INDENT * (float)(b->level - 1) : 0;
}

static void S_rich(S_Pdf *c, const DocInl *p, const char *marker, FontStyle force, float size,
                   float dx, LoAlign al, float indent, float after)
{
	size_t n;
	LoRun *r = S_runs(p, marker, &n);
	if (force != FONT_REGULAR)
		for (size_t i = 0; i < n; i++)
			r[i].style = (FontStyle)(r[i].style | force);
	lo_rich(&c->d, r, n, size, c->d.x0 + dx, S_w(c) - dx, al, indent, after);
	free(r);
}

static float S_rich_h(const S_Pdf *c, const DocInl *p, const char *marker, float size, float dx,
                      float indent)
{
	size_t n;
	LoRun *r = S_runs(p, marker, &n);
	float h = lo_rich_height(&c->d, r, n, size, S_w(c) - dx, indent);
	free(r);
	return h;
}

static char *S_png(const S_Pdf *c, const DocBlock *b)
{
	if (!c->charts || !b->line[0])
		return NULL;
	char *png = xasprintf("%s/%s.png", c->charts, b->line[0]);
	if (access(png, R_OK) == 0)
		return png;
	free(png);
	return NULL;
}

/* ---- the decree's blocks ---- */

static void S_header(S_Pdf *c, const DocBlock *b)
{
	LoDoc *d = &c->d;
	/* two columns inside the margins, the right one wide enough for the
	 * national title at 12-13 pt */
	float left_w = LO_MM(70), gap = LO_MM(2);
	float lx = d->x0;
	float rx = d->x0 + left_w + gap, rw = d->x1 - rx;
	float top = d->y;
	float L = lo_leading(S_BODY);

	/* left: the issuing body, in capitals */
	char *cqcq = doc_upper(b->line[0] ? b->line[0] : "");
	char *cq = doc_upper(b->line[1] ? b->line[1] : "");
	float y = top;
	/* a blank line keeps its room: the clerk writes it in */
	y = *cqcq ? lo_text_box(d, FONT_REGULAR, 12.5f, lx, y, left_w, LO_CENTER, cqcq)
	          : y - lo_leading(12.5f);
	float yc = *cq ? lo_text_box(d, FONT_BOLD, 12.5f, lx, y, left_w, LO_CENTER, cq)
	               : y - lo_leading(12.5f);
	float cqw = lo_width(d, FONT_BOLD, 12.5f, cq);
	float rule = cqw > 0 && cqw < left_w ? cqw / 3 : left_w / 4;
	lo_rule(d, lx + (left_w - rule) / 2, lx + (left_w + rule) / 2, yc - 1.5f, 0.6f);
	float yl = lo_text_box(d, FONT_REGULAR, S_BODY, lx, yc - L * 0.6f, left_w, LO_CENTER,
	                       b->line[2] ? b->line[2] : "");
	/* a dispatch's summary under its number, 12 pt (Decree 30, Phụ lục I) */
	if (b->inl.n) {
		Buf vv;
		buf_init(&vv);
		doc_inl_text(&b->inl, &vv);
		yl = lo_text_box(d, FONT_REGULAR, 12, lx, yl - 2, left_w, LO_CENTER, vv.ptr);
		buf_release(&vv);
	}
	free(cqcq);
	free(cq);

	/* right: the national title and the motto */
	const char *qh = b->line[4] ? b->line[4] : "";
	float qs = 13;
	while (qs > 9 && lo_width(d, FONT_BOLD, qs, qh) > rw)
		qs -= 0.25f;
	float yr = lo_text_box(d, FONT_BOLD, qs, rx, top, rw, LO_CENTER, qh);
	const char *motto = b->line[5] ? b->line[5] : "";
	yr = lo_text_box(d, FONT_BOLD, S_BODY, rx, yr, rw, LO_CENTER, motto);
	float mw = lo_width(d, FONT_BOLD, S_BODY, motto);
	lo_rule(d, rx + (rw - mw) / 2, rx + (rw + mw) / 2, yr - 1.5f, 0.6f);
	yr = lo_text_box(d, FONT_ITALIC, S_BODY, rx, yr - L * 0.6f, rw, LO_CENTER,
	                 b->line[3] ? b->line[3] : "");
	d->y = (yl < yr ? yl : yr) - L;
}

static void S_title(S_Pdf *c, const DocBlock *b)
{
	LoDoc *d = &c->d;
	char *lv = doc_upper(b->line[0] ? b->line[0] : "");
	lo_paragraph(d, FONT_BOLD, 14, d->x0, S_w(c), LO_CENTER, 0, 0, lv);
	free(lv);
	S_rich(c, &b->inl, NULL, FONT_BOLD, 14, LO_MM(10), LO_CENTER, 0, 0);
	/* the summary line's rule sits under it, half a line clear */
	lo_rule(d, d->x0 + S_w(c) / 2 - LO_MM(15), d->x0 + S_w(c) / 2 + LO_MM(15), d->y - 5, 0.6f);
	d->y -= 12;
	if (b->line[1] && *b->line[1])
		lo_paragraph(d, FONT_ITALIC, S_SMALL, d->x0, S_w(c), LO_CENTER, 0, 0, b->line[1]);
	d->y -= lo_leading(S_BODY) * 0.5f;
}

/* "Nơi nhận" on the left, the signature on the right, side by side. */
static void S_signature(S_Pdf *c, const DocBlock *b)
{
	LoDoc *d = &c->d;
	float L = lo_leading(S_BODY);
	float lw = S_w(c) * 0.45f, rx = d->x0 + S_w(c) * 0.45f, rw = S_w(c) * 0.55f;
	float need_l = L + (float)b->n_item * lo_leading(11) + 4;
	float need_r = L * 4 + LO_MM(25);
	lo_need(d, need_l > need_r ? need_l : need_r);
	float top = d->y - L * 0.5f;
	float yl = top;
	if (b->line[4])
		yl = lo_text_box(d, FONT_BOLD_ITALIC, 12, d->x0, top, lw, LO_LEFT, b->line[4]);
	Buf t;
	buf_init(&t);
	for (size_t i = 0; i < b->n_item; i++) {
		buf_reset(&t);
		buf_printf(&t, "- %s", b->item[i]);
		yl = lo_text_box(d, FONT_REGULAR, 11, d->x0, yl, lw, LO_LEFT, t.ptr);
	}
	buf_release(&t);
	float yr = top;
	for (size_t i = 0; i < 3; i++)
		if (b->line[i] && *b->line[i]) {
			char *up = doc_upper(b->line[i]);
			yr = lo_text_box(d, FONT_BOLD, S_BODY, rx, yr, rw, LO_CENTER, up);
			free(up);
		}
	yr -= LO_MM(25); /* room for the signature and the seal */
	yr = lo_text_box(d, FONT_BOLD, S_BODY, rx, yr, rw, LO_CENTER, b->line[3] ? b->line[3] : "");
	d->y = yl < yr ? yl : yr;
}

/* "Kính gửi:" and the addressees: one addressee on the line itself,
 * centred; several under it, each after a dash, hanging from a common
 * left edge (the decree's công văn form). */
static void S_kinh_gui(S_Pdf *c, const DocBlock *b)
{
	LoDoc *d = &c->d;
	const char *kg = b->line[0] ? b->line[0] : "";
	d->y -= lo_leading(S_BODY) * 0.3f;
	if (b->n_item == 1) {
		char *one = xasprintf("%s %s", kg, b->item[0]);
		lo_paragraph(d, FONT_REGULAR, 14, d->x0 + LO_MM(10), S_w(c) - LO_MM(20), LO_CENTER, 0,
		             S_GAP, one);
		free(one);
		return;
	}
	float kw = lo_width(d, FONT_REGULAR, 14, kg) + 4;
	float x = d->x0 + LO_MM(15);
	lo_need(d, lo_leading(14) * 2);
	float top = d->y;
	lo_text_box(d, FONT_REGULAR, 14, x, top, kw, LO_LEFT, kg);
	Buf t;
	buf_init(&t);
	for (size_t i = 0; i < b->n_item; i++) {
		buf_reset(&t);
		buf_printf(&t, "- %s", b->item[i]);
		lo_paragraph(d, FONT_REGULAR, 14, x + kw, d->x1 - x - kw, LO_LEFT, 0, 0, t.ptr);
	}
	buf_release(&t);
	d->y -= S_GAP;
}

static void S_appendix(S_Pdf *c, const DocBlock *b)
{
	LoDoc *d = &c->d;
	c->landscape = (b->flags & DOC_F_LANDSCAPE) != 0;
	lo_number_restart(d);
	S_page(c);
	lo_paragraph(d, FONT_BOLD, 14, d->x0, S_w(c), LO_CENTER, 0, 2, b->line[0]);
	lo_paragraph(d, FONT_BOLD, S_BODY, d->x0 + LO_MM(20), S_w(c) - LO_MM(40), LO_CENTER, 0, 0,
	             b->line[1]);
	lo_paragraph(d, FONT_ITALIC, S_BODY, d->x0, S_w(c), LO_CENTER, 0, 2, b->line[2]);
	d->y -= 8;
}

/* ---- tables ---- */

static char *S_own(S_Pdf *c, char *s)
{
	c->own = xgrow(c->own, &c->cap_own, c->n_own + 1, sizeof *c->own);
	c->own[c->n_own++] = s;
	return s;
}

static void S_free_own(S_Pdf *c)
{
	for (size_t i = 0; i < c->n_own; i++)
		free(c->own[i]);
	c->n_own = 0;
}

static void S_set_row(S_Pdf *c, size_t r, const DocCell *cells, int head)
{
	for (size_t k = 0; k < c->tb.n_col; k++) {
		const DocCell *cell = &cells[k];
		if (cell->covered)
			continue;
		Buf t;
		buf_init(&t);
		doc_inl_text(&cell->inl, &t);
		int all = 3;
		for (size_t i = 0; i < cell->inl.n; i++)
			all &= cell->inl.v[i].style;
		LoCell *lc = lo_table_set(&c->tb, r, k, S_own(c, buf_detach(&t, NULL)), cell->colspan,
		                          cell->rowspan);
		lc->style = head ? FONT_BOLD : (FontStyle)(cell->inl.n ? all : 0);
		lc->align = cell->align == DOC_AL_CENTER ? LO_CENTER
		            : cell->align == DOC_AL_RIGHT ? LO_RIGHT
		                                          : LO_LEFT;
	}
}

static void S_table(S_Pdf *c, const DocBlock *b)
{
	float sum = 0;
	for (size_t k = 0; k < b->n_col; k++)
		sum += b->width && b->width[k] > 0 ? b->width[k] : 1;
	float *w = xmalloc((b->n_col ? b->n_col : 1) * sizeof *w);
	for (size_t k = 0; k < b->n_col; k++)
		w[k] = (b->width && b->width[k] > 0 ? b->width[k] : 1) * S_w(c) / sum;
	lo_table_init(&c->tb, b->n_col, w);
	free(w);
	c->tb.size = S_SMALL;
	c->tb.pad = 2.5f;
	/* a table of many columns (Phụ lục II's targets): a point smaller,
	 * so that a figure and its marks fit a cell's line */
	if (b->n_col > 8) {
		c->tb.size = S_SMALL - 1;
		c->tb.pad = 2;
	}
	c->tb.cont_prefix = "(tiếp) ";
	for (size_t r = 0; r < b->n_head; r++) {
		size_t row = lo_table_row(&c->tb);
		S_set_row(c, row, &b->head[r * b->n_col], 1);
	}
	c->tb.n_head = b->n_head;
	c->in_table = 1;
	c->n_body = 0;
}

static void S_row(S_Pdf *c, const DocBlock *b)
{
	if (b->n_col != c->tb.n_col)
		return;
	size_t r = lo_table_row(&c->tb);
	S_set_row(c, r, b->cell, 0);
	/* a batch's texts go when it is drawn; a header's stay till the end */
	if (++c->n_body % S_BATCH == 0 && lo_table_flow_batch(&c->d, &c->tb, NULL)) {
		/* the header texts are the first ones owned: keep them */
		size_t keep = 0;
		for (size_t i = 0; i < c->tb.n_head * c->tb.n_col; i++)
			keep += !c->tb.cell[i].covered;
		for (size_t i = keep; i < c->n_own; i++)
			free(c->own[i]);
		c->n_own = keep;
	}
}

static void S_table_end(S_Pdf *c)
{
	lo_table_flow(&c->d, &c->tb, NULL);
	lo_table_release(&c->tb);
	S_free_own(c);
	c->in_table = 0;
	c->d.y -= S_GAP;
}

/* ---- flowing blocks ---- */

#define S_CAPTION 11.0f

/* The height of a chart and its caption (0: no chart). */
static float S_figure_h(S_Pdf *c, const DocBlock *b)
{
	char *png = S_png(c, b);
	if (!png)
		return 0;
	free(png);
	float w = LO_MM(CHART_CHI_TIEU_W_MM) > S_w(c) ? S_w(c) : LO_MM(CHART_CHI_TIEU_W_MM);
	Buf t;
	buf_init(&t);
	doc_inl_text(&b->inl, &t);
	float cap = t.len ? lo_text_height(&c->d, FONT_ITALIC, S_CAPTION, w, t.ptr) + 3 : 0;
	buf_release(&t);
	return LO_MM(CHART_CHI_TIEU_H_MM) + 4 + cap + S_GAP;
}

/* Draws the chart and its caption at the cursor (room already checked). */
static void S_figure_draw(S_Pdf *c, const DocBlock *b)
{
	char *png = S_png(c, b);
	if (!png)
		return;
	/* at the size chart.c drew it for, when the page is wide enough */
	float w = LO_MM(CHART_CHI_TIEU_W_MM), maxh = LO_MM(CHART_CHI_TIEU_H_MM);
	if (w > S_w(c))
		w = S_w(c);
	float x = c->d.x0 + (S_w(c) - w) / 2;
	float h = lo_png(&c->d, png, x, c->d.y, w, maxh);
	free(png);
	if (h <= 0)
		return;
	c->d.y -= h + 4;
	Buf t;
	buf_init(&t);
	doc_inl_text(&b->inl, &t);
	if (t.len)
		c->d.y = lo_text_box(&c->d, FONT_ITALIC, S_CAPTION, x, c->d.y, w, LO_CENTER, t.ptr) - 3;
	buf_release(&t);
	c->d.y -= S_GAP;
}

/* A new page's hook: the floated chart goes first. */
static void S_on_page(LoDoc *d, void *ctx)
{
	S_Pdf *c = ctx;
	(void)d;
	if (!c->fig.n)
		return;
	DocList fig = c->fig;
	doc_list_init(&c->fig);
	S_figure_draw(c, &fig.v[0].b);
	doc_list_release(&fig);
}

/* The floated chart is placed before what may not pass it. */
static void S_fig_flush(S_Pdf *c)
{
	if (c->fig.n)
		lo_page_new(&c->d, c->landscape);
}

static void S_figure(S_Pdf *c, const DocBlock *b)
{
	float h = S_figure_h(c, b);
	if (h <= 0)
		return;
	S_fig_flush(c);
	if (c->d.y - h >= c->d.y_bottom || c->d.y >= c->d.y_top) {
		S_figure_draw(c, b);
		return;
	}
	/* floats: the text after it fills this page */
	doc_list_add(&c->fig, b);
}

static void S_draw(S_Pdf *c, const DocBlock *b);

/* The height of a kept block (headings, paragraphs, items, a figure). */
static float S_height(S_Pdf *c, const DocBlock *b)
{
	switch (b->kind) {
	case DOC_HEADING:
	case DOC_PARA:
		return S_rich_h(c, &b->inl, NULL, S_BODY, 0, S_INDENT) + S_GAP;
	case DOC_ITEM: {
		char *mk = S_marker(b);
		float h = S_rich_h(c, &b->inl, mk, S_BODY, S_item_x(c, b), S_INDENT) + 2;
		free(mk);
		return h;
	}
	case DOC_FIGURE:
		return S_figure_h(c, b);
	default:
		return 0;
	}
}

/* Draws the kept headings with room under them for the first lines of
 * next (NULL: none follows). */
static void S_flush_keep(S_Pdf *c, const DocBlock *next)
{
	if (!c->keeping)
		return;
	c->keeping = 0;
	float h = 0;
	for (size_t i = 0; i < c->keep.n; i++)
		h += S_height(c, &c->keep.v[i].b);
	float L = lo_leading(S_BODY);
	if (next) {
		float nh = next->kind == DOC_FIGURE ? S_height(c, next)
		           : next->kind == DOC_PARA || next->kind == DOC_ITEM ? S_height(c, next)
		                                                              : 0;
		if (next->kind != DOC_FIGURE && (nh <= 0 || nh > L * 3 + S_GAP))
			nh = L * 3 + S_GAP;
		h += nh;
	}
	if (h < c->d.y_top - c->d.y_bottom)
		lo_need(&c->d, h);
	for (size_t i = 0; i < c->keep.n; i++)
		S_draw(c, &c->keep.v[i].b);
	doc_list_release(&c->keep);
}

static void S_draw(S_Pdf *c, const DocBlock *b)
{
	LoDoc *d = &c->d;
	switch (b->kind) {
	case DOC_HEADING: {
		if (d->y < d->y_top)
			d->y -= 3; /* a little air above, none at a page's top */
		lo_need(d, lo_leading(S_BODY) * 2);
		FontStyle st = b->level >= 3 ? FONT_BOLD_ITALIC : FONT_BOLD;
		S_rich(c, &b->inl, NULL, st, S_BODY, 0, LO_JUSTIFY, S_INDENT, S_GAP);
		break;
	}
	case DOC_PARA:
		if (b->flags & DOC_F_CENTER)
			S_rich(c, &b->inl, NULL, FONT_REGULAR, S_BODY, 0, LO_CENTER, 0, S_GAP);
		else
			S_rich(c, &b->inl, NULL, FONT_REGULAR, S_BODY, 0, LO_JUSTIFY,
			       b->flags & DOC_F_NOINDENT ? 0 : S_INDENT, S_GAP);
		break;
	case DOC_ITEM: {
		/* the decree's enumerations: "- …" as a justified paragraph */
		char *mk = S_marker(b);
		S_rich(c, &b->inl, mk, FONT_REGULAR, S_BODY, S_item_x(c, b), LO_JUSTIFY, S_INDENT, 2);
		free(mk);
		break;
	}
	case DOC_FIGURE:
		S_figure(c, b);
		break;
	case DOC_COLOPHON:
		d->y -= 12;
		lo_need(d, lo_leading(S_TINY) * 4);
		lo_rule(d, d->x0, d->x0 + LO_MM(40), d->y, 0.4f);
		d->y -= 3;
		S_rich(c, &b->inl, NULL, FONT_ITALIC, S_TINY, 0, LO_LEFT, 0, 1);
		break;
	default:
		break;
	}
}

static void S_put(DocWriter *w, const DocBlock *b)
{
	S_Pdf *c = (S_Pdf *)w;
	if (b->kind == DOC_META) {
		lo_set_meta(&c->d, b->line[0], b->line[1], b->line[2], b->line[3]);
		free(c->head_text);
		c->head_text = b->line[4] ? xstrdup(b->line[4]) : NULL;
		return;
	}
	if (b->flags & DOC_F_SCREEN) {
		if (b->kind == DOC_TABLE)
			c->skip_table = 1;
		else if (b->kind == DOC_TABLE_END)
			c->skip_table = 0;
		return;
	}
	if (c->skip_table && (b->kind == DOC_ROW || b->kind == DOC_TABLE_END))
		return;
	/* a floated chart stays inside its part: what starts a new one
	 * comes after it */
	if (b->kind == DOC_HEADING || b->kind == DOC_TABLE || b->kind == DOC_SIGNATURE ||
	    b->kind == DOC_APPENDIX || b->kind == DOC_COLOPHON || b->kind == DOC_END ||
	    b->kind == DOC_MAIN_END)
		if (!(b->kind == DOC_HEADING && b->level > 2))
			S_fig_flush(c);
	if (c->keeping) {
		/* headings in a row go together, then with the first lines
		 * of what follows */
		if (b->kind == DOC_HEADING && b->level <= 2 && c->keep.n < 8) {
			doc_list_add(&c->keep, b);
			return;
		}
		S_flush_keep(c, b);
	}
	S_ensure(c);
	if (!c->d.running_foot && c->head_text)
		c->d.running_foot = c->head_text; /* from page 2: page 1 has it under the title */
	switch (b->kind) {
	case DOC_HEADER:
		S_header(c, b);
		break;
	case DOC_TITLE:
		S_title(c, b);
		break;
	case DOC_HEADING:
		if (b->level <= 2) {
			c->keeping = 1;
			doc_list_add(&c->keep, b);
		} else
			S_draw(c, b);
		break;
	case DOC_TABLE:
		S_table(c, b);
		break;
	case DOC_ROW:
		if (c->in_table)
			S_row(c, b);
		break;
	case DOC_TABLE_END:
		if (c->in_table)
			S_table_end(c);
		break;
	case DOC_SIGNATURE:
		S_signature(c, b);
		break;
	case DOC_KINH_GUI:
		S_kinh_gui(c, b);
		break;
	case DOC_APPENDIX:
		S_appendix(c, b);
		break;
	case DOC_END:
	case DOC_MAIN_END:
	case DOC_META:
		break;
	default:
		S_draw(c, b);
	}
}

DocWriter *doc_pdf_open(const char *path, const char *charts_dir, char **err)
{
	S_Pdf *c = xcalloc(1, sizeof *c);
	c->w.put = S_put;
	c->charts = charts_dir;
	doc_list_init(&c->keep);
	doc_list_init(&c->fig);
	if (lo_open_file(&c->d, path, err)) {
		lo_close(&c->d);
		free(c);
		return NULL;
	}
	c->d.on_page = S_on_page;
	c->d.on_page_ctx = c;
	return &c->w;
}

int doc_pdf_close(DocWriter *w, char **err)
{
	S_Pdf *c = (S_Pdf *)w;
	S_flush_keep(c, NULL);
	S_fig_flush(c);
	if (c->in_table)
		S_table_end(c);
	S_ensure(c);
	int rc = lo_finish(&c->d, err);
	lo_close(&c->d);
	doc_list_release(&c->keep);
	doc_list_release(&c->fig);
	free(c->own);
	free(c->head_text);
	free(c);
	return rc;
}
