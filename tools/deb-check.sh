#!/bin/sh
# SPDX-License-Identifier: MIT
# tools/deb-check.sh [--no-install] [REF]: the Debian package, checked end to end.
# Builds chitieu_<version>_amd64.deb from a clean copy of REF (default
# HEAD: committed work only) with `dpkg-buildpackage -us -uc -b`, runs
# lintian on it, then installs it with `apt-get install ./chitieu_….deb`
# into a bare Debian 12 root (mmdebstrap --variant=minbase bookworm) and
# runs `chitieu -i /usr/share/doc/chitieu/examples/input -o /tmp/out` there
# from /.  Exits 0 when the package built, lintian --pedantic -I reported
# no error, no warning and no copyright tag, and the installed chitieu
# exited 0 with a report written.  --no-install stops after lintian (no
# mmdebstrap needed).
#
# Needs root, mmdebstrap and the Build-Depends of debian/control (build.sh
# installs all but debhelper and lintian).  The package and the logs stay in
# build/deb-check/ of this checkout.  FRESH_MIRROR as for fresh-check.sh.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
install=1
[ "${1:-}" != --no-install ] || { install=0; shift; }
ref=${1:-HEAD}
mirror=${FRESH_MIRROR:-http://deb.debian.org/debian}
[ "$(id -u)" -eq 0 ] || { echo "deb-check: run as root (chroot, mount)" >&2; exit 2; }
tools="dpkg-buildpackage dh lintian"
[ $install = 0 ] || tools="mmdebstrap $tools"
for c in $tools; do
	command -v $c >/dev/null || { echo "deb-check: $c is missing (apt-get install mmdebstrap debhelper lintian)" >&2; exit 2; }
done
commit=$(git -C "$top" rev-parse --verify "$ref^{commit}")
out=$top/build/deb-check
rm -rf "$out" && mkdir -p "$out/src"
log=$out/log
: >"$log"
root=$(mktemp -d /tmp/chitieu-deb.XXXXXX)
S_cleanup() {
	for m in dev proc; do
		mountpoint -q "$root/$m" 2>/dev/null && umount -R "$root/$m" || true
	done
	if grep -q " $root/" /proc/mounts; then
		echo "deb-check: $root still has mounts; not deleting it" >&2
	else
		rm -rf "$root"
	fi
}
trap S_cleanup EXIT
trap 'exit 130' INT TERM
S_say() { echo "deb-check: $*" | tee -a "$log"; }

S_say "commit $commit"
git -C "$top" archive --prefix=chitieu/ "$commit" | tar -x -C "$out/src"
(cd "$out/src/chitieu" && dpkg-buildpackage -us -uc -b) >>"$log" 2>&1 ||
	{ S_say "dpkg-buildpackage failed (see $log)"; tail -n 30 "$log"; exit 1; }
deb=$(ls "$out"/src/chitieu_*_amd64.deb)
mv "$deb" "$out/"
deb=$out/$(basename "$deb")
S_say "built $(basename "$deb")"
dpkg-deb -f "$deb" Depends | sed 's/^/deb-check: Depends: /' | tee -a "$log"
lintian --pedantic -I "$deb" >"$out/lintian" 2>&1 || true
grep -v 'running with root privileges' "$out/lintian" | sed 's/^/deb-check: lintian: /' | tee -a "$log"
S_say "lintian: $(grep -c '^E: ' "$out/lintian") errors, $(grep -c '^W: ' "$out/lintian") warnings"
if grep -q '^[EW]: ' "$out/lintian"; then
	S_say "FAIL: lintian reports errors or warnings"
	exit 1
fi
if grep -q '^[A-Z]: .*copyright' "$out/lintian"; then
	S_say "FAIL: lintian has a tag on the copyright file"
	exit 1
fi
if [ $install = 0 ]; then
	S_say "PASS: the package builds and lintian --pedantic -I has no error, no warning, no copyright tag"
	exit 0
fi

mmdebstrap --variant=minbase bookworm "$root" \
	"deb $mirror bookworm main" "deb $mirror bookworm-updates main" \
	"deb ${mirror%/debian}/debian-security bookworm-security main" >>"$log" 2>&1 ||
	{ S_say "mmdebstrap failed (see $log)"; exit 1; }
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"
S_in() {
	chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin sh -c "$1" >>"$log" 2>&1
}
b=$(basename "$deb")
if ! S_in "apt-get update -qq && cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./$b"; then
	S_say "FAIL: apt-get install ./$b"
	tail -n 30 "$log"
	exit 1
fi
S_say "apt-get install ./$b: done"
set +e
S_in "cd / && chitieu --version && chitieu -i /usr/share/doc/chitieu/examples/input -o /tmp/out"
rc=$?
set -e
S_say "cd / && chitieu -i /usr/share/doc/chitieu/examples/input -o /tmp/out: exit $rc"
ls "$root"/tmp/out/*/bao-cao.pdf "$root"/tmp/out/*/site/index.html >>"$log" 2>&1 || rc=1
if [ $rc -eq 0 ]; then
	S_in "man -w chitieu chitieu-input 2>/dev/null || ls /usr/share/man/man1/chitieu.1.gz /usr/share/man/man5/chitieu-input.5.gz" || true
	S_say "PASS: the package builds, lintian has no error, and it installs and runs on a bare Debian 12"
else
	S_say "FAIL (log: $log)"
	tail -n 30 "$log"
	exit 1
fi
