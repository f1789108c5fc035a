"""Re-make the README's pictures from the bundled sample: `.venv/bin/python docs/img/make_images.py`.

Writes, with the real tools (the CLI, and Debian's chromium driven by Playwright for the page):
  docs/img/html_page.png        the page as it opens: meetings on the time axis, attendees above, labelled
  docs/img/html_page_focus.png  the page after a click on the NATO summit in The Hague: its neighbourhood
  docs/img/pledges.png          coalition plot pledges
and prints the 80-column `coalition meetings --limit 8` table the README shows.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
COALITION = [sys.executable, "-m", "coalition_graph"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 760}


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store, page = Path(tmp) / "store", Path(tmp) / "page.html"

        def run(*args: str) -> str:
            done = subprocess.run([*COALITION, *args, "--store", str(store)], check=True, cwd=ROOT,
                                  capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"})
            return done.stdout

        run("ingest", str(ROOT / "coalition_graph" / "sample"))
        run("plot", "pledges", "--out", str(HERE / "pledges.png"), "--size", "1000x600", "--force",
        "--source", "the bundled sample (12 articles)")
        run("export", "--format", "html", "--out", str(page), "--title", "Coalition Graph — bundled sample")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            tab = browser.new_page(viewport=VIEWPORT)
            tab.goto(page.as_uri())
            tab.wait_for_function("window.coalitionGraph && coalitionGraph.ready")
            tab.wait_for_timeout(300)  # the labels are placed just after the first frame
            tab.screenshot(path=str(HERE / "html_page.png"))
            meeting = tab.evaluate("coalitionGraph.data.nodes.find(n => n.label === 'Meeting' && /Hague/.test(n.name)"
                                   " && /NATO/.test(n.name)).id")
            tab.evaluate("id => coalitionGraph.select(id, false)", meeting)
            tab.wait_for_function("!coalitionGraph.cy.animated()")
            tab.wait_for_timeout(300)
            tab.screenshot(path=str(HERE / "html_page_focus.png"))
            browser.close()
        print(run("meetings", "--limit", "8"), end="")


if __name__ == "__main__":
    main()
