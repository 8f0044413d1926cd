"""The readable part of a sakråd's page: its facts in the order of its documentation.

Title (the page's heading), date, place, organiser, chair, topic, purpose and process; the
questions in order; the organisations in the source's order, with the count the source states
beside the count it lists and the difference said in words; the government participants,
presentations, handling of views, contact and source; then the picture.
"""

from __future__ import annotations

import pyoxigraph as ox

from ..triples import named
from ..vocab import SCHEMA
from .labels import value
from .markup import esc, external, text
from .meeting import MeetingFacts
from .resourceview import View

__all__ = ["count_notice", "meeting_body"]


def meeting_body(view: View, f: MeetingFacts, figure: str, limit: int) -> str:
    """A sakråd in the order of its documentation; ``figure`` is the HTML of its picture."""
    rows: list[tuple[str, str]] = []
    if f.date:
        rows.append(("Datum", esc(f.date)))
    if f.place:
        rows.append(("Plats", text(f.place)))
    if f.organisers:
        rows.append(("Arrangör", ", ".join(view.resource(iri) for iri, _ in f.organisers)))
    for chair in f.chairs:
        capacity = f", i egenskap av {view.resource(chair.capacity)}" if chair.capacity else ""
        rows.append(("Ordförande", view.resource(chair.iri) + capacity))
    if f.topic:
        rows.append(("Ämne", text(f.topic)))
    if f.purpose:
        rows.append(("Syfte", text(f.purpose)))
    if f.process:
        rows.append(("Process", text(f.process)))
    out = ['<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"]
    if f.questions:
        items = "".join(f'<li id="{esc(q.iri[len(f.iri) + 1:])}" value="{q.position}">{text(q.text)}</li>'
                        for q in f.questions)
        out.append(f'<h2 id="questions">Frågeställningar ({len(f.questions)})</h2><ol class="questions">{items}</ol>')
    out.append(f'<h2 id="organisations">Deltagande organisationer ({len(f.organisations)})</h2>')
    out.append(count_notice(f))
    if f.organisations:
        items = "".join(f'<li id="{esc(m.participation[len(f.iri) + 1:])}">{view.resource(m.iri)}</li>'
                        for m in f.organisations[: max(limit, 1000)])
        out.append(f'<ol class="organisations">{items}</ol>')
    if f.government:
        items = "".join(f"<li>{view.resource(m.iri)}" + (f" — {text(m.description)}" if m.description else "")
                        + "</li>" for m in f.government)
        out.append(f"<h2>Från Regeringskansliet</h2><ul>{items}</ul>")
    if f.presentations is not None or f.presentations_text:
        count = f"<p>{f.presentations} presentationer.</p>" if f.presentations is not None else ""
        out.append(f"<h2>Presentationer</h2>{count}" + (f"<p>{text(f.presentations_text)}</p>" if f.presentations_text else ""))
    if f.handling_of_views:
        out.append(f"<h2>Hantering av synpunkter</h2><p>{text(f.handling_of_views)}</p>")
    if f.contacts or f.email or f.telephone:
        lines = [view.resource(m.iri) for m in f.contacts]
        if f.email:
            lines.append(external(f"mailto:{f.email}", esc(f.email)))
        if f.telephone:
            lines.append(f"tel. {esc(f.telephone)}")
        out.append("<h2>Kontakt</h2><p>" + "<br>".join(lines) + "</p>")
    if f.sources:
        items = []
        for iri, _ in f.sources:
            url = value(view.store, ox.NamedNode(iri), named(SCHEMA.url))
            items.append(f"<li>{view.resource(iri)}" + (f" — {external(url.value)}" if url else "") + "</li>")
        out.append(f"<h2>Källa</h2><ul>{''.join(items)}</ul>")
    out.append(figure)
    return "\n".join(out)


def count_notice(f: MeetingFacts) -> str:
    listed = f.listed_count if f.listed_count is not None else len(f.organisations)
    if f.stated_count is None:
        return f'<p class="note">Dokumentationen anger inget antal; den listar {listed}.</p>'
    words = f"{esc(f.stated_count_text)} ({f.stated_count})" if f.stated_count_text else str(f.stated_count)
    if f.stated_count == listed:
        return f'<p class="note">Dokumentationen anger {words} organisationer och listar {listed}.</p>'
    return (f'<p class="notice" id="count-difference"><strong>Antalen skiljer sig åt:</strong> dokumentationen '
            f"anger att {words} organisationer deltog men listar {listed} — en skillnad på "
            f"{abs(f.stated_count - listed)}. Båda uppgifterna återges som källan anger dem; ingen av dem är "
            f'rättad. <span class="en" lang="en">The source states {f.stated_count} organisations and lists '
            f"{listed}; both are kept.</span></p>")
