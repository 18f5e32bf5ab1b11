# SPDX-License-Identifier: MIT
"""Writes a noi-dung.docx and the noi-dung.md that says the same, the way a
clerk's Word makes them (python-docx, Debian's python3-docx):

    make_noi_dung.py OUT.docx OUT.md

The document holds the opening with bold and italic, a "Heading 1", a
bulleted and a numbered list, a "Heading 3", a table with a merged cell,
an image, a tracked change (an insertion and a deletion), a field, a
comment mark and a footnote mark, a line break, and a heading in a style
named as a Vietnamese Word names it ("Tiêu đề 1") whose only sign of
being a heading is its outline level.  The Markdown is what the report
should read from it."""
import struct
import sys
import zlib

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def png(w, h):
    """A small grey PNG, made here (no file needed)."""
    raw = b"".join(b"\x00" + b"\x80" * w for _ in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), v)
    return e


def text_run(tag, text):
    r = OxmlElement("w:r")
    t = OxmlElement(tag)
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def part(d, kind, body):
    """Adds word/<kind>.xml (comments, footnotes) related to the document."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:%s xmlns:w="%s">%s</w:%s>'
           % (kind, W, body, kind)).encode("utf-8")
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.%s+xml" % kind
    pt = Part(PackURI("/word/%s.xml" % kind), ct, xml, d.part.package)
    d.part.relate_to(pt, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                     + kind)


def main(out_docx, out_md):
    d = Document()
    # a heading style as a Vietnamese Word names it: its id and name are
    # not "Heading 2"; its outline level says what it is
    vi = d.styles.add_style("Tiêu đề 1", WD_STYLE_TYPE.PARAGRAPH)
    vi.base_style = d.styles["Normal"]
    ppr = vi.element.get_or_add_pPr()
    ppr.append(el("w:outlineLvl", **{"w:val": "0"}))

    p = d.add_paragraph("Thực hiện Kế hoạch số 45/KH-UBND, Văn phòng ")
    p.add_run("báo cáo").bold = True
    p.add_run(" như ")
    p.add_run("sau").italic = True
    p.add_run(":")

    d.add_heading("Đánh giá chung", level=1)
    p = d.add_paragraph("Năm 2024 các đơn vị đã ")
    p.add_run("tập trung chỉ đạo").bold = True
    p.add_run(" cải cách")
    # a tracked change: "thủ tục hành chính" inserted, "cũ" deleted
    ins = el("w:ins", **{"w:id": "1", "w:author": "Lãnh đạo", "w:date": "2024-01-01T00:00:00Z"})
    ins.append(text_run("w:t", " thủ tục hành chính"))
    p._p.append(ins)
    dl = el("w:del", **{"w:id": "2", "w:author": "Lãnh đạo", "w:date": "2024-01-01T00:00:00Z"})
    dl.append(text_run("w:delText", " cũ"))
    p._p.append(dl)
    p.add_run(".")

    d.add_paragraph("Bên cạnh đó còn tồn tại:")
    d.add_paragraph("Tỷ lệ số hóa còn thấp;", style="List Bullet")
    d.add_paragraph("Đồng bộ dữ liệu còn chậm.", style="List Bullet")

    d.add_heading("Nguyên nhân", level=3)
    p = d.add_paragraph("Hạ tầng còn thiếu")
    p.add_run().add_break()
    p.add_run("đội ngũ còn kiêm nhiệm.")
    # a comment and a footnote, with their parts as Word writes them (the
    # notes themselves are not read)
    p._p.insert(0, el("w:commentRangeStart", **{"w:id": "0"}))
    p._p.append(el("w:commentRangeEnd", **{"w:id": "0"}))
    r = OxmlElement("w:r")
    r.append(el("w:commentReference", **{"w:id": "0"}))
    p._p.append(r)
    r = OxmlElement("w:r")
    r.append(el("w:footnoteReference", **{"w:id": "1"}))
    p._p.append(r)
    part(d, "comments", '<w:comment w:id="0" w:author="Lãnh đạo" w:initials="LĐ">'
         '<w:p><w:r><w:t>Sửa câu này.</w:t></w:r></w:p></w:comment>')
    part(d, "footnotes", '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
         '</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p>'
         '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p>'
         '<w:r><w:t>Chú thích cuối trang.</w:t></w:r></w:p></w:footnote>')

    t = d.add_table(rows=3, cols=3)
    cells = [["Nội dung", "Số đơn vị", "Ghi chú"],
             ["Đạt tất cả", "12", "Số liệu mẫu"],
             ["Chưa đạt", "9", ""]]
    for i, row in enumerate(cells):
        for k, v in enumerate(row):
            t.cell(i, k).text = v
    # the last row's two last cells merged: the text once, the slot empty
    t.cell(2, 1).merge(t.cell(2, 2))
    t.cell(2, 1).text = "9"

    import io
    d.add_paragraph().add_run().add_picture(io.BytesIO(png(8, 6)))

    # a field: a page number, read as the text it showed
    p = d.add_paragraph("Trang ")
    fld = el("w:fldSimple", **{"w:instr": " PAGE "})
    fld.append(text_run("w:t", "1"))
    p._p.append(fld)
    p.add_run(" của báo cáo.")

    d.add_paragraph("Nhiệm vụ trọng tâm", style="Tiêu đề 1")
    d.add_paragraph("Rà soát, công bố danh mục thủ tục.", style="List Number")
    d.add_paragraph("Đẩy mạnh số hóa hồ sơ.", style="List Number")
    d.save(out_docx)

    md = """Thực hiện Kế hoạch số 45/KH-UBND, Văn phòng **báo cáo** như *sau*:

# Đánh giá chung

Năm 2024 các đơn vị đã **tập trung chỉ đạo** cải cách thủ tục hành chính.

Bên cạnh đó còn tồn tại:

- Tỷ lệ số hóa còn thấp;
- Đồng bộ dữ liệu còn chậm.

### Nguyên nhân

Hạ tầng còn thiếu đội ngũ còn kiêm nhiệm.

| Nội dung | Số đơn vị | Ghi chú |
|---|---|---|
| Đạt tất cả | 12 | Số liệu mẫu |
| Chưa đạt | 9 | |

Trang 1 của báo cáo.

# Nhiệm vụ trọng tâm

1. Rà soát, công bố danh mục thủ tục.
2. Đẩy mạnh số hóa hồ sơ.
"""
    with open(out_md, "w", encoding="utf-8") as f:
        f.write(md)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
