#!/bin/sh
# Installs the Debian packages chitieu needs (only the missing ones, as
# root), builds it, and runs it on input/ into output/.
set -eu
cd "$(dirname "$0")"
PKGS="build-essential pkg-config libcsv-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
libhpdf-dev gnuplot-nox libcmocka-dev fonts-liberation2 libfontconfig-dev libicu-dev
nettle-dev zlib1g-dev poppler-utils libzip-dev libxml2-dev libxlsxwriter-dev"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "build.sh: installing:$missing"
	if [ "$(id -u)" -ne 0 ]; then
		echo "build.sh: run as root (or install these with sudo apt-get install$missing)" >&2
		exit 3
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi
make -j"$(nproc)"
./chitieu -i input -o output "$@"
