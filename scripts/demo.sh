#!/usr/bin/env bash
# The main job on the bundled sample: set up, ingest the sample articles, print who attended
# which meeting and the pledges. Re-running it is safe: re-ingesting changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
STORE=${COALITION_STORE:-coalition-store}
.venv/bin/coalition ingest coalition_graph/sample --store "$STORE"
echo
echo "== Who attended which meeting =="
.venv/bin/coalition attendance --store "$STORE"
echo
echo "== Pledges =="
.venv/bin/coalition pledges --store "$STORE"
