"""Clauses and lists of names in a folded kept text (:func:`~sakrad_ld.stated.folded_text`), read the
same way by the post check (posted.py) and the organiser check (organised.py).

A clause is the text around a place up to the nearest of a set of marks on either side, at most
:data:`CLAUSE_WINDOW` characters each way. :data:`SENTENCE_MARKS` end a sentence's part (a sentence's
end, written ``\\x00`` in a folded text, ";", ":", "men", a spaced dash); :data:`PHRASE_MARKS` end a
phrase too (a comma, a parenthesis). A list of names is items of at most :data:`LIST_ITEM_WORDS`
words joined by :data:`LIST_JOINERS` ("och", "samt", "and", a comma). A contrast's clause
(:func:`contrast_clause`) is the part of a sentence between :data:`CONTRAST` marks ("men", "utan", ";",
a spaced dash, ", och", "medan"): each part has its own polarity ("X deltog inte, men Y deltog").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "CLAUSE_WINDOW",
    "CONTRAST",
    "LIST_ITEM_WORDS",
    "LIST_JOINERS",
    "PHRASE_MARKS",
    "SENTENCE_MARKS",
    "clause",
    "clause_start",
    "contrast_clause",
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
#: The marks between the parts of a sentence that each say something of their own, in a flat folded
#: text: "men", "but", "utan" (not "utan att", a negation of its own clause), ";", a spaced dash, ", och"
#: (a new main clause: Swedish joins a list's last item without a comma), "medan", "while", "whereas",
#: "samtidigt som". "Fryshuset deltog inte, men Famna deltog": the second "deltog" is Famna's.
CONTRAST = re.compile(r" (?:men|but|medan|while|whereas|samtidigt som) |, och |;| - | utan (?!att )")


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


def contrast_clause(flat: str, lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """The part of the sentence ``flat[lo:hi]`` that holds ``a``..``b``: from the last :data:`CONTRAST`
    mark before ``a`` (after it) to the first after ``b`` (before it)."""
    start = lo
    for mark in CONTRAST.finditer(flat, lo, a):
        start = mark.end()
    stop = CONTRAST.search(flat, b, hi)
    return start, hi if stop is None else stop.start()
