# SPDX-License-Identifier: MIT
# The site in real headless Chromium, from file://: index.html and one
# unit page load with their title and tables, nothing overflows the page
# at 360 px (tables scroll inside their box), and screenshots at 1280 and
# 360 px wide are kept under tests/artefacts/site/ for people to look at.
. tests/e2e/lib.sh
set -e
need_chromium
ART="$TOP/tests/artefacts/site"
mkdir -p "$ART"
chrome() {
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --hide-scrollbars \
		--user-data-dir="$WORK/chrome" "$@" 2>>"$WORK/chrome.log"
}

run_chitieu -q -i "$TOP/input" -o "$WORK/o"
expect_rc 0
site=$(ls -d "$WORK"/o/*/site | head -n 1)
[ -d "$site" ] || fail "no site folder"
unit=$(ls "$site/don-vi" | head -n 1)

for page in index.html "don-vi/$unit"; do
	name=$(echo "$page" | sed 's#/#-#; s#\.html$##')
	url="file://$site/$page"
	want=$(grep -o '<title>[^<]*</title>' "$site/$page")
	[ -n "$want" ] || fail "$page: no title in the file"

	chrome --dump-dom "$url" > "$WORK/dom.html" || fail "$page: chromium failed"
	grep -qF "$want" "$WORK/dom.html" || fail "$page: the browser's title is not $want"
	grep -q '<table>' "$WORK/dom.html" || fail "$page: no table in the DOM"
	grep -q '<th' "$WORK/dom.html" || fail "$page: no header cells"
	grep -q '<div class="bang" tabindex="0"><table>' "$WORK/dom.html" || fail "$page: a table is not in its scrolling box"

	# At 360 px the page itself must not scroll sideways: measure the
	# document inside an iframe of that width (the only script is ours).
	cat > "$WORK/measure.html" <<EOF
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="$url" style="width:360px;height:640px;border:0"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {
  var r = 'unknown';
  try { var d = this.contentDocument.documentElement; r = d.scrollWidth + ' ' + d.clientWidth; }
  catch (e) { r = 'error'; }
  document.body.setAttribute('data-width', r);
});
</script></body></html>
EOF
	w=$(chrome --allow-file-access-from-files --virtual-time-budget=5000 \
		--dump-dom "file://$WORK/measure.html" | grep -o 'data-width="[0-9]* [0-9]*"' | tr -dc '0-9 ')
	[ -n "$w" ] || fail "$page: could not measure the page at 360 px"
	set -- $w
	[ "$1" -le "$2" ] || fail "$page: at 360 px the page is $1 px wide for a $2 px window"

	for width in 1280 360; do
		png="$ART/$name-$width.png"
		rm -f "$png"
		chrome --screenshot="$png" --window-size=$width,2400 "$url" || fail "$page: no screenshot at $width px"
		[ -s "$png" ] || fail "$page: empty screenshot at $width px"
	done
done

# The print stylesheet: the PDF Chromium prints of the index is made.
chrome --print-to-pdf="$ART/index-print.pdf" --no-pdf-header-footer "file://$site/index.html" || fail "printing failed"
[ -s "$ART/index-print.pdf" ] || fail "empty print"
echo "ok: screenshots in $ART"
