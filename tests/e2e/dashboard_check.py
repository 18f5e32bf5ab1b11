# SPDX-License-Identifier: MIT
"""The dashboard's figures against ket-qua.csv (tests/e2e/test_dashboard.sh).

    /usr/bin/python3 tests/e2e/dashboard_check.py INPUT ROOT EARLIER LATER

INPUT: the input folder; ROOT: the output root holding the periods EARLIER
and LATER (folder names, "2024-Q3", "2024-Q4").  On LATER's site:
  - every dia-ban/<ma>.html roll-up (Σ tử số, Σ mẫu số, units met/judged per
    target) equals the sums over the parent's children's rows of ket-qua.csv;
  - the index's bottom-10 lists equal the ranking this script computes from
    ket-qua.csv (SPEC "Ranking": targets met, then not reported, then the
    total shortfall in points, exactly with fractions; competition ranks);
  - each unit page links to the same unit's page of EARLIER, and EARLIER's
    to LATER's; the change "kỳ trước" of each target agrees with the rates
    of the two ket-qua.csv files.
Prints "ok: ..." lines; exits 1 after "FAIL: ..." lines.
"""
import csv
import html
import os
import re
import sys
from fractions import Fraction

inp, root, earlier, later = sys.argv[1:5]
failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def vn_int(s):
    s = s.strip()
    return None if s in ("", "—") else int(s.replace(".", ""))


def text(s):
    return html.unescape(re.sub(r"<[^>]*>", "", s)).strip()


don_vi = read_csv(os.path.join(inp, "don-vi.csv"))
parent = {r["ma"]: (r.get("thuoc") or "").strip() for r in don_vi}
group = {r["ma"]: r["nhom"] for r in don_vi}
order = [r["ma"] for r in don_vi]


def results(ky):
    out = {}
    for r in read_csv(os.path.join(root, ky, "ket-qua.csv")):
        if r["ma"] in group:
            out.setdefault(r["ma"], {})[r["chi_tieu"]] = r
    return out


kq = results(later)
site = os.path.join(root, later, "site")

# ---- the districts' roll-ups
n_pages = 0
for p in sorted(set(parent.values()) - {""}):
    path = os.path.join(site, "dia-ban", p + ".html")
    if not os.path.exists(path):
        fail(f"no page dia-ban/{p}.html for a parent unit")
        continue
    n_pages += 1
    page = open(path, encoding="utf-8").read()
    sec = page.split("Tổng hợp các đơn vị trực thuộc</h2>", 1)
    if len(sec) < 2:
        fail(f"dia-ban/{p}.html has no roll-up")
        continue
    table = sec[1].split("</table>", 1)[0]
    kids = [u for u in order if parent[u] == p]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    head = [text(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
    try:
        c_tu, c_mau, c_dat = (head.index(h) for h in ("Σ Tử số", "Σ Mẫu số", "Số đơn vị đạt/được đánh giá"))
    except ValueError:
        fail(f"dia-ban/{p}.html: the roll-up's head lacks Σ Tử số, Σ Mẫu số or the units met: {head}")
        continue
    n = 0
    for row in rows:
        m = re.search(r'href="\.\./chi-tieu/(\d+)\.html"', row)
        if not m:
            continue
        stt = m.group(1)
        cells = [text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        tu, mau, dat_tong = vn_int(cells[c_tu]), vn_int(cells[c_mau]), cells[c_dat]
        want_tu = want_mau = dat = judged = 0
        for u in kids:
            r = kq.get(u, {}).get(stt)
            if not r or r["danh_gia"] == "chua_bao_cao":
                continue
            want_tu += int(r["tu_so"])
            want_mau += int(r["mau_so"])
            dat += r["danh_gia"] == "dat"
            judged += r["danh_gia"] in ("dat", "chua_dat")
        if (tu or 0) != want_tu or (mau or 0) != want_mau or dat_tong != f"{dat}/{judged}":
            fail(f"dia-ban/{p}.html target {stt}: {tu}/{mau}, {dat_tong} on the page, "
                 f"{want_tu}/{want_mau}, {dat}/{judged} summed from ket-qua.csv")
        n += 1
    if not n:
        fail(f"dia-ban/{p}.html: no target in its roll-up")
print(f"ok: {n_pages} parent pages' roll-ups equal the sums of their children in ket-qua.csv")


# ---- the bottom 10 of each group
def key(u):
    dat = cbc = 0
    short = Fraction(0)
    for r in kq.get(u, {}).values():
        g = r["danh_gia"]
        dat += g == "dat"
        cbc += g == "chua_bao_cao"
        if g == "chua_dat":
            rate = Fraction(100 * int(r["tu_so"]), int(r["mau_so"]))
            short += abs(rate - Fraction(r["gia_tri"].replace(",", ".")))
    return (-dat, cbc, short)


def misses(u):
    return any(r["danh_gia"] in ("chua_dat", "chua_bao_cao") for r in kq.get(u, {}).values())


index = open(os.path.join(site, "index.html"), encoding="utf-8").read()
sec = index.split("Đơn vị chưa đạt nhiều chỉ tiêu nhất</h2>", 1)
if len(sec) < 2:
    fail("the index has no list of the units that miss the most targets")
    sec = ["", ""]
sec = sec[1].split("<h2>", 1)[0]
shown = {}
for part in re.split(r"<h3>", sec)[1:]:
    m = re.search(r'href="nhom/([^"]+)\.html"', part)
    g = m.group(1) if m else None
    shown[g] = [(a, int(h), int(t)) for a, h, t in
                re.findall(r'href="don-vi/([^"]+)\.html">[^<]*</a> \((\d+)/(\d+)\)', part)]
n_groups = 0
for g in sorted(set(group.values())):
    units = [u for u in order if group[u] == g]
    keys = {u: key(u) for u in units}
    rank = {u: 1 + sum(1 for v in units if keys[v] < keys[u]) for u in units}
    cand = [u for u in units if misses(u)]
    want_n = min(10, len(cand))
    got = shown.get(g, [])
    if len(got) != want_n:
        fail(f"group {g}: {len(got)} units listed, {want_n} expected")
        continue
    if not want_n:
        continue
    n_groups += 1
    ok = True
    for u, h, t in got:
        if u not in rank or rank[u] != h or t != len(units) or not misses(u):
            fail(f"group {g}: {u} listed at rank {h}/{t}, computed {rank.get(u)}/{len(units)}")
            ok = False
    listed = {u for u, _, _ in got}
    lowest = min(h for _, h, _ in got)
    for u in cand:
        if u not in listed and rank[u] > lowest:
            fail(f"group {g}: {u} ranks {rank[u]}, below the listed {lowest}, and is not listed")
            ok = False
    hs = [h for _, h, _ in got]
    if hs != sorted(hs, reverse=True):
        fail(f"group {g}: the list is not the last first: {hs}")
        ok = False
    if ok:
        print(f"ok: group {g}: the bottom {want_n} ({', '.join(str(h) for h in hs)} of {len(units)}) "
              "equal the ranking computed from ket-qua.csv")
if not n_groups:
    fail("no group's bottom list was checked")

# ---- two periods: links both ways, and the change
kq_old = results(earlier)
n_links = n_changes = 0
for u in order:
    a = os.path.join(root, later, "site", "don-vi", u + ".html")
    b = os.path.join(root, earlier, "site", "don-vi", u + ".html")
    if not (os.path.exists(a) and os.path.exists(b)):
        continue
    pa, pb = open(a, encoding="utf-8").read(), open(b, encoding="utf-8").read()
    if f'href="../../../{earlier}/site/don-vi/{u}.html" rel="prev"' not in pa:
        fail(f"{later}/site/don-vi/{u}.html does not link to {earlier}'s page of the unit")
    elif f'href="../../../{later}/site/don-vi/{u}.html" rel="next"' not in pb:
        fail(f"{earlier}/site/don-vi/{u}.html does not link to {later}'s page of the unit")
    else:
        n_links += 1
    for li in re.findall(r"<li>(.*?)</li>", pa, re.S):
        m = re.search(r'href="\.\./chi-tieu/(\d+)\.html"', li)
        c = re.search(r"kỳ trước ([▲▼=])\xa0(&lt;)?(\d+,\d\d)", li)
        if not m or not c:
            continue
        stt = m.group(1)
        new, old = kq.get(u, {}).get(stt), kq_old.get(u, {}).get(stt)
        if not new or not old or not new["mau_so"] or not old["mau_so"] or \
                int(new["mau_so"]) == 0 or int(old["mau_so"]) == 0:
            continue
        exact = Fraction(100 * int(new["tu_so"]), int(new["mau_so"])) - \
            Fraction(100 * int(old["tu_so"]), int(old["mau_so"]))
        shown_v = Fraction(c.group(3).replace(",", ".")) * (-1 if c.group(1) == "▼" else 1)
        if c.group(2):
            ok = abs(exact) < Fraction(1, 100) and exact != 0
        else:
            ok = abs(shown_v - exact) <= Fraction(1, 200) and (c.group(1) != "=" or exact == 0)
        if not ok:
            fail(f"don-vi/{u}.html target {stt}: change {c.group(1)} {c.group(3)} shown, "
                 f"{float(exact):.4f} from the two ket-qua.csv")
        n_changes += 1
if not n_links or not n_changes:
    fail(f"two periods: {n_links} units linked both ways, {n_changes} changes checked")
else:
    print(f"ok: {n_links} unit pages link to the same unit's page of the other period both ways; "
          f"{n_changes} changes agree with the two ket-qua.csv")

# --- the unit charts: the trend by period (issue 26) ---------------------
# Each unit chart's SVG <desc> names the unit's year-to-date rate at the end
# of every period of the year up to the folder's; computed here from the
# input's rows on their own (a row counts from its last month on; a period
# in which the unit has no row is "chưa báo cáo", a gap), and at the
# folder's own period equal to its ket-qua.csv.
PERIOD_WORDS = {1: "Tháng 1", 3: "Quý I", 12: "Năm"}


def period_word(m):
    return PERIOD_WORDS.get(m, f"{m} tháng")


def ky_months(k):
    y, p = k.split("-")
    if p.startswith("Q"):
        q = int(p[1:])
        return int(y), 3 * q - 2, 3 * q
    return int(y), int(p), int(p)


def count(s):
    return int(re.sub(r"[.,\s\u00a0]", "", s))


rows_of = {}
for u in order:
    path = os.path.join(inp, "so-lieu", u + ".csv")
    if os.path.exists(path):
        rows_of[u] = read_csv(path)


def vn_rate(s):
    return Fraction(s.replace(".", "").replace(",", "."))


n_points = n_gaps = 0
for ky in (earlier, later):
    year, _, last = ky_months(ky)
    ends = list(range(3, last + 1, 3)) + ([last] if last % 3 else [])
    kq = results(ky)
    for u in order:
        svg = os.path.join(root, ky, "charts", f"don-vi-{u}.svg")
        if not os.path.exists(svg):
            continue
        desc = re.search(r"<desc>(.*?)</desc>", open(svg, encoding="utf-8").read(), re.S)
        desc = html.unescape(desc.group(1)) if desc else ""
        for stt, r in kq.get(u, {}).items():
            part = re.search(r"(?:\. |; )CT " + stt + r" [^;]*?\):((?: [^;]*?)) – ([^;.]+)", desc)
            if not part:
                fail(f"{ky}/charts/don-vi-{u}.svg: no period figures for CT {stt}")
                continue
            got = dict(re.findall(r"(Tháng 1|Quý I|\d+ tháng|Năm) (chưa báo cáo|không phát sinh|[\d.]+,\d+%)",
                                  part.group(1)))
            n = d = 0
            prev = 0
            for end in ends:
                co = False
                for row in rows_of.get(u, []):
                    if row["chi_tieu"].strip() != stt:
                        continue
                    y, first, lm = ky_months(row["ky"].strip())
                    if y != year or lm > last:
                        continue
                    if prev < lm <= end:
                        co = True
                        n += count(row["tu_so"])
                        d += count(row["mau_so"])
                word = period_word(end)
                shown = got.get(word)
                want = "chưa báo cáo" if not co else "không phát sinh" if d == 0 else Fraction(100 * n, d)
                if shown is None:
                    fail(f"{ky}/charts/don-vi-{u}.svg CT {stt}: no figure for '{word}'")
                elif isinstance(want, str) or not shown.endswith("%"):
                    if shown != want:
                        fail(f"{ky}/charts/don-vi-{u}.svg CT {stt} {word}: '{shown}', the input says '{want}'")
                    n_gaps += want == "chưa báo cáo"
                elif abs(vn_rate(shown[:-1]) - want) > Fraction(1, 100):
                    fail(f"{ky}/charts/don-vi-{u}.svg CT {stt} {word}: {shown}, the input gives {float(want):.4f}")
                else:
                    n_points += 1
                    if end == last and r["mau_so"] and int(r["mau_so"]) > 0:
                        pub = Fraction(100 * int(r["tu_so"]), int(r["mau_so"]))
                        if abs(vn_rate(shown[:-1]) - pub) > Fraction(1, 100):
                            fail(f"{ky}/charts/don-vi-{u}.svg CT {stt}: {shown}, ket-qua.csv {float(pub):.4f}")
                prev = end
if not n_points or not n_gaps:
    fail(f"unit charts: {n_points} period figures and {n_gaps} gaps checked")
else:
    print(f"ok: unit charts name {n_points} period figures equal to the input's sums "
          f"(the report period's equal to ket-qua.csv) and {n_gaps} periods not reported as gaps")
sys.exit(1 if failures else 0)
