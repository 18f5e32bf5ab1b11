/* SPDX-License-Identifier: MIT */
/* card_pdf: the PDF writer of a document of whole pages (doc.h), the
 * scorecards: every DOC_PAGE starts a page, and a page flagged
 * DOC_F_FIT is drawn on that one page whatever its blocks hold, giving
 * way as doc.h says (the yielding blocks, then the figures down to their
 * least width, then the text down to 8 pt, small print to 7 pt; a page
 * flagged DOC_F_LANDSCAPE too turns landscape before its text shrinks
 * below 9 pt).  A word in a table cell is never broken or cut: a size
 * at which one does not fit its column is skipped.  Past that ladder (a
 * page with more than it is made for, e.g. 40 targets), the figures are
 * left out and the text goes down to 6 pt; a page that still does not
 * fit flows on to the next page rather than lose anything.
 *
 * It knows the blocks the scorecards use: DOC_META, DOC_PAGE,
 * DOC_HEADING (level 1: the page's title, level 2: a bold line),
 * DOC_PARA (DOC_F_CENTER, DOC_F_SMALL), DOC_ITEM, DOC_TABLE / DOC_ROW /
 * DOC_TABLE_END (a cell's tone as a coloured bar at its left edge) and
 * DOC_FIGURE (charts_dir/<stem>.png); others are ignored.  Looks only:
 * every word comes from the blocks. */
#ifndef CHITIEU_CARD_PDF_H
#define CHITIEU_CARD_PDF_H
#include "doc.h"

/* A writer drawing to path (written as it goes, 50 pages at a time);
 * charts_dir holds the figures (NULL: none).  NULL with *err (caller
 * frees) when the fonts are missing (exit 3). */
DocWriter *card_pdf_open(const char *path, const char *charts_dir, char **err);
/* Completes the file and frees the writer: 0, or -1 with *err.  A
 * writer that received no page gets one empty page (a PDF has one). */
int card_pdf_close(DocWriter *w, char **err);

/* For tests: the level the last page was drawn at.  yield 1 when its
 * DOC_F_YIELD blocks gave way; fig the share of the text width its last
 * figure took (0: none); size the table's text size; landscape. */
typedef struct {
	int yield;
	float fig;
	float size;
	int landscape;
	int fitted; /* 1: on its one page; 0: it flowed on (past the ladder) */
} CardFit;
CardFit card_pdf_last_fit(const DocWriter *w);

#endif
