#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuilds the seed corpora tests/fuzz/corpus/<name>/ from the tests' CSV
# files (the shipped input/ and tests/data/) plus a few hand-made shapes
# clerks' exports take.  Run from the top of the checkout; the result is
# committed, so `make check` replays the same seeds everywhere.
set -eu
C=tests/fuzz/corpus
# corpus/xlsx/ is not made here (its workbooks come from tests/xlsx/ and
# tests/data/xlsx/, see its README): kept
mkdir -p "$C"
find "$C" -mindepth 1 -maxdepth 1 ! -name xlsx -exec rm -rf {} +
put() { # put NAME FILE...: copies each file in, named by its content's hash
	n=$1; shift
	mkdir -p "$C/$n"
	for f in "$@"; do
		[ -f "$f" ] || continue
		cp "$f" "$C/$n/$(sha1sum <"$f" | cut -c1-16)"
	done
}
shapes=$(mktemp -d)
trap 'rm -rf "$shapes"' EXIT
h='ky,chi_tieu,tu_so,mau_so,ghi_chu'
printf '\357\273\277%s\r\n2024-01,1,"1.234","2 000",\r\n\r\n2024-02,1,5,10,"a\r\nb"\r\n' "$h" >"$shapes/bom-crlf"
printf 'sep=;\nky;chi_tieu;tu_so;mau_so;ghi_chu\n2024-Q1;1;5;10;"x;y"\n;;;;\n' >"$shapes/sep"
printf 'Kỳ;Chỉ tiêu;Tử số;Mẫu số\n2024-01;1;5;10\n' >"$shapes/semicolon"
printf '%s\n2024-01,1,#DIV/0!,10,\n2024-01,2,1,2,x,y\n2024-01,3,"no end\n' "$h" >"$shapes/broken"
printf '\377\376k\000y\000,\000c\000\n\000' >"$shapes/utf16"
printf 'PK\003\004\024\000\006\000' >"$shapes/xlsx"
printf '%s\n2024-01,1,5,10,X\343 B\n' "$h" >"$shapes/cp1258"
printf '%s\n2024-01,1,5,10,"a""b"""\n2024-01,2,0,0, \302\240 \n' "$h" >"$shapes/quotes"
# the tiny folder the per-file harnesses put their input among (fuzz_file.h)
b="$shapes/base"
mkdir -p "$b/so-lieu"
printf 'ma,ten,thu_tu\nhuyen,UBND cấp huyện,1\nxa,UBND cấp xã,2\n' >"$b/nhom.csv"
printf 'ma,ten,nhom,thuoc\nhuyen-a,UBND huyện A,huyen,\nxa-b,UBND xã B,xa,huyen-a\nxa-c,UBND xã C,xa,huyen-a\n' >"$b/don-vi.csv"
printf 'stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung\n1,Tỷ lệ hồ sơ trực tuyến,"UBND cấp huyện, cấp xã",VP,%%,>=,80,Công văn 1,huyen|xa\n2,Tỷ lệ thanh toán,UBND cấp xã,VP,%%,<=,"45,5",,xa\n3,Tỷ lệ số hóa,UBND cấp huyện,VP,%%,=,100,,huyen\n' >"$b/chi-tieu.csv"
printf '%s\n2024-01,1,5,10,\n2024-Q1,2,1,10,\n' "$h" >"$b/so-lieu/xa-b.csv"
printf 'co_quan = TỈNH A\nhan_danh_muc = 5\n' >"$b/bao-cao.conf"
printf 'so_quyet_dinh,ngay_quyet_dinh,co_quan,don_vi,ngay_cong_bo_danh_muc,ngay_cong_bo_quy_trinh,ghi_chu\n123/QĐ-BTP,02/01/2024,Bộ Tư pháp,huyen-a,05/01/2024,,\n' >"$b/cong-bo.csv"
printf 'ma,ten,han,don_vi,ngay_hoan_thanh,can_cu\nnoi-bo,Công bố nội bộ,31/01/2024,xa-b,2024-01-30,KH 1\n' >"$b/moc.csv"
printf 'ngay,loai,ten\n01/01/2024,nghi,Tết Dương lịch\n' >"$b/ngay-nghi.csv"
put csvin input/*.csv input/so-lieu/*.csv tests/data/han/*/*.csv "$shapes"/*
put so_lieu "$b/so-lieu/xa-b.csv" $(ls input/so-lieu/*.csv | head -n 8) "$shapes"/*
put nhom "$b/nhom.csv" input/nhom.csv
put don_vi "$b/don-vi.csv" input/don-vi.csv
put chi_tieu "$b/chi-tieu.csv" input/chi-tieu.csv
put conf "$b/bao-cao.conf" input/bao-cao.conf tests/data/han/*/bao-cao.conf
put cong_bo "$b/cong-bo.csv" input/cong-bo.csv tests/data/han/*/cong-bo.csv
put moc "$b/moc.csv" input/moc.csv tests/data/han/*/moc.csv
put ngay_nghi "$b/ngay-nghi.csv" input/ngay-nghi.csv tests/data/han/*/ngay-nghi.csv
# noi-dung.md: the sample and one of every construct gfm.c handles or refuses
printf 'Mở đầu.\n\n<div>x</div>\n\n![a](b) <b>c</b> <!-- ghi chú -->\n\n#### sâu\n\n# Mục\n\n- a\n    - b\n        1. c\n\n> trích\n\n```\nmã\n```\n\n| a | b | c |\n|:-|:-:|-:|\n| 1 | **2** | *3* |\n| thiếu |\n' >"$shapes/noi-dung-hostile"
printf 'ab\377c\n' >"$shapes/noi-dung-bad-utf8"
put noi_dung input/noi-dung.md "$shapes"/noi-dung-*
# noi-dung.docx: the tests' Word document (python-docx), and the shapes
# docxin.c refuses: not a zip, OLE (.doc, encrypted), a DTD, cut short, a
# small zip bomb (17 MiB of one letter)
if /usr/bin/python3 -c 'import docx' 2>/dev/null; then
	mkdir -p "$C/docx"
	/usr/bin/python3 tests/docx/make_noi_dung.py "$C/docx/python-docx.docx" "$shapes/nd.md"
	# the same document saved again by LibreOffice
	if command -v soffice >/dev/null 2>&1; then
		mkdir -p "$shapes/lo" && cp "$C/docx/python-docx.docx" "$shapes/lo/libreoffice.docx" &&
			soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$C/docx" \
				"$shapes/lo/libreoffice.docx" >/dev/null 2>&1 || true
	fi
	/usr/bin/python3 - "$C/docx" <<'PY'
import sys, zipfile
d = sys.argv[1]
src = zipfile.ZipFile(d + "/python-docx.docx")
def rewrite(name, fn):
    with zipfile.ZipFile(d + "/" + name, "w", zipfile.ZIP_DEFLATED) as z:
        for n in src.namelist():
            z.writestr(n, fn(n, src.read(n)))
rewrite("dtd.docx", lambda n, b: b.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "b">]>', 1)
        if n == "word/document.xml" else b)
rewrite("no-styles.docx", lambda n, b: b"<x/>" if n == "word/styles.xml" else b)
open(d + "/cut.docx", "wb").write(open(d + "/python-docx.docx", "rb").read()[:3000])
open(d + "/not-zip.docx", "wb").write("Văn bản thường.\n".encode())
head = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
name = lambda s: s.encode("utf-16-le") + bytes(64 - 2 * len(s))
open(d + "/ole.doc", "wb").write(head + name("Root Entry") + name("WordDocument"))
open(d + "/encrypted.docx", "wb").write(head + name("Root Entry") + name("EncryptedPackage"))
with zipfile.ZipFile(d + "/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", b"<w:document><w:body><w:p><w:r><w:t>" + b"a" * (17 << 20))
PY
fi
# the whole folder as one blob, in the format of `tail -n +1`
mkdir -p "$C/input"
(cd input && tail -n +1 *.csv bao-cao.conf so-lieu/*.csv) >"$C/input/sample"
for d in ok bad thieu; do
	(cd input && tail -n +1 nhom.csv don-vi.csv chi-tieu.csv $(ls so-lieu/*.csv | head -n 4)
	 cd "../tests/data/han/$d" && tail -n +1 *) >"$C/input/han-$d"
done
# a published ket-qua.csv (fuzz_ket_qua_cu): as chitieu wrote it for the
# tiny folder's 2024-Q1 with xa-b's January at 6/10 (today's is 5/10: a
# restatement), as last year's with a target renamed, an older file
# without ten_chi_tieu, cut short, hand-edited
k="$shapes/kq"
mkdir -p "$k"
cat >"$k/published" <<'KQ'
ky,ma,ten,nhom,chi_tieu,tu_so,mau_so,ty_le,so_sanh,gia_tri,danh_gia,so_dv_dat,so_dv_danh_gia,ten_chi_tieu
2024-Q1,huyen-a,UBND huyện A,huyen,1,8,10,80.0000,>=,80,dat,,,Tỷ lệ hồ sơ trực tuyến
2024-Q1,huyen-a,UBND huyện A,huyen,3,4,4,100.0000,=,100,dat,,,Tỷ lệ số hóa
2024-Q1,xa-b,UBND xã B,xa,1,6,10,60.0000,>=,80,chua_dat,,,Tỷ lệ hồ sơ trực tuyến
2024-Q1,xa-b,UBND xã B,xa,2,1,10,10.0000,<=,45.5,dat,,,Tỷ lệ thanh toán
2024-Q1,xa-c,UBND xã C,xa,1,9,10,90.0000,>=,80,dat,,,Tỷ lệ hồ sơ trực tuyến
2024-Q1,xa-c,UBND xã C,xa,2,,,,<=,45.5,chua_bao_cao,,,Tỷ lệ thanh toán
2024-Q1,nhom:huyen,UBND cấp huyện,huyen,1,8,10,80.0000,>=,80,dat,1,1,Tỷ lệ hồ sơ trực tuyến
2024-Q1,nhom:huyen,UBND cấp huyện,huyen,3,4,4,100.0000,=,100,dat,1,1,Tỷ lệ số hóa
2024-Q1,nhom:xa,UBND cấp xã,xa,1,15,20,75.0000,>=,80,chua_dat,1,2,Tỷ lệ hồ sơ trực tuyến
2024-Q1,nhom:xa,UBND cấp xã,xa,2,1,10,10.0000,<=,45.5,dat,1,1,Tỷ lệ thanh toán
2024-Q1,tinh,Toàn tỉnh,,1,23,30,76.6667,>=,80,chua_dat,2,3,Tỷ lệ hồ sơ trực tuyến
2024-Q1,tinh,Toàn tỉnh,,2,1,10,10.0000,<=,45.5,dat,1,1,Tỷ lệ thanh toán
2024-Q1,tinh,Toàn tỉnh,,3,4,4,100.0000,=,100,dat,1,1,Tỷ lệ số hóa
KQ
sed 's/^2024-Q1,/2023-Q2,/; s/Tỷ lệ thanh toán$/Tỷ lệ thanh toán trực tuyến/' "$k/published" >"$k/last-year"
cut -d, -f1-13 "$k/published" >"$k/no-names"
head -c 600 "$k/published" >"$k/cut"
sed '4s/,6,10,/,6x,10,/' "$k/published" >"$k/edited"
put ket_qua_cu "$k"/*
du -sh "$C"
