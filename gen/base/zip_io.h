/* SPDX-License-Identifier: MIT */
/* zip_io: zip archives, the only file that includes <zip.h>; and the
 * parts of an Office Open XML package read through libxml2's
 * xmlTextReader, set up once for the workbook and the Word readers
 * (xlsxin.c, docxin.c).
 *
 * Reading (ZipIn): the archive is held in memory by the caller.  It is
 * opened without libzip's ZIP_CHECKCONS, which refuses files every other
 * reader takes; zip_in_open then refuses what must be refused: a
 * directory that does not match the entries, an entry's data running
 * past the directory (a truncated file), entries sharing bytes (a zip
 * bomb's trick), an entry without its local header, and two entries
 * naming one part.  Entry names are compared as OPC compares part names
 * (ECMA-376 part 2): without case, a backslash taken as a slash, %XX
 * decoded.  Every byte inflated, every part of the archive, is counted
 * against one limit as it comes out of libzip: the sizes a zip's headers
 * claim are never trusted.  A part is read as XML with no network, no
 * DTD loading, no entity substitution; a part that declares a DTD is
 * refused.
 *
 * The reader says what went wrong (a ZipInError to the caller's
 * ZipInReport), not in words: each caller words it for its kind of file
 * ("the workbook ...; open it in Excel ..."), since a clerk fixes a
 * workbook and a Word file apart.
 *
 * Writing (ZipOut): an archive of entries, deflated, each with one fixed
 * time (reproducible bytes); errors name the archive's path. */
#ifndef CHITIEU_ZIP_IO_H
#define CHITIEU_ZIP_IO_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <libxml/xmlreader.h>

typedef enum {
	ZIP_IN_OK = 0,
	ZIP_IN_NOT_ZIP,    /* libzip cannot open it: detail says why */
	ZIP_IN_DIRECTORY,  /* its zip directory does not match its entries */
	ZIP_IN_PAST_END,   /* name runs past the start of the directory */
	ZIP_IN_NO_LOCAL,   /* name is not where the directory puts it */
	ZIP_IN_OVERLAP,    /* name and name2 share bytes */
	ZIP_IN_TWICE,      /* two entries name the part name */
	ZIP_IN_MISSING,    /* no entry holds the part name */
	ZIP_IN_ENCRYPTED,  /* the part is encrypted (a password) */
	ZIP_IN_TOO_BIG,    /* the parts inflate past the archive's limit */
	ZIP_IN_UNREADABLE, /* libzip cannot open the part name: detail */
	ZIP_IN_DAMAGED,    /* inflating the part name failed: detail */
	ZIP_IN_DTD,        /* the part name declares a DTD */
	ZIP_IN_BAD_XML,    /* the part name is not well-formed: line, detail */
	ZIP_IN_NO_READER,  /* libxml2 made no reader for the part name */
} ZipInFault;

/* What went wrong.  Names are shown safe (control bytes, and bytes past
 * ASCII of a name that is no UTF-8, as '?').  Owned by the struct. */
typedef struct {
	ZipInFault fault;
	char *name, *name2, *detail;
	int line;
} ZipInError;

/* Where the reader tells what went wrong, as it happens: the caller words
 * it (e is the reader's, valid during the call). */
typedef void (*ZipInReport)(void *ctx, const ZipInError *e);

typedef struct ZipIn ZipIn;

/* Opens the archive in data[0..n) (held by the caller until
 * zip_in_free), whose parts may inflate to max_inflated bytes in all;
 * every fault found then or later goes to report(ctx, ...).  NULL when
 * it is refused (reported). */
ZipIn *zip_in_open(const void *data, size_t n, uint64_t max_inflated, ZipInReport report,
                   void *ctx);
/* Accepts NULL. */
void zip_in_free(ZipIn *z);
/* Whether an entry holds the part (an OPC part name). */
int zip_in_has(const ZipIn *z, const char *part);

/* One part being read as XML. */
typedef struct ZipPart ZipPart;

/* Opens the part for reading into *p: 0; 1 when no entry holds it and
 * it is optional (nothing reported); -1 when it cannot be read (reported;
 * ZIP_IN_MISSING for a part not optional). */
int zip_part_open(ZipIn *z, const char *part, int optional, ZipPart **p);
/* The reader over the part: walk it with zip_part_next, look at its
 * nodes with libxml2's xmlTextReader* functions. */
xmlTextReaderPtr zip_part_reader(ZipPart *p);
/* The next node: 1, 0 at the end, -1 on a problem (zip_part_close says
 * which). */
int zip_part_next(ZipPart *p);
/* Closes the part (NULL accepted).  rc: the last zip_part_next's (or the
 * caller's own) result; rc < 0: the reading stopped on a problem, which
 * is reported (too big, damaged, a DTD, else not well-formed: a caller
 * that stopped for a reason of its own, already said, ignores it). */
void zip_part_close(ZipPart *p, int rc);

typedef struct ZipOut ZipOut;

/* Starts the archive path (written at zip_out_close).  NULL with *err
 * (the caller frees) when it cannot. */
ZipOut *zip_out_open(const char *path, char **err);
/* Adds an entry of n bytes at data, which must stay until
 * zip_out_close, deflated, dated t (UTC; before 1980 is 1980-01-01). */
void zip_out_add_mem(ZipOut *z, const char *name, const void *data, size_t n, time_t t);
/* Adds an entry holding the file at path, read at zip_out_close. */
void zip_out_add_file(ZipOut *z, const char *name, const char *path, time_t t);
/* Writes the archive and frees z.  0, or -1 with *err naming the
 * archive (nothing left at its path). */
int zip_out_close(ZipOut *z, char **err);
/* Writes nothing (no file at the path) and frees z; NULL accepted. */
void zip_out_discard(ZipOut *z);

#endif
