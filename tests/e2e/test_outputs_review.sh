#!/bin/sh
# SPDX-License-Identifier: MIT
# The outputs as their readers see them: period words in every output for
# quarter, half-year, month and year windows; the target line drawn in the
# trend charts; hostile but valid text (a 200-character unit name, a
# 600-character target name, notes full of Markdown and HTML, figures in
# notes) kept whole and escaped; 25 targets, 1 target, two groups.
. tests/e2e/lib.sh
set -e
export SOURCE_DATE_EPOCH=1735603200
need pdftotext poppler-utils

# pdf_text FILE: the text layer, one line per line, no poppler noise.
pdf_text() { pdftotext -layout "$1" - 2>/dev/null; }
pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# The target line of every target chart is drawn, not only its key
# sample: its path has a second segment.
check_target_lines() {
	for svg in "$1"/charts/chi-tieu-*.svg; do
		awk '/<title>Chỉ tiêu: / {f = 1} f && /stroke-dasharray/ {
			n = gsub(/M[0-9]/, "&"); exit (n >= 2 ? 0 : 1) }
			END { if (!f) exit 1 }' "$svg" || fail "$svg: the target line is not drawn"
	done
}

# --- period words, one run per kind of window -------------------------
for pair in "2024-Q1|Quý I năm 2024" "2024-Q2|6 tháng đầu năm 2024" \
	"2024-05|5 tháng đầu năm 2024" "2024-Q4|Năm 2024"; do
	ky=${pair%%|*}
	words=${pair#*|}
	lower=$(printf '%s' "$words" | sed 's/^Năm/năm/; s/^Quý/quý/')
	run_chitieu -q -i "$TOP/input" -o "$WORK/o" -k "$ky"
	expect_rc 0
	d="$WORK/o/$ky"
	# the report's title, its appendix header and the scorecards
	grep -qF "$lower" "$d/bao-cao.md" || fail "$ky: bao-cao.md lacks '$lower'"
	pdf_text "$d/bao-cao.pdf" | grep -qF "Kết quả $lower" || fail "$ky: bao-cao.pdf lacks 'Kết quả $lower'"
	pdf_text "$d/the-diem.pdf" | grep -qF "$words" || fail "$ky: the-diem.pdf lacks '$words'"
	grep -qF "$words" "$d/site/index.html" || fail "$ky: site/index.html lacks '$words'"
	grep -qF "$words" "$WORK/o/index.html" || fail "$ky: the archive page lacks '$words'"
	# no other window's words leak in
	for other in "Quý I năm" "6 tháng đầu năm" "5 tháng đầu năm" "9 tháng năm"; do
		case "$words" in "$other"*) continue ;; esac
		# (the earlier period this root holds is named where the report
		# compares with it: "So với báo cáo Quý I năm 2024, …", section
		# II's "So với Quý I năm 2024: toàn tỉnh tăng …" and the
		# restatements' "Đã công bố (Quý I năm 2024)")
		! grep -v 'So với báo cáo\|^So với \|Đã công bố (' "$d/bao-cao.md" | grep -qiF "$other" || fail "$ky: bao-cao.md says '$other'"
	done
	# one way to print a percentage, the site's and the dispatch's: "80%"
	for f in bao-cao the-diem; do
		! pdftotext "$d/$f.pdf" - 2>/dev/null | grep -q '[0-9] %' || fail "$ky: $f.pdf prints '80 %'"
	done
	# the latest period in words, not a code, in the report's prose
	! pdf_text "$d/bao-cao.pdf" | grep -qF "mới nhất: kỳ $ky" || fail "$ky: bao-cao.pdf says 'kỳ $ky'"
	# the signed report ends with its colophon, not pages of hashes
	n_hex=$(pdftotext "$d/bao-cao.pdf" - 2>/dev/null | grep -c '[0-9a-f]\{64\}')
	[ "$n_hex" -le 1 ] || fail "$ky: bao-cao.pdf prints $n_hex lines of hashes"
	# a chart never names a quarter the window cuts short
	[ "$ky" != 2024-05 ] || ! grep -qF "Quý II" "$d"/charts/chi-tieu-*.svg ||
		fail "$ky: a chart calls April-May 'Quý II'"
	# the overview is one page; every unit page says what it is and for when
	pdftotext -f 2 -l 2 "$d/the-diem.pdf" - 2>/dev/null | grep -qxF "THẺ ĐIỂM CẢI CÁCH THỦ TỤC HÀNH CHÍNH – $words" ||
		fail "$ky: the-diem.pdf page 2 is not a unit page saying what it is"
	check_target_lines "$d"
done

# --- hostile but valid text ------------------------------------------
H="$WORK/h"
copy_sample "$H"
long_unit=$(awk 'BEGIN { s = ""; while (length(s) < 200) s = s "Trung tâm Phục vụ hành chính công tỉnh "; print substr(s, 1, 199) "Z" }')
long_target=$(awk 'BEGIN { s = ""; while (length(s) < 600) s = s "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn "; print substr(s, 1, 599) "Q" }')
# the long name on another department than the notes' below: "Trung tâm …"
# sorts after every "Sở …", past the ten units the report names
awk -v n="$long_unit" 'BEGIN { FS = OFS = "," } $1 == "so-khoa-hoc-cong-nghe" { $2 = n } { print }' \
	"$H/don-vi.csv" >"$H/x" && mv "$H/x" "$H/don-vi.csv"
awk -v n="$long_target" 'BEGIN { FS = OFS = "," } NR == 2 { sub(/^1,[^,]*/, "1," n) } { print }' \
	"$H/chi-tieu.csv" >"$H/x" && mv "$H/x" "$H/chi-tieu.csv"
# notes of one unit that fails target 1 in the sample (the first department
# in the report's order): a figure in a narrow cell on its first row,
# Markdown and HTML on its second
awk 'BEGIN { FS = OFS = "," } NR == 1 { print; next }
	NR == 2 { $5 = "1.234/5.678 (323.046/596.419)" }
	NR == 3 { $5 = "\"*đậm* # x | y <b>b</b> \"\"q\"\"\nhai\"" } { print }' \
	"$H/so-lieu/so-cong-thuong.csv" >"$H/x" && mv "$H/x" "$H/so-lieu/so-cong-thuong.csv"
run_chitieu -q -i "$H" -o "$WORK/oh" -k 2024-Q2
expect_rc 0
d="$WORK/oh/2024-Q2"
# one page per unit plus the overview pages, however long the name
units=$(($(wc -l <"$H/don-vi.csv") - 1))
pages=$(pdf_pages "$d/the-diem.pdf")
over=$(pdf_text "$d/the-diem.pdf" | awk 'BEGIN { RS = "\f" } /Nhóm: / { n++ } END { print n + 0 }')
[ "$over" -eq "$units" ] || fail "the-diem.pdf: $over unit pages for $units units"
[ "$pages" -lt $((units + 5)) ] || fail "the-diem.pdf: $pages pages for $units units"
# a figure inside a note is never cut across lines
pdf_text "$d/the-diem.pdf" | grep -qF "596.419" || fail "the-diem.pdf: the note's number is cut"
pdf_text "$d/bao-cao.pdf" | grep -qF "596.419" || fail "bao-cao.pdf: the note's number is cut"
# the long target name's last letter is printed in the appendix
pdftotext "$d/bao-cao.pdf" - 2>/dev/null | grep -q 'hQ$' || fail "bao-cao.pdf: the target name is cut"
# Markdown and HTML from notes arrive as text
grep -qF '&lt;b&gt;b&lt;/b&gt;' "$d/site/don-vi/so-cong-thuong.html" || fail "site: the note's <b> is not escaped"
! grep -qF '<b>b</b>' "$d/site/don-vi/so-cong-thuong.html" || fail "site: the note's <b> became HTML"
! grep -q '<em>đậm</em>' "$d/site/don-vi/so-cong-thuong.html" || fail "site: the note's *đậm* became emphasis"
check_target_lines "$d"

# --- a merged basis taller than a page --------------------------------
B="$WORK/b"
copy_sample "$B"
big=$(awk 'BEGIN { while (length(s) < 6000) s = s "Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ "; print s }')
sed "2s|Thực hiện theo Công văn số|$big&|" "$TOP/input/chi-tieu.csv" >"$B/chi-tieu.csv"
grep -q "của Chính phủ Căn cứ" "$B/chi-tieu.csv" || fail "the long basis was not written"
run_chitieu -q -i "$B" -o "$WORK/ob" -k 2024-Q2
expect_rc 0
# every row of Phụ lục I is on its pages, before Phụ lục II
last=$(awk -F, 'END { gsub(/"/, "", $2); split($2, w, " "); print w[1] " " w[2] " " w[3] }' "$TOP/input/chi-tieu.csv")
pdftotext "$WORK/ob/2024-Q2/bao-cao.pdf" - 2>/dev/null | awk '/^\f?Phụ lục II$/ { exit } on { print } /^\f?Phụ lục I$/ { on = 1 }' |
	grep -qF "$last" || fail "the appendix lost its last row ('$last') under a long merged basis"

# --- the data-quality page speaks Vietnamese --------------------------
Q="$WORK/q"
copy_sample "$Q"
echo "khoa_la = x" >>"$Q/bao-cao.conf"
touch "$Q/so-lieu/ghi-chu.txt"
u=$(awk -F, '$3 == "so" { print $1; exit }' "$Q/don-vi.csv")
t=$(awk -F, 'NR > 1 && $NF !~ /(^|\|)so(\||$)/ { print $1; exit }' "$Q/chi-tieu.csv")
tr -d '\r' <"$TOP/input/so-lieu/$u.csv" | sed '1s/^\xef\xbb\xbf//' |
	awk -v t="$t" 'NR == 1 { print $0 ",cot_la"; next } { print $0 ",1" } END { print "2024-01," t ",1,2,,1" }' \
	>"$Q/so-lieu/$u.csv"
run_chitieu -q -i "$Q" -o "$WORK/oq" -k 2024-05
expect_rc 0
for w in "unknown key" "not a .csv" "unknown column" "does not apply" "sent no data file" "do not cover"; do
	grep -qF "$w" "$WORK/err" || fail "the run did not warn '$w'"
	! grep -qF "$w" "$WORK/oq/2024-05/site/du-lieu.html" || fail "du-lieu.html: '$w' in English"
done
for w in "khóa lạ" "không phải tệp .csv" "cột lạ" "không áp dụng cho nhóm" "không gửi tệp số liệu" "không phủ hết"; do
	grep -qF "$w" "$WORK/oq/2024-05/site/du-lieu.html" || fail "du-lieu.html lacks '$w'"
done

# --- 25 targets and 1 target, two groups (no huyen) -----------------------
gen_input() { # DIR N_TARGETS
	mkdir -p "$1/so-lieu"
	printf 'ma,ten,thu_tu\nso,"Sở, ban, ngành tỉnh",1\nxa,UBND cấp xã,2\n' >"$1/nhom.csv"
	printf 'ma,ten,nhom,thuoc\n' >"$1/don-vi.csv"
	for g in so xa; do for k in 1 2 3; do
		printf '%s-%d,%s số %d,%s,\n' $g $k "$([ $g = so ] && echo Sở || echo 'UBND xã')" $k $g >>"$1/don-vi.csv"
	done; done
	awk -v n="$2" 'BEGIN {
		print "stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung"
		split(">=,<=,=", op, ","); split("80,10,100", gt, ",")
		for (s = 1; s <= n; s++)
			printf "%d,Tỷ lệ hồ sơ loại %d giải quyết đúng hạn,Các Sở,Văn phòng UBND tỉnh,%%,%s,%s,%s,so|xa\n",
				s, s, op[s % 3 + 1], gt[s % 3 + 1], (s % 4 == 1 ? "Kế hoạch số " s "/KH-UBND" : "")
	}' >"$1/chi-tieu.csv"
	for u in so-1 so-2 so-3 xa-1 xa-2 xa-3; do
		awk -v n="$2" -v seed="$u" 'BEGIN {
			print "ky,chi_tieu,tu_so,mau_so,ghi_chu"
			srand(length(seed) * 7 + n)
			for (m = 1; m <= 3; m++) for (s = 1; s <= n; s++) {
				d = int(rand() * 900000) + 100; t = int(d * (0.05 + rand() * 0.9))
				printf "2024-%02d,%d,%d,%d,\n", m, s, t, d }
		}' >"$1/so-lieu/$u.csv"
	done
}
for n in 25 1; do
	gen_input "$WORK/g$n" $n
	run_chitieu -q -i "$WORK/g$n" -o "$WORK/og$n"
	expect_rc 0
	d="$WORK/og$n/2024-03"
	[ -f "$d/bao-cao.pdf" ] || fail "$n targets: no report"
	pdf_text "$d/bao-cao.pdf" | grep -qF "Kết quả quý I năm 2024" || fail "$n targets: no period words"
	! grep -qi 'huyện' "$d/bao-cao.md" || fail "$n targets: a district group appears with no huyen group"
	units_pages=$(pdf_text "$d/the-diem.pdf" | awk 'BEGIN { RS = "\f" } /Nhóm: / { n++ } END { print n + 0 }')
	[ "$units_pages" -eq 6 ] || fail "$n targets: $units_pages scorecards for 6 units"
	# a target's value is never cut off ("Tối thiểu…" said no number)
	! pdftotext "$d/the-diem.pdf" - 2>/dev/null | grep -q 'Tối thiểu…\|Tối đa…' ||
		fail "$n targets: a scorecard cuts the target's value"
	# one panel per target in every unit chart, each titled "CT n: …"
	for svg in "$d"/charts/don-vi-*.svg; do
		[ "$(grep -c '>CT [0-9]*: ' "$svg")" -eq "$n" ] || fail "$n targets: $svg has not one panel per target"
	done
	check_target_lines "$d"
done
echo ok
