/* SPDX-License-Identifier: MIT */
/* han_doc: the readers of cong-bo.csv, moc.csv and ngay-nghi.csv and of
 * the limits han_danh_muc / han_quy_trinh of bao-cao.conf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "date.h"
#include "han_doc.h"
#include "model.h"
#include "text.h"
#include "xalloc.h"

typedef struct {
	Model *m;
	const char *path;
	size_t cap;
	int *cot;      /* per row read: the column of its key (for duplicates) */
	size_t cap_cot;
	size_t goi_y_con; /* names left to compare for "did you mean" */
} Doc;

static char *S_chep(const char *s) { return text_nfc(s); }

static char *S_chep_hoac_null(const char *s) { return *s ? text_nfc(s) : NULL; }

static const char *S_ma_don_vi(const void *arr, size_t i)
{
	return ((const Model *)arr)->don_vi[i].ma;
}

/* The unit of a field, or -1 with the error recorded. */
static int S_don_vi(Doc *d, const CsvField *f)
{
	Model *m = d->m;
	if (!*f->text) {
		msg_error(&m->msgs, d->path, f->line, f->col, "the unit in charge (don_vi) is empty");
		return -1;
	}
	int u = model_find_don_vi(m, f->text);
	if (u >= 0)
		return u;
	/* Codes are lower case: "SO-Y-TE" should still find its match. */
	char *thuong = xstrdup(f->text);
	for (char *p = thuong; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	/* A file whose every row names an unknown unit must not cost rows x
	 * units comparisons: suggestions stop after a budget. */
	const char *best = NULL;
	if (d->goi_y_con >= m->n_don_vi) {
		d->goi_y_con -= m->n_don_vi;
		best = text_nearest(thuong, m->n_don_vi, S_ma_don_vi, m, 3);
	}
	free(thuong);
	if (best)
		msg_error(&m->msgs, d->path, f->line, f->col,
		          "unknown unit '%s' (not in don-vi.csv); did you mean '%s'?", f->text, best);
	else
		msg_error(&m->msgs, d->path, f->line, f->col, "unknown unit '%s' (not in don-vi.csv)",
		          f->text);
	return -1;
}

/* A date field: 0 with *day set (-1 when empty and allowed), or -1 with
 * the error recorded.  what names the field for the clerk (marked N_()). */
static int S_ngay(Doc *d, const CsvField *f, int may_empty, const char *what, int *day)
{
	const char *why;
	*day = -1;
	switch (date_parse(f->text, day, &why)) {
	case DATE_OK: return 0;
	case DATE_EMPTY:
		if (may_empty)
			return 0;
		msg_add_args(&d->m->msgs, MSG_ERROR, d->path, f->line, f->col, "%s is empty", MSG_TR(1),
		             what, NULL, NULL);
		return -1;
	case DATE_BAD_SHAPE:
		msg_add_args(&d->m->msgs, MSG_ERROR, d->path, f->line, f->col,
		             "%s '%s' is not a date: write it dd/mm/yyyy (e.g. 05/03/2024) or yyyy-mm-dd",
		             MSG_TR(1), what, f->text, NULL);
		return -1;
	case DATE_NO_SUCH_DAY: break;
	}
	msg_add_args(&d->m->msgs, MSG_ERROR, d->path, f->line, f->col, "%s '%s' does not exist: %s",
	             MSG_TR(1) | MSG_TR(3), what, f->text, why);
	*day = -1;
	return -1;
}

static void S_nho_cot(Doc *d, size_t i, int col)
{
	d->cot = xgrow(d->cot, &d->cap_cot, i + 1, sizeof *d->cot);
	d->cot[i] = col;
}

/* --- cong-bo.csv ------------------------------------------------------- */

enum { CB_SO, CB_NGAY, CB_CO_QUAN, CB_DON_VI, CB_DM, CB_QT, CB_GHI_CHU, CB_N };
static const CsvCol S_cot_cong_bo[CB_N] = {
    {"so_quyet_dinh", 1}, {"ngay_quyet_dinh", 1}, {"co_quan", 0}, {"don_vi", 1},
    {"ngay_cong_bo_danh_muc", 1}, {"ngay_cong_bo_quy_trinh", 1}, {"ghi_chu", 0}};

static int S_dong_cong_bo(void *ctx, const CsvRow *row)
{
	Doc *d = ctx;
	HanData *h = &d->m->han;
	const CsvField *f = row->f;
	int bad = 0, q, dm, qt;
	if (!*f[CB_SO].text) {
		msg_error(&d->m->msgs, d->path, f[CB_SO].line, f[CB_SO].col,
		          "the decision number (so_quyet_dinh) is empty");
		bad = 1;
	}
	bad |= S_ngay(d, &f[CB_NGAY], 0, N_("the decision date"), &q) != 0;
	int u = S_don_vi(d, &f[CB_DON_VI]);
	bad |= u < 0;
	bad |= S_ngay(d, &f[CB_DM], 1, N_("the list's publication date"), &dm) != 0;
	bad |= S_ngay(d, &f[CB_QT], 1, N_("the process's publication date"), &qt) != 0;
	if (q >= 0 && dm >= 0 && dm < q) {
		msg_error(&d->m->msgs, d->path, f[CB_DM].line, f[CB_DM].col,
		          "the list is published on %s, before the decision of %s", f[CB_DM].text,
		          f[CB_NGAY].text);
		bad = 1;
	}
	if (q >= 0 && qt >= 0 && qt < q) {
		msg_error(&d->m->msgs, d->path, f[CB_QT].line, f[CB_QT].col,
		          "the process is published on %s, before the decision of %s", f[CB_QT].text,
		          f[CB_NGAY].text);
		bad = 1;
	}
	if (bad)
		return 0;
	h->cong_bo = xgrow(h->cong_bo, &d->cap, h->n_cong_bo + 1, sizeof *h->cong_bo);
	S_nho_cot(d, h->n_cong_bo, f[CB_SO].col);
	h->cong_bo[h->n_cong_bo++] = (CongBo){
	    .so_quyet_dinh = S_chep(f[CB_SO].text),
	    .ngay_quyet_dinh = q,
	    .co_quan = S_chep(f[CB_CO_QUAN].text),
	    .don_vi = u,
	    .ngay_cong_bo_danh_muc = dm,
	    .ngay_cong_bo_quy_trinh = qt,
	    .ghi_chu = S_chep_hoac_null(f[CB_GHI_CHU].text),
	    .line = f[CB_SO].line,
	};
	return 0;
}

/* Sorting rows by key to find duplicates in O(n log n). */
static const HanData *S_sort_h;

static int S_cmp_cong_bo(const void *a, const void *b)
{
	const CongBo *x = &S_sort_h->cong_bo[*(const size_t *)a], *y = &S_sort_h->cong_bo[*(const size_t *)b];
	int c = strcmp(x->so_quyet_dinh, y->so_quyet_dinh);
	if (c)
		return c;
	if (x->don_vi != y->don_vi)
		return x->don_vi < y->don_vi ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static int S_cmp_moc(const void *a, const void *b)
{
	const Moc *x = &S_sort_h->moc[*(const size_t *)a], *y = &S_sort_h->moc[*(const size_t *)b];
	int c = strcmp(x->ma, y->ma);
	if (c)
		return c;
	if (x->don_vi != y->don_vi)
		return x->don_vi < y->don_vi ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static size_t *S_thu_tu(const HanData *h, size_t n, int (*cmp)(const void *, const void *))
{
	size_t *v = xmalloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = i;
	S_sort_h = h;
	qsort(v, n, sizeof *v, cmp);
	return v;
}

static void S_trung_cong_bo(Doc *d)
{
	const HanData *h = &d->m->han;
	size_t *v = S_thu_tu(h, h->n_cong_bo, S_cmp_cong_bo);
	for (size_t i = 1; i < h->n_cong_bo; i++) {
		const CongBo *a = &h->cong_bo[v[i - 1]], *b = &h->cong_bo[v[i]];
		if (strcmp(a->so_quyet_dinh, b->so_quyet_dinh) == 0 && a->don_vi == b->don_vi)
			msg_error(&d->m->msgs, d->path, b->line, d->cot[v[i]],
			          "decision '%s' of unit '%s' is already on line %d", b->so_quyet_dinh,
			          d->m->don_vi[b->don_vi].ma, a->line);
	}
	free(v);
}

/* --- moc.csv ----------------------------------------------------------- */

enum { MC_MA, MC_TEN, MC_HAN, MC_DON_VI, MC_XONG, MC_CAN_CU, MC_N };
static const CsvCol S_cot_moc[MC_N] = {{"ma", 1},      {"ten", 1},
                                       {"han", 1},     {"don_vi", 1},
                                       {"ngay_hoan_thanh", 1}, {"can_cu", 0}};

static int S_dong_moc(void *ctx, const CsvRow *row)
{
	Doc *d = ctx;
	HanData *h = &d->m->han;
	const CsvField *f = row->f;
	int bad = 0, han, xong;
	if (!*f[MC_MA].text) {
		msg_error(&d->m->msgs, d->path, f[MC_MA].line, f[MC_MA].col,
		          "the milestone's code (ma) is empty");
		bad = 1;
	} else if (strcmp(f[MC_MA].text, "danh_muc") == 0 || strcmp(f[MC_MA].text, "quy_trinh") == 0) {
		msg_error(&d->m->msgs, d->path, f[MC_MA].line, f[MC_MA].col,
		          "'%s' names a step of cong-bo.csv in han.csv: give the milestone another code",
		          f[MC_MA].text);
		bad = 1;
	}
	bad |= S_ngay(d, &f[MC_HAN], 0, N_("the milestone's deadline"), &han) != 0;
	int u = S_don_vi(d, &f[MC_DON_VI]);
	bad |= u < 0;
	bad |= S_ngay(d, &f[MC_XONG], 1, N_("the completion date"), &xong) != 0;
	if (bad)
		return 0;
	h->moc = xgrow(h->moc, &d->cap, h->n_moc + 1, sizeof *h->moc);
	S_nho_cot(d, h->n_moc, f[MC_MA].col);
	h->moc[h->n_moc++] = (Moc){
	    .ma = S_chep(f[MC_MA].text),
	    .ten = S_chep(*f[MC_TEN].text ? f[MC_TEN].text : f[MC_MA].text),
	    .han = han,
	    .don_vi = u,
	    .ngay_hoan_thanh = xong,
	    .can_cu = S_chep_hoac_null(f[MC_CAN_CU].text),
	    .line = f[MC_MA].line,
	};
	return 0;
}

static void S_trung_moc(Doc *d)
{
	const HanData *h = &d->m->han;
	size_t *v = S_thu_tu(h, h->n_moc, S_cmp_moc);
	for (size_t i = 1; i < h->n_moc; i++) {
		const Moc *a = &h->moc[v[i - 1]], *b = &h->moc[v[i]];
		if (strcmp(a->ma, b->ma) == 0 && a->don_vi == b->don_vi)
			msg_error(&d->m->msgs, d->path, b->line, d->cot[v[i]],
			          "milestone '%s' of unit '%s' is already on line %d", b->ma,
			          d->m->don_vi[b->don_vi].ma, a->line);
	}
	free(v);
}

/* --- ngay-nghi.csv ----------------------------------------------------- */

enum { NN_NGAY, NN_LOAI, NN_TEN, NN_N };
static const CsvCol S_cot_nghi[NN_N] = {{"ngay", 1}, {"loai", 1}, {"ten", 0}};

typedef struct {
	Doc *d;
	int *line, *col;   /* per entry, for the duplicate message */
	size_t cap_line, cap_col;
} DocNghi;

static int S_dong_nghi(void *ctx, const CsvRow *row)
{
	DocNghi *dn = ctx;
	Doc *d = dn->d;
	HanData *h = &d->m->han;
	const CsvField *f = row->f;
	int ngay, lam_bu = -1;
	int bad = S_ngay(d, &f[NN_NGAY], 0, N_("the day"), &ngay) != 0;
	char *loai = text_fold(f[NN_LOAI].text);
	if (strcmp(loai, "nghi") == 0)
		lam_bu = 0;
	else if (strcmp(loai, "lam_bu") == 0)
		lam_bu = 1;
	else {
		msg_error(&d->m->msgs, d->path, f[NN_LOAI].line, f[NN_LOAI].col,
		          "'%s' is not a kind of day: write nghi (a day off) or lam_bu "
		          "(a Saturday or Sunday worked)",
		          f[NN_LOAI].text);
		bad = 1;
	}
	free(loai);
	if (bad)
		return 0;
	/* A holiday on a weekend is accepted silently: clerks list a whole
	 * holiday span (Tết 08-14/02) day by day.  A make-up day on a weekday
	 * is surely a mistyped date. */
	if (lam_bu && date_weekday(ngay) < 5)
		msg_warn(&d->m->msgs, d->path, f[NN_NGAY].line, f[NN_NGAY].col,
		         "%s is a weekday, already worked: listing it as lam_bu changes nothing "
		         "(is the date right?)",
		         f[NN_NGAY].text);
	size_t i = h->n_nghi;
	h->nghi = xgrow(h->nghi, &d->cap, i + 1, sizeof *h->nghi);
	dn->line = xgrow(dn->line, &dn->cap_line, i + 1, sizeof *dn->line);
	dn->col = xgrow(dn->col, &dn->cap_col, i + 1, sizeof *dn->col);
	h->nghi[i] = (NgayNghi){.ngay = ngay, .lam_bu = lam_bu, .ten = S_chep(f[NN_TEN].text)};
	dn->line[i] = f[NN_NGAY].line;
	dn->col[i] = f[NN_NGAY].col;
	h->n_nghi++;
	return 0;
}

static int S_cmp_nghi(const void *a, const void *b)
{
	const NgayNghi *x = &S_sort_h->nghi[*(const size_t *)a], *y = &S_sort_h->nghi[*(const size_t *)b];
	if (x->ngay != y->ngay)
		return x->ngay < y->ngay ? -1 : 1;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	return (i > j) - (i < j);
}

/* Sorts the days (the calendar searches them) and reports a day listed
 * twice, naming both lines. */
static void S_sap_nghi(DocNghi *dn)
{
	HanData *h = &dn->d->m->han;
	size_t n = h->n_nghi;
	size_t *v = S_thu_tu(h, n, S_cmp_nghi);
	NgayNghi *sorted = xmalloc((n + 1) * sizeof *sorted);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const NgayNghi *x = &h->nghi[v[i]];
		if (k && sorted[k - 1].ngay == x->ngay) {
			msg_error(&dn->d->m->msgs, dn->d->path, dn->line[v[i]], dn->col[v[i]],
			          "this day is already listed on line %d", dn->line[v[i - 1]]);
			free(x->ten);
			continue;
		}
		sorted[k++] = *x;
	}
	free(v);
	free(h->nghi);
	h->nghi = sorted;
	h->n_nghi = k;
}

/* --- bao-cao.conf ------------------------------------------------------ */

/* The column (in characters) where the value of the key on line `line`
 * of dir/bao-cao.conf starts, or 0 when it cannot be told. */
static int S_cot_conf(const char *dir, int line)
{
	char *path = xasprintf("%s/bao-cao.conf", dir);
	FILE *fp = fopen(path, "rb");
	free(path);
	if (!fp)
		return 0;
	char buf[4096];
	int n = 0, col = 0;
	while (fgets(buf, sizeof buf, fp)) {
		if (strchr(buf, '\n') || feof(fp))
			n++;
		else
			continue; /* a long line: count it once, at its end */
		if (n != line)
			continue;
		char *p = buf;
		if (n == 1 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
			p += 3;
		char *eq = strchr(p, '=');
		if (!eq)
			break;
		eq++;
		while (*eq == ' ' || *eq == '\t')
			eq++;
		col = 1;
		for (char *q = p; q < eq; q++)
			if (((unsigned char)*q & 0xC0) != 0x80)
				col++;
		break;
	}
	fclose(fp);
	return col;
}

static void S_gioi_han(Model *m, const char *dir, const char *key, int *out)
{
	const ConfEntry *e = NULL;
	for (size_t i = m->n_conf; i-- > 0;)
		if (strcmp(m->conf[i].key, key) == 0) {
			e = &m->conf[i];
			break;
		}
	if (!e || !*e->value)
		return;
	const char *s = e->value;
	long v = 0;
	int ok = *s != '\0';
	for (; *s && ok; s++) {
		if (*s < '0' || *s > '9' || v > 1000)
			ok = 0;
		else
			v = v * 10 + (*s - '0');
	}
	if (!ok || v < 1 || v > 365) {
		msg_error(&m->msgs, "bao-cao.conf", e->line, S_cot_conf(dir, e->line),
		          "%s must be a whole number of working days from 1 to 365, not '%s'", key,
		          e->value);
		return;
	}
	*out = (int)v;
}

/* --- Reading ----------------------------------------------------------- */

static void S_tep(Model *m, const char *path, const CsvInfo *info)
{
	size_t i = m->n_tep;
	m->tep = xrealloc(m->tep, (m->n_tep + 1) * sizeof *m->tep);
	/* Keep the list sorted by path. */
	while (i > 0 && strcmp(m->tep[i - 1].path, path) > 0) {
		m->tep[i] = m->tep[i - 1];
		i--;
	}
	m->tep[i].path = xstrdup(path);
	memcpy(m->tep[i].sha256, info->sha256, sizeof info->sha256);
	m->n_tep++;
}

int han_read(Model *m, const char *dir)
{
	int errors = m->msgs.n_error, rc;
	HanData *h = &m->han;
	CsvInfo info = {0};
	Doc d = {.m = m, .goi_y_con = 200000};

	S_gioi_han(m, dir, "han_danh_muc", &h->han_danh_muc);
	S_gioi_han(m, dir, "han_quy_trinh", &h->han_quy_trinh);

	DocNghi dn = {.d = &d};
	d.path = "ngay-nghi.csv";
	rc = csvin_read(dir, d.path, S_cot_nghi, NN_N, S_dong_nghi, &dn, &m->msgs, m->tep_sha ? &info : NULL);
	if (rc != CSVIN_MISSING) {
		h->co = 1;
		S_tep(m, d.path, &info);
	}
	S_sap_nghi(&dn);
	free(dn.line);
	free(dn.col);

	d.path = "cong-bo.csv";
	d.cap = 0;
	memset(&info, 0, sizeof info);
	rc = csvin_read(dir, d.path, S_cot_cong_bo, CB_N, S_dong_cong_bo, &d, &m->msgs, m->tep_sha ? &info : NULL);
	if (rc != CSVIN_MISSING) {
		h->co = 1;
		S_tep(m, d.path, &info);
	}
	S_trung_cong_bo(&d);

	d.path = "moc.csv";
	d.cap = 0;
	memset(&info, 0, sizeof info);
	rc = csvin_read(dir, d.path, S_cot_moc, MC_N, S_dong_moc, &d, &m->msgs, m->tep_sha ? &info : NULL);
	if (rc != CSVIN_MISSING) {
		h->co = 1;
		S_tep(m, d.path, &info);
	}
	S_trung_moc(&d);
	free(d.cot);
	return m->msgs.n_error > errors ? -1 : 0;
}
