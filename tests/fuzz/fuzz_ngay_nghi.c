/* SPDX-License-Identifier: MIT */
/* fuzz_ngay_nghi: ngay-nghi.csv among valid neighbours (fuzz_file.h). */
#define FUZZ_FILE "ngay-nghi.csv"
#include "fuzz_file.h"
