/* SPDX-License-Identifier: MIT */
/* xlsxin: so-lieu/<ma>.xlsx over zip_io.c and libxml2's xmlTextReader.
 *
 * The package is read as OPC (ECMA-376 part 2) says: the zip's entry
 * names are part names compared without case, a backslash taken as a
 * slash; the workbook part is the one _rels/.rels names (else
 * xl/workbook.xml); every other part is found through its source part's
 * relationships, targets resolved against the source part's folder.
 * The parts read, in order: the workbook (its sheets, the 1904 date
 * system), its relationships (where the sheets, the shared strings and
 * the styles are), the styles (which cell formats are dates), the shared
 * strings (held: cells name them by index), then the sheet, streamed:
 * each <row> becomes one record of csvin's record stage.  Elements are
 * matched by namespace and place, never by local name anywhere.
 *
 * The zip and each part's XML reader come from zip_io.c, which refuses
 * what must be refused (a damaged zip directory, entries sharing bytes,
 * a DTD) and counts every byte inflated against S_MAX_INFLATED; this file
 * words what it found for a clerk holding a workbook (S_report). */
#include "xlsxin.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <nettle/sha2.h>

#include "buf.h"
#include "date.h"
#include "text.h"
#include "xalloc.h"
#include "zip_io.h"

/* The inflated workbook, as csvin_open limits a file: a unit's takes a few KiB. */
#define S_MAX_INFLATED (64 * 1024 * 1024)
#define S_MAX_ROW 1048576 /* Excel's sheet: rows 1..1048576, columns A..XFD */
#define S_MAX_COL 16384

/* SpreadsheetML's namespaces: transitional (what every program writes)
 * and strict (Excel's "Strict Open XML Spreadsheet"). */
static const char *const S_NS_MAIN[] = {"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                        "http://purl.oclc.org/ooxml/spreadsheetml/main", NULL};
static const char *const S_NS_REL[] = {
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
	"http://purl.oclc.org/ooxml/officeDocument/relationships", NULL};
static const char *const S_NS_PKG[] = {"http://schemas.openxmlformats.org/package/2006/relationships",
                                       NULL};

/* One relationship of a part: its target resolved to a part name. */
typedef struct {
	char *id, *type, *target;
} S_Rel;

/* One sheet of the workbook, in the workbook's order. */
typedef struct {
	char *name, *rid;
	int hidden;
} S_SheetRef;

typedef struct {
	const char *path;
	Msgs *ms;
	ZipIn *z;
	int failed;        /* an error about the file itself was recorded */
	int date1904;
	char *workbook, *sheet, *strings, *styles; /* part names */
	char *sheet_name;                          /* the sheet read, as the workbook names it */
	/* shared strings: NUL-terminated, one after another */
	Buf ss;
	size_t *ss_off, n_ss, cap_ss;
	/* cellXfs: 1 when the format is a date */
	unsigned char *xf_date;
	size_t n_xf, cap_xf;
} S_X;

/* One part being read. */
typedef struct {
	S_X *x;
	const char *name;
	ZipPart *zp;
	xmlTextReaderPtr rd; /* zp's */
} S_Part;

/* Every message is one format string of its own (the catalogue finds its
 * Vietnamese text by it). */
#define S_fail(x, line, col, ...)                                                                  \
	do {                                                                                       \
		msg_error((x)->ms, (x)->path, line, col, __VA_ARGS__);                             \
		(x)->failed = 1;                                                                   \
	} while (0)

static void S_over(S_X *x)
{
	S_fail(x, 0, 0,
	       "the workbook inflates to more than %d MiB: a unit's figures take a few KiB (a damaged "
	       "file or a zip bomb?); open it in Excel or LibreOffice and save it again as \"Excel "
	       "Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
	       S_MAX_INFLATED / (1024 * 1024));
}

/* The relationships part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels,
 * the package ("") -> _rels/.rels.  Caller frees. */
static char *S_rels_name(const char *part)
{
	const char *slash = strrchr(part, '/');
	if (!slash)
		return xasprintf("_rels/%s.rels", part);
	return xasprintf("%.*s/_rels/%s.rels", (int)(slash - part), part, slash + 1);
}

/* A relationship's target as a part name: absolute ("/xl/styles.xml"), or
 * relative to the source part's folder, its "." and ".." segments
 * removed (as RFC 3986 resolves them: ".." at the root stays there).
 * Caller frees. */
static char *S_resolve(const char *source, const char *target)
{
	Buf b;
	buf_init(&b);
	const char *t = target;
	if (*t == '/' || *t == '\\')
		t++;
	else {
		const char *slash = strrchr(source, '/');
		if (slash)
			buf_add(&b, source, (size_t)(slash - source) + 1);
	}
	size_t tn = strcspn(t, "#?");
	buf_add(&b, t, tn);
	char *s = buf_detach(&b, NULL);
	for (char *c = s; *c; c++)
		if (*c == '\\')
			*c = '/';
	/* the segments, "." dropped, ".." taking the one before off */
	char **seg = xcalloc(strlen(s) + 1, sizeof *seg);
	size_t n = 0;
	for (char *save = NULL, *tok = strtok_r(s, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..")) {
			if (n)
				n--;
			continue;
		}
		seg[n++] = tok;
	}
	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? "/" : "", seg[i]);
	free(seg);
	free(s);
	return buf_detach(&b, NULL);
}

/* --- Parts ------------------------------------------------------------ */

/* Words what zip_io found wrong with the workbook (zip_io.h). */
static void S_report(void *ctx, const ZipInError *e)
{
	S_X *x = ctx;
	if (x->failed) /* the reason already said */
		return;
	switch (e->fault) {
	case ZIP_IN_OK:
		break;
	case ZIP_IN_NOT_ZIP:
		S_fail(x, 0, 0,
		       "this is not a readable Excel workbook (%s); open it in Excel or LibreOffice "
		       "and save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma "
		       "delimited) (*.csv)\"",
		       e->detail);
		break;
	case ZIP_IN_DIRECTORY:
		S_fail(x, 0, 0,
		       "this is not a readable Excel workbook (its zip directory does not match its "
		       "entries); open it in Excel or LibreOffice and save it again as \"Excel Workbook "
		       "(*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"");
		break;
	case ZIP_IN_PAST_END:
		S_fail(x, 0, 0,
		       "this is not a readable Excel workbook: the zip entry %s runs past the start of "
		       "the zip directory (the file is truncated or damaged); open it in Excel or "
		       "LibreOffice and save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 "
		       "(Comma delimited) (*.csv)\"",
		       e->name);
		break;
	case ZIP_IN_NO_LOCAL:
		S_fail(x, 0, 0,
		       "this is not a readable Excel workbook: the zip entry %s is not where the zip "
		       "directory puts it (no local header naming it there); open it in Excel or "
		       "LibreOffice and save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 "
		       "(Comma delimited) (*.csv)\"",
		       e->name);
		break;
	case ZIP_IN_OVERLAP:
		S_fail(x, 0, 0,
		       "this is not a readable Excel workbook: the zip entries %s and %s share bytes (a "
		       "damaged file or a zip bomb); open it in Excel or LibreOffice and save it again "
		       "as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		       e->name, e->name2);
		break;
	case ZIP_IN_TWICE:
		S_fail(x, 0, 0,
		       "the workbook holds the part %s twice (under names that differ only in "
		       "case or slashes): the file is damaged; open it in Excel or LibreOffice and "
		       "save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma "
		       "delimited) (*.csv)\"",
		       e->name);
		break;
	case ZIP_IN_MISSING:
		S_fail(x, 0, 0,
		       "the workbook has no part %s, which its relationships name: it is damaged "
		       "or not an Excel workbook; open it in Excel or LibreOffice and save it again "
		       "as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		       e->name);
		break;
	case ZIP_IN_ENCRYPTED:
		S_fail(x, 0, 0,
		       "the workbook is encrypted (a password is set): remove the password in Excel "
		       "or LibreOffice and save it again");
		break;
	case ZIP_IN_TOO_BIG:
		S_over(x);
		break;
	case ZIP_IN_UNREADABLE:
		S_fail(x, 0, 0,
		       "cannot read the part %s of the workbook: %s; open it in Excel or LibreOffice "
		       "and save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma "
		       "delimited) (*.csv)\"",
		       e->name, e->detail);
		break;
	case ZIP_IN_DAMAGED:
		S_fail(x, 0, 0,
		       "the part %s of the workbook is damaged (%s); open it in Excel or "
		       "LibreOffice and save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV "
		       "UTF-8 (Comma delimited) (*.csv)\"",
		       e->name, e->detail);
		break;
	case ZIP_IN_DTD:
		S_fail(x, 0, 0,
		       "the part %s of the workbook declares a DTD (<!DOCTYPE>), which no workbook "
		       "has: the file is refused",
		       e->name);
		break;
	case ZIP_IN_BAD_XML:
		S_fail(x, 0, 0,
		       "the part %s of the workbook is not well-formed XML (line %d: %s); open it in "
		       "Excel or LibreOffice and save it again as \"Excel Workbook (*.xlsx)\" or as "
		       "\"CSV UTF-8 (Comma delimited) (*.csv)\"",
		       e->name, e->line, e->detail);
		break;
	case ZIP_IN_NO_READER:
		S_fail(x, 0, 0, "cannot read the part %s of the workbook", e->name);
		break;
	}
}

/* Opens a part.  optional: a missing part is no error (returns 1). */
static int S_open(S_X *x, S_Part *p, const char *name, int optional)
{
	p->x = x;
	p->name = name;
	int rc = zip_part_open(x->z, name, optional, &p->zp);
	p->rd = rc ? NULL : zip_part_reader(p->zp);
	return rc;
}

/* Reports why a part's reading stopped, if it stopped on a problem. */
static void S_close(S_Part *p, int rc)
{
	zip_part_close(p->zp, rc);
	p->zp = NULL;
	p->rd = NULL;
}

/* The next node: 1, 0 at the end, -1 on an error (S_close says which). */
#define S_next(p) zip_part_next((p)->zp)

static int S_in(const char *s, const char *const *set)
{
	for (; s && *set; set++)
		if (!strcmp(s, *set))
			return 1;
	return 0;
}

/* The current node is an element (type) named local in one of the
 * namespaces ns, at depth. */
static int S_is(S_Part *p, int type, int depth, const char *local, const char *const *ns)
{
	if (xmlTextReaderNodeType(p->rd) != type || xmlTextReaderDepth(p->rd) != depth)
		return 0;
	const xmlChar *n = xmlTextReaderConstLocalName(p->rd);
	if (!n || strcmp((const char *)n, local))
		return 0;
	return S_in((const char *)xmlTextReaderConstNamespaceUri(p->rd), ns);
}

#define S_START(p, d, n) S_is(p, XML_READER_TYPE_ELEMENT, d, n, S_NS_MAIN)
#define S_END(p, d, n) S_is(p, XML_READER_TYPE_END_ELEMENT, d, n, S_NS_MAIN)

/* An attribute by its local name in one of the namespaces ns, or (ns
 * NULL) in none; NULL when absent.  Caller frees. */
static char *S_attr_ns(S_Part *p, const char *local, const char *const *ns)
{
	char *v = NULL;
	if (xmlTextReaderMoveToFirstAttribute(p->rd) != 1)
		return NULL;
	do {
		const xmlChar *n = xmlTextReaderConstLocalName(p->rd);
		const char *u = (const char *)xmlTextReaderConstNamespaceUri(p->rd);
		if (n && !strcmp((const char *)n, local) && (ns ? S_in(u, ns) : !u)) {
			const xmlChar *val = xmlTextReaderConstValue(p->rd);
			v = xstrdup(val ? (const char *)val : "");
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(p->rd) == 1);
	xmlTextReaderMoveToElement(p->rd);
	return v;
}

#define S_attr(p, local) S_attr_ns(p, local, NULL)

/* Reads to the part's first element: it must be local of ns, else the
 * part is no such part.  0, or -1 (recorded). */
static int S_root(S_Part *p, const char *local, const char *const *ns)
{
	int rc;
	while ((rc = S_next(p)) == 1)
		if (xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_ELEMENT)
			break;
	if (rc != 1)
		return -1;
	if (S_is(p, XML_READER_TYPE_ELEMENT, 0, local, ns))
		return 0;
	const xmlChar *q = xmlTextReaderConstName(p->rd);
	S_fail(p->x, 0, 0,
	       "the part %s of the workbook holds <%s> where <%s> of Office Open XML belongs: the file "
	       "is damaged or not an Excel workbook; open it in Excel or LibreOffice and save it again "
	       "as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
	       p->name, q ? (const char *)q : "?", local);
	return -1;
}

/* The text inside the current element, appended to b (the element's
 * children that are elements are skipped with their text).  0 or -1. */
static int S_text(S_Part *p, Buf *b)
{
	if (xmlTextReaderIsEmptyElement(p->rd))
		return 0;
	int depth = xmlTextReaderDepth(p->rd);
	int rc;
	while ((rc = S_next(p)) == 1) {
		int t = xmlTextReaderNodeType(p->rd);
		if (t == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(p->rd) == depth)
			return 0;
		if ((t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
		     t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_WHITESPACE) &&
		    xmlTextReaderDepth(p->rd) == depth + 1) {
			const xmlChar *v = xmlTextReaderConstValue(p->rd);
			if (v)
				buf_puts(b, (const char *)v);
		}
	}
	return -1;
}

/* The text of a string item (<si> or <is>): its <t>, or the <t> of its
 * runs (<r>), leaving out phonetic runs (<rPh>) and anything else. */
static int S_string_item(S_Part *p, Buf *b)
{
	if (xmlTextReaderIsEmptyElement(p->rd))
		return 0;
	int depth = xmlTextReaderDepth(p->rd), in_r = 0, rc;
	while ((rc = S_next(p)) == 1) {
		if (xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(p->rd) == depth)
			return 0;
		if (S_START(p, depth + 1, "r"))
			in_r = !xmlTextReaderIsEmptyElement(p->rd);
		else if (S_END(p, depth + 1, "r"))
			in_r = 0;
		else if ((S_START(p, depth + 1, "t") || (in_r && S_START(p, depth + 2, "t"))) &&
		         S_text(p, b))
			return -1;
	}
	return -1;
}

static void S_rels_free(S_Rel *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].id);
		free(r[i].type);
		free(r[i].target);
	}
	free(r);
}

/* A part's relationships (none when it has no relationships part).
 * External targets are left out.  0, or -1 (recorded). */
static int S_rels(S_X *x, const char *source, S_Rel **out, size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	char *name = S_rels_name(source);
	S_Part p;
	int o = S_open(x, &p, name, 1);
	if (o) {
		free(name);
		return o > 0 ? 0 : -1;
	}
	size_t cap = 0;
	int rc = S_root(&p, "Relationships", S_NS_PKG) ? -1 : 1;
	while (rc == 1 && (rc = S_next(&p)) == 1) {
		if (!S_is(&p, XML_READER_TYPE_ELEMENT, 1, "Relationship", S_NS_PKG))
			continue;
		char *id = S_attr(&p, "Id"), *type = S_attr(&p, "Type"), *target = S_attr(&p, "Target"),
		     *mode = S_attr(&p, "TargetMode");
		if (id && type && target && !(mode && !strcmp(mode, "External"))) {
			*out = xgrow(*out, &cap, *n_out + 1, sizeof **out);
			(*out)[(*n_out)++] = (S_Rel){id, type, S_resolve(source, target)};
			id = type = NULL;
		}
		free(id);
		free(type);
		free(target);
		free(mode);
	}
	if (rc < 0 && x->failed)
		rc = -2; /* recorded already */
	S_close(&p, rc == -2 ? 0 : rc);
	free(name);
	if (rc < 0) {
		S_rels_free(*out, *n_out);
		*out = NULL;
		*n_out = 0;
		return -1;
	}
	return 0;
}

static int S_ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);
	return a >= b && !strcmp(s + a - b, end);
}

/* The workbook part: the package's officeDocument relationship, else
 * xl/workbook.xml (a package without _rels/.rels, as some tools write). */
static int S_find_workbook(S_X *x)
{
	S_Rel *r;
	size_t n;
	if (S_rels(x, "", &r, &n))
		return -1;
	for (size_t i = 0; i < n && !x->workbook; i++)
		if (S_ends_with(r[i].type, "/officeDocument") && zip_in_has(x->z, r[i].target))
			x->workbook = xstrdup(r[i].target);
	S_rels_free(r, n);
	if (!x->workbook && zip_in_has(x->z, "xl/workbook.xml"))
		x->workbook = xstrdup("xl/workbook.xml");
	if (x->workbook)
		return 0;
	if (zip_in_has(x->z, "content.xml"))
		S_fail(x, 0, 0,
		       "this is an OpenDocument spreadsheet (.ods) named .xlsx; open it in LibreOffice and "
		       "save it as \"Excel 2007-365 (.xlsx)\" or as \"Text CSV (.csv)\" in UTF-8");
	else
		S_fail(x, 0, 0,
		       "this zip file is not an Excel workbook (it has no workbook part); open it in Excel "
		       "or LibreOffice and save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 "
		       "(Comma delimited) (*.csv)\"");
	return -1;
}

static const char *S_SO_LIEU = "so_lieu"; /* the sheet's name, folded */

/* The sheets in the workbook's order, and the date system. */
static int S_workbook(S_X *x, S_SheetRef **out, size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	size_t cap = 0;
	S_Part p;
	if (S_open(x, &p, x->workbook, 0))
		return -1;
	int rc = S_root(&p, "workbook", S_NS_MAIN) ? -1 : 1, in_sheets = 0;
	while (rc == 1 && (rc = S_next(&p)) == 1) {
		/* the main namespace's workbookPr, under workbook: not the
		 * x15:workbookPr that Excel 2013+ writes in extLst */
		if (S_START(&p, 1, "workbookPr")) {
			char *v = S_attr(&p, "date1904");
			x->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
			free(v);
		} else if (S_START(&p, 1, "sheets"))
			in_sheets = !xmlTextReaderIsEmptyElement(p.rd);
		else if (S_END(&p, 1, "sheets"))
			in_sheets = 0;
		else if (in_sheets && S_START(&p, 2, "sheet")) {
			char *id = S_attr_ns(&p, "id", S_NS_REL), *name = S_attr(&p, "name"),
			     *state = S_attr(&p, "state");
			if (id) {
				*out = xgrow(*out, &cap, *n_out + 1, sizeof **out);
				(*out)[(*n_out)++] = (S_SheetRef){name ? name : xstrdup(""), id,
				                                  state && strcmp(state, "visible")};
			} else
				free(name);
			free(state);
		}
	}
	if (rc < 0 && x->failed)
		rc = -2;
	S_close(&p, rc == -2 ? 0 : rc);
	return rc < 0 ? -1 : 0;
}

/* Which sheet is read: the worksheet named "So lieu" (folded: "Số liệu",
 * "SO_LIEU" too), else the first worksheet the clerk sees (a hidden
 * sheet or a chart sheet is passed over); then where the shared strings
 * and the styles are. */
static int S_choose(S_X *x, const S_SheetRef *sh, size_t n_sh, const S_Rel *r, size_t n_r)
{
	if (!n_sh) {
		S_fail(x, 0, 0,
		       "the workbook has no sheet; open it in Excel or LibreOffice and save it again as "
		       "\"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"");
		return -1;
	}
	/* the sheet by its name, else the first visible worksheet; a sheet
	 * that would be read but has no part is an error, not passed over */
	const S_SheetRef *first = NULL;
	const S_Rel *first_rel = NULL;
	for (int pass = 0; pass < 2 && !first; pass++)
		for (size_t i = 0; i < n_sh && !first; i++) {
			if (pass == 0) {
				char *f = text_fold(sh[i].name);
				int named = !strcmp(f, S_SO_LIEU);
				free(f);
				if (!named)
					continue;
			} else if (sh[i].hidden)
				continue;
			const S_Rel *rel = NULL;
			for (size_t k = 0; k < n_r && !rel; k++)
				if (!strcmp(r[k].id, sh[i].rid))
					rel = &r[k];
			if (!rel) {
				S_fail(x, 0, 0,
				       "the sheet '%s' is not in the workbook: %s names no part for its "
				       "relationship '%s', the file is damaged; open it in Excel or "
				       "LibreOffice and save it again as \"Excel Workbook (*.xlsx)\" or as "
				       "\"CSV UTF-8 (Comma delimited) (*.csv)\"",
				       sh[i].name, x->workbook, sh[i].rid);
				return -1;
			}
			if (S_ends_with(rel->type, "/worksheet")) /* not a chart, dialog or macro sheet */
				first = &sh[i], first_rel = rel;
		}
	if (!first) {
		S_fail(x, 0, 0,
		       "the workbook has no visible worksheet (its sheets are hidden or hold charts): show "
		       "the sheet that holds the figures, or name it \"So lieu\", and save the workbook "
		       "again");
		return -1;
	}
	x->sheet = xstrdup(first_rel->target);
	x->sheet_name = xstrdup(first->name);
	for (size_t k = 0; k < n_r; k++) {
		if (S_ends_with(r[k].type, "/sharedStrings") && !x->strings)
			x->strings = xstrdup(r[k].target);
		else if (S_ends_with(r[k].type, "/styles") && !x->styles)
			x->styles = xstrdup(r[k].target);
	}
	return 0;
}

/* Excel's built-in date and time formats. */
static int S_builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

/* A custom number format is a date when it shows a day, month or year:
 * d, m or y outside quotes, brackets ([Red], [$-42A]) and escapes. */
static int S_format_is_date(const char *f)
{
	for (const char *s = f; *s; s++) {
		if (*s == '"') {
			s = strchr(s + 1, '"');
			if (!s)
				return 0;
		} else if (*s == '[') {
			s = strchr(s + 1, ']');
			if (!s)
				return 0;
		} else if (*s == '\\' || *s == '_' || *s == '*') {
			if (!*++s)
				return 0;
		} else if (strchr("dmyDMY", *s))
			return 1;
	}
	return 0;
}

typedef struct {
	long id;
	int date;
} S_Fmt;

static int S_styles(S_X *x)
{
	if (!x->styles)
		return 0;
	S_Part p;
	int o = S_open(x, &p, x->styles, 1);
	if (o)
		return o > 0 ? 0 : -1;
	S_Fmt *fmt = NULL;
	size_t n_fmt = 0, cap_fmt = 0;
	int in_fmts = 0, in_xfs = 0;
	int rc = S_root(&p, "styleSheet", S_NS_MAIN) ? -1 : 1;
	while (rc == 1 && (rc = S_next(&p)) == 1) {
		if (S_START(&p, 1, "numFmts"))
			in_fmts = !xmlTextReaderIsEmptyElement(p.rd);
		else if (S_END(&p, 1, "numFmts"))
			in_fmts = 0;
		else if (in_fmts && S_START(&p, 2, "numFmt")) {
			char *id = S_attr(&p, "numFmtId"), *code = S_attr(&p, "formatCode");
			if (id && code) {
				fmt = xgrow(fmt, &cap_fmt, n_fmt + 1, sizeof *fmt);
				fmt[n_fmt++] = (S_Fmt){strtol(id, NULL, 10), S_format_is_date(code)};
			}
			free(id);
			free(code);
		} else if (S_START(&p, 1, "cellXfs"))
			in_xfs = !xmlTextReaderIsEmptyElement(p.rd);
		else if (S_END(&p, 1, "cellXfs"))
			in_xfs = 0;
		else if (in_xfs && S_START(&p, 2, "xf")) {
			char *id = S_attr(&p, "numFmtId");
			long n = id ? strtol(id, NULL, 10) : 0;
			int date = S_builtin_date(n);
			for (size_t i = 0; i < n_fmt; i++)
				if (fmt[i].id == n)
					date = fmt[i].date;
			free(id);
			x->xf_date = xgrow(x->xf_date, &x->cap_xf, x->n_xf + 1, 1);
			x->xf_date[x->n_xf++] = (unsigned char)date;
		}
	}
	free(fmt);
	if (rc < 0 && x->failed)
		rc = -2;
	S_close(&p, rc == -2 ? 0 : rc);
	return rc < 0 ? -1 : 0;
}

static int S_strings(S_X *x)
{
	if (!x->strings)
		return 0;
	S_Part p;
	int o = S_open(x, &p, x->strings, 1);
	if (o) {
		if (o > 0) {
			free(x->strings); /* named but absent: cells naming one say so */
			x->strings = NULL;
		}
		return o > 0 ? 0 : -1;
	}
	int rc = S_root(&p, "sst", S_NS_MAIN) ? -1 : 1;
	while (rc == 1 && (rc = S_next(&p)) == 1) {
		if (!S_START(&p, 1, "si"))
			continue;
		x->ss_off = xgrow(x->ss_off, &x->cap_ss, x->n_ss + 1, sizeof *x->ss_off);
		x->ss_off[x->n_ss++] = x->ss.len;
		if (S_string_item(&p, &x->ss)) {
			rc = -1;
			break;
		}
		buf_putc(&x->ss, '\0');
	}
	if (rc < 0 && x->failed)
		rc = -2;
	S_close(&p, rc == -2 ? 0 : rc);
	return rc < 0 ? -1 : 0;
}

/* "C14" -> column 3, row 14; 0 on success. */
static int S_ref(const char *s, int *col, int *row)
{
	long c = 0, r = 0;
	int nl = 0, nd = 0;
	for (; *s >= 'A' && *s <= 'Z'; s++, nl++)
		if ((c = c * 26 + (*s - 'A' + 1)) > S_MAX_COL)
			return -1;
	for (; *s >= '0' && *s <= '9'; s++, nd++)
		if ((r = r * 10 + (*s - '0')) > S_MAX_ROW)
			return -1;
	if (*s || !nl || !nd || !r)
		return -1;
	*col = (int)c;
	*row = (int)r;
	return 0;
}

/* A date serial as "YYYY-MM-DD"; 0, or -1 outside 1900..9999. */
static int S_date_text(double v, int date1904, char out[16])
{
	if (!(v >= 0 && v < 3000000))
		return -1;
	int y, m, d;
	if (date_excel_serial((long)floor(v), date1904, &y, &m, &d))
		return -1;
	snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* A number cell's value as a field's text: a whole number as an integer,
 * else as stored.  formula: the value a formula left, whose float noise
 * (10.000000000000002 for 10) is no fraction: within 1e-9 of a whole
 * number, relative to it (absolute below 1), it is that number.  Returns
 * the kind (NUMBER, or TEXT when v is no number at all, which Excel would
 * not write). */
static CsvKind S_number(const char *v, int formula, Buf *out)
{
	const char *s = v;
	if (*s == '-')
		s++;
	size_t nd = strspn(s, "0123456789");
	if (nd && !s[nd]) {
		buf_puts(out, v);
		return CSV_NUMBER;
	}
	char *end;
	double d = strtod(v, &end);
	if (end == v || *end || !isfinite(d)) {
		buf_puts(out, v);
		return CSV_TEXT;
	}
	double w = nearbyint(d);
	if (formula && fabs(d - w) <= 1e-9 * fmax(fabs(w), 1.0))
		d = w;
	if (d == floor(d) && fabs(d) < 1e15)
		buf_printf(out, "%.0f", d == 0 ? 0.0 : d); /* never "-0" */
	else
		buf_puts(out, v);
	return CSV_NUMBER;
}

typedef struct {
	S_X *x;
	S_Part *p;
	CsvRecs *recs;
	int row, last_row;
	int last_col;   /* the row's last cell so far (any cell: order is checked on all) */
	int n_fields;   /* fields given to the record stage in this row */
	int stop;
	Buf v, is, f;
} S_Sheet;

static void S_col_name(int col, char out[8])
{
	char tmp[8];
	int n = 0;
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* A shared-string cell's index into the strings: 0, or -1 (recorded). */
static int S_shared(S_Sheet *sh, int col, size_t *out)
{
	S_X *x = sh->x;
	const char *v = sh->v.ptr;
	char *end;
	errno = 0;
	unsigned long long i = strtoull(v, &end, 10);
	if (*end || errno || v[0] == '-' || v[0] == '+' || v[0] == ' ') {
		S_fail(x, sh->row, col,
		       "this cell of sheet '%s' names shared string '%s', which is no index: the part "
		       "%s is damaged; open it in Excel or LibreOffice and save it again as \"Excel "
		       "Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		       x->sheet_name, v, x->sheet);
		return -1;
	}
	if (!x->strings) {
		S_fail(x, sh->row, col,
		       "this cell of sheet '%s' names shared string %llu, but the workbook has no "
		       "shared strings part: the file is damaged; open it in Excel or LibreOffice and "
		       "save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) "
		       "(*.csv)\"",
		       x->sheet_name, i);
		return -1;
	}
	if (i >= x->n_ss) {
		S_fail(x, sh->row, col,
		       "this cell of sheet '%s' names shared string %llu, but the workbook's %s holds "
		       "%zu, numbered from 0: the file is damaged; open it in Excel or LibreOffice and "
		       "save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) "
		       "(*.csv)\"",
		       x->sheet_name, i, x->strings, x->n_ss);
		return -1;
	}
	*out = (size_t)i;
	return 0;
}

/* One <c>: its value into the record; a cell with no value (a style
 * only, an empty string) is no field. */
static int S_cell(S_Sheet *sh)
{
	S_X *x = sh->x;
	S_Part *p = sh->p;
	char *ref = S_attr(p, "r"), *t = S_attr(p, "t"), *s = S_attr(p, "s");
	int col = sh->last_col + 1, row = sh->row, rc = 0;
	char cn[8];
	if (ref && S_ref(ref, &col, &row)) {
		S_fail(x, sh->row, 0,
		       "the cell reference '%s' in row %d of sheet '%s' is not a cell of a sheet (A1 to "
		       "XFD1048576): the part %s is damaged; open it in Excel or LibreOffice and save it "
		       "again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		       ref, sh->row, x->sheet_name, x->sheet);
		rc = -1;
	} else if (row != sh->row) {
		S_col_name(col, cn);
		S_fail(x, sh->row, 0,
		       "the cell %s%d of sheet '%s' is written inside row %d: the part %s is damaged; open "
		       "it in Excel or LibreOffice and save it again as \"Excel Workbook (*.xlsx)\" or as "
		       "\"CSV UTF-8 (Comma delimited) (*.csv)\"",
		       cn, row, x->sheet_name, sh->row, x->sheet);
		rc = -1;
	} else if (col > S_MAX_COL) {
		S_fail(x, sh->row, 0,
		       "row %d of sheet '%s' has a cell after column XFD, the last: the part %s is "
		       "damaged; open it in Excel or LibreOffice and save it again as \"Excel Workbook "
		       "(*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		       sh->row, x->sheet_name, x->sheet);
		rc = -1;
	} else if (col <= sh->last_col) {
		S_fail(x, sh->row, col,
		       "this cell of sheet '%s' comes after a cell to its right or is given twice: the "
		       "part %s is damaged; open it in Excel or LibreOffice and save it again as \"Excel "
		       "Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		       x->sheet_name, x->sheet);
		rc = -1;
	}
	long xf = s ? strtol(s, NULL, 10) : 0;
	int is_date = xf >= 0 && (size_t)xf < x->n_xf && x->xf_date[xf];
	free(ref);
	free(s);
	if (rc) {
		free(t);
		return -1;
	}
	sh->last_col = col;
	buf_reset(&sh->v);
	buf_reset(&sh->is);
	int has_v = 0, has_f = 0;
	if (!xmlTextReaderIsEmptyElement(p->rd)) {
		int depth = xmlTextReaderDepth(p->rd), r;
		while ((r = S_next(p)) == 1) {
			if (xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_END_ELEMENT &&
			    xmlTextReaderDepth(p->rd) == depth)
				break;
			if (S_START(p, depth + 1, "v")) {
				has_v = 1;
				if (S_text(p, &sh->v))
					r = -1;
			} else if (S_START(p, depth + 1, "f")) {
				has_f = 1;
				buf_reset(&sh->f);
				if (S_text(p, &sh->f))
					r = -1;
			} else if (S_START(p, depth + 1, "is")) {
				has_v = 1;
				if (S_string_item(p, &sh->is))
					r = -1;
			}
			if (r < 0)
				break;
		}
		if (r != 1) {
			free(t);
			return -1;
		}
	}

	const char *text = "";
	CsvKind kind = CSV_TEXT;
	Buf out;
	buf_init(&out);
	const char *type = t ? t : "n";
	if (has_f && (!has_v || (!sh->v.len && strcmp(type, "str")))) {
		kind = CSV_NOVALUE;
	} else if (!strcmp(type, "s")) {
		size_t i;
		if (sh->v.len && S_shared(sh, col, &i)) {
			free(t);
			buf_release(&out);
			return -1;
		}
		text = sh->v.len ? x->ss.ptr + x->ss_off[i] : ""; /* <c t="s"/>: an empty cell */
	} else if (!strcmp(type, "inlineStr")) {
		text = sh->is.ptr;
	} else if (!strcmp(type, "str")) {
		text = sh->v.ptr;
	} else if (!strcmp(type, "b")) {
		if (sh->v.len) {
			kind = CSV_BOOL;
			text = !strcmp(sh->v.ptr, "0") ? "FALSE" : "TRUE";
		}
	} else if (!strcmp(type, "e")) {
		if (sh->v.len) {
			kind = CSV_ERROR;
			text = sh->v.ptr;
		}
	} else if (!strcmp(type, "d")) {
		/* an ISO 8601 date (strict OOXML): its day */
		if (sh->v.len) {
			kind = CSV_DATE;
			buf_add(&out, sh->v.ptr, sh->v.len < 10 ? sh->v.len : 10);
			text = out.ptr;
		}
	} else if (has_v && sh->v.len) {
		kind = S_number(sh->v.ptr, has_f, &out);
		char day[16];
		if (kind == CSV_NUMBER && is_date && !S_date_text(strtod(sh->v.ptr, NULL), x->date1904, day)) {
			kind = CSV_DATE;
			buf_reset(&out);
			buf_puts(&out, day);
		}
		text = out.ptr;
	}
	if (kind != CSV_TEXT || text[0]) {
		/* the cells before it that held nothing: empty fields */
		for (; sh->n_fields < col - 1; sh->n_fields++)
			csvrecs_field(sh->recs, "", 0, row, CSV_TEXT);
		csvrecs_field(sh->recs, text, strlen(text), row, kind);
		sh->n_fields = col;
	}
	buf_release(&out);
	free(t);
	return 0;
}

static int S_sheet(S_X *x, CsvRecs *recs)
{
	S_Part p;
	if (S_open(x, &p, x->sheet, 0))
		return -1;
	S_Sheet sh = {x, &p, recs, 0, 0, 0, 0, 0, {0}, {0}, {0}};
	buf_init(&sh.v);
	buf_init(&sh.is);
	buf_init(&sh.f);
	int in_data = 0, in_row = 0;
	int rc = S_root(&p, "worksheet", S_NS_MAIN) ? -1 : 1;
	while (rc == 1 && !sh.stop && (rc = S_next(&p)) == 1) {
		if (S_START(&p, 1, "sheetData"))
			in_data = !xmlTextReaderIsEmptyElement(p.rd);
		else if (S_END(&p, 1, "sheetData"))
			break; /* merged cells, validations, ... are no data */
		else if (in_data && S_START(&p, 2, "row")) {
			char *r = S_attr(&p, "r");
			long n = sh.last_row + 1;
			if (r) {
				char *end;
				n = strtol(r, &end, 10);
				if (*end || end == r)
					n = 0;
			}
			if (!r && n > S_MAX_ROW) {
				S_fail(x, 0, 0,
				       "sheet '%s' has a row after row %d, the last: the part %s is damaged; "
				       "open it in Excel or LibreOffice and save it again as \"Excel Workbook "
				       "(*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
				       x->sheet_name, S_MAX_ROW, x->sheet);
				rc = -2;
				break;
			}
			if (n < 1 || n > S_MAX_ROW) {
				S_fail(x, 0, 0,
				       "a row of sheet '%s' is numbered '%s', not 1 to %d: the part %s is "
				       "damaged; open it in Excel or LibreOffice and save it again as \"Excel "
				       "Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
				       x->sheet_name, r, S_MAX_ROW, x->sheet);
				free(r);
				rc = -2;
				break;
			}
			free(r);
			if (n <= sh.last_row) {
				S_fail(x, (int)n, 0,
				       "row %ld of sheet '%s' comes after row %d: rows are out of order or given "
				       "twice, the part %s is damaged; open it in Excel or LibreOffice and save "
				       "it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma "
				       "delimited) (*.csv)\"",
				       n, x->sheet_name, sh.last_row, x->sheet);
				rc = -2;
				break;
			}
			sh.row = sh.last_row = (int)n;
			sh.last_col = sh.n_fields = 0;
			in_row = !xmlTextReaderIsEmptyElement(p.rd);
		} else if (in_row && S_END(&p, 2, "row")) {
			in_row = 0;
			if (csvrecs_end_row(recs))
				sh.stop = 1;
		} else if (in_row && S_START(&p, 3, "c")) {
			if (S_cell(&sh)) {
				rc = x->failed ? -2 : -1;
				break;
			}
		}
	}
	if (rc == -2 || (rc < 0 && x->failed))
		rc = 0; /* recorded already */
	S_close(&p, rc);
	buf_release(&sh.v);
	buf_release(&sh.is);
	buf_release(&sh.f);
	return rc < 0 || x->failed ? -1 : 0;
}

static void S_release(S_X *x)
{
	zip_in_free(x->z);
	free(x->workbook);
	free(x->sheet);
	free(x->sheet_name);
	free(x->strings);
	free(x->styles);
	buf_release(&x->ss);
	free(x->ss_off);
	free(x->xf_date);
}

/* The parts, in order, once the zip is open. */
static void S_read(S_X *x, CsvRecs *recs)
{
	S_SheetRef *sh = NULL;
	size_t n_sh = 0, n_r = 0;
	S_Rel *r = NULL;
	if (!S_find_workbook(x) && !S_workbook(x, &sh, &n_sh) &&
	    !S_rels(x, x->workbook, &r, &n_r) && !S_choose(x, sh, n_sh, r, n_r) && !S_styles(x) &&
	    !S_strings(x)) {
		csvrecs_sheet(recs, x->sheet_name);
		S_sheet(x, recs);
	}
	for (size_t i = 0; i < n_sh; i++) {
		free(sh[i].name);
		free(sh[i].rid);
	}
	free(sh);
	S_rels_free(r, n_r);
}

int xlsxin_read_mem(const char *path, const void *data, size_t n, const CsvCol *cols,
                    size_t n_cols, CsvRowFn fn, void *ctx, Msgs *ms, CsvInfo *info)
{
	int e0 = ms->n_error;
	S_X x;
	memset(&x, 0, sizeof x);
	x.path = path;
	x.ms = ms;
	buf_init(&x.ss);
	CsvRecs *recs = csvrecs_new(path, cols, n_cols, fn, ctx, ms);
	const unsigned char *b = data;

	if (n >= 8 && !memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		/* an OLE file: an encrypted workbook (its EncryptedPackage) or an
		 * .xls renamed */
		S_fail(&x, 0, 0,
		       "this is not an .xlsx workbook but an encrypted workbook (a password is set) or "
		       "an Excel 97-2003 (.xls) file renamed: remove the password, or open it in Excel or "
		       "LibreOffice and save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 "
		       "(Comma delimited) (*.csv)\"");
	else if (n < 4 || memcmp(b, "PK", 2))
		S_fail(&x, 0, 0,
		       "this is not an Excel workbook (an .xlsx file is a zip archive); open it in Excel "
		       "or LibreOffice and save it again as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 "
		       "(Comma delimited) (*.csv)\"");
	else {
		x.z = zip_in_open(data, n, S_MAX_INFLATED, S_report, &x);
	}
	if (!x.failed)
		S_read(&x, recs);
	if (x.failed)
		csvrecs_stop(recs);
	int rc = csvrecs_finish(recs, info);
	S_release(&x);
	if (info) {
		struct sha256_ctx sha;
		sha256_init(&sha);
		sha256_update(&sha, n, data);
		sha256_digest(&sha, sizeof info->sha256, info->sha256);
	}
	return ms->n_error > e0 ? CSVIN_ERROR : rc;
}

int xlsxin_read(const char *dir, const char *path, const CsvCol *cols, size_t n_cols,
                CsvRowFn fn, void *ctx, Msgs *ms, CsvInfo *info)
{
	struct stat st;
	int fd = csvin_open(dir, path, ms, &st);
	if (fd < 0)
		return fd == -2 ? CSVIN_MISSING : CSVIN_ERROR;
	/* held whole: a workbook is read by its central directory at its end */
	size_t n = (size_t)st.st_size, got = 0;
	unsigned char *data = xmalloc(n ? n : 1);
	while (got < n) {
		ssize_t r = read(fd, data + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	int err = errno;
	close(fd);
	if (got < n) {
		if (got)
			msg_error(ms, path, 0, 0, "cannot read the file: it shrank while read");
		else
			msg_error(ms, path, 0, 0, "cannot read the file: %s", strerror(err));
		free(data);
		return CSVIN_ERROR;
	}
	int rc = xlsxin_read_mem(path, data, n, cols, n_cols, fn, ctx, ms, info);
	free(data);
	return rc;
}
