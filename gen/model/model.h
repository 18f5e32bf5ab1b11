/* SPDX-License-Identifier: MIT */
/* model: the one in-memory picture of a reporting year.
 *
 * Readers (input.c, han_doc.c, gfm.c for noi-dung.md) fill it, eval.c
 * computes the verdicts and the trend series into it, han.c judges the
 * deadline tasks into it, lich_su.c adds what earlier runs published (ls),
 * and every renderer (ketqua.c, chart.c, trang.c, trang_han.c, trang_lich_su.c,
 * site.c, bao_cao.c with its writers doc_md.c and doc_pdf.c,
 * scorecard.c) takes it as `const Model *`.  The model knows those
 * modules only as data: it includes the calendar (date.h), the deadline
 * tasks' plain types (han_data.h), the report's blocks (doc.h) and the
 * messages (msg.h), never the code that fills or reads it.
 *
 * Ownership: the model owns every byte reachable from it.  Strings are
 * copied in (NFC-normalised UTF-8, surrounding spaces trimmed) and
 * model_release() frees everything.
 *
 * Indexes, not pointers, link records: DonVi.nhom is an index into
 * Model.nhom, SoLieu.don_vi into Model.don_vi, etc.  -1 means "none". */
#ifndef CHITIEU_MODEL_H
#define CHITIEU_MODEL_H
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "doc.h"
#include "han_data.h"
#include "msg.h"

/* One group of units ("UBND cấp huyện"), in the order of thu_tu. */
typedef struct {
	char *ma;   /* slug, e.g. "huyen" */
	char *ten;  /* display name */
	int thu_tu;
} Nhom;

/* One unit of the registry, in the order of don-vi.csv. */
typedef struct {
	char *ma;   /* [a-z0-9-]+, the stem of so-lieu/<ma>.csv */
	char *ten;  /* as don-vi.csv gives it; people read model_ten_don_vi() */
	int nhom;   /* index into Model.nhom */
	int thuoc;  /* index into Model.don_vi of the parent, or -1 */
	int co_so_lieu; /* 1 when so-lieu/<ma>.csv was read */
	char *ten_hien; /* owned; set by model_set_ten_hien(), NULL before */
} DonVi;

typedef enum { SS_GE, SS_LE, SS_EQ } SoSanh;

/* One target: a row of the appendix table, in the order of stt. */
typedef struct {
	int stt;
	char *ten, *chu_tri, *phoi_hop, *don_vi_tinh;
	char *ten_ngan;   /* the short name for tight places, "" when not given:
	                     read it through model_ten_ngan() */
	char *can_cu;     /* "" when the row shares the basis of the row above */
	int can_cu_span;  /* rows the printed basis cell spans from here (>= 1);
	                     0 on a row covered by a cell above */
	SoSanh so_sanh;
	/* gia_tri exactly: gia_tri = gt_num / 10^gt_scale (45,5 -> 455, 1) */
	int64_t gt_num;
	int gt_scale;     /* 0..6 */
	unsigned char *ap_dung; /* [Model.n_nhom]: 1 when the group is judged on it */
} ChiTieu;

/* One figure row of a unit's file, kept whether in the window or not. */
typedef struct {
	int don_vi, chi_tieu;  /* indexes */
	Ky ky;
	int line;              /* in so-lieu/<ma>.csv, as a spreadsheet shows it */
	int64_t tu_so, mau_so;
	char *ghi_chu;         /* NULL when empty */
} SoLieu;                  /* 40 bytes: every pass over the rows reads them all */

typedef enum { DG_DAT, DG_CHUA_DAT, DG_KHONG_PHAT_SINH, DG_CHUA_BAO_CAO } DanhGia;

/* A verdict on summed figures.  For a unit: n, d over its rows in the
 * window.  For a group or the province: over the member units to which the
 * target applies, plus the count of units met / units judged. */
typedef struct {
	int64_t n, d;
	DanhGia dg;
	int so_dv_dat, so_dv_danh_gia; /* aggregates only; 0 on unit results */
} KetQua;

/* The small-denominator rule: a rate over fewer than MAU_SO_NHO cases
 * moves a lot with one case, so every output marks it to be read with
 * care.  The one definition (the report, the site). */
enum { MAU_SO_NHO = 5 };
/* 1 when k has a rate (reported, d > 0) over a small denominator. */
static inline int model_mau_so_nho(const KetQua *k)
{
	return k->dg != DG_CHUA_BAO_CAO && k->d > 0 && k->d < MAU_SO_NHO;
}

/* One step of a trend series: the figures of one month or quarter (not
 * cumulative).  co = 1 when at least one row fell in the step. */
typedef struct {
	int64_t n, d;
	int co;
} Diem;

#define MAX_BUOC 12

/* The year-to-date window fixed by the report period. */
typedef struct {
	Ky ky;          /* the report period (-k, or the latest in the data) */
	int year;
	int last_month; /* the window is months 1..last_month of year */
	Ky moi_nhat;    /* the latest period present in the data (cut-off) */
	/* The trend steps: months when every row in the window is a month,
	 * else quarters (months are summed into their quarter; the last
	 * quarter may be partial). */
	int buoc_quy;   /* 1: steps are quarters */
	int n_buoc;     /* 1..12 */
	Ky buoc[MAX_BUOC];
} CuaSo;

/* A key of bao-cao.conf and its value (NFC, trimmed). */
typedef struct {
	char *key, *value;
	int line;
} ConfEntry;

/* An input file read, for the colophon: its path relative to the input
 * folder and its SHA-256 (all zero when Model.tep_sha is 0). */
typedef struct {
	char *path;
	unsigned char sha256[32];
} TepVao;

/* ---- History: what earlier runs published (lich_su.h fills it) ------ */

/* A result as a published ket-qua.csv gave it.  co = 0: nothing was
 * published for it (or, across years, its target's name found no match):
 * never read as a zero. */
typedef struct {
	int co;
	KetQua kq;
} KetQuaCu;

/* One restatement: figures of the earlier period's window as published
 * (cu) and as today's input gives them (moi). */
typedef struct {
	int don_vi;   /* unit index, or -1 on a group's or the province's row */
	int nhom;     /* group index on a group's row, else -1 */
	int chi_tieu; /* target index */
	KetQua cu, moi;
} DieuChinh;

/* A period folder of the output root holding a ket-qua.csv. */
typedef struct {
	Ky ky;
	char ten[16]; /* the folder's name, "2024-Q3" */
} KyCu;

typedef struct {
	KyCu *ky;          size_t n_ky;     /* oldest first; the report period's
	                                       own folder when a run made it before */
	/* Restatements against the latest earlier period E of the same year. */
	int co_truoc;      /* 1: E's ket-qua.csv was found and read */
	Ky truoc;
	DieuChinh *dc;     size_t n_dc;     /* units: registry order, then stt */
	DieuChinh *dc_tong; size_t n_dc_tong; /* groups in order, then the province */
	unsigned char *dv_dc;               /* [n_don_vi]: 1 when the unit has one */
	size_t n_dv_dc;                     /* units with a restatement */
	size_t n_ct_tinh_doi;               /* targets whose province verdict changed */
	/* The same period of the previous year. */
	int co_cung_ky;    /* 1: its ket-qua.csv was found and read */
	Ky cung_ky;
	KetQuaCu *ck_don_vi, *ck_nhom, *ck_tinh; /* [U*T], [G*T], [T]; NULL unless co_cung_ky */
	/* The previous period: E's results as published (the same E as the
	 * restatements'), matched by stt: the change against it in section
	 * II.  NULL unless co_truoc. */
	KetQuaCu *tr_don_vi, *tr_nhom, *tr_tinh; /* [U*T], [G*T], [T] */
} LichSu;

typedef struct Model {
	Nhom *nhom;        size_t n_nhom;
	DonVi *don_vi;     size_t n_don_vi;
	ChiTieu *chi_tieu; size_t n_chi_tieu;
	SoLieu *so_lieu;   size_t n_so_lieu;   /* sorted by don_vi, chi_tieu, ky */
	ConfEntry *conf;   size_t n_conf;
	TepVao *tep;       size_t n_tep;       /* sorted by path */
	int tep_sha;       /* 1 (model_init): the readers take each file's
	                      SHA-256; --check, which prints none, sets 0 */
	HanData han;       /* the deadline tasks (han_data.h); empty when absent */
	/* The clerk's noi-dung.md as blocks (gfm.c): its headings level 1
	 * (# and ##) and 2 (###), unnumbered; empty when the file is absent. */
	DocList noi_dung;
	Msgs msgs;         /* every error and warning of the run */

	/* Filled by eval_run(). */
	int evaluated;
	CuaSo cua_so;
	KetQua *kq_don_vi; /* [n_don_vi * n_chi_tieu]; see model_applies() */
	KetQua *kq_nhom;   /* [n_nhom * n_chi_tieu] */
	KetQua *kq_tinh;   /* [n_chi_tieu] */
	/* Per-step (not cumulative) values, [entity][target][MAX_BUOC]. */
	Diem *xh_don_vi;   /* [n_don_vi * n_chi_tieu * MAX_BUOC] */
	Diem *xh_nhom;     /* [n_nhom * n_chi_tieu * MAX_BUOC] */
	Diem *xh_tinh;     /* [n_chi_tieu * MAX_BUOC] */
	/* Units in display order: group order, then registry order (the
	 * rows of don-vi.csv) within a group; rankings sort on their own. */
	int *thu_tu_don_vi; /* [n_don_vi] indexes */
	/* Provisional figures: 1 for a unit judged on some target that has no
	 * data file or whose rows miss months of the window; n_thieu of them. */
	unsigned char *thieu_don_vi; /* [n_don_vi] */
	size_t n_thieu;
	/* [n_don_vi * n_chi_tieu]: the months of the window a unit's rows do
	 * not cover for a target that applies to it (bit 0 January … bit 11
	 * December; 0 where nothing is missing or the target does not apply):
	 * the mark at its figures and the note naming the months. */
	unsigned *thieu_thang;

	/* Filled by lich_su_run(); all zero when the output root holds none. */
	LichSu ls;

	/* Private lookup indexes built by model_build_index(). */
	int *idx_don_vi, *idx_nhom, *idx_chi_tieu;
} Model;

void model_init(Model *m);
void model_release(Model *m);
/* Frees the strings of one target (the model frees them all; a reader
 * dropping a duplicate row frees its own). */
void chi_tieu_release(ChiTieu *t);

/* 1 when target t applies to unit u (its group is in ap_dung).  Inline:
 * evaluation asks it for every unit and target, more than once. */
static inline int model_applies(const Model *m, size_t u, size_t t)
{
	int g = m->don_vi[u].nhom;
	return g >= 0 && m->chi_tieu[t].ap_dung[g];
}
static inline const KetQua *model_kq_don_vi(const Model *m, size_t u, size_t t)
{
	return &m->kq_don_vi[u * m->n_chi_tieu + t];
}
static inline const KetQua *model_kq_nhom(const Model *m, size_t g, size_t t)
{
	return &m->kq_nhom[g * m->n_chi_tieu + t];
}
static inline const Diem *model_xh_don_vi(const Model *m, size_t u, size_t t)
{
	return &m->xh_don_vi[(u * m->n_chi_tieu + t) * MAX_BUOC];
}
static inline const Diem *model_xh_nhom(const Model *m, size_t g, size_t t)
{
	return &m->xh_nhom[(g * m->n_chi_tieu + t) * MAX_BUOC];
}
static inline const Diem *model_xh_tinh(const Model *m, size_t t)
{
	return &m->xh_tinh[t * MAX_BUOC];
}

/* A unit's year-to-date figures at the end of each period of the year up
 * to the report period: the quarters' ends within the window, then the
 * window's own end when it is not one ("Quý I", "5 tháng").  thang: the
 * period's last month; n, d: the sums of the trend steps (xh_don_vi, the
 * figures eval_run() counted) from January through thang; co: 1 when the
 * unit has a figure in the period itself (from the end of the period
 * before), so that a period it did not report is a gap, never the figure
 * carried over from the one before. */
typedef struct {
	int thang;
	int co;
	int64_t n, d;
} DiemKy;
#define MAX_KY 4
/* Fills out[0, return) (at most MAX_KY) for unit u and target t;
 * 0 without trend series (eval_run_opts with series 0). */
int model_luy_ke_ky(const Model *m, size_t u, size_t t, DiemKy out[MAX_KY]);

/* 1 when s is a valid unit code, [a-z0-9-]+ (it names files and pages). */
int model_code_ok(const char *s);
/* The file stem of group g's pages: its code when it is [a-z0-9_-]+,
 * else "nhom-<g+1>".  Caller frees. */
char *model_nhom_stem(const Model *m, size_t g);
/* Frees what eval_run() filled (kq_*, xh_*, thu_tu_don_vi, thieu_don_vi)
 * and the history (ls). */
void model_release_results(Model *m);
/* Frees the history alone (ls), leaving it empty. */
void model_release_lich_su(Model *m);
/* Sorts targets by stt and groups by thu_tu (fixing every index that
 * points at them) and builds the lookup indexes.  Call after the registry
 * files are read, before figures are read. */
void model_build_index(Model *m);
/* Lookups; -1 when absent.  O(log n) or O(1): never a scan per row. */
int model_find_don_vi(const Model *m, const char *ma);
int model_find_nhom(const Model *m, const char *ma);
int model_find_chi_tieu(const Model *m, int stt);
/* The name of target t where space is short (matrix headers, chart titles
 * and labels, the scorecards' target column, Phụ lục II): its ten_ngan,
 * else "Chỉ tiêu <stt>" (tight = 0) or "CT<stt>" (tight = 1) written into
 * buf.  The result is t's own or buf; it lives as long as both. */
#define MODEL_TEN_NGAN_BUF 32
const char *model_ten_ngan(const ChiTieu *t, int tight, char buf[MODEL_TEN_NGAN_BUF]);
/* A unit's name for people, in every output: its ten, and where another
 * registered unit has the same ten (NFC, case folded) the parent's ten
 * after it in brackets, a leading "UBND " dropped: "UBND xã Đông Quang
 * (huyện Tiền Hải)".  Same-named units with the same parent carry their
 * code too ("… (huyện Tiền Hải, mã xa-dong-quang-2)"), with no parent the
 * code alone ("… (mã xa-dong-quang-2)"), so that no two units read alike.  Before model_set_ten_hien(): the ten. */
const char *model_ten_don_vi(const Model *m, size_t u);
/* Computes every unit's name for people (O(n log n)); call once the
 * registry and its parents are resolved.  Idempotent. */
void model_set_ten_hien(Model *m);
/* The index of the first figure row of unit u and target t in so_lieu
 * (sorted by unit, target, period); the rows of (u, t) follow it.  Where
 * there is none, the index of the next pair's first row (or n_so_lieu). */
size_t model_so_lieu_dau(const Model *m, size_t u, size_t t);
/* The path of unit u's data file among the files read (Model.tep):
 * "so-lieu/<ma>.csv" or "so-lieu/<ma>.xlsx"; NULL when none was read. */
const char *model_tep_so_lieu(const Model *m, size_t u);
/* bao-cao.conf value, or "" when the key is absent (a blank to fill). */
const char *model_conf(const Model *m, const char *key);
/* SHA-256 of the input list as `sha256sum` prints it ("<hex>  <path>\n"
 * per file, in tep's order): one digest that a printed page can carry
 * for the whole input set. */
void model_tep_sha256(const Model *m, unsigned char out[32]);

#endif
