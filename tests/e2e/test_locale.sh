# The locale never changes a byte: C, C.UTF-8 and vi_VN.UTF-8 (decimal
# comma) give identical outputs and identical messages.  vi_VN.UTF-8 is
# compiled with localedef into a temporary LOCPATH (the sources come with
# the locales package, which ./build.sh installs): the system's locales are
# not touched, and a machine without vi_VN generated still runs the test.
. tests/e2e/lib.sh
set -e
# the chart cache goes too; only its record of when runs were, not
# what they drew, differs
tree_sum() { (cd "$1" && find . -type f ! -path ./.cache/charts/runs | LC_ALL=C sort | xargs sha256sum) ; }
need localedef libc-bin
[ -f /usr/share/i18n/locales/vi_VN ] || fail "no locale source vi_VN (apt-get install locales, or run ./build.sh)"
mkdir -p "$WORK/locale"
localedef -i vi_VN -f UTF-8 "$WORK/locale/vi_VN.UTF-8" >"$WORK/localedef.log" 2>&1 ||
	[ -f "$WORK/locale/vi_VN.UTF-8/LC_NUMERIC" ] || { cat "$WORK/localedef.log" >&2; fail "localedef vi_VN.UTF-8 failed"; }
# The locale must really be in force, or the test proves nothing.
[ "$(LOCPATH=$WORK/locale LC_ALL=vi_VN.UTF-8 locale decimal_point 2>/dev/null)" = "," ] ||
	fail "vi_VN.UTF-8 from $WORK/locale is not in force (no decimal comma)"
export SOURCE_DATE_EPOCH=1735603200
for loc in C C.UTF-8 vi_VN.UTF-8; do
	if [ "$loc" = vi_VN.UTF-8 ]; then
		LOCPATH=$WORK/locale LC_ALL=$loc run_chitieu -q -i input -o "$WORK/$loc"
	else
		LC_ALL=$loc run_chitieu -q -i input -o "$WORK/$loc"
	fi
	expect_rc 0
	cp "$WORK/err" "$WORK/err-$loc"
done
a=$(tree_sum "$WORK/C"); b=$(tree_sum "$WORK/C.UTF-8"); c=$(tree_sum "$WORK/vi_VN.UTF-8")
[ "$a" = "$b" ] || fail "C and C.UTF-8 outputs differ"
[ "$a" = "$c" ] || { fail "C and vi_VN.UTF-8 outputs differ"; }
cmp -s "$WORK/err-C" "$WORK/err-vi_VN.UTF-8" || fail "messages differ between locales"
exit 0
