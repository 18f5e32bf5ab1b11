# SPDX-License-Identifier: MIT
# The command line: --help, --version, bad usage exits 2.
. tests/e2e/lib.sh
set -e
run_chitieu --help;        expect_rc 0; grep -q '^usage: chitieu' "$WORK/out" || fail "--help prints no usage"
run_chitieu --version;     expect_rc 0; grep -q "^chitieu $(cat VERSION)\$" "$WORK/out" || fail "--version"
run_chitieu --bogus;       expect_rc 2
run_chitieu -k 2024-13;    expect_rc 2; expect_err "-k takes a period YYYY-MM or YYYY-Qn"
run_chitieu -k 2024-Q5;    expect_rc 2
run_chitieu -j 0;          expect_rc 2; expect_err "-j takes a number of workers"
run_chitieu extra-arg;     expect_rc 2; expect_err "unexpected argument 'extra-arg'"
# A missing input folder is bad input (exit 1) with a message naming it.
run_chitieu --check -i "$WORK/nowhere"; expect_rc 1; expect_err "nowhere"
# Quiet when stderr is not a terminal: a clean run prints nothing.
run_chitieu --check -i input; expect_rc 0
! grep -q '^chitieu: reading' "$WORK/err" || fail "progress printed while stderr is not a terminal"
exit 0
