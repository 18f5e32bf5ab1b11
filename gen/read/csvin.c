/* SPDX-License-Identifier: MIT */
/* csvin: streaming CSV reading over libcsv (the only file that includes
 * <csv.h>).
 *
 * The bytes go through three stages.  The first 64 KiB are held as a
 * sample to recognise what the file is (workbook, UTF-16, BOM, "sep=")
 * and to sniff the delimiter.  Then one pass over every byte checks UTF-8
 * and control characters and cuts the text at each line end, so that
 * libcsv's callbacks always fire while `line` is the physical line being
 * parsed: a field's own line is that line minus the line ends inside it.
 * libcsv does the quoting; records become header mapping or rows. */
#include "csvin.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>
#include <nettle/sha2.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

#define S_SAMPLE (64 * 1024)
#define S_CHUNK (64 * 1024)
#define S_SNIFF_LINES 50
/* Limits far above any clerk's file, so that a wrong file (a database
 * dump, a log, a binary) ends with a clear error instead of a long run
 * and gigabytes of memory: the figures of a unit are a few KiB. */
#define S_MAX_FILE (64 * 1024 * 1024)
#define S_MAX_LINE (1024 * 1024)
#define S_MAX_FIELDS 1000
#define S_MAX_ERRORS 200

/* Every message on a file that is not CSV UTF-8 text ends saying how to
 * re-save it: "open it in Excel or LibreOffice and save it as \"CSV
 * UTF-8 (Comma delimited) (*.csv)\"", written out in each (one
 * translatable sentence each). */

/* A field of the record being built. */
typedef struct {
	size_t start;         /* of its text in fbuf */
	int line;
	unsigned char kind;   /* CsvKind (CSV: all text) */
} S_Fld;

typedef struct {
	const char *path;
	const CsvCol *cols;
	size_t n_cols;
	CsvRowFn fn;
	void *ctx;
	Msgs *ms;
	int n_error0;

	struct sha256_ctx sha;
	int want_sha;     /* the caller asked for info: the digest is taken */
	Buf sample;       /* bytes held until the sniff */
	int sniffed;
	int stop;         /* no more parsing: an error or the reader said so */
	int parser_on;
	struct csv_parser p;
	char delim;
	uint64_t off;     /* file offset of the next byte to check */
	uint64_t line_off; /* file offset where the current line starts */
	uint64_t rec_off; /* ... and the current record (not inside quotes) */
	int line;         /* physical line of the next byte */
	int prev_cr;      /* the last byte was '\r' */

	/* UTF-8 state across chunks */
	int u8_need;      /* continuation bytes still expected */
	unsigned u8_lo, u8_hi; /* allowed range of the next byte */
	int u8_c1;        /* lead C2: a second byte below A0 is a C1 control */
	uint64_t u8_off;  /* offset of the sequence's lead byte */
	unsigned u8_lead;

	/* quote tracking, to name the line where an unterminated quote opened */
	int in_quote, quote_just_closed, quote_line;
	int nl_in_rec;    /* a line ended inside quotes in the record being
	                     built: its fields' lines are counted back */
	/* Lines are fed to libcsv many at a time; a callback's line is
	 * counted by the records it has ended (one per line, see
	 * S_process_part), not taken from the scan. */
	int cb_line;      /* the line of the next field libcsv hands over */
	int ln_text;      /* the line being scanned has a byte but space/tab */
	int ln_quote;     /* ... has a quote */

	/* the record being built: field texts NUL-separated in fbuf */
	Buf fbuf;
	S_Fld *fld;
	size_t nf, cap_f;
	size_t fast_nf;   /* fields S_add_field may add quickly: min(cap_f, S_MAX_FIELDS) */
	int spare;        /* fbuf and fld came from (and go back to) S_spare */
	int grid;         /* the rows come from a sheet (csvrecs_new) */
	int best_line, best_n; /* grid: the row naming most required columns */
	const char *sheet; /* grid: the sheet's name for messages (csvrecs_sheet), or NULL */

	/* the header */
	int have_header, header_bad, header_line;
	size_t n_header;
	int *map;         /* [n_header]: known column index, -1 unknown, -2 unnamed */
	int *col_of;      /* [n_cols]: header index or -1 */
	int unnamed_warned;
	int has_unnamed;  /* some header cell is empty (map -2) */
	CsvField *row;    /* [n_cols] */
	size_t n_rows;
	Buf cols_key;     /* S_cols_key, made when first needed */
} S_In;

static int S_is_space(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/* Trims ASCII white space and no-break spaces (U+00A0, U+202F) that a
 * spreadsheet leaves around values. */
static void S_trim(const char **s, size_t *n)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t a = 0, b = *n;
	for (;;) {
		if (a < b && (p[a] == ' ' || (p[a] >= '\t' && p[a] <= '\r')))
			a++;
		else if (b - a >= 2 && p[a] == 0xC2 && p[a + 1] == 0xA0)
			a += 2;
		else if (b - a >= 3 && p[a] == 0xE2 && p[a + 1] == 0x80 && p[a + 2] == 0xAF)
			a += 3;
		else
			break;
	}
	for (;;) {
		if (b > a && (p[b - 1] == ' ' || (p[b - 1] >= '\t' && p[b - 1] <= '\r')))
			b--;
		else if (b - a >= 2 && p[b - 2] == 0xC2 && p[b - 1] == 0xA0)
			b -= 2;
		else if (b - a >= 3 && p[b - 3] == 0xE2 && p[b - 2] == 0x80 && p[b - 1] == 0xAF)
			b -= 3;
		else
			break;
	}
	*s = (const char *)p + a;
	*n = b - a;
}

/* Line ends inside a (quoted) field: CRLF, LF and a lone CR count one. */
static int S_count_lines(const char *s, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			k++;
		else if (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n'))
			k++;
	}
	return k;
}

/* Adds a field to the record being built; line is its own line. */
static void S_add_field_full(S_In *in, const char *s, size_t len, int line, CsvKind kind)
{
	if (in->nf == S_MAX_FIELDS) {
		msg_error(in->ms, in->path, line, (int)in->nf + 1,
		          "this row has more than %d fields: a chitieu file has a handful of columns "
		          "(is this the right file?)",
		          S_MAX_FIELDS);
		in->stop = 1;
		return;
	}
	if (in->fbuf.len + len > S_MAX_LINE) {
		msg_error(in->ms, in->path, line, (int)in->nf + 1,
		          "this row is longer than %d MiB: a chitieu file has short rows "
		          "(is this the right file, or a quote (\") left open?)",
		          S_MAX_LINE / (1024 * 1024));
		in->stop = 1;
		return;
	}
	S_trim(&s, &len);
	if (in->nf == in->cap_f) {
		in->fld = xgrow(in->fld, &in->cap_f, in->nf + 1, sizeof *in->fld);
		in->fast_nf = in->cap_f < S_MAX_FIELDS ? in->cap_f : S_MAX_FIELDS;
	}
	in->fld[in->nf++] = (S_Fld){in->fbuf.len, line, (unsigned char)kind};
	buf_add(&in->fbuf, s, len);
	buf_putc(&in->fbuf, '\0');
}

/* Bytes that may start (bit 1) or end (bit 2) white space S_trim
 * removes: ASCII space and controls, the lead and last bytes of U+00A0
 * and U+202F. */
static const unsigned char S_edge[256] = {
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* 0x00..0x0F */
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* 0x10..0x1F */
	3,                                              /* ' ' */
	[0xA0] = 2, [0xAF] = 2, [0xC2] = 1, [0xE2] = 1,
};

/* S_add_field_full for the usual field, one call per field of the
 * nation's 2.7 million: short, within every limit, room already, nothing
 * to trim.  Copied byte by byte: a field is a few bytes. */
static inline void S_add_field(S_In *in, const char *s, size_t len, int line, CsvKind kind)
{
	Buf *f = &in->fbuf;
	const unsigned char *u = (const unsigned char *)s;
	if (len > 32 || in->nf >= in->fast_nf || f->len + 34 > f->cap || f->len + 32 > S_MAX_LINE ||
	    (len && ((S_edge[u[0]] & 1) | (S_edge[u[len - 1]] & 2)))) {
		S_add_field_full(in, s, len, line, kind);
		return;
	}
	in->fld[in->nf++] = (S_Fld){f->len, line, (unsigned char)kind};
	char *d = f->ptr + f->len;
	for (size_t k = 0; k < len; k++)
		d[k] = s[k];
	d[len] = d[len + 1] = '\0';
	f->len += len + 1;
}

static void S_cb_field(void *data, size_t len, void *vin)
{
	S_In *in = vin;
	if (in->stop)
		return;
	const char *s = data ? data : "";
	/* libcsv calls this on the line that ends the field; only a record
	 * that spans lines has a field that started on an earlier one */
	S_add_field(in, s, len, in->nl_in_rec ? in->cb_line - S_count_lines(s, len) : in->cb_line, CSV_TEXT);
}

static const char *S_field(const S_In *in, size_t i)
{
	return in->fbuf.ptr + in->fld[i].start;
}

/* 10,000 unit files usually share one header line: what the last file's
 * header decided (the delimiter its names pointed to; the columns they
 * name, when that raised no message) is reused for the same bytes and
 * the same known columns, instead of folding every name with ICU again.
 * Kept for the thread (input.c reads the units' files on several; still
 * reachable, freed by csvin_thread_done). */
static _Thread_local struct {
	Buf cols;      /* the known columns (S_cols_key) */
	Buf line;      /* the header line as read, then whether it was all */
	char delim;
} S_memo_sniff;
static _Thread_local struct {
	Buf cols;
	size_t nf;
	Buf fields;    /* the header's fields, as in fbuf */
	int *map, *col_of;
} S_memo_header;

/* The known columns as bytes: names and whether required. */
static const Buf *S_cols_key(S_In *in)
{
	if (!in->cols_key.ptr) {
		buf_init(&in->cols_key);
		for (size_t k = 0; k < in->n_cols; k++) {
			buf_puts(&in->cols_key, in->cols[k].name);
			buf_putc(&in->cols_key, in->cols[k].required ? 1 : 2);
		}
	}
	return &in->cols_key;
}

/* 1 when key holds what S_cols_key(in) gives, without making it (once
 * per file). */
static int S_cols_match(const Buf *key, const S_In *in)
{
	if (!key->ptr)
		return 0;
	const char *p = key->ptr, *end = key->ptr + key->len;
	for (size_t k = 0; k < in->n_cols; k++) {
		size_t n = strlen(in->cols[k].name);
		if ((size_t)(end - p) < n + 1 || memcmp(p, in->cols[k].name, n) ||
		    p[n] != (in->cols[k].required ? 1 : 2))
			return 0;
		p += n + 1;
	}
	return p == end;
}

static int S_same(const Buf *a, const void *p, size_t n)
{
	return a->ptr && a->len == n && !memcmp(a->ptr, p, n);
}

static void S_set(Buf *a, const void *p, size_t n)
{
	if (!a->ptr)
		buf_init(a);
	buf_reset(a);
	buf_add(a, p, n);
}

static int S_memo_header_get(S_In *in)
{
	if (!S_cols_match(&S_memo_header.cols, in) || S_memo_header.nf != in->nf ||
	    !S_same(&S_memo_header.fields, in->fbuf.ptr, in->fbuf.len))
		return 0;
	in->have_header = 1;
	in->header_line = in->fld[0].line;
	in->n_header = in->nf;
	in->map = xmalloc(in->nf * sizeof *in->map);
	memcpy(in->map, S_memo_header.map, in->nf * sizeof *in->map);
	memcpy(in->col_of, S_memo_header.col_of, in->n_cols * sizeof *in->col_of);
	for (size_t i = 0; i < in->nf; i++)
		in->has_unnamed |= in->map[i] == -2;
	return 1;
}

static void S_memo_header_put(S_In *in)
{
	const Buf *k = S_cols_key(in);
	S_set(&S_memo_header.cols, k->ptr, k->len);
	S_memo_header.nf = in->nf;
	S_set(&S_memo_header.fields, in->fbuf.ptr, in->fbuf.len);
	S_memo_header.map = xrealloc(S_memo_header.map, in->nf * sizeof *in->map);
	memcpy(S_memo_header.map, in->map, in->nf * sizeof *in->map);
	S_memo_header.col_of = xrealloc(S_memo_header.col_of, (in->n_cols ? in->n_cols : 1) * sizeof *in->col_of);
	memcpy(S_memo_header.col_of, in->col_of, in->n_cols * sizeof *in->col_of);
}

static void S_header(S_In *in)
{
	if (S_memo_header_get(in))
		return;
	size_t n_msg = in->ms->n;
	in->have_header = 1;
	in->header_line = in->fld[0].line;
	in->n_header = in->nf;
	in->map = xmalloc(in->nf * sizeof *in->map);
	for (size_t k = 0; k < in->n_cols; k++)
		in->col_of[k] = -1;
	for (size_t i = 0; i < in->nf; i++) {
		in->map[i] = -1;
		const char *name = S_field(in, i);
		if (!name[0]) {
			in->map[i] = -2;
			in->has_unnamed = 1;
			continue;
		}
		char *key = text_fold(name);
		size_t k;
		for (k = 0; k < in->n_cols; k++)
			if (!strcmp(key, in->cols[k].name))
				break;
		free(key);
		if (k == in->n_cols) {
			Buf known;
			buf_init(&known);
			for (size_t j = 0; j < in->n_cols; j++)
				buf_printf(&known, "%s%s", j ? ", " : "", in->cols[j].name);
			msg_warn(in->ms, in->path, in->fld[i].line, (int)i + 1,
			         "unknown column '%s' is ignored (the known columns are %s)", name, known.ptr);
			buf_release(&known);
		} else if (in->col_of[k] >= 0) {
			msg_error(in->ms, in->path, in->fld[i].line, (int)i + 1,
			          "column '%s' is named twice (columns %d and %zu)", in->cols[k].name,
			          in->col_of[k] + 1, i + 1);
			in->header_bad = 1;
		} else {
			in->col_of[k] = (int)i;
			in->map[i] = (int)k;
		}
	}
	for (size_t k = 0; k < in->n_cols; k++)
		if (in->cols[k].required && in->col_of[k] < 0) {
			msg_error(in->ms, in->path, in->header_line, 0, "missing required column '%s'",
			          in->cols[k].name);
			in->header_bad = 1;
		}
	if (!in->header_bad && in->ms->n == n_msg)
		S_memo_header_put(in);
}

/* The number of required columns that the record being built names. */
static int S_n_required(const S_In *in)
{
	int n = 0;
	for (size_t k = 0; k < in->n_cols; k++) {
		if (!in->cols[k].required)
			continue;
		for (size_t i = 0; i < in->nf; i++) {
			char *key = text_fold(S_field(in, i));
			int same = !strcmp(key, in->cols[k].name);
			free(key);
			if (same) {
				n++;
				break;
			}
		}
	}
	return n;
}

/* A sheet's row has the cells it has: an empty cell at its end is no
 * missing field, and a value beyond the header is in an unnamed column. */
static void S_grid_width(S_In *in)
{
	while (in->nf < in->n_header && !in->stop)
		S_add_field(in, "", 0, in->fld[0].line, CSV_TEXT);
	for (size_t i = in->n_header; i < in->nf; i++)
		if (S_field(in, i)[0] && !in->unnamed_warned && !in->header_bad) {
			msg_warn(in->ms, in->path, in->fld[i].line, (int)i + 1,
			         "column %zu has no name in the header row: its values are ignored", i + 1);
			in->unnamed_warned = 1;
		}
	if (in->nf > in->n_header)
		in->nf = in->n_header;
}

static void S_row(S_In *in)
{
	if (in->grid)
		S_grid_width(in);
	if (in->stop)
		return;
	if (in->grid && !in->header_bad) {
		/* a note beside the table, in no named column, is no record */
		size_t i;
		for (i = 0; i < in->nf; i++)
			if (in->map[i] >= 0 && S_field(in, i)[0])
				break;
		if (i == in->nf)
			return;
	}
	if (in->nf != in->n_header) {
		size_t c = in->nf > in->n_header ? in->n_header : in->nf - 1;
		int col = (int)(in->nf > in->n_header ? c + 1 : c + 2);
		if (in->nf == 1)
			msg_error(in->ms, in->path, in->fld[c].line, col,
			          "this row has 1 field but the header has %zu: every row needs exactly one field "
			          "per column",
			          in->n_header);
		else
			msg_error(in->ms, in->path, in->fld[c].line, col,
			          "this row has %zu fields but the header has %zu: every row needs exactly one "
			          "field per column",
			          in->nf, in->n_header);
		return;
	}
	if (in->header_bad)
		return;
	for (size_t i = 0; in->has_unnamed && i < in->nf && !in->unnamed_warned; i++)
		if (in->map[i] == -2 && S_field(in, i)[0]) {
			msg_warn(in->ms, in->path, in->fld[i].line, (int)i + 1,
			         "column %zu has no name in the header row: its values are ignored", i + 1);
			in->unnamed_warned = 1;
		}
	int novalue = 0;
	for (size_t k = 0; k < in->n_cols; k++) {
		int i = in->col_of[k];
		if (i >= 0)
			in->row[k] = (CsvField){S_field(in, (size_t)i), in->fld[i].line, i + 1,
			                        (CsvKind)in->fld[i].kind};
		else
			in->row[k] = (CsvField){"", in->fld[0].line, 0, CSV_TEXT};
		if (in->row[k].kind == CSV_NOVALUE) {
			msg_error(in->ms, in->path, in->row[k].line, in->row[k].col,
			          "%s holds a formula with no saved value: open the file in Excel or "
			          "LibreOffice and save it once (the values are saved with it)",
			          in->cols[k].name);
			novalue = 1;
		}
	}
	if (novalue)
		return;
	CsvRow r = {in->path, in->fld[0].line, in->row, in->n_cols};
	in->n_rows++;
	if (in->fn && in->fn(in->ctx, &r))
		in->stop = 1;
}

static void S_cb_record(int c, void *vin)
{
	(void)c;
	S_In *in = vin;
	in->cb_line++;
	if (in->stop) {
		in->nf = 0;
		buf_reset(&in->fbuf);
		return;
	}
	size_t i;
	for (i = 0; i < in->nf; i++)
		if (S_field(in, i)[0])
			break;
	if (i < in->nf) { /* a line of only delimiters is blank */
		int named = in->grid && !in->have_header ? S_n_required(in) : 0;
		if (in->grid && !in->have_header && named > in->best_n) {
			in->best_n = named;
			in->best_line = in->fld[0].line;
		}
		if (in->grid && !in->have_header) {
			/* a sheet's header is the first row naming every required
			 * column: a title and notes above it are no data */
			size_t req = 0;
			for (size_t k = 0; k < in->n_cols; k++)
				req += in->cols[k].required != 0;
			if ((size_t)named == req)
				S_header(in);
		} else if (!in->have_header)
			S_header(in);
		else
			S_row(in);
		if (!in->stop && in->ms->n_error - in->n_error0 >= S_MAX_ERRORS) {
			msg_error(in->ms, in->path, in->fld[0].line, 0,
			          "too many errors in this file (%d): the rest of it is not read; "
			          "fix these and run again",
			          S_MAX_ERRORS);
			in->stop = 1;
		}
	}
	in->nf = 0;
	in->nl_in_rec = 0;
	buf_reset(&in->fbuf);
}

static void S_parse(S_In *in, const unsigned char *p, size_t n)
{
	if (in->stop || !n)
		return;
	size_t done = csv_parse(&in->p, p, n, S_cb_field, S_cb_record, in);
	if (done < n && !in->stop) {
		msg_error(in->ms, in->path, in->line, (int)in->nf + 1,
		          "bad quoting: a field that holds a quote (\") must be enclosed in quotes, "
		          "with each quote inside it doubled (\"\")");
		in->stop = 1;
	}
}

/* An error that ends the reading of the file, at the current line. */
#define S_encoding_error(in, col, ...) \
	(msg_error((in)->ms, (in)->path, (in)->line, col, __VA_ARGS__), (in)->stop = 1)

static void S_bad_utf8(S_In *in, const unsigned char *p, size_t seg, unsigned byte, uint64_t at)
{
	/* parse up to the bad byte so the column is the field holding it */
	if (at >= in->off + seg)
		S_parse(in, p + seg, (size_t)(at - in->off - seg));
	if (in->stop)
		return;
	S_encoding_error(in, (int)in->nf + 1,
	                 "the file is not UTF-8 text: byte 0x%02X at byte offset %llu is not valid UTF-8 "
	                 "(a Windows-1258 or other legacy encoding?); open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
	                 byte, (unsigned long long)at);
}

/* A byte that needs no look: printable ASCII other than the quote. */
static int S_plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7F && c != '"';
}

/* The first i' >= i where p[i'] is not S_plain (n when none): a word of
 * 8 bytes at a time, with the usual tests of a byte in a word (below
 * 0x20, above 0x7E, a quote).  They may flag a byte after the first one
 * that matters (a borrow or carry runs up from it), never one before it,
 * so the lowest flag is that byte (words are read little-endian). */
static size_t S_plain_end(const unsigned char *p, size_t i, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	while (n - i >= 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		uint64_t q = x ^ (ones * '"');
		uint64_t below = (x - ones * 0x20) & ~x;       /* a byte < 0x20 */
		uint64_t above = (x + ones * (0x80 - 0x7F)) | x; /* a byte >= 0x7F */
		uint64_t quote = (q - ones) & ~q;             /* a byte == '"' */
		uint64_t flags = (below | above | quote) & high;
		if (flags) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return i + (size_t)(__builtin_ctzll(flags) >> 3);
#else
			break;
#endif
		}
		i += 8;
	}
	while (i < n && S_plain(p[i]))
		i++;
	return i;
}

/* A line has ended (in->line is the next one): fed so far, libcsv has
 * ended one record per line since the last cut.  A line that ends no
 * record of its own (blank: libcsv skips it) or may not (it holds a
 * quote: a field may go on to the next line, or libcsv stop at a bad
 * quote, whose line must be the scan's) is cut after: fed now, and the
 * count starts again at the next line. */
static void S_line_end(S_In *in, const unsigned char *p, size_t *seg, size_t end)
{
	if (!in->ln_text || in->ln_quote || in->in_quote) {
		S_parse(in, p + *seg, end - *seg);
		*seg = end;
		in->cb_line = in->line + 1;
	}
	in->line++;
	in->ln_text = in->ln_quote = 0;
	in->nl_in_rec |= in->in_quote;
}

/* Checks p[0..n) and feeds it to libcsv: whole, but cut after each line
 * S_line_end names and before a byte that is an error. */
static void S_process_part(S_In *in, const unsigned char *p, size_t n)
{
	size_t seg = 0, i;
	for (i = 0; i < n && !in->stop; i++) {
		if (!in->prev_cr && !in->u8_need && S_plain(p[i])) {
			/* most bytes are plain ASCII: skip them 8 at a time */
			size_t a = i;
			i = S_plain_end(p, i + 1, n);
			while (!in->ln_text && a < i)
				in->ln_text = p[a++] != ' ';
			in->quote_just_closed = 0;
			if (i == n)
				break;
		}
		unsigned c = p[i];
		if (in->prev_cr) {
			in->prev_cr = 0;
			if (c != '\n') { /* a lone CR ended a line (old Mac files) */
				S_line_end(in, p, &seg, i);
				in->line_off = in->off + i;
				if (!in->in_quote)
					in->rec_off = in->line_off;
			}
		}
		if (in->u8_need) {
			if (c < in->u8_lo || c > in->u8_hi) {
				S_bad_utf8(in, p, seg, in->u8_lead, in->u8_off);
				break;
			}
			if (in->u8_c1 && c < 0xA0) {
				if (in->u8_off >= in->off + seg)
					S_parse(in, p + seg, (size_t)(in->u8_off - in->off - seg));
				if (!in->stop)
					S_encoding_error(in, (int)in->nf + 1,
					                 "control character U+%04X in the text (at byte offset %llu); "
					                 "remove it, or open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
					                 c - 0x40, (unsigned long long)in->u8_off);
				break;
			}
			in->u8_lo = 0x80;
			in->u8_hi = 0xBF;
			in->u8_c1 = 0;
			in->u8_need--;
			continue;
		}
		if (c >= 0x80) {
			in->ln_text = 1;
			in->u8_lead = c;
			in->u8_off = in->off + i;
			in->u8_lo = 0x80;
			in->u8_hi = 0xBF;
			in->u8_c1 = c == 0xC2;
			if (c >= 0xC2 && c <= 0xDF)
				in->u8_need = 1;
			else if (c >= 0xE0 && c <= 0xEF) {
				in->u8_need = 2;
				if (c == 0xE0)
					in->u8_lo = 0xA0;
				else if (c == 0xED)
					in->u8_hi = 0x9F;
			} else if (c >= 0xF0 && c <= 0xF4) {
				in->u8_need = 3;
				if (c == 0xF0)
					in->u8_lo = 0x90;
				else if (c == 0xF4)
					in->u8_hi = 0x8F;
			} else {
				S_bad_utf8(in, p, seg, c, in->off + i);
				break;
			}
			in->quote_just_closed = 0;
			continue;
		}
		if (c == '\n') {
			S_line_end(in, p, &seg, i + 1);
			in->line_off = in->off + i + 1;
			if (!in->in_quote)
				in->rec_off = in->line_off;
		} else if (c == '\r') {
			in->prev_cr = 1; /* the line ends here, or with the LF after */
		} else if (c == '"') {
			in->ln_text = in->ln_quote = 1;
			if (in->in_quote) {
				in->in_quote = 0;
				in->quote_just_closed = 1;
				continue;
			}
			in->in_quote = 1;
			if (!in->quote_just_closed) /* "" inside a quoted field is no new field */
				in->quote_line = in->line;
		} else if ((c < 0x20 && c != '\t') || c == 0x7F) {
			S_parse(in, p + seg, i - seg);
			if (!in->stop) {
				if (c == 0)
					S_encoding_error(in, (int)in->nf + 1,
					                 "NUL byte at byte offset %llu: this is not CSV text "
					                 "(a binary or UTF-16 file?); open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
					                 (unsigned long long)(in->off + i));
				else
					S_encoding_error(in, (int)in->nf + 1,
					                 "control character U+%04X at byte offset %llu; "
					                 "remove it, or open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
					                 c, (unsigned long long)(in->off + i));
			}
			break;
		}
		in->quote_just_closed = 0;
	}
	if (!in->stop) {
		S_parse(in, p + seg, n - seg);
		/* fed up to a line's start: the next field is on that line (so
		 * a text fed a byte at a time has every line counted afresh,
		 * which the tests compare with the count) */
		if (in->line_off == in->off + n && !in->prev_cr)
			in->cb_line = in->line;
	}
	in->off += n;
}

/* S_process_part, stopping at the byte where a record (a line, or lines
 * joined by a quoted field) grows past S_MAX_LINE: the same byte whatever
 * the chunks, and before libcsv holds more than that. */
static void S_process(S_In *in, const unsigned char *p, size_t n)
{
	while (n && !in->stop) {
		uint64_t lim = in->rec_off + S_MAX_LINE;
		size_t take = in->off + n <= lim ? n : lim > in->off ? (size_t)(lim - in->off) : 0;
		if (take) {
			S_process_part(in, p, take);
			p += take;
			n -= take;
		}
		if (n && !in->stop && in->off >= in->rec_off + S_MAX_LINE) {
			if (in->rec_off == in->line_off)
				S_encoding_error(in, (int)in->nf + 1,
				                 "line %d is longer than %d MiB: a chitieu file has short lines "
				                 "(is this the right file?)",
				                 in->line, S_MAX_LINE / (1024 * 1024));
			else {
				msg_error(in->ms, in->path, in->quote_line, (int)in->nf + 1,
				          "this row is longer than %d MiB: a chitieu file has short rows "
				          "(is this the right file, or a quote (\") left open?)",
				          S_MAX_LINE / (1024 * 1024));
				in->stop = 1;
			}
			in->off += n;
		}
	}
}

/* Sniffing: counts, for one delimiter, the header cells that name a known
 * column and whether every later record has the header's width. */
typedef struct {
	const S_In *in;
	size_t nf, n_empty;
	int records;
	size_t header_n;
	int matches, consistent;
} S_Sniff;

static void S_sniff_field(void *data, size_t len, void *vs)
{
	S_Sniff *s = vs;
	const char *f = data ? data : "";
	S_trim(&f, &len);
	if (!len)
		s->n_empty++;
	if (!s->records && len) {
		char *t = xstrndup(f, len);
		char *key = text_fold(t);
		for (size_t k = 0; k < s->in->n_cols; k++)
			if (!strcmp(key, s->in->cols[k].name)) {
				s->matches++;
				break;
			}
		free(key);
		free(t);
	}
	s->nf++;
}

static void S_sniff_record(int c, void *vs)
{
	(void)c;
	S_Sniff *s = vs;
	if (s->n_empty < s->nf) {
		if (!s->records)
			s->header_n = s->nf;
		else if (s->nf != s->header_n)
			s->consistent = 0;
		s->records++;
	}
	s->nf = s->n_empty = 0;
}

static S_Sniff S_sniff_one(const S_In *in, const unsigned char *p, size_t n, char delim, int whole)
{
	S_Sniff s = {in, 0, 0, 0, 0, 0, 1};
	struct csv_parser cp;
	csv_init(&cp, 0);
	csv_set_delim(&cp, (unsigned char)delim);
	csv_parse(&cp, p, n, S_sniff_field, S_sniff_record, &s);
	if (whole)
		csv_fini(&cp, S_sniff_field, S_sniff_record, &s);
	csv_free(&cp);
	return s;
}

static int S_better(S_Sniff a, S_Sniff b)
{
	if (a.matches != b.matches)
		return a.matches > b.matches;
	if (a.consistent != b.consistent)
		return a.consistent > b.consistent;
	return a.header_n > b.header_n;
}

/* Recognises the file from its first bytes, picks the delimiter and
 * starts the parser on the held sample.  whole: the sample is the file. */
static void S_sniff(S_In *in, const unsigned char *p, size_t n, int whole)
{
	in->sniffed = 1;
	size_t skip = 0;
	if (n >= 4 && !memcmp(p, "PK\3\4", 4)) {
		msg_error(in->ms, in->path, 0, 0,
		          "this is a spreadsheet workbook (.xlsx, .ods), not CSV text; open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"");
		in->stop = 1;
		return;
	}
	static const struct {
		const char *magic;
		size_t len;
		const char *what;
	} kinds[] = {
		{"\x89PNG", 4, N_("a PNG image")},       {"\xFF\xD8\xFF", 3, N_("a JPEG image")},
		{"GIF8", 4, N_("a GIF image")},          {"%PDF-", 5, N_("a PDF document")},
		{"\x1F\x8B", 2, N_("a gzip archive")},   {"Rar!", 4, N_("a RAR archive")},
		{"7z\xBC\xAF", 4, N_("a 7-Zip archive")}, {"{\\rtf", 5, N_("an RTF document")},
	};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (n >= kinds[k].len && !memcmp(p, kinds[k].magic, kinds[k].len)) {
			msg_add_args(in->ms, MSG_ERROR, in->path, 0, 0,
			             "this is %s, not CSV text; open it in Excel or LibreOffice and save it as "
			             "\"CSV UTF-8 (Comma delimited) (*.csv)\"",
			             MSG_TR(1), kinds[k].what, NULL, NULL);
			in->stop = 1;
			return;
		}
	if (n >= 8 && !memcmp(p, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
		msg_error(in->ms, in->path, 0, 0, "this is an Excel 97-2003 workbook (.xls), not CSV text; open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"");
		in->stop = 1;
		return;
	}
	if (n >= 4 && (!memcmp(p, "\xFF\xFE\0\0", 4) || !memcmp(p, "\0\0\xFE\xFF", 4))) {
		msg_error(in->ms, in->path, 0, 0, "the file is UTF-32 text, not UTF-8; open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"");
		in->stop = 1;
		return;
	}
	size_t nul = 0;
	for (const unsigned char *z = memchr(p, 0, n); z; z = memchr(z + 1, 0, n - (size_t)(z + 1 - p)))
		nul++;
	if ((n >= 2 && (!memcmp(p, "\xFF\xFE", 2) || !memcmp(p, "\xFE\xFF", 2))) || (n && nul * 5 >= n)) {
		msg_error(in->ms, in->path, 0, 0,
		          "the file is UTF-16 text (\"Unicode text\"), not UTF-8; open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"");
		in->stop = 1;
		return;
	}
	if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		skip = 3;
	in->delim = 0;
	/* Excel's "sep=;" line names the delimiter and is no data */
	if (n - skip >= 5 && !strncasecmp((const char *)p + skip, "sep=", 4)) {
		size_t e = skip + 5;
		while (e < n && S_is_space(p[e]))
			e++;
		if (p[skip + 4] != '\r' && p[skip + 4] != '\n' && (e == n || p[e] == '\r' || p[e] == '\n')) {
			in->delim = (char)p[skip + 4];
			if (e < n && p[e] == '\r')
				e++;
			if (e < n && p[e] == '\n')
				e++;
			in->line++;
			skip = e;
		}
	}
	if (!in->delim) {
		/* the header names known columns under one delimiter only, as a
		 * rule; a tie is settled by the widths of the next lines */
		const unsigned char *nl = memchr(p + skip, '\n', n - skip);
		size_t end1 = nl ? (size_t)(nl - p) + 1 : n;
		int all = whole && end1 == n;
		if (S_cols_match(&S_memo_sniff.cols, in) && S_memo_sniff.line.ptr &&
		    S_memo_sniff.line.len == end1 - skip + 1 && !memcmp(S_memo_sniff.line.ptr, p + skip, end1 - skip) &&
		    S_memo_sniff.line.ptr[end1 - skip] == (char)('0' + all)) {
			in->delim = S_memo_sniff.delim;
		} else {
			S_Sniff hc = S_sniff_one(in, p + skip, end1 - skip, ',', all);
			S_Sniff hs = S_sniff_one(in, p + skip, end1 - skip, ';', all);
			if (hc.matches != hs.matches) {
				in->delim = hs.matches > hc.matches ? ';' : ',';
				const Buf *k = S_cols_key(in);
				S_set(&S_memo_sniff.cols, k->ptr, k->len);
				S_set(&S_memo_sniff.line, p + skip, end1 - skip);
				buf_putc(&S_memo_sniff.line, '0' + all);
				S_memo_sniff.delim = in->delim;
			}
		}
	}
	if (!in->delim) {
		size_t end = skip;
		for (int k = 0; k < S_SNIFF_LINES && end < n; k++) {
			const unsigned char *nl = memchr(p + end, '\n', n - end);
			end = nl ? (size_t)(nl - p) + 1 : n;
		}
		whole = whole && end == n;
		S_Sniff c = S_sniff_one(in, p + skip, end - skip, ',', whole);
		S_Sniff s = S_sniff_one(in, p + skip, end - skip, ';', whole);
		in->delim = S_better(s, c) ? ';' : ',';
	}
	csv_init(&in->p, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_delim(&in->p, (unsigned char)in->delim);
	/* libcsv grows a field 128 bytes at a time by default: quadratic
	 * copying on a long field */
	csv_set_blk_size(&in->p, 64 * 1024);
	in->parser_on = 1;
	in->off = skip;
	in->cb_line = in->line; /* after a "sep=" line */
	S_process(in, p + skip, n - skip);
	buf_release(&in->sample);
}

/* The record buffer and field list of the last file read, taken by the
 * next one: 10,000 unit files would otherwise each allocate their own and
 * start with it cold.  Kept for the thread (a small one: a larger buffer
 * is freed); a read started inside another gets its own. */
static _Thread_local struct {
	int busy;
	Buf fbuf;
	S_Fld *fld;
	size_t cap_f;
} S_spare;

static void S_init(S_In *in, const char *path, const CsvCol *cols, size_t n_cols, CsvRowFn fn,
                   void *ctx, Msgs *ms)
{
	memset(in, 0, sizeof *in);
	in->path = path;
	in->cols = cols;
	in->n_cols = n_cols;
	in->fn = fn;
	in->ctx = ctx;
	in->ms = ms;
	in->n_error0 = ms->n_error;
	sha256_init(&in->sha);
	buf_init(&in->sample);
	buf_init(&in->fbuf);
	if (!S_spare.busy) {
		S_spare.busy = in->spare = 1;
		if (S_spare.fbuf.ptr) {
			in->fbuf = S_spare.fbuf;
			buf_reset(&in->fbuf);
			in->fld = S_spare.fld;
			in->cap_f = S_spare.cap_f;
			in->fast_nf = in->cap_f < S_MAX_FIELDS ? in->cap_f : S_MAX_FIELDS;
		}
	}
	in->line = in->cb_line = 1;
	in->col_of = xmalloc((n_cols ? n_cols : 1) * sizeof *in->col_of);
	in->row = xmalloc((n_cols ? n_cols : 1) * sizeof *in->row);
}

static void S_feed(S_In *in, const void *data, size_t n)
{
	if (in->want_sha)
		sha256_update(&in->sha, n, data);
	if (in->stop)
		return;
	if (!in->sniffed) {
		/* the sample is the first S_SAMPLE bytes exactly, whatever the
		 * chunks, so the delimiter found never depends on them */
		size_t k = S_SAMPLE - in->sample.len < n ? S_SAMPLE - in->sample.len : n;
		buf_add(&in->sample, data, k);
		if (in->sample.len < S_SAMPLE)
			return;
		S_sniff(in, (const unsigned char *)in->sample.ptr, in->sample.len, 0);
		data = (const char *)data + k;
		n -= k;
		if (in->stop)
			return;
	}
	S_process(in, data, n);
}

static int S_finish(S_In *in, CsvInfo *info)
{
	if (!in->sniffed && !in->stop)
		S_sniff(in, (const unsigned char *)in->sample.ptr, in->sample.len, 1);
	if (!in->stop && in->u8_need) {
		in->stop = 1;
		msg_error(in->ms, in->path, in->line, (int)in->nf + 1,
		          "the file is not UTF-8 text: it ends inside a character (byte 0x%02X at byte offset "
		          "%llu); open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		          in->u8_lead, (unsigned long long)in->u8_off);
	}
	if (in->parser_on) {
		if (!in->stop && csv_fini(&in->p, S_cb_field, S_cb_record, in) != 0 && !in->stop)
			msg_error(in->ms, in->path, in->quote_line, (int)in->nf + 1,
			          "unterminated quote: the quoted field that starts here has no closing quote (\")");
		csv_free(&in->p);
	}
	if (in->grid && !in->have_header && in->ms->n_error == in->n_error0) {
		Buf req;
		buf_init(&req);
		for (size_t j = 0; j < in->n_cols; j++)
			if (in->cols[j].required)
				buf_printf(&req, "%s%s", req.len ? ", " : "", in->cols[j].name);
		if (in->best_n && in->sheet)
			msg_error(in->ms, in->path, in->best_line, 0,
			          "no row of sheet '%s' names every required column (%s): the header row is "
			          "missing or misspelt (this row names %d of them)",
			          in->sheet, req.ptr, in->best_n);
		else if (in->best_n)
			msg_error(in->ms, in->path, in->best_line, 0,
			          "no row of the sheet names every required column (%s): the header row is "
			          "missing or misspelt (this row names %d of them)",
			          req.ptr, in->best_n);
		else if (in->sheet)
			msg_error(in->ms, in->path, 0, 0,
			          "no row of sheet '%s' names the required columns (%s): the sheet has no "
			          "header row",
			          in->sheet, req.ptr);
		else
			msg_error(in->ms, in->path, 0, 0,
			          "no row of the sheet names the required columns (%s): the sheet has no "
			          "header row",
			          req.ptr);
		buf_release(&req);
	} else if (!in->have_header && in->ms->n_error == in->n_error0) {
		Buf known;
		buf_init(&known);
		for (size_t j = 0; j < in->n_cols; j++)
			buf_printf(&known, "%s%s", j ? "," : "", in->cols[j].name);
		msg_error(in->ms, in->path, 0, 0, "the file is empty: it needs at least the header row '%s'",
		          known.ptr);
		buf_release(&known);
	}
	if (info) {
		sha256_digest(&in->sha, sizeof info->sha256, info->sha256);
		info->delim = in->delim ? in->delim : ',';
		info->n_rows = in->n_rows;
		info->header_line = in->have_header ? in->header_line : 0;
	}
	int rc = in->ms->n_error > in->n_error0 ? CSVIN_ERROR : CSVIN_OK;
	buf_release(&in->sample);
	if (in->spare && in->fbuf.cap <= 64 * 1024 && in->cap_f <= 256) {
		S_spare.fbuf = in->fbuf; /* the next file takes them */
		S_spare.fld = in->fld;
		S_spare.cap_f = in->cap_f;
	} else {
		buf_release(&in->fbuf);
		free(in->fld);
		if (in->spare)
			memset(&S_spare, 0, sizeof S_spare);
	}
	if (in->spare)
		S_spare.busy = 0;
	if (in->cols_key.ptr)
		buf_release(&in->cols_key);
	free(in->map);
	free(in->col_of);
	free(in->row);
	return rc;
}

void csvin_thread_done(void)
{
	buf_release(&S_memo_sniff.cols);
	buf_release(&S_memo_sniff.line);
	buf_release(&S_memo_header.cols);
	buf_release(&S_memo_header.fields);
	free(S_memo_header.map);
	free(S_memo_header.col_of);
	memset(&S_memo_sniff, 0, sizeof S_memo_sniff);
	memset(&S_memo_header, 0, sizeof S_memo_header);
	if (!S_spare.busy) {
		buf_release(&S_spare.fbuf);
		free(S_spare.fld);
		memset(&S_spare, 0, sizeof S_spare);
	}
}

int csvin_read_mem(const char *path, const void *data, size_t n, size_t chunk, const CsvCol *cols,
                   size_t n_cols, CsvRowFn fn, void *ctx, Msgs *ms, CsvInfo *info)
{
	S_In in;
	S_init(&in, path, cols, n_cols, fn, ctx, ms);
	in.want_sha = info != NULL;
	if (!chunk)
		chunk = n ? n : 1;
	for (size_t i = 0; i < n; i += chunk)
		S_feed(&in, (const char *)data + i, n - i < chunk ? n - i : chunk);
	return S_finish(&in, info);
}


int csvin_open(const char *dir, const char *path, Msgs *ms, struct stat *st)
{
	/* plain concatenation: this runs once per unit file */
	size_t nd = strlen(dir), np = strlen(path);
	char *full = xmalloc(nd + np + 2);
	memcpy(full, dir, nd);
	full[nd] = '/';
	memcpy(full + nd + 1, path, np + 1);
	/* O_NONBLOCK: a FIFO named like a CSV must not hang the run */
	int fd = open(full, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	free(full);
	if (fd < 0) {
		if (errno == ENOENT)
			return -2;
		msg_error(ms, path, 0, 0, "cannot open the file: %s", strerror(errno));
		return -1;
	}
	int bad = 1;
	if (fstat(fd, st) != 0)
		msg_error(ms, path, 0, 0, "cannot read the file: %s", strerror(errno));
	else if (S_ISDIR(st->st_mode))
		msg_error(ms, path, 0, 0, "cannot read the file: it is a folder, not a file");
	else if (!S_ISREG(st->st_mode))
		msg_error(ms, path, 0, 0,
		          "cannot read the file: it is not a regular file (a device, pipe or socket)");
	else
		bad = 0;
	if (bad) {
		close(fd);
		return -1;
	}
	if (st->st_size > S_MAX_FILE) {
		msg_error(ms, path, 0, 0,
		          "the file is %lld MiB: chitieu reads files up to %d MiB (the figures of a unit "
		          "take a few KiB); is this the right file?",
		          (long long)(st->st_size / (1024 * 1024)), S_MAX_FILE / (1024 * 1024));
		close(fd);
		return -1;
	}
	return fd;
}

int csvin_read(const char *dir, const char *path, const CsvCol *cols, size_t n_cols, CsvRowFn fn,
               void *ctx, Msgs *ms, CsvInfo *info)
{
	struct stat st;
	int fd = csvin_open(dir, path, ms, &st);
	if (fd < 0)
		return fd == -2 ? CSVIN_MISSING : CSVIN_ERROR;
	/* A regular file: O_NONBLOCK changes nothing for its reads.  read()
	 * into our own chunk, no stdio buffer in between. */
	S_In in;
	S_init(&in, path, cols, n_cols, fn, ctx, ms);
	in.want_sha = info != NULL;
	/* The first S_SAMPLE bytes (a unit's whole file, as a rule) are read
	 * into chunk and sniffed there, not copied into in.sample first. */
	static_assert(S_CHUNK == S_SAMPLE, "the first chunk is the sample"); /* untranslated: the compiler's */
	unsigned char chunk[S_CHUNK];
	size_t have = 0;
	int eof = 0;
	for (;;) {
		ssize_t got = read(fd, chunk + have, S_CHUNK - have);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			msg_error(ms, path, 0, 0, "cannot read the file: %s", strerror(errno));
			in.stop = 1;
			break;
		}
		if (got == 0) {
			eof = 1;
		} else {
			have += (size_t)got;
			if (have < S_CHUNK && !in.sniffed)
				continue; /* the sample is not whole yet */
		}
		if (have) {
			if (in.want_sha)
				sha256_update(&in.sha, have, chunk);
			/* after a stop the digest is still of every byte */
			if (!in.stop && !in.sniffed)
				S_sniff(&in, chunk, have, eof);
			else if (!in.stop)
				S_process(&in, chunk, have);
			have = 0;
		}
		if (eof)
			break;
	}
	close(fd);
	return S_finish(&in, info);
}

/* --- The record stage for other formats --------------------------------- */

struct CsvRecs {
	S_In in;
	char *sheet;
};

CsvRecs *csvrecs_new(const char *path, const CsvCol *cols, size_t n_cols, CsvRowFn fn, void *ctx,
                     Msgs *ms)
{
	CsvRecs *r = xmalloc(sizeof *r);
	S_init(&r->in, path, cols, n_cols, fn, ctx, ms);
	r->in.grid = 1;
	r->in.sniffed = 1;
	r->sheet = NULL;
	return r;
}

void csvrecs_sheet(CsvRecs *r, const char *name)
{
	free(r->sheet);
	r->sheet = name ? xstrdup(name) : NULL;
	r->in.sheet = r->sheet;
}

void csvrecs_field(CsvRecs *r, const char *text, size_t len, int line, CsvKind kind)
{
	if (!r->in.stop)
		S_add_field(&r->in, text, len, line, kind);
}

int csvrecs_end_row(CsvRecs *r)
{
	S_cb_record(0, &r->in);
	return r->in.stop;
}

void csvrecs_stop(CsvRecs *r)
{
	r->in.stop = 1;
}

int csvrecs_finish(CsvRecs *r, CsvInfo *info)
{
	int rc = S_finish(&r->in, info);
	free(r->sheet);
	free(r);
	return rc;
}
