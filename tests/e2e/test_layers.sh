# SPDX-License-Identifier: MIT
# Layers: gen/ is read in folders, lowest first, and a file includes only
# headers of the folders its own may know (docs/GLOSSARY.md maps them):
#   base   base                       (allocation, buffers, calendar, text, messages)
#   model  base, model                (the model, the document blocks, the words)
#   read   base, model, read          (readers know no evaluation, builder or writer)
#   eval   base, model, read, eval
#   chart  base, model, eval, chart
#   builder every folder but write     (builders emit doc.h blocks to a writer)
#   write  base, write, and model/doc.h alone (no model.h, no chart.h)
#   gen/main.c: anything (it wires a builder to its writers).
# And builders open no file: no fopen/open/opendir and no out_* call in
# gen/builder/*.c (the caller hands them a writer or a buffer).  And a
# header's (or a source's) first comment names only files that exist.
#
# Today's code breaks some rules: each such case is listed in ALLOW below,
# one line with its reason.  An entry that no longer matches a violation
# fails the test too, so the list only shrinks.  Every rule is shown to
# catch a violation planted in a copy of gen/.
. tests/e2e/lib.sh
set -e

ALLOW='
gen/builder/ketqua.c: file I/O out_open_file # ketqua_csv_file writes ket-qua.csv itself (written as it goes)
gen/builder/ketqua.c: file I/O out_close_file # and closes it
gen/builder/bieumau.c: file I/O out_begin    # the entry forms write their own folder (--bieu-mau)
gen/builder/bieumau.c: file I/O out_abort
gen/builder/bieumau.c: file I/O out_path
gen/builder/bieumau.c: file I/O out_write_buf
gen/builder/bieumau.c: file I/O out_commit
gen/builder/bieumau.c: file I/O opendir      # it checks that the forms folder holds only forms
gen/write/doc_pdf.c -> chart/chart.h       # the PDF writer takes the trend chart size constants (CHART_CHI_TIEU_*_MM) from chart.h
gen/write/doc_docx.c -> chart/chart.h      # the Word writer places the same charts at the same size as the PDF writer (CHART_CHI_TIEU_*_MM)
'

# violations ROOT: one line per broken rule under ROOT/gen, sorted:
# "gen/x/a.c -> y/b.h", "gen/builder/a.c: file I/O NAME",
# "gen/x/a.h: first comment names missing.c".
violations() {
	(cd "$1" && TOP=$TOP perl -e '
		use strict;
		my %layer; # a header of ours -> its folder
		for my $f (glob("gen/*/*.h")) { my ($l, $b) = $f =~ m{^gen/([^/]+)/([^/]+)$}; $layer{$b} //= $l }
		my %ok = (base => [qw(base)], model => [qw(base model)], read => [qw(base model read)],
		          eval => [qw(base model read eval)], chart => [qw(base model eval chart)],
		          builder => [qw(base model read eval chart builder)], write => [qw(base write)]);
		my %sys = map { $_ => 1 } @ARGV;
		my %exists;
		# gen/ of the tree under test; tools/ and tests/ of the checkout
		for my $d ("gen", "$ENV{TOP}/tools", "$ENV{TOP}/tests") {
			my @todo = ($d);
			while (my $x = shift @todo) {
				opendir(my $dh, $x) or next;
				for my $e (readdir $dh) {
					next if $e eq "." || $e eq "..";
					if (-d "$x/$e") { push @todo, "$x/$e" } else { $exists{$e} = 1 }
				}
			}
		}
		my @out;
		for my $f (glob("gen/*/*.c"), glob("gen/*/*.h"), "gen/main.c") {
			open(my $fh, "<", $f) or next;
			local $/;
			my $src = <$fh>;
			my ($l) = $f =~ m{^gen/([^/]+)/};
			if ($src =~ m{/\*(.*?)\*/}s) { # the first comment names files that exist
				my %seen;
				for my $n ($1 =~ /\b([A-Za-z0-9_-]+\.[ch])\b/g) {
					next if $seen{$n}++ || $exists{$n} || -e "/usr/include/$n";
					push @out, "$f: first comment names $n";
				}
			}
			next unless defined $l; # gen/main.c may include anything
			for my $h ($src =~ /^[ \t]*#[ \t]*include[ \t]*"([^"]*)"/mg) {
				$h =~ s{.*/}{};
				my $to = $layer{$h} // next;
				my $good = grep { $_ eq $to } @{$ok{$l}};
				$good = 1 if $l eq "write" && $to eq "model" && $h eq "doc.h";
				push @out, "$f -> $to/$h" unless $good;
			}
			if ($l eq "builder" && $f =~ /\.c$/) { # builders open no file
				(my $code = $src) =~ s{"(\\.|[^"\\\n])*"}{""}g;
				$code =~ s{/\*.*?\*/}{}gs;
				$code =~ s{//[^\n]*}{}g;
				my %seen;
				for my $c ($code =~ /\b(fopen|fdopen|freopen|open|openat|opendir|creat|out_[a-z_]*)\s*\(/g) {
					push @out, "$f: file I/O $c" unless $seen{$c}++;
				}
			}
		}
		print "$_\n" for @out;
	') | LC_ALL=C sort -u
}

# allowed: the ALLOW lines without their reasons.
allowed() { printf '%s\n' "$ALLOW" | sed 's/[[:space:]]*#.*$//; s/[[:space:]]*$//' | grep -v '^$' | LC_ALL=C sort -u; }

# The rules catch a planted violation of each, in a copy of gen/.
plant() { # plant NAME FILE LINE: appends LINE to FILE of a fresh copy, expects one new violation
	rm -rf "$WORK/t"
	mkdir -p "$WORK/t"
	cp -r gen "$WORK/t/gen"
	printf '%s\n' "$3" >>"$WORK/t/$2"
	got=$(violations "$WORK/t" | LC_ALL=C sort -u | comm -13 "$WORK/now" -)
	[ -n "$got" ] || fail "the rule '$1' missed: $3 in $2"
	echo "$got" | grep -qF "$2" || fail "the rule '$1' blamed another file: $got"
}
violations . | LC_ALL=C sort -u >"$WORK/now"
plant "base includes only base" gen/base/buf.c '#include "model.h"'
plant "model includes base and model" gen/model/fmt.c '#include "csvin.h"'
plant "readers include no evaluation" gen/read/csvin.c '#include "eval.h"'
plant "readers include no builder" gen/read/input.c '#include "trang.h"'
plant "readers include no writer" gen/read/gfm.c '#include "doc_md.h"'
plant "evaluation includes no chart" gen/eval/eval.c '#include "chart.h"'
plant "evaluation includes no builder" gen/eval/lich_su.c '#include "trang.h"'
plant "charts include no reader" gen/chart/chart.c '#include "input.h"'
plant "builders include no writer" gen/builder/ketqua.c '#include "layout.h"'
plant "builders open no file" gen/builder/ketqua.c 'static FILE *S_x(void) { return fopen("x", "r"); }'
plant "builders write no file through out.c" gen/builder/trang_han.c 'static void S_x(void) { out_write_file("x", "", 0, NULL); }'
plant "writers include no model.h" gen/write/doc_md.c '#include "model.h"'
plant "writers include no chart.h" gen/write/pdfw.c '#include "chart.h"'
plant "writers include no builder" gen/write/doc_md.c '#include "bao_cao.h"'
plant "a first comment names files that exist" gen/base/new.h '/* new: beside nowhere.c */'
# ... and a planted line inside a comment or a string is no call
rm -rf "$WORK/t" && mkdir -p "$WORK/t" && cp -r gen "$WORK/t/gen"
printf '/* fopen(x) */\nstatic const char *S_s = "open(";\n' >>"$WORK/t/gen/builder/ketqua.c"
got=$(violations "$WORK/t" | LC_ALL=C sort -u | comm -13 "$WORK/now" -)
[ -z "$got" ] || fail "a comment or a string counted as file I/O: $got"

# gen/ itself: nothing beyond the allowlist, and nothing on it that is fixed.
allowed >"$WORK/allowed"
new=$(comm -23 "$WORK/now" "$WORK/allowed")
[ -z "$new" ] || fail "gen/ breaks the layers' rules:
$new"
stale=$(comm -13 "$WORK/now" "$WORK/allowed")
[ -z "$stale" ] || fail "fixed, so take it off ALLOW in tests/e2e/test_layers.sh:
$stale"

# And still no circle among the modules (x.c and x.h one node).
cycles() {
	for f in "$1"/*/*.c "$1"/*/*.h "$1"/*.c; do
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
				} else if (!state[w[i]])
					visit(w[i], depth + 1)
			}
			state[v] = 2
		}
		END { for (j = 1; j <= nn; j++) if (!state[order[j]]) visit(order[j], 1) }'
}
mkdir -p "$WORK/fake/x"
printf '#include "b.h"\n' >"$WORK/fake/x/a.c"
printf '#include "c.h"\n' >"$WORK/fake/x/b.h"
printf '#include "a.h"\n' >"$WORK/fake/x/c.c"
cycles "$WORK/fake" | grep -qx 'cycle: a -> b -> c -> a' || fail "the circle a -> b -> c -> a not found"
got=$(cycles gen)
[ -z "$got" ] || fail "gen/ includes go in a circle:
$got"
exit 0
