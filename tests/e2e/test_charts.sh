#!/bin/sh
# SPDX-License-Identifier: MIT
# The charts: every one in both formats, well-formed SVG, one gnuplot run
# per worker, byte-identical whatever the number of workers, hostile unit
# names harmless, and every way gnuplot can fail ends in exit 3 with a
# message that names the chart or gnuplot.
. tests/e2e/lib.sh
set -e
FAKE=$TOP/tests/fake-gnuplot
TBIN=${TEST_BIN:-$TOP/build/rel/tests}
need xmllint libxml2-utils

# The charts a run must draw, as chart.c plans them (one "# chart" line each).
"$TBIN/test_chart" --script input >"$WORK/script.gp" || fail "test_chart --script failed"
sed -n 's/^# chart //p' "$WORK/script.gp" >"$WORK/expected"
grep -q '^chi-tieu-' "$WORK/expected" || fail "no target chart planned"
grep -q '^don-vi-' "$WORK/expected" || fail "no unit chart planned"
# every target of the sample has a chart (stt is the first field)
for stt in $(sed 1d input/chi-tieu.csv | cut -d, -f1 | grep -E '^[0-9]+$'); do
	grep -qx "chi-tieu-$stt" "$WORK/expected" || fail "no chart planned for target $stt"
done

# check_charts DIR: every expected chart in both formats, nothing else.
check_charts() {
	n=0
	while read -r c; do
		[ -s "$1/$c.png" ] || fail "$c.png missing or empty"
		[ -s "$1/$c.svg" ] || fail "$c.svg missing or empty"
		[ "$(head -c 8 "$1/$c.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$c.png is not a PNG"
		xmllint --noout "$1/$c.svg" || fail "$c.svg is not well-formed XML"
		n=$((n + 2))
	done <"$WORK/expected"
	[ "$(ls "$1" | wc -l)" -eq "$n" ] || { ls "$1" >&2; fail "unexpected files in $1"; }
}

# One worker: gnuplot runs exactly once.
export CHITIEU_GNUPLOT_COUNT="$WORK/count1"
CHITIEU_GNUPLOT=$FAKE/count run_chitieu -q -j 1 -i input -o "$WORK/o1"
expect_rc 0
[ "$(wc -l <"$WORK/count1")" -eq 1 ] || fail "gnuplot ran $(wc -l <"$WORK/count1") times with -j 1"
K=$(ls "$WORK/o1" | grep -v '\.html$' | head -n 1)
[ -n "$K" ] || fail "no period folder written"
check_charts "$WORK/o1/$K/charts"
# every unit judged on a target (its rows in ket-qua.csv) has its chart,
# and no other unit has one
cut -d, -f2 "$WORK/o1/$K/ket-qua.csv" | sed 1d | grep -v -e '^tinh$' -e '^nhom:' | sort -u >"$WORK/units"
[ -s "$WORK/units" ] || fail "no unit rows in ket-qua.csv"
while read -r ma; do
	[ -s "$WORK/o1/$K/charts/don-vi-$ma.png" ] || fail "unit $ma has no chart"
done <"$WORK/units"
[ "$(wc -l <"$WORK/units")" -eq "$(grep -c '^don-vi-' "$WORK/expected")" ] || fail "unit charts do not match the units judged"

# Three workers: three gnuplot runs, the same bytes.
export CHITIEU_GNUPLOT_COUNT="$WORK/count3"
CHITIEU_GNUPLOT=$FAKE/count run_chitieu -q -j 3 -i input -o "$WORK/o3"
expect_rc 0
[ "$(wc -l <"$WORK/count3")" -eq 3 ] || fail "gnuplot ran $(wc -l <"$WORK/count3") times with -j 3"
diff -r "$WORK/o1/$K/charts" "$WORK/o3/$K/charts" >&2 || fail "charts differ between -j 1 and -j 3"
# One process per chart: nothing of one chart may leak into the next.
CHITIEU_GNUPLOT= run_chitieu -q -j 256 -i input -o "$WORK/oa"
expect_rc 0
diff -r "$WORK/o1/$K/charts" "$WORK/oa/$K/charts" >&2 || fail "charts differ between -j 1 and one process per chart"

# Hostile unit names from a clerk's CSV run nothing.
copy_sample "$WORK/in"
# /tmp/x and /tmp/y may exist already (not ours to remove): a touch
# would still show in their modification time.
stamp() { stat -c %y "$1" 2>/dev/null || echo none; }
x0=$(stamp /tmp/x); y0=$(stamp /tmp/y)
sleep 0.01
printf '%s\n' \
	'xa-hostile-1,"UBND xã `touch /tmp/x` ""; system(""touch /tmp/y"")",xa,' \
	"xa-hostile-2,\"x'; system('touch $WORK/z'); print '\",xa," \
	"xa-hostile-3,\"\`touch $WORK/w\` @GPVAL_TERM \$(touch $WORK/v)\",xa," >>"$WORK/in/don-vi.csv"
src=$(ls "$WORK/in/so-lieu" | grep '^xa-' | head -n 1)
for i in 1 2 3; do cp "$WORK/in/so-lieu/$src" "$WORK/in/so-lieu/xa-hostile-$i.csv"; done
CHITIEU_GNUPLOT= run_chitieu -q -j 2 -i "$WORK/in" -o "$WORK/oh"
expect_rc 0
[ "$(stamp /tmp/x)" = "$x0" ] && [ "$(stamp /tmp/y)" = "$y0" ] || fail "a unit name ran a command: /tmp/x or /tmp/y touched"
for f in "$WORK/z" "$WORK/w" "$WORK/v"; do
	[ ! -e "$f" ] || fail "a unit name ran a command: $f exists"
done
for i in 1 2 3; do
	[ -s "$WORK/oh/$K/charts/don-vi-xa-hostile-$i.png" ] || fail "no chart for xa-hostile-$i"
	xmllint --noout "$WORK/oh/$K/charts/don-vi-xa-hostile-$i.svg" || fail "bad SVG for xa-hostile-$i"
done
grep -qF 'system(' "$WORK/oh/$K/charts/don-vi-xa-hostile-1.svg" || fail "the hostile name is not drawn as text"

# gnuplot fails: exit 3, the message names gnuplot, nothing published.
CHITIEU_GNUPLOT=$FAKE/fail run_chitieu -q -i input -o "$WORK/of"
expect_rc 3
expect_err "gnuplot"
expect_err "simulated failure"
[ ! -e "$WORK/of/$K" ] || fail "a failed run published $WORK/of/$K"

# gnuplot fails on one chart: the message names it.
CHITIEU_BREAK_CHART=chi-tieu-2 CHITIEU_GNUPLOT=$FAKE/break-chart run_chitieu -q -j 2 -i input -o "$WORK/ob"
expect_rc 3
expect_err "chart charts/chi-tieu-2"
[ ! -e "$WORK/ob/$K" ] || fail "a failed run published $WORK/ob/$K"

# gnuplot hangs: stopped at the timeout, exit 3.
CHITIEU_GNUPLOT_TIMEOUT=1 CHITIEU_GNUPLOT=$FAKE/hang run_chitieu -q -i input -o "$WORK/ot"
expect_rc 3
expect_err "CHITIEU_GNUPLOT_TIMEOUT"

# gnuplot missing: exit 3 naming the package.
CHITIEU_GNUPLOT=/nonexistent run_chitieu -q -i input -o "$WORK/om"
expect_rc 3
expect_err "apt-get install gnuplot-nox"
[ ! -e "$WORK/om/$K" ] || fail "a failed run published $WORK/om/$K"
echo "ok"
