# SPDX-License-Identifier: MIT
# tools/genbench.c writes valid inputs: the province size passes --check
# and --strict (no error, no warning), and the same size gives the same bytes.
. tests/e2e/lib.sh
set -e
${CC:-cc} -std=c11 -O2 -Wall -Wextra -Werror -o "$WORK/genbench" tools/genbench.c \
	|| fail "genbench does not compile cleanly"
"$WORK/genbench" province "$WORK/a" >/dev/null || fail "genbench province failed"
"$WORK/genbench" province "$WORK/b" >/dev/null || fail "genbench province failed"
diff -r "$WORK/a" "$WORK/b" >/dev/null || fail "genbench is not deterministic"
[ "$(ls "$WORK/a/so-lieu" | wc -l)" -eq 200 ] || fail "province size is not 200 unit files"
run_chitieu --check --strict -i "$WORK/a"
expect_rc 0
expect_no_err "error:"
expect_no_err "warning:"
# Bad usage of the generator itself.
if "$WORK/genbench" tiny "$WORK/c" 2>/dev/null; then fail "genbench accepted size 'tiny'"; fi
exit 0
