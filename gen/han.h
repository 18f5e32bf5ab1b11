/* han: the dispatch's deadline tasks (cong-bo.csv, moc.csv, ngay-nghi.csv)
 * and the working-day calendar that judges them.
 *
 * Dates are day numbers: days since 1970-01-01 (a Thursday), so that
 * arithmetic and weekdays are plain integer work.  -1 means "no date".
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

#include "buf.h"

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

void han_init(HanData *h);
void han_release(HanData *h);

/* --- The calendar ------------------------------------------------------ */

/* The day number of y-mo-d, or -1 when that date does not exist
 * (30/02/2024, 29/02/2023, month 13) or the year is outside 1900..9999. */
int han_ngay(int y, int mo, int d);
/* The date of a day number. */
void han_ymd(int day, int *y, int *mo, int *d);
/* 0 Monday .. 6 Sunday. */
int han_thu(int day);
/* Days in month mo of year y (leap years: Gregorian). */
int han_so_ngay_thang(int y, int mo);

typedef enum {
	HAN_NGAY_OK = 0,
	HAN_NGAY_TRONG,   /* empty text */
	HAN_NGAY_DANG,    /* not dd/mm/yyyy nor yyyy-mm-dd */
	HAN_NGAY_KHONG_CO /* the right shape but no such day */
} HanNgayLoi;
/* Parses "dd/mm/yyyy" (also "d/m/yyyy", as clerks type) or "yyyy-mm-dd"
 * into *day.  Surrounding spaces are allowed.  On HAN_NGAY_KHONG_CO,
 * *why (when not NULL) gets a static reason ("February 2024 has 29 days"). */
HanNgayLoi han_parse_ngay(const char *s, int *day, const char **why);

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
/* Reads cong-bo.csv, moc.csv and ngay-nghi.csv of dir when present (and
 * han_danh_muc / han_quy_trinh from the conf already in m: an invalid
 * value is an error at its bao-cao.conf line).  Problems go to m->msgs.
 * Called by input_read() after the registry is read.  Returns 0 when no
 * error was recorded, else -1. */
int han_read(struct Model *m, const char *dir);
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

/* Appends the section "Tình hình công bố TTHC" in GFM Markdown (a "##"
 * heading, one table row per unit in charge and step kind with a
 * province total, the late and overdue steps worst first, the
 * milestones), data text escaped.  Appends nothing when m->han.co is 0. */
void han_md(Buf *out, const struct Model *m);

/* Appends a unit's scorecard lines, plain text (not Markdown), each ending
 * in '\n', one per kind of step the unit has:
 *   "Công bố danh mục: 7/9 đúng hạn; 1 quá hạn 12 ngày làm việc"
 *   "Công bố quy trình nội bộ: 9/9 đúng hạn"
 *   "Mốc thời gian: 1/2 đúng hạn; 1 chưa đến hạn"
 * Appends nothing when the unit has no step. */
void han_dong_the_diem(Buf *out, const struct Model *m, int don_vi);

#endif
