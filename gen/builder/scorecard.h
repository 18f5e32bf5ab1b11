/* SPDX-License-Identifier: MIT */
/* scorecard: the scorecards (the-diem.pdf) as a document of whole pages
 * (doc.h), for a writer that fits each page (card_pdf.h).
 *
 * First the province overview: one page, one row for the province and
 * one per group, a column per target, in each cell the verdict's symbol
 * and the units met out of those judged ("140/168"), then what each
 * column is and the one legend (fmt_chu_giai).  Then one page per unit:
 * its name for people (model_ten_don_vi), the period in words, its
 * verdict count and rank in its group with what the rank measures, a
 * table of its applicable targets (figure with N/D, target, verdict word
 * and symbol, the change since the previous step and the same period
 * last year, what it still needs), a mark "*" at a figure whose months
 * are incomplete with a line naming them, its notes (DOC_F_YIELD: on a
 * page that does not fit they give way to a line pointing to the
 * report's notes appendix), the trend chart (shrinking to 60 % of the
 * width, where its labels are still 7 pt: chart.h) and the legend.
 * Every sentence and number is composed here, through fmt.h; the
 * computations are rank.c's.  Opens no file. */
#ifndef CHITIEU_SCORECARD_H
#define CHITIEU_SCORECARD_H
#include "doc.h"
#include "model.h"

/* units: indexes into m->don_vi to print alone (no overview), or NULL
 * for the whole document (the overview, then every unit in display
 * order).  Ends with DOC_END.  An index out of range is skipped. */
void scorecard_build(const Model *m, const int *units, size_t n_units, DocWriter *w);

#endif
