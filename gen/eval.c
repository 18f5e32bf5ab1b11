/* PLACEHOLDER: to be replaced (owner: evaluation). */
#include "eval.h"
DanhGia eval_judge(const ChiTieu *t, int64_t n, int64_t d) { (void)t; (void)n; (void)d; return DG_CHUA_BAO_CAO; }
int eval_run(Model *m, const char *ky) { (void)ky; msg_error(&m->msgs, "", 0, 0, "evaluation is not implemented yet"); return -1; }
