/* SPDX-License-Identifier: MIT */
/* chitieu: the command line.  Reads the input folder, evaluates, and
 * writes every output of SPEC into output/<ky>/ — or nothing at all;
 * with --bieu-mau DIR, only the units' entry forms (bieumau.c) into DIR.
 * The only place that exits. */
#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bao_cao.h"
#include "xuat.h"
#include "buf.h"
#include "bieumau.h"
#include "chart.h"
#include "cong_van.h"
#include "doc_docx.h"
#include "eval.h"
#include "han.h"
#include "input.h"
#include "ketqua.h"
#include "lich_su.h"
#include "model.h"
#include "msg.h"
#include "out.h"
#include "scorecard.h"
#include "card_pdf.h"
#include "site.h"
#include "xalloc.h"

enum { EXIT_DATA = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };

/* The usage text, in the locale's language: _(S_usage). */
static const char S_usage[] = N_(
    "usage: chitieu [-i DIR] [-o DIR] [-k KY] [--check] [--strict] [-j N] [-q]\n"
    "               [--don-vi MA]... [--templates DIR] [--cache DIR | --no-cache]\n"
    "       chitieu [-i DIR] --bieu-mau DIR\n"
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
    "      --templates DIR  page shell and CSS of the site (default: templates/ here,\n"
    "                  else the templates/ beside the program, else the installed ones)\n"
    "      --cache DIR the charts drawn by earlier runs, reused when unchanged\n"
    "                  (default: .cache/charts/ in the output root)\n"
    "      --no-cache  draw every chart, and keep none\n"
    "      --bieu-mau DIR  write only the entry forms: DIR/<ma>.xlsx and DIR/<ma>.csv\n"
    "                  for every unit, for the year of the input folder\n"
    "      --help      this text\n"
    "      --version   the version\n"
    "\n"
    "Exit: 0 done, 1 bad input, 2 bad usage, 3 the environment failed.\n");

typedef struct {
	const char *in, *out, *ky, *templates, *cache, *bieu_mau;
	int check, strict, quiet, jobs, no_cache;
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

/* A "VmRSS:"-style figure of /proc/self/status in KB, -1 when unknown. */
static long S_status_kb(const char *key)
{
	FILE *fp = fopen("/proc/self/status", "r");
	if (!fp)
		return -1;
	char line[256];
	long v = -1;
	size_t n = strlen(key);
	while (fgets(line, sizeof line, fp))
		if (strncmp(line, key, n) == 0) {
			v = strtol(line + n, NULL, 10);
			break;
		}
	fclose(fp);
	return v;
}

/* The memory at a phase's start; the kernel's peak (VmHWM) is reset to
 * it, so the peak at the phase's end less this is what the phase itself
 * added: what grows with the units beyond the model. */
static long S_rss0 = -1;

static void S_mem_mark(void)
{
	FILE *fp = fopen("/proc/self/clear_refs", "w");
	if (fp) {
		fputs("5", fp);
		fclose(fp);
	}
	S_rss0 = S_status_kb("VmRSS:");
}

/* One phase line: its wall time, the peak so far of this process alone
 * (gnuplot not counted), and how far the phase took it above its start. */
static void S_time_line(const char *phase, double secs)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	long hwm = S_status_kb("VmHWM:");
	long grown = hwm >= 0 && S_rss0 >= 0 && hwm > S_rss0 ? hwm - S_rss0 : 0;
	fprintf(stderr, "chitieu: timing: %-10s %8.3f s %8ld KB, +%ld KB\n", phase, secs,
	        ru.ru_maxrss, grown);
	S_mem_mark();
}

/* Ends the phase that started at the previous call (or at S_time_start). */
static void S_time(const char *phase)
{
	if (!S_timing)
		return;
	double t = S_now();
	S_time_line(phase, t - S_t0);
	S_t0 = t;
}

/* A progress line; what is marked N_() and said in the locale's language. */
static void S_step(const char *what)
{
	if (S_progress)
		fprintf(stderr, "chitieu: %s\n", _(what));
}

/* The data folder of an installed chitieu, compiled in from PREFIX by the
 * Makefile (PREFIX/share/chitieu); empty when a build was not told. */
#ifndef CHITIEU_DATADIR
#define CHITIEU_DATADIR ""
#endif
#ifndef CHITIEU_LOCALEDIR
#define CHITIEU_LOCALEDIR "/usr/local/share/locale"
#endif

/* The site's templates when --templates is not given: the first folder
 * holding page.html of templates/ in the current folder, the templates/
 * beside the program or up to two folders above it (build/rel/chitieu,
 * build/san/chitieu: a checkout's binary uses its own templates, never an
 * older installed copy), then CHITIEU_DATADIR/templates (an installed
 * chitieu, run from any folder).  NULL: none found; keep "templates" (its
 * absence is then reported when the site is written).  The caller frees. */
static char *S_templates_default(void)
{
	if (access("templates/page.html", R_OK) == 0)
		return NULL;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = '\0';
	for (int up = 0; n > 0 && up < 3; up++) {
		char *slash = strrchr(exe, '/');
		if (!slash)
			break;
		*slash = '\0';
		char *dir = xasprintf("%s/templates", exe);
		char *page = xasprintf("%s/page.html", dir);
		int ok = access(page, R_OK) == 0;
		free(page);
		if (ok)
			return dir;
		free(dir);
	}
	if (*CHITIEU_DATADIR && access(CHITIEU_DATADIR "/templates/page.html", R_OK) == 0)
		return xasprintf("%s", CHITIEU_DATADIR "/templates");
	return NULL;
}

/* --version: the version, and where the templates come from (which folder
 * an installed or a checkout's chitieu uses is otherwise a guess). */
static void S_version(void)
{
	printf("chitieu %s\n", CHITIEU_VERSION);
	char *dir = S_templates_default();
	const char *use = dir ? dir : access("templates/page.html", R_OK) == 0 ? "./templates" : NULL;
	printf("templates: %s\n", use ? use : "none found (give --templates DIR)");
	printf("  without --templates, the first holding page.html of: ./templates,\n"
	       "  templates/ beside the program or up to two folders above it%s%s\n",
	       *CHITIEU_DATADIR ? ", " : "", *CHITIEU_DATADIR ? CHITIEU_DATADIR "/templates" : "");
	free(dir);
}

static int S_parse(int argc, char **argv, Options *o)
{
	static const struct option longs[] = {
	    {"check", no_argument, NULL, 'C'},   {"strict", no_argument, NULL, 'S'},
	    {"help", no_argument, NULL, 'h'},    {"version", no_argument, NULL, 'V'},
	    {"don-vi", required_argument, NULL, 'U'}, {"templates", required_argument, NULL, 'T'},
	    {"cache", required_argument, NULL, 'K'},  {"no-cache", no_argument, NULL, 'N'},
	    {"bieu-mau", required_argument, NULL, 'B'},
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
		case 'K': o->cache = optarg; break;
		case 'N': o->no_cache = 1; break;
		case 'B': o->bieu_mau = optarg; break;
		case 'U':
			o->don_vi = xrealloc(o->don_vi, (o->n_don_vi + 1) * sizeof *o->don_vi);
			o->don_vi[o->n_don_vi++] = optarg;
			break;
		case 'j': {
			char *end;
			errno = 0;
			long j = strtol(optarg, &end, 10);
			if (errno || *end || j < 1 || j > 256) {
				fprintf(stderr, _("chitieu: -j takes a number of workers from 1 to 256, not '%s'\n"),
				        optarg);
				return -1;
			}
			o->jobs = (int)j;
			break;
		}
		case 'h': fputs(_(S_usage), stdout); exit(0);
		case 'V': S_version(); exit(0);
		default: fputs(_(S_usage), stderr); return -1;
		}
	}
	if (o->cache && o->no_cache) {
		fputs(_("chitieu: --cache and --no-cache exclude each other\n"), stderr);
		return -1;
	}
	if (optind < argc) {
		fprintf(stderr, _("chitieu: unexpected argument '%s'\n"), argv[optind]);
		fputs(_(S_usage), stderr);
		return -1;
	}
	if (o->ky) {
		Ky k;
		if (ky_parse(o->ky, &k)) {
			fprintf(stderr, _("chitieu: -k takes a period YYYY-MM or YYYY-Qn (e.g. 2024-Q2), not '%s'\n"),
			        o->ky);
			return -1;
		}
	}
	return 0;
}

/* The outputs drawn from the charts: independent files, so with -j 2 or
 * more each runs in a process of its own. */
typedef struct {
	const Model *m;
	const Options *o;
	OutRun *r;
	const char *charts;
} S_Job;

static int S_job_report(const S_Job *j, char **err)
{
	char *path = out_path(j->r, "bao-cao.pdf");
	int rc = bao_cao_pdf(j->m, path, j->charts, err);
	free(path);
	return rc;
}

/* bao-cao.docx: the same blocks, to Word's writer */
static int S_job_report_docx(const S_Job *j, char **err)
{
	char *path = out_path(j->r, "bao-cao.docx");
	DocWriter *w = doc_docx_open(path, j->charts, err);
	free(path);
	if (!w)
		return -1;
	bao_cao_build(j->m, w);
	return doc_docx_close(w, err);
}

/* The scorecards' builder drawn by the one-page PDF writer: the whole
 * document (units NULL), or the given units alone. */
static int S_scorecards(const Model *m, const char *path, const char *charts, const int *units,
                        size_t n_units, char **err)
{
	DocWriter *w = card_pdf_open(path, charts, err);
	if (!w)
		return -1;
	scorecard_build(m, units, n_units, w);
	return card_pdf_close(w, err);
}

/* The urging dispatch as PDF and as Word, one task: it is short. */
static int S_job_cong_van(const S_Job *j, char **err)
{
	char *path = out_path(j->r, "cong-van-don-doc.pdf");
	int rc = cong_van_pdf(j->m, path, err);
	free(path);
	if (rc)
		return rc;
	path = out_path(j->r, "cong-van-don-doc.docx");
	rc = cong_van_docx(j->m, path, err);
	free(path);
	return rc;
}

static int S_job_scorecards(const S_Job *j, char **err)
{
	char *path = out_path(j->r, "the-diem.pdf");
	int rc = S_scorecards(j->m, path, j->charts, NULL, 0, err);
	for (size_t i = 0; !rc && i < j->o->n_don_vi; i++) {
		int u = model_find_don_vi(j->m, j->o->don_vi[i]);
		char *rel = xasprintf("the-diem-%s.pdf", j->o->don_vi[i]);
		free(path);
		path = out_path(j->r, rel);
		free(rel);
		rc = S_scorecards(j->m, path, j->charts, &u, 1, err);
	}
	free(path);
	return rc;
}

static int S_job_site_pages(const S_Job *j, char **err)
{
	char *site = out_path(j->r, "site");
	int rc = site_write_pages(j->m, site, j->charts, j->o->templates, err);
	free(site);
	return rc;
}

static int S_job_site_index(const S_Job *j, char **err)
{
	char *site = out_path(j->r, "site");
	int rc = site_write_index(j->m, site, j->charts, j->o->templates, err);
	free(site);
	return rc;
}

typedef struct {
	const char *name, *step;
	int (*run)(const S_Job *, char **);
	pid_t pid;   /* -1: ran here */
	int fd;      /* the child's message, read end */
	int rc;
	char *err;
} S_Task;

/* Runs t in this process, timing it. */
static void S_task_here(S_Task *t, const S_Job *j)
{
	double t0 = S_now();
	if (S_timing)
		S_mem_mark(); /* in a child: its own start */
	S_step(t->step);
	t->rc = t->run(j, &t->err);
	if (S_timing && !t->rc)
		S_time_line(t->name, S_now() - t0);
}

/* Starts t in a child process whose failure message comes back through
 * a pipe; runs it here when no process can be started. */
static void S_task_start(S_Task *t, const S_Job *j)
{
	int p[2];
	t->pid = -1;
	fflush(NULL);
	if (pipe(p) == 0) {
		t->pid = fork();
		if (t->pid == 0) {
			close(p[0]);
			S_task_here(t, j);
			if (t->rc) {
				const char *e = t->err ? t->err : "writing the output failed";
				size_t n = strlen(e);
				while (n) {
					ssize_t w = write(p[1], e, n);
					if (w <= 0)
						break;
					e += w;
					n -= (size_t)w;
				}
			}
			fflush(NULL);
			_exit(t->rc ? EXIT_ENV : 0);
		}
		close(p[1]);
		if (t->pid > 0) {
			t->fd = p[0];
			return;
		}
		close(p[0]);
		t->pid = -1;
	}
	S_task_here(t, j);
}

/* Waits for a child started by S_task_start.  A child that exits 3
 * without a message ran out of memory and said so itself (xalloc). */
static void S_task_wait(S_Task *t)
{
	if (t->pid < 0)
		return;
	Buf b;
	buf_init(&b);
	char chunk[1024];
	ssize_t n;
	while ((n = read(t->fd, chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			buf_add(&b, chunk, (size_t)n);
	close(t->fd);
	int st = 0;
	while (waitpid(t->pid, &st, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		t->rc = -1;
		if (b.len)
			t->err = buf_detach(&b, NULL);
		else if (!WIFEXITED(st))
			t->err = xasprintf("writing %s was stopped by signal %d", t->name, WTERMSIG(st));
		else
			t->rc = -2; /* already said */
	}
	buf_release(&b);
}

/* Runs the tasks in order on up to procs child processes, starting the
 * next as soon as one ends; with procs <= 1, all here.  Results are in
 * each task (rc, err). */
static void S_tasks_run(S_Task *task, int n, const S_Job *j, int procs)
{
	if (procs <= 1) {
		for (int i = 0; i < n; i++)
			S_task_here(&task[i], j);
		return;
	}
	int next = 0, running = 0;
	for (;;) {
		while (next < n && running < procs) {
			S_task_start(&task[next], j); /* runs it here if it cannot fork */
			running += task[next].pid > 0;
			next++;
		}
		if (!running)
			break;
		/* the first child to end, left unreaped for S_task_wait */
		siginfo_t info;
		memset(&info, 0, sizeof info);
		if (waitid(P_ALL, 0, &info, WEXITED | WNOWAIT) != 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		int ours = 0;
		for (int i = 0; i < next; i++)
			if (task[i].pid > 0 && task[i].pid == info.si_pid) {
				S_task_wait(&task[i]);
				task[i].pid = -1; /* done: S_task_wait does nothing more */
				running--;
				ours = 1;
			}
		if (!ours) /* not a task's: reap it, or waitid would return it again */
			waitpid(info.si_pid, NULL, 0);
	}
	for (int i = 0; i < next; i++)
		S_task_wait(&task[i]);
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
	char *charts = NULL;
	ChartKeep *keep = NULL; /* stored in the cache once the outputs are in place */
	int rc = EXIT_ENV;

	if (out_begin(&r, o->out, ky, &err))
		goto out;

	S_step(N_("writing ket-qua.csv"));
	{
		char *path = out_path(&r, "ket-qua.csv");
		int bad = ketqua_csv_file(m, path, &err);
		free(path);
		if (bad)
			goto out;
	}
	if (m->han.co) {
		ketqua_han_csv(&b, m);
		if (out_write_buf(&r, "han.csv", &b, &err))
			goto out;
	}
	buf_reset(&b);
	ketqua_dieu_chinh_csv(&b, m);
	if (out_write_buf(&r, "dieu-chinh.csv", &b, &err))
		goto out;
	buf_release(&b);

	S_time("ket-qua");
	S_step(N_("drawing the charts (gnuplot)"));
	if (out_mkdir(&r, "charts", &err))
		goto out;
	charts = out_path(&r, "charts");
	{
		/* beside the periods it serves; not a period, so nothing that
		 * lists them sees it */
		char *cache = o->no_cache ? NULL : o->cache ? xstrdup(o->cache) : xasprintf("%s/.cache/charts", o->out);
		ChartStats st;
		int bad = chart_render(m, charts, o->jobs, cache, &st, &keep, &err);
		free(cache);
		if (bad)
			goto out;
		if (S_timing)
			fprintf(stderr, "chitieu: timing: cache: %zu charts reused, %zu drawn\n", st.reused, st.drawn);
	}
	S_time("charts");

	S_step(N_("writing bao-cao.md"));
	{
		/* written as it goes: 10,000 units make some 5 MB of it */
		char *path = out_path(&r, "bao-cao.md");
		int bad = bao_cao_md_file(m, path, "charts/", &err);
		free(path);
		if (bad)
			goto out;
	}

	/* the urging dispatch, when some unit is behind */
	int cong_van = cong_van_so_don_vi(m) > 0;
	if (cong_van) {
		S_step(N_("writing cong-van-don-doc.md"));
		buf_init(&b);
		cong_van_md(&b, m);
		int bad = out_write_buf(&r, "cong-van-don-doc.md", &b, &err);
		buf_release(&b);
		if (bad)
			goto out;
	} else
		S_step(N_("every unit met its targets, reported in full and is on time: no urging "
		          "dispatch (cong-van-don-doc) to write"));

	S_time("markdown");
	{
		/* With -j N, N child processes take the tasks in this order, the
		 * next one starting as soon as one ends (the report after
		 * whichever of the scorecards and the site ends first: which one
		 * that is depends on the units).  The site's index waits for the
		 * PDFs: it links them into its downloads.  The fault-injection
		 * hook counts allocations in one process, so it keeps them all
		 * here. */
		S_Task task[] = {
		    {"scorecards", N_("writing the-diem.pdf"), S_job_scorecards, -1, -1, 0, NULL},
		    {"site", N_("writing the site"), S_job_site_pages, -1, -1, 0, NULL},
		    {"report-pdf", N_("writing bao-cao.pdf"), S_job_report, -1, -1, 0, NULL},
		    {"report-docx", N_("writing bao-cao.docx"), S_job_report_docx, -1, -1, 0, NULL},
		    {"dispatch", N_("writing cong-van-don-doc.pdf and .docx"), S_job_cong_van, -1, -1, 0, NULL},
		};
		enum { N_TASK_ALL = sizeof task / sizeof *task };
		/* the dispatch is the last task: left out when nobody is behind */
		const int N_TASK = cong_van ? N_TASK_ALL : N_TASK_ALL - 1;
		S_Job job = {m, o, &r, charts};
		int procs = o->jobs < N_TASK ? o->jobs : N_TASK;
		if (getenv("CHITIEU_FAIL_ALLOC"))
			procs = 1;
		S_tasks_run(task, N_TASK, &job, procs);
		int said = 0;
		for (int i = 0; i < N_TASK; i++) {
			S_task_wait(&task[i]);
			said |= task[i].rc == -2;
		}
		for (int i = 0; i < N_TASK; i++) {
			if (task[i].rc && !err && !said) {
				err = task[i].err;
				task[i].err = NULL;
			}
			free(task[i].err);
		}
		if (said) {
			/* out of memory in a child, which printed it: one message */
			out_abort(&r);
			rc = EXIT_ENV;
			goto done;
		}
		if (err)
			goto out;
	}
	S_time("outputs");
	{
		S_Task st = {"site-index", N_("writing the site's index"), S_job_site_index, -1, -1, 0, NULL};
		S_Job job = {m, o, &r, charts};
		S_task_here(&st, &job);
		err = st.err;
		if (st.rc)
			goto out;
	}
	S_t0 = S_now(); /* S_task_here timed it */
	if (out_commit(&r, &err))
		goto out;
	{
		char *final = xasprintf("%s/%s/charts", o->out, ky), *warn = NULL;
		chart_keep(keep, final, &warn);
		keep = NULL;
		if (warn)
			fprintf(stderr, _("chitieu: warning: %s\n"), warn);
		free(warn);
		free(final);
	}
	if (site_archive(o->out, &err))
		goto out;
	if (site_cac_ky(o->out, ky, &err)) {
		/* the run is in place: only the links between periods are stale */
		fprintf(stderr, "chitieu: warning: %s\n", err);
		free(err);
		err = NULL;
	}
	S_time("commit");
	rc = 0;
out:
	if (rc) {
		if (err)
			fprintf(stderr, "chitieu: %s\n", err);
		else
			fputs(_("chitieu: writing the output failed\n"), stderr);
		out_abort(&r);
	}
done:
	chart_keep(keep, NULL, NULL); /* a failed run writes nothing there */
	free(err);
	free(charts);
	buf_release(&b);
	return rc;
}

/* --bieu-mau: the entry forms only. */
static int S_forms(const Model *m, const Options *o)
{
	S_step(N_("writing the entry forms"));
	char *err = NULL;
	int rc = bieumau_write(m, o->bieu_mau, &err);
	if (rc)
		{
		if (err)
			fprintf(stderr, "chitieu: %s\n", err);
		else
			fputs(_("chitieu: writing the forms failed\n"), stderr);
	}
	free(err);
	return rc > 0 ? EXIT_USAGE : rc < 0 ? EXIT_ENV : 0;
}

/* Where gettext finds chitieu.mo: the locale/ beside the program, or
 * build/rel/locale/ beside it (the checkout's ./chitieu), when it holds
 * the catalogue (a checkout's binary speaks its own build's messages,
 * never an older installed copy's); else CHITIEU_LOCALEDIR, compiled in
 * from PREFIX (an installed chitieu).  The caller frees. */
static char *S_localedir(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = '\0';
	char *slash = strrchr(exe, '/');
	if (n > 0 && slash) {
		*slash = '\0';
		static const char *const under[] = {"locale", "build/rel/locale"};
		for (size_t i = 0; i < sizeof under / sizeof *under; i++) {
			char *dir = xasprintf("%s/%s", exe, under[i]);
			char *mo = xasprintf("%s/vi/LC_MESSAGES/" MSG_DOMAIN ".mo", dir);
			int ok = access(mo, R_OK) == 0;
			free(mo);
			if (ok)
				return dir;
			free(dir);
		}
	}
	return xstrdup(CHITIEU_LOCALEDIR);
}

/* The messages speak the locale's language (LANG=vi_VN.UTF-8: Vietnamese,
 * else English).  Only LC_MESSAGES follows the environment: numbers,
 * collation and character classes stay "C", so no output depends on the
 * locale (tests/e2e/test_locale.sh); the catalogue is read as UTF-8
 * whatever the locale's character set. */
static void S_locale(void)
{
	setlocale(LC_MESSAGES, "");
	char *dir = S_localedir();
	bindtextdomain(MSG_DOMAIN, dir);
	bind_textdomain_codeset(MSG_DOMAIN, "UTF-8");
	textdomain(MSG_DOMAIN);
	free(dir);
}

int main(int argc, char **argv)
{
	Options o = {.in = "input", .out = "output", .templates = NULL};
	S_locale();
	if (S_parse(argc, argv, &o)) {
		free(o.don_vi);
		return EXIT_USAGE;
	}
	char *templates = o.templates ? NULL : S_templates_default();
	if (!o.templates)
		o.templates = templates ? templates : "templates";
	S_progress = !o.quiet && isatty(2);
	S_timing = getenv("CHITIEU_TIMING") && *getenv("CHITIEU_TIMING") && strcmp(getenv("CHITIEU_TIMING"), "0");
	double start = S_t0 = S_now();
	if (S_timing)
		S_mem_mark();
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
	S_step(N_("reading the input"));
	/* --check prints no colophon and draws no chart: neither the files'
	 * digests nor the trend series are made */
	m.tep_sha = !o.check;
	int bad = input_read_j(&m, o.in, o.jobs) != 0;
	S_time("reading");
	/* One input folder holds one year: -k of another year than its
	 * figures is a mistyped period, not a report in which every unit
	 * failed to report. */
	int other_year = 0;
	if (!bad && o.ky && m.n_so_lieu) {
		Ky k;
		if (!ky_parse(o.ky, &k) && k.year != m.so_lieu[0].ky.year)
			other_year = m.so_lieu[0].ky.year;
	}
	/* the forms need the registry only: no evaluation */
	EvalOpts eo = {!o.check, o.jobs};
	if (!bad && !other_year && !o.bieu_mau && eval_run_opts(&m, o.ky, &eo) != 0)
		bad = 1;
	if (other_year)
		bad = 1;
	if (!bad && !o.bieu_mau)
		han_eval(&m);
	/* what earlier runs published into the same root (their ket-qua.csv) */
	if (!bad)
		lich_su_run(&m, o.out);
	S_time("evaluating");
	for (size_t i = 0; !bad && i < o.n_don_vi; i++)
		if (model_find_don_vi(&m, o.don_vi[i]) < 0) {
			msg_error(&m.msgs, "don-vi.csv", 0, 0, "--don-vi: no unit has the code '%s'", o.don_vi[i]);
			bad = 1;
		}
	msgs_print(&m.msgs, stderr);
	if (other_year) {
		fprintf(stderr,
		        _("chitieu: -k %s is not a period of %d, the year of the figures in %s/so-lieu "
		          "(one input folder holds one year): give a period of %d, or no -k for the latest\n"),
		        o.ky, other_year, o.in, other_year);
		rc = EXIT_USAGE;
	} else if (bad || m.msgs.n_error)
		rc = EXIT_DATA;
	else if (o.strict && m.msgs.n_warning) {
		fputs(_("chitieu: --strict: warnings count as errors\n"), stderr);
		rc = EXIT_DATA;
	} else if (o.bieu_mau && !o.check)
		rc = S_forms(&m, &o);
	else if (!o.check)
		rc = S_write(&m, &o);
	if (rc == 0)
		S_step(N_("done"));
	model_release(&m);
	if (S_timing) {
		S_time("freeing");
		fprintf(stderr, "chitieu: timing: %-10s %8.3f s\n", "total", S_now() - start);
	}
	free(o.don_vi);
	free(templates);
	return rc;
}
