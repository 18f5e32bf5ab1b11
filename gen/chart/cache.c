/* SPDX-License-Identifier: MIT */
/* cache: the chart store kept between runs (see cache.h). */
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <nettle/sha2.h>

#include "fmt.h"
#include "out.h"
#include "msg.h"
#include "xalloc.h"

#define S_MAGIC "chitieu-cache 1 "
/* A temporary file left by a killed run is removed after this long
 * (a younger one may be another run's entry being written). */
#define S_TMP_AGE 3600

struct Cache {
	char *dir;
	time_t stamp;     /* this run's */
	time_t threshold; /* entries last used before it are evicted */
	Buf runs;         /* <dir>/runs as it is to be written */
	int made;         /* the folder exists */
	int no_write;     /* a write failed: no more tries */
	char *warn;       /* the first problem */
	unsigned char (*used)[32]; /* the entries this run reused */
	size_t n_used, cap_used;
};

static void S_warn(Cache *c, char *msg)
{
	if (!c->warn)
		c->warn = xasprintf(_("cannot use the cache folder '%s' (%s): the run goes on without it"), c->dir, msg);
	free(msg);
}

static char *S_path(const Cache *c, const unsigned char key[32])
{
	Buf b;
	buf_init(&b);
	buf_printf(&b, "%s/", c->dir);
	fmt_hex(&b, key, 32);
	return buf_detach(&b, NULL);
}

/* digest = SHA-256(key, the header's sizes as written, body) */
static void S_digest(const unsigned char key[32], const char *sizes, size_t sizes_len, const void *body,
                     size_t body_len, unsigned char out[32])
{
	struct sha256_ctx h;
	sha256_init(&h);
	sha256_update(&h, 32, key);
	sha256_update(&h, sizes_len, (const uint8_t *)sizes);
	sha256_update(&h, body_len, body);
	sha256_digest(&h, 32, out);
}

static int S_cmp_time(const void *a, const void *b)
{
	time_t x = *(const time_t *)a, y = *(const time_t *)b;
	return (x > y) - (x < y);
}

/* The stamps of the earlier runs from <dir>/runs, then this run's, later
 * than all of them (even when the clock went back or two runs share a
 * second), to be written back with the last CACHE_RUNS. */
static void S_stamp(Cache *c)
{
	char *path = xasprintf("%s/runs", c->dir);
	time_t t[CACHE_RUNS + 64];
	size_t n = 0;
	Buf b;
	buf_init(&b);
	if (buf_read_file(&b, path) == 0) {
		char *p = b.ptr, *end;
		while (n < CACHE_RUNS + 63) {
			long long v = strtoll(p, &end, 10);
			if (end == p)
				break;
			if (v > 0)
				t[n++] = (time_t)v;
			p = end;
		}
	}
	qsort(t, n, sizeof *t, S_cmp_time);
	time_t now = time(NULL);
	c->stamp = n && t[n - 1] >= now ? t[n - 1] + 1 : now;
	t[n++] = c->stamp;
	size_t from = n > CACHE_RUNS ? n - CACHE_RUNS : 0;
	/* fewer runs than CACHE_RUNS so far: nothing is old enough */
	c->threshold = n >= CACHE_RUNS ? t[from] : 0;
	for (size_t i = from; i < n; i++)
		buf_printf(&c->runs, "%lld\n", (long long)t[i]);
	buf_release(&b);
	free(path);
}

Cache *cache_open(const char *dir)
{
	Cache *c = xcalloc(1, sizeof *c);
	c->dir = xstrdup(dir);
	buf_init(&c->runs);
	S_stamp(c);
	return c;
}

/* The folder, made once; 0 or -1 (then the warning is kept). */
static int S_made(Cache *c)
{
	char *err = NULL;
	if (!c->made && !c->no_write) {
		if (out_mkdir_p(c->dir, &err)) {
			c->no_write = 1;
			S_warn(c, err);
		} else {
			c->made = 1;
		}
	}
	return c->made && !c->no_write ? 0 : -1;
}

int cache_get(Cache *c, const unsigned char key[32], size_t n, Buf *data, size_t *len)
{
	if (!c || n > CACHE_MAX_PARTS)
		return 0;
	char *path = S_path(c, key);
	buf_reset(data);
	int hit = 0;
	if (buf_read_file(data, path) != 0) {
		free(path);
		return 0; /* none (or unreadable: a miss all the same) */
	}
	/* S_MAGIC <64 hex> <size>...\n */
	const char *p = data->ptr, *nl = memchr(p, '\n', data->len < 512 ? data->len : 512);
	size_t magic = strlen(S_MAGIC);
	if (nl && (size_t)(nl - p) > magic + 64 && memcmp(p, S_MAGIC, magic) == 0) {
		const char *hex = p + magic, *sizes = hex + 64;
		size_t sizes_len = (size_t)(nl - sizes), body = (size_t)(nl + 1 - p), total = 0, k = 0;
		const char *q = sizes;
		int ok = 1;
		while (ok && q < nl) {
			char *end;
			if (*q != ' ' || k == n) {
				ok = 0;
				break;
			}
			errno = 0;
			unsigned long long v = strtoull(q + 1, &end, 10);
			if (end == q + 1 || errno || v > data->len) {
				ok = 0;
				break;
			}
			len[k++] = (size_t)v;
			total += (size_t)v;
			q = end;
		}
		if (ok && k == n && total == data->len - body) {
			unsigned char d[32];
			Buf want;
			buf_init(&want);
			S_digest(key, sizes, sizes_len, data->ptr + body, total, d);
			fmt_hex(&want, d, 32);
			hit = memcmp(want.ptr, hex, 64) == 0;
			buf_release(&want);
		}
		if (hit) {
			memmove(data->ptr, data->ptr + body, total);
			buf_truncate(data, total);
		}
	}
	if (hit) {
		/* used by this run: marked at cache_close, kept by the next
		 * CACHE_RUNS - 1 runs */
		if (c->n_used == c->cap_used) {
			c->cap_used = c->cap_used ? 2 * c->cap_used : 64;
			c->used = xrealloc(c->used, c->cap_used * sizeof *c->used);
		}
		memcpy(c->used[c->n_used++], key, 32);
	} else {
		buf_reset(data); /* truncated, edited or of another format */
	}
	free(path);
	return hit;
}

void cache_put(Cache *c, const unsigned char key[32], size_t n, const void *const *part, const size_t *len)
{
	if (!c || n > CACHE_MAX_PARTS || S_made(c))
		return;
	Buf sizes, b;
	buf_init(&sizes);
	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_printf(&sizes, " %zu", len[i]);
	/* the digest over the parts as they will lie in the file */
	struct sha256_ctx h;
	unsigned char d[32];
	sha256_init(&h);
	sha256_update(&h, 32, key);
	sha256_update(&h, sizes.len, (const uint8_t *)sizes.ptr);
	for (size_t i = 0; i < n; i++)
		sha256_update(&h, len[i], part[i]);
	sha256_digest(&h, 32, d);
	buf_puts(&b, S_MAGIC);
	fmt_hex(&b, d, 32);
	buf_add(&b, sizes.ptr, sizes.len);
	buf_putc(&b, '\n');
	for (size_t i = 0; i < n; i++)
		buf_add(&b, part[i], len[i]);
	char *path = S_path(c, key), *err = NULL;
	if (out_replace_file(path, b.ptr, b.len, c->stamp, &err)) {
		c->no_write = 1;
		S_warn(c, err);
	}
	free(path);
	buf_release(&b);
	buf_release(&sizes);
}

typedef struct {
	time_t mtime;
	char name[65];
} S_Entry;

static int S_cmp_entry(const void *a, const void *b)
{
	const S_Entry *x = a, *y = b;
	if (x->mtime != y->mtime)
		return (x->mtime > y->mtime) - (x->mtime < y->mtime);
	return strcmp(x->name, y->name);
}

static int S_is_key(const char *s)
{
	size_t i;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == 64;
}

static void S_evict(Cache *c, size_t keep)
{
	DIR *d = opendir(c->dir);
	if (!d)
		return;
	S_Entry *e = NULL;
	size_t n = 0, cap = 0;
	time_t now = time(NULL);
	struct dirent *de;
	while ((de = readdir(d))) {
		int key = S_is_key(de->d_name);
		if (!key && strncmp(de->d_name, ".tmp-", 5) != 0)
			continue; /* runs, and whatever else someone put there */
		char *path = xasprintf("%s/%s", c->dir, de->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (!key) {
				if (st.st_mtime < now - S_TMP_AGE)
					out_remove(path);
			} else if (st.st_mtime < c->threshold) {
				out_remove(path);
			} else {
				if (n == cap) {
					cap = cap ? 2 * cap : 256;
					e = xrealloc(e, cap * sizeof *e);
				}
				e[n].mtime = st.st_mtime;
				memcpy(e[n].name, de->d_name, 65);
				n++;
			}
		}
		free(path);
	}
	closedir(d);
	if (keep && n > keep) {
		qsort(e, n, sizeof *e, S_cmp_entry);
		for (size_t i = 0; i < n - keep; i++) {
			char *path = xasprintf("%s/%s", c->dir, e[i].name);
			out_remove(path);
			free(path);
		}
	}
	free(e);
}

void cache_close(Cache *c, int commit, size_t keep, char **warn)
{
	if (warn)
		*warn = NULL;
	if (!c)
		return;
	if (commit && S_made(c) == 0) {
		char *path = xasprintf("%s/runs", c->dir), *err = NULL;
		if (out_replace_file(path, c->runs.ptr, c->runs.len, 0, &err)) {
			c->no_write = 1;
			S_warn(c, err);
		}
		free(path);
		for (size_t i = 0; i < c->n_used && !c->no_write; i++) {
			path = S_path(c, c->used[i]);
			out_set_mtime(path, c->stamp); /* gone meanwhile: no matter */
			free(path);
		}
		if (!c->no_write)
			S_evict(c, keep);
	}
	if (warn)
		*warn = c->warn;
	else
		free(c->warn);
	buf_release(&c->runs);
	free(c->used);
	free(c->dir);
	free(c);
}
