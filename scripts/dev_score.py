#!/usr/bin/env python3
"""Score extraction on the gold corpus directly, without the store: a fast dev loop.

    .venv/bin/python scripts/dev_score.py [--corpus ../shared/eval/dev] [--article ID] [--show]
    .venv/bin/python scripts/dev_score.py --corpus coalition_graph/sample   # the sample corpus, also gold-annotated

Runs `extract_facts` on each article, turns ArticleFacts into the JSON rows the `coalition`
CLI prints (meetings, attendance, pledges, statements), and scores them with `score_article`
and `prf` from the corpus's score.py. `--show` prints system and gold facts side by side.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coalition_graph.loaders.extract import extract_facts  # noqa: E402
from coalition_graph.loaders.gazetteer import load_gazetteer  # noqa: E402
from coalition_graph.schema.models import Article, ArticleFacts  # noqa: E402

KINDS = ("meetings", "attendance", "countries", "pledges", "statements")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("coalition_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def rows(facts: ArticleFacts) -> dict[str, list[dict]]:
    """ArticleFacts -> the JSON contract rows of `coalition meetings|attendance|pledges|statements`."""
    gaz = load_gazetteer()
    src = [facts.article.source]
    pid = {p.key: p for p in facts.persons}
    mid = {m.key: f"meeting/{m.key}" for m in facts.meetings}
    meetings = [{"id": mid[m.key], "name": m.name, "kind": m.kind, "start": str(m.start) if m.start else None,
                 "end": str(m.end) if m.end else None, "date_precision": m.date_precision, "city": m.city,
                 "country": m.country, "mode": m.mode, "sources": src} for m in facts.meetings]

    def person(key):
        if not key:
            return None
        p = pid.get(key)
        return {"id": f"person/{key}", "name": p.name if p else key}

    def actor(a):
        if a is None:
            return None
        if a.kind == "country":
            return {"name": gaz.country_name(a.key), "iso3": a.key}
        return {"name": gaz.org_name(a.key), "iso3": None}

    attendance = [{"meeting": {"id": mid[a.meeting]}, "person": person(a.person), "country": a.country,
                   "organization": gaz.org_name(a.organization) if a.organization else None, "role": a.role,
                   "status": a.status, "sources": src} for a in facts.attendances]
    pledges = [{"id": p.key, "donor": actor(p.donor), "recipient": actor(p.recipient), "amount": p.amount,
                "currency": p.currency, "amount_eur": p.amount_eur, "what": p.what, "kind": p.kind,
                "announced": str(p.announced) if p.announced else None,
                "meeting": {"id": mid[p.meeting]} if p.meeting else None, "sources": src} for p in facts.pledges]
    statements = [{"id": s.key, "speaker": person(s.speaker), "text": s.text, "date": str(s.date) if s.date else None,
                   "direct": s.direct, "meeting": {"id": mid[s.meeting]} if s.meeting else None, "sources": src}
                  for s in facts.statements]
    return {"meetings": meetings, "attendance": attendance, "pledges": pledges, "statements": statements}


def cli_ordered(meetings: list[dict]) -> list[dict]:
    """Meetings sorted as `coalition meetings` sorts them: by start date (undated last; a month-precision date
    before the days of its month), then the store's meeting id (coalition_graph/queries/named.py)."""
    import datetime as dt

    from coalition_graph.graph.ids import meeting_id

    def key(m: dict):
        start = dt.date.fromisoformat(m["start"]) if m["start"] else None
        mid = meeting_id(m["kind"], start, m["date_precision"] or "day", m["city"] or m["country"], m["name"] or "")
        return (m["start"] or "9999-99-99", {"year": 0, "month": 1}.get(m["date_precision"] or "", 2), mid)

    return sorted(meetings, key=key)


def show(doc: dict, sys_rows: dict) -> None:
    g = doc["gold"]
    print(f"\n##### {doc['id']} ({doc['published']})")
    print("-- meetings  gold:")
    for m in g.get("meetings", []):
        print(f"   {m['key']} {m.get('start')} {m.get('city')} {m['kind']} | {m['name']}")
    print("   system:")
    for m in sys_rows["meetings"]:
        print(f"   {m['id']} {m['start']} {m['city']} {m['kind']} {m['mode']} | {m['name']}")
    print("-- attendance gold:")
    for a in g.get("attendance", []):
        print(f"   {a['meeting']} {a.get('person')} {a.get('country')} {a['role']} {a['status']}")
    print("   system:")
    for a in sys_rows["attendance"]:
        print(f"   {a['meeting']['id']} {(a['person'] or {}).get('name')} {a['country']} {a['role']} {a['status']}")
    print("-- pledges gold:")
    for p in g.get("pledges", []):
        print(f"   {p['donor']} {p.get('amount')} {p.get('currency')} | {p.get('what')}")
    print("   system:")
    for p in sys_rows["pledges"]:
        print(f"   {p['donor']['iso3'] or p['donor']['name']} {p['amount']} {p['currency']} | {(p['what'] or '')[:70]}")
    print("-- statements gold:")
    for s in g.get("statements", []):
        print(f"   {s['speaker']}: {s['quote'][:80]}")
    print("   system:")
    for s in sys_rows["statements"]:
        print(f"   {s['speaker']['name']}: {'D' if s['direct'] else 'R'} {s['text'][:100]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py",
                    help="the score.py whose score_article/prf to use")
    ap.add_argument("--article", help="only articles whose id contains this")
    ap.add_argument("--show", action="store_true", help="print system and gold facts")
    ap.add_argument("--half", choices=["A", "B"], help="one of the scorer's two fixed halves (read errors only in A)")
    ap.add_argument("--json", type=Path, help="write the totals here")
    ap.add_argument("--cli-order", action="store_true",
                    help="list meetings in the order the CLI prints them (start date, then store id), as the real "
                         "scorer sees them: its greedy matching breaks ties between meetings of the same city within "
                         "a day by list position, so the order changes which meeting attendance lands on")
    a = ap.parse_args()
    scorer = load_scorer(a.scorer)
    docs = scorer.load_corpus(a.corpus)
    if a.half:
        half = scorer.halves(docs)
        docs = [d for d in docs if half[d["id"]] == a.half]
    if a.article:
        docs = [d for d in docs if a.article in d["id"]]
    totals = {k: [0, 0, 0] for k in KINDS}
    t0 = time.perf_counter()
    load_gazetteer()
    for d in docs:
        art = Article(id=d["id"], url=d.get("url"), title=d.get("title"), publisher=d.get("publisher"),
                      published=d.get("published"), text=d["text"])
        sys_rows = rows(extract_facts(art))
        if a.cli_order:
            sys_rows["meetings"] = cli_ordered(sys_rows["meetings"])
        c = scorer.score_article(d, sys_rows)
        r = {k: scorer.prf(*c[k]) for k in KINDS}
        for k in KINDS:
            for i in range(3):
                totals[k][i] += c[k][i]
        print(f"{d['id']:<40} " + " ".join(f"{k[:4]}={r[k]['f1']:.2f}({c[k][0]}/{c[k][1]}/{c[k][2]})" for k in KINDS))
        if a.show:
            show(d, sys_rows)
    elapsed = time.perf_counter() - t0
    result = {k: scorer.prf(*totals[k]) for k in KINDS}
    print(f"\n{'kind':<11} {'P':>6} {'R':>6} {'F1':>6}   (tp/system/gold)")
    for k in KINDS:
        r = result[k]
        print(f"{k:<11} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}   ({r['tp']}/{r['system']}/{r['gold']})")
    print(f"{len(docs)} articles, extraction {elapsed:.2f} s")
    if a.json:
        a.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
