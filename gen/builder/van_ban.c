/* SPDX-License-Identifier: MIT */
/* van_ban: the decree's shared blocks (van_ban.h). */
#include "van_ban.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "xalloc.h"

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

void van_ban_chu_ky(DocWriter *w, const Model *m, char *const *item, size_t n)
{
	/* "Chủ tịch UBND tỉnh;" … "Lưu: VT." */
	char **own = xcalloc(n + 1, sizeof *own);
	for (size_t i = 0; i < n; i++)
		own[i] = xasprintf("%s%s", item[i], i + 1 == n ? "." : ";");
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
