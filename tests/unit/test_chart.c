/* SPDX-License-Identifier: MIT */
/* chart: escaping, the files drawn from a model built by hand, hostile
 * text, parallel runs and every way gnuplot can fail.
 *
 * Also a driver for the end-to-end test and for timing (not a test):
 *   test_chart --render INPUT_DIR CHARTS_DIR JOBS [KY]
 *   test_chart --script INPUT_DIR [KY]     (the gnuplot script on stdout) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "chart.h"
#include "gp_script.h"
#include "eval.h"
#include "fmt.h"
#include "input.h"
#include "model.h"
#include "out.h"
#include "xalloc.h"

static char *S_quote(const char *s)
{
	Buf b;
	buf_init(&b);
	chart_quote(&b, s);
	return buf_detach(&b, NULL);
}

static void test_chart_quote_plain(void **state)
{
	char *q = S_quote("UBND xã Đồng Tiến");
	assert_string_equal(q, "'UBND xã Đồng Tiến'");
	free(q);
	q = S_quote("");
	assert_string_equal(q, "''");
	free(q);
}

/* 1 when gnuplot reads the literal as one string without a complaint
 * (or there is no gnuplot to ask: then the literal's form is all that is
 * checked). */
static int S_gnuplot_reads(const char *lit)
{
	if (system("command -v gnuplot >/dev/null 2>&1") != 0)
		return 1;
	char path[] = "/tmp/chitieu-test-chart-gp.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fprintf(f, "set print '-'\nx = %s\nprint 'ok'\n", lit);
	fclose(f);
	char *cmd = xasprintf("LC_ALL=C gnuplot '%s' 2>&1", path);
	FILE *p = popen(cmd, "r");
	char out[4096] = "";
	size_t got = fread(out, 1, sizeof out - 1, p);
	out[got] = 0;
	pclose(p);
	unlink(path);
	free(cmd);
	return strcmp(out, "ok\n") == 0;
}

static void test_chart_quote_hostile(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    /* gnuplot 5.4 loses doubled quotes next to each other ('''x' reads
	     * as ''): an apostrophe is printed as the typographic one */
	    {"a'b", "'a’b'"},
	    {"'; system('touch /tmp/y'); '", "'’; system(’touch /tmp/y’); ’'"},
	    {"UBND xã `touch /tmp/x` \"; system(\"touch /tmp/y\")",
	     "'UBND xã `touch /tmp/x` \"; system(\"touch /tmp/y\")'"},
	    /* a newline would end the command and start "!cmd" */
	    {"x\n!touch /tmp/z", "'x!touch /tmp/z'"},
	    {"x\r\n!touch /tmp/z\t", "'x!touch /tmp/z'"},
	    {"a\x01\x1b[31mb\x7f", "'a[31mb'"},
	    /* C1 control (U+0085 NEL) and U+2028 LINE SEPARATOR */
	    {"a\xc2\x85" "b\xe2\x80\xa8" "c", "'abc'"},
	    /* invalid UTF-8: a lone continuation byte, an overlong '/', a
	     * truncated sequence, a surrogate */
	    {"a\x80z\xc0\xafq\xe1\x80", "'azq'"},
	    {"s\xed\xa0\x80t", "'st'"},
	    {"''''", "'’’’’'"},
	    {"\\' ", "'\\’ '"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *q = S_quote(cases[i].in);
		assert_string_equal(q, cases[i].out);
		/* and gnuplot reads it as one string */
		if (!S_gnuplot_reads(q))
			fprintf(stderr, "gnuplot does not read %s\n", q);
		assert_true(S_gnuplot_reads(q));
		/* What is inside the outer quotes has only doubled quotes. */
		size_t n = strlen(q);
		assert_true(n >= 2 && q[0] == '\'' && q[n - 1] == '\'');
		for (size_t k = 1; k + 1 < n; k++) {
			assert_true((unsigned char)q[k] >= 0x20 && q[k] != 0x7f);
			if (q[k] == '\'') {
				assert_int_equal(q[k + 1], '\'');
				k++;
			}
		}
		free(q);
	}
}

/* A model by hand: 3 groups, 5 units (one in a group no target applies
 * to), 3 targets, a window of 5 months.  Figures are made up from the
 * indexes so every verdict occurs. */
typedef struct {
	const char *ma, *ten;
	int nhom;
} S_Unit;

static void S_model(Model *m, const S_Unit *units, size_t n_units, int quarters)
{
	static const char *const nhom[][2] = {
	    {"so", "Sở, ban, ngành tỉnh"}, {"huyen", "UBND cấp huyện"}, {"xa", "UBND cấp xã"}, {"khac", "Khác"}};
	/* stt, so_sanh, gt_num, gt_scale, ap_dung so/huyen/xa/khac */
	static const struct {
		int stt;
		SoSanh ss;
		int64_t gt;
		int scale;
		unsigned char ap[4];
		const char *ten;
	} ct[] = {
	    {1, SS_GE, 80, 0, {1, 1, 1, 0}, "Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số TTHC có đủ "
	                                    "điều kiện trên Cổng Dịch vụ công quốc gia."},
	    {2, SS_GE, 455, 1, {0, 1, 1, 0}, "Tỷ lệ thanh toán trực tuyến"},
	    {7, SS_EQ, 100, 0, {0, 0, 1, 0}, "Tỷ lệ chứng thực bản sao điện tử"},
	};
	model_init(m);
	m->n_nhom = 4;
	m->nhom = xcalloc(4, sizeof *m->nhom);
	for (int g = 0; g < 4; g++) {
		m->nhom[g].ma = xstrdup(nhom[g][0]);
		m->nhom[g].ten = xstrdup(nhom[g][1]);
		m->nhom[g].thu_tu = g + 1;
	}
	m->n_don_vi = n_units;
	m->don_vi = xcalloc(n_units, sizeof *m->don_vi);
	for (size_t u = 0; u < n_units; u++) {
		m->don_vi[u].ma = xstrdup(units[u].ma);
		m->don_vi[u].ten = xstrdup(units[u].ten);
		m->don_vi[u].nhom = units[u].nhom;
		m->don_vi[u].thuoc = -1;
		m->don_vi[u].co_so_lieu = 1;
	}
	size_t T = sizeof ct / sizeof *ct;
	m->n_chi_tieu = T;
	m->chi_tieu = xcalloc(T, sizeof *m->chi_tieu);
	for (size_t t = 0; t < T; t++) {
		ChiTieu *x = &m->chi_tieu[t];
		x->stt = ct[t].stt;
		x->ten = xstrdup(ct[t].ten);
		x->chu_tri = xstrdup("");
		x->phoi_hop = xstrdup("");
		x->don_vi_tinh = xstrdup("%");
		x->can_cu = xstrdup("");
		x->can_cu_span = 1;
		x->so_sanh = ct[t].ss;
		x->gt_num = ct[t].gt;
		x->gt_scale = ct[t].scale;
		x->ap_dung = xmalloc(4);
		memcpy(x->ap_dung, ct[t].ap, 4);
	}
	model_build_index(m);

	CuaSo *w = &m->cua_so;
	w->year = 2024;
	w->last_month = quarters ? 6 : 5;
	w->ky = quarters ? (Ky){2024, 'Q', 2} : (Ky){2024, 'M', 5};
	w->moi_nhat = w->ky;
	w->buoc_quy = quarters;
	w->n_buoc = quarters ? 2 : 5;
	for (int i = 0; i < w->n_buoc; i++)
		w->buoc[i] = (Ky){2024, quarters ? 'Q' : 'M', i + 1};

	size_t U = n_units, G = 4;
	m->kq_don_vi = xcalloc(U * T, sizeof *m->kq_don_vi);
	m->kq_nhom = xcalloc(G * T, sizeof *m->kq_nhom);
	m->kq_tinh = xcalloc(T, sizeof *m->kq_tinh);
	m->xh_don_vi = xcalloc(U * T * MAX_BUOC, sizeof(Diem));
	m->xh_nhom = xcalloc(G * T * MAX_BUOC, sizeof(Diem));
	m->xh_tinh = xcalloc(T * MAX_BUOC, sizeof(Diem));
	m->thu_tu_don_vi = xmalloc(U * sizeof(int));
	for (size_t u = 0; u < U; u++) {
		m->thu_tu_don_vi[u] = (int)u;
		for (size_t t = 0; t < T; t++) {
			KetQua *k = &m->kq_don_vi[u * T + t];
			k->dg = DG_CHUA_BAO_CAO;
			/* every fifth pair has not reported, nor any "cbc-" unit */
			if (!model_applies(m, u, t) || (u + t) % 5 == 4 || strncmp(units[u].ma, "cbc-", 4) == 0)
				continue;
			Diem *x = &m->xh_don_vi[(u * T + t) * MAX_BUOC];
			Diem *gx = &m->xh_nhom[((size_t)m->don_vi[u].nhom * T + t) * MAX_BUOC];
			Diem *px = &m->xh_tinh[t * MAX_BUOC];
			for (int s = 0; s < w->n_buoc; s++) {
				if ((u + (size_t)s) % 4 == 3 && s != 0)
					continue; /* a step with no row */
				x[s].co = gx[s].co = px[s].co = 1;
				x[s].d = (u + t) % 3 == 2 ? 0 : 20 + (int64_t)(u * 7 + t * 3 + (size_t)s * 5) % 40;
				x[s].n = x[s].d - (int64_t)((u + t + (size_t)s) % 4) * x[s].d / 5;
				gx[s].n += x[s].n;
				gx[s].d += x[s].d;
				px[s].n += x[s].n;
				px[s].d += x[s].d;
				k->n += x[s].n;
				k->d += x[s].d;
			}
			k->dg = eval_judge(&m->chi_tieu[t], k->n, k->d);
			KetQua *a[2] = {&m->kq_nhom[(size_t)m->don_vi[u].nhom * T + t], &m->kq_tinh[t]};
			for (int i = 0; i < 2; i++) {
				a[i]->n += k->n;
				a[i]->d += k->d;
				a[i]->so_dv_dat += k->dg == DG_DAT;
				a[i]->so_dv_danh_gia += k->dg == DG_DAT || k->dg == DG_CHUA_DAT;
				a[i]->dg = 1; /* judged below */
			}
		}
	}
	for (size_t t = 0; t < T; t++) {
		for (size_t g = 0; g < G; g++) {
			KetQua *k = &m->kq_nhom[g * T + t];
			k->dg = k->dg ? eval_judge(&m->chi_tieu[t], k->n, k->d) : DG_CHUA_BAO_CAO;
		}
		KetQua *k = &m->kq_tinh[t];
		k->dg = k->dg ? eval_judge(&m->chi_tieu[t], k->n, k->d) : DG_CHUA_BAO_CAO;
	}
	m->evaluated = 1;
}

static const S_Unit S_units[] = {
    {"so-tu-phap", "Sở Tư pháp", 0},
    {"cbc-so", "Sở Chưa Gửi", 0},
    {"huyen-van-giang", "UBND huyện Văn Giang", 1},
    {"xa-a", "UBND xã Đồng Tiến", 2},
    {"xa-b", "UBND xã Ông Đình", 2},
    {"khac-1", "Đơn vị không có chỉ tiêu", 3},
};
#define S_N_UNITS (sizeof S_units / sizeof *S_units)

static char *S_tmpdir(void)
{
	char *d = xstrdup("/tmp/chitieu-test-chart-XXXXXX");
	assert_non_null(mkdtemp(d));
	return d;
}

static int S_exists(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	struct stat st;
	int r = stat(p, &st) == 0;
	free(p);
	return r;
}

static void *S_slurp(const char *dir, const char *name, size_t *len)
{
	char *p = xasprintf("%s/%s", dir, name);
	Buf b;
	buf_init(&b);
	assert_int_equal(buf_read_file(&b, p), 0);
	free(p);
	return buf_detach(&b, len);
}

static size_t S_count_files(const char *dir)
{
	char *cmd = xasprintf("ls -A '%s' | wc -l", dir);
	FILE *p = popen(cmd, "r");
	free(cmd);
	unsigned long n = 0;
	assert_int_equal(fscanf(p, "%lu", &n), 1);
	pclose(p);
	return n;
}

static void S_render_ok(const Model *m, const char *dir, int jobs)
{
	char *err = NULL;
	int rc = chart_render_all(m, dir, jobs, &err);
	if (rc)
		fprintf(stderr, "chart_render_all: %s\n", err);
	assert_int_equal(rc, 0);
	assert_null(err);
}

static void test_chart_render_files(void **state)
{
	Model m;
	S_model(&m, S_units, S_N_UNITS, 0);
	char *dir = S_tmpdir();
	S_render_ok(&m, dir, 1);
	static const char *const want[] = {"chi-tieu-1", "chi-tieu-2", "chi-tieu-7", "don-vi-so-tu-phap",
	                                   "don-vi-huyen-van-giang", "don-vi-xa-a", "don-vi-xa-b", "don-vi-cbc-so"};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		char *png = xasprintf("%s.png", want[i]), *svg = xasprintf("%s.svg", want[i]);
		size_t n;
		unsigned char *p = S_slurp(dir, png, &n);
		assert_true(n > 1000);
		assert_memory_equal(p, "\x89PNG\r\n\x1a\n", 8);
		/* IHDR: at least 200 dpi at the placed size, every chart (the
		 * PDFs print them) */
		uint32_t w = (uint32_t)p[16] << 24 | (uint32_t)p[17] << 16 | (uint32_t)p[18] << 8 | p[19];
		int wmm = i < 3 ? CHART_CHI_TIEU_W_MM : CHART_DON_VI_W_MM;
		uint32_t dpi = 200;
		assert_true(w * 254 >= (uint32_t)wmm * dpi * 10 - 254);
		free(p);
		char *s = S_slurp(dir, svg, &n);
		assert_true(strncmp(s, "<?xml", 5) == 0);
		assert_non_null(strstr(s, "</svg>"));
		free(s);
		free(png);
		free(svg);
	}
	/* The unit with no applicable target has no chart; nothing else is there. */
	assert_false(S_exists(dir, "don-vi-khac-1.png"));
	assert_false(S_exists(dir, "don-vi-khac-1.svg"));
	assert_int_equal(S_count_files(dir), 2 * (sizeof want / sizeof *want));
	assert_int_equal(chart_unit_has_chart(&m, 5), 0);
	assert_int_equal(chart_unit_has_chart(&m, 0), 1);
	/* Vietnamese text reaches the SVG as UTF-8 text. */
	size_t n;
	char *s = S_slurp(dir, "chi-tieu-1.svg", &n);
	assert_non_null(strstr(s, "Toàn tỉnh"));
	assert_non_null(strstr(s, "Th5"));
	assert_non_null(strstr(s, "Tối thiểu 80"));
	/* the document's own title and description, not gnuplot's */
	assert_null(strstr(s, "<title>Gnuplot</title>"));
	assert_null(strstr(s, "Produced by GNUPLOT"));
	assert_non_null(strstr(s, ">\n\n<title>Chỉ tiêu 1. Tỷ lệ cung cấp dịch vụ công"));
	assert_non_null(strstr(s, "<desc>Biểu đồ đường: "));
	assert_non_null(strstr(s, "so với chỉ tiêu giao Tối thiểu 80% (đường nét đứt). Toàn tỉnh"));
	free(s);
	s = S_slurp(dir, "don-vi-xa-a.svg", &n);
	/* none of gnuplot's empty groups ("<g …>" then "</g>") is left */
	for (const char *q = s; (q = strstr(q, ">\n</g>\n")); q++) {
		const char *line = q;
		while (line > s && line[-1] != '\n')
			line--;
		assert_false(!strncmp(line, "<g ", 3) && !memchr(line + 1, '<', (size_t)(q - line - 1)));
	}
	assert_non_null(strstr(s, "UBND xã Đồng Tiến"));
	assert_non_null(strstr(s, "<title>UBND xã Đồng Tiến – "));
	assert_non_null(strstr(s, "<desc>Biểu đồ nhỏ theo từng chỉ tiêu"));
	/* without ten_ngan the short name is "Chỉ tiêu <stt>" */
	assert_non_null(strstr(s, "CT 2 Chỉ tiêu 2 (chỉ tiêu Tối thiểu 45,5%): Quý I "));
	/* the panels' titles and the periods in words, never "2024-Q1" */
	assert_non_null(strstr(s, ">CT 2: "));
	assert_non_null(strstr(s, ">Quý I<"));
	assert_null(strstr(s, "2024-"));
	free(s);
	if (getenv("CHITIEU_KEEP_CHARTS"))
		fprintf(stderr, "charts kept in %s\n", dir);
	else
		out_rmtree(dir);
	free(dir);
	model_release(&m);
}

/* An SVG that has a title and description already (labelled by an
 * earlier run, or kept in a cache) gets ours in their place, not a second
 * pair. */
static void test_chart_svg_label_once(void **state)
{
	Model m;
	S_model(&m, S_units, S_N_UNITS, 0);
	char *dir = S_tmpdir();
	setenv("CHITIEU_GNUPLOT", "tests/fake-gnuplot/labelled", 1);
	S_render_ok(&m, dir, 1);
	unsetenv("CHITIEU_GNUPLOT");
	size_t n;
	char *s = S_slurp(dir, "chi-tieu-2.svg", &n);
	assert_null(strstr(s, "Cũ"));
	assert_null(strstr(s, "Mô tả cũ"));
	const char *t = strstr(s, "<title>Chỉ tiêu 2. Tỷ lệ thanh toán trực tuyến – ");
	assert_non_null(t);
	const char *canvas = strstr(s, "<g id=\"gnuplot_canvas\">");
	assert_non_null(canvas);
	/* one title and one description before the drawing */
	assert_true(t < canvas && !strstr(t + 1, "<title>Chỉ tiêu 2."));
	const char *d = strstr(s, "<desc>");
	assert_true(d && d < canvas && strstr(d + 1, "<desc>") == NULL);
	free(s);
	out_rmtree(dir);
	free(dir);
	model_release(&m);
}

static void test_chart_quarter_axis(void **state)
{
	Model m;
	S_model(&m, S_units, S_N_UNITS, 1);
	char *dir = S_tmpdir();
	S_render_ok(&m, dir, 2);
	size_t n;
	char *s = S_slurp(dir, "chi-tieu-2.svg", &n);
	assert_non_null(strstr(s, "Quý II"));
	assert_null(strstr(s, "Th1"));
	free(s);
	out_rmtree(dir);
	free(dir);
	model_release(&m);
}

/* One process for all, three, or one per chart (64 > 7 charts): the same
 * bytes, so no state of gnuplot leaks from one chart into the next. */
static void test_chart_jobs_identical(void **state)
{
	Model m;
	S_model(&m, S_units, S_N_UNITS, 0);
	char *d1 = S_tmpdir();
	S_render_ok(&m, d1, 1);
	static const int jobs[] = {3, 64};
	for (size_t i = 0; i < 2; i++) {
		char *dn = S_tmpdir();
		S_render_ok(&m, dn, jobs[i]);
		char *cmd = xasprintf("diff -r '%s' '%s' >&2", d1, dn);
		assert_int_equal(system(cmd), 0);
		free(cmd);
		out_rmtree(dn);
		free(dn);
	}
	out_rmtree(d1);
	free(d1);
	model_release(&m);
}

/* Text from clerks' files in every place it is drawn: nothing runs. */
static void test_chart_hostile_names(void **state)
{
	char *dir = S_tmpdir(), *trap = S_tmpdir();
	char *n1 = xasprintf("UBND xã `touch %s/x` \"; system(\"touch %s/y\")", trap, trap);
	char *n2 = xasprintf("x'; system('touch %s/z'); print '", trap);
	char *n3 = xasprintf("x\n!touch %s/w\nset output '|touch %s/v'", trap, trap);
	char *n4 = xasprintf("@GPVAL_TERM `touch %s/u` $(touch %s/t)", trap, trap);
	S_Unit units[] = {
	    {"xa-1", n1, 2}, {"xa-2", n2, 2}, {"xa-3", n3, 2}, {"huyen-4", n4, 1}, {"so-5", "Sở\\'", 0}};
	Model m;
	S_model(&m, units, sizeof units / sizeof *units, 0);
	free(m.nhom[2].ten);
	m.nhom[2].ten = xstrdup(n2);
	free(m.chi_tieu[0].ten);
	m.chi_tieu[0].ten = xstrdup(n3);
	S_render_ok(&m, dir, 2);
	assert_int_equal(S_count_files(trap), 0);
	assert_true(S_exists(dir, "don-vi-xa-1.png"));
	size_t n;
	char *s = S_slurp(dir, "don-vi-xa-1.svg", &n);
	assert_non_null(strstr(s, "system("));
	free(s);
	model_release(&m);
	out_rmtree(dir);
	out_rmtree(trap);
	free(dir);
	free(trap);
	free(n1);
	free(n2);
	free(n3);
	free(n4);
}

static void test_chart_bad_code(void **state)
{
	S_Unit units[] = {{"../evil", "x", 2}};
	Model m;
	S_model(&m, units, 1, 0);
	char *dir = S_tmpdir(), *err = NULL;
	assert_int_equal(chart_render_all(&m, dir, 1, &err), -1);
	assert_non_null(strstr(err, "../evil"));
	assert_int_equal(S_count_files(dir), 0);
	free(err);
	out_rmtree(dir);
	free(dir);
	model_release(&m);
}

/* Runs with CHITIEU_GNUPLOT=prog, expecting failure; returns the message. */
static char *S_render_fail(const char *prog, int jobs, char **dirp)
{
	Model m;
	S_model(&m, S_units, S_N_UNITS, 0);
	char *dir = S_tmpdir(), *err = NULL;
	setenv("CHITIEU_GNUPLOT", prog, 1);
	int rc = chart_render_all(&m, dir, jobs, &err);
	unsetenv("CHITIEU_GNUPLOT");
	assert_int_equal(rc, -1);
	assert_non_null(err);
	/* a failed run leaves no chart behind */
	assert_int_equal(S_count_files(dir), 0);
	model_release(&m);
	*dirp = dir;
	return err;
}

static void S_done(char *dir, char *err)
{
	out_rmtree(dir);
	free(dir);
	free(err);
}

static void test_chart_gnuplot_missing(void **state)
{
	char *dir, *err = S_render_fail("/nonexistent/gnuplot", 1, &dir);
	assert_non_null(strstr(err, "apt-get install gnuplot-nox"));
	assert_non_null(strstr(err, "/nonexistent/gnuplot"));
	S_done(dir, err);
	err = S_render_fail("no-such-gnuplot-program", 3, &dir);
	assert_non_null(strstr(err, "apt-get install gnuplot-nox"));
	S_done(dir, err);
}

static void test_chart_gnuplot_fails(void **state)
{
	char *dir, *err = S_render_fail("tests/fake-gnuplot/fail", 1, &dir);
	assert_non_null(strstr(err, "gnuplot"));
	assert_non_null(strstr(err, "exit status 1"));
	assert_non_null(strstr(err, "simulated failure"));
	S_done(dir, err);
}

static void test_chart_gnuplot_names_chart(void **state)
{
	setenv("CHITIEU_BREAK_CHART", "don-vi-xa-a", 1);
	for (int jobs = 1; jobs <= 4; jobs += 3) {
		char *dir, *err = S_render_fail("tests/fake-gnuplot/break-chart", jobs, &dir);
		assert_non_null(strstr(err, "charts/don-vi-xa-a.png"));
		assert_non_null(strstr(err, "nosuchblock"));
		S_done(dir, err);
	}
	unsetenv("CHITIEU_BREAK_CHART");
}

static void test_chart_gnuplot_silent(void **state)
{
	char *dir, *err = S_render_fail("tests/fake-gnuplot/silent", 2, &dir);
	assert_non_null(strstr(err, "did not write the chart charts/chi-tieu-1.png"));
	S_done(dir, err);
}

static void test_chart_gnuplot_timeout(void **state)
{
	setenv("CHITIEU_GNUPLOT_TIMEOUT", "1", 1);
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	char *dir, *err = S_render_fail("tests/fake-gnuplot/hang", 2, &dir);
	clock_gettime(CLOCK_MONOTONIC, &b);
	unsetenv("CHITIEU_GNUPLOT_TIMEOUT");
	assert_non_null(strstr(err, "did not finish the chart charts/"));
	assert_non_null(strstr(err, "within 1 seconds"));
	assert_non_null(strstr(err, "CHITIEU_GNUPLOT_TIMEOUT"));
	assert_true(b.tv_sec - a.tv_sec < 10);
	S_done(dir, err);
}

/* The timeout is on progress: a long run that keeps finishing charts
 * is not stopped. */
static void test_chart_gnuplot_slow_not_killed(void **state)
{
	setenv("CHITIEU_GNUPLOT_TIMEOUT", "1", 1);
	char *dir, *err = S_render_fail("tests/fake-gnuplot/slow", 1, &dir);
	unsetenv("CHITIEU_GNUPLOT_TIMEOUT");
	assert_null(strstr(err, "CHITIEU_GNUPLOT_TIMEOUT"));
	assert_non_null(strstr(err, "did not write the chart"));
	S_done(dir, err);
}

static void test_chart_script_data(void **state)
{
	Model m;
	S_model(&m, S_units, S_N_UNITS, 0);
	Buf b;
	buf_init(&b);
	char *err = NULL;
	assert_int_equal(chart_script(&m, &b, &err), 0);
	/* '.' decimals in the data whatever the locale; 45,5 as 45.5 */
	assert_non_null(strstr(b.ptr, "\n0 45.5\n"));
	assert_null(strstr(b.ptr, "system("));
	/* one piece per chart, each able to say it failed */
	size_t marks = 0;
	for (const char *p = b.ptr; (p = strstr(p, "chitieu-chart-failed ")); p++)
		marks++;
	assert_int_equal(marks, 8);
	buf_release(&b);
	model_release(&m);
}

/* A unit chart is one panel per applicable target, titled "CT <stt>: ..."
 * in both drawings (PNG, SVG); a target without a rate shows its legend
 * symbol at the report period and names it in the key; the x tics are
 * the periods in words; a long group name in a legend is never cut
 * mid-word or with a bracket left open. */
static void test_chart_labels_clear(void **state)
{
	Model m;
	S_model(&m, S_units, S_N_UNITS, 0);
	free(m.nhom[1].ten);
	m.nhom[1].ten = xstrdup("Đơn vị đầu mối đồng bộ dữ liệu (Văn phòng UBND tỉnh, VNPT Hưng Yên)");
	Buf b;
	buf_init(&b);
	char *err = NULL;
	assert_int_equal(chart_script(&m, &b, &err), 0);
	/* no "…" after a bracket opened and not closed, no group name cut */
	assert_null(strstr(b.ptr, "(Văn phòng…"));
	assert_non_null(strstr(b.ptr, "title 'Đơn vị đầu mối đồng bộ dữ liệu: "));
	/* the unit charts */
	int saw_status = 0;
	for (const char *p = b.ptr; (p = strstr(p, "# chart don-vi-")); p++) {
		const char *end = strstr(p + 1, "# chart ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *c = xstrndup(p, len);
		char ma[64];
		assert_int_equal(sscanf(c, "# chart don-vi-%63s", ma), 1);
		int u = model_find_don_vi(&m, ma);
		assert_true(u >= 0);
		/* the period names, not the targets' numbers, on the x axis */
		assert_non_null(strstr(c, "set xtics ('Quý I' 1"));
		assert_null(strstr(c, "rotate by 90"));
		for (size_t t = 0; t < m.n_chi_tieu; t++) {
			char want[32];
			snprintf(want, sizeof want, "set title 'CT %d: ", m.chi_tieu[t].stt);
			const char *t1 = strstr(c, want), *t2 = t1 ? strstr(t1 + 1, want) : NULL;
			if (!model_applies(&m, (size_t)u, t)) {
				assert_null(t1);
				continue;
			}
			assert_non_null(t2); /* the PNG's panel and the SVG's */
			DanhGia dg = model_kq_don_vi(&m, (size_t)u, t)->dg;
			if (dg == DG_CHUA_BAO_CAO || dg == DG_KHONG_PHAT_SINH) {
				saw_status = 1;
				/* the symbol stands at the report period, and the key says it */
				char sym[64];
				snprintf(sym, sizeof sym, "set label 3 '%s' at first 2, graph 0.5", fmt_ky_hieu((int)dg));
				assert_non_null(strstr(t1, sym));
				snprintf(sym, sizeof sym, "title '%s %s'", fmt_ky_hieu((int)dg), fmt_danh_gia(dg));
				assert_non_null(strstr(c, sym));
			}
		}
		free(c);
	}
	assert_true(saw_status);
	buf_release(&b);
	model_release(&m);
}

/* The y range of the unit chart's panel of target t (the first, PNG's). */
static void S_panel_range(const char *script, const char *ma, int stt, long *lo, long *hi)
{
	char head[96], want[32];
	snprintf(head, sizeof head, "# chart don-vi-%s\n", ma);
	snprintf(want, sizeof want, "set title 'CT %d: ", stt);
	const char *c = strstr(script, head);
	assert_non_null(c);
	const char *t = strstr(c, want);
	assert_non_null(t);
	const char *y = strstr(t, "set yrange [");
	assert_int_equal(sscanf(y, "set yrange [%ld:%ld]", lo, hi), 2);
}

/* A target above 100 % stretches its panel's range so its line shows;
 * else no panel goes past 100 %. */
static void test_chart_yaxis_target(void **state)
{
	Model m;
	S_model(&m, S_units, S_N_UNITS, 0);
	Buf b;
	buf_init(&b);
	char *err = NULL;
	assert_int_equal(chart_script(&m, &b, &err), 0);
	long lo, hi;
	S_panel_range(b.ptr, "xa-a", 2, &lo, &hi);
	assert_true(lo >= 0 && hi <= 100 && lo < 45 && hi > 46);
	buf_reset(&b);
	m.chi_tieu[1].gt_num = 1500; /* 150,0 */
	assert_int_equal(chart_script(&m, &b, &err), 0);
	S_panel_range(b.ptr, "xa-a", 2, &lo, &hi);
	assert_true(hi >= 152);
	buf_release(&b);
	model_release(&m);
}

/* Trend charts fit their vertical range to the plotted rates and the
 * target line with a margin; the axis label says where a cut range
 * starts; so does each panel of a unit's chart. */
static void test_chart_trend_range(void **state)
{
	Model m;
	S_model(&m, S_units, S_N_UNITS, 0);
	Buf b;
	buf_init(&b);
	char *err = NULL;
	assert_int_equal(chart_script(&m, &b, &err), 0);
	/* every trend chart's range holds 80 % or its target, and each
	 * either starts at 0 or says on its axis where it starts */
	const char *p = b.ptr;
	int trends = 0;
	while ((p = strstr(p, "# chart chi-tieu-"))) {
		const char *end = strstr(p + 1, "# chart ");
		const char *y = strstr(p, "set yrange [");
		assert_non_null(y);
		assert_true(!end || y < end);
		long lo, hi;
		assert_int_equal(sscanf(y, "set yrange [%ld:%ld]", &lo, &hi), 2);
		assert_true(lo >= 0 && lo < hi && hi <= 100);
		const char *l = strstr(y, "set ylabel '");
		assert_non_null(l);
		if (lo > 0) {
			char want[64];
			snprintf(want, sizeof want, "set ylabel 'Tỷ lệ (%%), trục từ %ld%%'", lo);
			assert_ptr_equal(strstr(y, want), l);
		} else
			assert_ptr_equal(strstr(y, "set ylabel 'Tỷ lệ (%)'"), l);
		trends++;
		p++;
	}
	assert_int_equal(trends, 3);
	/* a province at 81-84 % on a target of 80 % is not drawn on 0-100 */
	size_t T = m.n_chi_tieu;
	for (int s = 0; s < m.cua_so.n_buoc; s++) {
		Diem *x[5] = {&m.xh_tinh[s]};
		for (size_t g = 0; g < 4; g++)
			x[g + 1] = &m.xh_nhom[(g * T) * MAX_BUOC + (size_t)s];
		for (int e = 0; e < 5; e++)
			*x[e] = (Diem){.n = 810 + (s % 4) * 10, .d = 1000, .co = 1};
	}
	buf_reset(&b);
	assert_int_equal(chart_script(&m, &b, &err), 0);
	const char *y = strstr(strstr(b.ptr, "# chart chi-tieu-1"), "set yrange [");
	long lo, hi;
	assert_int_equal(sscanf(y, "set yrange [%ld:%ld]", &lo, &hi), 2);
	assert_true(lo >= 60 && lo < 80 && hi > 84 && hi <= 100);
	assert_non_null(strstr(y, "trục từ"));
	/* a unit's panel fits its range too: a unit at 81-84 % on a target
	 * of 80 % (xa-a, target 1) */
	Diem *x = &m.xh_don_vi[(3 * T + 0) * MAX_BUOC];
	for (int s = 0; s < m.cua_so.n_buoc; s++)
		x[s] = (Diem){.n = 810 + (s % 4) * 10, .d = 1000, .co = 1};
	buf_reset(&b);
	assert_int_equal(chart_script(&m, &b, &err), 0);
	S_panel_range(b.ptr, "xa-a", 1, &lo, &hi);
	assert_true(lo >= 60 && lo < 80 && hi > 84 && hi <= 100);
	buf_release(&b);
	model_release(&m);
}

/* 100*n/d with 4 decimals, rounded half up, as the test's own (n >= 0). */
static void S_pct(Buf *b, int64_t n, int64_t d)
{
	int64_t q = (n * 2000000 + d) / (2 * d);
	buf_printf(b, "%lld.%04lld", (long long)(q / 10000), (long long)(q % 10000));
}

/* The datablock `name` of the chart piece c, rows and blank lines. */
static char *S_block(const char *c, const char *name)
{
	char head[32];
	snprintf(head, sizeof head, "%s << EOD\n", name);
	const char *p = strstr(c, head);
	assert_non_null(p);
	p += strlen(head);
	const char *e = strstr(p, "EOD\n");
	assert_non_null(e);
	return xstrndup(p, (size_t)(e - p));
}

/* A unit's chart plots, for every applicable target, the unit's year-to-
 * date rate at the end of each period of the year (the quarters' ends,
 * then the window's): the sums of its figures from January, computed here
 * from the steps on their own; a period in which the unit has no figure is
 * a gap (a blank line), never the figure carried over nor a zero; the
 * report period's point carries its verdict. */
static void test_chart_unit_periods(void **state)
{
	for (int quarters = 0; quarters < 2; quarters++) {
		Model m;
		S_model(&m, S_units, S_N_UNITS, quarters);
		size_t T = m.n_chi_tieu;
		CuaSo *w = &m.cua_so;
		if (quarters) {
			/* nine months: Quý I, 6 tháng, 9 tháng; xa-a, target 1 did not
			 * report the second quarter */
			w->n_buoc = 3;
			w->buoc[2] = (Ky){2024, 'Q', 3};
			w->last_month = 9;
			w->ky = w->moi_nhat = w->buoc[2];
			Diem *x = &m.xh_don_vi[(3 * T + 0) * MAX_BUOC];
			x[0] = (Diem){.n = 30, .d = 40, .co = 1};
			x[1] = (Diem){0};
			x[2] = (Diem){.n = 45, .d = 50, .co = 1};
			KetQua *k = &m.kq_don_vi[3 * T + 0];
			*k = (KetQua){.n = 75, .d = 90, .dg = eval_judge(&m.chi_tieu[0], 75, 90)};
		}
		Buf b, want;
		buf_init(&b);
		buf_init(&want);
		char *err = NULL;
		assert_int_equal(chart_script(&m, &b, &err), 0);
		int checked = 0;
		for (size_t u = 0; u < m.n_don_vi; u++) {
			if (!chart_unit_has_chart(&m, u))
				continue;
			char head[96];
			snprintf(head, sizeof head, "# chart don-vi-%s\n", m.don_vi[u].ma);
			const char *c = strstr(b.ptr, head);
			assert_non_null(c);
			const char *end = strstr(c + 1, "# chart ");
			char *piece = xstrndup(c, end ? (size_t)(end - c) : strlen(c));
			int e = 0;
			for (size_t t = 0; t < T; t++) {
				if (!model_applies(&m, u, t))
					continue;
				const Diem *x = &m.xh_don_vi[(u * T + t) * MAX_BUOC];
				/* the periods' ends: 3, 5 (months) or 3, 6, 9 (quarters) */
				int ends[3] = {3, quarters ? 6 : 5, 9}, n_ends = quarters ? 3 : 2;
				buf_reset(&want);
				int64_t cn = 0, cd = 0;
				int s = 0, any = 0, gap = 0;
				for (int k = 0; k < n_ends; k++) {
					int co = 0;
					for (; s < w->n_buoc; s++) {
						int last = quarters ? 3 * (s + 1) : s + 1;
						if (last > ends[k])
							break;
						if (x[s].co) {
							co = 1;
							cn += x[s].n;
							cd += x[s].d;
						}
					}
					if (!co || cd == 0) {
						gap = 1;
						continue;
					}
					if (gap && any)
						buf_putc(&want, '\n');
					gap = 0;
					any = 1;
					buf_printf(&want, "%d ", k + 1);
					S_pct(&want, cn, cd);
					buf_putc(&want, '\n');
				}
				if (!any)
					buf_puts(&want, "-100 -100\n");
				char name[16];
				snprintf(name, sizeof name, "$u%d", e);
				char *got = S_block(piece, name);
				assert_string_equal(got, want.ptr);
				free(got);
				/* the report period's point and its verdict's mark */
				const KetQua *kq = model_kq_don_vi(&m, u, t);
				buf_reset(&want);
				if ((kq->dg == DG_DAT || kq->dg == DG_CHUA_DAT) && kq->d > 0) {
					buf_printf(&want, "%d ", n_ends);
					S_pct(&want, kq->n, kq->d);
					buf_putc(&want, '\n');
					char mark[96];
					snprintf(mark, sizeof mark, "$v%d using 1:2 with points pt %d ", e, kq->dg == DG_DAT ? 7 : 2);
					assert_non_null(strstr(piece, mark));
				} else
					buf_puts(&want, "-100 -100\n");
				snprintf(name, sizeof name, "$v%d", e);
				got = S_block(piece, name);
				assert_string_equal(got, want.ptr);
				free(got);
				e++;
				checked++;
			}
			free(piece);
		}
		assert_true(checked >= 8);
		if (quarters) {
			/* the gap, spelled out: Quý I 75 %, no 6 tháng, 9 tháng 83,33 % */
			const char *c = strstr(b.ptr, "# chart don-vi-xa-a\n");
			char *got = S_block(c, "$u0");
			assert_string_equal(got, "1 75.0000\n\n3 83.3333\n");
			free(got);
			assert_non_null(strstr(c, "set title 'CT 1: 83,33% ●'"));
			assert_non_null(strstr(c, "'Tỷ lệ lũy kế từ đầu năm: Quý I, 6 tháng, 9 tháng năm 2024'"));
		}
		buf_release(&b);
		buf_release(&want);
		model_release(&m);
	}
}

/* The period words of a unit chart's axis. */
static void test_chart_period_words(void **state)
{
	static const struct {
		int thang;
		const char *want;
	} c[] = {{1, "Tháng 1"}, {3, "Quý I"}, {5, "5 tháng"}, {6, "6 tháng"}, {9, "9 tháng"}, {12, "Năm"}};
	Buf b;
	buf_init(&b);
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		buf_reset(&b);
		fmt_bd_ky_gon(&b, c[i].thang);
		assert_string_equal(b.ptr, c[i].want);
	}
	buf_release(&b);
}

/* The driver modes: the real pipeline into charts, or the script. */
static int S_driver(int argc, char **argv)
{
	Model m;
	model_init(&m);
	int script = strcmp(argv[1], "--script") == 0;
	const char *ky = script ? (argc > 3 ? argv[3] : NULL) : (argc > 5 ? argv[5] : NULL);
	if (argc < (script ? 3 : 5)) {
		fprintf(stderr, "usage: test_chart --render IN DIR JOBS [KY] | --script IN [KY]\n");
		return 2;
	}
	if (input_read(&m, argv[2]) || eval_run(&m, ky)) {
		msgs_print(&m.msgs, stderr);
		model_release(&m);
		return 1;
	}
	char *err = NULL;
	int rc;
	if (script) {
		Buf b;
		buf_init(&b);
		rc = chart_script(&m, &b, &err);
		fwrite(b.ptr, 1, b.len, stdout);
		buf_release(&b);
	} else {
		rc = chart_render_all(&m, argv[3], atoi(argv[4]), &err);
	}
	if (rc)
		fprintf(stderr, "test_chart: %s\n", err);
	free(err);
	model_release(&m);
	return rc ? 3 : 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--render") == 0 || strcmp(argv[1], "--script") == 0))
		return S_driver(argc, argv);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_chart_quote_plain),
	    cmocka_unit_test(test_chart_quote_hostile),
	    cmocka_unit_test(test_chart_render_files),
	    cmocka_unit_test(test_chart_quarter_axis),
	    cmocka_unit_test(test_chart_jobs_identical),
	    cmocka_unit_test(test_chart_hostile_names),
	    cmocka_unit_test(test_chart_bad_code),
	    cmocka_unit_test(test_chart_gnuplot_missing),
	    cmocka_unit_test(test_chart_gnuplot_fails),
	    cmocka_unit_test(test_chart_gnuplot_names_chart),
	    cmocka_unit_test(test_chart_gnuplot_silent),
	    cmocka_unit_test(test_chart_gnuplot_timeout),
	    cmocka_unit_test(test_chart_gnuplot_slow_not_killed),
	    cmocka_unit_test(test_chart_script_data),
	    cmocka_unit_test(test_chart_labels_clear),
	    cmocka_unit_test(test_chart_yaxis_target),
	    cmocka_unit_test(test_chart_trend_range),
	    cmocka_unit_test(test_chart_unit_periods),
	    cmocka_unit_test(test_chart_period_words),
	    cmocka_unit_test(test_chart_svg_label_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
