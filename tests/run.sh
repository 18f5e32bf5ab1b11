#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the tests: every cmocka unit test in $TEST_BIN, then every
# end-to-end script tests/e2e/test_*.sh; or, given arguments, only the
# tests named (a unit test binary, or a .sh script run with sh).
#
# A test has three outcomes, by its exit code (the Automake convention):
#   0   passed                                   "ok   name"
#   77  skipped: it could not run its main       "SKIP name (reason)"
#       assertion here (a tool or a kernel feature is missing) and said
#       why on a line "SKIP: reason" (a 77 without that line is a failure)
#   any other: failed                            "FAIL name (log: …)"
# Under CI=true (set by CI runners) or CHITIEU_REQUIRE_ALL=1 a skip is a
# failure: there every tool build.sh installs must be in place.
#
# A test that does not apply to a build configuration by design (a timing
# or memory figure under valgrind or the sanitizers) is no skip: a line
#   # chitieu-test: not-under valgrind,sanitize (why)
# among its first 30 lines leaves it out of those configurations, and the
# summary says how many were left out and why.  The configuration is
# "valgrind" under CHITIEU_VALGRIND=1 (make leakcheck), "sanitize" when
# $CHITIEU is built with AddressSanitizer (make check SANITIZE=1), else
# "release"; it is exported as CHITIEU_TEST_CONFIG.
#
# The last line is "N passed, N failed, N skipped" (CI reads it); exit 1
# when anything failed.  Each test's output is in build/test-logs/NAME.log
# ($CHITIEU_TEST_LOGS to put the logs elsewhere).
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0
fail=0
skip=0
left=0
failed=""
left_out=""
require_all=0
[ "${CI:-}" = true ] || [ "${CHITIEU_REQUIRE_ALL:-0}" = 1 ] && require_all=1
vg=""
config=release
if [ "${CHITIEU_VALGRIND:-0}" = 1 ]; then
	vg="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --trace-children=no"
	export CHITIEU_WRAP="$vg"
	config=valgrind
elif [ -n "${CHITIEU:-}" ] && grep -qa __asan_init "$CHITIEU" 2>/dev/null; then
	config=sanitize
fi
export CHITIEU_TEST_CONFIG=$config
# Logs live in this checkout, so two checkouts can run their tests at once.
logs=${CHITIEU_TEST_LOGS:-$top/build/test-logs}
mkdir -p "$logs"

# S_source TEST: the file that holds TEST's header lines (a unit test's .c).
S_source() {
	case $1 in
	*.sh) echo "$1" ;;
	*)
		n=$(basename "$1")
		for s in "$top/tests/unit/$n.c" "$top/tests/fuzz/fuzz_${n#test_fuzz_}.c"; do
			[ -f "$s" ] && { echo "$s"; return; }
		done
		;;
	esac
}

# S_left_out TEST: prints the reason when TEST does not apply to $config.
S_left_out() {
	src=$(S_source "$1")
	[ -n "$src" ] || return 1
	# only the opening comment (its first lines, after the SPDX line): a
	# marker further down is a test's data (test_runner writes fake tests)
	line=$(head -n 5 "$src" | sed -n 's/^[#/* ]*chitieu-test: not-under \([a-z,]*\) *\(.*\)$/\1 \2/p' | head -n 1)
	[ -n "$line" ] || return 1
	set -f; set -- $line
	case ",$1," in
	*",$config,"*) ;;
	*) return 1 ;;
	esac
	shift
	echo "$*" | sed 's/ *\*\/$//; s/^(\(.*\))$/\1/'
}

# S_run TEST: runs one test, logs it, counts it.
S_run() {
	t=$1
	case $t in
	*.sh) name=$(basename "$t" .sh) ;;
	*) name=$(basename "$t") ;;
	esac
	if why=$(S_left_out "$t"); then
		left=$((left + 1))
		left_out="$left_out
  $name${why:+ ($why)}"
		return
	fi
	log=$logs/$name.log
	case $t in
	*.sh) (cd "$top" && sh "$t") >"$log" 2>&1 ;;
	*) (cd "$top" && $vg "$t") >"$log" 2>&1 ;;
	esac
	rc=$?
	if [ $rc -eq 77 ]; then
		reason=$(sed -n 's/^SKIP: *//p' "$log" | tail -n 1)
		if [ -z "$reason" ]; then
			echo "FAIL $name (exit 77 without a line 'SKIP: reason'; log: $log)"
			fail=$((fail + 1)); failed="$failed $name"
		elif [ $require_all = 1 ]; then
			echo "FAIL $name (skipped: $reason; under CI=true or CHITIEU_REQUIRE_ALL=1 every test must run)"
			fail=$((fail + 1)); failed="$failed $name"
		else
			echo "SKIP $name ($reason)"
			skip=$((skip + 1))
		fi
	elif [ $rc -eq 0 ]; then
		echo "ok   $name"
		pass=$((pass + 1))
	else
		echo "FAIL $name (exit $rc; log: $log)"
		sed 's/^/    /' "$log" | tail -n 30
		fail=$((fail + 1)); failed="$failed $name"
	fi
}

if [ $# -gt 0 ]; then
	for t in "$@"; do
		case $t in /*) ;; *) t=$PWD/$t ;; esac
		[ -f "$t" ] || { echo "tests/run.sh: no test $t" >&2; exit 2; }
		S_run "$t"
	done
else
	for t in "$TEST_BIN"/test_*; do
		[ -x "$t" ] && [ -f "$t" ] || continue
		case $t in *.d) continue ;; esac
		S_run "$t"
	done
	for t in "$top"/tests/e2e/test_*.sh; do
		[ -f "$t" ] && S_run "$t"
	done
fi
if [ $left -gt 0 ]; then
	echo "$left left out of this configuration ($config) by design:$left_out"
fi
[ $skip -eq 0 ] || echo "$skip skipped: a skipped test did not run its checks (a tool is missing: run ./build.sh); CI=true counts it as failed"
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
