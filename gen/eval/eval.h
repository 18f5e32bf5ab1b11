/* SPDX-License-Identifier: MIT */
/* eval: targets -> verdicts, roll-ups, trends.  Pure: no I/O. */
#ifndef CHITIEU_EVAL_H
#define CHITIEU_EVAL_H
#include "model.h"

/* The exact verdict of n/d against t: DG_KHONG_PHAT_SINH when d == 0,
 * else DG_DAT when 100*n <so_sanh> gia_tri*d holds (integers, 128-bit
 * where needed), else DG_CHUA_DAT. */
DanhGia eval_judge(const ChiTieu *t, int64_t n, int64_t d);

/* The roll-up of target t over the units v[0, n) (a parent's children):
 * N and D summed over those to which t applies and that have a figure in
 * the window (a unit not reported adds nothing, as its row of
 * ket-qua.csv has none), judged as eval_judge() does (no such unit:
 * DG_CHUA_BAO_CAO), with the units met out of the units judged. */
void eval_gop(const Model *m, const int *v, size_t n, size_t t, KetQua *out);

/* Fixes the window from ky (NULL: the latest period in the data), fills
 * cua_so, kq_*, xh_*, thu_tu_don_vi, and adds the evaluation warnings
 * (data not covering every month of the window) to m->msgs, and marks
 * the units whose figures are provisional (thieu_don_vi, n_thieu).  Returns 0,
 * or -1 when ky is not a valid period or no data exists (message in
 * m->msgs, to be treated as bad usage / bad input by the caller). */
int eval_run(Model *m, const char *ky);

typedef struct {
	int series; /* 1: the trend series (xh_*); 0: they stay NULL (--check,
	               which draws nothing: at 10,000 units they are 29 MB) */
	int jobs;   /* threads it may use (the units' order is sorted beside
	               the verdicts); the result is the same for any */
} EvalOpts;
/* eval_run() (which is series 1, jobs 1) as o says. */
int eval_run_opts(Model *m, const char *ky, const EvalOpts *o);

/* The verdicts of another window of the same figures, the one ending
 * with k (a period of the model's year), as eval_run() judges its own:
 * into fresh arrays shaped as Model.kq_don_vi, kq_nhom and kq_tinh (the
 * caller frees the three).  The model is not changed: this is how an
 * earlier period is evaluated again from today's input (lich_su.h). */
void eval_ket_qua(const Model *m, Ky k, KetQua **kq_dv, KetQua **kq_nhom, KetQua **kq_tinh);

#endif
