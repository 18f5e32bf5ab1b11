/* SPDX-License-Identifier: MIT */
/* trang: the site's pages as documents (trang.h).  Numbers through fmt.c,
 * as the report's, so the two never disagree; the words here, the marks
 * in the writer. */
#include "trang.h"

#include <stdlib.h>
#include <string.h>

#include "bao_cao.h"
#include "eval.h"
#include "fmt.h"
#include "rank.h"
#include "soan.h"
#include "trang_lich_su.h"
#include "xalloc.h"

/* A page being built: its composer, the model, where its links start
 * ("" at the site's root, "../" one folder down). */
typedef struct {
	Soan s;
	const Model *m;
	const TrangCtx *c;
	const char *root;
	TrangCtx *own; /* c when the page made it */
} T;

/* A page that needs the shared work (ranks, children) and is given none
 * (c NULL) computes it: can_ctx. */
static void T_begin(T *t, DocWriter *w, const Model *m, const TrangCtx *c, const char *root, int can_ctx)
{
	soan_init(&t->s, w);
	t->m = m;
	t->own = c || !can_ctx ? NULL : trang_ctx_new(m);
	t->c = c ? c : t->own;
	t->root = root;
}

static void T_end(T *t)
{
	soan_block(&t->s, DOC_END);
	soan_put(&t->s);
	soan_release(&t->s);
	trang_ctx_free(t->own);
}

static const char *S_s(const char *s) { return s ? s : ""; }

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

/* The text of the cell "Tỷ lệ" of one result. */
static void S_o_ty_le(Soan *s, const KetQua *k, const ChiTieu *t)
{
	S_ty_le(&s->b, k, t);
	if (S_nho(k))
		soan_puts(s, " ⚠ mẫu số nhỏ");
}

/* The cells "Tử số | Mẫu số" of one result, after the cell before them. */
static void S_cells_so(Soan *s, const KetQua *k)
{
	soan_cell(s);
	S_int_or_dash(&s->b, k, k->n);
	soan_cell(s);
	S_int_or_dash(&s->b, k, k->d);
}

/* The cells "Tỷ lệ | Tử số | Mẫu số" of one result. */
static void S_cells(Soan *s, const KetQua *k, const ChiTieu *t)
{
	S_o_ty_le(s, k, t);
	S_cells_so(s, k);
}

/* The cells "Đánh giá | Tỷ lệ | [Giao chỉ tiêu |] Tử số | Mẫu số | Số đơn
 * vị đạt/được đánh giá" of a result (the target's cell when giao): the
 * verdict first, beside the name, so that a phone shows it without
 * scrolling the table sideways. */
static void S_cells_danh_gia(Soan *s, const KetQua *k, const ChiTieu *t, int giao)
{
	S_dg(&s->b, k->dg);
	soan_cell(s);
	S_o_ty_le(s, k, t);
	if (giao) {
		soan_cell(s);
		fmt_giao_chi_tieu(&s->b, t);
	}
	S_cells_so(s, k);
	soan_cell(s);
	fmt_int(&s->b, k->so_dv_dat);
	buf_putc(&s->b, '/');
	fmt_int(&s->b, k->so_dv_danh_gia);
}

/* Unit u's name, a link to its page when the page has a root (NULL: no
 * link) and the unit a page. */
static void S_don_vi(T *t, size_t u, const char *root)
{
	const DonVi *dv = &t->m->don_vi[u];
	if (root && model_code_ok(dv->ma))
		soan_link(&t->s, model_ten_don_vi(t->m, u), "%sdon-vi/%s.html", root, dv->ma);
	else
		soan_puts(&t->s, model_ten_don_vi(t->m, u));
}

static void S_nhom(T *t, int g, const char *root)
{
	if (g < 0) {
		soan_puts(&t->s, "—");
		return;
	}
	if (root) {
		char *stem = model_nhom_stem(t->m, (size_t)g);
		soan_link(&t->s, t->m->nhom[g].ten, "%snhom/%s.html", root, stem);
		free(stem);
	} else
		soan_puts(&t->s, t->m->nhom[g].ten);
}

/* "3. Tên chỉ tiêu" (tight: the short name), a link to its page unless
 * root is NULL. */
static void S_chi_tieu_ten(T *t, size_t i, const char *root, int ngan)
{
	const ChiTieu *ct = &t->m->chi_tieu[i];
	char nb[MODEL_TEN_NGAN_BUF];
	Buf x;
	buf_init(&x);
	buf_printf(&x, "%d. %s", ct->stt, ngan ? model_ten_ngan(ct, 0, nb) : S_s(ct->ten));
	if (root)
		soan_link(&t->s, x.ptr, "%schi-tieu/%d.html", root, ct->stt);
	else
		soan_puts(&t->s, x.ptr);
	buf_release(&x);
}

static void S_chi_tieu(T *t, size_t i, const char *root) { S_chi_tieu_ten(t, i, root, 0); }

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

/* The notes of (u, t) in the window: "Tháng 3: text; Quý II: text". */
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
		buf_puts(b, r->ghi_chu);
		first = 0;
	}
}

/* 1 when some unit of v[0, n) (NULL: unit u alone) wrote a note on
 * target t (every target when t is (size_t)-1). */
static int S_co_ghi_chu(const Model *m, const int *v, size_t n, size_t u, size_t t)
{
	Buf g;
	buf_init(&g);
	for (size_t i = 0; i < (v ? n : 1) && !g.len; i++) {
		size_t x = v ? (size_t)v[i] : u;
		for (size_t k = t == (size_t)-1 ? 0 : t; k < m->n_chi_tieu && !g.len; k++) {
			if (model_applies(m, x, k))
				S_ghi_chu(&g, m, x, k);
			if (t != (size_t)-1)
				break;
		}
	}
	int co = g.len > 0;
	buf_release(&g);
	return co;
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

/* ---- shared work ------------------------------------------------------ */

static size_t S_don_vi_at(const Model *m, size_t i)
{
	return m->thu_tu_don_vi ? (size_t)m->thu_tu_don_vi[i] : i;
}

/* Display position of every unit (thu_tu_don_vi inverted). */
static int *S_positions(const Model *m)
{
	int *pos = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *pos);
	for (size_t i = 0; i < m->n_don_vi; i++)
		pos[S_don_vi_at(m, i)] = (int)i;
	return pos;
}

struct TrangCtx {
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

static void S_lists(TrangCtx *c, const Model *m)
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
TrangCtx *trang_ctx_new(const Model *m)
{
	size_t n = m->n_don_vi ? m->n_don_vi : 1;
	TrangCtx *c = xcalloc(1, sizeof *c);
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

void trang_ctx_free(TrangCtx *c)
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

int trang_co_con(const TrangCtx *c, size_t u)
{
	return c->con_dau[u] >= 0;
}

/* The units of group g (g < 0: any) among parent p's children, in
 * display order, into v; their number. */
static size_t S_con(const Model *m, const TrangCtx *c, size_t p, int g, int *v)
{
	size_t n = 0;
	for (int u = c->con_dau[p]; u >= 0; u = c->con_sau[u])
		if (g < 0 || m->don_vi[u].nhom == g)
			v[n++] = u;
	return n;
}

/* ---- the ranking ------------------------------------------------------ */

/* The ranking of the units v[0, n) (sorted here), with what it measures
 * and each unit's counts and shortfall. */
static void S_bang_xep_hang_ds(T *t, int *v, size_t n)
{
	Soan *s = &t->s;
	int *hang = xmalloc((n ? n : 1) * sizeof *hang);
	int *dong = xmalloc((n ? n : 1) * sizeof *dong);
	rank_sap_xep(t->m, t->c->khoa, v, n, hang, dong);
	soan_para(s, rank_quy_tac);
	soan_head(s);
	soan_puts(s, "Hạng");
	soan_cell(s);
	soan_puts(s, "Đơn vị");
	static const DanhGia cot[] = {DG_DAT, DG_CHUA_BAO_CAO, DG_CHUA_DAT};
	for (int j = 0; j < 3; j++) {
		soan_cell(s);
		soan_printf(s, "%s %s", fmt_ky_hieu(cot[j]), fmt_danh_gia(cot[j]));
	}
	soan_cell(s);
	soan_puts(s, "Tổng thiếu hụt (điểm %)");
	soan_cell(s);
	soan_printf(s, "%s %s", fmt_ky_hieu(DG_KHONG_PHAT_SINH), fmt_danh_gia(DG_KHONG_PHAT_SINH));
	soan_cell(s);
	soan_puts(s, "Số chỉ tiêu áp dụng");
	soan_head_end(s, "rlrrrrrr");
	for (size_t i = 0; i < n; i++) {
		size_t u = (size_t)v[i];
		const RankKhoa *k = &t->c->khoa[u];
		const DemDanhGia *d = &k->dem;
		soan_row(s);
		fmt_int(&s->b, hang[i]);
		soan_puts(s, dong[i] ? " (đồng hạng)" : "");
		soan_cell(s);
		S_don_vi(t, u, t->root);
		int64_t so[3] = {d->dat, d->chua_bao_cao, d->chua_dat};
		for (int j = 0; j < 3; j++) {
			soan_cell(s);
			fmt_int(&s->b, so[j]);
		}
		soan_cell(s);
		fmt_tram(&s->b, k->thieu_tram);
		soan_cell(s);
		fmt_int(&s->b, d->khong_phat_sinh);
		soan_cell(s);
		fmt_int(&s->b, d->ap_dung);
		soan_row_end(s);
	}
	soan_table_end(s);
	free(hang);
	free(dong);
}

/* ---- the document header and the summary --------------------------- */

/* The province-wide rows' name ("Toàn tỉnh Hưng Yên"). */
static const char *S_ten_tinh(const Model *m)
{
	const char *ten = model_conf(m, "ten_tinh");
	return *ten ? ten : "Toàn tỉnh";
}

/* The index's title and what its figures are. */
static void S_title(T *t)
{
	Soan *s = &t->s;
	const Model *m = t->m;
	soan_block(s, DOC_TITLE);
	const char *trich_yeu = model_conf(m, "trich_yeu");
	soan_puts(s, *trich_yeu ? trich_yeu : "Kết quả thực hiện các chỉ tiêu");
	soan_puts(s, " ");
	S_cua_so_giua_cau(&s->b, m);
	soan_put(s);
	soan_puts(s, "Số liệu lũy kế từ đầu năm đến hết kỳ báo cáo (");
	S_cua_so_giua_cau(&s->b, m);
	soan_puts(s, ").");
	const char *ghi_chu = model_conf(m, "ghi_chu_du_lieu");
	if (*ghi_chu) {
		soan_puts(s, " ");
		soan_style(s, DOC_ITALIC);
		soan_puts(s, ghi_chu);
	}
	soan_put(s);
}

/* A page's title and the line of its period: "Kỳ báo cáo: …". */
static void S_ky_bao_cao(T *t)
{
	soan_puts(&t->s, "Kỳ báo cáo: ");
	fmt_cua_so(&t->s.b, &t->m->cua_so);
}

/* ---- the verdict matrix -----------------------------------------------
 * Rows (the province and the groups on the index, a group's units on its
 * page) against targets as columns, as the DHIS2 scorecard and the
 * scorecards' overview page show it: each cell the rate and the verdict's
 * symbol (site.c colours it), "Không phát sinh" or "Chưa báo cáo" in
 * words, blank where the target does not apply.  Headers are the short
 * names, linked to the targets' pages. */

/* The line above every matrix: what a cell holds, the one legend. */
static void S_chu_giai(Soan *s)
{
	s->k.flags |= DOC_F_SMALL;
	soan_puts(s, "Mỗi ô: ký hiệu đánh giá và tỷ lệ lũy kế (%) (");
	fmt_chu_giai(&s->b);
	soan_puts(s, "; ⚠ mẫu số nhỏ).");
	soan_put(s);
}

/* A matrix cell, compact enough for a phone: the verdict's symbol, then
 * the rate in % where there is one ("● 81,15"; the legend says %), "○ 0/0"
 * for nothing arisen, "?" for not reported; k NULL: the target does not
 * apply ("–"). */
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

/* The head of a matrix over the targets that apply[t] (NULL: all);
 * first: the first column's name. */
static void S_ma_tran_head(T *t, const unsigned char *apply, const char *first)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	char nb[MODEL_TEN_NGAN_BUF];
	Buf al;
	buf_init(&al);
	buf_putc(&al, 'l');
	soan_head(s);
	soan_puts(s, first);
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		if (apply && !apply[i])
			continue;
		const ChiTieu *ct = &m->chi_tieu[i];
		soan_cell(s);
		soan_link(s, model_ten_ngan(ct, 1, nb), "%schi-tieu/%d.html", t->root, ct->stt);
		buf_putc(&al, 'r');
	}
	soan_head_end(s, al.ptr);
	buf_release(&al);
}

/* The cells of unit u's row over the targets that apply[t] (NULL: all). */
static void S_o_don_vi(T *t, size_t u, const unsigned char *apply)
{
	const Model *m = t->m;
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		if (apply && !apply[i])
			continue;
		soan_cell(&t->s);
		S_o_ma_tran(&t->s.b, model_applies(m, u, i) ? model_kq_don_vi(m, u, i) : NULL,
		            &m->chi_tieu[i]);
	}
}

/* A unit's row of a matrix. */
static void S_dong_ma_tran(T *t, size_t u, const unsigned char *apply)
{
	soan_row(&t->s);
	S_don_vi(t, u, t->root);
	S_o_don_vi(t, u, apply);
	soan_row_end(&t->s);
}

/* The index's matrix: the province, then every group. */
static void S_ma_tran_tinh(T *t)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	soan_heading(s, 1, "Ma trận kết quả");
	S_chu_giai(s);
	S_ma_tran_head(t, NULL, "Toàn tỉnh và nhóm đơn vị");
	soan_row(s);
	soan_style(s, DOC_BOLD);
	soan_puts(s, S_ten_tinh(m));
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		soan_cell(s);
		S_o_ma_tran(&s->b, &m->kq_tinh[i], &m->chi_tieu[i]);
	}
	soan_row_end(s);
	for (size_t g = 0; g < m->n_nhom; g++) {
		soan_row(s);
		S_nhom(t, (int)g, t->root);
		for (size_t i = 0; i < m->n_chi_tieu; i++) {
			soan_cell(s);
			S_o_ma_tran(&s->b, m->chi_tieu[i].ap_dung[g] ? model_kq_nhom(m, g, i) : NULL,
			            &m->chi_tieu[i]);
		}
		soan_row_end(s);
	}
	soan_table_end(s);
}

/* The row heading parent p's units v[0, n) in a matrix: the parent,
 * linking to its page of children, and their roll-up (eval_gop). */
static void S_dong_gop(T *t, size_t p, const int *v, size_t n, const unsigned char *apply)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	soan_row(s);
	soan_style(s, DOC_BOLD);
	if (model_code_ok(m->don_vi[p].ma))
		soan_link(s, model_ten_don_vi(m, p), "%sdia-ban/%s.html", t->root, m->don_vi[p].ma);
	else
		soan_puts(s, model_ten_don_vi(m, p));
	soan_style(s, 0);
	soan_puts(s, " (cộng gộp ");
	fmt_int(&s->b, (int64_t)n);
	soan_puts(s, " đơn vị)");
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		if (apply && !apply[i])
			continue;
		KetQua k;
		eval_gop(m, v, n, i, &k);
		soan_cell(s);
		S_o_ma_tran(&s->b, &k, &m->chi_tieu[i]);
	}
	soan_row_end(s);
}

/* A group's page: its units against the targets that apply to it, cut
 * by rows (a group may hold thousands of units).  Units with a parent
 * come under it (a district's communes), each parent's row giving their
 * roll-up; units with none after. */
static void S_ma_tran_nhom(T *t, size_t g)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	unsigned char *apply = xcalloc(m->n_chi_tieu ? m->n_chi_tieu : 1, 1);
	int *v = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *v);
	size_t na = 0;
	for (size_t i = 0; i < m->n_chi_tieu; i++)
		na += apply[i] = m->chi_tieu[i].ap_dung[g];
	size_t tong = 0;
	for (size_t u = 0; u < m->n_don_vi; u++)
		tong += m->don_vi[u].nhom == (int)g;
	if (!tong)
		goto out;
	soan_heading(s, 1, "Ma trận kết quả của các đơn vị");
	if (!na) {
		soan_para(s, "Không có chỉ tiêu nào áp dụng cho nhóm này.");
		goto out;
	}
	S_chu_giai(s);
	int co_cap_tren = 0;
	for (size_t u = 0; u < m->n_don_vi && !co_cap_tren; u++)
		co_cap_tren = m->don_vi[u].nhom == (int)g && m->don_vi[u].thuoc >= 0;
	if (co_cap_tren)
		soan_para(s, "Các đơn vị xếp theo đơn vị cấp trên; dòng in đậm của mỗi đơn vị cấp trên là "
		             "số cộng gộp tử số, mẫu số của các đơn vị trực thuộc đã có số liệu, đánh giá "
		             "như chỉ tiêu của tỉnh.");
	S_ma_tran_head(t, apply, "Đơn vị");
	if (co_cap_tren)
		for (size_t i = 0; i < m->n_don_vi; i++) {
			size_t p = S_don_vi_at(m, i);
			size_t n = S_con(m, t->c, p, (int)g, v);
			if (!n)
				continue;
			S_dong_gop(t, p, v, n, apply);
			for (size_t k = 0; k < n; k++)
				S_dong_ma_tran(t, (size_t)v[k], apply);
		}
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		if (m->don_vi[u].nhom != (int)g || m->don_vi[u].thuoc >= 0)
			continue;
		S_dong_ma_tran(t, u, apply);
	}
	soan_table_end(s);
out:
	free(apply);
	free(v);
}

/* The index's small multiples: every target's chart, linked to its page. */
static void S_bieu_do_nho(T *t)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	char nb[MODEL_TEN_NGAN_BUF], stem[40], href[40];
	if (!m->n_chi_tieu)
		return;
	soan_heading(s, 1, "Biểu đồ theo chỉ tiêu");
	Buf alt;
	buf_init(&alt);
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		const ChiTieu *ct = &m->chi_tieu[i];
		buf_reset(&alt);
		buf_printf(&alt, "Chỉ tiêu %d. %s: xu hướng theo kỳ", ct->stt, model_ten_ngan(ct, 0, nb));
		snprintf(stem, sizeof stem, "chi-tieu-%d", ct->stt);
		snprintf(href, sizeof href, "%schi-tieu/%d.html", t->root, ct->stt);
		soan_item(s);
		soan_image(s, alt.ptr, stem, href);
		soan_put(s);
	}
	buf_release(&alt);
}

/* How many units of a kind the index names at most: it stays small
 * however many units there are (the rest are on du-lieu.html). */
enum { S_CHU_Y_TOI_DA = 10, S_THIEU_TOI_DA = 30 };

/* 1 when unit u misses some target: not met or not reported. */
static int S_co_thieu(const TrangCtx *c, size_t u)
{
	return c->khoa[u].dem.chua_dat + c->khoa[u].dem.chua_bao_cao > 0;
}

/* The index's "who misses what": for each group the units at the bottom
 * of its ranking among those that miss some target (at most 10, the last
 * first) with their verdicts. */
static void S_can_chu_y(T *t)
{
	const Model *m = t->m;
	const TrangCtx *c = t->c;
	Soan *s = &t->s;
	size_t n = m->n_don_vi ? m->n_don_vi : 1;
	int *v = xmalloc(n * sizeof *v), *hang = xmalloc(n * sizeof *hang), *dong = xmalloc(n * sizeof *dong);
	unsigned char *apply = xcalloc(m->n_chi_tieu ? m->n_chi_tieu : 1, 1);
	soan_heading(s, 1, "Đơn vị chưa đạt nhiều chỉ tiêu nhất");
	soan_puts(s, "Trong mỗi nhóm, tối đa 10 đơn vị xếp cuối bảng xếp hạng trong số các đơn vị có chỉ "
	             "tiêu chưa đạt hoặc chưa báo cáo, đơn vị xếp cuối ở trên cùng. ");
	soan_puts(s, rank_quy_tac);
	soan_puts(s, " Ký hiệu như ở ma trận trên.");
	soan_put(s);
	int any = 0;
	for (size_t g = 0; g < m->n_nhom; g++) {
		size_t k = 0;
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
		for (size_t i = 0; i < m->n_chi_tieu; i++)
			apply[i] = m->chi_tieu[i].ap_dung[g];
		any = 1;
		soan_block(s, DOC_HEADING);
		s->k.level = 2;
		S_nhom(t, (int)g, t->root);
		soan_put(s);
		S_ma_tran_head(t, apply, "Đơn vị (hạng)");
		shown = 0;
		for (size_t i = k; i-- > 0 && shown < S_CHU_Y_TOI_DA;) {
			size_t u = (size_t)v[i];
			if (!S_co_thieu(c, u))
				continue;
			shown++;
			soan_row(s);
			S_don_vi(t, u, t->root);
			soan_puts(s, " (");
			fmt_int(&s->b, hang[i]);
			soan_puts(s, "/");
			fmt_int(&s->b, (int64_t)k);
			soan_puts(s, ")");
			for (size_t x = 0; x < m->n_chi_tieu; x++) {
				if (!apply[x])
					continue;
				soan_cell(s);
				S_o_ma_tran(&s->b, model_kq_don_vi(m, u, x), &m->chi_tieu[x]);
			}
			soan_row_end(s);
		}
		soan_table_end(s);
	}
	if (!any)
		soan_para(s, "Mọi đơn vị đều đạt hoặc không phát sinh ở mọi chỉ tiêu áp dụng.");
	free(v);
	free(hang);
	free(dong);
	free(apply);
}

/* The index's units that did not report, or only part of the window (at
 * most 30 of each kind; the rest on du-lieu.html). */
static void S_chua_bao_cao_du(T *t)
{
	const Model *m = t->m;
	const TrangCtx *c = t->c;
	Soan *s = &t->s;
	size_t n_khong = 0, n_thieu = 0;
	for (size_t u = 0; u < m->n_don_vi; u++)
		if (m->thieu_don_vi && m->thieu_don_vi[u]) {
			if (m->don_vi[u].co_so_lieu)
				n_thieu++;
			else
				n_khong++;
		}
	soan_heading(s, 1, "Đơn vị chưa báo cáo hoặc báo cáo chưa đủ");
	if (!n_khong && !n_thieu) {
		soan_para(s, "Mọi đơn vị đã báo cáo đủ số liệu của kỳ.");
		return;
	}
	for (int kind = 0; kind < 2; kind++) {
		size_t total = kind ? n_thieu : n_khong, shown = 0;
		if (!total)
			continue;
		soan_puts(s, kind ? "Báo cáo chưa đủ số liệu (thiếu tháng hoặc thiếu chỉ tiêu): "
		                  : "Chưa gửi số liệu: ");
		fmt_int(&s->b, (int64_t)total);
		soan_puts(s, " đơn vị.");
		soan_put(s);
		for (size_t i = 0; i < m->n_don_vi && shown < S_THIEU_TOI_DA; i++) {
			size_t u = S_don_vi_at(m, i);
			if (!m->thieu_don_vi[u] || !m->don_vi[u].co_so_lieu != !kind)
				continue;
			shown++;
			soan_item(s);
			S_don_vi(t, u, t->root);
			soan_puts(s, " (");
			S_nhom(t, m->don_vi[u].nhom, NULL);
			if (c->khoa[u].dem.chua_bao_cao) {
				soan_puts(s, "; ");
				fmt_int(&s->b, c->khoa[u].dem.chua_bao_cao);
				soan_puts(s, " chỉ tiêu chưa báo cáo");
			}
			soan_puts(s, ")");
			soan_put(s);
		}
		if (total > shown) {
			soan_item(s);
			soan_puts(s, "và ");
			fmt_int(&s->b, (int64_t)(total - shown));
			soan_puts(s, " đơn vị khác: xem ");
			soan_link(s, "Chất lượng số liệu", "%sdu-lieu.html", t->root);
			soan_put(s);
		}
	}
}

/* The restatements in a sentence, for the index and the data-quality
 * page (trang_lich_su.h draws the rest; the provisional mark is the page
 * shell's banner). */
static void S_lich_su_tom_tat(T *t)
{
	if (!t->m->ls.co_truoc)
		return;
	fmt_dieu_chinh_cau(&t->s.b, t->m);
	soan_puts(&t->s, " ");
	soan_link(&t->s, "Danh sách điều chỉnh", "%sdieu-chinh.html", t->root);
	soan_put(&t->s);
}

/* The table of targets' results (a group's, or parent p's children's
 * roll-up when v is given): "Chỉ tiêu | Giao chỉ tiêu | Tỷ lệ | …". */
static void S_bang_chi_tieu(T *t, int g, const int *v, size_t n, const unsigned char *apply)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	soan_table(s, "llrlrrr",
	           v ? "Chỉ tiêu|Đánh giá|Tỷ lệ|Giao chỉ tiêu|Σ Tử số|Σ Mẫu số|Số đơn vị đạt/được đánh giá"
	             : "Chỉ tiêu|Đánh giá|Tỷ lệ|Giao chỉ tiêu|Tử số|Mẫu số|Số đơn vị đạt/được đánh giá");
	int any = 0;
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		const ChiTieu *ct = &m->chi_tieu[i];
		if (v ? !apply[i] : !ct->ap_dung[g])
			continue;
		KetQua gop;
		const KetQua *k = v ? &gop : model_kq_nhom(m, (size_t)g, i);
		if (v)
			eval_gop(m, v, n, i, &gop);
		any = 1;
		soan_row(s);
		S_chi_tieu_ten(t, i, t->root, 1);
		soan_cell(s);
		S_cells_danh_gia(s, k, ct, 1);
		soan_row_end(s);
	}
	if (!any) {
		soan_row(s);
		soan_puts(s, "Không có chỉ tiêu nào áp dụng cho nhóm này");
		soan_row_end(s);
	}
	soan_table_end(s);
}

void trang_chu(DocWriter *w, const Model *m, const TrangCtx *ctx)
{
	T t;
	T_begin(&t, w, m, ctx, "", 1);
	Soan *s = &t.s;
	S_title(&t);
	soan_puts(s, "Số liệu đến ");
	fmt_den_het(&s->b, &m->cua_so);
	soan_puts(s, ".");
	soan_put(s);
	S_lich_su_tom_tat(&t);
	S_ma_tran_tinh(&t);
	S_can_chu_y(&t);
	S_chua_bao_cao_du(&t);
	/* the report's own words and table (bao_cao.c), not composed again */
	bao_cao_build_phan(m, w, BAO_CAO_KET_QUA_CHUNG);
	S_bieu_do_nho(&t);
	bao_cao_build_phan(m, w, BAO_CAO_PHU_LUC_KET_QUA);
	soan_heading(s, 1, "Kết quả theo nhóm đơn vị");
	for (size_t g = 0; g < m->n_nhom; g++) {
		soan_block(s, DOC_HEADING);
		s->k.level = 2;
		S_nhom(&t, (int)g, "");
		soan_put(s);
		S_bang_chi_tieu(&t, (int)g, NULL, 0, NULL);
	}
	/* The units themselves are on their groups' pages: the index stays
	 * the same size however many units there are. */
	soan_heading(s, 1, "Xếp hạng đơn vị trong nhóm");
	soan_para(s, "Mỗi nhóm có bảng xếp hạng và ma trận kết quả của các đơn vị ở trang của nhóm:");
	for (size_t g = 0; g < m->n_nhom; g++) {
		int n = 0;
		for (size_t u = 0; u < m->n_don_vi; u++)
			n += m->don_vi[u].nhom == (int)g;
		soan_item(s);
		S_nhom(&t, (int)g, "");
		soan_puts(s, ": ");
		fmt_int(&s->b, n);
		soan_puts(s, " đơn vị");
		soan_put(s);
	}
	soan_heading(s, 1, "Xem thêm");
	static const struct {
		const char *ten, *href;
	} xem[] = {{"Báo cáo đầy đủ của kỳ", "bao-cao.html"},
	           {"Chất lượng số liệu: cảnh báo, đơn vị chưa báo cáo, thiếu tháng", "du-lieu.html"},
	           {"Tiến độ công bố thủ tục hành chính", "han.html"},
	           {"Điều chỉnh số liệu so với báo cáo kỳ trước", "dieu-chinh.html"}};
	for (size_t i = 0; i < sizeof xem / sizeof *xem; i++) {
		if ((i == 2 && !m->han.co) || (i == 3 && !m->ls.co_truoc))
			continue;
		soan_item(s);
		soan_link(s, xem[i].ten, "%s", xem[i].href);
		soan_put(s);
	}
	/* no DOC_END: the caller may add more (the site, its downloads) */
	soan_release(&t.s);
	trang_ctx_free(t.own);
}

void trang_nhom(DocWriter *w, const Model *m, const TrangCtx *ctx, size_t g)
{
	T t;
	T_begin(&t, w, m, ctx, "../", 1);
	Soan *s = &t.s;
	soan_tieu_de(s, m->nhom[g].ten);
	S_ky_bao_cao(&t);
	soan_puts(s, " · ");
	soan_link(s, "Trang chủ", "../index.html");
	soan_put(s);
	soan_heading(s, 1, "Kết quả của nhóm theo chỉ tiêu");
	S_bang_chi_tieu(&t, (int)g, NULL, 0, NULL);
	S_ma_tran_nhom(&t, g);
	soan_heading(s, 1, "Xếp hạng đơn vị trong nhóm");
	int *v = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		if (m->don_vi[u].nhom == (int)g)
			v[n++] = (int)u;
	}
	if (!n)
		soan_para(s, "Nhóm này không có đơn vị nào.");
	else
		S_bang_xep_hang_ds(&t, v, n);
	free(v);
	T_end(&t);
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
static void S_ket_qua_tung_dong(T *t, size_t u)
{
	const Model *m = t->m;
	const LichSu *ls = &m->ls;
	Soan *s = &t->s;
	soan_heading(s, 1, "Kết quả theo chỉ tiêu");
	int truoc = ls->co_truoc && ls->truoc.year == m->cua_so.year;
	Buf x;
	buf_init(&x);
	if (truoc || ls->co_cung_ky) {
		buf_puts(&x, "Thay đổi của tỷ lệ lũy kế, tính bằng điểm %: ");
		if (truoc) {
			buf_puts(&x, "“kỳ trước” so với ");
			fmt_ky_cu(&x, ls->truoc);
		}
		if (ls->co_cung_ky) {
			buf_puts(&x, truoc ? "; “cùng kỳ” so với " : "“cùng kỳ” so với ");
			fmt_ky_cu(&x, ls->cung_ky);
		}
		buf_puts(&x, ".");
	}
	if (!truoc)
		buf_puts(&x, " Chưa có số liệu kỳ trước.");
	if (!ls->co_cung_ky)
		buf_puts(&x, " Chưa có số liệu cùng kỳ.");
	soan_para(s, x.ptr + (x.len && x.ptr[0] == ' '));
	buf_release(&x);
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		if (!model_applies(m, u, i))
			continue;
		const ChiTieu *ct = &m->chi_tieu[i];
		const KetQua *k = model_kq_don_vi(m, u, i);
		soan_item(s);
		S_chi_tieu_ten(t, i, t->root, 1);
		soan_puts(s, ": ");
		soan_style(s, DOC_BOLD);
		S_dg(&s->b, k->dg);
		soan_style(s, 0);
		if (k->dg == DG_DAT || k->dg == DG_CHUA_DAT) {
			soan_puts(s, " — ");
			S_so_lieu(&s->b, k, ct);
		}
		soan_puts(s, "; giao ");
		fmt_giao_chi_tieu(&s->b, ct);
		if (truoc) {
			ThayDoi td = S_thay_doi_ky_truoc(m, model_xh_don_vi(m, u, i));
			soan_puts(s, "; kỳ trước ");
			if (fmt_thay_doi(&s->b, &td))
				soan_puts(s, "chưa có số liệu");
		}
		if (ls->co_cung_ky) {
			soan_puts(s, "; cùng kỳ ");
			if (fmt_cung_ky_gon(&s->b, k, &ls->ck_don_vi[u * m->n_chi_tieu + i]))
				soan_puts(s, "chưa có số liệu");
		}
		soan_put(s);
	}
}

void trang_dia_ban(DocWriter *w, const Model *m, const TrangCtx *ctx, size_t p)
{
	T t;
	T_begin(&t, w, m, ctx, "../", 1);
	Soan *s = &t.s;
	int *v = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *v);
	unsigned char *apply = xcalloc(m->n_chi_tieu ? m->n_chi_tieu : 1, 1);
	size_t n = S_con(m, t.c, p, -1, v), na = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < m->n_chi_tieu; k++)
			apply[k] |= model_applies(m, (size_t)v[i], k);
	for (size_t k = 0; k < m->n_chi_tieu; k++)
		na += apply[k];
	soan_block(s, DOC_TITLE);
	soan_puts(s, model_ten_don_vi(m, p));
	soan_puts(s, ": các đơn vị trực thuộc");
	soan_put(s);
	soan_puts(s, "Số liệu đến ");
	fmt_den_het(&s->b, &m->cua_so);
	soan_puts(s, ", lũy kế từ đầu năm. Trang của đơn vị: ");
	S_don_vi(&t, p, t.root);
	soan_puts(s, ". Số đơn vị trực thuộc: ");
	fmt_int(&s->b, (int64_t)n);
	soan_puts(s, ".");
	soan_put(s);
	if (!na) {
		soan_para(s, "Không có chỉ tiêu nào áp dụng cho các đơn vị trực thuộc.");
		goto out;
	}
	soan_heading(s, 1, "Tổng hợp các đơn vị trực thuộc");
	soan_para(s, "Tử số và mẫu số là tổng của các đơn vị trực thuộc đã có số liệu trong kỳ (đơn vị "
	             "chưa báo cáo không được cộng), đánh giá như chỉ tiêu của tỉnh; cột cuối là số đơn "
	             "vị đạt trên số đơn vị được đánh giá.");
	S_bang_chi_tieu(&t, -1, v, n, apply);
	soan_heading(s, 1, "Ma trận kết quả của các đơn vị trực thuộc");
	S_chu_giai(s);
	S_ma_tran_head(&t, apply, "Đơn vị");
	for (size_t i = 0; i < n; i++)
		S_dong_ma_tran(&t, (size_t)v[i], apply);
	soan_table_end(s);
	soan_heading(s, 1, "Xếp hạng các đơn vị trực thuộc");
	S_bang_xep_hang_ds(&t, v, n);
out:
	free(v);
	free(apply);
	T_end(&t);
}

/* The unit's trend by period: each target's year-to-date rate and verdict
 * at the end of every step of the window (the chart's series, as a
 * matrix a phone reads: the target column stays, the steps scroll). */
static void S_dien_bien(T *t, size_t u)
{
	const Model *m = t->m;
	const CuaSo *w = &m->cua_so;
	Soan *s = &t->s;
	if (w->n_buoc < 2)
		return;
	soan_heading(s, 1, "Diễn biến theo kỳ");
	soan_puts(s, "Tỷ lệ lũy kế từ đầu năm đến hết mỗi ");
	soan_puts(s, w->buoc_quy ? "quý" : "tháng");
	soan_puts(s, " và đánh giá so với chỉ tiêu giao.");
	soan_put(s);
	Buf al;
	buf_init(&al);
	buf_puts(&al, "ll");
	soan_head(s);
	soan_puts(s, "Chỉ tiêu");
	soan_cell(s);
	soan_puts(s, "Giao chỉ tiêu");
	for (int i = 0; i < w->n_buoc; i++) {
		Ky k = w->buoc[i];
		char r[16];
		soan_cell(s);
		if (k.kind == 'Q')
			soan_printf(s, "Đến hết quý %s", fmt_la_ma(k.n, r));
		else {
			soan_puts(s, "Đến hết tháng ");
			fmt_int(&s->b, k.n);
		}
		buf_putc(&al, 'r');
	}
	soan_head_end(s, al.ptr);
	buf_release(&al);
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		if (!model_applies(m, u, i))
			continue;
		const ChiTieu *ct = &m->chi_tieu[i];
		const Diem *xh = model_xh_don_vi(m, u, i);
		soan_row(s);
		S_chi_tieu_ten(t, i, t->root, 1);
		soan_cell(s);
		fmt_giao_chi_tieu(&s->b, ct);
		KetQua k = {0, 0, DG_CHUA_BAO_CAO, 0, 0};
		int co = 0;
		for (int j = 0; j < w->n_buoc; j++) {
			k.n += xh[j].n;
			k.d += xh[j].d;
			co |= xh[j].co;
			k.dg = co ? eval_judge(ct, k.n, k.d) : DG_CHUA_BAO_CAO;
			soan_cell(s);
			S_o_ma_tran(&s->b, &k, ct);
		}
		soan_row_end(s);
	}
	soan_table_end(s);
}

/* The unit's chart, charts/don-vi-<ma>.svg, and its alt text. */
static void S_bieu_do_don_vi(T *t, size_t u)
{
	Soan *s = &t->s;
	char stem[300];
	snprintf(stem, sizeof stem, "don-vi-%s", t->m->don_vi[u].ma);
	soan_block(s, DOC_FIGURE);
	s->k.flags = DOC_F_ALT;
	s->k.line[0] = stem;
	soan_puts(s, "Biểu đồ diễn biến tỷ lệ lũy kế theo kỳ so với chỉ tiêu giao, mỗi chỉ tiêu một ô: ");
	soan_puts(s, model_ten_don_vi(t->m, u));
	soan_put(s);
}

/* "Bảng số liệu": every target that applies to unit u, with its notes. */
static void S_bang_so_lieu(T *t, size_t u)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	int co_ghi_chu = S_co_ghi_chu(m, NULL, 0, u, (size_t)-1);
	soan_heading(s, 1, "Bảng số liệu");
	if (co_ghi_chu)
		soan_table(s, "llrrrll", "Chỉ tiêu|Giao chỉ tiêu|Tỷ lệ|Tử số|Mẫu số|Đánh giá|Ghi chú");
	else
		soan_table(s, "llrrrl", "Chỉ tiêu|Giao chỉ tiêu|Tỷ lệ|Tử số|Mẫu số|Đánh giá");
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		if (!model_applies(m, u, i))
			continue;
		const ChiTieu *ct = &m->chi_tieu[i];
		const KetQua *k = model_kq_don_vi(m, u, i);
		soan_row(s);
		S_chi_tieu(t, i, t->root);
		soan_cell(s);
		fmt_giao_chi_tieu(&s->b, ct);
		soan_cell(s);
		S_cells(s, k, ct);
		soan_cell(s);
		S_dg(&s->b, k->dg);
		if (co_ghi_chu) {
			soan_cell(s);
			S_ghi_chu(&s->b, m, u, i);
		}
		soan_row_end(s);
	}
	soan_table_end(s);
}

void trang_don_vi(DocWriter *w, const Model *m, const TrangCtx *ctx, size_t u)
{
	T t;
	T_begin(&t, w, m, ctx, "../", 1);
	const TrangCtx *c = t.c;
	Soan *s = &t.s;
	const DonVi *dv = &m->don_vi[u];
	const DemDanhGia d = c->khoa[u].dem;
	soan_tieu_de(s, model_ten_don_vi(m, u));
	soan_item(s);
	soan_puts(s, "Kỳ báo cáo: ");
	fmt_cua_so(&s->b, &m->cua_so);
	soan_puts(s, " (lũy kế từ đầu năm)");
	soan_put(s);
	soan_item(s);
	soan_puts(s, "Nhóm: ");
	S_nhom(&t, dv->nhom, t.root);
	soan_put(s);
	if (dv->thuoc >= 0 && (size_t)dv->thuoc < m->n_don_vi) {
		soan_item(s);
		soan_puts(s, "Trực thuộc: ");
		S_don_vi(&t, (size_t)dv->thuoc, t.root);
		soan_put(s);
	}
	if (d.ap_dung) {
		soan_item(s);
		soan_puts(s, "Xếp hạng trong nhóm: ");
		fmt_int(&s->b, c->hang[u]);
		soan_puts(s, c->dong[u] ? " (đồng hạng)" : "");
		soan_puts(s, " trên ");
		fmt_int(&s->b, c->tong[u]);
		soan_puts(s, " đơn vị. ");
		soan_puts(s, rank_quy_tac);
		soan_put(s);
	}
	soan_item(s);
	soan_puts(s, "Kết quả: ");
	fmt_int(&s->b, d.dat);
	soan_puts(s, " trên ");
	fmt_int(&s->b, d.dat + d.chua_dat);
	soan_puts(s, " chỉ tiêu được đánh giá đạt; ");
	fmt_int(&s->b, d.chua_bao_cao);
	soan_puts(s, " chưa báo cáo; ");
	fmt_int(&s->b, d.khong_phat_sinh);
	soan_puts(s, " không phát sinh");
	soan_put(s);
	if (!dv->co_so_lieu) {
		soan_item(s);
		soan_puts(s, "⚠ Đơn vị chưa gửi tệp số liệu");
		soan_put(s);
	}

	trang_dieu_chinh_don_vi(w, m, u);
	if (!d.ap_dung) {
		soan_para(s, "Không có chỉ tiêu nào áp dụng cho nhóm của đơn vị này.");
	} else {
		S_ket_qua_tung_dong(&t, u);
		S_dien_bien(&t, u);
		if (model_code_ok(dv->ma))
			S_bieu_do_don_vi(&t, u);
		S_bang_so_lieu(&t, u);
	}
	trang_cung_ky_don_vi(w, m, u);
	if (c->con_dau[u] >= 0) {
		soan_heading(s, 1, "Đơn vị trực thuộc");
		if (model_code_ok(dv->ma)) {
			soan_link(s, "Ma trận kết quả, số cộng gộp và xếp hạng của các đơn vị trực thuộc",
			          "../dia-ban/%s.html", dv->ma);
			soan_put(s);
		}
	}
	for (int v = c->con_dau[u]; v >= 0; v = c->con_sau[v]) {
		soan_item(s);
		S_don_vi(&t, (size_t)v, t.root);
		soan_put(s);
	}
	/* The run's warnings about this unit's own file. */
	if (c->msg_dau[u] >= 0)
		soan_heading(s, 1, "Cảnh báo về số liệu của đơn vị");
	for (int i = c->msg_dau[u]; i >= 0; i = c->msg_sau[i]) {
		const Msg *g = &m->msgs.v[i];
		soan_item(s);
		if (g->line > 0) {
			soan_puts(s, "dòng ");
			fmt_int(&s->b, g->line);
			soan_puts(s, ": ");
		}
		soan_puts(s, msg_text_vi(g)); /* the site speaks Vietnamese */
		soan_put(s);
	}
	T_end(&t);
}

__extension__ typedef __int128 S_i128;

/* A target's units by figure: qsort has no context argument. */
static const Model *S_sort_m;
static const int *S_sort_pos;
static size_t S_sort_t;

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

/* "Giao chỉ tiêu: … Kết quả chung (Toàn tỉnh): 79,99% = 100 × tử số … —
 * ● Đạt; 3 trên 5 đơn vị được đánh giá đạt.": the figure and how it is
 * made. */
static void S_figure_line(T *t, size_t i)
{
	const Model *m = t->m;
	const ChiTieu *ct = &m->chi_tieu[i];
	const KetQua *k = &m->kq_tinh[i];
	Soan *s = &t->s;
	soan_puts(s, "Giao chỉ tiêu: ");
	soan_style(s, DOC_BOLD);
	fmt_giao_chi_tieu(&s->b, ct);
	soan_style(s, 0);
	if (ct->don_vi_tinh && *ct->don_vi_tinh)
		soan_printf(s, " (%s)", ct->don_vi_tinh);
	soan_printf(s, ". Kết quả chung (%s): ", S_ten_tinh(m));
	if (k->dg == DG_CHUA_BAO_CAO)
		soan_puts(s, "chưa có đơn vị nào báo cáo");
	else if (k->d == 0) {
		soan_puts(s, "không phát sinh (mẫu số bằng 0)");
	} else {
		soan_style(s, DOC_BOLD);
		S_ty_le(&s->b, k, ct);
		soan_style(s, 0);
		soan_puts(s, " = 100 × tử số ");
		fmt_int(&s->b, k->n);
		soan_puts(s, " / mẫu số ");
		fmt_int(&s->b, k->d);
		if (S_nho(k))
			soan_puts(s, " (⚠ mẫu số nhỏ, dưới 5)");
	}
	soan_puts(s, " — ");
	soan_style(s, DOC_BOLD);
	S_dg(&s->b, k->dg);
	soan_style(s, 0);
	soan_puts(s, "; ");
	fmt_int(&s->b, k->so_dv_dat);
	soan_puts(s, " trên ");
	fmt_int(&s->b, k->so_dv_danh_gia);
	soan_puts(s, " đơn vị được đánh giá đạt.");
	soan_put(s);
}

/* The groups' results on one target (only groups it applies to), then
 * the province's. */
static void S_bang_nhom_chi_tieu(T *t, size_t i)
{
	const Model *m = t->m;
	const ChiTieu *ct = &m->chi_tieu[i];
	Soan *s = &t->s;
	soan_table(s, "llrrrr", "Nhóm đơn vị|Đánh giá|Tỷ lệ|Tử số|Mẫu số|Số đơn vị đạt/được đánh giá");
	for (size_t g = 0; g < m->n_nhom; g++) {
		if (!ct->ap_dung[g])
			continue;
		soan_row(s);
		S_nhom(t, (int)g, t->root);
		soan_cell(s);
		S_cells_danh_gia(s, model_kq_nhom(m, g, i), ct, 0);
		soan_row_end(s);
	}
	soan_row(s);
	soan_style(s, DOC_BOLD);
	soan_puts(s, S_ten_tinh(m));
	soan_cell(s);
	S_cells_danh_gia(s, &m->kq_tinh[i], ct, 0);
	soan_row_end(s);
	soan_table_end(s);
}

/* Target i's units by figure, best first (those that reported). */
static void S_don_vi_theo_ty_le(T *t, size_t i)
{
	const Model *m = t->m;
	const ChiTieu *ct = &m->chi_tieu[i];
	Soan *s = &t->s;
	int *pos = S_positions(m);
	int *v = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *v);
	size_t nv = 0;
	for (size_t x = 0; x < m->n_don_vi; x++) {
		size_t u = S_don_vi_at(m, x);
		if (model_applies(m, u, i) && model_kq_don_vi(m, u, i)->dg != DG_CHUA_BAO_CAO)
			v[nv++] = (int)u;
	}
	S_sort_m = m;
	S_sort_pos = pos;
	S_sort_t = i;
	qsort(v, nv, sizeof *v, S_cmp_figure);
	soan_heading(s, 1, "Các đơn vị, xếp theo tỷ lệ");
	soan_puts(s, ct->so_sanh == SS_LE ? "Tỷ lệ thấp nhất đứng đầu (chỉ tiêu tối đa). "
	                                  : "Tỷ lệ cao nhất đứng đầu. ");
	soan_puts(s, "Đơn vị không phát sinh đứng cuối.");
	soan_put(s);
	if (!nv) {
		soan_para(s, "Chưa có đơn vị nào báo cáo.");
		goto out;
	}
	/* the verdict beside the name, so a phone shows it; the notes column
	 * only when some unit wrote one */
	int co_ghi_chu = S_co_ghi_chu(m, v, nv, 0, i);
	int truoc = m->ls.co_truoc && m->ls.truoc.year == m->cua_so.year;
	if (truoc) {
		soan_puts(s, "Cột “Kỳ trước”: thay đổi của tỷ lệ lũy kế so với ");
		fmt_ky_cu(&s->b, m->ls.truoc);
		soan_puts(s, ", tính bằng điểm %.");
		soan_put(s);
	}
	Buf h, al;
	buf_init(&h);
	buf_init(&al);
	buf_puts(&h, "#|Đơn vị|Đánh giá|Tỷ lệ|");
	buf_puts(&al, "rllr");
	if (truoc) {
		buf_puts(&h, "Kỳ trước|");
		buf_putc(&al, 'r');
	}
	buf_puts(&h, "Tử số|Mẫu số|Nhóm");
	buf_puts(&al, "rrl");
	if (co_ghi_chu) {
		buf_puts(&h, "|Ghi chú");
		buf_putc(&al, 'l');
	}
	soan_table(s, al.ptr, h.ptr);
	buf_release(&h);
	buf_release(&al);
	for (size_t x = 0; x < nv; x++) {
		size_t u = (size_t)v[x];
		const KetQua *k = model_kq_don_vi(m, u, i);
		soan_row(s);
		fmt_int(&s->b, (int64_t)x + 1);
		soan_cell(s);
		S_don_vi(t, u, t->root);
		soan_cell(s);
		S_dg(&s->b, k->dg);
		soan_cell(s);
		S_ty_le(&s->b, k, ct);
		if (S_nho(k))
			soan_puts(s, " ⚠");
		if (truoc) {
			soan_cell(s);
			ThayDoi td = S_thay_doi_ky_truoc(m, model_xh_don_vi(m, u, i));
			if (fmt_thay_doi(&s->b, &td))
				soan_puts(s, "—");
		}
		soan_cell(s);
		S_int_or_dash(&s->b, k, k->n);
		soan_cell(s);
		S_int_or_dash(&s->b, k, k->d);
		soan_cell(s);
		S_nhom(t, m->don_vi[u].nhom, t->root);
		if (co_ghi_chu) {
			soan_cell(s);
			S_ghi_chu(&s->b, m, u, i);
		}
		soan_row_end(s);
	}
	soan_table_end(s);
out:
	free(v);
	free(pos);
}

/* The units target i applies to that did not report: a list, so that no
 * block grows with the number of units. */
static void S_chua_bao_cao(T *t, size_t i)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	int n = 0;
	soan_heading(s, 1, "Đơn vị chưa báo cáo");
	for (size_t x = 0; x < m->n_don_vi; x++) {
		size_t u = S_don_vi_at(m, x);
		if (!model_applies(m, u, i) || model_kq_don_vi(m, u, i)->dg != DG_CHUA_BAO_CAO)
			continue;
		n++;
		soan_item(s);
		S_don_vi(t, u, t->root);
		soan_put(s);
	}
	if (!n)
		soan_para(s, "Không có.");
}

void trang_chi_tieu(DocWriter *w, const Model *m, size_t i)
{
	T t;
	T_begin(&t, w, m, NULL, "../", 0);
	const ChiTieu *ct = &m->chi_tieu[i];
	Soan *s = &t.s;
	soan_block(s, DOC_TITLE);
	soan_puts(s, "Chỉ tiêu ");
	S_chi_tieu(&t, i, NULL);
	soan_put(s);
	soan_item(s);
	soan_puts(s, "Kỳ báo cáo: ");
	fmt_cua_so(&s->b, &m->cua_so);
	soan_puts(s, " (lũy kế từ đầu năm)");
	soan_put(s);
	size_t a = i;
	while (a > 0 && !(m->chi_tieu[a].can_cu && *m->chi_tieu[a].can_cu))
		a--;
	const char *nhan[3] = {"Đơn vị chủ trì: ", "Đơn vị phối hợp: ", "Căn cứ thực hiện: "};
	const char *gia_tri[3] = {ct->chu_tri, ct->phoi_hop, m->chi_tieu[a].can_cu};
	for (int k = 0; k < 3; k++) {
		soan_item(s);
		soan_puts(s, nhan[k]);
		soan_puts(s, S_s(gia_tri[k]));
		soan_put(s);
	}
	soan_item(s);
	soan_puts(s, "Áp dụng cho: ");
	int n = 0;
	for (size_t g = 0; g < m->n_nhom; g++)
		if (ct->ap_dung[g]) {
			soan_puts(s, n++ ? ", " : "");
			S_nhom(&t, (int)g, t.root);
		}
	soan_puts(s, n ? "" : "không nhóm nào");
	soan_put(s);
	S_figure_line(&t, i);
	char stem[40];
	snprintf(stem, sizeof stem, "chi-tieu-%d", ct->stt);
	soan_block(s, DOC_FIGURE);
	s->k.flags = DOC_F_ALT;
	s->k.line[0] = stem;
	soan_printf(s, "Biểu đồ xu hướng theo kỳ: chỉ tiêu %d, %s", ct->stt, S_s(ct->ten));
	soan_put(s);
	if (m->ls.co_cung_ky) {
		Buf h;
		buf_init(&h);
		buf_printf(&h, "So với cùng kỳ năm %d", m->ls.cung_ky.year);
		soan_heading(s, 1, h.ptr);
		buf_release(&h);
		trang_cung_ky_chi_tieu(w, m, i);
	}
	soan_heading(s, 1, "Theo nhóm đơn vị");
	S_bang_nhom_chi_tieu(&t, i);
	S_don_vi_theo_ty_le(&t, i);
	S_chua_bao_cao(&t, i);
	T_end(&t);
}

/* ---- data quality ----------------------------------------------------- */

/* A table of n rows ends; with none (never begun), what to say instead. */
static void S_het_bang(Soan *s, int n, const char *khong)
{
	if (n)
		soan_table_end(s);
	else
		soan_para(s, khong);
}

/* The run's messages, in Vietnamese whatever the locale (msg.h). */
static void S_canh_bao(T *t)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	soan_heading(s, 1, "Cảnh báo của lần chạy");
	if (!m->msgs.n) {
		soan_para(s, "Không có cảnh báo nào.");
		return;
	}
	soan_table(s, "lrrll", "Tệp|Dòng|Cột|Mức|Nội dung");
	for (size_t i = 0; i < m->msgs.n; i++) {
		const Msg *g = &m->msgs.v[i];
		soan_row(s);
		soan_puts(s, g->path && *g->path ? g->path : "—");
		soan_cell(s);
		if (g->line > 0)
			fmt_int(&s->b, g->line);
		soan_cell(s);
		if (g->col > 0)
			fmt_int(&s->b, g->col);
		soan_cell(s);
		soan_puts(s, g->level == MSG_ERROR ? "✗ lỗi" : "⚠ cảnh báo");
		soan_cell(s);
		soan_puts(s, msg_text_vi(g));
		soan_row_end(s);
	}
	soan_table_end(s);
}

/* Units that sent no file or left some target unreported. */
static void S_chua_bao_cao_chi_tieu(T *t)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	soan_heading(s, 1, "Đơn vị chưa báo cáo");
	int n = 0;
	Buf miss;
	buf_init(&miss);
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		int k = 0;
		buf_reset(&miss);
		for (size_t x = 0; x < m->n_chi_tieu; x++)
			if (model_applies(m, u, x) && model_kq_don_vi(m, u, x)->dg == DG_CHUA_BAO_CAO)
				buf_printf(&miss, "%s%d", k++ ? ", " : "", m->chi_tieu[x].stt);
		if (!k && m->don_vi[u].co_so_lieu)
			continue;
		if (!n++)
			soan_table(s, "llll", "Đơn vị|Nhóm|Tệp số liệu|Chỉ tiêu chưa báo cáo");
		soan_row(s);
		S_don_vi(t, u, t->root);
		soan_cell(s);
		S_nhom(t, m->don_vi[u].nhom, t->root);
		soan_cell(s);
		soan_puts(s, m->don_vi[u].co_so_lieu ? "có" : "⚠ không có");
		soan_cell(s);
		soan_puts(s, k ? miss.ptr : "—");
		soan_row_end(s);
	}
	buf_release(&miss);
	S_het_bang(s, n, "Mọi đơn vị đã báo cáo mọi chỉ tiêu áp dụng.");
}

/* One row per unit and set of missing months: a unit that skipped
 * December for every target reads as one line, not ten. */
static void S_thieu_thang(T *t)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	soan_heading(s, 1, "Đơn vị thiếu số liệu của một số tháng");
	soan_para(s, "Tháng trong kỳ lũy kế mà không dòng số liệu nào (tháng hoặc quý) bao gồm.");
	int n = 0;
	unsigned *miss = xcalloc(m->n_chi_tieu ? m->n_chi_tieu : 1, sizeof *miss);
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		for (size_t x = 0; x < m->n_chi_tieu; x++) {
			int any = 0;
			miss[x] = model_applies(m, u, x) ? S_thang_thieu(m, u, x, &any) : 0;
			if (!any)
				miss[x] = 0;
		}
		for (size_t x = 0; x < m->n_chi_tieu; x++) {
			unsigned set = miss[x];
			if (!set)
				continue;
			if (!n++)
				soan_table(s, "lll", "Đơn vị|Tháng còn thiếu|Chỉ tiêu");
			soan_row(s);
			S_don_vi(t, u, t->root);
			soan_cell(s);
			int k = 0;
			for (int mo = 1; mo <= 12; mo++)
				if (set & (1u << mo)) {
					soan_puts(s, k++ ? ", " : "");
					fmt_buoc(&s->b, (Ky){m->cua_so.year, 'M', mo});
				}
			soan_cell(s);
			k = 0;
			for (size_t v = x; v < m->n_chi_tieu; v++)
				if (miss[v] == set) {
					char so[16];
					snprintf(so, sizeof so, "%d", m->chi_tieu[v].stt);
					soan_puts(s, k++ ? ", " : "");
					soan_link(s, so, "%schi-tieu/%d.html", t->root, m->chi_tieu[v].stt);
					miss[v] = 0;
				}
			soan_row_end(s);
		}
	}
	free(miss);
	S_het_bang(s, n, "Không có.");
}

/* Figures over a denominator under 5. */
static void S_mau_so_nho(T *t)
{
	const Model *m = t->m;
	Soan *s = &t->s;
	soan_heading(s, 1, "Mẫu số nhỏ (dưới 5)");
	soan_para(s, "Tỷ lệ trên mẫu số nhỏ dễ biến động: đọc kèm tử số và mẫu số.");
	int n = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = S_don_vi_at(m, i);
		for (size_t x = 0; x < m->n_chi_tieu; x++) {
			if (!model_applies(m, u, x))
				continue;
			const KetQua *k = model_kq_don_vi(m, u, x);
			if (!S_nho(k))
				continue;
			if (!n++)
				soan_table(s, "llrrr", "Đơn vị|Chỉ tiêu|Tỷ lệ|Tử số|Mẫu số");
			soan_row(s);
			S_don_vi(t, u, t->root);
			soan_cell(s);
			S_chi_tieu(t, x, t->root);
			soan_cell(s);
			S_cells(s, k, &m->chi_tieu[x]);
			soan_row_end(s);
		}
	}
	S_het_bang(s, n, "Không có.");
}

void trang_du_lieu(DocWriter *w, const Model *m)
{
	T t;
	T_begin(&t, w, m, NULL, "", 0);
	Soan *s = &t.s;
	soan_tieu_de(s, "Chất lượng số liệu");
	S_ky_bao_cao(&t);
	soan_put(s);
	S_lich_su_tom_tat(&t);
	S_canh_bao(&t);
	S_chua_bao_cao_chi_tieu(&t);
	S_thieu_thang(&t);
	S_mau_so_nho(&t);
	T_end(&t);
}
