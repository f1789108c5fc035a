"""Read articles from files, folders and stdin: JSONL, JSON, HTML, Markdown and plain text.

Readers only turn input into `Article` records; extraction happens elsewhere.
A problem with one input (a malformed JSON line, a binary file) is reported as an
`InputProblem` and reading goes on with the rest, unless the caller is strict.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from coalition_graph.errors import InputError
from coalition_graph.schema.models import Article

ARTICLE_SUFFIXES = {".jsonl", ".ndjson", ".json", ".txt", ".md", ".markdown", ".html", ".htm"}

# Documentation files that sit beside articles in a folder; read only when named explicitly.
NOT_ARTICLES = {"README", "LICENSE", "CHANGELOG", "CONTRIBUTING"}

# Field names seen in the wild for the same thing; the first present wins.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "full_text", "fulltext", "article_text", "maintext", "description"),
    "title": ("title", "headline", "name"),
    "published": ("published", "date", "published_at", "publication_date", "datePublished", "pubDate", "pub_date", "date_publish", "created_at", "time"),
    "publisher": ("publisher", "source", "outlet", "site_name", "sitename", "site", "domain"),
    "url": ("url", "link", "source_url", "href", "uri"),
    "id": ("id", "article_id", "doc_id", "uid", "guid"),
}


@dataclass
class InputProblem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def error(self) -> InputError:
        return InputError(self.message, path=self.path, line=self.line)


@dataclass
class ReadItem:
    """Either an article or a problem, in input order."""

    article: Article | None = None
    problem: InputProblem | None = None


def article_id_for(url: str | None, text: str) -> str:
    basis = url or text
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def parse_published(value: Any) -> dt.date | None:
    """A publication date from the many ways feeds write one; None when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):  # a Unix timestamp
        return dt.datetime.fromtimestamp(value, tz=dt.timezone.utc).date()
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    from dateutil import parser as dateparser

    try:
        return dateparser.parse(text, fuzzy=True).date()
    except (ValueError, OverflowError, TypeError):
        raise ValueError(f"cannot read a date from {text!r}") from None


def _pick(record: dict[str, Any], field: str) -> Any:
    for name in FIELD_ALIASES[field]:
        if name in record and record[name] not in (None, ""):
            return record[name]
    return None


def article_from_record(record: Any) -> Article:
    """Build an Article from a JSON object with the usual fields or their aliases."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = _pick(record, "text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("record has no article text (looked for: " + ", ".join(FIELD_ALIASES["text"][:4]) + ")")
    url = _pick(record, "url")
    url = str(url).strip() if url else None
    publisher = _pick(record, "publisher")
    if isinstance(publisher, dict):  # schema.org style {"name": ...}
        publisher = publisher.get("name")
    raw_id = _pick(record, "id")
    return Article(
        id=str(raw_id) if raw_id not in (None, "") else article_id_for(url, text),
        url=url,
        title=str(_pick(record, "title")).strip() if _pick(record, "title") else None,
        publisher=str(publisher).strip() if publisher else None,
        published=parse_published(_pick(record, "published")),
        text=normalize_text(text),
    )


def normalize_text(text: str) -> str:
    """Unify line endings and strip the ends; keep everything else so offsets mean what users see."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# ---------------------------------------------------------------- formats
def _decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise InputError("empty file, not an article", path=path)
    if b"\x00" in data[:4096]:
        raise InputError("binary file, not an article", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start}), not an article", path=path) from None


def _read_jsonl(text: str, path: str, doc_id: str | None = None) -> Iterator[ReadItem]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadItem(problem=InputProblem(path, lineno, f"malformed JSON: {exc.msg} (column {exc.colno})"))
            continue
        yield _record_item(record, path, lineno)


def _record_item(record: Any, path: str, line: int | None) -> ReadItem:
    try:
        return ReadItem(article=article_from_record(record))
    except ValueError as exc:
        msg = str(exc).splitlines()[0]
        if "validation error" in msg:  # pydantic: keep the field that failed
            msg = "invalid record: " + str(exc).splitlines()[1].strip()
        return ReadItem(problem=InputProblem(path, line, msg))


def _read_json(text: str, path: str, doc_id: str | None = None) -> Iterator[ReadItem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # A .json file that is really JSON Lines is common enough to accept.
        if exc.msg == "Extra data":
            yield from _read_jsonl(text, path)
            return
        yield ReadItem(problem=InputProblem(path, exc.lineno, f"malformed JSON: {exc.msg} (column {exc.colno})"))
        return
    if isinstance(data, dict) and not _pick(data, "text"):
        for key in ("articles", "items", "data", "records", "results"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        yield _record_item(record, path, index if isinstance(data, list) else None)


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_HEADER_LINE = re.compile(r"^(title|date|published|publisher|source|url|link|author)\s*:\s*(.+)$", re.I)


def _header_fields(lines: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in lines:
        m = _HEADER_LINE.match(line.strip())
        if m:
            fields[m[1].lower()] = m[2].strip().strip('"').strip("'")
    return fields


def _read_markdown(text: str, path: str, doc_id: str | None = None) -> Iterator[ReadItem]:
    fields: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        fields = _header_fields(m[1].splitlines())
        text = text[m.end():]
    lines = text.splitlines()
    body: list[str] = []
    for line in lines:
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        if heading and "title" not in fields:
            fields["title"] = heading[1].strip()
            continue
        header = _HEADER_LINE.match(re.sub(r"[*_]", "", line.strip()))
        if header and not any(b.strip() for b in body) and header[1].lower() not in fields:
            fields[header[1].lower()] = header[2].strip()
            continue
        if heading:
            line = heading[1]
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)          # images
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)      # links keep their text
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)           # bold
        line = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", line)  # italics
        line = re.sub(r"^\s*>\s?", "", line)                      # block quotes
        body.append(line)
    yield _text_item("\n".join(body), fields, path, doc_id)


def _read_text(text: str, path: str, doc_id: str | None = None) -> Iterator[ReadItem]:
    lines = text.splitlines()
    fields = _header_fields(lines[:6])
    body_start = 0
    while body_start < len(lines) and (_HEADER_LINE.match(lines[body_start].strip()) or not lines[body_start].strip()):
        body_start += 1
    lines = lines[body_start:]
    # A short first line followed by a blank line is a title.
    if "title" not in fields and len(lines) > 2 and 0 < len(lines[0]) < 160 and not lines[1].strip():
        fields["title"] = lines[0].strip()
        lines = lines[2:]
    yield _text_item("\n".join(lines), fields, path, doc_id)


def _text_item(body: str, fields: dict[str, str], path: str, doc_id: str | None) -> ReadItem:
    record: dict[str, Any] = {"text": body, **fields}
    if not fields.get("date") and not fields.get("published"):
        m = re.search(r"(\d{4}-\d{2}-\d{2})", Path(path).name)
        if m:
            record["published"] = m[1]
    if "url" not in fields and "link" not in fields and doc_id:
        record["id"] = doc_id
    return _record_item(record, path, None)


def _read_html(text: str, path: str, doc_id: str | None = None) -> Iterator[ReadItem]:
    try:
        import trafilatura
    except ImportError:
        from coalition_graph.errors import MissingDependency

        raise MissingDependency("reading HTML pages needs trafilatura: pip install 'coalition-graph[html]'") from None

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        yield ReadItem(problem=InputProblem(path, None, "no article text found in the HTML page"))
        return
    text = doc.text
    if doc.title and text.startswith(doc.title):  # the page's <h1> repeats the title
        text = text[len(doc.title):].lstrip()
    record = {
        "text": text,
        "title": doc.title,
        "published": doc.date,
        "publisher": doc.sitename or doc.hostname,
        "url": doc.url,
    }
    if not doc.url and doc_id:
        record["id"] = doc_id
    yield _record_item(record, path, None)


READERS = {
    ".jsonl": _read_jsonl,
    ".ndjson": _read_jsonl,
    ".json": _read_json,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".txt": _read_text,
    ".html": _read_html,
    ".htm": _read_html,
}


def _sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith("<"):
        return ".html"
    if head.startswith("["):
        return ".json"
    if head.startswith("{"):
        first = text.lstrip().splitlines()[0]
        try:
            json.loads(first)
            return ".jsonl"
        except json.JSONDecodeError:
            return ".json"
    if head.startswith("---") or head.startswith("#"):
        return ".md"
    return ".txt"


def read_bytes(data: bytes, path: str, suffix: str | None = None, doc_id: str | None = None) -> Iterator[ReadItem]:
    """Read articles from raw bytes; `suffix` picks the format, else it is sniffed.

    `doc_id` names an article that has no URL of its own (a text, Markdown or HTML file).
    """
    try:
        text = _decode(data, path)
    except InputError as exc:
        yield ReadItem(problem=InputProblem(path, None, str(exc).split(": ", 1)[-1]))
        return
    fmt = suffix if suffix in READERS else _sniff(text)
    yield from READERS[fmt](text, path, doc_id)


def iter_input_files(path: Path) -> Iterator[Path]:
    """The article files under a path: the file itself, or a folder's files, recursively, in name order."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if (child.suffix.lower() in ARTICLE_SUFFIXES and child.stem.upper() not in NOT_ARTICLES
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)):
                yield child
    else:
        yield path


def read_inputs(inputs: Iterable[str | Path], stdin: io.BufferedIOBase | None = None) -> Iterator[ReadItem]:
    """Read every input (a file, a folder, or '-' for stdin) into articles and problems, in order."""
    for raw in inputs:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), "<stdin>")
            continue
        path = Path(raw)
        if not path.exists():
            yield ReadItem(problem=InputProblem(str(path), None, "no such file or folder"))
            continue
        found = False
        for file in iter_input_files(path):
            found = True
            try:
                data = file.read_bytes()
            except OSError as exc:
                yield ReadItem(problem=InputProblem(str(file), None, f"cannot read: {exc.strerror}"))
                continue
            # A file without a URL is known by its path inside the folder given: stable across runs,
            # and report.txt in two subfolders are two articles.
            doc_id = file.relative_to(path).with_suffix("").as_posix() if path.is_dir() else file.stem
            yield from read_bytes(data, str(file), file.suffix.lower(), doc_id)
        if not found:
            yield ReadItem(problem=InputProblem(str(path), None, "no article files (.jsonl .json .html .md .txt) in this folder"))
