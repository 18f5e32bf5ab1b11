/* SPDX-License-Identifier: MIT */
/* buf: a growable byte buffer, always NUL-terminated (git's strbuf).
 *
 * Renderers write into a Buf; only the output stage writes files.
 * A Buf is embedded: buf_init() / buf_release().  buf_detach() hands the
 * bytes to the caller, who frees them, and leaves the Buf empty. */
#ifndef CHITIEU_BUF_H
#define CHITIEU_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct {
	char *ptr;  /* never NULL after buf_init; ptr[len] == '\0' */
	size_t len;
	size_t cap;
} Buf;

void buf_init(Buf *b);
void buf_release(Buf *b);
void buf_reset(Buf *b);
char *buf_detach(Buf *b, size_t *len);
void buf_add(Buf *b, const void *data, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, int c);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
void buf_truncate(Buf *b, size_t len);
/* Appends s as XML or HTML text, quotes included (usable in an
 * attribute): & < > " escaped, control characters but the tab dropped
 * (XML 1.0 allows none of them). */
void buf_puts_xml(Buf *b, const char *s);
/* Appends the whole file at path (git's strbuf_read_file).  0, or -1 with
 * errno set when it cannot be opened or read (what was read stays). */
int buf_read_file(Buf *b, const char *path);

#endif
