/* SPDX-License-Identifier: MIT */
/* zip_io: reading an archive's parts safely, writing an archive
 * (zip_io.h). */
#include "zip_io.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "msg.h"
#include "text.h"
#include "xalloc.h"

struct ZipIn {
	ZipInReport report;
	void *ctx;
	zip_t *za;
	uint64_t inflated, max; /* bytes inflated so far, every part; the limit */
	char **key;             /* [n_ent]: each entry's name as a part name (S_key) */
	zip_int64_t n_ent;
};

struct ZipPart {
	ZipIn *z;
	char *name;
	zip_file_t *zf;
	xmlTextReaderPtr rd;
	int over, ioerr, dtd;
	char *xml_err; /* libxml2's first message */
	int xml_line;
};

/* A zip entry's name for a message: control bytes, and every byte past
 * ASCII when the name is no valid UTF-8, as '?'.  Caller frees. */
static char *S_shown(const char *name)
{
	if (!name)
		return xstrdup("?");
	size_t n = strlen(name);
	size_t bad;
	int utf8 = text_utf8_valid(name, n, &bad);
	char *o = xstrdup(name);
	for (char *c = o; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f || (!utf8 && (unsigned char)*c >= 0x80))
			*c = '?';
	return o;
}

/* Tells the reader's caller what went wrong. */
static void S_fault(const ZipIn *x, ZipInFault f, const char *name, const char *name2,
                    const char *detail, int line)
{
	ZipInError e = {f, name ? S_shown(name) : NULL, name2 ? S_shown(name2) : NULL,
	                detail ? xstrdup(detail) : NULL, line};
	x->report(x->ctx, &e);
	free(e.name);
	free(e.name2);
	free(e.detail);
}

static int S_hex(int c)
{
	return c >= '0' && c <= '9' ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	                              : -1;
}

/* A name as OPC compares part names: a backslash is a slash, no leading
 * slash, %XX decoded, ASCII letters in lower case (part names are ASCII
 * URIs; a zip tool may have written a backslash).  Caller frees. */
static char *S_key(const char *name)
{
	size_t n = strlen(name);
	char *k = xmalloc(n + 1), *o = k;
	const char *s = name;
	while (*s == '/' || *s == '\\')
		s++;
	for (; *s; s++) {
		int c = (unsigned char)*s;
		if (c == '\\')
			c = '/';
		else if (c == '%' && S_hex(s[1]) >= 0 && S_hex(s[2]) >= 0 &&
		         S_hex(s[1]) * 16 + S_hex(s[2]) != 0) {
			c = S_hex(s[1]) * 16 + S_hex(s[2]);
			s += 2;
		}
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		*o++ = (char)c;
	}
	*o = '\0';
	return k;
}


static int S_cmp_str(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;
	return strcmp(*x, *y);
}


static unsigned S_u16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint64_t S_u32(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

static uint64_t S_u64(const unsigned char *p)
{
	return S_u32(p) | S_u32(p + 4) << 32;
}

typedef struct {
	uint64_t start, end; /* local header to the end of the data */
	zip_int64_t index;
} S_Span;

static int S_cmp_span(const void *a, const void *b)
{
	const S_Span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

enum { S_ZIP_OK, S_ZIP_NOT_THIS, S_ZIP_PAST_END, S_ZIP_NO_LOCAL, S_ZIP_OVERLAP };

/* Walks the central directory that the end record at e describes.  It
 * must be the one libzip read (the same entries, names and compressed
 * sizes: else S_ZIP_NOT_THIS), and each entry's local header and data
 * must lie before the directory, the local header naming the same entry,
 * no two entries sharing a byte.  *bad, *bad2: the entries at fault. */
static int S_zip_walk(ZipIn *x, const unsigned char *b, size_t n, size_t e, zip_int64_t *bad,
                      zip_int64_t *bad2)
{
	uint64_t cd_n = S_u16(b + e + 10), cd_size = S_u32(b + e + 12), cd_off = S_u32(b + e + 16);
	uint64_t cd_limit = e;
	if (e >= 20 && !memcmp(b + e - 20, "PK\6\7", 4)) {
		uint64_t z = S_u64(b + e - 20 + 8);
		if (z > e - 20 || e - 20 - z < 56 || memcmp(b + z, "PK\6\6", 4))
			return S_ZIP_NOT_THIS;
		cd_n = S_u64(b + z + 32);
		cd_size = S_u64(b + z + 40);
		cd_off = S_u64(b + z + 48);
		cd_limit = z;
	}
	if (cd_off > cd_limit || cd_size > cd_limit - cd_off)
		return S_ZIP_NOT_THIS;
	(void)cd_n; /* InfoZIP writes it modulo 65536: the walk counts */
	S_Span *span = xcalloc((size_t)x->n_ent + 1, sizeof *span);
	uint64_t p = cd_off, end = cd_off + cd_size;
	zip_int64_t i = 0;
	int rc = S_ZIP_OK;
	while (p < end && rc == S_ZIP_OK) {
		if (end - p < 46 || memcmp(b + p, "PK\1\2", 4) || i >= x->n_ent) {
			rc = S_ZIP_NOT_THIS;
			break;
		}
		unsigned nl = S_u16(b + p + 28), xl = S_u16(b + p + 30), cl = S_u16(b + p + 32);
		uint64_t comp = S_u32(b + p + 20), usize = S_u32(b + p + 24), loff = S_u32(b + p + 42);
		if (end - p < 46 + (uint64_t)nl + xl + cl) {
			rc = S_ZIP_NOT_THIS;
			break;
		}
		/* Zip64: the sizes and offset that do not fit, in extra field 1 */
		const unsigned char *xf = b + p + 46 + nl, *xe = xf + xl;
		while (xe - xf >= 4) {
			unsigned id = S_u16(xf), len = S_u16(xf + 2);
			if ((size_t)(xe - xf - 4) < len)
				break;
			if (id == 1) {
				const unsigned char *v = xf + 4, *ve = v + len;
				if (usize == 0xFFFFFFFF && ve - v >= 8)
					usize = S_u64(v), v += 8;
				if (comp == 0xFFFFFFFF && ve - v >= 8)
					comp = S_u64(v), v += 8;
				if (loff == 0xFFFFFFFF && ve - v >= 8)
					loff = S_u64(v), v += 8;
			}
			xf += 4 + len;
		}
		const char *raw = zip_get_name(x->za, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
		zip_stat_t st;
		zip_stat_init(&st);
		if (!raw || strlen(raw) != nl || memcmp(raw, b + p + 46, nl) ||
		    zip_stat_index(x->za, (zip_uint64_t)i, 0, &st) || !(st.valid & ZIP_STAT_COMP_SIZE) ||
		    st.comp_size != comp) {
			rc = S_ZIP_NOT_THIS;
			break;
		}
		span[i].index = i;
		span[i].start = loff;
		if (loff > cd_off || cd_off - loff < 30 || memcmp(b + loff, "PK\3\4", 4)) {
			rc = loff > cd_off || cd_off - loff < 30 ? S_ZIP_PAST_END : S_ZIP_NO_LOCAL;
			*bad = i;
			break;
		}
		unsigned lnl = S_u16(b + loff + 26), lxl = S_u16(b + loff + 28);
		uint64_t data = loff + 30 + lnl + lxl;
		if (data > cd_off || comp > cd_off - data) {
			rc = S_ZIP_PAST_END;
			*bad = i;
			break;
		}
		if (lnl != nl || memcmp(b + loff + 30, b + p + 46, nl)) {
			rc = S_ZIP_NO_LOCAL;
			*bad = i;
			break;
		}
		span[i].end = data + comp;
		p += 46 + (uint64_t)nl + xl + cl;
		i++;
	}
	if (rc == S_ZIP_OK && i != x->n_ent)
		rc = S_ZIP_NOT_THIS;
	if (rc == S_ZIP_OK) {
		qsort(span, (size_t)i, sizeof *span, S_cmp_span);
		for (zip_int64_t k = 1; k < i && rc == S_ZIP_OK; k++)
			if (span[k].start < span[k - 1].end) {
				rc = S_ZIP_OVERLAP;
				*bad = span[k - 1].index;
				*bad2 = span[k].index;
			}
	}
	free(span);
	(void)n;
	return rc;
}

/* The entries' keys; two entries naming one part (names differing only in
 * case or slashes) leave the package ambiguous: refused. */
static int S_keys(ZipIn *x)
{
	x->n_ent = zip_get_num_entries(x->za, 0);
	if (x->n_ent < 0)
		x->n_ent = 0;
	x->key = xcalloc((size_t)x->n_ent + 1, sizeof *x->key);
	char **sorted = xcalloc((size_t)x->n_ent + 1, sizeof *sorted);
	size_t n = 0;
	for (zip_int64_t i = 0; i < x->n_ent; i++) {
		const char *name = zip_get_name(x->za, (zip_uint64_t)i, 0);
		if (!name)
			continue;
		x->key[i] = S_key(name);
		if (x->key[i][0] && x->key[i][strlen(x->key[i]) - 1] != '/')
			sorted[n++] = x->key[i];
	}
	qsort(sorted, n, sizeof *sorted, S_cmp_str);
	int rc = 0;
	for (size_t i = 1; i < n && !rc; i++)
		if (!strcmp(sorted[i - 1], sorted[i])) {
			S_fault(x, ZIP_IN_TWICE, sorted[i], NULL, NULL, 0);
			rc = -1;
		}
	free(sorted);
	return rc;
}

/* What libzip's ZIP_CHECKCONS would refuse and every other reader takes
 * is taken (a local header's time or sizes differing from the
 * directory's, bytes after the end record); what must be refused is (see
 * zip_io.h).  0, or -1 (reported). */
static int S_zip_check(ZipIn *x, const unsigned char *b, size_t n)
{
	zip_int64_t bad = 0, bad2 = 0;
	int rc = S_ZIP_NOT_THIS;
	/* the end records the last 64 KiB (a comment's room) and a few bytes hold */
	size_t lo = n > 65535 + 22 + 1024 ? n - (65535 + 22 + 1024) : 0;
	for (size_t end = n >= 22 ? n - 22 + 1 : 0; end-- > lo && rc == S_ZIP_NOT_THIS;)
		if (!memcmp(b + end, "PK\5\6", 4))
			rc = S_zip_walk(x, b, n, end, &bad, &bad2);
	const char *name = rc != S_ZIP_NOT_THIS ? zip_get_name(x->za, (zip_uint64_t)bad, 0) : NULL;
	const char *name2 = rc == S_ZIP_OVERLAP ? zip_get_name(x->za, (zip_uint64_t)bad2, 0) : NULL;
	switch (rc) {
	case S_ZIP_OK:
		return 0;
	case S_ZIP_NOT_THIS:
		S_fault(x, ZIP_IN_DIRECTORY, NULL, NULL, NULL, 0);
		break;
	case S_ZIP_PAST_END:
		S_fault(x, ZIP_IN_PAST_END, name ? name : "?", NULL, NULL, 0);
		break;
	case S_ZIP_NO_LOCAL:
		S_fault(x, ZIP_IN_NO_LOCAL, name ? name : "?", NULL, NULL, 0);
		break;
	default:
		S_fault(x, ZIP_IN_OVERLAP, name ? name : "?", name2 ? name2 : "?", NULL, 0);
	}
	return -1;
}

ZipIn *zip_in_open(const void *data, size_t n, uint64_t max_inflated, ZipInReport report,
                   void *ctx)
{
	/* once, whichever of input.c's reading threads comes first */
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, xmlInitParser);
	ZipIn *x = xcalloc(1, sizeof *x);
	x->report = report;
	x->ctx = ctx;
	x->max = max_inflated;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, n, 0, &ze);
	if (src) {
		/* not ZIP_CHECKCONS: S_zip_check does what must be done */
		x->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
		if (!x->za)
			zip_source_free(src);
	}
	if (!x->za)
		S_fault(x, ZIP_IN_NOT_ZIP, NULL, NULL, zip_error_strerror(&ze), 0);
	zip_error_fini(&ze);
	if (!x->za || S_keys(x) || S_zip_check(x, data, n)) {
		zip_in_free(x);
		return NULL;
	}
	return x;
}

void zip_in_free(ZipIn *x)
{
	if (!x)
		return;
	if (x->za)
		zip_discard(x->za);
	for (zip_int64_t i = 0; x->key && i < x->n_ent; i++)
		free(x->key[i]);
	free(x->key);
	free(x);
}

/* The zip entry holding a part, or -1. */
static zip_int64_t S_locate(const ZipIn *x, const char *part)
{
	char *k = S_key(part);
	zip_int64_t found = -1;
	for (zip_int64_t i = 0; i < x->n_ent && found < 0; i++)
		if (x->key[i] && !strcmp(x->key[i], k))
			found = i;
	free(k);
	return found;
}

int zip_in_has(const ZipIn *z, const char *part)
{
	return S_locate(z, part) >= 0;
}

/* --- Parts as XML ----------------------------------------------------- */

static int S_io_read(void *ctx, char *buf, int len)
{
	ZipPart *p = ctx;
	if (p->over || p->ioerr)
		return -1;
	zip_int64_t got = zip_fread(p->zf, buf, (zip_uint64_t)len);
	if (got < 0) {
		p->ioerr = 1;
		return -1;
	}
	p->z->inflated += (uint64_t)got;
	if (p->z->inflated > p->z->max) {
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

static void S_xml_error(void *ctx, xmlErrorPtr err)
{
	ZipPart *p = ctx;
	if (p->xml_err || !err)
		return;
	const char *m = err->message ? err->message : "malformed XML";
	size_t n = strlen(m);
	while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
		n--;
	p->xml_err = xstrndup(m, n);
	p->xml_line = err->line;
}

static void S_part_free(ZipPart *p)
{
	if (p->rd)
		xmlFreeTextReader(p->rd);
	if (p->zf)
		zip_fclose(p->zf);
	free(p->xml_err);
	free(p->name);
	free(p);
}

int zip_part_open(ZipIn *x, const char *name, int optional, ZipPart **out)
{
	*out = NULL;
	zip_int64_t idx = S_locate(x, name);
	if (idx < 0) {
		if (optional)
			return 1;
		S_fault(x, ZIP_IN_MISSING, name, NULL, NULL, 0);
		return -1;
	}
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(x->za, (zip_uint64_t)idx, 0, &st) == 0) {
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
			S_fault(x, ZIP_IN_ENCRYPTED, name, NULL, NULL, 0);
			return -1;
		}
		/* the header's size may lie, but when it says too much it is right */
		if ((st.valid & ZIP_STAT_SIZE) && st.size > x->max - x->inflated) {
			S_fault(x, ZIP_IN_TOO_BIG, name, NULL, NULL, 0);
			return -1;
		}
	}
	ZipPart *p = xcalloc(1, sizeof *p);
	p->z = x;
	p->name = xstrdup(name);
	p->zf = zip_fopen_index(x->za, (zip_uint64_t)idx, 0);
	if (!p->zf) {
		zip_error_t *ze = zip_get_error(x->za);
		if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD || zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD)
			S_fault(x, ZIP_IN_ENCRYPTED, name, NULL, NULL, 0);
		else
			S_fault(x, ZIP_IN_UNREADABLE, name, NULL, zip_error_strerror(ze), 0);
		S_part_free(p);
		return -1;
	}
	/* no network, no DTD loading, no entity substitution (the defaults
	 * of a reader without XML_PARSE_NOENT / DTDLOAD) */
	p->rd = xmlReaderForIO(S_io_read, S_io_close, p, name, NULL,
	                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!p->rd) {
		S_fault(x, ZIP_IN_NO_READER, name, NULL, NULL, 0);
		S_part_free(p);
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(p->rd, S_xml_error, p);
	*out = p;
	return 0;
}

xmlTextReaderPtr zip_part_reader(ZipPart *p)
{
	return p->rd;
}

int zip_part_next(ZipPart *p)
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

void zip_part_close(ZipPart *p, int rc)
{
	if (!p)
		return;
	if (rc < 0) {
		const ZipIn *x = p->z;
		if (p->over)
			S_fault(x, ZIP_IN_TOO_BIG, p->name, NULL, NULL, 0);
		else if (p->ioerr)
			S_fault(x, ZIP_IN_DAMAGED, p->name, NULL, zip_error_strerror(zip_file_get_error(p->zf)), 0);
		else if (p->dtd)
			S_fault(x, ZIP_IN_DTD, p->name, NULL, NULL, 0);
		else
			S_fault(x, ZIP_IN_BAD_XML, p->name, NULL, p->xml_err ? p->xml_err : "malformed",
			        p->xml_line);
	}
	S_part_free(p);
}

/* --- Writing ---------------------------------------------------------- */

struct ZipOut {
	zip_t *za;
	char *path;
	int bad;
};

ZipOut *zip_out_open(const char *path, char **err)
{
	int zerr = 0;
	unlink(path);
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (!za) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		*err = xasprintf(_("%s: cannot write the file: %s"), path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	ZipOut *z = xcalloc(1, sizeof *z);
	z->za = za;
	z->path = xstrdup(path);
	return z;
}

/* Adds src as entry name, deflated, dated t. */
static void S_add(ZipOut *z, const char *name, zip_source_t *src, time_t t)
{
	if (z->bad || !src) {
		if (src)
			zip_source_free(src);
		z->bad = 1;
		return;
	}
	zip_int64_t i = zip_file_add(z->za, name, src, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		zip_source_free(src);
		z->bad = 1;
		return;
	}
	struct tm tm;
	if (!gmtime_r(&t, &tm) || tm.tm_year < 80)
		tm = (struct tm){.tm_year = 80, .tm_mon = 0, .tm_mday = 1};
	zip_uint16_t dtime = (zip_uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
	zip_uint16_t ddate =
	    (zip_uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
	if (zip_file_set_dostime(z->za, (zip_uint64_t)i, dtime, ddate, 0) < 0 ||
	    zip_set_file_compression(z->za, (zip_uint64_t)i, ZIP_CM_DEFLATE, 9) < 0)
		z->bad = 1;
}

void zip_out_add_mem(ZipOut *z, const char *name, const void *data, size_t n, time_t t)
{
	S_add(z, name, z->bad ? NULL : zip_source_buffer(z->za, data, (zip_uint64_t)n, 0), t);
}

void zip_out_add_file(ZipOut *z, const char *name, const char *path, time_t t)
{
	S_add(z, name, z->bad ? NULL : zip_source_file(z->za, path, 0, -1), t);
}

int zip_out_close(ZipOut *z, char **err)
{
	int rc = 0;
	if (z->bad || zip_close(z->za) < 0) {
		*err = xasprintf(_("%s: cannot write the file: %s"), z->path, zip_strerror(z->za));
		zip_discard(z->za);
		unlink(z->path);
		rc = -1;
	}
	free(z->path);
	free(z);
	return rc;
}

void zip_out_discard(ZipOut *z)
{
	if (!z)
		return;
	zip_discard(z->za);
	unlink(z->path);
	free(z->path);
	free(z);
}
