"""Properties the fuzz suite checks, shared by tests/test_fuzz.py (a short profile) and scripts/fuzz.py (10^5 inputs).

Inputs are built to hurt: hostile JSON values (huge and non-finite numbers, deep nesting, lone surrogates,
NUL, U+2028), odd bytes (BOMs, UTF-16, binary) and any text, in every format the readers know.
"""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

from coalition_graph.loaders.readers import Limits, read_bytes

SENTENCES = [
    "Emmanuel Macron hosted a summit in Paris on 27 March 2025.",
    "Keir Starmer said Britain would give £1.6bn to Ukraine.",
    "NATO defence ministers met in Brussels on Thursday.",
    "Germany pledged €2bn in military aid at the Ramstein meeting.",
    "Volodymyr Zelenskyy attended the talks in London.",
    "Mr. Rutte said: \"We stand with Ukraine.\"",
]
HOSTILE_STRINGS = ["\ud800", "\x00", "\u2028", "\ufeff", "*a *a *a", "**x", "[a](", "<script>x</script>",
                   "javascript:alert(1)", "Mr. Mr. Mr.", "2025-02-30", "yesterday", "\t", "\r\n", "é"]
SUFFIXES = [".jsonl", ".json", ".md", ".txt", ".html", None]

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40), st.sampled_from(HOSTILE_STRINGS))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                           max_leaves=12)
article_texts = st.one_of(
    st.lists(st.sampled_from(SENTENCES + HOSTILE_STRINGS), min_size=1, max_size=6).map(" ".join),
    st.text(max_size=200))
records = st.fixed_dictionaries(
    {"text": article_texts},
    optional={"title": json_values, "url": json_values, "published": json_values, "date": json_values,
              "publisher": json_values, "id": json_values, "content": json_values})


def _json_line(record) -> str:
    return json.dumps(record, ensure_ascii=False, allow_nan=True)


deep_line = st.integers(min_value=900, max_value=3000).map(lambda n: "[" * n + "]" * n)
huge_int_line = st.integers(min_value=4301, max_value=6000).map(lambda n: '{"text": "x", "n": ' + "9" * n + "}")
jsonl_lines = st.one_of(records.map(_json_line), json_values.map(_json_line), st.text(max_size=60),
                        deep_line, huge_int_line, st.just("\x00\x00"))


@st.composite
def jsonl_files(draw) -> tuple[bytes, list[str]]:
    lines = draw(st.lists(jsonl_lines, min_size=1, max_size=8))
    return "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines).encode("utf-8", "surrogatepass"), lines


any_bytes = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.sampled_from(["utf-16", "utf-32", "utf-16-le", "utf-8-sig"]), article_texts).map(lambda p: p[1].encode(p[0], "surrogatepass")),
    jsonl_files().map(lambda f: f[0]),
)


def check_read(data: bytes, suffix: str | None) -> int:
    """Reading never raises; each item is one article or one problem; articles are within limits and storable."""
    limits = Limits.from_env()
    items = list(read_bytes(data, "fuzz" + (suffix or ""), suffix, doc_id="fuzz"))
    assert items, "every input gives at least an article or a problem"
    for item in items:
        assert (item.article is None) != (item.problem is None)
        if item.problem is not None:
            assert "internal error" not in item.problem.message, item.problem
            assert "\n" not in str(item.problem)
        else:
            art = item.article
            assert 0 < len(art.text) <= limits.max_article_chars
            for value in (art.text, art.title, art.url, art.publisher, art.id):
                if value is not None:
                    value.encode("utf-8")  # no lone surrogates reach the store
            assert "\x00" not in art.text
    return len(items)


def check_jsonl_accounts_for_every_line(data: bytes, lines: list[str]) -> None:
    items = list(read_bytes(data, "fuzz.jsonl", ".jsonl"))
    non_blank = sum(1 for line in data.splitlines() if line.decode("utf-8", "replace").strip())
    assert len(items) == max(non_blank, 1), "one article or one problem per line (an empty file is one), none lost"
    good = sum(1 for i in items if i.article)
    assert good + sum(1 for i in items if i.problem) == len(items)
    lines_named = [i.problem.line for i in items if i.problem and i.problem.line]
    assert len(lines_named) == len(set(lines_named)), "no line reported twice"


def write_inputs(folder: Path, files: list[tuple[bytes, str]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (data, suffix) in enumerate(files):
        path = folder / f"input-{n}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths
