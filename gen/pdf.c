/* PLACEHOLDER: to be replaced (owner: report). */
#include "pdf.h"
#include "xalloc.h"
int pdf_report(const Model *m, const char *path, const char *charts_dir, char **err) { (void)m; (void)path; (void)charts_dir; *err = xstrdup("the report is not implemented yet"); return -1; }
