"""Stable ids: the same real thing gets the same id in every run and from every article.

Ids are slash paths (`country/FRA`, `person/emmanuel-macron`, `meeting/2025-03-27/summit/paris`)
so they read well in query output and map one-to-one onto RDF IRIs.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata


def slug(text: str | None, max_len: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens: 'Zelenskyy, Volodymyr' → 'zelenskyy-volodymyr'."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text.lower()).strip("-")
    return text[:max_len].rstrip("-")


def digest(*parts: object, length: int = 16) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def country_id(iso3: str) -> str:
    return f"country/{iso3.upper()}"


def person_id(key: str, wikidata: str | None = None) -> str:
    return f"person/{wikidata or key}"


def organization_id(key: str) -> str:
    return f"org/{key}"


def article_id(raw_id: str) -> str:
    s = slug(raw_id, max_len=80)
    return f"article/{s}" if s and len(s) >= len(raw_id) - 2 else f"article/{s[:40]}-{digest(raw_id, length=8)}"


def date_part(date: dt.date | None, precision: str = "day") -> str:
    if date is None:
        return "undated"
    return date.strftime("%Y-%m") if precision == "month" else date.isoformat()


def meeting_id(kind: str, start: dt.date | None, precision: str, place: str | None, name: str) -> str:
    """From kind, date and place (the name stands in for a place that is unknown)."""
    where = slug(place) or slug(name, max_len=40) or "unknown"
    return f"meeting/{date_part(start, precision)}/{kind}/{where}"


def pledge_id(donor: str, amount: float | None, currency: str | None, announced: dt.date | None, what: str | None) -> str:
    """From donor, amount, currency and date; a pledge without an amount by what it is."""
    if amount is not None:
        size = f"{amount:.0f}" if float(amount).is_integer() else f"{amount:g}"
        value = f"{size}-{currency or 'XXX'}"
    else:
        value = slug(what, max_len=40) or "unspecified"
    return f"pledge/{donor.split('/', 1)[-1]}/{date_part(announced)}/{value}"


def statement_id(speaker_id: str, text: str) -> str:
    normalized = re.sub(r"\W+", " ", text.lower()).strip()
    return f"statement/{digest(speaker_id, normalized)}"


def edge_id(rel_type: str, src: str, dst: str, *qualifiers: object) -> str:
    return f"{rel_type.lower()}/{digest(src, dst, *qualifiers)}"
