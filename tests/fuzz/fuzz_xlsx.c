/* SPDX-License-Identifier: MIT */
/* fuzz_xlsx: the workbook reader, over bytes in memory.
 *
 * An input that starts with "PK" (a zip) is the workbook itself: the zip
 * layer and its consistency, the package's relationships, the parts'
 * names, presence and sizes, the sheet chosen.  Any other input is the XML of the
 * sheet, put into a well-formed workbook here (libzip, in memory) with a
 * few shared strings and a date style (the package found through
 * _rels/.rels, a relative target, a part in another case): the cell and
 * row mapping.
 *
 * Invariants beyond "no crash, no leak": every delivered field sits on its
 * row's line; known columns come in increasing columns; the SHA-256 is of
 * the bytes given. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>
#include <zip.h>

#include "csvin.h"
#include "msg.h"
#include "xlsxin.h"

static const CsvCol S_cols[] = {
	{"ky", 1}, {"chi_tieu", 1}, {"tu_so", 1}, {"mau_so", 1}, {"ghi_chu", 0},
};
#define S_NCOLS (sizeof S_cols / sizeof S_cols[0])

static int S_row(void *ctx, const CsvRow *r)
{
	(void)ctx;
	int prev = 0;
	for (size_t k = 0; k < r->n_cols; k++) {
		const CsvField *f = &r->f[k];
		if (f->line != r->line || (f->col && f->col == prev) || f->kind > CSV_NOVALUE)
			abort();
		if (f->kind == CSV_NOVALUE)
			abort(); /* the record stage keeps such rows back */
		if (f->col)
			prev = f->col;
		(void)strlen(f->text);
	}
	return 0;
}

static const char S_wb[] =
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<workbookPr/><sheets><sheet name=\"So lieu\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char S_rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"/xl/styles.xml\"/></Relationships>";
static const char S_pkg[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"x/officeDocument\" Target=\"./xl/workbook.xml\"/></Relationships>";
static const char S_sst[] =
	"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>ky</t></si><si><t>chi_tieu</t></si><si><t>tu_so</t></si><si><t>mau_so</t></si>"
	"<si><r><t>2024-</t></r><r><t>Q1</t></r><rPh><t>x</t></rPh></si><si><t>1.234</t></si></sst>";
static const char S_styles[] =
	"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\"/></numFmts>"
	"<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>";

static void S_add(zip_t *za, const char *name, const void *data, size_t n)
{
	zip_source_t *s = zip_source_buffer(za, data, n, 0);
	if (!s || zip_file_add(za, name, s, ZIP_FL_OVERWRITE) < 0)
		abort();
}

/* A workbook around sheet XML; *n its size; caller frees. */
static uint8_t *S_workbook(const uint8_t *sheet, size_t size, size_t *n)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (!za)
		abort();
	zip_source_keep(src);
	S_add(za, "_rels/.rels", S_pkg, sizeof S_pkg - 1);
	S_add(za, "xl/workbook.xml", S_wb, sizeof S_wb - 1);
	S_add(za, "xl/_rels/workbook.xml.rels", S_rels, sizeof S_rels - 1);
	S_add(za, "xl/SharedStrings.xml", S_sst, sizeof S_sst - 1); /* found without case */
	S_add(za, "xl/styles.xml", S_styles, sizeof S_styles - 1);
	S_add(za, "xl/worksheets/sheet1.xml", sheet, size);
	if (zip_close(za) < 0)
		abort();
	zip_stat_t st;
	if (zip_source_open(src) < 0 || zip_source_stat(src, &st) < 0)
		abort();
	uint8_t *out = malloc(st.size ? st.size : 1);
	zip_int64_t got = zip_source_read(src, out, st.size);
	if (got < 0 || (zip_uint64_t)got != st.size)
		abort();
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*n = st.size;
	return out;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *wb = NULL;
	const uint8_t *p = data;
	size_t n = size;
	if (size < 2 || memcmp(data, "PK", 2)) {
		wb = S_workbook(data, size, &n);
		p = wb;
	}
	Msgs ms;
	msgs_init(&ms);
	CsvInfo info;
	xlsxin_read_mem("so-lieu/x.xlsx", p, n, S_cols, S_NCOLS, S_row, NULL, &ms, &info);
	unsigned char sha[32];
	struct sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, n, p);
	sha256_digest(&c, sizeof sha, sha);
	if (memcmp(sha, info.sha256, sizeof sha))
		abort();
	for (size_t i = 0; i < ms.n; i++)
		free(msg_format(&ms.v[i]));
	msgs_release(&ms);
	free(wb);
	return 0;
}
