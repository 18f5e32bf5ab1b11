# SPDX-License-Identifier: MIT
# What every output agrees on, read from its text (tests/e2e/names_legend.py):
#   - a unit's name for people: two communes of one name under two
#     districts are named each with its district in the report (bao-cao.md,
#     bao-cao.pdf, bao-cao.docx), the scorecards (the-diem.pdf), the site
#     (every page, the unit pages' titles, the group matrix, the search
#     list), the charts' SVG titles and the urging dispatch (.md, .pdf,
#     .docx); a unit of a name of its own never carries its district;
#     ket-qua.csv keeps the codes and the registry's names;
#   - the one legend: each verdict state has the symbol and word of
#     fmt_chu_giai (as bao-cao.md prints it) in bao-cao.pdf, the-diem.pdf
#     and every site page, never another symbol.
# Then the same on a generated province (province12.sh: 200 units, five
# same-named commune pairs).  And each check fails on a planted difference.
. tests/e2e/lib.sh
. tests/e2e/province12.sh
set -e
need pdftotext poppler-utils
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import docx' 2>/dev/null ||
	skip "Debian's python3-docx is missing (apt-get install python3-docx)"
PY=/usr/bin/python3
NL="$TOP/tests/e2e/names_legend.py"
export SOURCE_DATE_EPOCH=1735603200

# Two communes of the sample renamed alike: xa-hong-van (huyện Ân Thi, it
# sends no figures, so the dispatch names it) and xa-nghia-dan (huyện Kim
# Động).
copy_sample "$WORK/in"
sed -i 's/^xa-hong-van,[^,]*,/xa-hong-van,UBND xã Đông Quang,/; s/^xa-nghia-dan,[^,]*,/xa-nghia-dan,UBND xã Đông Quang,/' "$WORK/in/don-vi.csv"
[ "$(grep -c ',UBND xã Đông Quang,' "$WORK/in/don-vi.csv")" -eq 2 ] || fail "the sample's registry changed: no xa-hong-van or xa-nghia-dan"
run_chitieu -q -i "$WORK/in" -o "$WORK/o1"
expect_rc 0
o=$(ls -d "$WORK"/o1/*/)
o=${o%/}
for f in bao-cao the-diem cong-van-don-doc; do
	pdftotext -enc UTF-8 "$o/$f.pdf" "$WORK/$f.txt" 2>/dev/null || fail "pdftotext $f.pdf failed"
done
# the unit pages' titles and headings; the charts' SVG titles
for u in xa-hong-van xa-nghia-dan; do
	sed -n 's:.*<title>\(.*\)</title>.*:\1:p; s:.*<h1[^>]*>\(.*\)</h1>.*:\1:p' "$o/site/don-vi/$u.html"
done >"$WORK/titles.txt"
[ "$(wc -l <"$WORK/titles.txt")" -ge 4 ] || fail "the unit pages have no <title> and <h1>"
for u in xa-hong-van xa-nghia-dan; do
	sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$o/charts/don-vi-$u.svg"
done >"$WORK/svg-titles.txt"
[ "$(wc -l <"$WORK/svg-titles.txt")" -ge 2 ] || fail "the units' charts have no <title>"
both=xa-hong-van,xa-nghia-dan
$PY "$NL" names "$WORK/in/don-vi.csv" \
	"$o/bao-cao.md@$both" "$WORK/bao-cao.txt@$both" "$o/bao-cao.docx@$both" \
	"$WORK/the-diem.txt@$both" \
	"$WORK/titles.txt@$both" "$o/site/nhom/xa.html@$both" "$o/site/tim-kiem.js@$both" \
	"$WORK/svg-titles.txt@$both" \
	"$o/cong-van-don-doc.md@xa-hong-van" "$WORK/cong-van-don-doc.txt@xa-hong-van" \
	"$o/cong-van-don-doc.docx@xa-hong-van" \
	$(ls "$o"/site/*.html "$o"/site/*/*.html "$o"/charts/*.svg) >"$WORK/names.log" ||
	{ cat "$WORK/names.log" >&2; fail "a unit's name differs from model_ten_don_vi somewhere"; }
# ket-qua.csv is for programs: the codes tell the two apart, the names are
# the registry's
awk -F, '$2 == "xa-hong-van" || $2 == "xa-nghia-dan" { print $2 "," $3 }' "$o/ket-qua.csv" | sort -u >"$WORK/kq"
printf 'xa-hong-van,UBND xã Đông Quang\nxa-nghia-dan,UBND xã Đông Quang\n' | cmp -s - "$WORK/kq" ||
	{ cat "$WORK/kq" >&2; fail "ket-qua.csv does not keep the codes and the registry's names"; }

# the names check fails on each planted difference: a bare name, the
# wrong district, a district after a name of its own, a file that lost one
sed '0,/Đông Quang (huyện Kim Động)/s//Đông Quang/' "$o/bao-cao.md" >"$WORK/p-bare.txt"
cmp -s "$o/bao-cao.md" "$WORK/p-bare.txt" && fail "the bare name was not planted"
sed 's/Đông Quang (huyện Kim Động)/Đông Quang (huyện Ân Thi)/g' "$o/site/nhom/xa.html" >"$WORK/p-wrong.html"
sed 's/UBND xã Toàn Thắng/UBND xã Toàn Thắng (huyện Kim Động)/' "$WORK/the-diem.txt" >"$WORK/p-own.txt"
! $PY "$NL" names "$WORK/in/don-vi.csv" "$WORK/p-bare.txt" "$WORK/p-wrong.html@$both" "$WORK/p-own.txt" >"$WORK/planted.log" ||
	fail "the names check passed planted differences"
grep -q "p-bare.txt: 'UBND xã Đông Quang' is named without the parent" "$WORK/planted.log" &&
	grep -q "p-wrong.html: does not name xa-nghia-dan" "$WORK/planted.log" &&
	grep -q "p-own.txt: 'UBND xã Toàn Thắng' is the only unit of its name, yet carries its parent" "$WORK/planted.log" ||
	{ cat "$WORK/planted.log" >&2; fail "the names check missed a planted difference"; }

# The legend: fmt_chu_giai's line as bao-cao.md prints it.
grep -o '[^ :]* Đạt; [^.]*Không áp dụng' "$o/bao-cao.md" | head -n 1 >"$WORK/legend.txt"
[ -s "$WORK/legend.txt" ] || fail "bao-cao.md has no legend line"
$PY "$NL" legend "$WORK/legend.txt" "$o/bao-cao.md" "$WORK/bao-cao.txt" "$WORK/the-diem.txt" \
	$(ls "$o"/site/*.html "$o"/site/*/*.html) >"$WORK/legend.log" ||
	{ cat "$WORK/legend.log" >&2; fail "a verdict state's symbol or word differs from the legend"; }
# fails on a planted difference: another symbol in the scorecards, on a
# site page; a legend gone from the report
sed 's/○ Không phát sinh/– Không phát sinh/' "$WORK/the-diem.txt" >"$WORK/p-sym.txt"
sed 's/? Chưa báo cáo/! Chưa báo cáo/' "$o/site/index.html" >"$WORK/p-sym.html"
sed 's/× Chưa đạt/Chưa đạt/g' "$WORK/bao-cao.txt" >"$WORK/p-gone.txt"
! $PY "$NL" legend "$WORK/legend.txt" "$WORK/p-sym.txt" "$WORK/p-sym.html" "$WORK/p-gone.txt" >"$WORK/planted.log" ||
	fail "the legend check passed planted differences"
grep -q "p-sym.txt: '– Không phát sinh' where the legend says '○ Không phát sinh'" "$WORK/planted.log" &&
	grep -q "p-sym.html: '! Chưa báo cáo' where the legend says '? Chưa báo cáo'" "$WORK/planted.log" &&
	grep -q "p-gone.txt: no '× Chưa đạt'" "$WORK/planted.log" ||
	{ cat "$WORK/planted.log" >&2; fail "the legend check missed a planted difference"; }

# A generated province: 200 units, five pairs of same-named communes
# ("UBND xã Đông Quang 1".."5") under different districts.
[ -z "${CHITIEU_WRAP:-}" ] || exit 0 # minutes under valgrind; the sample ran
province12 "$WORK/p"
run_chitieu -q -i "$WORK/p" -o "$WORK/p-out"
expect_rc 0
po=$(ls -d "$WORK"/p-out/*/)
po=${po%/}
pair=$(awk -F, '$2 == "UBND xã Đông Quang 1" { printf "%s%s", s, $1; s = "," }' "$WORK/p/don-vi.csv")
[ -n "$pair" ] || fail "province12 made no same-named communes"
pdftotext -enc UTF-8 "$po/bao-cao.pdf" "$WORK/p-bao-cao.txt" 2>/dev/null || fail "pdftotext bao-cao.pdf failed"
pdftotext -enc UTF-8 "$po/the-diem.pdf" "$WORK/p-the-diem.txt" 2>/dev/null || fail "pdftotext the-diem.pdf failed"
$PY "$NL" names "$WORK/p/don-vi.csv" "$po/bao-cao.md@$pair" "$WORK/p-bao-cao.txt@$pair" \
	"$WORK/p-the-diem.txt@$pair" "$po/site/nhom/xa.html@$pair" "$po/site/tim-kiem.js@$pair" \
	"$po/cong-van-don-doc.md" $(ls "$po"/site/*.html "$po"/site/don-vi/*.html) >"$WORK/names.log" ||
	{ cat "$WORK/names.log" >&2; fail "the generated province: a unit's name differs from model_ten_don_vi"; }
grep -o '[^ :]* Đạt; [^.]*Không áp dụng' "$po/bao-cao.md" | head -n 1 >"$WORK/p-legend.txt"
cmp -s "$WORK/legend.txt" "$WORK/p-legend.txt" || fail "the generated province's legend differs from the sample's"
$PY "$NL" legend "$WORK/legend.txt" "$WORK/p-bao-cao.txt" "$WORK/p-the-diem.txt" "$po/site/index.html" \
	"$po/site/nhom/xa.html" >"$WORK/legend.log" ||
	{ cat "$WORK/legend.log" >&2; fail "the generated province: a verdict state's symbol differs from the legend"; }
exit 0
