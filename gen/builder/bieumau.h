/* SPDX-License-Identifier: MIT */
/* bieumau: the entry forms (`chitieu --bieu-mau DIR`), one per registered
 * unit: DIR/<ma>.xlsx, written with libxlsxwriter (the only file that
 * includes <xlsxwriter.h>), and DIR/<ma>.csv with the same rows.
 *
 * The sheet "So lieu": a title row (the unit's name and code, the year),
 * a row saying what each column means, the header row of so-lieu files
 * (ky, chi_tieu, tu_so, mau_so, ghi_chu, ten_chi_tieu), then one row per
 * period of the year (quarters, or months with ky_nhap = thang) and per
 * target that applies to the unit's group.  ky is text (Excel would turn
 * 2024-07 into a date); tu_so and mau_so are validated (whole, >= 0,
 * tu_so <= mau_so) with Vietnamese messages; every cell but the counts and
 * the note is locked (sheet protection without a password); the header is
 * frozen.  The sheet "Huong dan" says how to fill and send the form and
 * gives each target's definition.  Read back filled (input.c), a form
 * gives no error and no warning: rows left empty are periods not yet
 * reported.
 *
 * The workbook's date is SOURCE_DATE_EPOCH when set (same bytes on every
 * run), else now.  Everything is written into a folder beside DIR and
 * swapped in (out.c): a failed run leaves DIR as it was; DIR is replaced
 * as a whole, so it must hold only forms (see bieumau_write). */
#ifndef CHITIEU_BIEUMAU_H
#define CHITIEU_BIEUMAU_H
#include "model.h"

/* Writes the forms for every unit of m into dir, for the year of its
 * figures (none yet: the year of SOURCE_DATE_EPOCH, else of today).
 * Returns 0; 1 with *err (caller frees) when dir holds
 * something else than .xlsx and .csv files (not a forms folder: it is not
 * touched); -1 with *err when writing failed. */
int bieumau_write(const Model *m, const char *dir, char **err);

#endif
