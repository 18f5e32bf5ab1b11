#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Hand-made .xlsx workbooks for tests/e2e/test_xlsx.sh and the fuzz seeds.

    workbook.py KIND OUT.xlsx

KIND names a workbook that a spreadsheet program would not write but a
hostile or damaged file may hold (bomb, lying-bomb, zip-encrypted, dtd,
sst-range, cell-order, cell-twice, row-twice, million-blank, million-bad,
no-cache), or a plain one (plain: a header and two rows of unit xa-a's
figures).  Written with Python's zipfile, so each part is exactly what the
test means it to be."""
import struct, sys, zipfile, zlib

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook %s><sheets><sheet name="So lieu" sheetId="1" r:id="rId1"/></sheets></workbook>' % NS)
RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>')
TYPES = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/></Types>')
HEADER = ['ky', 'chi_tieu', 'tu_so', 'mau_so']


def col(n):
    s = ''
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def sst(strings):
    items = ''.join('<si><t>%s</t></si>' % s for s in strings)
    return '<sst %s count="%d" uniqueCount="%d">%s</sst>' % (NS, len(strings), len(strings), items)


def row(r, cells):
    """cells: list of (column, xml inside <c>, attributes)."""
    out = ['<row r="%d">' % r]
    for c, inner, attrs in cells:
        out.append('<c r="%s%d"%s>%s</c>' % (col(c), r, attrs, inner))
    out.append('</row>')
    return ''.join(out)


def header_row(r=1):
    return row(r, [(i + 1, '<v>%d</v>' % i, ' t="s"') for i in range(4)])


def data_row(r, ky_index, stt, tu, mau):
    return row(r, [(1, '<v>%d</v>' % ky_index, ' t="s"'), (2, '<v>%d</v>' % stt, ''),
                   (3, '<v>%s</v>' % tu, ''), (4, '<v>%s</v>' % mau, '')])


def sheet(rows, pre=''):
    return pre + '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (NS, ''.join(rows))


def write(out, sheet_xml, strings, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(out, 'w', compress) as z:
        z.writestr('[Content_Types].xml', TYPES)
        z.writestr('xl/workbook.xml', WORKBOOK)
        z.writestr('xl/_rels/workbook.xml.rels', RELS)
        z.writestr('xl/sharedStrings.xml', sst(strings))
        if isinstance(sheet_xml, str):
            z.writestr('xl/worksheets/sheet1.xml', sheet_xml)
        else:  # a generator of pieces: streamed, never held whole
            with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
                for piece in sheet_xml:
                    f.write(piece.encode())


STRINGS = HEADER + ['2024-Q1', '2024-Q2']


def patch_headers(path, fn):
    """Applies fn(buf, offset_of_local_header_or_central_entry, kind) to
    every local and central header of the zip at path."""
    b = bytearray(open(path, 'rb').read())
    i = 0
    while True:
        i = b.find(b'PK\x03\x04', i)
        if i < 0:
            break
        fn(b, i, 'local')
        i += 4
    i = 0
    while True:
        i = b.find(b'PK\x01\x02', i)
        if i < 0:
            break
        fn(b, i, 'central')
        i += 4
    open(path, 'wb').write(bytes(b))


def main():
    kind, out = sys.argv[1], sys.argv[2]
    plain = [header_row(), data_row(2, 4, 1, 5, 8), data_row(3, 5, 1, 6, 9)]
    if kind == 'plain':
        write(out, sheet(plain), STRINGS)
    elif kind == 'bomb':
        # 1 GiB of spaces inside the sheet: deflate makes ~1 MiB of them
        def pieces():
            yield '<worksheet %s><sheetData>' % NS
            blank = ' ' * (1 << 20)
            for _ in range(1024):
                yield blank
            yield '</sheetData></worksheet>'
        write(out, pieces(), STRINGS)
    elif kind == 'lying-bomb':
        # 200 MiB inflated, but every header says the part is 1,000 bytes:
        # elements the reader skips, so only the count of bytes stops it
        def pieces():
            yield '<worksheet %s>' % NS
            skipped = '<x/>' * (1 << 18)
            for _ in range(200):
                yield skipped
            yield '<sheetData/></worksheet>'
        write(out, pieces(), STRINGS)

        def lie(b, i, where):
            name_off = 30 if where == 'local' else 46
            n = struct.unpack_from('<H', b, i + (26 if where == 'local' else 28))[0]
            name = bytes(b[i + name_off:i + name_off + n])
            if name != b'xl/worksheets/sheet1.xml':
                return
            if where == 'local':
                struct.pack_into('<I', b, i + 22, 1000)
            else:
                struct.pack_into('<I', b, i + 24, 1000)
        patch_headers(out, lie)
    elif kind == 'zip-encrypted':
        write(out, sheet(plain), STRINGS)

        def encrypt(b, i, where):
            off = 6 if where == 'local' else 8
            flags = struct.unpack_from('<H', b, i + off)[0]
            struct.pack_into('<H', b, i + off, flags | 1)
        patch_headers(out, encrypt)
    elif kind == 'ole':
        # what Excel writes for a workbook with a password to open
        open(out, 'wb').write(b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 504)
    elif kind == 'not-zip':
        open(out, 'w').write('ky,chi_tieu,tu_so,mau_so\n2024-Q1,1,5,8\n')
    elif kind == 'truncated':
        write(out, sheet(plain), STRINGS)
        b = open(out, 'rb').read()
        open(out, 'wb').write(b[:len(b) // 2])
    elif kind == 'dtd':
        pre = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa">'
               + ''.join('<!ENTITY %s "%s">' % (chr(98 + k), ('&%s;' % chr(97 + k)) * 10) for k in range(8))
               + ']>\n')
        write(out, sheet([header_row(), row(2, [(1, '<is><t>&i;</t></is>', ' t="inlineStr"')])], pre), STRINGS)
    elif kind == 'sst-range':
        write(out, sheet([header_row(), data_row(2, 99, 1, 5, 8)]), STRINGS)
    elif kind == 'cell-order':
        write(out, sheet([header_row(), row(2, [(3, '<v>5</v>', ''), (2, '<v>1</v>', '')])]), STRINGS)
    elif kind == 'cell-twice':
        write(out, sheet([header_row(), row(2, [(2, '<v>1</v>', ''), (2, '<v>1</v>', '')])]), STRINGS)
    elif kind == 'row-twice':
        write(out, sheet([header_row(), data_row(2, 4, 1, 5, 8), data_row(2, 5, 1, 6, 9)]), STRINGS)
    elif kind == 'million-blank':
        # a million rows of empty strings, then one figure: read to its end
        def pieces():
            yield '<worksheet %s><sheetData>' % NS
            yield header_row()
            for r in range(2, 1000002):
                yield '<row r="%d"><c r="A%d" t="s"><v>6</v></c></row>' % (r, r)
            yield data_row(1000002, 4, 1, 5, 8)
            yield '</sheetData></worksheet>'
        write(out, pieces(), STRINGS + [''])
    elif kind == 'million-bad':
        def pieces():
            yield '<worksheet %s><sheetData>' % NS
            yield header_row()
            for r in range(2, 1000002):
                yield '<row><c/><c/><c><v>9</v></c></row>'
            yield '</sheetData></worksheet>'
        write(out, pieces(), STRINGS)
    elif kind == 'no-cache':
        write(out, sheet([header_row(), row(2, [(1, '<v>4</v>', ' t="s"'), (2, '<v>1</v>', ''),
                                               (3, '<f>SUM(F2:G2)</f>', ''), (4, '<v>8</v>', '')])]),
              STRINGS)
    else:
        sys.exit('workbook.py: unknown kind ' + kind)


main()
