"""The dataset's ``modified`` is no earlier than the data it describes (DCAT 3, dct:modified:
https://www.w3.org/TR/vocab-dcat-3/#Property:resource_update_date).

``modified`` in data/dataset.yaml is the publisher's statement of when the data last changed, never
the build's clock, so that a release is the same bytes for the same input. A document the data cites
cannot have been published after the data last changed, nor can a post be shown held on a later day:
a ``published`` date of data/sources.yaml or an ``as_of`` of data/people.yaml after ``modified``
means the data changed after the date the catalogue states, and the build refuses it, naming both.
A date given to the month or year counts from its first day, and a ``modified`` so given up to its
last (``2025-08`` is any day of August 2025), so only a date certainly later is refused: with
``modified: 2025-08`` a source published 2025-08-29 is accepted, one published 2025-09-01 refused.
Loading runs the check (``corpus.load_corpus``), so ``sakrad-ld validate`` refuses what
the build would, before the catalogue is made. A meeting's own date is not compared: an announced sakråd may lie ahead, and one published
as held has a document dated on or after its day (``announced.check_held``), which is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .errors import InputError, Where
from .records import Corpus

__all__ = ["check_modified"]


def _first_day(date: str) -> str:
    """A day, month or year as the first day it can be ("2025-06" is "2025-06-01")."""
    return date + "-01" * (2 - date.count("-"))


def _last_day(date: str) -> str:
    """A day, month or year as the last day it can be, for comparing as text ("2025-06" is "2025-06-31",
    after every day of June; "2025" is "2025-12-31")."""
    return date + ("-12-31" if date.count("-") == 0 else "-31" if date.count("-") == 1 else "")


def _dates(corpus: Corpus) -> Iterator[tuple[str, Where, str]]:
    """Every date of a document or a holding in the data: (date, where, what it is)."""
    for s in corpus.sources:
        if s.published:
            where = s.lines.where("published") if s.lines else Where(Path("sources.yaml"), 0, "published")
            yield str(s.published), where, f"the publication date of source {s.id!r}"
    for p in corpus.people:
        for h in p.holds:
            if h.as_of:
                where = h.lines.where("as_of") if h.lines else Where(Path("people.yaml"), 0, "as_of")
                yield str(h.as_of), where, f"the day {p.id!r} is shown holding {h.post!r}"


def check_modified(corpus: Corpus) -> list[InputError]:
    """Every date of :func:`_dates` later than the dataset's ``modified``."""
    config = corpus.config
    if not getattr(config, "modified", None):  # a corpus made without dataset.yaml's dates
        return []
    modified = str(config.modified)
    at = config.lines.where("modified") if getattr(config, "lines", None) else Where(Path("dataset.yaml"), 0)
    return [
        InputError(
            where,
            f"{what} is {date}, later than the dataset's modified date {modified} ({at.file}:{at.line}): the "
            "catalogue would say the data last changed before a fact it holds",
            f"modified in {at.file} set to the day the data last changed (no earlier than {date})",
            "docs/catalogue.md, dct:modified",
        )
        for date, where, what in _dates(corpus)
        if _first_day(date) > _last_day(modified)
    ]
