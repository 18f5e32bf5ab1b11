/* SPDX-License-Identifier: MIT */
/* xuat: the documents' builders handed to their writers (xuat.h). */
#include "xuat.h"

#include <stdio.h>

#include "bao_cao.h"
#include "cong_van.h"
#include "doc_docx.h"
#include "doc_md.h"
#include "doc_pdf.h"
#include "mdbuf.h"
#include "out.h"

void bao_cao_md(Buf *out, const Model *m, const char *img_prefix)
{
	DocWriter *w = doc_md_new(out, img_prefix);
	bao_cao_build(m, w);
	doc_md_free(w);
}

DocWriter *xuat_md_writer(Buf *out, const char *img_prefix)
{
	return doc_md_new(out, img_prefix);
}

void xuat_md_writer_free(DocWriter *w)
{
	doc_md_free(w);
}

static void S_file_cut(MdSink *s, int kind)
{
	(void)kind;
	if (s->md.len)
		fwrite(s->md.ptr, 1, s->md.len, (FILE *)s->arg);
	buf_reset(&s->md);
}

int bao_cao_md_file(const Model *m, const char *path, const char *img_prefix, char **err)
{
	FILE *fp = out_open_file(path, err);
	if (!fp)
		return -1;
	MdSink s = {.min = 64 * 1024, .cut = S_file_cut, .arg = fp};
	buf_init(&s.md);
	buf_init(&s.head);
	md_sink_begin(&s);
	bao_cao_md(&s.md, m, img_prefix);
	md_sink_end();
	S_file_cut(&s, MD_CUT_BLOCKS);
	buf_release(&s.md);
	buf_release(&s.head);
	/* a failed fwrite leaves the stream's error set: the close reports it */
	return out_close_file(fp, path, err);
}

int bao_cao_pdf(const Model *m, const char *path, const char *charts_dir, char **err)
{
	DocWriter *w = doc_pdf_open(path, charts_dir, err);
	if (!w)
		return -1;
	bao_cao_build(m, w);
	return doc_pdf_close(w, err);
}

void cong_van_md(Buf *out, const Model *m)
{
	DocWriter *w = doc_md_new(out, "");
	cong_van_build(m, w);
	doc_md_free(w);
}

int cong_van_pdf(const Model *m, const char *path, char **err)
{
	DocWriter *w = doc_pdf_open(path, NULL, err);
	if (!w)
		return -1;
	cong_van_build(m, w);
	return doc_pdf_close(w, err);
}

int cong_van_docx(const Model *m, const char *path, char **err)
{
	DocWriter *w = doc_docx_open(path, NULL, err);
	if (!w)
		return -1;
	cong_van_build(m, w);
	return doc_docx_close(w, err);
}
