/* PLACEHOLDER: to be replaced (owner: deadlines). */
#include "han.h"
#include <stdlib.h>
#include <string.h>
void han_init(HanData *h) { memset(h, 0, sizeof *h); h->han_danh_muc = 5; h->han_quy_trinh = 10; }
void han_release(HanData *h) { free(h->cong_bo); free(h->moc); free(h->nghi); free(h->kq); han_init(h); }
