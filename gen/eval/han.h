/* SPDX-License-Identifier: MIT */
/* han: the dispatch's deadline tasks (cong-bo.csv, moc.csv, ngay-nghi.csv)
 * and the working-day calendar that judges them.  The data types are in
 * han_data.h (the model holds them), the reader in han_doc.h, the words
 * in trang_han.h, han.csv in ketqua.c.
 *
 * Dates are day numbers (date.h): days since 1970-01-01 (a Thursday), so
 * that arithmetic and weekdays are plain integer work.  -1 means "no date".
 *
 * The rules (SPEC "cong-bo.csv, moc.csv, ngay-nghi.csv"), made precise:
 * - A working day is Monday to Friday, minus the `nghi` days, plus the
 *   `lam_bu` days of ngay-nghi.csv.  Nothing else is known: Tết and every
 *   other holiday count only when listed.
 * - The deadline of a step of a decision dated Q with a limit of N working
 *   days is the N-th working day after Q (Q itself never counts, even when
 *   it is a working day; a decision dated on a Sunday starts counting on
 *   Monday).  A milestone's deadline is its own date, working day or not.
 * - "Working days late" of a step done on day P after its deadline H is
 *   the least k >= 1 such that P <= the k-th working day after H: the
 *   working days in (H, P], where a P that is not a working day counts as
 *   the next working day (a paper signed on Saturday after a Friday
 *   deadline is 1 working day late, the same as on Monday).  So `tre_han`
 *   and `qua_han` always carry at least 1.
 * - Everything is judged as it stood at the end E of the report window
 *   (the last day of m->cua_so.last_month of m->cua_so.year): a step done
 *   on or before H is `dung_han`; done after H (and on or before E)
 *   `tre_han`; not done by E while H < E, `qua_han` with the days late it
 *   would have if done on E; otherwise `chua_den_han`.  A publication
 *   dated after E is not yet known at E: the step is judged as not done
 *   and han.csv leaves its date empty, so re-running an old period gives
 *   the same result. */
#ifndef CHITIEU_HAN_H
#define CHITIEU_HAN_H
#include <stddef.h>

#include "han_data.h"

/* --- The working-day calendar ------------------------------------------ */

/* 1 when day is a working day under h's holidays and make-up days. */
int han_lam_viec(const HanData *h, int day);
/* The n-th working day after day (day itself not counted); n >= 1. */
int han_sau(const HanData *h, int day, int n);
/* Working days late of a step done on p with deadline h_day (see the
 * rules above): 0 when p <= h_day, else the least k >= 1 with
 * p <= han_sau(h, h_day, k). */
int han_so_ngay_tre(const HanData *h, int h_day, int p);

/* --- Reading and judging ----------------------------------------------- */

struct Model;
/* Judges every step at the end of the report window (m->cua_so) into
 * m->han.kq.  Called after eval_run(). */
void han_eval(struct Model *m);

/* --- For renderers ----------------------------------------------------- */

/* "dung_han", "tre_han", "qua_han", "chua_den_han" (han.csv) */
const char *han_trang_thai_ma(TrangThai t);
/* "Đúng hạn", "Trễ hạn", "Quá hạn", "Chưa đến hạn" */
const char *han_trang_thai_ten(TrangThai t);

/* Counts of one kind of step. */
typedef struct {
	int tong;                  /* steps */
	int dung_han, tre_han, qua_han, chua_den_han;
	int tre_max;               /* the worst tre_han delay, 0 when none */
	int qua_max;               /* the worst qua_han delay, 0 when none */
} HanDem;

typedef struct {
	HanDem danh_muc, quy_trinh, moc;
} HanTomTat;

/* Sums the judged steps of unit don_vi (an index into Model.don_vi), or of
 * every unit when don_vi is -1.  All zero before han_eval() or when the
 * files are absent. */
void han_tom_tat(const struct Model *m, int don_vi, HanTomTat *out);

#endif
