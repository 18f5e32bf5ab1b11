#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generates the shipped sample input/ (Hưng Yên 2024) except bao-cao.conf and noi-dung.md.

Run by hand (not by the build) from the top of the checkout:

    python3 tools/gen-sample.py [OUTDIR]      # default: input

The output is deterministic (a fixed-seed splitmix64, not Python's random,
so that another Python version gives the same bytes) and is committed.
The figures are SYNTHETIC: they are shaped so that every verdict occurs at
the unit level and for at least one group and the province, and the script
checks that itself before it writes anything.  Through the year they move
as such figures do (shape()): rates climb towards their target, a few
units fall behind, the third quarter dips.

Deliberate warnings the sample produces (everything else must be clean):
  - xa-hong-van is registered but has no data file;
  - ban-quan-ly-kcn never reports target 8 (window not covered for it);
  - xa-tan-dan reports monthly and has no December rows (window not covered).
"""
import csv
import io
import os
import re
import unicodedata
import sys
import zlib
from datetime import date, timedelta

YEAR = 2024
OUT = sys.argv[1] if len(sys.argv) > 1 else "input"


# ---------------------------------------------------------------- randomness
class Rng:
	"""splitmix64: tiny, portable, the same sequence everywhere."""

	def __init__(self, seed):
		self.s = seed & 0xFFFFFFFFFFFFFFFF

	def next(self):
		self.s = (self.s + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
		z = self.s
		z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
		z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
		return z ^ (z >> 31)

	def below(self, n):
		return self.next() % n

	def between(self, lo, hi):
		"""An integer in [lo, hi]."""
		return lo + self.below(hi - lo + 1)


rng = Rng(20240405)

# ---------------------------------------------------------------- targets
CAN_CU_1 = ("Thực hiện theo Công văn số 221/VPCP-KSTT ngày 10/01/2024 của Văn phòng "
            "Chính phủ về việc triển khai nhiệm vụ chỉ tiêu giao tại các nghị quyết "
            "số 01/NQ-CP; số 02/NQ-CP năm 2024 của Chính phủ.")
CT_ALL = "Các Sở, Ban quản lý khu công nghiệp tỉnh; UBND cấp huyện, UBND cấp xã"
VP = "Văn phòng UBND tỉnh"
APPLY_ALL = "so|ban|huyen|xa"

# stt, ten, chu_tri, phoi_hop, so_sanh, gia_tri, can_cu, ap_dung
TARGETS = [
	(1, "Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số TTHC có đủ "
	    "điều kiện trên Cổng Dịch vụ công quốc gia.",
	 "Các Sở, ngành, UBND cấp huyện, UBND cấp xã", VP, ">=", 80, CAN_CU_1, "so|huyen|xa"),
	(2, "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số "
	    "giao dịch thanh toán của dịch vụ công.", CT_ALL, VP, ">=", 45, "", APPLY_ALL),
	(3, "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC",
	 CT_ALL, VP, ">=", 50, "", APPLY_ALL),
	(4, "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC.", CT_ALL, VP, ">=", 80, "", APPLY_ALL),
	(5, "Tỷ lệ kết quả xử lý hồ sơ TTHC được đồng bộ đầy đủ trên Cổng Dịch vụ công quốc gia",
	 "Văn phòng UBND tỉnh; VNPT Hưng Yên", CT_ALL, "=", 100, "", "dau-moi"),
	(6, "Tỷ lệ cấp kết quả giải quyết TTHC điện tử.", CT_ALL, VP, "=", 100, "", APPLY_ALL),
	(7, "Tỷ lệ thực hiện chứng thực bản sao điện tử từ bản chính tại UBND cấp xã và "
	    "Phòng Tư pháp cấp huyện.", "UBND cấp huyện, UBND cấp xã", "Sở Tư pháp", "=", 100,
	 "", "huyen|xa"),
	(8, "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa", CT_ALL, VP, ">=", 50, "",
	 APPLY_ALL),
	(9, "Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn", CT_ALL, VP, "=", 100, "", APPLY_ALL),
	(10, "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC của người dân, doanh nghiệp.",
	 CT_ALL, VP, ">=", 90, "", APPLY_ALL),
]
TGT = {t[0]: t for t in TARGETS}
# The short names (ten_ngan) for matrix headers, chart titles and the
# scorecards' target column: at most 40 characters each.
TEN_NGAN = {
	1: "DVC trực tuyến toàn trình", 2: "Thanh toán trực tuyến", 3: "Hồ sơ trực tuyến",
	4: "Số hóa hồ sơ, kết quả", 5: "Đồng bộ lên Cổng DVCQG", 6: "Cấp kết quả điện tử",
	7: "Chứng thực bản sao điện tử", 8: "Tái sử dụng dữ liệu số", 9: "Xử lý PAKN đúng hạn",
	10: "Mức độ hài lòng",
}
assert set(TEN_NGAN) == set(TGT) and all(len(v) <= 40 for v in TEN_NGAN.values())

GROUPS = [
	("so", "Sở, ban, ngành tỉnh", 1),
	("ban", "Ban Quản lý các khu công nghiệp tỉnh", 2),
	("dau-moi", "Đơn vị đầu mối đồng bộ dữ liệu (Văn phòng UBND tỉnh, VNPT Hưng Yên)", 3),
	("huyen", "UBND cấp huyện", 4),
	("xa", "UBND cấp xã", 5),
]

# ---------------------------------------------------------------- registry
# (code, name, cadence 'M' monthly / 'Q' quarterly, size of its workload)
SO = [
	("so-noi-vu", "Sở Nội vụ", "Q", 2),
	("so-tu-phap", "Sở Tư pháp", "M", 5),
	("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", "M", 9),
	("so-tai-chinh", "Sở Tài chính", "Q", 3),
	("so-cong-thuong", "Sở Công Thương", "M", 7),
	("so-nong-nghiep-ptnt", "Sở Nông nghiệp và Phát triển nông thôn", "Q", 4),
	("so-giao-thong-van-tai", "Sở Giao thông vận tải", "M", 10),
	("so-xay-dung", "Sở Xây dựng", "Q", 5),
	("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường", "M", 8),
	("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", "Q", 2),
	("so-lao-dong-tbxh", "Sở Lao động - Thương binh và Xã hội", "M", 6),
	("so-van-hoa-tt-dl", "Sở Văn hóa, Thể thao và Du lịch", "Q", 3),
	("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", "Q", 2),
	("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", "Q", 4),
	("so-y-te", "Sở Y tế", "M", 6),
	("thanh-tra-tinh", "Thanh tra tỉnh", "Q", 1),
]
# district code, name, cadence, communes [(kind, name)]
HUYEN = [
	("tp-hung-yen", "UBND thành phố Hưng Yên", "M",
	 [("phuong", "Lê Lợi"), ("phuong", "Hiến Nam"), ("phuong", "An Tảo"),
	  ("xa", "Bảo Khê"), ("xa", "Hoàng Hanh")]),
	("tx-my-hao", "UBND thị xã Mỹ Hào", "M",
	 [("phuong", "Bần Yên Nhân"), ("phuong", "Phùng Chí Kiên"), ("phuong", "Dị Sử"),
	  ("xa", "Xuân Dục"), ("xa", "Hưng Long")]),
	("huyen-van-lam", "UBND huyện Văn Lâm", "M",
	 [("thi-tran", "Như Quỳnh"), ("xa", "Lạc Đạo"), ("xa", "Chỉ Đạo"),
	  ("xa", "Đình Dù"), ("xa", "Trưng Trắc")]),
	("huyen-van-giang", "UBND huyện Văn Giang", "M",
	 [("thi-tran", "Văn Giang"), ("xa", "Xuân Quan"), ("xa", "Phụng Công"),
	  ("xa", "Long Hưng"), ("xa", "Mễ Sở")]),
	("huyen-yen-my", "UBND huyện Yên Mỹ", "M",
	 [("thi-tran", "Yên Mỹ"), ("xa", "Tân Lập"), ("xa", "Giai Phạm"),
	  ("xa", "Liêu Xá"), ("xa", "Lý Thường Kiệt"), ("xa", "Việt Cường")]),
	("huyen-khoai-chau", "UBND huyện Khoái Châu", "M",
	 [("thi-tran", "Khoái Châu"), ("xa", "Đông Tảo"), ("xa", "Dạ Trạch"),
	  ("xa", "Tân Dân"), ("xa", "Đồng Tiến"), ("xa", "Ông Đình")]),
	("huyen-an-thi", "UBND huyện Ân Thi", "Q",
	 [("thi-tran", "Ân Thi"), ("xa", "Phù Ủng"), ("xa", "Bãi Sậy"),
	  ("xa", "Hồng Vân"), ("xa", "Quảng Lãng")]),
	("huyen-kim-dong", "UBND huyện Kim Động", "M",
	 [("thi-tran", "Lương Bằng"), ("xa", "Nghĩa Dân"), ("xa", "Toàn Thắng"),
	  ("xa", "Phạm Ngũ Lão"), ("xa", "Chính Nghĩa")]),
	("huyen-phu-cu", "UBND huyện Phù Cừ", "Q",
	 [("thi-tran", "Trần Cao"), ("xa", "Phan Sào Nam"), ("xa", "Đoàn Đào"),
	  ("xa", "Tống Trân"), ("xa", "Nguyên Hòa")]),
	("huyen-tien-lu", "UBND huyện Tiên Lữ", "M",
	 [("thi-tran", "Vương"), ("xa", "Hưng Đạo"), ("xa", "Ngô Quyền"),
	  ("xa", "Thủ Sỹ"), ("xa", "Thụy Lôi")]),
]
KIND_WORD = {"phuong": "phường", "xa": "xã", "thi-tran": "thị trấn"}
KIND_CODE = {"phuong": "phuong", "xa": "xa", "thi-tran": "tt"}

ASCII = str.maketrans({
	"à": "a", "á": "a", "ả": "a", "ã": "a", "ạ": "a", "ă": "a", "ằ": "a", "ắ": "a",
	"ẳ": "a", "ẵ": "a", "ặ": "a", "â": "a", "ầ": "a", "ấ": "a", "ẩ": "a", "ẫ": "a",
	"ậ": "a", "đ": "d", "è": "e", "é": "e", "ẻ": "e", "ẽ": "e", "ẹ": "e", "ê": "e",
	"ề": "e", "ế": "e", "ể": "e", "ễ": "e", "ệ": "e", "ì": "i", "í": "i", "ỉ": "i",
	"ĩ": "i", "ị": "i", "ò": "o", "ó": "o", "ỏ": "o", "õ": "o", "ọ": "o", "ô": "o",
	"ồ": "o", "ố": "o", "ổ": "o", "ỗ": "o", "ộ": "o", "ơ": "o", "ờ": "o", "ớ": "o",
	"ở": "o", "ỡ": "o", "ợ": "o", "ù": "u", "ú": "u", "ủ": "u", "ũ": "u", "ụ": "u",
	"ư": "u", "ừ": "u", "ứ": "u", "ử": "u", "ữ": "u", "ự": "u", "ỳ": "y", "ý": "y",
	"ỷ": "y", "ỹ": "y", "ỵ": "y", " ": "-"})


def slug(s):
	return s.lower().translate(ASCII)


class Unit:
	def __init__(self, ma, ten, nhom, thuoc, cadence, size):
		self.ma, self.ten, self.nhom, self.thuoc = ma, ten, nhom, thuoc
		self.cadence, self.size = cadence, size


UNITS = []
for ma, ten, cad, size in SO:
	UNITS.append(Unit(ma, ten, "so", "", cad, size))
UNITS.append(Unit("ban-quan-ly-kcn", "Ban Quản lý các khu công nghiệp tỉnh", "ban", "", "Q", 3))
UNITS.append(Unit("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", "dau-moi", "", "Q", 0))
UNITS.append(Unit("vnpt-hung-yen", "VNPT Hưng Yên", "dau-moi", "", "M", 0))
for ma, ten, cad, communes in HUYEN:
	UNITS.append(Unit(ma, ten, "huyen", "", cad, 0))
for ma, ten, cad, communes in HUYEN:
	for i, (kind, name) in enumerate(communes):
		# Communes mostly report monthly; every third one quarterly.
		ccad = "Q" if (i % 3 == 2) else "M"
		UNITS.append(Unit(KIND_CODE[kind] + "-" + slug(name),
		                  "UBND " + KIND_WORD[kind] + " " + name, "xa", ma, ccad, 0))

BYMA = {u.ma: u for u in UNITS}
for u in UNITS:
	assert re.fullmatch(r"[a-z0-9-]+", u.ma), u.ma
assert len(BYMA) == len(UNITS), "duplicate unit code"

NO_FILE = "xa-hong-van"    # registered, never reported
NO_DECEMBER = "xa-tan-dan"  # monthly, December missing
assert BYMA[NO_DECEMBER].cadence == "M"


def applies(u, stt):
	return u.nhom in TGT[stt][7].split("|")


# ---------------------------------------------------------------- figures
def periods(cad):
	if cad == "M":
		return ["%d-%02d" % (YEAR, m) for m in range(1, 13)]
	return ["%d-Q%d" % (YEAR, q) for q in range(1, 5)]


def dossiers_per_year(u):
	"""A realistic yearly count of dossiers the unit handles."""
	if u.nhom == "so":
		return u.size * rng.between(1800, 3200)
	if u.nhom == "ban":
		return rng.between(2500, 4000)
	if u.nhom == "huyen":
		return rng.between(16000, 42000)
	return rng.between(700, 3400)  # xa: tens to hundreds a month


def yearly_denominator(u, stt, dossiers):
	n_per = 12 if u.cadence == "M" else 4
	if stt == 1:   # procedures eligible, counted each period
		per = {"so": rng.between(35, 180), "ban": 30, "huyen": rng.between(150, 230),
		       "xa": rng.between(70, 110)}[u.nhom]
		return per * n_per
	if stt == 2:
		return dossiers * rng.between(25, 40) // 100
	if stt in (3, 4):
		return dossiers
	if stt == 5:
		return 0  # set by the special cases below
	if stt == 6:
		return dossiers * rng.between(90, 97) // 100
	if stt == 7:
		return {"huyen": rng.between(1500, 3500), "xa": rng.between(300, 2400)}[u.nhom]
	if stt == 8:
		return dossiers * rng.between(40, 70) // 100
	if stt == 9:
		if u.nhom == "xa":
			return [0, 0, 0, 1, 2, 3, 4, 6][rng.below(8)]
		return {"so": rng.between(3, 40), "ban": 0, "huyen": rng.between(10, 60)}[u.nhom]
	if stt == 10:
		return dossiers * rng.between(30, 60) // 100
	raise AssertionError(stt)


def yearly_numerator(stt, d):
	"""A rate around the target: most met, some not."""
	op, gt = TGT[stt][4], TGT[stt][5]
	if d == 0:
		return 0
	if op == "=":
		if rng.below(100) < 65:
			return d
		return d - 1 - rng.below(max(1, d // 60))
	pct10 = gt * 10 + rng.between(-120, 150)  # tenths of a percent
	pct10 = max(50, min(1000, pct10))
	return min(d, d * pct10 // 1000)


# (unit, stt) -> (N, D) for the yearly totals, or None: the target is skipped.
SPECIAL = {
	("so-xay-dung", 1): (799, 1000),          # 79,9 % under "Tối thiểu 80"
	("huyen-khoai-chau", 4): (19999, 25000),  # 79,996 %: must print 79,99
	("tt-nhu-quynh", 3): (1200, 2400),        # exactly 50 %: met
	("huyen-van-giang", 2): (9000, 20001),    # 44,998 %: just below 45
	("xa-dong-tao", 7): (0, 0),               # no certified copies all year
	("ban-quan-ly-kcn", 8): None,             # the board skipped a target
	("ban-quan-ly-kcn", 9): (0, 0),           # no feedback to the board all year
	("van-phong-ubnd-tinh", 5): (84312, 84312),     # provincial-level dossiers
	("vnpt-hung-yen", 5): (398764, 399120),         # district and commune level
	("so-tu-phap", 6): (4380, 4380),
	("phuong-le-loi", 10): (2430, 2700),      # exactly 90 %: met
}


def split(total, parts, weights):
	"""total split over parts in proportion to weights, exactly."""
	s = sum(weights)
	out = [total * w // s for w in weights]
	for i in range(total - sum(out)):
		out[i % parts] += 1
	return out


# How a unit's rate moves through the year, for each (unit, target): most
# climb towards their target as the year goes on, about one in nine falls
# behind (starts well, ends worse), and the third quarter dips (the
# one-stop system outage of September that the notes speak of).  The
# yearly totals stay exactly what yearly_numerator() and SPECIAL chose, so
# the verdicts do not depend on the shape.  Drawn from a CRC of the names,
# not from rng, so the rest of the sample stays the same bytes.
def shape(ma, stt, nper):
	h = zlib.crc32(("%s/%d" % (ma, stt)).encode("utf-8"))
	amp = 60 + h % 140                      # per mille, either side of the mean
	falls = (h >> 8) % 9 == 0
	out = []
	for i in range(nper):
		x = (2 * i - (nper - 1)) * 1000 // max(1, nper - 1)   # -1000 .. 1000
		r = 1000 + (-x if falls else x) * amp // 1000
		if (nper == 12 and i == 8) or (nper == 4 and i == 2):
			r = r * (780 if nper == 12 else 880) // 1000
		out.append(max(100, r))
	return out


def split_pair(n, d, nper, ma="", stt=0):
	weights = [80 + rng.below(60) for _ in range(nper)]
	ds = split(d, nper, weights)
	if d == 0:
		return [0] * nper, ds
	# n over the periods in proportion to each period's dossiers times its
	# shape, never more than the period's denominator.
	r = shape(ma, stt, nper)
	ns = split(n, nper, [x * y for x, y in zip(ds, r)]) if n else [0] * nper
	over = sum(max(0, a - b) for a, b in zip(ns, ds))
	ns = [min(a, b) for a, b in zip(ns, ds)]
	i = nper - 1
	while over > 0:
		if ns[i] < ds[i]:
			ns[i] += 1
			over -= 1
		i = (i - 1) % nper
	assert sum(ns) == n and all(0 <= a <= b for a, b in zip(ns, ds))
	return ns, ds


NOTES = {
	("so-tu-phap", "2024-03", 3): 'Gồm cả hồ sơ "Lý lịch tư pháp" nộp qua VNeID, đã đối chiếu',
	("so-tu-phap", "2024-09", 4): "Hệ thống một cửa lỗi từ 12/9 đến 14/9.\n"
	                              "Hồ sơ tiếp nhận giấy, số hóa bổ sung trong tháng 10",
	("vnpt-hung-yen", "2024-09", 5): "Mất kết nối Cổng DVCQG ngày 12/9, 13/9; "
	                                 "đã đồng bộ lại 356 hồ sơ",
	("huyen-khoai-chau", "2024-11", 4): "Số hóa chậm do thiếu máy quét, đã đề nghị bổ sung",
	("xa-dong-tao", "2024-12", 7): "Không phát sinh yêu cầu chứng thực bản sao điện tử",
	("ban-quan-ly-kcn", "2024-Q2", 9): "Không nhận được phản ánh, kiến nghị",
	("so-xay-dung", "2024-Q4", 1): 'Còn 2 TTHC chưa đủ điều kiện "toàn trình", chờ Bộ Xây dựng',
	("thanh-tra-tinh", "2024-Q1", 3): "Chủ yếu là đơn thư nộp trực tiếp",
}

ROWS = {}  # unit code -> [(ky, stt, n, d, note)]
YEARLY = {}  # (unit, stt) -> (N, D) actually reported over the year
for u in UNITS:
	if u.ma == NO_FILE:
		continue
	dossiers = dossiers_per_year(u)
	per = periods(u.cadence)
	rows = []
	for t in TARGETS:
		stt = t[0]
		if not applies(u, stt):
			continue
		if (u.ma, stt) in SPECIAL:
			nd = SPECIAL[(u.ma, stt)]
			if nd is None:
				continue
			n, d = nd
		else:
			d = yearly_denominator(u, stt, dossiers)
			n = yearly_numerator(stt, d)
		ns, ds = split_pair(n, d, len(per), u.ma, stt)
		for p, ni, di in zip(per, ns, ds):
			if u.ma == NO_DECEMBER and p.endswith("-12"):
				continue
			rows.append((p, stt, ni, di, NOTES.get((u.ma, p, stt))))
	rows.sort(key=lambda r: (r[0], r[1]))  # period by period, as units type them
	ROWS[u.ma] = rows
	for p, stt, ni, di, _ in rows:
		a = YEARLY.get((u.ma, stt), (0, 0))
		YEARLY[(u.ma, stt)] = (a[0] + ni, a[1] + di)
	for k in NOTES:
		if k[0] == u.ma and NOTES[k] is not None:
			assert any(r[0] == k[1] and r[1] == k[2] for r in rows), k


# ---------------------------------------------------------------- self-check
def verdict(n, d, stt, reported):
	if not reported:
		return "chua_bao_cao"
	if d == 0:
		return "khong_phat_sinh"
	op, gt = TGT[stt][4], TGT[stt][5]
	lhs, rhs = 100 * n, gt * d
	ok = lhs >= rhs if op == ">=" else lhs <= rhs if op == "<=" else lhs == rhs
	return "dat" if ok else "chua_dat"


unit_v, agg_v = set(), set()
for t in TARGETS:
	stt = t[0]
	aggs = {g[0]: [0, 0, False, False] for g in GROUPS}
	aggs["tinh"] = [0, 0, False, False]
	for u in UNITS:
		if not applies(u, stt):
			continue
		rep = (u.ma, stt) in YEARLY
		n, d = YEARLY.get((u.ma, stt), (0, 0))
		unit_v.add(verdict(n, d, stt, rep))
		for k in (u.nhom, "tinh"):
			a = aggs[k]
			a[0] += n
			a[1] += d
			a[2] |= rep
			a[3] = True
	for k, (n, d, rep, any_unit) in aggs.items():
		if any_unit:
			agg_v.add(verdict(n, d, stt, rep))
ALL = {"dat", "chua_dat", "khong_phat_sinh", "chua_bao_cao"}
assert unit_v == ALL, unit_v
assert agg_v == ALL, agg_v
assert len(UNITS) >= 60 and sum(u.nhom == "xa" for u in UNITS) >= 40


# ---------------------------------------------------------------- writing
def grouped(n):
	"""1234567 -> 1.234.567 (as clerks' spreadsheets show large counts)."""
	s = str(n)
	parts = []
	while len(s) > 3:
		parts.insert(0, s[-3:])
		s = s[:-3]
	parts.insert(0, s)
	return ".".join(parts)


def write_csv(path, header, rows, delim=",", crlf=False, bom=False):
	buf = io.StringIO()
	w = csv.writer(buf, delimiter=delim, lineterminator="\r\n" if crlf else "\n",
	               quoting=csv.QUOTE_MINIMAL)
	w.writerow(header)
	for r in rows:
		w.writerow(r)
	data = buf.getvalue()
	os.makedirs(os.path.dirname(path), exist_ok=True)
	with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
		f.write(data)


def dmy(d):
	return d.strftime("%d/%m/%Y")


write_csv(os.path.join(OUT, "nhom.csv"), ["ma", "ten", "thu_tu"], GROUPS)
write_csv(os.path.join(OUT, "don-vi.csv"), ["ma", "ten", "nhom", "thuoc"],
          [(u.ma, u.ten, u.nhom, u.thuoc) for u in UNITS])
write_csv(os.path.join(OUT, "chi-tieu.csv"),
          ["stt", "ten", "ten_ngan", "chu_tri", "phoi_hop", "don_vi_tinh", "so_sanh", "gia_tri",
           "can_cu", "ap_dung"],
          [(t[0], t[1], TEN_NGAN[t[0]], t[2], t[3], "%", t[4], t[5], t[6], t[7]) for t in TARGETS])

sl = os.path.join(OUT, "so-lieu")
os.makedirs(sl, exist_ok=True)
for f in os.listdir(sl):
	if f.endswith(".csv"):
		os.remove(os.path.join(sl, f))
for u in UNITS:
	if u.ma not in ROWS:
		continue
	rows = ROWS[u.ma]
	path = os.path.join(sl, u.ma + ".csv")
	if u.ma == "so-y-te":
		# As Excel saves "CSV UTF-8": a BOM and CRLF line ends.
		write_csv(path, ["ky", "chi_tieu", "tu_so", "mau_so", "ghi_chu"],
		          [(p, s, n, d, g or "") for p, s, n, d, g in rows], crlf=True, bom=True)
	elif u.ma == "huyen-van-lam":
		# A Vietnamese-locale spreadsheet: ';' delimiter, Vietnamese headers.
		write_csv(path, ["Kỳ", "Chỉ tiêu", "Tử số", "Mẫu số", "Ghi chú"],
		          [(p, s, grouped(n), grouped(d), g or "") for p, s, n, d, g in rows],
		          delim=";")
	elif u.ma == "so-tai-chinh":
		# Columns in another order, with the optional ma_don_vi column.
		write_csv(path, ["ma_don_vi", "chi_tieu", "ky", "mau_so", "tu_so", "ghi_chu"],
		          [(u.ma, s, p, d, n, g or "") for p, s, n, d, g in rows])
	elif u.nhom in ("huyen", "dau-moi"):
		write_csv(path, ["ky", "chi_tieu", "tu_so", "mau_so", "ghi_chu"],
		          [(p, s, grouped(n), grouped(d), g or "") for p, s, n, d, g in rows])
	else:
		write_csv(path, ["ky", "chi_tieu", "tu_so", "mau_so", "ghi_chu"],
		          [(p, s, n, d, g or "") for p, s, n, d, g in rows])

# ---------------------------------------------------------------- calendar
NGHI = [
	(date(2024, 1, 1), "nghi", "Tết Dương lịch"),
	(date(2024, 2, 8), "nghi", "Tết Nguyên đán"),
	(date(2024, 2, 9), "nghi", "Tết Nguyên đán"),
	(date(2024, 2, 12), "nghi", "Tết Nguyên đán"),
	(date(2024, 2, 13), "nghi", "Tết Nguyên đán"),
	(date(2024, 2, 14), "nghi", "Tết Nguyên đán"),
	(date(2024, 4, 18), "nghi", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
	(date(2024, 4, 29), "nghi", "Nghỉ hoán đổi, làm bù thứ Bảy 04/5/2024"),
	(date(2024, 4, 30), "nghi", "Ngày Chiến thắng"),
	(date(2024, 5, 1), "nghi", "Ngày Quốc tế Lao động"),
	(date(2024, 5, 4), "lam_bu", "Làm bù cho ngày nghỉ 29/4/2024"),
	(date(2024, 9, 2), "nghi", "Quốc khánh"),
	(date(2024, 9, 3), "nghi", "Quốc khánh"),
]
for d, loai, _ in NGHI:
	assert (d.weekday() < 5) == (loai == "nghi"), d
write_csv(os.path.join(OUT, "ngay-nghi.csv"), ["ngay", "loai", "ten"],
          [(dmy(d), loai, ten) for d, loai, ten in NGHI])
OFF = {d for d, l, _ in NGHI if l == "nghi"}
ON = {d for d, l, _ in NGHI if l == "lam_bu"}


def working(d):
	return d not in OFF and (d.weekday() < 5 or d in ON)


def add_working(d, n):
	"""The n-th working day after d (d itself does not count)."""
	while n > 0:
		d += timedelta(days=1)
		if working(d):
			n -= 1
	return d


# ---------------------------------------------------------------- deadlines
# ministry, symbol, department in charge
MIN = {
	"BTP": ("Bộ Tư pháp", "QĐ-BTP", "so-tu-phap"),
	"BKHDT": ("Bộ Kế hoạch và Đầu tư", "QĐ-BKHĐT", "so-ke-hoach-dau-tu"),
	"BTC": ("Bộ Tài chính", "QĐ-BTC", "so-tai-chinh"),
	"BXD": ("Bộ Xây dựng", "QĐ-BXD", "so-xay-dung"),
	"BGTVT": ("Bộ Giao thông vận tải", "QĐ-BGTVT", "so-giao-thong-van-tai"),
	"BTNMT": ("Bộ Tài nguyên và Môi trường", "QĐ-BTNMT", "so-tai-nguyen-moi-truong"),
	"BNN": ("Bộ Nông nghiệp và Phát triển nông thôn", "QĐ-BNN-VP", "so-nong-nghiep-ptnt"),
	"BCT": ("Bộ Công Thương", "QĐ-BCT", "so-cong-thuong"),
	"BYT": ("Bộ Y tế", "QĐ-BYT", "so-y-te"),
	"BGDDT": ("Bộ Giáo dục và Đào tạo", "QĐ-BGDĐT", "so-giao-duc-dao-tao"),
	"LDTBXH": ("Bộ Lao động - Thương binh và Xã hội", "QĐ-LĐTBXH", "so-lao-dong-tbxh"),
	"BVHTTDL": ("Bộ Văn hóa, Thể thao và Du lịch", "QĐ-BVHTTDL", "so-van-hoa-tt-dl"),
	"BTTTT": ("Bộ Thông tin và Truyền thông", "QĐ-BTTTT", "so-thong-tin-truyen-thong"),
	"BKHCN": ("Bộ Khoa học và Công nghệ", "QĐ-BKHCN", "so-khoa-hoc-cong-nghe"),
	"BNV": ("Bộ Nội vụ", "QĐ-BNV", "so-noi-vu"),
	"TTCP": ("Thanh tra Chính phủ", "QĐ-TTCP", "thanh-tra-tinh"),
}
# number, ministry, decision date, list: working days after (None: not yet),
# process: working days after (None: not yet), iso dates?, note
CONG_BO = [
	(118, "BTP", date(2024, 1, 22), 4, 9, False, ""),
	(342, "BTP", date(2024, 3, 11), 5, 10, False, ""),
	(1525, "BTP", date(2024, 7, 3), 3, 12, False, "Quy trình nội bộ phải lấy ý kiến Sở Nội vụ"),
	(215, "BKHDT", date(2024, 2, 26), 2, 8, False, ""),
	(1310, "BKHDT", date(2024, 6, 14), 8, 15, False, "Chậm do chờ hướng dẫn, kết nối phần mềm"),
	(287, "BTC", date(2024, 3, 15), 5, 10, True, ""),
	(1958, "BTC", date(2024, 8, 27), 4, None, False, ""),
	(86, "BXD", date(2024, 1, 31), 5, 9, False, ""),
	(1044, "BXD", date(2024, 9, 19), 7, None, False, ""),
	(1453, "BGTVT", date(2024, 4, 22), 3, 7, False, ""),
	(3120, "BGTVT", date(2024, 10, 30), None, None, False, "Đang rà soát, trình trong tháng 01/2025"),
	(765, "BTNMT", date(2024, 3, 25), 5, 10, False, ""),
	(2124, "BTNMT", date(2024, 7, 31), 6, 11, True, ""),
	(1890, "BNN", date(2024, 5, 29), 4, 10, False, ""),
	(4230, "BNN", date(2024, 12, 26), None, None, False, "Mới nhận quyết định"),
	(1246, "BCT", date(2024, 5, 10), 5, 10, False, ""),
	(2512, "BCT", date(2024, 9, 23), 9, 14, False, ""),
	(2036, "BYT", date(2024, 7, 12), 2, 6, False, ""),
	(3360, "BYT", date(2024, 11, 12), 5, None, False, ""),
	(1122, "BGDDT", date(2024, 4, 16), 4, 10, False, ""),
	(804, "LDTBXH", date(2024, 6, 4), 5, 10, False, ""),
	(4011, "BVHTTDL", date(2024, 11, 20), 3, 8, False, ""),
	(1532, "BTTTT", date(2024, 8, 9), 6, 13, False, 'Bổ sung TTHC "cấp giấy phép bưu chính"'),
	(417, "BKHCN", date(2024, 3, 4), 5, 10, False, ""),
	(650, "BNV", date(2024, 5, 20), 3, 9, False, ""),
	(212, "TTCP", date(2024, 6, 26), 4, 10, False, ""),
]
cb_rows = []
for num, mk, dd, dm, qt, iso, note in CONG_BO:
	co_quan, sym, dv = MIN[mk]
	assert dv in BYMA
	fmt = (lambda x: x.isoformat()) if iso else dmy
	d1 = add_working(dd, dm) if dm is not None else None
	d2 = add_working(dd, qt) if qt is not None else None
	cb_rows.append(("%d/%s" % (num, sym), fmt(dd), co_quan, dv,
	                fmt(d1) if d1 else "", fmt(d2) if d2 else "", note))
write_csv(os.path.join(OUT, "cong-bo.csv"),
          ["so_quyet_dinh", "ngay_quyet_dinh", "co_quan", "don_vi", "ngay_cong_bo_danh_muc",
           "ngay_cong_bo_quy_trinh", "ghi_chu"], cb_rows)

MOC_CAN_CU = "Mục 3 Công văn số /UBND-PVHCC&KSTT năm 2024 của UBND tỉnh"
MOC = [("noi-bo", "Công bố bổ sung danh mục TTHC nội bộ", date(2024, 6, 30)),
       ("don-gian-hoa", "Phê duyệt phương án đơn giản hóa TTHC nội bộ (cắt giảm ít nhất 20%)",
        date(2024, 10, 31))]
moc_rows = []
for u in UNITS:
	if u.nhom not in ("so", "ban"):
		continue
	for ma, ten, han in MOC:
		r = rng.below(10)
		if r < 6:
			done = han - timedelta(days=rng.between(1, 25))
		elif r < 8:
			done = han + timedelta(days=rng.between(3, 30))
		else:
			done = None
		iso = u.ma == "so-y-te"  # one clerk types ISO dates
		s = "" if done is None else (done.isoformat() if iso else dmy(done))
		moc_rows.append((ma, ten, han.isoformat() if iso else dmy(han), u.ma, s, MOC_CAN_CU))
write_csv(os.path.join(OUT, "moc.csv"),
          ["ma", "ten", "han", "don_vi", "ngay_hoan_thanh", "can_cu"], moc_rows)

print("%d units, %d data files, %d figure rows; verdicts: units %s, aggregates %s"
      % (len(UNITS), len(ROWS), sum(len(r) for r in ROWS.values()),
         sorted(unit_v), sorted(agg_v)))
