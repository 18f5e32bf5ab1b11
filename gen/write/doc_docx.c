/* SPDX-License-Identifier: MIT */
/* doc_docx: a document written as a Word file (doc_docx.h).  Layout only:
 * every word comes from the blocks.
 *
 * Choices where the contract is silent:
 *   - a list item's marker ("-", "1.") is the item's text, as in the PDF,
 *     in the style List Paragraph (a Word numbering would renumber what
 *     the builder numbered);
 *   - the short rules under the issuing body's name, the motto and the
 *     summary line are bottom borders of empty paragraphs indented to the
 *     rule's length (no drawing shapes: they move with the text);
 *   - a figure's alt text is its caption (style Caption) under it;
 *   - the running head (provisional figures) is a right-aligned italic
 *     line of every page's header, under the page number's line;
 *   - a section break is an empty paragraph holding the section's
 *     properties (WordprocessingML puts them on the section's last
 *     paragraph). */
#include "doc_docx.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/xmlwriter.h>
#include <zip.h>

#include "buf.h"
#include "chart.h"
#include "xalloc.h"

/* Twentieths of a point (twips) and half-points, Word's units. */
#define S_TW_MM(x) ((int)((x) * 1440.0 / 25.4 + 0.5))
#define S_A4_W 11906
#define S_A4_H 16838
#define S_M_TOP S_TW_MM(20)
#define S_M_BOTTOM S_TW_MM(20)
#define S_M_LEFT S_TW_MM(30)
#define S_M_RIGHT S_TW_MM(15)
#define S_INDENT S_TW_MM(10)
#define S_EMU_MM 36000L

static const char S_W[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char S_R[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
static const char S_WP[] = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
static const char S_A[] = "http://schemas.openxmlformats.org/drawingml/2006/main";
static const char S_PIC[] = "http://schemas.openxmlformats.org/drawingml/2006/picture";
static const char S_REL_BASE[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

typedef struct {
	char *path; /* the PNG in charts/ */
	long cx, cy; /* EMU */
} S_Img;

typedef struct {
	DocWriter w;
	char *path, *body_path;
	const char *charts;
	xmlTextWriterPtr x;
	int bad;           /* an XML write failed */
	char *meta[5];     /* DOC_META's lines */
	int landscape;     /* of the open section */
	int appendix;      /* the open section is an appendix (numbered from 1) */
	int skip_table;    /* a DOC_F_SCREEN table is open */
	int keep;          /* after a level-2 heading: kept with what follows */
	const char *jc;    /* the open paragraph's alignment (S_p, S_p_body) */
	/* the open table */
	int in_table;
	size_t n_col, n_tr; /* its columns, its rows written */
	int *grid;         /* [n_col] column widths, twips */
	int *rem, *span;   /* [n_col] rows still covered by a vertical merge, its span */
	S_Img *img;
	size_t n_img, cap_img;
	int n_drawing;
} S_Docx;

/* ---- XML helpers: every write's result is kept ---- */

static void S_s(S_Docx *c, const char *name)
{
	c->bad |= xmlTextWriterStartElement(c->x, BAD_CAST name) < 0;
}

static void S_e(S_Docx *c)
{
	c->bad |= xmlTextWriterEndElement(c->x) < 0;
}

static void S_a(S_Docx *c, const char *name, const char *v)
{
	c->bad |= xmlTextWriterWriteAttribute(c->x, BAD_CAST name, BAD_CAST v) < 0;
}

static void S_ai(S_Docx *c, const char *name, long v)
{
	char t[32];
	snprintf(t, sizeof t, "%ld", v);
	S_a(c, name, t);
}

/* <name w:val="v"/> (v NULL: no attribute) */
static void S_v(S_Docx *c, const char *name, const char *v)
{
	S_s(c, name);
	if (v)
		S_a(c, "w:val", v);
	S_e(c);
}

static void S_vi(S_Docx *c, const char *name, long v)
{
	S_s(c, name);
	S_ai(c, "w:val", v);
	S_e(c);
}

/* Text for an XML text node: characters XML 1.0 cannot hold (C0 controls
 * but tab and newline) become spaces. */
static void S_text(S_Docx *c, const char *s, size_t n)
{
	char *t = xstrndup(s, n);
	for (char *p = t; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	c->bad |= xmlTextWriterWriteString(c->x, BAD_CAST t) < 0;
	free(t);
}

/* A run: bold and italic from style, size in half-points (0: the style's). */
static void S_run(S_Docx *c, const char *s, int style, int size)
{
	if (!s || !*s)
		return;
	S_s(c, "w:r");
	if (style || size) {
		S_s(c, "w:rPr");
		if (style & DOC_BOLD)
			S_v(c, "w:b", NULL);
		if (style & DOC_ITALIC)
			S_v(c, "w:i", NULL);
		if (size) {
			S_vi(c, "w:sz", size);
			S_vi(c, "w:szCs", size);
		}
		S_e(c);
	}
	/* newlines and tabs are Word's own elements */
	const char *p = s;
	while (*p) {
		size_t k = strcspn(p, "\n\t");
		if (k) {
			S_s(c, "w:t");
			S_a(c, "xml:space", "preserve");
			S_text(c, p, k);
			S_e(c);
		}
		p += k;
		if (*p == '\n')
			S_v(c, "w:br", NULL);
		else if (*p == '\t')
			S_v(c, "w:tab", NULL);
		if (*p)
			p++;
	}
	S_e(c);
}

static void S_runs(S_Docx *c, const DocInl *p, int force, int size)
{
	for (size_t i = 0; i < p->n; i++)
		S_run(c, p->v[i].text, p->v[i].style | force, size);
}

/* <w:p><w:pPr> with a style and an alignment (NULL: the style's); the
 * caller adds more properties in the schema's order (keepNext, pBdr,
 * spacing, ind: Word refuses another order), then S_p_body() puts the
 * alignment after them. */
static void S_p(S_Docx *c, const char *style, const char *jc)
{
	S_s(c, "w:p");
	S_s(c, "w:pPr");
	if (style)
		S_v(c, "w:pStyle", style);
	c->jc = jc;
}

static void S_p_body(S_Docx *c)
{
	if (c->jc)
		S_v(c, "w:jc", c->jc);
	c->jc = NULL;
	S_e(c); /* w:pPr */
}

/* A paragraph of one text. */
static void S_line(S_Docx *c, const char *style, const char *jc, const char *s, int st, int size)
{
	S_p(c, style, jc);
	S_p_body(c);
	S_run(c, s, st, size);
	S_e(c);
}

/* A short rule: an empty paragraph, its bottom border as long as
 * width - 2 * inset twips. */
static void S_rule(S_Docx *c, int inset)
{
	S_p(c, "Rule", NULL);
	S_s(c, "w:pBdr");
	S_s(c, "w:bottom");
	S_a(c, "w:val", "single");
	S_a(c, "w:sz", "6");
	S_a(c, "w:space", "1");
	S_a(c, "w:color", "000000");
	S_e(c);
	S_e(c);
	S_s(c, "w:ind");
	S_ai(c, "w:left", inset > 0 ? inset : 0);
	S_ai(c, "w:right", inset > 0 ? inset : 0);
	S_e(c);
	S_p_body(c);
	S_e(c);
}

/* The page's width between the margins, twips. */
static int S_text_w(const S_Docx *c)
{
	return (c->landscape ? S_A4_H : S_A4_W) - S_M_LEFT - S_M_RIGHT;
}

/* An estimate of a line's width in twips: Times New Roman's letters
 * average half an em, capitals and bold a little more. */
static int S_est_w(const char *s, int half_points, int bold)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	double em = bold ? 0.56 : 0.5;
	return (int)((double)n * em * half_points * 10);
}

/* ---- sections ---- */

static void S_sect_pr(S_Docx *c)
{
	S_s(c, "w:sectPr");
	S_s(c, "w:headerReference");
	S_a(c, "w:type", "default");
	S_a(c, "r:id", "rIdHeader1");
	S_e(c);
	S_s(c, "w:headerReference");
	S_a(c, "w:type", "first");
	S_a(c, "r:id", "rIdHeader2");
	S_e(c);
	S_v(c, "w:type", "nextPage");
	S_s(c, "w:pgSz");
	S_ai(c, "w:w", c->landscape ? S_A4_H : S_A4_W);
	S_ai(c, "w:h", c->landscape ? S_A4_W : S_A4_H);
	if (c->landscape)
		S_a(c, "w:orient", "landscape");
	S_e(c);
	S_s(c, "w:pgMar");
	S_ai(c, "w:top", S_M_TOP);
	S_ai(c, "w:right", S_M_RIGHT);
	S_ai(c, "w:bottom", S_M_BOTTOM);
	S_ai(c, "w:left", S_M_LEFT);
	S_ai(c, "w:header", S_TW_MM(8));
	S_ai(c, "w:footer", S_TW_MM(8));
	S_ai(c, "w:gutter", 0);
	S_e(c);
	S_s(c, "w:pgNumType");
	S_a(c, "w:start", "1");
	S_e(c);
	S_v(c, "w:titlePg", NULL);
	S_e(c);
}

/* Ends the open section: an empty paragraph carrying its properties. */
static void S_sect_break(S_Docx *c)
{
	S_s(c, "w:p");
	S_s(c, "w:pPr");
	S_v(c, "w:pStyle", "Rule");
	S_sect_pr(c);
	S_e(c);
	S_e(c);
}

/* ---- the decree's blocks ---- */

/* A borderless table of two columns (widths in twips). */
static void S_frame_start(S_Docx *c, int w0, int w1)
{
	S_s(c, "w:tbl");
	S_s(c, "w:tblPr");
	S_v(c, "w:tblStyle", "Frame");
	S_s(c, "w:tblW");
	S_ai(c, "w:w", w0 + w1);
	S_a(c, "w:type", "dxa");
	S_e(c);
	S_s(c, "w:tblLayout");
	S_a(c, "w:type", "fixed");
	S_e(c);
	S_s(c, "w:tblLook");
	S_a(c, "w:val", "0000");
	S_e(c);
	S_e(c);
	S_s(c, "w:tblGrid");
	S_s(c, "w:gridCol");
	S_ai(c, "w:w", w0);
	S_e(c);
	S_s(c, "w:gridCol");
	S_ai(c, "w:w", w1);
	S_e(c);
	S_e(c);
	S_s(c, "w:tr");
	S_s(c, "w:trPr");
	S_v(c, "w:cantSplit", NULL);
	S_e(c);
}

static void S_frame_cell(S_Docx *c, int w)
{
	S_s(c, "w:tc");
	S_s(c, "w:tcPr");
	S_s(c, "w:tcW");
	S_ai(c, "w:w", w);
	S_a(c, "w:type", "dxa");
	S_e(c);
	S_e(c);
}

static void S_frame_end(S_Docx *c)
{
	S_e(c); /* w:tr */
	S_e(c); /* w:tbl */
}

static void S_header(S_Docx *c, const DocBlock *b)
{
	int tw = S_text_w(c);
	int lw = S_TW_MM(72), rw = tw - lw;
	S_frame_start(c, lw, rw);

	/* left: the superior body, the issuing body in capitals, a rule, the number */
	S_frame_cell(c, lw);
	char *cqcq = doc_upper(b->line[0] ? b->line[0] : "");
	char *cq = doc_upper(b->line[1] ? b->line[1] : "");
	S_line(c, "HeaderBlock", NULL, cqcq, 0, 25);
	S_line(c, "HeaderBlock", NULL, cq, DOC_BOLD, 25);
	int cqw = S_est_w(cq, 25, 1);
	int rule = cqw > 0 && cqw < lw ? cqw / 3 : lw / 4;
	S_rule(c, (lw - rule) / 2);
	S_line(c, "HeaderBlock", NULL, b->line[2] ? b->line[2] : "", 0, 0);
	free(cqcq);
	free(cq);
	S_e(c);

	/* right: the national title, the motto and its rule, the place and date */
	S_frame_cell(c, rw);
	S_line(c, "HeaderBlock", NULL, b->line[4] ? b->line[4] : "", DOC_BOLD, 24);
	const char *motto = b->line[5] ? b->line[5] : "";
	S_line(c, "HeaderBlock", NULL, motto, DOC_BOLD, 0);
	int mw = S_est_w(motto, 26, 1);
	S_rule(c, mw > 0 && mw < rw ? (rw - mw) / 2 : rw / 4);
	S_line(c, "HeaderBlock", NULL, b->line[3] ? b->line[3] : "", DOC_ITALIC, 0);
	S_e(c);
	S_frame_end(c);
}

/* "Kính gửi: X." on one centred line; several addressees one a line,
 * each after a dash, indented under the words (the PDF's look). */
static void S_kinh_gui(S_Docx *c, const DocBlock *b)
{
	const char *kg = b->line[0] ? b->line[0] : "";
	if (b->n_item == 1) {
		char *one = xasprintf("%s %s", kg, b->item[0]);
		S_line(c, "KinhGui", "center", one, 0, 0);
		free(one);
		return;
	}
	S_line(c, "KinhGui", "left", kg, 0, 0);
	for (size_t i = 0; i < b->n_item; i++) {
		char *one = xasprintf("- %s", b->item[i]);
		S_p(c, "KinhGui", "left");
		S_s(c, "w:ind");
		S_ai(c, "w:left", S_TW_MM(30));
		S_e(c);
		S_p_body(c);
		S_run(c, one, 0, 0);
		S_e(c);
		free(one);
	}
}

static void S_title(S_Docx *c, const DocBlock *b)
{
	char *lv = doc_upper(b->line[0] ? b->line[0] : "");
	S_p(c, "Title", NULL);
	S_s(c, "w:spacing");
	S_a(c, "w:before", "360");
	S_a(c, "w:after", "0");
	S_e(c);
	S_p_body(c);
	S_run(c, lv, 0, 0);
	S_e(c);
	free(lv);
	S_p(c, "Title", NULL);
	S_s(c, "w:ind");
	S_ai(c, "w:left", S_INDENT);
	S_ai(c, "w:right", S_INDENT);
	S_e(c);
	S_p_body(c);
	S_runs(c, &b->inl, 0, 0);
	S_e(c);
	int tw = S_text_w(c);
	S_rule(c, (tw - S_TW_MM(30)) / 2);
	if (b->line[1] && *b->line[1])
		S_line(c, "TitleNote", NULL, b->line[1], 0, 0);
	S_line(c, "Rule", NULL, "", 0, 0);
}

/* "Nơi nhận" on the left, the signature on the right. */
static void S_signature(S_Docx *c, const DocBlock *b)
{
	int tw = S_text_w(c);
	int lw = tw * 45 / 100, rw = tw - lw;
	S_line(c, "Rule", NULL, "", 0, 0);
	S_frame_start(c, lw, rw);
	S_frame_cell(c, lw);
	if (b->n_item)
		S_line(c, "Recipients", NULL, b->line[4] ? b->line[4] : "", DOC_BOLD | DOC_ITALIC, 24);
	Buf t;
	buf_init(&t);
	for (size_t i = 0; i < b->n_item; i++) {
		buf_reset(&t);
		buf_printf(&t, "- %s", b->item[i]);
		S_line(c, "Recipients", NULL, t.ptr, 0, 0);
	}
	buf_release(&t);
	if (!b->n_item)
		S_line(c, "Recipients", NULL, "", 0, 0);
	S_e(c);
	S_frame_cell(c, rw);
	for (int i = 0; i < 3; i++)
		if (b->line[i] && *b->line[i]) {
			char *up = doc_upper(b->line[i]);
			S_line(c, "Signature", NULL, up, DOC_BOLD, 0);
			free(up);
		}
	/* room for the signature and the seal */
	S_p(c, "Signature", NULL);
	S_s(c, "w:spacing");
	S_ai(c, "w:before", S_TW_MM(25));
	S_e(c);
	S_p_body(c);
	S_run(c, b->line[3] ? b->line[3] : "", DOC_BOLD, 0);
	S_e(c);
	S_e(c);
	S_frame_end(c);
}

static void S_appendix(S_Docx *c, const DocBlock *b)
{
	S_sect_break(c);
	c->landscape = (b->flags & DOC_F_LANDSCAPE) != 0;
	c->appendix = 1;
	S_line(c, "AppendixTitle", NULL, b->line[0], 0, 0);
	S_p(c, "AppendixTitle", NULL);
	S_s(c, "w:ind");
	S_ai(c, "w:left", S_TW_MM(20));
	S_ai(c, "w:right", S_TW_MM(20));
	S_e(c);
	S_p_body(c);
	S_run(c, b->line[1], 0, 26);
	S_e(c);
	S_line(c, "AppendixNote", NULL, b->line[2], 0, 0);
}

/* ---- tables ---- */

static const char *S_jc(DocAlign a)
{
	return a == DOC_AL_CENTER ? "center" : a == DOC_AL_RIGHT ? "right" : "left";
}

static int S_span_w(const S_Docx *c, size_t k, size_t s)
{
	int w = 0;
	for (size_t i = k; i < k + s && i < c->n_col; i++)
		w += c->grid[i];
	return w;
}

static void S_tc_start(S_Docx *c, size_t k, size_t s, const char *vmerge)
{
	S_s(c, "w:tc");
	S_s(c, "w:tcPr");
	S_s(c, "w:tcW");
	S_ai(c, "w:w", S_span_w(c, k, s));
	S_a(c, "w:type", "dxa");
	S_e(c);
	if (s > 1)
		S_vi(c, "w:gridSpan", (long)s);
	if (vmerge)
		S_v(c, "w:vMerge", *vmerge ? vmerge : NULL);
	S_v(c, "w:vAlign", "center");
	S_e(c);
}

/* One row of cells: spans as gridSpan, a cell spanning rows as a vMerge
 * restart with continuations in the rows under it. */
static void S_tr(S_Docx *c, const DocCell *cells, int head)
{
	c->n_tr++;
	S_s(c, "w:tr");
	S_s(c, "w:trPr");
	S_v(c, "w:cantSplit", NULL);
	if (head)
		S_v(c, "w:tblHeader", NULL);
	S_e(c);
	size_t n = c->n_col;
	for (size_t k = 0; k < n;) {
		const DocCell *cell = &cells[k];
		if (c->rem[k] > 0 && cell->covered) {
			size_t s = (size_t)c->span[k];
			S_tc_start(c, k, s, "");
			S_p(c, head ? "TableHeading" : "TableText", NULL);
			S_p_body(c);
			S_e(c);
			S_e(c);
			c->rem[k]--;
			k += s;
			continue;
		}
		c->rem[k] = 0;
		if (cell->covered) {
			/* a slot no span claims: an empty cell keeps the grid whole */
			S_tc_start(c, k, 1, NULL);
			S_p(c, head ? "TableHeading" : "TableText", NULL);
			S_p_body(c);
			S_e(c);
			S_e(c);
			k++;
			continue;
		}
		size_t s = cell->colspan > 1 ? (size_t)cell->colspan : 1;
		if (s > n - k)
			s = n - k;
		int rs = cell->rowspan > 1 ? cell->rowspan : 1;
		S_tc_start(c, k, s, rs > 1 ? "restart" : NULL);
		S_p(c, head ? "TableHeading" : "TableText", head ? NULL : S_jc(cell->align));
		S_p_body(c);
		S_runs(c, &cell->inl, 0, c->n_col > 8 ? 20 : 0);
		S_e(c);
		S_e(c);
		if (rs > 1) {
			c->rem[k] = rs - 1;
			c->span[k] = (int)s;
		}
		k += s;
	}
	S_e(c);
}

static void S_table(S_Docx *c, const DocBlock *b)
{
	c->n_col = b->n_col ? b->n_col : 1;
	c->n_tr = 0;
	free(c->grid);
	free(c->rem);
	free(c->span);
	c->grid = xcalloc(c->n_col, sizeof *c->grid);
	c->rem = xcalloc(c->n_col, sizeof *c->rem);
	c->span = xcalloc(c->n_col, sizeof *c->span);
	float sum = 0;
	for (size_t k = 0; k < b->n_col; k++)
		sum += b->width && b->width[k] > 0 ? b->width[k] : 1;
	int tw = S_text_w(c);
	for (size_t k = 0; k < c->n_col; k++) {
		float wk = k < b->n_col && b->width && b->width[k] > 0 ? b->width[k] : 1;
		c->grid[k] = sum > 0 ? (int)(wk * (float)tw / sum) : tw;
	}
	S_s(c, "w:tbl");
	S_s(c, "w:tblPr");
	S_v(c, "w:tblStyle", "TableGrid");
	S_s(c, "w:tblW");
	S_ai(c, "w:w", S_span_w(c, 0, c->n_col));
	S_a(c, "w:type", "dxa");
	S_e(c);
	S_s(c, "w:tblLayout");
	S_a(c, "w:type", "fixed");
	S_e(c);
	S_s(c, "w:tblLook");
	S_a(c, "w:val", "0020");
	S_e(c);
	S_e(c);
	S_s(c, "w:tblGrid");
	for (size_t k = 0; k < c->n_col; k++) {
		S_s(c, "w:gridCol");
		S_ai(c, "w:w", c->grid[k]);
		S_e(c);
	}
	S_e(c);
	if (b->n_col)
		for (size_t r = 0; r < b->n_head; r++)
			S_tr(c, &b->head[r * b->n_col], 1);
	/* header rows cannot vMerge into the body */
	memset(c->rem, 0, c->n_col * sizeof *c->rem);
	c->in_table = 1;
}

static void S_table_end(S_Docx *c)
{
	if (!c->n_tr) {
		/* Word calls a table without a row damaged: one empty row */
		DocCell *empty = xcalloc(c->n_col, sizeof *empty);
		S_tr(c, empty, 0);
		free(empty);
	}
	S_e(c); /* w:tbl */
	c->in_table = 0;
	/* Word wants a paragraph between a table and what follows */
	S_line(c, "Rule", NULL, "", 0, 0);
}

/* ---- figures ---- */

/* The PNG's size in pixels from its IHDR chunk: 0, or -1. */
static int S_png_size(const char *path, uint32_t *w, uint32_t *h)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	unsigned char b[24];
	size_t n = fread(b, 1, sizeof b, fp);
	fclose(fp);
	if (n < 24 || memcmp(b, "\x89PNG\r\n\x1a\n", 8) || memcmp(b + 12, "IHDR", 4))
		return -1;
	*w = (uint32_t)b[16] << 24 | (uint32_t)b[17] << 16 | (uint32_t)b[18] << 8 | b[19];
	*h = (uint32_t)b[20] << 24 | (uint32_t)b[21] << 16 | (uint32_t)b[22] << 8 | b[23];
	return *w && *h ? 0 : -1;
}

static void S_figure(S_Docx *c, const DocBlock *b)
{
	if (!c->charts || !b->line[0])
		return;
	char *png = xasprintf("%s/%s.png", c->charts, b->line[0]);
	uint32_t pw, ph;
	if (access(png, R_OK) != 0 || S_png_size(png, &pw, &ph)) {
		free(png);
		return;
	}
	/* the size chart.c drew it for, the pixels' proportions kept */
	double wmm = CHART_CHI_TIEU_W_MM, hmm = wmm * ph / pw;
	double maxw = (double)S_text_w(c) * 25.4 / 1440;
	if (wmm > maxw) {
		hmm *= maxw / wmm;
		wmm = maxw;
	}
	if (hmm > CHART_CHI_TIEU_H_MM) {
		wmm *= CHART_CHI_TIEU_H_MM / hmm;
		hmm = CHART_CHI_TIEU_H_MM;
	}
	c->img = xgrow(c->img, &c->cap_img, c->n_img + 1, sizeof *c->img);
	S_Img *im = &c->img[c->n_img++];
	im->path = png;
	im->cx = (long)(wmm * S_EMU_MM);
	im->cy = (long)(hmm * S_EMU_MM);
	int id = ++c->n_drawing;
	char rid[32], name[64];
	snprintf(rid, sizeof rid, "rIdImg%zu", c->n_img);
	snprintf(name, sizeof name, "%.40s.png", b->line[0]);
	Buf alt;
	buf_init(&alt);
	doc_inl_text(&b->inl, &alt);

	S_p(c, "Figure", NULL);
	S_p_body(c);
	S_s(c, "w:r");
	S_s(c, "w:drawing");
	S_s(c, "wp:inline");
	S_a(c, "distT", "0");
	S_a(c, "distB", "0");
	S_a(c, "distL", "0");
	S_a(c, "distR", "0");
	S_s(c, "wp:extent");
	S_ai(c, "cx", im->cx);
	S_ai(c, "cy", im->cy);
	S_e(c);
	S_s(c, "wp:effectExtent");
	S_a(c, "l", "0");
	S_a(c, "t", "0");
	S_a(c, "r", "0");
	S_a(c, "b", "0");
	S_e(c);
	S_s(c, "wp:docPr");
	S_ai(c, "id", id);
	S_a(c, "name", name);
	S_a(c, "descr", alt.ptr);
	S_e(c);
	S_s(c, "wp:cNvGraphicFramePr");
	S_s(c, "a:graphicFrameLocks");
	S_a(c, "noChangeAspect", "1");
	S_e(c);
	S_e(c);
	S_s(c, "a:graphic");
	S_s(c, "a:graphicData");
	S_a(c, "uri", S_PIC);
	S_s(c, "pic:pic");
	S_s(c, "pic:nvPicPr");
	S_s(c, "pic:cNvPr");
	S_ai(c, "id", id);
	S_a(c, "name", name);
	S_a(c, "descr", alt.ptr);
	S_e(c);
	S_s(c, "pic:cNvPicPr");
	S_e(c);
	S_e(c);
	S_s(c, "pic:blipFill");
	S_s(c, "a:blip");
	S_a(c, "r:embed", rid);
	S_e(c);
	S_s(c, "a:stretch");
	S_s(c, "a:fillRect");
	S_e(c);
	S_e(c);
	S_e(c);
	S_s(c, "pic:spPr");
	S_s(c, "a:xfrm");
	S_s(c, "a:off");
	S_a(c, "x", "0");
	S_a(c, "y", "0");
	S_e(c);
	S_s(c, "a:ext");
	S_ai(c, "cx", im->cx);
	S_ai(c, "cy", im->cy);
	S_e(c);
	S_e(c);
	S_s(c, "a:prstGeom");
	S_a(c, "prst", "rect");
	S_s(c, "a:avLst");
	S_e(c);
	S_e(c);
	S_e(c);
	S_e(c); /* pic:pic */
	S_e(c);
	S_e(c); /* a:graphic */
	S_e(c); /* wp:inline */
	S_e(c); /* w:drawing */
	S_e(c); /* w:r */
	S_e(c); /* w:p */
	if (b->inl.n) {
		S_p(c, "Caption", NULL);
		S_p_body(c);
		S_runs(c, &b->inl, 0, 0);
		S_e(c);
	}
	buf_release(&alt);
}

/* ---- flowing blocks ---- */

static void S_put(DocWriter *w, const DocBlock *b)
{
	S_Docx *c = (S_Docx *)w;
	if (b->kind == DOC_META) {
		for (int i = 0; i < 5; i++) {
			free(c->meta[i]);
			c->meta[i] = b->line[i] ? xstrdup(b->line[i]) : NULL;
		}
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
	/* a table is closed by its end; anything else arriving first closes it too */
	if (c->in_table && b->kind != DOC_ROW && b->kind != DOC_TABLE_END)
		S_table_end(c);
	/* as the PDF keeps a target's heading, figures and chart on one page:
	 * each paragraph after a level-2 heading is kept with the next, up to
	 * the figure (Word moves the block when it does not fit) */
	int keep = c->keep && (b->kind == DOC_PARA || b->kind == DOC_ITEM);
	c->keep = keep || (b->kind == DOC_HEADING && b->level == 2);
	switch (b->kind) {
	case DOC_HEADER:
		S_header(c, b);
		break;
	case DOC_TITLE:
		S_title(c, b);
		break;
	case DOC_KINH_GUI:
		S_kinh_gui(c, b);
		break;
	case DOC_HEADING: {
		const char *st = b->level <= 1 ? "Heading1" : b->level == 2 ? "Heading2" : "Heading3";
		S_p(c, st, NULL);
		S_p_body(c);
		S_runs(c, &b->inl, 0, 0);
		S_e(c);
		break;
	}
	case DOC_PARA:
		S_p(c, b->flags & DOC_F_NOINDENT || b->flags & DOC_F_CENTER ? "BodyNoIndent" : NULL,
		    b->flags & DOC_F_CENTER ? "center" : NULL);
		if (keep)
			S_v(c, "w:keepNext", NULL);
		S_p_body(c);
		S_runs(c, &b->inl, 0, 0);
		S_e(c);
		break;
	case DOC_ITEM: {
		S_p(c, "ListParagraph", NULL);
		if (keep)
			S_v(c, "w:keepNext", NULL);
		if (b->level > 1) {
			S_s(c, "w:ind");
			S_ai(c, "w:left", (long)S_INDENT * (b->level - 1));
			S_ai(c, "w:firstLine", S_INDENT);
			S_e(c);
		}
		S_p_body(c);
		char *mk = xasprintf("%s ", b->line[0] && *b->line[0] ? b->line[0] : "-");
		S_run(c, mk, 0, 0);
		free(mk);
		S_runs(c, &b->inl, 0, 0);
		S_e(c);
		break;
	}
	case DOC_TABLE:
		S_table(c, b);
		break;
	case DOC_ROW:
		if (c->in_table && b->n_col == c->n_col)
			S_tr(c, b->cell, 0);
		break;
	case DOC_TABLE_END:
		if (c->in_table)
			S_table_end(c);
		break;
	case DOC_FIGURE:
		S_figure(c, b);
		break;
	case DOC_SIGNATURE:
		S_signature(c, b);
		break;
	case DOC_APPENDIX:
		S_appendix(c, b);
		break;
	case DOC_COLOPHON:
		S_line(c, "Rule", NULL, "", 0, 0);
		S_p(c, "Colophon", NULL);
		S_s(c, "w:pBdr");
		S_s(c, "w:top");
		S_a(c, "w:val", "single");
		S_a(c, "w:sz", "4");
		S_a(c, "w:space", "4");
		S_a(c, "w:color", "000000");
		S_e(c);
		S_e(c);
		S_p_body(c);
		S_runs(c, &b->inl, 0, 0);
		S_e(c);
		break;
	default:
		/* DOC_MAIN_END, DOC_END, and kinds this writer does not know */
		break;
	}
}

/* ---- the package's other parts ---- */

/* A part in memory, written by fn. */
typedef struct {
	const char *name;
	xmlBufferPtr buf;
} S_Part;

static xmlTextWriterPtr S_mem_writer(xmlBufferPtr *buf)
{
	*buf = xmlBufferCreate();
	if (!*buf)
		return NULL;
	xmlTextWriterPtr x = xmlNewTextWriterMemory(*buf, 0);
	if (x)
		xmlTextWriterStartDocument(x, "1.0", "UTF-8", "yes");
	return x;
}

static void S_rel(S_Docx *c, const char *id, const char *type, const char *target)
{
	S_s(c, "Relationship");
	S_a(c, "Id", id);
	char *t = xasprintf("%s%s", strncmp(type, "http", 4) ? S_REL_BASE : "", type);
	S_a(c, "Type", t);
	free(t);
	S_a(c, "Target", target);
	S_e(c);
}

static void S_content_types(S_Docx *c)
{
	S_s(c, "Types");
	S_a(c, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	static const char *const def[][2] = {
	    {"rels", "application/vnd.openxmlformats-package.relationships+xml"},
	    {"xml", "application/xml"},
	    {"png", "image/png"}};
	for (size_t i = 0; i < sizeof def / sizeof *def; i++) {
		S_s(c, "Default");
		S_a(c, "Extension", def[i][0]);
		S_a(c, "ContentType", def[i][1]);
		S_e(c);
	}
	static const char *const ov[][2] = {
	    {"/word/document.xml",
	     "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
	    {"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
	    {"/word/settings.xml",
	     "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"},
	    {"/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"},
	    {"/word/header2.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"},
	    {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
	    {"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"}};
	for (size_t i = 0; i < sizeof ov / sizeof *ov; i++) {
		S_s(c, "Override");
		S_a(c, "PartName", ov[i][0]);
		S_a(c, "ContentType", ov[i][1]);
		S_e(c);
	}
	S_e(c);
}

static void S_root_rels(S_Docx *c)
{
	S_s(c, "Relationships");
	S_a(c, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
	S_rel(c, "rId1", "officeDocument", "word/document.xml");
	S_rel(c, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
	      "docProps/core.xml");
	S_rel(c, "rId3", "extended-properties", "docProps/app.xml");
	S_e(c);
}

static void S_doc_rels(S_Docx *c)
{
	S_s(c, "Relationships");
	S_a(c, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
	S_rel(c, "rIdStyles", "styles", "styles.xml");
	S_rel(c, "rIdSettings", "settings", "settings.xml");
	S_rel(c, "rIdHeader1", "header", "header1.xml");
	S_rel(c, "rIdHeader2", "header", "header2.xml");
	for (size_t i = 0; i < c->n_img; i++) {
		char id[32], target[48];
		snprintf(id, sizeof id, "rIdImg%zu", i + 1);
		snprintf(target, sizeof target, "media/image%zu.png", i + 1);
		S_rel(c, id, "image", target);
	}
	S_e(c);
}

/* The document's time: SOURCE_DATE_EPOCH, else a constant (the output is
 * the same bytes for the same input whenever it is made). */
static time_t S_epoch(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (!errno && !*end && v >= 0)
			return (time_t)v;
	}
	return 946684800; /* 2000-01-01T00:00:00Z */
}

static void S_core(S_Docx *c)
{
	S_s(c, "cp:coreProperties");
	S_a(c, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	S_a(c, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	S_a(c, "xmlns:dcterms", "http://purl.org/dc/terms/");
	S_a(c, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	static const char *const el[4] = {"dc:title", "dc:subject", "dc:creator", "cp:keywords"};
	for (int i = 0; i < 4; i++)
		if (c->meta[i] && *c->meta[i]) {
			S_s(c, el[i]);
			S_text(c, c->meta[i], strlen(c->meta[i]));
			S_e(c);
		}
	S_s(c, "dc:language");
	S_text(c, "vi-VN", 5);
	S_e(c);
	time_t t = S_epoch();
	struct tm tm;
	char when[32] = "2000-01-01T00:00:00Z";
	if (gmtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	static const char *const dates[2] = {"dcterms:created", "dcterms:modified"};
	for (int i = 0; i < 2; i++) {
		S_s(c, dates[i]);
		S_a(c, "xsi:type", "dcterms:W3CDTF");
		S_text(c, when, strlen(when));
		S_e(c);
	}
	S_e(c);
}

static void S_app(S_Docx *c)
{
	S_s(c, "Properties");
	S_a(c, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
	S_s(c, "Application");
	S_text(c, "chitieu", 7);
	S_e(c);
	S_e(c);
}

static void S_settings(S_Docx *c)
{
	S_s(c, "w:settings");
	S_a(c, "xmlns:w", S_W);
	S_vi(c, "w:defaultTabStop", S_INDENT);
	S_v(c, "w:characterSpacingControl", "doNotCompress");
	S_s(c, "w:compat");
	S_s(c, "w:compatSetting");
	S_a(c, "w:name", "compatibilityMode");
	S_a(c, "w:uri", "http://schemas.microsoft.com/office/word");
	S_a(c, "w:val", "15");
	S_e(c);
	S_e(c);
	S_e(c);
}

/* A header: the page number (PAGE field) centred, and the running head. */
static void S_header_part(S_Docx *c, int numbered)
{
	S_s(c, "w:hdr");
	S_a(c, "xmlns:w", S_W);
	S_a(c, "xmlns:r", S_R);
	S_p(c, "Header", "center");
	S_p_body(c);
	if (numbered) {
		S_s(c, "w:fldSimple");
		S_a(c, "w:instr", " PAGE ");
		S_run(c, "2", 0, 0);
		S_e(c);
	}
	S_e(c);
	if (c->meta[4] && *c->meta[4]) {
		S_p(c, "Header", "right");
		S_p_body(c);
		S_run(c, c->meta[4], DOC_ITALIC, 18);
		S_e(c);
	}
	S_e(c);
}

/* A paragraph style. */
static void S_pstyle(S_Docx *c, const char *id, const char *name, const char *based, int outline,
                     const char *jc, int first, int before, int after, int line, int bold,
                     int italic, int size, int keep_next)
{
	S_s(c, "w:style");
	S_a(c, "w:type", "paragraph");
	S_a(c, "w:styleId", id);
	if (!strcmp(id, "Normal"))
		S_a(c, "w:default", "1");
	S_v(c, "w:name", name);
	if (based)
		S_v(c, "w:basedOn", based);
	S_v(c, "w:next", !strncmp(id, "Heading", 7) ? "Normal" : id);
	S_v(c, "w:qFormat", NULL);
	S_s(c, "w:pPr");
	if (keep_next)
		S_v(c, "w:keepNext", NULL);
	S_s(c, "w:spacing");
	S_ai(c, "w:before", before);
	S_ai(c, "w:after", after);
	S_ai(c, "w:line", line);
	S_a(c, "w:lineRule", "auto");
	S_e(c);
	S_s(c, "w:ind");
	S_ai(c, "w:left", 0);
	S_ai(c, "w:right", 0);
	S_ai(c, "w:firstLine", first);
	S_e(c);
	if (jc)
		S_v(c, "w:jc", jc);
	if (outline >= 0)
		S_vi(c, "w:outlineLvl", outline);
	S_e(c);
	S_s(c, "w:rPr");
	if (bold >= 0)
		S_v(c, "w:b", bold ? NULL : "0");
	if (italic >= 0)
		S_v(c, "w:i", italic ? NULL : "0");
	if (size) {
		S_vi(c, "w:sz", size);
		S_vi(c, "w:szCs", size);
	}
	S_e(c);
	S_e(c);
}

static void S_tstyle(S_Docx *c, const char *id, const char *name, int borders)
{
	S_s(c, "w:style");
	S_a(c, "w:type", "table");
	S_a(c, "w:styleId", id);
	S_v(c, "w:name", name);
	S_s(c, "w:tblPr");
	S_s(c, "w:tblBorders");
	static const char *const side[6] = {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"};
	for (int i = 0; i < 6; i++) {
		S_s(c, side[i]);
		S_a(c, "w:val", borders ? "single" : "nil");
		if (borders) {
			S_a(c, "w:sz", "4");
			S_a(c, "w:space", "0");
			S_a(c, "w:color", "000000");
		}
		S_e(c);
	}
	S_e(c);
	S_s(c, "w:tblCellMar");
	S_s(c, "w:left");
	S_ai(c, "w:w", borders ? 57 : 0);
	S_a(c, "w:type", "dxa");
	S_e(c);
	S_s(c, "w:right");
	S_ai(c, "w:w", borders ? 57 : 0);
	S_a(c, "w:type", "dxa");
	S_e(c);
	S_e(c);
	S_e(c);
	S_e(c);
}

static void S_styles(S_Docx *c)
{
	S_s(c, "w:styles");
	S_a(c, "xmlns:w", S_W);
	S_s(c, "w:docDefaults");
	S_s(c, "w:rPrDefault");
	S_s(c, "w:rPr");
	S_s(c, "w:rFonts");
	S_a(c, "w:ascii", "Times New Roman");
	S_a(c, "w:hAnsi", "Times New Roman");
	S_a(c, "w:cs", "Times New Roman");
	S_a(c, "w:eastAsia", "Times New Roman");
	S_e(c);
	S_vi(c, "w:sz", 26);
	S_vi(c, "w:szCs", 26);
	S_s(c, "w:lang");
	S_a(c, "w:val", "vi-VN");
	S_a(c, "w:eastAsia", "en-US");
	S_a(c, "w:bidi", "ar-SA");
	S_e(c);
	S_e(c);
	S_e(c);
	S_s(c, "w:pPrDefault");
	S_s(c, "w:pPr");
	S_s(c, "w:spacing");
	S_a(c, "w:after", "120");
	S_a(c, "w:line", "252");
	S_a(c, "w:lineRule", "auto");
	S_e(c);
	S_e(c);
	S_e(c);
	S_e(c);
	/*        id              name               based     outl jc        first     bef  aft  line b  i  size keep */
	S_pstyle(c, "Normal", "Normal", NULL, -1, "both", S_INDENT, 0, 120, 252, -1, -1, 0, 0);
	S_pstyle(c, "BodyNoIndent", "Body Text No Indent", "Normal", -1, "both", 0, 0, 120, 252, -1, -1, 0, 0);
	S_pstyle(c, "Heading1", "heading 1", "Normal", 0, "both", S_INDENT, 120, 120, 252, 1, 0, 26, 1);
	S_pstyle(c, "Heading2", "heading 2", "Normal", 1, "both", S_INDENT, 60, 120, 252, 1, 0, 26, 1);
	S_pstyle(c, "Heading3", "heading 3", "Normal", 2, "both", S_INDENT, 60, 120, 252, 1, 1, 26, 1);
	S_pstyle(c, "ListParagraph", "List Paragraph", "Normal", -1, "both", S_INDENT, 0, 40, 252, -1, -1, 0, 0);
	S_pstyle(c, "Title", "Title", "Normal", -1, "center", 0, 0, 0, 252, 1, 0, 28, 1);
	S_pstyle(c, "TitleNote", "Title Note", "Normal", -1, "center", 0, 0, 0, 240, 0, 1, 22, 0);
	S_pstyle(c, "KinhGui", "Kinh Gui", "Normal", -1, "center", 0, 60, 60, 252, 0, 0, 28, 0);
	S_pstyle(c, "HeaderBlock", "Document Header Block", "Normal", -1, "center", 0, 0, 0, 240, -1, -1, 26, 0);
	S_pstyle(c, "Rule", "Rule", "Normal", -1, "center", 0, 0, 100, 240, -1, -1, 8, 0);
	S_pstyle(c, "Caption", "caption", "Normal", -1, "center", 0, 0, 160, 240, 0, 1, 22, 0);
	S_pstyle(c, "Figure", "Figure", "Normal", -1, "center", 0, 60, 60, 240, -1, -1, 0, 1);
	S_pstyle(c, "TableText", "Table Text", "Normal", -1, "left", 0, 20, 20, 240, -1, -1, 22, 0);
	S_pstyle(c, "TableHeading", "Table Heading", "TableText", -1, "center", 0, 20, 20, 240, 1, 0, 22, 0);
	S_pstyle(c, "Signature", "Signature", "Normal", -1, "center", 0, 0, 0, 240, 1, 0, 26, 0);
	S_pstyle(c, "Recipients", "Recipients", "Normal", -1, "left", 0, 0, 0, 240, -1, -1, 22, 0);
	S_pstyle(c, "AppendixTitle", "Appendix Title", "Normal", -1, "center", 0, 0, 40, 252, 1, 0, 28, 1);
	S_pstyle(c, "AppendixNote", "Appendix Note", "Normal", -1, "center", 0, 0, 200, 252, 0, 1, 26, 0);
	S_pstyle(c, "Colophon", "Colophon", "Normal", -1, "left", 0, 240, 0, 240, 0, 1, 16, 0);
	S_pstyle(c, "Header", "header", "Normal", -1, "center", 0, 0, 0, 240, -1, -1, 26, 0);
	S_tstyle(c, "TableGrid", "Table Grid", 1);
	S_tstyle(c, "Frame", "Frame (no borders)", 0);
	S_e(c);
}

/* ---- the zip ---- */

/* Adds data (owned by the caller till zip_close) as entry name, deflated,
 * with the fixed time. */
static int S_zip_add(zip_t *za, const char *name, zip_source_t *src, time_t t)
{
	if (!src)
		return -1;
	zip_int64_t i = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		zip_source_free(src);
		return -1;
	}
	struct tm tm;
	if (!gmtime_r(&t, &tm) || tm.tm_year < 80)
		tm = (struct tm){.tm_year = 80, .tm_mon = 0, .tm_mday = 1};
	zip_uint16_t dtime = (zip_uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
	zip_uint16_t ddate =
	    (zip_uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
	if (zip_file_set_dostime(za, (zip_uint64_t)i, dtime, ddate, 0) < 0 ||
	    zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_DEFLATE, 9) < 0)
		return -1;
	return 0;
}

typedef void (*S_PartFn)(S_Docx *c);

DocWriter *doc_docx_open(const char *path, const char *charts_dir, char **err)
{
	S_Docx *c = xcalloc(1, sizeof *c);
	c->w.put = S_put;
	c->charts = charts_dir;
	c->path = xstrdup(path);
	c->body_path = xasprintf("%s.body.xml", path);
	c->x = xmlNewTextWriterFilename(c->body_path, 0);
	if (!c->x) {
		*err = xasprintf("%s: cannot write the file: %s", c->body_path, strerror(errno));
		free(c->path);
		free(c->body_path);
		free(c);
		return NULL;
	}
	c->bad |= xmlTextWriterStartDocument(c->x, "1.0", "UTF-8", "yes") < 0;
	S_s(c, "w:document");
	S_a(c, "xmlns:w", S_W);
	S_a(c, "xmlns:r", S_R);
	S_a(c, "xmlns:wp", S_WP);
	S_a(c, "xmlns:a", S_A);
	S_a(c, "xmlns:pic", S_PIC);
	S_s(c, "w:body");
	return &c->w;
}

static void S_free(S_Docx *c)
{
	for (int i = 0; i < 5; i++)
		free(c->meta[i]);
	for (size_t i = 0; i < c->n_img; i++)
		free(c->img[i].path);
	free(c->img);
	free(c->grid);
	free(c->rem);
	free(c->span);
	free(c->path);
	free(c->body_path);
	free(c);
}

int doc_docx_close(DocWriter *w, char **err)
{
	S_Docx *c = (S_Docx *)w;
	if (c->in_table)
		S_table_end(c);
	S_sect_pr(c); /* the last section's properties close the body */
	S_e(c);       /* w:body */
	S_e(c);       /* w:document */
	c->bad |= xmlTextWriterEndDocument(c->x) < 0;
	xmlFreeTextWriter(c->x); /* flushes and closes the file */
	c->x = NULL;
	int rc = -1;
	if (c->bad) {
		*err = xasprintf("%s: cannot write the file (disk full?)", c->body_path);
		unlink(c->body_path);
		S_free(c);
		return -1;
	}

	/* the small parts, in memory, in the order they go into the zip */
	static const struct {
		const char *name;
		S_PartFn fn;
	} parts[] = {
	    {"[Content_Types].xml", S_content_types}, {"_rels/.rels", S_root_rels},
	    {"docProps/core.xml", S_core},            {"docProps/app.xml", S_app},
	    {"word/document.xml", NULL},              {"word/styles.xml", S_styles},
	    {"word/settings.xml", S_settings},        {"word/header1.xml", NULL},
	    {"word/header2.xml", NULL},               {"word/_rels/document.xml.rels", S_doc_rels},
	};
	enum { N_PART = sizeof parts / sizeof *parts };
	xmlBufferPtr buf[N_PART] = {0};
	time_t t = S_epoch();
	int zerr = 0;
	unlink(c->path);
	zip_t *za = zip_open(c->path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (!za) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		*err = xasprintf("%s: cannot write the file: %s", c->path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		goto out;
	}
	int bad = 0;
	for (size_t i = 0; !bad && i < N_PART; i++) {
		zip_source_t *src;
		if (!strcmp(parts[i].name, "word/document.xml")) {
			src = zip_source_file(za, c->body_path, 0, -1);
		} else {
			c->x = S_mem_writer(&buf[i]);
			if (!c->x) {
				bad = 1;
				break;
			}
			if (parts[i].fn)
				parts[i].fn(c);
			else
				S_header_part(c, !strcmp(parts[i].name, "word/header1.xml"));
			c->bad |= xmlTextWriterEndDocument(c->x) < 0;
			xmlFreeTextWriter(c->x);
			c->x = NULL;
			src = zip_source_buffer(za, xmlBufferContent(buf[i]), (zip_uint64_t)xmlBufferLength(buf[i]), 0);
		}
		bad = c->bad || S_zip_add(za, parts[i].name, src, t);
	}
	for (size_t i = 0; !bad && i < c->n_img; i++) {
		char name[48];
		snprintf(name, sizeof name, "word/media/image%zu.png", i + 1);
		bad = S_zip_add(za, name, zip_source_file(za, c->img[i].path, 0, -1), t);
	}
	if (bad) {
		*err = xasprintf("%s: cannot write the file: %s", c->path, zip_strerror(za));
		zip_discard(za);
		goto out;
	}
	if (zip_close(za) < 0) {
		*err = xasprintf("%s: cannot write the file: %s", c->path, zip_strerror(za));
		zip_discard(za);
		goto out;
	}
	rc = 0;
out:
	for (size_t i = 0; i < N_PART; i++)
		if (buf[i])
			xmlBufferFree(buf[i]);
	unlink(c->body_path);
	if (rc)
		unlink(c->path);
	S_free(c);
	return rc;
}
