/* SPDX-License-Identifier: MIT */
/* fuzz_csvin: the CSV reader itself, over bytes in memory.
 *
 * Invariants beyond "no crash, no leak":
 * - chunking: the rows and messages are the same whatever chunk size the
 *   bytes are fed in (whole, 1, 2, 3, 7, 64, 4096, 65536 bytes);
 * - past the sample: the bytes put after 64 KiB of good rows (which csvin
 *   scans whole, so its lines are fed to libcsv many at a time) give the
 *   same rows and messages whole and a byte at a time (every line fed
 *   alone);
 * - lines: every physical line is accounted for: it is the header, part
 *   of a delivered row, named by a message, blank (only spaces, quotes and
 *   delimiters), or after the error that stopped reading. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvin.h"
#include "msg.h"
#include "xalloc.h"

static const CsvCol S_cols[] = {
	{"ky", 1}, {"chi_tieu", 1}, {"tu_so", 1}, {"mau_so", 1}, {"ghi_chu", 0},
};
#define S_NCOLS (sizeof S_cols / sizeof S_cols[0])

typedef struct {
	Buf trace;          /* every row, field by field, as text */
	int *row_first, *row_last;
	size_t n, cap;
} S_Trace;

static int S_row(void *vt, const CsvRow *r)
{
	S_Trace *t = vt;
	int last = r->line;
	buf_printf(&t->trace, "row %d:", r->line);
	for (size_t k = 0; k < r->n_cols; k++) {
		buf_printf(&t->trace, " [%d:%d %s]", r->f[k].line, r->f[k].col, r->f[k].text);
		if (r->f[k].line < r->line)
			abort(); /* a field before its row */
		if (r->f[k].line > last)
			last = r->f[k].line;
	}
	buf_putc(&t->trace, '\n');
	if (t->n == t->cap) {
		t->row_first = xgrow(t->row_first, &t->cap, t->n + 1, sizeof *t->row_first);
		t->row_last = xrealloc(t->row_last, t->cap * sizeof *t->row_last);
	}
	t->row_first[t->n] = r->line;
	t->row_last[t->n] = last;
	t->n++;
	return 0;
}

/* Reads data fed chunk bytes at a time; the trace gets rows and messages. */
static int S_read(const uint8_t *data, size_t size, size_t chunk, S_Trace *t, Msgs *ms,
                  CsvInfo *info)
{
	buf_init(&t->trace);
	t->row_first = t->row_last = NULL;
	t->n = t->cap = 0;
	msgs_init(ms);
	int rc = csvin_read_mem("f.csv", data, size, chunk, S_cols, S_NCOLS, S_row, t, ms, info);
	for (size_t i = 0; i < ms->n; i++) {
		char *s = msg_format(&ms->v[i]);
		buf_printf(&t->trace, "%s\n", s);
		free(s);
	}
	buf_printf(&t->trace, "rc %d delim %c rows %zu header %d\n", rc, info->delim, info->n_rows,
	           info->header_line);
	return rc;
}

static void S_free(S_Trace *t, Msgs *ms)
{
	buf_release(&t->trace);
	free(t->row_first);
	free(t->row_last);
	msgs_release(ms);
}

/* A physical record (lines joined by quoted line ends): may csvin skip it
 * silently?  Only when nothing but spaces, quotes and delimiters is in it. */
static int S_maybe_blank(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '"' || p[i] == ',' || p[i] == ';' ||
		    p[i] == '\n' || p[i] == '\r' || p[i] == '\v' || p[i] == '\f')
			continue;
		if (i + 1 < n && p[i] == 0xC2 && p[i + 1] == 0xA0) {
			i++;
			continue;
		}
		if (i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0xAF) {
			i += 2;
			continue;
		}
		return 0;
	}
	return 1;
}

static void S_check_lines(const uint8_t *data, size_t size, const S_Trace *t, const Msgs *ms,
                          const CsvInfo *info)
{
	/* a message at line 0 (the whole file) or at the header accounts
	 * for everything; otherwise lines after the last error may be unread */
	int stop_after = -1;
	for (size_t i = 0; i < ms->n; i++) {
		if (ms->v[i].level != MSG_ERROR)
			continue;
		if (ms->v[i].line == 0 || ms->v[i].line == info->header_line)
			return;
		if (ms->v[i].line > stop_after)
			stop_after = ms->v[i].line;
	}
	size_t i = 0;
	if (size >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	int line = 1, in_quote = 0;
	while (i < size) {
		size_t start = i;
		int first = line;
		for (; i < size; i++) {
			uint8_t c = data[i];
			if (c == '"')
				in_quote = !in_quote;
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < size && data[i + 1] == '\n')
					i++;
				if (!in_quote) {
					i++;
					break;
				}
				line++;
			}
		}
		int last = line;
		line++;
		if (first == 1 && size - start >= 4 && !strncasecmp((const char *)data + start, "sep=", 4))
			continue;
		if (first <= info->header_line && info->header_line <= last)
			continue;
		if (stop_after >= 0 && last >= stop_after)
			continue;
		int seen = 0;
		for (size_t r = 0; r < t->n && !seen; r++)
			seen = t->row_first[r] <= last && first <= t->row_last[r];
		for (size_t m = 0; m < ms->n && !seen; m++)
			seen = first <= ms->v[m].line && ms->v[m].line <= last;
		if (!seen && !S_maybe_blank(data + start, i - start)) {
			fprintf(stderr, "lines %d-%d are neither header, row, blank nor reported\n", first,
			        last);
			abort();
		}
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t chunks[] = {1, 2, 3, 7, 64, 4096, 65536};
	S_Trace t0;
	Msgs ms0;
	CsvInfo info0;
	S_read(data, size, 0, &t0, &ms0, &info0);
	S_check_lines(data, size, &t0, &ms0, &info0);
	/* byte-at-a-time is slow on big inputs: keep it for small ones */
	for (size_t k = size > 20000 ? 1 : 0; k < sizeof chunks / sizeof chunks[0]; k++) {
		if (chunks[k] >= size)
			break;
		S_Trace t;
		Msgs ms;
		CsvInfo info;
		S_read(data, size, chunks[k], &t, &ms, &info);
		if (t.trace.len != t0.trace.len || memcmp(t.trace.ptr, t0.trace.ptr, t.trace.len)) {
			fprintf(stderr, "chunk %zu differs from one chunk:\n--- whole\n%s--- chunked\n%s",
			        chunks[k], t0.trace.ptr, t.trace.ptr);
			abort();
		}
		if (memcmp(info.sha256, info0.sha256, sizeof info.sha256))
			abort();
		S_free(&t, &ms);
	}
	S_free(&t0, &ms0);

	/* 130 KiB of reading, a byte at a time: for one input in four, so
	 * the invariants above keep most of the fuzzer's runs */
	if (size <= 20000 && size && data[size - 1] % 4 == 0) {
		static Buf head;
		if (!head.ptr) {
			buf_init(&head);
			buf_puts(&head, "ky,chi_tieu,tu_so,mau_so,ghi_chu\n");
			while (head.len < 65 * 1024)
				buf_puts(&head, "2024-01,1,3,4,a note of some length\n");
		}
		Buf b;
		buf_init(&b);
		buf_add(&b, head.ptr, head.len);
		buf_add(&b, data, size);
		S_Trace w, o;
		Msgs msw, mso;
		CsvInfo iw, io;
		S_read((const uint8_t *)b.ptr, b.len, 0, &w, &msw, &iw);
		S_read((const uint8_t *)b.ptr, b.len, 1, &o, &mso, &io);
		if (w.trace.len != o.trace.len || memcmp(w.trace.ptr, o.trace.ptr, w.trace.len)) {
			fprintf(stderr, "after 64 KiB: a byte at a time differs from whole:\n--- whole\n%s--- bytes\n%s",
			        w.trace.ptr, o.trace.ptr);
			abort();
		}
		S_free(&w, &msw);
		S_free(&o, &mso);
		buf_release(&b);
	}
	return 0;
}
