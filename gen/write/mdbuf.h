/* SPDX-License-Identifier: MIT */
/* mdbuf: the Markdown helpers of the Markdown writer (doc_md.c): escaping
 * text, and the sink that hands a long page on in pieces (the site renders
 * each with cmark-gfm, site.c; bao-cao.md is written a piece at a time,
 * xuat.c).  Knows nothing of the model. */
#ifndef CHITIEU_MDBUF_H
#define CHITIEU_MDBUF_H
#include <stddef.h>

#include "buf.h"

/* Appends s as Markdown text that reads as itself: block markers at its
 * start and inline punctuation escaped, spaces and line breaks
 * dropped around it and made one space inside it, control characters
 * dropped.  NULL appends nothing. */
void md_escape(Buf *out, const char *s);

/* ---- a page in pieces -------------------------------------------------
 * A page that lists every unit is handed on in pieces as it is written,
 * so it is never whole in memory.  Between md_sink_begin(s) and
 * md_sink_end(), the Markdown writer given &s->md as out calls s->cut(s, kind)
 * at each point where its Markdown may be cut, once s->md holds at least
 * s->min bytes (0: at every point).  cut takes s->md (buf_reset).  kind
 * says where the text stops:
 *   MD_CUT_BLOCKS  after whole blocks (before a heading);
 *   MD_CUT_TABLE   after a whole row of a table; the table's header and
 *                  delimiter lines are in s->head;
 *   MD_CUT_LIST    after a whole item of a tight bullet list;
 *   MD_CUT_END     right after the last row or item of the table or list
 *                  the previous cut stopped in (only
 *                  then, whatever the size; s->md may be empty).
 * A piece after a cut inside goes on with that table, list or paragraph.
 * One sink at a time (chitieu runs its writers in processes, not
 * threads). */
enum { MD_CUT_BLOCKS = 1, MD_CUT_TABLE, MD_CUT_LIST, MD_CUT_END };
typedef struct MdSink MdSink;
struct MdSink {
	Buf md;      /* the Markdown not yet taken */
	Buf head;    /* the header lines of the table being cut */
	size_t min;
	void (*cut)(MdSink *s, int kind);
	void *arg;   /* the cut's own */
};
void md_sink_begin(MdSink *s);
void md_sink_end(void);
/* For the Markdown writer (doc_md.c): a point where out may be
 * cut; the header of the table that starts at out->ptr + from and ends
 * at out's end; the end of what a cut stopped in.  No-ops unless out is
 * the md of the sink begun. */
void md_cut(Buf *out, int kind);
void md_cut_head(Buf *out, size_t from);
void md_cut_end(Buf *out);

#endif
