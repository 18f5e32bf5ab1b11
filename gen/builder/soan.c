/* SPDX-License-Identifier: MIT */
/* soan: composing doc.h blocks a run at a time (soan.h). */
#include "soan.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void soan_init(Soan *s, DocWriter *w)
{
	memset(s, 0, sizeof *s);
	s->w = w;
	buf_init(&s->b);
	doc_block_init(&s->k, DOC_PARA);
	s->dst = &s->k.inl;
}

static void S_cells_clear(Soan *s)
{
	for (size_t i = 0; i < s->n_cell; i++)
		doc_inl_release(&s->cell[i].inl);
	s->n_cell = 0;
}

void soan_release(Soan *s)
{
	S_cells_clear(s);
	free(s->cell);
	free(s->align);
	doc_block_release(&s->k);
	buf_release(&s->b);
}

/* The text composed becomes a run. */
static void S_flush(Soan *s)
{
	if (s->b.len)
		doc_add_buf(s->dst, s->style, &s->b);
}

void soan_block(Soan *s, DocKind kind)
{
	buf_reset(&s->b);
	doc_block_release(&s->k);
	doc_block_init(&s->k, kind);
	s->dst = &s->k.inl;
	s->style = 0;
}

void soan_put(Soan *s)
{
	S_flush(s);
	s->w->put(s->w, &s->k);
	soan_block(s, DOC_PARA);
}

void soan_puts(Soan *s, const char *text)
{
	buf_puts(&s->b, text);
}

void soan_printf(Soan *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&s->b, fmt, ap);
	va_end(ap);
}

void soan_style(Soan *s, int style)
{
	S_flush(s);
	s->style = style;
}

void soan_link(Soan *s, const char *text, const char *href_fmt, ...)
{
	Buf h;
	buf_init(&h);
	va_list ap;
	va_start(ap, href_fmt);
	buf_vprintf(&h, href_fmt, ap);
	va_end(ap);
	S_flush(s);
	doc_add_link(s->dst, s->style, text, h.ptr);
	buf_release(&h);
}

void soan_image(Soan *s, const char *alt, const char *stem, const char *href)
{
	S_flush(s);
	doc_add_image(s->dst, alt, stem, href);
}

static void S_one(Soan *s, DocKind kind, int level, const char *text)
{
	soan_block(s, kind);
	s->k.level = level;
	soan_puts(s, text);
	soan_put(s);
}

void soan_heading(Soan *s, int level, const char *text) { S_one(s, DOC_HEADING, level, text); }
void soan_para(Soan *s, const char *text) { S_one(s, DOC_PARA, 0, text); }
void soan_tieu_de(Soan *s, const char *text) { S_one(s, DOC_TITLE, 0, text); }

void soan_item(Soan *s)
{
	soan_block(s, DOC_ITEM);
	s->k.level = 1;
}

/* ---- tables ---------------------------------------------------------- */

/* A new cell to compose into. */
static void S_new_cell(Soan *s)
{
	s->cell = xgrow(s->cell, &s->cap_cell, s->n_cell + 1, sizeof *s->cell);
	DocCell *c = &s->cell[s->n_cell++];
	memset(c, 0, sizeof *c);
	doc_inl_init(&c->inl);
	c->colspan = c->rowspan = 1;
	s->dst = &c->inl;
	s->style = 0;
}

void soan_head(Soan *s)
{
	S_cells_clear(s);
	buf_reset(&s->b);
	S_new_cell(s);
}

void soan_cell(Soan *s)
{
	S_flush(s);
	S_new_cell(s);
}

void soan_head_end(Soan *s, const char *align)
{
	S_flush(s);
	size_t n = s->n_cell;
	free(s->align);
	s->align = xmalloc((n ? n : 1) * sizeof *s->align);
	for (size_t k = 0; k < n; k++) {
		char a = align && k < strlen(align) ? align[k] : 'l';
		s->align[k] = a == 'r' ? DOC_AL_RIGHT : a == 'c' ? DOC_AL_CENTER : DOC_AL_LEFT;
		s->cell[k].align = s->align[k];
	}
	s->n_col = n;
	doc_block_release(&s->k);
	doc_block_init(&s->k, DOC_TABLE);
	s->k.n_col = n;
	s->k.head = s->cell;
	s->k.n_head = 1;
	s->k.col_align = s->align;
	s->w->put(s->w, &s->k);
	S_cells_clear(s);
	soan_block(s, DOC_PARA);
}

void soan_table(Soan *s, const char *align, const char *head)
{
	soan_head(s);
	for (const char *p = head; *p; p++)
		if (*p == '|')
			soan_cell(s);
		else
			buf_putc(&s->b, *p);
	soan_head_end(s, align);
}

void soan_row(Soan *s)
{
	S_cells_clear(s);
	buf_reset(&s->b);
	S_new_cell(s);
}

void soan_row_end(Soan *s)
{
	S_flush(s);
	/* a row short of cells is filled with empty ones */
	while (s->n_cell < s->n_col)
		S_new_cell(s);
	for (size_t k = 0; k < s->n_cell && k < s->n_col; k++)
		s->cell[k].align = s->align[k];
	doc_block_release(&s->k);
	doc_block_init(&s->k, DOC_ROW);
	s->k.n_col = s->n_col;
	s->k.cell = s->cell;
	s->w->put(s->w, &s->k);
	S_cells_clear(s);
	soan_block(s, DOC_PARA);
}

void soan_table_end(Soan *s)
{
	soan_block(s, DOC_TABLE_END);
	s->w->put(s->w, &s->k);
	soan_block(s, DOC_PARA);
}
