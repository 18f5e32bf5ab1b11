/* SPDX-License-Identifier: MIT */
/* card_pdf: pages fitted whole (card_pdf.h).  A page's blocks are kept
 * until the next page starts, measured at each level of the ladder below,
 * and drawn at the first level at which they fit; the measuring is the
 * layout module's (lo_rich_height, lo_table_height), so what is measured
 * is what is drawn. */
#include "card_pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "layout.h"
#include "xalloc.h"

#define S_TITLE 18.0f
#define S_HEAD2 13.0f
#define S_TEXT 11.0f
#define S_SMALL_PT 9.0f
#define S_FLOOR 8.0f       /* text and tables never below */
#define S_FLOOR_SMALL 7.0f /* small print never below */
#define S_FLOOR_TITLE 13.0f
#define S_GAP 5.0f

typedef struct {
	DocWriter w;
	LoDoc d;
	const char *charts;
	int opened;     /* the document has a page */
	int in_page;    /* blocks are being kept for a page */
	int flags;      /* the kept page's DOC_PAGE flags */
	DocList page;
	CardFit last;
	char *err;      /* the first failure, for card_pdf_close */
} S_Card;

/* One rung of the ladder. */
typedef struct {
	int yield;      /* the DOC_F_YIELD blocks left out */
	float fig;      /* 0: each figure at its fig_w; else this share at most */
	int no_fig;     /* the last resort: figures left out */
	float scale;    /* text sizes times this (floors apply) */
	int landscape;
	float floor;    /* 0: the floors above; else every size's floor (the
	                   last resort, past the ladder) */
} S_Level;

static float S_size(float base, float scale, float floor)
{
	float s = base * scale;
	return s < floor ? floor : s;
}

static float S_W(const S_Card *c)
{
	return c->d.x1 - c->d.x0;
}

static LoRun *S_runs(const DocInl *p, const char *marker, FontStyle force, size_t *n)
{
	LoRun *r = xcalloc(p->n + 2, sizeof *r);
	size_t k = 0;
	if (marker)
		r[k++] = (LoRun){marker, FONT_REGULAR};
	for (size_t i = 0; i < p->n; i++)
		r[k++] = (LoRun){p->v[i].text, (FontStyle)((p->v[i].style & 3) | force)};
	*n = k;
	return r;
}

static char *S_png(const S_Card *c, const DocBlock *b)
{
	if (!c->charts || !b->line[0])
		return NULL;
	return xasprintf("%s/%s.png", c->charts, b->line[0]);
}

/* The figure's width and height at level lv; 0 when it is not drawn. */
static int S_fig_box(const S_Card *c, const DocBlock *b, const S_Level *lv, float *w, float *h)
{
	char *png = S_png(c, b);
	float iw, ih;
	int ok = png && !lv->no_fig && lo_png_size(png, &iw, &ih) == 0;
	free(png);
	if (!ok)
		return 0;
	float share = b->fig_w > 0 ? b->fig_w : 1;
	float least = b->fig_min_w > 0 && b->fig_min_w < share ? b->fig_min_w : share;
	if (lv->fig > 0 && lv->fig < share)
		share = lv->fig < least ? least : lv->fig;
	*w = S_W(c) * share;
	*h = *w * ih / iw;
	return 1;
}

/* A table's blocks from l->v[i] (DOC_TABLE) to its DOC_TABLE_END, as a
 * layout table at size; *end gets the index of DOC_TABLE_END.  Returns 0,
 * or -1 when a word of a cell is wider than its column at this size. */
/* A cell's text, kept in (*own)[] until the table is drawn. */
static char *S_cell_text(const DocCell *cell, char ***own, size_t *n_own, size_t *cap)
{
	Buf s;
	buf_init(&s);
	doc_inl_text(&cell->inl, &s);
	char *text = buf_detach(&s, NULL);
	*own = xgrow(*own, cap, *n_own + 1, sizeof **own);
	(*own)[(*n_own)++] = text;
	return text;
}

static int S_table_build(const S_Card *c, size_t i, float size, LoTable *t, char ***own,
                         size_t *n_own, size_t *end)
{
	const DocList *l = &c->page;
	const DocBlock *tb = &l->v[i].b;
	size_t nc = tb->n_col;
	float sum = 0;
	for (size_t k = 0; k < nc; k++)
		sum += tb->width[k] > 0 ? tb->width[k] : 1;
	float *w = xmalloc((nc ? nc : 1) * sizeof *w);
	for (size_t k = 0; k < nc; k++)
		w[k] = (tb->width[k] > 0 ? tb->width[k] : 1) * S_W(c) / sum;
	lo_table_init(t, nc, w);
	free(w);
	t->size = size;
	t->pad = size >= 10 ? 2.5f : size > 6.5f ? 1.8f : 1.0f;
	int fits = 1;
	size_t cap = 0;
	*own = NULL;
	*n_own = 0;
	size_t j = i;
	for (;;) {
		if (j == i) {
			/* the header rows first */
			for (size_t r = 0; r < tb->n_head; r++) {
				size_t row = lo_table_row(t);
				for (size_t k = 0; k < nc; k++) {
					const DocCell *cell = &tb->head[r * nc + k];
					if (cell->covered)
						continue;
					char *text = S_cell_text(cell, own, n_own, &cap);
					LoCell *lc = lo_table_set(t, row, k, text, cell->colspan, cell->rowspan);
					lc->style = FONT_BOLD;
					lc->align = LO_CENTER;
					float cw = 0;
					for (int s2 = 0; s2 < cell->colspan && k + (size_t)s2 < nc; s2++)
						cw += t->width[k + (size_t)s2];
					if (lo_word_width(&c->d, FONT_BOLD, size, text) > cw - 2 * t->pad)
						fits = 0;
				}
			}
			t->n_head = tb->n_head;
			j++;
			continue;
		}
		if (j >= l->n || l->v[j].b.kind != DOC_ROW)
			break;
		const DocCell *cells = l->v[j].b.cell;
		if (l->v[j].b.n_col == nc) {
			size_t row = lo_table_row(t);
			for (size_t k = 0; k < nc; k++) {
				const DocCell *cell = &cells[k];
				if (cell->covered)
					continue;
				char *text = S_cell_text(cell, own, n_own, &cap);
				int all = 3;
				for (size_t q = 0; q < cell->inl.n; q++)
					all &= cell->inl.v[q].style;
				FontStyle st = (FontStyle)(cell->inl.n ? all : 0);
				LoCell *lc = lo_table_set(t, row, k, text, cell->colspan, cell->rowspan);
				lc->style = st;
				lc->align = cell->align == DOC_AL_CENTER  ? LO_CENTER
				            : cell->align == DOC_AL_RIGHT ? LO_RIGHT
				                                          : LO_LEFT;
				float cw = 0;
				for (int s2 = 0; s2 < cell->colspan && k + (size_t)s2 < nc; s2++)
					cw += t->width[k + (size_t)s2];
				if (lo_word_width(&c->d, st, size, text) > cw - 2 * t->pad)
					fits = 0;
			}
		}
		j++;
	}
	*end = j;
	return fits ? 0 : -1;
}

static void S_own_free(char **own, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(own[i]);
	free(own);
}

/* The colour bars of the cells with a tone. */
static void S_tones(S_Card *c, size_t i, const LoBoxes *boxes)
{
	const DocList *l = &c->page;
	const DocBlock *tb = &l->v[i].b;
	for (size_t k = 0; k < boxes->n; k++) {
		const LoBox *bx = &boxes->v[k];
		if (bx->head || bx->row < tb->n_head)
			continue;
		size_t j = i + 1 + (bx->row - tb->n_head);
		if (j >= l->n || l->v[j].b.kind != DOC_ROW || bx->col >= tb->n_col)
			continue;
		int tone = l->v[j].b.cell[bx->col].tone;
		if (tone == DOC_TONE_GOOD)
			lo_fill_rect(&c->d, bx->x + 0.5f, bx->y + 0.5f, 2.5f, bx->h - 1, 0.18f, 0.49f, 0.20f);
		else if (tone == DOC_TONE_BAD)
			lo_fill_rect(&c->d, bx->x + 0.5f, bx->y + 0.5f, 2.5f, bx->h - 1, 0.75f, 0.22f, 0.17f);
	}
}

/* Lays the kept page out at level lv: draws it when draw, else only
 * measures.  Returns the height taken, or -1 when a word does not fit
 * its column at this level. */
static float S_layout(S_Card *c, const S_Level *lv, int draw, float *fig_share, float *tsize)
{
	LoDoc *d = &c->d;
	const DocList *l = &c->page;
	float W = S_W(c), h = 0;
	int bad = 0;
	*fig_share = 0;
	*tsize = 0;
	for (size_t i = 0; i < l->n; i++) {
		const DocBlock *b = &l->v[i].b;
		if ((b->flags & DOC_F_YIELD) && lv->yield)
			continue;
		if ((b->flags & DOC_F_INSTEAD) && !lv->yield)
			continue;
		float took = 0;
		switch (b->kind) {
		case DOC_HEADING:
		case DOC_PARA:
		case DOC_ITEM: {
			int small = (b->flags & DOC_F_SMALL) != 0;
			float fl = lv->floor;
			float size = b->kind == DOC_HEADING
			                 ? (b->level <= 1 ? S_size(S_TITLE, lv->scale, fl ? fl + 4 : S_FLOOR_TITLE)
			                                  : S_size(S_HEAD2, lv->scale, fl ? fl + 1 : S_FLOOR + 1))
			             : small ? S_size(S_SMALL_PT, lv->scale, fl ? fl : S_FLOOR_SMALL)
			                     : S_size(S_TEXT, lv->scale, fl ? fl : S_FLOOR);
			FontStyle force = b->kind == DOC_HEADING ? FONT_BOLD : FONT_REGULAR;
			char *marker = b->kind == DOC_ITEM ? xasprintf("%s ", b->line[0] ? b->line[0] : "–") : NULL;
			float dx = b->kind == DOC_ITEM ? LO_MM(4) * (float)(b->level > 1 ? b->level : 1) : 0;
			LoAlign al = b->flags & DOC_F_CENTER ? LO_CENTER : LO_LEFT;
			size_t n;
			LoRun *r = S_runs(&b->inl, marker, force, &n);
			float after = b->kind == DOC_HEADING ? 3 : small ? 2 : 4;
			float th = lo_rich_height(d, r, n, size, W - dx, 0);
			if (draw)
				lo_rich(d, r, n, size, d->x0 + dx, W - dx, al, 0, after);
			took = th + after;
			free(r);
			free(marker);
			break;
		}
		case DOC_TABLE: {
			float size = S_size(S_TEXT, lv->scale, lv->floor ? lv->floor : S_FLOOR);
			LoTable t;
			char **own;
			size_t n_own, end;
			if (S_table_build(c, i, size, &t, &own, &n_own, &end))
				bad = 1;
			float th = lo_table_height(d, &t) + t.line_w;
			if (draw) {
				LoBoxes boxes = {0};
				lo_table_flow(d, &t, &boxes);
				S_tones(c, i, &boxes);
				lo_boxes_release(&boxes);
				d->y -= S_GAP;
			}
			if (*tsize == 0)
				*tsize = size;
			took = th + S_GAP;
			lo_table_release(&t);
			S_own_free(own, n_own);
			i = end < l->n ? end : l->n - 1; /* DOC_TABLE_END */
			break;
		}
		case DOC_FIGURE: {
			float fw, fh;
			if (!S_fig_box(c, b, lv, &fw, &fh))
				break;
			if (draw) {
				char *png = S_png(c, b);
				float got = lo_png(d, png, d->x0 + (W - fw) / 2, d->y - 2, fw, fh);
				free(png);
				if (got > 0)
					d->y -= got + 2 + S_GAP;
			}
			*fig_share = fw / W;
			took = fh + 2 + S_GAP;
			break;
		}
		default:
			break;
		}
		h += took;
	}
	return bad ? -1 : h;
}

static void S_page_setup(S_Card *c, int landscape)
{
	lo_page_new(&c->d, landscape);
	c->opened = 1;
}

/* The text area of a page of that orientation, without making one (the
 * measuring needs no page). */
static void S_geometry(S_Card *c, int landscape)
{
	LoDoc *d = &c->d;
	float pw = LO_MM(210), ph = LO_MM(297);
	if (landscape) {
		float t = pw;
		pw = ph;
		ph = t;
	}
	d->x0 = d->m_left;
	d->x1 = pw - d->m_right;
	d->y_top = d->y = ph - d->m_top;
	d->y_bottom = d->m_bottom;
}

/* Draws the kept page at the first level that fits. */
static void S_flush(S_Card *c)
{
	if (!c->in_page)
		return;
	c->in_page = 0;
	int fit = (c->flags & DOC_F_FIT) != 0;
	int may_turn = fit && (c->flags & DOC_F_LANDSCAPE);
	int upright_only = !fit && (c->flags & DOC_F_LANDSCAPE);
	/* the ladder: the yielding blocks, the figures, then the text */
	S_Level lv[64];
	size_t n = 0;
	for (int o = 0; o < (may_turn ? 2 : 1); o++) {
		int land = o == 1 || upright_only;
		lv[n++] = (S_Level){0, 0, 0, 1, land, 0};
		if (!fit)
			break;
		lv[n++] = (S_Level){1, 0, 0, 1, land, 0};
		for (int k = 1; k <= 8; k++)
			lv[n++] = (S_Level){1, 1.0f - 0.05f * (float)k, 0, 1, land, 0};
		/* upright, the text shrinks to the floor; a page that may turn
		 * turns before it goes below 9 pt */
		float least = may_turn && o == 0 ? 9.0f / S_TEXT : S_FLOOR / S_TEXT;
		for (int k = 1; k <= 12; k++) {
			float s = 1.0f - 0.05f * (float)k;
			if (s < least - 0.001f)
				s = least;
			lv[n++] = (S_Level){1, 0.01f, 0, s, land, 0};
			if (s <= least)
				break;
		}
	}
	size_t pick = n;
	float fig = 0, ts = 0;
	for (size_t k = 0; k < n && pick == n; k++) {
		S_geometry(c, lv[k].landscape);
		float avail = c->d.y - c->d.y_bottom;
		float h = S_layout(c, &lv[k], 0, &fig, &ts);
		if (!fit || (h >= 0 && h <= avail + 0.01f))
			pick = k;
	}
	/* Past the ladder (more targets than a page is made for): the
	 * figures go and the text goes down to 7, 6, then 5 pt; when even
	 * that does not fit, the page flows on to the next rather than be
	 * cut. */
	S_Level last = {1, 0.01f, 1, 0, may_turn, 0};
	int flows = 0;
	if (pick == n) {
		for (float fl = 7; fl >= 5; fl -= 1) {
			last.floor = fl;
			last.scale = fl / S_TEXT;
			S_geometry(c, last.landscape);
			float h = S_layout(c, &last, 0, &fig, &ts);
			flows = !(h >= 0 && h <= c->d.y - c->d.y_bottom + 0.01f);
			if (!flows)
				break;
		}
	}
	const S_Level *use = pick < n ? &lv[pick] : &last;
	S_page_setup(c, use->landscape);
	float y_floor = c->d.y_bottom;
	if (!flows)
		c->d.y_bottom = -1e6f; /* measured: a rounding never breaks the page */
	S_layout(c, use, 1, &fig, &ts);
	c->d.y_bottom = y_floor;
	c->last = (CardFit){use->yield, fig, ts, use->landscape, !flows};
	doc_list_release(&c->page);
}

static void S_put(DocWriter *w, const DocBlock *b)
{
	S_Card *c = (S_Card *)w;
	switch (b->kind) {
	case DOC_META:
		lo_set_meta(&c->d, b->line[0], b->line[1], b->line[2], b->line[3]);
		break;
	case DOC_PAGE:
		S_flush(c);
		c->in_page = 1;
		c->flags = b->flags;
		break;
	case DOC_END:
		S_flush(c);
		break;
	default:
		if (!c->in_page) {
			c->in_page = 1;
			c->flags = 0;
		}
		doc_list_add(&c->page, b);
		break;
	}
}

DocWriter *card_pdf_open(const char *path, const char *charts_dir, char **err)
{
	S_Card *c = xcalloc(1, sizeof *c);
	if (lo_open_file(&c->d, path, err)) {
		lo_close(&c->d);
		free(c);
		return NULL;
	}
	c->w.put = S_put;
	c->charts = charts_dir;
	doc_list_init(&c->page);
	/* handed out a page at a time: no page numbers, tighter margins
	 * than the decree's documents */
	c->d.number_size = 0;
	c->d.m_top = LO_MM(15);
	c->d.m_bottom = LO_MM(15);
	c->d.m_left = LO_MM(20);
	c->d.m_right = LO_MM(15);
	return &c->w;
}

int card_pdf_close(DocWriter *w, char **err)
{
	S_Card *c = (S_Card *)w;
	S_flush(c);
	if (!c->opened)
		S_page_setup(c, 0);
	int rc = lo_finish(&c->d, err);
	lo_close(&c->d);
	doc_list_release(&c->page);
	free(c);
	return rc;
}

CardFit card_pdf_last_fit(const DocWriter *w)
{
	return ((const S_Card *)w)->last;
}
