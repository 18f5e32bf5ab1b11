/* SPDX-License-Identifier: MIT */
/* lich_su: what earlier runs published (SPEC "History").
 *
 * The output root keeps each period's output (<root>/2024-Q1/, …).  Of
 * those, only ket-qua.csv is read (through csvin), and only two of them:
 * - the latest earlier period E of the report's year: its window is
 *   evaluated again from today's input (eval_ket_qua) and compared with
 *   what was published, unit by unit and target by target (tu_so, mau_so,
 *   danh_gia): the restatements;
 * - the same period of the previous year: its results, matched to today's
 *   units by ma and to today's targets by name (text_fold_ten), because
 *   numbering changes from year to year.  Names come from the file's
 *   ten_chi_tieu column; a file without it matches no target.
 * A published file that cannot be read (hand-edited, truncated, another
 * program's) is a warning naming it and its line, and nothing is claimed
 * from it. */
#ifndef CHITIEU_LICH_SU_H
#define CHITIEU_LICH_SU_H
#include "buf.h"
#include "model.h"

/* Fills m->ls from the output root (an evaluated model; a root that does
 * not exist holds nothing).  Warnings go to m->msgs. */
void lich_su_run(Model *m, const char *root);

/* The period folders of the output root that hold the file rel
 * ("ket-qua.csv", "site/index.html"), oldest first: a folder counts when
 * its name is a period as chitieu writes it ("2024-Q3", "2024-05").  The
 * one scan for earlier periods (the history here, the archive page in
 * site.c).  Returns their number with *out for the caller to free (NULL
 * when none), or -1 with errno when root cannot be read. */
long lich_su_cac_ky(const char *root, const char *rel, KyCu **out);

/* What the archive (output/index.html) says of the period folder
 * <root>/<ten>: *dat of *tong targets met by the province (its
 * ket-qua.csv; -1 when unreadable) and *thieu, the units its provisional
 * banner counts (read back from its site/index.html: 0 when the figures
 * were complete, -1 without a site or one that says neither: made by an
 * older chitieu).  0, or -1 when ket-qua.csv could not
 * be read. */
int lich_su_tom_tat(const char *root, const char *ten, int *dat, int *tong, long *thieu);

#endif
