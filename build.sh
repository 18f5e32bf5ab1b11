#!/bin/sh
# Installs the Debian packages chitieu needs to build and to run its tests
# (only the missing ones, with apt-get, as root), sets up the browser
# checks' npm packages, builds, and runs chitieu on input/ into output/.
# Extra arguments go to chitieu.  This is the one list of what the tests
# need: .ci/run and tools/fresh-check.sh call this script, and after it
# `make check` needs nothing else on a bare Debian 12.
set -eu
cd "$(dirname "$0")"

# To build chitieu and run it.
BUILD_PKGS="build-essential pkg-config libcsv-dev libcmark-gfm-dev
libcmark-gfm-extensions-dev libhpdf-dev gnuplot-nox libcmocka-dev
fonts-liberation2 libfontconfig-dev libicu-dev nettle-dev zlib1g-dev
libxlsxwriter-dev libzip-dev libxml2-dev"
# Only for `make check`: PDF tools, an XML checker, a real browser, the
# leak checker, the locale sources (the locale test builds vi_VN.UTF-8 with
# localedef into a temporary folder), Python for the sample generator and
# workbooks, Java for the Nu HTML Checker, mandoc for the man page lint,
# bash-completion for the completion test, GNU time for peak memory,
# LibreOffice Writer and python3-docx for the Word checks (bao-cao.docx
# opened and converted, noi-dung.docx written as a clerk's Word writes it).
TEST_PKGS="poppler-utils qpdf libxml2-utils chromium valgrind locales python3
python3-openpyxl default-jre-headless mandoc bash-completion time ca-certificates
libreoffice-writer-nogui python3-docx unzip"
# The browser checks' npm packages need node and npm.  Only when there is
# no npm command: a NodeSource nodejs (which has its own npm) conflicts
# with Debian's npm package.
command -v npm >/dev/null 2>&1 || TEST_PKGS="$TEST_PKGS nodejs npm"

S_missing() {
	m=""
	for p in $1; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || m="$m $p"
	done
	echo "$m"
}
need_build=$(S_missing "$BUILD_PKGS")
need_test=$(S_missing "$TEST_PKGS")
echo "build.sh: to build:" $BUILD_PKGS
echo "build.sh: for make check:" $TEST_PKGS
if [ -n "$need_build$need_test" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		if [ -n "$need_build" ]; then
			echo "build.sh: run as root (or: sudo apt-get install$need_build$need_test)" >&2
			exit 3
		fi
		echo "build.sh: not root: make check will miss$need_test (sudo apt-get install$need_test)" >&2
	else
		echo "build.sh: installing:$need_build$need_test"
		S_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; }
		apt-get update -qq
		# What only the tests need must not stop the build: without it,
		# only make check fails, and says what is missing.
		if ! S_install $need_build $need_test; then
			[ -z "$need_build" ] || S_install $need_build || exit 3
			echo "build.sh: could not install$need_test: make check will miss them" >&2
		fi
	fi
fi
# The browser checks' pinned npm packages (idempotent; nothing to do when
# they are in place).  A failure (no registry) only fails those checks.
if [ -f tests/browser/setup.sh ]; then
	echo "build.sh: tests/browser/setup.sh"
	sh tests/browser/setup.sh || echo "build.sh: tests/browser/setup.sh failed: the browser checks of make check will fail" >&2
fi
make -j"$(nproc)"
./chitieu -i input -o output "$@"
