/* SPDX-License-Identifier: MIT */
/* fuzz_cong_bo: cong-bo.csv among valid neighbours (fuzz_file.h). */
#define FUZZ_FILE "cong-bo.csv"
#include "fuzz_file.h"
