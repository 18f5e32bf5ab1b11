/* SPDX-License-Identifier: MIT */
/* A small model built by hand for the tests of the site's pages (trang.c) and site.c (included
 * by test_md.c and test_site.c; not a test program of its own).
 *
 * Two groups, three targets, four units:
 *   so-a     "Sở Alpha"                      t1 85/100 dat, t3 3/3 dat (tiny D)
 *   so-b     hostile name                    t1 30/50 chua_dat (a hostile note), t3 not reported
 *   huyen-c  "UBND huyện Cê"                 t1 0/0 khong_phat_sinh, t2 1/100 dat, t3 9/10 chua_dat
 *   huyen-d  "UBND huyện Dê" (no file)       nothing reported
 * evaluated on the window 2024-Q1. */
#ifndef SITE_FIXTURE_H
#define SITE_FIXTURE_H
#include <string.h>

#include "eval.h"
#include "model.h"
#include "xalloc.h"

#define FX_HOSTILE_UNIT "*Sở | Beta* <b>x</b> [l](http://evil) # `c`"
#define FX_HOSTILE_NOTE "dòng một\ndòng hai | <script>alert(1)</script> _em_"

static void fx_conf(Model *m, const char *key, const char *value)
{
	m->conf = xrealloc(m->conf, (m->n_conf + 1) * sizeof *m->conf);
	m->conf[m->n_conf++] = (ConfEntry){xstrdup(key), xstrdup(value), (int)m->n_conf + 1};
}

static int fx_target(Model *m, int stt, const char *ten, SoSanh ss, int64_t num, const char *can_cu,
                     unsigned groups)
{
	m->chi_tieu = xrealloc(m->chi_tieu, (m->n_chi_tieu + 1) * sizeof *m->chi_tieu);
	ChiTieu *t = &m->chi_tieu[m->n_chi_tieu];
	memset(t, 0, sizeof *t);
	t->stt = stt;
	t->ten = xstrdup(ten);
	t->chu_tri = xstrdup("Các Sở, ngành");
	t->phoi_hop = xstrdup("Văn phòng");
	t->don_vi_tinh = xstrdup("%");
	t->can_cu = xstrdup(can_cu);
	t->can_cu_span = *can_cu ? 1 : 0;
	t->so_sanh = ss;
	t->gt_num = num;
	t->gt_scale = 0;
	t->ap_dung = xcalloc(m->n_nhom, 1);
	for (size_t g = 0; g < m->n_nhom; g++)
		t->ap_dung[g] = (groups >> g) & 1;
	return (int)m->n_chi_tieu++;
}

static int fx_unit(Model *m, const char *ma, const char *ten, int nhom, int co)
{
	m->don_vi = xrealloc(m->don_vi, (m->n_don_vi + 1) * sizeof *m->don_vi);
	m->don_vi[m->n_don_vi] = (DonVi){xstrdup(ma), xstrdup(ten), nhom, -1, co};
	return (int)m->n_don_vi++;
}

/* Rows must come sorted by unit, target, period (as the readers leave them). */
static void fx_row(Model *m, int u, int t, const char *ky, int64_t n, int64_t d, const char *note)
{
	Ky k;
	ky_parse(ky, &k);
	m->so_lieu = xrealloc(m->so_lieu, (m->n_so_lieu + 1) * sizeof *m->so_lieu);
	m->so_lieu[m->n_so_lieu] = (SoLieu){u, t, k, (int)m->n_so_lieu + 2, n, d, note ? xstrdup(note) : NULL};
	m->n_so_lieu++;
}

/* The groups and targets both fixtures share: "so" and "huyen", three
 * targets (>=, <=, =), the third sharing the first's basis. */
static void fx_base(Model *m)
{
	model_init(m);
	m->n_nhom = 2;
	m->nhom = xcalloc(2, sizeof *m->nhom);
	m->nhom[0] = (Nhom){xstrdup("so"), xstrdup("Sở, ban, ngành"), 1};
	m->nhom[1] = (Nhom){xstrdup("huyen"), xstrdup("UBND cấp huyện"), 2};
	fx_target(m, 1, "Tỷ lệ hồ sơ trực tuyến", SS_GE, 80, "Công văn số 221/VPCP-KSTT", 3);
	fx_target(m, 2, "Tỷ lệ hồ sơ quá hạn", SS_LE, 5, "", 2);
	fx_target(m, 3, "Tỷ lệ đồng bộ", SS_EQ, 100, "Kế hoạch 12/KH-UBND", 3);
}

/* Returns 0 when the model was built and evaluated.  extra: also two
 * more units of group "so" that tie with so-a and with each other. */
static int fx_model_n(Model *m, int extra)
{
	fx_base(m);
	int a = fx_unit(m, "so-a", "Sở Alpha", 0, 1);
	int b = fx_unit(m, "so-b", FX_HOSTILE_UNIT, 0, 1);
	int c = fx_unit(m, "huyen-c", "UBND huyện Cê", 1, 1);
	fx_unit(m, "huyen-d", "UBND huyện Dê", 1, 0);
	fx_row(m, a, 0, "2024-01", 40, 50, NULL);
	fx_row(m, a, 0, "2024-02", 45, 50, NULL);
	fx_row(m, a, 2, "2024-Q1", 3, 3, NULL);
	fx_row(m, b, 0, "2024-01", 30, 50, FX_HOSTILE_NOTE);
	fx_row(m, c, 0, "2024-Q1", 0, 0, NULL);
	fx_row(m, c, 1, "2024-Q1", 1, 100, NULL);
	fx_row(m, c, 2, "2024-01", 9, 10, "thiếu tháng 2, 3");
	if (extra) {
		int e = fx_unit(m, "so-e", "Sở Echo", 0, 1);
		int f = fx_unit(m, "so-f", "Sở Foxtrot", 0, 1);
		fx_row(m, e, 0, "2024-Q1", 9, 10, NULL);
		fx_row(m, e, 2, "2024-Q1", 7, 7, NULL);
		fx_row(m, f, 0, "2024-Q1", 8, 10, NULL);
		fx_row(m, f, 2, "2024-Q1", 5, 5, NULL);
	}
	fx_conf(m, "co_quan_chu_quan", "ỦY BAN NHÂN DÂN");
	fx_conf(m, "co_quan", "TỈNH THỬ NGHIỆM");
	fx_conf(m, "dia_danh", "Thử Nghiệm");
	fx_conf(m, "trich_yeu", "Kết quả thực hiện chỉ tiêu");
	fx_conf(m, "ten_tinh", "Toàn tỉnh Thử Nghiệm");
	fx_conf(m, "ky_ten", "Nguyễn Văn A");
	m->n_tep = 1;
	m->tep = xcalloc(1, sizeof *m->tep);
	m->tep[0].path = xstrdup("nhom.csv");
	for (int i = 0; i < 32; i++)
		m->tep[0].sha256[i] = (unsigned char)(0xa0 + i);
	msg_warn(&m->msgs, "so-lieu/so-b.csv", 3, 2, "unknown column '%s' <ignored>", "x|y");
	return eval_run(m, "2024-Q1");
}

static int fx_model(Model *m) { return fx_model_n(m, 0); }

/* n units (n >= 2) for the pages that list every unit: every verdict,
 * hostile names, notes, tiny denominators, units under the first, a
 * warning about every seventh unit's file, one input file per unit. */
static int fx_model_big(Model *m, int n)
{
	fx_base(m);
	m->n_tep = (size_t)n;
	m->tep = xcalloc((size_t)n, sizeof *m->tep);
	for (int i = 0; i < n; i++) {
		char ma[32], ten[96];
		snprintf(ma, sizeof ma, "dv-%05d", i);
		if (i % 5 == 1)
			snprintf(ten, sizeof ten, "*Đơn vị | %d* <b>x</b> [l](http://e) `c`!", i);
		else
			snprintf(ten, sizeof ten, "Đơn vị số %d", i);
		int u = fx_unit(m, ma, ten, i % 2, i % 11 != 3);
		if (i > 0 && i % 3 == 0)
			m->don_vi[u].thuoc = 0;
		if (i % 11 != 3) {
			fx_row(m, u, 0, "2024-01", i % 50, 50, i % 4 == 0 ? "ghi chú | *a*" : NULL);
			if (i % 2)
				fx_row(m, u, 1, "2024-Q1", i % 9, i % 9 ? 100 : 0, NULL);
			if (i % 6 != 5)
				fx_row(m, u, 2, "2024-Q1", i % 3, 1 + i % 4, NULL);
		}
		char *path = xasprintf("so-lieu/%s.csv", ma);
		if (i % 7 == 0)
			msg_warn(&m->msgs, path, 2 + i % 5, 1, "unknown column '%s' <ignored>", "x|y");
		m->tep[i].path = path;
		m->tep[i].sha256[0] = (unsigned char)i;
	}
	fx_conf(m, "ten_tinh", "Toàn tỉnh Thử Nghiệm");
	return eval_run(m, "2024-Q1");
}

#endif
