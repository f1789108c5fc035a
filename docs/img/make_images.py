"""Re-make the README's pictures from the bundled sample: `.venv/bin/python docs/img/make_images.py`.

Writes, with the real tools (the CLI, and Debian's chromium driven by Playwright for the page):
  docs/img/html_page.png        the page as it opens: meetings on the time axis, attendees above, labelled
  docs/img/html_page_focus.png  the page after a click on the NATO summit in The Hague: its neighbourhood
  docs/img/pledges.png          coalition plot pledges
and writes the 80-column `coalition meetings --limit 8` table into README.md. With `--table` it re-makes only
that table (no browser needed): run it after an extraction change moves the sample's meetings.
"""
from __future__ import annotations

import os
import re
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


TABLE_BLOCK = re.compile(r"(`coalition meetings --limit 8 --store my-store` in an 80-column terminal.*?```text\n)(.*?)(```)",
                         re.DOTALL)


def write_readme_table(table: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if not TABLE_BLOCK.search(text):
        raise SystemExit("README.md has no 80-column table block to re-make")
    readme.write_text(TABLE_BLOCK.sub(lambda m: m.group(1) + table + m.group(3), text, count=1), encoding="utf-8")


def main(table_only: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store, page = Path(tmp) / "store", Path(tmp) / "page.html"

        def run(*args: str) -> str:
            done = subprocess.run([*COALITION, *args, "--store", str(store)], check=True, cwd=ROOT,
                                  capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"})
            return done.stdout

        run("ingest", str(ROOT / "coalition_graph" / "sample"))
        table = run("meetings", "--limit", "8")
        write_readme_table(table)
        print(table, end="")
        if table_only:
            return
        from playwright.sync_api import sync_playwright

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


if __name__ == "__main__":
    main(table_only="--table" in sys.argv[1:])
