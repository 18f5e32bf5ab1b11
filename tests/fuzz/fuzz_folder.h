/* SPDX-License-Identifier: MIT */
/* Shared by the input harnesses: a scratch input folder and the whole
 * pipeline that needs no disk output (read, evaluate, judge the deadline
 * tasks, render ket-qua.csv and the Markdown report into buffers). */
#ifndef CHITIEU_FUZZ_FOLDER_H
#define CHITIEU_FUZZ_FOLDER_H
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bao_cao.h"
#include "buf.h"
#include "eval.h"
#include "han.h"
#include "input.h"
#include "ketqua.h"
#include "xuat.h"
#include "model.h"
#include "trang.h"
#include "trang_han.h"
#include "xalloc.h"

static char S_dir[64];

/* Writes one file of the scratch folder; a name the folder cannot take
 * (a file named like the so-lieu folder) is left out. */
static void S_write(const char *rel, const void *data, size_t n)
{
	char *path = xasprintf("%s/%s", S_dir, rel);
	FILE *fp = fopen(path, "wb");
	free(path);
	if (!fp)
		return;
	if (n && fwrite(data, 1, n, fp) != n)
		abort();
	fclose(fp);
}

static void S_puts(const char *rel, const char *text)
{
	S_write(rel, text, strlen(text));
}

/* Removes every file of dir (one level). */
static void S_clear(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *p = xasprintf("%s/%s", dir, e->d_name);
		if (unlink(p) != 0)
			rmdir(p);
		free(p);
	}
	closedir(d);
}

static void S_clear_all(void)
{
	char *sl = xasprintf("%s/so-lieu", S_dir);
	S_clear(sl);
	S_clear(S_dir);
	mkdir(sl, 0777);
	free(sl);
}

static void S_remove_dir(void)
{
	S_clear_all();
	char *sl = xasprintf("%s/so-lieu", S_dir);
	rmdir(sl);
	free(sl);
	rmdir(S_dir);
}

/* A scratch folder in memory-backed /dev/shm when there is one, removed
 * at exit. */
static void S_make_dir(void)
{
	if (S_dir[0])
		return;
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(S_dir, sizeof S_dir, "%s/chitieu-fuzz-XXXXXX", base);
	if (!mkdtemp(S_dir))
		abort();
	atexit(S_remove_dir);
}

/* Reads the scratch folder and runs every stage that writes no file. */
static void S_pipeline(void)
{
	Model m;
	model_init(&m);
	if (input_read(&m, S_dir) == 0 && eval_run(&m, NULL) == 0) {
		han_eval(&m);
		Buf b;
		buf_init(&b);
		ketqua_csv(&b, &m);
		if (m.han.co)
			ketqua_han_csv(&b, &m);
		bao_cao_md(&b, &m, "charts/");
		/* the site's pages, as the site writes them (without the files) */
		TrangCtx *c = trang_ctx_new(&m);
		DocWriter *w = xuat_md_writer(&b, "../charts/");
		trang_chu(w, &m, c);
		trang_du_lieu(w, &m);
		trang_han(w, &m);
		for (size_t u = 0; u < m.n_don_vi; u++) {
			trang_don_vi(w, &m, c, u);
			if (trang_co_con(c, u))
				trang_dia_ban(w, &m, c, u);
		}
		for (size_t t = 0; t < m.n_chi_tieu; t++)
			trang_chi_tieu(w, &m, t);
		for (size_t g = 0; g < m.n_nhom; g++)
			trang_nhom(w, &m, c, g);
		xuat_md_writer_free(w);
		trang_ctx_free(c);
		buf_release(&b);
	}
	if (getenv("FUZZ_VERBOSE"))
		msgs_print(&m.msgs, stderr);
	/* formatting every message exercises the paths and texts kept */
	for (size_t i = 0; i < m.msgs.n; i++)
		free(msg_format(&m.msgs.v[i]));
	model_release(&m);
}

#endif
