/* SPDX-License-Identifier: MIT */
/* fuzz_so_lieu: so-lieu/xa-b.csv among valid neighbours (fuzz_file.h). */
#define FUZZ_FILE "so-lieu/xa-b.csv"
#include "fuzz_file.h"
