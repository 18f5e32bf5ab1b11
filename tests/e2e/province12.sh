# SPDX-License-Identifier: MIT
# province12 DIR: a generated province as a new user would bring it (sourced
# by the e2e tests after lib.sh): tools/genbench.c's 200 units, with the
# sample's 10 targets and two more of long names (12 targets), then
#   - five same-named commune pairs under different districts;
#   - notes: a long note repeated month after month on every target of
#     the first commune, short ones elsewhere;
#   - missing months: the first district's fourth quarter left out;
#   - an empty bao-cao.conf (every key a blank to fill by hand).
province12() {
	_p12=$1
	rm -rf "$_p12" "$_p12.in"
	cp -r "$TOP/input" "$_p12.in"
	cat >>"$_p12.in/chi-tieu.csv" <<'CSV'
11,"Tỷ lệ hồ sơ giải quyết thủ tục hành chính được số hóa, cấp bản sao điện tử có giá trị pháp lý và tái sử dụng kết quả giải quyết cho các thủ tục hành chính liên thông giữa các cấp chính quyền",Số hóa liên thông,"UBND cấp huyện, UBND cấp xã",Sở Thông tin và Truyền thông,%,>=,70,Kế hoạch chuyển đổi số của tỉnh năm 2024,huyen|xa
12,Tỷ lệ phản ánh kiến nghị của người dân được xử lý đúng hạn và công khai kết quả trên Cổng thông tin điện tử của tỉnh,Phản ánh đúng hạn,"Các Sở, ngành, UBND cấp huyện, UBND cấp xã",Văn phòng UBND tỉnh,%,>=,95,,so|huyen|xa
CSV
	[ -x "$WORK/genbench" ] ||
		${CC:-cc} -std=c11 -O2 -o "$WORK/genbench" "$TOP/tools/genbench.c" || fail "genbench does not compile"
	"$WORK/genbench" -i "$_p12.in" province "$_p12" >/dev/null || fail "genbench province failed"
	: >"$_p12/bao-cao.conf"
	# Communes 2k+1 and 2k+2 (k < 5) share a name; their districts differ.
	awk -F, -v OFS=, '$3 == "xa" { n++; if (n <= 10) $2 = "UBND xã Đông Quang " int((n + 1) / 2) } { print }' \
		"$_p12/don-vi.csv" >"$_p12/dv" && mv "$_p12/dv" "$_p12/don-vi.csv"
	_x1=$(awk -F, '$3 == "xa" { print $1; exit }' "$_p12/don-vi.csv")
	_note="Hệ thống một cửa điện tử gián đoạn nhiều ngày, hồ sơ phải tiếp nhận trực tiếp và cập nhật lại sau khi khắc phục; đã báo cáo Sở Thông tin và Truyền thông"
	# (genbench's rows have an empty note: the first four fields are the figures)
	awk -F, -v OFS=, -v note="\"$_note\"" 'NR > 1 { print $1, $2, $3, $4, note; next } { print }' \
		"$_p12/so-lieu/$_x1.csv" >"$_p12/t" && mv "$_p12/t" "$_p12/so-lieu/$_x1.csv"
	for _f in $(ls "$_p12/so-lieu" | grep -v "^$_x1.csv" | sed -n '20p;40p;60p'); do
		awk -F, -v OFS=, 'NR > 1 && NR % 3 == 0 { print $1, $2, $3, $4, "\"Có hồ sơ trễ hạn, đã xin lỗi\""; next } { print }' \
			"$_p12/so-lieu/$_f" >"$_p12/t" && mv "$_p12/t" "$_p12/so-lieu/$_f"
	done
	_h1=$(awk -F, '$3 == "huyen" { print $1; exit }' "$_p12/don-vi.csv")
	grep -v '^2024-\(Q4\|1[012]\),' "$_p12/so-lieu/$_h1.csv" >"$_p12/t" && mv "$_p12/t" "$_p12/so-lieu/$_h1.csv"
	rm -rf "$_p12.in"
}
