/* SPDX-License-Identifier: MIT */
/* han_md: the deadline tasks in words, for the site and the scorecards. */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "han.h"
#include "han_md.h"
#include "mdbuf.h"
#include "model.h"
#include "xalloc.h"

static const char *S_buoc_ten(const HanKetQua *r, const Model *m)
{
	if (r->moc >= 0)
		return m->han.moc[r->moc].ten;
	return strcmp(r->buoc, "danh_muc") == 0 ? "Danh mục TTHC" : "Quy trình nội bộ";
}

static void S_dong_dem(Buf *out, const char *ten, const char *buoc, const HanDem *d)
{
	buf_printf(out, "| %s | %s | %d | %d | %d | %d | %d | ", ten, buoc, d->tong, d->dung_han,
	           d->tre_han, d->qua_han, d->chua_den_han);
	int worst = d->tre_max > d->qua_max ? d->tre_max : d->qua_max;
	if (worst)
		buf_printf(out, "%d", worst);
	buf_puts(out, " |\n");
}

/* Units in display order when evaluation has fixed it, else registry order. */
static int S_don_vi_thu(const Model *m, size_t i)
{
	return m->thu_tu_don_vi ? m->thu_tu_don_vi[i] : (int)i;
}

/* The report lists the worst delays, not every one: a page of them is
 * what a reader acts on; han.csv has them all. */
enum { S_TOI_DA = 30 };

/* A late step to sort: no global context, so renderers may run at once. */
typedef struct {
	int tre;
	size_t i;
} Tre;

/* Worst delay first; ties keep the order of han.csv. */
static int S_cmp_tre(const void *a, const void *b)
{
	const Tre *x = a, *y = b;
	if (x->tre != y->tre)
		return x->tre > y->tre ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

static void S_bang_don_vi(Buf *out, const Model *m)
{
	HanTomTat t;
	size_t head = out->len;
	buf_puts(out, "| Đơn vị chủ trì | Nội dung công bố | Số quyết định | Đúng hạn | Trễ hạn "
	              "| Quá hạn | Chưa đến hạn | Chậm nhất (ngày làm việc) |\n"
	              "|---|---|--:|--:|--:|--:|--:|--:|\n");
	md_cut_head(out, head);
	for (size_t i = 0; i < m->n_don_vi; i++) {
		int u = S_don_vi_thu(m, i);
		han_tom_tat(m, u, &t);
		if (!t.danh_muc.tong)
			continue;
		Buf ten;
		buf_init(&ten);
		md_escape(&ten, model_ten_don_vi(m, u));
		S_dong_dem(out, ten.ptr, "Danh mục TTHC", &t.danh_muc);
		S_dong_dem(out, ten.ptr, "Quy trình nội bộ", &t.quy_trinh);
		buf_release(&ten);
		md_cut(out, MD_CUT_TABLE);
	}
	han_tom_tat(m, -1, &t);
	S_dong_dem(out, "**Toàn tỉnh**", "Danh mục TTHC", &t.danh_muc);
	S_dong_dem(out, "**Toàn tỉnh**", "Quy trình nội bộ", &t.quy_trinh);
	md_cut_end(out);
}

static void S_bang_tre(Buf *out, const Model *m)
{
	const HanData *h = &m->han;
	Tre *v = xmalloc((h->n_kq + 1) * sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < h->n_kq; i++)
		if (h->kq[i].moc < 0 &&
		    (h->kq[i].trang_thai == TT_TRE_HAN || h->kq[i].trang_thai == TT_QUA_HAN))
			v[n++] = (Tre){h->kq[i].so_ngay_tre, i};
	if (!n) {
		buf_puts(out, "Không có quyết định nào công bố trễ hạn hoặc quá hạn.\n\n");
		free(v);
		return;
	}
	qsort(v, n, sizeof *v, S_cmp_tre);
	size_t shown = n < S_TOI_DA ? n : S_TOI_DA;
	if (shown < n)
		buf_printf(out, "Các bước trễ hạn, quá hạn: %zu; %zu bước chậm nhất (đủ danh sách trong "
		                "han.csv):\n\n",
		           n, shown);
	else
		buf_puts(out, "Các bước trễ hạn, quá hạn (chậm nhất trước):\n\n");
	buf_puts(out, ""
	              "| Số quyết định | Ngày quyết định | Cơ quan ban hành | Đơn vị chủ trì | Nội dung "
	              "| Hạn | Ngày công bố | Tình trạng | Số ngày làm việc chậm |\n"
	              "|---|---|---|---|---|---|---|---|--:|\n");
	for (size_t k = 0; k < shown; k++) {
		const HanKetQua *r = &h->kq[v[k].i];
		const CongBo *c = &h->cong_bo[r->cong_bo];
		buf_puts(out, "| ");
		md_escape(out, c->so_quyet_dinh);
		buf_puts(out, " | ");
		fmt_ngay(out, c->ngay_quyet_dinh);
		buf_puts(out, " | ");
		md_escape(out, c->co_quan ? c->co_quan : "");
		buf_puts(out, " | ");
		md_escape(out, model_ten_don_vi(m, (size_t)r->don_vi));
		buf_printf(out, " | %s | ", S_buoc_ten(r, m));
		fmt_ngay(out, r->han);
		buf_puts(out, " | ");
		if (r->ngay_cong_bo >= 0)
			fmt_ngay(out, r->ngay_cong_bo);
		else
			buf_puts(out, "Chưa công bố");
		buf_printf(out, " | %s | %d |\n", han_trang_thai_ten(r->trang_thai), r->so_ngay_tre);
	}
	buf_putc(out, '\n');
	free(v);
}

typedef struct {
	const char *ma;
	size_t i;      /* index into HanData.kq */
	size_t dau;    /* after grouping: the first index of its code */
} MocKey;

static int S_cmp_ma(const void *a, const void *b)
{
	const MocKey *x = a, *y = b;
	int c = strcmp(x->ma, y->ma);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

static int S_cmp_dau(const void *a, const void *b)
{
	const MocKey *x = a, *y = b;
	if (x->dau != y->dau)
		return x->dau < y->dau ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/* One row per milestone code, in the order first met in moc.csv.  Sorted,
 * not scanned per row, so thousands of units stay fast. */
static void S_tong_moc(Buf *out, const Model *m)
{
	const HanData *h = &m->han;
	MocKey *v = xmalloc((h->n_kq + 1) * sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < h->n_kq; i++)
		if (h->kq[i].moc >= 0)
			v[n++] = (MocKey){h->kq[i].buoc, i, 0};
	qsort(v, n, sizeof *v, S_cmp_ma);
	for (size_t k = 0; k < n; k++)
		v[k].dau = k && strcmp(v[k].ma, v[k - 1].ma) == 0 ? v[k - 1].dau : v[k].i;
	qsort(v, n, sizeof *v, S_cmp_dau);

	buf_puts(out, "| Nhiệm vụ | Hạn | Số đơn vị | Đúng hạn | Trễ hạn | Quá hạn | Chưa đến hạn "
	              "| Căn cứ |\n"
	              "|---|---|--:|--:|--:|--:|--:|---|\n");
	for (size_t k = 0; k < n;) {
		const HanKetQua *r = &h->kq[v[k].i];
		HanDem d;
		int cung_han = 1;
		memset(&d, 0, sizeof d);
		size_t j;
		for (j = k; j < n && v[j].dau == v[k].dau; j++) {
			const HanKetQua *x = &h->kq[v[j].i];
			d.tong++;
			d.dung_han += x->trang_thai == TT_DUNG_HAN;
			d.tre_han += x->trang_thai == TT_TRE_HAN;
			d.qua_han += x->trang_thai == TT_QUA_HAN;
			d.chua_den_han += x->trang_thai == TT_CHUA_DEN_HAN;
			cung_han &= x->han == r->han;
		}
		k = j;
		const Moc *x = &h->moc[r->moc];
		buf_puts(out, "| ");
		md_escape(out, x->ten);
		buf_puts(out, " | ");
		if (cung_han)
			fmt_ngay(out, r->han);
		else
			buf_puts(out, "Theo từng đơn vị");
		buf_printf(out, " | %d | %d | %d | %d | %d | ", d.tong, d.dung_han, d.tre_han, d.qua_han,
		           d.chua_den_han);
		if (x->can_cu)
			md_escape(out, x->can_cu);
		buf_puts(out, " |\n");
	}
	buf_putc(out, '\n');
	free(v);
}

static void S_bang_moc(Buf *out, const Model *m)
{
	const HanData *h = &m->han;
	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "### Các mốc thời gian\n\n");
	if (!h->n_moc) {
		buf_puts(out, "Không có mốc thời gian nào (moc.csv).\n\n");
		return;
	}
	S_tong_moc(out, m);
	size_t head = out->len;
	buf_puts(out, "| Nhiệm vụ | Đơn vị | Hạn | Ngày hoàn thành | Tình trạng "
	              "| Số ngày làm việc chậm |\n"
	              "|---|---|---|---|---|--:|\n");
	md_cut_head(out, head);
	for (size_t i = 0; i < h->n_kq; i++) {
		const HanKetQua *r = &h->kq[i];
		if (r->moc < 0)
			continue;
		const Moc *x = &h->moc[r->moc];
		buf_puts(out, "| ");
		md_escape(out, x->ten);
		buf_puts(out, " | ");
		md_escape(out, model_ten_don_vi(m, (size_t)r->don_vi));
		buf_puts(out, " | ");
		fmt_ngay(out, r->han);
		buf_puts(out, " | ");
		if (r->ngay_cong_bo >= 0)
			fmt_ngay(out, r->ngay_cong_bo);
		else
			buf_puts(out, "Chưa hoàn thành");
		buf_printf(out, " | %s | ", han_trang_thai_ten(r->trang_thai));
		if (r->so_ngay_tre)
			buf_printf(out, "%d", r->so_ngay_tre);
		buf_puts(out, " |\n");
		md_cut(out, MD_CUT_TABLE);
	}
	md_cut_end(out);
	buf_putc(out, '\n');
}

void han_md(Buf *out, const Model *m)
{
	const HanData *h = &m->han;
	if (!h->co)
		return;
	buf_puts(out, "## Tình hình công bố TTHC\n\n");
	if (h->ngay_xet >= 0) {
		buf_puts(out, "Tính đến ngày ");
		fmt_ngay(out, h->ngay_xet);
		buf_puts(out, ". ");
	}
	buf_printf(out,
	           "Thời hạn: công bố danh mục TTHC chậm nhất %d ngày làm việc, công bố quy trình "
	           "nội bộ giải quyết TTHC chậm nhất %d ngày làm việc kể từ ngày có Quyết định công "
	           "bố TTHC của Bộ (không tính ngày ban hành quyết định; ngày làm việc: thứ Hai đến "
	           "thứ Sáu, %s).\n\n",
	           h->han_danh_muc, h->han_quy_trinh,
	           h->n_nghi ? "trừ ngày nghỉ lễ, tết, cộng ngày làm bù"
	                     : "chưa có danh sách ngày nghỉ lễ, tết trong ngay-nghi.csv");
	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "### Công bố theo đơn vị chủ trì\n\n");
	if (!h->n_cong_bo)
		buf_puts(out, "Chưa có Quyết định công bố TTHC nào của Bộ (cong-bo.csv).\n\n");
	else {
		S_bang_don_vi(out, m);
		buf_putc(out, '\n');
		S_bang_tre(out, m);
	}
	S_bang_moc(out, m);
}

/* "; 1 quá hạn 12 ngày làm việc" or "; 2 quá hạn, chậm nhất 12 ngày làm việc" */
static void S_phan(Buf *out, int n, const char *tt, int worst)
{
	if (!n)
		return;
	buf_printf(out, "; %d %s", n, tt);
	if (worst)
		buf_printf(out, n == 1 ? " %d ngày làm việc" : ", chậm nhất %d ngày làm việc", worst);
}

static void S_dong(Buf *out, const char *ten, const HanDem *d)
{
	if (!d->tong)
		return;
	buf_printf(out, "%s: %d/%d đúng hạn", ten, d->dung_han, d->tong);
	S_phan(out, d->tre_han, "trễ hạn", d->tre_max);
	S_phan(out, d->qua_han, "quá hạn", d->qua_max);
	S_phan(out, d->chua_den_han, "chưa đến hạn", 0);
	buf_putc(out, '\n');
}

void han_dong_the_diem(Buf *out, const Model *m, int don_vi)
{
	HanTomTat t;
	han_tom_tat(m, don_vi, &t);
	S_dong(out, "Công bố danh mục", &t.danh_muc);
	S_dong(out, "Công bố quy trình nội bộ", &t.quy_trinh);
	S_dong(out, "Mốc thời gian", &t.moc);
}
