# Shared helpers for the end-to-end tests (sourced).  Each test is a
# plain sh script that exits non-zero on the first failed expectation.
set -u
TOP=$(pwd)
CHITIEU=${CHITIEU:-$TOP/chitieu}
WORK=$(mktemp -d /tmp/chitieu-e2e.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

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
