/* SPDX-License-Identifier: MIT */
/* scorecard: the scorecards as blocks (scorecard.h).  What a page says
 * is decided here; how it fits its one page is the writer's (card_pdf.c
 * over layout.c). */
#include "scorecard.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "date.h"
#include "fmt.h"
#include "trang_han.h"
#include "rank.h"
#include "xalloc.h"

/* The scorecards' name, on every page. */
static const char S_TEN[] = "THẺ ĐIỂM CẢI CÁCH THỦ TỤC HÀNH CHÍNH";

static void S_block(DocWriter *w, DocKind kind, int flags, int level, DocInl *inl)
{
	DocBlock b;
	doc_block_init(&b, kind);
	b.flags = flags;
	b.level = level;
	if (inl) {
		doc_inl_release(&b.inl);
		b.inl = *inl;
	}
	w->put(w, &b);
	if (inl) {
		/* the runs were lent to b: inl starts again empty */
		doc_inl_release(inl);
		doc_inl_init(inl);
	}
}

/* A paragraph of one style from b (emptied). */
static void S_para(DocWriter *w, int flags, int style, Buf *b)
{
	DocInl p;
	doc_inl_init(&p);
	doc_add_buf(&p, style, b);
	S_block(w, DOC_PARA, flags | DOC_F_NOINDENT, 0, &p);
	doc_inl_release(&p);
}

static void S_page(DocWriter *w, int flags)
{
	DocBlock b;
	doc_block_init(&b, DOC_PAGE);
	b.flags = DOC_F_FIT | flags;
	w->put(w, &b);
}

static void S_cell(DocCell *c, int style, Buf *b, DocAlign al)
{
	doc_inl_init(&c->inl);
	doc_add_buf(&c->inl, style, b);
	c->colspan = c->rowspan = 1;
	c->align = al;
}

static void S_cells_release(DocCell *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		doc_inl_release(&c[i].inl);
}

/* "Số liệu lũy kế từ 01/01/2024 đến 30/09/2024" */
static void S_luy_ke(Buf *b, const CuaSo *w)
{
	buf_puts(b, "số liệu lũy kế từ ");
	fmt_ngay(b, date_day(w->year, 1, 1));
	buf_puts(b, " đến ");
	fmt_ngay(b, date_month_end(w->year, w->last_month));
}

/* The target's name where space is short: "1. DVC toàn trình", else
 * "Chỉ tiêu 1". */
static void S_ten_ct(Buf *b, const ChiTieu *ct)
{
	char nb[MODEL_TEN_NGAN_BUF];
	if (ct->ten_ngan && *ct->ten_ngan) {
		fmt_int(b, ct->stt);
		buf_puts(b, ". ");
	}
	buf_puts(b, model_ten_ngan(ct, 0, nb));
}

/* "Tối thiểu 80%", "Tối đa 5 ngày": the target with its unit. */
static void S_giao(Buf *b, const ChiTieu *ct)
{
	fmt_giao_chi_tieu(b, ct);
	if (ct->don_vi_tinh && *ct->don_vi_tinh)
		buf_printf(b, strcmp(ct->don_vi_tinh, "%") ? "\u00a0%s" : "%s", ct->don_vi_tinh);
}

/* ---- the overview ---- */

static void S_overview(const Model *m, DocWriter *w)
{
	const CuaSo *cs = &m->cua_so;
	size_t nt = m->n_chi_tieu;
	Buf b;
	buf_init(&b);
	/* landscape only if upright does not fit */
	S_page(w, DOC_F_LANDSCAPE);
	buf_puts(&b, S_TEN);
	DocInl p;
	doc_inl_init(&p);
	doc_add_buf(&p, DOC_BOLD, &b);
	S_block(w, DOC_HEADING, DOC_F_CENTER, 1, &p);
	buf_puts(&b, "Toàn tỉnh – ");
	fmt_cua_so(&b, cs);
	buf_puts(&b, " (");
	S_luy_ke(&b, cs);
	buf_puts(&b, ")");
	S_para(w, DOC_F_CENTER, 0, &b);
	if (m->n_thieu) {
		fmt_tam_tinh(&b, m->n_thieu, 1);
		buf_puts(&b, " (đánh dấu " FMT_DAU_THIEU " ở trang của từng đơn vị)");
		S_para(w, DOC_F_CENTER, DOC_BOLD, &b);
	}

	/* the table: the province, then each group with units */
	size_t nc = nt + 2;
	float *wid = xmalloc(nc * sizeof *wid);
	DocCell *head = xcalloc(nc, sizeof *head), *row = xcalloc(nc, sizeof *row);
	wid[0] = 30;
	for (size_t k = 0; k < nt; k++)
		wid[1 + k] = nt > 8 ? 9 : 12;
	wid[nc - 1] = 11;
	buf_puts(&b, "Nhóm đơn vị");
	S_cell(&head[0], DOC_BOLD, &b, DOC_AL_LEFT);
	for (size_t k = 0; k < nt; k++) {
		buf_printf(&b, "CT%d", m->chi_tieu[k].stt);
		S_cell(&head[1 + k], DOC_BOLD, &b, DOC_AL_CENTER);
	}
	buf_puts(&b, "Số chỉ tiêu đạt");
	S_cell(&head[nc - 1], DOC_BOLD, &b, DOC_AL_CENTER);
	DocBlock tb;
	doc_block_init(&tb, DOC_TABLE);
	tb.n_col = nc;
	tb.width = wid;
	tb.head = head;
	tb.n_head = 1;
	w->put(w, &tb);
	for (int g = -1; g < (int)m->n_nhom; g++) {
		if (g >= 0) {
			int any = 0;
			for (size_t u = 0; u < m->n_don_vi && !any; u++)
				any = m->don_vi[u].nhom == g;
			if (!any)
				continue;
		}
		buf_puts(&b, g < 0 ? "Toàn tỉnh" : m->nhom[g].ten);
		S_cell(&row[0], g < 0 ? DOC_BOLD : 0, &b, DOC_AL_LEFT);
		int dat = 0, n = 0;
		for (size_t k = 0; k < nt; k++) {
			int state = FMT_KHONG_AP_DUNG;
			const KetQua *kq = g < 0 ? &m->kq_tinh[k] : model_kq_nhom(m, (size_t)g, k);
			if (g < 0 || m->chi_tieu[k].ap_dung[g])
				state = (int)kq->dg;
			buf_puts(&b, fmt_ky_hieu(state));
			if (state != FMT_KHONG_AP_DUNG) {
				/* units met out of units judged: one word, never split */
				buf_putc(&b, '\n');
				fmt_int(&b, kq->so_dv_dat);
				buf_putc(&b, '/');
				fmt_int(&b, kq->so_dv_danh_gia);
				n++;
				dat += kq->dg == DG_DAT;
			}
			S_cell(&row[1 + k], 0, &b, DOC_AL_CENTER);
			row[1 + k].tone = state == DG_DAT ? DOC_TONE_GOOD : state == DG_CHUA_DAT ? DOC_TONE_BAD : 0;
		}
		fmt_int(&b, dat);
		buf_putc(&b, '/');
		fmt_int(&b, n);
		S_cell(&row[nc - 1], DOC_BOLD, &b, DOC_AL_CENTER);
		DocBlock r;
		doc_block_init(&r, DOC_ROW);
		r.n_col = nc;
		r.cell = row;
		w->put(w, &r);
		S_cells_release(row, nc);
	}
	DocBlock e;
	doc_block_init(&e, DOC_TABLE_END);
	w->put(w, &e);
	S_cells_release(head, nc);
	free(head);
	free(row);
	free(wid);

	buf_puts(&b, "Trong mỗi ô: ký hiệu đánh giá của chỉ tiêu, dưới nó số đơn vị đạt / số đơn vị "
	             "được đánh giá (đạt hoặc chưa đạt). Cột cuối: số chỉ tiêu đạt / số chỉ tiêu được đánh giá.");
	S_para(w, DOC_F_SMALL, 0, &b);
	buf_puts(&b, "Ký hiệu: ");
	fmt_chu_giai(&b);
	buf_puts(&b, ".");
	S_para(w, DOC_F_SMALL, 0, &b);

	/* what each column is */
	buf_puts(&b, "Các chỉ tiêu");
	doc_add_buf(&p, DOC_BOLD, &b);
	S_block(w, DOC_HEADING, 0, 2, &p);
	for (size_t k = 0; k < nt; k++) {
		const ChiTieu *ct = &m->chi_tieu[k];
		buf_printf(&b, "CT%d", ct->stt);
		doc_add_buf(&p, DOC_BOLD, &b);
		buf_puts(&b, " – ");
		buf_puts(&b, ct->ten);
		buf_puts(&b, " (giao ");
		size_t at = b.len;
		S_giao(&b, ct);
		/* "giao tối thiểu 80%": the comparator in lower case in a sentence */
		if (!strncmp(b.ptr + at, "Tối", 4))
			memcpy(b.ptr + at, "tối", 4);
		buf_puts(&b, ")");
		doc_add_buf(&p, 0, &b);
		S_block(w, DOC_PARA, DOC_F_NOINDENT, 0, &p);
	}
	doc_inl_release(&p);
	buf_release(&b);
}

/* ---- one unit's page ---- */

/* The months of the window unit u's rows give for target t, as bits
 * 1 << month (a quarter's row gives its three months). */
static unsigned S_thang_co(const Model *m, size_t u, size_t t)
{
	unsigned mask = 0;
	for (size_t i = model_so_lieu_dau(m, u, t); i < m->n_so_lieu; i++) {
		const SoLieu *s = &m->so_lieu[i];
		if (s->don_vi != (int)u || s->chi_tieu != (int)t)
			break;
		if (s->ky.year != m->cua_so.year || ky_last_month(s->ky) > m->cua_so.last_month)
			continue;
		for (int k = ky_first_month(s->ky); k <= ky_last_month(s->ky); k++)
			mask |= 1u << k;
	}
	return mask;
}

/* The months missing from mask in the window, as bits; 0 when none or
 * when nothing at all was given (that is "Chưa báo cáo"). */
static unsigned S_thieu(const Model *m, unsigned mask)
{
	unsigned all = 0;
	for (int k = 1; k <= m->cua_so.last_month; k++)
		all |= 1u << k;
	return mask ? all & ~mask : 0;
}

/* The notes unit u gave on target t in the window: each distinct note
 * once, with the periods it covers ("“…” (Th1, Th3)").  0 when none. */
static int S_ghi_chu(Buf *b, const Model *m, size_t u, size_t t)
{
	size_t lo = model_so_lieu_dau(m, u, t), n = 0;
	const SoLieu **seen = NULL;
	size_t cap = 0;
	for (size_t i = lo; i < m->n_so_lieu; i++) {
		const SoLieu *s = &m->so_lieu[i];
		if (s->don_vi != (int)u || s->chi_tieu != (int)t)
			break;
		if (s->ky.year != m->cua_so.year || ky_last_month(s->ky) > m->cua_so.last_month)
			continue;
		if (!s->ghi_chu || !*s->ghi_chu)
			continue;
		size_t k = 0;
		while (k < n && strcmp(seen[k]->ghi_chu, s->ghi_chu))
			k++;
		if (k == n) {
			seen = xgrow(seen, &cap, n + 1, sizeof *seen);
			seen[n++] = s;
		}
	}
	for (size_t k = 0; k < n; k++) {
		buf_puts(b, k ? "; “" : "“");
		buf_puts(b, seen[k]->ghi_chu);
		buf_puts(b, "” (");
		int first = 1;
		for (size_t i = lo; i < m->n_so_lieu; i++) {
			const SoLieu *s = &m->so_lieu[i];
			if (s->don_vi != (int)u || s->chi_tieu != (int)t)
				break;
			if (s->ky.year != m->cua_so.year || ky_last_month(s->ky) > m->cua_so.last_month ||
			    !s->ghi_chu || strcmp(s->ghi_chu, seen[k]->ghi_chu))
				continue;
			if (!first)
				buf_puts(b, ", ");
			fmt_buoc(b, s->ky);
			first = 0;
		}
		buf_puts(b, ")");
	}
	free(seen);
	return n > 0;
}

static void S_con_can(Buf *b, const Model *m, const ChiTieu *t, const KetQua *kq)
{
	fmt_con_can(b, t, kq, m->cua_so.last_month, FMT_CC_DONG);
}

/* The change since the previous step: "▲ 2,14", "▼ 0,50", "= 0,00";
 * "chưa có" where there is none (no previous step or no rate). */
static void S_thay_doi(Buf *b, const Diem *xh, int n_buoc)
{
	ThayDoi td = rank_thay_doi(xh, n_buoc);
	switch (td.loai) {
	case TD_KHONG_CO:
		buf_puts(b, "chưa có");
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

/* An earlier window in words inside a sentence: "9 tháng năm 2024",
 * "quý I năm 2024", "năm 2023" (fmt_ky_cu with its first letter lower
 * case where it is "Quý" or "Năm"). */
static void S_ky_thuong(Buf *b, Ky k)
{
	size_t at = b->len;
	fmt_ky_cu(b, k);
	if (!strncmp(b->ptr + at, "Quý", strlen("Quý")) || !strncmp(b->ptr + at, "Năm", strlen("Năm")) ||
	    !strncmp(b->ptr + at, "Tháng", strlen("Tháng")))
		b->ptr[at] = (char)(b->ptr[at] - 'A' + 'a');
}

/* "tháng 12", "tháng 10, 11, 12" */
static void S_thang(Buf *b, unsigned mask)
{
	buf_puts(b, "tháng ");
	int first = 1;
	for (int k = 1; k <= 12; k++)
		if (mask & (1u << k)) {
			if (!first)
				buf_puts(b, ", ");
			fmt_int(b, k);
			first = 0;
		}
}

static void S_unit(const Model *m, size_t u, const int *hang, const int *tong, const int *dong,
                   DocWriter *w)
{
	const DonVi *dv = &m->don_vi[u];
	const CuaSo *cs = &m->cua_so;
	size_t nt = m->n_chi_tieu;
	Buf b;
	buf_init(&b);
	DocInl p;
	doc_inl_init(&p);
	S_page(w, 0);

	/* what page this is, whose, for when; a page handed out alone says
	 * its figures are provisional */
	buf_puts(&b, S_TEN);
	buf_puts(&b, " – ");
	fmt_cua_so(&b, cs);
	S_para(w, DOC_F_SMALL, 0, &b);
	if (m->n_thieu) {
		fmt_tam_tinh(&b, m->n_thieu, 1);
		S_para(w, DOC_F_SMALL, DOC_BOLD, &b);
	}
	buf_puts(&b, model_ten_don_vi(m, u));
	doc_add_buf(&p, DOC_BOLD, &b);
	S_block(w, DOC_HEADING, 0, 1, &p);
	const char *nhom = dv->nhom >= 0 ? m->nhom[dv->nhom].ten : "";
	buf_printf(&b, "Nhóm: %s   ·   Kỳ báo cáo: ", nhom);
	fmt_cua_so(&b, cs);
	buf_puts(&b, " (");
	S_luy_ke(&b, cs);
	buf_puts(&b, ")");
	S_para(w, 0, 0, &b);

	/* the answer in one line, and what the rank measures */
	DemDanhGia dem = rank_dem(m, u);
	buf_puts(&b, "Đạt ");
	fmt_int(&b, dem.dat);
	buf_puts(&b, "/");
	fmt_int(&b, dem.ap_dung);
	buf_puts(&b, " chỉ tiêu   ·   Xếp thứ ");
	fmt_int(&b, hang[u]);
	buf_puts(&b, "/");
	fmt_int(&b, tong[u]);
	buf_printf(&b, " trong nhóm %s%s", nhom, dong[u] ? " (đồng hạng)" : "");
	doc_add_buf(&p, DOC_BOLD, &b);
	S_block(w, DOC_HEADING, 0, 2, &p);
	buf_puts(&b, "Chưa đạt ");
	fmt_int(&b, dem.chua_dat);
	buf_puts(&b, "   ·   Không phát sinh ");
	fmt_int(&b, dem.khong_phat_sinh);
	buf_puts(&b, "   ·   Chưa báo cáo ");
	fmt_int(&b, dem.chua_bao_cao);
	buf_puts(&b, ". ");
	buf_puts(&b, rank_quy_tac);
	S_para(w, DOC_F_SMALL, 0, &b);

	/* the deadline tasks (trang_han.h): a line per kind of step */
	if (m->han.co) {
		han_dong_the_diem(&b, m, (int)u);
		while (b.len && b.ptr[b.len - 1] == '\n')
			buf_truncate(&b, b.len - 1);
		if (b.len)
			S_para(w, 0, 0, &b);
	}

	/* the table */
	int ck = m->ls.co_cung_ky;
	enum { C_TEN, C_KQ, C_GIAO, C_DG, C_TD, C_CK, C_CAN, C_N };
	size_t nc = ck ? C_N : C_N - 1;
	size_t col[C_N];
	for (size_t k = 0, j = 0; k < C_N; k++)
		col[k] = k == C_CK && !ck ? (size_t)-1 : j++;
	col[C_CAN] = nc - 1;
	float wid[C_N] = {24, 16, 13, 13, 12, 12, 17};
	float wv[C_N];
	for (size_t k = 0; k < C_N; k++)
		if (col[k] != (size_t)-1)
			wv[col[k]] = wid[k];
	DocCell head[C_N], row[C_N];
	memset(head, 0, sizeof head);
	memset(row, 0, sizeof row);
	buf_puts(&b, "Chỉ tiêu");
	S_cell(&head[col[C_TEN]], DOC_BOLD, &b, DOC_AL_CENTER);
	buf_puts(&b, "Kết quả (tử số/mẫu số)");
	S_cell(&head[col[C_KQ]], DOC_BOLD, &b, DOC_AL_CENTER);
	buf_puts(&b, "Chỉ tiêu giao");
	S_cell(&head[col[C_GIAO]], DOC_BOLD, &b, DOC_AL_CENTER);
	buf_puts(&b, "Đánh giá");
	S_cell(&head[col[C_DG]], DOC_BOLD, &b, DOC_AL_CENTER);
	if (cs->n_buoc >= 2) {
		/* the previous step's window as people say it: "So với 9 tháng
		 * năm 2024" */
		buf_puts(&b, "So với ");
		S_ky_thuong(&b, cs->buoc[cs->n_buoc - 2]);
		buf_puts(&b, " (điểm\u00a0%)");
	} else
		buf_puts(&b, "So với kỳ trước (điểm\u00a0%)");
	S_cell(&head[col[C_TD]], DOC_BOLD, &b, DOC_AL_CENTER);
	if (ck) {
		buf_printf(&b, "So với cùng kỳ năm %d (điểm\u00a0%%)", m->ls.cung_ky.year);
		S_cell(&head[col[C_CK]], DOC_BOLD, &b, DOC_AL_CENTER);
	}
	buf_puts(&b, "Còn cần");
	S_cell(&head[col[C_CAN]], DOC_BOLD, &b, DOC_AL_CENTER);
	DocBlock tb;
	doc_block_init(&tb, DOC_TABLE);
	tb.n_col = nc;
	tb.width = wv;
	tb.head = head;
	tb.n_head = 1;

	size_t n_rows = 0;
	unsigned *thieu = xcalloc(nt ? nt : 1, sizeof *thieu);
	int any_thieu = 0;
	for (size_t t = 0; t < nt; t++) {
		if (!model_applies(m, u, t))
			continue;
		if (!n_rows++)
			w->put(w, &tb);
		const ChiTieu *ct = &m->chi_tieu[t];
		const KetQua *kq = model_kq_don_vi(m, u, t);
		thieu[t] = S_thieu(m, S_thang_co(m, u, t));
		any_thieu |= thieu[t] != 0;
		S_ten_ct(&b, ct);
		S_cell(&row[col[C_TEN]], 0, &b, DOC_AL_LEFT);
		if (kq->dg == DG_CHUA_BAO_CAO)
			buf_puts(&b, "chưa có số liệu");
		else {
			if (kq->d > 0) {
				fmt_ty_le(&b, kq->n, kq->d, ct);
				buf_puts(&b, "%");
				if (thieu[t])
					buf_puts(&b, FMT_DAU_THIEU);
				buf_putc(&b, '\n');
			}
			buf_putc(&b, '(');
			fmt_int(&b, kq->n);
			buf_putc(&b, '/');
			fmt_int(&b, kq->d);
			buf_putc(&b, ')');
			if (thieu[t] && kq->d == 0)
				buf_puts(&b, FMT_DAU_THIEU);
		}
		S_cell(&row[col[C_KQ]], 0, &b, DOC_AL_CENTER);
		S_giao(&b, ct);
		S_cell(&row[col[C_GIAO]], 0, &b, DOC_AL_CENTER);
		buf_printf(&b, "%s\u00a0%s", fmt_ky_hieu(kq->dg), fmt_danh_gia(kq->dg));
		S_cell(&row[col[C_DG]], DOC_BOLD, &b, DOC_AL_LEFT);
		row[col[C_DG]].tone = kq->dg == DG_DAT ? DOC_TONE_GOOD : kq->dg == DG_CHUA_DAT ? DOC_TONE_BAD : 0;
		S_thay_doi(&b, model_xh_don_vi(m, u, t), cs->n_buoc);
		S_cell(&row[col[C_TD]], 0, &b, DOC_AL_CENTER);
		if (ck) {
			if (fmt_cung_ky_gon(&b, kq, &m->ls.ck_don_vi[u * nt + t]))
				buf_puts(&b, "chưa có");
			S_cell(&row[col[C_CK]], 0, &b, DOC_AL_CENTER);
		}
		S_con_can(&b, m, ct, kq);
		/* a verdict on incomplete figures says so where it is read */
		if (thieu[t])
			buf_puts(&b, "; cần gửi đủ số liệu" FMT_DAU_THIEU);
		S_cell(&row[col[C_CAN]], kq->dg == DG_CHUA_DAT ? DOC_BOLD : 0, &b, DOC_AL_LEFT);
		DocBlock r;
		doc_block_init(&r, DOC_ROW);
		r.n_col = nc;
		r.cell = row;
		w->put(w, &r);
		S_cells_release(row, nc);
	}
	S_cells_release(head, nc);
	if (n_rows) {
		DocBlock e;
		doc_block_init(&e, DOC_TABLE_END);
		w->put(w, &e);
	} else {
		buf_puts(&b, "Không có chỉ tiêu nào áp dụng cho nhóm của đơn vị.");
		S_para(w, 0, 0, &b);
	}

	/* the marks at the figures: which months are missing */
	if (any_thieu) {
		unsigned same = 0;
		int one = 1;
		for (size_t t = 0; t < nt; t++)
			if (thieu[t]) {
				if (same && same != thieu[t])
					one = 0;
				same = thieu[t];
			}
		buf_puts(&b, FMT_DAU_THIEU " Số liệu chưa đủ: ");
		if (one) {
			buf_puts(&b, "thiếu số liệu ");
			S_thang(&b, same);
			buf_puts(&b, ".");
		} else {
			int first = 1;
			for (size_t t = 0; t < nt; t++)
				if (thieu[t]) {
					buf_puts(&b, first ? "" : "; ");
					buf_printf(&b, "CT%d thiếu số liệu ", m->chi_tieu[t].stt);
					S_thang(&b, thieu[t]);
					first = 0;
				}
			buf_puts(&b, ".");
		}
		S_para(w, 0, 0, &b);
	}
	free(thieu);

	/* the notes: they give way first, to the report's notes appendix */
	int any_note = 0;
	for (size_t t = 0; t < nt; t++) {
		if (!model_applies(m, u, t))
			continue;
		Buf g;
		buf_init(&g);
		if (S_ghi_chu(&g, m, u, t)) {
			if (!any_note++) {
				buf_puts(&b, "Ghi chú của đơn vị");
				doc_add_buf(&p, DOC_BOLD, &b);
				S_block(w, DOC_PARA, DOC_F_YIELD | DOC_F_NOINDENT, 0, &p);
			}
			buf_printf(&b, "CT%d: ", m->chi_tieu[t].stt);
			doc_add_buf(&p, DOC_BOLD, &b);
			doc_add_buf(&p, 0, &g);
			S_block(w, DOC_PARA, DOC_F_YIELD | DOC_F_NOINDENT | DOC_F_SMALL, 0, &p);
		}
		buf_release(&g);
	}
	if (any_note) {
		buf_puts(&b, "Ghi chú của đơn vị: xem Phụ lục “Ghi chú của đơn vị” của Báo cáo ");
		S_ky_thuong(&b, cs->ky);
		buf_puts(&b, ".");
		S_para(w, DOC_F_INSTEAD, 0, &b);
	}

	/* the trend chart by period, one panel per target: at 80 % of the
	 * width, 60 % at the least (gp_script.h: its labels are then 7 pt) */
	if (chart_unit_has_chart(m, u)) {
		DocBlock f;
		doc_block_init(&f, DOC_FIGURE);
		char *stem = xasprintf("don-vi-%s", dv->ma);
		f.line[0] = stem;
		f.fig_w = CHART_DON_VI_SHARE;
		f.fig_min_w = CHART_DON_VI_MIN_SHARE;
		buf_puts(&b, "Diễn biến tỷ lệ lũy kế từ đầu năm của đơn vị qua các kỳ, mỗi ô một chỉ tiêu (CT n: "
		             "chỉ tiêu số n của bảng trên); đường ngang là chỉ tiêu giao; trục đứng của mỗi ô vừa "
		             "với số liệu của ô; điểm cuối mang ký hiệu đánh giá kỳ này");
		doc_add_buf(&f.inl, 0, &b);
		w->put(w, &f);
		doc_block_release(&f);
		free(stem);
	}

	/* the legend */
	buf_puts(&b, "Ký hiệu: ");
	fmt_chu_giai(&b);
	buf_puts(&b, ". Thay đổi: ▲ tăng, ▼ giảm, tính bằng điểm phần trăm của tỷ lệ lũy kế");
	if (cs->n_buoc >= 2) {
		buf_puts(&b, " so với lũy kế ");
		S_ky_thuong(&b, cs->buoc[cs->n_buoc - 2]);
	}
	buf_puts(&b, "; “chưa có”: chưa có số liệu kỳ trước");
	if (ck)
		buf_puts(&b, " hoặc cùng kỳ");
	buf_puts(&b, ". Còn cần: tỷ lệ phải đạt trong thời gian còn lại của năm để cả năm đạt chỉ tiêu, "
	             "giả định số phát sinh (mẫu số) giữ nhịp như từ đầu năm.");
	S_para(w, DOC_F_SMALL, 0, &b);
	doc_inl_release(&p);
	buf_release(&b);
}

void scorecard_build(const Model *m, const int *units, size_t n_units, DocWriter *w)
{
	DocBlock meta;
	doc_block_init(&meta, DOC_META);
	Buf t;
	buf_init(&t);
	buf_puts(&t, "Thẻ điểm cải cách thủ tục hành chính – ");
	fmt_cua_so(&t, &m->cua_so);
	meta.line[0] = t.ptr;
	w->put(w, &meta);
	size_t nu = m->n_don_vi ? m->n_don_vi : 1;
	int *hang = xmalloc(nu * sizeof *hang), *tong = xmalloc(nu * sizeof *tong),
	    *dong = xmalloc(nu * sizeof *dong);
	rank_hang_all(m, hang, tong, dong);
	if (!units) {
		S_overview(m, w);
		for (size_t i = 0; i < m->n_don_vi; i++)
			S_unit(m, (size_t)m->thu_tu_don_vi[i], hang, tong, dong, w);
	} else
		for (size_t i = 0; i < n_units; i++)
			if (units[i] >= 0 && (size_t)units[i] < m->n_don_vi)
				S_unit(m, (size_t)units[i], hang, tong, dong, w);
	DocBlock end;
	doc_block_init(&end, DOC_END);
	w->put(w, &end);
	free(hang);
	free(tong);
	free(dong);
	buf_release(&t);
}
