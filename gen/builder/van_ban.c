/* SPDX-License-Identifier: MIT */
/* van_ban: the decree's shared blocks (van_ban.h). */
#include "van_ban.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "xalloc.h"

void van_ban_init(VanBan *v, const Model *m, DocWriter *w, int lien)
{
	memset(v, 0, sizeof *v);
	v->m = m;
	v->w = w;
	v->lien = lien;
	buf_init(&v->b);
	doc_block_init(&v->k, DOC_PARA);
}

void van_ban_release(VanBan *v)
{
	doc_block_release(&v->k);
	buf_release(&v->b);
}

void van_ban_put(VanBan *v)
{
	DocBlock *k = &v->k;
	if (v->lien && (k->kind == DOC_PARA || k->kind == DOC_ITEM || k->kind == DOC_TITLE))
		for (size_t i = 0; i < k->inl.n; i++) {
			Buf t;
			buf_init(&t);
			buf_puts(&t, k->inl.v[i].text);
			fmt_lien(&t, 0);
			free(k->inl.v[i].text);
			k->inl.v[i].text = buf_detach(&t, NULL);
		}
	v->w->put(v->w, k);
	van_ban_kind(v, k->kind);
}

void van_ban_kind(VanBan *v, DocKind kind)
{
	doc_block_release(&v->k);
	doc_block_init(&v->k, kind);
}

void van_ban_t(VanBan *v, int style, const char *s) { doc_add(&v->k.inl, style, s); }

void van_ban_tf(VanBan *v, int style, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_reset(&v->b);
	buf_vprintf(&v->b, fmt, ap);
	va_end(ap);
	doc_add_buf(&v->k.inl, style, &v->b);
}

void van_ban_par(VanBan *v, int flags)
{
	v->k.kind = DOC_PARA;
	v->k.flags = flags;
	van_ban_put(v);
}

void van_ban_item(VanBan *v, const char *marker, int level)
{
	v->k.kind = DOC_ITEM;
	v->k.line[0] = marker;
	v->k.level = level;
	van_ban_put(v);
}

void van_ban_item_enum(VanBan *v, int last)
{
	buf_putc(&v->b, last ? '.' : ';');
	doc_add_buf(&v->k.inl, 0, &v->b);
	van_ban_item(v, "-", 1);
}

void van_ban_table(VanBan *v, size_t n_col, const float *w, const DocCell *head, size_t n_head,
                   int flags)
{
	van_ban_kind(v, DOC_TABLE);
	v->k.flags = flags;
	v->k.n_col = n_col;
	v->k.width = w;
	v->k.head = head;
	v->k.n_head = n_head;
	van_ban_put(v);
}

void van_ban_row(VanBan *v, size_t n_col, const DocCell *cell, int group_row)
{
	van_ban_kind(v, DOC_ROW);
	v->k.n_col = n_col;
	v->k.cell = cell;
	v->k.group_row = group_row;
	van_ban_put(v);
}

void van_ban_table_end(VanBan *v)
{
	van_ban_kind(v, DOC_TABLE_END);
	van_ban_put(v);
}

void van_ban_group_row(VanBan *v, size_t n_col, DocCell *r, const char *ten)
{
	van_ban_cell(&r[0], ten, DOC_BOLD, DOC_AL_LEFT);
	r[0].colspan = (int)n_col;
	for (size_t k = 1; k < n_col; k++)
		van_ban_cover(&r[k], NULL);
	van_ban_row(v, n_col, r, 1);
}

void van_ban_cell(DocCell *cell, const char *text, int style, DocAlign al)
{
	doc_inl_release(&cell->inl);
	doc_inl_init(&cell->inl);
	doc_add(&cell->inl, style, text);
	cell->colspan = cell->rowspan = 1;
	cell->covered = 0;
	cell->align = al;
}

void van_ban_cover(DocCell *cell, const char *flat)
{
	van_ban_cell(cell, flat, 0, DOC_AL_LEFT);
	cell->colspan = cell->rowspan = 0;
	cell->covered = 1;
}

char *van_ban_ky(const Model *m, int giua_cau)
{
	Buf b;
	buf_init(&b);
	fmt_cua_so(&b, &m->cua_so);
	if (giua_cau && b.ptr[0] >= 'A' && b.ptr[0] <= 'Z')
		b.ptr[0] = (char)(b.ptr[0] - 'A' + 'a');
	return buf_detach(&b, NULL);
}

void van_ban_ten_tinh(Buf *b, const Model *m)
{
	const char *t = model_conf(m, "ten_tinh");
	if (!*t)
		t = "Toàn tỉnh";
	if (strncmp(t, "Toàn ", 6) == 0 || strcmp(t, "Toàn tỉnh") == 0) {
		buf_putc(b, 't');
		t++;
	}
	buf_puts(b, t);
}

void van_ban_ten_co_quan(Buf *b, const Model *m)
{
	const char *ten = model_conf(m, "ten_co_quan");
	const char *cqcq = model_conf(m, "co_quan_chu_quan");
	const char *cq = model_conf(m, "co_quan");
	if (*ten)
		buf_puts(b, ten);
	else
		buf_printf(b, "%s%s%s", cqcq, *cqcq && *cq ? " " : "", cq);
}

void van_ban_so(Buf *b, const char *word, const char *so, const char *ky_hieu,
                const char *blank_ky_hieu)
{
	buf_printf(b, "%s %s/%s", word, so && *so ? so : "         ",
	           ky_hieu && *ky_hieu ? ky_hieu : blank_ky_hieu);
}

void van_ban_header(DocWriter *w, const Model *m, const char *so_line, const char *trich_yeu)
{
	Buf ngay;
	buf_init(&ngay);
	const char *place = model_conf(m, "dia_danh");
	buf_printf(&ngay, "%s, ", *place ? place : "..........");
	fmt_ngay_van_ban(&ngay, m, "     ");
	DocBlock k;
	doc_block_init(&k, DOC_HEADER);
	k.line[0] = model_conf(m, "co_quan_chu_quan");
	k.line[1] = model_conf(m, "co_quan");
	k.line[2] = so_line;
	k.line[3] = ngay.ptr;
	k.line[4] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
	k.line[5] = "Độc lập - Tự do - Hạnh phúc";
	if (trich_yeu)
		doc_add(&k.inl, 0, trich_yeu);
	w->put(w, &k);
	doc_block_release(&k);
	buf_release(&ngay);
}

char **van_ban_list(const char *list, size_t *n)
{
	char **item = NULL;
	size_t cap = 0;
	*n = 0;
	for (const char *p = list; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		while (len && *p == ' ')
			p++, len--;
		while (len && p[len - 1] == ' ')
			len--;
		if (len) {
			item = xgrow(item, &cap, *n + 1, sizeof *item);
			item[(*n)++] = xstrndup(p, len);
		}
		if (!bar)
			break;
		p = bar + 1;
	}
	return item;
}

void van_ban_list_free(char **item, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(item[i]);
	free(item);
}

/* The decree's enumeration: item[0..n) each ended by ";", the last by
 * ".", as fresh strings (van_ban_list_free()). */
static char **S_liet_ke(char *const *item, size_t n)
{
	char **own = xcalloc(n + 1, sizeof *own);
	for (size_t i = 0; i < n; i++)
		own[i] = xasprintf("%s%s", item[i], i + 1 == n ? "." : ";");
	return own;
}

void van_ban_kinh_gui(VanBan *v, char *const *item, size_t n)
{
	char **own = S_liet_ke(item, n);
	van_ban_kind(v, DOC_KINH_GUI);
	v->k.line[0] = "Kính gửi:";
	v->k.item = (const char *const *)own;
	v->k.n_item = n;
	van_ban_put(v);
	van_ban_list_free(own, n);
}

void van_ban_chu_ky(DocWriter *w, const Model *m, char *const *item, size_t n)
{
	/* "Chủ tịch UBND tỉnh;" … "Lưu: VT." */
	char **own = S_liet_ke(item, n);
	DocBlock k;
	doc_block_init(&k, DOC_SIGNATURE);
	k.item = (const char *const *)own;
	k.n_item = n;
	/* SPEC: a missing key is a blank the clerk fills, never a missing block */
	const char *tm = model_conf(m, "ky_tm"), *cv = model_conf(m, "ky_chuc_vu");
	const char *ten = model_conf(m, "ky_ten");
	k.line[0] = *tm ? tm : "TM. " VAN_BAN_CHAM_DAI;
	k.line[1] = model_conf(m, "ky_kt");
	k.line[2] = *cv ? cv : VAN_BAN_CHAM_NGAN;
	k.line[3] = *ten ? ten : VAN_BAN_CHAM_DAI;
	k.line[4] = "Nơi nhận:";
	w->put(w, &k);
	doc_block_release(&k);
	van_ban_list_free(own, n);
	doc_block_init(&k, DOC_MAIN_END);
	w->put(w, &k);
	doc_block_release(&k);
}

void van_ban_kem_theo(Buf *b, const Model *m, const char *loai, const char *so_line)
{
	buf_printf(b, "(Kèm theo %s %s ", loai, so_line);
	fmt_ngay_van_ban(b, m, "     ");
	Buf cq;
	buf_init(&cq);
	van_ban_ten_co_quan(&cq, m);
	if (cq.len)
		buf_printf(b, " của %s", cq.ptr);
	buf_release(&cq);
	buf_putc(b, ')');
}
