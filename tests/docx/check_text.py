# SPDX-License-Identifier: MIT
"""Every sentence of sections I and II of bao-cao.md is in a PDF's text:

    check_text.py bao-cao.md TEXT

TEXT is pdftotext -layout's output of the PDF LibreOffice made of
bao-cao.docx (its plain order puts a justified line's last word
elsewhere now and then).  Each page's number and running head are taken
off its top; the Markdown's marks are taken off (emphasis, escapes, list
dashes, heading hashes), image lines and table rows are left out (a
table's cells are checked by the structure test), and spaces are compared as
one.  Prints the count; exits 1 naming the first sentence missing."""
import re
import sys


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def main(md_path, text_path):
    md = open(md_path, encoding="utf-8").read()
    # each page's top: its number and the running head, which cut a
    # sentence that runs on to the next page
    pages = []
    for pg in open(text_path, encoding="utf-8").read().split("\f"):
        lines = pg.splitlines()
        while lines and (not lines[0].strip() or lines[0].strip().isdigit()
                         or "TẠM TÍNH" in lines[0]):
            lines.pop(0)
        pages.append("\n".join(lines))
    text = norm(" ".join(pages))
    m = re.search(r"^## I\. .*?(?=^## III\. |^## [IVX]+\. (?!KẾT QUẢ)|^## Phụ lục)", md,
                  re.S | re.M)
    if not m:
        print("FAIL: no section I in " + md_path, file=sys.stderr)
        sys.exit(1)
    n = 0
    for line in m.group(0).splitlines():
        line = line.strip()
        if not line or line.startswith("![") or line.startswith("|"):
            continue
        line = re.sub(r"^#+ ", "", line)
        line = re.sub(r"^- ", "", line)
        line = re.sub(r"(?<!\\)\*", "", line)
        line = re.sub(r"\\(.)", r"\1", line)
        for sent in re.split(r"(?<=[.;:])\s+", line):
            sent = norm(sent)
            if not sent:
                continue
            n += 1
            if sent not in text:
                print("FAIL: not in the PDF's text: " + sent, file=sys.stderr)
                sys.exit(1)
    print("%d sentences of sections I and II found" % n)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
