/* SPDX-License-Identifier: MIT */
/* Unit tests of zip_io: archives written with zip_out_*, read back with
 * zip_in_* and zip_part_*; each fault the readers word for a clerk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "xalloc.h"
#include "zip_io.h"

/* An archive of n entries (name[i], data[i]) written by zip_out, its
 * bytes in out. */
static void S_zip(Buf *out, size_t n, const char *const *name, const char *const *data)
{
	char path[] = "/tmp/test_zip_io.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	char *err = NULL;
	ZipOut *z = zip_out_open(path, &err);
	assert_non_null(z);
	for (size_t i = 0; i < n; i++)
		zip_out_add_mem(z, name[i], data[i], strlen(data[i]), 1735603200);
	assert_int_equal(zip_out_close(z, &err), 0);
	assert_null(err);
	assert_int_equal(buf_read_file(out, path), 0);
	unlink(path);
}

/* The last fault reported (a ZipInReport's context), copied. */
typedef struct {
	ZipInError e;
	int n;
} S_Seen;

static void S_seen_release(S_Seen *s)
{
	free(s->e.name);
	free(s->e.name2);
	free(s->e.detail);
	memset(s, 0, sizeof *s);
}

static void S_report(void *ctx, const ZipInError *e)
{
	S_Seen *s = ctx;
	int n = s->n;
	S_seen_release(s);
	s->n = n + 1;
	s->e.fault = e->fault;
	s->e.name = e->name ? xstrdup(e->name) : NULL;
	s->e.name2 = e->name2 ? xstrdup(e->name2) : NULL;
	s->e.detail = e->detail ? xstrdup(e->detail) : NULL;
	s->e.line = e->line;
}

/* Reads a part to its end: its text nodes joined, and the fault. */
static ZipInFault S_read_part(ZipIn *z, const char *part, Buf *text, S_Seen *seen)
{
	S_seen_release(seen);
	ZipPart *p;
	if (zip_part_open(z, part, 0, &p))
		return seen->e.fault;
	int rc;
	while ((rc = zip_part_next(p)) == 1)
		if (xmlTextReaderNodeType(zip_part_reader(p)) == XML_READER_TYPE_TEXT)
			buf_puts(text, (const char *)xmlTextReaderConstValue(zip_part_reader(p)));
	zip_part_close(p, rc);
	return seen->e.fault;
}

static void test_zip_io_roundtrip_and_part_names(void **state)
{
	(void)state;
	const char *name[] = {"word/document.xml", "docProps/app.xml"};
	const char *data[] = {"<d><p>Xin chào</p><p> tỉnh</p></d>", "<a/>"};
	Buf b, t;
	buf_init(&b);
	buf_init(&t);
	S_zip(&b, 2, name, data);
	S_Seen e = {0};
	ZipIn *z = zip_in_open(b.ptr, b.len, 1 << 20, S_report, &e);
	assert_non_null(z);
	/* part names as OPC compares them: case, a backslash, a leading slash, %XX */
	assert_true(zip_in_has(z, "word/document.xml"));
	assert_true(zip_in_has(z, "/WORD/Document.XML"));
	assert_true(zip_in_has(z, "word\\document.xml"));
	assert_true(zip_in_has(z, "word/docu%6Dent.xml"));
	assert_false(zip_in_has(z, "word/styles.xml"));
	assert_int_equal(S_read_part(z, "Word/Document.xml", &t, &e), ZIP_IN_OK);
	assert_string_equal(t.ptr, "Xin chào tỉnh");
	assert_int_equal(S_read_part(z, "word/styles.xml", &t, &e), ZIP_IN_MISSING);
	assert_string_equal(e.e.name, "word/styles.xml");
	ZipPart *p;
	assert_int_equal(zip_part_open(z, "word/styles.xml", 1, &p), 1); /* optional: not said */
	assert_null(p);
	assert_int_equal(e.n, 1);
	S_seen_release(&e);
	zip_in_free(z);
	buf_release(&t);
	buf_release(&b);
}

static void test_zip_io_refused(void **state)
{
	(void)state;
	S_Seen e = {0};
	Buf b, t;
	buf_init(&b);
	buf_init(&t);

	/* not a zip */
	assert_null(zip_in_open("PK\3\4 cut short", 15, 1 << 20, S_report, &e));
	assert_int_equal(e.e.fault, ZIP_IN_NOT_ZIP);
	assert_non_null(e.e.detail);

	/* two entries naming one part */
	const char *n2[] = {"xl/workbook.xml", "XL/Workbook.xml"};
	const char *d2[] = {"<a/>", "<b/>"};
	S_zip(&b, 2, n2, d2);
	assert_null(zip_in_open(b.ptr, b.len, 1 << 20, S_report, &e));
	assert_int_equal(e.e.fault, ZIP_IN_TWICE);
	assert_string_equal(e.e.name, "xl/workbook.xml");

	/* a DTD; XML that is not well-formed, with its line */
	const char *n3[] = {"a.xml", "b.xml"};
	const char *d3[] = {"<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "<a>\n<b>\n</a>"};
	buf_reset(&b);
	S_zip(&b, 2, n3, d3);
	ZipIn *z = zip_in_open(b.ptr, b.len, 1 << 20, S_report, &e);
	assert_non_null(z);
	assert_int_equal(S_read_part(z, "a.xml", &t, &e), ZIP_IN_DTD);
	assert_int_equal(S_read_part(z, "b.xml", &t, &e), ZIP_IN_BAD_XML);
	assert_int_equal(e.e.line, 3);
	assert_non_null(e.e.detail);
	zip_in_free(z);

	/* inflating past the archive's limit: 64 KiB of text, a 4 KiB limit */
	size_t big = 64 * 1024;
	char *a = xmalloc(big + 8);
	memcpy(a, "<a>", 3);
	memset(a + 3, 'x', big);
	memcpy(a + 3 + big, "</a>", 5);
	const char *n4[] = {"a.xml"};
	const char *d4[] = {a};
	buf_reset(&b);
	S_zip(&b, 1, n4, d4);
	free(a);
	assert_true(b.len < 4096); /* deflated, it is small: only inflating tells */
	z = zip_in_open(b.ptr, b.len, 4096, S_report, &e);
	assert_non_null(z);
	assert_int_equal(S_read_part(z, "a.xml", &t, &e), ZIP_IN_TOO_BIG);
	zip_in_free(z);

	S_seen_release(&e);
	buf_release(&t);
	buf_release(&b);
}

static size_t S_u32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
}

static void S_put32(unsigned char *p, size_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* A zip whose directory is bent: the second entry pointed 1 byte back
 * (no local header there), or the first entry's data grown over the
 * second's local header (entries sharing bytes, a zip bomb's trick). */
static void test_zip_io_bent_directory(void **state)
{
	(void)state;
	const char *name[] = {"a.xml", "b.xml"};
	const char *data[] = {"<a>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</a>", "<b/>"};
	S_Seen err = {0};
	for (int bend = 0; bend < 2; bend++) {
		Buf b;
		buf_init(&b);
		S_zip(&b, 2, name, data);
		unsigned char *p = (unsigned char *)b.ptr;
		size_t e = b.len - 22;
		assert_memory_equal(p + e, "PK\5\6", 4);
		size_t cd = S_u32(p + e + 16);
		assert_memory_equal(p + cd, "PK\1\2", 4);
		size_t second = cd + 46 + (p[cd + 28] | p[cd + 29] << 8) + (p[cd + 30] | p[cd + 31] << 8) +
		                (p[cd + 32] | p[cd + 33] << 8);
		assert_memory_equal(p + second, "PK\1\2", 4);
		size_t loff = S_u32(p + second + 42);
		assert_true(loff > 0);
		if (bend == 0)
			S_put32(p + second + 42, loff - 1);
		else /* the first's compressed size reaches 4 bytes into the second */
			S_put32(p + cd + 20, loff + 4 - (30 + 5) - S_u32(p + cd + 42));
		assert_null(zip_in_open(b.ptr, b.len, 1 << 20, S_report, &err));
		assert_int_equal(err.e.fault, bend == 0 ? ZIP_IN_NO_LOCAL : ZIP_IN_OVERLAP);
		assert_string_equal(err.e.name, bend == 0 ? "b.xml" : "a.xml");
		if (bend == 1)
			assert_string_equal(err.e.name2, "b.xml");
		buf_release(&b);
	}
	S_seen_release(&err);
}

static void test_zip_io_write_errors_name_the_archive(void **state)
{
	(void)state;
	char *err = NULL;
	ZipOut *z = zip_out_open("/nonexistent-folder/x.docx", &err);
	if (z) { /* libzip may only find out when it writes */
		zip_out_add_mem(z, "a.xml", "<a/>", 4, 0);
		assert_int_not_equal(zip_out_close(z, &err), 0);
	}
	assert_non_null(err);
	assert_non_null(strstr(err, "/nonexistent-folder/x.docx: cannot write the file: "));
	free(err);
	/* an entry from a file that is not there */
	char path[] = "/tmp/test_zip_io.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	err = NULL;
	z = zip_out_open(path, &err);
	assert_non_null(z);
	zip_out_add_file(z, "a.xml", "/nonexistent-folder/a.xml", 0);
	assert_int_not_equal(zip_out_close(z, &err), 0);
	assert_non_null(strstr(err, path));
	free(err);
	assert_int_not_equal(access(path, F_OK), 0); /* nothing left at the path */
	/* discarded: nothing written */
	z = zip_out_open(path, &err);
	assert_non_null(z);
	zip_out_add_mem(z, "a.xml", "<a/>", 4, 0);
	zip_out_discard(z);
	assert_int_not_equal(access(path, F_OK), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_zip_io_roundtrip_and_part_names),
	    cmocka_unit_test(test_zip_io_refused),
	    cmocka_unit_test(test_zip_io_bent_directory),
	    cmocka_unit_test(test_zip_io_write_errors_name_the_archive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
