/* SPDX-License-Identifier: MIT */
/* Unit tests of buf: the growing buffer, and text written as XML/HTML
 * (the site's page shell and the charts' SVG titles share it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"

static void test_buf_puts_xml_escapes_markup_and_quotes(void **state)
{
	(void)state;
	Buf b;
	buf_init(&b);
	buf_puts_xml(&b, "Sở \"A\" & <B> 'C'");
	assert_string_equal(b.ptr, "Sở &quot;A&quot; &amp; &lt;B&gt; 'C'");
	buf_release(&b);
}

static void test_buf_puts_xml_drops_control_characters_but_tab(void **state)
{
	(void)state;
	Buf b;
	buf_init(&b);
	buf_puts_xml(&b, "a\x01" "b\tc\x1f" "d\x7f");
	/* XML 1.0 allows no C0 control but tab, newline and CR; DEL is allowed */
	assert_string_equal(b.ptr, "ab\tcd\x7f");
	buf_release(&b);
}

static void test_buf_grows_past_its_first_block(void **state)
{
	(void)state;
	Buf b;
	buf_init(&b);
	for (int i = 0; i < 10000; i++)
		buf_putc(&b, 'x');
	assert_int_equal(b.len, 10000);
	assert_int_equal(strlen(b.ptr), 10000);
	buf_truncate(&b, 3);
	assert_string_equal(b.ptr, "xxx");
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_buf_puts_xml_escapes_markup_and_quotes),
	    cmocka_unit_test(test_buf_puts_xml_drops_control_characters_but_tab),
	    cmocka_unit_test(test_buf_grows_past_its_first_block),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
