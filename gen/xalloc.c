#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long fail_countdown;

static void *S_check(void *p)
{
	if (p == NULL) {
		fputs("chitieu: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

static int S_injected(void)
{
	if (fail_countdown > 0 && --fail_countdown == 0)
		return 1;
	return 0;
}

void xalloc_fail_after(long n) { fail_countdown = n; }

void *xmalloc(size_t n)
{
	return S_check(S_injected() ? NULL : malloc(n ? n : 1));
}

void *xcalloc(size_t nmemb, size_t size)
{
	return S_check(S_injected() ? NULL : calloc(nmemb ? nmemb : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
	return S_check(S_injected() ? NULL : realloc(p, n ? n : 1));
}

void *xgrow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap;
	if (need <= c)
		return p;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / elem)
			S_check(NULL);
		c *= 2;
	}
	p = xrealloc(p, c * elem);
	*cap = c;
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *r = xmalloc(n + 1);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *r = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(r, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return r;
}
