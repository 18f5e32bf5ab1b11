/* SPDX-License-Identifier: MIT */
/* fuzz_nhom: nhom.csv among valid neighbours (fuzz_file.h). */
#define FUZZ_FILE "nhom.csv"
#include "fuzz_file.h"
