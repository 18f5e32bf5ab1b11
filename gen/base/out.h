/* SPDX-License-Identifier: MIT */
/* out: the one place that writes files.
 *
 * A run writes everything into a fresh folder beside its target
 * (<root>/.chitieu-tmp-<pid>-XXXXXX) and only out_commit() puts it in
 * place, by an atomic exchange of folders; out_abort() (also run on
 * SIGINT/SIGTERM and at exit) removes it, and a later run removes one
 * left by a killed process.  So a failed or interrupted run leaves <root>/<ky> as it was.
 * Functions return 0, or -1 with *err (caller frees) saying what failed. */
#ifndef CHITIEU_OUT_H
#define CHITIEU_OUT_H
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "buf.h"

typedef struct {
	char *root;   /* the output root, e.g. "output" */
	char *final;  /* <root>/<ky> */
	char *tmp;    /* the folder being written */
} OutRun;

int out_begin(OutRun *r, const char *root, const char *ky, char **err);
/* tmp/<rel>, creating its folder; rel may contain '/'. */
char *out_path(const OutRun *r, const char *rel);
int out_mkdir(const OutRun *r, const char *rel, char **err);
/* Writes b to path, checking every write and the close (disk full). */
int out_write_file(const char *path, const void *data, size_t len, char **err);
/* A file written in pieces (a PDF a chunk of pages at a time): opened
 * here, closed by out_close_file(), which checks the flush and the close
 * (disk full).  NULL or -1 with *err. */
FILE *out_open_file(const char *path, char **err);
int out_close_file(FILE *fp, const char *path, char **err);
int out_write_buf(const OutRun *r, const char *rel, const Buf *b, char **err);
int out_commit(OutRun *r, char **err);
void out_abort(OutRun *r);
/* Removes a folder and everything under it; 0 or -1. */
int out_rmtree(const char *path);

/* For stores outside the run's folder (the chart cache), whose files are
 * replaced whole while other runs may read them: */
/* Creates path and its parents; 0, or -1 with *err. */
int out_mkdir_p(const char *path, char **err);
/* Writes data to a new file beside path, sets its modification time to
 * mtime (when > 0), and renames it over path: a reader sees the old file
 * or the whole new one, never a part.  0, or -1 with *err (nothing left
 * behind). */
int out_replace_file(const char *path, const void *data, size_t len, time_t mtime, char **err);
/* Sets path's access and modification times to t; 0 or -1. */
int out_set_mtime(const char *path, time_t t);
/* Removes one file; 0 or -1. */
int out_remove(const char *path);

#endif
