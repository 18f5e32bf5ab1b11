/* SPDX-License-Identifier: MIT */
/* doc_pdf: the PDF writer of a document (doc.h) over layout.h, laid out as
 * Decree 30/2020/NĐ-CP lays out an administrative document: A4, Liberation
 * Serif 13 pt justified with a first-line indent, page numbers at the top
 * centre from page 2, each appendix from a new page with its own page
 * numbers from 1 (shown from its second page), landscape where the
 * appendix asks for it.  Blocks flagged DOC_F_SCREEN are skipped. */
#ifndef CHITIEU_DOC_PDF_H
#define CHITIEU_DOC_PDF_H
#include "doc.h"

/* A writer drawing to path (written as it goes, 50 pages at a time);
 * charts_dir holds the figures' "<stem>.png" (NULL: no figures).  NULL
 * with *err (caller frees) when the fonts are missing (exit 3). */
DocWriter *doc_pdf_open(const char *path, const char *charts_dir, char **err);
/* Completes the file and frees the writer: 0, or -1 with *err. */
int doc_pdf_close(DocWriter *w, char **err);

#endif
