/* SPDX-License-Identifier: MIT */
/* xuat: the documents' builders (the report, the urging dispatch) wired to
 * their writers and their files.
 *
 * Above every layer (beside main.c): the builder (bao_cao.h) says what
 * the report says and opens no file; the writers (doc_md.h, doc_pdf.h)
 * say how it looks; here one is handed to the other, and the file is
 * opened and closed (mandoc's main.c choosing a device for one tree). */
#ifndef CHITIEU_XUAT_H
#define CHITIEU_XUAT_H
#include "buf.h"
#include "doc.h"
#include "model.h"

/* bao-cao.md into out (img_prefix: where the charts are, "charts/"). */
void bao_cao_md(Buf *out, const Model *m, const char *img_prefix);
/* bao-cao.md written to path a piece at a time; 0, or -1 with *err. */
int bao_cao_md_file(const Model *m, const char *path, const char *img_prefix, char **err);
/* bao-cao.pdf (charts_dir holds chi-tieu-<stt>.png, or NULL); 0, or -1
 * with *err (caller frees): a missing font is exit 3. */
int bao_cao_pdf(const Model *m, const char *path, const char *charts_dir, char **err);

/* The Markdown writer (doc_md.h) for a builder of the site's pages: the
 * site (site.c) hands it out to trang.h's builders and renders what it
 * appends to out with cmark-gfm; img_prefix as above. */
DocWriter *xuat_md_writer(Buf *out, const char *img_prefix);
void xuat_md_writer_free(DocWriter *w);

/* The urging dispatch (cong_van.h), the same way: cong-van-don-doc.md
 * into out; cong-van-don-doc.pdf and .docx at path (0, or -1 with *err). */
void cong_van_md(Buf *out, const Model *m);
int cong_van_pdf(const Model *m, const char *path, char **err);
int cong_van_docx(const Model *m, const char *path, char **err);

#endif
