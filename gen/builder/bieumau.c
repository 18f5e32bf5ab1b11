/* SPDX-License-Identifier: MIT */
#include "bieumau.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "fmt.h"
#include "csvout.h"
#include "out.h"
#include "text.h"
#include "msg.h"
#include "xalloc.h"

enum { C_KY, C_CHI_TIEU, C_TU_SO, C_MAU_SO, C_GHI_CHU, C_TEN, C_N };
enum { R_TITLE, R_MEANING, R_HEADER, R_DATA }; /* rows of "So lieu", 0-based */

static const char *const S_header[C_N] = {"ky",      "chi_tieu", "tu_so",
                                          "mau_so",  "ghi_chu",  "ten_chi_tieu"};
/* Said so that no cell of this row names a column (the header is the
 * first row that names them all: this one is above it). */
static const char *const S_meaning[C_N] = {
	"Kỳ báo cáo",
	"Số thứ tự chỉ tiêu",
	"Tử số: số đạt yêu cầu",
	"Mẫu số: tổng số phải tính",
	"Ghi chú (nếu có)",
	"Tên chỉ tiêu (để đối chiếu, không sửa)",
};
static const double S_width[C_N] = {11, 10, 14, 14, 30, 70};

/* The periods of the form: 4 quarters, or 12 months with ky_nhap = thang. */
static int S_periods(const Model *m, int year, Ky *k)
{
	char *f = text_fold(model_conf(m, "ky_nhap"));
	int monthly = !strcmp(f, "thang");
	free(f);
	int n = monthly ? 12 : 4;
	for (int i = 0; i < n; i++)
		k[i] = (Ky){year, monthly ? 'M' : 'Q', i + 1};
	return n;
}

static time_t S_epoch(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (s && *s) {
		char *end;
		long long v = strtoll(s, &end, 10);
		if (!*end && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

/* The legal basis printed for t: a row with an empty can_cu shares the
 * one above. */
static const char *S_can_cu(const Model *m, size_t t)
{
	while (t > 0 && !m->chi_tieu[t].can_cu[0])
		t--;
	return m->chi_tieu[t].can_cu;
}

static const char *S_co_quan(const Model *m)
{
	const char *s = model_conf(m, "ten_co_quan");
	return *s ? s : *model_conf(m, "co_quan") ? model_conf(m, "co_quan") : "cơ quan tổng hợp";
}

/* The height of a row whose wrapped cells are these texts in columns
 * this wide: spreadsheets fit a row to its text only when they edit it,
 * so a form opened (or printed) as written needs the height set. */
static double S_height(const char *const *text, const double *width, int n)
{
	size_t lines = 1;
	for (int i = 0; i < n; i++) {
		/* a character of 11-point Calibri is about one width unit */
		size_t per = width[i] > 2 ? (size_t)(width[i] - 1) : 1;
		size_t k = (text_length(text[i]) + per - 1) / per;
		if (k > lines)
			lines = k;
	}
	return 15.0 * (double)lines;
}

/* Printed on A4 landscape, a page wide, the header on every page. */
static void S_page(lxw_worksheet *ws, int header_last)
{
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	if (header_last > 0)
		worksheet_repeat_rows(ws, 0, (lxw_row_t)header_last);
}

static void S_validate(lxw_worksheet *ws, int last, int col, const char *rule, const char *title,
                       const char *input, const char *error)
{
	lxw_data_validation dv;
	memset(&dv, 0, sizeof dv);
	dv.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
	dv.value_formula = (char *)rule;
	dv.ignore_blank = LXW_VALIDATION_ON;
	dv.show_input = LXW_VALIDATION_ON;
	dv.show_error = LXW_VALIDATION_ON;
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	dv.input_title = (char *)title;
	dv.input_message = (char *)input;
	dv.error_title = (char *)"Số liệu không hợp lệ";
	dv.error_message = (char *)error;
	worksheet_data_validation_range(ws, R_DATA, (lxw_col_t)col, (lxw_row_t)last, (lxw_col_t)col, &dv);
}

static void S_guide(lxw_workbook *wb, const Model *m, size_t u, int year, int monthly)
{
	const DonVi *dv = &m->don_vi[u];
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Huong dan");
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_font_size(bold, 13);
	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_text_wrap(head);
	format_set_bg_color(head, 0xDDEBF7);
	format_set_border(head, LXW_BORDER_THIN);
	format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
	lxw_format *wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	lxw_format *cell = workbook_add_format(wb);
	format_set_text_wrap(cell);
	format_set_border(cell, LXW_BORDER_THIN);
	format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
	static const double width[6] = {6, 60, 12, 14, 50, 28};
	for (int c = 0; c < 6; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c], NULL);

	Buf b, giao;
	buf_init(&b);
	buf_init(&giao);
	buf_printf(&b, "HƯỚNG DẪN ĐIỀN BIỂU SỐ LIỆU NĂM %d — %s (mã: %s)", year, dv->ten, dv->ma);
	worksheet_merge_range(ws, 0, 0, 0, 5, b.ptr, bold);
	lxw_row_t r = 2;
	const char *steps[6];
	char *s1 = xasprintf(
	    "1. Ở trang \"So lieu\", điền tử số (cột tu_so) và mẫu số (cột mau_so) của từng chỉ tiêu "
	    "cho từng %s: số nguyên từ 0 trở lên, tử số không lớn hơn mẫu số; ghi 0 khi không phát "
	    "sinh. Có thể ghi thêm ghi chú (cột ghi_chu).",
	    monthly ? "tháng" : "quý");
	char *s4 = xasprintf("4. Lưu tệp dạng Excel (.xlsx), giữ nguyên tên %s.xlsx, và gửi lại cho "
	                     "%s. Đơn vị dùng tệp CSV thì điền %s.csv và lưu dạng \"CSV UTF-8\".",
	                     dv->ma, S_co_quan(m), dv->ma);
	steps[0] = s1;
	steps[1] = "2. Kỳ chưa có số liệu thì để trống cả tử số và mẫu số: dòng đó được bỏ qua, "
	           "không bị coi là sai.";
	steps[2] = "3. Không sửa các cột ky, chi_tieu, ten_chi_tieu và dòng tiêu đề; không thêm, xóa "
	           "hay đổi thứ tự cột; không đổi tên trang \"So lieu\".";
	steps[3] = s4;
	steps[4] = "5. Tử số, mẫu số tính theo định nghĩa của từng chỉ tiêu trong bảng dưới đây.";
	steps[5] = NULL;
	for (int i = 0; steps[i]; i++) {
		worksheet_merge_range(ws, r, 0, r, 5, steps[i], wrap);
		worksheet_set_row(ws, r, S_height(&steps[i], &(double){170}, 1), NULL);
		r++;
	}
	free(s1);
	free(s4);
	r++;
	static const char *const cols[] = {"STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu giao",
	                                   "Căn cứ", "Áp dụng cho"};
	for (int c = 0; c < 6; c++)
		worksheet_write_string(ws, r, (lxw_col_t)c, cols[c], head);
	r++;
	for (size_t t = 0; t < m->n_chi_tieu; t++) {
		if (!model_applies(m, u, t))
			continue;
		const ChiTieu *ct = &m->chi_tieu[t];
		worksheet_write_number(ws, r, 0, ct->stt, cell);
		worksheet_write_string(ws, r, 1, ct->ten, cell);
		worksheet_write_string(ws, r, 2, ct->don_vi_tinh, cell);
		buf_reset(&b);
		fmt_giao_chi_tieu(&b, ct);
		worksheet_write_string(ws, r, 3, b.ptr, cell);
		worksheet_write_string(ws, r, 4, S_can_cu(m, t), cell);
		buf_reset(&b);
		for (size_t g = 0; g < m->n_nhom; g++)
			if (ct->ap_dung[g])
				buf_printf(&b, "%s%s", b.len ? "; " : "", m->nhom[g].ten);
		worksheet_write_string(ws, r, 5, b.ptr, cell);
		buf_reset(&giao);
		fmt_giao_chi_tieu(&giao, ct);
		const char *texts[5] = {ct->ten, ct->don_vi_tinh, giao.ptr, S_can_cu(m, t), b.ptr};
		worksheet_set_row(ws, r, S_height(texts, width + 1, 5), NULL);
		r++;
	}
	buf_release(&b);
	buf_release(&giao);
	S_page(ws, 0);
	worksheet_protect(ws, NULL, NULL);
}

/* One unit's workbook at path, and its CSV rows into csv. */
static int S_unit(const Model *m, size_t u, int year, const char *path, Buf *csv, time_t when,
                  char **err)
{
	const DonVi *dv = &m->don_vi[u];
	Ky k[12];
	int n_ky = S_periods(m, year, k);
	lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb) {
		*err = xasprintf(_("cannot write '%s': %s"), path, strerror(errno ? errno : EIO));
		return -1;
	}
	Buf b;
	buf_init(&b);
	buf_printf(&b, "Biểu số liệu năm %d — %s", year, dv->ten);
	lxw_doc_properties props;
	memset(&props, 0, sizeof props);
	props.title = b.ptr;
	props.author = (char *)"chitieu";
	props.created = when;
	workbook_set_properties(wb, &props);

	lxw_worksheet *ws = workbook_add_worksheet(wb, "So lieu");
	lxw_format *title = workbook_add_format(wb);
	format_set_bold(title);
	format_set_font_size(title, 13);
	lxw_format *meaning = workbook_add_format(wb);
	format_set_italic(meaning);
	format_set_text_wrap(meaning);
	format_set_align(meaning, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(meaning, LXW_BORDER_THIN);
	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bg_color(head, 0xDDEBF7);
	format_set_border(head, LXW_BORDER_THIN);
	lxw_format *label = workbook_add_format(wb);
	format_set_num_format(label, "@"); /* text: 2024-07 stays 2024-07 */
	format_set_border(label, LXW_BORDER_THIN);
	format_set_bg_color(label, 0xF2F2F2);
	lxw_format *name = workbook_add_format(wb);
	format_set_text_wrap(name);
	format_set_border(name, LXW_BORDER_THIN);
	format_set_bg_color(name, 0xF2F2F2);
	format_set_align(name, LXW_ALIGN_VERTICAL_TOP);
	lxw_format *number = workbook_add_format(wb);
	format_set_border(number, LXW_BORDER_THIN);
	format_set_bg_color(number, 0xF2F2F2);
	format_set_align(number, LXW_ALIGN_CENTER);
	lxw_format *count = workbook_add_format(wb);
	format_set_unlocked(count);
	format_set_num_format(count, "#,##0");
	format_set_border(count, LXW_BORDER_THIN);
	lxw_format *note = workbook_add_format(wb);
	format_set_unlocked(note);
	format_set_num_format(note, "@");
	format_set_border(note, LXW_BORDER_THIN);

	for (int c = 0; c < C_N; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, S_width[c], NULL);
	buf_reset(&b);
	buf_printf(&b, "BIỂU SỐ LIỆU NĂM %d — %s (mã: %s)", year, dv->ten, dv->ma);
	worksheet_merge_range(ws, R_TITLE, 0, R_TITLE, C_N - 1, b.ptr, title);
	worksheet_set_row(ws, R_MEANING, 30, NULL);
	for (int c = 0; c < C_N; c++) {
		worksheet_write_string(ws, R_MEANING, (lxw_col_t)c, S_meaning[c], meaning);
		worksheet_write_string(ws, R_HEADER, (lxw_col_t)c, S_header[c], head);
	}
	worksheet_freeze_panes(ws, R_DATA, 0);
	S_page(ws, R_HEADER);

	/* the CSV: a BOM so that Excel opens it as UTF-8 (csvin accepts it) */
	buf_puts(csv, "\xEF\xBB\xBF");
	for (int c = 0; c < C_N; c++)
		buf_printf(csv, "%s%s", c ? "," : "", S_header[c]);
	buf_putc(csv, '\n');
	lxw_row_t r = R_DATA;
	for (int i = 0; i < n_ky; i++) {
		char ky[16];
		ky_format(k[i], ky);
		for (size_t t = 0; t < m->n_chi_tieu; t++) {
			if (!model_applies(m, u, t))
				continue;
			const ChiTieu *ct = &m->chi_tieu[t];
			worksheet_write_string(ws, r, C_KY, ky, label);
			worksheet_write_number(ws, r, C_CHI_TIEU, ct->stt, number);
			worksheet_write_blank(ws, r, C_TU_SO, count);
			worksheet_write_blank(ws, r, C_MAU_SO, count);
			worksheet_write_blank(ws, r, C_GHI_CHU, note);
			worksheet_write_string(ws, r, C_TEN, ct->ten, name);
			worksheet_set_row(ws, r, S_height((const char *const *)&ct->ten, &S_width[C_TEN], 1), NULL);
			buf_printf(csv, "%s,%d,,,,", ky, ct->stt);
			csvout_field(csv, ct->ten);
			buf_putc(csv, '\n');
			r++;
		}
	}
	if (r > R_DATA) {
		/* relative to the range's first row (row 4): each row checks itself */
		S_validate(ws, (int)r - 1, C_TU_SO, "AND(ISNUMBER(C4),C4=INT(C4),C4>=0,OR(D4=\"\",C4<=D4))",
		           "Tử số",
		           "Số nguyên từ 0 trở lên (0 khi không phát sinh), không lớn hơn mẫu số.",
		           "Tử số phải là số nguyên từ 0 trở lên và không lớn hơn mẫu số.");
		S_validate(ws, (int)r - 1, C_MAU_SO, "AND(ISNUMBER(D4),D4=INT(D4),D4>=0,OR(C4=\"\",C4<=D4))",
		           "Mẫu số",
		           "Số nguyên từ 0 trở lên (0 khi không phát sinh), không nhỏ hơn tử số.",
		           "Mẫu số phải là số nguyên từ 0 trở lên và không nhỏ hơn tử số.");
	}
	lxw_protection prot;
	memset(&prot, 0, sizeof prot);
	prot.format_columns = 1; /* widening a column is harmless */
	prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
	S_guide(wb, m, u, year, k[0].kind == 'M');

	lxw_error e = workbook_close(wb);
	buf_release(&b);
	if (e != LXW_NO_ERROR) {
		*err = xasprintf(_("cannot write '%s': %s"), path, lxw_strerror(e));
		return -1;
	}
	return 0;
}

/* A folder of forms holds forms only: anything else in it means the
 * folder was mistyped (-i's, a report's), and replacing it would lose it. */
static int S_forms_folder(const char *dir, char **err)
{
	struct stat st;
	if (lstat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		*err = xasprintf(_("--bieu-mau: '%s' is not a folder: give a new folder or one that holds "
		                 "only forms"),
		                 dir);
		return 1;
	}
	DIR *d = opendir(dir);
	if (!d)
		return 0; /* new, or unreadable: out.c says so */
	struct dirent *e;
	int rc = 0;
	while (!rc && (e = readdir(d))) {
		const char *n = e->d_name;
		size_t len = strlen(n);
		if (!strcmp(n, ".") || !strcmp(n, ".."))
			continue;
		if ((len > 5 && !strcasecmp(n + len - 5, ".xlsx")) ||
		    (len > 4 && !strcasecmp(n + len - 4, ".csv")))
			continue;
		*err = xasprintf(_("--bieu-mau: '%s' holds '%s', which is no entry form: the folder is "
		                 "replaced as a whole, so give a new folder or one that holds only forms"),
		                 dir, n);
		rc = 1;
	}
	closedir(d);
	return rc;
}

int bieumau_write(const Model *m, const char *dir, char **err)
{
	time_t when = S_epoch();
	int year;
	if (m->n_so_lieu)
		year = m->so_lieu[0].ky.year; /* input.c keeps one year */
	else {
		struct tm tm;
		gmtime_r(&when, &tm);
		year = tm.tm_year + 1900;
	}
	if (S_forms_folder(dir, err))
		return 1;
	/* the folder's parent and name, for out.c's swap */
	char *copy = xstrdup(dir);
	size_t n = strlen(copy);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	char *slash = strrchr(copy, '/');
	const char *root = ".", *name = copy;
	if (slash == copy) {
		root = "/";
		name = copy + 1;
	} else if (slash) {
		*slash = '\0';
		root = copy;
		name = slash + 1;
	}
	if (!*name || !strcmp(name, ".") || !strcmp(name, "..")) {
		*err = xasprintf(_("--bieu-mau: give the forms folder by its name, not '%s'"), dir);
		free(copy);
		return 1;
	}
	OutRun r;
	int rc = -1;
	if (out_begin(&r, root, name, err)) {
		out_abort(&r);
		goto out;
	}
	Buf csv;
	buf_init(&csv);
	for (size_t u = 0; u < m->n_don_vi; u++) {
		char *rel = xasprintf("%s.xlsx", m->don_vi[u].ma);
		char *path = out_path(&r, rel);
		free(rel);
		buf_reset(&csv);
		int bad = S_unit(m, u, year, path, &csv, when, err);
		free(path);
		if (!bad) {
			rel = xasprintf("%s.csv", m->don_vi[u].ma);
			bad = out_write_buf(&r, rel, &csv, err);
			free(rel);
		}
		if (bad) {
			buf_release(&csv);
			out_abort(&r);
			goto out;
		}
	}
	buf_release(&csv);
	rc = out_commit(&r, err) ? -1 : 0;
out:
	free(copy);
	return rc;
}
