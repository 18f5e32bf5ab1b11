/* SPDX-License-Identifier: MIT */
#include "lich_su.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csvin.h"
#include "eval.h"
#include "text.h"
#include "xalloc.h"

/* ---- the period folders of the root --------------------------------- */

static int S_cmp_ky(const void *a, const void *b)
{
	const KyCu *x = a, *y = b;
	int c = ky_cmp(x->ky, y->ky);
	return c ? c : strcmp(x->ten, y->ten);
}

long lich_su_cac_ky(const char *root, const char *rel, KyCu **out)
{
	*out = NULL;
	DIR *d = opendir(root);
	if (!d)
		return -1;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		Ky k;
		char canon[16];
		if (strlen(e->d_name) >= sizeof canon || ky_parse(e->d_name, &k))
			continue;
		ky_format(k, canon);
		if (strcmp(canon, e->d_name))
			continue;
		char *path = xasprintf("%s/%s/%s", root, e->d_name, rel);
		struct stat st;
		int ok = !stat(path, &st) && S_ISREG(st.st_mode);
		free(path);
		if (!ok)
			continue;
		*out = xgrow(*out, &cap, n + 1, sizeof **out);
		(*out)[n].ky = k;
		strcpy((*out)[n].ten, canon);
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(*out, n, sizeof **out, S_cmp_ky);
	return (long)n;
}

/* ---- reading one published ket-qua.csv -------------------------------- */

enum { C_KY, C_MA, C_CHI_TIEU, C_TU_SO, C_MAU_SO, C_DANH_GIA, C_TEN_CHI_TIEU, C_N };

/* Every column chitieu writes, so that none is "unknown"; the ones read
 * are required but ten_chi_tieu (older files lack it). */
static const CsvCol S_cols[] = {
    {"ky", 1},          {"ma", 1},           {"chi_tieu", 1},  {"tu_so", 1},
    {"mau_so", 1},      {"danh_gia", 1},     {"ten_chi_tieu", 0}, {"ten", 0},
    {"nhom", 0},        {"ty_le", 0},        {"so_sanh", 0},   {"gia_tri", 0},
    {"so_dv_dat", 0},   {"so_dv_danh_gia", 0},
};

typedef struct {
	char *ma;
	int ten;   /* index into S_Pub.ten (the folded target name), -1 without the column */
	int stt;
	KetQua kq;
	int line;
} S_Row;

typedef struct {
	Ky ky;
	S_Row *v;
	size_t n, cap;
	/* the target names met, as written and folded: a few, each on
	 * thousands of rows, so folded once each */
	char **ten_raw, **ten;
	size_t n_ten, cap_ten, cap_ten2;
	/* the first problem: where and what */
	int bad, line, col;
	char *why;
} S_Pub;

static void S_pub_release(S_Pub *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].ma);
	for (size_t i = 0; i < p->n_ten; i++) {
		free(p->ten_raw[i]);
		free(p->ten[i]);
	}
	free(p->ten_raw);
	free(p->ten);
	free(p->v);
	free(p->why);
}

static int S_problem(S_Pub *p, const CsvField *f, const char *why)
{
	p->bad = 1;
	p->line = f->line;
	p->col = f->col;
	p->why = xstrdup(why);
	return 1; /* stop reading: nothing is claimed from this file */
}

/* A count as chitieu writes it: plain digits.  0, or -1. */
static int S_count(const char *s, int64_t *v)
{
	if (!*s)
		return -1;
	int64_t x = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || x > (INT64_MAX - 9) / 10)
			return -1;
		x = x * 10 + (*s - '0');
	}
	*v = x;
	return 0;
}

static int S_dg(const char *s, DanhGia *dg)
{
	static const DanhGia all[] = {DG_DAT, DG_CHUA_DAT, DG_KHONG_PHAT_SINH, DG_CHUA_BAO_CAO};
	static const char *const ma[] = {"dat", "chua_dat", "khong_phat_sinh", "chua_bao_cao"};
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, ma[i])) {
			*dg = all[i];
			return 0;
		}
	return -1;
}

/* The index of name s in p->ten, folding it the first time it is met. */
static int S_ten(S_Pub *p, const char *s)
{
	for (size_t i = p->n_ten; i-- > 0;)
		if (!strcmp(p->ten_raw[i], s))
			return (int)i;
	p->ten_raw = xgrow(p->ten_raw, &p->cap_ten, p->n_ten + 1, sizeof *p->ten_raw);
	p->ten = xgrow(p->ten, &p->cap_ten2, p->n_ten + 1, sizeof *p->ten);
	p->ten_raw[p->n_ten] = xstrdup(s);
	p->ten[p->n_ten] = text_fold_ten(s);
	return (int)p->n_ten++;
}

static int S_row(void *ctx, const CsvRow *row)
{
	S_Pub *p = ctx;
	const CsvField *f = row->f;
	Ky k;
	if (ky_parse(f[C_KY].text, &k) || ky_cmp(k, p->ky) || k.kind != p->ky.kind)
		return S_problem(p, &f[C_KY], N_("the period is not the folder's"));
	const char *ma = f[C_MA].text;
	int ok_ma = !strcmp(ma, "tinh") || (!strncmp(ma, "nhom:", 5) && ma[5]) || model_code_ok(ma);
	if (!ok_ma)
		return S_problem(p, &f[C_MA], N_("not a unit code, nhom:<slug> or tinh"));
	int64_t stt;
	if (S_count(f[C_CHI_TIEU].text, &stt) || stt > 1000000000)
		return S_problem(p, &f[C_CHI_TIEU], N_("not a target number"));
	S_Row r;
	memset(&r, 0, sizeof r);
	if (S_dg(f[C_DANH_GIA].text, &r.kq.dg))
		return S_problem(p, &f[C_DANH_GIA], N_("not a verdict (dat, chua_dat, khong_phat_sinh, chua_bao_cao)"));
	int empty = !*f[C_TU_SO].text && !*f[C_MAU_SO].text;
	if (r.kq.dg == DG_CHUA_BAO_CAO) {
		if (!empty)
			return S_problem(p, &f[C_TU_SO], N_("figures on a row not reported"));
	} else {
		if (S_count(f[C_TU_SO].text, &r.kq.n))
			return S_problem(p, &f[C_TU_SO], N_("not a whole number"));
		if (S_count(f[C_MAU_SO].text, &r.kq.d))
			return S_problem(p, &f[C_MAU_SO], N_("not a whole number"));
		if (r.kq.n > r.kq.d)
			return S_problem(p, &f[C_TU_SO], N_("tu_so is greater than mau_so"));
		if ((r.kq.d == 0) != (r.kq.dg == DG_KHONG_PHAT_SINH))
			return S_problem(p, &f[C_DANH_GIA], N_("the verdict does not fit mau_so"));
	}
	r.ma = xstrdup(ma);
	r.stt = (int)stt;
	r.ten = f[C_TEN_CHI_TIEU].col ? S_ten(p, f[C_TEN_CHI_TIEU].text) : -1;
	r.line = row->line;
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	p->v[p->n++] = r;
	return 0;
}

/* A file chitieu wrote ends with a line break after the province's rows:
 * one cut short (a copy that stopped, a disk that filled) does not. */
static void S_whole(S_Pub *p, const char *full)
{
	int tinh = 0, last = 0;
	for (size_t i = 0; i < p->n; i++) {
		tinh |= !strcmp(p->v[i].ma, "tinh");
		last = p->v[i].line;
	}
	FILE *fp = fopen(full, "rb");
	int c = EOF;
	if (fp && fseek(fp, -1, SEEK_END) == 0)
		c = fgetc(fp);
	if (fp)
		fclose(fp);
	if (c != '\n' || !tinh) {
		CsvField f = {.text = "", .line = last, .col = 0};
		S_problem(p, &f, c != '\n' ? N_("the file is cut short: its last line does not end")
		                           : N_("the file is cut short: no row of the province (tinh)"));
	}
}

/* The warning on a published file that cannot be read, why in each
 * language: the reading's first error, or the check's reason. */
static void S_unreadable(Model *m, const char *full, int line, int col, int restatement,
                         const char *why_en, const char *why_vi)
{
	/* xgettext:c-format */
	const char *fmt = restatement ? N_("the published results cannot be read (%s): no "
	                                   "restatement is claimed from them")
	                              /* xgettext:c-format */
	                              : N_("the published results cannot be read (%s): no comparison "
	                                   "with the same period is claimed from them");
	const char *vi = msg_vi(fmt);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	char *t = xasprintf(msg_gettext(fmt), why_en);
	char *v = vi != fmt ? xasprintf(vi, why_vi) : NULL;
#pragma GCC diagnostic pop
	msg_add_texts(&m->msgs, MSG_WARNING, full, line, col, t, v);
	free(t);
	free(v);
}

/* Reads <root>/<ky>/ket-qua.csv.  0, or -1 after a warning in m->msgs
 * saying what is not claimed (a restatement, else the comparison with
 * the same period). */
static int S_read(Model *m, const char *root, const KyCu *k, int restatement, S_Pub *p)
{
	memset(p, 0, sizeof *p);
	p->ky = k->ky;
	char *rel = xasprintf("%s/ket-qua.csv", k->ten);
	char *full = xasprintf("%s/%s", root, rel);
	Msgs ms;
	msgs_init(&ms);
	int rc = csvin_read(root, rel, S_cols, sizeof S_cols / sizeof *S_cols, S_row, p, &ms, NULL);
	int ret = 0;
	if (rc == CSVIN_OK && !ms.n_error && !p->bad)
		S_whole(p, full);
	if (rc != CSVIN_OK || ms.n_error) {
		const Msg *e = NULL;
		for (size_t i = 0; i < ms.n && !e; i++)
			if (ms.v[i].level == MSG_ERROR)
				e = &ms.v[i];
		if (e)
			S_unreadable(m, full, e->line, e->col, restatement, e->text, msg_text_vi(e));
		else
			S_unreadable(m, full, 0, 0, restatement, _("unreadable"), msg_vi("unreadable"));
		ret = -1;
	} else if (p->bad) {
		S_unreadable(m, full, p->line, p->col, restatement, _(p->why), msg_vi(p->why));
		ret = -1;
	}
	msgs_release(&ms);
	free(rel);
	free(full);
	return ret;
}

/* ---- matching published rows to today's model ------------------------- */

/* The entity a row's ma names: *u a unit, *g a group, or neither (the
 * province); 0, or -1 when today's model has no such unit or group. */
static int S_entity(const Model *m, const char *ma, int *u, int *g)
{
	*u = *g = -1;
	if (!strcmp(ma, "tinh"))
		return 0;
	if (!strncmp(ma, "nhom:", 5)) {
		*g = model_find_nhom(m, ma + 5);
		return *g < 0 ? -1 : 0;
	}
	*u = model_find_don_vi(m, ma);
	return *u < 0 ? -1 : 0;
}

/* Today's target of each published row (-1: none), by stt (same year) or
 * by name (across years: the folded name must be one target's alone). */
static int *S_targets(const Model *m, const S_Pub *p, int by_name)
{
	int *t = xmalloc((p->n + 1) * sizeof *t);
	char **ten = NULL;
	size_t T = m->n_chi_tieu;
	if (by_name) {
		ten = xmalloc((T + 1) * sizeof *ten);
		for (size_t i = 0; i < T; i++)
			ten[i] = text_fold_ten(m->chi_tieu[i].ten);
	}
	/* each published name's target today */
	int *of = xmalloc((p->n_ten + 1) * sizeof *of);
	for (size_t k = 0; by_name && k < p->n_ten; k++) {
		of[k] = -1;
		for (size_t j = 0; j < T; j++)
			if (!strcmp(ten[j], p->ten[k])) {
				if (of[k] >= 0) { /* two of today's targets: no match */
					of[k] = -1;
					break;
				}
				of[k] = (int)j;
			}
	}
	for (size_t i = 0; i < p->n; i++) {
		if (!by_name)
			t[i] = model_find_chi_tieu(m, p->v[i].stt);
		else
			t[i] = p->v[i].ten >= 0 ? of[p->v[i].ten] : -1;
	}
	free(of);
	for (size_t i = 0; by_name && i < T; i++)
		free(ten[i]);
	free(ten);
	return t;
}

/* The published results laid out as the model's: [U*T], [G*T], [T]. */
static void S_layout(const Model *m, const S_Pub *p, int by_name, KetQuaCu **dv, KetQuaCu **nhom,
                     KetQuaCu **tinh)
{
	size_t U = m->n_don_vi, T = m->n_chi_tieu, G = m->n_nhom;
	*dv = xcalloc(U * T + 1, sizeof **dv);
	*nhom = xcalloc(G * T + 1, sizeof **nhom);
	*tinh = xcalloc(T + 1, sizeof **tinh);
	int *tt = S_targets(m, p, by_name);
	for (size_t i = 0; i < p->n; i++) {
		int u, g;
		if (tt[i] < 0 || S_entity(m, p->v[i].ma, &u, &g))
			continue;
		size_t t = (size_t)tt[i];
		KetQuaCu *c = u >= 0 ? &(*dv)[(size_t)u * T + t] : g >= 0 ? &(*nhom)[(size_t)g * T + t]
		                                                         : &(*tinh)[t];
		if (u >= 0 && !model_applies(m, (size_t)u, t))
			continue; /* not judged on it today: nothing to set against */
		c->co = 1;
		c->kq = p->v[i].kq;
	}
	free(tt);
}

static int S_khac(const KetQua *a, const KetQua *b)
{
	if (a->dg != b->dg)
		return 1;
	return a->dg != DG_CHUA_BAO_CAO && (a->n != b->n || a->d != b->d);
}

static void S_add(DieuChinh **v, size_t *n, size_t *cap, int u, int g, size_t t, const KetQua *cu,
                  const KetQua *moi)
{
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	(*v)[*n] = (DieuChinh){u, g, (int)t, *cu, *moi};
	(*n)++;
}

/* The restatements: E evaluated again against what was published. */
static void S_dieu_chinh(Model *m, const S_Pub *p)
{
	LichSu *ls = &m->ls;
	size_t U = m->n_don_vi, T = m->n_chi_tieu, G = m->n_nhom;
	KetQuaCu *cu_dv, *cu_nhom, *cu_tinh;
	KetQua *dv, *nhom, *tinh;
	S_layout(m, p, 0, &cu_dv, &cu_nhom, &cu_tinh);
	eval_ket_qua(m, ls->truoc, &dv, &nhom, &tinh);
	size_t cap = 0, cap_tong = 0;
	ls->dv_dc = xcalloc(U + 1, 1);
	for (size_t u = 0; u < U; u++)
		for (size_t t = 0; t < T; t++) {
			const KetQuaCu *c = &cu_dv[u * T + t];
			if (!c->co || !S_khac(&c->kq, &dv[u * T + t]))
				continue;
			S_add(&ls->dc, &ls->n_dc, &cap, (int)u, -1, t, &c->kq, &dv[u * T + t]);
			ls->n_dv_dc += !ls->dv_dc[u];
			ls->dv_dc[u] = 1;
		}
	for (size_t g = 0; g < G; g++)
		for (size_t t = 0; t < T; t++) {
			const KetQuaCu *c = &cu_nhom[g * T + t];
			if (c->co && S_khac(&c->kq, &nhom[g * T + t]))
				S_add(&ls->dc_tong, &ls->n_dc_tong, &cap_tong, -1, (int)g, t, &c->kq,
				      &nhom[g * T + t]);
		}
	for (size_t t = 0; t < T; t++) {
		const KetQuaCu *c = &cu_tinh[t];
		if (!c->co || !S_khac(&c->kq, &tinh[t]))
			continue;
		S_add(&ls->dc_tong, &ls->n_dc_tong, &cap_tong, -1, -1, t, &c->kq, &tinh[t]);
		ls->n_ct_tinh_doi += c->kq.dg != tinh[t].dg;
	}
	/* kept: the change against the previous period */
	ls->tr_don_vi = cu_dv;
	ls->tr_nhom = cu_nhom;
	ls->tr_tinh = cu_tinh;
	free(dv);
	free(nhom);
	free(tinh);
}

void lich_su_run(Model *m, const char *root)
{
	LichSu *ls = &m->ls;
	model_release_lich_su(m);
	if (!m->evaluated)
		return;
	long n = lich_su_cac_ky(root, "ket-qua.csv", &ls->ky);
	ls->n_ky = n > 0 ? (size_t)n : 0;
	Ky k = m->cua_so.ky;
	const KyCu *truoc = NULL, *cung_ky = NULL;
	for (size_t i = 0; i < ls->n_ky; i++) {
		Ky e = ls->ky[i].ky;
		if (e.year == k.year && ky_cmp(e, k) < 0)
			truoc = &ls->ky[i]; /* oldest first: the last one is the latest */
		if (e.year == k.year - 1 && e.kind == k.kind && e.n == k.n)
			cung_ky = &ls->ky[i];
	}
	S_Pub p;
	if (truoc) {
		if (!S_read(m, root, truoc, 1, &p)) {
			ls->co_truoc = 1;
			ls->truoc = truoc->ky;
			S_dieu_chinh(m, &p);
		}
		S_pub_release(&p);
	}
	if (cung_ky) {
		if (!S_read(m, root, cung_ky, 0, &p)) {
			ls->co_cung_ky = 1;
			ls->cung_ky = cung_ky->ky;
			S_layout(m, &p, 1, &ls->ck_don_vi, &ls->ck_nhom, &ls->ck_tinh);
		}
		S_pub_release(&p);
	}
}

/* ---- the archive's summary of one period ------------------------------- */

typedef struct {
	int dat, tong;
} S_Dem;

static int S_row_tinh(void *ctx, const CsvRow *row)
{
	S_Dem *d = ctx;
	if (!strcmp(row->f[C_MA].text, "tinh")) {
		d->tong++;
		d->dat += !strcmp(row->f[C_DANH_GIA].text, "dat");
	}
	return 0;
}

int lich_su_tom_tat(const char *root, const char *ten, int *dat, int *tong, long *thieu)
{
	S_Dem d = {0, 0};
	char *rel = xasprintf("%s/ket-qua.csv", ten);
	Msgs ms;
	msgs_init(&ms);
	int rc = csvin_read(root, rel, S_cols, sizeof S_cols / sizeof *S_cols, S_row_tinh, &d, &ms, NULL);
	int ok = rc == CSVIN_OK && !ms.n_error;
	msgs_release(&ms);
	free(rel);
	*dat = ok ? d.dat : -1;
	*tong = ok ? d.tong : -1;
	/* the banner of the period's own index carries its count */
	*thieu = -1;
	char *path = xasprintf("%s/%s/site/index.html", root, ten);
	FILE *fp = fopen(path, "rb");
	free(path);
	if (!fp)
		return ok ? 0 : -1;
	static const char key[] = "class=\"tam-tinh\" role=\"note\" data-so-don-vi=\"";
	char line[4096];
	while (fgets(line, sizeof line, fp)) {
		const char *at = strstr(line, key);
		if (at) {
			*thieu = strtol(at + sizeof key - 1, NULL, 10);
			break;
		}
		if (strstr(line, "<!-- chitieu: so-lieu-du -->")) {
			*thieu = 0;
			break;
		}
		if (strstr(line, "</main>"))
			break;
	}
	fclose(fp);
	return ok ? 0 : -1;
}
