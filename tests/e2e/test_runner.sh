# SPDX-License-Identifier: MIT
# tests/run.sh itself: three outcomes (a test that exits 0 passed, 77 with
# a line "SKIP: reason" skipped, anything else failed; 77 without a reason
# failed), a skip is a failure under CI=true or CHITIEU_REQUIRE_ALL=1, a
# test marked "chitieu-test: not-under CONFIG" is left out of that
# configuration and counted as left out, and the closing line CI reads.
# Then the real browser tests on a machine "without Chromium"
# (CHITIEU_CHROMIUM=/nonexistent): skipped, and failed under CI=true.
. tests/e2e/lib.sh
set -e
T=$WORK/t
mkdir -p "$T" "$WORK/none"
printf 'exit 0\n' >"$T/test_fake_pass.sh"
printf 'echo "FAIL: on purpose" >&2\nexit 1\n' >"$T/test_fake_fail.sh"
printf 'echo "looking for it"\necho "SKIP: no frobnicator (apt-get install frob)"\nexit 77\n' >"$T/test_fake_skip.sh"
printf 'exit 77\n' >"$T/test_fake_mute.sh"
printf '#!/bin/sh\necho "SKIP: no /dev/frob"\nexit 77\n' >"$T/test_fake_unit"
chmod +x "$T/test_fake_unit"
# passes where it applies, and would fail under valgrind or the sanitizers
cat >"$T/test_fake_timing.sh" <<'EOS'
# A timing figure.
# chitieu-test: not-under valgrind,sanitize (a timing figure: meaningless under instrumentation)
[ "${CHITIEU_TEST_CONFIG:-}" = release ] || { echo "FAIL: run under $CHITIEU_TEST_CONFIG" >&2; exit 1; }
exit 0
EOS
# a program that looks built with AddressSanitizer
printf '#!/bin/sh\n# __asan_init\n' >"$WORK/chitieu-asan"
printf '#!/bin/sh\n' >"$WORK/chitieu-rel"
chmod +x "$WORK/chitieu-asan" "$WORK/chitieu-rel"

# R [VAR=VALUE]... -- TEST...: tests/run.sh with a clean environment for
# its outcome rules; output in $WORK/run, exit code in $RC.
R() {
	set +e
	env -u CI -u CHITIEU_REQUIRE_ALL -u CHITIEU_VALGRIND -u CHITIEU_WRAP -u CHITIEU_CHROMIUM \
		CHITIEU="$WORK/chitieu-rel" CHITIEU_TEST_LOGS="$WORK/logs" TEST_BIN="$WORK/none" \
		"$@" >"$WORK/run" 2>&1
	RC=$?
	set -e
}
has() { grep -qxF -- "$1" "$WORK/run" || { cat "$WORK/run" >&2; fail "tests/run.sh did not print: $1"; }; }
last() {
	[ "$(tail -n 1 "$WORK/run")" = "$1" ] || { cat "$WORK/run" >&2; fail "the closing line is not: $1"; }
	# the form CI reads
	tail -n 1 "$WORK/run" | grep -qE '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' ||
		fail "the closing line is not in the form CI reads"
}
rc() { [ "$RC" -eq "$1" ] || { cat "$WORK/run" >&2; fail "tests/run.sh exited $RC, expected $1"; }; }

# --- outside CI: each outcome counted as itself
R sh tests/run.sh "$T/test_fake_pass.sh" "$T/test_fake_skip.sh" "$T/test_fake_unit" "$T/test_fake_timing.sh"
rc 0
has "ok   test_fake_pass"
has "SKIP test_fake_skip (no frobnicator (apt-get install frob))"
has "SKIP test_fake_unit (no /dev/frob)"
has "ok   test_fake_timing"
last "2 passed, 0 failed, 2 skipped"
R sh tests/run.sh "$T/test_fake_pass.sh" "$T/test_fake_fail.sh" "$T/test_fake_skip.sh" "$T/test_fake_mute.sh"
rc 1
has "FAIL test_fake_fail (exit 1; log: $WORK/logs/test_fake_fail.log)"
has "    FAIL: on purpose"
has "FAIL test_fake_mute (exit 77 without a line 'SKIP: reason'; log: $WORK/logs/test_fake_mute.log)"
has "failed: test_fake_fail test_fake_mute"
last "1 passed, 2 failed, 1 skipped"

# --- under CI=true and CHITIEU_REQUIRE_ALL=1 a skip is a failure
for how in CI=true CHITIEU_REQUIRE_ALL=1; do
	R "$how" sh tests/run.sh "$T/test_fake_pass.sh" "$T/test_fake_skip.sh" "$T/test_fake_unit"
	rc 1
	has "FAIL test_fake_skip (skipped: no frobnicator (apt-get install frob); under CI=true or CHITIEU_REQUIRE_ALL=1 every test must run)"
	has "FAIL test_fake_unit (skipped: no /dev/frob; under CI=true or CHITIEU_REQUIRE_ALL=1 every test must run)"
	has "failed: test_fake_skip test_fake_unit"
	last "1 passed, 2 failed, 0 skipped"
done
# CI=false is no CI
R CI=false sh tests/run.sh "$T/test_fake_skip.sh"
rc 0
last "0 passed, 0 failed, 1 skipped"

# --- left out by design: not run, not a skip, even under CI=true
rm -f "$WORK/logs/test_fake_timing.log"
R CI=true CHITIEU="$WORK/chitieu-asan" sh tests/run.sh "$T/test_fake_pass.sh" "$T/test_fake_timing.sh"
rc 0
has "1 left out of this configuration (sanitize) by design:"
has "  test_fake_timing (a timing figure: meaningless under instrumentation)"
last "1 passed, 0 failed, 0 skipped"
[ ! -e "$WORK/logs/test_fake_timing.log" ] || fail "a test left out was run"
R CI=true CHITIEU_VALGRIND=1 sh tests/run.sh "$T/test_fake_timing.sh"
rc 0
has "1 left out of this configuration (valgrind) by design:"
last "0 passed, 0 failed, 0 skipped"

# --- a machine without Chromium: the browser tests skip, saying so, and
# fail under CI=true, by name
R CHITIEU_CHROMIUM=/nonexistent sh tests/run.sh tests/e2e/test_browser.sh tests/e2e/test_browser_checks.sh
rc 0
has "SKIP test_browser (no Chromium at /nonexistent (CHITIEU_CHROMIUM))"
has "SKIP test_browser_checks (no Chromium at /nonexistent (CHITIEU_CHROMIUM))"
last "0 passed, 0 failed, 2 skipped"
R CI=true CHITIEU_CHROMIUM=/nonexistent sh tests/run.sh tests/e2e/test_browser.sh tests/e2e/test_browser_checks.sh
rc 1
has "failed: test_browser test_browser_checks"
last "0 passed, 2 failed, 0 skipped"

# --- every e2e script that can skip does so through lib.sh (skip, need,
# need_chromium, skip_part): none prints a skip and exits 0
for f in tests/e2e/test_*.sh; do
	[ "$f" != tests/e2e/test_runner.sh ] || continue
	! grep -nE '^[^#]*echo "?(skip|SKIP)[: ]' "$f" ||
		fail "$f prints a skip of its own: use skip, need or skip_part (tests/e2e/lib.sh)"
done
exit 0
