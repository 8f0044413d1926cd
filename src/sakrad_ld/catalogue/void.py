"""VoID, the Vocabulary of Interlinked Datasets (https://www.w3.org/TR/void/): what the data holds.

The dataset of the catalogue is also a ``void:Dataset``. Every number is counted from the graph
published as ``sakrad.nt`` (https://www.w3.org/TR/void/#statistics): triples, entities, distinct
subjects and objects, classes and properties, and one partition per class and per property
(https://www.w3.org/TR/void/#class-property-partitions). Partitions have IRIs named after the
class or property they count (``{dataset}/void/class/m8g-PublicEvent``), never after their order.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import pyoxigraph as ox

from ..iri import Minter
from ..registers.links import linksets
from ..triples import RDF_TYPE, Graph, Index, Term
from ..vocab import PREFIXES, RDF, VOID, XSD

__all__ = ["EXAMPLE_KINDS", "Statistics", "partition_key", "void_graph"]

#: The kinds of thing (iri.KINDS) whose first resource, by IRI, is given as a void:exampleResource.
EXAMPLE_KINDS = ("meeting", "organisation")


class Statistics:
    """The VoID statistics of a graph, counted from its indexes (no pass over every triple)."""

    def __init__(self, data: Index, uri_space: str) -> None:
        objects: set[Term] = set()
        self.properties: dict[Term, tuple[int, int, int]] = {}
        for p in data.predicates():
            values = data.objects_of(p)
            objects.update(values)
            triples = sum(len(data.subjects_of(p, o)) for o in values)
            self.properties[p] = (triples, len(data.subjects_with(p)), len(values))
        self.classes: dict[Term, int] = {c: len(set(data.subjects_of(RDF_TYPE, c))) for c in data.objects_of(RDF_TYPE)}
        self.triples = len(data)
        self.distinct_subjects = len(data.subjects())
        self.distinct_objects = len(objects)
        #: the IRIs of the subjects
        self.subjects = sorted(s.value for s in data.subjects() if isinstance(s, ox.NamedNode))
        self.entities = sum(1 for s in self.subjects if s.startswith(uri_space))


def partition_key(iri: str) -> str:
    """A readable, stable IRI segment for a class or property: ``m8g-PublicEvent``."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        local = iri[len(ns) :]
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_.-]+", local):
            return f"{prefix}-{local}"
    return "iri-" + hashlib.sha256(iri.encode()).hexdigest()[:16]


def _namespace(iri: str) -> str:
    for ns in sorted(PREFIXES.values(), key=len, reverse=True):
        if iri.startswith(ns):
            return ns
    return iri[: max(iri.rfind("#"), iri.rfind("/")) + 1]


def _count(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=XSD.integer)


def void_graph(
    data: Index, minter: Minter, dumps: Sequence[ox.NamedNode], sparql_endpoint: str | None, uri_space: str
) -> Graph:
    """The VoID description of ``data`` as the catalogue's dataset (``minter.dataset``)."""
    stats = Statistics(data, uri_space)
    g = Graph()
    d = minter.dataset
    g.add((d, RDF.type, VOID.Dataset))
    for p, n in (
        (VOID.triples, stats.triples),
        (VOID.entities, stats.entities),
        (VOID.distinctSubjects, stats.distinct_subjects),
        (VOID.distinctObjects, stats.distinct_objects),
        (VOID.properties, len(stats.properties)),
        (VOID.classes, len(stats.classes)),
    ):
        g.add((d, p, _count(n)))
    g.add((d, VOID.uriSpace, ox.Literal(uri_space)))
    for dump in dumps:
        g.add((d, VOID.dataDump, dump))
    if sparql_endpoint:
        g.add((d, VOID.sparqlEndpoint, ox.NamedNode(sparql_endpoint)))
    for cls, n in stats.classes.items():
        part = minter.part(d, "void", "class", partition_key(cls.value))
        g.add((d, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, _count(n)))
    for prop, (n, subjects, objects) in stats.properties.items():
        part = minter.part(d, "void", "property", partition_key(prop.value))
        g.add((d, VOID.propertyPartition, part))
        g.add((part, VOID.property, prop))
        g.add((part, VOID.triples, _count(n)))
        g.add((part, VOID.distinctSubjects, _count(subjects)))
        g.add((part, VOID.distinctObjects, _count(objects)))
    for ns in {_namespace(t.value) for t in [*stats.classes, *stats.properties]}:
        g.add((d, VOID.vocabulary, ox.NamedNode(ns)))
    for kind in EXAMPLE_KINDS:
        prefix = minter.thing(kind, "").value
        first = next((s for s in stats.subjects if s.startswith(prefix)), None)
        if first is not None:
            g.add((d, VOID.exampleResource, ox.NamedNode(first)))
    g.update(linksets(data, minter))  # one void:Linkset per register the data links to (links.py)
    return g
