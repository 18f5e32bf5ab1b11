/* md: model -> Markdown (GFM).  bao-cao.md and the site's pages.
 * Every text from data is escaped for Markdown (md_escape). */
#ifndef CHITIEU_MD_H
#define CHITIEU_MD_H
#include "buf.h"
#include "model.h"

/* img_prefix: where charts are, relative to the page ("charts/"). */
void md_report(Buf *out, const Model *m, const char *img_prefix);
void md_escape(Buf *out, const char *s);

#endif
