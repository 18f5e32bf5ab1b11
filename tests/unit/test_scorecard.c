/* SPDX-License-Identifier: MIT */
/* Unit tests of the-diem.pdf (scorecard.c's blocks drawn by card_pdf.c)
 * on a model built by hand: the overview is one page, then one page per
 * unit, each unit's name on its own page, in Vietnamese order; a unit
 * with a 300-character name and a 2,000-character note on every target
 * still takes exactly one page, its notes giving way to the report's
 * notes appendix, nothing cut; the writer's ladder (notes, then the
 * chart down to 60 %, then the text) in that order. */
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

#include "need.h"

#include "buf.h"
#include "model.h"
#include "card_pdf.h"
#include "scorecard.h"
#include "rank.h"
#include "xalloc.h"

/* A fresh folder per run: several runs of make check may overlap. */
static char S_dir[] = "/tmp/chitieu-test-scorecard.XXXXXX";

static char S_all[64], S_one[64], S_two[64], S_u[64], S_v[64], S_charts[64];

static const char *const S_names[] = {
    "UBND xã Đông Tảo", "UBND xã An Vĩ", "UBND xã Ăn Lộc", "UBND xã Dạ Trạch", NULL, /* the long one */
};

/* Group 0 "so" (1 unit), group 1 "xa" (5 units); n_t targets with long
 * names; figures for every step of a window ending with June (months). */
static void S_model(Model *m, size_t n_t, int long_unit)
{
	model_init(m);
	m->n_nhom = 2;
	m->nhom = xcalloc(2, sizeof *m->nhom);
	m->nhom[0] = (Nhom){xstrdup("so"), xstrdup("Sở, ban, ngành tỉnh"), 1};
	m->nhom[1] = (Nhom){xstrdup("xa"), xstrdup("UBND cấp xã"), 2};
	m->n_don_vi = 6;
	m->don_vi = xcalloc(6, sizeof *m->don_vi);
	m->don_vi[0] = (DonVi){xstrdup("so-tu-phap"), xstrdup("Sở Tư pháp"), 0, -1, 1};
	Buf b;
	buf_init(&b);
	for (int i = 0; i < 5; i++) {
		char ma[16];
		snprintf(ma, sizeof ma, "xa-%d", i);
		char *ten;
		if (S_names[i])
			ten = xstrdup(S_names[i]);
		else {
			buf_reset(&b);
			buf_puts(&b, "UBND xã Zô ");
			while (long_unit && b.len < 300)
				buf_puts(&b, "Trường Thịnh Phước ");
			buf_puts(&b, "Yên");
			ten = buf_detach(&b, NULL);
		}
		m->don_vi[1 + i] = (DonVi){xstrdup(ma), ten, 1, -1, 1};
	}
	m->n_chi_tieu = n_t;
	m->chi_tieu = xcalloc(n_t, sizeof *m->chi_tieu);
	for (size_t t = 0; t < n_t; t++) {
		ChiTieu *c = &m->chi_tieu[t];
		c->stt = (int)t + 1;
		c->ten = xasprintf("Tỷ lệ hồ sơ thủ tục hành chính số %zu được tiếp nhận, giải quyết "
		                   "trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia", t + 1);
		c->chu_tri = xstrdup("");
		c->phoi_hop = xstrdup("");
		c->don_vi_tinh = xstrdup("%");
		c->can_cu = xstrdup("");
		c->can_cu_span = 1;
		c->so_sanh = t % 3 == 2 ? SS_EQ : SS_GE;
		c->gt_num = t % 3 == 2 ? 100 : 80;
		c->ap_dung = xcalloc(2, 1);
		c->ap_dung[0] = t % 4 != 3;
		c->ap_dung[1] = 1;
	}
	m->evaluated = 1;
	m->cua_so.year = 2024;
	m->cua_so.ky = (Ky){2024, 'Q', 2};
	m->cua_so.last_month = 6;
	m->cua_so.moi_nhat = m->cua_so.ky;
	m->cua_so.n_buoc = 6;
	for (int i = 0; i < 6; i++)
		m->cua_so.buoc[i] = (Ky){2024, 'M', i + 1};
	m->kq_don_vi = xcalloc(6 * n_t, sizeof *m->kq_don_vi);
	m->kq_nhom = xcalloc(2 * n_t, sizeof *m->kq_nhom);
	m->kq_tinh = xcalloc(n_t, sizeof *m->kq_tinh);
	m->xh_don_vi = xcalloc(6 * n_t * MAX_BUOC, sizeof *m->xh_don_vi);
	m->xh_nhom = xcalloc(2 * n_t * MAX_BUOC, sizeof *m->xh_nhom);
	m->xh_tinh = xcalloc(n_t * MAX_BUOC, sizeof *m->xh_tinh);
	/* Figures: unit u, target t, month s: d = 10, n varies. */
	for (size_t u = 0; u < 6; u++)
		for (size_t t = 0; t < n_t; t++) {
			KetQua *k = &m->kq_don_vi[u * n_t + t];
			if (!model_applies(m, u, t))
				continue;
			if ((u + t) % 7 == 5) {
				k->dg = DG_CHUA_BAO_CAO;
				continue;
			}
			for (int s = 0; s < 6; s++) {
				Diem *p = &m->xh_don_vi[(u * n_t + t) * MAX_BUOC + (size_t)s];
				p->co = 1;
				p->d = (u + t) % 5 == 4 ? 0 : 10;
				/* about 90 %, about 70 % when (u + t) % 4 == 0 */
				p->n = p->d ? (int64_t)(10 - (u + t + (size_t)s) % 3 - ((u + t) % 4 ? 0 : 2)) : 0;
				k->n += p->n;
				k->d += p->d;
			}
			k->dg = k->d == 0 ? DG_KHONG_PHAT_SINH
			        : (m->chi_tieu[t].so_sanh == SS_GE ? 100 * k->n >= 80 * k->d : k->n == k->d)
			            ? DG_DAT : DG_CHUA_DAT;
			KetQua *g = &m->kq_nhom[(size_t)m->don_vi[u].nhom * n_t + t];
			g->so_dv_danh_gia += k->dg <= DG_CHUA_DAT;
			g->so_dv_dat += k->dg == DG_DAT;
			m->kq_tinh[t].so_dv_danh_gia += k->dg <= DG_CHUA_DAT;
			m->kq_tinh[t].so_dv_dat += k->dg == DG_DAT;
		}
	/* A long note on every target of the long unit. */
	m->n_so_lieu = n_t;
	m->so_lieu = xcalloc(n_t, sizeof *m->so_lieu);
	for (size_t t = 0; t < n_t; t++) {
		SoLieu *s = &m->so_lieu[t];
		s->don_vi = 5;
		s->chi_tieu = (int)t;
		s->ky = (Ky){2024, 'M', 6};
		buf_reset(&b);
		while (b.len < 2000)
			buf_puts(&b, "Hệ thống một cửa điện tử gián đoạn, hồ sơ tiếp nhận trực tiếp. ");
		s->ghi_chu = buf_detach(&b, NULL);
		s->line = (int)t + 2;
	}
	buf_release(&b);
	/* The display order text_collate gives (eval would compute it). */
	static const int order[] = {0, 2, 3, 4, 1, 5};
	m->thu_tu_don_vi = xmalloc(6 * sizeof *m->thu_tu_don_vi);
	memcpy(m->thu_tu_don_vi, order, sizeof order);
	model_build_index(m);
}

/* What main.c does: the builder drawn by the one-page writer.  *fit
 * (may be NULL): how the last page was fitted. */
static int pdf_scorecards_fit(const Model *m, const char *path, const char *charts, const int *units,
                              size_t n, char **err, CardFit *fit)
{
	DocWriter *w = card_pdf_open(path, charts, err);
	if (!w)
		return -1;
	scorecard_build(m, units, n, w);
	if (fit)
		*fit = card_pdf_last_fit(w);
	return card_pdf_close(w, err);
}

static int pdf_scorecards(const Model *m, const char *path, const char *charts, const int *units,
                          size_t n, char **err)
{
	return pdf_scorecards_fit(m, path, charts, units, n, err, NULL);
}

static char *S_run(const char *cmd)
{
	/* the PDFs are read back with pdfinfo and pdftotext */
	test_need("pdfinfo", "poppler-utils");
	test_need("pdftotext", "poppler-utils");
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	Buf b;
	buf_init(&b);
	char tmp[4096];
	size_t got;
	while ((got = fread(tmp, 1, sizeof tmp, p)) > 0)
		buf_add(&b, tmp, got);
	assert_int_equal(pclose(p), 0);
	return buf_detach(&b, NULL);
}

static int S_pages(const char *pdf)
{
	char *cmd = xasprintf("pdfinfo '%s' 2>/dev/null | sed -n 's/^Pages: *//p'", pdf);
	char *out = S_run(cmd);
	int n = atoi(out);
	free(out);
	free(cmd);
	return n;
}

static char *S_page_text(const char *pdf, int page)
{
	char *cmd = xasprintf("pdftotext -q -f %d -l %d '%s' - | tr '\\n' ' ' | tr -s ' '", page, page, pdf);
	char *out = S_run(cmd);
	free(cmd);
	return out;
}

/* The pages a unit's name starts on: its first 20 bytes, since the
 * long name wraps. */
static int S_page_of(const char *pdf, int pages, const char *name)
{
	int found = 0;
	for (int p = 1; p <= pages; p++) {
		char *t = S_page_text(pdf, p);
		char *head = xstrndup(name, strnlen(name, 20));
		/* the overview also lists every unit: only unit pages count */
		if (strstr(t, head) && strstr(t, "Còn cần")) {
			assert_int_equal(found, 0);
			found = p;
		}
		free(head);
		free(t);
	}
	return found;
}

static int S_setup(void **state)
{
	assert_non_null(mkdtemp(S_dir));
	snprintf(S_all, sizeof S_all, "%s/the-diem.pdf", S_dir);
	snprintf(S_one, sizeof S_one, "%s/one.pdf", S_dir);
	snprintf(S_two, sizeof S_two, "%s/two.pdf", S_dir);
	snprintf(S_u, sizeof S_u, "%s/u.pdf", S_dir);
	snprintf(S_v, sizeof S_v, "%s/v.pdf", S_dir);
	snprintf(S_charts, sizeof S_charts, "%s/charts", S_dir);
	mkdir(S_charts, 0755);
	/* A real chart for one unit, as gnuplot draws it. */
	char *cmd = xasprintf("cd '%s' && LC_ALL=C gnuplot -e \"set terminal pngcairo size 900,420; "
	                      "set output 'don-vi-xa-0.png'; plot [0:6] x*10 title 'Tỷ lệ'\" 2>/dev/null",
	                      S_charts);
	int rc = system(cmd);
	(void)rc;
	free(cmd);
	return 0;
}

static int S_teardown(void **state)
{
	if (getenv("KEEP")) {
		fprintf(stderr, "kept %s\n", S_dir);
		return 0;
	}
	char *cmd = xasprintf("rm -rf '%s'", S_dir);
	int rc = system(cmd);
	(void)rc;
	free(cmd);
	return 0;
}

static void S_pages_case(size_t n_t)
{
	Model m;
	S_model(&m, n_t, 1);
	/* the overview's columns are numbers: its foot names them */
	m.chi_tieu[0].ten_ngan = xstrdup("DVC toàn trình");
	char *err = NULL;
	int rc = pdf_scorecards(&m, S_all, S_charts, NULL, 0, &err);
	if (rc)
		fprintf(stderr, "%s\n", err);
	assert_int_equal(rc, 0);
	int pages = S_pages(S_all);
	/* six units on six pages after an overview of one or two */
	int first = 0;
	for (int p = 1; p <= pages && !first; p++) {
		char *t = S_page_text(S_all, p);
		if (strstr(t, "Còn cần"))
			first = p;
		free(t);
	}
	if (pages != first - 1 + 6)
		fprintf(stderr, "%zu targets: %d pages, units from page %d\n", n_t, pages, first);
	assert_true(first >= 2);
	assert_int_equal(pages, first - 1 + 6);
	/* up to 12 targets the overview is one page */
	if (n_t <= 12)
		assert_int_equal(first, 2);
	/* each unit on its own page, in display order */
	for (size_t i = 0; i < 6; i++) {
		size_t u = (size_t)m.thu_tu_don_vi[i];
		assert_int_equal(S_page_of(S_all, pages, m.don_vi[u].ten), first + (int)i);
	}
	/* the overview says what the symbols mean on its page */
	char *t = S_page_text(S_all, 1);
	assert_non_null(strstr(t, "● Đạt"));
	assert_non_null(strstr(t, "× Chưa đạt"));
	assert_non_null(strstr(t, "UBND cấp xã"));
	assert_non_null(strstr(t, "○ Không phát sinh"));
	assert_non_null(strstr(t, "– Không áp dụng"));
	/* the columns are named under the table, each target once */
	assert_non_null(strstr(t, "CT1 – Tỷ lệ hồ sơ thủ tục hành chính số 1"));
	assert_non_null(strstr(t, "(giao tối thiểu 80%)"));
	free(t);
	/* a unit page shows its rank, and what the rank measures */
	t = S_page_text(S_all, first);
	assert_non_null(strstr(t, "Xếp thứ 1/1 trong nhóm Sở, ban, ngành tỉnh"));
	assert_non_null(strstr(t, "Hạng trong nhóm: đơn vị đạt nhiều chỉ tiêu hơn xếp trên"));
	assert_non_null(strstr(t, "Còn cần"));
	free(t);
	model_release(&m);
}

static void test_scorecard_pages(void **state)
{
	S_pages_case(10);
	/* many targets: a landscape overview, compact unit pages */
	S_pages_case(40);
}

/* Only names and notes give way: no "…" ends a number or any part of a
 * verdict word ("? Chưa b…" was how a tight page cut it). */
static void S_nothing_cut_but_words(const char *t)
{
	static const char *const words[] = {"Chưa báo cáo", "Không phát sinh", "Chưa đạt", "Đạt"};
	for (const char *p = t; (p = strstr(p, "…")); p++) {
		assert_true(p == t || !(p[-1] >= '0' && p[-1] <= '9') );
		assert_true(p == t || (p[-1] != '%' && p[-1] != ',' && p[-1] != '/'));
		for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
			/* every proper prefix of the word, by code points */
			const char *word = words[w];
			for (size_t k = 1; word[k]; k++) {
				if (((unsigned char)word[k] & 0xC0) == 0x80)
					continue;
				if ((size_t)(p - t) >= k && !memcmp(p - k, word, k) &&
				    (p - k == t || p[-(ptrdiff_t)k - 1] == ' ')) {
					fprintf(stderr, "cut: '%.*s…'\n", (int)k, word);
					fail();
				}
			}
		}
	}
}

static void test_scorecard_mot_trang(void **state)
{
	/* The 300-character name and 2,000-character notes, with 10 and with
	 * 40 targets: still one page per unit. */
	for (size_t n_t = 10; n_t <= 40; n_t += 30) {
		Model m;
		S_model(&m, n_t, 1);
		char *err = NULL;
		int u = 5;
		assert_true(strlen(m.don_vi[u].ten) >= 300);
		/* the target column: the short name, else "Chỉ tiêu <stt>" */
		m.chi_tieu[0].ten_ngan = xstrdup("DVC toàn trình");
		CardFit fit;
		assert_int_equal(pdf_scorecards_fit(&m, S_one, S_charts, &u, 1, &err, &fit), 0);
		assert_int_equal(S_pages(S_one), 1);
		char *t = S_page_text(S_one, 1);
		/* the whole name, never cut */
		assert_non_null(strstr(t, "UBND xã Zô Trường Thịnh"));
		assert_non_null(strstr(t, "Phước Yên"));
		assert_null(strstr(t, "…"));
		/* 40 notes of 2,000 characters do not fit: they gave way to
		 * the report's notes appendix */
		assert_true(fit.yield);
		assert_null(strstr(t, "Hệ thống một cửa"));
		assert_non_null(strstr(t, "xem Phụ lục “Ghi chú của đơn vị” của Báo cáo"));
		/* the still-needs figure is never cut */
		assert_non_null(strstr(t, "quý III–IV"));
		S_nothing_cut_but_words(t);
		assert_non_null(strstr(t, "1. DVC toàn trình"));
		assert_non_null(strstr(t, "Chỉ tiêu 2"));
		/* no column header cut */
		assert_non_null(strstr(t, "Kết quả (tử số/mẫu số)"));
		assert_non_null(strstr(t, "Còn cần"));
		assert_null(strstr(t, "Tỷ lệ hồ sơ thủ tục hành chính số 2"));
		free(t);
		/* several units alone: one page each, no overview */
		int two[] = {1, 5};
		assert_int_equal(pdf_scorecards(&m, S_two, S_charts, two, 2, &err), 0);
		assert_int_equal(S_pages(S_two), 2);
		model_release(&m);
	}
}

static void test_scorecard_con_can_in(void **state)
{
	/* The still-needs figure printed on the page is rank.c's, by fmt.h. */
	Model m;
	S_model(&m, 10, 0);
	char *err = NULL;
	int u = 1;
	assert_int_equal(pdf_scorecards(&m, S_u, S_charts, &u, 1, &err), 0);
	char *t = S_page_text(S_u, 1);
	assert_non_null(strstr(t, "UBND xã Đông Tảo"));
	assert_non_null(strstr(t, "trong quý III–IV"));
	/* and the chart of this unit was placed: the file is bigger than one
	 * without */
	free(t);
	struct stat with, without;
	assert_int_equal(stat(S_u, &with), 0);
	u = 2;
	assert_int_equal(pdf_scorecards(&m, S_v, S_charts, &u, 1, &err), 0);
	assert_int_equal(stat(S_v, &without), 0);
	assert_true(with.st_size > without.st_size + 2000);
	model_release(&m);
}

static void test_scorecard_khong_chi_tieu(void **state)
{
	/* A unit whose group has no target still gets its one page. */
	Model m;
	S_model(&m, 10, 0);
	for (size_t t = 0; t < m.n_chi_tieu; t++)
		m.chi_tieu[t].ap_dung[0] = 0;
	char *err = NULL;
	int u = 0;
	assert_int_equal(pdf_scorecards(&m, S_u, S_charts, &u, 1, &err), 0);
	assert_int_equal(S_pages(S_u), 1);
	char *t = S_page_text(S_u, 1);
	assert_non_null(strstr(t, "Sở Tư pháp"));
	assert_non_null(strstr(t, "Không có chỉ tiêu nào áp dụng"));
	assert_non_null(strstr(t, "Đạt 0/0 chỉ tiêu"));
	free(t);
	model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scorecard_pages),
	    cmocka_unit_test(test_scorecard_mot_trang),
	    cmocka_unit_test(test_scorecard_con_can_in),
	    cmocka_unit_test(test_scorecard_khong_chi_tieu),
	};
	return test_exit(cmocka_run_group_tests(tests, S_setup, S_teardown));
}
