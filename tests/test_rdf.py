"""The RDF view: every exported graph satisfies the SHACL shapes and uses only the ontology's terms."""
from __future__ import annotations

from pyshacl import validate
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL

from coalition_graph.graph.records import NodeRecord
from coalition_graph.graph.store import Store
from coalition_graph.schema.rdf import CG, ontology_graph, ontology_triples, records_to_graph, shapes_graph, view_triples


def test_sample_graph_conforms_to_the_shapes(sample_store: Store):
    data = records_to_graph(sample_store.iter_nodes(), sample_store.iter_edges())
    conforms, _, report = validate(data, shacl_graph=shapes_graph(), inference="none")
    assert conforms, report


def test_the_embedded_sparql_store_holds_exactly_the_mapped_graph(sample_store: Store):
    # the mapping, each node also typed with its schema.org superclasses, and the ontology's own triples
    expected = Graph()
    for triple in [*ontology_triples(), *view_triples(sample_store.iter_nodes(), sample_store.iter_edges())]:
        expected.add(triple)
    assert set(records_to_graph(sample_store.iter_nodes(), sample_store.iter_edges())) <= set(expected)
    stored = Graph()
    for s, p, o in sample_store.sparql.rdflib_graph:
        # RDF 1.1: a plain literal is an xsd:string; Oxigraph says so explicitly, rdflib does not.
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        stored.add((s, p, o))
    assert len(stored) == len(expected)
    assert set(stored) == set(expected)


def test_a_broken_graph_violates_the_shapes():
    # a meeting with no name, no sources and an invalid kind
    bad = records_to_graph([NodeRecord("meeting/x", "Meeting", {"kind": "party", "sources": []})], [])
    conforms, _, _ = validate(bad, shacl_graph=shapes_graph(), inference="none")
    assert not conforms


def test_every_cg_term_used_is_declared_in_the_ontology(sample_store: Store):
    data = records_to_graph(sample_store.iter_nodes(), sample_store.iter_edges())
    ontology = ontology_graph()
    declared = set(ontology.subjects(RDF.type, None))
    used = {p for p in data.predicates() if str(p).startswith(str(CG))}
    used |= {o for o in data.objects(None, RDF.type) if str(o).startswith(str(CG))}
    assert used and used <= declared, used - declared
    assert (URIRef("https://w3id.org/coalition-graph/ontology"), RDF.type, OWL.Ontology) in ontology


def test_a_schema_event_query_finds_the_meetings_through_the_cli(tmp_path):
    """The ontology goes into the embedded SPARQL store as into the exports: a cg:Meeting is a schema:Event,
    after a full build and after an incremental ingest alike."""
    import json

    from click.testing import CliRunner

    from coalition_graph.cli import cli
    from tests.conftest import SAMPLE

    store = tmp_path / "store"
    articles = sorted(SAMPLE.glob("*.json"))
    query = ("PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             "SELECT ?m ?name WHERE { ?m a schema:Event ; schema:name ?name } ORDER BY ?m")
    for batch in (articles[:4], articles[4:]):  # the second batch goes through the view's incremental update
        assert CliRunner().invoke(cli, ["ingest", *map(str, batch), "--store", str(store)]).exit_code == 0
        result = CliRunner().invoke(cli, ["query", "--sparql", query, "--format", "json", "--store", str(store)])
        assert result.exit_code == 0, result.output
        events = {r["name"] for r in json.loads(result.stdout)}
        meetings = json.loads(CliRunner().invoke(cli, ["meetings", "--format", "json", "--store", str(store)]).stdout)
        assert events == {m["name"] for m in meetings} and events
    ask = CliRunner().invoke(cli, ["query", "--format", "json", "--store", str(store), "--sparql",
                                   "PREFIX cg: <https://w3id.org/coalition-graph/ontology#> "
                                   "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                                   "ASK { cg:Meeting rdfs:subClassOf <https://schema.org/Event> }"])
    assert json.loads(ask.stdout) == [{"ask": True}]
    with Store.open(store) as opened:
        assert opened.verify() == []


def test_a_view_of_the_layout_before_the_ontology_is_rebuilt(tmp_path):
    from tests.conftest import SAMPLE

    with Store.open(tmp_path / "store", create=True) as store:
        store.ingest(sorted(SAMPLE.glob("*.json"))[:2], progress=False)
        generation = store.generation
    rdf_dir = tmp_path / "store"
    (rdf_dir / "rdf-ontology.generation").rename(rdf_dir / "rdf.generation")  # as an older version left it
    with Store.open(tmp_path / "store") as store:
        rows = store.sparql.query("PREFIX cg: <https://w3id.org/coalition-graph/ontology#> "
                                  "ASK { cg:Meeting ?p ?o }").rows
        assert rows == [[True]] and store.generation == generation and store.verify() == []
    assert not (rdf_dir / "rdf.generation").exists()
