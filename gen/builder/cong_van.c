/* SPDX-License-Identifier: MIT */
/* cong_van: what the urging dispatch says, in order (cong_van.h).
 *
 * Every sentence and number is composed here; the writers only lay the
 * blocks out.  Figures only through fmt.h: the dispatch prints a unit's
 * figure as the report does ("72,50% (145/200)"), the target as Phụ lục I
 * does and the rate still needed as the scorecards do (fmt_con_can).
 *
 * Choices where the contract is silent:
 *   - "Kính gửi:" lists the groups in nhom.csv's order, each unit once in
 *     registry order.  A group whose units addressed are all "UBND <kind>
 *     <Name>" is named from those kinds ("UBND các huyện, thị xã"); any
 *     other from its nhom.csv name ("Các sở, ban, ngành tỉnh").  One unit
 *     alone is named without its group; more than S_NHOM_TOI_DA, the group
 *     is addressed as a whole and the names are in the appendix.
 *   - The appendix is written when a group is addressed as a whole, a
 *     list of the body would pass S_TOI_DA units or tasks, or the targets
 *     not met S_DONG_TOI_DA; it then holds every
 *     addressed unit with every reason, and the body's section on targets
 *     counts the units per target instead of naming them.
 *   - The reply date is the date by which late figures are due: one date
 *     for the clerk to watch.
 *   - "Nơi nhận": "Như trên", then noi_nhan_cong_van (else noi_nhan)
 *     without its own "Như trên", and its "Lưu: …" entry last ("Lưu: VT"
 *     with a blank when it has none). */
#include "cong_van.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "han.h"
#include "rank.h"
#include "van_ban.h"
#include "xalloc.h"

/* Units of one group named in "Kính gửi:" before the group is addressed
 * as a whole. */
#define S_NHOM_TOI_DA 15
/* Entries of a list of the body before it goes to the appendix. */
#define S_TOI_DA 15
/* Targets not met listed in the body (as sub-items of their units). */
#define S_DONG_TOI_DA 40

typedef struct {
	VanBan v;          /* the block being filled, the scratch buffer */
	unsigned *ly_do;   /* [n_don_vi] */
	size_t n;          /* units addressed */
	int *thu_tu;       /* addressed units: group order, then registry order */
	int het_nam;       /* the window is the whole year */
	int han_gui;       /* cong_van_han_gui() */
	int phu_luc;       /* the appendix is written */
	char *ky_mid;      /* "9 tháng năm 2024" */
	char *so_pl;       /* "số …/UBND-…" for the appendix's line */
} S_C;

/* ---- who is addressed ---- */

size_t cong_van_ly_do(const Model *m, unsigned *ly_do)
{
	size_t n = 0;
	for (size_t u = 0; u < m->n_don_vi; u++) {
		unsigned r = 0;
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			if (!model_applies(m, u, t))
				continue;
			DanhGia dg = model_kq_don_vi(m, u, t)->dg;
			r |= dg == DG_CHUA_DAT ? CV_CHUA_DAT : dg == DG_CHUA_BAO_CAO ? CV_CHUA_BAO_CAO : 0;
		}
		if (m->thieu_don_vi && m->thieu_don_vi[u])
			r |= CV_THIEU;
		ly_do[u] = r;
	}
	for (size_t j = 0; j < m->han.n_kq; j++) {
		const HanKetQua *k = &m->han.kq[j];
		if ((k->trang_thai == TT_TRE_HAN || k->trang_thai == TT_QUA_HAN) && k->don_vi >= 0 &&
		    (size_t)k->don_vi < m->n_don_vi)
			ly_do[k->don_vi] |= CV_TRE_HAN;
	}
	for (size_t u = 0; u < m->n_don_vi; u++)
		n += ly_do[u] != 0;
	return n;
}

size_t cong_van_so_don_vi(const Model *m)
{
	if (!m->evaluated)
		return 0;
	unsigned *ly_do = xcalloc(m->n_don_vi + 1, sizeof *ly_do);
	size_t n = cong_van_ly_do(m, ly_do);
	free(ly_do);
	return n;
}

int cong_van_han_gui(const Model *m)
{
	int n = 5;
	const char *v = model_conf(m, "han_gui_so_lieu");
	if (*v) {
		char *end;
		long x = strtol(v, &end, 10);
		if (!*end && x >= 1 && x <= 365) /* input.c refused anything else */
			n = (int)x;
	}
	return han_sau(&m->han, date_month_end(m->cua_so.year, m->cua_so.last_month), n);
}

/* ---- emitting ---- */

/* A numbered point of the body: a bold run-in paragraph, as a công văn
 * numbers its points (not a section heading of a report). */
static void S_heading(S_C *c, int so, const char *text)
{
	van_ban_kind(&c->v, DOC_PARA);
	van_ban_tf(&c->v, DOC_BOLD, "%d. %s", so, text);
	van_ban_par(&c->v, 0);
}

/* ---- words ---- */

/* The first letter of s lowered when it is an ASCII capital or "Đ"
 * (phrases of bao-cao.conf and fmt.h put inside a sentence). */
static void S_thuong(Buf *b, const char *s)
{
	size_t at = b->len;
	buf_puts(b, s);
	unsigned char *p = (unsigned char *)b->ptr + at;
	if (p[0] >= 'A' && p[0] <= 'Z')
		p[0] = (unsigned char)(p[0] - 'A' + 'a');
	else if (p[0] == 0xC4 && p[1] == 0x90)
		p[1] = 0x91;
}

/* "tối thiểu 80%", "tối đa 5 ngày" */
static void S_giao(Buf *b, const ChiTieu *t)
{
	Buf g;
	buf_init(&g);
	fmt_giao_chi_tieu(&g, t);
	S_thuong(b, g.ptr);
	buf_release(&g);
	if (strcmp(t->don_vi_tinh, "%") == 0)
		buf_putc(b, '%');
	else if (*t->don_vi_tinh)
		buf_printf(b, " %s", t->don_vi_tinh);
}

/* "Chỉ tiêu 3 (Hồ sơ trực tuyến)", "Chỉ tiêu 3" without a short name */
static void S_ten_ct(Buf *b, const ChiTieu *t)
{
	buf_printf(b, "Chỉ tiêu %d", t->stt);
	if (t->ten_ngan && *t->ten_ngan)
		buf_printf(b, " (%s)", t->ten_ngan);
}

/* The months missing of unit u and target t in the window, as a bit set
 * (bit mo for month mo). */
static unsigned S_thang_thieu(const Model *m, size_t u, size_t t)
{
	unsigned can = 0, co = 0;
	for (int mo = 1; mo <= m->cua_so.last_month; mo++)
		can |= 1u << mo;
	for (size_t i = model_so_lieu_dau(m, u, t); i < m->n_so_lieu; i++) {
		const SoLieu *r = &m->so_lieu[i];
		if ((size_t)r->don_vi != u || (size_t)r->chi_tieu != t)
			break;
		if (r->ky.year != m->cua_so.year || ky_last_month(r->ky) > m->cua_so.last_month)
			continue;
		for (int mo = ky_first_month(r->ky); mo <= ky_last_month(r->ky); mo++)
			co |= 1u << mo;
	}
	return can & ~co;
}

/* "tháng 7, 8, 12" */
static void S_thang(Buf *b, unsigned set)
{
	buf_puts(b, "tháng ");
	int k = 0;
	for (int mo = 1; mo <= 12; mo++)
		if (set & (1u << mo))
			buf_printf(b, k++ ? ", %d" : "%d", mo);
}

/* Unit u's reporting in words: "chưa gửi số liệu", "chưa báo cáo chỉ tiêu
 * 8; thiếu số liệu tháng 12 của chỉ tiêu 1, 2".  Nothing when complete. */
static void S_bao_cao_thieu(Buf *b, const Model *m, size_t u)
{
	if (!m->don_vi[u].co_so_lieu) {
		buf_puts(b, "chưa gửi số liệu");
		return;
	}
	size_t T = m->n_chi_tieu, at = b->len;
	unsigned *miss = xcalloc(T + 1, sizeof *miss);
	int k = 0;
	for (size_t t = 0; t < T; t++) {
		if (!model_applies(m, u, t))
			continue;
		if (model_kq_don_vi(m, u, t)->dg == DG_CHUA_BAO_CAO)
			buf_printf(b, k++ ? ", %d" : "chưa báo cáo chỉ tiêu %d", m->chi_tieu[t].stt);
		else
			miss[t] = S_thang_thieu(m, u, t);
	}
	/* the targets missing the same months, in one phrase */
	for (size_t t = 0; t < T; t++) {
		unsigned set = miss[t];
		if (!set)
			continue;
		buf_puts(b, b->len > at ? "; thiếu số liệu " : "thiếu số liệu ");
		S_thang(b, set);
		int n = 0;
		for (size_t v = t; v < T; v++)
			if (miss[v] == set) {
				buf_printf(b, n++ ? ", %d" : " của chỉ tiêu %d", m->chi_tieu[v].stt);
				miss[v] = 0;
			}
	}
	free(miss);
}

/* The words of a late or overdue step: "quá hạn 78 ngày làm việc, chưa
 * thực hiện", "trễ hạn 2 ngày làm việc (thực hiện ngày 19/07/2024)". */
static void S_tre(Buf *b, const HanKetQua *k)
{
	if (k->trang_thai == TT_QUA_HAN)
		buf_printf(b, "quá hạn %d ngày làm việc, chưa thực hiện", k->so_ngay_tre);
	else {
		buf_printf(b, "trễ hạn %d ngày làm việc (thực hiện ngày ", k->so_ngay_tre);
		fmt_ngay(b, k->ngay_cong_bo);
		buf_putc(b, ')');
	}
}

static int S_tre_han(const HanKetQua *k)
{
	return k->trang_thai == TT_TRE_HAN || k->trang_thai == TT_QUA_HAN;
}

/* ---- "Kính gửi:" ---- */

/* The kind words of "UBND xã Đông Quang" ("xã"), of "UBND thị trấn Như
 * Quỳnh" ("thị trấn"): the lower-case words after "UBND ".  0 when the
 * name is not of that form. */
static int S_loai_ubnd(const char *ten, Buf *out)
{
	if (strncmp(ten, "UBND ", 5) != 0)
		return 0;
	const char *p = ten + 5;
	size_t at = out->len;
	while (*p) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *w = xstrndup(p, len);
		char *up = doc_upper(w);
		/* a word whose first letter is a capital (or a digit): the name */
		unsigned char b0 = (unsigned char)w[0];
		size_t cp = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
		int ten_rieng = strlen(w) < cp || strlen(up) < cp || strncmp(w, up, cp) == 0;
		free(w);
		free(up);
		if (ten_rieng)
			break;
		if (out->len > at)
			buf_putc(out, ' ');
		buf_add(out, p, len);
		if (!e)
			break;
		p = e + 1;
	}
	return out->len > at && *p;
}

/* The group g as the addressee of its units: "UBND các huyện, thị xã",
 * "Các sở, ban, ngành tỉnh".  Returns 1 when the heading says "UBND": its
 * units are then named without it ("huyện Văn Lâm"). */
static int S_nhom_goi(Buf *b, const S_C *c, int g)
{
	const Model *m = c->v.m;
	char **kind = NULL;
	size_t *dem = NULL, n = 0, cap = 0, cap2 = 0;
	Buf one;
	buf_init(&one);
	int ok = 1;
	for (size_t i = 0; ok && i < c->n; i++) {
		size_t u = (size_t)c->thu_tu[i];
		if (m->don_vi[u].nhom != g)
			continue;
		buf_reset(&one);
		if (!S_loai_ubnd(m->don_vi[u].ten, &one)) {
			ok = 0;
			break;
		}
		size_t j = 0;
		while (j < n && strcmp(kind[j], one.ptr) != 0)
			j++;
		if (j == n) {
			kind = xgrow(kind, &cap, n + 1, sizeof *kind);
			dem = xgrow(dem, &cap2, n + 1, sizeof *dem);
			kind[n] = xstrdup(one.ptr);
			dem[n++] = 0;
		}
		dem[j]++;
	}
	if (ok && n) {
		/* the most frequent kind first ("các xã, thị trấn"), ties in the
		 * order met (a stable insertion sort) */
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && dem[j - 1] < dem[j]; j--) {
				size_t d = dem[j];
				dem[j] = dem[j - 1];
				dem[j - 1] = d;
				char *k = kind[j];
				kind[j] = kind[j - 1];
				kind[j - 1] = k;
			}
		buf_puts(b, "UBND các ");
		for (size_t i = 0; i < n; i++)
			buf_printf(b, i ? ", %s" : "%s", kind[i]);
	} else {
		ok = 0;
		const char *ten = m->nhom[g].ten;
		if (strncmp(ten, "Các ", 5) == 0 || strncmp(ten, "các ", 5) == 0)
			buf_puts(b, ten);
		else {
			buf_puts(b, "Các ");
			S_thuong(b, ten);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(kind[i]);
	free(kind);
	free(dem);
	buf_release(&one);
	return ok;
}

/* The addressed units of group g (in c->thu_tu), counted. */
static size_t S_dem_nhom(const S_C *c, int g)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += c->v.m->don_vi[c->thu_tu[i]].nhom == g;
	return n;
}

static void S_kinh_gui(S_C *c)
{
	const Model *m = c->v.m;
	char **item = xcalloc(m->n_nhom + 1, sizeof *item);
	size_t n_item = 0;
	Buf b;
	buf_init(&b);
	for (size_t g = 0; g < m->n_nhom; g++) {
		size_t n = S_dem_nhom(c, (int)g);
		if (!n)
			continue;
		buf_reset(&b);
		if (n == 1) {
			for (size_t i = 0; i < c->n; i++)
				if (m->don_vi[c->thu_tu[i]].nhom == (int)g)
					buf_puts(&b, model_ten_don_vi(m, (size_t)c->thu_tu[i]));
		} else if (n > S_NHOM_TOI_DA) {
			S_nhom_goi(&b, c, (int)g);
			buf_puts(&b, " có tên tại Phụ lục kèm theo");
		} else {
			int ubnd = S_nhom_goi(&b, c, (int)g);
			buf_puts(&b, ": ");
			int k = 0;
			for (size_t i = 0; i < c->n; i++)
				if (m->don_vi[c->thu_tu[i]].nhom == (int)g) {
					const char *ten = model_ten_don_vi(m, (size_t)c->thu_tu[i]);
					if (ubnd && strncmp(ten, "UBND ", 5) == 0)
						ten += 5;
					buf_printf(&b, k++ ? ", %s" : "%s", ten);
				}
		}
		item[n_item++] = buf_detach(&b, NULL);
	}
	van_ban_kinh_gui(&c->v, item, n_item);
	van_ban_list_free(item, n_item);
	buf_release(&b);
}

/* ---- the body ---- */

static void S_can_cu(S_C *c)
{
	const Model *m = c->v.m;
	const char *cc = model_conf(m, "can_cu_giao");
	van_ban_kind(&c->v, DOC_PARA);
	buf_reset(&c->v.b);
	if (*cc)
		buf_printf(&c->v.b, "Thực hiện %s, ", cc);
	else
		buf_printf(&c->v.b, "Thực hiện văn bản số ……/…… ngày ……/……/…… giao chỉ tiêu năm %d, ",
		           m->cua_so.year);
	doc_add_buf(&c->v.k.inl, 0, &c->v.b);

	/* the result to date, in one sentence */
	int dat = 0;
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		dat += m->kq_tinh[t].dg == DG_DAT;
	size_t n_cd = 0, n_bc = 0, n_tre = 0;
	for (size_t u = 0; u < m->n_don_vi; u++) {
		n_cd += (c->ly_do[u] & CV_CHUA_DAT) != 0;
		n_bc += (c->ly_do[u] & (CV_CHUA_BAO_CAO | CV_THIEU)) != 0;
		n_tre += (c->ly_do[u] & CV_TRE_HAN) != 0;
	}
	buf_reset(&c->v.b);
	buf_printf(&c->v.b, "kết quả %s, ", c->ky_mid);
	van_ban_ten_tinh(&c->v.b, m);
	buf_puts(&c->v.b, " đạt ");
	doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	van_ban_tf(&c->v, DOC_BOLD, "%d/%zu", dat, m->n_chi_tieu);
	van_ban_t(&c->v, 0, " chỉ tiêu được giao");
	const char *sep = "; ";
	if (n_cd) {
		van_ban_tf(&c->v, 0, "%s%zu/%zu cơ quan, đơn vị chưa đạt ít nhất một chỉ tiêu", sep, n_cd,
		           m->n_don_vi);
		sep = ", ";
	}
	if (n_bc) {
		van_ban_tf(&c->v, 0, "%s%zu cơ quan, đơn vị chưa báo cáo hoặc báo cáo chưa đủ số liệu", sep, n_bc);
		sep = ", ";
	}
	if (n_tre)
		van_ban_tf(&c->v, 0, "%s%zu cơ quan, đơn vị có việc trễ hạn hoặc quá hạn", sep, n_tre);
	van_ban_t(&c->v, 0, ".");
	if (m->n_thieu) {
		buf_reset(&c->v.b);
		buf_puts(&c->v.b, " (");
		fmt_tam_tinh(&c->v.b, m->n_thieu, 0);
		buf_puts(&c->v.b, ".)");
		doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	}
	van_ban_par(&c->v, 0);

	van_ban_kind(&c->v, DOC_PARA);
	buf_reset(&c->v.b);
	if (c->het_nam)
		buf_printf(&c->v.b, "Để khắc phục những hạn chế trong thực hiện các chỉ tiêu năm %d, ",
		           m->cua_so.year);
	else
		buf_printf(&c->v.b, "Để hoàn thành các chỉ tiêu được giao năm %d, ", m->cua_so.year);
	size_t at = c->v.b.len;
	van_ban_ten_co_quan(&c->v.b, m);
	if (c->v.b.len == at)
		buf_puts(&c->v.b, "……");
	buf_puts(&c->v.b, " yêu cầu các cơ quan, đơn vị thực hiện các nội dung sau:");
	doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	van_ban_par(&c->v, 0);
}

/* One target not met of unit u, as a sub-item's words. */
static void S_chua_dat_dong(S_C *c, size_t u, size_t t)
{
	const Model *m = c->v.m;
	const ChiTieu *ct = &m->chi_tieu[t];
	const KetQua *k = model_kq_don_vi(m, u, t);
	Buf *b = &c->v.b;
	buf_reset(b);
	S_ten_ct(b, ct);
	buf_puts(b, ": kết quả ");
	fmt_so_lieu(b, k, ct);
	buf_puts(b, ", chỉ tiêu giao ");
	S_giao(b, ct);
	if (c->het_nam)
		buf_printf(b, ", không đạt chỉ tiêu năm %d", m->cua_so.year);
	else {
		buf_puts(b, "; ");
		fmt_con_can(b, ct, k, m->cua_so.last_month, FMT_CC_CAU);
	}
}

static void S_muc_chua_dat(S_C *c, int so)
{
	const Model *m = c->v.m;
	size_t n_dv = 0;
	for (size_t i = 0; i < c->n; i++)
		n_dv += (c->ly_do[c->thu_tu[i]] & CV_CHUA_DAT) != 0;
	if (!n_dv)
		return;
	S_heading(c, so, "Đối với các chỉ tiêu chưa đạt");
	if (c->phu_luc) {
		/* per target: how many units missed it; the names in the appendix */
		van_ban_kind(&c->v, DOC_PARA);
		van_ban_tf(&c->v, 0, "Có %zu cơ quan, đơn vị chưa đạt ít nhất một chỉ tiêu:", n_dv);
		van_ban_par(&c->v, 0);
		size_t last = 0;
		for (size_t t = 0; t < m->n_chi_tieu; t++)
			for (size_t i = 0; i < c->n; i++)
				if (model_applies(m, (size_t)c->thu_tu[i], t) &&
				    model_kq_don_vi(m, (size_t)c->thu_tu[i], t)->dg == DG_CHUA_DAT)
					last = t;
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			size_t n = 0;
			for (size_t i = 0; i < c->n; i++)
				n += model_applies(m, (size_t)c->thu_tu[i], t) &&
				     model_kq_don_vi(m, (size_t)c->thu_tu[i], t)->dg == DG_CHUA_DAT;
			if (!n)
				continue;
			van_ban_kind(&c->v, DOC_ITEM);
			buf_reset(&c->v.b);
			S_ten_ct(&c->v.b, &m->chi_tieu[t]);
			buf_puts(&c->v.b, ", chỉ tiêu giao ");
			S_giao(&c->v.b, &m->chi_tieu[t]);
			buf_printf(&c->v.b, ": %zu cơ quan, đơn vị chưa đạt%s", n, t == last ? "." : ";");
			doc_add_buf(&c->v.k.inl, 0, &c->v.b);
			van_ban_item(&c->v, "-", 1);
		}
		van_ban_kind(&c->v, DOC_PARA);
		if (c->het_nam)
			van_ban_t(&c->v, 0, "Kết quả của từng cơ quan, đơn vị tại Phụ lục kèm theo.");
		else
			van_ban_t(&c->v, 0, "Kết quả của từng cơ quan, đơn vị và tỷ lệ cần đạt trong thời gian còn lại "
			          "của năm tại Phụ lục kèm theo.");
		van_ban_par(&c->v, 0);
	} else {
		size_t left = n_dv;
		for (size_t i = 0; i < c->n; i++) {
			size_t u = (size_t)c->thu_tu[i];
			if (!(c->ly_do[u] & CV_CHUA_DAT))
				continue;
			left--;
			van_ban_kind(&c->v, DOC_ITEM);
			van_ban_tf(&c->v, 0, "%s:", model_ten_don_vi(m, u));
			van_ban_item(&c->v, "-", 1);
			size_t last = 0;
			for (size_t t = 0; t < m->n_chi_tieu; t++)
				if (model_applies(m, u, t) && model_kq_don_vi(m, u, t)->dg == DG_CHUA_DAT)
					last = t;
			for (size_t t = 0; t < m->n_chi_tieu; t++) {
				if (!model_applies(m, u, t) || model_kq_don_vi(m, u, t)->dg != DG_CHUA_DAT)
					continue;
				van_ban_kind(&c->v, DOC_ITEM);
				S_chua_dat_dong(c, u, t);
				buf_puts(&c->v.b, t == last && !left ? "." : ";");
				doc_add_buf(&c->v.k.inl, 0, &c->v.b);
				van_ban_item(&c->v, "+", 2);
			}
		}
	}
	van_ban_kind(&c->v, DOC_PARA);
	if (c->het_nam)
		van_ban_tf(&c->v, 0,
		           "Các cơ quan, đơn vị nêu trên không hoàn thành chỉ tiêu được giao năm %d. Đề nghị "
		           "thủ trưởng các cơ quan, đơn vị nghiêm túc kiểm điểm, làm rõ nguyên nhân, trách "
		           "nhiệm và đề xuất giải pháp khắc phục, bảo đảm hoàn thành chỉ tiêu trong năm %d.",
		           m->cua_so.year, m->cua_so.year + 1);
	else
		van_ban_tf(&c->v, 0,
		           "Các cơ quan, đơn vị nêu trên tập trung chỉ đạo, có giải pháp cụ thể để đạt tỷ lệ "
		           "cần đạt trong thời gian còn lại của năm %d, bảo đảm hoàn thành chỉ tiêu được giao "
		           "(tỷ lệ cần đạt tính với số hồ sơ phát sinh mỗi tháng như bình quân từ đầu năm).",
		           m->cua_so.year);
	van_ban_par(&c->v, 0);
}

static void S_muc_bao_cao(S_C *c, int so)
{
	const Model *m = c->v.m;
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += (c->ly_do[c->thu_tu[i]] & (CV_CHUA_BAO_CAO | CV_THIEU)) != 0;
	if (!n)
		return;
	S_heading(c, so, "Đối với việc báo cáo số liệu");
	if (n > S_TOI_DA) {
		van_ban_kind(&c->v, DOC_PARA);
		van_ban_tf(&c->v, 0,
		           "Có %zu cơ quan, đơn vị chưa báo cáo hoặc báo cáo chưa đủ số liệu %s (danh sách tại "
		           "Phụ lục kèm theo).",
		           n, c->ky_mid);
		van_ban_par(&c->v, 0);
	} else {
		van_ban_kind(&c->v, DOC_PARA);
		van_ban_tf(&c->v, 0, "Các cơ quan, đơn vị chưa báo cáo hoặc báo cáo chưa đủ số liệu %s:", c->ky_mid);
		van_ban_par(&c->v, 0);
		size_t left = n;
		for (size_t i = 0; i < c->n; i++) {
			size_t u = (size_t)c->thu_tu[i];
			if (!(c->ly_do[u] & (CV_CHUA_BAO_CAO | CV_THIEU)))
				continue;
			van_ban_kind(&c->v, DOC_ITEM);
			buf_reset(&c->v.b);
			buf_printf(&c->v.b, "%s: ", model_ten_don_vi(m, u));
			S_bao_cao_thieu(&c->v.b, m, u);
			van_ban_item_enum(&c->v, --left == 0);
		}
	}
	van_ban_kind(&c->v, DOC_PARA);
	van_ban_tf(&c->v, 0, "Đề nghị các cơ quan, đơn vị trên gửi đầy đủ số liệu %s trước ngày ", c->ky_mid);
	VAN_BAN_FMT(&c->v, DOC_BOLD, fmt_ngay(&c->v.b, c->han_gui));
	van_ban_t(&c->v, 0, "; số liệu gửi sau thời hạn này không được tổng hợp vào kết quả của kỳ.");
	van_ban_par(&c->v, 0);
}

static void S_muc_tre_han(S_C *c, int so)
{
	const Model *m = c->v.m;
	size_t n = 0, n_qua = 0;
	for (size_t j = 0; j < m->han.n_kq; j++)
		if (S_tre_han(&m->han.kq[j])) {
			n++;
			n_qua += m->han.kq[j].trang_thai == TT_QUA_HAN;
		}
	if (!n)
		return;
	S_heading(c, so, "Đối với các việc có thời hạn");
	if (n > S_TOI_DA) {
		van_ban_kind(&c->v, DOC_PARA);
		van_ban_tf(&c->v, 0,
		           "Có %zu việc trễ hạn hoặc quá hạn, trong đó %zu việc quá hạn chưa thực hiện "
		           "(danh sách tại Phụ lục kèm theo).",
		           n, n_qua);
		van_ban_par(&c->v, 0);
	} else {
		van_ban_kind(&c->v, DOC_PARA);
		van_ban_t(&c->v, 0, "Các việc trễ hạn hoặc quá hạn:");
		van_ban_par(&c->v, 0);
		/* in the order of the units addressed, then of han.csv */
		size_t left = n;
		for (size_t i = 0; i < c->n; i++) {
			size_t u = (size_t)c->thu_tu[i];
			for (size_t j = 0; j < m->han.n_kq; j++) {
				const HanKetQua *k = &m->han.kq[j];
				if (!S_tre_han(k) || (size_t)k->don_vi != u)
					continue;
				van_ban_kind(&c->v, DOC_ITEM);
				buf_reset(&c->v.b);
				buf_printf(&c->v.b, "%s: ", model_ten_don_vi(m, u));
				fmt_viec_han(&c->v.b, m, k);
				buf_puts(&c->v.b, " (hạn ");
				fmt_ngay(&c->v.b, k->han);
				buf_puts(&c->v.b, "): ");
				S_tre(&c->v.b, k);
				van_ban_item_enum(&c->v, --left == 0);
			}
		}
	}
	van_ban_kind(&c->v, DOC_PARA);
	if (n_qua)
		van_ban_t(&c->v, 0, "Các cơ quan, đơn vị có việc quá hạn khẩn trương hoàn thành");
	if (n > n_qua)
		van_ban_t(&c->v, 0, n_qua ? "; các cơ quan, đơn vị thực hiện trễ hạn nghiêm túc rút kinh nghiệm"
		          : "Các cơ quan, đơn vị thực hiện trễ hạn nghiêm túc rút kinh nghiệm");
	van_ban_t(&c->v, 0, ", bảo đảm đúng thời hạn quy định.");
	van_ban_par(&c->v, 0);
}

static void S_ket_luan(S_C *c)
{
	const Model *m = c->v.m;
	van_ban_kind(&c->v, DOC_PARA);
	van_ban_t(&c->v, 0, c->het_nam ? "Các cơ quan, đơn vị báo cáo nguyên nhân, giải pháp khắc phục và kết "
	          "quả thực hiện các nội dung trên về "
	          : "Các cơ quan, đơn vị báo cáo kết quả thực hiện các nội dung trên về ");
	buf_reset(&c->v.b);
	van_ban_ten_co_quan(&c->v.b, m);
	if (!c->v.b.len)
		buf_puts(&c->v.b, "……");
	doc_add_buf(&c->v.k.inl, 0, &c->v.b);
	van_ban_t(&c->v, 0, " trước ngày ");
	VAN_BAN_FMT(&c->v, DOC_BOLD, fmt_ngay(&c->v.b, c->han_gui));
	van_ban_t(&c->v, 0, " để tổng hợp./.");
	van_ban_par(&c->v, 0);
}

/* ---- the signature ---- */

static int S_la(const char *s, const char *prefix)
{
	char *f = doc_upper(s), *p = doc_upper(prefix);
	int r = strncmp(f, p, strlen(p)) == 0;
	free(f);
	free(p);
	return r;
}

static void S_chu_ky(S_C *c)
{
	const Model *m = c->v.m;
	const char *nn = model_conf(m, "noi_nhan_cong_van");
	if (!*nn)
		nn = model_conf(m, "noi_nhan");
	size_t n;
	char **cfg = van_ban_list(nn, &n);
	char **item = xcalloc(n + 3, sizeof *item);
	size_t k = 0;
	item[k++] = xstrdup("Như trên");
	const char *luu = NULL;
	for (size_t i = 0; i < n; i++) {
		if (S_la(cfg[i], "Như trên"))
			continue;
		if (S_la(cfg[i], "Lưu")) {
			luu = cfg[i];
			continue;
		}
		item[k++] = xstrdup(cfg[i]);
	}
	item[k++] = xstrdup(luu ? luu : "Lưu: VT, ……");
	van_ban_chu_ky(c->v.w, m, item, k);
	van_ban_list_free(item, k);
	van_ban_list_free(cfg, n);
}

/* ---- the appendix ---- */

enum { S_N = 6 };

/* The rows of unit u: first its unit cells (spanning n rows), then col
 * 2..5 as given. */
typedef struct {
	S_C *c;
	DocCell *r;
	size_t u, stt;
	int n, i; /* rows of the unit, rows sent */
} S_Rows;

static void S_rows_put(S_Rows *s, const char *what, const char *kq, const char *giao,
                       const char *yc)
{
	S_C *c = s->c;
	char so[24];
	snprintf(so, sizeof so, "%zu", s->stt);
	const char *ten = model_ten_don_vi(c->v.m, s->u);
	if (s->i == 0) {
		van_ban_cell(&s->r[0], so, 0, DOC_AL_CENTER);
		van_ban_cell(&s->r[1], ten, 0, DOC_AL_LEFT);
		s->r[0].rowspan = s->r[1].rowspan = s->n;
	} else {
		van_ban_cover(&s->r[0], so);
		van_ban_cover(&s->r[1], ten);
	}
	van_ban_cell(&s->r[2], what, 0, DOC_AL_LEFT);
	van_ban_cell(&s->r[3], kq, 0, DOC_AL_CENTER);
	van_ban_cell(&s->r[4], giao, 0, DOC_AL_CENTER);
	van_ban_cell(&s->r[5], yc, 0, DOC_AL_LEFT);
	van_ban_row(&c->v, S_N, s->r, 0);
	s->i++;
}

/* The rows unit u takes (see S_pl_don_vi). */
static int S_so_dong(const S_C *c, size_t u)
{
	const Model *m = c->v.m;
	int n = 0;
	if (!m->don_vi[u].co_so_lieu && (c->ly_do[u] & (CV_CHUA_BAO_CAO | CV_THIEU)))
		n++;
	int thieu = 0;
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		DanhGia dg = model_kq_don_vi(m, u, t)->dg;
		n += dg == DG_CHUA_DAT || (dg == DG_CHUA_BAO_CAO && m->don_vi[u].co_so_lieu);
		thieu |= dg != DG_CHUA_BAO_CAO && m->don_vi[u].co_so_lieu && S_thang_thieu(m, u, t);
	}
	n += thieu;
	for (size_t j = 0; j < m->han.n_kq; j++)
		n += S_tre_han(&m->han.kq[j]) && (size_t)m->han.kq[j].don_vi == u;
	return n;
}

static void S_pl_don_vi(S_C *c, S_Rows *s)
{
	const Model *m = c->v.m;
	size_t u = s->u;
	Buf what, kq, giao, yc;
	buf_init(&what);
	buf_init(&kq);
	buf_init(&giao);
	buf_init(&yc);
	char ngay[16];
	{
		Buf d;
		buf_init(&d);
		fmt_ngay(&d, c->han_gui);
		snprintf(ngay, sizeof ngay, "%s", d.ptr);
		buf_release(&d);
	}
	if (!m->don_vi[u].co_so_lieu && (c->ly_do[u] & (CV_CHUA_BAO_CAO | CV_THIEU))) {
		buf_reset(&yc);
		buf_printf(&yc, "Gửi số liệu trước ngày %s", ngay);
		S_rows_put(s, "Tất cả các chỉ tiêu áp dụng", "Chưa gửi số liệu", "–", yc.ptr);
	}
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		const ChiTieu *ct = &m->chi_tieu[t];
		const KetQua *k = model_kq_don_vi(m, u, t);
		if (k->dg != DG_CHUA_DAT && !(k->dg == DG_CHUA_BAO_CAO && m->don_vi[u].co_so_lieu))
			continue;
		buf_reset(&what);
		char nb[MODEL_TEN_NGAN_BUF];
		buf_printf(&what, "%d. %s", ct->stt, model_ten_ngan(ct, 0, nb));
		buf_reset(&kq);
		buf_reset(&giao);
		buf_reset(&yc);
		fmt_giao_chi_tieu(&giao, ct);
		if (strcmp(ct->don_vi_tinh, "%") == 0)
			buf_putc(&giao, '%');
		if (k->dg == DG_CHUA_BAO_CAO) {
			buf_puts(&kq, "Chưa báo cáo");
			buf_printf(&yc, "Gửi số liệu trước ngày %s", ngay);
		} else {
			fmt_so_lieu(&kq, k, ct);
			if (c->het_nam)
				buf_puts(&yc, "Làm rõ nguyên nhân, giải pháp khắc phục");
			else
				fmt_con_can(&yc, ct, k, m->cua_so.last_month, FMT_CC_GON);
		}
		S_rows_put(s, what.ptr, kq.ptr, giao.ptr, yc.ptr);
	}
	if (m->don_vi[u].co_so_lieu) {
		buf_reset(&what);
		buf_reset(&kq);
		/* the months missing of the targets it did report */
		unsigned any = 0;
		for (size_t t = 0; t < m->n_chi_tieu; t++)
			if (model_applies(m, u, t) && model_kq_don_vi(m, u, t)->dg != DG_CHUA_BAO_CAO)
				any |= S_thang_thieu(m, u, t);
		if (any) {
			Buf all;
			buf_init(&all);
			S_bao_cao_thieu(&all, m, u);
			/* only the missing months' phrase: the targets not reported
			 * have rows of their own */
			const char *p = strstr(all.ptr, "thiếu số liệu");
			buf_puts(&what, "Số liệu chưa đủ");
			buf_puts(&kq, p ? p : all.ptr);
			buf_reset(&yc);
			buf_printf(&yc, "Bổ sung số liệu trước ngày %s", ngay);
			S_rows_put(s, what.ptr, kq.ptr, "–", yc.ptr);
			buf_release(&all);
		}
	}
	for (size_t j = 0; j < m->han.n_kq; j++) {
		const HanKetQua *k = &m->han.kq[j];
		if (!S_tre_han(k) || (size_t)k->don_vi != u)
			continue;
		buf_reset(&what);
		fmt_viec_han(&what, m, k);
		buf_reset(&kq);
		buf_reset(&giao);
		buf_puts(&giao, "Hạn ");
		fmt_ngay(&giao, k->han);
		if (k->trang_thai == TT_QUA_HAN)
			buf_printf(&kq, "Quá hạn %d ngày làm việc, chưa thực hiện", k->so_ngay_tre);
		else {
			buf_printf(&kq, "Trễ hạn %d ngày làm việc", k->so_ngay_tre);
			buf_puts(&giao, ", thực hiện ");
			fmt_ngay(&giao, k->ngay_cong_bo);
		}
		S_rows_put(s, what.ptr, kq.ptr, giao.ptr,
		           k->trang_thai == TT_QUA_HAN ? "Khẩn trương hoàn thành"
		                                       : "Rút kinh nghiệm, bảo đảm đúng hạn");
	}
	buf_release(&what);
	buf_release(&kq);
	buf_release(&giao);
	buf_release(&yc);
}

static void S_phu_luc(S_C *c)
{
	const Model *m = c->v.m;
	Buf kem;
	buf_init(&kem);
	van_ban_kem_theo(&kem, m, "Công văn", c->so_pl);
	/* landscape: a row of the table on one line or two, not four */
	van_ban_kind(&c->v, DOC_APPENDIX);
	c->v.k.flags = DOC_F_LANDSCAPE;
	c->v.k.line[0] = "Phụ lục";
	c->v.k.line[1] = "DANH SÁCH CHỈ TIÊU CHƯA ĐẠT CỦA CÁC CƠ QUAN, ĐƠN VỊ";
	c->v.k.line[2] = kem.ptr;
	van_ban_put(&c->v);
	buf_release(&kem);

	van_ban_kind(&c->v, DOC_PARA);
	buf_reset(&c->v.b);
	buf_printf(&c->v.b, "Kết quả %s; ", c->ky_mid);
	if (c->het_nam)
		buf_puts(&c->v.b, "năm đã kết thúc: các chỉ tiêu chưa đạt là chỉ tiêu không hoàn thành "
		                 "trong năm.");
	else
		buf_puts(&c->v.b, "tỷ lệ cần đạt là tỷ lệ cho các tháng còn lại của năm để cả năm đạt chỉ "
		                 "tiêu, với số hồ sơ phát sinh mỗi tháng như bình quân từ đầu năm.");
	doc_add_buf(&c->v.k.inl, DOC_ITALIC, &c->v.b);
	van_ban_par(&c->v, DOC_F_NOINDENT);

	static const float w[S_N] = {7, 34, 55, 40, 34, 64};
	static const char *const head[S_N] = {"Stt", "Cơ quan, đơn vị", "Chỉ tiêu, nội dung",
	                                      "Kết quả", "Chỉ tiêu giao, thời hạn", NULL};
	DocCell h[S_N], r[S_N];
	memset(h, 0, sizeof h);
	memset(r, 0, sizeof r);
	for (size_t i = 0; i < S_N; i++)
		van_ban_cell(&h[i],
		             head[i] ? head[i]
		             : c->het_nam ? "Yêu cầu"
		             : "Tỷ lệ cần đạt trong thời gian còn lại, yêu cầu",
		             DOC_BOLD, DOC_AL_CENTER);
	van_ban_table(&c->v, S_N, w, h, 1, DOC_F_SPLIT);
	int g_cur = -1;
	size_t stt = 0;
	for (size_t i = 0; i < c->n; i++) {
		size_t u = (size_t)c->thu_tu[i];
		int g = m->don_vi[u].nhom;
		if (g != g_cur) {
			g_cur = g;
			van_ban_group_row(&c->v, S_N, r, m->nhom[g].ten);
		}
		S_Rows s = {c, r, u, ++stt, S_so_dong(c, u), 0};
		S_pl_don_vi(c, &s);
	}
	van_ban_table_end(&c->v);
	for (size_t i = 0; i < S_N; i++) {
		doc_inl_release(&h[i].inl);
		doc_inl_release(&r[i].inl);
	}
}

/* ---- the document ---- */

/* The appendix is needed: a group addressed as a whole, or a list of the
 * body longer than S_TOI_DA. */
static int S_can_phu_luc(const S_C *c)
{
	const Model *m = c->v.m;
	for (size_t g = 0; g < m->n_nhom; g++)
		if (S_dem_nhom(c, (int)g) > S_NHOM_TOI_DA)
			return 1;
	size_t n_cd = 0, n_dong = 0, n_bc = 0, n_tre = 0;
	for (size_t i = 0; i < c->n; i++) {
		size_t u = (size_t)c->thu_tu[i];
		for (size_t t = 0; t < m->n_chi_tieu; t++)
			n_dong += model_applies(m, u, t) && model_kq_don_vi(m, u, t)->dg == DG_CHUA_DAT;
		n_cd += (c->ly_do[u] & CV_CHUA_DAT) != 0;
		n_bc += (c->ly_do[u] & (CV_CHUA_BAO_CAO | CV_THIEU)) != 0;
	}
	for (size_t j = 0; j < m->han.n_kq; j++)
		n_tre += S_tre_han(&m->han.kq[j]);
	/* a unit's targets are sub-items: a page and a half of them at most */
	return n_cd > S_TOI_DA || n_dong > S_DONG_TOI_DA || n_bc > S_TOI_DA || n_tre > S_TOI_DA;
}

/* "thực hiện các chỉ tiêu cải cách thủ tục hành chính": trich_yeu without
 * its leading "Kết quả", lowered. */
static void S_chu_de(Buf *b, const Model *m)
{
	const char *ty = model_conf(m, "trich_yeu");
	if (!*ty) {
		buf_puts(b, "thực hiện các chỉ tiêu được giao");
		return;
	}
	if (S_la(ty, "Kết quả "))
		ty += strlen("Kết quả ");
	S_thuong(b, ty);
}

void cong_van_build(const Model *m, DocWriter *w)
{
	S_C c;
	memset(&c, 0, sizeof c);
	van_ban_init(&c.v, m, w, 0);
	c.ly_do = xcalloc(m->n_don_vi + 1, sizeof *c.ly_do);
	c.n = cong_van_ly_do(m, c.ly_do);
	c.thu_tu = xcalloc(c.n + 1, sizeof *c.thu_tu);
	{
		size_t k = 0;
		for (size_t g = 0; g < m->n_nhom; g++)
			for (size_t u = 0; u < m->n_don_vi; u++)
				if (c.ly_do[u] && m->don_vi[u].nhom == (int)g)
					c.thu_tu[k++] = (int)u;
		c.n = k;
	}
	c.het_nam = m->cua_so.last_month >= 12;
	c.han_gui = cong_van_han_gui(m);
	c.ky_mid = van_ban_ky(m, 1);
	c.phu_luc = S_can_phu_luc(&c);

	/* the number: so_cong_van is "1234/UBND-KSTT", "/UBND-KSTT" or the
	 * symbol alone, "UBND-KSTT" */
	const char *scv = model_conf(m, "so_cong_van");
	const char *slash = strchr(scv, '/');
	char *so = slash ? xstrndup(scv, (size_t)(slash - scv)) : xstrdup("");
	const char *kh = slash ? slash + 1 : scv;
	Buf so_line, vv;
	buf_init(&so_line);
	buf_init(&vv);
	van_ban_so(&so_line, "Số:", so, kh, "UBND-       ");
	buf_reset(&c.v.b);
	van_ban_so(&c.v.b, "số", so, kh, "UBND-       ");
	c.so_pl = buf_detach(&c.v.b, NULL);
	buf_puts(&vv, "V/v đôn đốc ");
	S_chu_de(&vv, m);
	buf_printf(&vv, " năm %d", m->cua_so.year);

	/* the PDF's properties; the provisional mark on every page */
	{
		char *title = xasprintf("Công văn %s", vv.ptr + strlen("V/v "));
		buf_reset(&c.v.b);
		van_ban_ten_co_quan(&c.v.b, m);
		char *author = buf_detach(&c.v.b, NULL);
		char ky[16];
		ky_format(m->cua_so.ky, ky);
		char *kw = xasprintf("Công văn đôn đốc; %s", ky);
		Buf head;
		buf_init(&head);
		if (m->n_thieu)
			fmt_tam_tinh(&head, m->n_thieu, 1);
		van_ban_kind(&c.v, DOC_META);
		c.v.k.line[0] = title;
		c.v.k.line[1] = vv.ptr;
		c.v.k.line[2] = author;
		c.v.k.line[3] = kw;
		c.v.k.line[4] = head.len ? head.ptr : NULL;
		van_ban_put(&c.v);
		buf_release(&head);
		free(title);
		free(author);
		free(kw);
	}
	van_ban_header(w, m, so_line.ptr, vv.ptr);
	S_kinh_gui(&c);
	S_can_cu(&c);
	int so_muc = 0;
	size_t n_cd = 0, n_bc = 0;
	for (size_t u = 0; u < m->n_don_vi; u++) {
		n_cd += (c.ly_do[u] & CV_CHUA_DAT) != 0;
		n_bc += (c.ly_do[u] & (CV_CHUA_BAO_CAO | CV_THIEU)) != 0;
	}
	if (n_cd)
		S_muc_chua_dat(&c, ++so_muc);
	if (n_bc)
		S_muc_bao_cao(&c, ++so_muc);
	size_t n_tre = 0;
	for (size_t j = 0; j < m->han.n_kq; j++)
		n_tre += S_tre_han(&m->han.kq[j]);
	if (n_tre)
		S_muc_tre_han(&c, ++so_muc);
	S_ket_luan(&c);
	S_chu_ky(&c);
	if (c.phu_luc)
		S_phu_luc(&c);
	van_ban_kind(&c.v, DOC_END);
	van_ban_put(&c.v);

	free(so);
	buf_release(&so_line);
	buf_release(&vv);
	van_ban_release(&c.v);
	free(c.ly_do);
	free(c.thu_tu);
	free(c.ky_mid);
	free(c.so_pl);
}
