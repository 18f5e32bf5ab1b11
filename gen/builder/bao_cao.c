/* SPDX-License-Identifier: MIT */
/* bao_cao: what the quarterly report says, in order (bao_cao.h).
 *
 * Every sentence, number and list of units of the report is composed
 * here, once; the writers (doc_md.c, doc_pdf.c) only lay the blocks out.
 * Numbers only through fmt.h.  Lists of units in the body are cut at
 * S_TOI_DA names ("và 12 đơn vị khác"): the full lists are Phụ lục II,
 * whose rows are emitted one by one, never held whole.
 *
 * Choices where the contract is silent:
 *   - a sentence per group in section I counts the group's targets met
 *     out of those judged;
 *   - Phụ lục II's cells: the rate and the verdict symbol ("● đạt",
 *     "× chưa đạt"), "(0/0)" when nothing arose, "?" not reported, "–"
 *     where the target does not apply; a legend above the table;
 *   - Phụ lục III lists every judged deadline step, in han.csv's order;
 *   - the clerk's headings print in upper case, as the generated ones;
 *   - the units' notes are the last appendix ("Ghi chú của đơn vị"), a row
 *     per unit, target and distinct note with the periods it covers; the
 *     body names no note and refers to the appendix under each target
 *     that has some;
 *   - a unit whose rows miss months carries "†" after its figures (section
 *     II's lists, Phụ lục II's cells); section I names the months missing
 *     (up to S_TOI_DA units) and a list under Phụ lục II's table names
 *     them for every unit;
 *   - section II states the change against the previous period in one
 *     sentence per target ("So với 9 tháng năm 2024: toàn tỉnh tăng …;
 *     UBND cấp huyện …"), or "So với kỳ trước: chưa có số liệu kỳ trước.";
 *   - a blank the clerk fills by hand is a dotted line (S_CHAM_*): the
 *     TM. line, the capacity, the name, and with no recipients two lines
 *     and "Lưu: VT, ……";
 *   - the builder's sentences keep "năm 2024", "Phụ lục II", "điểm %"
 *     together with no-break spaces (fmt_lien); the clerk's own text is
 *     left as typed;
 *   - history (lich_su.h): the provisional mark points to section I, which
 *     names the units concerned (up to S_TOI_DA); the restatements'
 *     appendix lists the units' rows, then the groups' and the province's
 *     that moved with them; the change against the same period last year
 *     is one paragraph per target, the province's phrase naming the year
 *     once and the groups' following it. */
#include "bao_cao.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cong_van.h"
#include "fmt.h"
#include "han.h"
#include "rank.h"
#include "van_ban.h"
#include "xalloc.h"

#ifndef CHITIEU_VERSION
#define CHITIEU_VERSION "dev"
#endif

/* Units named in the body's lists; the rest are counted and referred to
 * Phụ lục II. */
#define S_TOI_DA 10

/* The appendices, in order; a number of 0 means absent from this report. */
enum { S_PL_KET_QUA, S_PL_DON_VI, S_PL_HAN, S_PL_DIEU_CHINH, S_PL_GHI_CHU, S_PL_N };

typedef struct {
	VanBan v;        /* the block being filled, the scratch buffer */
	char *ky_words;  /* "6 tháng đầu năm 2024" */
	char *ky_mid;    /* inside a sentence: "6 tháng đầu năm 2024", "năm 2024" */
	int pl[S_PL_N];  /* appendix numbers, 1-based; 0: absent */
	char pl_ten[S_PL_N][32]; /* "Phụ lục II" inside a sentence (no-break spaces) */
	char pl_ten_dong[S_PL_N][32]; /* the same on a line of its own */
	int muc;         /* body sections numbered so far */
} S_B;

/* A target's short label where room is short (Phụ lục II's columns): its
 * ten_ngan, else "CT<stt>" (model_ten_ngan). */
static void S_nhan_chi_tieu(Buf *b, const ChiTieu *t)
{
	char nb[MODEL_TEN_NGAN_BUF];
	buf_puts(b, model_ten_ngan(t, 1, nb));
}

/* ---- emitting ---- */

static void S_heading(S_B *c, int level, const char *text)
{
	van_ban_kind(&c->v, DOC_HEADING);
	c->v.k.level = level;
	van_ban_t(&c->v, DOC_BOLD, text);
	van_ban_put(&c->v);
}

/* A numbered body section: "II. KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU". */
static void S_muc(S_B *c, const char *upper_title)
{
	char so[16];
	fmt_la_ma(++c->muc, so);
	char *h = xasprintf("%s. %s", so, upper_title);
	S_heading(c, 1, h);
	free(h);
}

/* ---- figures in words ---- */

/* The mark beside the figures of a unit whose rows miss months of the
 * window (model.h thieu_thang); the note naming the months is in section
 * I and under Phụ lục II's table. */
#define S_DAU FMT_DAU_THIEU

/* 1 when unit u's figure on target t carries the mark. */
static int S_co_dau(const Model *m, size_t u, size_t t)
{
	return m->thieu_thang && m->thieu_thang[u * m->n_chi_tieu + t] &&
	       model_kq_don_vi(m, u, t)->dg != DG_CHUA_BAO_CAO;
}

/* What unit u misses, in words: "chưa gửi tệp số liệu", "thiếu số liệu
 * tháng 12", "thiếu số liệu tháng 11 và 12 của chỉ tiêu 3; chưa báo cáo
 * chỉ tiêu 8". */
static void S_thieu_mo_ta(Buf *b, const Model *m, size_t u)
{
	size_t T = m->n_chi_tieu;
	if (!m->don_vi[u].co_so_lieu) {
		buf_puts(b, "chưa gửi tệp số liệu");
		return;
	}
	unsigned want = (1u << m->cua_so.last_month) - 1;
	unsigned common = 0;
	int same = 1, n_app = 0;
	for (size_t t = 0; t < T; t++) {
		if (!model_applies(m, u, t))
			continue;
		unsigned x = m->thieu_thang ? m->thieu_thang[u * T + t] : 0;
		if (!n_app++)
			common = x;
		else if (x != common)
			same = 0;
	}
	if (same && common && common != want) {
		buf_puts(b, "thiếu số liệu ");
		fmt_thang(b, common);
		return;
	}
	int first = 1;
	for (size_t t = 0; t < T; t++) {
		unsigned x = m->thieu_thang ? m->thieu_thang[u * T + t] : 0;
		if (!model_applies(m, u, t) || !x)
			continue;
		buf_puts(b, first ? "" : "; ");
		first = 0;
		if (x == want)
			buf_printf(b, "chưa báo cáo chỉ tiêu %d", m->chi_tieu[t].stt);
		else {
			buf_puts(b, "thiếu số liệu ");
			fmt_thang(b, x);
			buf_printf(b, " của chỉ tiêu %d", m->chi_tieu[t].stt);
		}
	}
}

/* A target's name inside a sentence or brackets: without its own final
 * full stop (no "quốc gia.)" or "quốc gia.;"). */
static int S_ten_len(const ChiTieu *ct)
{
	size_t len = strlen(ct->ten);
	while (len && (ct->ten[len - 1] == '.' || ct->ten[len - 1] == ' '))
		len--;
	return (int)len;
}

/* "80,50% (161/200)", "không phát sinh (0/0)", "chưa báo cáo" */
static void S_so_lieu(S_B *c, int style, const ChiTieu *t, const KetQua *k)
{
	Buf *b = &c->v.b;
	buf_reset(b);
	fmt_so_lieu(b, k, t);
	if (k->dg != DG_CHUA_BAO_CAO && k->d && model_mau_so_nho(k))
		buf_puts(b, " (*)");
	doc_add_buf(&c->v.k.inl, style, b);
}

static const char *S_ten_tinh(const Model *m)
{
	const char *t = model_conf(m, "ten_tinh");
	return *t ? t : "Toàn tỉnh";
}

/* "Số:        /BC-UBND" (word "Số:"), "số …/BC-UBND" inside a sentence */
static void S_so(Buf *b, const Model *m, const char *word)
{
	van_ban_so(b, word, model_conf(m, "so"), model_conf(m, "ky_hieu"), "BC-       ");
}

static const char *S_loai(const Model *m)
{
	const char *loai = model_conf(m, "loai_van_ban");
	return *loai ? loai : "Báo cáo";
}

/* ---- the document's start ---- */

/* ---- history (SPEC "History", lich_su.h) ---- */

/* The provisional mark's line for the running head and the first page:
 * "SỐ LIỆU TẠM TÍNH – 7 đơn vị chưa báo cáo đủ số liệu, xem mục I". */
static void S_tam_tinh_dong(Buf *b, const Model *m)
{
	fmt_tam_tinh(b, m->n_thieu, 1);
	buf_puts(b, ", xem mục I");
}

/* Under the title: the provisional mark, centred (nothing when the
 * figures are complete). */
static void S_tam_tinh_trang_dau(S_B *c)
{
	if (!c->v.m->n_thieu)
		return;
	van_ban_kind(&c->v, DOC_PARA);
	buf_reset(&c->v.b);
	S_tam_tinh_dong(&c->v.b, c->v.m);
	doc_add_buf(&c->v.k.inl, DOC_BOLD, &c->v.b);
	van_ban_par(&c->v, DOC_F_CENTER);
}

/* Section I: who makes the figures provisional (up to S_TOI_DA named),
 * and the restatements against the earlier period in one sentence. */
static void S_lich_su_chung(S_B *c)
{
	const Model *m = c->v.m;
	if (m->n_thieu) {
		van_ban_kind(&c->v, DOC_PARA);
		buf_reset(&c->v.b);
		fmt_tam_tinh(&c->v.b, m->n_thieu, 0);
		doc_add_buf(&c->v.k.inl, DOC_BOLD, &c->v.b);
		van_ban_t(&c->v, 0, " (chưa gửi tệp số liệu, hoặc số liệu chưa đủ các tháng của kỳ): ");
		size_t n = 0;
		for (size_t i = 0; i < m->n_don_vi; i++) {
			size_t u = (size_t)m->thu_tu_don_vi[i];
			if (!m->thieu_don_vi[u])
				continue;
			if (n < S_TOI_DA) {
				buf_reset(&c->v.b);
				S_thieu_mo_ta(&c->v.b, m, u);
				char *why = buf_detach(&c->v.b, NULL);
				van_ban_tf(&c->v, 0, "%s%s (%s)", n ? "; " : "", model_ten_don_vi(m, u), why);
				free(why);
			}
			n++;
		}
		if (n > S_TOI_DA)
			van_ban_tf(&c->v, 0, " và %zu đơn vị khác (danh sách đầy đủ dưới bảng %s)", n - S_TOI_DA,
			           c->pl_ten[S_PL_DON_VI]);
		van_ban_tf(&c->v, 0,
		           ". Số liệu của đơn vị chưa đủ các tháng được đánh dấu %s bên cạnh tại mục II và %s; "
		           "kết quả sẽ được tính lại khi các đơn vị báo cáo đủ.",
		           S_DAU, c->pl_ten[S_PL_DON_VI]);
		van_ban_par(&c->v, 0);
	}
	if (m->ls.co_truoc) {
		van_ban_kind(&c->v, DOC_PARA);
		buf_reset(&c->v.b);
		fmt_dieu_chinh_cau(&c->v.b, m);
		doc_add_buf(&c->v.k.inl, 0, &c->v.b);
		if (c->pl[S_PL_DIEU_CHINH])
			van_ban_tf(&c->v, 0, " Số liệu đã công bố và số liệu điều chỉnh tại %s.",
			           c->pl_ten[S_PL_DIEU_CHINH]);
		van_ban_par(&c->v, 0);
	}
}

/* Section II, per target: the province's and groups' change against the
 * previous period of the same year, as published: "So với 9 tháng năm
 * 2024: toàn tỉnh tăng 2,14 điểm %; UBND cấp huyện không đổi; …", or
 * "So với kỳ trước: chưa có số liệu kỳ trước." */
static void S_ky_truoc(S_B *c, size_t t)
{
	const Model *m = c->v.m;
	const LichSu *ls = &m->ls;
	const ChiTieu *ct = &m->chi_tieu[t];
	van_ban_kind(&c->v, DOC_PARA);
	if (!ls->co_truoc || !ls->tr_tinh) {
		van_ban_t(&c->v, 0, "So với kỳ trước: chưa có số liệu kỳ trước.");
		van_ban_par(&c->v, 0);
		return;
	}
	buf_reset(&c->v.b);
	buf_puts(&c->v.b, "So với ");
	fmt_ky_cu(&c->v.b, ls->truoc);
	buf_puts(&c->v.b, ": ");
	van_ban_ten_tinh(&c->v.b, m);
	buf_putc(&c->v.b, ' ');
	fmt_ky_truoc(&c->v.b, &m->kq_tinh[t], &ls->tr_tinh[t], ct, NULL);
	doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	for (size_t g = 0; g < m->n_nhom; g++) {
		if (!ct->ap_dung[g])
			continue;
		buf_reset(&c->v.b);
		buf_printf(&c->v.b, "; %s ", m->nhom[g].ten);
		fmt_ky_truoc(&c->v.b, model_kq_nhom(m, g, t), &ls->tr_nhom[g * m->n_chi_tieu + t], ct,
		             NULL);
		doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	}
	van_ban_t(&c->v, 0, ".");
	van_ban_par(&c->v, 0);
}

/* Section II, per target: the province's and groups' change against the
 * same period last year (nothing when that period is absent): "Toàn tỉnh
 * tăng 3,21 điểm % so với cùng kỳ năm 2023; theo nhóm: UBND cấp huyện
 * không đổi; …". */
static void S_cung_ky(S_B *c, size_t t)
{
	const Model *m = c->v.m;
	const LichSu *ls = &m->ls;
	if (!ls->co_cung_ky)
		return;
	const ChiTieu *ct = &m->chi_tieu[t];
	van_ban_kind(&c->v, DOC_PARA);
	buf_reset(&c->v.b);
	buf_puts(&c->v.b, "Toàn tỉnh ");
	fmt_cung_ky(&c->v.b, &m->kq_tinh[t], &ls->ck_tinh[t], ct, ls->cung_ky.year);
	doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	int first = 1;
	for (size_t g = 0; g < m->n_nhom; g++) {
		if (!ct->ap_dung[g])
			continue;
		van_ban_tf(&c->v, 0, "%s%s ", first ? "; theo nhóm: " : "; ", m->nhom[g].ten);
		first = 0;
		buf_reset(&c->v.b);
		fmt_cung_ky(&c->v.b, model_kq_nhom(m, g, t), &ls->ck_nhom[g * m->n_chi_tieu + t], ct, 0);
		doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	}
	van_ban_t(&c->v, 0, ".");
	van_ban_par(&c->v, 0);
}


/* ---- the document ---- */

static void S_meta(S_B *c)
{
	const Model *m = c->v.m;
	/* the Title is the summary line, as the first page reads it */
	const char *ty = model_conf(m, "trich_yeu");
	char *title = *ty ? xasprintf("%s %s", ty, c->ky_mid) : xstrdup(c->ky_words);
	char *subject = xasprintf("%s %s", *ty ? ty : "Kết quả thực hiện các chỉ tiêu", c->ky_mid);
	const char *kw = model_conf(m, "tu_khoa");
	char ky[16];
	ky_format(m->cua_so.ky, ky);
	char *keywords = *kw ? xstrdup(kw) : xasprintf("%s; %s; %s", S_loai(m), ky, S_ten_tinh(m));
	buf_reset(&c->v.b);
	van_ban_ten_co_quan(&c->v.b, m);
	char *author = buf_detach(&c->v.b, NULL);
	van_ban_kind(&c->v, DOC_META);
	c->v.k.line[0] = title;
	c->v.k.line[1] = subject;
	c->v.k.line[2] = author;
	c->v.k.line[3] = keywords;
	Buf head;
	buf_init(&head);
	if (m->n_thieu)
		S_tam_tinh_dong(&head, m);
	c->v.k.line[4] = head.len ? head.ptr : NULL; /* the provisional mark, on every page */
	van_ban_put(&c->v);
	buf_release(&head);
	free(title);
	free(subject);
	free(keywords);
	free(author);
}

static void S_header(S_B *c)
{
	const Model *m = c->v.m;
	Buf so;
	buf_init(&so);
	S_so(&so, m, "Số:");
	van_ban_header(c->v.w, m, so.ptr, NULL);
	buf_release(&so);

	van_ban_kind(&c->v, DOC_TITLE);
	c->v.k.line[0] = S_loai(m);
	const char *ty = model_conf(m, "trich_yeu");
	if (*ty)
		van_ban_tf(&c->v, DOC_BOLD, "%s %s", ty, c->ky_mid);
	else
		van_ban_t(&c->v, DOC_BOLD, c->ky_words);
	const char *note = model_conf(m, "ghi_chu_du_lieu");
	c->v.k.line[1] = *note ? note : NULL;
	van_ban_put(&c->v);
	/* "Kính gửi: …" under the summary line, for a report sent upward */
	size_t n_kg;
	char **kg = van_ban_list(model_conf(m, "kinh_gui"), &n_kg);
	if (n_kg)
		van_ban_kinh_gui(&c->v, kg, n_kg);
	van_ban_list_free(kg, n_kg);
	S_tam_tinh_trang_dau(c);
}

/* ---- I. KẾT QUẢ CHUNG ---- */

static void S_stt_list(S_B *c, DanhGia dg)
{
	const Model *m = c->v.m;
	int first = 1;
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		if (m->kq_tinh[t].dg == dg) {
			van_ban_tf(&c->v, 0, "%s%d", first ? "" : ", ", m->chi_tieu[t].stt);
			first = 0;
		}
}

static void S_ket_qua_chung(S_B *c)
{
	const Model *m = c->v.m;
	int dem[4] = {0, 0, 0, 0};
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		dem[m->kq_tinh[t].dg]++;
	S_muc(c, "KẾT QUẢ CHUNG");

	van_ban_kind(&c->v, DOC_PARA);
	buf_reset(&c->v.b);
	buf_printf(&c->v.b, "Kết quả %s, ", c->ky_mid);
	van_ban_ten_tinh(&c->v.b, m);
	buf_puts(&c->v.b, " đạt ");
	doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	van_ban_tf(&c->v, DOC_BOLD, "%d/%zu", dem[DG_DAT], m->n_chi_tieu);
	van_ban_t(&c->v, 0, " chỉ tiêu được giao");
	static const struct {
		DanhGia dg;
		const char *words;
	} kinds[] = {
	    {DG_CHUA_DAT, "chưa đạt"},
	    {DG_KHONG_PHAT_SINH, "không phát sinh số liệu để đánh giá"},
	    {DG_CHUA_BAO_CAO, "chưa có số liệu báo cáo"},
	};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		if (!dem[kinds[k].dg])
			continue;
		van_ban_tf(&c->v, 0, "; %s %d chỉ tiêu (chỉ tiêu số ", kinds[k].words, dem[kinds[k].dg]);
		S_stt_list(c, kinds[k].dg);
		van_ban_t(&c->v, 0, ")");
	}
	van_ban_tf(&c->v, 0, ". Kết quả từng chỉ tiêu chi tiết tại %s.", c->pl_ten[S_PL_KET_QUA]);
	van_ban_par(&c->v, 0);

	/* the province's figure on each target it did not meet: what a
	 * reader acts on first */
	if (dem[DG_CHUA_DAT]) {
		van_ban_kind(&c->v, DOC_PARA);
		van_ban_t(&c->v, 0, "Các chỉ tiêu chưa đạt:");
		van_ban_par(&c->v, 0);
		size_t left = (size_t)dem[DG_CHUA_DAT];
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			const KetQua *k = &m->kq_tinh[t];
			if (k->dg != DG_CHUA_DAT)
				continue;
			const ChiTieu *ct = &m->chi_tieu[t];
			van_ban_kind(&c->v, DOC_ITEM);
			/* the name inside brackets, without its own full stop */
			van_ban_tf(&c->v, 0, "Chỉ tiêu %d (%.*s): ", ct->stt, S_ten_len(ct), ct->ten);
			S_so_lieu(c, DOC_BOLD, ct, k);
			buf_reset(&c->v.b);
			buf_puts(&c->v.b, ", giao ");
			fmt_giao_cau(&c->v.b, ct);
			van_ban_item_enum(&c->v, --left == 0);
		}
	}

	/* a sentence per group */
	van_ban_kind(&c->v, DOC_PARA);
	van_ban_t(&c->v, 0, "Kết quả theo nhóm đơn vị:");
	van_ban_par(&c->v, 0);
	for (size_t g = 0; g < m->n_nhom; g++) {
		int ap = 0, dg_n = 0, dat = 0;
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			if (!m->chi_tieu[t].ap_dung[g])
				continue;
			ap++;
			DanhGia dg = model_kq_nhom(m, g, t)->dg;
			dg_n += dg == DG_DAT || dg == DG_CHUA_DAT;
			dat += dg == DG_DAT;
		}
		if (!ap)
			continue;
		van_ban_kind(&c->v, DOC_ITEM);
		van_ban_tf(&c->v, 0, "%s: đạt %d/%d chỉ tiêu được đánh giá (%d chỉ tiêu áp dụng)", m->nhom[g].ten,
		           dat, dg_n, ap);
		if (dg_n > dat) {
			van_ban_t(&c->v, 0, "; chưa đạt chỉ tiêu số ");
			int first = 1;
			for (size_t t = 0; t < m->n_chi_tieu; t++)
				if (m->chi_tieu[t].ap_dung[g] && model_kq_nhom(m, g, t)->dg == DG_CHUA_DAT) {
					van_ban_tf(&c->v, 0, "%s%d", first ? "" : ", ", m->chi_tieu[t].stt);
					first = 0;
				}
		}
		van_ban_t(&c->v, 0, g + 1 == m->n_nhom ? "." : ";");
		van_ban_item(&c->v, "-", 1);
	}

	/* how the figures are made: a clerk does not read "2024-Q2" */
	Ky moi = m->cua_so.moi_nhat;
	char ky[48], so[16];
	if (moi.kind == 'Q' && moi.n >= 1 && moi.n <= 4)
		snprintf(ky, sizeof ky, "quý %s năm %d", fmt_la_ma(moi.n, so), moi.year);
	else
		snprintf(ky, sizeof ky, "tháng %d năm %d", moi.n, moi.year);
	van_ban_kind(&c->v, DOC_PARA);
	van_ban_tf(&c->v, 0,
	           "Các chỉ tiêu được đánh giá trên số liệu cộng dồn từ đầu năm (tử số/mẫu số của tất cả "
	           "các kỳ trong %s); số liệu mới nhất: %s. Tỷ lệ = 100 × tử số / mẫu số; đánh giá so "
	           "sánh chính xác trên số nguyên. Tỷ lệ có mẫu số nhỏ hơn %d được đánh dấu (*): một hồ "
	           "sơ làm tỷ lệ thay đổi nhiều, cần đọc thận trọng. Kết quả của từng đơn vị tại %s.",
	           c->ky_mid, ky, MAU_SO_NHO, c->pl_ten[S_PL_DON_VI]);
	van_ban_par(&c->v, 0);
	S_lich_su_chung(c);
}

/* ---- II. per target ---- */

/* The notes unit u gave with its figures of target t in the window, each
 * distinct text once with the periods it covers, in the order first met
 * (the rows are sorted by period). */
typedef struct {
	const char *text; /* borrowed from the model */
	Ky *ky;
	size_t n_ky, cap_ky;
} S_GhiChu;

typedef struct {
	S_GhiChu *v;
	size_t n, cap;
} S_GhiChus;

static void S_ghi_chu(S_GhiChus *g, const Model *m, size_t u, size_t t)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i].ky);
	g->n = 0;
	for (size_t i = model_so_lieu_dau(m, u, t); i < m->n_so_lieu; i++) {
		const SoLieu *r = &m->so_lieu[i];
		if ((size_t)r->don_vi != u || (size_t)r->chi_tieu != t)
			break;
		if (!r->ghi_chu || !*r->ghi_chu || r->ky.year != m->cua_so.year ||
		    ky_last_month(r->ky) > m->cua_so.last_month)
			continue;
		size_t k = 0;
		while (k < g->n && strcmp(g->v[k].text, r->ghi_chu))
			k++;
		if (k == g->n) {
			g->v = xgrow(g->v, &g->cap, g->n + 1, sizeof *g->v);
			memset(&g->v[k], 0, sizeof g->v[k]);
			g->v[k].text = r->ghi_chu;
			g->n++;
		}
		S_GhiChu *e = &g->v[k];
		e->ky = xgrow(e->ky, &e->cap_ky, e->n_ky + 1, sizeof *e->ky);
		e->ky[e->n_ky++] = r->ky;
	}
}

static void S_ghi_chus_release(S_GhiChus *g)
{
	for (size_t i = 0; i < g->cap && i < g->n; i++)
		free(g->v[i].ky);
	free(g->v);
}

/* 1 when some unit gave a note on target t (t < 0: on any target). */
static int S_co_ghi_chu(const Model *m, long t)
{
	for (size_t i = 0; i < m->n_so_lieu; i++) {
		const SoLieu *r = &m->so_lieu[i];
		if (!r->ghi_chu || !*r->ghi_chu || (t >= 0 && r->chi_tieu != t) ||
		    r->ky.year != m->cua_so.year || ky_last_month(r->ky) > m->cua_so.last_month ||
		    !model_applies(m, (size_t)r->don_vi, (size_t)r->chi_tieu))
			continue;
		return 1;
	}
	return 0;
}

/* The units of target t judged dg, in display order: up to S_TOI_DA
 * named with their figures (with_figure), then how many more. */
static size_t S_don_vi_list(S_B *c, size_t t, DanhGia dg, int only_small, int with_figure)
{
	const Model *m = c->v.m;
	const ChiTieu *ct = &m->chi_tieu[t];
	size_t n = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = (size_t)m->thu_tu_don_vi[i];
		if (!model_applies(m, u, t))
			continue;
		const KetQua *k = model_kq_don_vi(m, u, t);
		if (k->dg != dg || (only_small && !model_mau_so_nho(k)))
			continue;
		if (n < S_TOI_DA) {
			van_ban_tf(&c->v, 0, "%s%s", n ? "; " : "", model_ten_don_vi(m, u));
			if (with_figure) {
				van_ban_t(&c->v, 0, " ");
				S_so_lieu(c, 0, ct, k);
				if (S_co_dau(m, u, t))
					van_ban_t(&c->v, 0, S_DAU);
			}
		}
		n++;
	}
	if (n > S_TOI_DA)
		van_ban_tf(&c->v, 0, " và %zu đơn vị khác (danh sách đầy đủ tại %s)", n - S_TOI_DA,
		           c->pl_ten[S_PL_DON_VI]);
	return n;
}

static size_t S_dem(const Model *m, size_t t, DanhGia dg, int only_small)
{
	size_t n = 0;
	for (size_t u = 0; u < m->n_don_vi; u++) {
		if (!model_applies(m, u, t))
			continue;
		const KetQua *k = model_kq_don_vi(m, u, t);
		n += k->dg == dg && (!only_small || model_mau_so_nho(k));
	}
	return n;
}

/* A paragraph of section II: nhan in italics ("Đơn vị chưa đạt (3):"),
 * then the units of target t judged dg (S_don_vi_list). */
static void S_doan_don_vi(S_B *c, const char *nhan, size_t t, DanhGia dg, int only_small,
                          int with_figure)
{
	van_ban_kind(&c->v, DOC_PARA);
	van_ban_t(&c->v, DOC_ITALIC, nhan);
	van_ban_t(&c->v, 0, " ");
	S_don_vi_list(c, t, dg, only_small, with_figure);
	van_ban_t(&c->v, 0, ".");
	van_ban_par(&c->v, 0);
}

static void S_chi_tieu(S_B *c, size_t t)
{
	const Model *m = c->v.m;
	const ChiTieu *ct = &m->chi_tieu[t];
	const KetQua *k = &m->kq_tinh[t];
	char *h = xasprintf("%d. %s", ct->stt, ct->ten);
	S_heading(c, 2, h);
	free(h);

	van_ban_kind(&c->v, DOC_PARA);
	buf_reset(&c->v.b);
	buf_puts(&c->v.b, "Chỉ tiêu giao: ");
	fmt_giao_cau(&c->v.b, ct);
	buf_puts(&c->v.b, ". Kết quả ");
	van_ban_ten_tinh(&c->v.b, m);
	buf_puts(&c->v.b, ": ");
	doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	S_so_lieu(c, DOC_BOLD, ct, k);
	if (k->dg != DG_CHUA_BAO_CAO) { /* "chưa báo cáo" says its verdict */
		van_ban_t(&c->v, 0, " — ");
		van_ban_t(&c->v, DOC_BOLD, fmt_danh_gia(k->dg));
	}
	if (k->so_dv_danh_gia)
		van_ban_tf(&c->v, 0, "; %d/%d đơn vị được đánh giá đạt", k->so_dv_dat, k->so_dv_danh_gia);
	van_ban_t(&c->v, 0, ".");
	van_ban_par(&c->v, 0);

	/* each group it applies to; the last item ends with a full stop
	 * (Decree 30's enumerations) */
	size_t last_g = 0;
	for (size_t g = 0; g < m->n_nhom; g++)
		if (ct->ap_dung[g])
			last_g = g;
	for (size_t g = 0; g < m->n_nhom; g++) {
		if (!ct->ap_dung[g])
			continue;
		const KetQua *kg = model_kq_nhom(m, g, t);
		van_ban_kind(&c->v, DOC_ITEM);
		van_ban_tf(&c->v, 0, "%s: ", m->nhom[g].ten);
		S_so_lieu(c, 0, ct, kg);
		if (kg->dg != DG_CHUA_BAO_CAO)
			van_ban_tf(&c->v, 0, ", %s", fmt_danh_gia(kg->dg));
		if (kg->so_dv_danh_gia)
			van_ban_tf(&c->v, 0, "; %d/%d đơn vị đạt", kg->so_dv_dat, kg->so_dv_danh_gia);
		van_ban_t(&c->v, 0, g == last_g ? "." : ";");
		van_ban_item(&c->v, "-", 1);
	}
	S_ky_truoc(c, t);
	S_cung_ky(c, t);

	van_ban_kind(&c->v, DOC_FIGURE);
	char stem[40];
	snprintf(stem, sizeof stem, "chi-tieu-%d", ct->stt);
	c->v.k.line[0] = stem;
	van_ban_tf(&c->v, 0, "Biểu đồ xu hướng theo kỳ: chỉ tiêu %d, %.*s", ct->stt, S_ten_len(ct), ct->ten);
	van_ban_put(&c->v);

	char nhan[96];
	size_t n_cd = S_dem(m, t, DG_CHUA_DAT, 0);
	if (n_cd) {
		snprintf(nhan, sizeof nhan, "Đơn vị chưa đạt (%zu):", n_cd);
		S_doan_don_vi(c, nhan, t, DG_CHUA_DAT, 0, 1);
	} else if (k->so_dv_danh_gia) {
		van_ban_kind(&c->v, DOC_PARA);
		van_ban_t(&c->v, DOC_ITALIC, "Tất cả các đơn vị được đánh giá đều đạt.");
		van_ban_par(&c->v, 0);
	}
	size_t n_nho = S_dem(m, t, DG_DAT, 1);
	if (n_nho) {
		snprintf(nhan, sizeof nhan, "Đơn vị đạt với mẫu số nhỏ (dưới %d) (%zu):", MAU_SO_NHO,
		         n_nho);
		S_doan_don_vi(c, nhan, t, DG_DAT, 1, 1);
	}
	size_t n_cbc = S_dem(m, t, DG_CHUA_BAO_CAO, 0);
	if (n_cbc) {
		snprintf(nhan, sizeof nhan, "Đơn vị chưa báo cáo (%zu):", n_cbc);
		S_doan_don_vi(c, nhan, t, DG_CHUA_BAO_CAO, 0, 0);
	}
	if (c->pl[S_PL_GHI_CHU] && S_co_ghi_chu(m, (long)t)) {
		van_ban_kind(&c->v, DOC_PARA);
		van_ban_tf(&c->v, DOC_ITALIC, "Ghi chú của các đơn vị về chỉ tiêu này: tại %s.",
		           c->pl_ten[S_PL_GHI_CHU]);
		van_ban_par(&c->v, 0);
	}
}

/* ---- III. the deadline tasks ---- */

static const char *S_buoc_ten(const Model *m, const HanKetQua *k, Buf *b)
{
	buf_reset(b);
	fmt_viec_han(b, m, k);
	return b->ptr;
}

static const char *S_ten_don_vi(const Model *m, int u)
{
	return u >= 0 && (size_t)u < m->n_don_vi ? model_ten_don_vi(m, u) : "";
}

static void S_han_dong(S_B *c, const char *what, const HanDem *h, int last)
{
	if (!h->tong)
		return;
	van_ban_kind(&c->v, DOC_ITEM);
	van_ban_tf(&c->v, 0, "%s: %d/%d đúng hạn", what, h->dung_han, h->tong);
	if (h->tre_han)
		van_ban_tf(&c->v, 0, "; %d trễ hạn (chậm nhất %d ngày làm việc)", h->tre_han, h->tre_max);
	if (h->qua_han)
		van_ban_tf(&c->v, 0, "; %d quá hạn chưa thực hiện (quá nhiều nhất %d ngày làm việc)", h->qua_han,
		           h->qua_max);
	if (h->chua_den_han)
		van_ban_tf(&c->v, 0, "; %d chưa đến hạn", h->chua_den_han);
	van_ban_t(&c->v, 0, last ? "." : ";");
	van_ban_item(&c->v, "-", 1);
}

static void S_han(S_B *c)
{
	const Model *m = c->v.m;
	if (!m->han.co)
		return;
	S_muc(c, "CÔNG BỐ THỦ TỤC HÀNH CHÍNH VÀ CÁC MỐC THỜI HẠN");
	HanTomTat tt;
	han_tom_tat(m, -1, &tt);
	van_ban_kind(&c->v, DOC_PARA);
	van_ban_tf(&c->v, 0,
	           "Thời hạn công bố tính theo ngày làm việc kể từ ngày quyết định công bố của bộ, "
	           "ngành: danh mục TTHC trong %d ngày, quy trình nội bộ trong %d ngày.",
	           m->han.han_danh_muc, m->han.han_quy_trinh);
	van_ban_par(&c->v, 0);
	S_han_dong(c, "Công bố danh mục TTHC", &tt.danh_muc, !tt.quy_trinh.tong && !tt.moc.tong);
	S_han_dong(c, "Công bố quy trình nội bộ", &tt.quy_trinh, !tt.moc.tong);
	S_han_dong(c, "Các mốc thời hạn", &tt.moc, 1);

	/* the late and overdue steps, worst first (a stable insertion sort
	 * of the indexes; ties keep han.csv's order) */
	size_t n = 0;
	size_t *ix = xmalloc((m->han.n_kq + 1) * sizeof *ix);
	for (size_t i = 0; i < m->han.n_kq; i++)
		if (m->han.kq[i].trang_thai == TT_TRE_HAN || m->han.kq[i].trang_thai == TT_QUA_HAN)
			ix[n++] = i;
	for (size_t i = 1; i < n; i++) {
		size_t v = ix[i], j = i;
		while (j > 0 && m->han.kq[ix[j - 1]].so_ngay_tre < m->han.kq[v].so_ngay_tre) {
			ix[j] = ix[j - 1];
			j--;
		}
		ix[j] = v;
	}
	van_ban_kind(&c->v, DOC_PARA);
	if (n) {
		van_ban_tf(&c->v, DOC_ITALIC, "Các việc trễ hạn hoặc quá hạn (%zu):", n);
		Buf what;
		buf_init(&what);
		for (size_t j = 0; j < n && j < S_TOI_DA; j++) {
			const HanKetQua *k = &m->han.kq[ix[j]];
			van_ban_tf(&c->v, 0, "%s%s — %s (hạn ", j ? "; " : " ", S_ten_don_vi(m, k->don_vi),
			           S_buoc_ten(m, k, &what));
			buf_reset(&c->v.b);
			fmt_ngay(&c->v.b, k->han);
			doc_add_buf(&c->v.k.inl, 0, &c->v.b);
			van_ban_tf(&c->v, 0, ", %s %d ngày làm việc)", han_trang_thai_ten(k->trang_thai),
			           k->so_ngay_tre);
		}
		buf_release(&what);
		if (n > S_TOI_DA)
			van_ban_tf(&c->v, 0, " và %zu việc khác", n - S_TOI_DA);
		van_ban_t(&c->v, 0, ".");
	} else
		van_ban_t(&c->v, 0, "Không có việc nào trễ hạn hoặc quá hạn.");
	if (c->pl[S_PL_HAN])
		van_ban_tf(&c->v, 0, " Tình trạng từng việc tại %s.", c->pl_ten[S_PL_HAN]);
	van_ban_par(&c->v, 0);
	free(ix);
}

/* ---- the clerk's sections (noi-dung.md) ---- */

/* Index of the first heading of noi-dung.md's blocks (n when none). */
static size_t S_first_heading(const Model *m)
{
	for (size_t i = 0; i < m->noi_dung.n; i++)
		if (m->noi_dung.v[i].b.kind == DOC_HEADING)
			return i;
	return m->noi_dung.n;
}

static void S_noi_dung(S_B *c, size_t from, size_t to)
{
	const Model *m = c->v.m;
	int sub = 0;
	for (size_t i = from; i < to; i++) {
		const DocBlock *b = &m->noi_dung.v[i].b;
		if (b->kind != DOC_HEADING) {
			c->v.w->put(c->v.w, b);
			continue;
		}
		Buf t;
		buf_init(&t);
		doc_inl_text(&b->inl, &t);
		if (b->level <= 1) {
			char *up = doc_upper(t.ptr);
			S_muc(c, up);
			free(up);
			sub = 0;
		} else {
			char *h = xasprintf("%d. %s", ++sub, t.ptr);
			S_heading(c, 2, h);
			free(h);
		}
		buf_release(&t);
	}
}

/* ---- the signature ---- */

#define S_CHAM_NGAN VAN_BAN_CHAM_NGAN
#define S_CHAM_DAI VAN_BAN_CHAM_DAI

static int S_nhu_tren(const char *s)
{
	return !strcmp(s, "Như trên") || !strcmp(s, "như trên") || !strcmp(s, "Như trên.") ||
	       !strcmp(s, "Như trên;");
}

/* The signature and "Nơi nhận" always print (SPEC: a missing key is a
 * blank, never a missing block): a missing TM. line, capacity or name is
 * a dotted blank; no recipients: "……;" twice and "Lưu: VT, ……".  "Như
 * trên" (the addressees of "Kính gửi") is listed only when kinh_gui
 * names them, first. */
static void S_chu_ky(S_B *c)
{
	const Model *m = c->v.m;
	size_t n_nn;
	char **nn = van_ban_list(model_conf(m, "noi_nhan"), &n_nn);
	char **item = xcalloc(n_nn + 4, sizeof *item);
	size_t n = 0;
	if (*model_conf(m, "kinh_gui"))
		item[n++] = xstrdup("Như trên");
	for (size_t i = 0; i < n_nn; i++)
		if (!S_nhu_tren(nn[i]))
			item[n++] = xstrdup(nn[i]);
	van_ban_list_free(nn, n_nn);
	if (n == (*model_conf(m, "kinh_gui") ? 1u : 0u)) {
		item[n++] = xstrdup(S_CHAM_NGAN);
		item[n++] = xstrdup(S_CHAM_NGAN);
		item[n++] = xstrdup("Lưu: VT, " S_CHAM_NGAN);
	}
	van_ban_chu_ky(c->v.w, m, item, n);
	van_ban_list_free(item, n);
}

/* ---- the appendices ---- */

static void S_phu_luc(S_B *c, int which, const char *title_upper, int landscape)
{
	const Model *m = c->v.m;
	Buf kem, so;
	buf_init(&kem);
	buf_init(&so);
	S_so(&so, m, "số");
	van_ban_kem_theo(&kem, m, "Báo cáo", so.ptr);
	buf_release(&so);
	van_ban_kind(&c->v, DOC_APPENDIX);
	c->v.k.flags = landscape ? DOC_F_LANDSCAPE : 0;
	c->v.k.line[0] = c->pl_ten_dong[which];
	c->v.k.line[1] = title_upper;
	c->v.k.line[2] = kem.ptr;
	van_ban_put(&c->v);
	buf_release(&kem);
}

static void S_cells_free(DocCell *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		doc_inl_release(&v[i].inl);
	free(v);
}

/* Phụ lục I: the official appendix table with the results. */
static void S_pl_ket_qua(S_B *c)
{
	const Model *m = c->v.m;
	const char *title = model_conf(m, "tieu_de_phu_luc");
	buf_reset(&c->v.b);
	buf_printf(&c->v.b, "%s %s", *title ? title : "Kết quả thực hiện các chỉ tiêu", c->ky_mid);
	char *up = doc_upper(c->v.b.ptr);
	S_phu_luc(c, S_PL_KET_QUA, up, 1);
	free(up);

	enum { N = 10 };
	static const float w[N] = {24, 160, 92, 70, 36, 54, 106, 80, 44, 48};
	DocCell *h = xcalloc(2 * N, sizeof *h);
	char *year_head = xasprintf("Thực hiện trong năm %d", m->cua_so.year);
	char *res_head = xasprintf("Kết quả %s", c->ky_mid);
	static const char *const top[N] = {"Stt", "Tên nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp",
	                                   NULL, NULL, "Căn cứ thực hiện", NULL, NULL, NULL};
	for (size_t i = 0; i < N; i++) {
		if (top[i]) {
			van_ban_cell(&h[i], top[i], DOC_BOLD, DOC_AL_CENTER);
			h[i].rowspan = 2;
			van_ban_cover(&h[N + i], NULL);
		}
	}
	van_ban_cell(&h[4], year_head, DOC_BOLD, DOC_AL_CENTER);
	h[4].colspan = 2;
	van_ban_cover(&h[5], NULL);
	van_ban_cell(&h[7], res_head, DOC_BOLD, DOC_AL_CENTER);
	h[7].colspan = 3;
	van_ban_cover(&h[8], NULL);
	van_ban_cover(&h[9], NULL);
	static const char *const bottom[N] = {NULL, NULL, NULL, NULL, "Đơn vị tính", "Giao chỉ tiêu",
	                                      NULL, "Toàn tỉnh: tỷ lệ (tử số / mẫu số)", "Đánh giá",
	                                      "Số đơn vị đạt / được đánh giá"};
	for (size_t i = 0; i < N; i++)
		if (bottom[i])
			van_ban_cell(&h[N + i], bottom[i], DOC_BOLD, DOC_AL_CENTER);
	van_ban_table(&c->v, N, w, h, 2, 0);

	DocCell *r = xcalloc(N, sizeof *r);
	Buf *b = &c->v.b;
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		const ChiTieu *ct = &m->chi_tieu[i];
		const KetQua *k = &m->kq_tinh[i];
		buf_reset(b);
		buf_printf(b, "%d", ct->stt);
		van_ban_cell(&r[0], b->ptr, 0, DOC_AL_CENTER);
		van_ban_cell(&r[1], ct->ten, 0, DOC_AL_LEFT);
		van_ban_cell(&r[2], ct->chu_tri, 0, DOC_AL_LEFT);
		van_ban_cell(&r[3], ct->phoi_hop, 0, DOC_AL_LEFT);
		van_ban_cell(&r[4], ct->don_vi_tinh, 0, DOC_AL_CENTER);
		buf_reset(b);
		fmt_giao_chi_tieu(b, ct);
		van_ban_cell(&r[5], b->ptr, 0, DOC_AL_CENTER);
		if (ct->can_cu_span >= 1) {
			van_ban_cell(&r[6], ct->can_cu, 0, DOC_AL_LEFT);
			r[6].rowspan = ct->can_cu_span;
		} else {
			/* the original merges this cell with the one above */
			size_t a = i;
			while (a > 0 && m->chi_tieu[a].can_cu_span < 1)
				a--;
			buf_reset(b);
			if (a < i)
				buf_printf(b, "Như trên (căn cứ của chỉ tiêu %d)", m->chi_tieu[a].stt);
			van_ban_cover(&r[6], b->ptr);
		}
		buf_reset(b);
		if (k->dg == DG_CHUA_BAO_CAO)
			buf_puts(b, "–");
		else if (k->d == 0)
			buf_puts(b, "(0/0)");
		else
			fmt_ty_le_phan_so(b, k, ct, " / ");
		van_ban_cell(&r[7], b->ptr, 0, DOC_AL_CENTER);
		van_ban_cell(&r[8], fmt_danh_gia(k->dg),
		             k->dg == DG_DAT || k->dg == DG_CHUA_DAT ? DOC_BOLD : DOC_ITALIC, DOC_AL_CENTER);
		buf_reset(b);
		buf_printf(b, "%d/%d", k->so_dv_dat, k->so_dv_danh_gia);
		van_ban_cell(&r[9], b->ptr, 0, DOC_AL_CENTER);
		van_ban_row(&c->v, N, r, 0);
	}
	van_ban_table_end(&c->v);
	S_cells_free(r, N);
	S_cells_free(h, 2 * N);
	free(year_head);
	free(res_head);
}

/* Phụ lục II: every unit's results, by group, targets as columns. */
static void S_pl_don_vi(S_B *c)
{
	const Model *m = c->v.m;
	buf_reset(&c->v.b);
	buf_printf(&c->v.b, "Kết quả thực hiện các chỉ tiêu của từng đơn vị %s", c->ky_mid);
	char *up = doc_upper(c->v.b.ptr);
	S_phu_luc(c, S_PL_DON_VI, up, 1);
	free(up);

	van_ban_kind(&c->v, DOC_PARA);
	Buf lg;
	buf_init(&lg);
	fmt_chu_giai(&lg);
	van_ban_tf(&c->v, DOC_ITALIC,
	           "Mỗi ô: tỷ lệ (%%) và ký hiệu đánh giá: %s. (*) mẫu số nhỏ (dưới %d). %s số liệu chưa "
	           "đủ các tháng của kỳ (các tháng thiếu ghi dưới bảng).",
	           lg.ptr, MAU_SO_NHO, S_DAU);
	buf_release(&lg);
	van_ban_par(&c->v, DOC_F_NOINDENT);
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		van_ban_kind(&c->v, DOC_ITEM);
		buf_reset(&c->v.b);
		S_nhan_chi_tieu(&c->v.b, &m->chi_tieu[t]);
		doc_add_buf(&c->v.k.inl, DOC_BOLD, &c->v.b);
		van_ban_tf(&c->v, 0, ": %.*s (giao ", S_ten_len(&m->chi_tieu[t]), m->chi_tieu[t].ten);
		buf_reset(&c->v.b);
		fmt_giao_cau(&c->v.b, &m->chi_tieu[t]);
		doc_add_buf(&c->v.k.inl, 0, &c->v.b);
		van_ban_t(&c->v, 0, t + 1 == m->n_chi_tieu ? ")." : ");");
		van_ban_item(&c->v, "-", 1);
	}

	size_t n = 2 + m->n_chi_tieu;
	float *w = xmalloc(n * sizeof *w);
	w[0] = 24;
	w[1] = 110;
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		w[2 + t] = 58;
	DocCell *h = xcalloc(n, sizeof *h);
	van_ban_cell(&h[0], "Stt", DOC_BOLD, DOC_AL_CENTER);
	van_ban_cell(&h[1], "Đơn vị", DOC_BOLD, DOC_AL_CENTER);
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		buf_reset(&c->v.b);
		S_nhan_chi_tieu(&c->v.b, &m->chi_tieu[t]);
		van_ban_cell(&h[2 + t], c->v.b.ptr, DOC_BOLD, DOC_AL_CENTER);
	}
	van_ban_table(&c->v, n, w, h, 1, 0);
	DocCell *r = xcalloc(n, sizeof *r);
	Buf *b = &c->v.b;
	int g_cur = -1;
	size_t stt = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = (size_t)m->thu_tu_don_vi[i];
		int g = m->don_vi[u].nhom;
		if (g != g_cur) {
			g_cur = g;
			van_ban_group_row(&c->v, n, r, g >= 0 ? m->nhom[g].ten : "");
		}
		buf_reset(b);
		buf_printf(b, "%zu", ++stt);
		van_ban_cell(&r[0], b->ptr, 0, DOC_AL_CENTER);
		van_ban_cell(&r[1], model_ten_don_vi(m, u), 0, DOC_AL_LEFT);
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			buf_reset(b);
			if (!model_applies(m, u, t))
				buf_puts(b, fmt_ky_hieu(FMT_KHONG_AP_DUNG));
			else {
				const KetQua *k = model_kq_don_vi(m, u, t);
				if (k->dg == DG_CHUA_BAO_CAO || k->d == 0)
					buf_puts(b, fmt_ky_hieu(k->dg));
				else {
					fmt_ty_le(b, k->n, k->d, &m->chi_tieu[t]);
					buf_printf(b, "\u00a0%s", fmt_ky_hieu(k->dg));
					if (model_mau_so_nho(k))
						buf_puts(b, "\u00a0(*)");
				}
				if (S_co_dau(m, u, t))
					buf_puts(b, S_DAU);
			}
			van_ban_cell(&r[2 + t], b->ptr, 0, DOC_AL_CENTER);
		}
		van_ban_row(&c->v, n, r, 0);
	}
	van_ban_table_end(&c->v);
	S_cells_free(r, n);
	S_cells_free(h, n);
	free(w);
	/* the note of the marks: every unit whose figures miss months */
	int any = 0;
	size_t left = m->n_thieu;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = (size_t)m->thu_tu_don_vi[i];
		if (!m->thieu_don_vi[u])
			continue;
		if (!any) {
			van_ban_kind(&c->v, DOC_PARA);
			van_ban_tf(&c->v, DOC_ITALIC, "%s Đơn vị chưa báo cáo đủ số liệu của kỳ:", S_DAU);
			van_ban_par(&c->v, DOC_F_NOINDENT);
		}
		any = 1;
		van_ban_kind(&c->v, DOC_ITEM);
		buf_reset(&c->v.b);
		buf_printf(&c->v.b, "%s: ", model_ten_don_vi(m, u));
		S_thieu_mo_ta(&c->v.b, m, u);
		van_ban_item_enum(&c->v, --left == 0);
	}
}

/* Phụ lục III: every judged deadline step. */
static void S_pl_han(S_B *c)
{
	const Model *m = c->v.m;
	S_phu_luc(c, S_PL_HAN, "TÌNH HÌNH THỰC HIỆN CÁC VIỆC CÓ THỜI HẠN", 1);
	enum { N = 6 };
	static const float w[N] = {5, 24, 37, 14, 14, 16};
	static const char *const head[N] = {"Stt", "Đơn vị", "Việc phải làm", "Hạn",
	                                    "Ngày thực hiện", "Tình trạng (ngày làm việc)"};
	DocCell *h = xcalloc(N, sizeof *h);
	for (size_t i = 0; i < N; i++)
		van_ban_cell(&h[i], head[i], DOC_BOLD, DOC_AL_CENTER);
	van_ban_table(&c->v, N, w, h, 1, 0);
	DocCell *r = xcalloc(N, sizeof *r);
	Buf *b = &c->v.b, what;
	buf_init(&what);
	for (size_t j = 0; j < m->han.n_kq; j++) {
		const HanKetQua *k = &m->han.kq[j];
		buf_reset(b);
		buf_printf(b, "%zu", j + 1);
		van_ban_cell(&r[0], b->ptr, 0, DOC_AL_CENTER);
		van_ban_cell(&r[1], S_ten_don_vi(m, k->don_vi), 0, DOC_AL_LEFT);
		van_ban_cell(&r[2], S_buoc_ten(m, k, &what), 0, DOC_AL_LEFT);
		buf_reset(b);
		fmt_ngay(b, k->han);
		van_ban_cell(&r[3], b->ptr, 0, DOC_AL_CENTER);
		buf_reset(b);
		if (k->ngay_cong_bo >= 0)
			fmt_ngay(b, k->ngay_cong_bo);
		else
			buf_puts(b, "chưa thực hiện");
		van_ban_cell(&r[4], b->ptr, 0, DOC_AL_CENTER);
		buf_reset(b);
		buf_puts(b, han_trang_thai_ten(k->trang_thai));
		if (k->so_ngay_tre)
			buf_printf(b, " %d", k->so_ngay_tre);
		van_ban_cell(&r[5], b->ptr, 0, DOC_AL_CENTER);
		van_ban_row(&c->v, N, r, 0);
	}
	buf_release(&what);
	van_ban_table_end(&c->v);
	S_cells_free(r, N);
	S_cells_free(h, N);
}

/* One row of the restatements' tables. */
static void S_dc_row(S_B *c, DocCell *r, size_t stt, const char *ai, const DieuChinh *d)
{
	const ChiTieu *ct = &c->v.m->chi_tieu[d->chi_tieu];
	Buf *b = &c->v.b;
	buf_reset(b);
	buf_printf(b, "%zu", stt);
	van_ban_cell(&r[0], b->ptr, 0, DOC_AL_CENTER);
	van_ban_cell(&r[1], ai, 0, DOC_AL_LEFT);
	buf_reset(b);
	buf_printf(b, "%d. %s", ct->stt, ct->ten);
	van_ban_cell(&r[2], b->ptr, 0, DOC_AL_LEFT);
	buf_reset(b);
	fmt_ket_qua(b, &d->cu, ct);
	van_ban_cell(&r[3], b->ptr, 0, DOC_AL_CENTER);
	buf_reset(b);
	fmt_ket_qua(b, &d->moi, ct);
	van_ban_cell(&r[4], b->ptr, 0, DOC_AL_CENTER);
	van_ban_row(&c->v, 5, r, 0);
}

/* The restatements: each unit's published and present figures and
 * verdicts, then the groups' and the province's that moved. */
static void S_pl_dieu_chinh(S_B *c)
{
	const Model *m = c->v.m;
	const LichSu *ls = &m->ls;
	buf_reset(&c->v.b);
	buf_puts(&c->v.b, "Điều chỉnh số liệu so với báo cáo ");
	fmt_ky_cu(&c->v.b, ls->truoc);
	char *title = doc_upper(c->v.b.ptr);
	S_phu_luc(c, S_PL_DIEU_CHINH, title, 1);
	free(title);
	enum { N = 5 };
	static const float w[N] = {5, 22, 31, 21, 21};
	DocCell *h = xcalloc(N, sizeof *h), *r = xcalloc(N, sizeof *r);
	buf_reset(&c->v.b);
	buf_puts(&c->v.b, "Đã công bố (");
	size_t at = c->v.b.len;
	fmt_ky_cu(&c->v.b, ls->truoc);
	if (!strncmp(c->v.b.ptr + at, "Năm ", 4))
		c->v.b.ptr[at] = 'n';
	buf_putc(&c->v.b, ')');
	char *cu = buf_detach(&c->v.b, NULL);
	const char *head[N] = {"Stt", "Đơn vị", "Chỉ tiêu", cu, "Tính lại từ số liệu hiện nay"};
	for (size_t i = 0; i < N; i++)
		van_ban_cell(&h[i], head[i], DOC_BOLD, DOC_AL_CENTER);
	if (ls->n_dc) {
		van_ban_table(&c->v, N, w, h, 1, 0);
		for (size_t i = 0; i < ls->n_dc; i++)
			S_dc_row(c, r, i + 1, model_ten_don_vi(m, (size_t)ls->dc[i].don_vi), &ls->dc[i]);
		van_ban_table_end(&c->v);
	}
	if (ls->n_dc_tong) {
		van_ban_kind(&c->v, DOC_PARA);
		van_ban_t(&c->v, DOC_ITALIC, "Số liệu tổng hợp của nhóm và toàn tỉnh thay đổi theo:");
		van_ban_par(&c->v, DOC_F_NOINDENT);
		van_ban_cell(&h[1], "Nhóm / toàn tỉnh", DOC_BOLD, DOC_AL_CENTER);
		van_ban_table(&c->v, N, w, h, 1, 0);
		for (size_t i = 0; i < ls->n_dc_tong; i++) {
			const DieuChinh *d = &ls->dc_tong[i];
			S_dc_row(c, r, i + 1, d->nhom >= 0 ? m->nhom[d->nhom].ten : "Toàn tỉnh", d);
		}
		van_ban_table_end(&c->v);
	}
	free(cu);
	S_cells_free(r, N);
	S_cells_free(h, N);
}

/* The units' notes: per unit (groups in order, units in registry order
 * within a group) and target, each distinct note once with the periods it
 * covers; the unit's cell spans its rows. */
static void S_pl_ghi_chu(S_B *c)
{
	const Model *m = c->v.m;
	S_phu_luc(c, S_PL_GHI_CHU, "GHI CHÚ CỦA ĐƠN VỊ", 0);
	van_ban_kind(&c->v, DOC_PARA);
	van_ban_t(&c->v, DOC_ITALIC,
	          "Ghi chú các đơn vị gửi kèm số liệu, mỗi ghi chú in một lần cùng các kỳ có ghi chú đó.");
	van_ban_par(&c->v, DOC_F_NOINDENT);
	enum { N = 5 };
	static const float w[N] = {5, 24, 9, 46, 16};
	static const char *const head[N] = {"Stt", "Đơn vị", "Chỉ tiêu số", "Ghi chú của đơn vị",
	                                    "Kỳ có ghi chú"};
	DocCell *h = xcalloc(N, sizeof *h), *r = xcalloc(N, sizeof *r);
	for (size_t i = 0; i < N; i++)
		van_ban_cell(&h[i], head[i], DOC_BOLD, DOC_AL_CENTER);
	van_ban_table(&c->v, N, w, h, 1, 0);
	S_GhiChus g;
	memset(&g, 0, sizeof g);
	Buf *b = &c->v.b;
	size_t stt = 0, T = m->n_chi_tieu;
	for (size_t gi = 0; gi < m->n_nhom; gi++)
		for (size_t u = 0; u < m->n_don_vi; u++) {
			if (m->don_vi[u].nhom != (int)gi)
				continue;
			/* the unit's rows: counted first, for its cell's span */
			size_t n_row = 0;
			for (size_t t = 0; t < T; t++)
				if (model_applies(m, u, t)) {
					S_ghi_chu(&g, m, u, t);
					n_row += g.n;
				}
			if (!n_row)
				continue;
			int first = 1;
			for (size_t t = 0; t < T; t++) {
				if (!model_applies(m, u, t))
					continue;
				S_ghi_chu(&g, m, u, t);
				for (size_t k = 0; k < g.n; k++) {
					if (first) {
						buf_reset(b);
						buf_printf(b, "%zu", ++stt);
						van_ban_cell(&r[0], b->ptr, 0, DOC_AL_CENTER);
						r[0].rowspan = (int)n_row;
						van_ban_cell(&r[1], model_ten_don_vi(m, u), 0, DOC_AL_LEFT);
						r[1].rowspan = (int)n_row;
					} else {
						buf_reset(b);
						buf_printf(b, "%zu", stt);
						van_ban_cover(&r[0], b->ptr);
						van_ban_cover(&r[1], model_ten_don_vi(m, u));
					}
					first = 0;
					buf_reset(b);
					buf_printf(b, "%d", m->chi_tieu[t].stt);
					van_ban_cell(&r[2], b->ptr, 0, DOC_AL_CENTER);
					buf_reset(b);
					fmt_trich_dan(b, g.v[k].text);
					van_ban_cell(&r[3], b->ptr, 0, DOC_AL_LEFT);
					buf_reset(b);
					fmt_cac_ky(b, g.v[k].ky, g.v[k].n_ky);
					van_ban_cell(&r[4], b->ptr, 0, DOC_AL_LEFT);
					van_ban_row(&c->v, N, r, 0);
				}
			}
		}
	van_ban_table_end(&c->v);
	S_ghi_chus_release(&g);
	S_cells_free(r, N);
	S_cells_free(h, N);
}

/* The appendices in order: one more is a line here and its number
 * follows (the restatements go after the deadline tasks). */
static const struct {
	void (*fn)(S_B *c);
} S_PL[S_PL_N] = {{S_pl_ket_qua}, {S_pl_don_vi}, {S_pl_han}, {S_pl_dieu_chinh}, {S_pl_ghi_chu}};

static void S_number_appendices(S_B *c)
{
	const LichSu *ls = &c->v.m->ls;
	int co[S_PL_N] = {1, 1, c->v.m->han.co && c->v.m->han.n_kq > 0,
	                  ls->co_truoc && (ls->n_dc || ls->n_dc_tong), S_co_ghi_chu(c->v.m, -1)};
	int n = 0;
	for (int i = 0; i < S_PL_N; i++) {
		c->pl[i] = co[i] ? ++n : 0;
		char so[16];
		fmt_la_ma(c->pl[i], so);
		/* no-break spaces: "Phụ lục II" never breaks inside a sentence */
		snprintf(c->pl_ten[i], sizeof c->pl_ten[i], "Phụ\u00a0lục\u00a0%s", so);
		snprintf(c->pl_ten_dong[i], sizeof c->pl_ten_dong[i], "Phụ lục %s", so);
	}
}

/* ---- the colophon ---- */

static void S_colophon(S_B *c)
{
	const Model *m = c->v.m;
	char ky[16], moi[16];
	ky_format(m->cua_so.ky, ky);
	ky_format(m->cua_so.moi_nhat, moi);
	van_ban_kind(&c->v, DOC_COLOPHON);
	van_ban_tf(&c->v, 0,
	           "Lập bởi chitieu %s. Kỳ báo cáo %s (%s); số liệu tính đến kỳ %s (kỳ mới nhất có trong "
	           "dữ liệu).",
	           CHITIEU_VERSION, ky, c->ky_mid, moi);
	if (m->n_tep) {
		unsigned char sha[32];
		model_tep_sha256(m, sha);
		buf_reset(&c->v.b);
		buf_printf(&c->v.b,
		           " Tệp đầu vào: %zu tệp; mã SHA-256 của danh sách tệp (như sha256sum in ra, "
		           "theo thứ tự tên): ",
		           m->n_tep);
		fmt_hex(&c->v.b, sha, sizeof sha);
		/* the per-file digests are on the screen only (below): the
		 * printed report refers to nothing outside itself */
		buf_puts(&c->v.b, ".");
		doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	}
	/* the urging dispatch written beside it (cong_van.h) */
	size_t n_cv = m->evaluated ? cong_van_so_don_vi(m) : 0;
	if (n_cv)
		van_ban_tf(&c->v, 0,
		           " Kèm theo: Công văn đôn đốc %zu cơ quan, đơn vị chưa đạt chỉ tiêu, chưa báo cáo "
		           "đủ số liệu hoặc có việc trễ hạn (cong-van-don-doc.pdf, cong-van-don-doc.md).",
		           n_cv);
	van_ban_put(&c->v);
	if (!m->n_tep)
		return;
	/* the per-file digests: on the screen, not on the signed paper; one
	 * level under the appendix headings, as HTML wants no level skipped
	 * (the Nu HTML Checker's error) */
	van_ban_kind(&c->v, DOC_HEADING);
	c->v.k.level = 2;
	c->v.k.flags = DOC_F_SCREEN;
	van_ban_t(&c->v, DOC_BOLD, "Tệp đầu vào");
	van_ban_put(&c->v);
	static const float w[2] = {1, 2};
	DocCell h[2];
	memset(h, 0, sizeof h);
	van_ban_cell(&h[0], "Tệp đầu vào", DOC_BOLD, DOC_AL_LEFT);
	van_ban_cell(&h[1], "SHA-256", DOC_BOLD, DOC_AL_LEFT);
	van_ban_kind(&c->v, DOC_TABLE);
	c->v.k.flags = DOC_F_SCREEN;
	c->v.k.n_col = 2;
	c->v.k.width = w;
	c->v.k.head = h;
	c->v.k.n_head = 1;
	van_ban_put(&c->v);
	DocCell r[2];
	memset(r, 0, sizeof r);
	for (size_t i = 0; i < m->n_tep; i++) {
		van_ban_cell(&r[0], m->tep[i].path, 0, DOC_AL_LEFT);
		buf_reset(&c->v.b);
		fmt_hex(&c->v.b, m->tep[i].sha256, sizeof m->tep[i].sha256);
		van_ban_cell(&r[1], c->v.b.ptr, 0, DOC_AL_LEFT);
		van_ban_kind(&c->v, DOC_ROW);
		c->v.k.flags = DOC_F_SCREEN;
		c->v.k.n_col = 2;
		c->v.k.cell = r;
		van_ban_put(&c->v);
	}
	van_ban_kind(&c->v, DOC_TABLE_END);
	c->v.k.flags = DOC_F_SCREEN;
	van_ban_put(&c->v);
	for (int i = 0; i < 2; i++) {
		doc_inl_release(&h[i].inl);
		doc_inl_release(&r[i].inl);
	}
}

/* ---- the report ---- */

static void S_init(S_B *c, const Model *m, DocWriter *w)
{
	memset(c, 0, sizeof *c);
	van_ban_init(&c->v, m, w, 1);
	c->ky_words = van_ban_ky(m, 0);
	c->ky_mid = van_ban_ky(m, 1);
	S_number_appendices(c);
}

/* Ends the document (DOC_END) and frees c. */
static void S_release(S_B *c)
{
	van_ban_kind(&c->v, DOC_END);
	van_ban_put(&c->v);
	van_ban_release(&c->v);
	free(c->ky_words);
	free(c->ky_mid);
}

void bao_cao_build(const Model *m, DocWriter *w)
{
	S_B c;
	S_init(&c, m, w);

	S_meta(&c);
	S_header(&c);
	size_t h1 = S_first_heading(m);
	S_noi_dung(&c, 0, h1); /* the opening: its basis and purpose */
	S_ket_qua_chung(&c);
	S_muc(&c, "KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU");
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		S_chi_tieu(&c, t);
	S_han(&c);
	S_noi_dung(&c, h1, m->noi_dung.n);
	S_chu_ky(&c);
	for (int i = 0; i < S_PL_N; i++)
		if (c.pl[i])
			S_PL[i].fn(&c);
	S_colophon(&c);
	S_release(&c);
}

void bao_cao_build_phan(const Model *m, DocWriter *w, BaoCaoPhan phan)
{
	S_B c;
	S_init(&c, m, w);
	if (phan == BAO_CAO_KET_QUA_CHUNG)
		S_ket_qua_chung(&c);
	else
		S_pl_ket_qua(&c);
	S_release(&c);
}
