# SPDX-License-Identifier: MIT
# Word in and out (issue 27).
# bao-cao.docx: LibreOffice opens it for the sample and a 300-unit input;
# its PDF holds every sentence of sections I and II of bao-cao.md and is
# within 15 % of bao-cao.pdf's page count; python-docx finds a section per
# appendix, landscape where the PDF's is, page numbers restarting, header
# rows repeating, the styles; the same SOURCE_DATE_EPOCH gives the same
# bytes.  noi-dung.docx: a Word document gives the same report text as
# the equivalent noi-dung.md, with a warning for each thing not rendered;
# hostile files are refused (exit 1, the output untouched).
# Needs LibreOffice (libreoffice-writer-nogui) and python3-docx: without
# them it skips (exit 77), which tests/run.sh counts as a failure under CI=true.
. tests/e2e/lib.sh
set -e

PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" -c 'import docx' 2>/dev/null || skip "python3-docx is needed (apt-get install python3-docx)"
need soffice libreoffice-writer-nogui
need pdftotext poppler-utils

# LibreOffice's profile in the test's folder: no state shared with a user's
export HOME="$WORK/home"
mkdir -p "$HOME"
lo_pdf() { # lo_pdf FILE.docx OUTDIR: LibreOffice's PDF of it, or a failure
	soffice --headless --norestore -env:UserInstallation="file://$WORK/lo-profile" \
		--convert-to pdf --outdir "$2" "$1" >"$WORK/lo.log" 2>&1 ||
		{ cat "$WORK/lo.log" >&2; fail "LibreOffice could not convert $1"; }
	[ -s "$2/$(basename "$1" .docx).pdf" ] || { cat "$WORK/lo.log" >&2; fail "LibreOffice made no PDF of $1"; }
}
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

# check_report RUN: LibreOffice reads the run's bao-cao.docx, the PDF has
# the sentences and about the pages; python-docx finds the structure.
check_report() {
	run=$1
	[ -s "$run/bao-cao.docx" ] || fail "no bao-cao.docx in $run"
	"$PY" - "$run/bao-cao.docx" <<-'EOF' || fail "bao-cao.docx: a part is not well-formed XML"
	import sys, zipfile, xml.dom.minidom
	z = zipfile.ZipFile(sys.argv[1])
	assert z.testzip() is None
	names = z.namelist()
	assert names[0] == "[Content_Types].xml", names[0]
	for n in names:
	    if n.endswith(".xml") or n.endswith(".rels"):
	        xml.dom.minidom.parseString(z.read(n))
	EOF
	rm -rf "$WORK/lo" && mkdir -p "$WORK/lo"
	lo_pdf "$run/bao-cao.docx" "$WORK/lo"
	pdftotext -layout "$WORK/lo/bao-cao.pdf" "$WORK/lo/text.txt"
	"$PY" tests/docx/check_text.py "$run/bao-cao.md" "$WORK/lo/text.txt" || fail "sentences missing"
	a=$(pages "$WORK/lo/bao-cao.pdf") b=$(pages "$run/bao-cao.pdf")
	echo "pages: bao-cao.docx in LibreOffice $a, bao-cao.pdf $b"
	[ $((a * 100)) -ge $((b * 85)) ] && [ $((a * 100)) -le $((b * 115)) ] ||
		fail "LibreOffice's PDF of bao-cao.docx has $a pages, bao-cao.pdf $b: more than 15 % apart"
	"$PY" tests/docx/check_report.py "$run" || fail "bao-cao.docx's structure"
}

# ---- bao-cao.docx of the sample, reproducible ----
SOURCE_DATE_EPOCH=1700000000 run_chitieu -q -i input -o "$WORK/o1"
expect_rc 0
SOURCE_DATE_EPOCH=1700000000 run_chitieu -q -i input -o "$WORK/o2"
expect_rc 0
run1=$(ls -d "$WORK"/o1/20*) run2=$(ls -d "$WORK"/o2/20*)
cmp "$run1/bao-cao.docx" "$run2/bao-cao.docx" || fail "bao-cao.docx differs between two runs"
[ -f "$run1/site/tai-ve/bao-cao.docx" ] || fail "the site's downloads lack bao-cao.docx"
grep -q 'tai-ve/bao-cao.docx' "$run1"/site/*.html || fail "no page links bao-cao.docx"
check_report "$run1"
# the dispatch's appendix: a group's heading row keeps with the row under
# it (keepNext), as in its PDF; no other body row is kept
"$PY" - "$run1/cong-van-don-doc.docx" <<-'EOF' || fail "cong-van-don-doc.docx: a group's row does not keep with its rows"
	import sys, docx
	t = docx.Document(sys.argv[1]).tables[-1]
	groups = kept = 0
	for row in t.rows[1:]:
	    cells = {id(c._tc): c for c in row.cells}
	    keep = all(p.paragraph_format.keep_with_next for c in cells.values() for p in c.paragraphs)
	    if len(cells) == 1:
	        groups += 1
	        kept += keep
	    elif keep:
	        sys.exit("a unit's row is kept with the next: " + row.cells[1].text)
	assert groups >= 2 and kept == groups, (groups, kept)
	EOF
# the document's properties come from bao-cao.conf, its dates from SOURCE_DATE_EPOCH
unzip -p "$run1/bao-cao.docx" docProps/core.xml >"$WORK/core.xml"
grep -q '2023-11-14T22:13:20Z' "$WORK/core.xml" || fail "docProps/core.xml's dates are not SOURCE_DATE_EPOCH's"
grep -q '<dc:title>' "$WORK/core.xml" || fail "docProps/core.xml has no title"

# ---- 300 units ----
${CC:-cc} -std=c11 -O2 -o "$WORK/genbench" tools/genbench.c || fail "genbench does not compile"
"$WORK/genbench" 300 "$WORK/big" >/dev/null || fail "genbench 300 failed"
SOURCE_DATE_EPOCH=1700000000 run_chitieu -q -i "$WORK/big" -o "$WORK/o3"
expect_rc 0
check_report "$(ls -d "$WORK"/o3/20*)"

# ---- noi-dung.docx read as the same text as noi-dung.md ----
"$PY" tests/docx/make_noi_dung.py "$WORK/nd.docx" "$WORK/nd.md" || fail "make_noi_dung.py"
copy_sample "$WORK/in-md"
cp "$WORK/nd.md" "$WORK/in-md/noi-dung.md"
copy_sample "$WORK/in-dx"
rm "$WORK/in-dx/noi-dung.md"
cp "$WORK/nd.docx" "$WORK/in-dx/noi-dung.docx"
SOURCE_DATE_EPOCH=1700000000 run_chitieu -q -i "$WORK/in-md" -o "$WORK/o-md"
expect_rc 0
SOURCE_DATE_EPOCH=1700000000 run_chitieu -q -i "$WORK/in-dx" -o "$WORK/o-dx"
expect_rc 0
for w in "tracked changes are read as if accepted" "an image is not rendered" \
	"a comment is not rendered" "a footnote or endnote is not rendered" \
	"a field is read as the text it last showed"; do
	expect_err "noi-dung.docx: warning: paragraph"
	expect_err "$w"
done
# the report's text before the colophon (which names the input files)
for v in md dx; do
	pdftotext "$(ls "$WORK"/o-$v/20*/bao-cao.pdf)" - | sed '/Lập bởi chitieu/,$d' >"$WORK/t-$v.txt"
done
tr '\n' ' ' <"$WORK/t-dx.txt" >"$WORK/t-dx.line"
grep -q "[IVX]\. NHIỆM VỤ TRỌNG TÂM" "$WORK/t-dx.line" ||
	fail "the heading in a style named 'Tiêu đề 1' (outline level 0) is not a section"
grep -q "cải cách thủ tục hành chính\." "$WORK/t-dx.line" || fail "the tracked insertion is lost"
! grep -q "hành chính cũ" "$WORK/t-dx.line" || fail "the tracked deletion is kept"
diff "$WORK/t-md.txt" "$WORK/t-dx.txt" >&2 || fail "noi-dung.docx and noi-dung.md give different reports"
echo "noi-dung.docx: the same report text as noi-dung.md ($(wc -l <"$WORK/t-dx.txt") lines)"
# the same document saved again by LibreOffice (its own styles, numbering and markup)
mkdir -p "$WORK/lo-nd"
soffice --headless --norestore -env:UserInstallation="file://$WORK/lo-profile" \
	--convert-to 'docx:MS Word 2007 XML' --outdir "$WORK/lo-nd" "$WORK/in-dx/noi-dung.docx" \
	>"$WORK/lo.log" 2>&1 || { cat "$WORK/lo.log" >&2; fail "LibreOffice could not re-save noi-dung.docx"; }
cp "$WORK/lo-nd/noi-dung.docx" "$WORK/in-dx/noi-dung.docx"
SOURCE_DATE_EPOCH=1700000000 run_chitieu -q -i "$WORK/in-dx" -o "$WORK/o-lo"
expect_rc 0
expect_err "tracked changes are read as if accepted"
pdftotext "$(ls "$WORK"/o-lo/20*/bao-cao.pdf)" - | sed '/Lập bởi chitieu/,$d' >"$WORK/t-lo.txt"
diff "$WORK/t-md.txt" "$WORK/t-lo.txt" >&2 || fail "noi-dung.docx saved by LibreOffice reads differently"

# ---- refused: each an error naming the file, exit 1, the output untouched ----
SOURCE_DATE_EPOCH=1700000000 run_chitieu -q -i input -o "$WORK/keep"
expect_rc 0
snap() { (cd "$WORK/keep" && find . -type f -exec sha256sum {} + | LC_ALL=C sort); }
snap >"$WORK/keep.sum"
refused() { # refused MESSAGE: the run with $WORK/bad fails with MESSAGE, changing nothing
	run_chitieu -q -i "$WORK/bad" -o "$WORK/keep"
	expect_rc 1
	expect_err "$1"
	snap | cmp -s - "$WORK/keep.sum" || fail "a refused noi-dung changed the output ($1)"
}
bad_docx() { # bad_docx FILE: the sample with FILE as noi-dung.docx
	copy_sample "$WORK/bad"
	rm "$WORK/bad/noi-dung.md"
	cp "$1" "$WORK/bad/noi-dung.docx"
}
printf 'Đây là văn bản, không phải tệp Word.\n' >"$WORK/text.docx"
bad_docx "$WORK/text.docx"
refused "noi-dung.docx: error: this is not a Word document (a .docx file is a zip archive)"
# an OLE compound file: a Word 97-2003 .doc, and an encrypted .docx
"$PY" - "$WORK/ole.doc" "$WORK/enc.docx" <<-'EOF'
import sys
head = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
def name(s):
    return s.encode("utf-16-le") + bytes(64 - 2 * len(s))
open(sys.argv[1], "wb").write(head + name("Root Entry") + name("WordDocument") + bytes(1024))
open(sys.argv[2], "wb").write(head + name("Root Entry") + name("EncryptedPackage") + bytes(1024))
EOF
bad_docx "$WORK/ole.doc"
refused "noi-dung.docx: error: this is a Word 97-2003 document (.doc), not a .docx"
bad_docx "$WORK/enc.docx"
refused "noi-dung.docx: error: the document is encrypted (a password is set)"
# a zip bomb: 200 MiB of one letter in word/document.xml; a DTD
"$PY" - "$WORK/bomb.docx" "$WORK/dtd.docx" "$WORK/nd.docx" <<-'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(b"<w:document xmlns:w='x'><w:body><w:p><w:r><w:t>")
        for _ in range(200):
            f.write(b"a" * (1 << 20))
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
src = zipfile.ZipFile(sys.argv[3])
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    for n in src.namelist():
        data = src.read(n)
        if n == "word/document.xml":
            data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>', 1)
        z.writestr(n, data)
EOF
bad_docx "$WORK/bomb.docx"
refused "noi-dung.docx: error: the document inflates to more than 16 MiB"
bad_docx "$WORK/dtd.docx"
refused "declares a DTD"
# larger than any clerk's text with pictures
head -c 2 "$WORK/nd.docx" >"$WORK/huge.docx"
truncate -s 33M "$WORK/huge.docx"
bad_docx "$WORK/huge.docx"
refused "noi-dung.docx: error: cannot read the file: it is larger than 32 MiB"
# both files, and a .doc beside no .docx
copy_sample "$WORK/bad"
cp "$WORK/nd.docx" "$WORK/bad/noi-dung.docx"
refused "both noi-dung.md and noi-dung.docx are in the input folder"
copy_sample "$WORK/bad"
rm "$WORK/bad/noi-dung.md"
cp "$WORK/ole.doc" "$WORK/bad/noi-dung.doc"
refused "noi-dung.doc: error: a Word 97-2003 document (.doc) is not read"
echo "test_docx: ok"
