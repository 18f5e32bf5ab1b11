#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates tests/golden/sample/pages/: the expected text of one page of
# every site page kind (index, group, unit, district, target, data quality,
# deadline tasks, restatements), the scorecards' text (pdftotext -layout)
# and the urging dispatch's Markdown, for the shipped input/ run as
# 2024-Q3 then 2024-Q4 into one output root (so the period links and the
# restatements are there).  The version and the SHA-256 digests are
# replaced by "VERSION" and "SHA256".  tests/e2e/test_golden_pages.sh
# compares; run this when a change to a page is meant, and read the diff
# before committing it.  With an argument, writes there instead.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$top/tests/golden/sample/pages}
tmp=$(mktemp -d /tmp/chitieu-golden.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
bin=${CHITIEU:-$top/chitieu}
export SOURCE_DATE_EPOCH=1735603200
"$bin" -q -i "$top/input" -o "$tmp/o" -k 2024-Q3 2>/dev/null
"$bin" -q -i "$top/input" -o "$tmp/o" -k 2024-Q4 2>/dev/null
v=$(cat "$top/VERSION")
o=$tmp/o/2024-Q4
mkdir -p "$dest"
vre=$(echo "$v" | sed 's/\./\\./g')
S_clean() { sed -e "s/\\b$vre\\b/VERSION/g" -e 's/[0-9a-f]\{64\}/SHA256/g'; }
for p in index.html nhom/xa.html don-vi/xa-tan-dan.html dia-ban/huyen-khoai-chau.html \
	chi-tieu/1.html du-lieu.html han.html dieu-chinh.html; do
	S_clean <"$o/site/$p" >"$dest/$(echo "$p" | tr / -)"
done
pdftotext -layout "$o/the-diem.pdf" - | S_clean >"$dest/the-diem.txt"
S_clean <"$o/cong-van-don-doc.md" >"$dest/cong-van-don-doc.md"
