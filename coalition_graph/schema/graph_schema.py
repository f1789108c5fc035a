"""The property-graph schema: labels, relationship types and their typed properties.

One table that every engine view and export reads (LadybugDB DDL, Neo4j constraints,
neo4j-admin CSV headers, the RDF mapping), so a property added here reaches all of them.
Property types are the engine-neutral names STRING, DOUBLE, INT64, BOOLEAN, DATE, STRING[].

`start`/`end` are reserved words in Cypher dialects (END closes CASE), so dates are
`start_date`/`end_date` and evidence offsets `start_offset`/`end_offset` in the graph;
the JSON rows of the named queries still say `start` and `end`.
"""
from __future__ import annotations

from dataclasses import dataclass

NODE_PROPS: dict[str, dict[str, str]] = {
    "Person": {"name": "STRING", "aliases": "STRING[]", "wikidata": "STRING"},
    "Country": {"iso3": "STRING", "name": "STRING"},
    "Organization": {"name": "STRING", "kind": "STRING", "wikidata": "STRING"},
    "Meeting": {
        "name": "STRING", "kind": "STRING", "start_date": "DATE", "end_date": "DATE", "date_precision": "STRING",
        "city": "STRING", "country": "STRING", "mode": "STRING",
    },
    "Pledge": {
        "amount": "DOUBLE", "currency": "STRING", "amount_eur": "DOUBLE", "eur_rate_date": "DATE", "what": "STRING",
        "kind": "STRING", "announced": "DATE", "status": "STRING",
    },
    "Statement": {"text": "STRING", "date": "DATE", "direct": "BOOLEAN"},
    "Article": {"url": "STRING", "title": "STRING", "publisher": "STRING", "published": "DATE"},
}
# Every node and relationship also has `id` (the key) and, unless it is a reference kind, `sources`
# (article URLs, or ids where there is no URL).
COMMON_PROPS = {"sources": "STRING[]"}
# Things that thousands of articles name (a country, an organization, a person, the office a person holds)
# carry no `sources` list: it would grow with every article, and every batch naming them would rewrite it in
# the store and in every view. Their provenance is their claims in the store (`Store.sources`) and the
# facts that name them, which keep their own sources and SOURCED_FROM evidence.
REFERENCE_KINDS = frozenset({"Person", "Country", "Organization", "HOLDS_OFFICE"})


@dataclass(frozen=True)
class RelType:
    name: str
    ends: tuple[tuple[str, str], ...]  # (source label, target label) pairs
    props: dict[str, str]
    doc: str


FACT_LABELS = ("Meeting", "Pledge", "Statement")

REL_TYPES: dict[str, RelType] = {r.name: r for r in (
    RelType("ATTENDED", (("Person", "Meeting"), ("Country", "Meeting"), ("Organization", "Meeting")),
            {"role": "STRING", "status": "STRING", "country": "STRING", "organization": "STRING"},
            "took part in (or was expected at, or absent from) a meeting; country/organization: whom the attendee represented"),
    RelType("PLEDGED", (("Country", "Pledge"), ("Organization", "Pledge")), {}, "the donor of a pledge"),
    RelType("ANNOUNCED", (("Person", "Pledge"),), {}, "the person who announced a pledge"),
    RelType("PLEDGED_TO", (("Pledge", "Country"), ("Pledge", "Organization")), {}, "the recipient of a pledge"),
    RelType("ANNOUNCED_AT", (("Pledge", "Meeting"),), {}, "the meeting a pledge was announced at"),
    RelType("PART_OF", (("Pledge", "Pledge"),), {}, "an itemised part of a pledged package"),
    RelType("STATED", (("Person", "Statement"),), {}, "who made a statement"),
    RelType("STATED_AT", (("Statement", "Meeting"),), {}, "the meeting a statement was made at"),
    RelType("HOLDS_OFFICE", (("Person", "Country"), ("Person", "Organization")),
            {"role": "STRING", "start_date": "DATE", "end_date": "DATE"}, "an office the article names the person in"),
    RelType("HELD_IN", (("Meeting", "Country"),), {}, "the country a meeting took place in"),
    RelType("IN_FORMAT", (("Meeting", "Organization"),), {}, "the format or organization a meeting belongs to"),
    RelType("SOURCED_FROM", tuple((label, "Article") for label in FACT_LABELS),
            {"evidence": "STRING", "start_offset": "INT64", "end_offset": "INT64", "rule": "STRING"},
            "provenance: the article and the evidence sentence (with offsets) a fact was read from"),
)}


def node_props(label: str) -> dict[str, str]:
    """All typed properties of a label, `id` first."""
    return {"id": "STRING", **NODE_PROPS[label], **_common(label)}


def rel_props(rel_type: str) -> dict[str, str]:
    return {"id": "STRING", **REL_TYPES[rel_type].props, **_common(rel_type)}


def carries_sources(kind: str) -> bool:
    """Whether records of this label or relationship type keep a `sources` list (see REFERENCE_KINDS)."""
    return kind not in REFERENCE_KINDS


def _common(kind: str) -> dict[str, str]:
    return COMMON_PROPS if carries_sources(kind) else {}


def date_props() -> frozenset[str]:
    found = {p for props in NODE_PROPS.values() for p, t in props.items() if t == "DATE"}
    found |= {p for r in REL_TYPES.values() for p, t in r.props.items() if t == "DATE"}
    return frozenset(found)
