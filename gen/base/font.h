/* SPDX-License-Identifier: MIT */
/* font: the only fontconfig user.  Finds the Liberation Serif files the
 * PDFs embed (the metric twin of Times New Roman, which Decree 30/2020
 * names; PITFALLS.md: it survives libharu 2.3.0's composite-glyph bug).
 * Never a hard-coded path. */
#ifndef CHITIEU_FONT_H
#define CHITIEU_FONT_H

typedef enum {
	FONT_REGULAR,
	FONT_BOLD,
	FONT_ITALIC,
	FONT_BOLD_ITALIC,
	FONT_N_STYLE
} FontStyle;

/* Fills paths[style] with the file of each style (caller frees each).
 * Returns 0, or -1 with *err (caller frees) naming the Debian package
 * fonts-liberation2 when a style is missing or fontconfig substitutes
 * another family: an environment failure (exit 3). */
int font_find_serif(char *paths[FONT_N_STYLE], char **err);

#endif
