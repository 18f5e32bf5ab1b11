# SPDX-License-Identifier: MIT
# The locale never changes a byte of the outputs: C, C.UTF-8 and
# vi_VN.UTF-8 (decimal comma) give identical files.  It changes the
# language of the messages only (the readers', and the output side's:
# folders, charts, PDF): vi_VN.UTF-8 prints them in Vietnamese
# (po/vi.po through gettext), C in English, with the same positions, the
# same count and the same exit code; the site's data-quality page is
# Vietnamese under either.  And the catalogue is whole: every message
# the code can give has a checked Vietnamese text.  vi_VN.UTF-8 is
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
cmp -s "$WORK/err-C" "$WORK/err-C.UTF-8" || fail "messages differ between C and C.UTF-8"

# runs LOC ARGS...: chitieu under locale LOC (vi_VN from the test's LOCPATH).
runs() {
	loc=$1
	shift
	if [ "$loc" = vi_VN.UTF-8 ]; then
		LOCPATH=$WORK/locale LC_ALL= LANGUAGE= LANG=$loc run_chitieu "$@"
	else
		LC_ALL= LANGUAGE= LANG=$loc run_chitieu "$@"
	fi
}
# The positions and levels of stderr's messages: "path:line:col: " and
# the level's place, the text cut off.
where() { sed -n 's/^\([^ ]*:\) \(error\|warning\|lỗi\|cảnh báo\): .*/\1/p' "$1"; }

# Bad input: a bad period, a count above its denominator, an unknown
# target, an unknown column (a warning), in a unit's file.
rm -rf "$WORK/bad"
cp -r input "$WORK/bad"
f=$(ls "$WORK/bad/so-lieu"/*.csv | head -n 1)
printf 'ky,chi_tieu,tu_so,mau_so,cot_la\n2024-13,1,5,7,x\n2024-01,1,9,3,x\n2024-02,99,1,2,x\n' >"$f"
runs C -i "$WORK/bad" --check
expect_rc 1
cp "$WORK/err" "$WORK/bad-C"
runs vi_VN.UTF-8 -i "$WORK/bad" --check
expect_rc 1
cp "$WORK/err" "$WORK/bad-vi"
grep -q ': error: bad period .2024-13.' "$WORK/bad-C" || { cat "$WORK/bad-C" >&2; fail "LANG=C: no English message"; }
grep -q ': lỗi: kỳ .2024-13. không hợp lệ' "$WORK/bad-vi" || { cat "$WORK/bad-vi" >&2; fail "LANG=vi_VN.UTF-8: no Vietnamese message"; }
grep -q ': cảnh báo: cột lạ .cot_la. bị bỏ qua' "$WORK/bad-vi" || { cat "$WORK/bad-vi" >&2; fail "LANG=vi_VN.UTF-8: the warning is not Vietnamese"; }
! grep -q ': error:\|: warning:\|is greater than\|unknown target' "$WORK/bad-vi" || { cat "$WORK/bad-vi" >&2; fail "LANG=vi_VN.UTF-8: English left"; }
n=$(grep -c ': lỗi: ' "$WORK/bad-vi")
[ "$n" -ge 3 ] || fail "LANG=vi_VN.UTF-8: $n errors, expected at least 3"
[ "$(where "$WORK/bad-C")" = "$(where "$WORK/bad-vi")" ] || {
	diff "$WORK/bad-C" "$WORK/bad-vi" >&2
	fail "the messages' positions differ between C and vi_VN.UTF-8"
}
ce=$(grep -c ': error: ' "$WORK/bad-C"); cw=$(grep -c ': warning: ' "$WORK/bad-C")
tail -n 1 "$WORK/bad-C" | grep -qx "$ce errors\{0,1\}, $cw warnings\{0,1\}" || fail "LANG=C count line: $(tail -n 1 "$WORK/bad-C")"
tail -n 1 "$WORK/bad-vi" | grep -qx "$ce lỗi, $cw cảnh báo" || fail "LANG=vi_VN.UTF-8 count line: $(tail -n 1 "$WORK/bad-vi")"
# usage errors: the same exit code, each in its language
runs C -j 0
expect_rc 2
expect_err "-j takes a number of workers"
runs vi_VN.UTF-8 -j 0
expect_rc 2
expect_err "-j nhận số tiến trình"

# The data-quality page is Vietnamese whatever the locale: a planted
# warning (an unknown column) under LANG=C shows its Vietnamese text.
rm -rf "$WORK/warn"
cp -r input "$WORK/warn"
f=$(ls "$WORK/warn/so-lieu"/*.csv | head -n 1)
sed '1s/$/,cot_la/; 2,$s/$/,x/' "$f" >"$WORK/f.csv" && mv "$WORK/f.csv" "$f"
runs C -q -i "$WORK/warn" -o "$WORK/warn-out"
expect_rc 0
expect_err "warning: unknown column 'cot_la' is ignored"
page=$(ls "$WORK"/warn-out/*/site/du-lieu.html)
grep -q "cột lạ .cot_la. bị bỏ qua (các cột hợp lệ: " "$page" || fail "du-lieu.html lacks the Vietnamese warning"
! grep -q "unknown column" "$page" || fail "du-lieu.html has the English warning"

# The catalogue against the code: a fresh extraction (the Makefile's
# xgettext flags) has the same messages as po/chitieu.pot, and po/vi.po
# merged with it has a Vietnamese text for each, none fuzzy, each format
# agreeing with its msgid (msgfmt -c).
command -v xgettext >/dev/null && command -v msgfmt >/dev/null || fail "gettext (xgettext, msgfmt) is missing"
make -s --no-print-directory po-check PO_CHECK="$WORK/po" >"$WORK/po.log" 2>&1 || { cat "$WORK/po.log" >&2; fail "make po-check failed (msgfmt -c)"; }
grep -q '^[0-9][0-9]* translated messages\.$' "$WORK/po.log" || { cat "$WORK/po.log" >&2; fail "po/vi.po: some message has no Vietnamese text or is fuzzy (make po, then translate)"; }
ids() { msgcat --no-wrap --sort-output "$1" | grep -v '^#' | grep -v '^msgstr' | grep -v '^"[A-Z][A-Za-z-]*: .*\\n"$'; }
ids "$WORK/po/chitieu.pot" >"$WORK/ids-new"
ids po/chitieu.pot >"$WORK/ids-old"
diff "$WORK/ids-old" "$WORK/ids-new" >&2 || fail "po/chitieu.pot is behind the code: run make po"
# the catalogue holds the readers' messages (a sample of them)
for id in "bad period '%s'" "missing required column '%s'" "unknown column '%s' is ignored" "figures do not cover the window %s: %s" \
	"cannot write '%s': %s" "cannot create the output folder '%s': %s" "libharu could not write the PDF (error 0x%04X)" \
	"gnuplot did not write the chart charts/%s.%s"; do
	grep -qF "msgid \"$id" "$WORK/ids-new" || fail "the catalogue lacks: $id"
done

# An error of the output side (out.c, the charts, the PDF writer, ...) is
# in the catalogue too: an output folder that cannot be made (its parent
# is a file) says so in each language, with the same exit code.
: >"$WORK/afile"
runs C -q -i input -o "$WORK/afile/out"
expect_rc 3
expect_err "cannot create the output folder '$WORK/afile/out'"
runs vi_VN.UTF-8 -q -i input -o "$WORK/afile/out"
expect_rc 3
expect_err "không tạo được thư mục đầu ra '$WORK/afile/out'"
expect_no_err "cannot create"
# so is the gnuplot that is not there
runs vi_VN.UTF-8 -q -i input -o "$WORK/nognu"
[ "$RC" -eq 0 ] || fail "a run with gnuplot failed: $(cat "$WORK/err")"
CHITIEU_GNUPLOT=$WORK/no-such-gnuplot runs vi_VN.UTF-8 -q -i input -o "$WORK/nognu2"
[ "$RC" -ne 0 ] || fail "a run without gnuplot succeeded"
expect_err "chưa cài gnuplot (không tìm thấy '$WORK/no-such-gnuplot')"

# Every text the terminal can show comes whole from the catalogue
# (tests/e2e/msg_lint.py): no English error string outside _(), no
# message glued from translated fragments, no msgid that is a fragment.
need python3 python3
srcs=$(find gen -name '*.c' | LC_ALL=C sort)
python3 tests/e2e/msg_lint.py $srcs --pot "$WORK/po/chitieu.pot" >"$WORK/lint" 2>&1 || { cat "$WORK/lint" >&2; fail "messages outside the catalogue or glued from fragments"; }
# the lint fails on each planted fault
mkdir -p "$WORK/plant"
cat >"$WORK/plant/a.c" <<'EOC'
static int f(const char *p, char **err)
{
	*err = xasprintf("cannot open '%s'", p);
	char *t = xasprintf("%s %s", _("cannot"), _("write"));
	fprintf(stderr, "chitieu: no figures\n");
	fputs("chitieu: done\n", stderr);
	const char *bad = "it is a folder, not a file";
	return 0;
}
EOC
printf 'msgid "cannot write the"\nmsgstr ""\n\nmsgid " and"\nmsgstr ""\n\nmsgid ": %%s"\nmsgstr ""\n' >"$WORK/plant/a.pot"
! python3 tests/e2e/msg_lint.py "$WORK/plant/a.c" --pot "$WORK/plant/a.pot" >"$WORK/lint" 2>&1 || fail "msg_lint passed planted faults"
for l in "a.c:3: an English message" "a.c:4: a message glued from 2" "a.c:5: an English message" "a.c:6: an English message" "a.c:7: English text not in the catalogue" \
	"a.pot:1: msgid \"cannot write the\" ends on" "a.pot:4: msgid \" and\" starts or ends with a space" "a.pot:7: msgid \": %s\" has no word"; do
	grep -qF "$l" "$WORK/lint" || { cat "$WORK/lint" >&2; fail "msg_lint missed: $l"; }
done
exit 0
