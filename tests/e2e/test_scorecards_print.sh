# SPDX-License-Identifier: MIT
# the-diem.pdf as printed, on the sample and on a generated province
# (province12.sh: 200 units, 12 targets, same-named communes, notes, missing
# months, an empty bao-cao.conf) run for 2024-Q3 then 2024-Q4 into one output
# root: the print lint (pdf_words.py: no word over another, none off the page,
# none cut with "…") on every page; the overview one page, then exactly one
# page per unit; the same-named communes under two distinct titles; the
# missing months marked at the figures; the change since the previous period
# in the table; the charts placed at no less than 60 % of the text width.
. tests/e2e/lib.sh
. tests/e2e/province12.sh
set -e
for tool in pdfinfo pdftotext pdfimages; do
	need $tool poppler-utils
done
PY=/usr/bin/python3
[ -x $PY ] || skip "/usr/bin/python3 is missing (apt-get install python3)"

# The lint fails where it should: a planted PDF with words overprinted and
# a word cut.
$PY tests/e2e/pdf_words.py --plant "$WORK/bad.pdf"
if $PY tests/e2e/pdf_words.py "$WORK/bad.pdf" >"$WORK/bad.txt"; then fail "the lint passed a planted overlap"; fi
grep -q "overlap" "$WORK/bad.txt" || fail "the lint missed the planted overlap"
grep -q "is cut" "$WORK/bad.txt" || fail "the lint missed the planted cut word"

pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
page_text() { pdftotext -q -f "$2" -l "$2" "$1" -; }

# check PDF UNITS: lint, one overview page, one page per unit, charts >= 60 %.
check() {
	n=$(pages "$1")
	[ "$n" -eq $(($2 + 1)) ] || fail "$1: $n pages for $2 units, expected the overview and one page each"
	page_text "$1" 1 >"$WORK/ov.txt"
	grep -q "Các chỉ tiêu" "$WORK/ov.txt" || fail "$1: page 1 is not the whole overview"
	last=$(awk -F, 'NR > 1 { s = $1 } END { print s }' "$3/chi-tieu.csv")
	grep -q "^CT$last – " "$WORK/ov.txt" || fail "$1: the overview's last target (CT$last) is not on page 1"
	page_text "$1" 2 | grep -q "Còn cần" || fail "$1: page 2 is not a unit page"
	# counts never split: every "n/m" of the overview's cells whole
	grep -q "^[0-9.]*/$" "$WORK/ov.txt" && fail "$1: a count split after its slash"
	$PY tests/e2e/pdf_words.py "$1" >"$WORK/lint.txt" || { head -20 "$WORK/lint.txt" >&2; fail "$1: the print lint failed"; }
	# a chart is drawn 120 mm wide at 945 px: at 60 % of 175 mm (105 mm) it is 229 ppi
	pdfimages -list "$1" | awk 'NR > 2 && $13 + 0 > 229 { bad = 1 } END { exit bad }' ||
		fail "$1: a chart placed at less than 60 % of the text width"
}

# The sample.
run_chitieu -q -i input -o "$WORK/s"
expect_rc 0
units=$(awk 'NR > 1 && NF' input/don-vi.csv | wc -l)
check "$WORK"/s/*/the-diem.pdf "$units" input

# The generated province, a published Q3 first.
province12 "$WORK/p"
run_chitieu -q -i "$WORK/p" -o "$WORK/po" -k 2024-Q3
expect_rc 0
run_chitieu -q -i "$WORK/p" -o "$WORK/po" -k 2024-Q4
expect_rc 0
pdf="$WORK/po/2024-Q4/the-diem.pdf"
units=$(awk 'NR > 1 && NF' "$WORK/p/don-vi.csv" | wc -l)
[ "$units" -ge 200 ] || fail "the generated province has $units units"
check "$pdf" "$units" "$WORK/p"
pdftotext -q "$pdf" "$WORK/all.txt"

# Same-named communes: each title names its district, and the two differ.
grep -c "^UBND xã Đông Quang 1 (huyện " "$WORK/all.txt" | grep -qx 2 || fail "the two 'UBND xã Đông Quang 1' have no titles of their own"
[ "$(grep "^UBND xã Đông Quang 1 (" "$WORK/all.txt" | sort -u | wc -l)" -eq 2 ] || fail "the same-named communes share a title"
# a unique name carries no parent
grep -q "^UBND xã Đông Quang 1$" "$WORK/all.txt" && fail "a same-named commune's title lacks its district"

# The district without its fourth quarter: a mark at its figures and the months named.
h1=$(awk -F, '$3 == "huyen" { print $2; exit }' "$WORK/p/don-vi.csv")
for p in $(seq 2 "$(pages "$pdf")"); do
	page_text "$pdf" "$p" >"$WORK/u.txt"
	if grep -qx "$h1" "$WORK/u.txt"; then break; fi
done
grep -qx "$h1" "$WORK/u.txt" || fail "no page for $h1"
grep -q "thiếu số liệu tháng 10, 11, 12" "$WORK/u.txt" || fail "$h1: the missing months are not named"
grep -q "[0-9]%†$" "$WORK/u.txt" || fail "$h1: no mark at its figures"
# the change since the previous period, and the notes or where they went
tr "\n" " " <"$WORK/u.txt" | grep -q "So với 9 tháng năm 2024" || fail "the unit table has no change since 9 tháng năm 2024"
grep -q "xem Phụ lục “Ghi chú của đơn vị” của Báo cáo\|Hệ thống một cửa điện tử" "$WORK/all.txt" ||
	fail "the first commune's notes are neither on its page nor referred to the report"
exit 0
