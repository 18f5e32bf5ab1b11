/* han: the dispatch's deadline tasks (cong-bo.csv, moc.csv, ngay-nghi.csv)
 * and the working-day calendar that judges them.
 *
 * Dates are day numbers: days since 1970-01-01 (a Thursday), so that
 * arithmetic and weekdays are plain integer work.  -1 means "no date". */
#ifndef CHITIEU_HAN_H
#define CHITIEU_HAN_H
#include <stddef.h>

typedef enum { TT_DUNG_HAN, TT_TRE_HAN, TT_QUA_HAN, TT_CHUA_DEN_HAN } TrangThai;

/* One row of cong-bo.csv: a ministry decision and the province's steps. */
typedef struct {
	char *so_quyet_dinh;
	int ngay_quyet_dinh;
	char *co_quan;
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
	char *ten;
} NgayNghi;

/* One judged step: a row of han.csv. */
typedef struct {
	const char *so_quyet_dinh; /* borrowed from CongBo; "" for milestones */
	int don_vi;
	const char *buoc;          /* "danh_muc", "quy_trinh" or a milestone's ma (borrowed) */
	int han;                   /* the deadline */
	int ngay_cong_bo;          /* -1: not yet */
	TrangThai trang_thai;
	int so_ngay_tre;           /* working days late or overdue, else 0 */
} HanKetQua;

typedef struct {
	int co;                    /* 1 when any of the three files exists */
	CongBo *cong_bo;   size_t n_cong_bo;
	Moc *moc;          size_t n_moc;
	NgayNghi *nghi;    size_t n_nghi;  /* sorted by ngay */
	int han_danh_muc, han_quy_trinh;   /* working days; defaults 5 and 10 */
	HanKetQua *kq;     size_t n_kq;    /* filled by han_eval() */
} HanData;

void han_init(HanData *h);
void han_release(HanData *h);

struct Model;
/* Reads cong-bo.csv, moc.csv and ngay-nghi.csv of dir when present (and
 * han_danh_muc / han_quy_trinh from the conf already in m).  Problems go to
 * m->msgs.  Called by input_read() after the registry is read.  Returns 0
 * when no error was recorded, else -1. */
int han_read(struct Model *m, const char *dir);
/* Judges every step at the end of the report window (m->cua_so) into
 * m->han.kq.  Called after eval_run(). */
void han_eval(struct Model *m);

#endif
