/* SPDX-License-Identifier: MIT */
/* gfm: cmark-gfm for the site's HTML and for noi-dung.md (gfm.h). */
#include "gfm.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "text.h"
#include "xalloc.h"

static cmark_parser *S_parser(void)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_syntax_extension *table = cmark_find_syntax_extension("table");
	if (table)
		cmark_parser_attach_syntax_extension(p, table);
	return p;
}

char *gfm_html(const char *md, size_t len)
{
	cmark_parser *p = S_parser();
	cmark_parser_feed(p, md, len);
	cmark_node *doc = cmark_parser_finish(p);
	char *out = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(p));
	cmark_node_free(doc);
	cmark_parser_free(p);
	return out;
}

void gfm_free(char *html)
{
	cmark_get_default_mem_allocator()->free(html);
}

/* ---- noi-dung.md ---- */

typedef struct {
	Model *m;
	const char *path;
	DocList *out;
	const char *src;  /* the file's text, for columns in characters */
	size_t len;
} S_Nd;

/* A problem at node n: cmark counts columns in bytes, the clerk's editor
 * in characters. */
#define S_warn_at(c, n, ...)                                                    \
	do {                                                                     \
		int line_, col_;                                                     \
		S_at(c, n, &line_, &col_);                                           \
		msg_warn(&(c)->m->msgs, (c)->path, line_, col_, __VA_ARGS__);        \
	} while (0)

static void S_at(S_Nd *c, cmark_node *n, int *pline, int *pcol)
{
	int line = cmark_node_get_start_line(n), bcol = cmark_node_get_start_column(n);
	size_t at = 0;
	for (int l = 1; l < line && at < c->len; at++)
		l += c->src[at] == '\n';
	int col = 1;
	for (size_t i = at; i < c->len && i < at + (size_t)(bcol > 0 ? bcol - 1 : 0); i++)
		col += ((unsigned char)c->src[i] & 0xC0) != 0x80;
	*pline = line;
	*pcol = col;
}

static int S_is(cmark_node *n, const char *type)
{
	const char *t = cmark_node_get_type_string(n);
	return t && strcmp(t, type) == 0;
}

static void S_add_text(DocInl *p, int style, const char *s)
{
	if (!s || !*s)
		return;
	char *nfc = text_nfc(s);
	/* newlines inside a paragraph's text are spaces */
	for (char *q = nfc; *q; q++)
		if (*q == '\n' || *q == '\r' || *q == '\t')
			*q = ' ';
	doc_add(p, style, nfc);
	free(nfc);
}

/* An HTML comment is the clerk's note to self, not text for the report:
 * dropped without a warning. */
static int S_comment(cmark_node *n)
{
	const char *s = cmark_node_get_literal(n);
	if (!s)
		return 0;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t len = strlen(s);
	while (len && strchr(" \t\r\n", s[len - 1]))
		len--;
	return len >= 7 && !strncmp(s, "<!--", 4) && !strncmp(s + len - 3, "-->", 3);
}

/* The inline content of n into p, style the emphasis around it. */
static void S_inlines(S_Nd *c, cmark_node *n, int style, DocInl *p)
{
	for (cmark_node *k = cmark_node_first_child(n); k; k = cmark_node_next(k)) {
		switch (cmark_node_get_type(k)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			S_add_text(p, style, cmark_node_get_literal(k));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			doc_add(p, style, " ");
			break;
		case CMARK_NODE_EMPH:
			S_inlines(c, k, style | DOC_ITALIC, p);
			break;
		case CMARK_NODE_STRONG:
			S_inlines(c, k, style | DOC_BOLD, p);
			break;
		case CMARK_NODE_LINK:
			/* the words, not the address: the paper has no links */
			S_inlines(c, k, style, p);
			break;
		case CMARK_NODE_IMAGE:
			S_warn_at(c, k, "an image is not rendered in the report (left out)");
			break;
		case CMARK_NODE_HTML_INLINE:
			if (S_comment(k))
				break;
			S_warn_at(c, k, "raw HTML is not rendered in the report (left out)");
			break;
		default:
			S_inlines(c, k, style, p);
		}
	}
}

static void S_blocks(S_Nd *c, cmark_node *parent, int level);

static void S_para(S_Nd *c, cmark_node *n, int style, int flags)
{
	DocBlock b;
	doc_block_init(&b, DOC_PARA);
	b.flags = flags;
	S_inlines(c, n, style, &b.inl);
	if (b.inl.n)
		doc_list_add(c->out, &b);
	doc_block_release(&b);
}

static void S_list(S_Nd *c, cmark_node *list, int level)
{
	int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int no = cmark_node_get_list_start(list);
	const char *delim = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ")" : ".";
	for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it), no++) {
		DocBlock b;
		doc_block_init(&b, DOC_ITEM);
		b.level = level;
		char mk[24];
		if (ordered)
			snprintf(mk, sizeof mk, "%d%s", no, delim);
		else
			snprintf(mk, sizeof mk, "-");
		b.line[0] = mk;
		/* the item's own paragraphs make its text; a list inside it
		 * follows, one level deeper */
		cmark_node *k = cmark_node_first_child(it);
		for (; k && cmark_node_get_type(k) == CMARK_NODE_PARAGRAPH; k = cmark_node_next(k)) {
			if (b.inl.n)
				doc_add(&b.inl, 0, " ");
			S_inlines(c, k, 0, &b.inl);
		}
		doc_list_add(c->out, &b);
		doc_block_release(&b);
		for (; k; k = cmark_node_next(k)) {
			if (cmark_node_get_type(k) == CMARK_NODE_LIST)
				S_list(c, k, level + 1);
			else
				S_blocks(c, k, level + 1);
		}
	}
}

static void S_table(S_Nd *c, cmark_node *t)
{
	size_t n_col = cmark_gfm_extensions_get_table_columns(t);
	if (!n_col)
		return;
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(t);
	/* widths from the cells' lengths, so a long column gets the room;
	 * each at least a fifth of the mean, so none is squeezed to nothing */
	float *w = xcalloc(n_col, sizeof *w);
	size_t n_row = 0;
	for (cmark_node *r = cmark_node_first_child(t); r; r = cmark_node_next(r), n_row++) {
		size_t k = 0;
		for (cmark_node *cell = cmark_node_first_child(r); cell && k < n_col;
		     cell = cmark_node_next(cell), k++) {
			DocInl p;
			doc_inl_init(&p);
			S_inlines(c, cell, 0, &p);
			Buf s;
			buf_init(&s);
			doc_inl_text(&p, &s);
			float len = (float)text_length(s.ptr);
			/* a long cell wraps: its width counts as a line's worth */
			if (len > 60)
				len = 60;
			if (len > w[k])
				w[k] = len;
			buf_release(&s);
			doc_inl_release(&p);
		}
	}
	float mean = 0;
	for (size_t k = 0; k < n_col; k++)
		mean += w[k] / (float)n_col;
	for (size_t k = 0; k < n_col; k++)
		if (w[k] < mean / 5 + 1)
			w[k] = mean / 5 + 1;
	DocCell *row = xcalloc(n_col, sizeof *row);
	int head_done = 0;
	for (cmark_node *r = cmark_node_first_child(t); r; r = cmark_node_next(r)) {
		size_t k = 0;
		int is_head = cmark_gfm_extensions_get_table_row_is_header(r);
		for (size_t i = 0; i < n_col; i++) {
			doc_inl_release(&row[i].inl);
			doc_inl_init(&row[i].inl);
			row[i].colspan = row[i].rowspan = 1;
			row[i].align = al && al[i] == 'c'   ? DOC_AL_CENTER
			               : al && al[i] == 'r' ? DOC_AL_RIGHT
			                                    : DOC_AL_LEFT;
			if (is_head)
				row[i].align = DOC_AL_CENTER;
		}
		for (cmark_node *cell = cmark_node_first_child(r); cell && k < n_col;
		     cell = cmark_node_next(cell), k++)
			S_inlines(c, cell, is_head ? DOC_BOLD : 0, &row[k].inl);
		DocBlock b;
		if (is_head && !head_done) {
			doc_block_init(&b, DOC_TABLE);
			b.n_col = n_col;
			b.width = w;
			b.head = row;
			b.n_head = 1;
			head_done = 1;
		} else {
			doc_block_init(&b, DOC_ROW);
			b.n_col = n_col;
			b.cell = row;
		}
		doc_list_add(c->out, &b);
		doc_block_release(&b);
	}
	DocBlock e;
	doc_block_init(&e, DOC_TABLE_END);
	doc_list_add(c->out, &e);
	doc_block_release(&e);
	for (size_t i = 0; i < n_col; i++)
		doc_inl_release(&row[i].inl);
	free(row);
	free(w);
}

static void S_blocks(S_Nd *c, cmark_node *n, int level)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_DOCUMENT:
	case CMARK_NODE_BLOCK_QUOTE:
		for (cmark_node *k = cmark_node_first_child(n); k; k = cmark_node_next(k))
			S_blocks(c, k, level);
		break;
	case CMARK_NODE_HEADING: {
		int h = cmark_node_get_heading_level(n);
		if (h > 3) {
			/* deeper than the report numbers: a bold paragraph */
			S_para(c, n, DOC_BOLD, 0);
			break;
		}
		DocBlock b;
		doc_block_init(&b, DOC_HEADING);
		b.level = h <= 2 ? 1 : 2;
		S_inlines(c, n, 0, &b.inl);
		doc_list_add(c->out, &b);
		doc_block_release(&b);
		break;
	}
	case CMARK_NODE_PARAGRAPH:
		S_para(c, n, 0, 0);
		break;
	case CMARK_NODE_LIST:
		S_list(c, n, level < 1 ? 1 : level);
		break;
	case CMARK_NODE_CODE_BLOCK: {
		DocBlock b;
		doc_block_init(&b, DOC_PARA);
		b.flags = DOC_F_NOINDENT;
		S_add_text(&b.inl, 0, cmark_node_get_literal(n));
		if (b.inl.n)
			doc_list_add(c->out, &b);
		doc_block_release(&b);
		break;
	}
	case CMARK_NODE_HTML_BLOCK:
		if (S_comment(n))
			break;
		S_warn_at(c, n, "raw HTML is not rendered in the report (left out)");
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		break;
	default:
		if (S_is(n, "table"))
			S_table(c, n);
	}
}

/* Line and column (in characters) of byte off. */
static void S_pos(const char *s, size_t off, int *line, int *col)
{
	*line = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	int k = 1;
	for (size_t i = start; i < off; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	*col = k;
}

int gfm_noi_dung(Model *m, const char *path, const char *bytes, size_t len)
{
	size_t bom = len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3) ? 3 : 0;
	bytes += bom;
	len -= bom;
	size_t bad;
	const char *nul = memchr(bytes, '\0', len);
	if (!text_utf8_valid(bytes, len, &bad) || nul) {
		if (nul && (size_t)(nul - bytes) < (text_utf8_valid(bytes, len, &bad) ? len : bad))
			bad = (size_t)(nul - bytes);
		int line, col;
		S_pos(bytes, bad, &line, &col);
		if (line == 1)
			col += bom != 0;
		if (bytes[bad])
			msg_error(&m->msgs, path, line, col,
			          "invalid UTF-8 at byte %zu: this is not UTF-8 text; save the file as UTF-8",
			          bom + bad + 1);
		else
			msg_error(&m->msgs, path, line, col,
			          "NUL byte at byte %zu: this is not UTF-8 text; save the file as UTF-8",
			          bom + bad + 1);
		return -1;
	}
	cmark_parser *p = S_parser();
	cmark_parser_feed(p, bytes, len);
	cmark_node *doc = cmark_parser_finish(p);
	S_Nd c = {m, path, &m->noi_dung, bytes, len};
	S_blocks(&c, doc, 0);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return 0;
}
