/* SPDX-License-Identifier: MIT */
#include "eval.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

/* 100*n*10^scale against gt_num*d needs up to ~2^127 for int64 inputs. */
__extension__ typedef __int128 S_i128;

DanhGia eval_judge(const ChiTieu *t, int64_t n, int64_t d)
{
	if (d == 0)
		return DG_KHONG_PHAT_SINH;
	S_i128 lhs = (S_i128)n * 100, rhs = (S_i128)t->gt_num * d;
	for (int i = 0; i < t->gt_scale; i++)
		lhs *= 10;
	if (d < 0) { /* never from valid input; keeps the inequality's sense */
		lhs = -lhs;
		rhs = -rhs;
	}
	int ok = 0;
	switch (t->so_sanh) {
	case SS_GE:
		ok = lhs >= rhs;
		break;
	case SS_LE:
		ok = lhs <= rhs;
		break;
	case SS_EQ:
		ok = lhs == rhs;
		break;
	}
	return ok ? DG_DAT : DG_CHUA_DAT;
}

static int S_in_window(const CuaSo *w, Ky k)
{
	return k.year == w->year && ky_last_month(k) <= w->last_month;
}

/* Bits 0..11 for January..December. */
static unsigned S_months(Ky k)
{
	unsigned mask = 0;
	for (int mo = ky_first_month(k); mo <= ky_last_month(k); mo++)
		mask |= 1u << (mo - 1);
	return mask;
}

/* "2024-04, 2024-05" or "2024-01..2024-03, 2024-05": runs of months. */
static void S_put_months(Buf *b, unsigned mask, int year)
{
	int first = 1;
	for (int mo = 1; mo <= 12; mo++) {
		if (!(mask & (1u << (mo - 1))))
			continue;
		int end = mo;
		while (end < 12 && (mask & (1u << end)))
			end++;
		buf_printf(b, "%s%04d-%02d", first ? "" : ", ", year, mo);
		if (end > mo + 1)
			buf_printf(b, "..%04d-%02d", year, end);
		else if (end == mo + 1)
			buf_printf(b, ", %04d-%02d", year, end);
		first = 0;
		mo = end;
	}
}

/* The warning on a unit's missing months into b, each clause put in one
 * language by tr (msg_gettext or msg_vi): "figures do not cover the
 * window 2024-01..2024-06: 2024-05 missing for targets 1, 3; no figures
 * at all for target 2".  done[t] is 0 for the targets still to name, and
 * is set as they are. */
static void S_coverage_text(Buf *b, const Model *m, const unsigned *miss, unsigned char *done,
                            unsigned want, size_t n_app, const char *(*tr)(const char *))
{
	size_t T = m->n_chi_tieu;
	Buf w, part, list;
	buf_init(&w);
	buf_init(&part);
	buf_init(&list);
	S_put_months(&w, want, m->cua_so.year);
	for (size_t t = 0; t < T; t++) {
		if (done[t])
			continue;
		unsigned mask = miss[t];
		size_t same = 0;
		for (size_t s = t; s < T; s++)
			if (!done[s] && miss[s] == mask)
				same++;
		if (part.len)
			buf_puts(&part, "; ");
		int every = same == n_app && n_app > 1;
		buf_reset(&list);
		if (mask != want)
			S_put_months(&list, mask, m->cua_so.year);
		Buf stt;
		buf_init(&stt);
		for (size_t s = t; s < T; s++)
			if (!done[s] && miss[s] == mask) {
				buf_printf(&stt, "%s%d", stt.len ? ", " : "", m->chi_tieu[s].stt);
				done[s] = 1;
			}
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		/* each clause a string of its own (xgettext:c-format marks it) */
		if (mask == want && every)
			buf_puts(&part, tr(N_("no figures at all")));
		else if (mask == want && same > 1)
			/* xgettext:c-format */
			buf_printf(&part, tr(N_("no figures at all for targets %s")), stt.ptr);
		else if (mask == want)
			/* xgettext:c-format */
			buf_printf(&part, tr(N_("no figures at all for target %s")), stt.ptr);
		else if (every)
			/* xgettext:c-format */
			buf_printf(&part, tr(N_("%s missing for every target")), list.ptr);
		else if (same > 1)
			/* xgettext:c-format */
			buf_printf(&part, tr(N_("%s missing for targets %s")), list.ptr, stt.ptr);
		else
			/* xgettext:c-format */
			buf_printf(&part, tr(N_("%s missing for target %s")), list.ptr, stt.ptr);
		buf_release(&stt);
		if (every)
			break;
	}
	/* xgettext:c-format */
	buf_printf(b, tr(N_("figures do not cover the window %s: %s")), w.ptr, part.ptr);
#pragma GCC diagnostic pop
	buf_release(&w);
	buf_release(&part);
	buf_release(&list);
}

/* One warning per unit whose figures miss months of the window for a
 * target that applies to it.  Targets that miss the same months are named
 * together, so a unit that skipped May everywhere gets one short line. */
static void S_warn_coverage(Model *m, const unsigned *cover)
{
	size_t T = m->n_chi_tieu;
	unsigned want = (1u << m->cua_so.last_month) - 1;
	unsigned *miss = xmalloc((T ? T : 1) * sizeof *miss);
	unsigned char *done = xmalloc(T ? T : 1), *keep = xmalloc(T ? T : 1);
	Buf b, vi;
	buf_init(&b);
	buf_init(&vi);
	for (size_t u = 0; u < m->n_don_vi; u++) {
		/* A unit with no file at all is already warned about by input. */
		if (!m->don_vi[u].co_so_lieu)
			continue;
		size_t n_app = 0, n_miss = 0;
		for (size_t t = 0; t < T; t++) {
			miss[t] = 0;
			done[t] = 1;
			if (!model_applies(m, u, t))
				continue;
			n_app++;
			miss[t] = want & ~cover[u * T + t];
			if (miss[t]) {
				n_miss++;
				done[t] = 0;
			}
		}
		if (!n_miss)
			continue;
		m->thieu_don_vi[u] = 1;
		/* the same clauses in the locale's language and in Vietnamese */
		memcpy(keep, done, T ? T : 1);
		buf_reset(&b);
		S_coverage_text(&b, m, miss, done, want, n_app, msg_gettext);
		memcpy(done, keep, T ? T : 1);
		buf_reset(&vi);
		S_coverage_text(&vi, m, miss, done, want, n_app, msg_vi);
		/* the file read (.csv or .xlsx); a model built by hand names none */
		const char *tep = model_tep_so_lieu(m, u);
		char *path = tep ? xstrdup(tep) : xasprintf("so-lieu/%s.csv", m->don_vi[u].ma);
		msg_add_texts(&m->msgs, MSG_WARNING, path, 0, 0, b.ptr, vi.ptr);
		free(path);
	}
	buf_release(&b);
	buf_release(&vi);
	free(keep);
	free(done);
	free(miss);
}

static void S_judge_aggregate(const ChiTieu *t, KetQua *k, int co)
{
	k->dg = co ? eval_judge(t, k->n, k->d) : DG_CHUA_BAO_CAO;
}

/* The verdicts of window w from the figures of m into kq_dv [U*T],
 * kq_nhom [G*T] and kq_tinh [T] (zeroed by the caller), the trend steps
 * into xh_* when xh (else they are not touched and may be NULL), the
 * months each unit's rows cover into cover [U*T].  m is only read.
 *
 * A row counted for a unit makes it judged on that target (its cover is
 * no longer 0), and a judged unit's figures are all in its groups' and
 * the province's sums: so the sums and steps of the aggregates are
 * added up in the same pass over the rows, and only the counts of units
 * judged and met wait for the units' verdicts. */
static void S_ket_qua(const Model *m, const CuaSo *w, KetQua *kq_dv, KetQua *kq_nhom,
                      KetQua *kq_tinh, int xh, Diem *xh_dv, Diem *xh_nhom, Diem *xh_tinh,
                      unsigned *cover)
{
	size_t U = m->n_don_vi, T = m->n_chi_tieu, G = m->n_nhom;
	for (size_t i = 0; i < m->n_so_lieu; i++) {
		const SoLieu *r = &m->so_lieu[i];
		if (r->don_vi < 0 || (size_t)r->don_vi >= U || r->chi_tieu < 0 || (size_t)r->chi_tieu >= T)
			continue;
		size_t u = (size_t)r->don_vi, t = (size_t)r->chi_tieu;
		if (!S_in_window(w, r->ky) || !model_applies(m, u, t))
			continue;
		size_t g = (size_t)m->don_vi[u].nhom; /* >= 0: the target applies */
		KetQua *kq[3] = {&kq_dv[u * T + t], &kq_nhom[g * T + t], &kq_tinh[t]};
		for (int a = 0; a < 3; a++) {
			kq[a]->n += r->tu_so;
			kq[a]->d += r->mau_so;
		}
		cover[u * T + t] |= S_months(r->ky);
		if (!xh)
			continue;
		size_t s = w->buoc_quy ? (size_t)(ky_first_month(r->ky) - 1) / 3 : (size_t)r->ky.n - 1;
		Diem *p[3] = {&xh_dv[(u * T + t) * MAX_BUOC + s], &xh_nhom[(g * T + t) * MAX_BUOC + s],
		              &xh_tinh[t * MAX_BUOC + s]};
		for (int a = 0; a < 3; a++) {
			p[a]->n += r->tu_so;
			p[a]->d += r->mau_so;
			p[a]->co = 1;
		}
	}

	/* Verdicts of units, and how many of them each aggregate judged and
	 * found met. */
	int *co_nhom = xcalloc(G * T + 1, sizeof *co_nhom);
	int *co_tinh = xcalloc(T + 1, sizeof *co_tinh);
	for (size_t u = 0; u < U; u++) {
		int g = m->don_vi[u].nhom;
		for (size_t t = 0; t < T; t++) {
			KetQua *kq = &kq_dv[u * T + t];
			if (!model_applies(m, u, t) || !cover[u * T + t]) {
				kq->dg = DG_CHUA_BAO_CAO;
				continue;
			}
			kq->dg = eval_judge(&m->chi_tieu[t], kq->n, kq->d);
			int judged = kq->dg == DG_DAT || kq->dg == DG_CHUA_DAT;
			KetQua *agg[2] = {&kq_nhom[(size_t)g * T + t], &kq_tinh[t]};
			co_nhom[(size_t)g * T + t] = 1;
			co_tinh[t] = 1;
			for (int a = 0; a < 2; a++) {
				agg[a]->so_dv_dat += kq->dg == DG_DAT;
				agg[a]->so_dv_danh_gia += judged;
			}
		}
	}
	for (size_t t = 0; t < T; t++) {
		for (size_t g = 0; g < G; g++)
			S_judge_aggregate(&m->chi_tieu[t], &kq_nhom[g * T + t], co_nhom[g * T + t]);
		S_judge_aggregate(&m->chi_tieu[t], &kq_tinh[t], co_tinh[t]);
	}
	free(co_nhom);
	free(co_tinh);
}

void eval_gop(const Model *m, const int *v, size_t n, size_t t, KetQua *out)
{
	KetQua r = {0, 0, DG_CHUA_BAO_CAO, 0, 0};
	int co = 0;
	for (size_t i = 0; i < n; i++) {
		size_t u = (size_t)v[i];
		if (!model_applies(m, u, t))
			continue;
		const KetQua *k = model_kq_don_vi(m, u, t);
		if (k->dg == DG_CHUA_BAO_CAO)
			continue;
		co = 1;
		r.n += k->n;
		r.d += k->d;
		r.so_dv_dat += k->dg == DG_DAT;
		r.so_dv_danh_gia += k->dg == DG_DAT || k->dg == DG_CHUA_DAT;
	}
	if (co)
		r.dg = eval_judge(&m->chi_tieu[t], r.n, r.d);
	*out = r;
}

/* The units in display order (Model.thu_tu_don_vi, SPEC "input/don-vi.csv"):
 * by group (groups are sorted by thu_tu already, so a group's index is its
 * order), within a group in registry order; a unit without a group goes
 * last.  A counting pass: stable, linear in the units. */
static void S_order(Model *m)
{
	size_t U = m->n_don_vi, G = m->n_nhom;
	size_t *at = xcalloc(G + 2, sizeof *at);
	for (size_t u = 0; u < U; u++) {
		int g = m->don_vi[u].nhom;
		at[(g >= 0 && (size_t)g < G ? (size_t)g : G) + 1]++;
	}
	for (size_t g = 1; g <= G + 1; g++)
		at[g] += at[g - 1];
	for (size_t u = 0; u < U; u++) {
		int g = m->don_vi[u].nhom;
		m->thu_tu_don_vi[at[g >= 0 && (size_t)g < G ? (size_t)g : G]++] = (int)u;
	}
	free(at);
}

int eval_run_opts(Model *m, const char *ky, const EvalOpts *o)
{
	CuaSo *w = &m->cua_so;
	size_t U = m->n_don_vi, T = m->n_chi_tieu, G = m->n_nhom;
	int xh = o->series;
	Ky k;

	model_release_results(m);
	memset(w, 0, sizeof *w);

	/* The window and the kind of steps come from the rows in it. */
	int n_in = 0, any_q = 0;
	if (ky) {
		if (ky_parse(ky, &k)) {
			msg_error(&m->msgs, "", 0, 0,
			          "bad report period '%s': expected YYYY-MM or YYYY-Qn (e.g. 2024-Q2)", ky);
			return -1;
		}
		w->ky = w->moi_nhat = k;
		w->year = k.year;
		w->last_month = ky_last_month(k);
		for (size_t i = 0; i < m->n_so_lieu; i++) {
			const SoLieu *r = &m->so_lieu[i];
			if (!S_in_window(w, r->ky))
				continue;
			if (!n_in || ky_cmp(r->ky, w->moi_nhat) > 0)
				w->moi_nhat = r->ky;
			n_in++;
			any_q |= r->ky.kind == 'Q';
		}
	} else {
		/* The latest period of the data is the report period; its window
		 * holds every row of its year (none is later), and its rows are
		 * counted as the pass goes: a row of a later year than the latest
		 * so far is itself the latest, so none of that year came before. */
		int have = 0;
		Ky latest = {0, 'M', 1};
		for (size_t i = 0; i < m->n_so_lieu; i++) {
			Ky r = m->so_lieu[i].ky;
			if (!have || ky_cmp(r, latest) > 0) {
				if (!have || r.year != latest.year)
					n_in = any_q = 0;
				latest = r;
				have = 1;
			}
			if (r.year == latest.year) {
				n_in++;
				any_q |= r.kind == 'Q';
			}
		}
		if (!have) {
			msg_error(&m->msgs, "so-lieu", 0, 0, "no figures in so-lieu/: nothing to evaluate");
			return -1;
		}
		k = latest;
		w->ky = w->moi_nhat = k;
		w->year = k.year;
		w->last_month = ky_last_month(k);
	}
	w->buoc_quy = n_in ? any_q : k.kind == 'Q';
	if (w->buoc_quy) {
		w->n_buoc = (w->last_month + 2) / 3;
		for (int i = 0; i < w->n_buoc; i++)
			w->buoc[i] = (Ky){w->year, 'Q', i + 1};
	} else {
		w->n_buoc = w->last_month;
		for (int i = 0; i < w->n_buoc; i++)
			w->buoc[i] = (Ky){w->year, 'M', i + 1};
	}

	m->thu_tu_don_vi = xmalloc((U + 1) * sizeof *m->thu_tu_don_vi);
	S_order(m);

	m->kq_don_vi = xcalloc(U * T + 1, sizeof *m->kq_don_vi);
	m->kq_nhom = xcalloc(G * T + 1, sizeof *m->kq_nhom);
	m->kq_tinh = xcalloc(T + 1, sizeof *m->kq_tinh);
	if (xh) {
		m->xh_don_vi = xcalloc(U * T * MAX_BUOC + 1, sizeof *m->xh_don_vi);
		m->xh_nhom = xcalloc(G * T * MAX_BUOC + 1, sizeof *m->xh_nhom);
		m->xh_tinh = xcalloc(T * MAX_BUOC + 1, sizeof *m->xh_tinh);
	}
	unsigned *cover = xcalloc(U * T + 1, sizeof *cover);
	S_ket_qua(m, w, m->kq_don_vi, m->kq_nhom, m->kq_tinh, xh, m->xh_don_vi, m->xh_nhom, m->xh_tinh,
	          cover);

	/* Provisional figures (SPEC "History"): a unit judged on some target
	 * with no data file, or one whose rows miss months (marked by
	 * S_warn_coverage). */
	m->thieu_don_vi = xcalloc(U + 1, 1);
	for (size_t u = 0; u < U; u++)
		for (size_t t = 0; !m->don_vi[u].co_so_lieu && t < T; t++)
			if (model_applies(m, u, t)) {
				m->thieu_don_vi[u] = 1;
				break;
			}
	S_warn_coverage(m, cover);
	/* what the marks at the figures say (model.h) */
	unsigned want = (1u << m->cua_so.last_month) - 1;
	for (size_t u = 0; u < U; u++)
		for (size_t t = 0; t < T; t++)
			cover[u * T + t] = model_applies(m, u, t) ? want & ~cover[u * T + t] : 0;
	m->thieu_thang = cover;
	m->n_thieu = 0;
	for (size_t u = 0; u < U; u++)
		m->n_thieu += m->thieu_don_vi[u];
	m->evaluated = 1;
	return 0;
}

int eval_run(Model *m, const char *ky)
{
	EvalOpts o = {1, 1};
	return eval_run_opts(m, ky, &o);
}

void eval_ket_qua(const Model *m, Ky k, KetQua **kq_dv, KetQua **kq_nhom, KetQua **kq_tinh)
{
	size_t U = m->n_don_vi, T = m->n_chi_tieu, G = m->n_nhom;
	CuaSo w;
	memset(&w, 0, sizeof w);
	w.ky = k;
	w.year = k.year;
	w.last_month = ky_last_month(k);
	*kq_dv = xcalloc(U * T + 1, sizeof **kq_dv);
	*kq_nhom = xcalloc(G * T + 1, sizeof **kq_nhom);
	*kq_tinh = xcalloc(T + 1, sizeof **kq_tinh);
	unsigned *cover = xcalloc(U * T + 1, sizeof *cover);
	S_ket_qua(m, &w, *kq_dv, *kq_nhom, *kq_tinh, 0, NULL, NULL, NULL, cover);
	free(cover);
}
