# SPDX-License-Identifier: MIT
"""names_legend: what every output must agree on, read from the outputs'
text (not their markup, which the writers choose).

  names_legend.py names DON_VI_CSV FILE[@ma,ma...]...
      A unit's name for people (model_ten_don_vi): where two registered
      units share a ten (NFC, case folded), every mention of that ten in
      FILE carries the bracket that tells it apart, "(huyện Ân Thi)" (the
      parent's ten, "UBND " dropped), and it is the right one for a unit
      of that name; a unit whose ten is unique never carries its parent.
      FILE@ma,...: these units must be named in FILE (each by its own
      bracket), so a file that lost them does not pass by silence.

  names_legend.py legend LEGEND_FILE FILE...
      The one legend: LEGEND_FILE holds fmt_chu_giai's line ("● Đạt; ×
      Chưa đạt; ..."), as bao-cao.md prints it.  In each FILE every state
      word appears after its symbol at least once (the legend is there),
      and never after another symbol.

A FILE is read by its name: .pdf through pdftotext, .docx through
python-docx (run this with /usr/bin/python3), .html/.svg with the tags
taken out and the entities decoded, anything else as text.  Line breaks
and runs of spaces count as one space (a PDF table wraps a name).
Prints each problem and exits 1 if there is one.
"""
import csv
import html
import re
import subprocess
import sys
import unicodedata


def text_of(path):
    if path.endswith(".pdf"):
        t = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                           capture_output=True).stdout.decode("utf-8")
    elif path.endswith(".docx"):
        import docx  # python3-docx
        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for tb in d.tables:
            for row in tb.rows:
                parts.extend(c.text for c in row.cells)
        for s in d.sections:
            parts.extend(p.text for p in s.header.paragraphs)
        t = "\n".join(parts)
    else:
        t = open(path, encoding="utf-8").read()
        if path.endswith((".html", ".svg")):
            t = re.sub(r"<(script|style)\b.*?</\1>", " ", t, flags=re.S) if path.endswith(".html") else t
            t = html.unescape(re.sub(r"<[^>]*>", " ", t))
    t = unicodedata.normalize("NFC", t)
    return re.sub(r"\s+", " ", t.replace("\u00a0", " "))


def fold(s):
    return unicodedata.normalize("NFC", s).casefold().strip()


def names(argv):
    units = list(csv.DictReader(open(argv[0], encoding="utf-8-sig")))
    by_ma = {u["ma"]: u for u in units}
    groups = {}
    for u in units:
        groups.setdefault(fold(u["ten"]), []).append(u)

    def parent(u):
        p = by_ma.get((u.get("thuoc") or "").strip())
        if not p:
            return None
        t = p["ten"]
        return t[5:] if t.startswith("UBND ") and len(t) > 5 else t

    problems = []
    for arg in argv[1:]:
        path, _, must = arg.partition("@")
        t = text_of(path)
        for key, us in groups.items():
            ten = unicodedata.normalize("NFC", us[0]["ten"])
            pat = re.compile(r"(?<!\w)" + re.escape(ten) + r"(?!\w)( \(([^()]*)\))?", re.I)
            if len(us) == 1:
                p = parent(us[0])
                if p and re.search(r"(?<!\w)" + re.escape(ten) + r" \(" + re.escape(p) + r"[),]", t, re.I):
                    problems.append(f"{path}: '{ten}' is the only unit of its name, yet carries its parent ({p})")
                continue
            brackets = {parent(u) for u in us}
            for m in pat.finditer(t):
                if m.group(2) is None or m.group(2).split(",")[0] not in brackets:
                    ctx = t[max(0, m.start() - 30):m.end() + 30]
                    problems.append(f"{path}: '{ten}' is named without the parent that tells it apart: …{ctx}…")
                    break
        for ma in filter(None, must.split(",")):
            u = by_ma[ma]
            shown = unicodedata.normalize("NFC", u["ten"]) + " (" + (parent(u) or "")
            if shown not in t:
                problems.append(f"{path}: does not name {ma} as '{shown}…)'")
    return problems


# A symbol: no letter, digit, bracket or prose punctuation.  The em dash
# "—", "·" and "%" are prose ("… (65.910/81.230) — Đạt", "Chưa đạt 7 ·
# Không phát sinh 0", a table's unit column "%" before its verdict), not
# symbols: a legend symbol that became one of them goes unseen.
SYMBOL = r"[^\w\s()\[\]{},.;:\"'/|<>%·—]"


def legend(argv):
    ref = unicodedata.normalize("NFC", open(argv[0], encoding="utf-8").read().strip())
    pairs = []
    for part in ref.split(";"):
        sym, _, word = part.strip().partition(" ")
        if not sym or not word:
            return [f"{argv[0]}: '{part}' is no symbol and word"]
        pairs.append((sym, word))
    if len(pairs) != 5:
        return [f"{argv[0]}: {len(pairs)} states in the legend, expected 5: {ref}"]
    problems = []
    for path in argv[1:]:
        t = text_of(path)
        for sym, word in pairs:
            # the word as a state: after a symbol, not inside a longer
            # phrase ("Đạt" is not "Chưa đạt": case counts)
            seen = {m.group(1) for m in re.finditer(r"(?:^|(?<=[\s;|>(]))(" + SYMBOL + r") " + re.escape(word) + r"(?!\w)", t)}
            if sym not in seen:
                problems.append(f"{path}: no '{sym} {word}' (the legend's)")
            for other in sorted(seen - {sym}):
                problems.append(f"{path}: '{other} {word}' where the legend says '{sym} {word}'")
    return problems


def main(argv):
    if len(argv) < 3 or argv[0] not in ("names", "legend"):
        print(__doc__, file=sys.stderr)
        return 2
    problems = names(argv[1:]) if argv[0] == "names" else legend(argv[1:])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
