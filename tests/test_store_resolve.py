"""Issue 10: an article older than stored ones resolves again only the stored articles whose resolution it can
change (those that looked up the meetings and pledges it adds or changes), with the graph of a full re-resolution."""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from coalition_graph.graph.store import Store
from coalition_graph.schema.models import Actor, Article, ArticleFacts, Meeting, Pledge

CITIES = {"Paris": "FRA", "London": "GBR", "Rome": "ITA"}
DONORS = ["FRA", "GBR"]
NAMES = ["Coalition of the Willing summit", "Defence ministers meeting", "Leaders' talks"]
KINDS = ["summit", "bilateral", "ministerial"]


def _article(n: int, published: dt.date) -> Article:
    return Article(id=f"art-{n:03d}", url=f"https://example.org/{n}", title=f"Article {n}", published=published,
                   text=f"Article {n}.")


def _corpus(seed: int, size: int) -> tuple[list[Article], dict[str, ArticleFacts]]:
    """Articles crowded onto a few weeks, cities, kinds and donors: meetings and pledges match across articles,
    ids collide (and get a name or a counter), precisions mix, and who is first changes the ids."""
    rng = random.Random(seed)
    day0 = dt.date(2025, 3, 1)
    articles, facts = [], {}
    for n in range(size):
        published = day0 + dt.timedelta(days=rng.randrange(40))
        art = _article(n, published)
        meetings = []
        for k in range(rng.choice([0, 1, 1, 2])):
            city = rng.choice([*CITIES, None])
            precision = rng.choice(["day", "day", "day", "week", "month"])
            start = published - dt.timedelta(days=rng.randrange(5)) if rng.random() < 0.9 else None
            meetings.append(Meeting(key=f"M{k}", name=rng.choice(NAMES), kind=rng.choice(KINDS), start=start,
                                    date_precision=precision if start else "day", city=city,
                                    country=CITIES.get(city) if city else rng.choice([None, "DEU"])))
        pledges = []
        for k in range(rng.choice([0, 0, 1, 2])):
            pledges.append(Pledge(key=f"P{k}", donor=Actor(kind="country", key=rng.choice(DONORS)),
                                  recipient=Actor(kind="country", key="UKR"),
                                  amount=rng.choice([1e9, 1.005e9, 2e9, None]), currency="EUR",
                                  what=rng.choice(["air defence", "shells"]), kind="military",
                                  announced=published - dt.timedelta(days=rng.randrange(20)),
                                  meeting="M0" if meetings and rng.random() < 0.5 else None))
        articles.append(art)
        facts[art.id] = ArticleFacts(article=art, meetings=meetings, pledges=pledges)
    return articles, facts


def _records(store: Store) -> tuple[dict, dict]:
    return ({n.id: (n.label, n.props) for n in store.iter_nodes()},
            {e.id: (e.type, e.src, e.dst, e.props) for e in store.iter_edges()})


def _count_resolve_again(monkeypatch) -> list[str]:
    resolved: list[str] = []
    real = Store._resolve_again
    monkeypatch.setattr(Store, "_resolve_again", lambda self, aid, index: resolved.append(aid) or real(self, aid, index))
    return resolved


@pytest.mark.parametrize("seed", [1, 2])
def test_any_order_and_split_of_crowded_meetings_and_pledges_gives_the_forward_graph(tmp_path: Path, seed: int):
    articles, facts = _corpus(seed, 60)
    extractor = facts.__getitem__
    forward = sorted(articles, key=lambda a: (a.published, a.id))
    with Store.create(tmp_path / "forward") as store:
        store.ingest(forward, extractor=lambda a: extractor(a.id), progress=False)
        reference = _records(store)
    rng = random.Random(seed * 7)
    for variant in range(3):
        shuffled = articles[:]
        rng.shuffle(shuffled)
        batch = rng.choice([1, 3, 7, 100])
        with Store.create(tmp_path / f"v{variant}") as store:
            store.ingest(shuffled, extractor=lambda a: extractor(a.id), progress=False, batch_size=batch)
            assert store.verify() == []
            assert _records(store) == reference, (seed, variant, batch)


def test_an_older_article_about_other_meetings_resolves_no_stored_article_again(tmp_path: Path, monkeypatch):
    # stored: March 2025 in Paris and London; the late arrival is older, about a January summit in Rome and an
    # Italian pledge. It creates ids, but none that a stored article looked up: nothing is resolved again.
    day = dt.date(2025, 3, 20)
    stored = [_article(n, day + dt.timedelta(days=n)) for n in range(10)]
    facts = {a.id: ArticleFacts(article=a, meetings=[Meeting(key="M1", name="Coalition of the Willing summit",
                                                             kind="summit", start=day, city=["Paris", "London"][n % 2],
                                                             country=["FRA", "GBR"][n % 2])],
                                pledges=[Pledge(key="P1", donor=Actor(kind="country", key="FRA"), amount=1e9 * (n + 1),
                                                currency="EUR", announced=a.published)])
             for n, a in enumerate(stored)}
    old = _article(99, dt.date(2025, 1, 10))
    facts[old.id] = ArticleFacts(article=old, meetings=[Meeting(key="M1", name="Rome summit", kind="summit",
                                                                start=dt.date(2025, 1, 9), city="Rome", country="ITA")],
                                 pledges=[Pledge(key="P1", donor=Actor(kind="country", key="ITA"), amount=5e8,
                                                 currency="EUR", announced=old.published)])
    extractor = lambda a: facts[a.id]  # noqa: E731
    resolved = _count_resolve_again(monkeypatch)
    with Store.create(tmp_path / "late") as late, Store.create(tmp_path / "fresh") as fresh:
        late.ingest(stored, extractor=extractor, progress=False)
        late.ingest([old], extractor=extractor, progress=False)
        # the old way: every one of the ten stored articles resolved again, as the late one created new ids
        assert resolved == []
        fresh.ingest([old, *stored], extractor=extractor, progress=False)
        assert late.verify() == [] and _records(late) == _records(fresh)

        # an older article about the Paris summit does change who created it: the Paris articles (and only the
        # articles that looked up March meetings or French pledges) are resolved again
        paris = _article(98, dt.date(2025, 3, 19))
        facts[paris.id] = ArticleFacts(article=paris, meetings=[Meeting(
            key="M1", name="Paris summit", kind="summit", start=day, city="Paris", country="FRA")])
        late.ingest([paris], extractor=extractor, progress=False)
        assert set(resolved) <= {a.id for a in stored} and {stored[0].id} <= set(resolved)
        fresh.ingest([paris], extractor=extractor, progress=False)
        assert late.verify() == [] and _records(late) == _records(fresh)


def test_a_stored_article_resolved_again_differently_resolves_again_those_that_matched_it(tmp_path: Path, monkeypatch):
    # C (8 February) matched B's meeting (3 February, a week's precision). An older article arrives with a
    # meeting B now matches (30 January): B creates no meeting any more, so C, which never looked at January,
    # must be resolved again too (it creates its own meeting), because of what B changed.
    def summit(art: Article, day: dt.date, precision: str) -> ArticleFacts:
        return ArticleFacts(article=art, meetings=[Meeting(key="M1", name="Coalition summit", kind="summit", start=day,
                                                           date_precision=precision, city="Paris", country="FRA")])

    n, b, c = _article(1, dt.date(2025, 1, 2)), _article(2, dt.date(2025, 2, 10)), _article(3, dt.date(2025, 2, 11))
    facts = {n.id: summit(n, dt.date(2025, 1, 30), "week"), b.id: summit(b, dt.date(2025, 2, 3), "week"),
             c.id: summit(c, dt.date(2025, 2, 8), "day")}
    extractor = lambda a: facts[a.id]  # noqa: E731
    resolved = _count_resolve_again(monkeypatch)
    with Store.create(tmp_path / "late") as late, Store.create(tmp_path / "fresh") as fresh:
        late.ingest([b, c], extractor=extractor, progress=False)
        assert len(list(late.iter_nodes(["Meeting"]))) == 1
        late.ingest([n], extractor=extractor, progress=False)
        assert resolved == [b.id, c.id]
        fresh.ingest([n, b, c], extractor=extractor, progress=False)
        assert late.verify() == [] and _records(late) == _records(fresh)
        assert len(list(late.iter_nodes(["Meeting"]))) == 2
