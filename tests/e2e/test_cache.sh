# SPDX-License-Identifier: MIT
# The chart cache (gen/chart/cache.c, chart.c): outputs are the same bytes with a
# cold cache, a warm one and --no-cache, for -j 1 and -j 2; a warm run
# draws nothing; a broken entry (truncated, edited) is drawn again without
# an error; only the charts whose data changed are drawn; a cache that
# cannot be written is a warning; a failed run writes nothing there; old
# entries are evicted (not used in the last 5 runs, beyond 10 runs' worth).
. tests/e2e/lib.sh
set -e
export SOURCE_DATE_EPOCH=1735603200
FAKE=$TOP/tests/fake-gnuplot
export CHITIEU_GNUPLOT=$FAKE/count CHITIEU_TIMING=1
export CHITIEU_GNUPLOT_COUNT="$WORK/count"
period_sum() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum); }
# run_counted ARGS...: a run that must succeed; $DRAWN and $REUSED from
# its timing line, $PROCS the gnuplot processes that drew.
run_counted() {
	rm -f "$CHITIEU_GNUPLOT_COUNT"
	touch "$CHITIEU_GNUPLOT_COUNT"
	run_chitieu -q "$@"
	expect_rc 0
	line=$(grep '^chitieu: timing: cache: ' "$WORK/err") || { cat "$WORK/err" >&2; fail "no cache timing line"; }
	REUSED=$(echo "$line" | sed 's/.*cache: \([0-9]*\) charts reused, \([0-9]*\) drawn$/\1/')
	DRAWN=$(echo "$line" | sed 's/.*cache: \([0-9]*\) charts reused, \([0-9]*\) drawn$/\2/')
	PROCS=$(wc -l <"$CHITIEU_GNUPLOT_COUNT")
}
entries() { ls "$1" | grep -c '^[0-9a-f]\{64\}$' || true; }

# Cold, warm, --no-cache; -j 1 and -j 2.
run_counted -j 1 -i input -o "$WORK/a"
K=$(ls "$WORK/a" | grep -v index.html)
N=$((REUSED + DRAWN))
[ "$REUSED" -eq 0 ] && [ "$N" -gt 2 ] || fail "a cold cache reused $REUSED of $N charts"
C=$WORK/a/.cache/charts
[ "$(entries "$C")" -eq "$N" ] || fail "$(entries "$C") entries in the cache for $N charts"
ref=$(period_sum "$WORK/a/$K")
run_counted -j 1 -i input -o "$WORK/a"
[ "$REUSED" -eq "$N" ] && [ "$DRAWN" -eq 0 ] && [ "$PROCS" -eq 0 ] ||
	fail "a warm run reused $REUSED of $N charts and started gnuplot $PROCS times"
[ "$(period_sum "$WORK/a/$K")" = "$ref" ] || fail "-j 1: a warm cache gives other outputs than a cold one"
run_counted -j 2 -i input -o "$WORK/a"
[ "$DRAWN" -eq 0 ] || fail "-j 2 warm: $DRAWN charts drawn"
[ "$(period_sum "$WORK/a/$K")" = "$ref" ] || fail "-j 2: a warm cache gives other outputs"
run_counted -j 2 --no-cache -i input -o "$WORK/b"
[ "$DRAWN" -eq "$N" ] || fail "--no-cache reused charts"
[ ! -e "$WORK/b/.cache" ] || fail "--no-cache made a cache"
[ "$(period_sum "$WORK/b/$K")" = "$ref" ] || fail "--no-cache gives other outputs"
run_counted -j 2 -i input -o "$WORK/c"
[ "$(period_sum "$WORK/c/$K")" = "$ref" ] || fail "-j 2 cold gives other outputs than -j 1 cold"
# The archive lists periods: the cache is not one.
! grep -q 'cache' "$WORK/a/index.html" || fail "the archive page lists the cache"

# Broken entries: one truncated, one with a byte changed (same size), one
# emptied.  Drawn again, no error, no warning, same outputs; then mended.
set -- $(ls "$C" | grep '^[0-9a-f]\{64\}$' | head -n 3)
head -c 1000 "$C/$1" >"$WORK/t" && cat "$WORK/t" >"$C/$1"
size=$(wc -c <"$C/$2")
printf 'X' | dd of="$C/$2" bs=1 seek=$((size - 10)) conv=notrunc 2>/dev/null
: >"$C/$3"
run_counted -j 2 -i input -o "$WORK/a"
[ "$DRAWN" -eq 3 ] || fail "3 broken entries: $DRAWN charts drawn"
expect_no_err "chitieu: warning:"
[ "$(period_sum "$WORK/a/$K")" = "$ref" ] || fail "broken entries changed the outputs"
run_counted -j 2 -i input -o "$WORK/a"
[ "$DRAWN" -eq 0 ] || fail "the broken entries were not replaced: $DRAWN drawn"

# One unit's figures change: its chart and the targets' charts it counts
# in are drawn, not the others; the outputs are those of --no-cache.
copy_sample "$WORK/in"
f=$(grep -l "^ky,chi_tieu,tu_so,mau_so,ghi_chu$" "$WORK/in/so-lieu"/*.csv | head -n 1)
awk -F, 'NR == 2 && $4 > 1 { $3 = $3 > 0 ? $3 - 1 : $3 + 1 } { print }' OFS=, "$f" >"$WORK/t" && cp "$WORK/t" "$f"
run_counted -j 2 -i "$WORK/in" -o "$WORK/a"
[ "$DRAWN" -gt 0 ] && [ "$DRAWN" -lt "$N" ] || fail "one unit changed: $DRAWN of $N charts drawn"
run_counted -j 1 --no-cache -i "$WORK/in" -o "$WORK/d"
[ "$(period_sum "$WORK/a/$K")" = "$(period_sum "$WORK/d/$K")" ] ||
	fail "one unit changed: the cached run differs from --no-cache"

# A cache that cannot be written: a warning, exit 0, the same outputs.
: >"$WORK/file"
run_counted -j 2 --cache "$WORK/file/charts" -i input -o "$WORK/e"
expect_err "chitieu: warning: cannot use the cache folder '$WORK/file/charts'"
[ "$DRAWN" -eq "$N" ] || fail "an unusable cache reused charts"
[ "$(period_sum "$WORK/e/$K")" = "$ref" ] || fail "an unusable cache changed the outputs"
if [ "$(id -u)" -ne 0 ]; then
	# (root writes into a read-only folder anyway; for root the cache
	# folder behind a file, above, is the unusable cache)
	mkdir -p "$WORK/ro" && chmod 555 "$WORK/ro"
	run_counted -j 2 --cache "$WORK/ro" -i input -o "$WORK/f"
	expect_err "chitieu: warning: cannot use the cache folder '$WORK/ro'"
	[ "$(period_sum "$WORK/f/$K")" = "$ref" ] || fail "a read-only cache changed the outputs"
fi

# A failed run writes nothing in the cache: not with bad input, not when
# gnuplot fails.
CHITIEU_GNUPLOT=$FAKE/fail run_chitieu -q -i input -o "$WORK/g"
expect_rc 3
[ ! -e "$WORK/g/.cache" ] || fail "a run whose gnuplot failed wrote a cache"
before=$(ls -l --full-time "$C")
printf 'ky,chi_tieu,tu_so,mau_so\n2024-Q1,1,5,3\n' >"$WORK/in/so-lieu/$(basename "$f")"
run_chitieu -q -i "$WORK/in" -o "$WORK/a"
expect_rc 1
[ "$(ls -l --full-time "$C")" = "$before" ] || fail "a run with bad input changed the cache"

# Eviction.  Charts of another period (-k) are drawn once, then five runs
# of the default period: after the fourth the first run's entries are
# still used "in the last 5 runs", after the fifth they are gone.
D=$WORK/evict
run_counted -j 2 --cache "$D" -k "${K%-Q*}-Q1" -i input -o "$WORK/h"
N1=$((REUSED + DRAWN))
for i in 1 2 3 4 5; do
	run_counted -j 2 --cache "$D" -i input -o "$WORK/h"
	if [ "$i" -eq 4 ]; then
		[ "$(entries "$D")" -eq $((N1 + N)) ] || fail "after 5 runs: $(entries "$D") entries, expected $((N1 + N))"
	fi
done
[ "$(entries "$D")" -eq "$N" ] || fail "after 6 runs: $(entries "$D") entries, expected $N (the first run's evicted)"
[ "$(wc -l <"$D/runs")" -eq 5 ] || fail "the cache keeps $(wc -l <"$D/runs") runs' stamps, not 5"
# Beyond 10 times one run's charts, the least recently used go (the
# same time: by name): planted entries used by the last run, so that age
# alone would keep them, as many as the bound.
last=$(tail -n 1 "$D/runs")
i=0
while [ $i -lt $((10 * N)) ]; do
	touch -d "@$last" "$D/$(printf '%064x' $i)"
	i=$((i + 1))
done
run_counted -j 2 --cache "$D" -i input -o "$WORK/h"
[ "$(entries "$D")" -eq $((10 * N)) ] || fail "$(entries "$D") entries kept, bound $((10 * N))"
run_counted -j 2 --cache "$D" -i input -o "$WORK/h"
[ "$DRAWN" -eq 0 ] || fail "the size bound evicted this run's own entries"
ls "$D" | grep -q '^0\{64\}$' && fail "the oldest planted entry was kept"
exit 0
