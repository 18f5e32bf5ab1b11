/* SPDX-License-Identifier: MIT */
/* han: the working-day calendar and the judging of the deadline tasks.
 * The readers are in han_doc.c, the words in trang_han.c, han.csv in
 * ketqua.c. */
#include "han.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "model.h"
#include "xalloc.h"

/* --- The working-day calendar ------------------------------------------ */

/* The entry of ngay-nghi.csv for day, or NULL (binary search). */
static const NgayNghi *S_nghi(const HanData *h, int day)
{
	size_t lo = 0, hi = h->n_nghi;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->nghi[mid].ngay == day)
			return &h->nghi[mid];
		if (h->nghi[mid].ngay < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int han_lam_viec(const HanData *h, int day)
{
	const NgayNghi *x = S_nghi(h, day);
	if (x)
		return x->lam_bu;
	return date_weekday(day) < 5;
}

int han_sau(const HanData *h, int day, int n)
{
	while (n > 0) {
		day++;
		if (han_lam_viec(h, day))
			n--;
	}
	return day;
}

int han_so_ngay_tre(const HanData *h, int h_day, int p)
{
	int k = 0;
	if (p <= h_day)
		return 0;
	/* Count the working days in (h_day, p]; a non-working p counts as
	 * the next working day. */
	for (int day = h_day + 1; day <= p; day++)
		if (han_lam_viec(h, day))
			k++;
	if (!han_lam_viec(h, p))
		k++;
	return k;
}

/* --- Judging ----------------------------------------------------------- */

static void S_xet(const HanData *h, HanKetQua *r, int xong, int e)
{
	r->ngay_cong_bo = xong >= 0 && xong <= e ? xong : -1;
	r->so_ngay_tre = 0;
	if (r->ngay_cong_bo >= 0) {
		r->so_ngay_tre = han_so_ngay_tre(h, r->han, r->ngay_cong_bo);
		r->trang_thai = r->so_ngay_tre ? TT_TRE_HAN : TT_DUNG_HAN;
	} else if (r->han < e) {
		r->so_ngay_tre = han_so_ngay_tre(h, r->han, e);
		r->trang_thai = TT_QUA_HAN;
	} else
		r->trang_thai = TT_CHUA_DEN_HAN;
}

void han_eval(Model *m)
{
	HanData *h = &m->han;
	const CuaSo *w = &m->cua_so;
	int e = date_month_end(w->year, w->last_month);
	free(h->kq);
	h->kq = NULL;
	h->n_kq = 0;
	h->ngay_xet = e;
	if (e < 0)
		return;
	h->kq = xcalloc(2 * h->n_cong_bo + h->n_moc + 1, sizeof *h->kq);
	for (size_t i = 0; i < h->n_cong_bo; i++) {
		const CongBo *c = &h->cong_bo[i];
		for (int b = 0; b < 2; b++) {
			HanKetQua *r = &h->kq[h->n_kq++];
			r->so_quyet_dinh = c->so_quyet_dinh;
			r->don_vi = c->don_vi;
			r->buoc = b ? "quy_trinh" : "danh_muc";
			r->han = han_sau(h, c->ngay_quyet_dinh, b ? h->han_quy_trinh : h->han_danh_muc);
			r->cong_bo = (int)i;
			r->moc = -1;
			S_xet(h, r, b ? c->ngay_cong_bo_quy_trinh : c->ngay_cong_bo_danh_muc, e);
		}
	}
	for (size_t i = 0; i < h->n_moc; i++) {
		const Moc *x = &h->moc[i];
		HanKetQua *r = &h->kq[h->n_kq++];
		r->so_quyet_dinh = "";
		r->don_vi = x->don_vi;
		r->buoc = x->ma;
		r->han = x->han;
		r->cong_bo = -1;
		r->moc = (int)i;
		S_xet(h, r, x->ngay_hoan_thanh, e);
	}
}

const char *han_trang_thai_ma(TrangThai t)
{
	switch (t) {
	case TT_DUNG_HAN: return "dung_han";
	case TT_TRE_HAN: return "tre_han";
	case TT_QUA_HAN: return "qua_han";
	case TT_CHUA_DEN_HAN: break;
	}
	return "chua_den_han";
}

const char *han_trang_thai_ten(TrangThai t)
{
	switch (t) {
	case TT_DUNG_HAN: return "Đúng hạn";
	case TT_TRE_HAN: return "Trễ hạn";
	case TT_QUA_HAN: return "Quá hạn";
	case TT_CHUA_DEN_HAN: break;
	}
	return "Chưa đến hạn";
}

static void S_dem(HanDem *d, const HanKetQua *r)
{
	d->tong++;
	switch (r->trang_thai) {
	case TT_DUNG_HAN: d->dung_han++; break;
	case TT_TRE_HAN:
		d->tre_han++;
		if (r->so_ngay_tre > d->tre_max)
			d->tre_max = r->so_ngay_tre;
		break;
	case TT_QUA_HAN:
		d->qua_han++;
		if (r->so_ngay_tre > d->qua_max)
			d->qua_max = r->so_ngay_tre;
		break;
	case TT_CHUA_DEN_HAN: d->chua_den_han++; break;
	}
}

void han_tom_tat(const Model *m, int don_vi, HanTomTat *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < m->han.n_kq; i++) {
		const HanKetQua *r = &m->han.kq[i];
		if (don_vi >= 0 && r->don_vi != don_vi)
			continue;
		if (r->moc >= 0)
			S_dem(&out->moc, r);
		else if (strcmp(r->buoc, "danh_muc") == 0)
			S_dem(&out->danh_muc, r);
		else
			S_dem(&out->quy_trinh, r);
	}
}
