# SPDX-License-Identifier: MIT
# The urging dispatch (SPEC "The urging dispatch", cong_van.h): on the
# sample and on a generated province of 200 units, the units it addresses
# are exactly those the test finds behind in ket-qua.csv (chua_dat,
# chua_bao_cao), han.csv (tre_han, qua_han) and the run's incompleteness
# warnings; each target not met shows ket-qua.csv's figures; nobody else
# is named; same-named communes are told apart; the year's end asks for
# causes and remedies and prints no rate still needed, an earlier period
# does; the Markdown and the PDF say the same words; a bad
# han_gui_so_lieu is an error; a province where everyone is on track gets
# no dispatch and exits 0.
. tests/e2e/lib.sh
set -e
export SOURCE_DATE_EPOCH=1735603200
need pdftotext poppler-utils
PY=/usr/bin/python3
[ -x "$PY" ] || skip "/usr/bin/python3 is missing (apt-get install python3)"

# check.py IN OUT_KY STDERR: the addressed set and the figures (exit 1
# with the reason on a mismatch).
cat >"$WORK/check.py" <<'EOF'
import csv, math, re, sys, unicodedata
inp, out, err = sys.argv[1:4]
def rows(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))
dv = rows(inp + '/don-vi.csv')
fold = lambda s: unicodedata.normalize('NFC', s).casefold().strip()
by_ma = {r['ma']: r for r in dv}
count = {}
for r in dv:
    count[fold(r['ten'])] = count.get(fold(r['ten']), 0) + 1
def ten(ma):
    r = by_ma[ma]
    if count[fold(r['ten'])] < 2:
        return r['ten']
    p = r.get('thuoc') or ''
    same = [x for x in dv if fold(x['ten']) == fold(r['ten']) and (x.get('thuoc') or '') == p]
    if not p:
        return '%s (mã %s)' % (r['ten'], ma)
    pt = by_ma[p]['ten']
    if pt.startswith('UBND '):
        pt = pt[5:]
    if len(same) > 1:
        return '%s (%s, mã %s)' % (r['ten'], pt, ma)
    return '%s (%s)' % (r['ten'], pt)
want = set()
kq = rows(out + '/ket-qua.csv')
unit_rows = [r for r in kq if ':' not in r['ma'] and r['ma'] != 'tinh']
for r in unit_rows:
    if r['danh_gia'] in ('chua_dat', 'chua_bao_cao'):
        want.add(r['ma'])
try:
    for r in rows(out + '/han.csv'):
        if r['trang_thai'] in ('tre_han', 'qua_han'):
            want.add(r['don_vi'])
except FileNotFoundError:
    pass
for line in open(err, encoding='utf-8'):
    m = re.match(r"so-lieu/([a-z0-9-]+)\.(csv|xlsx): warning: figures do not cover", line)
    if m:
        want.add(m.group(1))
    m = re.search(r"unit '([a-z0-9-]+)' sent no data file", line)
    if m:
        want.add(m.group(1))
md = open(out + '/cong-van-don-doc.md', encoding='utf-8').read()
unesc = lambda s: re.sub(r'\\(.)', r'\1', s)
fail = lambda msg: (print('FAIL: ' + msg), sys.exit(1))
body = md[md.index('Kính gửi:'):md.index('**Nơi nhận:**')]
appendix = md.split('\n## Phụ lục\n', 1)[1] if '\n## Phụ lục\n' in md else None
def num(v):
    return '{:,}'.format(int(v)).replace(',', '.')
def rate(r):
    # fmt_ty_le: half up to 2 decimals, down (>=) or up (<=) where that
    # would cross the target
    from fractions import Fraction as F
    v = F(100 * int(r['tu_so']), int(r['mau_so']))
    g = F(r['gia_tri'].replace(',', '.'))
    h = math.floor(v * 100 + F(1, 2))
    if r['so_sanh'] == '>=' and v < g and F(h, 100) >= g:
        h = math.floor(v * 100)
    if r['so_sanh'] == '<=' and v > g and F(h, 100) <= g:
        h = math.ceil(v * 100)
    if r['so_sanh'] == '=':
        return None
    return '%d,%02d%%' % (h // 100, h % 100)
names = {ma: ten(ma) for ma in by_ma}
if appendix is not None:
    cells = []
    for line in appendix.splitlines():
        if line.startswith('| ') and not line.startswith('| Stt'):
            c = [unesc(x.strip()) for x in line.strip().strip('|').split(' | ')]
            if len(c) == 6 and c[0].isdigit():
                cells.append(c)
    got = {c[1] for c in cells}
    wanted = {names[ma] for ma in want}
    if got != wanted:
        fail('the appendix names %s; ket-qua.csv, han.csv and the warnings say %s' %
             (sorted(got - wanted)[:5], sorted(wanted - got)[:5]))
    for r in unit_rows:
        if r['danh_gia'] != 'chua_dat':
            continue
        hit = [c for c in cells if c[1] == names[r['ma']] and c[2].startswith(r['chi_tieu'] + '. ')]
        want_fig = '(%s/%s)' % (num(r['tu_so']), num(r['mau_so']))
        if not hit or want_fig not in hit[0][3]:
            fail('%s, target %s: %s not in the appendix (%s)' % (r['ma'], r['chi_tieu'], want_fig, hit))
        rt = rate(r)
        if rt and not hit[0][3].startswith(rt):
            fail('%s, target %s: rate %s, the appendix prints %s' % (r['ma'], r['chi_tieu'], rt, hit[0][3]))
    n_fig = sum(1 for r in unit_rows if r['danh_gia'] == 'chua_dat')
else:
    text = unesc(body)
    def named(ma):
        for n in (names[ma], names[ma][5:] if names[ma].startswith('UBND ') else None):
            if n and re.search(r'(^|[\s|])' + re.escape(n) + r'[:;,.]', text, re.M):
                return True
        return False
    got = {ma for ma in by_ma if named(ma)}
    if got != want:
        fail('the body names %s; ket-qua.csv, han.csv and the warnings say %s' %
             (sorted(got - want), sorted(want - got)))
    n_fig = 0
    for r in unit_rows:
        if r['danh_gia'] != 'chua_dat':
            continue
        blk = text.split('- ' + names[r['ma']] + ':\n', 1)
        if len(blk) < 2:
            fail('%s has no item of its targets not met' % r['ma'])
        lines = []
        for line in blk[1].splitlines():
            if not line.startswith('    + '):
                break
            lines.append(line)
        want_fig = '(%s/%s)' % (num(r['tu_so']), num(r['mau_so']))
        hit = [l for l in lines if l.startswith('    + Chỉ tiêu %s' % r['chi_tieu']) and want_fig in l]
        if not hit:
            fail('%s, target %s: %s not in its item' % (r['ma'], r['chi_tieu'], want_fig))
        n_fig += 1
print('%d units addressed, %d figures checked' % (len(want), n_fig))
EOF

# words ONE.md ONE.pdf: the body's words (from "Kính gửi:" to "Nơi nhận")
# of the Markdown and of the PDF, one a line, into $WORK/a and $WORK/b.
words() {
	sed -e 's/^ *[-+] /- /' -e 's/^#* //' -e 's/\*//g' -e 's/\\\(.\)/\1/g' "$1" | tr '\n' ' ' |
		awk '{ a = index($0, "Kính gửi:"); b = index($0, "Nơi nhận"); print substr($0, a, b - a) }' |
		tr -s ' ' '\n' >"$WORK/a"
	n=$(pdfinfo "$2" | awk '/^Pages:/ { print $2 }')
	i=1; : >"$WORK/pt"
	while [ "$i" -le "$n" ]; do
		# the page number (from page 2) and the running head share the top line
		pdftotext -enc UTF-8 -f "$i" -l "$i" "$2" - 2>/dev/null |
			awk -v p="$i" '{ gsub(/[[:space:]]*SỐ LIỆU TẠM TÍNH – [0-9.]+ đơn vị chưa báo cáo đủ số liệu/, "") }
				NF && !top { top = 1; if (p > 1 && $0 ~ /^[[:space:]]*[0-9]+[[:space:]]*$/) next } 1' >>"$WORK/pt"
		i=$((i + 1))
	done
	tr '\n\f' '  ' <"$WORK/pt" | sed 's/- /\n- /g; s/+ /\n- /g' | tr '\n' ' ' |
		awk '{ a = index($0, "Kính gửi:"); b = index($0, "Nơi nhận"); print substr($0, a, b - a) }' |
		tr -s ' ' '\n' >"$WORK/b"
}

# ---- the sample, the whole year (its latest period) ----
run_chitieu -i input -o "$WORK/o"
expect_rc 0
q4="$WORK/o/2024-Q4"
[ -s "$q4/cong-van-don-doc.md" ] && [ -s "$q4/cong-van-don-doc.pdf" ] || fail "the sample's dispatch is missing"
$PY "$WORK/check.py" input "$q4" "$WORK/err" || fail "the sample's dispatch addresses the wrong units or figures"
md="$q4/cong-van-don-doc.md"
grep -qF "V/v đôn đốc thực hiện các chỉ tiêu cải cách thủ tục hành chính năm 2024" "$md" || fail "no V/v summary"
grep -qF "Số: /UBND-PVHCC\\&KSTT" "$md" || fail "the number line does not come from so_cong_van"
grep -qF "Thực hiện Công văn số ……/UBND-PVHCC\\&KSTT ngày ……/4/2024 của UBND tỉnh về việc giao chỉ tiêu cụ thể về cải cách thủ tục hành chính năm 2024, kết quả năm 2024, toàn tỉnh Hưng Yên đạt" "$md" || fail "the basis does not come from can_cu_giao"
grep -qF "nguyên nhân" "$md" && grep -qF "giải pháp khắc phục" "$md" || fail "the year's end does not ask for causes and remedies"
! grep -qiE "cần đạt|≥ [0-9]|trong quý|trong tháng [0-9]" "$md" || fail "the year's end prints a rate still needed"
# 31/12/2024 is a Tuesday: 5 working days on is 07/01/2025 (no 2025 holiday listed)
if ! grep -q '2025' input/ngay-nghi.csv; then
	grep -qF "trước ngày **07/01/2025**" "$md" || fail "the reply date is not 5 working days after 31/12/2024"
fi
grep -qF -- "- Như trên;" "$md" || fail "Nơi nhận does not start with Như trên"
grep -qF -- "- Lưu: VT, PVHCC\\&KSTT." "$md" || fail "Nơi nhận does not end with Lưu"
grep -qF "UBND các xã, thị trấn, phường có tên tại Phụ lục kèm theo" "$md" || fail "the communes are not addressed as a group"
grep -qF "Kèm theo: Công văn đôn đốc" "$q4/bao-cao.md" || fail "the report's colophon does not list the dispatch"
[ -f "$q4/site/tai-ve/cong-van-don-doc.pdf" ] && grep -qF "tai-ve/cong-van-don-doc.pdf" "$q4/site/index.html" ||
	fail "the site's downloads do not offer the dispatch"
words "$md" "$q4/cong-van-don-doc.pdf"
[ "$(wc -l <"$WORK/a")" -gt 200 ] || fail "the dispatch's body is too short"
diff "$WORK/a" "$WORK/b" >"$WORK/d" || { head -n 20 "$WORK/d"; fail "the Markdown and the PDF of the dispatch say different words"; }

# ---- an earlier period: the rate still needed ----
run_chitieu -q -k 2024-Q3 -i input -o "$WORK/o"
expect_rc 0
q3="$WORK/o/2024-Q3"
$PY "$WORK/check.py" input "$q3" "$WORK/err" || fail "the Q3 dispatch addresses the wrong units or figures"
grep -qE "≥ [0-9]+,[0-9]{2}% trong quý IV" "$q3/cong-van-don-doc.md" || fail "Q3 prints no rate still needed"
! grep -qF "nguyên nhân, trách nhiệm" "$q3/cong-van-don-doc.md" || fail "Q3 speaks of the year's end"
# reproducible
cp "$q3/cong-van-don-doc.pdf" "$WORK/cv1.pdf"
run_chitieu -q -k 2024-Q3 -i input -o "$WORK/o"
cmp -s "$WORK/cv1.pdf" "$q3/cong-van-don-doc.pdf" || fail "the dispatch's PDF is not reproducible"

# ---- a generated province: 200 units, same-named communes, an empty conf ----
${CC:-cc} -std=c11 -O2 -o "$WORK/genbench" tools/genbench.c || fail "genbench does not compile"
"$WORK/genbench" -w 3 province "$WORK/p" >/dev/null || fail "genbench province failed"
: >"$WORK/p/bao-cao.conf"
run_chitieu -q -k 2024-Q2 -i "$WORK/p" -o "$WORK/po"
expect_rc 0
# two addressed communes of different districts get one name
pair=$(awk -F, '$11 == "chua_dat" && $2 ~ /^xa-/ { print $2 }' "$WORK/po/2024-Q2/ket-qua.csv" | sort -u | head -n 2 | tr '\n' ' ')
set -- $pair
[ $# -eq 2 ] || fail "no two communes behind in the generated province"
sed -i -e "s/^\\($1\\),[^,]*,/\\1,UBND xã Trùng Tên,/" -e "s/^\\($2\\),[^,]*,/\\1,UBND xã Trùng Tên,/" "$WORK/p/don-vi.csv"
rm -f "$WORK/p/so-lieu/xa-00100.csv" # a unit with no file
run_chitieu -k 2024-Q2 -i "$WORK/p" -o "$WORK/po2"
expect_rc 0
pq="$WORK/po2/2024-Q2"
$PY "$WORK/check.py" "$WORK/p" "$pq" "$WORK/err" || fail "the province's dispatch addresses the wrong units or figures"
[ "$(grep -c "| UBND xã Trùng Tên (huyện " "$pq/cong-van-don-doc.md")" -ge 2 ] || fail "same-named communes are not told apart"
[ "$(grep -o "| UBND xã Trùng Tên (huyện [^)]*)" "$pq/cong-van-don-doc.md" | sort -u | wc -l)" -eq 2 ] ||
	fail "the two same-named communes do not read differently"
grep -qF "Số: /UBND-" "$pq/cong-van-don-doc.md" || fail "an empty conf does not leave the number blank"
grep -qF "Thực hiện văn bản số ……" "$pq/cong-van-don-doc.md" || fail "an empty conf does not leave the basis blank"
grep -qF -- "- Lưu: VT, ……." "$pq/cong-van-don-doc.md" || fail "an empty conf does not leave Lưu blank"
words "$pq/cong-van-don-doc.md" "$pq/cong-van-don-doc.pdf"
diff "$WORK/a" "$WORK/b" >"$WORK/d" || { head -n 20 "$WORK/d"; fail "the province's dispatch: the Markdown and the PDF differ"; }

# ---- a few units behind: named in the body, no appendix ----
copy_sample "$WORK/s"
rm -f "$WORK/s/cong-bo.csv" "$WORK/s/moc.csv"
# two sở and two districts: a short list
awk -F, 'NR == 1 || $1 == "so-tu-phap" || $1 == "so-noi-vu" || $1 == "huyen-van-giang" || $1 == "huyen-yen-my"' \
	input/don-vi.csv >"$WORK/s/don-vi.csv"
for f in "$WORK"/s/so-lieu/*; do
	ma=$(basename "$f"); ma=${ma%.*}
	grep -q "^$ma," "$WORK/s/don-vi.csv" || rm "$f"
done
run_chitieu -q -k 2024-Q3 -i "$WORK/s" -o "$WORK/so"
expect_rc 0
sm="$WORK/so/2024-Q3/cong-van-don-doc.md"
! grep -q "^## Phụ lục" "$sm" || fail "a short dispatch has an appendix"
$PY "$WORK/check.py" "$WORK/s" "$WORK/so/2024-Q3" "$WORK/err" || fail "the short dispatch addresses the wrong units or figures"
words "$sm" "$WORK/so/2024-Q3/cong-van-don-doc.pdf"
diff "$WORK/a" "$WORK/b" >"$WORK/d" || { head -n 20 "$WORK/d"; fail "the short dispatch: the Markdown and the PDF differ"; }

# ---- bad han_gui_so_lieu: an error at its line, nothing written ----
printf 'han_gui_so_lieu = năm\n' >>"$WORK/s/bao-cao.conf"
line=$(grep -c '' "$WORK/s/bao-cao.conf")
run_chitieu -q -i "$WORK/s" -o "$WORK/bad"
expect_rc 1
expect_err "bao-cao.conf:$line:19: error: han_gui_so_lieu 'năm' is not a number of working days"
[ ! -e "$WORK/bad" ] || [ -z "$(ls "$WORK/bad")" ] || fail "a failed run wrote outputs"

# ---- everyone on track: no dispatch, exit 0 ----
mkdir -p "$WORK/ok/so-lieu"
cp input/nhom.csv input/chi-tieu.csv "$WORK/ok/"
printf 'ma,ten,nhom,thuoc\nso-a,Sở A,so,\nso-b,Sở B,so,\n' >"$WORK/ok/don-vi.csv"
$PY - "$WORK/ok" <<'EOF'
import csv, sys
d = sys.argv[1]
cts = list(csv.DictReader(open(d + '/chi-tieu.csv', encoding='utf-8-sig')))
for ma in ('so-a', 'so-b'):
    with open('%s/so-lieu/%s.csv' % (d, ma), 'w', encoding='utf-8') as f:
        f.write('ky,chi_tieu,tu_so,mau_so\n')
        for ct in cts:
            if 'so' not in ct['ap_dung'].split('|'):
                continue
            for q in range(1, 5):
                tu = 0 if ct['so_sanh'] == '<=' else 10
                f.write('2024-Q%d,%s,%d,10\n' % (q, ct['stt'], tu))
EOF
run_chitieu -i "$WORK/ok" -o "$WORK/oko"
expect_rc 0
[ -s "$WORK/oko/2024-Q4/ket-qua.csv" ] || fail "the on-track run wrote nothing"
[ "$(awk -F, '$2 ~ /^so-/ && $11 != "dat" && $11 != "khong_phat_sinh"' "$WORK/oko/2024-Q4/ket-qua.csv" | wc -l)" -eq 0 ] ||
	fail "the on-track input has a unit behind"
[ ! -e "$WORK/oko/2024-Q4/cong-van-don-doc.md" ] && [ ! -e "$WORK/oko/2024-Q4/cong-van-don-doc.pdf" ] ||
	fail "a dispatch was written with nobody behind"
! grep -qF "Công văn đôn đốc" "$WORK/oko/2024-Q4/bao-cao.md" || fail "the colophon lists a dispatch that is not there"
exit 0
