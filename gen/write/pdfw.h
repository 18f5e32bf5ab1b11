/* SPDX-License-Identifier: MIT */
/* pdfw: one PDF file written a chunk of pages at a time.
 *
 * libharu 2.3 keeps every page of a document in memory until it saves
 * the file: some 90 KB a scorecard page, 900 MB for the country's
 * communes.  So layout.c hands the document here every chunk of pages:
 * pdfw writes the objects those pages reach (contents, images) to the
 * file, then frees them and takes them out of libharu's xref, so the
 * document is back to its fonts, catalog and Info.  Only the page tree
 * (one object number a page) and the xref offsets stay.
 *
 * The objects the document had when pdfw_begin() was called keep their
 * numbers and are written last: the fonts (their subsets then hold every
 * glyph any page drew, as libharu would have embedded them), the
 * catalog, the Info dictionary, the page tree, then the xref table and
 * the trailer.  The pages draw exactly as if libharu had saved the
 * document (test_pdfw compares the two).
 *
 * What the pages may not do: share an object between pages of
 * different chunks (an image drawn twice: it is freed with the first
 * chunk), or use a font loaded after pdfw_begin().  Only layout.c uses
 * this; it brings libharu's object layer. */
#ifndef CHITIEU_PDFW_H
#define CHITIEU_PDFW_H

#include <hpdf.h>

typedef struct PdfW PdfW;

/* Creates path and writes the header.  doc has its fonts loaded (UTF-8
 * encoder, TrueType, embedded) and no page yet.  NULL with *err (caller
 * frees). */
PdfW *pdfw_begin(const char *path, HPDF_Doc doc, char **err);
/* Writes doc's pages so far, in order, and frees them; libharu's current
 * page is then none.  0, or -1 with *err (the file is then incomplete
 * and later calls fail too). */
int pdfw_pages(PdfW *w, HPDF_Doc doc, char **err);
/* Writes the pages left, the fonts, the catalog, the Info dictionary,
 * the page tree, the xref table and the trailer, and closes the file
 * (checking the close: disk full).  Frees w in every case; doc is not
 * to be saved by libharu afterwards.  0, or -1 with *err. */
int pdfw_end(PdfW *w, HPDF_Doc doc, char **err);
/* Closes and frees w without finishing the file (an error path). */
void pdfw_free(PdfW *w);

#endif
