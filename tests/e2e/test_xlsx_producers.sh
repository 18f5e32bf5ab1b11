# SPDX-License-Identifier: MIT
# Workbooks as real programs save them (tests/xlsx/producers.py; the
# committed ones in tests/data/xlsx/producers/): each, holding the same
# rows, gives the ket-qua.csv and the messages of those rows as a CSV file
# — the 1904 date system with and without Excel 2013's x15:workbookPr,
# .NET's SDK (prefixes, absolute targets, empty shared-string cells, local
# header times), style-only cells to AMJ and XFD, relationship targets
# with ./, ../ and /, a workbook found through _rels/.rels only, part
# names in another case or with backslashes, hidden and chart sheets
# first, data descriptors with sizes in the local headers, bytes after
# the zip's end record.  Then the sample with every unit's figures in one
# of those forms, and the hostile kinds: refused, named, output untouched.
. tests/e2e/lib.sh
set -e
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" -c 'import zipfile' 2>/dev/null || { echo "SKIP: no python3"; exit 77; }
P="$TOP/tests/xlsx/producers.py"
FIX="$TOP/tests/data/xlsx/producers"
export SOURCE_DATE_EPOCH=1700000000

tiny() {
	rm -rf "$1"; mkdir -p "$1/so-lieu"
	printf 'ma,ten,thu_tu\nxa,UBND cấp xã,1\n' >"$1/nhom.csv"
	printf 'ma,ten,nhom,thuoc\nxa-a,Xã A,xa,\n' >"$1/don-vi.csv"
	printf 'stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung\n1,Tỷ lệ A,VP,,%%,>=,80,Luật,xa\n2,Tỷ lệ B,VP,,%%,>=,50,,xa\n' >"$1/chi-tieu.csv"
}
# every ket-qua.csv of an output root, with its period folder
results() { (cd "$1" && find . -name ket-qua.csv | LC_ALL=C sort | xargs tail -n +1); }

# The committed fixtures are what producers.py makes (part by part: zlib's
# bytes may differ between versions, the parts may not).
"$PY" "$P" "$WORK/made"
"$PY" - "$FIX" "$WORK/made" <<'EOS' || fail "tests/data/xlsx/producers/ is not what producers.py makes"
import os, sys, zipfile
a, b = sys.argv[1], sys.argv[2]
assert sorted(os.listdir(a)) == sorted(os.listdir(b)), (os.listdir(a), os.listdir(b))
for f in os.listdir(a):
    za, zb = zipfile.ZipFile(os.path.join(a, f)), zipfile.ZipFile(os.path.join(b, f))
    assert za.namelist() == zb.namelist(), f
    for n in za.namelist():
        assert za.read(n) == zb.read(n), (f, n)
EOS

# The rows as a CSV file: the reference
T="$WORK/t"
tiny "$T"
"$PY" "$P" --rows-csv >"$T/so-lieu/xa-a.csv"
run_chitieu -q -i "$T" -o "$WORK/o-csv"; expect_rc 0
grep -q '^2024-12,xa-a,Xã A,xa,2,10,20,50.0000,>=,50,dat' "$WORK/o-csv/2024-12/ket-qua.csv" ||
	fail "the reference CSV gave other figures"
sed 's/^\(so-lieu\/[^:]*\)\.csv:/\1.xlsx:/' "$WORK/err" >"$WORK/err-csv"
results "$WORK/o-csv" >"$WORK/want"
rm "$T/so-lieu/xa-a.csv"

n=0
for f in "$FIX"/*.xlsx; do
	k=$(basename "$f" .xlsx)
	cp "$f" "$T/so-lieu/xa-a.xlsx"
	rm -rf "$WORK/o"
	run_chitieu -q -i "$T" -o "$WORK/o"
	[ "$RC" -eq 0 ] || { cat "$WORK/err" >&2; fail "$k: exit $RC"; }
	diff "$WORK/err-csv" "$WORK/err" >&2 || fail "$k: other messages than the CSV file's"
	results "$WORK/o" | diff "$WORK/want" - >&2 || fail "$k: another ket-qua.csv than the CSV file's"
	n=$((n + 1))
done
[ "$n" -ge 15 ] || fail "only $n producer fixtures"
# 1904 dates with and without the x15 element: the same figures (and
# those of the 1900 system): 1 November 2024 is 2024-11, counted from
# November on (year to date: Q3's 7/10, then 12/18), not in October
for k in excel-1904 excel-1904-plain excel; do
	cp "$FIX/$k.xlsx" "$T/so-lieu/xa-a.xlsx"
	rm -rf "$WORK/o"; run_chitieu -q -i "$T" -o "$WORK/o" -k 2024-10; expect_rc 0
	grep -q '^2024-10,xa-a,Xã A,xa,1,7,10,70.0000,' "$WORK/o/2024-10/ket-qua.csv" || fail "$k: 2024-10 counts November"
	rm -rf "$WORK/o"; run_chitieu -q -i "$T" -o "$WORK/o" -k 2024-11; expect_rc 0
	grep -q '^2024-11,xa-a,Xã A,xa,1,12,18,66.6667,' "$WORK/o/2024-11/ket-qua.csv" || fail "$k: 1 November 2024 is not 2024-11"
done

# --- The sample, every unit's figures in a producer's workbook: the same
# ket-qua.csv bytes and messages as from its CSV files
copy_sample "$WORK/s"
kinds="excel-1904 dotnet hidden libreoffice-wide relative elsewhere case backslash zip-dd zip-trailing excel-strict named-hidden"
set -- $kinds
for c in "$WORK"/s/so-lieu/*.csv; do
	[ $# -gt 0 ] || set -- $kinds
	"$PY" "$P" --from-csv "$1" "$c" "${c%.csv}.xlsx" || fail "producers.py --from-csv $1 $c"
	rm "$c"
	shift
done
run_chitieu -q -i input -o "$WORK/s-csv"; expect_rc 0
sed 's/^\(so-lieu\/[^:]*\)\.csv:/\1.xlsx:/' "$WORK/err" >"$WORK/err-csv"
run_chitieu -q -i "$WORK/s" -o "$WORK/s-xlsx"; expect_rc 0
diff "$WORK/err-csv" "$WORK/err" >&2 || fail "the sample's workbooks gave other messages than its CSV files"
results "$WORK/s-csv" >"$WORK/want"
results "$WORK/s-xlsx" | diff "$WORK/want" - >&2 || fail "the sample's workbooks gave another ket-qua.csv"

# --- Hostile or damaged: an error naming the file and what is wrong,
# exit 1, the output untouched
tiny "$T"
cp "$FIX/excel.xlsx" "$T/so-lieu/xa-a.xlsx"
OUT="$WORK/output"
run_chitieu -q -i "$T" -o "$OUT"; expect_rc 0
tree_sum() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum); }
before=$(tree_sum "$OUT")
hostile() { # KIND MESSAGE
	"$PY" "$P" "$WORK/h" "$1" || fail "producers.py $1 failed"
	cp "$WORK/h/$1.xlsx" "$T/so-lieu/xa-a.xlsx"
	run_chitieu -q -i "$T" -o "$OUT"; expect_rc 1
	expect_err "$2"
	[ "$(tree_sum "$OUT")" = "$before" ] || fail "the $1 workbook changed the output"
}
hostile zip-overlap "so-lieu/xa-a.xlsx: error: this is not a readable Excel workbook: the zip entries [Content_Types].xml and _rels/.rels share bytes (a damaged file or a zip bomb)"
hostile zip-past-end "so-lieu/xa-a.xlsx: error: this is not a readable Excel workbook: the zip entry xl/sharedStrings.xml runs past the start of the zip directory (the file is truncated or damaged)"
hostile zip-no-local "so-lieu/xa-a.xlsx: error: this is not a readable Excel workbook: the zip entry xl/workbook.xml is not where the zip directory puts it"
hostile dup-case "so-lieu/xa-a.xlsx: error: the workbook holds the part xl/workbook.xml twice (under names that differ only in case or slashes)"
hostile all-hidden "so-lieu/xa-a.xlsx: error: the workbook has no visible worksheet (its sheets are hidden or hold charts)"
hostile no-header "so-lieu/xa-a.xlsx: error: no row of sheet 'Tổng hợp' names the required columns (ky, chi_tieu, tu_so, mau_so): the sheet has no header row"
hostile bad-ss-index "so-lieu/xa-a.xlsx:2:1: error: this cell of sheet 'Tổng hợp' names shared string 'x7', which is no index: the part xl/worksheets/sheet1.xml is damaged"
expect_err "(ô A2)"
exit 0
