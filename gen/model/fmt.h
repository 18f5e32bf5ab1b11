/* SPDX-License-Identifier: MIT */
/* fmt: how every figure and period reads, for every renderer.
 *
 * One file so a figure can never print differently in the PDF, the
 * Markdown, the site and the scorecards.  Everything appends to a Buf. */
#ifndef CHITIEU_FMT_H
#define CHITIEU_FMT_H
#include <stdint.h>

#include "buf.h"
#include "model.h"
#include "rank.h"

/* 1234567 -> "1.234.567" */
void fmt_int(Buf *b, int64_t v);
/* A value in hundredths with two decimals: 123 -> "1,23", 123456 ->
 * "1.234,56" (a shortfall in points, rank.h's thieu_tram). */
void fmt_tram(Buf *b, int64_t hundredths);
/* n bytes in lower-case hexadecimal, as sha256sum prints a digest. */
void fmt_hex(Buf *b, const unsigned char *p, size_t n);
/* gia_tri for people: 80 -> "80", 45.5 -> "45,5" */
void fmt_gia_tri(Buf *b, const ChiTieu *t);
/* The target as the appendix prints it: "Tối thiểu 80", "Tối đa 5", "100". */
void fmt_giao_chi_tieu(Buf *b, const ChiTieu *t);
/* 100*n/d in Vietnamese format with two decimals ("79,99"), rounded in
 * the direction that can never contradict the verdict of (n, d) against t:
 * 79,996 under "Tối thiểu 80" prints 79,99.  Nothing when d == 0.
 * t may be NULL (a figure with no verdict): rounded to nearest, half up. */
void fmt_ty_le(Buf *b, int64_t n, int64_t d, const ChiTieu *t);
/* The same for ket-qua.csv: '.' decimal point, 4 decimals, same rule. */
void fmt_ty_le_csv(Buf *b, int64_t n, int64_t d, const ChiTieu *t);
/* The change against the same period of the previous year (then, from
 * its published ket-qua.csv) in percentage points, exact and rounded
 * toward zero: "tăng 3,21 điểm % so với cùng kỳ năm 2023", "giảm 0,50 …",
 * "không đổi so với cùng kỳ năm 2023" ("dưới 0,01" for a change too
 * small to print).  No rate now: "cùng kỳ năm 2023: 85,00%".  then NULL,
 * not matched, or without a rate: "chưa có số liệu cùng kỳ" — never a
 * made-up zero.  year <= 0: without "so với cùng kỳ năm …" / "năm …",
 * for a line under a heading or a sentence that names the year once. */
void fmt_cung_ky(Buf *b, const KetQua *now, const KetQuaCu *then, const ChiTieu *t, int year);
/* The same change in a table cell: "▲ 3,21", "▼ 0,50", "= 0,00",
 * "▲ <0,01" (no-break spaces).  -1 (nothing written) where
 * fmt_cung_ky() would say there is no figure to compare. */
int fmt_cung_ky_gon(Buf *b, const KetQua *now, const KetQuaCu *then);
/* A change since the previous step in a table cell or a short line, as
 * fmt_cung_ky_gon() writes one: "▲ 3,21", "▼ <0,01", "= 0,00"; -1
 * (nothing written) when there is none (TD_KHONG_CO). */
int fmt_thay_doi(Buf *b, const ThayDoi *td);
/* A result in one phrase: "75,23% (1.130/1.502) – Chưa đạt",
 * "(0/0) – Không phát sinh", "Chưa báo cáo". */
void fmt_ket_qua(Buf *b, const KetQua *k, const ChiTieu *t);
/* The provisional mark: "Số liệu tạm tính – 7 đơn vị chưa báo cáo đủ số
 * liệu" (upper: "SỐ LIỆU TẠM TÍNH – …", for the PDFs' running heads). */
void fmt_tam_tinh(Buf *b, size_t n, int upper);
/* An earlier period's window in words, as fmt_cua_so: "9 tháng năm 2024". */
void fmt_ky_cu(Buf *b, Ky k);
/* The restatements in one sentence (m->ls.co_truoc): "So với báo cáo 9
 * tháng năm 2024, 3 đơn vị điều chỉnh số liệu; 1 chỉ tiêu của tỉnh đổi
 * kết quả đánh giá." */
void fmt_dieu_chinh_cau(Buf *b, const Model *m);
/* "Đạt", "Chưa đạt", "Không phát sinh", "Chưa báo cáo" */
const char *fmt_danh_gia(DanhGia dg);
/* The one legend, for the report, the scorecards and the site: a cell's
 * state is a DanhGia or FMT_KHONG_AP_DUNG (the target does not apply to
 * the unit).  Symbols are distinct shapes that survive a grayscale print,
 * all in Liberation Serif: ● đạt, × chưa đạt, ○ không phát sinh,
 * ? chưa báo cáo, – không áp dụng. */
#define FMT_KHONG_AP_DUNG 4
const char *fmt_ky_hieu(int state);
/* "Đạt", …, "Không áp dụng" (fmt_danh_gia() for the four verdicts). */
const char *fmt_trang_thai(int state);
/* The legend in one line: "● Đạt; × Chưa đạt; ○ Không phát sinh;
 * ? Chưa báo cáo; – Không áp dụng". */
void fmt_chu_giai(Buf *b);
/* The mark beside the figures of a unit whose rows miss months of the
 * window, in every printed output, with a note naming the months. */
#define FMT_DAU_THIEU "\u2020"
/* "dat", "chua_dat", "khong_phat_sinh", "chua_bao_cao" */
const char *fmt_danh_gia_ma(DanhGia dg);
/* The window in Vietnamese reporting words: "Quý I năm 2024",
 * "6 tháng đầu năm 2024", "9 tháng năm 2024", "Năm 2024",
 * "5 tháng đầu năm 2024", "Tháng 1 năm 2024". */
void fmt_cua_so(Buf *b, const CuaSo *w);
/* Where the figures stop, for a sentence "Số liệu đến …": "hết quý IV
 * năm 2024", "hết tháng 5 năm 2024" (a window ending with a quarter's last
 * month reads as that quarter). */
void fmt_den_het(Buf *b, const CuaSo *w);
/* The Roman numeral of n, 1..3999 ("I", "IV", "MMMCMXCIX"), into out and
 * returned; "" for any other n.  The one definition (the report's
 * sections and appendices, "Quý IV", the scorecards). */
const char *fmt_la_ma(int n, char out[16]);
/* A trend step's short axis name: "Th5" or "Quý II". */
void fmt_buoc(Buf *b, Ky k);
/* A day number (date.h) as "dd/mm/yyyy", and as "yyyy-mm-dd". */
void fmt_ngay(Buf *b, int day);
void fmt_ngay_iso(Buf *b, int day);

/* What a unit still needs on target t over the rest of the year
 * (rank_con_can() on its year-to-date kq, the window ending with
 * last_month), in the scorecard's words: FMT_CC_DONG a line of its own,
 * "Cần đạt ≥ 92,40% trong quý IV", "Không còn khả năng đạt", "Đã hết năm:
 * không đạt"; FMT_CC_GON a table cell, "≥ 92,40% trong quý IV"; FMT_CC_CAU
 * inside a sentence, "cần đạt ≥ 92,40% trong quý IV". */
enum { FMT_CC_DONG, FMT_CC_GON, FMT_CC_CAU };
void fmt_con_can(Buf *b, const ChiTieu *t, const KetQua *kq, int last_month, int kieu);
/* A unit's figure for people: "72,50% (145/200)", "không phát sinh (0/0)",
 * "chưa báo cáo" (the report's words, with no mark for a small
 * denominator). */
void fmt_so_lieu(Buf *b, const KetQua *k, const ChiTieu *t);
/* The rate and its fraction of a figure that has some (k->d > 0):
 * "72,50% (145<sep>200)", sep "/" or " / " (Phụ lục I's wide column). */
void fmt_ty_le_phan_so(Buf *b, const KetQua *k, const ChiTieu *t, const char *sep);

/* A judged deadline step in words: "Công bố danh mục TTHC theo Quyết
 * định 1310/QĐ-BKHĐT", "Công bố quy trình nội bộ theo Quyết định …", or
 * the milestone's name. */
void fmt_viec_han(Buf *b, const Model *m, const HanKetQua *k);

/* The date of the place-and-date line, from bao-cao.conf's `ngay`:
 * "ngày 05 tháng 02 năm 2024" (days under 10 and months 1 and 2 with a
 * leading zero, Decree 30 Appendix I), or with no valid `ngay` the blanks
 * the signer fills by hand, "ngày <blank> tháng <blank> năm 2025" (a year-end
 * report is signed in the new year). */
void fmt_ngay_van_ban(Buf *b, const Model *m, const char *blank);

/* ---- the words of the charts (gp_script.c draws them, chart_svg.c
 * labels the SVGs with them): one vocabulary with the documents ---- */

/* A target chart's title: "Chỉ tiêu 3. DVC toàn trình" (its full name
 * without a short one). */
void fmt_bd_ten_chi_tieu(Buf *b, const ChiTieu *t);
/* Its second line: "Năm 2024: lũy kế (đường), từng quý (điểm rỗng)". */
void fmt_bd_phu_de(Buf *b, const CuaSo *w);
/* Trend step i's axis name: "Th5", "Quý II"; a quarter the window cuts
 * short by the months it holds: "Th4–5", "Th4". */
void fmt_bd_buoc(Buf *b, const CuaSo *w, int i);
/* The y axis: "Tỷ lệ (%)", or "Tỷ lệ (%), trục từ 20%" when it does not
 * start at 0. */
void fmt_bd_truc_y(Buf *b, long long lo);
/* A series in a legend: "Toàn tỉnh: 81,15% – Đạt", "UBND cấp xã –
 * Chưa báo cáo" (ten NULL: the province). */
void fmt_bd_chu_thich(Buf *b, const char *ten, const KetQua *k, const ChiTieu *t);
/* A name shortened for a chart's legend (gnuplot does not wrap one):
 * longer than max code points, without its bracketed parts; still
 * longer, cut after a whole word with "…" — never mid-word, never a
 * bracket left open. */
void fmt_bd_ten_gon(Buf *b, const char *ten, size_t max);
/* The target line in a legend: "Chỉ tiêu: Tối thiểu 80%"; short 1: "Chỉ tiêu". */
void fmt_bd_duong_chi_tieu(Buf *b, const ChiTieu *t, int short_form);
/* A unit chart's title: "<name for people> – Năm 2024, lũy kế". */
void fmt_bd_tieu_de_don_vi(Buf *b, const Model *m, size_t u);
/* The window and "lũy kế": "Năm 2024, lũy kế". */
void fmt_bd_ky_luy_ke(Buf *b, const CuaSo *w);
/* A period of the year at its end month, short, for an axis: "Quý I",
 * "6 tháng", "9 tháng", "Năm", "Tháng 1", "5 tháng". */
void fmt_bd_ky_gon(Buf *b, int thang);
/* A unit chart's second line, the periods it shows: "Tỷ lệ lũy kế từ
 * đầu năm: Quý I, 6 tháng, 9 tháng, Năm 2024". */
void fmt_bd_phu_de_don_vi(Buf *b, const CuaSo *w);
/* A panel of a unit's chart, one target: "CT 5: 99,91% ●", "CT 8: ?"
 * (the verdict's symbol, fmt_ky_hieu). */
void fmt_bd_o_don_vi(Buf *b, const ChiTieu *t, const KetQua *k);
/* The line of a unit chart's panels in its key: "Tỷ lệ lũy kế". */
void fmt_bd_duong_luy_ke(Buf *b);
/* The SVGs' own <title> and <desc>: what the chart shows, in words. */
void fmt_bd_svg_chi_tieu(Buf *title, Buf *desc, const Model *m, size_t t);
void fmt_bd_svg_don_vi(Buf *title, Buf *desc, const Model *m, size_t u);
/* ---- words inside sentences ---- */

/* The target inside a sentence, lower case with its unit: "tối thiểu
 * 90%", "tối đa 5%", "100%" (fmt_giao_chi_tieu is the table's "Tối
 * thiểu 90" under a "%" column). */
void fmt_giao_cau(Buf *b, const ChiTieu *t);
/* The change against the previous period truoc (then: its published
 * result): "tăng 2,14 điểm % so với 6 tháng đầu năm 2024", "giảm …",
 * "không đổi so với …"; no rate now: "6 tháng đầu năm 2024: 85,00%";
 * then NULL, absent or without a rate: "chưa có số liệu kỳ trước".
 * truoc NULL: without "so với …" (a sentence that names the period once;
 * no rate now: "kỳ trước 85,00%"). */
void fmt_ky_truoc(Buf *b, const KetQua *now, const KetQuaCu *then, const ChiTieu *t, const Ky *truoc);
/* Months of a mask (bit 0 January): "tháng 1, 3 và 5", "tháng 12";
 * nothing for 0. */
void fmt_thang(Buf *b, unsigned mask);
/* The periods v[0..n) as people say them: "tháng 1, 3 và 5", "quý II",
 * "tháng 1; quý II và III". */
void fmt_cac_ky(Buf *b, const Ky *v, size_t n);
/* s with its straight double quotes paired as “ ”. */
void fmt_trich_dan(Buf *b, const char *s);
/* From b->ptr + from on: the space after "năm", "Phụ lục", "điểm",
 * "tháng", "quý", "Chỉ tiêu" (and inside "Phụ lục") made a no-break
 * space when a number, a Roman numeral or "%" follows, so that "năm
 * 2024", "Phụ lục II", "điểm %" never break. */
void fmt_lien(Buf *b, size_t from);

#endif
