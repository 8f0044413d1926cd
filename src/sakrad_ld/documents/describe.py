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

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import pyoxigraph as ox

from ..formats import Format
from ..serialize import sort_key
from ..triples import RDF_TYPE, Term, Triple
from ..vocab import ADMS, DCTERMS, FOAF, LEGAL, ORG, OWL, RDFS, SAKRAD, SCHEMA, SKOS
from ..writers import write

__all__ = ["LABELS", "PART_OF", "document_bytes", "document_triples", "own_resources"]


#: The properties that name a resource, in the order a page prefers them.
LABELS: tuple[ox.NamedNode, ...] = (SKOS.prefLabel, RDFS.label, DCTERMS.title, FOAF.name, SCHEMA.name)

#: Links from a part to its whole: a part found through one of these (pointing at the thing) is
#: in the thing's document even when the thing does not link to it.
PART_OF: tuple[ox.NamedNode, ...] = (DCTERMS.isPartOf, RDFS.isDefinedBy, SKOS.inScheme)

#: Links followed from a linked resource to give the document its context (at most ``_DEPTH`` links
#: from the thing's own resources). The nodes they reach are described by their types and labels, and
#: identifier nodes and post holdings in full; a source document with its address.
CONTEXT: tuple[ox.NamedNode, ...] = (
    ADMS.identifier,
    LEGAL.legalIdentifier,
    FOAF.homepage,
    SKOS.exactMatch,
    OWL.sameAs,
    ORG.postIn,
    ORG.reportsTo,
    ORG.unitOf,
    ORG.subOrganizationOf,
    DCTERMS.source,
    SCHEMA.url,  # where a source document is published
)
_IN_FULL = {ADMS.identifier, LEGAL.legalIdentifier}
_POST = ORG.Post
_HOLDING_POST = SAKRAD.post
_MEMBER = ORG.member
_DEPTH = 3
_NAMED = (RDF_TYPE, *LABELS)

Subject = ox.NamedNode | ox.BlankNode


def _extends(whole: str, iri: str) -> bool:
    return len(iri) > len(whole) and iri.startswith(whole) and iri[len(whole)] in "/#"


def _pattern(store: ox.Store) -> Callable[[Term | None, Term | None, Term | None], Iterable[Triple]]:
    """How to read ``store`` by pattern as plain triples: an :class:`~sakrad_ld.triples.IndexStore`
    (the build's triples in memory) answers them directly; a pyoxigraph store's quads are unpacked."""
    direct = getattr(store, "triples_for_pattern", None)
    if direct is not None:
        return direct  # type: ignore[no-any-return]

    def from_quads(s: Term | None, p: Term | None, o: Term | None) -> Iterator[Triple]:
        for q in store.quads_for_pattern(s, p, o):  # type: ignore[arg-type]
            yield q.subject, q.predicate, q.object

    return from_quads


def own_resources(store: ox.Store, iri: str) -> list[Subject]:
    """The thing and its parts (IRIs extending ``iri``), and the blank nodes they use, in the order found."""
    return _own(_pattern(store), iri)


def _own(pattern: Callable[[Term | None, Term | None, Term | None], Iterable[Triple]], iri: str) -> list[Subject]:
    thing = ox.NamedNode(iri)
    seen: dict[Subject, None] = {thing: None}
    queue: list[Subject] = [thing]
    for predicate in PART_OF:
        for s, _, _ in pattern(None, predicate, thing):
            if isinstance(s, ox.NamedNode) and _extends(iri, s.value) and s not in seen:
                seen[s] = None
                queue.append(s)
    while queue:
        s = queue.pop()
        for _, _, o in pattern(s, None, None):
            if (
                isinstance(o, ox.BlankNode) or (isinstance(o, ox.NamedNode) and _extends(iri, o.value))
            ) and o not in seen:
                seen[o] = None
                queue.append(o)
    return list(seen)


def document_triples(store: ox.Store, iri: str, known: dict[Term, _Linked] | None = None) -> list[ox.Triple]:
    """The triples of the document about ``iri``, sorted; empty if the store knows nothing of it.

    The store may hold the data in its default graph or in named graphs: all graphs are read, and a
    triple held in several graphs appears once. What a linked resource adds to a document depends on
    that resource alone: give the same ``known`` (an empty dict at first) to the documents of one
    unchanging store and each resource's part is read once, not once for every document that links
    to it (an organisation in a thousand meetings).
    """
    pattern = _pattern(store)
    own = _own(pattern, iri)
    triples: set[ox.Triple] = set()
    for s in own:
        triples.update(ox.Triple(*t) for t in pattern(s, None, None))
    owned = set(own)
    # linked resources, not the classes of the own ones (a class is described by the ontology)
    frontier = {
        t.object
        for t in triples
        if isinstance(t.object, ox.NamedNode) and t.object not in owned and t.predicate != RDF_TYPE
    }
    seen = set(owned)
    known = {} if known is None else known
    for _ in range(_DEPTH):
        reached: set[Term] = set()
        for o in frontier - seen:
            seen.add(o)
            linked = known.get(o)
            if linked is None:
                linked = known[o] = _linked(pattern, o)
            triples.update(linked.triples)
            reached.update(linked.reached)
        frontier = {r for r in reached if isinstance(r, ox.NamedNode)}
    for o in frontier - seen:  # the last links reached: named, not described further
        linked = known.get(o)
        triples.update(linked.named if linked is not None else _named(pattern, o))
    return sorted(triples, key=sort_key)  # the release's own order


class _Linked(NamedTuple):
    """What a linked resource adds to a document: its types and labels (``named``), those and its
    context (``triples``), and the resources its context links to (``reached``)."""

    named: tuple[ox.Triple, ...]
    triples: tuple[ox.Triple, ...]
    reached: tuple[Term, ...]


def _named(
    pattern: Callable[[Term | None, Term | None, Term | None], Iterable[Triple]], o: Term
) -> tuple[ox.Triple, ...]:
    return tuple(ox.Triple(*t) for predicate in _NAMED for t in pattern(o, predicate, None))


def _linked(pattern: Callable[[Term | None, Term | None, Term | None], Iterable[Triple]], o: Term) -> _Linked:
    named = _named(pattern, o)
    triples = set(named)
    reached: set[Term] = set()
    for predicate in CONTEXT:
        for t in pattern(o, predicate, None):
            triples.add(ox.Triple(*t))
            if isinstance(t[2], ox.NamedNode):
                reached.add(t[2])
                if predicate in _IN_FULL:
                    triples.update(ox.Triple(*u) for u in pattern(t[2], None, None))
    if ox.Triple(o, RDF_TYPE, _POST) in triples:
        for holding, _, _ in list(pattern(None, _HOLDING_POST, o)):  # who is shown holding it
            triples.update(ox.Triple(*t) for t in pattern(holding, None, None))
            reached.update(m for _, _, m in pattern(holding, _MEMBER, None))
    return _Linked(named, tuple(triples), tuple(reached))


def document_bytes(triples: list[ox.Triple], format: Format, context: str, root: str | None = None) -> bytes:
    """A document's triples as ``format`` (one of :data:`sakrad_ld.formats.FORMATS`, by its writer), in
    the release's style (only the prefixes used, sorted): the same triples give the same bytes.
    ``context`` is the JSON-LD ``@context`` reference (the published ``{base}context.jsonld``);
    with ``root``, the thing the document is about, JSON-LD is framed around it (one tree a person
    reads with plain JSON, :func:`sakrad_ld.jsonld.framed_jsonld`)."""
    return write(format, triples, context=context, root=root)
