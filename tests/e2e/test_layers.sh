# Layers: the includes among gen/'s own files ("#include "x.h"") form no
# circle, with x.c and x.h as one node (a file and its header are one
# module).  A circle means a lower layer knows a higher one; the test
# prints it, e.g. "cycle: fmt -> han -> fmt".
. tests/e2e/lib.sh
set -e

# cycles DIR: prints one circle per line (none: nothing) of DIR's *.c, *.h.
cycles() {
	for f in "$1"/*.c "$1"/*.h "$1"/*/*.c "$1"/*/*.h; do
		[ -f "$f" ] || continue
		from=$(basename "$f"); from=${from%.*}
		sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
			while read -r to; do
				to=$(basename "$to"); to=${to%.*}
				[ "$to" = "$from" ] || echo "$from $to"
			done
	done | LC_ALL=C sort -u | awk '
		function add(v) { if (!(v in seen)) { seen[v] = 1; order[++nn] = v } }
		{ n[$1] = n[$1] " " $2; add($1); add($2) }
		# Depth-first from the nodes in sorted order; state 1 on the path, 2 done.  awk has no local
		# arrays, so the path is kept in path[depth].
		function visit(v, depth,    k, i, m, w, s) {
			state[v] = 1; path[depth] = v
			m = split(n[v], w, " ")
			for (i = 1; i <= m; i++) {
				if (state[w[i]] == 1) {
					s = ""
					for (k = 1; k <= depth; k++)
						if (s != "" || path[k] == w[i])
							s = s path[k] " -> "
					print "cycle: " s w[i]
					found = 1
				} else if (!state[w[i]])
					visit(w[i], depth + 1)
			}
			state[v] = 2
		}
		END {
			for (j = 1; j <= nn; j++) if (!state[order[j]]) visit(order[j], 1)
			exit found
		}' || true
}

# The check can fail: a circle a -> b -> c -> a, and none once it is cut.
mkdir -p "$WORK/fake"
printf '#include "b.h"\n' > "$WORK/fake/a.c"
printf '#include "a.h"\n' > "$WORK/fake/a.h"
printf '#include "c.h"\n#include <stdio.h>\n' > "$WORK/fake/b.h"
printf '#include "b.h"\n' > "$WORK/fake/b.c"
printf '  #  include "a.h" /* back up */\n' > "$WORK/fake/c.c"
got=$(cycles "$WORK/fake")
echo "$got" | grep -qx 'cycle: a -> b -> c -> a' || fail "the circle a -> b -> c -> a not found: '$got'"
printf '#include <stdio.h>\n' > "$WORK/fake/c.c"
got=$(cycles "$WORK/fake")
[ -z "$got" ] || fail "a circle found where there is none: $got"

got=$(cycles gen)
[ -z "$got" ] || fail "gen/ includes go in a circle:
$got"
exit 0
