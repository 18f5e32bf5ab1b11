/* review: regressions found by looking at the outputs as their readers
 * see them (tests/e2e/test_outputs_review.sh checks the whole outputs). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_long_word_not_cut_inside_number),
		cmocka_unit_test(test_layout_long_word_prefers_punctuation),
		cmocka_unit_test(test_layout_number_wider_than_line_still_cut),
		cmocka_unit_test(test_layout_table_span_taller_than_page),
	};
	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
