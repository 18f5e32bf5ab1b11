# SPDX-License-Identifier: MIT
# The man pages are clean mdoc: `mandoc -Tlint` reports nothing at all,
# but that chitieu(1) and chitieu-input(5) name each other (found once
# installed, not from the source folder), and they render with every
# section a reader looks for.
. tests/e2e/lib.sh
set -e
need mandoc mandoc
set +e
mandoc -Tlint man/chitieu.1 man/chitieu-input.5 >"$WORK/lint" 2>&1
set -e
grep -v -e 'STYLE: referenced manual not found: Xr chitieu-input 5' \
	-e 'STYLE: referenced manual not found: Xr chitieu 1' \
	-e 'outdated mandoc.db' "$WORK/lint" >"$WORK/lint-left" || true
[ ! -s "$WORK/lint-left" ] || { cat "$WORK/lint-left" >&2; fail "mandoc -Tlint reports problems"; }
mandoc -Tutf8 man/chitieu.1 | sed "s/.\x08//g" >"$WORK/page1"
for s in NAME SYNOPSIS DESCRIPTION ENVIRONMENT FILES "EXIT STATUS" EXAMPLES "SEE ALSO"; do
	grep -q "^$s\$" "$WORK/page1" || fail "chitieu.1 has no $s section"
done
# Every input file of the sample is described, and every column of its
# CSV headers (outside the examples, which show a header row whole).
mandoc -Tutf8 man/chitieu-input.5 | sed "s/.\x08//g; /^EXAMPLES\$/,\$d" >"$WORK/page5"
for f in input/*; do
	b=$(basename "$f")
	[ -d "$f" ] && b=$b/
	grep -qF "$b" "$WORK/page5" || fail "chitieu-input.5 does not describe $b"
done
for f in input/*.csv input/so-lieu/so-tu-phap.csv; do
	for col in $(head -n 1 "$f" | tr -d '\r\357\273\277' | tr ',;' '  '); do
		grep -qw -- "$col" "$WORK/page5" || fail "chitieu-input.5 does not describe the column $col of $f"
	done
done
exit 0
