/* PLACEHOLDER: to be replaced (owner: readers). */
#include "input.h"
int input_read(Model *m, const char *dir) { msg_error(&m->msgs, dir, 0, 0, "input reading is not implemented yet"); return -1; }
