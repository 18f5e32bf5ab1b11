/* SPDX-License-Identifier: MIT */
/* xalloc: allocation that never returns NULL.
 *
 * Out of memory is not an error path in chitieu: these print
 * "chitieu: out of memory" and exit(3) (the environment failed), so no
 * caller checks for NULL.  xalloc_fail_after() makes the N-th next
 * allocation fail, for the test that proves the path is clean. */
#ifndef CHITIEU_XALLOC_H
#define CHITIEU_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *p (an array of *cap elements of size elem) to hold at least need. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Testing: fail the n-th allocation from now (0 disables). */
void xalloc_fail_after(long n);
/* 1 while xalloc_fail_after() has an allocation to fail: work that could
 * run on several threads runs on one, so that it is the same one. */
int xalloc_failing(void);

#endif
