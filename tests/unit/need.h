/* SPDX-License-Identifier: MIT */
/* Skips for the cmocka unit tests, as for the end-to-end scripts
 * (tests/e2e/lib.sh): a test that cannot run its main assertion on this
 * machine (a program it runs is missing) is skipped with its reason, never
 * passed.  test_need("pdftoppm", "poppler-utils") inside a test prints
 * "SKIP: pdftoppm is not installed (…)" and marks that cmocka test skipped;
 * main then returns test_exit(failed): the number failed when any failed,
 * else 77 when one was skipped (tests/run.sh counts the binary as skipped,
 * and as failed under CI=true), else 0.  Include after <cmocka.h>. */
#ifndef TEST_NEED_H
#define TEST_NEED_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int test_skipped;

/* Marks the running test skipped, saying why; does not return. */
static inline void test_skip(const char *why)
{
	printf("SKIP: %s\n", why);
	fflush(stdout);
	test_skipped = 1;
	skip();
}

/* Whether an executable named cmd is on $PATH. */
static inline int test_on_path(const char *cmd)
{
	const char *path = getenv("PATH");
	char full[4096];
	while (path && *path) {
		size_t n = strcspn(path, ":");
		if (n > 0 && (size_t)snprintf(full, sizeof full, "%.*s/%s", (int)n, path, cmd) < sizeof full &&
		    access(full, X_OK) == 0)
			return 1;
		path += n + (path[n] == ':');
	}
	return 0;
}

/* Skips the running test unless cmd (from Debian package pkg) is there. */
static inline void test_need(const char *cmd, const char *pkg)
{
	if (!test_on_path(cmd)) {
		char why[256];
		snprintf(why, sizeof why, "%s is not installed (apt-get install %s, or run ./build.sh)", cmd, pkg);
		test_skip(why);
	}
}

static inline int test_exit(int failed)
{
	return failed ? failed : test_skipped ? 77 : 0;
}

#endif
