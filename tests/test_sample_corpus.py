"""The bundled sample corpus: twelve articles in the gold format of shared/eval/GUIDELINES.md.

These files are both the input of the README's main command and a second scored
corpus, so a broken evidence string or an unknown code would silently spoil
either use; this checks the shape, the codes and that every cited string is in
the text.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from coalition_graph.schema.models import Article

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "coalition_graph" / "sample"
FORMATS_DIR = Path(__file__).resolve().parent / "fixtures" / "formats"
SAMPLE_FILES = sorted(SAMPLE_DIR.glob("*.json"))

TOP_KEYS = {"id", "url", "publisher", "title", "published", "text", "gold"}
GOLD_KEYS = {"meetings", "attendance", "pledges", "statements", "roles"}
MEETING_KEYS = {"key", "name", "kind", "start", "end", "city", "country", "mode", "evidence"}
ATTENDANCE_KEYS = {"meeting", "person", "country", "organization", "role", "status", "evidence"}
PLEDGE_KEYS = {"donor", "donor_person", "recipient", "amount", "currency", "what", "kind", "announced", "meeting", "evidence"}
STATEMENT_KEYS = {"speaker", "date", "meeting", "quote", "direct"}
ROLE_KEYS = {"person", "role", "of"}

MEETING_KINDS = {"summit", "ministerial", "contact-group", "video-call", "conference", "bilateral", "other"}
MODES = {"in-person", "virtual", "hybrid", None}
PRECISIONS = {"day", "week", "month"}
ATTENDANCE_ROLES = {"host", "chair", "participant"}
ATTENDANCE_STATUSES = {"attended", "expected", "absent"}
PLEDGE_KINDS = {"military", "financial", "humanitarian", "reconstruction", "troops", "other"}
# Organization names as the guidelines write them (common short English name).
ORGANIZATIONS = {
    "NATO", "European Union", "European Commission", "European Council", "European Parliament",
    "Coalition of the Willing", "Ukraine Defense Contact Group", "G7", "United Nations", "European Investment Bank",
}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def is_iso3(code: object) -> bool:
    return isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code) is not None and pycountry.countries.get(alpha_3=code) is not None


def is_actor(name: object) -> bool:
    """A donor, recipient or office's `of`: an ISO3 country code or a known organization name."""
    return is_iso3(name) or name in ORGANIZATIONS


def is_date(value: object) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    dt.date.fromisoformat(value)
    return True


def test_sample_has_twelve_articles_with_unique_ids_and_urls():
    assert len(SAMPLE_FILES) == 12
    assert [p.name[:3] for p in SAMPLE_FILES] == [f"{n:02d}-" for n in range(1, 13)]
    docs = [load(p) for p in SAMPLE_FILES]
    assert len({d["id"] for d in docs}) == 12
    assert len({d["url"] for d in docs}) == 12


def test_sample_ships_inside_the_package():
    """The README's main command ingests the sample from the installed package, not from a checkout."""
    shipped = {p.name for p in (resources.files("coalition_graph") / "sample").iterdir()}
    assert {p.name for p in SAMPLE_FILES} <= shipped
    assert "README.md" in shipped


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_article_shape(path: Path):
    doc = load(path)
    assert set(doc) == TOP_KEYS
    assert set(doc["gold"]) == GOLD_KEYS
    slug = path.stem[3:]
    assert doc["url"] == f"https://sample.coalition-graph.invalid/2025/{slug}"
    assert doc["publisher"] == "Coalition Graph sample"
    assert doc["title"].strip()
    assert is_date(doc["published"])
    assert dt.date(2025, 1, 1) <= dt.date.fromisoformat(doc["published"]) <= dt.date(2025, 12, 31)
    paragraphs = doc["text"].split("\n\n")
    assert 4 <= len(paragraphs) <= 8
    assert all(p.strip() == p and p and "\n" not in p for p in paragraphs)
    assert 150 <= len(doc["text"].split()) <= 350
    # the project's own model accepts it as an article
    article = Article(**{k: doc[k] for k in ("id", "url", "title", "publisher", "published", "text")})
    assert article.published.isoformat() == doc["published"]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_gold_is_valid(path: Path):
    doc = load(path)
    text, gold = doc["text"], doc["gold"]
    published = dt.date.fromisoformat(doc["published"])

    keys = [m["key"] for m in gold["meetings"]]
    assert len(keys) == len(set(keys)), "meeting keys must be unique"
    meetings = set(keys)
    for m in gold["meetings"]:
        assert MEETING_KEYS <= set(m) <= MEETING_KEYS | {"date_precision"}
        assert m["kind"] in MEETING_KINDS and m["mode"] in MODES
        assert m.get("date_precision", "day") in PRECISIONS
        for field in ("start", "end"):
            assert m[field] is None or is_date(m[field])
        if m["start"] and m["end"]:
            assert m["end"] >= m["start"]
        if m["start"]:  # every dated meeting the sample mentions is in 2025
            assert dt.date.fromisoformat(m["start"]).year == 2025
        assert m["country"] is None or is_iso3(m["country"])
        assert m["evidence"] in text

    for a in gold["attendance"]:
        assert set(a) == ATTENDANCE_KEYS
        assert a["meeting"] in meetings
        assert a["person"] or a["country"] or a["organization"]
        assert a["country"] is None or is_iso3(a["country"])
        assert a["organization"] is None or a["organization"] in ORGANIZATIONS
        assert a["role"] in ATTENDANCE_ROLES and a["status"] in ATTENDANCE_STATUSES
        assert a["evidence"] in text

    for p in gold["pledges"]:
        assert set(p) == PLEDGE_KEYS
        assert is_actor(p["donor"]), p["donor"]
        assert p["recipient"] is None or is_actor(p["recipient"])
        assert p["kind"] in PLEDGE_KINDS and p["what"].strip()
        if p["amount"] is None:
            assert p["currency"] is None
        else:
            assert isinstance(p["amount"], (int, float)) and p["amount"] > 0
            assert pycountry.currencies.get(alpha_3=p["currency"]) is not None, p["currency"]
        assert p["announced"] is None or (is_date(p["announced"]) and p["announced"] <= doc["published"])
        assert p["meeting"] is None or p["meeting"] in meetings
        assert p["evidence"] in text

    for s in gold["statements"]:
        assert set(s) == STATEMENT_KEYS
        assert s["speaker"].strip()
        assert s["quote"] in text
        assert 6 <= len(s["quote"].split()) <= 15
        assert isinstance(s["direct"], bool)
        assert s["date"] is None or dt.date.fromisoformat(s["date"]) <= published
        assert s["meeting"] is None or s["meeting"] in meetings

    for r in gold["roles"]:
        assert set(r) == ROLE_KEYS
        assert r["person"].strip() and r["role"].strip()
        assert is_actor(r["of"]), r["of"]


def test_gold_covers_every_kind_of_fact():
    """Across the sample there are pledges with and without amounts, absences, expected attendance,
    direct and reported statements, so extraction of each is exercised."""
    golds = [load(p)["gold"] for p in SAMPLE_FILES]
    pledges = [p for g in golds for p in g["pledges"]]
    attendance = [a for g in golds for a in g["attendance"]]
    statements = [s for g in golds for s in g["statements"]]
    assert {p["currency"] for p in pledges} >= {"GBP", "EUR", "NOK", "CAD"}
    assert any(p["amount"] is None for p in pledges)
    assert any(not is_iso3(p["donor"]) for p in pledges)  # an organization as donor
    assert {a["status"] for a in attendance} == ATTENDANCE_STATUSES
    assert {a["role"] for a in attendance} == ATTENDANCE_ROLES
    assert {s["direct"] for s in statements} == {True, False}
    assert sum(len(g["meetings"]) for g in golds) >= 30


# ---------------------------------------------------------------- the same articles in other formats
def sample_text(number: int) -> str:
    return load(SAMPLE_FILES[number - 1])["text"]


def test_format_fixtures_carry_the_sample_texts():
    """The loader fixtures repeat sample articles 03, 06 and 10 in other formats; keep them in step."""
    paragraphs_03 = sample_text(3).split("\n\n")
    html = (FORMATS_DIR / "paris-summit-reassurance-force.html").read_text(encoding="utf-8")
    assert all(p.replace("\"", "&quot;") in html or p in html for p in paragraphs_03)

    md = (FORMATS_DIR / "udcg-nato-hq-june-hegseth-absent.md").read_text(encoding="utf-8")
    assert md.startswith("# ") and sample_text(6) in md

    txt = (FORMATS_DIR / "paris-summit-26-countries-reassurance-force.txt").read_text(encoding="utf-8")
    assert sample_text(10) in txt

    lines = (FORMATS_DIR / "two-articles-alias-fields.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert len(records) == 2
    assert all("text" not in r and "published" not in r and "date" in r for r in records)
    assert [r.get("content") or r.get("body") for r in records] == [sample_text(3), sample_text(6)]

    listed = json.loads((FORMATS_DIR / "two-articles-list.json").read_text(encoding="utf-8"))
    assert isinstance(listed, list) and [r["text"] for r in listed] == [sample_text(6), sample_text(10)]
