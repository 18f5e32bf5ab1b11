/* xlsxin: so-lieu/<ma>.xlsx over libzip and libxml2's xmlTextReader.
 *
 * The parts read, in order: xl/workbook.xml (the sheets, the 1904 date
 * system), xl/_rels/workbook.xml.rels (where the sheet, the shared
 * strings and the styles are), the styles (which cell formats are dates),
 * the shared strings (held: cells name them by index), then the sheet,
 * streamed: each <row> becomes one record of csvin's record stage.
 * Every byte inflated is counted against one limit as it comes out of
 * libzip, so the sizes a zip's headers claim are never trusted. */
#include "xlsxin.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <nettle/sha2.h>
#include <zip.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

/* The inflated workbook, as csvin_open limits a file: a unit's takes a few KiB. */
#define S_MAX_INFLATED (64 * 1024 * 1024)
#define S_MAX_ROW 1048576 /* Excel's sheet: rows 1..1048576, columns A..XFD */
#define S_MAX_COL 16384

static const char S_RESAVE[] =
	"open it in Excel or LibreOffice and save it again as \"Excel Workbook (*.xlsx)\" or as "
	"\"CSV UTF-8 (Comma delimited) (*.csv)\"";

typedef struct {
	const char *path;
	Msgs *ms;
	zip_t *za;
	uint64_t inflated; /* bytes inflated so far, every part */
	int failed;        /* an error about the file itself was recorded */
	int date1904;
	char *sheet, *strings, *styles; /* part names */
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
	zip_file_t *zf;
	xmlTextReaderPtr rd;
	int over, ioerr, dtd;
	char *xml_err; /* libxml2's first message */
	int xml_line;
} S_Part;

static void S_fail(S_X *x, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void S_fail(S_X *x, int line, const char *fmt, ...)
{
	Buf b;
	buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	msg_error(x->ms, x->path, line, 0, "%s", b.ptr);
	buf_release(&b);
	x->failed = 1;
}

static int S_io_read(void *ctx, char *buf, int len)
{
	S_Part *p = ctx;
	if (p->over || p->ioerr)
		return -1;
	zip_int64_t got = zip_fread(p->zf, buf, (zip_uint64_t)len);
	if (got < 0) {
		p->ioerr = 1;
		return -1;
	}
	p->x->inflated += (uint64_t)got;
	if (p->x->inflated > S_MAX_INFLATED) {
		p->over = 1;
		return -1;
	}
	return (int)got;
}

static int S_io_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static void S_xml_error(void *ctx, xmlErrorPtr e)
{
	S_Part *p = ctx;
	if (p->xml_err || !e)
		return;
	const char *m = e->message ? e->message : "malformed XML";
	size_t n = strlen(m);
	while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
		n--;
	p->xml_err = xstrndup(m, n);
	p->xml_line = e->line;
}

static void S_over(S_X *x)
{
	S_fail(x, 0,
	       "the workbook inflates to more than %d MiB: a unit's figures take a few KiB (a damaged "
	       "file or a zip bomb?); %s",
	       S_MAX_INFLATED / (1024 * 1024), S_RESAVE);
}

/* Opens a part.  optional: a missing part is no error (returns 1). */
static int S_open(S_X *x, S_Part *p, const char *name, int optional)
{
	memset(p, 0, sizeof *p);
	p->x = x;
	p->name = name;
	zip_int64_t idx = zip_name_locate(x->za, name, 0);
	if (idx < 0) {
		if (!optional)
			S_fail(x, 0, "the workbook has no part %s: it is damaged or not an Excel workbook; %s",
			       name, S_RESAVE);
		return 1;
	}
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(x->za, (zip_uint64_t)idx, 0, &st) == 0) {
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
			S_fail(x, 0,
			       "the workbook is encrypted (a password is set): remove the password in Excel "
			       "or LibreOffice and save it again");
			return -1;
		}
		/* the header's size may lie, but when it says too much it is right */
		if ((st.valid & ZIP_STAT_SIZE) && st.size > S_MAX_INFLATED - x->inflated) {
			S_over(x);
			return -1;
		}
	}
	p->zf = zip_fopen_index(x->za, (zip_uint64_t)idx, 0);
	if (!p->zf) {
		zip_error_t *ze = zip_get_error(x->za);
		if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD || zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD)
			S_fail(x, 0,
			       "the workbook is encrypted (a password is set): remove the password in Excel "
			       "or LibreOffice and save it again");
		else
			S_fail(x, 0, "cannot read the part %s of the workbook: %s; %s", name,
			       zip_error_strerror(ze), S_RESAVE);
		return -1;
	}
	/* no network, no DTD loading, no entity substitution (the defaults
	 * of a reader without XML_PARSE_NOENT / DTDLOAD) */
	p->rd = xmlReaderForIO(S_io_read, S_io_close, p, name, NULL,
	                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!p->rd) {
		zip_fclose(p->zf);
		p->zf = NULL;
		S_fail(x, 0, "cannot read the part %s of the workbook", name);
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(p->rd, S_xml_error, p);
	return 0;
}

/* Reports why a part's reading stopped, if it stopped on a problem. */
static void S_close(S_Part *p, int rc)
{
	S_X *x = p->x;
	if (rc < 0 && !x->failed) {
		if (p->over)
			S_over(x);
		else if (p->ioerr)
			S_fail(x, 0, "the part %s of the workbook is damaged (%s); %s", p->name,
			       zip_error_strerror(zip_file_get_error(p->zf)), S_RESAVE);
		else if (p->dtd)
			S_fail(x, 0,
			       "the part %s of the workbook declares a DTD (<!DOCTYPE>), which no workbook "
			       "has: the file is refused",
			       p->name);
		else
			S_fail(x, 0, "the part %s of the workbook is not well-formed XML (line %d: %s); %s",
			       p->name, p->xml_line, p->xml_err ? p->xml_err : "malformed", S_RESAVE);
	}
	if (p->rd)
		xmlFreeTextReader(p->rd);
	if (p->zf)
		zip_fclose(p->zf);
	free(p->xml_err);
	p->rd = NULL;
	p->zf = NULL;
	p->xml_err = NULL;
}

/* The next node: 1, 0 at the end, -1 on an error (S_close says which). */
static int S_next(S_Part *p)
{
	int rc = xmlTextReaderRead(p->rd);
	if (rc == 1 && xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_DOCUMENT_TYPE) {
		p->dtd = 1;
		return -1;
	}
	if (rc == 0 && (p->over || p->ioerr))
		return -1;
	return rc;
}

static int S_is(S_Part *p, int type, const char *local)
{
	if (xmlTextReaderNodeType(p->rd) != type)
		return 0;
	const xmlChar *n = xmlTextReaderConstLocalName(p->rd);
	return n && !strcmp((const char *)n, local);
}

#define S_START(p, n) S_is(p, XML_READER_TYPE_ELEMENT, n)
#define S_END(p, n) S_is(p, XML_READER_TYPE_END_ELEMENT, n)

/* An attribute by its local name, whatever its namespace (r:id, or the
 * strict schema's own prefix); NULL when absent.  Caller frees. */
static char *S_attr(S_Part *p, const char *local)
{
	char *v = NULL;
	if (xmlTextReaderMoveToFirstAttribute(p->rd) != 1)
		return NULL;
	do {
		const xmlChar *n = xmlTextReaderConstLocalName(p->rd);
		if (n && !strcmp((const char *)n, local)) {
			const xmlChar *val = xmlTextReaderConstValue(p->rd);
			v = xstrdup(val ? (const char *)val : "");
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(p->rd) == 1);
	xmlTextReaderMoveToElement(p->rd);
	return v;
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
 * runs, leaving out phonetic runs (<rPh>). */
static int S_string_item(S_Part *p, Buf *b)
{
	if (xmlTextReaderIsEmptyElement(p->rd))
		return 0;
	int depth = xmlTextReaderDepth(p->rd), in_rph = 0, rc;
	while ((rc = S_next(p)) == 1) {
		if (xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(p->rd) == depth)
			return 0;
		if (S_START(p, "rPh") && !xmlTextReaderIsEmptyElement(p->rd))
			in_rph = 1;
		else if (S_END(p, "rPh"))
			in_rph = 0;
		else if (S_START(p, "t") && !in_rph && S_text(p, b))
			return -1;
	}
	return -1;
}

static const char *S_SO_LIEU = "so_lieu"; /* the sheet's name, folded */

/* Which sheet, and the date system. */
static int S_workbook(S_X *x, char **rid)
{
	S_Part p;
	if (S_open(x, &p, "xl/workbook.xml", 1)) {
		if (!x->failed) {
			if (zip_name_locate(x->za, "content.xml", 0) >= 0)
				S_fail(x, 0,
				       "this is an OpenDocument spreadsheet (.ods) named .xlsx; open it in "
				       "LibreOffice and save it as \"Excel 2007-365 (.xlsx)\" or as \"Text CSV "
				       "(.csv)\" in UTF-8");
			else
				S_fail(x, 0,
				       "this zip file is not an Excel workbook (it has no xl/workbook.xml); %s",
				       S_RESAVE);
		}
		return -1;
	}
	char *first = NULL, *named = NULL;
	int rc;
	while ((rc = S_next(&p)) == 1) {
		if (S_START(&p, "workbookPr")) {
			char *v = S_attr(&p, "date1904");
			x->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
			free(v);
		} else if (S_START(&p, "sheet")) {
			char *id = S_attr(&p, "id"), *name = S_attr(&p, "name");
			if (id && !first)
				first = xstrdup(id);
			if (id && name && !named) {
				char *f = text_fold(name);
				if (!strcmp(f, S_SO_LIEU))
					named = xstrdup(id);
				free(f);
			}
			free(id);
			free(name);
		}
	}
	S_close(&p, rc);
	if (rc < 0) {
		free(first);
		free(named);
		return -1;
	}
	if (!first) {
		S_fail(x, 0, "the workbook has no sheet; %s", S_RESAVE);
		free(named);
		return -1;
	}
	*rid = named ? named : first;
	if (named)
		free(first);
	return 0;
}

/* A relationship's target as a part name: relative to xl/, or absolute. */
static char *S_target(const char *t)
{
	if (t[0] == '/')
		return xstrdup(t + 1);
	return xasprintf("xl/%s", t);
}

static int S_ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);
	return a >= b && !strcmp(s + a - b, end);
}

static int S_rels(S_X *x, const char *rid)
{
	S_Part p;
	if (S_open(x, &p, "xl/_rels/workbook.xml.rels", 0))
		return -1;
	int rc;
	while ((rc = S_next(&p)) == 1) {
		if (!S_START(&p, "Relationship"))
			continue;
		char *id = S_attr(&p, "Id"), *type = S_attr(&p, "Type"), *target = S_attr(&p, "Target");
		if (id && type && target) {
			if (!strcmp(id, rid) && !x->sheet)
				x->sheet = S_target(target);
			else if (S_ends_with(type, "/sharedStrings") && !x->strings)
				x->strings = S_target(target);
			else if (S_ends_with(type, "/styles") && !x->styles)
				x->styles = S_target(target);
		}
		free(id);
		free(type);
		free(target);
	}
	S_close(&p, rc);
	if (rc < 0)
		return -1;
	if (!x->sheet) {
		S_fail(x, 0, "the workbook's sheet is not where its index says (%s); %s", rid, S_RESAVE);
		return -1;
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
	int in_xfs = 0, rc;
	while ((rc = S_next(&p)) == 1) {
		if (S_START(&p, "numFmt")) {
			char *id = S_attr(&p, "numFmtId"), *code = S_attr(&p, "formatCode");
			if (id && code) {
				fmt = xgrow(fmt, &cap_fmt, n_fmt + 1, sizeof *fmt);
				fmt[n_fmt++] = (S_Fmt){strtol(id, NULL, 10), S_format_is_date(code)};
			}
			free(id);
			free(code);
		} else if (S_START(&p, "cellXfs"))
			in_xfs = !xmlTextReaderIsEmptyElement(p.rd);
		else if (S_END(&p, "cellXfs"))
			in_xfs = 0;
		else if (in_xfs && S_START(&p, "xf")) {
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
	S_close(&p, rc);
	return rc < 0 ? -1 : 0;
}

static int S_strings(S_X *x)
{
	if (!x->strings)
		return 0;
	S_Part p;
	int o = S_open(x, &p, x->strings, 1);
	if (o)
		return o > 0 ? 0 : -1;
	int rc;
	while ((rc = S_next(&p)) == 1) {
		if (!S_START(&p, "si"))
			continue;
		x->ss_off = xgrow(x->ss_off, &x->cap_ss, x->n_ss + 1, sizeof *x->ss_off);
		x->ss_off[x->n_ss++] = x->ss.len;
		if (S_string_item(&p, &x->ss)) {
			rc = -1;
			break;
		}
		buf_putc(&x->ss, '\0');
	}
	S_close(&p, rc);
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

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static void S_civil(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A date serial as "YYYY-MM-DD"; 0, or -1 outside 1900..9999. */
static int S_date_text(double v, int date1904, char out[16])
{
	if (!(v >= 0 && v < 2958466))
		return -1;
	long days = (long)floor(v);
	int y, m, d;
	if (date1904)
		S_civil(days - 24107, &y, &m, &d); /* 1904-01-01 is day 0 */
	else if (days == 60) {
		/* Excel's 29 February 1900, a day that never was (Lotus 1-2-3's bug) */
		y = 1900, m = 2, d = 29;
	} else
		S_civil(days - (days < 60 ? 25568 : 25569), &y, &m, &d);
	snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* A number cell's value as a field's text: a whole number as an integer,
 * else as stored.  Returns the kind (NUMBER, or TEXT when v is no
 * number at all, which Excel would not write). */
static CsvKind S_number(const char *v, Buf *out)
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
	if (d == floor(d) && fabs(d) < 1e15)
		buf_printf(out, "%.0f", d);
	else
		buf_puts(out, v);
	return CSV_NUMBER;
}

typedef struct {
	S_X *x;
	S_Part *p;
	CsvRecs *recs;
	int row, last_row, next_col, stop;
	Buf v, is, f;
} S_Sheet;

/* One <c>: its value into the record. */
static int S_cell(S_Sheet *sh)
{
	S_X *x = sh->x;
	S_Part *p = sh->p;
	char *ref = S_attr(p, "r"), *t = S_attr(p, "t"), *s = S_attr(p, "s");
	int col = sh->next_col, row = sh->row, rc = 0;
	if (ref && S_ref(ref, &col, &row)) {
		S_fail(x, sh->row, "the cell reference '%s' is not a cell of a sheet (A1 to XFD1048576); %s",
		       ref, S_RESAVE);
		rc = -1;
	} else if (row != sh->row) {
		S_fail(x, sh->row, "the cell %s is inside row %d: the sheet's XML is damaged; %s", ref,
		       sh->row, S_RESAVE);
		rc = -1;
	} else if (col < sh->next_col) {
		char cn[8];
		S_col_name(col, cn);
		S_fail(x, sh->row,
		       "the cell %s%d comes after a cell to its right or is given twice: the sheet's "
		       "XML is damaged; %s",
		       cn, row, S_RESAVE);
		rc = -1;
	} else if (col > S_MAX_COL) {
		S_fail(x, sh->row, "a cell beyond column XFD: the sheet's XML is damaged; %s", S_RESAVE);
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
	buf_reset(&sh->v);
	buf_reset(&sh->is);
	int has_v = 0, has_f = 0;
	if (!xmlTextReaderIsEmptyElement(p->rd)) {
		int depth = xmlTextReaderDepth(p->rd), r;
		while ((r = S_next(p)) == 1) {
			if (xmlTextReaderNodeType(p->rd) == XML_READER_TYPE_END_ELEMENT &&
			    xmlTextReaderDepth(p->rd) == depth)
				break;
			if (S_START(p, "v")) {
				has_v = 1;
				if (S_text(p, &sh->v))
					r = -1;
			} else if (S_START(p, "f")) {
				has_f = 1;
				buf_reset(&sh->f);
				if (S_text(p, &sh->f))
					r = -1;
			} else if (S_START(p, "is")) {
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
	/* the gap before the cell: empty cells */
	for (; sh->next_col < col; sh->next_col++)
		csvrecs_field(sh->recs, "", 0, row, CSV_TEXT);
	sh->next_col = col + 1;

	const char *text = "";
	CsvKind kind = CSV_TEXT;
	Buf out;
	buf_init(&out);
	const char *type = t ? t : "n";
	if (has_f && (!has_v || (!sh->v.len && strcmp(type, "str")))) {
		kind = CSV_NOVALUE;
	} else if (!strcmp(type, "s")) {
		char *end;
		errno = 0;
		unsigned long long i = strtoull(sh->v.ptr, &end, 10);
		if (!sh->v.len || *end || errno || sh->v.ptr[0] == '-' || i >= x->n_ss) {
			char cn[8];
			S_col_name(col, cn);
			S_fail(x, row,
			       "the cell %s%d names shared string %s, but the workbook has %zu: the file "
			       "is damaged; %s",
			       cn, row, sh->v.ptr, x->n_ss, S_RESAVE);
			free(t);
			buf_release(&out);
			return -1;
		}
		text = x->ss.ptr + x->ss_off[i];
	} else if (!strcmp(type, "inlineStr")) {
		text = sh->is.ptr;
	} else if (!strcmp(type, "str")) {
		text = sh->v.ptr;
	} else if (!strcmp(type, "b")) {
		kind = CSV_BOOL;
		text = !strcmp(sh->v.ptr, "0") ? "FALSE" : "TRUE";
	} else if (!strcmp(type, "e")) {
		kind = CSV_ERROR;
		text = sh->v.ptr;
	} else if (!strcmp(type, "d")) {
		/* an ISO 8601 date (strict OOXML): its day */
		kind = CSV_DATE;
		buf_add(&out, sh->v.ptr, sh->v.len < 10 ? sh->v.len : 10);
		text = out.ptr;
	} else if (has_v && sh->v.len) {
		kind = S_number(sh->v.ptr, &out);
		char day[16];
		if (kind == CSV_NUMBER && is_date && !S_date_text(strtod(sh->v.ptr, NULL), x->date1904, day)) {
			kind = CSV_DATE;
			buf_reset(&out);
			buf_puts(&out, day);
		}
		text = out.ptr;
	}
	csvrecs_field(sh->recs, text, strlen(text), row, kind);
	buf_release(&out);
	free(t);
	return 0;
}

static int S_sheet(S_X *x, CsvRecs *recs)
{
	S_Part p;
	if (S_open(x, &p, x->sheet, 0))
		return -1;
	S_Sheet sh = {x, &p, recs, 0, 0, 1, 0, {0}, {0}, {0}};
	buf_init(&sh.v);
	buf_init(&sh.is);
	buf_init(&sh.f);
	int rc, in_data = 0, in_row = 0;
	while (!sh.stop && (rc = S_next(&p)) == 1) {
		if (S_START(&p, "sheetData"))
			in_data = !xmlTextReaderIsEmptyElement(p.rd);
		else if (S_END(&p, "sheetData"))
			break; /* merged cells, validations, ... are no data */
		else if (in_data && S_START(&p, "row")) {
			char *r = S_attr(&p, "r");
			long n = sh.last_row + 1;
			if (r) {
				char *end;
				n = strtol(r, &end, 10);
				if (*end || end == r)
					n = 0;
			}
			free(r);
			if (n < 1 || n > S_MAX_ROW) {
				S_fail(x, 0, "a row numbered outside 1 to %d: the sheet's XML is damaged; %s",
				       S_MAX_ROW, S_RESAVE);
				rc = -2;
				break;
			}
			if (n <= sh.last_row) {
				S_fail(x, (int)n,
				       "row %ld comes after row %d: rows are out of order or given twice, the "
				       "sheet's XML is damaged; %s",
				       n, sh.last_row, S_RESAVE);
				rc = -2;
				break;
			}
			sh.row = sh.last_row = (int)n;
			sh.next_col = 1;
			in_row = !xmlTextReaderIsEmptyElement(p.rd);
		} else if (in_row && S_END(&p, "row")) {
			in_row = 0;
			if (csvrecs_end_row(recs))
				sh.stop = 1;
		} else if (in_row && S_START(&p, "c")) {
			if (S_cell(&sh)) {
				rc = x->failed ? -2 : -1;
				break;
			}
		}
	}
	if (rc == -2)
		rc = -1;
	S_close(&p, rc);
	buf_release(&sh.v);
	buf_release(&sh.is);
	buf_release(&sh.f);
	return rc < 0 ? -1 : 0;
}

static void S_release(S_X *x)
{
	if (x->za)
		zip_discard(x->za);
	free(x->sheet);
	free(x->strings);
	free(x->styles);
	buf_release(&x->ss);
	free(x->ss_off);
	free(x->xf_date);
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
	/* once, whichever of input.c's reading threads comes first */
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, xmlInitParser);

	if (n >= 8 && !memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		/* an OLE file: an encrypted workbook (its EncryptedPackage) or an
		 * .xls renamed */
		S_fail(&x, 0,
		       "this is not an .xlsx workbook but an encrypted workbook (a password is set) or "
		       "an Excel 97-2003 (.xls) file renamed: remove the password, or %s",
		       S_RESAVE);
	else if (n < 4 || memcmp(b, "PK", 2))
		S_fail(&x, 0, "this is not an Excel workbook (an .xlsx file is a zip archive); %s",
		       S_RESAVE);
	else {
		zip_error_t ze;
		zip_error_init(&ze);
		zip_source_t *src = zip_source_buffer_create(data, n, 0, &ze);
		if (src) {
			x.za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
			if (!x.za)
				zip_source_free(src);
		}
		if (!x.za)
			S_fail(&x, 0, "this is not a readable Excel workbook (%s); %s", zip_error_strerror(&ze),
			       S_RESAVE);
		zip_error_fini(&ze);
	}
	char *rid = NULL;
	if (!x.failed && !S_workbook(&x, &rid) && !S_rels(&x, rid) && !S_styles(&x) &&
	    !S_strings(&x))
		S_sheet(&x, recs);
	free(rid);
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
		msg_error(ms, path, 0, 0, "cannot read the file: %s", got ? "it shrank while read" : strerror(err));
		free(data);
		return CSVIN_ERROR;
	}
	int rc = xlsxin_read_mem(path, data, n, cols, n_cols, fn, ctx, ms, info);
	free(data);
	return rc;
}
