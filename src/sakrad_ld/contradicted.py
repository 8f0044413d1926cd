"""A meeting's fact that another kept text of the meeting gives otherwise (a load warning).

A fact is checked against the kept text of the document it is credited to (:mod:`sakrad_ld.dated`,
:mod:`sakrad_ld.stated`, :mod:`sakrad_ld.placed`, :mod:`sakrad_ld.counted`). The meeting's other
documents whose texts are kept (its ``sources``, those ``fact_sources`` and its counts, roles and notes
credit, as :mod:`sakrad_ld.announced` reads them) may state the same fact otherwise: the invitation
gives 12 December, the minutes 13 December. Such a contradiction is kept and reported, not resolved:
the fact stays as credited, and :func:`contradictions` gives a warning at its line naming the other
document, the value it gives and its sentence, which ``sakrad-ld validate`` prints and a build counts.

Each other text is asked by the readers that check the credited one, so what they do not read as this
meeting's fact is no contradiction:

- **the date**: each day, month or year the text writes with its year (:func:`sakrad_ld.dated.year_forms`
  finds them, :func:`sakrad_ld.dated.date_forms` reads which date each is) that
  :func:`sakrad_ld.dated.date_refusal` reads as the day this meeting takes or took place, and a time
  beside a word of holding this meeting (:func:`sakrad_ld.dated.time_disagreement`: "Sakrådet hölls i
  mars"). Not a publication line, a deadline, a sending, another meeting's day ("Nästa sakråd hålls den
  …"), a span's end, a negated, doubtful, conditional or planned mention, a day moved from or first set,
  a date the sentence calls wrong, a date only inside a quotation (:func:`sakrad_ld.dated.quotations`),
  another event's ("Konferensen hölls den …": :func:`sakrad_ld.clauses.gathering_event`), and a date of
  another year than the meeting's: a meeting of another year is another meeting, as stated.py reads
  "Sakrådet 2023 …" (so a year written wrong is not found here). A date that agrees as precisely as
  both give it ("2017-12" and "12 december 2017", "12/12 2017" and "den 12 december 2017"), and one of
  the meeting's ``days``, is none;
- **the place**: a sentence saying this meeting was held at a place sharing no word with ``place``
  (:func:`sakrad_ld.placed.taken_back_place`'s reading of a second place: "Sakrådet hölls i Lund", a
  name the text writes with a capital; not another meeting's, a denied, planned or hearsay place);
- **a count** (``invited_count``, ``organisation_count``, ``participant_count``): a number with its noun
  counting what the field counts (organisations, people: stated.py's nouns) that stated.py reads as this
  meeting's count of the field (what the count check asks of the credited text's words: not another
  meeting's or event's, not those invited for those who took part, not a comparison's, a plan's or a
  denial's). A text that also gives the credited number (as the words bound it) contradicts nothing;
  the numbers are compared as their words give them: two exact numbers must be equal, an exact number
  must lie within a bound ("drygt 20", "högst 30"), and two bounds must leave a number both allow. A
  rounded number ("ett tjugotal", "about 20") states no exact number (:func:`sakrad_ld.counted.number_value`)
  and is not compared.

A text that writes nothing of the fact, or whose mentions the readers do not take as this meeting's,
says nothing here. The warning asks a person to check the sources and record the difference in a note
about the fact (``notes``), or correct the fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from .errors import InputError, Where
from .typedyaml import quoted

if TYPE_CHECKING:
    from .counted import Reading
    from .records import Corpus, Count, Meeting

__all__ = ["contradictions", "stated_counts", "stated_dates", "stated_place"]

#: What each count field counts, by stated.py's nouns.
_COUNTED = {"invited_count": "organisations", "organisation_count": "organisations", "participant_count": "people"}
_HINT = 'docs/load-checks.md, "Contradicting texts"'
_WHAT_NEXT = (
    "the sources checked: a note about the {fact} (notes:) recording that the documents differ and which one "
    "the data follows, or the {fact} corrected"
)


def contradictions(corpus: Corpus) -> list[InputError]:
    """Each date, place and count of a meeting that another kept text of the meeting states otherwise than
    the data (which follows the document it credits the fact to), as a warning at the fact's line."""
    from .announced import _read as documents_read

    sources = {s.id: s for s in corpus.sources}
    kept = {sid: text for sid, text in corpus.copies.items() if _read_as_text(sources.get(sid))}
    found: list[InputError] = []
    for m in corpus.meetings:
        read = [sid for sid in documents_read(m, kept) if sid in kept]
        if len(read) < 2:
            continue
        found += _dates(m, read, kept, sources)
        found += _places(m, read, kept, sources)
        found += _counts(m, read, kept, sources)
    return found


def _read_as_text(source: object) -> bool:
    """Whether ``source``'s kept ``file`` is read as text (as dated.py reads it: not a register's extract)."""
    from .dated import _TEXT_SUFFIXES

    file = getattr(source, "file", None)
    return bool(file) and str(file).lower().endswith(_TEXT_SUFFIXES)


def _warning(
    where: Where, fact: str, value: str, credited: str, other: str, file: str, said: str, sentence: str
) -> InputError:
    """The warning that the kept text of ``other`` (its ``file``) gives ``fact`` as ``said`` in ``sentence``
    where the data gives ``value``, credited to ``credited``."""
    return InputError(
        where,
        f"{fact} {value} (credited to {quoted(credited)}) is given otherwise by another kept text of the meeting: "
        f"{quoted(other)} ({file}) gives {said} in {quoted(sentence)}; the data keeps the credited value",
        _WHAT_NEXT.format(fact=fact.replace("_", " ")),
        _HINT,
    )


# the date


def stated_dates(
    text: str, kind: str | None = None, *, several: bool = False, announced: bool = True
) -> Iterator[tuple[str, str]]:
    """Each date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) the kept ``text`` states as the day this meeting
    takes or took place (:func:`sakrad_ld.dated.date_refusal`), with the sentence that does, once each:
    the dates are the ones the text writes with their year (:func:`sakrad_ld.dated.year_forms`; a two-digit
    year too, "10/9-24"), each read as precisely as it is written."""
    from .clauses import gathering_event
    from .dated import date_forms, date_refusal, named_years, quotations, year_forms
    from .stated import flat_text

    flat = flat_text(text)
    quoted_parts = quotations(flat)
    seen: set[str] = set()
    for year in sorted(named_years(flat) | {2000 + int(y) for y in _SHORT_YEAR.findall(flat)}):
        for written in year_forms(str(year)).finditer(flat):
            date = _written_date(written, str(year))
            if date in seen:
                continue
            seen.add(date)
            if _only_quoted(date_forms(date), flat, quoted_parts):
                continue  # 'Rubriken löd "Sakrådet hålls den 11 september"': someone's words, not the text's
            said, _ = date_refusal(text, date, kind, several=several, announced=announced)
            if said is not None and gathering_event(said, 0, len(said)) is None:
                yield date, said  # not "Konferensen hölls den …": another event's day, no meeting's noun


#: The two-digit year of a day written "10/9-24" (as regeringen.se writes it), read as 2024.
_SHORT_YEAR = re.compile(r"(?<![\w/.:-])\d{1,2}/\d{1,2}-(\d\d)(?![\w/-])")


def _only_quoted(form: re.Pattern[str], flat: str, quoted_parts: list[str]) -> bool:
    """Whether every place ``flat`` writes ``form`` is inside one of its quotations (``quoted_parts``,
    :func:`sakrad_ld.dated.quotations`)."""
    inside = sum(len(form.findall(part)) for part in quoted_parts)
    return inside > 0 and inside >= len(form.findall(flat))


def _written_date(written: re.Match[str], year: str) -> str:
    """The date a match of :func:`sakrad_ld.dated.year_forms` writes, as precisely as it writes it: the
    year alone, a month of it, or a day (the first of a span), read back by :func:`sakrad_ld.dated.date_forms`:
    the first month, and then the first day, whose pattern the words match. Only the months and days the
    words could write are tried (:func:`_could_be`), in that order, so the answer is the one trying all
    of them gives, for a few patterns compiled instead of hundreds."""
    from .dated import date_forms

    if written.groupdict().get("bare"):
        return year
    words = written.group()
    months, days = _could_be(words)
    month = next((f"{year}-{n:02}" for n in months["word"] if date_forms(f"{year}-{n:02}").search(words)), None)
    if month is None:  # "2024-09-10", "10/9 2024": no month's word; the day is read with its month
        found = ((n, d) for n in months["any"] for d in days if date_forms(f"{year}-{n:02}-{d:02}").search(words))
        first = next(found, None)
        return f"{year}-{first[0]:02}-{first[1]:02}" if first else year
    day = next((d for d in days if date_forms(f"{month}-{d:02}").search(words)), None)
    return f"{month}-{day:02}" if day is not None else month


def _could_be(words: str) -> tuple[dict[str, list[int]], list[int]]:
    """The months (by a word of theirs in ``words``; by a word or a number) and the days (by a number or an
    ordinal word) that ``words`` could write, in ascending order: every one whose pattern in
    :func:`sakrad_ld.dated.date_forms` could match, and perhaps a few more (a month's word or a number
    anywhere in the words, the numbers of one or two digits of every run of digits)."""
    from .dated import ORDINALS

    numbers = {
        int(run[i : i + n]) for run in re.findall(r"\d+", words) for n in (1, 2) for i in range(len(run) - n + 1)
    }
    ordinals = {i for i, word in enumerate(ORDINALS, start=1) if word in words}
    by_word = [n for n, pattern in enumerate(_month_words(), start=1) if pattern.search(words)]
    by_number = {n for n in numbers if 1 <= n <= 12}
    return {"word": by_word, "any": sorted(by_number.union(by_word))}, sorted(
        d for d in numbers | ordinals if 1 <= d <= 31
    )


@cache
def _month_words() -> tuple[re.Pattern[str], ...]:
    """Each month's words (:func:`sakrad_ld.dated.date_forms` reads a month by them), anywhere in a text."""
    from .dated import _month_words as words_of

    return tuple(re.compile(words_of(n)) for n in range(1, 13))


def _agrees(date: str, stated: list[str]) -> bool:
    """Whether ``date`` agrees with one of the meeting's ``stated`` dates as precisely as both give them, or
    is of another year than all of them: a meeting of another year is another meeting (as stated.py reads
    "Sakrådet 2023 hölls i Uppsala" of a meeting of 2024), so its day contradicts nothing."""
    n = lambda s: min(len(date), len(s))  # noqa: E731
    return any(date[: n(s)] == s[: n(s)] for s in stated) or all(date[:4] != s[:4] for s in stated)


def _this_year(sentence: str, date: str) -> bool:
    """Whether ``sentence`` may be of the meeting of ``date``: it names no year, or the date's, and no other
    event (:func:`sakrad_ld.clauses.gathering_event`)."""
    from .clauses import gathering_event
    from .dated import named_years

    years = named_years(sentence)
    return (not years or int(date[:4]) in years) and gathering_event(sentence, 0, len(sentence)) is None


def _quoted(text: str) -> tuple[str, list[str]]:
    """The flat ``text`` and its quotations (:func:`sakrad_ld.dated.quotations`)."""
    from .dated import quotations
    from .stated import flat_text

    flat = flat_text(text)
    return flat, quotations(flat)


def _dates(m: Meeting, read: list[str], kept: dict[str, str], sources: dict) -> list[InputError]:
    from .dated import time_disagreement

    if not m.date:
        return []
    date, days = str(m.date), [str(d) for d in getattr(m, "days", None) or []]
    credited = m.source_of("date")
    for sid in read:
        if sid == credited:
            continue
        text, kind = kept[sid], getattr(sources[sid], "kind", None)
        other = next(
            (
                (d, said)
                for d, said in stated_dates(text, kind, several=bool(days), announced=bool(m.announced_only))
                if not _agrees(d, [date, *days])
            ),
            None,
        )
        time = None if other is not None else time_disagreement(text, date, days)
        if (
            time is not None
            and _this_year(time[0], date)
            and not _only_quoted(re.compile(re.escape(time[1])), *_quoted(text))
        ):
            other = (time[1], time[0])
        if other is not None:
            said = f"the date {quoted(other[0])}"
            return [_warning(m.where("date"), "date", date, credited, sid, sources[sid].file, said, other[1])]
    return []


# the place


def stated_place(
    value: str, text: str, dates: list[str], published: object = None, *, announced: bool = False
) -> tuple[str, str] | None:
    """A place the kept ``text`` says this meeting (of ``dates``) was held at that shares no word with
    ``value`` (placed.py's reading of a second place), as (the sentence, the place); None where none."""
    from .placed import _second_place
    from .stated import meeting_time

    return _second_place(value, text, meeting_time(dates, published), announced=announced)


def _places(m: Meeting, read: list[str], kept: dict[str, str], sources: dict) -> list[InputError]:
    if not m.place:
        return []
    credited = m.source_of("place")
    dates = [m.date, *(m.days or [])]
    for sid in read:
        if sid == credited:
            continue
        found = stated_place(m.place, kept[sid], dates, sources[sid].published, announced=bool(m.announced_only))
        if found is not None:
            sentence, place = found
            said = f"the place {quoted(place)}"
            where = m.where("place")
            return [_warning(where, "place", quoted(m.place), credited, sid, sources[sid].file, said, sentence)]
    return []


# the counts


def stated_counts(field: str, text: str, years: object = None) -> Iterator[tuple[Reading, str]]:
    """Each number of the kept ``text`` given, with its noun, as this meeting's count of ``field``
    (``invited_count``, ``organisation_count``, ``participant_count``): the noun counts what the field counts
    (stated.py's nouns) and stated.py reads the words as the count of ``field`` (the check of a count's
    words against the text it is credited to). With the sentence."""
    from .counted import numbers_in
    from .stated import _count_said, _flat, _sentence, find_words, folded, folded_text

    ft = folded_text(text)
    flat = _flat(ft)
    done: set[str] = set()
    for sentence in (s for s in ft.split("\x00") if s.strip()):
        for reading in numbers_in(sentence):
            words = _count_words(sentence, reading, _COUNTED[field])
            if words is None or words in done:
                continue
            done.add(words)
            if _count_said(words, field, str(reading.value), reading.kind, ft, flat, years) == "":
                a, b = next(find_words(folded(words), flat), (0, len(flat)))
                lo, hi = _sentence(ft, a, b)
                yield reading, flat[lo:hi].strip()


def _count_words(sentence: str, reading: Reading, wanted: str) -> str | None:
    """The words of ``sentence`` from ``reading``'s words to the noun they count, where that noun counts
    ``wanted`` ("organisations" or "people"); None where it counts something else or nothing."""
    from .stated import _number_nouns

    at = sentence.find(reading.words.casefold())
    if at < 0:
        return None
    rest = sentence[at:]
    noun = next((n for n in _number_nouns(rest) if n[0] == reading.value), None)
    if noun is None or noun[2] != wanted:
        return None
    end = re.search(rf"(?<!\w){re.escape(noun[1])}(?!\w)", rest)
    return None if end is None else " ".join(rest[: end.end()].split())


def _agree_counts(count: Count, reading: Reading) -> bool | None:
    """Whether the data's ``count`` and a text's ``reading`` can both hold: True, False, or None where
    either is a rounded number (not compared)."""
    mark = count.bound or ("approximate" if count.approximate else "exact")
    if "approximate" in (mark, reading.kind):
        return None
    low = lambda kind, v: v if kind in ("exact", "at-least") else 0  # noqa: E731
    high = lambda kind, v: v if kind in ("exact", "at-most") else float("inf")  # noqa: E731
    return max(low(mark, count.value), low(reading.kind, reading.value)) <= min(
        high(mark, count.value), high(reading.kind, reading.value)
    )


def _counts(m: Meeting, read: list[str], kept: dict[str, str], sources: dict) -> list[InputError]:
    from .counted import count_source
    from .stated import meeting_time

    out = []
    for field in _COUNTED:
        count = getattr(m, field, None)
        if count is None or count.value is None:
            continue
        credited = count_source(m, field, count)
        where = count.lines.where("value") if count.lines else m.where(field)
        for sid in read:
            if sid == credited:
                continue
            years = meeting_time([m.date, *(m.days or [])], sources[sid].published)
            found = list(stated_counts(field, kept[sid], years))
            compared = [(reading, said) for reading, said in found if _agree_counts(count, reading) is not None]
            if not compared or any(_agree_counts(count, reading) for reading, _ in compared):
                continue
            reading, sentence = compared[0]
            said = f"the number {reading.value} ({reading.kind}: {quoted(reading.words)})"
            out.append(_warning(where, field, str(count.value), credited, sid, sources[sid].file, said, sentence))
            break
    return out
