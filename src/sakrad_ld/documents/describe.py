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
  belongs to, and the posts a linked person is shown holding (the minister the chair served as),
  each holding with its source — never every holder of a post the thing links to, who may have
  nothing to do with it;
  every linked resource with its addresses (:data:`ADDRESSES`: a source document's ``schema:url``
  and ``schema:archivedAt``, the copy the release keeps), also the last ones reached;
* for a participation it links to (an organisation's, a person's, a body's ``m8g:participates``),
  its role and its meeting: the one link ``meeting m8g:hasParticipation participation`` and what
  says which sakråd it was (:data:`MEETING`: its title and how a title the data made was made,
  its date, stated or derived and how, a series' days with their dates, whether it was only
  announced, and how it is concluded to have been held where no document read says so, with the
  document that conclusion rests on: the marks its page shows), so the document alone answers
  "which sakråd, in what role";
* who the thing's contact points are: the links ``person m8g:contactPoint point`` to them (the
  person is described as any linked resource, by types, labels and sources).

Incoming links are not part of the document, but for a participation's meeting (a popular
organisation may be pointed at a hundred thousand times); the HTML page lists them with a cap. Every lookup is an index lookup on the
store (subject, or predicate + object), never a scan, so a document costs the same in a release
of one meeting and of a hundred thousand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import pyoxigraph as ox

from ..formats import Format
from ..serialize import SortedTriples, prefix_names
from ..triples import RDF_TYPE, Term, Triple
from ..vocab import ADMS, DCTERMS, FOAF, LEGAL, M8G, ORG, OWL, PREFIXES, RDFS, SAKRAD, SCHEMA, SKOS
from ..writers import write

__all__ = ["LABELS", "PART_OF", "document_bytes", "document_triples", "own_resources", "version_of"]


#: The properties that name a resource, in the order a page prefers them.
LABELS: tuple[ox.NamedNode, ...] = (SKOS.prefLabel, RDFS.label, DCTERMS.title, FOAF.name, SCHEMA.name)

#: Links from a part to its whole: a part found through one of these (pointing at the thing) is
#: in the thing's document even when the thing does not link to it.
PART_OF: tuple[ox.NamedNode, ...] = (DCTERMS.isPartOf, RDFS.isDefinedBy, SKOS.inScheme)

#: Links followed from a linked resource to give the document its context (at most ``_DEPTH`` links
#: from the thing's own resources). The nodes they reach are described by their types, labels and
#: addresses, and identifier nodes and post holdings in full.
CONTEXT: tuple[ox.NamedNode, ...] = (
    ADMS.identifier,
    LEGAL.legalIdentifier,
    FOAF.homepage,
    SKOS.exactMatch,
    OWL.sameAs,
    ORG.postIn,
    SAKRAD.postInDerivation,  # a placement the data made: why (docs/model.md)
    SAKRAD.unitOfDerivation,  # likewise a body's unit_of, a post's reports_to, an English name (placed.py)
    SAKRAD.reportsToDerivation,
    SAKRAD.translationDerivation,
    ORG.reportsTo,
    ORG.unitOf,
    ORG.subOrganizationOf,
    DCTERMS.source,
)
#: A resource's addresses: where a source document is published, and the copy of its text the
#: release keeps. Given with its types and labels wherever a resource is shown, at any distance.
ADDRESSES: tuple[ox.NamedNode, ...] = (SCHEMA.url, SCHEMA.archivedAt)
#: What a participation linked from the thing's own resources says of itself beyond its types,
#: labels and sources: its role (a term, not described further).
PARTICIPATION: tuple[ox.NamedNode, ...] = (M8G.role,)
#: What says which meeting a linked participation belongs to: its types and title, how a title
#: the data made was made, its date (stated, or derived with how), whether its sources only
#: announce it, how the data concludes it was held where no document read says so and the
#: document that rests on; and a series' days (``schema:subEvent``) with their types and dates.
MEETING: tuple[ox.NamedNode, ...] = (
    RDF_TYPE,
    *LABELS,
    SAKRAD.titleDerivation,
    SCHEMA.startDate,
    SAKRAD.derivedDate,
    SAKRAD.derivation,
    SAKRAD.announcedOnly,
    SAKRAD.heldDerivation,
    SAKRAD.heldDerivedFrom,
)
_DAY: tuple[ox.NamedNode, ...] = (RDF_TYPE, SCHEMA.startDate)
_PARTICIPATION = M8G.Participation
_IN_FULL = {ADMS.identifier, LEGAL.legalIdentifier}
_HOLDING_POST = SAKRAD.post
_HOLDING = SAKRAD.PostHolding
_MEMBER = ORG.member
_DEPTH = 3
_NAMED = (RDF_TYPE, *LABELS, *ADDRESSES)

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
    return list(_own(_pattern(store), iri)[0])


def _own(
    pattern: Callable[[Term | None, Term | None, Term | None], Iterable[Triple]], iri: str
) -> tuple[dict[Subject, None], list[Triple]]:
    """The thing and its parts with the blank nodes they use, in the order found, and what they say."""
    thing = ox.NamedNode(iri)
    seen: dict[Subject, None] = {thing: None}
    queue: list[Subject] = [thing]
    for predicate in PART_OF:
        for s, _, _ in pattern(None, predicate, thing):
            if isinstance(s, ox.NamedNode) and _extends(iri, s.value) and s not in seen:
                seen[s] = None
                queue.append(s)
    said: list[Triple] = []
    while queue:
        s = queue.pop()
        for triple in pattern(s, None, None):
            said.append(triple)
            o = triple[2]
            if (
                isinstance(o, ox.BlankNode) or (isinstance(o, ox.NamedNode) and _extends(iri, o.value))
            ) and o not in seen:
                seen[o] = None
                queue.append(o)
    return seen, said


def document_triples(store: ox.Store, iri: str, known: dict[object, object] | None = None) -> SortedTriples:
    """The triples of the document about ``iri``, sorted; empty if the store knows nothing of it.

    The store may hold the data in its default graph or in named graphs: all graphs are read, and a
    triple held in several graphs appears once. What a linked resource adds to a document depends on
    that resource alone: give the same ``known`` (an empty dict at first) to the documents of one
    unchanging store and each resource's part is read (and put in order) once, not once for every
    document that links to it (an organisation in a thousand meetings). The list carries each
    subject's statements and the prefixes the writers declare (:class:`~sakrad_ld.serialize.SortedTriples`).
    """
    pattern = _pattern(store)
    iri = version_of(store, iri) or iri  # a version IRI's document is that version of the ontology
    owned, mine = _own(pattern, iri)
    contacts = _contact_people(pattern, owned)
    mine.extend(contacts)
    parts: dict[Term, list[_Part]] = {part.subject: [part] for part in _parts(mine)}
    # linked resources, not the classes of the own ones (a class is described by the ontology)
    frontier = {o for _, p, o in mine if isinstance(o, ox.NamedNode) and o not in owned and p != RDF_TYPE}
    frontier.update(s for s, _, _ in contacts if isinstance(s, ox.NamedNode))
    seen: set[Term] = set(owned)
    known = {} if known is None else known
    linked_parts: list[_Part] = []
    used = prefix_names(mine)
    for _ in range(_DEPTH):
        reached: set[Term] = set()
        for o in frontier - seen:
            seen.add(o)
            linked = known.get(o)
            if linked is None:
                linked = known[o] = _linked(pattern, o)
            linked_parts.extend(linked.parts)  # type: ignore[attr-defined]
            used.update(linked.prefixes)  # type: ignore[attr-defined]
            reached.update(linked.reached)  # type: ignore[attr-defined]
        frontier = {r for r in reached if isinstance(r, ox.NamedNode)}
    for o in frontier - seen:  # the last links reached: named, not described further
        named = known.get((_NAMED_ONLY, o))
        if named is None:
            named = known[(_NAMED_ONLY, o)] = _linked_of(_named(pattern, o), ())
        linked_parts.extend(named.parts)  # type: ignore[attr-defined]
        used.update(named.prefixes)  # type: ignore[attr-defined]
    for part in linked_parts:
        if (same := parts.get(part.subject)) is None:
            parts[part.subject] = [part]
        else:
            same.append(part)
    return _in_order(parts, owned, used, known)


def version_of(store: ox.Store, iri: str) -> str | None:
    """The ontology whose ``owl:versionIRI`` is ``iri`` (``{base}ontology/1.2.0`` → ``{base}ontology``);
    None for any other IRI. By OWL 2 Structural Specification §3.2 (ontology documents) a version of an
    ontology should be retrievable from its version IRI, so the document at a version IRI is the
    ontology's, not the one triple linking to it (a release holds one version, the one its ontology
    names)."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return None
    for s, _, _ in _pattern(store)(None, OWL.versionIRI, node):
        if isinstance(s, ox.NamedNode):
            return s.value
    return None


def _contact_people(
    pattern: Callable[[Term | None, Term | None, Term | None], Iterable[Triple]], owned: dict[Subject, None]
) -> list[Triple]:
    """Who is the contact: the links ``person m8g:contactPoint point`` to the thing's own contact points
    (a person names the point, the point never names the person), so the document says who to ask; the
    person is then described as every linked resource is (types, labels, sources), nothing more."""
    found: list[Triple] = []
    for point in owned:
        if not any(True for _ in pattern(point, RDF_TYPE, M8G.ContactPoint)):
            continue
        found.extend(t for t in pattern(None, M8G.contactPoint, point) if t[0] not in owned)
    return found


_NAMED_ONLY = "named"  # a resource's types and labels alone, in ``known``
_MERGED = "merged"  # a subject's parts from several linked resources, merged, in ``known``


class _Part(NamedTuple):
    """One subject's statements from one place (its own, or a linked resource's), in release order."""

    key: str  # the subject as N-Triples: the release's order of subjects
    subject: Term
    statements: dict[Term, list[Term]]  # predicate → objects
    triples: tuple[ox.Triple, ...]


def _parts(triples: Iterable[Triple]) -> list[_Part]:
    """``triples`` by subject, each once, in release order within each subject."""
    grouped: dict[Term, dict[Term, dict[Term, None]]] = {}
    for s, p, o in triples:
        by_p = grouped.get(s)
        if by_p is None:
            by_p = grouped[s] = {}
        objects = by_p.get(p)
        if objects is None:
            by_p[p] = {o: None}
        else:
            objects[o] = None
    return [_part(s, by_p) for s, by_p in grouped.items()]


def _part(s: Term, by_p: dict[Term, dict[Term, None]]) -> _Part:
    statements = {
        p: list(objects) if len(objects) < 2 else sorted(objects, key=str)
        for p in sorted(by_p, key=_predicate_key)
        if (objects := by_p[p])
    }
    triples = tuple(ox.Triple(s, p, o) for p, objects in statements.items() for o in objects)  # type: ignore[arg-type]
    return _Part(str(s), s, statements, triples)


def _predicate_key(p: Term) -> tuple[bool, str]:
    return p != RDF_TYPE, p.value


def _in_order(
    parts: dict[Term, list[_Part]], owned: dict[Subject, None], used: set[str], known: dict[object, object]
) -> SortedTriples:
    """The document from each subject's parts: its triples in release order, each subject's
    statements by IRI (when every subject has one) and the prefixes used."""
    out = SortedTriples()
    by_subject: dict[str, dict[Term, list[Term]]] | None = {}
    for same in sorted(parts.values(), key=lambda same: same[0].key):
        part = same[0] if len(same) == 1 else _merged(same, known, same[0].subject not in owned)
        out.extend(part.triples)
        if by_subject is not None:
            if type(part.subject) is ox.NamedNode:
                by_subject[part.subject.value] = part.statements
            else:
                by_subject = None  # a blank node: read from the triples (the JSON-LD writer refuses it)
    out.by_subject = by_subject
    out.prefixes = {name: ns for name, ns in sorted(PREFIXES.items()) if name in used}
    return out


def _merged(same: list[_Part], known: dict[object, object], keep: bool) -> _Part:
    """One part of a subject's several; kept in ``known`` (``keep``) when they are all linked
    resources' (an identifier read in full with its organisation and reached from it as well)."""
    made: list[tuple[tuple[_Part, ...], _Part]] = known.setdefault((_MERGED, same[0].subject), []) if keep else []  # type: ignore[assignment]
    for parts, merged in made:
        if len(parts) == len(same) and all(a is b for a, b in zip(parts, same, strict=True)):
            return merged
    by_p: dict[Term, dict[Term, None]] = {}
    for part in same:
        for p, objects in part.statements.items():
            by_p.setdefault(p, {}).update(dict.fromkeys(objects))
    merged = _part(same[0].subject, by_p)
    made.append((tuple(same), merged))
    return merged


class _Linked(NamedTuple):
    """What a linked resource adds to a document: its types and labels with its context, as parts
    (``parts``), the names of the prefixes their N-Triples use (``prefixes``) and the resources its
    context links to (``reached``)."""

    parts: tuple[_Part, ...]
    prefixes: frozenset[str]
    reached: tuple[Term, ...]


def _linked_of(triples: list[Triple], reached: Iterable[Term]) -> _Linked:
    parts = tuple(_parts(triples))
    return _Linked(parts, frozenset(prefix_names(triples)), tuple(reached))


def _named(pattern: Callable[[Term | None, Term | None, Term | None], Iterable[Triple]], o: Term) -> list[Triple]:
    return [t for predicate in _NAMED for t in pattern(o, predicate, None)]


def _linked(pattern: Callable[[Term | None, Term | None, Term | None], Iterable[Triple]], o: Term) -> _Linked:
    triples = _named(pattern, o)
    reached: dict[Term, None] = {}
    for predicate in CONTEXT:
        for t in pattern(o, predicate, None):
            triples.append(t)
            if isinstance(t[2], ox.NamedNode):
                reached[t[2]] = None
                if predicate in _IN_FULL:
                    triples.extend(pattern(t[2], None, None))
    if any(t[1] == RDF_TYPE and t[2] == _PARTICIPATION for t in triples):
        triples.extend(_participation(pattern, o))
    for holding, _, _ in list(pattern(None, _MEMBER, o)):  # the posts a person is shown holding
        if any(True for _ in pattern(holding, RDF_TYPE, _HOLDING)):
            triples.extend(pattern(holding, None, None))
            reached.update((post, None) for _, _, post in pattern(holding, _HOLDING_POST, None))
    return _linked_of(triples, reached)


def _participation(
    pattern: Callable[[Term | None, Term | None, Term | None], Iterable[Triple]], o: Term
) -> list[Triple]:
    """A linked participation's role, and its meeting (the incoming ``m8g:hasParticipation``, an
    index lookup by predicate and object) with :data:`MEETING` and its days."""
    triples = [t for predicate in PARTICIPATION for t in pattern(o, predicate, None)]
    for link in pattern(None, M8G.hasParticipation, o):
        meeting = link[0]
        triples.append(link)
        triples.extend(t for predicate in MEETING for t in pattern(meeting, predicate, None))
        for day_link in pattern(meeting, SCHEMA.subEvent, None):
            triples.append(day_link)
            triples.extend(t for predicate in _DAY for t in pattern(day_link[2], predicate, None))
    return triples


def document_bytes(triples: list[ox.Triple], format: Format, root: str | None = None) -> bytes:
    """A document's triples as ``format`` (one of :data:`sakrad_ld.formats.FORMATS`, by its writer), in
    the release's style (only the prefixes used, sorted): the same triples give the same bytes.
    JSON-LD carries the definitions of the published context it uses inline
    (:func:`sakrad_ld.jsonld.used_context`), so every client reads it with no network. With ``root``, the thing the document is about,
    JSON-LD is framed around it (one tree a person reads with plain JSON,
    :func:`sakrad_ld.jsonld.framed_jsonld`); a version IRI's document is framed around its ontology."""
    if root is not None and root.startswith(("http://", "https://")):
        node = ox.NamedNode(root)
        if not any(t.subject == node for t in triples):
            root = next((t.subject.value for t in triples if t.predicate == OWL.versionIRI and t.object == node), root)
    return write(format, triples, root=root)
