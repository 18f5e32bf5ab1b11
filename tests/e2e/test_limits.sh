# SPDX-License-Identifier: MIT
# Hostile input, one case per function: files no clerk meant to give
# (too big, too wide, binary, wrongly encoded, not files at all).  Each
# must end quickly with exit 1, a message naming the file (and line and
# column where there is a line), and the previous output untouched.
. tests/e2e/lib.sh
set -e
OUT="$WORK/output"
D="$WORK/in"
tree_sum() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum); }
expect_line() {
	grep -qxF -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr lacks the line: $1"; }
}

# base: a tiny valid input folder in $D.
base() {
	rm -rf "$D"
	mkdir -p "$D/so-lieu"
	printf 'ma,ten,thu_tu\nhuyen,UBND cấp huyện,1\nxa,UBND cấp xã,2\n' >"$D/nhom.csv"
	printf 'ma,ten,nhom,thuoc\nhuyen-a,UBND huyện A,huyen,\nxa-b,UBND xã B,xa,huyen-a\n' >"$D/don-vi.csv"
	printf 'stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung\n1,Tỷ lệ hồ sơ trực tuyến,UBND,VP,%%,>=,80,Công văn 1,huyen|xa\n' >"$D/chi-tieu.csv"
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,8,10,\n' >"$D/so-lieu/huyen-a.csv"
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,5,10,\n' >"$D/so-lieu/xa-b.csv"
	printf 'co_quan = TỈNH A\n' >"$D/bao-cao.conf"
}

# bad: runs on $D into $OUT (within a time limit: nothing may hang) and
# expects exit 1, each given line of stderr, and $OUT as it was.
bad() {
	set +e
	timeout 60 ${CHITIEU_WRAP:-} "$CHITIEU" -q -i "$D" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	set -e
	[ "$RC" -ne 124 ] || fail "$case: still running after 60 s"
	[ "$RC" -ne 99 ] || { cat "$WORK/err" >&2; fail "$case: valgrind found errors"; }
	expect_rc 1
	for l in "$@"; do expect_line "$l"; done
	[ "$(tree_sum "$OUT")" = "$before" ] || fail "$case: the previous output changed"
	! ls -a "$OUT" | grep -q '^\.chitieu-tmp' || fail "$case: a temporary folder was left"
}

RESAVE='open it in Excel or LibreOffice and save it as "CSV UTF-8 (Comma delimited) (*.csv)"'

test_limits_2gb_file() {
	# sparse: costs no disk, and must not be read (a size limit says so)
	truncate -s 2G "$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv: error: the file is 2048 MiB: chitieu reads files up to 64 MiB (the figures of a unit take a few KiB); is this the right file?"
}

test_limits_10mb_line() {
	{ printf '2024-02,1,1,2,'; head -c 10485760 /dev/zero | tr '\0' x; echo; } >>"$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv:3:5: error: line 3 is longer than 1 MiB: a chitieu file has short lines (is this the right file?)"
}

test_limits_10mb_quoted_field() {
	# lines are short, but one quoted field holds them all
	{ printf '2024-02,1,1,2,"'
	  head -c 10485760 /dev/zero | tr '\0' x | fold -w 80; printf '"\n'; } >>"$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv:3:5: error: this row is longer than 1 MiB: a chitieu file has short rows (is this the right file, or a quote (\") left open?)"
}

test_limits_100000_columns() {
	seq -s, 1 100000 >"$D/don-vi.csv"
	bad "don-vi.csv:1:1001: error: this row has more than 1000 fields: a chitieu file has a handful of columns (is this the right file?)"
}

test_limits_30_digit_count() {
	echo '2024-02,1,123456789012345678901234567890,123456789012345678901234567890,' >>"$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv:3:3: error: count '123456789012345678901234567890' in tu_so is too large (at most 999999999999)"
}

test_limits_png_renamed_csv() {
	printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' >"$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv: error: this is a PNG image, not CSV text; $RESAVE"
}

test_limits_xlsx_renamed_csv() {
	# a real zip archive, as an .xlsx is
	(cd "$WORK" && rm -f book.zip && printf 'x' >sheet.xml &&
		python3 -c 'import zipfile; zipfile.ZipFile("book.zip","w").write("sheet.xml")')
	cp "$WORK/book.zip" "$D/chi-tieu.csv"
	bad "chi-tieu.csv: error: this is a spreadsheet workbook (.xlsx, .ods), not CSV text; $RESAVE"
}

test_limits_directory_named_csv() {
	rm "$D/so-lieu/xa-b.csv"
	mkdir "$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv: error: cannot read the file: it is a folder, not a file"
}

test_limits_directory_named_conf() {
	rm "$D/bao-cao.conf"
	mkdir "$D/bao-cao.conf"
	bad "bao-cao.conf: error: cannot read the file: it is a folder, not a file"
}

test_limits_fifo_named_csv() {
	# reading a pipe nobody writes to would wait for ever
	rm "$D/so-lieu/xa-b.csv"
	mkfifo "$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv: error: cannot read the file: it is not a regular file (a device, pipe or socket)"
}

test_limits_symlink_loop() {
	rm "$D/so-lieu/xa-b.csv"
	ln -s xa-b.csv "$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv: error: cannot open the file: Too many levels of symbolic links"
}

test_limits_no_read_permission() {
	chmod 000 "$D/so-lieu/xa-b.csv"
	if [ "$(id -u)" -ne 0 ]; then
		bad "so-lieu/xa-b.csv: error: cannot open the file: Permission denied"
		return
	fi
	# root reads any file: run as nobody, on copies nobody may use
	command -v setpriv >/dev/null || { skip_part "$case: no setpriv to drop root (util-linux)"; return; }
	chmod 755 "$WORK" "$D" "$D/so-lieu"
	chmod 644 "$D"/*.csv "$D"/bao-cao.conf "$D/so-lieu/huyen-a.csv"
	chown -R nobody "$OUT"
	set +e
	timeout 60 setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
		"$CHITIEU" -q -i "$D" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	set -e
	chown -R "$(id -u)" "$OUT"
	expect_rc 1
	expect_line "so-lieu/xa-b.csv: error: cannot open the file: Permission denied"
	[ "$(tree_sum "$OUT")" = "$before" ] || fail "$case: the previous output changed"
}

test_limits_utf16_export() {
	# Excel's "Unicode text": UTF-16LE with a byte-order mark
	printf 'ma,ten,nhom,thuoc\nhuyen-a,UBND huyện A,huyen,\nxa-b,UBND xã B,xa,huyen-a\n' |
		iconv -f UTF-8 -t UTF-16 >"$D/don-vi.csv"
	bad "don-vi.csv: error: the file is UTF-16 text (\"Unicode text\"), not UTF-8; $RESAVE"
}

test_limits_utf16_without_bom() {
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,5,10,\n' |
		iconv -f UTF-8 -t UTF-16LE >"$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv: error: the file is UTF-16 text (\"Unicode text\"), not UTF-8; $RESAVE"
}

test_limits_windows1258_export() {
	# "UBND xã B" in Windows-1258 is "xa" and the combining tilde 0xDE
	printf 'ma,ten,nhom,thuoc\nhuyen-a,UBND huyen A,huyen,\nxa-b,UBND xã B,xa,huyen-a\n' |
		iconv -f UTF-8 -t WINDOWS-1258 >"$D/don-vi.csv"
	bad "don-vi.csv:3:2: error: the file is not UTF-8 text: byte 0xDE at byte offset 58 is not valid UTF-8 (a Windows-1258 or other legacy encoding?); $RESAVE"
}

test_limits_nul_byte() {
	printf '3,Tỷ lệ\000,UBND,VP,%%,>=,80,,xa\n' >>"$D/chi-tieu.csv"
	bad "chi-tieu.csv:3:2: error: NUL byte at byte offset 153: this is not CSV text (a binary or UTF-16 file?); $RESAVE"
}

test_limits_control_byte() {
	printf '2024-02,1,1,2,a\010b\n' >>"$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv:3:5: error: control character U+0008 at byte offset 64; remove it, or $RESAVE"
}

test_limits_control_byte_in_conf() {
	printf 'so = 12\033\n' >>"$D/bao-cao.conf"
	bad "bao-cao.conf:2:8: error: control character U+001B: remove it"
}

test_limits_excel_error_values() {
	echo '2024-02,1,#N/A,#DIV/0!,' >>"$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv:3:3: error: tu_so is the Excel error value '#N/A', not a count: fix the formula in the workbook and save the CSV again" \
	    "so-lieu/xa-b.csv:3:4: error: mau_so is the Excel error value '#DIV/0!', not a count: fix the formula in the workbook and save the CSV again"
}

test_limits_too_many_errors() {
	# a wrong file of a million bad rows: reported up to a bound, quickly
	awk 'BEGIN { for (i = 0; i < 1000000; i++) print "2024-13,1,1,2," }' >>"$D/so-lieu/xa-b.csv"
	bad "so-lieu/xa-b.csv:202: error: too many errors in this file (200): the rest of it is not read; fix these and run again"
	[ "$(wc -l <"$WORK/err")" -lt 300 ] || fail "$case: too many messages"
}

test_limits_huge_conf() {
	head -c 2000000 /dev/zero | tr '\0' '#' >>"$D/bao-cao.conf"
	bad "bao-cao.conf: error: cannot read the file: it is larger than 1 MiB (a few lines of key = value)"
}

# The previous output every case must leave alone.
base
run_chitieu -q -i "$D" -o "$OUT"; expect_rc 0
before=$(tree_sum "$OUT")
for case in $(sed -n 's/^\(test_limits_[a-z0-9_]*\)() {$/\1/p' tests/e2e/test_limits.sh); do
	echo "$case"
	base
	"$case"
done
end_test
