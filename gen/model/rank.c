/* SPDX-License-Identifier: MIT */
#include "rank.h"

#include <stdlib.h>

#include "xalloc.h"

/* Products of counts, targets and months stay exact in 128 bits for any
 * int64 figure a unit can report. */
__extension__ typedef __int128 S_i128;
__extension__ typedef unsigned __int128 S_u128;

static S_i128 S_pow10(int e)
{
	S_i128 p = 1;
	while (e-- > 0)
		p *= 10;
	return p;
}

/* a / b rounded toward +inf (up) or -inf, for b > 0. */
static S_i128 S_div(S_i128 a, S_i128 b, int up)
{
	S_i128 q = a / b, r = a % b;
	if (r != 0 && ((r > 0) == (up != 0)))
		q += up ? 1 : -1;
	return q;
}

ConCan rank_con_can(const ChiTieu *t, const KetQua *kq, int last_month)
{
	ConCan c = {CC_DA_DAT, t->so_sanh, 0};
	switch (kq->dg) {
	case DG_DAT:
		return c;
	case DG_CHUA_BAO_CAO:
		c.loai = CC_CHUA_BAO_CAO;
		return c;
	case DG_KHONG_PHAT_SINH:
		c.loai = CC_CHUA_PHAT_SINH;
		return c;
	case DG_CHUA_DAT:
		break;
	}
	if (kq->d <= 0) {
		c.loai = CC_CHUA_PHAT_SINH;
		return c;
	}
	int L = last_month, R = 12 - last_month;
	if (R <= 0 || L <= 0) {
		c.loai = CC_HET_NAM;
		return c;
	}
	/* rate% = num / den with everything scaled by 10^gt_scale. */
	S_i128 sc = S_pow10(t->gt_scale);
	S_i128 num = 12 * (S_i128)t->gt_num * kq->d - 100 * (S_i128)kq->n * L * sc;
	S_i128 den = (S_i128)kq->d * R * sc;
	S_i128 full = 100 * den; /* 100 % on the same scale */
	switch (t->so_sanh) {
	case SS_GE:
		if (num > full) {
			c.loai = CC_KHONG_THE;
			return c;
		}
		c.tram = (int64_t)S_div(num * 100, den, 1);
		break;
	case SS_LE:
		if (num < 0) {
			c.loai = CC_KHONG_THE;
			return c;
		}
		c.tram = (int64_t)S_div(num * 100, den, 0);
		break;
	case SS_EQ:
		if (num < 0 || num > full) {
			c.loai = CC_KHONG_THE;
			return c;
		}
		c.tram = (int64_t)S_div(num * 100, den, 1);
		break;
	}
	c.loai = CC_CAN;
	return c;
}

DemDanhGia rank_dem(const Model *m, size_t u)
{
	DemDanhGia d = {0, 0, 0, 0, 0};
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		d.ap_dung++;
		switch (model_kq_don_vi(m, u, t)->dg) {
		case DG_DAT: d.dat++; break;
		case DG_CHUA_DAT: d.chua_dat++; break;
		case DG_KHONG_PHAT_SINH: d.khong_phat_sinh++; break;
		case DG_CHUA_BAO_CAO: d.chua_bao_cao++; break;
		}
	}
	return d;
}

const char rank_quy_tac[] =
    "Hạng trong nhóm: đơn vị đạt nhiều chỉ tiêu hơn xếp trên; bằng nhau thì đơn vị ít chỉ tiêu "
    "chưa báo cáo hơn; vẫn bằng nhau thì đơn vị có tổng mức thiếu hụt nhỏ hơn (tổng, trên các "
    "chỉ tiêu chưa đạt, khoảng cách giữa tỷ lệ và mức giao, tính bằng điểm %); bằng nhau cả ba "
    "thì đồng hạng.";

/* ---- exact non-negative integers of any size --------------------------
 * Little-endian base 2^32 limbs, no leading zero limb: all the shortfall
 * needs is +, ×, compare and one small quotient. */

typedef struct {
	uint32_t *d;
	size_t n;
} S_Big;

static void S_big_trim(S_Big *a)
{
	while (a->n && !a->d[a->n - 1])
		a->n--;
}

static S_Big S_big_u128(S_u128 v)
{
	S_Big a = {xmalloc(4 * sizeof(uint32_t)), 0};
	while (v) {
		a.d[a.n++] = (uint32_t)v;
		v >>= 32;
	}
	return a;
}

static S_Big S_big_mul(const S_Big *a, const S_Big *b)
{
	S_Big r = {xcalloc(a->n + b->n + 1, sizeof(uint32_t)), a->n + b->n};
	for (size_t i = 0; i < a->n; i++) {
		uint64_t carry = 0;
		for (size_t j = 0; j < b->n; j++) {
			uint64_t t = (uint64_t)a->d[i] * b->d[j] + r.d[i + j] + carry;
			r.d[i + j] = (uint32_t)t;
			carry = t >> 32;
		}
		for (size_t k = i + b->n; carry; k++) {
			uint64_t t = (uint64_t)r.d[k] + carry;
			r.d[k] = (uint32_t)t;
			carry = t >> 32;
		}
	}
	S_big_trim(&r);
	return r;
}

static S_Big S_big_add(const S_Big *a, const S_Big *b)
{
	size_t n = a->n > b->n ? a->n : b->n;
	S_Big r = {xcalloc(n + 1, sizeof(uint32_t)), n + 1};
	uint64_t carry = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t t = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
		r.d[i] = (uint32_t)t;
		carry = t >> 32;
	}
	r.d[n] = (uint32_t)carry;
	S_big_trim(&r);
	return r;
}

static int S_big_cmp(const S_Big *a, const S_Big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (size_t i = a->n; i-- > 0;)
		if (a->d[i] != b->d[i])
			return a->d[i] < b->d[i] ? -1 : 1;
	return 0;
}

/* floor(a / b) for b > 0, or INT64_MAX when it does not fit. */
static int64_t S_big_div_small(const S_Big *a, const S_Big *b)
{
	uint64_t q = 0;
	for (int bit = 62; bit >= 0; bit--) {
		uint64_t t = q | (uint64_t)1 << bit;
		S_Big tb = S_big_u128(t);
		S_Big p = S_big_mul(b, &tb);
		if (S_big_cmp(&p, a) <= 0)
			q = t;
		free(tb.d);
		free(p.d);
	}
	S_Big qb = S_big_u128(q + 1);
	S_Big p = S_big_mul(b, &qb);
	int over = q == (uint64_t)INT64_MAX && S_big_cmp(&p, a) <= 0;
	free(qb.d);
	free(p.d);
	return over ? INT64_MAX : (int64_t)q;
}

/* ---- the ranking key --------------------------------------------------- */

void rank_khoa(const Model *m, size_t u, RankKhoa *k)
{
	k->dem = rank_dem(m, u);
	S_Big tu = {NULL, 0}, mau = S_big_u128(1);
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		const KetQua *kq = model_kq_don_vi(m, u, t);
		if (kq->dg != DG_CHUA_DAT || kq->d <= 0)
			continue;
		const ChiTieu *ct = &m->chi_tieu[t];
		/* |100·N/D − g| = |100·N·10^s − gt_num·D| / (D·10^s) */
		S_i128 sc = S_pow10(ct->gt_scale);
		S_i128 p = 100 * (S_i128)kq->n * sc - (S_i128)ct->gt_num * kq->d;
		if (p < 0)
			p = -p;
		S_Big pb = S_big_u128((S_u128)p), qb = S_big_u128((S_u128)(kq->d * sc));
		/* tu/mau + p/q = (tu·q + p·mau) / (mau·q) */
		S_Big a = S_big_mul(&tu, &qb), b = S_big_mul(&pb, &mau);
		S_Big ntu = S_big_add(&a, &b), nmau = S_big_mul(&mau, &qb);
		free(a.d);
		free(b.d);
		free(pb.d);
		free(qb.d);
		free(tu.d);
		free(mau.d);
		tu = ntu;
		mau = nmau;
	}
	/* hundredths of a point, half up: floor((200·tu + mau) / (2·mau)) */
	S_Big c200 = S_big_u128(200), c2 = S_big_u128(2);
	S_Big a = S_big_mul(&tu, &c200), b = S_big_add(&a, &mau), d = S_big_mul(&mau, &c2);
	k->thieu_tram = S_big_div_small(&b, &d);
	free(c200.d);
	free(c2.d);
	free(a.d);
	free(b.d);
	free(d.d);
	k->tu = tu.d;
	k->n_tu = tu.n;
	k->mau = mau.d;
	k->n_mau = mau.n;
}

void rank_khoa_release(RankKhoa *k)
{
	free(k->tu);
	free(k->mau);
	k->tu = k->mau = NULL;
	k->n_tu = k->n_mau = 0;
}

RankKhoa *rank_khoa_all(const Model *m)
{
	RankKhoa *k = xcalloc(m->n_don_vi ? m->n_don_vi : 1, sizeof *k);
	for (size_t u = 0; u < m->n_don_vi; u++)
		rank_khoa(m, u, &k[u]);
	return k;
}

void rank_khoa_free(RankKhoa *k, size_t n)
{
	if (!k)
		return;
	for (size_t i = 0; i < n; i++)
		rank_khoa_release(&k[i]);
	free(k);
}

int rank_khoa_cmp(const RankKhoa *a, const RankKhoa *b)
{
	if (a->dem.dat != b->dem.dat)
		return a->dem.dat > b->dem.dat ? -1 : 1;
	if (a->dem.chua_bao_cao != b->dem.chua_bao_cao)
		return a->dem.chua_bao_cao < b->dem.chua_bao_cao ? -1 : 1;
	/* a.tu/a.mau against b.tu/b.mau: a.tu·b.mau against b.tu·a.mau */
	S_Big at = {a->tu, a->n_tu}, am = {a->mau, a->n_mau};
	S_Big bt = {b->tu, b->n_tu}, bm = {b->mau, b->n_mau};
	S_Big x = S_big_mul(&at, &bm), y = S_big_mul(&bt, &am);
	int c = S_big_cmp(&x, &y);
	free(x.d);
	free(y.d);
	return c;
}

int rank_hang(const Model *m, size_t u, int *tong, int *dong_hang)
{
	RankKhoa me;
	rank_khoa(m, u, &me);
	int hang = 1, n = 0, bang = 0;
	for (size_t v = 0; v < m->n_don_vi; v++) {
		if (m->don_vi[v].nhom != m->don_vi[u].nhom)
			continue;
		n++;
		if (v == u)
			continue;
		RankKhoa o;
		rank_khoa(m, v, &o);
		int c = rank_khoa_cmp(&o, &me);
		rank_khoa_release(&o);
		if (c < 0)
			hang++;
		else if (c == 0)
			bang = 1;
	}
	rank_khoa_release(&me);
	*tong = n;
	*dong_hang = bang;
	return hang;
}

/* qsort has no context argument: the keys and positions being sorted by
 * are here. */
static const RankKhoa *S_k;
static const int *S_pos;

static int S_cmp_khoa(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	int c = rank_khoa_cmp(&S_k[a], &S_k[b]);
	if (c)
		return c;
	return (S_pos[a] > S_pos[b]) - (S_pos[a] < S_pos[b]);
}

void rank_sap_xep(const Model *m, const RankKhoa *k, int *v, size_t n, int *hang, int *dong)
{
	if (!n)
		return;
	int *pos = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *pos);
	for (size_t i = 0; i < m->n_don_vi; i++)
		pos[m->thu_tu_don_vi ? (size_t)m->thu_tu_don_vi[i] : i] = (int)i;
	S_k = k;
	S_pos = pos;
	qsort(v, n, sizeof *v, S_cmp_khoa);
	S_k = NULL;
	S_pos = NULL;
	free(pos);
	for (size_t j = 0; j < n;) {
		size_t run = j + 1;
		while (run < n && rank_khoa_cmp(&k[v[j]], &k[v[run]]) == 0)
			run++;
		for (size_t i = j; i < run; i++) {
			if (hang)
				hang[i] = (int)j + 1;
			if (dong)
				dong[i] = run - j > 1;
		}
		j = run;
	}
}

void rank_hang_all(const Model *m, int *hang, int *tong, int *dong_hang)
{
	size_t n = m->n_don_vi;
	if (!n)
		return;
	RankKhoa *k = rank_khoa_all(m);
	int *v = xmalloc(n * sizeof *v), *h = xmalloc(n * sizeof *h), *d = xmalloc(n * sizeof *d);
	for (size_t g = 0; g < m->n_nhom; g++) {
		size_t c = 0;
		for (size_t u = 0; u < n; u++)
			if (m->don_vi[u].nhom == (int)g)
				v[c++] = (int)u;
		rank_sap_xep(m, k, v, c, h, d);
		for (size_t i = 0; i < c; i++) {
			hang[v[i]] = h[i];
			tong[v[i]] = (int)c;
			dong_hang[v[i]] = d[i];
		}
	}
	free(v);
	free(h);
	free(d);
	rank_khoa_free(k, n);
}

ThayDoi rank_thay_doi(const Diem *xh, int n_buoc)
{
	ThayDoi r = {TD_KHONG_CO, 0, 0, n_buoc - 2};
	if (n_buoc < 2)
		return r;
	int64_t n0 = 0, d0 = 0;
	for (int i = 0; i < n_buoc - 1; i++) {
		n0 += xh[i].n;
		d0 += xh[i].d;
	}
	int64_t n1 = n0 + xh[n_buoc - 1].n, d1 = d0 + xh[n_buoc - 1].d;
	if (d0 <= 0 || d1 <= 0)
		return r;
	/* 100·(n1/d1 − n0/d0) in hundredths of a point. */
	S_i128 num = ((S_i128)n1 * d0 - (S_i128)n0 * d1) * 10000, den = (S_i128)d0 * d1;
	if (num == 0) {
		r.loai = TD_KHONG_DOI;
		return r;
	}
	S_i128 mag = num < 0 ? -num : num;
	S_i128 q = (2 * mag + den) / (2 * den); /* half away from zero */
	r.loai = num > 0 ? TD_TANG : TD_GIAM;
	if (q == 0) {
		q = 1;
		r.nho = 1;
	}
	r.tram = (int64_t)q;
	return r;
}
