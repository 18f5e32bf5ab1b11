#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Fills chitieu's entry forms with the figures of CSV files, as a unit's
clerk would: for tests/e2e/test_xlsx.sh's round trip.

    fill_forms.py FORMS_Q FORMS_M SO_LIEU OUT

FORMS_Q and FORMS_M hold the forms written with quarters and with months
(ky_nhap = thang); SO_LIEU the units' CSV files.  For each unit, the form
whose periods its figures use is filled and written to OUT: units that
report quarters get their CSV form filled (OUT/<ma>.csv), the others their
workbook (OUT/<ma>.xlsx), counts typed as numbers.  Every figure must find
its row in the form (else exit 1: the form lacks a row it should have);
rows left empty stay empty, as periods not reported."""
import csv, io, os, re, sys, unicodedata

import openpyxl

forms_q, forms_m, so_lieu, out = sys.argv[1:5]


def count(s):
    """A CSV count ("1.234", "1 234") as the number a clerk types."""
    return int(re.sub(r'[.,\s\u00a0\u202f]', '', s))


def fold(h):
    """A header as csvin matches it: no marks, lower case, '_' for spaces."""
    h = unicodedata.normalize('NFD', h.strip().replace('đ', 'd').replace('Đ', 'D'))
    h = ''.join(c for c in h if not unicodedata.combining(c))
    return re.sub(r'[ _]+', '_', h.lower())


def figures(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        text = f.read()
    delim = ';' if text.split('\n', 1)[0].count(';') > text.split('\n', 1)[0].count(',') else ','
    rows = list(csv.reader(io.StringIO(text), delimiter=delim))
    head = [fold(h) for h in rows[0]]
    for r in rows[1:]:
        if not any(x.strip() for x in r):
            continue
        d = dict(zip(head, (x.strip() for x in r)))
        yield d['ky'].upper(), int(d['chi_tieu']), count(d['tu_so']), count(d['mau_so']), d.get('ghi_chu', '')


for name in sorted(os.listdir(so_lieu)):
    if not name.endswith('.csv'):
        continue
    ma = name[:-4]
    figs = list(figures(os.path.join(so_lieu, name)))
    monthly = any('Q' not in f[0] for f in figs)
    if not monthly:
        # the CSV form: its rows as written, the counts filled in
        with open(os.path.join(forms_q, ma + '.csv'), encoding='utf-8-sig', newline='') as f:
            rows = list(csv.reader(f))
        where = {(r[0], int(r[1])): i for i, r in enumerate(rows) if i > 0}
        for ky, stt, tu, mau, note in figs:
            if (ky, stt) not in where:
                sys.exit('%s: the form has no row for %s, target %d' % (ma, ky, stt))
            r = rows[where[(ky, stt)]]
            r[2], r[3], r[4] = str(tu), str(mau), note
        with open(os.path.join(out, ma + '.csv'), 'w', encoding='utf-8', newline='') as f:
            csv.writer(f, lineterminator='\n').writerows(rows)
        continue
    wb = openpyxl.load_workbook(os.path.join(forms_m, ma + '.xlsx'))
    ws = wb['So lieu']
    where = {}
    for r in range(4, ws.max_row + 1):
        ky, stt = ws.cell(r, 1).value, ws.cell(r, 2).value
        if ky is not None:
            where[(ky, int(stt))] = r
    for ky, stt, tu, mau, note in figs:
        if (ky, stt) not in where:
            sys.exit('%s: the form has no row for %s, target %d' % (ma, ky, stt))
        r = where[(ky, stt)]
        ws.cell(r, 3).value = tu
        ws.cell(r, 4).value = mau
        if note:
            ws.cell(r, 5).value = note
    wb.save(os.path.join(out, ma + '.xlsx'))
