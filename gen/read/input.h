/* SPDX-License-Identifier: MIT */
/* input: reads an input folder (nhom.csv, don-vi.csv, chi-tieu.csv,
 * so-lieu/<ma>.csv or <ma>.xlsx, bao-cao.conf, through han_read() the
 * deadline tasks, noi-dung.md through gfm.c) into a model.  Every problem
 * goes to m->msgs with its path (relative to dir), line and column;
 * reading goes on after a data error so one run lists all of them.
 * Returns 0 when no error was recorded, else -1. */
#ifndef CHITIEU_INPUT_H
#define CHITIEU_INPUT_H
#include "model.h"

int input_read(Model *m, const char *dir);
/* The same, the units' files read on up to jobs threads (the result is
 * the same for any jobs, messages in the same order). */
int input_read_j(Model *m, const char *dir, int jobs);

#endif
