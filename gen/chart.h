/* chart: the only file that knows gnuplot.  Writes one script with inline
 * data blocks for every chart and runs gnuplot once (per worker).
 *
 * Files written into dir (the run's charts/ folder):
 *   chi-tieu-<stt>.png / .svg   per target: province and groups
 *   don-vi-<ma>.png / .svg      per unit: all its applicable targets
 * The program is $CHITIEU_GNUPLOT when set, else "gnuplot".
 * Returns 0; or -1 when gnuplot is missing or failed, with a message in
 * *err (caller frees) naming what failed (exit 3). */
#ifndef CHITIEU_CHART_H
#define CHITIEU_CHART_H
#include "buf.h"
#include "model.h"

int chart_render_all(const Model *m, const char *dir, int jobs, char **err);
/* Escapes s as a gnuplot single-quoted string literal, quotes included:
 * ' doubled, control characters removed.  The only way text from data
 * reaches a script. */
void chart_quote(Buf *b, const char *s);

#endif
