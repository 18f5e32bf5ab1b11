/* SPDX-License-Identifier: MIT */
/* Unit tests of cache: an entry comes back as stored; a truncated,
 * edited or renamed entry is a miss, never served; nothing is written
 * before cache_close commits; entries not used by the last CACHE_RUNS
 * runs go, then the least recently used beyond the bound; an unusable
 * folder is a warning. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "cache.h"
#include "fmt.h"
#include "out.h"
#include "xalloc.h"

static char *S_dir(void)
{
	char tmpl[] = "/tmp/chitieu-test-cache-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	return xasprintf("%s/cache", tmpl);
}

static void S_key(unsigned char key[32], int i)
{
	memset(key, 0, 32);
	key[0] = (unsigned char)i;
	key[31] = 0x5a;
}

static char *S_entry(const char *dir, const unsigned char key[32])
{
	Buf b;
	buf_init(&b);
	buf_printf(&b, "%s/", dir);
	fmt_hex(&b, key, 32);
	return buf_detach(&b, NULL);
}

static void S_put(const char *dir, int n, const int *which)
{
	Cache *c = cache_open(dir);
	for (int i = 0; i < n; i++) {
		unsigned char key[32];
		S_key(key, which[i]);
		char png[64], svg[64];
		snprintf(png, sizeof png, "PNG of chart %d", which[i]);
		snprintf(svg, sizeof svg, "<svg>chart %d</svg>", which[i]);
		const void *part[2] = {png, svg};
		size_t len[2] = {strlen(png), strlen(svg)};
		cache_put(c, key, 2, part, len);
	}
	char *warn = NULL;
	cache_close(c, 1, 0, &warn);
	assert_null(warn);
}

/* 1 when chart i is found (and then is what was stored). */
static int S_get(const char *dir, int i, int commit)
{
	Cache *c = cache_open(dir);
	unsigned char key[32];
	S_key(key, i);
	Buf data;
	buf_init(&data);
	size_t len[2];
	int hit = cache_get(c, key, 2, &data, len);
	if (hit) {
		char want[128];
		snprintf(want, sizeof want, "PNG of chart %d<svg>chart %d</svg>", i, i);
		assert_int_equal(len[0] + len[1], data.len);
		assert_int_equal(len[0], strlen("PNG of chart ") + (i >= 10 ? 2 : 1));
		assert_string_equal(data.ptr, want);
	}
	buf_release(&data);
	cache_close(c, commit, 0, NULL);
	return hit;
}

static void test_cache_roundtrip_and_broken_entries(void **state)
{
	char *dir = S_dir();
	/* opening and reading write nothing: not even the folder */
	assert_int_equal(S_get(dir, 1, 0), 0);
	struct stat st;
	assert_int_not_equal(stat(dir, &st), 0);
	int all[] = {1, 2, 3, 4};
	S_put(dir, 4, all);
	for (int i = 1; i <= 4; i++)
		assert_int_equal(S_get(dir, i, 0), 1);
	assert_int_equal(S_get(dir, 5, 0), 0);

	unsigned char key[32];
	Buf b;
	buf_init(&b);
	char *err = NULL;
	/* truncated */
	S_key(key, 1);
	char *p = S_entry(dir, key);
	assert_int_equal(buf_read_file(&b, p), 0);
	assert_int_equal(out_write_file(p, b.ptr, b.len - 3, &err), 0);
	assert_int_equal(S_get(dir, 1, 0), 0);
	free(p);
	/* one byte of the body changed, same size */
	S_key(key, 2);
	p = S_entry(dir, key);
	buf_reset(&b);
	assert_int_equal(buf_read_file(&b, p), 0);
	b.ptr[b.len - 2] ^= 1;
	assert_int_equal(out_write_file(p, b.ptr, b.len, &err), 0);
	assert_int_equal(S_get(dir, 2, 0), 0);
	free(p);
	/* a good entry under another key's name */
	S_key(key, 3);
	p = S_entry(dir, key);
	S_key(key, 4);
	char *q = S_entry(dir, key);
	assert_int_equal(rename(p, q), 0);
	assert_int_equal(S_get(dir, 4, 0), 0);
	assert_int_equal(S_get(dir, 3, 0), 0);
	free(p);
	free(q);
	/* stored again: served again */
	int again[] = {1, 2, 4};
	S_put(dir, 3, again);
	assert_int_equal(S_get(dir, 1, 0), 1);
	assert_int_equal(S_get(dir, 2, 0), 1);
	assert_int_equal(S_get(dir, 4, 0), 1);
	buf_release(&b);
	out_rmtree(dir);
	*strrchr(dir, '/') = '\0';
	rmdir(dir);
	free(dir);
}

static void test_cache_evicts_by_runs_and_count(void **state)
{
	char *dir = S_dir();
	int first[] = {1, 2};
	S_put(dir, 2, first); /* run 1 */
	/* runs 2..5 use chart 2 only: chart 1 was last used by run 1, which
	 * is still one of the last 5 */
	for (int r = 2; r <= 5; r++)
		assert_int_equal(S_get(dir, 2, 1), 1);
	assert_int_equal(S_get(dir, 1, 0), 1); /* (not committed: no use) */
	assert_int_equal(S_get(dir, 2, 1), 1); /* run 6: run 1 is out */
	assert_int_equal(S_get(dir, 1, 0), 0);
	assert_int_equal(S_get(dir, 2, 0), 1);

	/* beyond the bound the least recently used go, the same time by name */
	int more[] = {10, 11, 12, 13, 14};
	S_put(dir, 5, more);
	Cache *c = cache_open(dir);
	unsigned char key[32];
	Buf data;
	buf_init(&data);
	size_t len[2];
	S_key(key, 10);
	assert_int_equal(cache_get(c, key, 2, &data, len), 1);
	cache_close(c, 1, 3, NULL); /* 6 entries, bound 3: chart 10 used now */
	buf_release(&data);
	assert_int_equal(S_get(dir, 10, 0), 1);
	assert_int_equal(S_get(dir, 14, 0), 1);
	assert_int_equal(S_get(dir, 13, 0), 1);
	assert_int_equal(S_get(dir, 12, 0), 0);
	assert_int_equal(S_get(dir, 11, 0), 0);
	assert_int_equal(S_get(dir, 2, 0), 0);
	out_rmtree(dir);
	*strrchr(dir, '/') = '\0';
	rmdir(dir);
	free(dir);
}

static void test_cache_unwritable_is_a_warning(void **state)
{
	char *file = S_dir(); /* .../cache: made a file, so the folder cannot be */
	char *err = NULL;
	assert_int_equal(out_write_file(file, "x", 1, &err), 0);
	char *dir = xasprintf("%s/charts", file);
	Cache *c = cache_open(dir);
	unsigned char key[32];
	S_key(key, 1);
	const void *part[1] = {"x"};
	size_t len[1] = {1};
	cache_put(c, key, 1, part, len);
	char *warn = NULL;
	cache_close(c, 1, 0, &warn);
	assert_non_null(warn);
	assert_non_null(strstr(warn, "cannot use the cache folder"));
	assert_non_null(strstr(warn, "the run goes on without it"));
	free(warn);
	free(dir);
	unlink(file);
	*strrchr(file, '/') = '\0';
	rmdir(file);
	free(file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cache_roundtrip_and_broken_entries),
	    cmocka_unit_test(test_cache_evicts_by_runs_and_count),
	    cmocka_unit_test(test_cache_unwritable_is_a_warning),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
