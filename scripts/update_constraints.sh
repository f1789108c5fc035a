#!/usr/bin/env bash
# Re-pin constraints.txt: a fresh virtual environment, the project with every extra, then pip freeze.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${PYTHON:-python3}" -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --disable-pip-version-check -q -e ".[test]"
{
    echo "# Exact versions of every dependency CI tests with (Python 3.11, Linux); scripts/setup.sh installs with"
    echo "# \`pip install -c constraints.txt\`. Refresh after changing pyproject.toml: bash scripts/update_constraints.sh"
    "$tmp/venv/bin/pip" freeze --exclude-editable | grep -v -i -E '^(pip|setuptools|wheel|en[-_]core.*)=='
} > constraints.txt
echo "constraints.txt: $(grep -vc '^#' constraints.txt) pins" >&2
