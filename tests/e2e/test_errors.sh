# SPDX-License-Identifier: MIT
# Bad input: one small input folder per problem (built here from a tiny
# valid base), each checked for exit 1 and the exact GNU-style line; then
# warnings (exit 0, 1 under --strict), accepted variants, and a folder with
# many problems at once, all reported in one run.
. tests/e2e/lib.sh
set -e

# expect_line TEXT: stderr has a line that is exactly TEXT.
expect_line() {
	grep -qxF -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr lacks the line: $1"; }
}

# base DIR: a tiny valid input folder.
base() {
	rm -rf "$1"
	mkdir -p "$1/so-lieu"
	printf 'ma,ten,thu_tu\nhuyen,UBND cấp huyện,1\nxa,UBND cấp xã,2\n' >"$1/nhom.csv"
	printf 'ma,ten,nhom,thuoc\nhuyen-a,UBND huyện A,huyen,\nxa-b,UBND xã B,xa,huyen-a\nxa-c,UBND xã C,xa,huyen-a\n' >"$1/don-vi.csv"
	cat >"$1/chi-tieu.csv" <<-'EOF'
	stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung
	1,Tỷ lệ hồ sơ trực tuyến,"UBND cấp huyện, cấp xã",VP,%,>=,80,Công văn 1,huyen|xa
	2,Tỷ lệ thanh toán,UBND cấp xã,VP,%,<=,"45,5",,xa
	3,Tỷ lệ số hóa,UBND cấp huyện,VP,%,=,100,,huyen
	EOF
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,8,10,\n2024-01,3,4,4,\n' >"$1/so-lieu/huyen-a.csv"
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,5,10,\n2024-01,2,1,10,\n' >"$1/so-lieu/xa-b.csv"
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,9,10,\n2024-01,2,0,0,\n' >"$1/so-lieu/xa-c.csv"
	printf 'co_quan = TỈNH A\n' >"$1/bao-cao.conf"
}

D=$WORK/in
# bad LINE...: appends to a figure file of a fresh base folder, expects
# exit 1 and each given line.
check_bad() {
	run_chitieu --check -i "$D"
	expect_rc 1
	for l in "$@"; do expect_line "$l"; done
}

# The base is clean.
base "$D"
run_chitieu --check -i "$D"; expect_rc 0
[ ! -s "$WORK/err" ] || { cat "$WORK/err" >&2; fail "the base folder is not clean"; }

# --- figures -------------------------------------------------------------
base "$D"; mv "$D/so-lieu/xa-c.csv" "$D/so-lieu/xa-cc.csv"
check_bad "so-lieu/xa-cc.csv: error: unknown unit 'xa-cc': no such code in don-vi.csv (did you mean 'xa-c'?)"

base "$D"; mv "$D/so-lieu/xa-c.csv" "$D/so-lieu/Xã C.csv"
check_bad "so-lieu/Xã C.csv: error: the file name 'Xã C.csv' is not a unit code: name the file <ma>.csv after the unit's code in don-vi.csv ([a-z0-9-]+) (did you mean 'xa-c'?)"

base "$D"; echo '2024-02,7,1,2,' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:2: error: unknown target 7: chi-tieu.csv has no row with stt 7"

base "$D"; echo '2024-13,1,1,2,' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:1: error: bad period '2024-13': write a month as YYYY-MM (2024-05) or a quarter as YYYY-Qn (2024-Q2)"

base "$D"; echo ',1,1,2,' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:1: error: empty period (ky): write a month as YYYY-MM (2024-05) or a quarter as YYYY-Qn (2024-Q2)"

# periods of two years: the year most rows give is the reporting year
base "$D"; echo '2023-12,1,1,2,' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:1: error: period 2023-12 is outside the reporting year 2024: one input folder holds one year (2024 is the year most rows give)"

base "$D"; echo '2024-02,1,"1,5",2,' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:3: error: '1,5' in tu_so is not a whole number: counts have no decimals (digit groups of three such as 1.234 are accepted)"

base "$D"; echo '2024-02,1,-1,2,' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:3: error: negative count '-1' in tu_so: counts are whole numbers from 0"

base "$D"; echo '2024-02,1,1,,' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:4: error: empty mau_so: write the count (0 when nothing arose)"

base "$D"; echo '2024-02,1,1,123456789012345678901234567890,' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:4: error: count '123456789012345678901234567890' in mau_so is too large (at most 999999999999)"

base "$D"; echo '2024-02,1,1,2.5,' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:4: error: '2.5' in mau_so is not a whole number: counts have no decimals (digit groups of three such as 1.234 are accepted)"

for e in '#DIV/0!' '#N/A' '#VALUE!' '#REF!' '#NAME?' '#NUM!' '#NULL!'; do
	base "$D"; echo "2024-02,1,$e,2," >>"$D/so-lieu/xa-b.csv"
	check_bad "so-lieu/xa-b.csv:4:3: error: tu_so is the Excel error value '$e', not a count: fix the formula in the workbook and save the CSV again"
done

base "$D"; echo '2024-02,1,11,10,' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:3: error: tu_so 11 is greater than mau_so 10: the numerator counts part of the denominator"

base "$D"; echo '2024-01,1,1,2,again' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:1: error: period 2024-01 of target 1 is given twice (lines 2 and 4)"

base "$D"; printf '2024-02,1,1,2,\n2024-Q1,1,1,2,\n' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:5:1: error: quarter 2024-Q1 (line 5) and the months 2024-01, 2024-02 it holds (lines 2, 4) are both given for target 1: give either the months or the quarter"

base "$D"
printf 'ma_don_vi,ky,chi_tieu,tu_so,mau_so\nxa-b,2024-01,1,1,2\nxa-c,2024-02,1,1,2\n' >"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:3:1: error: ma_don_vi 'xa-c' differs from the file's unit 'xa-b': a file holds only the figures of the unit it is named after"

# --- CSV structure and encodings ------------------------------------------
base "$D"; printf 'ky,chi_tieu,tu_so\n2024-01,1,5\n' >"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:1: error: missing required column 'mau_so'"

base "$D"; echo '2024-02,1,1' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:4: error: this row has 3 fields but the header has 5: every row needs exactly one field per column"

base "$D"; echo '2024-02,1,1,2,x,y' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:6: error: this row has 6 fields but the header has 5: every row needs exactly one field per column"

base "$D"; printf '2024-02,1,1,2,"no end\n2024-03,1,1,2,\n' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:5: error: unterminated quote: the quoted field that starts here has no closing quote (\")"

base "$D"; printf 'PK\003\004\024\000\006\000' >"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv: error: this is a spreadsheet workbook (.xlsx, .ods), not CSV text; open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\""

base "$D"; printf '\377\376k\000y\000,\000' >"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv: error: the file is UTF-16 text (\"Unicode text\"), not UTF-8; open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\""

# Windows-1258: "Xã" is X 0xE3
base "$D"; printf '2024-02,1,1,2,X\343 B\n' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:5: error: the file is not UTF-8 text: byte 0xE3 at byte offset 80 is not valid UTF-8 (a Windows-1258 or other legacy encoding?); open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\""

base "$D"; printf '2024-02,1,1,\0002,\n' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:4: error: NUL byte at byte offset 77: this is not CSV text (a binary or UTF-16 file?); open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\""

base "$D"; printf '2024-02,1,1,2,a\033b\n' >>"$D/so-lieu/xa-b.csv"
check_bad "so-lieu/xa-b.csv:4:5: error: control character U+001B at byte offset 80; remove it, or open it in Excel or LibreOffice and save it as \"CSV UTF-8 (Comma delimited) (*.csv)\""

# --- registry ---------------------------------------------------------------
base "$D"; rm "$D/nhom.csv"
check_bad "nhom.csv: error: required file is missing from the input folder $D"

base "$D"; printf 'ma,ten,thu_tu\n' >"$D/nhom.csv"
check_bad "nhom.csv: error: the file has a header but no group: at least one is needed"
# ... and its codes are not then reported unknown one by one
expect_no_err "unknown group"

base "$D"; echo 'xa-d,UBND xã D,phuong,' >>"$D/don-vi.csv"
check_bad "don-vi.csv:5:3: error: unknown group 'phuong': no such code in nhom.csv (did you mean 'huyen'?)"

base "$D"; echo 'xa-b,UBND xã B 2,xa,' >>"$D/don-vi.csv"
check_bad "don-vi.csv:5:1: error: duplicate unit code 'xa-b' (lines 3 and 5)"

base "$D"; echo 'Xa_D,UBND xã D,xa,' >>"$D/don-vi.csv"
check_bad "don-vi.csv:5:1: error: bad unit code 'Xa_D': use lower-case ASCII letters, digits and '-' ([a-z0-9-]+); it is also the name of the unit's file so-lieu/<ma>.csv"

base "$D"; echo 'xa-d,UBND xã D,xa,huyen-z' >>"$D/don-vi.csv"
check_bad "don-vi.csv:5:4: error: unknown parent unit 'huyen-z' in thuoc: no such code in don-vi.csv (did you mean 'huyen-a'?)"

base "$D"; printf 'ma,ten,nhom,thuoc\nhuyen-a,A,huyen,xa-b\nxa-b,B,xa,huyen-a\nxa-c,C,xa,\n' >"$D/don-vi.csv"
check_bad "don-vi.csv:2:4: error: thuoc makes a cycle: huyen-a -> xa-b -> huyen-a; a unit cannot be its own parent"

base "$D"; echo 'xa,UBND xã 2,3' >>"$D/nhom.csv"
check_bad "nhom.csv:4:1: error: duplicate group code 'xa' (lines 3 and 4)"

base "$D"; echo '3,Trùng,X,Y,%,>=,1,,xa' >>"$D/chi-tieu.csv"
check_bad "chi-tieu.csv:5:1: error: duplicate stt 3 (lines 4 and 5)"

base "$D"; echo '4,Mới,X,Y,%,>,1,,xa' >>"$D/chi-tieu.csv"
check_bad "chi-tieu.csv:5:6: error: bad comparator '>' in so_sanh: write >= (at least), <= (at most) or = (exactly)"

base "$D"; echo '4,Mới,X,Y,%,>=,80%,,xa' >>"$D/chi-tieu.csv"
check_bad "chi-tieu.csv:5:7: error: bad target value '80%' in gia_tri: write a number such as 80, 45.5 or 45,5 (at most 6 decimals, no % sign)"

base "$D"; echo '4,Mới,X,Y,%,>=,1,,xa|tinh' >>"$D/chi-tieu.csv"
check_bad "chi-tieu.csv:5:9: error: unknown group 'tinh' in ap_dung: no such code in nhom.csv (did you mean 'xa'?)"

base "$D"; printf 'ngay = 30/02/2024\n' >>"$D/bao-cao.conf"
check_bad "bao-cao.conf:2:8: error: ngay '30/02/2024' is not a date: write dd/mm/yyyy or yyyy-mm-dd, or leave it empty"

# --- warnings: exit 0, and 1 under --strict ---------------------------------------
base "$D"
echo '2024-01,3,1,2,' >>"$D/so-lieu/xa-b.csv"
rm "$D/so-lieu/xa-c.csv"
printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu,nguoi_nhap\n2024-01,1,8,10,,An\n2024-01,3,4,4,,An\n' >"$D/so-lieu/huyen-a.csv"
printf 'co_quann = TỈNH A\n' >>"$D/bao-cao.conf"
run_chitieu --check -i "$D"
expect_rc 0
expect_line "so-lieu/xa-b.csv:4:2: warning: target 3 does not apply to group 'xa' of this unit (ap_dung of chi-tieu.csv): the row is ignored"
expect_line "don-vi.csv:4:1: warning: unit 'xa-c' sent no data file (so-lieu/xa-c.csv): it is listed as not reported"
expect_line "so-lieu/huyen-a.csv:1:6: warning: unknown column 'nguoi_nhap' is ignored (the known columns are ky, chi_tieu, tu_so, mau_so, ghi_chu, ma_don_vi, ten_chi_tieu)"
expect_line "bao-cao.conf:2:1: warning: unknown key 'co_quann' is ignored (did you mean 'co_quan'?)"
expect_no_err "error:"
run_chitieu --check --strict -i "$D"
expect_rc 1

# --- accepted silently ----------------------------------------------------
base "$D"
printf '\357\273\277sep=;\r\n\r\nKỳ;Chỉ tiêu;Tử số;Mẫu số;Ghi chú\r\n;;;;\r\n 2024-01 ; 1 ;" 5 ";"1.000";"a;\r\nb"\r\n\r\n2024-01;2;1 000;1\302\240000;\r\n' >"$D/so-lieu/xa-b.csv"
run_chitieu --check -i "$D"
expect_rc 0
[ ! -s "$WORK/err" ] || { cat "$WORK/err" >&2; fail "accepted variants gave messages"; }

# --- many problems at once: every one reported, then the count ---------------
base "$D"
echo '2024-13,1,1,2,' >>"$D/so-lieu/xa-b.csv"
echo '2024-02,1,#DIV/0!,2,' >>"$D/so-lieu/xa-c.csv"
echo '2024-02,1,3,2,' >>"$D/so-lieu/huyen-a.csv"
echo '2024-02,1,1' >>"$D/so-lieu/huyen-a.csv"
echo 'xa-b,UBND xã B 2,xa,' >>"$D/don-vi.csv"
cp "$D/so-lieu/xa-c.csv" "$D/so-lieu/xa-z.csv"
run_chitieu --check -i "$D"
expect_rc 1
expect_line "don-vi.csv:5:1: error: duplicate unit code 'xa-b' (lines 3 and 5)"
expect_line "so-lieu/huyen-a.csv:4:3: error: tu_so 3 is greater than mau_so 2: the numerator counts part of the denominator"
expect_line "so-lieu/huyen-a.csv:5:4: error: this row has 3 fields but the header has 5: every row needs exactly one field per column"
expect_line "so-lieu/xa-b.csv:4:1: error: bad period '2024-13': write a month as YYYY-MM (2024-05) or a quarter as YYYY-Qn (2024-Q2)"
expect_line "so-lieu/xa-c.csv:4:3: error: tu_so is the Excel error value '#DIV/0!', not a count: fix the formula in the workbook and save the CSV again"
expect_line "so-lieu/xa-z.csv: error: unknown unit 'xa-z': no such code in don-vi.csv (did you mean 'xa-b'?)"
expect_line "so-lieu/xa-z.csv:4:3: error: tu_so is the Excel error value '#DIV/0!', not a count: fix the formula in the workbook and save the CSV again"
expect_line "7 errors, 0 warnings"
# a failed run writes nothing
run_chitieu -q -i "$D" -o "$WORK/out-dir"
expect_rc 1
[ ! -e "$WORK/out-dir" ] || [ -z "$(ls -A "$WORK/out-dir")" ] || fail "a failed run wrote output"
exit 0
