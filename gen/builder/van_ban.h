/* SPDX-License-Identifier: MIT */
/* van_ban: the blocks of Decree 30/2020/NĐ-CP (Phụ lục I) that every
 * document chitieu prints for a signature shares — the header block, the
 * number line, the signature with "Nơi nhận", the "(Kèm theo …)" line of
 * an appendix — built once from bao-cao.conf for the quarterly report
 * (bao_cao.c) and the urging dispatch (cong_van.c).  A key that is missing
 * prints as a blank the clerk fills by hand; no block is ever dropped. */
#ifndef CHITIEU_VAN_BAN_H
#define CHITIEU_VAN_BAN_H
#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "model.h"

/* The issuing body inside a sentence ("UBND tỉnh Hưng Yên"): ten_co_quan,
 * else co_quan_chu_quan and co_quan as they are. */
void van_ban_ten_co_quan(Buf *b, const Model *m);

/* The number line: "<word> <so>/<ky_hieu>", a blank for an empty so or
 * ky_hieu (blank_ky_hieu, e.g. "BC-       "): "Số:          /BC-UBND". */
void van_ban_so(Buf *b, const char *word, const char *so, const char *ky_hieu,
                const char *blank_ky_hieu);

/* Emits the header block (DOC_HEADER): the bodies of bao-cao.conf, so_line,
 * the place-and-date line (dia_danh, ngay); trich_yeu (a dispatch's
 * "V/v …", or NULL) goes in its inl. */
void van_ban_header(DocWriter *w, const Model *m, const char *so_line, const char *trich_yeu);

/* A '|' list of bao-cao.conf (noi_nhan) split into trimmed entries, empty
 * ones skipped; *n of them.  Free with van_ban_list_free(). */
char **van_ban_list(const char *list, size_t *n);
/* A blank the clerk fills by hand: dotted, of a length that holds what
 * is written there (a short title, a name). */
#define VAN_BAN_CHAM_NGAN "……………………"
#define VAN_BAN_CHAM_DAI "……………………………"

void van_ban_list_free(char **item, size_t n);

/* Emits the signature (ky_tm, ky_kt, ky_chuc_vu, ky_ten) beside "Nơi nhận:"
 * with the recipients item[0..n) as given, each ended here by ";" and the
 * last by "." (the writers draw the dashes), then DOC_MAIN_END. */
void van_ban_chu_ky(DocWriter *w, const Model *m, char *const *item, size_t n);

/* An appendix's italic line: "(Kèm theo <loai> <so_line> ngày … tháng …
 * năm … của <the issuing body>)", so_line as van_ban_so() gives it after
 * the word "số". */
void van_ban_kem_theo(Buf *b, const Model *m, const char *loai, const char *so_line);

#endif
