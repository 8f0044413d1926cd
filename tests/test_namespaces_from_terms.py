"""The prefixes the whole-graph Turtle, RDF/XML and TriG declare are worked out from the terms
(``serialize.namespaces_of``) instead of searching the written N-Triples and N-Quads: they must be
exactly those a search of the written bytes finds, for every kind of term. And the in-memory store
the meetings' documents read answers every pattern as the index holds it."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.serialize import ReleaseOrder, namespaces_of, used_prefixes
from sakrad_ld.triples import Index, IndexStore, _matching
from sakrad_ld.vocab import PREFIXES


@pytest.fixture(scope="module")
def graph(fixture_release: Path) -> Index:
    return Index(
        (q.subject, q.predicate, q.object)
        for q in ox.parse(path=fixture_release / "sakrad.nt", format=ox.RdfFormat.N_TRIPLES)
    )


def _written(triples: list[tuple]) -> dict[str, str]:
    return used_prefixes(ox.serialize([ox.Triple(*t) for t in triples], format=ox.RdfFormat.N_TRIPLES))


def test_the_release_graphs_namespaces_are_those_of_its_n_triples(graph: Index) -> None:
    ordered = ReleaseOrder(graph)
    expected = used_prefixes(ox.serialize(ordered, format=ox.RdfFormat.N_TRIPLES))
    assert used_prefixes(ordered.namespaces()) == expected
    assert 3 < len(expected) < len(PREFIXES)


XSD, DCT, RDF, SCHEMA = PREFIXES["xsd"], PREFIXES["dct"], PREFIXES["rdf"], PREFIXES["schema"]
THING, NAME = ox.NamedNode("https://example.org/thing"), ox.NamedNode("https://example.org/name")


@pytest.mark.parametrize(
    "o",
    [
        ox.Literal("plain"),  # xsd:string: no datatype written
        ox.Literal("svenska", language="sv"),  # rdf:langString: no datatype written
        ox.Literal("2017-12-12", datatype=ox.NamedNode(XSD + "date")),
        ox.Literal(f"a text that names <{DCT}title> in it"),
        ox.Literal(f"a text that names <{DCT}title> in it", language="en"),
        ox.Literal(f'quoted "<{SCHEMA}x"\nand a line'),  # escaped where written, the namespace whole
        ox.Literal(f"almost <{DCT[:-1]}"),
        ox.Literal(f"no bracket {DCT}title"),
        ox.Literal("x", datatype=ox.NamedNode("https://example.org/" + XSD)),  # a namespace inside, not at the start
        ox.BlankNode("b0"),
        ox.NamedNode(RDF + "type"),
        ox.NamedNode(DCT),  # the namespace itself
        ox.NamedNode(DCT[:-1]),
        ox.NamedNode("https://example.org/?" + DCT),
    ],
    ids=repr,
)
def test_each_kind_of_term_gives_the_namespaces_its_n_triples_hold(o: object) -> None:
    triples = [(THING, NAME, o), (ox.BlankNode("b1"), NAME, THING)]
    index = Index(triples)  # type: ignore[arg-type]
    assert used_prefixes(namespaces_of(index.terms())) == _written(triples), o
    assert used_prefixes(ReleaseOrder(index).namespaces()) == _written(triples), o


def test_the_quads_namespaces_are_those_of_their_n_quads(tmp_path: Path) -> None:
    from conftest import fixture_project

    from sakrad_ld.project import Project
    from sakrad_ld.quads import _QuadOrder
    from sakrad_ld.release import build

    _, built, _ = build(Project.at(fixture_project(tmp_path / "project")))
    named = ox.NamedNode(PREFIXES["foaf"] + "graph-only")  # a graph's name is written too
    quads = [*built.quads, (THING, NAME, ox.Literal(f"<{PREFIXES['org']}"), named)]
    ordered = _QuadOrder(quads)
    data = io.BytesIO()
    ox.serialize(ordered, data, format=ox.RdfFormat.N_QUADS)
    assert used_prefixes(ordered.namespaces()) == used_prefixes(data.getvalue())
    assert {"foaf", "org"} <= set(used_prefixes(data.getvalue()))
    # the order is that of a sort of every quad, once each, by graph, subject, predicate and object
    once = {(s, p, o, g) for s, p, o, g in quads}
    expected = sorted(once, key=lambda q: (q[3].value, str(q[0]), q[1].value, str(q[2])))
    assert [(q.subject, q.predicate, q.object, q.graph_name) for q in ordered] == expected


def test_the_store_in_memory_answers_every_pattern_as_the_index_holds_it(graph: Index) -> None:
    extra = Index([(THING, NAME, ox.Literal("x")), (THING, NAME, ox.Literal("y"))])
    store = IndexStore(graph, extra)
    subject = next(iter(graph.subjects()))
    predicate, obj = next((p, o) for p, objects in graph.properties(subject).items() for o in objects)
    terms = [None, subject, predicate, obj, THING, NAME, ox.NamedNode("https://example.org/none")]
    for s in terms:
        for p in terms:
            for o in terms:
                expected = [t for index in (graph, extra) for t in _matching(index, s, p, o)]
                assert list(store.triples_for_pattern(s, p, o)) == expected, (s, p, o)
    assert len(store.triples_for_pattern(THING, None, None)) == 2
    assert store.triples_for_pattern(subject, None, None) == list(_matching(graph, subject, None, None))
