#!/usr/bin/env bash
# Vendor the JavaScript graph library the HTML export inlines (coalition_graph/graph/html/vendor/).
# Run by hand when upgrading; the result is committed and ships as package data, so neither
# exports nor tests need npm or a network. Cytoscape.js is MIT-licensed: its minified build keeps
# its copyright header, and its LICENSE file is copied beside it.
set -euo pipefail

CYTOSCAPE_VERSION="3.35.0"

here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/coalition_graph/graph/html/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts --silent "cytoscape@${CYTOSCAPE_VERSION}"

mkdir -p "$dest"
cp node_modules/cytoscape/dist/cytoscape.min.js "$dest/cytoscape.min.js"
cp node_modules/cytoscape/LICENSE "$dest/cytoscape.LICENSE.txt"
printf 'cytoscape %s MIT https://www.npmjs.com/package/cytoscape\n' "$CYTOSCAPE_VERSION" > "$dest/VERSIONS.txt"
echo "vendored cytoscape ${CYTOSCAPE_VERSION} into $dest"
