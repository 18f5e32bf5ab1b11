/* SPDX-License-Identifier: MIT */
/* Unit tests of text: UTF-8 validation, NFC, folding, Vietnamese
 * collation, code-point length. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

static void S_fold_is(const char *in, const char *want)
{
	char *got = text_fold(in);
	assert_string_equal(got, want);
	free(got);
}

static void S_nfc_is(const char *in, const char *want)
{
	char *got = text_nfc(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_text_utf8_valid_accepts_vietnamese(void **state)
{
	const char *s = "Tử số Đồng Tiến 𝄞";
	size_t bad = 99;
	assert_int_equal(text_utf8_valid(s, strlen(s), &bad), 1);
	assert_int_equal(bad, 99);
	assert_int_equal(text_utf8_valid("", 0, &bad), 1);
}

static void test_text_utf8_valid_offset_of_first_bad_byte(void **state)
{
	size_t bad = 0;
	/* a lead byte followed by ASCII (as Windows-1258 text gives) */
	assert_int_equal(text_utf8_valid("ab\xE0x", 4, &bad), 0);
	assert_int_equal(bad, 2);
	assert_int_equal(text_utf8_valid("abc\x80", 4, &bad), 0);
	assert_int_equal(bad, 3);
	/* overlong '/' and a surrogate are rejected */
	assert_int_equal(text_utf8_valid("x\xC0\xAF", 3, &bad), 0);
	assert_int_equal(bad, 1);
	assert_int_equal(text_utf8_valid("xy\xED\xA0\x80", 5, &bad), 0);
	assert_int_equal(bad, 2);
	/* a sequence cut at the end */
	assert_int_equal(text_utf8_valid("T\xE1\xBB", 3, &bad), 0);
	assert_int_equal(bad, 1);
	/* above U+10FFFF */
	assert_int_equal(text_utf8_valid("\xF4\x90\x80\x80", 4, &bad), 0);
	assert_int_equal(bad, 0);
}

static void test_text_nfc_composes(void **state)
{
	/* "Tiến" decomposed: e + circumflex + acute */
	S_nfc_is("Ti\x65\xCC\x82\xCC\x81n", "Tiến");
	S_nfc_is("Tiến", "Tiến");
	S_nfc_is("abc", "abc");
	S_nfc_is("", "");
}

static void test_text_fold_header_names(void **state)
{
	S_fold_is("Tử số", "tu_so");
	S_fold_is("TU_SO", "tu_so");
	S_fold_is("  tu   so ", "tu_so");
	S_fold_is("tu__ _so", "tu_so");
	S_fold_is("Mẫu số", "mau_so");
	S_fold_is("Đơn vị", "don_vi");
	S_fold_is("ĐƠN VỊ TÍNH", "don_vi_tinh");
	S_fold_is("Ma\xC2\xA0" "don vi", "ma_don_vi");
	S_fold_is("Ti\x65\xCC\x82\xCC\x81n", "tien"); /* NFD input */
	S_fold_is("_ghi_chu_", "ghi_chu");
	S_fold_is("", "");
	S_fold_is("ky", "ky");
}

static void test_text_collate_vietnamese_order(void **state)
{
	/* Ă after A, Â after Ă, Đ after D */
	assert_true(text_collate("An", "Ăn") < 0);
	assert_true(text_collate("Ăn", "Ân") < 0);
	assert_true(text_collate("Dương", "Đông") < 0);
	assert_true(text_collate("Đông", "Dương") > 0);
	assert_true(text_collate("Đông", "Em") < 0);
	/* tones are secondary: base letters decide first */
	assert_true(text_collate("Tà", "Tb") < 0);
	assert_true(text_collate("xã", "xe") < 0);
	/* a total order: equal under collation, then bytes */
	assert_int_equal(text_collate("abc", "abc"), 0);
	int ab = text_collate("Tiến", "Ti\x65\xCC\x82\xCC\x81n");
	assert_true(ab != 0);
	assert_int_equal(text_collate("Ti\x65\xCC\x82\xCC\x81n", "Tiến"), -ab);
}

static void test_text_length_code_points(void **state)
{
	assert_int_equal(text_length(""), 0);
	assert_int_equal(text_length("abc"), 3);
	assert_int_equal(text_length("Tử số"), 5);
	assert_int_equal(text_length("𝄞"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_utf8_valid_accepts_vietnamese),
		cmocka_unit_test(test_text_utf8_valid_offset_of_first_bad_byte),
		cmocka_unit_test(test_text_nfc_composes),
		cmocka_unit_test(test_text_fold_header_names),
		cmocka_unit_test(test_text_collate_vietnamese_order),
		cmocka_unit_test(test_text_length_code_points),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
