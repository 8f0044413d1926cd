"""The document about a resource: what its RDF representation holds (https://www.w3.org/submissions/CBD/).

One function, :func:`document_triples`, used by everything that publishes a resource on its own:
the HTML pages, the static export (``doc/{kind}/{id}.ttl`` …) and the server's content
negotiation. A document holds

* the thing itself and its parts — resources whose IRIs extend the thing's IRI (``…/question/1``,
  ``…/participation/chair/x``, ``…/identifier/orgnr``, ``ontology#Term``, ``role/chair``) reached
  from it by a link in either direction — and the blank nodes they use (a concise bounded
  description);
* for every other resource those statements link to, its types and labels, so a consumer can
  show a link without fetching the other document; and the context a reader of the thing needs,
  a few links further (:data:`CONTEXT`): an organisation's identifiers (with their status and
  source) and homepage, a post's body and the post it reports to, the body a unit or ministry
  belongs to, and who is shown holding a post (a minister the chair served), each with its source.

Incoming links are not part of the document (a popular organisation may be pointed at a hundred
thousand times); the HTML page lists them with a cap. Every lookup is an index lookup on the
store (subject, or predicate + object), never a scan, so a document costs the same in a release
of one meeting and of a hundred thousand.
"""

from __future__ import annotations

import pyoxigraph as ox

from ..formats import Format
from ..serialize import sort_key
from ..triples import RDF_TYPE
from ..writers import write

__all__ = ["LABELS", "PART_OF", "document_bytes", "document_triples", "own_resources"]


#: The properties that name a resource, in the order a page prefers them.
LABELS: tuple[ox.NamedNode, ...] = tuple(
    ox.NamedNode(iri)
    for iri in (
        "http://www.w3.org/2004/02/skos/core#prefLabel",
        "http://www.w3.org/2000/01/rdf-schema#label",
        "http://purl.org/dc/terms/title",
        "http://xmlns.com/foaf/0.1/name",
        "https://schema.org/name",
    )
)

#: Links from a part to its whole: a part found through one of these (pointing at the thing) is
#: in the thing's document even when the thing does not link to it.
PART_OF: tuple[ox.NamedNode, ...] = tuple(
    ox.NamedNode(iri)
    for iri in (
        "http://purl.org/dc/terms/isPartOf",
        "http://www.w3.org/2000/01/rdf-schema#isDefinedBy",
        "http://www.w3.org/2004/02/skos/core#inScheme",
    )
)

#: Links followed from a linked resource to give the document its context (at most ``_DEPTH`` links
#: from the thing's own resources). The nodes they reach are described by their types and labels, and
#: identifier nodes and post holdings in full.
CONTEXT: tuple[ox.NamedNode, ...] = tuple(
    ox.NamedNode(iri)
    for iri in (
        "http://www.w3.org/ns/adms#identifier",
        "http://www.w3.org/ns/legal#legalIdentifier",
        "http://xmlns.com/foaf/0.1/homepage",
        "http://www.w3.org/2004/02/skos/core#exactMatch",
        "http://www.w3.org/2002/07/owl#sameAs",
        "http://www.w3.org/ns/org#postIn",
        "http://www.w3.org/ns/org#reportsTo",
        "http://www.w3.org/ns/org#unitOf",
        "http://www.w3.org/ns/org#subOrganizationOf",
        "http://purl.org/dc/terms/source",
    )
)
_IN_FULL = {
    ox.NamedNode("http://www.w3.org/ns/adms#identifier"),
    ox.NamedNode("http://www.w3.org/ns/legal#legalIdentifier"),
}
_POST = ox.NamedNode("http://www.w3.org/ns/org#Post")
_HOLDING_POST = ox.NamedNode("https://w3id.org/sakrad/ontology#post")
_MEMBER = ox.NamedNode("http://www.w3.org/ns/org#member")
_DEPTH = 3

Subject = ox.NamedNode | ox.BlankNode


def _extends(whole: str, iri: str) -> bool:
    return len(iri) > len(whole) and iri.startswith(whole) and iri[len(whole)] in "/#"


def own_resources(store: ox.Store, iri: str) -> list[Subject]:
    """The thing and its parts (IRIs extending ``iri``), and the blank nodes they use, in the order found."""
    thing = ox.NamedNode(iri)
    seen: dict[Subject, None] = {thing: None}
    queue: list[Subject] = [thing]
    for predicate in PART_OF:
        for quad in store.quads_for_pattern(None, predicate, thing):
            s = quad.subject
            if isinstance(s, ox.NamedNode) and _extends(iri, s.value) and s not in seen:
                seen[s] = None
                queue.append(s)
    while queue:
        s = queue.pop()
        for quad in store.quads_for_pattern(s, None, None):
            o = quad.object
            if (
                isinstance(o, ox.BlankNode) or (isinstance(o, ox.NamedNode) and _extends(iri, o.value))
            ) and o not in seen:
                seen[o] = None
                queue.append(o)
    return list(seen)


def document_triples(store: ox.Store, iri: str) -> list[ox.Triple]:
    """The triples of the document about ``iri``, sorted; empty if the store knows nothing of it.

    The store may hold the data in its default graph or in named graphs: all graphs are read, and a
    triple held in several graphs appears once.
    """
    own = own_resources(store, iri)
    triples: set[ox.Triple] = set()
    for s in own:
        triples.update(q.triple for q in store.quads_for_pattern(s, None, None))
    owned = set(own)
    # linked resources, not the classes of the own ones (a class is described by the ontology)
    frontier = {
        t.object
        for t in triples
        if isinstance(t.object, ox.NamedNode) and t.object not in owned and t.predicate != RDF_TYPE
    }
    seen = set(owned)
    for _ in range(_DEPTH):
        reached: set[ox.NamedNode] = set()
        for o in frontier - seen:
            seen.add(o)
            for predicate in (RDF_TYPE, *LABELS):
                triples.update(q.triple for q in store.quads_for_pattern(o, predicate, None))
            for predicate in CONTEXT:
                for q in store.quads_for_pattern(o, predicate, None):
                    triples.add(q.triple)
                    if isinstance(q.object, ox.NamedNode):
                        reached.add(q.object)
                        if predicate in _IN_FULL:
                            triples.update(t.triple for t in store.quads_for_pattern(q.object, None, None))
            if (o, RDF_TYPE, _POST) in triples or any(True for _ in store.quads_for_pattern(o, RDF_TYPE, _POST)):
                for holding in store.quads_for_pattern(None, _HOLDING_POST, o):  # who is shown holding it
                    triples.update(t.triple for t in store.quads_for_pattern(holding.subject, None, None))
                    reached.update(t.object for t in store.quads_for_pattern(holding.subject, _MEMBER, None))
        frontier = {r for r in reached if isinstance(r, ox.NamedNode)}
    for o in frontier - seen:  # the last links reached: named, not described further
        for predicate in (RDF_TYPE, *LABELS):
            triples.update(q.triple for q in store.quads_for_pattern(o, predicate, None))
    return sorted(triples, key=sort_key)  # the release's own order


def document_bytes(triples: list[ox.Triple], format: Format, context: str, root: str | None = None) -> bytes:
    """A document's triples as ``format`` (one of :data:`sakrad_ld.formats.FORMATS`, by its writer), in
    the release's style (only the prefixes used, sorted): the same triples give the same bytes.
    ``context`` is the JSON-LD ``@context`` reference (the published ``{base}context.jsonld``);
    with ``root``, the thing the document is about, JSON-LD is framed around it (one tree a person
    reads with plain JSON, :func:`sakrad_ld.jsonld.framed_jsonld`)."""
    return write(format, triples, context=context, root=root)
