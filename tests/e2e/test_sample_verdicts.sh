# SPDX-License-Identifier: MIT
# The sample is shaped to show every verdict; this checks that the program
# finds them where the generator put them (tools/gen-sample.py, SPECIAL),
# in ket-qua.csv of the default period (the whole year 2024).
. tests/e2e/lib.sh
set -e
run_chitieu -q -i input -o "$WORK/output" -j 2
expect_rc 0
k="$WORK/output/2024-Q4/ket-qua.csv"
[ -f "$k" ] || fail "no ket-qua.csv for 2024-Q4"
# Quoted names ("Sở, ban, ngành tỉnh") hold commas: blank them out first.
sed 's/"[^"]*"/Q/g' "$k" >"$WORK/k.csv"
k="$WORK/k.csv"
# verdict MA STT: the danh_gia of that row; ratio MA STT: tu_so/mau_so.
verdict() {
	awk -F, -v ma="$1" -v stt="$2" '$2 == ma && $5 == stt { print $11 }' "$k"
}
ratio() {
	awk -F, -v ma="$1" -v stt="$2" '$2 == ma && $5 == stt { print $6 "/" $7 }' "$k"
}
expect() {
	got=$(verdict "$1" "$2")
	[ "$got" = "$3" ] || fail "$1 target $2: '$got', expected '$3'"
}
expect so-xay-dung 1 chua_dat              # 79,9 % under "Tối thiểu 80"
[ "$(ratio so-xay-dung 1)" = "799/1000" ] || fail "so-xay-dung 1: $(ratio so-xay-dung 1)"
expect huyen-khoai-chau 4 chua_dat         # 79,996 %
[ "$(ratio huyen-khoai-chau 4)" = "19999/25000" ] || fail "huyen-khoai-chau 4 sums"
expect tt-nhu-quynh 3 dat                  # exactly 50 %
expect phuong-le-loi 10 dat                # exactly 90 %
expect huyen-van-giang 2 chua_dat          # 44,998 %
expect xa-dong-tao 7 khong_phat_sinh       # no certified copies all year
expect ban-quan-ly-kcn 8 chua_bao_cao      # skipped a target
expect ban-quan-ly-kcn 9 khong_phat_sinh
expect xa-hong-van 3 chua_bao_cao          # no file at all
expect van-phong-ubnd-tinh 5 dat
expect vnpt-hung-yen 5 chua_dat
expect nhom:ban 8 chua_bao_cao
expect nhom:ban 9 khong_phat_sinh
expect nhom:dau-moi 5 chua_dat
expect tinh 5 chua_dat
# Digit-grouped counts of the ';' file are read as whole numbers.
[ "$(awk -F, '$2 == "huyen-van-lam" && $5 == 3 { print ($7 > 9999) }' "$k")" = 1 ] \
	|| fail "huyen-van-lam: digit-grouped counts misread"
exit 0
