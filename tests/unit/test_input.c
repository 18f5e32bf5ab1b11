/* SPDX-License-Identifier: MIT */
/* Unit tests of input: a small input folder written to /tmp, read into a
 * model, and the model and the messages checked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "input.h"
#include "xalloc.h"

static char S_dir[64];

static void S_write(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", S_dir, name);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	free(path);
}

static void S_rm(const char *name)
{
	char *path = xasprintf("%s/%s", S_dir, name);
	unlink(path);
	free(path);
}

static const char S_nhom[] = "ma,ten,thu_tu\nxa,UBND cấp xã,2\nhuyen,UBND cấp huyện,1\n";
static const char S_don_vi[] = "ma,ten,nhom,thuoc\n"
                               "huyen-a,UBND huyện A,huyen,\n"
                               "xa-b,UBND xã B,xa,huyen-a\n"
                               "xa-c,UBND xã C,xa,huyen-a\n";
static const char S_chi_tieu[] =
	"stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung\n"
	"2,Tỷ lệ B,X,Y,%,<=,\"45,5\",,huyen|xa\n"
	"1,Tỷ lệ A,X,Y,%,>=,80,Công văn 1,huyen | xa\n"
	"3,Tỷ lệ C,X,Y,%,=,100,,xa\n"
	"4,Tỷ lệ D,X,Y,%,>=,12.25,Công văn 2,huyen\n";

static int S_setup(void **state)
{
	snprintf(S_dir, sizeof S_dir, "/tmp/test_input.XXXXXX");
	assert_non_null(mkdtemp(S_dir));
	char *sl = xasprintf("%s/so-lieu", S_dir);
	mkdir(sl, 0755);
	free(sl);
	S_write("nhom.csv", S_nhom);
	S_write("don-vi.csv", S_don_vi);
	S_write("chi-tieu.csv", S_chi_tieu);
	S_write("so-lieu/huyen-a.csv", "ky,chi_tieu,tu_so,mau_so,ghi_chu\n"
	                               "2024-Q2,1,5,10,\n2024-Q1,1,\"1.234\",\"2,000\",Ghi chu\xCC\x81\n"
	                               "2024-Q1,4,0,0,\n");
	S_write("so-lieu/xa-b.csv", "\xEF\xBB\xBFKỳ;Chỉ tiêu;Tử số;Mẫu số\r\n2024-01;3;1 000;1\xC2\xA0" "000\r\n"
	                            "2024-02;1;0;7\r\n");
	S_write("so-lieu/xa-c.csv", "ky,chi_tieu,tu_so,mau_so\n");
	return 0;
}

static int S_teardown(void **state)
{
	const char *f[] = {"nhom.csv", "don-vi.csv", "chi-tieu.csv", "bao-cao.conf",
	                   "so-lieu/huyen-a.csv", "so-lieu/xa-b.csv", "so-lieu/xa-c.csv",
	                   "so-lieu/xa-d.csv", "so-lieu/notes.txt"};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		S_rm(f[i]);
	S_rm("so-lieu");
	char *sl = xasprintf("%s/so-lieu", S_dir);
	rmdir(sl);
	free(sl);
	rmdir(S_dir);
	return 0;
}

/* Every message, formatted, one a line (caller frees). */
static char *S_msgs(const Model *m)
{
	Buf b;
	buf_init(&b);
	for (size_t i = 0; i < m->msgs.n; i++) {
		char *s = msg_format(&m->msgs.v[i]);
		buf_printf(&b, "%s\n", s);
		free(s);
	}
	return buf_detach(&b, NULL);
}

/* cmocka cuts long strings: print the whole of a mismatch. */
static void S_expect(const char *got, const char *want)
{
	if (strcmp(got, want))
		fprintf(stderr, "--- got:\n%s--- want:\n%s---\n", got, want);
	assert_string_equal(got, want);
}

static void test_input_reads_a_good_folder(void **state)
{
	S_write("bao-cao.conf", "# comment\nco_quan = TỈNH A\n  dia_danh =  Hưng Yên  \nso =\n");
	Model m;
	model_init(&m);
	int rc = input_read(&m, S_dir);
	char *msgs = S_msgs(&m);
	assert_string_equal(msgs, "");
	free(msgs);
	assert_int_equal(rc, 0);

	/* groups in thu_tu order, targets in stt order */
	assert_int_equal(m.n_nhom, 2);
	assert_string_equal(m.nhom[0].ma, "huyen");
	assert_string_equal(m.nhom[1].ten, "UBND cấp xã");
	assert_int_equal(m.n_chi_tieu, 4);
	assert_int_equal(m.chi_tieu[0].stt, 1);
	assert_int_equal(m.chi_tieu[1].so_sanh, SS_LE);
	assert_int_equal(m.chi_tieu[1].gt_num, 455);
	assert_int_equal(m.chi_tieu[1].gt_scale, 1);
	assert_int_equal(m.chi_tieu[3].gt_num, 1225);
	assert_int_equal(m.chi_tieu[3].gt_scale, 2);
	assert_int_equal(m.chi_tieu[2].so_sanh, SS_EQ);
	assert_int_equal(m.chi_tieu[0].ap_dung[0], 1);
	assert_int_equal(m.chi_tieu[0].ap_dung[1], 1);
	assert_int_equal(m.chi_tieu[2].ap_dung[0], 0);
	assert_int_equal(m.chi_tieu[2].ap_dung[1], 1);
	/* stt 1 has a basis shared by 2 and 3; 4 has its own */
	assert_int_equal(m.chi_tieu[0].can_cu_span, 3);
	assert_int_equal(m.chi_tieu[1].can_cu_span, 0);
	assert_int_equal(m.chi_tieu[2].can_cu_span, 0);
	assert_int_equal(m.chi_tieu[3].can_cu_span, 1);

	/* units in registry order, parents resolved */
	assert_int_equal(m.n_don_vi, 3);
	assert_int_equal(m.don_vi[1].thuoc, 0);
	assert_int_equal(m.don_vi[0].thuoc, -1);
	assert_int_equal(m.don_vi[0].nhom, 0);
	assert_int_equal(m.don_vi[2].nhom, 1);
	assert_int_equal(m.don_vi[2].co_so_lieu, 1);

	/* figures sorted by unit, target, period; digit groups read */
	assert_int_equal(m.n_so_lieu, 5);
	const SoLieu *r = m.so_lieu;
	assert_int_equal(r[0].don_vi, 0);
	assert_int_equal(r[0].chi_tieu, 0);
	assert_int_equal(r[0].ky.kind, 'Q');
	assert_int_equal(r[0].ky.n, 1);
	assert_int_equal(r[0].tu_so, 1234);
	assert_int_equal(r[0].mau_so, 2000);
	assert_int_equal(r[0].line, 3);
	assert_string_equal(r[0].ghi_chu, "Ghi chú"); /* NFC */
	assert_int_equal(r[1].ky.n, 2);
	assert_null(r[1].ghi_chu);
	assert_int_equal(r[2].chi_tieu, 3);
	assert_int_equal(r[3].don_vi, 1);
	assert_int_equal(r[3].chi_tieu, 0);
	assert_int_equal(r[3].line, 3);
	assert_int_equal(r[4].chi_tieu, 2);
	assert_int_equal(r[4].tu_so, 1000);
	assert_int_equal(r[4].mau_so, 1000);

	/* conf values trimmed; absent keys blank */
	assert_string_equal(model_conf(&m, "dia_danh"), "Hưng Yên");
	assert_string_equal(model_conf(&m, "so"), "");
	assert_string_equal(model_conf(&m, "ky_ten"), "");

	/* every file read, sorted by path */
	assert_int_equal(m.n_tep, 7);
	assert_string_equal(m.tep[0].path, "bao-cao.conf");
	assert_string_equal(m.tep[1].path, "chi-tieu.csv");
	assert_string_equal(m.tep[6].path, "so-lieu/xa-c.csv");
	/* xa-c.csv is "ky,chi_tieu,tu_so,mau_so\n": its SHA-256 as sha256sum gives it */
	static const unsigned char sha[4] = {0x6f, 0xa3, 0xff, 0xef};
	assert_memory_equal(m.tep[6].sha256, sha, 4);
	model_release(&m);
	S_rm("bao-cao.conf");
}

static void test_input_reports_every_problem(void **state)
{
	S_write("bao-cao.conf", "co_quan = A\ncoquan = B\nngay = 31/02/2024\nno equals sign\n");
	S_write("so-lieu/xa-d.csv", "ky,chi_tieu,tu_so,mau_so\n2024-01,1,1,2\n");
	S_write("so-lieu/notes.txt", "x");
	S_write("so-lieu/xa-b.csv", "ky,chi_tieu,tu_so,mau_so,ma_don_vi\n"
	                            "2024-01,1,5,10,xa-b\n"
	                            "2024-01,4,5,10,xa-b\n"   /* 4 is huyen only */
	                            "2024-02,1,5,10,xa-c\n"
	                            "2024-01,1,1,1,xa-b\n"    /* twice */
	                            "2024-Q1,1,1,1,xa-b\n"    /* beside its months */
	                            "2024-03,2,1,5 ,xa-b\n"
	                            "2024-04,2,1,\"1,5\",xa-b\n"
	                            "2024-05,2,#N/A,5,xa-b\n"
	                            "2024-06,2,9,5,xa-b\n"
	                            "2023-12,2,1,5,xa-b\n");
	Model m;
	model_init(&m);
	int rc = input_read(&m, S_dir);
	char *msgs = S_msgs(&m);
	S_expect(
		msgs,
		"bao-cao.conf:2:1: warning: unknown key 'coquan' is ignored (did you mean 'co_quan'?)\n"
		"bao-cao.conf:3:8: error: ngay '31/02/2024' is not a date: write dd/mm/yyyy or yyyy-mm-dd, "
		"or leave it empty\n"
		"bao-cao.conf:4:1: error: this line is not 'key = value' (a comment line starts with #)\n"
		"so-lieu/notes.txt: warning: not a .csv or .xlsx file: ignored (save a unit's figures as "
		"\"CSV UTF-8\" named <ma>.csv, or as a workbook <ma>.xlsx)\n"
		"so-lieu/xa-b.csv:3:2: warning: target 4 does not apply to group 'xa' of this unit "
		"(ap_dung of chi-tieu.csv): the row is ignored\n"
		"so-lieu/xa-b.csv:4:5: error: ma_don_vi 'xa-c' differs from the file's unit 'xa-b': a file "
		"holds only the figures of the unit it is named after\n"
		"so-lieu/xa-b.csv:8:4: error: '1,5' in mau_so is not a whole number: counts have no "
		"decimals (digit groups of three such as 1.234 are accepted)\n"
		"so-lieu/xa-b.csv:9:3: error: tu_so is the Excel error value '#N/A', not a count: fix the "
		"formula in the workbook and save the CSV again\n"
		"so-lieu/xa-b.csv:10:3: error: tu_so 9 is greater than mau_so 5: the numerator counts part "
		"of the denominator\n"
		"so-lieu/xa-d.csv: error: unknown unit 'xa-d': no such code in don-vi.csv (did you mean "
		"'xa-b'?)\n"
		"so-lieu/xa-b.csv:11:1: error: period 2023-12 is outside the reporting year 2024: one input "
		"folder holds one year (2024 is the year most rows give)\n"
		"so-lieu/xa-b.csv:5:1: error: period 2024-01 of target 1 is given twice (lines 2 and 5)\n"
		"so-lieu/xa-b.csv:6:1: error: quarter 2024-Q1 (line 6) and the months 2024-01, 2024-01 it "
		"holds (lines 2, 5) are both given for target 1: give either the months or the quarter\n");
	free(msgs);
	assert_int_equal(rc, -1);
	model_release(&m);
	S_rm("bao-cao.conf");
	S_rm("so-lieu/xa-d.csv");
	S_rm("so-lieu/notes.txt");
	S_setup(state);
}

static void test_input_registry_problems(void **state)
{
	S_write("nhom.csv", "ma,ten,thu_tu\nxa,Xã,1\nxa,Xã 2,2\nHuyen,Huyện,x\n");
	S_write("don-vi.csv", "ma,ten,nhom,thuoc\n"
	                      "xa-b,B,xa,xa-c\n"
	                      "xa-c,C,xa,xa-b\n"
	                      "xa-b,B2,xa,\n"
	                      "Xa C,C,xa,\n"
	                      "xa-e,E,xaa,\n"
	                      "xa-f,F,xa,xa-g\n");
	S_write("chi-tieu.csv", "stt,ten,so_sanh,gia_tri,ap_dung,can_cu\n"
	                        "1,A,>,80,xa,\n"
	                        "1,A2,>=,80%,xa,\n"
	                        "2,B,=,1,huyen,\n"
	                        "3,C,<=,1,,\n");
	S_rm("so-lieu/huyen-a.csv");
	Model m;
	model_init(&m);
	int rc = input_read(&m, S_dir);
	char *msgs = S_msgs(&m);
	S_expect(
		msgs,
		"nhom.csv:4:1: error: bad group code 'Huyen': use lower-case ASCII letters, digits and '-' "
		"([a-z0-9-]+)\n"
		"nhom.csv:4:3: error: thu_tu 'x' is not a whole number (the group's order in reports)\n"
		"nhom.csv:3:1: error: duplicate group code 'xa' (lines 2 and 3)\n"
		"don-vi.csv:5:1: error: bad unit code 'Xa C': use lower-case ASCII letters, digits and '-' "
		"([a-z0-9-]+); it is also the name of the unit's file so-lieu/<ma>.csv\n"
		"don-vi.csv:6:3: error: unknown group 'xaa': no such code in nhom.csv (did you mean 'xa'?)\n"
		"don-vi.csv:4:1: error: duplicate unit code 'xa-b' (lines 2 and 4)\n"
		"chi-tieu.csv:2:3: error: bad comparator '>' in so_sanh: write >= (at least), <= (at most) "
		"or = (exactly)\n"
		"chi-tieu.csv:3:4: error: bad target value '80%' in gia_tri: write a number such as 80, "
		"45.5 or 45,5 (at most 6 decimals, no % sign)\n"
		"chi-tieu.csv:4:5: error: unknown group 'huyen' in ap_dung: no such code in nhom.csv (did "
		"you mean 'xa'?)\n"
		"chi-tieu.csv:5:5: error: empty ap_dung: name the groups judged on this target, joined by | "
		"(so|huyen|xa)\n"
		"chi-tieu.csv:3:1: error: duplicate stt 1 (lines 2 and 3)\n"
		"don-vi.csv:7:4: error: unknown parent unit 'xa-g' in thuoc: no such code in don-vi.csv "
		"(did you mean 'xa-b'?)\n"
		"don-vi.csv:2:4: error: thuoc makes a cycle: xa-b -> xa-c -> xa-b; a unit cannot be its own "
		"parent\n"
		"chi-tieu.csv:2:6: warning: the first target (stt 1) has an empty can_cu, so there is no row "
		"above to share: its basis prints blank\n"
		"so-lieu/xa-b.csv:2:2: warning: target 3 does not apply to group 'xa' of this unit (ap_dung "
		"of chi-tieu.csv): the row is ignored\n"
		"don-vi.csv:6:1: warning: unit 'xa-e' sent no data file (so-lieu/xa-e.csv): it is listed as "
		"not reported\n"
		"don-vi.csv:7:1: warning: unit 'xa-f' sent no data file (so-lieu/xa-f.csv): it is listed as "
		"not reported\n");
	free(msgs);
	assert_int_equal(rc, -1);
	model_release(&m);
	S_teardown(state);
	S_setup(state);
}

static void test_input_missing_files(void **state)
{
	S_rm("chi-tieu.csv");
	S_rm("so-lieu/huyen-a.csv");
	S_rm("so-lieu/xa-b.csv");
	S_rm("so-lieu/xa-c.csv");
	char *sl = xasprintf("%s/so-lieu", S_dir);
	rmdir(sl);
	free(sl);
	Model m;
	model_init(&m);
	int rc = input_read(&m, S_dir);
	char *msgs = S_msgs(&m);
	char *want = xasprintf("chi-tieu.csv: error: required file is missing from the input folder %s\n"
	                       "so-lieu: error: the folder so-lieu/ is missing: it holds one <ma>.csv per "
	                       "unit\n"
	                       "don-vi.csv:2:1: warning: unit 'huyen-a' sent no data file "
	                       "(so-lieu/huyen-a.csv): it is listed as not reported\n"
	                       "don-vi.csv:3:1: warning: unit 'xa-b' sent no data file (so-lieu/xa-b.csv): "
	                       "it is listed as not reported\n"
	                       "don-vi.csv:4:1: warning: unit 'xa-c' sent no data file (so-lieu/xa-c.csv): "
	                       "it is listed as not reported\n",
	                       S_dir);
	S_expect(msgs, want);
	free(want);
	free(msgs);
	assert_int_equal(rc, -1);
	model_release(&m);
	S_teardown(state);
	S_setup(state);
}

/* What a count may look like: only whole numbers, digit groups of three
 * under one separator. */
static void test_input_count_forms(void **state)
{
	S_write("so-lieu/xa-b.csv",
	        "ky;chi_tieu;tu_so;mau_so\n"
	        "2024-01;1;0;007\n"
	        "2024-02;1;1 234 567;1.234.567\n"
	        "2024-03;1;1,234;1\xE2\x80\xAF" "234\n"
	        "2024-04;1;12,34;10\n"
	        "2024-05;1;1.23;10\n"
	        "2024-06;1;1.234,567;1234567\n"
	        "2024-07;1;.123;1234.\n"
	        "2024-08;1;1234.567;+5\n"
	        "2024-09;1;999999999999;999999999999\n"
	        "2024-10;1;0;1000000000000\n");
	Model m;
	model_init(&m);
	int rc = input_read(&m, S_dir);
	char *msgs = S_msgs(&m);
	const char *bad = "is not a whole number: counts have no decimals (digit groups of three such "
	                  "as 1.234 are accepted)\n";
	char *want = xasprintf("so-lieu/xa-b.csv:5:3: error: '12,34' in tu_so %s"
	                       "so-lieu/xa-b.csv:6:3: error: '1.23' in tu_so %s"
	                       "so-lieu/xa-b.csv:7:3: error: '1.234,567' in tu_so %s"
	                       "so-lieu/xa-b.csv:8:3: error: '.123' in tu_so %s"
	                       "so-lieu/xa-b.csv:8:4: error: '1234.' in mau_so %s"
	                       "so-lieu/xa-b.csv:9:3: error: '1234.567' in tu_so %s"
	                       "so-lieu/xa-b.csv:9:4: error: '+5' in mau_so %s"
	                       "so-lieu/xa-b.csv:11:4: error: count '1000000000000' in mau_so is too "
	                       "large (at most 999999999999)\n",
	                       bad, bad, bad, bad, bad, bad, bad);
	S_expect(msgs, want);
	free(want);
	free(msgs);
	assert_int_equal(rc, -1);
	/* huyen-a's 3 rows, then xa-b's good ones in period order */
	assert_int_equal(m.n_so_lieu, 3 + 4);
	const SoLieu *r = m.so_lieu + 3;
	assert_int_equal(r[0].tu_so, 0);
	assert_int_equal(r[0].mau_so, 7);
	assert_int_equal(r[1].tu_so, 1234567);
	assert_int_equal(r[1].mau_so, 1234567);
	assert_int_equal(r[2].tu_so, 1234);
	assert_int_equal(r[2].mau_so, 1234);
	assert_int_equal(r[3].tu_so, INT64_C(999999999999));
	model_release(&m);
}

/* ten_ngan: optional; read when given, "Chỉ tiêu <stt>" / "CT<stt>" from
 * model_ten_ngan when not; past 40 characters a warning at its cell. */
static void test_input_ten_ngan(void **state)
{
	S_write("chi-tieu.csv",
	        "stt,ten,so_sanh,gia_tri,ap_dung,can_cu,Tên ngắn\n"
	        "1,Tỷ lệ A,>=,80,huyen|xa,CV 1,DVC toàn trình\n"
	        "2,Tỷ lệ B,>=,80,huyen|xa,,\n"
	        "3,Tỷ lệ C,>=,80,huyen|xa,,Tỷ lệ hồ sơ tiếp nhận trực tuyến trên Cổn\n"
	        "4,Tỷ lệ D,>=,80,huyen|xa,,Tỷ lệ hồ sơ tiếp nhận trực tuyến trên Cổ\n");
	Model m;
	model_init(&m);
	int rc = input_read(&m, S_dir);
	char *msgs = S_msgs(&m);
	S_expect(msgs, "chi-tieu.csv:4:7: warning: ten_ngan 'Tỷ lệ hồ sơ tiếp nhận trực tuyến "
	               "trên Cổn' has 41 characters: a short name of at most 40 fits matrix headers "
	               "and chart titles\n");
	free(msgs);
	assert_int_equal(rc, 0);
	assert_int_equal(m.n_chi_tieu, 4);
	char buf[MODEL_TEN_NGAN_BUF];
	assert_string_equal(model_ten_ngan(&m.chi_tieu[0], 0, buf), "DVC toàn trình");
	assert_string_equal(model_ten_ngan(&m.chi_tieu[0], 1, buf), "DVC toàn trình");
	assert_string_equal(model_ten_ngan(&m.chi_tieu[1], 0, buf), "Chỉ tiêu 2");
	assert_string_equal(model_ten_ngan(&m.chi_tieu[1], 1, buf), "CT2");
	assert_string_equal(model_ten_ngan(&m.chi_tieu[3], 0, buf),
	                    "Tỷ lệ hồ sơ tiếp nhận trực tuyến trên Cổ");
	model_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_input_reads_a_good_folder, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_input_reports_every_problem, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_input_registry_problems, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_input_missing_files, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_input_count_forms, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(test_input_ten_ngan, S_setup, S_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
