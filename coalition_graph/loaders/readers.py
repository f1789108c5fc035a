"""Read articles from files, folders and stdin: JSONL, JSON, HTML, Markdown and plain text.

Readers only turn input into `Article` records; extraction happens elsewhere.
A problem with one input (a malformed JSON line, a binary file) is reported as an
`InputProblem` and reading goes on with the rest, unless the caller is strict. Every
input becomes articles or problems, never an exception: a bad line costs only itself,
and every input is bounded in size (`Limits`), read without backtracking regexes.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import json
import os
import re
import stat
import sys
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from coalition_graph.errors import InputError, MissingDependency
from coalition_graph.schema.models import Article
from coalition_graph.util import printable  # noqa: F401 - lives in util so the CLI gets it without the models

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


@dataclass(frozen=True)
class Limits:
    """How much one input may be; larger inputs are reported, not read. Environment variables override."""

    max_file_bytes: int = 64 * 1024 * 1024     # a file (or stdin) read whole: COALITION_MAX_FILE_MB
    max_article_chars: int = 200_000           # one article's text (news articles are well under 50,000)
    # One paragraph: extraction works sentence by sentence and a sentence of a whole book is not one a
    # reporter wrote; this bounds the time one input can take (news paragraphs are under 3,000).
    max_paragraph_chars: int = 20_000

    @classmethod
    def from_env(cls) -> "Limits":
        def number(name: str, default: int, scale: int = 1) -> int:
            raw = os.environ.get(name, "")
            try:
                return max(1, int(float(raw) * scale)) if raw.strip() else default
            except ValueError:
                return default

        return cls(number("COALITION_MAX_FILE_MB", cls.max_file_bytes, 1024 * 1024),
                   number("COALITION_MAX_ARTICLE_CHARS", cls.max_article_chars),
                   number("COALITION_MAX_PARAGRAPH_CHARS", cls.max_paragraph_chars))


@dataclass
class InputProblem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{printable(self.path)}:{self.line}" if self.line else printable(self.path)
        return f"{where}: {printable(self.message)}"

    def error(self) -> InputError:
        return InputError(self.message, path=self.path, line=self.line)


@dataclass
class ReadItem:
    """Either an article or a problem, in input order."""

    article: Article | None = None
    problem: InputProblem | None = None
    warnings: tuple[InputProblem, ...] = ()  # the article was read, but a field of it was not (a bad date)
    path: str | None = None  # where the article was read, for a problem found later (over the time limit)
    line: int | None = None


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
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"a publication date is text or a timestamp, not {type(value).__name__}")
    if isinstance(value, (int, float)):  # a Unix timestamp
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"timestamp {value!r} is out of range") from None
    text = value.strip()
    if len(text) > 100:
        raise ValueError(f"cannot read a date from {text[:40]!r}…")
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    from dateutil import parser as dateparser

    try:
        return dateparser.parse(text, fuzzy=True).date()
    except (ValueError, OverflowError, TypeError, ArithmeticError):
        raise ValueError(f"cannot read a date from {text!r}") from None


_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text every engine can store: lone surrogates (a JSON escape like \\ud800) and NUL characters replaced."""
    if "\x00" in value:
        value = value.replace("\x00", " ")
    return _SURROGATES.sub("\ufffd", value)


def _scalar(value: Any) -> str | None:
    """A metadata field as one line of text; None for a list, an object or nothing."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = " ".join(clean_text(str(value)).split())
    return text[:2000] or None


def _pick(record: dict[str, Any], field: str) -> Any:
    for name in FIELD_ALIASES[field]:
        if name in record and record[name] not in (None, ""):
            return record[name]
    return None


def article_from_record(record: Any, warnings: list[str] | None = None,
                        limits: Limits | None = None) -> Article:
    """Build an Article from a JSON object with the usual fields or their aliases.

    A missing or unusable text is a ValueError; an unreadable date or field only drops that field,
    with a message appended to `warnings`.
    """
    limits = limits or Limits.from_env()
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = _pick(record, "text")
    text = normalize_text(clean_text(text)) if isinstance(text, str) else ""
    if not text:
        raise ValueError("record has no article text (looked for: " + ", ".join(FIELD_ALIASES["text"][:4]) + ")")
    if len(text) > limits.max_article_chars:
        raise ValueError(f"article text of {len(text):,} characters is over the limit of {limits.max_article_chars:,} "
                         "(COALITION_MAX_ARTICLE_CHARS)")
    longest = max(len(paragraph) for paragraph in text.split("\n"))
    if longest > limits.max_paragraph_chars:
        raise ValueError(f"a paragraph of {longest:,} characters is over the limit of {limits.max_paragraph_chars:,} "
                         "(COALITION_MAX_PARAGRAPH_CHARS)")
    url = _scalar(_pick(record, "url"))
    publisher = _pick(record, "publisher")
    if isinstance(publisher, dict):  # schema.org style {"name": ...}
        publisher = publisher.get("name")
    raw_id = _scalar(_pick(record, "id"))
    try:
        published = parse_published(_pick(record, "published"))
    except ValueError as exc:
        published = None
        if warnings is not None:
            warnings.append(f"ingested without a date: {exc}")
    return Article(
        id=raw_id or article_id_for(url, text),
        url=url,
        title=_scalar(_pick(record, "title")),
        publisher=_scalar(publisher),
        published=published,
        text=text,
    )


def normalize_text(text: str) -> str:
    """Unify line endings and strip the ends; keep everything else so offsets mean what users see."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# ---------------------------------------------------------------- formats
# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _encoding(data: bytes) -> str:
    """UTF-8 unless a byte-order mark, or the zero bytes of ASCII text in UTF-16, say otherwise."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    head = data[:4096]
    if b"\x00" in head and len(head) >= 4:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
    return "utf-8"


def _decode(data: bytes, path: str, encoding: str) -> str:
    if encoding == "utf-8" and b"\x00" in data[:4096]:
        raise InputError("binary file, not an article", path=path)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        raise InputError(f"not {name} text (byte {exc.start}), not an article", path=path) from None


def _json_problem(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON: {exc.msg} (column {exc.colno})"
    if isinstance(exc, RecursionError):
        return "malformed JSON: nested too deeply"
    return f"malformed JSON: {str(exc)[:200]}"  # e.g. an integer of more than 4300 digits


def _json_lines(data: bytes | str) -> Iterator[tuple[int, str | None]]:
    """(line number, text) for each non-blank line; text None for a line that is not UTF-8.

    Lines are split on \\n, \\r\\n and \\r only: U+2028 inside a JSON string is not a line break, and
    one undecodable or NUL-bearing line costs only itself.
    """
    lines = data.splitlines() if isinstance(data, bytes) else re.split(r"\r\n|\r|\n", data)
    for lineno, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            if lineno == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError:
                yield lineno, None
                continue
        if line.strip():
            yield lineno, line


def _read_jsonl(data: bytes | str, path: str, doc_id: str | None = None) -> Iterator[ReadItem]:
    for lineno, line in _json_lines(data):
        if line is None:
            yield ReadItem(problem=InputProblem(path, lineno, "not UTF-8 text"))
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield ReadItem(problem=InputProblem(path, lineno, _json_problem(exc)))
            continue
        yield _record_item(record, path, lineno)


def _record_item(record: Any, path: str, line: int | None) -> ReadItem:
    warnings: list[str] = []
    try:
        article = article_from_record(record, warnings)
    except RecursionError:
        return ReadItem(problem=InputProblem(path, line, "record nested too deeply"))
    except ValueError as exc:
        msg = str(exc).splitlines()[0]
        if "validation error" in msg:  # pydantic: keep the field that failed
            msg = "invalid record: " + str(exc).splitlines()[1].strip()
        return ReadItem(problem=InputProblem(path, line, msg))
    return ReadItem(article=article, warnings=tuple(InputProblem(path, line, w) for w in warnings), path=path, line=line)


def _read_json(text: str, path: str, doc_id: str | None = None) -> Iterator[ReadItem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # A .json file that is really JSON Lines is common enough to accept.
        if exc.msg == "Extra data":
            yield from _read_jsonl(text, path)
            return
        yield ReadItem(problem=InputProblem(path, exc.lineno, _json_problem(exc)))
        return
    except (ValueError, RecursionError) as exc:
        yield ReadItem(problem=InputProblem(path, None, _json_problem(exc)))
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
        # Every pattern here stops at the next bracket or marker, so no line is scanned twice.
        line = re.sub(r"!\[[^\[\]]*\]\([^()]*\)", "", line)        # images
        line = re.sub(r"\[([^\[\]]+)\]\([^()]*\)", r"\1", line)   # links keep their text
        line = _strip_bold(line)
        line = _strip_italics(line)
        line = re.sub(r"^\s*>\s?", "", line)                      # block quotes
        body.append(line)
    yield _text_item("\n".join(body), fields, path, doc_id)


def _strip_bold(line: str) -> str:
    """`**x**` and `__x__` → x: each marker pairs with the next same marker at least one character on."""
    out, pos, dead = [], 0, set()
    while True:
        starts = [(line.find(m, pos), m) for m in ("**", "__") if m not in dead]
        starts = [(i, m) for i, m in starts if i >= 0]
        if not starts:
            break
        i, marker = min(starts)
        close = line.find(marker, i + 3)
        if close < 0:
            dead.add(marker)  # no closer after this one: none after any later one either
            continue
        out += [line[pos:i], line[i + 2:close]]
        pos = close + 2
    return "".join(out) + line[pos:]


def _strip_italics(line: str) -> str:
    """`*x*` and `_x_` → x, where the opener is not inside a word and the closer does not end in space."""
    n = len(line)

    def word(i: int) -> bool:
        return 0 <= i < n and (line[i].isalnum() or line[i] in "_*")

    openers = [i for i in range(n) if line[i] in "*_" and not word(i - 1) and i + 1 < n and not line[i + 1].isspace()]
    closers = [i for i in range(1, n) if line[i] in "*_" and not line[i - 1].isspace() and not word(i + 1)]
    out, pos = [], 0
    for i in openers:
        if i < pos:
            continue
        k = bisect_left(closers, i + 2)
        if k == len(closers):
            break  # no closer after this opener: none after a later one either
        close = closers[k]
        out += [line[pos:i], line[i + 1:close]]
        pos = close + 1
    return "".join(out) + line[pos:]


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
        except (ValueError, RecursionError):
            return ".json"
    if head.startswith("---") or head.startswith("#"):
        return ".md"
    return ".txt"


def read_bytes(data: bytes, path: str, suffix: str | None = None, doc_id: str | None = None) -> Iterator[ReadItem]:
    """Read articles from raw bytes; `suffix` picks the format, else it is sniffed.

    `doc_id` names an article that has no URL of its own (a text, Markdown or HTML file).
    Never raises: whatever the bytes, the result is articles and problems.
    """
    try:
        empty = True
        for item in _read_bytes(data, path, suffix, doc_id):
            empty = False
            yield item
        if empty:  # nothing but a byte-order mark or blank lines
            yield ReadItem(problem=InputProblem(path, None, "empty file, not an article"))
    except MissingDependency:
        raise  # the installation lacks something: not this input's fault, and every other input would fail too
    except Exception as exc:  # a bug of ours must cost one input, never the run: say so plainly
        yield ReadItem(problem=InputProblem(path, None, f"internal error reading this input ({type(exc).__name__}: {exc})"))


def _read_bytes(data: bytes, path: str, suffix: str | None, doc_id: str | None) -> Iterator[ReadItem]:
    if not data.strip():
        yield ReadItem(problem=InputProblem(path, None, "empty file, not an article"))
        return
    encoding = _encoding(data)
    fmt = suffix if suffix in READERS else None
    if fmt is None and encoding == "utf-8":
        fmt = _sniff(data[:65536].decode("utf-8", "replace"))
    if fmt in (".jsonl", ".ndjson") and encoding.startswith("utf-8"):
        yield from _read_jsonl(data, path)  # line by line: a bad line costs only itself
        return
    try:
        text = _decode(data, path, encoding)
    except InputError as exc:
        yield ReadItem(problem=InputProblem(path, None, str(exc).split(": ", 1)[-1]))
        return
    fmt = fmt or _sniff(text)
    if fmt in (".jsonl", ".ndjson"):
        yield from _read_jsonl(text, path)
        return
    yield from READERS[fmt](text, path, doc_id)


def _special(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _is_article_name(relative: Path) -> bool:
    return (relative.suffix.lower() in ARTICLE_SUFFIXES and relative.stem.upper() not in NOT_ARTICLES
            and not any(part.startswith(".") for part in relative.parts))


def walk_folder(root: Path) -> Iterator[Path | InputProblem]:
    """The article files under a folder, recursively, in name order, and a problem for each thing not read.

    Symbolic links are followed only when they stay inside the folder; special files and folders that
    cannot be read are reported, never skipped silently.
    """
    found: list[Path | InputProblem] = []
    real_root = root.resolve()

    def unreadable(exc: OSError) -> None:
        found.append(InputProblem(str(exc.filename or root), None, f"cannot read this folder: {exc.strerror}"))

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=False):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in dirs:
            link = here / name
            if link.is_symlink() and not _inside(link, real_root):
                found.append(InputProblem(str(link), None, "a link to a folder outside the folder given, not followed"))
        for name in files:
            file = here / name
            if not _is_article_name(file.relative_to(root)):
                continue
            if file.is_symlink() and not _inside(file, real_root):
                found.append(InputProblem(str(file), None, "a link to a file outside the folder given, not followed"))
                continue
            found.append(file)
    files_only = sorted(f for f in found if isinstance(f, Path))
    yield from files_only
    yield from (f for f in found if isinstance(f, InputProblem))


def _inside(link: Path, real_root: Path) -> bool:
    try:
        return link.resolve().is_relative_to(real_root)
    except (OSError, RuntimeError):  # a loop of links
        return False


def iter_input_files(path: Path) -> Iterator[Path]:
    """The article files under a path: the file itself, or a folder's files, recursively, in name order."""
    if path.is_dir():
        yield from (f for f in walk_folder(path) if isinstance(f, Path))
    else:
        yield path


def read_limited(path: Path, limits: Limits) -> bytes:
    """A regular file's bytes, at most the limit; OSError/InputError for anything else (a FIFO never blocks)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as fh:
        kind = _special(os.fstat(fd).st_mode)
        if kind:
            raise InputError(f"{kind}, not an article file")
        data = fh.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise InputError(f"over the limit of {limits.max_file_bytes // (1024 * 1024)} MB a file (COALITION_MAX_FILE_MB)")
    return data


def read_inputs(inputs: Iterable[str | Path], stdin: io.BufferedIOBase | None = None) -> Iterator[ReadItem]:
    """Read every input (a file, a folder, or '-' for stdin) into articles and problems, in order."""
    limits = Limits.from_env()
    for raw in inputs:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(limits.max_file_bytes + 1)
            if len(data) > limits.max_file_bytes:
                yield ReadItem(problem=InputProblem("<stdin>", None, f"over the limit of {limits.max_file_bytes // (1024 * 1024)} MB (COALITION_MAX_FILE_MB)"))
                continue
            yield from read_bytes(data, "<stdin>")
            continue
        path = Path(raw)
        try:
            exists = path.exists()
        except (OSError, ValueError):  # a name the system cannot even look up (too long, a NUL)
            exists = False
        if not exists:
            yield ReadItem(problem=InputProblem(str(path), None, "no such file or folder"))
            continue
        found = False
        entries = walk_folder(path) if path.is_dir() else iter([path])
        for file in entries:
            if isinstance(file, InputProblem):
                yield ReadItem(problem=file)
                continue
            found = True
            try:
                data = read_limited(file, limits)
            except OSError as exc:
                yield ReadItem(problem=InputProblem(str(file), None, f"cannot read: {exc.strerror}"))
                continue
            except InputError as exc:
                yield ReadItem(problem=InputProblem(str(file), None, str(exc)))
                continue
            # A file without a URL is known by its path inside the folder given: stable across runs,
            # and report.txt in two subfolders are two articles.
            doc_id = file.relative_to(path).with_suffix("").as_posix() if path.is_dir() else file.stem
            yield from read_bytes(data, str(file), file.suffix.lower(), doc_id)
        if not found and path.is_dir():
            yield ReadItem(problem=InputProblem(str(path), None, "no article files (.jsonl .json .html .md .txt) in this folder"))
