"""Shared helpers for the extraction tests: run extract_facts on a short text we wrote."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from coalition_graph.loaders.extract import extract_facts
from coalition_graph.schema.models import Article, ArticleFacts

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"


def facts(text: str, published: str = "2025-03-28", aid: str = "t1") -> ArticleFacts:
    art = Article(id=aid, url=f"https://example.org/{aid}", published=dt.date.fromisoformat(published), text=text)
    return extract_facts(art)


def fixture(name: str) -> tuple[ArticleFacts, dict]:
    """A fixture article (tests/fixtures/extract/NAME.json): its facts and the expected ones."""
    d = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return facts(d["text"], d["published"], d["id"]), d["expected"]


def evidence_ok(f: ArticleFacts) -> None:
    """Every fact's evidence is the exact sentence at its offsets, with a rule name."""
    text = f.article.text
    items = [*f.meetings, *f.attendances, *f.pledges, *f.statements, *f.offices]
    for item in items:
        assert item.evidence, item
        for ev in item.evidence:
            assert text[ev.start:ev.end] == ev.sentence
            assert ev.rule and ev.article_id == f.article.id
