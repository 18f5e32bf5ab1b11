/* SPDX-License-Identifier: MIT */
/* A main for the fuzz harnesses without libFuzzer, so that `make check`
 * (and SANITIZE=1, and valgrind) replays their seeds and every crash
 * input kept as a regression: `test_fuzz_<name> [FILE|DIR]...`; with no
 * argument, tests/fuzz/corpus/<name>/ and tests/fuzz/regress/<name>/. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int S_one(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		return -1;
	}
	size_t cap = 4096, n = 0, got;
	uint8_t *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(fp);
	if (!buf)
		return -1;
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

static int S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file, or every file of a folder (sorted); a missing folder is none. */
static int S_path(const char *path, int *count)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return S_one(path);
	}
	DIR *d = opendir(path);
	if (!d)
		return -1;
	char **v = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			v = realloc(v, (n + 1) * sizeof *v);
			v[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
			sprintf(v[n++], "%s/%s", path, e->d_name);
		}
	closedir(d);
	if (n)
		qsort(v, n, sizeof *v, S_cmp);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (S_path(v[i], count))
			rc = -1;
		free(v[i]);
	}
	free(v);
	return rc;
}

int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	int rc = 0, count = 0;
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			if (S_path(argv[i], &count))
				rc = 1;
	} else {
		static const char *const dirs[] = {"tests/fuzz/corpus/", "tests/fuzz/regress/"};
		for (size_t i = 0; i < 2; i++) {
			char *p = malloc(strlen(dirs[i]) + strlen(FUZZ_NAME) + 1);
			sprintf(p, "%s%s", dirs[i], FUZZ_NAME);
			if (S_path(p, &count))
				rc = 1;
			free(p);
		}
	}
	printf("%s: %d inputs replayed\n", FUZZ_NAME, count);
	return rc;
}
