/* SPDX-License-Identifier: MIT */
/* trang: the site's pages as documents (doc.h): the index, a group's,
 * a unit's, a district's (its communes), a target's and the data-quality
 * page; the deadline tasks' page is trang_han.h's, the restatements'
 * trang_lich_su.h's, the report's bao_cao.h's.  Each builder emits its
 * page's blocks to the writer it is given (site.c gives doc_md.c's,
 * whose Markdown it renders with cmark-gfm); it composes every word and
 * link, the writer only the marks.
 *
 * Links are relative: pages of units, targets, groups and districts live
 * one folder down (don-vi/<ma>.html, chi-tieu/<stt>.html,
 * nhom/<stem>.html, dia-ban/<ma>.html), the others at the site's root.
 * A figure is its chart's stem ("chi-tieu-3", "don-vi-<ma>"): the writer
 * is given the folder of the charts as seen from the page. */
#ifndef CHITIEU_TRANG_H
#define CHITIEU_TRANG_H
#include "doc.h"
#include "model.h"

/* Work shared by the pages of one model (every unit's verdict counts and
 * rank in its group, as rank_hang() gives them; children and messages by
 * unit): trang_ctx_new() once, pass it to every page, trang_ctx_free()
 * after (accepts NULL).  A page given NULL computes it for itself. */
typedef struct TrangCtx TrangCtx;
TrangCtx *trang_ctx_new(const Model *m);
void trang_ctx_free(TrangCtx *c);

/* index.html; without DOC_END: the caller adds its own blocks (the
 * site's downloads) and ends the page. */
void trang_chu(DocWriter *w, const Model *m, const TrangCtx *c);
void trang_nhom(DocWriter *w, const Model *m, const TrangCtx *c, size_t g);
void trang_don_vi(DocWriter *w, const Model *m, const TrangCtx *c, size_t u);
/* dia-ban/<ma>.html: parent unit p's children (a district's communes):
 * their roll-up per target (eval_gop), their matrix and their ranking. */
void trang_dia_ban(DocWriter *w, const Model *m, const TrangCtx *c, size_t p);
/* 1 when unit u is some registered unit's parent (it has a dia-ban page). */
int trang_co_con(const TrangCtx *c, size_t u);
void trang_chi_tieu(DocWriter *w, const Model *m, size_t t);
void trang_du_lieu(DocWriter *w, const Model *m); /* data quality */

#endif
