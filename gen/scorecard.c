/* PLACEHOLDER: to be replaced (owner: scorecards). */
#include "pdf.h"
#include "xalloc.h"
int pdf_scorecards(const Model *m, const char *path, const char *charts_dir, const int *units, size_t n_units, char **err) { (void)m; (void)path; (void)charts_dir; (void)units; (void)n_units; *err = xstrdup("the scorecards are not implemented yet"); return -1; }
