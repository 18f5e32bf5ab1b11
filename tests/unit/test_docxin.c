/* SPDX-License-Identifier: MIT */
/* Unit tests of docxin: noi-dung.docx made here, part by part (libzip),
 * read into the report's blocks, each block printed on a line:
 *   H<level> text | P text | I<level> <marker> text | T<n_col> cells |
 *   R cells | E (a table's end); bold as **x**, italic as _x_. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zip.h>

#include "buf.h"
#include "doc.h"
#include "docxin.h"
#include "model.h"
#include "xalloc.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* A .docx of the given parts (NULL: left out), its bytes in out. */
static void S_docx(Buf *out, const char *styles, const char *numbering, const char *body)
{
	char path[] = "/tmp/test_docxin.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	int err = 0;
	zip_t *za = zip_open(path, ZIP_TRUNCATE, &err);
	assert_non_null(za);
	const char *name[3] = {"word/styles.xml", "word/numbering.xml", "word/document.xml"};
	char *xml[3] = {NULL, NULL, NULL};
	if (styles)
		xml[0] = xasprintf("<w:styles " W ">%s</w:styles>", styles);
	if (numbering)
		xml[1] = xasprintf("<w:numbering " W ">%s</w:numbering>", numbering);
	if (body)
		xml[2] = xasprintf("<w:document " W "><w:body>%s</w:body></w:document>", body);
	for (int i = 0; i < 3; i++)
		if (xml[i]) {
			zip_source_t *s = zip_source_buffer(za, xml[i], strlen(xml[i]), 0);
			assert_true(zip_file_add(za, name[i], s, 0) >= 0);
		}
	assert_int_equal(zip_close(za), 0);
	for (int i = 0; i < 3; i++)
		free(xml[i]);
	FILE *fp = fopen(path, "rb");
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(out, chunk, n);
	fclose(fp);
	unlink(path);
}

/* A zip of one entry, deflated, its bytes in out. */
static void S_raw(Buf *out, const char *name, const char *data, size_t n)
{
	char path[] = "/tmp/test_docxin.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	int err = 0;
	zip_t *za = zip_open(path, ZIP_TRUNCATE, &err);
	assert_non_null(za);
	assert_true(zip_file_add(za, name, zip_source_buffer(za, data, n, 0), 0) >= 0);
	assert_int_equal(zip_close(za), 0);
	FILE *fp = fopen(path, "rb");
	char chunk[4096];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(out, chunk, k);
	fclose(fp);
	unlink(path);
}

static void S_inl(Buf *b, const DocInl *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const char *m = p->v[i].style == 3 ? "**_" : p->v[i].style == 1 ? "**" : p->v[i].style == 2 ? "_" : "";
		const char *e = p->v[i].style == 3 ? "_**" : m;
		buf_printf(b, "%s%s%s", m, p->v[i].text, e);
	}
}

static void S_cells(Buf *b, const DocCell *c, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		buf_putc(b, '|');
		S_inl(b, &c[k].inl);
	}
}

/* The blocks read from bytes, then the messages. */
static char *S_read(const Buf *docx, int *rc)
{
	Model m;
	model_init(&m);
	*rc = docxin_noi_dung(&m, "noi-dung.docx", docx->ptr, docx->len);
	Buf b;
	buf_init(&b);
	for (size_t i = 0; i < m.noi_dung.n; i++) {
		const DocBlock *k = &m.noi_dung.v[i].b;
		switch (k->kind) {
		case DOC_HEADING: buf_printf(&b, "H%d ", k->level); S_inl(&b, &k->inl); break;
		case DOC_PARA: buf_puts(&b, "P "); S_inl(&b, &k->inl); break;
		case DOC_ITEM: buf_printf(&b, "I%d %s ", k->level, k->line[0]); S_inl(&b, &k->inl); break;
		case DOC_TABLE: buf_printf(&b, "T%zu ", k->n_col); S_cells(&b, k->head, k->n_col); break;
		case DOC_ROW: buf_puts(&b, "R "); S_cells(&b, k->cell, k->n_col); break;
		case DOC_TABLE_END: buf_puts(&b, "E"); break;
		default: buf_printf(&b, "?%d", (int)k->kind);
		}
		buf_putc(&b, '\n');
	}
	for (size_t i = 0; i < m.msgs.n; i++) {
		char *s = msg_format(&m.msgs.v[i]);
		buf_printf(&b, "%s\n", s);
		free(s);
	}
	model_release(&m);
	return buf_detach(&b, NULL);
}

#define P(style, text) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"

/* Headings by outline level (through basedOn) or built-in name, never by
 * the style's id; level 9 of the outline is body text; deeper headings
 * are bold paragraphs; an unknown style is a paragraph, with a warning. */
static void test_docxin_headings_by_outline_and_name(void **state)
{
	(void)state;
	Buf d;
	buf_init(&d);
	S_docx(&d,
	       "<w:style w:type=\"paragraph\" w:styleId=\"Tiude1\"><w:name w:val=\"Tiêu đề 1\"/>"
	       "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
	       "<w:style w:type=\"paragraph\" w:styleId=\"Con\"><w:name w:val=\"Con\"/><w:basedOn w:val=\"Tiude1\"/></w:style>"
	       "<w:style w:type=\"paragraph\" w:styleId=\"X3\"><w:name w:val=\"Heading 3\"/></w:style>"
	       "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"Đề mục\"/></w:style>"
	       "<w:style w:type=\"paragraph\" w:styleId=\"Sau\"><w:name w:val=\"x\"/><w:pPr><w:outlineLvl w:val=\"4\"/></w:pPr></w:style>"
	       "<w:style w:type=\"paragraph\" w:styleId=\"Than\"><w:name w:val=\"heading 1\"/><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>",
	       NULL,
	       "<w:p><w:r><w:t xml:space=\"preserve\"> Mở đầu. </w:t></w:r></w:p><w:p/>"
	       P("Tiude1", "Một") P("Con", "Hai") P("X3", "Ba") P("Heading2", "Không phải tiêu đề")
	       P("Sau", "Sâu") P("Than", "Thân") P("Lạ", "Kiểu lạ")
	       "<w:p><w:pPr><w:pStyle w:val=\"Tiude1\"/><w:pPrChange w:id=\"9\"><w:pPr>"
	       "<w:pStyle w:val=\"Than\"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Đổi kiểu</w:t></w:r></w:p>");
	int rc;
	char *got = S_read(&d, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(got,
	                    "P Mở đầu.\n"
	                    "H1 Một\n"
	                    "H1 Hai\n"
	                    "H2 Ba\n"
	                    "P Không phải tiêu đề\n"
	                    "P **Sâu**\n"
	                    "P Thân\n"
	                    "P Kiểu lạ\n"
	                    "H1 Đổi kiểu\n"
	                    "noi-dung.docx: warning: paragraph 9: the style 'Lạ' is not in the document's "
	                    "styles: read as a paragraph\n"
	                    "noi-dung.docx: warning: paragraph 10: tracked changes are read as if accepted "
	                    "(insertions kept, deletions dropped); accept or reject them in Word to be sure\n");
	free(got);
	buf_release(&d);
}

/* Bold and italic from runs and character styles (w:val="0" turns one
 * off); insertions kept, deletions and field codes dropped, a field's
 * shown text kept; tabs and breaks are spaces; images, text boxes,
 * comments and notes left out; one warning per kind and paragraph. */
static void test_docxin_runs_changes_and_warnings(void **state)
{
	(void)state;
	Buf d;
	buf_init(&d);
	S_docx(&d,
	       "<w:style w:type=\"character\" w:styleId=\"Nhan\"><w:name w:val=\"Nhấn\"/><w:rPr><w:i/></w:rPr></w:style>"
	       "<w:style w:type=\"character\" w:styleId=\"Dam\"><w:name w:val=\"Đậm\"/><w:rPr><w:b/></w:rPr></w:style>",
	       NULL,
	       "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>đậm</w:t></w:r>"
	       "<w:r><w:rPr><w:rStyle w:val=\"Nhan\"/></w:rPr><w:t xml:space=\"preserve\"> nghiêng</w:t></w:r>"
	       "<w:r><w:rPr><w:rStyle w:val=\"Dam\"/><w:b w:val=\"0\"/></w:rPr><w:t xml:space=\"preserve\"> thường</w:t></w:r>"
	       "<w:ins w:id=\"1\"><w:r><w:t xml:space=\"preserve\"> thêm</w:t></w:r></w:ins>"
	       "<w:del w:id=\"2\"><w:r><w:delText xml:space=\"preserve\"> bỏ</w:delText></w:r></w:del>"
	       "<w:r><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>"
	       "<w:p><w:r><w:t xml:space=\"preserve\">Trang </w:t></w:r>"
	       "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
	       "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
	       "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
	       "<w:r><w:drawing><wp:inline xmlns:wp=\"x\"><w:p><w:r><w:t>ảnh</w:t></w:r></w:p></wp:inline></w:drawing></w:r>"
	       "<w:r><w:drawing><a xmlns=\"y\"><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></a></w:drawing></w:r>"
	       "<w:r><w:drawing/></w:r>"
	       "<w:commentRangeStart w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>"
	       "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>");
	int rc;
	char *got = S_read(&d, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(got,
	                    "P **đậm**_ nghiêng_ thường thêm a b\n"
	                    "P Trang 7\n"
	                    "noi-dung.docx: warning: paragraph 1: tracked changes are read as if accepted "
	                    "(insertions kept, deletions dropped); accept or reject them in Word to be sure\n"
	                    "noi-dung.docx: warning: paragraph 2: a field is read as the text it last showed\n"
	                    "noi-dung.docx: warning: paragraph 2: an image is not rendered in the report (left out)\n"
	                    "noi-dung.docx: warning: paragraph 2: a text box is not rendered in the report (left out)\n"
	                    "noi-dung.docx: warning: paragraph 2: a comment is not rendered in the report (left out)\n"
	                    "noi-dung.docx: warning: paragraph 2: a footnote or endnote is not rendered in the "
	                    "report (left out)\n");
	free(got);
	buf_release(&d);
}

/* Lists: a bullet is "-", numbers count per list and level from the
 * level's start, a deeper level restarts under a new item; numbering
 * from a paragraph style.  Tables: the first row is the header (bold);
 * a merged cell's text once, covered slots empty; a nested table's text
 * in its cell. */
static void test_docxin_lists_and_tables(void **state)
{
	(void)state;
	Buf d;
	buf_init(&d);
	S_docx(&d,
	       "<w:style w:type=\"paragraph\" w:styleId=\"DS\"><w:name w:val=\"Danh sách\"/>"
	       "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>",
	       "<w:abstractNum w:abstractNumId=\"5\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt w:val=\"decimal\"/></w:lvl>"
	       "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"lowerLetter\"/></w:lvl></w:abstractNum>"
	       "<w:abstractNum w:abstractNumId=\"6\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
	       "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"5\"/></w:num>"
	       "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"6\"/></w:num>",
	       P("DS", "chấm")
	       "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>ba</w:t></w:r></w:p>"
	       "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p>"
	       "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>b</w:t></w:r></w:p>"
	       "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>bốn</w:t></w:r></w:p>"
	       "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>a lại</w:t></w:r></w:p>"
	       "<w:p><w:pPr><w:pStyle w:val=\"DS\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>không số</w:t></w:r></w:p>"
	       "<w:tbl><w:tblGrid><w:gridCol w:w=\"100\"/><w:gridCol w:w=\"300\"/><w:gridCol w:w=\"100\"/></w:tblGrid>"
	       "<w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>"
	       "<w:p><w:r><w:t>BC</w:t></w:r></w:p></w:tc></w:tr>"
	       "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>gộp</w:t></w:r></w:p></w:tc>"
	       "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>"
	       "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>lồng</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"
	       "<w:tc><w:p><w:r><w:rPr><w:i/></w:rPr><w:t>z</w:t></w:r></w:p></w:tc></w:tr>"
	       "<w:tr><w:trPr><w:del w:id=\"3\"/></w:trPr><w:tc><w:p><w:r><w:t>xóa</w:t></w:r></w:p></w:tc>"
	       "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/><w:tcPrChange w:id=\"4\"><w:tcPr><w:gridSpan w:val=\"1\"/>"
	       "</w:tcPr></w:tcPrChange></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"
	       "<w:p><w:r><w:t>sau bảng</w:t></w:r></w:p>");
	int rc;
	char *got = S_read(&d, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(got,
	                    "I1 - chấm\n"
	                    "I1 3. ba\n"
	                    "I2 a) a\n"
	                    "I2 b) b\n"
	                    "I1 4. bốn\n"
	                    "I2 a) a lại\n"
	                    "P không số\n"
	                    "T3 |**A**|**BC**|\n"
	                    "R |gộp|x y|\n"
	                    "R ||lồng|_z_\n"
	                    "E\n"
	                    "P sau bảng\n"
	                    "noi-dung.docx: warning: paragraph 17: a table's tracked rows are read as if "
	                    "accepted (inserted rows kept, deleted rows dropped)\n");
	free(got);
	buf_release(&d);
}

/* Refused: each an error naming the file, and nothing kept. */
static void test_docxin_refused(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		size_t n;
		const char *msg;
	} t[] = {
	    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1W\0o\0r\0d\0", 16, "this is a Word 97-2003 document (.doc)"},
	    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 40,
	     "the document is encrypted"},
	    {"{\\rtf1 x}", 9, "this is an RTF file"},
	    {"văn bản", 9, "this is not a Word document"},
	    {"PK\3\4 cut", 8, "this is not a readable Word document"},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		Buf d = {0};
		buf_init(&d);
		buf_add(&d, t[i].bytes, t[i].n);
		int rc;
		char *got = S_read(&d, &rc);
		assert_int_equal(rc, -1);
		assert_non_null(strstr(got, "noi-dung.docx: error: "));
		assert_non_null(strstr(got, t[i].msg));
		assert_null(strstr(got, "\nP ")); /* no block */
		free(got);
		buf_release(&d);
	}
	/* a zip without the document; a DTD; a part inflating past the limit */
	Buf d;
	buf_init(&d);
	S_docx(&d, "<w:style/>", NULL, NULL);
	int rc;
	char *got = S_read(&d, &rc);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(got, "this zip file is not a Word document (it has no word/document.xml)"));
	free(got);
	buf_reset(&d);
	static const char dtd[] = "<!DOCTYPE x [<!ENTITY a \"b\">]><w:document " W
	                          "><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>";
	S_raw(&d, "word/document.xml", dtd, strlen(dtd));
	got = S_read(&d, &rc);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(got, "the part word/document.xml of the document declares a DTD"));
	free(got);
	/* a zip directory that puts the document 1 byte before its local
	 * header (zip_io's own check, not libzip's): refused, in Word's words */
	buf_reset(&d);
	S_docx(&d, "<w:style/>", NULL, "<w:p/>");
	unsigned char *z = (unsigned char *)d.ptr;
	size_t e = d.len - 22;
	assert_memory_equal(z + e, "PK\5\6", 4);
	size_t cd = z[e + 16] | z[e + 17] << 8 | (size_t)z[e + 18] << 16 | (size_t)z[e + 19] << 24;
	size_t second = cd + 46 + (z[cd + 28] | z[cd + 29] << 8) + (z[cd + 30] | z[cd + 31] << 8) +
	                (z[cd + 32] | z[cd + 33] << 8);
	assert_memory_equal(z + second, "PK\1\2", 4);
	size_t loff = z[second + 42] | z[second + 43] << 8 | (size_t)z[second + 44] << 16 |
	              (size_t)z[second + 45] << 24;
	assert_true(loff > 0); /* it follows the styles */
	loff--;
	for (int k = 0; k < 4; k++)
		z[second + 42 + k] = (unsigned char)(loff >> (8 * k));
	got = S_read(&d, &rc);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(got, "this is not a readable Word document: the zip entry word/document.xml is "
	                            "not where the zip directory puts it"));
	free(got);
	/* 17 MiB of one letter: a few KiB deflated, refused as it inflates */
	buf_reset(&d);
	size_t big = 17u << 20;
	char *a = xmalloc(big);
	memset(a, 'a', big);
	memcpy(a, "<w:document><w:body><w:p><w:r><w:t>", 36);
	S_raw(&d, "word/document.xml", a, big);
	free(a);
	got = S_read(&d, &rc);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(got, "the document inflates to more than 16 MiB"));
	free(got);
	buf_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_docxin_headings_by_outline_and_name),
	    cmocka_unit_test(test_docxin_runs_changes_and_warnings),
	    cmocka_unit_test(test_docxin_lists_and_tables),
	    cmocka_unit_test(test_docxin_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
