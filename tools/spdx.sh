#!/bin/sh
# SPDX-License-Identifier: MIT
# tools/spdx.sh [--check] [DIR...]: the licence line at the top of every
# source file under DIR (default: gen tests tools).  Idempotent: a file
# that has "SPDX-License-Identifier:" in its first three lines is left
# alone.  Where the line goes:
#   C (.c, .h)                      line 1: /* SPDX-License-Identifier: MIT */
#   JavaScript (.js)                line 1, or after a #! line: // SPDX-…
#   shell, Python (.sh, .py, and    line 1, or after a #! line (and after a
#   any file starting with #!)      Python coding line): # SPDX-…
# Data is not source: test corpora, golden files, CSV, JSON, workbooks and
# node_modules/ are never touched.  --check changes nothing: it lists the
# source files without the line and exits 1 when there is one.
set -eu
check=0
[ "${1:-}" != --check ] || { check=1; shift; }
[ $# -gt 0 ] || set -- gen tests tools
ID='SPDX-License-Identifier: MIT'
missing=0
added=0

# S_kind FILE: c, js, hash or nothing (not a source file).
S_kind() {
	case $1 in
	*.c | *.h) echo c ;;
	*.js) echo js ;;
	*.sh | *.py) echo hash ;;
	*/*.*) ;;
	*) [ "$(head -c 2 "$1")" != '#!' ] || echo hash ;;
	esac
}

list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$@" \( -name node_modules -o -name corpus -o -name regress -o -name golden \
	-o -name artefacts -o -path '*tests/data' \) -prune -o -type f -print | LC_ALL=C sort >"$list"
while IFS= read -r f; do
	kind=$(S_kind "$f")
	[ -n "$kind" ] || continue
	! head -n 3 "$f" | grep -q 'SPDX-License-Identifier:' || continue
	if [ $check = 1 ]; then
		echo "$f: no '$ID' line at its top (run tools/spdx.sh)"
		missing=$((missing + 1))
		continue
	fi
	case $kind in
	c) line="/* $ID */" ;;
	js) line="// $ID" ;;
	hash) line="# $ID" ;;
	esac
	# after a #! line, and after a Python coding line that follows it
	after=0
	if [ "$kind" != c ] && [ "$(head -c 2 "$f")" = '#!' ]; then
		after=1
		sed -n 2p "$f" | grep -q '^#.*coding[:=]' && after=2
	fi
	tmp=$f.spdx-tmp
	{ head -n $after "$f"; echo "$line"; tail -n +$((after + 1)) "$f"; } >"$tmp"
	chmod --reference="$f" "$tmp"
	mv -f "$tmp" "$f"
	added=$((added + 1))
done <"$list"
if [ $check = 1 ]; then
	[ $missing -eq 0 ] || { echo "tools/spdx.sh: $missing source files without the licence line" >&2; exit 1; }
else
	echo "tools/spdx.sh: added the licence line to $added files"
fi
