/* SPDX-License-Identifier: MIT */
/* csvin: the one CSV reader every input file goes through (the only file
 * that includes <csv.h>).
 *
 * A reader names the columns it knows; csvin streams the file (fed in
 * chunks, never held whole), checks that it is CSV text, sniffs the
 * delimiter, maps the header onto the known columns and calls the
 * reader's row function once per data row with, for every known column,
 * the field's text (trimmed) and where it sits in the file as a
 * spreadsheet shows it (physical line, column = field number, 1-based).
 *
 * What csvin reports itself (to the Msgs, path relative to the input
 * folder), so readers never repeat it:
 * - errors: a file that is not CSV text (xlsx/xls workbook, UTF-16/32,
 *   invalid UTF-8 with its byte offset and a hint about Windows-1258,
 *   NUL or control bytes), an empty file, malformed or unterminated
 *   quoting (at the line where the quote opened), a missing required
 *   column, a known column named twice, a row whose width differs from
 *   the header's.  After an encoding error the rest of the file is not
 *   read (it would only repeat the same problem).
 * - warnings: an unknown column (its values are kept out of the rows).
 * Accepted silently: a UTF-8 BOM, an Excel "sep=;" first line, LF or
 * CRLF, blank lines and lines of only delimiters (skipped; later line
 * numbers stay right), spaces around any field (quoted too; also
 * no-break spaces).
 *
 * Rows with a structural error (ragged) are not delivered, nor any row of
 * a file whose header lacks a required column or names one twice; every
 * other row is, so the reader checks values and reports them with the
 * field's line and column.
 *
 * The delimiter: an Excel "sep=" line names it; else the one under which
 * the header names more known columns; on a tie, the one giving every
 * one of the first lines the header's width; else ','.  Messages give
 * byte offsets from the start of the file, 0-based (as hex editors and
 * iconv do). */
#ifndef CHITIEU_CSVIN_H
#define CHITIEU_CSVIN_H
#include <stddef.h>

#include "msg.h"

/* A column the reader knows.  name is the folded form (text_fold):
 * lower case ASCII, '_' between words, e.g. "tu_so".  A header cell
 * matches when its text_fold() equals name ("Tử số", "TU_SO"). */
typedef struct {
	const char *name;
	int required;  /* 1: a file without it is an error (named) */
} CsvCol;

/* What a field held.  A CSV file holds text only; a workbook's cell
 * (xlsxin) also tells numbers, dates, booleans and error values apart,
 * so a reader can refuse a date where a count belongs. */
typedef enum {
	CSV_TEXT = 0,  /* text as typed (a CSV field, a string cell) */
	CSV_NUMBER,    /* a number cell: text is its value, an integer in
	                  decimal when whole ("12"), else as stored ("1.5") */
	CSV_DATE,      /* a number cell with a date format: text is
	                  "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM" with a time) */
	CSV_BOOL,      /* text is "TRUE" or "FALSE" */
	CSV_ERROR,     /* an error value: text is "#DIV/0!", "#N/A", ... */
	CSV_NOVALUE    /* a formula saved without its value (text ""); the
	                  record stage reports it and keeps the row back */
} CsvKind;

/* One field of a row, for one known column. */
typedef struct {
	const char *text; /* trimmed, NUL-terminated, valid UTF-8 (not yet
	                     NFC); "" when empty or the column is absent */
	int line, col;    /* where the field is; col 0 when the column is
	                     absent from this file (line is then the row's) */
	CsvKind kind;
} CsvField;

/* One data row.  Valid only during the callback: copy what you keep. */
typedef struct {
	const char *path;     /* as given to csvin (for messages) */
	int line;             /* line of the row's first field */
	const CsvField *f;    /* [n_cols], in the order of the reader's CsvCol */
	size_t n_cols;
} CsvRow;

/* Called once per data row in file order.  Return 0 to go on, non-zero
 * to stop reading the file (csvin_read then returns what it has). */
typedef int (*CsvRowFn)(void *ctx, const CsvRow *row);

/* What csvin_read learned about the file.  Pass NULL when none of it is
 * wanted: the file's digest is then not taken (a third of the work of
 * reading a unit's file of figures, beside libcsv's). */
typedef struct {
	unsigned char sha256[32]; /* of the file's bytes, as read */
	char delim;               /* ',' or ';' */
	size_t n_rows;            /* data rows delivered */
	int header_line;          /* line of the header row (0: none) */
} CsvInfo;

enum {
	CSVIN_OK = 0,       /* read; no error recorded for it */
	CSVIN_ERROR = -1,   /* read (or tried to); errors recorded in ms */
	CSVIN_MISSING = 1   /* no such file; nothing recorded: the caller
	                       decides whether that is an error */
};

/* Opens dir/path for reading, checked as every data file is: a regular
 * file (a folder, device or FIFO is an error; O_NONBLOCK keeps a FIFO from
 * hanging the open, and changes nothing for a regular file's reads) of at
 * most 64 MiB.  Returns the descriptor (the caller closes it) and fills
 * *st; -2 when there is no such file (nothing recorded); -1 with the error
 * recorded in ms.  csvin_read and xlsxin_read both open through it. */
struct stat;
int csvin_open(const char *dir, const char *path, Msgs *ms, struct stat *st);

/* Reads dir/path (path relative to dir, also used in messages).
 * info may be NULL.  Returns CSVIN_OK, CSVIN_ERROR or CSVIN_MISSING. */
int csvin_read(const char *dir, const char *path, const CsvCol *cols, size_t n_cols,
               CsvRowFn fn, void *ctx, Msgs *ms, CsvInfo *info);

/* csvin keeps, per thread, what the last file's header decided and its
 * scratch, for the next file.  A thread that read files calls this before
 * it ends (the main thread need not: what it keeps stays reachable). */
void csvin_thread_done(void);

/* The same over bytes already in memory, fed to the parser chunk bytes at
 * a time (0: one chunk): the result does not depend on chunk.  For tests
 * and for callers that hold the text already. */
int csvin_read_mem(const char *path, const void *data, size_t n, size_t chunk,
                   const CsvCol *cols, size_t n_cols, CsvRowFn fn, void *ctx, Msgs *ms,
                   CsvInfo *info);

/* The record stage alone, for a reader of another format (xlsxin): it
 * is handed a sheet's rows cell by cell and does with them what
 * csvin_read does with CSV records — the same header matching, messages,
 * limits and row callbacks — with two differences a sheet needs: the
 * header is the first row that names every required column (a title and
 * notes above it are skipped), and a row is as wide as the header (its
 * empty cells at the end are empty fields; a value beyond the header's
 * last column is in an unnamed column, a warning, and a row with nothing
 * in the named columns is no record).
 * csvrecs_finish frees r and returns CSVIN_OK or CSVIN_ERROR; info (may
 * be NULL) is filled except sha256, left to the caller. */
typedef struct CsvRecs CsvRecs;
CsvRecs *csvrecs_new(const char *path, const CsvCol *cols, size_t n_cols, CsvRowFn fn, void *ctx,
                     Msgs *ms);
/* Names the sheet the rows come from in the record stage's messages about
 * the sheet as a whole ("no row of sheet 'So lieu' names ..."); copied. */
void csvrecs_sheet(CsvRecs *r, const char *name);
/* The next cell of the current row (column = the number of cells given
 * before it + 1: give empty cells for gaps).  text need not be
 * NUL-terminated; it is trimmed like a CSV field.  line: the sheet row. */
void csvrecs_field(CsvRecs *r, const char *text, size_t len, int line, CsvKind kind);
/* Ends the row.  Non-zero: stop reading (an error limit, or the reader's
 * row function said so). */
int csvrecs_end_row(CsvRecs *r);
/* No more rows will be taken (the caller met an error in the file). */
void csvrecs_stop(CsvRecs *r);
int csvrecs_finish(CsvRecs *r, CsvInfo *info);

#endif
