/* SPDX-License-Identifier: MIT */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "text.h"
#include "xalloc.h"

void model_init(Model *m)
{
	memset(m, 0, sizeof *m);
	m->tep_sha = 1;
	msgs_init(&m->msgs);
	han_init(&m->han);
}

void chi_tieu_release(ChiTieu *t)
{
	free(t->ten);
	free(t->chu_tri);
	free(t->phoi_hop);
	free(t->don_vi_tinh);
	free(t->ten_ngan);
	free(t->can_cu);
	free(t->ap_dung);
}

void model_release(Model *m)
{
	for (size_t i = 0; i < m->n_nhom; i++) {
		free(m->nhom[i].ma);
		free(m->nhom[i].ten);
	}
	free(m->nhom);
	for (size_t i = 0; i < m->n_don_vi; i++) {
		free(m->don_vi[i].ma);
		free(m->don_vi[i].ten);
		free(m->don_vi[i].ten_hien);
	}
	free(m->don_vi);
	for (size_t i = 0; i < m->n_chi_tieu; i++)
		chi_tieu_release(&m->chi_tieu[i]);
	free(m->chi_tieu);
	for (size_t i = 0; i < m->n_so_lieu; i++)
		free(m->so_lieu[i].ghi_chu);
	free(m->so_lieu);
	for (size_t i = 0; i < m->n_conf; i++) {
		free(m->conf[i].key);
		free(m->conf[i].value);
	}
	free(m->conf);
	for (size_t i = 0; i < m->n_tep; i++)
		free(m->tep[i].path);
	free(m->tep);
	han_release(&m->han);
	doc_list_release(&m->noi_dung);
	msgs_release(&m->msgs);
	model_release_results(m);
	free(m->idx_don_vi);
	free(m->idx_nhom);
	free(m->idx_chi_tieu);
	model_init(m);
}

int model_code_ok(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

char *model_nhom_stem(const Model *m, size_t g)
{
	const char *s = m->nhom[g].ma;
	int ok = s && *s;
	for (; ok && *s; s++)
		ok = (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_';
	return ok ? xstrdup(m->nhom[g].ma) : xasprintf("nhom-%zu", g + 1);
}

void model_release_results(Model *m)
{
	free(m->kq_don_vi);
	free(m->kq_nhom);
	free(m->kq_tinh);
	free(m->xh_don_vi);
	free(m->xh_nhom);
	free(m->xh_tinh);
	free(m->thu_tu_don_vi);
	free(m->thieu_don_vi);
	m->thieu_don_vi = NULL;
	free(m->thieu_thang);
	m->thieu_thang = NULL;
	m->n_thieu = 0;
	model_release_lich_su(m);
	m->kq_don_vi = m->kq_nhom = m->kq_tinh = NULL;
	m->xh_don_vi = m->xh_nhom = m->xh_tinh = NULL;
	m->thu_tu_don_vi = NULL;
	m->evaluated = 0;
}

void model_release_lich_su(Model *m)
{
	LichSu *ls = &m->ls;
	free(ls->ky);
	free(ls->dc);
	free(ls->dc_tong);
	free(ls->dv_dc);
	free(ls->ck_don_vi);
	free(ls->ck_nhom);
	free(ls->ck_tinh);
	free(ls->tr_don_vi);
	free(ls->tr_nhom);
	free(ls->tr_tinh);
	memset(ls, 0, sizeof *ls);
}

/* qsort has no context argument: the array being indexed is passed here. */
static const Model *S_sort_model;

static int S_cmp_don_vi(const void *a, const void *b)
{
	return strcmp(S_sort_model->don_vi[*(const int *)a].ma, S_sort_model->don_vi[*(const int *)b].ma);
}

static int S_cmp_nhom(const void *a, const void *b)
{
	return strcmp(S_sort_model->nhom[*(const int *)a].ma, S_sort_model->nhom[*(const int *)b].ma);
}

static int S_cmp_thu_tu(const void *a, const void *b)
{
	const Nhom *x = a, *y = b;
	if (x->thu_tu != y->thu_tu)
		return x->thu_tu < y->thu_tu ? -1 : 1;
	return strcmp(x->ma, y->ma);
}

static int S_cmp_stt(const void *a, const void *b)
{
	const ChiTieu *x = a, *y = b;
	return (x->stt > y->stt) - (x->stt < y->stt);
}

static int *S_identity(size_t n)
{
	int *v = xmalloc(n * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (int)i;
	return v;
}

void model_build_index(Model *m)
{
	/* Groups into thu_tu order; remap DonVi.nhom and ap_dung. */
	if (m->n_nhom) {
		char **old = xmalloc(m->n_nhom * sizeof *old);
		for (size_t i = 0; i < m->n_nhom; i++)
			old[i] = m->nhom[i].ma;
		qsort(m->nhom, m->n_nhom, sizeof *m->nhom, S_cmp_thu_tu);
		int *map = xmalloc(m->n_nhom * sizeof *map);
		for (size_t i = 0; i < m->n_nhom; i++)
			for (size_t j = 0; j < m->n_nhom; j++)
				if (m->nhom[j].ma == old[i])
					map[i] = (int)j;
		for (size_t u = 0; u < m->n_don_vi; u++)
			if (m->don_vi[u].nhom >= 0)
				m->don_vi[u].nhom = map[m->don_vi[u].nhom];
		unsigned char *tmp = xmalloc(m->n_nhom);
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			for (size_t i = 0; i < m->n_nhom; i++)
				tmp[map[i]] = m->chi_tieu[t].ap_dung[i];
			memcpy(m->chi_tieu[t].ap_dung, tmp, m->n_nhom);
		}
		free(tmp);
		free(map);
		free(old);
	}
	if (m->n_chi_tieu)
		qsort(m->chi_tieu, m->n_chi_tieu, sizeof *m->chi_tieu, S_cmp_stt);

	S_sort_model = m;
	free(m->idx_don_vi);
	m->idx_don_vi = S_identity(m->n_don_vi);
	qsort(m->idx_don_vi, m->n_don_vi, sizeof(int), S_cmp_don_vi);
	free(m->idx_nhom);
	m->idx_nhom = S_identity(m->n_nhom);
	qsort(m->idx_nhom, m->n_nhom, sizeof(int), S_cmp_nhom);
	S_sort_model = NULL;
	free(m->idx_chi_tieu);
	m->idx_chi_tieu = S_identity(m->n_chi_tieu); /* chi_tieu is sorted by stt itself */
}

/* Binary search of ma through idx, a permutation sorted by the codes
 * that code(m, i) gives. */
static int S_find_code(const Model *m, const int *idx, size_t n, const char *ma,
                       const char *(*code)(const Model *, int))
{
	size_t lo = 0, hi = idx ? n : 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(ma, code(m, idx[mid]));
		if (c == 0)
			return idx[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

static const char *S_ma_don_vi(const Model *m, int i) { return m->don_vi[i].ma; }
static const char *S_ma_nhom(const Model *m, int i) { return m->nhom[i].ma; }

int model_find_don_vi(const Model *m, const char *ma)
{
	return S_find_code(m, m->idx_don_vi, m->n_don_vi, ma, S_ma_don_vi);
}

int model_find_nhom(const Model *m, const char *ma)
{
	return S_find_code(m, m->idx_nhom, m->n_nhom, ma, S_ma_nhom);
}

int model_find_chi_tieu(const Model *m, int stt)
{
	/* targets numbered 1, 2, 3...: the stt is the place */
	if (stt >= 1 && (size_t)stt <= m->n_chi_tieu && m->chi_tieu[stt - 1].stt == stt)
		return stt - 1;
	size_t lo = 0, hi = m->n_chi_tieu;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int s = m->chi_tieu[mid].stt;
		if (s == stt)
			return (int)mid;
		if (stt < s)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

const char *model_ten_ngan(const ChiTieu *t, int tight, char buf[MODEL_TEN_NGAN_BUF])
{
	if (t->ten_ngan && t->ten_ngan[0])
		return t->ten_ngan;
	snprintf(buf, MODEL_TEN_NGAN_BUF, tight ? "CT%d" : "Chỉ tiêu %d", t->stt);
	return buf;
}

size_t model_so_lieu_dau(const Model *m, size_t u, size_t t)
{
	size_t lo = 0, hi = m->n_so_lieu;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const SoLieu *r = &m->so_lieu[mid];
		if ((size_t)r->don_vi < u || ((size_t)r->don_vi == u && (size_t)r->chi_tieu < t))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *model_conf(const Model *m, const char *key)
{
	/* Later lines win, as in most key = value files. */
	for (size_t i = m->n_conf; i-- > 0;)
		if (strcmp(m->conf[i].key, key) == 0)
			return m->conf[i].value;
	return "";
}

void model_tep_sha256(const Model *m, unsigned char out[32])
{
	struct sha256_ctx sha;
	sha256_init(&sha);
	for (size_t i = 0; i < m->n_tep; i++) {
		char hex[65];
		for (int k = 0; k < 32; k++)
			snprintf(hex + 2 * k, 3, "%02x", m->tep[i].sha256[k]);
		sha256_update(&sha, 64, (const uint8_t *)hex);
		sha256_update(&sha, 2, (const uint8_t *)"  ");
		sha256_update(&sha, strlen(m->tep[i].path), (const uint8_t *)m->tep[i].path);
		sha256_update(&sha, 1, (const uint8_t *)"\n");
	}
	sha256_digest(&sha, 32, out);
}

static int S_cmp_tep_path(const void *key, const void *e)
{
	return strcmp(key, ((const TepVao *)e)->path);
}

const char *model_tep_so_lieu(const Model *m, size_t u)
{
	/* tep is sorted by path: a search, not a scan (the coverage warnings
	 * ask this once per unit) */
	static const char *const ext[] = {".csv", ".xlsx"};
	const char *ma = m->don_vi[u].ma;
	size_t n = strlen(ma);
	char *path = xmalloc(n + 14);
	const TepVao *hit = NULL;
	for (size_t e = 0; e < 2 && !hit; e++) {
		memcpy(path, "so-lieu/", 8);
		memcpy(path + 8, ma, n);
		strcpy(path + 8 + n, ext[e]);
		hit = m->n_tep ? bsearch(path, m->tep, m->n_tep, sizeof *m->tep, S_cmp_tep_path) : NULL;
	}
	free(path);
	return hit ? hit->path : NULL;
}

const char *model_ten_don_vi(const Model *m, size_t u)
{
	const DonVi *d = &m->don_vi[u];
	return d->ten_hien ? d->ten_hien : d->ten;
}

typedef struct {
	char *key;
	size_t u;
} S_TenKey;

static int S_cmp_ten_key(const void *a, const void *b)
{
	const S_TenKey *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->u > y->u) - (x->u < y->u);
}

/* The parent's name without a leading "UBND " (the bracket reads
 * "huyện Tiền Hải", not "UBND huyện Tiền Hải"). */
static const char *S_ten_cha(const char *ten)
{
	if (!strncmp(ten, "UBND ", 5) && ten[5])
		return ten + 5;
	return ten;
}

void model_set_ten_hien(Model *m)
{
	size_t n = m->n_don_vi;
	for (size_t i = 0; i < n; i++) {
		free(m->don_vi[i].ten_hien);
		m->don_vi[i].ten_hien = NULL;
	}
	if (n < 2)
		return;
	S_TenKey *k = xmalloc(n * sizeof *k);
	for (size_t i = 0; i < n; i++)
		k[i] = (S_TenKey){text_fold_ten(m->don_vi[i].ten ? m->don_vi[i].ten : ""), i};
	qsort(k, n, sizeof *k, S_cmp_ten_key);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && !strcmp(k[i].key, k[j].key))
			j++;
		if (j - i > 1) {
			/* Same-named units: the parent tells them apart, unless two
			 * of them share a parent (or have none): those carry the code. */
			for (size_t a = i; a < j; a++) {
				DonVi *d = &m->don_vi[k[a].u];
				int clash = d->thuoc < 0;
				for (size_t b = i; b < j && !clash; b++)
					clash = b != a && m->don_vi[k[b].u].thuoc == d->thuoc;
				if (clash && d->thuoc >= 0)
					d->ten_hien = xasprintf("%s (%s, mã %s)", d->ten,
					                        S_ten_cha(m->don_vi[d->thuoc].ten), d->ma);
				else if (clash)
					d->ten_hien = xasprintf("%s (mã %s)", d->ten, d->ma);
				else
					d->ten_hien = xasprintf("%s (%s)", d->ten,
					                        S_ten_cha(m->don_vi[d->thuoc].ten));
			}
		}
		i = j;
	}
	for (size_t i = 0; i < n; i++)
		free(k[i].key);
	free(k);
}

int model_luy_ke_ky(const Model *m, size_t u, size_t t, DiemKy out[MAX_KY])
{
	const CuaSo *w = &m->cua_so;
	if (!m->xh_don_vi || w->last_month < 1 || w->last_month > 12)
		return 0;
	int n_ky = 0;
	for (int q = 3; q <= w->last_month; q += 3)
		out[n_ky++] = (DiemKy){.thang = q};
	if (w->last_month % 3)
		out[n_ky++] = (DiemKy){.thang = w->last_month};
	const Diem *x = model_xh_don_vi(m, u, t);
	int64_t cn = 0, cd = 0;
	int k = 0;
	for (int i = 0; i < w->n_buoc; i++) {
		/* a quarter the window cuts short ends with the window */
		int lm = ky_last_month(w->buoc[i]);
		if (lm > w->last_month)
			lm = w->last_month;
		while (k < n_ky && out[k].thang < lm) {
			out[k].n = cn;
			out[k].d = cd;
			k++;
		}
		if (k == n_ky)
			break;
		if (x[i].co) {
			cn += x[i].n;
			cd += x[i].d;
			out[k].co = 1;
		}
	}
	for (; k < n_ky; k++) {
		out[k].n = cn;
		out[k].d = cd;
	}
	return n_ky;
}
