/* SPDX-License-Identifier: MIT */
/* chart_run: running gnuplot (chart.c decides what to draw, gp_script.c
 * writes it).
 *
 * The program is $CHITIEU_GNUPLOT when set (the tests' fake gnuplots in
 * tests/fake-gnuplot), else "gnuplot" on the PATH; a relative path is
 * made absolute, since it runs in the charts folder.  It is started with
 * an argument vector, never through a shell, in its own process group,
 * with LC_ALL=C (numbers read and print with '.' whatever the clerk's
 * locale).  A process that finishes no chart for $CHITIEU_GNUPLOT_TIMEOUT
 * seconds (default 300) is stopped, with every other one. */
#ifndef CHITIEU_CHART_RUN_H
#define CHITIEU_CHART_RUN_H
#include <stddef.h>

#include "buf.h"

/* Appends item i's script to out. */
typedef void (*RunScript)(void *ctx, size_t i, Buf *out);
/* Item i's file stem, for messages ("chi-tieu-3"). */
typedef void (*RunName)(void *ctx, size_t i, char name[96]);

/* Draws items 0..n-1 with n_jobs (1..n) gnuplot processes at once in dir,
 * items dealt round-robin (i, i + n_jobs, …), each process's script the
 * prolog then its items' pieces, made a piece at a time (memory does not
 * grow with the items).  0, or -1 with *err (caller frees) naming the
 * chart that failed or hung, or the program missing (exit 3). */
int run_gnuplot(const char *dir, size_t n, int n_jobs, RunScript script, RunName name, void *ctx,
                char **err);

/* `gnuplot --version` into v: 0, or -1 when it cannot say (missing,
 * failing, silent, hung). */
int run_gnuplot_version(Buf *v);

#endif
