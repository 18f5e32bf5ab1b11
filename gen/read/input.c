/* SPDX-License-Identifier: MIT */
/* input: the registry (nhom.csv, don-vi.csv, chi-tieu.csv), the figures
 * (so-lieu/<ma>.csv or <ma>.xlsx) and bao-cao.conf into the model.
 *
 * Every file goes through csvin (a workbook through xlsxin, which hands
 * csvin's record stage its rows); this file checks values.  Checks that
 * need more than one row (duplicates, a month beside its quarter, one
 * reporting year) run after a file or all files are read, over sorted
 * arrays: neighbours are compared, so nothing is quadratic.
 *
 * The units' files may be read on several threads (input_read_j): their
 * names are judged first, in order, and each file's messages are kept
 * apart and put back in name order, so any number of threads says the
 * same things in the same order. */
#include "input.h"

#include "han_doc.h"

#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "buf.h"
#include "csvin.h"
#include "docxin.h"
#include "gfm.h"
#include "text.h"
#include "xalloc.h"
#include "xlsxin.h"

/* The largest count accepted: sums of a year of rows stay far below
 * INT64_MAX / 10^8, so eval's exact comparisons cannot overflow. */
#define S_MAX_COUNT INT64_C(999999999999)
/* bao-cao.conf is a few lines: a larger file is the wrong file. */
#define S_MAX_CONF (1024 * 1024)
#define S_MAX_NOI_DUNG (1024 * 1024)
#define S_MAX_NOI_DUNG_DOCX (32 * 1024 * 1024)

enum { S_Y0 = 1900, S_NY = 10000 - S_Y0 };

typedef struct {
	Model *m;
	const char *dir;
	int have_nhom, have_don_vi, have_chi_tieu;
	int *nhom_line;    /* [n_nhom] while reading: the line of each group */
	int *dv_line;      /* [n_don_vi]: the line of each unit in don-vi.csv */
	char **dv_thuoc;   /* [n_don_vi]: thuoc as written, until resolved */
	int *dv_thuoc_col;
	int *ct_line;      /* [n_chi_tieu] while reading */
	int *ky_col;       /* [n_don_vi]: column of ky in the unit's file */
	size_t *seg_len;   /* [n_don_vi]: how many rows the unit has */
	SoLieu **seg;      /* [n_don_vi]: where the unit's rows are kept */
	struct S_Reader *rd; /* [n_rd]: one per thread reading the units' files */
	size_t n_rd;
	char **sl_path;    /* [n_don_vi]: the unit's data file, for messages */
	int first_ct_line; /* line of the target with the smallest stt */
	int ct_can_cu_col; /* column of can_cu in chi-tieu.csv (0: absent) */
	/* the column of each registry file's key, for messages on a key: the
	 * header may put it anywhere */
	int nhom_ma_col, dv_ma_col, ct_stt_col;
	size_t suggest_budget; /* names left to compare for "did you mean" */
} S_Ctx;

/* --- Small parsers --------------------------------------------------- */


/* A whole number, optionally negative, at most 9 digits. */
static int S_int(const char *s, int *out)
{
	int neg = 0, v = 0, nd = 0;
	if (*s == '-') {
		neg = 1;
		s++;
	}
	for (; *s; s++, nd++) {
		if (*s < '0' || *s > '9' || nd >= 9)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (!nd)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

static const char *const S_excel_errors[] = {
	"#div/0!", "#n/a", "#value!", "#ref!", "#name?", "#num!", "#null!",
	"#spill!", "#calc!", "#getting_data", "#field!", "#blocked!", "#unknown!",
};

static int S_excel_error(const char *s)
{
	for (size_t i = 0; i < sizeof S_excel_errors / sizeof S_excel_errors[0]; i++)
		if (!strcasecmp(s, S_excel_errors[i]))
			return 1;
	return 0;
}

/* Length of a digit-group separator at s (. , space, no-break spaces). */
static size_t S_group_sep(const char *s)
{
	if (*s == '.' || *s == ',' || *s == ' ')
		return 1;
	if (!strncmp(s, "\xC2\xA0", 2))
		return 2;
	if (!strncmp(s, "\xE2\x80\xAF", 3))
		return 3;
	return 0;
}

enum { S_CNT_OK, S_CNT_EMPTY, S_CNT_EXCEL, S_CNT_NEG, S_CNT_BIG, S_CNT_BAD };

/* A count: digits, or digit groups of three after a first group of one to
 * three, all separated by the same separator ("1.234", "1 234 567"). */
static int S_count(const char *s, int64_t *out)
{
	if (!*s)
		return S_CNT_EMPTY;
	if (*s == '#')
		return S_excel_error(s) ? S_CNT_EXCEL : S_CNT_BAD;
	int neg = *s == '-';
	if (neg)
		s++;
	int64_t v = 0;
	int big = 0, groups = 0;
	size_t run = 0, first = 0;
	const char *sep = NULL;
	size_t sep_n = 0;
	for (;;) {
		if (*s >= '0' && *s <= '9') {
			if (v > S_MAX_COUNT)
				big = 1;
			else
				v = v * 10 + (*s - '0');
			run++;
			s++;
			continue;
		}
		/* a run of digits ends */
		if (!run)
			return S_CNT_BAD;
		if (!groups)
			first = run;
		else if (run != 3)
			return S_CNT_BAD;
		if (!*s)
			break;
		size_t k = S_group_sep(s);
		if (!k || (sep && (k != sep_n || memcmp(s, sep, k))))
			return S_CNT_BAD;
		if (!groups && first > 3)
			return S_CNT_BAD;
		sep = s;
		sep_n = k;
		s += k;
		groups++;
		run = 0;
	}
	if (neg)
		return S_CNT_NEG;
	if (big || v > S_MAX_COUNT)
		return S_CNT_BIG;
	*out = v;
	return S_CNT_OK;
}

/* A decimal "80", "45.5", "45,5" as num / 10^scale (scale 0..6). */
static int S_decimal(const char *s, int64_t *num, int *scale)
{
	int64_t v = 0;
	int nd = 0, sc = -1;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (++nd > 15)
				return -1;
			v = v * 10 + (*s - '0');
			if (sc >= 0 && ++sc > 6)
				return -1;
		} else if ((*s == '.' || *s == ',') && sc < 0 && nd)
			sc = 0;
		else
			return -1;
	}
	if (!nd || sc == 0)
		return -1;
	*num = v;
	*scale = sc < 0 ? 0 : sc;
	return 0;
}

/* Appends " (did you mean 'x'?)" for the nearest of get(arr, 0..n), if any. */
/* The nearest of arr's n codes to what, for a "did you mean" message;
 * NULL: none near, or no budget left. */
static const char *S_suggest(S_Ctx *c, const char *what, size_t n,
                             const char *(*get)(const void *, size_t), const void *arr)
{
	/* a registry that matches nothing (a wrong folder) must not cost
	 * units x files comparisons: suggestions stop when the budget ends */
	if (n > c->suggest_budget)
		return NULL;
	c->suggest_budget -= n;
	return text_nearest(what, n, get, arr, (size_t)-1);
}

static const char *S_get_don_vi(const void *arr, size_t i)
{
	return ((const Model *)arr)->don_vi[i].ma;
}

static const char *S_get_nhom(const void *arr, size_t i)
{
	return ((const Model *)arr)->nhom[i].ma;
}

static const char *S_get_str(const void *arr, size_t i)
{
	return ((const char *const *)arr)[i];
}

static void S_tep(Model *m, const char *path, const unsigned char sha[32])
{
	m->tep = xrealloc(m->tep, (m->n_tep + 1) * sizeof *m->tep);
	m->tep[m->n_tep].path = xstrdup(path);
	memcpy(m->tep[m->n_tep].sha256, sha, 32);
	m->n_tep++;
}

static char *S_dup_or_null(const char *s)
{
	return *s ? text_nfc(s) : NULL;
}

/* --- bao-cao.conf ----------------------------------------------------- */

static const char *const S_conf_keys[] = {
	"co_quan_chu_quan", "co_quan", "so", "ky_hieu", "dia_danh", "ngay", "loai_van_ban",
	"trich_yeu", "tieu_de_phu_luc", "ten_tinh", "ky_tm", "ky_kt", "ky_chuc_vu", "ky_ten",
	"noi_nhan", "ghi_chu_du_lieu", "han_danh_muc", "han_quy_trinh", "ten_co_quan", "ky_nhap",
	"tu_khoa", "so_cong_van", "can_cu_giao", "han_gui_so_lieu", "noi_nhan_cong_van",
	"kinh_gui",
};
#define S_N_CONF_KEYS (sizeof S_conf_keys / sizeof S_conf_keys[0])

static void S_conf_line(S_Ctx *c, char *s, size_t len, int line, uint64_t off)
{
	Model *m = c->m;
	const char *path = "bao-cao.conf";
	size_t bad;
	if (!text_utf8_valid(s, len, &bad)) {
		msg_error(&m->msgs, path, line, 0,
		          "the file is not UTF-8 text: byte 0x%02X at byte offset %llu is not valid UTF-8 "
		          "(a Windows-1258 or other legacy encoding?); save it as UTF-8",
		          (unsigned char)s[bad], (unsigned long long)(off + bad));
		return;
	}
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7F) {
			char *pre = xstrndup(s, i);
			msg_error(&m->msgs, path, line, (int)text_length(pre) + 1,
			          "control character U+%04X: remove it", (unsigned char)s[i]);
			free(pre);
			return;
		}
	const char *p = s;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p || *p == '#')
		return;
	const char *eq = strchr(p, '=');
	if (!eq) {
		msg_error(&m->msgs, path, line, (int)(p - s) + 1,
		          "this line is not 'key = value' (a comment line starts with #)");
		return;
	}
	const char *ke = eq;
	while (ke > p && (ke[-1] == ' ' || ke[-1] == '\t'))
		ke--;
	char *key_raw = xstrndup(p, (size_t)(ke - p));
	char *key = text_fold(key_raw);
	free(key_raw);
	const char *v = eq + 1;
	while (*v == ' ' || *v == '\t')
		v++;
	const char *ve = s + len;
	while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
		ve--;
	char *raw = xstrndup(v, (size_t)(ve - v));
	char *vcol = xstrndup(s, (size_t)(v - s));
	int col = (int)text_length(vcol) + 1;
	free(vcol);
	size_t k;
	for (k = 0; k < S_N_CONF_KEYS; k++)
		if (!strcmp(key, S_conf_keys[k]))
			break;
	if (k == S_N_CONF_KEYS) {
		const char *near = S_suggest(c, key, S_N_CONF_KEYS, S_get_str, S_conf_keys);
		if (near)
			msg_warn(&m->msgs, path, line, (int)(p - s) + 1,
			         "unknown key '%s' is ignored (did you mean '%s'?)", key, near);
		else
			msg_warn(&m->msgs, path, line, (int)(p - s) + 1, "unknown key '%s' is ignored", key);
		free(key);
		free(raw);
		return;
	}
	for (size_t i = 0; i < m->n_conf; i++)
		if (!strcmp(m->conf[i].key, key))
			msg_warn(&m->msgs, path, line, (int)(p - s) + 1,
			         "key '%s' is set twice (lines %d and %d): the later value is used", key,
			         m->conf[i].line, line);
	if (!strcmp(key, "ky_nhap") && *raw) {
		char *f = text_fold(raw);
		if (strcmp(f, "quy") && strcmp(f, "thang"))
			msg_error(&m->msgs, path, line, col,
			          "ky_nhap '%s' is not a period of entry: write quy (a row per quarter in the "
			          "entry forms) or thang (a row per month), or leave it empty",
			          raw);
		free(f);
	}
	if (!strcmp(key, "han_gui_so_lieu") && *raw) {
		char *end;
		long n = strtol(raw, &end, 10);
		if (*end || end == raw || n < 1 || n > 365)
			msg_error(&m->msgs, path, line, col,
			          "han_gui_so_lieu '%s' is not a number of working days: write a whole "
			          "number from 1 to 365, or leave it empty for 5",
			          raw);
	}
	if (!strcmp(key, "ngay") && *raw && date_parse(raw, &(int){0}, NULL) != DATE_OK)
		msg_error(&m->msgs, path, line, col,
		          "ngay '%s' is not a date: write dd/mm/yyyy or yyyy-mm-dd, or leave it empty", raw);
	m->conf = xrealloc(m->conf, (m->n_conf + 1) * sizeof *m->conf);
	m->conf[m->n_conf].key = key;
	m->conf[m->n_conf].value = text_nfc(raw);
	m->conf[m->n_conf].line = line;
	m->n_conf++;
	free(raw);
}

static void S_read_conf(S_Ctx *c)
{
	char *full = xasprintf("%s/bao-cao.conf", c->dir);
	/* O_NONBLOCK: a FIFO in its place must not hang the run */
	int fd = open(full, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	free(full);
	if (fd < 0) {
		if (errno != ENOENT)
			msg_error(&c->m->msgs, "bao-cao.conf", 0, 0, "cannot open the file: %s",
			          strerror(errno));
		return;
	}
	struct stat st = {0};
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > S_MAX_CONF) {
		if (S_ISDIR(st.st_mode))
			msg_error(&c->m->msgs, "bao-cao.conf", 0, 0,
			          "cannot read the file: it is a folder, not a file");
		else if (!S_ISREG(st.st_mode))
			msg_error(&c->m->msgs, "bao-cao.conf", 0, 0,
			          "cannot read the file: it is not a regular file");
		else
			msg_error(&c->m->msgs, "bao-cao.conf", 0, 0,
			          "cannot read the file: it is larger than 1 MiB (a few lines of key = value)");
		close(fd);
		return;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	FILE *fp = fdopen(fd, "rb");
	if (!fp) {
		close(fd);
		return;
	}
	struct sha256_ctx sha;
	sha256_init(&sha);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int no = 0;
	uint64_t off = 0;
	while ((n = getline(&line, &cap, fp)) >= 0) {
		sha256_update(&sha, (size_t)n, (const uint8_t *)line);
		no++;
		size_t len = (size_t)n, skip = 0;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (no == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
			skip = 3;
		if (memchr(line, '\0', len)) {
			msg_error(&c->m->msgs, "bao-cao.conf", no, 0,
			          "NUL byte: this is not UTF-8 text (UTF-16?); save it as UTF-8");
			break;
		}
		S_conf_line(c, line + skip, len - skip, no, off + skip);
		off += (uint64_t)n;
	}
	if (ferror(fp))
		msg_error(&c->m->msgs, "bao-cao.conf", 0, 0, "cannot read the file: %s", strerror(errno));
	free(line);
	fclose(fp);
	unsigned char d[32] = {0};
	if (c->m->tep_sha)
		sha256_digest(&sha, sizeof d, d);
	S_tep(c->m, "bao-cao.conf", d);
}

/* A file of the clerk's text read whole: 0, 1 when it does not exist,
 * -1 on an error (recorded). */
static void S_too_big(S_Ctx *c, const char *name, int docx)
{
	if (docx)
		msg_error(&c->m->msgs, name, 0, 0,
		          "cannot read the file: it is larger than 32 MiB (a report's text with a few "
		          "pictures takes far less)");
	else
		msg_error(&c->m->msgs, name, 0, 0,
		          "cannot read the file: it is larger than 1 MiB (a report's text is a few pages)");
}

static int S_slurp(S_Ctx *c, const char *name, int docx, Buf *b)
{
	off_t max = docx ? S_MAX_NOI_DUNG_DOCX : S_MAX_NOI_DUNG;
	char *full = xasprintf("%s/%s", c->dir, name);
	int fd = open(full, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	free(full);
	if (fd < 0) {
		if (errno == ENOENT)
			return 1;
		msg_error(&c->m->msgs, name, 0, 0, "cannot open the file: %s", strerror(errno));
		return -1;
	}
	struct stat st = {0};
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > max) {
		if (S_ISDIR(st.st_mode))
			msg_error(&c->m->msgs, name, 0, 0, "cannot read the file: it is a folder, not a file");
		else if (!S_ISREG(st.st_mode))
			msg_error(&c->m->msgs, name, 0, 0, "cannot read the file: it is not a regular file");
		else
			S_too_big(c, name, docx);
		close(fd);
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) > 0) {
		buf_add(b, chunk, (size_t)n);
		if ((off_t)b->len > max) /* it grew while read */
			break;
	}
	if (n < 0)
		msg_error(&c->m->msgs, name, 0, 0, "cannot read the file: %s", strerror(errno));
	close(fd);
	if (n < 0)
		return -1;
	if ((off_t)b->len > max) {
		S_too_big(c, name, docx);
		return -1;
	}
	return 0;
}

static int S_exists(const S_Ctx *c, const char *name)
{
	char *full = xasprintf("%s/%s", c->dir, name);
	struct stat st;
	int r = stat(full, &st) == 0;
	free(full);
	return r;
}

/* noi-dung.md or noi-dung.docx, the clerk's own text (optional): read
 * whole, parsed by gfm.c or docxin.c into the model's blocks. */
static void S_read_noi_dung(S_Ctx *c)
{
	static const char md[] = "noi-dung.md", docx[] = "noi-dung.docx", doc[] = "noi-dung.doc";
	int has_md = S_exists(c, md), has_docx = S_exists(c, docx);
	if (has_md && has_docx) {
		msg_error(&c->m->msgs, docx, 0, 0,
		          "both noi-dung.md and noi-dung.docx are in the input folder: the report takes "
		          "the clerk's text from one of them; remove the other");
		return;
	}
	if (!has_md && !has_docx) {
		if (S_exists(c, doc))
			msg_error(&c->m->msgs, doc, 0, 0,
			          "a Word 97-2003 document (.doc) is not read: open it in Word or LibreOffice "
			          "and save it as \"Word Document (*.docx)\", named noi-dung.docx");
		return;
	}
	const char *name = has_docx ? docx : md;
	Buf b;
	buf_init(&b);
	int rc = S_slurp(c, name, has_docx, &b);
	if (rc) {
		buf_release(&b);
		return;
	}
	unsigned char d[32] = {0};
	if (c->m->tep_sha) {
		struct sha256_ctx sha;
		sha256_init(&sha);
		sha256_update(&sha, b.len, (const uint8_t *)b.ptr);
		sha256_digest(&sha, sizeof d, d);
	}
	S_tep(c->m, name, d);
	if (has_docx)
		docxin_noi_dung(c->m, name, b.ptr, b.len);
	else
		gfm_noi_dung(c->m, name, b.ptr, b.len);
	buf_release(&b);
}

/* --- Registry files ---------------------------------------------------- */

/* Reads a required registry file; records it in Model.tep.  A file that
 * reads cleanly but holds no row is an error too: nothing could match. */
enum { S_REG_NHOM, S_REG_DON_VI, S_REG_CHI_TIEU };

static void S_read_registry(S_Ctx *c, const char *path, const CsvCol *cols, size_t n, CsvRowFn fn,
                            const size_t *n_rows, int what)
{
	CsvInfo info = {0};
	int e0 = c->m->msgs.n_error;
	int rc = csvin_read(c->dir, path, cols, n, fn, c, &c->m->msgs, c->m->tep_sha ? &info : NULL);
	if (rc == CSVIN_MISSING) {
		msg_error(&c->m->msgs, path, 0, 0, "required file is missing from the input folder %s",
		          c->dir);
		return;
	}
	S_tep(c->m, path, info.sha256);
	if (*n_rows || c->m->msgs.n_error != e0)
		return;
	if (what == S_REG_NHOM)
		msg_error(&c->m->msgs, path, 0, 0, "the file has a header but no group: at least one is needed");
	else if (what == S_REG_DON_VI)
		msg_error(&c->m->msgs, path, 0, 0, "the file has a header but no unit: at least one is needed");
	else
		msg_error(&c->m->msgs, path, 0, 0,
		          "the file has a header but no target: at least one is needed");
}

enum { NH_MA, NH_TEN, NH_THU_TU, NH_N };
static const CsvCol S_cols_nhom[NH_N] = {{"ma", 1}, {"ten", 1}, {"thu_tu", 1}};

static int S_row_nhom(void *vc, const CsvRow *r)
{
	S_Ctx *c = vc;
	Model *m = c->m;
	const CsvField *f = r->f;
	const char *path = r->path;
	/* a row with a good code is kept whatever else is wrong, so that
	 * the files naming it do not repeat the error */
	int ok = 1, thu_tu = 0;
	if (!model_code_ok(f[NH_MA].text)) {
		msg_error(&m->msgs, path, f[NH_MA].line, f[NH_MA].col,
		          "bad group code '%s': use lower-case ASCII letters, digits and '-' ([a-z0-9-]+)",
		          f[NH_MA].text);
		ok = 0;
	}
	if (!f[NH_TEN].text[0]) {
		msg_error(&m->msgs, path, f[NH_TEN].line, f[NH_TEN].col, "empty group name (ten)");
	}
	if (S_int(f[NH_THU_TU].text, &thu_tu)) {
		msg_error(&m->msgs, path, f[NH_THU_TU].line, f[NH_THU_TU].col,
		          "thu_tu '%s' is not a whole number (the group's order in reports)",
		          f[NH_THU_TU].text);
	}
	if (!ok)
		return 0;
	m->nhom = xrealloc(m->nhom, (m->n_nhom + 1) * sizeof *m->nhom);
	c->nhom_line = xrealloc(c->nhom_line, (m->n_nhom + 1) * sizeof *c->nhom_line);
	m->nhom[m->n_nhom] = (Nhom){xstrdup(f[NH_MA].text), text_nfc(f[NH_TEN].text), thu_tu};
	c->nhom_ma_col = f[NH_MA].col;
	c->nhom_line[m->n_nhom] = r->line;
	m->n_nhom++;
	return 0;
}

enum { DV_MA, DV_TEN, DV_NHOM, DV_THUOC, DV_N };
static const CsvCol S_cols_don_vi[DV_N] = {{"ma", 1}, {"ten", 1}, {"nhom", 1}, {"thuoc", 0}};

/* in_ap_dung: the code is one of chi-tieu.csv's ap_dung, else don-vi.csv's nhom. */
static void S_unknown_group(S_Ctx *c, const char *path, const CsvField *f, const char *slug,
                            int in_ap_dung)
{
	const char *near = S_suggest(c, slug, c->m->n_nhom, S_get_nhom, c->m);
	Msgs *ms = &c->m->msgs;
	if (in_ap_dung && near)
		msg_error(ms, path, f->line, f->col,
		          "unknown group '%s' in ap_dung: no such code in nhom.csv (did you mean '%s'?)",
		          slug, near);
	else if (in_ap_dung)
		msg_error(ms, path, f->line, f->col, "unknown group '%s' in ap_dung: no such code in nhom.csv",
		          slug);
	else if (near)
		msg_error(ms, path, f->line, f->col,
		          "unknown group '%s': no such code in nhom.csv (did you mean '%s'?)", slug, near);
	else
		msg_error(ms, path, f->line, f->col, "unknown group '%s': no such code in nhom.csv", slug);
}

static int S_row_don_vi(void *vc, const CsvRow *r)
{
	S_Ctx *c = vc;
	Model *m = c->m;
	const CsvField *f = r->f;
	const char *path = r->path;
	int ok = 1, g = -1;
	if (!model_code_ok(f[DV_MA].text)) {
		msg_error(&m->msgs, path, f[DV_MA].line, f[DV_MA].col,
		          "bad unit code '%s': use lower-case ASCII letters, digits and '-' ([a-z0-9-]+); "
		          "it is also the name of the unit's file so-lieu/<ma>.csv",
		          f[DV_MA].text);
		ok = 0;
	}
	if (!f[DV_TEN].text[0]) {
		msg_error(&m->msgs, path, f[DV_TEN].line, f[DV_TEN].col, "empty unit name (ten)");
	}
	if (!f[DV_NHOM].text[0]) {
		msg_error(&m->msgs, path, f[DV_NHOM].line, f[DV_NHOM].col,
		          "empty group (nhom): write a group code of nhom.csv");
	} else if ((g = model_find_nhom(m, f[DV_NHOM].text)) < 0 && c->have_nhom)
		S_unknown_group(c, path, &f[DV_NHOM], f[DV_NHOM].text, 0);
	if (!ok)
		return 0;
	size_t i = m->n_don_vi;
	m->don_vi = xrealloc(m->don_vi, (i + 1) * sizeof *m->don_vi);
	c->dv_line = xrealloc(c->dv_line, (i + 1) * sizeof *c->dv_line);
	c->dv_thuoc = xrealloc(c->dv_thuoc, (i + 1) * sizeof *c->dv_thuoc);
	c->dv_thuoc_col = xrealloc(c->dv_thuoc_col, (i + 1) * sizeof *c->dv_thuoc_col);
	m->don_vi[i] = (DonVi){xstrdup(f[DV_MA].text), text_nfc(f[DV_TEN].text), g, -1, 0, NULL};
	c->dv_line[i] = r->line;
	c->dv_thuoc[i] = f[DV_THUOC].text[0] ? xstrdup(f[DV_THUOC].text) : NULL;
	c->dv_thuoc_col[i] = f[DV_THUOC].col;
	c->dv_ma_col = f[DV_MA].col;
	m->n_don_vi++;
	return 0;
}

enum { CT_STT, CT_TEN, CT_CHU_TRI, CT_PHOI_HOP, CT_DVT, CT_SO_SANH, CT_GIA_TRI, CT_CAN_CU, CT_AP_DUNG,
       CT_TEN_NGAN, CT_N };
static const CsvCol S_cols_chi_tieu[CT_N] = {
	{"stt", 1},     {"ten", 1},     {"chu_tri", 0}, {"phoi_hop", 0}, {"don_vi_tinh", 0},
	{"so_sanh", 1}, {"gia_tri", 1}, {"can_cu", 0},  {"ap_dung", 1},  {"ten_ngan", 0},
};

/* A short name is for a matrix header or a chart title: past this many
 * characters it wraps or is cut there, so say so (a warning: the run
 * still works). */
#define S_TEN_NGAN_MAX 40

static int S_row_chi_tieu(void *vc, const CsvRow *r)
{
	S_Ctx *c = vc;
	Model *m = c->m;
	const CsvField *f = r->f;
	const char *path = r->path;
	int ok = 1, stt = 0, scale = 0;
	int64_t num = 0;
	SoSanh ss = SS_GE;
	if (S_int(f[CT_STT].text, &stt) || stt < 0) {
		msg_error(&m->msgs, path, f[CT_STT].line, f[CT_STT].col,
		          "stt '%s' is not a whole number (the row number of the target)", f[CT_STT].text);
		ok = 0; /* only a row without its key is dropped */
	}
	if (!f[CT_TEN].text[0]) {
		msg_error(&m->msgs, path, f[CT_TEN].line, f[CT_TEN].col, "empty target name (ten)");
	}
	const char *s = f[CT_SO_SANH].text;
	if (!strcmp(s, ">="))
		ss = SS_GE;
	else if (!strcmp(s, "<="))
		ss = SS_LE;
	else if (!strcmp(s, "="))
		ss = SS_EQ;
	else {
		msg_error(&m->msgs, path, f[CT_SO_SANH].line, f[CT_SO_SANH].col,
		          "bad comparator '%s' in so_sanh: write >= (at least), <= (at most) or = (exactly)",
		          s);
	}
	if (S_decimal(f[CT_GIA_TRI].text, &num, &scale)) {
		msg_error(&m->msgs, path, f[CT_GIA_TRI].line, f[CT_GIA_TRI].col,
		          "bad target value '%s' in gia_tri: write a number such as 80, 45.5 or 45,5 "
		          "(at most 6 decimals, no %% sign)",
		          f[CT_GIA_TRI].text);
	}
	unsigned char *ap = xcalloc(m->n_nhom ? m->n_nhom : 1, 1);
	const char *a = f[CT_AP_DUNG].text;
	if (!*a) {
		msg_error(&m->msgs, path, f[CT_AP_DUNG].line, f[CT_AP_DUNG].col,
		          "empty ap_dung: name the groups judged on this target, joined by | (so|huyen|xa)");
	}
	while (*a) {
		const char *e = strchr(a, '|');
		size_t len = e ? (size_t)(e - a) : strlen(a);
		char *slug = xstrndup(a, len);
		char *t = slug + strspn(slug, " \t");
		size_t tl = strlen(t);
		while (tl && (t[tl - 1] == ' ' || t[tl - 1] == '\t'))
			t[--tl] = '\0';
		int g = model_find_nhom(m, t);
		if (g >= 0)
			ap[g] = 1;
		else {
			if (c->have_nhom)
				S_unknown_group(c, path, &f[CT_AP_DUNG], t, 1);
			}
		free(slug);
		a += len + (e ? 1 : 0);
		if (e && !*a) /* "so|" */
			break;
	}
	if (!ok) {
		free(ap);
		return 0;
	}
	size_t i = m->n_chi_tieu;
	m->chi_tieu = xrealloc(m->chi_tieu, (i + 1) * sizeof *m->chi_tieu);
	c->ct_line = xrealloc(c->ct_line, (i + 1) * sizeof *c->ct_line);
	ChiTieu *t = &m->chi_tieu[i];
	memset(t, 0, sizeof *t);
	t->stt = stt;
	t->ten = text_nfc(f[CT_TEN].text);
	t->chu_tri = text_nfc(f[CT_CHU_TRI].text);
	t->phoi_hop = text_nfc(f[CT_PHOI_HOP].text);
	t->don_vi_tinh = text_nfc(f[CT_DVT].text);
	t->ten_ngan = text_nfc(f[CT_TEN_NGAN].text);
	if (text_length(t->ten_ngan) > S_TEN_NGAN_MAX)
		msg_warn(&m->msgs, path, f[CT_TEN_NGAN].line, f[CT_TEN_NGAN].col,
		         "ten_ngan '%s' has %zu characters: a short name of at most %d fits matrix "
		         "headers and chart titles",
		         t->ten_ngan, text_length(t->ten_ngan), S_TEN_NGAN_MAX);
	t->can_cu = text_nfc(f[CT_CAN_CU].text);
	t->can_cu_span = 1;
	t->so_sanh = ss;
	t->gt_num = num;
	t->gt_scale = scale;
	t->ap_dung = ap;
	c->ct_line[i] = r->line;
	c->ct_stt_col = f[CT_STT].col;
	c->ct_can_cu_col = f[CT_CAN_CU].col;
	m->n_chi_tieu++;
	return 0;
}

/* Sorting keys with their line, to find duplicates as neighbours. */
typedef struct {
	const char *key;
	int num;
	int line;
	size_t i;
} S_Key;

static int S_same(const S_Key *x, const S_Key *y)
{
	return x->key ? !strcmp(x->key, y->key) : x->num == y->num;
}

static int S_cmp_key(const void *a, const void *b)
{
	const S_Key *x = a, *y = b;
	int r = x->key ? strcmp(x->key, y->key) : (x->num > y->num) - (x->num < y->num);
	if (r)
		return r;
	return (x->line > y->line) - (x->line < y->line);
}

/* Reports each key given twice (naming both lines; col is the key's
 * column) and returns a mask of the later copies [n], to drop. */
static unsigned char *S_dups(Model *m, const char *path, S_Key *k, size_t n, int col,
                             int what)
{
	unsigned char *drop = xcalloc(n ? n : 1, 1);
	qsort(k, n, sizeof *k, S_cmp_key);
	size_t first = 0; /* the first of a run of equal keys is kept */
	for (size_t j = 1; j < n; j++) {
		if (!S_same(&k[j - 1], &k[j])) {
			first = j;
			continue;
		}
		if (what == S_REG_NHOM)
			msg_error(&m->msgs, path, k[j].line, col, "duplicate group code '%s' (lines %d and %d)",
			          k[j].key, k[first].line, k[j].line);
		else if (what == S_REG_DON_VI)
			msg_error(&m->msgs, path, k[j].line, col, "duplicate unit code '%s' (lines %d and %d)",
			          k[j].key, k[first].line, k[j].line);
		else
			msg_error(&m->msgs, path, k[j].line, col, "duplicate stt %d (lines %d and %d)",
			          k[j].num, k[first].line, k[j].line);
		drop[k[j].i] = 1;
	}
	return drop;
}

static void S_check_nhom(S_Ctx *c)
{
	Model *m = c->m;
	S_Key *k = xmalloc((m->n_nhom ? m->n_nhom : 1) * sizeof *k);
	for (size_t i = 0; i < m->n_nhom; i++)
		k[i] = (S_Key){m->nhom[i].ma, 0, c->nhom_line[i], i};
	unsigned char *drop = S_dups(m, "nhom.csv", k, m->n_nhom, c->nhom_ma_col, S_REG_NHOM);
	size_t w = 0;
	for (size_t i = 0; i < m->n_nhom; i++) {
		if (drop[i]) {
			free(m->nhom[i].ma);
			free(m->nhom[i].ten);
			continue;
		}
		m->nhom[w++] = m->nhom[i];
	}
	m->n_nhom = w;
	free(drop);
	free(k);
	free(c->nhom_line);
	c->nhom_line = NULL;
}

static void S_check_don_vi(S_Ctx *c)
{
	Model *m = c->m;
	S_Key *k = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *k);
	for (size_t i = 0; i < m->n_don_vi; i++)
		k[i] = (S_Key){m->don_vi[i].ma, 0, c->dv_line[i], i};
	unsigned char *drop = S_dups(m, "don-vi.csv", k, m->n_don_vi, c->dv_ma_col, S_REG_DON_VI);
	size_t w = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		if (drop[i]) {
			free(m->don_vi[i].ma);
			free(m->don_vi[i].ten);
			free(c->dv_thuoc[i]);
			continue;
		}
		m->don_vi[w] = m->don_vi[i];
		c->dv_line[w] = c->dv_line[i];
		c->dv_thuoc[w] = c->dv_thuoc[i];
		c->dv_thuoc_col[w] = c->dv_thuoc_col[i];
		w++;
	}
	m->n_don_vi = w;
	free(drop);
	free(k);
}

/* thuoc -> index, once the registry index exists; then no cycles. */
static void S_resolve_thuoc(S_Ctx *c)
{
	Model *m = c->m;
	const char *path = "don-vi.csv";
	for (size_t i = 0; i < m->n_don_vi; i++) {
		if (!c->dv_thuoc[i])
			continue;
		int p = model_find_don_vi(m, c->dv_thuoc[i]);
		if (p < 0) {
			const char *near = S_suggest(c, c->dv_thuoc[i], m->n_don_vi, S_get_don_vi, m);
			if (near)
				msg_error(&m->msgs, path, c->dv_line[i], c->dv_thuoc_col[i],
				          "unknown parent unit '%s' in thuoc: no such code in don-vi.csv (did you "
				          "mean '%s'?)",
				          c->dv_thuoc[i], near);
			else
				msg_error(&m->msgs, path, c->dv_line[i], c->dv_thuoc_col[i],
				          "unknown parent unit '%s' in thuoc: no such code in don-vi.csv",
				          c->dv_thuoc[i]);
		} else
			m->don_vi[i].thuoc = p;
	}
	/* colour walk: 0 new, 1 on the current path, 2 done */
	unsigned char *st = xcalloc(m->n_don_vi ? m->n_don_vi : 1, 1);
	for (size_t i = 0; i < m->n_don_vi; i++) {
		int u = (int)i;
		while (u >= 0 && st[u] == 0) {
			st[u] = 1;
			u = m->don_vi[u].thuoc;
		}
		if (u >= 0 && st[u] == 1) { /* u is on a cycle met on this walk */
			Buf b;
			buf_init(&b);
			int v = u;
			do {
				buf_printf(&b, "%s -> ", m->don_vi[v].ma);
				v = m->don_vi[v].thuoc;
			} while (v != u);
			buf_puts(&b, m->don_vi[u].ma);
			msg_error(&m->msgs, path, c->dv_line[u], c->dv_thuoc_col[u],
			          "thuoc makes a cycle: %s; a unit cannot be its own parent", b.ptr);
			buf_release(&b);
			do { /* break it so later walks end */
				int nx = m->don_vi[v].thuoc;
				m->don_vi[v].thuoc = -1;
				st[v] = 2;
				v = nx;
			} while (v >= 0 && v != u);
		}
		for (u = (int)i; u >= 0 && st[u] == 1; u = m->don_vi[u].thuoc)
			st[u] = 2;
	}
	free(st);
}

static void S_check_chi_tieu(S_Ctx *c)
{
	Model *m = c->m;
	S_Key *k = xmalloc((m->n_chi_tieu ? m->n_chi_tieu : 1) * sizeof *k);
	for (size_t i = 0; i < m->n_chi_tieu; i++)
		k[i] = (S_Key){NULL, m->chi_tieu[i].stt, c->ct_line[i], i};
	unsigned char *drop = S_dups(m, "chi-tieu.csv", k, m->n_chi_tieu, c->ct_stt_col, S_REG_CHI_TIEU);
	size_t w = 0;
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		ChiTieu *t = &m->chi_tieu[i];
		if (drop[i]) {
			chi_tieu_release(t);
			continue;
		}
		m->chi_tieu[w] = *t;
		c->ct_line[w] = c->ct_line[i];
		w++;
	}
	m->n_chi_tieu = w;
	int min = 0;
	for (size_t i = 0; i < w; i++)
		if (!i || m->chi_tieu[i].stt < min) {
			min = m->chi_tieu[i].stt;
			c->first_ct_line = c->ct_line[i];
		}
	free(drop);
	free(k);
}

/* After the targets are in stt order: an empty can_cu joins the cell of
 * the row above.  The first row has nothing above: its cell is its own,
 * printed blank (a warning says so). */
static void S_can_cu_span(S_Ctx *c)
{
	Model *m = c->m;
	size_t head = 0;
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		ChiTieu *t = &m->chi_tieu[i];
		if (i > 0 && !t->can_cu[0]) {
			t->can_cu_span = 0;
			m->chi_tieu[head].can_cu_span++;
			continue;
		}
		/* without a can_cu column no row has a basis: nothing to warn */
		if (i == 0 && !t->can_cu[0] && c->ct_can_cu_col)
			msg_warn(&m->msgs, "chi-tieu.csv", c->first_ct_line, c->ct_can_cu_col,
			         "the first target (stt %d) has an empty can_cu, so there is no row above to "
			         "share: its basis prints blank",
			         t->stt);
		t->can_cu_span = 1;
		head = i;
	}
}

/* --- so-lieu/<ma>.csv --------------------------------------------------- */

/* ten_chi_tieu: the entry forms' column naming each row's target for the
 * clerk (bieumau.c); known so that a filled form reads without a warning,
 * and not read. */
enum { SL_KY, SL_CHI_TIEU, SL_TU_SO, SL_MAU_SO, SL_GHI_CHU, SL_MA_DON_VI, SL_TEN_CHI_TIEU, SL_N };
static const CsvCol S_cols_so_lieu[SL_N] = {
	{"ky", 1},      {"chi_tieu", 1},  {"tu_so", 1},        {"mau_so", 1},
	{"ghi_chu", 0}, {"ma_don_vi", 0}, {"ten_chi_tieu", 0},
};

/* What one thread reading the units' files holds.  A file's rows are
 * read into rows[] (reused), sorted, and kept in blocks that never move
 * (growing one array by realloc copied it again and again: tens of MB at
 * 10,000 units); S_order_so_lieu gathers every reader's in unit order. */
typedef struct S_Reader {
	SoLieu *rows;
	size_t n_rows, cap_rows;
	SoLieu **blk;
	size_t n_blk, blk_used, blk_cap; /* of the last block */
	size_t year_n[S_NY];             /* its rows of each year from S_Y0 */
	size_t n_kept;
} S_Reader;

typedef struct {
	S_Ctx *c;        /* read only while threads read */
	S_Reader *rd;
	Msgs *ms;        /* the file's own messages */
	const char *stem;
	int unit;  /* -1: not in the registry (rows checked, not kept) */
} S_File;

static int S_count_field_full(Msgs *ms, const char *path, const CsvField *f, const char *name,
                              int64_t *v)
{
	/* a workbook's cell says what it is: only a number or a text is a count */
	switch (f->kind) {
	case CSV_DATE:
		msg_error(ms, path, f->line, f->col,
		          "%s is a date (%s), not a count: type the whole number (format the cell as "
		          "Number or General)",
		          name, f->text);
		return -1;
	case CSV_BOOL:
		msg_error(ms, path, f->line, f->col, "%s is the logical value %s, not a count", name,
		          f->text);
		return -1;
	case CSV_ERROR:
		msg_error(ms, path, f->line, f->col,
		          "%s is the Excel error value '%s', not a count: fix the formula in the workbook "
		          "and save it again",
		          name, f->text);
		return -1;
	case CSV_NUMBER:
		/* the stored value: "1.5" is one and a half, never a digit group */
		if (strpbrk(f->text, ".eE")) {
			msg_error(ms, path, f->line, f->col,
			          "%s in %s is not a whole number: counts have no decimals", f->text, name);
			return -1;
		}
		break;
	default:
		break;
	}
	switch (S_count(f->text, v)) {
	case S_CNT_OK:
		return 0;
	case S_CNT_EMPTY:
		msg_error(ms, path, f->line, f->col,
		          "empty %s: write the count (0 when nothing arose)", name);
		break;
	case S_CNT_EXCEL:
		msg_error(ms, path, f->line, f->col,
		          "%s is the Excel error value '%s', not a count: fix the formula in the workbook "
		          "and save the CSV again",
		          name, f->text);
		break;
	case S_CNT_NEG:
		msg_error(ms, path, f->line, f->col,
		          "negative count '%s' in %s: counts are whole numbers from 0", f->text, name);
		break;
	case S_CNT_BIG:
		msg_error(ms, path, f->line, f->col,
		          "count '%s' in %s is too large (at most 999999999999)", f->text, name);
		break;
	default:
		msg_error(ms, path, f->line, f->col,
		          "'%s' in %s is not a whole number: counts have no decimals (digit groups of "
		          "three such as 1.234 are accepted)",
		          f->text, name);
		break;
	}
	return -1;
}

/* A count (S_count_field_full): for the usual one, up to 12 plain
 * digits typed as text (at most S_MAX_COUNT), here, two a row. */
static inline int S_count_field(Msgs *ms, const char *path, const CsvField *f, const char *name,
                                int64_t *v)
{
	const unsigned char *p = (const unsigned char *)f->text;
	int64_t x = 0;
	size_t k = 0;
	unsigned d;
	while (k < 12 && (d = (unsigned)p[k] - '0') < 10) {
		x = x * 10 + d;
		k++;
	}
	if (k && !p[k] && f->kind == CSV_TEXT) {
		*v = x;
		return 0;
	}
	return S_count_field_full(ms, path, f, name, v);
}

static int S_row_so_lieu(void *vf, const CsvRow *r)
{
	S_File *fl = vf;
	Model *m = fl->c->m;
	const CsvField *f = r->f;
	const char *path = r->path;
	int ok = 1, stt = 0, t = -1;
	Ky ky = {0, 'M', 0};
	int64_t tu = 0, mau = 0;

	/* an entry form (its ten_chi_tieu column tells it) holds a row for
	 * every period of the year before it is filled: a row of it with
	 * neither count is a period not reported yet.  Elsewhere an empty
	 * count is an error (below). */
	if (f[SL_TEN_CHI_TIEU].col && !f[SL_TU_SO].text[0] && !f[SL_MAU_SO].text[0] &&
	    !f[SL_GHI_CHU].text[0] && f[SL_TU_SO].kind == CSV_TEXT && f[SL_MAU_SO].kind == CSV_TEXT)
		return 0;
	char month[8];
	const char *ky_text = f[SL_KY].text;
	if (f[SL_KY].kind == CSV_DATE) {
		/* Excel turns a typed 2024-07 into 1 July 2024: the month it is in */
		snprintf(month, sizeof month, "%.7s", ky_text);
		ky_text = month;
	}
	if (f[SL_MA_DON_VI].col && strcmp(f[SL_MA_DON_VI].text, fl->stem)) {
		msg_error(fl->ms, path, f[SL_MA_DON_VI].line, f[SL_MA_DON_VI].col,
		          "ma_don_vi '%s' differs from the file's unit '%s': a file holds only the figures "
		          "of the unit it is named after",
		          f[SL_MA_DON_VI].text, fl->stem);
		ok = 0;
	}
	if (!f[SL_KY].text[0]) {
		msg_error(fl->ms, path, f[SL_KY].line, f[SL_KY].col,
		          "empty period (ky): write a month as YYYY-MM (2024-05) or a quarter as YYYY-Qn "
		          "(2024-Q2)");
		ok = 0;
	} else if (ky_parse(ky_text, &ky)) {
		msg_error(fl->ms, path, f[SL_KY].line, f[SL_KY].col,
		          "bad period '%s': write a month as YYYY-MM (2024-05) or a quarter as YYYY-Qn "
		          "(2024-Q2)",
		          f[SL_KY].text);
		ok = 0;
	}
	if (S_int(f[SL_CHI_TIEU].text, &stt)) {
		msg_error(fl->ms, path, f[SL_CHI_TIEU].line, f[SL_CHI_TIEU].col,
		          "chi_tieu '%s' is not a target number: write the stt of a row of chi-tieu.csv",
		          f[SL_CHI_TIEU].text);
		ok = 0;
	} else if ((t = model_find_chi_tieu(m, stt)) < 0) {
		if (fl->c->have_chi_tieu)
			msg_error(fl->ms, path, f[SL_CHI_TIEU].line, f[SL_CHI_TIEU].col,
			          "unknown target %d: chi-tieu.csv has no row with stt %d", stt, stt);
		ok = 0;
	}
	int cnt_ok = !S_count_field(fl->ms, path, &f[SL_TU_SO], "tu_so", &tu);
	cnt_ok &= !S_count_field(fl->ms, path, &f[SL_MAU_SO], "mau_so", &mau);
	if (cnt_ok && tu > mau) {
		msg_error(fl->ms, path, f[SL_TU_SO].line, f[SL_TU_SO].col,
		          "tu_so %lld is greater than mau_so %lld: the numerator counts part of the "
		          "denominator",
		          (long long)tu, (long long)mau);
		ok = 0;
	}
	if (!ok || !cnt_ok || fl->unit < 0)
		return 0;
	if (!model_applies(m, (size_t)fl->unit, (size_t)t)) {
		const DonVi *u = &m->don_vi[fl->unit];
		if (u->nhom < 0) /* its group is reported as unknown already */
			return 0;
		msg_warn(fl->ms, path, f[SL_CHI_TIEU].line, f[SL_CHI_TIEU].col,
		         "target %d does not apply to group '%s' of this unit (ap_dung of chi-tieu.csv): "
		         "the row is ignored",
		         stt, m->nhom[u->nhom].ma);
		return 0;
	}
	S_Reader *rd = fl->rd;
	if (rd->n_rows == rd->cap_rows)
		rd->rows = xgrow(rd->rows, &rd->cap_rows, rd->n_rows + 1, sizeof *rd->rows);
	rd->rows[rd->n_rows++] = (SoLieu){fl->unit, t, ky, r->line, tu, mau, S_dup_or_null(f[SL_GHI_CHU].text)};
	rd->year_n[ky.year - S_Y0]++; /* ky_parse: 4 digits from 1900 */
	fl->c->ky_col[fl->unit] = f[SL_KY].col; /* the unit's own: one file, one thread */
	return 0;
}

static int S_cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of so-lieu/ (sorted), or NULL when the folder is missing. */
static char **S_list(S_Ctx *c, size_t *n)
{
	char *full = xasprintf("%s/so-lieu", c->dir);
	DIR *d = opendir(full);
	free(full);
	*n = 0;
	if (!d) {
		if (errno == ENOENT)
			msg_error(&c->m->msgs, "so-lieu", 0, 0,
			          "the folder so-lieu/ is missing: it holds one <ma>.csv per unit");
		else
			msg_error(&c->m->msgs, "so-lieu", 0, 0, "cannot open the folder: %s", strerror(errno));
		return NULL;
	}
	char **v = NULL;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		v = xgrow(v, &cap, *n + 1, sizeof *v);
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof *v, S_cmp_name);
	return v;
}

static int S_cmp_so_lieu(const void *a, const void *b)
{
	const SoLieu *x = a, *y = b;
	if (x->don_vi != y->don_vi)
		return x->don_vi < y->don_vi ? -1 : 1;
	if (x->chi_tieu != y->chi_tieu)
		return x->chi_tieu < y->chi_tieu ? -1 : 1;
	int r = ky_cmp(x->ky, y->ky);
	if (r)
		return r;
	return (x->line > y->line) - (x->line < y->line);
}

/* Room for n rows in the reader's last block (a new block when it is
 * full). */
static SoLieu *S_block_room(S_Reader *rd, size_t n)
{
	if (!rd->n_blk || rd->blk_cap - rd->blk_used < n) {
		/* blocks of 64 Ki rows (2.5 MB), doubling up to 256 Ki rows (10 MB),
		 * or one file's rows when more */
		size_t cap = rd->n_blk ? rd->blk_cap * 2 : 65536;
		if (cap > ((size_t)1 << 18))
			cap = (size_t)1 << 18;
		if (cap < n)
			cap = n;
		rd->blk = xrealloc(rd->blk, (rd->n_blk + 1) * sizeof *rd->blk);
		rd->blk[rd->n_blk++] = xmalloc(cap * sizeof **rd->blk);
		rd->blk_cap = cap;
		rd->blk_used = 0;
	}
	return rd->blk[rd->n_blk - 1] + rd->blk_used;
}

/* Keeps one file's rows rd->rows[0..n) in a block, sorted as
 * S_cmp_so_lieu sorts, and returns where.  Linear for the usual file: a
 * stable counting sort by target straight into the block (rows come in
 * line order, the last key), then an insertion sort by the whole key,
 * which finds each target's periods in order or nearly so.  T: the
 * number of targets. */
static SoLieu *S_keep_rows(S_Reader *rd, size_t n, size_t T)
{
	if (!n)
		return NULL;
	SoLieu *v = S_block_room(rd, n);
	rd->blk_used += n;
	size_t *at = xcalloc(T + 1, sizeof *at);
	for (size_t i = 0; i < n; i++)
		at[rd->rows[i].chi_tieu + 1]++;
	for (size_t t = 0; t < T; t++)
		at[t + 1] += at[t];
	for (size_t i = 0; i < n; i++)
		v[at[rd->rows[i].chi_tieu]++] = rd->rows[i];
	free(at);
	/* periods far out of order: past a few moves a row, qsort instead */
	size_t budget = 8 * n + 64;
	for (size_t i = 1; i < n; i++) {
		if (S_cmp_so_lieu(&v[i - 1], &v[i]) <= 0)
			continue;
		SoLieu x = v[i];
		size_t j = i;
		while (j > 0 && budget && S_cmp_so_lieu(&v[j - 1], &x) > 0) {
			v[j] = v[j - 1];
			j--;
			budget--;
		}
		v[j] = x;
		if (!budget) {
			qsort(v, n, sizeof *v, S_cmp_so_lieu);
			break;
		}
	}
	return v;
}

/* One file of so-lieu/: what its name decided (in name order, on one
 * thread), then what reading it gave (on any). */
typedef struct {
	char *path;        /* "so-lieu/<name>" */
	char *stem;        /* NULL: not read (refused or ignored by its name) */
	int unit, xlsx;
	Msgs ms;           /* about its name, then from reading it */
	int rc;
	unsigned char sha256[32];
} S_Tep;

/* What the name of so-lieu/<name> says, before the file is read: a
 * workbook or CSV file of which unit, or a file refused or ignored
 * (messages in f->ms).  Serial, in name order: a unit's second file
 * and the "did you mean" budget depend on the files before. */
static void S_file_name(S_Ctx *c, const char *name, S_Tep *f)
{
	Model *m = c->m;
	size_t len = strlen(name);
	char *path = xmalloc(len + 9);
	memcpy(path, "so-lieu/", 8);
	memcpy(path + 8, name, len + 1);
	f->path = path;
	f->unit = -1;
	msgs_init(&f->ms);
	int xlsx = len > 5 && !strcasecmp(name + len - 5, ".xlsx");
	if (len > 4 && (!strcasecmp(name + len - 4, ".xls") || !strcasecmp(name + len - 4, ".ods"))) {
		/* the kind's name is Excel's and LibreOffice's own, in every language */
		msg_error(&f->ms, path, 0, 0,
		          "chitieu reads .xlsx workbooks and CSV files, not %s files: open it in Excel or "
		          "LibreOffice and save it as \"Excel Workbook (*.xlsx)\" or as \"CSV UTF-8 (Comma "
		          "delimited) (*.csv)\", named <ma>.xlsx or <ma>.csv",
		          !strcasecmp(name + len - 4, ".xls") ? "Excel 97-2003 (.xls)" : "OpenDocument (.ods)");
		return;
	}
	if (!xlsx && (len < 5 || strcasecmp(name + len - 4, ".csv"))) {
		msg_warn(&f->ms, path, 0, 0,
		         "not a .csv or .xlsx file: ignored (save a unit's figures as \"CSV UTF-8\" named "
		         "<ma>.csv, or as a workbook <ma>.xlsx)");
		return;
	}
	char *stem = xstrndup(name, len - (xlsx ? 5 : 4));
	int unit = model_code_ok(stem) ? model_find_don_vi(m, stem) : -1;
	if (unit < 0 && c->have_don_vi) {
		/* "Xã C" is nearest to xa-c once folded as a code would be */
		char *fold = text_fold(stem);
		for (char *q = fold; *q; q++)
			if (*q == '_')
				*q = '-';
		const char *near = S_suggest(c, fold, m->n_don_vi, S_get_don_vi, m);
		free(fold);
		if (!model_code_ok(stem) && near)
			msg_error(&f->ms, path, 0, 0,
			          "the file name '%s' is not a unit code: name the file <ma>.csv after the "
			          "unit's code in don-vi.csv ([a-z0-9-]+) (did you mean '%s'?)",
			          name, near);
		else if (!model_code_ok(stem))
			msg_error(&f->ms, path, 0, 0,
			          "the file name '%s' is not a unit code: name the file <ma>.csv after the "
			          "unit's code in don-vi.csv ([a-z0-9-]+)",
			          name);
		else if (near)
			msg_error(&f->ms, path, 0, 0,
			          "unknown unit '%s': no such code in don-vi.csv (did you mean '%s'?)", stem,
			          near);
		else
			msg_error(&f->ms, path, 0, 0, "unknown unit '%s': no such code in don-vi.csv", stem);
	}
	if (unit >= 0 && m->don_vi[unit].co_so_lieu) {
		msg_error(&f->ms, path, 0, 0,
		          "a second data file for unit '%s': %s and %s both hold its figures; keep one",
		          stem, c->sl_path[unit], path);
		unit = -1;
	}
	if (unit >= 0) {
		m->don_vi[unit].co_so_lieu = 1;
		c->sl_path[unit] = xstrdup(path);
	}
	f->stem = stem;
	f->unit = unit;
	f->xlsx = xlsx;
}

/* Reads the file S_file_name accepted, its messages after those on its
 * name in f->ms, and the
 * unit's rows kept by rd.  Touches nothing another file's reading does:
 * the model and c are only read, but for the unit's own entries. */
static void S_file_read(S_Ctx *c, S_Reader *rd, S_Tep *f)
{
	S_File fl = {c, rd, &f->ms, f->stem, f->unit};
	CsvInfo info = {0};
	rd->n_rows = 0;
	f->rc = (f->xlsx ? xlsxin_read : csvin_read)(c->dir, f->path, S_cols_so_lieu, SL_N,
	                                             S_row_so_lieu, &fl, &f->ms,
	                                             c->m->tep_sha ? &info : NULL);
	memcpy(f->sha256, info.sha256, sizeof f->sha256);
	if (f->unit >= 0) {
		c->seg[f->unit] = S_keep_rows(rd, rd->n_rows, c->m->n_chi_tieu);
		c->seg_len[f->unit] = rd->n_rows;
		rd->n_kept += rd->n_rows;
	}
}

/* The files read by several threads: each takes the next file not taken. */
typedef struct {
	S_Ctx *c;
	S_Reader *rd;
	S_Tep *f;
	size_t n;
	atomic_size_t *next;
} S_Job;

static void *S_job(void *vj)
{
	S_Job *j = vj;
	for (size_t i; (i = atomic_fetch_add(j->next, 1)) < j->n;)
		if (j->f[i].stem)
			S_file_read(j->c, j->rd, &j->f[i]);
	return NULL;
}

static void *S_job_thread(void *vj)
{
	S_job(vj);
	csvin_thread_done();
	return NULL;
}

/* Reads the files f[0..n) on up to jobs threads (this one among them),
 * as reading them in order on one would: each file's messages are its
 * own, put in order afterwards, and its rows kept apart by unit. */
static void S_read_files(S_Ctx *c, S_Tep *f, size_t n, int jobs)
{
	/* a thread is worth its start for 32 files or so; the allocation
	 * test needs the one order of allocations a single thread gives */
	size_t k = jobs > 1 && !xalloc_failing() ? (size_t)jobs : 1;
	if (k > n / 32 + 1)
		k = n / 32 + 1;
	c->rd = xcalloc(k, sizeof *c->rd);
	c->n_rd = k;
	atomic_size_t next = 0;
	S_Job *job = xmalloc(k * sizeof *job);
	pthread_t *th = xmalloc(k * sizeof *th);
	size_t started = 1;
	for (size_t t = 0; t < k; t++)
		job[t] = (S_Job){c, &c->rd[t], f, n, &next};
	for (size_t t = 1; t < k; t++)
		if (pthread_create(&th[t], NULL, S_job_thread, &job[t]) == 0)
			started = t + 1;
		else
			break; /* fewer threads: this one takes what is left */
	S_job(&job[0]);
	for (size_t t = 1; t < started; t++)
		pthread_join(th[t], NULL);
	free(th);
	free(job);
}

/* One folder holds one year: the year most rows give (the later on a
 * tie; count[y - S_Y0] rows of year y).  Rows of any other year are
 * errors and are dropped. */
static void S_one_year(S_Ctx *c, const size_t *count)
{
	Model *m = c->m;
	if (!m->n_so_lieu)
		return;
	int year = 0;
	for (int y = 0; y < S_NY; y++)
		if (count[y] && (!year || count[y] >= count[year - S_Y0]))
			year = y + S_Y0;
	if (count[year - S_Y0] == m->n_so_lieu)
		return; /* the usual folder: nothing to drop */
	size_t w = 0;
	for (size_t i = 0; i < m->n_so_lieu; i++) {
		SoLieu *r = &m->so_lieu[i];
		if (r->ky.year != year) {
			char k[16];
			ky_format(r->ky, k);
			const char *path = c->sl_path[r->don_vi];
			msg_error(&m->msgs, path, r->line, c->ky_col[r->don_vi],
			          "period %s is outside the reporting year %d: one input folder holds one year "
			          "(%d is the year most rows give)",
			          k, year, year);
			free(r->ghi_chu);
			continue;
		}
		m->so_lieu[w++] = *r;
	}
	m->n_so_lieu = w;
}

/* Each file's rows were sorted as read; laying the files out in unit
 * order sorts the whole by (unit, target, period) in linear time. */
static void S_order_so_lieu(S_Ctx *c)
{
	Model *m = c->m;
	SoLieu *v = m->n_so_lieu ? xmalloc(m->n_so_lieu * sizeof *v) : NULL;
	size_t w = 0;
	for (size_t u = 0; u < m->n_don_vi; u++) {
		if (c->seg_len[u])
			memcpy(v + w, c->seg[u], c->seg_len[u] * sizeof *v);
		w += c->seg_len[u];
	}
	for (size_t r = 0; r < c->n_rd; r++) {
		S_Reader *rd = &c->rd[r];
		for (size_t i = 0; i < rd->n_blk; i++)
			free(rd->blk[i]);
		free(rd->blk);
		free(rd->rows);
	}
	free(c->rd);
	c->rd = NULL;
	c->n_rd = 0;
	free(m->so_lieu);
	m->so_lieu = v;
}

/* Sorted by (unit, target, period): a period given twice, or a month
 * beside the quarter holding it, are neighbours. */
static void S_check_so_lieu(S_Ctx *c)
{
	Model *m = c->m;
	for (size_t i = 1; i < m->n_so_lieu; i++) {
		const SoLieu *r = &m->so_lieu[i];
		const SoLieu *p = &m->so_lieu[i - 1];
		if (p->don_vi != r->don_vi || p->chi_tieu != r->chi_tieu)
			continue;
		const char *path = c->sl_path[r->don_vi];
		char k[16], kp[16];
		int stt = m->chi_tieu[r->chi_tieu].stt, col = c->ky_col[r->don_vi];
		int same = !ky_cmp(p->ky, r->ky);
		if (!same && r->ky.kind != 'Q')
			continue;
		if (same) {
			ky_format(r->ky, k);
			msg_error(&m->msgs, path, r->line, col,
			          "period %s of target %d is given twice (lines %d and %d)", k, stt, p->line,
			          r->line);
		}
		/* a quarter given twice was named above: its months once */
		if (r->ky.kind == 'Q' && ky_cmp(p->ky, r->ky)) {
			int lo = r->ky.year * 12 + ky_first_month(r->ky);
			size_t g0 = i;
			while (g0 > 0) {
				p = &m->so_lieu[g0 - 1];
				if (p->don_vi != r->don_vi || p->chi_tieu != r->chi_tieu ||
				    p->ky.year * 12 + ky_last_month(p->ky) < lo)
					break;
				g0--;
			}
			if (g0 < i) { /* only months of this quarter sort between */
				ky_format(r->ky, k);
				Buf b, l;
				buf_init(&b);
				buf_init(&l);
				int last = r->line;
				for (size_t j = g0; j < i; j++) {
					ky_format(m->so_lieu[j].ky, kp);
					buf_printf(&b, "%s%s", j > g0 ? ", " : "", kp);
					buf_printf(&l, "%s%d", j > g0 ? ", " : "", m->so_lieu[j].line);
					if (m->so_lieu[j].line > last)
						last = m->so_lieu[j].line;
				}
				if (i - g0 > 1)
					msg_error(&m->msgs, path, last, col,
					          "quarter %s (line %d) and the months %s it holds (lines %s) are both "
					          "given for target %d: give either the months or the quarter",
					          k, r->line, b.ptr, l.ptr, stt);
				else
					msg_error(&m->msgs, path, last, col,
					          "quarter %s (line %d) and the month %s it holds (line %s) are both "
					          "given for target %d: give either the months or the quarter",
					          k, r->line, b.ptr, l.ptr, stt);
				buf_release(&b);
				buf_release(&l);
			}
		}
	}
}

static void S_read_so_lieu(S_Ctx *c, int jobs)
{
	Model *m = c->m;
	size_t n;
	char **names = S_list(c, &n);
	c->ky_col = xcalloc(m->n_don_vi ? m->n_don_vi : 1, sizeof *c->ky_col);
	c->seg = xcalloc(m->n_don_vi ? m->n_don_vi : 1, sizeof *c->seg);
	c->seg_len = xcalloc(m->n_don_vi ? m->n_don_vi : 1, sizeof *c->seg_len);
	c->sl_path = xcalloc(m->n_don_vi ? m->n_don_vi : 1, sizeof *c->sl_path);
	S_Tep *f = xcalloc(n ? n : 1, sizeof *f);
	for (size_t i = 0; i < n; i++) {
		S_file_name(c, names[i], &f[i]);
		free(names[i]);
	}
	free(names);
	S_read_files(c, f, n, jobs);
	/* what reading in name order on one thread would have said, in order */
	for (size_t i = 0; i < n; i++) {
		msgs_append(&m->msgs, &f[i].ms);
		if (f[i].stem && f[i].rc != CSVIN_MISSING)
			S_tep(m, f[i].path, f[i].sha256);
		free(f[i].path);
		free(f[i].stem);
	}
	free(f);
	/* the rows of each year, counted as they were kept */
	size_t *year_n = xcalloc(S_NY, sizeof *year_n);
	for (size_t r = 0; r < c->n_rd; r++) {
		m->n_so_lieu += c->rd[r].n_kept;
		for (size_t y = 0; y < S_NY; y++)
			year_n[y] += c->rd[r].year_n[y];
	}
	S_order_so_lieu(c);
	S_one_year(c, year_n);
	free(year_n);
	S_check_so_lieu(c);
	for (size_t u = 0; u < m->n_don_vi; u++) {
		/* a unit of a known group judged on no target has nothing to send */
		size_t t = 0;
		while (t < m->n_chi_tieu && !model_applies(m, u, t))
			t++;
		int nothing = c->have_chi_tieu && m->don_vi[u].nhom >= 0 && t == m->n_chi_tieu;
		if (!m->don_vi[u].co_so_lieu && c->have_don_vi && !nothing)
			msg_warn(&m->msgs, "don-vi.csv", c->dv_line[u], c->dv_ma_col,
			         "unit '%s' sent no data file (so-lieu/%s.csv): it is listed as not reported",
			         m->don_vi[u].ma, m->don_vi[u].ma);
		free(c->sl_path[u]);
	}
	free(c->sl_path);
}

static int S_cmp_tep(const void *a, const void *b)
{
	return strcmp(((const TepVao *)a)->path, ((const TepVao *)b)->path);
}

int input_read(Model *m, const char *dir)
{
	return input_read_j(m, dir, 1);
}

int input_read_j(Model *m, const char *dir, int jobs)
{
	int e0 = m->msgs.n_error;
	S_Ctx c;
	memset(&c, 0, sizeof c);
	c.m = m;
	c.dir = dir;
	c.suggest_budget = 200000;

	DIR *d = opendir(dir);
	if (!d) {
		msg_error(&m->msgs, NULL, 0, 0, "cannot open the input folder '%s': %s", dir,
		          strerror(errno));
		return -1;
	}
	closedir(d);
	/* have_*: the registry file gave rows; when it did not, what names
	 * its codes is not reported again and again as unknown */
	S_read_conf(&c);
	S_read_registry(&c, "nhom.csv", S_cols_nhom, NH_N, S_row_nhom, &m->n_nhom, S_REG_NHOM);
	c.have_nhom = m->n_nhom > 0;
	S_check_nhom(&c);
	model_build_index(m); /* groups in order, model_find_nhom works */
	S_read_registry(&c, "don-vi.csv", S_cols_don_vi, DV_N, S_row_don_vi, &m->n_don_vi, S_REG_DON_VI);
	c.have_don_vi = m->n_don_vi > 0;
	S_check_don_vi(&c);
	S_read_registry(&c, "chi-tieu.csv", S_cols_chi_tieu, CT_N, S_row_chi_tieu, &m->n_chi_tieu,
	                S_REG_CHI_TIEU);
	c.have_chi_tieu = m->n_chi_tieu > 0;
	S_check_chi_tieu(&c);
	model_build_index(m);
	S_resolve_thuoc(&c);
	model_set_ten_hien(m);
	S_can_cu_span(&c);
	S_read_so_lieu(&c, jobs);

	for (size_t i = 0; i < m->n_don_vi; i++)
		free(c.dv_thuoc[i]);
	free(c.dv_thuoc);
	free(c.dv_thuoc_col);
	free(c.dv_line);
	free(c.ct_line);
	free(c.ky_col);
	free(c.seg);
	free(c.seg_len);

	han_read(m, dir);
	S_read_noi_dung(&c);
	if (m->n_tep > 1)
		qsort(m->tep, m->n_tep, sizeof *m->tep, S_cmp_tep);
	return m->msgs.n_error > e0 ? -1 : 0;
}
