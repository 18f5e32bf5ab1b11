/* SPDX-License-Identifier: MIT */
/* text: the only file that includes ICU.  Unicode work: validation,
 * NFC, folding for matching names, Vietnamese collation. */
#ifndef CHITIEU_TEXT_H
#define CHITIEU_TEXT_H
#include <stddef.h>

/* 1 when s[0..n) is valid UTF-8; else 0 and *bad = the offset of the
 * first bad byte. */
int text_utf8_valid(const char *s, size_t n, size_t *bad);
/* NFC form of valid UTF-8 s (a fresh string; the caller frees it). */
char *text_nfc(const char *s);
/* The key a name is matched by: NFC, lower case, Vietnamese diacritics
 * removed (đ -> d), runs of spaces and underscores -> one '_', trimmed.
 * "Tử số", "TU_SO" and " tu  so " all give "tu_so".  Fresh string. */
char *text_fold(const char *s);
/* The key a target's name is matched by from one year to the next: NFC,
 * lower case (Vietnamese rules), runs of white space -> one space,
 * trimmed; diacritics kept ("Tỷ lệ" and "Tỉ lệ" stay apart: a renamed
 * target is another target).  Fresh string. */
char *text_fold_ten(const char *s);
/* Compares two UTF-8 strings as Vietnamese collation sorts them
 * (Ă after A, Đ after D, tones secondary); ties broken by bytes so the
 * order is total. */
int text_collate(const char *a, const char *b);
/* The name nearest to what among get(arr, 0..n), for "did you mean";
 * NULL when n is 0 or the nearest is farther than max_distance. */
const char *text_nearest(const char *what, size_t n, const char *(*get)(const void *, size_t),
                         const void *arr, size_t max_distance);
/* Number of code points. */
size_t text_length(const char *s);

#endif
