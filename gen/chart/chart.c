/* chart: the trend charts, drawn by gnuplot.  The only file that knows
 * gnuplot's syntax.
 *
 * Every chart becomes one self-contained piece of script (its data inline
 * as datablocks, then `reset`, settings, plot for PNG, replot for SVG), so
 * the charts can be cut into batches for parallel gnuplot processes and
 * still come out byte-identical.  gnuplot runs in the charts folder, so
 * the only paths the script names are the file names we build from
 * validated codes and stt integers. */
#include "chart.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "cache.h"
#include "fmt.h"
#include "out.h"
#include "xalloc.h"

extern char **environ;

__extension__ typedef __int128 S_i128;

#define S_FAIL_MARK "chitieu-chart-failed "
#define S_DONE_MARK "chitieu-chart-done "
#define S_DEFAULT_TIMEOUT 300
#define S_FONT "Liberation Sans"
/* After every plot title: the SVG terminal writes each plot's title as its
 * <title>, and for a title not marked noenhanced gnuplot 5.4 passes the
 * last multi-line text it measured instead (ENHest_plaintext), which is
 * left over from whichever chart the same process drew before: the bytes
 * would then depend on the number of workers. */
#define S_NOENH " noenhanced"

/* Dots per inch of the PNGs at their placed size (see chart.h). */
#define S_DPI 200
/* gnuplot's cairo terminals size fonts for 72 dpi. */
#define S_SCALE "2.78"

typedef struct {
	char stem[96]; /* "chi-tieu-3", "don-vi-xa-a": [a-z0-9-]+ only */
	Buf script;
} S_Chart;

/* The run's charts in a fixed order, targets by stt then units in
 * registry order: an index, not the scripts.  A chart's script is made
 * when its batch is written out, so memory does not grow with the units
 * (10,000 units' scripts are some 30 MB). */
typedef struct {
	const Model *m;
	size_t n;
	int *don_vi; /* the unit of chart n_chi_tieu + k, [n - n_chi_tieu] */
	size_t *todo; /* the charts gnuplot draws (not found in the cache) */
	size_t n_todo;
} S_Plan;

/* Series styles of the trend charts: the province first, then the groups.
 * Colour, dash and marker all differ, so a grayscale print still tells
 * the lines apart. */
static const char *const S_colour[] = {"#000000", "#1f5fa8", "#c0392b", "#2e7d32",
                                       "#7b1fa2", "#8d6e00", "#00838f"};
static const int S_dash[] = {1, 2, 4, 5, 3, 2, 4};
static const int S_pt_full[] = {7, 5, 9, 13, 11, 15, 5};
static const int S_pt_open[] = {6, 4, 8, 12, 10, 14, 4};
#define S_N_STYLE (sizeof S_colour / sizeof *S_colour)

void chart_quote(Buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	buf_putc(b, '\'');
	while (*p) {
		unsigned c = *p;
		size_t len;
		unsigned cp;
		if (c < 0x80) {
			len = 1;
			cp = c;
		} else if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
		} else {
			p++; /* not a lead byte: dropped */
			continue;
		}
		size_t i;
		for (i = 1; i < len; i++) {
			if ((p[i] & 0xc0) != 0x80)
				break;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if (i < len || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff)) {
			p++; /* a broken or overlong sequence: dropped byte by byte */
			continue;
		}
		/* C0, DEL, C1 and the Unicode line and paragraph separators:
		 * nothing printable, and a newline would end the command. */
		int drop = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029;
		if (!drop) {
			if (cp == '\'')
				buf_putc(b, '\'');
			buf_add(b, p, len);
		}
		p += len;
	}
	buf_putc(b, '\'');
}

/* Appends the first max code points of s, with "…" when cut: a chart
 * has no room for a long name and gnuplot does not wrap. */
static void S_cut(Buf *b, const char *s, size_t max)
{
	size_t n = 0;
	const char *p = s, *space = NULL;
	while (*p && n < max) {
		p++;
		while ((*p & 0xc0) == 0x80)
			p++;
		n++;
		if (*p == ' ' && n + 8 >= max)
			space = p;
	}
	/* a cut name ends on a whole word: "Kiểm soát…", not "Kiểm soá…" */
	if (*p && *p != ' ' && space)
		p = space;
	buf_add(b, s, (size_t)(p - s));
	if (*p)
		buf_puts(b, "…");
}

static void S_quote_cut(Buf *b, const char *s, size_t max)
{
	Buf t;
	buf_init(&t);
	S_cut(&t, s, max);
	chart_quote(b, t.ptr);
	buf_release(&t);
}


int chart_unit_has_chart(const Model *m, size_t u)
{
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		if (model_applies(m, u, t))
			return 1;
	return 0;
}

/* 100*n/d with 4 decimals and '.', exactly (d > 0). */
static void S_put_pct(Buf *b, int64_t n, int64_t d)
{
	S_i128 v = (S_i128)n * 1000000;
	S_i128 q = v / d, r = v % d;
	if (r * 2 >= d)
		q++;
	int neg = q < 0;
	if (neg)
		q = -q;
	buf_printf(b, "%s%lld.%04lld", neg ? "-" : "", (long long)(q / 10000), (long long)(q % 10000));
}

/* gia_tri with '.' for the data. */
static void S_put_gia_tri(Buf *b, const ChiTieu *t)
{
	int64_t p = 1;
	for (int i = 0; i < t->gt_scale; i++)
		p *= 10;
	int64_t v = t->gt_num < 0 ? -t->gt_num : t->gt_num;
	buf_printf(b, "%s%lld", t->gt_num < 0 ? "-" : "", (long long)(v / p));
	if (t->gt_scale)
		buf_printf(b, ".%0*lld", t->gt_scale, (long long)(v % p));
}

/* The top of the y axis: 100 %, unless a target lies above it (a figure
 * never does: tu_so <= mau_so). */
static int64_t S_ymax(const ChiTieu *t, int64_t top)
{
	int64_t p = 1;
	for (int i = 0; i < t->gt_scale; i++)
		p *= 10;
	int64_t v = t->gt_num > 0 ? (t->gt_num + p - 1) / p : 0;
	if (v > 100) {
		v = (v + 9) / 10 * 10 + 10;
		if (v > top)
			top = v;
	}
	return top;
}

static void S_yaxis(Buf *b, int64_t top)
{
	buf_printf(b, "set yrange [0:%lld]\nset ytics 0,%lld,%lld nomirror\nset format y '%%g%%%%'\n",
	           (long long)top, (long long)(top > 100 ? (top / 50 + 1) * 10 : 20), (long long)top);
}

/* The vertical range of a trend chart, in whole percent: [*lo, *hi] holds
 * every plotted rate (lo_pct, hi_pct: their floor and ceiling, hi_pct < 0
 * when there is none) and the target line t with a margin, on a tic step
 * of 1, 2, 5, 10 or 20 points, so that 80 % and 84 % do not sit on top of
 * each other.  A range that would start below 20 % starts at 0; one that
 * would end above 100 % ends there unless the target itself is above it
 * (a rate never is: tu_so <= mau_so). */
static void S_trend_range(const ChiTieu *t, int64_t lo_pct, int64_t hi_pct, int64_t *lo, int64_t *hi,
                          int64_t *step)
{
	int64_t p = 1;
	for (int i = 0; i < t->gt_scale; i++)
		p *= 10;
	int64_t g_lo = t->gt_num >= 0 ? t->gt_num / p : -((-t->gt_num + p - 1) / p);
	int64_t g_hi = t->gt_num >= 0 ? (t->gt_num + p - 1) / p : -(-t->gt_num / p);
	int64_t a = g_lo, z = g_hi;
	if (hi_pct >= 0) {
		a = lo_pct < a ? lo_pct : a;
		z = hi_pct > z ? hi_pct : z;
	}
	if (a < 0)
		a = 0;
	int64_t margin = (z - a) / 8;
	if (margin < 2)
		margin = 2;
	a -= margin;
	z += margin;
	int64_t top = g_hi > 100 ? z : 100;
	if (z > top)
		z = top;
	static const int64_t steps[] = {1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000};
	size_t k = 0;
	while (k + 1 < sizeof steps / sizeof *steps && (z - (a > 0 ? a : 0)) / steps[k] > 6)
		k++;
	*step = steps[k];
	a = a <= 20 ? 0 : a / *step * *step;
	z = (z + *step - 1) / *step * *step;
	if (z > top && g_hi <= 100)
		z = 100;
	/* the range may have grown: recount the tics */
	while (k + 1 < sizeof steps / sizeof *steps && (z - a) / steps[k] > 6)
		k++;
	*step = steps[k];
	a = a / *step * *step;
	*lo = a;
	*hi = z;
}

/* floor and ceiling of 100 * n / d in whole percent (d > 0, n >= 0). */
static void S_pct_bounds(int64_t n, int64_t d, int64_t *lo, int64_t *hi)
{
	S_i128 v = (S_i128)n * 100;
	*lo = (int64_t)(v / d);
	*hi = (int64_t)((v + d - 1) / d);
}

/* Widens [*lo, *hi] to hold 100 * n / d (*hi < 0: empty so far). */
static void S_range_add(int64_t *lo, int64_t *hi, int64_t n, int64_t d)
{
	int64_t a, z;
	S_pct_bounds(n, d, &a, &z);
	if (*hi < 0 || a < *lo)
		*lo = a;
	if (*hi < 0 || z > *hi)
		*hi = z;
}

/* The y axis of a trend chart: the range above, with the axis label
 * saying where it starts when not at 0, so a cut axis is never read as a
 * full one. */
static void S_yaxis_trend(Buf *b, int64_t lo, int64_t hi, int64_t step)
{
	buf_printf(b, "set yrange [%lld:%lld]\nset ytics %lld,%lld,%lld nomirror\nset format y '%%g%%%%'\n",
	           (long long)lo, (long long)hi, (long long)lo, (long long)step, (long long)hi);
	if (lo > 0) {
		Buf s;
		buf_init(&s);
		buf_printf(&s, "Tỷ lệ (%%), trục từ %lld%%", (long long)lo);
		buf_puts(b, "set ylabel ");
		chart_quote(b, s.ptr);
		buf_puts(b, " noenhanced\n");
		buf_release(&s);
	} else
		buf_puts(b, "set ylabel 'Tỷ lệ (%)' noenhanced\n");
}

/* A datablock never stays empty: a point outside the fixed ranges keeps
 * the series in the key without drawing anything or warning. */
static void S_block_end(Buf *b, int any)
{
	if (!any)
		buf_puts(b, "-100 -100\n");
	buf_puts(b, "EOD\n");
}

/* Terminal settings: PNG at its placed size and S_DPI, then SVG. */
static void S_png(Buf *b, const char *stem, int w_mm, int h_mm, int pt)
{
	int w = (w_mm * S_DPI * 10 + 127) / 254, h = (h_mm * S_DPI * 10 + 127) / 254;
	buf_printf(b,
	           "set terminal pngcairo size %d,%d font '" S_FONT ",%d' fontscale " S_SCALE
	           " linewidth " S_SCALE " noenhanced\n"
	           "set output '%s.png'\n"
	           "S_ps = 1\n",
	           w, h, pt, stem);
}

/* The same with libgd: a palette PNG, a third of pngcairo's size, for
 * the scorecards' page budget.  It draws no dashes, so only charts whose
 * styles differ by fill and marker use it.  These are the charts drawn
 * once per unit: libgd's cost grows with the pixels and above all with
 * the line widths, so they keep the print resolution the PDFs need
 * (200 dpi) with lines 3/4 as thick as the targets' charts. */
#define S_DPI_SMALL 200
static void S_png_small(Buf *b, const char *stem, int w_mm, int h_mm, int pt)
{
	int w = (w_mm * S_DPI_SMALL * 10 + 127) / 254, h = (h_mm * S_DPI_SMALL * 10 + 127) / 254;
	/* line widths 2.25 and marker size 1.5 at 200 dpi */
	buf_printf(b,
	           "set terminal png size %d,%d font '" S_FONT ",%d' linewidth %g noenhanced\n"
	           "set output '%s.png'\n"
	           "S_ps = %g\n",
	           w, h, (pt * S_DPI_SMALL + 36) / 72, 2.25, stem, 1.5);
}

static void S_svg_and_close(Buf *b, const char *stem, int w_mm, int h_mm, int pt)
{
	/* 96 px per inch, the CSS pixel, so the SVG reads at the same size. */
	int w = (w_mm * 96 * 10 + 127) / 254, h = (h_mm * 96 * 10 + 127) / 254;
	buf_printf(b,
	           "set terminal svg size %d,%d dynamic font '" S_FONT ",%d' fontscale 1.33 linewidth 1.2 noenhanced\n"
	           "S_ps = 0.6\n"
	           "set output '%s.svg'\n"
	           "replot\n"
	           "set output\n"
	           "if (GPVAL_ERRNO != 0) { print '" S_FAIL_MARK "%s' }\n"
	           "print '" S_DONE_MARK "%s'\n",
	           w, h, pt, stem, stem, stem);
}

static void S_common(Buf *b, const char *stem)
{
	buf_printf(b, "# chart %s\nreset\nreset errors\nunset output\n", stem);
}

static void S_chart_chi_tieu(const Model *m, size_t t, S_Chart *c)
{
	const ChiTieu *ct = &m->chi_tieu[t];
	const CuaSo *w = &m->cua_so;
	int nb = w->n_buoc;
	Buf *b = &c->script, s;
	buf_init(&s);
	snprintf(c->stem, sizeof c->stem, "chi-tieu-%d", ct->stt);
	S_common(b, c->stem);

	/* Entities: the province, then every group judged on the target. */
	int ent[64], n_ent = 0;
	ent[n_ent++] = -1;
	for (size_t g = 0; g < m->n_nhom && n_ent < 64; g++)
		if (ct->ap_dung[g])
			ent[n_ent++] = (int)g;

	int64_t lo_pct = 0, hi_pct = -1; /* the plotted rates' bounds */
	for (int e = 0; e < n_ent; e++) {
		const Diem *x = ent[e] < 0 ? model_xh_tinh(m, t) : model_xh_nhom(m, (size_t)ent[e], t);
		int last = -1;
		for (int i = 0; i < nb; i++)
			if (x[i].co)
				last = i;
		int any = 0;
		buf_printf(b, "$k%d << EOD\n", e);
		for (int i = 0; i < nb; i++)
			if (x[i].co && x[i].d > 0) {
				buf_printf(b, "%d ", i + 1);
				S_put_pct(b, x[i].n, x[i].d);
				buf_putc(b, '\n');
				S_range_add(&lo_pct, &hi_pct, x[i].n, x[i].d);
				any = 1;
			}
		S_block_end(b, any);
		/* Year to date: running sums, up to the last step with figures
		 * (a flat line after it would show figures nobody gave). */
		int64_t cn = 0, cd = 0;
		any = 0;
		buf_printf(b, "$l%d << EOD\n", e);
		for (int i = 0; i <= last; i++) {
			if (x[i].co) {
				cn += x[i].n;
				cd += x[i].d;
			}
			if (cd > 0) {
				buf_printf(b, "%d ", i + 1);
				S_put_pct(b, cn, cd);
				buf_putc(b, '\n');
				S_range_add(&lo_pct, &hi_pct, cn, cd);
				any = 1;
			}
		}
		S_block_end(b, any);
	}
	buf_printf(b, "$ct << EOD\n0 ");
	S_put_gia_tri(b, ct);
	buf_printf(b, "\n%d ", nb + 1);
	S_put_gia_tri(b, ct);
	buf_puts(b, "\nEOD\n");

	buf_reset(&s);
	/* the short name when there is one, else the full name cut */
	buf_printf(&s, "Chỉ tiêu %d. %s", ct->stt, ct->ten_ngan && ct->ten_ngan[0] ? ct->ten_ngan : ct->ten);
	buf_puts(b, "set title ");
	S_quote_cut(b, s.ptr, 70);
	buf_reset(&s);
	fmt_cua_so(&s, w);
	buf_puts(&s, w->buoc_quy ? ": lũy kế (đường), từng quý (điểm rỗng)" : ": lũy kế (đường), từng tháng (điểm rỗng)");
	buf_puts(b, " . \"\\n\" . ");
	chart_quote(b, s.ptr);
	buf_puts(b, "\nset xtics (");
	for (int i = 0; i < nb; i++) {
		buf_reset(&s);
		/* a quarter the window cuts short is named by the months it
		 * holds: in the window to May, "Th4–5", not "Quý II" */
		int first = ky_first_month(w->buoc[i]), last = ky_last_month(w->buoc[i]);
		if (w->buoc[i].kind == 'Q' && last > w->last_month && first < w->last_month)
			buf_printf(&s, "Th%d–%d", first, w->last_month);
		else if (w->buoc[i].kind == 'Q' && last > w->last_month)
			buf_printf(&s, "Th%d", first);
		else
			fmt_buoc(&s, w->buoc[i]);
		if (i)
			buf_puts(b, ", ");
		chart_quote(b, s.ptr);
		buf_printf(b, " %d", i + 1);
	}
	buf_printf(b, ")\nset xtics nomirror scale 0\nset xrange [0.5:%d.5]\n", nb);
	int64_t y_lo, y_hi, y_step;
	S_trend_range(ct, lo_pct, hi_pct, &y_lo, &y_hi, &y_step);
	S_yaxis_trend(b, y_lo, y_hi, y_step);
	buf_puts(b, "set grid ytics lc rgb '#d0d0d0' lw 0.5 dt 1\n"
	            "set key outside below center vertical Left reverse samplen 3\n"
	            "set border 3\nset offsets 0,0,0,0\n"
	            /* the target line runs from 0 to nb + 1, both ends outside
	             * the xrange: without "clip two" gnuplot draws none of it */
	            "set clip two\n");

	S_png(b, c->stem, CHART_CHI_TIEU_W_MM, CHART_CHI_TIEU_H_MM, 9);
	buf_puts(b, "plot ");
	for (int e = 0; e < n_ent; e++) {
		size_t k = (size_t)e % S_N_STYLE;
		const KetQua *kq = ent[e] < 0 ? &m->kq_tinh[t] : model_kq_nhom(m, (size_t)ent[e], t);
		buf_reset(&s);
		S_cut(&s, ent[e] < 0 ? "Toàn tỉnh" : m->nhom[ent[e]].ten, 45);
		if (kq->dg == DG_DAT || kq->dg == DG_CHUA_DAT) {
			buf_puts(&s, ": ");
			fmt_ty_le(&s, kq->n, kq->d, ct);
			buf_puts(&s, "%");
		}
		buf_puts(&s, " – ");
		buf_puts(&s, fmt_danh_gia(kq->dg));
		buf_printf(b, "$l%d using 1:2 with linespoints lw %s lc rgb '%s' dt %d pt %d ps 1.1*S_ps title ", e,
		           e == 0 ? "2.5" : "1.6", S_colour[k], S_dash[k], S_pt_full[k]);
		chart_quote(b, s.ptr);
		buf_puts(b, S_NOENH);
		buf_printf(b, ", \\\n  $k%d using 1:2 with points lc rgb '%s' pt %d ps 1.3*S_ps notitle, \\\n  ", e,
		           S_colour[k], S_pt_open[k]);
	}
	buf_reset(&s);
	buf_puts(&s, "Chỉ tiêu: ");
	fmt_giao_chi_tieu(&s, ct);
	buf_puts(&s, "%");
	buf_puts(b, "$ct using 1:2 with lines lw 2 lc rgb '#606060' dt (8,4) title ");
	chart_quote(b, s.ptr);
	buf_puts(b, S_NOENH);
	buf_putc(b, '\n');
	S_svg_and_close(b, c->stem, CHART_CHI_TIEU_W_MM, CHART_CHI_TIEU_H_MM, 9);
	buf_release(&s);
}

static void S_chart_don_vi(const Model *m, size_t u, S_Chart *c)
{
	const DonVi *dv = &m->don_vi[u];
	Buf *b = &c->script, s, labels;
	buf_init(&s);
	buf_init(&labels);
	snprintf(c->stem, sizeof c->stem, "don-vi-%s", dv->ma);
	S_common(b, c->stem);

	int n = 0, any_dat = 0, any_cd = 0;
	int64_t top = 100;
	Buf dat, cd, ct;
	buf_init(&dat);
	buf_init(&cd);
	buf_init(&ct);
	/* Past a dozen targets "CT12" and "100,00" no longer fit under a
	 * bar: the tics are the bare numbers and the figures stay in the
	 * scorecard's table. */
	int dense = 0;
	for (size_t t = 0; t < m->n_chi_tieu; t++)
		dense += model_applies(m, u, t);
	dense = dense > 12;
	buf_puts(b, "set xtics (");
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		const ChiTieu *x = &m->chi_tieu[t];
		const KetQua *kq = model_kq_don_vi(m, u, t);
		n++;
		top = S_ymax(x, top);
		/* Tic labels are formats to gnuplot: no text from data goes there. */
		if (n > 1)
			buf_puts(b, ", ");
		buf_reset(&s);
		buf_printf(&s, dense ? "%d" : "CT%d", x->stt);
		chart_quote(b, s.ptr);
		buf_printf(&ct, "%d ", n);
		S_put_gia_tri(&ct, x);
		buf_putc(&ct, '\n');
		if (kq->dg == DG_DAT || kq->dg == DG_CHUA_DAT) {
			Buf *into = kq->dg == DG_DAT ? &dat : &cd;
			*(kq->dg == DG_DAT ? &any_dat : &any_cd) = 1;
			buf_printf(into, "%d ", n);
			S_put_pct(into, kq->n, kq->d);
			buf_putc(into, '\n');
			/* The figure under its target's name, where no bar or line
			 * can cover it: a label, as a two-line tic label leaks into
			 * the next chart's SVG (<title>) in gnuplot 5.4. */
			if (!dense) {
				buf_reset(&s);
				fmt_ty_le(&s, kq->n, kq->d, x);
				buf_printf(&labels, "set label %d ", n);
				chart_quote(&labels, s.ptr);
				buf_printf(&labels, " at first %d, graph 0 center offset 0,-2.1 front\n", n);
			}
		} else {
			buf_printf(&labels, "set label %d ", n);
			chart_quote(&labels, fmt_danh_gia(kq->dg));
			buf_printf(&labels, " at first %d, first 3 left rotate by 90 front boxed\n", n);
		}
		buf_printf(b, " %d", n);
	}
	buf_printf(b, ")\n");
	buf_puts(b, "$dat << EOD\n");
	buf_add(b, dat.ptr, dat.len);
	S_block_end(b, any_dat);
	buf_puts(b, "$cd << EOD\n");
	buf_add(b, cd.ptr, cd.len);
	S_block_end(b, any_cd);
	buf_puts(b, "$ct << EOD\n");
	buf_add(b, ct.ptr, ct.len);
	buf_puts(b, "EOD\n");
	buf_add(b, labels.ptr, labels.len);

	buf_puts(b, "set title ");
	buf_reset(&s);
	S_quote_cut(&s, model_ten_don_vi(m, u), 60);
	buf_add(b, s.ptr, s.len);
	buf_reset(&s);
	buf_puts(&s, " – ");
	fmt_cua_so(&s, &m->cua_so);
	buf_puts(&s, ", lũy kế");
	buf_puts(b, " . ");
	chart_quote(b, s.ptr);
	/* gnuplot centres a title over the plot, which the key pushes left:
	 * a long name then ran off the PNG's left edge; this centres it on
	 * the picture instead */
	buf_puts(b, " offset 5,0");
	buf_printf(b, "\nset xtics nomirror scale 0\nset xrange [0.4:%d.6]\n", n);
	S_yaxis(b, top);
	buf_puts(b, "set grid ytics lc rgb '#d0d0d0' lw 0.5 dt 1\n"
	            "set key outside right top vertical Left reverse samplen 2 width 2\n"
	            "set border 3\nset boxwidth 0.6\nset style fill solid 0.5 border -1\n"
	            "set style textbox opaque noborder\nset bmargin 3.3\n");
	S_png_small(b, c->stem, CHART_DON_VI_W_MM, CHART_DON_VI_H_MM, 8);
	buf_puts(b, "plot $dat using 1:2 with boxes fs solid 0.45 border lc rgb '#1b5e20' lc rgb '#43a047' title ");
	chart_quote(b, fmt_danh_gia(DG_DAT));
	buf_puts(b, S_NOENH);
	buf_puts(b, ", \\\n  $cd using 1:2 with boxes fs pattern 4 border lc rgb '#b71c1c' lc rgb '#c62828' title ");
	chart_quote(b, fmt_danh_gia(DG_CHUA_DAT));
	buf_puts(b, S_NOENH);
	buf_puts(b, ", \\\n  $ct using ($1-0.42):2:(0.84):(0) with vectors nohead lw 2.5 lc rgb '#000000' dt 1 title ");
	chart_quote(b, "Chỉ tiêu");
	buf_puts(b, S_NOENH);
	/* The scorecard's verdict marks on the bars (● met, × not met), so
	 * the verdict reads without colour and without the fill. */
	buf_puts(b, ", \\\n  $dat using 1:2 with points pt 7 ps 1.6*S_ps lc rgb '#1b5e20' notitle"
	            ", \\\n  $cd using 1:2 with points pt 2 ps 1.8*S_ps lw 1.5 lc rgb '#b71c1c' notitle\n");
	S_svg_and_close(b, c->stem, CHART_DON_VI_W_MM, CHART_DON_VI_H_MM, 8);
	buf_release(&dat);
	buf_release(&cd);
	buf_release(&ct);
	buf_release(&labels);
	buf_release(&s);
}

/* Chart i's file stem (chi-tieu-<stt>, don-vi-<ma>). */
static void S_stem(const S_Plan *pl, size_t i, char stem[96])
{
	const Model *m = pl->m;
	if (i < m->n_chi_tieu)
		snprintf(stem, 96, "chi-tieu-%d", m->chi_tieu[i].stt);
	else
		snprintf(stem, 96, "don-vi-%s", m->don_vi[pl->don_vi[i - m->n_chi_tieu]].ma);
}

/* Chart i's script into c (its previous one dropped). */
static void S_make(const S_Plan *pl, size_t i, S_Chart *c)
{
	const Model *m = pl->m;
	buf_reset(&c->script);
	if (i < m->n_chi_tieu)
		S_chart_chi_tieu(m, i, c);
	else
		S_chart_don_vi(m, (size_t)pl->don_vi[i - m->n_chi_tieu], c);
}

/* A batch's script goes to its file in pieces of about this size. */
#define S_PIECE (64 * 1024)

/* An unlinked temporary file, closed on exec. */
static int S_tmpfd(void)
{
	const char *d = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/chitieu-gnuplot-XXXXXX", d && *d ? d : "/tmp");
	int fd = mkostemp(tmpl, O_CLOEXEC);
	if (fd >= 0)
		unlink(tmpl);
	free(tmpl);
	return fd;
}

static int S_write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void S_read_all(int fd, Buf *b)
{
	char tmp[4096];
	ssize_t r;
	if (lseek(fd, 0, SEEK_SET) != 0)
		return;
	while ((r = read(fd, tmp, sizeof tmp)) > 0 || (r < 0 && errno == EINTR))
		if (r > 0)
			buf_add(b, tmp, (size_t)r);
}

/* gnuplot's environment: ours, with the C locale so that numbers read and
 * print with '.' whatever the clerk's locale. */
static char **S_env(void)
{
	size_t n = 0, k = 0;
	while (environ[n])
		n++;
	char **env = xmalloc((n + 2) * sizeof *env);
	for (size_t i = 0; i < n; i++) {
		const char *e = environ[i];
		if (strncmp(e, "LC_", 3) == 0 || strncmp(e, "LANG=", 5) == 0 || strncmp(e, "LANGUAGE=", 9) == 0)
			continue;
		env[k++] = environ[i];
	}
	env[k++] = "LC_ALL=C";
	env[k] = NULL;
	return env;
}

static int S_timeout(void)
{
	const char *s = getenv("CHITIEU_GNUPLOT_TIMEOUT");
	if (s && *s) {
		char *end;
		long v = strtol(s, &end, 10);
		if (!*end && v > 0 && v < 86400 * 7)
			return (int)v;
	}
	return S_DEFAULT_TIMEOUT;
}

static double S_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The first lines of gnuplot's complaints, without our own markers and
 * blank lines, flattened for one message. */
static void S_put_stderr(Buf *b, const Buf *e)
{
	const char *p = e->ptr;
	int lines = 0;
	while (*p && lines < 8) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		int blank = 1;
		for (size_t i = 0; i < len; i++)
			if (p[i] != ' ' && p[i] != '\t' && p[i] != '^' && p[i] != '\r')
				blank = 0;
		int noise = strncmp(p, S_FAIL_MARK, strlen(S_FAIL_MARK)) == 0 ||
		            strncmp(p, S_DONE_MARK, strlen(S_DONE_MARK)) == 0 ||
		            (len > 30 && memmem(p, len, "iconv failed to convert degree sign", 35));
		if (!blank && !noise) {
			buf_puts(b, lines ? " | " : ": ");
			/* gnuplot indents its echo of the failing line: one space will do */
			while (len && (*p == ' ' || *p == '\t')) {
				p++;
				len--;
			}
			for (size_t i = 0; i < len && i < 300; i++)
				buf_putc(b, (unsigned char)p[i] < 0x20 ? ' ' : p[i]);
			lines++;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
}

typedef struct {
	pid_t pid;
	int in_fd, err_fd;
	int done, status;
	int stalled;       /* 1 when it finished no chart for the timeout */
	off_t seen;        /* bytes of stderr seen: each chart done adds a line */
	double last;       /* when it last finished a chart */
	size_t first;      /* charts todo[first], todo[first + n_jobs], ... */
} S_Job;

/* The program: $CHITIEU_GNUPLOT or gnuplot; *abs (caller frees) holds it
 * when a relative path had to be made absolute (gnuplot starts in dir: a
 * relative path must not change meaning). */
static const char *S_prog(char **abs)
{
	const char *prog = getenv("CHITIEU_GNUPLOT");
	*abs = NULL;
	if (!prog || !*prog)
		prog = "gnuplot";
	if (prog[0] != '/' && strchr(prog, '/')) {
		char *cwd = getcwd(NULL, 0);
		if (cwd)
			prog = *abs = xasprintf("%s/%s", cwd, prog);
		free(cwd);
	}
	return prog;
}

/* Runs gnuplot once per batch, all at once, in dir, on the charts
 * pl->todo.  Returns 0, or -1 with *err naming the chart, the batch or
 * the missing program. */
static int S_run(const char *dir, const S_Plan *pl, int n_jobs, char **err)
{
	size_t n = pl->n_todo;
	S_Chart c;
	buf_init(&c.script);
	char *abs;
	const char *prog = S_prog(&abs);
	int timeout = S_timeout();
	S_Job *job = xcalloc((size_t)n_jobs, sizeof *job);
	char **env = S_env();
	char *argv[] = {(char *)prog, "-d", NULL};
	int rc = 0, started = 0;
	Buf b;
	buf_init(&b);

	for (int j = 0; j < n_jobs; j++) {
		job[j].pid = -1;
		job[j].in_fd = job[j].err_fd = -1;
		job[j].first = (size_t)j;
	}
	for (int j = 0; j < n_jobs && !rc; j++) {
		S_Job *x = &job[j];
		buf_reset(&b);
		/* UTF-8, so gnuplot measures labels by characters, not bytes (it
		 * drops a key it thinks too wide).  Under LC_ALL=C it warns about
		 * the degree sign, which we never use. */
		buf_puts(&b, "set encoding utf8\n");
		x->in_fd = S_tmpfd();
		x->err_fd = S_tmpfd();
		int bad = x->in_fd < 0 || x->err_fd < 0;
		/* Dealt round-robin: the larger target charts come first and
		 * would otherwise all fall to one worker.  Written out a piece
		 * at a time. */
		for (size_t i = x->first; !bad && i < n; i += (size_t)n_jobs) {
			S_make(pl, pl->todo[i], &c);
			buf_add(&b, c.script.ptr, c.script.len);
			if (b.len >= S_PIECE) {
				bad = S_write_all(x->in_fd, b.ptr, b.len);
				buf_reset(&b);
			}
		}
		if (!bad)
			bad = S_write_all(x->in_fd, b.ptr, b.len) || lseek(x->in_fd, 0, SEEK_SET) != 0;
		if (bad) {
			*err = xasprintf("cannot write the chart script to a temporary file: %s", strerror(errno));
			rc = -1;
			break;
		}
		posix_spawn_file_actions_t fa;
		posix_spawnattr_t at;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_adddup2(&fa, x->in_fd, 0);
		posix_spawn_file_actions_adddup2(&fa, x->err_fd, 2);
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
		posix_spawn_file_actions_addchdir_np(&fa, dir);
		posix_spawnattr_init(&at);
		/* Its own process group, so a timeout also stops what a wrapper
		 * script started; default signals, whatever ours are. */
		sigset_t def;
		sigemptyset(&def);
		sigaddset(&def, SIGPIPE);
		sigaddset(&def, SIGINT);
		sigaddset(&def, SIGTERM);
		sigaddset(&def, SIGHUP);
		posix_spawnattr_setsigdefault(&at, &def);
		posix_spawnattr_setpgroup(&at, 0);
		posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
		int e = posix_spawnp(&x->pid, prog, &fa, &at, argv, env);
		posix_spawn_file_actions_destroy(&fa);
		posix_spawnattr_destroy(&at);
		if (e) {
			x->pid = -1;
			if (e == ENOENT)
				*err = xasprintf("gnuplot is not installed ('%s' was not found): install it with "
				                 "'apt-get install gnuplot-nox', or set CHITIEU_GNUPLOT to its path",
				                 prog);
			else
				*err = xasprintf("cannot run gnuplot ('%s'): %s; install it with 'apt-get install "
				                 "gnuplot-nox', or set CHITIEU_GNUPLOT to its path",
				                 prog, strerror(e));
			rc = -1;
			break;
		}
		started++;
	}

	/* Wait for all of them.  The timeout is on progress, not on the
	 * whole run: a worker that finishes no chart for that long hangs,
	 * while a large run may take far longer in all. */
	double t0 = S_now();
	for (int j = 0; j < n_jobs; j++)
		job[j].last = t0;
	int timed_out = 0, running = started;
	while (running > 0) {
		double now = S_now();
		for (int j = 0; j < n_jobs; j++) {
			S_Job *x = &job[j];
			if (x->pid < 0 || x->done)
				continue;
			pid_t r = waitpid(x->pid, &x->status, WNOHANG);
			if (r == x->pid || (r < 0 && errno != EINTR)) {
				x->done = 1;
				running--;
				continue;
			}
			struct stat st;
			if (fstat(x->err_fd, &st) == 0 && st.st_size != x->seen) {
				x->seen = st.st_size;
				x->last = now;
			} else if (now - x->last > timeout) {
				x->stalled = 1;
				timed_out = 1;
			}
		}
		if (running == 0)
			break;
		if (timed_out || rc) {
			/* A worker hangs, or a batch never started: the run fails
			 * anyway, so every worker stops. */
			for (int j = 0; j < n_jobs; j++)
				if (job[j].pid > 0 && !job[j].done)
					kill(-job[j].pid, SIGKILL);
			for (int j = 0; j < n_jobs; j++)
				if (job[j].pid > 0 && !job[j].done) {
					while (waitpid(job[j].pid, &job[j].status, 0) < 0 && errno == EINTR)
						;
					job[j].done = 1;
					job[j].status = -1;
				}
			break;
		}
		struct timespec ts = {0, 2000000};
		nanosleep(&ts, NULL);
	}

	for (int j = 0; j < n_jobs && !rc; j++) {
		S_Job *x = &job[j];
		if (x->pid < 0)
			continue;
		Buf e;
		buf_init(&e);
		S_read_all(x->err_fd, &e);
		const char *mark = strstr(e.ptr, S_FAIL_MARK);
		char names[96];
		S_stem(pl, pl->todo[x->first], names);
		buf_reset(&b);
		if (timed_out && !x->stalled) {
			/* stopped because another worker hung: that one is reported */
		} else if (x->stalled) {
			/* The chart after the last one it finished is the one it hung on. */
			size_t k = 0;
			for (const char *p = e.ptr; (p = strstr(p, S_DONE_MARK)); p++)
				k++;
			size_t i = x->first + k * (size_t)n_jobs;
			char hung[96];
			S_stem(pl, pl->todo[i < n ? i : x->first], hung);
			buf_printf(&b, "gnuplot ('%s') did not finish the chart charts/%s.png within %d seconds "
			           "(CHITIEU_GNUPLOT_TIMEOUT) and was stopped",
			           prog, hung, timeout);
		} else if (mark) {
			const char *p = mark + strlen(S_FAIL_MARK);
			size_t len = strcspn(p, "\r\n");
			buf_printf(&b, "gnuplot failed to draw the chart charts/%.*s.png", (int)len, p);
			S_put_stderr(&b, &e);
		} else if (WIFEXITED(x->status) && WEXITSTATUS(x->status) == 127) {
			/* posix_spawnp reports a missing program as ENOENT, except
			 * where exec failures only show as the child's status 127
			 * (as under valgrind). */
			buf_printf(&b, "gnuplot could not be started ('%s' exited with status 127: not found?): "
			           "install it with 'apt-get install gnuplot-nox', or set CHITIEU_GNUPLOT to its path",
			           prog);
			S_put_stderr(&b, &e);
		} else if (WIFSIGNALED(x->status)) {
			buf_printf(&b, "gnuplot ('%s') was killed by signal %d while drawing the charts (%s and others)",
			           prog, WTERMSIG(x->status), names);
		} else if (WIFEXITED(x->status) && WEXITSTATUS(x->status) != 0) {
			buf_printf(&b, "gnuplot ('%s') failed with exit status %d while drawing the charts (%s and others)",
			           prog, WEXITSTATUS(x->status), names);
			S_put_stderr(&b, &e);
		}
		buf_release(&e);
		if (b.len) {
			*err = buf_detach(&b, NULL);
			rc = -1;
		}
	}
	for (int j = 0; j < n_jobs; j++) {
		if (job[j].in_fd >= 0)
			close(job[j].in_fd);
		if (job[j].err_fd >= 0)
			close(job[j].err_fd);
	}
	free(job);
	free(env);
	free(abs);
	buf_release(&b);
	buf_release(&c.script);
	return rc;
}

/* ---- the SVGs' own title and description --------------------------
 * gnuplot's svg terminal names every document "Gnuplot" and describes it
 * as "Produced by GNUPLOT …" (its `name` option takes only an
 * identifier), so after it has drawn the charts their <title> and <desc>
 * are put in here: what the chart shows, for a screen reader or a file
 * opened on its own. */

static void S_xml(Buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default:
			/* no control character is allowed in XML 1.0 */
			if ((unsigned char)*s >= 0x20 || *s == '\t')
				buf_putc(b, *s);
		}
	}
}

/* " – 81,15% – Đạt" or " – Chưa báo cáo": a result in words. */
static void S_words(Buf *b, const KetQua *k, const ChiTieu *t)
{
	if (k->dg == DG_DAT || k->dg == DG_CHUA_DAT) {
		buf_puts(b, ": ");
		fmt_ty_le(b, k->n, k->d, t);
		buf_puts(b, "%");
	}
	buf_puts(b, " – ");
	buf_puts(b, fmt_danh_gia(k->dg));
}

static void S_svg_text(const S_Plan *pl, size_t i, Buf *title, Buf *desc)
{
	const Model *m = pl->m;
	char nb[MODEL_TEN_NGAN_BUF];
	if (i < m->n_chi_tieu) {
		const ChiTieu *ct = &m->chi_tieu[i];
		buf_printf(title, "Chỉ tiêu %d. %s – ", ct->stt, ct->ten);
		fmt_cua_so(title, &m->cua_so);
		buf_puts(desc, "Biểu đồ đường: tỷ lệ lũy kế từ đầu năm (đường) và tỷ lệ từng ");
		buf_puts(desc, m->cua_so.buoc_quy ? "quý" : "tháng");
		buf_puts(desc, " (điểm rỗng) của toàn tỉnh và các nhóm đơn vị, so với chỉ tiêu giao ");
		fmt_giao_chi_tieu(desc, ct);
		buf_puts(desc, "% (đường nét đứt). Toàn tỉnh");
		S_words(desc, &m->kq_tinh[i], ct);
		for (size_t g = 0; g < m->n_nhom; g++)
			if (ct->ap_dung[g]) {
				buf_puts(desc, "; ");
				buf_puts(desc, m->nhom[g].ten);
				S_words(desc, model_kq_nhom(m, g, i), ct);
			}
		buf_puts(desc, ".");
		return;
	}
	size_t u = (size_t)pl->don_vi[i - m->n_chi_tieu];
	buf_puts(title, model_ten_don_vi(m, u));
	buf_puts(title, " – ");
	fmt_cua_so(title, &m->cua_so);
	buf_puts(title, ", lũy kế");
	buf_puts(desc, "Biểu đồ cột: tỷ lệ lũy kế từ đầu năm của đơn vị ở từng chỉ tiêu (cột CT1, "
	               "CT2, …), vạch ngang là chỉ tiêu giao. ");
	int n = 0;
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		const ChiTieu *ct = &m->chi_tieu[t];
		buf_puts(desc, n++ ? "; " : "");
		buf_printf(desc, "CT%d %s (chỉ tiêu ", ct->stt, model_ten_ngan(ct, 0, nb));
		fmt_giao_chi_tieu(desc, ct);
		buf_puts(desc, "%)");
		S_words(desc, model_kq_don_vi(m, u, t), ct);
	}
	buf_puts(desc, ".");
}

/* Replaces gnuplot's <title> and <desc> of every SVG, or puts ours after
 * the opening tag of one that has neither (another gnuplot). */
static int S_svg_label(const char *dir, const S_Plan *pl, char **err)
{
	static const char gt[] = "<title>Gnuplot</title>", gd[] = "<desc>Produced by GNUPLOT";
	Buf f, out, title, desc;
	buf_init(&f);
	buf_init(&out);
	buf_init(&title);
	buf_init(&desc);
	char stem[96];
	int rc = 0;
	for (size_t i = 0; i < pl->n && !rc; i++) {
		S_stem(pl, i, stem);
		char *path = xasprintf("%s/%s.svg", dir, stem);
		buf_reset(&f);
		if (buf_read_file(&f, path)) {
			*err = xasprintf("cannot read the chart charts/%s.svg: %s", stem, strerror(errno));
			rc = -1;
			free(path);
			break;
		}
		buf_reset(&title);
		buf_reset(&desc);
		S_svg_text(pl, i, &title, &desc);
		const char *a = strstr(f.ptr, gt), *d = a ? strstr(a, gd) : NULL;
		const char *d_end = d ? strstr(d, "</desc>") : NULL;
		const char *at, *rest;
		if (a && d_end) {
			at = a;
			rest = d_end + 7;
		} else {
			const char *svg = strstr(f.ptr, "<svg");
			const char *close = svg ? strchr(svg, '>') : NULL;
			if (!close) {
				free(path);
				continue; /* not an SVG gnuplot wrote: S_check_files judges it */
			}
			at = rest = close + 1;
			/* ours already (a chart labelled before, as a cache keeps
			 * it): replaced, not doubled */
			const char *p = rest + strspn(rest, " \t\r\n");
			const char *te = !strncmp(p, "<title>", 7) ? strstr(p, "</title>") : NULL;
			if (te) {
				const char *q = te + 8;
				q += strspn(q, " \t\r\n");
				const char *de = !strncmp(q, "<desc>", 6) ? strstr(q, "</desc>") : NULL;
				at = p;
				rest = de ? de + 7 : te + 8;
			}
		}
		buf_reset(&out);
		buf_add(&out, f.ptr, (size_t)(at - f.ptr));
		if (at == rest)
			buf_putc(&out, '\n');
		buf_puts(&out, "<title>");
		S_xml(&out, title.ptr);
		buf_puts(&out, "</title>\n<desc>");
		S_xml(&out, desc.ptr);
		buf_puts(&out, "</desc>");
		buf_add(&out, rest, f.len - (size_t)(rest - f.ptr));
		rc = out_write_file(path, out.ptr, out.len, err);
		free(path);
	}
	buf_release(&f);
	buf_release(&out);
	buf_release(&title);
	buf_release(&desc);
	return rc;
}

/* Every chart drawn, in both formats, not empty. */
static int S_check_files(const char *dir, const S_Plan *pl, char **err)
{
	static const char *const ext[] = {"png", "svg"};
	char stem[96];
	for (size_t i = 0; i < pl->n_todo; i++) {
		S_stem(pl, pl->todo[i], stem);
		for (int k = 0; k < 2; k++) {
			char *p = xasprintf("%s/%s.%s", dir, stem, ext[k]);
			struct stat st;
			int bad = stat(p, &st) != 0 || st.st_size == 0;
			free(p);
			if (bad) {
				*err = xasprintf("gnuplot did not write the chart charts/%s.%s", stem, ext[k]);
				return -1;
			}
		}
	}
	return 0;
}

/* A failed run leaves no chart that could pass for a good one (those
 * copied from the cache too). */
static void S_remove_files(const char *dir, const S_Plan *pl)
{
	char stem[96];
	for (size_t i = 0; i < pl->n; i++) {
		S_stem(pl, i, stem);
		char *p = xasprintf("%s/%s.png", dir, stem);
		unlink(p);
		free(p);
		p = xasprintf("%s/%s.svg", dir, stem);
		unlink(p);
		free(p);
	}
}

/* The index of every chart; 0, or -1 with *err when a unit code cannot
 * name a file (before any gnuplot starts). */
static int S_plan(const Model *m, S_Plan *pl, char **err)
{
	pl->m = m;
	pl->n = m->n_chi_tieu;
	pl->todo = NULL;
	pl->n_todo = 0;
	pl->don_vi = xmalloc((m->n_don_vi ? m->n_don_vi : 1) * sizeof *pl->don_vi);
	for (size_t u = 0; u < m->n_don_vi; u++) {
		if (!chart_unit_has_chart(m, u))
			continue;
		if (!model_code_ok(m->don_vi[u].ma) || strlen(m->don_vi[u].ma) > 80) {
			*err = xasprintf("the unit code '%s' cannot name a chart file: use [a-z0-9-]+",
			                 m->don_vi[u].ma);
			free(pl->don_vi);
			pl->don_vi = NULL;
			return -1;
		}
		pl->don_vi[pl->n++ - m->n_chi_tieu] = (int)u;
	}
	pl->todo = xmalloc((pl->n ? pl->n : 1) * sizeof *pl->todo);
	return 0;
}

/* `gnuplot --version`, run once per run and only with the cache, into v;
 * 0, or -1 when it cannot say (missing, failing, silent, hung): then no
 * chart can be keyed, and drawing reports what is wrong. */
static int S_version(Buf *v)
{
	char *abs;
	const char *prog = S_prog(&abs);
	int out = S_tmpfd(), rc = -1;
	char **env = S_env();
	char *argv[] = {(char *)prog, "--version", NULL};
	pid_t pid = -1;
	if (out >= 0) {
		posix_spawn_file_actions_t fa;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
		posix_spawn_file_actions_adddup2(&fa, out, 1);
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
		posix_spawnattr_t at;
		posix_spawnattr_init(&at);
		posix_spawnattr_setpgroup(&at, 0);
		posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
		if (posix_spawnp(&pid, prog, &fa, &at, argv, env) != 0)
			pid = -1;
		posix_spawn_file_actions_destroy(&fa);
		posix_spawnattr_destroy(&at);
	}
	if (pid > 0) {
		int st = 0, done = 0;
		double t0 = S_now(), timeout = S_timeout();
		while (!done) {
			pid_t r = waitpid(pid, &st, WNOHANG);
			if (r == pid || (r < 0 && errno != EINTR))
				done = 1 + (r != pid);
			else if (S_now() - t0 > timeout) {
				kill(-pid, SIGKILL);
				while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
					;
				done = 2;
			} else {
				struct timespec ts = {0, 1000000};
				nanosleep(&ts, NULL);
			}
		}
		if (done == 1 && WIFEXITED(st) && WEXITSTATUS(st) == 0) {
			S_read_all(out, v);
			rc = v->len ? 0 : -1;
		}
	}
	if (out >= 0)
		close(out);
	free(env);
	free(abs);
	return rc;
}

/* Chart i's key: what gnuplot is given to draw it (the prolog every
 * batch starts with, then its script) and which gnuplot, by its
 * --version.  The script names its files, so the key does too. */
static void S_key(const Buf *version, const S_Chart *c, unsigned char key[32])
{
	static const char tag[] = "chitieu chart 1\n";
	static const char prolog[] = "set encoding utf8\n";
	struct sha256_ctx h;
	sha256_init(&h);
	sha256_update(&h, sizeof tag - 1, (const uint8_t *)tag);
	sha256_update(&h, version->len, (const uint8_t *)version->ptr);
	sha256_update(&h, 1, (const uint8_t *)"");
	sha256_update(&h, sizeof prolog - 1, (const uint8_t *)prolog);
	sha256_update(&h, c->script.len, (const uint8_t *)c->script.ptr);
	sha256_digest(&h, 32, key);
}

/* Charts found in the cache are written into dir; the others go to
 * pl->todo.  Returns -1 with *err when a chart file cannot be written. */
static int S_from_cache(const char *dir, S_Plan *pl, Cache *cache, unsigned char (*key)[32],
                        ChartStats *st, char **err)
{
	const Buf *version = NULL;
	Buf v, data;
	buf_init(&v);
	buf_init(&data);
	S_Chart c;
	buf_init(&c.script);
	int rc = 0;
	if (cache && S_version(&v) == 0)
		version = &v;
	for (size_t i = 0; i < pl->n && !rc; i++) {
		size_t len[2];
		if (version) {
			S_make(pl, i, &c);
			S_key(version, &c, key[i]);
			if (cache_get(cache, key[i], 2, &data, len)) {
				char stem[96];
				S_stem(pl, i, stem);
				char *png = xasprintf("%s/%s.png", dir, stem), *svg = xasprintf("%s/%s.svg", dir, stem);
				rc = out_write_file(png, data.ptr, len[0], err) ||
				     out_write_file(svg, data.ptr + len[0], len[1], err);
				free(png);
				free(svg);
				st->reused++;
				continue;
			}
		}
		pl->todo[pl->n_todo++] = i;
	}
	buf_release(&c.script);
	buf_release(&data);
	buf_release(&v);
	return rc ? -1 : (version ? 1 : 0);
}

struct ChartKeep {
	Cache *cache;
	size_t n_charts; /* of the run: the cache's bound is 10 times it */
	size_t n;        /* the charts drawn, to store */
	char (*stem)[96];
	unsigned char (*key)[32];
};

int chart_render(const Model *m, const char *dir, int jobs, const char *cache_dir, ChartStats *st,
                 ChartKeep **keep, char **err)
{
	S_Plan pl;
	ChartStats dummy;
	if (!st)
		st = &dummy;
	memset(st, 0, sizeof *st);
	*err = NULL;
	if (keep)
		*keep = NULL;
	if (S_plan(m, &pl, err))
		return -1;
	int rc = 0, keyed = 0;
	Cache *cache = NULL;
	unsigned char(*key)[32] = NULL;
	if (pl.n > 0) {
		if (cache_dir && keep)
			cache = cache_open(cache_dir);
		key = xmalloc(pl.n * sizeof *key);
		keyed = S_from_cache(dir, &pl, cache, key, st, err);
		rc = keyed < 0 ? -1 : 0;
		st->drawn = pl.n_todo;
		if (jobs < 1)
			jobs = 1;
		if ((size_t)jobs > pl.n_todo)
			jobs = (int)pl.n_todo;
		if (!rc && pl.n_todo)
			rc = S_run(dir, &pl, jobs, err);
		if (!rc)
			rc = S_check_files(dir, &pl, err);
		if (!rc)
			rc = S_svg_label(dir, &pl, err);
		if (rc)
			S_remove_files(dir, &pl);
	}
	if (cache && !rc && keyed > 0) {
		/* what to store once the charts are in place */
		ChartKeep *k = xcalloc(1, sizeof *k);
		k->cache = cache;
		k->n_charts = pl.n;
		k->n = pl.n_todo;
		k->stem = xmalloc((k->n ? k->n : 1) * sizeof *k->stem);
		k->key = xmalloc((k->n ? k->n : 1) * sizeof *k->key);
		for (size_t i = 0; i < k->n; i++) {
			S_stem(&pl, pl.todo[i], k->stem[i]);
			memcpy(k->key[i], key[pl.todo[i]], 32);
		}
		*keep = k;
	} else {
		/* failed, or no key without gnuplot's version: the cache is
		 * left as it was */
		cache_close(cache, 0, 0, NULL);
	}
	free(key);
	free(pl.todo);
	free(pl.don_vi);
	return rc;
}

void chart_keep(ChartKeep *k, const char *dir, char **warn)
{
	if (warn)
		*warn = NULL;
	if (!k)
		return;
	Buf png, svg;
	buf_init(&png);
	buf_init(&svg);
	for (size_t i = 0; dir && i < k->n; i++) {
		char *pp = xasprintf("%s/%s.png", dir, k->stem[i]), *sp = xasprintf("%s/%s.svg", dir, k->stem[i]);
		buf_reset(&png);
		buf_reset(&svg);
		if (buf_read_file(&png, pp) == 0 && buf_read_file(&svg, sp) == 0) {
			const void *part[2] = {png.ptr, svg.ptr};
			size_t len[2] = {png.len, svg.len};
			cache_put(k->cache, k->key[i], 2, part, len);
		}
		free(pp);
		free(sp);
	}
	buf_release(&png);
	buf_release(&svg);
	/* a year of weekly runs keeps at most ten runs' worth */
	cache_close(k->cache, dir != NULL, 10 * k->n_charts, warn);
	free(k->stem);
	free(k->key);
	free(k);
}

int chart_render_all(const Model *m, const char *dir, int jobs, char **err)
{
	return chart_render(m, dir, jobs, NULL, NULL, NULL, err);
}

int chart_script(const Model *m, Buf *b, char **err)
{
	S_Plan pl;
	*err = NULL;
	if (S_plan(m, &pl, err))
		return -1;
	S_Chart c;
	buf_init(&c.script);
	buf_puts(b, "set encoding utf8\n");
	for (size_t i = 0; i < pl.n; i++) {
		S_make(&pl, i, &c);
		buf_add(b, c.script.ptr, c.script.len);
	}
	buf_release(&c.script);
	free(pl.todo);
	free(pl.don_vi);
	return 0;
}
