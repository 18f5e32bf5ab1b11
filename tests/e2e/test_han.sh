#!/bin/sh
# SPDX-License-Identifier: MIT
# The deadline tasks end to end: han.csv of the sample against its golden
# files (checked by hand and against an independent implementation of the
# rules), the report section, the errors with their positions, and a
# folder without the optional files.
. tests/e2e/lib.sh
set -e
GOLD=$TOP/tests/data/han

# 1. The sample, judged at the default period (the latest: 2024-12) and
#    at the end of 2024-Q2, where later publications are not yet known.
run_chitieu -q -i "$TOP/input" -o "$WORK/o1"
expect_rc 0
ky=$(ls "$WORK/o1" | grep -v '\.' | head -n 1)
[ -f "$WORK/o1/$ky/han.csv" ] || fail "no han.csv in $WORK/o1/$ky"
diff -u "$GOLD/sample-han.csv" "$WORK/o1/$ky/han.csv" || fail "han.csv differs from the golden file"
# the report: its section III (the counts, the worst delays) and the
# appendix with every step (Phụ lục III)
grep -qF '## III. CÔNG BỐ THỦ TỤC HÀNH CHÍNH VÀ CÁC MỐC THỜI HẠN' "$WORK/o1/$ky/bao-cao.md" || fail "bao-cao.md lacks the section"
grep -qF 'Công bố danh mục TTHC: 19/26 đúng hạn' "$WORK/o1/$ky/bao-cao.md" || fail "bao-cao.md lacks the counts"
grep -qF '| Sở Giao thông vận tải | Công bố danh mục TTHC theo Quyết định 3120/QĐ-BGTVT | 06/11/2024 | chưa thực hiện | Quá hạn 39 |' "$WORK/o1/$ky/bao-cao.md" ||
	fail "bao-cao.md lacks the unit's row in Phụ lục III"
grep -rqF 'Tình hình công bố TTHC' "$WORK/o1/$ky/site" || fail "the site lacks the section"
if ! command -v pdftotext >/dev/null; then
	skip_part "the scorecards' deadline line: pdftotext is not installed (apt-get install poppler-utils)"
else
	pdftotext "$WORK/o1/$ky/the-diem.pdf" "$WORK/the-diem.txt" 2>/dev/null
	grep -qF 'Công bố danh mục: 1/2 đúng hạn; 1 quá hạn 39 ngày làm việc' "$WORK/the-diem.txt" ||
		fail "the scorecards lack the unit's deadline line"
fi

run_chitieu -q -i "$TOP/input" -o "$WORK/o2" -k 2024-Q2
expect_rc 0
diff -u "$GOLD/sample-han-2024-Q2.csv" "$WORK/o2/2024-Q2/han.csv" || fail "han.csv of 2024-Q2 differs"

# 2. Errors, each at its line and column; nothing is written.
copy_sample "$WORK/bad"
n=$(wc -l < "$WORK/bad/cong-bo.csv")
cat >> "$WORK/bad/cong-bo.csv" <<'EOF'
9/QĐ-BTP,30/02/2024,Bộ Tư pháp,so-tu-phap,,,
9/QĐ-BYT,10/03/2024,Bộ Y tế,so-y-te,09/03/2024,,
9/QĐ-BXD,10/03/2024,Bộ Xây dựng,so-xay-dungg,,,
9/QĐ-BCT,10/03/2024,Bộ Công Thương,so-cong-thuong,,2023-02-29,
EOF
m=$(wc -l < "$WORK/bad/moc.csv")
echo 'noi-bo,Công bố,31/06/2024,so-y-te,,' >> "$WORK/bad/moc.csv"
k=$(wc -l < "$WORK/bad/ngay-nghi.csv")
echo '10/10/2024,nghỉ bù,?' >> "$WORK/bad/ngay-nghi.csv"
echo '01/01/2024,nghi,again' >> "$WORK/bad/ngay-nghi.csv"
printf 'han_quy_trinh = mười\n' >> "$WORK/bad/bao-cao.conf"
c=$(wc -l < "$WORK/bad/bao-cao.conf")
run_chitieu -q -i "$WORK/bad" -o "$WORK/o3"
expect_rc 1
expect_err "cong-bo.csv:$((n + 1)):2: error: the decision date '30/02/2024' does not exist"
expect_err "cong-bo.csv:$((n + 2)):5: error: the list is published on 09/03/2024, before the decision of 10/03/2024"
expect_err "cong-bo.csv:$((n + 3)):4: error: unknown unit 'so-xay-dungg'"
expect_err "did you mean 'so-xay-dung'?"
expect_err "cong-bo.csv:$((n + 4)):6: error: the process's publication date '2023-02-29' does not exist"
expect_err "moc.csv:$((m + 1)):3: error: the milestone's deadline '31/06/2024' does not exist"
expect_err "ngay-nghi.csv:$((k + 1)):2: error: 'nghỉ bù' is not a kind of day"
expect_err "ngay-nghi.csv:$((k + 2)):1: error: this day is already listed on line 2"
expect_err "bao-cao.conf:$c:17: error: han_quy_trinh must be a whole number of working days"
[ ! -e "$WORK/o3" ] || [ -z "$(ls "$WORK/o3")" ] || fail "a failed run wrote output"

# 3. Without the optional files: no han.csv, no section, no complaint.
copy_sample "$WORK/none"
rm "$WORK/none/cong-bo.csv" "$WORK/none/moc.csv" "$WORK/none/ngay-nghi.csv"
run_chitieu -q -i "$WORK/none" -o "$WORK/o4"
expect_rc 0
expect_no_err "cong-bo"
[ ! -e "$WORK/o4/$ky/han.csv" ] || fail "han.csv written without the files"
! grep -qF 'CÔNG BỐ THỦ TỤC HÀNH CHÍNH' "$WORK/o4/$ky/bao-cao.md" || fail "section written without the files"
! grep -qF 'TÌNH HÌNH THỰC HIỆN CÁC VIỆC CÓ THỜI HẠN' "$WORK/o4/$ky/bao-cao.md" || fail "appendix written without the files"

# 4. A limit from bao-cao.conf moves every deadline.
copy_sample "$WORK/lim"
printf 'han_danh_muc = 3\n' >> "$WORK/lim/bao-cao.conf"
run_chitieu -q -i "$WORK/lim" -o "$WORK/o5" -k 2024-Q2
expect_rc 0
# 118/QĐ-BTP of Monday 22/01/2024: 3 working days is Thursday 25/01.
grep -qF '118/QĐ-BTP,so-tu-phap,danh_muc,2024-01-25,2024-01-26,tre_han,1' "$WORK/o5/2024-Q2/han.csv" ||
	fail "han_danh_muc = 3 not applied"
end_test
