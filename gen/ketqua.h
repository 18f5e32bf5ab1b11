/* ketqua: the evaluated figures for programs (ket-qua.csv) and the
 * deadline results (han.csv), as SPEC defines their columns. */
#ifndef CHITIEU_KETQUA_H
#define CHITIEU_KETQUA_H
#include "buf.h"
#include "model.h"

void ketqua_csv(Buf *out, const Model *m);
void ketqua_han_csv(Buf *out, const Model *m);

#endif
