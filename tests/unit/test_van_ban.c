/* SPDX-License-Identifier: MIT */
/* Unit tests of van_ban.c: the blocks the report and the dispatch share,
 * emitted once (the emitting helpers, "Kính gửi:", the province in a
 * sentence, the period's words). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "doc.h"
#include "model.h"
#include "van_ban.h"

/* A writer that records each block: its kind and its text, a line each. */
typedef struct {
	DocWriter w;
	Buf log;
	DocKind last;
	int flags, group_row, level;
	size_t n_col;
} S_Rec;

static void S_rec(DocWriter *w, const DocBlock *b)
{
	S_Rec *r = (S_Rec *)w;
	r->last = b->kind;
	r->flags = b->flags;
	r->group_row = b->group_row;
	r->level = b->level;
	r->n_col = b->n_col;
	buf_printf(&r->log, "%d:", (int)b->kind);
	doc_inl_text(&b->inl, &r->log);
	for (size_t i = 0; i < b->n_item; i++)
		buf_printf(&r->log, "|%s", b->item[i]);
	buf_putc(&r->log, '\n');
}

static void S_rec_init(S_Rec *r)
{
	memset(r, 0, sizeof *r);
	r->w.put = S_rec;
	buf_init(&r->log);
}

/* A model with one key of bao-cao.conf (value NULL: none). */
static void S_model(Model *m, ConfEntry *e, const char *key, const char *value)
{
	model_init(m);
	e->key = (char *)key;
	e->value = (char *)value;
	e->line = 1;
	m->conf = value ? e : NULL;
	m->n_conf = value ? 1 : 0;
}

/* A paragraph's and an item's runs keep "năm 2024" together when lien is
 * set (the report), not otherwise (the dispatch), and a heading's never:
 * what each builder did with its own copy of the helpers. */
static void test_van_ban_lien_in_running_text_only(void **state)
{
	(void)state;
	for (int lien = 0; lien < 2; lien++) {
		S_Rec r;
		S_rec_init(&r);
		VanBan v;
		van_ban_init(&v, NULL, &r.w, lien);
		van_ban_t(&v, 0, "Kết quả ");
		van_ban_tf(&v, DOC_BOLD, "năm %d", 2024);
		van_ban_par(&v, DOC_F_NOINDENT);
		assert_int_equal(r.last, DOC_PARA);
		assert_int_equal(r.flags, DOC_F_NOINDENT);
		van_ban_kind(&v, DOC_HEADING);
		van_ban_t(&v, 0, "Phụ lục II");
		van_ban_put(&v);
		VAN_BAN_FMT(&v, 0, buf_puts(&v.b, "tháng 12"));
		van_ban_item(&v, "-", 2);
		assert_int_equal(r.last, DOC_ITEM);
		assert_int_equal(r.level, 2);
		char want[160];
		snprintf(want, sizeof want, "%d:Kết quả năm%s2024\n%d:Phụ lục II\n%d:tháng%s12\n",
		         (int)DOC_PARA, lien ? "\xc2\xa0" : " ", (int)DOC_HEADING, (int)DOC_ITEM,
		         lien ? "\xc2\xa0" : " ");
		assert_string_equal(r.log.ptr, want);
		van_ban_release(&v);
		buf_release(&r.log);
	}
}

/* "Kính gửi:" ends each addressee with ";" and the last with "."; the
 * caller's strings are left as they were. */
static void test_van_ban_kinh_gui_punctuates(void **state)
{
	(void)state;
	S_Rec r;
	S_rec_init(&r);
	VanBan v;
	van_ban_init(&v, NULL, &r.w, 1);
	char a[] = "Sở Tư pháp", b[] = "UBND các huyện: Văn Lâm, Văn Giang";
	char *item[] = {a, b};
	van_ban_kinh_gui(&v, item, 2);
	char want[160];
	snprintf(want, sizeof want, "%d:|Sở Tư pháp;|UBND các huyện: Văn Lâm, Văn Giang.\n",
	         (int)DOC_KINH_GUI);
	assert_string_equal(r.log.ptr, want);
	assert_string_equal(a, "Sở Tư pháp");
	van_ban_release(&v);
	buf_release(&r.log);
}

/* A table's start carries its flags; a group's row spans the table, its
 * cells reused for the next row. */
static void test_van_ban_table_blocks(void **state)
{
	(void)state;
	S_Rec r;
	S_rec_init(&r);
	VanBan v;
	van_ban_init(&v, NULL, &r.w, 0);
	static const float w[2] = {1, 3};
	DocCell h[2], row[2];
	memset(h, 0, sizeof h);
	memset(row, 0, sizeof row);
	van_ban_cell(&h[0], "Stt", DOC_BOLD, DOC_AL_CENTER);
	van_ban_cell(&h[1], "Đơn vị", DOC_BOLD, DOC_AL_CENTER);
	van_ban_table(&v, 2, w, h, 1, DOC_F_SPLIT);
	assert_int_equal(r.last, DOC_TABLE);
	assert_int_equal(r.flags, DOC_F_SPLIT);
	assert_int_equal(r.n_col, 2);
	van_ban_group_row(&v, 2, row, "UBND cấp huyện");
	assert_int_equal(r.last, DOC_ROW);
	assert_int_equal(r.group_row, 1);
	assert_int_equal(row[0].colspan, 2);
	assert_int_equal(row[0].inl.v[0].style, DOC_BOLD);
	assert_int_equal(row[1].covered, 1);
	assert_int_equal(row[1].colspan, 0);
	van_ban_cell(&row[0], "1", 0, DOC_AL_CENTER);
	van_ban_cell(&row[1], "Sở Tư pháp", 0, DOC_AL_LEFT);
	assert_int_equal(row[1].covered, 0);
	van_ban_row(&v, 2, row, 0);
	assert_int_equal(r.group_row, 0);
	van_ban_table_end(&v);
	assert_int_equal(r.last, DOC_TABLE_END);
	for (int i = 0; i < 2; i++) {
		doc_inl_release(&h[i].inl);
		doc_inl_release(&row[i].inl);
	}
	van_ban_release(&v);
	buf_release(&r.log);
}

/* The province inside a sentence: a leading "Toàn" lowered, a proper
 * name kept. */
static void test_van_ban_ten_tinh(void **state)
{
	(void)state;
	static const char *const in[][2] = {{NULL, "toàn tỉnh"},
	                                    {"Toàn tỉnh Hưng Yên", "toàn tỉnh Hưng Yên"},
	                                    {"Tỉnh Hưng Yên", "Tỉnh Hưng Yên"}};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		Model m;
		ConfEntry e;
		S_model(&m, &e, "ten_tinh", in[i][0]);
		Buf b;
		buf_init(&b);
		van_ban_ten_tinh(&b, &m);
		assert_string_equal(b.ptr, in[i][1]);
		buf_release(&b);
	}
}

/* The period's words, and inside a sentence with a lower-case first
 * letter. */
static void test_van_ban_ky(void **state)
{
	(void)state;
	Model m;
	ConfEntry e;
	S_model(&m, &e, "x", NULL);
	m.cua_so.year = 2024;
	m.cua_so.last_month = 12;
	char *a = van_ban_ky(&m, 0), *b = van_ban_ky(&m, 1);
	assert_string_equal(a, "Năm 2024");
	assert_string_equal(b, "năm 2024");
	free(a);
	free(b);
	/* "Quý I" keeps its capital: only a first letter is lowered */
	m.cua_so.last_month = 3;
	a = van_ban_ky(&m, 1);
	assert_string_equal(a, "quý I năm 2024");
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_van_ban_lien_in_running_text_only),
		cmocka_unit_test(test_van_ban_kinh_gui_punctuates),
		cmocka_unit_test(test_van_ban_table_blocks),
		cmocka_unit_test(test_van_ban_ten_tinh),
		cmocka_unit_test(test_van_ban_ky),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
