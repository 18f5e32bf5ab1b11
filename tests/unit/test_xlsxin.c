/* SPDX-License-Identifier: MIT */
/* Unit tests of the record stage for sheets (csvrecs_*) and of xlsxin on
 * workbooks kept in tests/: a sheet's rows reach the reader as a CSV
 * file's would, with each cell's kind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "csvin.h"
#include "xalloc.h"
#include "xlsxin.h"

static const CsvCol S_cols[] = {
	{"ky", 1}, {"chi_tieu", 1}, {"tu_so", 1}, {"mau_so", 1}, {"ghi_chu", 0},
};
#define S_N (sizeof S_cols / sizeof S_cols[0])

/* Each row as "L<line>[ <col>:<kind>=<text>]..." on its own line. */
static int S_collect(void *ctx, const CsvRow *r)
{
	Buf *b = ctx;
	buf_printf(b, "L%d", r->line);
	for (size_t k = 0; k < r->n_cols; k++)
		buf_printf(b, " %d:%d=%s", r->f[k].col, (int)r->f[k].kind, r->f[k].text);
	buf_putc(b, '\n');
	return 0;
}

static char *S_messages(Buf *b, Msgs *ms)
{
	for (size_t i = 0; i < ms->n; i++) {
		char *s = msg_format(&ms->v[i]);
		buf_printf(b, "%s\n", s);
		free(s);
	}
	msgs_release(ms);
	return buf_detach(b, NULL);
}

static void S_cells(CsvRecs *r, int line, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csvrecs_field(r, cells[i], strlen(cells[i]), line, CSV_TEXT);
	csvrecs_end_row(r);
}

/* The header is the first row naming every required column; short rows
 * are padded with empty fields; a value beyond the header is warned. */
static void test_xlsxin_records_header_and_width(void **state)
{
	(void)state;
	Buf b;
	buf_init(&b);
	Msgs ms;
	msgs_init(&ms);
	CsvRecs *r = csvrecs_new("so-lieu/x.xlsx", S_cols, S_N, S_collect, &b, &ms);
	S_cells(r, 1, (const char *[]){"Biểu số liệu: ky, tu_so"}, 1);
	S_cells(r, 2, (const char *[]){"Kỳ", "Chỉ tiêu", "Tử số"}, 3); /* not all: skipped */
	S_cells(r, 3, (const char *[]){"Kỳ", "Chỉ tiêu", "Tử số", "Mẫu số", "Ghi chú"}, 5);
	S_cells(r, 4, (const char *[]){"2024-Q1", "1", "5", "8"}, 4);
	S_cells(r, 6, (const char *[]){"2024-Q2", "1", "6", "9", "", "", "lạc"}, 7);
	CsvInfo info;
	assert_int_equal(csvrecs_finish(r, &info), CSVIN_OK);
	assert_int_equal(info.header_line, 3);
	assert_int_equal(info.n_rows, 2);
	char *got = S_messages(&b, &ms);
	assert_string_equal(got,
	                    "L4 1:0=2024-Q1 2:0=1 3:0=5 4:0=8 5:0=\n"
	                    "L6 1:0=2024-Q2 2:0=1 3:0=6 4:0=9 5:0=\n"
	                    "so-lieu/x.xlsx:6:7: warning: column 7 has no name in the header row: its "
	                    "values are ignored (ô G6)\n");
	free(got);
}

/* No header row: the message names the row that came nearest. */
static void test_xlsxin_records_no_header(void **state)
{
	(void)state;
	Buf b;
	buf_init(&b);
	Msgs ms;
	msgs_init(&ms);
	CsvRecs *r = csvrecs_new("so-lieu/x.xlsx", S_cols, S_N, S_collect, &b, &ms);
	S_cells(r, 2, (const char *[]){"ky", "chi tieu", "tuso", "mau_so"}, 4);
	assert_int_equal(csvrecs_finish(r, NULL), CSVIN_ERROR);
	char *got = S_messages(&b, &ms);
	assert_string_equal(got, "so-lieu/x.xlsx:2: error: no row of the sheet names every required "
	                         "column (ky, chi_tieu, tu_so, mau_so): the header row is missing or "
	                         "misspelt (this row names 3 of them)\n");
	free(got);
}

static char *S_read(const char *file, int *rc)
{
	Buf data, b;
	buf_init(&data);
	buf_init(&b);
	assert_int_equal(buf_read_file(&data, file), 0);
	Msgs ms;
	msgs_init(&ms);
	CsvInfo info;
	*rc = xlsxin_read_mem("so-lieu/x.xlsx", data.ptr, data.len, S_cols, S_N, S_collect, &b, &ms,
	                      &info);
	buf_release(&data);
	return S_messages(&b, &ms);
}

/* Saved by LibreOffice: the sheet by its name, the header under a title,
 * a date in ky, text counts, a formula's saved value. */
static void test_xlsxin_libreoffice(void **state)
{
	(void)state;
	int rc;
	char *got = S_read("tests/data/xlsx/libreoffice.xlsx", &rc);
	assert_int_equal(rc, CSVIN_OK);
	assert_string_equal(got, "L4 1:0=2024-Q1 2:1=1 3:1=5 4:1=8 5:0=Quý một\n"
	                         "L5 1:2=2024-07-01 2:1=1 3:0=1.234 4:0=2.000 5:0=số gõ dạng chữ\n"
	                         "L6 1:0=2024-Q2 2:1=1 3:1=5 4:1=9 5:0=\n");
	free(got);
}

/* Sheet XML as fuzz_xlsx's seeds hold it, inside a workbook written by
 * tests/xlsx/workbook.py: shared strings, gaps, numbers. */
static void test_xlsxin_plain(void **state)
{
	(void)state;
	int rc;
	char *got = S_read("tests/fuzz/corpus/xlsx/plain.xlsx", &rc);
	assert_int_equal(rc, CSVIN_OK);
	assert_string_equal(got, "L2 1:0=2024-Q1 2:1=1 3:1=5 4:1=8 0:0=\n"
	                         "L3 1:0=2024-Q2 2:1=1 3:1=6 4:1=9 0:0=\n"); /* no ghi_chu */
	free(got);
}

/* The rows of tests/xlsx/producers.py, as every producer's workbook
 * gives them: the date in the workbook's date system, the formula's
 * float noise as its whole number, empty and style-only cells no fields,
 * the sheet found through the package's relationships. */
static const char S_PRODUCED[] = "L2 1:0=2024-Q3 2:1=1 3:1=7 4:1=10 5:0=Quý ba\n"
                                 "L3 1:2=2024-11-01 2:1=1 3:1=5 4:1=8 5:0=\n"
                                 "L4 1:0=2024-12 2:1=2 3:1=10 4:1=20 5:0=\n";

static void test_xlsxin_producers(void **state)
{
	(void)state;
	static const char *const kinds[] = {
	    "excel",        "excel-1904",       "excel-1904-plain", "excel-strict", "dotnet",
	    "libreoffice-wide", "gnumeric-xfd", "relative",         "elsewhere",    "case",
	    "backslash",    "hidden",           "named-hidden",     "zip-dd",       "zip-trailing",
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		char file[128];
		snprintf(file, sizeof file, "tests/data/xlsx/producers/%s.xlsx", kinds[i]);
		int rc;
		char *got = S_read(file, &rc);
		if (rc != CSVIN_OK || strcmp(got, S_PRODUCED))
			fail_msg("%s read as:\n%s", kinds[i], got);
		free(got);
	}
}

/* A typed number keeps the rule for numbers: only a formula's value is
 * taken as the whole number it is within 1e-9 of. */
static void test_xlsxin_typed_noise_kept(void **state)
{
	(void)state;
	int rc;
	char *got = S_read("tests/data/xlsx/typed-noise.xlsx", &rc);
	assert_int_equal(rc, CSVIN_OK);
	assert_string_equal(got, "L2 1:0=2024-Q3 2:1=1 3:1=7 4:1=10 5:0=Quý ba\n"
	                         "L3 1:2=2024-11-01 2:1=1 3:1=5 4:1=8 5:0=\n"
	                         "L4 1:0=2024-12 2:1=2 3:1=10.000000000000002 4:1=20 5:0=\n");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsxin_records_header_and_width),
		cmocka_unit_test(test_xlsxin_records_no_header),
		cmocka_unit_test(test_xlsxin_libreoffice),
		cmocka_unit_test(test_xlsxin_plain),
		cmocka_unit_test(test_xlsxin_producers),
		cmocka_unit_test(test_xlsxin_typed_noise_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
