# SPDX-License-Identifier: MIT
# The environment failing under a run, one case per function: a full
# disk, a read-only output folder, gnuplot killed or hanging, no font, no
# memory.  Each: exit 3 with a message naming what failed, no file
# under a final name, no temporary folder, the previous output untouched.
# (Bad input, a failing or missing gnuplot, ulimit -f and SIGTERM are in
# test_atomic.sh; the hang and the font alone in test_charts.sh and
# test_report_pdf.sh: here each runs over a previous output.)
. tests/e2e/lib.sh
set -e
D="$WORK/in"
OUT="$WORK/output"
FAKE=$TOP/tests/fake-gnuplot
# (the chart cache's record of when runs were is no output)
tree_sum() { (cd "$1" && find . -type f ! -path ./.cache/charts/runs | LC_ALL=C sort | xargs sha256sum); }

base() {
	rm -rf "$D"
	mkdir -p "$D/so-lieu"
	printf 'ma,ten,thu_tu\nhuyen,UBND cấp huyện,1\nxa,UBND cấp xã,2\n' >"$D/nhom.csv"
	printf 'ma,ten,nhom,thuoc\nhuyen-a,UBND huyện A,huyen,\nxa-b,UBND xã B,xa,huyen-a\n' >"$D/don-vi.csv"
	printf 'stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung\n1,Tỷ lệ hồ sơ trực tuyến,UBND,VP,%%,>=,80,Công văn 1,huyen|xa\n' >"$D/chi-tieu.csv"
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,8,10,\n' >"$D/so-lieu/huyen-a.csv"
	printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-01,1,5,10,\n' >"$D/so-lieu/xa-b.csv"
}

# unchanged ROOT: the previous output of ROOT is as it was, nothing else.
unchanged() {
	[ "$(tree_sum "$1")" = "$2" ] || fail "$case: the previous output changed"
	! ls -a "$1" | grep -q '^\.chitieu-tmp' || fail "$case: a temporary folder was left in $1"
}

# env_fail TEXT ARGS...: the run (env set by the caller) exits 3 naming TEXT.
env_fail() {
	want=$1; shift
	set +e
	timeout 120 ${CHITIEU_WRAP:-} "$CHITIEU" -q -i "$D" -o "$OUT" "$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	set -e
	[ "$RC" -ne 124 ] || fail "$case: still running after 120 s"
	expect_rc 3
	expect_err "$want"
	unchanged "$OUT" "$before"
}

test_faults_disk_full() {
	# a small tmpfs holding the previous output, filled up: ENOSPC, not
	# the ulimit -f of test_atomic.sh
	mnt="$WORK/small"
	mkdir -p "$mnt"
	if ! mount -t tmpfs -o size=8m tmpfs "$mnt" 2>/dev/null; then
		skip_part "$case: cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)"
		return
	fi
	set +e
	(
		set -e
		"$CHITIEU" -q -i "$D" -o "$mnt/out"
		prev=$(tree_sum "$mnt/out")
		used=$(du -sk "$mnt/out" | cut -f1)
		free=$(df -k --output=avail "$mnt" | tail -n 1)
		# leave room for half of a second output
		fill=$((free - used / 2))
		[ "$fill" -le 0 ] || head -c "${fill}k" /dev/zero >"$mnt/filler" 2>/dev/null || true
		set +e
		"$CHITIEU" -q -i "$D" -o "$mnt/out" 2>"$WORK/err"
		rc=$?
		set -e
		[ "$rc" -eq 3 ] || { cat "$WORK/err" >&2; echo "exit $rc, expected 3" >&2; exit 1; }
		grep -qF "No space left on device" "$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
		[ "$(tree_sum "$mnt/out")" = "$prev" ] || { echo "the previous output changed" >&2; exit 1; }
		! ls -a "$mnt/out" | grep -q '^\.chitieu-tmp' || { echo "a temporary folder was left" >&2; exit 1; }
		# room again: the next run succeeds
		rm "$mnt/filler"
		"$CHITIEU" -q -i "$D" -o "$mnt/out"
	)
	rc=$?
	set -e
	umount "$mnt"
	[ "$rc" -eq 0 ] || fail "$case"
}

test_faults_readonly_output() {
	if [ "$(id -u)" -ne 0 ]; then
		chmod a-w "$OUT"
		env_fail "cannot write in the output folder '$OUT'"
		chmod u+w "$OUT"
		return
	fi
	# root writes anywhere: run as nobody, who may read the input only
	command -v setpriv >/dev/null || { skip_part "$case: no setpriv to drop root (util-linux)"; return; }
	chmod 755 "$WORK" "$D" "$D/so-lieu"
	chmod 644 "$D"/*.csv "$D"/so-lieu/*.csv
	set +e
	timeout 120 setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
		"$CHITIEU" -q -i "$D" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	set -e
	expect_rc 3
	expect_err "cannot write in the output folder '$OUT': Permission denied"
	unchanged "$OUT" "$before"
}

test_faults_readonly_mount() {
	# a read-only file system (root is refused too)
	mnt="$WORK/ro"
	mkdir -p "$mnt"
	cp -a "$OUT/." "$mnt/"
	if ! mount --bind "$mnt" "$mnt" 2>/dev/null; then
		skip_part "$case: cannot bind-mount here (not root, or no CAP_SYS_ADMIN)"
		return
	fi
	if ! mount -o remount,bind,ro "$mnt" 2>/dev/null; then
		umount "$mnt"
		skip_part "$case: cannot remount a bind mount read-only here"
		return
	fi
	set +e
	"$CHITIEU" -q -i "$D" -o "$mnt" 2>"$WORK/err"
	RC=$?
	set -e
	umount "$mnt"
	expect_rc 3
	expect_err "Read-only file system"
	unchanged "$mnt" "$before"
}

test_faults_gnuplot_killed() {
	cat >"$WORK/gp-killed" <<-'EOS'
	#!/bin/sh
	# a gnuplot that dies of a signal halfway (the OOM killer, a crash)
	head -c 100 >/dev/null
	kill -KILL $$
	EOS
	chmod +x "$WORK/gp-killed"
	CHITIEU_GNUPLOT="$WORK/gp-killed" env_fail "gnuplot"
}

test_faults_gnuplot_hangs() {
	CHITIEU_GNUPLOT_TIMEOUT=1 CHITIEU_GNUPLOT="$FAKE/hang" env_fail "CHITIEU_GNUPLOT_TIMEOUT"
}

test_faults_gnuplot_fails_on_one_chart() {
	command -v gnuplot >/dev/null || { skip_part "$case: gnuplot is not installed (apt-get install gnuplot-nox)"; return; }
	# (the previous run's charts are in the cache: drawn again, not reused,
	# so that the broken one is drawn at all)
	CHITIEU_BREAK_CHART=chi-tieu-1 CHITIEU_GNUPLOT="$FAKE/break-chart" env_fail "chi-tieu-1" --no-cache
}

test_faults_font_missing() {
	mkdir -p "$WORK/nofonts" "$WORK/fccache"
	cat >"$WORK/fonts.conf" <<-EOF
	<?xml version="1.0"?>
	<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
	<fontconfig><dir>$WORK/nofonts</dir><cachedir>$WORK/fccache</cachedir></fontconfig>
	EOF
	FONTCONFIG_FILE="$WORK/fonts.conf" env_fail "fonts-liberation2"
}

test_faults_out_of_memory() {
	# the N-th allocation fails, N growing by half from the first
	# allocation (reading) until the run needs fewer (the last ones write
	# the site):
	# each time one message, exit 3, nothing left behind
	n=1
	while :; do
		set +e
		CHITIEU_FAIL_ALLOC=$n ${CHITIEU_WRAP:-} "$CHITIEU" -q -i "$D" -o "$OUT" >"$WORK/out" 2>"$WORK/err"
		RC=$?
		set -e
		[ "$RC" -ne 0 ] || break
		expect_rc 3
		[ "$(cat "$WORK/err")" = "chitieu: out of memory" ] || { cat "$WORK/err" >&2; fail "$case: N=$n: not the one message"; }
		unchanged "$OUT" "$before"
		last=$n
		n=$((n * 3 / 2 + 1))
	done
	[ "$n" -ge 1000 ] || fail "$case: a run needs only $n allocations?"
	echo "  $case: every failure tried up to allocation $last exits 3 cleanly"
	[ "$(tree_sum "$OUT")" = "$before" ] || fail "$case: the run that had memory gave other output"
}

test_faults_killed_then_rerun() {
	# SIGKILL cannot be caught: the previous output must still be whole,
	# and the next run must succeed
	cat >"$WORK/gp-wait" <<-'EOS'
	#!/bin/sh
	sleep 30
	EOS
	chmod +x "$WORK/gp-wait"
	CHITIEU_GNUPLOT="$WORK/gp-wait" "$CHITIEU" -q -i "$D" -o "$OUT" 2>/dev/null &
	pid=$!
	sleep 1
	kill -KILL $pid
	wait $pid || true
	# its temporary folder stays behind, the output itself is whole
	[ "$(cd "$OUT" && find . -type f ! -path './.chitieu-tmp*' ! -path ./.cache/charts/runs | LC_ALL=C sort | xargs sha256sum)" = "$before" ] ||
		fail "$case: the previous output changed"
	# the next run removes the dead run's folder
	run_chitieu -q -i "$D" -o "$OUT"
	expect_rc 0
	unchanged "$OUT" "$before"
}

base
run_chitieu -q -i "$D" -o "$OUT"; expect_rc 0
before=$(tree_sum "$OUT")
for case in $(sed -n 's/^\(test_faults_[a-z0-9_]*\)() {$/\1/p' tests/e2e/test_faults.sh); do
	echo "$case"
	base
	"$case"
done
end_test
