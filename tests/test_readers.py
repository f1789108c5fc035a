"""Readers: every input format, field aliases, stdin, and bad input reported per file and line."""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from coalition_graph.loaders.readers import article_from_record, read_bytes, read_inputs
from tests.conftest import FIXTURES

FORMATS = FIXTURES / "formats"


def articles_of(*inputs, stdin=None):
    items = list(read_inputs(inputs, stdin=stdin))
    return [i.article for i in items if i.article], [i.problem for i in items if i.problem]


def test_markdown_title_date_and_url_come_from_the_header():
    [article], problems = articles_of(FORMATS / "udcg-nato-hq-june-hegseth-absent.md")
    assert not problems
    assert article.title.startswith("Hegseth skips Ukraine Defense Contact Group")
    assert article.published == dt.date(2025, 6, 5)
    assert article.url == "https://sample.coalition-graph.invalid/2025/udcg-nato-hq-june-hegseth-absent"
    assert article.text.startswith("Pete Hegseth on Wednesday")
    assert "Date:" not in article.text and "# " not in article.text


def test_html_main_text_without_navigation_and_with_metadata():
    [article], problems = articles_of(FORMATS / "paris-summit-reassurance-force.html")
    assert not problems
    assert article.published is not None and article.published.year == 2025
    assert article.title and "reassurance" in article.title.lower()
    assert "Macron" in article.text
    assert "cookie" not in article.text.lower()
    assert not article.text.startswith(article.title)


def test_text_file_first_line_is_the_title():
    [article], problems = articles_of(FORMATS / "paris-summit-26-countries-reassurance-force.txt")
    assert not problems
    assert article.title and article.title not in article.text
    assert len(article.text) > 500


def test_jsonl_aliases_and_json_list():
    jsonl, p1 = articles_of(FORMATS / "two-articles-alias-fields.jsonl")
    listed, p2 = articles_of(FORMATS / "two-articles-list.json")
    assert not p1 and not p2
    assert len(jsonl) == 2 and len(listed) == 2
    assert all(a.text and a.published for a in jsonl + listed)
    # "5 June 2025" style dates are read too
    assert {a.published.year for a in jsonl} == {2025}


def test_folder_is_read_recursively_and_skips_readme(tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text("Title\n\nNATO ministers met in Brussels on Thursday.")
    (tmp_path / "README.md").write_text("# About this folder\n\nNot an article.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    articles, problems = articles_of(tmp_path)
    assert [a.text for a in articles] == ["NATO ministers met in Brussels on Thursday."]
    assert not problems


def test_malformed_json_line_is_reported_with_file_and_line_and_the_rest_is_read(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"url": "https://example.org/1", "text": "Leaders met in Paris.", "date": "2025-03-27"})
    path.write_text(good + "\n{not json\n" + good.replace("/1", "/2") + "\n")
    articles, problems = articles_of(path)
    assert [a.url for a in articles] == ["https://example.org/1", "https://example.org/2"]
    assert len(problems) == 1 and problems[0].line == 2
    assert str(problems[0]).startswith(f"{path}:2: malformed JSON")


def test_binary_empty_and_undecodable_files_are_not_articles(tmp_path: Path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (tmp_path / "empty.md").write_text("   \n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    articles, problems = articles_of(tmp_path)
    assert not articles
    messages = sorted(str(p) for p in problems)
    assert any("bin.txt: binary file" in m for m in messages)
    assert any("empty.md: empty file" in m for m in messages)
    assert any("latin1.txt: not UTF-8" in m for m in messages)


def test_record_without_text_is_a_problem_and_a_bad_date_only_a_warning(tmp_path: Path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"title": "no body"}\n{"text": "ok", "date": "not a date at all"}\n{"text": "ok 2", "date": "2025-02-30"}\n')
    items = list(read_inputs([path]))
    problems = [i.problem for i in items if i.problem]
    articles = [i for i in items if i.article]
    assert [p.line for p in problems] == [1]
    assert "no article text" in problems[0].message
    assert [a.article.published for a in articles] == [None, None]
    assert [w.line for a in articles for w in a.warnings] == [2, 3]
    assert all("without a date" in w.message for a in articles for w in a.warnings)


def test_stdin_is_sniffed():
    data = json.dumps({"content": "Starmer hosted a video call.", "published_at": "2025-03-15T10:00:00Z", "link": "https://e.org/x"})
    [article], problems = articles_of("-", stdin=io.BytesIO(data.encode()))
    assert not problems
    assert article.url == "https://e.org/x" and article.published == dt.date(2025, 3, 15)


def test_article_id_is_stable_and_given_id_wins():
    a = article_from_record({"url": "https://e.org/a", "text": "x"})
    b = article_from_record({"url": "https://e.org/a", "text": "x"})
    c = article_from_record({"id": "mine", "url": "https://e.org/a", "text": "x"})
    assert a.id == b.id and c.id == "mine"


def test_missing_path_is_a_problem():
    _, problems = articles_of("/nonexistent/articles")
    assert problems and "no such file" in problems[0].message


def test_windows_line_endings_are_normalised():
    [item] = list(read_bytes(b'{"text": "one\\r\\ntwo"}', "x.json", ".json"))
    assert item.article.text == "one\ntwo"


def test_files_without_urls_in_different_subfolders_are_different_articles(tmp_path: Path):
    for sub, city in (("a", "Paris"), ("b", "London")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(f"Summit\n\nLeaders met in {city} on Thursday.")
    articles, _ = articles_of(tmp_path)
    assert sorted(a.id for a in articles) == ["a/report", "b/report"]
    [single], _ = articles_of(tmp_path / "a" / "report.txt")
    assert single.id == "report"
