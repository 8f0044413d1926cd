"""Pictures of the data as SVG (https://www.w3.org/TR/SVG2/), drawn at build time, readable without JavaScript.

* :func:`meeting_svg` — one sakråd: who organised it (unit → ministry → Government Offices), who
  chaired it, its questions in order and the organisations in the source's order, with the stated
  and listed counts side by side.
* :func:`participation_chart_svg` — which organisations took part in which sakråd over time: the
  organisations that took part most often as rows, the sakråd by date as columns (by year once
  there are too many to draw one by one), a mark where an organisation took part.

Each picture names itself with ``<title>`` and ``<desc>``, writes every fact as text (no meaning
in colour alone), links to the pages of what it shows, and is the same bytes for the same data.
The release holds them as ``diagrams/meeting-<id>.svg`` and ``diagrams/participation-chart.svg``
(:func:`meeting_svg`, named by :func:`meeting_file`, and :func:`draw_chart`); the HTML pages put the same drawing inline.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from html import escape

import pyoxigraph as ox

from ..vocab import M8G, ROLE
from .documents import page_path
from .labels import Labeller, Text
from .meeting import MeetingFacts, meeting_dates, meeting_facts

__all__ = [
    "CHART_COLUMNS",
    "CHART_FILE",
    "CHART_ROWS",
    "draw_chart",
    "meeting_file",
    "meeting_svg",
    "participation_chart_svg",
]

CHART_FILE = "diagrams/participation-chart.svg"
#: The chart shows at most this many organisations (those in the most sakråd) …
CHART_ROWS = 40
#: … and one column per sakråd up to this many; beyond it, one column per year.
CHART_COLUMNS = 60

_FONT = 'font-family="system-ui, sans-serif"'
_CHAR = 6.6  # the width of an average character at 12 px, for wrapping


def meeting_file(iri: str) -> str:
    """The release file of a meeting's diagram: ``diagrams/meeting-<id>.svg``."""
    return f"diagrams/meeting-{iri.rstrip('/').rsplit('/', 1)[-1]}.svg"


def _svg(width: float, height: float, id: str, title: str, desc: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-labelledby="{id}-title {id}-desc" '
        f'class="diagram" {_FONT} font-size="12">\n'
        f'<title id="{id}-title">{escape(title)}</title>\n<desc id="{id}-desc">{escape(desc)}</desc>\n'
        + "\n".join(body)
        + "\n</svg>\n"
    )


def _wrap(text: str, width: float, lines: int, char: float = _CHAR) -> list[str]:
    columns = max(8, int(width / char))
    if len(text) <= columns and text and not text[-1].isspace() and _ONE_LINE.isdisjoint(text):
        return [text]  # what textwrap gives a line that fits: itself (spaces only, none at the end)
    return list(_wrapped(text, columns, lines))


_ONE_LINE = frozenset("\t\n\x0b\x0c\r")  # what textwrap turns into spaces


@lru_cache(maxsize=4096)
def _wrapped(text: str, columns: int, lines: int) -> tuple[str, ...]:
    """``text`` in at most ``lines`` lines of ``columns`` characters, the last cut with … if it is longer
    (the same names come back in meeting after meeting)."""
    out = textwrap.wrap(text, columns) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(1, len(out[-1]) - 1)].rstrip() + "…"
    return tuple(out)


def _link(href: str | None, inner: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def _box(
    x: float,
    y: float,
    w: float,
    lines: list[str],
    href: str | None,
    *,
    fill: str = "#ffffff",
    stroke: str = "#45606f",
    caption: str | None = None,
    bold: bool = False,
) -> tuple[str, float]:
    """A box with a small caption above its text lines; returns (svg, height)."""
    rows = ([caption] if caption else []) + lines
    h = 10 + 16 * len(rows)
    parts = [
        (f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="6" fill="{fill}" stroke="{stroke}"/>')
    ]
    ty = y + 20
    if caption:
        parts.append(f'<text x="{x + 8:.0f}" y="{ty:.0f}" font-size="10" fill="#45606f">{escape(caption)}</text>')
        ty += 16
    weight = ' font-weight="bold"' if bold else ""
    for line in lines:
        parts.append(f'<text x="{x + 8:.0f}" y="{ty:.0f}" fill="#1b2a33"{weight}>{escape(line)}</text>')
        ty += 16
    return _link(href, "".join(parts)), h


def _edge(x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="#8aa1ad" stroke-width="1.5"/>'


def _edge_label(x: float, y: float, label: str, anchor: str = "middle") -> str:
    return f'<text x="{x:.0f}" y="{y:.0f}" font-size="10" fill="#45606f" text-anchor="{anchor}">{escape(label)}</text>'


def _name(text: Text) -> str:
    return text.main


def meeting_svg(store: ox.Store, iri: str, base: str, facts: MeetingFacts | None = None) -> str:
    """The diagram of one sakråd: organiser and chair on the left, the meeting and its questions in
    the middle, the organisations on the right."""
    f = facts or meeting_facts(store, iri)
    left_x, mid_x, right_x, col_w, gap = 16.0, 316.0, 696.0, 260.0, 12.0
    mid_w, right_w = 340.0, 300.0
    body: list[str] = []
    when = " · ".join(x for x in (f.date, f.place.main if f.place else None) if x)
    meeting_box, meeting_h = _box(
        mid_x,
        16,
        mid_w,
        _wrap(f.title.main, mid_w - 16, 4, _CHAR * 1.15) + ([when] if when else []),
        page_path(iri, base),
        fill="#e8f1f5",
        caption="sakråd",
        bold=True,
    )
    body.append(meeting_box)
    anchor_y = 16 + meeting_h / 2
    # left: the organiser (top of the hierarchy first), then the chair
    y = 16.0
    for n, (body_iri, name) in enumerate(reversed(f.organisers)):
        caption = "arrangör" if n == len(f.organisers) - 1 else "del av"
        box, h = _box(left_x, y, col_w, _wrap(name.main, col_w - 16, 2), page_path(body_iri, base), caption=caption)
        body.append(box)
        if n == len(f.organisers) - 1:
            body.append(_edge(left_x + col_w, y + h / 2, mid_x, anchor_y))
            body.append(_edge_label(left_x + col_w + 20, anchor_y - 8, "arrangerar"))
        elif n + 1 < len(f.organisers):
            body.append(_edge(left_x + col_w / 2, y + h, left_x + col_w / 2, y + h + gap))
        y += h + gap
    for member in f.chairs:
        lines = _wrap(member.name.main, col_w - 16, 2)
        if member.capacity_name:
            lines += _wrap(member.capacity_name.main, col_w - 16, 2)
        box, h = _box(left_x, y + gap, col_w, lines, page_path(member.iri, base), caption="ordförande")
        body.append(box)
        body.append(_edge(left_x + col_w, y + gap + h / 2, mid_x, anchor_y))
        body.append(_edge_label(left_x + col_w + 20, y + gap + h / 2 - 6, "leder"))
        y += h + 2 * gap
    left_h = y
    # middle: the questions, in order
    y = 16 + meeting_h + 2 * gap
    if f.questions:
        body.append(
            f'<text x="{mid_x:.0f}" y="{y + 4:.0f}" font-weight="bold">Frågeställningar ({len(f.questions)})</text>'
        )
        y += 12
    for q in f.questions:
        box, h = _box(
            mid_x, y, mid_w, _wrap(q.text.main, mid_w - 16, 4), page_path(q.iri, base), caption=f"fråga {q.position}"
        )
        body.append(box)
        y += h + gap / 2
    mid_h = y
    # right: the organisations, with the counts
    y = 16.0
    heading = f"{len(f.organisations)} organisationer listade" if f.organisations else "inga organisationer namngivna"
    body.append(f'<text x="{right_x:.0f}" y="{y + 12:.0f}" font-weight="bold">{escape(heading)}</text>')
    y += 20
    if f.stated_count is not None and (f.count_difference or not f.organisations):
        stated = f"källan anger {f.stated_count_text or f.stated_count} ({f.stated_count})"
        body.append(f'<text x="{right_x:.0f}" y="{y + 10:.0f}" fill="#8a3b00">{escape(stated)}</text>')
        y += 18
    top = y
    for n, member in enumerate(f.organisations, start=1):
        lines = _wrap(f"{n}. {member.name.main}", right_w - 16, 2)
        box, h = _box(right_x, y, right_w, lines, page_path(member.iri, base))
        body.append(box)
        y += h + 4
    if f.organisations:
        body.append(_edge(mid_x + mid_w, anchor_y, right_x, top + 12))
        body.append(_edge_label(mid_x + mid_w + 4, anchor_y + 16, "deltar", anchor="start"))
    height = max(left_h, mid_h, y) + 16
    desc = _meeting_desc(f)
    return _svg(right_x + right_w + 16, height, "meeting-diagram", f"Sakrådet {f.title.main}", desc, body)


def _meeting_desc(f: MeetingFacts) -> str:
    parts = [f"Sakråd {f.date or 'utan känt datum'}."]
    if f.organisers:
        parts.append("Arrangör: " + ", ".join(_name(t) for _, t in f.organisers) + ".")
    if f.chairs:
        parts.append("Ordförande: " + ", ".join(m.name.main for m in f.chairs) + ".")
    parts.append(
        f"{len(f.questions)} frågeställningar; "
        + (f"{len(f.organisations)} organisationer listade" if f.organisations else "inga organisationer namngivna")
        + (f", källan anger {f.stated_count}" if f.stated_count is not None else "")
        + "."
    )
    return " ".join(parts)


@dataclass(frozen=True)
class _Column:
    key: str
    label: str
    href: str | None
    tooltip: str


def participation_chart_svg(store: ox.Store, base: str, rows: int = CHART_ROWS, columns: int = CHART_COLUMNS) -> str:
    """Which organisations took part in which sakråd over time (see the module docs)."""
    labels = Labeller(store)
    meetings = meeting_dates(store)
    totals = _participations(store)
    ranked = sorted(totals, key=lambda o: (-totals[o], labels.of(ox.NamedNode(o)).main.lower(), o))
    shown = ranked[:rows]
    taking_part = {org: _meetings_of(store, org) for org in shown}
    by_year = len(meetings) > columns
    if by_year:
        per_year = Counter(_year(d) for _, d in meetings)
        cols = [_Column(y, y, None, f"{y}: {per_year[y]} sakråd") for y in sorted(per_year)]
        column_of = {m: _year(d) for m, d in meetings}
    else:
        cols = [
            _Column(m, d or "utan datum", page_path(m, base), f"{d or 'utan datum'}: {labels.of(ox.NamedNode(m)).main}")
            for m, d in meetings
        ]
        column_of = {m: m for m, _ in meetings}
    label_w, cell, head = 300.0, 22.0, 110.0
    width = max(720.0, label_w + cell * max(1, len(cols)) + 60)
    height = head + cell * max(1, len(shown)) + 70
    body: list[str] = []
    for c, col in enumerate(cols):
        x = label_w + cell * c + cell / 2
        text = (
            f'<text transform="translate({x + 4:.0f},{head - 6:.0f}) rotate(-60)" font-size="11">'
            f"<title>{escape(col.tooltip)}</title>{escape(col.label)}</text>"
        )
        body.append(_link(col.href, text))
        body.append(
            f'<line x1="{x:.0f}" y1="{head:.0f}" x2="{x:.0f}" y2="{head + cell * len(shown):.0f}" stroke="#e3eaee"/>'
        )
    for r, org in enumerate(shown):
        y = head + cell * r
        name = labels.of(ox.NamedNode(org)).main
        total = totals[org]
        if r % 2 == 0:
            body.append(f'<rect x="0" y="{y:.0f}" width="{width:.0f}" height="{cell:.0f}" fill="#f4f7f9"/>')
        body.append(
            _link(
                page_path(org, base),
                f'<text x="{label_w - 8:.0f}" y="{y + 15:.0f}" text-anchor="end">'
                f"{escape(_wrap(name, label_w - 40, 1)[0])} ({total})</text>",
            )
        )
        counts = Counter(column_of[m] for m in taking_part[org] if m in column_of)
        for c, col in enumerate(cols):
            if counts[col.key]:
                x = label_w + cell * c + cell / 2
                tip = f"{name} — {col.tooltip}" + (f" ({counts[col.key]} sakråd)" if by_year else "")
                mark = (
                    f'<circle cx="{x:.0f}" cy="{y + cell / 2:.0f}" r="6" fill="#1f6f8b"><title>{escape(tip)}</title>'
                    f"</circle>"
                )
                if by_year:
                    mark += (
                        f'<text x="{x:.0f}" y="{y + cell / 2 + 3:.0f}" font-size="8" fill="#ffffff" '
                        f'text-anchor="middle">{counts[col.key]}</text>'
                    )
                body.append(mark)
    note = f"Visar {len(shown)} av {len(ranked)} organisationer (de som deltagit i flest sakråd)" + (
        f"; {len(meetings)} sakråd grupperade per år." if by_year else f"; {len(meetings)} sakråd i datumordning."
    )
    body.append(f'<text x="8" y="{height - 40:.0f}" font-size="11" fill="#45606f">{escape(note)}</text>')
    body.append(
        f'<text x="8" y="{height - 22:.0f}" font-size="11" fill="#45606f">'
        f"Varje markering är ett sakråd där organisationen deltog; siffran efter namnet är antalet sakråd.</text>"
    )
    if not shown:
        body.append(f'<text x="8" y="{head + 16:.0f}">Inga deltagande organisationer finns i datan.</text>')
    title = "Vilka organisationer deltog i vilka sakråd"
    return _svg(width, height, "participation-chart", title, note, body)


def _participations(store: ox.Store) -> dict[str, int]:
    """How many participations as a participating organisation each organisation has: what
    ``SELECT ?o (COUNT(?p) AS ?n) { ?p m8g:role role:participatingOrganisation ; m8g:hasParticipant ?o }
    GROUP BY ?o`` counts, read by pattern so that it needs no SPARQL engine (the build draws from
    the triples in memory)."""
    totals: Counter[str] = Counter()
    participant = M8G.hasParticipant
    for q in store.quads_for_pattern(None, M8G.role, ROLE.participatingOrganisation):
        for p in store.quads_for_pattern(q.subject, participant, None):
            if isinstance(p.object, ox.NamedNode):
                totals[p.object.value] += 1
    return dict(totals)


def _meetings_of(store: ox.Store, org: str) -> set[str]:
    """The sakråd ``org`` took part in as a participating organisation."""
    out = set()
    role = ROLE.participatingOrganisation
    for q in store.quads_for_pattern(None, M8G.hasParticipant, ox.NamedNode(org)):
        if next(iter(store.quads_for_pattern(q.subject, M8G.role, role)), None) is None:
            continue
        out.update(
            w.subject.value
            for w in store.quads_for_pattern(None, M8G.hasParticipation, q.subject)
            if isinstance(w.subject, ox.NamedNode)
        )
    return out


def _year(date: str | None) -> str:
    return date[:4] if date else "utan datum"


def draw_chart(store: ox.Store, base: str, put: Callable[[str, bytes], None]) -> None:
    """Draws the participation chart of the release held in ``store`` into ``put``."""
    put(CHART_FILE, participation_chart_svg(store, base).encode())
