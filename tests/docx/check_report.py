# SPDX-License-Identifier: MIT
"""Checks bao-cao.docx against bao-cao.pdf and bao-cao.md with python-docx:

    check_report.py RUN_DIR

- one section for the signed document, then one per appendix (the PDF's
  appendices: pages whose text starts with "Phụ lục <roman>" then a title
  and "(Kèm theo ...)");
- each appendix section landscape exactly where the PDF's first page of
  that appendix is;
- every section: A4, margins 20/20/30/15 mm, a distinct first page
  (titlePg), page numbers restarting at 1 on each appendix section, a
  PAGE field in the default header and none in the first page's;
- every table but the borderless frames: its first row marked to repeat
  (tblHeader), every row kept whole (cantSplit);
- the styles the report is built of are used: Heading1, Heading2,
  ListParagraph, Caption, TableText, TableHeading, with outline levels on
  the headings;
- the document properties: a title, an author, the dates.
Prints what it counted; exits 1 with the first failed expectation."""
import re
import subprocess
import sys

from docx import Document
from docx.oxml.ns import qn

MM = 36000  # EMU


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def pdf_appendix_orientation(pdf):
    """The orientation of each appendix's first page, in order."""
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    pages = text.split("\f")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(len(pages)), pdf], capture_output=True,
                          check=True).stdout.decode("utf-8")
    land = {}
    for m in re.finditer(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info):
        land[int(m.group(1))] = float(m.group(2)) > float(m.group(3))
    out = []
    for i, pg in enumerate(pages, 1):
        lines = [l.strip() for l in pg.splitlines() if l.strip()]
        # the running head (provisional figures) may come first
        for l in lines[:3]:
            if re.fullmatch(r"Phụ lục [IVXLC]+", l):
                if any(x.startswith("(Kèm theo") for x in lines[:8]):
                    out.append(land[i])
                break
    return out


def main(run):
    docx_path, pdf = run + "/bao-cao.docx", run + "/bao-cao.pdf"
    d = Document(docx_path)
    want = pdf_appendix_orientation(pdf)
    secs = d.sections
    if len(secs) != 1 + len(want):
        fail("%d sections in bao-cao.docx; the PDF has %d appendices (expected %d sections)"
             % (len(secs), len(want), 1 + len(want)))
    for i, s in enumerate(secs):
        sp = s._sectPr
        landscape = s.page_width > s.page_height
        if i and landscape != want[i - 1]:
            fail("section %d is %s; the PDF's appendix %d is %s" % (
                i + 1, "landscape" if landscape else "portrait", i,
                "landscape" if want[i - 1] else "portrait"))
        if i == 0 and landscape:
            fail("the signed document's section is landscape")
        w, h = sorted((s.page_width, s.page_height))
        if abs(w - 210 * MM) > MM or abs(h - 297 * MM) > MM:
            fail("section %d is not A4" % (i + 1))
        for name, mm in (("top_margin", 20), ("bottom_margin", 20), ("left_margin", 30),
                         ("right_margin", 15)):
            if abs(getattr(s, name) - mm * MM) > MM // 2:
                fail("section %d: %s is not %d mm" % (i + 1, name, mm))
        if not s.different_first_page_header_footer:
            fail("section %d has no distinct first page (titlePg)" % (i + 1))
        pg = sp.find(qn("w:pgNumType"))
        if i and (pg is None or pg.get(qn("w:start")) != "1"):
            fail("appendix section %d does not restart its page numbers at 1" % (i + 1))
        if "PAGE" not in s.header._element.xml:
            fail("section %d: no page number in its header" % (i + 1))
        if "PAGE" in s.first_page_header._element.xml:
            fail("section %d: a page number on its first page" % (i + 1))
    n_tab = 0
    for t in d.tables:
        st = t._tbl.tblPr.find(qn("w:tblStyle"))
        if st is not None and st.get(qn("w:val")) == "Frame":
            continue
        n_tab += 1
        rows = t._tbl.findall(qn("w:tr"))
        first = rows[0].find(qn("w:trPr"))
        if first is None or first.find(qn("w:tblHeader")) is None:
            fail("a table's header row is not marked to repeat: " + t.rows[0].cells[0].text[:40])
        for r in rows:
            pr = r.find(qn("w:trPr"))
            if pr is None or pr.find(qn("w:cantSplit")) is None:
                fail("a table row may split across pages")
    if n_tab == 0:
        fail("no table")
    used = {p.style.style_id for p in d.paragraphs}
    for t in d.tables:
        for row in t._tbl.findall(qn("w:tr")):
            for p in row.iter(qn("w:pStyle")):
                used.add(p.get(qn("w:val")))
    for sid in ("Heading1", "Heading2", "ListParagraph", "Caption", "TableText", "TableHeading",
                "Title", "AppendixTitle"):
        if sid not in used:
            fail("the style %s is not used" % sid)
    for sid, lvl in (("Heading1", "0"), ("Heading2", "1"), ("Heading3", "2")):
        st = d.styles.element.find(".//w:style[@w:styleId='%s']" % sid, d.styles.element.nsmap)
        ol = st.find(".//" + qn("w:outlineLvl")) if st is not None else None
        if ol is None or ol.get(qn("w:val")) != lvl:
            fail("the style %s has no outline level %s" % (sid, lvl))
    cp = d.core_properties
    if not cp.title or not cp.created:
        fail("no title or creation date in docProps/core.xml")
    print("bao-cao.docx: %d sections (%d appendices, %d landscape), %d tables with repeated "
          "header rows, %d styles used" % (len(secs), len(want), sum(want), n_tab, len(used)))


if __name__ == "__main__":
    main(sys.argv[1])
