"""A count's number and its marks must be the ones its words give (a load-time check).

A count (``invited_count``, ``organisation_count``, ``participant_count``) keeps the source's words
(``text``) and the number they give (``value``), marked ``approximate`` where the words round it and
``bound`` where they bound it. Where the words give a number (digits, a number word such as "femton",
"ett 40-tal", "ett trettiotal"), each disagreement is refused with the meeting file, the line of the
field and what is expected:

- ``value`` is not a number the words give ("Drygt 50" with ``value: 75``), or is missing;
- ``bound`` on words that round the number ("ett 40-tal", "cirka 40", "runt tio", "omkring",
  "ungefär"): an approximation is not a floor or a ceiling; or a bound the other way round from the
  words ("knappt 60" is at most 60, "drygt 50" at least 50);
- ``approximate`` on words that bound the number ("drygt", "över", "minst", "fler än", "mer än",
  "knappt", "nästan"): "drygt 50" is more than 50, not about 50;
- neither mark where the words round or bound the number: it would read as exact.

The number words are read by :func:`number_value`, which the importer uses too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, Where
from .typedyaml import MAX_DIGITS

if TYPE_CHECKING:
    from .records import Corpus, Count, Meeting

__all__ = [
    "APPROXIMATE",
    "AT_LEAST",
    "AT_MOST",
    "COUNTS",
    "Reading",
    "check_counts",
    "number_value",
    "numbers_in",
]

_UNITS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9}
_TEENS = {
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
}
_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90}

#: Words that round a number ("ett 40-tal", "cirka 40"): the number is given or taken.
APPROXIMATE = re.compile(r"-?tal\b|\b(?:runt|cirka|ca|omkring|ungefär|närmare|uppemot)\b", re.IGNORECASE)
#: Words that give a lower bound, not the number (records.Count.bound at-least): "drygt 50" is more than 50.
AT_LEAST = re.compile(r"\b(?:drygt|över|minst|fler än|mer än)\b", re.IGNORECASE)
#: Words that give an upper bound (records.Count.bound at-most): "knappt 60" is fewer than 60.
AT_MOST = re.compile(r"\b(?:knappt|nästan)\b", re.IGNORECASE)

#: The count fields of a meeting.
COUNTS = ("invited_count", "organisation_count", "participant_count")


def number_value(words: str) -> int | None:
    """The number ``words`` state exactly: digits or one Swedish number word up to 99 ("femton", "tjugotre").

    Anything looser gives ``None``: "ett 40-tal", "drygt 20", "ett tjugotal" state no exact number.
    """
    word = words.strip().casefold()
    if re.fullmatch(r"\d+", word):  # more digits than a count may have (typedyaml.MAX_DIGITS) state none
        digits = word.lstrip("0") or "0"  # leading zeros never reach int(): 5,000 of them passed its limit
        return int(digits) if len(digits) <= MAX_DIGITS else None
    if word in _UNITS or word in _TEENS:
        return _UNITS.get(word) or _TEENS[word]
    for tens, value in _TENS.items():
        if word == tens:
            return value
        if word.startswith(tens) and word[len(tens) :] in _UNITS and word[len(tens) :] != "en":
            return value + _UNITS[word[len(tens) :]]
    return None


@dataclass(frozen=True)
class Reading:
    """A number in a count's words: its value, and how the words give it."""

    value: int
    kind: str  # "exact", "approximate", "at-least" or "at-most"
    words: str  # the words giving it, such as "ett 40-tal" or "Drygt 50"


_TOKEN = re.compile(r"[^\s,.;:()\"”“]+")
#: Bounding or rounding words: up to two words right before a number.
_BEFORE = 2


def _token_value(word: str) -> tuple[int, bool] | None:
    """The number one word gives and whether the word itself rounds it ("40-tal", "trettiotal")."""
    w = word.casefold()
    if w in ("en", "ett"):  # the article ("ett 40-tal", "en organisation"), not a count
        return None
    if m := re.fullmatch(r"(\d+)-tal", w):
        value = number_value(m[1])
        return (value, True) if value is not None else None
    if (value := number_value(w)) is not None:
        return value, False
    if w == "hundratal":
        return 100, True
    if w.endswith("tal") and (value := number_value(w[:-3])) is not None:
        return value, True
    return None


def numbers_in(text: str) -> list[Reading]:
    """Every number a count's words give, in order, with how they give it (the words right before a
    number say whether they bound or round it)."""
    tokens = list(_TOKEN.finditer(text))
    found = []
    for i, token in enumerate(tokens):
        read = _token_value(token.group())
        if read is None:
            continue
        value, rounds = read
        before = [t.group() for t in tokens[max(0, i - _BEFORE) : i]]
        two = " ".join(before[-2:]) if len(before) == 2 and before[-1].casefold() == "än" else ""
        lead = before[-1] if before else ""
        if two and AT_LEAST.fullmatch(two) or AT_LEAST.fullmatch(lead):
            kind, marks = "at-least", 2 if two else 1
        elif AT_MOST.fullmatch(lead):
            kind, marks = "at-most", 1
        elif APPROXIMATE.fullmatch(lead):
            kind, marks = "approximate", 1
        else:
            kind, marks = ("approximate" if rounds else "exact"), 0
        start = tokens[i - marks].start()
        found.append(Reading(value, kind, text[start : token.end()]))
    return found


def check_counts(corpus: Corpus) -> list[InputError]:
    """Every count whose value, bound or approximation is not what its words give."""
    errors: list[InputError] = []
    for m in corpus.meetings:
        for name in COUNTS:
            count = getattr(m, name)
            if count is not None:
                errors += _check(m, name, count)
    return errors


_KIND_WORDS = {
    "approximate": "round it (approximate: true)",
    "at-least": "give a lower bound (bound: at-least)",
    "at-most": "give an upper bound (bound: at-most)",
    "exact": "state it exactly",
}


def _check(m: Meeting, name: str, count: Count) -> list[InputError]:
    readings = numbers_in(count.text)
    if not readings:
        return []

    def where(field: str) -> Where:
        if count.lines:
            return count.lines.where(field if field in count.lines.fields else "text")
        return Where(Path(f"meetings/{m.id}.yaml"), 0, f"{name}.{field}")

    given = ", ".join(dict.fromkeys(str(r.value) for r in readings))
    if count.value not in {r.value for r in readings}:
        what = f"value {count.value}" if count.value is not None else "no value"
        return [
            InputError(
                where("value"),
                f"{name}: {what}, but its words {count.text!r} give {given}",
                f"value: {given.split(', ')[0]}, the number the words give (a bound or a round number is "
                "the value, marked with bound or approximate)",
            )
        ]
    reading = next(r for r in readings if r.value == count.value)
    marked = count.bound or ("approximate" if count.approximate else "exact")
    if marked == reading.kind or reading.kind == "exact":
        return []
    field = "bound" if count.bound else "approximate" if count.approximate else "value"
    expected = {
        "approximate": "approximate: true and no bound",
        "at-least": "bound: at-least and no approximate",
        "at-most": "bound: at-most and no approximate",
    }[reading.kind]
    says = f"bound: {count.bound}" if count.bound else "approximate: true" if count.approximate else "neither mark"
    return [
        InputError(
            where(field),
            f"{name}: {says}, but its words {reading.words!r} {_KIND_WORDS[reading.kind].split(' (')[0]}",
            f"{expected}, as the words give the number",
            'docs/adding-a-meeting.md, "invited_count, organisation_count"',
        )
    ]
