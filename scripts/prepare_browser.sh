#!/usr/bin/env bash
# Install Debian's chromium for the HTML page's browser test (tests/test_html_page.py).
# Idempotent and quiet: does nothing when /usr/bin/chromium is already there.
# Playwright drives this system browser (executable_path=/usr/bin/chromium); it never downloads one.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
