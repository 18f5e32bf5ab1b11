/* bao_cao: the quarterly report, built once as a document (doc.h) from the
 * model and the clerk's noi-dung.md, written as bao-cao.md (doc_md.c) and
 * as bao-cao.pdf (doc_pdf.c).
 *
 * The order is SPEC's ("The quarterly report"): the header block, the
 * title, the opening of noi-dung.md, I. KẾT QUẢ CHUNG, II. per target,
 * III. the deadline tasks (when their files exist), the clerk's sections
 * numbered on, the signature and "Nơi nhận", then the appendices (each
 * from a new page, its pages numbered from 1), then the colophon. */
#ifndef CHITIEU_BAO_CAO_H
#define CHITIEU_BAO_CAO_H
#include "buf.h"
#include "doc.h"
#include "model.h"

/* Emits the report's blocks, in order, to w (DOC_META first, DOC_END
 * last).  img_prefix is not needed: figures name a chart's stem. */
void bao_cao_build(const Model *m, DocWriter *w);

/* A part of the report built alone, for the site's index, so the index
 * says what the report says in its words: section I (KẾT QUẢ CHUNG) or
 * Phụ lục I's table (numbered as in the report).  bao_cao_md_phan()
 * writes it as Markdown (doc_md) into out. */
typedef enum { BAO_CAO_KET_QUA_CHUNG, BAO_CAO_PHU_LUC_KET_QUA } BaoCaoPhan;
void bao_cao_build_phan(const Model *m, DocWriter *w, BaoCaoPhan phan);
void bao_cao_md_phan(Buf *out, const Model *m, BaoCaoPhan phan);

/* bao-cao.md into out (img_prefix: where the charts are, "charts/"). */
void bao_cao_md(Buf *out, const Model *m, const char *img_prefix);
/* bao-cao.md written to path a piece at a time; 0, or -1 with *err. */
int bao_cao_md_file(const Model *m, const char *path, const char *img_prefix, char **err);
/* bao-cao.pdf (charts_dir holds chi-tieu-<stt>.png, or NULL); 0, or -1
 * with *err (caller frees): a missing font is exit 3. */
int bao_cao_pdf(const Model *m, const char *path, const char *charts_dir, char **err);


#endif
