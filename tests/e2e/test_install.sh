# SPDX-License-Identifier: MIT
# make install / make uninstall: an installed chitieu runs from any folder
# on the installed sample and finds its templates without --templates
# (the data folder compiled in from PREFIX), --version says where; DESTDIR
# stages the same files; uninstall leaves none.  Runs in a copy of the
# sources that reuses the tested build's objects, so only main.o (which
# holds the data folder) is compiled again.
. tests/e2e/lib.sh
set -e
bdir=$(dirname "$CHITIEU")
case $bdir in */build/san) san=1 ;; *) san=0 ;; esac
S=$WORK/src
mkdir -p "$S/build"
cp -a Makefile VERSION README.md LICENSE gen templates input docs man completion po tools "$S/"
if [ -f "$bdir/libchitieu.a" ]; then
	mkdir -p "$S/build/$(basename "$bdir")"
	cp -p "$bdir"/*.o "$bdir"/*.d "$bdir/libchitieu.a" "$S/build/$(basename "$bdir")/"
	[ ! -d build/po ] || cp -pr build/po "$S/build/"
fi
P=$WORK/prefix
make -s -C "$S" SANITIZE=$san PREFIX="$P" install >"$WORK/make.log" 2>&1 ||
	{ cat "$WORK/make.log" >&2; fail "make install failed"; }
for f in bin/chitieu share/chitieu/templates/page.html share/chitieu/templates/style.css \
	share/man/man1/chitieu.1 share/man/man5/chitieu-input.5 \
	share/bash-completion/completions/chitieu share/doc/chitieu/README.md \
	share/doc/chitieu/INPUT.md share/doc/chitieu/copyright share/doc/chitieu/examples/input/chi-tieu.csv \
	share/doc/chitieu/examples/input/so-lieu/so-tu-phap.csv \
	share/locale/vi/LC_MESSAGES/chitieu.mo; do
	[ -f "$P/$f" ] || fail "make install did not install $f"
done
[ -x "$P/bin/chitieu" ] || fail "the installed chitieu is not executable"
cmp -s LICENSE "$P/share/doc/chitieu/copyright" || fail "make install did not put LICENSE as share/doc/chitieu/copyright"
n_in=$(find input -type f | wc -l)
[ "$(find "$P/share/doc/chitieu/examples/input" -type f | wc -l)" -eq "$n_in" ] ||
	fail "the sample input is not installed whole"
# From /, with no templates/ around: the compiled-in data folder.
(cd / && "$P/bin/chitieu" --version) >"$WORK/version"
grep -qx "templates: $P/share/chitieu/templates" "$WORK/version" ||
	{ cat "$WORK/version" >&2; fail "--version does not name the installed templates"; }
set +e
(cd / && SOURCE_DATE_EPOCH=1735603200 ${CHITIEU_WRAP:-} "$P/bin/chitieu" -q \
	-i "$P/share/doc/chitieu/examples/input" -o "$WORK/out") 2>"$WORK/err"
RC=$?
set -e
expect_rc 0
ky=$(ls "$WORK/out" | grep -v '^index.html$' | head -n 1)
[ -f "$WORK/out/$ky/site/index.html" ] || fail "the installed chitieu wrote no site"
cmp -s "$WORK/out/$ky/site/style.css" "$P/share/chitieu/templates/style.css" ||
	fail "the site's style.css is not the installed template"
# The installed chitieu reads the installed catalogue: with no catalogue
# beside it, bindtextdomain gets PREFIX/share/locale (vi_VN.UTF-8 compiled
# into a temporary LOCPATH, as test_locale.sh does, when localedef can).
mkdir -p "$WORK/loc"
if command -v localedef >/dev/null && [ -f /usr/share/i18n/locales/vi_VN ] &&
	{ localedef -i vi_VN -f UTF-8 "$WORK/loc/vi_VN.UTF-8" >/dev/null 2>&1 || [ -f "$WORK/loc/vi_VN.UTF-8/LC_MESSAGES" ] || [ -d "$WORK/loc/vi_VN.UTF-8/LC_MESSAGES" ]; }; then
	(cd / && LOCPATH=$WORK/loc LC_ALL= LANGUAGE= LANG=vi_VN.UTF-8 "$P/bin/chitieu" -j 0) 2>"$WORK/err-vi" || true
	grep -q 'nhận số tiến trình' "$WORK/err-vi" ||
		{ cat "$WORK/err-vi" >&2; fail "the installed chitieu does not speak Vietnamese under vi_VN.UTF-8"; }
else
	skip_part "the installed catalogue: no vi_VN.UTF-8 locale can be compiled here (apt-get install locales)"
fi
# DESTDIR stages the same tree under it.
make -s -C "$S" SANITIZE=$san PREFIX="$P" DESTDIR="$WORK/stage" install >"$WORK/make.log" 2>&1 ||
	{ cat "$WORK/make.log" >&2; fail "make install DESTDIR= failed"; }
a=$(cd "$P" && find . -type f | LC_ALL=C sort)
b=$(cd "$WORK/stage$P" && find . -type f | LC_ALL=C sort)
[ "$a" = "$b" ] || fail "DESTDIR installs other files than PREFIX alone"
for d in "$P" "$WORK/stage$P"; do
	case $d in "$P") dest= ;; *) dest=$WORK/stage ;; esac
	make -s -C "$S" SANITIZE=$san PREFIX="$P" DESTDIR="$dest" uninstall >"$WORK/make.log" 2>&1 ||
		{ cat "$WORK/make.log" >&2; fail "make uninstall failed"; }
	left=$(find "$d" -type f)
	[ -z "$left" ] || fail "make uninstall left: $left"
done
end_test
