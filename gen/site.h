/* SPDX-License-Identifier: MIT */
/* site: the static HTML site (site/) from Markdown rendered by cmark-gfm,
 * the page shell, CSS and script of templates/.  Returns 0, or -1 with *err. */
#ifndef CHITIEU_SITE_H
#define CHITIEU_SITE_H
#include "model.h"

int site_write(const Model *m, const char *site_dir, const char *charts_dir,
               const char *templates_dir, char **err);
/* site_write in two steps, for a caller that writes the PDFs meanwhile:
 * the pages first (they need only the charts), then the index, which
 * lists and copies the downloads beside charts_dir (the PDFs must be
 * there by then).  Same files, same bytes. */
int site_write_pages(const Model *m, const char *site_dir, const char *charts_dir,
                     const char *templates_dir, char **err);
int site_write_index(const Model *m, const char *site_dir, const char *charts_dir,
                     const char *templates_dir, char **err);

/* Pages are rendered and written this many bytes of Markdown at a time
 * (mdbuf.h's pieces), so that memory does not grow with the units; tests
 * set 0 to cut at every point (the bytes must not change). */
extern size_t site_piece;

/* <root>/index.html: the archive page linking every period folder present
 * under root (written aside and renamed into place). */
int site_archive(const char *root, char **err);

/* After the run of period ky (a folder name, "2024-Q4") is in place under
 * root: the navigation line of every page of that period and of the
 * periods just before and after it links to the same page of its
 * neighbours where that page exists (else to their index).  Only that
 * line changes; a published period's figures never do.  Each page is
 * written aside and renamed. */
int site_cac_ky(const char *root, const char *ky, char **err);

#endif
