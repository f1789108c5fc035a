"""Hand-built graphs that follow the store's networkx contract, for the export/plot/stats tests.

`small_graph()` is a few real 2025 events written from scratch (not read from articles):
the London summit of 2 March, the Paris summit of 27 March and the Ramstein-format
meeting of 11 April, with attendees, pledges, a statement, offices and provenance.
Node attrs: `label` + props (incl. `sources`, except on reference kinds); edge key = edge id, attrs: `type` + props.

`synthetic_graph(n)` is a bigger random graph of the same shape for load tests.
"""
from __future__ import annotations

import datetime as dt
import random

import networkx as nx

from coalition_graph.graph.nx_view import to_networkx
from coalition_graph.graph.records import EdgeRecord, NodeRecord
from coalition_graph.schema.graph_schema import carries_sources

D = dt.date

ART_LONDON = "https://news.example.org/2025/03/02/london-summit"
ART_PARIS = "https://news.example.org/2025/03/27/paris-summit"
ART_UDCG = "https://news.example.org/2025/04/11/ramstein-brussels"


def _sources(kind: str, sources: list[str]) -> dict[str, list[str]]:
    """Facts list their sources; reference kinds (countries, people, organizations, offices) do not."""
    return {"sources": list(sources)} if carries_sources(kind) else {}


def _records() -> tuple[list[NodeRecord], list[EdgeRecord]]:
    nodes: list[NodeRecord] = []
    edges: list[EdgeRecord] = []
    labels: dict[str, str] = {}

    def node(node_id: str, label: str, sources: list[str], **props) -> str:
        nodes.append(NodeRecord(node_id, label, {**props, **_sources(label, sources)}))
        labels[node_id] = label
        return node_id

    def edge(edge_id: str, src: str, dst: str, sources: list[str], **props) -> str:
        rel = edge_id.split("/")[0].upper()  # "pledged_to/1" is a PLEDGED_TO edge
        edges.append(EdgeRecord(edge_id, rel, src, labels[src], dst, labels[dst], {**props, **_sources(rel, sources)}))
        return edge_id

    # articles
    a_lon = node("article/london-summit", "Article", [ART_LONDON], url=ART_LONDON, title="Leaders meet in London on Ukraine",
                 publisher="Example News", published=D(2025, 3, 2))
    a_par = node("article/paris-summit", "Article", [ART_PARIS], url=ART_PARIS, title="Coalition of the willing gathers in Paris",
                 publisher="Example News", published=D(2025, 3, 27))
    a_udcg = node("article/udcg-april", "Article", [ART_UDCG], url=ART_UDCG, title="Ramstein group pledges more air defence",
                  publisher="Example Wire", published=D(2025, 4, 11))
    # countries and organisations
    gbr = node("country/GBR", "Country", [ART_LONDON, ART_UDCG], iso3="GBR", name="United Kingdom")
    fra = node("country/FRA", "Country", [ART_PARIS], iso3="FRA", name="France")
    ukr = node("country/UKR", "Country", [ART_LONDON, ART_PARIS, ART_UDCG], iso3="UKR", name="Ukraine")
    deu = node("country/DEU", "Country", [ART_UDCG], iso3="DEU", name="Germany")
    bel = node("country/BEL", "Country", [ART_UDCG], iso3="BEL", name="Belgium")
    nato = node("org/nato", "Organization", [ART_LONDON], name="NATO", kind="alliance", wikidata="Q7184")
    udcg = node("org/ukraine-defense-contact-group", "Organization", [ART_UDCG], name="Ukraine Defense Contact Group",
                kind="format", wikidata=None)
    # people
    starmer = node("person/keir-starmer", "Person", [ART_LONDON, ART_PARIS], name="Keir Starmer",
                   aliases=["Starmer", "Sir Keir Starmer"], wikidata=None)
    macron = node("person/emmanuel-macron", "Person", [ART_LONDON, ART_PARIS], name="Emmanuel Macron",
                  aliases=["Macron"], wikidata=None)
    zelenskyy = node("person/volodymyr-zelenskyy", "Person", [ART_LONDON, ART_PARIS], name="Volodymyr Zelenskyy",
                     aliases=["Zelensky", "Zelenskiy"], wikidata=None)
    rutte = node("person/mark-rutte", "Person", [ART_LONDON], name="Mark Rutte", aliases=[], wikidata=None)
    healey = node("person/john-healey", "Person", [ART_UDCG], name="John Healey", aliases=["Healey"], wikidata=None)
    pistorius = node("person/boris-pistorius", "Person", [ART_UDCG], name="Boris Pistorius", aliases=["Pistorius"], wikidata=None)
    # meetings
    london = node("meeting/2025-03-02/summit/london", "Meeting", [ART_LONDON], name="London summit on Ukraine", kind="summit",
                  start_date=D(2025, 3, 2), end_date=D(2025, 3, 2), date_precision="day", city="London", country="GBR",
                  mode="in-person")
    paris = node("meeting/2025-03-27/summit/paris", "Meeting", [ART_PARIS], name="Paris summit of the coalition of the willing",
                 kind="summit", start_date=D(2025, 3, 27), end_date=D(2025, 3, 27), date_precision="day", city="Paris",
                 country="FRA", mode="in-person")
    brussels = node("meeting/2025-04-11/contact-group/brussels", "Meeting", [ART_UDCG], name="27th UDCG meeting",
                    kind="contact-group", start_date=D(2025, 4, 11), end_date=None, date_precision="day", city="Brussels",
                    country="BEL", mode="hybrid")
    # pledges (a package with an item) and a statement
    p_gbr = node("pledge/GBR/2025-03-02/1600000000-GBP", "Pledge", [ART_LONDON], amount=1600000000.0, currency="GBP",
                 amount_eur=1930000000.0, eur_rate_date=D(2025, 3, 2), what="air defence missiles", kind="military",
                 announced=D(2025, 3, 2), status="announced")
    p_gbr_udcg = node("pledge/GBR/2025-04-11/450000000-GBP", "Pledge", [ART_UDCG], amount=450000000.0, currency="GBP",
                      amount_eur=525000000.0, eur_rate_date=D(2025, 4, 11), what="radars, drones and repairs",
                      kind="military", announced=D(2025, 4, 11), status="announced")
    p_deu = node("pledge/DEU/2025-04-11/11000000000-EUR", "Pledge", [ART_UDCG], amount=11000000000.0, currency="EUR",
                 amount_eur=11000000000.0, eur_rate_date=D(2025, 4, 11), what="military aid until 2029", kind="military",
                 announced=D(2025, 4, 11), status="planned")
    p_deu_item = node("pledge/DEU/2025-04-11/iris-t-systems", "Pledge", [ART_UDCG], amount=None, currency=None,
                      amount_eur=None, eur_rate_date=None, what="four IRIS-T systems", kind="military",
                      announced=D(2025, 4, 11), status="planned")
    s_starmer = node("statement/5f0c1d2e3a4b5c6d", "Statement", [ART_PARIS],
                     text="We are ready to put boots on the ground if there is a deal; it's \"a line\" we won't cross back.",
                     date=D(2025, 3, 27), direct=True)

    # attendance
    for e_id, who, meeting, src, role, country in [
        ("attended/1", starmer, london, [ART_LONDON], "host", "GBR"),
        ("attended/2", macron, london, [ART_LONDON], "participant", "FRA"),
        ("attended/3", zelenskyy, london, [ART_LONDON], "participant", "UKR"),
        ("attended/4", rutte, london, [ART_LONDON], "participant", None),
        ("attended/5", macron, paris, [ART_PARIS], "host", "FRA"),
        ("attended/6", starmer, paris, [ART_PARIS], "participant", "GBR"),
        ("attended/7", zelenskyy, paris, [ART_PARIS], "participant", "UKR"),
        ("attended/8", healey, brussels, [ART_UDCG], "chair", "GBR"),
        ("attended/9", pistorius, brussels, [ART_UDCG], "chair", "DEU"),
    ]:
        edge(e_id, who, meeting, src, role=role, status="attended", country=country,
             organization="NATO" if who == rutte else None)
    edge("attended/10", bel, brussels, [ART_UDCG], role="participant", status="attended", country="BEL", organization=None)
    # pledges
    edge("pledged/1", gbr, p_gbr, [ART_LONDON])
    edge("pledged/2", gbr, p_gbr_udcg, [ART_UDCG])
    edge("pledged/3", deu, p_deu, [ART_UDCG])
    edge("pledged/4", deu, p_deu_item, [ART_UDCG])
    edge("announced/1", starmer, p_gbr, [ART_LONDON])
    edge("announced/2", healey, p_gbr_udcg, [ART_UDCG])
    edge("announced/3", pistorius, p_deu, [ART_UDCG])
    for i, p in enumerate((p_gbr, p_gbr_udcg, p_deu, p_deu_item), 1):
        edge(f"pledged_to/{i}", p, ukr, [ART_LONDON] if p == p_gbr else [ART_UDCG])
    edge("announced_at/1", p_gbr, london, [ART_LONDON])
    edge("announced_at/2", p_gbr_udcg, brussels, [ART_UDCG])
    edge("announced_at/3", p_deu, brussels, [ART_UDCG])
    edge("part_of/1", p_deu_item, p_deu, [ART_UDCG])
    edge("stated/1", starmer, s_starmer, [ART_PARIS])
    edge("stated_at/1", s_starmer, paris, [ART_PARIS])
    # offices, places, formats
    edge("holds_office/1", starmer, gbr, [ART_LONDON], role="Prime Minister", start_date=D(2024, 7, 5), end_date=None)
    edge("holds_office/2", macron, fra, [ART_PARIS], role="President", start_date=D(2017, 5, 14), end_date=None)
    edge("holds_office/3", zelenskyy, ukr, [ART_LONDON], role="President", start_date=D(2019, 5, 20), end_date=None)
    edge("holds_office/4", rutte, nato, [ART_LONDON], role="Secretary General", start_date=D(2024, 10, 1), end_date=None)
    edge("holds_office/5", healey, gbr, [ART_UDCG], role="Defence Secretary", start_date=D(2024, 7, 5), end_date=None)
    edge("holds_office/6", pistorius, deu, [ART_UDCG], role="Minister of Defence", start_date=D(2023, 1, 19), end_date=None)
    edge("held_in/1", london, gbr, [ART_LONDON])
    edge("held_in/2", paris, fra, [ART_PARIS])
    edge("held_in/3", brussels, bel, [ART_UDCG])
    edge("in_format/1", brussels, udcg, [ART_UDCG])
    # provenance, with evidence sentences and offsets
    urls = {a_lon: ART_LONDON, a_par: ART_PARIS, a_udcg: ART_UDCG}
    for e_id, fact, art, sentence, start in [
        ("sourced_from/1", london, a_lon, "Keir Starmer hosted European leaders in London on Sunday.", 0),
        ("sourced_from/2", paris, a_par, "Emmanuel Macron welcomed some thirty leaders to Paris on Thursday.", 0),
        ("sourced_from/3", brussels, a_udcg, "Defence ministers met at NATO headquarters in Brussels on Friday.", 0),
        ("sourced_from/4", p_gbr, a_lon, "Britain will provide £1.6bn for more than 5,000 air defence missiles.", 120),
        ("sourced_from/5", p_gbr_udcg, a_udcg, "John Healey announced £450m for radars, drones and repairs.", 210),
        ("sourced_from/6", p_deu, a_udcg, "Germany plans €11bn of military aid until 2029.", 330),
        ("sourced_from/7", p_deu_item, a_udcg, "The package includes four IRIS-T systems.", 390),
        ("sourced_from/8", s_starmer, a_par, "Starmer said: \"We are ready to put boots on the ground if there is a deal\".", 80),
    ]:
        edge(e_id, fact, art, [urls[art]],
             evidence=sentence, start_offset=start, end_offset=start + len(sentence), rule="fixture")
    return nodes, edges


def small_records() -> tuple[list[NodeRecord], list[EdgeRecord]]:
    return _records()


def small_graph() -> nx.MultiDiGraph:
    nodes, edges = _records()
    return to_networkx(nodes, edges)


def synthetic_graph(n_nodes: int = 3000, seed: int = 7) -> nx.MultiDiGraph:
    """About `n_nodes` nodes: people and countries attending meetings, pledges, articles as provenance."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    n_countries, n_meetings = 60, max(10, n_nodes // 12)
    n_articles = max(10, n_nodes // 10)
    n_pledges = max(10, n_nodes // 5)
    n_people = max(10, n_nodes - n_countries - n_meetings - n_articles - n_pledges)
    articles = []
    for i in range(n_articles):
        url = f"https://news.example.org/a/{i}"
        articles.append(url)
        graph.add_node(f"article/a{i}", label="Article", url=url, title=f"Article number {i}", publisher="Example",
                       published=D(2025, 1, 1) + dt.timedelta(days=i % 360), sources=[url])
    countries = [f"country/C{i:02d}" for i in range(n_countries)]
    for i, c in enumerate(countries):
        graph.add_node(c, label="Country", iso3=f"C{i:02d}", name=f"Country {i}")
    people = [f"person/p{i}" for i in range(n_people)]
    for i, p in enumerate(people):
        graph.add_node(p, label="Person", name=f"Leader {i}", aliases=[f"L{i}"], wikidata=None)
        graph.add_edge(p, rng.choice(countries), key=f"holds_office/{i}", type="HOLDS_OFFICE", role="Minister",
                       start_date=D(2024, 1, 1), end_date=None)
    meetings = [f"meeting/m{i}" for i in range(n_meetings)]
    for i, m in enumerate(meetings):
        day = D(2025, 1, 1) + dt.timedelta(days=rng.randrange(360))
        art = rng.randrange(n_articles)
        graph.add_node(m, label="Meeting", name=f"Meeting {i}", kind="summit", start_date=day, end_date=day,
                       date_precision="day", city=f"City {i % 40}", country=None, mode="in-person", sources=[articles[art]])
        graph.add_edge(m, f"article/a{art}", key=f"sourced_from/m{i}", type="SOURCED_FROM", evidence=f"Meeting {i} took place.",
                       start_offset=0, end_offset=20, rule="synthetic", sources=[articles[art]])
        for j, p in enumerate(rng.sample(people, k=min(len(people), rng.randint(3, 12)))):
            graph.add_edge(p, m, key=f"attended/{i}/{j}", type="ATTENDED", role="participant", status="attended",
                           country=None, organization=None, sources=[articles[art]])
    for i in range(n_pledges):
        pid = f"pledge/p{i}"
        amount = float(rng.randrange(1, 500)) * 1e6
        graph.add_node(pid, label="Pledge", amount=amount, currency="EUR", amount_eur=amount, eur_rate_date=None,
                       what="aid", kind="military", announced=D(2025, 1, 1) + dt.timedelta(days=rng.randrange(360)),
                       status="announced", sources=[rng.choice(articles)])
        graph.add_edge(rng.choice(countries), pid, key=f"pledged/{i}", type="PLEDGED", sources=[rng.choice(articles)])
        graph.add_edge(pid, rng.choice(meetings), key=f"announced_at/{i}", type="ANNOUNCED_AT", sources=[rng.choice(articles)])
    return graph
