# SPDX-License-Identifier: MIT
# chitieu-test: not-under valgrind (1,200 units at -j 1, 2 and 7: hours under valgrind; the paths are csvin's and input's)
# The units' files are read on up to -j threads (input.c): whatever -j, a
# run says the same things in the same order.  On 1,200 generated units
# whose files take every form the reader accepts (CRLF, a BOM, "sep=;" and
# ';', quoted notes over two lines, spaces, digit groups, an unknown
# column, blank lines) and some it refuses (a ragged row, a numerator over
# its denominator, a bad period, a row given twice, a byte that is not
# UTF-8, a quote left open, a workbook that is no zip, an unknown unit, a
# second file for one unit, an .xls, a file that is not CSV; files whose
# errors run to their end beside files with one at once), --check with
# -j 1, 2 and 7 gives the same messages byte for byte and the same exit:
# first with the accepted forms alone (200 coverage warnings, from the
# rows read), then with the errors planted.
# (ket-qua.csv at -j 2 is pinned by test_bench_results.sh.)
. tests/e2e/lib.sh
set -e
${CC:-cc} -std=c11 -O2 -o "$WORK/genbench" "$TOP/tools/genbench.c" || fail "genbench does not compile"
"$WORK/genbench" -i "$TOP/tests/data/bench" -w 200 1200 "$WORK/in" >/dev/null || fail "genbench failed"
sl=$WORK/in/so-lieu
i=0
for f in $(ls "$sl"/*.csv); do
	i=$((i + 1))
	case $((i % 17)) in
	1) sed -i 's/$/\r/' "$f" ;;                                          # CRLF
	2) sed -i '1s/^/\xEF\xBB\xBF/' "$f" ;;                               # BOM
	3) sed -i 's/,/;/g; 1s/^/sep=;\n/' "$f" ;;                           # sep=; and ';'
	4) sed -i '3s/,$/,"two\nlines, and a ""quote"""/' "$f" ;;            # a note over two lines
	5) sed -i '2s/,/ , /g; 1s/$/,xyz/; 2,$s/$/,q/' "$f" ;;               # spaces, an unknown column
	6) sed -i '4s/$/\n\n   \n,,,,/' "$f" ;;                              # blank lines
	7) sed -i '5s/,\([0-9]\)\([0-9][0-9][0-9]\),/,\1.\2,/' "$f" ;;       # a digit group
	esac
done

# same_for_every_j RC: --check -j 1, 2 and 7 exit RC and say the same
same_for_every_j() {
	for j in 1 2 7; do
		run_chitieu --check -j "$j" -i "$WORK/in"
		cp "$WORK/err" "$WORK/err-$j"
		[ "$RC" -eq "$1" ] || { cat "$WORK/err" >&2; fail "-j $j: exit $RC, expected $1"; }
	done
	for j in 2 7; do
		cmp -s "$WORK/err-1" "$WORK/err-$j" || {
			diff "$WORK/err-1" "$WORK/err-$j" | head -20 >&2
			fail "--check -j $j says other things than -j 1"
		}
	done
}

same_for_every_j 0
n=$(grep -c ': warning: ' "$WORK/err-1")
[ "$n" -ge 200 ] || { cat "$WORK/err-1" >&2; fail "only $n warnings"; }

i=0
for f in $(ls "$sl"/*.csv); do
	i=$((i + 1))
	# a file with errors to its end beside one with an error at once:
	# read side by side, the second one's would come first
	case $((i % 50)) in
	7) awk 'NR > 1 { for (k = 0; k < 30; k++) print "2024-14" substr($0, 8) }' "$f" >>"$f" ;;
	8) sed -i '2s/,[^,]*$//' "$f" ;;
	esac
	[ $((i % 97)) -eq 13 ] || continue
	case $((i / 97 % 7)) in
	0) sed -i '3s/,[^,]*$//' "$f" ;;                                     # ragged
	1) sed -i '4s/,\([0-9]*\),\([0-9]*\),$/,\2\1,\2,/' "$f" ;;           # tu_so > mau_so
	2) sed -i '3s/^[^,;]*\([,;]\)/2024-13\1/' "$f" ;;                    # bad period
	3) sed -n 2p "$f" >>"$f" ;;                                          # a row twice
	4) printf '2024-01,1,\377,1,\n' >>"$f" ;;                            # not UTF-8
	5) printf '2024-02,1,3,4,"open\n' >>"$f" ;;                          # quote left open
	6) printf 'PK\003\004 no zip' >"${f%.csv}.xlsx" ;;                   # a second file, no zip
	esac
done
cp "$(ls "$sl"/*.csv | head -1)" "$sl/khong-co-don-vi.csv"
: >"$sl/cu.xls"
echo "notes" >"$sl/README.txt"

same_for_every_j 1
n=$(grep -c ': error: ' "$WORK/err-1")
[ "$n" -ge 12 ] || { cat "$WORK/err-1" >&2; fail "only $n errors from the planted ones"; }
exit 0
