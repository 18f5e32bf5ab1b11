/* SPDX-License-Identifier: MIT */
/* han_data: the deadline tasks' data made empty and freed; see han_data.h. */
#include "han_data.h"

#include <stdlib.h>
#include <string.h>

void han_init(HanData *h)
{
	memset(h, 0, sizeof *h);
	h->han_danh_muc = 5;
	h->han_quy_trinh = 10;
	h->ngay_xet = -1;
}

void han_release(HanData *h)
{
	for (size_t i = 0; i < h->n_cong_bo; i++) {
		free(h->cong_bo[i].so_quyet_dinh);
		free(h->cong_bo[i].co_quan);
		free(h->cong_bo[i].ghi_chu);
	}
	free(h->cong_bo);
	for (size_t i = 0; i < h->n_moc; i++) {
		free(h->moc[i].ma);
		free(h->moc[i].ten);
		free(h->moc[i].can_cu);
	}
	free(h->moc);
	for (size_t i = 0; i < h->n_nghi; i++)
		free(h->nghi[i].ten);
	free(h->nghi);
	free(h->kq);
	han_init(h);
}
