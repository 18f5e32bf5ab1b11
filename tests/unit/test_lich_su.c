/* SPDX-License-Identifier: MIT */
/* Unit tests of lich_su (SPEC "History"): a small model's ket-qua.csv
 * written into a temporary output root as an earlier run would, then read
 * back against today's figures; and the words of the change against the
 * same period last year (fmt_cung_ky), and the name key (text_fold_ten). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "eval.h"
#include "fmt.h"
#include "ketqua.h"
#include "lich_su.h"
#include "model_fixture.h"
#include "model.h"
#include "out.h"
#include "text.h"
#include "xalloc.h"

static void S_group(Model *m, const char *ma, const char *ten)
{
	m->nhom = xrealloc(m->nhom, (m->n_nhom + 1) * sizeof *m->nhom);
	m->nhom[m->n_nhom] = (Nhom){xstrdup(ma), xstrdup(ten), (int)m->n_nhom + 1};
	m->n_nhom++;
}

/* Two communes, two targets; xa-1 reports a of 10 on target 1 each month
 * of year, xa-2 8 of 10; target 2 is 0 of 0 for both. */
static void S_model(Model *m, int year, const char *ten1, const char *ten2, int a)
{
	model_init(m);
	S_group(m, "xa", "UBND cấp xã");
	S_target(m, 1, SS_GE, 80, 0, 1);
	S_target(m, 2, SS_LE, 5, 0, 1);
	free(m->chi_tieu[0].ten);
	free(m->chi_tieu[1].ten);
	m->chi_tieu[0].ten = xstrdup(ten1);
	m->chi_tieu[1].ten = xstrdup(ten2);
	S_unit(m, "xa-1", "Xã Một", 0);
	S_unit(m, "xa-2", "Xã Hai", 0);
	model_build_index(m);
	for (int mo = 1; mo <= 12; mo++) {
		char ky[16];
		snprintf(ky, sizeof ky, "%d-%02d", year, mo);
		S_row(m, 0, 0, ky, a, 10);
		S_row(m, 1, 0, ky, 8, 10);
		S_row(m, 0, 1, ky, 0, 0);
		S_row(m, 1, 1, ky, 0, 0);
	}
}

/* root/<ky>/ket-qua.csv of m evaluated at ky. */
static void S_publish(Model *m, const char *root, const char *ky)
{
	assert_int_equal(eval_run(m, ky), 0);
	char *dir = xasprintf("%s/%s", root, ky);
	mkdir(dir, 0777);
	char *path = xasprintf("%s/ket-qua.csv", dir);
	char *err = NULL;
	assert_int_equal(ketqua_csv_file(m, path, &err), 0);
	free(path);
	free(dir);
}

static char *S_root(void)
{
	char tmpl[] = "/tmp/chitieu-lich-su.XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	return xstrdup(tmpl);
}

static void S_rm(char *root)
{
	out_rmtree(root);
	free(root);
}

static void test_lich_su_dieu_chinh(void **state)
{
	char *root = S_root();
	Model m;
	S_model(&m, 2024, "Một", "Hai", 8);
	S_publish(&m, root, "2024-Q1");
	/* February corrected: 8/10 -> 5/10 */
	for (size_t i = 0; i < m.n_so_lieu; i++)
		if (m.so_lieu[i].don_vi == 0 && m.so_lieu[i].chi_tieu == 0 && m.so_lieu[i].ky.n == 2)
			m.so_lieu[i].tu_so = 5;
	assert_int_equal(eval_run(&m, "2024-Q2"), 0);
	lich_su_run(&m, root);
	const LichSu *ls = &m.ls;
	assert_int_equal(ls->co_truoc, 1);
	assert_int_equal(ls->truoc.kind, 'Q');
	assert_int_equal(ls->truoc.n, 1);
	assert_int_equal(ls->n_dc, 1);
	assert_int_equal(ls->dc[0].don_vi, 0);
	assert_int_equal(ls->dc[0].chi_tieu, 0);
	assert_int_equal(ls->dc[0].cu.n, 24);
	assert_int_equal(ls->dc[0].cu.d, 30);
	assert_int_equal(ls->dc[0].cu.dg, DG_DAT);
	assert_int_equal(ls->dc[0].moi.n, 21);
	assert_int_equal(ls->dc[0].moi.dg, DG_CHUA_DAT);
	assert_int_equal(ls->n_dv_dc, 1);
	assert_true(ls->dv_dc[0] && !ls->dv_dc[1]);
	/* the group and the province moved too: 48/60 -> 45/60, met -> not */
	assert_int_equal(ls->n_dc_tong, 2);
	assert_int_equal(ls->dc_tong[0].nhom, 0);
	assert_int_equal(ls->dc_tong[1].nhom, -1);
	assert_int_equal(ls->dc_tong[1].moi.n, 45);
	assert_int_equal(ls->n_ct_tinh_doi, 1);
	Buf b;
	buf_init(&b);
	ketqua_dieu_chinh_csv(&b, &m);
	assert_string_equal(b.ptr, "ky_cu,ma,ten,chi_tieu,tu_so_cu,mau_so_cu,danh_gia_cu,tu_so_moi,"
	                           "mau_so_moi,danh_gia_moi\n"
	                           "2024-Q1,xa-1,Xã Một,1,24,30,dat,21,30,chua_dat\n");
	buf_reset(&b);
	fmt_dieu_chinh_cau(&b, &m);
	assert_string_equal(b.ptr, "So với báo cáo Quý I năm 2024, 1 đơn vị điều chỉnh số liệu; 1 chỉ "
	                           "tiêu của tỉnh đổi kết quả đánh giá.");
	buf_release(&b);
	model_release(&m);
	S_rm(root);
}

/* Nothing changed: no restatement; the latest earlier period is the one
 * compared (Q2, not Q1); a later period or another year never is. */
static void test_lich_su_khong_doi(void **state)
{
	char *root = S_root();
	Model m;
	S_model(&m, 2024, "Một", "Hai", 8);
	S_publish(&m, root, "2024-Q1");
	S_publish(&m, root, "2024-Q2");
	S_publish(&m, root, "2024-Q4");
	assert_int_equal(eval_run(&m, "2024-Q3"), 0);
	lich_su_run(&m, root);
	assert_int_equal(m.ls.co_truoc, 1);
	assert_int_equal(m.ls.truoc.n, 2);
	assert_int_equal(m.ls.n_dc, 0);
	assert_int_equal(m.ls.n_dc_tong, 0);
	assert_int_equal(m.ls.n_ky, 3);
	assert_int_equal(m.ls.co_cung_ky, 0);
	assert_int_equal(m.msgs.n_warning, 0);
	model_release(&m);
	S_rm(root);
}

static void S_write(const char *path, const char *text)
{
	char *err = NULL;
	assert_int_equal(out_write_file(path, text, strlen(text), &err), 0);
}

/* A published file that cannot be read: a warning with its line and
 * column, and nothing claimed. */
static void test_lich_su_hong(void **state)
{
	static const char *const bad[][2] = {
	    {"ky,ma\n2024-Q1,xa-1\n", ":1:"},                       /* columns missing */
	    {"ky,ma,chi_tieu,tu_so,mau_so,danh_gia\n2024-Q1,xa-1,1,2x,30,dat\n", ":2:4:"},
	    {"ky,ma,chi_tieu,tu_so,mau_so,danh_gia\n2024-Q2,xa-1,1,24,30,dat\n", ":2:1:"},
	    {"ky,ma,chi_tieu,tu_so,mau_so,danh_gia\n2024-Q1,xa-1,1,24,30,tot\n", ":2:6:"},
	    {"ky,ma,chi_tieu,tu_so,mau_so,danh_gia\n2024-Q1,xa-1,1,31,30,dat\n", ":2:4:"},
	    {"ky,ma,chi_tieu,tu_so,mau_so,danh_gia\n2024-Q1,xa-1,1,24,30,dat\n", ":2:"}, /* no tinh */
	    {"ky,ma,chi_tieu,tu_so,mau_so,danh_gia\n2024-Q1,tinh,1,24,30,dat", ":2:"},  /* cut */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *root = S_root();
		Model m;
		S_model(&m, 2024, "Một", "Hai", 8);
		char *dir = xasprintf("%s/2024-Q1", root);
		mkdir(dir, 0777);
		char *path = xasprintf("%s/ket-qua.csv", dir);
		S_write(path, bad[i][0]);
		assert_int_equal(eval_run(&m, "2024-Q2"), 0);
		int w0 = m.msgs.n_warning;
		lich_su_run(&m, root);
		assert_int_equal(m.ls.co_truoc, 0);
		assert_int_equal(m.ls.n_dc, 0);
		assert_int_equal(m.msgs.n_warning, w0 + 1);
		char *text = msg_format(&m.msgs.v[m.msgs.n - 1]);
		assert_non_null(strstr(text, path));
		assert_non_null(strstr(text, bad[i][1]));
		assert_non_null(strstr(text, "no restatement is claimed"));
		free(text);
		free(path);
		free(dir);
		model_release(&m);
		S_rm(root);
	}
}

/* The same period last year: targets by name (case and spaces folded),
 * a renamed one unmatched; units by ma. */
static void test_lich_su_cung_ky(void **state)
{
	char *root = S_root();
	Model old;
	S_model(&old, 2023, "tỷ lệ  MỘT", "Hai", 7);
	S_publish(&old, root, "2023-Q2");
	model_release(&old);
	Model m;
	S_model(&m, 2024, "Tỷ lệ một", "Hai (mới)", 8);
	assert_int_equal(eval_run(&m, "2024-Q2"), 0);
	lich_su_run(&m, root);
	const LichSu *ls = &m.ls;
	assert_int_equal(ls->co_truoc, 0);
	assert_int_equal(ls->co_cung_ky, 1);
	assert_int_equal(ls->cung_ky.year, 2023);
	assert_int_equal(ls->ck_tinh[0].co, 1);
	assert_int_equal(ls->ck_tinh[0].kq.n, 90);
	assert_int_equal(ls->ck_tinh[0].kq.d, 120);
	assert_int_equal(ls->ck_don_vi[0].co, 1);
	assert_int_equal(ls->ck_don_vi[0].kq.n, 42);
	assert_int_equal(ls->ck_tinh[1].co, 0);
	assert_int_equal(ls->ck_don_vi[1].co, 0);
	Buf b;
	buf_init(&b);
	/* 96/120 against 90/120: 5 points */
	fmt_cung_ky(&b, &m.kq_tinh[0], &ls->ck_tinh[0], &m.chi_tieu[0], 2023);
	assert_string_equal(b.ptr, "tăng 5,00 điểm % so với cùng kỳ năm 2023");
	buf_reset(&b);
	fmt_cung_ky(&b, &m.kq_tinh[1], &ls->ck_tinh[1], &m.chi_tieu[1], 2023);
	assert_string_equal(b.ptr, "chưa có số liệu cùng kỳ");
	buf_release(&b);
	model_release(&m);
	S_rm(root);
}

static void S_ck(int64_t n1, int64_t d1, int64_t n0, int64_t d0, const char *want, const char *gon)
{
	KetQua now = {n1, d1, d1 ? DG_DAT : DG_KHONG_PHAT_SINH, 0, 0};
	KetQuaCu then = {1, {n0, d0, d0 ? DG_DAT : DG_KHONG_PHAT_SINH, 0, 0}};
	Buf b;
	buf_init(&b);
	fmt_cung_ky(&b, &now, &then, NULL, 2023);
	assert_string_equal(b.ptr, want);
	buf_reset(&b);
	int rc = fmt_cung_ky_gon(&b, &now, &then);
	assert_int_equal(rc, gon ? 0 : -1);
	if (gon)
		assert_string_equal(b.ptr, gon);
	buf_release(&b);
}

/* Exact, toward zero: 2/3 − 1/3 is 33,333… points, never 33,34. */
static void test_fmt_cung_ky(void **state)
{
	S_ck(150, 180, 144, 180, "tăng 3,33 điểm % so với cùng kỳ năm 2023", "▲\u00a03,33");
	S_ck(1, 3, 2, 3, "giảm 33,33 điểm % so với cùng kỳ năm 2023", "▼\u00a033,33");
	S_ck(2, 3, 1, 3, "tăng 33,33 điểm % so với cùng kỳ năm 2023", "▲\u00a033,33");
	S_ck(4, 5, 8, 10, "không đổi so với cùng kỳ năm 2023", "=\u00a00,00");
	S_ck(1000001, 1000000 * 10, 1, 10, "tăng dưới 0,01 điểm % so với cùng kỳ năm 2023", "▲\u00a0<0,01");
	S_ck(0, 0, 1, 10, "cùng kỳ năm 2023: 10,00%", NULL);
	S_ck(1, 10, 0, 0, "chưa có số liệu cùng kỳ", NULL);
	Buf b;
	buf_init(&b);
	KetQua now = {1, 2, DG_CHUA_DAT, 0, 0};
	KetQuaCu none = {0, {0, 0, DG_CHUA_BAO_CAO, 0, 0}};
	fmt_cung_ky(&b, &now, &none, NULL, 2023);
	assert_string_equal(b.ptr, "chưa có số liệu cùng kỳ");
	buf_reset(&b);
	fmt_cung_ky(&b, &now, NULL, NULL, 2023);
	assert_string_equal(b.ptr, "chưa có số liệu cùng kỳ");
	buf_release(&b);
}

static void S_fold(const char *s, const char *want)
{
	char *f = text_fold_ten(s);
	assert_string_equal(f, want);
	free(f);
}

static void test_text_fold_ten(void **state)
{
	S_fold("  TỶ LỆ   hồ sơ\tTRỰC TUYẾN ", "tỷ lệ hồ sơ trực tuyến");
	/* NFD in, NFC out */
	S_fold("Ty\xcc\x89 le\xcc\xa3\xcc\x82", "tỷ lệ");
	S_fold("Tỉ lệ", "tỉ lệ"); /* diacritics kept: another name */
	S_fold("ĐƠN VỊ", "đơn vị");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lich_su_dieu_chinh), cmocka_unit_test(test_lich_su_khong_doi),
	    cmocka_unit_test(test_lich_su_hong),       cmocka_unit_test(test_lich_su_cung_ky),
	    cmocka_unit_test(test_fmt_cung_ky),        cmocka_unit_test(test_text_fold_ten),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
