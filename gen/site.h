/* site: the static HTML site (site/) from Markdown rendered by cmark-gfm,
 * the page shell and CSS of templates/.  Returns 0, or -1 with *err. */
#ifndef CHITIEU_SITE_H
#define CHITIEU_SITE_H
#include "model.h"

int site_write(const Model *m, const char *site_dir, const char *charts_dir,
               const char *templates_dir, char **err);

/* <root>/index.html: the archive page linking every period folder present
 * under root (written aside and renamed into place). */
int site_archive(const char *root, char **err);

#endif
