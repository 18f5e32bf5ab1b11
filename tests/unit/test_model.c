/* SPDX-License-Identifier: MIT */
/* Unit tests of the model's small pieces: periods, lookups, buffers,
 * diagnostics formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "model.h"
#include "msg.h"
#include "xalloc.h"

static void test_model_ky_parse(void **state)
{
	Ky k;
	assert_int_equal(ky_parse("2024-05", &k), 0);
	assert_int_equal(k.year, 2024);
	assert_int_equal(k.kind, 'M');
	assert_int_equal(k.n, 5);
	assert_int_equal(ky_parse("2024-Q2", &k), 0);
	assert_int_equal(k.kind, 'Q');
	assert_int_equal(ky_first_month(k), 4);
	assert_int_equal(ky_last_month(k), 6);
	assert_int_equal(ky_parse("2024-q4", &k), 0);
	assert_int_equal(ky_last_month(k), 12);
	assert_int_equal(ky_parse("2024-13", &k), -1);
	assert_int_equal(ky_parse("2024-00", &k), -1);
	assert_int_equal(ky_parse("2024-Q5", &k), -1);
	assert_int_equal(ky_parse("2024-5", &k), -1);
	assert_int_equal(ky_parse("24-05", &k), -1);
	assert_int_equal(ky_parse("2024-05x", &k), -1);
	assert_int_equal(ky_parse("", &k), -1);
	char out[16];
	ky_format((Ky){2024, 'Q', 3}, out);
	assert_string_equal(out, "2024-Q3");
	ky_format((Ky){2024, 'M', 7}, out);
	assert_string_equal(out, "2024-07");
}

static void test_model_ky_cmp(void **state)
{
	/* May ends before Q2; Q2 and June end together: the month sorts first. */
	assert_true(ky_cmp((Ky){2024, 'M', 5}, (Ky){2024, 'Q', 2}) < 0);
	assert_true(ky_cmp((Ky){2024, 'M', 6}, (Ky){2024, 'Q', 2}) < 0);
	assert_true(ky_cmp((Ky){2024, 'Q', 2}, (Ky){2024, 'M', 7}) < 0);
	assert_true(ky_cmp((Ky){2023, 'Q', 4}, (Ky){2024, 'M', 1}) < 0);
	assert_int_equal(ky_cmp((Ky){2024, 'Q', 1}, (Ky){2024, 'Q', 1}), 0);
}

static void S_add_unit(Model *m, const char *ma, int nhom)
{
	m->don_vi = xrealloc(m->don_vi, (m->n_don_vi + 1) * sizeof *m->don_vi);
	m->don_vi[m->n_don_vi++] = (DonVi){xstrdup(ma), xstrdup(ma), nhom, -1, 0};
}

static void S_add_named(Model *m, const char *ma, const char *ten, int thuoc)
{
	m->don_vi = xrealloc(m->don_vi, (m->n_don_vi + 1) * sizeof *m->don_vi);
	m->don_vi[m->n_don_vi++] = (DonVi){xstrdup(ma), xstrdup(ten), 0, thuoc, 0, NULL};
}

/* Same-named units read apart by their parent; unique names stay bare;
 * a clash the parent cannot settle falls back to the code. */
static void test_model_ten_don_vi_disambiguates(void **state)
{
	Model m;
	model_init(&m);
	S_add_named(&m, "h-a", "UBND huyện Tiền Hải", -1);
	S_add_named(&m, "h-b", "UBND huyện Kiến Xương", -1);
	S_add_named(&m, "x-1", "UBND xã Đông Quang", 0);
	S_add_named(&m, "x-2", "UBND XÃ ĐÔNG QUANG", 1); /* case folded alike */
	S_add_named(&m, "x-3", "UBND xã Tân Dân", 0);
	S_add_named(&m, "x-4", "UBND xã Hòa Bình", 1);
	S_add_named(&m, "x-5", "UBND xã Hòa Bình", 1);
	S_add_named(&m, "x-6", "UBND xã Tân Lập", -1);
	S_add_named(&m, "x-7", "UBND xã Tân Lập", -1);
	assert_string_equal(model_ten_don_vi(&m, 2), "UBND xã Đông Quang");
	model_set_ten_hien(&m);
	assert_string_equal(model_ten_don_vi(&m, 0), "UBND huyện Tiền Hải");
	assert_string_equal(model_ten_don_vi(&m, 2), "UBND xã Đông Quang (huyện Tiền Hải)");
	assert_string_equal(model_ten_don_vi(&m, 3), "UBND XÃ ĐÔNG QUANG (huyện Kiến Xương)");
	assert_string_equal(model_ten_don_vi(&m, 4), "UBND xã Tân Dân");
	assert_string_equal(model_ten_don_vi(&m, 5), "UBND xã Hòa Bình (huyện Kiến Xương, mã x-4)");
	assert_string_equal(model_ten_don_vi(&m, 6), "UBND xã Hòa Bình (huyện Kiến Xương, mã x-5)");
	assert_string_equal(model_ten_don_vi(&m, 7), "UBND xã Tân Lập (mã x-6)");
	assert_string_equal(model_ten_don_vi(&m, 8), "UBND xã Tân Lập (mã x-7)");
	model_set_ten_hien(&m); /* idempotent, no leak */
	assert_string_equal(model_ten_don_vi(&m, 2), "UBND xã Đông Quang (huyện Tiền Hải)");
	model_release(&m);
}

static void test_model_index(void **state)
{
	Model m;
	model_init(&m);
	m.nhom = xcalloc(2, sizeof *m.nhom);
	m.nhom[0] = (Nhom){xstrdup("xa"), xstrdup("UBND cấp xã"), 3};
	m.nhom[1] = (Nhom){xstrdup("so"), xstrdup("Sở"), 1};
	m.n_nhom = 2;
	S_add_unit(&m, "xa-b", 0);
	S_add_unit(&m, "so-a", 1);
	S_add_unit(&m, "xa-a", 0);
	m.chi_tieu = xcalloc(2, sizeof *m.chi_tieu);
	m.n_chi_tieu = 2;
	m.chi_tieu[0].stt = 7;
	m.chi_tieu[0].ap_dung = xcalloc(2, 1);
	m.chi_tieu[0].ap_dung[0] = 1; /* xa only */
	m.chi_tieu[1].stt = 2;
	m.chi_tieu[1].ap_dung = xcalloc(2, 1);
	m.chi_tieu[1].ap_dung[1] = 1; /* so only */
	model_build_index(&m);

	/* Groups now in thu_tu order, with every reference remapped. */
	assert_string_equal(m.nhom[0].ma, "so");
	assert_string_equal(m.nhom[1].ma, "xa");
	assert_int_equal(m.don_vi[0].nhom, 1);
	assert_int_equal(m.don_vi[1].nhom, 0);
	assert_int_equal(m.chi_tieu[0].stt, 2);
	assert_int_equal(m.chi_tieu[1].stt, 7);
	assert_true(model_applies(&m, 1, 0));  /* so-a, stt 2 */
	assert_false(model_applies(&m, 0, 0)); /* xa-b, stt 2 */
	assert_true(model_applies(&m, 0, 1));  /* xa-b, stt 7 */

	assert_int_equal(model_find_don_vi(&m, "xa-a"), 2);
	assert_int_equal(model_find_don_vi(&m, "so-a"), 1);
	assert_int_equal(model_find_don_vi(&m, "xa-c"), -1);
	assert_int_equal(model_find_nhom(&m, "xa"), 1);
	assert_int_equal(model_find_nhom(&m, "huyen"), -1);
	assert_int_equal(model_find_chi_tieu(&m, 7), 1);
	assert_int_equal(model_find_chi_tieu(&m, 3), -1);
	assert_string_equal(model_conf(&m, "co_quan"), "");
	model_release(&m);
}

static void test_model_buf(void **state)
{
	Buf b;
	buf_init(&b);
	assert_string_equal(b.ptr, "");
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i % 10);
	assert_int_equal(b.len, 2000);
	buf_truncate(&b, 4);
	assert_string_equal(b.ptr, "0,1,");
	size_t len;
	char *s = buf_detach(&b, &len);
	assert_int_equal(len, 4);
	assert_string_equal(b.ptr, "");
	free(s);
	buf_release(&b);
}

static void test_model_msg_format(void **state)
{
	Msgs ms;
	msgs_init(&ms);
	msg_error(&ms, "so-lieu/xa-a.csv", 14, 3, "'%s' is not a whole number", "1,5");
	msg_warn(&ms, "don-vi.csv", 0, 0, "no data");
	char *a = msg_format(&ms.v[0]), *b = msg_format(&ms.v[1]);
	assert_string_equal(a, "so-lieu/xa-a.csv:14:3: error: '1,5' is not a whole number");
	assert_string_equal(b, "don-vi.csv: warning: no data");
	assert_int_equal(ms.n_error, 1);
	assert_int_equal(ms.n_warning, 1);
	free(a);
	free(b);
	msgs_release(&ms);
}

/* A unit's year-to-date figures at each period's end: the quarters'
 * ends, then the window's own end; months summed into their period; a
 * period with no figure of its own is marked (co 0) with the sums so far,
 * never taken for a zero. */
static void test_model_luy_ke_ky(void **state)
{
	(void)state;
	Model m;
	model_init(&m);
	m.n_don_vi = 1;
	m.n_chi_tieu = 1;
	m.xh_don_vi = xcalloc(MAX_BUOC, sizeof(Diem));
	CuaSo *w = &m.cua_so;
	/* months January to August: Quý I, 6 tháng, 8 tháng; nothing in
	 * April to June */
	w->year = 2024;
	w->last_month = 8;
	w->n_buoc = 8;
	for (int i = 0; i < 8; i++)
		w->buoc[i] = (Ky){2024, 'M', i + 1};
	Diem *x = m.xh_don_vi;
	x[0] = (Diem){.n = 1, .d = 2, .co = 1};
	x[2] = (Diem){.n = 3, .d = 4, .co = 1};
	x[7] = (Diem){.n = 5, .d = 10, .co = 1};
	DiemKy k[MAX_KY];
	assert_int_equal(model_luy_ke_ky(&m, 0, 0, k), 3);
	assert_int_equal(k[0].thang, 3);
	assert_int_equal(k[1].thang, 6);
	assert_int_equal(k[2].thang, 8);
	assert_true(k[0].co && k[0].n == 4 && k[0].d == 6);
	assert_true(!k[1].co && k[1].n == 4 && k[1].d == 6);
	assert_true(k[2].co && k[2].n == 9 && k[2].d == 16);
	/* quarters, the last one cut short by a window ending in May */
	w->last_month = 5;
	w->n_buoc = 2;
	w->buoc[0] = (Ky){2024, 'Q', 1};
	w->buoc[1] = (Ky){2024, 'Q', 2};
	x[0] = (Diem){.n = 7, .d = 7, .co = 1};
	x[1] = (Diem){.n = 0, .d = 0, .co = 1};
	assert_int_equal(model_luy_ke_ky(&m, 0, 0, k), 2);
	assert_int_equal(k[1].thang, 5);
	assert_true(k[0].co && k[0].n == 7 && k[0].d == 7);
	assert_true(k[1].co && k[1].n == 7 && k[1].d == 7);
	/* no trend series (--check): nothing */
	free(m.xh_don_vi);
	m.xh_don_vi = NULL;
	assert_int_equal(model_luy_ke_ky(&m, 0, 0, k), 0);
	m.n_don_vi = m.n_chi_tieu = 0; /* no registry to free */
	model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_model_ky_parse), cmocka_unit_test(test_model_ky_cmp),
	    cmocka_unit_test(test_model_index),    cmocka_unit_test(test_model_buf),
	    cmocka_unit_test(test_model_msg_format),
	    cmocka_unit_test(test_model_ten_don_vi_disambiguates),
	    cmocka_unit_test(test_model_luy_ke_ky),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
