/* SPDX-License-Identifier: MIT */
/* gp_script: each chart as a piece of gnuplot script, the only place that
 * knows gnuplot's syntax (chart_run.c runs the scripts, chart_svg.c
 * labels the SVGs, chart.c plans and caches).
 *
 * A chart's piece is self-contained: its data as datablocks, `reset`,
 * its settings, the PNG, then the SVG; it ends by printing GP_DONE_MARK
 * and its stem on stderr, after GP_FAIL_MARK and its stem when gnuplot
 * reported an error drawing it, so the runner can tell which chart
 * failed or hung.  A process's script starts with gp_prolog.  The words
 * are fmt.h's; text from data reaches the script only through
 * chart_quote() (gnuplot runs shell commands from some strings: shared
 * PITFALLS). */
#ifndef CHITIEU_GP_SCRIPT_H
#define CHITIEU_GP_SCRIPT_H
#include <stddef.h>

#include "buf.h"
#include "model.h"

/* The size at which the PDFs place the PNGs, in millimetres: the PNGs
 * are drawn for it at 200 dpi (SVGs at 96 px per inch). */
#define CHART_CHI_TIEU_W_MM 160
#define CHART_CHI_TIEU_H_MM 90
/* A unit's chart is drawn with 8 pt labels at 120 mm; the scorecard
 * places it at CHART_DON_VI_SHARE of its 175 mm text width (140 mm) and
 * shrinks it on a tight page to CHART_DON_VI_MIN_SHARE (105 mm), where
 * the labels are still 8 x 105 / 120 = 7 pt. */
#define CHART_DON_VI_W_MM 120
#define CHART_DON_VI_H_MM 50
#define CHART_DON_VI_SHARE 0.8f
#define CHART_DON_VI_MIN_SHARE 0.6f
#define GP_FAIL_MARK "chitieu-chart-failed "
#define GP_DONE_MARK "chitieu-chart-done "

extern const char gp_prolog[];

/* Escapes s as a gnuplot single-quoted string literal, quotes included:
 * an apostrophe printed as the typographic one (gnuplot 5.4 misreads
 * doubled quotes next to each other), control characters and broken
 * UTF-8 removed. */
void chart_quote(Buf *b, const char *s);
/* Target t's chart (files chi-tieu-<stt>.png/.svg), appended to b. */
void gp_chi_tieu(const Model *m, size_t t, Buf *b);
/* Unit u's chart (don-vi-<ma>.png/.svg), appended to b; u has one
 * (chart_unit_has_chart) and a code that names a file. */
void gp_don_vi(const Model *m, size_t u, Buf *b);

#endif
