/* SPDX-License-Identifier: MIT */
/* gp_script: the charts as gnuplot scripts (gp_script.h).  The only file
 * that knows gnuplot's syntax.
 *
 * Every chart becomes one self-contained piece of script (its data inline
 * as datablocks, then `reset`, settings, plot for PNG, replot for SVG), so
 * the charts can be cut into batches for parallel gnuplot processes and
 * still come out byte-identical.  gnuplot runs in the charts folder, so
 * the only paths the script names are the file names we build from
 * validated codes and stt integers.  Every word a chart shows comes from
 * fmt.h; data reaches the script only through chart_quote(). */
#include "gp_script.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

__extension__ typedef __int128 S_i128;

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

const char gp_prolog[] = "set encoding utf8\n";

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
		/* gnuplot 5.4's tokenizer loses a doubled quote next to
		 * another one ('''x' and 'a''''b' fail): an apostrophe from
		 * data is printed as the typographic one, so a literal holds
		 * no quote at all */
		if (!drop && cp == '\'')
			buf_puts(b, "\u2019");
		else if (!drop)
			buf_add(b, p, len);
		p += len;
	}
	buf_putc(b, '\'');
}

/* s wrapped at spaces into lines of at most width code points, as a
 * gnuplot string expression ('line' . "\n" . 'line'): a legend entry or a
 * title is never cut mid-word or with a bracket left open.  At most
 * max_lines lines: past them the last line ends on a whole word with
 * "…", and a bracket it opened is closed. */
static void S_quote_wrap(Buf *out, const char *s, size_t width, size_t max_lines)
{
	Buf line, e;
	buf_init(&line);
	buf_init(&e);
	size_t n_line = 0, len = 0;
	const char *p = s;
	int cut = 0;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *end = p;
		size_t w = 0;
		while (*end && *end != ' ') {
			end++;
			while ((*end & 0xc0) == 0x80)
				end++;
			w++;
		}
		if (len && len + 1 + w > width) {
			if (n_line + 1 >= max_lines) {
				cut = 1;
				break;
			}
			if (n_line++)
				buf_puts(&e, " . \"\\n\" . ");
			chart_quote(&e, line.ptr);
			buf_reset(&line);
			len = 0;
		}
		if (len) {
			buf_putc(&line, ' ');
			len++;
		}
		buf_add(&line, p, (size_t)(end - p));
		len += w;
		p = end;
	}
	if (cut) {
		buf_puts(&line, "…");
		/* a bracket opened on the lines kept is closed */
		int open = 0;
		for (const char *q = s; q < p; q++)
			open += *q == '(' ? 1 : *q == ')' ? -1 : 0;
		while (open-- > 0)
			buf_putc(&line, ')');
	}
	if (n_line)
		buf_puts(&e, " . \"\\n\" . ");
	chart_quote(&e, line.ptr);
	/* a plot's title takes an expression only in brackets */
	if (n_line)
		buf_printf(out, "(%s)", e.ptr);
	else
		buf_add(out, e.ptr, e.len);
	buf_release(&line);
	buf_release(&e);
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
	Buf s;
	buf_init(&s);
	fmt_bd_truc_y(&s, (long long)lo);
	/* a character's width clear of the tick labels */
	buf_puts(b, "set ylabel ");
	chart_quote(b, s.ptr);
	buf_puts(b, " offset -1,0 noenhanced\n");
	buf_release(&s);
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
	           "if (GPVAL_ERRNO != 0) { print '" GP_FAIL_MARK "%s' }\n"
	           "print '" GP_DONE_MARK "%s'\n",
	           w, h, pt, stem, stem, stem);
}

static void S_common(Buf *b, const char *stem)
{
	buf_printf(b, "# chart %s\nreset\nreset errors\nunset output\n", stem);
}


void gp_chi_tieu(const Model *m, size_t t, Buf *b)
{
	const ChiTieu *ct = &m->chi_tieu[t];
	const CuaSo *w = &m->cua_so;
	int nb = w->n_buoc;
	Buf s;
	buf_init(&s);
	char stem[96];
	snprintf(stem, sizeof stem, "chi-tieu-%d", ct->stt);
	S_common(b, stem);

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

	fmt_bd_ten_chi_tieu(&s, ct);
	buf_puts(b, "set title ");
	S_quote_wrap(b, s.ptr, 90, 2);
	buf_reset(&s);
	fmt_bd_phu_de(&s, w);
	buf_puts(b, " . \"\\n\" . ");
	chart_quote(b, s.ptr);
	buf_puts(b, "\nset xtics (");
	for (int i = 0; i < nb; i++) {
		buf_reset(&s);
		fmt_bd_buoc(&s, w, i);
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
	            "set key outside below center vertical Left reverse samplen 3 spacing 1.1\n"
	            "set border 3\nset offsets 0,0,0,0\n"
	            /* the target line runs from 0 to nb + 1, both ends outside
	             * the xrange: without "clip two" gnuplot draws none of it */
	            "set clip two\n");

	S_png(b, stem, CHART_CHI_TIEU_W_MM, CHART_CHI_TIEU_H_MM, 9);
	buf_puts(b, "plot ");
	for (int e = 0; e < n_ent; e++) {
		size_t k = (size_t)e % S_N_STYLE;
		const KetQua *kq = ent[e] < 0 ? &m->kq_tinh[t] : model_kq_nhom(m, (size_t)ent[e], t);
		buf_reset(&s);
		if (ent[e] >= 0)
			fmt_bd_ten_gon(&s, m->nhom[ent[e]].ten, 45);
		/* a name kept whole: "(Văn phòng…: 99,93%" was a bracket left open */
		char *ten = ent[e] < 0 ? NULL : buf_detach(&s, NULL);
		fmt_bd_chu_thich(&s, ten, kq, ct);
		free(ten);
		buf_printf(b, "$l%d using 1:2 with linespoints lw %s lc rgb '%s' dt %d pt %d ps 1.1*S_ps title ", e,
		           e == 0 ? "2.5" : "1.6", S_colour[k], S_dash[k], S_pt_full[k]);
		/* one line: gnuplot measures a key entry's width over all its
		 * lines and drops a key it finds too wide */
		chart_quote(b, s.ptr);
		buf_puts(b, S_NOENH);
		buf_printf(b, ", \\\n  $k%d using 1:2 with points lc rgb '%s' pt %d ps 1.3*S_ps notitle, \\\n  ", e,
		           S_colour[k], S_pt_open[k]);
	}
	buf_reset(&s);
	fmt_bd_duong_chi_tieu(&s, ct, 0);
	buf_puts(b, "$ct using 1:2 with lines lw 2 lc rgb '#606060' dt (8,4) title ");
	chart_quote(b, s.ptr);
	buf_puts(b, S_NOENH);
	buf_putc(b, '\n');
	S_svg_and_close(b, stem, CHART_CHI_TIEU_W_MM, CHART_CHI_TIEU_H_MM, 9);
	buf_release(&s);
}

void gp_don_vi(const Model *m, size_t u, Buf *b)
{
	const DonVi *dv = &m->don_vi[u];
	Buf s, labels;
	buf_init(&s);
	buf_init(&labels);
	char stem[96];
	snprintf(stem, sizeof stem, "don-vi-%s", dv->ma);
	S_common(b, stem);

	int n = 0, any_dat = 0, any_cd = 0, any_kps = 0, any_cbc = 0;
	int64_t top = 100;
	Buf dat, cd, ct;
	buf_init(&dat);
	buf_init(&cd);
	buf_init(&ct);
	/* The tics are the targets' numbers (the axis says so): "CT10CT11"
	 * and figures under the bars ran together past a few targets; the
	 * figures are in the scorecard's table right above. */
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
		buf_printf(b, "'%d' %d", x->stt, n);
		if (kq->dg == DG_DAT || kq->dg == DG_CHUA_DAT) {
			Buf *into = kq->dg == DG_DAT ? &dat : &cd;
			*(kq->dg == DG_DAT ? &any_dat : &any_cd) = 1;
			buf_printf(into, "%d ", n);
			S_put_pct(into, kq->n, kq->d);
			buf_putc(into, '\n');
			buf_printf(&ct, "%d ", n);
			S_put_gia_tri(&ct, x);
			buf_putc(&ct, '\n');
		} else {
			/* No bar: the legend's symbol stands where the bar would, low
			 * and upright, and no target line crosses it (the symbol's
			 * meaning is in the key). */
			*(kq->dg == DG_KHONG_PHAT_SINH ? &any_kps : &any_cbc) = 1;
			buf_printf(&labels, "set label %d ", n);
			chart_quote(&labels, fmt_ky_hieu((int)kq->dg));
			buf_printf(&labels, " at first %d, graph 0.07 center front\n", n);
		}
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
	S_block_end(b, any_dat || any_cd);
	buf_add(b, labels.ptr, labels.len);

	buf_puts(b, "set title ");
	buf_reset(&s);
	/* the name on its lines, the period on its own: "Năm" and "2024"
	 * never apart */
	S_quote_wrap(b, model_ten_don_vi(m, u), 44, 2);
	fmt_bd_ky_luy_ke(&s, &m->cua_so);
	buf_puts(b, " . \"\\n\" . ");
	chart_quote(b, s.ptr);
	/* gnuplot centres a title over the plot, which the key pushes left:
	 * a long name ran off the PNG's left edge; wrapped and moved right it
	 * is centred on the picture */
	buf_puts(b, " offset 6,0");
	buf_reset(&s);
	fmt_bd_truc_x_don_vi(&s);
	buf_puts(b, "\nset xlabel ");
	chart_quote(b, s.ptr);
	buf_puts(b, " noenhanced");
	buf_printf(b, "\nset xtics nomirror scale 0\nset xrange [0.4:%d.6]\n", n);
	S_yaxis(b, top);
	buf_puts(b, "set grid ytics lc rgb '#d0d0d0' lw 0.5 dt 1\n"
	            "set key outside right top vertical Left reverse samplen 2 width 1\n"
	            "set border 3\nset boxwidth 0.6\nset style fill solid 0.5 border -1\n");
	S_png_small(b, stem, CHART_DON_VI_W_MM, CHART_DON_VI_H_MM, 8);
	buf_puts(b, "plot $dat using 1:2 with boxes fs solid 0.45 border lc rgb '#1b5e20' lc rgb '#43a047' title ");
	chart_quote(b, fmt_danh_gia(DG_DAT));
	buf_puts(b, S_NOENH);
	buf_puts(b, ", \\\n  $cd using 1:2 with boxes fs pattern 4 border lc rgb '#b71c1c' lc rgb '#c62828' title ");
	chart_quote(b, fmt_danh_gia(DG_CHUA_DAT));
	buf_puts(b, S_NOENH);
	buf_puts(b, ", \\\n  $ct using ($1-0.42):2:(0.84):(0) with vectors nohead lw 2.5 lc rgb '#000000' dt 1 title ");
	buf_reset(&s);
	fmt_bd_duong_chi_tieu(&s, NULL, 1);
	chart_quote(b, s.ptr);
	buf_puts(b, S_NOENH);
	/* The scorecard's verdict marks on the bars (● met, × not met), so
	 * the verdict reads without colour and without the fill. */
	buf_puts(b, ", \\\n  $dat using 1:2 with points pt 7 ps 1.6*S_ps lc rgb '#1b5e20' notitle"
	            ", \\\n  $cd using 1:2 with points pt 2 ps 1.8*S_ps lw 1.5 lc rgb '#b71c1c' notitle");
	/* the symbols standing for bars, in the key */
	for (int k = 0; k < 2; k++) {
		DanhGia dg = k ? DG_CHUA_BAO_CAO : DG_KHONG_PHAT_SINH;
		if (!(k ? any_cbc : any_kps))
			continue;
		buf_reset(&s);
		buf_printf(&s, "%s %s", fmt_ky_hieu((int)dg), fmt_danh_gia(dg));
		buf_puts(b, ", \\\n  keyentry with lines lc rgb '#ffffff' title ");
		chart_quote(b, s.ptr);
		buf_puts(b, S_NOENH);
	}
	buf_putc(b, '\n');
	S_svg_and_close(b, stem, CHART_DON_VI_W_MM, CHART_DON_VI_H_MM, 8);
	buf_release(&dat);
	buf_release(&cd);
	buf_release(&ct);
	buf_release(&labels);
	buf_release(&s);
}
