/* SPDX-License-Identifier: MIT */
/* gfm: the only file that includes cmark-gfm.  Markdown in both
 * directions the program needs: the site's pages rendered to HTML, and
 * the clerk's noi-dung.md parsed into the report's blocks (doc.h). */
#ifndef CHITIEU_GFM_H
#define CHITIEU_GFM_H
#include <stddef.h>

#include "model.h"

/* md[0, len) as HTML by cmark-gfm with its table extension, safe mode
 * (raw HTML becomes a comment).  Free with gfm_free(). */
char *gfm_html(const char *md, size_t len);
void gfm_free(char *html);

/* Parses the bytes of noi-dung.md (path: its name for messages) into
 * m->noi_dung: # and ## headings become level-1 headings, ### level 2,
 * deeper ones bold paragraphs; paragraphs, bullet and numbered lists
 * (nested ones one level deeper), bold, italic and GFM tables as they are;
 * code as plain text.  Raw HTML and images are left out, a warning with
 * the line each (an HTML comment silently: the clerk's note to self); invalid UTF-8 or a NUL byte is an error with its line and
 * column, and nothing is kept.  Returns 0, or -1 when an error was
 * recorded. */
int gfm_noi_dung(Model *m, const char *path, const char *bytes, size_t len);

#endif
