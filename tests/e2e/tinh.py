# SPDX-License-Identifier: MIT
"""Turns a tools/genbench.c folder into the province the dashboard tests use.

    /usr/bin/python3 tests/e2e/tinh.py DIR

In place: three more targets (13 in all, so the communes' group is judged on
12), each unit reporting them in the periods it reports; communes of
different districts given the same name (every 25th commune is "UBND xã Đông
Quang"); notes on some rows; an empty bao-cao.conf.  Deterministic.
Missing months come from genbench's -w.
"""
import csv
import io
import os
import sys

d = sys.argv[1]


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def write(path, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


# targets: 11, 12, 13 for every group
ct = read(os.path.join(d, "chi-tieu.csv"))
head = ct[0]
col = {name: i for i, name in enumerate(head)}
groups = "|".join(r[0] for r in read(os.path.join(d, "nhom.csv"))[1:])
base = ct[1]
for stt, ten, ngan, so_sanh, gia_tri in ((11, "Tỷ lệ hồ sơ giải quyết trước hạn", "Trước hạn", ">=", "60"),
                                         (12, "Tỷ lệ hồ sơ quá hạn", "Quá hạn", "<=", "5"),
                                         (13, "Tỷ lệ thủ tục được cắt giảm thời gian", "Cắt giảm", ">=", "45,5")):
    r = list(base)
    r[col["stt"]] = str(stt)
    r[col["ten"]] = ten
    if "ten_ngan" in col:
        r[col["ten_ngan"]] = ngan
    r[col["so_sanh"]] = so_sanh
    r[col["gia_tri"]] = gia_tri
    r[col["ap_dung"]] = groups
    r[col["can_cu"]] = ""
    ct.append(r)
write(os.path.join(d, "chi-tieu.csv"), ct)

# same-named communes under different districts
dv = read(os.path.join(d, "don-vi.csv"))
n_xa = 0
for r in dv[1:]:
    if r[2] == "xa":
        n_xa += 1
        if n_xa % 25 == 0:
            r[1] = "UBND xã Đông Quang"
write(os.path.join(d, "don-vi.csv"), dv)

# the new targets' rows, and notes
sl = os.path.join(d, "so-lieu")
for k, name in enumerate(sorted(os.listdir(sl))):
    p = os.path.join(sl, name)
    rows = read(p)
    h = rows[0]
    kys = []
    for r in rows[1:]:
        if r[0] not in kys:
            kys.append(r[0])
    for i, ky in enumerate(kys):
        for stt in (11, 12, 13):
            d_ = 40 + (k * 7 + i * 3 + stt) % 60
            n_ = d_ * ((k * 13 + stt * 5 + i) % 100) // 100
            if stt == 12:
                n_ = d_ * ((k + i) % 9) // 100
            rows.append([ky, str(stt), str(n_), str(d_), ""])
    if k % 17 == 0 and len(rows) > 1:
        rows[1][h.index("ghi_chu")] = "Số liệu đã đối chiếu với phần mềm một cửa"
    write(p, rows)

open(os.path.join(d, "bao-cao.conf"), "w").close()
