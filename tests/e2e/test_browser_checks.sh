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
