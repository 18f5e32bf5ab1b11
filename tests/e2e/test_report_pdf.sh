# SPDX-License-Identifier: MIT
# bao-cao.pdf of the sample: PDF 1.4 with its Info filled, A4 pages
# (portrait body, landscape appendices),
# every font embedded, the texts a reader searches for (every target's
# name, the verdict words, the motto, the inputs' SHA-256), byte-identical
# runs under SOURCE_DATE_EPOCH and no date at all without it, and a
# missing Liberation Serif is exit 3 naming fonts-liberation2.
. tests/e2e/lib.sh
set -e

export SOURCE_DATE_EPOCH=1719792000
run_chitieu -q -i input -o "$WORK/o1"
expect_rc 0
pdf=$(find "$WORK/o1" -name bao-cao.pdf | head -n 1)
[ -n "$pdf" ] || fail "no bao-cao.pdf"

# PDF 1.4 or later (the decree's floor), Title, Subject, Author, Keywords.
pdfinfo "$pdf" >"$WORK/info" 2>/dev/null
grep -q '^PDF version: *1\.[4-7]' "$WORK/info" || fail "not PDF 1.4 or later"
# the Title is the summary line, as page 1 reads it
grep -qF 'Title:           Kết quả thực hiện các chỉ tiêu cải cách thủ tục hành chính năm 2024' "$WORK/info" || fail "no Title from the summary line"
grep -qF 'Subject:         Kết quả thực hiện các chỉ tiêu cải cách thủ tục hành chính năm 2024' "$WORK/info" || fail "no Subject"
grep -qF 'Author:          UBND tỉnh Hưng Yên' "$WORK/info" || fail "no Author"
grep -qF 'Keywords:        cải cách hành chính; thủ tục hành chính' "$WORK/info" || fail "no Keywords from tu_khoa"

# A4 pages, both orientations.
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
[ "$pages" -ge 3 ] || fail "only $pages pages"
pdfinfo -f 1 -l "$pages" "$pdf" 2>/dev/null | grep ' size:' >"$WORK/sizes"
[ "$(grep -c '(A4)' "$WORK/sizes")" -eq "$pages" ] || { cat "$WORK/sizes"; fail "a page is not A4"; }
grep -q 'size: *595.* x 841' "$WORK/sizes" || fail "no portrait page"
grep -q 'size: *841.* x 595' "$WORK/sizes" || fail "no landscape page (the appendix)"

# Every font embedded, and every font Liberation Serif.
pdffonts "$pdf" 2>/dev/null | tail -n +3 >"$WORK/fonts"
[ -s "$WORK/fonts" ] || fail "no fonts listed"
awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }' "$WORK/fonts" || { cat "$WORK/fonts"; fail "a font is not embedded"; }
! grep -v LiberationSerif "$WORK/fonts" || fail "a font other than Liberation Serif"

# The text layer: lines joined, spaces squeezed (names wrap).
pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | tr '\n\f' '  ' | tr -s ' ' >"$WORK/text"
has() { grep -qF -- "$1" "$WORK/text" || fail "the PDF text lacks: $1"; }
has "Độc lập - Tự do - Hạnh phúc"
has "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
has "Nơi nhận"
has "của UBND tỉnh Hưng Yên)"  # ten_co_quan names the body inside a sentence
has "Phụ lục"
# every target's name (field 2 of chi-tieu.csv, RFC 4180 quotes undone)
awk 'NR > 1 {
	f = ""; n = 1; q = 0
	for (i = 1; i <= length($0); i++) {
		c = substr($0, i, 1)
		if (q) {
			if (c == "\"") {
				if (substr($0, i + 1, 1) == "\"") { f = f c; i++ } else q = 0
			} else f = f c
		} else if (c == "\"") q = 1
		else if (c == ",") { if (n == 2) break; n++; f = "" }
		else f = f c
	}
	print f
}' input/chi-tieu.csv | tr -s ' ' >"$WORK/names"
[ "$(wc -l <"$WORK/names")" -ge 1 ] || fail "no target names read"
while IFS= read -r name; do
	has "$name"
done <"$WORK/names"
# the verdict word of every province row of ket-qua.csv
k=$(dirname "$pdf")/ket-qua.csv
for code in $(sed 's/"[^"]*"/Q/g' "$k" | awk -F, '$2 == "tinh" { print $11 }' | sort -u); do
	case $code in
	dat) has "Đạt" ;;
	chua_dat) has "Chưa đạt" ;;
	khong_phat_sinh) has "Không phát sinh" ;;
	chua_bao_cao) has "Chưa báo cáo" ;;
	*) fail "unknown verdict $code" ;;
	esac
done
# the colophon: the version and the SHA-256 of the input list, as
# sha256sum prints it for the input files in name order
has "chitieu $("$CHITIEU" --version | awk 'NR == 1 { print $2 }')"
has "$(cd input && find . -type f \( -name '*.csv' -o -name '*.conf' -o -name '*.md' \) | sed 's|^\./||' |
	LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)"

# One chart per target, embedded.
n_png=$(find "$(dirname "$pdf")/charts" -name 'chi-tieu-*.png' | wc -l)
n_img=$(pdfimages -list "$pdf" 2>/dev/null | tail -n +3 | wc -l)
[ "$n_png" -ge 1 ] && [ "$n_img" -eq "$n_png" ] || fail "$n_img images in the PDF for $n_png target charts"

# Page numbers: none on the first page, then 2, 3, ...; each appendix
# (a page that starts "Phụ lục …") numbers its pages on their own, again
# unnumbered on its first page (Decree 30: "Số trang của Phụ lục được đánh
# số riêng theo từng Phụ lục").
heads=""
i=1
while [ "$i" -le "$pages" ]; do
	# the running head (the provisional mark, lich_su) shares the top line
	# with the number: left out
	heads="$heads|$(pdftotext -enc UTF-8 -f "$i" -l "$i" "$pdf" - 2>/dev/null |
		awk 'NF && !top { sub(/[[:space:]]*SỐ LIỆU TẠM TÍNH – .*$/, ""); top = 1 } NF' | head -n 1)"
	i=$((i + 1))
done
echo "$heads" | awk -F'|' '{
	if ($2 ~ /^[0-9]+$/) { print "page 1 is numbered"; exit 1 }
	want = 2; n_app = 0
	for (i = 3; i <= NF; i++) {
		if ($i ~ /^Phụ lục /) { want = 2; n_app++; continue }
		if ($i != want) { print "page " i - 1 " heads \"" $i "\", expected " want; exit 1 }
		want++
	}
	if (n_app < 2) { print "fewer than two appendices start a page"; exit 1 }
}' || fail "page numbers"
# SPEC's order: the header block, the detail per target, the signature,
# then the appendix table with the results.
pdftotext -enc UTF-8 "$pdf" "$WORK/all.txt" 2>/dev/null
line_of() { grep -n -m1 -F -- "$1" "$WORK/all.txt" | cut -d: -f1; }
l_motto=$(line_of "Độc lập - Tự do - Hạnh phúc"); l_table=$(line_of "Căn cứ thực hiện")
l_detail=$(line_of "KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU"); l_sign=$(line_of "Nơi nhận")
[ -n "$l_motto" ] && [ -n "$l_table" ] && [ -n "$l_detail" ] && [ -n "$l_sign" ] || fail "a part of the report is missing"
[ "$l_motto" -lt "$l_detail" ] && [ "$l_detail" -lt "$l_sign" ] && [ "$l_sign" -lt "$l_table" ] ||
	fail "order: motto $l_motto, detail $l_detail, signature $l_sign, table $l_table"
# A unit judged on a denominator under 5 is flagged.
if sed 's/"[^"]*"/Q/g' "$k" | awk -F, '$2 !~ /:/ && $2 != "tinh" && $7 > 0 && $7 < 5 { f = 1 } END { exit !f }'; then
	has "mẫu số nhỏ (dưới 5)"
fi

# Reproducible: a second run gives the same bytes, and carries the date.
run_chitieu -q -i input -o "$WORK/o2"
expect_rc 0
pdf2=$(find "$WORK/o2" -name bao-cao.pdf | head -n 1)
cmp "$pdf" "$pdf2" || fail "two runs with SOURCE_DATE_EPOCH differ"
grep -aq "CreationDate (D:20240701" "$pdf" || fail "no creation date from SOURCE_DATE_EPOCH"

# Without SOURCE_DATE_EPOCH no date at all; on an input with a dated
# report, a 600-character target name and a 200-character unit name.
unset SOURCE_DATE_EPOCH
copy_sample "$WORK/in3"
long=$(awk 'BEGIN { for (i = 0; i < 25; i++) printf "Tỷ lệ hồ sơ được số hóa%s", (i < 24 ? " " : ""); }')
sed -i "2s/^\([0-9]*\),/\1,$long /" "$WORK/in3/chi-tieu.csv"
unit=$(sed 's/"[^"]*"/Q/g' "$k" | awk -F, '$11 == "chua_dat" && $2 !~ /:/ && $2 != "tinh" { print $2; exit }')
[ -n "$unit" ] || fail "no unit below a target in the sample"
uname=$(awk 'BEGIN { for (i = 0; i < 10; i++) printf "Đơn vị thử nghiệm %02d ", i; }')
sed -i "s/^$unit,/$unit,$uname/" "$WORK/in3/don-vi.csv"
sed -i 's/^ngay *=.*/ngay = 2024-02-05/; s/^co_quan *=.*/co_quan = tỉnh Thử Nghiệm ơư/' "$WORK/in3/bao-cao.conf"
grep -q '^ngay = 2024-02-05' "$WORK/in3/bao-cao.conf" || echo 'ngay = 2024-02-05' >>"$WORK/in3/bao-cao.conf"
run_chitieu -q -i "$WORK/in3" -o "$WORK/o3"
expect_rc 0
pdf3=$(find "$WORK/o3" -name bao-cao.pdf | head -n 1)
! grep -aq CreationDate "$pdf3" || fail "a date without SOURCE_DATE_EPOCH"
pdftotext -enc UTF-8 "$pdf3" - 2>/dev/null | tr '\n\f' '  ' | tr -s ' ' >"$WORK/text"
has "ngày 05 tháng 02 năm 2024"
has "TỈNH THỬ NGHIỆM ƠƯ" # the issuing body in capitals whatever was typed
has "$long"
has "Đơn vị thử nghiệm 00"

# No Liberation Serif: fontconfig sees an empty font folder.
mkdir -p "$WORK/nofonts" "$WORK/fccache"
cat >"$WORK/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$WORK/nofonts</dir><cachedir>$WORK/fccache</cachedir></fontconfig>
EOF
export FONTCONFIG_FILE="$WORK/fonts.conf"
run_chitieu -q -i input -o "$WORK/o4"
unset FONTCONFIG_FILE
expect_rc 3
expect_err "fonts-liberation2"
[ -z "$(find "$WORK/o4" -name bao-cao.pdf 2>/dev/null)" ] || fail "a failed run left a PDF"

# 1,200 units: Phụ lục II (a row per unit) drawn in batches, the same bytes as whole.
same_batched_as_whole bao-cao.pdf
echo ok
