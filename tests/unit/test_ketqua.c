/* SPDX-License-Identifier: MIT */
/* Unit tests of ketqua_csv: the ket-qua.csv of a small model built by
 * hand, compared with a golden string. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "eval.h"
#include "ketqua.h"
#include "model_fixture.h"
#include "model.h"
#include "xalloc.h"

static void S_group(Model *m, const char *ma, const char *ten)
{
	m->nhom = xrealloc(m->nhom, (m->n_nhom + 1) * sizeof *m->nhom);
	m->nhom[m->n_nhom] = (Nhom){xstrdup(ma), xstrdup(ten), (int)m->n_nhom + 1};
	m->n_nhom++;
}

static void S_small(Model *m)
{
	model_init(m);
	S_group(m, "so", "Sở, ban, ngành");
	S_group(m, "xa", "UBND cấp xã");
	int t1 = S_target(m, 1, SS_GE, 80, 0, 3);
	int t2 = S_target(m, 2, SS_LE, 45, 1, 2);
	S_target(m, 3, SS_GE, 2025, 2, 0); /* applies to nobody */
	int a = S_unit(m, "so-a", "Sở A, B", 0);
	int x1 = S_unit(m, "xa-1", "UBND xã \"Một\"", 1);
	S_unit(m, "xa-2", "Xã Hai", 1);
	S_row(m, a, t1, "2024-Q1", 79996, 100000);
	S_row(m, x1, t1, "2024-01", 3, 4);
	S_row(m, x1, t1, "2024-02", 5, 6);
	S_row(m, x1, t2, "2024-Q1", 0, 0);
	S_row(m, x1, t2, "2024-04", 1, 1); /* outside the Q1 window */
}

static void test_ketqua_csv_golden(void **state)
{
	Model m;
	S_small(&m);
	assert_int_equal(eval_run(&m, "2024-Q1"), 0);
	Buf b;
	buf_init(&b);
	ketqua_csv(&b, &m);
	assert_string_equal(b.ptr,
	    "ky,ma,ten,nhom,chi_tieu,tu_so,mau_so,ty_le,so_sanh,gia_tri,danh_gia,so_dv_dat,so_dv_danh_gia,ten_chi_tieu\n"
	    "2024-Q1,so-a,\"Sở A, B\",so,1,79996,100000,79.9960,>=,80,chua_dat,,,Chỉ tiêu 1\n"
	    "2024-Q1,xa-1,\"UBND xã \"\"Một\"\"\",xa,1,8,10,80.0000,>=,80,dat,,,Chỉ tiêu 1\n"
	    "2024-Q1,xa-1,\"UBND xã \"\"Một\"\"\",xa,2,0,0,,<=,4.5,khong_phat_sinh,,,Chỉ tiêu 2\n"
	    "2024-Q1,xa-2,Xã Hai,xa,1,,,,>=,80,chua_bao_cao,,,Chỉ tiêu 1\n"
	    "2024-Q1,xa-2,Xã Hai,xa,2,,,,<=,4.5,chua_bao_cao,,,Chỉ tiêu 2\n"
	    "2024-Q1,nhom:so,\"Sở, ban, ngành\",so,1,79996,100000,79.9960,>=,80,chua_dat,0,1,Chỉ tiêu 1\n"
	    "2024-Q1,nhom:xa,UBND cấp xã,xa,1,8,10,80.0000,>=,80,dat,1,1,Chỉ tiêu 1\n"
	    "2024-Q1,nhom:xa,UBND cấp xã,xa,2,0,0,,<=,4.5,khong_phat_sinh,0,0,Chỉ tiêu 2\n"
	    "2024-Q1,tinh,Toàn tỉnh,,1,80004,100010,79.9960,>=,80,chua_dat,1,2,Chỉ tiêu 1\n"
	    "2024-Q1,tinh,Toàn tỉnh,,2,0,0,,<=,4.5,khong_phat_sinh,0,0,Chỉ tiêu 2\n"
	    "2024-Q1,tinh,Toàn tỉnh,,3,,,,>=,20.25,chua_bao_cao,0,0,Chỉ tiêu 3\n");
	buf_release(&b);
	model_release(&m);
}

/* The window moves: the April row now counts and 1/1 > 4,5 % fails. */
static void test_ketqua_csv_window(void **state)
{
	Model m;
	S_small(&m);
	assert_int_equal(eval_run(&m, "2024-04"), 0);
	Buf b;
	buf_init(&b);
	ketqua_csv(&b, &m);
	assert_non_null(strstr(b.ptr, "\n2024-04,xa-1,\"UBND xã \"\"Một\"\"\",xa,2,1,1,100.0000,<=,4.5,chua_dat,,,Chỉ tiêu 2\n"));
	assert_non_null(strstr(b.ptr, "\n2024-04,tinh,Toàn tỉnh,,2,1,1,100.0000,<=,4.5,chua_dat,0,1,Chỉ tiêu 2\n"));
	buf_release(&b);
	model_release(&m);
}

/* Every row has the header's 14 fields (counting outside quotes). */
static void test_ketqua_csv_width(void **state)
{
	Model m;
	S_small(&m);
	assert_int_equal(eval_run(&m, NULL), 0);
	Buf b;
	buf_init(&b);
	ketqua_csv(&b, &m);
	int fields = 1, rows = 0, q = 0;
	for (const char *p = b.ptr; *p; p++) {
		if (*p == '"')
			q = !q;
		else if (!q && *p == ',')
			fields++;
		else if (!q && *p == '\n') {
			assert_int_equal(fields, 14);
			fields = 1;
			rows++;
		}
	}
	assert_int_equal(rows, 12);
	assert_int_equal(b.ptr[b.len - 1], '\n');
	buf_release(&b);
	model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ketqua_csv_golden),
	    cmocka_unit_test(test_ketqua_csv_window),
	    cmocka_unit_test(test_ketqua_csv_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
