# SPDX-License-Identifier: MIT
# Golden pages: one page of every site page kind, the scorecards' text and
# the urging dispatch of the shipped input/ (2024-Q3 then 2024-Q4 into one
# root) equal tests/golden/sample/pages/, so that a change to any of them
# is a visible diff (regenerate with tools/golden-pages.sh when it is
# meant, and read the diff).  The check can fail: a page changed by one
# word is caught.
. tests/e2e/lib.sh
set -e
need pdftotext poppler-utils
CHITIEU="$CHITIEU" sh "$TOP/tools/golden-pages.sh" "$WORK/got" || fail "tools/golden-pages.sh failed"
G="$TOP/tests/golden/sample/pages"
[ -d "$G" ] || fail "no golden pages in $G"
n=0
for f in "$G"/*; do
	b=$(basename "$f")
	[ -f "$WORK/got/$b" ] || fail "$b: not made"
	if ! cmp -s "$f" "$WORK/got/$b"; then
		diff "$f" "$WORK/got/$b" | head -n 20
		fail "$b differs from tests/golden/sample/pages/$b (regenerate with tools/golden-pages.sh when the change is meant)"
	fi
	n=$((n + 1))
done
[ "$n" -ge 10 ] || fail "only $n golden pages"
for f in "$WORK/got"/*; do
	[ -f "$G/$(basename "$f")" ] || fail "$(basename "$f") has no golden file"
done
# the comparison catches one changed word
sed 's/Chưa đạt/Chua dat/' "$G/index.html" >"$WORK/spoilt"
! cmp -s "$WORK/spoilt" "$WORK/got/index.html" || fail "a spoilt page compares equal"
echo "$n golden pages equal"
