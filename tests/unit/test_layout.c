/* SPDX-License-Identifier: MIT */
/* layout: wrapping, tables, page breaks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "layout.h"
#include "xalloc.h"

#define EPS 0.01f

static int S_setup(void **state)
{
	LoDoc *d = malloc(sizeof *d);
	char *err = NULL;
	if (lo_open(d, &err)) {
		fprintf(stderr, "lo_open: %s\n", err);
		free(err);
		lo_close(d);
		free(d);
		return -1;
	}
	*state = d;
	return 0;
}

static int S_teardown(void **state)
{
	LoDoc *d = *state;
	lo_close(d);
	free(d);
	return 0;
}

/* A long text of Vietnamese words, n code points at least. */
static char *S_long(const char *word, size_t n)
{
	Buf b;
	buf_init(&b);
	size_t cps = 0;
	while (cps < n) {
		if (b.len)
			buf_putc(&b, ' ');
		buf_puts(&b, word);
		cps += 1 + strlen(word); /* bytes >= code points: enough */
	}
	return buf_detach(&b, NULL);
}

static void test_layout_wrap_fits_width(void **state)
{
	LoDoc *d = *state;
	char *s = S_long("Thủ tục hành chính", 600);
	LoLines l;
	lo_lines_init(&l);
	size_t n = lo_wrap(d, FONT_REGULAR, 11, s, 120, &l);
	assert_true(n > 5);
	for (size_t i = 0; i < l.n; i++) {
		assert_true(l.width[i] <= 120 + EPS);
		assert_true(lo_width(d, FONT_REGULAR, 11, l.line[i]) <= 120 + EPS);
		assert_true(l.line[i][0] != ' ');
	}
	lo_lines_release(&l);
	free(s);
}

static void test_layout_wrap_cuts_long_word(void **state)
{
	LoDoc *d = *state;
	/* one "word" far wider than the column: cut by code points, never
	 * inside a UTF-8 sequence */
	const char *w = "ĐồngTiếnẤẦẨẪẬđồngtiếnấầẩẫậĐồngTiếnẤẦẨẪẬđồngtiếnấầẩẫậ";
	LoLines l;
	lo_lines_init(&l);
	size_t n = lo_wrap(d, FONT_BOLD, 12, w, 40, &l);
	assert_true(n > 3);
	Buf joined;
	buf_init(&joined);
	for (size_t i = 0; i < l.n; i++) {
		assert_true(l.width[i] <= 40 + EPS);
		buf_puts(&joined, l.line[i]);
	}
	assert_string_equal(joined.ptr, w);
	buf_release(&joined);
	lo_lines_release(&l);
}

static void test_layout_clean_controls_and_nfd(void **state)
{
	(void)state;
	/* "e" + combining circumflex + combining acute = ế; a tab; a NUL-free
	 * control; an emoji outside the BMP; an invalid byte */
	char *c = lo_clean("Ti\x65\xcc\x82\xcc\x81n\tA\x01" "B\xf0\x9f\x98\x80" "C\xff");
	assert_string_equal(c, "Tiến AB?C?");
	free(c);
}

/* The table of the report's shape: two header rows with spans, a merged
 * basis cell, a 600-character name and a 200-character unit name. */
static void S_build(LoTable *t, char **keep, size_t n_rows)
{
	static const float w[] = {28, 200, 110, 90, 50, 60, 150};
	lo_table_init(t, 7, w);
	size_t h0 = lo_table_row(t), h1 = lo_table_row(t);
	lo_table_set(t, h0, 0, "Stt", 1, 2)->style = FONT_BOLD;
	lo_table_set(t, h0, 1, "Tên nhiệm vụ", 1, 2)->style = FONT_BOLD;
	lo_table_set(t, h0, 2, "Đơn vị chủ trì", 1, 2)->style = FONT_BOLD;
	lo_table_set(t, h0, 3, "Đơn vị phối hợp", 1, 2)->style = FONT_BOLD;
	lo_table_set(t, h0, 4, "Thực hiện trong năm 2024", 2, 1)->style = FONT_BOLD;
	lo_table_set(t, h0, 6, "Căn cứ thực hiện", 1, 2)->style = FONT_BOLD;
	lo_table_set(t, h1, 4, "Đơn vị tính", 1, 1)->style = FONT_BOLD;
	lo_table_set(t, h1, 5, "Giao chỉ tiêu", 1, 1)->style = FONT_BOLD;
	t->n_head = 2;
	keep[0] = S_long("Tỷ lệ hồ sơ trực tuyến được số hóa đầy đủ", 600);
	keep[1] = S_long("UBND xã Nghĩa Trụ huyện Văn Giang", 200);
	keep[2] = S_long("Công văn số 221/VPCP-KSTT ngày 10/01/2024", 300);
	for (size_t i = 0; i < n_rows; i++) {
		size_t r = lo_table_row(t);
		lo_table_set(t, r, 0, "1", 1, 1)->align = LO_CENTER;
		lo_table_set(t, r, 1, i % 3 == 0 ? keep[0] : "Tỷ lệ thanh toán trực tuyến", 1, 1);
		lo_table_set(t, r, 2, i % 4 == 1 ? keep[1] : "Các Sở, ngành", 1, 1);
		lo_table_set(t, r, 3, "Văn phòng UBND tỉnh", 1, 1);
		lo_table_set(t, r, 4, "%", 1, 1)->align = LO_CENTER;
		lo_table_set(t, r, 5, "Tối thiểu 80", 1, 1);
		if (i % 5 == 0)
			lo_table_set(t, r, 6, keep[2], 1, (int)(n_rows - i < 4 ? n_rows - i : 4));
	}
}

static void S_check_boxes(const LoDoc *d, const LoTable *t, const LoBoxes *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const LoBox *x = &b->v[i];
		if (x->tw > 0 && getenv("LO_DEBUG") && (x->ty < x->y - EPS)) fprintf(stderr, "box p%d r%zu c%zu head%d rep%d cell y=%.1f h=%.1f text ty=%.1f th=%.1f\n", x->page, x->row, x->col, x->head, x->repeat, x->y, x->h, x->ty, x->th);
		if (x->tw > 0) {
			/* every text box lies inside its cell */
			assert_true(x->tx >= x->x - EPS);
			assert_true(x->tx + x->tw <= x->x + x->w + EPS);
			assert_true(x->ty >= x->y - EPS);
			assert_true(x->ty + x->th <= x->y + x->h + EPS);
		}
		/* and the cell inside the page's text width */
		assert_true(x->x >= d->m_left - EPS);
		assert_true(x->y >= 0);
	}
	/* no row split: every body row landed on exactly one page, and all
	 * its single-row cells are on that page */
	for (size_t r = t->n_head; r < t->n_row; r++) {
		assert_true(t->row_page[r] >= 0);
		for (size_t i = 0; i < b->n; i++)
			if (b->v[i].row == r && !b->v[i].head && !b->v[i].repeat)
				assert_int_equal(b->v[i].page, t->row_page[r]);
	}
}

static void test_layout_table_repeats_header_no_split(void **state)
{
	LoDoc *d = *state;
	lo_page_new(d, 1);
	int first = d->n_pages - 1;
	d->y -= 200; /* the table starts low on its first page */
	LoTable t;
	char *keep[3];
	S_build(&t, keep, 30);
	LoBoxes b = {0};
	lo_table_flow(d, &t, &b);
	int last = d->n_pages - 1;
	assert_true(last > first + 1);
	S_check_boxes(d, &t, &b);
	/* header rows repeat: every page the table touched has the header
	 * cells, at the top of its text area */
	for (int p = first; p <= last; p++) {
		int n_head = 0, has_rows = 0;
		for (size_t i = 0; i < b.n; i++) {
			if (b.v[i].page != p)
				continue;
			if (b.v[i].head)
				n_head++;
			else
				has_rows = 1;
		}
		if (!has_rows)
			continue;
		assert_int_equal(n_head, 8);
	}
	/* rows stay in order down the pages */
	for (size_t r = t.n_head + 1; r < t.n_row; r++)
		assert_true(t.row_page[r] >= t.row_page[r - 1]);
	lo_boxes_release(&b);
	lo_table_release(&t);
	for (int i = 0; i < 3; i++)
		free(keep[i]);
}

static void test_layout_table_long_cells_wrap_inside(void **state)
{
	LoDoc *d = *state;
	lo_page_new(d, 0);
	LoTable t;
	char *keep[3];
	S_build(&t, keep, 3);
	float want = lo_table_height(d, &t);
	float top = d->y;
	LoBoxes b = {0};
	lo_table_flow(d, &t, &b);
	S_check_boxes(d, &t, &b);
	/* it fits one page, and lo_table_height() foretold its height */
	assert_int_equal(t.row_page[t.n_head], t.row_page[t.n_row - 1]);
	assert_true(want > 0 && fabsf((top - d->y) - want) < EPS);
	/* the 600-character name took many lines: its cell is tall */
	int seen = 0;
	for (size_t i = 0; i < b.n; i++)
		if (b.v[i].col == 1 && !b.v[i].head && b.v[i].row == t.n_head) {
			assert_true(b.v[i].th > 10 * 11);
			seen = 1;
		}
	assert_true(seen);
	lo_boxes_release(&b);
	lo_table_release(&t);
	for (int i = 0; i < 3; i++)
		free(keep[i]);
}

static void test_layout_table_span_crossing_page_repeats(void **state)
{
	LoDoc *d = *state;
	lo_page_new(d, 1);
	static const float w[] = {200, 200};
	LoTable t;
	lo_table_init(&t, 2, w);
	t.cont_prefix = "(tiếp) ";
	size_t h = lo_table_row(&t);
	lo_table_set(&t, h, 0, "Tên", 1, 1);
	lo_table_set(&t, h, 1, "Căn cứ", 1, 1);
	t.n_head = 1;
	char *tall = S_long("dòng dài", 200);
	size_t n = 40;
	for (size_t i = 0; i < n; i++) {
		size_t r = lo_table_row(&t);
		lo_table_set(&t, r, 0, tall, 1, 1);
		if (i == 0)
			lo_table_set(&t, r, 1, "Căn cứ chung", 1, (int)n);
	}
	LoBoxes b = {0};
	lo_table_flow(d, &t, &b);
	S_check_boxes(d, &t, &b);
	int first = t.row_page[1], last = t.row_page[n];
	assert_true(last > first);
	/* the merged cell is drawn once per page its rows reach */
	for (int p = first; p <= last; p++) {
		int k = 0;
		for (size_t i = 0; i < b.n; i++)
			if (b.v[i].page == p && b.v[i].col == 1 && !b.v[i].head) {
				k++;
				assert_int_equal(b.v[i].repeat, p != first);
			}
		assert_int_equal(k, 1);
	}
	lo_boxes_release(&b);
	lo_table_release(&t);
	free(tall);
}

static void test_layout_paragraph_breaks_pages(void **state)
{
	LoDoc *d = *state;
	lo_page_new(d, 0);
	int before = d->n_pages;
	char *s = S_long("Báo cáo kết quả thực hiện", 8000);
	lo_paragraph(d, FONT_REGULAR, 13, d->x0, d->x1 - d->x0, LO_LEFT, 20, 6, s);
	assert_true(d->n_pages > before);
	assert_true(d->y >= d->y_bottom - 6 - EPS);
	free(s);
	unsigned char *pdf;
	size_t len;
	char *err = NULL;
	assert_int_equal(lo_bytes(d, &pdf, &len, &err), 0);
	assert_true(len > 1000);
	assert_memory_equal(pdf, "%PDF-", 5);
	free(pdf);
}

/* A paragraph of runs wraps as lo_paragraph does (widths add up, so one
 * regular run takes the lines lo_wrap gives it), styles change inside a
 * line, a long one breaks pages, and the file says PDF 1.4. */
static void test_layout_rich_paragraph(void **state)
{
	LoDoc *d = *state;
	lo_page_new(d, 0);
	float w = d->x1 - d->x0;
	char *s = S_long("Báo cáo kết quả thực hiện", 600);
	LoRun one = {s, FONT_REGULAR};
	assert_float_equal(lo_rich_height(d, &one, 1, 13, w, 0), lo_text_height(d, FONT_REGULAR, 13, w, s), EPS);
	/* bold inside a sentence, a comma glued to it: more width, never fewer lines */
	LoRun mixed[3] = {{"Kết quả toàn tỉnh: ", FONT_REGULAR}, {s, FONT_BOLD}, {", đạt.", FONT_ITALIC}};
	float h = lo_rich_height(d, mixed, 3, 13, w, 20);
	assert_true(h >= lo_text_height(d, FONT_REGULAR, 13, w, s) - EPS);
	float y0 = d->y;
	lo_rich(d, mixed, 3, 13, d->x0, w, LO_JUSTIFY, 20, 0);
	assert_float_equal(y0 - d->y, h, EPS);
	/* a word wider than the line is cut, not drawn past the margin */
	LoRun wide = {"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234", FONT_REGULAR};
	assert_true(lo_rich_height(d, &wide, 1, 13, 100, 0) > lo_leading(13) + EPS);
	int before = d->n_pages;
	char *big = S_long("Báo cáo kết quả thực hiện", 8000);
	LoRun many[2] = {{big, FONT_REGULAR}, {" cuối", FONT_BOLD_ITALIC}};
	lo_rich(d, many, 2, 13, d->x0, w, LO_JUSTIFY, 20, 0);
	assert_true(d->n_pages > before);
	free(big);
	free(s);
	unsigned char *pdf;
	size_t len;
	char *err = NULL;
	assert_int_equal(lo_bytes(d, &pdf, &len, &err), 0);
	assert_memory_equal(pdf, "%PDF-1.4", 8);
	free(pdf);
}

/* NaN coordinates never reach the file; a missing or broken chart is
 * left out without failing the document. */
static void test_layout_nan_and_bad_png(void **state)
{
	LoDoc *d = *state;
	lo_page_new(d, 0);
	lo_text(d, FONT_REGULAR, 12, NAN, INFINITY, 100, LO_LEFT, "Không số");
	lo_rule(d, NAN, 100, NAN, 1);
	assert_true(lo_png(d, "/nonexistent/chi-tieu-1.png", 0, 0, 100, 100) < 0);
	char path[] = "/tmp/chitieu-badpng-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	/* a PNG signature and garbage after it */
	static const char junk[] = "\x89PNG\r\n\x1a\nthis is not a chart";
	assert_int_equal(write(fd, junk, sizeof junk - 1), (long)(sizeof junk - 1));
	close(fd);
	assert_true(lo_png(d, path, d->x0, d->y, 100, 100) < 0);
	unlink(path);
	assert_int_equal(d->err, 0);
	unsigned char *pdf;
	size_t len;
	char *err = NULL;
	assert_int_equal(lo_bytes(d, &pdf, &len, &err), 0);
	for (size_t i = 0; i + 3 <= len; i++)
		assert_false(memcmp(pdf + i, "nan", 3) == 0 || memcmp(pdf + i, "inf", 3) == 0);
	free(pdf);
}

/* Without Liberation Serif the run must fail saying what to install. */
static void test_layout_missing_font_names_package(void **state)
{
	(void)state;
	char dir[] = "/tmp/chitieu-nofont-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *conf = xasprintf("%s/fonts.conf", dir);
	FILE *fp = fopen(conf, "w");
	assert_non_null(fp);
	fprintf(fp, "<?xml version=\"1.0\"?>\n<fontconfig><dir>%s</dir>"
	            "<cachedir>%s</cachedir></fontconfig>\n", dir, dir);
	fclose(fp);
	setenv("FONTCONFIG_FILE", conf, 1);
	LoDoc d;
	char *err = NULL;
	int rc = lo_open(&d, &err);
	unsetenv("FONTCONFIG_FILE");
	lo_close(&d);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "fonts-liberation2"));
	free(err);
	/* fontconfig may have left a cache file */
	char *cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(conf);
}

/* Found reviewing the rendered report: numbers cut inside a cell, a
 * merged cell taller than a page. */
static int S_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Wraps s into width and checks every line fits, the lines rejoin to s,
 * and no line boundary falls between two characters of a number. */
static void S_check_numbers_whole(LoDoc *d, const char *s, float width)
{
	LoLines l;
	lo_lines_init(&l);
	size_t n = lo_wrap(d, FONT_REGULAR, 11, s, width, &l);
	assert_true(n >= 2);
	Buf joined;
	buf_init(&joined);
	for (size_t i = 0; i < l.n; i++) {
		assert_true(l.width[i] <= width + EPS);
		size_t len = strlen(l.line[i]);
		assert_true(len > 0);
		if (i + 1 < l.n) {
			char a = l.line[i][len - 1], b = l.line[i + 1][0];
			/* "59" | "6.419", "323." | "046", "45," | "5" */
			if ((S_digit(a) && (S_digit(b) || b == '.' || b == ',')) ||
			    ((a == '.' || a == ',') && S_digit(b))) {
				fail_msg("number cut across lines: '%s' | '%s'", l.line[i], l.line[i + 1]);
			}
		}
		buf_puts(&joined, l.line[i]);
	}
	assert_string_equal(joined.ptr, s);
	buf_release(&joined);
	lo_lines_release(&l);
}

static void test_layout_long_word_not_cut_inside_number(void **state)
{
	LoDoc *d = *state;
	/* a unit's note in a narrow "Ghi chú" cell: the word is wider than
	 * the cell, so it must be cut, but at the '/' */
	S_check_numbers_whole(d, "(323.046/596.419)", lo_width(d, FONT_REGULAR, 11, "(323.046/59") + 1);
	S_check_numbers_whole(d, "1.234/5.678(323.046/596.419)", 50);
	S_check_numbers_whole(d, "tỷ-lệ:45,5%;đạt:1.200/1.584;chưa-đạt:99,93%", 45);
}

static void test_layout_long_word_prefers_punctuation(void **state)
{
	LoDoc *d = *state;
	const char *s = "http://example.com/mot-duong-dan-rat-dai";
	LoLines l;
	lo_lines_init(&l);
	lo_wrap(d, FONT_REGULAR, 11, s, 60, &l);
	assert_true(l.n >= 2);
	for (size_t i = 0; i + 1 < l.n; i++) {
		size_t len = strlen(l.line[i]);
		assert_non_null(strchr("/-.:", l.line[i][len - 1]));
	}
	lo_lines_release(&l);
}

static void test_layout_number_wider_than_line_still_cut(void **state)
{
	LoDoc *d = *state;
	/* nothing else can be done: the cut stays inside the width */
	const char *s = "123.456.789.012.345.678";
	LoLines l;
	lo_lines_init(&l);
	lo_wrap(d, FONT_REGULAR, 11, s, 20, &l);
	assert_true(l.n >= 2);
	Buf joined;
	buf_init(&joined);
	for (size_t i = 0; i < l.n; i++) {
		assert_true(l.width[i] <= 20 + EPS);
		buf_puts(&joined, l.line[i]);
	}
	assert_string_equal(joined.ptr, s);
	buf_release(&joined);
	lo_lines_release(&l);
}

/* A basis of thousands of characters merged over two rows at the foot of
 * a table: no text leaves its cell, no cell leaves its page, and the last
 * row (its own cells centred in a row grown for the whole basis) is on
 * its page, not below it. */
static void test_layout_table_span_taller_than_page(void **state)
{
	LoDoc *d = *state;
	lo_page_new(d, 1);
	static const float w[] = {200, 120, 120};
	LoTable t;
	lo_table_init(&t, 3, w);
	t.cont_prefix = "(tiếp) ";
	size_t h = lo_table_row(&t);
	lo_table_set(&t, h, 0, "Tên", 1, 1);
	lo_table_set(&t, h, 1, "Căn cứ", 1, 1);
	lo_table_set(&t, h, 2, "Kết quả", 1, 1);
	t.n_head = 1;
	Buf big;
	buf_init(&big);
	while (big.len < 8000)
		buf_puts(&big, "Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ ");
	for (int i = 0; i < 4; i++) {
		size_t r = lo_table_row(&t);
		lo_table_set(&t, r, 0, i == 3 ? "Hàng cuối" : "Hàng", 1, 1);
		if (i == 2)
			lo_table_set(&t, r, 1, big.ptr, 1, 2);
		else if (i < 2)
			lo_table_set(&t, r, 1, "Ngắn", 1, 1);
		lo_table_set(&t, r, 2, "99,93%", 1, 1);
	}
	LoBoxes b = {0};
	lo_table_flow(d, &t, &b);
	int last_seen = 0;
	for (size_t i = 0; i < b.n; i++) {
		const LoBox *x = &b.v[i];
		if (x->tw > 0) {
			assert_true(x->ty >= x->y - EPS);
			assert_true(x->ty + x->th <= x->y + x->h + EPS);
			assert_true(x->tx + x->tw <= x->x + x->w + EPS);
		}
		assert_true(x->y >= d->m_bottom - EPS);
		if (x->row == 4 && x->col == 0) {
			assert_true(x->tw > 0);
			assert_true(x->ty >= d->m_bottom - EPS);
			last_seen = 1;
		}
	}
	assert_true(last_seen);
	for (size_t r = 1; r < t.n_row; r++)
		assert_true(t.row_page[r] >= 0);
	lo_boxes_release(&b);
	lo_table_release(&t);
	buf_release(&big);
}

/* The rows of 40 units (3 to 8 rows each, the number and the name
 * merged over them), a group's heading row (keep_next) before every 6th
 * unit, on landscape pages, groups splitting with split_min: no page but
 * the last under 80 % full with split_min 2 (some page under it when
 * groups move whole: the rule is what fills them), a split unit with two
 * rows at least on each page, a heading on its group's page, the
 * repeated name whole in its cell, every cell on its page. */
static void test_layout_table_groups_split_fill_pages(void **state)
{
	(void)state;
	static const float w[] = {30, 150, 230, 110, 190};
	enum { N_UNIT = 40 };
	for (int k = 0; k < 2; k++) {
		LoDoc d;
		char *err = NULL;
		assert_int_equal(lo_open(&d, &err), 0);
		lo_page_new(&d, 1);
		LoTable t;
		lo_table_init(&t, 5, w);
		t.cont_prefix = "(tiếp) ";
		t.split_min = k ? 2 : 0;
		size_t h = lo_table_row(&t);
		for (size_t c = 0; c < 5; c++)
			lo_table_set(&t, h, c, "Cột", 1, 1)->style = FONT_BOLD;
		t.n_head = 1;
		char stt[N_UNIT][8];
		int unit_of[N_UNIT * 9 + 1]; /* a body row's unit; -1: a heading */
		for (size_t u = 0; u < N_UNIT; u++) {
			if (u % 6 == 0) {
				size_t r = lo_table_row(&t);
				lo_table_set(&t, r, 0, "Nhóm đơn vị", 5, 1)->keep_next = 1;
				unit_of[r] = -1;
			}
			size_t rows = 3 + (u * 5) % 6;
			snprintf(stt[u], sizeof stt[u], "%zu", u + 1);
			for (size_t i = 0; i < rows; i++) {
				size_t r = lo_table_row(&t);
				unit_of[r] = (int)u;
				if (i == 0) {
					lo_table_set(&t, r, 0, stt[u], 1, (int)rows)->align = LO_CENTER;
					lo_table_set(&t, r, 1, "UBND xã Đông Quang (huyện Tiền Hải, mã xa-001)", 1,
					             (int)rows);
				}
				lo_table_set(&t, r, 2, "1. DVC trực tuyến toàn trình", 1, 1);
				lo_table_set(&t, r, 3, "76,71% (224/292)", 1, 1)->align = LO_CENTER;
				lo_table_set(&t, r, 4, "Làm rõ nguyên nhân, giải pháp khắc phục", 1, 1);
			}
		}
		LoBoxes b = {0};
		lo_table_flow(&d, &t, &b);
		int n_pages = d.n_pages, under = 0;
		assert_true(n_pages > 3);
		for (int p = 0; p + 1 < n_pages; p++) {
			float low = d.y_top;
			for (size_t i = 0; i < b.n; i++)
				if (b.v[i].page == p && b.v[i].y < low)
					low = b.v[i].y;
			under += (d.y_top - low) / (d.y_top - d.y_bottom) < 0.8f;
		}
		if (k)
			assert_int_equal(under, 0);
		else
			assert_true(under > 0);
		for (size_t r = t.n_head; r < t.n_row; r++) {
			if (unit_of[r] < 0) {
				assert_int_equal(t.row_page[r], t.row_page[r + 1]);
				continue;
			}
			if (!k)
				continue;
			/* the unit's rows on this row's page */
			int on = 0;
			for (size_t q = t.n_head; q < t.n_row; q++)
				on += unit_of[q] == unit_of[r] && t.row_page[q] == t.row_page[r];
			assert_true(on >= 2);
		}
		int repeats = 0;
		for (size_t i = 0; i < b.n; i++) {
			const LoBox *x = &b.v[i];
			assert_true(x->y >= d.m_bottom - EPS);
			if (x->tw > 0) {
				assert_true(x->ty >= x->y - EPS);
				assert_true(x->ty + x->th <= x->y + x->h + EPS);
			}
			repeats += x->repeat && x->col == 1;
		}
		assert_true(k ? repeats > 0 : repeats == 0);
		lo_boxes_release(&b);
		lo_table_release(&t);
		lo_close(&d);
	}
}

/* A table starting near a page's foot whose first group's heading and
 * two rows do not fit there starts on the next page (with split_min 2),
 * and with split_min 0 its heading still takes its first row along. */
static void test_layout_table_heading_not_alone_at_start(void **state)
{
	(void)state;
	static const float w[] = {200, 200};
	for (int k = 0; k < 2; k++) {
		LoDoc d;
		char *err = NULL;
		assert_int_equal(lo_open(&d, &err), 0);
		lo_page_new(&d, 0);
		LoTable t;
		lo_table_init(&t, 2, w);
		t.split_min = k ? 2 : 0;
		size_t h = lo_table_row(&t);
		lo_table_set(&t, h, 0, "Cột", 1, 1);
		lo_table_set(&t, h, 1, "Cột", 1, 1);
		t.n_head = 1;
		size_t g = lo_table_row(&t);
		lo_table_set(&t, g, 0, "Nhóm", 2, 1)->keep_next = 1;
		for (int i = 0; i < 4; i++) {
			size_t r = lo_table_row(&t);
			if (i == 0)
				lo_table_set(&t, r, 0, "Đơn vị", 1, 4);
			lo_table_set(&t, r, 1, "Chỉ tiêu", 1, 1);
		}
		/* room for three rows and a half: the header, the heading and
		 * one row of the group, not two (every row one line high) */
		LoTable one;
		lo_table_init(&one, 2, w);
		size_t o = lo_table_row(&one);
		lo_table_set(&one, o, 1, "Chỉ tiêu", 1, 1);
		float row = lo_table_height(&d, &one);
		lo_table_release(&one);
		assert_true(row > 10);
		d.y = d.y_bottom + 3.5f * row;
		int before = d.n_pages;
		lo_table_flow(&d, &t, NULL);
		/* split_min 2: heading + 2 rows do not fit: a new page; split_min
		 * 0: heading + its first row fit: the table starts here */
		assert_int_equal(t.row_page[g], k ? before : before - 1);
		assert_int_equal(t.row_page[g + 1], t.row_page[g]);
		if (k)
			assert_int_equal(t.row_page[g + 2], t.row_page[g]);
		lo_table_release(&t);
		lo_close(&d);
	}
}

/* Body row i of the batch test's table: text of varied height, a
 * rowspan of 3 (6) in column 2 every 11th row, one row taller than a page.
 * Its texts go to own (freed by the caller). */
/* The batch test's second pass: groups split (split_min 2) and a row
 * kept with the next every 13th row. */
static int S_batch_split;

static void S_batch_row(LoTable *t, size_t i, char **own, size_t *n_own)
{
	size_t r = lo_table_row(t);
	char *a = xasprintf("%zu", i + 1);
	char *b = i == 40 ? S_long("dài", 3000) : S_long("Phường", (i * 37) % 90);
	own[(*n_own)++] = a;
	own[(*n_own)++] = b;
	lo_table_set(t, r, 0, a, 1, 1)->align = LO_CENTER;
	lo_table_set(t, r, 1, b, 1, 1);
	/* merged over 3 rows; over 6 when groups split (2 rows each side) */
	size_t span = S_batch_split ? 6 : 3;
	if (i % 11 == 3)
		lo_table_set(t, r, 2, i % 2 ? "gộp ba dòng, một căn cứ chung" : b, 1, (int)span);
	else if (i % 11 < 3 || i % 11 >= 3 + span)
		lo_table_set(t, r, 2, "x", 1, 1);
	lo_table_set(t, r, 3, i % 5 ? "Đạt" : "Chưa đạt", 1, 1)->style = FONT_BOLD;
	if (S_batch_split && i % 13 == 7)
		lo_table_at(t, r, 0)->keep_next = 1;
}

/* The table of n body rows and a foot row, at d->y = at: whole when
 * batch is 0, else flowed every batch rows. */
static void S_batch_flow(LoDoc *d, float at, size_t n, size_t batch, LoBoxes *bx)
{
	static const float w[] = {30, 200, 120, 80};
	LoTable t;
	lo_table_init(&t, 4, w);
	t.cont_prefix = "(tiếp) ";
	t.split_min = S_batch_split ? 2 : 0;
	size_t h0 = lo_table_row(&t), h1 = lo_table_row(&t);
	t.n_head = 2;
	lo_table_set(&t, h0, 0, "Stt", 1, 2)->style = FONT_BOLD;
	lo_table_set(&t, h0, 1, "Đơn vị", 1, 2)->style = FONT_BOLD;
	lo_table_set(&t, h0, 2, "Kết quả", 2, 1)->style = FONT_BOLD;
	lo_table_set(&t, h1, 2, "Căn cứ", 1, 1);
	lo_table_set(&t, h1, 3, "Đánh giá", 1, 1);
	char **own = xcalloc(2 * n + 1, sizeof *own);
	size_t n_own = 0, since = 0;
	d->y = at;
	for (size_t i = 0; i < n; i++) {
		S_batch_row(&t, i, own, &n_own);
		if (batch && ++since >= batch && lo_table_flow_batch(d, &t, bx)) {
			assert_int_equal(t.n_row, t.n_head);
			/* the batch's texts are no longer needed: ASan sees a
			 * table that kept them */
			for (size_t k = 0; k < n_own; k++)
				free(own[k]);
			n_own = since = 0;
		}
	}
	size_t r = lo_table_row(&t);
	lo_table_set(&t, r, 0, "Cộng", 2, 1)->style = FONT_BOLD;
	lo_table_set(&t, r, 2, "", 2, 1);
	lo_table_flow(d, &t, bx);
	lo_table_release(&t);
	for (size_t k = 0; k < n_own; k++)
		free(own[k]);
	free(own);
}

static void S_box_equal(const LoBox *a, const LoBox *b)
{
	assert_int_equal(a->page, b->page);
	assert_int_equal(a->row, b->row);
	assert_int_equal(a->col, b->col);
	assert_int_equal(a->head, b->head);
	assert_int_equal(a->repeat, b->repeat);
	/* exact: the same arithmetic in the same order */
	assert_true(a->x == b->x && a->y == b->y && a->w == b->w && a->h == b->h);
	assert_true(a->tx == b->tx && a->ty == b->ty && a->tw == b->tw && a->th == b->th);
}

/* A table flowed in batches draws what the whole table draws: the same
 * boxes, the header only at the top of each page (never again where a
 * batch begins), the same PDF bytes; started at the top of a page, in
 * the middle, and where only the header would fit; groups kept whole,
 * then split with rows kept with the next (S_batch_split). */
static void test_layout_table_batches_same_as_whole(void **state)
{
	(void)state;
	static const size_t batches[] = {1, 2, 7};
	for (int pass = 0; pass < 6; pass++) {
		S_batch_split = pass / 3;
		int start = pass % 3;
		for (size_t bi = 0; bi < sizeof batches / sizeof batches[0]; bi++) {
			LoDoc whole, part;
			char *err = NULL;
			assert_int_equal(lo_open(&whole, &err), 0);
			assert_int_equal(lo_open(&part, &err), 0);
			LoBoxes bw = {0}, bp = {0};
			LoDoc *dd[2] = {&whole, &part};
			for (int k = 0; k < 2; k++) {
				LoDoc *d = dd[k];
				lo_page_new(d, 0);
				float at = start == 0 ? d->y_top
				           : start == 1 ? (d->y_top + d->y_bottom) / 2
				                        : d->y_bottom + 40;
				S_batch_flow(d, at, 90, k ? batches[bi] : 0, k ? &bp : &bw);
				lo_paragraph(d, FONT_REGULAR, 11, d->x0, 200, LO_LEFT, 0, 0, "Hết.");
			}
			assert_true(whole.n_pages > 3);
			assert_int_equal(whole.n_pages, part.n_pages);
			assert_true(whole.y == part.y);
			assert_int_equal(bw.n, bp.n);
			for (size_t i = 0; i < bw.n; i++)
				S_box_equal(&bw.v[i], &bp.v[i]);
			/* the header's 5 cells once on each page the table touches */
			int heads = 0, repeats = 0;
			for (size_t i = 0; i < bp.n; i++) {
				heads += bp.v[i].head;
				repeats += bp.v[i].repeat;
			}
			/* groups split where the page ends */
			if (S_batch_split)
				assert_true(repeats > 0);
			int first = bp.v[0].page, last = bp.v[bp.n - 1].page;
			assert_int_equal(heads, 5 * (last - first + 1));
			unsigned char *pw = NULL, *pp = NULL;
			size_t nw = 0, np = 0;
			assert_int_equal(lo_bytes(&whole, &pw, &nw, &err), 0);
			assert_int_equal(lo_bytes(&part, &pp, &np, &err), 0);
			assert_int_equal(nw, np);
			assert_memory_equal(pw, pp, nw);
			free(pw);
			free(pp);
			lo_boxes_release(&bw);
			lo_boxes_release(&bp);
			lo_close(&whole);
			lo_close(&part);
		}
	}
	S_batch_split = 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_wrap_fits_width),
		cmocka_unit_test(test_layout_wrap_cuts_long_word),
		cmocka_unit_test(test_layout_clean_controls_and_nfd),
		cmocka_unit_test(test_layout_table_repeats_header_no_split),
		cmocka_unit_test(test_layout_table_long_cells_wrap_inside),
		cmocka_unit_test(test_layout_table_span_crossing_page_repeats),
		cmocka_unit_test(test_layout_paragraph_breaks_pages),
		cmocka_unit_test(test_layout_rich_paragraph),
		cmocka_unit_test(test_layout_nan_and_bad_png),
		cmocka_unit_test(test_layout_missing_font_names_package),
		cmocka_unit_test(test_layout_long_word_not_cut_inside_number),
		cmocka_unit_test(test_layout_long_word_prefers_punctuation),
		cmocka_unit_test(test_layout_number_wider_than_line_still_cut),
		cmocka_unit_test(test_layout_table_span_taller_than_page),
		cmocka_unit_test(test_layout_table_batches_same_as_whole),
		cmocka_unit_test(test_layout_table_groups_split_fill_pages),
		cmocka_unit_test(test_layout_table_heading_not_alone_at_start),
	};
	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
