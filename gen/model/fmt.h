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

/* The date of the place-and-date line, from bao-cao.conf's `ngay`:
 * "ngày 05 tháng 02 năm 2024" (days under 10 and months 1 and 2 with a
 * leading zero, Decree 30 Appendix I), or with no valid `ngay` the blanks
 * the signer fills by hand, "ngày <blank> tháng <blank> năm 2025" (a year-end
 * report is signed in the new year). */
void fmt_ngay_van_ban(Buf *b, const Model *m, const char *blank);

#endif
