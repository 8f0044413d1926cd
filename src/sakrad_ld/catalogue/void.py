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
from collections import Counter, defaultdict
from collections.abc import Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ..iri import Minter
from ..registers.links import linksets
from ..vocab import PREFIXES, RDF, VOID, XSD

__all__ = ["EXAMPLE_KINDS", "Statistics", "partition_key", "void_graph"]

#: The kinds of thing (iri.KINDS) whose first resource, by IRI, is given as a void:exampleResource.
EXAMPLE_KINDS = ("meeting", "organisation")


class Statistics:
    """The VoID statistics of a graph, counted in one pass over its triples."""

    def __init__(self, graph: Graph, uri_space: str) -> None:
        subjects: set[Node] = set()
        objects: set[Node] = set()
        by_property: Counter[Node] = Counter()
        property_subjects: dict[Node, set[Node]] = defaultdict(set)
        property_objects: dict[Node, set[Node]] = defaultdict(set)
        class_entities: dict[Node, set[Node]] = defaultdict(set)
        for s, p, o in graph:
            subjects.add(s)
            objects.add(o)
            by_property[p] += 1
            property_subjects[p].add(s)
            property_objects[p].add(o)
            if p == RDF.type:
                class_entities[o].add(s)
        self.triples = len(graph)
        self.distinct_subjects = len(subjects)
        self.distinct_objects = len(objects)
        self.entities = sum(1 for s in subjects if isinstance(s, URIRef) and str(s).startswith(uri_space))
        self.properties = {p: (n, len(property_subjects[p]), len(property_objects[p])) for p, n in by_property.items()}
        self.classes = {c: len(members) for c, members in class_entities.items()}
        self.subjects = subjects


def partition_key(iri: str) -> str:
    """A readable, stable IRI segment for a class or property: ``m8g-PublicEvent``."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        local = iri[len(ns):]
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_.-]+", local):
            return f"{prefix}-{local}"
    return "iri-" + hashlib.sha256(iri.encode()).hexdigest()[:16]


def _namespace(iri: str) -> str:
    for ns in sorted(PREFIXES.values(), key=len, reverse=True):
        if iri.startswith(ns):
            return ns
    return iri[:max(iri.rfind("#"), iri.rfind("/")) + 1]


def _count(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def void_graph(data: Graph, minter: Minter, dumps: Sequence[URIRef], sparql_endpoint: str | None,
               uri_space: str) -> Graph:
    """The VoID description of ``data`` as the catalogue's dataset (``minter.dataset``)."""
    stats = Statistics(data, uri_space)
    g = Graph()
    d = minter.dataset
    g.add((d, RDF.type, VOID.Dataset))
    for p, n in ((VOID.triples, stats.triples), (VOID.entities, stats.entities),
                 (VOID.distinctSubjects, stats.distinct_subjects), (VOID.distinctObjects, stats.distinct_objects),
                 (VOID.properties, len(stats.properties)), (VOID.classes, len(stats.classes))):
        g.add((d, p, _count(n)))
    g.add((d, VOID.uriSpace, Literal(uri_space)))
    for dump in dumps:
        g.add((d, VOID.dataDump, dump))
    if sparql_endpoint:
        g.add((d, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
    for cls, n in stats.classes.items():
        part = minter.part(d, "void", "class", partition_key(str(cls)))
        g.add((d, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, _count(n)))
    for prop, (n, subjects, objects) in stats.properties.items():
        part = minter.part(d, "void", "property", partition_key(str(prop)))
        g.add((d, VOID.propertyPartition, part))
        g.add((part, VOID.property, prop))
        g.add((part, VOID.triples, _count(n)))
        g.add((part, VOID.distinctSubjects, _count(subjects)))
        g.add((part, VOID.distinctObjects, _count(objects)))
    for ns in {_namespace(str(t)) for t in [*stats.classes, *stats.properties]}:
        g.add((d, VOID.vocabulary, URIRef(ns)))
    for kind in EXAMPLE_KINDS:
        prefix = str(minter.thing(kind, ""))
        first = min((s for s in stats.subjects if isinstance(s, URIRef) and str(s).startswith(prefix)), default=None)
        if first is not None:
            g.add((d, VOID.exampleResource, first))
    g += linksets(data, minter)  # one void:Linkset per register the data links to (links.py)
    return g
