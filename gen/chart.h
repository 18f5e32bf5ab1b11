/* chart: the only file that knows gnuplot.  Writes one script with inline
 * data blocks for every chart and runs gnuplot once (per worker).
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
 * is left behind then. */
#ifndef CHITIEU_CHART_H
#define CHITIEU_CHART_H
#include "buf.h"
#include "model.h"

int chart_render_all(const Model *m, const char *dir, int jobs, char **err);
/* Escapes s as a gnuplot single-quoted string literal, quotes included:
 * ' doubled, control characters removed.  The only way text from data
 * reaches a script. */
void chart_quote(Buf *b, const char *s);

/* The size at which the PDFs place the PNGs, in millimetres: the PNGs
 * are drawn for it at 200 dpi (SVGs at 96 px per inch). */
#define CHART_CHI_TIEU_W_MM 160
#define CHART_CHI_TIEU_H_MM 90
#define CHART_DON_VI_W_MM 170
#define CHART_DON_VI_H_MM 55
/* 1 when unit u has a chart (don-vi-<ma>.*): when a target applies to it. */
int chart_unit_has_chart(const Model *m, size_t u);
/* The whole gnuplot script of the run, appended to b (to time or read
 * it); 0, or -1 with *err as chart_render_all. */
int chart_script(const Model *m, Buf *b, char **err);

#endif
