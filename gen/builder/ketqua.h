/* SPDX-License-Identifier: MIT */
/* ketqua: the evaluated figures for programs (ket-qua.csv) and the
 * deadline results (han.csv), as SPEC defines their columns. */
#ifndef CHITIEU_KETQUA_H
#define CHITIEU_KETQUA_H
#include "buf.h"
#include "model.h"

/* ket-qua.csv of an evaluated model (only the header row otherwise).
 * Group rows: ma "nhom:<slug>", ten the group's name, nhom its slug, one
 * row per target that applies to the group.  Province rows: ma "tinh",
 * ten "Toàn tỉnh", nhom empty, one row per target. */
void ketqua_csv(Buf *out, const Model *m);
/* The same written to path as it goes (out_open_file): 0, or -1 with
 * *err (caller frees). */
int ketqua_csv_file(const Model *m, const char *path, char **err);
/* han.csv of the judged deadline steps (han_eval), in HanData.kq's
 * order (only the header row when there are none). */
void ketqua_han_csv(Buf *out, const Model *m);
/* dieu-chinh.csv: the units' restatements (m->ls.dc) against the earlier
 * period, units in registry order then targets by stt; the header alone
 * when there is none (or no earlier period). */
void ketqua_dieu_chinh_csv(Buf *out, const Model *m);

#endif
