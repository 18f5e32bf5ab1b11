/* chitieu: the command line.  Reads the input folder, evaluates, and
 * writes every output of SPEC into output/<ky>/ — or nothing at all.
 * The only place that exits. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "chart.h"
#include "eval.h"
#include "han.h"
#include "input.h"
#include "ketqua.h"
#include "md.h"
#include "model.h"
#include "out.h"
#include "pdf.h"
#include "site.h"
#include "xalloc.h"

enum { EXIT_DATA = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };

static const char S_usage[] =
    "usage: chitieu [-i DIR] [-o DIR] [-k KY] [--check] [--strict] [-j N] [-q]\n"
    "               [--don-vi MA]... [--templates DIR]\n"
    "\n"
    "Evaluates the reform targets on the units' figures and writes the\n"
    "quarterly report, the site, the scorecards and ket-qua.csv.\n"
    "\n"
    "  -i DIR          input folder (default: input)\n"
    "  -o DIR          output root (default: output); results go to DIR/<ky>/\n"
    "  -k KY           report period, YYYY-MM or YYYY-Qn (default: the latest in the data)\n"
    "      --check     validate and evaluate only; write nothing\n"
    "      --strict    treat warnings as errors (exit 1)\n"
    "  -j N            parallel workers (default: the number of cores)\n"
    "  -q              quiet: no progress messages\n"
    "      --don-vi MA also write the scorecard of unit MA alone (the-diem-MA.pdf)\n"
    "      --templates DIR  page shell and CSS of the site (default: templates)\n"
    "      --help      this text\n"
    "      --version   the version\n"
    "\n"
    "Exit: 0 done, 1 bad input, 2 bad usage, 3 the environment failed.\n";

typedef struct {
	const char *in, *out, *ky, *templates;
	int check, strict, quiet, jobs;
	const char **don_vi;
	size_t n_don_vi;
} Options;

static int S_progress;

/* CHITIEU_TIMING=1: each phase's wall time on stderr, for tools/bench.sh.
 * Not in --help: a measuring aid, not a feature. */
static int S_timing;
static double S_t0;

static double S_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Ends the phase that started at the previous call (or at S_time_start). */
static void S_time(const char *phase)
{
	if (!S_timing)
		return;
	double t = S_now();
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	/* the peak so far of this process alone (gnuplot not counted) */
	fprintf(stderr, "chitieu: timing: %-10s %8.3f s %8ld KB\n", phase, t - S_t0, ru.ru_maxrss);
	S_t0 = t;
}

static void S_step(const char *what)
{
	if (S_progress)
		fprintf(stderr, "chitieu: %s\n", what);
}

static int S_parse(int argc, char **argv, Options *o)
{
	static const struct option longs[] = {
	    {"check", no_argument, NULL, 'C'},   {"strict", no_argument, NULL, 'S'},
	    {"help", no_argument, NULL, 'h'},    {"version", no_argument, NULL, 'V'},
	    {"don-vi", required_argument, NULL, 'U'}, {"templates", required_argument, NULL, 'T'},
	    {NULL, 0, NULL, 0}};
	int c;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	o->jobs = n > 0 ? (int)n : 1;
	while ((c = getopt_long(argc, argv, "i:o:k:j:q", longs, NULL)) != -1) {
		switch (c) {
		case 'i': o->in = optarg; break;
		case 'o': o->out = optarg; break;
		case 'k': o->ky = optarg; break;
		case 'q': o->quiet = 1; break;
		case 'C': o->check = 1; break;
		case 'S': o->strict = 1; break;
		case 'T': o->templates = optarg; break;
		case 'U':
			o->don_vi = xrealloc(o->don_vi, (o->n_don_vi + 1) * sizeof *o->don_vi);
			o->don_vi[o->n_don_vi++] = optarg;
			break;
		case 'j': {
			char *end;
			errno = 0;
			long j = strtol(optarg, &end, 10);
			if (errno || *end || j < 1 || j > 256) {
				fprintf(stderr, "chitieu: -j takes a number of workers from 1 to 256, not '%s'\n", optarg);
				return -1;
			}
			o->jobs = (int)j;
			break;
		}
		case 'h': fputs(S_usage, stdout); exit(0);
		case 'V': printf("chitieu %s\n", CHITIEU_VERSION); exit(0);
		default: fputs(S_usage, stderr); return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "chitieu: unexpected argument '%s'\n", argv[optind]);
		fputs(S_usage, stderr);
		return -1;
	}
	if (o->ky) {
		Ky k;
		if (ky_parse(o->ky, &k)) {
			fprintf(stderr, "chitieu: -k takes a period YYYY-MM or YYYY-Qn (e.g. 2024-Q2), not '%s'\n", o->ky);
			return -1;
		}
	}
	return 0;
}

/* Writes every output into a fresh folder and moves it into place.
 * Returns 0, or EXIT_ENV with the message printed. */
static int S_write(const Model *m, const Options *o)
{
	char ky[16], *err = NULL;
	ky_format(m->cua_so.ky, ky);
	OutRun r;
	Buf b;
	buf_init(&b);
	char *charts = NULL, *site = NULL, *path = NULL;
	int rc = EXIT_ENV;

	if (out_begin(&r, o->out, ky, &err))
		goto out;

	S_step("writing ket-qua.csv");
	ketqua_csv(&b, m);
	if (out_write_buf(&r, "ket-qua.csv", &b, &err))
		goto out;
	if (m->han.co) {
		buf_reset(&b);
		ketqua_han_csv(&b, m);
		if (out_write_buf(&r, "han.csv", &b, &err))
			goto out;
	}

	S_time("ket-qua");
	S_step("drawing the charts (gnuplot)");
	if (out_mkdir(&r, "charts", &err))
		goto out;
	charts = out_path(&r, "charts");
	if (chart_render_all(m, charts, o->jobs, &err))
		goto out;
	S_time("charts");

	S_step("writing bao-cao.md");
	buf_reset(&b);
	md_report(&b, m, "charts/");
	if (out_write_buf(&r, "bao-cao.md", &b, &err))
		goto out;

	S_time("markdown");
	S_step("writing bao-cao.pdf");
	path = out_path(&r, "bao-cao.pdf");
	if (pdf_report(m, path, charts, &err))
		goto out;
	free(path);
	S_time("report-pdf");

	S_step("writing the-diem.pdf");
	path = out_path(&r, "the-diem.pdf");
	if (pdf_scorecards(m, path, charts, NULL, 0, &err))
		goto out;
	for (size_t i = 0; i < o->n_don_vi; i++) {
		int u = model_find_don_vi(m, o->don_vi[i]);
		char *rel = xasprintf("the-diem-%s.pdf", o->don_vi[i]);
		free(path);
		path = out_path(&r, rel);
		free(rel);
		if (pdf_scorecards(m, path, charts, &u, 1, &err))
			goto out;
	}

	S_time("scorecards");
	S_step("writing the site");
	site = out_path(&r, "site");
	if (site_write(m, site, charts, o->templates, &err))
		goto out;

	S_time("site");
	if (out_commit(&r, &err))
		goto out;
	if (site_archive(o->out, &err))
		goto out;
	S_time("commit");
	rc = 0;
out:
	if (rc) {
		fprintf(stderr, "chitieu: %s\n", err ? err : "writing the output failed");
		out_abort(&r);
	}
	free(err);
	free(path);
	free(charts);
	free(site);
	buf_release(&b);
	return rc;
}

int main(int argc, char **argv)
{
	Options o = {.in = "input", .out = "output", .templates = "templates"};
	if (S_parse(argc, argv, &o)) {
		free(o.don_vi);
		return EXIT_USAGE;
	}
	S_progress = !o.quiet && isatty(2);
	S_timing = getenv("CHITIEU_TIMING") && *getenv("CHITIEU_TIMING") && strcmp(getenv("CHITIEU_TIMING"), "0");
	double start = S_t0 = S_now();
	/* A file-size limit must fail the write (EFBIG, exit 3), not kill us
	 * before the temporary folder is removed. */
	signal(SIGXFSZ, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	/* Test hook: make the N-th allocation fail (tests/e2e/test_faults.sh). */
	const char *fa = getenv("CHITIEU_FAIL_ALLOC");
	if (fa)
		xalloc_fail_after(atol(fa));

	Model m;
	model_init(&m);
	int rc = 0;
	S_step("reading the input");
	int bad = input_read(&m, o.in) != 0;
	S_time("reading");
	if (!bad && eval_run(&m, o.ky) != 0)
		bad = 1;
	if (!bad)
		han_eval(&m);
	S_time("evaluating");
	for (size_t i = 0; !bad && i < o.n_don_vi; i++)
		if (model_find_don_vi(&m, o.don_vi[i]) < 0) {
			msg_error(&m.msgs, "don-vi.csv", 0, 0, "--don-vi: no unit has the code '%s'", o.don_vi[i]);
			bad = 1;
		}
	msgs_print(&m.msgs, stderr);
	if (bad || m.msgs.n_error)
		rc = EXIT_DATA;
	else if (o.strict && m.msgs.n_warning) {
		fprintf(stderr, "chitieu: --strict: warnings count as errors\n");
		rc = EXIT_DATA;
	} else if (!o.check)
		rc = S_write(&m, &o);
	if (rc == 0)
		S_step("done");
	model_release(&m);
	if (S_timing) {
		S_time("freeing");
		fprintf(stderr, "chitieu: timing: %-10s %8.3f s\n", "total", S_now() - start);
	}
	free(o.don_vi);
	return rc;
}
