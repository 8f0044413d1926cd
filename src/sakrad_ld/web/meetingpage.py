"""The readable part of a sakråd's page as data for ``templates/meeting.html``, in the order of its
documentation.

Title (the page's heading), date, place, organiser, chair, topic, purpose and process; the
questions in order; the organisations in the source's order, with the count the source states
beside the count it lists and the difference said in words; the government participants,
presentations, handling of views, contact and source; then the picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from ..triples import named
from ..vocab import SCHEMA
from .labels import Text, value
from .meeting import MeetingFacts
from .resourceview import Value, View

__all__ = ["Count", "MeetingView", "Row", "meeting_view"]


@dataclass(frozen=True)
class Row:
    """One line of the meeting's facts: a message key and its value (plain, a text, or resources)."""

    key: str
    plain: str | None = None
    text: Text | None = None
    values: list[tuple[Value, Value | None]] = field(default_factory=list)


@dataclass(frozen=True)
class Count:
    """The count of organisations the source states (and its wording) beside the count it lists."""

    stated: int | None
    listed: int
    words: str

    @property
    def difference(self) -> int:
        return abs((self.stated or 0) - self.listed)


@dataclass(frozen=True)
class Item:
    id: str
    who: Value
    description: Text | None = None


@dataclass(frozen=True)
class QuestionItem:
    id: str
    position: int
    text: Text


@dataclass(frozen=True)
class MeetingView:
    rows: list[Row]
    sources: list[Value]
    questions: list[QuestionItem]
    count: Count
    organisations: list[Item]
    government: list[Item]
    presentations: int | None
    presentations_text: Text | None
    handling_of_views: Text | None
    contacts: list[Value]
    email: str | None
    telephone: str | None
    source_links: list[tuple[Value, str | None]]
    svg: object  # the picture, inline SVG (markup)
    svg_download: str | None


def meeting_view(view: View, f: MeetingFacts, svg: object, svg_download: str | None, limit: int) -> MeetingView:
    rows: list[Row] = []
    if f.date:
        rows.append(Row("date", plain=f.date))
    if f.place:
        rows.append(Row("place", text=f.place))
    if f.organisers:
        rows.append(Row("organiser", values=[(view.resource(iri), None) for iri, _ in f.organisers]))
    if f.chairs:
        rows.append(Row("chair", values=[(view.resource(c.iri), view.resource(c.capacity) if c.capacity else None)
                                         for c in f.chairs]))
    for key, text in (("topic", f.topic), ("purpose", f.purpose), ("process", f.process)):
        if text:
            rows.append(Row(key, text=text))
    listed = f.listed_count if f.listed_count is not None else len(f.organisations)
    words = str(f.stated_count) if f.stated_count is not None else ""
    if f.stated_count_text and f.stated_count is not None:
        words = f"{f.stated_count_text} ({f.stated_count})"
    sources = []
    for iri, _ in f.sources:
        url = value(view.store, ox.NamedNode(iri), named(SCHEMA.url))
        sources.append((view.resource(iri), url.value if url is not None else None))
    return MeetingView(
        rows=rows,
        sources=[v for v, _ in sources],
        questions=[QuestionItem(q.iri[len(f.iri) + 1:], q.position, q.text) for q in f.questions],
        count=Count(f.stated_count, listed, words),
        organisations=[Item(m.participation[len(f.iri) + 1:], view.resource(m.iri))
                       for m in f.organisations[: max(limit, 1000)]],
        government=[Item(m.participation[len(f.iri) + 1:], view.resource(m.iri), m.description) for m in f.government],
        presentations=f.presentations,
        presentations_text=f.presentations_text,
        handling_of_views=f.handling_of_views,
        contacts=[view.resource(m.iri) for m in f.contacts],
        email=f.email,
        telephone=f.telephone,
        source_links=sources,
        svg=svg,
        svg_download=svg_download,
    )
