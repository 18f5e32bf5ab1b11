/* SPDX-License-Identifier: MIT */
/* Unit tests of soan.c: the blocks a page builder composes a run at a
 * time reach the writer whole: runs in their styles, links, tables with
 * their columns' alignment, short rows filled. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "soan.h"
#include "xalloc.h"

/* A writer that keeps owned copies of what it is handed. */
typedef struct {
	DocWriter w;
	DocList got;
} S_Keep;

static void S_put(DocWriter *w, const DocBlock *b)
{
	doc_list_add(&((S_Keep *)w)->got, b);
}

static void S_keep_init(S_Keep *k)
{
	k->w.put = S_put;
	doc_list_init(&k->got);
}

static const DocRun *S_run(const DocInl *p, size_t i)
{
	assert_true(i < p->n);
	return &p->v[i];
}

static void test_soan_paragraph_runs_and_links(void **state)
{
	(void)state;
	S_Keep k;
	S_keep_init(&k);
	Soan s;
	soan_init(&s, &k.w);
	soan_heading(&s, 1, "Ma trận");
	soan_puts(&s, "Xem ");
	soan_style(&s, DOC_BOLD);
	soan_printf(&s, "%d đơn vị", 3);
	soan_style(&s, 0);
	soan_puts(&s, " ở ");
	soan_link(&s, "trang 2", "%sdu-lieu.html", "../");
	soan_puts(&s, ".");
	soan_put(&s);
	soan_item(&s);
	soan_image(&s, "Biểu đồ", "chi-tieu-1", "../chi-tieu/1.html");
	soan_put(&s);
	soan_release(&s);
	assert_int_equal(k.got.n, 3);
	const DocBlock *h = &k.got.v[0].b, *p = &k.got.v[1].b, *it = &k.got.v[2].b;
	assert_int_equal(h->kind, DOC_HEADING);
	assert_int_equal(h->level, 1);
	assert_int_equal(p->kind, DOC_PARA);
	assert_int_equal(p->inl.n, 5);
	assert_string_equal(S_run(&p->inl, 0)->text, "Xem ");
	assert_string_equal(S_run(&p->inl, 1)->text, "3 đơn vị");
	assert_int_equal(S_run(&p->inl, 1)->style, DOC_BOLD);
	assert_string_equal(S_run(&p->inl, 3)->text, "trang 2");
	assert_string_equal(S_run(&p->inl, 3)->href, "../du-lieu.html");
	assert_null(S_run(&p->inl, 4)->href); /* "." is not part of the link */
	assert_int_equal(it->kind, DOC_ITEM);
	assert_string_equal(S_run(&it->inl, 0)->img, "chi-tieu-1");
	assert_string_equal(S_run(&it->inl, 0)->text, "Biểu đồ");
	assert_string_equal(S_run(&it->inl, 0)->href, "../chi-tieu/1.html");
	doc_list_release(&k.got);
}

static void test_soan_table_columns(void **state)
{
	(void)state;
	S_Keep k;
	S_keep_init(&k);
	Soan s;
	soan_init(&s, &k.w);
	soan_table(&s, "lrr", "Đơn vị|Tử số|Mẫu số");
	soan_row(&s);
	soan_link(&s, "Xã A", "don-vi/xa-a.html");
	soan_cell(&s);
	soan_puts(&s, "1");
	soan_cell(&s);
	soan_puts(&s, "2");
	soan_row_end(&s);
	soan_row(&s); /* a row short of cells */
	soan_puts(&s, "Không có");
	soan_row_end(&s);
	soan_table_end(&s);
	soan_release(&s);
	assert_int_equal(k.got.n, 4);
	const DocBlock *t = &k.got.v[0].b, *r = &k.got.v[1].b, *r2 = &k.got.v[2].b;
	assert_int_equal(t->kind, DOC_TABLE);
	assert_int_equal(t->n_col, 3);
	assert_int_equal(t->n_head, 1);
	assert_string_equal(S_run(&t->head[2].inl, 0)->text, "Mẫu số");
	assert_int_equal(t->col_align[0], DOC_AL_LEFT);
	assert_int_equal(t->col_align[1], DOC_AL_RIGHT);
	assert_int_equal(t->col_align[2], DOC_AL_RIGHT);
	assert_null(t->width);
	assert_int_equal(r->kind, DOC_ROW);
	assert_int_equal(r->n_col, 3);
	assert_string_equal(S_run(&r->cell[0].inl, 0)->href, "don-vi/xa-a.html");
	assert_string_equal(S_run(&r->cell[2].inl, 0)->text, "2");
	assert_int_equal(r->cell[2].align, DOC_AL_RIGHT);
	assert_int_equal(r->cell[1].colspan, 1);
	assert_int_equal(r2->n_col, 3);
	assert_int_equal(r2->cell[1].inl.n, 0);
	assert_int_equal(r2->cell[2].inl.n, 0);
	assert_int_equal(k.got.v[3].b.kind, DOC_TABLE_END);
	doc_list_release(&k.got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_soan_paragraph_runs_and_links),
	    cmocka_unit_test(test_soan_table_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
