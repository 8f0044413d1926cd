"""A translation says no more than its original: a number, or a claim that something was held (someone
took part, chaired, led), in one language of a text (a record's ``sv``/``en``) and not in the other is
a warning naming the field. Accepted (a gloss may spell a number out), but for a person to check: an
English note that adds "42 organisations took part" to a Swedish one that says nothing of the kind
publishes a fact no source states.

Numbers are compared as values: digits with their group separators taken out ("1 000", "1,000"), and
the number words of both languages ("femton", "fifteen") as the numbers they name, so a Swedish
quotation kept in the English text counts as in both. A number of more than :data:`typedyaml.MAX_DIGITS`
digits is compared as its digits (leading zeros aside) and never made an ``int``: Python refuses to
convert more than 4,300 digits. A warning lists at most five numbers, each cut as
:func:`typedyaml.quoted` cuts a quotation.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError, Where
from .records import Corpus, Text
from .typedyaml import MAX_DIGITS, QUOTED

__all__ = ["HELD_WORDS", "translation_warnings"]

#: Words that claim something was held: someone took part, chaired or led, by language.
HELD_WORDS = {
    "sv": r"deltog|deltagit|medverkade|medverkat|närvarade|ledde|leddes|letts|lett av|ordförande",
    "en": r"took part|taken part|participated|participating|attended|chaired|chairing|was led|were led|led by|"
    r"chair(?:ed)?|present at",
}
_HELD = {lang: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for lang, words in HELD_WORDS.items()}

_WORDS = {
    "en": 1, "ett": 1, "one": 1, "två": 2, "two": 2, "tre": 3, "three": 3, "fyra": 4, "four": 4, "fem": 5,
    "five": 5, "sex": 6, "six": 6, "sju": 7, "seven": 7, "åtta": 8, "eight": 8, "nio": 9, "nine": 9, "tio": 10,
    "ten": 10, "elva": 11, "eleven": 11, "tolv": 12, "twelve": 12, "tretton": 13, "thirteen": 13, "fjorton": 14,
    "fourteen": 14, "femton": 15, "fifteen": 15, "sexton": 16, "sixteen": 16, "sjutton": 17, "seventeen": 17,
    "arton": 18, "eighteen": 18, "nitton": 19, "nineteen": 19, "tjugo": 20, "twenty": 20, "trettio": 30,
    "thirty": 30, "fyrtio": 40, "forty": 40, "femtio": 50, "fifty": 50, "sextio": 60, "sixty": 60, "sjuttio": 70,
    "seventy": 70, "åttio": 80, "eighty": 80, "nittio": 90, "ninety": 90, "hundra": 100, "hundred": 100,
}  # fmt: skip
#: Approximations spelt as one word in Swedish ("ett trettiotal", "ett sextiotal"): the tens they name.
_TAL = re.compile(r"\b(tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra)tal(?:et|en)?\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d{1,3}(?:[ \u00a0,]\d{3})+(?!\d)|\d+")
#: Addresses: their digits are part of a name, not numbers the text states.
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:se|eu|org|com|net)(?:/\S*)?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


def _value(digits: str) -> int | str:
    """A run of digits as its number, or as its digits without leading zeros where it is too long for
    an ``int`` to be worth making (more than :data:`typedyaml.MAX_DIGITS`)."""
    digits = re.sub(r"[ \u00a0,]", "", digits).lstrip("0") or "0"
    return int(digits) if len(digits) <= MAX_DIGITS else digits


def numbers(text: str) -> set[int | str]:
    """The numbers ``text`` names, in digits or in words of either language (a number of more than
    :data:`typedyaml.MAX_DIGITS` digits as its digits, a string)."""
    text = _URL.sub(" ", text)
    found: set[int | str] = {_value(d) for d in _DIGITS.findall(text)}
    found |= {_WORDS[m[1].lower()] for m in _TAL.finditer(text)}
    # 'en'/'ett' are also the indefinite article: only a spelt-out number from two on counts as a number
    found |= {_WORDS[w] for w in (w.lower() for w in _WORD.findall(text)) if w in _WORDS and _WORDS[w] > 1}
    return found


def _order(number: int | str) -> tuple[int, str]:
    return len(str(number)), str(number)  # digits without leading zeros: longer is larger


def listed(numbers: list[int | str], most: int = 5) -> str:
    """At most ``most`` of ``numbers``, a long one cut to its first digits and its length, and how
    many more there are."""
    shown = [str(n) if len(str(n)) <= QUOTED else f"{str(n)[:20]}… ({len(str(n)):,} digits)" for n in numbers[:most]]
    return ", ".join(shown) + (f" and {len(numbers) - most:,} more" if len(numbers) > most else "")


def _texts(record: object, lines: object, path: str) -> Iterator[tuple[str, Text, object]]:
    """(field path, text, the lines to name it by) for each Text in ``record`` and what it holds."""
    if isinstance(record, Text):
        yield path, record, record.lines or lines
        return
    if not dataclasses.is_dataclass(record):
        return
    own = getattr(record, "lines", None) or lines
    for f in dataclasses.fields(record):
        if f.name == "lines":
            continue
        value = getattr(record, f.name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from _texts(item, own, f"{f.name}[{i}]")
        elif value is not None and not isinstance(value, (str, int, float, bool)):
            yield from _texts(value, own, f.name)


def translation_warnings(corpus: Corpus) -> list[InputError]:
    """A number or a held claim in one language of a text and not in the other, for every record's texts."""
    found: list[InputError] = []
    for attr in ("sources", "bodies", "posts", "people", "organisations", "meetings"):
        for record in getattr(corpus, attr):
            for path, text, lines in _texts(record, None, ""):
                if not text.en:
                    continue
                where = lines.where("en") if lines is not None else Where(Path("?"), 0, f"{path}.en")  # type: ignore[attr-defined]
                if text.lines is None and lines is not None:  # a text written as a bare string has no lines of its own
                    where = lines.where(path)  # type: ignore[attr-defined]
                sv, en = numbers(text.sv), numbers(text.en)
                for lang, extra in (("sv", sorted(sv - en, key=_order)), ("en", sorted(en - sv, key=_order))):
                    if extra:
                        other = "en" if lang == "sv" else "sv"
                        found.append(
                            InputError(
                                where,
                                f"the {lang} text names {listed(extra)}, which the {other} text does not",
                                "the two languages to state the same numbers",
                            )
                        )
                held = {lang: bool(_HELD[lang].search(getattr(text, lang))) for lang in ("sv", "en")}
                if held["sv"] != held["en"]:
                    lang = "sv" if held["sv"] else "en"
                    other = "en" if lang == "sv" else "sv"
                    found.append(
                        InputError(
                            where,
                            f"the {lang} text says someone took part, chaired or led "
                            f"({_HELD[lang].search(getattr(text, lang))[0]!r}), which the {other} text does not",  # type: ignore[index]
                            "the two languages to make the same claims",
                        )
                    )
    return found
