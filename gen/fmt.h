/* fmt: how every figure and period reads, for every renderer.
 *
 * One file so a figure can never print differently in the PDF, the
 * Markdown, the site and the scorecards.  Everything appends to a Buf. */
#ifndef CHITIEU_FMT_H
#define CHITIEU_FMT_H
#include <stdint.h>

#include "buf.h"
#include "model.h"

/* 1234567 -> "1.234.567" */
void fmt_int(Buf *b, int64_t v);
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
/* "Đạt", "Chưa đạt", "Không phát sinh", "Chưa báo cáo" */
const char *fmt_danh_gia(DanhGia dg);
/* "dat", "chua_dat", "khong_phat_sinh", "chua_bao_cao" */
const char *fmt_danh_gia_ma(DanhGia dg);
/* The window in Vietnamese reporting words: "Quý I năm 2024",
 * "6 tháng đầu năm 2024", "9 tháng năm 2024", "Năm 2024",
 * "5 tháng đầu năm 2024", "Tháng 1 năm 2024". */
void fmt_cua_so(Buf *b, const CuaSo *w);
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
