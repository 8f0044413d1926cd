"""Turns the corpus into an RDF graph, remembering the YAML line each fact came from.

The model (see ``docs/model.md``): a sakråd is a ``sakrad:Sakrad`` (a ``m8g:PublicEvent`` and
``schema:Event``); people and organisations take part through ``m8g:Participation`` with a role
from ``ontology/roles.ttl``; government bodies are W3C ORG organisations and units; posts are
``org:Post``; every resource points to the document its facts come from with ``dct:source``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from . import vocab
from .errors import Where
from .iri import Minter, slug
from .records import Body, Corpus, Link, Meeting, Organisation, Person, Post, Source, Text
from .registers.links import REGISTERS, dataportal_iri, link_triples, register_graph, register_of
from .triples import Index, OxNamespace, Term, Triple, from_rdflib, ox_term, to_rdflib
from .typedyaml import Lines
from .vocab import (
    ADMS,
    DCTERMS,
    FOAF,
    LEGAL,
    LOCN,
    M8G,
    ORG,
    PERSON,
    RDF,
    ROLE,
    ROLE_SCHEME,
    SAKRAD,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
)

# The vocabularies as pyoxigraph IRIs, each made once (the graph code names thousands of terms a meeting).
ADMS, DCTERMS, FOAF, LEGAL, LOCN, M8G, ORG, PERSON, RDF, ROLE, SAKRAD, SCHEMA, SKOS, TIME = (  # type: ignore[misc]
    OxNamespace(ns) for ns in (ADMS, DCTERMS, FOAF, LEGAL, LOCN, M8G, ORG, PERSON, RDF, ROLE, SAKRAD, SCHEMA,
                               SKOS, TIME))

__all__ = ["Built", "build_graph", "Origins"]


@dataclass
class Origins:
    """Where each fact of the graph came from: by (subject, predicate), and by subject. The place
    is worked out when asked for (a build asks for a handful, of hundreds of thousands of facts)."""

    facts: dict[tuple[Term, Term], tuple[Lines, str]] = field(default_factory=dict)
    subjects: dict[Term, Lines] = field(default_factory=dict)

    def of(self, subject: Term | Node, predicate: Term | Node | None = None) -> Where | None:
        """The YAML place of a fact (or, failing that, of its subject); rdflib terms are accepted too."""
        s = subject if isinstance(subject, _OX_TERMS) else ox_term(subject)
        if predicate is not None:
            p = predicate if isinstance(predicate, _OX_TERMS) else ox_term(predicate)
            if (fact := self.facts.get((s, p))) is not None:
                lines, name = fact
                return lines.where(name)
        lines = self.subjects.get(s)
        return lines.where() if lines is not None else None


_OX_TERMS = (ox.NamedNode, ox.BlankNode, ox.Literal)


@dataclass
class Built:
    """The graph of a corpus and where its facts came from."""

    triples: Index
    origins: Origins
    minter: Minter

    @cached_property
    def graph(self) -> Graph:
        """The same triples as an rdflib graph, made on first use (for small graphs and tests)."""
        return to_rdflib(self.triples)


class _Emitter:
    """Collects triples as pyoxigraph terms and records the YAML place of each.

    The graph code names terms with rdflib's namespaces; each IRI is turned into a pyoxigraph term
    once and reused."""

    def __init__(self, origins: Origins) -> None:
        self.triples: list[Triple] = []
        self.origins = origins
        self._iris: dict[str, ox.NamedNode] = {}

    def term(self, t: Node | Term) -> Term:
        kind = type(t)
        if kind is ox.NamedNode or kind is ox.Literal:
            return t  # type: ignore[return-value]
        if isinstance(t, URIRef):
            iri = self._iris.get(t)
            if iri is None:
                iri = self._iris[t] = ox.NamedNode(t)
            return iri
        return ox_term(t)  # an rdflib literal from the register links

    def add(self, s: Node | Term, p: Node, o: Node | Term | None, lines: Lines | None,
            name: str = "") -> None:
        if o is None:
            return
        triple = (self.term(s), self.term(p), self.term(o))
        self.triples.append(triple)
        if lines is not None:
            self.origins.facts.setdefault(triple[:2], (lines, name))
            self.origins.subjects.setdefault(triple[0], lines)

    def text(self, s: URIRef, p: URIRef, text: Text | None, lines: Lines | None, name: str = "") -> None:
        if text is None:
            return
        self.add(s, p, _text(_words(text.sv), "sv"), lines, name)
        if text.en:
            self.add(s, p, _text(_words(text.en), "en"), lines, name)


def _text(value: str, lang: str) -> ox.Literal:
    return ox.Literal(value, language=lang)


def _plain(value: str) -> ox.Literal:
    return ox.Literal(value)


_DATATYPES: dict[str, ox.NamedNode] = {}


def _typed(value: object, datatype: URIRef) -> ox.Literal:
    dt = _DATATYPES.get(datatype)
    if dt is None:
        dt = _DATATYPES[datatype] = ox.NamedNode(datatype)
    return ox.Literal(str(value), datatype=dt)


def _words(text: str) -> str:
    """Text as the source words it, with the line breaks of the YAML folded away."""
    return " ".join(text.split())


def build_graph(corpus: Corpus, progress: Callable[[str, int, int], None] | None = None,
                alongside: Graph | None = None) -> Built:
    """The RDF graph of the whole corpus, with the triples of ``alongside`` (the concept schemes
    the data refers to, :func:`role_scheme_graph`). Deterministic: no blank nodes, no clock.
    ``progress`` hears ("graph", meetings done, meetings in all)."""
    minter = Minter(corpus.config.base_iri)
    origins = Origins()
    out = _Emitter(origins)
    for source in corpus.sources:
        _source(out, minter, source)
    for body in corpus.bodies:
        _body(out, minter, body)
    for post in corpus.posts:
        _post(out, minter, post)
    for person in corpus.people:
        _person(out, minter, person)
    for organisation in corpus.organisations:
        _organisation(out, minter, organisation)
    for n, meeting in enumerate(corpus.meetings, start=1):
        _meeting(out, minter, meeting)
        if progress:
            progress("graph", n, len(corpus.meetings))
    # The registers the data links to, described once (their IRI pattern and title): docs/links.md.
    # Only the objects of the link predicates are looked at, not every object of the graph.
    link_predicates = {out.term(r.predicate) for r in REGISTERS.values()}
    targets = {o.value for _, p, o in out.triples if p in link_predicates}
    out.triples.extend(from_rdflib(register_graph(minter, {r.name for t in targets
                                                           if (r := register_of(t))})))
    if alongside is not None:
        out.triples.extend(from_rdflib(alongside))
    return Built(Index(out.triples), origins, minter)


def _links(out: _Emitter, minter: Minter, s: URIRef, links: Iterable[Link]) -> None:
    """Links to public registers, each with its qualified identifier and source (docs/links.md)."""
    for link in links:
        for triple in link_triples(minter, s, link.iri, source=link.source):
            out.add(*triple, link.lines, "iri")


def _sources(out: _Emitter, minter: Minter, s: URIRef, ids: Iterable[str], lines: Lines | None) -> None:
    for id in ids:
        out.add(s, DCTERMS.source, minter.thing("source", id), lines, "sources")


def _source(out: _Emitter, minter: Minter, source: Source) -> None:
    s = minter.thing("source", source.id)
    ln = source.lines
    out.add(s, RDF.type, FOAF.Document, ln)
    out.add(s, DCTERMS.identifier, _plain(source.id), ln, "id")
    out.text(s, DCTERMS.title, source.title, ln, "title")
    out.add(s, RDF.type, _SOURCE_KINDS[source.kind], ln, "kind")
    if source.url:
        out.add(s, SCHEMA.url, _typed(source.url, XSD.anyURI), ln, "url")
    if source.publisher:
        out.add(s, DCTERMS.publisher, minter.thing("body", source.publisher), ln, "publisher")


def _body(out: _Emitter, minter: Minter, body: Body) -> None:
    s = minter.thing("body", body.id)
    ln = body.lines
    out.add(s, RDF.type, FOAF.Agent, ln)
    out.add(s, RDF.type, ORG.Organization, ln)
    if body.kind == "government-offices":
        out.add(s, RDF.type, M8G.PublicOrganisation, ln, "kind")
        out.add(s, RDF.type, ORG.FormalOrganization, ln, "kind")
    else:
        out.add(s, RDF.type, ORG.OrganizationalUnit, ln, "kind")
    out.add(s, DCTERMS.identifier, _plain(body.id), ln, "id")
    out.text(s, SKOS.prefLabel, body.name, ln, "name")
    if body.unit_of:
        # CPOV: org:unitOf points at the public organisation (a ministry is a unit of the
        # Government Offices); a unit of a ministry is a sub-organisation of it.
        link = ORG.subOrganizationOf if body.kind == "unit" else ORG.unitOf
        out.add(s, link, minter.thing("body", body.unit_of), ln, "unit_of")
    if body.website:
        out.add(s, FOAF.homepage, URIRef(body.website), ln, "website")
        out.add(URIRef(body.website), RDF.type, FOAF.Document, ln, "website")
    _links(out, minter, s, body.links)
    _sources(out, minter, s, body.sources, ln)


def _post(out: _Emitter, minter: Minter, post: Post) -> None:
    s = minter.thing("post", post.id)
    ln = post.lines
    out.add(s, RDF.type, ORG.Post, ln)
    out.text(s, SKOS.prefLabel, post.label, ln, "label")
    out.add(s, ORG.postIn, minter.thing("body", post.post_in), ln, "post_in")
    if post.reports_to:
        out.add(s, ORG.reportsTo, minter.thing("post", post.reports_to), ln, "reports_to")
    _sources(out, minter, s, post.sources, ln)


def _person(out: _Emitter, minter: Minter, person: Person) -> None:
    s = minter.thing("person", person.id)
    ln = person.lines
    out.add(s, RDF.type, FOAF.Agent, ln)
    out.add(s, RDF.type, PERSON.Person, ln)
    out.add(s, RDF.type, FOAF.Person, ln)
    out.add(s, FOAF.name, _plain(person.name), ln, "name")
    for post in person.holds:
        out.add(s, ORG.holds, minter.thing("post", post), ln, "holds")
    for body in person.member_of:
        out.add(s, ORG.memberOf, minter.thing("body", body), ln, "member_of")
    _links(out, minter, s, person.links)
    _sources(out, minter, s, person.sources, ln)


def _organisation(out: _Emitter, minter: Minter, org: Organisation) -> None:
    s = minter.thing("organisation", org.id)
    ln = org.lines
    out.add(s, RDF.type, FOAF.Agent, ln)
    out.add(s, RDF.type, ORG.FormalOrganization, ln)
    out.add(s, DCTERMS.identifier, _plain(org.id), ln, "id")
    out.add(s, SKOS.prefLabel, _text(org.name, "sv"), ln, "name")
    for alt in org.alt_names:
        out.add(s, SKOS.altLabel, _text(alt, "sv"), ln, "alt_names")
    if org.legal_name:
        out.add(s, LEGAL.legalName, _text(org.legal_name, "sv"), ln, "legal_name")
    if org.identifiers:
        # Registered organisations are legal entities (SEMIC Core Business Vocabulary).
        out.add(s, RDF.type, LEGAL.LegalEntity, ln, "identifiers")
    for ident in org.identifiers:
        i = minter.part(s, "identifier", ident.scheme)
        il = ident.lines
        out.add(s, LEGAL.legalIdentifier, i, il)
        out.add(i, RDF.type, ADMS.Identifier, il)
        out.add(i, SKOS.notation, _plain(ident.value), il, "value")
        out.add(i, DCTERMS.conformsTo, SAKRAD.OrganisationsnummerScheme, il, "scheme")
        out.add(i, ADMS.schemeAgency, _plain(_SCHEME_AGENCY[ident.scheme]), il, "scheme")
        out.add(i, DCTERMS.source, URIRef(ident.source), il, "source")
        if ident.scheme == "orgnr":
            # DIGG's publisher IRI, derived from the sourced number: its provenance is the identifier.
            for triple in link_triples(minter, s, dataportal_iri(ident.value), derived_from=i):
                out.add(*triple, il, "value")
    _links(out, minter, s, org.links)
    if org.website:
        out.add(s, FOAF.homepage, URIRef(org.website), ln, "website")
        out.add(URIRef(org.website), RDF.type, FOAF.Document, ln, "website")
    _sources(out, minter, s, org.sources, ln)


def _meeting(out: _Emitter, minter: Minter, m: Meeting) -> None:
    s = minter.thing("meeting", m.id)
    ln = m.lines
    source = minter.thing("source", m.source)
    out.add(s, RDF.type, SAKRAD.Sakrad, ln)
    out.add(s, RDF.type, M8G.PublicEvent, ln)
    out.add(s, RDF.type, SCHEMA.Event, ln)
    out.add(s, DCTERMS.identifier, _plain(m.id), ln, "id")
    out.add(s, DCTERMS.source, source, ln, "source")
    _sources(out, minter, s, m.sources, ln)
    out.text(s, DCTERMS.title, m.title, ln, "title")
    out.text(s, SAKRAD.topic, m.topic, ln, "topic")
    out.text(s, SAKRAD.purpose, m.purpose, ln, "purpose")
    out.text(s, SAKRAD.processDescription, m.process, ln, "process")
    out.text(s, SAKRAD.handlingOfViews, m.handling_of_views, ln, "handling_of_views")
    if m.organiser:
        out.add(s, SCHEMA.organizer, minter.thing("body", m.organiser), ln, "organiser")
    if m.date:
        _dated(out, minter, s, m.date, source, ln, "date")
    _days(out, minter, s, m, source)
    if m.place:
        place = minter.thing("place", slug(m.place))
        out.add(s, DCTERMS.spatial, place, ln, "place")
        out.add(place, RDF.type, DCTERMS.Location, ln, "place")
        out.add(place, LOCN.geographicName, _text(m.place, "sv"), ln, "place")
        out.add(place, SKOS.prefLabel, _text(m.place, "sv"), ln, "place")
    if (count := m.stated_organisation_count) is not None:
        out.add(s, SAKRAD.statedOrganisationCountText, _text(count.text, "sv"), count.lines, "text")
        if count.value is not None:
            out.add(s, SAKRAD.statedOrganisationCount,
                    _typed(count.value, XSD.integer), count.lines, "value")
    # The listed count is what the list holds; both counts stay, and the shapes compare them.
    out.add(s, SAKRAD.listedOrganisationCount,
            _typed(len(m.organisations), XSD.integer), ln, "organisations")
    if (p := m.presentations) is not None:
        out.add(s, SAKRAD.statedPresentationCount, _typed(p.count, XSD.integer),
                p.lines, "count")
        out.text(s, SAKRAD.presentationsDescription, p.description, p.lines, "description")
    for n, question in enumerate(m.questions, start=1):
        q = minter.part(s, "question", n)
        qln = question.lines
        out.add(s, SAKRAD.question, q, ln, f"questions[{n - 1}]")
        out.add(q, RDF.type, SCHEMA.Question, qln)
        out.add(q, SCHEMA.position, _typed(n, XSD.integer), ln, f"questions[{n - 1}]")
        out.text(q, SCHEMA.text, question, qln, "sv")
        out.add(q, DCTERMS.isPartOf, s, qln)
        out.add(q, DCTERMS.source, source, qln)
    if (chair := m.chair) is not None:
        part = minter.part(s, "participation", "chair", chair.person)
        _participation(out, s, part, ROLE.chair, minter.thing("person", chair.person), source, chair.lines)
        if chair.post:
            out.add(part, SAKRAD.inCapacityOf, minter.thing("post", chair.post), chair.lines, "post")
    for cv in m.conveners:
        # The one who called the sakråd, kept apart from the chair (role:convener, ontology/roles.ttl).
        who = minter.thing("person", cv.person) if cv.person else minter.thing("body", cv.body or "")
        part = minter.part(s, "participation", "convener", cv.person or cv.body or "")
        _participation(out, s, part, ROLE.convener, who, source, cv.lines)
        if cv.post:
            out.add(part, SAKRAD.inCapacityOf, minter.thing("post", cv.post), cv.lines, "post")
    for gp in m.government_participants:
        who = minter.thing("person", gp.person) if gp.person else minter.thing("body", gp.body or "")
        part = minter.part(s, "participation", "government", gp.person or gp.body or "")
        _participation(out, s, part, ROLE.governmentParticipant, who, source, gp.lines)
        out.text(part, DCTERMS.description, gp.description, gp.lines, "description")
    for n, org in enumerate(m.organisations, start=1):
        part = minter.part(s, "participation", "organisation", org)
        _participation(out, s, part, ROLE.participatingOrganisation, minter.thing("organisation", org),
                       source, ln, f"organisations[{n - 1}]")
        out.add(part, SCHEMA.position, _typed(n, XSD.integer), ln, f"organisations[{n - 1}]")
    if (c := m.contact) is not None:
        cp = minter.part(s, "contact-point")
        person = minter.thing("person", c.person)
        part = minter.part(s, "participation", "contact", c.person)
        _participation(out, s, part, ROLE.contact, person, source, c.lines, "person")
        out.add(s, M8G.contactPoint, cp, c.lines)
        out.add(person, M8G.contactPoint, cp, c.lines, "person")
        out.add(cp, RDF.type, M8G.ContactPoint, c.lines)
        out.add(cp, DCTERMS.source, source, c.lines)
        if c.email:
            out.add(cp, M8G.email, _plain(c.email), c.lines, "email")
        if c.telephone:
            out.add(cp, M8G.telephone, _plain(c.telephone), c.lines, "telephone")
        if c.unit:
            out.add(person, ORG.memberOf, minter.thing("body", c.unit), c.lines, "unit")


def _dated(out: _Emitter, minter: Minter, event: URIRef, date: str, source: URIRef, lines: Lines | None,
           name: str) -> None:
    """An event's date: a ``time:Instant`` at the precision the source gives (CPEV ``time:hasTime``),
    and ``schema:startDate`` for schema.org readers."""
    t = minter.part(event, "time")
    datatype, prop = _date_type(date)
    out.add(event, TIME.hasTime, t, lines, name)
    out.add(t, RDF.type, TIME.Instant, lines, name)
    out.add(t, RDF.type, TIME.TemporalEntity, lines, name)
    out.add(t, prop, _typed(date, datatype), lines, name)
    out.add(t, DCTERMS.source, source, lines, name)
    out.add(event, SCHEMA.startDate, _typed(date, datatype), lines, name)


def _days(out: _Emitter, minter: Minter, s: URIRef, m: Meeting, source: URIRef) -> None:
    """Several meeting days on one page: one sub-event per day (CPEV m8g:subEvent), each with its own
    time; the sakråd runs from the first day to the last. Nothing is said about who came on which day."""
    ln = m.lines
    for n, day in enumerate(sorted(m.days)):
        name = f"days[{m.days.index(day)}]"
        d = minter.part(s, "day", day)
        out.add(s, M8G.subEvent, d, ln, name)
        out.add(s, SCHEMA.subEvent, d, ln, name)
        out.add(d, RDF.type, M8G.PublicEvent, ln, name)
        out.add(d, RDF.type, SCHEMA.Event, ln, name)
        out.add(d, M8G.parentEvent, s, ln, name)
        out.add(d, DCTERMS.isPartOf, s, ln, name)
        out.add(d, SCHEMA.position, _typed(n + 1, XSD.integer), ln, name)
        out.add(d, DCTERMS.source, source, ln, name)
        _dated(out, minter, d, day, source, ln, name)
    if m.days:
        first, last = sorted(m.days)[0], sorted(m.days)[-1]
        out.add(s, SCHEMA.startDate, _typed(first, _date_type(first)[0]), ln, "days")
        out.add(s, SCHEMA.endDate, _typed(last, _date_type(last)[0]), ln, "days")


def _participation(out: _Emitter, meeting: URIRef, part: URIRef, role: URIRef, who: URIRef,
                   source: URIRef, lines: Lines | None, name: str = "") -> None:
    out.add(meeting, M8G.hasParticipation, part, lines, name)
    out.add(part, RDF.type, M8G.Participation, lines, name)
    out.add(part, M8G.role, role, lines, name)
    out.add(part, M8G.hasParticipant, who, lines, name)
    out.add(who, M8G.participates, part, lines, name)
    out.add(part, DCTERMS.source, source, lines, name)


#: The register that keeps each identifier scheme (uri-schemes.md §9: lag 1974:174, 5 §).
_SCHEME_AGENCY = {"orgnr": "Skatteverket (organisationsnummerregistret)"}

_SOURCE_KINDS = {
    "documentation": SCHEMA.Report,
    "minutes": SCHEMA.Report,
    "web-page": SCHEMA.WebPage,
    "register": SCHEMA.Dataset,
}


def _date_type(value: str) -> tuple[URIRef, URIRef]:
    if len(value) == 4:
        return XSD.gYear, TIME.inXSDgYear
    if len(value) == 7:
        return XSD.gYearMonth, TIME.inXSDgYearMonth
    return XSD.date, TIME.inXSDDate


def role_scheme_graph(ontology_dir: Path) -> Graph:
    """The concept schemes the data refers to, which the data graph carries along: the roles
    (``ontology/roles.ttl``) and the organisation-number scheme (from ``ontology/sakrad.ttl``)."""
    g = Graph()
    g.parse(ontology_dir / "roles.ttl", format="turtle")
    assert (ROLE_SCHEME, vocab.RDF.type, vocab.SKOS.ConceptScheme) in g, "roles.ttl lacks the role concept scheme"
    ontology = Graph().parse(ontology_dir / "sakrad.ttl", format="turtle")
    for triple in ontology.triples((vocab.SAKRAD.OrganisationsnummerScheme, None, None)):
        g.add(triple)
    return g
