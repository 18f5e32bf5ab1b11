/* SPDX-License-Identifier: MIT */
/* md: the model as Markdown (GFM): every page of the site but the report's
 * (bao_cao.c and doc_md.c write bao-cao.md, which the site renders as it
 * is).  Numbers through fmt.c, as the report's, so the two never disagree.
 *
 * Text from data goes through md_escape; numbers only through fmt.h; the
 * only things written raw are our own words, codes already validated as
 * [a-z0-9-]+ and integers. */
#include "md.h"

#include <stdlib.h>
#include <string.h>

#include "bao_cao.h"
#include "doc_md.h"
#include "eval.h"
#include "fmt.h"
#include "han_md.h"
#include "lich_su_md.h"
#include "out.h"
#include "rank.h"
#include "xalloc.h"

#ifndef CHITIEU_VERSION
#define CHITIEU_VERSION "unknown"
#endif

/* Where a page sits: the root prefix of its links, or NULL when the
 * Markdown is the stand-alone report (no site links). */
typedef const char *Root;

int md_safe_code(const char *s, int allow_underscore)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++) {
		char c = *s;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
		      (allow_underscore && c == '_')))
			return 0;
	}
	return 1;
}

char *md_nhom_stem(const Model *m, size_t g)
{
	if (md_safe_code(m->nhom[g].ma, 1))
		return xstrdup(m->nhom[g].ma);
	return xasprintf("nhom-%zu", g + 1);
}

/* ---- small pieces ---------------------------------------------------- */

/* A verdict readable without colour: a symbol and the word. */
static void S_dg(Buf *b, DanhGia dg)
{
	buf_printf(b, "%s %s", fmt_ky_hieu(dg), fmt_danh_gia(dg));
}

static void S_ty_le(Buf *b, const KetQua *k, const ChiTieu *t)
{
	if (k->dg == DG_CHUA_BAO_CAO || k->d == 0) {
		buf_puts(b, "—");
		return;
	}
	fmt_ty_le(b, k->n, k->d, t);
	buf_puts(b, "%");
}

/* A tiny denominator makes a ratio jump: say so next to the figure. */
static int S_nho(const KetQua *k) { return model_mau_so_nho(k); }

/* "79,99% (1.234/1.543)" with the tiny-denominator flag. */
static void S_so_lieu(Buf *b, const KetQua *k, const ChiTieu *t)
{
	if (k->dg == DG_CHUA_BAO_CAO) {
		buf_puts(b, "—");
		return;
	}
	S_ty_le(b, k, t);
	buf_puts(b, " (");
	fmt_int(b, k->n);
	buf_putc(b, '/');
	fmt_int(b, k->d);
	buf_putc(b, ')');
	if (S_nho(k))
		buf_puts(b, " ⚠ mẫu số nhỏ");
}

static void S_int_or_dash(Buf *b, const KetQua *k, int64_t v)
{
	if (k->dg == DG_CHUA_BAO_CAO)
		buf_puts(b, "—");
	else
		fmt_int(b, v);
}

/* The columns "Tỷ lệ | Tử số | Mẫu số" of one result, without the
 * surrounding pipes. */
static void S_cells(Buf *b, const KetQua *k, const ChiTieu *t)
{
	S_ty_le(b, k, t);
	if (S_nho(k))
		buf_puts(b, " ⚠ mẫu số nhỏ");
	buf_puts(b, " | ");
	S_int_or_dash(b, k, k->n);
	buf_puts(b, " | ");
	S_int_or_dash(b, k, k->d);
}

static void S_don_vi(Buf *b, const Model *m, size_t u, Root root)
{
	const DonVi *dv = &m->don_vi[u];
	if (root && md_safe_code(dv->ma, 0)) {
		buf_putc(b, '[');
		md_escape(b, model_ten_don_vi(m, u));
		buf_printf(b, "](%sdon-vi/%s.html)", root, dv->ma);
	} else
		md_escape(b, model_ten_don_vi(m, u));
}

static void S_nhom(Buf *b, const Model *m, int g, Root root)
{
	if (g < 0) {
		buf_puts(b, "—");
		return;
	}
	if (root) {
		char *stem = md_nhom_stem(m, (size_t)g);
		buf_putc(b, '[');
		md_escape(b, m->nhom[g].ten);
		buf_printf(b, "](%snhom/%s.html)", root, stem);
		free(stem);
	} else
		md_escape(b, m->nhom[g].ten);
}

static void S_chi_tieu(Buf *b, const Model *m, size_t t, Root root)
{
	const ChiTieu *ct = &m->chi_tieu[t];
	if (root) {
		buf_printf(b, "[%d. ", ct->stt);
		md_escape(b, ct->ten);
		buf_printf(b, "](%schi-tieu/%d.html)", root, ct->stt);
	} else {
		/* "1\\." so that "- 1. …" never turns into a nested ordered list. */
		buf_printf(b, "%d\\. ", ct->stt);
		md_escape(b, ct->ten);
	}
}

static void S_cua_so(Buf *b, const Model *m) { fmt_cua_so(b, &m->cua_so); }

/* The period words inside a sentence: "… năm 2024", "… quý I năm 2024". */
static void S_cua_so_giua_cau(Buf *b, const Model *m)
{
	size_t at = b->len;
	fmt_cua_so(b, &m->cua_so);
	if (b->len > at && b->ptr[at] >= 'A' && b->ptr[at] <= 'Z')
		b->ptr[at] = (char)(b->ptr[at] - 'A' + 'a');
}

static int S_in_window(const Model *m, Ky k)
{
	return k.year == m->cua_so.year && ky_last_month(k) <= m->cua_so.last_month;
}

static int S_row_is(const Model *m, size_t i, size_t u, size_t t)
{
	return i < m->n_so_lieu && (size_t)m->so_lieu[i].don_vi == u && (size_t)m->so_lieu[i].chi_tieu == t;
}

/* The notes of (u, t) in the window: "Th3: text; Quý II: text". */
static void S_ghi_chu(Buf *b, const Model *m, size_t u, size_t t)
{
	int first = 1;
	for (size_t i = model_so_lieu_dau(m, u, t); S_row_is(m, i, u, t); i++) {
		const SoLieu *r = &m->so_lieu[i];
		if (!r->ghi_chu || !*r->ghi_chu || !S_in_window(m, r->ky))
			continue;
		if (!first)
			buf_puts(b, "; ");
		/* words, not "Th3": "Tháng 3", "Quý II" */
		if (r->ky.kind == 'Q')
			fmt_buoc(b, r->ky);
		else
			buf_printf(b, "Tháng %d", r->ky.n);
		buf_puts(b, ": ");
		md_escape(b, r->ghi_chu);
		first = 0;
	}
}

/* Months of the window that no row of (u, t) covers, as a bit set. */
static unsigned S_thang_thieu(const Model *m, size_t u, size_t t, int *any)
{
	unsigned co = 0, can = 0;
	*any = 0;
	for (int mo = 1; mo <= m->cua_so.last_month; mo++)
		can |= 1u << mo;
	for (size_t i = model_so_lieu_dau(m, u, t); S_row_is(m, i, u, t); i++) {
		const SoLieu *r = &m->so_lieu[i];
		if (!S_in_window(m, r->ky))
			continue;
		*any = 1;
		for (int mo = ky_first_month(r->ky); mo <= ky_last_month(r->ky); mo++)
			co |= 1u << mo;
	}
	return can & ~co;
}

/* ---- counts and ranking ---------------------------------------------- */

/* qsort has no context argument: a target's page sorts by figure. */
static const Model *S_sort_m;
static const int *S_sort_pos;
static size_t S_sort_t;

/* Display position of every unit (thu_tu_don_vi inverted). */
static int *S_positions(const Model *m)
{
	int *pos = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *pos);
	for (size_t i = 0; i < m->n_don_vi; i++)
		pos[i] = (int)i;
	if (m->thu_tu_don_vi)
		for (size_t i = 0; i < m->n_don_vi; i++)
			pos[m->thu_tu_don_vi[i]] = (int)i;
	return pos;
}

static size_t S_don_vi_at(const Model *m, size_t i)
{
	return m->thu_tu_don_vi ? (size_t)m->thu_tu_don_vi[i] : i;
}

struct MdCtx {
	size_t n;                 /* n_don_vi */
	RankKhoa *khoa;           /* every unit's ranking key, [n_don_vi] */
	int *hang, *tong, *dong;  /* as rank_hang() returns them, [n_don_vi] */
	int *pos;                 /* display position, [n_don_vi] */
	/* Lists built once so a unit's page never scans every unit or every
	 * message: children in display order (first child, next sibling) and
	 * the messages about so-lieu/<ma>.csv (first, next); -1 ends a list. */
	int *con_dau, *con_sau;   /* [n_don_vi] */
	int *msg_dau, *msg_sau;   /* [n_don_vi], [msgs.n] */
};

static void S_lists(MdCtx *c, const Model *m)
{
	size_t n = m->n_don_vi ? m->n_don_vi : 1;
	c->con_dau = xmalloc(n * sizeof *c->con_dau);
	c->con_sau = xmalloc(n * sizeof *c->con_sau);
	c->msg_dau = xmalloc(n * sizeof *c->msg_dau);
	c->msg_sau = xmalloc((m->msgs.n ? m->msgs.n : 1) * sizeof *c->msg_sau);
	for (size_t i = 0; i < m->n_don_vi; i++)
		c->con_dau[i] = c->con_sau[i] = c->msg_dau[i] = -1;
	/* Backwards, so each list comes out in forward order. */
	for (size_t i = m->n_don_vi; i-- > 0;) {
		size_t v = S_don_vi_at(m, i);
		int p = m->don_vi[v].thuoc;
		if (p >= 0) {
			c->con_sau[v] = c->con_dau[p];
			c->con_dau[p] = (int)v;
		}
	}
	for (size_t i = m->msgs.n; i-- > 0;) {
		const char *path = m->msgs.v[i].path;
		c->msg_sau[i] = -1;
		if (!path || strncmp(path, "so-lieu/", 8))
			continue;
		size_t len = strlen(path + 8);
		if (len < 5 || strcmp(path + 8 + len - 4, ".csv"))
			continue;
		char *stem = xstrndup(path + 8, len - 4);
		int u = model_find_don_vi(m, stem);
		free(stem);
		if (u >= 0) {
			c->msg_sau[i] = c->msg_dau[u];
			c->msg_dau[u] = (int)i;
		}
	}
}

/* The ranking is rank.c's, the one of every output: computed once for
 * every page. */
MdCtx *md_ctx_new(const Model *m)
{
	size_t n = m->n_don_vi ? m->n_don_vi : 1;
	MdCtx *c = xcalloc(1, sizeof *c);
	c->n = m->n_don_vi;
	c->khoa = rank_khoa_all(m);
	c->pos = S_positions(m);
	S_lists(c, m);
	c->hang = xcalloc(n, sizeof *c->hang);
	c->tong = xcalloc(n, sizeof *c->tong);
	c->dong = xcalloc(n, sizeof *c->dong);
	rank_hang_all(m, c->hang, c->tong, c->dong);
	return c;
}

void md_ctx_free(MdCtx *c)
{
	if (!c)
		return;
	rank_khoa_free(c->khoa, c->n);
	free(c->hang);
	free(c->tong);
	free(c->dong);
	free(c->pos);
	free(c->con_dau);
	free(c->con_sau);
	free(c->msg_dau);
	free(c->msg_sau);
	free(c);
}

/* The ranking of the units v[0, n) (sorted here), with what it measures
 * and each unit's counts and shortfall. */
static void S_bang_xep_hang_ds(Buf *b, const Model *m, const MdCtx *c, int *v, size_t n, Root root)
{
	int *hang = xmalloc((n ? n : 1) * sizeof *hang);
	int *dong = xmalloc((n ? n : 1) * sizeof *dong);
	rank_sap_xep(m, c->khoa, v, n, hang, dong);
	buf_printf(b, "%s\n\n", rank_quy_tac);
	size_t head = b->len;
	buf_printf(b, "| Hạng | Đơn vị | %s Đạt | %s Chưa báo cáo | %s Chưa đạt | Tổng thiếu hụt (điểm %%) | %s Không phát sinh | Số chỉ tiêu áp dụng |\n"
	              "|---:|---|---:|---:|---:|---:|---:|---:|\n",
	           fmt_ky_hieu(DG_DAT), fmt_ky_hieu(DG_CHUA_BAO_CAO), fmt_ky_hieu(DG_CHUA_DAT),
	           fmt_ky_hieu(DG_KHONG_PHAT_SINH));
	md_cut_head(b, head);
	for (size_t i = 0; i < n; i++) {
		size_t u = (size_t)v[i];
		const RankKhoa *k = &c->khoa[u];
		const DemDanhGia *d = &k->dem;
		buf_puts(b, "| ");
		fmt_int(b, hang[i]);
		buf_puts(b, dong[i] ? " (đồng hạng) | " : " | ");
		S_don_vi(b, m, u, root);
		int64_t cot[3] = {d->dat, d->chua_bao_cao, d->chua_dat};
		for (int j = 0; j < 3; j++) {
			buf_puts(b, " | ");
			fmt_int(b, cot[j]);
		}
		buf_puts(b, " | ");
		fmt_tram(b, k->thieu_tram);
		buf_puts(b, " | ");
		fmt_int(b, d->khong_phat_sinh);
		buf_puts(b, " | ");
		fmt_int(b, d->ap_dung);
		buf_puts(b, " |\n");
		md_cut(b, MD_CUT_TABLE);
	}
	md_cut_end(b);
	buf_puts(b, "\n");
	free(hang);
	free(dong);
}

static void S_bang_xep_hang(Buf *b, const Model *m, const MdCtx *c, size_t g, Root root)
{
	int *v = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		if (m->don_vi[u].nhom == (int)g)
			v[n++] = (int)u;
	}
	if (!n)
		buf_puts(b, "Nhóm này không có đơn vị nào.\n\n");
	else
		S_bang_xep_hang_ds(b, m, c, v, n, root);
	free(v);
}

/* ---- the document header and the summary --------------------------- */

/* The keys of bao-cao.conf (documented in the shipped file); a missing
 * key prints a blank for the clerk to fill, as the official form does. */
static const char *S_conf(const Model *m, const char *key) { return model_conf(m, key); }

/* "Kết quả thực hiện … 6 tháng đầu năm 2024": the summary line with the
 * period words. */
static void S_trich_yeu(Buf *b, const Model *m)
{
	const char *trich_yeu = S_conf(m, "trich_yeu");
	if (*trich_yeu)
		md_escape(b, trich_yeu);
	else
		buf_puts(b, "Kết quả thực hiện các chỉ tiêu");
	buf_putc(b, ' ');
	S_cua_so_giua_cau(b, m);
}

static void S_title(Buf *b, const Model *m)
{
	buf_puts(b, "# ");
	S_trich_yeu(b, m);
	buf_puts(b, "\n\nSố liệu lũy kế từ đầu năm đến hết kỳ báo cáo (");
	S_cua_so_giua_cau(b, m);
	buf_putc(b, ')');
	buf_puts(b, ".");
	const char *ghi_chu = S_conf(m, "ghi_chu_du_lieu");
	if (*ghi_chu) {
		buf_puts(b, " *");
		md_escape(b, ghi_chu);
		buf_putc(b, '*');
	}
	buf_puts(b, "\n\n");
}

/* The province-wide rows' name ("Toàn tỉnh Hưng Yên"), escaped. */
static void S_ten_tinh(Buf *b, const Model *m)
{
	const char *ten = S_conf(m, "ten_tinh");
	if (*ten)
		md_escape(b, ten);
	else
		buf_puts(b, "Toàn tỉnh");
}

/* ---- a target's figures ---------------------------------------------- */

/* The groups' results on one target (only groups it applies to). */
static void S_bang_nhom_chi_tieu(Buf *b, const Model *m, size_t t, Root root)
{
	const ChiTieu *ct = &m->chi_tieu[t];
	buf_puts(b, "| Nhóm đơn vị | Tỷ lệ | Tử số | Mẫu số | Đánh giá | Số đơn vị đạt/được đánh giá |\n"
	            "|---|---:|---:|---:|---|---:|\n");
	for (size_t g = 0; g < m->n_nhom; g++) {
		if (!ct->ap_dung[g])
			continue;
		const KetQua *k = model_kq_nhom(m, g, t);
		buf_puts(b, "| ");
		S_nhom(b, m, (int)g, root);
		buf_puts(b, " | ");
		S_cells(b, k, ct);
		buf_puts(b, " | ");
		S_dg(b, k->dg);
		buf_puts(b, " | ");
		fmt_int(b, k->so_dv_dat);
		buf_putc(b, '/');
		fmt_int(b, k->so_dv_danh_gia);
		buf_puts(b, " |\n");
	}
	const KetQua *k = &m->kq_tinh[t];
	buf_puts(b, "| **");
	S_ten_tinh(b, m);
	buf_puts(b, "** | ");
	S_cells(b, k, ct);
	buf_puts(b, " | ");
	S_dg(b, k->dg);
	buf_puts(b, " | ");
	fmt_int(b, k->so_dv_dat);
	buf_putc(b, '/');
	fmt_int(b, k->so_dv_danh_gia);
	buf_puts(b, " |\n\n");
}

/* "Toàn tỉnh: 79,99% = 1.234/1.543 ...": the figure and how it is made. */
static void S_figure_line(Buf *b, const Model *m, size_t t)
{
	const ChiTieu *ct = &m->chi_tieu[t];
	const KetQua *k = &m->kq_tinh[t];
	buf_puts(b, "Giao chỉ tiêu: **");
	fmt_giao_chi_tieu(b, ct);
	buf_puts(b, "**");
	if (ct->don_vi_tinh && *ct->don_vi_tinh) {
		buf_puts(b, " (");
		md_escape(b, ct->don_vi_tinh);
		buf_putc(b, ')');
	}
	buf_puts(b, ". Kết quả chung (");
	S_ten_tinh(b, m);
	buf_puts(b, "): ");
	if (k->dg == DG_CHUA_BAO_CAO)
		buf_puts(b, "chưa có đơn vị nào báo cáo");
	else if (k->d == 0) {
		buf_puts(b, "không phát sinh (mẫu số bằng 0)");
	} else {
		buf_puts(b, "**");
		S_ty_le(b, k, ct);
		buf_puts(b, "** = 100 × tử số ");
		fmt_int(b, k->n);
		buf_puts(b, " / mẫu số ");
		fmt_int(b, k->d);
		if (S_nho(k))
			buf_puts(b, " (⚠ mẫu số nhỏ, dưới 5)");
	}
	buf_puts(b, " — **");
	S_dg(b, k->dg);
	buf_puts(b, "**; ");
	fmt_int(b, k->so_dv_dat);
	buf_puts(b, " trên ");
	fmt_int(b, k->so_dv_danh_gia);
	buf_puts(b, " đơn vị được đánh giá đạt.\n\n");
}

/* alt_what says what the chart shows: a target's trend by period, or a
 * unit's cumulative figure against each target (a bar chart). */
static void S_chart(Buf *b, const char *prefix, const char *stem, const char *alt_what, const char *alt_name)
{
	buf_puts(b, "![");
	buf_puts(b, alt_what);
	md_escape(b, alt_name);
	buf_printf(b, "](%s%s.svg)\n\n", prefix, stem);
}

static void S_chart_chi_tieu(Buf *b, const Model *m, size_t t, const char *prefix)
{
	char stem[40], what[128];
	snprintf(stem, sizeof stem, "chi-tieu-%d", m->chi_tieu[t].stt);
	snprintf(what, sizeof what, "Biểu đồ xu hướng theo kỳ: chỉ tiêu %d, ", m->chi_tieu[t].stt);
	S_chart(b, prefix, stem, what, m->chi_tieu[t].ten);
}

static void S_list_chua_bao_cao(Buf *b, const Model *m, size_t t, Root root)
{
	int n = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		if (!model_applies(m, u, t) || model_kq_don_vi(m, u, t)->dg != DG_CHUA_BAO_CAO)
			continue;
		if (n)
			md_cut(b, MD_CUT_PARA);
		buf_puts(b, n++ ? ", " : "");
		S_don_vi(b, m, u, root);
	}
	if (n) {
		buf_putc(b, '.');
		md_cut_end(b);
		buf_puts(b, "\n\n");
	} else
		buf_puts(b, "Không có.\n\n");
}

/* ---- the site's pages ------------------------------------------------ */

static const char S_up[] = "../";

/* The restatements in a sentence, for the index and the data-quality
 * page (lich_su_md.h draws the rest; the provisional mark is the page
 * shell's banner). */
static void S_lich_su_tom_tat(Buf *out, const Model *m, Root root)
{
	Buf s;
	buf_init(&s);
	if (m->ls.co_truoc) {
		fmt_dieu_chinh_cau(&s, m);
		md_escape(out, s.ptr);
		buf_printf(out, " [Danh sách điều chỉnh](%sdieu-chinh.html)\n\n", root);
	}
	buf_release(&s);
}

/* ---- the verdict matrix -----------------------------------------------
 * Rows (the province and the groups on the index, a group's units on its
 * page) against targets as columns, as the DHIS2 scorecard and the
 * scorecards' overview page show it: each cell the rate and the verdict's
 * symbol (site.c colours it), "Không phát sinh" or "Chưa báo cáo" in
 * words, blank where the target does not apply.  Headers are the short
 * names, linked to the targets' pages. */

/* The line above every matrix: what a cell holds, the one legend. */
static void S_chu_giai(Buf *b)
{
	buf_puts(b, "Mỗi ô: ký hiệu đánh giá và tỷ lệ lũy kế (%) (");
	fmt_chu_giai(b);
	buf_puts(b, "; ⚠ mẫu số nhỏ).\n\n");
}

/* A matrix cell, compact enough for a phone: the verdict's symbol, then
 * the rate in % where there is one ("● 81,15"; the legend says %), "○ 0/0" for nothing arisen,
 * "?" for not reported; k NULL: the target does not apply ("–"). */
static void S_o_ma_tran(Buf *b, const KetQua *k, const ChiTieu *t)
{
	if (!k) {
		buf_puts(b, fmt_ky_hieu(FMT_KHONG_AP_DUNG));
		return;
	}
	buf_puts(b, fmt_ky_hieu(k->dg));
	if (k->dg == DG_DAT || k->dg == DG_CHUA_DAT) {
		buf_putc(b, ' ');
		fmt_ty_le(b, k->n, k->d, t);
		if (S_nho(k))
			buf_puts(b, " ⚠");
	} else if (k->dg == DG_KHONG_PHAT_SINH)
		buf_puts(b, " 0/0");
}

/* A unit's row of a matrix over the targets that apply[t]. */
static void S_dong_ma_tran(Buf *b, const Model *m, size_t u, const unsigned char *apply, Root root)
{
	buf_puts(b, "| ");
	S_don_vi(b, m, u, root);
	buf_puts(b, " |");
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (apply && !apply[t])
			continue;
		buf_putc(b, ' ');
		S_o_ma_tran(b, model_applies(m, u, t) ? model_kq_don_vi(m, u, t) : NULL, &m->chi_tieu[t]);
		buf_puts(b, " |");
	}
	buf_putc(b, '\n');
}

/* The header of a matrix over the targets that apply[t] (NULL: all);
 * first: the first column's name. */
static void S_ma_tran_head(Buf *b, const Model *m, const unsigned char *apply, const char *first, Root root)
{
	char nb[MODEL_TEN_NGAN_BUF];
	size_t n = 0;
	buf_printf(b, "| %s |", first);
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (apply && !apply[t])
			continue;
		const ChiTieu *ct = &m->chi_tieu[t];
		buf_puts(b, " [");
		md_escape(b, model_ten_ngan(ct, 1, nb));
		buf_printf(b, "](%schi-tieu/%d.html) |", root, ct->stt);
		n++;
	}
	buf_puts(b, "\n|---|");
	for (size_t i = 0; i < n; i++)
		buf_puts(b, "---:|");
	buf_putc(b, '\n');
}

/* The index's matrix: the province, then every group. */
static void S_ma_tran_tinh(Buf *b, const Model *m)
{
	buf_puts(b, "## Ma trận kết quả\n\n");
	S_chu_giai(b);
	S_ma_tran_head(b, m, NULL, "Toàn tỉnh và nhóm đơn vị", "");
	buf_puts(b, "| **");
	S_ten_tinh(b, m);
	buf_puts(b, "** |");
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		buf_putc(b, ' ');
		S_o_ma_tran(b, &m->kq_tinh[t], &m->chi_tieu[t]);
		buf_puts(b, " |");
	}
	buf_putc(b, '\n');
	for (size_t g = 0; g < m->n_nhom; g++) {
		buf_puts(b, "| ");
		S_nhom(b, m, (int)g, "");
		buf_puts(b, " |");
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			buf_putc(b, ' ');
			S_o_ma_tran(b, m->chi_tieu[t].ap_dung[g] ? model_kq_nhom(m, g, t) : NULL,
			            &m->chi_tieu[t]);
			buf_puts(b, " |");
		}
		buf_putc(b, '\n');
	}
	buf_putc(b, '\n');
}

/* The units of group g (g < 0: any) among parent p's children, in
 * display order, into v; their number. */
static size_t S_con(const Model *m, const MdCtx *c, size_t p, int g, int *v)
{
	size_t n = 0;
	for (int u = c->con_dau[p]; u >= 0; u = c->con_sau[u])
		if (g < 0 || m->don_vi[u].nhom == g)
			v[n++] = u;
	return n;
}

/* The row heading parent p's units v[0, n) in a matrix: the parent,
 * linking to its page of children, and their roll-up (eval_gop). */
static void S_dong_gop(Buf *b, const Model *m, size_t p, const int *v, size_t n,
                       const unsigned char *apply, Root root)
{
	buf_puts(b, "| **");
	if (md_safe_code(m->don_vi[p].ma, 0)) {
		buf_putc(b, '[');
		md_escape(b, model_ten_don_vi(m, p));
		buf_printf(b, "](%sdia-ban/%s.html)", root, m->don_vi[p].ma);
	} else
		md_escape(b, model_ten_don_vi(m, p));
	buf_puts(b, "** (cộng gộp ");
	fmt_int(b, (int64_t)n);
	buf_puts(b, " đơn vị) |");
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (apply && !apply[t])
			continue;
		KetQua k;
		eval_gop(m, v, n, t, &k);
		buf_putc(b, ' ');
		S_o_ma_tran(b, &k, &m->chi_tieu[t]);
		buf_puts(b, " |");
	}
	buf_putc(b, '\n');
}

/* A group's page: its units against the targets that apply to it, cut
 * by rows (a group may hold thousands of units).  Units with a parent
 * come under it (a district's communes), each parent's row giving their
 * roll-up; units with none after. */
static void S_ma_tran_nhom(Buf *b, const Model *m, const MdCtx *c, size_t g)
{
	unsigned char *apply = xcalloc(m->n_chi_tieu ? m->n_chi_tieu : 1, 1);
	int *v = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *v);
	size_t na = 0;
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		na += apply[t] = m->chi_tieu[t].ap_dung[g];
	size_t tong = 0;
	for (size_t u = 0; u < m->n_don_vi; u++)
		tong += m->don_vi[u].nhom == (int)g;
	if (!tong)
		goto out;
	md_cut(b, MD_CUT_BLOCKS);
	buf_puts(b, "## Ma trận kết quả của các đơn vị\n\n");
	if (!na) {
		buf_puts(b, "Không có chỉ tiêu nào áp dụng cho nhóm này.\n\n");
		goto out;
	}
	S_chu_giai(b);
	int co_cap_tren = 0;
	for (size_t u = 0; u < m->n_don_vi && !co_cap_tren; u++)
		co_cap_tren = m->don_vi[u].nhom == (int)g && m->don_vi[u].thuoc >= 0;
	if (co_cap_tren)
		buf_puts(b, "Các đơn vị xếp theo đơn vị cấp trên; dòng in đậm của mỗi đơn vị cấp trên là số "
		            "cộng gộp tử số, mẫu số của các đơn vị trực thuộc đã có số liệu, đánh giá như chỉ "
		            "tiêu của tỉnh.\n\n");
	size_t head = b->len;
	S_ma_tran_head(b, m, apply, "Đơn vị", S_up);
	md_cut_head(b, head);
	if (co_cap_tren)
		for (size_t i = 0; i < m->n_don_vi; i++) {
			size_t p = S_don_vi_at(m, i);
			size_t n = S_con(m, c, p, (int)g, v);
			if (!n)
				continue;
			S_dong_gop(b, m, p, v, n, apply, S_up);
			md_cut(b, MD_CUT_TABLE);
			for (size_t k = 0; k < n; k++) {
				S_dong_ma_tran(b, m, (size_t)v[k], apply, S_up);
				md_cut(b, MD_CUT_TABLE);
			}
		}
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		if (m->don_vi[u].nhom != (int)g || m->don_vi[u].thuoc >= 0)
			continue;
		S_dong_ma_tran(b, m, u, apply, S_up);
		md_cut(b, MD_CUT_TABLE);
	}
	md_cut_end(b);
	buf_putc(b, '\n');
out:
	free(apply);
	free(v);
}

/* The index's small multiples: every target's chart, linked to its page. */
static void S_bieu_do_nho(Buf *b, const Model *m)
{
	char nb[MODEL_TEN_NGAN_BUF];
	if (!m->n_chi_tieu)
		return;
	buf_puts(b, "## Biểu đồ theo chỉ tiêu\n\n");
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		const ChiTieu *ct = &m->chi_tieu[t];
		buf_printf(b, "- [![Chỉ tiêu %d. ", ct->stt);
		md_escape(b, model_ten_ngan(ct, 0, nb));
		buf_printf(b, ": xu hướng theo kỳ](charts/chi-tieu-%d.svg)](chi-tieu/%d.html)\n", ct->stt,
		           ct->stt);
	}
	buf_putc(b, '\n');
}

/* How many units of a kind the index names at most: it stays small
 * however many units there are (the rest are on du-lieu.html). */
enum { S_CHU_Y_TOI_DA = 10, S_THIEU_TOI_DA = 30 };

/* 1 when unit u misses some target: not met or not reported. */
static int S_co_thieu(const MdCtx *c, size_t u)
{
	return c->khoa[u].dem.chua_dat + c->khoa[u].dem.chua_bao_cao > 0;
}

/* The index's "who misses what": for each group the units at the bottom
 * of its ranking among those that miss some target (at most 10, the last
 * first) with their verdicts, then the units that did not report or
 * reported only part of the window. */

/* A part of the report (bao_cao_build_phan) as Markdown, for the index. */
static void S_bao_cao_phan(Buf *out, const Model *m, BaoCaoPhan phan)
{
	DocWriter *w = doc_md_new(out, "charts/");
	bao_cao_build_phan(m, w, phan);
	doc_md_free(w);
}

static void S_can_chu_y(Buf *b, const Model *m, const MdCtx *c)
{
	size_t n = m->n_don_vi ? m->n_don_vi : 1;
	int *v = xmalloc(n * sizeof *v), *hang = xmalloc(n * sizeof *hang), *dong = xmalloc(n * sizeof *dong);
	unsigned char *apply = xcalloc(m->n_chi_tieu ? m->n_chi_tieu : 1, 1);
	buf_puts(b, "## Đơn vị chưa đạt nhiều chỉ tiêu nhất\n\n"
	            "Trong mỗi nhóm, tối đa 10 đơn vị xếp cuối bảng xếp hạng trong số các đơn vị có chỉ tiêu "
	            "chưa đạt hoặc chưa báo cáo, đơn vị xếp cuối ở trên cùng. ");
	buf_puts(b, rank_quy_tac);
	buf_puts(b, " Ký hiệu như ở ma trận trên.\n\n");
	int any = 0;
	for (size_t g = 0; g < m->n_nhom; g++) {
		size_t k = 0, na = 0;
		for (size_t i = 0; i < m->n_don_vi; i++) {
			size_t u = S_don_vi_at(m, i);
			if (m->don_vi[u].nhom == (int)g)
				v[k++] = (int)u;
		}
		rank_sap_xep(m, c->khoa, v, k, hang, dong);
		size_t shown = 0;
		for (size_t i = k; i-- > 0 && shown < S_CHU_Y_TOI_DA;)
			shown += S_co_thieu(c, (size_t)v[i]);
		if (!shown)
			continue;
		for (size_t t = 0; t < m->n_chi_tieu; t++)
			na += apply[t] = m->chi_tieu[t].ap_dung[g];
		any = 1;
		md_cut(b, MD_CUT_BLOCKS);
		buf_puts(b, "### ");
		S_nhom(b, m, (int)g, "");
		buf_puts(b, "\n\n");
		size_t head = b->len;
		S_ma_tran_head(b, m, apply, "Đơn vị (hạng)", "");
		md_cut_head(b, head);
		shown = 0;
		for (size_t i = k; i-- > 0 && shown < S_CHU_Y_TOI_DA;) {
			size_t u = (size_t)v[i];
			if (!S_co_thieu(c, u))
				continue;
			shown++;
			buf_puts(b, "| ");
			S_don_vi(b, m, u, "");
			buf_puts(b, " (");
			fmt_int(b, hang[i]);
			buf_puts(b, "/");
			fmt_int(b, (int64_t)k);
			buf_puts(b, ") |");
			for (size_t t = 0; t < m->n_chi_tieu; t++) {
				if (!apply[t])
					continue;
				buf_putc(b, ' ');
				S_o_ma_tran(b, model_kq_don_vi(m, u, t), &m->chi_tieu[t]);
				buf_puts(b, " |");
			}
			buf_putc(b, '\n');
			md_cut(b, MD_CUT_TABLE);
		}
		md_cut_end(b);
		buf_putc(b, '\n');
		(void)na;
	}
	if (!any)
		buf_puts(b, "Mọi đơn vị đều đạt hoặc không phát sinh ở mọi chỉ tiêu áp dụng.\n\n");

	/* who did not report, or only part of the window */
	size_t n_khong = 0, n_thieu = 0;
	for (size_t u = 0; u < m->n_don_vi; u++)
		if (m->thieu_don_vi && m->thieu_don_vi[u]) {
			if (m->don_vi[u].co_so_lieu)
				n_thieu++;
			else
				n_khong++;
		}
	md_cut(b, MD_CUT_BLOCKS);
	buf_puts(b, "## Đơn vị chưa báo cáo hoặc báo cáo chưa đủ\n\n");
	if (!n_khong && !n_thieu) {
		buf_puts(b, "Mọi đơn vị đã báo cáo đủ số liệu của kỳ.\n\n");
		goto out;
	}
	for (int kind = 0; kind < 2; kind++) {
		size_t total = kind ? n_thieu : n_khong, shown = 0;
		if (!total)
			continue;
		buf_puts(b, kind ? "Báo cáo chưa đủ số liệu (thiếu tháng hoặc thiếu chỉ tiêu): "
		                 : "Chưa gửi số liệu: ");
		fmt_int(b, (int64_t)total);
		buf_puts(b, " đơn vị.\n\n");
		for (size_t i = 0; i < m->n_don_vi && shown < S_THIEU_TOI_DA; i++) {
			size_t u = S_don_vi_at(m, i);
			if (!m->thieu_don_vi[u] || !m->don_vi[u].co_so_lieu != !kind)
				continue;
			shown++;
			buf_puts(b, "- ");
			S_don_vi(b, m, u, "");
			buf_puts(b, " (");
			S_nhom(b, m, m->don_vi[u].nhom, NULL);
			if (c->khoa[u].dem.chua_bao_cao) {
				buf_puts(b, "; ");
				fmt_int(b, c->khoa[u].dem.chua_bao_cao);
				buf_puts(b, " chỉ tiêu chưa báo cáo");
			}
			buf_puts(b, ")\n");
			md_cut(b, MD_CUT_LIST);
		}
		if (total > shown) {
			buf_puts(b, "- và ");
			fmt_int(b, (int64_t)(total - shown));
			buf_puts(b, " đơn vị khác: xem [Chất lượng số liệu](du-lieu.html)\n");
		}
		md_cut_end(b);
		buf_putc(b, '\n');
	}
out:
	free(v);
	free(hang);
	free(dong);
	free(apply);
}

void md_trang_chu(Buf *out, const Model *m, const MdCtx *ctx)
{
	MdCtx *own = ctx ? NULL : md_ctx_new(m);
	const MdCtx *c = ctx ? ctx : own;
	S_title(out, m);
	buf_puts(out, "Số liệu đến ");
	fmt_den_het(out, &m->cua_so);
	buf_puts(out, ".\n\n");
	S_lich_su_tom_tat(out, m, "");
	md_cut(out, MD_CUT_BLOCKS);
	S_ma_tran_tinh(out, m);
	md_cut(out, MD_CUT_BLOCKS);
	S_can_chu_y(out, m, c);
	md_cut(out, MD_CUT_BLOCKS);
	/* the report's own words and table (bao_cao.c), not composed again */
	S_bao_cao_phan(out, m, BAO_CAO_KET_QUA_CHUNG);
	md_cut(out, MD_CUT_BLOCKS);
	S_bieu_do_nho(out, m);
	md_cut(out, MD_CUT_BLOCKS);
	S_bao_cao_phan(out, m, BAO_CAO_PHU_LUC_KET_QUA);
	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "## Kết quả theo nhóm đơn vị\n\n");
	for (size_t g = 0; g < m->n_nhom; g++) {
		buf_puts(out, "### ");
		S_nhom(out, m, (int)g, "");
		buf_puts(out, "\n\n| Chỉ tiêu | Giao chỉ tiêu | Tỷ lệ | Tử số | Mẫu số | Đánh giá | Số đơn vị đạt/được đánh giá |\n"
		              "|---|---|---:|---:|---:|---|---:|\n");
		int any = 0;
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			const ChiTieu *ct = &m->chi_tieu[t];
			if (!ct->ap_dung[g])
				continue;
			const KetQua *k = model_kq_nhom(m, g, t);
			any = 1;
			buf_puts(out, "| ");
			S_chi_tieu(out, m, t, "");
			buf_puts(out, " | ");
			fmt_giao_chi_tieu(out, ct);
			buf_puts(out, " | ");
			S_cells(out, k, ct);
			buf_puts(out, " | ");
			S_dg(out, k->dg);
			buf_puts(out, " | ");
			fmt_int(out, k->so_dv_dat);
			buf_putc(out, '/');
			fmt_int(out, k->so_dv_danh_gia);
			buf_puts(out, " |\n");
		}
		if (!any)
			buf_puts(out, "| Không có chỉ tiêu nào áp dụng cho nhóm này | | | | | | |\n");
		buf_putc(out, '\n');
	}
	/* The units themselves are on their groups' pages: the index stays
	 * the same size however many units there are. */
	buf_puts(out, "## Xếp hạng đơn vị trong nhóm\n\n"
	              "Mỗi nhóm có bảng xếp hạng và ma trận kết quả của các đơn vị ở trang của nhóm:\n\n");
	for (size_t g = 0; g < m->n_nhom; g++) {
		int n = 0;
		for (size_t u = 0; u < m->n_don_vi; u++)
			n += m->don_vi[u].nhom == (int)g;
		buf_puts(out, "- ");
		S_nhom(out, m, (int)g, "");
		buf_puts(out, ": ");
		fmt_int(out, n);
		buf_puts(out, " đơn vị\n");
	}
	buf_putc(out, '\n');
	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "## Xem thêm\n\n- [Báo cáo đầy đủ của kỳ](bao-cao.html)\n"
	              "- [Chất lượng số liệu: cảnh báo, đơn vị chưa báo cáo, thiếu tháng](du-lieu.html)\n");
	if (m->han.co)
		buf_puts(out, "- [Tiến độ công bố thủ tục hành chính](han.html)\n");
	if (m->ls.co_truoc)
		buf_puts(out, "- [Điều chỉnh số liệu so với báo cáo kỳ trước](dieu-chinh.html)\n");
	buf_putc(out, '\n');
	md_ctx_free(own);
}

void md_trang_nhom(Buf *out, const Model *m, const MdCtx *ctx, size_t g)
{
	MdCtx *own = ctx ? NULL : md_ctx_new(m);
	const MdCtx *c = ctx ? ctx : own;
	buf_puts(out, "# ");
	md_escape(out, m->nhom[g].ten);
	buf_puts(out, "\n\nKỳ báo cáo: ");
	S_cua_so(out, m);
	buf_puts(out, " · [Trang chủ](../index.html)\n\n## Kết quả của nhóm theo chỉ tiêu\n\n");
	buf_puts(out, "| Chỉ tiêu | Giao chỉ tiêu | Tỷ lệ | Tử số | Mẫu số | Đánh giá | Số đơn vị đạt/được đánh giá |\n"
	              "|---|---|---:|---:|---:|---|---:|\n");
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		const ChiTieu *ct = &m->chi_tieu[t];
		if (!ct->ap_dung[g])
			continue;
		const KetQua *k = model_kq_nhom(m, g, t);
		buf_puts(out, "| ");
		S_chi_tieu(out, m, t, S_up);
		buf_puts(out, " | ");
		fmt_giao_chi_tieu(out, ct);
		buf_puts(out, " | ");
		S_cells(out, k, ct);
		buf_puts(out, " | ");
		S_dg(out, k->dg);
		buf_puts(out, " | ");
		fmt_int(out, k->so_dv_dat);
		buf_putc(out, '/');
		fmt_int(out, k->so_dv_danh_gia);
		buf_puts(out, " |\n");
	}
	buf_putc(out, '\n');
	S_ma_tran_nhom(out, m, c, g);
	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "## Xếp hạng đơn vị trong nhóm\n\n");
	S_bang_xep_hang(out, m, c, g, S_up);
	md_ctx_free(own);
}

/* The change of a year-to-date rate (xh: the per-step series) since the
 * latest earlier period of the year published in the output root
 * (m->ls.truoc), both from today's figures; TD_KHONG_CO when there is
 * none. */
static ThayDoi S_thay_doi_ky_truoc(const Model *m, const Diem *xh)
{
	Diem hai[2] = {{0, 0, 0}, {0, 0, 0}};
	int co = m->ls.co_truoc && m->ls.truoc.year == m->cua_so.year;
	int het = co ? ky_last_month(m->ls.truoc) : 0;
	for (int i = 0; i < m->cua_so.n_buoc; i++) {
		Diem *d = &hai[ky_last_month(m->cua_so.buoc[i]) <= het ? 0 : 1];
		d->n += xh[i].n;
		d->d += xh[i].d;
		d->co |= xh[i].co;
	}
	if (!co) {
		ThayDoi none = {TD_KHONG_CO, 0, 0, 0};
		return none;
	}
	return rank_thay_doi(hai, 2);
}

/* A unit's page on a phone: one line per target, the verdict first, then
 * the rate with N/D, the target, and the changes against the previous
 * step and the same period last year. */
static void S_ket_qua_tung_dong(Buf *out, const Model *m, size_t u)
{
	const LichSu *ls = &m->ls;
	char nb[MODEL_TEN_NGAN_BUF];
	buf_puts(out, "## Kết quả theo chỉ tiêu\n\n");
	int truoc = ls->co_truoc && ls->truoc.year == m->cua_so.year;
	if (truoc || ls->co_cung_ky) {
		buf_puts(out, "Thay đổi của tỷ lệ lũy kế, tính bằng điểm %: ");
		if (truoc) {
			buf_puts(out, "“kỳ trước” so với ");
			fmt_ky_cu(out, ls->truoc);
		}
		if (ls->co_cung_ky) {
			buf_puts(out, truoc ? "; “cùng kỳ” so với " : "“cùng kỳ” so với ");
			fmt_ky_cu(out, ls->cung_ky);
		}
		buf_puts(out, ".");
	}
	if (!truoc)
		buf_puts(out, " Chưa có số liệu kỳ trước.");
	if (!ls->co_cung_ky)
		buf_puts(out, " Chưa có số liệu cùng kỳ.");
	buf_puts(out, "\n\n");
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		const ChiTieu *ct = &m->chi_tieu[t];
		const KetQua *k = model_kq_don_vi(m, u, t);
		buf_printf(out, "- [%d. ", ct->stt);
		md_escape(out, model_ten_ngan(ct, 0, nb));
		buf_printf(out, "](../chi-tieu/%d.html): **", ct->stt);
		S_dg(out, k->dg);
		buf_puts(out, "**");
		if (k->dg == DG_DAT || k->dg == DG_CHUA_DAT) {
			buf_puts(out, " — ");
			S_so_lieu(out, k, ct);
		}
		buf_puts(out, "; giao ");
		fmt_giao_chi_tieu(out, ct);
		if (truoc) {
			ThayDoi td = S_thay_doi_ky_truoc(m, model_xh_don_vi(m, u, t));
			buf_puts(out, "; kỳ trước ");
			if (fmt_thay_doi(out, &td))
				buf_puts(out, "chưa có số liệu");
		}
		if (ls->co_cung_ky) {
			buf_puts(out, "; cùng kỳ ");
			if (fmt_cung_ky_gon(out, k, &ls->ck_don_vi[u * m->n_chi_tieu + t]))
				buf_puts(out, "chưa có số liệu");
		}
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}

int md_co_con(const MdCtx *c, size_t u)
{
	return c->con_dau[u] >= 0;
}

void md_trang_dia_ban(Buf *out, const Model *m, const MdCtx *ctx, size_t p)
{
	MdCtx *own = ctx ? NULL : md_ctx_new(m);
	const MdCtx *c = ctx ? ctx : own;
	int *v = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *v);
	unsigned char *apply = xcalloc(m->n_chi_tieu ? m->n_chi_tieu : 1, 1);
	size_t n = S_con(m, c, p, -1, v), na = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t t = 0; t < m->n_chi_tieu; t++)
			apply[t] |= model_applies(m, (size_t)v[i], t);
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		na += apply[t];
	buf_puts(out, "# ");
	md_escape(out, model_ten_don_vi(m, p));
	buf_puts(out, ": các đơn vị trực thuộc\n\nSố liệu đến ");
	fmt_den_het(out, &m->cua_so);
	buf_puts(out, ", lũy kế từ đầu năm. Trang của đơn vị: ");
	S_don_vi(out, m, p, S_up);
	buf_puts(out, ". Số đơn vị trực thuộc: ");
	fmt_int(out, (int64_t)n);
	buf_puts(out, ".\n\n");
	if (!na) {
		buf_puts(out, "Không có chỉ tiêu nào áp dụng cho các đơn vị trực thuộc.\n\n");
		goto out;
	}
	buf_puts(out, "## Tổng hợp các đơn vị trực thuộc\n\n"
	              "Tử số và mẫu số là tổng của các đơn vị trực thuộc đã có số liệu trong kỳ (đơn vị chưa "
	              "báo cáo không được cộng), đánh giá như chỉ tiêu của tỉnh; cột cuối là số đơn vị đạt "
	              "trên số đơn vị được đánh giá.\n\n"
	              "| Chỉ tiêu | Giao chỉ tiêu | Tỷ lệ | Σ Tử số | Σ Mẫu số | Đánh giá | Số đơn vị đạt/được đánh giá |\n"
	              "|---|---|---:|---:|---:|---|---:|\n");
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!apply[t])
			continue;
		const ChiTieu *ct = &m->chi_tieu[t];
		KetQua k;
		eval_gop(m, v, n, t, &k);
		buf_puts(out, "| ");
		S_chi_tieu(out, m, t, S_up);
		buf_puts(out, " | ");
		fmt_giao_chi_tieu(out, ct);
		buf_puts(out, " | ");
		S_cells(out, &k, ct);
		buf_puts(out, " | ");
		S_dg(out, k.dg);
		buf_puts(out, " | ");
		fmt_int(out, k.so_dv_dat);
		buf_putc(out, '/');
		fmt_int(out, k.so_dv_danh_gia);
		buf_puts(out, " |\n");
	}
	buf_putc(out, '\n');
	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "## Ma trận kết quả của các đơn vị trực thuộc\n\n");
	S_chu_giai(out);
	size_t head = out->len;
	S_ma_tran_head(out, m, apply, "Đơn vị", S_up);
	md_cut_head(out, head);
	for (size_t i = 0; i < n; i++) {
		S_dong_ma_tran(out, m, (size_t)v[i], apply, S_up);
		md_cut(out, MD_CUT_TABLE);
	}
	md_cut_end(out);
	buf_putc(out, '\n');
	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "## Xếp hạng các đơn vị trực thuộc\n\n");
	S_bang_xep_hang_ds(out, m, c, v, n, S_up);
out:
	free(v);
	free(apply);
	md_ctx_free(own);
}

/* The unit's trend by period: each target's year-to-date rate and verdict
 * at the end of every step of the window (the chart's series, as a
 * matrix a phone reads: the target column stays, the steps scroll). */
static void S_dien_bien(Buf *out, const Model *m, size_t u)
{
	const CuaSo *w = &m->cua_so;
	char nb[MODEL_TEN_NGAN_BUF];
	if (w->n_buoc < 2)
		return;
	buf_puts(out, "## Diễn biến theo kỳ\n\nTỷ lệ lũy kế từ đầu năm đến hết mỗi ");
	buf_puts(out, w->buoc_quy ? "quý" : "tháng");
	buf_puts(out, " và đánh giá so với chỉ tiêu giao.\n\n| Chỉ tiêu | Giao chỉ tiêu |");
	for (int i = 0; i < w->n_buoc; i++) {
		Ky k = w->buoc[i];
		if (k.kind == 'Q')
			buf_puts(out, " Đến hết quý ");
		else
			buf_puts(out, " Đến hết tháng ");
		if (k.kind == 'Q') {
			char r[16];
			buf_puts(out, fmt_la_ma(k.n, r));
		} else
			fmt_int(out, k.n);
		buf_puts(out, " |");
	}
	buf_puts(out, "\n|---|---|");
	for (int i = 0; i < w->n_buoc; i++)
		buf_puts(out, "---:|");
	buf_putc(out, '\n');
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		const ChiTieu *ct = &m->chi_tieu[t];
		const Diem *xh = model_xh_don_vi(m, u, t);
		buf_printf(out, "| [%d. ", ct->stt);
		md_escape(out, model_ten_ngan(ct, 0, nb));
		buf_printf(out, "](../chi-tieu/%d.html) | ", ct->stt);
		fmt_giao_chi_tieu(out, ct);
		buf_puts(out, " |");
		KetQua k = {0, 0, DG_CHUA_BAO_CAO, 0, 0};
		int co = 0;
		for (int i = 0; i < w->n_buoc; i++) {
			k.n += xh[i].n;
			k.d += xh[i].d;
			co |= xh[i].co;
			k.dg = co ? eval_judge(ct, k.n, k.d) : DG_CHUA_BAO_CAO;
			buf_putc(out, ' ');
			S_o_ma_tran(out, &k, ct);
			buf_puts(out, " |");
		}
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}

void md_trang_don_vi(Buf *out, const Model *m, const MdCtx *ctx, size_t u)
{
	MdCtx *own = ctx ? NULL : md_ctx_new(m);
	const MdCtx *c = ctx ? ctx : own;
	const DonVi *dv = &m->don_vi[u];
	const DemDanhGia d = c->khoa[u].dem;
	int of = c->tong[u], dong = c->dong[u], hang = c->hang[u];
	buf_puts(out, "# ");
	md_escape(out, model_ten_don_vi(m, u));
	buf_puts(out, "\n\n- Kỳ báo cáo: ");
	S_cua_so(out, m);
	buf_puts(out, " (lũy kế từ đầu năm)\n- Nhóm: ");
	S_nhom(out, m, dv->nhom, S_up);
	buf_putc(out, '\n');
	if (dv->thuoc >= 0 && (size_t)dv->thuoc < m->n_don_vi) {
		buf_puts(out, "- Trực thuộc: ");
		S_don_vi(out, m, (size_t)dv->thuoc, S_up);
		buf_putc(out, '\n');
	}
	if (d.ap_dung) {
		buf_puts(out, "- Xếp hạng trong nhóm: ");
		fmt_int(out, hang);
		buf_puts(out, dong ? " (đồng hạng)" : "");
		buf_puts(out, " trên ");
		fmt_int(out, of);
		buf_puts(out, " đơn vị. ");
		buf_puts(out, rank_quy_tac);
		buf_putc(out, '\n');
	}
	buf_puts(out, "- Kết quả: ");
	fmt_int(out, d.dat);
	buf_puts(out, " trên ");
	fmt_int(out, d.dat + d.chua_dat);
	buf_puts(out, " chỉ tiêu được đánh giá đạt; ");
	fmt_int(out, d.chua_bao_cao);
	buf_puts(out, " chưa báo cáo; ");
	fmt_int(out, d.khong_phat_sinh);
	buf_puts(out, " không phát sinh");
	if (!dv->co_so_lieu)
		buf_puts(out, "\n- ⚠ Đơn vị chưa gửi tệp số liệu");
	buf_puts(out, "\n\n");

	md_dieu_chinh_don_vi(out, m, u);
	if (!d.ap_dung) {
		buf_puts(out, "Không có chỉ tiêu nào áp dụng cho nhóm của đơn vị này.\n\n");
	} else {
		S_ket_qua_tung_dong(out, m, u);
		S_dien_bien(out, m, u);
		if (md_safe_code(dv->ma, 0)) {
			char stem[300];
			snprintf(stem, sizeof stem, "don-vi-%s", dv->ma);
			S_chart(out, "../charts/", stem, "Biểu đồ tỷ lệ lũy kế so với chỉ tiêu giao: ", model_ten_don_vi(m, u));
		}
		int co_ghi_chu = 0;
		Buf g;
		buf_init(&g);
		for (size_t t = 0; t < m->n_chi_tieu && !co_ghi_chu; t++) {
			if (!model_applies(m, u, t))
				continue;
			S_ghi_chu(&g, m, u, t);
			co_ghi_chu = g.len > 0;
		}
		buf_release(&g);
		buf_puts(out, "## Bảng số liệu\n\n");
		buf_puts(out, co_ghi_chu ? "| Chỉ tiêu | Giao chỉ tiêu | Tỷ lệ | Tử số | Mẫu số | Đánh giá | Ghi chú |\n"
		                           "|---|---|---:|---:|---:|---|---|\n"
		                         : "| Chỉ tiêu | Giao chỉ tiêu | Tỷ lệ | Tử số | Mẫu số | Đánh giá |\n"
		                           "|---|---|---:|---:|---:|---|\n");
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			if (!model_applies(m, u, t))
				continue;
			const ChiTieu *ct = &m->chi_tieu[t];
			const KetQua *k = model_kq_don_vi(m, u, t);
			buf_puts(out, "| ");
			S_chi_tieu(out, m, t, S_up);
			buf_puts(out, " | ");
			fmt_giao_chi_tieu(out, ct);
			buf_puts(out, " | ");
			S_cells(out, k, ct);
			buf_puts(out, " | ");
			S_dg(out, k->dg);
			if (co_ghi_chu) {
				buf_puts(out, " | ");
				S_ghi_chu(out, m, u, t);
			}
			buf_puts(out, " |\n");
		}
		buf_puts(out, "\n");

	}
	md_cung_ky_don_vi(out, m, u);
	if (c->con_dau[u] >= 0) {
		md_cut(out, MD_CUT_BLOCKS);
		buf_puts(out, "## Đơn vị trực thuộc\n\n");
		if (md_safe_code(dv->ma, 0))
			buf_printf(out, "[Ma trận kết quả, số cộng gộp và xếp hạng của các đơn vị trực thuộc]"
			                "(../dia-ban/%s.html)\n\n", dv->ma);
	}
	for (int v = c->con_dau[u]; v >= 0; v = c->con_sau[v]) {
		buf_puts(out, "- ");
		S_don_vi(out, m, (size_t)v, S_up);
		buf_putc(out, '\n');
		md_cut(out, MD_CUT_LIST);
	}
	md_cut_end(out);
	if (c->con_dau[u] >= 0)
		buf_putc(out, '\n');
	/* The run's warnings about this unit's own file. */
	int n = 0;
	for (int i = c->msg_dau[u]; i >= 0; i = c->msg_sau[i]) {
		const Msg *g = &m->msgs.v[i];
		if (!n++) {
			md_cut(out, MD_CUT_BLOCKS);
			buf_puts(out, "## Cảnh báo về số liệu của đơn vị\n\n");
		}
		buf_puts(out, "- ");
		if (g->line > 0) {
			buf_puts(out, "dòng ");
			fmt_int(out, g->line);
			buf_puts(out, ": ");
		}
		md_escape(out, msg_text_vi(g)); /* the site speaks Vietnamese */
		buf_putc(out, '\n');
		md_cut(out, MD_CUT_LIST);
	}
	md_cut_end(out);
	if (n)
		buf_putc(out, '\n');
	md_ctx_free(own);
}

__extension__ typedef __int128 S_i128;

/* Best first: highest ratio for ">=" and "=" targets, lowest for "<="
 * (exact: cross-multiplied in 128 bits); units without a ratio last. */
static int S_cmp_figure(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	const KetQua *ka = model_kq_don_vi(S_sort_m, (size_t)a, S_sort_t);
	const KetQua *kb = model_kq_don_vi(S_sort_m, (size_t)b, S_sort_t);
	int ha = ka->d > 0, hb = kb->d > 0;
	if (ha != hb)
		return hb - ha;
	if (ha) {
		S_i128 x = (S_i128)ka->n * kb->d, y = (S_i128)kb->n * ka->d;
		if (x != y) {
			int c = x > y ? -1 : 1;
			return S_sort_m->chi_tieu[S_sort_t].so_sanh == SS_LE ? -c : c;
		}
	}
	return S_sort_pos[a] - S_sort_pos[b];
}

void md_trang_chi_tieu(Buf *out, const Model *m, size_t t)
{
	const ChiTieu *ct = &m->chi_tieu[t];
	buf_puts(out, "# Chỉ tiêu ");
	S_chi_tieu(out, m, t, NULL);
	buf_puts(out, "\n\n- Kỳ báo cáo: ");
	S_cua_so(out, m);
	buf_puts(out, " (lũy kế từ đầu năm)\n- Đơn vị chủ trì: ");
	md_escape(out, ct->chu_tri);
	buf_puts(out, "\n- Đơn vị phối hợp: ");
	md_escape(out, ct->phoi_hop);
	buf_puts(out, "\n- Căn cứ thực hiện: ");
	size_t a = t;
	while (a > 0 && !(m->chi_tieu[a].can_cu && *m->chi_tieu[a].can_cu))
		a--;
	md_escape(out, m->chi_tieu[a].can_cu);
	buf_puts(out, "\n- Áp dụng cho: ");
	int n = 0;
	for (size_t g = 0; g < m->n_nhom; g++)
		if (ct->ap_dung[g]) {
			buf_puts(out, n++ ? ", " : "");
			S_nhom(out, m, (int)g, S_up);
		}
	buf_puts(out, n ? "\n\n" : "không nhóm nào\n\n");
	S_figure_line(out, m, t);
	S_chart_chi_tieu(out, m, t, "../charts/");
	if (m->ls.co_cung_ky) {
		buf_printf(out, "## So với cùng kỳ năm %d\n\n", m->ls.cung_ky.year);
		md_cung_ky_chi_tieu(out, m, t);
	}
	buf_puts(out, "## Theo nhóm đơn vị\n\n");
	S_bang_nhom_chi_tieu(out, m, t, S_up);

	int *pos = S_positions(m);
	int *v = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *v);
	size_t nv = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		if (model_applies(m, u, t) && model_kq_don_vi(m, u, t)->dg != DG_CHUA_BAO_CAO)
			v[nv++] = (int)u;
	}
	S_sort_m = m;
	S_sort_pos = pos;
	S_sort_t = t;
	qsort(v, nv, sizeof *v, S_cmp_figure);
	buf_puts(out, "## Các đơn vị, xếp theo tỷ lệ\n\n");
	buf_puts(out, ct->so_sanh == SS_LE ? "Tỷ lệ thấp nhất đứng đầu (chỉ tiêu tối đa). "
	                                   : "Tỷ lệ cao nhất đứng đầu. ");
	buf_puts(out, "Đơn vị không phát sinh đứng cuối.\n\n");
	if (!nv)
		buf_puts(out, "Chưa có đơn vị nào báo cáo.\n\n");
	else {
		/* the verdict beside the name, so a phone shows it; the notes
		 * column only when some unit wrote one */
		int co_ghi_chu = 0, truoc = m->ls.co_truoc && m->ls.truoc.year == m->cua_so.year;
		Buf g;
		buf_init(&g);
		for (size_t i = 0; i < nv && !co_ghi_chu; i++) {
			S_ghi_chu(&g, m, (size_t)v[i], t);
			co_ghi_chu = g.len > 0;
		}
		buf_release(&g);
		if (truoc) {
			buf_puts(out, "Cột “Kỳ trước”: thay đổi của tỷ lệ lũy kế so với ");
			fmt_ky_cu(out, m->ls.truoc);
			buf_puts(out, ", tính bằng điểm %.\n\n");
		}
		size_t head = out->len;
		buf_printf(out, "| # | Đơn vị | Đánh giá | Tỷ lệ |%s Tử số | Mẫu số | Nhóm |%s\n"
		                "|---:|---|---|---:|%s---:|---:|---|%s\n",
		           truoc ? " Kỳ trước |" : "", co_ghi_chu ? " Ghi chú |" : "", truoc ? "---:|" : "",
		           co_ghi_chu ? "---|" : "");
		md_cut_head(out, head);
		for (size_t i = 0; i < nv; i++) {
			size_t u = (size_t)v[i];
			const KetQua *k = model_kq_don_vi(m, u, t);
			buf_puts(out, "| ");
			fmt_int(out, (int64_t)i + 1);
			buf_puts(out, " | ");
			S_don_vi(out, m, u, S_up);
			buf_puts(out, " | ");
			S_dg(out, k->dg);
			buf_puts(out, " | ");
			S_ty_le(out, k, ct);
			if (S_nho(k))
				buf_puts(out, " ⚠");
			buf_puts(out, " | ");
			if (truoc) {
				ThayDoi td = S_thay_doi_ky_truoc(m, model_xh_don_vi(m, u, t));
				if (fmt_thay_doi(out, &td))
					buf_puts(out, "—");
				buf_puts(out, " | ");
			}
			S_int_or_dash(out, k, k->n);
			buf_puts(out, " | ");
			S_int_or_dash(out, k, k->d);
			buf_puts(out, " | ");
			S_nhom(out, m, m->don_vi[u].nhom, S_up);
			if (co_ghi_chu) {
				buf_puts(out, " | ");
				S_ghi_chu(out, m, u, t);
			}
			buf_puts(out, " |\n");
			md_cut(out, MD_CUT_TABLE);
		}
		md_cut_end(out);
		buf_putc(out, '\n');
	}
	free(v);
	free(pos);
	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "## Đơn vị chưa báo cáo\n\n");
	S_list_chua_bao_cao(out, m, t, S_up);
}
void md_trang_du_lieu(Buf *out, const Model *m)
{
	buf_puts(out, "# Chất lượng số liệu\n\nKỳ báo cáo: ");
	S_cua_so(out, m);
	buf_puts(out, "\n\n");
	S_lich_su_tom_tat(out, m, "");
	buf_puts(out, "## Cảnh báo của lần chạy\n\n");
	if (!m->msgs.n)
		buf_puts(out, "Không có cảnh báo nào.\n\n");
	else {
		size_t head = out->len;
		buf_puts(out, "| Tệp | Dòng | Cột | Mức | Nội dung |\n|---|---:|---:|---|---|\n");
		md_cut_head(out, head);
		for (size_t i = 0; i < m->msgs.n; i++) {
			const Msg *g = &m->msgs.v[i];
			buf_puts(out, "| ");
			md_escape(out, g->path && *g->path ? g->path : "—");
			buf_puts(out, " | ");
			if (g->line > 0)
				fmt_int(out, g->line);
			buf_puts(out, " | ");
			if (g->col > 0)
				fmt_int(out, g->col);
			buf_puts(out, g->level == MSG_ERROR ? " | ✗ lỗi | " : " | ⚠ cảnh báo | ");
			/* the catalogue's Vietnamese, whatever the locale (msg.h) */
			md_escape(out, msg_text_vi(g));
			buf_puts(out, " |\n");
			md_cut(out, MD_CUT_TABLE);
		}
		md_cut_end(out);
		buf_putc(out, '\n');
	}

	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "## Đơn vị chưa báo cáo\n\n");
	int n = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		Buf miss;
		buf_init(&miss);
		int k = 0;
		for (size_t t = 0; t < m->n_chi_tieu; t++)
			if (model_applies(m, u, t) && model_kq_don_vi(m, u, t)->dg == DG_CHUA_BAO_CAO)
				buf_printf(&miss, "%s%d", k++ ? ", " : "", m->chi_tieu[t].stt);
		if (k || !m->don_vi[u].co_so_lieu) {
			if (!n++) {
				size_t head = out->len;
				buf_puts(out, "| Đơn vị | Nhóm | Tệp số liệu | Chỉ tiêu chưa báo cáo |\n|---|---|---|---|\n");
				md_cut_head(out, head);
			}
			buf_puts(out, "| ");
			S_don_vi(out, m, u, "");
			buf_puts(out, " | ");
			S_nhom(out, m, m->don_vi[u].nhom, "");
			buf_puts(out, m->don_vi[u].co_so_lieu ? " | có | " : " | ⚠ không có | ");
			buf_puts(out, k ? miss.ptr : "—");
			buf_puts(out, " |\n");
			md_cut(out, MD_CUT_TABLE);
		}
		buf_release(&miss);
	}
	md_cut_end(out);
	buf_puts(out, n ? "\n" : "Mọi đơn vị đã báo cáo mọi chỉ tiêu áp dụng.\n\n");

	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "## Đơn vị thiếu số liệu của một số tháng\n\n"
	              "Tháng trong kỳ lũy kế mà không dòng số liệu nào (tháng hoặc quý) bao gồm.\n\n");
	/* One row per unit and set of missing months: a unit that skipped
	 * December for every target reads as one line, not ten. */
	n = 0;
	unsigned *miss = xcalloc(m->n_chi_tieu ? m->n_chi_tieu : 1, sizeof *miss);
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			int any = 0;
			miss[t] = model_applies(m, u, t) ? S_thang_thieu(m, u, t, &any) : 0;
			if (!any)
				miss[t] = 0;
		}
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			unsigned set = miss[t];
			if (!set)
				continue;
			if (!n++) {
				size_t head = out->len;
				buf_puts(out, "| Đơn vị | Tháng còn thiếu | Chỉ tiêu |\n|---|---|---|\n");
				md_cut_head(out, head);
			}
			buf_puts(out, "| ");
			S_don_vi(out, m, u, "");
			buf_puts(out, " | ");
			int k = 0;
			for (int mo = 1; mo <= 12; mo++)
				if (set & (1u << mo)) {
					buf_puts(out, k++ ? ", " : "");
					fmt_buoc(out, (Ky){m->cua_so.year, 'M', mo});
				}
			buf_puts(out, " | ");
			k = 0;
			for (size_t v = t; v < m->n_chi_tieu; v++)
				if (miss[v] == set) {
					buf_puts(out, k++ ? ", " : "");
					buf_printf(out, "[%d](chi-tieu/%d.html)", m->chi_tieu[v].stt, m->chi_tieu[v].stt);
					miss[v] = 0;
				}
			buf_puts(out, " |\n");
			md_cut(out, MD_CUT_TABLE);
		}
	}
	free(miss);
	md_cut_end(out);
	buf_puts(out, n ? "\n" : "Không có.\n\n");

	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "## Mẫu số nhỏ (dưới 5)\n\nTỷ lệ trên mẫu số nhỏ dễ biến động: đọc kèm tử số và mẫu số.\n\n");
	n = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			if (!model_applies(m, u, t))
				continue;
			const KetQua *k = model_kq_don_vi(m, u, t);
			if (!S_nho(k))
				continue;
			if (!n++) {
				size_t head = out->len;
				buf_puts(out, "| Đơn vị | Chỉ tiêu | Tỷ lệ | Tử số | Mẫu số |\n|---|---|---:|---:|---:|\n");
				md_cut_head(out, head);
			}
			buf_puts(out, "| ");
			S_don_vi(out, m, u, "");
			buf_puts(out, " | ");
			S_chi_tieu(out, m, t, "");
			buf_puts(out, " | ");
			S_cells(out, k, &m->chi_tieu[t]);
			buf_puts(out, " |\n");
			md_cut(out, MD_CUT_TABLE);
		}
	}
	md_cut_end(out);
	buf_puts(out, n ? "\n" : "Không có.\n\n");
}

void md_trang_han(Buf *out, const Model *m)
{
	/* HAN: the deadline tasks' page; grows with gen/han.h. */
	buf_puts(out, "# Tiến độ công bố thủ tục hành chính\n\nKỳ báo cáo: ");
	S_cua_so(out, m);
	buf_puts(out, "\n\n");
	if (!m->han.co) {
		buf_puts(out, "Kỳ này không có dữ liệu về nhiệm vụ có thời hạn.\n\n");
		return;
	}
	han_md(out, m);
}
