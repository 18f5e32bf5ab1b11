/* SPDX-License-Identifier: MIT */
/* Building a model by hand for the unit tests of eval.c and ketqua.c
 * (included by test_eval.c and test_ketqua.c; not a test program).  The
 * model owns everything these add; model_release() frees it. */
#ifndef MODEL_FIXTURE_H
#define MODEL_FIXTURE_H
#include <string.h>

#include "model.h"
#include "xalloc.h"

/* groups: bit g set when the target applies to group g. */
static int S_target(Model *m, int stt, SoSanh ss, int64_t num, int scale, unsigned groups)
{
	m->chi_tieu = xrealloc(m->chi_tieu, (m->n_chi_tieu + 1) * sizeof *m->chi_tieu);
	ChiTieu *t = &m->chi_tieu[m->n_chi_tieu];
	memset(t, 0, sizeof *t);
	t->stt = stt;
	t->ten = xasprintf("Chỉ tiêu %d", stt);
	t->chu_tri = xstrdup("");
	t->phoi_hop = xstrdup("");
	t->don_vi_tinh = xstrdup("%");
	t->can_cu = xstrdup("");
	t->can_cu_span = 1;
	t->so_sanh = ss;
	t->gt_num = num;
	t->gt_scale = scale;
	t->ap_dung = xcalloc(m->n_nhom ? m->n_nhom : 1, 1);
	for (size_t g = 0; g < m->n_nhom; g++)
		t->ap_dung[g] = (groups >> g) & 1;
	return (int)m->n_chi_tieu++;
}

static int S_unit(Model *m, const char *ma, const char *ten, int nhom)
{
	m->don_vi = xrealloc(m->don_vi, (m->n_don_vi + 1) * sizeof *m->don_vi);
	m->don_vi[m->n_don_vi] = (DonVi){xstrdup(ma), xstrdup(ten), nhom, -1, 1};
	return (int)m->n_don_vi++;
}

static void S_row(Model *m, int u, int t, const char *ky, int64_t n, int64_t d)
{
	Ky k;
	assert_int_equal(ky_parse(ky, &k), 0);
	m->so_lieu = xrealloc(m->so_lieu, (m->n_so_lieu + 1) * sizeof *m->so_lieu);
	m->so_lieu[m->n_so_lieu++] = (SoLieu){u, t, k, (int)m->n_so_lieu + 2, n, d, NULL};
}

#endif
