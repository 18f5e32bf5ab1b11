# SPDX-License-Identifier: MIT
# The committed sample input/ is exactly what tools/gen-sample.py writes:
# nobody edited the generated files by hand, and the generator is
# deterministic (two runs, same bytes).  bao-cao.conf and noi-dung.md
# (the clerk's text) are written by hand.
. tests/e2e/lib.sh
set -e
need python3 python3
python3 tools/gen-sample.py "$WORK/a" >/dev/null || fail "gen-sample.py failed"
python3 tools/gen-sample.py "$WORK/b" >/dev/null || fail "gen-sample.py failed"
diff -r "$WORK/a" "$WORK/b" || fail "two runs of gen-sample.py differ"
cp input/bao-cao.conf input/noi-dung.md "$WORK/a/"
diff -r input "$WORK/a" || fail "input/ differs from what tools/gen-sample.py writes"
exit 0
