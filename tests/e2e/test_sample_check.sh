# SPDX-License-Identifier: MIT
# The shipped sample is valid: --check exits 0 with exactly the three
# warnings it has on purpose (a unit with no file, a unit that skipped one
# target, a unit without its December figures), and --strict turns those
# into exit 1.
. tests/e2e/lib.sh
set -e
run_chitieu --check -i input
expect_rc 0
expect_no_err "error:"
expect_err "xa-hong-van"
expect_err "xa-tan-dan"
expect_err "ban-quan-ly-kcn"
n=$(grep -c "warning:" "$WORK/err" || true)
[ "$n" -eq 3 ] || { cat "$WORK/err" >&2; fail "$n warnings, expected 3"; }
run_chitieu --check --strict -i input
expect_rc 1
exit 0
