"""A published IRI keeps naming the same thing (Cool URIs don't change:
https://www.w3.org/Provider/Style/URI).

A note's IRI ends in its number (``…/note/3``): its ``n`` where the data gives one, else its place
among the record's notes. Once a release is published, each note carries the number it was
published with, so adding, removing or moving a note moves no other; loading refuses a number two
notes of one record share, and a number below 1. A meeting's questions and discussion areas are
numbered so too (``…/question/3``, ``…/discussion-area/3``): an item put before a published one
takes a number of its own, and the published one keeps its place's number as its ``n``. A holding's IRI ends in its ``key`` where the data
gives one (a name published before, kept when the holding's as_of changed), else in its day or
source; loading refuses two holdings of one person whose IRIs would be the same. A further group's
count ends in its number (``…/count/participant-2``): its ``n``, which a meeting with two or more
further counts gives each of them (their order in the list names none); a lone one without it is 2.
Loading refuses a number two counts of one meeting share, a number below 2, and a count without
its number beside another.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError, Where
from .records import Corpus, FurtherCount, ListItem, Meeting, Note, Person

__all__ = ["FIRST_FURTHER", "LISTS", "check_numbered", "count_numbers", "holding_segments", "note_numbers"]


#: A meeting's lists whose items' IRIs end in their numbers (…/question/N): field, what one item is.
LISTS = {
    "questions": "question",
    "discussion_areas": "discussion area",
    "announced_discussion_areas": "announced discussion area",
}


def note_numbers(notes: Iterable[Note | ListItem]) -> list[int]:
    """The number of each note in its IRI (``…/note/N``): its ``n`` where it has one, else its place
    among the record's notes (1, 2, …); so too of a question or a discussion area."""
    return [note.n if note.n is not None else i for i, note in enumerate(notes, start=1)]


#: The number of a lone further count without ``n`` (participant_count's IRI has none: ``…/count/participant``).
FIRST_FURTHER = 2


def count_numbers(counts: Iterable[FurtherCount]) -> list[int]:
    """The number of each further group's count in its IRI (``…/count/participant-N``): its ``n``; a
    lone count without one is 2. Where loading refused a count without ``n`` beside others, its place
    stands in (2, 3, …), so that a graph of such data can still be drawn."""
    counts = list(counts)
    return [c.n if c.n is not None else i for i, c in enumerate(counts, start=FIRST_FURTHER)]


def holding_segments(person: Person) -> list[tuple[str, ...]]:
    """The IRI segments of each of ``person``'s holdings, under ``…/holding/``: the post and its
    ``key`` where it has one (an IRI published before, kept when its as_of changed); else the post
    and the day it is attested on (``as_of``); the post and its source where it has no day; and the
    post, the day and the source where two holdings of one post share a day (two pages showing it on
    one day), so that no holding's date is left out to keep its IRI apart."""
    days = Counter((h.post, h.as_of) for h in person.holds if h.as_of and not h.key)
    return [
        (h.post, h.key)
        if h.key
        else (h.post, h.as_of, h.source)
        if h.as_of and days[h.post, h.as_of] > 1
        else (h.post, h.as_of or h.source)
        for h in person.holds
    ]


def _where(lines: object, name: str, file: str) -> Where:
    return lines.where(name) if lines else Where(Path(file), 0, name)  # type: ignore[attr-defined]


def _note_problems(
    notes: list[Note] | list[ListItem], file: str, what: str = "note", among: str = "the notes"
) -> Iterator[InputError]:
    """A number two of ``notes`` share, or one below 1: ``what`` one of them is, ``among`` all of them."""
    first: dict[int, Note | ListItem] = {}
    for note, n in zip(notes, note_numbers(notes), strict=True):
        at = _where(note.lines, "n", file) if note.n is not None else _where(note.lines, "", file)
        if n < 1:
            yield InputError(at, f"the {what} number {n} is below 1", "a whole number from 1")
            continue
        if (other := first.setdefault(n, note)) is not note:
            how = "given as n" if other.n is not None else f"its place among {among}"
            line = other.lines.line if other.lines else 0
            yield InputError(
                at,
                f"the {what} number {n} is used twice (also the {what} on line {line}, {how})",
                f"each {what} a number of its own, the one it was published with",
                f"give the new {what} a number after the highest; never renumber a published {what}",
            )


def _count_problems(meeting: Meeting) -> Iterator[InputError]:
    counts = list(meeting.other_participant_counts)
    file = f"meetings/{meeting.id}.yaml"
    first: dict[int, FurtherCount] = {}
    for count, n in zip(counts, count_numbers(counts), strict=True):
        if count.n is None:
            if len(counts) > 1:
                yield InputError(
                    _where(count.lines, "", file),
                    f"a further count without its number n, one of the meeting's {len(counts)}: its place in the list "
                    "would name it, and moving or adding a count would give its IRI to another",
                    "n: the number its IRI (…/count/participant-N) was published with; a count not yet "
                    f"published the number after the highest the meeting's further counts have or had ({FIRST_FURTHER} "
                    "for the first)",
                    "a lone further count without n was published as …/count/participant-2: give it n: 2",
                )
            continue
        at = _where(count.lines, "n", file)
        if n < FIRST_FURTHER:
            yield InputError(
                at,
                f"the count number {n} is below {FIRST_FURTHER}",
                f"a whole number from {FIRST_FURTHER} (…/count/participant is participant_count's)",
            )
            continue
        if (other := first.setdefault(n, count)) is not count:
            line = other.lines.line if other.lines else 0
            yield InputError(
                at,
                f"the count number {n} is used twice (also the further count on line {line})",
                "each further count of a meeting a number of its own, the one it was published with",
                "give the new count a number after the highest; never renumber a published count",
            )


def check_numbered(corpus: Corpus) -> list[InputError]:
    """Every note number two notes of one record share (a question's or a discussion area's two of
    its list), every further count's number two counts of one meeting share or one left out beside
    others, and every holding IRI two holdings share."""
    errors: list[InputError] = []
    for source in corpus.sources:
        errors.extend(_note_problems(list(source.notes), "sources.yaml"))
    for meeting in corpus.meetings:
        errors.extend(_note_problems(list(meeting.notes), f"meetings/{meeting.id}.yaml"))
        errors.extend(_count_problems(meeting))
        for name, what in LISTS.items():
            items = list(getattr(meeting, name))
            errors.extend(_note_problems(items, f"meetings/{meeting.id}.yaml", what, f"the {name}"))
    for person in corpus.people:
        seen: dict[tuple[str, ...], tuple[int, int]] = {}  # the first holding of an IRI: its place and line
        for place, (holding, segments) in enumerate(zip(person.holds, holding_segments(person), strict=True)):
            line = holding.lines.line if holding.lines else 0
            if (first := seen.setdefault(segments, (place, line)))[0] != place:  # by place: one line may hold two
                at = _where(holding.lines, "key" if holding.key else "", "people.yaml")
                errors.append(
                    InputError(
                        at,
                        f"the holding's IRI …/holding/{'/'.join(segments)} is that of the holding on line {first[1]}",
                        "a key no other holding of the person's post has",
                    )
                )
    return errors
