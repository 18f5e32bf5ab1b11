# SPDX-License-Identifier: MIT
# LibreOffice Calc opens an entry form (--bieu-mau) without repair: the PDF
# it prints of the form shows the title, the header and the instructions.
# (The rest of the forms' checks are in test_xlsx.sh; they need no office
# suite.)  Skipped where LibreOffice Calc is not installed: Writer alone
# cannot open a workbook ("source file could not be loaded").
. tests/e2e/lib.sh
set -e
need soffice libreoffice-calc-nogui
need pdftotext poppler-utils
prog=$(dirname "$(readlink -f "$(command -v soffice)")")
[ -f "$prog/libsclo.so" ] ||
	skip "LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui, or run ./build.sh)"
export SOURCE_DATE_EPOCH=1700000000
F="$WORK/forms"
run_chitieu -q -i input --bieu-mau "$F"; expect_rc 0
form=$(ls "$F" | grep '\.xlsx$' | head -n 1)
[ -n "$form" ] || fail "--bieu-mau wrote no workbook"
ma=${form%.xlsx}
timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$WORK/lo-profile" \
	--convert-to pdf --outdir "$WORK/lo-pdf" "$F/$form" >"$WORK/lo.log" 2>&1 ||
	{ cat "$WORK/lo.log" >&2; fail "LibreOffice could not convert the form"; }
# (soffice exits 0 when it could not load the file: the PDF tells)
[ -s "$WORK/lo-pdf/$ma.pdf" ] || { cat "$WORK/lo.log" >&2; fail "LibreOffice printed no PDF of $form"; }
pdftotext -layout "$WORK/lo-pdf/$ma.pdf" "$WORK/form.txt"
ten=$(awk -F, -v ma="$ma" '$1 == ma { print $2 }' input/don-vi.csv)
case $ten in '' | *'"'*) fail "no plain name of unit $ma in input/don-vi.csv" ;; esac
for want in "BIỂU SỐ LIỆU NĂM 2024 — $ten (mã: $ma)" 'tu_so' '2024-Q4' \
	'HƯỚNG DẪN ĐIỀN BIỂU SỐ LIỆU NĂM 2024'; do
	grep -qF -- "$want" "$WORK/form.txt" || { cat "$WORK/form.txt" >&2; fail "the form printed by LibreOffice lacks: $want"; }
done
exit 0
