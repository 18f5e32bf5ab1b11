/* SPDX-License-Identifier: MIT */
/* cong_van: who the urging dispatch addresses, how "Kính gửi:" groups
 * them, the reply date on the holiday calendar, and the year's end
 * wording, on models built by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cong_van.h"
#include "date.h"
#include "eval.h"
#include "model.h"
#include "model_fixture.h"
#include "xalloc.h"
#include "xuat.h"

/* Two groups: "so" ("Sở, ban, ngành tỉnh") and "xa" ("UBND cấp xã"); one
 * target (>= 80 %) for both.  Units: so-a meets it, so-b does not, so-c
 * has no file, xa-1 meets it, xa-2 misses it, xa-3 (same name as xa-2,
 * another district) misses it and reports no month 2. */
static void S_model(Model *m, int n_thang)
{
	model_init(m);
	m->n_nhom = 3;
	m->nhom = xcalloc(3, sizeof *m->nhom);
	static const char *const ma[] = {"so", "xa", "huyen"};
	static const char *const ten[] = {"Sở, ban, ngành tỉnh", "UBND cấp xã", "UBND cấp huyện"};
	for (int g = 0; g < 3; g++)
		m->nhom[g] = (Nhom){xstrdup(ma[g]), xstrdup(ten[g]), g + 1};
	S_target(m, 1, SS_GE, 80, 0, 7);
	S_unit(m, "so-a", "Sở A", 0);
	S_unit(m, "so-b", "Sở B", 0);
	int c = S_unit(m, "so-c", "Sở C", 0);
	m->don_vi[c].co_so_lieu = 0;
	int h1 = S_unit(m, "huyen-1", "UBND huyện Một", 2), h2 = S_unit(m, "huyen-2", "UBND huyện Hai", 2);
	S_unit(m, "xa-1", "UBND xã Đông", 1);
	int x2 = S_unit(m, "xa-2", "UBND xã Tây", 1);
	S_unit(m, "xa-3", "UBND thị trấn Nam", 1);
	int x4 = S_unit(m, "xa-4", "UBND xã Tây", 1);
	m->don_vi[x2].thuoc = h1;
	m->don_vi[x4].thuoc = h2;
	/* tu_so of 10 a month: so-b 5, xa-2 7, xa-3 1, the others 9; xa-4
	 * skips February */
	static const int tu[] = {9, 5, 0, 9, 9, 9, 7, 1, 9};
	for (int u = 0; u < (int)m->n_don_vi; u++)
		for (int k = 1; k <= n_thang && m->don_vi[u].co_so_lieu; k++) {
			if (u == x4 && k == 2)
				continue;
			char ky[16];
			snprintf(ky, sizeof ky, "2024-%02d", k);
			S_row(m, u, 0, ky, tu[u], 10);
		}
	model_build_index(m);
	model_set_ten_hien(m);
}

static char *S_md(const Model *m)
{
	Buf b;
	buf_init(&b);
	cong_van_md(&b, m);
	return buf_detach(&b, NULL);
}

static void test_cong_van_addresses_only_units_behind(void **state)
{
	(void)state;
	Model m;
	S_model(&m, 3);
	assert_int_equal(eval_run(&m, "2024-Q1"), 0);
	unsigned ly_do[9];
	assert_int_equal(cong_van_ly_do(&m, ly_do), 5);
	assert_int_equal(ly_do[0], 0);                            /* so-a meets it */
	assert_int_equal(ly_do[1], CV_CHUA_DAT);                  /* so-b */
	assert_true(ly_do[2] & CV_CHUA_BAO_CAO);                  /* so-c, no file */
	assert_true(ly_do[2] & CV_THIEU);
	assert_int_equal(ly_do[3] | ly_do[4] | ly_do[5], 0);      /* the districts, xa-1 */
	assert_int_equal(ly_do[6], CV_CHUA_DAT);                  /* xa-2 */
	assert_int_equal(ly_do[7], CV_CHUA_DAT);                  /* xa-3 */
	assert_int_equal(ly_do[8], CV_THIEU);                     /* xa-4: month 2 missing */
	char *md = S_md(&m);
	assert_null(strstr(md, "Sở A"));
	assert_null(strstr(md, "xã Đông"));
	assert_null(strstr(md, "huyện Một:"));
	/* grouped as offices write them, the communes by their kinds, the
	 * same-named ones told apart by their districts */
	assert_non_null(strstr(md, "- Các sở, ban, ngành tỉnh: Sở B, Sở C;\n"));
	assert_non_null(strstr(md, "- UBND các xã, thị trấn: xã Tây (huyện Một), thị trấn Nam, xã Tây (huyện Hai).\n"));
	/* a unit's target not met with its figure, the target and the rate
	 * still needed over the rest of the year */
	assert_non_null(strstr(md, "- Sở B:\n    + Chỉ tiêu 1: kết quả 50,00% (15/30), chỉ tiêu giao tối thiểu 80%; "
	                           "cần đạt ≥ 90,00% trong quý II–IV;"));
	assert_non_null(strstr(md, "- Sở C: chưa gửi số liệu;"));
	assert_non_null(strstr(md, "- UBND xã Tây (huyện Hai): thiếu số liệu tháng 2 của chỉ tiêu 1."));
	/* 31/03/2024 is a Sunday: five working days on is 05/04/2024 */
	assert_non_null(strstr(md, "trước ngày **05/04/2024**"));
	free(md);
	model_release(&m);
}

static void test_cong_van_reply_date_on_the_holiday_calendar(void **state)
{
	(void)state;
	Model m;
	S_model(&m, 3);
	assert_int_equal(eval_run(&m, "2024-Q1"), 0);
	assert_int_equal(cong_van_han_gui(&m), date_day(2024, 4, 5));
	/* a holiday on Tuesday 02/04 and han_gui_so_lieu = 2 */
	m.han.nghi = xcalloc(1, sizeof *m.han.nghi);
	m.han.nghi[0] = (NgayNghi){date_day(2024, 4, 2), 0, xstrdup("Nghỉ")};
	m.han.n_nghi = 1;
	m.conf = xcalloc(1, sizeof *m.conf);
	m.conf[0] = (ConfEntry){xstrdup("han_gui_so_lieu"), xstrdup("2"), 1};
	m.n_conf = 1;
	assert_int_equal(cong_van_han_gui(&m), date_day(2024, 4, 3));
	model_release(&m);
}

static void test_cong_van_year_end_asks_causes(void **state)
{
	(void)state;
	Model m;
	S_model(&m, 12);
	assert_int_equal(eval_run(&m, "2024-Q4"), 0);
	char *md = S_md(&m);
	assert_non_null(strstr(md, "không đạt chỉ tiêu năm 2024"));
	assert_non_null(strstr(md, "nguyên nhân"));
	assert_null(strstr(md, "cần đạt"));
	assert_null(strstr(md, "≥"));
	free(md);
	model_release(&m);
}

static void test_cong_van_nobody_behind(void **state)
{
	(void)state;
	Model m;
	model_init(&m);
	m.n_nhom = 1;
	m.nhom = xcalloc(1, sizeof *m.nhom);
	m.nhom[0] = (Nhom){xstrdup("so"), xstrdup("Sở"), 1};
	S_target(&m, 1, SS_GE, 80, 0, 1);
	int a = S_unit(&m, "so-a", "Sở A", 0);
	S_row(&m, a, 0, "2024-Q1", 9, 10);
	model_build_index(&m);
	assert_int_equal(eval_run(&m, "2024-Q1"), 0);
	assert_int_equal(cong_van_so_don_vi(&m), 0);
	model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cong_van_addresses_only_units_behind),
	    cmocka_unit_test(test_cong_van_reply_date_on_the_holiday_calendar),
	    cmocka_unit_test(test_cong_van_year_end_asks_causes),
	    cmocka_unit_test(test_cong_van_nobody_behind),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
