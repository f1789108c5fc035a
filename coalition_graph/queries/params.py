"""`coalition query --file q.cypher --param name=value`: the language of a query file, and typed parameters.

Parameters are typed as cypher-shell reads them: `42` and `2.5` are numbers, `true`/`false` booleans,
`2025-03-27` a date, `[1, "a"]` a list (JSON), `"42"` a string; anything else is a string.
Cypher gets them as `$name` parameters. SPARQL gets them as a VALUES block after the query, which binds
`?name` on any SPARQL 1.1 engine (embedded or a server); a list gives one row per item.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path
from typing import Any

from coalition_graph.errors import UsageError

SUFFIX_LANGUAGE = {".cypher": "cypher", ".cql": "cypher", ".cyp": "cypher", ".rq": "sparql", ".sparql": "sparql",
                   ".srq": "sparql"}
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPARQL_START = re.compile(r"^\s*(?:#[^\n]*\n\s*)*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_CYPHER_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)
# SPARQL's own lexis: long and short strings, IRIs (`<https://…>`, which may hold `//` and `#`) and `#` comments.
# `//` starts no comment in SPARQL, so a `?var` after `https://` on the same line is still a variable.
_SPARQL_STRINGS_IRIS_AND_COMMENTS = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\"{}|^`\\\s]*>|#[^\n]*", re.DOTALL)


def language_of(path: str | Path | None, text: str, flag: str | None = None) -> str:
    """cypher or sparql: the flag, else the file's extension, else (stdin, other names) the text's first keyword."""
    if flag:
        return flag
    suffix = Path(str(path)).suffix.lower() if path not in (None, "-") else ""
    if suffix in SUFFIX_LANGUAGE:
        return SUFFIX_LANGUAGE[suffix]
    return "sparql" if _SPARQL_START.match(text) else "cypher"


def parse_value(text: str) -> Any:
    """A parameter's text as the typed value it reads as."""
    stripped = text.strip()
    if ISO_DATE.match(stripped):
        try:
            return dt.date.fromisoformat(stripped)
        except ValueError:
            raise UsageError(f"--param: {stripped!r} looks like a date but is not one (YYYY-MM-DD)") from None
    if stripped[:1] in "[{\"" or stripped in ("true", "false", "null") or re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", stripped):
        try:
            value = json.loads(stripped)
        except json.JSONDecodeError:
            return text
        if isinstance(value, dict):
            raise UsageError(f"--param: maps are not supported as parameters, got {stripped!r}")
        return [parse_value(v) if isinstance(v, str) else v for v in value] if isinstance(value, list) else value
    return text


def parse_params(items: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """`("donor=FRA", "min=1e9")` → `{"donor": "FRA", "min": 1000000000.0}`."""
    params: dict[str, Any] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not NAME.match(name):
            raise UsageError(f"--param wants NAME=VALUE (a name of letters, digits and _), got {item!r}")
        params[name] = parse_value(value)
    return params


def cypher_parameters(text: str) -> set[str]:
    """The `$name` parameters a Cypher query uses (not those inside strings or comments)."""
    return set(_CYPHER_PARAM.findall(_STRINGS_AND_COMMENTS.sub(" ", text)))


def check_cypher(text: str, params: dict[str, Any]) -> None:
    """An unset parameter is an error, not a query that quietly matches nothing."""
    missing = sorted(cypher_parameters(text) - set(params))
    if missing:
        raise UsageError(f"the query uses {', '.join('$' + m for m in missing)} but no value was given: "
                         f"add --param {missing[0]}=VALUE")
    unused = sorted(set(params) - cypher_parameters(text))
    if unused:
        raise UsageError(f"--param {unused[0]}: the query has no ${unused[0]}")


def sparql_term(value: Any) -> str:
    from coalition_graph.queries.named import sparql_string

    xsd = "http://www.w3.org/2001/XMLSchema#"
    if value is None:
        return "UNDEF"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f'"{value!r}"^^<{xsd}double>'
    if isinstance(value, dt.date):
        return f'"{value.isoformat()}"^^<{xsd}date>'
    text = str(value)
    if text.startswith("<") and text.endswith(">") and " " not in text:
        return text
    if re.match(r"^https?://\S+$", text):
        return f"<{text}>"
    return sparql_string(text)


def bind_sparql_values(text: str, params: dict[str, Any]) -> str:
    """The query with a trailing VALUES block binding each parameter's variable (a list: one row per item)."""
    if not params:
        return text
    used = {m.lower() for m in re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", _SPARQL_STRINGS_IRIS_AND_COMMENTS.sub(" ", text))}
    unused = sorted(n for n in params if n.lower() not in used)
    if unused:
        raise UsageError(f"--param {unused[0]}: the query has no ?{unused[0]}")
    names = list(params)
    choices = [v if isinstance(v, list) else [v] for v in params.values()]
    rows = " ".join("(" + " ".join(sparql_term(v) for v in combo) + ")" for combo in itertools.product(*choices))
    return f"{text.rstrip()}\nVALUES ({' '.join('?' + n for n in names)}) {{ {rows} }}\n"


def prepare(text: str, language: str, params: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """The text and parameters to hand a backend of `language`."""
    if language == "cypher":
        check_cypher(text, params)
        return text, params or None
    return bind_sparql_values(text, params), None
