# The locale never changes a byte: C, C.UTF-8 and vi_VN.UTF-8 (decimal
# comma) give identical outputs and identical messages.
. tests/e2e/lib.sh
set -e
# the chart cache goes too; only its record of when runs were, not
# what they drew, differs
tree_sum() { (cd "$1" && find . -type f ! -path ./.cache/charts/runs | LC_ALL=C sort | xargs sha256sum) ; }
locale -a | grep -qi '^vi_VN\.utf' || fail "the vi_VN.UTF-8 locale is missing (CI generates it: see .ci/run)"
export SOURCE_DATE_EPOCH=1735603200
for loc in C C.UTF-8 vi_VN.UTF-8; do
	LC_ALL=$loc run_chitieu -q -i input -o "$WORK/$loc"; expect_rc 0
	cp "$WORK/err" "$WORK/err-$loc"
done
a=$(tree_sum "$WORK/C"); b=$(tree_sum "$WORK/C.UTF-8"); c=$(tree_sum "$WORK/vi_VN.UTF-8")
[ "$a" = "$b" ] || fail "C and C.UTF-8 outputs differ"
[ "$a" = "$c" ] || { fail "C and vi_VN.UTF-8 outputs differ"; }
cmp -s "$WORK/err-C" "$WORK/err-vi_VN.UTF-8" || fail "messages differ between locales"
exit 0
