#!/bin/sh
# Runs every test: the cmocka unit tests, then the end-to-end scripts.
# Ends with the line "N passed, N failed".  Exit 1 when anything failed.
# $CHITIEU is the binary under test, $TEST_BIN the folder of unit tests;
# CHITIEU_VALGRIND=1 runs everything under valgrind (make leakcheck).
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0
fail=0
failed=""
vg=""
if [ "${CHITIEU_VALGRIND:-0}" = 1 ]; then
	vg="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --trace-children=no"
	export CHITIEU_WRAP="$vg"
fi
for t in "$TEST_BIN"/test_*; do
	[ -x "$t" ] || continue
	if (cd "$top" && $vg "$t"); then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); failed="$failed $(basename "$t")"
	fi
done
# Logs live in this checkout, so two checkouts can run their tests at once.
logs="$top/build/test-logs"
mkdir -p "$logs"
for t in "$top"/tests/e2e/test_*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	if (cd "$top" && sh "$t") > "$logs/$name.log" 2>&1; then
		echo "ok   $name"
		pass=$((pass + 1))
	else
		echo "FAIL $name (log: $logs/$name.log)"
		sed 's/^/    /' "$logs/$name.log" | tail -n 30
		fail=$((fail + 1)); failed="$failed $name"
	fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
