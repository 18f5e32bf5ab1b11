/* SPDX-License-Identifier: MIT */
/* bao_cao.c (the report's document), gfm.c's noi-dung.md and doc_md.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bao_cao.h"
#include "xuat.h"
#include "buf.h"
#include "doc.h"
#include "doc_md.h"
#include "gfm.h"
#include "site_fixture.h"
#include "xalloc.h"

/* A writer that records each block as one line: its kind, level and
 * text ("H1 I. KẾT QUẢ CHUNG", "ROW", "APP Phụ lục II"). */
typedef struct {
	DocWriter w;
	Buf log;
	size_t rows;
} Rec;

static void S_rec(DocWriter *w, const DocBlock *b)
{
	Rec *r = (Rec *)w;
	static const char *const kind[] = {"META", "HEADER", "TITLE", "KINH-GUI", "H", "P", "LI", "TABLE", "ROW",
	                                   "END-TABLE", "FIG", "SIGN", "MAIN-END", "APP", "COLO", "END"};
	buf_puts(&r->log, kind[b->kind]);
	if (b->kind == DOC_HEADING)
		buf_printf(&r->log, "%d", b->level);
	if (b->kind == DOC_ROW) {
		r->rows++;
		buf_putc(&r->log, '\n');
		return;
	}
	buf_putc(&r->log, ' ');
	if (b->kind == DOC_APPENDIX)
		buf_puts(&r->log, b->line[0]);
	else
		doc_inl_text(&b->inl, &r->log);
	if (b->kind == DOC_KINH_GUI)
		for (size_t i = 0; i < b->n_item; i++)
			buf_printf(&r->log, " | %s %s", b->line[0], b->item[i]);
	if (b->kind == DOC_SIGNATURE) {
		for (int i = 0; i < 5; i++)
			buf_printf(&r->log, "%s%s", i ? " / " : "", b->line[i] ? b->line[i] : "");
		for (size_t i = 0; i < b->n_item; i++)
			buf_printf(&r->log, " | %s", b->item[i]);
	}
	buf_putc(&r->log, '\n');
}

static void S_record(const Model *m, Rec *r)
{
	r->w.put = S_rec;
	buf_init(&r->log);
	r->rows = 0;
	bao_cao_build(m, &r->w);
}

/* the lines of log in order (each a prefix of a line) */
static void S_in_order(const char *log, const char *const *want, size_t n)
{
	const char *at = log;
	for (size_t i = 0; i < n; i++) {
		const char *p = at;
		for (;;) {
			p = strstr(p, want[i]);
			if (!p)
				fail_msg("not found after the previous: %s\n---\n%s", want[i], log);
			if (p == log || p[-1] == '\n')
				break;
			p++;
		}
		at = p + strlen(want[i]);
	}
}

static const char S_noi_dung[] =
    "Thực hiện Kế hoạch số 1/KH-UBND, báo cáo như sau:\n\n"
    "# Đánh giá chung\n\nĐoạn **đậm** và *nghiêng*.\n\n### Nguyên nhân\n\nVì thế.\n\n"
    "### Giải pháp\n\n- một\n- hai\n    1. hai-một\n\n"
    "## Kiến nghị\n\n#### Sâu hơn\n\n| A | B |\n|---|--:|\n| x | 1 |\n";

static void test_bao_cao_order_of_the_decree(void **state)
{
	Model m;
	assert_int_equal(fx_model(&m), 0);
	assert_int_equal(gfm_noi_dung(&m, "noi-dung.md", S_noi_dung, strlen(S_noi_dung)), 0);
	assert_int_equal(m.msgs.n_error, 0);
	Rec r;
	S_record(&m, &r);
	static const char *const want[] = {
	    "META",
	    "HEADER",
	    "TITLE",
	    "P Thực hiện Kế hoạch số 1/KH-UBND",
	    "H1 I. KẾT QUẢ CHUNG",
	    "H1 II. KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU",
	    "H2 1. ",
	    "FIG ",
	    "H1 III. ĐÁNH GIÁ CHUNG",
	    "P Đoạn đậm và nghiêng.",
	    "H2 1. Nguyên nhân",
	    "H2 2. Giải pháp",
	    "LI một",
	    "LI hai",
	    "LI hai-một",
	    "H1 IV. KIẾN NGHỊ",
	    "P Sâu hơn",
	    "TABLE",
	    "ROW",
	    "END-TABLE",
	    "SIGN",
	    "MAIN-END",
	    "APP Phụ lục I",
	    "TABLE",
	    "APP Phụ lục II",
	    "TABLE",
	    "COLO Lập bởi chitieu",
	    "END",
	};
	S_in_order(r.log.ptr, want, sizeof want / sizeof want[0]);
	/* no deadline files: no appendix, no section about them (the
	 * third appendix, if any, is the units' notes) */
	assert_null(strstr(r.log.ptr, "CÔNG BỐ THỦ TỤC HÀNH CHÍNH"));
	assert_null(strstr(r.log.ptr, "TÌNH HÌNH THỰC HIỆN CÁC VIỆC CÓ THỜI HẠN"));
	/* section I refers to the appendices by number */
	assert_non_null(strstr(r.log.ptr, "chi tiết tại Phụ\u00a0lục\u00a0I."));
	assert_non_null(strstr(r.log.ptr, "Kết quả của từng đơn vị tại Phụ\u00a0lục\u00a0II."));
	buf_release(&r.log);
	model_release(&m);
}

/* Phụ lục II has a row per unit and one per group, emitted one by one;
 * the body's lists name at most 10 units, whatever their number. */
static void S_phu_luc_ii_rows(int big)
{
	Model m;
	assert_int_equal(big ? fx_model_big(&m, 1500) : fx_model(&m), 0);
	Rec r;
	S_record(&m, &r);
	const char *p2 = strstr(r.log.ptr, "APP Phụ lục II");
	assert_non_null(p2);
	size_t rows = 0;
	for (const char *p = strstr(p2, "\nROW"); p && p < strstr(p2, "END-TABLE"); p = strstr(p + 1, "\nROW"))
		rows++;
	/* every group has units in the fixture */
	int seen[16] = {0};
	size_t groups = 0;
	for (size_t u = 0; u < m.n_don_vi; u++)
		if (!seen[m.don_vi[u].nhom]++)
			groups++;
	assert_int_equal(rows, m.n_don_vi + groups);
	if (big)
		assert_non_null(strstr(r.log.ptr, " đơn vị khác (danh sách đầy đủ tại Phụ\u00a0lục\u00a0II)"));
	/* no paragraph of the body holds more than 10 names: each is short */
	const char *end = strstr(r.log.ptr, "SIGN");
	for (const char *p = r.log.ptr; p && p < end; p = strchr(p + 1, '\n')) {
		const char *q = strchr(p + 1, '\n');
		assert_true(!q || q - p < 4000);
	}
	buf_release(&r.log);
	model_release(&m);
}

static void test_bao_cao_phu_luc_ii_rows(void **state)
{
	S_phu_luc_ii_rows(0);
	S_phu_luc_ii_rows(1);
}

static void test_bao_cao_md_of_noi_dung(void **state)
{
	Model m;
	assert_int_equal(fx_model(&m), 0);
	assert_int_equal(gfm_noi_dung(&m, "noi-dung.md", S_noi_dung, strlen(S_noi_dung)), 0);
	Buf b;
	buf_init(&b);
	bao_cao_md(&b, &m, "charts/");
	const char *s = b.ptr;
	assert_non_null(strstr(s, "## III. ĐÁNH GIÁ CHUNG\n\nĐoạn **đậm** và *nghiêng*.\n"));
	assert_non_null(strstr(s, "### 2\\. Giải pháp\n\n- một\n- hai\n    1. hai-một\n"));
	assert_non_null(strstr(s, "**Sâu hơn**"));
	assert_non_null(strstr(s, "| A | B |\n|---|---|\n| x | 1 |\n"));
	/* the opening comes before section I */
	assert_true(strstr(s, "Thực hiện Kế hoạch số 1/KH") < strstr(s, "## I. KẾT QUẢ CHUNG"));
	/* and renders as HTML with its list and table */
	char *html = gfm_html(s, b.len);
	assert_non_null(strstr(html, "<strong>đậm</strong>"));
	assert_non_null(strstr(html, "<ol>\n<li>hai-một</li>"));
	assert_non_null(strstr(html, "<td>x</td>"));
	gfm_free(html);
	buf_release(&b);
	model_release(&m);
}

static void test_gfm_noi_dung_invalid_utf8_position(void **state)
{
	Model m;
	model_init(&m);
	static const char bad[] = "một\nhai ba\xC3\x28 bốn\n";
	assert_int_equal(gfm_noi_dung(&m, "noi-dung.md", bad, sizeof bad - 1), -1);
	assert_int_equal(m.msgs.n_error, 1);
	char *s = msg_format(&m.msgs.v[0]);
	assert_non_null(strstr(s, "noi-dung.md:2:7: error: invalid UTF-8"));
	free(s);
	assert_int_equal(m.noi_dung.n, 0);
	model_release(&m);
}

static void test_gfm_noi_dung_html_and_images_warn(void **state)
{
	Model m;
	model_init(&m);
	static const char md[] = "<!-- ghi chú -->\n\nChữ <i>x</i> và ![ảnh](a.png).\n\n<table></table>\n";
	assert_int_equal(gfm_noi_dung(&m, "noi-dung.md", md, sizeof md - 1), 0);
	/* the comment is silent; <i>, </i>, the image and the block warn */
	assert_int_equal(m.msgs.n_warning, 4);
	char *s = msg_format(&m.msgs.v[0]);
	assert_string_equal(s, "noi-dung.md:3:5: warning: raw HTML is not rendered in the report (left out)");
	free(s);
	s = msg_format(&m.msgs.v[2]);
	assert_string_equal(s, "noi-dung.md:3:17: warning: an image is not rendered in the report (left out)");
	free(s);
	assert_int_equal(m.noi_dung.n, 1);
	Buf t;
	buf_init(&t);
	doc_inl_text(&m.noi_dung.v[0].b.inl, &t);
	assert_string_equal(t.ptr, "Chữ x và .");
	buf_release(&t);
	model_release(&m);
}

static void test_doc_md_inl_spaces_outside_marks(void **state)
{
	DocInl p;
	doc_inl_init(&p);
	doc_add(&p, 0, "Kết quả ");
	doc_add(&p, DOC_BOLD, "80,5% ");
	doc_add(&p, DOC_ITALIC, "*x*");
	Buf b;
	buf_init(&b);
	doc_md_inl(&b, &p);
	assert_string_equal(b.ptr, "Kết quả **80,5%** *\\*x\\**");
	buf_release(&b);
	doc_inl_release(&p);
}

/* The signature and "Nơi nhận" never drop: blanks where bao-cao.conf is
 * silent; "Kính gửi" and "Như trên" only with kinh_gui. */
static void test_bao_cao_signature_blanks(void **state)
{
	Model m;
	assert_int_equal(fx_model(&m), 0);
	Rec r;
	S_record(&m, &r);
	const char *sign = strstr(r.log.ptr, "\nSIGN ");
	assert_non_null(sign);
	assert_non_null(strstr(sign, " TM. ……"));
	assert_non_null(strstr(sign, "Nguyễn Văn A"));
	assert_non_null(strstr(sign, "| Lưu: VT, ……"));
	assert_null(strstr(r.log.ptr, "Như trên"));
	assert_null(strstr(r.log.ptr, "Kính gửi"));
	buf_release(&r.log);
	fx_conf(&m, "kinh_gui", "Văn phòng Chính phủ");
	fx_conf(&m, "noi_nhan", "Như trên|Bộ Nội vụ|Lưu: VT");
	S_record(&m, &r);
	assert_non_null(strstr(r.log.ptr, "| Kính gửi: Văn phòng Chính phủ.\n"));
	sign = strstr(r.log.ptr, "\nSIGN ");
	assert_non_null(strstr(sign, " | Như trên; | Bộ Nội vụ; | Lưu: VT.\n"));
	buf_release(&r.log);
	model_release(&m);
}

/* Notes are in their own appendix, each distinct note once with its
 * periods; the body names the appendix, never the note. */
static void test_bao_cao_notes_appendix(void **state)
{
	Model m;
	fx_base(&m);
	int a = fx_unit(&m, "so-a", "Sở Alpha", 0, 1);
	fx_row(&m, a, 0, "2024-01", 10, 50, "Mạng \"chập chờn\"");
	fx_row(&m, a, 0, "2024-02", 10, 50, "Khác");
	fx_row(&m, a, 0, "2024-03", 10, 50, "Mạng \"chập chờn\"");
	fx_row(&m, a, 2, "2024-Q1", 1, 1, NULL);
	assert_int_equal(eval_run(&m, "2024-Q1"), 0);
	Rec r;
	S_record(&m, &r);
	const char *app = strstr(r.log.ptr, "APP Phụ lục III");
	assert_non_null(app);
	/* no paragraph, item or heading prints a note (the rows hold them) */
	assert_null(strstr(r.log.ptr, "Mạng"));
	assert_non_null(strstr(r.log.ptr, "Ghi chú của các đơn vị về chỉ tiêu này: tại Phụ\u00a0lục\u00a0III."));
	buf_release(&r.log);
	/* the cells: the note with “ ” and its months */
	Buf md;
	buf_init(&md);
	bao_cao_md(&md, &m, "charts/");
	assert_non_null(strstr(md.ptr, "Mạng “chập chờn” | tháng\u00a01 và 3 |"));
	assert_non_null(strstr(md.ptr, "Khác | tháng\u00a02 |"));
	buf_release(&md);
	model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bao_cao_order_of_the_decree),
	    cmocka_unit_test(test_bao_cao_phu_luc_ii_rows),
	    cmocka_unit_test(test_bao_cao_md_of_noi_dung),
	    cmocka_unit_test(test_bao_cao_signature_blanks),
	    cmocka_unit_test(test_bao_cao_notes_appendix),
	    cmocka_unit_test(test_gfm_noi_dung_invalid_utf8_position),
	    cmocka_unit_test(test_gfm_noi_dung_html_and_images_warn),
	    cmocka_unit_test(test_doc_md_inl_spaces_outside_marks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
