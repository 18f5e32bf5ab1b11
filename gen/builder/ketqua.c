/* SPDX-License-Identifier: MIT */
#include "ketqua.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "csvout.h"
#include "fmt.h"
#include "han.h"
#include "out.h"

/* ket-qua.csv: the evaluated figures for other programs.
 *
 * Rows: every unit in registry order with each target that applies to it
 * (by stt); then each group in report order, `ma` = "nhom:<slug>", with
 * each target that applies to that group, `ten` = the group's display
 * name and `nhom` = its slug; then the province, `ma` = "tinh",
 * `ten` = "Toàn tỉnh", `nhom` empty, with every target.
 *
 * The last column, ten_chi_tieu, is the target's name: next year's run
 * matches its targets to this year's by name (numbering changes from year
 * to year), and this file is all of a period that a later run reads. */

/* gia_tri with a '.' point and no needless trailing zeros: "80", "45.5". */
static void S_gia_tri(Buf *b, const ChiTieu *t)
{
	int64_t v = t->gt_num;
	int dec = t->gt_scale;
	while (dec > 0 && v % 10 == 0) {
		v /= 10;
		dec--;
	}
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, p = 1;
	for (int i = 0; i < dec; i++)
		p *= 10;
	buf_printf(b, "%s%" PRIu64, v < 0 ? "-" : "", mag / p);
	if (dec)
		buf_printf(b, ".%0*" PRIu64, dec, mag % p);
}

static const char *S_so_sanh(SoSanh s)
{
	switch (s) {
	case SS_GE:
		return ">=";
	case SS_LE:
		return "<=";
	case SS_EQ:
		break;
	}
	return "=";
}

static void S_row(Buf *b, const char *ky, const char *ma, const char *ten, const char *nhom,
                  const ChiTieu *t, const KetQua *k, int aggregate)
{
	csvout_field(b, ky);
	buf_putc(b, ',');
	csvout_field(b, ma);
	buf_putc(b, ',');
	csvout_field(b, ten);
	buf_putc(b, ',');
	csvout_field(b, nhom);
	buf_printf(b, ",%d,", t->stt);
	if (k->dg != DG_CHUA_BAO_CAO)
		buf_printf(b, "%" PRId64 ",%" PRId64, k->n, k->d);
	else
		buf_putc(b, ',');
	buf_putc(b, ',');
	if (k->dg == DG_DAT || k->dg == DG_CHUA_DAT)
		fmt_ty_le_csv(b, k->n, k->d, t);
	buf_printf(b, ",%s,", S_so_sanh(t->so_sanh));
	S_gia_tri(b, t);
	buf_printf(b, ",%s,", fmt_danh_gia_ma(k->dg));
	if (aggregate)
		buf_printf(b, "%d,%d", k->so_dv_dat, k->so_dv_danh_gia);
	else
		buf_putc(b, ',');
	buf_putc(b, ',');
	csvout_field(b, t->ten);
	buf_putc(b, '\n');
}

/* Moves what b holds to fp once it passes 64 KB (fp NULL: keeps it):
 * 10,000 units make some 7 MB of ket-qua.csv. */
static void S_spill(Buf *b, FILE *fp, int force)
{
	if (fp && (force || b->len >= 65536)) {
		if (b->len)
			fwrite(b->ptr, 1, b->len, fp); /* out_close_file checks the stream */
		buf_reset(b);
	}
}

static void S_csv(Buf *out, const Model *m, FILE *fp)
{
	char ky[16];
	size_t T = m->n_chi_tieu;
	ky_format(m->cua_so.ky, ky);
	buf_puts(out, "ky,ma,ten,nhom,chi_tieu,tu_so,mau_so,ty_le,so_sanh,gia_tri,danh_gia,"
	              "so_dv_dat,so_dv_danh_gia,ten_chi_tieu\n");
	if (!m->evaluated) {
		S_spill(out, fp, 1);
		return;
	}
	for (size_t u = 0; u < m->n_don_vi; u++) {
		const DonVi *dv = &m->don_vi[u];
		for (size_t t = 0; t < T; t++)
			if (model_applies(m, u, t))
				S_row(out, ky, dv->ma, dv->ten, m->nhom[dv->nhom].ma, &m->chi_tieu[t],
				      model_kq_don_vi(m, u, t), 0);
		S_spill(out, fp, 0);
	}
	Buf ma;
	buf_init(&ma);
	for (size_t g = 0; g < m->n_nhom; g++) {
		buf_reset(&ma);
		buf_printf(&ma, "nhom:%s", m->nhom[g].ma);
		for (size_t t = 0; t < T; t++)
			if (m->chi_tieu[t].ap_dung[g])
				S_row(out, ky, ma.ptr, m->nhom[g].ten, m->nhom[g].ma, &m->chi_tieu[t],
				      model_kq_nhom(m, g, t), 1);
	}
	buf_release(&ma);
	for (size_t t = 0; t < T; t++)
		S_row(out, ky, "tinh", "Toàn tỉnh", "", &m->chi_tieu[t], &m->kq_tinh[t], 1);
	S_spill(out, fp, 1);
}

void ketqua_csv(Buf *out, const Model *m)
{
	S_csv(out, m, NULL);
}

int ketqua_csv_file(const Model *m, const char *path, char **err)
{
	FILE *fp = out_open_file(path, err);
	if (!fp)
		return -1;
	Buf b;
	buf_init(&b);
	S_csv(&b, m, fp);
	buf_release(&b);
	return out_close_file(fp, path, err);
}

/* han.csv: every judged step in the order of HanData.kq (han.h). */
void ketqua_han_csv(Buf *out, const Model *m)
{
	buf_puts(out, "so_quyet_dinh,don_vi,buoc,han,ngay_cong_bo,trang_thai,so_ngay_tre\n");
	for (size_t i = 0; i < m->han.n_kq; i++) {
		const HanKetQua *r = &m->han.kq[i];
		csvout_field(out, r->so_quyet_dinh);
		buf_putc(out, ',');
		csvout_field(out, r->don_vi >= 0 ? m->don_vi[r->don_vi].ma : "");
		buf_putc(out, ',');
		csvout_field(out, r->buoc);
		buf_putc(out, ',');
		fmt_ngay_iso(out, r->han);
		buf_putc(out, ',');
		fmt_ngay_iso(out, r->ngay_cong_bo);
		buf_printf(out, ",%s,%d\n", han_trang_thai_ma(r->trang_thai), r->so_ngay_tre);
	}
}

static void S_kq_cells(Buf *b, const KetQua *k)
{
	if (k->dg != DG_CHUA_BAO_CAO)
		buf_printf(b, ",%" PRId64 ",%" PRId64 ",", k->n, k->d);
	else
		buf_puts(b, ",,,");
	buf_puts(b, fmt_danh_gia_ma(k->dg));
}

void ketqua_dieu_chinh_csv(Buf *out, const Model *m)
{
	const LichSu *ls = &m->ls;
	char ky[16];
	buf_puts(out, "ky_cu,ma,ten,chi_tieu,tu_so_cu,mau_so_cu,danh_gia_cu,tu_so_moi,mau_so_moi,"
	              "danh_gia_moi\n");
	if (!ls->co_truoc)
		return;
	ky_format(ls->truoc, ky);
	for (size_t i = 0; i < ls->n_dc; i++) {
		const DieuChinh *c = &ls->dc[i];
		const DonVi *dv = &m->don_vi[c->don_vi];
		csvout_field(out, ky);
		buf_putc(out, ',');
		csvout_field(out, dv->ma);
		buf_putc(out, ',');
		csvout_field(out, dv->ten);
		buf_printf(out, ",%d", m->chi_tieu[c->chi_tieu].stt);
		S_kq_cells(out, &c->cu);
		S_kq_cells(out, &c->moi);
		buf_putc(out, '\n');
	}
}
