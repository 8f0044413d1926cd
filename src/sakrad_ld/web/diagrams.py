"""Pictures of the data as SVG (https://www.w3.org/TR/SVG2/), drawn at build time, readable without JavaScript.

* :func:`meeting_svg` — one sakråd: who organised it (unit → ministry → Government Offices), who
  chaired it, its questions in order and the organisations in the source's order, with the stated
  and the data's count of the organisations it names side by side ("i datan" / "in the data": the
  release counts them, no source states that number).
* :func:`participation_chart_svg` — which organisations took part in which sakråd over time: the
  organisations that took part most often as rows, the sakråd by date as columns (by year once
  there are too many to draw one by one), a mark where an organisation took part.

Each picture names itself with ``<title>`` and ``<desc>``, writes every fact as text (no meaning
in colour alone), links to the pages of what it shows, and is the same bytes for the same data.
Each is drawn once per language of the pages (Swedish and English), saying what the page says: a
derived date as derived, a series by its days (placed in the chart by its first day, marked so),
the organiser the source names (not the bodies above it), a stated count in its words with
"cirka"/"about" when approximate ("minst"/"at least" for a bound such as "drygt 50"), a title that is the
data's own marked so, a sakråd the sources only announce marked "kungjort"/"announced" (in the chart:
in each column's tooltip, and ``?`` under its date), one whose holding is derived from a source it
cites (sakrad:heldDerivation: minutes known only by their title) marked "hållet: härlett"/"held: derived"
in its picture (in the chart: in its column's tooltip, and ``†`` under its date), "none named" where the source names none, one
in the singular. A text in another language than the picture's (a Swedish title in an English one)
is marked ``xml:lang``/``lang``: drawn, on its ``<text>``/``<tspan>``; in a ``<title>`` or ``<desc>``,
in an XHTML ``<span>`` of its own (:func:`_said`). The release holds them as
``diagrams/meeting-<id>.svg`` and ``diagrams/participation-chart.svg`` (Swedish) and the same names
under ``diagrams/en/`` (English) (:func:`meeting_svg`, named by :func:`meeting_file`, and
:func:`draw_chart`, named by :func:`chart_file`); the HTML pages put the same drawing inline.

A picture is also a file people download and open from disk or another host, so its links are
absolute addresses under the data's base (:func:`page_address`), never paths from a server's
root: ``{base}doc/meeting/x`` in a Swedish picture, ``{base}en/doc/meeting/x`` in an English one,
the page in the picture's language wherever the file is opened. A page that puts the picture inline
makes them relative to itself (:func:`sakrad_ld.web.pages._picture`).

The chart is drawn narrow enough for a phone at its own size (:data:`CHART_WIDTH`): each
organisation's name on a line of its own above its row of marks.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from urllib.parse import quote

import pyoxigraph as ox

from ..vocab import M8G, ROLE, SAKRAD
from .documents import page_path
from .labels import Labeller, Text, value
from .meeting import MeetingDate, MeetingFacts, StatedCount, _true, meeting_dates, meeting_facts
from .messages import messages, number

__all__ = [
    "CHART_COLUMNS",
    "CHART_FILE",
    "CHART_ROWS",
    "CHART_WIDTH",
    "LANGUAGES",
    "chart_file",
    "draw_chart",
    "meeting_file",
    "meeting_svg",
    "page_address",
    "participation_chart_svg",
]

CHART_FILE = "diagrams/participation-chart.svg"
#: The languages each picture is drawn in: the pages' languages, Swedish first (its files unprefixed).
LANGUAGES = ("sv", "en")
#: The chart shows at most this many organisations (those in the most sakråd) …
CHART_ROWS = 40
#: … and one column per sakråd up to this many; beyond it, one column per year …
CHART_COLUMNS = 34
#: … in this width, so that it shows at its own size on a 390 px phone (a page's column is 358 px).
CHART_WIDTH = 356

#: The pictures' words, by language.
_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "sakrad": "sakråd",
        "title": "Sakrådet {}",
        "desc_date": "Sakråd {}.",
        "no_date": "utan känt datum",
        "derived": "{} (härlett)",
        "title_own": "{} (datans egen rubrik)",
        "announced": "kungjort: att det hölls står inte i källorna",
        "held": "hållet: härlett, ur en källa sakrådet hänvisar till (som inte lästs)",
        "title_announced": "{} (kungjort: att det hölls står inte i källorna)",
        "title_held": "{} (hållet: härlett)",
        "organiser": "arrangör",
        "part_of": "del av",
        "organises": "arrangerar",
        "chair": "ordförande",
        "chairs": "leder",
        "desc_organiser": "Arrangör: {}.",
        "desc_chair": "Ordförande: {}.",
        "questions": "Frågeställningar ({})",
        "question": "fråga {}",
        "n_questions": "{} frågeställningar",
        "n_questions_one": "1 frågeställning",
        "no_questions": "inga frågeställningar namngivna",
        "n_listed": "{} organisationer i datan",
        "name_from": "namnet som det står i",
        "n_listed_one": "1 organisation i datan",
        "none_named": "inga organisationer namngivna",
        "stated": "källan anger {}",
        "days": "{} – {} ({} dagar)",
        "days_one": "{} (1 dag)",
        "desc_days": "Sakråd under {} dagar: {}.",
        "desc_days_one": "Sakråd under 1 dag: {}.",
        "series_mark": "+ första dagen i en serie (ett sakråd under flera dagar).",
        "takes_part": "deltar",
        "chart_title": "Vilka organisationer deltog i vilka sakråd",
        "undated": "utan datum",
        "showing": "Visar {} av {} organisationer (de som deltagit i flest sakråd)",
        "by_year": "; {} sakråd grupperade per år.",
        "by_date": "; {} sakråd i datumordning.",
        "per_year": "{}: {} sakråd",
        "per_year_one": "{}: 1 sakråd",
        "in_n": " ({} sakråd)",
        "in_n_one": " (1 sakråd)",
        "legend": "Varje markering är ett sakråd där organisationen deltog; siffran efter namnet är antalet sakråd.",
        "derived_mark": "* härlett datum (inte angivet i källan).",
        "announced_mark": "? kungjort: att det hölls står inte i källorna.",
        "held_mark": "† hållet: härlett: inget läst dokument säger att sakrådet hölls; datan sluter sig till det ur ett dokument sakrådet hänvisar till.",
        "year_derived": "{} med härlett datum",
        "year_derived_one": "1 med härlett datum",
        "year_series": "{} serier",
        "year_series_one": "1 serie",
        "year_title_own": "{} med datans egen rubrik",
        "year_title_own_one": "1 med datans egen rubrik",
        "year_announced": "{} kungjorda: att de hölls står inte i källorna",
        "year_announced_one": "1 kungjort: att det hölls står inte i källorna",
        "year_held": "{} med hållet: härlett",
        "year_held_one": "1 med hållet: härlett",
        "nobody": "Inga deltagande organisationer finns i datan.",
    },
    "en": {
        "sakrad": "consultation (sakråd)",
        "title": "Consultation (sakråd): {}",
        "desc_date": "Consultation (sakråd) {}.",
        "no_date": "with no known date",
        "derived": "{} (derived)",
        "title_own": "{} (the data's own title)",
        "announced": "announced: the sources do not say it was held",
        "held": "held: derived, from a source the sakråd cites (not read)",
        "title_announced": "{} (announced: the sources do not say it was held)",
        "title_held": "{} (held: derived)",
        "organiser": "organiser",
        "part_of": "part of",
        "organises": "organises",
        "chair": "chair",
        "chairs": "chairs",
        "desc_organiser": "Organiser: {}.",
        "desc_chair": "Chair: {}.",
        "questions": "Questions ({})",
        "question": "question {}",
        "n_questions": "{} questions",
        "n_questions_one": "1 question",
        "no_questions": "no questions named",
        "n_listed": "{} organisations in the data",
        "name_from": "the name as written in",
        "n_listed_one": "1 organisation in the data",
        "none_named": "no organisations named",
        "stated": "the source states {}",
        "days": "{} – {} ({} days)",
        "days_one": "{} (1 day)",
        "desc_days": "Consultation (sakråd) on {} days: {}.",
        "desc_days_one": "Consultation (sakråd) on 1 day: {}.",
        "series_mark": "+ first day of a series (a consultation (sakråd) on several days).",
        "takes_part": "take part",
        "chart_title": "Which organisations took part in which consultations (sakråd)",
        "undated": "no date",
        "showing": "Showing {} of {} organisations (those that took part in the most consultations)",
        "by_year": "; {} consultations grouped by year.",
        "by_date": "; {} consultations by date.",
        "per_year": "{}: {} consultations",
        "per_year_one": "{}: 1 consultation",
        "in_n": " ({} consultations)",
        "in_n_one": " (1 consultation)",
        "legend": "Each mark is a consultation the organisation took part in; the number after the name is how many.",
        "derived_mark": "* derived date (not stated by the source).",
        "announced_mark": "? announced: the sources do not say it was held.",
        "held_mark": "† held: derived: no document read says the sakråd was held; the data concludes it from a document the sakråd cites.",
        "year_derived": "{} with a derived date",
        "year_derived_one": "1 with a derived date",
        "year_series": "{} series",
        "year_series_one": "1 series",
        "year_title_own": "{} with the data's own title",
        "year_title_own_one": "1 with the data's own title",
        "year_announced": "{} announced: the sources do not say they were held",
        "year_announced_one": "1 announced: the sources do not say it was held",
        "year_held": "{} with held: derived",
        "year_held_one": "1 with held: derived",
        "nobody": "The data holds no participating organisations.",
    },
}


def _words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang, _WORDS["sv"])


def _n(w: dict[str, str], key: str, n: int, *rest: object) -> str:
    """``w[key]`` for ``n``: its singular (``key_one``) when ``n`` is 1, as the pages choose theirs."""
    return w[f"{key}_one"].format(*rest) if n == 1 and f"{key}_one" in w else w[key].format(n, *rest)


def _count(c: StatedCount, lang: str) -> str:
    """A count as the page's ``count`` macro says it: the source's words, quoted in English, and the
    number after them, "cirka"/"about" when approximate, "minst"/"at least" (or "högst"/"at most")
    when the words give a bound ("drygt 50")."""
    said = messages(lang)
    how = {"at-least": said["at_least"], "at-most": said["at_most"]}.get(c.bound or "")
    how = how or (said["about"] if c.approximate else "")
    n = f"{how + ' ' if how else ''}{number(c.value, lang)}" if c.value is not None else ""
    if c.words:
        words = f"“{c.words}”" if lang != "sv" else c.words
        return words + (f" ({n})" if n else "")
    return n


def _in(text: Text, lang: str) -> str:
    """``text`` in ``lang``: its English where the page is English and there is English."""
    return text.en if lang == "en" and text.en else text.main


def _lang(text: Text, lang: str) -> str:
    """The ``lang`` attribute for an element showing ``text`` in a picture in ``lang``: empty when the
    text shown is in the picture's language, else its own (a Swedish title, question or name in an
    English picture, where the data has no English: ``lang="sv"``; a text without a language tag,
    such as a name, counts as Swedish, the data's language)."""
    shown = "en" if lang == "en" and text.en else (text.lang or "sv")
    return f' xml:lang="{shown}" lang="{shown}"' if shown != lang else ""  # SVG 1.1's and SVG 2's


#: A ``<title>`` or ``<desc>`` is plain text to a tooltip and a screen reader, but may hold elements of
#: another namespace (SVG 1.1 5.4, SVG 2's content model "any elements or character data"): a text in
#: another language than the picture's is an XHTML ``<span>`` with its own ``xml:lang`` and ``lang``,
#: whose text the tooltip and the accessible name read with the rest. Put inline in an HTML page, the
#: ``<title>`` is an HTML integration point: the parser makes the same ``<span>`` an HTML one.
_SPAN = '<span xmlns="http://www.w3.org/1999/xhtml"{}>{}</span>'
_SWEDISH = ' xml:lang="sv" lang="sv"'


def _said(text: Text, lang: str) -> str:
    """``text`` in ``lang`` as markup for a ``<title>`` or ``<desc>``: escaped, and in an XHTML ``<span>``
    marked with its language where that is not the picture's (a Swedish title in an English picture)."""
    attr = _lang(text, lang)
    shown = escape(_in(text, lang))
    return _SPAN.format(attr, shown) if attr else shown


def _fill(template: str, *markup: str) -> str:
    """``template``'s words escaped, with each ``{}`` filled by a piece of markup (already escaped)."""
    pieces = template.split("{}")
    assert len(pieces) == len(markup) + 1, template
    return escape(pieces[0]) + "".join(m + escape(p) for m, p in zip(markup, pieces[1:], strict=True))


@dataclass(frozen=True)
class _Line:
    """A line of a box already written as SVG (escaped), with the ``lang`` attribute of its ``<text>``."""

    svg: str
    lang: str = ""


def _lines(text: Text, lang: str, width: float, lines: int, char: float | None = None) -> list[_Line]:
    """``text`` in ``lang`` wrapped into at most ``lines`` lines, each marked with the text's language."""
    attr = _lang(text, lang)
    wrapped = _wrap(_in(text, lang), width, lines) if char is None else _wrap(_in(text, lang), width, lines, char)
    return [_Line(escape(line), attr) for line in wrapped]


def _prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def chart_file(lang: str = "sv") -> str:
    """The release file of the chart in ``lang``: ``diagrams/participation-chart.svg``, ``diagrams/en/…``."""
    return f"diagrams/{_prefix(lang)}participation-chart.svg"


_FONT = 'font-family="system-ui, sans-serif"'
_CHAR = 6.6  # the width of an average character at 12 px, for wrapping


def meeting_file(iri: str, lang: str = "sv") -> str:
    """The release file of a meeting's diagram in ``lang``: ``diagrams/meeting-<id>.svg`` (Swedish),
    ``diagrams/en/meeting-<id>.svg`` (English)."""
    return f"diagrams/{_prefix(lang)}meeting-{iri.rstrip('/').rsplit('/', 1)[-1]}.svg"


def _date(f: MeetingFacts, w: dict[str, str]) -> str | None:
    """The meeting's date as its page shows it: stated; for a series, its days (first – last, and
    how many); or derived and marked so."""
    if f.date:
        return f.date
    if f.days:
        return _days(f.days, w)
    return w["derived"].format(f.derived_date) if f.derived_date else None


def _days(days: tuple[str, ...] | list[str], w: dict[str, str]) -> str:
    """A series' days: "2021-04-14 – 2021-04-22 (3 dagar)"."""
    return _n(w, "days", len(days), days[0]) if len(days) == 1 else w["days"].format(days[0], days[-1], len(days))


def _svg(width: float, height: float, id: str, title: str, desc: str, body: list[str], lang: str = "sv") -> str:
    """The picture: ``title`` and ``desc`` are markup (escaped text, a text in another language in its
    own ``<span>``: :func:`_said`); its language as SVG 1.1 (``xml:lang``) and SVG 2 and HTML (``lang``)
    read it."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-labelledby="{id}-title {id}-desc" '
        f'class="diagram" xml:lang="{lang}" lang="{lang}" {_FONT} font-size="12">\n'
        f'<title id="{id}-title">{title}</title>\n<desc id="{id}-desc">{desc}</desc>\n' + "\n".join(body) + "\n</svg>\n"
    )


def _wrap(text: str, width: float, lines: int, char: float = _CHAR) -> list[str]:
    columns = max(8, int(width / char))
    if len(text) <= columns and text and not text[-1].isspace() and _ONE_LINE.isdisjoint(text):
        return [text]  # what textwrap gives a line that fits: itself (spaces only, none at the end)
    return list(_wrapped(text, columns, lines))


_ONE_LINE = frozenset("\t\n\x0b\x0c\r")  # what textwrap turns into spaces


@lru_cache(maxsize=4096)
def _wrapped(text: str, columns: int, lines: int) -> tuple[str, ...]:
    """``text`` in at most ``lines`` lines of ``columns`` characters, broken between words; if it is
    longer, the last line ends at a whole word with … ("… queeras och…", never "… queeras oc…"); a
    line of one word too long for any line is cut where it must be (the same names come back in
    meeting after meeting)."""
    out = textwrap.wrap(text, columns) or [""]
    if len(out) > lines:
        out = out[:lines]
        last = out[-1]
        words = last.rsplit(" ", 1)[0].rstrip(" ,;:-–") if " " in last else ""
        out[-1] = (words or last[: max(1, len(last) - 1)].rstrip()) + "…"
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def page_address(iri: str, base: str, lang: str) -> str | None:
    """The address of ``iri``'s page in ``lang`` under the data's base, as a downloaded picture links it
    (``{base}doc/meeting/x``, ``{base}en/doc/meeting/x#question/1``: the page's address without
    ``.html``, answered by the server and the export's rules as the feeds link it); None where the site
    has no page for ``iri``. (Kept for the most recent IRIs: an organisation's address comes back in
    every picture that shows it.)"""
    path = page_path(iri, base)
    return None if path is None else base + _prefix(lang) + quote(path[1:], safe="/#")


def _link(href: str | None, inner: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def _box(
    x: float,
    y: float,
    w: float,
    lines: Sequence[str | _Line],
    href: str | None,
    *,
    fill: str = "#ffffff",
    stroke: str = "#45606f",
    caption: str | None = None,
    bold: bool = False,
    whole: str | None = None,
) -> tuple[str, float]:
    """A box with a small caption above its text lines (plain text, or a :class:`_Line` with its own
    language); returns (svg, height). ``whole``: the whole text as ``<title>`` markup (:func:`_said`),
    given the box as its title where its lines are cut (end in …)."""
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
        said = line if isinstance(line, _Line) else _Line(escape(line))
        parts.append(f'<text x="{x + 8:.0f}" y="{ty:.0f}" fill="#1b2a33"{weight}{said.lang}>{said.svg}</text>')
        ty += 16
    cut = any((line.svg if isinstance(line, _Line) else line).endswith("…") for line in lines)
    if whole and cut:  # the first child: the link's (or group's) title, the whole text
        inner = f"<title>{whole}</title>" + "".join(parts)
        return (_link(href, inner) if href else f"<g>{inner}</g>"), h
    return _link(href, "".join(parts)), h


def _edge(x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="#8aa1ad" stroke-width="1.5"/>'


def _edge_label(x: float, y: float, label: str, anchor: str = "middle") -> str:
    return f'<text x="{x:.0f}" y="{y:.0f}" font-size="10" fill="#45606f" text-anchor="{anchor}">{escape(label)}</text>'


def meeting_svg(
    store: ox.Store,
    iri: str,
    base: str,
    facts: MeetingFacts | None = None,
    lang: str = "sv",
    labels: Labeller | None = None,
) -> str:
    """The diagram of one sakråd in ``lang``: organiser and chair on the left, the meeting and its
    questions in the middle, the organisations on the right. ``labels``, when given, is the
    release's one :class:`Labeller` (what it reads of the whole store is then read once for all
    pictures, not once per picture)."""
    labels = labels or Labeller(store)
    f = facts or meeting_facts(store, iri, labels)
    w = _words(lang)
    left_x, mid_x, right_x, col_w, gap = 16.0, 316.0, 696.0, 260.0, 12.0
    mid_w, right_w = 340.0, 300.0
    body: list[str] = []
    date = _date(f, w)
    place = ""
    if f.place:  # a place name in its own language (a Swedish one in an English picture)
        attr = _lang(f.place, lang)
        place = f"<tspan{attr}>{escape(_in(f.place, lang))}</tspan>" if attr else escape(_in(f.place, lang))
    when = " · ".join(x for x in (escape(date) if date else "", place) if x)
    meeting_box, meeting_h = _box(
        mid_x,
        16,
        mid_w,
        _lines(f.title, lang, mid_w - 16, 4, _CHAR * 1.15)
        + ([_Line(when)] if when else [])
        + (_wrap(w["announced"], mid_w - 16, 2) if f.announced_only else [])
        + (_wrap(w["held"], mid_w - 16, 2) if f.held_derivation is not None else []),
        page_address(iri, base, lang),
        fill="#e8f1f5",
        caption=w["sakrad"],
        bold=True,
        whole=_said(f.title, lang),
    )
    body.append(meeting_box)
    anchor_y = 16 + meeting_h / 2
    # left: the organiser (top of the hierarchy first), then the chair
    y = 16.0
    for n, (body_iri, name) in enumerate(reversed(f.organisers)):
        caption = w["organiser"] if n == len(f.organisers) - 1 else w["part_of"]
        box, h = _box(
            left_x,
            y,
            col_w,
            _lines(name, lang, col_w - 16, 2),
            page_address(body_iri, base, lang),
            caption=caption,
            whole=_said(name, lang),
        )
        body.append(box)
        if n == len(f.organisers) - 1:
            body.append(_edge(left_x + col_w, y + h / 2, mid_x, anchor_y))
            body.append(_edge_label(left_x + col_w + 20, anchor_y - 8, w["organises"]))
        elif n + 1 < len(f.organisers):
            body.append(_edge(left_x + col_w / 2, y + h, left_x + col_w / 2, y + h + gap))
        y += h + gap
    for member in f.chairs:
        lines = _lines(member.name, lang, col_w - 16, 2)
        if member.capacity_name:
            lines += _lines(member.capacity_name, lang, col_w - 16, 2)
        box, h = _box(
            left_x,
            y + gap,
            col_w,
            lines,
            page_address(member.iri, base, lang),
            caption=w["chair"],
            whole=_said(member.name, lang),
        )
        body.append(box)
        body.append(_edge(left_x + col_w, y + gap + h / 2, mid_x, anchor_y))
        body.append(_edge_label(left_x + col_w + 20, y + gap + h / 2 - 6, w["chairs"]))
        y += h + 2 * gap
    left_h = y
    # middle: the questions, in order
    y = 16 + meeting_h + 2 * gap
    if f.questions:
        heading = escape(w["questions"].format(len(f.questions)))
        body.append(f'<text x="{mid_x:.0f}" y="{y + 4:.0f}" font-weight="bold">{heading}</text>')
        y += 12
    for q in f.questions:
        box, h = _box(
            mid_x,
            y,
            mid_w,
            _lines(q.text, lang, mid_w - 16, 4),
            page_address(q.iri, base, lang),
            caption=w["question"].format(q.position),
            whole=_said(q.text, lang),
        )
        body.append(box)
        y += h + gap / 2
    mid_h = y
    # right: the organisations, with the counts
    y = 16.0
    heading = _n(w, "n_listed", len(f.organisations)) if f.organisations else w["none_named"]
    body.append(f'<text x="{right_x:.0f}" y="{y + 12:.0f}" font-weight="bold">{escape(heading)}</text>')
    y += 20
    oc = f.organisation_count
    if oc is not None and oc.value is not None and (f.count_difference or oc.bound or not f.organisations):
        stated = w["stated"].format(_count(f.organisation_count, lang))
        said = escape(stated)
        if lang != "sv" and oc.words:  # the source's own words, in Swedish
            said = said.replace(
                f"“{escape(oc.words)}”", f'“<tspan xml:lang="sv" lang="sv">{escape(oc.words)}</tspan>”', 1
            )
        body.append(f'<text x="{right_x:.0f}" y="{y + 10:.0f}" fill="#8a3b00">{said}</text>')
        y += 18
    top = y
    for n, member in enumerate(f.organisations, start=1):
        attr = _lang(member.name, lang)  # the number is the picture's; the name in its own language
        lines = [_Line(escape(line), attr) for line in _wrap(f"{n}. {_in(member.name, lang)}", right_w - 16, 2)]
        if member.name_from:  # the name is the record's, another document's than the sakråd's (sakrad:nameFrom)
            # the picture's words on a line of their own, the document's name in its own language below
            document = labels.of(ox.NamedNode(member.name_from))
            lines.append(_Line(escape(f"({w['name_from']}"), ""))
            lines += [
                _Line(escape(line), _lang(document, lang)) for line in _wrap(f"{_in(document, lang)})", right_w - 16, 2)
            ]
        box, h = _box(right_x, y, right_w, lines, page_address(member.iri, base, lang), whole=_said(member.name, lang))
        body.append(box)
        y += h + 4
    if f.organisations:
        body.append(_edge(mid_x + mid_w, anchor_y, right_x, top + 12))
        body.append(_edge_label(mid_x + mid_w + 4, anchor_y + 16, w["takes_part"], anchor="start"))
    height = max(left_h, mid_h, y) + 16
    title = _fill(w["title"], _said(f.title, lang))
    if f.title_derivation is not None:  # the data's own title, as the page marks it
        title = _fill(w["title_own"], title)
    if f.announced_only:  # the sources only announce it, as the page says
        title = _fill(w["title_announced"], title)
    return _svg(right_x + right_w + 16, height, "meeting-diagram", title, _meeting_desc(f, lang), body, lang)


def _meeting_desc(f: MeetingFacts, lang: str = "sv") -> str:
    """The picture's ``<desc>`` as markup: its words escaped, a name in another language marked so."""
    w = _words(lang)
    if f.days and not f.date:  # a series: its days, as the page lists them
        parts = [escape(_n(w, "desc_days", len(f.days), ", ".join(f.days)))]
    else:
        parts = [escape(w["desc_date"].format(_date(f, w) or w["no_date"]))]
    if f.announced_only:
        parts.append(escape(w["announced"][:1].upper() + w["announced"][1:] + "."))
    if f.held_derivation is not None:  # that it was held is derived, as the page says
        parts.append(escape(w["held"][:1].upper() + w["held"][1:] + "."))
    if f.stated_organisers:  # the organiser the source names (schema:organizer), as the page names it
        parts.append(_fill(w["desc_organiser"], ", ".join(_said(t, lang) for _, t in f.stated_organisers)))
    if f.chairs:
        parts.append(_fill(w["desc_chair"], ", ".join(_said(m.name, lang) for m in f.chairs)))
    counts = (
        (_n(w, "n_questions", len(f.questions)) if f.questions else w["no_questions"])
        + "; "
        + (_n(w, "n_listed", len(f.organisations)) if f.organisations else w["none_named"])
    )
    said = escape(counts[:1].upper() + counts[1:])
    oc = f.organisation_count
    if oc is not None and oc.value is not None:
        said += escape(", ") + _fill(w["stated"], _count_said(oc, lang))
    parts.append(said + ".")
    return " ".join(parts)


def _count_said(c: StatedCount, lang: str) -> str:
    """:func:`_count` as markup: in an English picture the source's own words (“femton”) marked Swedish."""
    said = escape(_count(c, lang))
    if lang != "sv" and c.words:
        words = escape(c.words)
        said = said.replace(f"“{words}”", "“" + _SPAN.format(_SWEDISH, words) + "”", 1)
    return said


@dataclass(frozen=True)
class _Column:
    key: str
    label: str
    href: str | None
    tooltip: str  # markup: the words escaped, a Swedish title in an English chart in its own <span>


def participation_chart_svg(
    store: ox.Store, base: str, rows: int = CHART_ROWS, columns: int = CHART_COLUMNS, lang: str = "sv"
) -> str:
    """Which organisations took part in which sakråd over time (see the module docs), in ``lang``:
    :data:`CHART_WIDTH` wide, each organisation's name above its row of marks, a column per sakråd
    (per year beyond ``columns``) under the dates at the top and again at the bottom."""
    w = _words(lang)
    labels = Labeller(store)
    meetings = meeting_dates(store)
    totals = _participations(store)
    ranked = sorted(totals, key=lambda o: (-totals[o], labels.of(ox.NamedNode(o)).main.lower(), o))
    shown = ranked[:rows]
    taking_part = {org: _meetings_of(store, org) for org in shown}
    by_year = len(meetings) > columns
    marks = {"derived": "*", "series": "+"}
    kinds = {d.kind for d in meetings}
    said = {d.iri: _Said.of(store, d) for d in meetings}
    announced = any(m.announced for m in said.values())
    held = any(m.held for m in said.values())
    if by_year:
        per_year: dict[str, list[_Said]] = {}
        for d in meetings:
            per_year.setdefault(_year(d.date, w), []).append(said[d.iri])
        cols = [_Column(y, y, None, _year_tip(y, per_year[y], w)) for y in sorted(per_year)]
        column_of = {d.iri: _year(d.date, w) for d in meetings}
        kinds = set()  # a year is the year either way (a series': of its first day); its tooltip counts the marks
        announced = held = False
    else:
        cols = []
        for d in meetings:
            label = (
                _shown(d, w)
                + marks.get(d.kind, "")
                + ("?" if said[d.iri].announced else "")
                + ("†" if said[d.iri].held else "")
            )
            cols.append(_Column(d.iri, label, page_address(d.iri, base, lang), _tip(d, said[d.iri], w, labels, lang)))
        column_of = {d.iri: d.iri for d in meetings}
    width, left = float(CHART_WIDTH), 4.0
    cell = min(22.0, (width - 2 * left) / max(1, len(cols)))
    longest = max((len(c.label) for c in cols), default=4)
    head = 14 + 6.0 * longest  # room for the dates, turned upright
    name_h, strip = 16.0, max(cell, 14.0)
    row_h = name_h + strip + 4
    body: list[str] = []

    def axis(top: float, below: bool) -> None:
        """The columns' labels, read bottom to top, ending at ``top`` (above the rows) or starting
        there (below them)."""
        for c, col in enumerate(cols):
            x = left + cell * c + cell / 2 + 3
            y, anchor = (top + 4, "end") if below else (top - 4, "start")
            text = (
                f'<text transform="translate({x:.1f},{y:.0f}) rotate(-90)" font-size="10" text-anchor="{anchor}">'
                f"<title>{col.tooltip}</title>{escape(col.label)}</text>"
            )
            body.append(_link(col.href, text))

    axis(head, below=False)
    bottom = head + row_h * max(1, len(shown))
    for c in range(len(cols)):
        x = left + cell * c + cell / 2
        body.append(f'<line x1="{x:.1f}" y1="{head:.0f}" x2="{x:.1f}" y2="{bottom:.0f}" stroke="#e3eaee"/>')
    for r, org in enumerate(shown):
        y = head + row_h * r
        named = labels.of(ox.NamedNode(org))
        name, attr = _in(named, lang), _lang(named, lang)
        total = totals[org]
        if r % 2 == 0:
            body.append(f'<rect x="0" y="{y:.0f}" width="{width:.0f}" height="{row_h:.0f}" fill="#f4f7f9"/>')
        label = _wrap(name, width - 2 * left - 6.6 * (len(str(total)) + 3), 1)[0]
        said = f"<tspan{attr}>{escape(label)}</tspan>" if attr else escape(label)  # the name in its language
        row = f'<text x="{left:.0f}" y="{y + 13:.0f}">{said} ({total})</text>'
        href = page_address(org, base, lang)
        if label != name:  # a name cut at a word: the whole name is the link's (or group's) title
            row = f"<title>{_said(named, lang)}</title>{row}"
            body.append(_link(href, row) if href else f"<g>{row}</g>")
        else:
            body.append(_link(href, row))
        counts = Counter(column_of[m] for m in taking_part[org] if m in column_of)
        cy = y + name_h + strip / 2
        for c, col in enumerate(cols):
            if counts[col.key]:
                x = left + cell * c + cell / 2
                tip = f"{_said(named, lang)} — {col.tooltip}" + (
                    escape(_n(w, "in_n", counts[col.key])) if by_year else ""
                )
                mark = (
                    f'<circle cx="{x:.1f}" cy="{cy:.0f}" r="{min(6.0, cell / 2 - 1):.1f}" fill="#1f6f8b">'
                    f"<title>{tip}</title></circle>"
                )
                if by_year:
                    mark += (
                        f'<text x="{x:.1f}" y="{cy + 3:.0f}" font-size="8" fill="#ffffff" '
                        f'text-anchor="middle">{counts[col.key]}</text>'
                    )
                body.append(mark)
    if not shown:
        body.append(f'<text x="{left:.0f}" y="{head + 16:.0f}">{escape(w["nobody"])}</text>')
    axis(bottom, below=True)
    note = w["showing"].format(len(shown), len(ranked)) + (w["by_year"] if by_year else w["by_date"]).format(
        len(meetings)
    )
    lines = [
        *_wrap(note, width - 2 * left, 4, 5.8),
        *_wrap(w["legend"], width - 2 * left, 4, 5.8),
        *(_wrap(w["derived_mark"], width - 2 * left, 2, 5.8) if "derived" in kinds else []),
        *(_wrap(w["series_mark"], width - 2 * left, 2, 5.8) if "series" in kinds else []),
        *(_wrap(w["announced_mark"], width - 2 * left, 2, 5.8) if announced else []),
        *(_wrap(w["held_mark"], width - 2 * left, 3, 5.8) if held else []),
    ]
    y = bottom + 14 + 6.0 * longest
    for line in lines:
        y += 15
        body.append(f'<text x="{left:.0f}" y="{y:.0f}" font-size="11" fill="#45606f">{escape(line)}</text>')
    height = y + 12
    return _svg(width, height, "participation-chart", escape(w["chart_title"]), escape(note), body, lang)


def _shown(d: MeetingDate, w: dict[str, str]) -> str:
    """A column's date: the sakråd's date, a series' first day, or "utan datum"."""
    return d.date or w["undated"]


@dataclass(frozen=True)
class _Said:
    """The marks of a sakråd its page shows besides its date: a title the data made itself
    (sakrad:titleDerivation), a sakråd the sources only announce (sakrad:announcedOnly), one no
    document read says was held, which the data concludes was held (sakrad:heldDerivation)."""

    kind: str  # its date's, as :class:`MeetingDate`'s: "stated", "series", "derived" or ""
    title_own: bool
    announced: bool
    held: bool = False

    @staticmethod
    def of(store: ox.Store, d: MeetingDate) -> _Said:
        node = ox.NamedNode(d.iri)
        own = value(store, node, SAKRAD.titleDerivation) is not None
        held = value(store, node, SAKRAD.heldDerivation) is not None
        return _Said(d.kind, own, _true(value(store, node, SAKRAD.announcedOnly)), held)


def _tip(d: MeetingDate, marks: _Said, w: dict[str, str], labels: Labeller, lang: str) -> str:
    """A column's tooltip as markup: its date as the page says it (a series' days, a derived date
    marked so) and the title, marked as the page marks it (the data's own; announced only; held:
    derived), the title in its own language."""
    if d.kind == "series":
        when = _days(d.days, w)
    elif d.kind == "derived":
        when = w["derived"].format(d.date)
    else:
        when = _shown(d, w)
    title = _said(labels.of(ox.NamedNode(d.iri)), lang)
    if marks.title_own:
        title = _fill(w["title_own"], title)
    if marks.announced:
        title = _fill(w["title_announced"], title)
    if marks.held:
        title = _fill(w["title_held"], title)
    return escape(f"{when}: ") + title


def _year_tip(year: str, meetings: list[_Said], w: dict[str, str]) -> str:
    """A year's tooltip as markup: how many sakråd, and how many of them carry each mark the pages
    show ("2019: 5 sakråd (2 med härlett datum, 1 kungjort: …)")."""
    counts = {
        "year_derived": sum(m.kind == "derived" for m in meetings),
        "year_series": sum(m.kind == "series" for m in meetings),
        "year_title_own": sum(m.title_own for m in meetings),
        "year_announced": sum(m.announced for m in meetings),
        "year_held": sum(m.held for m in meetings),
    }
    said = [_n(w, key, n) for key, n in counts.items() if n]
    n = len(meetings)
    head = w["per_year_one"].format(year) if n == 1 else w["per_year"].format(year, n)
    return escape(head + (f" ({', '.join(said)})" if said else ""))


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


def _year(date: str | None, w: dict[str, str]) -> str:
    return date[:4] if date else w["undated"]


def draw_chart(store: ox.Store, base: str, put: Callable[[str, bytes], None]) -> None:
    """Draws the participation chart of the release held in ``store`` into ``put``, in each language."""
    for lang in LANGUAGES:
        put(chart_file(lang), participation_chart_svg(store, base, lang=lang).encode())
