# SPDX-License-Identifier: MIT
# the-diem.pdf on the shipped sample: overview pages then exactly one page
# per unit, each unit's name on its own page; --don-vi writes a unit alone;
# a 300-character name and 2,000-character notes still fit one page, the
# name whole and the notes giving way to the report's notes appendix,
# nothing cut with "…"; the file stays under 40 KB per unit page.
. tests/e2e/lib.sh
set -e
need pdfinfo poppler-utils

in="$WORK/in"
copy_sample "$in"
# The unit made long: the first of the registry, so its file exists.
ma=$(awk -F, 'NR == 2 { print $1 }' "$in/don-vi.csv")
run_chitieu -q -i "$in" -o "$WORK/o" --don-vi "$ma"
expect_rc 0
pdf=$(ls "$WORK"/o/*/the-diem.pdf)
dir=$(dirname "$pdf")

pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
# page_text PDF N: the text of page N, one line per text line.
page_text() { pdftotext -q -f "$2" -l "$2" "$1" -; }

units=$(awk 'NR > 1 && NF' "$in/don-vi.csv" | wc -l)
n=$(pages "$pdf")
[ "$n" -gt "$units" ] || fail "the-diem.pdf has $n pages for $units units: no overview"
over=$((n - units))

# Every unit page has the table header; no overview page has it.
for p in $(seq 1 "$n"); do
	page_text "$pdf" "$p" >"$WORK/p$p.txt"
	if grep -q "Còn cần" "$WORK/p$p.txt"; then
		[ "$p" -gt "$over" ] || fail "page $p looks like a unit page inside the overview"
	else
		[ "$p" -le "$over" ] || fail "page $p is not a unit page"
	fi
done
grep -q "Chưa đạt" "$WORK/p1.txt" || fail "the overview's legend is missing on page 1"

# Each unit's name (its heading line) on exactly one unit page.
# field 2 of each row, quotes honoured ("Sở Văn hóa, Thể thao và Du lịch")
awk 'NR > 1 && NF {
	f = 0; v = ""; q = 0
	for (i = 1; i <= length($0); i++) {
		c = substr($0, i, 1)
		if (q) { if (c == "\"") { if (substr($0, i + 1, 1) == "\"") { v = v c; i++ } else q = 0 } else v = v c }
		else if (c == "\"") q = 1
		else if (c == ",") { f++; if (f == 2) break; v = "" }
		else v = v c
	}
	print v
}' "$in/don-vi.csv" >"$WORK/names"
while IFS= read -r name; do
	c=0
	for p in $(seq $((over + 1)) "$n"); do
		if grep -qxF -- "$name" "$WORK/p$p.txt"; then c=$((c + 1)); fi
	done
	[ "$c" -eq 1 ] || fail "'$name' heads $c unit pages, expected 1"
done <"$WORK/names"

# Size: fonts embedded once, charts for print.
size=$(wc -c <"$pdf")
[ "$size" -lt $((units * 40000)) ] || fail "the-diem.pdf is $size bytes for $units units (>= 40 KB a page)"

# The unit alone.
one="$dir/the-diem-$ma.pdf"
[ -f "$one" ] || fail "--don-vi $ma wrote no the-diem-$ma.pdf"
[ "$(pages "$one")" -eq 1 ] || fail "the-diem-$ma.pdf has $(pages "$one") pages"
page_text "$one" 1 | grep -q "Còn cần" || fail "the-diem-$ma.pdf is not a unit page"

# Now a 300-character name and a 2,000-character note on every row.
long="UBND xã"
while [ ${#long} -lt 300 ]; do long="$long Trường Thịnh Phước Lộc"; done
note="Hệ thống"
while [ ${#note} -lt 2000 ]; do note="$note một cửa điện tử gián đoạn, hồ sơ tiếp nhận trực tiếp."; done
awk -F, -v OFS=, -v ma="$ma" -v ten="$long" '$1 == ma { $2 = ten } { print }' "$in/don-vi.csv" >"$WORK/dv"
mv "$WORK/dv" "$in/don-vi.csv"
sed -i "2,\$ s/,\$/,\"$note\"/" "$in/so-lieu/$ma.csv"
grep -q "một cửa điện tử" "$in/so-lieu/$ma.csv" || fail "the test could not add notes"
rm -rf "$WORK/o"
run_chitieu -q -i "$in" -o "$WORK/o" --don-vi "$ma"
expect_rc 0
pdf=$(ls "$WORK"/o/*/the-diem.pdf)
[ "$(pages "$pdf")" -eq "$n" ] || fail "a long name and notes changed the page count: $(pages "$pdf"), expected $n"
one="$(dirname "$pdf")/the-diem-$ma.pdf"
[ "$(pages "$one")" -eq 1 ] || fail "the long unit takes $(pages "$one") pages"
page_text "$one" 1 | tr '\n' ' ' >"$WORK/long.txt"
grep -q "UBND xã Trường Thịnh Phước" "$WORK/long.txt" || fail "the long name is not on its page"
grep -q "…" "$WORK/long.txt" && fail "a text was cut with … on the long unit's page"
grep -q "xem Phụ lục “Ghi chú của đơn vị” của Báo cáo" "$WORK/long.txt" ||
	fail "the notes that do not fit are not referred to the report's notes appendix"
grep -q "Hệ thống một cửa" "$WORK/long.txt" && fail "the notes that gave way are still on the page"

# 1,200 units: the overview's table of a group (976 communes) drawn in batches, the same bytes as whole.
same_batched_as_whole the-diem.pdf
exit 0
