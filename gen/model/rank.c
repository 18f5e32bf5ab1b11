#include "rank.h"

#include <stdlib.h>

#include "xalloc.h"

/* Products of counts, targets and months stay exact in 128 bits for any
 * int64 figure a unit can report. */
__extension__ typedef __int128 S_i128;

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
    "Xếp hạng trong nhóm theo số chỉ tiêu đạt; bằng nhau thì đơn vị ít chỉ tiêu "
    "chưa báo cáo hơn, rồi ít chỉ tiêu chưa đạt hơn, xếp trên; vẫn bằng nhau thì đồng hạng.";

int rank_tren(DemDanhGia a, DemDanhGia b)
{
	if (a.dat != b.dat)
		return a.dat > b.dat;
	if (a.chua_bao_cao != b.chua_bao_cao)
		return a.chua_bao_cao < b.chua_bao_cao;
	return a.chua_dat < b.chua_dat;
}

int rank_hang(const Model *m, size_t u, int *tong, int *dong_hang)
{
	DemDanhGia me = rank_dem(m, u);
	int hang = 1, n = 0, bang = 0;
	for (size_t v = 0; v < m->n_don_vi; v++) {
		if (m->don_vi[v].nhom != m->don_vi[u].nhom)
			continue;
		n++;
		if (v == u)
			continue;
		DemDanhGia o = rank_dem(m, v);
		if (rank_tren(o, me))
			hang++;
		else if (!rank_tren(me, o))
			bang = 1;
	}
	*tong = n;
	*dong_hang = bang;
	return hang;
}

/* qsort has no context argument: the arrays being sorted by are here. */
static const Model *S_m;
static const DemDanhGia *S_dem;

/* By group, then best first; equal units by index so the sort is total. */
static int S_cmp_hang(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	int ga = S_m->don_vi[a].nhom, gb = S_m->don_vi[b].nhom;
	if (ga != gb)
		return ga < gb ? -1 : 1;
	if (rank_tren(S_dem[a], S_dem[b]))
		return -1;
	if (rank_tren(S_dem[b], S_dem[a]))
		return 1;
	return (a > b) - (a < b);
}

void rank_hang_all(const Model *m, int *hang, int *tong, int *dong_hang)
{
	size_t n = m->n_don_vi;
	if (!n)
		return;
	DemDanhGia *dem = xmalloc(n * sizeof *dem);
	int *v = xmalloc(n * sizeof *v);
	for (size_t u = 0; u < n; u++) {
		dem[u] = rank_dem(m, u);
		v[u] = (int)u;
	}
	S_m = m;
	S_dem = dem;
	qsort(v, n, sizeof *v, S_cmp_hang);
	S_m = NULL;
	S_dem = NULL;
	for (size_t i = 0; i < n;) {
		size_t end = i;
		while (end < n && m->don_vi[v[end]].nhom == m->don_vi[v[i]].nhom)
			end++;
		for (size_t j = i; j < end;) {
			size_t run = j + 1;
			while (run < end && !rank_tren(dem[v[j]], dem[v[run]]))
				run++;
			for (size_t k = j; k < run; k++) {
				hang[v[k]] = (int)(j - i) + 1;
				tong[v[k]] = (int)(end - i);
				dong_hang[v[k]] = run - j > 1;
			}
			j = run;
		}
		i = end;
	}
	free(v);
	free(dem);
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
