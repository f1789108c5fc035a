"""Re-make the README's pictures from the bundled sample: `.venv/bin/python docs/img/make_images.py`.

Writes docs/img/pledges.png (coalition plot pledges) and docs/img/html_page.png (a screenshot of
coalition export --format html, with the NATO summit in The Hague open), using Debian's chromium.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
COALITION = [sys.executable, "-m", "coalition_graph"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store, page = Path(tmp) / "store", Path(tmp) / "page.html"
        run = lambda *args: subprocess.run([*COALITION, *args, "--store", str(store)], check=True, cwd=ROOT)  # noqa: E731
        run("ingest", str(ROOT / "coalition_graph" / "sample"))
        run("plot", "pledges", "--out", str(HERE / "pledges.png"), "--size", "1000x600")
        run("export", "--format", "html", "--out", str(page), "--title", "Coalition Graph — bundled sample")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            tab = browser.new_page(viewport={"width": 1280, "height": 760})
            tab.goto(page.as_uri())
            tab.wait_for_function("window.coalitionGraph && coalitionGraph.ready")
            meeting = tab.evaluate("coalitionGraph.data.nodes.find(n => n.label === 'Meeting' && /Hague/.test(n.name)).id")
            tab.evaluate("id => coalitionGraph.select(id, false)", meeting)
            tab.evaluate("id => { const cy = coalitionGraph.cy; cy.zoom(1.6); cy.center(cy.getElementById(id)); }", meeting)
            tab.wait_for_timeout(300)
            tab.screenshot(path=str(HERE / "html_page.png"))
            browser.close()


if __name__ == "__main__":
    main()
