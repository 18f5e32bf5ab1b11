/* SPDX-License-Identifier: MIT */
/* pdfw through layout: a document written a chunk of pages at a time
 * draws exactly as the same document saved by libharu in one piece, with
 * each font embedded once, and a failed write is reported. */
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
#include "layout.h"
#include "xalloc.h"

/* Every page uses letters no other chunk uses, so the fonts' subsets are
 * right only if the glyphs of every chunk reach the file. */
static const char *const S_words[] = {
	"Hưng Yên: 80 % thủ tục", "Ủy ban nhân dân tỉnh",  "Đạt, chưa đạt — ỹ ỵ ỷ",
	"Phường Hiến Nam ổ ỗ ộ", "Xã Tân Lập ằ ẳ ẵ ặ",     "Quý IV năm 2024 ứ ừ ử ữ ự",
	"Báo cáo kết quả ẩ ẫ ậ", "Sở Tư pháp ờ ở ỡ ợ",    "Thẻ điểm ỳ ý ỹ",
};
enum { S_PAGES = 9 };

static void S_draw(LoDoc *d, const char *png)
{
	lo_set_info(d, "Thử nghiệm pdfw", "chitieu");
	for (int p = 0; p < S_PAGES; p++) {
		lo_page_new(d, p % 4 == 3); /* some landscape pages */
		FontStyle st = (FontStyle)(p % FONT_N_STYLE);
		lo_paragraph(d, st, 14, d->x0, d->x1 - d->x0, LO_LEFT, 0, 6, S_words[p]);
		if (p % 3 == 1)
			assert_true(lo_png(d, png, d->x0, d->y, 200, 150) > 0);
		lo_rule(d, d->x0, d->x1, d->y - 10, 0.5f);
	}
}

static char *S_cmd(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	assert_true(vasprintf(&s, fmt, ap) >= 0);
	va_end(ap);
	return s;
}

static void S_run(const char *cmd)
{
	assert_int_equal(system(cmd), 0);
}

static char *S_slurp(const char *path, size_t *n)
{
	Buf b;
	buf_init(&b);
	assert_int_equal(buf_read_file(&b, path), 0);
	return buf_detach(&b, n);
}

static void test_pdfw_chunks_draw_as_one_document(void **state)
{
	(void)state;
	test_need("qpdf", "qpdf");
	test_need("pdftoppm", "poppler-utils");
	char dir[] = "/tmp/chitieu-pdfw-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *png = S_cmd("%s/c.png", dir);
	char *cmd = S_cmd("gnuplot -e \"set term png size 300,200; set output '%s'; "
	                  "plot sin(x) lw 3\" 2>/dev/null",
	                  png);
	S_run(cmd);
	free(cmd);

	/* the reference: one libharu document saved in one piece */
	LoDoc d;
	char *err = NULL;
	char *one = S_cmd("%s/one.pdf", dir), *many = S_cmd("%s/many.pdf", dir);
	assert_int_equal(lo_open(&d, &err), 0);
	S_draw(&d, png);
	assert_int_equal(lo_save(&d, one, &err), 0);
	lo_close(&d);

	/* the same, two pages a chunk: five chunks */
	assert_int_equal(lo_open_file(&d, many, &err), 0);
	d.chunk_pages = 2;
	S_draw(&d, png);
	int rc = lo_finish(&d, &err);
	if (rc)
		fprintf(stderr, "lo_finish: %s\n", err);
	assert_int_equal(rc, 0);
	lo_close(&d);

	/* a well-formed file (qpdf reads the xref and every stream) */
	cmd = S_cmd("qpdf --check '%s' >/dev/null", many);
	S_run(cmd);
	free(cmd);
	/* the pages render to the same pixels */
	cmd = S_cmd("cd %s && pdftoppm -r 40 -gray one.pdf a && pdftoppm -r 40 -gray many.pdf b", dir);
	S_run(cmd);
	free(cmd);
	for (int p = 1; p <= S_PAGES; p++) {
		char *a = S_cmd("%s/a-%d.pgm", dir, p), *b = S_cmd("%s/b-%d.pgm", dir, p);
		size_t na, nb;
		char *pa = S_slurp(a, &na), *pb = S_slurp(b, &nb);
		assert_true(na > 100);
		assert_int_equal(na, nb);
		assert_memory_equal(pa, pb, na);
		free(pa);
		free(pb);
		unlink(a);
		unlink(b);
		free(a);
		free(b);
	}
	/* one page past the last is not there */
	char *extra = S_cmd("%s/b-%d.pgm", dir, S_PAGES + 1);
	assert_int_not_equal(access(extra, F_OK), 0);
	free(extra);
	/* each style embedded once, as in the reference, and the text the same */
	cmd = S_cmd("cd %s && pdffonts many.pdf 2>/dev/null | grep -c 'LiberationSerif.*yes yes yes' "
	            "> n && test \"$(cat n)\" = 4 && pdffonts one.pdf 2>/dev/null | tail -n +3 | "
	            "awk '{print $1}' > f1 && pdffonts many.pdf 2>/dev/null | tail -n +3 | "
	            "awk '{print $1}' > f2 && cmp f1 f2 && pdftotext one.pdf t1 2>/dev/null && "
	            "pdftotext many.pdf t2 2>/dev/null && cmp t1 t2 && grep -q 'ỹ ỵ ỷ' t2 && "
	            "pdfinfo many.pdf | grep -q 'Title: *Thử nghiệm pdfw' && "
	            /* a ToUnicode map poppler reads without a warning */
	            "test -z \"$(pdftotext many.pdf /dev/null 2>&1)\"",
	            dir);
	S_run(cmd);
	free(cmd);
	/* subsets, not whole fonts (each style is some 400 KB whole): the
	 * files differ by object numbers and the ToUnicode maps (about 5 KB) */
	struct stat s1, s2;
	assert_int_equal(stat(one, &s1), 0);
	assert_int_equal(stat(many, &s2), 0);
	long diff = (long)s2.st_size - (long)s1.st_size;
	if (diff < -8000 || diff > 8000)
		fprintf(stderr, "one.pdf %ld bytes, many.pdf %ld\n", (long)s1.st_size, (long)s2.st_size);
	assert_true(diff > -8000 && diff < 8000);

	cmd = S_cmd("rm -rf '%s'", dir);
	S_run(cmd);
	free(cmd);
	free(one);
	free(many);
	free(png);
}

static void test_pdfw_write_failure_reported(void **state)
{
	(void)state;
	LoDoc d;
	char *err = NULL;
	/* a folder that is not there: at the start */
	assert_int_equal(lo_open_file(&d, "/nonexistent-chitieu/x.pdf", &err), -1);
	assert_non_null(strstr(err, "cannot write '/nonexistent-chitieu/x.pdf'"));
	free(err);
	err = NULL;
	lo_close(&d);
	/* a full disk: when the pages are written */
	if (access("/dev/full", W_OK) != 0)
		test_skip("no /dev/full to write to: a full disk is not tried");
	assert_int_equal(lo_open_file(&d, "/dev/full", &err), 0);
	d.chunk_pages = 1;
	for (int p = 0; p < 3; p++) {
		lo_page_new(&d, 0);
		lo_paragraph(&d, FONT_REGULAR, 12, d.x0, d.x1 - d.x0, LO_LEFT, 0, 0, S_words[p]);
	}
	assert_int_equal(lo_finish(&d, &err), -1);
	assert_non_null(strstr(err, "No space left on device"));
	free(err);
	lo_close(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdfw_chunks_draw_as_one_document),
		cmocka_unit_test(test_pdfw_write_failure_reported),
	};
	return test_exit(cmocka_run_group_tests(tests, NULL, NULL));
}
