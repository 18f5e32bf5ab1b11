/* SPDX-License-Identifier: MIT */
/* csvout: one CSV field at a time; see csvout.h. */
#include "csvout.h"

#include <string.h>

void csvout_field(Buf *b, const char *s)
{
	if (!s)
		s = "";
	/* RFC 4180: quote a field holding the delimiter, a quote or a line
	 * break; surrounding spaces are quoted too so no reader trims them. */
	size_t n = strlen(s);
	int q = strpbrk(s, ",\"\r\n") != NULL || (n && (s[0] == ' ' || s[n - 1] == ' '));
	if (!q) {
		buf_add(b, s, n);
		return;
	}
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}
