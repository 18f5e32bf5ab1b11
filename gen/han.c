/* han: the working-day calendar, the judging of the deadline tasks and
 * han.csv.  The readers are in han_doc.c, the prose in han_md.c. */
#include "han.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "ketqua.h"
#include "model.h"
#include "xalloc.h"

void han_init(HanData *h)
{
	memset(h, 0, sizeof *h);
	h->han_danh_muc = 5;
	h->han_quy_trinh = 10;
	h->ngay_xet = -1;
}

void han_release(HanData *h)
{
	for (size_t i = 0; i < h->n_cong_bo; i++) {
		free(h->cong_bo[i].so_quyet_dinh);
		free(h->cong_bo[i].co_quan);
		free(h->cong_bo[i].ghi_chu);
	}
	free(h->cong_bo);
	for (size_t i = 0; i < h->n_moc; i++) {
		free(h->moc[i].ma);
		free(h->moc[i].ten);
		free(h->moc[i].can_cu);
	}
	free(h->moc);
	for (size_t i = 0; i < h->n_nghi; i++)
		free(h->nghi[i].ten);
	free(h->nghi);
	free(h->kq);
	han_init(h);
}

/* --- The calendar ------------------------------------------------------ */

static int S_nhuan(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int han_so_ngay_thang(int y, int mo)
{
	static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (mo < 1 || mo > 12)
		return 0;
	return mo == 2 && S_nhuan(y) ? 29 : n[mo - 1];
}

/* Days from civil (proleptic Gregorian), after H. Hinnant's algorithm:
 * years start in March so the leap day is the last of the year. */
int han_ngay(int y, int mo, int d)
{
	if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > han_so_ngay_thang(y, mo))
		return -1;
	int yy = mo <= 2 ? y - 1 : y;
	int era = yy / 400;
	int yoe = yy - era * 400;
	int doy = (153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void han_ymd(int day, int *y, int *mo, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*mo = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*mo <= 2);
}

int han_thu(int day)
{
	/* 1970-01-01 was a Thursday (3 counting from Monday = 0). */
	int r = (day + 3) % 7;
	return r < 0 ? r + 7 : r;
}

/* Reads 1..maxd digits; returns the count read, 0 when none. */
static int S_so(const char **p, int maxd, int *out)
{
	int n = 0, v = 0;
	while (n < maxd && (*p)[0] >= '0' && (*p)[0] <= '9') {
		v = v * 10 + ((*p)[0] - '0');
		(*p)++;
		n++;
	}
	*out = v;
	return n;
}

HanNgayLoi han_parse_ngay(const char *s, int *day, const char **why)
{
	static const char *const ly_do[12] = {
	    "January has 31 days", "February has 28 or 29 days",
	    "March has 31 days", "April has 30 days", "May has 31 days", "June has 30 days",
	    "July has 31 days", "August has 31 days", "September has 30 days",
	    "October has 31 days", "November has 30 days", "December has 31 days"};
	int y, mo, d, n1, n2, n3;
	const char *p = s;
	if (why)
		*why = NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return HAN_NGAY_TRONG;
	n1 = S_so(&p, 4, &y);
	if (n1 == 4 && *p == '-') {
		p++;
		n2 = S_so(&p, 2, &mo);
		if (n2 == 0 || *p++ != '-')
			return HAN_NGAY_DANG;
		n3 = S_so(&p, 2, &d);
		if (n3 == 0)
			return HAN_NGAY_DANG;
	} else if (n1 >= 1 && n1 <= 2 && *p == '/') {
		d = y;
		p++;
		n2 = S_so(&p, 2, &mo);
		if (n2 == 0 || *p++ != '/')
			return HAN_NGAY_DANG;
		n3 = S_so(&p, 4, &y);
		/* A two-digit year would be a guess of the century. */
		if (n3 != 4)
			return HAN_NGAY_DANG;
	} else
		return HAN_NGAY_DANG;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0')
		return HAN_NGAY_DANG;
	if (mo < 1 || mo > 12) {
		if (why)
			*why = "a year has 12 months";
		return HAN_NGAY_KHONG_CO;
	}
	if (y < 1900) {
		if (why)
			*why = "the year is before 1900";
		return HAN_NGAY_KHONG_CO;
	}
	*day = han_ngay(y, mo, d);
	if (*day < 0) {
		if (why) {
			if (mo == 2)
				*why = S_nhuan(y) ? "February has 29 days that year"
				                  : "February has 28 days that year (not a leap year)";
			else
				*why = ly_do[mo - 1];
		}
		return HAN_NGAY_KHONG_CO;
	}
	return HAN_NGAY_OK;
}

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
	return han_thu(day) < 5;
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
	int e = han_ngay(w->year, w->last_month, han_so_ngay_thang(w->year, w->last_month));
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

/* --- han.csv ----------------------------------------------------------- */


void ketqua_han_csv(Buf *out, const Model *m)
{
	buf_puts(out, "so_quyet_dinh,don_vi,buoc,han,ngay_cong_bo,trang_thai,so_ngay_tre\n");
	for (size_t i = 0; i < m->han.n_kq; i++) {
		const HanKetQua *r = &m->han.kq[i];
		ketqua_field(out, r->so_quyet_dinh);
		buf_putc(out, ',');
		ketqua_field(out, r->don_vi >= 0 ? m->don_vi[r->don_vi].ma : "");
		buf_putc(out, ',');
		ketqua_field(out, r->buoc);
		buf_putc(out, ',');
		fmt_ngay_iso(out, r->han);
		buf_putc(out, ',');
		fmt_ngay_iso(out, r->ngay_cong_bo);
		buf_printf(out, ",%s,%d\n", han_trang_thai_ma(r->trang_thai), r->so_ngay_tre);
	}
}
