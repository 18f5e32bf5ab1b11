# SPDX-License-Identifier: MIT
# The report as one document (SPEC "The quarterly report"): the decree's
# order in the PDF (the signature's page before the first appendix, each
# appendix from a new page with its own page numbers), the same sentences
# in bao-cao.md and in the PDF (sections I and II, both ways), the clerk's
# noi-dung.md in the PDF, bao-cao.md and the site, numbered on, its
# hostile cases, and the golden bao-cao.md of the sample.
. tests/e2e/lib.sh
set -e
export SOURCE_DATE_EPOCH=1735603200

run_chitieu -q -i input -o "$WORK/o"
expect_rc 0
ky=$(ls "$WORK/o" | grep -v index.html)
pdf="$WORK/o/$ky/bao-cao.pdf"
md="$WORK/o/$ky/bao-cao.md"
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')

# ---- page order ----
mkdir -p "$WORK/p"
i=1
while [ "$i" -le "$pages" ]; do
	# the running head (the provisional mark, lich_su) shares the top line
	# with the page number: left out, as the number is a line of its own
	pdftotext -enc UTF-8 -f "$i" -l "$i" "$pdf" - 2>/dev/null |
		awk 'NF && !top { sub(/[[:space:]]*SỐ LIỆU TẠM TÍNH – .*$/, ""); top = 1 } 1' >"$WORK/p/$i.txt"
	i=$((i + 1))
done
first_line() { grep -v '^[[:space:]]*$' "$WORK/p/$1.txt" | head -n 1; }
page_of() { # the first page whose text has $1
	i=1
	while [ "$i" -le "$pages" ]; do
		grep -qF -- "$1" "$WORK/p/$i.txt" && { echo "$i"; return; }
		i=$((i + 1))
	done
	echo 0
}
starts() { # the first page that begins with the line $1
	i=1
	while [ "$i" -le "$pages" ]; do
		[ "$(first_line "$i")" = "$1" ] && { echo "$i"; return; }
		i=$((i + 1))
	done
	echo 0
}
nn=$(page_of "Nơi nhận")
p1=$(starts "Phụ lục I")
p2=$(starts "Phụ lục II")
p3=$(starts "Phụ lục III")
[ "$nn" -gt 0 ] || fail "no page holds Nơi nhận"
[ "$p1" -gt "$nn" ] || fail "Phụ lục I (page $p1) does not start a page after Nơi nhận (page $nn)"
[ "$p2" -gt "$p1" ] || fail "Phụ lục II does not start a page after Phụ lục I ($p2, $p1)"
[ "$p3" -gt "$p2" ] || fail "Phụ lục III (the deadline tasks) does not start a page after Phụ lục II"
# an appendix's own numbers: none on its first page, 2 on its second
for p in "$p1" "$p2" "$p3"; do
	[ "$(first_line $((p + 1)))" = 2 ] || fail "page $((p + 1)), the second of the appendix at page $p, is not numbered 2"
done
[ "$(first_line 2)" = 2 ] || fail "the body's second page is not numbered 2"
# the body flows: section I starts on the first page, under the opening
[ "$(page_of "I. KẾT QUẢ CHUNG")" = 1 ] || fail "section I does not start on page 1"
# nothing of the main document after the signature: no section heading
i=$((nn + 1))
while [ "$i" -le "$pages" ]; do
	! grep -qE '^(I|II|III|IV|V|VI)\. [A-ZĐ]' "$WORK/p/$i.txt" || fail "a body section after the signature (page $i)"
	i=$((i + 1))
done
grep -qF "Kèm theo Báo cáo số" "$WORK/p/$p2.txt" || fail "Phụ lục II lacks its (Kèm theo …) line"
# the order of the body: header, opening, I, II, III, the clerk's IV…VI
tr '\n' ' ' <"$md" | tr -s ' ' >"$WORK/md1"
order_ok() { # texts in order in file $1
	f=$1; shift
	awk -v list="$*" 'BEGIN { n = split(list, w, "|") } { s = s $0 } END {
		at = 0
		for (i = 1; i <= n; i++) { p = index(substr(s, at + 1), w[i]); if (!p) { print w[i]; exit 1 }; at += p }
	}' "$f"
}
order_ok "$WORK/md1" "CỘNG HÒA XÃ HỘI|BÁO CÁO|Thực hiện Kế hoạch số|I. KẾT QUẢ CHUNG|II. KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU|III. CÔNG BỐ THỦ TỤC|IV. ĐÁNH GIÁ CHUNG|1\\. Nguyên nhân|V. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI|VI. KIẾN NGHỊ, ĐỀ XUẤT|Nơi nhận|Phụ lục I|Phụ lục II|Phụ lục III|Lập bởi chitieu" ||
	fail "bao-cao.md is not in the decree's order (above: the first text missing or out of place)"
cat "$WORK"/p/*.txt >/dev/null
i=1; : >"$WORK/pdf1"
while [ "$i" -le "$pages" ]; do tr '\n\f' '  ' <"$WORK/p/$i.txt" >>"$WORK/pdf1"; i=$((i + 1)); done
tr -s ' ' <"$WORK/pdf1" >"$WORK/pdf2"
order_ok "$WORK/pdf2" "CỘNG HÒA XÃ HỘI|BÁO CÁO|Thực hiện Kế hoạch số|I. KẾT QUẢ CHUNG|II. KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU|III. CÔNG BỐ THỦ TỤC|IV. ĐÁNH GIÁ CHUNG|1. Nguyên nhân|V. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI|VI. KIẾN NGHỊ, ĐỀ XUẤT|Nơi nhận|Phụ lục I|Phụ lục II|Phụ lục III|Lập bởi chitieu" ||
	fail "the PDF is not in the decree's order"

# ---- one document: sections I and II say the same in both ----
# bao-cao.md from "## I." to "## III.", Markdown marks and figures removed;
# the PDF's text over the same span, page numbers removed.  A chart and
# its caption may float to the next page while the text flows on: the
# captions are compared apart (each once in both), the rest in order.
grep '^\*Biểu đồ ' "$md" | sed -e 's/^\*//' -e 's/\*$//' -e 's/\\\(.\)/\1/g' -e 's/\xc2\xa0/ /g' |
	tr -s ' ' >"$WORK/caps"
[ -s "$WORK/caps" ] || fail "bao-cao.md has no chart captions"
awk '/^## I\. /{on=1} /^## III\. /{on=0} on' "$md" |
	grep -v '^!\[' | grep -v '^\*Biểu đồ ' | sed -e 's/^#* //' -e 's/\\\*/¤/g' -e 's/\*//g' -e 's/¤/*/g' -e 's/\\\(.\)/\1/g' |
	sed 's/\xc2\xa0/ /g' | tr '\n' ' ' | tr -s ' ' | sed 's/ $//' >"$WORK/md-I-II"
i=1; : >"$WORK/pdf-all"
while [ "$i" -le "$pages" ]; do
	# the first line of a page from the second on is its number
	# and its foot the provisional mark
	if [ "$i" -gt 1 ]; then sed '1{/^[0-9][0-9]*$/d}' "$WORK/p/$i.txt"; else cat "$WORK/p/$i.txt"; fi |
		sed '/^SỐ LIỆU TẠM TÍNH – .*, xem mục I$/d' >>"$WORK/pdf-all"
	i=$((i + 1))
done
sed 's/\xc2\xa0/ /g' "$WORK/pdf-all" | tr '\n\f' '  ' | tr -s ' ' |
	awk '{ a = index($0, "I. KẾT QUẢ CHUNG"); b = index($0, "III. CÔNG BỐ"); print substr($0, a, b - a) }' >"$WORK/pdf-flow"
awk 'NR == FNR { cap[++n] = $0; next }
	{ for (k = 1; k <= n; k++) {
		i = index($0, cap[k] " ")
		if (!i) { print "no caption in the PDF: " cap[k] > "/dev/stderr"; bad = 1; continue }
		$0 = substr($0, 1, i - 1) substr($0, i + length(cap[k]) + 1)
	  }
	  print }
	END { exit bad }' "$WORK/caps" "$WORK/pdf-flow" | sed 's/ $//' >"$WORK/pdf-I-II" ||
	fail "a chart's caption is missing from the PDF"
[ "$(wc -c <"$WORK/md-I-II")" -gt 2000 ] || fail "sections I and II of bao-cao.md are too short"
if [ "$(cat "$WORK/md-I-II")" != "$(cat "$WORK/pdf-I-II")" ]; then
	tr ' ' '\n' <"$WORK/md-I-II" >"$WORK/a"; tr ' ' '\n' <"$WORK/pdf-I-II" >"$WORK/b"
	diff "$WORK/a" "$WORK/b" | head -n 60
	fail "sections I and II differ between bao-cao.md and the PDF"
fi

# ---- noi-dung.md in the three outputs ----
html="$WORK/o/$ky/site/bao-cao.html"
for t in "Thực hiện Kế hoạch số 45/KH-UBND" "Hạ tầng công nghệ thông tin tại cấp xã" \
	"Việc đồng bộ kết quả xử lý hồ sơ lên Cổng Dịch vụ công quốc gia còn chậm" \
	"Đơn vị chưa đạt từ 3 chỉ tiêu trở lên" "Cần tập trung chỉ đạo" "đạt chỉ tiêu được giao" \
	"tỷ lệ thanh toán trực tuyến"; do
	grep -qF -- "$t" "$WORK/pdf2" || fail "the PDF lacks noi-dung.md's: $t"
	grep -qF -- "$t" "$md" || fail "bao-cao.md lacks noi-dung.md's: $t"
	grep -qF -- "$t" "$html" || fail "site/bao-cao.html lacks noi-dung.md's: $t"
done
grep -qF "<strong>đạt chỉ tiêu được giao</strong>" "$html" || fail "bold lost on the site"
grep -qF "<em>tỷ lệ thanh toán trực tuyến</em>" "$html" || fail "italic lost on the site"
grep -qF "<td>Cần tập trung chỉ đạo</td>" "$html" || fail "the clerk's table is not a table on the site"
grep -qF "<h2>IV. ĐÁNH GIÁ CHUNG</h2>" "$html" || fail "the clerk's section is not numbered on the site"
grep -qF "<ol>" "$html" || fail "the numbered list is not a list on the site"
# the comment at the top of the sample is not text
! grep -qF "ĐÂY LÀ NỘI DUNG MẪU" "$md" || fail "an HTML comment of noi-dung.md reached bao-cao.md"

# ---- golden bao-cao.md of the sample ----
v=$(cat VERSION)
sed -e "s/chitieu $v\\b/chitieu VERSION/" -e 's/[0-9a-f]\{64\}/SHA256/g' "$md" >"$WORK/golden-got"
if ! cmp -s tests/golden/sample/bao-cao.md "$WORK/golden-got"; then
	diff tests/golden/sample/bao-cao.md "$WORK/golden-got" | head -n 30
	fail "bao-cao.md differs from tests/golden/sample/bao-cao.md (regenerate it with tools/golden.sh when the change is meant)"
fi

# ---- without noi-dung.md: no opening, no clerk's sections, no warning ----
copy_sample "$WORK/in"
rm "$WORK/in/noi-dung.md"
run_chitieu -i "$WORK/in" -o "$WORK/o2"
expect_rc 0
expect_no_err "noi-dung"
m2=$(ls "$WORK"/o2/*/bao-cao.md)
! grep -qF "Thực hiện Kế hoạch" "$m2" || fail "an opening without noi-dung.md"
! grep -q "^## IV\\." "$m2" || fail "a fourth section without noi-dung.md"
grep -q "^## III\\." "$m2" || fail "the deadline section went with noi-dung.md"

# ---- hostile noi-dung.md ----
# invalid UTF-8: an error at its line and column, exit 1, nothing written
printf 'Dòng một\n\nab\377c\n' >"$WORK/in/noi-dung.md"
run_chitieu -i "$WORK/in" -o "$WORK/o3"
expect_rc 1
expect_err "noi-dung.md:3:3: error: invalid UTF-8"
[ ! -e "$WORK/o3" ] || [ -z "$(ls "$WORK/o3")" ] || fail "a failed run wrote outputs"
# a folder in its place: an error naming it
rm "$WORK/in/noi-dung.md"; mkdir "$WORK/in/noi-dung.md"
run_chitieu -i "$WORK/in" -o "$WORK/o3"
expect_rc 1
expect_err "noi-dung.md: error: cannot read the file: it is a folder, not a file"
rmdir "$WORK/in/noi-dung.md"
# raw HTML and an image: left out, a warning with the line each; --strict fails
printf 'Mở đầu.\n\n<div>khối HTML</div>\n\nCó ảnh ![sơ đồ](so-do.png) và <b>thẻ</b> ở đây.\n\n#### Tiêu đề sâu\n\n# Mục của văn phòng\n\nNội dung.\n' >"$WORK/in/noi-dung.md"
run_chitieu -i "$WORK/in" -o "$WORK/o4"
expect_rc 0
expect_err "noi-dung.md:3:1: warning: raw HTML is not rendered"
expect_err "noi-dung.md:5:8: warning: an image is not rendered"
expect_err "noi-dung.md:5:31: warning: raw HTML is not rendered"
m4=$(ls "$WORK"/o4/*/bao-cao.md)
! grep -qF "khối HTML" "$m4" || fail "raw HTML reached bao-cao.md"
! grep -qF "so-do.png" "$m4" || fail "an image reached bao-cao.md"
grep -qF "**Tiêu đề sâu**" "$m4" || fail "a #### heading is not a bold paragraph"
grep -q "^## IV\\. MỤC CỦA VĂN PHÒNG" "$m4" || fail "the clerk's # section is not numbered IV"
run_chitieu --strict -i "$WORK/in" -o "$WORK/o5"
expect_rc 1
# a very long paragraph breaks across pages; a wide table wraps, never cut
awk 'BEGIN { printf "# Mục dài\n\n"; for (i = 1; i <= 2500; i++) printf "từ%d ", i; printf "cuối.\n\n| "
	for (k = 1; k <= 12; k++) printf "Cột số %d có tiêu đề dài | ", k; printf "\n|"
	for (k = 1; k <= 12; k++) printf "---|"; printf "\n| "
	for (k = 1; k <= 12; k++) printf "ô%d nội dung rất dài không cắt ở lề | ", k; print "" }' >"$WORK/in/noi-dung.md"
run_chitieu -q -i "$WORK/in" -o "$WORK/o6"
expect_rc 0
p6=$(ls "$WORK"/o6/*/bao-cao.pdf)
pdftotext -enc UTF-8 "$p6" - 2>/dev/null | tr '\n\f' '  ' | tr -s ' ' >"$WORK/t6"
for w in "từ1 " "từ1250 " "từ2500 cuối." "ô1 " "ô7 " "ô12 "; do
	grep -qF -- "$w" "$WORK/t6" || fail "the long paragraph or the wide table lost: $w"
done
# every word of every cell is there: wrapped in its cell, not cut at the margin
[ "$(grep -o 'lề' "$WORK/t6" | wc -l)" -eq 12 ] || fail "a cell of the wide table lost its last word"
[ "$(grep -o 'dài' "$WORK/t6" | wc -l)" -ge 24 ] || fail "a header or cell of the wide table lost words"
a=$(grep -c . "$WORK/p/1.txt")
[ "$(pdfinfo "$p6" | awk '/^Pages:/ { print $2 }')" -gt "$pages" ] || fail "a 2,500-word paragraph did not add pages"
exit 0
