#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates tests/golden/sample/bao-cao.md, the expected bao-cao.md of the
# shipped input/ (test_report_doc.sh compares), with the version replaced by
# "VERSION" and the inputs' SHA-256 digests by "SHA256" (an edit of a
# comment in bao-cao.conf changes no word of the report).  Run it when a change to the report's text is meant, and read
# the diff before committing it.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/chitieu-golden.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1735603200 "${CHITIEU:-$top/chitieu}" -q -i "$top/input" -o "$tmp"
v=$(cat "$top/VERSION")
mkdir -p "$top/tests/golden/sample"
sed -e "s/chitieu $v\\b/chitieu VERSION/" -e 's/[0-9a-f]\{64\}/SHA256/g' "$tmp"/*/bao-cao.md >"$top/tests/golden/sample/bao-cao.md"
