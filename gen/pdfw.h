/* pdfw: one PDF file written a chunk of pages at a time.
 *
 * libharu 2.3 keeps every page of a document in memory until it saves
 * the file: some 90 KB a scorecard page, 900 MB for the country's
 * communes.  So layout.c draws a run of pages into a small libharu
 * document (a chunk), hands it here, and frees it; only the page tree
 * (one object number a page) and the xref offsets stay.
 *
 * The fonts are embedded once: every chunk loads the same font files,
 * in the same order, as a "master" document that never gets a page.  A
 * chunk's references to its fonts are written as references to the
 * master's, and the glyphs each chunk used are added to the master's
 * fonts, whose subsets are written last, with the master's catalog,
 * Info dictionary, the page tree, the xref table and the trailer.  The
 * pages draw the same as if libharu had saved one document: the same
 * content streams, the same font programs (the union of the glyphs is
 * what libharu would have embedded), other object numbers.
 *
 * Only layout.c uses this (it brings libharu's object layer). */
#ifndef CHITIEU_PDFW_H
#define CHITIEU_PDFW_H

#include <hpdf.h>

typedef struct PdfW PdfW;

/* Creates path and writes the header.  master holds the n_font fonts
 * (HPDF_GetFont with the UTF-8 encoder, TrueType, embedded) every chunk
 * will load the same way, its catalog and its Info; it must stay alive
 * until pdfw_end() and get no pages.  Returns NULL with *err (caller
 * frees). */
PdfW *pdfw_begin(const char *path, HPDF_Doc master, const HPDF_Font *font, int n_font,
                 char **err);
/* Writes chunk's pages, in order, after those written so far; font[i]
 * is the chunk's font loaded like the master's font[i].  The chunk may
 * be freed afterwards (its objects are renumbered: do not save it with
 * libharu).  0, or -1 with *err (the file is then left incomplete and
 * later calls fail too). */
int pdfw_pages(PdfW *w, HPDF_Doc chunk, const HPDF_Font *font, char **err);
/* Writes the fonts, the catalog, the Info dictionary, the page tree, the
 * xref table and the trailer, and closes the file (checking the close:
 * disk full).  Frees w in every case.  0, or -1 with *err. */
int pdfw_end(PdfW *w, char **err);
/* Closes and frees w without finishing the file (an error path). */
void pdfw_free(PdfW *w);

#endif
