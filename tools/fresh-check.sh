#!/bin/sh
# SPDX-License-Identifier: MIT
# tools/fresh-check.sh [REF]: checks the README's promise the way a new
# user meets it.  Builds a bare Debian 12 root (mmdebstrap
# --variant=minbase bookworm, git added), clones this repository into it
# at REF (default HEAD: only committed work is checked), and runs inside
# it, as root, `./build.sh` then `make check` with /proc and /dev bound.
# Prints each command's result and exits 0 only when both passed.
#
# Slow (it downloads and installs every package build.sh lists, then runs
# the whole suite), so it is not part of `make check`.  Needs root and
# mmdebstrap.  Environment: FRESH_MIRROR (default http://deb.debian.org/debian),
# FRESH_KEEP=1 keeps the root for a look (its path is printed).  The log is
# build/fresh-check.log of this checkout.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ref=${1:-HEAD}
mirror=${FRESH_MIRROR:-http://deb.debian.org/debian}
[ "$(id -u)" -eq 0 ] || { echo "fresh-check: run as root (chroot, mount)" >&2; exit 2; }
command -v mmdebstrap >/dev/null || { echo "fresh-check: apt-get install mmdebstrap" >&2; exit 2; }
commit=$(git -C "$top" rev-parse --verify "$ref^{commit}") ||
	{ echo "fresh-check: no commit $ref" >&2; exit 2; }
mkdir -p "$top/build"
log=$top/build/fresh-check.log
: >"$log"
root=$(mktemp -d /tmp/chitieu-fresh.XXXXXX)

# Unmount before deleting: rm -rf must never walk into the bound /dev.
S_cleanup() {
	for m in dev proc; do
		mountpoint -q "$root/$m" 2>/dev/null && umount -R "$root/$m" || true
	done
	if grep -q " $root/" /proc/mounts; then
		echo "fresh-check: $root still has mounts; not deleting it" >&2
	elif [ "${FRESH_KEEP:-0}" = 1 ]; then
		echo "fresh-check: root kept in $root"
	else
		rm -rf "$root"
	fi
}
trap S_cleanup EXIT
trap 'exit 130' INT TERM

S_say() { echo "fresh-check: $*" | tee -a "$log"; }

S_say "commit $commit ($(git -C "$top" log -1 --format=%s "$commit" | cut -c1-60))"
S_say "mmdebstrap --variant=minbase --include=git bookworm $root"
t0=$(date +%s)
mmdebstrap --variant=minbase --include=git bookworm "$root" \
	"deb $mirror bookworm main" "deb $mirror bookworm-updates main" \
	"deb ${mirror%/debian}/debian-security bookworm-security main" >>"$log" 2>&1 ||
	{ S_say "mmdebstrap failed (see $log)"; exit 1; }
S_say "root made in $(($(date +%s) - t0)) s"
git clone -q --no-hardlinks "$top" "$root/root/chitieu" >>"$log" 2>&1
git -C "$root/root/chitieu" checkout -q "$commit"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"

# S_inside CMD: runs CMD in the clone, as root, with a login's bare
# environment; prints its exit code and time.
S_inside() {
	t=$(date +%s)
	set +e
	chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		TERM=dumb sh -c "cd /root/chitieu && $1" >>"$log" 2>&1
	rc=$?
	set -e
	S_say "$1: exit $rc in $(($(date +%s) - t)) s"
	return $rc
}
ok=1
S_inside ./build.sh || ok=0
if [ $ok = 1 ]; then
	S_inside "make check" || ok=0
	grep -E '^(FAIL |failed:|[0-9]+ passed)' "$log" || true
fi
if [ $ok = 1 ]; then
	S_say "PASS: ./build.sh and make check on a bare Debian 12"
else
	S_say "FAIL (log: $log)"
	tail -n 40 "$log"
	exit 1
fi
