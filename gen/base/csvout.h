/* SPDX-License-Identifier: MIT */
/* csvout: writing CSV fields (RFC 4180), for every CSV the program
 * writes (ket-qua.csv, han.csv).  Reading CSV is csvin.c's. */
#ifndef CHITIEU_CSVOUT_H
#define CHITIEU_CSVOUT_H
#include "buf.h"

/* Appends one field: quoted when it holds a comma, a quote, a line
 * break or surrounding spaces (a quote inside doubled); NULL is an empty
 * field. */
void csvout_field(Buf *b, const char *s);

#endif
