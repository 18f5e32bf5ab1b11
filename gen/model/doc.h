/* SPDX-License-Identifier: MIT */
/* doc: a document as a stream of blocks: the quarterly report, the
 * urging dispatch, the scorecards, each page of the site.
 *
 * What a document says is decided once, by its builder (bao_cao.c,
 * cong_van.c, scorecard.c, trang.c and its kin), which emits the blocks
 * in reading order to a writer; the writers (doc_md.c, GFM Markdown, which
 * the site renders with cmark-gfm; doc_pdf.c, the PDF over layout.c;
 * doc_docx.c; card_pdf.c) only decide how each block looks: no sentence,
 * number or list of units is composed in a writer (mandoc's one tree,
 * many devices; here the tree is walked as it is made, so a table of
 * 10,000 units is never whole in memory: a table is a DOC_TABLE block,
 * then one DOC_ROW per row, then DOC_TABLE_END).
 *
 * A block handed to a writer is borrowed for the call only.  DocList keeps
 * owned copies (the clerk's noi-dung.md in the model, a writer's
 * look-ahead).  This header is below the model: it knows no Model. */
#ifndef CHITIEU_DOC_H
#define CHITIEU_DOC_H
#include <stddef.h>

#include "buf.h"

/* Inline style bits of a run. */
enum { DOC_BOLD = 1, DOC_ITALIC = 2 };

/* A run may lead somewhere (href: a link relative to the document; a
 * writer without links prints the text only) or be a picture (img: a
 * chart's stem, "chi-tieu-3", which the writer places as its figures;
 * text is then its alt text, and href, when set, what it leads to). */
typedef struct {
	char *text;  /* owned; plain text, never markup */
	int style;   /* DOC_BOLD | DOC_ITALIC */
	char *href;  /* owned; NULL: plain text */
	char *img;   /* owned; NULL: text */
} DocRun;

/* A paragraph's text: runs of styled text. */
typedef struct {
	DocRun *v;
	size_t n, cap;
} DocInl;

void doc_inl_init(DocInl *p);
void doc_inl_release(DocInl *p);
/* Appends a run (s copied; nothing when s is empty; joins the last run
 * when it has the same style). */
void doc_add(DocInl *p, int style, const char *s);
/* Appends a link: text leading to href (both copied; nothing when text
 * is empty).  Never joined with a neighbour. */
void doc_add_link(DocInl *p, int style, const char *text, const char *href);
/* Appends the picture of chart stem, with its alt text, leading to href
 * (NULL: nowhere). */
void doc_add_image(DocInl *p, const char *alt, const char *stem, const char *href);
/* Appends b's text as a run and empties b. */
void doc_add_buf(DocInl *p, int style, Buf *b);
/* The runs' text without styles, appended to out. */
void doc_inl_text(const DocInl *p, Buf *out);

typedef enum { DOC_AL_LEFT, DOC_AL_CENTER, DOC_AL_RIGHT } DocAlign;

/* A table cell.  A slot covered by a span above or to the left has
 * covered = 1; its text (may be NULL) is what a writer that cannot merge
 * cells prints there instead ("Như trên (…)"). */
typedef struct {
	DocInl inl;
	int colspan, rowspan; /* >= 1; covered slots: 0 */
	int covered;
	DocAlign align;
	int tone;             /* DOC_TONE_*; 0 by default */
} DocCell;

typedef enum {
	DOC_META,       /* first: the document's title, subject, author, keywords, running head */
	DOC_HEADER,     /* the decree's header block (line[0..5], see below) */
	DOC_TITLE,      /* "BÁO CÁO" (line[0]) and the summary line (inl); note in line[1] */
	DOC_KINH_GUI,   /* "Kính gửi:" (line[0]) and the addressees (item, n_item), punctuated,
	                   without the dash (a writer draws one before each of several) */
	DOC_HEADING,    /* level 1 "I. …" (upper case), 2 "1. …", 3 a bold run-in line;
	                   on a site page: 1 a section, 2 a subsection (its title is
	                   the page's DOC_TITLE) */
	DOC_PARA,       /* a justified paragraph with a first-line indent */
	DOC_ITEM,       /* a list item: marker ("-", "1.") in line[0], level in level */
	DOC_TABLE,      /* a table starts: n_col, width[], head rows (head, n_head),
	                   col_align[] */
	DOC_ROW,        /* a body row of the open table: cell[0..n_col) */
	DOC_TABLE_END,
	DOC_FIGURE,     /* a chart: stem in line[0] ("chi-tieu-3"), alt text in inl,
	                   also its caption unless DOC_F_ALT; fig_w, fig_min_w its
	                   width (see DocBlock) */
	DOC_SIGNATURE,  /* "Nơi nhận" items (item, n_item) and the signer's lines (line[0..4]) */
	DOC_MAIN_END,   /* the signed document ends; appendices follow */
	DOC_APPENDIX,   /* an appendix starts on a new page: "Phụ lục I" (line[0]), its
	                   title (line[1]), the "(Kèm theo …)" line (line[2]) */
	DOC_COLOPHON,   /* small print at the end (inl) */
	DOC_END,
	/* Added for documents drawn a page at a time (the scorecards, whose
	 * writer is card_pdf.h); other writers may ignore it. */
	DOC_PAGE        /* a page starts (DOC_F_LANDSCAPE: landscape); with DOC_F_FIT the
	                   blocks up to the next DOC_PAGE or DOC_END are one page, see below */
} DocKind;

/* Paragraph flags. */
enum {
	DOC_F_CENTER = 1,   /* centred, no indent */
	DOC_F_NOINDENT = 2, /* flush left */
	DOC_F_SCREEN = 4,   /* for the screen only (bao-cao.md, the site): the PDF skips it */
	DOC_F_LANDSCAPE = 8, /* DOC_APPENDIX, DOC_PAGE: its pages are landscape */
	/* One-page documents (DOC_PAGE with DOC_F_FIT).  The page's blocks are
	 * drawn on that page and never past it; when they do not fit, the
	 * writer gives way in this order: the blocks flagged DOC_F_YIELD are
	 * left out and those flagged DOC_F_INSTEAD (what to say in their
	 * place, e.g. where the notes are) are drawn; then each figure
	 * shrinks, down to fig_min_w; then the text's size, down to the
	 * writer's floor.  A word (a number, "140/168", a verdict) is never
	 * cut or broken: a size at which a word does not fit its table column
	 * is not used.  Without DOC_F_FIT, DOC_F_INSTEAD blocks are skipped. */
	DOC_F_FIT = 16,      /* DOC_PAGE: the page's blocks fit on it */
	DOC_F_YIELD = 32,    /* gives way first on a page that does not fit */
	DOC_F_INSTEAD = 64,  /* drawn only when the DOC_F_YIELD blocks gave way */
	DOC_F_SMALL = 128,   /* small print (a legend, a page's head line) */
	DOC_F_ALT = 256      /* DOC_FIGURE: inl is the alt text only, no caption */
};

/* A cell's tone: an extra colour mark a writer may draw beside the text,
 * never the only signal (the text says it). */
enum { DOC_TONE_NONE, DOC_TONE_GOOD, DOC_TONE_BAD };

#define DOC_N_LINE 6

typedef struct {
	DocKind kind;
	int level;           /* DOC_HEADING, DOC_ITEM */
	int flags;
	DocInl inl;
	const char *line[DOC_N_LINE]; /* borrowed texts, by kind (NULL: none) */
	/* DOC_HEADER: line[0] the superior body, [1] the issuing body, [2] "Số: …",
	 *   [3] the place-and-date line, [4] the national title, [5] the motto.
	 *   Upper case is the writer's business.  inl: a dispatch's (công văn's)
	 *   summary "V/v …", under the number on the left; empty for a report.
	 * DOC_META: line[0] title, [1] subject, [2] author, [3] keywords,
	 *   [4] running head (NULL: none) printed on every PDF page.
	 * DOC_SIGNATURE: line[0] "TM. …", [1] "KT. …", [2] capacity, [3] name;
	 *   line[4] the heading "Nơi nhận:". */
	const char *const *item; /* DOC_SIGNATURE: recipients, punctuated, without the dash;
	                            DOC_KINH_GUI: the addressees */
	size_t n_item;
	/* DOC_TABLE */
	size_t n_col;
	const float *width;  /* relative widths, [n_col]; NULL: the writer's choice */
	const DocCell *head; /* [n_head * n_col] */
	size_t n_head;
	/* Each column's alignment, for a writer that aligns whole columns
	 * (GFM's delimiter row); NULL: left.  Cells keep their own. */
	const DocAlign *col_align; /* [n_col] */
	/* DOC_ROW */
	const DocCell *cell; /* [n_col] */
	int group_row;       /* a row naming a group of the rows under it */
	/* DOC_FIGURE: its width as a share of the text width (0: the
	 * writer's choice) and the least share it may shrink to on a page
	 * that does not fit (0: fig_w); the builder knows at what width
	 * the chart's labels stay legible. */
	float fig_w, fig_min_w;
} DocBlock;

/* Zeroes b (kind DOC_PARA) with an empty inl. */
void doc_block_init(DocBlock *b, DocKind kind);
void doc_block_release(DocBlock *b);

/* The receiver of blocks. */
typedef struct DocWriter DocWriter;
struct DocWriter {
	void (*put)(DocWriter *w, const DocBlock *b);
};

/* ---- owned blocks (the clerk's text, kept in the model) ---- */

/* An owned block: its lines and cells copied. */
typedef struct {
	DocBlock b;
	char *own_line[DOC_N_LINE];
	DocCell *own_cell;   /* DOC_TABLE head / DOC_ROW cells */
	float *own_width;
	DocAlign *own_align;
} DocOwned;

typedef struct {
	DocOwned *v;
	size_t n, cap;
} DocList;

void doc_list_init(DocList *l);
void doc_list_release(DocList *l);
/* Appends a deep copy of b. */
void doc_list_add(DocList *l, const DocBlock *b);

/* Upper case of the Vietnamese letters (Latin-1, Latin Extended-A and -B
 * as Vietnamese uses them, Latin Extended Additional); other characters
 * pass through.  Fresh string.  The decree prints headings and the bodies'
 * names in capitals whatever case the clerk typed. */
char *doc_upper(const char *s);

#endif
