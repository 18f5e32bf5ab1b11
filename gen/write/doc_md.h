/* SPDX-License-Identifier: MIT */
/* doc_md: the GFM Markdown writer of a document (doc.h): bao-cao.md,
 * cong-van-don-doc.md and every page of the site (site.c renders the
 * Markdown with cmark-gfm).  What GFM cannot draw is flattened: a header
 * cell spanning columns is repeated into each ("Thực hiện trong năm 2024:
 * Đơn vị tính"), a covered body slot prints the text the builder gave it,
 * a landscape page is a page like any other.  Links, pictures (a chart's
 * stem after img_prefix) and the columns' alignment are GFM's own.
 * Between md_sink_begin() and md_sink_end() (mdbuf.h) the text may be cut
 * at block, table-row and list-item ends. */
#ifndef CHITIEU_DOC_MD_H
#define CHITIEU_DOC_MD_H
#include "buf.h"
#include "doc.h"

/* A writer appending to out (borrowed; out outlives the writer);
 * img_prefix goes before a figure's "<stem>.svg". */
DocWriter *doc_md_new(Buf *out, const char *img_prefix);
void doc_md_free(DocWriter *w); /* accepts NULL */

/* The runs of p as Markdown inline text, escaped (md_escape). */
void doc_md_inl(Buf *out, const DocInl *p);

#endif
