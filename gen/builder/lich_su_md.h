/* SPDX-License-Identifier: MIT */
/* lich_su_md: the history (m->ls, lich_su.h) in Markdown, for the site's
 * pages and bao-cao.md: the restatements page and table, the line on an
 * affected unit's page, the change against the same period last year.
 * Text from data is escaped (md_escape); links are relative to the page
 * (root: "" at the site's root, "../" one folder down).  Below md.c,
 * which calls it: knows mdbuf.h, never md.h. */
#ifndef CHITIEU_LICH_SU_MD_H
#define CHITIEU_LICH_SU_MD_H
#include "buf.h"
#include "model.h"

/* dieu-chinh.html: the restatements against the earlier period. */
void md_trang_dieu_chinh(Buf *out, const Model *m);
/* On unit u's page: its restatements (a section), nothing without. */
void md_dieu_chinh_don_vi(Buf *out, const Model *m, size_t u);
/* On unit u's page: the change of each of its targets against the same
 * period last year (a section), nothing when that period is absent. */
void md_cung_ky_don_vi(Buf *out, const Model *m, size_t u);
/* On target t's page and in the report: the province's and groups'
 * change against the same period last year (a list), nothing when that
 * period is absent. */
void md_cung_ky_chi_tieu(Buf *out, const Model *m, size_t t);

#endif
