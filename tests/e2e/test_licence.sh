# SPDX-License-Identifier: MIT
# The licence is MIT and every place a user or a distribution looks says
# so: LICENSE at the root, debian/copyright (DEP-5, License: Expat with its
# full text), the README, the man pages' AUTHORS section; and every source
# file in gen/, tests/ and tools/ starts with the SPDX line, which
# tools/spdx.sh adds (idempotently: a second run changes nothing).
. tests/e2e/lib.sh
set -e
[ -f LICENSE ] || fail "no LICENSE at the root"
head -n 1 LICENSE | grep -qx 'MIT License' || fail "LICENSE is not the MIT licence"
grep -qx 'Copyright (c) 2024-2026 the chitieu authors' LICENSE || fail "LICENSE lacks the copyright line"
# the permission text, the one paragraph per line, without the title and copyright
S_text() { sed -e 's/^ \.$//' -e 's/^ //' | tr -s ' \n' '  ' | sed 's/^ *//; s/ *$//'; }
sed -n '/^Permission is hereby granted/,$p' LICENSE | S_text >"$WORK/mit"
grep -q 'WITHOUT WARRANTY OF ANY KIND' "$WORK/mit" || fail "LICENSE lacks the MIT text"

# debian/copyright: machine-readable, Expat, the text in full
c=debian/copyright
head -n 1 $c | grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
	fail "$c is not in DEP-5 form"
grep -qx 'Files: \*' $c || fail "$c has no 'Files: *' paragraph"
[ "$(grep -c '^License: Expat$' $c)" -ge 2 ] || fail "$c: the files are not 'License: Expat' with a stand-alone Expat paragraph"
grep -q '^Copyright: 2024-2026 the chitieu authors' $c || fail "$c: another copyright than LICENSE's"
! grep -qi 'License: other\|no licence has been chosen' $c || fail "$c still says no licence was chosen"
sed -n '/^License: Expat$/,/^$/p' $c | tail -n +2 | sed -n '/Permission is hereby granted/,$p' | S_text >"$WORK/deb"
[ "$(cat "$WORK/deb")" = "$(cat "$WORK/mit")" ] || { diff "$WORK/mit" "$WORK/deb" >&2; fail "$c: the Expat text is not LICENSE's"; }

# the README and the man pages name it
grep -q '^## Licence' README.md || fail "README.md has no Licence section"
sed -n '/^## Licence/,/^## /p' README.md | grep -q 'MIT' || fail "README.md's Licence section does not name MIT"
for m in man/chitieu.1 man/chitieu-input.5; do
	sed -n '/^\.Sh AUTHORS/,/^\.Sh /p' "$m" | grep -q 'MIT' || fail "$m: no AUTHORS section naming the MIT licence"
done

# tools/spdx.sh on a copy: the line where it belongs, a second run changes nothing
cp -r gen tests tools "$WORK/" 2>/dev/null || true
rm -rf "$WORK/tests/browser/node_modules" "$WORK/tests/artefacts"
printf '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nprint(1)\n' >"$WORK/tools/x.py"
printf 'int x;\n' >"$WORK/gen/x.c"
printf '#!/bin/sh\necho hi\n' >"$WORK/tests/fake-x"
chmod 755 "$WORK/tests/fake-x"
printf '2024-Q1,1,2,3,\n' >"$WORK/tests/x.csv"
(cd "$WORK" && sh "$TOP/tools/spdx.sh" >/dev/null) || fail "tools/spdx.sh failed"
[ "$(sed -n 1p "$WORK/gen/x.c")" = '/* SPDX-License-Identifier: MIT */' ] || fail "spdx.sh: a C file's line 1"
[ "$(sed -n 2p "$WORK/tests/fake-x")" = '# SPDX-License-Identifier: MIT' ] || fail "spdx.sh: not after the #! line"
[ "$(sed -n 3p "$WORK/tools/x.py")" = '# SPDX-License-Identifier: MIT' ] || fail "spdx.sh: not after the coding line"
[ "$(cat "$WORK/tests/x.csv")" = '2024-Q1,1,2,3,' ] || fail "spdx.sh changed a data file"
[ -x "$WORK/tests/fake-x" ] || fail "spdx.sh lost a script's mode"
(cd "$WORK" && find gen tests tools -type f | LC_ALL=C sort | xargs sha256sum) >"$WORK/once"
(cd "$WORK" && sh "$TOP/tools/spdx.sh" >/dev/null && sh "$TOP/tools/spdx.sh" --check) || fail "spdx.sh: the check fails after a run"
(cd "$WORK" && find gen tests tools -type f | LC_ALL=C sort | xargs sha256sum) | cmp -s - "$WORK/once" ||
	fail "spdx.sh: a second run changed files"

# and the tree itself
sh tools/spdx.sh --check >"$WORK/missing" 2>&1 ||
	{ head -n 10 "$WORK/missing" >&2; fail "$(tail -n 1 "$WORK/missing" | sed 's/^tools.spdx.sh: //') (run tools/spdx.sh)"; }
exit 0
