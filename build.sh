#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the Debian packages chitieu needs to build and to run its tests
# (only the missing ones, with apt-get, as root), sets up the browser
# checks' npm packages, builds, and runs chitieu on input/ into output/.
# Extra arguments go to chitieu.  This is the one list of what the tests
# need: .ci/run and tools/fresh-check.sh call this script, and after it
# `make check` needs nothing else on a bare Debian 12.  Under CI=true or
# CHITIEU_REQUIRE_ALL=1 (where make check counts a skipped test as failed)
# a test package that cannot be installed stops it at once (exit 3).
set -eu
cd "$(dirname "$0")"
require_all=0
[ "${CI:-}" = true ] || [ "${CHITIEU_REQUIRE_ALL:-0}" = 1 ] && require_all=1
# S_test_missing WHAT: what the tests lack; fatal where every test must run.
S_test_missing() {
	if [ $require_all = 1 ]; then
		echo "build.sh: $1; under CI=true every test must run" >&2
		exit 3
	fi
	echo "build.sh: $1" >&2
}

# To build chitieu and run it.
BUILD_PKGS="build-essential pkg-config libcsv-dev libcmark-gfm-dev
libcmark-gfm-extensions-dev libhpdf-dev gnuplot-nox libcmocka-dev
fonts-liberation2 libfontconfig-dev libicu-dev nettle-dev zlib1g-dev
libxlsxwriter-dev libzip-dev libxml2-dev gettext"
# Only for `make check`: PDF tools, an XML checker, a real browser, the
# leak checker, the locale sources (the locale test builds vi_VN.UTF-8 with
# localedef into a temporary folder), Python for the sample generator and
# workbooks, Java for the Nu HTML Checker, mandoc for the man page lint,
# bash-completion for the completion test, GNU time for peak memory,
# LibreOffice Calc to open the entry forms.
TEST_PKGS="poppler-utils qpdf libxml2-utils chromium valgrind locales python3
python3-openpyxl default-jre-headless mandoc bash-completion time ca-certificates
libreoffice-calc-nogui"
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
		S_test_missing "not root: make check will skip the tests that need$need_test (sudo apt-get install$need_test)"
	else
		echo "build.sh: installing:$need_build$need_test"
		S_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; }
		apt-get update -qq
		# What only the tests need must not stop the build: without it,
		# only make check fails, and says what is missing.
		if ! S_install $need_build $need_test; then
			[ -z "$need_build" ] || S_install $need_build || exit 3
			S_test_missing "could not install$need_test: make check will skip the tests that need them"
		fi
	fi
fi
# The browser checks' pinned npm packages (idempotent; nothing to do when
# they are in place).  A failure (no registry) only fails those checks.
if [ -f tests/browser/setup.sh ]; then
	echo "build.sh: tests/browser/setup.sh"
	sh tests/browser/setup.sh || S_test_missing "tests/browser/setup.sh failed: make check will skip the browser checks"
fi
make -j"$(nproc)"
./chitieu -i input -o output "$@"
