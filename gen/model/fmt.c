/* SPDX-License-Identifier: MIT */
#include "fmt.h"

#include <string.h>

#include "date.h"
#include "text.h"
#include "rank.h"

/* Every figure is exact integer work: a percentage is the rational
 * 100*n/d, scaled to a fixed number of decimals in 128 bits, so that no
 * product can overflow for any int64 n and d. */
__extension__ typedef __int128 S_i128;
__extension__ typedef unsigned __int128 S_u128;


static S_i128 S_pow10(int e)
{
	S_i128 p = 1;
	while (e-- > 0)
		p *= 10;
	return p;
}

/* The digits of v, with `group` between groups of three when non-zero. */
static void S_put_u128(Buf *b, S_u128 v, char group)
{
	char tmp[64];
	int n = 0, k = 0;
	do {
		if (group && k && k % 3 == 0)
			tmp[n++] = group;
		tmp[n++] = (char)('0' + (int)(v % 10));
		v /= 10;
		k++;
	} while (v);
	while (n > 0)
		buf_putc(b, tmp[--n]);
}

/* v / 10^dec as "int<point>frac" with exactly dec decimals. */
static void S_put_fixed(Buf *b, S_i128 v, int dec, char point, char group)
{
	S_u128 mag;
	if (v < 0) {
		buf_putc(b, '-');
		mag = (S_u128)0 - (S_u128)v;
	} else {
		mag = (S_u128)v;
	}
	S_u128 p = (S_u128)S_pow10(dec);
	S_put_u128(b, mag / p, group);
	if (dec > 0) {
		char frac[40];
		S_u128 f = mag % p;
		for (int i = dec - 1; i >= 0; i--) {
			frac[i] = (char)('0' + (int)(f % 10));
			f /= 10;
		}
		buf_putc(b, point);
		buf_add(b, frac, (size_t)dec);
	}
}

void fmt_hex(Buf *b, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%02x", p[i]);
}

void fmt_int(Buf *b, int64_t v)
{
	S_put_fixed(b, v, 0, ',', '.');
}

void fmt_tram(Buf *b, int64_t hundredths)
{
	S_put_fixed(b, hundredths, 2, ',', '.');
}

void fmt_gia_tri(Buf *b, const ChiTieu *t)
{
	/* Trailing zeros of the fraction say nothing: 45,50 reads 45,5. */
	S_i128 num = t->gt_num;
	int dec = t->gt_scale;
	while (dec > 0 && num % 10 == 0) {
		num /= 10;
		dec--;
	}
	S_put_fixed(b, num, dec, ',', '.');
}

void fmt_giao_chi_tieu(Buf *b, const ChiTieu *t)
{
	switch (t->so_sanh) {
	case SS_GE:
		buf_puts(b, "Tối thiểu ");
		break;
	case SS_LE:
		buf_puts(b, "Tối đa ");
		break;
	case SS_EQ:
		break;
	}
	fmt_gia_tri(b, t);
}

/* Floor division for a positive divisor. */
static S_i128 S_floor_div(S_i128 a, S_i128 d, S_i128 *rem)
{
	S_i128 q = a / d, r = a % d;
	if (r < 0) {
		q--;
		r += d;
	}
	*rem = r;
	return q;
}

/* The sign of (p / 10^dec) - (gt_num / 10^gt_scale), exactly. */
static int S_cmp_target(S_i128 p, int dec, const ChiTieu *t)
{
	S_i128 a = p, g = t->gt_num;
	if (dec < t->gt_scale)
		a *= S_pow10(t->gt_scale - dec);
	else
		g *= S_pow10(dec - t->gt_scale);
	return (a > g) - (a < g);
}

/* 100*n/d with dec decimals, rounded to nearest (half up), then moved to
 * the floor or the ceiling when the nearest value would read as the
 * opposite verdict.  Both floor and ceiling are always on the true side of
 * the target, so the fix never fails for >= and <=.  An `=` target met
 * exactly but with more decimals than dec prints with its own decimals,
 * the only way the printed figure can equal the target. */
static void S_ty_le(Buf *b, int64_t n, int64_t d, const ChiTieu *t, int dec, char point, char group)
{
	if (d == 0)
		return;
	S_i128 num = (S_i128)n * 100 * S_pow10(dec), den = d, rem;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	S_i128 fl = S_floor_div(num, den, &rem);
	S_i128 ce = fl + (rem != 0);
	S_i128 p = rem * 2 >= den ? ce : fl;
	if (t) {
		/* sign of v - g, with v = 100n/d and g = gt_num/10^gt_scale:
		 * compare 100*n*10^s with gt_num*d (d > 0 here). */
		S_i128 lhs = (S_i128)n * 100 * S_pow10(t->gt_scale);
		S_i128 rhs = (S_i128)t->gt_num * d;
		if (d < 0) {
			lhs = -lhs;
			rhs = -rhs;
		}
		int sv = (lhs > rhs) - (lhs < rhs);
		int sp = S_cmp_target(p, dec, t);
		switch (t->so_sanh) {
		case SS_GE: /* met iff v >= g */
			if (sv >= 0 && sp < 0)
				p = ce;
			else if (sv < 0 && sp >= 0)
				p = fl;
			break;
		case SS_LE: /* met iff v <= g */
			if (sv <= 0 && sp > 0)
				p = fl;
			else if (sv > 0 && sp <= 0)
				p = ce;
			break;
		case SS_EQ:
			if (sv == 0 && sp != 0) {
				S_put_fixed(b, t->gt_num, t->gt_scale, point, group);
				return;
			}
			if (sv != 0 && sp == 0)
				p = sv < 0 ? fl : ce;
			break;
		}
	}
	S_put_fixed(b, p, dec, point, group);
}

void fmt_ty_le(Buf *b, int64_t n, int64_t d, const ChiTieu *t)
{
	S_ty_le(b, n, d, t, 2, ',', '.');
}

void fmt_ty_le_csv(Buf *b, int64_t n, int64_t d, const ChiTieu *t)
{
	S_ty_le(b, n, d, t, 4, '.', 0);
}

/* 1 when k has a rate: figures reported and something arose. */
static int S_co_ty_le(const KetQua *k)
{
	return k->dg != DG_CHUA_BAO_CAO && k->d > 0;
}

/* 100·n/d now less then, in hundredths of a point rounded toward zero:
 * *sign (-1, 0, 1, of the exact change) and *q (its magnitude). */
static void S_chenh(const KetQua *now, const KetQua *then, int *sign, S_i128 *q)
{
	S_i128 num = ((S_i128)now->n * then->d - (S_i128)then->n * now->d) * 10000;
	S_i128 den = (S_i128)now->d * then->d;
	*sign = (num > 0) - (num < 0);
	*q = (num < 0 ? -num : num) / den;
}

/* The change from then to now in words: "không đổi", "tăng 2,26<diem>",
 * "giảm dưới 0,01<diem>" (diem: the unit, with its spaces). */
static void S_tang_giam(Buf *b, const KetQua *now, const KetQua *then, const char *diem)
{
	int sign;
	S_i128 q;
	S_chenh(now, then, &sign, &q);
	if (!sign) {
		buf_puts(b, "không đổi");
		return;
	}
	buf_puts(b, sign > 0 ? "tăng " : "giảm ");
	if (q == 0)
		buf_puts(b, "dưới 0,01");
	else
		S_put_fixed(b, q, 2, ',', '.');
	buf_puts(b, diem);
}

void fmt_cung_ky(Buf *b, const KetQua *now, const KetQuaCu *then, const ChiTieu *t, int year)
{
	if (!then || !then->co || !S_co_ty_le(&then->kq)) {
		buf_puts(b, "chưa có số liệu cùng kỳ");
		return;
	}
	if (!S_co_ty_le(now)) {
		buf_puts(b, "cùng kỳ");
		if (year > 0)
			buf_printf(b, " năm %d", year);
		buf_puts(b, ": ");
		fmt_ty_le(b, then->kq.n, then->kq.d, t);
		buf_putc(b, '%');
		return;
	}
	S_tang_giam(b, now, &then->kq, " điểm %");
	if (year > 0)
		buf_printf(b, " so với cùng kỳ năm %d", year);
}

int fmt_cung_ky_gon(Buf *b, const KetQua *now, const KetQuaCu *then)
{
	if (!then || !then->co || !S_co_ty_le(&then->kq) || !S_co_ty_le(now))
		return -1;
	int sign;
	S_i128 q;
	S_chenh(now, &then->kq, &sign, &q);
	/* no-break spaces: the symbol stays with its number */
	buf_puts(b, sign > 0 ? "▲\u00a0" : sign < 0 ? "▼\u00a0" : "=\u00a0");
	if (sign && q == 0)
		buf_puts(b, "<0,01");
	else
		S_put_fixed(b, q, 2, ',', '.');
	return 0;
}

int fmt_thay_doi(Buf *b, const ThayDoi *td)
{
	switch (td->loai) {
	case TD_KHONG_CO:
		return -1;
	case TD_KHONG_DOI:
		buf_puts(b, "=\u00a00,00");
		return 0;
	case TD_TANG:
		buf_puts(b, td->nho ? "▲\u00a0<" : "▲\u00a0");
		break;
	case TD_GIAM:
		buf_puts(b, td->nho ? "▼\u00a0<" : "▼\u00a0");
		break;
	}
	fmt_tram(b, td->tram);
	return 0;
}

void fmt_ket_qua(Buf *b, const KetQua *k, const ChiTieu *t)
{
	if (k->dg == DG_CHUA_BAO_CAO) {
		buf_puts(b, fmt_danh_gia(k->dg));
		return;
	}
	if (k->d > 0) {
		fmt_ty_le(b, k->n, k->d, t);
		buf_puts(b, "% ");
	}
	buf_putc(b, '(');
	fmt_int(b, k->n);
	buf_putc(b, '/');
	fmt_int(b, k->d);
	buf_puts(b, ") – ");
	buf_puts(b, fmt_danh_gia(k->dg));
}

void fmt_tam_tinh(Buf *b, size_t n, int upper)
{
	buf_puts(b, upper ? "SỐ LIỆU TẠM TÍNH" : "Số liệu tạm tính");
	buf_puts(b, " – ");
	fmt_int(b, (int64_t)n);
	buf_puts(b, " đơn vị chưa báo cáo đủ số liệu");
}

void fmt_ky_cu(Buf *b, Ky k)
{
	CuaSo w;
	memset(&w, 0, sizeof w);
	w.ky = k;
	w.year = k.year;
	w.last_month = ky_last_month(k);
	fmt_cua_so(b, &w);
}

void fmt_dieu_chinh_cau(Buf *b, const Model *m)
{
	const LichSu *ls = &m->ls;
	buf_puts(b, "So với báo cáo ");
	size_t at = b->len;
	fmt_ky_cu(b, ls->truoc);
	/* "Quý I năm 2024" keeps its capital; "Năm 2024" inside a sentence does not */
	if (!strncmp(b->ptr + at, "Năm ", 4))
		b->ptr[at] = 'n';
	if (!ls->n_dv_dc) {
		buf_puts(b, ", không đơn vị nào điều chỉnh số liệu.");
		return;
	}
	buf_puts(b, ", ");
	fmt_int(b, (int64_t)ls->n_dv_dc);
	buf_puts(b, " đơn vị điều chỉnh số liệu; ");
	if (ls->n_ct_tinh_doi) {
		fmt_int(b, (int64_t)ls->n_ct_tinh_doi);
		buf_puts(b, " chỉ tiêu của tỉnh đổi kết quả đánh giá.");
	} else
		buf_puts(b, "kết quả đánh giá các chỉ tiêu của tỉnh không đổi.");
}

const char *fmt_danh_gia(DanhGia dg)
{
	switch (dg) {
	case DG_DAT:
		return "Đạt";
	case DG_CHUA_DAT:
		return "Chưa đạt";
	case DG_KHONG_PHAT_SINH:
		return "Không phát sinh";
	case DG_CHUA_BAO_CAO:
		break;
	}
	return "Chưa báo cáo";
}

const char *fmt_ky_hieu(int state)
{
	switch (state) {
	case DG_DAT:
		return "●";
	case DG_CHUA_DAT:
		return "×";
	case DG_KHONG_PHAT_SINH:
		return "○";
	case DG_CHUA_BAO_CAO:
		return "?";
	}
	return "–";
}

const char *fmt_trang_thai(int state)
{
	if (state >= DG_DAT && state <= DG_CHUA_BAO_CAO)
		return fmt_danh_gia((DanhGia)state);
	return "Không áp dụng";
}

void fmt_chu_giai(Buf *b)
{
	for (int s = DG_DAT; s <= FMT_KHONG_AP_DUNG; s++)
		buf_printf(b, "%s%s %s", s ? "; " : "", fmt_ky_hieu(s), fmt_trang_thai(s));
}

const char *fmt_danh_gia_ma(DanhGia dg)
{
	switch (dg) {
	case DG_DAT:
		return "dat";
	case DG_CHUA_DAT:
		return "chua_dat";
	case DG_KHONG_PHAT_SINH:
		return "khong_phat_sinh";
	case DG_CHUA_BAO_CAO:
		break;
	}
	return "chua_bao_cao";
}

void fmt_cua_so(Buf *b, const CuaSo *w)
{
	int m = w->last_month, y = w->year;
	/* A window ending with a quarter's last month reads as that quarter
	 * does, whether the period was given as the month or the quarter. */
	switch (m) {
	case 1:
		buf_printf(b, "Tháng 1 năm %d", y);
		break;
	case 3:
		buf_printf(b, "Quý I năm %d", y);
		break;
	case 6:
		buf_printf(b, "6 tháng đầu năm %d", y);
		break;
	case 9:
		buf_printf(b, "9 tháng năm %d", y);
		break;
	case 12:
		buf_printf(b, "Năm %d", y);
		break;
	default:
		buf_printf(b, "%d tháng đầu năm %d", m, y);
		break;
	}
}

void fmt_den_het(Buf *b, const CuaSo *w)
{
	char r[16];
	if (w->last_month % 3 == 0 && w->last_month >= 3 && w->last_month <= 12)
		buf_printf(b, "hết quý %s năm %d", fmt_la_ma(w->last_month / 3, r), w->year);
	else
		buf_printf(b, "hết tháng %d năm %d", w->last_month, w->year);
}

const char *fmt_la_ma(int n, char out[16])
{
	static const struct {
		int v;
		const char *s;
	} t[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
	         {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
	size_t k = 0;
	out[0] = '\0';
	if (n < 1 || n > 3999)
		return out;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		while (n >= t[i].v) {
			size_t len = strlen(t[i].s);
			memcpy(out + k, t[i].s, len);
			k += len;
			n -= t[i].v;
		}
	out[k] = '\0';
	return out;
}

void fmt_buoc(Buf *b, Ky k)
{
	if (k.kind == 'Q' && k.n >= 1 && k.n <= 4)
		buf_printf(b, "Quý %s", fmt_la_ma(k.n, (char[16]){0}));
	else
		buf_printf(b, "Th%d", k.n);
}

void fmt_ngay(Buf *b, int day)
{
	int y, m, d;
	if (day == -1)
		return;
	date_ymd(day, &y, &m, &d);
	buf_printf(b, "%02d/%02d/%04d", d, m, y);
}

void fmt_ngay_iso(Buf *b, int day)
{
	int y, m, d;
	if (day == -1)
		return;
	date_ymd(day, &y, &m, &d);
	buf_printf(b, "%04d-%02d-%02d", y, m, d);
}

void fmt_ngay_van_ban(Buf *b, const Model *m, const char *blank)
{
	int day = -1;
	if (date_parse(model_conf(m, "ngay"), &day, NULL) == DATE_OK) {
		int y, mo, d;
		date_ymd(day, &y, &mo, &d);
		buf_printf(b, d < 10 ? "ngày 0%d " : "ngày %d ", d);
		buf_printf(b, mo < 3 ? "tháng 0%d " : "tháng %d ", mo);
		buf_printf(b, "năm %d", y);
	} else {
		buf_printf(b, "ngày %s tháng %s năm %d", blank, blank,
		           m->cua_so.year + (m->cua_so.last_month == 12));
	}
}

/* ---- the words of the charts ---- */

void fmt_bd_ten_chi_tieu(Buf *b, const ChiTieu *t)
{
	buf_printf(b, "Chỉ tiêu %d. %s", t->stt, t->ten_ngan && t->ten_ngan[0] ? t->ten_ngan : t->ten);
}

void fmt_bd_phu_de(Buf *b, const CuaSo *w)
{
	fmt_cua_so(b, w);
	buf_puts(b, w->buoc_quy ? ": lũy kế (đường), từng quý (điểm rỗng)"
	                        : ": lũy kế (đường), từng tháng (điểm rỗng)");
}

void fmt_bd_buoc(Buf *b, const CuaSo *w, int i)
{
	int first = ky_first_month(w->buoc[i]), last = ky_last_month(w->buoc[i]);
	if (w->buoc[i].kind == 'Q' && last > w->last_month && first < w->last_month)
		buf_printf(b, "Th%d–%d", first, w->last_month);
	else if (w->buoc[i].kind == 'Q' && last > w->last_month)
		buf_printf(b, "Th%d", first);
	else
		fmt_buoc(b, w->buoc[i]);
}

void fmt_bd_truc_y(Buf *b, long long lo)
{
	buf_puts(b, "Tỷ lệ (%)");
	if (lo > 0)
		buf_printf(b, ", trục từ %lld%%", lo);
}

void fmt_bd_chu_thich(Buf *b, const char *ten, const KetQua *k, const ChiTieu *t)
{
	buf_puts(b, ten ? ten : "Toàn tỉnh");
	if (k->dg == DG_DAT || k->dg == DG_CHUA_DAT) {
		buf_puts(b, ": ");
		fmt_ty_le(b, k->n, k->d, t);
		buf_puts(b, "%");
	}
	buf_puts(b, " – ");
	buf_puts(b, fmt_danh_gia(k->dg));
}

void fmt_bd_duong_chi_tieu(Buf *b, const ChiTieu *t, int short_form)
{
	buf_puts(b, "Chỉ tiêu");
	if (short_form)
		return;
	buf_puts(b, ": ");
	fmt_giao_chi_tieu(b, t);
	buf_puts(b, "%");
}

void fmt_bd_ky_luy_ke(Buf *b, const CuaSo *w)
{
	fmt_cua_so(b, w);
	buf_puts(b, ", lũy kế");
}

void fmt_bd_tieu_de_don_vi(Buf *b, const Model *m, size_t u)
{
	buf_puts(b, model_ten_don_vi(m, u));
	buf_puts(b, " – ");
	fmt_bd_ky_luy_ke(b, &m->cua_so);
}

void fmt_bd_ky_gon(Buf *b, int thang)
{
	switch (thang) {
	case 1: buf_puts(b, "Tháng 1"); break;
	case 3: buf_puts(b, "Quý I"); break;
	case 12: buf_puts(b, "Năm"); break;
	default: buf_printf(b, "%d tháng", thang); break;
	}
}

void fmt_bd_phu_de_don_vi(Buf *b, const CuaSo *w)
{
	buf_puts(b, "Tỷ lệ lũy kế từ đầu năm: ");
	for (int q = 3; q < w->last_month; q += 3) {
		fmt_bd_ky_gon(b, q);
		buf_puts(b, ", ");
	}
	/* the last one as the window reads: "Năm 2024", "9 tháng năm 2024" */
	fmt_cua_so(b, w);
}

void fmt_bd_o_don_vi(Buf *b, const ChiTieu *t, const KetQua *k)
{
	buf_printf(b, "CT %d: ", t->stt);
	if (k->dg == DG_DAT || k->dg == DG_CHUA_DAT) {
		fmt_ty_le(b, k->n, k->d, t);
		buf_puts(b, "% ");
	}
	buf_puts(b, fmt_ky_hieu((int)k->dg));
}

void fmt_bd_duong_luy_ke(Buf *b)
{
	buf_puts(b, "Tỷ lệ lũy kế");
}

void fmt_bd_svg_chi_tieu(Buf *title, Buf *desc, const Model *m, size_t i)
{
	const ChiTieu *ct = &m->chi_tieu[i];
	buf_printf(title, "Chỉ tiêu %d. %s – ", ct->stt, ct->ten);
	fmt_cua_so(title, &m->cua_so);
	buf_puts(desc, "Biểu đồ đường: tỷ lệ lũy kế từ đầu năm (đường) và tỷ lệ từng ");
	buf_puts(desc, m->cua_so.buoc_quy ? "quý" : "tháng");
	buf_puts(desc, " (điểm rỗng) của toàn tỉnh và các nhóm đơn vị, so với chỉ tiêu giao ");
	fmt_giao_chi_tieu(desc, ct);
	buf_puts(desc, "% (đường nét đứt). ");
	fmt_bd_chu_thich(desc, NULL, &m->kq_tinh[i], ct);
	for (size_t g = 0; g < m->n_nhom; g++)
		if (ct->ap_dung[g]) {
			buf_puts(desc, "; ");
			fmt_bd_chu_thich(desc, m->nhom[g].ten, model_kq_nhom(m, g, i), ct);
		}
	buf_puts(desc, ".");
}

void fmt_bd_svg_don_vi(Buf *title, Buf *desc, const Model *m, size_t u)
{
	char nb[MODEL_TEN_NGAN_BUF];
	fmt_bd_tieu_de_don_vi(title, m, u);
	buf_puts(desc, "Biểu đồ nhỏ theo từng chỉ tiêu (ô CT 1, CT 2, … theo số thứ tự chỉ tiêu): tỷ lệ "
	               "lũy kế từ đầu năm của đơn vị ở cuối mỗi kỳ (đường), chỉ tiêu giao (đường ngang); "
	               "trục đứng của mỗi ô vừa với số liệu của ô; điểm cuối mang ký hiệu đánh giá của kỳ "
	               "báo cáo; kỳ đơn vị không báo cáo để trống. ");
	int n = 0;
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		const ChiTieu *ct = &m->chi_tieu[t];
		buf_puts(desc, n++ ? "; " : "");
		buf_printf(desc, "CT %d %s (chỉ tiêu ", ct->stt, model_ten_ngan(ct, 0, nb));
		fmt_giao_chi_tieu(desc, ct);
		buf_puts(desc, "%):");
		DiemKy ky[MAX_KY];
		int nk = model_luy_ke_ky(m, u, t, ky);
		for (int k = 0; k < nk; k++) {
			buf_puts(desc, k ? ", " : " ");
			fmt_bd_ky_gon(desc, ky[k].thang);
			if (!ky[k].co)
				buf_puts(desc, " chưa báo cáo");
			else if (ky[k].d == 0)
				buf_puts(desc, " không phát sinh");
			else {
				buf_putc(desc, ' ');
				fmt_ty_le(desc, ky[k].n, ky[k].d, ct);
				buf_puts(desc, "%");
			}
		}
		buf_puts(desc, " – ");
		buf_puts(desc, fmt_danh_gia(model_kq_don_vi(m, u, t)->dg));
	}
	buf_puts(desc, ".");
}

void fmt_bd_ten_gon(Buf *b, const char *ten, size_t max)
{
	/* the name without its bracketed parts, spaces before them dropped */
	Buf t;
	buf_init(&t);
	int depth = 0;
	for (const char *p = ten; *p; p++) {
		if (*p == '(') {
			depth++;
			while (t.len && t.ptr[t.len - 1] == ' ')
				buf_truncate(&t, t.len - 1);
		} else if (*p == ')' && depth)
			depth--;
		else if (!depth)
			buf_putc(&t, *p);
	}
	const char *s = text_length(ten) <= max || !t.len ? ten : t.ptr;
	/* then whole words up to max code points, "…" after a cut */
	size_t n = 0, keep = 0;
	const char *p = s;
	while (*p) {
		const char *e = p;
		size_t w = 0;
		while (*e && *e != ' ') {
			e++;
			while ((*e & 0xc0) == 0x80)
				e++;
			w++;
		}
		if (n + (n ? 1 : 0) + w > max && n)
			break;
		n += (n ? 1 : 0) + w;
		keep = (size_t)(e - s);
		p = e;
		while (*p == ' ')
			p++;
	}
	buf_add(b, s, keep);
	if (s[keep] && s[keep + strspn(s + keep, " ")])
		buf_puts(b, "…");
	buf_release(&t);
}

/* "trong quý IV", "trong quý III–IV", "trong tháng 6–12" */
static void S_con_lai(Buf *b, int last_month)
{
	int from = last_month + 1;
	if (last_month % 3 == 0) {
		int q = from / 3 + 1;
		char so[16];
		buf_printf(b, "trong quý %s", fmt_la_ma(q, so));
		if (q < 4)
			buf_printf(b, "–%s", fmt_la_ma(4, so));
		return;
	}
	buf_puts(b, "trong tháng ");
	fmt_int(b, from);
	if (from < 12) {
		buf_puts(b, "–");
		fmt_int(b, 12);
	}
}

void fmt_con_can(Buf *b, const ChiTieu *t, const KetQua *kq, int last_month, int kieu)
{
	ConCan c = rank_con_can(t, kq, last_month);
	size_t at = b->len;
	int gon = kieu == FMT_CC_GON;
	switch (c.loai) {
	case CC_DA_DAT:
		if (last_month >= 12)
			buf_puts(b, "Đạt cả năm");
		else
			buf_puts(b, gon ? "Đã đạt" : "Đã đạt; giữ vững");
		break;
	case CC_CAN:
		if (gon)
			buf_puts(b, c.so_sanh == SS_LE ? "≤ " : c.so_sanh == SS_EQ ? "= " : "≥ ");
		else
			buf_puts(b, c.so_sanh == SS_LE ? "Cần giữ ≤ " : c.so_sanh == SS_EQ ? "Cần đạt đúng " : "Cần đạt ≥ ");
		fmt_ty_le(b, c.tram, 10000, NULL);
		buf_puts(b, "% ");
		S_con_lai(b, last_month);
		break;
	case CC_KHONG_THE:
		buf_puts(b, "Không còn khả năng đạt");
		break;
	case CC_HET_NAM:
		buf_puts(b, "Đã hết năm: không đạt");
		break;
	case CC_CHUA_PHAT_SINH:
		buf_puts(b, "Khi phát sinh: ");
		fmt_giao_chi_tieu(b, t);
		buf_puts(b, "%");
		break;
	case CC_CHUA_BAO_CAO:
		buf_puts(b, "Cần báo cáo số liệu");
		break;
	}
	/* inside a sentence: the first letter lowered (every phrase above
	 * starts with an ASCII capital or "Đ") */
	if (kieu == FMT_CC_CAU && b->len > at) {
		unsigned char *p = (unsigned char *)b->ptr + at;
		if (p[0] >= 'A' && p[0] <= 'Z')
			p[0] = (unsigned char)(p[0] - 'A' + 'a');
		else if (p[0] == 0xC4 && p[1] == 0x90) /* Đ -> đ */
			p[1] = 0x91;
	}
}

void fmt_so_lieu(Buf *b, const KetQua *k, const ChiTieu *t)
{
	if (k->dg == DG_CHUA_BAO_CAO) {
		buf_puts(b, "chưa báo cáo");
		return;
	}
	if (k->d == 0) {
		buf_puts(b, "không phát sinh (0/0)");
		return;
	}
	fmt_ty_le_phan_so(b, k, t, "/");
}

void fmt_ty_le_phan_so(Buf *b, const KetQua *k, const ChiTieu *t, const char *sep)
{
	fmt_ty_le(b, k->n, k->d, t);
	buf_puts(b, "% (");
	fmt_int(b, k->n);
	buf_puts(b, sep);
	fmt_int(b, k->d);
	buf_putc(b, ')');
}

void fmt_viec_han(Buf *b, const Model *m, const HanKetQua *k)
{
	if (strcmp(k->buoc, "danh_muc") == 0)
		buf_printf(b, "Công bố danh mục TTHC theo Quyết định %s", k->so_quyet_dinh);
	else if (strcmp(k->buoc, "quy_trinh") == 0)
		buf_printf(b, "Công bố quy trình nội bộ theo Quyết định %s", k->so_quyet_dinh);
	else
		buf_puts(b, k->moc >= 0 ? m->han.moc[k->moc].ten : k->buoc);
}

/* ---- words inside sentences (the report, issue 25) ---- */

void fmt_giao_cau(Buf *b, const ChiTieu *t)
{
	switch (t->so_sanh) {
	case SS_GE:
		buf_puts(b, "tối thiểu ");
		break;
	case SS_LE:
		buf_puts(b, "tối đa ");
		break;
	case SS_EQ:
		break;
	}
	fmt_gia_tri(b, t);
	/* "90%": the percent sign sticks to its number; another unit follows
	 * after a no-break space ("5\u00a0ngày") */
	if (!*t->don_vi_tinh || !strcmp(t->don_vi_tinh, "%"))
		buf_putc(b, '%');
	else
		buf_printf(b, "\u00a0%s", t->don_vi_tinh);
}

void fmt_ky_truoc(Buf *b, const KetQua *now, const KetQuaCu *then, const ChiTieu *t, const Ky *truoc)
{
	size_t at;
	if (!then || !then->co || !S_co_ty_le(&then->kq)) {
		buf_puts(b, "chưa có số liệu kỳ trước");
		return;
	}
	if (!S_co_ty_le(now)) {
		buf_puts(b, "kỳ trước ");
		if (truoc) {
			at = b->len;
			fmt_ky_cu(b, *truoc);
			if (!strncmp(b->ptr + at, "Năm ", 4))
				b->ptr[at] = 'n';
		}
		buf_puts(b, truoc ? ": " : "");
		fmt_ty_le(b, then->kq.n, then->kq.d, t);
		buf_putc(b, '%');
		return;
	}
	S_tang_giam(b, now, &then->kq, "\u00a0điểm\u00a0%");
	if (!truoc)
		return;
	buf_puts(b, " so với ");
	at = b->len;
	fmt_ky_cu(b, *truoc);
	if (!strncmp(b->ptr + at, "Năm ", 4) || !strncmp(b->ptr + at, "Quý ", 4) ||
	    !strncmp(b->ptr + at, "Tháng ", 6))
		b->ptr[at] = (char)(b->ptr[at] == 'N' ? 'n' : b->ptr[at] == 'Q' ? 'q' : 't');
}

void fmt_thang(Buf *b, unsigned mask)
{
	int n = 0, seen = 0;
	for (int mo = 1; mo <= 12; mo++)
		n += (mask >> (mo - 1)) & 1;
	if (!n)
		return;
	buf_puts(b, "tháng\u00a0");
	for (int mo = 1; mo <= 12; mo++) {
		if (!((mask >> (mo - 1)) & 1))
			continue;
		seen++;
		if (seen > 1)
			buf_puts(b, seen == n ? " và " : ", ");
		buf_printf(b, "%d", mo);
	}
}

void fmt_cac_ky(Buf *b, const Ky *v, size_t n)
{
	unsigned thang = 0, quy = 0;
	int year = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind == 'Q' && v[i].n >= 1 && v[i].n <= 4)
			quy |= 1u << (v[i].n - 1);
		else if (v[i].n >= 1 && v[i].n <= 12)
			thang |= 1u << (v[i].n - 1);
		year = v[i].year;
	}
	(void)year;
	fmt_thang(b, thang);
	if (!quy)
		return;
	if (thang)
		buf_puts(b, "; ");
	int nq = 0, seen = 0;
	for (int q = 1; q <= 4; q++)
		nq += (quy >> (q - 1)) & 1;
	buf_puts(b, "quý\u00a0");
	for (int q = 1; q <= 4; q++) {
		if (!((quy >> (q - 1)) & 1))
			continue;
		seen++;
		if (seen > 1)
			buf_puts(b, seen == nq ? " và " : ", ");
		buf_puts(b, fmt_la_ma(q, (char[16]){0}));
	}
}

void fmt_trich_dan(Buf *b, const char *s)
{
	/* straight double quotes, paired as they come: “ and ” */
	int open = 0;
	for (; *s; s++) {
		if (*s == '"') {
			buf_puts(b, open ? "”" : "“");
			open = !open;
		} else
			buf_putc(b, *s);
	}
}

void fmt_lien(Buf *b, size_t from)
{
	/* the space after these words keeps them with what follows */
	static const char *const words[] = {"năm ", "Năm ", "Phụ lục ", "Phụ ", "điểm ", "tháng ",
	                                    "quý ", "Quý ", "Chỉ tiêu ", "chỉ tiêu "};
	Buf out;
	buf_init(&out);
	const char *p = b->ptr + from, *end = b->ptr + b->len;
	while (p < end) {
		size_t k, wl = 0;
		for (k = 0; k < sizeof words / sizeof *words; k++) {
			wl = strlen(words[k]);
			int at_start = p == b->ptr + from || p[-1] == ' ' || p[-1] == '(' ||
			               (unsigned char)p[-1] == 0xa0;
			/* only before what it names: "năm 2024", "Phụ lục II", "điểm %" */
			if (at_start && (size_t)(end - p) > wl && !strncmp(p, words[k], wl) &&
			    ((p[wl] >= '0' && p[wl] <= '9') || p[wl] == 'I' || p[wl] == 'V' ||
			     p[wl] == 'X' || p[wl] == '%'))
				break;
		}
		if (k < sizeof words / sizeof *words) {
			for (size_t i = 0; i < wl; i++)
				if (p[i] == ' ')
					buf_puts(&out, "\u00a0");
				else
					buf_putc(&out, p[i]);
			p += wl;
		} else
			buf_putc(&out, *p++);
	}
	b->len = from;
	b->ptr[from] = '\0';
	buf_add(b, out.ptr, out.len);
	buf_release(&out);
}
