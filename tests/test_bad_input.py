"""Every input is an article or one reported problem: hostile values, shapes, sizes and special files."""
from __future__ import annotations

import codecs
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from coalition_graph.loaders.readers import read_bytes, read_inputs

GOOD = {"text": "Keir Starmer hosted a video call of the coalition on Saturday.", "url": "https://e.org/good"}


def split(items):
    items = list(items)
    return [i.article for i in items if i.article], [i.problem for i in items if i.problem]


@pytest.mark.parametrize("published", [1e20, float("inf"), -1e18, float("nan"), True, [2025], {"y": 1},
                                       "yesterday", "2025-02-30", "9" * 500])
def test_a_bad_published_value_ingests_the_article_undated_with_a_warning(published):
    line = json.dumps({**GOOD, "published": published})
    [item] = list(read_bytes(line.encode(), "x.jsonl", ".jsonl"))
    assert item.article is not None and item.article.published is None
    assert item.warnings and "without a date" in item.warnings[0].message


@pytest.mark.parametrize("bad_line", [
    "[" * 5000 + "]" * 5000,                       # nested past the recursion limit
    '{"text": "a", "n": ' + "9" * 5000 + "}",       # an integer over 4300 digits
    '{"text": "a\x00b"}',                           # a raw NUL inside a string
    "\x00\x00\x00",
    '{"text": 5}',
    "not json at all",
])
def test_a_bad_line_costs_only_itself(bad_line):
    good = [json.dumps({**GOOD, "url": f"https://e.org/{i}"}) for i in range(3)]
    data = "\n".join([good[0], bad_line, good[1], good[2]]).encode()
    articles, problems = split(read_bytes(data, "mixed.jsonl", ".jsonl"))
    assert [a.url for a in articles] == [f"https://e.org/{i}" for i in range(3)]
    assert [p.line for p in problems] == [2]
    assert "internal error" not in problems[0].message


def test_an_undecodable_line_in_jsonl_is_one_problem():
    data = json.dumps(GOOD).encode() + b"\n\xff\xfe\xfa\n" + json.dumps({**GOOD, "url": "https://e.org/2"}).encode()
    articles, problems = split(read_bytes(data, "x.jsonl", ".jsonl"))
    assert len(articles) == 2 and [p.line for p in problems] == [2]


def test_lone_surrogates_and_nul_characters_are_replaced_not_fatal():
    line = json.dumps({"text": "Macron \ud800 met\u0000 Starmer.", "title": "T\udfff", "url": "https://e.org/s"})
    [item] = list(read_bytes(line.encode(), "x.jsonl", ".jsonl"))
    art = item.article
    assert art is not None
    assert "\ud800" not in art.text and "\x00" not in art.text and "\ufffd" in art.text
    art.text.encode("utf-8")  # would raise on a lone surrogate
    art.title.encode("utf-8")


def test_u2028_inside_a_json_string_is_not_a_line_break():
    line = json.dumps({**GOOD, "text": "First part\u2028second part of the same article."}, ensure_ascii=False)
    articles, problems = split(read_bytes(line.encode(), "x.jsonl", ".jsonl"))
    assert not problems and len(articles) == 1


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-16-le"])
def test_utf16_and_utf32_files_are_read(codec):
    text = "Paris summit\n\nEmmanuel Macron hosted leaders in Paris on 27 March 2025."
    data = text.encode(codec)
    [item] = list(read_bytes(data, "x.txt", ".txt"))
    assert item.article is not None and "Macron" in item.article.text


def test_binary_file_is_one_problem():
    articles, problems = split(read_bytes(bytes(range(256)) * 10, "x.txt", ".txt"))
    assert not articles and len(problems) == 1 and "binary" in problems[0].message


def test_article_over_the_size_limit_is_reported(monkeypatch):
    monkeypatch.setenv("COALITION_MAX_ARTICLE_CHARS", "1000")
    big = json.dumps({**GOOD, "text": "Leaders met. " * 200})
    articles, problems = split(read_bytes((big + "\n" + json.dumps(GOOD)).encode(), "x.jsonl", ".jsonl"))
    assert len(articles) == 1 and len(problems) == 1
    assert "over the limit" in problems[0].message and "COALITION_MAX_ARTICLE_CHARS" in problems[0].message


def test_paragraph_over_the_limit_is_reported():
    wall = json.dumps({**GOOD, "text": "leaders met in paris and " * 1000})  # 25,000 characters, no full stop
    [item] = list(read_bytes(wall.encode(), "x.jsonl", ".jsonl"))
    assert item.problem and "COALITION_MAX_PARAGRAPH_CHARS" in item.problem.message


def test_file_over_the_size_limit_is_reported_without_reading_it_all(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("COALITION_MAX_FILE_MB", "0.001")
    path = tmp_path / "big.txt"
    path.write_text("Leaders met in Paris. " * 200)
    articles, problems = split(read_inputs([path]))
    assert not articles and "over the limit" in problems[0].message


@pytest.mark.parametrize("text", ["*a " * 20000, "**a " * 20000, "_a_" * 20000, "![" * 20000, "[a](" * 20000, "[" * 40000])
def test_markdown_markup_is_read_in_linear_time(text):
    started = time.monotonic()
    list(read_bytes(("# Title\n\n" + text).encode(), "x.md", ".md"))
    assert time.monotonic() - started < 3  # the old regexes took over a minute on this


def test_markdown_markup_is_still_removed():
    md = "# Title\n\nThe **Paris** summit, _hosted_ by *Macron*, see [the report](https://e.org/r) ![pic](x.png) and snake_case_names."
    [item] = list(read_bytes(md.encode(), "x.md", ".md"))
    assert item.article.text == "The Paris summit, hosted by Macron, see the report  and snake_case_names."


def test_fifo_and_device_are_reported_and_never_block(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    articles, problems = split(read_inputs([fifo, "/dev/zero", tmp_path]))
    assert time.monotonic() - started < 5
    assert not articles
    messages = [str(p) for p in problems]
    assert any("pipe.txt: a named pipe" in m for m in messages)
    assert any("/dev/zero: a device" in m for m in messages)
    assert sum("pipe.txt" in m for m in messages) == 2  # named, and inside the folder


def test_links_out_of_the_folder_are_reported_not_followed(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Title\n\nThe secret article outside the folder.")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "inside.txt").write_text("Title\n\nNATO ministers met in Brussels on Thursday.")
    (folder / "same.txt").symlink_to(folder / "inside.txt")
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "leakdir").symlink_to(outside)
    articles, problems = split(read_inputs([folder]))
    assert all("secret" not in a.text for a in articles) and len(articles) == 2
    assert sorted(Path(p.path).name for p in problems) == ["leak.txt", "leakdir"]
    assert all("outside the folder" in p.message for p in problems)


def _read_as_ordinary_user(folder: Path) -> list[str]:
    """read_inputs in a forked child that has dropped root (the modules are already imported)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            lines = ["A" if i.article else f"P {i.problem}" for i in read_inputs([folder])]
            os.write(write_end, "\n".join(lines).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as fh:
        out = fh.read().decode().splitlines()
    os.waitpid(pid, 0)
    return out


def test_unreadable_subfolder_is_reported():
    # Root reads every folder: the reading runs in a child process as an ordinary user.
    folder = Path(tempfile.mkdtemp(prefix="coalition-unreadable-"))
    try:
        folder.chmod(0o755)
        (folder / "ok.txt").write_text("Title\n\nNATO ministers met in Brussels on Thursday.")
        locked = folder / "locked"
        locked.mkdir()
        (locked / "a.txt").write_text("x")
        locked.chmod(0)
        out = _read_as_ordinary_user(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert out[0] == "A"
    assert len(out) == 2 and "locked: cannot read this folder: Permission denied" in out[1]


def test_a_file_name_with_a_newline_stays_one_line(tmp_path: Path):
    path = tmp_path / "bad\nname.txt"
    path.write_bytes(b"")
    [problem] = [i.problem for i in read_inputs([path])]
    assert "\n" not in str(problem) and "bad\\nname.txt" in str(problem)


def test_utf8_bom_in_jsonl_first_line_is_fine():
    data = codecs.BOM_UTF8 + json.dumps(GOOD).encode()
    articles, problems = split(read_bytes(data, "x.jsonl", ".jsonl"))
    assert len(articles) == 1 and not problems


@pytest.mark.parametrize("text", ["Mr. " * 40000, "." * 100000, "Gen. A. " * 20000, "?!" * 50000 + " A"])
def test_sentence_splitting_is_linear(text):
    from coalition_graph.loaders.extract.text import sentences

    started = time.monotonic()
    found = sentences(text)
    assert time.monotonic() - started < 2  # the old abbreviation check rescanned the text before every dot
    assert found and found[0].start == 0
