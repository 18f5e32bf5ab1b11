/* SPDX-License-Identifier: MIT */
/* genbench: synthetic input folders for benchmarking chitieu.
 *
 *     genbench [-i INPUT] [-w N] SIZE DIR
 *
 * SIZE is province (200 units), large (1,000), nation (10,000; about 540,000
 * figure rows) or a unit count.  DIR receives don-vi.csv, so-lieu/<ma>.csv,
 * cong-bo.csv, moc.csv and copies of nhom.csv, chi-tieu.csv, bao-cao.conf and
 * ngay-nghi.csv from INPUT (default: input).  Which targets a unit reports
 * follows the ap_dung column of INPUT/chi-tieu.csv; the groups are the sample's
 * (so, ban, dau-moi, huyen, xa), checked against INPUT/nhom.csv.
 *
 * Deterministic: a fixed-seed splitmix64, so the same SIZE gives the same
 * bytes.  Every file is valid per SPEC (no errors, no warnings): a unit
 * reports every applicable target for every month or quarter of 2024, one
 * unit in four monthly, the rest quarterly.
 *
 * -w N plants N coverage warnings (and nothing else): the first N units
 * leave out their second month or quarter of their first target, so
 * `chitieu --check` prints one "figures do not cover the window" warning
 * each.  The other rows are the same bytes as without -w.
 *
 * Plain C11, no dependencies: cc -O2 -o genbench tools/genbench.c */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define YEAR 2024
#define MAX_CT 64
#define MAX_NHOM 32

static uint64_t S_state = 0x2024C41715ULL;

static uint64_t S_next(void)
{
	uint64_t z = (S_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* An integer in [lo, hi]. */
static long S_between(long lo, long hi)
{
	return lo + (long)(S_next() % (uint64_t)(hi - lo + 1));
}

static void S_die(const char *what, const char *path)
{
	fprintf(stderr, "genbench: %s %s: %s\n", what, path, strerror(errno));
	exit(1);
}

static FILE *S_open(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(f = fopen(path, "w")))
		S_die("cannot create", path);
	/* A large buffer: 10,000 small files are written in one go each. */
	setvbuf(f, NULL, _IOFBF, 1 << 16);
	return f;
}

static void S_close(FILE *f, const char *name)
{
	if (ferror(f) || fclose(f) != 0)
		S_die("cannot write", name);
}

static void S_copy(const char *from_dir, const char *to_dir, const char *name, int optional)
{
	char path[4096];
	char buf[1 << 15];
	size_t n;
	FILE *in, *out;
	snprintf(path, sizeof path, "%s/%s", from_dir, name);
	if (!(in = fopen(path, "rb"))) {
		if (optional)
			return;
		S_die("cannot read", path);
	}
	out = S_open(to_dir, name);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	S_close(out, name);
}

/* Reads one RFC 4180 record of a comma-separated file into fields (the
 * buffer is reused; fields point into it).  Returns the field count, 0 at
 * the end of the file.  Enough for our own chi-tieu.csv and nhom.csv. */
static size_t S_record(FILE *f, char *buf, size_t cap, char **field, size_t max)
{
	size_t len = 0, n = 0;
	int c, quoted = 0, any = 0;
	field[n++] = buf;
	while ((c = getc(f)) != EOF) {
		any = 1;
		if (quoted) {
			if (c == '"') {
				int d = getc(f);
				if (d != '"') {
					quoted = 0;
					if (d == EOF)
						break;
					ungetc(d, f);
					continue;
				}
			}
		} else if (c == '"') {
			quoted = 1;
			continue;
		} else if (c == ',') {
			if (len + 1 < cap)
				buf[len++] = '\0';
			if (n < max)
				field[n++] = buf + len;
			continue;
		} else if (c == '\r') {
			continue;
		} else if (c == '\n') {
			break;
		}
		if (len + 1 < cap)
			buf[len++] = (char)c;
	}
	buf[len] = '\0';
	return any ? n : 0;
}

typedef struct {
	char ma[64];
} Nhom;

typedef struct {
	int stt;
	unsigned nhom_mask; /* bit g: applies to group g of nhom.csv */
} Target;

static Nhom S_nhom[MAX_NHOM];
static size_t S_n_nhom;
static Target S_ct[MAX_CT];
static size_t S_n_ct;

static int S_nhom_index(const char *ma)
{
	for (size_t i = 0; i < S_n_nhom; i++)
		if (strcmp(S_nhom[i].ma, ma) == 0)
			return (int)i;
	return -1;
}

static void S_read_registry(const char *in)
{
	char path[4096], buf[1 << 14];
	char *field[32];
	size_t n, col_ap = 0;
	FILE *f;

	snprintf(path, sizeof path, "%s/nhom.csv", in);
	if (!(f = fopen(path, "r")))
		S_die("cannot read", path);
	S_record(f, buf, sizeof buf, field, 32); /* header: ma first, as shipped */
	while ((n = S_record(f, buf, sizeof buf, field, 32)) > 0)
		if (field[0][0] && S_n_nhom < MAX_NHOM)
			snprintf(S_nhom[S_n_nhom++].ma, sizeof S_nhom[0].ma, "%s", field[0]);
	fclose(f);

	snprintf(path, sizeof path, "%s/chi-tieu.csv", in);
	if (!(f = fopen(path, "r")))
		S_die("cannot read", path);
	n = S_record(f, buf, sizeof buf, field, 32);
	for (size_t i = 0; i < n; i++)
		if (strcmp(field[i], "ap_dung") == 0)
			col_ap = i;
	if (!col_ap) {
		fprintf(stderr, "genbench: %s: no ap_dung column\n", path);
		exit(1);
	}
	while ((n = S_record(f, buf, sizeof buf, field, 32)) > 0) {
		Target *t;
		char *p;
		if (n <= col_ap || S_n_ct >= MAX_CT)
			continue;
		t = &S_ct[S_n_ct++];
		t->stt = atoi(field[0]);
		t->nhom_mask = 0;
		for (p = strtok(field[col_ap], "|"); p; p = strtok(NULL, "|")) {
			int g = S_nhom_index(p);
			if (g >= 0)
				t->nhom_mask |= 1u << g;
		}
	}
	fclose(f);
}

/* The sample's groups, in the order they are filled. */
enum { G_SO, G_BAN, G_DAU_MOI, G_HUYEN, G_XA, G_N };
static const char *const S_group_ma[G_N] = {"so", "ban", "dau-moi", "huyen", "xa"};
static const char *const S_prefix[G_N] = {"Sở", "Ban Quản lý", "Trung tâm", "UBND huyện",
                                          "UBND xã"};
static int S_gidx[G_N];

/* Syllables of place names, with every kind of Vietnamese mark, so that
 * sorting and fonts are exercised as by real data. */
static const char *const S_syl[] = {
    "An", "Bình", "Cẩm", "Dương", "Đồng", "Giang", "Hà", "Hưng", "Khoái", "Kim",
    "Lạc", "Long", "Mỹ", "Nghĩa", "Ngọc", "Nhân", "Phú", "Phụng", "Quang", "Quỳnh",
    "Sơn", "Tân", "Thắng", "Thụy", "Tiến", "Trung", "Văn", "Việt", "Vĩnh", "Xuân",
    "Yên", "Ân", "Ứng", "Lữ", "Ỷ", "Hồng", "Đạo", "Lộc", "Thượng", "Nguyễn"};
#define N_SYL (sizeof S_syl / sizeof S_syl[0])

static const char *const S_bo[][2] = {
    {"BTP", "Bộ Tư pháp"}, {"BTC", "Bộ Tài chính"}, {"BXD", "Bộ Xây dựng"},
    {"BYT", "Bộ Y tế"}, {"BCT", "Bộ Công Thương"}, {"BNV", "Bộ Nội vụ"},
    {"BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"}, {"BGDĐT", "Bộ Giáo dục và Đào tạo"}};
#define N_BO (sizeof S_bo / sizeof S_bo[0])

typedef struct {
	char ma[32];
	int g;       /* G_* */
	int parent;  /* index of the district, or -1 */
	int monthly;
	long scale;  /* dossiers per month */
} Unit;

static long S_dossiers(const Unit *u)
{
	return u->monthly ? u->scale : 3 * u->scale;
}

static void S_row(FILE *f, const char *ky, int stt, long n, long d)
{
	fprintf(f, "%s,%d,%ld,%ld,\n", ky, stt, n, d);
}

/* Yearly-target-like rates: most units near or above the usual targets. */
static long S_num(long d, int stt)
{
	long pct;
	if (d == 0)
		return 0;
	if (stt == 5 || stt == 6 || stt == 7 || stt == 9) /* "100 %" targets */
		return S_between(0, 3) ? d : d - S_between(0, d / 50 + 1) % (d + 1);
	pct = S_between(300, 1000);
	return d * pct / 1000;
}

static long S_den(const Unit *u, int stt)
{
	long dos = S_dossiers(u);
	switch (stt) {
	case 1: return S_between(20, 200) * (u->monthly ? 1 : 3);
	case 7: return u->g == G_SO ? dos / 4 : dos / 3 + S_between(0, 20);
	case 9: return S_between(0, 4) == 0 ? 0 : S_between(0, 12);
	default: return dos * S_between(30, 100) / 100;
	}
}

int main(int argc, char **argv)
{
	const char *in = "input", *dir, *size;
	char path[4096], name[256];
	long n_units;
	size_t n_rows = 0;
	Unit *units;
	long counts[G_N];
	int argi = 1;
	FILE *f;

	long n_warn = 0;
	for (;;) {
		if (argc - argi >= 2 && strcmp(argv[argi], "-i") == 0) {
			in = argv[argi + 1];
			argi += 2;
		} else if (argc - argi >= 2 && strcmp(argv[argi], "-w") == 0) {
			n_warn = strtol(argv[argi + 1], NULL, 10);
			argi += 2;
		} else {
			break;
		}
	}
	if (argc - argi != 2 || n_warn < 0) {
		fprintf(stderr, "usage: genbench [-i INPUT] [-w N] province|large|nation|UNITS DIR\n");
		return 2;
	}
	size = argv[argi];
	dir = argv[argi + 1];
	if (strcmp(size, "province") == 0)
		n_units = 200;
	else if (strcmp(size, "large") == 0)
		n_units = 1000;
	else if (strcmp(size, "nation") == 0)
		n_units = 10000;
	else if ((n_units = strtol(size, NULL, 10)) < 20) {
		fprintf(stderr, "genbench: SIZE must be province, large, nation or >= 20 units\n");
		return 2;
	}

	S_read_registry(in);
	for (int g = 0; g < G_N; g++)
		if ((S_gidx[g] = S_nhom_index(S_group_ma[g])) < 0) {
			fprintf(stderr, "genbench: %s/nhom.csv has no group '%s'\n", in, S_group_ma[g]);
			return 1;
		}

	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		S_die("cannot create", dir);
	snprintf(path, sizeof path, "%s/so-lieu", dir);
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		S_die("cannot create", path);
	S_copy(in, dir, "nhom.csv", 0);
	S_copy(in, dir, "chi-tieu.csv", 0);
	S_copy(in, dir, "bao-cao.conf", 1);
	S_copy(in, dir, "ngay-nghi.csv", 1);

	/* A province's shape: a department per 12 units, a district per 10,
	 * communes for the rest, and one board and two data hubs. */
	counts[G_DAU_MOI] = 2;
	counts[G_BAN] = 1 + n_units / 1000;
	counts[G_SO] = n_units / 12;
	counts[G_HUYEN] = n_units / 10;
	counts[G_XA] = n_units - counts[G_DAU_MOI] - counts[G_BAN] - counts[G_SO] - counts[G_HUYEN];

	units = calloc((size_t)n_units, sizeof *units);
	if (!units) {
		fprintf(stderr, "genbench: out of memory\n");
		return 1;
	}
	f = S_open(dir, "don-vi.csv");
	fputs("ma,ten,nhom,thuoc\n", f);
	{
		long k = 0, first_huyen = 0;
		static const char *const code[G_N] = {"so", "ban", "dm", "huyen", "xa"};
		for (int g = 0; g < G_N; g++) {
			if (g == G_HUYEN)
				first_huyen = k;
			for (long i = 0; i < counts[g]; i++, k++) {
				Unit *u = &units[k];
				u->g = g;
				u->parent = -1;
				snprintf(u->ma, sizeof u->ma, "%s-%05ld", code[g], i + 1);
				if (g == G_XA && counts[G_HUYEN] > 0)
					u->parent = (int)(first_huyen + i % counts[G_HUYEN]);
				u->monthly = S_between(0, 3) == 0;
				u->scale = g == G_XA ? S_between(20, 300)
				         : g == G_HUYEN ? S_between(1000, 4000)
				         : S_between(100, 3000);
				fprintf(f, "%s,%s %s %s %ld,%s,%s\n", u->ma, S_prefix[g],
				        S_syl[S_next() % N_SYL], S_syl[S_next() % N_SYL], i + 1,
				        S_nhom[S_gidx[g]].ma, u->parent >= 0 ? units[u->parent].ma : "");
			}
		}
	}
	S_close(f, "don-vi.csv");

	for (long k = 0; k < n_units; k++) {
		Unit *u = &units[k];
		int n_per = u->monthly ? 12 : 4;
		snprintf(name, sizeof name, "so-lieu/%s.csv", u->ma);
		f = S_open(dir, name);
		fputs("ky,chi_tieu,tu_so,mau_so,ghi_chu\n", f);
		int first_t = 1; /* -w: the unit's first target, in its second period */
		for (int p = 1; p <= n_per; p++) {
			char ky[16];
			if (u->monthly)
				snprintf(ky, sizeof ky, "%d-%02d", YEAR, p);
			else
				snprintf(ky, sizeof ky, "%d-Q%d", YEAR, p);
			for (size_t t = 0; t < S_n_ct; t++) {
				long d;
				if (!(S_ct[t].nhom_mask & (1u << S_gidx[u->g])))
					continue;
				d = S_den(u, S_ct[t].stt);
				long num = S_num(d, S_ct[t].stt);
				if (k < n_warn && p == 2 && first_t) {
					first_t = 0;
					continue;
				}
				if (p == 2)
					first_t = 0;
				S_row(f, ky, S_ct[t].stt, num, d);
				n_rows++;
			}
		}
		S_close(f, name);
	}

	/* Two ministry decisions per department, and the two milestones. */
	f = S_open(dir, "cong-bo.csv");
	fputs("so_quyet_dinh,ngay_quyet_dinh,co_quan,don_vi,ngay_cong_bo_danh_muc,"
	      "ngay_cong_bo_quy_trinh,ghi_chu\n", f);
	for (long k = 0, i = 0; k < n_units; k++) {
		if (units[k].g != G_SO)
			continue;
		for (int r = 0; r < 2; r++, i++) {
			int month = (int)S_between(1, 11), day = (int)S_between(1, 10);
			int lag1 = (int)S_between(1, 8), lag2 = lag1 + (int)S_between(3, 9);
			fprintf(f, "%ld/QĐ-%s,%02d/%02d/%d,\"%s\",%s,%02d/%02d/%d,", 100 + i,
			        S_bo[k % N_BO][0], day, month, YEAR, S_bo[k % N_BO][1], units[k].ma,
			        day + lag1, month, YEAR);
			if (S_between(0, 5))
				fprintf(f, "%02d/%02d/%d,\n", day + lag2, month, YEAR);
			else
				fputs(",\n", f);
		}
	}
	S_close(f, "cong-bo.csv");
	f = S_open(dir, "moc.csv");
	fputs("ma,ten,han,don_vi,ngay_hoan_thanh,can_cu\n", f);
	for (long k = 0; k < n_units; k++) {
		if (units[k].g != G_SO)
			continue;
		fprintf(f, "noi-bo,Công bố bổ sung danh mục TTHC nội bộ,30/06/%d,%s,%02ld/%02ld/%d,\n",
		        YEAR, units[k].ma, S_between(1, 28), S_between(5, 8), YEAR);
		fprintf(f, "don-gian-hoa,Phê duyệt phương án đơn giản hóa TTHC nội bộ,31/10/%d,%s,,\n",
		        YEAR, units[k].ma);
	}
	S_close(f, "moc.csv");

	free(units);
	printf("genbench: %s: %ld units, %zu figure rows\n", dir, n_units, n_rows);
	return 0;
}
