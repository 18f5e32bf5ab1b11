/* SPDX-License-Identifier: MIT */
/* Unit tests of the deadline tasks: the working days, the judging at the
 * end of the window, han.csv and the scorecard line (the civil calendar
 * and the date parser are test_date.c's).  The holidays are Vietnam's 2024 ones, built in each
 * test so every expectation can be checked against a wall calendar. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "date.h"
#include "han.h"
#include "han_doc.h"
#include "trang_han.h"
#include "xuat.h"
#include "ketqua.h"
#include "model.h"
#include "xalloc.h"

/* han.html's Markdown, as the site writes it. */
static void S_trang_han(Buf *out, const Model *m)
{
	DocWriter *w = xuat_md_writer(out, "charts/");
	trang_han(w, m);
	xuat_md_writer_free(w);
}

static int D(int y, int mo, int d)
{
	int day = date_day(y, mo, d);
	assert_true(day >= 0);
	return day;
}

static void S_them(HanData *h, int day, int lam_bu)
{
	h->nghi = xrealloc(h->nghi, (h->n_nghi + 1) * sizeof *h->nghi);
	size_t i = h->n_nghi++;
	while (i > 0 && h->nghi[i - 1].ngay > day) {
		h->nghi[i] = h->nghi[i - 1];
		i--;
	}
	h->nghi[i] = (NgayNghi){.ngay = day, .lam_bu = lam_bu, .ten = xstrdup("")};
}

/* Tết 2024 (08-14/02, make-up Saturday 17/02), 30/4-1/5 2024 (29/04
 * bridged, made up on Saturday 04/05), National Day 2024 (02-03/09). */
static void S_lich_2024(HanData *h)
{
	han_init(h);
	S_them(h, D(2024, 2, 8), 0);
	S_them(h, D(2024, 2, 9), 0);
	S_them(h, D(2024, 2, 12), 0);
	S_them(h, D(2024, 2, 13), 0);
	S_them(h, D(2024, 2, 14), 0);
	S_them(h, D(2024, 2, 17), 1);
	S_them(h, D(2024, 4, 29), 0);
	S_them(h, D(2024, 4, 30), 0);
	S_them(h, D(2024, 5, 1), 0);
	S_them(h, D(2024, 5, 4), 1);
	S_them(h, D(2024, 9, 2), 0);
	S_them(h, D(2024, 9, 3), 0);
}

static void test_han_working_days(void **state)
{
	HanData h;
	S_lich_2024(&h);
	assert_true(han_lam_viec(&h, D(2024, 2, 7)));
	assert_false(han_lam_viec(&h, D(2024, 2, 8)));   /* Tết */
	assert_false(han_lam_viec(&h, D(2024, 2, 10)));  /* Saturday */
	assert_true(han_lam_viec(&h, D(2024, 2, 17)));   /* make-up Saturday */
	assert_false(han_lam_viec(&h, D(2024, 2, 18)));  /* Sunday */
	assert_true(han_lam_viec(&h, D(2024, 2, 19)));
	han_release(&h);
}

/* A decision on the day before Tết: the holiday week does not count,
 * the make-up Saturday does. */
static void test_han_deadline_before_tet(void **state)
{
	HanData h;
	S_lich_2024(&h);
	int q = D(2024, 2, 7);
	assert_int_equal(han_sau(&h, q, 1), D(2024, 2, 15));
	assert_int_equal(han_sau(&h, q, 3), D(2024, 2, 17));
	assert_int_equal(han_sau(&h, q, 5), D(2024, 2, 20));
	assert_int_equal(han_sau(&h, q, 10), D(2024, 2, 27));
	/* Without the calendar it would be the 14th: the holidays matter. */
	HanData none;
	han_init(&none);
	assert_int_equal(han_sau(&none, q, 5), D(2024, 2, 14));
	han_release(&h);
}

/* A decision on the Friday before the bridged 30/4-1/5 holiday, with the
 * make-up Saturday 04/05. */
static void test_han_deadline_bridge_friday(void **state)
{
	HanData h;
	S_lich_2024(&h);
	int q = D(2024, 4, 26);
	assert_int_equal(han_sau(&h, q, 1), D(2024, 5, 2));
	assert_int_equal(han_sau(&h, q, 3), D(2024, 5, 4));
	assert_int_equal(han_sau(&h, q, 5), D(2024, 5, 7));
	assert_int_equal(han_sau(&h, q, 10), D(2024, 5, 14));
	han_release(&h);
}

/* The decision's own day never counts, working day or not: Friday,
 * Saturday and Sunday decisions share Monday as their first day. */
static void test_han_deadline_sunday_decision(void **state)
{
	HanData h;
	S_lich_2024(&h);
	assert_int_equal(han_sau(&h, D(2024, 6, 9), 5), D(2024, 6, 14));
	assert_int_equal(han_sau(&h, D(2024, 6, 8), 5), D(2024, 6, 14));
	assert_int_equal(han_sau(&h, D(2024, 6, 7), 5), D(2024, 6, 14));
	assert_int_equal(han_sau(&h, D(2024, 6, 10), 5), D(2024, 6, 17));
	han_release(&h);
}

static void test_han_deadline_leap_day(void **state)
{
	HanData h;
	S_lich_2024(&h);
	assert_int_equal(han_sau(&h, D(2024, 2, 29), 5), D(2024, 3, 7));
	assert_int_equal(han_sau(&h, D(2024, 2, 27), 2), D(2024, 2, 29));
	assert_int_equal(han_sau(&h, D(2023, 2, 28), 5), D(2023, 3, 7));
	han_release(&h);
}

/* Days late: on the deadline 0; a weekend or holiday after it counts as
 * the next working day. */
static void test_han_days_late(void **state)
{
	HanData h;
	S_lich_2024(&h);
	int han = D(2024, 6, 14); /* a Friday */
	assert_int_equal(han_so_ngay_tre(&h, han, D(2024, 6, 10)), 0);
	assert_int_equal(han_so_ngay_tre(&h, han, han), 0);
	assert_int_equal(han_so_ngay_tre(&h, han, D(2024, 6, 15)), 1); /* Saturday */
	assert_int_equal(han_so_ngay_tre(&h, han, D(2024, 6, 16)), 1); /* Sunday */
	assert_int_equal(han_so_ngay_tre(&h, han, D(2024, 6, 17)), 1); /* Monday */
	assert_int_equal(han_so_ngay_tre(&h, han, D(2024, 6, 18)), 2);
	/* Deadline Friday 26/04 before the bridged holiday. */
	han = D(2024, 4, 26);
	assert_int_equal(han_so_ngay_tre(&h, han, D(2024, 4, 29)), 1); /* bridged Monday */
	assert_int_equal(han_so_ngay_tre(&h, han, D(2024, 4, 30)), 1); /* holiday */
	assert_int_equal(han_so_ngay_tre(&h, han, D(2024, 5, 2)), 1);
	assert_int_equal(han_so_ngay_tre(&h, han, D(2024, 5, 4)), 3);  /* make-up Saturday */
	assert_int_equal(han_so_ngay_tre(&h, han, D(2024, 5, 5)), 4);  /* Sunday after it */
	/* A milestone due on a Sunday (30/06/2024), done on Monday. */
	assert_int_equal(han_so_ngay_tre(&h, D(2024, 6, 30), D(2024, 7, 1)), 1);
	/* The definition: the least k with p <= the k-th working day after. */
	han = D(2024, 2, 7);
	for (int p = han + 1; p < han + 60; p++) {
		int k = han_so_ngay_tre(&h, han, p);
		assert_true(k >= 1);
		assert_true(p <= han_sau(&h, han, k));
		if (k > 1)
			assert_true(p > han_sau(&h, han, k - 1));
	}
	han_release(&h);
}

/* A model with two units, three decisions and a milestone, judged at the
 * end of 2024-Q2 (Sunday 30/06/2024). */
static void S_model(Model *m)
{
	model_init(m);
	m->n_don_vi = 2;
	m->don_vi = xcalloc(2, sizeof *m->don_vi);
	m->don_vi[0] = (DonVi){.ma = xstrdup("so-tu-phap"), .ten = xstrdup("Sở Tư pháp"), .thuoc = -1};
	m->don_vi[1] = (DonVi){.ma = xstrdup("so-y-te"), .ten = xstrdup("Sở Y tế"), .thuoc = -1};
	han_release(&m->han);
	S_lich_2024(&m->han);
	m->han.co = 1;
	HanData *h = &m->han;
	h->n_cong_bo = 3;
	h->cong_bo = xcalloc(3, sizeof *h->cong_bo);
	/* Before Tết: list on time on its deadline, process 3 days late. */
	h->cong_bo[0] = (CongBo){xstrdup("123/QĐ-BTP"), D(2024, 2, 7), xstrdup("Bộ Tư pháp"), 0,
	                         D(2024, 2, 20), D(2024, 3, 1), NULL, 2};
	/* Not published: the list overdue at 30/06, the process too. */
	h->cong_bo[1] = (CongBo){xstrdup("45/QĐ-BYT, \"sửa đổi\""), D(2024, 6, 7), xstrdup(""), 1,
	                         -1, -1, NULL, 3};
	/* Decided at the end of June: not yet due; a publication dated in
	 * July is not known at 30/06. */
	h->cong_bo[2] = (CongBo){xstrdup("9/QĐ-BYT"), D(2024, 6, 28), xstrdup(""), 1,
	                         D(2024, 7, 2), -1, NULL, 4};
	h->n_moc = 1;
	h->moc = xcalloc(1, sizeof *h->moc);
	h->moc[0] = (Moc){xstrdup("noi-bo"), xstrdup("Công bố bổ sung danh mục TTHC nội bộ"),
	                  D(2024, 6, 30), 0, D(2024, 6, 25), NULL, 2};
	m->cua_so.year = 2024;
	m->cua_so.last_month = 6;
}

static void test_han_eval_states(void **state)
{
	Model m;
	S_model(&m);
	han_eval(&m);
	const HanData *h = &m.han;
	assert_int_equal(h->ngay_xet, D(2024, 6, 30));
	assert_int_equal(h->n_kq, 7);
	assert_int_equal(h->kq[0].han, D(2024, 2, 20));
	assert_int_equal(h->kq[0].trang_thai, TT_DUNG_HAN);
	assert_int_equal(h->kq[1].han, D(2024, 2, 27));
	assert_int_equal(h->kq[1].trang_thai, TT_TRE_HAN);
	assert_int_equal(h->kq[1].so_ngay_tre, 3); /* 28, 29/02, 01/03 */
	/* 07/06 + 5 = 14/06; overdue through Sunday 30/06: 10 working days
	 * (17..28/06) and the Sunday counts as the next working day. */
	assert_int_equal(h->kq[2].han, D(2024, 6, 14));
	assert_int_equal(h->kq[2].trang_thai, TT_QUA_HAN);
	assert_int_equal(h->kq[2].so_ngay_tre, 11);
	assert_int_equal(h->kq[3].han, D(2024, 6, 21));
	assert_int_equal(h->kq[3].so_ngay_tre, 6);
	assert_int_equal(h->kq[4].trang_thai, TT_CHUA_DEN_HAN);
	assert_int_equal(h->kq[4].ngay_cong_bo, -1);
	assert_int_equal(h->kq[4].so_ngay_tre, 0);
	assert_int_equal(h->kq[6].trang_thai, TT_DUNG_HAN);
	assert_string_equal(h->kq[6].buoc, "noi-bo");

	/* The same data judged at the end of July: the July publication
	 * now counts (due 05/07, published 02/07). */
	m.cua_so.last_month = 7;
	han_eval(&m);
	assert_int_equal(h->kq[4].trang_thai, TT_DUNG_HAN);
	assert_int_equal(h->kq[4].ngay_cong_bo, D(2024, 7, 2));
	assert_int_equal(h->kq[5].trang_thai, TT_QUA_HAN);
	model_release(&m);
}

static void test_han_csv(void **state)
{
	Model m;
	S_model(&m);
	han_eval(&m);
	Buf b;
	buf_init(&b);
	ketqua_han_csv(&b, &m);
	assert_string_equal(b.ptr,
	    "so_quyet_dinh,don_vi,buoc,han,ngay_cong_bo,trang_thai,so_ngay_tre\n"
	    "123/QĐ-BTP,so-tu-phap,danh_muc,2024-02-20,2024-02-20,dung_han,0\n"
	    "123/QĐ-BTP,so-tu-phap,quy_trinh,2024-02-27,2024-03-01,tre_han,3\n"
	    "\"45/QĐ-BYT, \"\"sửa đổi\"\"\",so-y-te,danh_muc,2024-06-14,,qua_han,11\n"
	    "\"45/QĐ-BYT, \"\"sửa đổi\"\"\",so-y-te,quy_trinh,2024-06-21,,qua_han,6\n"
	    "9/QĐ-BYT,so-y-te,danh_muc,2024-07-05,,chua_den_han,0\n"
	    "9/QĐ-BYT,so-y-te,quy_trinh,2024-07-12,,chua_den_han,0\n"
	    ",so-tu-phap,noi-bo,2024-06-30,2024-06-25,dung_han,0\n");
	buf_release(&b);
	model_release(&m);
}

static void test_han_summary_and_scorecard(void **state)
{
	Model m;
	S_model(&m);
	han_eval(&m);
	HanTomTat t;
	han_tom_tat(&m, 1, &t);
	assert_int_equal(t.danh_muc.tong, 2);
	assert_int_equal(t.danh_muc.qua_han, 1);
	assert_int_equal(t.danh_muc.qua_max, 11);
	assert_int_equal(t.danh_muc.chua_den_han, 1);
	assert_int_equal(t.moc.tong, 0);
	han_tom_tat(&m, -1, &t);
	assert_int_equal(t.danh_muc.tong, 3);
	assert_int_equal(t.quy_trinh.tre_han, 1);
	assert_int_equal(t.quy_trinh.tre_max, 3);
	assert_int_equal(t.moc.dung_han, 1);

	Buf b;
	buf_init(&b);
	han_dong_the_diem(&b, &m, 1);
	assert_string_equal(b.ptr,
	    "Công bố danh mục: 0/2 đúng hạn; 1 quá hạn 11 ngày làm việc; 1 chưa đến hạn\n"
	    "Công bố quy trình nội bộ: 0/2 đúng hạn; 1 quá hạn 6 ngày làm việc; 1 chưa đến hạn\n");
	buf_reset(&b);
	han_dong_the_diem(&b, &m, 0);
	assert_string_equal(b.ptr,
	    "Công bố danh mục: 1/1 đúng hạn\n"
	    "Công bố quy trình nội bộ: 0/1 đúng hạn; 1 trễ hạn 3 ngày làm việc\n"
	    "Mốc thời gian: 1/1 đúng hạn\n");
	buf_reset(&b);
	S_trang_han(&b, &m);
	assert_non_null(strstr(b.ptr, "## Tình hình công bố TTHC\n"));
	assert_non_null(strstr(b.ptr, "Tính đến ngày 30/06/2024"));
	assert_non_null(strstr(b.ptr, "| Sở Y tế | Danh mục TTHC | 2 | 0 | 0 | 1 | 1 | 11 |\n"));
	assert_non_null(strstr(b.ptr, "| **Toàn tỉnh** | Quy trình nội bộ | 3 | 0 | 1 | 1 | 1 | 6 |\n"));
	/* The worst delay comes first in the list of late steps. */
	char *a = strstr(b.ptr, "| Quá hạn | 11 |"), *c = strstr(b.ptr, "| Trễ hạn | 3 |");
	assert_non_null(a);
	assert_non_null(c);
	assert_true(a < c);
	assert_non_null(strstr(b.ptr, "### Các mốc thời gian"));
	assert_non_null(strstr(b.ptr, "| Công bố bổ sung danh mục TTHC nội bộ | 30/06/2024 | 1 | 1 | 0 | 0 | 0 |  |\n"));
	assert_non_null(strstr(b.ptr, "| Công bố bổ sung danh mục TTHC nội bộ | Sở Tư pháp | 30/06/2024 | 25/06/2024 | Đúng hạn |  |\n"));
	buf_release(&b);
	model_release(&m);
}

/* The report lists the 30 worst delays and says how many there are. */
static void test_han_trang_worst_delays(void **state)
{
	Model m;
	S_model(&m);
	HanData *h = &m.han;
	for (size_t i = 0; i < h->n_cong_bo; i++) {
		free(h->cong_bo[i].so_quyet_dinh);
		free(h->cong_bo[i].co_quan);
	}
	h->n_cong_bo = 35;
	h->cong_bo = xrealloc(h->cong_bo, 35 * sizeof *h->cong_bo);
	for (int i = 0; i < 35; i++)
		h->cong_bo[i] = (CongBo){xasprintf("%d/QĐ", i + 1), D(2024, 3, 1) + i, xstrdup(""),
		                         0, -1, D(2024, 3, 1) + i, NULL, i + 2};
	han_eval(&m);
	Buf b;
	buf_init(&b);
	S_trang_han(&b, &m);
	assert_non_null(strstr(b.ptr, "Các bước trễ hạn, quá hạn: 35; 30 bước chậm nhất"));
	/* The earliest decisions are the most overdue; the last five are cut. */
	assert_non_null(strstr(b.ptr, "| 1/QĐ |"));
	assert_non_null(strstr(b.ptr, "| 30/QĐ |"));
	assert_null(strstr(b.ptr, "| 31/QĐ |"));
	assert_null(strstr(b.ptr, "| 35/QĐ |"));
	buf_release(&b);
	model_release(&m);
}

/* --- Reading (tests/data/han/) ---------------------------------------- */

static char *S_doc_tep(const char *path)
{
	Buf b;
	buf_init(&b);
	assert_int_equal(buf_read_file(&b, path), 0);
	return buf_detach(&b, NULL);
}

/* Units so-a and so-b, and the conf lines given as key, value, line. */
static void S_model_doc(Model *m, const char *const *conf, size_t n_conf)
{
	model_init(m);
	m->n_don_vi = 2;
	m->don_vi = xcalloc(2, sizeof *m->don_vi);
	m->don_vi[0] = (DonVi){.ma = xstrdup("so-a"), .ten = xstrdup("Sở A"), .thuoc = -1};
	m->don_vi[1] = (DonVi){.ma = xstrdup("so-b"), .ten = xstrdup("Sở B"), .thuoc = -1};
	model_build_index(m);
	m->n_conf = n_conf;
	m->conf = xcalloc(n_conf + 1, sizeof *m->conf);
	for (size_t i = 0; i < n_conf; i++)
		m->conf[i] = (ConfEntry){xstrdup(conf[3 * i]), xstrdup(conf[3 * i + 1]),
		                         atoi(conf[3 * i + 2])};
}

static void S_golden(Model *m, int month, const char *path)
{
	m->cua_so.year = 2024;
	m->cua_so.last_month = month;
	han_eval(m);
	Buf b;
	buf_init(&b);
	ketqua_han_csv(&b, m);
	char *want = S_doc_tep(path);
	assert_string_equal(b.ptr, want);
	free(want);
	buf_release(&b);
}

static void test_han_read_fixture(void **state)
{
	static const char *const conf[] = {"han_danh_muc", "5", "2", "han_quy_trinh", "10", "3"};
	Model m;
	S_model_doc(&m, conf, 2);
	int rc = han_read(&m, "tests/data/han/ok");
	for (size_t i = 0; i < m.msgs.n; i++) {
		char *s = msg_format(&m.msgs.v[i]);
		print_message("%s\n", s);
		free(s);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(m.msgs.n, 0);
	assert_int_equal(m.han.co, 1);
	assert_int_equal(m.han.n_nghi, 10);
	assert_int_equal(m.han.n_cong_bo, 5);
	assert_int_equal(m.han.n_moc, 3);
	assert_string_equal(m.han.cong_bo[0].ghi_chu, "trước Tết, \"quy trình\" trễ");
	assert_string_equal(m.han.cong_bo[0].co_quan, "Bộ Tư pháp");
	assert_null(m.han.cong_bo[1].ghi_chu);
	assert_int_equal(m.han.cong_bo[1].ngay_cong_bo_quy_trinh, -1);
	assert_int_equal(m.han.cong_bo[3].line, 5);
	assert_true(m.han.nghi[5].lam_bu); /* "Làm bù" 17/02 */
	assert_int_equal(m.han.nghi[5].ngay, D(2024, 2, 17));
	S_golden(&m, 6, "tests/data/han/ok/han-2024-Q2.csv");
	S_golden(&m, 7, "tests/data/han/ok/han-2024-07.csv");
	model_release(&m);
}

static void test_han_read_limits(void **state)
{
	static const char *const conf[] = {"han_danh_muc", "3", "2", "han_quy_trinh", "7", "3"};
	Model m;
	S_model_doc(&m, conf, 2);
	assert_int_equal(han_read(&m, "tests/data/han/ok"), 0);
	assert_int_equal(m.han.han_danh_muc, 3);
	assert_int_equal(m.han.han_quy_trinh, 7);
	m.cua_so.year = 2024;
	m.cua_so.last_month = 6;
	han_eval(&m);
	/* 07/02 + 3 working days across Tết: 15, 16, Saturday 17/02. */
	assert_int_equal(m.han.kq[0].han, D(2024, 2, 17));
	model_release(&m);
}

/* Every error with its position, and nothing else. */
static void test_han_read_errors(void **state)
{
	static const char *const conf[] = {"han_danh_muc", "năm", "2", "han_quy_trinh", "0", "3"};
	static const char *const want[][2] = {
	    {"bao-cao.conf:2:16: error: ", "han_danh_muc must be a whole number"},
	    {"bao-cao.conf:3:17: error: ", "not '0'"},
	    {"ngay-nghi.csv:3:1: error: ", "already listed on line 2"},
	    {"ngay-nghi.csv:5:1: warning: ", "weekday"},
	    {"ngay-nghi.csv:6:2: error: ", "'nghỉ bù' is not a kind of day"},
	    {"cong-bo.csv:2:2: error: ", "'30/02/2024' does not exist"},
	    {"cong-bo.csv:3:5: error: ", "before the decision of 10/03/2024"},
	    {"cong-bo.csv:5:4: error: ", "unknown unit 'so-aa' (not in don-vi.csv); did you mean 'so-a'?"},
	    {"cong-bo.csv:6:2: error: ", "'5/3/24' is not a date"},
	    {"cong-bo.csv:7:1: error: ", "decision number (so_quyet_dinh) is empty"},
	    {"cong-bo.csv:9:6: error: ", "'2023-02-29' does not exist"},
	    {"cong-bo.csv:10:1: error: ", "already on line 8"},
	    {"cong-bo.csv:11:4: error: ", "unknown unit 'SO-B' (not in don-vi.csv); did you mean 'so-b'?"},
	    {"moc.csv:2:1: error: ", "'danh_muc' names a step"},
	    {"moc.csv:3:3: error: ", "'31/06/2024' does not exist"},
	    {"moc.csv:5:1: error: ", "already on line 4"},
	};
	const size_t n_want = sizeof want / sizeof want[0];
	Model m;
	S_model_doc(&m, conf, 2);
	assert_int_equal(han_read(&m, "tests/data/han/bad"), -1);
	for (size_t i = 0; i < m.msgs.n; i++) {
		char *s = msg_format(&m.msgs.v[i]);
		print_message("%s\n", s);
		int found = 0;
		for (size_t k = 0; k < n_want; k++)
			if (strncmp(s, want[k][0], strlen(want[k][0])) == 0 && strstr(s, want[k][1]))
				found = 1;
		if (!found)
			fail_msg("unexpected: %s", s);
		free(s);
	}
	for (size_t k = 0; k < n_want; k++) {
		int found = 0;
		for (size_t i = 0; i < m.msgs.n; i++) {
			char *s = msg_format(&m.msgs.v[i]);
			if (strncmp(s, want[k][0], strlen(want[k][0])) == 0 && strstr(s, want[k][1]))
				found = 1;
			free(s);
		}
		if (!found)
			fail_msg("missing: %s%s", want[k][0], want[k][1]);
	}
	assert_int_equal(m.msgs.n, n_want);
	/* The limits stay at their defaults after an error. */
	assert_int_equal(m.han.han_danh_muc, 5);
	assert_int_equal(m.han.han_quy_trinh, 10);
	model_release(&m);
}

/* A missing publication column is an error, not "never published"; an
 * empty ngay-nghi.csv is a calendar without holidays. */
static void test_han_read_missing_column(void **state)
{
	Model m;
	S_model_doc(&m, NULL, 0);
	assert_int_equal(han_read(&m, "tests/data/han/thieu"), -1);
	assert_int_equal(m.msgs.n_error, 1);
	int found = 0;
	for (size_t i = 0; i < m.msgs.n; i++) {
		char *s = msg_format(&m.msgs.v[i]);
		found |= strstr(s, "cong-bo.csv:1") == s && strstr(s, "ngay_cong_bo_quy_trinh") != NULL &&
		         m.msgs.v[i].level == MSG_ERROR;
		free(s);
	}
	assert_true(found);
	assert_int_equal(m.han.co, 1);
	assert_int_equal(m.han.n_nghi, 0);
	model_release(&m);
}

/* No file: nothing is tracked and nothing is reported. */
static void test_han_read_absent(void **state)
{
	Model m;
	S_model_doc(&m, NULL, 0);
	assert_int_equal(han_read(&m, "tests/data/han/none"), 0);
	assert_int_equal(m.han.co, 0);
	assert_int_equal(m.msgs.n, 0);
	m.cua_so.year = 2024;
	m.cua_so.last_month = 3;
	han_eval(&m);
	Buf b;
	buf_init(&b);
	S_trang_han(&b, &m);
	assert_non_null(strstr(b.ptr, "Kỳ này không có dữ liệu về nhiệm vụ có thời hạn."));
	assert_null(strstr(b.ptr, "|"));
	buf_reset(&b);
	han_dong_the_diem(&b, &m, 0);
	assert_int_equal(b.len, 0);
	buf_release(&b);
	model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_han_working_days),
	    cmocka_unit_test(test_han_deadline_before_tet),
	    cmocka_unit_test(test_han_deadline_bridge_friday),
	    cmocka_unit_test(test_han_deadline_sunday_decision),
	    cmocka_unit_test(test_han_deadline_leap_day),
	    cmocka_unit_test(test_han_days_late),
	    cmocka_unit_test(test_han_eval_states),
	    cmocka_unit_test(test_han_csv),
	    cmocka_unit_test(test_han_summary_and_scorecard),
	    cmocka_unit_test(test_han_trang_worst_delays),
	    cmocka_unit_test(test_han_read_fixture),
	    cmocka_unit_test(test_han_read_limits),
	    cmocka_unit_test(test_han_read_errors),
	    cmocka_unit_test(test_han_read_missing_column),
	    cmocka_unit_test(test_han_read_absent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
