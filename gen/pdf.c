/* pdf: the quarterly report bao-cao.pdf, laid out as Decree 30/2020/NĐ-CP
 * lays out an administrative report.
 *
 * Order, as SPEC fixes it ("the official appendix table with the
 * results, then the detail"): the header block and a short summary, then
 * the appendix table on landscape pages, then the detail in portrait (one
 * section per target, the deadline tasks), the signature and "Nơi nhận",
 * and the colophon (cut-off, one SHA-256 of the input list, the version).
 * Everything is drawn through layout.h; numbers only through fmt.h.
 *
 * Choices where the contract is silent:
 *   - the table is part of the report's body, so its pages carry on the
 *     report's page numbers (an appendix filed at the end would restart);
 *   - a merged "Căn cứ thực hiện" cell whose rows cannot stay on one page
 *     is drawn again on the next page, its text prefixed "(tiếp)";
 *   - a unit figure on a denominator under 5 is flagged "(*) mẫu số nhỏ";
 *   - a blank `ngay` prints "ngày ... tháng ... năm <year>", the year
 *     after the report's year when the window is the whole year (a
 *     year-end report is signed in January);
 *   - the period words are lower-cased inside a sentence ("... năm 2024"). */
#include "pdf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "chart.h"
#include "fmt.h"
#include "han.h"
#include "layout.h"
#include "xalloc.h"

#ifndef CHITIEU_VERSION
#define CHITIEU_VERSION "dev"
#endif

#define S_BODY 13.0f      /* body text, pt (the decree: 13-14) */
#define S_SMALL 11.0f     /* lists and the table */
#define S_TINY 8.0f       /* the colophon */
#define S_INDENT LO_MM(10)
#define S_GAP 6.0f        /* space after a paragraph */
/* A denominator under this is flagged: its rate swings by 20 points or
 * more with one case. */
#define S_MAU_NHO 5

typedef struct {
	const Model *m;
	LoDoc d;
	const char *charts;
	Buf b;           /* scratch */
	char *ky_words;  /* "6 tháng đầu năm 2024", "Năm 2024" */
	char *ky_mid;    /* the same inside a sentence: "năm 2024" */
} S_Ctx;

/* Upper case of the Vietnamese letters (Latin-1, Latin Extended-A and -B
 * as Vietnamese uses them, Latin Extended Additional); other characters
 * pass through.  The decree prints the bodies' names in capitals whatever
 * case the clerk typed. */
static char *S_upper(const char *s)
{
	Buf b;
	buf_init(&b);
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t c;
		size_t len;
		if (p[0] < 0x80) {
			c = p[0];
			len = 1;
		} else if ((p[0] & 0xE0) == 0xC0 && p[1]) {
			c = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
			len = 2;
		} else if ((p[0] & 0xF0) == 0xE0 && p[1] && p[2]) {
			c = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
			    (p[2] & 0x3F);
			len = 3;
		} else {
			/* anything else is copied as it is (lo_clean judges it) */
			buf_putc(&b, *p++);
			continue;
		}
		uint32_t u = c;
		if (c >= 'a' && c <= 'z')
			u = c - 32;
		else if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
			u = c - 32;
		else if (c >= 0x100 && c <= 0x137 && (c & 1))
			u = c - 1;
		else if (c == 0x1A1 || c == 0x1B0)
			u = c == 0x1A1 ? 0x1A0 : 0x1AF; /* ơ ư */
		else if (c >= 0x168 && c <= 0x177 && (c & 1))
			u = c - 1;
		else if (c >= 0x1EA0 && c <= 0x1EF9 && (c & 1))
			u = c - 1;
		if (u == c) {
			buf_add(&b, p, len);
		} else if (u < 0x80) {
			buf_putc(&b, (int)u);
		} else if (u < 0x800) {
			buf_putc(&b, (int)(0xC0 | (u >> 6)));
			buf_putc(&b, (int)(0x80 | (u & 0x3F)));
		} else {
			buf_putc(&b, (int)(0xE0 | (u >> 12)));
			buf_putc(&b, (int)(0x80 | ((u >> 6) & 0x3F)));
			buf_putc(&b, (int)(0x80 | (u & 0x3F)));
		}
		p += len;
	}
	return buf_detach(&b, NULL);
}

/* The text area of the current page. */
static float S_w(const S_Ctx *c)
{
	return c->d.x1 - c->d.x0;
}

/* "Hưng Yên, ngày 05 tháng 02 năm 2024" */
static void S_date_line(Buf *b, const Model *m)
{
	const char *place = model_conf(m, "dia_danh");
	buf_printf(b, "%s, ", *place ? place : "..........");
	fmt_ngay_van_ban(b, m, "     ");
}

/* "Số:        /BC-UBND" (or "số" inside a sentence) */
static void S_so(Buf *b, const Model *m, const char *word)
{
	const char *so = model_conf(m, "so");
	const char *kh = model_conf(m, "ky_hieu");
	buf_printf(b, "%s %s/%s", word, *so ? so : "         ", *kh ? kh : "BC-       ");
}

static void S_header(S_Ctx *c)
{
	LoDoc *d = &c->d;
	const Model *m = c->m;
	/* two columns inside the margins, the right one wide enough for the
	 * national title at 12-13 pt */
	float left_w = LO_MM(70), gap = LO_MM(2);
	float lx = d->x0;
	float rx = d->x0 + left_w + gap, rw = d->x1 - rx;
	float top = d->y;

	/* left: the issuing body */
	char *cqcq = S_upper(model_conf(m, "co_quan_chu_quan"));
	char *cq = S_upper(model_conf(m, "co_quan"));
	float y = top;
	float L = lo_leading(S_BODY);
	/* a blank line keeps its room: the clerk writes it in */
	y = *cqcq ? lo_text_box(d, FONT_REGULAR, 12.5f, lx, y, left_w, LO_CENTER, cqcq)
	          : y - lo_leading(12.5f);
	float yc = *cq ? lo_text_box(d, FONT_BOLD, 12.5f, lx, y, left_w, LO_CENTER, cq)
	               : y - lo_leading(12.5f);
	float cqw = lo_width(d, FONT_BOLD, 12.5f, cq);
	float rule = cqw > 0 && cqw < left_w ? cqw / 3 : left_w / 4;
	lo_rule(d, lx + (left_w - rule) / 2, lx + (left_w + rule) / 2, yc - 1.5f, 0.6f);
	buf_reset(&c->b);
	S_so(&c->b, m, "Số:");
	float yl = lo_text_box(d, FONT_REGULAR, S_BODY, lx, yc - L * 0.6f, left_w, LO_CENTER,
	                       c->b.ptr);
	free(cqcq);
	free(cq);

	/* right: the national title and the motto */
	const char *qh = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
	float qs = 13;
	while (qs > 9 && lo_width(d, FONT_BOLD, qs, qh) > rw)
		qs -= 0.25f;
	float yr = lo_text_box(d, FONT_BOLD, qs, rx, top, rw, LO_CENTER, qh);
	const char *motto = "Độc lập - Tự do - Hạnh phúc";
	yr = lo_text_box(d, FONT_BOLD, S_BODY, rx, yr, rw, LO_CENTER, motto);
	float mw = lo_width(d, FONT_BOLD, S_BODY, motto);
	lo_rule(d, rx + (rw - mw) / 2, rx + (rw + mw) / 2, yr - 1.5f, 0.6f);
	buf_reset(&c->b);
	S_date_line(&c->b, m);
	yr = lo_text_box(d, FONT_ITALIC, S_BODY, rx, yr - L * 0.6f, rw, LO_CENTER, c->b.ptr);

	d->y = (yl < yr ? yl : yr) - L;

	/* the document type, the summary line with the period, a short rule */
	const char *loai = model_conf(m, "loai_van_ban");
	char *lv = S_upper(*loai ? loai : "BÁO CÁO");
	lo_paragraph(d, FONT_BOLD, 14, d->x0, S_w(c), LO_CENTER, 0, 0, lv);
	free(lv);
	buf_reset(&c->b);
	const char *ty = model_conf(m, "trich_yeu");
	buf_printf(&c->b, "%s%s%s", ty, *ty ? " " : "", *ty ? c->ky_mid : c->ky_words);
	lo_paragraph(d, FONT_BOLD, 14, d->x0 + LO_MM(10), S_w(c) - LO_MM(20), LO_CENTER, 0, 0,
	             c->b.ptr);
	lo_rule(d, d->x0 + S_w(c) / 2 - LO_MM(15), d->x0 + S_w(c) / 2 + LO_MM(15), d->y - 5, 0.6f);
	d->y -= 12;
	const char *note = model_conf(m, "ghi_chu_du_lieu");
	if (*note)
		lo_paragraph(d, FONT_ITALIC, S_SMALL, d->x0, S_w(c), LO_CENTER, 0, 0, note);
	d->y -= L * 0.5f;
}

/* ---- the body ---- */

static void S_par(S_Ctx *c, FontStyle st, const char *s)
{
	lo_paragraph(&c->d, st, S_BODY, c->d.x0, S_w(c), LO_JUSTIFY, S_INDENT, S_GAP, s);
}

/* A heading kept with what follows it (some room under it). */
static void S_heading(S_Ctx *c, const char *s)
{
	lo_need(&c->d, lo_leading(S_BODY) * 4);
	lo_paragraph(&c->d, FONT_BOLD, S_BODY, c->d.x0, S_w(c), LO_LEFT, S_INDENT, S_GAP, s);
}

/* "80,50 % (161/200)", "không phát sinh (0/0)", "chưa báo cáo" */
static void S_figure(Buf *b, const ChiTieu *t, const KetQua *k)
{
	if (k->dg == DG_CHUA_BAO_CAO) {
		buf_puts(b, "chưa báo cáo");
		return;
	}
	if (k->d == 0) {
		buf_puts(b, "không phát sinh (0/0)");
		return;
	}
	fmt_ty_le(b, k->n, k->d, t);
	buf_puts(b, "% (");
	fmt_int(b, k->n);
	buf_putc(b, '/');
	fmt_int(b, k->d);
	buf_putc(b, ')');
}

/* "6 tháng đầu năm 2024 toàn tỉnh đạt 7/10 chỉ tiêu; chưa đạt 3 ..." */
static void S_summary(S_Ctx *c)
{
	const Model *m = c->m;
	int dem[4] = {0, 0, 0, 0};
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		dem[m->kq_tinh[t].dg]++;
	S_heading(c, "I. KẾT QUẢ CHUNG");
	Buf *b = &c->b;
	buf_reset(b);
	const char *tinh = model_conf(m, "ten_tinh");
	buf_printf(b, "Kết quả %s: %s đạt %d/%zu chỉ tiêu được giao", c->ky_mid,
	           *tinh ? tinh : "toàn tỉnh", dem[DG_DAT], m->n_chi_tieu);
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
		buf_printf(b, "; %s %d chỉ tiêu (", kinds[k].words, dem[kinds[k].dg]);
		int first = 1;
		for (size_t t = 0; t < m->n_chi_tieu; t++)
			if (m->kq_tinh[t].dg == kinds[k].dg) {
				buf_printf(b, "%sSTT %d", first ? "" : ", ", m->chi_tieu[t].stt);
				first = 0;
			}
		buf_putc(b, ')');
	}
	buf_putc(b, '.');
	S_par(c, FONT_REGULAR, b->ptr);

	buf_reset(b);
	/* the latest period in words, as the rest of the sentence: a clerk
	 * does not read "2024-Q2" */
	Ky moi = m->cua_so.moi_nhat;
	static const char *const la_ma[] = {"I", "II", "III", "IV"};
	char ky[48];
	if (moi.kind == 'Q' && moi.n >= 1 && moi.n <= 4)
		snprintf(ky, sizeof ky, "quý %s năm %d", la_ma[moi.n - 1], moi.year);
	else
		snprintf(ky, sizeof ky, "tháng %d năm %d", moi.n, moi.year);
	buf_printf(b, "Các chỉ tiêu được đánh giá trên số liệu cộng dồn từ đầu năm "
	              "(tử số/mẫu số của tất cả các kỳ trong %s); số liệu mới nhất: %s. "
	              "Tỷ lệ của đơn vị có mẫu số nhỏ hơn %d được đánh dấu (*): "
	              "một hồ sơ làm tỷ lệ thay đổi nhiều, cần đọc thận trọng.",
	           c->ky_mid, ky, S_MAU_NHO);
	S_par(c, FONT_REGULAR, b->ptr);
}

/* The notes a unit gave with its figures of target t in the window:
 * "Th3: Hệ thống gián đoạn; ...". */
static void S_notes(Buf *b, const Model *m, size_t u, size_t t)
{
	size_t lo = model_so_lieu_dau(m, u, t);
	for (size_t i = lo; i < m->n_so_lieu; i++) {
		const SoLieu *r = &m->so_lieu[i];
		if ((size_t)r->don_vi != u || (size_t)r->chi_tieu != t)
			break;
		if (!r->ghi_chu || !*r->ghi_chu || r->ky.year != m->cua_so.year ||
		    ky_last_month(r->ky) > m->cua_so.last_month)
			continue;
		/* "Th3: ..." / "Quý I: ...", as the site prints them */
		if (b->len)
			buf_puts(b, "; ");
		fmt_buoc(b, r->ky);
		buf_printf(b, ": %s", r->ghi_chu);
	}
}

/* Body rows flowed at a time (lo_table_flow_batch): a table's memory is
 * that of a batch, whatever the number of units. */
#define S_BATCH 256

/* Flows tb's rows so far (a batch, or the rest when batch is 0) at
 * indent from the text's left edge; 1 when they were drawn and their
 * texts may go. */
static int S_flow(S_Ctx *c, LoTable *tb, float indent, int batch)
{
	float x0 = c->d.x0;
	c->d.x0 += indent;
	int done = 1;
	if (batch)
		done = lo_table_flow_batch(&c->d, tb, NULL);
	else
		lo_table_flow(&c->d, tb, NULL);
	c->d.x0 = x0;
	return done;
}

/* Frees texts [0, *n) of own. */
static void S_free_own(char **own, size_t *n)
{
	for (size_t i = 0; i < *n; i++)
		free(own[i]);
	*n = 0;
}

/* The units of target t judged dg, as a table: Stt, unit, rate,
 * numerator / denominator, notes (tiny denominators flagged). */
static void S_unit_table(S_Ctx *c, size_t t, DanhGia dg)
{
	const Model *m = c->m;
	const ChiTieu *ct = &m->chi_tieu[t];
	static const float w0[] = {6, 38, 12, 24, 30};
	float w[5];
	for (size_t i = 0; i < 5; i++)
		w[i] = w0[i] * (S_w(c) - S_INDENT) / 110.0f;
	LoTable tb;
	lo_table_init(&tb, 5, w);
	tb.size = S_SMALL;
	tb.pad = 2.5f;
	size_t h = lo_table_row(&tb);
	static const char *const head[] = {"Stt", "Đơn vị", "Tỷ lệ (%)", "Tử số / mẫu số",
	                                   "Ghi chú"};
	for (size_t i = 0; i < 5; i++) {
		LoCell *cell = lo_table_set(&tb, h, i, head[i], 1, 1);
		cell->style = FONT_BOLD;
		cell->align = LO_CENTER;
	}
	tb.n_head = 1;
	char **own = NULL;
	size_t n_own = 0, cap = 0, k = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = (size_t)m->thu_tu_don_vi[i];
		if (!model_applies(m, u, t))
			continue;
		const KetQua *ku = model_kq_don_vi(m, u, t);
		if (ku->dg != dg)
			continue;
		own = xgrow(own, &cap, n_own + 4, sizeof *own);
		size_t r = lo_table_row(&tb);
		own[n_own] = xasprintf("%zu", ++k);
		lo_table_set(&tb, r, 0, own[n_own++], 1, 1)->align = LO_CENTER;
		lo_table_set(&tb, r, 1, m->don_vi[u].ten, 1, 1);
		Buf *b = &c->b;
		buf_reset(b);
		if (ku->d > 0)
			fmt_ty_le(b, ku->n, ku->d, ct);
		own[n_own] = buf_detach(b, NULL);
		lo_table_set(&tb, r, 2, own[n_own++], 1, 1)->align = LO_RIGHT;
		if (ku->dg != DG_CHUA_BAO_CAO) {
			fmt_int(b, ku->n);
			buf_puts(b, " / ");
			fmt_int(b, ku->d);
		}
		own[n_own] = buf_detach(b, NULL);
		lo_table_set(&tb, r, 3, own[n_own++], 1, 1)->align = LO_RIGHT;
		if (ku->d > 0 && ku->d < S_MAU_NHO)
			buf_printf(b, "(*) mẫu số nhỏ (dưới %d)", S_MAU_NHO);
		S_notes(b, m, u, t);
		own[n_own] = buf_detach(b, NULL);
		lo_table_set(&tb, r, 4, own[n_own++], 1, 1);
		/* the table sits under the indented list */
		if (k % S_BATCH == 0 && S_flow(c, &tb, S_INDENT, 1))
			S_free_own(own, &n_own);
	}
	S_flow(c, &tb, S_INDENT, 0);
	c->d.y -= S_GAP;
	lo_table_release(&tb);
	S_free_own(own, &n_own);
	free(own);
}

static void S_target(S_Ctx *c, size_t t)
{
	const Model *m = c->m;
	const ChiTieu *ct = &m->chi_tieu[t];
	const KetQua *k = &m->kq_tinh[t];
	Buf *b = &c->b;
	/* the heading, the figures and the chart go on one page */
	size_t n_g = 0;
	for (size_t g = 0; g < m->n_nhom; g++)
		n_g += ct->ap_dung[g] != 0;
	buf_reset(b);
	buf_printf(b, "%d. %s", ct->stt, ct->ten);
	float keep = lo_text_height(&c->d, FONT_BOLD, S_BODY, S_w(c) - S_INDENT, b->ptr) +
	             lo_leading(S_BODY) * 3 + lo_leading(S_SMALL + 1) * (float)n_g + 3 * S_GAP;
	if (c->charts) {
		char *png = xasprintf("%s/chi-tieu-%d.png", c->charts, ct->stt);
		if (access(png, R_OK) == 0)
			keep += LO_MM(CHART_CHI_TIEU_H_MM);
		free(png);
	}
	if (keep < c->d.y_top - c->d.y_bottom)
		lo_need(&c->d, keep);
	buf_reset(b);
	buf_printf(b, "%d. %s", ct->stt, ct->ten);
	S_heading(c, b->ptr);

	buf_reset(b);
	buf_puts(b, "Chỉ tiêu giao: ");
	fmt_giao_chi_tieu(b, ct);
	if (*ct->don_vi_tinh && strcmp(ct->don_vi_tinh, "%") != 0)
		buf_printf(b, " (%s)", ct->don_vi_tinh);
	buf_puts(b, ". Kết quả toàn tỉnh: ");
	S_figure(b, ct, k);
	buf_printf(b, " — %s", fmt_danh_gia(k->dg));
	if (k->so_dv_danh_gia)
		buf_printf(b, "; %d/%d đơn vị được đánh giá đạt", k->so_dv_dat, k->so_dv_danh_gia);
	buf_putc(b, '.');
	S_par(c, FONT_REGULAR, b->ptr);

	/* each group the target applies to; a list's last item ends with a
	 * full stop (Decree 30's enumerations) */
	size_t last_g = 0;
	for (size_t g = 0; g < m->n_nhom; g++)
		if (ct->ap_dung[g])
			last_g = g;
	for (size_t g = 0; g < m->n_nhom; g++) {
		if (!ct->ap_dung[g])
			continue;
		const KetQua *kg = model_kq_nhom(m, g, t);
		buf_reset(b);
		buf_printf(b, "- %s: ", m->nhom[g].ten);
		S_figure(b, ct, kg);
		buf_printf(b, ", %s", fmt_danh_gia(kg->dg));
		if (kg->so_dv_danh_gia)
			buf_printf(b, "; %d/%d đơn vị đạt", kg->so_dv_dat, kg->so_dv_danh_gia);
		buf_putc(b, g == last_g ? '.' : ';');
		lo_paragraph(&c->d, FONT_REGULAR, S_SMALL + 1, c->d.x0 + S_INDENT,
		             S_w(c) - S_INDENT, LO_LEFT, 0, 1, b->ptr);
	}
	c->d.y -= 4;

	/* the trend chart; a missing file leaves no space */
	if (c->charts) {
		char *png = xasprintf("%s/chi-tieu-%d.png", c->charts, ct->stt);
		/* at the size chart.c drew it for, when the page is wide enough */
		float w = LO_MM(CHART_CHI_TIEU_W_MM), maxh = LO_MM(CHART_CHI_TIEU_H_MM);
		if (w > S_w(c))
			w = S_w(c);
		lo_need(&c->d, maxh + 4);
		float h = lo_png(&c->d, png, c->d.x0 + (S_w(c) - w) / 2, c->d.y, w, maxh);
		if (h > 0)
			c->d.y -= h + 6;
		free(png);
	}

	/* units that did not meet it, then units that did not report */
	size_t n_cd = 0, n_cbc = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = (size_t)m->thu_tu_don_vi[i];
		if (!model_applies(m, u, t))
			continue;
		DanhGia dg = model_kq_don_vi(m, u, t)->dg;
		n_cd += dg == DG_CHUA_DAT;
		n_cbc += dg == DG_CHUA_BAO_CAO;
	}
	if (n_cd) {
		buf_reset(b);
		buf_printf(b, "Đơn vị chưa đạt (%zu):", n_cd);
		lo_need(&c->d, lo_leading(S_BODY) * 4);
		S_par(c, FONT_ITALIC, b->ptr);
		S_unit_table(c, t, DG_CHUA_DAT);
	} else if (k->so_dv_danh_gia) {
		S_par(c, FONT_ITALIC, "Tất cả các đơn vị được đánh giá đều đạt.");
	}
	/* units that met it on a tiny denominator are flagged too */
	buf_reset(b);
	size_t n_nho = 0;
	for (size_t i = 0; i < m->n_don_vi; i++) {
		size_t u = (size_t)m->thu_tu_don_vi[i];
		if (!model_applies(m, u, t))
			continue;
		const KetQua *ku = model_kq_don_vi(m, u, t);
		if (ku->dg != DG_DAT || ku->d >= S_MAU_NHO)
			continue;
		buf_printf(b, "%s%s ", n_nho ? "; " : "", m->don_vi[u].ten);
		S_figure(b, ct, ku);
		n_nho++;
	}
	if (n_nho) {
		char *list = buf_detach(b, NULL);
		buf_printf(b, "Đơn vị đạt với mẫu số nhỏ (dưới %d) (*): %s.", S_MAU_NHO, list);
		free(list);
		S_par(c, FONT_REGULAR, b->ptr);
	}
	if (n_cbc) {
		buf_reset(b);
		buf_printf(b, "Đơn vị chưa báo cáo (%zu): ", n_cbc);
		size_t j = 0;
		for (size_t i = 0; i < m->n_don_vi; i++) {
			size_t u = (size_t)m->thu_tu_don_vi[i];
			if (model_applies(m, u, t) && model_kq_don_vi(m, u, t)->dg == DG_CHUA_BAO_CAO)
				buf_printf(b, "%s%s", j++ ? ", " : "", m->don_vi[u].ten);
		}
		buf_putc(b, '.');
		S_par(c, FONT_REGULAR, b->ptr);
	}
	c->d.y -= S_GAP;
}

static void S_han_line(S_Ctx *c, const char *what, const HanDem *h, int last)
{
	if (!h->tong)
		return;
	Buf *b = &c->b;
	buf_reset(b);
	buf_printf(b, "- %s: %d/%d đúng hạn", what, h->dung_han, h->tong);
	if (h->tre_han)
		buf_printf(b, "; %d trễ hạn (chậm nhất %d ngày làm việc)", h->tre_han, h->tre_max);
	if (h->qua_han)
		buf_printf(b, "; %d quá hạn chưa thực hiện (quá nhiều nhất %d ngày làm việc)",
		           h->qua_han, h->qua_max);
	if (h->chua_den_han)
		buf_printf(b, "; %d chưa đến hạn", h->chua_den_han);
	buf_putc(b, last ? '.' : ';');
	lo_paragraph(&c->d, FONT_REGULAR, S_BODY, c->d.x0 + S_INDENT, S_w(c) - S_INDENT, LO_LEFT,
	             0, 2, b->ptr);
}

/* === The deadline tasks (han.h: cong-bo.csv, moc.csv) ===
 * Their own section of the body; the detail per step is in han.csv and
 * on the site. */
static void S_han(S_Ctx *c)
{
	const Model *m = c->m;
	if (!m->han.co)
		return;
	S_heading(c, "III. CÔNG BỐ THỦ TỤC HÀNH CHÍNH VÀ CÁC MỐC THỜI HẠN");
	HanTomTat tt;
	han_tom_tat(m, -1, &tt);
	Buf *b = &c->b;
	buf_reset(b);
	buf_printf(b, "Thời hạn công bố tính theo ngày làm việc kể từ ngày quyết định công bố "
	              "của bộ, ngành: danh mục TTHC trong %d ngày, quy trình nội bộ trong %d ngày.",
	           m->han.han_danh_muc, m->han.han_quy_trinh);
	S_par(c, FONT_REGULAR, b->ptr);
	S_han_line(c, "Công bố danh mục TTHC", &tt.danh_muc, !tt.quy_trinh.tong && !tt.moc.tong);
	S_han_line(c, "Công bố quy trình nội bộ", &tt.quy_trinh, !tt.moc.tong);
	S_han_line(c, "Các mốc thời hạn", &tt.moc, 1);
	/* the late and overdue steps, worst first */
	size_t n = 0;
	size_t *ix = xmalloc((m->han.n_kq + 1) * sizeof *ix);
	for (size_t i = 0; i < m->han.n_kq; i++)
		if (m->han.kq[i].trang_thai == TT_TRE_HAN || m->han.kq[i].trang_thai == TT_QUA_HAN)
			ix[n++] = i;
	/* most working days late first, then the order of han.csv (a stable
	 * insertion sort: the lists are short) */
	for (size_t i = 1; i < n; i++) {
		size_t v = ix[i], j = i;
		while (j > 0 && m->han.kq[ix[j - 1]].so_ngay_tre < m->han.kq[v].so_ngay_tre) {
			ix[j] = ix[j - 1];
			j--;
		}
		ix[j] = v;
	}
	if (n) {
		buf_reset(b);
		buf_printf(b, "Các việc trễ hạn hoặc quá hạn (%zu):", n);
		lo_need(&c->d, lo_leading(S_BODY) * 4);
		S_par(c, FONT_ITALIC, b->ptr);
		static const float w0[] = {5, 24, 37, 14, 14, 16};
		float w[6];
		for (size_t i = 0; i < 6; i++)
			w[i] = w0[i] * S_w(c) / 110.0f;
		LoTable tb;
		lo_table_init(&tb, 6, w);
		tb.size = S_SMALL;
		tb.pad = 2.5f;
		size_t h = lo_table_row(&tb);
		static const char *const head[] = {"Stt", "Đơn vị", "Việc phải làm", "Hạn",
		                                   "Ngày thực hiện", "Tình trạng (ngày làm việc)"};
		for (size_t i = 0; i < 6; i++) {
			LoCell *cell = lo_table_set(&tb, h, i, head[i], 1, 1);
			cell->style = FONT_BOLD;
			cell->align = LO_CENTER;
		}
		tb.n_head = 1;
		char **own = NULL;
		size_t n_own = 0, cap = 0;
		for (size_t j = 0; j < n; j++) {
			const HanKetQua *k = &m->han.kq[ix[j]];
			own = xgrow(own, &cap, n_own + 5, sizeof *own);
			size_t r = lo_table_row(&tb);
			own[n_own] = xasprintf("%zu", j + 1);
			lo_table_set(&tb, r, 0, own[n_own++], 1, 1)->align = LO_CENTER;
			lo_table_set(&tb, r, 1,
			             k->don_vi >= 0 && (size_t)k->don_vi < m->n_don_vi
			                 ? m->don_vi[k->don_vi].ten
			                 : "",
			             1, 1);
			buf_reset(b);
			if (strcmp(k->buoc, "danh_muc") == 0)
				buf_printf(b, "Công bố danh mục TTHC theo Quyết định %s", k->so_quyet_dinh);
			else if (strcmp(k->buoc, "quy_trinh") == 0)
				buf_printf(b, "Công bố quy trình nội bộ theo Quyết định %s",
				           k->so_quyet_dinh);
			else {
				const char *ten = k->buoc;
				for (size_t q = 0; q < m->han.n_moc; q++)
					if (strcmp(m->han.moc[q].ma, k->buoc) == 0)
						ten = m->han.moc[q].ten;
				buf_puts(b, ten);
			}
			own[n_own] = buf_detach(b, NULL);
			lo_table_set(&tb, r, 2, own[n_own++], 1, 1);
			fmt_ngay(b, k->han);
			own[n_own] = buf_detach(b, NULL);
			lo_table_set(&tb, r, 3, own[n_own++], 1, 1)->align = LO_CENTER;
			if (k->ngay_cong_bo >= 0)
				fmt_ngay(b, k->ngay_cong_bo);
			else
				buf_puts(b, "chưa thực hiện");
			own[n_own] = buf_detach(b, NULL);
			lo_table_set(&tb, r, 4, own[n_own++], 1, 1)->align = LO_CENTER;
			buf_printf(b, "%s %d", han_trang_thai_ten(k->trang_thai), k->so_ngay_tre);
			own[n_own] = buf_detach(b, NULL);
			lo_table_set(&tb, r, 5, own[n_own++], 1, 1)->align = LO_CENTER;
			if ((j + 1) % S_BATCH == 0 && S_flow(c, &tb, 0, 1))
				S_free_own(own, &n_own);
		}
		S_flow(c, &tb, 0, 0);
		lo_table_release(&tb);
		S_free_own(own, &n_own);
		free(own);
	}
	free(ix);
	c->d.y -= S_GAP;
}

/* "Nơi nhận" on the left, the signature on the right, side by side. */
static void S_signature(S_Ctx *c)
{
	LoDoc *d = &c->d;
	const Model *m = c->m;
	float L = lo_leading(S_BODY);
	/* the recipients */
	const char *nn = model_conf(m, "noi_nhan");
	char **item = NULL;
	size_t n_item = 0, cap = 0;
	for (const char *p = nn; *nn;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		while (len && (*p == ' '))
			p++, len--;
		while (len && p[len - 1] == ' ')
			len--;
		if (len) {
			item = xgrow(item, &cap, n_item + 1, sizeof *item);
			item[n_item++] = xstrndup(p, len);
		}
		if (!bar)
			break;
		p = bar + 1;
	}
	float lw = S_w(c) * 0.45f, rx = d->x0 + S_w(c) * 0.45f, rw = S_w(c) * 0.55f;
	float need_l = L + (float)n_item * lo_leading(11) + 4;
	float need_r = L * 4 + LO_MM(25);
	lo_need(d, need_l > need_r ? need_l : need_r);
	float top = d->y - L * 0.5f;

	float yl = lo_text_box(d, FONT_BOLD_ITALIC, 12, d->x0, top, lw, LO_LEFT, "Nơi nhận:");
	for (size_t i = 0; i < n_item; i++) {
		Buf *b = &c->b;
		buf_reset(b);
		buf_printf(b, "- %s%s", item[i], i + 1 == n_item ? "." : ";");
		yl = lo_text_box(d, FONT_REGULAR, 11, d->x0, yl, lw, LO_LEFT, b->ptr);
		free(item[i]);
	}
	free(item);

	float yr = top;
	static const char *const keys[] = {"ky_tm", "ky_kt", "ky_chuc_vu"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = model_conf(m, keys[i]);
		if (*v) {
			char *up = S_upper(v);
			yr = lo_text_box(d, FONT_BOLD, S_BODY, rx, yr, rw, LO_CENTER, up);
			free(up);
		}
	}
	yr -= LO_MM(25); /* room for the signature and the seal */
	yr = lo_text_box(d, FONT_BOLD, S_BODY, rx, yr, rw, LO_CENTER, model_conf(m, "ky_ten"));
	d->y = yl < yr ? yl : yr;
}

/* ---- the appendix ---- */

static void S_appendix(S_Ctx *c)
{
	LoDoc *d = &c->d;
	const Model *m = c->m;
	lo_page_new(d, 1);
	lo_paragraph(d, FONT_BOLD, 14, d->x0, S_w(c), LO_CENTER, 0, 2, "Phụ lục");
	const char *title = model_conf(m, "tieu_de_phu_luc");
	char *up = S_upper(*title ? title : "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
	Buf *b = &c->b;
	buf_reset(b);
	buf_printf(b, "%s %s", up, c->ky_mid);
	char *up2 = S_upper(b->ptr);
	lo_paragraph(d, FONT_BOLD, S_BODY, d->x0 + LO_MM(20), S_w(c) - LO_MM(40), LO_CENTER, 0, 0,
	             up2);
	free(up);
	free(up2);
	buf_reset(b);
	buf_puts(b, "(Kèm theo Báo cáo ");
	S_so(b, m, "số");
	buf_puts(b, " ");
	/* the date line without the place name */
	Buf dl;
	buf_init(&dl);
	S_date_line(&dl, m);
	const char *comma = strstr(dl.ptr, ", ");
	buf_puts(b, comma ? comma + 2 : dl.ptr);
	buf_release(&dl);
	/* Inside a sentence the body is named as prose ("UBND tỉnh Hưng
	 * Yên"), not in the header block's capitals. */
	const char *ten = model_conf(m, "ten_co_quan");
	const char *cqcq = model_conf(m, "co_quan_chu_quan");
	const char *cq = model_conf(m, "co_quan");
	if (*ten)
		buf_printf(b, " của %s", ten);
	else if (*cqcq || *cq)
		buf_printf(b, " của %s%s%s", cqcq, *cqcq && *cq ? " " : "", cq);
	buf_putc(b, ')');
	lo_paragraph(d, FONT_ITALIC, S_BODY, d->x0, S_w(c), LO_CENTER, 0, 2, b->ptr);
	d->y -= 8;

	/* Stt, name, lead, partners, unit, target, basis | figure, verdict,
	 * units met: 714 pt, the landscape text width */
	static const float w0[] = {24, 160, 92, 70, 36, 54, 106, 80, 44, 48};
	float w[10], sum = 0;
	for (size_t i = 0; i < 10; i++)
		sum += w0[i];
	for (size_t i = 0; i < 10; i++)
		w[i] = w0[i] * S_w(c) / sum;
	LoTable t;
	lo_table_init(&t, 10, w);
	t.size = S_SMALL;
	t.cont_prefix = "(tiếp) ";
	size_t h0 = lo_table_row(&t), h1 = lo_table_row(&t);
	t.n_head = 2;
	char *year_head = xasprintf("Thực hiện trong năm %d", m->cua_so.year);
	char *res_head = xasprintf("Kết quả %s", c->ky_mid);
	struct {
		size_t row, col;
		const char *text;
		int cs, rs;
	} head[] = {
		{h0, 0, "Stt", 1, 2},
		{h0, 1, "Tên nhiệm vụ", 1, 2},
		{h0, 2, "Đơn vị chủ trì", 1, 2},
		{h0, 3, "Đơn vị phối hợp", 1, 2},
		{h0, 4, year_head, 2, 1},
		{h0, 6, "Căn cứ thực hiện", 1, 2},
		{h0, 7, res_head, 3, 1},
		{h1, 4, "Đơn vị tính", 1, 1},
		{h1, 5, "Giao chỉ tiêu", 1, 1},
		{h1, 7, "Toàn tỉnh: tỷ lệ (tử số / mẫu số)", 1, 1},
		{h1, 8, "Đánh giá", 1, 1},
		{h1, 9, "Số đơn vị đạt / được đánh giá", 1, 1},
	};
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++) {
		LoCell *cell = lo_table_set(&t, head[i].row, head[i].col, head[i].text, head[i].cs,
		                            head[i].rs);
		cell->style = FONT_BOLD;
		cell->align = LO_CENTER;
	}
	/* the cells' texts live until the table is drawn */
	char **own = xcalloc(m->n_chi_tieu * 5 + 1, sizeof *own);
	size_t n_own = 0;
	for (size_t i = 0; i < m->n_chi_tieu; i++) {
		const ChiTieu *ct = &m->chi_tieu[i];
		const KetQua *k = &m->kq_tinh[i];
		size_t r = lo_table_row(&t);
		own[n_own] = xasprintf("%d", ct->stt);
		lo_table_set(&t, r, 0, own[n_own++], 1, 1)->align = LO_CENTER;
		lo_table_set(&t, r, 1, ct->ten, 1, 1);
		lo_table_set(&t, r, 2, ct->chu_tri, 1, 1);
		lo_table_set(&t, r, 3, ct->phoi_hop, 1, 1);
		lo_table_set(&t, r, 4, ct->don_vi_tinh, 1, 1)->align = LO_CENTER;
		buf_reset(b);
		fmt_giao_chi_tieu(b, ct);
		own[n_own] = buf_detach(b, NULL);
		lo_table_set(&t, r, 5, own[n_own++], 1, 1)->align = LO_CENTER;
		if (ct->can_cu_span >= 1)
			lo_table_set(&t, r, 6, ct->can_cu, 1, ct->can_cu_span);
		buf_reset(b);
		if (k->dg == DG_CHUA_BAO_CAO)
			buf_puts(b, "–");
		else if (k->d == 0)
			buf_puts(b, "(0/0)");
		else {
			fmt_ty_le(b, k->n, k->d, ct);
			buf_puts(b, "%\n(");
			fmt_int(b, k->n);
			buf_puts(b, " / ");
			fmt_int(b, k->d);
			buf_putc(b, ')');
		}
		own[n_own] = buf_detach(b, NULL);
		lo_table_set(&t, r, 7, own[n_own++], 1, 1)->align = LO_CENTER;
		LoCell *v = lo_table_set(&t, r, 8, fmt_danh_gia(k->dg), 1, 1);
		v->align = LO_CENTER;
		v->style = k->dg == DG_DAT || k->dg == DG_CHUA_DAT ? FONT_BOLD : FONT_ITALIC;
		buf_reset(b);
		buf_printf(b, "%d/%d", k->so_dv_dat, k->so_dv_danh_gia);
		own[n_own] = buf_detach(b, NULL);
		lo_table_set(&t, r, 9, own[n_own++], 1, 1)->align = LO_CENTER;
	}
	lo_table_flow(d, &t, NULL);
	lo_table_release(&t);
	for (size_t i = 0; i < n_own; i++)
		free(own[i]);
	free(own);
	free(year_head);
	free(res_head);
}

/* Cut-off, the inputs, the version: how to reproduce it.  One digest of
 * the input list, not a line per file: the report is signed and filed,
 * and a page of hashes after the signature (hundreds with a province's
 * communes) is nothing a clerk can sign; the per-file list is in
 * bao-cao.md, whose list hashes to the same digest. */
static void S_colophon(S_Ctx *c)
{
	LoDoc *d = &c->d;
	const Model *m = c->m;
	Buf *b = &c->b;
	float size = S_TINY;
	d->y -= 12;
	lo_need(d, lo_leading(size) * 4);
	lo_rule(d, d->x0, d->x0 + LO_MM(40), d->y, 0.4f);
	d->y -= 3;
	buf_reset(b);
	char ky[16], moi[16];
	ky_format(m->cua_so.ky, ky);
	ky_format(m->cua_so.moi_nhat, moi);
	buf_printf(b, "Lập bởi chitieu %s. Kỳ báo cáo %s (%s); số liệu tính đến kỳ %s "
	              "(kỳ mới nhất có trong dữ liệu).",
	           CHITIEU_VERSION, ky, c->ky_mid, moi);
	if (m->n_tep) {
		unsigned char sha[32];
		model_tep_sha256(m, sha);
		buf_printf(b, " Tệp đầu vào: %zu tệp; mã SHA-256 của danh sách tệp (như sha256sum in ra, "
		              "theo thứ tự tên): ",
		           m->n_tep);
		fmt_hex(b, sha, sizeof sha);
		buf_puts(b, "; mã của từng tệp: bao-cao.md, mục “Thông tin về số liệu”.");
	}
	lo_paragraph(d, FONT_ITALIC, size, d->x0, S_w(c), LO_LEFT, 0, 1, b->ptr);
}

int pdf_report(const Model *m, const char *path, const char *charts_dir, char **err)
{
	S_Ctx c;
	memset(&c, 0, sizeof c);
	c.m = m;
	c.charts = charts_dir;
	buf_init(&c.b);
	fmt_cua_so(&c.b, &m->cua_so);
	c.ky_words = buf_detach(&c.b, NULL);
	c.ky_mid = xstrdup(c.ky_words);
	if (c.ky_mid[0] >= 'A' && c.ky_mid[0] <= 'Z')
		c.ky_mid[0] = (char)(c.ky_mid[0] - 'A' + 'a');
	int rc = -1;
	if (lo_open_file(&c.d, path, err))
		goto out;
	buf_reset(&c.b);
	buf_printf(&c.b, "%s %s", model_conf(m, "loai_van_ban"), c.ky_words);
	lo_set_info(&c.d, c.b.ptr, model_conf(m, "co_quan"));

	lo_page_new(&c.d, 0);
	S_header(&c);
	S_summary(&c);
	S_appendix(&c);
	lo_page_new(&c.d, 0);
	S_heading(&c, "II. KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU");
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		S_target(&c, t);
	S_han(&c);
	S_signature(&c);
	S_colophon(&c);
	rc = lo_finish(&c.d, err);
out:
	lo_close(&c.d);
	free(c.ky_words);
	free(c.ky_mid);
	buf_release(&c.b);
	return rc;
}
