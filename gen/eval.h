/* eval: targets -> verdicts, roll-ups, trends.  Pure: no I/O. */
#ifndef CHITIEU_EVAL_H
#define CHITIEU_EVAL_H
#include "model.h"

/* The exact verdict of n/d against t: DG_KHONG_PHAT_SINH when d == 0,
 * else DG_DAT when 100*n <so_sanh> gia_tri*d holds (integers, 128-bit
 * where needed), else DG_CHUA_DAT. */
DanhGia eval_judge(const ChiTieu *t, int64_t n, int64_t d);

/* Fixes the window from ky (NULL: the latest period in the data), fills
 * cua_so, kq_*, xh_*, thu_tu_don_vi, and adds the evaluation warnings
 * (data not covering every month of the window) to m->msgs.  Returns 0,
 * or -1 when ky is not a valid period or no data exists (message in
 * m->msgs, to be treated as bad usage / bad input by the caller). */
int eval_run(Model *m, const char *ky);

#endif
