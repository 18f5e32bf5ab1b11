# SPDX-License-Identifier: MIT
# Shared helpers for the end-to-end tests (sourced).  Each test is a
# plain sh script that exits non-zero on the first failed expectation,
# 0 when every check ran and held, and 77 (skip, with the reason) when it
# could not run its checks here: see tests/run.sh.
set -u
TOP=$(pwd)
CHITIEU=${CHITIEU:-$TOP/chitieu}
WORK=$(mktemp -d /tmp/chitieu-e2e.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# skip REASON: this test cannot run its main assertion on this machine (a
# tool or a kernel feature is missing): says why and exits 77, which
# tests/run.sh counts as skipped, and as failed under CI=true.  Never exit
# 0 for a check that did not run.
skip() { echo "SKIP: $*"; exit 77; }
# need COMMAND PACKAGE: skips the test unless COMMAND is installed.
need() {
	command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed (apt-get install $2, or run ./build.sh)"
}
# need_chromium: skips unless a Chromium runs; sets $CHROMIUM to it.
# CHITIEU_CHROMIUM names another browser binary (or a missing one, to see
# what CI=true does on a machine without Chromium).
need_chromium() {
	CHROMIUM=${CHITIEU_CHROMIUM:-$(command -v chromium 2>/dev/null || true)}
	[ -n "$CHROMIUM" ] || skip "chromium is not installed (apt-get install chromium, or run ./build.sh)"
	[ -x "$CHROMIUM" ] || skip "no Chromium at $CHROMIUM (CHITIEU_CHROMIUM)"
}
# skip_part REASON: one part of the test cannot run here; the rest goes
# on (a failure still fails the test), and end_test then skips the whole
# test with the reasons instead of reporting it passed.
skip_part() { echo "SKIP: $*" >>"$WORK/skipped-parts"; echo "skipped part: $*"; }
# end_test: the last line of a test that has parts: 0 when every part ran,
# else 77 with the reasons of the parts that did not.
end_test() {
	if [ -s "$WORK/skipped-parts" ]; then
		skip "$(sed 's/^SKIP: //' "$WORK/skipped-parts" | paste -sd ';' - | sed 's/;/; /g')"
	fi
	exit 0
}

# run_chitieu ARGS...: runs the program (under $CHITIEU_WRAP, e.g. valgrind),
# stdout to $WORK/out, stderr to $WORK/err, exit code in $RC.
run_chitieu() {
	set +e
	${CHITIEU_WRAP:-} "$CHITIEU" "$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	set -e
	[ "$RC" -ne 99 ] || { cat "$WORK/err" >&2; fail "valgrind found errors"; }
}
expect_rc() { [ "$RC" -eq "$1" ] || { cat "$WORK/err" >&2; fail "exit $RC, expected $1"; }; }
# expect_err TEXT: stderr has a line containing TEXT (fixed string).
expect_err() { grep -qF -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr lacks: $1"; }; }
expect_no_err() { ! grep -qF -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr has: $1"; }; }
# copy_sample DIR: a fresh copy of the shipped input/ to edit.
copy_sample() { rm -rf "$1"; cp -r "$TOP/input" "$1"; }

# Long tables are drawn 256 rows at a time (lo_table_flow_batch), so memory
# does not grow with the units.  Runs chitieu on 1,200 generated units with
# batches and with every table drawn whole (CHITIEU_TABLE_WHOLE=1) and
# fails unless the output file $1 (e.g. the-diem.pdf) is the same bytes.
# Not under valgrind (minutes); test_layout compares the two box by box.
same_batched_as_whole() {
	[ -z "${CHITIEU_WRAP:-}" ] || return 0
	[ -x "$WORK/genbench" ] ||
		${CC:-cc} -std=c11 -O2 -o "$WORK/genbench" "$TOP/tools/genbench.c" || fail "genbench does not compile"
	[ -d "$WORK/big" ] || "$WORK/genbench" 1200 "$WORK/big" >/dev/null || fail "genbench 1200 failed"
	SOURCE_DATE_EPOCH=1700000000 run_chitieu -q -i "$WORK/big" -o "$WORK/big-batch"
	expect_rc 0
	SOURCE_DATE_EPOCH=1700000000 CHITIEU_TABLE_WHOLE=1 run_chitieu -q -i "$WORK/big" -o "$WORK/big-whole"
	expect_rc 0
	a=$(ls "$WORK"/big-batch/*/"$1") b=$(ls "$WORK"/big-whole/*/"$1")
	[ "$(wc -c <"$a")" -gt 100000 ] || fail "$1 of 1,200 units is too small to hold them"
	cmp -s "$a" "$b" || fail "$1 drawn in batches differs from its tables drawn whole"
}
