/* SPDX-License-Identifier: MIT */
#include "buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static char S_empty[1];

void buf_init(Buf *b)
{
	b->ptr = S_empty;
	b->len = 0;
	b->cap = 0;
}

void buf_release(Buf *b)
{
	if (b->cap)
		free(b->ptr);
	buf_init(b);
}

void buf_reset(Buf *b) { buf_truncate(b, 0); }

void buf_truncate(Buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		if (b->cap)
			b->ptr[len] = '\0';
	}
}

static void S_reserve(Buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	char *old = b->cap ? b->ptr : NULL;
	b->ptr = xgrow(old, &b->cap, need, 1);
	if (!old)
		b->ptr[0] = '\0';
}

char *buf_detach(Buf *b, size_t *len)
{
	char *r;
	if (!b->cap)
		r = xstrdup("");
	else
		r = b->ptr;
	if (len)
		*len = b->len;
	buf_init(b);
	return r;
}

void buf_add(Buf *b, const void *data, size_t n)
{
	if (n == 0)
		return;
	S_reserve(b, n);
	memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void buf_puts(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }

void buf_putc(Buf *b, int c)
{
	char ch = (char)c;
	buf_add(b, &ch, 1);
}

void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	S_reserve(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

int buf_read_file(Buf *b, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(b, chunk, n);
	int bad = ferror(fp);
	fclose(fp);
	if (bad) {
		errno = EIO;
		return -1;
	}
	return 0;
}

void buf_puts_xml(Buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t')
				buf_putc(b, *s);
		}
	}
}
