"""The readable part of a sakråd's page as data for ``templates/meeting.html``, in the order of its
documentation.

Title (the page's heading), date, place, organiser, chair, topic, purpose and process; the
questions in order; the organisations in the source's order, with the count the source states
beside the count it lists and the difference said in words; the government participants,
presentations, handling of views, contact and source; then the picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pyoxigraph as ox

from ..vocab import DCTERMS, M8G, SCHEMA
from .labels import Text, objects, value
from .meeting import MeetingFacts, Member, StatedCount
from .provenance import Provenance
from .resourceview import Value, View

__all__ = ["Count", "Entry", "MeetingView", "NoteItem", "Row", "meeting_view"]

_SOURCE = DCTERMS.source
_S, _T = "https://schema.org/", "https://w3id.org/sakrad/ontology#"
#: The properties each row of the facts shows (what its sources are read from, and notes matched by).
ROW_PROPERTIES = {
    # a title the data made: how it was made, stated in the data's own graph ("the data's own (sakrad-ld)")
    "title": (_T + "titleDerivation",),
    "date": (_S + "startDate", "http://www.w3.org/2006/time#hasTime", _T + "derivedDate", _T + "derivation"),
    "days": ("http://data.europa.eu/m8g/subEvent", _S + "subEvent"),
    "place": ("http://purl.org/dc/terms/spatial",),
    "organiser": (_S + "organizer",),
    "invited": (_T + "invitedOrganisationCount", _T + "invitedDescription"),
    "participants": (_T + "participantCount",),
    "organisation_count": (_T + "participatingOrganisationCount",),
    "discussion_areas": (_T + "discussionArea",),
    "announced_areas": (_T + "announcedDiscussionArea",),
    "press_contact": (_T + "pressContact",),
    "contact": ("http://data.europa.eu/m8g/contactPoint",),
    "topic": (_T + "topic",),
    "purpose": (_T + "purpose",),
    "process": (_T + "processDescription",),
    "case_number": (_T + "caseNumber",),
}


@dataclass(frozen=True)
class Row:
    """One line of the meeting's facts: a message key and its value (plain, a text, or resources)."""

    key: str
    plain: str | None = None
    text: Text | None = None
    values: list[tuple[Value, Value | None]] = field(default_factory=list)
    sources: list[Value] = field(default_factory=list)  # the documents that state it
    derived: Text | None = None  # a value worked out, not stated: how
    derived_key: str = "derived"  # the message that marks it ("härlett"; a title: "datans egen")
    notes: list[NoteItem] = field(default_factory=list)
    count: StatedCount | None = None  # a count as the source states it, with its words
    counts: list[StatedCount] = field(default_factory=list)  # further groups' counts, after count, never summed
    items: list[Text] = field(default_factory=list)  # a list in the source's order (discussion areas)
    #: several people or bodies, each with its own sources (a row's ``sources`` are then empty), so that
    #: no document seems to name one it does not
    entries: list[Entry] = field(default_factory=list)


@dataclass(frozen=True)
class Entry:
    """One of several people or bodies on a row: who, the post they held it in, and the documents stating it."""

    who: Value
    capacity: Value | None
    sources: list[Value]


@dataclass(frozen=True)
class NoteItem:
    text: Text
    about: Value | None
    sources: list[Value]


@dataclass(frozen=True)
class Count:
    """The count of organisations the source states (and its wording) beside the count it lists
    (None when it lists none: no list is not a list of none)."""

    stated: int | None
    listed: int | None
    words: str  # the source's words ("ett tjugotal organisationer i det civila samhället"), or ""
    approximate: bool = False  # the source gives the number as approximate: no exact difference
    complete: bool | None = None  # whether the source says its list names every organisation
    bound: str | None = None  # "at-least"/"at-most": ``stated`` is the bound the words give, no exact difference

    @property
    def difference(self) -> int:
        return abs((self.stated or 0) - (self.listed or 0))

    @property
    def stated_count(self) -> StatedCount | None:
        return (
            None if self.stated is None else StatedCount(self.stated, self.words or None, self.approximate, self.bound)
        )


@dataclass(frozen=True)
class Item:
    id: str
    who: Value
    description: Text | None = None
    #: the document the shown name comes from, where it is not the participation's source's (sakrad:nameFrom)
    name_from: Value | None = None


@dataclass(frozen=True)
class QuestionItem:
    id: str
    position: int
    text: Text


@dataclass(frozen=True)
class MeetingView:
    rows: list[Row]
    notes: list[NoteItem]  # notes on the meeting, or on a fact that has no row here
    sources: list[Value]
    questions: list[QuestionItem]
    count: Count
    organisations: list[Item]
    government: list[Item]
    presentations: int | None
    presentations_text: Text | None
    handling_of_views: Text | None
    contacts: list[Value]
    participants: StatedCount | None
    other_participants: list[StatedCount]  # the further groups the source counts apart, each with its group
    invited: StatedCount | None
    #: its sources only announce it (sakrad:announcedOnly): no one is said to have taken part
    announced_only: bool
    email: str | None
    telephone: str | None
    source_links: list[tuple[Value, str | None]]
    svg: object  # the picture, inline SVG (markup)
    svg_download: str | None
    #: where the organisations' names come from: the documents their participations are credited to,
    #: and the notes on the participations (``sakrad:aboutProperty m8g:hasParticipation``: "taken from
    #: photo captions", but also a note on the chair's), which the page points to, so that the data's
    #: count of them is not read as a list the source gives
    names_from: list[Value] = field(default_factory=list)
    names_notes: list[NoteItem] = field(default_factory=list)


def meeting_view(
    view: View, f: MeetingFacts, svg: object, svg_download: str | None, limit: int, provenance: Provenance | None = None
) -> MeetingView:
    provenance = provenance or Provenance()
    m = ox.NamedNode(f.iri)

    def documents(facts: list[tuple]) -> list[Value]:
        """The documents stating ``facts``; without the quads, their subjects' ``dct:source``."""
        if provenance.known:
            return [view.stating(iri) for iri in provenance.documents(facts)]
        found = {
            s.value
            for subject in {f[0] for f in facts}
            for s in objects(view.store, subject, _SOURCE)
            if isinstance(s, ox.NamedNode)
        }
        return [view.resource(iri) for iri in sorted(found)]

    def about(key: str) -> list[tuple]:
        return [(m, ox.NamedNode(p), None) for p in ROW_PROPERTIES.get(key, ())]

    def participations(members: list) -> list[tuple]:
        return [(ox.NamedNode(x.participation), M8G.hasParticipant, None) for x in members]

    def listed(key: str, entries: list[tuple[str, str | None, list[tuple]]]) -> Row:
        """The row of one or more people or bodies (iri, post, the facts stating it): with the row's
        sources where every one has the same (said once), else each with its own, so that a source is
        never shown beside one it does not name."""
        values = [(view.resource(iri), view.resource(post) if post else None) for iri, post, _ in entries]
        said = [documents(facts) for _, _, facts in entries]
        if len({tuple((v.href, v.url) for v in d) for d in said}) == 1:  # one source line for all: said once
            return Row(key, values=values, sources=said[0])
        return Row(
            key,
            values=values,
            entries=[Entry(v, c, d) for (v, c), d in zip(values, said, strict=True)],
        )

    def members_row(key: str, members: list[Member]) -> Row:
        """The row of people in a role, each with the post they held it in and their participation's sources."""
        return listed(key, [(c.iri, c.capacity, participations([c])) for c in members])

    def points_row(key: str, fact: str, people: list[Member]) -> Row:
        """The row of the people a contact point is: one with the point's sources, several each with the
        documents naming them so (the point's, where the data credits no one of them alone)."""
        return listed(
            key,
            [
                (c.iri, None, [(ox.NamedNode(c.iri), M8G.contactPoint, ox.NamedNode(c.participation))])
                if len(people) > 1
                else (c.iri, None, about(fact))
                for c in people
            ],
        )

    rows: list[Row] = []
    if f.title_derivation is not None:  # the heading is the data's own title, no source's: said so first
        rows.append(
            Row(
                "title",
                text=f.title,
                derived=f.title_derivation,
                derived_key="title_own",
                sources=documents(about("title")),
            )
        )
    if f.announced_only:  # sakrad:announcedOnly: the sources announce it, and do not say it was held
        rows.append(Row("announced", sources=documents([(m, ox.NamedNode(_T + "announcedOnly"), None)])))
    if f.held_derivation is not None:  # sakrad:heldDerivation: that it was held is derived, from a cited document
        rows.append(
            Row(
                "held",
                derived=f.held_derivation,
                sources=[view.resource(f.held_from)] if f.held_from else [],
            )
        )
    if f.date:
        rows.append(Row("date", plain=f.date, sources=documents(about("date"))))
    elif f.derived_date:
        rows.append(
            Row("date", plain=f.derived_date, derived=f.derivation or Text(""), sources=documents(about("date")))
        )
    if f.days:  # a series: the day of each of its sessions, as the source lists them
        rows.append(Row("days", plain=", ".join(f.days), sources=documents(about("days"))))
    if f.place:
        rows.append(Row("place", text=f.place, sources=documents(about("place"))))
    if f.stated_organisers:  # the organiser the source names, not the bodies it belongs to
        rows.append(
            listed(
                "organiser", [(iri, None, [(m, SCHEMA.organizer, ox.NamedNode(iri))]) for iri, _ in f.stated_organisers]
            )
        )
    if f.conveners:
        rows.append(members_row("convener", f.conveners))
    if f.chairs:
        rows.append(members_row("chair", f.chairs))
    if f.agencies:
        rows.append(listed("agencies", [(a.iri, None, participations([a])) for a in f.agencies]))
    if f.invited is not None or f.invited_description:
        rows.append(Row("invited", text=f.invited_description, count=f.invited, sources=documents(about("invited"))))
    if f.participants is not None:
        rows.append(
            Row(
                "participants",
                count=f.participants,
                counts=f.other_participants,
                sources=documents(about("participants")),
            )
        )
    if f.organisation_count is not None:
        rows.append(
            Row("organisation_count", count=f.organisation_count, sources=documents(about("organisation_count")))
        )
    for key, text in (("topic", f.topic), ("purpose", f.purpose)):
        if text:
            rows.append(Row(key, text=text, sources=documents(about(key))))
    # areas said to be discussed, and apart from them those only announced before the sakråd
    for key, areas in (("discussion_areas", f.discussion_areas), ("announced_areas", f.announced_areas)):
        if areas:
            rows.append(Row(key, items=[a.text for a in areas], sources=documents(about(key))))
    if f.process:
        rows.append(Row("process", text=f.process, sources=documents(about("process"))))
    for key, fact, people in (
        ("contact_person", "contact", f.contacts),
        ("press_contact", "press_contact", f.press_contacts),
    ):
        if people:
            rows.append(points_row(key, fact, people))
    if f.case_number:
        rows.append(Row("case_number", plain=f.case_number, sources=documents(about("case_number"))))
    rows, notes = _with_notes(view, f, rows)
    listed = f.listed_count if f.listed_count is not None else (len(f.organisations) or None)
    oc = f.organisation_count
    words = (oc.words or "") if oc is not None else ""
    sources = []
    for iri, _ in f.sources:
        url = value(view.store, ox.NamedNode(iri), SCHEMA.url)
        sources.append((view.resource(iri), url.value if url is not None else None))
    return MeetingView(
        rows=rows,
        notes=notes,
        sources=not_just_said([v for v, _ in sources], rows, notes),
        questions=[QuestionItem(q.iri[len(f.iri) + 1 :], q.position, q.text) for q in f.questions],
        count=Count(
            oc.value if oc else None,
            listed,
            words,
            oc.approximate if oc else False,
            f.list_complete,
            oc.bound if oc else None,
        ),
        organisations=[
            Item(
                m.participation[len(f.iri) + 1 :],
                replace(view.resource(m.iri), label=m.name),  # the name as the participation's source writes it
                name_from=view.resource(m.name_from) if m.name_from else None,
            )
            for m in f.organisations[: max(limit, 1000)]
        ],
        government=[Item(m.participation[len(f.iri) + 1 :], view.resource(m.iri), m.description) for m in f.government],
        presentations=f.presentations,
        presentations_text=f.presentations_text,
        handling_of_views=f.handling_of_views,
        contacts=[view.resource(m.iri) for m in f.contacts],
        participants=f.participants,
        other_participants=f.other_participants,
        invited=f.invited,
        announced_only=f.announced_only,
        email=f.email,
        telephone=f.telephone,
        source_links=sources,
        svg=svg,
        svg_download=svg_download,
        names_from=documents(participations(f.organisations)) if f.organisations else [],
        names_notes=[
            NoteItem(n.text, None, [view.resource(s) for s in n.sources])
            for n in f.notes
            if n.about == M8G.hasParticipation.value and f.organisations
        ],
    )


def _last_said(rows: list[Row], notes: list[NoteItem]) -> list[Value]:
    """The sources of the source line a page shows last before the sakråd's own: the last note's, else
    the last row's (its last note's that names a source the row does not, else the row's or its last
    entry's)."""
    if notes:
        return notes[-1].sources
    if not rows:
        return []
    r = rows[-1]
    for n in reversed(r.notes):
        if own := [v for v in n.sources if (v.href, v.url) not in {(x.href, x.url) for x in r.sources}]:
            return own
    return r.sources or (r.entries[-1].sources if r.entries else [])


def not_just_said(sources: list[Value], rows: list[Row], notes: list[NoteItem]) -> list[Value]:
    """The sakråd's sources for the line after its facts and notes, less those the line just above
    names: a source is never said twice in a row."""
    before = {(v.href, v.url) for v in _last_said(rows, notes)}
    return [v for v in sources if (v.href, v.url) not in before]


def _with_notes(view: View, f: MeetingFacts, rows: list[Row]) -> tuple[list[Row], list[NoteItem]]:
    """The rows with the notes on their facts beside them, and the notes that belong to no row."""
    keyed = {p: r.key for r in rows for p in ROW_PROPERTIES.get(r.key, ())}
    by_row: dict[str, list[NoteItem]] = {}
    rest = []
    for n in f.notes:
        item = NoteItem(n.text, view.resource(n.about) if n.about else None, [view.resource(s) for s in n.sources])
        key = keyed.get(n.about or "")
        if key is None:
            rest.append(item)
        else:
            by_row.setdefault(key, []).append(item)
    return [replace(r, notes=by_row.get(r.key, [])) for r in rows], rest
