/* SPDX-License-Identifier: MIT */
/* docxin: noi-dung.docx over zip_io.c and libxml2's xmlTextReader
 * (docxin.h).  The parts read, in order: word/styles.xml (held: each
 * style's name, parent, outline level, bold, italic and list), then
 * word/numbering.xml (held: which lists are bullets), then
 * word/document.xml, streamed: each paragraph becomes a block as it
 * ends; a table is held until it ends (its column count is its widest
 * row).  The safe opening is zip_io.c's, as for a workbook: every byte
 * inflated is counted against one limit, no DTD, no entity, no network;
 * this file words what zip_io found for a clerk holding a Word file. */
#include "docxin.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>

#include "buf.h"
#include "doc.h"
#include "text.h"
#include "xalloc.h"
#include "zip_io.h"

#define S_MAX_COL 64   /* a table wider than this is cut (a warning) */
#define S_MAX_LVL 9    /* Word's list levels */
#define S_MAX_CHAIN 16 /* w:basedOn links followed */

typedef struct {
	char *id, *name, *based;
	int para;          /* a paragraph style (else character or other) */
	int outline;       /* 0..8, -1 none */
	int bold, italic;  /* 1, 0, -1 unset */
	int num_id, ilvl;  /* -1 unset */
	size_t ord;        /* its place in styles.xml */
} S_Style;

typedef struct {
	int id;
	int bullet[S_MAX_LVL];
	int start[S_MAX_LVL];
	char fmt[S_MAX_LVL][16];
} S_Abs;

typedef struct {
	int id, abs;
	int cnt[S_MAX_LVL];
	int used;
} S_Num;

typedef struct {
	Model *m;
	const char *path;
	ZipIn *z;
	int failed;
	S_Style *st;
	size_t n_st, cap_st;
	S_Abs *abs;
	size_t n_abs, cap_abs;
	S_Num *num;
	size_t n_num, cap_num;
} S_D;

typedef struct {
	S_D *d;
	const char *name;
	ZipPart *zp;
	xmlTextReaderPtr rd; /* zp's */
} S_Part;

/* ---- the zip and the XML, through zip_io.c ---- */

static void S_over(S_D *d)
{
	msg_error(&d->m->msgs, d->path, 0, 0,
	          "the document inflates to more than %d MiB of text: a report's text takes a few KiB "
	          "(a damaged file or a zip bomb?); open it in Word or LibreOffice and save it again",
	          DOCXIN_MAX_INFLATED / (1024 * 1024));
	d->failed = 1;
}

/* Words what zip_io found wrong with the document (zip_io.h). */
static void S_report(void *ctx, const ZipInError *e)
{
	S_D *d = ctx;
	if (d->failed) /* the reason already said */
		return;
	Msgs *ms = &d->m->msgs;
	switch (e->fault) {
	case ZIP_IN_OK:
		return;
	case ZIP_IN_NOT_ZIP:
		msg_error(ms, d->path, 0, 0,
		          "this is not a readable Word document (%s): open it in Word or LibreOffice "
		          "and save it again as \"Word Document (*.docx)\"",
		          e->detail);
		break;
	case ZIP_IN_DIRECTORY:
		msg_error(ms, d->path, 0, 0,
		          "this is not a readable Word document (its zip directory does not match its "
		          "entries): open it in Word or LibreOffice and save it again as \"Word Document "
		          "(*.docx)\"");
		break;
	case ZIP_IN_PAST_END:
		msg_error(ms, d->path, 0, 0,
		          "this is not a readable Word document: the zip entry %s runs past the start of "
		          "the zip directory (the file is truncated or damaged); open it in Word or "
		          "LibreOffice and save it again as \"Word Document (*.docx)\"",
		          e->name);
		break;
	case ZIP_IN_NO_LOCAL:
		msg_error(ms, d->path, 0, 0,
		          "this is not a readable Word document: the zip entry %s is not where the zip "
		          "directory puts it (no local header naming it there); open it in Word or "
		          "LibreOffice and save it again as \"Word Document (*.docx)\"",
		          e->name);
		break;
	case ZIP_IN_OVERLAP:
		msg_error(ms, d->path, 0, 0,
		          "this is not a readable Word document: the zip entries %s and %s share bytes (a "
		          "damaged file or a zip bomb); open it in Word or LibreOffice and save it again "
		          "as \"Word Document (*.docx)\"",
		          e->name, e->name2);
		break;
	case ZIP_IN_TWICE:
		msg_error(ms, d->path, 0, 0,
		          "the document holds the part %s twice (under names that differ only in case or "
		          "slashes): the file is damaged; open it in Word or LibreOffice and save it again "
		          "as \"Word Document (*.docx)\"",
		          e->name);
		break;
	case ZIP_IN_MISSING:
		msg_error(ms, d->path, 0, 0,
		          "this zip file is not a Word document (it has no %s); open it in Word or "
		          "LibreOffice and save it as \"Word Document (*.docx)\"",
		          e->name);
		break;
	case ZIP_IN_ENCRYPTED:
		msg_error(ms, d->path, 0, 0,
		          "the document is encrypted (a password is set): remove the password in Word "
		          "or LibreOffice and save it again");
		break;
	case ZIP_IN_TOO_BIG:
		S_over(d);
		break;
	case ZIP_IN_UNREADABLE:
		msg_error(ms, d->path, 0, 0,
		          "cannot read the part %s of the document: %s; open it in Word or LibreOffice and "
		          "save it again",
		          e->name, e->detail);
		break;
	case ZIP_IN_DAMAGED:
		msg_error(ms, d->path, 0, 0,
		          "the part %s of the document is damaged (%s); open it in Word or LibreOffice "
		          "and save it again",
		          e->name, e->detail);
		break;
	case ZIP_IN_DTD:
		msg_error(ms, d->path, 0, 0,
		          "the part %s of the document declares a DTD (<!DOCTYPE>), which no Word "
		          "document has: the file is refused",
		          e->name);
		break;
	case ZIP_IN_BAD_XML:
		msg_error(ms, d->path, 0, 0,
		          "the part %s of the document is not well-formed XML (line %d: %s); open it in "
		          "Word or LibreOffice and save it again",
		          e->name, e->line, e->detail);
		break;
	case ZIP_IN_NO_READER:
		msg_error(ms, d->path, 0, 0, "cannot read the part %s of the document", e->name);
		break;
	}
	d->failed = 1;
}

/* Opens a part; optional: a missing part is no error (returns 1). */
static int S_open(S_D *d, S_Part *p, const char *name, int optional)
{
	p->d = d;
	p->name = name;
	int rc = zip_part_open(d->z, name, optional, &p->zp);
	p->rd = rc ? NULL : zip_part_reader(p->zp);
	return rc;
}

static void S_close(S_Part *p, int rc)
{
	zip_part_close(p->zp, rc);
	p->zp = NULL;
	p->rd = NULL;
}

#define S_next(p) zip_part_next((p)->zp)

static const char *S_local(S_Part *p)
{
	const xmlChar *n = xmlTextReaderConstLocalName(p->rd);
	return n ? (const char *)n : "";
}

static int S_start(S_Part *p, const char *local)
{
	return xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_ELEMENT && !strcmp(S_local(p), local);
}

static int S_end(S_Part *p, const char *local)
{
	return xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_END_ELEMENT && !strcmp(S_local(p), local);
}

/* An attribute by its local name (w:val, r:id); NULL when absent. */
static char *S_attr(S_Part *p, const char *local)
{
	char *v = NULL;
	if (xmlTextReaderMoveToFirstAttribute(p->rd) != 1)
		return NULL;
	do {
		if (!strcmp(S_local(p), local)) {
			const xmlChar *val = xmlTextReaderConstValue(p->rd);
			v = xstrdup(val ? (const char *)val : "");
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(p->rd) == 1);
	xmlTextReaderMoveToElement(p->rd);
	return v;
}

static int S_attr_int(S_Part *p, const char *local, int dflt)
{
	char *v = S_attr(p, local);
	int r = dflt;
	if (v && *v) {
		char *end;
		long l = strtol(v, &end, 10);
		if (!*end && l >= -1000000 && l <= 1000000)
			r = (int)l;
	}
	free(v);
	return r;
}

/* A toggle property (w:b, w:i): on unless w:val says 0, false or off. */
static int S_toggle(S_Part *p)
{
	char *v = S_attr(p, "val");
	int on = !v || !(!strcmp(v, "0") || !strcasecmp(v, "false") || !strcasecmp(v, "off"));
	free(v);
	return on;
}

/* Skips the current element's subtree; *box set when it holds a text
 * box (w:txbxContent, v:textbox).  0 or -1. */
static int S_skip(S_Part *p, int *box)
{
	if (xmlTextReaderIsEmptyElement(p->rd))
		return 0;
	int depth = xmlTextReaderDepth(p->rd), rc;
	while ((rc = S_next(p)) == 1) {
		int t = xmlTextReaderNodeType(p->rd);
		if (t == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(p->rd) == depth)
			return 0;
		if (box && t == XML_READER_TYPE_ELEMENT &&
		    (!strcmp(S_local(p), "txbxContent") || !strcmp(S_local(p), "textbox")))
			*box = 1;
	}
	return -1;
}

/* ---- styles.xml ---- */

/* Styles are sorted by id once read (S_styles): a lookup per paragraph
 * stays a binary search however many styles a hostile file declares. */
static int S_id_cmp(const void *a, const void *b)
{
	return strcmp(((const S_Style *)a)->id, ((const S_Style *)b)->id);
}

static int S_style_cmp(const void *a, const void *b)
{
	const S_Style *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->ord > y->ord) - (x->ord < y->ord);
}

/* A repeated id: the first one in the file counts. */
static S_Style *S_style(S_D *d, const char *id)
{
	if (!id || !d->n_st)
		return NULL;
	S_Style key = {.id = (char *)id};
	S_Style *r = bsearch(&key, d->st, d->n_st, sizeof *d->st, S_id_cmp);
	while (r && r > d->st && !strcmp(r[-1].id, id))
		r--;
	return r;
}

static int S_styles(S_D *d)
{
	S_Part p;
	int rc = S_open(d, &p, "word/styles.xml", 1);
	if (rc)
		return rc > 0 ? 0 : -1;
	S_Style *cur = NULL;
	int in_rpr = 0, in_ppr = 0;
	while ((rc = S_next(&p)) == 1) {
		if (S_start(&p, "style")) {
			d->st = xgrow(d->st, &d->cap_st, d->n_st + 1, sizeof *d->st);
			cur = &d->st[d->n_st];
			memset(cur, 0, sizeof *cur);
			cur->ord = d->n_st++;
			cur->id = S_attr(&p, "styleId");
			if (!cur->id)
				cur->id = xstrdup("");
			char *type = S_attr(&p, "type");
			cur->para = !type || !strcmp(type, "paragraph");
			free(type);
			cur->outline = cur->bold = cur->italic = cur->num_id = cur->ilvl = -1;
			if (xmlTextReaderIsEmptyElement(p.rd))
				cur = NULL;
		} else if (S_end(&p, "style")) {
			cur = NULL;
		} else if (!cur) {
			continue;
		} else if (S_start(&p, "name") && !cur->name) {
			cur->name = S_attr(&p, "val");
		} else if (S_start(&p, "basedOn") && !cur->based) {
			cur->based = S_attr(&p, "val");
		} else if (S_start(&p, "pPr")) {
			in_ppr = !xmlTextReaderIsEmptyElement(p.rd);
		} else if (S_end(&p, "pPr")) {
			in_ppr = 0;
		} else if (S_start(&p, "rPr")) {
			in_rpr = !xmlTextReaderIsEmptyElement(p.rd);
		} else if (S_end(&p, "rPr")) {
			in_rpr = 0;
		} else if (in_ppr && S_start(&p, "outlineLvl")) {
			cur->outline = S_attr_int(&p, "val", -1);
		} else if (in_ppr && S_start(&p, "numId")) {
			cur->num_id = S_attr_int(&p, "val", -1);
		} else if (in_ppr && S_start(&p, "ilvl")) {
			cur->ilvl = S_attr_int(&p, "val", -1);
		} else if (in_rpr && S_start(&p, "b")) {
			cur->bold = S_toggle(&p);
		} else if (in_rpr && S_start(&p, "i")) {
			cur->italic = S_toggle(&p);
		}
	}
	S_close(&p, rc);
	if (d->n_st)
		qsort(d->st, d->n_st, sizeof *d->st, S_style_cmp);
	return rc < 0 ? -1 : 0;
}

/* A heading's level 1..9 from a paragraph style, 0 for none: its outline
 * level or its built-in name, from the style or the ones it is based on. */
static int S_heading(S_D *d, const char *id)
{
	S_Style *s = S_style(d, id);
	for (int k = 0; s && k < S_MAX_CHAIN; k++, s = S_style(d, s->based)) {
		if (s->outline >= 0)
			return s->outline < 9 ? s->outline + 1 : 0;
		if (s->name && !strncasecmp(s->name, "heading ", 8) && s->name[8] >= '1' &&
		    s->name[8] <= '9' && !s->name[9])
			return s->name[8] - '0';
	}
	return 0;
}

/* The list a paragraph style puts its paragraphs in. */
static void S_style_num(S_D *d, const char *id, int *num_id, int *ilvl)
{
	S_Style *s = S_style(d, id);
	for (int k = 0; s && k < S_MAX_CHAIN; k++, s = S_style(d, s->based)) {
		if (*ilvl < 0 && s->ilvl >= 0)
			*ilvl = s->ilvl;
		if (s->num_id >= 0) {
			*num_id = s->num_id;
			break;
		}
	}
}

/* Bold and italic from a style and the ones it is based on. */
static int S_style_bits(S_D *d, const char *id)
{
	int b = -1, i = -1;
	S_Style *s = S_style(d, id);
	for (int k = 0; s && k < S_MAX_CHAIN; k++, s = S_style(d, s->based)) {
		if (b < 0)
			b = s->bold;
		if (i < 0)
			i = s->italic;
	}
	return (b > 0 ? DOC_BOLD : 0) | (i > 0 ? DOC_ITALIC : 0);
}

/* ---- numbering.xml (sorted by id once read) ---- */

static int S_abs_cmp(const void *a, const void *b)
{
	int x = ((const S_Abs *)a)->id, y = ((const S_Abs *)b)->id;
	return (x > y) - (x < y);
}

static int S_num_cmp(const void *a, const void *b)
{
	int x = ((const S_Num *)a)->id, y = ((const S_Num *)b)->id;
	return (x > y) - (x < y);
}


static int S_numbering(S_D *d)
{
	S_Part p;
	int rc = S_open(d, &p, "word/numbering.xml", 1);
	if (rc)
		return rc > 0 ? 0 : -1;
	S_Abs *a = NULL;
	S_Num *n = NULL;
	int lvl = -1;
	while ((rc = S_next(&p)) == 1) {
		if (S_start(&p, "abstractNum")) {
			d->abs = xgrow(d->abs, &d->cap_abs, d->n_abs + 1, sizeof *d->abs);
			a = &d->abs[d->n_abs++];
			memset(a, 0, sizeof *a);
			a->id = S_attr_int(&p, "abstractNumId", -1);
			for (int k = 0; k < S_MAX_LVL; k++)
				a->start[k] = 1;
			n = NULL;
		} else if (S_end(&p, "abstractNum")) {
			a = NULL;
		} else if (a && S_start(&p, "lvl")) {
			lvl = S_attr_int(&p, "ilvl", -1);
		} else if (a && lvl >= 0 && lvl < S_MAX_LVL && S_start(&p, "numFmt")) {
			char *v = S_attr(&p, "val");
			a->bullet[lvl] = v && !strcmp(v, "bullet");
			snprintf(a->fmt[lvl], sizeof a->fmt[lvl], "%s", v ? v : "decimal");
			free(v);
		} else if (a && lvl >= 0 && lvl < S_MAX_LVL && S_start(&p, "start")) {
			a->start[lvl] = S_attr_int(&p, "val", 1);
		} else if (S_start(&p, "num")) {
			d->num = xgrow(d->num, &d->cap_num, d->n_num + 1, sizeof *d->num);
			n = &d->num[d->n_num++];
			memset(n, 0, sizeof *n);
			n->id = S_attr_int(&p, "numId", -1);
			n->abs = -1;
			a = NULL;
		} else if (n && S_start(&p, "abstractNumId")) {
			n->abs = S_attr_int(&p, "val", -1);
		}
	}
	S_close(&p, rc);
	if (d->n_abs)
		qsort(d->abs, d->n_abs, sizeof *d->abs, S_abs_cmp);
	if (d->n_num)
		qsort(d->num, d->n_num, sizeof *d->num, S_num_cmp);
	return rc < 0 ? -1 : 0;
}

static S_Abs *S_abs_of(S_D *d, S_Num *n)
{
	if (!n || !d->n_abs)
		return NULL;
	S_Abs key = {.id = n->abs};
	return bsearch(&key, d->abs, d->n_abs, sizeof *d->abs, S_abs_cmp);
}

/* A list item's marker: "-" for a bullet, else its number in the list. */
static void S_marker(S_D *d, int num_id, int ilvl, char out[24])
{
	S_Num key = {.id = num_id};
	S_Num *n = d->n_num ? bsearch(&key, d->num, d->n_num, sizeof *d->num, S_num_cmp) : NULL;
	S_Abs *a = S_abs_of(d, n);
	if (!n || !a || a->bullet[ilvl]) {
		snprintf(out, 24, "-");
		return;
	}
	if (!n->used) {
		for (int k = 0; k < S_MAX_LVL; k++)
			n->cnt[k] = a->start[k] - 1;
		n->used = 1;
	}
	int v = ++n->cnt[ilvl];
	for (int k = ilvl + 1; k < S_MAX_LVL; k++)
		n->cnt[k] = a->start[k] - 1;
	const char *f = a->fmt[ilvl];
	if ((!strcmp(f, "lowerLetter") || !strcmp(f, "upperLetter")) && v >= 1 && v <= 26)
		snprintf(out, 24, "%c)", (f[0] == 'l' ? 'a' : 'A') + v - 1);
	else
		snprintf(out, 24, "%d.", v);
}

/* ---- document.xml ---- */

enum { S_W_IMAGE = 1, S_W_BOX = 2, S_W_COMMENT = 4, S_W_NOTE = 8, S_W_TRACK = 16, S_W_FIELD = 32 };

typedef struct {
	DocInl inl;
	int span, vcont;
} S_Cell;

typedef struct {
	S_D *d;
	S_Part *p;
	int para_no;      /* paragraphs so far, 1-based: the messages' place */
	/* the open paragraph */
	int in_p, in_ppr, in_rpr, in_r;
	char *pstyle;
	int num_id, ilvl, warned;
	int r_style, r_set_b, r_set_i; /* the run's bold, italic: set bits */
	int p_bits;       /* bold/italic of the paragraph's style */
	DocInl inl;
	/* the outermost open table */
	int tbl_depth;    /* 0: none */
	int in_tc;
	S_Cell *row;      /* cells of the open row */
	size_t n_cell, cap_cell;
	S_Cell **rows;
	size_t *row_n, n_row, cap_row, cap_rown;
	float grid[S_MAX_COL];
	size_t n_grid;
	int row_del;      /* the open row is a tracked deletion */
	int track_row;    /* a tracked row was warned about */
} S_Doc;

static void S_warn(S_Doc *c, int what)
{
	if (c->warned & what)
		return;
	c->warned |= what;
	Msgs *ms = &c->d->m->msgs;
	const char *path = c->d->path;
	int no = c->para_no;
	switch (what) {
	case S_W_IMAGE:
		msg_warn(ms, path, 0, 0, "paragraph %d: an image is not rendered in the report (left out)", no);
		break;
	case S_W_BOX:
		msg_warn(ms, path, 0, 0, "paragraph %d: a text box is not rendered in the report (left out)", no);
		break;
	case S_W_COMMENT:
		msg_warn(ms, path, 0, 0, "paragraph %d: a comment is not rendered in the report (left out)", no);
		break;
	case S_W_NOTE:
		msg_warn(ms, path, 0, 0,
		         "paragraph %d: a footnote or endnote is not rendered in the report (left out)", no);
		break;
	case S_W_TRACK:
		msg_warn(ms, path, 0, 0,
		         "paragraph %d: tracked changes are read as if accepted (insertions kept, deletions "
		         "dropped); accept or reject them in Word to be sure",
		         no);
		break;
	case S_W_FIELD:
		msg_warn(ms, path, 0, 0, "paragraph %d: a field is read as the text it last showed", no);
		break;
	}
}

static void S_add(S_Doc *c, const char *s)
{
	if (!s || !*s)
		return;
	char *nfc = text_nfc(s);
	for (char *q = nfc; *q; q++)
		if (*q == '\n' || *q == '\r' || *q == '\t')
			*q = ' ';
	doc_add(&c->inl, c->r_style, nfc);
	free(nfc);
}

/* src's runs appended to dst, style bits added. */
static void S_inl_append(DocInl *dst, const DocInl *src, int style)
{
	for (size_t i = 0; i < src->n; i++)
		doc_add(dst, src->v[i].style | style, src->v[i].text);
}

/* Inline text trimmed at its ends (Word keeps spaces a paragraph's words
 * do not need). */
static void S_trim(DocInl *p)
{
	while (p->n) {
		char *t = p->v[0].text;
		size_t k = strspn(t, " ");
		memmove(t, t + k, strlen(t + k) + 1);
		if (*t)
			break;
		free(t);
		memmove(p->v, p->v + 1, (p->n - 1) * sizeof *p->v);
		p->n--;
	}
	while (p->n) {
		char *t = p->v[p->n - 1].text;
		size_t len = strlen(t);
		while (len && t[len - 1] == ' ')
			t[--len] = '\0';
		if (len)
			break;
		free(t);
		p->n--;
	}
}

/* A paragraph ends: a block of the report, or text of the open cell. */
static void S_p_end(S_Doc *c)
{
	S_D *d = c->d;
	S_trim(&c->inl);
	if (c->in_tc && c->n_cell) {
		DocInl *cell = &c->row[c->n_cell - 1].inl;
		if (cell->n && c->inl.n)
			doc_add(cell, 0, " ");
		for (size_t i = 0; i < c->inl.n; i++)
			doc_add(cell, c->inl.v[i].style, c->inl.v[i].text);
	} else if (c->inl.n) {
		int h = c->pstyle ? S_heading(d, c->pstyle) : 0;
		int num_id = c->num_id, ilvl = c->ilvl;
		if (num_id < 0 && c->pstyle)
			S_style_num(d, c->pstyle, &num_id, &ilvl);
		if (ilvl < 0 || ilvl >= S_MAX_LVL)
			ilvl = 0;
		DocBlock b;
		char mk[24];
		if (h >= 1 && h <= 3) {
			doc_block_init(&b, DOC_HEADING);
			b.level = h <= 2 ? 1 : 2;
			/* a heading's text is its words: the report styles it */
			for (size_t i = 0; i < c->inl.n; i++)
				doc_add(&b.inl, 0, c->inl.v[i].text);
		} else if (h > 3) {
			doc_block_init(&b, DOC_PARA);
			for (size_t i = 0; i < c->inl.n; i++)
				doc_add(&b.inl, DOC_BOLD | c->inl.v[i].style, c->inl.v[i].text);
		} else if (num_id > 0) {
			doc_block_init(&b, DOC_ITEM);
			b.level = ilvl + 1;
			S_marker(d, num_id, ilvl, mk);
			b.line[0] = mk;
			S_inl_append(&b.inl, &c->inl, 0);
		} else {
			doc_block_init(&b, DOC_PARA);
			S_inl_append(&b.inl, &c->inl, 0);
		}
		doc_list_add(&d->m->noi_dung, &b);
		doc_block_release(&b);
	}
	doc_inl_release(&c->inl);
	free(c->pstyle);
	c->pstyle = NULL;
	c->in_p = 0;
}

static void S_p_start(S_Doc *c)
{
	c->para_no++;
	c->in_p = 1;
	c->num_id = c->ilvl = -1;
	c->warned = 0;
	c->p_bits = 0;
	free(c->pstyle);
	c->pstyle = NULL;
	doc_inl_release(&c->inl);
}

/* ---- tables ---- */

static void S_row_end(S_Doc *c)
{
	if (c->row_del) {
		for (size_t k = 0; k < c->n_cell; k++)
			doc_inl_release(&c->row[k].inl);
		c->n_cell = 0;
		c->row_del = 0;
		return;
	}
	c->rows = xgrow(c->rows, &c->cap_row, c->n_row + 1, sizeof *c->rows);
	c->row_n = xgrow(c->row_n, &c->cap_rown, c->n_row + 1, sizeof *c->row_n);
	c->rows[c->n_row] = c->row;
	c->row_n[c->n_row] = c->n_cell;
	c->n_row++;
	c->row = NULL;
	c->n_cell = c->cap_cell = 0;
}

/* The held table as blocks: the first row the header, a merged cell's
 * text in its first slot, the slots it covers empty. */
static void S_table_end(S_Doc *c)
{
	size_t n_col = 0;
	for (size_t r = 0; r < c->n_row; r++) {
		size_t w = 0;
		for (size_t k = 0; k < c->row_n[r]; k++)
			w += (size_t)(c->rows[r][k].span > 0 ? c->rows[r][k].span : 1);
		if (w > n_col)
			n_col = w;
	}
	if (n_col > S_MAX_COL) {
		msg_warn(&c->d->m->msgs, c->d->path, 0, 0,
		         "paragraph %d: a table of more than %d columns is cut to its first %d", c->para_no,
		         S_MAX_COL, S_MAX_COL);
		n_col = S_MAX_COL;
	}
	if (n_col && c->n_row) {
		float w[S_MAX_COL];
		for (size_t k = 0; k < n_col; k++)
			w[k] = c->n_grid == n_col && c->grid[k] > 0 ? c->grid[k] : 1;
		DocCell *cells = xcalloc(n_col, sizeof *cells);
		for (size_t r = 0; r < c->n_row; r++) {
			size_t slot = 0;
			for (size_t k = 0; k < n_col; k++) {
				doc_inl_init(&cells[k].inl);
				cells[k].colspan = cells[k].rowspan = 1;
				cells[k].align = r == 0 ? DOC_AL_CENTER : DOC_AL_LEFT;
			}
			for (size_t k = 0; k < c->row_n[r] && slot < n_col; k++) {
				S_Cell *sc = &c->rows[r][k];
				if (!sc->vcont)
					for (size_t i = 0; i < sc->inl.n; i++)
						doc_add(&cells[slot].inl, sc->inl.v[i].style | (r == 0 ? DOC_BOLD : 0),
						        sc->inl.v[i].text);
				slot += (size_t)(sc->span > 0 ? sc->span : 1);
			}
			DocBlock b;
			if (r == 0) {
				doc_block_init(&b, DOC_TABLE);
				b.width = w;
				b.head = cells;
				b.n_head = 1;
			} else {
				doc_block_init(&b, DOC_ROW);
				b.cell = cells;
			}
			b.n_col = n_col;
			doc_list_add(&c->d->m->noi_dung, &b);
			doc_block_release(&b);
			for (size_t k = 0; k < n_col; k++)
				doc_inl_release(&cells[k].inl);
		}
		free(cells);
		DocBlock e;
		doc_block_init(&e, DOC_TABLE_END);
		doc_list_add(&c->d->m->noi_dung, &e);
		doc_block_release(&e);
	}
	for (size_t r = 0; r < c->n_row; r++) {
		for (size_t k = 0; k < c->row_n[r]; k++)
			doc_inl_release(&c->rows[r][k].inl);
		free(c->rows[r]);
	}
	c->n_row = 0;
	c->n_grid = 0;
}

static void S_doc_free(S_Doc *c)
{
	doc_inl_release(&c->inl);
	free(c->pstyle);
	for (size_t k = 0; k < c->n_cell; k++)
		doc_inl_release(&c->row[k].inl);
	free(c->row);
	for (size_t r = 0; r < c->n_row; r++) {
		for (size_t k = 0; k < c->row_n[r]; k++)
			doc_inl_release(&c->rows[r][k].inl);
		free(c->rows[r]);
	}
	free(c->rows);
	free(c->row_n);
}

/* The main document part's name, from the package's relationships. */
static char *S_main_part(S_D *d)
{
	S_Part p;
	char *name = NULL;
	if (S_open(d, &p, "_rels/.rels", 1) == 0) {
		int rc;
		while ((rc = S_next(&p)) == 1)
			if (S_start(&p, "Relationship") && !name) {
				char *type = S_attr(&p, "Type");
				size_t tl = type ? strlen(type) : 0;
				if (tl >= 15 && !strcmp(type + tl - 15, "/officeDocument")) {
					char *t = S_attr(&p, "Target");
					if (t && *t && !strstr(t, "..") && !strchr(t, ':'))
						name = xstrdup(t[0] == '/' ? t + 1 : t);
					free(t);
				}
				free(type);
			}
		S_close(&p, rc);
	}
	return name ? name : xstrdup("word/document.xml");
}

static int S_document(S_D *d)
{
	char *main = S_main_part(d);
	if (d->failed) {
		free(main);
		return -1;
	}
	S_Part p;
	int rc = S_open(d, &p, main, 0);
	if (rc) {
		free(main);
		return -1;
	}
	S_Doc c;
	memset(&c, 0, sizeof c);
	c.d = d;
	c.p = &p;
	doc_inl_init(&c.inl);
	int tbl = 0; /* tables open, nested ones counted */
	while ((rc = S_next(&p)) == 1) {
		int type = xmlTextReaderNodeType(p.rd);
		if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT &&
		    type != XML_READER_TYPE_TEXT && type != XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
			continue;
		const char *n = S_local(&p);
		int empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(p.rd);
		if (type == XML_READER_TYPE_ELEMENT) {
			size_t nl = strlen(n);
			if (nl > 6 && !strcmp(n + nl - 6, "Change")) {
				/* pPrChange, rPrChange, tcPrChange, …: the properties
				 * before a tracked change, which is read as accepted */
				if (c.in_p)
					S_warn(&c, S_W_TRACK);
				if (S_skip(&p, NULL)) {
					rc = -1;
					break;
				}
				continue;
			}
			if (tbl == 1 && !c.in_p && !c.in_tc && (!strcmp(n, "del") || !strcmp(n, "ins"))) {
				/* a row's tracked insertion or deletion (in its w:trPr) */
				if (!c.track_row)
					msg_warn(&d->m->msgs, d->path, 0, 0,
					         "paragraph %d: a table's tracked rows are read as if accepted "
					         "(inserted rows kept, deleted rows dropped)",
					         c.para_no + 1); /* the row's first paragraph */
				c.track_row = 1;
				c.row_del |= !strcmp(n, "del");
				continue;
			}
			if (!strcmp(n, "p")) {
				S_p_start(&c);
				if (empty)
					S_p_end(&c);
			} else if (!strcmp(n, "tbl")) {
				if (c.in_p) /* a table inside a paragraph is not WordprocessingML */
					S_p_end(&c);
				if (++tbl == 1) {
					c.tbl_depth = xmlTextReaderDepth(p.rd);
					c.n_row = 0;
				}
			} else if (tbl == 1 && !strcmp(n, "gridCol") && c.n_grid < S_MAX_COL) {
				c.grid[c.n_grid++] = (float)S_attr_int(&p, "w", 0);
			} else if (tbl == 1 && !strcmp(n, "tr")) {
				c.n_cell = 0;
				c.row_del = 0;
				if (empty)
					S_row_end(&c);
			} else if (tbl == 1 && !strcmp(n, "tc")) {
				c.row = xgrow(c.row, &c.cap_cell, c.n_cell + 1, sizeof *c.row);
				S_Cell *sc = &c.row[c.n_cell++];
				memset(sc, 0, sizeof *sc);
				doc_inl_init(&sc->inl);
				sc->span = 1;
				c.in_tc = !empty;
			} else if (tbl == 1 && c.in_tc && !c.in_p && !strcmp(n, "gridSpan") && c.n_cell) {
				int s = S_attr_int(&p, "val", 1);
				c.row[c.n_cell - 1].span = s >= 1 && s <= S_MAX_COL ? s : 1;
			} else if (tbl == 1 && c.in_tc && !c.in_p && !strcmp(n, "vMerge") && c.n_cell) {
				char *v = S_attr(&p, "val");
				c.row[c.n_cell - 1].vcont = !v || strcmp(v, "restart");
				free(v);
			} else if (!c.in_p) {
				continue;
			} else if (!strcmp(n, "pPr")) {
				c.in_ppr = !empty;
			} else if (c.in_ppr && !strcmp(n, "pStyle")) {
				free(c.pstyle);
				c.pstyle = S_attr(&p, "val");
				if (c.pstyle && !S_style(d, c.pstyle)) {
					msg_warn(&d->m->msgs, d->path, 0, 0,
					         "paragraph %d: the style '%s' is not in the document's styles: read as "
					         "a paragraph",
					         c.para_no, c.pstyle);
					free(c.pstyle);
					c.pstyle = NULL;
				}
				c.p_bits = c.pstyle && !S_heading(d, c.pstyle) ? S_style_bits(d, c.pstyle) : 0;
			} else if (c.in_ppr && !strcmp(n, "numId")) {
				c.num_id = S_attr_int(&p, "val", -1);
			} else if (c.in_ppr && !strcmp(n, "ilvl")) {
				c.ilvl = S_attr_int(&p, "val", -1);
			} else if (c.in_ppr) {
				/* the paragraph mark's run properties, its section: not text */
				if (!strcmp(n, "rPr") || !strcmp(n, "sectPr")) {
					if (S_skip(&p, NULL)) {
						rc = -1;
						break;
					}
				}
			} else if (!strcmp(n, "r")) {
				c.in_r = !empty;
				c.r_style = c.p_bits;
			} else if (!strcmp(n, "rPr")) {
				c.in_rpr = !empty;
			} else if (c.in_rpr && !strcmp(n, "rStyle")) {
				char *v = S_attr(&p, "val");
				c.r_style |= S_style_bits(d, v);
				free(v);
			} else if (c.in_rpr && !strcmp(n, "b")) {
				c.r_style = S_toggle(&p) ? c.r_style | DOC_BOLD : c.r_style & ~DOC_BOLD;
			} else if (c.in_rpr && !strcmp(n, "i")) {
				c.r_style = S_toggle(&p) ? c.r_style | DOC_ITALIC : c.r_style & ~DOC_ITALIC;
			} else if (c.in_rpr) {
				/* rPrChange (a tracked format change) and the rest: no text */
				if (S_skip(&p, NULL)) {
					rc = -1;
					break;
				}
			} else if (!strcmp(n, "t") && c.in_r && !empty) {
				/* its text node follows */
			} else if (!strcmp(n, "tab") || !strcmp(n, "br") || !strcmp(n, "cr")) {
				doc_add(&c.inl, c.r_style, " ");
			} else if (!strcmp(n, "noBreakHyphen")) {
				doc_add(&c.inl, c.r_style, "-");
			} else if (!strcmp(n, "del") || !strcmp(n, "moveFrom")) {
				S_warn(&c, S_W_TRACK);
				if (S_skip(&p, NULL)) {
					rc = -1;
					break;
				}
			} else if (!strcmp(n, "ins") || !strcmp(n, "moveTo")) {
				S_warn(&c, S_W_TRACK);
			} else if (!strcmp(n, "instrText") || !strcmp(n, "delText") || !strcmp(n, "delInstrText")) {
				if (S_skip(&p, NULL)) {
					rc = -1;
					break;
				}
			} else if (!strcmp(n, "fldSimple") || !strcmp(n, "fldChar")) {
				S_warn(&c, S_W_FIELD);
			} else if (!strcmp(n, "drawing") || !strcmp(n, "pict") || !strcmp(n, "object") ||
			           !strcmp(n, "AlternateContent")) {
				int box = 0;
				if (S_skip(&p, &box)) {
					rc = -1;
					break;
				}
				S_warn(&c, box ? S_W_BOX : S_W_IMAGE);
			} else if (!strcmp(n, "commentReference") || !strcmp(n, "commentRangeStart")) {
				S_warn(&c, S_W_COMMENT);
			} else if (!strcmp(n, "footnoteReference") || !strcmp(n, "endnoteReference")) {
				S_warn(&c, S_W_NOTE);
			}
			continue;
		}
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (!strcmp(n, "p") && c.in_p)
				S_p_end(&c);
			else if (!strcmp(n, "pPr"))
				c.in_ppr = 0;
			else if (!strcmp(n, "rPr"))
				c.in_rpr = 0;
			else if (!strcmp(n, "r"))
				c.in_r = 0;
			else if (!strcmp(n, "tc") && tbl == 1)
				c.in_tc = 0;
			else if (!strcmp(n, "tr") && tbl == 1)
				S_row_end(&c);
			else if (!strcmp(n, "tbl") && tbl > 0 && --tbl == 0)
				S_table_end(&c);
			continue;
		}
		/* text: a w:t's (instrText and delText were skipped) */
		if (c.in_p && c.in_r) {
			const xmlChar *v = xmlTextReaderConstValue(p.rd);
			S_add(&c, (const char *)v);
		}
	}
	S_close(&p, rc);
	S_doc_free(&c);
	free(main);
	return rc < 0 ? -1 : 0;
}

/* ---- the file ---- */

static int S_has(const unsigned char *b, size_t n, const char *ascii)
{
	/* a name in an OLE directory: UTF-16LE */
	size_t k = strlen(ascii);
	for (size_t i = 0; i + 2 * k <= n; i++) {
		size_t j = 0;
		while (j < k && b[i + 2 * j] == (unsigned char)ascii[j] && b[i + 2 * j + 1] == 0)
			j++;
		if (j == k)
			return 1;
	}
	return 0;
}

static void S_release(S_D *d)
{
	zip_in_free(d->z);
	for (size_t i = 0; i < d->n_st; i++) {
		free(d->st[i].id);
		free(d->st[i].name);
		free(d->st[i].based);
	}
	free(d->st);
	free(d->abs);
	free(d->num);
}

int docxin_noi_dung(Model *m, const char *path, const void *data, size_t n)
{
	S_D d;
	memset(&d, 0, sizeof d);
	d.m = m;
	d.path = path;
	const unsigned char *b = data;
	Msgs *ms = &m->msgs;
	size_t before = m->noi_dung.n;
	if (n >= 8 && !memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
		if (S_has(b, n, "EncryptedPackage"))
			msg_error(ms, path, 0, 0,
			          "the document is encrypted (a password is set): remove the password in Word "
			          "or LibreOffice and save it again as \"Word Document (*.docx)\"");
		else
			msg_error(ms, path, 0, 0,
			          "this is a Word 97-2003 document (.doc), not a .docx: open it in Word or "
			          "LibreOffice and save it as \"Word Document (*.docx)\"");
		d.failed = 1;
	} else if (n >= 5 && !memcmp(b, "{\\rtf", 5)) {
		msg_error(ms, path, 0, 0,
		          "this is an RTF file, not a .docx: open it in Word or LibreOffice and save it as "
		          "\"Word Document (*.docx)\"");
		d.failed = 1;
	} else if (n < 4 || memcmp(b, "PK", 2)) {
		msg_error(ms, path, 0, 0,
		          "this is not a Word document (a .docx file is a zip archive): open it in Word or "
		          "LibreOffice and save it as \"Word Document (*.docx)\"");
		d.failed = 1;
	} else {
		d.z = zip_in_open(data, n, DOCXIN_MAX_INFLATED, S_report, &d);
	}
	if (!d.failed && !S_styles(&d) && !S_numbering(&d))
		S_document(&d);
	S_release(&d);
	if (d.failed) {
		/* nothing of a refused file is kept */
		if (m->noi_dung.n > before) {
			DocList keep;
			doc_list_init(&keep);
			for (size_t i = 0; i < before; i++)
				doc_list_add(&keep, &m->noi_dung.v[i].b);
			doc_list_release(&m->noi_dung);
			m->noi_dung = keep;
		}
		return -1;
	}
	return 0;
}
