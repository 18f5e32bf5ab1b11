/* SPDX-License-Identifier: MIT */
/* layout: measuring, wrapping, tables and page breaks over libharu. */
#include "layout.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* libharu's object layer, for lo_png's PNG pass-through (S_png_direct). */
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <zlib.h>

#include "buf.h"
#include "out.h"
#include "pdfw.h"
#include "text.h"
#include "msg.h"
#include "xalloc.h"

/* A4 in points, as libharu rounds it. */
#define S_A4_W 595.276f
#define S_A4_H 841.89f

static void S_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
	LoDoc *d = user;
	if (!d->err) {
		d->err = error_no;
		d->err_detail = detail_no;
	}
}

/* A coordinate libharu may receive: NaN and infinities become 0 (PITFALLS:
 * a NaN writes a corrupt PDF). */
static float S_c(float v)
{
	return isfinite(v) ? v : 0.0f;
}

static void S_set_date(HPDF_Doc pdf)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (!sde || !*sde)
		return;
	char *end;
	errno = 0;
	long long v = strtoll(sde, &end, 10);
	if (errno || *end || v < 0)
		return;
	time_t t = (time_t)v;
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return;
	HPDF_Date dt;
	memset(&dt, 0, sizeof dt);
	dt.year = tm.tm_year + 1900;
	dt.month = tm.tm_mon + 1;
	dt.day = tm.tm_mday;
	dt.hour = tm.tm_hour;
	dt.minutes = tm.tm_min;
	dt.seconds = tm.tm_sec;
	dt.ind = 'Z';
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, dt);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, dt);
}

/* A libharu document with the four styles loaded from d->font_path. */
static HPDF_Doc S_new_doc(LoDoc *d, HPDF_Font font[FONT_N_STYLE], char **err)
{
	HPDF_Doc pdf = HPDF_New(S_error, d);
	if (!pdf) {
		*err = xstrdup(_("libharu could not create a PDF document"));
		return NULL;
	}
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	/* Decree 30's floor for digital copies: PDF 1.4 (libharu says 1.3
	 * unless something it draws needs more; it only writes the number) */
	if (pdf->pdf_version < HPDF_VER_14)
		pdf->pdf_version = HPDF_VER_14;
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	for (int i = 0; i < FONT_N_STYLE; i++) {
		const char *name = HPDF_LoadTTFontFromFile(pdf, d->font_path[i], HPDF_TRUE);
		font[i] = name ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
		if (!font[i] || d->err) {
			*err = xasprintf(_("cannot load the font %s (libharu error "
			                 "0x%04X): reinstall the Debian package "
			                 "fonts-liberation2"),
			                 d->font_path[i], (unsigned)d->err);
			HPDF_Free(pdf);
			return NULL;
		}
	}
	return pdf;
}

static void S_defaults(LoDoc *d)
{
	memset(d, 0, sizeof *d);
	d->m_top = LO_MM(20);
	d->m_bottom = LO_MM(20);
	d->m_left = LO_MM(30);
	d->m_right = LO_MM(15);
	d->number_from = 2;
	d->number_size = 13;
	d->chunk_pages = LO_CHUNK_PAGES;
}

int lo_open(LoDoc *d, char **err)
{
	S_defaults(d);
	if (font_find_serif(d->font_path, err))
		return -1;
	d->pdf = S_new_doc(d, d->font, err);
	if (!d->pdf)
		return -1;
	S_set_date(d->pdf);
	for (int i = 0; i < FONT_N_STYLE; i++) {
		d->wcache[i] = xmalloc(65536 * sizeof *d->wcache[i]);
		memset(d->wcache[i], 0xFF, 65536 * sizeof *d->wcache[i]); /* unknown */
	}
	return 0;
}

int lo_open_file(LoDoc *d, const char *path, char **err)
{
	if (lo_open(d, err))
		return -1;
	d->w = pdfw_begin(path, d->pdf, err);
	return d->w ? 0 : -1;
}

/* Writes the pages drawn so far and frees them.  A failure is kept for
 * lo_finish(), and drawing goes on (pages not written), so callers check
 * once. */
static void S_flush(LoDoc *d)
{
	char *err = NULL;
	if (!d->w_err && pdfw_pages(d->w, d->pdf, &err))
		d->w_err = err;
	d->page = NULL;
	d->chunk_n = 0;
}

int lo_finish(LoDoc *d, char **err)
{
	if (!d->w) {
		*err = xstrdup(_("lo_finish: the document was not opened with lo_open_file"));
		return -1;
	}
	int rc = -1;
	if (d->err)
		*err = xasprintf(_("libharu failed while drawing the PDF (error "
		                 "0x%04X, detail %u)"),
		                 (unsigned)d->err, (unsigned)d->err_detail);
	else if (d->w_err) {
		*err = d->w_err;
		d->w_err = NULL;
	} else {
		rc = pdfw_end(d->w, d->pdf, err);
		d->w = NULL;
		d->page = NULL;
		if (rc == 0 && d->err) {
			*err = xasprintf(_("libharu could not write the PDF (error 0x%04X)"),
			                 (unsigned)d->err);
			rc = -1;
		}
	}
	return rc;
}

void lo_set_info(LoDoc *d, const char *title, const char *author)
{
	HPDF_Doc pdf = d->pdf;
	/* The Info strings are PDFDocEncoding or UTF-16: libharu 2.3.0 writes
	 * them with the current encoder only for its own encodings, so keep
	 * to ASCII-safe cleaned text. */
	if (title) {
		char *s = lo_clean(title);
		HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, s);
		free(s);
	}
	if (author) {
		char *s = lo_clean(author);
		HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, s);
		free(s);
	}
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "chitieu " CHITIEU_VERSION);
}

void lo_set_meta(LoDoc *d, const char *title, const char *subject, const char *author,
                 const char *keywords)
{
	lo_set_info(d, title, author);
	const char *v[2] = {subject, keywords};
	static const HPDF_InfoType k[2] = {HPDF_INFO_SUBJECT, HPDF_INFO_KEYWORDS};
	for (int i = 0; i < 2; i++)
		if (v[i] && *v[i]) {
			char *s = lo_clean(v[i]);
			HPDF_SetInfoAttr(d->pdf, k[i], s);
			free(s);
		}
}

int lo_bytes(LoDoc *d, unsigned char **data, size_t *len, char **err)
{
	*data = NULL;
	*len = 0;
	if (d->err) {
		*err = xasprintf(_("libharu failed while drawing the PDF (error "
		                 "0x%04X, detail %u)"),
		                 (unsigned)d->err, (unsigned)d->err_detail);
		return -1;
	}
	if (HPDF_SaveToStream(d->pdf) != HPDF_OK || d->err) {
		*err = xasprintf(_("libharu could not write the PDF (error 0x%04X)"),
		                 (unsigned)d->err);
		return -1;
	}
	HPDF_UINT32 size = HPDF_GetStreamSize(d->pdf);
	unsigned char *p = xmalloc(size ? size : 1);
	HPDF_UINT32 got = size;
	HPDF_ResetStream(d->pdf);
	if (HPDF_ReadFromStream(d->pdf, p, &got) != HPDF_OK && got != size) {
		free(p);
		*err = xstrdup(_("libharu could not read back the PDF it wrote"));
		return -1;
	}
	/* Reaching the end of the stream is reported as an error too. */
	d->err = 0;
	HPDF_ResetError(d->pdf);
	*data = p;
	*len = got;
	return 0;
}

int lo_save(LoDoc *d, const char *path, char **err)
{
	unsigned char *p;
	size_t n;
	if (lo_bytes(d, &p, &n, err))
		return -1;
	int rc = out_write_file(path, p, n, err);
	free(p);
	return rc;
}

void lo_close(LoDoc *d)
{
	pdfw_free(d->w); /* an unfinished file, in the run's temporary folder */
	d->w = NULL;
	if (d->pdf)
		HPDF_Free(d->pdf);
	d->pdf = NULL;
	free(d->w_err);
	d->w_err = NULL;
	for (int i = 0; i < FONT_N_STYLE; i++) {
		free(d->font_path[i]);
		d->font_path[i] = NULL;
		free(d->wcache[i]);
		d->wcache[i] = NULL;
	}
}

/* ---- pages ---- */

void lo_page_new(LoDoc *d, int landscape)
{
	if (d->w && d->chunk_n >= (d->chunk_pages > 0 ? d->chunk_pages : 1))
		S_flush(d);
	d->chunk_n++;
	d->page = HPDF_AddPage(d->pdf);
	d->landscape = landscape;
	HPDF_Page_SetSize(d->page, HPDF_PAGE_SIZE_A4,
	                  landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
	d->page_w = HPDF_Page_GetWidth(d->page);
	d->page_h = HPDF_Page_GetHeight(d->page);
	if (!(d->page_w > 0) || !(d->page_h > 0)) {
		d->page_w = landscape ? S_A4_H : S_A4_W;
		d->page_h = landscape ? S_A4_W : S_A4_H;
	}
	d->x0 = d->m_left;
	d->x1 = d->page_w - d->m_right;
	d->y_top = d->page_h - d->m_top;
	d->y_bottom = d->m_bottom;
	d->y = d->y_top;
	d->n_pages++;
	d->page_no++;
	if (d->number_size > 0 && d->page_no >= d->number_from) {
		char num[24];
		snprintf(num, sizeof num, "%d", d->page_no);
		/* centred in the top margin */
		float base = d->page_h - d->m_top / 2 - d->number_size * 0.35f;
		lo_text(d, FONT_REGULAR, d->number_size, 0, base, d->page_w,
		        LO_CENTER, num);
	}
	if (d->running_head && *d->running_head) {
		float size = 9;
		float base = d->page_h - d->m_top / 2 - size * 0.35f;
		lo_text(d, FONT_ITALIC, size, d->x0, base, d->x1 - d->x0, LO_RIGHT, d->running_head);
	}
	if (d->running_foot && *d->running_foot) {
		float size = 9;
		float base = d->m_bottom / 2 - size * 0.35f;
		lo_text(d, FONT_ITALIC, size, d->x0, base, d->x1 - d->x0, LO_CENTER, d->running_foot);
	}
	if (d->on_page)
		d->on_page(d, d->on_page_ctx);
}

void lo_number_restart(LoDoc *d)
{
	d->page_no = 0;
}

int lo_need(LoDoc *d, float h)
{
	if (d->page && d->y - h >= d->y_bottom)
		return 0;
	lo_page_new(d, d->landscape);
	return 1;
}

/* ---- text ---- */

/* Decodes one UTF-8 sequence at p (n bytes left); returns its length and
 * the code point in *cp, or 0 when invalid. */
/* The same for text known to be valid UTF-8. */
static size_t S_utf8_known(const unsigned char *p, uint32_t *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] < 0xE0) {
		*cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		return 2;
	}
	if (p[0] < 0xF0) {
		*cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		return 3;
	}
	*cp = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
	      ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
	return 4;
}

static size_t S_utf8(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t bad;
	size_t len = p[0] < 0x80 ? 1 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
	if (len > n || !text_utf8_valid((const char *)p, len, &bad))
		return 0;
	uint32_t c;
	if (len == 1)
		c = p[0];
	else if (len == 2)
		c = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	else if (len == 3)
		c = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
	else
		c = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
		    ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
	*cp = c;
	return len;
}

char *lo_clean(const char *s)
{
	Buf b;
	buf_init(&b);
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);
	size_t i = 0, bad;
	/* valid as a whole (the usual case): no need to check each character */
	int valid = text_utf8_valid((const char *)p, n, &bad);
	while (i < n) {
		uint32_t c;
		size_t len = valid ? S_utf8_known(p + i, &c) : S_utf8(p + i, n - i, &c);
		if (!len) {
			buf_putc(&b, '?');
			i++;
			continue;
		}
		if (c == '\t' || c == '\n' || c == '\r')
			buf_putc(&b, ' ');
		else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
			; /* control characters map to nothing in libharu anyway */
		else if (c > 0xFFFF)
			buf_putc(&b, '?'); /* libharu prints these as spaces */
		else
			buf_add(&b, p + i, len);
		i += len;
	}
	char *nfc = text_nfc(b.ptr);
	buf_release(&b);
	return nfc;
}

float lo_leading(float size)
{
	return roundf(size * 120.0f) / 100.0f;
}

/* libharu's width of a text is the sum of its characters' widths, each
 * found by a linear search of the font's cmap (a third of a scorecard
 * file's time): each character's is asked once and kept.  The same sum,
 * so the same layout; the first measure marks the glyph as libharu's
 * does.  s is clean text (lo_clean): valid UTF-8 within the BMP. */
static float S_width(const LoDoc *d, FontStyle st, float size, const char *s, size_t n)
{
	if (!n)
		return 0;
	uint16_t *wc = d->wcache[st];
	const unsigned char *p = (const unsigned char *)s;
	HPDF_UINT sum = 0;
	for (size_t i = 0; wc && i < n;) {
		uint32_t c;
		size_t len = S_utf8_known(p + i, &c);
		if (len > n - i || c > 0xFFFF) {
			wc = NULL;
			break;
		}
		if (wc[c] == 0xFFFF) {
			HPDF_TextWidth one = HPDF_Font_TextWidth(d->font[st], p + i, (HPDF_UINT)len);
			if (one.width >= 0xFFFF) {
				wc = NULL;
				break;
			}
			wc[c] = (uint16_t)one.width;
		}
		sum += wc[c];
		i += len;
	}
	if (!wc)
		sum = HPDF_Font_TextWidth(d->font[st], p, (HPDF_UINT)n).width;
	float w = (float)sum * size / 1000.0f;
	return isfinite(w) ? w : 0;
}

float lo_width(const LoDoc *d, FontStyle st, float size, const char *s)
{
	char *c = lo_clean(s);
	float w = S_width(d, st, size, c, strlen(c));
	free(c);
	return w;
}

void lo_lines_init(LoLines *l)
{
	memset(l, 0, sizeof *l);
}

void lo_lines_release(LoLines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->line[i]);
	free(l->line);
	free(l->width);
	lo_lines_init(l);
}

static void S_emit(LoLines *out, const char *s, size_t n, float w)
{
	size_t cap = out->cap;
	out->line = xgrow(out->line, &cap, out->n + 1, sizeof *out->line);
	out->width = xgrow(out->width, &out->cap, out->n + 1, sizeof *out->width);
	out->line[out->n] = xstrndup(s, n);
	out->width[out->n] = w;
	out->n++;
}

static size_t S_cp_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static int S_numch(char c)
{
	return (c >= '0' && c <= '9') || c == '.' || c == ',';
}

/* Whether a cut before s[cut] in the word s[ws..we) falls inside a number
 * such as "596.419" or "45,5": a figure split across lines is misread. */
static int S_in_number(const char *s, size_t ws, size_t cut, size_t we)
{
	if (cut <= ws || cut >= we || !S_numch(s[cut - 1]) || !S_numch(s[cut]))
		return 0;
	/* "1.234" is a number; "a." then "5" is not */
	return (s[cut - 1] >= '0' && s[cut - 1] <= '9') || (s[cut] >= '0' && s[cut] <= '9');
}

/* Characters after which an over-long word reads well cut. */
static int S_breaks_after(char c)
{
	return c && strchr("/-)];:,.&?=_", c) != NULL;
}

/* Wraps one paragraph (clean text, no '\n'). */
static void S_wrap_para(const LoDoc *d, FontStyle st, float size, const char *s,
                        float width, LoLines *out)
{
	size_t n = strlen(s);
	size_t ls = 0, le = 0; /* the current line: s[ls..le) */
	int have = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		size_t ws = i;
		while (i < n && s[i] != ' ')
			i++;
		size_t we = i;
		if (have && S_width(d, st, size, s + ls, we - ls) <= width) {
			le = we;
			continue;
		}
		if (have)
			S_emit(out, s + ls, le - ls, S_width(d, st, size, s + ls, le - ls));
		ls = ws;
		le = we;
		have = 1;
		/* a word wider than the line is cut by code points, at the last
		 * punctuation that fits when there is one, and never inside a
		 * number ("(323.046/596.419)" breaks after the '/') */
		while (S_width(d, st, size, s + ls, le - ls) > width) {
			size_t cut = ls + S_cp_len(s + ls);
			size_t punct = 0, outside = 0;
			for (;;) {
				size_t next = cut + S_cp_len(s + cut);
				if (next > le || S_width(d, st, size, s + ls, next - ls) > width)
					break;
				cut = next;
				if (!S_in_number(s, ls, cut, le)) {
					outside = cut;
					if (S_breaks_after(s[cut - 1]))
						punct = cut;
				}
			}
			if (punct)
				cut = punct;
			else if (outside)
				cut = outside;
			if (cut >= le)
				break;
			S_emit(out, s + ls, cut - ls, S_width(d, st, size, s + ls, cut - ls));
			ls = cut;
		}
	}
	if (have)
		S_emit(out, s + ls, le - ls, S_width(d, st, size, s + ls, le - ls));
}

size_t lo_wrap(const LoDoc *d, FontStyle st, float size, const char *s,
               float width, LoLines *out)
{
	size_t before = out->n;
	const char *p = s ? s : "";
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *raw = xstrndup(p, len);
		char *c = lo_clean(raw);
		free(raw);
		size_t had = out->n;
		S_wrap_para(d, st, size, c, width, out);
		/* an empty paragraph between two breaks is an empty line */
		if (out->n == had && nl)
			S_emit(out, "", 0, 0);
		free(c);
		if (!nl)
			break;
		p = nl + 1;
	}
	return out->n - before;
}

/* Draws clean text. */
static void S_text_raw(LoDoc *d, FontStyle st, float size, float x, float y, const char *s)
{
	if (!*s || !d->page)
		return;
	HPDF_Page_BeginText(d->page);
	HPDF_Page_SetFontAndSize(d->page, d->font[st], size);
	HPDF_Page_TextOut(d->page, S_c(x), S_c(y), s);
	HPDF_Page_EndText(d->page);
}

static float S_align_x(float x, float width, float w, LoAlign al)
{
	if (al == LO_CENTER)
		return x + (width - w) / 2;
	if (al == LO_RIGHT)
		return x + width - w;
	return x;
}

void lo_text(LoDoc *d, FontStyle st, float size, float x, float y,
             float width, LoAlign al, const char *s)
{
	char *c = lo_clean(s);
	float w = S_width(d, st, size, c, strlen(c));
	S_text_raw(d, st, size, S_align_x(x, width, w, al), y, c);
	free(c);
}

/* The baseline of a line whose line box starts at top: the ink box
 * (ascent to descent) centred in the leading. */
static float S_baseline(const LoDoc *d, FontStyle st, float size, float top)
{
	float asc = (float)HPDF_Font_GetAscent(d->font[st]) * size / 1000.0f;
	float desc = (float)HPDF_Font_GetDescent(d->font[st]) * size / 1000.0f;
	float gap = (lo_leading(size) - (asc - desc)) / 2;
	return top - gap - asc;
}

float lo_text_height(const LoDoc *d, FontStyle st, float size, float width,
                     const char *s)
{
	LoLines l;
	lo_lines_init(&l);
	size_t n = lo_wrap(d, st, size, s, width, &l);
	lo_lines_release(&l);
	return (float)n * lo_leading(size);
}

float lo_text_box(LoDoc *d, FontStyle st, float size, float x, float top,
                  float width, LoAlign al, const char *s)
{
	LoLines l;
	lo_lines_init(&l);
	lo_wrap(d, st, size, s, width, &l);
	float L = lo_leading(size);
	for (size_t i = 0; i < l.n; i++) {
		S_text_raw(d, st, size, S_align_x(x, width, l.width[i], al),
		           S_baseline(d, st, size, top), l.line[i]);
		top -= L;
	}
	lo_lines_release(&l);
	return top;
}

/* One line set flush on both sides: each word is drawn with its space
 * (so the text layer keeps real spaces) and the slack is shared out
 * between the words.  PDF word spacing does not apply to a CID font's
 * two-byte codes, hence word by word. */
static void S_justify(LoDoc *d, FontStyle st, float size, float x, float base,
                      float width, const char *s)
{
	size_t n_gap = 0;
	for (const char *p = s; *p; p++)
		n_gap += *p == ' ';
	float w = S_width(d, st, size, s, strlen(s));
	if (!n_gap || w >= width || w < width * 0.6f) {
		S_text_raw(d, st, size, x, base, s);
		return;
	}
	float extra = (width - w) / (float)n_gap;
	const char *p = s;
	float cx = x;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) + 1 : strlen(p);
		char *word = xstrndup(p, len);
		S_text_raw(d, st, size, cx, base, word);
		cx += S_width(d, st, size, word, len) + (sp ? extra : 0);
		free(word);
		p += len;
	}
}

void lo_paragraph(LoDoc *d, FontStyle st, float size, float x, float width,
                  LoAlign al, float first_indent, float space_after,
                  const char *s)
{
	LoLines l;
	lo_lines_init(&l);
	float L = lo_leading(size);
	if (first_indent > 0 && first_indent < width) {
		/* the first line is wrapped to the indented width, the rest
		 * to the full one */
		LoLines first;
		lo_lines_init(&first);
		lo_wrap(d, st, size, s, width - first_indent, &first);
		if (first.n) {
			S_emit(&l, first.line[0], strlen(first.line[0]), first.width[0]);
			/* the rest: the text after the first line */
			char *c = lo_clean(s);
			const char *rest = c;
			size_t fl = strlen(first.line[0]);
			while (*rest == ' ')
				rest++;
			if (strncmp(rest, first.line[0], fl) == 0)
				rest += fl;
			lo_wrap(d, st, size, rest, width, &l);
			free(c);
		}
		lo_lines_release(&first);
	} else {
		lo_wrap(d, st, size, s, width, &l);
		first_indent = 0;
	}
	for (size_t i = 0; i < l.n; i++) {
		lo_need(d, L);
		float xi = i == 0 ? x + first_indent : x;
		float wi = i == 0 ? width - first_indent : width;
		float base = S_baseline(d, st, size, d->y);
		if (al == LO_JUSTIFY && i + 1 < l.n)
			S_justify(d, st, size, xi, base, wi, l.line[i]);
		else
			S_text_raw(d, st, size, S_align_x(xi, wi, l.width[i], al), base, l.line[i]);
		d->y -= L;
	}
	d->y -= space_after;
	lo_lines_release(&l);
}

/* ---- rich paragraphs ---- */

/* A fragment of a word in one style: clean text [s, s + n). */
typedef struct {
	FontStyle st;
	const char *s;
	size_t n;
	int gap;   /* a space before it (it starts a word) */
	float w;
} S_Frag;

typedef struct {
	S_Frag *v;
	size_t n, cap;
} S_Frags;

static void S_frag(S_Frags *f, FontStyle st, const char *s, size_t n, int gap, float w)
{
	f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
	f->v[f->n++] = (S_Frag){st, s, n, gap, w};
}

/* The line of f that starts at fragment i: whole words while they fit in
 * wi (at least one word).  Returns the fragment after it; *w is its width
 * and *n_gap the gaps between its words.  Drawing and measuring break
 * lines by this one rule, so a measured paragraph is the drawn one. */
static size_t S_line_end(const S_Frags *f, size_t i, float wi, float sp, float *w, size_t *n_gap)
{
	size_t end = i;
	*w = 0;
	*n_gap = 0;
	while (end < f->n) {
		size_t we = end + 1;
		float ww = f->v[end].w;
		while (we < f->n && !f->v[we].gap)
			ww += f->v[we++].w;
		float add = (end > i ? sp : 0) + ww;
		if (end > i && *w + add > wi)
			break;
		*w += add;
		*n_gap += end > i;
		end = we;
	}
	return end;
}

/* Cuts the fragments of runs into words' pieces; a word wider than width
 * is cut by code points. */
static void S_frags(const LoDoc *d, float size, char **clean, const LoRun *runs, size_t n_run,
                    float width, S_Frags *f)
{
	int gap = 0;
	for (size_t r = 0; r < n_run; r++) {
		const char *s = clean[r];
		FontStyle st = runs[r].style;
		size_t i = 0, n = strlen(s);
		while (i < n) {
			if (s[i] == ' ') {
				gap = 1;
				i++;
				continue;
			}
			size_t ws = i;
			while (i < n && s[i] != ' ')
				i++;
			/* an over-long piece: as many code points as fit, never
			 * fewer than one */
			while (ws < i) {
				size_t end = i;
				if (S_width(d, st, size, s + ws, i - ws) > width) {
					end = ws + S_cp_len(s + ws);
					for (;;) {
						size_t next = end + S_cp_len(s + end);
						if (next > i || S_width(d, st, size, s + ws, next - ws) > width)
							break;
						end = next;
					}
				}
				S_frag(f, st, s + ws, end - ws, gap, S_width(d, st, size, s + ws, end - ws));
				gap = end < i; /* a cut piece starts a line of its own */
				ws = end;
			}
			gap = 0;
		}
	}
}

/* The runs cleaned (into *clean, n_run + 1 of them) and cut into
 * fragments for a width whose first line is indented *first_indent (0
 * when it does not fit); S_rich_free frees both. */
static void S_rich_frags(const LoDoc *d, const LoRun *runs, size_t n_run, float size, float width,
                         float *first_indent, char ***clean, S_Frags *f)
{
	*clean = xcalloc(n_run + 1, sizeof **clean);
	for (size_t r = 0; r < n_run; r++)
		(*clean)[r] = lo_clean(runs[r].text ? runs[r].text : "");
	*f = (S_Frags){0};
	if (!(*first_indent > 0 && *first_indent < width))
		*first_indent = 0;
	S_frags(d, size, *clean, runs, n_run, width - *first_indent, f);
}

static void S_rich_free(char **clean, size_t n_run, S_Frags *f)
{
	free(f->v);
	for (size_t r = 0; r < n_run; r++)
		free(clean[r]);
	free(clean);
}

void lo_rich(LoDoc *d, const LoRun *runs, size_t n_run, float size, float x, float width,
             LoAlign al, float first_indent, float space_after)
{
	char **clean;
	S_Frags f;
	S_rich_frags(d, runs, n_run, size, width, &first_indent, &clean, &f);
	float L = lo_leading(size);
	float sp = S_width(d, FONT_REGULAR, size, " ", 1);
	size_t i = 0;
	int first = 1;
	while (i < f.n) {
		float xi = first ? x + first_indent : x;
		float wi = first ? width - first_indent : width;
		float w;
		size_t n_gap;
		size_t end = S_line_end(&f, i, wi, sp, &w, &n_gap);
		int last = end >= f.n;
		float extra = 0, cx = xi;
		if (al == LO_JUSTIFY && !last && n_gap && w < wi && w >= wi * 0.6f)
			extra = (wi - w) / (float)n_gap;
		else if (al == LO_CENTER)
			cx = xi + (wi - w) / 2;
		else if (al == LO_RIGHT)
			cx = xi + wi - w;
		lo_need(d, L);
		float base = S_baseline(d, FONT_REGULAR, size, d->y);
		for (size_t k = i; k < end; k++) {
			const S_Frag *g = &f.v[k];
			if (k > i && g->gap)
				cx += sp + extra;
			/* a fragment before a gap carries its space, so the text
			 * layer keeps the words apart */
			int sp_after = k + 1 < end && f.v[k + 1].gap;
			char *piece = xstrndup(g->s, g->n + (size_t)sp_after);
			if (sp_after)
				piece[g->n] = ' ';
			S_text_raw(d, g->st, size, cx, base, piece);
			free(piece);
			cx += g->w;
		}
		d->y -= L;
		i = end;
		first = 0;
	}
	d->y -= space_after;
	S_rich_free(clean, n_run, &f);
}

float lo_rich_height(const LoDoc *d, const LoRun *runs, size_t n_run, float size, float width,
                     float first_indent)
{
	char **clean;
	S_Frags f;
	S_rich_frags(d, runs, n_run, size, width, &first_indent, &clean, &f);
	float sp = S_width(d, FONT_REGULAR, size, " ", 1);
	size_t i = 0, lines = 0;
	while (i < f.n) {
		float wi = lines ? width : width - first_indent, w;
		size_t n_gap;
		size_t end = S_line_end(&f, i, wi, sp, &w, &n_gap);
		i = end;
		lines++;
	}
	S_rich_free(clean, n_run, &f);
	return (float)lines * lo_leading(size);
}

void lo_rule(LoDoc *d, float x1, float x2, float y, float lw)
{
	if (!d->page)
		return;
	HPDF_Page_SetLineWidth(d->page, lw);
	HPDF_Page_MoveTo(d->page, S_c(x1), S_c(y));
	HPDF_Page_LineTo(d->page, S_c(x2), S_c(y));
	HPDF_Page_Stroke(d->page);
}

static uint32_t S_be32(const unsigned char *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* 1 when the file is a whole PNG: the signature, IHDR first, every
 * chunk's CRC right, IEND last.  libpng, under libharu 2.3.0, aborts the
 * process on a broken file (no setjmp of its own), so nothing else may
 * reach it. */
static int S_png_ok(const char *path, Buf *b)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
	int rd_err = buf_read_file(b, path);
	const unsigned char *p = (const unsigned char *)b->ptr;
	size_t n = b->len, i = 8;
	int ok = !rd_err && n > 8 + 25 && memcmp(p, sig, 8) == 0 && memcmp(p + 12, "IHDR", 4) == 0;
	int end = 0;
	while (ok && !end) {
		if (n - i < 12) {
			ok = 0;
			break;
		}
		uint32_t len = S_be32(p + i);
		if (len > n - i - 12) {
			ok = 0;
			break;
		}
		if ((uint32_t)crc32(crc32(0L, Z_NULL, 0), p + i + 4, (uInt)len + 4) != S_be32(p + i + 8 + len))
			ok = 0;
		end = memcmp(p + i + 4, "IEND", 4) == 0;
		i += (size_t)len + 12;
	}
	return ok && end;
}

static HPDF_STATUS S_write_flate(HPDF_Dict obj, HPDF_Stream stream)
{
	(void)obj;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* The PNG's own compressed rows as the image stream: PDF's FlateDecode
 * with the PNG predictors reads them as they are.  libharu would instead
 * inflate every row and deflate it again when saving, most of the time
 * of a scorecard file.  Only what maps one to one: no interlacing, no
 * alpha or tRNS (a PDF needs a separate mask), at most 8 bits a sample.
 * NULL for anything else, and libharu's loader takes it (a valid PNG:
 * S_png_ok). */
static HPDF_Image S_png_direct(LoDoc *d, const unsigned char *p, size_t n)
{
	uint32_t w = S_be32(p + 16), h = S_be32(p + 20);
	int depth = p[24], type = p[25], interlace = p[28];
	int colors = type == 2 ? 3 : 1;
	if (interlace || w == 0 || h == 0 || w > 0x7fffffff || h > 0x7fffffff ||
	    !(type == 0 || type == 2 || type == 3) || depth > 8 || (type == 2 && depth != 8))
		return NULL;
	const unsigned char *plte = NULL;
	size_t n_plte = 0;
	Buf idat;
	buf_init(&idat);
	for (size_t i = 8; i + 12 <= n;) {
		uint32_t len = S_be32(p + i);
		const unsigned char *tag = p + i + 4, *data = p + i + 8;
		if (memcmp(tag, "IDAT", 4) == 0)
			buf_add(&idat, data, len);
		else if (memcmp(tag, "PLTE", 4) == 0) {
			plte = data;
			n_plte = len;
		} else if (memcmp(tag, "tRNS", 4) == 0)
			n_plte = (size_t)-1;
		i += (size_t)len + 12;
	}
	HPDF_Image img = NULL;
	if (idat.len == 0 || n_plte == (size_t)-1 ||
	    (type == 3 && (!plte || n_plte == 0 || n_plte % 3 || n_plte / 3 > (1u << depth))))
		goto out;
	HPDF_Doc pdf = d->pdf;
	img = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (!img)
		goto out;
	img->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
	HPDF_Dict_AddName(img, "Type", "XObject");
	HPDF_Dict_AddName(img, "Subtype", "Image");
	HPDF_Dict_AddNumber(img, "Width", (HPDF_INT32)w);
	HPDF_Dict_AddNumber(img, "Height", (HPDF_INT32)h);
	HPDF_Dict_AddNumber(img, "BitsPerComponent", depth);
	if (type == 3) {
		HPDF_Array cs = HPDF_Array_New(pdf->mmgr);
		HPDF_Dict_Add(img, "ColorSpace", cs);
		HPDF_Array_AddName(cs, "Indexed");
		HPDF_Array_AddName(cs, "DeviceRGB");
		HPDF_Array_AddNumber(cs, (HPDF_INT32)(n_plte / 3 - 1));
		HPDF_Array_Add(cs, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)plte, (HPDF_UINT)n_plte));
	} else
		HPDF_Dict_AddName(img, "ColorSpace", type == 2 ? "DeviceRGB" : "DeviceGray");
	HPDF_Dict parms = HPDF_Dict_New(pdf->mmgr);
	HPDF_Dict_Add(img, "DecodeParms", parms);
	HPDF_Dict_AddNumber(parms, "Predictor", 15);
	HPDF_Dict_AddNumber(parms, "Colors", colors);
	HPDF_Dict_AddNumber(parms, "BitsPerComponent", depth);
	HPDF_Dict_AddNumber(parms, "Columns", (HPDF_INT32)w);
	/* No filter for libharu (it copies the bytes); the write hook names
	 * the one the bytes already have. */
	img->filter = HPDF_STREAM_FILTER_NONE;
	img->write_fn = S_write_flate;
	HPDF_Stream_Write(img->stream, (const HPDF_BYTE *)idat.ptr, (HPDF_UINT)idat.len);
out:
	buf_release(&idat);
	return img;
}

float lo_png(LoDoc *d, const char *path, float x, float top, float w, float max_h)
{
	if (!d->page)
		return -1;
	Buf b;
	buf_init(&b);
	if (!S_png_ok(path, &b)) {
		buf_release(&b);
		return -1;
	}
	HPDF_STATUS had = d->err;
	const unsigned char *bytes = (const unsigned char *)b.ptr;
	HPDF_Image img = S_png_direct(d, bytes, b.len);
	if (!img && d->err == had)
		img = HPDF_LoadPngImageFromMem(d->pdf, bytes, (HPDF_UINT)b.len);
	buf_release(&b);
	if (!img || d->err != had) {
		/* an unreadable chart is left out, not a failed report */
		d->err = had;
		HPDF_ResetError(d->pdf);
		return -1;
	}
	float iw = (float)HPDF_Image_GetWidth(img);
	float ih = (float)HPDF_Image_GetHeight(img);
	if (!(iw > 0) || !(ih > 0))
		return -1;
	float h = w * ih / iw;
	if (h > max_h) {
		w = w * max_h / h;
		h = max_h;
	}
	HPDF_Page_DrawImage(d->page, img, S_c(x), S_c(top - h), S_c(w), S_c(h));
	return h;
}

/* ---- tables ---- */

void lo_table_init(LoTable *t, size_t n_col, const float *width)
{
	memset(t, 0, sizeof *t);
	t->n_col = n_col;
	t->width = xmalloc(n_col * sizeof *t->width);
	memcpy(t->width, width, n_col * sizeof *t->width);
	t->size = 11;
	t->pad = 3;
	t->line_w = 0.5f;
	t->valign_middle = 1;
}

void lo_table_release(LoTable *t)
{
	free(t->width);
	free(t->cell);
	free(t->row_page);
	memset(t, 0, sizeof *t);
}

size_t lo_table_row(LoTable *t)
{
	t->cell = xgrow(t->cell, &t->cap_row, t->n_row + 1, t->n_col * sizeof *t->cell);
	LoCell *c = &t->cell[t->n_row * t->n_col];
	for (size_t i = 0; i < t->n_col; i++) {
		memset(&c[i], 0, sizeof c[i]);
		c[i].text = "";
		c[i].colspan = c[i].rowspan = 1;
	}
	/* slots already covered by a rowspan from above stay covered */
	for (size_t r = 0; r < t->n_row; r++)
		for (size_t col = 0; col < t->n_col; col++) {
			LoCell *o = lo_table_at(t, r, col);
			if (!o->covered && r + (size_t)o->rowspan > t->n_row)
				for (size_t k = col; k < col + (size_t)o->colspan && k < t->n_col; k++) {
					c[k].text = NULL;
					c[k].covered = 1;
					c[k].colspan = c[k].rowspan = 0;
				}
		}
	return t->n_row++;
}

LoCell *lo_table_set(LoTable *t, size_t row, size_t col, const char *text,
                     int colspan, int rowspan)
{
	if (colspan < 1)
		colspan = 1;
	if (rowspan < 1)
		rowspan = 1;
	if (col + (size_t)colspan > t->n_col)
		colspan = (int)(t->n_col - col);
	LoCell *c = lo_table_at(t, row, col);
	c->text = text ? text : "";
	c->covered = 0;
	c->colspan = colspan;
	c->rowspan = rowspan;
	for (size_t r = row; r < row + (size_t)rowspan && r < t->n_row; r++)
		for (size_t k = col; k < col + (size_t)colspan; k++) {
			if (r == row && k == col)
				continue;
			LoCell *o = lo_table_at(t, r, k);
			o->text = NULL;
			o->covered = 1;
			o->colspan = o->rowspan = 0;
		}
	return c;
}

void lo_boxes_release(LoBoxes *b)
{
	free(b->v);
	memset(b, 0, sizeof *b);
}

typedef struct {
	LoDoc *d;
	LoTable *t;
	float *h;      /* [n_row] row heights */
	float *x;      /* [n_col + 1] column edges */
	/* per slot: the row and column of the cell that draws it, and for
	 * a cell's own slot the last row it spans */
	size_t *orow, *ocol, *end;
	LoBoxes *boxes;
} S_Tab;

static float S_cell_size(const LoTable *t, const LoCell *c)
{
	return c->size > 0 ? c->size : t->size;
}

static float S_cell_w(const S_Tab *s, size_t col, int colspan)
{
	return s->x[col + (size_t)colspan] - s->x[col];
}

/* The height a cell's text needs, padding included. */
static float S_need(const S_Tab *s, const LoCell *c, size_t col, const char *prefix)
{
	const LoTable *t = s->t;
	float size = S_cell_size(t, c);
	float w = S_cell_w(s, col, c->colspan) - 2 * t->pad;
	float th;
	if (prefix) {
		char *tx = xasprintf("%s%s", prefix, c->text);
		th = lo_text_height(s->d, c->style, size, w, tx);
		free(tx);
	} else
		th = lo_text_height(s->d, c->style, size, w, c->text);
	return th + 2 * t->pad;
}

static void S_draw_cell(S_Tab *s, const LoCell *c, size_t row, size_t col,
                        float top, float h, int head, int repeat)
{
	LoDoc *d = s->d;
	LoTable *t = s->t;
	float x = s->x[col], w = S_cell_w(s, col, c->colspan);
	if (t->line_w > 0) {
		HPDF_Page_SetLineWidth(d->page, t->line_w);
		HPDF_Page_Rectangle(d->page, S_c(x), S_c(top - h), S_c(w), S_c(h));
		HPDF_Page_Stroke(d->page);
	}

	float size = S_cell_size(t, c);
	float L = lo_leading(size);
	LoLines l;
	lo_lines_init(&l);
	if (repeat && t->cont_prefix && c->align != LO_CENTER) {
		char *tx = xasprintf("%s%s", t->cont_prefix, c->text);
		lo_wrap(d, c->style, size, tx, w - 2 * t->pad, &l);
		free(tx);
	} else
		lo_wrap(d, c->style, size, c->text, w - 2 * t->pad, &l);
	/* Text never leaves its box: a cell taller than what a page can give
	 * it (a basis of thousands of characters merged over a few rows)
	 * shows the lines that fit, the last one ending with "…". */
	size_t fit = h - 2 * t->pad + 0.5f >= L ? (size_t)((h - 2 * t->pad + 0.5f) / L) : 1;
	if (l.n > fit) {
		for (size_t i = fit; i < l.n; i++)
			free(l.line[i]);
		l.n = fit;
		Buf lb;
		buf_init(&lb);
		buf_puts(&lb, l.line[fit - 1]);
		buf_puts(&lb, "…");
		while (lb.len > 3 && S_width(d, c->style, size, lb.ptr, lb.len) > w - 2 * t->pad) {
			/* drop the code point before the "…" */
			size_t cut = lb.len - 3;
			do
				cut--;
			while (cut > 0 && ((unsigned char)lb.ptr[cut] & 0xC0) == 0x80);
			memmove(lb.ptr + cut, lb.ptr + lb.len - 3, 4);
			lb.len = cut + 3;
		}
		free(l.line[fit - 1]);
		l.line[fit - 1] = buf_detach(&lb, NULL);
		l.width[fit - 1] = S_width(d, c->style, size, l.line[fit - 1], strlen(l.line[fit - 1]));
	}
	float block = (float)l.n * L;
	float ttop = top - t->pad;
	if (t->valign_middle && h - 2 * t->pad > block)
		ttop -= (h - 2 * t->pad - block) / 2;
	LoBox b = {0};
	b.page = d->n_pages - 1;
	b.row = row < t->n_head ? row : row + t->row_off;
	b.col = col;
	b.head = head;
	b.repeat = repeat;
	b.x = x;
	b.y = top - h;
	b.w = w;
	b.h = h;
	float asc = (float)HPDF_Font_GetAscent(d->font[c->style]) * size / 1000.0f;
	float desc = (float)HPDF_Font_GetDescent(d->font[c->style]) * size / 1000.0f;
	float minx = 0, maxx = 0, maxy = 0, miny = 0;
	for (size_t i = 0; i < l.n; i++) {
		float lx = S_align_x(x + t->pad, w - 2 * t->pad, l.width[i], c->align);
		float base = S_baseline(d, c->style, size, ttop - (float)i * L);
		S_text_raw(d, c->style, size, lx, base, l.line[i]);
		if (i == 0 || lx < minx)
			minx = lx;
		if (i == 0 || lx + l.width[i] > maxx)
			maxx = lx + l.width[i];
		if (i == 0)
			maxy = base + asc;
		miny = base + desc;
	}
	if (l.n) {
		b.tx = minx;
		b.ty = miny;
		b.tw = maxx - minx;
		b.th = maxy - miny;
	}
	lo_lines_release(&l);
	if (s->boxes) {
		size_t cap = s->boxes->cap;
		s->boxes->v = xgrow(s->boxes->v, &cap, s->boxes->n + 1, sizeof *s->boxes->v);
		s->boxes->cap = cap;
		s->boxes->v[s->boxes->n++] = b;
	}
}

/* Draws rows [from, to) with the top of row `from` at top; a rowspan
 * cell is cut to the rows drawn, and one that started above `from` is
 * drawn again (a repeat, its text continued). */
static void S_draw_rows(S_Tab *s, size_t from, size_t to, float top, int head)
{
	LoTable *t = s->t;
	size_t nc = t->n_col;
	float *row_top = xmalloc((to - from + 1) * sizeof *row_top);
	row_top[0] = top;
	for (size_t r = from; r < to; r++)
		row_top[r - from + 1] = row_top[r - from] - s->h[r];
	for (size_t r = from; r < to; r++)
		for (size_t col = 0; col < nc; col++) {
			size_t o = s->orow[r * nc + col], oc = s->ocol[r * nc + col];
			if (oc != col)
				continue; /* covered from the left */
			if (o != r && !(o < from && r == from))
				continue; /* covered from above, drawn already */
			const LoCell *c = lo_table_at(t, o, col);
			size_t end = s->end[o * nc + col];
			if (end >= to)
				end = to - 1;
			float h = row_top[r - from] - row_top[end - from + 1];
			S_draw_cell(s, c, o, col, row_top[r - from], h, head, o != r);
		}
	free(row_top);
}

/* The last row of the group of rows starting at r that rowspans bind
 * together (spans from above r included). */
static size_t S_group_end(const S_Tab *s, size_t r)
{
	const LoTable *t = s->t;
	size_t nc = t->n_col, end = r;
	for (size_t i = r; i <= end && i < t->n_row; i++)
		for (size_t col = 0; col < nc; col++) {
			size_t o = s->orow[i * nc + col], oc = s->ocol[i * nc + col];
			size_t e = s->end[o * nc + oc];
			if (e > end)
				end = e;
		}
	return end < t->n_row ? end : t->n_row - 1;
}

/* The prefix before the text of cell (o, col) on a segment of its rows
 * that begins at row seg (a repeat when seg > o): S_draw_cell's. */
static const char *S_prefix(const LoTable *t, size_t o, size_t col, size_t seg)
{
	if (seg <= o || !t->cont_prefix || lo_table_at((LoTable *)t, o, col)->align == LO_CENTER)
		return NULL;
	return t->cont_prefix;
}

/* Row r stays on the page of the row after it. */
static int S_keep(const LoTable *t, size_t r)
{
	return r + 1 < t->n_row && t->cell[r * t->n_col].keep_next;
}

/* The last row of the group starting at r, heading rows (S_keep) taken
 * with the group under them. */
static size_t S_block_end(const S_Tab *s, size_t r)
{
	size_t ge = S_group_end(s, r);
	while (S_keep(s->t, ge))
		ge = S_group_end(s, ge + 1);
	return ge;
}

/* The height that must fit under the table's header where a group starts
 * at r: its heading rows and its first row, or its first split_min rows
 * when groups may split (the whole group when shorter). */
static float S_lead_h(const S_Tab *s, size_t r)
{
	size_t ge = S_block_end(s, r), k = r;
	while (k < ge && S_keep(s->t, k))
		k++;
	size_t last = k + (s->t->split_min > 1 ? (size_t)s->t->split_min - 1 : 0);
	if (last > ge)
		last = ge;
	float h = 0;
	for (size_t i = r; i <= last; i++)
		h += s->h[i];
	return h;
}

/* Where a group [r, ge] that does not fit the room left on the page
 * (room, points) breaks when groups may split: the first row of the next
 * page, as low as it fits with split_min rows on either side (heading
 * rows not counted) and the cut spans' text held by the segment's last
 * row (S_grow); r when there is no such row. */
static size_t S_split_at(const S_Tab *s, size_t r, size_t ge, size_t start, float room)
{
	const LoTable *t = s->t;
	size_t nc = t->n_col, m = t->split_min > 0 ? (size_t)t->split_min : 0;
	if (!m)
		return r;
	size_t hk = 0;
	while (r + hk < ge && S_keep(t, r + hk))
		hk++;
	if (ge + 1 < r + hk + 2 * m)
		return r;
	for (size_t p = ge + 1 - m; p >= r + hk + m; p--) {
		float sum = 0;
		for (size_t k = r; k < p; k++)
			sum += s->h[k];
		/* the spans that the break cuts: their segment holds their text */
		float grown = 0;
		for (size_t col = 0; col < nc; col++) {
			size_t o = s->orow[(p - 1) * nc + col], oc = s->ocol[(p - 1) * nc + col];
			if (oc != col || s->end[o * nc + col] <= p - 1)
				continue;
			size_t seg = o > start ? o : start;
			float seg_h = 0;
			for (size_t k = seg; k < p; k++)
				seg_h += s->h[k];
			float need = S_need(s, lo_table_at((LoTable *)t, o, col), col,
			                    S_prefix(t, o, col, seg));
			if (need - seg_h > grown)
				grown = need - seg_h;
		}
		if (sum + grown <= room)
			return p;
	}
	return r;
}

/* Grows row r so that the cells whose segment on this page (it began at
 * row start) ends with r hold their text; cut says the segment ends
 * because of a page break rather than the span's end. */
static float S_grow(S_Tab *s, size_t r, size_t start, int cut)
{
	LoTable *t = s->t;
	size_t nc = t->n_col;
	float grown = 0;
	for (size_t col = 0; col < nc; col++) {
		size_t o = s->orow[r * nc + col], oc = s->ocol[r * nc + col];
		if (oc != col || (o == r && s->end[o * nc + col] == r))
			continue;
		size_t e = s->end[o * nc + col];
		if (cut ? e <= r : e != r)
			continue;
		size_t seg = o > start ? o : start;
		float sum = 0;
		for (size_t k = seg; k <= r; k++)
			sum += s->h[k];
		float need = S_need(s, lo_table_at(t, o, col), col, S_prefix(t, o, col, seg));
		if (need > sum + grown) {
			grown = need - sum;
		}
	}
	s->h[r] += grown;
	return grown;
}

/* Column edges, slot owners and row heights (rowspans grown). */
static void S_tab_init(S_Tab *s, const LoDoc *d, const LoTable *t, LoBoxes *boxes, float x0)
{
	/* measuring only: the document is not drawn on here */
	s->d = (LoDoc *)d;
	s->t = (LoTable *)t;
	s->boxes = boxes;
	size_t nr = t->n_row, nc = t->n_col;
	size_t n_head = t->n_head < nr ? t->n_head : nr;
	s->h = xcalloc(nr, sizeof *s->h);
	s->x = xmalloc((nc + 1) * sizeof *s->x);
	s->orow = xmalloc(nr * nc * sizeof *s->orow);
	s->ocol = xmalloc(nr * nc * sizeof *s->ocol);
	s->end = xmalloc(nr * nc * sizeof *s->end);

	s->x[0] = x0;
	for (size_t c = 0; c < nc; c++)
		s->x[c + 1] = s->x[c] + t->width[c];

	/* owners: a slot no cell claims is its own (an empty cell) */
	for (size_t i = 0; i < nr * nc; i++) {
		s->orow[i] = i / nc;
		s->ocol[i] = i % nc;
		s->end[i] = i / nc;
	}
	for (size_t r = 0; r < nr; r++)
		for (size_t c = 0; c < nc; c++) {
			const LoCell *cell = &t->cell[r * nc + c];
			if (cell->covered)
				continue;
			size_t end = r + (size_t)cell->rowspan - 1;
			/* a header rowspan never reaches into the body */
			if (r < n_head && end >= n_head)
				end = n_head - 1;
			if (end >= nr)
				end = nr - 1;
			s->end[r * nc + c] = end;
			for (size_t k = r; k <= end; k++)
				for (size_t j = c; j < c + (size_t)cell->colspan && j < nc; j++)
					if (k != r || j != c) {
						s->orow[k * nc + j] = r;
						s->ocol[k * nc + j] = c;
					}
		}

	/* row heights from single-row cells, then grown for rowspans */
	for (size_t r = 0; r < nr; r++) {
		s->h[r] = t->min_row_h;
		for (size_t c = 0; c < nc; c++) {
			if (s->orow[r * nc + c] != r || s->ocol[r * nc + c] != c ||
			    s->end[r * nc + c] != r)
				continue;
			float need = S_need(s, &t->cell[r * nc + c], c, NULL);
			if (need > s->h[r])
				s->h[r] = need;
		}
	}
	for (size_t r = 0; r < nr; r++)
		S_grow(s, r, 0, 0);
}

static void S_tab_release(S_Tab *s)
{
	free(s->h);
	free(s->x);
	free(s->orow);
	free(s->ocol);
	free(s->end);
}

float lo_table_height(const LoDoc *d, const LoTable *t)
{
	if (!t->n_row)
		return 0;
	S_Tab s;
	S_tab_init(&s, d, t, NULL, d->x0);
	float h = 0;
	for (size_t r = 0; r < t->n_row; r++)
		h += s.h[r];
	S_tab_release(&s);
	return h;
}

/* lo_table_flow(), also for a batch after the first: then the table's
 * header and earlier rows are drawn above d->y on the current page
 * (rows "above"), and the measures are those of the table's start. */
static void S_flow(LoDoc *d, LoTable *t, LoBoxes *boxes)
{
	if (!t->n_row)
		return;
	if (t->n_head > t->n_row)
		t->n_head = t->n_row;
	int above = t->begun;
	if (above && t->n_row == t->n_head)
		return;
	if (!d->page)
		lo_page_new(d, 0);
	if (!above)
		t->x0 = d->x0;
	S_Tab s;
	S_tab_init(&s, d, t, boxes, t->x0);
	size_t nr = t->n_row;
	free(t->row_page);
	t->row_page = xmalloc(nr * sizeof *t->row_page);
	for (size_t r = 0; r < nr; r++)
		t->row_page[r] = -1;
	float head_h = 0;
	for (size_t r = 0; r < t->n_head; r++)
		head_h += s.h[r];
	if (!above)
		t->fresh = d->y_top - d->y_bottom - head_h;
	float fresh = t->fresh;

	size_t r = t->n_head;
	/* the header and the first row must fit where the table starts (a
	 * first group that does not is split rather than leaving the page
	 * with a heading and no table) */
	if (!above && r < nr && d->y - head_h - S_lead_h(&s, r) < d->y_bottom &&
	    d->y < d->y_top - 0.5f)
		lo_page_new(d, d->landscape);
	for (;;) {
		float y = d->y, top = d->y;
		if (!above) {
			if (t->n_head)
				S_draw_rows(&s, 0, t->n_head, y, 1);
			y -= head_h;
			top = d->y - head_h;
		}
		size_t start = r;
		size_t split_end = 0; /* inside a group too tall for a page */
		int split = 0;
		size_t stop = nr;     /* the row a split group breaks before */
		while (r < nr && r != stop) {
			/* rows of the table on this page already */
			int after = r > start || above;
			if (!split) {
				size_t ge = S_block_end(&s, r);
				/* a group continued from the page before is split
				 * already: its rows go one by one */
				int cont = r == start && r > t->n_head &&
				           S_group_end(&s, r - 1) >= r;
				float gh = 0;
				for (size_t k = r; k <= ge; k++)
					gh += s.h[k];
				if (!cont && y - gh >= d->y_bottom) {
					for (size_t k = r; k <= ge; k++)
						y -= s.h[k];
					r = ge + 1;
					continue;
				}
				size_t p = cont ? r : S_split_at(&s, r, ge, start, y - d->y_bottom);
				if (p > r)
					stop = p; /* split where the page ends */
				else if (!cont && gh <= fresh && after)
					break; /* the group goes whole on the next page */
				split = 1;
				split_end = ge;
			}
			float old = s.h[r];
			S_grow(&s, r, start, 0);
			if (y - s.h[r] < d->y_bottom && after) {
				s.h[r] = old;
				break;
			}
			/* a row first on its page never reaches past the page
			 * (grown for a span, it held the whole span's text and
			 * its own cells, centred, fell off the page): its cells
			 * show what fits (S_draw_cell) */
			if (y - s.h[r] < d->y_bottom && y - d->y_bottom > 0)
				s.h[r] = y - d->y_bottom;
			y -= s.h[r];
			if (r == split_end)
				split = 0;
			r++;
		}
		/* spans cut by this page break: their segment must hold the
		 * text (when the page has room left for it).  A batch begins
		 * after a row that ends every span, so a break before its
		 * first row cuts none. */
		if (r < nr && r > start) {
			float old = s.h[r - 1];
			float g = S_grow(&s, r - 1, start, 1);
			if (y - g >= d->y_bottom)
				y -= g;
			else
				s.h[r - 1] = old;
		}
		if (r > start)
			S_draw_rows(&s, start, r, top, 0);
		for (size_t k = start; k < r; k++)
			t->row_page[k] = d->n_pages - 1;
		d->y = y;
		if (r >= nr)
			break;
		lo_page_new(d, d->landscape);
		above = 0;
	}
	S_tab_release(&s);
}

void lo_table_flow(LoDoc *d, LoTable *t, LoBoxes *boxes)
{
	S_flow(d, t, boxes);
}

/* A body rowspan reaching past the last row, or a last row kept with the
 * next: its group is not whole. */
static int S_span_open(const LoTable *t)
{
	for (size_t r = t->n_head; r < t->n_row; r++)
		for (size_t c = 0; c < t->n_col; c++) {
			const LoCell *o = &t->cell[r * t->n_col + c];
			if (!o->covered && r + (size_t)o->rowspan > t->n_row)
				return 1;
		}
	/* a heading row waits for the rows it keeps with */
	return t->n_row > t->n_head && t->cell[(t->n_row - 1) * t->n_col].keep_next;
}

int lo_table_flow_batch(LoDoc *d, LoTable *t, LoBoxes *boxes)
{
	/* CHITIEU_TABLE_WHOLE=1 keeps every table whole, drawn by the last
	 * lo_table_flow() as before batches: the end-to-end tests compare
	 * the two on real inputs. */
	static int whole = -1;
	if (whole < 0) {
		const char *e = getenv("CHITIEU_TABLE_WHOLE");
		whole = e && *e && strcmp(e, "0") != 0;
	}
	if (whole)
		return 0;
	if (t->n_head > t->n_row)
		t->n_head = t->n_row;
	if (t->n_row == t->n_head || S_span_open(t))
		return 0;
	S_flow(d, t, boxes);
	t->begun = 1;
	t->row_off += t->n_row - t->n_head;
	t->n_row = t->n_head;
	return 1;
}

/* ---- for pages fitted whole ---- */

int lo_png_size(const char *path, float *w, float *h)
{
	Buf b;
	buf_init(&b);
	int ok = S_png_ok(path, &b);
	if (ok) {
		const unsigned char *p = (const unsigned char *)b.ptr;
		*w = (float)S_be32(p + 16);
		*h = (float)S_be32(p + 20);
		ok = *w > 0 && *h > 0;
	}
	buf_release(&b);
	return ok ? 0 : -1;
}

void lo_fill_rect(LoDoc *d, float x, float y, float w, float h, float r, float g, float b)
{
	if (!d->page)
		return;
	HPDF_Page_SetRGBFill(d->page, S_c(r), S_c(g), S_c(b));
	HPDF_Page_Rectangle(d->page, S_c(x), S_c(y), S_c(w), S_c(h));
	HPDF_Page_Fill(d->page);
	HPDF_Page_SetRGBFill(d->page, 0, 0, 0);
}

float lo_word_width(const LoDoc *d, FontStyle st, float size, const char *s)
{
	float best = 0;
	while (*s) {
		size_t n = strcspn(s, " \n");
		if (n) {
			char *w = xstrndup(s, n);
			float x = lo_width(d, st, size, w);
			free(w);
			if (x > best)
				best = x;
		}
		s += n;
		if (*s)
			s++;
	}
	return best;
}
