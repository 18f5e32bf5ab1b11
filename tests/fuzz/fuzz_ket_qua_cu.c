/* SPDX-License-Identifier: MIT */
/* fuzz_ket_qua_cu: a published ket-qua.csv, as an earlier run left it in
 * the output root (or as a hand, a truncated copy or another program left
 * it), read by lich_su.c both as the earlier period of the year and as
 * the same period last year, then every history renderer run on what it
 * made of it.  The input folder is the tiny valid one of fuzz_file.h. */
#include "fuzz_folder.h"
#include "lich_su.h"
#include "trang_lich_su.h"
#include "xuat.h"
#include "out.h"

static char S_root[64];

static void S_root_remove(void)
{
	out_rmtree(S_root);
}

static void S_base(void)
{
	S_puts("nhom.csv", "ma,ten,thu_tu\nhuyen,UBND cấp huyện,1\nxa,UBND cấp xã,2\n");
	S_puts("don-vi.csv", "ma,ten,nhom,thuoc\nhuyen-a,UBND huyện A,huyen,\n"
	                     "xa-b,UBND xã B,xa,huyen-a\nxa-c,UBND xã C,xa,huyen-a\n");
	S_puts("chi-tieu.csv",
	       "stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung\n"
	       "1,Tỷ lệ hồ sơ trực tuyến,\"UBND cấp huyện, cấp xã\",VP,%,>=,80,Công văn 1,huyen|xa\n"
	       "2,Tỷ lệ thanh toán,UBND cấp xã,VP,%,<=,\"45,5\",,xa\n"
	       "3,Tỷ lệ số hóa,UBND cấp huyện,VP,%,=,100,,huyen\n");
	S_puts("so-lieu/huyen-a.csv", "ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,8,10,\n2024-01,3,4,4,\n");
	S_puts("so-lieu/xa-b.csv", "ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,5,10,\n2024-Q1,2,1,10,\n");
	S_puts("so-lieu/xa-c.csv", "ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,9,10,\n2024-04,2,0,0,\n");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	S_make_dir();
	S_clear_all();
	S_base();
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(S_root, sizeof S_root, "%s/chitieu-fuzz-root-XXXXXX", base);
	if (!mkdtemp(S_root))
		abort();
	atexit(S_root_remove);
	return 0;
}

static void S_publish(const char *ky, const uint8_t *data, size_t size)
{
	char *dir = xasprintf("%s/%s", S_root, ky);
	mkdir(dir, 0777);
	char *path = xasprintf("%s/ket-qua.csv", dir);
	FILE *fp = fopen(path, "wb");
	if (!fp || (size && fwrite(data, 1, size, fp) != size))
		abort();
	fclose(fp);
	free(path);
	free(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the same bytes as this year's first quarter and last year's second:
	 * the periods in them fit one folder or neither */
	S_publish("2024-Q1", data, size);
	S_publish("2023-Q2", data, size);
	Model m;
	model_init(&m);
	if (input_read(&m, S_dir) == 0 && eval_run(&m, "2024-Q2") == 0) {
		lich_su_run(&m, S_root);
		Buf b;
		buf_init(&b);
		ketqua_dieu_chinh_csv(&b, &m);
		DocWriter *w = xuat_md_writer(&b, "../charts/");
		trang_dieu_chinh(w, &m);
		for (size_t u = 0; u < m.n_don_vi; u++) {
			trang_dieu_chinh_don_vi(w, &m, u);
			trang_cung_ky_don_vi(w, &m, u);
		}
		for (size_t t = 0; t < m.n_chi_tieu; t++)
			trang_cung_ky_chi_tieu(w, &m, t);
		xuat_md_writer_free(w);
		buf_release(&b);
	}
	if (getenv("FUZZ_VERBOSE"))
		msgs_print(&m.msgs, stderr);
	for (size_t i = 0; i < m.msgs.n; i++)
		free(msg_format(&m.msgs.v[i]));
	model_release(&m);
	return 0;
}
