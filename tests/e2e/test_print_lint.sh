# SPDX-License-Identifier: MIT
# The report as a clerk prints it, on the sample and on a generated
# province (tests/gen_province.py: 200 units, 12 targets, same-named
# communes, repeated notes, missing months, an empty bao-cao.conf, a
# published 2024-Q3 before 2024-Q4), checked from the PDF's word boxes
# (tests/print_lint.py): no two words of a line overlapping or touching,
# none off the page, no text cut with "…", the page number alone on its
# line, no page of the body more than a third empty; then its structure: with the empty conf the page holding "Nơi
# nhận" comes before Phụ lục I and carries the TM. line's blank, the notes
# appendix holds each planted note once, and section II of the Q4 run
# states the change against 9 tháng năm 2024 for every target.  The
# scorecards (the-diem.pdf) are linted for overlaps and the page.  The
# urging dispatch (cong-van-don-doc.pdf) of the sample and of the
# province's Q3 and Q4 runs: the same rules, and its appendix's pages
# each at least 80 % full but the last (a unit's rows break across pages
# rather than move whole).
. tests/e2e/lib.sh
set -e
command -v pdftotext >/dev/null || skip "pdftotext (poppler-utils) is missing"
PY=/usr/bin/python3
[ -x "$PY" ] || skip "/usr/bin/python3 is missing"
LINT="$PY $TOP/tests/print_lint.py"

# The lint can fail: a page number run into a head, words overprinted,
# a cut cell (a made-up page from the lint's own reading of poppler).
cat >"$WORK/bad.html" <<'X'
<html xmlns="http://www.w3.org/1999/xhtml"><body><doc><page width="595" height="842"><flow><block><line>
<word xMin="291" yMin="21" xMax="304.1" yMax="35">10</word><word xMin="303.9" yMin="23" xMax="330" yMax="33">SỐ</word>
<word xMin="100" yMin="100" xMax="150" yMax="112">So với hết…</word><word xMin="580" yMin="200" xMax="620" yMax="212">lề</word>
</line></block></flow></page></doc></body></html>
X
out=$($PY -c "
import sys; sys.path.insert(0, '$TOP/tests')
import print_lint, xml.etree.ElementTree as ET
print_lint.pages = lambda p: [(1, 595.0, 842.0, [(float(w.get('xMin')), float(w.get('yMin')), float(w.get('xMax')), float(w.get('yMax')), w.text) for w in ET.parse(p).getroot().iter(print_lint.NS + 'word')])]
for p in print_lint.lint('$WORK/bad.html', number_alone=True): print(p)
")
echo "$out" | grep -q "'10' and 'SỐ' overlap" || fail "the lint misses a number run into a head: $out"
echo "$out" | grep -q "page number '10' shares its line" || fail "the lint misses a number not alone: $out"
echo "$out" | grep -q "'So với hết…' is cut short" || fail "the lint misses a cut cell: $out"
echo "$out" | grep -q "'lề' is off the page" || fail "the lint misses a word off the page: $out"

# The lint can fail on a page of an appendix left half empty (a made-up
# two-page appendix: the first page's lowest word at mid-page), and not
# on its last page.
out=$($PY -c "
import sys; sys.path.insert(0, '$TOP/tests')
import print_lint
w = lambda y: (100.0, y, 140.0, y + 12, 'chữ')
print_lint.pages = lambda p: [(1, 842.0, 595.0, [w(80.0), w(300.0)]), (2, 842.0, 595.0, [w(80.0)])]
for p in print_lint.lint('x.pdf', full_from=1): print(p)
")
echo "$out" | grep -q "x.pdf:1: the page is 5[0-9] % full, under 80 %" || fail "the lint misses a half-empty appendix page: $out"
! echo "$out" | grep -q "x.pdf:2:" || fail "the lint faults the appendix's last page: $out"

# first_page PDF RE: the number of the first page with a line matching RE (0: none)
first_page() {
	_n=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	_i=1
	while [ "$_i" -le "$_n" ]; do
		pdftotext -enc UTF-8 -f "$_i" -l "$_i" "$1" - 2>/dev/null | grep -q "$2" && { echo "$_i"; return; }
		_i=$((_i + 1))
	done
	echo 0
}
# lint_cong_van PDF WHAT: the dispatch's print lint, its appendix full
lint_cong_van() {
	[ -s "$1" ] || fail "$2: no dispatch"
	_pl=$(first_page "$1" '^Phụ lục$')
	[ "$_pl" -gt 1 ] || fail "$2: the dispatch has no appendix"
	$LINT --number-alone --full-from "$_pl" "$1" || fail "$2: the dispatch fails the print lint"
}

# The sample.
export SOURCE_DATE_EPOCH=1719792000
run_chitieu -q -i input -o "$WORK/s"
expect_rc 0
# sig_page PDF: the number of the page that holds "Nơi nhận:" (0: none)
sig_page() { first_page "$1" '^Nơi nhận:'; }
s_nn=$(sig_page "$WORK/s/2024-Q4/bao-cao.pdf")
[ "$s_nn" -gt 1 ] || fail "the sample's report has no page with Nơi nhận"
$LINT --number-alone --full-until "$s_nn" "$WORK/s/2024-Q4/bao-cao.pdf" || fail "the sample's report fails the print lint"
# the scorecards: the same rules (nothing cut with "…" either: a name
# goes smaller, notes give way to the report's notes appendix)
$LINT "$WORK/s/2024-Q4/the-diem.pdf" || fail "the sample's scorecards fail the print lint"
lint_cong_van "$WORK/s/2024-Q4/cong-van-don-doc.pdf" "the sample"

# The province: 2024-Q3 published, then 2024-Q4 into the same root.
$PY "$TOP/tests/gen_province.py" "$WORK/p" 200 || fail "gen_province.py failed"
run_chitieu -q -i "$WORK/p" -o "$WORK/po" -k 2024-Q3
expect_rc 0
run_chitieu -q -i "$WORK/p" -o "$WORK/po" -k 2024-Q4
expect_rc 0
pdf="$WORK/po/2024-Q4/bao-cao.pdf"
$LINT --number-alone "$pdf" || fail "the 200-unit report fails the print lint"
$LINT "$WORK/po/2024-Q4/the-diem.pdf" || fail "the 200-unit scorecards fail the print lint"
lint_cong_van "$WORK/po/2024-Q3/cong-van-don-doc.pdf" "the 200-unit province in 2024-Q3"
lint_cong_van "$WORK/po/2024-Q4/cong-van-don-doc.pdf" "the 200-unit province in 2024-Q4"

pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
i=1
nn=0
pl1=0
while [ "$i" -le "$pages" ]; do
	pdftotext -enc UTF-8 -f "$i" -l "$i" "$pdf" "$WORK/page$i.txt" 2>/dev/null
	[ "$nn" -eq 0 ] && grep -q '^Nơi nhận:' "$WORK/page$i.txt" && nn=$i
	[ "$pl1" -eq 0 ] && grep -qx 'Phụ lục I' "$WORK/page$i.txt" && pl1=$i
	i=$((i + 1))
done
[ "$nn" -gt 0 ] || fail "no page holds Nơi nhận (empty bao-cao.conf)"
[ "$pl1" -gt "$nn" ] || fail "Nơi nhận (page $nn) does not precede Phụ lục I (page $pl1)"
grep -q '^TM\. …' "$WORK/page$nn.txt" || fail "the page of Nơi nhận lacks the TM. line's blank"
grep -q 'Lưu: VT, …' "$WORK/page$nn.txt" || fail "Nơi nhận lacks its blanks"
! grep -q 'Như trên' "$WORK/page$nn.txt" || fail "Như trên without kinh_gui"
# the body's pages (before the signature's) at most a third empty
$LINT --full-until "$nn" "$pdf" || fail "a page of the 200-unit report's body is more than a third empty"


# The notes appendix: each planted note exactly once in the whole report,
# none in the body (the body refers to the appendix).
pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | tr '\n\f' '  ' | tr -s ' ' >"$WORK/all"
n_plant=0
while IFS= read -r note; do
	key=${note%% *}
	c=$(grep -o -- "$key " "$WORK/all" | wc -l)
	[ "$c" -eq 1 ] || fail "the planted note $key is printed $c times"
	n_plant=$((n_plant + 1))
done <"$WORK/p.ghi-chu.txt"
[ "$n_plant" -ge 5 ] || fail "only $n_plant notes planted"
grep -qF 'GHI CHÚ CỦA ĐƠN VỊ' "$WORK/all" || fail "no notes appendix"
c=$(grep -o 'Có hồ sơ trễ hạn, đã xin lỗi người dân; “đã khắc phục”' "$WORK/all" | wc -l)
n_units=$(grep -c '"Có hồ sơ trễ hạn' "$WORK"/p/so-lieu/*.csv | awk -F: '$2 > 0' | wc -l)
[ "$c" -eq "$n_units" ] || fail "a repeated note printed $c times for $n_units units (once each, with “ ” quotes)"
grep -qF 'tháng 1, 3 và 5' "$WORK/all" || fail "a note's months are not named as people say them"

# Section II: the change against the published 2024-Q3 for every target.
pdftotext -enc UTF-8 -l "$nn" "$pdf" - 2>/dev/null | tr '\n\f' '  ' | tr -s ' ' | sed 's/\xc2\xa0/ /g' >"$WORK/body"
n_t=$(($(wc -l <"$WORK/p/chi-tieu.csv") - 1))
c=$(grep -o 'So với 9 tháng năm 2024: toàn tỉnh' "$WORK/body" | wc -l)
[ "$c" -eq "$n_t" ] || fail "section II states the change against 9 tháng năm 2024 for $c of $n_t targets"
grep -Eq 'toàn tỉnh (tăng|giảm) [0-9]+,[0-9]{2} điểm %' "$WORK/body" || fail "no change in điểm % in section II"
# the marks at the figures, explained with their months
grep -qF '†' "$WORK/body" || fail "no mark at a unit's figures missing months"
grep -qF 'thiếu số liệu tháng 12' "$WORK/all" || fail "the missing month is not named"
! grep -qF 'trang tin' "$WORK/all" || fail "the PDF refers to the web site"

# Render every page (looked at by hand; here: each page renders).
if command -v pdftoppm >/dev/null; then
	pdftoppm -r 30 -png "$pdf" "$WORK/r" || fail "pdftoppm cannot render the report"
	[ "$(ls "$WORK"/r-*.png | wc -l)" -eq "$pages" ] || fail "not every page rendered"
fi
echo ok
