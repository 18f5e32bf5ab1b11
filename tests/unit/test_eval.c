/* SPDX-License-Identifier: MIT */
/* Unit tests of eval: exact verdicts, the window, roll-ups, trends, unit
 * order and the coverage warnings, on models built by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "eval.h"
#include "model_fixture.h"
#include "model.h"
#include "xalloc.h"

static ChiTieu S_ct(SoSanh ss, int64_t num, int scale)
{
	ChiTieu t;
	memset(&t, 0, sizeof t);
	t.so_sanh = ss;
	t.gt_num = num;
	t.gt_scale = scale;
	return t;
}

/* --- building a model by hand --- */

static void S_model(Model *m, int n_nhom)
{
	static const char *const slugs[] = {"so", "huyen", "xa", "khac"};
	model_init(m);
	m->n_nhom = (size_t)n_nhom;
	m->nhom = xcalloc((size_t)n_nhom, sizeof *m->nhom);
	for (int g = 0; g < n_nhom; g++) {
		m->nhom[g].ma = xstrdup(slugs[g]);
		m->nhom[g].ten = xasprintf("Nhóm %s", slugs[g]);
		m->nhom[g].thu_tu = g + 1;
	}
}

static const KetQua *S_kq(const Model *m, int u, int t) { return model_kq_don_vi(m, (size_t)u, (size_t)t); }

/* The number of messages whose text contains s. */
static int S_msgs_with(const Model *m, const char *s)
{
	int c = 0;
	for (size_t i = 0; i < m->msgs.n; i++)
		if (strstr(m->msgs.v[i].text, s))
			c++;
	return c;
}

/* --- eval_judge --- */

static void test_eval_judge_at_target(void **state)
{
	ChiTieu t = S_ct(SS_GE, 80, 0);
	assert_int_equal(eval_judge(&t, 80, 100), DG_DAT);
	assert_int_equal(eval_judge(&t, 79, 100), DG_CHUA_DAT);
	assert_int_equal(eval_judge(&t, 7999, 10000), DG_CHUA_DAT);
	assert_int_equal(eval_judge(&t, 8000, 10000), DG_DAT);
	assert_int_equal(eval_judge(&t, 79996, 100000), DG_CHUA_DAT);
	assert_int_equal(eval_judge(&t, 4, 5), DG_DAT);
	assert_int_equal(eval_judge(&t, 0, 0), DG_KHONG_PHAT_SINH);
	assert_int_equal(eval_judge(&t, 100, 100), DG_DAT);
}

static void test_eval_judge_le_eq(void **state)
{
	ChiTieu t = S_ct(SS_LE, 5, 0);
	assert_int_equal(eval_judge(&t, 5, 100), DG_DAT);
	assert_int_equal(eval_judge(&t, 0, 100), DG_DAT);
	assert_int_equal(eval_judge(&t, 6, 100), DG_CHUA_DAT);
	assert_int_equal(eval_judge(&t, 50001, 1000000), DG_CHUA_DAT);
	assert_int_equal(eval_judge(&t, 0, 0), DG_KHONG_PHAT_SINH);
	t = S_ct(SS_EQ, 100, 0);
	assert_int_equal(eval_judge(&t, 100, 100), DG_DAT);
	assert_int_equal(eval_judge(&t, 7, 7), DG_DAT);
	assert_int_equal(eval_judge(&t, 99, 100), DG_CHUA_DAT);
	assert_int_equal(eval_judge(&t, 999999, 1000000), DG_CHUA_DAT);
	t = S_ct(SS_EQ, 0, 0);
	assert_int_equal(eval_judge(&t, 0, 9), DG_DAT);
	assert_int_equal(eval_judge(&t, 1, 9), DG_CHUA_DAT);
}

static void test_eval_judge_decimal_target(void **state)
{
	ChiTieu t = S_ct(SS_GE, 455, 1); /* 45,5 */
	assert_int_equal(eval_judge(&t, 91, 200), DG_DAT);   /* exactly 45,5 */
	assert_int_equal(eval_judge(&t, 455, 1000), DG_DAT);
	assert_int_equal(eval_judge(&t, 454, 1000), DG_CHUA_DAT);
	assert_int_equal(eval_judge(&t, 4549, 10000), DG_CHUA_DAT);
	t = S_ct(SS_GE, 2025, 2); /* 20.25 */
	assert_int_equal(eval_judge(&t, 81, 400), DG_DAT); /* exactly 20,25 */
	assert_int_equal(eval_judge(&t, 8099, 40000), DG_CHUA_DAT);
	t = S_ct(SS_LE, 2025, 2);
	assert_int_equal(eval_judge(&t, 81, 400), DG_DAT);
	assert_int_equal(eval_judge(&t, 8101, 40000), DG_CHUA_DAT);
	t = S_ct(SS_EQ, 2025, 2);
	assert_int_equal(eval_judge(&t, 81, 400), DG_DAT);
	assert_int_equal(eval_judge(&t, 8101, 40000), DG_CHUA_DAT);
}

static void test_eval_judge_huge(void **state)
{
	/* 100 * n * 10^6 and gt_num * d both far beyond int64. */
	ChiTieu t = S_ct(SS_GE, 100, 0);
	assert_int_equal(eval_judge(&t, INT64_MAX, INT64_MAX), DG_DAT);
	assert_int_equal(eval_judge(&t, INT64_MAX - 1, INT64_MAX), DG_CHUA_DAT);
	t = S_ct(SS_GE, 99999999, 6); /* 99,999999 */
	assert_int_equal(eval_judge(&t, INT64_MAX, INT64_MAX), DG_DAT);
	assert_int_equal(eval_judge(&t, INT64_MAX / 2, INT64_MAX), DG_CHUA_DAT);
	t = S_ct(SS_EQ, 50, 0);
	assert_int_equal(eval_judge(&t, INT64_MAX / 2, INT64_MAX - 1), DG_DAT);
	assert_int_equal(eval_judge(&t, INT64_MAX / 2, INT64_MAX), DG_CHUA_DAT);
	t = S_ct(SS_LE, 0, 0);
	assert_int_equal(eval_judge(&t, 1, INT64_MAX), DG_CHUA_DAT);
}

/* --- the window --- */

static void test_eval_window_edges(void **state)
{
	Model m;
	S_model(&m, 1);
	int t = S_target(&m, 1, SS_GE, 80, 0, 1);
	int a = S_unit(&m, "a", "A", 0);
	S_row(&m, a, t, "2024-03", 8, 10);  /* inside both windows */
	S_row(&m, a, t, "2024-Q2", 0, 50);  /* outside the May window */
	S_row(&m, a, t, "2024-06", 0, 70);  /* outside the May window */
	S_row(&m, a, t, "2023-05", 0, 90);  /* another year: outside */
	S_row(&m, a, t, "2025-01", 0, 30);  /* another year: outside */
	assert_int_equal(eval_run(&m, "2024-05"), 0);
	assert_int_equal(m.cua_so.year, 2024);
	assert_int_equal(m.cua_so.last_month, 5);
	assert_int_equal(S_kq(&m, a, t)->n, 8);
	assert_int_equal(S_kq(&m, a, t)->d, 10);
	assert_int_equal(S_kq(&m, a, t)->dg, DG_DAT);
	assert_int_equal(eval_run(&m, "2024-Q1"), 0);
	assert_int_equal(S_kq(&m, a, t)->d, 10);
	assert_int_equal(m.cua_so.last_month, 3);
	/* Q2 and June both in the half-year window */
	assert_int_equal(eval_run(&m, "2024-Q2"), 0);
	assert_int_equal(S_kq(&m, a, t)->n, 8);
	assert_int_equal(S_kq(&m, a, t)->d, 130);
	assert_int_equal(S_kq(&m, a, t)->dg, DG_CHUA_DAT);
	/* February: nothing in the window */
	assert_int_equal(eval_run(&m, "2024-02"), 0);
	assert_int_equal(S_kq(&m, a, t)->dg, DG_CHUA_BAO_CAO);
	assert_int_equal(S_kq(&m, a, t)->n, 0);
	model_release(&m);
}

static void test_eval_default_period_is_latest(void **state)
{
	Model m;
	S_model(&m, 1);
	int t = S_target(&m, 1, SS_GE, 80, 0, 1);
	int a = S_unit(&m, "a", "A", 0);
	S_row(&m, a, t, "2024-04", 1, 1);
	S_row(&m, a, t, "2024-Q1", 1, 1);
	S_row(&m, a, t, "2024-05", 1, 1);
	assert_int_equal(eval_run(&m, NULL), 0);
	char k[16];
	ky_format(m.cua_so.ky, k);
	assert_string_equal(k, "2024-05");
	ky_format(m.cua_so.moi_nhat, k);
	assert_string_equal(k, "2024-05");
	assert_int_equal(S_kq(&m, a, t)->d, 3);
	/* -k earlier than the data: the cut-off is the latest row inside */
	assert_int_equal(eval_run(&m, "2024-04"), 0);
	ky_format(m.cua_so.moi_nhat, k);
	assert_string_equal(k, "2024-04");
	model_release(&m);
}

static void test_eval_no_data(void **state)
{
	Model m;
	S_model(&m, 1);
	int t = S_target(&m, 1, SS_GE, 80, 0, 1);
	int a = S_unit(&m, "a", "A", 0);
	assert_int_equal(eval_run(&m, NULL), -1);
	assert_int_equal(m.msgs.n_error, 1);
	assert_int_equal(S_msgs_with(&m, "no figures in so-lieu/: nothing to evaluate"), 1);
	/* with -k everything is simply not reported */
	assert_int_equal(eval_run(&m, "2024-Q3"), 0);
	assert_int_equal(m.evaluated, 1);
	assert_int_equal(S_kq(&m, a, t)->dg, DG_CHUA_BAO_CAO);
	assert_int_equal(m.kq_nhom[0].dg, DG_CHUA_BAO_CAO);
	assert_int_equal(m.kq_tinh[0].dg, DG_CHUA_BAO_CAO);
	assert_int_equal(m.cua_so.buoc_quy, 1);
	assert_int_equal(m.cua_so.n_buoc, 3);
	/* a bad -k */
	assert_int_equal(eval_run(&m, "2024-13"), -1);
	assert_int_equal(m.msgs.n_error, 2);
	model_release(&m);
}

/* --- trends --- */

static void test_eval_trend_months(void **state)
{
	Model m;
	S_model(&m, 1);
	int t = S_target(&m, 1, SS_GE, 80, 0, 1);
	int a = S_unit(&m, "a", "A", 0), b = S_unit(&m, "b", "B", 0);
	S_row(&m, a, t, "2024-01", 1, 2);
	S_row(&m, a, t, "2024-03", 3, 4);
	S_row(&m, b, t, "2024-03", 5, 6);
	S_row(&m, b, t, "2024-04", 7, 8);
	assert_int_equal(eval_run(&m, "2024-04"), 0);
	const CuaSo *w = &m.cua_so;
	assert_int_equal(w->buoc_quy, 0);
	assert_int_equal(w->n_buoc, 4);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(w->buoc[i].kind, 'M');
		assert_int_equal(w->buoc[i].n, i + 1);
		assert_int_equal(w->buoc[i].year, 2024);
	}
	const Diem *xa = model_xh_don_vi(&m, (size_t)a, (size_t)t);
	assert_int_equal(xa[0].co, 1);
	assert_int_equal(xa[0].n, 1);
	assert_int_equal(xa[1].co, 0);
	assert_int_equal(xa[2].n, 3);
	assert_int_equal(xa[2].d, 4);
	assert_int_equal(xa[3].co, 0);
	const Diem *xt = model_xh_tinh(&m, (size_t)t);
	assert_int_equal(xt[0].n, 1);
	assert_int_equal(xt[1].co, 0);
	assert_int_equal(xt[2].n, 8);
	assert_int_equal(xt[2].d, 10);
	assert_int_equal(xt[3].n, 7);
	const Diem *xg = model_xh_nhom(&m, 0, (size_t)t);
	assert_int_equal(xg[2].d, 10);
	assert_int_equal(m.kq_tinh[t].n, 16);
	assert_int_equal(m.kq_tinh[t].d, 20);
	model_release(&m);
}

static void test_eval_trend_months_and_quarters(void **state)
{
	Model m;
	S_model(&m, 1);
	int t = S_target(&m, 1, SS_GE, 80, 0, 1);
	int a = S_unit(&m, "a", "A", 0), b = S_unit(&m, "b", "B", 0);
	S_row(&m, a, t, "2024-Q1", 10, 20);
	S_row(&m, a, t, "2024-04", 1, 2);
	S_row(&m, a, t, "2024-05", 3, 4);
	S_row(&m, b, t, "2024-02", 5, 6);
	S_row(&m, b, t, "2024-03", 7, 8);
	S_row(&m, b, t, "2024-Q3", 9, 9); /* outside the May window */
	assert_int_equal(eval_run(&m, "2024-05"), 0);
	const CuaSo *w = &m.cua_so;
	assert_int_equal(w->buoc_quy, 1);
	assert_int_equal(w->n_buoc, 2); /* Q2 partial */
	assert_int_equal(w->buoc[0].kind, 'Q');
	assert_int_equal(w->buoc[0].n, 1);
	assert_int_equal(w->buoc[1].n, 2);
	const Diem *xa = model_xh_don_vi(&m, (size_t)a, (size_t)t);
	assert_int_equal(xa[0].n, 10);
	assert_int_equal(xa[0].d, 20);
	assert_int_equal(xa[1].n, 4);
	assert_int_equal(xa[1].d, 6);
	const Diem *xb = model_xh_don_vi(&m, (size_t)b, (size_t)t);
	assert_int_equal(xb[0].n, 12);
	assert_int_equal(xb[0].d, 14);
	assert_int_equal(xb[1].co, 0);
	const Diem *xt = model_xh_tinh(&m, (size_t)t);
	assert_int_equal(xt[0].n, 22);
	assert_int_equal(xt[0].d, 34);
	assert_int_equal(xt[1].n, 4);
	assert_int_equal(xt[1].co, 1);
	assert_int_equal(S_kq(&m, a, t)->n, 14);
	assert_int_equal(S_kq(&m, a, t)->d, 26);
	model_release(&m);
}

/* --- roll-ups --- */

static void test_eval_rollup(void **state)
{
	Model m;
	S_model(&m, 3);
	int t1 = S_target(&m, 1, SS_GE, 80, 0, 1 | 2); /* so, huyen */
	int t2 = S_target(&m, 2, SS_LE, 5, 0, 4);      /* xa only */
	int ok = S_unit(&m, "ok", "Đạt", 0);
	int none = S_unit(&m, "none", "Chưa báo cáo", 0);
	int zero = S_unit(&m, "zero", "Không phát sinh", 0);
	int bad = S_unit(&m, "bad", "Chưa đạt", 0);
	int h0 = S_unit(&m, "h0", "Huyện chỉ D=0", 1);
	int x1 = S_unit(&m, "x1", "Xã 1", 2);
	S_row(&m, ok, t1, "2024-Q1", 9, 10);
	S_row(&m, zero, t1, "2024-Q1", 0, 0);
	S_row(&m, bad, t1, "2024-Q1", 1, 10);
	S_row(&m, h0, t1, "2024-01", 0, 0);
	S_row(&m, ok, t2, "2024-Q1", 3, 3); /* not applicable: ignored */
	S_row(&m, x1, t1, "2024-Q1", 3, 3); /* not applicable: ignored */
	assert_int_equal(eval_run(&m, "2024-Q1"), 0);

	assert_int_equal(S_kq(&m, ok, t1)->dg, DG_DAT);
	assert_int_equal(S_kq(&m, none, t1)->dg, DG_CHUA_BAO_CAO);
	assert_int_equal(S_kq(&m, zero, t1)->dg, DG_KHONG_PHAT_SINH);
	assert_int_equal(S_kq(&m, bad, t1)->dg, DG_CHUA_DAT);
	assert_int_equal(S_kq(&m, ok, t1)->so_dv_danh_gia, 0);

	const KetQua *g = model_kq_nhom(&m, 0, (size_t)t1);
	assert_int_equal(g->n, 10);
	assert_int_equal(g->d, 20);
	assert_int_equal(g->dg, DG_CHUA_DAT); /* 50 % */
	assert_int_equal(g->so_dv_dat, 1);
	assert_int_equal(g->so_dv_danh_gia, 2);

	g = model_kq_nhom(&m, 1, (size_t)t1); /* one unit, D = 0 */
	assert_int_equal(g->dg, DG_KHONG_PHAT_SINH);
	assert_int_equal(g->so_dv_dat, 0);
	assert_int_equal(g->so_dv_danh_gia, 0);

	g = model_kq_nhom(&m, 2, (size_t)t1); /* the target does not apply */
	assert_int_equal(g->dg, DG_CHUA_BAO_CAO);
	assert_int_equal(g->d, 0);

	g = model_kq_nhom(&m, 2, (size_t)t2); /* applies, nobody reported */
	assert_int_equal(g->dg, DG_CHUA_BAO_CAO);
	g = model_kq_nhom(&m, 0, (size_t)t2);
	assert_int_equal(g->dg, DG_CHUA_BAO_CAO);
	assert_int_equal(g->n, 0);

	assert_int_equal(m.kq_tinh[t1].n, 10);
	assert_int_equal(m.kq_tinh[t1].d, 20);
	assert_int_equal(m.kq_tinh[t1].so_dv_dat, 1);
	assert_int_equal(m.kq_tinh[t1].so_dv_danh_gia, 2);
	assert_int_equal(m.kq_tinh[t1].dg, DG_CHUA_DAT);
	assert_int_equal(m.kq_tinh[t2].dg, DG_CHUA_BAO_CAO);
	model_release(&m);
}

static void test_eval_rollup_huge(void **state)
{
	Model m;
	S_model(&m, 1);
	int t = S_target(&m, 1, SS_GE, 999, 1, 1); /* 99,9 */
	int a = S_unit(&m, "a", "A", 0), b = S_unit(&m, "b", "B", 0);
	int64_t big = INT64_MAX / 4;
	S_row(&m, a, t, "2024-01", big, big);
	S_row(&m, a, t, "2024-02", big, big);
	S_row(&m, b, t, "2024-01", big - 1, big);
	assert_int_equal(eval_run(&m, "2024-02"), 0);
	assert_int_equal(S_kq(&m, a, t)->dg, DG_DAT);
	assert_int_equal(S_kq(&m, b, t)->dg, DG_DAT);
	assert_int_equal(m.kq_tinh[t].d, 3 * big);
	assert_int_equal(m.kq_tinh[t].n, 3 * big - 1);
	assert_int_equal(m.kq_tinh[t].dg, DG_DAT);
	assert_int_equal(m.kq_tinh[t].so_dv_dat, 2);
	model_release(&m);
}

/* --- order and warnings --- */

static void test_eval_thu_tu_don_vi(void **state)
{
	Model m;
	S_model(&m, 2);
	int t = S_target(&m, 1, SS_GE, 80, 0, 3);
	S_unit(&m, "x", "UBND xã Đông", 1);     /* 0 */
	S_unit(&m, "s2", "Sở Tư pháp", 0);      /* 1 */
	S_unit(&m, "y", "UBND xã Dương", 1);    /* 2 */
	S_unit(&m, "s1", "Sở Nội vụ", 0);       /* 3 */
	S_unit(&m, "z", "UBND xã Ân Thi", 1);   /* 4 */
	S_unit(&m, "s3", "Ban Quản lý", 0);     /* 5 */
	S_row(&m, 0, t, "2024-01", 1, 1);
	assert_int_equal(eval_run(&m, NULL), 0);
	/* by group, then as registered (SPEC "input/don-vi.csv"): never by name */
	const int want[] = {1, 3, 5, 0, 2, 4};
	for (int i = 0; i < 6; i++)
		assert_int_equal(m.thu_tu_don_vi[i], want[i]);
	model_release(&m);
}

static void test_eval_coverage_warning(void **state)
{
	Model m;
	S_model(&m, 1);
	int t1 = S_target(&m, 1, SS_GE, 80, 0, 1);
	int t2 = S_target(&m, 2, SS_GE, 80, 0, 1);
	int t3 = S_target(&m, 3, SS_GE, 80, 0, 1);
	int gap = S_unit(&m, "gap", "Gap", 0);
	int full = S_unit(&m, "full", "Full", 0);
	int all = S_unit(&m, "all", "All", 0);
	int nofile = S_unit(&m, "nofile", "No file", 0);
	m.don_vi[nofile].co_so_lieu = 0;
	int skip = S_unit(&m, "skip", "Skipped a target", 0);
	int old = S_unit(&m, "old", "Only last year", 0);
	S_row(&m, skip, t1, "2024-Q1", 1, 1);
	S_row(&m, skip, t1, "2024-04", 1, 1);
	S_row(&m, skip, t2, "2024-Q1", 1, 1);
	S_row(&m, skip, t2, "2024-04", 1, 1);
	for (int t = 0; t < 3; t++)
		S_row(&m, old, t, "2023-Q4", 1, 1);
	for (const char *const *k = (const char *const[]){"2024-01", "2024-02", "2024-04", NULL}; *k; k++) {
		S_row(&m, gap, t1, *k, 1, 1);
		S_row(&m, gap, t2, *k, 1, 1);
	}
	S_row(&m, gap, t3, "2024-Q1", 1, 1);
	S_row(&m, gap, t3, "2024-05", 1, 1);
	for (int t = 0; t < 3; t++) {
		S_row(&m, full, t, "2024-Q1", 1, 1);
		S_row(&m, full, t, "2024-04", 1, 1);
		S_row(&m, full, t, "2024-05", 1, 1);
		S_row(&m, all, t, "2024-Q1", 1, 1);
	}
	assert_int_equal(eval_run(&m, "2024-05"), 0);
	assert_int_equal(m.msgs.n_error, 0);
	assert_int_equal(m.msgs.n_warning, 4);
	const Msg *w = &m.msgs.v[0];
	assert_int_equal(w->level, MSG_WARNING);
	assert_string_equal(w->path, "so-lieu/gap.csv");
	assert_int_equal(w->line, 0);
	assert_string_equal(w->text, "figures do not cover the window 2024-01..2024-05: "
	                             "2024-03, 2024-05 missing for targets 1, 2; "
	                             "2024-04 missing for target 3");
	w = &m.msgs.v[1];
	assert_string_equal(w->path, "so-lieu/all.csv");
	assert_string_equal(w->text, "figures do not cover the window 2024-01..2024-05: "
	                             "2024-04, 2024-05 missing for every target");
	w = &m.msgs.v[2];
	assert_string_equal(w->path, "so-lieu/skip.csv");
	assert_string_equal(w->text, "figures do not cover the window 2024-01..2024-05: "
	                             "2024-05 missing for targets 1, 2; no figures at all for target 3");
	w = &m.msgs.v[3];
	assert_string_equal(w->path, "so-lieu/old.csv");
	assert_string_equal(w->text, "figures do not cover the window 2024-01..2024-05: no figures at all");
	model_release(&m);
}

/* 10,000 units x 10 targets x 12 months: must stay linear. */
static void test_eval_scale(void **state)
{
	Model m;
	S_model(&m, 3);
	for (int t = 0; t < 10; t++)
		S_target(&m, t + 1, t % 3 == 0 ? SS_LE : SS_GE, 50 + t, 0, 7);
	char ma[32];
	for (int u = 0; u < 10000; u++) {
		snprintf(ma, sizeof ma, "u%05d", u);
		S_unit(&m, ma, ma, u % 3);
	}
	m.so_lieu = xrealloc(m.so_lieu, 10000 * 10 * 12 * sizeof *m.so_lieu);
	for (int u = 0; u < 10000; u++)
		for (int t = 0; t < 10; t++)
			for (int mo = 1; mo <= 12; mo++)
				m.so_lieu[m.n_so_lieu++] =
				    (SoLieu){u, t, (Ky){2024, 'M', mo}, mo + 1, (u + mo) % 11, 10, NULL};
	clock_t c0 = clock();
	assert_int_equal(eval_run(&m, NULL), 0);
	double ms = (double)(clock() - c0) * 1000.0 / CLOCKS_PER_SEC;
	print_message("eval_run: 10000 units x 10 targets x 12 months in %.1f ms\n", ms);
	assert_int_equal(m.cua_so.n_buoc, 12);
	assert_int_equal(m.msgs.n, 0);
	int64_t n = 0;
	for (int u = 0; u < 10000; u++)
		n += S_kq(&m, u, 0)->n;
	assert_int_equal(m.kq_tinh[0].n, n);
	assert_int_equal(m.kq_tinh[0].d, 10000 * 120);
	model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_eval_judge_at_target),
	    cmocka_unit_test(test_eval_judge_le_eq),
	    cmocka_unit_test(test_eval_judge_decimal_target),
	    cmocka_unit_test(test_eval_judge_huge),
	    cmocka_unit_test(test_eval_window_edges),
	    cmocka_unit_test(test_eval_default_period_is_latest),
	    cmocka_unit_test(test_eval_no_data),
	    cmocka_unit_test(test_eval_trend_months),
	    cmocka_unit_test(test_eval_trend_months_and_quarters),
	    cmocka_unit_test(test_eval_rollup),
	    cmocka_unit_test(test_eval_rollup_huge),
	    cmocka_unit_test(test_eval_thu_tu_don_vi),
	    cmocka_unit_test(test_eval_coverage_warning),
	    cmocka_unit_test(test_eval_scale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
