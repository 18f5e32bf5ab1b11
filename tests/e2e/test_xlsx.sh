# SPDX-License-Identifier: MIT
# so-lieu/<ma>.xlsx and the entry forms (--bieu-mau): the round trip from
# the forms back to the same ket-qua.csv, workbooks saved by LibreOffice and
# openpyxl, every kind of cell, hostile workbooks, and the forms themselves
# (reproducible, atomic, validated, locked).
. tests/e2e/lib.sh
set -e
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" -c 'import openpyxl' 2>/dev/null || skip "python3-openpyxl is not installed (apt-get install python3-openpyxl, or run ./build.sh)"
HW="$TOP/tests/xlsx/workbook.py"
export SOURCE_DATE_EPOCH=1700000000

# A folder with one unit (xa-a) and one target, for one workbook at a time.
tiny() {
	rm -rf "$1"; mkdir -p "$1/so-lieu"
	printf 'ma,ten,thu_tu\nxa,UBND cấp xã,1\n' >"$1/nhom.csv"
	printf 'ma,ten,nhom,thuoc\nxa-a,Xã A,xa,\n' >"$1/don-vi.csv"
	printf 'stt,ten,chu_tri,phoi_hop,don_vi_tinh,so_sanh,gia_tri,can_cu,ap_dung\n1,Tỷ lệ A,VP,,%%,>=,80,Luật,xa\n2,Tỷ lệ B,VP,,%%,>=,50,,xa\n' >"$1/chi-tieu.csv"
}
tree_sum() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum); }
expect_line() { grep -qxF -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr lacks the line: $1"; }; }

# --- Hostile workbooks: an error naming the file, exit 1, output untouched
T="$WORK/t"; OUT="$WORK/output"
tiny "$T"
"$PY" "$HW" plain "$T/so-lieu/xa-a.xlsx"
run_chitieu -q -i "$T" -o "$OUT"; expect_rc 0
# SPEC's 13 columns (the 14th, ten_chi_tieu, is the target's name)
cut -d, -f1-13 "$OUT"/2024-Q2/ket-qua.csv | grep -qxF '2024-Q2,xa-a,Xã A,xa,1,11,17,64.7059,>=,80,chua_dat,,' ||
	fail "the plain workbook's figures are not in ket-qua.csv"
before=$(tree_sum "$OUT")
hostile() { # KIND MESSAGE
	"$PY" "$HW" "$1" "$T/so-lieu/xa-a.xlsx" || fail "workbook.py $1 failed"
	run_chitieu -q -i "$T" -o "$OUT"; expect_rc 1
	expect_err "$2"
	[ "$(tree_sum "$OUT")" = "$before" ] || fail "the $1 workbook changed the output"
}
hostile bomb "so-lieu/xa-a.xlsx: error: the workbook inflates to more than 64 MiB"
hostile lying-bomb "so-lieu/xa-a.xlsx: error: the workbook inflates to more than 64 MiB"
hostile not-zip "so-lieu/xa-a.xlsx: error: this is not an Excel workbook (an .xlsx file is a zip archive)"
hostile truncated "so-lieu/xa-a.xlsx: error: this is not a readable Excel workbook"
hostile zip-encrypted "so-lieu/xa-a.xlsx: error: the workbook is encrypted (a password is set)"
hostile ole "so-lieu/xa-a.xlsx: error: this is not an .xlsx workbook but an encrypted workbook"
hostile dtd "so-lieu/xa-a.xlsx: error: the part xl/worksheets/sheet1.xml of the workbook"
hostile sst-range "so-lieu/xa-a.xlsx:2:1: error: this cell of sheet 'So lieu' names shared string 99, but the workbook's xl/sharedStrings.xml holds 6, numbered from 0: the file is damaged"
hostile cell-order "so-lieu/xa-a.xlsx:2:2: error: this cell of sheet 'So lieu' comes after a cell to its right or is given twice: the part xl/worksheets/sheet1.xml is damaged"
hostile cell-twice "so-lieu/xa-a.xlsx:2:2: error: this cell of sheet 'So lieu' comes after a cell to its right or is given twice"
hostile row-twice "so-lieu/xa-a.xlsx:2: error: row 2 of sheet 'So lieu' comes after row 2: rows are out of order or given twice, the part xl/worksheets/sheet1.xml is damaged"
hostile million-bad "so-lieu/xa-a.xlsx:68: error: too many errors in this file (200)"
hostile no-cache "so-lieu/xa-a.xlsx:2:3: error: tu_so holds a formula with no saved value: open the file in Excel or LibreOffice and save it once (the values are saved with it) (ô C2)"

# A million rows are streamed: read to the end in bounded memory (a few
# MiB above a two-row sheet; not measured under valgrind or AddressSanitizer,
# whose own bookkeeping grows with every allocation).
rss() { # the peak KB of a --check run on workbook kind $1
	"$PY" "$HW" "$1" "$T/so-lieu/xa-a.xlsx"
	set +e
	/usr/bin/time -f '%M' -o "$WORK/rss" "$CHITIEU" --check -q -i "$T" 2>"$WORK/err"; RC=$?
	set -e
	expect_rc 0
	cat "$WORK/rss"
}
if [ -z "${CHITIEU_WRAP:-}" ] && ! grep -qa __asan_init "$CHITIEU"; then
	small=$(rss plain); big=$(rss million-blank)
	[ "$big" -lt $((small + 40000)) ] || fail "a million rows took $big KB (two rows: $small KB)"
fi

# --- Both a CSV and a workbook; .xls and .ods
"$PY" "$HW" plain "$T/so-lieu/xa-a.xlsx"
printf 'ky,chi_tieu,tu_so,mau_so\n2024-Q1,1,5,8\n' >"$T/so-lieu/xa-a.csv"
run_chitieu --check -q -i "$T"; expect_rc 1
expect_line "so-lieu/xa-a.xlsx: error: a second data file for unit 'xa-a': so-lieu/xa-a.csv and so-lieu/xa-a.xlsx both hold its figures; keep one"
rm "$T/so-lieu/xa-a.csv" "$T/so-lieu/xa-a.xlsx"
printf 'x' >"$T/so-lieu/xa-a.xls"; printf 'x' >"$T/so-lieu/xa-b.ods"
run_chitieu --check -q -i "$T"; expect_rc 1
expect_err "so-lieu/xa-a.xls: error: chitieu reads .xlsx workbooks and CSV files, not Excel 97-2003 (.xls) files"
expect_err "so-lieu/xa-b.ods: error: chitieu reads .xlsx workbooks and CSV files, not OpenDocument (.ods) files"
rm "$T/so-lieu/xa-a.xls" "$T/so-lieu/xa-b.ods"

# --- Every kind of cell, in a workbook written by openpyxl
"$PY" - "$T/so-lieu/xa-a.xlsx" <<'EOS'
import datetime, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'So lieu'
ws.append(['Số liệu Xã A']); ws.append([])
ws.append(['ky', 'chi_tieu', 'tu_so', 'mau_so', 'ghi_chu'])
ws.append(['2024-Q1', 1, 1.5, 8, None])                       # row 4: fractional
ws.append(['2024-Q1', 2, datetime.datetime(2024, 3, 1), 8])   # row 5: a date
ws.append(['2024-Q2', 1, True, 8])                            # row 6: a boolean
ws.append(['2024-Q2', 2, '#DIV/0!', 8])                       # row 7: an error value
ws.append([datetime.datetime(2024, 7, 1), 1, 5.0, '1.234'])   # row 8: a date in ky, a float, a text count
ws.cell(8, 1).number_format = 'yyyy-mm'
ws.append(['2024-Q3', 2, 9, 8, 'x'])                          # row 9: tu_so > mau_so
ws.append(['2024-Q4', 1, None, 8])                            # row 10: one count empty
ws.append(['2024-Q4', 2])                                     # row 11: no counts (no form: errors)
ws.cell(12, 7).value = 'lạc'                                  # row 12: a value in no column
wb.save(sys.argv[1])
EOS
run_chitieu --check -q -i "$T"; expect_rc 1
expect_line "so-lieu/xa-a.xlsx:4:3: error: 1.5 in tu_so is not a whole number: counts have no decimals (ô C4)"
expect_line "so-lieu/xa-a.xlsx:5:3: error: tu_so is a date (2024-03-01), not a count: type the whole number (format the cell as Number or General) (ô C5)"
expect_line "so-lieu/xa-a.xlsx:6:3: error: tu_so is the logical value TRUE, not a count (ô C6)"
expect_line "so-lieu/xa-a.xlsx:7:3: error: tu_so is the Excel error value '#DIV/0!', not a count: fix the formula in the workbook and save it again (ô C7)"
expect_line "so-lieu/xa-a.xlsx:9:3: error: tu_so 9 is greater than mau_so 8: the numerator counts part of the denominator (ô C9)"
expect_line "so-lieu/xa-a.xlsx:10:3: error: empty tu_so: write the count (0 when nothing arose) (ô C10)"
expect_line "so-lieu/xa-a.xlsx:11:3: error: empty tu_so: write the count (0 when nothing arose) (ô C11)"
expect_line "so-lieu/xa-a.xlsx:11:4: error: empty mau_so: write the count (0 when nothing arose) (ô D11)"
expect_line "so-lieu/xa-a.xlsx:12:7: warning: column 7 has no name in the header row: its values are ignored (ô G12)"
expect_line "8 errors, 1 warning"

# --- Saved by LibreOffice Calc (tests/data/xlsx/README): the sheet named
# "Số liệu" though it is the second, the header in Vietnamese under a title
# and a blank row, a date in ky, counts typed as text, a formula's value
tiny "$T"
cp "$TOP/tests/data/xlsx/libreoffice.xlsx" "$T/so-lieu/xa-a.xlsx"
run_chitieu -q -i "$T" -o "$WORK/lo"; expect_rc 0
expect_no_err "(ô "  # no message on a cell (target 2 has no figures: a warning)
cut -d, -f1-13 "$WORK/lo/2024-07/ket-qua.csv" | grep -qxF '2024-07,xa-a,Xã A,xa,1,1244,2017,61.6758,>=,80,chua_dat,,' ||
	{ cat "$WORK/lo/2024-07/ket-qua.csv" >&2; fail "the LibreOffice workbook read wrong"; }

# --- The forms
F="$WORK/forms"
run_chitieu -q -i input --bieu-mau "$F"; expect_rc 0
n=$(tail -n +2 input/don-vi.csv | grep -c .)
[ "$(ls "$F"/*.xlsx | wc -l)" -eq "$n" ] && [ "$(ls "$F"/*.csv | wc -l)" -eq "$n" ] ||
	fail "--bieu-mau did not write one .xlsx and one .csv per unit ($n)"
[ "$(ls -A "$F" | wc -l)" -eq $((2 * n)) ] || fail "--bieu-mau wrote something else"
ls -a "$WORK" | grep -q '^\.chitieu-tmp' && fail "a temporary folder was left beside the forms"
cp -r "$F" "$WORK/forms1"
run_chitieu -q -i input --bieu-mau "$F"; expect_rc 0
diff -r "$F" "$WORK/forms1" >/dev/null || fail "the forms differ from one run to the next"

# The sheet, its protection and its validation rules, read by openpyxl; the
# rules are evaluated on counts a clerk may type.
"$PY" - "$F/huyen-an-thi.xlsx" <<'EOS' || fail "the form's sheet is not as it should be"
import re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ['So lieu', 'Huong dan'], wb.sheetnames
ws = wb['So lieu']
assert 'UBND huyện Ân Thi' in ws['A1'].value and 'huyen-an-thi' in ws['A1'].value and '2024' in ws['A1'].value
assert [c.value for c in ws[3]] == ['ky', 'chi_tieu', 'tu_so', 'mau_so', 'ghi_chu', 'ten_chi_tieu']
assert ws.freeze_panes == 'A4' and ws.protection.sheet and not ws.protection.password
rows = list(ws.iter_rows(min_row=4, values_only=True))
assert len(rows) == 4 * 9, len(rows)   # 4 quarters x the 9 targets of group huyen
assert rows[0][:2] == ('2024-Q1', 1) and rows[-1][:2] == ('2024-Q4', 10), (rows[0], rows[-1])
for r in range(4, 4 + len(rows)):
    assert ws.cell(r, 1).number_format == '@' and ws.cell(r, 1).protection.locked
    assert ws.cell(r, 6).protection.locked and ws.cell(r, 6).value
    assert not ws.cell(r, 3).protection.locked and not ws.cell(r, 4).protection.locked
    assert not ws.cell(r, 5).protection.locked
rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
last = 3 + len(rows)
tu, mau = rules['C4:C%d' % last], rules['D4:D%d' % last]
for dv in (tu, mau):
    assert dv.type == 'custom' and dv.showErrorMessage and dv.errorStyle in (None, 'stop')
    assert dv.error and dv.prompt and 'số nguyên' in dv.error

class Blank:
    """An empty cell: equal to "" and to 0, compared as 0, no number."""
    def __eq__(self, o): return o is None or o == 0
    def __le__(self, o): return 0 <= o
    def __ge__(self, o): return 0 >= o
    def __lt__(self, o): return 0 < o
    def __gt__(self, o): return 0 > o

def holds(formula, c, d):
    """The rule's value for C4 = c, D4 = d (None: blank), Excel's way."""
    env = {'C4': Blank() if c is None else c, 'D4': Blank() if d is None else d}
    py = formula.replace('<=', ' LE ').replace('>=', ' GE ').replace('=', '==')
    py = py.replace(' LE ', '<=').replace(' GE ', '>=').replace('""', 'None')
    py = re.sub(r'\bAND\(', 'AND_(', py); py = re.sub(r'\bOR\(', 'OR_(', py)
    return eval(py, {'AND_': lambda *a: all(a), 'OR_': lambda *a: any(a),
                     'ISNUMBER': lambda v: isinstance(v, (int, float)),
                     'INT': lambda v: int(v // 1) if isinstance(v, (int, float)) else 0}, env)

for c, d, ok in [(3, 5, True), (0, 0, True), (5, 5, True), (-1, 5, False), (6, 5, False),
                 (2.5, 5, False), (3, None, True)]:
    assert holds(tu.formula1, c, d) == ok, ('tu_so', c, d)
for c, d, ok in [(3, 5, True), (None, 0, True), (None, -1, False), (6, 5, False), (3, 4.5, False)]:
    assert holds(mau.formula1, c, d) == ok, ('mau_so', c, d)
g = wb['Huong dan']
text = ' '.join(str(c.value) for row in g.iter_rows() for c in row if c.value is not None)
for want in ('Tối thiểu 80', 'huyen-an-thi.xlsx', 'Công văn số 221/VPCP-KSTT'):
    assert want in text, want
EOS

# A folder with no figures yet: the forms of the year of SOURCE_DATE_EPOCH
# (1700000000 is in 2023); a target of the unit's group, a row per quarter.
tiny "$T"
run_chitieu -q -i "$T" --bieu-mau "$WORK/f0"; expect_rc 0
printf '\357\273\277ky,chi_tieu,tu_so,mau_so,ghi_chu,ten_chi_tieu\n' >"$WORK/want"
for q in 1 2 3 4; do printf '2023-Q%s,1,,,,Tỷ lệ A\n2023-Q%s,2,,,,Tỷ lệ B\n' $q $q; done >>"$WORK/want"
cmp "$WORK/f0/xa-a.csv" "$WORK/want" || fail "the CSV form of a year without figures is not as it should be"
# ... and filled, it reads back: every row as given, no message
sed -e 's/^2023-Q1,1,,,,/2023-Q1,1,3,4,,/' -e 's/^2023-Q1,2,,,,/2023-Q1,2,0,0,,/' "$WORK/f0/xa-a.csv" >"$T/so-lieu/xa-a.csv"
run_chitieu --check -q -i "$T"; expect_rc 0
[ ! -s "$WORK/err" ] || { cat "$WORK/err" >&2; fail "a filled form gave messages"; }

# (LibreOffice opening a form: test_xlsx_libreoffice.sh)

# Atomic and careful: a folder holding anything but forms is refused and
# left as it was; a failed write leaves the old forms.
mkdir -p "$WORK/mixed"; echo keep >"$WORK/mixed/notes.txt"
run_chitieu -q -i input --bieu-mau "$WORK/mixed"; expect_rc 2
expect_err "'$WORK/mixed' holds 'notes.txt', which is no entry form"
[ "$(cat "$WORK/mixed/notes.txt")" = keep ] && [ "$(ls -A "$WORK/mixed")" = notes.txt ] || fail "the refused folder changed"
echo keep >"$WORK/a-file"
run_chitieu -q -i input --bieu-mau "$WORK/a-file"; expect_rc 2
expect_err "'$WORK/a-file' is not a folder"
[ "$(cat "$WORK/a-file")" = keep ] || fail "--bieu-mau replaced a file"
# (root writes into a read-only folder anyway: for root, the run out of
# disk below is the failed --bieu-mau)
if [ "$(id -u)" -ne 0 ]; then
	chmod a-w "$WORK"
	run_chitieu -q -i input --bieu-mau "$F"; expect_rc 3
	chmod u+w "$WORK"
	diff -r "$F" "$WORK/forms1" >/dev/null || fail "a failed --bieu-mau changed the forms"
fi
set +e
(ulimit -f 16; "$CHITIEU" -q -i input --bieu-mau "$F" 2>"$WORK/err"); RC=$?
set -e
expect_rc 3
diff -r "$F" "$WORK/forms1" >/dev/null || fail "a --bieu-mau run out of disk changed the forms"

# --- The round trip: forms by quarter and by month (ky_nhap = thang),
# filled with the sample's figures (units by quarter in their CSV form, by
# month in their workbook), read back: the same ket-qua.csv bytes, and not
# one message on a filled form.
copy_sample "$WORK/in-m"
sed -i 's/^ky_nhap = .*/ky_nhap = thang/' "$WORK/in-m/bao-cao.conf"
grep -qx 'ky_nhap = thang' "$WORK/in-m/bao-cao.conf" || fail "the sample's bao-cao.conf has no ky_nhap line"
run_chitieu --check -q -i "$WORK/in-m"; expect_no_err "bao-cao.conf"
run_chitieu -q -i "$WORK/in-m" --bieu-mau "$WORK/fm"; expect_rc 0
copy_sample "$WORK/rt"; rm "$WORK/rt/so-lieu/"*
"$PY" "$TOP/tests/xlsx/fill_forms.py" "$F" "$WORK/fm" input/so-lieu "$WORK/rt/so-lieu" || fail "filling the forms failed"
[ "$(ls "$WORK/rt/so-lieu" | grep -c '\.xlsx$')" -gt 10 ] && [ "$(ls "$WORK/rt/so-lieu" | grep -c '\.csv$')" -gt 10 ] ||
	fail "the round trip should hold both workbooks and CSV forms"
run_chitieu -q -i input -o "$WORK/o-csv"; expect_rc 0
cp "$WORK/err" "$WORK/err-csv"
run_chitieu -q -i "$WORK/rt" -o "$WORK/o-forms"; expect_rc 0
cmp "$WORK"/o-csv/*/ket-qua.csv "$WORK"/o-forms/*/ket-qua.csv || fail "the filled forms give another ket-qua.csv"
# the sample's own warnings (a unit without data, gaps), no other
sed 's/\.xlsx:/.csv:/' "$WORK/err" | diff "$WORK/err-csv" - || fail "the filled forms gave other messages"
grep -qF 'ô ' "$WORK/err" && fail "a message on a cell of a filled form"
# a month typed into a form's monthly row stays text
grep -qF '2024-07,' "$WORK/fm/$(ls "$WORK/fm" | grep '\.csv$' | head -n 1)" || fail "the monthly CSV form has no 2024-07 rows"
# ky_nhap takes quy or thang only; bad input writes no form
sed -i 's/^ky_nhap = .*/ky_nhap = tuan/' "$WORK/in-m/bao-cao.conf"
run_chitieu -q -i "$WORK/in-m" --bieu-mau "$WORK/fw"; expect_rc 1
expect_err "error: ky_nhap 'tuan' is not a period of entry: write quy (a row per quarter in the entry forms) or thang (a row per month), or leave it empty"
[ ! -e "$WORK/fw" ] || fail "--bieu-mau on bad input wrote forms"
exit 0
