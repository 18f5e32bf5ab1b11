/* SPDX-License-Identifier: MIT */
/* csvfloor: the floor of reading an input folder: libcsv alone parsing
 * the files chitieu --check reads (the registry, the targets, the groups
 * and every so-lieu/<ma>.csv), counting fields and rows, nothing else.
 * tools/bench.sh prints chitieu's --check beside it.
 *
 *     csvfloor DIR
 *
 * cc -O2 -o csvfloor tools/csvfloor.c -lcsv */
#include <csv.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

static unsigned long S_fields, S_rows;

static void S_field(void *s, size_t len, void *data)
{
	(void)s, (void)len, (void)data;
	S_fields++;
}

static void S_row(int c, void *data)
{
	(void)c, (void)data;
	S_rows++;
}

static void S_parse(struct csv_parser *p, const char *path)
{
	static char buf[1 << 16];
	FILE *f = fopen(path, "rb");
	size_t n;
	if (!f)
		return;
	csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		csv_parse(p, buf, n, S_field, S_row, NULL);
	csv_fini(p, S_field, S_row, NULL);
	csv_free(p);
	fclose(f);
}

int main(int argc, char **argv)
{
	static const char *const top[] = {"nhom.csv", "don-vi.csv", "chi-tieu.csv"};
	char path[4096];
	struct csv_parser p;
	if (argc != 2) {
		fprintf(stderr, "usage: csvfloor DIR\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof top / sizeof *top; i++) {
		snprintf(path, sizeof path, "%s/%s", argv[1], top[i]);
		S_parse(&p, path);
	}
	snprintf(path, sizeof path, "%s/so-lieu", argv[1]);
	DIR *d = opendir(path);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".csv"))
			continue;
		snprintf(path, sizeof path, "%s/so-lieu/%s", argv[1], e->d_name);
		S_parse(&p, path);
	}
	if (d)
		closedir(d);
	printf("%lu fields, %lu rows\n", S_fields, S_rows);
	return 0;
}
