/* SPDX-License-Identifier: MIT */
/* lo_png's pass-through: a palette, gray or RGB PNG goes into the PDF with
 * its compressed rows as they are (FlateDecode, PNG predictors); anything
 * else (alpha, transparency) through libharu's decoder.  The PNGs are made
 * here, with stored (uncompressed) deflate blocks, so the test needs no
 * zlib of its own. */
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
#include "layout.h"
#include "xalloc.h"

static uint32_t S_crc(const unsigned char *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
	}
	return ~c;
}

static void S_be32(Buf *b, uint32_t v)
{
	unsigned char x[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8),
	                      (unsigned char)v};
	buf_add(b, x, 4);
}

static void S_chunk(Buf *b, const char *tag, const unsigned char *data, size_t n)
{
	S_be32(b, (uint32_t)n);
	size_t at = b->len;
	buf_add(b, tag, 4);
	buf_add(b, data, n);
	S_be32(b, S_crc((const unsigned char *)b->ptr + at, n + 4));
}

/* A w x h PNG of colour type `type` (0, 2, 3 or 6), 8 bits, every row
 * filter 0 and bytes from a simple pattern; its zlib stream (the IDAT
 * data) is returned in *z for the caller to look for. */
static void S_png(Buf *png, Buf *z, uint32_t w, uint32_t h, int type, int trns)
{
	int ch = type == 2 ? 3 : type == 6 ? 4 : 1;
	Buf raw;
	buf_init(&raw);
	for (uint32_t y = 0; y < h; y++) {
		buf_putc(&raw, 0);
		for (uint32_t x = 0; x < w * (uint32_t)ch; x++)
			buf_putc(&raw, (char)(type == 3 ? (x + y) % 4 : (x * 7 + y * 13) & 0xff));
	}
	/* zlib: header, one stored block, Adler-32 */
	buf_putc(z, 0x78);
	buf_putc(z, 0x01);
	buf_putc(z, 1);
	unsigned char len[4] = {(unsigned char)raw.len, (unsigned char)(raw.len >> 8),
	                        (unsigned char)~raw.len, (unsigned char)(~raw.len >> 8)};
	buf_add(z, len, 4);
	buf_add(z, raw.ptr, raw.len);
	uint32_t a = 1, bb = 0;
	for (size_t i = 0; i < raw.len; i++) {
		a = (a + (unsigned char)raw.ptr[i]) % 65521;
		bb = (bb + a) % 65521;
	}
	S_be32(z, (bb << 16) | a);
	buf_release(&raw);

	buf_add(png, "\x89PNG\r\n\x1a\n", 8);
	unsigned char ihdr[13] = {0};
	ihdr[3] = (unsigned char)w;
	ihdr[7] = (unsigned char)h;
	ihdr[8] = 8;
	ihdr[9] = (unsigned char)type;
	S_chunk(png, "IHDR", ihdr, 13);
	if (type == 3) {
		static const unsigned char pal[12] = {255, 255, 255, 0, 0, 0, 200, 30, 30, 30, 150, 30};
		S_chunk(png, "PLTE", pal, sizeof pal);
		if (trns) {
			static const unsigned char t[1] = {0};
			S_chunk(png, "tRNS", t, 1);
		}
	}
	S_chunk(png, "IDAT", (const unsigned char *)z->ptr, z->len);
	S_chunk(png, "IEND", NULL, 0);
}

static int S_has(const unsigned char *p, size_t n, const void *what, size_t k)
{
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(p + i, what, k) == 0)
			return 1;
	return 0;
}

/* Places one PNG on a page and returns the PDF's bytes; *h is what lo_png
 * returned. */
static unsigned char *S_pdf_with(const Buf *png, size_t *n, float *h)
{
	char path[] = "/tmp/chitieu-pngpass-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, png->ptr, png->len), (long)png->len);
	close(fd);
	LoDoc d;
	char *err = NULL;
	assert_int_equal(lo_open(&d, &err), 0);
	lo_page_new(&d, 0);
	*h = lo_png(&d, path, d.x0, d.y, 100, 100);
	unlink(path);
	unsigned char *pdf = NULL;
	assert_int_equal(lo_bytes(&d, &pdf, n, &err), 0);
	lo_close(&d);
	return pdf;
}

static void S_passes(int type, const char *cs)
{
	Buf png, z;
	buf_init(&png);
	buf_init(&z);
	S_png(&png, &z, 40, 10, type, 0);
	size_t n;
	float h;
	unsigned char *pdf = S_pdf_with(&png, &n, &h);
	/* placed at its aspect ratio: 100 pt wide, 25 high */
	assert_true(h > 24.9f && h < 25.1f);
	assert_true(S_has(pdf, n, "/Predictor 15", 13));
	assert_true(S_has(pdf, n, "/Filter /FlateDecode", 20));
	assert_true(S_has(pdf, n, "/Columns 40", 11));
	assert_true(S_has(pdf, n, cs, strlen(cs)));
	/* the PNG's compressed rows, byte for byte */
	assert_true(S_has(pdf, n, z.ptr, z.len));
	free(pdf);
	buf_release(&png);
	buf_release(&z);
}

static void test_layout_png_palette_passes_through(void **state)
{
	(void)state;
	S_passes(3, "/Indexed");
}

static void test_layout_png_gray_and_rgb_pass_through(void **state)
{
	(void)state;
	S_passes(0, "/DeviceGray");
	S_passes(2, "/DeviceRGB");
}

/* Alpha and tRNS need a mask PDF images do not have inline: libharu
 * decodes those, and the chart is still placed. */
static void test_layout_png_alpha_goes_through_libharu(void **state)
{
	(void)state;
	for (int k = 0; k < 2; k++) {
		Buf png, z;
		buf_init(&png);
		buf_init(&z);
		S_png(&png, &z, 40, 10, k ? 3 : 6, k);
		size_t n;
		float h;
		unsigned char *pdf = S_pdf_with(&png, &n, &h);
		assert_true(h > 24.9f && h < 25.1f);
		assert_false(S_has(pdf, n, "/Predictor 15", 13));
		free(pdf);
		buf_release(&png);
		buf_release(&z);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_layout_png_palette_passes_through),
	    cmocka_unit_test(test_layout_png_gray_and_rgb_pass_through),
	    cmocka_unit_test(test_layout_png_alpha_goes_through_libharu),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
