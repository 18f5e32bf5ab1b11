#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Workbooks as the programs that write them do, for tests/e2e/test_xlsx_producers.sh,
tests/unit/test_xlsxin.c and the fuzz seeds.

    producers.py OUTDIR [KIND...]
    producers.py --from-csv KIND IN.csv OUT.xlsx
    producers.py --rows-csv

Each KIND.xlsx holds chitieu's columns and the same rows, written the way
one producer writes a workbook (its XML, its package layout, its zip):

    ky        chi_tieu tu_so               mau_so ghi_chu
    2024-Q3   1        7                   10     Quý ba
    1/11/2024 1        5                   8           (a date cell, format yyyy-mm)
    2024-12   2        =... (10.000000000000002 saved)  20

so each reads as the CSV file of ROWS_CSV does.  --from-csv writes a CSV
file's records instead, in KIND's way.  The fixtures committed in
tests/data/xlsx/producers/ were made by this script (every zip entry dated
2024-01-01); the hostile kinds (HOSTILE) are made at test time only.
Written with Python's zipfile, then, for the zip quirks, with its headers
patched as the producer leaves them."""
import csv, datetime, os, re, struct, sys, zipfile
from xml.sax.saxutils import escape as xml_escape

FROM_CSV = None  # the records of --from-csv

ROWS_CSV = 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2024-Q3,1,7,10,Quý ba\n2024-11,1,5,8,\n2024-12,2,10,20,\n'

T_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
T_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
S_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main'
S_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
STRINGS = ['ky', 'chi_tieu', 'tu_so', 'mau_so', 'ghi_chu', '2024-Q3', 'Quý ba', '2024-12']
SERIAL_1900 = 45597  # 1 November 2024
SERIAL_1904 = 45597 - 1462


def col(n):
    s = ''
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


class Book:
    """One workbook's parts, written the way a producer writes them."""

    def __init__(self, **kw):
        self.p = kw.get('prefix', '')           # 'x:' for .NET's SDK
        self.main = kw.get('main', T_MAIN)
        self.rel = kw.get('rel', T_REL)
        self.date1904 = kw.get('date1904', False)
        self.x15 = kw.get('x15', False)         # Excel 2013+'s x15:workbookPr in extLst
        self.empty_ss = kw.get('empty_ss', False)  # <c t="s"/> and <c t="s"><v/></c>
        self.wide = kw.get('wide', 0)           # style-only cells out to this column
        self.sheets = kw.get('sheets')          # [(name, state, kind, rows)]
        self.strings = [] if FROM_CSV is not None else list(STRINGS)

    def el(self, name):
        return self.p + name

    def ns(self):
        return 'xmlns%s="%s"' % (':' + self.p[:-1] if self.p else '', self.main)

    def rels_type(self, t):
        return self.rel + '/' + t if self.rel == T_REL else self.rel + '/' + t

    def workbook(self, sheets):
        e = self.el
        pr = '<%s date1904="1" defaultThemeVersion="166925"/>' % e('workbookPr') if self.date1904 \
            else '<%s defaultThemeVersion="166925"/>' % e('workbookPr')
        ext = ''
        if self.x15:
            ext = ('<%s><%s uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" '
                   'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
                   '<x15:workbookPr chartTrackingRefBase="1"/></%s>'
                   '<%s uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" '
                   'xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures">'
                   '<xcalcf:calcFeatures><xcalcf:feature name="microsoft.com:RD"/></xcalcf:calcFeatures></%s></%s>'
                   % (e('extLst'), e('ext'), e('ext'), e('ext'), e('ext'), e('extLst')))
        sh = ''.join('<%s name="%s" sheetId="%d"%s r:id="rId%d"/>'
                     % (e('sheet'), name, i + 1, ' state="%s"' % state if state else '', i + 1)
                     for i, (name, state, kind, rows) in enumerate(sheets))
        return (DECL + '<%s %s xmlns:r="%s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                'mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
                '<%s appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>%s'
                '<%s><%s xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/></%s>'
                '<%s>%s</%s><%s calcId="191029"/>%s</%s>'
                % (e('workbook'), self.ns(), self.rel, e('fileVersion'), pr, e('bookViews'),
                   e('workbookView'), e('bookViews'), e('sheets'), sh, e('sheets'), e('calcPr'),
                   ext, e('workbook')))

    def cell(self, ref, inner, attrs=''):
        e = self.el
        if inner is None:
            return '<%s r="%s"%s/>' % (e('c'), ref, attrs)
        return '<%s r="%s"%s>%s</%s>' % (e('c'), ref, attrs, inner, e('c'))

    def v(self, x):
        return '<%s>%s</%s>' % (self.el('v'), x, self.el('v'))

    def data_rows(self):
        """The rows every fixture holds, as the producer writes cells."""
        c, v, e = self.cell, self.v, self.el
        if FROM_CSV is not None:
            return self.csv_rows(FROM_CSV)
        serial = SERIAL_1904 if self.date1904 else SERIAL_1900
        rows = [
            [c('A1', v(0), ' t="s"'), c('B1', v(1), ' t="s"'), c('C1', v(2), ' t="s"'),
             c('D1', v(3), ' t="s"'), c('E1', v(4), ' t="s"')],
            [c('A2', v(5), ' t="s"'), c('B2', v(1)), c('C2', v(7)), c('D2', v(10)),
             c('E2', v(6), ' t="s"')],
            [c('A3', v(serial), ' s="1"'), c('B3', v(1)), c('C3', v(5)), c('D3', v(8))],
            [c('A4', v(7), ' t="s"'), c('B4', v(2)),
             c('C4', '<%s>SUM(H4:J4)*0.1</%s>' % (e('f'), e('f')) + v('10.000000000000002')),
             c('D4', v(20))],
        ]
        if self.empty_ss:  # .NET's SDK, Tencent Docs: an empty cell typed as a shared string
            rows[2].append(c('E3', None, ' t="s"'))
            rows[3].append(c('E4', '<%s/>' % e('v'), ' t="s"'))
        return rows

    def csv_rows(self, records):
        """A CSV file's records as this producer writes them: whole numbers
        as numbers, a month in the first column as a date (its first day,
        format yyyy-mm), anything else as a shared string."""
        rows = []
        for r, rec in enumerate(records, 1):
            cells = []
            for k, f in enumerate(rec, 1):
                ref = '%s%d' % (col(k), r)
                if re.fullmatch(r'-?[0-9]{1,15}', f):
                    cells.append(self.cell(ref, self.v(int(f))))
                elif k == 1 and re.fullmatch(r'[0-9]{4}-[0-9]{2}', f):
                    d = datetime.date(int(f[:4]), int(f[5:]), 1)
                    base = datetime.date(1904, 1, 1) if self.date1904 else datetime.date(1899, 12, 30)
                    cells.append(self.cell(ref, self.v((d - base).days), ' s="1"'))
                elif f:
                    if f not in self.strings:
                        self.strings.append(f)
                    cells.append(self.cell(ref, self.v(self.strings.index(f)), ' t="s"'))
            rows.append(cells)
        return rows

    def sheet_xml(self, rows):
        e = self.el
        out = []
        for i, cells in enumerate(rows):
            r = i + 1
            cells = list(cells)
            if self.wide and (r == 1 or self.wide < 16384):
                # style-only cells: LibreOffice's to AMJ on every formatted
                # row, Gnumeric's to XFD (on the header row here)
                cells += [self.cell('%s%d' % (col(k), r), None, ' s="2"') for k in range(6, self.wide + 1)]
            out.append('<%s r="%d" spans="1:5">%s</%s>' % (e('row'), r, ''.join(cells), e('row')))
        return (DECL + '<%s %s xmlns:r="%s"><%s ref="A1:E%d"/><%s><%s workbookViewId="0"/></%s>'
                '<%s defaultRowHeight="15"/><%s>%s</%s>'
                '<%s left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></%s>'
                % (e('worksheet'), self.ns(), self.rel, e('dimension'), len(rows), e('sheetViews'),
                   e('sheetView'), e('sheetViews'), e('sheetFormatPr'), e('sheetData'), ''.join(out),
                   e('sheetData'), e('pageMargins'), e('worksheet')))

    def decoy_rows(self):
        """A sheet the clerk does not see: chitieu's header and other
        figures, in inline strings (the shared ones stay the data's)."""
        c, v, e = self.cell, self.v, self.el

        def s(ref, text):
            return c(ref, '<%s><%s>%s</%s></%s>' % (e('is'), e('t'), text, e('t'), e('is')), ' t="inlineStr"')
        return [[s('A1', 'ky'), s('B1', 'chi_tieu'), s('C1', 'tu_so'), s('D1', 'mau_so')],
                [s('A2', '2024-Q3'), c('B2', v(1)), c('C2', v(1)), c('D2', v(1))]]

    def sst(self):
        e = self.el
        items = ''.join('<%s><%s>%s</%s></%s>' % (e('si'), e('t'), xml_escape(s), e('t'), e('si'))
                        for s in self.strings)
        return DECL + '<%s %s count="%d" uniqueCount="%d">%s</%s>' % (
            e('sst'), self.ns(), len(self.strings), len(self.strings), items, e('sst'))

    def styles(self):
        e = self.el
        return (DECL + '<%s %s><%s count="1"><%s numFmtId="164" formatCode="yyyy\\-mm"/></%s>'
                '<%s count="1"><%s><%s val="11"/><%s val="Calibri"/></%s></%s>'
                '<%s count="3"><%s numFmtId="0" fontId="0"/><%s numFmtId="164" fontId="0" applyNumberFormat="1"/>'
                '<%s numFmtId="0" fontId="0" applyFill="1"/></%s>'
                '<%s><%s uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" '
                'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
                '<x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></%s></%s></%s>'
                % (e('styleSheet'), self.ns(), e('numFmts'), e('numFmt'), e('numFmts'), e('fonts'),
                   e('font'), e('sz'), e('name'), e('font'), e('fonts'), e('cellXfs'), e('xf'), e('xf'),
                   e('xf'), e('cellXfs'), e('extLst'), e('ext'), e('ext'), e('extLst'), e('styleSheet')))


def rel_xml(rels):
    items = ''.join('<Relationship Id="%s" Type="%s" Target="%s"/>' % r for r in rels)
    return DECL + '<Relationships xmlns="%s">%s</Relationships>' % (PKG, items)


CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.'


def types(parts):
    """[Content_Types].xml with an override for each part, as Excel writes it."""
    kinds = {'workbook': 'sheet.main+xml', 'worksheet': 'worksheet+xml', 'chartsheet': 'chartsheet+xml',
             'sst': 'sharedStrings+xml', 'styles': 'styles+xml'}
    over = ''.join('<Override PartName="/%s" ContentType="%s%s"/>' % (name, CT, kinds[k]) for k, name in parts)
    return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>%s'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '</Types>' % over)


def package(book, layout=None, sheets=None, root_target='xl/workbook.xml'):
    """The parts of a workbook, as (name, bytes) in the producer's order.
    layout maps the standard names to the ones this producer uses and the
    relationship targets it writes."""
    L = {'wb': 'xl/workbook.xml', 'wbrels': 'xl/_rels/workbook.xml.rels',
         'sheet': 'xl/worksheets/sheet%d.xml', 'sheet_t': 'worksheets/sheet%d.xml',
         'sst': 'xl/sharedStrings.xml', 'sst_t': 'sharedStrings.xml',
         'styles': 'xl/styles.xml', 'styles_t': 'styles.xml', 'root_t': root_target}
    L.update(layout or {})
    sheets = sheets or [('So lieu', None, 'worksheet', book.data_rows())]
    rt = book.rel
    ct = [('workbook', L['wb'])]
    parts = [('[Content_Types].xml', None),
             ('_rels/.rels', rel_xml([('rId1', rt + '/officeDocument', L['root_t']),
                                      ('rId2', PKG.replace('relationships', 'relationships/metadata/core-properties'),
                                       'docProps/core.xml')])),
             ('docProps/core.xml', DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>'),
             (L['wb'], book.workbook(sheets))]
    rels = []
    for i, (name, state, kind, rows) in enumerate(sheets):
        if kind == 'worksheet':
            rels.append(('rId%d' % (i + 1), rt + '/worksheet', L['sheet_t'] % (i + 1)))
            parts.append((L['sheet'] % (i + 1), book.sheet_xml(rows)))
            ct.append(('worksheet', L['sheet'] % (i + 1)))
        else:
            rels.append(('rId%d' % (i + 1), rt + '/chartsheet', 'chartsheets/sheet%d.xml' % (i + 1)))
            parts.append(('xl/chartsheets/sheet%d.xml' % (i + 1),
                          DECL + '<chartsheet xmlns="%s"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>' % T_MAIN))
            ct.append(('chartsheet', 'xl/chartsheets/sheet%d.xml' % (i + 1)))
    n = len(sheets)
    rels.append(('rId%d' % (n + 1), rt + '/styles', L['styles_t']))
    rels.append(('rId%d' % (n + 2), rt + '/sharedStrings', L['sst_t']))
    rels.append(('rId%d' % (n + 3), 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
                 'theme/theme1.xml'))
    parts.append((L['wbrels'], rel_xml(rels)))
    parts.append((L['styles'], book.styles()))
    parts.append((L['sst'], book.sst()))
    ct += [('styles', L['styles']), ('sst', L['sst'])]
    parts[0] = ('[Content_Types].xml', types(ct))
    return parts


def write_zip(out, parts, **kw):
    with open(out, 'wb') as f:
        stream = kw.get('stream', False)
        target = Unseekable(f) if stream else f
        with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
            for name, data in parts:
                zi = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, data.encode() if isinstance(data, str) else data)


class Unseekable:
    """A file zipfile cannot seek in: it writes data descriptors, as a
    streaming writer (Java's ZipOutputStream, POI's SXSSF) does."""

    def __init__(self, f):
        self.f = f

    def write(self, b):
        return self.f.write(b)

    def flush(self):
        self.f.flush()

    def tell(self):
        raise OSError('unseekable')

    def seekable(self):
        return False


def headers(b):
    """Offsets of every local and central header."""
    loc, cen = [], []
    i = 0
    while (i := b.find(b'PK\x03\x04', i)) >= 0:
        loc.append(i)
        i += 4
    i = 0
    while (i := b.find(b'PK\x01\x02', i)) >= 0:
        cen.append(i)
        i += 4
    return loc, cen


def patch(out, fn):
    b = bytearray(open(out, 'rb').read())
    fn(b, *headers(b))
    open(out, 'wb').write(bytes(b))


def excel(**kw):
    return package(Book(**kw))


def make(kind, out):
    if kind == 'excel':                       # Excel 2016: x15:workbookPr after the real one
        write_zip(out, excel(x15=True))
    elif kind == 'excel-1904':                # Excel for Mac, 1904 date system, x15 element
        write_zip(out, excel(x15=True, date1904=True))
    elif kind == 'excel-1904-plain':          # the same, no extLst (Excel 2010)
        write_zip(out, excel(date1904=True))
    elif kind == 'excel-strict':              # "Strict Open XML Spreadsheet"
        write_zip(out, excel(main=S_MAIN, rel=S_REL))
    elif kind == 'dotnet':
        # the Open XML SDK over System.IO.Packaging: prefixed elements,
        # absolute targets, empty shared-string cells, and a local header
        # time that is not the central directory's
        b = Book(prefix='x:', empty_ss=True)
        write_zip(out, package(b, layout={'root_t': '/xl/workbook.xml', 'sheet_t': '/xl/worksheets/sheet%d.xml',
                                          'sst_t': '/xl/sharedStrings.xml', 'styles_t': '/xl/styles.xml'}))

        def times(b, loc, cen):
            for i in loc:
                struct.pack_into('<H', b, i + 10, 0x6000)  # 12:00 in the local headers only
        patch(out, times)
    elif kind == 'libreoffice-wide':          # style-only cells F..AMJ on every row
        write_zip(out, package(Book(wide=1024)))
    elif kind == 'gnumeric-xfd':              # ... out to XFD
        write_zip(out, package(Book(wide=16384)))
    elif kind == 'relative':                  # ./, ../ and absolute targets
        write_zip(out, package(Book(), layout={'root_t': './xl/workbook.xml', 'sheet_t': './worksheets/sheet%d.xml',
                                               'sst_t': '../xl/sharedStrings.xml', 'styles_t': '/xl/styles.xml'}))
    elif kind == 'elsewhere':                 # the workbook part found through _rels/.rels only
        write_zip(out, package(Book(), layout={'wb': 'book/Workbook.xml', 'wbrels': 'book/_rels/Workbook.xml.rels',
                                               'root_t': 'book/Workbook.xml', 'sheet': 'book/sheets/data%d.xml',
                                               'sheet_t': 'sheets/data%d.xml', 'sst': 'book/strings.xml',
                                               'sst_t': 'strings.xml', 'styles': 'styles/s.xml',
                                               'styles_t': '../styles/s.xml'}))
    elif kind == 'case':                      # zip names in another case than the relationships'
        write_zip(out, package(Book(), layout={'wb': 'XL/Workbook.xml', 'wbrels': 'XL/_rels/Workbook.xml.rels',
                                               'sheet': 'xl/Worksheets/Sheet%d.xml', 'sst': 'xl/SharedStrings.xml',
                                               'styles': 'xl/STYLES.XML'}))
    elif kind == 'backslash':                 # a Windows zip tool's entry names
        parts = [(n.replace('/', '\\'), d) for n, d in excel()]
        write_zip(out, parts)
    elif kind == 'hidden':                    # a hidden sheet, a chart sheet, a very hidden one first
        b = Book()
        write_zip(out, package(b, sheets=[('Ghi chu', 'hidden', 'worksheet', b.decoy_rows()),
                                          ('Biểu đồ', None, 'chartsheet', None),
                                          ('Cũ', 'veryHidden', 'worksheet', b.decoy_rows()),
                                          ('Tổng hợp', None, 'worksheet', b.data_rows()),
                                          ('Khác', None, 'worksheet', b.decoy_rows())]))
    elif kind == 'named-hidden':              # "Số liệu" is read even when hidden
        b = Book()
        write_zip(out, package(b, sheets=[('Tổng hợp', None, 'worksheet', b.decoy_rows()),
                                          ('Số liệu', 'hidden', 'worksheet', b.data_rows())]))
    elif kind == 'zip-dd':
        # written as a stream: data descriptors; the local headers then
        # given the sizes (CRC 0), as some streaming writers leave them
        write_zip(out, excel(), stream=True)

        def sizes(b, loc, cen):
            for i, c in zip(loc, cen):
                assert struct.unpack_from('<H', b, i + 6)[0] & 8
                struct.pack_into('<II', b, i + 18, *struct.unpack_from('<II', b, c + 20))
        patch(out, sizes)
    elif kind == 'zip-trailing':              # bytes after the end of central directory record
        write_zip(out, excel())
        with open(out, 'ab') as f:
            f.write(b'\0' * 300 + b'signature block')
    # --- hostile: refused with a message ------------------------------
    elif kind == 'zip-overlap':               # an entry's data reaching into the next entry
        write_zip(out, excel())

        def grow(b, loc, cen):
            struct.pack_into('<I', b, cen[0] + 20, struct.unpack_from('<I', b, cen[0] + 20)[0] + 40)
        patch(out, grow)
    elif kind == 'zip-past-end':              # the last entry's data running into the directory
        write_zip(out, excel())

        def grow(b, loc, cen):
            struct.pack_into('<I', b, cen[-1] + 20, struct.unpack_from('<I', b, cen[-1] + 20)[0] + 4000)
        patch(out, grow)
    elif kind == 'zip-no-local':              # a directory entry pointing at no local header
        write_zip(out, excel())

        def shift(b, loc, cen):
            struct.pack_into('<I', b, cen[3] + 42, struct.unpack_from('<I', b, cen[3] + 42)[0] + 1)
        patch(out, shift)
    elif kind == 'dup-case':                  # two entries naming one part
        parts = excel()
        parts.append(('XL/Workbook.xml', parts[3][1]))
        write_zip(out, parts)
    elif kind == 'all-hidden':
        b = Book()
        write_zip(out, package(b, sheets=[('Ghi chu', 'hidden', 'worksheet', b.data_rows()),
                                          ('Biểu đồ', None, 'chartsheet', None)]))
    elif kind == 'no-header':                 # the sheet read has no header row: named in the message
        b = Book()
        rows = [[]] + b.data_rows()[1:]
        write_zip(out, package(b, sheets=[('Ghi chu', 'hidden', 'worksheet', b.decoy_rows()),
                                          ('Tổng hợp', None, 'worksheet', rows)]))
    elif kind == 'bad-ss-index':              # a shared-string cell whose index is no number
        b = Book()
        rows = b.data_rows()
        rows[1][0] = b.cell('A2', b.v('x7'), ' t="s"')
        write_zip(out, package(b, sheets=[('Tổng hợp', None, 'worksheet', rows)]))
    elif kind == 'typed-noise':               # the float noise typed, not a formula's: kept
        b = Book()
        rows = b.data_rows()
        rows[3][2] = b.cell('C4', b.v('10.000000000000002'))
        write_zip(out, package(b, sheets=[('So lieu', None, 'worksheet', rows)]))
    else:
        sys.exit('producers.py: unknown kind ' + kind)


GOOD = ['excel', 'excel-1904', 'excel-1904-plain', 'excel-strict', 'dotnet', 'libreoffice-wide',
        'gnumeric-xfd', 'relative', 'elsewhere', 'case', 'backslash', 'hidden', 'named-hidden',
        'zip-dd', 'zip-trailing']
HOSTILE = ['zip-overlap', 'zip-past-end', 'zip-no-local', 'dup-case', 'all-hidden', 'no-header',
           'bad-ss-index']


def main():
    global FROM_CSV
    if sys.argv[1] == '--rows-csv':  # the fixtures' rows as a CSV file
        sys.stdout.write(ROWS_CSV)
        return
    if sys.argv[1] == '--from-csv':  # --from-csv KIND IN.csv OUT.xlsx
        text = open(sys.argv[3], encoding='utf-8-sig').read()
        delim = ';' if text.split('\n', 1)[0].count(';') > text.split('\n', 1)[0].count(',') else ','
        FROM_CSV = [r for r in csv.reader(text.splitlines(), delimiter=delim)]
        make(sys.argv[2], sys.argv[4])
        return
    outdir = sys.argv[1]
    kinds = sys.argv[2:] or GOOD
    os.makedirs(outdir, exist_ok=True)
    for k in kinds:
        make(k, os.path.join(outdir, k + '.xlsx'))


main()
