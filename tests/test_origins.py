"""Where each fact came from (``sakrad_ld.graph.Origins``), held beside the quads
(``sakrad_ld.graph.Quads``) rather than in a table of its own: the first place a fact was given,
found in one pass, and the subject's place once the quads are let go."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pyoxigraph as ox

from sakrad_ld.graph import Origins, Quads
from sakrad_ld.typedyaml import Lines

EX = "https://example.org/"
A, B, P, Q, G = (ox.NamedNode(EX + n) for n in ("a", "b", "p", "q", "g"))


def _given() -> tuple[Origins, Quads, Lines, Lines]:
    own = Lines(Path("data/a.yaml"), 3, {"name": 4, "parts[1]": 7})
    other = Lines(Path("data/b.yaml"), 10, {"members[0]": 12})
    origins, quads = Origins(), Quads()
    quads.add(A, P, ox.Literal("A"), G, origins.place(A, own, "name"))
    quads.add(A, P, ox.Literal("A again"), G, origins.place(A, other, "members[0]"))  # not the first
    quads.add(A, Q, B, G, origins.place(A, other, "members[0]"))  # given in another record
    quads.add(B, P, ox.Literal("B"), G)  # no place
    quads.extend([(B, Q, A, G)])
    origins.quads = weakref.ref(quads)
    return origins, quads, own, other


def test_quads_are_given_back_in_order_as_four_terms_and_their_triples() -> None:
    _, quads, _, _ = _given()
    assert len(quads) == 5
    assert list(quads) == [
        (A, P, ox.Literal("A"), G),
        (A, P, ox.Literal("A again"), G),
        (A, Q, B, G),
        (B, P, ox.Literal("B"), G),
        (B, Q, A, G),
    ]
    assert list(quads.triples()) == [(s, p, o) for s, p, o, _ in quads]


def test_a_fact_is_placed_where_it_was_first_given_and_its_subject_where_it_first_was() -> None:
    origins, quads, own, other = _given()
    origins.find([(A, P), (A, Q), (B, P)])
    assert origins.of(A, P) == own.where("name")
    assert origins.of(A, Q) == other.where("members[0]")  # the field of the other record
    assert origins.of(B, P) is None  # neither the fact nor its subject has a place
    assert origins.of(A) == own.where()
    fresh, _kept, _, _ = _given()
    assert fresh.of(A, Q) == other.where("members[0]")  # looked up when asked, without find


def test_once_the_quads_are_let_go_a_fact_is_placed_by_its_subject() -> None:
    origins, quads, own, _ = _given()
    del quads
    gc.collect()
    assert origins.quads is not None and origins.quads() is None  # held weakly: freed with the build's quads
    assert origins.of(A, Q) == own.where()


def test_a_fact_no_quad_states_is_looked_for_once() -> None:
    """A finding about a missing value names a fact no quad states: placing it must not read every
    quad again each time it is asked for (it did, once per finding: quadratic in the report)."""
    passes = []

    class Counted(Quads):
        __slots__ = ()

        def places(self):  # noqa: ANN202
            passes.append(1)
            return super().places()

    origins, given, own, _ = _given()
    quads = Counted()
    for s, p, o, g in given:
        quads.add(s, p, o, g, origins.place(s, own, "name"))
    origins.quads = weakref.ref(quads)
    missing = [(A, ox.NamedNode("http://example.org/missing")), (B, ox.NamedNode("http://example.org/missing"))]
    origins.find(missing)
    for _ in range(3):
        assert origins.of(*missing[0]) == own.where()  # not stated: placed by its subject
        assert origins.of(*missing[1]) == own.where()
    assert len(passes) == 1
