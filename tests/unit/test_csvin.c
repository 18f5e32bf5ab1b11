/* SPDX-License-Identifier: MIT */
/* Unit tests of csvin: what the clerk's spreadsheet can produce, and that
 * the result never depends on how the bytes are chunked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "csvin.h"
#include "xalloc.h"

static const CsvCol S_cols[] = {
	{"ky", 1}, {"chi_tieu", 1}, {"tu_so", 1}, {"mau_so", 1}, {"ghi_chu", 0},
};
#define S_N (sizeof S_cols / sizeof S_cols[0])

/* Each row as "L<line>[ <line>:<col>=<text>]..." on its own line. */
static int S_collect(void *ctx, const CsvRow *r)
{
	Buf *b = ctx;
	buf_printf(b, "L%d", r->line);
	for (size_t k = 0; k < r->n_cols; k++)
		buf_printf(b, " %d:%d=%s", r->f[k].line, r->f[k].col, r->f[k].text);
	buf_putc(b, '\n');
	return 0;
}

/* Reads text fed chunk bytes at a time; returns rows then messages as one
 * string (caller frees) and the return code in *rc. */
static char *S_run(const char *text, size_t n, size_t chunk, int *rc, CsvInfo *info)
{
	Buf b;
	Msgs ms;
	CsvInfo tmp;
	buf_init(&b);
	msgs_init(&ms);
	*rc = csvin_read_mem("so-lieu/x.csv", text, n, chunk, S_cols, S_N, S_collect, &b, &ms,
	                     info ? info : &tmp);
	for (size_t i = 0; i < ms.n; i++) {
		char *s = msg_format(&ms.v[i]);
		buf_printf(&b, "%s\n", s);
		free(s);
	}
	msgs_release(&ms);
	return buf_detach(&b, NULL);
}

/* Runs whole, 1 byte and 7 bytes at a time: all three must agree. */
static char *S_read(const char *text, size_t n, int *rc)
{
	int rc1, rc7;
	char *whole = S_run(text, n, 0, rc, NULL);
	char *one = S_run(text, n, 1, &rc1, NULL);
	char *seven = S_run(text, n, 7, &rc7, NULL);
	assert_string_equal(one, whole);
	assert_string_equal(seven, whole);
	assert_int_equal(rc1, *rc);
	assert_int_equal(rc7, *rc);
	free(one);
	free(seven);
	return whole;
}

#define EXPECT(text, want_rc, want)                                                                \
	do {                                                                                       \
		int rc_;                                                                           \
		char *got_ = S_read(text, sizeof(text) - 1, &rc_);                                 \
		assert_string_equal(got_, want);                                                   \
		assert_int_equal(rc_, want_rc);                                                    \
		free(got_);                                                                        \
	} while (0)

static void test_csvin_plain_comma_lf(void **state)
{
	EXPECT("ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,5,10,\n2024-02,2,6,12,ok\n", CSVIN_OK,
	       "L2 2:1=2024-01 2:2=1 2:3=5 2:4=10 2:5=\n"
	       "L3 3:1=2024-02 3:2=2 3:3=6 3:4=12 3:5=ok\n");
}

static void test_csvin_bom_crlf_semicolon(void **state)
{
	EXPECT("\xEF\xBB\xBFky;chi_tieu;tu_so;mau_so\r\n2024-01;1;5;10\r\n2024-02;1;1,5;3\r\n", CSVIN_OK,
	       "L2 2:1=2024-01 2:2=1 2:3=5 2:4=10 2:0=\n"
	       "L3 3:1=2024-02 3:2=1 3:3=1,5 3:4=3 3:0=\n");
}

static void test_csvin_sep_line(void **state)
{
	int rc;
	CsvInfo info;
	const char t[] = "sep=;\r\nky;chi_tieu;tu_so;mau_so\r\n2024-01;1;5;10\r\n";
	char *got = S_run(t, sizeof t - 1, 0, &rc, &info);
	assert_string_equal(got, "L3 3:1=2024-01 3:2=1 3:3=5 3:4=10 3:0=\n");
	assert_int_equal(info.delim, ';');
	assert_int_equal(info.header_line, 2);
	assert_int_equal(info.n_rows, 1);
	free(got);
	EXPECT("sep=,\nky,chi_tieu,tu_so,mau_so\n2024-01,1,5,10\n", CSVIN_OK,
	       "L3 3:1=2024-01 3:2=1 3:3=5 3:4=10 3:0=\n");
}

static void test_csvin_headers_folded_any_order(void **state)
{
	EXPECT("Tử số, Mẫu số ,KỲ,\"Chỉ tiêu\",Ghi chú\n5,10,2024-Q1,3,x\n", CSVIN_OK,
	       "L2 2:3=2024-Q1 2:4=3 2:1=5 2:2=10 2:5=x\n");
}

static void test_csvin_quoted_newline_line_numbers(void **state)
{
	EXPECT("ky,chi_tieu,tu_so,mau_so,ghi_chu\n"
	       "2024-01,1,5,10,\"two\nlines\"\n"
	       "2024-02,1,5,10,x\n"
	       "\"2024\n-03\",1,5,10,\"a\r\nb\r\nc\"\n"
	       "2024-04,1,5,10,\"say \"\"hi\"\"\"\n",
	       CSVIN_OK,
	       "L2 2:1=2024-01 2:2=1 2:3=5 2:4=10 2:5=two\nlines\n"
	       "L4 4:1=2024-02 4:2=1 4:3=5 4:4=10 4:5=x\n"
	       "L5 5:1=2024\n-03 6:2=1 6:3=5 6:4=10 6:5=a\r\nb\r\nc\n"
	       "L9 9:1=2024-04 9:2=1 9:3=5 9:4=10 9:5=say \"hi\"\n");
}

static void test_csvin_blank_and_delimiter_only_lines(void **state)
{
	EXPECT("\nky,chi_tieu,tu_so,mau_so\n\n,,,\n  \n2024-01,1,5,10\n,,\n\n2024-02,1 , 6 ,\" 12 \"\n",
	       CSVIN_OK,
	       "L6 6:1=2024-01 6:2=1 6:3=5 6:4=10 6:0=\n"
	       "L9 9:1=2024-02 9:2=1 9:3=6 9:4=12 9:0=\n");
}

static void test_csvin_nbsp_trimmed(void **state)
{
	EXPECT("ky,chi_tieu,tu_so,mau_so\n2024-01,1,\xC2\xA0" "5\xC2\xA0,1\xC2\xA0" "234\n", CSVIN_OK,
	       "L2 2:1=2024-01 2:2=1 2:3=5 2:4=1\xC2\xA0" "234 2:0=\n");
}

static void test_csvin_ragged_rows(void **state)
{
	EXPECT("ky,chi_tieu,tu_so,mau_so\n2024-01,1,5\n2024-02,1,5,10,extra\n2024-03,1,5,10\n",
	       CSVIN_ERROR,
	       "L4 4:1=2024-03 4:2=1 4:3=5 4:4=10 4:0=\n"
	       "so-lieu/x.csv:2:4: error: this row has 3 fields but the header has 4: every row needs "
	       "exactly one field per column\n"
	       "so-lieu/x.csv:3:5: error: this row has 5 fields but the header has 4: every row needs "
	       "exactly one field per column\n");
}

static void test_csvin_unterminated_quote(void **state)
{
	EXPECT("ky,chi_tieu,tu_so,mau_so\n2024-01,1,5,10\n2024-02,1,\"5,10\n2024-03,1,5,10\n",
	       CSVIN_ERROR,
	       "L2 2:1=2024-01 2:2=1 2:3=5 2:4=10 2:0=\n"
	       "so-lieu/x.csv:3:3: error: unterminated quote: the quoted field that starts here has no "
	       "closing quote (\")\n");
}

static void test_csvin_stray_quote(void **state)
{
	EXPECT("ky,chi_tieu,tu_so,mau_so\n2024-01,1,5\"0,10\n", CSVIN_ERROR,
	       "so-lieu/x.csv:2:3: error: bad quoting: a field that holds a quote (\") must be enclosed "
	       "in quotes, with each quote inside it doubled (\"\")\n");
}

static void test_csvin_missing_and_unknown_columns(void **state)
{
	EXPECT("ky,chi_tieu,tu_so,so_tien\n2024-01,1,5,10\n", CSVIN_ERROR,
	       "so-lieu/x.csv:1:4: warning: unknown column 'so_tien' is ignored (the known columns are "
	       "ky, chi_tieu, tu_so, mau_so, ghi_chu)\n"
	       "so-lieu/x.csv:1: error: missing required column 'mau_so'\n");
	EXPECT("ky,chi_tieu,tu_so,mau_so,TU SO\n2024-01,1,5,10,3\n", CSVIN_ERROR,
	       "so-lieu/x.csv:1:5: error: column 'tu_so' is named twice (columns 3 and 5)\n");
}

static void test_csvin_utf16(void **state)
{
	EXPECT("\xFF\xFEk\0y\0,\0", CSVIN_ERROR,
	       "so-lieu/x.csv: error: the file is UTF-16 text (\"Unicode text\"), not UTF-8; open it in "
	       "Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"\n");
	/* no BOM: the NULs give it away */
	EXPECT("k\0y\0,\0c\0h\0\n\0", CSVIN_ERROR,
	       "so-lieu/x.csv: error: the file is UTF-16 text (\"Unicode text\"), not UTF-8; open it in "
	       "Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"\n");
}

static void test_csvin_xlsx(void **state)
{
	EXPECT("PK\3\4\24\0\6\0\10\0\0\0!\0", CSVIN_ERROR,
	       "so-lieu/x.csv: error: this is a spreadsheet workbook (.xlsx, .ods), not CSV text; open "
	       "it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"\n");
}

static void test_csvin_invalid_utf8_offset(void **state)
{
	/* "Xã" in Windows-1258 is X 0xE3 */
	EXPECT("ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,5,10,X\xE3 A\n", CSVIN_ERROR,
	       "so-lieu/x.csv:2:5: error: the file is not UTF-8 text: byte 0xE3 at byte offset 49 is not "
	       "valid UTF-8 (a Windows-1258 or other legacy encoding?); open it in Excel or LibreOffice "
	       "and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"\n");
	/* a sequence cut by the end of the file */
	EXPECT("ky,chi_tieu,tu_so,mau_so\n2024-01,1,5,\xE1\xBB", CSVIN_ERROR,
	       "so-lieu/x.csv:2:4: error: the file is not UTF-8 text: it ends inside a character (byte "
	       "0xE1 at byte offset 37); open it in Excel or LibreOffice and save it as \"CSV UTF-8 "
	       "(Comma delimited) (*.csv)\"\n");
}

static void test_csvin_control_and_nul(void **state)
{
	EXPECT("ky,chi_tieu,tu_so,mau_so\n2024-01,1,5,10\n2024-02,1,\0075,10\n", CSVIN_ERROR,
	       "L2 2:1=2024-01 2:2=1 2:3=5 2:4=10 2:0=\n"
	       "so-lieu/x.csv:3:3: error: control character U+0007 at byte offset 50; remove it, or open "
	       "it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"\n");
	EXPECT("ky,chi_tieu,tu_so,mau_so\n2024-01,1,5,1\0000\n", CSVIN_ERROR,
	       "so-lieu/x.csv:2:4: error: NUL byte at byte offset 38: this is not CSV text (a binary or "
	       "UTF-16 file?); open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma "
	       "delimited) (*.csv)\"\n");
}

static void test_csvin_empty_file(void **state)
{
	EXPECT("\xEF\xBB\xBF\n\n", CSVIN_ERROR,
	       "so-lieu/x.csv: error: the file is empty: it needs at least the header row "
	       "'ky,chi_tieu,tu_so,mau_so,ghi_chu'\n");
	EXPECT("ky,chi_tieu,tu_so,mau_so\n", CSVIN_OK, "");
}

static void test_csvin_sniff_prefers_header_match(void **state)
{
	/* a ';' file whose values hold decimal commas */
	EXPECT("ky;chi_tieu;tu_so;mau_so;ghi_chu\n2024-01;1;5;10;a,b,c\n2024-02;1;5;10;x\n", CSVIN_OK,
	       "L2 2:1=2024-01 2:2=1 2:3=5 2:4=10 2:5=a,b,c\n"
	       "L3 3:1=2024-02 3:2=1 3:3=5 3:4=10 3:5=x\n");
}

static void test_csvin_sha256_and_chunking_of_large_file(void **state)
{
	/* larger than the sniff sample, so the sample and the stream meet */
	Buf t;
	buf_init(&t);
	buf_puts(&t, "ky,chi_tieu,tu_so,mau_so,ghi_chu\r\n");
	for (int i = 0; i < 5000; i++)
		buf_printf(&t, "2024-%02d,%d,%d,%d,\"note\n%d\"\r\n", i % 12 + 1, i % 10, i, i + 1, i);
	int rc, rc2;
	CsvInfo a, b2;
	char *whole = S_run(t.ptr, t.len, 0, &rc, &a);
	char *small = S_run(t.ptr, t.len, 4093, &rc2, &b2);
	assert_int_equal(rc, CSVIN_OK);
	assert_string_equal(whole, small);
	assert_memory_equal(a.sha256, b2.sha256, 32);
	assert_int_equal(a.n_rows, 5000);
	/* row i starts on line 2 + 2i: the last on 10000 */
	assert_non_null(strstr(whole, "L10000 10000:1=2024-"));
	free(whole);
	free(small);
	buf_release(&t);
	/* SHA-256 of "abc\n" is known */
	Msgs ms;
	msgs_init(&ms);
	csvin_read_mem("x", "abc\n", 4, 0, S_cols, S_N, NULL, NULL, &ms, &a);
	static const unsigned char want[4] = {0xed, 0xea, 0xaf, 0xf3};
	assert_memory_equal(a.sha256, want, 4);
	msgs_release(&ms);
}

/* From disk: a missing file is the caller's call, a folder is an error,
 * a file reads as its bytes would from memory. */
static void test_csvin_read_file(void **state)
{
	char dir[] = "/tmp/test_csvin.XXXXXX";
	assert_non_null(mkdtemp(dir));
	Msgs ms;
	msgs_init(&ms);
	Buf b;
	buf_init(&b);
	CsvInfo info;
	assert_int_equal(csvin_read(dir, "nope.csv", S_cols, S_N, S_collect, &b, &ms, &info),
	                 CSVIN_MISSING);
	assert_int_equal(ms.n, 0);
	char *sub = xasprintf("%s/sub.csv", dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	assert_int_equal(csvin_read(dir, "sub.csv", S_cols, S_N, S_collect, &b, &ms, &info),
	                 CSVIN_ERROR);
	assert_int_equal(ms.n_error, 1);
	rmdir(sub);
	free(sub);
	char *path = xasprintf("%s/x.csv", dir);
	FILE *fp = fopen(path, "wb");
	fputs("tu_so;mau_so;ky;chi_tieu\n1;2;2024-01;3\n", fp);
	fclose(fp);
	assert_int_equal(csvin_read(dir, "x.csv", S_cols, S_N, S_collect, &b, &ms, &info), CSVIN_OK);
	assert_string_equal(b.ptr, "L2 2:3=2024-01 2:4=3 2:1=1 2:2=2 2:0=\n");
	assert_int_equal(info.delim, ';');
	unlink(path);
	free(path);
	rmdir(dir);
	buf_release(&b);
	msgs_release(&ms);
}

static void test_csvin_old_mac_line_ends(void **state)
{
	EXPECT("ky,chi_tieu,tu_so,mau_so\r2024-01,1,5,10\r\r2024-02,1,\"a\rb\",10\r2024-03,1,5,10", CSVIN_OK,
	       "L2 2:1=2024-01 2:2=1 2:3=5 2:4=10 2:0=\n"
	       "L4 4:1=2024-02 4:2=1 4:3=a\rb 5:4=10 4:0=\n"
	       "L6 6:1=2024-03 6:2=1 6:3=5 6:4=10 6:0=\n");
}

static void test_csvin_unnamed_column(void **state)
{
	/* Excel's empty trailing columns are fine; a value under no name is
	 * worth a warning, once */
	EXPECT("ky,chi_tieu,tu_so,mau_so,,\n2024-01,1,5,10,,\n2024-02,1,5,10,,x\n2024-03,1,5,10,y,\n",
	       CSVIN_OK,
	       "L2 2:1=2024-01 2:2=1 2:3=5 2:4=10 2:0=\n"
	       "L3 3:1=2024-02 3:2=1 3:3=5 3:4=10 3:0=\n"
	       "L4 4:1=2024-03 4:2=1 4:3=5 4:4=10 4:0=\n"
	       "so-lieu/x.csv:3:6: warning: column 6 has no name in the header row: its values are "
	       "ignored\n");
}

/* Random texts from the bytes that matter: whatever they hold, reading
 * them whole, a byte at a time or 7 at a time gives the same rows and
 * messages (S_read asserts it), and nothing crashes. */
static void test_csvin_random_text_chunk_independent(void **state)
{
	static const char alphabet[] = ",;\"\n\r a1# \xC3\xA1\xE1\xBB\x80\t\x07";
	uint64_t x = 0x9E3779B97F4A7C15u;
	char text[200];
	for (int round = 0; round < 300; round++) {
		size_t n = 0;
		n += (size_t)snprintf(text, sizeof text, "%s",
		                      round % 3 ? "ky,chi_tieu,tu_so,mau_so\n" : "ky;tu_so;mau_so;chi_tieu\r\n");
		size_t len = 20 + (size_t)(round % 150);
		while (n < len) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			text[n++] = alphabet[x % (sizeof alphabet - 1)];
		}
		int rc;
		char *got = S_read(text, n, &rc);
		free(got);
	}
}

/* The scan that skips plain bytes 8 at a time finds every byte it must
 * look at, wherever it sits in a word: a line past the first 64 KiB
 * (the sample, always scanned whole) read whole and one byte at a time
 * (never 8 at a time) gives the same rows and messages, for each byte
 * that matters at 8 places. */
static void test_csvin_word_scan_finds_every_special_byte(void **state)
{
	static const unsigned char bytes[] = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22,
	                                      0x23, 0x7E, 0x7F, 0x80, 0xBF, 0xC2, 0xE2, 0xF4, 0xFF};
	Buf head;
	buf_init(&head);
	buf_puts(&head, "ky,chi_tieu,tu_so,mau_so,ghi_chu\n");
	while (head.len < 70 * 1024)
		buf_puts(&head, "2024-01,1,3,4,abcdefghijklmnopqrstuvwx\n");
	for (size_t b = 0; b < sizeof bytes; b++)
		for (size_t at = 0; at < 8; at++) {
			Buf t;
			buf_init(&t);
			buf_add(&t, head.ptr, head.len);
			/* the line's start moves too, so at meets every place in a word */
			buf_puts(&t, at % 2 ? "2024-02,1,3,4,\"" : "2024-02,1,3,4,");
			buf_puts(&t, "0123456789abcdef");
			t.ptr[t.len - 16 + at + (at % 3)] = (char)bytes[b];
			buf_puts(&t, at % 2 ? "\"\n" : "\n");
			int rc0, rc1;
			char *whole = S_run(t.ptr, t.len, 0, &rc0, NULL);
			char *one = S_run(t.ptr, t.len, 1, &rc1, NULL);
			if (strcmp(whole, one) || rc0 != rc1)
				fail_msg("byte 0x%02X at %zu: read whole and byte by byte differ", bytes[b], at);
			free(whole);
			free(one);
			buf_release(&t);
		}
	buf_release(&head);
}

/* Lines are fed to libcsv many at a time and each field's line is
 * counted by the records libcsv ended: past the first 64 KiB, a text
 * of every kind of line (blank, spaces and tabs only, delimiters only,
 * CRLF, lone CR, quoted fields on one line and over three, a doubled
 * quote, ragged rows and a bad quote whose messages carry their line)
 * read whole gives the rows and messages it gives read one byte at a
 * time, where every line is fed alone. */
static void test_csvin_lines_fed_together_keep_their_numbers(void **state)
{
	static const char *const tail[] = {
		"2024-02,1,3,4,a\n\n2024-03,1,3,4,b\n",
		"2024-02,1,3,4,a\n   \t \n2024-03,1,3,4,b\n",
		"2024-02,1,3,4,a\n,,,,\n2024-03,1,3,4,b\n",
		"2024-02,1,3,4,a\r\n\r\n2024-03,1,3,4,b\r\n2024-04,1,3,4,c\r\n",
		"2024-02,1,3,4,a\r2024-03,1,3,4,b\r\r2024-04,1,3,4,c\r",
		"2024-02,1,3,4,\"a, b\"\n2024-03,1,3,4,b\n",
		"2024-02,1,3,4,\"one\ntwo\n\nthree\"\n2024-03,1,3,4,b\n2024-04,1,3,4,c\n",
		"2024-02,1,3,4,\"say \"\"hi\"\"\"\n2024-03,1,3,4,b\n",
		"2024-02,1,3,4\n2024-03,1,3,4,b,x\n2024-04,1,3,4,c\n",
		"2024-02,1,3,4,a\n2024-03,1,3,4,b\"c\n2024-04,1,3,4,c\n",
		"2024-02,1,3,4,a\n2024-03,1,3,\"4\"x,b\n",
		"2024-02,1,3,4,a\n\n  \n2024-03,1,3,4,\"open\n",
		"2024-02,1,3,4,a\n2024-03,1,3,4,b",
		"2024-02,1,3,4,a\n \"x\" ,1,3,4,b\n2024-03,1,3,4,c\n",
	};
	Buf head;
	buf_init(&head);
	buf_puts(&head, "ky,chi_tieu,tu_so,mau_so,ghi_chu\n");
	while (head.len < 66 * 1024)
		buf_puts(&head, "2024-01,1,3,4,abcdefghijklmnopqrstuvwx\n");
	for (size_t k = 0; k < sizeof tail / sizeof *tail; k++) {
		Buf t;
		buf_init(&t);
		buf_add(&t, head.ptr, head.len);
		for (int r = 0; r < 3; r++) /* the same lines, then after them again */
			buf_puts(&t, tail[k]);
		int rc0, rc1;
		char *whole = S_run(t.ptr, t.len, 0, &rc0, NULL);
		char *one = S_run(t.ptr, t.len, 1, &rc1, NULL);
		if (strcmp(whole, one) || rc0 != rc1) {
			const char *a = whole, *b = one;
			while (*a && *a == *b)
				a++, b++;
			fail_msg("text %zu: read whole and byte by byte differ:\n%.200s\n---\n%.200s", k, a, b);
		}
		free(whole);
		free(one);
		buf_release(&t);
	}
	buf_release(&head);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csvin_word_scan_finds_every_special_byte),
		cmocka_unit_test(test_csvin_lines_fed_together_keep_their_numbers),
		cmocka_unit_test(test_csvin_plain_comma_lf),
		cmocka_unit_test(test_csvin_bom_crlf_semicolon),
		cmocka_unit_test(test_csvin_sep_line),
		cmocka_unit_test(test_csvin_headers_folded_any_order),
		cmocka_unit_test(test_csvin_quoted_newline_line_numbers),
		cmocka_unit_test(test_csvin_blank_and_delimiter_only_lines),
		cmocka_unit_test(test_csvin_nbsp_trimmed),
		cmocka_unit_test(test_csvin_ragged_rows),
		cmocka_unit_test(test_csvin_unterminated_quote),
		cmocka_unit_test(test_csvin_stray_quote),
		cmocka_unit_test(test_csvin_missing_and_unknown_columns),
		cmocka_unit_test(test_csvin_utf16),
		cmocka_unit_test(test_csvin_xlsx),
		cmocka_unit_test(test_csvin_invalid_utf8_offset),
		cmocka_unit_test(test_csvin_control_and_nul),
		cmocka_unit_test(test_csvin_empty_file),
		cmocka_unit_test(test_csvin_sniff_prefers_header_match),
		cmocka_unit_test(test_csvin_sha256_and_chunking_of_large_file),
		cmocka_unit_test(test_csvin_read_file),
		cmocka_unit_test(test_csvin_old_mac_line_ends),
		cmocka_unit_test(test_csvin_unnamed_column),
		cmocka_unit_test(test_csvin_random_text_chunk_independent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
