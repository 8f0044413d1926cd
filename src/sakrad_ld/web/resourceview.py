"""The parts of a resource's page as data for the templates: its facts, the values in them, the
sakråd it took part in, and what links to it.

A value that is a resource of the site links to its page (with the resource's label); any other
IRI is a link out of the site, marked as such. Long lists are capped: a table shows at most
:attr:`View.limit` values of one property and :attr:`View.limit` incoming links of one kind, with
the full count and how to get the rest (a SPARQL query), so a page about an organisation that
took part in thousands of sakråd stays small and fast. Nothing here writes HTML: the templates
(``templates/*.html``) do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

import pyoxigraph as ox

from ..triples import RDF_TYPE
from ..vocab import ADMS, DCTERMS, M8G, ONTOLOGY_IRI, ORG, RDFS, SAKRAD, SCHEMA, SKOS, TIME, VOID, XSD
from .describe import LABELS, own_resources
from .labels import Labeller, Text, compact, literal_language, objects, term_labels, text_of, value
from .lists import MeetingMarks
from .meeting import _days
from .paths import page_file
from .provenance import Provenance

__all__ = ["DATA_OWN", "DERIVED_BY", "FactRow", "FactTable", "Incoming", "Participation", "Value", "View"]

_SOURCE = DCTERMS.source
_ANY_URI = XSD.anyURI.value
#: What a stated count counts, by the last segment of its IRI (``…/count/invited``): Swedish, English.
_COUNTED = {
    "invited": ("inbjudna", "invited"),
    "participant": ("deltagare", "participants"),
    "participants": ("deltagare", "participants"),
    "organisations": ("deltagande organisationer", "participating organisations"),
    "organisation": ("deltagande organisationer", "participating organisations"),
}


#: A relation the data may give by a rule of its own where no source states it, and the property
#: that then says why (docs/model.md, "Stated is not derived"): a body part of another, a person
#: working in a body, a post placed in a body or reporting to another post.
DERIVED_BY = {
    ORG.unitOf: SAKRAD.unitOfDerivation,
    ORG.subOrganizationOf: SAKRAD.unitOfDerivation,
    ORG.memberOf: SAKRAD.memberOfDerivation,
    ORG.postIn: SAKRAD.postInDerivation,
    ORG.reportsTo: SAKRAD.reportsToDerivation,
}


#: The name a page gives the dataset's own graph where it shows which document states a fact.
DATA_OWN = Text("datans egen uppgift (sakrad-ld)", "the data's own (sakrad-ld)")


@dataclass(frozen=True)
class Value:
    """One value as a page shows it: a name, and where it links (``href`` a page of the site,
    ``url`` a place outside it), or a literal in its language."""

    label: Text | None = None
    href: str | None = None
    url: str | None = None
    code: str | None = None
    whole: Text | None = None
    title: str | None = None
    #: the sakråd's title shown (its own label, or a part's whole's) is the data's own, no source's
    #: headline (``sakrad:titleDerivation``): marked "(datans egen rubrik)" wherever it is shown
    title_own: bool = False

    @classmethod
    def literal(cls, term: ox.Literal) -> Value:
        if term.datatype.value == _ANY_URI and term.value.startswith(("http://", "https://")):
            return cls(url=term.value)
        return cls(Text(term.value, None, literal_language(term)))


#: Links whose vocabulary gives their objects' class (``rdfs:range``), for a resource the data does
#: not type itself: the dataset's VoID partitions and subsets (https://www.w3.org/TR/void/).
RANGES: tuple[tuple[ox.NamedNode, ox.NamedNode], ...] = (
    (VOID.classPartition, VOID.Dataset),
    (VOID.propertyPartition, VOID.Dataset),
    (VOID.subset, VOID.Dataset),
)


@dataclass(frozen=True)
class FactRow:
    predicate: Value
    values: list[Value]
    total: int
    query: str | None = None
    sources: list[Value] = field(default_factory=list)  # the documents that state this row (the quads)
    #: for each of ``values``, whether the data derived it by a rule of its own, no source stating it
    #: (:data:`DERIVED_BY`): marked "(härlett)"/"(derived)" beside it, as the lists mark it
    derived: tuple[bool, ...] = ()


@dataclass(frozen=True)
class FactTable:
    rows: list[FactRow]
    sources: list[Value] | None  # None: the table has no source line (the ontology's terms)
    heading: Text | None = None
    id: str = ""


@dataclass(frozen=True)
class Participation(MeetingMarks):
    date: str
    meeting: Value
    role: Value | None
    derived: bool = False  # the date is the sakråd's derived one (sakrad:derivedDate), not stated
    #: A series' days (its sub-events' stated dates), in order; ``date`` is then the first of them.
    days: tuple[str, ...] = ()
    title_own: bool = False  # the sakråd's title is the data's own (sakrad:titleDerivation)
    announced: bool = False  # its sources only announce it (sakrad:announcedOnly)
    #: no document read says it was held; the data concludes it from a document it cites (sakrad:heldDerivation)
    held_derived: bool = False


@dataclass(frozen=True)
class IncomingGroup:
    predicate: Value
    total: int
    values: list[Value]
    query: str | None


@dataclass(frozen=True)
class Incoming:
    groups: list[IncomingGroup] = field(default_factory=list)


@dataclass
class View:
    """Reads pieces of pages from one store, for one site."""

    store: ox.Store
    base: str
    labels: Labeller
    sparql_path: str | None
    limit: int = 100
    provenance: Provenance = field(default_factory=Provenance)

    # --- single values -------------------------------------------------------------------------

    def href(self, iri: str) -> str | None:
        return page_file(iri, self.base)

    def whole_of(self, iri: str) -> str | None:
        """The thing a part belongs to (``…/id/meeting/x`` for ``…/id/meeting/x/question/1``)."""
        if not iri.startswith(self.base + "id/"):
            return None
        segments = iri[len(self.base) + 3 :].split("/")
        return f"{self.base}id/{segments[0]}/{segments[1]}" if len(segments) > 2 else None

    def part_name(self, iri: str) -> Text:
        """A name for a part of a thing, from what it is: "ordförande: Anders Kessling", "fråga 2"."""
        node = ox.NamedNode(iri)
        types = set(objects(self.store, node, RDF_TYPE))
        if M8G.Participation in types:
            role = value(self.store, node, M8G.role)
            who = value(self.store, node, M8G.hasParticipant)
            names = [self.labels.of(t) for t in (role, who) if t is not None]
            # the participant as the participation's own source writes it, where the data gives it (named.py)
            if who is not None and (written := text_of(objects(self.store, node, RDFS.label))) is not None:
                names[-1] = written
            sv = ": ".join(t.main for t in names) or iri.rsplit("/", 1)[-1]
            en = ": ".join(t.en or t.main for t in names) or None
            last = names[-1] if names else None
            # the participant's own name, Swedish where it has no English: marked so on English pages
            tail = last.main if last is not None and not last.en and last.lang in ("sv", "") and en != sv else None
            return Text(sv, en if en != sv else None, sv_tail=tail)
        if SCHEMA.Question in types:
            position = value(self.store, node, SCHEMA.position)
            n = position.value if position else iri.rsplit("/", 1)[-1]
            return Text(f"fråga {n}", f"question {n}")
        if SAKRAD.StatedCount in types:  # a count as stated: what it counts, in the source's words
            # a further group's count of the same kind is numbered (…/count/participant-2)
            what = _COUNTED.get(re.sub(r"-\d+$", "", iri.rsplit("/", 1)[-1]), ("antal", "count"))
            words = value(self.store, node, SAKRAD.wording)
            said = f": {words.value}" if isinstance(words, ox.Literal) else ""
            # the source's words are Swedish: marked so on English pages
            swedish = isinstance(words, ox.Literal) and literal_language(words) == "sv"
            return Text(
                f"angivet antal {what[0]}{said}",
                f"stated count of {what[1]}{said}",
                sv_tail=words.value if swedish else None,  # type: ignore[union-attr]
            )
        if ADMS.Identifier in types and (notation := value(self.store, node, SKOS.notation)):
            return Text(f"identifierare {notation.value}", f"identifier {notation.value}")
        own = self.labels.label(node)
        if own is not None:
            return own
        return _kind_name(types, iri.rsplit("/", 1)[-1], self.labels)

    def resource(self, iri: str, *, with_whole: bool = True) -> Value:
        """A resource: linked to its page if the site has one, else out of the site."""
        href = self.href(iri)
        if href is not None:
            whole = self.whole_of(iri)
            if whole is None:
                return Value(self.labels.of(ox.NamedNode(iri)), href=href, title_own=self.title_own(iri))
            if not with_whole:
                return Value(self.part_name(iri), href=href)
            return Value(
                self.part_name(iri),
                href=href,
                whole=self.labels.of(ox.NamedNode(whole)),
                title_own=self.title_own(whole),
            )
        label = self.labels.label(ox.NamedNode(iri)) or term_labels().get(iri)
        url = iri if iri.startswith(("http://", "https://")) else None
        return Value(label, url=url, code=compact(iri))

    def title_own(self, iri: str) -> bool:
        """Whether the title of ``iri`` is the data's own (``sakrad:titleDerivation``), no source's."""
        return value(self.store, ox.NamedNode(iri), SAKRAD.titleDerivation) is not None

    def stating(self, iri: str) -> Value:
        """A document that states a fact, as a page names it beside the fact. The dataset's own graph
        (named by the ontology's IRI: titles the data made, derivations, computed counts; docs/model.md)
        is the data's own statement, linked to the dataset's page: an ontology is not where a fact was
        read, and "Källa: Ontologi för sakråd" read as if it were."""
        if iri == ONTOLOGY_IRI.value:
            return Value(DATA_OWN, href=self.href(self.base + "dataset"))
        return self.document(iri)

    def document(self, iri: str) -> Value:
        """A source document as a page names it: a document of the data by its name and page; an
        address with no page of its own that is the address (``schema:url``) of a document the data
        describes by that document, named and linked to its page (which gives the address), so a
        "Source:" line reads "Skatteverkets lista över godkända gåvomottagare (spegling i
        cisene/swish-123)" as the rest of the page names it, not the raw address."""
        if self.href(iri) is None and iri.startswith(("http://", "https://")):
            at = self.labels.document_at(iri)
            if at is not None and self.href(at.value) is not None:
                return self.resource(at.value)
        return self.resource(iri)

    def term(self, term: ox.NamedNode | ox.BlankNode | ox.Literal, *, with_whole: bool = True) -> Value:
        if isinstance(term, ox.NamedNode):
            return self.resource(term.value, with_whole=with_whole)
        if isinstance(term, ox.BlankNode):
            return Value(code=f"_:{term.value}")
        return Value.literal(term)

    def predicate(self, p: ox.NamedNode) -> Value:
        """A property's name, linked to its definition when the site documents it."""
        return Value(self.labels.of(p), href=self.href(p.value), code=compact(p.value), title=p.value)

    def types(self, node: ox.NamedNode) -> list[Value]:
        found = objects(self.store, node, RDF_TYPE)
        return [self.term(t) for t in sorted(found, key=lambda t: self.labels.of(t).main.lower())]

    def implied_type(self, node: ox.NamedNode) -> tuple[Value, Value] | None:
        """For a resource with no ``rdf:type``, the class a link to it implies (:data:`RANGES`, the
        vocabulary's ``rdfs:range``: RDF 1.1 Semantics, rule rdfs3) and that link, shown so: a VoID
        partition is a ``void:Dataset``; None where no link implies one."""
        for link, cls in RANGES:
            if next(iter(self.store.quads_for_pattern(None, link, node)), None) is not None:
                return self.term(cls), self.predicate(link)
        return None

    def sources(self, node: ox.NamedNode | ox.BlankNode) -> list[Value]:
        """The documents a node's facts come from (its ``dct:source``)."""
        return [self.document(s.value) for s in objects(self.store, node, _SOURCE) if isinstance(s, ox.NamedNode)]

    # --- tables ---------------------------------------------------------------------------------

    def facts(
        self,
        node: ox.NamedNode,
        *,
        heading: Text | None = None,
        id: str = "",
        skip: tuple[str, ...] = (),
        sources: bool = True,
    ) -> FactTable:
        """Every statement about ``node`` (one row per property), with the sources they come from."""
        by_predicate: dict[ox.NamedNode, list] = defaultdict(list)
        for quad in self.store.quads_for_pattern(node, None, None):
            if quad.object not in by_predicate[quad.predicate]:
                by_predicate[quad.predicate].append(quad.object)
        rank = {p: n for n, p in enumerate(LABELS)}
        # a participation's agent is named by its role ("sammankallande", "ordförande"), never as a
        # participant: a convener who invited need not have taken part
        role = value(self.store, node, M8G.role) if M8G.hasParticipant in by_predicate else None
        rows = []
        for p in sorted(
            by_predicate, key=lambda p: (rank.get(p, 99), p == _SOURCE, self.labels.of(p).main.lower(), p.value)
        ):
            if p.value in skip:
                continue
            values = sorted(by_predicate[p], key=_value_order)
            shown = [self.term(v) for v in values[: self.limit]]
            query = self._query(node, p, outgoing=True) if len(values) > len(shown) else None
            stated = [self.stating(d) for d in self.provenance.documents([(node, p, None)])] if sources else []
            name = self.predicate(p)
            if p == M8G.hasParticipant and isinstance(role, ox.NamedNode):
                name = replace(name, label=self.labels.of(role))
                # the participant as this participation's source writes it, where the data gives it (named.py)
                if len(shown) == 1 and (written := text_of(by_predicate.get(RDFS.label, ()))) is not None:
                    shown = [replace(shown[0], label=written)]
            derived = self._derived(node, p, values[: self.limit])
            rows.append(FactRow(name, shown, len(values), query, stated, derived))
        return FactTable(rows, self.sources(node) if sources else None, heading, id)

    def _derived(self, node: ox.NamedNode, p: ox.NamedNode, values: list) -> tuple[bool, ...]:
        """Which of ``values`` of ``node``'s ``p`` the data derived, no source stating them: a relation
        of :data:`DERIVED_BY` with its derivation beside it, an English name the data translated
        (sakrad:translationDerivation), and the body of a post holding whose post the data placed there
        (sakrad:postInDerivation on the holding's sakrad:post). Empty where none is."""
        if p in DERIVED_BY:
            on = value(self.store, node, DERIVED_BY[p]) is not None
            return tuple(on for _ in values) if on else ()
        if p == SKOS.prefLabel and value(self.store, node, SAKRAD.translationDerivation) is not None:
            return tuple(isinstance(v, ox.Literal) and literal_language(v) == "en" for v in values)
        if p == ORG.organization and isinstance(post := value(self.store, node, SAKRAD.post), ox.NamedNode):
            on = value(self.store, post, SAKRAD.postInDerivation) is not None
            return tuple(on for _ in values) if on else ()
        return ()

    def participations(self, node: ox.NamedNode) -> tuple[list[Participation], int, str | None]:
        """The sakråd an agent took part in (``m8g:participates``), newest first, with its role:
        (the first :attr:`limit`, how many in all, a query for all of them when capped)."""
        rows = []
        for part in objects(self.store, node, M8G.participates):
            whole = next((q.subject for q in self.store.quads_for_pattern(None, M8G.hasParticipation, part)), None)
            if not isinstance(whole, ox.NamedNode):
                continue
            date = value(self.store, whole, SCHEMA.startDate)
            days: list[str] = []
            if date is None:  # a series: its days' stated dates
                days = _days(self.store, objects(self.store, whole, M8G.subEvent)) or _days(
                    self.store, objects(self.store, whole, SCHEMA.subEvent)
                )
            derived = date is None and not days and (date := value(self.store, whole, SAKRAD.derivedDate)) is not None
            shown = date.value if isinstance(date, ox.Literal) else min(days) if days else ""
            role = value(self.store, part, M8G.role)
            marks = (
                value(self.store, whole, SAKRAD.titleDerivation) is not None,
                (a := value(self.store, whole, SAKRAD.announcedOnly)) is not None and a.value in ("true", "1"),
                value(self.store, whole, SAKRAD.heldDerivation) is not None,
            )
            rows.append((shown, whole, role, part, derived, tuple(days), marks))
        rows.sort(key=lambda r: (r[0] == "", _descending(r[0]), str(r[1]), str(r[3])))
        out = [
            Participation(
                date,
                self.term(whole),
                Value(self.labels.of(role), href=self.href(part.value)) if role is not None else None,
                derived,
                days,
                *marks,
            )
            for date, whole, role, part, derived, days, marks in rows[: self.limit]
        ]
        query = self._query(node, M8G.participates, outgoing=True) if len(rows) > self.limit else None
        return out, len(rows), query

    # --- incoming links -------------------------------------------------------------------------

    def incoming(self, iri: str) -> Incoming:
        """What points at ``iri`` from outside its own document: per property, a count and (at most
        :attr:`limit`) the resources, taken in the store's index order — a sorted top-k would make
        the store sort every link (seconds for a role used a million times)."""
        node = ox.NamedNode(iri)
        counts = {
            r["p"]: int(r["n"].value)
            for r in self.store.query(f"SELECT ?p (COUNT(?s) AS ?n) WHERE {{ ?s ?p {node} }} GROUP BY ?p")
        }
        own = set(own_resources(self.store, iri))
        for part in own:
            for quad in self.store.quads_for_pattern(part, None, node):
                counts[quad.predicate] -= 1
        groups = sorted(
            ((p, n) for p, n in counts.items() if n > 0),
            key=lambda pn: (self.labels.of(pn[0]).main.lower(), pn[0].value),
        )
        out = []
        for p, n in groups:
            found: list[ox.NamedNode | ox.BlankNode] = []
            for quad in self.store.quads_for_pattern(None, p, node):
                if quad.subject not in own and quad.subject not in found:
                    found.append(quad.subject)
                    if len(found) >= self.limit:
                        break
            values = [self.term(s) for s in sorted(found, key=lambda s: _natural(str(s)))]
            out.append(
                IncomingGroup(
                    self.predicate(p), n, values, self._query(node, p, outgoing=False) if n > len(values) else None
                )
            )
        return Incoming(out)

    def _query(self, node: ox.NamedNode, p: ox.NamedNode, *, outgoing: bool) -> str | None:
        """A link to a SPARQL query that lists everything a capped list leaves out (None without an endpoint)."""
        if not self.sparql_path:
            return None
        pattern = f"{node} {p} ?x" if outgoing else f"?x {p} {node}"
        query = f"SELECT ?x WHERE {{ {pattern} }} ORDER BY ?x"
        return f"{self.sparql_path}?{urlencode({'query': query})}"


def _value_order(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> tuple[int, str, str]:
    if isinstance(term, ox.Literal):
        lang = term.language or ""
        return (0, {"sv": "0", "": "1", "en": "2"}.get(lang, "3" + lang), term.value)
    return (1, "", str(term))


def _natural(text: str) -> list[tuple[int, int | str]]:
    """``…/question/2`` before ``…/question/10``."""
    return [(0, int(x)) if x.isdigit() else (1, x) for x in text.replace("#", "/").split("/")]


def _descending(text: str) -> str:
    """A sort key that puts later ISO dates first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


#: Parts named by what they are where they have no label of their own: a heading that says what
#: the part is in words (WCAG 2.4.6), never its bare number ("1") or a term ("instant").
_KINDS = {
    SAKRAD.Note.value: ("anteckning", "note"),
    SAKRAD.DiscussionArea.value: ("diskussionsområde", "discussion area"),
    TIME.Instant.value: ("datum (tidpunkt)", "date (instant)"),
    TIME.Interval.value: ("tidsperiod", "period of time"),
}


def _kind_name(types: set, last: str, labels: Labeller) -> Text:
    """A part named by its kind and, where its IRI numbers it (``…/note/2``), its number: "anteckning
    2"/"note 2", "diskussionsområde 1", "datum (tidpunkt)"/"date (instant)"; another kind by its label
    in the store (the ontology's) or the vocabulary's (``assets/term-labels.tsv``); else the last
    segment of its IRI."""
    number = f" {last}" if last.isdigit() else ""
    ordered = sorted(types, key=str)
    for t in ordered:
        if t.value in _KINDS:
            sv, en = _KINDS[t.value]
            return Text(f"{sv}{number}", f"{en}{number}")
    for t in ordered:
        kind = labels.label(t) or term_labels().get(t.value)
        if kind is not None:
            return Text(f"{kind.main}{number}", f"{kind.en}{number}" if kind.en else None, kind.lang)
    return Text(last, None, "")
