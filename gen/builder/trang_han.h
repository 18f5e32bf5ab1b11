/* SPDX-License-Identifier: MIT */
/* trang_han: the deadline tasks in words (the site's page, the
 * scorecards' lines), from the steps han.c judged into Model.han.  The
 * report's section III and Phụ lục III are bao_cao.c's. */
#ifndef CHITIEU_TRANG_HAN_H
#define CHITIEU_TRANG_HAN_H
#include "buf.h"
#include "doc.h"

struct Model;
/* han.html as doc.h blocks: its title and period, then the section "Tình
 * hình công bố TTHC" (one table row per unit in charge and step kind with
 * a province total, the late and overdue steps worst first, the
 * milestones), or a line saying the period has no deadline tasks. */
void trang_han(DocWriter *w, const struct Model *m);

/* Appends a unit's scorecard lines, plain text, each ending in '\n', one
 * per kind of step the unit has:
 *   "Công bố danh mục: 7/9 đúng hạn; 1 quá hạn 12 ngày làm việc"
 *   "Công bố quy trình nội bộ: 9/9 đúng hạn"
 *   "Mốc thời gian: 1/2 đúng hạn; 1 chưa đến hạn"
 * Appends nothing when the unit has no step. */
void han_dong_the_diem(Buf *out, const struct Model *m, int don_vi);

#endif
