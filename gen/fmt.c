/* PLACEHOLDER: to be replaced (owner: evaluation). */
#include "fmt.h"
void fmt_int(Buf *b, int64_t v) { buf_printf(b, "%lld", (long long)v); }
