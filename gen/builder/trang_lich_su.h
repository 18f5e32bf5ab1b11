/* SPDX-License-Identifier: MIT */
/* trang_lich_su: the history (m->ls, lich_su.h) on the site's pages, as
 * doc.h blocks: the restatements page, the section on an affected unit's
 * page, the change against the same period last year on a unit's and a
 * target's page.  Links are those of a page one folder down ("../"),
 * except on the restatements page, at the site's root. */
#ifndef CHITIEU_TRANG_LICH_SU_H
#define CHITIEU_TRANG_LICH_SU_H
#include "doc.h"
#include "model.h"

/* dieu-chinh.html: the restatements against the earlier period. */
void trang_dieu_chinh(DocWriter *w, const Model *m);
/* On unit u's page: its restatements (a section), nothing without. */
void trang_dieu_chinh_don_vi(DocWriter *w, const Model *m, size_t u);
/* On unit u's page: the change of each of its targets against the same
 * period last year (a section), nothing when that period is absent. */
void trang_cung_ky_don_vi(DocWriter *w, const Model *m, size_t u);
/* On target t's page: the province's and groups' change against the
 * same period last year (a list), nothing when that period is absent. */
void trang_cung_ky_chi_tieu(DocWriter *w, const Model *m, size_t t);

#endif
