/* SPDX-License-Identifier: MIT */
/* fuzz_chi_tieu: chi-tieu.csv among valid neighbours (fuzz_file.h). */
#define FUZZ_FILE "chi-tieu.csv"
#include "fuzz_file.h"
