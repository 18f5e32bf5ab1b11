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
#include "text.h"
#include "xalloc.h"

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

/* The vertical range of a trend chart, in whole percent: [*lo, *hi] holds
 * every plotted rate (lo_pct, hi_pct: their floor and ceiling, hi_pct < 0
 * when there is none) and the target line t with a margin, on a tic step
 * of 1, 2, 5, 10 or 20 points, so that 80 % and 84 % do not sit on top of
 * each other (at most max_tics steps).  A range that would start below 20 % starts at 0; one that
 * would end above 100 % ends there unless the target itself is above it
 * (a rate never is: tu_so <= mau_so). */
static void S_trend_range(const ChiTieu *t, int64_t lo_pct, int64_t hi_pct, int64_t max_tics, int64_t *lo,
                          int64_t *hi, int64_t *step)
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
	while (k + 1 < sizeof steps / sizeof *steps && (z - (a > 0 ? a : 0)) / steps[k] > max_tics)
		k++;
	*step = steps[k];
	a = a <= 20 ? 0 : a / *step * *step;
	z = (z + *step - 1) / *step * *step;
	if (z > top && g_hi <= 100)
		z = 100;
	/* the range may have grown: recount the tics */
	while (k + 1 < sizeof steps / sizeof *steps && (z - a) / steps[k] > max_tics)
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

/* Dots per inch of the unit charts' PNGs (libgd: a palette PNG, a third
 * of pngcairo's size, for the scorecards' page budget; it draws no
 * dashes, so styles differ by colour, width and marker there).  Its
 * cost grows with the line widths: lines 1.5 px wide by default (0.19 mm
 * at 200 dpi), a fifth less time than 2.25. */
#define S_DPI_SMALL 200

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
	S_trend_range(ct, lo_pct, hi_pct, 6, &y_lo, &y_hi, &y_step);
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

/* ---- A unit's chart: small multiples, one panel per target ------------
 *
 * Each panel plots the unit's year-to-date rate at the end of each period
 * of the year (model_luy_ke_ky: the quarters, then the window's end), the
 * target as a horizontal line, its own vertical range fitted to both, and
 * the verdict's mark at the report period's point; the panel's title is
 * "CT n: rate symbol".  Twelve lines on one plot tangle; one panel each
 * stays readable at the scorecard's size and on a phone.  The PNG (the
 * scorecard's, 120 mm wide) puts up to four panels a row; the SVG (the
 * unit page's, drawn for a phone's width) two.  Sizes are in lines and
 * letters of the chart's font, so both follow one plan. */

/* The panels' plan, in the terminal's pixels: its width, the height of a
 * line of text and the width of an average letter (as the terminal draws
 * them: gnuplot's GPVAL_TERM_VCHAR and _HCHAR), the panels a row and the
 * height of a panel's plot area in lines. */
typedef struct {
	double w, line, chr;
	int cols;
	double plot_h;
	double key_rows; /* lines of the key */
	int ten;         /* 1: the unit's name over the periods (the SVG: the
	                    scorecard's PNG sits under the name already) */
} S_Luoi;

#define S_LN_TITLE 1.45  /* a line of the chart's title */
#define S_LN_O_TITLE 1.2 /* a panel's title */
#define S_LN_XTICS 1.5   /* a panel's period names */
#define S_CH_LEFT 5.5    /* a panel's y tics ("100%") */
#define S_CH_RIGHT 1.5

static int S_rows(int n, int cols)
{
	return (n + cols - 1) / cols;
}

static double S_luoi_h(const S_Luoi *l, int n)
{
	return l->line * (S_LN_TITLE * (1 + l->ten) + S_rows(n, l->cols) * (S_LN_O_TITLE + l->plot_h + S_LN_XTICS) +
	                  l->key_rows * 1.15 + 0.4);
}

/* The data of target t's panel e: $u<e> the rates at the periods' ends
 * (a blank line where the unit did not report: a gap), $v<e> the report
 * period's point when it has a verdict with a rate; the range of both and
 * the target into y_*. */
static void S_o_data(const Model *m, size_t u, size_t t, int e, Buf *b, int64_t *y_lo, int64_t *y_hi,
                     int64_t *y_step)
{
	const ChiTieu *ct = &m->chi_tieu[t];
	const KetQua *kq = model_kq_don_vi(m, u, t);
	DiemKy ky[MAX_KY];
	int nk = model_luy_ke_ky(m, u, t, ky);
	int64_t lo = 0, hi = -1;
	int any = 0, gap = 0;
	buf_printf(b, "$u%d << EOD\n", e);
	for (int k = 0; k < nk; k++) {
		if (!ky[k].co || ky[k].d <= 0) {
			gap = 1;
			continue;
		}
		if (gap && any)
			buf_putc(b, '\n');
		gap = 0;
		buf_printf(b, "%d ", k + 1);
		S_put_pct(b, ky[k].n, ky[k].d);
		buf_putc(b, '\n');
		S_range_add(&lo, &hi, ky[k].n, ky[k].d);
		any = 1;
	}
	S_block_end(b, any);
	buf_printf(b, "$v%d << EOD\n", e);
	any = (kq->dg == DG_DAT || kq->dg == DG_CHUA_DAT) && kq->d > 0;
	if (any) {
		buf_printf(b, "%d ", nk);
		S_put_pct(b, kq->n, kq->d);
		buf_putc(b, '\n');
		S_range_add(&lo, &hi, kq->n, kq->d);
	}
	S_block_end(b, any);
	S_trend_range(ct, lo, hi, 3, y_lo, y_hi, y_step);
}

/* The key's entries (titles; samples and styles are S_o_ve's). */
static size_t S_key(const Model *m, size_t u, const int *tt, int n, char **out)
{
	Buf s;
	buf_init(&s);
	size_t k = 0;
	fmt_bd_duong_luy_ke(&s);
	out[k++] = buf_detach(&s, NULL);
	fmt_bd_duong_chi_tieu(&s, NULL, 1);
	out[k++] = buf_detach(&s, NULL);
	for (int j = 0; j < 4; j++) {
		DanhGia dg = (DanhGia)j;
		int any = j < 2; /* the marks at the points: always */
		for (int e = 0; e < n && !any; e++)
			any = model_kq_don_vi(m, u, (size_t)tt[e])->dg == dg;
		if (!any)
			continue;
		/* the marks' own samples stand for ● and ×; the symbols that
		 * stand in for a rate are text */
		if (j < 2)
			buf_puts(&s, fmt_danh_gia(dg));
		else
			buf_printf(&s, "%s %s", fmt_ky_hieu((int)dg), fmt_danh_gia(dg));
		out[k++] = buf_detach(&s, NULL);
	}
	buf_release(&s);
	return k;
}

/* The lines the key needs in width w px (gnuplot puts as many entries a
 * row as the widest one allows). */
static double S_key_rows(const S_Luoi *l, char **key, size_t nkey)
{
	size_t widest = 0;
	for (size_t i = 0; i < nkey; i++) {
		size_t len = text_length(key[i]);
		widest = len > widest ? len : widest;
	}
	double entry = ((double)widest + 5) * l->chr;
	int per_row = (int)((l->w * 0.98) / entry);
	if (per_row < 1)
		per_row = 1;
	return (double)(((int)nkey + per_row - 1) / per_row);
}

/* The panels and the key, drawn into the current output. */
static void S_o_ve(const Model *m, size_t u, const int *tt, int n, const int64_t (*y)[3], const S_Luoi *l,
                   int nk, const int *thang, char **key, size_t nkey, Buf *b)
{
	double W = l->w, H = S_luoi_h(l, n), L = l->line;
	double cell_w = W / l->cols, row_h = L * (S_LN_O_TITLE + l->plot_h + S_LN_XTICS);
	double key_h = L * (l->key_rows * 1.15 + 0.4);
	Buf s;
	buf_init(&s);
	buf_puts(b, "set multiplot\n");
	/* the chart's title over the whole width: the name, then the periods */
	double y_title = 1 - 0.9 * L / H;
	if (l->ten) {
		buf_puts(b, "set label 1 ");
		S_quote_wrap(b, model_ten_don_vi(m, u), (size_t)(W / l->chr), 1);
		buf_printf(b, " at screen 0.5, screen %.4f center front\n", y_title);
		y_title -= 1.1 * L / H;
	}
	fmt_bd_phu_de_don_vi(&s, &m->cua_so);
	buf_puts(b, "set label 2 ");
	chart_quote(b, s.ptr);
	buf_printf(b, " at screen 0.5, screen %.4f center front\n", y_title);
	/* The period names under a panel: all of them when they fit, else the
	 * first and the last, else none (the title names them all; the tics
	 * stay). */
	size_t widest = 0, ends = 0;
	for (int k = 0; k < nk; k++) {
		buf_reset(&s);
		fmt_bd_ky_gon(&s, thang[k]);
		size_t len = text_length(s.ptr);
		widest = len > widest ? len : widest;
		if (k == 0 || k == nk - 1)
			ends += len;
	}
	double gap = (cell_w - (S_CH_LEFT + S_CH_RIGHT) * l->chr) / (nk > 0 ? nk : 1);
	int all = nk <= 1 || gap >= ((double)widest + 1) * l->chr;
	int two = !all && gap * (nk - 1) >= ((double)ends / 2 + 1) * l->chr;
	/* the named tics, and the bare ones of a panel with another under it
	 * (its column's lowest panel names them: text is most of libgd's
	 * time, and the eye reads a column down) */
	Buf tics, bare;
	buf_init(&tics);
	buf_init(&bare);
	buf_puts(&tics, "set xtics (");
	buf_puts(&bare, "set xtics (");
	for (int k = 0; k < nk; k++) {
		buf_reset(&s);
		if (all || (two && (k == 0 || k == nk - 1)))
			fmt_bd_ky_gon(&s, thang[k]);
		buf_puts(&tics, k ? ", " : "");
		chart_quote(&tics, s.ptr);
		buf_printf(&tics, " %d", k + 1);
		buf_printf(&bare, "%s'' %d", k ? ", " : "", k + 1);
	}
	buf_puts(&tics, ")\n");
	buf_puts(&bare, ")\n");
	buf_printf(b, "set xtics nomirror scale 0.5 offset 0,0.3\nset xrange [0.5:%d.5]\n", nk);
	buf_puts(b, "set border 3\nset ytics nomirror scale 0.5 offset 0.5,0\nset format y '%g%%'\n"
	            "set grid ytics lc rgb '#d0d0d0' lw 0.5 dt 1\nunset key\nset samples 2\nset clip two\n");
	for (int e = 0; e < n; e++) {
		const ChiTieu *ct = &m->chi_tieu[tt[e]];
		const KetQua *kq = model_kq_don_vi(m, u, (size_t)tt[e]);
		int r = e / l->cols, c = e % l->cols;
		double top = H - L * S_LN_TITLE * (1 + l->ten) - r * row_h - L * S_LN_O_TITLE, bot = top - L * l->plot_h;
		buf_printf(b, "set lmargin at screen %.4f\nset rmargin at screen %.4f\n"
		              "set tmargin at screen %.4f\nset bmargin at screen %.4f\n",
		           (c * cell_w + S_CH_LEFT * l->chr) / W, ((c + 1) * cell_w - S_CH_RIGHT * l->chr) / W,
		           top / H, bot / H);
		const Buf *x = e + l->cols >= n ? &tics : &bare;
		buf_add(b, x->ptr, x->len);
		buf_reset(&s);
		fmt_bd_o_don_vi(&s, ct, kq);
		buf_puts(b, "set title ");
		chart_quote(b, s.ptr);
		buf_puts(b, " offset 0,-0.6 noenhanced\n");
		buf_printf(b, "set yrange [%lld:%lld]\nset ytics %lld,%lld,%lld\n", (long long)y[e][0],
		           (long long)y[e][1], (long long)y[e][0], (long long)y[e][2], (long long)y[e][1]);
		/* no rate to draw: the verdict's symbol stands at the period */
		buf_puts(b, "unset label 3\n");
		if (kq->dg == DG_KHONG_PHAT_SINH || kq->dg == DG_CHUA_BAO_CAO) {
			buf_puts(b, "set label 3 ");
			chart_quote(b, fmt_ky_hieu((int)kq->dg));
			buf_printf(b, " at first %d, graph 0.5 center front textcolor rgb '#555555'\n", nk);
		}
		buf_puts(b, "plot ");
		S_put_gia_tri(b, ct);
		buf_printf(b, " with lines lw 1.5 lc rgb '#505050' dt (6,3) notitle, \\\n"
		              "  $u%d using 1:2 with linespoints lw 2 lc rgb '#1f5fa8' pt 7 ps 0.7*S_ps notitle",
		           e);
		if (kq->dg == DG_DAT)
			buf_printf(b, ", \\\n  $v%d using 1:2 with points pt 7 ps 1.5*S_ps lc rgb '#1b5e20' notitle", e);
		else if (kq->dg == DG_CHUA_DAT)
			buf_printf(b, ", \\\n  $v%d using 1:2 with points pt 2 ps 1.7*S_ps lw 2 lc rgb '#b71c1c' notitle",
			           e);
		buf_puts(b, "\n");
	}
	buf_puts(b, "unset label\nunset title\n");
	/* The key: one strip under the panels (a plot of nothing but its
	 * entries; gnuplot 5.4 wants one real curve, drawn outside). */
	buf_printf(b, "set lmargin at screen 0.01\nset rmargin at screen 0.99\nset tmargin at screen %.4f\n"
	              "set bmargin at screen 0.0\n",
	           key_h / H);
	buf_printf(b, "unset border\nunset xtics\nunset ytics\nunset grid\nset xrange [0:1]\nset yrange [0:1]\n"
	              "set key at screen 0.5, screen %.4f center center horizontal Left reverse samplen 2\n",
	           key_h / 2 / H);
	static const char *const style[] = {
		"with linespoints lw 2 lc rgb '#1f5fa8' pt 7 ps 0.7*S_ps",
		"with lines lw 1.5 lc rgb '#505050' dt (6,3)",
		"with points pt 7 ps 1.5*S_ps lc rgb '#1b5e20'",
		"with points pt 2 ps 1.7*S_ps lw 2 lc rgb '#b71c1c'",
	};
	buf_puts(b, "plot -1 notitle");
	for (size_t k = 0; k < nkey; k++) {
		const char *st = k < 4 ? style[k] : "with lines lc rgb '#ffffff'"; /* the symbol is in the title */
		buf_printf(b, ", keyentry %s title ", st);
		chart_quote(b, key[k]);
		buf_puts(b, S_NOENH);
	}
	buf_puts(b, "\nunset multiplot\n");
	buf_release(&tics);
	buf_release(&bare);
	buf_release(&s);
}

/* The font of the unit charts: libgd's size 17 in the PNG (points at
 * 96 dpi: an em of 22.7 px, 8 pt at the chart's 120 mm, 7.1 pt at the
 * scorecard's smallest placing of 105 mm), 12.6 px in the SVG.  Their
 * lines and letters as gnuplot measures them (GPVAL_TERM_VCHAR, _HCHAR). */
#define S_DV_PNG_FONT 17
#define S_DV_PNG_LINE 23.0
#define S_DV_PNG_CHR 13.0
#define S_DV_SVG_W 380
#define S_DV_SVG_LINE 14.25
#define S_DV_SVG_CHR 6.65

void gp_don_vi(const Model *m, size_t u, Buf *b)
{
	const DonVi *dv = &m->don_vi[u];
	char stem[96];
	snprintf(stem, sizeof stem, "don-vi-%s", dv->ma);
	S_common(b, stem);

	int n = 0;
	size_t cap = m->n_chi_tieu ? m->n_chi_tieu : 1;
	int *tt = xmalloc(cap * sizeof *tt);
	int64_t(*y)[3] = xmalloc(cap * sizeof *y);
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		S_o_data(m, u, t, n, b, &y[n][0], &y[n][1], &y[n][2]);
		tt[n++] = (int)t;
	}
	DiemKy ky[MAX_KY];
	int nk = n ? model_luy_ke_ky(m, u, (size_t)tt[0], ky) : 0;
	int thang[MAX_KY] = {0};
	for (int k = 0; k < nk; k++)
		thang[k] = ky[k].thang;
	char *key[6];
	size_t nkey = S_key(m, u, tt, n, key);

	/* the PNG: 120 mm at 200 dpi, up to four panels a row */
	int w_px = (CHART_DON_VI_W_MM * S_DPI_SMALL * 10 + 127) / 254;
	S_Luoi png = {.w = w_px, .line = S_DV_PNG_LINE, .chr = S_DV_PNG_CHR,
	              .cols = n <= 3 ? (n ? n : 1) : n == 4 ? 2 : n <= 6 || n == 9 ? 3 : 4,
	              .plot_h = 3.0, .ten = 0};
	png.key_rows = S_key_rows(&png, key, nkey);
	int h_px = (int)(S_luoi_h(&png, n) + 0.5);
	buf_printf(b,
	           "set terminal png size %d,%d font '" S_FONT ",%d' linewidth 1.5 noenhanced\n"
	           "set output '%s.png'\n"
	           "S_ps = 1.5\n",
	           w_px, h_px, S_DV_PNG_FONT, stem);
	S_o_ve(m, u, tt, n, (const int64_t(*)[3])y, &png, nk, thang, key, nkey, b);

	/* the SVG: 380 px wide (a phone's 360 px shows its text at 11 px or
	 * more), two panels a row */
	S_Luoi svg = {.w = S_DV_SVG_W, .line = S_DV_SVG_LINE, .chr = S_DV_SVG_CHR, .cols = n < 2 ? 1 : 2,
	              .plot_h = 4.5, .ten = 1};
	svg.key_rows = S_key_rows(&svg, key, nkey);
	h_px = (int)(S_luoi_h(&svg, n) + 0.5);
	/* The SVG terminal starts a drawing with the stroke the drawing
	 * before it in the process ended with: a throwaway plot first, so
	 * every chart starts alike whatever the process drew before (the
	 * bytes must not depend on the number of workers). */
	buf_puts(b, "set terminal svg size 20,20\nset output '/dev/null'\nplot -1 notitle\nset output\n");
	buf_printf(b,
	           "set terminal svg size %d,%d dynamic font '" S_FONT ",9.5' fontscale 1.33 linewidth 1.2 noenhanced\n"
	           "S_ps = 0.8\n"
	           "set output '%s.svg'\n",
	           S_DV_SVG_W, h_px, stem);
	S_o_ve(m, u, tt, n, (const int64_t(*)[3])y, &svg, nk, thang, key, nkey, b);
	buf_printf(b,
	           "set output\n"
	           "if (GPVAL_ERRNO != 0) { print '" GP_FAIL_MARK "%s' }\n"
	           "print '" GP_DONE_MARK "%s'\n",
	           stem, stem);
	for (size_t k = 0; k < nkey; k++)
		free(key[k]);
	free(tt);
	free(y);
}
