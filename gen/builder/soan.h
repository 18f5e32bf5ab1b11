/* SPDX-License-Identifier: MIT */
/* soan: composing doc.h blocks a run at a time, for the builders of the
 * site's pages (trang.c, trang_han.c, trang_lich_su.c).  A Soan holds
 * one block being written: text goes into its run buffer (s->b, for the
 * fmt.h functions) and becomes a run of the current style when the style
 * changes, a link is added, a cell ends or the block is handed to the
 * writer.  Tables are composed a cell at a time, their head from one
 * string ("Tỷ lệ|Tử số|…") or cell by cell.  Plain text only: the writer
 * adds the marks of its medium. */
#ifndef CHITIEU_SOAN_H
#define CHITIEU_SOAN_H
#include <stddef.h>

#include "buf.h"
#include "doc.h"

typedef struct {
	DocWriter *w;
	DocBlock k;     /* the block being composed */
	Buf b;          /* the text of the run being composed */
	int style;      /* its style */
	DocInl *dst;    /* where runs go: k.inl or a cell's */
	DocCell *cell;  /* the head or row being composed */
	size_t n_cell, cap_cell;
	DocAlign *align; /* the open table's columns */
	size_t n_col;
} Soan;

void soan_init(Soan *s, DocWriter *w);
void soan_release(Soan *s);

/* Starts a block of kind (the one being composed is dropped, if any). */
void soan_block(Soan *s, DocKind kind);
/* Hands the block composed to the writer and starts a DOC_PARA. */
void soan_put(Soan *s);
/* Text for the run being composed (s->b may be written directly). */
void soan_puts(Soan *s, const char *text);
void soan_printf(Soan *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text after this is of style (DOC_BOLD, DOC_ITALIC, 0). */
void soan_style(Soan *s, int style);
/* A link: text leading to the href printf makes (in the current style). */
void soan_link(Soan *s, const char *text, const char *href_fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A picture of chart stem with its alt text, leading to href (NULL: nowhere). */
void soan_image(Soan *s, const char *alt, const char *stem, const char *href);

/* Whole blocks of one run: a heading of level (1 a section, 2 a
 * subsection), a paragraph, a list item, a page title. */
void soan_heading(Soan *s, int level, const char *text);
void soan_para(Soan *s, const char *text);
void soan_tieu_de(Soan *s, const char *text);
/* Starts a list item ("-") / a heading / a paragraph to be composed. */
void soan_item(Soan *s);

/* ---- tables ----
 * soan_table(s, "lrr", "Đơn vị|Tỷ lệ|Tử số") hands a table with that head
 * (one letter a column: l, r, c its alignment) to the writer; or
 * soan_head(s), text, soan_cell(s) between cells, soan_head_end(s, "lrr").
 * Then per row: soan_row(s), text, soan_cell(s) between cells,
 * soan_row_end(s); at last soan_table_end(s). */
void soan_table(Soan *s, const char *align, const char *head);
void soan_head(Soan *s);
void soan_head_end(Soan *s, const char *align);
void soan_row(Soan *s);
void soan_cell(Soan *s);
void soan_row_end(Soan *s);
void soan_table_end(Soan *s);

#endif
