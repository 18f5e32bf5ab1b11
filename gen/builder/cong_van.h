/* SPDX-License-Identifier: MIT */
/* cong_van: the urging dispatch ("Công văn đôn đốc"), built once as a
 * document (doc.h) from the model and written by the report's writers as
 * cong-van-don-doc.md (doc_md.c) and cong-van-don-doc.pdf (doc_pdf.c).
 *
 * SPEC "The urging dispatch": the công văn the provincial office sends
 * each period to the units behind, in the layout of Decree 30/2020/NĐ-CP
 * (Phụ lục I): the header block with "Số: …/UBND-…" (so_cong_van) and the
 * summary "V/v đôn đốc …" under it; "Kính gửi:" the units concerned,
 * grouped as offices write them; the basis (can_cu_giao); the result to
 * date; what each unit must do; the reply date (han_gui_so_lieu working
 * days after the period's end, on ngay-nghi.csv's calendar); the signature
 * and "Nơi nhận" (van_ban.h); an appendix listing every addressed unit's
 * shortfalls when the list is long.
 *
 * A unit is addressed when, in the report period, it did not meet a target
 * that applies to it, did not report one or reported incompletely (a
 * provisional unit, Model.thieu_don_vi), or has a deadline step late or
 * overdue (han.csv's tre_han, qua_han); nobody else is.  Every figure is
 * fmt.h's, as the report prints it. */
#ifndef CHITIEU_CONG_VAN_H
#define CHITIEU_CONG_VAN_H
#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "model.h"

/* Why a unit is addressed: bits of cong_van_ly_do(). */
enum {
	CV_CHUA_DAT = 1,     /* a target that applies to it not met */
	CV_CHUA_BAO_CAO = 2, /* a target that applies to it not reported */
	CV_THIEU = 4,        /* its figures miss months of the window, or no file */
	CV_TRE_HAN = 8       /* a deadline step late or overdue */
};

/* The reasons of every unit into ly_do[n_don_vi] (0: not addressed);
 * returns the number of units addressed.  Needs eval_run() and
 * han_eval(). */
size_t cong_van_ly_do(const Model *m, unsigned *ly_do);
/* The number of units addressed: 0 means no dispatch is written. */
size_t cong_van_so_don_vi(const Model *m);

/* The day (date.h) by which late units send their figures and everyone
 * replies: han_gui_so_lieu (default 5) working days after the last day of
 * the report window, on the ngay-nghi.csv calendar. */
int cong_van_han_gui(const Model *m);

/* Emits the dispatch's blocks, in order, to w (DOC_META first, DOC_END
 * last).  Call only when cong_van_so_don_vi() > 0. */
void cong_van_build(const Model *m, DocWriter *w);

#endif
