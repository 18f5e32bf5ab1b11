/* SPDX-License-Identifier: MIT */
/* md: model -> Markdown (GFM): the site's pages (the report's page is
 * bao-cao.md, bao_cao.h).
 * Every text from data is escaped for Markdown (md_escape). */
#ifndef CHITIEU_MD_H
#define CHITIEU_MD_H
#include "buf.h"
#include "mdbuf.h"
#include "model.h"


/* The site's pages (site.c renders them).  Links are relative: pages of
 * units, targets and groups live one folder down (don-vi/<ma>.html,
 * chi-tieu/<stt>.html, nhom/<slug>.html), the others at the site root.
 * Charts are <root>charts/chi-tieu-<stt>.svg and don-vi-<ma>.svg. */
/* Work shared by the pages of one model (every unit's verdict counts and
 * rank in its group, as rank_hang() gives them): md_ctx_new() once, pass
 * it to every page, md_ctx_free() after (accepts NULL).  A page given
 * NULL computes it for itself. */
typedef struct MdCtx MdCtx;
MdCtx *md_ctx_new(const Model *m);
void md_ctx_free(MdCtx *c);

void md_trang_chu(Buf *out, const Model *m, const MdCtx *ctx);   /* index.html */
void md_trang_don_vi(Buf *out, const Model *m, const MdCtx *ctx, size_t u);
void md_trang_chi_tieu(Buf *out, const Model *m, size_t t);
void md_trang_nhom(Buf *out, const Model *m, const MdCtx *ctx, size_t g);
/* dia-ban/<ma>.html: parent unit p's children (a district's communes):
 * their roll-up per target (eval_gop), their matrix and their ranking. */
void md_trang_dia_ban(Buf *out, const Model *m, const MdCtx *ctx, size_t p);
/* 1 when unit u is some registered unit's parent (it has a dia-ban page). */
int md_co_con(const MdCtx *c, size_t u);
void md_trang_du_lieu(Buf *out, const Model *m);      /* data quality */
void md_trang_han(Buf *out, const Model *m);          /* deadline tasks */

/* The file stem of group g's page: its slug when it is [a-z0-9_-]+,
 * else "nhom-<g+1>".  Caller frees. */
char *md_nhom_stem(const Model *m, size_t g);
/* 1 when s is a code safe as a file name: [a-z0-9-]+ (also '_' when
 * allow_underscore). */
int md_safe_code(const char *s, int allow_underscore);

#endif
