"""A meeting's date must agree with what the meeting's own id, derivation and sources say (a load-time check).

Each disagreement is refused with the meeting file, the line of its ``date`` (or ``days``) and what is
expected:

- **the id**: a meeting's id starts with its date (``YYYY-MM-DD-slug`` or ``YYYY-MM-slug``); its
  ``date`` and each of its ``days`` must agree with it, as precisely as both give it (a ``YYYY-MM`` id
  fixes the year and month; with a full-date id, the first of the ``days`` is that day and none is
  before it);
- **the text kept beside the data**: where the document the date comes from (the main source, or the one
  ``fact_sources`` credits the date to) has its text in the project (``file``, a ``.txt`` or ``.md``), a
  stated date must be in it with its year ("12 december 2017", "den 12:e december 2017", "tolfte december
  2017", "12 dec. 2017", "2017-12-12", "12/12 2017", "12/12-17", "the 12th of December 2017", across a line
  break or a non-breaking space; a month-only date as "december 2017"; a year-only date as a date or month in
  its year or the year alone, which stands as the holding's time, "hölls 2017", "under hösten 2017", not in an
  address or after a topic's noun, "handlingsplanen för 2017": :func:`date_forms`, :func:`year_as_time`), in a
  sentence saying this meeting takes or took place then (:func:`date_refusal`): not another thing's date
  (:func:`other_things_date`: a bound or an offset, "tidigast den", "veckan efter den"; a noun a preposition
  governs, "utifrån rapporten den", another meeting's, "… efter mötet den"; one of several days), not a clause
  called wrong ("Det är fel att …"), not a publication line ("Publicerad 12 december 2017"), a deadline
  ("Anmälan senast …"), a sending ("Inbjudan skickades …"), a negated, planned-but-not-held or doubtful
  clause, a meeting called off or moved from that day ("flyttades från X till Y", "sköts fram", "ändrat från X
  till Y", "postponed from X to Y": Y is the day, X is not), a day given as the one first set ("tidigare den
  …", "originally scheduled for …"), or another meeting's, or a decision or report whose "att" clause or
  object is the sakråd ("Den 10 september 2024 beslutade regeringen att hålla ett sakråd", "… aviserade
  regeringen ett sakråd": :data:`TELLING_WORDS`), or a time by which it had already been held ("hade redan
  hållits"). Negation, doubt, condition, choice, something done in its place and exclusion are
  clauses.GUARD_TABLE's words, read by :func:`clauses.guard_in` as for taking part. A day and month without a
  year are no stated date: such a date is derived; and a year or a month that text gives beside a word of
  holding this meeting ("Sakrådet hölls i mars", "hölls 2019") must be the date's, and a day and month so
  given the date's or one of its ``days`` (:func:`time_disagreement`: a text giving the meeting two days
  states neither; another date in any form :func:`date_forms` reads, stated as this meeting's day as the date
  itself must be, is a second day too: :func:`_against_other_days`); a span's last day is never the date, its
  first only a meeting's with ``days`` ("från den 1 till den 5 februari": :func:`date_contradiction`); and no
  other sentence may correct, change or call the date wrong ("Rättelse: …", "Datumet har ändrats till …",
  "Nytt datum:", :func:`sakrad_ld.corrected.taken_back`);
- **the derivation** (``date_derivation``): where its Swedish text quotes a day and month ("Den 6
  december", in "…", “…” or ”…”), the date's day and month are one of those quoted; where it names the
  year the date is worked out from, the date's year agrees: a date in Swedish words with its year inside
  quotation marks (an attachment's name, "… den 9 december 2022"), a year in a web address
  ("/2020/06/"; the month too where the derivation says the month is read from it), or a publication date
  in parentheses ("(2019-03-07)"; where the year is "the one nearest" it, the year whose day and month
  lie nearest that date);
- **the derivation's precision**: a derived date is no more precise than its derivation gives it: a
  full date needs a day and month the derivation names ("Den 6 december"), so a derivation that reads
  only the month from an address ("månaden är läst ur sidans adress (/2017/02/)") refuses 2017-02-14;
  a ``YYYY-MM`` date needs a month the derivation names (in words, or in an address);
- **a note saying no date is stated**: a stated date (or days: no ``date_derivation``) beside a note
  ``about: date`` (or ``days``) saying the sources give none ("som artikeln inte daterar", "inget
  datum", "does not date");
- **years in the derivation's words**: any year the derivation names outside an address and a
  "nearest" publication date ("året är sidans publiceringsår, 2022") must be the date's;
- **the cited records**: a derivation (sv or en) citing a publication date in parentheses must cite
  one of the ``published`` dates of the documents the meeting cites, and an address's ``/YYYY/`` or
  ``/YYYY/MM/`` must be in one of their ``url`` (where any of them records one);
- **documents written after the meeting**: minutes or documentation (``kind: minutes`` or
  ``documentation``) the meeting cites cannot be published before the meeting (its date, or its first
  day). Articles and press releases may announce a meeting, so their dates are not compared.

A stated date whose document's text is not kept beside the data (and stated days, which no text is
compared with) cannot be checked: :func:`unchecked_dates` gives each as a warning, with its place, that
``sakrad-ld validate`` prints (:func:`load_warnings`) and a build counts.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from . import clauses
from .clauses import CALLING_OFF, LazyPattern, called_off
from .errors import InputError
from .typedyaml import QUOTED, quoted

if TYPE_CHECKING:
    from .records import Corpus, Meeting

__all__ = [
    "MONTHS",
    "DATE_GUARDS",
    "DATE_GUARD_KINDS",
    "HOLDING_WORDS",
    "MEETING_VERBS",
    "ORDINALS",
    "TELLING_WORDS",
    "CALLING_OFF",
    "called_off",
    "check_meeting_dates",
    "date_forms",
    "date_refusal",
    "day_without_year",
    "denied_that",
    "derived_years",
    "id_date",
    "load_warnings",
    "named_years",
    "other_things_date",
    "not_stated",
    "quotations",
    "quoted_days",
    "time_disagreement",
    "unchecked_dates",
    "year_as_time",
    "year_forms",
]

#: The Swedish month names, January first.
MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH = "|".join(MONTHS)
_SPACE = r"[\s\u00a0\u202f]+"  # spaces, line breaks, non-breaking spaces
_DAY_MONTH = LazyPattern(rf"\b(\d{{1,2}}){_SPACE}({_MONTH})\b(?:{_SPACE}(\d{{4}})\b)?", re.IGNORECASE)
#: The quotation marks of a derivation: each opening mark, the marks that end a quotation it opens (the
#: first of them after it) and those of them that close it. A quotation is an opening mark, at most
#: :data:`QUOTATION_LIMIT` characters without an ending mark, and a closing mark (what
#: ``"([^"]{0,500})"|“([^”"]{0,500})”|”([^”"]{0,500})”|„([^“”"]{0,500})[“”"]|«([^»]{0,500})»`` finds,
#: leftmost first), found by :func:`quotations` in one forward pass.
QUOTATION_MARKS = {
    '"': ('"', '"'),
    "\u201c": ('\u201d"', "\u201d"),
    "\u201d": ('\u201d"', "\u201d"),
    "\u201e": ('\u201c\u201d"', '\u201c\u201d"'),
    "\u00ab": ("\u00bb", "\u00bb"),
}
#: The longest quotation a derivation is read for (a longer one is not a quotation of a date).
QUOTATION_LIMIT = 500
_ENDING = {mark: LazyPattern(f"[{re.escape(ends)}]") for mark, (ends, _) in QUOTATION_MARKS.items()}
_ID_DATE = LazyPattern(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?=-|$)")
_ADDRESS_YEAR = LazyPattern(r"/(\d{4})/(?:(\d{2})/)?")
_PUBLISHED = LazyPattern(r"\((\d{4})-(\d{2})-(\d{2})\)")
#: Document kinds written after the meeting: a date of theirs before the meeting's contradicts it.
AFTER_THE_MEETING = ("minutes", "documentation")
#: Suffixes of a source's ``file`` read as text.
_TEXT_SUFFIXES = (".txt", ".md", ".text")


def check_meeting_dates(corpus: Corpus) -> list[InputError]:
    """Every meeting whose date or days disagree with its id, its derivation, the text kept of the
    document stating it (``corpus.copies``) or the publication of its minutes or documentation."""
    sources = {s.id: s for s in corpus.sources}
    errors: list[InputError] = []
    for m in corpus.meetings:
        errors += _against_id(m)
        errors += _against_derivation(m)
        errors += _beyond_derivation(m)
        errors += _against_records(m, sources)
        errors += _against_cited(m, sources)
        errors += _against_notes(m)
        if m.date and m.date_derivation is None:
            errors += _against_text(m, sources, corpus.copies)
    return errors


def _quoted(value: object) -> str:
    """``value`` quoted for a message as :func:`~sakrad_ld.typedyaml.quoted` quotes a string (cut at
    :data:`~sakrad_ld.typedyaml.QUOTED` characters): a message quotes a bounded part of what it is given."""
    return quoted(value) if isinstance(value, str) else repr(value)


def _some(items: list[str], most: int = 5) -> str:
    """At most ``most`` of ``items`` (each cut as :func:`~sakrad_ld.typedyaml.quoted` cuts), and how
    many more there are: a message quotes a bounded part of what it is given."""
    shown = ", ".join(item if len(item) <= QUOTED else f"{item[:QUOTED]}…" for item in items[:most])
    return shown + (f" and {len(items) - most:,} more" if len(items) > most else "")


def id_date(meeting_id: str) -> str | None:
    """The date an id starts with (``YYYY-MM-DD`` or ``YYYY-MM``), or None when it starts with none."""
    match = _ID_DATE.match(meeting_id)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"


def _agree(a: str, b: str) -> bool:
    """Whether two dates (YYYY, YYYY-MM or YYYY-MM-DD) agree as precisely as both give them."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _against_id(m: Meeting) -> list[InputError]:
    named = id_date(m.id)
    if named is None:
        return []
    out = []
    if m.date and not _agree(str(m.date), named):
        out.append(
            InputError(
                m.where("date"),
                f"date {m.date} disagrees with the date the meeting's id {_quoted(m.id)} names ({named})",
                f"a date that agrees with {named}, or an id that starts with the meeting's date",
            )
        )
    days = [str(d) for d in getattr(m, "days", None) or []]
    if days:
        first = min(days)
        if len(named) == 10:  # the id names the first day; the others follow it in its month or later
            wrong = [d for d in days if d < named[: len(d)]]  # before the day the id names
            if not _agree(first, named) and first not in wrong:
                wrong.insert(0, first)
            want = f"the first day {named} and none before it"
        else:
            wrong = [d for d in days if not _agree(d, named)]
            want = f"days in {named}"
        if wrong:
            out.append(
                InputError(
                    m.where("days"),
                    f"days {_some(wrong)} disagree with the date the meeting's id {_quoted(m.id)} names ({named})",
                    f"{want}, or an id that starts with the meeting's first day",
                )
            )
    return out


def _text(value: Any) -> str:
    """The Swedish text of a Text (or a bare string)."""
    return str(getattr(value, "sv", value) or "")


class _Ending:
    """The next mark ending a quotation opened by one mark, at or after a position: asked for positions
    that never decrease, its searches read the text once."""

    def __init__(self, text: str, mark: str) -> None:
        self.text, self.pattern, self.at, self.found = text, _ENDING[mark], -1, -1

    def after(self, position: int) -> int:
        """The first ending mark at or after ``position`` (-1 when there is none)."""
        if position > self.at:
            if self.found >= position or (self.found < 0 and self.at >= 0):
                return self.found  # the one found before is still the first (or there is still none)
            match = self.pattern.search(self.text, position)
            self.at, self.found = position, (match.start() if match else -1)
        return self.found


def _first_quotation(text: str, mark: str, at: int, ending: _Ending) -> tuple[int, int] | None:
    """(where the opening mark stands, where the closing mark stands) of the first quotation ``mark``
    opens at or after ``at``; None when it opens none. Every ``mark`` between one and the next ending
    mark ends there, so the ending marks are walked, not the opening ones."""
    closing = QUOTATION_MARKS[mark][1]
    while (start := text.find(mark, at)) >= 0:
        end = ending.after(start + 1)
        if end < 0:
            return None
        if text[end] in closing:  # the first of the marks before it near enough to it
            first = text.find(mark, max(start, end - 1 - QUOTATION_LIMIT), end)
            if first >= 0:
                return first, end
        at = end  # the ending mark may open a quotation of its own
    return None


def quotations(text: str) -> list[str]:
    """The quotations of ``text`` (:data:`QUOTATION_MARKS`), their marks left out, in the text's order:
    one forward pass, linear in the text whatever its marks (a text of opening marks never closed is
    read once, not :data:`QUOTATION_LIMIT` characters after each)."""
    out: list[str] = []
    endings = {mark: _Ending(text, mark) for mark in QUOTATION_MARKS}
    next_of: dict[str, tuple[int, int] | None] = dict.fromkeys(QUOTATION_MARKS, (-1, -1))
    at = 0
    while True:
        best: tuple[int, int] | None = None
        for mark, found in next_of.items():
            if found is not None and found[0] < at:  # the one found before is used up or passed
                found = next_of[mark] = _first_quotation(text, mark, at, endings[mark])
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        if best is None:
            return out
        out.append(text[best[0] + 1 : best[1]])
        at = best[1] + 1


def quoted_days(text: str) -> set[tuple[int, int, int | None]]:
    """The (day, month, year or None) of the Swedish dates inside quotation marks in ``text``."""
    found = set()
    for inner in quotations(text):
        for day, month, year in _DAY_MONTH.findall(inner):
            found.add((int(day), MONTHS.index(month.lower()) + 1, int(year) if year else None))
    return found


def derived_years(text: str, month: int | None = None, day: int | None = None) -> set[int]:
    """The years a derivation names as the one the date is worked out from (empty when it names none):
    a quoted Swedish date's year, a year in a web address, a publication date in parentheses (for "the
    year nearest" it, the year in which ``month`` and ``day`` lie nearest it)."""
    years = {y for _, _, y in quoted_days(text) if y}
    years |= {int(y) for y, _ in _ADDRESS_YEAR.findall(text)}
    nearest = "närmast" in text.lower()  # once, not for each publication date
    for y, mo, d in _PUBLISHED.findall(text):
        published = dt.date(int(y), int(mo), int(d))
        if nearest and month:
            years.add(_nearest_year(published, month, day or 1))
        else:
            years.add(published.year)
    return years


#: A year in words: four digits standing alone (not inside an address's digits or a longer number).
_YEAR = LazyPattern(r"(?<![\w/])(1[89]\d\d|20\d\d)(?![\w/])")


def named_years(text: str) -> set[int]:
    """The years a derivation names in its words, outside web addresses and a publication date in
    parentheses (whose year may be the one "nearest" another, :func:`derived_years`): "året är sidans
    publiceringsår, 2022" names 2022."""
    rest = _PUBLISHED.sub(" ", text) if "närmast" in text.lower() else text
    rest = _RUN.sub(_unless_address, rest)  # addresses: their years are read by derived_years
    return {int(y) for y in _YEAR.findall(rest)}


#: A run of characters other than white space, and a year between slashes in it (a web address's).
_RUN = LazyPattern(r"\S++")
_SLASHED_YEAR = LazyPattern(r"/\d{4}/")


def _unless_address(run: re.Match[str]) -> str:
    """A run of :data:`_RUN` as it is, or a space where it holds an address's year: what
    ``\\S*/\\d{4}/\\S*`` replaces, read once (that expression read on from each character of a long
    run to its end)."""
    return " " if _SLASHED_YEAR.search(run.group()) else run.group()


def _nearest_year(published: dt.date, month: int, day: int) -> int:
    """The year in which ``day`` ``month`` lies nearest ``published``."""
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            distance = abs((dt.date(year, month, day) - published).days)
        except ValueError:  # 29 February of a common year
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else published.year


def _against_derivation(m: Meeting) -> list[InputError]:
    text = " ".join(_text(m.date_derivation).split())
    if not text or not m.date:
        return []
    date = str(m.date)
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 else None
    day = int(date[8:10]) if len(date) == 10 else None
    out = []
    quoted = {(d, mo) for d, mo, _ in quoted_days(text)}
    agrees = (day, month) in quoted if day is not None else month in {mo for _, mo in quoted}
    if quoted and month is not None and not agrees:
        said = _some([f"{d} {MONTHS[mo - 1]}" for d, mo in sorted(quoted, key=lambda q: (q[1], q[0]))])
        out.append(
            InputError(
                m.where("date"),
                f"date {date} is not a day the date_derivation quotes the source saying ({said})",
                f"a date on {said}, as the derivation quotes it",
            )
        )
    years = derived_years(text, month, day)
    bare = named_years(text) - {year}
    if bare:  # a year in the words (an attachment's name, "publiceringsår, 2022") that is not the date's
        named = _some([str(y) for y in sorted(bare)])
        out.append(
            InputError(
                m.where("date"),
                f"the year of date {date} contradicts the date_derivation, which names the year {named}",
                f"a date in {named}, or a derivation whose years (in words, addresses or parentheses) are the "
                f"date's year {year}",
            )
        )
    elif years and year not in years:
        named = _some([str(y) for y in sorted(years)])
        out.append(
            InputError(
                m.where("date"),
                f"the year of date {date} contradicts the date_derivation, which works the year out as {named}",
                f"a date in {named}, or a derivation that says how its year is worked out",
            )
        )
    addressed = _ADDRESS_YEAR.findall(text)
    if month is not None and "månaden" in text.lower() and addressed:
        months = {int(mo) for _, mo in addressed if mo}
        if months and month not in months:
            out.append(
                InputError(
                    m.where("date"),
                    f"the month of date {date} contradicts the date_derivation, which reads the month from "
                    f"the address ({_some([f'{mo:02d}' for mo in sorted(months)])})",
                    "a date in the month the derivation names",
                )
            )
    return out


def _beyond_derivation(m: Meeting) -> list[InputError]:
    """A derived date more precise than its derivation gives it: a day where the derivation names none (only
    a month read from an address), a month where it names neither a month nor a day."""
    text = " ".join(_text(m.date_derivation).split())
    if not text or not m.date:
        return []
    date = str(m.date)
    named_days = {(int(d), MONTHS.index(mo.lower()) + 1) for d, mo, _ in _DAY_MONTH.findall(text)}
    months = {mo for _, mo in named_days} | {int(mo) for _, mo in _ADDRESS_YEAR.findall(text) if mo}
    months |= {MONTHS.index(w.lower()) + 1 for w in re.findall(rf"\b(?:{_MONTH})\b", text, re.IGNORECASE)}
    if len(date) == 10 and not named_days:
        given = "a month" if months else "no day or month"
        return [
            InputError(
                m.where("date"),
                f"date {date} gives a day, but its date_derivation gives {given} (it quotes no day and month "
                "the source states)",
                f"date: {date[:7]}, as precise as the derivation, or a derivation quoting the day the source "
                'states ("Den 6 december")'
                if months
                else f"date: {date[:4]}, or a derivation saying where the day and month come from",
            )
        ]
    if len(date) == 7 and not months:
        return [
            InputError(
                m.where("date"),
                f"date {date} gives a month, but its date_derivation names no month (quoted, or in an address)",
                f"date: {date[:4]}, or a derivation saying where the month comes from",
            )
        ]
    return []


def _against_records(m: Meeting, sources: dict[str, Any]) -> list[InputError]:
    days = [str(d) for d in getattr(m, "days", None) or []]
    first = str(m.date) if m.date else min(days, default="")
    if not first:
        return []
    out = []
    for sid in dict.fromkeys(m.cited()):
        source = sources.get(sid)
        published = str(getattr(source, "published", None) or "")
        kind = getattr(source, "kind", None)
        if kind not in AFTER_THE_MEETING or not published:
            continue
        n = min(len(published), len(first))
        if published[:n] < first[:n]:
            out.append(
                InputError(
                    m.where("date" if m.date else "days"),
                    f"the meeting's {'date' if m.date else 'first day'} {first} is after the {kind} {_quoted(sid)} "
                    f"it cites was published ({published}): such a document is written after the meeting",
                    f"a date on or before {published}, or the document's own publication date in data/sources.yaml",
                )
            )
    return out


def _against_cited(m: Meeting, sources: dict[str, Any]) -> list[InputError]:
    """A derivation (sv or en) citing a publication date in parentheses ("(2025-05-19)") that no cited
    source's ``published`` is, or an address's year and month ("/2017/02/") that no cited source's
    ``url`` holds: the derivation misstates the fact it rests on. Not compared where no cited source
    records a publication date (or an address)."""
    if m.date_derivation is None:
        return []
    cited = [sources[sid] for sid in dict.fromkeys(m.cited()) if sid in sources]
    published = {str(s.published) for s in cited if getattr(s, "published", None)}
    urls = [str(s.url) for s in cited if getattr(s, "url", None)]
    out = []
    for lang in ("sv", "en"):
        text = " ".join(str(getattr(m.date_derivation, lang, None) or "").split())
        if not text:
            continue
        said = {f"{y}-{mo}-{d}" for y, mo, d in _PUBLISHED.findall(text)}
        wrong = sorted(said - published) if published else []
        if wrong:
            out.append(
                InputError(
                    m.where("date_derivation"),
                    f"date_derivation ({lang}) cites the publication date {_some(wrong)}, but the documents the "
                    f"meeting cites were published {_some(sorted(published))} (data/sources.yaml)",
                    "the publication date the source's record gives (its published:), or the record corrected",
                )
            )
        addresses = {f"/{y}/{mo}/" if mo else f"/{y}/" for y, mo in _ADDRESS_YEAR.findall(text)}
        missing = sorted(a for a in addresses if not any(a in url for url in urls)) if urls else []
        if missing:
            out.append(
                InputError(
                    m.where("date_derivation"),
                    f"date_derivation ({lang}) reads {_some(missing)} from an address, but no address of the "
                    f"documents the meeting cites holds it ({_some([quoted(u) for u in urls])})",
                    "the year (and month) as the source's url: in data/sources.yaml gives them",
                )
            )
    return out


#: The day of a month as an ordinal word ("den tionde september"), the first day first.
ORDINALS = (
    "första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde", "elfte",
    "tolfte", "trettonde", "fjortonde", "femtonde", "sextonde", "sjuttonde", "artonde", "nittonde", "tjugonde",
    "tjugoförsta", "tjugoandra", "tjugotredje", "tjugofjärde", "tjugofemte", "tjugosjätte", "tjugosjunde",
    "tjugoåttonde", "tjugonionde", "trettionde", "trettioförsta",
)  # fmt: skip
#: The short forms of the Swedish months a text writes ("10 sept. 2024", "3 okt 2024"), January first.
MONTH_SHORT = (
    ("jan",), ("febr", "feb"), ("mar",), ("apr",), (), ("jun",), ("jul",), ("aug",), ("sept", "sep"), ("okt",),
    ("nov",), ("dec",),
)  # fmt: skip
#: The English months, for a kept text in English ("10 September 2024", "September 10, 2024").
MONTHS_EN = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip


def _month_words(month: int) -> str:
    """The words a text writes ``month`` (1-12) with: its name, its short forms (with or without a stop),
    its English name."""
    names = {MONTHS[month - 1], MONTHS_EN[month - 1]}
    short = [rf"{s}\.?" for s in MONTH_SHORT[month - 1]]
    return "(?:" + "|".join([*sorted(names, key=len, reverse=True), *short]) + ")"


def date_forms(date: str) -> re.Pattern[str]:
    """The pattern of ``date`` (YYYY-MM-DD, YYYY-MM or YYYY) as a folded kept text (lower case, one space
    between words) writes it: "10 september 2024", "den 10:e september 2024", "tionde september 2024",
    "10 sept. 2024", "10 september år 2024", "10 september, 2024", "10-11 september 2024" (the first of
    two days), "2024-09-10", "10/9 2024", "10/9-2024", "10/9-24", "10.9.2024", "September 10, 2024", "Sept. 10,
    2024", "the 10th of September 2024"; a month-only date as
    "september 2024", "sept. 2024"; a year-only date as any of those in its year, or the year alone
    (:func:`year_forms`). The year is always written: a day and month without one are no stated date
    (:func:`day_without_year`)."""
    if len(date) == 4:
        return year_forms(date)
    year, month = date[:4], int(date[5:7])
    months = _month_words(month)
    tail = rf"(?:,? (?:år )?{year})(?![\w-])"
    if len(date) < 10:
        return re.compile(rf"(?<![\w/-]){months} (?:år )?{year}(?![\w-])")
    day = int(date[8:10])
    days = rf"(?:0?{day}(?::[ea]|e|st|nd|rd|th)?|{ORDINALS[day - 1]})"
    spans = r"(?: ?- ?\d{1,2}(?::[ea])?)?"  # "10-11 september 2024": the first of two days
    forms = [
        rf"(?<![\w/.:-]){days}{spans}(?: of)? {months}{tail}",
        rf"(?<![\w/-]){year}-0?{month}-0?{day}(?![\w/-]|-\d)",
        rf"(?<![\w/.:-])0?{day}/0?{month}(?:[ /-]| ?- ?){year}(?![\w/-])",
        rf"(?<![\w/.:-])0?{day}/0?{month}-{year[2:]}(?![\w/-])",  # "10/9-24", as regeringen.se writes it
        rf"(?<![\w/.:-])0?{day}\.0?{month}\.{year}(?![\w/-]|\.\d)",
        rf"(?<![\w-]){months} 0?{day}(?:st|nd|rd|th)?,? {year}(?![\w-])",
    ]
    return re.compile("|".join(forms))


#: Any month as a text writes it (its Swedish name, short forms, English name), the longest first.
_ANY_MONTH = "|".join(_month_words(m) for m in range(1, 13))


def year_forms(year: str) -> re.Pattern[str]:
    """The pattern of a year-only date (``YYYY``) as a folded kept text writes it: a day or month in it
    ("10 september 2024", "september 2024", "2024-09-10", "10/9 2024", "10.9.2024", "September 10,
    2024"), or the year alone (the group ``bare``: "hölls 2024"), not in an address ("/2024/"), another
    number ("2024.1") or a range of years ("2024-2027", "2024 - 2027"). Whether a year alone is the
    meeting's time is :func:`year_as_time`'s."""
    day = rf"(?:\d{{1,2}}(?::[ea]|e|st|nd|rd|th)?(?: ?- ?\d{{1,2}}(?::[ea])?)?|{'|'.join(ORDINALS)})"
    forms = [
        rf"(?<![\w/.:-])(?:{day}(?: of)? )?(?:{_ANY_MONTH}),? (?:år )?{year}(?![\w-])",
        rf"(?<![\w/-]){year}-[01]\d(?:-[0-3]\d)?(?![\w/-]|-\d)",
        rf"(?<![\w/.:-])\d{{1,2}}/\d{{1,2}}(?:[ /-]| ?- ?){year}(?![\w/-])",
        rf"(?<![\w/.:-])\d{{1,2}}/\d{{1,2}}-{year[2:]}(?![\w/-])",
        rf"(?<![\w/.:-])\d{{1,2}}\.\d{{1,2}}\.{year}(?![\w/-]|\.\d)",
        rf"(?<![\w-])(?:{_ANY_MONTH}) \d{{1,2}}(?:st|nd|rd|th)?,? {year}(?![\w-])",
        rf"(?<![\w/.:-])(?P<bare>{year})(?![\w/-]|\.\d| - ?\d)",
    ]
    return re.compile("|".join(forms))


def day_without_year(date: str) -> re.Pattern[str]:
    """The pattern of ``date``'s day and month written without its year ("den 10 september", "10/9"):
    what a derivation works the year out for."""
    month, day = int(date[5:7]), int(date[8:10])
    days = rf"(?:0?{day}(?::[ea]|e|st|nd|rd|th)?|{ORDINALS[day - 1]})"
    return re.compile(
        rf"(?<![\w/.:-]){days}(?: of)? {_month_words(month)}(?! ?,? ?(?:år )?\d{{4}})(?!\w)"
        rf"|(?<![\w/.:-])0?{day}/0?{month}(?![\w/]| ?-? ?\d{{2}})"
    )


#: This sakråd's definite noun right before a date ("sakrådet den 10 september 2024", "the meeting on"):
#: the date is the meeting's, whatever the sentence's verb.
_OWN_DATE = LazyPattern(r"(?<![\w-])(?:sakrådet|samrådet|mötet|dialogmötet|the meeting)(?: den| on)? $")
#: The words of a sentence that date a meeting: a meeting's noun (stated.py's), a heading's document
#: ("Minnesanteckningar …") counts in a heading only (:data:`_DOCUMENT_HEADING`).
_MEETING_NOUN = LazyPattern(r"(?<!\w)(?:sakråd|samråd|möte|träff|dialogmöte|meeting|consultation)\w*")
#: Words of holding a meeting that date it on their own ("Den 10 september 2024 hölls …").
HOLDING_WORDS = (
    "hölls", "hålls", "hållas", "hållits", "ägde rum", "äger rum", "genomfördes", "genomförs", "genomfört",
    "skedde", "sker", "samlades", "träffades", "möttes", "was held", "is held", "took place", "takes place", "met",
)  # fmt: skip
#: Words that date a meeting in a sentence that names a meeting ("Den 10 september 2024 bjöd … in till
#: sakråd", "deltog … på ett sakråd den 5 februari 2024").
MEETING_VERBS = (
    *HOLDING_WORDS, "bjöd", "bjuder", "bjudit", "deltog", "deltar", "medverkade", "träffade", "träffar",
    "samlade", "samlar", "anordnade", "anordnades", "anordnar", "arrangerade", "arrangerades", "arrangerar",
    "ledde", "leddes", "invited", "hosted", "convened", "gathered",
)  # fmt: skip


def _alternation(words: tuple[str, ...]) -> LazyPattern:
    return LazyPattern(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in words) + r")(?!\w)")


_HOLDING = _alternation(HOLDING_WORDS)
_MEETING_VERB = _alternation(MEETING_VERBS)
#: A heading of a date ("Datum:", "Tid:", "Datum och tid:", "Date:") in the sentence before the date.
_DATE_HEADING = LazyPattern(
    r"[#*•\- ]*(?:datum|tid|tidpunkt|när|dag|date|time|when)(?: och (?:tid|plats|datum))?:?[* ]*"
)
#: A date's heading in the date's own sentence, right before it ("Tid: tisdag 10 september 2024, kl. 13").
_DATE_LABEL = LazyPattern(
    r" *[#*•\- ]*(?:datum|tid|tidpunkt|när|dag|date|time|when)(?: och (?:tid|plats|datum))?:[* ]*"
    r"(?:(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)(?:en)?,? )?(?:den |the )?"
)
#: A heading (a line a Markdown "#" opens, or the text's first line) of a meeting's documentation.
_DOCUMENT_HEADING = LazyPattern(
    r"(?<!\w)(?:minnesanteckning|anteckning|protokoll|dokumentation|sammanfattning|minutes|notes)\w*"
)
#: The words of a date's own clause (:func:`_date_clause`) that make it another day than this meeting's,
#: by kind: what only a date can be (a publication line, a deadline, a sending) and a plan in the past
#: not said to have held ("skulle hållas", "var planerat till"; a plan to come, "ska hållas", "kommer att
#: hållas", announces the day). A negation, a doubt, a condition, a choice, something done in its place
#: and an exclusion are clauses.GUARD_TABLE's, read by :func:`clauses.guard_in` as for taking part
#: (:data:`DATE_GUARD_KINDS`), a doubt's short forms ("prel", "tentative") among them.
DATE_GUARDS = (
    ("the text's publication or update date", ("publicerad", "publicerat", "publicerades", "publiceras",
     "uppdaterad", "uppdaterat", "uppdaterades", "senast ändrad", "ändrad", "published", "updated", "posted",
     "last modified")),
    ("a deadline", ("anmälan", "anmäl", "anmäla", "anmäler", "anmälningar", "anmälningsdag", "sista dag",
     "sista dagen", "senast", "deadline", "osa", "o.s.a", "svara", "svar", "registration", "register", "rsvp")),
    ("the day something was sent", ("skickades", "skickats", "skickas", "sändes", "sänts", "gick ut", "utskick",
     "utskicket", "was sent", "were sent")),
    ("a plan that is not said to have held", ("skulle", "var planerat", "var planerad", "planerades",
     "hade planerats", "var tänkt", "tänkt", "was planned", "was scheduled", "was to be", "would")),
)  # fmt: skip
#: The kinds of clauses.GUARD_TABLE that make a date's clause say another day than the meeting's.
DATE_GUARD_KINDS = frozenset(
    {clauses.NEGATION, clauses.DOUBT, clauses.CONDITION, clauses.CHOICE, clauses.INSTEAD, clauses.EXCLUSION}
    | {clauses.QUESTION, clauses.COUNTERFACTUAL, clauses.HEARSAY, clauses.DENIAL}
)
_GUARD_WORDS = [(kind, _alternation(words)) for kind, words in DATE_GUARDS]
#: The guards that still hold for a date right after this sakråd's noun (:data:`_OWN_DATE`): all but a
#: deadline's and a sending's, which that noun's date only closes or sends for.
_OWN_DATE_GUARDS = [(kind, words) for kind, words in _GUARD_WORDS if kind not in (DATE_GUARDS[1][0], DATE_GUARDS[2][0])]
#: Words of moving a meeting to another day: a date after them and "till" / "to" is the day it was moved
#: to, any other the day it was moved from. "ändra" moves a meeting only with "från" / "till" after it
#: ("ändrats från den 3 maj till den 10 maj"), not in "Regeringen ändrade strategin".
_MOVED = LazyPattern(
    r"(?<!\w)(?:flytta(?:s|t|ts|de|des|d)?|(?:sköts|skjuts|skjutits|skjutas|skjutit|skjuta|skjutet|skjuten|"
    r"skjutna) (?:upp|fram)|(?:upp|fram)skjut(?:en|et|na|s|its)?|(?:tidigare|senare)(?:la(?:des|gts|gt|gd|gda|s)|"
    r"läggs|lägga)|ombokat|ombokad|ombokades|ombokas|nytt datum|ändra(?:des|ts|t|de|s|d)?(?=(?: [\w-]+){0,4} "
    r"(?:från|till|from|to) )|changed(?=(?: [\w-]+){0,4} (?:from|to) )|moved|postponed|rescheduled|"
    r"re-scheduled|brought forward|pushed back|delayed|deferred|put off)(?!\w)"
)
_MOVED_TO = LazyPattern(
    r" (?:till|to|until|tills|for|är|blir|is)(?: (?:den|the|måndag|tisdag|onsdag|torsdag|fredag|lördag|"
    r"söndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:en)?)* $"
)
#: Words right before a date saying it is the day the meeting was first set for ("(tidigare den 3 maj
#: 2024)", "originally scheduled for 3 May 2024").
_FORMERLY = LazyPattern(
    r"(?<!\w)(?P<word>tidigare|ursprungligen|previously|originally|formerly|initially)(?: (?:planerat|planerad|"
    r"satt|utsatt|bokat|bokad|aviserat|aviserad|scheduled|planned|set|announced))?(?: (?:till|för|på|for|on|to|"
    r"den|the))* $"
)
#: What ends a date's clause: a sentence's end, a contrast ("men", "utan", ";"), a comma, a
#: parenthesis, "och", "samt", a relative "som" (the date's clause in "Sakrådet, som var planerat till den
#: 10 september, ställdes in" is the relative clause).
_CLAUSE_MARK = LazyPattern(
    r"\x00|[,;()]| - | (?:men|but|utan(?! att)|medan|while|och|samt|and|som(?! (?:planerat|tänkt|väntat|avsett|"
    r"aviserat|utlovat|vanligt|brukligt)(?!\w))|which|who) "
)
#: The words a clause of nothing but a date holds ("den 10 september 2024", "tisdag", "tisdagen", "kl. 13-15",
#: "i september 2024").
_DATE_ONLY = LazyPattern(
    r"den|the|on|in|i|under|during|år|kl\.?|klockan|(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|[\d.:/-]+"
)


def _date_clause(ft: str, lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """The clause of the date at ``a``..``b`` in the sentence ``lo``..``hi`` of a folded text (sentence
    ends marked): from the last :data:`_CLAUSE_MARK` before it to the first after it."""
    start = lo
    for mark in _CLAUSE_MARK.finditer(ft, lo, a):
        start = mark.end()
    stop = _CLAUSE_MARK.search(ft, b, hi)
    return start, hi if stop is None else stop.start()


def _heading_before(ft: str, lo: int) -> bool:
    """Whether the sentence before ``lo`` is a date's heading ("Datum:", "Tid:")."""
    if lo <= 0:
        return False
    start = ft.rfind("\x00", 0, lo - 1) + 1
    return _DATE_HEADING.fullmatch(ft, start, lo - 1) is not None


_WEEKDAYS = (
    r"måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
#: The words a date opens with ("den", "the", "on", a weekday): read with it for a guard beside it.
_DATE_ARTICLE = LazyPattern(rf"(?<!\w)(?:(?:den|the|on|(?:{_WEEKDAYS})(?:en)?),? )+$")
#: A month or a year a sentence gives: a day and month (the day is not read), a month with or without its
#: year, a date in digits, a year alone, a day and month in digits without a year ("den 11/9": one with its
#: year is :func:`_against_other_days`'s). An English month only with a day, a year or "in" before it ("in
#: May"; "may" is a modal too).
_TIME = LazyPattern(
    rf"(?<![\w/.:-])(?:(?P<day>\d{{1,2}})(?::[ea]|e)? )?(?P<month>{_MONTH}|{'|'.join(MONTHS_EN)})"
    r"(?: (?P<year>(?:19|20)\d\d))?(?![\w-])"
    r"|(?<![\w/.:-])(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?![\w/-])"
    r"|(?<![\w/.:-])(?P<bare>(?:19|20)\d\d)(?![\w/-])"
    r"|(?<![\w/.:-])(?P<nday>[12]\d|3[01]|0?[1-9])/(?P<nmonth>1[0-2]|0?[1-9])(?![\w/]| ?-? ?\d)"
)
#: The word before a time that makes it the time of the verb beside it: "hölls i mars", "hölls den 12
#: mars", "hölls under 2019", "ägde rum år 2019", "hölls i början av mars", "took place in May".
_TIME_LEAD = LazyPattern(
    r"(?:(?<!\w)(?:i|under|den|år|in|on|during|våren|hösten|vintern|sommaren|spring|autumn|fall|winter|summer|"
    r"(?:början|slutet|mitten|beginning|end|middle|early|late|mid) (?:av|of)|(?:tidigt|sent) under))"
    rf"(?: (?:{_WEEKDAYS})(?:en)?,?)? $"
)


#: The most words between a word of holding and a time after it beside it ("hölls digitalt i Stockholm i
#: mars"), and what parts them (a comma, a parenthesis, a dash).
_BESIDE_WORDS = 6
_APART = LazyPattern(r"[,;:()]| - ")


#: A range of days in a date's words ("10-11 september 2024", "10 - 11 september"): no single day; two days'
#: numbers, not a part of a numeric date ("2024-09-10", "10/9-2024": a digit, "/" or "-" beside them).
_RANGE = LazyPattern(r"(?<![\d/-])\d{1,2}(?::[ea])? ?[-–] ?\d{1,2}(?::[ea])?(?![\d/-])")
#: The words of a span of days before its last day ("från den 1 till den 5 februari", "den 4 februari 2024
#: t.o.m. den 5 februari", "från den 4 februari kl. 22 till den 5 februari", "from 1 to 5 February"): a
#: day (its month and year, a time of day may follow) and a word of "to" before the date.
_SPAN_END = LazyPattern(
    rf"(?<!\w)(?:(?:från|from|mellan|between) (?:och med )?)?(?:den |the )?(?:{_WEEKDAYS})?(?:en)?,? ?(?:den |the )?"
    rf"\d{{1,2}}(?::[ea]|e|st|nd|rd|th)?(?: (?:{_MONTH}|{'|'.join(MONTHS_EN)}))?(?: \d{{4}})?"
    r"(?:,? (?:kl\.?|klockan|at) \d{1,2}(?:[.:]\d\d)?)? (?:till och med|t\.o\.m\.?|t o m|tom|till|to|through|"
    rf"thru|until|-|–) (?:(?:den|the|(?:{_WEEKDAYS})(?:en)?),? )*$"
)
#: The words after a span's first day up to its last ("… 2024 till den 5 februari", "… kl. 22 till den 5
#: februari", "… t.o.m. den 5 februari", "… to 5 February"): a day after "den", or with its month.
_SPAN_START = LazyPattern(
    r"(?:,? (?:kl\.?|klockan|at) \d{1,2}(?:[.:]\d\d)?)? (?:till och med|t\.o\.m\.?|t o m|tom|till|to|through|"
    rf"thru|until) (?:(?:(?:{_WEEKDAYS})(?:en)?),? )?(?:(?:den|the) \d{{1,2}}(?::[ea]|e|st|nd|rd|th)?(?!\d)|"
    rf"\d{{1,2}}(?::[ea]|e|st|nd|rd|th)? (?:{_MONTH}|{'|'.join(MONTHS_EN)}))"
)
#: A weekday right before a date ("tisdagen den 10 september", "Wednesday, 10 September").
_WEEKDAY_BEFORE = LazyPattern(rf"(?<!\w)({_WEEKDAYS})(?:en)?,? (?:den |the )?$")
_WEEKDAY_NUMBERS = {w: i % 7 for i, w in enumerate(_WEEKDAYS.split("|"))}
#: A subordinate clause before a date that is about something done before or after the meeting ("Efter att
#: regeringen den 3 maj gav uppdraget hölls sakrådet …", "after the government decided on 3 May"): its
#: date is that deed's, unless a word of holding stands between.
_BEFORE_OR_AFTER = LazyPattern(r"(?<!\w)(?:efter att|efter det att|innan|after|before)(?!\w)")
#: A meeting noun with a relative clause of holding after it ("ett möte, som hölls den 3 maj", "följde upp
#: mötet som hölls …"): the time in it is that meeting's, where the noun is a verb's or a preposition's
#: object (:func:`other_relative`).
_RELATIVE_HELD = LazyPattern(
    r"(?<!\w)((?:en |ett |a |an |the )?(?:[\w-]+ )?(?:sakråd|samråd|möte|träff|dialogmöte|meeting|consultation)\w*)"
    r",? (?:som|which|that) (?:hölls|hålls|ägde rum|genomfördes|anordnades|was held|took place)(?!\w)"
)


def other_relative(flat: str, lo: int, at: int) -> bool:
    """Whether ``at`` stands in a relative clause of holding whose meeting is another than the sentence's
    own (from ``lo``): one given as an object ("Sakrådet följde upp ett möte, som hölls den 3 maj",
    "…, som ledde mötet som hölls den 3 maj, …"), not the sentence's subject ("Sakrådet, som hölls den 3
    maj, samlade …"). The clause reaches to the next comma or sentence end."""
    for m in _RELATIVE_HELD.finditer(flat, max(lo, at - 120), at):
        stop = flat.find(",", m.end(), at + 1)
        if stop >= 0 and stop < at:
            continue
        before = flat[max(lo, m.start() - 30) : m.end(1)].split()[:-1]
        while before and before[-1] in ("en", "ett", "a", "an", "the", "det", "den"):
            before.pop()
        if before and before[-1] in _AROUND_WORDS and m.group(1).split()[-1] in _THIS_NOUNS:
            continue  # "Inför sakrådet, som hölls den 10 september, skickades …": this sakråd's relative clause
        if before and (clauses.finite(before[-1]) or before[-1] in _OBJECT_LEADS or _past(before[-1])):
            return True
    return False


#: Words of a time before or after a meeting, and this sakråd's definite nouns: "Inför sakrådet, som hölls
#: den …" dates this sakråd in its relative clause (as the place check reads it).
_AROUND_WORDS = frozenset("inför efter före innan after before".split())
_THIS_NOUNS = frozenset("sakrådet samrådet dialogmötet consultation".split())


def _past(word: str) -> bool:
    """Whether ``word`` reads as a Swedish past tense ("följde", "ledde", "höll")."""
    return len(word) > 3 and word.endswith(("de", "te")) or word in ("höll", "tog", "gav")


def _deed(flat: str, lo: int, a: int) -> re.Match[str] | None:
    """The opening of a clause before the time at ``a`` (in the sentence from ``lo``) of a deed before or
    after the meeting ("Efter att regeringen den 3 maj gav uppdraget …"), no word of holding or comma
    between; None where there is none."""
    lead = max(_BEFORE_OR_AFTER.finditer(flat, lo, a), key=lambda m: m.start(), default=None)
    if lead is None or _HOLDING.search(flat, lead.end(), a) or "," in flat[lead.end() : a]:
        return None
    return lead


#: The words before a meeting's noun that make it an object: a verb's particle or a preposition.
_OBJECT_LEADS = frozenset("upp av i på till från efter med om vid inför sedan ledde led of at from after".split())


def date_contradiction(flat: str, lo: int, a: int, b: int, date: str, *, several: bool = False) -> str | None:
    """What the words of a date at ``a``..``b`` in the sentence from ``lo`` say against ``date`` as one day
    of this meeting: a range of days ("10-11 september 2024": no single day), a weekday that is not the
    date's ("onsdagen den 10 september 2024", a Tuesday), the date of a deed before or after the meeting
    ("Efter att regeringen den 3 maj 2024 gav uppdraget …"), or another meeting's in a relative clause
    (:func:`other_relative`); None where nothing does. ``several``: the meeting has days, the first of a
    range its first."""
    if not several and _RANGE.search(flat, a, b):
        return f"gives a range of days ({flat[a:b]!r}), not one day: a meeting of several days has days"
    if not _MOVED.search(flat, lo, a):
        if (end := _SPAN_END.search(flat, max(lo, a - 80), a)) is not None:
            return (
                f"gives it as the last day of a span of days ({end.group().strip()!r} …): a span's end is never "
                "the meeting's date, and a meeting of several days has days"
            )
        if not several and (start := _SPAN_START.match(flat, b)) is not None:
            return (
                f"gives it as the first day of a span of days ({start.group().strip()!r}): a meeting of several "
                "days has days"
            )
    if len(date) == 10 and (day := _WEEKDAY_BEFORE.search(flat, max(lo, a - 20), a)) is not None:
        named = _WEEKDAY_NUMBERS[day.group(1)]
        real = dt.date.fromisoformat(date).weekday()
        if named != real:
            return (
                f"names the day a {day.group(1)} ({day.group().strip(' ,')!r}), but {date} is a "
                f"{_WEEKDAYS.split('|')[real + (7 if day.group(1) in _ENGLISH_DAYS else 0)]}: the text "
                "contradicts itself"
            )
    if (lead := _deed(flat, lo, a)) is not None:
        return f"gives it as the time of a deed before or after the meeting ({lead.group()!r}), not of the meeting"
    if other_relative(flat, lo, a):
        return "gives it as the time of another meeting, named in a relative clause"
    return None


_ENGLISH_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def time_disagreement(text: str, date: str, days: list[str] | None = None) -> tuple[str, str] | None:
    """A year or month the kept ``text`` gives beside a word of holding this meeting ("Sakrådet hölls i
    mars", "Mötet hölls 2019", "I mars 2019 hölls sakrådet") that is not ``date``'s, or a day and month
    that are not a full ``date``'s nor one of the meeting's ``days`` ("Sakrådet hölls den 6 februari 2024"
    in a text that gives the 5th elsewhere: a text giving the meeting two days does not state either), as
    (the sentence, the time); None where none does. Not a negated, doubtful or planned holding, nor a sentence of another
    meeting, of a meeting called off or moved, nor a time given as the day first set for it."""
    from .stated import _another_meeting, _flat, folded_text

    ft = folded_text(text)
    flat = _flat(ft)
    year, month = int(date[:4]), int(date[5:7]) if len(date) >= 7 else None
    for verb in _HOLDING.finditer(flat):
        lo = max(ft.rfind("\x00", max(0, verb.start() - 300), verb.start()) + 1, verb.start() - 300)
        ends = [i for i in (ft.find("\x00", verb.end(), verb.end() + 300), verb.end() + 300) if i >= 0]
        hi = min(min(ends), len(ft))
        if _MEETING_NOUN.search(flat, lo, hi) is None or _another_meeting(flat, lo, hi):
            continue
        if _MOVED.search(flat, lo, hi) or called_off(flat, lo, hi):
            continue
        if clauses.guard_in(flat, lo, hi, verb.start(), verb.end(), kinds=_HOLDING_GUARDS) is not None:
            continue
        if _past_plan(flat, lo, hi, verb.start(), verb.end()) is not None:
            continue  # "Planen var att sakrådet hölls i mars": a plan, not the time it was held
        x, y = _date_clause(ft, lo, hi, verb.start(), verb.end())
        if any(words.search(flat, x, y) for _, words in _GUARD_WORDS):
            continue
        for s, e in clauses.fact_clause(flat, lo, hi, verb.start(), verb.end()):
            for t in _TIME.finditer(flat, s, e):
                before = flat[max(s, t.start() - 40) : t.start()]
                right_after = t.start() == verb.end() + 1  # "hölls 2019"
                opening = not flat[s : t.start()].strip(" ,")  # "2019 hölls sakrådet"
                if not (right_after or opening) and _TIME_LEAD.search(before) is None:
                    continue  # "… om rapporten från 2019": not the time of the holding
                between = flat[verb.end() : t.start()]
                if t.start() > verb.end() and (_APART.search(between) or len(between.split()) > _BESIDE_WORDS):
                    continue  # "hölls den 10 september, ett halvår efter det förra i mars"
                if t["month"] in MONTHS_EN and not (t["day"] or t["year"] or before.endswith(" in ")):
                    continue
                if clauses.guard_in(flat, lo, hi, t.start(), t.end(), kinds=DATE_GUARD_KINDS) is not None:
                    continue
                if _FORMERLY.search(flat, max(lo, t.start() - 60), t.start()):
                    continue
                if denied_that(flat, lo, t.start()) or other_things_date(flat, lo, hi, t.start(), several=True):
                    continue  # "Det är fel att sakrådet hölls i mars", "hölls en månad efter mötet i mars"
                if other_relative(flat, lo, t.start()) or _deed(flat, lo, t.start()):
                    continue  # "…, som följde upp mötet som hölls den 3 maj, hölls den 10 september"
                if _told_before(flat, lo, hi, t.end()) is not None:
                    continue  # "Regeringen meddelade den 20 september att sakrådet hade hållits": the report's day
                said = _time_of(t)
                if (
                    said[0] is not None
                    and said[0] != year
                    or (month is not None and said[1] is not None and said[1] != month)
                ):
                    return flat[lo:hi].strip(), t.group()
                if len(date) == 10 and (t["day"] or t["nday"]) and _other_day(flat, lo, hi, t, date, days or []):
                    return flat[lo:hi].strip(), t.group()
    return None


def _other_day(flat: str, lo: int, hi: int, t: re.Match[str], date: str, days: list[str]) -> bool:
    """Whether the day and month of ``t`` (a :data:`_TIME` with a day, in the sentence ``flat[lo:hi]``) give
    another day than ``date`` and than each of ``days``: not a range's or a list's day ("den 5–6 februari",
    "den 5 och 6 februari", read as ranges and lists are, by :func:`date_contradiction`)."""
    said = (int(t["year"]) if t["year"] else int(date[:4]), MONTHS.index(t["month"]) + 1 if t["month"] in MONTHS
            else MONTHS_EN.index(t["month"]) + 1, int(t["day"])) if not t["nday"] else (
            int(date[:4]), int(t["nmonth"]), int(t["nday"]))  # fmt: skip
    try:
        day = dt.date(*said).isoformat()
    except ValueError:
        return False
    if day == date or day in days:
        return False
    before = flat[max(lo, t.start() - 12) : t.start()]
    return _RANGE.search(flat, max(lo, t.start() - 6), t.end()) is None and not re.search(
        r"[\d][,–-]? ?(?:och|and|&|till|to)? ?$", before
    )


def _past_plan(flat: str, lo: int, hi: int, a: int, b: int) -> str | None:
    """The plan of the past governing ``a``..``b`` in the sentence ``flat[lo:hi]`` (a plan's noun with a past
    copula, "Planen var att sakrådet hålls den 3 maj", or a past expectation, "väntades hållas":
    :func:`clauses.past_plan`); None where none does, or the plan is one to come, which announces the day
    ("Tanken är att sakrådet hålls den 3 maj", as "ska hållas")."""
    plan = clauses.guard_in(flat, lo, hi, a, b, kinds=(clauses.PLAN,))
    return plan[0] if plan is not None and clauses.past_plan(plan[0]) else None


def _plan_to_come(flat: str, lo: int, hi: int, a: int, b: int) -> str | None:
    """The plan to come governing ``a``..``b`` in the sentence ``flat[lo:hi]`` ("Sakrådet planeras till den 3
    maj", "är planerat till", "ska hållas", "kommer att hållas", "Tanken är att sakrådet hålls …"): the
    day of a meeting only announced (``announced_only``), not one held; None where none governs it."""
    plan = clauses.guard_in(flat, lo, hi, a, b, kinds=(clauses.PLAN,))
    if plan is None or clauses.past_plan(plan[0]) or _AS_PLANNED.search(flat, lo, hi):
        return None  # "Sakrådet hölls som planerat den 3 maj": held as it was planned
    return plan[0]


#: A plan's word as a comparison of what was done with it ("hölls som planerat", "enligt plan", "as planned").
_AS_PLANNED = LazyPattern(
    r"(?<!\w)(?:som|as|enligt) (?:planerat|planerad|tänkt|avsett|plan|planned|scheduled|intended)(?!\w)"
)


#: The kinds of guard that make a word of holding say no holding then: those of a date
#: (:data:`DATE_GUARD_KINDS`), another time, and a meeting called off or moved.
_HOLDING_GUARDS = DATE_GUARD_KINDS | {clauses.OTHER_TIME, clauses.CALLED_OFF}


def _time_of(t: re.Match[str]) -> tuple[int | None, int | None]:
    """The (year, month) a :data:`_TIME` match gives."""
    if t["iso"]:
        return int(t["iso"][:4]), int(t["iso"][5:7])
    if t["bare"]:
        return int(t["bare"]), None
    if t["nday"]:
        return None, int(t["nmonth"])
    name = t["month"]
    month = (MONTHS.index(name) if name in MONTHS else MONTHS_EN.index(name)) + 1
    return (int(t["year"]) if t["year"] else None), month


#: A word of holding right before a year ("hölls 2024", "took place 2024").
_HOLDING_BEFORE = LazyPattern(
    r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in HOLDING_WORDS) + r") $"
)


#: A word of holding and the holding's place or manner right before a year ("hölls i Malmö 2023", "hölls
#: digitalt 2023", "hölls på Kulturdepartementet 2023", "was held in Malmö 2023"): the year is the time of
#: that holding; not a theme's or a commission's noun after the preposition ("hölls på temat X 2023").
_HOLDING_THEN_PLACE = LazyPattern(
    r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in HOLDING_WORDS) + r")"
    r" (?:(?:i|på|vid|hos|in|at) (?!(?:temat|tema|uppdrag|initiativ|grund|grundval|the theme|behalf)(?!\w))"
    r"[\w-]+(?: [\w-]+)?|digitalt|fysiskt|virtuellt|online|på plats|in person|remotely),? $"
)


def year_as_time(flat: str, lo: int, start: int, a: int) -> bool:
    """Whether a year alone at ``a`` (in the sentence from ``lo``, its clause from ``start``) is given as a
    time: a word of time before it ("i", "under", "år", "hösten", "i början av": :data:`_TIME_LEAD`), a word
    of holding right before it ("hölls 2024"), this sakråd's noun ("sakrådet 2024"), a date's heading
    ("Datum: 2024"), or opening its clause ("2024 hölls sakrådet"). Not a year after a noun or "för", which
    names a topic, a plan or a budget ("handlingsplanen för 2024", "budgetpropositionen 2024"), nor after a
    place ("i Malmö 2024"), which may be another holding's, unless a word of holding stands right before
    that place or the holding's manner (:data:`_HOLDING_THEN_PLACE`: "hölls i Malmö 2023", "hölls digitalt
    2023")."""
    before = flat[max(lo, a - 40) : a]
    if _TIME_LEAD.search(before) or _HOLDING_BEFORE.search(before) or _OWN_DATE.search(before):
        return True
    if _HOLDING_THEN_PLACE.search(flat, max(lo, a - 80), a) is not None:
        return True
    return _DATE_LABEL.fullmatch(flat, lo, a) is not None or not flat[start:a].strip(" ,")


#: Words right before a date (its "den", "the" or "on" between) that make it a bound, an approximation or
#: a point the meeting is reckoned from, not its day: "efter den", "veckan efter den", "före den", "tidigast
#: den", "omkring den", "fram till den", "inom en vecka från den", "no earlier than", "following", "within a
#: week of". ("senast" is a deadline's word, :data:`DATE_GUARDS`.)
_BOUND_BEFORE = LazyPattern(
    r"(?<!\w)(?P<word>efter|före|innan|sedan|tills|fram till|tidigast|omkring|runt|kring|ungefär|cirka|ca\.?|"
    r"after|before|since|until|following|around|about|approximately|circa|(?:no|not) (?:earlier|later) than|"
    r"not before|inom (?:[\w-]+ ){1,3}(?:från|efter)|within (?:[\w-]+ ){1,3}(?:of|from|after))(?: (?:den|the|on|i|in|under|during))? $"
)
#: A preposition (or a phrase ending in one) whose noun right before a date makes the date that noun's:
#: "efter mötet den …", "utifrån rapporten den …", "med anledning av beslutet den …", "following the decision
#: of …", "i samband med konferensen den …". "av" counts after a noun only ("uppföljning av"), not after a
#: word of holding ("hölls av Socialdepartementet den …" names who held it); "med", "till", "i" and "på" are
#: none ("sakråd med civilsamhället den …", "bjöd in till sakrådet den …", "i Rosenbad den …").
_NOUN_PREPOSITION = LazyPattern(
    r"(?<!\w)(?P<lead>efter|före|innan|inför|utifrån|enligt|sedan|av|i samband med|i anslutning till|"
    r"following|after|before|since|ahead of)"
    r" (?:(?:den|det|de|en|ett|the|a|an) )?(?P<noun>(?:[\w-]+ )?[\w-]+)(?: (?:den|on|of|i|in|under|during))? $"
)
#: A negation before "until" / "tills": "not … until" is the day it happened ("was not held until …").
_NOT_UNTIL = LazyPattern(r"(?<!\w)(?:not|inte|ej)(?!\w)")
#: The nouns of a time of day, which a preposition of time governs without being another thing ("efter lunch
#: den 10 september").
_TIME_NOUNS = frozenset("lunch förmiddagen eftermiddagen kvällen morgonen lunchtid pausen kaffet".split())
#: The words a date's phrase may open with ("den", "i", "in", "on" …), no noun's.
_DATE_LEADS = frozenset("den on of i in under during".split())
#: A day number (after "den", a comma or "och"; a comma or "och" after it) right before a date: one of
#: several days ("den 3 och den 10 september 2024", "den 3, 5 och 10 september"; not "kl. 13, den 10
#: september", "i sal 4 den 10 september").
_DAYS_BEFORE = LazyPattern(
    r"(?:(?<=den )|(?<=the )|(?<=, )|(?<=och )|(?<=and ))\d{1,2}(?::[ea]|e)?(?:,|,? och|,? samt|,? and| &) (?:den |the )?$"
)


def other_things_date(flat: str, lo: int, hi: int, a: int, *, several: bool = False) -> str | None:
    """What the words right before a date at ``a`` (in the sentence ``flat[lo:hi]``) make it other than
    this meeting's day, or None: a bound, an approximation or an offset ("efter den", "en vecka före den",
    "tidigast den", "omkring den", "no earlier than"); the date of a noun a preposition governs ("utifrån
    rapporten den", "dagen efter seminariet den", "following the decision of"), a meeting's noun too
    where the sentence names another meeting ("Sakrådet hölls … efter mötet den …"; "Efter sakrådet den
    10 september skickades …" is its day); one of several days ("den 3 och den 10 september": unless
    the meeting has ``days``)."""
    before = flat[max(lo, a - 60) : a]
    bound = _BOUND_BEFORE.search(before)
    if bound is not None and bound["word"] in ("until", "tills") and _NOT_UNTIL.search(before, 0, bound.start()):
        bound = None  # "was not held until 10 September": held then, not before
    if bound is not None:
        return f"a bound or a point it is reckoned from ({bound['word']!r}), not a day"
    if not several and (days := _DAYS_BEFORE.search(before)) is not None:
        return f"one of several days ({days.group().strip()!r} …): a meeting of several days has days"
    lead = _NOUN_PREPOSITION.search(before)
    if lead is None:
        return None
    base = max(lo, a - 60)
    # the noun's last word, not the date's own "i"/"in" the noun's two words may have taken ("efter lunch i
    # september 2024")
    noun = next((w for w in reversed(lead["noun"].split()) if w not in _DATE_LEADS), lead["noun"])
    if noun in _TIME_NOUNS or noun.isdigit():
        return None
    if lead["lead"] == "av" and _AGENT_VERBS.intersection(
        flat[max(lo, base + lead.start() - 40) : base + lead.start()].split()[-3:]
    ):
        return None  # "hölls av Socialdepartementet den …", "anordnades digitalt av …": who held it
    if _MEETING_NOUN.fullmatch(noun) is None:
        return f"the date of what {lead['lead']!r} governs ({lead.group().strip()!r}), not this sakråd's day"
    at, to = base + lead.start("noun"), base + lead.end("noun")
    others = [m for m in _MEETING_NOUN.finditer(flat, lo, hi) if not at <= m.start() < to]
    if lead["lead"] == "inför" or not others:
        return None  # "inför sakrådet den …", "Efter sakrådet den … skickades …": this sakråd's day
    return f"another meeting's ({lead.group().strip()!r}), not this sakråd's day"


def denied_that(flat: str, lo: int, at: int) -> str | None:
    """The words before ``at`` (in the sentence from ``lo``) calling its clause wrong ("Det är fel att
    sakrådet hölls den 3 maj; det hölls den 10 maj"): :func:`sakrad_ld.placed.denied_that`."""
    from .placed import denied_that as denied

    return denied(flat, lo, at)


#: Words of holding or organising that take their agent with "av" ("hölls av Socialdepartementet den …").
_AGENT_VERBS = frozenset(
    """hölls hålls genomfördes anordnades arrangerades organiserades leddes ordnades sammankallades
    held organised organized hosted convened""".split()
)


def _moves(flat: str, lo: int, hi: int, moved: re.Match[str], a: int) -> bool:
    """Whether the word of moving ``moved`` in the sentence ``flat[lo:hi]`` says so of the date at ``a``: not
    where it stands in a subordinate clause ("…, som flyttats från den 3 maj, …", "…, efter att ha
    flyttats från …") that the date is not in."""
    if not clauses.side_clause(flat, lo, hi, moved.start()):
        return True
    return any(s <= a < e for s, e in clauses.fact_clause(flat, lo, hi, moved.start(), moved.end()))


#: Words of deciding, announcing or reporting: a date in their clause, the sakråd in their "att"/"that"
#: clause or their object, is the day of the decision or the report ("Den 10 september 2024 beslutade
#: regeringen att hålla ett sakråd", "… meddelade regeringen att ett sakråd hade hållits", "… aviserade
#: regeringen ett sakråd", "… rapporterade Dagens Nyheter om sakrådet", "Beslutet att hålla sakrådet
#: fattades den 10 september 2024").
TELLING_WORDS = (
    "beslutade", "beslöt", "beslutat", "beslutades", "beslöts", "fattade", "fattades",
    "meddelade", "meddelat", "meddelades", "informerade", "informerat", "berättade", "berättat", "rapporterade",
    "rapporterat", "rapporterades", "skrev", "skrevs", "tillkännagav", "tillkännagavs", "aviserade", "aviserat",
    "aviserades", "publicerade", "uppgav", "angav", "decided", "announced", "reported", "said",
    "stated", "wrote", "published",
)  # fmt: skip
_TELLING = _alternation(TELLING_WORDS)
_THAT = LazyPattern(r"(?<!\w)(?:att|that)(?!\w)")
#: A holding in the pluperfect with "redan" / "already": the date is a time by which it had been held ("Den
#: 10 september 2024 hade sakrådet redan hållits").
_ALREADY = LazyPattern(r"(?<!\w)(?:hade|had)(?: [\w-]+){0,3} (?:redan|already)(?!\w)|(?<!\w)redan hade(?!\w)")


def _told_before(flat: str, lo: int, hi: int, b: int) -> str | None:
    """The word of deciding or reporting (:data:`TELLING_WORDS`) of which the sentence ``flat[lo:hi]``
    gives the date ending at ``b``: one whose "att"/"that" clause comes after the date and holds every word
    of holding and of a meeting the sentence has (before it none), or one in a sentence that names a meeting
    but no word of holding or of meeting (its object the sakråd: "aviserade ett sakråd"); or a holding the
    pluperfect and "redan" put before the date (:data:`_ALREADY`). None where there is none."""
    if (already := _ALREADY.search(flat, lo, hi)) is not None:
        return already.group()
    for told in _TELLING.finditer(flat, lo, hi):
        that = _THAT.search(flat, max(told.end(), b), hi)
        if that is None:
            if (
                _HOLDING.search(flat, lo, hi) is None
                and _MEETING_VERB.search(flat, lo, hi) is None
                and _MEETING_NOUN.search(flat, lo, hi) is not None  # its object a meeting, not any decision
            ):
                return told.group()
            continue
        if _HOLDING.search(flat, lo, that.start()) or _MEETING_NOUN.search(flat, lo, that.start()):
            return None  # "Sakrådet hölls den 10 september 2024, och regeringen meddelade att …"
        if _HOLDING.search(flat, that.end(), hi) or _MEETING_NOUN.search(flat, that.end(), hi):
            return told.group()
    return None


def date_refusal(
    text: str, date: str, kind: str | None = None, *, several: bool = False, announced: bool = True
) -> tuple[str | None, str | None]:
    """Whether the kept ``text`` states that the meeting takes or took place on ``date`` (docs/load-checks.md,
    "Dates"): (the sentence that does, None) where one does, else (None, why not) — None for both where the
    text does not write the date at all. A sentence dates this meeting where the date's own clause (or,
    for a clause of nothing but the date, its part of the sentence) holds a word of holding a meeting
    (:data:`HOLDING_WORDS`), or a meeting's noun or a word of meeting (:data:`MEETING_VERBS`) in a
    sentence naming a meeting; or under a date's heading ("Datum:"), or in a heading of the meeting's
    minutes or documentation (``kind``). It does not where the date's clause is a publication line, a
    deadline, a sending, a negation, a plan not said to have held or a doubt (:data:`DATE_GUARDS`), the
    sentence calls a meeting off or moves it (the day it was moved to excepted), or is about another
    meeting (stated.py's words). A plan to come ("ska hållas", "planeras till", "är planerat till", "kommer
    att hållas", "är tänkt") dates a meeting only ``announced``: one marked announced_only."""
    from .stated import _another_meeting, _flat, folded_text

    ft = folded_text(text)
    flat = _flat(ft)
    why: str | None = None
    for found in date_forms(date).finditer(flat):
        a, b = found.span()
        lo = max(ft.rfind("\x00", max(0, a - 300), a) + 1, a - 300)  # looks bounded: linear in the text
        ends = [i for i in (ft.find("\x00", b, b + 300), b + 300) if i >= 0]
        hi = min(min(ends), len(ft))
        sentence = _quoted(flat[lo:hi].strip())
        x, y = _date_clause(ft, lo, hi, a, b)
        if found.groupdict().get("bare") and not year_as_time(flat, lo, x, a):
            why = why or (
                f"{sentence} gives the year {date} only after other words ({_quoted(' '.join(flat[lo:b].split()[-4:]))}: "
                "a topic's, a plan's or another thing's year), not as the time this sakråd was held"
            )
            continue  # "handlingsplanen för 2024": no time of the holding, whatever else the sentence says
        reason = None
        # "inför sakrådet den 10 september 2024", "Anmälan till sakrådet den 10 september 2024 …": the date
        # right after this sakråd's noun is its day, whatever the sentence's verb sends or closes; it says
        # which meeting the date is of, not that the meeting was held then ("Mötet den 10 september 2024
        # skulle ha hållits men …" is still a plan, "Publicerad: …" still a publication line)
        own = _OWN_DATE.search(flat, max(lo, a - 30), a) is not None
        for guard_kind, words in _OWN_DATE_GUARDS if own else _GUARD_WORDS:
            word = next(iter(words.finditer(flat, x, y)), None)
            if word is not None:
                reason = f"{sentence} gives it as {guard_kind} ({word.group()!r}), not the day this sakråd was held"
                break
        article = _DATE_ARTICLE.search(flat, max(lo, a - 30), a)  # "i stället för den 10 maj": the date's words
        guard = clauses.guard_in(flat, lo, hi, article.start() if article else a, b, kinds=DATE_GUARD_KINDS)
        if guard is not None and guard[1] == clauses.HEARSAY and clauses.called_off(flat, lo, hi) is not None:
            guard = None  # "Sakrådet har enligt uppgift ställts in den 10 maj": a calling off as hearsay, below
        if reason is None and guard is not None:
            reason = f"{sentence} gives it as {guard[1]} ({guard[0]!r}), not the day this sakråd was held"
        if reason is None and (plan := _past_plan(flat, lo, hi, article.start() if article else a, b)) is not None:
            reason = f"{sentence} gives it as a plan that is not said to have held ({plan!r}), not the day this sakråd was held"
        if (
            reason is None
            and not announced
            and (plan := _plan_to_come(flat, lo, hi, article.start() if article else a, b)) is not None
        ):
            reason = (
                f"{sentence} gives it as a plan to come ({plan!r}), and the meeting is not marked announced_only: "
                "not a day this sakråd was held"
            )
        if reason is None and (formerly := _FORMERLY.search(flat, max(lo, a - 60), a)) is not None:
            reason = (
                f"{sentence} gives it as the day the meeting was first set for ({formerly['word']!r}), not the day "
                "this sakråd was held"
            )
        moved = next((w for w in _MOVED.finditer(flat, lo, hi) if w.end() <= a), None) or _MOVED.search(flat, lo, hi)
        if moved is not None and not _moves(flat, lo, hi, moved, a):
            moved = None  # "Sakrådet, som flyttats från den 3 maj, hölls den 10 maj": the move is the 3 May's
        moved_to = moved is not None and moved.end() <= a and _MOVED_TO.search(flat, moved.end(), a) is not None
        if reason is None and (cancelled := clauses.called_off_said(flat, lo, hi, sentence, "date")) is not None:
            reason = cancelled
        if reason is None and moved is not None and not moved_to:
            reason = f"{sentence} says the meeting was moved ({moved.group()!r}): the date is the day it was moved from"
        if reason is None and _another_meeting(flat, lo, hi):
            reason = f"{sentence} is about another meeting"
        if reason is None and (other := clauses.held_other(flat, lo, hi, a)) is not None:
            reason = f"{sentence} says another event was held then ({other!r}), not this sakråd"
        if reason is None and (against := date_contradiction(flat, lo, a, b, date, several=several)) is not None:
            reason = f"{sentence} {against}"
        if reason is None and (denied := denied_that(flat, lo, a)) is not None:
            reason = f"{sentence} calls it wrong ({denied!r}), not the day this sakråd was held"
        if (
            reason is None
            and not moved_to
            and (other := other_things_date(flat, lo, hi, article.start() if article else a, several=several))
        ):
            reason = f"{sentence} gives it as {other}"
        if reason is None and (told := _told_before(flat, lo, hi, b)) is not None:
            reason = (
                f"{sentence} gives it as the day of a decision or a report ({told!r}) about a sakråd, not the day "
                "this sakråd was held"
            )
        if reason is None:
            named = _MEETING_NOUN.search(flat, lo, hi) is not None
            words = [(x, y)]
            if all(
                _DATE_ONLY.fullmatch(w) for w in (*flat[x:a].split(), *flat[b:y].split())
            ):  # "…, den 10 september 2024, …": the date's clause is the date; its part of the sentence says what
                words.append((lo, hi))
            dates_it = (moved_to and named) or own
            for s, e in words:
                if _HOLDING.search(flat, s, e) or (
                    named and (_MEETING_NOUN.search(flat, s, e) or _MEETING_VERB.search(flat, s, e))
                ):
                    dates_it = True
            heading = flat[lo:a].lstrip().startswith("#") or lo == 0
            if dates_it or _heading_before(ft, lo) or _DATE_LABEL.fullmatch(flat, lo, a):
                return flat[lo:hi].strip(), None
            if heading and kind in AFTER_THE_MEETING and _DOCUMENT_HEADING.search(flat, lo, hi):
                return flat[lo:hi].strip(), None
            reason = (
                f"{sentence} does not say this sakråd takes or took place then (no word of holding a meeting, "
                "such as 'hölls', 'ägde rum', or of a meeting, 'sakråd', beside the date)"
            )
        why = why or reason
    return None, why


def _against_text(m: Meeting, sources: dict[str, Any], copies: dict[str, str]) -> list[InputError]:
    date = str(m.date)
    sid = m.source_of("date")
    source = sources.get(sid)
    file = getattr(source, "file", None)
    text = copies.get(sid) if file and file.lower().endswith(_TEXT_SUFFIXES) else None
    if text is None:
        return []
    from .stated import flat_text

    said, why = date_refusal(
        text,
        date,
        getattr(source, "kind", None),
        several=bool(getattr(m, "days", None)),
        announced=bool(getattr(m, "announced_only", False)),
    )
    if said is not None:
        return (
            _against_times(m, sid, file, text)
            or _against_corrections(m, sid, file, text)
            or _against_other_days(m, sid, file, text, getattr(source, "kind", None))
        )
    words = (f"{int(date[8:10])} " if len(date) == 10 else "") + (
        f"{MONTHS[int(date[5:7]) - 1]} {date[:4]}" if len(date) >= 7 else date
    )
    if len(date) == 4:
        when = f"in {date} ('Sakrådet hölls {date}', 'hölls under hösten {date}', 'I september {date} hölls …'"
    elif len(date) == 7:  # a month: no day to write ("hölls i september 2024", not "hölls den september 2024")
        when = f"in {words} ('Sakrådet hölls i {words}', 'I {words} bjöd … in till sakråd'"
    else:
        when = f"on that day ('Sakrådet hölls den {words}', 'Den {words} bjöd … in till sakråd'"
    expected = (
        f"a sentence saying this sakråd takes or took place {when}, a heading 'Datum: {words}'), or a "
        "date_derivation where the text read does not state it"
    )
    if why is not None:
        return [
            InputError(
                m.where("date"),
                f"date {date} is in the text of {_quoted(sid)} ({_some([file])}), which the date is taken from, "
                f"only where it does not date this meeting: {why}",
                expected,
                'docs/load-checks.md, "Dates"',
            )
        ]
    if (hidden := _hidden_date(text, date)) is not None:
        return [
            InputError(
                m.where("date"),
                f"date {date} is in the text of {_quoted(sid)} ({_some([file])}), which the date is taken from, "
                f"only in {hidden[0]} ({quoted(hidden[1])}), which its reader is not shown: hidden or "
                "struck-through text states nothing",
                expected,
                'docs/load-checks.md, "Dates"',
            )
        ]
    if len(date) == 10 and (bare := day_without_year(date).search(flat_text(text))) is not None:
        return [
            InputError(
                m.where("date"),
                f"date {date} is not in the text of {_quoted(sid)} ({_some([file])}), which the date is taken from: "
                f"it gives the day without a year ({_quoted(bare.group())}, '{words}' not found)",
                "a date_derivation saying how the year is worked out (the day quoted as the text writes it), "
                "or a source whose text states the year",
            )
        ]
    return [
        InputError(
            m.where("date"),
            f"date {date} is not in the text of {_quoted(sid)} ({_some([file])}), which the date is taken from",
            f"a date the text states ('{words}' not found, nor '{date}', nor the day and month with the year in "
            "another written form)"
            if len(date) > 4
            else f"a year the text states outside an address ('{date}' not found but in an address, or not at all), "
            "or a date_derivation saying where the year is read",
        )
    ]


def _hidden_date(text: str, date: str) -> tuple[str, str] | None:
    """The first part of the kept ``text`` its reader is not shown (:func:`sakrad_ld.markup.hidden_parts`:
    an HTML comment, struck-through words) that writes ``date`` in any of its forms (:func:`date_forms`):
    (its kind, its words), or None. Asked only of a date the shown text does not write."""
    from .markup import hidden_parts
    from .stated import flat_text

    for kind, words in hidden_parts(text):
        if date_forms(date).search(flat_text(words)) is not None:
            return kind, words
    return None


def _against_corrections(m: Meeting, sid: str, file: str, text: str) -> list[InputError]:
    """A sentence of the kept text that corrects, changes or calls wrong the date it states elsewhere
    (:func:`sakrad_ld.corrected.taken_back`: "Rättelse: … den 6 februari, inte den 5 februari", "Datumet
    har ändrats till …", "Nytt datum: …", "Datumet ovan är fel")."""
    from .corrected import read_text, taken_back
    from .stated import _another_meeting

    date = str(m.date)
    forms = [date_forms(date), *([day_without_year(date)] if len(date) == 10 else [])]

    def found(flat: str, lo: int, hi: int) -> list[tuple[int, int]]:
        return sorted({f.span() for form in forms for f in form.finditer(flat, lo, hi)})

    ft, flat = read_text(text)
    back = taken_back("date", ft, flat, found, lambda lo, hi: _another_meeting(flat, lo, hi))
    if back is None:
        return []
    return [
        InputError(
            m.where("date"),
            f"date {date} is stated in the text of {_quoted(sid)} ({_some([file])}), which the date is taken "
            f"from, but {back.said()}: a date the text takes back is not stated",
            "the date the text gives as the right one (a contradiction is reported, not resolved: a "
            "date_derivation saying which date holds and why, where the text itself does not)",
            'docs/load-checks.md, "Dates"',
        )
    ]


def _against_other_days(m: Meeting, sid: str, file: str, text: str, kind: str | None) -> list[InputError]:
    """Another date the kept text states as the day this meeting takes or took place, in any form the date
    check reads a date in ("2024-09-11", "11/9 2024", "11/9-24", "den elfte september 2024", "the 11th of
    September 2024", "Datum: 11 september 2024"): read as the date itself is (:func:`date_refusal`, by
    :func:`sakrad_ld.contradicted.stated_dates`), so a deadline, a publication line, another meeting's
    day or a day moved from is none. A text giving the meeting two days states neither."""
    from .contradicted import _agrees, stated_dates

    date, days = str(m.date), [str(d) for d in getattr(m, "days", None) or []]
    several, announced = bool(days), bool(getattr(m, "announced_only", False))
    other = next(
        (
            (day, said)
            for day, said in stated_dates(text, kind, several=several, announced=announced)
            if not _agrees(day, [date, *days])
        ),
        None,
    )
    if other is None:
        return []
    return [
        InputError(
            m.where("date"),
            f"date {date} is stated in the text of {_quoted(sid)} ({_some([file])}), which the date is taken "
            f"from, but {_quoted(other[1])} gives the meeting another day ({other[0]}): a text giving the "
            "meeting two days states neither",
            "the date the text gives as the right one (a contradiction is reported, not resolved: a "
            "date_derivation saying which date holds and why, where the text itself does not)",
            'docs/load-checks.md, "Dates"',
        )
    ]


def _against_times(m: Meeting, sid: str, file: str, text: str) -> list[InputError]:
    """A year, month or day beside a word of holding this meeting in the kept text that is not the date's
    (nor one of its ``days``)."""
    date = str(m.date)
    found = time_disagreement(text, date, days=[str(d) for d in getattr(m, "days", None) or []])
    if found is None:
        return []
    sentence, time = found
    return [
        InputError(
            m.where("date"),
            f"date {date} disagrees with the text of {_quoted(sid)} ({_some([file])}), which the date is taken "
            f"from: {_quoted(sentence)} gives the meeting's time as {_quoted(time)}",
            f"a date in {_quoted(time)}, as the sentence gives it, or a sentence that gives the date's "
            f"{'month' if len(date) >= 7 else 'year'} (a time of another meeting, or a day it was moved from, "
            "said as such)",
            'docs/load-checks.md, "Dates"',
        )
    ]


#: A note's words saying that the date is not stated: "som artikeln inte daterar", "inget datum för
#: mötet", "Mötets datum står inte i den text som lästs"; "does not date", "no date", "is not in the text".
#: What ``datum\w* (?:står|anges|nämns|finns) inte`` finds is found in two steps (:func:`not_stated`): a
#: word before the verb (:data:`_WORD_NOT_STATED`, each word read once from its start), then "datum" in it;
#: the expression itself read on from each "datum" of a long word to the word's end.
_NOT_STATED = LazyPattern(
    r"inte daterar|inte är daterad|odaterad|inget datum|utan datum"
    r"|does not date|not dated|undated|no date|not a date|date is not (?:in|stated|given|known)",
    re.IGNORECASE,
)
_WORD_NOT_STATED = LazyPattern(r"(?<!\w)(\w++)(?=( (?:står|anges|nämns|finns) inte))", re.IGNORECASE)
_DATUM = LazyPattern("datum", re.IGNORECASE)


def not_stated(words: str) -> str | None:
    """The first words of ``words`` saying that the date is not stated ("som artikeln inte daterar",
    "Mötets datum står inte i den text som lästs", "does not date"), or None."""
    found = _NOT_STATED.search(words)
    for word in _WORD_NOT_STATED.finditer(words):
        if found is not None and word.start() > found.start():
            break
        datum = _DATUM.search(word.group(1))
        if datum is not None and (found is None or word.start() + datum.start() < found.start()):
            return word.group(1)[datum.start() :] + word.group(2)
    return found.group(0) if found else None


def _against_notes(m: Meeting) -> list[InputError]:
    """A stated date (or days) beside a note about the date that says no date is stated."""
    stated = [name for name in ("date", "days") if getattr(m, name, None)]
    if m.date_derivation is not None or not stated:
        return []
    for note in m.notes:
        if note.about not in ("date", "days"):
            continue
        words = f"{_text(note.text)} {getattr(note.text, 'en', None) or ''}"
        if said := not_stated(words):
            return [
                InputError(
                    m.where(stated[0]),
                    f"{stated[0]} {m.date or _some([str(d) for d in m.days])} is published as stated, but a "
                    f"note about the date says none is stated ({_quoted(said)})",
                    "no date where the sources give none (the note may stay), or a date_derivation saying how "
                    "the date is worked out, or a note that no longer says the date is not stated",
                )
            ]
    return []


def unchecked_dates(corpus: Corpus) -> list[InputError]:
    """Every stated date or days (no ``date_derivation``) credited to a document whose text is not kept
    beside the data (no ``file`` read as text): loading cannot compare it with the words it stands for.
    Not refused (most documents are web pages not kept), but reported as a warning."""
    sources = {s.id: s for s in corpus.sources}
    copies = getattr(corpus, "copies", {}) or {}
    out = []
    for m in corpus.meetings:
        if m.date_derivation is not None:
            continue
        for name in ("date", "days"):
            value = getattr(m, name, None)
            if not value:
                continue
            sid = m.source_of(name)
            file = str(getattr(sources.get(sid), "file", None) or "")
            kept = sid in copies and file.lower().endswith(_TEXT_SUFFIXES)
            if kept and name == "date":
                continue  # compared with the kept text (_against_text)
            kind = getattr(sources.get(sid), "kind", None) or "document"
            shown = value if name == "date" else _some([str(d) for d in value])
            why = "loading compares no days with a kept text" if kept else "whose text is not kept beside the data"
            out.append(
                InputError(
                    m.where(name),
                    f"{name} {shown} is published as stated by the {kind} {_quoted(sid)}, {why}, so loading cannot "
                    "check it against the source's words",
                    f"the source's text kept (file: in data/sources.yaml) so the {name} is checked, or a "
                    "date_derivation where the text read does not state it",
                )
            )
    return out


def load_warnings(corpus: Corpus) -> list[InputError]:
    """What loading accepts but a person should look at, each with the file, line and field: stated
    dates nothing checks (:func:`unchecked_dates`), wording of a held meeting on a sakråd marked
    announced_only (:func:`sakrad_ld.announced.held_wording`), a sakråd not so marked that no kept text
    says was held (:func:`sakrad_ld.announced.held_said`) or whose kept text calls it off
    (:func:`sakrad_ld.announced.held_called_off`), a participation credited outside its record's
    sources and an organiser that is the publisher (:func:`sakrad_ld.stated.credit_warnings`), a
    translation that says other than its Swedish (:func:`sakrad_ld.translated.translation_warnings`), and
    a date, place or count another kept text of the meeting gives otherwise
    (:func:`sakrad_ld.contradicted.contradictions`)."""
    from .announced import held_called_off, held_said, held_wording
    from .contradicted import contradictions  # another kept text of the meeting states the fact otherwise
    from .stated import credit_warnings  # a participation outside the record's sources; organiser = publisher
    from .translated import translation_warnings  # a number or held claim in one language only

    found = unchecked_dates(corpus) + held_wording(corpus) + held_said(corpus) + held_called_off(corpus)
    found += credit_warnings(corpus)
    found += translation_warnings(corpus)
    found += contradictions(corpus)
    return sorted(found, key=lambda e: (str(e.where.file), e.where.line, e.where.field))
