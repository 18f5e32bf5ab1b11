/* SPDX-License-Identifier: MIT */
/* trang_lich_su: the history on the site's pages (trang_lich_su.h). */
#include "trang_lich_su.h"

#include "fmt.h"
#include "soan.h"

static void S_don_vi(Soan *s, const Model *m, size_t u, const char *root)
{
	const DonVi *dv = &m->don_vi[u];
	if (model_code_ok(dv->ma))
		soan_link(s, model_ten_don_vi(m, u), "%sdon-vi/%s.html", root, dv->ma);
	else
		soan_puts(s, model_ten_don_vi(m, u));
}

/* "3. Tên chỉ tiêu", the number a link to its page. */
static void S_chi_tieu(Soan *s, const Model *m, size_t t, const char *root)
{
	const ChiTieu *ct = &m->chi_tieu[t];
	char so[16];
	snprintf(so, sizeof so, "%d", ct->stt);
	soan_link(s, so, "%schi-tieu/%d.html", root, ct->stt);
	soan_puts(s, ". ");
	soan_puts(s, ct->ten ? ct->ten : "");
}

/* "Chỉ tiêu 3: ", the number a link to its page. */
static void S_chi_tieu_so(Soan *s, const ChiTieu *ct)
{
	char so[16];
	snprintf(so, sizeof so, "%d", ct->stt);
	soan_puts(s, "Chỉ tiêu ");
	soan_link(s, so, "../chi-tieu/%d.html", ct->stt);
	soan_puts(s, ": ");
}

/* The rest of a restatement's row after who: "Chỉ tiêu | Đã công bố | Nay". */
static void S_dong_dc(Soan *s, const Model *m, const DieuChinh *c, const char *root)
{
	const ChiTieu *ct = &m->chi_tieu[c->chi_tieu];
	soan_cell(s);
	S_chi_tieu(s, m, (size_t)c->chi_tieu, root);
	soan_cell(s);
	fmt_ket_qua(&s->b, &c->cu, ct);
	soan_cell(s);
	fmt_ket_qua(&s->b, &c->moi, ct);
	soan_row_end(s);
}

/* The restatements as tables (units, then groups and the province whose
 * figures moved); nothing when there is none. */
static void S_bang_dieu_chinh(Soan *s, const Model *m, const char *root)
{
	const LichSu *ls = &m->ls;
	if (ls->n_dc) {
		soan_table(s, "llll", "Đơn vị|Chỉ tiêu|Đã công bố|Nay");
		for (size_t i = 0; i < ls->n_dc; i++) {
			const DieuChinh *c = &ls->dc[i];
			soan_row(s);
			S_don_vi(s, m, (size_t)c->don_vi, root);
			S_dong_dc(s, m, c, root);
		}
		soan_table_end(s);
	}
	if (ls->n_dc_tong) {
		soan_para(s, "Số liệu tổng hợp thay đổi theo:");
		soan_table(s, "llll", "Nhóm / toàn tỉnh|Chỉ tiêu|Đã công bố|Nay");
		for (size_t i = 0; i < ls->n_dc_tong; i++) {
			const DieuChinh *c = &ls->dc_tong[i];
			soan_row(s);
			soan_puts(s, c->nhom >= 0 ? m->nhom[c->nhom].ten : "Toàn tỉnh");
			S_dong_dc(s, m, c, root);
		}
		soan_table_end(s);
	}
}

void trang_dieu_chinh(DocWriter *w, const Model *m)
{
	const LichSu *ls = &m->ls;
	Soan s;
	soan_init(&s, w);
	soan_tieu_de(&s, "Điều chỉnh số liệu đã công bố");
	if (!ls->co_truoc) {
		soan_printf(&s, "Thư mục kết quả chưa có báo cáo kỳ trước trong năm %d để so sánh.",
		            m->cua_so.year);
		soan_put(&s);
	} else {
		fmt_dieu_chinh_cau(&s.b, m);
		soan_put(&s);
		soan_puts(&s, "Số liệu của kỳ ");
		fmt_ky_cu(&s.b, ls->truoc);
		soan_puts(&s, " được tính lại từ số liệu hiện nay và so với tệp ket-qua.csv đã công bố của "
		              "kỳ đó (danh sách cũng có trong tệp dieu-chinh.csv).");
		soan_put(&s);
		S_bang_dieu_chinh(&s, m, "");
	}
	soan_block(&s, DOC_END);
	soan_put(&s);
	soan_release(&s);
}

void trang_dieu_chinh_don_vi(DocWriter *w, const Model *m, size_t u)
{
	const LichSu *ls = &m->ls;
	if (!ls->dv_dc || !ls->dv_dc[u])
		return;
	Soan s;
	soan_init(&s, w);
	soan_heading(&s, 1, "Điều chỉnh số liệu");
	soan_puts(&s, "So với báo cáo ");
	fmt_ky_cu(&s.b, ls->truoc);
	soan_puts(&s, ", đơn vị đã điều chỉnh số liệu (");
	soan_link(&s, "danh sách điều chỉnh", "../dieu-chinh.html");
	soan_puts(&s, "):");
	soan_put(&s);
	for (size_t i = 0; i < ls->n_dc; i++) {
		const DieuChinh *c = &ls->dc[i];
		if ((size_t)c->don_vi != u)
			continue;
		const ChiTieu *ct = &m->chi_tieu[c->chi_tieu];
		soan_item(&s);
		S_chi_tieu_so(&s, ct);
		soan_puts(&s, "đã công bố ");
		fmt_ket_qua(&s.b, &c->cu, ct);
		soan_puts(&s, "; nay ");
		fmt_ket_qua(&s.b, &c->moi, ct);
		soan_put(&s);
	}
	soan_release(&s);
}

void trang_cung_ky_don_vi(DocWriter *w, const Model *m, size_t u)
{
	const LichSu *ls = &m->ls;
	if (!ls->co_cung_ky)
		return;
	Soan s;
	soan_init(&s, w);
	int n = 0;
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		if (!n++) {
			char h[64];
			snprintf(h, sizeof h, "So với cùng kỳ năm %d", ls->cung_ky.year);
			soan_heading(&s, 1, h);
		}
		soan_item(&s);
		S_chi_tieu_so(&s, &m->chi_tieu[t]);
		/* under a heading that names the year: the change alone */
		fmt_cung_ky(&s.b, model_kq_don_vi(m, u, t), &ls->ck_don_vi[u * m->n_chi_tieu + t],
		            &m->chi_tieu[t], 0);
		soan_put(&s);
	}
	soan_release(&s);
}

void trang_cung_ky_chi_tieu(DocWriter *w, const Model *m, size_t t)
{
	const LichSu *ls = &m->ls;
	if (!ls->co_cung_ky)
		return;
	const ChiTieu *ct = &m->chi_tieu[t];
	Soan s;
	soan_init(&s, w);
	soan_item(&s);
	soan_puts(&s, "Toàn tỉnh: ");
	fmt_cung_ky(&s.b, &m->kq_tinh[t], &ls->ck_tinh[t], ct, 0);
	soan_put(&s);
	for (size_t g = 0; g < m->n_nhom; g++) {
		if (!ct->ap_dung[g])
			continue;
		soan_item(&s);
		soan_puts(&s, m->nhom[g].ten);
		soan_puts(&s, ": ");
		fmt_cung_ky(&s.b, model_kq_nhom(m, g, t), &ls->ck_nhom[g * m->n_chi_tieu + t], ct, 0);
		soan_put(&s);
	}
	soan_release(&s);
}
