/* SPDX-License-Identifier: MIT */
#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static long fail_countdown;
static int S_dying;

/* LeakSanitizer asks this before its check at exit.  A run that ran out
 * of memory exits from deep inside its work, with whatever that work held
 * (fontconfig's patterns, a page half drawn) still allocated: those are
 * not leaks, and reporting them would turn exit 3 into LSan's exit 1.
 * Ordinary exits are still checked. */
int __lsan_is_turned_off(void);
int __lsan_is_turned_off(void) { return S_dying; }

static void *S_check(void *p)
{
	if (p == NULL) {
		S_dying = 1;
		/* untranslated: gettext may allocate, and memory is out */
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
int xalloc_failing(void) { return fail_countdown > 0; }

/* A block of many megabytes (the nation's figure rows, the evaluation's
 * tables: some 60 MB) is filled a 4 KiB page fault at a time: a sixth of
 * reading the nation input went to those faults.  Huge pages where the
 * kernel offers them on request (transparent_hugepage=madvise, Debian's
 * default) take 512 times fewer; glibc's own switch for this is a
 * GLIBC_TUNABLES variable, which a program cannot set for itself.  The
 * contents are the same either way; the kernel may decline. */
#define S_HUGE (2u << 20)
static void *S_huge(void *p, size_t n)
{
	if (p && n >= S_HUGE) {
		uintptr_t a = ((uintptr_t)p + S_HUGE - 1) & ~(uintptr_t)(S_HUGE - 1);
		uintptr_t e = ((uintptr_t)p + n) & ~(uintptr_t)(S_HUGE - 1);
		if (e > a)
			madvise((void *)a, e - a, MADV_HUGEPAGE);
	}
	return p;
}

void *xmalloc(size_t n)
{
	return S_huge(S_check(S_injected() ? NULL : malloc(n ? n : 1)), n);
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = S_check(S_injected() ? NULL : calloc(nmemb ? nmemb : 1, size ? size : 1));
	return S_huge(p, nmemb * size);
}

void *xrealloc(void *p, size_t n)
{
	return S_huge(S_check(S_injected() ? NULL : realloc(p, n ? n : 1)), n);
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
