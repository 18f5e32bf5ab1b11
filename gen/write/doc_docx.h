/* SPDX-License-Identifier: MIT */
/* doc_docx: the Word (WordprocessingML, .docx) writer of a document
 * (doc.h), the only file that writes WordprocessingML.  Laid out as
 * Decree 30/2020/NĐ-CP lays out an administrative document, in Word
 * terms: A4, margins 20/20/30/15 mm, Times New Roman 13 pt justified with
 * a first-line indent, the header block and the signature as borderless
 * two-column tables, page numbers at the top centre from page 2 (a
 * first-page header without it), each appendix its own section
 * (landscape where DOC_F_LANDSCAPE says, numbered from 1, its first page
 * unnumbered).  Built to be edited: real paragraph styles (Heading1-3
 * with outline levels, List Paragraph, Caption, Table Text), header rows
 * that repeat, rows that do not split, merged cells as gridSpan/vMerge,
 * the charts' PNGs inline under their captions.  Blocks flagged
 * DOC_F_SCREEN are skipped, as the PDF skips them; unknown kinds too.
 *
 * The zip is libzip's, the XML libxml2's xmlTextWriter; the bytes are
 * reproducible: a fixed order of parts, every entry's time and the
 * document's dates from SOURCE_DATE_EPOCH (else 2000-01-01). */
#ifndef CHITIEU_DOC_DOCX_H
#define CHITIEU_DOC_DOCX_H
#include "doc.h"

/* A writer to path; the body is streamed to a file beside it (path with
 * ".body.xml"), so a table of 10,000 rows is never whole in memory.
 * charts_dir holds the figures' "<stem>.png" (NULL: no figures).  NULL
 * with *err (caller frees) when the file cannot be made. */
DocWriter *doc_docx_open(const char *path, const char *charts_dir, char **err);
/* Completes the file, removes the body file, and frees the writer: 0, or
 * -1 with *err (nothing left at path). */
int doc_docx_close(DocWriter *w, char **err);

#endif
