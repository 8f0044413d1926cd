"""The graph in memory (``sakrad_ld.triples``): the index holds each triple once and answers every
look-up as the same triples in rdflib would; terms convert both ways unchanged."""

from __future__ import annotations

import pyoxigraph as ox
from graphs import assert_isomorphic
from rdflib import Graph, Literal, URIRef

from sakrad_ld.rdflib_edge import from_rdflib, ox_term, rdflib_term, to_rdflib
from sakrad_ld.triples import Index, IndexStore

EX = "https://example.org/"


def _n(local: str) -> ox.NamedNode:
    return ox.NamedNode(EX + local)


def test_each_triple_once_in_short_and_long_lists() -> None:
    org, takes_part, name = _n("org"), _n("participates"), _n("name")
    parts = [_n(f"part/{k}") for k in range(40)]  # past the length where a set takes over
    given = [(org, takes_part, p) for p in parts] * 3 + [(org, name, ox.Literal("Org"))] * 2
    index = Index(given)
    assert len(index) == 41
    assert list(index.objects(org, takes_part)) == parts  # first-seen order, no repeats
    assert list(index.objects(org, name)) == [ox.Literal("Org")]
    assert sorted(index) == sorted(set(given))
    assert all(list(index.subjects_of(takes_part, p)) == [org] for p in parts)
    assert set(index.objects_of(takes_part)) == set(parts)
    assert list(index.subjects_with(takes_part)) == [org]
    assert set(index.predicates()) == {takes_part, name}
    assert (org, name, ox.Literal("Org")) in index and (org, name, ox.Literal("Other")) not in index


def test_look_ups_agree_with_rdflib() -> None:
    g = Graph()
    g.parse(
        data=f"""
        @prefix ex: <{EX}> .
        ex:a ex:p ex:b , ex:c ; ex:q "x"@sv , "2017-12-12"^^<http://www.w3.org/2001/XMLSchema#date> .
        ex:b ex:p ex:c .
    """,
        format="turtle",
    )
    index = Index(from_rdflib(g))
    assert len(index) == len(g)
    for s, p, o in g:
        assert (ox_term(s), ox_term(p), ox_term(o)) in index
        assert {rdflib_term(t) for t in index.objects(ox_term(s), ox_term(p))} == set(g.objects(s, p))
        assert {rdflib_term(t) for t in index.subjects_of(ox_term(p), ox_term(o))} == set(g.subjects(p, o))
    assert_isomorphic(g, to_rdflib(index), "the graph through the index and back")


def test_terms_convert_both_ways() -> None:
    for term in (
        URIRef(EX + "a"),
        Literal("x"),
        Literal("x", lang="sv"),
        Literal("3", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")),
    ):
        assert rdflib_term(ox_term(term)) == term


def test_every_pattern_agrees_with_rdflib_whether_a_term_has_one_subject_or_objects_or_many() -> None:
    """The index holds an object's one subject bare and a subject's one object as a tuple of one
    (docs/performance.md); each pattern of :class:`IndexStore` still gives what rdflib gives."""
    g = Graph()
    g.parse(
        data=f"""
        @prefix ex: <{EX}> .
        ex:a ex:p ex:c , ex:d ; ex:q "x"@sv .
        ex:b ex:p ex:c ; ex:q "y" .
        ex:d ex:q ex:c .
    """,
        format="turtle",
    )
    store = IndexStore(Index(from_rdflib(g)))
    terms = {t for triple in g for t in triple} | {URIRef(EX + "none")}
    for s in (None, *terms):
        for p in (None, URIRef(EX + "p"), URIRef(EX + "q")):
            for o in (None, *terms):
                want = set(g.triples((s, p, o)))
                pattern = (ox_term(s) if s else None, ox_term(p) if p else None, ox_term(o) if o else None)
                got = [tuple(rdflib_term(t) for t in triple) for triple in store.triples_for_pattern(*pattern)]
                assert sorted(got) == sorted(want), (s, p, o)
    a, b, c, d, p = _n("a"), _n("b"), _n("c"), _n("d"), _n("p")
    index = Index([(a, p, c), (a, p, d), (b, p, c), (a, p, c)])
    assert list(index.subjects_of(p, c)) == [a, b] and list(index.subjects_of(p, d)) == [a]
    assert list(index.objects(b, p)) == [c] and list(index.objects(a, p)) == [c, d]
    assert list(index.subjects_with(p)) == [a, b] and len(index) == 3
