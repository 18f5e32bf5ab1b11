/* SPDX-License-Identifier: MIT */
/* fuzz_noi_dung: noi-dung.md (the clerk's Markdown, gfm.c) among valid
 * neighbours (fuzz_file.h); the report's Markdown is written from it. */
#define FUZZ_FILE "noi-dung.md"
#include "fuzz_file.h"
