"""The graph as RDF: node and edge records → triples, with the ontology's IRIs (schema.org, PROV-O, xsd).

Mapping (documented in ontology.ttl):
- a node is the IRI `ID + id`, typed with its class (schema:Person, cg:Meeting, ...);
- a relationship without properties of its own is one triple (`pledge cg:donor country`);
- ATTENDED and HOLDS_OFFICE carry properties, so each is a resource of its own
  (cg:Attendance, cg:OfficeTerm), plus the shortcut triple `person cg:attended meeting`;
- SOURCED_FROM is PROV-O: `fact prov:wasDerivedFrom article` and a qualified
  prov:Derivation holding the evidence sentence, its offsets and the rule.
No blank nodes: every resource has an IRI, so pushes and round trips compare exactly.
"""
from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any, Iterable, Iterator

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from coalition_graph.graph.records import EdgeRecord, NodeRecord

BASE = "https://w3id.org/coalition-graph/"
CG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
SDO = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {"cg": CG, "id": ID, "schema": SDO, "prov": PROV, "xsd": XSD, "wd": WD}

CLASSES = {
    "Person": SDO.Person,
    "Country": SDO.Country,
    "Organization": SDO.Organization,
    "Meeting": CG.Meeting,
    "Pledge": CG.Pledge,
    "Statement": CG.Statement,
    "Article": SDO.NewsArticle,
}

# property name → (predicate, datatype or None for a plain string)
PROPERTIES: dict[str, tuple[URIRef, URIRef | None]] = {
    "name": (SDO.name, None),
    "aliases": (SDO.alternateName, None),
    "iso3": (CG.iso3, None),
    "kind": (CG.kind, None),
    "start_date": (SDO.startDate, XSD.date),
    "end_date": (SDO.endDate, XSD.date),
    "date_precision": (CG.datePrecision, None),
    "city": (CG.city, None),
    "country": (CG.countryCode, None),
    "mode": (CG.mode, None),
    "amount": (CG.amount, XSD.double),
    "currency": (CG.currency, None),
    "amount_eur": (CG.amountEur, XSD.double),
    "eur_rate_date": (CG.eurRateDate, XSD.date),
    "what": (CG.what, None),
    "announced": (CG.announced, XSD.date),
    "status": (CG.status, None),
    "text": (SDO.text, None),
    "date": (CG.date, XSD.date),
    "direct": (CG.direct, XSD.boolean),
    "url": (SDO.url, None),
    "title": (SDO.headline, None),
    "publisher": (SDO.publisher, None),
    "published": (SDO.datePublished, XSD.date),
    "role": (CG.role, None),
    "organization": (CG.organizationName, None),
    "evidence": (CG.evidenceSentence, None),
    "start_offset": (CG.startOffset, XSD.integer),
    "end_offset": (CG.endOffset, XSD.integer),
    "rule": (CG.rule, None),
    "sources": (CG.source, None),
}

# relationship type → predicate, and whether the triple points from the edge's target to its source
DIRECT_EDGES: dict[str, tuple[URIRef, bool]] = {
    "PLEDGED": (CG.donor, True),
    "ANNOUNCED": (CG.announcedBy, True),
    "PLEDGED_TO": (CG.recipient, False),
    "ANNOUNCED_AT": (CG.announcedAt, False),
    "PART_OF": (SDO.isPartOf, False),
    "STATED": (CG.speaker, True),
    "STATED_AT": (CG.statedAt, False),
    "HELD_IN": (SDO.location, False),
    "IN_FORMAT": (CG["format"], False),  # CG.format would be str.format
}
# relationship type → (class of the resource, predicate to source, predicate to target, shortcut predicate)
REIFIED_EDGES: dict[str, tuple[URIRef, URIRef, URIRef, URIRef | None]] = {
    "ATTENDED": (CG.Attendance, CG.attendee, CG.meeting, CG.attended),
    "HOLDS_OFFICE": (CG.OfficeTerm, CG.holder, CG.officeOf, None),
    "SOURCED_FROM": (PROV.Derivation, None, PROV.entity, PROV.wasDerivedFrom),
}


def iri(record_id: str) -> URIRef:
    return URIRef(ID + record_id)


def _literal(value: Any, datatype: URIRef | None) -> Literal:
    if datatype == XSD.date:
        return Literal(value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)), datatype=XSD.date)
    if datatype is not None:
        return Literal(value, datatype=datatype)
    return Literal(str(value))


def _props(subject: URIRef, props: dict[str, Any]) -> Iterator[tuple]:
    for key, value in props.items():
        if value is None or key == "id":
            continue
        if key == "wikidata":
            yield subject, SDO.sameAs, WD[value]
            continue
        predicate, datatype = PROPERTIES[key]
        for item in value if isinstance(value, (list, tuple)) else [value]:
            yield subject, predicate, _literal(item, datatype)


def iter_triples(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> Iterator[tuple]:
    """Every triple of the graph, node by node then edge by edge."""
    for node in nodes:
        subject = iri(node.id)
        yield subject, RDF.type, CLASSES[node.label]
        yield from _props(subject, node.props)
    for edge in edges:
        src, dst = iri(edge.src), iri(edge.dst)
        if edge.type in DIRECT_EDGES:
            predicate, inverse = DIRECT_EDGES[edge.type]
            yield (dst, predicate, src) if inverse else (src, predicate, dst)
            continue
        cls, to_src, to_dst, shortcut = REIFIED_EDGES[edge.type]
        resource = iri(edge.id)
        yield resource, RDF.type, cls
        if edge.type == "SOURCED_FROM":
            yield src, PROV.qualifiedDerivation, resource
        else:
            yield resource, to_src, src
        yield resource, to_dst, dst
        if shortcut is not None:
            yield src, shortcut, dst
        yield from _props(resource, {k: v for k, v in edge.props.items() if not (edge.type == "ATTENDED" and k == "country" and v is None)})


SKOLEM_PREFIX = BASE + ".well-known/genid/"


def to_oxigraph(term: Any):
    """An rdflib term as a pyoxigraph term (blank nodes, which our mapping never makes, are skolemized)."""
    import pyoxigraph as ox
    from rdflib import BNode

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.NamedNode(SKOLEM_PREFIX + str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def records_to_graph(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> Graph:
    graph = bind_prefixes(Graph())
    for triple in iter_triples(nodes, edges):
        graph.add(triple)
    return graph


def ontology_graph() -> Graph:
    graph = Graph()
    graph.parse(data=resources.files("coalition_graph.schema").joinpath("ontology.ttl").read_text(encoding="utf-8"), format="turtle")
    return graph


_ONTOLOGY: list[tuple] = []
_SUPERCLASSES: dict[URIRef, tuple[URIRef, ...]] = {}


def ontology_triples() -> list[tuple]:
    """The ontology's own triples (ontology.ttl), in a fixed order: they go with the data into every RDF view."""
    if not _ONTOLOGY:
        _ONTOLOGY.extend(sorted(ontology_graph(), key=lambda t: tuple(str(x) for x in t)))
    return _ONTOLOGY


def schema_superclasses(cls: URIRef) -> tuple[URIRef, ...]:
    """The schema.org classes a class is a subclass of (cg:Meeting → schema:Event), for tools without a reasoner."""
    if not _SUPERCLASSES:
        from rdflib import RDFS

        ontology = ontology_graph()
        for c in set(ontology.subjects(RDFS.subClassOf, None)):
            _SUPERCLASSES[c] = tuple(sorted(p for p in ontology.transitive_objects(c, RDFS.subClassOf)
                                            if p != c and str(p).startswith(str(SDO))))
    return _SUPERCLASSES.get(cls, ())


def view_triples(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> Iterator[tuple]:
    """The triples of a queryable RDF view (the embedded store, a pushed graph): the mapping's, and each node
    also typed with its schema.org superclasses, so `?m a schema:Event` finds the meetings. The ontology's own
    triples are added once per view (`ontology_triples`), not per record."""
    for triple in iter_triples(nodes, edges):
        yield triple
        if triple[1] == RDF.type:
            for parent in schema_superclasses(triple[2]):
                yield triple[0], RDF.type, parent


def shapes_graph() -> Graph:
    graph = Graph()
    graph.parse(data=resources.files("coalition_graph.schema").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return graph
