# SPDX-License-Identifier: MIT
# The dashboard's figures (issue 26) on a generated province of 200 units
# (tools/genbench.c, then tests/e2e/tinh.py: 13 targets, 12 of them for the
# communes, same-named communes under different districts, notes, missing
# months, an empty bao-cao.conf), run for 2024-Q3 then 2024-Q4 into one
# output root: each district page's roll-up equals the sums of its
# communes' rows in ket-qua.csv, the index's bottom-10 lists equal a
# ranking computed from ket-qua.csv, the two periods' unit pages link to
# each other both ways and the change agrees with both ket-qua.csv, the
# unit charts' figures by period equal the input's sums and ket-qua.csv
# (tests/e2e/dashboard_check.py).  The check must fail on a spoiled page.
. tests/e2e/lib.sh
set -e
PY=/usr/bin/python3
[ -x "$PY" ] || skip "$PY is missing (apt-get install python3): the dashboard's figures were not checked"
${CC:-cc} -std=c11 -O2 -o "$WORK/genbench" "$TOP/tools/genbench.c" || fail "genbench does not compile"
"$WORK/genbench" -w 20 province "$WORK/in" >/dev/null || fail "genbench failed"
$PY "$TOP/tests/e2e/tinh.py" "$WORK/in" || fail "tinh.py failed"
run_chitieu -q -i "$WORK/in" -o "$WORK/o" -k 2024-Q3
expect_rc 0
run_chitieu -q -i "$WORK/in" -o "$WORK/o" -k 2024-Q4
expect_rc 0
$PY "$TOP/tests/e2e/dashboard_check.py" "$WORK/in" "$WORK/o" 2024-Q3 2024-Q4 >"$WORK/check.log" 2>&1 ||
	{ cat "$WORK/check.log" >&2; fail "the dashboard's figures disagree with ket-qua.csv"; }
cat "$WORK/check.log"

# The check can fail: a roll-up's Σ tử số off by one, a unit dropped from
# a bottom list, a link between periods gone.
cp -r "$WORK/o" "$WORK/bad"
p=$(ls "$WORK"/bad/2024-Q4/site/dia-ban/*.html | head -n 1)
$PY - "$p" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
head, rest = s.split("Tổng hợp các đơn vị trực thuộc</h2>", 1)
# the first row's Σ tử số, found by its column's head
heads = re.findall(r"<th[^>]*>(.*?)</th>", rest.split("</thead>", 1)[0], re.S)
k = [re.sub(r"<[^>]*>", "", h).strip() for h in heads].index("Σ Tử số")
row = re.search(r"<tr>\s*<td[^>]*>.*?chi-tieu/\d+\.html", rest, re.S)
at = row.start()
for _ in range(k + 1):
    at = rest.index("<td", at + 1)
cells = re.compile(r"<td[^>]*>([\d.]+)").match(rest, at)
n = int(cells.group(1).replace(".", "")) + 1
rest = rest[:cells.start(1)] + str(n) + rest[cells.end(1):]
open(p, "w", encoding="utf-8").write(head + "Tổng hợp các đơn vị trực thuộc</h2>" + rest)
PY
! $PY "$TOP/tests/e2e/dashboard_check.py" "$WORK/in" "$WORK/bad" 2024-Q3 2024-Q4 >"$WORK/bad.log" 2>&1 ||
	fail "the check did not see a spoiled roll-up"
grep -q "^FAIL: dia-ban/" "$WORK/bad.log" || { cat "$WORK/bad.log" >&2; fail "the spoiled roll-up was not named"; }
rm -rf "$WORK/bad"
cp -r "$WORK/o" "$WORK/bad"
sed -i 's#rel="next"#rel="x"#' "$WORK"/bad/2024-Q3/site/don-vi/*.html
! $PY "$TOP/tests/e2e/dashboard_check.py" "$WORK/in" "$WORK/bad" 2024-Q3 2024-Q4 >"$WORK/bad.log" 2>&1 ||
	fail "the check did not see the links between periods gone"
rm -rf "$WORK/bad"
# a unit chart's figure one point off (the first rate in a description)
cp -r "$WORK/o" "$WORK/bad"
svg=$(ls "$WORK"/bad/2024-Q4/charts/don-vi-xa-*.svg | head -n 1)
$PY - "$svg" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
d = s.index("<desc>")
m = re.compile(r"Quý I (\d+),").search(s, d)
s = s[:m.start(1)] + str(int(m.group(1)) + 1) + s[m.end(1):]
open(p, "w", encoding="utf-8").write(s)
PY
! $PY "$TOP/tests/e2e/dashboard_check.py" "$WORK/in" "$WORK/bad" 2024-Q3 2024-Q4 >"$WORK/bad.log" 2>&1 ||
	fail "the check did not see a unit chart's figure spoiled"
grep -q "^FAIL: 2024-Q4/charts/don-vi-xa-" "$WORK/bad.log" || { cat "$WORK/bad.log" >&2; fail "the spoiled chart was not named"; }
# a unit dropped from a bottom-10 list; a change's sign turned
spoil() { # NAME PATTERN: the check must fail, naming PATTERN
	! $PY "$TOP/tests/e2e/dashboard_check.py" "$WORK/in" "$WORK/bad" 2024-Q3 2024-Q4 >"$WORK/bad.log" 2>&1 ||
		fail "the check did not see $1"
	grep -q "^FAIL: $2" "$WORK/bad.log" || { cat "$WORK/bad.log" >&2; fail "$1 was not named"; }
	rm -rf "$WORK/bad"
}
rm -rf "$WORK/bad"
cp -r "$WORK/o" "$WORK/bad"
$PY - "$WORK/bad/2024-Q4/site/index.html" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
head, rest = s.split("Đơn vị chưa đạt nhiều chỉ tiêu nhất</h2>", 1)
rest = re.sub(r'<a href="don-vi/[^"]+\.html">[^<]*</a> \(\d+/\d+\)', "", rest, count=1)
open(p, "w", encoding="utf-8").write(head + "Đơn vị chưa đạt nhiều chỉ tiêu nhất</h2>" + rest)
PY
spoil "a unit dropped from a bottom-10 list" "group "
cp -r "$WORK/o" "$WORK/bad"
f=$(grep -l 'kỳ trước ▲' "$WORK"/bad/2024-Q4/site/don-vi/xa-*.html | head -n 1)
sed -i '0,/kỳ trước ▲/s//kỳ trước ▼/' "$f"
spoil "a change with its sign turned" "don-vi/.*change"
echo "ok: the check fails on a spoiled roll-up, on missing links between periods, on a unit chart's figure, on a bottom-10 list short of a unit and on a change's sign"
