/* SPDX-License-Identifier: MIT */
/* chart_svg: labelling the SVGs gnuplot drew.
 *
 * gnuplot's svg terminal names every document "Gnuplot" and describes it
 * as "Produced by GNUPLOT …" (its `name` option takes only an
 * identifier), so after it has drawn the charts their <title> and <desc>
 * are put in here: what the chart shows, in fmt.h's words
 * (fmt_bd_svg_*), for a screen reader or a file opened on its own. */
#ifndef CHITIEU_CHART_SVG_H
#define CHITIEU_CHART_SVG_H

/* Replaces the <title> and <desc> of the SVG at path (gnuplot's, or ours
 * from an earlier labelling: never doubled), or puts them after the
 * opening tag of one that has neither; the texts are escaped here.  The
 * empty groups gnuplot writes ("<g …>" then "</g>" on the next line) are
 * left out.
 * 0; 1 when the file is not an SVG (nothing written); -1 with *err
 * (caller frees) when it cannot be read or written. */
int chart_svg_label(const char *path, const char *title, const char *desc, char **err);

#endif
