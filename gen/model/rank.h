/* SPDX-License-Identifier: MIT */
/* rank: the pure computations behind a unit's scorecard and every ranking
 * — what it still needs over the rest of the year, its rank (the one
 * ranking of every output) and the change of
 * its year-to-date rate since the previous step (the verdict symbols are
 * fmt.h's legend).
 * No I/O, no drawing: scorecard.c prints what these return, numbers only
 * through fmt.h. */
#ifndef CHITIEU_RANK_H
#define CHITIEU_RANK_H
#include <stdint.h>

#include "model.h"

/* What a unit still needs on a target over the rest of the year. */
typedef enum {
	CC_DA_DAT,        /* met so far: keep it up */
	CC_CAN,           /* reach `tram` over the remaining months */
	CC_KHONG_THE,     /* even 100 % (or 0 % for a maximum) cannot reach it */
	CC_HET_NAM,       /* not met and the window is the whole year */
	CC_CHUA_PHAT_SINH,/* no denominator so far: no pace to project */
	CC_CHUA_BAO_CAO   /* no figure reported in the window */
} ConCanLoai;

typedef struct {
	ConCanLoai loai;
	SoSanh so_sanh;   /* CC_CAN: the rate must be >=, <= or = tram */
	/* CC_CAN: the rate in hundredths of a percent (9240 = 92,40 %),
	 * rounded to the safe side: up for >=, down for <=, so reaching the
	 * printed figure always suffices.  For =, the exact rate rounded up. */
	int64_t tram;
} ConCan;

/* The rate the unit must reach over months last_month+1..12 so that the
 * whole year meets t, assuming its denominator keeps its pace so far
 * (D/last_month a month).  With L = last_month, R = 12 - L and
 * g = gt_num / 10^gt_scale, the year's rate is (N + x) / (12D/L) and the
 * rate needed on the rest, exactly, is (12·g·D − 100·N·L) / (D·R) %.
 * kq is the unit's year-to-date result. */
ConCan rank_con_can(const ChiTieu *t, const KetQua *kq, int last_month);

/* A unit's verdicts counted over its applicable targets. */
typedef struct {
	int ap_dung, dat, chua_dat, khong_phat_sinh, chua_bao_cao;
} DemDanhGia;

DemDanhGia rank_dem(const Model *m, size_t u);

/* The ranking (SPEC "Ranking"): within a group, more targets met ranks
 * higher; equal, fewer targets not reported; equal, the smaller total
 * shortfall — the sum over the targets not met of the gap between the
 * rate and the target in percentage points, |100·N/D − gia_tri|.  The
 * shortfall is kept as an exact fraction of integers of any size and
 * compared exactly (no float, no rounding); units equal on all three
 * share a rank (standard competition ranking, "1, 2, 2, 4"). */
typedef struct {
	DemDanhGia dem;
	/* the shortfall tu/mau, non-negative integers as little-endian base
	 * 2^32 limbs without leading zero limbs (0 is n_tu == 0) */
	uint32_t *tu, *mau;
	size_t n_tu, n_mau;
	/* the shortfall in hundredths of a point, rounded half up, for people
	 * (INT64_MAX when larger); never used to compare */
	int64_t thieu_tram;
} RankKhoa;

/* Unit u's key; free with rank_khoa_release(). */
void rank_khoa(const Model *m, size_t u, RankKhoa *k);
void rank_khoa_release(RankKhoa *k);
/* Every unit's key, [n_don_vi]; free with rank_khoa_free(k, n_don_vi)
 * (accepts NULL). */
RankKhoa *rank_khoa_all(const Model *m);
void rank_khoa_free(RankKhoa *k, size_t n);

/* < 0 when a ranks strictly above b, > 0 when below, 0 when they share a
 * rank. */
int rank_khoa_cmp(const RankKhoa *a, const RankKhoa *b);

/* Sorts the units v[0, n) best first (units sharing a rank in display
 * order, m->thu_tu_don_vi) by their keys k[v[i]], and sets hang[i] to the
 * competition rank of v[i] among them (1 + the units strictly above) and
 * dong[i] to 1 when another unit shares it.  hang, dong: NULL or [n]. */
void rank_sap_xep(const Model *m, const RankKhoa *k, int *v, size_t n, int *hang, int *dong);

/* What a ranking measures, one sentence for under every ranking table. */
extern const char rank_quy_tac[];

/* Unit u's rank in its group by the rule above (1 + the units ranked
 * strictly above it), the number of units in the group in *tong and 1 in
 * *dong_hang when another unit shares the rank. */
int rank_hang(const Model *m, size_t u, int *tong, int *dong_hang);
/* rank_hang() for every unit at once in O(U log U), for renderers that
 * print every unit: hang, tong and dong_hang are arrays [n_don_vi]. */
void rank_hang_all(const Model *m, int *hang, int *tong, int *dong_hang);

/* The change of the year-to-date rate since the previous step. */
typedef enum { TD_KHONG_CO, TD_TANG, TD_GIAM, TD_KHONG_DOI } ThayDoiLoai;

typedef struct {
	ThayDoiLoai loai;
	/* |change| in hundredths of a percentage point, rounded half away
	 * from zero; a change too small to show is 1 with nho = 1 ("< 0,01"). */
	int64_t tram;
	int nho;
	int buoc_truoc;   /* index of the previous step (for its name) */
} ThayDoi;

/* xh: a unit's (or group's) per-step values for one target, n_buoc steps.
 * Compares the sum of all steps with the sum of all but the last; nothing
 * when either has no denominator or there is no previous step. */
ThayDoi rank_thay_doi(const Diem *xh, int n_buoc);

#endif
