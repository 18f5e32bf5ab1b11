/* SPDX-License-Identifier: MIT */
/* Unit tests of fmt: Vietnamese numbers, verdict-safe percentages,
 * period words, step names, dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "eval.h"
#include "fmt.h"

static ChiTieu S_ct(SoSanh ss, int64_t num, int scale)
{
	ChiTieu t;
	memset(&t, 0, sizeof t);
	t.so_sanh = ss;
	t.gt_num = num;
	t.gt_scale = scale;
	return t;
}

/* Each check formats into a fresh Buf and compares the whole string. */
#define EXPECT(call, want)                                                                         \
	do {                                                                                       \
		Buf b_;                                                                            \
		buf_init(&b_);                                                                     \
		call;                                                                              \
		assert_string_equal(b_.ptr, want);                                                 \
		buf_release(&b_);                                                                  \
	} while (0)

static void test_fmt_int(void **state)
{
	EXPECT(fmt_int(&b_, 0), "0");
	EXPECT(fmt_int(&b_, 999), "999");
	EXPECT(fmt_int(&b_, 1000), "1.000");
	EXPECT(fmt_int(&b_, 1234567), "1.234.567");
	EXPECT(fmt_int(&b_, 100000), "100.000");
	EXPECT(fmt_int(&b_, -1234), "-1.234");
	EXPECT(fmt_int(&b_, INT64_MAX), "9.223.372.036.854.775.807");
	EXPECT(fmt_int(&b_, INT64_MIN), "-9.223.372.036.854.775.808");
}

static void test_fmt_gia_tri(void **state)
{
	ChiTieu t = S_ct(SS_GE, 80, 0);
	EXPECT(fmt_gia_tri(&b_, &t), "80");
	t = S_ct(SS_GE, 455, 1);
	EXPECT(fmt_gia_tri(&b_, &t), "45,5");
	t = S_ct(SS_GE, 4550, 2);
	EXPECT(fmt_gia_tri(&b_, &t), "45,5");
	t = S_ct(SS_GE, 2025, 2);
	EXPECT(fmt_gia_tri(&b_, &t), "20,25");
	t = S_ct(SS_GE, 5, 2);
	EXPECT(fmt_gia_tri(&b_, &t), "0,05");
	t = S_ct(SS_GE, 1000, 0);
	EXPECT(fmt_gia_tri(&b_, &t), "1.000");
	t = S_ct(SS_GE, 0, 0);
	EXPECT(fmt_gia_tri(&b_, &t), "0");
}

static void test_fmt_giao_chi_tieu(void **state)
{
	ChiTieu t = S_ct(SS_GE, 80, 0);
	EXPECT(fmt_giao_chi_tieu(&b_, &t), "Tối thiểu 80");
	t = S_ct(SS_LE, 5, 0);
	EXPECT(fmt_giao_chi_tieu(&b_, &t), "Tối đa 5");
	t = S_ct(SS_EQ, 100, 0);
	EXPECT(fmt_giao_chi_tieu(&b_, &t), "100");
	t = S_ct(SS_GE, 455, 1);
	EXPECT(fmt_giao_chi_tieu(&b_, &t), "Tối thiểu 45,5");
}

/* The printed figure read against the printed target must give the
 * verdict eval_judge gives: checked exhaustively for small d below. */
static int S_printed_agrees(const char *s, const ChiTieu *t, DanhGia dg, int dec)
{
	/* parse "[int][,.]frac" back into an exact fraction p / 10^dec' */
	int64_t p = 0;
	int frac = -1;
	for (; *s; s++) {
		if (*s == '.' && dec == 2)
			continue; /* thousands separator in the Vietnamese form */
		if (*s == ',' || *s == '.') {
			frac = 0;
			continue;
		}
		p = p * 10 + (*s - '0');
		if (frac >= 0)
			frac++;
	}
	if (frac < 0)
		frac = 0;
	/* p/10^frac against gt_num/10^gt_scale */
	__extension__ __int128 a = p, g = t->gt_num;
	for (int i = frac; i < t->gt_scale; i++)
		a *= 10;
	for (int i = t->gt_scale; i < frac; i++)
		g *= 10;
	int ok = t->so_sanh == SS_GE ? a >= g : t->so_sanh == SS_LE ? a <= g : a == g;
	return ok == (dg == DG_DAT);
}

static void test_fmt_ty_le_ge(void **state)
{
	ChiTieu t = S_ct(SS_GE, 80, 0);
	EXPECT(fmt_ty_le(&b_, 79996, 100000, &t), "79,99"); /* the SPEC's case */
	EXPECT(fmt_ty_le(&b_, 7999, 10000, &t), "79,99");
	EXPECT(fmt_ty_le(&b_, 79999999, 100000000, &t), "79,99");
	EXPECT(fmt_ty_le(&b_, 80, 100, &t), "80,00");
	EXPECT(fmt_ty_le(&b_, 8, 10, &t), "80,00");
	EXPECT(fmt_ty_le(&b_, 2, 3, &t), "66,67"); /* plain nearest when no contradiction */
	EXPECT(fmt_ty_le(&b_, 1, 3, &t), "33,33");
	EXPECT(fmt_ty_le(&b_, 1, 1, &t), "100,00");
	EXPECT(fmt_ty_le(&b_, 0, 7, &t), "0,00");
	EXPECT(fmt_ty_le(&b_, 5, 0, &t), "");
	/* A target with more decimals than printed: met at 45,552 must not
	 * print 45,55 under "Tối thiểu 45,551". */
	t = S_ct(SS_GE, 45551, 3);
	EXPECT(fmt_ty_le(&b_, 45552, 100000, &t), "45,56");
	EXPECT(fmt_ty_le(&b_, 45550, 100000, &t), "45,55");
	t = S_ct(SS_GE, 6667, 2);
	EXPECT(fmt_ty_le(&b_, 2, 3, &t), "66,66");
}

static void test_fmt_ty_le_le(void **state)
{
	ChiTieu t = S_ct(SS_LE, 5, 0);
	EXPECT(fmt_ty_le(&b_, 50001, 1000000, &t), "5,01"); /* 5,0001 > 5: not "5,00" */
	EXPECT(fmt_ty_le(&b_, 5, 100, &t), "5,00");
	EXPECT(fmt_ty_le(&b_, 4999, 100000, &t), "5,00"); /* met, and 5,00 <= 5 agrees */
	EXPECT(fmt_ty_le(&b_, 4, 100, &t), "4,00");
	t = S_ct(SS_LE, 4991, 3);
	EXPECT(fmt_ty_le(&b_, 4994, 100000, &t), "5,00"); /* not 4,99 <= 4,991 */
	EXPECT(fmt_ty_le(&b_, 4990, 100000, &t), "4,99");
	t = S_ct(SS_LE, 1, 2); /* "Tối đa 0,01" */
	EXPECT(fmt_ty_le(&b_, 1, 1000000, &t), "0,00");
	EXPECT(fmt_ty_le(&b_, 101, 1000000, &t), "0,02");
}

static void test_fmt_ty_le_eq(void **state)
{
	ChiTieu t = S_ct(SS_EQ, 100, 0);
	EXPECT(fmt_ty_le(&b_, 100, 100, &t), "100,00");
	EXPECT(fmt_ty_le(&b_, 99999, 100000, &t), "99,99"); /* not "100,00" */
	EXPECT(fmt_ty_le(&b_, 99, 100, &t), "99,00");
	t = S_ct(SS_EQ, 50, 0);
	EXPECT(fmt_ty_le(&b_, 50001, 100000, &t), "50,01");
	EXPECT(fmt_ty_le(&b_, 49999, 100000, &t), "49,99");
	EXPECT(fmt_ty_le(&b_, 1, 2, &t), "50,00");
	/* Met exactly on a target of three decimals: only its own digits
	 * print as equal. */
	t = S_ct(SS_EQ, 33333, 3);
	EXPECT(fmt_ty_le(&b_, 33333, 100000, &t), "33,333");
	EXPECT(fmt_ty_le(&b_, 1, 3, &t), "33,33");
}

static void test_fmt_ty_le_huge(void **state)
{
	ChiTieu t = S_ct(SS_GE, 100, 0);
	EXPECT(fmt_ty_le(&b_, INT64_MAX, INT64_MAX, &t), "100,00");
	EXPECT(fmt_ty_le(&b_, INT64_MAX - 1, INT64_MAX, &t), "99,99");
	EXPECT(fmt_ty_le_csv(&b_, INT64_MAX - 1, INT64_MAX, &t), "99.9999");
	t = S_ct(SS_EQ, 100, 0);
	EXPECT(fmt_ty_le(&b_, INT64_MAX - 1, INT64_MAX, &t), "99,99");
	t = S_ct(SS_LE, 0, 0);
	EXPECT(fmt_ty_le(&b_, 1, INT64_MAX, &t), "0,01");
	EXPECT(fmt_ty_le_csv(&b_, 1, INT64_MAX, &t), "0.0001");
	EXPECT(fmt_ty_le(&b_, INT64_MAX, 1, NULL), "922.337.203.685.477.580.700,00");
}

static void test_fmt_ty_le_csv(void **state)
{
	ChiTieu t = S_ct(SS_GE, 80, 0);
	EXPECT(fmt_ty_le_csv(&b_, 79996, 100000, &t), "79.9960");
	EXPECT(fmt_ty_le_csv(&b_, 7999999, 10000000, &t), "79.9999");
	EXPECT(fmt_ty_le_csv(&b_, 80, 100, &t), "80.0000");
	EXPECT(fmt_ty_le_csv(&b_, 1, 3, &t), "33.3333");
	EXPECT(fmt_ty_le_csv(&b_, 2, 3, &t), "66.6667");
	EXPECT(fmt_ty_le_csv(&b_, 12345, 10, NULL), "123450.0000"); /* no grouping */
	t = S_ct(SS_LE, 5, 0);
	EXPECT(fmt_ty_le_csv(&b_, 5000001, 100000000, &t), "5.0001");
	t = S_ct(SS_EQ, 100, 0);
	EXPECT(fmt_ty_le_csv(&b_, 9999999, 10000000, &t), "99.9999");
	t = S_ct(SS_EQ, 3333333, 5);
	EXPECT(fmt_ty_le_csv(&b_, 3333333, 10000000, &t), "33.33333");
	EXPECT(fmt_ty_le_csv(&b_, 0, 5, &t), "0.0000");
}

/* Exhaustive: for every n <= d <= 120 and a few targets of each kind,
 * the printed figure agrees with the verdict. */
static void test_fmt_ty_le_never_contradicts(void **state)
{
	const ChiTieu ts[] = {
	    S_ct(SS_GE, 80, 0),   S_ct(SS_GE, 455, 1), S_ct(SS_GE, 66667, 3), S_ct(SS_GE, 2025, 2),
	    S_ct(SS_LE, 5, 0),    S_ct(SS_LE, 3333, 2), S_ct(SS_LE, 14286, 3), S_ct(SS_EQ, 100, 0),
	    S_ct(SS_EQ, 50, 0),   S_ct(SS_EQ, 3333, 2), S_ct(SS_EQ, 0, 0),     S_ct(SS_EQ, 1250, 1),
	    S_ct(SS_LE, 0, 0),    S_ct(SS_GE, 100, 0),
	};
	Buf b;
	buf_init(&b);
	for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++)
		for (int64_t d = 1; d <= 120; d++)
			for (int64_t n = 0; n <= d; n++) {
				DanhGia dg = eval_judge(&ts[i], n, d);
				buf_reset(&b);
				fmt_ty_le(&b, n, d, &ts[i]);
				if (!S_printed_agrees(b.ptr, &ts[i], dg, 2))
					fail_msg("%lld/%lld printed %s contradicts %s", (long long)n, (long long)d,
					         b.ptr, fmt_danh_gia_ma(dg));
				buf_reset(&b);
				fmt_ty_le_csv(&b, n, d, &ts[i]);
				if (!S_printed_agrees(b.ptr, &ts[i], dg, 4))
					fail_msg("%lld/%lld printed %s contradicts %s (csv)", (long long)n,
					         (long long)d, b.ptr, fmt_danh_gia_ma(dg));
			}
	buf_release(&b);
}

static void test_fmt_danh_gia(void **state)
{
	assert_string_equal(fmt_danh_gia(DG_DAT), "Đạt");
	assert_string_equal(fmt_danh_gia(DG_CHUA_DAT), "Chưa đạt");
	assert_string_equal(fmt_danh_gia(DG_KHONG_PHAT_SINH), "Không phát sinh");
	assert_string_equal(fmt_danh_gia(DG_CHUA_BAO_CAO), "Chưa báo cáo");
	assert_string_equal(fmt_danh_gia_ma(DG_DAT), "dat");
	assert_string_equal(fmt_danh_gia_ma(DG_CHUA_DAT), "chua_dat");
	assert_string_equal(fmt_danh_gia_ma(DG_KHONG_PHAT_SINH), "khong_phat_sinh");
	assert_string_equal(fmt_danh_gia_ma(DG_CHUA_BAO_CAO), "chua_bao_cao");
}

static void S_expect_cua_so(Ky k, const char *want)
{
	CuaSo w;
	memset(&w, 0, sizeof w);
	w.ky = k;
	w.year = k.year;
	w.last_month = ky_last_month(k);
	EXPECT(fmt_cua_so(&b_, &w), want);
}

static void test_fmt_cua_so(void **state)
{
	static const char *const months[12] = {
	    "Tháng 1 năm 2024",          "2 tháng đầu năm 2024",  "Quý I năm 2024",
	    "4 tháng đầu năm 2024",      "5 tháng đầu năm 2024",  "6 tháng đầu năm 2024",
	    "7 tháng đầu năm 2024",      "8 tháng đầu năm 2024",  "9 tháng năm 2024",
	    "10 tháng đầu năm 2024",     "11 tháng đầu năm 2024", "Năm 2024",
	};
	for (int mo = 1; mo <= 12; mo++)
		S_expect_cua_so((Ky){2024, 'M', mo}, months[mo - 1]);
	S_expect_cua_so((Ky){2024, 'Q', 1}, "Quý I năm 2024");
	S_expect_cua_so((Ky){2024, 'Q', 2}, "6 tháng đầu năm 2024");
	S_expect_cua_so((Ky){2024, 'Q', 3}, "9 tháng năm 2024");
	S_expect_cua_so((Ky){2025, 'Q', 4}, "Năm 2025");
}

static void test_fmt_buoc(void **state)
{
	EXPECT(fmt_buoc(&b_, (Ky){2024, 'M', 5}), "Th5");
	EXPECT(fmt_buoc(&b_, (Ky){2024, 'M', 12}), "Th12");
	EXPECT(fmt_buoc(&b_, (Ky){2024, 'Q', 1}), "Quý I");
	EXPECT(fmt_buoc(&b_, (Ky){2024, 'Q', 2}), "Quý II");
	EXPECT(fmt_buoc(&b_, (Ky){2024, 'Q', 3}), "Quý III");
	EXPECT(fmt_buoc(&b_, (Ky){2024, 'Q', 4}), "Quý IV");
}

static void test_fmt_ngay(void **state)
{
	EXPECT(fmt_ngay(&b_, 0), "01/01/1970");
	EXPECT(fmt_ngay_iso(&b_, 0), "1970-01-01");
	EXPECT(fmt_ngay(&b_, 19723), "01/01/2024");
	EXPECT(fmt_ngay(&b_, 19782), "29/02/2024");
	EXPECT(fmt_ngay_iso(&b_, 19782), "2024-02-29");
	EXPECT(fmt_ngay_iso(&b_, 19783), "2024-03-01");
	EXPECT(fmt_ngay_iso(&b_, 11017), "2000-03-01");
	EXPECT(fmt_ngay_iso(&b_, 47846), "2100-12-31");
	EXPECT(fmt_ngay(&b_, -1), ""); /* han.h: -1 is "no date" */
}

static void S_ngay(Model *m, const char *v, const char *want)
{
	m->conf[0].value = (char *)v;
	Buf b;
	buf_init(&b);
	fmt_ngay_van_ban(&b, m, "..");
	assert_string_equal(b.ptr, want);
	buf_release(&b);
}

static void test_fmt_ngay_van_ban(void **state)
{
	Model m;
	memset(&m, 0, sizeof m);
	ConfEntry e = {"ngay", NULL, 1};
	m.conf = &e;
	m.n_conf = 1;
	m.cua_so.year = 2024;
	m.cua_so.last_month = 6;
	/* Days under 10 and months 1-2 take a leading zero; others do not. */
	S_ngay(&m, "05/02/2024", "ngày 05 tháng 02 năm 2024");
	S_ngay(&m, "2024-03-15", "ngày 15 tháng 3 năm 2024");
	S_ngay(&m, "1/1/2025", "ngày 01 tháng 01 năm 2025");
	S_ngay(&m, "31/12/2024", "ngày 31 tháng 12 năm 2024");
	/* No date: blanks for the signer, in the report's year... */
	S_ngay(&m, "", "ngày .. tháng .. năm 2024");
	/* ...and a year-end report is signed in the new year. */
	m.cua_so.last_month = 12;
	S_ngay(&m, "", "ngày .. tháng .. năm 2025");
}

/* The target inside a sentence: lower case, with its unit. */
static void test_fmt_giao_cau(void **state)
{
	ChiTieu t = S_ct(SS_GE, 90, 0);
	t.don_vi_tinh = "%";
	EXPECT(fmt_giao_cau(&b_, &t), "tối thiểu 90%");
	t = S_ct(SS_EQ, 100, 0);
	t.don_vi_tinh = "";
	EXPECT(fmt_giao_cau(&b_, &t), "100%");
	t = S_ct(SS_LE, 5, 0);
	t.don_vi_tinh = "ngày";
	EXPECT(fmt_giao_cau(&b_, &t), "tối đa 5\u00a0ngày");
}

/* The change against the previous period, exact, and never a made-up 0. */
static void test_fmt_ky_truoc(void **state)
{
	ChiTieu t = S_ct(SS_GE, 80, 0);
	KetQua now = {.n = 85, .d = 100, .dg = DG_DAT};
	KetQuaCu then = {.co = 1, .kq = {.n = 8286, .d = 10000, .dg = DG_DAT}};
	Ky q2 = {.year = 2024, .kind = 'Q', .n = 2};
	EXPECT(fmt_ky_truoc(&b_, &now, &then, &t, &q2),
	       "tăng 2,14\u00a0điểm\u00a0% so với 6 tháng đầu năm 2024");
	EXPECT(fmt_ky_truoc(&b_, &now, &then, &t, NULL), "tăng 2,14\u00a0điểm\u00a0%");
	then.kq.n = 85;
	then.kq.d = 100;
	EXPECT(fmt_ky_truoc(&b_, &now, &then, &t, NULL), "không đổi");
	then.kq.n = 90;
	EXPECT(fmt_ky_truoc(&b_, &now, &then, &t, NULL), "giảm 5,00\u00a0điểm\u00a0%");
	Ky q3 = {.year = 2024, .kind = 'Q', .n = 4};
	EXPECT(fmt_ky_truoc(&b_, &now, &then, &t, &q3), "giảm 5,00\u00a0điểm\u00a0% so với năm 2024");
	then.co = 0;
	EXPECT(fmt_ky_truoc(&b_, &now, &then, &t, &q2), "chưa có số liệu kỳ trước");
	EXPECT(fmt_ky_truoc(&b_, &now, NULL, &t, &q2), "chưa có số liệu kỳ trước");
	then.co = 1;
	then.kq.d = 0;
	then.kq.n = 0;
	then.kq.dg = DG_KHONG_PHAT_SINH;
	EXPECT(fmt_ky_truoc(&b_, &now, &then, &t, NULL), "chưa có số liệu kỳ trước");
}

/* Months and periods as people say them. */
static void test_fmt_thang_cac_ky(void **state)
{
	EXPECT(fmt_thang(&b_, 1u << 11), "tháng\u00a012");
	EXPECT(fmt_thang(&b_, 1u | 4u | 16u), "tháng\u00a01, 3 và 5");
	EXPECT(fmt_thang(&b_, 0), "");
	Ky v[] = {{.year = 2024, .kind = 'M', .n = 5}, {.year = 2024, .kind = 'M', .n = 1},
	          {.year = 2024, .kind = 'Q', .n = 3}, {.year = 2024, .kind = 'Q', .n = 2}};
	EXPECT(fmt_cac_ky(&b_, v, 2), "tháng\u00a01 và 5");
	EXPECT(fmt_cac_ky(&b_, v + 2, 2), "quý\u00a0II và III");
	EXPECT(fmt_cac_ky(&b_, v, 4), "tháng\u00a01 và 5; quý\u00a0II và III");
}

/* Quotes paired as print wants them; no-break spaces before what a word
 * names, and nowhere else. */
static void test_fmt_trich_dan_lien(void **state)
{
	EXPECT(fmt_trich_dan(&b_, "đã \"khắc phục\" và \"xong"), "đã “khắc phục” và “xong");
	EXPECT((buf_puts(&b_, "Kết quả năm 2024 tại Phụ lục II, tăng 2 điểm % trong năm học"),
	        fmt_lien(&b_, 0)),
	       "Kết quả năm\u00a02024 tại Phụ\u00a0lục\u00a0II, tăng 2 điểm\u00a0% trong năm học");
	EXPECT((buf_puts(&b_, "chỉ tiêu được giao; Chỉ tiêu 5"), fmt_lien(&b_, 9)),
	       "chỉ tiêu được giao; Chỉ\u00a0tiêu\u00a05");
}

static void test_fmt_la_ma(void **state)
{
	char s[16];
	fmt_la_ma(1, s);
	assert_string_equal(s, "I");
	fmt_la_ma(4, s);
	assert_string_equal(s, "IV");
	fmt_la_ma(9, s);
	assert_string_equal(s, "IX");
	fmt_la_ma(14, s);
	assert_string_equal(s, "XIV");
	fmt_la_ma(3888, s);
	assert_string_equal(s, "MMMDCCCLXXXVIII");
	fmt_la_ma(0, s);
	assert_string_equal(s, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fmt_int),
	    cmocka_unit_test(test_fmt_gia_tri),
	    cmocka_unit_test(test_fmt_giao_chi_tieu),
	    cmocka_unit_test(test_fmt_ty_le_ge),
	    cmocka_unit_test(test_fmt_ty_le_le),
	    cmocka_unit_test(test_fmt_ty_le_eq),
	    cmocka_unit_test(test_fmt_ty_le_huge),
	    cmocka_unit_test(test_fmt_ty_le_csv),
	    cmocka_unit_test(test_fmt_ty_le_never_contradicts),
	    cmocka_unit_test(test_fmt_danh_gia),
	    cmocka_unit_test(test_fmt_cua_so),
	    cmocka_unit_test(test_fmt_buoc),
	    cmocka_unit_test(test_fmt_la_ma),
	    cmocka_unit_test(test_fmt_ngay),
	    cmocka_unit_test(test_fmt_ngay_van_ban),
	    cmocka_unit_test(test_fmt_giao_cau),
	    cmocka_unit_test(test_fmt_ky_truoc),
	    cmocka_unit_test(test_fmt_thang_cac_ky),
	    cmocka_unit_test(test_fmt_trich_dan_lien),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
