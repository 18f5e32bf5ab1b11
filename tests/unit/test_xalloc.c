/* SPDX-License-Identifier: MIT */
/* Unit tests of xalloc: out of memory is one clean exit (status 3, one
 * message), never a NULL a caller would have to check.  Each failing case
 * runs in a child process, whose exit status and stderr are checked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "xalloc.h"

/* Under ASan an impossible size must come back NULL (as from glibc), not
 * stop the process: it is xalloc's job to say so. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

/* Runs fn in a child; returns its exit status (-1: killed) and what it
 * wrote to stderr in err. */
static int S_child(void (*fn)(void), char *err, size_t cap)
{
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 2);
		fn();
		_exit(0); /* not exit(): the parent's atexit work is not the child's */
	}
	close(fd[1]);
	size_t n = 0;
	ssize_t got;
	while (n + 1 < cap && (got = read(fd[0], err + n, cap - 1 - n)) > 0)
		n += (size_t)got;
	err[n] = '\0';
	close(fd[0]);
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void S_expect_oom(void (*fn)(void))
{
	char err[256];
	assert_int_equal(S_child(fn, err, sizeof err), 3);
	assert_string_equal(err, "chitieu: out of memory\n");
}

static void S_third_malloc_fails(void)
{
	xalloc_fail_after(3);
	free(xmalloc(10));
	free(xstrdup("a"));
	fputs("two allocations done\n", stderr);
	free(xmalloc(10)); /* fails: exit(3) */
	fputs("not reached\n", stderr);
}

static void test_xalloc_fail_after_fails_exactly_the_nth(void **state)
{
	char err[256];
	assert_int_equal(S_child(S_third_malloc_fails, err, sizeof err), 3);
	assert_string_equal(err, "two allocations done\nchitieu: out of memory\n");
}

static void S_calloc_fails(void)
{
	xalloc_fail_after(1);
	free(xcalloc(4, 4));
}

/* What a child holds when it exits stays reachable (no leak reported). */
static void *S_held;

static void S_realloc_fails(void)
{
	S_held = xmalloc(4);
	xalloc_fail_after(1);
	S_held = xrealloc(S_held, 400);
	free(S_held);
}

static void S_asprintf_fails(void)
{
	xalloc_fail_after(1);
	free(xasprintf("%d", 42));
}

static void S_strndup_fails(void)
{
	xalloc_fail_after(1);
	free(xstrndup("abc", 2));
}

static void test_xalloc_every_wrapper_exits_cleanly(void **state)
{
	S_expect_oom(S_calloc_fails);
	S_expect_oom(S_realloc_fails);
	S_expect_oom(S_asprintf_fails);
	S_expect_oom(S_strndup_fails);
}

/* A real failure, not an injected one: sizes no machine can give. */
static void S_huge_malloc(void)
{
	free(xmalloc((size_t)1 << 60));
}

static void S_calloc_overflow(void)
{
	free(xcalloc((size_t)1 << 40, (size_t)1 << 30));
}

static void S_grow_overflow(void)
{
	size_t cap = 8;
	S_held = xmalloc(8 * 16);
	S_held = xgrow(S_held, &cap, SIZE_MAX / 8, 16);
	free(S_held);
}

/* valgrind warns about such sizes on the same stderr: the message must
 * be there and the last line. */
static void S_expect_real_oom(void (*fn)(void))
{
	char err[4096];
	assert_int_equal(S_child(fn, err, sizeof err), 3);
	const char *want = "chitieu: out of memory\n";
	size_t n = strlen(err), k = strlen(want);
	assert_true(n >= k);
	assert_string_equal(err + n - k, want);
}

static void test_xalloc_impossible_sizes_exit_cleanly(void **state)
{
	S_expect_real_oom(S_huge_malloc);
	S_expect_real_oom(S_calloc_overflow);
	S_expect_real_oom(S_grow_overflow);
}

static void test_xalloc_fail_after_zero_disables(void **state)
{
	xalloc_fail_after(2);
	xalloc_fail_after(0);
	for (int i = 0; i < 10; i++)
		free(xmalloc(1));
}

static void test_xalloc_zero_sizes_give_memory(void **state)
{
	void *a = xmalloc(0), *b = xcalloc(0, 0);
	assert_non_null(a);
	assert_non_null(b);
	a = xrealloc(a, 0);
	assert_non_null(a);
	free(a);
	free(b);
}

static void test_xalloc_grow_keeps_contents(void **state)
{
	size_t cap = 0;
	int *v = NULL;
	for (int i = 0; i < 1000; i++) {
		v = xgrow(v, &cap, (size_t)i + 1, sizeof *v);
		v[i] = i;
	}
	assert_true(cap >= 1000);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(v[i], i);
	free(v);
	char *s = xasprintf("%s-%03d", "xa", 7);
	assert_string_equal(s, "xa-007");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xalloc_fail_after_fails_exactly_the_nth),
		cmocka_unit_test(test_xalloc_every_wrapper_exits_cleanly),
		cmocka_unit_test(test_xalloc_impossible_sizes_exit_cleanly),
		cmocka_unit_test(test_xalloc_fail_after_zero_disables),
		cmocka_unit_test(test_xalloc_zero_sizes_give_memory),
		cmocka_unit_test(test_xalloc_grow_keeps_contents),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
