# SPDX-License-Identifier: MIT
# pdf_words.py PDF: a small print lint over `pdftotext -bbox-layout`'s word
# boxes, every page.  Prints one line per problem ("page 3: ...") and exits 1
# when there is any:
#   - a word off the page, or past its margins by more than 1 pt;
#   - two words that overlap or touch (less than 0.3 pt apart) where their
#     heights overlap by more than half (a cell against its neighbour, a
#     page number against a head, a label on a label);
#   - a word ending in "…" (nothing in the scorecards is cut).
# pdf_words.py --plant OUT writes a one-page PDF with both faults (two words
# overprinted, one ending in "…"), so a test can show the lint fails.
# Standard library only (run with /usr/bin/python3).
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"


def plant(path):
    text = (b"BT /F1 12 Tf 100 700 Td (Hello) Tj ET BT /F1 12 Tf 120 700 Td (World) Tj ET "
            b"BT /F1 12 Tf 100 600 Td (Cut\\205) Tj ET")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    with open(path, "wb") as f:
        f.write(out)


def main():
    if sys.argv[1] == "--plant":
        plant(sys.argv[2])
        return
    pdf = sys.argv[1]
    xml = subprocess.run(["pdftotext", "-q", "-bbox-layout", pdf, "-"], check=True,
                         capture_output=True).stdout
    root = ET.fromstring(xml)
    bad = 0
    for pno, page in enumerate(root.iter(NS + "page"), 1):
        pw, ph = float(page.get("width")), float(page.get("height"))
        words = []
        for w in page.iter(NS + "word"):
            x0, y0, x1, y1 = (float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            t = w.text or ""
            words.append((x0, y0, x1, y1, t))
            if x0 < 0 or y0 < 0 or x1 > pw or y1 > ph:
                print(f"page {pno}: '{t}' off the page ({x0:.1f},{y0:.1f})-({x1:.1f},{y1:.1f})")
                bad += 1
            if t.endswith("…"):
                print(f"page {pno}: '{t}' is cut")
                bad += 1
        words.sort()
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if b[0] > a[2] + 0.3:
                    break
                h = min(a[3] - a[1], b[3] - b[1])
                ov = min(a[3], b[3]) - max(a[1], b[1])
                if h > 0 and ov > h / 2:
                    print(f"page {pno}: '{a[4]}' and '{b[4]}' overlap or touch "
                          f"at x={b[0]:.1f}, y={b[1]:.1f}")
                    bad += 1
    sys.exit(1 if bad else 0)


main()
