/* PLACEHOLDER: to be replaced (owner: site). */
#include "site.h"
#include "xalloc.h"
int site_write(const Model *m, const char *site_dir, const char *charts_dir, const char *templates_dir, char **err) { (void)m; (void)site_dir; (void)charts_dir; (void)templates_dir; *err = xstrdup("the site is not implemented yet"); return -1; }
int site_archive(const char *root, char **err) { (void)root; (void)err; return 0; }
