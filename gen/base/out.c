/* SPDX-License-Identifier: MIT */
#include "out.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "xalloc.h"

/* The folder to remove if a signal ends the run (a fixed copy: the
 * handler must not allocate). */
static char S_pending[4096];

static int S_rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	return (flag == FTW_DP ? rmdir(path) : unlink(path)) ? -1 : 0;
}

int out_rmtree(const char *path)
{
	return nftw(path, S_rm_one, 32, FTW_DEPTH | FTW_PHYS);
}

/* Out of memory exits from deep inside a renderer: the folder still goes. */
static void S_at_exit(void)
{
	if (S_pending[0])
		out_rmtree(S_pending);
}

static void S_on_signal(int sig)
{
	if (S_pending[0])
		out_rmtree(S_pending);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int S_mkdir_p(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0777) && errno != EEXIST) {
				free(p);
				return -1;
			}
			*s = '/';
		}
	}
	int rc = (mkdir(p, 0777) && errno != EEXIST) ? -1 : 0;
	free(p);
	return rc;
}

/* A run killed by SIGKILL (or a power cut) cannot remove its folder: the
 * next run removes every .chitieu-tmp-<pid>-* whose process is gone.  A
 * live process keeps its folder, whoever it is (a reused pid only delays
 * the cleaning). */
static void S_sweep(const char *root)
{
	DIR *d = opendir(root);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *pre = ".chitieu-tmp-";
		if (strncmp(e->d_name, pre, strlen(pre)))
			continue;
		char *end;
		long pid = strtol(e->d_name + strlen(pre), &end, 10);
		if (end == e->d_name + strlen(pre) || *end != '-' || pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		char *path = xasprintf("%s/%s", root, e->d_name);
		out_rmtree(path);
		free(path);
	}
	closedir(d);
}

int out_begin(OutRun *r, const char *root, const char *ky, char **err)
{
	r->root = xstrdup(root);
	r->final = xasprintf("%s/%s", root, ky);
	r->tmp = NULL;
	if (S_mkdir_p(root)) {
		*err = xasprintf(_("cannot create the output folder '%s': %s"), root, strerror(errno));
		return -1;
	}
	S_sweep(root);
	char *tmpl = xasprintf("%s/.chitieu-tmp-%ld-XXXXXX", root, (long)getpid());
	if (!mkdtemp(tmpl)) {
		*err = xasprintf(_("cannot write in the output folder '%s': %s"), root, strerror(errno));
		free(tmpl);
		return -1;
	}
	chmod(tmpl, 0755);
	r->tmp = tmpl;
	if (strlen(tmpl) < sizeof S_pending) {
		memcpy(S_pending, tmpl, strlen(tmpl) + 1);
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = S_on_signal;
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		sigaction(SIGHUP, &sa, NULL);
		static int registered;
		if (!registered++)
			atexit(S_at_exit);
	}
	return 0;
}

char *out_path(const OutRun *r, const char *rel)
{
	return xasprintf("%s/%s", r->tmp, rel);
}

int out_mkdir(const OutRun *r, const char *rel, char **err)
{
	char *p = out_path(r, rel);
	int rc = S_mkdir_p(p);
	if (rc)
		*err = xasprintf(_("cannot create '%s': %s"), p, strerror(errno));
	free(p);
	return rc;
}

int out_write_file(const char *path, const void *data, size_t len, char **err)
{
	FILE *fp = out_open_file(path, err);
	if (!fp)
		return -1;
	if (len && fwrite(data, 1, len, fp) != len) {
		*err = xasprintf(_("cannot write '%s': %s"), path, strerror(errno ? errno : EIO));
		fclose(fp);
		return -1;
	}
	return out_close_file(fp, path, err);
}

FILE *out_open_file(const char *path, char **err)
{
	FILE *fp = fopen(path, "wb");
	if (!fp)
		*err = xasprintf(_("cannot write '%s': %s"), path, strerror(errno));
	return fp;
}

int out_close_file(FILE *fp, const char *path, char **err)
{
	int bad = fflush(fp) != 0 || ferror(fp);
	int e = errno;
	if (fclose(fp) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	if (bad) {
		*err = xasprintf(_("cannot write '%s': %s"), path, strerror(e ? e : EIO));
		return -1;
	}
	return 0;
}

int out_write_buf(const OutRun *r, const char *rel, const Buf *b, char **err)
{
	char *p = out_path(r, rel);
	char *slash = strrchr(p, '/');
	*slash = '\0';
	S_mkdir_p(p);
	*slash = '/';
	int rc = out_write_file(p, b->ptr, b->len, err);
	free(p);
	return rc;
}

int out_commit(OutRun *r, char **err)
{
	int rc = 0;
	struct stat st;
	if (lstat(r->final, &st) == 0) {
		/* Swap the new folder and the old one in one step, then remove the
		 * old: there is never a moment without output/<ky>. */
		if (renameat2(AT_FDCWD, r->tmp, AT_FDCWD, r->final, RENAME_EXCHANGE) == 0) {
			out_rmtree(r->tmp);
		} else {
			char *old = xasprintf("%s.old", r->tmp);
			if (rename(r->final, old) || rename(r->tmp, r->final)) {
				*err = xasprintf(_("cannot move the new output into '%s': %s"), r->final, strerror(errno));
				rename(old, r->final);
				rc = -1;
			} else {
				out_rmtree(old);
			}
			free(old);
		}
	} else if (rename(r->tmp, r->final)) {
		*err = xasprintf(_("cannot move the new output into '%s': %s"), r->final, strerror(errno));
		rc = -1;
	}
	if (rc == 0)
		S_pending[0] = '\0';
	out_abort(r);
	return rc;
}

void out_abort(OutRun *r)
{
	if (r->tmp) {
		out_rmtree(r->tmp);
		S_pending[0] = '\0';
	}
	free(r->root);
	free(r->final);
	free(r->tmp);
	r->root = r->final = r->tmp = NULL;
}

int out_mkdir_p(const char *path, char **err)
{
	if (S_mkdir_p(path) == 0)
		return 0;
	*err = xasprintf(_("cannot create '%s': %s"), path, strerror(errno));
	return -1;
}

int out_replace_file(const char *path, const void *data, size_t len, time_t mtime, char **err)
{
	/* .tmp-<pid>-XXXXXX beside it: the same file system, so the rename is
	 * atomic; the pid tells a sweeper whose it is. */
	const char *slash = strrchr(path, '/');
	int dlen = slash ? (int)(slash - path + 1) : 0;
	char *tmp = xasprintf("%.*s.tmp-%ld-XXXXXX", dlen, path, (long)getpid());
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = xasprintf(_("cannot write '%s': %s"), tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	fchmod(fd, 0644);
	const char *p = data;
	size_t n = len;
	int e = 0;
	while (n && !e) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			e = w < 0 ? errno : EIO;
		else {
			p += w;
			n -= (size_t)w;
		}
	}
	if (!e && mtime > 0) {
		struct timespec ts[2] = {{mtime, 0}, {mtime, 0}};
		futimens(fd, ts);
	}
	if (close(fd) != 0 && !e)
		e = errno;
	if (!e && rename(tmp, path) != 0)
		e = errno;
	if (e) {
		*err = xasprintf(_("cannot write '%s': %s"), path, strerror(e));
		unlink(tmp);
	}
	free(tmp);
	return e ? -1 : 0;
}

int out_set_mtime(const char *path, time_t t)
{
	struct timespec ts[2] = {{t, 0}, {t, 0}};
	return utimensat(AT_FDCWD, path, ts, 0);
}

int out_remove(const char *path)
{
	return unlink(path);
}
