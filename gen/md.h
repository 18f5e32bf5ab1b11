/* md: model -> Markdown (GFM).  bao-cao.md and the site's pages.
 * Every text from data is escaped for Markdown (md_escape). */
#ifndef CHITIEU_MD_H
#define CHITIEU_MD_H
#include "buf.h"
#include "model.h"

void md_escape(Buf *out, const char *s);

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
void md_trang_du_lieu(Buf *out, const Model *m);      /* data quality */
void md_trang_han(Buf *out, const Model *m);          /* deadline tasks */
/* ---- a page in pieces -------------------------------------------------
 * A page that lists every unit is handed on in pieces as it is written,
 * so it is never whole in memory.  Between md_sink_begin(s) and
 * md_sink_end(), a page function given &s->md as out calls s->cut(s, kind)
 * at each point where its Markdown may be cut, once s->md holds at least
 * s->min bytes (0: at every point).  cut takes s->md (buf_reset).  kind
 * says where the text stops:
 *   MD_CUT_BLOCKS  after whole blocks (before a heading);
 *   MD_CUT_TABLE   after a whole row of a table; the table's header and
 *                  delimiter lines are in s->head;
 *   MD_CUT_LIST    after a whole item of a tight bullet list;
 *   MD_CUT_PARA    inside a paragraph, before ", " (never in a link);
 *   MD_CUT_END     right after the last row, item or word of the table,
 *                  list or paragraph the previous cut stopped in (only
 *                  then, whatever the size; s->md may be empty).
 * A piece after a cut inside goes on with that table, list or paragraph.
 * One sink at a time (chitieu runs its writers in processes, not
 * threads). */
enum { MD_CUT_BLOCKS = 1, MD_CUT_TABLE, MD_CUT_LIST, MD_CUT_PARA, MD_CUT_END };
typedef struct MdSink MdSink;
struct MdSink {
	Buf md;      /* the Markdown not yet taken */
	Buf head;    /* written by md.c: the header lines of the table being cut */
	size_t min;
	void (*cut)(MdSink *s, int kind);
	void *arg;   /* the cut's own */
};
void md_sink_begin(MdSink *s);
void md_sink_end(void);
/* For the writers of pages (md.c, han_md.c): a point where out may be
 * cut; the header of the table that starts at out->ptr + from and ends
 * at out's end; the end of what a cut stopped in.  No-ops unless out is
 * the md of the sink begun. */
void md_cut(Buf *out, int kind);
void md_cut_head(Buf *out, size_t from);
void md_cut_end(Buf *out);


/* The file stem of group g's page: its slug when it is [a-z0-9_-]+,
 * else "nhom-<g+1>".  Caller frees. */
char *md_nhom_stem(const Model *m, size_t g);
/* 1 when s is a code safe as a file name: [a-z0-9-]+ (also '_' when
 * allow_underscore). */
int md_safe_code(const char *s, int allow_underscore);

#endif
