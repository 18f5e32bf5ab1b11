/* SPDX-License-Identifier: MIT */
/* site: the static intranet site.  Every page is a document built by its
 * builder (trang.h, trang_han.h, trang_lich_su.h; the report's page:
 * bao_cao.h) and written as Markdown by the Markdown writer (xuat.h),
 * rendered in-process by cmark-gfm (gfm.h, the only file that includes
 * it) with its table extension and safe mode on, then set into the page
 * shell of templates/page.html.  A page is rendered and written a piece
 * at a time as the writer hands it over (mdbuf.h's sink), so memory does
 * not grow with the units.
 * The CSS and the script (bang.js: sorting, filtering) of templates/ and
 * the run's SVG charts are copied in, so the site is self-contained and
 * all its links relative. */
#include "site.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xuat.h"
#include "buf.h"
#include "fmt.h"
#include "gfm.h"
#include "lich_su.h"
#include "msg.h"
#include "mdbuf.h"
#include "out.h"
#include "rank.h"
#include "soan.h"
#include "trang.h"
#include "trang_han.h"
#include "trang_lich_su.h"
#include "xalloc.h"

#ifndef CHITIEU_VERSION
#define CHITIEU_VERSION "unknown"
#endif

/* ---- files ------------------------------------------------------------ */

static int S_read_file(const char *path, Buf *b, char **err)
{
	if (buf_read_file(b, path)) {
		*err = xasprintf(_("cannot read '%s': %s"), path, strerror(errno));
		return -1;
	}
	return 0;
}

static int S_mkdir(const char *path, char **err)
{
	if (mkdir(path, 0777) && errno != EEXIST) {
		*err = xasprintf(_("cannot create the folder '%s': %s"), path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Copies from to to.  A file of this run's own (a chart, a PDF: run = 1)
 * gets a second name instead, when it can: 10,000 units' charts and
 * scorecards are some 500 MB not to copy.  Never a template: a later edit
 * of it would change the published site. */
static int S_copy(const char *from, const char *to, int run, char **err)
{
	struct stat st;
	if (run && lstat(from, &st) == 0 && S_ISREG(st.st_mode) && link(from, to) == 0)
		return 0;
	Buf b;
	buf_init(&b);
	int rc = S_read_file(from, &b, err);
	if (!rc)
		rc = out_write_file(to, b.ptr, b.len, err);
	buf_release(&b);
	return rc;
}

static int S_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

static int S_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Copies the regular files of dir named *suffix into to/, in name order
 * (a stable order keeps runs reproducible).  A missing dir copies nothing
 * when optional; run as for S_copy. */
static int S_copy_all(const char *dir, const char *suffix, const char *to, int optional, int run,
                      char **err)
{
	DIR *d = opendir(dir);
	if (!d) {
		if (optional && errno == ENOENT)
			return 0;
		*err = xasprintf(_("cannot read the folder '%s': %s"), dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !S_ends_with(e->d_name, suffix))
			continue;
		names = xgrow(names, &cap, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n) /* names is NULL then, which qsort may not take */
		qsort(names, n, sizeof *names, S_cmp_str);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		char *from = xasprintf("%s/%s", dir, names[i]);
		char *dest = xasprintf("%s/%s", to, names[i]);
		struct stat st;
		if (!rc && !stat(from, &st) && S_ISREG(st.st_mode))
			rc = S_copy(from, dest, run, err);
		free(from);
		free(dest);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* ---- HTML --------------------------------------------------------------- */

/* Appends to b s[0, len) with every occurrence of from[i] replaced by
 * to[i]. */
static void S_replace(Buf *b, const char *s, size_t len, const char *const *from, const char *const *to,
                      size_t n)
{
	const char *end = s + len;
	while (s < end) {
		size_t i;
		for (i = 0; i < n; i++) {
			size_t k = strlen(from[i]);
			if (*s == from[i][0] && k <= (size_t)(end - s) && !memcmp(s, from[i], k)) {
				buf_puts(b, to[i]);
				s += k;
				break;
			}
		}
		if (i == n)
			buf_putc(b, *s++);
	}
}

/* The class of a cell that starts with a symbol of the one legend
 * (fmt_ky_hieu): a verdict ("● Đạt"), a matrix cell ("● 81,15", "?"), or
 * "–" alone (the target does not apply); NULL for any other cell.
 * *sym gets the symbol's length. */
static const char *S_cell_class(const char *p, const char *end, size_t *sym)
{
	static const char *const cls[5] = {"dat", "chua-dat", "khong-phat-sinh", "chua-bao-cao",
	                                   "khong-ap-dung"};
	for (int i = 0; i < 5; i++) {
		const char *k = fmt_ky_hieu(i);
		size_t n = strlen(k);
		if ((size_t)(end - p) <= n || memcmp(p, k, n))
			continue;
		char next = p[n];
		if (next == '<' || (next == ' ' && i != FMT_KHONG_AP_DUNG)) {
			*sym = n;
			return cls[i];
		}
	}
	return NULL;
}

/* Appends html[0, len) to out as the site shows it.  Tables scroll inside
 * their own box on a phone, not the page, a box the keyboard can reach
 * (tabindex) to scroll it; every cell that shows a state of the one
 * legend gets its class ("dg dat", …, for colour: the symbol and word
 * carry the meaning) and, right-aligned (a matrix's cells), "o" for the
 * compact look.  "<table>" and "<td" can only come from the renderer:
 * data text has its '<' escaped. */
static void S_post(Buf *out, const char *html, size_t len)
{
	const char *p = html, *end = html + len;
	while (p < end) {
		if (*p == '<' && end - p >= 7 && !memcmp(p, "<table>", 7)) {
			buf_puts(out, "<div class=\"bang\" tabindex=\"0\"><table>");
			p += 7;
			continue;
		}
		/* a chart alone in its paragraph: a box the keyboard can reach
		 * to scroll it on a phone, where it keeps its drawn size */
		if (*p == '<' && end - p >= 8 && !memcmp(p, "<p><img ", 8)) {
			buf_puts(out, "<p class=\"hinh\" tabindex=\"0\"><img ");
			p += 8;
			continue;
		}
		if (*p == '<' && end - p >= 8 && !memcmp(p, "</table>", 8)) {
			buf_puts(out, "</table></div>");
			p += 8;
			continue;
		}
		if (*p == '<' && end - p >= 4 && !memcmp(p, "<td", 3) && (p[3] == '>' || p[3] == ' ')) {
			const char *gt = memchr(p, '>', (size_t)(end - p));
			size_t sym;
			const char *c = gt ? S_cell_class(gt + 1, end, &sym) : NULL;
			if (c) {
				int right = memmem(p, (size_t)(gt - p), "align=\"right\"", 13) != NULL;
				buf_add(out, p, (size_t)(gt - p));
				buf_printf(out, " class=\"dg %s%s\">", c, right ? " o" : "");
				p = gt + 1;
				continue;
			}
		}
		const char *lt = memchr(p + 1, '<', (size_t)(end - p - 1));
		if (!lt)
			lt = end;
		buf_add(out, p, (size_t)(lt - p));
		p = lt;
	}
}

/* Pieces of a page are written as the writer hands them over, not kept:
 * a page listing 10,000 units is some 10 MB of HTML and ten times that
 * in cmark's tree.  Rendered this many bytes of Markdown at a time. */
size_t site_piece = 64 * 1024;

typedef struct {
	const Model *m;
	const char *site_dir;
	Buf shell;   /* templates/page.html */
	Buf html;    /* the piece being written */
	char *period; /* the period words, plain text */
	TrangCtx *ctx; /* shared by the pages */
	/* the page being written */
	MdSink sink;  /* its Markdown not yet rendered */
	DocWriter *w; /* the Markdown writer appending to sink.md */
	FILE *fp;
	char *path;
	char *rel;    /* its path in the site, "don-vi/x.html" */
	int open;     /* MD_CUT_* the last piece stopped inside, 0 none */
	Buf open_head; /* that table's header lines */
	Buf text;     /* scratch: open_head and the piece */
	char *bad;    /* a piece that could not be cut as mdbuf.h says */
	const char *rest; /* the shell after {{body}} */
	long body_at, body_len;
} Site;

/* What a table or list cut inside opens and closes with in cmark-gfm's
 * HTML: "<tbody>\n" ends a table's opening. */
static const char *S_opening(int kind)
{
	return kind == MD_CUT_TABLE ? "<tbody>\n" : "<ul>\n";
}

static const char *S_closing(int kind)
{
	return kind == MD_CUT_TABLE ? "</tbody>\n</table>\n" : "</ul>\n";
}

static void S_emit(Site *s, const char *html, size_t len)
{
	buf_reset(&s->html);
	S_post(&s->html, html, len);
	fwrite(s->html.ptr, 1, s->html.len, s->fp);
}

/* The sink's cut: renders and writes s->sink.md.  A piece that goes on
 * with what the last stopped inside is rendered after that table's
 * header lines (a table) or alone (a list, a paragraph), then loses the
 * opening cmark gives it; a piece that stops inside loses the closing. */
static void S_piece(MdSink *k, int kind)
{
	Site *s = k->arg;
	if (kind == MD_CUT_END && !k->md.len) {
		const char *c = s->open ? S_closing(s->open) : "";
		S_emit(s, c, strlen(c));
		s->open = 0;
		return;
	}
	const char *md = k->md.ptr;
	size_t len = k->md.len;
	if (s->open == MD_CUT_TABLE) {
		buf_reset(&s->text);
		buf_add(&s->text, s->open_head.ptr, s->open_head.len);
		buf_add(&s->text, k->md.ptr, k->md.len);
		md = s->text.ptr;
		len = s->text.len;
	}
	char *html = gfm_html(md, len);
	const char *a = html, *z = html + strlen(html);
	if (s->open) {
		const char *o = S_opening(s->open);
		const char *at = s->open == MD_CUT_TABLE ? strstr(a, o) : !strncmp(a, o, strlen(o)) ? a : NULL;
		if (at)
			a = at + strlen(o);
		else if (!s->bad)
			s->bad = xasprintf(_("the page '%s' was cut where it could not go on (after '%s'): this is a bug in chitieu"),
			                   s->path, o);
	}
	int inside = kind == MD_CUT_TABLE || kind == MD_CUT_LIST;
	if (inside) {
		const char *c = S_closing(kind);
		size_t n = strlen(c);
		if ((size_t)(z - a) >= n && !memcmp(z - n, c, n))
			z -= n;
		else if (!s->bad)
			s->bad = xasprintf(_("the page '%s' was cut where it could not end (before '%s'): this is a bug in chitieu"),
			                   s->path, c);
	}
	S_emit(s, a, (size_t)(z - a));
	gfm_free(html);
	buf_reset(&k->md);
	s->open = inside ? kind : 0;
	if (kind == MD_CUT_TABLE) {
		buf_reset(&s->open_head);
		buf_add(&s->open_head, k->head.ptr, k->head.len);
	}
}

/* {{tam_tinh}}: the provisional banner of every page, a comment when the
 * figures are complete.  data-so-don-vi (or the comment) is what the
 * archive (site_archive) reads back from the period's index. */
static void S_tam_tinh(Buf *b, const Model *m, const char *root)
{
	if (!m->n_thieu) {
		/* for the archive: complete, as opposed to a page made before
		 * pages said either */
		buf_puts(b, "<!-- chitieu: so-lieu-du -->");
		return;
	}
	Buf w;
	buf_init(&w);
	fmt_tam_tinh(&w, m->n_thieu, 0);
	buf_printf(b, "<p class=\"tam-tinh\" role=\"note\" data-so-don-vi=\"%zu\"><strong>", m->n_thieu);
	buf_puts_xml(b, w.ptr);
	buf_printf(b, "</strong>, xem trang <a href=\"%sdu-lieu.html\">Chất lượng số liệu</a>.</p>", root);
	buf_release(&w);
}

/* A period folder of the output root: its period and its name. */
typedef struct {
	Ky ky;
	char name[16];
} S_Ky;

/* One link of the navigation between periods: to page rel of period k
 * when outroot/<k>/site/<rel> exists (outroot NULL: never known), else to
 * k's index. */
static void S_nav_link(Buf *b, const char *outroot, const S_Ky *k, const char *rel, const char *root,
                       int sau)
{
	int same = 0;
	if (outroot) {
		char *p = xasprintf("%s/%s/site/%s", outroot, k->name, rel);
		struct stat st;
		same = !stat(p, &st) && S_ISREG(st.st_mode);
		free(p);
	}
	Buf w;
	buf_init(&w);
	fmt_ky_cu(&w, k->ky);
	buf_printf(b, "<a href=\"%s../../%s/site/%s\" rel=\"%s\">%s", root, k->name,
	           same ? rel : "index.html", sau ? "next" : "prev", sau ? "Kỳ sau: " : "← Kỳ trước: ");
	buf_puts_xml(b, w.ptr);
	buf_puts(b, same ? "" : " (trang chủ)");
	buf_puts(b, sau ? " →</a>" : "</a>");
	buf_release(&w);
}

/* {{cac_ky}}: the navigation between the periods of the output root, on
 * one line so site_cac_ky() can refresh it when a later run adds a
 * period: the same page of the previous and next period (truoc, sau; NULL
 * for none) and the archive (<root>/../../index.html).  Relative links,
 * two folders above the site. */
static void S_nav(Buf *b, const char *outroot, const S_Ky *truoc, const S_Ky *sau, const char *rel)
{
	const char *root = strchr(rel, '/') ? "../" : "";
	if (!truoc && !sau) {
		/* the only period: a place for the links a later run adds */
		buf_puts(b, "<nav class=\"cac-ky\" aria-label=\"Các kỳ báo cáo\" hidden></nav>");
		return;
	}
	buf_puts(b, "<nav class=\"cac-ky\" aria-label=\"Các kỳ báo cáo\">");
	if (truoc) {
		S_nav_link(b, outroot, truoc, rel, root, 0);
		buf_putc(b, ' ');
	}
	buf_printf(b, "<a href=\"%s../../index.html\">Các kỳ báo cáo</a>", root);
	if (sau) {
		buf_putc(b, ' ');
		S_nav_link(b, outroot, sau, rel, root, 1);
	}
	buf_puts(b, "</nav>");
}

/* The build's navigation: the periods the history found (their index
 * pages); site_cac_ky() turns them into links to the same page once the
 * run is in place. */
static void S_cac_ky(Buf *b, const Model *m, const char *rel)
{
	const LichSu *ls = &m->ls;
	const KyCu *truoc = NULL, *sau = NULL;
	for (size_t i = 0; i < ls->n_ky; i++) {
		int c = ky_cmp(ls->ky[i].ky, m->cua_so.ky);
		if (c < 0)
			truoc = &ls->ky[i];
		else if (c > 0 && !sau)
			sau = &ls->ky[i];
	}
	S_Ky t, s;
	if (truoc) {
		t.ky = truoc->ky;
		snprintf(t.name, sizeof t.name, "%s", truoc->ten);
	}
	if (sau) {
		s.ky = sau->ky;
		snprintf(s.name, sizeof s.name, "%s", sau->ten);
	}
	S_nav(b, NULL, truoc ? &t : NULL, sau ? &s : NULL, rel);
}

/* Writes the shell from *at up to its next {{body}} (set after it) or
 * its end (*at NULL), with the other placeholders filled. */
static void S_shell(Site *s, const char **at, const char *title, const char *root, const char *rel)
{
	const char *p = *at, *end = s->shell.ptr + s->shell.len;
	const char *body = NULL;
	for (const char *q = p; q + 8 <= end; q++)
		if (!memcmp(q, "{{body}}", 8)) {
			body = q;
			break;
		}
	Buf t, ky;
	buf_init(&t);
	buf_init(&ky);
	buf_puts_xml(&t, title);
	buf_puts_xml(&ky, s->period);
	Buf tt, nav;
	buf_init(&tt);
	buf_init(&nav);
	S_tam_tinh(&tt, s->m, root);
	S_cac_ky(&nav, s->m, rel);
	Buf cg;
	buf_init(&cg);
	fmt_chu_giai(&cg);
	const char *from[7] = {"{{title}}", "{{root}}", "{{ky}}", "{{tam_tinh}}", "{{cac_ky}}",
	                       "{{phien_ban}}", "{{chu_giai}}"};
	const char *to[7] = {t.ptr, root, ky.ptr, tt.ptr, nav.ptr, CHITIEU_VERSION, cg.ptr};
	buf_reset(&s->html);
	S_replace(&s->html, p, (size_t)((body ? body : end) - p), from, to, 7);
	buf_release(&cg);
	fwrite(s->html.ptr, 1, s->html.len, s->fp);
	buf_release(&t);
	buf_release(&ky);
	buf_release(&tt);
	buf_release(&nav);
	*at = body ? body + 8 : NULL;
}

/* Starts site_dir/rel: the shell up to {{body}}; the page's Markdown then
 * goes into s->sink.md, and S_page_end finishes it. */
static int S_page_begin(Site *s, const char *rel, const char *root, const char *title, char **err)
{
	free(s->path);
	s->path = xasprintf("%s/%s", s->site_dir, rel);
	free(s->rel);
	s->rel = xstrdup(rel);
	s->fp = out_open_file(s->path, err);
	if (!s->fp)
		return -1;
	s->open = 0;
	buf_reset(&s->sink.md);
	s->rest = s->shell.ptr;
	S_shell(s, &s->rest, title, root, rel);
	s->body_at = ftell(s->fp);
	md_sink_begin(&s->sink);
	s->w = xuat_md_writer(&s->sink.md, *root ? "../charts/" : "charts/");
	return 0;
}

/* A second {{body}} in a template: the body again, read back from the
 * page written so far. */
static void S_body_again(Site *s)
{
	FILE *in = fopen(s->path, "rb");
	char chunk[8192];
	long left = s->body_len;
	fflush(s->fp);
	if (!in || fseek(in, s->body_at, SEEK_SET)) {
		if (!s->bad)
			s->bad = xasprintf(_("cannot read back '%s': %s"), s->path, strerror(errno));
		if (in)
			fclose(in);
		return;
	}
	while (left > 0) {
		size_t n = fread(chunk, 1, left < (long)sizeof chunk ? (size_t)left : sizeof chunk, in);
		if (!n)
			break;
		fwrite(chunk, 1, n, s->fp);
		left -= (long)n;
	}
	fclose(in);
}

static int S_page_end(Site *s, const char *title, const char *root, char **err)
{
	xuat_md_writer_free(s->w);
	s->w = NULL;
	S_piece(&s->sink, MD_CUT_BLOCKS);
	md_sink_end();
	s->body_len = ftell(s->fp) - s->body_at;
	while (s->rest) {
		S_shell(s, &s->rest, title, root, s->rel);
		if (s->rest)
			S_body_again(s);
	}
	int rc = out_close_file(s->fp, s->path, err);
	s->fp = NULL;
	if (!rc && s->bad) {
		*err = s->bad;
		s->bad = NULL;
		rc = -1;
	}
	return rc;
}

/* Files of the run beside charts/ that the intranet offers for download. */
static const char *const S_tai_ve[] = {"bao-cao.pdf", "bao-cao.docx", "the-diem.pdf", "bao-cao.md",
                                       "cong-van-don-doc.pdf", "cong-van-don-doc.docx",
                                       "cong-van-don-doc.md", "ket-qua.csv", "han.csv"};

static int S_downloads(Site *s, const char *charts_dir, char **err)
{
	char *run = xstrdup(charts_dir);
	char *slash = strrchr(run, '/');
	Soan k;
	soan_init(&k, s->w);
	size_t n = 0;
	int rc = 0;
	if (slash)
		*slash = '\0';
	else
		strcpy(run, ".");
	for (size_t i = 0; !rc && i < sizeof S_tai_ve / sizeof *S_tai_ve; i++) {
		char *from = xasprintf("%s/%s", run, S_tai_ve[i]);
		struct stat st;
		if (!stat(from, &st) && S_ISREG(st.st_mode)) {
			if (!n++) {
				char *dir = xasprintf("%s/tai-ve", s->site_dir);
				rc = S_mkdir(dir, err);
				free(dir);
				soan_heading(&k, 1, "Tải về");
			}
			char *to = xasprintf("%s/tai-ve/%s", s->site_dir, S_tai_ve[i]);
			if (!rc)
				rc = S_copy(from, to, 1, err);
			free(to);
			soan_item(&k);
			soan_link(&k, S_tai_ve[i], "tai-ve/%s", S_tai_ve[i]);
			soan_put(&k);
		}
		free(from);
	}
	soan_block(&k, DOC_END);
	soan_put(&k);
	soan_release(&k);
	free(run);
	return rc;
}

/* The state every page shares; 0, or -1 with *err (s released). */
static int S_open(Site *s, const Model *m, const char *site_dir, const char *templates_dir, char **err)
{
	memset(s, 0, sizeof *s);
	s->m = m;
	s->site_dir = site_dir;
	s->ctx = trang_ctx_new(m);
	buf_init(&s->shell);
	buf_init(&s->html);
	buf_init(&s->sink.md);
	buf_init(&s->sink.head);
	s->sink.min = site_piece;
	s->sink.cut = S_piece;
	s->sink.arg = s;
	buf_init(&s->open_head);
	buf_init(&s->text);
	Buf w;
	buf_init(&w);
	fmt_cua_so(&w, &m->cua_so);
	s->period = buf_detach(&w, NULL);
	char *path = xasprintf("%s/page.html", templates_dir);
	int rc = S_read_file(path, &s->shell, err);
	free(path);
	if (rc) {
		char *why = *err;
		*err = xasprintf(_("the site's page template is missing (%s); run chitieu from its source "
		                   "folder or give --templates DIR"),
		                 why);
		free(why);
	}
	return rc;
}

static void S_close(Site *s)
{
	if (s->fp) {
		/* a page left half-written by a failure: the run fails anyway */
		md_sink_end();
		fclose(s->fp);
	}
	xuat_md_writer_free(s->w);
	free(s->period);
	free(s->path);
	free(s->rel);
	free(s->bad);
	trang_ctx_free(s->ctx);
	buf_release(&s->shell);
	buf_release(&s->html);
	buf_release(&s->sink.md);
	buf_release(&s->sink.head);
	buf_release(&s->open_head);
	buf_release(&s->text);
}

/* s as a JavaScript string literal's body: quotes, backslashes, control
 * characters, '<' (no "</script>") and U+2028/2029 escaped. */
static void S_js_string(Buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p == '<' || *p == 0x7f)
			buf_printf(b, "\\u%04x", *p);
		else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			buf_printf(b, "\\u%04x", p[2] == 0xa8 ? 0x2028 : 0x2029);
			p += 2;
		} else
			buf_putc(b, (char)*p);
	}
}

/* tim-kiem.js: every unit of the province for the search box of the page
 * shell (bang.js loads it only when the box is used, as a script, so it
 * works from file:// too): [code, name for people, parent's name, group],
 * in display order. */
static int S_tim_kiem(const Model *m, const char *site_dir, char **err)
{
	Buf b;
	buf_init(&b);
	buf_puts(&b, "/* chitieu: the units for the search box (bang.js) */\n"
	             "window.chitieuDonVi = [\n");
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = m->thu_tu_don_vi ? (size_t)m->thu_tu_don_vi[i] : i;
		const DonVi *dv = &m->don_vi[u];
		if (!model_code_ok(dv->ma))
			continue;
		buf_puts(&b, "[\"");
		S_js_string(&b, dv->ma);
		buf_puts(&b, "\",\"");
		S_js_string(&b, model_ten_don_vi(m, u));
		buf_puts(&b, "\",\"");
		if (dv->thuoc >= 0)
			S_js_string(&b, model_ten_don_vi(m, (size_t)dv->thuoc));
		buf_puts(&b, "\",\"");
		if (dv->nhom >= 0)
			S_js_string(&b, m->nhom[dv->nhom].ten);
		buf_puts(&b, "\"],\n");
	}
	buf_puts(&b, "];\n");
	char *path = xasprintf("%s/tim-kiem.js", site_dir);
	int rc = -1;
	FILE *fp = out_open_file(path, err);
	if (fp) {
		fwrite(b.ptr, 1, b.len, fp);
		rc = out_close_file(fp, path, err);
	}
	free(path);
	buf_release(&b);
	return rc;
}

int site_write_pages(const Model *m, const char *site_dir, const char *charts_dir,
                     const char *templates_dir, char **err)
{
	Site s;
	char *path = NULL, *title = NULL, *rel = NULL;
	int rc = -1;

	if (S_open(&s, m, site_dir, templates_dir, err))
		goto out;
	static const char *const dirs[] = {"", "/charts", "/don-vi", "/chi-tieu", "/nhom", "/dia-ban"};
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		free(path);
		path = xasprintf("%s%s", site_dir, dirs[i]);
		if (S_mkdir(path, err))
			goto out;
	}
	if (S_copy_all(templates_dir, ".css", site_dir, 0, 0, err) ||
	    S_copy_all(templates_dir, ".js", site_dir, 0, 0, err) || S_tim_kiem(m, site_dir, err))
		goto out;
	free(path);
	path = xasprintf("%s/charts", site_dir);
	if (S_copy_all(charts_dir, ".svg", path, 1, 1, err))
		goto out;

	free(title);
	title = xasprintf("Báo cáo — %s", s.period);
	if (S_page_begin(&s, "bao-cao.html", "", title, err))
		goto out;
	bao_cao_md(&s.sink.md, m, "charts/");
	if (S_page_end(&s, title, "", err))
		goto out;

	free(title);
	title = xasprintf("Chất lượng số liệu — %s", s.period);
	if (S_page_begin(&s, "du-lieu.html", "", title, err))
		goto out;
	trang_du_lieu(s.w, m);
	if (S_page_end(&s, title, "", err))
		goto out;

	free(title);
	title = xasprintf("Điều chỉnh số liệu — %s", s.period);
	if (S_page_begin(&s, "dieu-chinh.html", "", title, err))
		goto out;
	trang_dieu_chinh(s.w, m);
	if (S_page_end(&s, title, "", err))
		goto out;

	free(title);
	title = xasprintf("Tiến độ công bố thủ tục hành chính — %s", s.period);
	if (S_page_begin(&s, "han.html", "", title, err))
		goto out;
	trang_han(s.w, m);
	if (S_page_end(&s, title, "", err))
		goto out;

	for (size_t u = 0; u < m->n_don_vi; u++) {
		/* Page names only from validated codes. */
		if (!model_code_ok(m->don_vi[u].ma))
			continue;
		free(title);
		free(rel);
		title = xasprintf("%s — %s", model_ten_don_vi(m, u), s.period);
		rel = xasprintf("don-vi/%s.html", m->don_vi[u].ma);
		if (S_page_begin(&s, rel, "../", title, err))
			goto out;
		trang_don_vi(s.w, m, s.ctx, u);
		if (S_page_end(&s, title, "../", err))
			goto out;
		if (!trang_co_con(s.ctx, u))
			continue;
		free(title);
		free(rel);
		title = xasprintf("%s: các đơn vị trực thuộc — %s", model_ten_don_vi(m, u), s.period);
		rel = xasprintf("dia-ban/%s.html", m->don_vi[u].ma);
		if (S_page_begin(&s, rel, "../", title, err))
			goto out;
		trang_dia_ban(s.w, m, s.ctx, u);
		if (S_page_end(&s, title, "../", err))
			goto out;
	}
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		free(title);
		free(rel);
		title = xasprintf("Chỉ tiêu %d. %s — %s", m->chi_tieu[t].stt, m->chi_tieu[t].ten, s.period);
		rel = xasprintf("chi-tieu/%d.html", m->chi_tieu[t].stt);
		if (S_page_begin(&s, rel, "../", title, err))
			goto out;
		trang_chi_tieu(s.w, m, t);
		if (S_page_end(&s, title, "../", err))
			goto out;
	}
	for (size_t g = 0; g < m->n_nhom; g++) {
		char *stem = model_nhom_stem(m, g);
		free(title);
		free(rel);
		title = xasprintf("%s — %s", m->nhom[g].ten, s.period);
		rel = xasprintf("nhom/%s.html", stem);
		free(stem);
		if (S_page_begin(&s, rel, "../", title, err))
			goto out;
		trang_nhom(s.w, m, s.ctx, g);
		if (S_page_end(&s, title, "../", err))
			goto out;
	}
	rc = 0;
out:
	free(path);
	free(title);
	free(rel);
	S_close(&s);
	return rc;
}

int site_write_index(const Model *m, const char *site_dir, const char *charts_dir,
                     const char *templates_dir, char **err)
{
	Site s;
	char *title = NULL;
	int rc = -1;

	if (S_open(&s, m, site_dir, templates_dir, err))
		goto out;
	title = xasprintf("Kết quả thực hiện chỉ tiêu — %s", s.period);
	if (S_page_begin(&s, "index.html", "", title, err))
		goto out;
	trang_chu(s.w, m, s.ctx);
	if (S_downloads(&s, charts_dir, err))
		goto out;
	if (S_page_end(&s, title, "", err))
		goto out;
	rc = 0;
out:
	free(title);
	S_close(&s);
	return rc;
}

int site_write(const Model *m, const char *site_dir, const char *charts_dir,
               const char *templates_dir, char **err)
{
	if (site_write_pages(m, site_dir, charts_dir, templates_dir, err))
		return -1;
	return site_write_index(m, site_dir, charts_dir, templates_dir, err);
}

/* ---- the archive -------------------------------------------------------- */

static const char S_archive_head[] =
    "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>Các kỳ báo cáo</title>\n<style>\n"
    "body{font-family:\"Liberation Serif\",\"Times New Roman\",serif;max-width:48rem;"
    "margin:1rem auto;padding:0 1rem;line-height:1.5;color:#111}\n"
    "a{color:#0645ad}table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}\n"
    "</style>\n</head>\n<body>\n<main>\n"
    "<h1>Các kỳ báo cáo</h1>\n";

/* The period folders of root that hold a site, newest first, in *n;
 * NULL with *err set when root cannot be read. */
static S_Ky *S_cac_ky_co(const char *root, size_t *pn, char **err)
{
	KyCu *v;
	long nv = lich_su_cac_ky(root, "site/index.html", &v);
	if (nv < 0) {
		*err = xasprintf(_("cannot read the output folder '%s': %s"), root, strerror(errno));
		return NULL;
	}
	size_t n = (size_t)nv;
	S_Ky *k = xmalloc((n ? n : 1) * sizeof *k);
	for (size_t i = 0; i < n; i++) { /* the latest first */
		k[i].ky = v[n - 1 - i].ky;
		snprintf(k[i].name, sizeof k[i].name, "%s", v[n - 1 - i].ten);
	}
	free(v);
	*pn = n;
	return k;
}

/* Rewrites the period navigation of outroot/<k>/site/<rel> (the line
 * S_nav wrote) when it differs from what the periods present now give;
 * written aside and renamed.  A page without one is left alone. */
static int S_nav_lam_moi(const char *outroot, const S_Ky *k, const S_Ky *truoc, const S_Ky *sau,
                         const char *rel, char **err)
{
	static const char open[] = "<nav class=\"cac-ky\"";
	char *path = xasprintf("%s/%s/site/%s", outroot, k->name, rel);
	Buf page, nav, out;
	buf_init(&page);
	buf_init(&nav);
	buf_init(&out);
	int rc = S_read_file(path, &page, err);
	if (rc)
		goto done;
	const char *a = strstr(page.ptr, open);
	const char *z = a ? strstr(a, "</nav>") : NULL;
	if (!z)
		goto done;
	z += 6;
	S_nav(&nav, outroot, truoc, sau, rel);
	if (nav.len == (size_t)(z - a) && !memcmp(nav.ptr, a, nav.len))
		goto done;
	buf_add(&out, page.ptr, (size_t)(a - page.ptr));
	buf_add(&out, nav.ptr, nav.len);
	buf_add(&out, z, page.len - (size_t)(z - page.ptr));
	rc = out_replace_file(path, out.ptr, out.len, 0, err);
done:
	free(path);
	buf_release(&page);
	buf_release(&nav);
	buf_release(&out);
	return rc;
}

/* Every page of period v[i]'s site: its root and the folders of pages. */
static int S_nav_ky(const char *outroot, const S_Ky *v, size_t n, size_t i, char **err)
{
	static const char *const dirs[] = {"", "don-vi/", "chi-tieu/", "nhom/", "dia-ban/"};
	const S_Ky *sau = i > 0 ? &v[i - 1] : NULL, *truoc = i + 1 < n ? &v[i + 1] : NULL;
	for (size_t j = 0; j < sizeof dirs / sizeof *dirs; j++) {
		char *dir = xasprintf("%s/%s/site/%s", outroot, v[i].name, dirs[j]);
		DIR *d = opendir(dir);
		free(dir);
		if (!d)
			continue;
		struct dirent *e;
		int rc = 0;
		while (!rc && (e = readdir(d))) {
			if (e->d_name[0] == '.' || !S_ends_with(e->d_name, ".html"))
				continue;
			char *rel = xasprintf("%s%s", dirs[j], e->d_name);
			rc = S_nav_lam_moi(outroot, &v[i], truoc, sau, rel, err);
			free(rel);
		}
		closedir(d);
		if (rc)
			return -1;
	}
	return 0;
}

int site_cac_ky(const char *root, const char *ky, char **err)
{
	size_t n;
	S_Ky *v = S_cac_ky_co(root, &n, err);
	if (!v)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		if (strcmp(v[i].name, ky))
			continue;
		/* this period, and the two whose neighbour it may have become */
		rc = S_nav_ky(root, v, n, i, err);
		if (!rc && i > 0)
			rc = S_nav_ky(root, v, n, i - 1, err);
		if (!rc && i + 1 < n)
			rc = S_nav_ky(root, v, n, i + 1, err);
	}
	free(v);
	return rc;
}

int site_archive(const char *root, char **err)
{
	size_t n;
	S_Ky *v = S_cac_ky_co(root, &n, err);
	if (!v)
		return -1;
	Buf b;
	buf_init(&b);
	buf_puts(&b, S_archive_head);
	if (!n)
		buf_puts(&b, "<p>Chưa có kỳ báo cáo nào.</p>\n");
	else {
		Buf w;
		buf_init(&w);
		fmt_ky_cu(&w, v[0].ky);
		buf_printf(&b, "<p class=\"moi-nhat\"><a href=\"%s/site/index.html\">Kỳ mới nhất: ", v[0].name);
		buf_puts_xml(&b, w.ptr);
		buf_puts(&b, "</a></p>\n");
		buf_release(&w);
		buf_puts(&b, "<table>\n<thead><tr><th scope=\"col\">Kỳ báo cáo</th>"
		             "<th scope=\"col\">Chỉ tiêu đạt (toàn tỉnh)</th>"
		             "<th scope=\"col\">Tình trạng số liệu</th></tr></thead>\n<tbody>\n");
	}
	for (size_t i = 0; i < n; i++) {
		const S_Ky *k = &v[i];
		buf_printf(&b, "<tr><td><a href=\"%s/site/index.html\">", k->name);
		Buf words;
		buf_init(&words);
		fmt_ky_cu(&words, k->ky);
		buf_puts_xml(&b, words.ptr);
		buf_puts(&b, "</a></td><td>");
		int dat, tong;
		long thieu;
		lich_su_tom_tat(root, k->name, &dat, &tong, &thieu);
		if (tong >= 0)
			buf_printf(&b, "%d/%d", dat, tong);
		else
			buf_puts(&b, "—");
		buf_puts(&b, "</td><td>");
		buf_reset(&words);
		if (thieu > 0) {
			fmt_tam_tinh(&words, (size_t)thieu, 0);
			buf_puts(&b, "<strong>");
			buf_puts_xml(&b, words.ptr);
			buf_puts(&b, "</strong>");
		} else
			buf_puts(&b, thieu == 0 ? "Đủ số liệu" : "—");
		buf_release(&words);
		buf_puts(&b, "</td></tr>\n");
	}
	if (n)
		buf_puts(&b, "</tbody>\n</table>\n");
	buf_puts(&b, "</main>\n</body>\n</html>\n");
	free(v);

	/* replaced whole: a reader never sees half a page */
	char *final = xasprintf("%s/index.html", root);
	int rc = out_replace_file(final, b.ptr, b.len, 0, err);
	free(final);
	buf_release(&b);
	return rc;
}
