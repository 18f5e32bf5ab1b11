/* pdf: the scorecards the-diem.pdf (scorecard.c; the report is bao_cao.h).
 * Returns 0, or -1 with *err (caller frees): a missing font is an
 * environment failure (exit 3). */
#ifndef CHITIEU_PDF_H
#define CHITIEU_PDF_H
#include "model.h"

/* units: indexes into m->don_vi to print alone (no overview), or NULL
 * for the whole file (overview pages then every unit). */
int pdf_scorecards(const Model *m, const char *path, const char *charts_dir,
                   const int *units, size_t n_units, char **err);

#endif
