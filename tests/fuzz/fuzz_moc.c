/* SPDX-License-Identifier: MIT */
/* fuzz_moc: moc.csv among valid neighbours (fuzz_file.h). */
#define FUZZ_FILE "moc.csv"
#include "fuzz_file.h"
