/* SPDX-License-Identifier: MIT */
/* xlsxin: a unit's figures from an Excel workbook, so-lieu/<ma>.xlsx.
 *
 * The workbook is opened with zip_io.c (the only includer of <zip.h>) and
 * its parts are read with libxml2's streaming reader; xlsxin only maps the sheet's cells to rows and hands
 * them to csvin's record stage (csvrecs_*), so the header matching, every
 * message and limit, and the reader's row function are those of a CSV file.
 * The package is read as OPC says (the workbook part from _rels/.rels,
 * every part through its source's relationships, part names compared
 * without case, a backslash taken as a slash).  The sheet read is the
 * worksheet named "So lieu" (folded: "Số liệu", "SO_LIEU" too), else the
 * first visible worksheet (hidden sheets and chart sheets are passed
 * over); messages about its content name it ("sheet 'So lieu'").  Rows
 * and columns in messages are the sheet's (row 14, column 3 is cell C14;
 * msg adds "(ô C14)").  Cells reach the row function as text with their
 * CsvKind: a shared or inline string is TEXT, a number NUMBER (a whole
 * float as an integer; a formula's value within 1e-9 of a whole number,
 * relative, as that number), a number in a date format DATE
 * ("YYYY-MM-DD", in the workbook's 1900 or 1904 date system), a boolean
 * BOOL, an error value ERROR, a formula by its saved value (none saved:
 * CSV_NOVALUE, refused by the record stage).  A cell with no value (a
 * style only, an empty string) is no field, wherever it stands.
 *
 * Hostile files end with an error naming the file, never a crash: a file
 * that is not a zip, a zip whose entries run past its directory or share
 * bytes, an encrypted workbook (zip encryption or an OLE
 * "EncryptedPackage"), a part missing or damaged, more than 64 MiB inflated
 * in all (counted as it inflates: a zip bomb stops there), a shared string
 * index out of range, a row or cell out of order or repeated, a reference
 * beyond the sheet's size, an XML DTD.  Memory stays bounded: the shared
 * strings are held (they are within the inflated limit), the sheet is
 * streamed row by row. */
#ifndef CHITIEU_XLSXIN_H
#define CHITIEU_XLSXIN_H
#include <stddef.h>

#include "csvin.h"

/* Reads dir/path like csvin_read (path is relative to dir and used in
 * messages).  Returns CSVIN_OK, CSVIN_ERROR or CSVIN_MISSING. */
int xlsxin_read(const char *dir, const char *path, const CsvCol *cols, size_t n_cols,
                CsvRowFn fn, void *ctx, Msgs *ms, CsvInfo *info);

/* The same over a workbook's bytes in memory (tests, fuzzing). */
int xlsxin_read_mem(const char *path, const void *data, size_t n, const CsvCol *cols,
                    size_t n_cols, CsvRowFn fn, void *ctx, Msgs *ms, CsvInfo *info);

#endif
