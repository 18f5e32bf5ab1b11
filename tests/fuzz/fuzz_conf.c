/* SPDX-License-Identifier: MIT */
/* fuzz_conf: bao-cao.conf among valid neighbours (fuzz_file.h). */
#define FUZZ_FILE "bao-cao.conf"
#include "fuzz_file.h"
