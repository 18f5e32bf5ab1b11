/* SPDX-License-Identifier: MIT */
/* chart_run: gnuplot processes (chart_run.h).  Argument vectors, never a
 * shell; each process reads its script from an unlinked temporary file
 * and writes its complaints to another, which the runner watches for the
 * marks gp_script.h's pieces print. */
#include "chart_run.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "gp_script.h"
#include "msg.h"
#include "xalloc.h"

extern char **environ;

#define S_DEFAULT_TIMEOUT 300

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
		int noise = strncmp(p, GP_FAIL_MARK, strlen(GP_FAIL_MARK)) == 0 ||
		            strncmp(p, GP_DONE_MARK, strlen(GP_DONE_MARK)) == 0 ||
		            /* untranslated: gnuplot's own words, matched */
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

int run_gnuplot(const char *dir, size_t n, int n_jobs, RunScript script, RunName name, void *ctx,
                char **err)
{
	Buf c;
	buf_init(&c);
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
		buf_puts(&b, gp_prolog);
		x->in_fd = S_tmpfd();
		x->err_fd = S_tmpfd();
		int bad = x->in_fd < 0 || x->err_fd < 0;
		/* Dealt round-robin: the larger target charts come first and
		 * would otherwise all fall to one worker.  Written out a piece
		 * at a time. */
		for (size_t i = x->first; !bad && i < n; i += (size_t)n_jobs) {
			buf_reset(&c);
			script(ctx, i, &c);
			buf_add(&b, c.ptr, c.len);
			if (b.len >= S_PIECE) {
				bad = S_write_all(x->in_fd, b.ptr, b.len);
				buf_reset(&b);
			}
		}
		if (!bad)
			bad = S_write_all(x->in_fd, b.ptr, b.len) || lseek(x->in_fd, 0, SEEK_SET) != 0;
		if (bad) {
			*err = xasprintf(_("cannot write the chart script to a temporary file: %s"), strerror(errno));
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
				*err = xasprintf(_("gnuplot is not installed ('%s' was not found): install it with "
				                 "'apt-get install gnuplot-nox', or set CHITIEU_GNUPLOT to its path"),
				                 prog);
			else
				*err = xasprintf(_("cannot run gnuplot ('%s'): %s; install it with 'apt-get install "
				                 "gnuplot-nox', or set CHITIEU_GNUPLOT to its path"),
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
		const char *mark = strstr(e.ptr, GP_FAIL_MARK);
		char names[96];
		name(ctx, x->first, names);
		buf_reset(&b);
		if (timed_out && !x->stalled) {
			/* stopped because another worker hung: that one is reported */
		} else if (x->stalled) {
			/* The chart after the last one it finished is the one it hung on. */
			size_t k = 0;
			for (const char *p = e.ptr; (p = strstr(p, GP_DONE_MARK)); p++)
				k++;
			size_t i = x->first + k * (size_t)n_jobs;
			char hung[96];
			name(ctx, i < n ? i : x->first, hung);
			buf_printf(&b, _("gnuplot ('%s') did not finish the chart charts/%s.png within %d seconds "
			             "(CHITIEU_GNUPLOT_TIMEOUT) and was stopped"),
			           prog, hung, timeout);
		} else if (mark) {
			const char *p = mark + strlen(GP_FAIL_MARK);
			size_t len = strcspn(p, "\r\n");
			buf_printf(&b, _("gnuplot failed to draw the chart charts/%.*s.png"), (int)len, p);
			S_put_stderr(&b, &e);
		} else if (WIFEXITED(x->status) && WEXITSTATUS(x->status) == 127) {
			/* posix_spawnp reports a missing program as ENOENT, except
			 * where exec failures only show as the child's status 127
			 * (as under valgrind). */
			buf_printf(&b, _("gnuplot could not be started ('%s' exited with status 127: not found?): "
			             "install it with 'apt-get install gnuplot-nox', or set CHITIEU_GNUPLOT to its path"),
			           prog);
			S_put_stderr(&b, &e);
		} else if (WIFSIGNALED(x->status)) {
			buf_printf(&b, _("gnuplot ('%s') was killed by signal %d while drawing the charts (%s and others)"),
			           prog, WTERMSIG(x->status), names);
		} else if (WIFEXITED(x->status) && WEXITSTATUS(x->status) != 0) {
			buf_printf(&b, _("gnuplot ('%s') failed with exit status %d while drawing the charts (%s and others)"),
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
	buf_release(&c);
	return rc;
}

/* `gnuplot --version`, run once per run and only with the cache, into v;
 * 0, or -1 when it cannot say (missing, failing, silent, hung): then no
 * chart can be keyed, and drawing reports what is wrong. */
int run_gnuplot_version(Buf *v)
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
