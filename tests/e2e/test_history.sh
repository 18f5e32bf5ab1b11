#!/bin/sh
# SPDX-License-Identifier: MIT
# SPEC "History": what earlier runs published into the same output root.
# Restatements against the earlier period of the year (dieu-chinh.csv, the
# report, the site), the provisional mark in every output, the change
# against the same period last year, a corrupt published ket-qua.csv, the
# archive.  A small input of three units and two targets, monthly figures.
. tests/e2e/lib.sh
set -e

# make_input DIR YEAR NAME1 NAME2 XA_A_T1: twelve months of figures; unit
# xa-a reports XA_A_T1 of 10 on target 1 each month.
make_input() {
	mkdir -p "$1/so-lieu"
	printf 'ma,ten,thu_tu\nso,Sở ngành,1\nxa,UBND cấp xã,2\n' >"$1/nhom.csv"
	printf 'ma,ten,nhom,thuoc\nso-a,Sở A,so,\nxa-a,Xã A,xa,\nxa-b,Xã B,xa,\n' >"$1/don-vi.csv"
	printf '%s\n' 'stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung' \
		"1,$3,Sở A,,%,>=,80,Công văn 1,so|xa" \
		"2,$4,Sở A,,%,<=,5,,xa" >"$1/chi-tieu.csv"
	for u in so-a xa-a xa-b; do
		echo 'ky,chi_tieu,tu_so,mau_so,ghi_chu' >"$1/so-lieu/$u.csv"
		for mo in 01 02 03 04 05 06 07 08 09 10 11 12; do
			case $u in
			so-a) echo "$2-$mo,1,9,10," ;;
			xa-a) echo "$2-$mo,1,$5,10,"; echo "$2-$mo,2,1,100," ;;
			xa-b) echo "$2-$mo,1,8,10,"; echo "$2-$mo,2,0,0," ;;
			esac >>"$1/so-lieu/$u.csv"
		done
	done
}

HEAD='ky_cu,ma,ten,chi_tieu,tu_so_cu,mau_so_cu,danh_gia_cu,tu_so_moi,mau_so_moi,danh_gia_moi'
I="$WORK/in" O="$WORK/root"

# --- restatement: Q3 published, July corrected, Q4 ---------------------------
make_input "$I" 2024 'Tỷ lệ một' 'Tỷ lệ hai' 8
run_chitieu -q -i "$I" -o "$O" -k 2024-Q3
expect_rc 0
[ "$(cat "$O/2024-Q3/dieu-chinh.csv")" = "$HEAD" ] || fail "the first period claims restatements"
sed -i 's/^2024-07,1,8,10,$/2024-07,1,5,10,/' "$I/so-lieu/xa-a.csv"
run_chitieu -q -i "$I" -o "$O" -k 2024-Q4
expect_rc 0
printf '%s\n%s\n' "$HEAD" '2024-Q3,xa-a,Xã A,1,72,90,dat,69,90,chua_dat' >"$WORK/want"
cmp -s "$WORK/want" "$O/2024-Q4/dieu-chinh.csv" ||
	{ diff "$WORK/want" "$O/2024-Q4/dieu-chinh.csv" >&2; fail "dieu-chinh.csv is not exactly the July row"; }
S="$O/2024-Q4/site"
grep -qF 'Xã A' "$S/dieu-chinh.html" || fail "the restatements page does not name the unit"
grep -qF '80,00% (72/90) – Đạt' "$S/dieu-chinh.html" || fail "the restatements page lacks the published figure"
grep -qF '76,67% (69/90) – Chưa đạt' "$S/dieu-chinh.html" || fail "the restatements page lacks the present figure"
grep -qF 'href="dieu-chinh.html"' "$S/index.html" || fail "the index does not link the restatements"
grep -qF 'href="dieu-chinh.html"' "$S/du-lieu.html" || fail "the data-quality page does not link the restatements"
grep -qF 'Điều chỉnh số liệu' "$S/don-vi/xa-a.html" || fail "the affected unit's page says nothing"
! grep -qF 'Điều chỉnh số liệu</h2>' "$S/don-vi/xa-b.html" || fail "an unaffected unit's page has a restatement"
# (the report keeps "năm 2024" together with a no-break space)
sed 's/\xc2\xa0/ /g' "$O/2024-Q4/bao-cao.md" | grep -qF 'So với báo cáo 9 tháng năm 2024, 1 đơn vị điều chỉnh số liệu' ||
	fail "bao-cao.md lacks the restatement sentence"
pdftotext -layout "$O/2024-Q4/bao-cao.pdf" "$WORK/bc.txt"
grep -qF 'Xã A' "$WORK/bc.txt" || fail "the PDF does not name the unit"
grep -qF 'điều chỉnh số liệu' "$WORK/bc.txt" || fail "the PDF says nothing of the restatement"
# the previous period's site links back and forth, relative
grep -qF 'href="../../2024-Q3/site/index.html"' "$S/index.html" || fail "no link to the previous period"
grep -qF 'href="../../../2024-Q3/site/don-vi/xa-a.html"' "$S/don-vi/xa-a.html" || fail "no link to the same unit's page of the previous period"

# a rerun with nothing changed since Q3 was published claims none
rm -rf "$O"
run_chitieu -q -i "$I" -o "$O" -k 2024-Q3
run_chitieu -q -i "$I" -o "$O" -k 2024-Q4
expect_rc 0
[ "$(cat "$O/2024-Q4/dieu-chinh.csv")" = "$HEAD" ] || fail "an unchanged input claims restatements"
grep -qF 'không đơn vị nào điều chỉnh số liệu' "$O/2024-Q4/bao-cao.md" || fail "bao-cao.md does not say nothing changed"
grep -qF 'không đơn vị nào điều chỉnh số liệu' "$O/2024-Q4/site/dieu-chinh.html" ||
	fail "the restatements page of an unchanged input"

# --- the archive --------------------------------------------------------------
A="$O/index.html"
grep -qF 'href="2024-Q4/site/index.html"' "$A" && grep -qF 'href="2024-Q3/site/index.html"' "$A" ||
	fail "the archive does not list both periods"
q4=$(grep -n '<td><a href="2024-Q4/site' "$A" | cut -d: -f1) q3=$(grep -n '<td><a href="2024-Q3/site' "$A" | cut -d: -f1)
[ "$q4" -lt "$q3" ] || fail "the archive is not newest first"
grep -F '2024-Q4/site' "$A" | grep -qF 'Đủ số liệu' || fail "the archive's state of a complete period"
grep -F '2024-Q4/site' "$A" | grep -qF '<td>2/2</td>' || fail "the archive's targets met"

# --- provisional figures: complete, then one unit's file removed --------------
# complete: no output carries the mark
for f in "$O/2024-Q4/the-diem.pdf" "$O/2024-Q4/bao-cao.pdf"; do
	pdftotext "$f" - | grep -qi 'tạm tính' && fail "$(basename "$f") of complete figures is marked provisional"
done
grep -rqi 'tạm tính' "$O/2024-Q4/site" "$O/2024-Q4/bao-cao.md" "$A" && fail "complete figures are marked provisional"
rm "$I/so-lieu/xa-b.csv"
run_chitieu -q -i "$I" -o "$O" -k 2024-Q4
expect_rc 0
expect_err "unit 'xa-b' sent no data file"
mark='Số liệu tạm tính – 1 đơn vị chưa báo cáo đủ số liệu'
MARK='SỐ LIỆU TẠM TÍNH – 1 đơn vị chưa báo cáo đủ số liệu'
grep -qF "$mark" "$O/2024-Q4/bao-cao.md" || fail "bao-cao.md lacks the provisional mark"
for p in $(cd "$O/2024-Q4/site" && find . -name '*.html'); do
	grep -qF "$mark" "$O/2024-Q4/site/$p" || fail "the site page $p lacks the provisional banner"
done
grep -F '2024-Q4/site' "$A" | grep -qF "$mark" || fail "the archive lacks the provisional state"
# every page of both PDFs: the running head
for f in bao-cao the-diem; do
	n=$(pdfinfo "$O/2024-Q4/$f.pdf" | sed -n 's/^Pages: *//p')
	k=$(pdftotext "$O/2024-Q4/$f.pdf" - | tr '\f' '\n' | grep -cF "$MARK" || true)
	[ "$k" -ge "$n" ] || fail "$f.pdf: the provisional mark on $k of $n pages"
done
pdftotext -f 1 -l 1 "$O/2024-Q4/bao-cao.pdf" - | grep -qF "$mark" || fail "the report's first page lacks the mark"
make_input "$WORK/tmp" 2024 'Tỷ lệ một' 'Tỷ lệ hai' 8
cp "$WORK/tmp/so-lieu/xa-b.csv" "$I/so-lieu/xa-b.csv"

# --- a corrupt published ket-qua.csv -----------------------------------------
K3="$O/2024-Q3/ket-qua.csv"
cp "$K3" "$WORK/k3"
sed -i '3s/^\(2024-Q3,[^,]*,[^,]*,[^,]*,[^,]*,\)[0-9]*/\1abc/' "$K3"
run_chitieu -q -i "$I" -o "$O" -k 2024-Q4
expect_rc 0
expect_err "$K3:3:6: warning: the published results cannot be read"
[ "$(cat "$O/2024-Q4/dieu-chinh.csv")" = "$HEAD" ] || fail "restatements claimed from a corrupt file"
cp -r "$O/2024-Q4" "$WORK/q4-before"
run_chitieu -q --strict -i "$I" -o "$O" -k 2024-Q4
expect_rc 1
expect_err "$K3:3:6: warning: the published results cannot be read"
diff -r "$WORK/q4-before" "$O/2024-Q4" >/dev/null || fail "a failed --strict run changed the output"
# cut short after a whole field: the last line does not end
head -n 8 "$WORK/k3" | head -c -10 >"$K3"
run_chitieu -q -i "$I" -o "$O" -k 2024-Q4
expect_rc 0
expect_err "$K3:8: warning: the published results cannot be read (the file is cut short"
[ "$(cat "$O/2024-Q4/dieu-chinh.csv")" = "$HEAD" ] || fail "restatements claimed from a file cut short"
cp "$WORK/k3" "$K3"

# --- two years in one root: the same period last year --------------------------
rm -rf "$I" "$WORK/i23" "$O"
make_input "$WORK/i23" 2023 'tỷ lệ  một' 'Tỷ lệ hai' 7
make_input "$I" 2024 'Tỷ lệ một' 'Tỷ lệ hai (đổi tên)' 8
run_chitieu -q -i "$WORK/i23" -o "$O" -k 2023-Q2
expect_rc 0
run_chitieu -q -i "$I" -o "$O" -k 2024-Q2
expect_rc 0
S="$O/2024-Q2/site"
# province, target 1: 150/180 against 144/180: 3,333… points, toward zero
grep -qF 'So với cùng kỳ năm 2023</h2>' "$S/chi-tieu/1.html" &&
	grep -qF 'Toàn tỉnh: tăng 3,33 điểm %</li>' "$S/chi-tieu/1.html" ||
	fail "target 1's page lacks the province's change against the same period"
grep -qF 'So với cùng kỳ năm 2023</h2>' "$S/don-vi/xa-a.html" &&
	grep -qF ': tăng 10,00 điểm %</li>' "$S/don-vi/xa-a.html" ||
	fail "xa-a's page lacks its change against the same period"
grep -qF 'Toàn tỉnh: chưa có số liệu cùng kỳ' "$S/chi-tieu/2.html" ||
	fail "the renamed target claims a change against the same period"
sed 's/\xc2\xa0/ /g' "$O/2024-Q2/bao-cao.md" | grep -qF 'tăng 3,33 điểm % so với cùng kỳ năm 2023' ||
	fail "bao-cao.md lacks the change against the same period"
grep -qF 'chưa có số liệu cùng kỳ' "$O/2024-Q2/bao-cao.md" || fail "bao-cao.md: no 'chưa có số liệu cùng kỳ'"
pdftotext "$O/2024-Q2/bao-cao.pdf" - | sed 's/\xc2\xa0/ /g' | tr '\n' ' ' | grep -qF 'tăng 3,33 điểm % so với cùng kỳ năm 2023' ||
	fail "the PDF lacks the change against the same period"
# the column "So với cùng kỳ năm 2023" (its header wraps beside its neighbour's)
pdftotext "$O/2024-Q2/the-diem.pdf" - | tr '\n' ' ' | grep -q 'cùng kỳ.*năm 2023' ||
	fail "the scorecard has no column for the same period last year"
pdftotext "$O/2024-Q2/the-diem.pdf" - | grep -qxF '▲ 10,00' || fail "the scorecard lacks the change against the same period"
# a different year's period is no restatement
[ "$(cat "$O/2024-Q2/dieu-chinh.csv")" = "$HEAD" ] || fail "last year's output was taken as a restatement"
echo "ok"
