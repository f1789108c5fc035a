"""Vendored JavaScript (see VERSIONS.txt and scripts/vendor_js.sh); shipped as package data."""
