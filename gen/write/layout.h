/* SPDX-License-Identifier: MIT */
/* layout: measuring, wrapping, tables and page breaks over libharu.
 * Shared by the report's writer (doc_pdf.c) and the scorecards' writer
 * (card_pdf.c, which fits a page whole with lo_png_size, lo_word_width and
 * the measuring calls); only the writers include this header (it brings
 * <hpdf.h>): no builder draws.
 *
 * Units are PDF points (1 mm = 72/25.4 pt); y grows upwards from the
 * page's bottom edge, as in libharu.  Every text that reaches libharu goes
 * through lo_clean() (NFC, control characters dropped, characters outside
 * the BMP replaced by U+FFFD's stand-in '?'), so callers pass raw model
 * strings.  No coordinate passed on to libharu is NaN or infinite.
 *
 * Errors: libharu errors are recorded in LoDoc.err (first one wins) by
 * the error handler, which never longjmps; lo_save() reports them.  A
 * caller may draw freely and check once at the end.
 *
 * Lifecycle:
 *     LoDoc d;
 *     if (lo_open_file(&d, path, &err)) ...      (fonts missing: exit 3)
 *     lo_page_new(&d, 0);                        (portrait A4)
 *     lo_paragraph(&d, FONT_REGULAR, 13, d.x0, d.x1 - d.x0,
 *                  LO_LEFT, 0, 6, "text");       (flows, breaks pages,
 *                                                 moves d.y)
 *     lo_table_flow(&d, &table, NULL);           (repeats header rows)
 *     lo_finish(&d, &err); lo_close(&d);         (lo_close always)
 * lo_open_file() writes the pages to the file as they go, a chunk of
 * chunk_pages at a time (pdfw.h): memory does not grow with the pages.
 * lo_open() keeps the whole document in memory until lo_save() or
 * lo_bytes() (the tests compare the two).  Either way, nothing drawn may
 * keep a libharu object (a page, a font, an image) across
 * lo_page_new(): the chunk it belongs to may be gone. */
#ifndef CHITIEU_LAYOUT_H
#define CHITIEU_LAYOUT_H
#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "font.h"

#define LO_MM(x) ((float)(x) * 72.0f / 25.4f)

typedef enum { LO_LEFT, LO_CENTER, LO_RIGHT, LO_JUSTIFY } LoAlign;

typedef struct LoDoc LoDoc;
/* Called by lo_page_new() after the page is set up and before anything
 * else is drawn on it (running heads, page frames). */
typedef void (*LoPageHook)(LoDoc *d, void *ctx);

struct LoDoc {
	HPDF_Doc pdf;
	HPDF_Font font[FONT_N_STYLE];
	HPDF_Page page;        /* the current page; NULL before the first */
	int landscape;         /* of the current page */
	/* Margins in points, set before lo_page_new(); lo_open() sets the
	 * Decree 30 ones: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm,
	 * used as they are on landscape pages too. */
	float m_top, m_bottom, m_left, m_right;
	/* The text area of the current page and the flow cursor: the top
	 * of the next block (it moves down as things are drawn). */
	float x0, x1, y_top, y_bottom, y;
	float page_w, page_h;
	int n_pages;           /* pages created so far */
	/* Page numbers: the number of the current page in its series;
	 * lo_number_restart() starts a new series (an appendix).  A number
	 * is printed centred in the top margin when it is >= number_from
	 * (the decree: none on the first page) and number_size > 0. */
	int page_no;
	int number_from;       /* default 2 */
	float number_size;     /* default 13 pt; 0: no page numbers */
	LoPageHook on_page;
	void *on_page_ctx;
	/* A line every page carries in its top margin, right-aligned beside
	 * the page number (the provisional mark); NULL: none.  Not owned. */
	const char *running_head;
	/* A line centred in the bottom margin of every page drawn while it is
	 * set (the report's provisional mark: off the page number's line, as
	 * Decree 30 keeps the top for the number alone); NULL: none.  Not
	 * owned. */
	const char *running_foot;
	HPDF_STATUS err;       /* first libharu error, 0 when none */
	HPDF_STATUS err_detail;
	char *font_path[FONT_N_STYLE];
	uint16_t *wcache[FONT_N_STYLE]; /* [code point] width in 1/1000 em, 0xFFFF unknown */
	/* lo_open_file() only: */
	struct PdfW *w;        /* the file being written */
	int chunk_pages;       /* pages written at a time, default LO_CHUNK_PAGES */
	int chunk_n;           /* pages drawn since the last write */
	char *w_err;           /* first failure writing the file */
};

/* Pages written at a time: memory of the order of 50 scorecard pages
 * (some 5 MB).  Smaller costs nothing but more xref compaction. */
#define LO_CHUNK_PAGES 50

/* Creates the document: A4, UTF-8, Liberation Serif in four styles
 * embedded, compressed streams, the creation date from SOURCE_DATE_EPOCH
 * (none when unset, so output is reproducible).  Returns 0, or -1 with
 * *err (caller frees).  Call lo_close() in both cases. */
int lo_open(LoDoc *d, char **err);
/* The same, writing the document to path (through out_open_file) as its
 * pages are made; lo_finish() completes it.  chunk_pages may be changed
 * before the first page. */
int lo_open_file(LoDoc *d, const char *path, char **err);
/* Completes the file of lo_open_file(): 0, or -1 with *err (also when a
 * libharu error was recorded while drawing). */
int lo_finish(LoDoc *d, char **err);
/* Writes the PDF to path (through out_write_file).  0, or -1 with *err
 * (also when a libharu error was recorded while drawing). */
int lo_save(LoDoc *d, const char *path, char **err);
/* The PDF's bytes (caller frees *data); 0 or -1 with *err.  For tests. */
int lo_bytes(LoDoc *d, unsigned char **data, size_t *len, char **err);
void lo_close(LoDoc *d);
/* Sets the Info dictionary's title (and author when not NULL). */
void lo_set_info(LoDoc *d, const char *title, const char *author);
/* The same with the subject and keywords (each skipped when NULL or ""). */
void lo_set_meta(LoDoc *d, const char *title, const char *subject, const char *author,
                 const char *keywords);

/* A new A4 page (landscape when landscape != 0); sets x0..y_bottom from
 * the margins, d->y = y_top, prints the page number and the running
 * head, calls on_page. */
void lo_page_new(LoDoc *d, int landscape);
/* The next page gets number 1 (it is unnumbered under number_from 2). */
void lo_number_restart(LoDoc *d);
/* Starts a new page (same orientation) unless h points fit above
 * y_bottom from d->y.  Returns 1 when it broke the page. */
int lo_need(LoDoc *d, float h);

/* The text libharu may receive: NFC, valid UTF-8, no control characters
 * (tabs and newlines become spaces), non-BMP characters replaced by '?'.
 * Fresh string; the caller frees it. */
char *lo_clean(const char *s);
/* Width of s (cleaned) in style st at size pt. */
float lo_width(const LoDoc *d, FontStyle st, float size, const char *s);
/* The line height used for size pt (1.2 × size, rounded to 0.01 pt). */
float lo_leading(float size);

/* Lines of wrapped text: each a fresh string, with its measured width. */
typedef struct {
	char **line;
	float *width;
	size_t n, cap;
} LoLines;
void lo_lines_init(LoLines *l);
void lo_lines_release(LoLines *l);
/* Wraps s into lines no wider than width: breaks at spaces, and inside
 * a word (by code point) only when the word alone is wider than width.
 * '\n' in s forces a break.  Appends to out; returns the number added. */
size_t lo_wrap(const LoDoc *d, FontStyle st, float size, const char *s,
               float width, LoLines *out);

/* One line at baseline y: align relative to [x, x + width]
 * (LO_JUSTIFY acts as LO_LEFT here and in text boxes and cells; only
 * lo_paragraph justifies, every line but the last).  Draws nothing when
 * s is empty. */
void lo_text(LoDoc *d, FontStyle st, float size, float x, float y,
             float width, LoAlign al, const char *s);
/* Wrapped text in [x, x + width] starting at the top top (first baseline
 * at top - size); returns the y under the last line.  Does not break
 * pages (use lo_paragraph for flowing text). */
float lo_text_box(LoDoc *d, FontStyle st, float size, float x, float top,
                  float width, LoAlign al, const char *s);
/* Height lo_text_box() would take. */
float lo_text_height(const LoDoc *d, FontStyle st, float size, float width,
                     const char *s);
/* Flowing text at the cursor: wraps, breaks pages between lines, moves
 * d->y below it plus space_after.  first_indent indents the first line. */
void lo_paragraph(LoDoc *d, FontStyle st, float size, float x, float width,
                  LoAlign al, float first_indent, float space_after,
                  const char *s);
/* A paragraph of runs in several styles (bold, italic words inside it):
 * flows as lo_paragraph does, words wrapped across runs (a run that starts
 * with no space before it sticks to the word before), a word wider than
 * the line cut by code points, the line's baseline that of the regular
 * style.  Texts are cleaned (lo_clean) here. */
typedef struct {
	const char *text;
	FontStyle style;
} LoRun;
void lo_rich(LoDoc *d, const LoRun *runs, size_t n_run, float size, float x, float width,
             LoAlign al, float first_indent, float space_after);
/* The height lo_rich() would take (without space_after). */
float lo_rich_height(const LoDoc *d, const LoRun *runs, size_t n_run, float size, float width,
                     float first_indent);
/* A horizontal rule from x1 to x2 at y, line width lw. */
void lo_rule(LoDoc *d, float x1, float x2, float y, float lw);
/* A PNG fitted into a box of width w (height from its aspect, at most
 * max_h), top-left at (x, top).  Returns the height drawn, or -1 when the
 * file is missing or unreadable (nothing drawn, no error recorded). */
float lo_png(LoDoc *d, const char *path, float x, float top, float w,
             float max_h);

/* ---- Tables ----
 * A grid of n_col columns.  The first n_head rows are the header: drawn
 * on every page the table touches.  A cell covers colspan columns and
 * rowspan rows; the slots it covers are left with text == NULL and
 * covered = 1.  Rules:
 *   - a body row is never split across pages;
 *   - a rowspan cell's rows are kept on one page when they fit on one
 *     (except right under the table's start: the first group is split
 *     rather than leaving a heading alone on its page); when they are
 *     split, the cell is drawn again on each page its rows
 *     reach, its text repeated (with cont_prefix before it, if set,
 *     unless the cell is centred: a number repeats as it is) and
 *     the segment's last row grown until the text fits.
 *     With split_min > 0 such a group may instead break across pages
 *     where it reaches the page's foot, when at least split_min of its
 *     rows stay on the page (after its heading rows) and split_min go on
 *     to the next: the table fills its pages rather than move a group
 *     whole and leave the rest of the page empty;
 *   - a row marked keep_next (a group's heading row) stays on the page of
 *     the row after it (of split_min rows after it when groups split);
 *   - a row whose cells do not fit an empty page is still drawn, alone
 *     and taking the rest of its page, rather than lost; nothing is
 *     drawn outside a cell: a text taller than its cell shows the lines
 *     that fit, the last one ending with "…". */
typedef struct {
	const char *text;      /* borrowed; NULL on a covered slot */
	FontStyle style;
	LoAlign align;
	int colspan, rowspan;  /* >= 1 on a cell; 0 on a covered slot */
	int covered;
	float size;            /* 0: the table's size */
	int keep_next;         /* on a row's first slot: the row stays with the next */
} LoCell;

typedef struct {
	size_t n_col, n_row, n_head;
	float *width;          /* [n_col] column widths, points */
	LoCell *cell;          /* [n_row * n_col] */
	size_t cap_row;
	float size;            /* font size, default 11 */
	float pad;             /* cell padding, default 3 pt */
	float line_w;          /* grid line width, default 0.5; 0: no grid */
	float min_row_h;       /* 0: none */
	int valign_middle;     /* 1: cells vertically centred (default 1) */
	const char *cont_prefix; /* before a repeated rowspan text, or NULL */
	int split_min;         /* 0: groups of rows kept whole; else see above */
	/* Filled by lo_table_flow(): the page (0-based, d->n_pages - 1 at
	 * the time) each body row landed on, [n_row] (-1 for header rows).
	 * A batch's (lo_table_flow_batch) is gone with its rows. */
	int *row_page;
	/* Between batches (lo_table_flow_batch); zero from lo_table_init():
	 * the body rows flowed and dropped so far (LoBox.row counts them),
	 * whether the table's start is drawn, and the page body height and
	 * left edge as they were there. */
	size_t row_off;
	int begun;
	float fresh, x0;
} LoTable;

/* The table owns width, cell and row_page; texts are borrowed. */
void lo_table_init(LoTable *t, size_t n_col, const float *width);
void lo_table_release(LoTable *t);
/* Appends an empty row (all slots covered = 0, text "") and returns its
 * index. */
size_t lo_table_row(LoTable *t);
/* Sets the cell at (row, col) with its span; marks the covered slots.
 * Returns the cell for further settings (style, align, size). */
LoCell *lo_table_set(LoTable *t, size_t row, size_t col, const char *text,
                     int colspan, int rowspan);
static inline LoCell *lo_table_at(LoTable *t, size_t row, size_t col)
{
	return &t->cell[row * t->n_col + col];
}

/* The height lo_table_flow() would take for the whole table (header rows
 * included) if it fit on one page: the same row heights (padding,
 * min_row_h, rowspan growth).  Draws nothing. */
float lo_table_height(const LoDoc *d, const LoTable *t);

/* What lo_table_flow() drew, for tests and callers that decorate cells. */
typedef struct {
	int page;              /* 0-based page index */
	size_t row, col;       /* the cell's top-left slot */
	int head;              /* 1 when a header cell */
	int repeat;            /* 1 when a rowspan cell drawn again on a new page */
	float x, y, w, h;      /* the cell: bottom-left corner and size */
	float tx, ty, tw, th;  /* the text's ink box (0 size when no text) */
} LoBox;
typedef struct {
	LoBox *v;
	size_t n, cap;
} LoBoxes;
void lo_boxes_release(LoBoxes *b);

/* Draws the table at d->y on the current page, breaking pages (same
 * orientation) as the rules above say; leaves d->y under it.  When boxes
 * is not NULL every drawn cell is appended to it.  After batches it
 * draws the rows left (none: nothing, not even the header). */
void lo_table_flow(LoDoc *d, LoTable *t, LoBoxes *boxes);

/* A long table flowed as it is built, so that memory does not grow with
 * its rows: add the header rows, then body rows, and call this every
 * so many rows; end with lo_table_flow() (the rows left, a foot row).
 * It draws the body rows added since the last batch, exactly as one
 * lo_table_flow() of the whole table would draw them (same pages, same
 * boxes, same bytes; the header only at the top of each new page), then
 * drops them: the table is back to its header rows.  Returns 1 when it
 * did (the batch's texts may be freed), 0 when it drew nothing: no body
 * row yet, or a rowspan still open past the last row or a last row
 * marked keep_next (the group is not whole yet; keep its texts and add
 * rows until it closes), or
 * CHITIEU_TABLE_WHOLE=1 in the environment (every table drawn whole by
 * the last lo_table_flow(), as before batches: for comparing). */
int lo_table_flow_batch(LoDoc *d, LoTable *t, LoBoxes *boxes);

/* ---- for pages fitted whole (card_pdf.c) ---- */

/* A PNG's size in pixels from its header (a file lo_png() would draw):
 * 0, or -1 when it is missing or not a whole PNG. */
int lo_png_size(const char *path, float *w, float *h);
/* A filled rectangle, bottom-left (x, y), in the colour r, g, b (0..1);
 * the fill colour is black again afterwards. */
void lo_fill_rect(LoDoc *d, float x, float y, float w, float h, float r, float g, float b);
/* The widest word (run of characters between ASCII spaces or '\n') of s
 * in style st at size pt: what a wrapped cell of that width never
 * breaks. */
float lo_word_width(const LoDoc *d, FontStyle st, float size, const char *s);

#endif
