# SPDX-License-Identifier: MIT
# The site against the checks SPEC names, in real tools: axe-core through
# puppeteer-core on the system Chromium (no serious or critical violation
# on the index, a group, a unit, a target, the data-quality and the report
# pages), no request leaving the site, no page wider than 360 px, sorting
# by a header click with aria-sort, the diacritics-insensitive unit search
# and the group filter, every row there with JavaScript off
# (tests/browser/check.js); and the Nu HTML Checker (vnu-jar on Java): no
# error on any page.  The npm packages come from tests/browser/setup.sh
# (pinned in its package-lock.json).  Screenshots, sorted and filtered,
# land in tests/artefacts/site/.
# Then the dashboard (issue 26, tests/browser/dashboard.js) on a generated
# province of 200 units with 12 targets for its communes
# (tests/e2e/tinh.py): axe's WCAG 2.2 AA rules at 1280 and 360 px on every
# page kind (the index, two groups, a district, a commune and a department,
# a target, the report, data quality, restatements, deadlines), on a
# matrix filtered to "chỉ đơn vị chưa đạt" and on the search's results;
# the verdicts of a
# unit page inside 360 px, a matrix's header and names in place after
# scrolling, the 12-target matrix without a scrollbar at 1280 px; and on
# 10,000 units (charts drawn by tests/fake-gnuplot/fast: only the pages
# matter here) an index under 200 KB and the search by a name without
# marks and by a parent's name, no request leaving the site.
. tests/e2e/lib.sh
set -e
need_chromium
need node nodejs
need java default-jre-headless
# (no npm, or no registry to fetch the pinned packages from: a missing tool)
sh "$TOP/tests/browser/setup.sh" ||
	skip "tests/browser/setup.sh could not install the npm packages (npm missing, or no registry)"
ART="$TOP/tests/artefacts/site"
mkdir -p "$ART"

run_chitieu -q -i "$TOP/input" -o "$WORK/o"
expect_rc 0
site=$(ls -d "$WORK"/o/*/site | head -n 1)
group=$(cd "$site" && ls nhom/*.html | tail -n 1)
unit=$(cd "$site" && ls don-vi/*.html | head -n 1)
target=$(cd "$site" && ls chi-tieu/*.html | head -n 1)
CHROMIUM=$CHROMIUM timeout 600 node "$TOP/tests/browser/check.js" "$site" "$ART" \
	index.html "$group" "$unit" "$target" du-lieu.html bao-cao.html han.html >"$WORK/check.log" 2>&1 ||
	{ cat "$WORK/check.log" >&2; fail "the browser checks failed"; }
cat "$WORK/check.log"

vnu=$(cd "$TOP/tests/browser" && node -e "process.stdout.write(String(require('vnu-jar')))")
pages=$(find "$site" -name '*.html' | wc -l)
java -jar "$vnu" --errors-only --skip-non-html "$site" >"$WORK/vnu.log" 2>&1 ||
	{ cat "$WORK/vnu.log" >&2; fail "the Nu HTML Checker found errors"; }
# The checker must be able to fail: a page with a stray end tag is an error.
mkdir "$WORK/broken"
sed 's#</main>#</div></main>#' "$site/index.html" >"$WORK/broken/index.html"
! java -jar "$vnu" --errors-only "$WORK/broken/index.html" >/dev/null 2>&1 ||
	fail "the Nu HTML Checker did not see a stray end tag"
echo "ok: the Nu HTML Checker found no error on $pages pages"

# ---- the dashboard on a province of 200 units, two periods
PY=/usr/bin/python3
${CC:-cc} -std=c11 -O2 -o "$WORK/genbench" "$TOP/tools/genbench.c" || fail "genbench does not compile"
"$WORK/genbench" -w 20 province "$WORK/tinh" >/dev/null || fail "genbench failed"
$PY "$TOP/tests/e2e/tinh.py" "$WORK/tinh" || fail "tinh.py failed"
run_chitieu -q -i "$WORK/tinh" -o "$WORK/ot" -k 2024-Q3
expect_rc 0
run_chitieu -q -i "$WORK/tinh" -o "$WORK/ot" -k 2024-Q4
expect_rc 0
ts="$WORK/ot/2024-Q4/site"
# a commune whose name repeats, its district, and another commune's name
child=$(grep -l 'UBND xã Đông Quang' "$ts"/don-vi/xa-*.html | head -n 1 | xargs basename | sed 's/\.html$//')
parent_ma=$(awk -F, -v c="$child" '$1 == c { print $4 }' "$WORK/tinh/don-vi.csv")
parent=$(awk -F, -v c="$parent_ma" '$1 == c { print $2 }' "$WORK/tinh/don-vi.csv")
name=$(awk -F, '$3 == "xa" && $2 !~ /Đông Quang/ { print $2; exit }' "$WORK/tinh/don-vi.csv")
[ -n "$child" ] && [ -n "$parent" ] && [ -n "$name" ] || fail "the generated province lacks a same-named commune"
# a department: its unit page has no parent and other targets
so=$(awk -F, '$3 == "so" { print $1; exit }' "$WORK/tinh/don-vi.csv")
[ -f "$ts/don-vi/$so.html" ] && [ -f "$ts/dieu-chinh.html" ] || fail "the province's site lacks a department's page or dieu-chinh.html"
mkdir -p "$ART/dashboard"
(cd "$TOP/tests/browser" && CHROMIUM=$(command -v chromium) timeout 900 node dashboard.js "$ts" "$ART/dashboard" \
	--unit "don-vi/$child.html" --matrix nhom/xa.html --wide nhom/xa.html \
	--search "$name" --parent "$parent" --child "$child" \
	--pages index.html nhom/xa.html nhom/so.html "dia-ban/$parent_ma.html" "don-vi/$child.html" \
	"don-vi/$so.html" chi-tieu/1.html bao-cao.html du-lieu.html dieu-chinh.html han.html) \
	>"$WORK/dash.log" 2>&1 || { cat "$WORK/dash.log" >&2; fail "the dashboard checks failed"; }
cat "$WORK/dash.log"
java -jar "$vnu" --errors-only --skip-non-html "$ts/index.html" "$ts/nhom" "$ts/dia-ban" >"$WORK/vnu2.log" 2>&1 ||
	{ cat "$WORK/vnu2.log" >&2; fail "the Nu HTML Checker found errors on the province's pages"; }
echo "ok: the Nu HTML Checker found no error on the province's index, group and district pages"

# ---- 10,000 units: the index stays small, the search finds any of them
"$WORK/genbench" nation "$WORK/nation" >/dev/null || fail "genbench nation failed"
CHITIEU_GNUPLOT="$TOP/tests/fake-gnuplot/fast" run_chitieu -q -i "$WORK/nation" -o "$WORK/on" --no-cache
expect_rc 0
ns=$(ls -d "$WORK"/on/*/site)
size=$(wc -c <"$ns/index.html")
[ "$size" -lt 204800 ] || fail "the index of 10,000 units is $size bytes, not under 200 KB"
echo "ok: the index of 10,000 units is $size bytes"
child=$(awk -F, '$3 == "xa" && $4 != "" { print $1; exit }' "$WORK/nation/don-vi.csv")
parent_ma=$(awk -F, -v c="$child" '$1 == c { print $4 }' "$WORK/nation/don-vi.csv")
parent=$(awk -F, -v c="$parent_ma" '$1 == c { print $2 }' "$WORK/nation/don-vi.csv")
name=$(awk -F, 'NR > 1 && $3 == "xa" { n = $2 } END { print n }' "$WORK/nation/don-vi.csv")
(cd "$TOP/tests/browser" && CHROMIUM=$(command -v chromium) timeout 900 node dashboard.js "$ns" "$ART/dashboard" \
	--search "$name" --parent "$parent" --child "$child" --pages index.html) \
	>"$WORK/dash2.log" 2>&1 || { cat "$WORK/dash2.log" >&2; fail "the search on 10,000 units failed"; }
cat "$WORK/dash2.log"
