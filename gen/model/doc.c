/* SPDX-License-Identifier: MIT */
/* doc: blocks of the report and their owned copies (doc.h). */
#include "doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void doc_inl_init(DocInl *p)
{
	memset(p, 0, sizeof *p);
}

static void S_inl_reset(DocInl *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].text);
		free(p->v[i].href);
		free(p->v[i].img);
	}
	p->n = 0;
}

void doc_inl_release(DocInl *p)
{
	S_inl_reset(p);
	free(p->v);
	doc_inl_init(p);
}

static void S_run(DocInl *p, int style, const char *s, const char *href, const char *img)
{
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	DocRun *r = &p->v[p->n++];
	r->text = xstrdup(s);
	r->style = style;
	r->href = href ? xstrdup(href) : NULL;
	r->img = img ? xstrdup(img) : NULL;
}

void doc_add(DocInl *p, int style, const char *s)
{
	if (!s || !*s)
		return;
	if (p->n && p->v[p->n - 1].style == style && !p->v[p->n - 1].href && !p->v[p->n - 1].img) {
		DocRun *r = &p->v[p->n - 1];
		size_t a = strlen(r->text), b = strlen(s);
		r->text = xrealloc(r->text, a + b + 1);
		memcpy(r->text + a, s, b + 1);
		return;
	}
	S_run(p, style, s, NULL, NULL);
}

void doc_add_link(DocInl *p, int style, const char *text, const char *href)
{
	if (text && *text)
		S_run(p, style, text, href, NULL);
}

void doc_add_image(DocInl *p, const char *alt, const char *stem, const char *href)
{
	S_run(p, 0, alt ? alt : "", href, stem);
}

void doc_add_buf(DocInl *p, int style, Buf *b)
{
	doc_add(p, style, b->ptr);
	buf_reset(b);
}

static void S_inl_copy(DocInl *dst, const DocInl *src)
{
	doc_inl_init(dst);
	for (size_t i = 0; i < src->n; i++) {
		const DocRun *r = &src->v[i];
		if (r->img)
			doc_add_image(dst, r->text, r->img, r->href);
		else if (r->href)
			doc_add_link(dst, r->style, r->text, r->href);
		else
			doc_add(dst, r->style, r->text);
	}
}

void doc_inl_text(const DocInl *p, Buf *out)
{
	for (size_t i = 0; i < p->n; i++)
		buf_puts(out, p->v[i].text);
}

void doc_block_init(DocBlock *b, DocKind kind)
{
	memset(b, 0, sizeof *b);
	b->kind = kind;
	doc_inl_init(&b->inl);
}

void doc_block_release(DocBlock *b)
{
	doc_inl_release(&b->inl);
}

void doc_list_init(DocList *l)
{
	memset(l, 0, sizeof *l);
}

static void S_cells_copy(DocCell *dst, const DocCell *src, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		dst[i] = src[i];
		S_inl_copy(&dst[i].inl, &src[i].inl);
	}
}

static void S_cells_free(DocCell *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++)
		doc_inl_release(&c[i].inl);
	free(c);
}

void doc_list_add(DocList *l, const DocBlock *b)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	DocOwned *o = &l->v[l->n++];
	memset(o, 0, sizeof *o);
	o->b = *b;
	S_inl_copy(&o->b.inl, &b->inl);
	for (int i = 0; i < DOC_N_LINE; i++)
		if (b->line[i])
			o->b.line[i] = o->own_line[i] = xstrdup(b->line[i]);
	/* recipients are not kept: the clerk's text has none */
	o->b.item = NULL;
	o->b.n_item = 0;
	if (b->kind == DOC_TABLE) {
		if (b->width) {
			o->own_width = xmalloc((b->n_col ? b->n_col : 1) * sizeof *o->own_width);
			memcpy(o->own_width, b->width, b->n_col * sizeof *o->own_width);
		}
		o->b.width = o->own_width;
		if (b->col_align) {
			o->own_align = xmalloc((b->n_col ? b->n_col : 1) * sizeof *o->own_align);
			memcpy(o->own_align, b->col_align, b->n_col * sizeof *o->own_align);
		}
		o->b.col_align = o->own_align;
		o->own_cell = xcalloc(b->n_head * b->n_col + 1, sizeof *o->own_cell);
		S_cells_copy(o->own_cell, b->head, b->n_head * b->n_col);
		o->b.head = o->own_cell;
	} else if (b->kind == DOC_ROW) {
		o->own_cell = xcalloc(b->n_col + 1, sizeof *o->own_cell);
		S_cells_copy(o->own_cell, b->cell, b->n_col);
		o->b.cell = o->own_cell;
	}
}

void doc_list_release(DocList *l)
{
	for (size_t i = 0; i < l->n; i++) {
		DocOwned *o = &l->v[i];
		doc_inl_release(&o->b.inl);
		for (int k = 0; k < DOC_N_LINE; k++)
			free(o->own_line[k]);
		S_cells_free(o->own_cell,
		             o->b.kind == DOC_TABLE ? o->b.n_head * o->b.n_col : o->b.n_col);
		free(o->own_width);
		free(o->own_align);
	}
	free(l->v);
	doc_list_init(l);
}


/* Latin-1, Latin Extended-A and -B as Vietnamese uses them, Latin
 * Extended Additional. */
char *doc_upper(const char *s)
{
	Buf b;
	buf_init(&b);
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t c;
		size_t len;
		if (p[0] < 0x80) {
			c = p[0];
			len = 1;
		} else if ((p[0] & 0xE0) == 0xC0 && p[1]) {
			c = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
			len = 2;
		} else if ((p[0] & 0xF0) == 0xE0 && p[1] && p[2]) {
			c = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
			    (p[2] & 0x3F);
			len = 3;
		} else {
			/* anything else is copied as it is (lo_clean judges it) */
			buf_putc(&b, *p++);
			continue;
		}
		uint32_t u = c;
		if (c >= 'a' && c <= 'z')
			u = c - 32;
		else if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
			u = c - 32;
		else if (c >= 0x100 && c <= 0x137 && (c & 1))
			u = c - 1;
		else if (c == 0x1A1 || c == 0x1B0)
			u = c == 0x1A1 ? 0x1A0 : 0x1AF; /* ơ ư */
		else if (c >= 0x168 && c <= 0x177 && (c & 1))
			u = c - 1;
		else if (c >= 0x1EA0 && c <= 0x1EF9 && (c & 1))
			u = c - 1;
		if (u == c) {
			buf_add(&b, p, len);
		} else if (u < 0x80) {
			buf_putc(&b, (int)u);
		} else if (u < 0x800) {
			buf_putc(&b, (int)(0xC0 | (u >> 6)));
			buf_putc(&b, (int)(0x80 | (u & 0x3F)));
		} else {
			buf_putc(&b, (int)(0xE0 | (u >> 12)));
			buf_putc(&b, (int)(0x80 | ((u >> 6) & 0x3F)));
			buf_putc(&b, (int)(0x80 | (u & 0x3F)));
		}
		p += len;
	}
	return buf_detach(&b, NULL);
}
