/* SPDX-License-Identifier: MIT */
/* Unit tests of the messages (msg.c): each message gets the Vietnamese
 * text of the built-in table (from po/vi.po) formatted from the same
 * arguments, whatever the locale (the tests run under "C", so the text
 * for the terminal stays English); a message the catalogue lacks has no
 * Vietnamese and msg_text_vi falls back; marked parts are translated,
 * data is not; a workbook's cell name ends both texts; the table is
 * sorted for bsearch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "msg.h"

static void test_msg_vietnamese_from_the_table(void **state)
{
	Msgs ms;
	msgs_init(&ms);
	msg_error(&ms, "so-lieu/xa-a.csv", 3, 2, "bad period '%s': write a month as YYYY-MM (2024-05) or a "
	                                       "quarter as YYYY-Qn (2024-Q2)",
	          "2024-13");
	assert_int_equal(ms.n_error, 1);
	assert_string_equal(ms.v[0].text, "bad period '2024-13': write a month as YYYY-MM (2024-05) or a "
	                                  "quarter as YYYY-Qn (2024-Q2)");
	assert_non_null(ms.v[0].text_vi);
	assert_string_equal(msg_text_vi(&ms.v[0]), "kỳ '2024-13' không hợp lệ: ghi tháng dạng YYYY-MM "
	                                           "(2024-05) hoặc quý dạng YYYY-Qn (2024-Q2)");
	msgs_release(&ms);
}

static void test_msg_not_in_the_catalogue(void **state)
{
	Msgs ms;
	msgs_init(&ms);
	msg_add(&ms, MSG_WARNING, "x.csv", 0, 0, "no such message %d", 7);
	assert_int_equal(ms.n_warning, 1);
	assert_null(ms.v[0].text_vi);
	assert_string_equal(msg_text_vi(&ms.v[0]), "no such message 7");
	msgs_release(&ms);
}

static void test_msg_cell_in_both_texts(void **state)
{
	Msgs ms;
	msgs_init(&ms);
	msg_error(&ms, "so-lieu/xa-a.xlsx", 14, 3, "missing required column '%s'", "tu_so");
	assert_string_equal(ms.v[0].text, "missing required column 'tu_so' (ô C14)");
	assert_string_equal(ms.v[0].text_vi, "thiếu cột bắt buộc 'tu_so' (ô C14)");
	msgs_release(&ms);
}

static void test_msg_marked_parts(void **state)
{
	Msgs ms;
	msgs_init(&ms);
	/* the field's name is marked, the typed text is data */
	msg_add_args(&ms, MSG_ERROR, "moc.csv", 2, 4, "%s '%s' does not exist: %s", MSG_TR(1) | MSG_TR(3),
	             "the decision date", "31/02/2024", "February has 29 days that year");
	assert_string_equal(ms.v[0].text,
	                    "the decision date '31/02/2024' does not exist: February has 29 days that year");
	assert_string_equal(ms.v[0].text_vi,
	                    "ngày quyết định '31/02/2024' không có thật: tháng 2 năm đó có 29 ngày");
	msgs_release(&ms);
}

static void test_msg_count_line(void **state)
{
	Msgs ms;
	msgs_init(&ms);
	msg_error(&ms, "a.csv", 1, 1, "empty target name (ten)");
	msg_warn(&ms, "b.csv", 0, 0, "unknown key '%s' is ignored", "k");
	msg_warn(&ms, "", 0, 0, "unknown key '%s' is ignored", "j");
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	msgs_print(&ms, fp);
	fclose(fp);
	assert_string_equal(out, "a.csv:1:1: error: empty target name (ten)\n"
	                         "b.csv: warning: unknown key 'k' is ignored\n"
	                         "warning: unknown key 'j' is ignored\n"
	                         "1 error, 2 warnings\n");
	free(out);
	msgs_release(&ms);
}

static void test_msg_table_sorted(void **state)
{
	assert_true(msg_vi_n > 100);
	for (size_t i = 1; i < msg_vi_n; i++)
		assert_true(strcmp(msg_vi_table[i - 1].id, msg_vi_table[i].id) < 0);
	for (size_t i = 0; i < msg_vi_n; i++) {
		assert_true(msg_vi_table[i].vi[0] != '\0');
		assert_ptr_equal(msg_vi(msg_vi_table[i].id), msg_vi_table[i].vi);
	}
	const char *none = "not a msgid";
	assert_ptr_equal(msg_vi(none), none);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_msg_vietnamese_from_the_table),
	    cmocka_unit_test(test_msg_not_in_the_catalogue),
	    cmocka_unit_test(test_msg_cell_in_both_texts),
	    cmocka_unit_test(test_msg_marked_parts),
	    cmocka_unit_test(test_msg_count_line),
	    cmocka_unit_test(test_msg_table_sorted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
