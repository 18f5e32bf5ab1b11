/* SPDX-License-Identifier: MIT */
/* chart: the trend charts, drawn by gnuplot: chart.c plans them and keeps
 * the cache, gp_script.c writes each chart's script (the only file that
 * knows gnuplot's syntax), chart_run.c runs gnuplot (once per worker),
 * chart_svg.c labels the SVGs; every word in a chart is fmt.h's.
 *
 * Files written into dir (the run's charts/ folder):
 *   chi-tieu-<stt>.png / .svg   per target: province and groups
 *   don-vi-<ma>.png / .svg      per unit: all its applicable targets
 * each SVG with a <title> and <desc> of its own (what it shows, in words).
 * Every target has a chart; a unit has one when a target applies to it.
 * The program is $CHITIEU_GNUPLOT when set, else "gnuplot", run without a
 * shell in dir with LC_ALL=C; jobs (>= 1) processes share the charts and
 * write the same bytes whatever their number.  A process that finishes no
 * chart for $CHITIEU_GNUPLOT_TIMEOUT seconds (default 300) is stopped.
 * Returns 0; or -1 when gnuplot is missing or failed, with a message in
 * *err (caller frees) naming the chart or gnuplot (exit 3); no chart file
 * is left behind then.
 *
 * With a cache folder (chart_render), a chart is a pure function of its
 * script and of gnuplot: its key is the SHA-256 of the script's bytes and
 * of `gnuplot --version` (asked once per run), and a chart found under its
 * key is copied from the cache instead of drawn (see cache.h: entries are
 * checked, bounded, and a cache that cannot be written is a warning).  The
 * files are the same bytes either way.  Copied, not linked: a chart edited
 * in one period's folder must not change another's.  Not in the key: the
 * fonts gnuplot finds; after upgrading fonts-liberation2, remove the cache
 * (or run once with --no-cache). */
#ifndef CHITIEU_CHART_H
#define CHITIEU_CHART_H
#include "buf.h"
#include "model.h"

int chart_render_all(const Model *m, const char *dir, int jobs, char **err);

typedef struct {
	size_t reused; /* charts copied from the cache */
	size_t drawn;  /* charts gnuplot drew */
} ChartStats;
/* What a run stores in the cache once its outputs are in place. */
typedef struct ChartKeep ChartKeep;
/* chart_render_all with the cache in cache_dir (NULL: none): charts
 * found there are copied into dir, the others drawn; *st (may be NULL)
 * says how many of each.  It only reads the cache: on success *keep
 * (NULL without a cache) holds what to write there, for chart_keep(). */
int chart_render(const Model *m, const char *dir, int jobs, const char *cache_dir, ChartStats *st,
                 ChartKeep **keep, char **err);
/* Stores the charts drawn, read back from dir (the charts folder where
 * the outputs now are), marks the entries reused and evicts old ones;
 * dir NULL: the run failed, nothing is written.  Frees k (may be NULL).
 * *warn (may be NULL; caller frees): the cache's first problem, if any. */
void chart_keep(ChartKeep *k, const char *dir, char **warn);


/* The charts' sizes (CHART_*_MM) and chart_quote() are gp_script.h's. */
#include "gp_script.h"

/* 1 when unit u has a chart (don-vi-<ma>.*): when a target applies to it. */
int chart_unit_has_chart(const Model *m, size_t u);
/* The whole gnuplot script of the run, appended to b (to time or read
 * it); 0, or -1 with *err as chart_render_all. */
int chart_script(const Model *m, Buf *b, char **err);

#endif
