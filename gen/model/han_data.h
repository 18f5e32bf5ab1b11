/* SPDX-License-Identifier: MIT */
/* han_data: the deadline tasks' plain data (cong-bo.csv, moc.csv,
 * ngay-nghi.csv and their judged steps), as the model holds it.
 *
 * Types and their lifetime only: han_doc.c reads them, han.c judges them
 * (the rules are in han.h), trang_han.c, bao_cao.c and ketqua.c print them.  Dates are
 * day numbers (date.h); -1 means "no date". */
#ifndef CHITIEU_HAN_DATA_H
#define CHITIEU_HAN_DATA_H
#include <stddef.h>

typedef enum { TT_DUNG_HAN, TT_TRE_HAN, TT_QUA_HAN, TT_CHUA_DEN_HAN } TrangThai;

/* One row of cong-bo.csv: a ministry decision and the province's steps. */
typedef struct {
	char *so_quyet_dinh;
	int ngay_quyet_dinh;
	char *co_quan;            /* "" when empty or absent */
	int don_vi;               /* index into Model.don_vi */
	int ngay_cong_bo_danh_muc;  /* -1: not yet */
	int ngay_cong_bo_quy_trinh; /* -1: not yet */
	char *ghi_chu;            /* NULL when empty */
	int line;
} CongBo;

/* One row of moc.csv: a dated milestone for one unit. */
typedef struct {
	char *ma, *ten;
	int han;
	int don_vi;
	int ngay_hoan_thanh;      /* -1: not yet */
	char *can_cu;             /* NULL when empty */
	int line;
} Moc;

/* One row of ngay-nghi.csv. */
typedef struct {
	int ngay;
	int lam_bu;               /* 1: a weekend day that is worked */
	char *ten;                /* "" when empty */
} NgayNghi;

/* One judged step: a row of han.csv. */
typedef struct {
	const char *so_quyet_dinh; /* borrowed from CongBo; "" for milestones */
	int don_vi;
	const char *buoc;          /* "danh_muc", "quy_trinh" or a milestone's ma (borrowed) */
	int han;                   /* the deadline */
	int ngay_cong_bo;          /* -1: not yet (or only after the window's end) */
	TrangThai trang_thai;
	int so_ngay_tre;           /* working days late or overdue, else 0 */
	int cong_bo, moc;          /* index of its row in HanData.cong_bo / .moc, else -1 */
} HanKetQua;

typedef struct {
	int co;                    /* 1 when any of the three files exists */
	CongBo *cong_bo;   size_t n_cong_bo;
	Moc *moc;          size_t n_moc;
	NgayNghi *nghi;    size_t n_nghi;  /* sorted by ngay */
	int han_danh_muc, han_quy_trinh;   /* working days; defaults 5 and 10 */
	int ngay_xet;                      /* E: the day judged at (han_eval), else -1 */
	/* Filled by han_eval(): every decision's danh_muc then quy_trinh step
	 * in the order of cong-bo.csv, then every milestone in the order of
	 * moc.csv.  This is the order of han.csv. */
	HanKetQua *kq;     size_t n_kq;
} HanData;

/* An empty set: no files, the default limits (5 and 10 working days). */
void han_init(HanData *h);
/* Frees everything h owns and leaves it as han_init() does. */
void han_release(HanData *h);

#endif
