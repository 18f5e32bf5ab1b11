# SPDX-License-Identifier: MIT
# Bash completion (completion/chitieu, bash-completion's conventions): the
# options of --help, -k the periods found in the input folder named by -i,
# --don-vi the unit codes of its registry.
. tests/e2e/lib.sh
set -e
bc=/usr/share/bash-completion/bash_completion
[ -f "$bc" ] || fail "bash-completion is missing (apt-get install bash-completion, or run ./build.sh)"
# A folder of its own, so the expected periods are known: months and
# quarters, a ';' file with the period not in the first column, quotes.
D=$WORK/in
mkdir -p "$D/so-lieu" "$WORK/bin"
printf 'ky,chi_tieu,tu_so,mau_so,ghi_chu\n2025-01,1,1,2,\n2025-Q2,1,1,2,"đến 2025-09"\n' >"$D/so-lieu/a.csv"
printf 'chi_tieu;ky;tu_so;mau_so\r\n1;"2025-03";1;2\r\n' >"$D/so-lieu/b.csv"
printf 'ma,ten,nhom,thuoc\nxa-a,Xã A,xa,\nxa-b,Xã B,xa,\nso-c,Sở C,so,\n' >"$D/don-vi.csv"
ln -s "$CHITIEU" "$WORK/bin/chitieu"
cat >"$WORK/t.bash" <<'EOS'
. "$1"
. completion/chitieu
c() {
	COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
	read -ra COMP_WORDS <<<"$*"
	[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
	_chitieu chitieu "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' '; echo
}
c "chitieu -i $2 -k "
c "chitieu -i $2 -q -k 2025-Q"
c "chitieu --st"
c "chitieu -i $2 --don-vi xa-"
c "chitieu -k "
EOS
(cd "$WORK" && cp -r "$TOP/completion" . && PATH=$WORK/bin:$PATH bash t.bash "$bc" "$D") >"$WORK/got" 2>"$WORK/err" ||
	{ cat "$WORK/err" >&2; fail "the completion script failed"; }
printf '%s\n' "2025-01 2025-03 2025-Q2 " "2025-Q2 " "--strict " "xa-a xa-b " " " >"$WORK/want"
diff "$WORK/want" "$WORK/got" >&2 || fail "completions differ (want <, got >)"
[ ! -s "$WORK/err" ] || { cat "$WORK/err" >&2; fail "the completion printed errors"; }
exit 0
