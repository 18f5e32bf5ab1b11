/* SPDX-License-Identifier: MIT */
/* van_ban: the blocks of Decree 30/2020/NĐ-CP (Phụ lục I) that every
 * document chitieu prints for a signature shares — the header block, the
 * number line, the signature with "Nơi nhận", the "(Kèm theo …)" line of
 * an appendix — built once from bao-cao.conf for the quarterly report
 * (bao_cao.c) and the urging dispatch (cong_van.c).  A key that is missing
 * prints as a blank the clerk fills by hand; no block is ever dropped.
 * Both builders also emit every block through the helpers here (VanBan),
 * so that a paragraph, a list, a table or "Kính gửi:" is made one way in
 * every official document. */
#ifndef CHITIEU_VAN_BAN_H
#define CHITIEU_VAN_BAN_H
#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "model.h"

/* ---- emitting blocks ----
 * A builder fills one block at a time and sends it to its writer: the
 * report's and the dispatch's builders embed a VanBan and call these. */
typedef struct {
	const Model *m;
	DocWriter *w;
	DocBlock k;   /* the block being filled */
	Buf b;        /* scratch */
	/* 1: a paragraph's, an item's and a title's runs keep "năm 2024",
	 * "Phụ lục II", "điểm %" together with no-break spaces (fmt_lien) */
	int lien;
} VanBan;

void van_ban_init(VanBan *v, const Model *m, DocWriter *w, int lien);
void van_ban_release(VanBan *v);
/* Sends the block filled so far; the next is an empty one of its kind. */
void van_ban_put(VanBan *v);
/* Empties the block being filled and makes it of kind kind. */
void van_ban_kind(VanBan *v, DocKind kind);
/* A run of text into the block being filled; _tf formats it. */
void van_ban_t(VanBan *v, int style, const char *s);
void van_ban_tf(VanBan *v, int style, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Appends what call writes into v->b as a run in style style. */
#define VAN_BAN_FMT(v, style, call)                                                                \
	do {                                                                                       \
		buf_reset(&(v)->b);                                                                \
		call;                                                                              \
		doc_add_buf(&(v)->k.inl, (style), &(v)->b);                                        \
	} while (0)
/* Sends the runs filled so far as a paragraph (DOC_F_* flags), or as a
 * list item with its marker ("-") at level level. */
void van_ban_par(VanBan *v, int flags);
void van_ban_item(VanBan *v, const char *marker, int level);
/* An entry of the decree's enumeration: the text in v->b ended by ";",
 * or "." when last, added as a regular run and sent as an item "-". */
void van_ban_item_enum(VanBan *v, int last);

/* A table: its start with the header cells (flags: DOC_F_SPLIT …), a
 * body row (group_row: a group's heading), its end. */
void van_ban_table(VanBan *v, size_t n_col, const float *w, const DocCell *head, size_t n_head,
                   int flags);
void van_ban_row(VanBan *v, size_t n_col, const DocCell *cell, int group_row);
void van_ban_table_end(VanBan *v);
/* A row naming a group (ten, bold) across the table's n_col columns,
 * the rows of the group under it: r is the caller's row of n_col cells,
 * filled here. */
void van_ban_group_row(VanBan *v, size_t n_col, DocCell *r, const char *ten);
/* A cell holding text in one style (its earlier text released). */
void van_ban_cell(DocCell *cell, const char *text, int style, DocAlign al);
/* A slot covered by a span; flat is what a writer that cannot merge
 * cells prints there (NULL: nothing). */
void van_ban_cover(DocCell *cell, const char *flat);

/* ---- words ---- */

/* The report period's window in words (fmt_cua_so), "Năm 2024", "9 tháng
 * năm 2024"; inside a sentence (giua_cau) its first letter lowered:
 * "năm 2024".  Fresh string. */
char *van_ban_ky(const Model *m, int giua_cau);

/* The province inside a sentence: "toàn tỉnh Hưng Yên" from ten_tinh
 * (default "Toàn tỉnh"), only a leading "Toàn" lowered: a proper name
 * keeps its capitals. */
void van_ban_ten_tinh(Buf *b, const Model *m);

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

/* Emits "Kính gửi:" with the addressees item[0..n) as given, each ended
 * here by ";" and the last by "." (the writers draw the dashes). */
void van_ban_kinh_gui(VanBan *v, char *const *item, size_t n);

/* Emits the signature (ky_tm, ky_kt, ky_chuc_vu, ky_ten) beside "Nơi nhận:"
 * with the recipients item[0..n) as given, each ended here by ";" and the
 * last by "." (the writers draw the dashes), then DOC_MAIN_END. */
void van_ban_chu_ky(DocWriter *w, const Model *m, char *const *item, size_t n);

/* An appendix's italic line: "(Kèm theo <loai> <so_line> ngày … tháng …
 * năm … của <the issuing body>)", so_line as van_ban_so() gives it after
 * the word "số". */
void van_ban_kem_theo(Buf *b, const Model *m, const char *loai, const char *so_line);

#endif
