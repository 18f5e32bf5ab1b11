# SPDX-License-Identifier: MIT
# SPEC conformance of the core, sentence by sentence: reading ("Input"),
# "Evaluation", "Bad input", "Command line" and the ket-qua.csv row of
# "Output".  Each case builds a small input folder from a tiny base,
# runs chitieu and compares with what SPEC says (exact lines and rows).
. tests/e2e/lib.sh
set -e

# expect_line TEXT: stderr has a line that is exactly TEXT.
expect_line() {
	grep -qxF -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr lacks the line: $1"; }
}
# expect_row TEXT: the ket-qua.csv of the last full run has the row TEXT.
expect_row() {
	# SPEC's 13 columns (the names here hold no comma); the 14th,
	# ten_chi_tieu, is what next year's run matches targets by
	cut -d, -f1-13 "$KQ" | grep -qxF -- "$1" || { cat "$KQ" >&2; fail "ket-qua.csv lacks the row: $1"; }
}

# base DIR: two groups, three units, three targets (>=, <=, =).
base() {
	rm -rf "$1"
	mkdir -p "$1/so-lieu"
	printf 'ma,ten,thu_tu\nso,Sở ngành,1\nxa,UBND cấp xã,2\n' >"$1/nhom.csv"
	printf 'ma,ten,nhom,thuoc\nso-a,Sở A,so,\nxa-a,Xã A,xa,\nxa-b,Xã B,xa,\n' >"$1/don-vi.csv"
	printf '%s\n' 'stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung' \
		'1,Tỷ lệ một,Sở A,,%,>=,80,Công văn 1,so|xa' \
		'2,Tỷ lệ hai,Sở A,,%,<=,5,,xa' \
		'3,Tỷ lệ ba,Sở A,,%,=,100,Công văn 3,so' >"$1/chi-tieu.csv"
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,8,10,\n2024-02,1,7,10,\n2024-03,1,9,10,\n2024-Q1,3,5,5,\n' \
		>"$1/so-lieu/so-a.csv"
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-Q1,1,80,100,\n2024-Q1,2,1,100,\n' >"$1/so-lieu/xa-a.csv"
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-Q1,1,79,100,\n2024-Q1,2,0,0,\n' >"$1/so-lieu/xa-b.csv"
}

D=$WORK/in
O=$WORK/o
# full ARGS...: a full run of $D into a fresh $O; KQ = its ket-qua.csv.
full() {
	rm -rf "$O"
	run_chitieu -q -i "$D" -o "$O" "$@"
	expect_rc 0
	KQ=$(ls "$O"/*/ket-qua.csv)
}

# The base is clean and its ket-qua.csv is exactly what SPEC's rules give.
base "$D"
full
[ ! -s "$WORK/err" ] || { cat "$WORK/err" >&2; fail "the base folder is not clean"; }
cat >"$WORK/want" <<'EOF'
ky,ma,ten,nhom,chi_tieu,tu_so,mau_so,ty_le,so_sanh,gia_tri,danh_gia,so_dv_dat,so_dv_danh_gia,ten_chi_tieu
2024-Q1,so-a,Sở A,so,1,24,30,80.0000,>=,80,dat,,,Tỷ lệ một
2024-Q1,so-a,Sở A,so,3,5,5,100.0000,=,100,dat,,,Tỷ lệ ba
2024-Q1,xa-a,Xã A,xa,1,80,100,80.0000,>=,80,dat,,,Tỷ lệ một
2024-Q1,xa-a,Xã A,xa,2,1,100,1.0000,<=,5,dat,,,Tỷ lệ hai
2024-Q1,xa-b,Xã B,xa,1,79,100,79.0000,>=,80,chua_dat,,,Tỷ lệ một
2024-Q1,xa-b,Xã B,xa,2,0,0,,<=,5,khong_phat_sinh,,,Tỷ lệ hai
2024-Q1,nhom:so,Sở ngành,so,1,24,30,80.0000,>=,80,dat,1,1,Tỷ lệ một
2024-Q1,nhom:so,Sở ngành,so,3,5,5,100.0000,=,100,dat,1,1,Tỷ lệ ba
2024-Q1,nhom:xa,UBND cấp xã,xa,1,159,200,79.5000,>=,80,chua_dat,1,2,Tỷ lệ một
2024-Q1,nhom:xa,UBND cấp xã,xa,2,1,100,1.0000,<=,5,dat,1,1,Tỷ lệ hai
2024-Q1,tinh,Toàn tỉnh,,1,183,230,79.5652,>=,80,chua_dat,2,3,Tỷ lệ một
2024-Q1,tinh,Toàn tỉnh,,2,1,100,1.0000,<=,5,dat,1,1,Tỷ lệ hai
2024-Q1,tinh,Toàn tỉnh,,3,5,5,100.0000,=,100,dat,1,1,Tỷ lệ ba
EOF
cmp -s "$WORK/want" "$KQ" || { diff "$WORK/want" "$KQ" >&2; fail "ket-qua.csv of the base"; }

# --- registry columns in any order: messages name the key's own column ---
base "$D"
printf 'ten,ma,thu_tu\nSở,so,1\nXã,xa,2\nXã 2,xa,3\n' >"$D/nhom.csv"
printf 'ten,nhom,thuoc,ma\nSở A,so,,so-a\nXã A,xa,,xa-a\nXã B,xa,,xa-b\nXã B2,xa,,xa-b\nXã C,xa,,xa-c\n' >"$D/don-vi.csv"
printf 'ten,so_sanh,gia_tri,ap_dung,stt\nMột,>=,80,so|xa,1\nHai,<=,5,xa,2\nBa,=,100,so,3\nBa,=,100,so,3\n' >"$D/chi-tieu.csv"
run_chitieu --check -i "$D"
expect_rc 1
expect_line "nhom.csv:4:2: error: duplicate group code 'xa' (lines 3 and 4)"
expect_line "don-vi.csv:5:4: error: duplicate unit code 'xa-b' (lines 4 and 5)"
expect_line "chi-tieu.csv:5:5: error: duplicate stt 3 (lines 4 and 5)"
expect_line "don-vi.csv:6:4: warning: unit 'xa-c' sent no data file (so-lieu/xa-c.csv): it is listed as not reported"
# no can_cu column at all: no row has a basis, nothing to warn about
expect_no_err "can_cu"

# --- Input: header names folded, any order, unknown columns; BOM, CRLF,
# sep=;, quoted line breaks, blank and delimiter-only lines, NFD --------
base "$D"
# "Kỳ" etc. typed in NFD (decomposed), as some Mac and web tools save them
printf '\357\273\277sep=;\r\n\r\n TU_SO ;"Chỉ  Tiêu";"Kỳ";Ghi_chú;Người nhập;Mẫu Số\r\n;;;;;\r\n8;1;2024-01;"dòng 1\r\ndòng 2";An;10\r\n  ;  ; ; ;;\r\n"7";1;2024-02;;An;"1.0"\r\n9;1;2024-03;;An;1\302\240000\r\n' \
	| sed 's/Kỳ/Ky\xcc\x80/' >"$D/so-lieu/so-a.csv"
printf '5;3;2024-Q1;;;5\r\n' >>"$D/so-lieu/so-a.csv"
run_chitieu --check -i "$D"
expect_rc 1
expect_line "so-lieu/so-a.csv:3:5: warning: unknown column 'Người nhập' is ignored (the known columns are ky, chi_tieu, tu_so, mau_so, ghi_chu, ma_don_vi, ten_chi_tieu)"
# line 8: after a quoted line break (5-6) and a line of blanks (7)
expect_line "so-lieu/so-a.csv:8:6: error: '1.0' in mau_so is not a whole number: counts have no decimals (digit groups of three such as 1.234 are accepted)"
sed -i 's/"1\.0"/10/' "$D/so-lieu/so-a.csv"
full
expect_row "2024-Q1,so-a,Sở A,so,1,24,1020,2.3529,>=,80,chua_dat,,"
expect_row "2024-Q1,so-a,Sở A,so,3,5,5,100.0000,=,100,dat,,"

# --- counts: digit groups of three with . , space or no-break space; never
# a decimal read as a count --------------------------------------------------
base "$D"
printf 'ky;chi_tieu;tu_so;mau_so\n2024-Q1;1;1.234;2,000\n2024-Q1;2;1 000;1\342\200\257000\n' >"$D/so-lieu/xa-a.csv"
full
expect_row "2024-Q1,xa-a,Xã A,xa,1,1234,2000,61.7000,>=,80,chua_dat,,"
expect_row "2024-Q1,xa-a,Xã A,xa,2,1000,1000,100.0000,<=,5,chua_dat,,"
for v in '1,5' '12.34' '1.2345' '1.234,5' '1.234 567' '+5' '5e3' '0x10' '١٢'; do
	base "$D"
	printf 'ky;chi_tieu;tu_so;mau_so\n2024-Q1;1;%s;100000\n' "$v" >"$D/so-lieu/xa-a.csv"
	run_chitieu --check -i "$D"
	expect_rc 1
	expect_line "so-lieu/xa-a.csv:2:3: error: '$v' in tu_so is not a whole number: counts have no decimals (digit groups of three such as 1.234 are accepted)"
done

# --- gia_tri 45,5 and 20.25, a ; registry; exact comparisons -----------------
base "$D"
printf '%s\n' 'STT;Tên;Chủ trì;Phối hợp;Đơn vị tính;So sánh;Giá trị;Căn cứ;Áp dụng' \
	'1;Một;A;;%;>=;45,5;CV;so|xa' '2;Hai;A;;%;<=;20.25;; xa ' '3;Ba;A;;%;=;100;;so' >"$D/chi-tieu.csv"
printf 'ky,chi_tieu,tu_so,mau_so\n2024-Q1,1,91,200\n2024-Q1,2,81,400\n' >"$D/so-lieu/xa-a.csv"
printf 'ky,chi_tieu,tu_so,mau_so\n2024-Q1,1,90,200\n2024-Q1,2,82,400\n' >"$D/so-lieu/xa-b.csv"
full
expect_row "2024-Q1,xa-a,Xã A,xa,1,91,200,45.5000,>=,45.5,dat,,"
expect_row "2024-Q1,xa-a,Xã A,xa,2,81,400,20.2500,<=,20.25,dat,,"
expect_row "2024-Q1,xa-b,Xã B,xa,1,90,200,45.0000,>=,45.5,chua_dat,,"
expect_row "2024-Q1,xa-b,Xã B,xa,2,82,400,20.5000,<=,20.25,chua_dat,,"
expect_row "2024-Q1,nhom:xa,UBND cấp xã,xa,2,163,800,20.3750,<=,20.25,chua_dat,1,2"

# --- ty_le in ket-qua.csv never contradicts its verdict ----------------------
base "$D"
# 79.99999 under >= 80 (chua_dat), 5.00001 under <= 5 (chua_dat), and
# 100 - 1e-7 under = 100 (chua_dat): none may print as the target
printf 'ky,chi_tieu,tu_so,mau_so\n2024-Q1,1,7999999,10000000\n2024-Q1,2,500001,10000000\n' >"$D/so-lieu/xa-a.csv"
printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-Q1,1,8,10,\n2024-Q1,3,99999999,100000000,\n' >"$D/so-lieu/so-a.csv"
full
expect_row "2024-Q1,xa-a,Xã A,xa,1,7999999,10000000,79.9999,>=,80,chua_dat,,"
expect_row "2024-Q1,xa-a,Xã A,xa,2,500001,10000000,5.0001,<=,5,chua_dat,,"
expect_row "2024-Q1,so-a,Sở A,so,3,99999999,100000000,99.9999,=,100,chua_dat,,"

# --- Evaluation: the year-to-date window; months and quarters alike; a row
# counts only when its whole period is inside; -k defaults to the latest ---
base "$D"
printf 'ky,chi_tieu,tu_so,mau_so\n2024-Q1,1,80,100\n2024-04,1,10,10\n2024-05,1,10,10\n2024-Q1,2,1,100\n2024-Q2,2,50,100\n' \
	>"$D/so-lieu/xa-a.csv"
full -k 2024-05
[ "$KQ" = "$O/2024-05/ket-qua.csv" ] || fail "-k 2024-05 wrote $KQ"
expect_row "2024-05,xa-a,Xã A,xa,1,100,120,83.3333,>=,80,dat,,"
# the 2024-Q2 row ends after 2024-05: outside
expect_row "2024-05,xa-a,Xã A,xa,2,1,100,1.0000,<=,5,dat,,"
expect_row "2024-05,xa-b,Xã B,xa,2,0,0,,<=,5,khong_phat_sinh,,"
expect_row "2024-05,nhom:xa,UBND cấp xã,xa,1,179,220,81.3636,>=,80,dat,1,2"
expect_row "2024-05,nhom:xa,UBND cấp xã,xa,2,1,100,1.0000,<=,5,dat,1,1"
expect_row "2024-05,tinh,Toàn tỉnh,,1,203,250,81.2000,>=,80,dat,2,3"
grep -qF '5 tháng đầu năm 2024' "$O/2024-05/bao-cao.md" || fail "a month window is not '5 tháng đầu năm 2024'"
# no -k: the latest period of the data, 2024-Q2 (it ends after 2024-05)
full
[ "$KQ" = "$O/2024-Q2/ket-qua.csv" ] || fail "the default period wrote $KQ"
expect_row "2024-Q2,xa-a,Xã A,xa,2,51,200,25.5000,<=,5,chua_dat,,"
grep -qF '6 tháng đầu năm 2024' "$O/2024-Q2/bao-cao.md" || fail "2024-Q2 is not '6 tháng đầu năm 2024'"
# an earlier window leaves the later months out; a unit with no row in it
# is not reported, and its aggregates count only the units that reported
full -k 2024-02
expect_row "2024-02,so-a,Sở A,so,1,15,20,75.0000,>=,80,chua_dat,,"
expect_row "2024-02,so-a,Sở A,so,3,,,,=,100,chua_bao_cao,,"
expect_row "2024-02,xa-a,Xã A,xa,1,,,,>=,80,chua_bao_cao,,"
expect_row "2024-02,nhom:xa,UBND cấp xã,xa,1,,,,>=,80,chua_bao_cao,0,0"
expect_row "2024-02,tinh,Toàn tỉnh,,1,15,20,75.0000,>=,80,chua_dat,0,1"
expect_row "2024-02,tinh,Toàn tỉnh,,3,,,,=,100,chua_bao_cao,0,0"
for k in 2024-Q3:'9 tháng năm 2024' 2024-Q4:'Năm 2024' 2024-Q1:'Quý I năm 2024'; do
	full -k "${k%%:*}"
	sed 's/\xc2\xa0/ /g' "$O/${k%%:*}/bao-cao.md" | grep -qF "${k#*:}" || fail "${k%%:*} is not '${k#*:}'"
done

# --- a target that does not apply: a warning, the row ignored --------------
base "$D"
echo '2024-Q1,3,1,1,' >>"$D/so-lieu/xa-b.csv"
full
expect_line "so-lieu/xa-b.csv:4:2: warning: target 3 does not apply to group 'xa' of this unit (ap_dung of chi-tieu.csv): the row is ignored"
expect_row "2024-Q1,tinh,Toàn tỉnh,,3,5,5,100.0000,=,100,dat,1,1"
! grep -q '^2024-Q1,xa-b,.*,3,' "$KQ" || fail "a target that does not apply has a row"
run_chitieu --check --strict -i "$D"
expect_rc 1

# --- Command line ----------------------------------------------------------
base "$D"
rm -rf "$O"
# --check: validates and evaluates (warnings of the window too), writes nothing
run_chitieu --check -i "$D" -o "$O" -k 2024-05
expect_rc 0
expect_line "so-lieu/xa-a.csv: warning: figures do not cover the window 2024-01..2024-05: 2024-04, 2024-05 missing for every target"
[ ! -e "$O" ] || fail "--check wrote $O"
run_chitieu --check --strict -i "$D" -o "$O" -k 2024-05
expect_rc 1
[ ! -e "$O" ] || fail "--check --strict wrote $O"
# bad usage: exit 2, nothing read or written
for a in '-k 2024-00' '-k 2024-Q0' '-k 24-Q1' '-k 2024/05' '-j x' '--nope' '-i'; do
	# shellcheck disable=SC2086
	run_chitieu $a -o "$O"
	expect_rc 2
	[ ! -e "$O" ] || fail "'$a' wrote $O"
done
run_chitieu --help; expect_rc 0
grep -qF -- '--check' "$WORK/out" || fail "--help does not list --check"
run_chitieu --version; expect_rc 0
[ -s "$WORK/out" ] || fail "--version prints nothing"
# bad input: exit 1, and the output of the previous good run is untouched
full
cp "$KQ" "$WORK/kq-before"
echo '2024-Q1,1,5,4,' >>"$D/so-lieu/xa-b.csv"
run_chitieu -q -i "$D" -o "$O"
expect_rc 1
expect_line "so-lieu/xa-b.csv:4:3: error: tu_so 5 is greater than mau_so 4: the numerator counts part of the denominator"
expect_line "1 error, 0 warnings"
cmp -s "$WORK/kq-before" "$O/2024-Q1/ket-qua.csv" || fail "a failed run changed the output"
# progress: on a terminal only, and never with -q
base "$D"
if ! command -v script >/dev/null 2>&1; then
	skip_part "progress on a terminal: script is not installed (apt-get install bsdutils)"
else
	script -qec "$CHITIEU --check -i $D" /dev/null >"$WORK/tty" 2>&1 || true
	grep -q '^chitieu: reading the input' "$WORK/tty" || fail "no progress on a terminal"
	script -qec "$CHITIEU -q --check -i $D" /dev/null >"$WORK/tty" 2>&1 || true
	! grep -q '^chitieu: reading' "$WORK/tty" || fail "progress printed under -q"
fi
run_chitieu -i "$D" -o "$O"
expect_rc 0
[ ! -s "$WORK/err" ] || { cat "$WORK/err" >&2; fail "stderr not a terminal, yet output"; }

# --- chitieu runs from any folder: -i and -o are all it needs ----------------
base "$D"
full
set +e
(cd "$WORK" && SOURCE_DATE_EPOCH=1735603200 "$CHITIEU" -q -i "$D" -o "$WORK/o-elsewhere") 2>"$WORK/err"
RC=$?
set -e
expect_rc 0
for f in ket-qua.csv bao-cao.md site/index.html site/style.css; do
	[ -s "$WORK/o-elsewhere/2024-Q1/$f" ] || fail "run from another folder: no $f"
done
cmp -s "$O/2024-Q1/site/index.html" "$WORK/o-elsewhere/2024-Q1/site/index.html" ||
	fail "run from another folder: another site"

# -k of another year than the folder's figures: bad usage, nothing written
base "$D"
rm -rf "$O"
run_chitieu -i "$D" -o "$O" -k 2025-Q1
expect_rc 2
expect_err "chitieu: -k 2025-Q1 is not a period of 2024, the year of the figures in $D/so-lieu"
[ ! -e "$O" ] || fail "-k of another year wrote $O"
# ... while a later period of the same year is a report with units missing
run_chitieu --check -i "$D" -k 2024-Q4
expect_rc 0

# --- a registered unit with no data file is a warning, unless no target
# applies to its group (it has nothing to send) --------------------------------
base "$D"
printf 'theo-doi,Theo dõi,3\n' >>"$D/nhom.csv"
printf 'xa-c,Xã C,xa,\nvp,Văn phòng,theo-doi,\n' >>"$D/don-vi.csv"
run_chitieu --check --strict -i "$D"
expect_rc 1
expect_line "don-vi.csv:5:1: warning: unit 'xa-c' sent no data file (so-lieu/xa-c.csv): it is listed as not reported"
expect_line "0 errors, 1 warning"
full
expect_row "2024-Q1,xa-c,Xã C,xa,1,,,,>=,80,chua_bao_cao,,"
expect_row "2024-Q1,nhom:xa,UBND cấp xã,xa,1,159,200,79.5000,>=,80,chua_dat,1,2"
! grep -q ',vp,' "$KQ" || fail "a unit judged on no target has rows"

end_test
