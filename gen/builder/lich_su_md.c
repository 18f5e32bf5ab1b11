/* SPDX-License-Identifier: MIT */
#include "lich_su_md.h"

#include "fmt.h"
#include "mdbuf.h"

static void S_don_vi(Buf *b, const Model *m, size_t u, const char *root)
{
	const DonVi *dv = &m->don_vi[u];
	if (root && model_code_ok(dv->ma)) {
		buf_putc(b, '[');
		md_escape(b, model_ten_don_vi(m, u));
		buf_printf(b, "](%sdon-vi/%s.html)", root, dv->ma);
	} else
		md_escape(b, model_ten_don_vi(m, u));
}

static void S_chi_tieu(Buf *b, const Model *m, size_t t, const char *root)
{
	const ChiTieu *ct = &m->chi_tieu[t];
	if (root)
		buf_printf(b, "[%d](%schi-tieu/%d.html)", ct->stt, root, ct->stt);
	else
		buf_printf(b, "%d", ct->stt);
	buf_puts(b, ". ");
	md_escape(b, ct->ten);
}

static void S_ket_qua(Buf *b, const KetQua *k, const ChiTieu *t)
{
	Buf x;
	buf_init(&x);
	fmt_ket_qua(&x, k, t);
	md_escape(b, x.ptr);
	buf_release(&x);
}

static void S_ky_truoc(Buf *b, const Model *m)
{
	fmt_ky_cu(b, m->ls.truoc);
}

/* The restatements as tables (units, then groups and the province whose
 * figures moved); nothing when there is none. */
static void S_bang_dieu_chinh(Buf *out, const Model *m, const char *root)
{
	const LichSu *ls = &m->ls;
	if (ls->n_dc) {
		size_t head = out->len;
		buf_puts(out, "| Đơn vị | Chỉ tiêu | Đã công bố | Nay |\n|---|---|---|---|\n");
		md_cut_head(out, head);
		for (size_t i = 0; i < ls->n_dc; i++) {
			const DieuChinh *c = &ls->dc[i];
			const ChiTieu *ct = &m->chi_tieu[c->chi_tieu];
			buf_puts(out, "| ");
			S_don_vi(out, m, (size_t)c->don_vi, root);
			buf_puts(out, " | ");
			S_chi_tieu(out, m, (size_t)c->chi_tieu, root);
			buf_puts(out, " | ");
			S_ket_qua(out, &c->cu, ct);
			buf_puts(out, " | ");
			S_ket_qua(out, &c->moi, ct);
			buf_puts(out, " |\n");
			md_cut(out, MD_CUT_TABLE);
		}
		md_cut_end(out);
		buf_putc(out, '\n');
	}
	if (ls->n_dc_tong) {
		md_cut(out, MD_CUT_BLOCKS);
		buf_puts(out, "Số liệu tổng hợp thay đổi theo:\n\n"
		              "| Nhóm / toàn tỉnh | Chỉ tiêu | Đã công bố | Nay |\n|---|---|---|---|\n");
		for (size_t i = 0; i < ls->n_dc_tong; i++) {
			const DieuChinh *c = &ls->dc_tong[i];
			const ChiTieu *ct = &m->chi_tieu[c->chi_tieu];
			buf_puts(out, "| ");
			if (c->nhom >= 0)
				md_escape(out, m->nhom[c->nhom].ten);
			else
				buf_puts(out, "Toàn tỉnh");
			buf_puts(out, " | ");
			S_chi_tieu(out, m, (size_t)c->chi_tieu, root);
			buf_puts(out, " | ");
			S_ket_qua(out, &c->cu, ct);
			buf_puts(out, " | ");
			S_ket_qua(out, &c->moi, ct);
			buf_puts(out, " |\n");
		}
		buf_putc(out, '\n');
	}
}

void md_trang_dieu_chinh(Buf *out, const Model *m)
{
	const LichSu *ls = &m->ls;
	buf_puts(out, "# Điều chỉnh số liệu đã công bố\n\n");
	if (!ls->co_truoc) {
		buf_puts(out, "Thư mục kết quả chưa có báo cáo kỳ trước trong năm ");
		buf_printf(out, "%d", m->cua_so.year);
		buf_puts(out, " để so sánh.\n\n");
		return;
	}
	Buf s;
	buf_init(&s);
	fmt_dieu_chinh_cau(&s, m);
	md_escape(out, s.ptr);
	buf_release(&s);
	buf_puts(out, "\n\nSố liệu của kỳ ");
	S_ky_truoc(out, m);
	buf_puts(out, " được tính lại từ số liệu hiện nay và so với tệp ket-qua.csv đã công bố của kỳ đó "
	              "(danh sách cũng có trong tệp dieu-chinh.csv).\n\n");
	S_bang_dieu_chinh(out, m, "");
}

void md_dieu_chinh_don_vi(Buf *out, const Model *m, size_t u)
{
	const LichSu *ls = &m->ls;
	if (!ls->dv_dc || !ls->dv_dc[u])
		return;
	md_cut(out, MD_CUT_BLOCKS);
	buf_puts(out, "## Điều chỉnh số liệu\n\nSo với báo cáo ");
	S_ky_truoc(out, m);
	buf_puts(out, ", đơn vị đã điều chỉnh số liệu ([danh sách điều chỉnh](../dieu-chinh.html)):\n\n");
	for (size_t i = 0; i < ls->n_dc; i++) {
		const DieuChinh *c = &ls->dc[i];
		if ((size_t)c->don_vi != u)
			continue;
		const ChiTieu *ct = &m->chi_tieu[c->chi_tieu];
		buf_printf(out, "- Chỉ tiêu [%d](../chi-tieu/%d.html): đã công bố ", ct->stt, ct->stt);
		S_ket_qua(out, &c->cu, ct);
		buf_puts(out, "; nay ");
		S_ket_qua(out, &c->moi, ct);
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}

/* Under a heading that names the year: the change alone. */
static void S_cung_ky(Buf *out, const KetQua *now, const KetQuaCu *then, const ChiTieu *t)
{
	Buf x;
	buf_init(&x);
	fmt_cung_ky(&x, now, then, t, 0);
	md_escape(out, x.ptr);
	buf_release(&x);
}

void md_cung_ky_don_vi(Buf *out, const Model *m, size_t u)
{
	const LichSu *ls = &m->ls;
	if (!ls->co_cung_ky)
		return;
	int n = 0;
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		if (!n++) {
			md_cut(out, MD_CUT_BLOCKS);
			buf_printf(out, "## So với cùng kỳ năm %d\n\n", ls->cung_ky.year);
		}
		buf_printf(out, "- Chỉ tiêu [%d](../chi-tieu/%d.html): ", m->chi_tieu[t].stt,
		           m->chi_tieu[t].stt);
		S_cung_ky(out, model_kq_don_vi(m, u, t), &ls->ck_don_vi[u * m->n_chi_tieu + t],
		          &m->chi_tieu[t]);
		buf_putc(out, '\n');
	}
	if (n)
		buf_putc(out, '\n');
}

void md_cung_ky_chi_tieu(Buf *out, const Model *m, size_t t)
{
	const LichSu *ls = &m->ls;
	if (!ls->co_cung_ky)
		return;
	const ChiTieu *ct = &m->chi_tieu[t];
	buf_puts(out, "- Toàn tỉnh: ");
	S_cung_ky(out, &m->kq_tinh[t], &ls->ck_tinh[t], ct);
	buf_putc(out, '\n');
	for (size_t g = 0; g < m->n_nhom; g++) {
		if (!ct->ap_dung[g])
			continue;
		buf_puts(out, "- ");
		md_escape(out, m->nhom[g].ten);
		buf_puts(out, ": ");
		S_cung_ky(out, model_kq_nhom(m, g, t), &ls->ck_nhom[g * m->n_chi_tieu + t], ct);
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}
