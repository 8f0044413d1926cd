"""A published IRI keeps naming the same thing (Cool URIs don't change:
https://www.w3.org/Provider/Style/URI).

A note's IRI ends in its number (``…/note/3``): its ``n`` where the data gives one, else its place
among the record's notes. Once a release is published, each note carries the number it was
published with, so adding, removing or moving a note moves no other; loading refuses a number two
notes of one record share, and a number below 1. A holding's IRI ends in its ``key`` where the data
gives one (a name published before, kept when the holding's as_of changed), else in its day or
source; loading refuses two holdings of one person whose IRIs would be the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError, Where
from .records import Corpus, Note, Person

__all__ = ["check_numbered", "holding_segments", "note_numbers"]


def note_numbers(notes: Iterable[Note]) -> list[int]:
    """The number of each note in its IRI (``…/note/N``): its ``n`` where it has one, else its place
    among the record's notes (1, 2, …)."""
    return [note.n if note.n is not None else i for i, note in enumerate(notes, start=1)]


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


def _note_problems(notes: list[Note], file: str) -> Iterator[InputError]:
    first: dict[int, Note] = {}
    for note, n in zip(notes, note_numbers(notes), strict=True):
        at = _where(note.lines, "n", file) if note.n is not None else _where(note.lines, "", file)
        if n < 1:
            yield InputError(at, f"the note number {n} is below 1", "a whole number from 1")
            continue
        if (other := first.setdefault(n, note)) is not note:
            how = "given as n" if other.n is not None else "its place among the notes"
            line = other.lines.line if other.lines else 0
            yield InputError(
                at,
                f"the note number {n} is used twice (also the note on line {line}, {how})",
                "each note of a record a number of its own, the one it was published with",
                "give the new note a number after the highest; never renumber a published note",
            )


def check_numbered(corpus: Corpus) -> list[InputError]:
    """Every note number two notes of one record share, and every holding IRI two holdings share."""
    errors: list[InputError] = []
    for source in corpus.sources:
        errors.extend(_note_problems(list(source.notes), "sources.yaml"))
    for meeting in corpus.meetings:
        errors.extend(_note_problems(list(meeting.notes), f"meetings/{meeting.id}.yaml"))
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
