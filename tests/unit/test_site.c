/* SPDX-License-Identifier: MIT */
/* Unit tests of site.c on a model built by hand: every page is there,
 * every internal link and image resolves, nothing points outside the
 * site, data never becomes markup, and the archive page. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "out.h"
#include "site.h"
#include "site_fixture.h"

static char *S_slurp(const char *path)
{
	Buf b;
	buf_init(&b);
	if (buf_read_file(&b, path)) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static int S_exists(const char *dir, const char *rel)
{
	char *p = xasprintf("%s/%s", dir, rel);
	struct stat st;
	int ok = !stat(p, &st) && S_ISREG(st.st_mode);
	free(p);
	return ok;
}

static void S_put(const char *path, const char *text)
{
	char *err = NULL;
	assert_int_equal(out_write_file(path, text, strlen(text), &err), 0);
}

/* A run folder as main.c leaves it before the site: charts/ with an SVG
 * per target and per unit, and a report beside it. */
static char *S_run(const Model *m)
{
	char tmpl[] = "/tmp/chitieu-test-site.XXXXXX";
	char *run = xstrdup(mkdtemp(tmpl));
	char *charts = xasprintf("%s/charts", run);
	assert_int_equal(mkdir(charts, 0777), 0);
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		char *p = xasprintf("%s/chi-tieu-%d.svg", charts, m->chi_tieu[t].stt);
		S_put(p, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>\n");
		free(p);
	}
	for (size_t u = 0; u < m->n_don_vi; u++) {
		char *p = xasprintf("%s/don-vi-%s.svg", charts, m->don_vi[u].ma);
		S_put(p, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>\n");
		free(p);
	}
	char *p = xasprintf("%s/bao-cao.pdf", run);
	S_put(p, "%PDF-1.4\n");
	free(p);
	free(charts);
	return run;
}

/* Checks every href="…" and src="…" of one page: relative, no scheme,
 * and the file it names exists.  Returns the number of links checked. */
static int S_check_links(const char *site, const char *rel)
{
	char *path = xasprintf("%s/%s", site, rel);
	char *html = S_slurp(path);
	assert_non_null(html);
	char *dir = xstrdup(path);
	*strrchr(dir, '/') = '\0';
	int n = 0;
	static const char *const attrs[] = {"href=\"", "src=\""};
	for (int a = 0; a < 2; a++) {
		for (const char *p = strstr(html, attrs[a]); p; p = strstr(p + 1, attrs[a])) {
			p += strlen(attrs[a]);
			const char *end = strchr(p, '"');
			assert_non_null(end);
			char *url = xstrndup(p, (size_t)(end - p));
			if (strstr(url, "://") || url[0] == '/' || !strncmp(url, "//", 2) || strchr(url, ':'))
				fail_msg("%s: link leaves the site: %s", rel, url);
			char *hash = strchr(url, '#');
			if (hash)
				*hash = '\0';
			if (*url && !S_exists(dir, url))
				fail_msg("%s: broken link: %s", rel, url);
			free(url);
			n++;
		}
	}
	assert_null(strstr(html, "url(http"));
	assert_non_null(strstr(html, "<html lang=\"vi\">"));
	free(dir);
	free(html);
	free(path);
	return n;
}

static void test_site_write_pages_and_links(void **state)
{
	Model m;
	assert_int_equal(fx_model(&m), 0);
	char *run = S_run(&m);
	char *site = xasprintf("%s/site", run), *charts = xasprintf("%s/charts", run);
	char *err = NULL;
	int rc = site_write(&m, site, charts, "templates", &err);
	if (rc)
		fail_msg("site_write: %s", err);

	assert_true(S_exists(site, "index.html"));
	assert_true(S_exists(site, "bao-cao.html"));
	assert_true(S_exists(site, "du-lieu.html"));
	assert_true(S_exists(site, "han.html"));
	assert_true(S_exists(site, "style.css"));
	assert_true(S_exists(site, "tai-ve/bao-cao.pdf"));
	int links = 0;
	static const char *const top[] = {"index.html", "bao-cao.html", "du-lieu.html", "han.html"};
	for (size_t i = 0; i < 4; i++)
		links += S_check_links(site, top[i]);
	for (size_t u = 0; u < m.n_don_vi; u++) {
		char *rel = xasprintf("don-vi/%s.html", m.don_vi[u].ma);
		assert_true(S_exists(site, rel));
		links += S_check_links(site, rel);
		free(rel);
	}
	for (size_t t = 0; t < m.n_chi_tieu; t++) {
		char *rel = xasprintf("chi-tieu/%d.html", m.chi_tieu[t].stt);
		assert_true(S_exists(site, rel));
		links += S_check_links(site, rel);
		free(rel);
		rel = xasprintf("charts/chi-tieu-%d.svg", m.chi_tieu[t].stt);
		assert_true(S_exists(site, rel));
		free(rel);
	}
	assert_true(S_exists(site, "nhom/so.html"));
	assert_true(S_exists(site, "nhom/huyen.html"));
	links += S_check_links(site, "nhom/so.html");
	assert_true(links > 50);

	/* The shell: title, the stylesheet from the page's own depth, the
	 * tables in a scrolling box with real header cells. */
	char *p = xasprintf("%s/don-vi/so-a.html", site);
	char *html = S_slurp(p);
	assert_non_null(strstr(html, "<title>Sở Alpha — "));
	assert_non_null(strstr(html, "href=\"../style.css\""));
	assert_non_null(strstr(html, "<div class=\"bang\" tabindex=\"0\"><table>"));
	assert_non_null(strstr(html, "<th>"));
	assert_non_null(strstr(html, "src=\"../charts/don-vi-so-a.svg\""));
	assert_non_null(strstr(html, "<td class=\"dg dat\">"));
	free(html);
	free(p);

	/* Data never became markup: the hostile unit's page and the index. */
	static const char *const pages[] = {"don-vi/so-b.html", "index.html", "chi-tieu/1.html", "du-lieu.html"};
	for (size_t i = 0; i < 4; i++) {
		p = xasprintf("%s/%s", site, pages[i]);
		html = S_slurp(p);
		/* one script, the site's own from templates/ */
		const char *sc = strstr(html, "<script");
		assert_non_null(sc);
		static const char up[] = "<script src=\"../bang.js\" defer></script>",
		                  at_top[] = "<script src=\"bang.js\" defer></script>";
		assert_true(!strncmp(sc, up, sizeof up - 1) || !strncmp(sc, at_top, sizeof at_top - 1));
		assert_null(strstr(sc + 1, "<script"));
		assert_null(strstr(html, "<b>"));
		assert_null(strstr(html, "<em>Sở"));
		assert_null(strstr(html, "href=\"http"));
		free(html);
		free(p);
	}
	p = xasprintf("%s/don-vi/so-b.html", site);
	html = S_slurp(p);
	assert_non_null(strstr(html, "<title>*Sở | Beta* &lt;b&gt;x&lt;/b&gt;"));
	free(html);
	free(p);

	out_rmtree(run);
	free(run);
	free(site);
	free(charts);
	free(err);
	model_release(&m);
}

/* CSS from templates/: no request may leave the site. */
static void test_site_css_self_contained(void **state)
{
	char *css = S_slurp("templates/style.css");
	assert_non_null(css);
	assert_null(strstr(css, "http"));
	assert_null(strstr(css, "@import"));
	assert_null(strstr(css, "url("));
	assert_non_null(strstr(css, "@media print"));
	assert_non_null(strstr(css, "overflow: auto"));
	free(css);
	char *shell = S_slurp("templates/page.html");
	assert_non_null(shell);
	assert_null(strstr(shell, "http"));
	/* the one script is the site's own, beside the CSS */
	const char *sc = strstr(shell, "<script");
	assert_non_null(sc);
	static const char ours[] = "<script src=\"{{root}}bang.js\" defer></script>";
	assert_int_equal(strncmp(sc, ours, sizeof ours - 1), 0);
	assert_null(strstr(sc + 1, "<script"));
	assert_non_null(strstr(shell, "lang=\"vi\""));
	free(shell);
	/* it sorts and filters, and nothing else: no request, nothing kept */
	char *js = S_slurp("templates/bang.js");
	assert_non_null(js);
	static const char *const never[] = {"http", "fetch(", "XMLHttpRequest", "import", "eval(",
	                                    "localStorage", "sessionStorage", "indexedDB", "cookie",
	                                    "innerHTML", "WebSocket", "sendBeacon"};
	for (size_t i = 0; i < sizeof never / sizeof *never; i++)
		assert_null(strstr(js, never[i]));
	assert_non_null(strstr(js, "Intl.Collator('vi'"));
	assert_non_null(strstr(js, "aria-sort"));
	free(js);
}

static void test_site_missing_template(void **state)
{
	Model m;
	assert_int_equal(fx_model(&m), 0);
	char *run = S_run(&m);
	char *site = xasprintf("%s/site", run), *charts = xasprintf("%s/charts", run);
	char *err = NULL;
	assert_int_equal(site_write(&m, site, charts, "/nonexistent-templates", &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "--templates"));
	free(err);
	out_rmtree(run);
	free(run);
	free(site);
	free(charts);
	model_release(&m);
}

static void test_site_archive(void **state)
{
	char tmpl[] = "/tmp/chitieu-test-archive.XXXXXX";
	char *root = xstrdup(mkdtemp(tmpl));
	static const char *const kys[] = {"2024-Q1", "2024-Q2", "2023-Q4"};
	for (int i = 0; i < 3; i++) {
		char *d = xasprintf("%s/%s/site", root, kys[i]);
		char *k = xasprintf("%s/%s", root, kys[i]);
		assert_int_equal(mkdir(k, 0777), 0);
		assert_int_equal(mkdir(d, 0777), 0);
		char *f = xasprintf("%s/index.html", d);
		S_put(f, "<html></html>\n");
		free(f);
		free(d);
		free(k);
	}
	/* Not periods, or no site: left out. */
	char *junk = xasprintf("%s/ghi-chu", root);
	assert_int_equal(mkdir(junk, 0777), 0);
	free(junk);
	junk = xasprintf("%s/2024-Q3", root);
	assert_int_equal(mkdir(junk, 0777), 0);
	free(junk);

	char *err = NULL;
	assert_int_equal(site_archive(root, &err), 0);
	char *p = xasprintf("%s/index.html", root);
	char *html = S_slurp(p);
	assert_non_null(html);
	const char *q2 = strstr(html, "href=\"2024-Q2/site/index.html\"");
	const char *q1 = strstr(html, "href=\"2024-Q1/site/index.html\"");
	const char *q4 = strstr(html, "href=\"2023-Q4/site/index.html\"");
	assert_true(q2 && q1 && q4 && q2 < q1 && q1 < q4);
	assert_null(strstr(html, "2024-Q3"));
	assert_null(strstr(html, "ghi-chu"));
	assert_non_null(strstr(html, "lang=\"vi\""));
	/* the newest period first, then each period's row */
	const char *moi = strstr(html, "Kỳ mới nhất");
	assert_true(moi && moi < q1);
	assert_int_equal(S_check_links(root, "index.html"), 4);
	char *tmp = xasprintf("%s/.index.html.%ld.tmp", root, (long)getpid());
	assert_int_equal(access(tmp, F_OK), -1);
	free(tmp);
	free(html);
	free(p);
	out_rmtree(root);
	free(root);
}

/* Every file under a (a folder) is in b with the same bytes.  Returns
 * the number of files. */
static int S_same_tree(const char *a, const char *b)
{
	DIR *d = opendir(a);
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *pa = xasprintf("%s/%s", a, e->d_name), *pb = xasprintf("%s/%s", b, e->d_name);
		struct stat st;
		assert_int_equal(stat(pa, &st), 0);
		if (S_ISDIR(st.st_mode))
			n += S_same_tree(pa, pb);
		else {
			char *sx = S_slurp(pa), *sy = S_slurp(pb);
			if (!sy)
				fail_msg("%s is missing", pb);
			if (strcmp(sx, sy))
				fail_msg("%s and %s differ", pa, pb);
			free(sx);
			free(sy);
			n++;
		}
		free(pa);
		free(pb);
	}
	closedir(d);
	return n;
}

static int S_count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int k = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		k += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return k;
}

/* Pages rendered a piece at a time (at every cut mdbuf.h offers) are the
 * bytes of pages rendered whole: tables, lists and paragraphs cut inside
 * go on seamlessly, hostile names included. */
static void test_site_pieces_same_bytes(void **state)
{
	Model m;
	assert_int_equal(fx_model_big(&m, 120), 0);
	char *run = S_run(&m);
	char *whole = xasprintf("%s/whole", run), *cut = xasprintf("%s/cut", run);
	char *charts = xasprintf("%s/charts", run);
	char *err = NULL;
	size_t keep = site_piece;
	site_piece = (size_t)-1;
	if (site_write(&m, whole, charts, "templates", &err))
		fail_msg("site_write: %s", err);
	site_piece = 0;
	if (site_write(&m, cut, charts, "templates", &err))
		fail_msg("site_write: %s", err);
	site_piece = keep;
	int n = S_same_tree(whole, cut);
	assert_true(n > 120);
	assert_int_equal(S_count_entries(whole), S_count_entries(cut));
	/* the pieces' seams did cut inside tables */
	char *p = xasprintf("%s/bao-cao.html", cut);
	char *html = S_slurp(p);
	assert_non_null(strstr(html, "<div class=\"bang\" tabindex=\"0\"><table>"));
	assert_null(strstr(html, "</tbody>\n</table></div>\n<tr>"));
	free(html);
	free(p);
	out_rmtree(run);
	free(run);
	free(whole);
	free(cut);
	free(charts);
	model_release(&m);
}

/* A page shell may hold {{body}} more than once: each gets the body. */
static void test_site_template_body_twice(void **state)
{
	Model m;
	assert_int_equal(fx_model_big(&m, 40), 0);
	char *run = S_run(&m);
	char *site = xasprintf("%s/site", run), *charts = xasprintf("%s/charts", run);
	char *tpl = xasprintf("%s/tpl", run);
	assert_int_equal(mkdir(tpl, 0777), 0);
	char *page = xasprintf("%s/page.html", tpl);
	S_put(page, "<t>{{title}}</t><a>{{body}}</a>{{root}}<b>{{body}}</b>{{ky}}{{body\n");
	char *err = NULL;
	site_piece = 0;
	int rc = site_write(&m, site, charts, tpl, &err);
	site_piece = 64 * 1024;
	if (rc)
		fail_msg("site_write: %s", err);
	char *p = xasprintf("%s/bao-cao.html", site);
	char *html = S_slurp(p);
	const char *a = strstr(html, "<a>"), *a_end = strstr(html, "</a><b>");
	const char *b = strstr(html, "<b>"), *b_end = strstr(html, "</b>");
	assert_true(a && a_end && b && b_end);
	/* {{root}} is empty at the site's root */
	assert_true(a_end + 4 == b);
	assert_int_equal(a_end - a, b_end - b);
	assert_memory_equal(a + 3, b + 3, (size_t)(a_end - a) - 3);
	assert_true(a_end - a > 10000);
	assert_non_null(strstr(b_end, "{{body\n"));
	free(html);
	free(p);
	out_rmtree(run);
	free(run);
	free(site);
	free(charts);
	free(tpl);
	free(page);
	model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_site_write_pages_and_links),
	    cmocka_unit_test(test_site_css_self_contained),
	    cmocka_unit_test(test_site_missing_template),
	    cmocka_unit_test(test_site_archive),
	    cmocka_unit_test(test_site_pieces_same_bytes),
	    cmocka_unit_test(test_site_template_body_twice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
