# SPDX-License-Identifier: MIT
# chitieu-test: not-under valgrind (1,200 units: hours under valgrind; the paths are those of the smaller tests)
# Reading and evaluating are tuned for speed (issue 18): the results must
# not move.  On generated inputs (tools/genbench.c over the registry kept in
# tests/data/bench/): 1,200 units with 400 planted coverage warnings, and a
# copy with planted errors, the messages of --check and ket-qua.csv of a
# full run (read on 3 and 2 threads) are byte for byte those chitieu gave
# before that work (commit c6b3efa), pinned here by their SHA-256.  A
# change that is meant to alter results updates the sums, saying why.
. tests/e2e/lib.sh
set -e
${CC:-cc} -std=c11 -O2 -o "$WORK/genbench" "$TOP/tools/genbench.c" || fail "genbench does not compile"
"$WORK/genbench" -i "$TOP/tests/data/bench" -w 400 1200 "$WORK/in" >/dev/null || fail "genbench failed"
sum() { sha256sum "$1" | cut -d' ' -f1; }

run_chitieu --check -j 3 -i "$WORK/in"
expect_rc 0
[ "$(grep -c ': warning: ' "$WORK/err")" -eq 400 ] || fail "expected 400 warnings"
[ "$(sum "$WORK/err")" = 6cd2fd81245c3b8083a2650d8c9e1af8ca87e1a98eef1e0ae23a410a124c35d2 ] ||
	fail "the warnings differ from those chitieu gave before (sha256 $(sum "$WORK/err"))"

SOURCE_DATE_EPOCH=1735603200 run_chitieu -q -j 2 --no-cache -i "$WORK/in" -o "$WORK/o"
expect_rc 0
k=$(ls "$WORK/o" | grep -v index.html)
# (issue 14 added a 14th column, ten_chi_tieu, the target's name; without
# it the file is byte for byte the one pinned before, 561200a3…0c86)
[ "$(sum "$WORK/o/$k/ket-qua.csv")" = 0f9a0f05ad1061aa66dda7f5887039fa9b5b40f9a562b6c94ce8bcf0ecd6784a ] ||
	fail "ket-qua.csv differs from the one chitieu gave before (sha256 $(sum "$WORK/o/$k/ket-qua.csv"))"

# Errors of several kinds in a dozen files: every one reported, in the same
# words and order.
cp -r "$WORK/in" "$WORK/bad"
i=0
for f in $(ls "$WORK/bad/so-lieu"/*.csv | awk 'NR % 97 == 5'); do
	i=$((i + 1))
	case $((i % 4)) in
	0) sed -i '3s/^[^,]*,/2024-13,/' "$f" ;;                        # bad period
	1) sed -i '4s/,\([0-9]*\),\([0-9]*\),$/,\2\1,\2,/' "$f" ;;       # tu_so > mau_so
	2) sed -n 2p "$f" >>"$f" ;;                                      # a row twice
	3) sed -i '5s/,[0-9]*,/,1.5,/' "$f" ;;                           # not a count
	esac
done
run_chitieu --check -j 3 -i "$WORK/bad"
expect_rc 1
[ "$(grep -c ': error: ' "$WORK/err")" -ge "$i" ] || fail "fewer errors than planted"
[ "$(sum "$WORK/err")" = 182f8395325b5661ad7dde92b09862ec9198cd61cf84a560ed799d211dd5ab7d ] ||
	fail "the messages differ from those chitieu gave before (sha256 $(sum "$WORK/err"))"
exit 0
