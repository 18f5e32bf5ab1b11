# SPDX-License-Identifier: MIT
# The version has one source, VERSION: the program says it, and the
# Debian package's version (the top entry of debian/changelog) agrees, so a
# release cannot ship a .deb named for another version.
. tests/e2e/lib.sh
set -e
v=$(cat VERSION)
echo "$v" | grep -qE '^[0-9]+\.[0-9]+\.[0-9]+$' || fail "VERSION is not N.N.N: $v"
run_chitieu --version; expect_rc 0
[ "$(head -n 1 "$WORK/out")" = "chitieu $v" ] || fail "chitieu --version does not say $v"
d=$(sed -n '1s/^chitieu (\([^)]*\)) .*/\1/p' debian/changelog)
[ -n "$d" ] || fail "debian/changelog's first line is not 'chitieu (VERSION) ...'"
[ "$d" = "$v" ] || fail "debian/changelog says $d, VERSION says $v: add a changelog entry (dch -v $v)"
if ! command -v dpkg-parsechangelog >/dev/null; then
	skip_part "dpkg-parsechangelog is not installed (apt-get install dpkg-dev)"
else
	[ "$(dpkg-parsechangelog -l debian/changelog -S Version)" = "$v" ] ||
		fail "dpkg-parsechangelog reads another version than $v"
fi
end_test
