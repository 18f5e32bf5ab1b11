/* SPDX-License-Identifier: MIT */
/* han_doc: the reader of the dispatch's deadline tasks (cong-bo.csv,
 * moc.csv, ngay-nghi.csv) into the model's HanData (han_data.h); the
 * calendar that judges them is eval/han.h. */
#ifndef CHITIEU_HAN_DOC_H
#define CHITIEU_HAN_DOC_H

struct Model;
/* Reads cong-bo.csv, moc.csv and ngay-nghi.csv of dir when present (and
 * han_danh_muc / han_quy_trinh from the conf already in m: an invalid
 * value is an error at its bao-cao.conf line).  Problems go to m->msgs.
 * Called by input_read() after the registry is read.  Returns 0 when no
 * error was recorded, else -1. */
int han_read(struct Model *m, const char *dir);

#endif
