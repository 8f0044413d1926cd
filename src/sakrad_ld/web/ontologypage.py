"""The ontology's documentation (https://www.w3.org/TR/owl2-primer/) as data for ``templates/ontology.html``.

One section per term of ``https://w3id.org/sakrad/ontology#``, anchored by its local name
(``ontology.html#Sakrad``), with its labels, definition, comments and every other statement (the
standard terms it is a subclass, subproperty or close match of link out). Then the role scheme
and the vocabularies the ontology reuses.
"""

from __future__ import annotations

import pyoxigraph as ox

from ..triples import RDF_TYPE
from ..vocab import DCTERMS, ONTOLOGY_IRI, OWL, RDF, RDFS, ROLE_SCHEME, SKOS, VANN
from .labels import Text
from .resourceview import View

__all__ = ["ontology_view"]

_NS = ONTOLOGY_IRI.value + "#"

#: Kinds of term, in the order the page lists them.
_KINDS = (
    (OWL.Class, Text("Klasser", "Classes")),
    (OWL.ObjectProperty, Text("Objektegenskaper", "Object properties")),
    (OWL.DatatypeProperty, Text("Dataegenskaper", "Datatype properties")),
    (OWL.AnnotationProperty, Text("Annoteringsegenskaper", "Annotation properties")),
    (RDF.Property, Text("Egenskaper", "Properties")),
)
_OTHER = Text("Övriga begrepp", "Other terms")


def ontology_view(view: View) -> dict[str, object]:
    """What the ontology's page shows: its title, description, kinds of term with their terms, the
    role scheme, the ontology's own facts and the vocabularies it reuses."""
    store = view.store
    ontology = ONTOLOGY_IRI
    title = view.labels.text(ontology, DCTERMS.title) or Text("Ontologi för sakråd", "Ontology for sakråd")
    candidates = [
        *store.quads_for_pattern(None, RDFS.isDefinedBy, ontology),
        *(q for kind, _ in _KINDS for q in store.quads_for_pattern(None, RDF_TYPE, kind)),
    ]
    terms = sorted(
        {q.subject.value for q in candidates if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(_NS)}
    )
    listed: set[str] = set()
    groups = []
    for kind, heading in _KINDS:
        members = [
            t
            for t in terms
            if t not in listed and next(iter(store.quads_for_pattern(ox.NamedNode(t), RDF_TYPE, kind)), None)
        ]
        if members:
            listed.update(members)
            groups.append((heading, [_term(view, t) for t in members]))
    others = [t for t in terms if t not in listed]
    if others:
        groups.append((_OTHER, [_term(view, t) for t in others]))
    references = sorted(
        q.object.value
        for q in store.quads_for_pattern(ontology, DCTERMS.references, None)
        if isinstance(q.object, ox.NamedNode)
    )
    prefix = VANN.preferredNamespacePrefix
    reused = [
        (next((q.object.value for q in store.quads_for_pattern(ox.NamedNode(ns), prefix, None)), ""), ns)
        for ns in references
    ]
    return {
        "heading": title,
        "ontology_iri": ontology.value,
        "namespace": _NS,
        "description": view.labels.text(ontology, DCTERMS.description),
        "groups": groups,
        "roles": view.resource(ROLE_SCHEME.value),
        "ontology_facts": view.facts(ontology, sources=False, skip=(DCTERMS.references.value,)),
        "reused": reused,
        "title": title,
    }


def _term(view: View, iri: str) -> dict[str, object]:
    node = ox.NamedNode(iri)
    return {
        "id": iri[len(_NS) :],
        "label": view.labels.text(node, RDFS.label) or view.labels.text(node, SKOS.prefLabel),
        "definition": view.labels.text(node, SKOS.definition),
        "facts": view.facts(node, sources=False, skip=(RDFS.label.value, SKOS.definition.value)),
    }
