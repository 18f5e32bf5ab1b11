/* SPDX-License-Identifier: MIT */
/* fuzz_input: the whole input folder as one blob, in the format of
 * `tail -n +1 FILE...`: each file starts at a line "==> PATH <==" and
 * runs to the next such line.  PATH is one of the input folder's names or
 * so-lieu/<name> (letters, digits, '.', '-', '_'; anything else is
 * dropped), so the fuzzer can add, remove and rename unit files. */
#include "fuzz_folder.h"

static int S_name_ok(const char *s)
{
	if (!strncmp(s, "so-lieu/", 8))
		s += 8;
	if (!*s || *s == '.' || strlen(s) > 100)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	S_make_dir();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	S_make_dir();
	S_clear_all();
	const char *p = (const char *)data, *end = p + size;
	/* find each header line */
	while (p < end) {
		const char *h = NULL;
		for (const char *q = p; q + 4 <= end; q++)
			if ((q == (const char *)data || q[-1] == '\n') && !memcmp(q, "==> ", 4)) {
				h = q;
				break;
			}
		if (!h)
			break;
		const char *nl = memchr(h, '\n', (size_t)(end - h));
		if (!nl)
			break;
		const char *body = nl + 1, *next = end;
		for (const char *q = body; q + 4 <= end; q++)
			if (q[-1] == '\n' && !memcmp(q, "==> ", 4)) {
				next = q;
				break;
			}
		size_t hn = (size_t)(nl - h - 4);
		char *name = xstrndup(h + 4, hn);
		char *tail = strstr(name, " <==");
		if (tail)
			*tail = '\0';
		/* tail puts a blank line between files: it is not file content */
		size_t bn = (size_t)(next - body);
		if (next != end && bn && body[bn - 1] == '\n')
			bn--;
		if (S_name_ok(name))
			S_write(name, body, bn);
		free(name);
		p = next;
	}
	S_pipeline();
	return 0;
}
