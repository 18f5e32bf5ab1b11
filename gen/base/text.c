/* SPDX-License-Identifier: MIT */
/* text: Unicode work over ICU.  Every string crossing this API is UTF-8;
 * ICU works in UTF-16, so each call converts in and out.  ASCII text (most
 * codes, slugs and numbers) takes a fast path that never touches ICU. */
#include "text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "buf.h"
#include "xalloc.h"

int text_utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned lo = 0x80, hi = 0xBF; /* range of the second byte */
		if (c >= 0xC2 && c <= 0xDF)
			len = 2;
		else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			if (c == 0xE0)
				lo = 0xA0; /* overlong */
			else if (c == 0xED)
				hi = 0x9F; /* surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F; /* above U+10FFFF */
		} else
			goto fail;
		/* *bad is the start of the broken sequence, as iconv and
		 * Python report it */
		if (i + 1 >= n || p[i + 1] < lo || p[i + 1] > hi)
			goto fail;
		for (size_t k = 2; k < len; k++)
			if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
				goto fail;
		i += len;
	}
	return 1;
fail:
	if (bad)
		*bad = i;
	return 0;
}

static int S_is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* UTF-8 -> UTF-16 in a fresh array; *len gets its length. */
static UChar *S_to_u16(const char *s, int32_t *len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = 0;
	u_strFromUTF8WithSub(NULL, 0, &n, s, -1, 0xFFFD, NULL, &err);
	UChar *u = xmalloc(((size_t)n + 1) * sizeof *u);
	err = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u, n + 1, &n, s, -1, 0xFFFD, NULL, &err);
	*len = n;
	return u;
}

static char *S_to_u8(const UChar *u, int32_t len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = 0;
	u_strToUTF8WithSub(NULL, 0, &n, u, len, 0xFFFD, NULL, &err);
	char *s = xmalloc((size_t)n + 1);
	err = U_ZERO_ERROR;
	u_strToUTF8WithSub(s, n + 1, &n, u, len, 0xFFFD, NULL, &err);
	s[n] = '\0';
	return s;
}

/* Normalises u[0..len) with norm into a fresh array. */
static UChar *S_normalize(const UNormalizer2 *norm, const UChar *u, int32_t len, int32_t *out_len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t cap = len * 3 + 16;
	UChar *r = xmalloc((size_t)cap * sizeof *r);
	int32_t n = unorm2_normalize(norm, u, len, r, cap, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		cap = n + 1;
		r = xrealloc(r, (size_t)cap * sizeof *r);
		err = U_ZERO_ERROR;
		n = unorm2_normalize(norm, u, len, r, cap, &err);
	}
	if (U_FAILURE(err)) { /* only on ICU data trouble: keep the input */
		memcpy(r, u, (size_t)len * sizeof *u);
		n = len;
	}
	*out_len = n;
	return r;
}

char *text_nfc(const char *s)
{
	if (S_is_ascii(s))
		return xstrdup(s);
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	if (U_FAILURE(err))
		return xstrdup(s);
	int32_t len, n;
	UChar *u = S_to_u16(s, &len);
	err = U_ZERO_ERROR;
	if (unorm2_isNormalized(nfc, u, len, &err) && U_SUCCESS(err)) {
		free(u);
		return xstrdup(s);
	}
	UChar *r = S_normalize(nfc, u, len, &n);
	char *out = S_to_u8(r, n);
	free(u);
	free(r);
	return out;
}

char *text_fold_ten(const char *s)
{
	char *nfc = text_nfc(s);
	int32_t len, n = 0;
	UChar *u = S_to_u16(nfc, &len);
	UErrorCode err = U_ZERO_ERROR;
	int32_t cap = len * 2 + 16;
	UChar *low = xmalloc((size_t)cap * sizeof *low);
	n = u_strToLower(low, cap, u, len, "vi", &err);
	if (U_FAILURE(err)) { /* only on ICU data trouble: keep the case */
		memcpy(low, u, (size_t)len * sizeof *u);
		n = len;
	}
	char *lower = S_to_u8(low, n);
	free(u);
	free(low);
	free(nfc);
	/* runs of white space -> one space, none at the ends */
	Buf b;
	buf_init(&b);
	int sep = 0;
	for (const char *p = lower; *p; p++) {
		if (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
			sep = 1;
			continue;
		}
		if (sep && b.len)
			buf_putc(&b, ' ');
		sep = 0;
		buf_putc(&b, *p);
	}
	free(lower);
	return buf_detach(&b, NULL);
}

/* Appends the folded form of one code point (after NFD) to b, tracking
 * whether a separator is pending so runs collapse and ends trim. */
static void S_fold_cp(Buf *b, UChar32 c, int *sep)
{
	if (c == '_' || u_isUWhiteSpace(c) || c == 0xA0) {
		*sep = 1;
		return;
	}
	if (u_charType(c) == U_NON_SPACING_MARK)
		return;
	if (c == 0x0110 || c == 0x0111) /* Đ đ have no decomposition */
		c = 'd';
	c = u_tolower(c);
	if (*sep && b->len)
		buf_putc(b, '_');
	*sep = 0;
	char tmp[U8_MAX_LENGTH];
	int32_t k = 0;
	UBool err = 0;
	U8_APPEND(tmp, k, (int32_t)sizeof tmp, c, err);
	if (!err)
		buf_add(b, tmp, (size_t)k);
}

char *text_fold(const char *s)
{
	Buf b;
	buf_init(&b);
	int sep = 0;
	if (S_is_ascii(s)) { /* headers mostly: no ICU call per letter */
		for (; *s; s++) {
			char ch = *s;
			if (ch == '_' || ch == ' ' || (ch >= '\t' && ch <= '\r')) {
				sep = 1;
				continue;
			}
			if (sep && b.len)
				buf_putc(&b, '_');
			sep = 0;
			buf_putc(&b, ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
		}
		return buf_detach(&b, NULL);
	}
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
	int32_t len, n;
	UChar *u = S_to_u16(s, &len);
	UChar *r;
	if (U_FAILURE(err)) {
		r = u;
		n = len;
		u = NULL;
	} else
		r = S_normalize(nfd, u, len, &n);
	for (int32_t i = 0; i < n;) {
		UChar32 c;
		U16_NEXT(r, i, n, c);
		S_fold_cp(&b, c, &sep);
	}
	free(u);
	free(r);
	return buf_detach(&b, NULL);
}

static pthread_once_t S_coll_once = PTHREAD_ONCE_INIT;
static UCollator *S_coll;

static void S_coll_close(void)
{
	ucol_close(S_coll);
	S_coll = NULL;
}

static void S_coll_open(void)
{
	UErrorCode err = U_ZERO_ERROR;
	S_coll = ucol_open("vi", &err);
	if (U_FAILURE(err)) {
		S_coll = NULL;
		return;
	}
	atexit(S_coll_close);
}

int text_collate(const char *a, const char *b)
{
	pthread_once(&S_coll_once, S_coll_open);
	if (S_coll) {
		UErrorCode err = U_ZERO_ERROR;
		UCollationResult r = ucol_strcollUTF8(S_coll, a, -1, b, -1, &err);
		if (U_SUCCESS(err) && r != UCOL_EQUAL)
			return r == UCOL_LESS ? -1 : 1;
	}
	int c = strcmp(a, b);
	return (c > 0) - (c < 0);
}

size_t text_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Levenshtein distance of two byte strings (short codes). */
static size_t S_distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	size_t *prev = xmalloc((nb + 1) * sizeof *prev), *cur = xmalloc((nb + 1) * sizeof *cur);
	for (size_t j = 0; j <= nb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= na; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t x = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t y = prev[j] + 1, z = cur[j - 1] + 1;
			cur[j] = x < y ? (x < z ? x : z) : (y < z ? y : z);
		}
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t d = prev[nb];
	free(prev);
	free(cur);
	return d;
}

const char *text_nearest(const char *what, size_t n, const char *(*get)(const void *, size_t),
                         const void *arr, size_t max_distance)
{
	size_t best = (size_t)-1;
	const char *pick = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *name = get(arr, i);
		size_t d = S_distance(what, name);
		if (d < best) {
			best = d;
			pick = name;
		}
	}
	return best <= max_distance ? pick : NULL;
}
