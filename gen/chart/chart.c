/* SPDX-License-Identifier: MIT */
/* chart: the trend charts (chart.h): which charts a run draws, in what
 * order, which of them the cache already holds, and the files they end
 * as.  Three files do the rest: gp_script.c writes each chart's gnuplot
 * script (the only file that knows gnuplot's syntax), chart_run.c runs
 * the processes, chart_svg.c labels the SVGs. */
#include "chart.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "cache.h"
#include "chart_run.h"
#include "chart_svg.h"
#include "fmt.h"
#include "gp_script.h"
#include "out.h"
#include "msg.h"
#include "xalloc.h"

/* The run's charts in a fixed order, targets by stt then units in
 * registry order: an index, not the scripts.  A chart's script is made
 * when its batch is written out, so memory does not grow with the units
 * (10,000 units' scripts are some 30 MB). */
typedef struct {
	const Model *m;
	size_t n;
	int *don_vi; /* the unit of chart n_chi_tieu + k, [n - n_chi_tieu] */
	size_t *todo; /* the charts gnuplot draws (not found in the cache) */
	size_t n_todo;
} S_Plan;

int chart_unit_has_chart(const Model *m, size_t u)
{
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		if (model_applies(m, u, t))
			return 1;
	return 0;
}

/* Chart i's file stem (chi-tieu-<stt>, don-vi-<ma>). */
static void S_stem(const S_Plan *pl, size_t i, char stem[96])
{
	const Model *m = pl->m;
	if (i < m->n_chi_tieu)
		snprintf(stem, 96, "chi-tieu-%d", m->chi_tieu[i].stt);
	else
		snprintf(stem, 96, "don-vi-%s", m->don_vi[pl->don_vi[i - m->n_chi_tieu]].ma);
}

/* Chart i's script appended to b. */
static void S_make(const S_Plan *pl, size_t i, Buf *b)
{
	const Model *m = pl->m;
	if (i < m->n_chi_tieu)
		gp_chi_tieu(m, i, b);
	else
		gp_don_vi(m, (size_t)pl->don_vi[i - m->n_chi_tieu], b);
}

/* chart_run's view of the plan: the charts left to draw. */
static void S_run_script(void *ctx, size_t i, Buf *out)
{
	const S_Plan *pl = ctx;
	S_make(pl, pl->todo[i], out);
}

static void S_run_name(void *ctx, size_t i, char name[96])
{
	const S_Plan *pl = ctx;
	S_stem(pl, pl->todo[i], name);
}

/* Every SVG's own title and description, in fmt.h's words. */
static int S_svg_label(const char *dir, const S_Plan *pl, char **err)
{
	const Model *m = pl->m;
	Buf title, desc;
	buf_init(&title);
	buf_init(&desc);
	char stem[96];
	int rc = 0;
	for (size_t i = 0; i < pl->n && !rc; i++) {
		S_stem(pl, i, stem);
		buf_reset(&title);
		buf_reset(&desc);
		if (i < m->n_chi_tieu)
			fmt_bd_svg_chi_tieu(&title, &desc, m, i);
		else
			fmt_bd_svg_don_vi(&title, &desc, m, (size_t)pl->don_vi[i - m->n_chi_tieu]);
		char *path = xasprintf("%s/%s.svg", dir, stem);
		char *e = NULL;
		if (chart_svg_label(path, title.ptr, desc.ptr, &e) < 0) {
			*err = xasprintf(_("cannot label the chart charts/%s.svg: %s"), stem, e);
			free(e);
			rc = -1;
		}
		free(path);
	}
	buf_release(&title);
	buf_release(&desc);
	return rc;
}

/* Every chart drawn, in both formats, not empty. */
static int S_check_files(const char *dir, const S_Plan *pl, char **err)
{
	static const char *const ext[] = {"png", "svg"};
	char stem[96];
	for (size_t i = 0; i < pl->n_todo; i++) {
		S_stem(pl, pl->todo[i], stem);
		for (int k = 0; k < 2; k++) {
			char *p = xasprintf("%s/%s.%s", dir, stem, ext[k]);
			struct stat st;
			int bad = stat(p, &st) != 0 || st.st_size == 0;
			free(p);
			if (bad) {
				*err = xasprintf(_("gnuplot did not write the chart charts/%s.%s"), stem, ext[k]);
				return -1;
			}
		}
	}
	return 0;
}

/* A failed run leaves no chart that could pass for a good one (those
 * copied from the cache too). */
static void S_remove_files(const char *dir, const S_Plan *pl)
{
	char stem[96];
	for (size_t i = 0; i < pl->n; i++) {
		S_stem(pl, i, stem);
		char *p = xasprintf("%s/%s.png", dir, stem);
		unlink(p);
		free(p);
		p = xasprintf("%s/%s.svg", dir, stem);
		unlink(p);
		free(p);
	}
}

/* The index of every chart; 0, or -1 with *err when a unit code cannot
 * name a file (before any gnuplot starts). */
static int S_plan(const Model *m, S_Plan *pl, char **err)
{
	pl->m = m;
	pl->n = m->n_chi_tieu;
	pl->todo = NULL;
	pl->n_todo = 0;
	pl->don_vi = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *pl->don_vi);
	for (size_t u = 0; u < m->n_don_vi; u++) {
		if (!chart_unit_has_chart(m, u))
			continue;
		if (!model_code_ok(m->don_vi[u].ma) || strlen(m->don_vi[u].ma) > 80) {
			*err = xasprintf(_("the unit code '%s' cannot name a chart file: use [a-z0-9-]+"),
			                 m->don_vi[u].ma);
			free(pl->don_vi);
			pl->don_vi = NULL;
			return -1;
		}
		pl->don_vi[pl->n++ - m->n_chi_tieu] = (int)u;
	}
	pl->todo = xmalloc((pl->n ? pl->n : 1) * sizeof *pl->todo);
	return 0;
}

/* Chart i's key: what gnuplot is given to draw it (the prolog every
 * batch starts with, then its script) and which gnuplot, by its
 * --version.  The script names its files, so the key does too. */
static void S_key(const Buf *version, const Buf *c, unsigned char key[32])
{
	static const char tag[] = "chitieu chart 1\n";
	struct sha256_ctx h;
	sha256_init(&h);
	sha256_update(&h, sizeof tag - 1, (const uint8_t *)tag);
	sha256_update(&h, version->len, (const uint8_t *)version->ptr);
	sha256_update(&h, 1, (const uint8_t *)"");
	sha256_update(&h, strlen(gp_prolog), (const uint8_t *)gp_prolog);
	sha256_update(&h, c->len, (const uint8_t *)c->ptr);
	sha256_digest(&h, 32, key);
}

/* Charts found in the cache are written into dir; the others go to
 * pl->todo.  Returns -1 with *err when a chart file cannot be written. */
static int S_from_cache(const char *dir, S_Plan *pl, Cache *cache, unsigned char (*key)[32],
                        ChartStats *st, char **err)
{
	const Buf *version = NULL;
	Buf v, data;
	buf_init(&v);
	buf_init(&data);
	Buf c;
	buf_init(&c);
	int rc = 0;
	if (cache && run_gnuplot_version(&v) == 0)
		version = &v;
	for (size_t i = 0; i < pl->n && !rc; i++) {
		size_t len[2];
		if (version) {
			buf_reset(&c);
			S_make(pl, i, &c);
			S_key(version, &c, key[i]);
			if (cache_get(cache, key[i], 2, &data, len)) {
				char stem[96];
				S_stem(pl, i, stem);
				char *png = xasprintf("%s/%s.png", dir, stem), *svg = xasprintf("%s/%s.svg", dir, stem);
				rc = out_write_file(png, data.ptr, len[0], err) ||
				     out_write_file(svg, data.ptr + len[0], len[1], err);
				free(png);
				free(svg);
				st->reused++;
				continue;
			}
		}
		pl->todo[pl->n_todo++] = i;
	}
	buf_release(&c);
	buf_release(&data);
	buf_release(&v);
	return rc ? -1 : (version ? 1 : 0);
}

struct ChartKeep {
	Cache *cache;
	size_t n_charts; /* of the run: the cache's bound is 10 times it */
	size_t n;        /* the charts drawn, to store */
	char (*stem)[96];
	unsigned char (*key)[32];
};

int chart_render(const Model *m, const char *dir, int jobs, const char *cache_dir, ChartStats *st,
                 ChartKeep **keep, char **err)
{
	S_Plan pl;
	ChartStats dummy;
	if (!st)
		st = &dummy;
	memset(st, 0, sizeof *st);
	*err = NULL;
	if (keep)
		*keep = NULL;
	if (S_plan(m, &pl, err))
		return -1;
	int rc = 0, keyed = 0;
	Cache *cache = NULL;
	unsigned char(*key)[32] = NULL;
	if (pl.n > 0) {
		if (cache_dir && keep)
			cache = cache_open(cache_dir);
		key = xmalloc(pl.n * sizeof *key);
		keyed = S_from_cache(dir, &pl, cache, key, st, err);
		rc = keyed < 0 ? -1 : 0;
		st->drawn = pl.n_todo;
		if (jobs < 1)
			jobs = 1;
		if ((size_t)jobs > pl.n_todo)
			jobs = (int)pl.n_todo;
		if (!rc && pl.n_todo)
			rc = run_gnuplot(dir, pl.n_todo, jobs, S_run_script, S_run_name, &pl, err);
		if (!rc)
			rc = S_check_files(dir, &pl, err);
		if (!rc)
			rc = S_svg_label(dir, &pl, err);
		if (rc)
			S_remove_files(dir, &pl);
	}
	if (cache && !rc && keyed > 0) {
		/* what to store once the charts are in place */
		ChartKeep *k = xcalloc(1, sizeof *k);
		k->cache = cache;
		k->n_charts = pl.n;
		k->n = pl.n_todo;
		k->stem = xmalloc((k->n ? k->n : 1) * sizeof *k->stem);
		k->key = xmalloc((k->n ? k->n : 1) * sizeof *k->key);
		for (size_t i = 0; i < k->n; i++) {
			S_stem(&pl, pl.todo[i], k->stem[i]);
			memcpy(k->key[i], key[pl.todo[i]], 32);
		}
		*keep = k;
	} else {
		/* failed, or no key without gnuplot's version: the cache is
		 * left as it was */
		cache_close(cache, 0, 0, NULL);
	}
	free(key);
	free(pl.todo);
	free(pl.don_vi);
	return rc;
}

void chart_keep(ChartKeep *k, const char *dir, char **warn)
{
	if (warn)
		*warn = NULL;
	if (!k)
		return;
	Buf png, svg;
	buf_init(&png);
	buf_init(&svg);
	for (size_t i = 0; dir && i < k->n; i++) {
		char *pp = xasprintf("%s/%s.png", dir, k->stem[i]), *sp = xasprintf("%s/%s.svg", dir, k->stem[i]);
		buf_reset(&png);
		buf_reset(&svg);
		if (buf_read_file(&png, pp) == 0 && buf_read_file(&svg, sp) == 0) {
			const void *part[2] = {png.ptr, svg.ptr};
			size_t len[2] = {png.len, svg.len};
			cache_put(k->cache, k->key[i], 2, part, len);
		}
		free(pp);
		free(sp);
	}
	buf_release(&png);
	buf_release(&svg);
	/* a year of weekly runs keeps at most ten runs' worth */
	cache_close(k->cache, dir != NULL, 10 * k->n_charts, warn);
	free(k->stem);
	free(k->key);
	free(k);
}

int chart_render_all(const Model *m, const char *dir, int jobs, char **err)
{
	return chart_render(m, dir, jobs, NULL, NULL, NULL, err);
}

int chart_script(const Model *m, Buf *b, char **err)
{
	S_Plan pl;
	*err = NULL;
	if (S_plan(m, &pl, err))
		return -1;
	buf_puts(b, gp_prolog);
	for (size_t i = 0; i < pl.n; i++)
		S_make(&pl, i, b);
	free(pl.todo);
	free(pl.don_vi);
	return 0;
}
