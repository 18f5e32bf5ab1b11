#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the browser checks' npm packages (axe-core, puppeteer-core,
# vnu-jar) at the versions pinned in package-lock.json into
# tests/browser/node_modules, from the package registry.  Idempotent: a
# node_modules that matches the lock file is left as it is.  No browser is
# downloaded: the checks drive the system's /usr/bin/chromium.
# Needs node and npm (Debian: apt-get install nodejs npm).
set -e
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
	echo "tests/browser/setup.sh: npm is not installed (apt-get install nodejs npm)" >&2
	exit 1
fi
stamp=node_modules/.chitieu-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
	exit 0
fi
# --ignore-scripts: puppeteer-core fetches nothing, and no package needs
# a build step; PUPPETEER_SKIP_DOWNLOAD for older puppeteer versions.
PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
cp package-lock.json "$stamp"
