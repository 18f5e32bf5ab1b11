/* SPDX-License-Identifier: MIT */
/* fuzz_don_vi: don-vi.csv among valid neighbours (fuzz_file.h). */
#define FUZZ_FILE "don-vi.csv"
#include "fuzz_file.h"
