/* SPDX-License-Identifier: MIT */
/* Unit tests of md.c: escaping hostile text, the report's content, and
 * that what it writes is GFM that cmark-gfm renders as intended. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "buf.h"
#include "fmt.h"
#include "bao_cao.h"
#include "xuat.h"
#include "mdbuf.h"
#include "trang.h"
#include "trang_han.h"
#include "rank.h"
#include "site_fixture.h"

/* A page's Markdown as the site writes it: the builder handed the
 * Markdown writer, charts where the page sees them. */
#define S_MD(out, img, call)                                   \
	do {                                                   \
		DocWriter *w = xuat_md_writer((out), (img)); \
		call;                                          \
		xuat_md_writer_free(w);                        \
	} while (0)
/* the index, ended as the site ends it (after its downloads) */
static void S_chu_end(DocWriter *w, const Model *m, const TrangCtx *c)
{
	trang_chu(w, m, c);
	DocBlock end;
	doc_block_init(&end, DOC_END);
	w->put(w, &end);
	doc_block_release(&end);
}
static void md_trang_chu(Buf *o, const Model *m, const TrangCtx *c) { S_MD(o, "charts/", S_chu_end(w, m, c)); }
static void md_trang_du_lieu(Buf *o, const Model *m) { S_MD(o, "charts/", trang_du_lieu(w, m)); }
static void md_trang_han(Buf *o, const Model *m) { S_MD(o, "charts/", trang_han(w, m)); }
static void md_trang_don_vi(Buf *o, const Model *m, const TrangCtx *c, size_t u) { S_MD(o, "../charts/", trang_don_vi(w, m, c, u)); }
static void md_trang_chi_tieu(Buf *o, const Model *m, size_t t) { S_MD(o, "../charts/", trang_chi_tieu(w, m, t)); }
static void md_trang_nhom(Buf *o, const Model *m, const TrangCtx *c, size_t g) { S_MD(o, "../charts/", trang_nhom(w, m, c, g)); }

/* The test renders as site.c does: GFM with tables, safe mode on. */
static char *S_html(const char *md)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
	cmark_parser_feed(p, md, strlen(md));
	cmark_node *doc = cmark_parser_finish(p);
	char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(p));
	char *out = xstrdup(html);
	cmark_get_default_mem_allocator()->free(html);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return out;
}

static int S_count(const char *s, const char *what)
{
	int n = 0;
	size_t k = strlen(what);
	for (const char *p = strstr(s, what); p; p = strstr(p + k, what))
		n++;
	return n;
}

/* What a clerk should read back: the text with runs of white space made
 * one space, control characters dropped, HTML-escaped as cmark does. */
static void S_expect_text(Buf *b, const char *s)
{
	int space = 0;
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			space = 1;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		if (space)
			buf_putc(b, ' ');
		space = 0;
		switch (c) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, (char)c);
		}
	}
}

static const char *const S_hostile[] = {
    "*Xã A*",
    "**Xã B**",
    "_Xã C_",
    "# Heading",
    "## Xã",
    "- item",
    "+ item",
    "1. item",
    "2024) item",
    "> quote",
    "=",
    "---",
    "| a | b |",
    "a|b",
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "<http://example.com>",
    "[link](http://evil.example)",
    "![img](http://evil.example/x.png)",
    "[ref]: http://evil.example",
    "back\\slash\\",
    "trailing backslash \\",
    "line1\nline2",
    "line1\r\n# line2",
    "tab\there",
    "`code`",
    "~~del~~",
    "&amp; &#65; &copy;",
    "    four spaces",
    "ctl\x01\x1f chars",
    "Xã  A\n\n\n- B",
    "Hưng Yên (2024) 45,5 %",
};

static void test_md_escape_hostile_paragraph(void **state)
{
	for (size_t i = 0; i < sizeof S_hostile / sizeof *S_hostile; i++) {
		Buf md, want;
		buf_init(&md);
		buf_init(&want);
		buf_puts(&md, "Đơn vị: ");
		md_escape(&md, S_hostile[i]);
		buf_puts(&md, "\n");
		char *html = S_html(md.ptr);
		buf_puts(&want, "<p>Đơn vị: ");
		S_expect_text(&want, S_hostile[i]);
		buf_puts(&want, "</p>\n");
		if (strcmp(html, want.ptr))
			fail_msg("escaping %zu: got %s want %s (md %s)", i, html, want.ptr, md.ptr);
		free(html);
		buf_release(&md);
		buf_release(&want);
	}
}

/* Text alone on its line, in a list item and in a table cell: it must
 * stay plain text, and the table must keep its two cells. */
static void test_md_escape_hostile_blocks(void **state)
{
	for (size_t i = 0; i < sizeof S_hostile / sizeof *S_hostile; i++) {
		Buf md, want;
		buf_init(&md);
		buf_init(&want);
		md_escape(&md, S_hostile[i]);
		buf_puts(&md, "\n\n- ");
		md_escape(&md, S_hostile[i]);
		buf_puts(&md, "\n\n| A | B |\n|---|---|\n| ");
		md_escape(&md, S_hostile[i]);
		buf_puts(&md, " | x |\n");
		char *html = S_html(md.ptr);
		S_expect_text(&want, S_hostile[i]);
		Buf p;
		buf_init(&p);
		buf_printf(&p, "<p>%s</p>\n<ul>\n<li>%s</li>\n</ul>\n", want.ptr, want.ptr);
		if (strncmp(html, p.ptr, p.len))
			fail_msg("escaping %zu as blocks: got %s", i, html);
		Buf cell;
		buf_init(&cell);
		buf_printf(&cell, "<td>%s</td>\n<td>x</td>", want.ptr);
		if (!strstr(html, cell.ptr) || S_count(html, "<td>") != 2)
			fail_msg("escaping %zu in a table cell: got %s", i, html);
		free(html);
		buf_release(&p);
		buf_release(&cell);
		buf_release(&md);
		buf_release(&want);
	}
}

static void test_md_escape_null_and_empty(void **state)
{
	Buf b;
	buf_init(&b);
	md_escape(&b, NULL);
	md_escape(&b, "");
	md_escape(&b, "   \n ");
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

static void test_md_page_file_names(void **state)
{
	assert_true(model_code_ok("huyen-van-giang"));
	assert_true(model_code_ok("so-1"));
	assert_false(model_code_ok(""));
	assert_false(model_code_ok("../x"));
	assert_false(model_code_ok("a/b"));
	assert_false(model_code_ok("Xa"));
	assert_false(model_code_ok("cap_xa"));
	/* a group's pages may carry '_'; another code gives "nhom-<n>" */
	Model m;
	assert_int_equal(fx_model(&m), 0);
	free(m.nhom[0].ma);
	m.nhom[0].ma = xstrdup("cap_xa");
	char *stem = model_nhom_stem(&m, 0);
	assert_string_equal(stem, "cap_xa");
	free(stem);
	free(m.nhom[0].ma);
	m.nhom[0].ma = xstrdup("../x");
	stem = model_nhom_stem(&m, 0);
	assert_string_equal(stem, "nhom-1");
	free(stem);
	model_release(&m);
}

static void test_md_report_content(void **state)
{
	Model m;
	assert_int_equal(fx_model(&m), 0);
	Buf b, w;
	buf_init(&b);
	buf_init(&w);
	bao_cao_md(&b, &m, "charts/");
	const char *s = b.ptr;
	/* The header texts, the period words, the flattened two-row header. */
	assert_non_null(strstr(s, "ỦY BAN NHÂN DÂN"));
	assert_non_null(strstr(s, "**TỈNH THỬ NGHIỆM**"));
	assert_non_null(strstr(s, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
	assert_non_null(strstr(s, "Thử Nghiệm, ngày"));
	fmt_cua_so(&w, &m.cua_so);
	w.ptr[0] = (char)(w.ptr[0] - 'A' + 'a'); /* inside a sentence */
	assert_non_null(strstr(s, w.ptr));
	assert_non_null(strstr(s, "| Thực hiện trong năm 2024: Đơn vị tính | Thực hiện trong năm 2024: Giao chỉ tiêu |"));
	/* The province's figure of target 1 with N and D: 85+30 / 100+50. */
	buf_reset(&w);
	fmt_ty_le(&w, 115, 150, &m.chi_tieu[0]);
	buf_puts(&w, "% (115/150)");
	assert_non_null(strstr(s, w.ptr));
	/* A row sharing the basis of the row above says so. */
	assert_non_null(strstr(s, "Như trên (căn cứ của chỉ tiêu 1)"));
	/* Charts as images with alt text. */
	assert_non_null(strstr(s, "![Biểu đồ xu hướng theo kỳ: chỉ tiêu 1, Tỷ lệ hồ sơ trực tuyến](charts/chi-tieu-1.svg)"));
	/* The tiny denominator of so-a on target 3 (3/3) is flagged. */
	assert_non_null(strstr(s, "Đơn vị đạt với mẫu số nhỏ (dưới 5) (1):* Sở Alpha 100,00% (3/3) (\\*)"));
	/* The colophon: the file's SHA-256 and the version. */
	assert_non_null(strstr(s, "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"));
	assert_non_null(strstr(s, "chitieu "));
	assert_non_null(strstr(s, "Nguyễn Văn A"));

	char *html = S_html(s);
	/* No data became markup. */
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<b>"));
	assert_null(strstr(html, "href=\"http"));
	assert_null(strstr(html, "<em>Sở"));
	assert_non_null(strstr(html, "*Sở | Beta* &lt;b&gt;x&lt;/b&gt; [l](http://evil) # `c`"));
	/* The appendix table: 10 header cells, and each of its 3 rows 10 cells. */
	const char *t = strstr(html, "<table>");
	assert_non_null(t);
	const char *end = strstr(t, "</table>");
	char *table = xstrndup(t, (size_t)(end - t));
	assert_int_equal(S_count(table, "</th>"), 10);
	assert_int_equal(S_count(table, "<tr>"), 4);
	assert_int_equal(S_count(table, "</td>"), 30);
	free(table);
	free(html);
	buf_release(&b);
	buf_release(&w);
	model_release(&m);
}

/* Under target 1, so-b (30/50) did not meet it and huyen-d did not report;
 * the report names both in that target's section. */
static void test_md_report_lists_units(void **state)
{
	Model m;
	assert_int_equal(fx_model(&m), 0);
	Buf b;
	buf_init(&b);
	bao_cao_md(&b, &m, "charts/");
	const char *sec = strstr(b.ptr, "### 1\\. ");
	const char *next = strstr(b.ptr, "### 2\\. ");
	assert_non_null(sec);
	assert_non_null(next);
	char *one = xstrndup(sec, (size_t)(next - sec));
	const char *chua_dat = strstr(one, "*Đơn vị chưa đạt (1):*");
	const char *cbc = strstr(one, "*Đơn vị chưa báo cáo (1):*");
	assert_non_null(chua_dat);
	assert_non_null(cbc);
	const char *beta = strstr(chua_dat, "Beta");
	assert_true(beta && beta < cbc);
	assert_non_null(strstr(cbc, "UBND huyện Dê"));
	assert_null(strstr(chua_dat, "Sở Alpha"));
	/* with its figure */
	assert_non_null(strstr(chua_dat, "60,00% (30/50)"));
	free(one);
	buf_release(&b);
	model_release(&m);
}

/* Units on a target's page are sorted by their figure, best first. */
static void test_md_trang_chi_tieu_sorted(void **state)
{
	Model m;
	assert_int_equal(fx_model(&m), 0);
	Buf b;
	buf_init(&b);
	md_trang_chi_tieu(&b, &m, 0);
	const char *list = strstr(b.ptr, "## Các đơn vị, xếp theo tỷ lệ");
	assert_non_null(list);
	const char *a = strstr(list, "Sở Alpha"), *beta = strstr(list, "Beta"), *c = strstr(list, "huyện Cê");
	assert_true(a && beta && c);
	assert_true(a < beta && beta < c); /* 85 %, 60 %, then "không phát sinh" */
	const char *cbc = strstr(list, "## Đơn vị chưa báo cáo");
	assert_true(cbc && strstr(cbc, "huyện Dê"));
	assert_non_null(strstr(b.ptr, "](../charts/chi-tieu-1.svg)"));
	assert_non_null(strstr(b.ptr, "](../don-vi/so-a.html)"));
	buf_release(&b);
	model_release(&m);
}

/* The index: the verdict matrix of the province and the groups (short
 * names as headers, linked to the targets), the charts as small
 * multiples, and no unit at all: units are on their groups' pages, with
 * the ranking (rank.c: so-a, 2 met, above so-b, 0) and their matrix. */
static void test_md_trang_chu_ranking(void **state)
{
	Model m;
	assert_int_equal(fx_model(&m), 0);
	free(m.chi_tieu[0].ten_ngan);
	m.chi_tieu[0].ten_ngan = xstrdup("DVC *toàn* trình");
	Buf b;
	buf_init(&b);
	md_trang_chu(&b, &m, NULL);
	const char *mt = strstr(b.ptr, "## Ma trận kết quả\n");
	assert_non_null(mt);
	char *head = xasprintf("| Toàn tỉnh và nhóm đơn vị | [DVC \\*toàn\\* trình](chi-tieu/%d.html) | "
	                       "[CT%d](chi-tieu/%d.html) |",
	                       m.chi_tieu[0].stt, m.chi_tieu[1].stt, m.chi_tieu[1].stt);
	assert_non_null(strstr(mt, head));
	free(head);
	assert_non_null(strstr(mt, "\n| [Sở, ban, ngành](nhom/so.html) |"));
	assert_non_null(strstr(b.ptr, "[![Chỉ tiêu 1. DVC \\*toàn\\* trình: xu hướng theo kỳ](charts/chi-tieu-1.svg)](chi-tieu/1.html)"));
	const char *r = strstr(b.ptr, "## Xếp hạng đơn vị trong nhóm");
	assert_non_null(r);
	assert_non_null(strstr(r, "- [Sở, ban, ngành](nhom/so.html): 2 đơn vị"));
	/* units only in the lists of who misses what, which stay short */
	const char *cy = strstr(b.ptr, "## Đơn vị chưa đạt nhiều chỉ tiêu nhất");
	const char *bc = strstr(b.ptr, "## Đơn vị chưa báo cáo hoặc báo cáo chưa đủ");
	assert_true(cy && bc && cy < bc);
	const char *first = strstr(b.ptr, "don-vi/");
	assert_true(!first || first > cy);
	assert_non_null(strstr(b.ptr, "](chi-tieu/1.html)"));
	assert_non_null(strstr(b.ptr, "(du-lieu.html)"));
	buf_reset(&b);
	assert_string_equal(m.nhom[0].ma, "so");
	md_trang_nhom(&b, &m, NULL, 0);
	mt = strstr(b.ptr, "## Ma trận kết quả của các đơn vị");
	r = strstr(b.ptr, "## Xếp hạng đơn vị trong nhóm");
	assert_true(mt && r && mt < r);
	assert_non_null(strstr(mt, "| Đơn vị | [DVC \\*toàn\\* trình](../chi-tieu/1.html) |"));
	assert_non_null(strstr(mt, "\n| [Sở Alpha](../don-vi/so-a.html) | "));
	const char *a = strstr(r, "| 1 | [Sở Alpha](../don-vi/so-a.html)");
	const char *beta = strstr(r, "| 2 | [");
	assert_true(a && beta && a < beta);
	buf_release(&b);
	model_release(&m);
}

static void test_md_trang_du_lieu(void **state)
{
	Model m;
	assert_int_equal(fx_model(&m), 0);
	Buf b, w;
	buf_init(&b);
	buf_init(&w);
	md_trang_du_lieu(&b, &m);
	/* The warning, escaped, with its place. */
	assert_non_null(strstr(b.ptr, "| so-lieu/so-b.csv | 3 | 2 | ⚠ cảnh báo | unknown column 'x\\|y' \\<ignored\\> |"));
	/* huyen-d has no file; so-b did not report target 3. */
	assert_non_null(strstr(b.ptr, "UBND huyện Dê](don-vi/huyen-d.html) | [UBND cấp huyện](nhom/huyen.html) | ⚠ không có |"));
	/* huyen-c reported target 3 for January only: February and March are missing. */
	const char *miss = strstr(b.ptr, "## Đơn vị thiếu số liệu");
	assert_non_null(miss);
	fmt_buoc(&w, (Ky){2024, 'M', 2});
	buf_puts(&w, ", ");
	fmt_buoc(&w, (Ky){2024, 'M', 3});
	assert_non_null(strstr(miss, w.ptr));
	buf_release(&b);
	buf_release(&w);
	model_release(&m);
}

/* The ranks the pages print are rank.c's, computed once for all units. */
static void test_md_ctx_matches_rank_hang(void **state)
{
	for (int extra = 0; extra <= 1; extra++) {
		Model m;
		assert_int_equal(fx_model_n(&m, extra), 0);
		TrangCtx *c = trang_ctx_new(&m);
		Buf b;
		buf_init(&b);
		int ties = 0;
		for (size_t u = 0; u < m.n_don_vi; u++) {
			int tong, dong, hang = rank_hang(&m, u, &tong, &dong);
			buf_reset(&b);
			md_trang_don_vi(&b, &m, c, u);
			Buf want;
			buf_init(&want);
			buf_printf(&want, "- Xếp hạng trong nhóm: %d%s trên %d đơn vị", hang, dong ? " (đồng hạng)" : "", tong);
			if (!strstr(b.ptr, want.ptr))
				fail_msg("unit %s: want '%s' in %s", m.don_vi[u].ma, want.ptr, b.ptr);
			buf_release(&want);
			ties += dong;
		}
		/* so-a, so-e and so-f all meet both targets: a shared first rank. */
		assert_int_equal(ties, extra ? 3 : 0);
		buf_release(&b);
		trang_ctx_free(c);
		model_release(&m);
	}
	trang_ctx_free(NULL);
}

/* ---- pages in pieces ---------------------------------------------------- */

/* A sink that keeps what it is handed and checks md.h's promises about
 * where each cut stops. */
typedef struct {
	Buf all;       /* every piece, in order */
	size_t most;   /* the most Markdown held at a cut */
	int open;      /* the kind a cut stopped inside, 0 none */
	int n_cut[MD_CUT_END + 1];
} S_Got;

static void S_got_cut(MdSink *s, int kind)
{
	S_Got *g = s->arg;
	const Buf *md = &s->md;
	if (md->len > g->most)
		g->most = md->len;
	g->n_cut[kind]++;
	switch (kind) {
	case MD_CUT_BLOCKS:
		assert_int_equal(g->open, 0);
		/* whole blocks: the text so far ends a line */
		assert_true(!md->len && !g->all.len ? 1 : (md->len ? md->ptr[md->len - 1] : g->all.ptr[g->all.len - 1]) == '\n');
		break;
	case MD_CUT_TABLE:
		assert_true(g->open == 0 || g->open == MD_CUT_TABLE);
		assert_true(md->len >= 2 && !strcmp(md->ptr + md->len - 2, "|\n"));
		assert_true(s->head.len > 0 && s->head.ptr[0] == '|' && strstr(s->head.ptr, "|---"));
		break;
	case MD_CUT_LIST:
		assert_true(g->open == 0 || g->open == MD_CUT_LIST);
		assert_true(md->len >= 1 && md->ptr[md->len - 1] == '\n');
		break;
	case MD_CUT_END:
		assert_int_not_equal(g->open, 0);
		break;
	default:
		fail_msg("cut of unknown kind %d", kind);
	}
	g->open = kind == MD_CUT_BLOCKS || kind == MD_CUT_END ? 0 : kind;
	buf_add(&g->all, md->ptr, md->len);
	buf_reset(&s->md);
}

enum { S_PAGE_REPORT, S_PAGE_CHU, S_PAGE_DU_LIEU, S_PAGE_HAN, S_PAGE_DON_VI, S_PAGE_CHI_TIEU, S_PAGE_NHOM };

static void S_write_page(Buf *out, const Model *m, const TrangCtx *c, int page, size_t i)
{
	switch (page) {
	case S_PAGE_REPORT: bao_cao_md(out, m, "charts/"); break;
	case S_PAGE_CHU: md_trang_chu(out, m, c); break;
	case S_PAGE_DU_LIEU: md_trang_du_lieu(out, m); break;
	case S_PAGE_HAN: md_trang_han(out, m); break;
	case S_PAGE_DON_VI: md_trang_don_vi(out, m, c, i); break;
	case S_PAGE_CHI_TIEU: md_trang_chi_tieu(out, m, i); break;
	default: md_trang_nhom(out, m, c, i); break;
	}
}

/* Page `page` (its i-th) written whole and written to a sink cutting at
 * min: the pieces joined are the same bytes.  Returns the most Markdown
 * the sink held; counts the cuts into n_cut. */
static size_t S_pieces(const Model *m, const TrangCtx *c, int page, size_t i, size_t min, int *n_cut,
                       size_t *whole_len)
{
	Buf whole;
	buf_init(&whole);
	S_write_page(&whole, m, c, page, i);
	S_Got g;
	memset(&g, 0, sizeof g);
	buf_init(&g.all);
	MdSink s = {.min = min, .cut = S_got_cut, .arg = &g};
	buf_init(&s.md);
	buf_init(&s.head);
	md_sink_begin(&s);
	S_write_page(&s.md, m, c, page, i);
	md_sink_end();
	assert_int_equal(g.open, 0);
	buf_add(&g.all, s.md.ptr, s.md.len);
	if (g.all.len != whole.len || memcmp(g.all.ptr, whole.ptr, whole.len))
		fail_msg("page %d/%zu cut at %zu: the pieces differ from the page written whole", page, i, min);
	for (int k = 0; k <= MD_CUT_END; k++)
		n_cut[k] += g.n_cut[k];
	*whole_len = whole.len;
	buf_release(&whole);
	buf_release(&g.all);
	buf_release(&s.md);
	buf_release(&s.head);
	return g.most;
}

/* Every page; of the units' pages, the first (every third unit is under
 * it) and a few more. */
static void S_every_page(const Model *m, size_t min, int *n_cut, size_t *most, size_t *longest)
{
	TrangCtx *c = trang_ctx_new(m);
	const size_t n_of[] = {1, 1, 1, 1, m->n_don_vi < 12 ? m->n_don_vi : 12, m->n_chi_tieu, m->n_nhom};
	for (int page = S_PAGE_REPORT; page <= S_PAGE_NHOM; page++)
		for (size_t i = 0; i < n_of[page]; i++) {
			size_t len, held = S_pieces(m, c, page, i, min, n_cut, &len);
			if (held > *most)
				*most = held;
			if (len > *longest)
				*longest = len;
		}
	trang_ctx_free(c);
}

/* Cut at every point md.h names (min 0), a page's pieces are the page,
 * and each cut stops where md.h says. */
static void test_md_pieces_join_to_the_page(void **state)
{
	Model m;
	assert_int_equal(fx_model_big(&m, 60), 0);
	int n_cut[MD_CUT_END + 1] = {0};
	size_t most = 0, longest = 0;
	S_every_page(&m, 0, n_cut, &most, &longest);
	/* every kind of cut happened */
	for (int k = MD_CUT_BLOCKS; k <= MD_CUT_END; k++)
		if (!n_cut[k])
			fail_msg("no cut of kind %d", k);
	/* a Buf other than the sink's is never cut */
	S_Got g;
	memset(&g, 0, sizeof g);
	MdSink s = {.min = 0, .cut = S_got_cut, .arg = &g};
	buf_init(&s.md);
	buf_init(&s.head);
	Buf other;
	buf_init(&other);
	md_sink_begin(&s);
	md_trang_du_lieu(&other, &m);
	md_sink_end();
	for (int k = 0; k <= MD_CUT_END; k++)
		assert_int_equal(g.n_cut[k], 0);
	assert_true(other.len > 0);
	buf_release(&other);
	buf_release(&s.md);
	buf_release(&s.head);
	model_release(&m);
	assert_int_equal(fx_model(&m), 0);
	S_every_page(&m, 0, n_cut, &most, &longest);
	model_release(&m);
}

/* The point of the pieces: however many units, a sink never holds much
 * more than its min, while the pages themselves grow with the units. */
static void test_md_pieces_bounded(void **state)
{
	enum { MIN = 4096 };
	size_t most_small = 0, most_big = 0, longest_small = 0, longest_big = 0;
	int n_cut[MD_CUT_END + 1] = {0};
	Model m;
	assert_int_equal(fx_model_big(&m, 100), 0);
	S_every_page(&m, MIN, n_cut, &most_small, &longest_small);
	model_release(&m);
	assert_int_equal(fx_model_big(&m, 3000), 0);
	S_every_page(&m, MIN, n_cut, &most_big, &longest_big);
	model_release(&m);
	assert_true(longest_big > 10 * longest_small);
	assert_true(longest_big > 50 * MIN);
	/* min and one row or item past it (a row here is under 1 KB) */
	if (most_big > MIN + 1024 || most_small > MIN + 1024)
		fail_msg("a sink held %zu / %zu bytes, cutting at %d", most_small, most_big, MIN);
}

/* md_report_file writes md_report's bytes. */
static void test_bao_cao_md_file(void **state)
{
	Model m;
	assert_int_equal(fx_model_big(&m, 2000), 0);
	Buf want;
	buf_init(&want);
	bao_cao_md(&want, &m, "charts/");
	char path[] = "/tmp/chitieu-test-md.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	char *err = NULL;
	assert_int_equal(bao_cao_md_file(&m, path, "charts/", &err), 0);
	Buf got;
	buf_init(&got);
	assert_int_equal(buf_read_file(&got, path), 0);
	unlink(path);
	assert_true(want.len > 200 * 1024); /* more than one piece */
	assert_int_equal(got.len, want.len);
	assert_memory_equal(got.ptr, want.ptr, want.len);
	/* a folder that is not there: the message names the file */
	assert_int_equal(bao_cao_md_file(&m, "/nonexistent-dir/bao-cao.md", "charts/", &err), -1);
	assert_non_null(strstr(err, "/nonexistent-dir/bao-cao.md"));
	free(err);
	buf_release(&got);
	buf_release(&want);
	model_release(&m);
}

/* doc.h's links, pictures, column alignment and figures without a
 * caption, as the Markdown writer writes them and cmark-gfm renders
 * them: the text escaped, the link kept. */
static void test_md_doc_links(void **state)
{
	Buf b;
	buf_init(&b);
	DocWriter *w = xuat_md_writer(&b, "../charts/");
	DocBlock k;
	doc_block_init(&k, DOC_HEADING);
	k.level = 2;
	doc_add(&k.inl, 0, "Nhóm ");
	doc_add_link(&k.inl, DOC_BOLD, "Sở *A* [1]", "../nhom/so.html");
	w->put(w, &k);
	doc_block_release(&k);
	doc_block_init(&k, DOC_PARA);
	doc_add(&k.inl, 0, "Xem ");
	doc_add_link(&k.inl, DOC_BOLD, "trang 2", "../du-lieu.html");
	doc_add(&k.inl, 0, ".");
	doc_add_link(&k.inl, 0, "", "nowhere.html"); /* empty: nothing */
	w->put(w, &k);
	doc_block_release(&k);
	doc_block_init(&k, DOC_ITEM);
	doc_add_image(&k.inl, "Chỉ tiêu 1: xu_hướng", "chi-tieu-1", "../chi-tieu/1.html");
	w->put(w, &k);
	doc_block_release(&k);
	DocCell head[2] = {{.colspan = 1, .rowspan = 1}, {.colspan = 1, .rowspan = 1}};
	doc_inl_init(&head[0].inl);
	doc_inl_init(&head[1].inl);
	doc_add(&head[0].inl, DOC_BOLD, "Đơn vị");
	doc_add_link(&head[1].inl, DOC_BOLD, "DVC|1", "../chi-tieu/1.html");
	static const DocAlign al[2] = {DOC_AL_LEFT, DOC_AL_RIGHT};
	doc_block_init(&k, DOC_TABLE);
	k.n_col = 2;
	k.head = head;
	k.n_head = 1;
	k.col_align = al;
	w->put(w, &k);
	doc_inl_release(&head[0].inl);
	doc_inl_release(&head[1].inl);
	k.kind = DOC_TABLE_END;
	w->put(w, &k);
	doc_block_init(&k, DOC_FIGURE);
	k.flags = DOC_F_ALT;
	k.line[0] = "don-vi-xa-a";
	doc_add(&k.inl, 0, "Biểu đồ: UBND xã A");
	w->put(w, &k);
	doc_block_release(&k);
	xuat_md_writer_free(w);
	assert_non_null(strstr(b.ptr, "### Nhóm [Sở \\*A\\* \\[1\\]](../nhom/so.html)\n"));
	assert_non_null(strstr(b.ptr, "Xem **[trang 2](../du-lieu.html)**.\n"));
	assert_null(strstr(b.ptr, "nowhere"));
	assert_non_null(strstr(b.ptr, "- [![Chỉ tiêu 1: xu\\_hướng](../charts/chi-tieu-1.svg)](../chi-tieu/1.html)\n"));
	assert_non_null(strstr(b.ptr, "| Đơn vị | [DVC\\|1](../chi-tieu/1.html) |\n|---|---:|\n"));
	assert_non_null(strstr(b.ptr, "![Biểu đồ: UBND xã A](../charts/don-vi-xa-a.svg)\n"));
	assert_null(strstr(b.ptr, "*Biểu đồ")); /* no caption */
	char *html = S_html(b.ptr);
	assert_non_null(strstr(html, "<h3>Nhóm <a href=\"../nhom/so.html\">Sở *A* [1]</a></h3>"));
	assert_non_null(strstr(html, "<strong><a href=\"../du-lieu.html\">trang 2</a></strong>"));
	assert_non_null(strstr(html, "<a href=\"../chi-tieu/1.html\"><img src=\"../charts/chi-tieu-1.svg\" "
	                             "alt=\"Chỉ tiêu 1: xu_hướng\" /></a>"));
	assert_non_null(strstr(html, "<th align=\"right\"><a href=\"../chi-tieu/1.html\">DVC|1</a></th>"));
	free(html);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_md_escape_hostile_paragraph),
	    cmocka_unit_test(test_md_escape_hostile_blocks),
	    cmocka_unit_test(test_md_escape_null_and_empty),
	    cmocka_unit_test(test_md_page_file_names),
	    cmocka_unit_test(test_md_doc_links),
	    cmocka_unit_test(test_md_report_content),
	    cmocka_unit_test(test_md_report_lists_units),
	    cmocka_unit_test(test_md_trang_chi_tieu_sorted),
	    cmocka_unit_test(test_md_trang_chu_ranking),
	    cmocka_unit_test(test_md_trang_du_lieu),
	    cmocka_unit_test(test_md_ctx_matches_rank_hang),
	    cmocka_unit_test(test_md_pieces_join_to_the_page),
	    cmocka_unit_test(test_md_pieces_bounded),
	    cmocka_unit_test(test_bao_cao_md_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
