# SPDX-License-Identifier: MIT
# The site of a real run: every unit and target has its page, every
# internal link and image resolves, nothing points outside the site (no
# http(s) in any src/href/CSS url()), bao-cao.md is GFM whose tables and
# images render, hostile names stay text, and the archive page links
# every period.
. tests/e2e/lib.sh
set -e

# check_links DIR: every href/src of every .html under DIR is relative and
# names a file that exists.  Prints the number of links checked.
check_links() {
	n=0
	for page in $(find "$1" -name '*.html' | LC_ALL=C sort); do
		dir=$(dirname "$page")
		grep -o -E '(href|src)="[^"]*"' "$page" | sed -E 's/^(href|src)="//; s/"$//' > "$WORK/links" || true
		while IFS= read -r url; do
			case "$url" in
			*:*|/*) fail "$page: link leaves the site: $url" ;;
			esac
			target=${url%%#*}
			[ -z "$target" ] || [ -f "$dir/$target" ] || fail "$page: broken link: $url"
			n=$((n + 1))
		done < "$WORK/links"
		grep -q '<html lang="vi"' "$page" || fail "$page: no lang=\"vi\""
	done
	echo "$n"
}

# A copy of the sample with a hostile unit name and a hostile note.
copy_sample "$WORK/in"
unit=$(sed -n '2p' "$WORK/in/don-vi.csv" | cut -d, -f1)
sed -i "2s/^$unit,[^,]*,/$unit,\"*Xã | A* <script>alert(1)<\/script> [x](http:\/\/evil.example) # \`c\`\",/" "$WORK/in/don-vi.csv"
grep -q 'script' "$WORK/in/don-vi.csv" || fail "the test could not plant the hostile name"
data="$WORK/in/so-lieu/$unit.csv"
first=$(sed -n '2p' "$data")
# the note column is last: replace the empty note of the first row
sed -i "2s/.*/${first%,*},\"<img src=x onerror=alert(1)> | **note**\"/" "$data"

run_chitieu -q -i "$WORK/in" -o "$WORK/o"
expect_rc 0
ky=$(ls "$WORK/o" | grep -E '^[0-9]{4}-' | head -n 1)
[ -n "$ky" ] || fail "no period folder under the output"
site="$WORK/o/$ky/site"
[ -f "$site/index.html" ] || fail "no site/index.html"

# A page per unit and per target, from the registry itself.
for ma in $(tail -n +2 "$WORK/in/don-vi.csv" | cut -d, -f1 | tr -d '\r'); do
	[ -f "$site/don-vi/$ma.html" ] || fail "no page for unit $ma"
done
for stt in $(tail -n +2 "$WORK/in/chi-tieu.csv" | cut -d, -f1 | tr -d '\r'); do
	[ -f "$site/chi-tieu/$stt.html" ] || fail "no page for target $stt"
	grep -q "src=\"../charts/chi-tieu-$stt.svg\"" "$site/chi-tieu/$stt.html" || fail "target $stt: no chart"
done
for p in du-lieu.html bao-cao.html han.html style.css; do
	[ -f "$site/$p" ] || fail "no $p"
done

n=$(check_links "$site")
[ "$n" -gt 500 ] || fail "only $n links checked"
! grep -rqE 'url\(|@import' "$site"/*.css || fail "the CSS loads something"
! grep -rlE '(src|href)="https?:' "$site" || fail "a page points outside the site"
# The one script of every page is the site's own bang.js (from templates/);
# a script from data never reaches a page.
! grep -rh '<script' "$site" --include='*.html' | grep -vqE '^<script src="(\.\./)?bang\.js" defer></script>$' ||
	fail "a script tag other than bang.js reached the site"
[ -f "$site/bang.js" ] || fail "bang.js was not copied into the site"
! grep -rq '<img src="x"' "$site" --include='*.html' || fail "raw HTML from a note reached the site"
grep -q '\*Xã | A\* &lt;script&gt;' "$site/don-vi/$unit.html" || fail "the hostile name is not shown as text"

# bao-cao.md is valid GFM: each of its tables renders as a table (the site's
# copy of it, bao-cao.html), and its images exist beside it.
md="$WORK/o/$ky/bao-cao.md"
tables=$(grep -c '^|---' "$md")
rendered=$(grep -c '<table>' "$site/bao-cao.html")
[ "$tables" -gt 3 ] && [ "$tables" -eq "$rendered" ] || fail "bao-cao.md has $tables tables, $rendered rendered"
for img in $(grep -o '](charts/[^)]*)' "$md" | sed 's/^](//; s/)$//'); do
	[ -f "$WORK/o/$ky/$img" ] || fail "bao-cao.md: missing image $img"
done
grep -q '^| Stt | Tên nhiệm vụ |' "$md" || fail "bao-cao.md: no appendix table"

# The archive page links this period.
grep -q "href=\"$ky/site/index.html\"" "$WORK/o/index.html" || fail "the archive does not link $ky"
check_links "$WORK/o" >/dev/null
echo "ok: $n links"
