"""The document about a resource: what its RDF representation holds (https://www.w3.org/submissions/CBD/).

One function, :func:`document_triples`, used by everything that publishes a resource on its own:
the HTML pages, the static export (``doc/{kind}/{id}.ttl`` …) and the server's content
negotiation. A document holds

* the thing itself and its parts — resources whose IRIs extend the thing's IRI (``…/question/1``,
  ``…/participation/chair/x``, ``…/identifier/orgnr``, ``ontology#Term``, ``role/chair``) reached
  from it by a link in either direction — and the blank nodes they use (a concise bounded
  description);
* for every other resource those statements link to, its types and labels only, so a consumer
  can show a link without fetching the other document.

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

__all__ = ["LABELS", "PART_OF", "document_bytes", "document_triples", "own_resources"]


#: The properties that name a resource, in the order a page prefers them.
LABELS: tuple[ox.NamedNode, ...] = tuple(ox.NamedNode(iri) for iri in (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/title",
    "http://xmlns.com/foaf/0.1/name",
    "https://schema.org/name",
))

#: Links from a part to its whole: a part found through one of these (pointing at the thing) is
#: in the thing's document even when the thing does not link to it.
PART_OF: tuple[ox.NamedNode, ...] = tuple(ox.NamedNode(iri) for iri in (
    "http://purl.org/dc/terms/isPartOf",
    "http://www.w3.org/2000/01/rdf-schema#isDefinedBy",
    "http://www.w3.org/2004/02/skos/core#inScheme",
))

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
            if (isinstance(o, ox.BlankNode) or (isinstance(o, ox.NamedNode) and _extends(iri, o.value))) \
                    and o not in seen:
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
    linked = {t.object for t in triples if isinstance(t.object, ox.NamedNode) and t.object not in owned}
    for o in linked:
        for predicate in (RDF_TYPE, *LABELS):
            triples.update(q.triple for q in store.quads_for_pattern(o, predicate, None))
    return sorted(triples, key=sort_key)  # the release's own order



def document_bytes(triples: list[ox.Triple], format: Format, context: str) -> bytes:
    """A document's triples as ``format`` (one of :data:`sakrad_ld.formats.FORMATS`), in the
    release's style (only the prefixes used, sorted): the same triples give the same bytes.
    ``context`` is the JSON-LD ``@context`` reference (the release's ``context.jsonld``)."""
    from ..jsonld import to_jsonld
    from ..serialize import serialize_ox

    if format.name != "jsonld":
        return serialize_ox(triples, format.name)
    return to_jsonld(triples, context)  # type: ignore[arg-type]  # a pyoxigraph triple unpacks as (s, p, o)
