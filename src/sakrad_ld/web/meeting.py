"""A sakråd as people read it: its facts in the order of a documentation, read from the store.

The meeting page and the meeting diagram show the same facts, so both read them here: title,
date, place, organiser (with the bodies it belongs to), chair, purpose, questions in order,
organisations in order, contact and source — and both counts of organisations, the one the
source states and the one it lists, which this module never reconciles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..triples import RDF_TYPE
from ..vocab import DCTERMS, LOCN, M8G, ORG, RDFS, ROLE, SAKRAD, SCHEMA
from .labels import Labeller, Term, Text, statements, text_of, value

RDFS_LABEL = RDFS.label

__all__ = ["MeetingDate", "MeetingFacts", "Member", "Question", "StatedCount", "meeting_dates", "meeting_facts"]


@dataclass(frozen=True)
class Member:
    """Someone taking part: the participation, who, and in what capacity (a post), if stated."""

    participation: str
    iri: str
    name: Text
    capacity: str | None = None
    capacity_name: Text | None = None
    description: Text | None = None
    #: where the participation's source is not the document the organisation's record's name comes
    #: from (sakrad:nameFrom, docs/model.md): that document, to show beside ``name``; where the data
    #: says how the participation's source writes it (the participation's rdfs:label), ``name`` is that
    name_from: str | None = None


@dataclass(frozen=True)
class Question:
    iri: str
    position: int
    text: Text


@dataclass(frozen=True)
class Note:
    """A note on the meeting or on one of its facts (``sakrad:aboutProperty``), with its source."""

    iri: str
    text: Text
    about: str | None
    sources: list[str]


@dataclass(frozen=True)
class StatedCount:
    """A count as the source states it (a sakrad:StatedCount): the number, the source's words, and
    whether the source gives it as approximate ("ett 40-tal"), or the bound the words give ("drygt 50":
    ``value`` 50, ``bound`` "at-least", from schema:minValue; "at-most" from schema:maxValue), and the
    one group it counts where it counts one and not everyone (sakrad:countedGroup, the source's words)."""

    value: int | None
    words: str | None
    approximate: bool = False
    bound: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class MeetingFacts:
    iri: str
    title: Text
    date: str | None
    place: Text | None
    organisers: list[tuple[str, Text]]  # the organiser first, then the bodies it belongs to
    chairs: list[Member]
    government: list[Member]
    topic: Text | None
    purpose: Text | None
    process: Text | None
    questions: list[Question]
    organisations: list[Member]  # in the source's order
    stated_count: int | None
    listed_count: int | None
    presentations: int | None
    presentations_text: Text | None
    handling_of_views: Text | None
    contacts: list[Member]
    email: str | None
    telephone: str | None
    sources: list[tuple[str, Text]]
    agencies: list[Member] = field(default_factory=list)
    case_number: str | None = None
    derived_date: str | None = None  # a date worked out, not stated (sakrad:derivedDate)
    derivation: Text | None = None  # how it was worked out
    title_derivation: Text | None = None  # set when the title is the data's own, no source's: how it was made
    announced_only: bool = False  # the documents only announce the sakråd: that it was held is not stated
    held_derivation: Text | None = None  # no document read says it was held; a cited one shows it: how
    held_from: str | None = None  # the document held_derivation rests on (sakrad:heldDerivedFrom)
    notes: list[Note] = field(default_factory=list)
    conveners: list[Member] = field(default_factory=list)
    invited: StatedCount | None = None  # organisations invited, as the source states it
    invited_description: Text | None = None
    participants: StatedCount | None = None  # people taking part, as the source states it (the first group's)
    #: the further groups of people the source counts apart, each with its group: never added to participants
    other_participants: list[StatedCount] = field(default_factory=list)
    organisation_count: StatedCount | None = None  # organisations taking part, as stated
    list_complete: bool | None = None  # whether the source names every organisation (None: not said)
    discussion_areas: list[Question] = field(default_factory=list)
    #: areas a document announced before the sakråd (sakrad:announcedDiscussionArea): not said to be discussed
    announced_areas: list[Question] = field(default_factory=list)
    press_contacts: list[Member] = field(default_factory=list)
    stated_organisers: list[tuple[str, Text]] = field(default_factory=list)  # schema:organizer, nothing above
    days: list[str] = field(default_factory=list)  # a series' days (its m8g:subEvent's dates), in order

    @property
    def count_difference(self) -> int | None:
        """Stated minus listed organisations, when the source states a number; 0 when they agree."""
        if self.stated_count is None or self.listed_count is None:
            return None
        return self.stated_count - self.listed_count


def meeting_facts(store: ox.Store, iri: str, labels: Labeller | None = None) -> MeetingFacts:
    """The facts of the meeting ``iri`` (any that the store lacks are None or empty)."""
    labels = labels or Labeller(store)
    m = ox.NamedNode(iri)
    said = statements(store, m)  # the meeting's own statements, each resource's read at once

    def text(p: ox.NamedNode) -> Text | None:
        return text_of(said.get(p, ()))

    place = _first(said, DCTERMS.spatial)
    members: dict[str, list[Member]] = {
        "chair": [],
        "government": [],
        "organisation": [],
        "contact": [],
        "agency": [],
        "convener": [],
        "press": [],
    }
    roles = {
        ROLE.convener: "convener",
        ROLE.chair: "chair",
        ROLE.governmentParticipant: "government",
        ROLE.participatingAgency: "agency",
        ROLE.participatingOrganisation: "organisation",
    }
    positions: dict[str, int] = {}
    for part in said.get(M8G.hasParticipation, ()):
        of_part = statements(store, part)
        role = roles.get(_first(of_part, M8G.role))  # type: ignore[arg-type]
        who = _first(of_part, M8G.hasParticipant)
        if role is None or not isinstance(who, ox.NamedNode):
            continue
        capacity = _first(of_part, SAKRAD.inCapacityOf)
        name_from = _first(of_part, SAKRAD.nameFrom)
        members[role].append(
            Member(
                part.value,
                who.value,
                # the name as the participation's own source writes it, where the data gives it
                text_of(of_part.get(RDFS_LABEL, ())) or labels.of(who),
                capacity.value if isinstance(capacity, ox.NamedNode) else None,
                labels.of(capacity) if isinstance(capacity, ox.NamedNode) else None,
                text_of(of_part.get(DCTERMS.description, ())),
                name_from.value if isinstance(name_from, ox.NamedNode) else None,
            )
        )
        positions[part.value] = _int(_first(of_part, SCHEMA.position)) or 1 << 30
    for group in members.values():
        group.sort(key=lambda x: (positions.get(x.participation, 1 << 30), x.participation))
    questions = sorted(
        (_question(store, q) for q in said.get(SAKRAD.question, ()) if isinstance(q, ox.NamedNode)),
        key=lambda q: (q.position, q.iri),
    )
    contact_point = _first(said, M8G.contactPoint)
    for key, point in (("contact", contact_point), ("press", _first(said, SAKRAD.pressContact))):
        if not isinstance(point, ox.NamedNode | ox.BlankNode):
            continue
        for quad in store.quads_for_pattern(None, M8G.contactPoint, point):  # the people the point is
            who = quad.subject
            if isinstance(who, ox.NamedNode) and who != m and all(c.iri != who.value for c in members[key]):
                members[key].append(
                    Member(point.value if isinstance(point, ox.NamedNode) else who.value, who.value, labels.of(who))
                )
    contact = statements(store, contact_point) if contact_point else {}
    organisation_count = _count(store, _first(said, SAKRAD.participatingOrganisationCount))
    # a bound ("drygt 50") is not the number: no difference is worked out from it
    stated_count = organisation_count.value if organisation_count and organisation_count.bound is None else None
    complete = _first(said, SAKRAD.organisationListComplete)
    # one count of people, or one for each group the source counts apart, in the order of their IRIs
    # (…/count/participant, then …/count/participant-2 …): the first group's, then the others'
    participants = [
        c
        for node in sorted(said.get(SAKRAD.participantCount, ()), key=lambda n: (len(n.value), n.value))
        if (c := _count(store, node)) is not None
    ]
    areas, announced_areas = (
        sorted(
            (_question(store, q) for q in said.get(prop, ()) if isinstance(q, ox.NamedNode)),
            key=lambda q: (q.position, q.iri),
        )
        for prop in (SAKRAD.discussionArea, SAKRAD.announcedDiscussionArea)
    )
    return MeetingFacts(
        iri=iri,
        title=labels.of(m),
        date=_literal(_first(said, SCHEMA.startDate)),
        place=(labels.text(place, LOCN.geographicName) or labels.of(place))
        if isinstance(place, ox.NamedNode)
        else None,
        organisers=_organisers(store, labels, _first(said, SCHEMA.organizer)),
        chairs=members["chair"],
        government=members["government"],
        topic=text(SAKRAD.topic),
        purpose=text(SAKRAD.purpose),
        process=text(SAKRAD.processDescription),
        questions=questions,
        organisations=members["organisation"],
        stated_count=stated_count,
        listed_count=_int(_first(said, SAKRAD.listedOrganisationCount)),
        presentations=_int(_first(said, SAKRAD.statedPresentationCount)),
        presentations_text=text(SAKRAD.presentationsDescription),
        handling_of_views=text(SAKRAD.handlingOfViews),
        contacts=members["contact"],
        email=_literal(_first(contact, M8G.email)) if contact_point else None,
        telephone=_literal(_first(contact, M8G.telephone)) if contact_point else None,
        sources=[(s.value, labels.of(s)) for s in said.get(DCTERMS.source, ()) if isinstance(s, ox.NamedNode)],
        agencies=members["agency"],
        case_number=_literal(_first(said, SAKRAD.caseNumber)),
        derived_date=_literal(_first(said, SAKRAD.derivedDate)),
        derivation=text(SAKRAD.derivation),
        title_derivation=text(SAKRAD.titleDerivation),
        announced_only=_true(_first(said, SAKRAD.announcedOnly)),
        held_derivation=text(SAKRAD.heldDerivation),
        held_from=held_from.value
        if isinstance(held_from := _first(said, SAKRAD.heldDerivedFrom), ox.NamedNode)
        else None,
        notes=_notes(store, labels, said.get(SAKRAD.note, ())),
        conveners=members["convener"],
        invited=_count(store, _first(said, SAKRAD.invitedOrganisationCount)),
        invited_description=text(SAKRAD.invitedDescription),
        participants=participants[0] if participants else None,
        other_participants=participants[1:],
        organisation_count=organisation_count,
        list_complete=complete.value == "true" if isinstance(complete, ox.Literal) else None,
        discussion_areas=areas,
        announced_areas=announced_areas,
        press_contacts=members["press"],
        days=_days(store, said.get(M8G.subEvent, ())),
        stated_organisers=[
            (o.value, labels.of(o)) for o in said.get(SCHEMA.organizer, ()) if isinstance(o, ox.NamedNode)
        ],
    )


def _question(store: ox.Store, q: ox.NamedNode) -> Question:
    of_q = statements(store, q)
    return Question(
        q.value, _int(_first(of_q, SCHEMA.position)) or 0, text_of(of_q.get(SCHEMA.text, ())) or Text(q.value)
    )


def _first(said: dict[Term, list[Term]], predicate: ox.NamedNode) -> Term | None:
    """What :func:`~sakrad_ld.web.labels.value` gives, from a resource's :func:`statements`."""
    found = said.get(predicate)
    return found[0] if found else None


def _notes(store: ox.Store, labels: Labeller, found: Iterable[Term]) -> list[Note]:
    notes = []
    for n in found:
        if not isinstance(n, ox.NamedNode):
            continue
        of_note = statements(store, n)
        about = _first(of_note, SAKRAD.aboutProperty)
        notes.append(
            Note(
                n.value,
                text_of(of_note.get(SCHEMA.text, ())) or Text(""),
                about.value if isinstance(about, ox.NamedNode) else None,
                [s.value for s in of_note.get(DCTERMS.source, ()) if isinstance(s, ox.NamedNode)],
            )
        )
    return sorted(notes, key=lambda x: [(0, int(s)) if s.isdigit() else (1, s) for s in x.iri.split("/")])


def _days(store: ox.Store, found: Iterable[Term]) -> list[str]:
    """The dates of a series' days (its sub-events), in the source's order."""
    days = []
    for day in found:
        of_day = statements(store, day)
        date = _literal(_first(of_day, SCHEMA.startDate))
        if date is not None:
            days.append((_int(_first(of_day, SCHEMA.position)) or 1 << 30, date))
    return [d for _, d in sorted(days)]


def _count(store: ox.Store, node: Term | None) -> StatedCount | None:
    """A count as the source states it (a sakrad:StatedCount): number, words and whether approximate."""
    if not isinstance(node, ox.NamedNode | ox.BlankNode):
        return None
    said = statements(store, node)
    approximate = _first(said, SAKRAD.approximate)
    number, bound = _int(_first(said, SCHEMA.value)), None
    for prop, kind in ((SCHEMA.minValue, "at-least"), (SCHEMA.maxValue, "at-most")):
        if number is None and (limit := _int(_first(said, prop))) is not None:
            number, bound = limit, kind
    return StatedCount(
        number,
        _literal(_first(said, SAKRAD.wording)),
        isinstance(approximate, ox.Literal) and approximate.value in {"true", "1"},
        bound,
        _literal(_first(said, SAKRAD.countedGroup)),
    )


def _organisers(store: ox.Store, labels: Labeller, body: object) -> list[tuple[str, Text]]:
    """The organiser and the bodies above it (unit → ministry → Government Offices)."""
    chain: list[tuple[str, Text]] = []
    while isinstance(body, ox.NamedNode) and body.value not in {iri for iri, _ in chain}:
        chain.append((body.value, labels.of(body)))
        body = value(store, body, ORG.subOrganizationOf) or value(store, body, ORG.unitOf)
    return chain


def _true(term: object) -> bool:
    """Whether ``term`` is the boolean true."""
    return isinstance(term, ox.Literal) and term.value in {"true", "1"}


def _literal(term: object) -> str | None:
    return term.value if isinstance(term, ox.Literal) else None


def _int(term: object) -> int | None:
    text = _literal(term)
    return int(text) if text is not None and text.lstrip("-").isdigit() else None


@dataclass(frozen=True)
class MeetingDate:
    """When a sakråd was, as its page says it: its stated date (``kind`` "stated"), else, for a series
    without one, its first day with all its ``days`` ("series"), else the date derived for it
    ("derived"), else none ("")."""

    iri: str
    date: str | None
    kind: str
    days: tuple[str, ...] = ()


def meeting_dates(store: ox.Store) -> list[MeetingDate]:
    """Every sakråd's :class:`MeetingDate`, by date (undated last), then IRI; read by pattern, so it
    works on any store with ``quads_for_pattern`` (the build's in-memory one too)."""
    dates = []
    for q in store.quads_for_pattern(None, RDF_TYPE, SAKRAD.Sakrad):
        m = q.subject
        if not isinstance(m, ox.NamedNode):
            continue
        stated = [d.object.value for d in store.quads_for_pattern(m, SCHEMA.startDate, None)]
        days = tuple(_days(store, (d.object for d in store.quads_for_pattern(m, M8G.subEvent, None))))
        derived = [d.object.value for d in store.quads_for_pattern(m, SAKRAD.derivedDate, None)]
        if stated:
            dates.append(MeetingDate(m.value, min(stated), "stated", days))
        elif days:
            dates.append(MeetingDate(m.value, min(days), "series", days))
        elif derived:
            dates.append(MeetingDate(m.value, min(derived), "derived"))
        else:
            dates.append(MeetingDate(m.value, None, ""))
    return sorted(dates, key=lambda x: (x.date is None, x.date or "", x.iri))
