# SPDX-License-Identifier: MIT
"""A generated province for the print tests: tests/gen_province.py OUTDIR [UNITS]

Run with /usr/bin/python3 (no module beyond the standard library).  From the
sample's nhom.csv and chi-tieu.csv (10 targets) it makes a province of UNITS
(default 200) units and 12 targets (two more, one an "at most" target), with
what a real province brings to a report:
  - communes of the same name under different districts (thuoc);
  - long unit names;
  - notes repeated month after month ("Có hồ sơ trễ hạn, đã xin lỗi"), one
    note per unit planted (GHI-CHU-<n>) and printed in OUTDIR.ghi-chu.txt, one a
    line, for the tests to find each once in the notes appendix;
  - units missing months (their December, or their whole second target);
  - an empty bao-cao.conf.
Deterministic (a fixed-seed LCG): the same arguments give the same bytes.
"""
import csv
import os
import shutil
import sys

OUT = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "input")

state = 20250405


def rnd(n):
	global state
	state = (state * 6364136223846793005 + 1442695040888963407) & (2**64 - 1)
	return (state >> 33) % n


os.makedirs(os.path.join(OUT, "so-lieu"), exist_ok=True)
shutil.copy(os.path.join(SAMPLE, "nhom.csv"), OUT)
open(os.path.join(OUT, "bao-cao.conf"), "w").close()

with open(os.path.join(SAMPLE, "chi-tieu.csv"), encoding="utf-8") as f:
	rows = list(csv.reader(f))
head, targets = rows[0], rows[1:]
ap = head.index("ap_dung")
targets.append(["11", "Tỷ lệ hồ sơ giải quyết quá hạn trên tổng số hồ sơ đã giải quyết.", "Hồ sơ quá hạn",
                "Các Sở, ngành, UBND cấp huyện, UBND cấp xã", "Văn phòng UBND tỉnh", "%", "<=", "2",
                "Kế hoạch cải cách hành chính năm 2024 của UBND tỉnh.", "so|huyen|xa"])
targets.append(["12", "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn.", "", "UBND cấp huyện, UBND cấp xã",
                "Văn phòng UBND tỉnh", "%", ">=", "95", "", "huyen|xa"])
with open(os.path.join(OUT, "chi-tieu.csv"), "w", encoding="utf-8", newline="") as f:
	w = csv.writer(f, lineterminator="\n")
	w.writerow(head)
	w.writerows(targets)

# units: 20 departments, 1 board, 10 districts, the rest communes
units = []
for i in range(20):
	units.append((f"so-{i + 1:02d}", f"Sở Thử nghiệm số {i + 1} về quản lý hành chính công", "so", ""))
units.append(("ban-kcn", "Ban Quản lý các khu công nghiệp tỉnh", "ban", ""))
huyen = []
for i in range(10):
	ma = f"huyen-{i + 1:02d}"
	huyen.append(ma)
	units.append((ma, f"UBND huyện Thử {['Tiền Hải', 'Kiến Xương', 'Vũ Thư', 'Đông Hưng', 'Quỳnh Phụ', 'Thái Thụy', 'Hưng Hà', 'Văn Lâm', 'Khoái Châu', 'Ân Thi'][i]}", "huyen", ""))
ten_xa = ["Đông Quang", "Tân Dân", "Minh Tân", "Hòa Bình", "Quang Trung", "Nam Thịnh", "An Lộc",
          "Bình Minh", "Thượng Hiền Long Hưng Phú Quý An Khang", "Vũ Hội"]
k = 0
while len(units) < N:
	h = huyen[k % len(huyen)]
	name = ten_xa[(k // 3) % len(ten_xa)] if k % 4 == 0 else f"Xã số {k + 1} {ten_xa[k % len(ten_xa)]}"
	units.append((f"xa-{k + 1:03d}", f"UBND xã {name}", "xa", h))
	k += 1
with open(os.path.join(OUT, "don-vi.csv"), "w", encoding="utf-8", newline="") as f:
	w = csv.writer(f, lineterminator="\n")
	w.writerow(["ma", "ten", "nhom", "thuoc"])
	w.writerows(units)

planted = []
for n, (ma, ten, nhom, thuoc) in enumerate(units):
	rows = []
	for t in targets:
		if nhom not in t[ap].split("|"):
			continue
		stt = int(t[0])
		if n % 37 == 5 and stt == 2:
			continue  # this target never reported: a missing period
		le = t[6] == "<="
		goal = float(t[7])
		for m in range(1, 13):
			if n % 23 == 7 and m == 12:
				continue  # no December
			d = 20 + rnd(60)
			if le:
				bad = rnd(100) < 15
				tu = rnd(max(1, d // 10)) if bad else rnd(max(1, int(d * goal / 100)))
			else:
				weak = n % 11 == 3
				rate = (goal - 15 + rnd(12)) if weak else (goal + rnd(int(max(1, 101 - goal))))
				tu = min(d, int(d * max(0, rate) / 100))
			note = ""
			if n % 9 == 2 and stt == 1 and m in (1, 3, 5):
				note = "Có hồ sơ trễ hạn, đã xin lỗi người dân; \"đã khắc phục\""
			if n % 13 == 4 and stt == 3 and m in (4, 5, 6):
				note = f"GHI-CHU-{n} Hệ thống một cửa điện tử gián đoạn trong tháng"
				if m == 4:
					planted.append(note)
			rows.append((f"2024-{m:02d}", stt, tu, d, note))
	with open(os.path.join(OUT, "so-lieu", ma + ".csv"), "w", encoding="utf-8", newline="") as f:
		w = csv.writer(f, lineterminator="\n")
		w.writerow(["ky", "chi_tieu", "tu_so", "mau_so", "ghi_chu"])
		w.writerows(rows)
with open(OUT.rstrip("/") + ".ghi-chu.txt", "w", encoding="utf-8") as f:
	for p in planted:
		f.write(p + "\n")
