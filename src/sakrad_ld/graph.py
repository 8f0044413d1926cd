"""Turns the corpus into an RDF graph, remembering the YAML line each fact came from.

The model (see ``docs/model.md``): a sakråd is a ``sakrad:Sakrad`` (a ``m8g:PublicEvent`` and
``schema:Event``); people and organisations take part through ``m8g:Participation`` with a role
from ``ontology/roles.ttl``; government bodies are W3C ORG organisations and units; posts are
``org:Post``; every resource points to the document its facts come from with ``dct:source``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import vocab
from .errors import ProjectError, Where
from .iri import Minter, slug
from .layout import kept_copy_path
from .named import Shown, shown_names
from .numbered import count_numbers, holding_segments, note_numbers
from .placed import RELATED
from .records import (
    Body,
    Contact,
    Corpus,
    Count,
    Link,
    Meeting,
    Note,
    Organisation,
    Person,
    Post,
    PressContact,
    Source,
    Text,
)
from .registers.links import REGISTERS, STATUS, confirmed, dataportal_iri, link_triples, register_graph, register_of
from .triples import Graph, Index, Term, Triple
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
    PROV,
    RDF,
    RDFS,
    ROLE,
    ROLE_SCHEME,
    SAKRAD,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
)

__all__ = ["Built", "Origins", "Quads", "build_graph", "source_names"]


@dataclass
class Origins:
    """Where each fact of the graph came from: by (subject, predicate), and by subject. The place
    is worked out when asked for (a build asks for a handful, of millions of facts).

    Each fact's place is held beside its quad (:class:`Quads`), not in a table of its own (a
    dictionary entry per fact cost about 240 MB at 10,000 meetings, docs/performance.md); the
    places asked for are found in one pass over the quads (:meth:`find`) and kept in ``facts``.
    Once the quads are let go (:func:`sakrad_ld.release.write_release` drops them when their files
    are written), and ``facts`` emptied, a fact is placed by its subject."""

    #: (subject, predicate) → the place found for it: the field's name when it is in the subject's
    #: own record (its ``subjects`` entry), else (the record's lines, the field's name); None when
    #: the quads hold no such fact (a finding about a missing value), so it is not looked for again
    facts: dict[tuple[Term, Term], str | tuple[Lines, str] | None] = field(default_factory=dict)
    subjects: dict[Term, Lines] = field(default_factory=dict)
    #: the quads with their facts' places, while they are held
    quads: weakref.ref[Quads] | None = None

    def place(self, subject: Term, lines: Lines, name: str) -> str | tuple[Lines, str]:
        """The place to keep beside a fact given in field ``name`` of the record at ``lines`` (the
        first record a subject is given in is its own)."""
        own = self.subjects.setdefault(subject, lines)
        return name if own is lines else (lines, name)

    def find(self, facts: Iterable[tuple[Term, Term]]) -> None:
        """Looks up where each of ``facts`` (subject, predicate) was first given, in one pass."""
        wanted = {fact for fact in facts if fact not in self.facts}
        quads = self.quads() if self.quads is not None else None
        if not wanted or quads is None:
            return
        subjects = {s for s, _ in wanted}
        for s, p, place in quads.places():
            if place is not None and s in subjects and (s, p) in wanted:
                self.facts[(s, p)] = place
                wanted.discard((s, p))
                if not wanted:
                    break
        # what no quad states is known not to be there: a pass over every quad for each finding
        # about a missing value made placing a report quadratic (18 s at 1,000 meetings)
        self.facts.update(dict.fromkeys(wanted))

    def of(self, subject: Term, predicate: Term | None = None) -> Where | None:
        """The YAML place of a fact (or, failing that, of its subject)."""
        if predicate is not None:
            if (subject, predicate) not in self.facts:
                self.find([(subject, predicate)])
            fact = self.facts.get((subject, predicate))
            if type(fact) is str:
                return self.subjects[subject].where(fact)
            if fact is not None:
                lines, name = fact
                return lines.where(name)
        lines = self.subjects.get(subject)
        return lines.where() if lines is not None else None


@dataclass
class Built:
    """The graph of a corpus and where its facts came from."""

    triples: Index
    origins: Origins
    minter: Minter
    #: every triple with the named graph of the document it was taken from (docs/model.md,
    #: "Sources"); :func:`sakrad_ld.release.write_release` empties it once the quad files are
    #: made or being made by a process of its own
    quads: Iterable[tuple[Term, Term, Term, ox.NamedNode]] = field(default_factory=list)
    #: the documents read: each named graph that holds a fact about something other than the
    #: document itself (a document only named, such as a meeting's attached minutes, is not in it)
    read: frozenset[ox.NamedNode] = frozenset()


class Quads:
    """Quads as the emitter made them, with the place each was given at: each (subject,
    predicate, object, graph, place) as five consecutive items of one flat list, iterated as
    4-tuples in the order they were added.

    A tuple per quad costs 72 bytes besides the list's 8 for it: 2.8 million at 10,000 meetings
    took about 230 MB, the flat list about 110 MB. A process forked to write the quads reads the
    list without writing to it (only the terms' reference counts change), so it copies no page of
    it (docs/performance.md)."""

    __slots__ = ("_flat", "__weakref__")

    def __init__(self) -> None:
        self._flat: list[object] = []

    def add(self, s: Term, p: Term, o: Term, g: ox.NamedNode, place: object = None) -> None:
        self._flat += (s, p, o, g, place)

    def extend(self, quads: Iterable[tuple[Term, Term, Term, ox.NamedNode]]) -> None:
        for s, p, o, g in quads:
            self._flat += (s, p, o, g, None)

    def __len__(self) -> int:
        return len(self._flat) // 5

    def _items(self, *at: int) -> Iterator[tuple]:
        flat = self._flat
        return zip(*(islice(flat, k, None, 5) for k in at), strict=True)

    def __iter__(self) -> Iterator[tuple[Term, Term, Term, ox.NamedNode]]:
        return self._items(0, 1, 2, 3)

    def triples(self) -> Iterator[Triple]:
        """The quads' triples (each as often as it was added)."""
        return self._items(0, 1, 2)

    def places(self) -> Iterator[tuple[Term, Term, object]]:
        """Each quad's subject, predicate and place (None where it has none), in order."""
        return self._items(0, 1, 4)


class _Emitter:
    """Collects triples, each with the document (named graph) it comes from, and records the
    YAML place of each."""

    def __init__(
        self, origins: Origins, default_graph: ox.NamedNode, english: frozenset[ox.NamedNode] = frozenset()
    ) -> None:
        self.quads = Quads()
        #: each term once: an equal term given again is replaced by the first (docs/performance.md)
        self.terms: dict[Term, Term] = {}
        self.origins = origins
        #: the document the facts being emitted come from: each triple goes into its named graph
        self.graph = default_graph
        #: facts (YAML field names) of the current record that another document states
        self.fact_graphs: dict[str, ox.NamedNode] = {}
        #: the documents that hold a fact about something other than themselves (Built.read)
        self.read: set[ox.NamedNode] = set()
        #: the documents written in English (``language: en``): the only ones whose graph holds English text
        self.english = english

    @contextmanager
    def source(self, graph: ox.NamedNode, facts: dict[str, ox.NamedNode] | None = None) -> Iterator[None]:
        """Emits the triples of the block into the named graph of the document ``graph``."""
        saved = self.graph, self.fact_graphs
        self.graph, self.fact_graphs = graph, facts or {}
        try:
            yield
        finally:
            self.graph, self.fact_graphs = saved

    def graph_of(self, name: str) -> ox.NamedNode:
        """The document a fact of the current record comes from, by its YAML field name."""
        if self.fact_graphs and name:
            return self.fact_graphs.get(name.split("[", 1)[0], self.graph)
        return self.graph

    def add(self, s: Term, p: ox.NamedNode, o: Term | None, lines: Lines | None, name: str = "") -> None:
        if o is None:
            return
        terms = self.terms
        s, p, o, g = terms.setdefault(s, s), terms.setdefault(p, p), terms.setdefault(o, o), self.graph_of(name)
        g = terms.setdefault(g, g)
        if s is not g:  # one term per value: a document's facts about itself have it as subject
            self.read.add(g)
        self.quads.add(s, p, o, g, None if lines is None else self.origins.place(s, lines, name))

    def text(self, s: ox.NamedNode, p: ox.NamedNode, text: Text | None, lines: Lines | None, name: str = "") -> None:
        if text is None:
            return
        self.add(s, p, _text(_words(text.sv), "sv"), lines, name)
        if text.en:
            with self.source(self.english_graph(name)):
                self.add(s, p, _text(_words(text.en), "en"), lines, name)

    def english_graph(self, name: str) -> ox.NamedNode:
        """The graph of the English text of field ``name``: the document ``fact_sources`` credits
        ``name.en`` to, or the dataset's own where it gives the text's derivation (placed.py); else the
        fact's document where that is written in English, and otherwise the dataset's: an English text
        no English document gives is the data's translation, never a Swedish source's words."""
        if self.fact_graphs and f"{name}.en" in self.fact_graphs:
            return self.fact_graphs[f"{name}.en"]
        graph = self.graph_of(name)
        return graph if graph in self.english else vocab.ONTOLOGY_IRI

    @contextmanager
    def own(self) -> Iterator[None]:
        """Emits the triples of the block into the dataset's own graph: what the data makes itself
        (an identifier, a list position, a remark, a derivation), never a source's statement."""
        with self.source(vocab.ONTOLOGY_IRI):
            yield


def _text(value: str, lang: str) -> ox.Literal:
    return ox.Literal(value, language=lang)


def _plain(value: str) -> ox.Literal:
    return ox.Literal(value)


def _typed(value: object, datatype: ox.NamedNode) -> ox.Literal:
    return ox.Literal(str(value), datatype=datatype)


def _words(text: str) -> str:
    """Text as the source words it, with the line breaks of the YAML folded away."""
    return " ".join(text.split())


def build_graph(
    corpus: Corpus, progress: Callable[[str, int, int], None] | None = None, alongside: Iterable[Triple] = ()
) -> Built:
    """The RDF graph of the whole corpus, with the triples of ``alongside`` (the concept schemes
    the data refers to, :func:`role_scheme_graph`). Deterministic: no blank nodes, no clock.
    ``progress`` hears ("graph", meetings done, meetings in all)."""
    minter = Minter(corpus.config.base_iri)
    origins = Origins()
    vocabulary = vocab.ONTOLOGY_IRI
    english = frozenset(minter.thing("source", s.id) for s in corpus.sources if s.language == "en")
    out = _Emitter(origins, vocabulary, english)
    download = corpus.config.download_base or minter.base
    download = download if download.endswith("/") else download + "/"
    for source in corpus.sources:
        _source(out, minter, source, download)
    for body in corpus.bodies:
        facts = _related_graphs(out, minter, body)
        if body.website:
            facts["website"] = ox.NamedNode(body.website)  # its own source
        with out.source(_first_source(minter, body.sources, vocabulary), facts):
            _body(out, minter, body)
    posts = {post.id: post for post in corpus.posts}
    for post in corpus.posts:
        with out.source(_first_source(minter, post.sources, vocabulary), _related_graphs(out, minter, post)):
            _post(out, minter, post)
    for person in corpus.people:
        with out.source(_first_source(minter, person.sources, vocabulary), _related_graphs(out, minter, person)):
            _person(out, minter, person, posts)
    for organisation in corpus.organisations:
        facts = _fact_graphs(out, minter, organisation.fact_sources)
        if organisation.website and "website" not in facts:
            facts["website"] = ox.NamedNode(organisation.website)  # a homepage is its own source
        with out.source(_first_source(minter, organisation.sources, vocabulary), facts):
            _organisation(out, minter, organisation)
    shown = shown_names(corpus)  # named.py: an organisation's name as a meeting's own source writes it
    for n, meeting in enumerate(corpus.meetings, start=1):
        facts = _fact_graphs(out, minter, meeting.fact_sources)
        with out.source(minter.thing("source", meeting.source), facts):
            _meeting(out, minter, meeting, shown)
        if progress:
            progress("graph", n, len(corpus.meetings))
    # The registers the data links to, described once (their IRI pattern and title): docs/links.md.
    # Only the objects of the link predicates are looked at, not every object of the graph.
    # (rdfs:seeAlso: an unconfirmed link, whose qualified identifier still names its register)
    link_predicates = {r.predicate for r in REGISTERS.values()} | {vocab.RDFS.seeAlso}
    targets = {o.value for _, p, o in out.quads.triples() if p in link_predicates}
    # The publisher's own descriptions (registers, role list) go into the vocabulary's graph.
    extra = [*register_graph(minter, {r.name for t in targets if (r := register_of(t))}), *alongside]
    terms = out.terms
    out.quads.extend(
        (terms.setdefault(s, s), terms.setdefault(p, p), terms.setdefault(o, o), vocabulary) for s, p, o in extra
    )
    out.terms = {}  # the terms are held by the quads now
    origins.quads = weakref.ref(out.quads)
    # the triples are held once, in the quads; the index is made from them a triple at a time
    read = frozenset(out.read - {vocabulary})
    return Built(Index(out.quads.triples()), origins, minter, out.quads, read)


def _fact_graphs(out: _Emitter, minter: Minter, fact_sources: Iterable[Any]) -> dict[str, ox.NamedNode]:
    """The document of each fact (YAML field name) that a record's ``fact_sources`` credit to another document."""
    return {fact: minter.thing("source", fs.source) for fs in fact_sources for fact in fs.facts}


def _related_graphs(out: _Emitter, minter: Minter, record: Any) -> dict[str, ox.NamedNode]:
    """The graph of each relation or English name of a body, post or person (placed.py): the document
    ``fact_sources`` credits it to, or the dataset's own where the record gives its derivation."""
    facts = _fact_graphs(out, minter, record.fact_sources)
    for _, _, fact, derivation in RELATED:
        if getattr(record, derivation, None) is not None:
            facts[fact] = vocab.ONTOLOGY_IRI
    return facts


def _first_source(minter: Minter, ids: list[str], fallback: ox.NamedNode) -> ox.NamedNode:
    """The graph of a shared record: the first document its ``sources`` name (the one that introduced it)."""
    return minter.thing("source", ids[0]) if ids else fallback


#: What the data says of an identifier it read, not the page it read it from: how it verified it and
#: who keeps the scheme (in the dataset's graph, beside the data's remark on it, ``skos:note``).
_IDENTIFIER_OWN = frozenset({ADMS.status, ADMS.schemeAgency})


def _identifier_triples(out: _Emitter, triples: Iterable[Triple], lines: Lines | None, name: str) -> None:
    """An identifier's triples in the graph of the page it was read from, but for :data:`_IDENTIFIER_OWN`."""
    for s, p, o in triples:
        if p in _IDENTIFIER_OWN:
            with out.own():
                out.add(s, p, o, lines, name)
        else:
            out.add(s, p, o, lines, name)


def _links(out: _Emitter, minter: Minter, s: ox.NamedNode, links: Iterable[Link]) -> None:
    """Links to public registers, each with its qualified identifier and source (docs/links.md); the
    status the data gives it and its remark on it (``skos:note``) are the data's own."""
    for link in links:
        with out.source(ox.NamedNode(link.source)):
            triples = link_triples(minter, s, link.iri, source=link.source, status=link.status)
            _identifier_triples(out, triples, link.lines, "iri")
            out.add(ox.NamedNode(link.source), RDF.type, FOAF.Document, link.lines, "source")
        with out.own():
            out.text(
                minter.part(s, "identifier", register_of(link.iri).name) if register_of(link.iri) else s,
                SKOS.note,
                link.note,
                link.lines,
                "note",
            )


def _sources(
    out: _Emitter,
    minter: Minter,
    s: ox.NamedNode,
    ids: Iterable[str],
    lines: Lines | None,
    cited: frozenset[str] | None = None,
    listed_in: ox.NamedNode | None = None,
) -> None:
    """A record's further documents, each ``dct:source``; for a meeting (``cited`` given), only one a fact of it is credited to;
    one the data only knows to be about the meeting (an invitation or minutes whose text was not read)
    is ``schema:subjectOf``, which claims no fact comes from it. That such a document exists is known from
    the page that lists it (the meeting's main source, ``listed_in``), so the link is put in that page's
    graph, not in the graph of the unread document."""
    for id in ids:
        source = minter.thing("source", id)
        about = cited is not None and id not in cited
        with out.source(listed_in if about and listed_in is not None else source):
            out.add(s, SCHEMA.subjectOf if about else DCTERMS.source, source, lines, "sources")


def _cited(record: object) -> frozenset[str]:
    """The ids of the documents a record's facts are credited to: its ``source``, its ``fact_sources`` and
    the ``source`` of any of its parts (a count, a note, a contact)."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                item = getattr(value, name)
                if name == "source" and isinstance(item, str):
                    found.add(item)
                elif name != "lines" and not isinstance(item, str):
                    walk(item)

    walk(record)
    return frozenset(found)


def _source(out: _Emitter, minter: Minter, source: Source, download: str) -> None:
    s = minter.thing("source", source.id)
    ln = source.lines
    with out.source(s):
        out.add(s, RDF.type, FOAF.Document, ln)
        _names(out, s, source, ln)
        out.add(s, RDF.type, _SOURCE_KINDS[source.kind], ln, "kind")
        if source.url:
            out.add(s, SCHEMA.url, _typed(source.url, XSD.anyURI), ln, "url")
        _source_facts(out, minter, source, s, ln)
    # the id the data gives the document, and the copy of its text the release keeps: the data's own
    with out.own():
        out.add(s, DCTERMS.identifier, _plain(source.id), ln, "id")
        if source.file:
            out.add(s, SCHEMA.archivedAt, ox.NamedNode(download + kept_copy_path(source.file)), ln, "file")


def _names(out: _Emitter, s: ox.NamedNode, source: Source, ln: Lines | None) -> None:
    """A document's own title, in its own language, in its own graph; the data's own names of it (a
    translation of its title, or a description where the title is not known) in the dataset's graph
    (:func:`source_names`)."""
    field = "title" if source.title is not None else "label"
    for p, name in source_names(source):
        if p == DCTERMS.title:
            out.add(s, p, name, ln, field)
        else:
            with out.own():
                out.add(s, p, name, ln, field)


def source_names(source: Source) -> list[tuple[ox.NamedNode, ox.Literal]]:
    """A document's names: its own title (``dct:title``) in the document's language (``language``;
    Swedish where not given), and the data's translation of it into the other language as a label
    (``rdfs:label``): for a Swedish document, its ``sv`` is the title and its ``en`` the translation;
    for an English document, its ``en`` (or, where only one text is given, that text) is the title and
    a Swedish text beside it that differs the translation. Where the title is not known, the data's
    own description (``label``): a label, never a title."""
    title = source.title
    if title is None:
        label = source.label
        if label is None:
            return []
        names = [(RDFS.label, _text(_words(label.sv), "sv"))]
        return names + ([(RDFS.label, _text(_words(label.en), "en"))] if label.en else [])
    if source.language != "en":
        names = [(DCTERMS.title, _text(_words(title.sv), "sv"))]
        return names + ([(RDFS.label, _text(_words(title.en), "en"))] if title.en else [])
    names = [(DCTERMS.title, _text(_words(title.en or title.sv), "en"))]
    if title.en and _words(title.sv) != _words(title.en):
        names.append((RDFS.label, _text(_words(title.sv), "sv")))
    return names


def _source_facts(out: _Emitter, minter: Minter, source: Source, s: ox.NamedNode, ln: Lines | None) -> None:
    if source.publisher:
        out.add(s, DCTERMS.publisher, minter.thing("body", source.publisher), ln, "publisher")
    if source.published:
        out.add(s, DCTERMS.issued, _typed(source.published, _date_type(source.published)[0]), ln, "published")
    _notes(out, minter, s, source.notes, s)


def _body(out: _Emitter, minter: Minter, body: Body) -> None:
    s = minter.thing("body", body.id)
    ln = body.lines
    out.add(s, RDF.type, FOAF.Agent, ln)
    out.add(s, RDF.type, ORG.Organization, ln)
    if body.kind == "government-offices":
        out.add(s, RDF.type, M8G.PublicOrganisation, ln, "kind")
        out.add(s, RDF.type, ORG.FormalOrganization, ln, "kind")
    elif body.kind == "agency":  # a public agency: a formal organisation of its own (CPOV)
        out.add(s, RDF.type, M8G.PublicOrganisation, ln, "kind")
        out.add(s, RDF.type, ORG.FormalOrganization, ln, "kind")
    else:
        out.add(s, RDF.type, ORG.OrganizationalUnit, ln, "kind")
    with out.own():
        out.add(s, DCTERMS.identifier, _plain(body.id), ln, "id")
    out.text(s, SKOS.prefLabel, body.name, ln, "name")
    if body.unit_of:
        # CPOV: org:unitOf points at the public organisation (a ministry is a unit of the
        # Government Offices); a unit of a ministry is a sub-organisation of it.
        link = ORG.subOrganizationOf if body.kind == "unit" else ORG.unitOf
        out.add(s, link, minter.thing("body", body.unit_of), ln, "unit_of")
    _derivation(out, s, SAKRAD.unitOfDerivation, body.unit_of_derivation, ln, "unit_of_derivation")
    _derivation(out, s, SAKRAD.translationDerivation, body.name_en_derivation, ln, "name_en_derivation")
    if body.website:
        out.add(s, FOAF.homepage, ox.NamedNode(body.website), ln, "website")
        out.add(ox.NamedNode(body.website), RDF.type, FOAF.Document, ln, "website")
    _links(out, minter, s, body.links)
    _sources(out, minter, s, body.sources, ln)


def _derivation(
    out: _Emitter, s: ox.NamedNode, p: ox.NamedNode, text: Text | None, ln: Lines | None, name: str
) -> None:
    """Why the data gives a relation or an English name no source states: in the dataset's own graph,
    beside the fact (docs/model.md, "Stated is not derived")."""
    if text is not None:
        with out.source(vocab.ONTOLOGY_IRI):
            out.text(s, p, text, ln, name)


def _post(out: _Emitter, minter: Minter, post: Post) -> None:
    s = minter.thing("post", post.id)
    ln = post.lines
    out.add(s, RDF.type, ORG.Post, ln)
    out.text(s, SKOS.prefLabel, post.label, ln, "label")
    if post.post_in_derivation is None:
        out.add(s, ORG.postIn, minter.thing("body", post.post_in), ln, "post_in")
    else:
        # Placed by the data's own rule, not by a source: in the dataset's own graph (never a source's),
        # with why (docs/model.md, "Stated is not derived").
        with out.source(vocab.ONTOLOGY_IRI):
            out.add(s, ORG.postIn, minter.thing("body", post.post_in), ln, "post_in")
            out.text(s, SAKRAD.postInDerivation, post.post_in_derivation, ln, "post_in_derivation")
    if post.reports_to:
        out.add(s, ORG.reportsTo, minter.thing("post", post.reports_to), ln, "reports_to")
    _derivation(out, s, SAKRAD.reportsToDerivation, post.reports_to_derivation, ln, "reports_to_derivation")
    _derivation(out, s, SAKRAD.translationDerivation, post.label_en_derivation, ln, "label_en_derivation")
    _sources(out, minter, s, post.sources, ln)


def _person(out: _Emitter, minter: Minter, person: Person, posts: dict[str, Post]) -> None:
    s = minter.thing("person", person.id)
    ln = person.lines
    out.add(s, RDF.type, FOAF.Agent, ln)
    out.add(s, RDF.type, PERSON.Person, ln)
    out.add(s, RDF.type, FOAF.Person, ln)
    out.add(s, FOAF.name, _plain(person.name), ln, "name")
    for holding, segments in zip(person.holds, holding_segments(person), strict=True):
        # A post held as a source shows it on a date, never timeless (org:Membership, W3C ORG §5.4).
        h = minter.part(s, "holding", *segments)
        hl = holding.lines
        source = minter.thing("source", holding.source)
        with out.source(source):
            out.add(s, SAKRAD.heldPost, h, hl, "post")
            out.add(h, RDF.type, SAKRAD.PostHolding, hl)
            out.add(h, RDF.type, ORG.Membership, hl)
            out.add(h, ORG.member, s, hl, "post")
            post = posts[holding.post]
            # the body follows from the post's placement: the data's own where the post's placement is
            with out.source(vocab.ONTOLOGY_IRI if post.post_in_derivation else source):
                out.add(h, ORG.organization, minter.thing("body", post.post_in), hl, "post")
            out.add(h, SAKRAD.post, minter.thing("post", holding.post), hl, "post")
            if holding.as_of and holding.as_of_derivation is None:
                out.add(h, SAKRAD.attestedOn, _typed(holding.as_of, _date_type(holding.as_of)[0]), hl, "as_of")
            elif holding.as_of:  # worked out, not stated: derived, saying how, in the dataset's own graph
                with out.source(vocab.ONTOLOGY_IRI):
                    out.add(h, SAKRAD.derivedDate, _typed(holding.as_of, _date_type(holding.as_of)[0]), hl, "as_of")
                    out.text(h, SAKRAD.derivation, holding.as_of_derivation, hl, "as_of_derivation")
                    out.add(h, PROV.wasDerivedFrom, source, hl, "as_of")
            out.add(h, DCTERMS.source, source, hl, "source")
    for body in person.member_of:
        out.add(s, ORG.memberOf, minter.thing("body", body), ln, "member_of")
    if person.member_of:
        _derivation(out, s, SAKRAD.memberOfDerivation, person.member_of_derivation, ln, "member_of_derivation")
    _links(out, minter, s, person.links)
    _sources(out, minter, s, person.sources, ln)


def _organisation(out: _Emitter, minter: Minter, org: Organisation) -> None:
    s = minter.thing("organisation", org.id)
    ln = org.lines
    # A source that names it as an organisation supports org:Organization; a formal organisation and a
    # legal entity only where a confirmed organisation number (a register's) says it is registered.
    out.add(s, RDF.type, FOAF.Agent, ln)
    out.add(s, RDF.type, ORG.Organization, ln)
    with out.own():
        out.add(s, DCTERMS.identifier, _plain(org.id), ln, "id")
    out.add(s, SKOS.prefLabel, _text(org.name, "sv"), ln, "name")
    for alt in org.alt_names:
        out.add(s, SKOS.altLabel, _text(alt, "sv"), ln, "alt_names")
    if org.legal_name:
        out.add(s, LEGAL.legalName, _text(org.legal_name, "sv"), ln, "legal_name")
    for ident in org.identifiers:
        i = minter.part(s, "identifier", ident.scheme)
        il = ident.lines
        verified = confirmed(ident.status, ident.source, ident.scheme)
        with out.source(ox.NamedNode(ident.source)):
            out.add(ox.NamedNode(ident.source), RDF.type, FOAF.Document, il, "source")
            if verified:
                out.add(s, RDF.type, LEGAL.LegalEntity, il, "status")
                out.add(s, RDF.type, ORG.FormalOrganization, il, "status")
                out.add(s, LEGAL.legalIdentifier, i, il)
            out.add(s, ADMS.identifier, i, il)
            out.add(i, RDF.type, ADMS.Identifier, il)
            out.add(i, SKOS.notation, _plain(ident.value), il, "value")
            out.add(i, DCTERMS.conformsTo, SAKRAD.OrganisationsnummerScheme, il, "scheme")
            out.add(i, DCTERMS.source, ox.NamedNode(ident.source), il, "source")
        with out.own():  # how the data verified it, who keeps the scheme, the data's remark on it
            out.add(i, ADMS.schemeAgency, _plain(_SCHEME_AGENCY[ident.scheme]), il, "scheme")
            out.add(i, ADMS.status, STATUS[ident.status], il, "status")
            out.text(i, SKOS.note, ident.note, il, "note")
            if ident.scheme == "orgnr" and verified:
                # DIGG's publisher IRI, worked out from the confirmed number by DIGG's naming rule.
                for triple in link_triples(minter, s, dataportal_iri(ident.value), derived_from=i):
                    out.add(*triple, il, "value")
    _links(out, minter, s, org.links)
    if org.website:
        out.add(s, FOAF.homepage, ox.NamedNode(org.website), ln, "website")
        out.add(ox.NamedNode(org.website), RDF.type, FOAF.Document, ln, "website")
    _sources(out, minter, s, org.sources, ln)


def _meeting(out: _Emitter, minter: Minter, m: Meeting, shown: dict[tuple[str, str], Shown] | None = None) -> None:
    s = minter.thing("meeting", m.id)
    ln = m.lines
    main = minter.thing("source", m.source)

    def source_of(fact: str, own: str | None = None) -> ox.NamedNode:
        """The document a fact comes from: the record's own source, else ``fact_sources``, else the main one."""
        return minter.thing("source", own) if own else out.fact_graphs.get(fact, main)

    out.add(s, RDF.type, SAKRAD.Sakrad, ln)
    if m.kind == "series":
        out.add(s, RDF.type, SAKRAD.SakradSeries, ln, "kind")
    out.add(s, RDF.type, M8G.PublicEvent, ln)
    out.add(s, RDF.type, SCHEMA.Event, ln)
    # The identifier is the data's own minting (a date in it may be one no source states): in the
    # dataset's own graph, with the page it was made from (docs/model.md, "Stated is not derived").
    with out.source(vocab.ONTOLOGY_IRI):
        out.add(s, DCTERMS.identifier, _plain(m.id), ln, "id")
        out.add(s, PROV.wasDerivedFrom, main, ln, "id")
    out.add(s, DCTERMS.source, main, ln, "source")
    _sources(out, minter, s, m.sources, ln, _cited(m), main)
    if m.title_derivation is None:
        out.text(s, DCTERMS.title, m.title, ln, "title")
    else:
        # Not a source's headline but the publisher's own: in the dataset's own graph (never a source's),
        # with how it was made (docs/model.md, "Stated is not derived").
        with out.source(vocab.ONTOLOGY_IRI):
            out.text(s, DCTERMS.title, m.title, ln, "title")
            out.text(s, SAKRAD.titleDerivation, m.title_derivation, ln, "title_derivation")
    if m.announced_only:  # its documents only announce it: that it was held is not stated
        out.add(s, SAKRAD.announcedOnly, _typed("true", XSD.boolean), ln, "announced_only")
    if m.held_derivation is not None and m.held_source:
        # No document read says it was held; a cited one shows it (minutes of it, by their title): the
        # publisher's derivation, in the dataset's own graph, with the document it works from.
        with out.source(vocab.ONTOLOGY_IRI):
            out.text(s, SAKRAD.heldDerivation, m.held_derivation, ln, "held_derivation")
            out.add(s, SAKRAD.heldDerivedFrom, minter.thing("source", m.held_source), ln, "held_source")
    out.text(s, SAKRAD.topic, m.topic, ln, "topic")
    out.text(s, SAKRAD.purpose, m.purpose, ln, "purpose")
    out.text(s, SAKRAD.processDescription, m.process, ln, "process")
    out.text(s, SAKRAD.handlingOfViews, m.handling_of_views, ln, "handling_of_views")
    out.text(s, SAKRAD.invitedDescription, m.invited_description, ln, "invited_description")
    if m.case_number:
        out.add(s, SAKRAD.caseNumber, _plain(m.case_number), ln, "case_number")
    if m.organiser:
        out.add(s, SCHEMA.organizer, minter.thing("body", m.organiser), ln, "organiser")
    if m.date and m.date_derivation is None:
        _dated(out, minter, s, m.date, source_of("date"), ln, "date")
    elif m.date:
        # Not stated but worked out (a year from the page's address): published as derived, saying how,
        # in the dataset's own graph (the page does not state it), derived from the page it was read on.
        with out.source(vocab.ONTOLOGY_IRI):
            out.add(s, SAKRAD.derivedDate, _typed(m.date, _date_type(m.date)[0]), ln, "date")
            out.text(s, SAKRAD.derivation, m.date_derivation, ln, "date")
            out.add(s, PROV.wasDerivedFrom, source_of("date"), ln, "date")
    _days(out, minter, s, m, source_of("days"))
    if m.place:
        place = minter.thing("place", slug(m.place))
        out.add(s, DCTERMS.spatial, place, ln, "place")
        out.add(place, RDF.type, DCTERMS.Location, ln, "place")
        out.add(place, LOCN.geographicName, _text(m.place, "sv"), ln, "place")
        out.add(place, SKOS.prefLabel, _text(m.place, "sv"), ln, "place")
    for fact, prop, count in (
        ("invited_count", SAKRAD.invitedOrganisationCount, m.invited_count),
        ("organisation_count", SAKRAD.participatingOrganisationCount, m.organisation_count),
        ("participant_count", SAKRAD.participantCount, m.participant_count),
    ):
        if count is not None:
            _count(out, minter, s, fact, prop, count, source_of(fact, count.source))
    # the further groups the source counts apart: each a count of its own, by its number n (numbered.py;
    # the first group's IRI is the participant count's), none a total
    for n, count in zip(count_numbers(m.other_participant_counts), m.other_participant_counts, strict=True):
        source = source_of("participant_count", count.source)
        _count(out, minter, s, f"participant-{n}_count", SAKRAD.participantCount, count, source)
    if m.organisation_list is not None:
        out.add(
            s,
            SAKRAD.organisationListComplete,
            _typed(str(m.organisation_list == "complete").lower(), XSD.boolean),
            ln,
            "organisation_list",
        )
    # The listed count is computed: what the list holds, counted by the release, so it is the dataset's
    # own statement (in its graph, as the titles it makes), never the source's.
    if m.organisations:
        with out.source(vocab.ONTOLOGY_IRI):
            out.add(s, SAKRAD.listedOrganisationCount, _typed(len(m.organisations), XSD.integer), ln, "organisations")
    if (p := m.presentations) is not None:
        # a record of its own: its fields' names are not the fact's, so its document is set here
        with out.source(source_of("presentations")):
            if p.count is not None:
                out.add(s, SAKRAD.statedPresentationCount, _typed(p.count, XSD.integer), p.lines, "count")
            out.text(s, SAKRAD.presentationsDescription, p.description, p.lines, "description")
    _items(out, minter, s, m, "questions", SAKRAD.question, SCHEMA.Question, source_of("questions"))
    _items(
        out,
        minter,
        s,
        m,
        "discussion_areas",
        SAKRAD.discussionArea,
        SAKRAD.DiscussionArea,
        source_of("discussion_areas"),
    )
    # Areas a document announces before the sakråd: not said to be discussed, so a property of their own
    # (not a subproperty of sakrad:discussionArea, which would say they were).
    _items(
        out,
        minter,
        s,
        m,
        "announced_discussion_areas",
        SAKRAD.announcedDiscussionArea,
        SAKRAD.DiscussionArea,
        source_of("announced_discussion_areas"),
    )
    # Who chaired, who called the sakråd (kept apart from the chair even when the same person is both:
    # role:convener, ontology/roles.ttl) and who from the Government Offices took part.
    for fact, kind, role, refs in (
        ("chair", "chair", ROLE.chair, [m.chair] if m.chair else []),
        ("conveners", "convener", ROLE.convener, m.conveners),
        ("government_participants", "government", ROLE.governmentParticipant, m.government_participants),
    ):
        for ref in refs:
            src = source_of(fact, ref.source)
            body = getattr(ref, "body", None)
            who = minter.thing("person", ref.person) if ref.person else minter.thing("body", body or "")
            part = minter.part(s, "participation", kind, ref.person or body or "")
            with out.source(src):
                _participation(out, s, part, role, who, src, ref.lines)
                if post := getattr(ref, "post", None):
                    out.add(part, SAKRAD.inCapacityOf, minter.thing("post", post), ref.lines, "post")
                out.text(part, DCTERMS.description, getattr(ref, "description", None), ref.lines, "description")
    src = source_of("agencies")
    for n, body in enumerate(m.agencies):
        part = minter.part(s, "participation", "agency", body)
        with out.source(src):
            _participation(
                out, s, part, ROLE.participatingAgency, minter.thing("body", body), src, ln, f"agencies[{n}]"
            )
    src = source_of("organisations")
    for n, org in enumerate(m.organisations, start=1):
        part = minter.part(s, "participation", "organisation", org)
        with out.source(src):
            _participation(
                out,
                s,
                part,
                ROLE.participatingOrganisation,
                minter.thing("organisation", org),
                src,
                ln,
                f"organisations[{n - 1}]",
            )
            _position(out, part, n, ln, f"organisations[{n - 1}]")
            # the name this list's source writes, where the record's name is another document's (named.py)
            if shown and (named := shown.get((m.id, org))) is not None:
                if named.written is not None:
                    out.add(part, RDFS.label, _text(named.written, named.lang), ln, f"organisations[{n - 1}]")
                elif named.name_from is not None:
                    with out.source(vocab.ONTOLOGY_IRI):  # the data's own statement, not the source's
                        out.add(
                            part,
                            SAKRAD.nameFrom,
                            minter.thing("source", named.name_from),
                            ln,
                            f"organisations[{n - 1}]",
                        )
    if (c := m.contact) is not None:
        # The contact person is a contact point of the sakråd, not one who took part.
        src = source_of("contact", c.source)
        with out.source(src):
            person = _contact_point(out, minter, s, M8G.contactPoint, "contact-point", c, src)
            if c.unit:
                out.add(person, ORG.memberOf, minter.thing("body", c.unit), c.lines, "unit")
    if (pc := m.press_contact) is not None:
        src = source_of("press_contact", pc.source)
        with out.source(src):
            _contact_point(out, minter, s, SAKRAD.pressContact, "press-contact", pc, src)
    _notes(out, minter, s, m.notes, main)


def _contact_point(
    out: _Emitter,
    minter: Minter,
    meeting: ox.NamedNode,
    prop: ox.NamedNode,
    part: str,
    contact: Contact | PressContact,
    source: ox.NamedNode,
) -> ox.NamedNode:
    """A contact point of the sakråd (``prop``: the contact's or the press contact's) and the person's;
    returns the person."""
    cp = minter.part(meeting, part)
    person = minter.thing("person", contact.person)
    ln = contact.lines
    out.add(meeting, prop, cp, ln)
    out.add(person, M8G.contactPoint, cp, ln, "person")
    out.add(cp, RDF.type, M8G.ContactPoint, ln)
    # a press contact's title; a contact's purpose where the source narrows it (registration)
    out.text(
        cp,
        SKOS.prefLabel,
        contact.role if isinstance(contact, PressContact) else contact.purpose,
        ln,
        "role" if isinstance(contact, PressContact) else "purpose",
    )
    out.add(cp, DCTERMS.source, source, ln)
    if contact.email:
        out.add(cp, M8G.email, _plain(contact.email), ln, "email")
    if contact.telephone:
        out.add(cp, M8G.telephone, _plain(contact.telephone), ln, "telephone")
    return person


def _count(
    out: _Emitter, minter: Minter, s: ox.NamedNode, fact: str, prop: ox.NamedNode, count: Count, source: ox.NamedNode
) -> None:
    """A number as the source states it: its words, in the language of the document they are credited to
    (English for one written in English, ``language: en``), and the number with whether it is approximate,
    or the bound the words give ("drygt 50": schema:minValue 50, never schema:value)."""
    c = minter.part(s, "count", fact.removesuffix("_count"))
    cl = count.lines
    lang = "en" if source in out.english else "sv"
    with out.source(source):
        out.add(s, prop, c, cl)
        out.add(c, RDF.type, SAKRAD.StatedCount, cl)
        out.add(c, SAKRAD.wording, _text(_words(count.text), lang), cl, "text")
        if count.value is not None and count.bound is None:
            out.add(c, SCHEMA.value, _typed(count.value, XSD.integer), cl, "value")
            out.add(c, SAKRAD.approximate, _typed(str(count.approximate).lower(), XSD.boolean), cl, "approximate")
        elif count.value is not None:
            bound = SCHEMA.minValue if count.bound == "at-least" else SCHEMA.maxValue
            out.add(c, bound, _typed(count.value, XSD.integer), cl, "value")
            if count.approximate:  # a bound is not give or take: the shapes reject it, at this place
                out.add(c, SAKRAD.approximate, _typed("true", XSD.boolean), cl, "approximate")
        if count.group is not None:  # the one group it counts: its number is that group's, not everyone's
            out.add(c, SAKRAD.countedGroup, _text(_words(count.group), "sv"), cl, "group")
        out.add(c, DCTERMS.source, source, cl)


def _items(
    out: _Emitter,
    minter: Minter,
    s: ox.NamedNode,
    m: Meeting,
    name: str,
    prop: ox.NamedNode,
    cls: ox.NamedNode,
    source: ox.NamedNode,
) -> None:
    """Questions or discussion areas: one resource each, in the source's order (its position), word for
    word, named by its number (numbered.py: its ``n``, else its place)."""
    part = name.rstrip("s").replace("_", "-")
    ln = m.lines
    items = getattr(m, name)
    for n, (item, number) in enumerate(zip(items, note_numbers(items), strict=True), start=1):
        q = minter.part(s, part, number)
        ql = item.lines
        out.add(s, prop, q, ln, f"{name}[{n - 1}]")
        out.add(q, RDF.type, cls, ql, name)
        _position(out, q, n, ln, f"{name}[{n - 1}]")
        with out.source(source):
            out.text(q, SCHEMA.text, item, ql, "sv")
            out.add(q, DCTERMS.isPartOf, s, ql)
            out.add(q, DCTERMS.source, source, ql)


def _position(out: _Emitter, item: ox.NamedNode, n: int, lines: Lines | None, name: str) -> None:
    """An item's place in its list (``schema:position``): the data numbers the items in the order the
    source gives them, so the number is the data's own, in the dataset's graph."""
    with out.own():
        out.add(item, SCHEMA.position, _typed(n, XSD.integer), lines, name)


#: The property a note about a fact of a meeting is about (sakrad:aboutProperty).
_FACT_PROPERTIES = {
    "title": DCTERMS.title,
    "announced_only": SAKRAD.announcedOnly,
    "topic": SAKRAD.topic,
    "organiser": SCHEMA.organizer,
    "date": SCHEMA.startDate,
    "days": M8G.subEvent,
    "place": DCTERMS.spatial,
    "purpose": SAKRAD.purpose,
    "process": SAKRAD.processDescription,
    "invited_count": SAKRAD.invitedOrganisationCount,
    "organisation_count": SAKRAD.participatingOrganisationCount,
    "participant_count": SAKRAD.participantCount,
    "organisation_list": SAKRAD.organisationListComplete,
    "invited_description": SAKRAD.invitedDescription,
    "chair": M8G.hasParticipation,
    "conveners": M8G.hasParticipation,
    "government_participants": M8G.hasParticipation,
    "agencies": M8G.hasParticipation,
    "organisations": M8G.hasParticipation,
    "presentations": SAKRAD.presentationsDescription,
    "questions": SAKRAD.question,
    "discussion_areas": SAKRAD.discussionArea,
    "announced_discussion_areas": SAKRAD.announcedDiscussionArea,
    "handling_of_views": SAKRAD.handlingOfViews,
    "contact": M8G.contactPoint,
    "press_contact": SAKRAD.pressContact,
    "case_number": SAKRAD.caseNumber,
}


def _notes(out: _Emitter, minter: Minter, s: ox.NamedNode, notes: Iterable[Note], default: ox.NamedNode) -> None:
    """Notes on a record or one of its facts: the publisher's remarks on what a document says, in the
    dataset's own graph (the document does not say them), each with ``dct:source`` the document it is
    about, which is thus read (:attr:`Built.read`) though its graph may hold nothing else."""
    for n, note in zip(note_numbers(notes), notes, strict=True):
        node = minter.part(s, "note", n)
        nl = note.lines
        source = minter.thing("source", note.source) if note.source else default
        out.read.add(source)
        with out.own():
            out.add(s, SAKRAD.note, node, nl)
            out.add(node, RDF.type, SAKRAD.Note, nl)
            out.text(node, SCHEMA.text, note.text, nl, "text")
            if note.about:
                out.add(node, SAKRAD.aboutProperty, _FACT_PROPERTIES[note.about], nl, "about")
            out.add(node, DCTERMS.source, source, nl, "source")


def _dated(
    out: _Emitter,
    minter: Minter,
    event: ox.NamedNode,
    date: str,
    source: ox.NamedNode,
    lines: Lines | None,
    name: str,
) -> None:
    """An event's date: a ``time:Instant`` at the precision the source gives (CPEV ``time:hasTime``),
    and ``schema:startDate`` for schema.org readers where the day is known (schema.org dates are whole days)."""
    t = minter.part(event, "time")
    datatype, prop = _date_type(date)
    out.add(event, TIME.hasTime, t, lines, name)
    out.add(t, RDF.type, TIME.Instant, lines, name)
    out.add(t, RDF.type, TIME.TemporalEntity, lines, name)
    out.add(t, prop, _typed(date, datatype), lines, name)
    out.add(t, DCTERMS.source, source, lines, name)
    if datatype == XSD.date:
        out.add(event, SCHEMA.startDate, _typed(date, datatype), lines, name)


def _days(out: _Emitter, minter: Minter, s: ox.NamedNode, m: Meeting, source: ox.NamedNode) -> None:
    """Several days on one page: one sub-event per day (CPEV m8g:subEvent), each with its own time; the
    sakråd (or series) has no date of its own (its first and last day are worked out, not stated). Nothing
    is said about who came on which day."""
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
        _position(out, d, n + 1, ln, name)
        out.add(d, DCTERMS.source, source, ln, name)
        _dated(out, minter, d, day, source, ln, name)
    # No schema:startDate/endDate for the whole: the first and last day would be computed, not stated,
    # and read as one date; each day carries its own stated date.


def _participation(
    out: _Emitter,
    meeting: ox.NamedNode,
    part: ox.NamedNode,
    role: ox.NamedNode,
    who: ox.NamedNode,
    source: ox.NamedNode,
    lines: Lines | None,
    name: str = "",
) -> None:
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
    "invitation": SCHEMA.DigitalDocument,
    "web-page": SCHEMA.WebPage,
    "article": SCHEMA.Article,
    "press-release": SCHEMA.NewsArticle,
    "register": SCHEMA.Dataset,
}


def _date_type(value: str) -> tuple[ox.NamedNode, ox.NamedNode]:
    if len(value) == 4:
        return XSD.gYear, TIME.inXSDgYear
    if len(value) == 7:
        return XSD.gYearMonth, TIME.inXSDgYearMonth
    return XSD.date, TIME.inXSDDate


def role_scheme_graph(ontology_dir: Path) -> Graph:
    """The concept schemes the data refers to, which the data graph carries along: the roles
    (``ontology/roles.ttl``) and the organisation-number scheme (from ``ontology/sakrad.ttl``)."""
    roles = ontology_dir / "roles.ttl"
    g = Graph.parse_ontology_file(roles)
    if (ROLE_SCHEME, vocab.RDF.type, vocab.SKOS.ConceptScheme) not in g:
        raise ProjectError(
            f"{roles}: the file does not hold the concept scheme of roles; expected <{ROLE_SCHEME.value}> "
            "a skos:ConceptScheme, with the roles the data names as its skos:Concepts (skos:inScheme)"
        )
    ontology = Graph.parse_ontology_file(ontology_dir / "sakrad.ttl")
    g.update(ontology.triples(vocab.SAKRAD.OrganisationsnummerScheme))
    # the verification statuses identifiers carry (adms:status), with their scheme
    scheme = vocab.SAKRAD.verification
    for concept in dict.fromkeys((scheme, *ontology.subjects(vocab.SKOS.inScheme, scheme))):
        g.update(ontology.triples(concept))
    return g
