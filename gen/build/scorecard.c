/* scorecard: the-diem.pdf, the printed scorecards for leaders.
 *
 * First the province overview (every group a table, every unit a row,
 * every target a column, a verdict symbol in each cell), then exactly one
 * A4 page per unit.  A unit page never spills: its table is measured
 * before it is drawn and the text shrinks, wraps to fewer lines or ends
 * with "…" until table, chart and legend fit; only names and notes end
 * with "…", never a verdict word or a number.  Drawing goes through
 * layout.h; the computations are rank.c's; every number is printed by
 * fmt.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "date.h"
#include "fmt.h"
#include "han_md.h"
#include "layout.h"
#include "pdf.h"
#include "rank.h"
#include "xalloc.h"


/* Strings a table borrows, freed together when the page is done. */
typedef struct {
	char **v;
	size_t n, cap;
} S_Pool;

static const char *S_keep(S_Pool *p, char *s)
{
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	p->v[p->n++] = s;
	return s;
}

static const char *S_keep_buf(S_Pool *p, Buf *b)
{
	return S_keep(p, buf_detach(b, NULL));
}

static void S_pool_release(S_Pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	memset(p, 0, sizeof *p);
}

/* Drops the last code point of b (and the spaces before it). */
static void S_drop_last(Buf *b)
{
	size_t n = b->len;
	while (n > 0 && ((unsigned char)b->ptr[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	while (n > 0 && b->ptr[n - 1] == ' ')
		n--;
	buf_truncate(b, n);
}

/* s wrapped into at most max lines of width; when it needs more, the
 * last line kept ends with "…".  Lines are joined with '\n' (a forced
 * break) so the table wraps the result exactly the same way.  Fresh. */
static char *S_cat(const LoDoc *d, FontStyle st, float size, const char *s, float width,
                   size_t max)
{
	LoLines l;
	lo_lines_init(&l);
	lo_wrap(d, st, size, s, width, &l);
	Buf b;
	buf_init(&b);
	size_t n = l.n < max ? l.n : max;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(&b, '\n');
		if (i + 1 < n || l.n <= max) {
			buf_puts(&b, l.line[i]);
			continue;
		}
		Buf last;
		buf_init(&last);
		buf_puts(&last, l.line[i]);
		for (;;) {
			buf_puts(&last, "…");
			if (last.len == strlen("…") || lo_width(d, st, size, last.ptr) <= width)
				break;
			buf_truncate(&last, last.len - strlen("…"));
			S_drop_last(&last);
		}
		buf_puts(&b, last.ptr);
		buf_release(&last);
	}
	lo_lines_release(&l);
	return buf_detach(&b, NULL);
}

/* ---- the legend ---- */

static void S_ky_hieu_legend(Buf *b)
{
	static const DanhGia dg[] = {DG_DAT, DG_CHUA_DAT, DG_KHONG_PHAT_SINH, DG_CHUA_BAO_CAO};
	for (size_t i = 0; i < 4; i++) {
		if (i)
			buf_puts(b, "     ");
		buf_printf(b, "%s %s", fmt_ky_hieu(dg[i]), fmt_danh_gia(dg[i]));
	}
}

/* The overview's running head: from its second page on, a leader who
 * picks up a loose page still sees what it is and for when. */
typedef struct {
	const char *head; /* "THẺ ĐIỂM ... – 6 tháng đầu năm 2024 (tiếp)" */
	int pages;        /* overview pages begun so far */
	const char *key;  /* "Chỉ tiêu: 1 DVC toàn trình · 2 …", NULL without ten_ngan */
} S_OvCtx;

/* The overview pages' legend, drawn at the foot of each of them, and the
 * running head on all but the first. */
static void S_overview_foot(LoDoc *d, void *ctx)
{
	S_OvCtx *o = ctx;
	if (o && o->pages++ > 0 && o->head) {
		float y = lo_text_box(d, FONT_REGULAR, 11, d->x0, d->y, d->x1 - d->x0, LO_LEFT, o->head);
		lo_rule(d, d->x0, d->x1, y - 2, 0.75f);
		d->y = y - 8;
	}
	Buf b;
	buf_init(&b);
	/* the columns are numbers: what each one is, by its short name */
	if (o && o->key)
		buf_printf(&b, "%s\n", o->key);
	S_ky_hieu_legend(&b);
	buf_puts(&b, "     (ô trống: chỉ tiêu không áp dụng cho nhóm)");
	float size = 11, w = d->x1 - d->x0;
	float h = lo_text_height(d, FONT_REGULAR, size, w, b.ptr);
	lo_rule(d, d->x0, d->x1, d->y_bottom + h + 4, 0.5f);
	lo_text_box(d, FONT_REGULAR, size, d->x0, d->y_bottom + h, w, LO_LEFT, b.ptr);
	d->y_bottom += h + 10;
	buf_release(&b);
}

/* ---- the overview ---- */

/* The overview's symbols, a little larger than the text around them. */
#define S_SYM 13

/* One table for the province row or for a group: a row per entity, a
 * column per target, then the count of targets met; the foot row gives
 * units met / judged per target. */
/* Body rows flowed at a time: the table's memory stays that of a batch
 * whatever the number of units. */
#define S_BATCH 256

static void S_overview_table(LoDoc *d, const Model *m, int nhom, float *w, size_t ncol)
{
	/* the header's texts live with the table, a batch's until it is
	 * drawn */
	S_Pool head = {0}, pool = {0};
	size_t batch = 0;
	Buf b;
	buf_init(&b);
	LoTable t;
	lo_table_init(&t, ncol, w);
	t.n_head = 1;
	size_t nt = m->n_chi_tieu;
	/* narrow target columns (many targets): smaller numbers, thin padding */
	int hep = nt && w[1] < 22;
	float so_size = hep ? 8 : 11, sym = hep ? 10 : S_SYM, foot = hep ? 6 : 8;
	if (hep)
		t.pad = 1.5f;
	/* The group's name heads its first column, so a page that continues
	 * the table still says which group it lists. */
	size_t r = lo_table_row(&t);
	lo_table_set(&t, r, 0, nhom < 0 ? "Toàn tỉnh" : m->nhom[nhom].ten, 1, 1)->style = FONT_BOLD;
	for (size_t k = 0; k < nt; k++) {
		fmt_int(&b, m->chi_tieu[k].stt);
		LoCell *c = lo_table_set(&t, r, 1 + k, S_keep_buf(&head, &b), 1, 1);
		c->style = FONT_BOLD;
		c->align = LO_CENTER;
		c->size = so_size;
	}
	LoCell *c = lo_table_set(&t, r, 1 + nt, "Số CT đạt", 1, 1);
	c->style = FONT_BOLD;
	c->align = LO_CENTER;

	if (nhom < 0) {
		r = lo_table_row(&t);
		lo_table_set(&t, r, 0, "Kết quả chung của tỉnh", 1, 1);
		int dat = 0, n = 0;
		for (size_t k = 0; k < nt; k++) {
			DanhGia dg = m->kq_tinh[k].dg;
			c = lo_table_set(&t, r, 1 + k, fmt_ky_hieu(dg), 1, 1);
			c->align = LO_CENTER;
			c->style = FONT_BOLD;
			c->size = sym;
			dat += dg == DG_DAT;
			n++;
		}
		fmt_int(&b, dat);
		buf_puts(&b, "/");
		fmt_int(&b, n);
		lo_table_set(&t, r, 1 + nt, S_keep_buf(&pool, &b), 1, 1)->align = LO_CENTER;
	} else {
		for (size_t i = 0; i < m->n_don_vi; i++) {
			size_t u = (size_t)m->thu_tu_don_vi[i];
			if (m->don_vi[u].nhom != nhom)
				continue;
			r = lo_table_row(&t);
			lo_table_set(&t, r, 0, S_keep(&pool, S_cat(d, FONT_REGULAR, t.size, model_ten_don_vi(m, u), w[0] - 2 * t.pad, 2)), 1, 1);
			for (size_t k = 0; k < nt; k++) {
				if (!model_applies(m, u, k))
					continue;
				c = lo_table_set(&t, r, 1 + k, fmt_ky_hieu(model_kq_don_vi(m, u, k)->dg), 1, 1);
				c->align = LO_CENTER;
				c->style = FONT_BOLD;
				c->size = sym;
			}
			DemDanhGia dem = rank_dem(m, u);
			fmt_int(&b, dem.dat);
			buf_puts(&b, "/");
			fmt_int(&b, dem.ap_dung);
			lo_table_set(&t, r, 1 + nt, S_keep_buf(&pool, &b), 1, 1)->align = LO_CENTER;
			if (++batch >= S_BATCH && lo_table_flow_batch(d, &t, NULL)) {
				S_pool_release(&pool);
				batch = 0;
			}
		}
	}
	/* the foot: units met / units judged per target */
	r = lo_table_row(&t);
	c = lo_table_set(&t, r, 0, "Số đơn vị đạt / được đánh giá", 1, 1);
	c->style = FONT_REGULAR;
	for (size_t k = 0; k < nt; k++) {
		const KetQua *kq = nhom < 0 ? &m->kq_tinh[k] : model_kq_nhom(m, (size_t)nhom, k);
		if (nhom >= 0 && !m->chi_tieu[k].ap_dung[nhom])
			continue;
		fmt_int(&b, kq->so_dv_dat);
		buf_puts(&b, "/");
		fmt_int(&b, kq->so_dv_danh_gia);
		c = lo_table_set(&t, r, 1 + k, S_keep_buf(&pool, &b), 1, 1);
		c->align = LO_CENTER;
		/* the largest size (11 pt down to the floor) on one line */
		for (float sz = 11; sz >= foot; sz -= 1) {
			c->size = sz;
			if (lo_width(d, FONT_REGULAR, sz, c->text) <= w[1 + k] - 2 * t.pad)
				break;
		}
	}
	lo_table_flow(d, &t, NULL);
	lo_table_release(&t);
	buf_release(&b);
	S_pool_release(&pool);
	S_pool_release(&head);
}

static void S_overview(LoDoc *d, const Model *m)
{
	size_t nt = m->n_chi_tieu;
	/* Many targets turn the page: the names need some width. */
	int landscape = nt > 12;
	Buf hb;
	buf_init(&hb);
	buf_puts(&hb, "THẺ ĐIỂM CẢI CÁCH THỦ TỤC HÀNH CHÍNH – ");
	fmt_cua_so(&hb, &m->cua_so);
	buf_puts(&hb, " (tiếp)");
	Buf key;
	buf_init(&key);
	int co_ten_ngan = 0;
	for (size_t t = 0; t < nt; t++)
		co_ten_ngan |= m->chi_tieu[t].ten_ngan && *m->chi_tieu[t].ten_ngan;
	for (size_t t = 0; co_ten_ngan && t < nt; t++) {
		char nb[MODEL_TEN_NGAN_BUF];
		buf_puts(&key, t ? " · " : "Chỉ tiêu: ");
		fmt_int(&key, m->chi_tieu[t].stt);
		buf_printf(&key, " %s", model_ten_ngan(&m->chi_tieu[t], 1, nb));
	}
	S_OvCtx ov = {hb.ptr, 0, co_ten_ngan ? key.ptr : NULL};
	d->on_page = S_overview_foot;
	d->on_page_ctx = &ov;
	lo_page_new(d, landscape);
	float W = d->x1 - d->x0;
	float wc = 44, wt = (W - 150 - wc) / (float)(nt ? nt : 1);
	if (wt > 30)
		wt = 30;
	if (wt < 14)
		wt = 14;
	float wn = W - wc - wt * (float)nt;
	if (wn < 60)
		wn = 60;
	size_t ncol = nt + 2;
	float *w = xmalloc(ncol * sizeof *w);
	w[0] = wn;
	for (size_t k = 0; k < nt; k++)
		w[1 + k] = wt;
	w[ncol - 1] = wc;

	Buf b;
	buf_init(&b);
	lo_paragraph(d, FONT_BOLD, 16, d->x0, W, LO_CENTER, 0, 2, "THẺ ĐIỂM CẢI CÁCH THỦ TỤC HÀNH CHÍNH");
	buf_puts(&b, "Toàn tỉnh – ");
	fmt_cua_so(&b, &m->cua_so);
	buf_puts(&b, " (số liệu lũy kế từ ");
	fmt_ngay(&b, date_day(m->cua_so.year, 1, 1));
	buf_puts(&b, " đến ");
	fmt_ngay(&b, date_month_end(m->cua_so.year, m->cua_so.last_month));
	buf_puts(&b, ")");
	lo_paragraph(d, FONT_REGULAR, 12, d->x0, W, LO_CENTER, 0, 8, b.ptr);
	if (m->n_thieu) {
		buf_reset(&b);
		fmt_tam_tinh(&b, m->n_thieu, 1);
		lo_paragraph(d, FONT_BOLD, 12, d->x0, W, LO_CENTER, 0, 2, b.ptr);
		lo_paragraph(d, FONT_REGULAR, 11, d->x0, W, LO_CENTER, 0, 8,
		             "(danh sách đơn vị: trang Chất lượng số liệu của trang tin và báo cáo)");
	}

	S_overview_table(d, m, -1, w, ncol);
	d->y -= 8;
	for (size_t g = 0; g < m->n_nhom; g++) {
		int any = 0;
		for (size_t u = 0; u < m->n_don_vi && !any; u++)
			any = m->don_vi[u].nhom == (int)g;
		if (!any)
			continue;
		S_overview_table(d, m, (int)g, w, ncol);
		d->y -= 8;
	}
	/* what the column numbers stand for */
	lo_need(d, lo_leading(11) * 2);
	lo_paragraph(d, FONT_BOLD, 11, d->x0, W, LO_LEFT, 0, 2, "Các chỉ tiêu");
	for (size_t k = 0; k < nt; k++) {
		/* one line each: the name yields to the target value */
		buf_reset(&b);
		buf_puts(&b, " – ");
		fmt_giao_chi_tieu(&b, &m->chi_tieu[k]);
		if (m->chi_tieu[k].don_vi_tinh && *m->chi_tieu[k].don_vi_tinh) {
			if (strcmp(m->chi_tieu[k].don_vi_tinh, "%"))
				buf_putc(&b, ' ');
			buf_puts(&b, m->chi_tieu[k].don_vi_tinh);
		}
		char *giao = buf_detach(&b, NULL);
		fmt_int(&b, m->chi_tieu[k].stt);
		buf_puts(&b, ". ");
		buf_puts(&b, m->chi_tieu[k].ten);
		float gw = lo_width(d, FONT_REGULAR, 11, giao);
		char *s = S_cat(d, FONT_REGULAR, 11, b.ptr, W - gw - 2, 1);
		buf_reset(&b);
		buf_puts(&b, s);
		buf_puts(&b, giao);
		lo_paragraph(d, FONT_REGULAR, 11, d->x0, W, LO_LEFT, 0, 0, b.ptr);
		free(s);
		free(giao);
	}
	d->on_page = NULL;
	d->on_page_ctx = NULL;
	buf_release(&hb);
	buf_release(&key);
	buf_release(&b);
	free(w);
}

/* ---- one unit's page ---- */

/* The notes a unit gave on a target in the window, in period order,
 * repeated ones once. */
static void S_ghi_chu(Buf *b, const Model *m, size_t u, size_t t)
{
	size_t lo = model_so_lieu_dau(m, u, t);
	const char *prev = NULL;
	for (size_t i = lo; i < m->n_so_lieu; i++) {
		const SoLieu *s = &m->so_lieu[i];
		if (s->don_vi != (int)u || s->chi_tieu != (int)t)
			break;
		if (s->ky.year != m->cua_so.year || ky_last_month(s->ky) > m->cua_so.last_month)
			continue;
		if (!s->ghi_chu || !*s->ghi_chu || (prev && strcmp(prev, s->ghi_chu) == 0))
			continue;
		if (b->len)
			buf_puts(b, "; ");
		buf_puts(b, s->ghi_chu);
		prev = s->ghi_chu;
	}
}

/* "trong quý IV", "trong quý III–IV", "trong tháng 6–12" */
static void S_con_lai(Buf *b, int last_month)
{
	int from = last_month + 1;
	if (last_month % 3 == 0) {
		int q = from / 3 + 1;
		char so[16];
		buf_printf(b, "trong quý %s", fmt_la_ma(q, so));
		if (q < 4)
			buf_printf(b, "–%s", fmt_la_ma(4, so));
		return;
	}
	buf_puts(b, "trong tháng ");
	fmt_int(b, from);
	if (from < 12) {
		buf_puts(b, "–");
		fmt_int(b, 12);
	}
}

/* gon: the short form of a compact table, without the verb. */
static void S_con_can(Buf *b, const Model *m, const ChiTieu *t, const KetQua *kq, int gon)
{
	ConCan c = rank_con_can(t, kq, m->cua_so.last_month);
	switch (c.loai) {
	case CC_DA_DAT:
		if (m->cua_so.last_month >= 12)
			buf_puts(b, "Đạt cả năm");
		else
			buf_puts(b, gon ? "Đã đạt" : "Đã đạt; giữ vững");
		break;
	case CC_CAN:
		if (gon)
			buf_puts(b, c.so_sanh == SS_LE ? "≤ " : c.so_sanh == SS_EQ ? "= " : "≥ ");
		else
			buf_puts(b, c.so_sanh == SS_LE ? "Cần giữ ≤ " : c.so_sanh == SS_EQ ? "Cần đạt đúng " : "Cần đạt ≥ ");
		fmt_ty_le(b, c.tram, 10000, NULL);
		buf_puts(b, "% ");
		S_con_lai(b, m->cua_so.last_month);
		break;
	case CC_KHONG_THE:
		buf_puts(b, "Không còn khả năng đạt");
		break;
	case CC_HET_NAM:
		buf_puts(b, "Đã hết năm: không đạt");
		break;
	case CC_CHUA_PHAT_SINH:
		buf_puts(b, "Khi phát sinh: ");
		fmt_giao_chi_tieu(b, t);
		buf_puts(b, "%");
		break;
	case CC_CHUA_BAO_CAO:
		buf_puts(b, "Cần báo cáo số liệu");
		break;
	}
}

static void S_thay_doi(Buf *b, const Diem *xh, int n_buoc)
{
	ThayDoi td = rank_thay_doi(xh, n_buoc);
	switch (td.loai) {
	case TD_KHONG_CO:
		buf_puts(b, "–");
		return;
	case TD_KHONG_DOI:
		buf_puts(b, "=\u00a00,00");
		return;
	case TD_TANG:
		buf_puts(b, td.nho ? "▲\u00a0<" : "▲\u00a0");
		break;
	case TD_GIAM:
		buf_puts(b, td.nho ? "▼\u00a0<" : "▼\u00a0");
		break;
	}
	fmt_ty_le(b, td.tram, 10000, NULL);
}

enum { C_TEN, C_KQ, C_GIAO, C_DG, C_TD, C_CAN, C_GHI, S_NCOL };

/* The raw texts of a unit's rows, before clipping. */
typedef struct {
	size_t t;
	char *ten, *giao, *dg, *td, *can, *can1, *ghi;
	char *giao1;       /* compact: "≥ 80%", where "Tối thiểu…" lost the number */
	char *ty_le;       /* "85,48 %", NULL when D = 0 or not reported */
	char *nd_n, *nd_d; /* "1.354/" and "1.584", NULL when not reported */
	DanhGia danh_gia;
} S_Dong;

static void S_dong_release(S_Dong *r)
{
	free(r->ten);
	free(r->ty_le);
	free(r->nd_n);
	free(r->nd_d);
	free(r->giao);
	free(r->giao1);
	free(r->dg);
	free(r->td);
	free(r->can);
	free(r->can1);
	free(r->ghi);
}

/* A fit level: table font size and the lines kept of the long texts. */
typedef struct {
	float size;
	size_t ten, ghi;
	int gon;  /* compact: every cell on one line, thin padding */
} S_Muc;

static const S_Muc S_muc[] = {
    {11, 4, 4, 0}, {11, 3, 3, 0}, {11, 2, 2, 0}, {11, 2, 1, 0}, {11, 1, 1, 0}, {11, 1, 1, 1},
    {10, 1, 1, 1}, {9, 1, 1, 1},  {8, 1, 1, 1},  {7, 1, 1, 1},  {6, 1, 1, 1},  {5, 1, 1, 1},
};
#define S_N_MUC (sizeof S_muc / sizeof S_muc[0])

/* The figure and N/D for a width: a number is never cut, so N/D breaks
 * after its slash, and a compact row keeps what fits on its line. */
static char *S_ket_qua(const LoDoc *d, const S_Dong *row, S_Muc mu, float w)
{
	if (!row->nd_n)
		return xstrdup("–");
	Buf b;
	buf_init(&b);
	if (mu.gon) {
		if (row->ty_le)
			buf_printf(&b, "%s (%s%s)", row->ty_le, row->nd_n, row->nd_d);
		if (!row->ty_le || lo_width(d, FONT_REGULAR, mu.size, b.ptr) > w) {
			buf_reset(&b);
			if (row->ty_le)
				buf_puts(&b, row->ty_le);
			else
				buf_printf(&b, "%s%s", row->nd_n, row->nd_d);
		}
		return buf_detach(&b, NULL);
	}
	if (row->ty_le)
		buf_printf(&b, "%s\n", row->ty_le);
	size_t at = b.len;
	buf_printf(&b, "%s%s", row->nd_n, row->nd_d);
	if (lo_width(d, FONT_REGULAR, mu.size, b.ptr + at) > w) {
		buf_truncate(&b, at);
		buf_printf(&b, "%s\n%s", row->nd_n, row->nd_d);
	}
	return buf_detach(&b, NULL);
}

static void S_build_table(LoTable *tb, LoDoc *d, const S_Dong *rows, size_t n, S_Muc mu,
                          const char *td_head, S_Pool *pool)
{
	static const char *const head[S_NCOL] = {"Chỉ tiêu", "Kết quả, N/D", "Giao", "Đánh giá",
	                                         NULL, "Còn cần", "Ghi chú của đơn vị"};
	tb->size = mu.size;
	tb->n_head = 1;
	if (mu.gon)
		tb->pad = 1.5f;
	/* a compact level keeps the header to two lines */
	size_t r = lo_table_row(tb);
	int ncol = (int)tb->n_col;
	for (int c = 0; c < ncol; c++) {
		const char *h = c == C_TD ? td_head : head[c];
		float w = tb->width[c] - 2 * tb->pad;
		LoCell *cell = lo_table_set(tb, r, (size_t)c, S_keep(pool, S_cat(d, FONT_BOLD, mu.size, h, w, mu.gon ? 2 : 4)), 1, 1);
		cell->style = FONT_BOLD;
		cell->align = LO_CENTER;
	}
	for (size_t i = 0; i < n; i++) {
		const S_Dong *row = &rows[i];
		const char *kq = S_keep(pool, S_ket_qua(d, row, mu, tb->width[C_KQ] - 2 * tb->pad));
		const char *text[S_NCOL] = {row->ten, kq, mu.gon ? row->giao1 : row->giao, row->dg,
		                            row->td, mu.gon ? row->can1 : row->can, row->ghi};
		/* Only the name and the note give way ("…"): a verdict word, a
		 * figure, the target, the change and the still-needs figure wrap
		 * in their cell rather than lose a letter or a digit. */
		size_t all = (size_t)-1;
		size_t max[S_NCOL] = {mu.ten, all, all, all, all, all, mu.ghi};
		r = lo_table_row(tb);
		for (int c = 0; c < ncol; c++) {
			FontStyle st = c == C_DG || (c == C_CAN && row->danh_gia == DG_CHUA_DAT) ? FONT_BOLD : FONT_REGULAR;
			float w = tb->width[c] - 2 * tb->pad;
			LoCell *cell = lo_table_set(tb, r, (size_t)c, S_keep(pool, S_cat(d, st, mu.size, text[c], w, max[c])), 1, 1);
			cell->style = st;
			if (c == C_KQ || c == C_GIAO || c == C_DG || c == C_TD)
				cell->align = LO_CENTER;
		}
	}
}

/* Colour, an extra over the symbols and words: a bar at the left edge
 * of each verdict cell, green for met and red for not met. */
static void S_to_mau(LoDoc *d, const LoBoxes *boxes, const S_Dong *rows)
{
	for (size_t i = 0; i < boxes->n; i++) {
		const LoBox *bx = &boxes->v[i];
		if (bx->head || bx->col != C_DG || bx->row < 1)
			continue;
		DanhGia dg = rows[bx->row - 1].danh_gia;
		if (dg == DG_DAT)
			HPDF_Page_SetRGBFill(d->page, 0.18f, 0.49f, 0.20f);
		else if (dg == DG_CHUA_DAT)
			HPDF_Page_SetRGBFill(d->page, 0.75f, 0.22f, 0.17f);
		else
			continue;
		HPDF_Page_Rectangle(d->page, bx->x + 0.5f, bx->y + 0.5f, 2.5f, bx->h - 1);
		HPDF_Page_Fill(d->page);
	}
	HPDF_Page_SetRGBFill(d->page, 0, 0, 0);
}

/* The ranks of every unit, computed once for the whole file. */
typedef struct {
	int *hang, *tong, *dong;
} S_Hang;

static void S_unit_page(LoDoc *d, const Model *m, size_t u, const char *charts_dir, const S_Hang *xh)
{
	const DonVi *dv = &m->don_vi[u];
	const CuaSo *w = &m->cua_so;
	Buf b;
	buf_init(&b);
	S_Pool pool = {0};
	lo_page_new(d, 0);
	float W = d->x1 - d->x0;
	float y_floor = d->y_bottom;

	/* The heading: what page this is, whose, for when. */
	buf_puts(&b, "THẺ ĐIỂM CẢI CÁCH THỦ TỤC HÀNH CHÍNH – ");
	fmt_cua_so(&b, w);
	char *s = S_cat(d, FONT_REGULAR, 11, b.ptr, W, 1);
	lo_paragraph(d, FONT_REGULAR, 11, d->x0, W, LO_LEFT, 0, 2, s);
	free(s);
	lo_rule(d, d->x0, d->x1, d->y, 0.75f);
	d->y -= 4;
	s = S_cat(d, FONT_BOLD, 18, model_ten_don_vi(m, u), W, 2);
	lo_paragraph(d, FONT_BOLD, 18, d->x0, W, LO_LEFT, 0, 2, s);
	free(s);

	const char *nhom = dv->nhom >= 0 ? m->nhom[dv->nhom].ten : "";
	buf_reset(&b);
	buf_printf(&b, "Nhóm: %s   ·   Kỳ: ", nhom);
	fmt_cua_so(&b, w);
	buf_puts(&b, "   ·   Số liệu lũy kế từ ");
	fmt_ngay(&b, date_day(w->year, 1, 1));
	buf_puts(&b, " đến ");
	fmt_ngay(&b, date_month_end(w->year, w->last_month));
	s = S_cat(d, FONT_REGULAR, 11, b.ptr, W, 3);
	lo_paragraph(d, FONT_REGULAR, 11, d->x0, W, LO_LEFT, 0, 6, s);
	free(s);

	/* The answer in one line: met how many, where it stands. */
	DemDanhGia dem = rank_dem(m, u);
	int hang = xh->hang[u], tong = xh->tong[u], dong = xh->dong[u];
	buf_reset(&b);
	buf_puts(&b, "Đạt ");
	fmt_int(&b, dem.dat);
	buf_puts(&b, "/");
	fmt_int(&b, dem.ap_dung);
	buf_puts(&b, " chỉ tiêu   ·   Xếp thứ ");
	fmt_int(&b, hang);
	buf_puts(&b, "/");
	fmt_int(&b, tong);
	buf_printf(&b, " %s%s", nhom, dong ? " (đồng hạng)" : "");
	s = S_cat(d, FONT_BOLD, 14, b.ptr, W, 2);
	lo_paragraph(d, FONT_BOLD, 14, d->x0, W, LO_LEFT, 0, 1, s);
	free(s);
	buf_reset(&b);
	buf_puts(&b, "Chưa đạt ");
	fmt_int(&b, dem.chua_dat);
	buf_puts(&b, "   ·   Không phát sinh ");
	fmt_int(&b, dem.khong_phat_sinh);
	buf_puts(&b, "   ·   Chưa báo cáo ");
	fmt_int(&b, dem.chua_bao_cao);
	lo_paragraph(d, FONT_REGULAR, 11, d->x0, W, LO_LEFT, 0, 6, b.ptr);

	/* The deadline tasks (han.h): one line per kind of step the unit has. */
	if (m->han.co) {
		buf_reset(&b);
		han_dong_the_diem(&b, m, (int)u);
		while (b.len && b.ptr[b.len - 1] == '\n')
			buf_truncate(&b, b.len - 1);
		if (b.len) {
			s = S_cat(d, FONT_REGULAR, 11, b.ptr, W, 4);
			lo_paragraph(d, FONT_REGULAR, 11, d->x0, W, LO_LEFT, 0, 6, s);
			free(s);
		}
	}

	/* The legend, at the page's foot: measured first, the table and the
	 * chart share what is left. */
	Buf lg;
	buf_init(&lg);
	S_ky_hieu_legend(&lg);
	buf_puts(&lg, "\nThay đổi: ▲ tăng, ▼ giảm, tính bằng điểm phần trăm của tỷ lệ lũy kế");
	if (w->n_buoc >= 2) {
		buf_puts(&lg, " so với lũy kế đến hết ");
		fmt_buoc(&lg, w->buoc[w->n_buoc - 2]);
	}
	if (m->ls.co_cung_ky)
		buf_printf(&lg, "; CK: so với cùng kỳ năm %d (chưa có: chưa có số liệu cùng kỳ)",
		           m->ls.cung_ky.year);
	buf_puts(&lg, ".\nCòn cần: tỷ lệ phải đạt trong thời gian còn lại của năm để cả năm đạt chỉ tiêu, "
	              "giả định số phát sinh (mẫu số) giữ nhịp như từ đầu năm.\n");
	buf_puts(&lg, rank_quy_tac);
	float lg_size = 11;
	float lg_h = lo_text_height(d, FONT_REGULAR, lg_size, W, lg.ptr);

	/* The rows. */
	size_t n = 0;
	S_Dong *rows = xcalloc(m->n_chi_tieu ? m->n_chi_tieu : 1, sizeof *rows);
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		const ChiTieu *ct = &m->chi_tieu[t];
		const KetQua *kq = model_kq_don_vi(m, u, t);
		S_Dong *r = &rows[n++];
		r->t = t;
		r->danh_gia = kq->dg;
		/* the short name: "1. DVC toàn trình", else "Chỉ tiêu 1" */
		buf_reset(&b);
		if (ct->ten_ngan && *ct->ten_ngan) {
			fmt_int(&b, ct->stt);
			buf_puts(&b, ". ");
		}
		char nb[MODEL_TEN_NGAN_BUF];
		buf_puts(&b, model_ten_ngan(ct, 0, nb));
		r->ten = buf_detach(&b, NULL);
		if (kq->dg != DG_CHUA_BAO_CAO) {
			if (kq->d > 0) {
				fmt_ty_le(&b, kq->n, kq->d, ct);
				buf_puts(&b, "%");
				r->ty_le = buf_detach(&b, NULL);
			}
			fmt_int(&b, kq->n);
			buf_puts(&b, "/");
			r->nd_n = buf_detach(&b, NULL);
			fmt_int(&b, kq->d);
			r->nd_d = buf_detach(&b, NULL);
		}
		fmt_giao_chi_tieu(&b, ct);
		/* "80%" as the report and the site print it; "5 ngày" */
		if (ct->don_vi_tinh && *ct->don_vi_tinh)
			buf_printf(&b, strcmp(ct->don_vi_tinh, "%") ? " %s" : "%s", ct->don_vi_tinh);
		r->giao = buf_detach(&b, NULL);
		buf_puts(&b, ct->so_sanh == SS_GE ? "≥ " : ct->so_sanh == SS_LE ? "≤ " : "");
		fmt_gia_tri(&b, ct);
		if (ct->don_vi_tinh && *ct->don_vi_tinh)
			buf_printf(&b, strcmp(ct->don_vi_tinh, "%") ? " %s" : "%s", ct->don_vi_tinh);
		r->giao1 = buf_detach(&b, NULL);
		buf_printf(&b, "%s %s", fmt_ky_hieu(kq->dg), fmt_danh_gia(kq->dg));
		r->dg = buf_detach(&b, NULL);
		S_thay_doi(&b, model_xh_don_vi(m, u, t), w->n_buoc);
		if (m->ls.co_cung_ky) {
			/* the same period last year, on a line of its own */
			buf_puts(&b, "\nCK\u00a0");
			if (fmt_cung_ky_gon(&b, kq, &m->ls.ck_don_vi[u * m->n_chi_tieu + t]))
				buf_puts(&b, "chưa\u00a0có");
		}
		r->td = buf_detach(&b, NULL);
		S_con_can(&b, m, ct, kq, 0);
		r->can = buf_detach(&b, NULL);
		S_con_can(&b, m, ct, kq, 1);
		r->can1 = buf_detach(&b, NULL);
		S_ghi_chu(&b, m, u, t);
		r->ghi = buf_detach(&b, NULL);
	}

	buf_reset(&b);
	if (w->n_buoc >= 2) {
		buf_puts(&b, "So với hết ");
		/* "Quý I" kept on one line: a no-break space (the wrap breaks
		 * at ASCII spaces only) */
		Buf q;
		buf_init(&q);
		fmt_buoc(&q, w->buoc[w->n_buoc - 2]);
		for (const char *p = q.ptr; *p; p++)
			if (*p == ' ')
				buf_puts(&b, "\u00a0");
			else
				buf_putc(&b, *p);
		buf_release(&q);
	} else
		buf_puts(&b, "So với kỳ trước");
	const char *td_head = S_keep_buf(&pool, &b);

	/* Column widths as shares of the text width; compact levels give the
	 * still-needs figure the room the wrapped names had. */
	static const float share[2][S_NCOL] = {{0.25f, 0.15f, 0.105f, 0.12f, 0.095f, 0.15f, 0.13f},
	                                       {0.20f, 0.14f, 0.11f, 0.12f, 0.08f, 0.25f, 0.10f}};
	float wc[2][S_NCOL];
	for (int g = 0; g < 2; g++)
		for (int c = 0; c < S_NCOL; c++)
			wc[g][c] = W * share[g][c];
	/* The same period last year shares the change's cell: it takes room
	 * from the names, which give way first. */
	if (m->ls.co_cung_ky)
		for (int g = 0; g < 2; g++) {
			wc[g][C_TD] += W * 0.06f;
			wc[g][C_TEN] -= W * 0.06f;
		}
	/* No note at all: the names get the notes' column. */
	size_t ncol = S_NCOL - 1;
	for (size_t i = 0; i < n && ncol < S_NCOL; i++)
		if (*rows[i].ghi)
			ncol = S_NCOL;
	if (ncol < S_NCOL)
		for (int g = 0; g < 2; g++)
			wc[g][C_TEN] += wc[g][C_GHI];

	/* The chart at the size chart.c draws it for, smaller when the table
	 * needs the room (never below 60 % of it). */
	float chart_w = LO_MM(CHART_DON_VI_W_MM) < W ? LO_MM(CHART_DON_VI_W_MM) : W;
	float chart_max = LO_MM(CHART_DON_VI_H_MM), chart_min = chart_max * 0.6f, gap = 8;
	char *png = xasprintf("%s/don-vi-%s.png", charts_dir ? charts_dir : ".", dv->ma);
	FILE *fp = charts_dir ? fopen(png, "rb") : NULL;
	int have_chart = fp != NULL;
	if (fp)
		fclose(fp);
	float avail = d->y - y_floor - lg_h - gap;

	/* The first level whose table leaves room for the chart, else the
	 * first whose table fits, else the smallest. */
	LoTable tb;
	int chosen = -1;
	float th = 0;
	for (int pass = 0; pass < 2 && chosen < 0; pass++)
		for (size_t k = 0; k < S_N_MUC; k++) {
			lo_table_init(&tb, ncol, wc[S_muc[k].gon]);
			S_build_table(&tb, d, rows, n, S_muc[k], td_head, &pool);
			th = lo_table_height(d, &tb) + tb.line_w;
			lo_table_release(&tb);
			float need = th + (pass == 0 && have_chart ? chart_min + gap : 0);
			if (need <= avail) {
				chosen = (int)k;
				break;
			}
		}
	if (chosen < 0)
		chosen = (int)S_N_MUC - 1;
	lo_table_init(&tb, ncol, wc[S_muc[chosen].gon]);
	S_build_table(&tb, d, rows, n, S_muc[chosen], td_head, &pool);
	th = lo_table_height(d, &tb) + tb.line_w;
	/* The page is measured: the table must not break it, whatever a
	 * rounding difference says. */
	float table_top = d->y;
	d->y_bottom = -1e6f;
	LoBoxes boxes = {0};
	if (n)
		lo_table_flow(d, &tb, &boxes);
	else
		lo_paragraph(d, FONT_REGULAR, 11, d->x0, W, LO_LEFT, 0, 0,
		             "Không có chỉ tiêu nào áp dụng cho nhóm của đơn vị.");
	d->y_bottom = y_floor;
	S_to_mau(d, &boxes, rows);
	lo_boxes_release(&boxes);
	if (n)
		d->y = table_top - th;
	lo_table_release(&tb);

	float room = d->y - y_floor - lg_h - 2 * gap;
	if (have_chart && room >= chart_min * 0.5f) {
		if (room > chart_max)
			room = chart_max;
		float ch = lo_png(d, png, d->x0 + (W - chart_w) / 2, d->y - gap, chart_w, room);
		if (ch > 0)
			d->y -= gap + ch;
	}
	free(png);

	/* The legend at the foot. */
	lo_rule(d, d->x0, d->x1, y_floor + lg_h + 3, 0.5f);
	lo_text_box(d, FONT_REGULAR, lg_size, d->x0, y_floor + lg_h, W, LO_LEFT, lg.ptr);

	for (size_t i = 0; i < n; i++)
		S_dong_release(&rows[i]);
	free(rows);
	buf_release(&lg);
	buf_release(&b);
	S_pool_release(&pool);
}

int pdf_scorecards(const Model *m, const char *path, const char *charts_dir,
                   const int *units, size_t n_units, char **err)
{
	LoDoc d;
	S_Hang xh = {NULL, NULL, NULL};
	int rc = -1;
	if (lo_open_file(&d, path, err))
		goto out;
	for (size_t i = 0; units && i < n_units; i++)
		if (units[i] < 0 || (size_t)units[i] >= m->n_don_vi) {
			*err = xstrdup("--don-vi: no such unit");
			goto out;
		}
	lo_set_info(&d, "Thẻ điểm cải cách thủ tục hành chính", NULL);
	/* Scorecards are handed out one page at a time: no page numbers,
	 * tighter margins than the decree's document. */
	d.number_size = 0;
	d.m_top = LO_MM(15);
	d.m_bottom = LO_MM(15);
	d.m_left = LO_MM(20);
	d.m_right = LO_MM(15);
	Buf head;
	buf_init(&head);
	if (m->n_thieu) {
		fmt_tam_tinh(&head, m->n_thieu, 1);
		buf_puts(&head, ", xem trang Chất lượng số liệu của trang tin");
		d.running_head = head.ptr;
	}
	size_t nu = m->n_don_vi ? m->n_don_vi : 1;
	xh.hang = xmalloc(nu * sizeof *xh.hang);
	xh.tong = xmalloc(nu * sizeof *xh.tong);
	xh.dong = xmalloc(nu * sizeof *xh.dong);
	rank_hang_all(m, xh.hang, xh.tong, xh.dong);
	if (!units) {
		S_overview(&d, m);
		for (size_t i = 0; i < m->n_don_vi; i++)
			S_unit_page(&d, m, (size_t)m->thu_tu_don_vi[i], charts_dir, &xh);
	} else {
		for (size_t i = 0; i < n_units; i++)
			S_unit_page(&d, m, (size_t)units[i], charts_dir, &xh);
		if (!n_units)
			lo_page_new(&d, 0);
	}
	rc = lo_finish(&d, err);
	buf_release(&head);
out:
	lo_close(&d);
	free(xh.hang);
	free(xh.tong);
	free(xh.dong);
	return rc;
}
