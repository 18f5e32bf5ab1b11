/* SPDX-License-Identifier: MIT */
/* Unit tests of the scorecards' pure computations: the rate still needed,
 * the rank in the group, the change since the previous step, the symbols,
 * and the Vietnamese order of units the pages follow. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "fmt.h"
#include "model.h"
#include "rank.h"
#include "text.h"
#include "xalloc.h"

static ChiTieu S_ct(SoSanh ss, int64_t gt_num, int gt_scale)
{
	ChiTieu t;
	memset(&t, 0, sizeof t);
	t.stt = 1;
	t.so_sanh = ss;
	t.gt_num = gt_num;
	t.gt_scale = gt_scale;
	return t;
}

static KetQua S_kq(int64_t n, int64_t d, DanhGia dg)
{
	return (KetQua){n, d, dg, 0, 0};
}

static void test_rank_con_can_da_dat(void **state)
{
	ChiTieu t = S_ct(SS_GE, 80, 0);
	KetQua k = S_kq(80, 100, DG_DAT);
	assert_int_equal(rank_con_can(&t, &k, 6).loai, CC_DA_DAT);
}

static void test_rank_con_can_tinh(void **state)
{
	/* 6 months at 70/100 under ">= 80": the year needs 80 % of 200 = 160,
	 * so the rest needs 90/100 = 90 %. */
	ChiTieu t = S_ct(SS_GE, 80, 0);
	KetQua k = S_kq(70, 100, DG_CHUA_DAT);
	ConCan c = rank_con_can(&t, &k, 6);
	assert_int_equal(c.loai, CC_CAN);
	assert_int_equal(c.so_sanh, SS_GE);
	assert_int_equal(c.tram, 9000);

	/* 9 months at 61/90 under ">= 80": the year has 120, needs 96; the
	 * rest (30) needs 35 -> 116,67 %: unreachable. */
	k = S_kq(61, 90, DG_CHUA_DAT);
	assert_int_equal(rank_con_can(&t, &k, 9).loai, CC_KHONG_THE);

	/* 45,5 with a decimal: 3 months at 1/3; the year is 12, needs 5,46;
	 * the rest (9) needs 4,46 -> 49,5555.. %, rounded up to 49,56. */
	t = S_ct(SS_GE, 455, 1);
	k = S_kq(1, 3, DG_CHUA_DAT);
	c = rank_con_can(&t, &k, 3);
	assert_int_equal(c.loai, CC_CAN);
	assert_int_equal(c.tram, 4956);
}

static void test_rank_con_can_vua_du(void **state)
{
	/* Exactly reachable: 6 months at 60/100 under ">= 80" needs 160 of 200,
	 * the rest 100 of 100: 100 % exactly is still possible. */
	ChiTieu t = S_ct(SS_GE, 80, 0);
	KetQua k = S_kq(60, 100, DG_CHUA_DAT);
	ConCan c = rank_con_can(&t, &k, 6);
	assert_int_equal(c.loai, CC_CAN);
	assert_int_equal(c.tram, 10000);
	/* One case fewer and it is out of reach. */
	k = S_kq(59, 100, DG_CHUA_DAT);
	assert_int_equal(rank_con_can(&t, &k, 6).loai, CC_KHONG_THE);
	/* A "100" target missed once can never be met at a kept pace. */
	t = S_ct(SS_EQ, 100, 0);
	k = S_kq(99, 100, DG_CHUA_DAT);
	assert_int_equal(rank_con_can(&t, &k, 3).loai, CC_KHONG_THE);
}

static void test_rank_con_can_toi_da(void **state)
{
	/* "<= 5": 3 months at 8/100; the year has 400, allows 20; the rest
	 * (300) may have 12 -> 4 %. */
	ChiTieu t = S_ct(SS_LE, 5, 0);
	KetQua k = S_kq(8, 100, DG_CHUA_DAT);
	ConCan c = rank_con_can(&t, &k, 3);
	assert_int_equal(c.loai, CC_CAN);
	assert_int_equal(c.so_sanh, SS_LE);
	assert_int_equal(c.tram, 400);
	/* 19 so far: 1 more allowed of 300 = 0,333.. %, rounded down to 0,33. */
	k = S_kq(19, 100, DG_CHUA_DAT);
	c = rank_con_can(&t, &k, 3);
	assert_int_equal(c.loai, CC_CAN);
	assert_int_equal(c.tram, 33);
	/* 20 so far: the rest must have none (0 % is still possible). */
	k = S_kq(20, 100, DG_CHUA_DAT);
	c = rank_con_can(&t, &k, 3);
	assert_int_equal(c.loai, CC_CAN);
	assert_int_equal(c.tram, 0);
	k = S_kq(21, 100, DG_CHUA_DAT);
	assert_int_equal(rank_con_can(&t, &k, 3).loai, CC_KHONG_THE);
}

static void test_rank_con_can_bien(void **state)
{
	ChiTieu t = S_ct(SS_GE, 80, 0);
	/* No denominator so far: no pace to project. */
	KetQua k = S_kq(0, 0, DG_KHONG_PHAT_SINH);
	assert_int_equal(rank_con_can(&t, &k, 6).loai, CC_CHUA_PHAT_SINH);
	k = S_kq(0, 0, DG_CHUA_BAO_CAO);
	assert_int_equal(rank_con_can(&t, &k, 6).loai, CC_CHUA_BAO_CAO);
	/* The whole year is in: nothing is left to do. */
	k = S_kq(70, 100, DG_CHUA_DAT);
	assert_int_equal(rank_con_can(&t, &k, 12).loai, CC_HET_NAM);
	/* Huge figures stay exact. */
	k = S_kq(INT64_C(700000000000), INT64_C(1000000000000), DG_CHUA_DAT);
	ConCan c = rank_con_can(&t, &k, 6);
	assert_int_equal(c.loai, CC_CAN);
	assert_int_equal(c.tram, 9000);
}

static void test_rank_con_can_in(void **state)
{
	/* The printed figure comes from fmt.h: 92,40 reads "92,40". */
	ChiTieu t = S_ct(SS_GE, 80, 0);
	KetQua k = S_kq(676, 1000, DG_CHUA_DAT); /* 3 months: needs (9600-2028)/(9) */
	ConCan c = rank_con_can(&t, &k, 3);
	assert_int_equal(c.loai, CC_CAN);
	/* (12*80*1000 - 100*676*3) / (1000*9) = 757200/9000 = 84,1333.. -> 84,14 */
	assert_int_equal(c.tram, 8414);
	Buf b;
	buf_init(&b);
	fmt_ty_le(&b, c.tram, 10000, NULL);
	assert_string_equal(b.ptr, "84,14");
	buf_release(&b);
}

static void test_rank_thay_doi(void **state)
{
	Diem xh[MAX_BUOC];
	memset(xh, 0, sizeof xh);
	/* 1 step: no previous. */
	xh[0] = (Diem){5, 10, 1};
	assert_int_equal(rank_thay_doi(xh, 1).loai, TD_KHONG_CO);
	/* 50 % then 70 % cumulative: 5/10 -> 14/20 = +20 points. */
	xh[1] = (Diem){9, 10, 1};
	ThayDoi d = rank_thay_doi(xh, 2);
	assert_int_equal(d.loai, TD_TANG);
	assert_int_equal(d.tram, 2000);
	assert_int_equal(d.buoc_truoc, 0);
	/* 5/10 -> 5/20: -25 points. */
	xh[1] = (Diem){0, 10, 1};
	d = rank_thay_doi(xh, 2);
	assert_int_equal(d.loai, TD_GIAM);
	assert_int_equal(d.tram, 2500);
	/* No new cases: unchanged. */
	xh[1] = (Diem){0, 0, 1};
	assert_int_equal(rank_thay_doi(xh, 2).loai, TD_KHONG_DOI);
	/* Nothing before: no change to show. */
	xh[0] = (Diem){0, 0, 0};
	xh[1] = (Diem){3, 4, 1};
	assert_int_equal(rank_thay_doi(xh, 2).loai, TD_KHONG_CO);
	/* A tiny change still shows its direction. */
	xh[0] = (Diem){500000, 1000000, 1};
	xh[1] = (Diem){1, 1, 1};
	d = rank_thay_doi(xh, 2);
	assert_int_equal(d.loai, TD_TANG);
	assert_int_equal(d.tram, 1);
	assert_int_equal(d.nho, 1);
	/* Rounding half away from zero: 1/3 -> 1/2 = +16,666.. -> 16,67. */
	xh[0] = (Diem){1, 3, 1};
	xh[1] = (Diem){2, 3, 1};
	d = rank_thay_doi(xh, 2);
	assert_int_equal(d.tram, 1667);
	assert_int_equal(d.nho, 0);
}

/* A model of one group of four units and three targets, by hand. */
static void S_model(Model *m, const DanhGia dg[4][3])
{
	model_init(m);
	m->n_nhom = 2;
	m->nhom = xcalloc(2, sizeof *m->nhom);
	m->nhom[0] = (Nhom){xstrdup("huyen"), xstrdup("UBND cấp huyện"), 1};
	m->nhom[1] = (Nhom){xstrdup("xa"), xstrdup("UBND cấp xã"), 2};
	m->n_don_vi = 5;
	m->don_vi = xcalloc(5, sizeof *m->don_vi);
	const char *ma[] = {"a", "b", "c", "d", "x"};
	for (int i = 0; i < 5; i++)
		m->don_vi[i] = (DonVi){xstrdup(ma[i]), xstrdup(ma[i]), i == 4 ? 1 : 0, -1, 1};
	m->n_chi_tieu = 3;
	m->chi_tieu = xcalloc(3, sizeof *m->chi_tieu);
	for (int t = 0; t < 3; t++) {
		m->chi_tieu[t] = S_ct(SS_GE, 80, 0);
		m->chi_tieu[t].stt = t + 1;
		m->chi_tieu[t].ap_dung = xcalloc(2, 1);
		m->chi_tieu[t].ap_dung[0] = 1;
		m->chi_tieu[t].ap_dung[1] = t == 0;
	}
	m->kq_don_vi = xcalloc(5 * 3, sizeof *m->kq_don_vi);
	for (int u = 0; u < 4; u++)
		for (int t = 0; t < 3; t++) {
			KetQua *k = &m->kq_don_vi[u * 3 + t];
			k->dg = dg[u][t];
			/* a target not met falls 10 points short (70 % under
			 * "tối thiểu 80") */
			if (k->dg == DG_CHUA_DAT)
				k->n = 70, k->d = 100;
			else if (k->dg == DG_DAT)
				k->n = 90, k->d = 100;
		}
	m->kq_don_vi[4 * 3].dg = DG_DAT;
}

/* rank_hang_all() gives what rank_hang() gives, unit by unit. */
static void S_same_as_all(const Model *m)
{
	int hang[8], tong[8], dong[8];
	rank_hang_all(m, hang, tong, dong);
	for (size_t u = 0; u < m->n_don_vi; u++) {
		int t, d;
		assert_int_equal(hang[u], rank_hang(m, u, &t, &d));
		assert_int_equal(tong[u], t);
		assert_int_equal(dong[u], d);
	}
}

static void test_rank_hang(void **state)
{
	const DanhGia dg[4][3] = {
	    {DG_DAT, DG_CHUA_DAT, DG_CHUA_BAO_CAO},          /* a: 1 met, 1 unreported */
	    {DG_DAT, DG_DAT, DG_KHONG_PHAT_SINH},            /* b: 2 met */
	    {DG_DAT, DG_CHUA_DAT, DG_CHUA_DAT},              /* c: 1 met, 0 unreported */
	    {DG_DAT, DG_KHONG_PHAT_SINH, DG_CHUA_DAT},       /* d: 1 met, 1 not met */
	};
	Model m;
	S_model(&m, dg);
	int tong, dong;
	assert_int_equal(rank_hang(&m, 1, &tong, &dong), 1);
	assert_int_equal(tong, 4);
	assert_int_equal(dong, 0);
	/* d beats c (10 points short against 20), c beats a (fewer
	 * unreported). */
	assert_int_equal(rank_hang(&m, 3, &tong, &dong), 2);
	assert_int_equal(rank_hang(&m, 2, &tong, &dong), 3);
	assert_int_equal(rank_hang(&m, 0, &tong, &dong), 4);
	assert_int_equal(dong, 0);
	/* The other group is ranked on its own. */
	assert_int_equal(rank_hang(&m, 4, &tong, &dong), 1);
	assert_int_equal(tong, 1);
	DemDanhGia d = rank_dem(&m, 4);
	assert_int_equal(d.ap_dung, 1);
	assert_int_equal(d.dat, 1);
	S_same_as_all(&m);
	model_release(&m);

	/* Equal units share a rank; the next one counts both. */
	const DanhGia dg2[4][3] = {
	    {DG_DAT, DG_CHUA_DAT, DG_DAT},
	    {DG_DAT, DG_DAT, DG_CHUA_DAT},
	    {DG_DAT, DG_DAT, DG_DAT},
	    {DG_CHUA_DAT, DG_CHUA_DAT, DG_CHUA_DAT},
	};
	S_model(&m, dg2);
	assert_int_equal(rank_hang(&m, 0, &tong, &dong), 2);
	assert_int_equal(dong, 1);
	assert_int_equal(rank_hang(&m, 1, &tong, &dong), 2);
	assert_int_equal(dong, 1);
	assert_int_equal(rank_hang(&m, 3, &tong, &dong), 4);
	assert_int_equal(dong, 0);
	S_same_as_all(&m);
	model_release(&m);
}

static void S_dat_kq(Model *m, size_t u, size_t t, int64_t n, int64_t d, DanhGia dg)
{
	KetQua *k = &m->kq_don_vi[u * m->n_chi_tieu + t];
	k->n = n;
	k->d = d;
	k->dg = dg;
}

/* The shortfall is summed and compared exactly: 0,1 + 0,2 points equals
 * 0,3 points (in doubles it is larger), and rates 2·10^-16 points apart
 * (equal as doubles) are told apart. */
static void test_rank_thieu_hut_chinh_xac(void **state)
{
	const DanhGia dg[4][3] = {
	    {DG_DAT, DG_DAT, DG_DAT}, {DG_DAT, DG_DAT, DG_DAT},
	    {DG_DAT, DG_DAT, DG_DAT}, {DG_DAT, DG_DAT, DG_DAT},
	};
	Model m;
	S_model(&m, dg);
	/* a: 79,9 % and 79,8 %; b: 79,7 % and không phát sinh */
	S_dat_kq(&m, 0, 1, 799, 1000, DG_CHUA_DAT);
	S_dat_kq(&m, 0, 2, 798, 1000, DG_CHUA_DAT);
	S_dat_kq(&m, 1, 1, 797, 1000, DG_CHUA_DAT);
	S_dat_kq(&m, 1, 2, 0, 0, DG_KHONG_PHAT_SINH);
	/* c and d: just under 80 %, by 2·10^-16 and 4·10^-16 points */
	S_dat_kq(&m, 2, 1, 400000000000000000 - 1, 500000000000000000, DG_CHUA_DAT);
	S_dat_kq(&m, 2, 2, 0, 0, DG_KHONG_PHAT_SINH);
	S_dat_kq(&m, 3, 1, 400000000000000000 - 2, 500000000000000000, DG_CHUA_DAT);
	S_dat_kq(&m, 3, 2, 0, 0, DG_KHONG_PHAT_SINH);
	RankKhoa *k = rank_khoa_all(&m);
	assert_int_equal(rank_khoa_cmp(&k[0], &k[1]), 0);
	assert_int_equal(k[0].thieu_tram, 30);
	assert_int_equal(k[1].thieu_tram, 30);
	assert_true(rank_khoa_cmp(&k[2], &k[3]) < 0);
	assert_true(rank_khoa_cmp(&k[3], &k[2]) > 0);
	assert_true(rank_khoa_cmp(&k[2], &k[0]) < 0);
	assert_int_equal(k[2].thieu_tram, 0);
	int tong, dong;
	assert_int_equal(rank_hang(&m, 2, &tong, &dong), 1);
	assert_int_equal(rank_hang(&m, 3, &tong, &dong), 2);
	assert_int_equal(rank_hang(&m, 0, &tong, &dong), 3);
	assert_int_equal(dong, 1);
	assert_int_equal(rank_hang(&m, 1, &tong, &dong), 3);
	S_same_as_all(&m);
	/* rank_sap_xep on a subset: standard competition ranking */
	int v[4] = {1, 0, 3, 2}, hang[4], dh[4];
	rank_sap_xep(&m, k, v, 4, hang, dh);
	assert_int_equal(v[0], 2);
	assert_int_equal(v[1], 3);
	assert_int_equal(v[2], 0); /* equal ones in display order */
	assert_int_equal(v[3], 1);
	assert_int_equal(hang[0], 1);
	assert_int_equal(hang[1], 2);
	assert_int_equal(hang[2], 3);
	assert_int_equal(hang[3], 3);
	assert_int_equal(dh[2] && dh[3] && !dh[0], 1);
	rank_khoa_free(k, m.n_don_vi);
	model_release(&m);
}

/* A maximum ("tối đa 5"): the gap is the rate over it, with decimals in
 * the target (4,5 → scale 1). */
static void test_rank_thieu_hut_toi_da(void **state)
{
	const DanhGia dg[4][3] = {
	    {DG_DAT, DG_DAT, DG_DAT}, {DG_DAT, DG_DAT, DG_DAT},
	    {DG_DAT, DG_DAT, DG_DAT}, {DG_DAT, DG_DAT, DG_DAT},
	};
	Model m;
	S_model(&m, dg);
	m.chi_tieu[2].so_sanh = SS_LE;
	m.chi_tieu[2].gt_num = 45;
	m.chi_tieu[2].gt_scale = 1;
	S_dat_kq(&m, 0, 2, 7, 100, DG_CHUA_DAT);   /* 7 % − 4,5 = 2,5 points */
	S_dat_kq(&m, 1, 2, 1, 10, DG_CHUA_DAT);    /* 10 % − 4,5 = 5,5 points */
	RankKhoa k[2];
	rank_khoa(&m, 0, &k[0]);
	rank_khoa(&m, 1, &k[1]);
	assert_int_equal(k[0].thieu_tram, 250);
	assert_int_equal(k[1].thieu_tram, 550);
	assert_true(rank_khoa_cmp(&k[0], &k[1]) < 0);
	rank_khoa_release(&k[0]);
	rank_khoa_release(&k[1]);
	model_release(&m);
}

static void test_rank_ky_hieu(void **state)
{
	/* Five distinct shapes, one per cell state of the one legend. */
	const char *s[5];
	for (int i = 0; i < 5; i++)
		s[i] = fmt_ky_hieu(i);
	for (int i = 0; i < 5; i++)
		for (int j = i + 1; j < 5; j++)
			assert_string_not_equal(s[i], s[j]);
	Buf b;
	buf_init(&b);
	fmt_chu_giai(&b);
	assert_string_equal(b.ptr, "● Đạt; × Chưa đạt; ○ Không phát sinh; ? Chưa báo cáo; – Không áp dụng");
	buf_release(&b);
}

/* The pages follow m->thu_tu_don_vi, which sorts names with text_collate:
 * Vietnamese order, not bytes. */
static int S_cmp(const void *a, const void *b)
{
	return text_collate(*(const char *const *)a, *(const char *const *)b);
}

static void test_rank_thu_tu_tieng_viet(void **state)
{
	const char *v[] = {"Xã Đông", "Xã Ân", "Xã Ăn", "Xã An", "Xã Bình", "Xã Dương", "Xã Ấn", "Xã Én", "Xã Ạn"};
	const char *want[] = {"Xã An", "Xã Ạn", "Xã Ăn", "Xã Ân", "Xã Ấn", "Xã Bình", "Xã Dương", "Xã Đông", "Xã Én"};
	qsort(v, 9, sizeof *v, S_cmp);
	for (int i = 0; i < 9; i++)
		assert_string_equal(v[i], want[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rank_con_can_da_dat),   cmocka_unit_test(test_rank_con_can_tinh),
	    cmocka_unit_test(test_rank_con_can_vua_du),   cmocka_unit_test(test_rank_con_can_toi_da),
	    cmocka_unit_test(test_rank_con_can_bien),     cmocka_unit_test(test_rank_con_can_in),
	    cmocka_unit_test(test_rank_thay_doi),         cmocka_unit_test(test_rank_hang),
	    cmocka_unit_test(test_rank_thieu_hut_chinh_xac), cmocka_unit_test(test_rank_thieu_hut_toi_da),
	    cmocka_unit_test(test_rank_ky_hieu),          cmocka_unit_test(test_rank_thu_tu_tieng_viet),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
