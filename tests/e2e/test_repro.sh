# SPDX-License-Identifier: MIT
# Reproducible: the same input gives byte-identical files, run after run
# and whatever the number of workers (-j 1 against -j 4).
. tests/e2e/lib.sh
set -e
# the chart cache goes too; only its record of when runs were, not
# what they drew, differs
tree_sum() { (cd "$1" && find . -type f ! -path ./.cache/charts/runs | LC_ALL=C sort | xargs sha256sum) ; }
export SOURCE_DATE_EPOCH=1735603200
run_chitieu -q -j 1 -i input -o "$WORK/a"; expect_rc 0
run_chitieu -q -j 1 -i input -o "$WORK/b"; expect_rc 0
run_chitieu -q -j 4 -i input -o "$WORK/c"; expect_rc 0
a=$(tree_sum "$WORK/a")
[ "$a" = "$(tree_sum "$WORK/b")" ] || fail "two runs differ"
[ "$a" = "$(tree_sum "$WORK/c")" ] || fail "-j 1 and -j 4 differ"
# Every output of SPEC is there.
ky=$(ls "$WORK/a" | grep -v index.html)
for f in ket-qua.csv bao-cao.md bao-cao.pdf the-diem.pdf site/index.html; do
	[ -s "$WORK/a/$ky/$f" ] || fail "missing $ky/$f"
done
[ -s "$WORK/a/index.html" ] || fail "missing the archive page"
exit 0
