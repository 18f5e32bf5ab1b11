/* SPDX-License-Identifier: MIT */
/* bao_cao: the quarterly report, built once as a document (doc.h) from the
 * model and the clerk's noi-dung.md, written as bao-cao.md (doc_md.c) and
 * as bao-cao.pdf (doc_pdf.c).
 *
 * The builder's only entry is bao_cao_build(): it opens no file and
 * knows no writer (xuat.h hands it one).
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
 * Phụ lục I's table (numbered as in the report). */
typedef enum { BAO_CAO_KET_QUA_CHUNG, BAO_CAO_PHU_LUC_KET_QUA } BaoCaoPhan;
void bao_cao_build_phan(const Model *m, DocWriter *w, BaoCaoPhan phan);


#endif
