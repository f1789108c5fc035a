#!/usr/bin/env bash
# Everything the tests need on a fresh machine, then the whole suite:
# the Python environment, Debian's chromium (browser test of the HTML export),
# and the Neo4j and Fuseki servers from Maven Central (backend contract tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
[ -f scripts/prepare_browser.sh ] && bash scripts/prepare_browser.sh
[ -f tests/servers/prepare.sh ] && bash tests/servers/prepare.sh
exec .venv/bin/python -m pytest -q "$@"
