/* SPDX-License-Identifier: MIT */
/* One input file kind: the fuzz input becomes FUZZ_FILE (a path inside
 * the input folder) among valid neighbours, then the pipeline runs.
 * Included by fuzz_<kind>.c after defining FUZZ_FILE. */
#include "fuzz_folder.h"

/* The tiny valid folder of tests/e2e/test_errors.sh plus the deadline
 * files, so that each harness fuzzes one file with valid neighbours. */
static void S_base(void)
{
	S_clear_all();
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
	S_puts("so-lieu/xa-c.csv", "ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,9,10,\n2024-01,2,0,0,\n");
	S_puts("bao-cao.conf", "co_quan = TỈNH A\nhan_danh_muc = 5\n");
	S_puts("cong-bo.csv",
	       "so_quyet_dinh,ngay_quyet_dinh,co_quan,don_vi,ngay_cong_bo_danh_muc,"
	       "ngay_cong_bo_quy_trinh,ghi_chu\n"
	       "123/QĐ-BTP,02/01/2024,Bộ Tư pháp,huyen-a,05/01/2024,,\n");
	S_puts("moc.csv", "ma,ten,han,don_vi,ngay_hoan_thanh,can_cu\n"
	                  "noi-bo,Công bố nội bộ,31/01/2024,xa-b,2024-01-30,KH 1\n");
	S_puts("ngay-nghi.csv", "ngay,loai,ten\n01/01/2024,nghi,Tết Dương lịch\n");
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
	S_base();
	S_write(FUZZ_FILE, data, size);
	S_pipeline();
	return 0;
}
