# SPDX-License-Identifier: MIT
# A failed or interrupted run leaves output/ byte-for-byte as it was and
# no temporary folder behind; --check writes nothing.
. tests/e2e/lib.sh
set -e
OUT="$WORK/output"
tree_sum() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum) ; }
no_tmp() { ! ls -a "$OUT" | grep -q '^\.chitieu-tmp' || fail "a temporary folder was left in $OUT"; }

run_chitieu -q -i input -o "$OUT"; expect_rc 0
before=$(tree_sum "$OUT")

# --check writes nothing, not even the output root.
run_chitieu --check -q -i input -o "$WORK/never"; expect_rc 0
[ ! -e "$WORK/never" ] || fail "--check created the output folder"

# Bad input: exit 1, nothing changed.
copy_sample "$WORK/bad"
f=$(ls "$WORK/bad/so-lieu/"*.csv | head -n 1)
printf '2024-13,1,5,4,\n' >> "$f"
run_chitieu -q -i "$WORK/bad" -o "$OUT"; expect_rc 1
[ "$(tree_sum "$OUT")" = "$before" ] || fail "bad input changed the output"; no_tmp

# gnuplot failing: exit 3, nothing changed.
cat > "$WORK/gp-fail" <<'EOS'
#!/bin/sh
cat >/dev/null; echo "fake gnuplot: failing on purpose" >&2; exit 1
EOS
chmod +x "$WORK/gp-fail"
CHITIEU_GNUPLOT="$WORK/gp-fail" run_chitieu -q -i input -o "$OUT"; expect_rc 3
[ "$(tree_sum "$OUT")" = "$before" ] || fail "a gnuplot failure changed the output"; no_tmp

# gnuplot missing: exit 3, naming the package.
CHITIEU_GNUPLOT="$WORK/no-such-gnuplot" run_chitieu -q -i input -o "$OUT"; expect_rc 3
expect_err "gnuplot"
[ "$(tree_sum "$OUT")" = "$before" ] || fail "a missing gnuplot changed the output"; no_tmp

# Disk full (a file-size limit): exit 3, nothing changed.
set +e
(ulimit -f 64; "$CHITIEU" -q -i input -o "$OUT" 2>"$WORK/err"); RC=$?
set -e
expect_rc 3
[ "$(tree_sum "$OUT")" = "$before" ] || fail "a full disk changed the output"; no_tmp

# Interrupted while drawing: SIGTERM leaves nothing behind.
cat > "$WORK/gp-slow" <<'EOS'
#!/bin/sh
sleep 30
EOS
chmod +x "$WORK/gp-slow"
CHITIEU_GNUPLOT="$WORK/gp-slow" "$CHITIEU" -q -i input -o "$OUT" 2>/dev/null &
pid=$!
sleep 1
kill -TERM $pid
wait $pid || true
sleep 0.2
[ "$(tree_sum "$OUT")" = "$before" ] || fail "an interrupted run changed the output"; no_tmp

# Read-only output root: exit 3 with a message naming it, the output as
# it was.  Root writes anywhere: as root the run is nobody's (setpriv), on a
# copy of the input nobody may read.
chmod a-w "$OUT"
if [ "$(id -u)" -ne 0 ]; then
	run_chitieu -q -i input -o "$OUT"; expect_rc 3
elif command -v setpriv >/dev/null; then
	copy_sample "$WORK/in-ro"
	chmod 755 "$WORK"; chmod -R a+rX "$WORK/in-ro"
	set +e
	timeout 120 setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
		"$CHITIEU" -q -i "$WORK/in-ro" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	set -e
	expect_rc 3
else
	skip_part "a read-only output root as root: no setpriv to drop root (util-linux)"
fi
chmod u+w "$OUT"
[ "$RC" -ne 3 ] || expect_err "cannot write in the output folder '$OUT'"
[ "$(tree_sum "$OUT")" = "$before" ] || fail "a run into a read-only output root changed it"; no_tmp

# An output root that cannot be a folder (a file is in the way): exit 3.
: > "$WORK/a-file"
run_chitieu -q -i input -o "$WORK/a-file"; expect_rc 3; expect_err "a-file"

# A second good run replaces the period folder whole.
run_chitieu -q -i input -o "$OUT"; expect_rc 0; no_tmp
end_test
