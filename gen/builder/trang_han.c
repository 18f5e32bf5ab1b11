/* SPDX-License-Identifier: MIT */
/* trang_han: the deadline tasks in words, for the site's page (doc.h
 * blocks) and the scorecards' lines (trang_han.h). */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "han.h"
#include "model.h"
#include "soan.h"
#include "trang_han.h"
#include "xalloc.h"

static const char *S_buoc_ten(const HanKetQua *r, const Model *m)
{
	if (r->moc >= 0)
		return m->han.moc[r->moc].ten;
	return strcmp(r->buoc, "danh_muc") == 0 ? "Danh mục TTHC" : "Quy trình nội bộ";
}

/* A row of counts: who (bold for the province), what, the counts, the
 * worst delay. */
static void S_dong_dem(Soan *s, const char *ten, int dam, const char *buoc, const HanDem *d)
{
	soan_row(s);
	soan_style(s, dam ? DOC_BOLD : 0);
	soan_puts(s, ten);
	soan_style(s, 0);
	soan_cell(s);
	soan_puts(s, buoc);
	int so[5] = {d->tong, d->dung_han, d->tre_han, d->qua_han, d->chua_den_han};
	for (int i = 0; i < 5; i++) {
		soan_cell(s);
		soan_printf(s, "%d", so[i]);
	}
	soan_cell(s);
	int worst = d->tre_max > d->qua_max ? d->tre_max : d->qua_max;
	if (worst)
		soan_printf(s, "%d", worst);
	soan_row_end(s);
}

/* A step's cells "Hạn | done on (chua: not yet) | Tình trạng | days
 * late" (0 days printed only when zero_too). */
static void S_tien_do(Soan *s, const HanKetQua *r, const char *chua, int zero_too)
{
	fmt_ngay(&s->b, r->han);
	soan_cell(s);
	if (r->ngay_cong_bo >= 0)
		fmt_ngay(&s->b, r->ngay_cong_bo);
	else
		soan_puts(s, chua);
	soan_cell(s);
	soan_puts(s, han_trang_thai_ten(r->trang_thai));
	soan_cell(s);
	if (r->so_ngay_tre || zero_too)
		soan_printf(s, "%d", r->so_ngay_tre);
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

static void S_bang_don_vi(Soan *s, const Model *m)
{
	HanTomTat t;
	soan_table(s, "llrrrrrr", "Đơn vị chủ trì|Nội dung công bố|Số quyết định|Đúng hạn|Trễ hạn|Quá hạn|"
	                          "Chưa đến hạn|Chậm nhất (ngày làm việc)");
	for (size_t i = 0; i < m->n_don_vi; i++) {
		int u = S_don_vi_thu(m, i);
		han_tom_tat(m, u, &t);
		if (!t.danh_muc.tong)
			continue;
		S_dong_dem(s, model_ten_don_vi(m, (size_t)u), 0, "Danh mục TTHC", &t.danh_muc);
		S_dong_dem(s, model_ten_don_vi(m, (size_t)u), 0, "Quy trình nội bộ", &t.quy_trinh);
	}
	han_tom_tat(m, -1, &t);
	S_dong_dem(s, "Toàn tỉnh", 1, "Danh mục TTHC", &t.danh_muc);
	S_dong_dem(s, "Toàn tỉnh", 1, "Quy trình nội bộ", &t.quy_trinh);
	soan_table_end(s);
}

static void S_bang_tre(Soan *s, const Model *m)
{
	const HanData *h = &m->han;
	Tre *v = xmalloc((h->n_kq + 1) * sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < h->n_kq; i++)
		if (h->kq[i].moc < 0 &&
		    (h->kq[i].trang_thai == TT_TRE_HAN || h->kq[i].trang_thai == TT_QUA_HAN))
			v[n++] = (Tre){h->kq[i].so_ngay_tre, i};
	if (!n) {
		soan_para(s, "Không có quyết định nào công bố trễ hạn hoặc quá hạn.");
		free(v);
		return;
	}
	qsort(v, n, sizeof *v, S_cmp_tre);
	size_t shown = n < S_TOI_DA ? n : S_TOI_DA;
	if (shown < n) {
		soan_printf(s, "Các bước trễ hạn, quá hạn: %zu; %zu bước chậm nhất (đủ danh sách trong "
		               "han.csv):",
		            n, shown);
		soan_put(s);
	} else
		soan_para(s, "Các bước trễ hạn, quá hạn (chậm nhất trước):");
	soan_table(s, "llllllllr", "Số quyết định|Ngày quyết định|Cơ quan ban hành|Đơn vị chủ trì|Nội dung|"
	                           "Hạn|Ngày công bố|Tình trạng|Số ngày làm việc chậm");
	for (size_t k = 0; k < shown; k++) {
		const HanKetQua *r = &h->kq[v[k].i];
		const CongBo *c = &h->cong_bo[r->cong_bo];
		soan_row(s);
		soan_puts(s, c->so_quyet_dinh ? c->so_quyet_dinh : "");
		soan_cell(s);
		fmt_ngay(&s->b, c->ngay_quyet_dinh);
		soan_cell(s);
		soan_puts(s, c->co_quan ? c->co_quan : "");
		soan_cell(s);
		soan_puts(s, model_ten_don_vi(m, (size_t)r->don_vi));
		soan_cell(s);
		soan_puts(s, S_buoc_ten(r, m));
		soan_cell(s);
		S_tien_do(s, r, "Chưa công bố", 1);
		soan_row_end(s);
	}
	soan_table_end(s);
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
static void S_tong_moc(Soan *s, const Model *m)
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

	soan_table(s, "llrrrrrl", "Nhiệm vụ|Hạn|Số đơn vị|Đúng hạn|Trễ hạn|Quá hạn|Chưa đến hạn|Căn cứ");
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
		soan_row(s);
		soan_puts(s, x->ten);
		soan_cell(s);
		if (cung_han)
			fmt_ngay(&s->b, r->han);
		else
			soan_puts(s, "Theo từng đơn vị");
		int so[5] = {d.tong, d.dung_han, d.tre_han, d.qua_han, d.chua_den_han};
		for (int i = 0; i < 5; i++) {
			soan_cell(s);
			soan_printf(s, "%d", so[i]);
		}
		soan_cell(s);
		if (x->can_cu)
			soan_puts(s, x->can_cu);
		soan_row_end(s);
	}
	soan_table_end(s);
	free(v);
}

static void S_bang_moc(Soan *s, const Model *m)
{
	const HanData *h = &m->han;
	soan_heading(s, 2, "Các mốc thời gian");
	if (!h->n_moc) {
		soan_para(s, "Không có mốc thời gian nào (moc.csv).");
		return;
	}
	S_tong_moc(s, m);
	soan_table(s, "lllllr", "Nhiệm vụ|Đơn vị|Hạn|Ngày hoàn thành|Tình trạng|Số ngày làm việc chậm");
	for (size_t i = 0; i < h->n_kq; i++) {
		const HanKetQua *r = &h->kq[i];
		if (r->moc < 0)
			continue;
		soan_row(s);
		soan_puts(s, h->moc[r->moc].ten);
		soan_cell(s);
		soan_puts(s, model_ten_don_vi(m, (size_t)r->don_vi));
		soan_cell(s);
		S_tien_do(s, r, "Chưa hoàn thành", 0);
		soan_row_end(s);
	}
	soan_table_end(s);
}

void trang_han(DocWriter *w, const Model *m)
{
	const HanData *h = &m->han;
	Soan s;
	soan_init(&s, w);
	soan_tieu_de(&s, "Tiến độ công bố thủ tục hành chính");
	soan_puts(&s, "Kỳ báo cáo: ");
	fmt_cua_so(&s.b, &m->cua_so);
	soan_put(&s);
	if (!h->co) {
		soan_para(&s, "Kỳ này không có dữ liệu về nhiệm vụ có thời hạn.");
		goto out;
	}
	soan_heading(&s, 1, "Tình hình công bố TTHC");
	if (h->ngay_xet >= 0) {
		soan_puts(&s, "Tính đến ngày ");
		fmt_ngay(&s.b, h->ngay_xet);
		soan_puts(&s, ". ");
	}
	soan_printf(&s,
	            "Thời hạn: công bố danh mục TTHC chậm nhất %d ngày làm việc, công bố quy trình "
	            "nội bộ giải quyết TTHC chậm nhất %d ngày làm việc kể từ ngày có Quyết định công "
	            "bố TTHC của Bộ (không tính ngày ban hành quyết định; ngày làm việc: thứ Hai đến "
	            "thứ Sáu, %s).",
	            h->han_danh_muc, h->han_quy_trinh,
	            h->n_nghi ? "trừ ngày nghỉ lễ, tết, cộng ngày làm bù"
	                      : "chưa có danh sách ngày nghỉ lễ, tết trong ngay-nghi.csv");
	soan_put(&s);
	soan_heading(&s, 2, "Công bố theo đơn vị chủ trì");
	if (!h->n_cong_bo)
		soan_para(&s, "Chưa có Quyết định công bố TTHC nào của Bộ (cong-bo.csv).");
	else {
		S_bang_don_vi(&s, m);
		S_bang_tre(&s, m);
	}
	S_bang_moc(&s, m);
out:
	soan_block(&s, DOC_END);
	soan_put(&s);
	soan_release(&s);
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
