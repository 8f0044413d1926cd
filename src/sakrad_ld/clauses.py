"""Clauses and lists of names in a folded kept text (:func:`~sakrad_ld.stated.folded_text`), read the
same way by the post check (posted.py) and the organiser check (organised.py).

A clause is the text around a place up to the nearest of a set of marks on either side, at most
:data:`CLAUSE_WINDOW` characters each way. :data:`SENTENCE_MARKS` end a sentence's part (a sentence's
end, written ``\\x00`` in a folded text, ";", ":", "men", a spaced dash); :data:`PHRASE_MARKS` end a
phrase too (a comma, a parenthesis). A list of names is items of at most :data:`LIST_ITEM_WORDS`
words joined by :data:`LIST_JOINERS` ("och", "samt", "and", a comma).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "CLAUSE_WINDOW",
    "LIST_ITEM_WORDS",
    "LIST_JOINERS",
    "PHRASE_MARKS",
    "SENTENCE_MARKS",
    "clause",
    "clause_start",
    "joiners",
    "listed",
]

#: How far (characters) a clause reaches on either side of the place it is read around.
CLAUSE_WINDOW = 200
#: The marks that end a part of a sentence: its end (``\x00``), ";", ":", "men" / "but", a spaced dash.
SENTENCE_MARKS = ("\x00", ";", ":", " men ", " but ", " - ")
#: :data:`SENTENCE_MARKS` and the marks that end a phrase inside it: a comma, a parenthesis.
PHRASE_MARKS = (*SENTENCE_MARKS, ",", "(", ")")
#: What joins the items of a list of names.
LIST_JOINERS = frozenset({",", "och", "samt", "and"})
#: How many words an item of a list of names may have.
LIST_ITEM_WORDS = 4


def clause_start(text: str, lo: int, marks: tuple[str, ...]) -> int:
    """Where the clause of ``text`` around ``lo`` begins (:func:`clause`'s first value)."""
    floor = max(0, lo - CLAUSE_WINDOW)
    return max([text.rfind(mark, floor, lo) for mark in marks] + [floor])


def clause(text: str, lo: int, hi: int, marks: Iterable[str]) -> tuple[int, int]:
    """The clause of ``text`` around ``lo``-``hi``: from the last of ``marks`` before ``lo`` (the mark
    included) to the first at or after ``hi``, each at most :data:`CLAUSE_WINDOW` characters away."""
    marks = tuple(marks)
    floor = max(0, lo - CLAUSE_WINDOW)
    start = max([text.rfind(mark, floor, lo) for mark in marks] + [floor])
    stop = min(len(text), hi + CLAUSE_WINDOW)
    ends = [i for i in (text.find(mark, hi, stop) for mark in marks) if i >= 0]
    return start, min(ends, default=stop)


def joiners(words: list[str]) -> list[str]:
    """The words of ``words`` that join a list (:data:`LIST_JOINERS`)."""
    return [w for w in words if w in LIST_JOINERS]


def listed(words: list[str], joined_first: bool, refused: frozenset[str] = frozenset()) -> bool:
    """Whether ``words`` are other names of a list with the one they stand beside: items of at most
    :data:`LIST_ITEM_WORDS` words joined by :data:`LIST_JOINERS`, a joining word first (the names after
    it: ``joined_first``) or last (the names before it), and no word of ``refused`` (a preposition
    makes a name another's)."""
    if not words or (words[0] if joined_first else words[-1]) not in LIST_JOINERS:
        return False
    item = 0
    for w in words:
        item = 0 if w in LIST_JOINERS else item + 1
        if item > LIST_ITEM_WORDS or w in refused:
            return False
    return True
