# SPDX-License-Identifier: MIT
# The options are documented alike in three places: `chitieu --help`, the
# README's command-line table and the man page (its SYNOPSIS and its
# option list).  A new option missing from one of them fails here, so
# whoever adds or merges it is told which list lacks it.
. tests/e2e/lib.sh
set -e
S_opts() { grep -oE -- '(^|[^a-zA-Z0-9-])--?[a-zA-Z][a-z-]*' | sed 's/^[^-]*//' | LC_ALL=C sort -u; }
run_chitieu --help; expect_rc 0
S_opts <"$WORK/out" >"$WORK/help"
grep -E '^\| `-' README.md | cut -d'|' -f2 | S_opts >"$WORK/readme"
grep -E '^\.It Fl ' man/chitieu.1 | awk '{ print " -" $3 }' | sed 's/\\-/-/g' | S_opts >"$WORK/man"
sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' man/chitieu.1 | grep -oE 'Fl [^ ]+' | awk '{ print " -" $2 }' |
	sed 's/\\-/-/g' | S_opts >"$WORK/synopsis"
[ "$(wc -l <"$WORK/help")" -ge 10 ] || fail "too few options read from --help: $(cat "$WORK/help")"

for f in help readme man synopsis; do
	LC_ALL=C sort -u -o "$WORK/$f" "$WORK/$f"
done
bad=0
for f in readme man synopsis; do
	if ! cmp -s "$WORK/help" "$WORK/$f"; then
		echo "the options of --help (<) and of the $f (>) differ:" >&2
		diff "$WORK/help" "$WORK/$f" | grep '^[<>]' >&2
		bad=1
	fi
done
[ $bad = 0 ] || fail "README.md's table, --help and man/chitieu.1 must list the same options"
exit 0
