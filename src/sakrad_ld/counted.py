"""A count's number and its marks must be the ones its words give (a load-time check).

A count (``invited_count``, ``organisation_count``, ``participant_count``) keeps the source's words
(``text``) and the number they give (``value``), marked ``approximate`` where the words round it and
``bound`` where they bound it. Where the words give a number (digits, a number word such as "femton",
"ett 40-tal", "ett trettiotal", or its English counterpart: "twelve", "twenty-five", "some forty"), each disagreement is refused with the meeting file, the line of the
field and what is expected:

- ``value`` is not a number the words give ("Drygt 50" with ``value: 75``), or is missing;
- ``bound`` on words that round the number (:data:`ROUNDING`, "-tal"): an approximation is not a floor
  or a ceiling; or a bound the other way round from the words ("knappt 60" is at most 60, "drygt 50" at
  least 50; :data:`LOWER`, :data:`UPPER`);
- ``approximate`` on words that bound the number: "drygt 50" is more than 50, "uppemot 30" up to 30,
  not about 50 or 30;
- ``approximate`` or ``bound`` on words that state the number exactly ("30 organisationer"): the
  release would say "about 30" where the source says 30;
- neither mark where the words round or bound the number: it would read as exact;
- a ``value`` on words that give no number ("några dussin", "several dozen"), or words quoted from a
  number's name on ("dozen organisations" out of "a couple of dozen organisations").

The words round or bound the number however the source writes them: inflected ("dryga 20", "knappa
20"), abbreviated ("c:a 20", "omkr. 20"), as a sign (:data:`SIGNS`: "~20", "> 20"), right after the number
(:data:`AFTER`: "20+", "20-odd", "a dozen or so", "20 eller fler"), after its noun and a comma at its
clause's end (:data:`TRAILING`: "25 organisationer, ungefär."), as a decade's "-talet" ("20-talet"), or
in other words for the same (:data:`LOWER`, :data:`UPPER`: "gott och väl 20", "nära 20", "bortåt 20"). A
number before a word naming one multiplies it ("två dussin" and "two dozen" are 24, "ett par dussin" about
24: :data:`NAMED_NUMBERS`, :data:`COUPLE`), and a range is read in number words too ("tjugo-tjugofem").

In "A av B" ("12 av 25 inbjudna deltog", "Av de 25 inbjudna kom 12", "12 of the 25 invited attended") A
counts those the verb says took part and B the whole, those invited or asked (:func:`parts_in`): a count
of those who took part whose ``value`` is B is refused, as an ``invited_count`` whose value is A; a part
that is no number ("hälften av de 30", "alla utom 3 av 20") gives no count of those who took part.
"samtliga av de 25" and "en av de tio personer som deltog" make the whole those who took part.

A count right after a comparison's words ("I år deltog 25, jämfört med 40 förra året", "compared with
40") is the other time's or meeting's: it counts no one of this meeting. A label or subject naming those
who took part right before the count ("Deltagare: 35 personer", "Antalet deltagare var 35") and being
represented ("14 organisationer var representerade") say the count took part.

A negation before a comparison turns it round: "inte fler än 20" is at most 20, "inte färre än 20" at
least 20. The words of the kept text right before the count's words are read too (stated.py), so a
bound the source gives is not lost where ``text`` leaves it out.

A count of one group names it (``group``, published as ``sakrad:countedGroup``): the group must stand
word for word in the count's words ("representanter för Regeringskansliet" in "ett tiotal representanter
för Regeringskansliet"), else it is refused at its ``group`` line, as the shapes refuse it
(shp:CountedGroupInWording). The further groups of people a source counts apart
(``other_participant_counts``) are participant counts: every check here is made on each of them too, named
by its place (``other_participant_counts[0].value``). A count of people whose words say where they came
from ("från …", "för …") but that names no group is not refused here: the shapes warn of it
(shp:ParticipantCountOfAGroup), as its words are read by a pattern, not understood, and loading does not
repeat the warning.

A message quotes at most :data:`typedyaml.QUOTED` characters of the words and five of the numbers.
The number words are read by :func:`number_value`, which the importer uses too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import clauses
from .clauses import LazyPattern
from .errors import InputError, Where
from .typedyaml import MAX_DIGITS, quoted

if TYPE_CHECKING:
    from .records import Corpus, Count, Meeting

__all__ = [
    "AFTER",
    "APPROXIMATE",
    "AT_LEAST",
    "AT_MOST",
    "COMPARISONS",
    "COUNTS",
    "COUPLE",
    "EN_LOWER",
    "EN_ROUNDING",
    "EN_UPPER",
    "LOWER",
    "MARKS",
    "MARK_ABBREVIATIONS",
    "NEGATED",
    "NUMBER_WORDS",
    "OTHER_NOUNS",
    "PART_WORDS",
    "ROUNDING",
    "ROUNDING_SUFFIX",
    "SIGNS",
    "SOME_OF",
    "TRAILING",
    "UPPER",
    "Part",
    "Reading",
    "check_counts",
    "count_claim",
    "count_source",
    "meeting_counts",
    "number_value",
    "numbers_in",
    "parts_in",
    "trailing_mark",
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
#: The English number words up to 99 ("twelve", "forty", "twenty-five"), read as the Swedish ones are: a count
#: worded in English ("Twelve organisations took part") gives its number, compared with the count's value.
EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
EN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
           "ninety": 90}  # fmt: skip

#: The words before a number that round it, as Swedish uses them ("cirka 40"): the number is given or
#: taken. A number ending in "-tal" ("ett 40-tal", "ett trettiotal") is rounded too (:data:`ROUNDING_SUFFIX`).
#: docs/adding-a-meeting.md lists these words exactly (tests/test_counted.py compares the two).
ROUNDING = (
    "cirka",
    "ca",
    "c:a",
    "ungefär",
    "ungefärligen",
    "omkring",
    "omkr",
    "runt",
    "kring",
    "uppskattningsvis",
    "i storleksordningen",
    "i runda tal",
    "i runda slängar",
    "grovt räknat",
)
ROUNDING_SUFFIX = "-tal"
#: The English words before a number that round it ("About 40 organisations attended"), listed beside
#: :data:`ROUNDING` in docs/adding-a-meeting.md; the translation check reads them too (translated.py).
EN_ROUNDING = ("about", "around", "approximately", "approx", "roughly", "some", "circa", "c", "ca", "an estimated",
               "in the region of", "on the order of", "of the order of", "something like", "more or less")  # fmt: skip
#: The words before a number that give a lower bound (records.Count.bound at-least): "drygt 50" is more
#: than 50 (and "dryga 50", as the word is inflected), "minst 50" 50 or more, "gott och väl 50" well over it.
LOWER = ("drygt", "dryga", "över", "minst", "åtminstone", "fler än", "mer än", "som minst", "minimum", "gott och väl")
#: The words before a number that give an upper bound (records.Count.bound at-most): "knappt 60" (and
#: "knappa 60") is fewer than 60; "uppemot 30", "upp till 30", "högst 30" and "som mest 30" are up to 30,
#: "närmare 30", "nära 30", "bortåt 30", "uppåt 30" and "nästan 30" just under it, "långt ifrån 30" well
#: under it: none of them is about 30.
UPPER = (
    "knappt",
    "knappa",
    "nästan",
    "närapå",
    "nästintill",
    "närmare",
    "nära",
    "inemot",
    "bortåt",
    "bortemot",
    "uppåt",
    "uppemot",
    "upp emot",
    "upp mot",
    "upp till",
    "högst",
    "som mest",
    "under",
    "färre än",
    "mindre än",
    "max",
    "maximalt",
    "som högst",
    "långt ifrån",
)
#: English words before a number that give a lower bound (as :data:`LOWER`: "More than 40 organisations
#: attended"); "no fewer than" and "not more than" are read as a negation before a comparison too.
EN_LOWER = ("more than", "over", "at least", "upwards of", "upward of", "in excess of", "just over", "above",
            "no fewer than", "no less than", "well over", "a little over", "slightly more than", "a little more than",
            "a minimum of", "at the least", "a good", "north of")  # fmt: skip
#: English words before a number that give an upper bound (as :data:`UPPER`).
EN_UPPER = ("fewer than", "less than", "under", "at most", "up to", "nearly", "almost", "just under", "close to",
            "close on", "getting on for", "well under", "shy of", "just shy of", "below", "no more than",
            "not more than", "not quite", "just short of", "far from", "nowhere near", "at the most", "a maximum of",
            "maximum")  # fmt: skip
#: Signs before a number that round or bound it ("~20", "≈ 20", "> 20", "≤ 20"), and the one after it that
#: gives a lower bound ("20+"): read as the words are.
SIGNS = {"~": "approximate", "∼": "approximate", "≈": "approximate", ">": "at-least", "≥": "at-least",
         "<": "at-most", "≤": "at-most"}  # fmt: skip
#: Words right after a number (or after it and its noun) that round or bound it, in both languages: "20-odd",
#: "20 or so", "a dozen or so", "20 eller så" round it; "20+", "20-plus", "20 eller fler", "20 and over" give
#: a lower bound, "20 eller färre", "20 or fewer" an upper one.
AFTER = {
    "approximate": ("odd", "or so", "or thereabouts", "give or take", "eller så", "på ett ungefär"),
    "at-least": ("+", "plus", "or more", "and more", "and over", "and above", "and up", "and upwards", "eller fler",
                 "eller mer", "och fler", "och uppåt", "eller ännu fler"),
    "at-most": ("or fewer", "or less", "and under", "and below", "eller färre", "eller mindre", "och färre",
                "och nedåt"),
}  # fmt: skip
#: Abbreviations of the words that round or bound a number, with their '.' ("ca. 40", "approx. 40", "max.
#: 30"): the '.' ends no sentence (stated.ABBREVIATIONS holds them).
MARK_ABBREVIATIONS = ("ca.", "approx.", "max.", "omkr.")


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(words, key=len, reverse=True))


#: The words that round or bound a number standing after the count's words at its clause's end, a comma, a
#: dash or a parenthesis and at most two words (a verb, not a preposition's phrase) between ("Det deltog 25
#: organisationer, ungefär.", "25 organisationer deltog, minst.", "25 organisationer (ungefär) deltog", "25
#: organisations, roughly"): read as the same words before the number are.
TRAILING = {
    "approximate": (*ROUNDING, *EN_ROUNDING, "ungefär", "typ", "or so", "give or take", "på ett ungefär"),
    "at-least": ("minst", "åtminstone", "som minst", "at least", "at the least", "or more", "eller fler"),
    "at-most": ("högst", "som mest", "max", "at most", "at the most", "or fewer", "eller färre"),
}  # fmt: skip
_TRAILING = LazyPattern(
    r"^(?: (?!(?:och|samt|men|and|but|i|på|in|at|från|from|av|of)(?!\w))[\w-]+){0,2}(?:,? | - | ?\()(?:"
    + "|".join(rf"(?P<{kind.replace('-', '_')}>{_words(words)})" for kind, words in TRAILING.items())
    + r")\.?(?= ?(?:[.,;:!?)\x00\n]|$))"
)


def trailing_mark(flat: str, b: int) -> tuple[str, str] | None:
    """The mark (``approximate``, ``at-least``, ``at-most``) and its words that a word right after a
    count's words ending at ``b`` in ``flat`` gives the number, after a comma at its clause's end
    (:data:`TRAILING`: "25 organisationer, ungefär."); None where none does."""
    found = _TRAILING.match(flat[b : b + 40])
    if found is None:
        return None
    kind = next(k for k in TRAILING if found.group(k.replace("-", "_")) is not None)
    return kind, found.group().strip(" ,.")


#: Words that round a number ("ett 40-tal", "cirka 40", "about 40"), in both languages, as a pattern.
APPROXIMATE = LazyPattern(rf"-?tal\b|\b(?:{_words((*ROUNDING, *EN_ROUNDING))})\b", re.IGNORECASE)
#: Words that give a lower bound, in both languages, as a pattern.
AT_LEAST = LazyPattern(rf"\b(?:{_words((*LOWER, *EN_LOWER))})\b", re.IGNORECASE)
#: Words that give an upper bound, in both languages, as a pattern.
AT_MOST = LazyPattern(rf"\b(?:{_words((*UPPER, *EN_UPPER))})\b", re.IGNORECASE)
#: The comparisons a negation before them turns round: "inte fler än 20" is at most 20, "inte under 20"
#: and "not fewer than 20" at least 20.
COMPARISONS = frozenset(
    {"fler än", "mer än", "över", "färre än", "mindre än", "under", "more than", "fewer than", "less than", "over"}
)
#: The words of a negation before a comparison.
NEGATED = frozenset({"inte", "ej", "icke", "not", "no"})
#: Every word before a number that rounds or bounds it, in both languages (the importer finds counts with
#: these).
MARKS = (*ROUNDING, *LOWER, *UPPER, *EN_ROUNDING, *EN_LOWER, *EN_UPPER)

#: The count fields of a meeting.
COUNTS = ("invited_count", "organisation_count", "participant_count")
#: The further groups of people a source counts apart from ``participant_count``'s, each a count of
#: participants of its own (records.Meeting.other_participant_counts).
OTHER_COUNTS = "other_participant_counts"


def meeting_counts(m: Meeting) -> Iterator[tuple[str, str, Count]]:
    """Each count of ``m`` as (the count field whose kind it is, its field path, the count): the fields of
    :data:`COUNTS` by their names, then each further group's count as a ``participant_count`` at
    ``other_participant_counts[i]`` (0-based, as loading names list items)."""
    for name in COUNTS:
        if (count := getattr(m, name)) is not None:
            yield name, name, count
    for i, count in enumerate(getattr(m, OTHER_COUNTS, ())):
        yield "participant_count", f"{OTHER_COUNTS}[{i}]", count


def count_source(m: Meeting, kind: str, count: Count) -> str:
    """The document a count is credited to, as the release credits it: its own ``source``, else the one
    ``fact_sources`` credits its kind to (a further group's count: ``participant_count``'s), else the main one."""
    return count.source or m.source_of(kind)


def number_value(words: str) -> int | None:
    """The number ``words`` state exactly: digits or one number word up to 99, Swedish ("femton", "tjugotre")
    or English ("fifteen", "twenty-three", :data:`EN_TENS`).

    Anything looser gives ``None``: "ett 40-tal", "drygt 20", "ett tjugotal" state no exact number.
    """
    word = words.strip().casefold()
    # decimal digits (\d+'s, any script's); more than a count may have (typedyaml.MAX_DIGITS) state none
    if word.isdecimal():
        digits = word.lstrip("0") or "0"  # leading zeros never reach int(): 5,000 of them passed its limit
        return int(digits) if len(digits) <= MAX_DIGITS else None
    if word in _UNITS or word in _TEENS:
        return _UNITS.get(word) or _TEENS[word]
    for tens, value in _TENS.items():
        if word == tens:
            return value
        if word.startswith(tens) and word[len(tens) :] in _UNITS and word[len(tens) :] != "en":
            return value + _UNITS[word[len(tens) :]]
    if (value := EN_UNITS.get(word) or EN_TEENS.get(word) or EN_TENS.get(word)) is not None:
        return value
    tens, _, unit = word.partition("-")
    return EN_TENS[tens] + EN_UNITS[unit] if tens in EN_TENS and unit in EN_UNITS else None


#: Every word of letters :func:`number_value` reads as a number, with the number: "två", "tolv", "tjugotre",
#: "twelve", "forty", … (casefolded; 'en', 'ett' and 'one' are 1; not the English joined with a hyphen,
#: "twenty-three", two words to a reader of words). A lookup here answers as the function does for such a
#: word, without its search through the tens.
NUMBER_WORDS = {
    w: v
    for w in (*_UNITS, *_TEENS, *_TENS, *(t + u for t in _TENS for u in _UNITS), *EN_UNITS, *EN_TEENS, *EN_TENS)
    if (v := number_value(w)) is not None
}


@dataclass(frozen=True)
class Reading:
    """A number in a count's words: its value, and how the words give it."""

    value: int
    kind: str  # "exact", "approximate", "at-least" or "at-most"
    words: str  # the words giving it, such as "ett 40-tal" or "Drygt 50"


#: A number in groups of three digits ("1 200", "1.200", "12 000", the English "1,200"; a no-break or thin
#: space folds to a space): one number, never its last group alone ("200" is not read inside "1 200").
_GROUPED = r"(?<![\d.])\d{1,3}(?:[ \u00a0\u2009\u202f.]\d{3})+(?![\d])|(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])"
#: Words that name a number (one table: the translation check reads it too, translated.py): "ett dussin"
#: is 12, exactly; "ett dussintal" about 12; "ett halvdussin" 6. A number before the word multiplies it
#: ("två dussin", "two dozen": 24); "ett par dussin" and "a couple of dozen" are about 24 (:data:`COUPLE`).
NAMED_NUMBERS = {"dussin": 12, "dozen": 12, "halvdussin": 6}
#: Words before a word that names a number that make it a few of them, about two ("ett par dussin", "a
#: couple of dozen", "a couple dozen"): about twice the number.
COUPLE = frozenset({"par", "couple", "pair"})
#: Words before a word that names a number that make it an unknown many of them ("några dussin", "flera
#: dussin", "a few dozen", "several dozen"): the words give no number.
SOME_OF = frozenset({"några", "flera", "många", "antal", "tiotal", "few", "several", "many", "numerous"})
#: Words before a word that names a number that halve it ("ett halvt dussin", "half a dozen").
_HALF = frozenset({"halvt", "halv", "half"})
#: The articles before a word that names a number ("ett dussin", "a dozen"): the words before them bound it.
_ARTICLES = frozenset({"ett", "en", "a"})
#: Words of the whole that may stand between a bounding or rounding word and its number ("högst
#: sammanlagt 30", "inte fler än totalt 30", "not more than altogether 30").
WHOLE_WORDS = frozenset({"totalt", "sammanlagt", "sammantaget", "altogether"})
#: Bounding or rounding words: up to four words right before a number ("in the region of 40").
_BEFORE = 4
_MARK_KINDS = (("at-least", AT_LEAST), ("at-most", AT_MOST), ("approximate", APPROXIMATE))
#: A number word's endings that round it ("20-talet", "tjugotalet", "40-tal") or bound it ("20-plus"), or
#: round it in English ("20-odd").
_ENDINGS = (("-talet", "approximate"), ("talet", "approximate"), ("-tal", "approximate"), ("tal", "approximate"),
            ("-plus", "at-least"), ("-odd", "approximate"))  # fmt: skip


def _token_value(word: str) -> tuple[int, str] | None:
    """The number one word gives and how the word itself gives it: "exact", or "approximate" where it
    rounds it ("40-tal", "trettiotal", "20-talet", "20-odd"), "at-least" where it bounds it ("20-plus")."""
    w = word.casefold()
    if re.fullmatch(_GROUPED, w):
        w = re.sub(r"\D", "", w)
    if w in NAMED_NUMBERS:
        return NAMED_NUMBERS[w], "exact"
    if w in _ONE:  # the article ("ett 40-tal", "en organisation", "one of the"), not a count
        return None
    if (value := number_value(w)) is not None:
        return value, "exact"
    if w in ("hundratal", "hundratalet"):
        return 100, "approximate"
    for ending, kind in _ENDINGS:
        stem = w.removesuffix(ending)
        if stem == w or not stem or (ending.startswith("t") and stem[-1:].isdigit()):
            continue
        if stem in NAMED_NUMBERS:
            return NAMED_NUMBERS[stem], kind
        if (value := number_value(stem)) is not None and stem not in _ONE:
            return value, kind
    return None


def _longest_first(words: Iterable[str]) -> str:
    """An alternation of ``words`` (letters), the longest first: where several begin at one place, the
    longest is read."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


def _composed(words: set[str]) -> str:
    """The alternation of ``words`` (Swedish number words), read as :func:`_longest_first` reads them, with
    the tens and their units in one part: "(?:tjugo|trettio|…)(?:fyra|åtta|…)?" for "tjugo", "tjugofyra",
    "trettio", …, then the other words, the longest first. The same word is read at each place: the tens
    (five letters or more) with a unit first, then alone, then the rest, the longest first, and no tens is
    the beginning of another tens (its unit would be a unit of the shorter, and the words endless): every
    word that begins with a tens is a tens with a unit, and the others are shorter than those they begin.
    Several times shorter to compile, in every pattern that reads a number word (:data:`RANGE` holds six).
    The plain alternation when ``words`` are not so made (a tens with one unit and not another)."""
    tens = [t for t in _TENS if t in words]
    units = {w[len(t) :] for t in tens for w in words if w.startswith(t) and w != t}
    composed = {t + u for t in tens for u in units}
    rest = words - composed - set(tens)
    if not tens or not composed <= words:
        return _longest_first(words)
    return "|".join((f"(?:{'|'.join(tens)})(?:{_longest_first(units)})?", *filter(None, [_longest_first(rest)])))


#: The Swedish words of :data:`NUMBER_WORDS` as a pattern's alternatives (:func:`_composed`).
_SWEDISH_NUMBER_WORD = _composed({w for w in NUMBER_WORDS if w not in EN_UNITS | EN_TEENS | EN_TENS})
#: Every word of :data:`NUMBER_WORDS` as a pattern's alternatives: the Swedish ones (:func:`_composed`), the
#: English ones by their parts ("twenty(-three)?", never "twenty" alone out of "twenty-three": a range's dash
#: is no part of it), a shorter pattern to compile.
_NUMBER_WORD = "|".join(
    (
        _SWEDISH_NUMBER_WORD,
        rf"(?:{'|'.join(EN_TENS)})(?:-(?:{'|'.join(EN_UNITS)}))?+",
        *sorted((*EN_TEENS, *EN_UNITS), key=len, reverse=True),
    )
)
_A_NUMBER = rf"(?:\d+|(?:{_NUMBER_WORD}))"
#: A number before a dash and another number ("10" of "10–12", "tjugo" of "tjugo-tjugofem", "ten" of
#: "ten-twelve"; not "twenty" of "twenty-five", one number).
_RANGE_START = (
    r"\d+|"
    + _SWEDISH_NUMBER_WORD
    + "|"
    + "|".join(sorted((*EN_TEENS, *EN_UNITS), key=len, reverse=True))
    + rf"|(?:{'|'.join(EN_TENS)})(?!-(?:{'|'.join(EN_UNITS)})(?!\w))"
)
_SIGN = "".join(SIGNS) + "+"
#: A word of a count: a number in groups, "c:a" (read with its colon: the kept text's words may come spaced,
#: "c : a"), a number and a dash before another ("10" and "–" of "10–12", "tjugo" and "-" of
#: "tjugo-tjugofem": a range, :data:`RANGE`), a sign (:data:`SIGNS`, "+"), any other run of characters
#: between spaces and marks.
_TOKEN = LazyPattern(
    rf"{_GROUPED}|(?<!\w)c ?: ?a(?!\w)|(?<![\w-])(?:{_RANGE_START})(?=[–—-]{_A_NUMBER}(?![\w-]))|"
    rf"(?<=\w)[–—-](?={_A_NUMBER}(?![\w-]))|\d+(?=[–—-]\d)|(?<=\d)[–—-](?=\d)|[{_SIGN}]|[^\s,.;:()\"”“{_SIGN}]+",
    re.IGNORECASE,
)


def _after_words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(words, key=len, reverse=True))


_AFTER_ONE = {"+", "plus", "odd"}
#: The end of a count's words or its clause, or its verb, after a mark of :data:`AFTER` that bounds it: "20
#: organisationer eller fler deltog", not "20 organisationer och fler myndigheter".
_AFTER_END = r"(?=\s*(?:$|[,.;:!?)|\x00]|(?:deltog|deltar|kom|närvarade|medverkade|var|took part|attended|came|participated|were|was)(?!\w)))"
#: A mark of :data:`AFTER` right after a number ("20+", "20 plus", "20-odd", "20 eller fler organisationer"),
#: or of more words after it and at most one noun ("20 organisationer eller fler", "a dozen or so"); not one a
#: number goes on from ("20 plus 5"), nor a bound's words after a noun before other words than a verb ("20
#: organisationer och fler myndigheter").
_AFTER = LazyPattern(
    rf"(?:-|(?<=\d)|(?<=\d) | )(?P<one>\+|plus|odd)(?!\w)(?! ?(?:\d|{_NUMBER_WORD})(?!\w))|"
    rf",? (?:[^\W\d]+ )?(?:(?P<rounds>{_after_words(tuple(w for w in AFTER['approximate'] if w not in _AFTER_ONE))})"
    rf"(?!\w)|(?P<more>{_after_words(tuple(w for k in ('at-least', 'at-most') for w in AFTER[k] if w not in _AFTER_ONE))})"
    rf"(?!\w){_AFTER_END})|"
    # right after the number, before its noun, a bound is the number's whatever follows ("20 eller fler
    # organisationer och myndigheter")
    rf" (?P<bound>{_after_words(tuple(w for k in ('at-least', 'at-most') for w in AFTER[k] if w not in _AFTER_ONE))})"
    rf"(?!\w)",
    re.IGNORECASE,
)
_AFTER_KINDS = {w: kind for kind, ws in AFTER.items() for w in ws}
#: A range of two numbers ("10–12", "10 - 12", "tio till tolv", "mellan 10 och 12", "from 10 to 12",
#: "between 10 and 12"): it gives no one count; its low end is at least, its high end at most, how many
#: (:func:`numbers_in`), never an exact count.
RANGE = LazyPattern(
    rf"(?<![\w-])(?:{_A_NUMBER} ?[-–—] ?{_A_NUMBER}|{_A_NUMBER} (?:till|à|to) {_A_NUMBER}|"
    rf"(?:mellan|between) {_A_NUMBER} (?:och|and) {_A_NUMBER})(?![\w-])",
    re.IGNORECASE,
)
#: "c:a" as the kept text's words may give it, spaced ("c : a 20"): read as one word.
_SPACED_CA = LazyPattern(r"(?<!\w)c : a(?!\w)", re.IGNORECASE)


def _range_end(ranges: list[re.Match[str]], tokens: list[re.Match[str]], token: re.Match[str]) -> str | None:
    """How the number ``token`` bounds the count where it is an end of one of ``ranges``: its first number
    "at-least", its last "at-most"; None where it stands in none."""
    for r in ranges:
        if r.start() <= token.start() < r.end():
            ends = [t for t in tokens if r.start() <= t.start() < r.end() and _token_value(t.group())]
            return "at-least" if ends and ends[0].start() == token.start() else "at-most"
    return None


def _english_pair(text: str, tens: re.Match[str], unit: re.Match[str]) -> bool:
    """Whether ``tens`` and ``unit`` are one English number written as two words ("twenty five")."""
    return (
        tens.group().casefold() in EN_TENS
        and unit.group().casefold() in EN_UNITS
        and text[tens.end() : unit.start()] == " "
    )


def _named(token: re.Match[str]) -> bool:
    """Whether ``token`` is a word that names a number ("dussin", "dozen", "dussintal")."""
    w = token.group().casefold()
    return w in NAMED_NUMBERS or any(w.removesuffix(e) in NAMED_NUMBERS for e, _ in _ENDINGS)


def _multiplied(text: str, tokens: list[re.Match[str]], i: int, value: int, kind: str) -> tuple[int, int, str] | None:
    """The word naming a number at ``i`` ("dussin", "dozen") with the words before it that multiply it:
    (its value, the index of its first word, its kind): "två dussin" 24 exactly, "ett par dussin" and "a
    couple of dozen" about 24, "ett halvt dussin" and "half a dozen" 6, "ett dussin" 12. None where the
    words before make it an unknown many ("några dussin", "several dozen")."""
    first = i
    j = i - 1
    if j >= 0 and tokens[j].group().casefold() == "of":  # "a couple of dozen"
        j -= 1
    prev = tokens[j].group().casefold() if j >= 0 else ""
    if prev in SOME_OF:
        return None
    if prev in COUPLE:
        first = j - 1 if j and tokens[j - 1].group().casefold() in _ARTICLES else j
        return value * 2, first, "approximate"
    if prev in _HALF:
        first = j - 1 if j and tokens[j - 1].group().casefold() in _ARTICLES else j
        return value // 2, first, kind
    if prev in _ARTICLES and j and tokens[j - 1].group().casefold() in _HALF:  # "half a dozen"
        return value // 2, j - 1, kind
    if prev in _ARTICLES:
        return value, j, kind
    if j == i - 1 and j >= 0 and text[tokens[j].end() : tokens[i].start()] == " ":
        read = _token_value(tokens[j].group())
        if read is not None and read[1] == "exact" and not _named(tokens[j]):
            return read[0] * value, j, kind  # "två dussin", "two dozen", "3 dussin"
    return value, first, kind


def numbers_in(text: str) -> list[Reading]:
    """Every number a count's words give, in order, with how they give it: the words or sign right before
    a number (:data:`MARKS`, :data:`SIGNS`) or right after it (:data:`AFTER`) say whether they bound or
    round it, a word before a word naming a number multiplies it ("två dussin": 24)."""
    text = _SPACED_CA.sub("c:a", text)
    tokens = list(_TOKEN.finditer(text))
    ranges = list(RANGE.finditer(text))
    found = []
    for i, token in enumerate(tokens):
        if i and _english_pair(text, tokens[i - 1], token):
            continue  # the unit of "twenty five", read with its tens
        read = _token_value(token.group())
        if read is None:
            continue
        value, own = read
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            nxt is not None
            and not _named(token)
            and own == "exact"
            and _named(nxt)
            and text[token.end() : nxt.start()] == " "
        ):
            continue  # "två" of "två dussin", read with the word it multiplies
        if nxt is not None and _english_pair(text, token, nxt):
            value, token = value + EN_UNITS[nxt.group().casefold()], nxt
        first = i
        if _named(token):
            multiplied = _multiplied(text, tokens, i, value, own)
            if multiplied is None:
                continue  # "några dussin": no number
            value, first, own = multiplied
        # a word of the whole between the mark and the number ("högst sammanlagt 30", "inte fler än totalt 30")
        whole = int(first > 0 and tokens[first - 1].group().casefold() in WHOLE_WORDS)
        before = [t.group() for t in tokens[max(0, first - whole - _BEFORE) : first - whole]]
        kind, marks = own, 0
        if before and before[-1] in SIGNS:
            kind, marks = SIGNS[before[-1]], 1
        for n in range(_BEFORE, 0, -1) if not marks else ():  # "fler än 20", "upp till 30" before "än 20"
            lead = " ".join(before[-n:]) if len(before) >= n else ""
            mark = next((k for k, p in _MARK_KINDS if lead and p.fullmatch(lead)), None)
            if mark:
                kind, marks = mark, n
                break
        first -= whole if marks else 0
        # "inte fler än 20" is at most 20, "inte färre än 20" at least 20: a negated comparison
        if (
            marks
            and first - marks > 0
            and tokens[first - marks - 1].group().casefold() in NEGATED
            and " ".join(before[-marks:]).casefold() in COMPARISONS
        ):
            kind, marks = ("at-most" if kind == "at-least" else "at-least"), marks + 1
        start, end = tokens[first - marks].start(), token.end()
        if (after := _AFTER.match(text, token.end())) is not None and (kind == "exact" or not marks):
            said = after["one"] or after["rounds"] or after["more"] or after["bound"]
            kind, end = _AFTER_KINDS[said.casefold()], after.end()
        if (in_range := _range_end(ranges, tokens, token)) is not None:
            kind = in_range
        found.append(Reading(value, kind, text[start:end]))
    return found


#: Words that take a part of a whole without counting it ("hälften av de 30", "majoriteten av de inbjudna",
#: "ett fåtal av", "half of the 30"): the number after "av" is the whole, and the part gives no number.
PART_WORDS = (
    "hälften", "halva", "halvparten", "majoriteten", "merparten", "huvuddelen", "flertalet", "de flesta", "flera",
    "många", "några", "få", "ett fåtal", "fåtalet", "en del", "en minoritet", "minoriteten", "ingen", "inga",
    "varannan", "var tredje", "var fjärde", "en tredjedel", "två tredjedelar", "en fjärdedel", "tre fjärdedelar",
    "en femtedel", "procent", "%", "half", "most", "many", "several", "some", "few", "a few", "none", "a third",
    "two thirds", "a quarter", "three quarters", "per cent", "percent", "the majority", "a majority",
)  # fmt: skip
#: Words for every one of a whole ("samtliga av de 25 inbjudna deltog"): the whole is the part.
_EVERY = frozenset({"alla", "samtliga", "all"})
#: Words between "av" / "of" and the whole's number ("av de 25", "av totalt 25", "of the 25").
_WHOLE_LEAD = (
    r"(?:(?:de|dem|dessa|totalt|sammanlagt|the|these|those|a total of|in all|sina|deras|dess|its|their|"
    r"(?!(?:sakråd|samråd|möt)\w*s )[^\W\d]{3,}s|[^\W\d]+'s) )*"
)
#: The words before a number that round or bound it, a negated comparison's negation with them ("Antalet
#: deltagare var inte fler än 30"), as a pattern's alternatives.
_MARK_WORDS = _words(MARKS) + "|" + "|".join(sorted(NEGATED)) + "(?= (?:" + _words(tuple(COMPARISONS)) + "))"
#: How far (characters) before a count's words its whole's part is read ("alla utom 3 av de totalt drygt "),
#: and after a whole opening its clause the part's number.
_PART_REACH = 80


@dataclass(frozen=True)
class Part:
    """A count's number read as the whole of a part ("12 av 25", "hälften av de 30", "Av de 25 inbjudna kom
    12"): the whole's number, and the part's words with the number they give (None where they give none:
    "hälften", "alla utom 3")."""

    whole: int
    part: str
    value: int | None
    every: bool  # the part is the whole ("samtliga av de 25")


#: A part before "av"/"of" and the whole's number after it, in a count's words: the part's words (a
#: number, a part word, "alla utom 3") and the whole's number's place.
_PART_OF = LazyPattern(
    rf"(?<![\w-])(?P<part>(?:alla|samtliga|all) (?:utom|förutom|but|except) [\w-]+|{_words(PART_WORDS)}|[\w-]+)"
    rf" (?:av|out of|of) {_WHOLE_LEAD}(?:(?:{_MARK_WORDS}) )?(?P<whole>[\w-]+)(?![\w-])",
    re.IGNORECASE,
)
#: "Av de 25 inbjudna kom 12", "…, av totalt 40": "av" opening its clause makes the number after it a whole.
_OF_FIRST = LazyPattern(
    rf"(?:^|[,;:(\x00]|(?<!\w)(?:och|men|and|but)) *(?:av|out of|of) {_WHOLE_LEAD}(?:(?:{_MARK_WORDS}) )?$",
    re.IGNORECASE,
)
#: "av" / "of" opening a clause and the whole's number after it, in a count's words.
_OPENING_OF = LazyPattern(
    rf"(?:^|[,;:(\x00]|(?<!\w)(?:och|men|and|but)) *(?:av|out of|of) {_WHOLE_LEAD}(?:(?:{_MARK_WORDS}) )?(?P<whole>[\w-]+)",
    re.IGNORECASE,
)
#: After a whole opening its clause, the verb and "alla" / "samtliga": every one of the whole took part.
_EVERY_CAME = LazyPattern(
    r"(?:[ ,] ?[\w-]+){0,4}? (?:deltog|kom|närvarade|medverkade|var på plats|took part|attended|came) "
    r"(?:alla|samtliga|all)(?! (?:utom|förutom|but|except))(?!\w)"
)
#: A relative clause of taking part after a whole ("en av de tio personer som deltog"): the whole took part.
_WHOLE_CAME = LazyPattern(
    r"(?:[ ,] ?(?!inte |ej |not )[\w-]+){0,6}? (?:som|who|that|which)"
    r"(?: (?:också|även|sedan|slutligen|faktiskt|verkligen|har|hade|then|also|actually|finally|had|have))* "
    r"(?:deltog|deltagit|kom|kommit|närvarade|medverkade|var på plats|took part|attended|came|participated)(?!\w)",
    re.IGNORECASE,
)
_ONE = frozenset({"en", "ett", "one"})


def _part_value(part: str) -> int | None:
    """The number a part's words give ("12", "tolv", "en"); None for a part word or an exclusion."""
    if part.split()[0].casefold() in _EVERY or part.casefold() in PART_WORDS:
        return None
    if part.casefold() in _ONE:
        return 1
    read = _token_value(part)
    return read[0] if read else None


def parts_in(text: str) -> list[Part]:
    """Every whole a count's words give with a part of it: "12 av 25 inbjudna", "hälften av de 30",
    "alla utom 3 av 20", "Av de 25 inbjudna kom 12" (the part is the number after the verb)."""
    found = []
    for m in _PART_OF.finditer(text):
        whole = _token_value(m["whole"])
        part = m["part"]
        if whole is None:
            continue
        first = part.split()[0].casefold()
        if (first in _EVERY and len(part.split()) == 1) or _WHOLE_CAME.match(text, m.end()):
            found.append(Part(whole[0], part, whole[0], True))  # "samtliga av de 25", "en av de 10 som deltog"
        elif _part_value(part) is not None or part.casefold() in PART_WORDS or first in _EVERY:
            found.append(Part(whole[0], part, _part_value(part), False))
    for m in _OPENING_OF.finditer(text):
        whole = _token_value(m["whole"])
        if whole is None or any(p.whole == whole[0] for p in found):
            continue
        after = (_token_value(t.group()) for t in _TOKEN.finditer(text, m.end(), m.end() + _PART_REACH))
        value = next((v[0] for v in after if v is not None and v[0] != whole[0]), None)
        every = _EVERY_CAME.match(text, m.end()) is not None
        found.append(Part(whole[0], "…" if value is None else str(value), whole[0] if every else value, every))
    return found


def check_counts(corpus: Corpus) -> list[InputError]:
    """Every count whose value, bound or approximation is not what its words give; a guard word inside a
    name of the data is the name's (:func:`~sakrad_ld.clauses.names_read`)."""
    from .stated import data_names  # stated.py reads counts with this module

    with clauses.names_read(data_names(corpus)):
        return _check_counts(corpus)


def _check_counts(corpus: Corpus) -> list[InputError]:
    errors: list[InputError] = []
    copies = getattr(corpus, "copies", None) or {}
    for m in corpus.meetings:
        for kind, name, count in meeting_counts(m):
            if (refused := _group_refusal(m, name, count)) is not None:
                errors.append(refused)
            errors += _check(m, name, count, count_source(m, kind, count) in copies)
    return errors


def _group_refusal(m: Meeting, name: str, count: Count) -> InputError | None:
    """A count's ``group`` that does not stand word for word in its words (line breaks of the YAML folded
    away, as the release publishes both): the group is the source's words for who is counted, never the
    data's own. (A group of no words is refused as empty text when the file is read.)"""
    if count.group is None:
        return None
    group, words = " ".join(count.group.split()), " ".join(count.text.split())
    if group and group in words:
        return None
    where = count.lines.where("group") if count.lines else m.where(f"{name}.group")
    return InputError(
        where,
        f"{name}: group {quoted(count.group)} does not stand word for word in its words {quoted(count.text)}",
        "group: the words of text that name whom the count counts, word for word as text writes them (such as "
        "'representanter för Regeringskansliet' in 'ett tiotal representanter för Regeringskansliet'); no group "
        "where the words count everyone who took part",
        'docs/adding-a-meeting.md, "invited_count, organisation_count"',
    )


#: A participle right after a count's words that says whom they count ("25 organisationer deltog, av 40
#: inbjudna", "Av de 40 inbjudna organisationerna"): it is the count's own noun phrase.
_INVITING = "inbjudna|inbjudet|inbjuden|anmälda|invited|registered"
_OWN_PARTICIPLE = LazyPattern(rf" (?:{_INVITING})(?!\w)")
#: A word of taking part right after a count's noun phrase, with no number after it: the count is its
#: subject ("40 inbjudna organisationer deltog"; not "Av 40 inbjudna organisationer deltog 25").
_SUBJECT_CAME = LazyPattern(
    r"(?: [^\W\d]+)? (?:deltog|kom|närvarade|medverkade|var på plats|took part|attended|came)"
    r"(?! (?:\d|ett |en |några |alla |samtliga |bara |endast ))(?!\w)"
)
#: A part of a whole in a count's own words before a participle of inviting ("tolv av de inbjudna", "tolv av
#: de 20 inbjudna organisationerna", "twelve of the invited"): the number counts those of them the verb says.
_OF_THE_INVITED = LazyPattern(r" (?:av|of) (?:de|dem|the|those)(?: \d+)? $")
#: Participles and nouns of inviting or registering in the count's own words ("40 inbjudna organisationer",
#: "40 anmälda organisationer"): they count the invited or registered, whatever verb the sentence has.
_INVITED_WORDS = LazyPattern(rf"(?<!\w)(?:{_INVITING})(?!\w)")
#: Nouns and participles of taking part in the count's own words ("ett sextiotal deltagare", "30
#: deltagande organisationer"): they say the count took part.
_PARTAKING_WORDS = LazyPattern(
    r"(?<!\w)(?:deltagare|deltagarna|deltagande|närvarande|medverkande|participants|attendees|attending)(?!\w)"
)
#: Words in a count's clause that make its number a capacity, an aim, a permission, a support or a waiting
#: list, not those who took part ("Lokalen rymmer 30 organisationer", "var öppet för högst 30", "Högst 30
#: organisationer får delta", "ger stöd till 30 organisationer", "var tänkt för 30", "begränsat till 40
#: deltagare", "Max antal deltagare: 45", "40 deltagare på väntelistan").
NOT_TAKING_PART = (
    "rymmer", "rymde", "rymma", "plats för", "platser för", "öppet för", "öppen för", "öppna för", "riktade sig",
    "riktar sig", "riktas till", "riktades till", "stöd till", "stöd åt", "bidrag till", "bidrag åt", "tänkt för",
    "avsett för", "avsedd för", "avsedda för", "välkomna", "välkommen", "får delta", "fick delta", "kan delta",
    "kunde delta", "möjlighet att", "har plats", "hade plats", "room for", "capacity", "open to", "aimed at",
    "welcome to", "may take part", "can take part", "begränsat till", "begränsad till", "begränsade till",
    "begränsas till", "begränsades till", "max antal", "maxantal", "maximalt antal", "högsta antal", "antalet platser",
    "antal platser", "väntelista", "väntelistan", "reservlista", "reservlistan", "kölista", "kölistan",
    "limited to", "maximum number", "waiting list", "waitlist", "reserve list",
)  # fmt: skip
_WAITING = ("lista", "listan", "list", "waitlist")


def _not_taking_part(word: str) -> str:
    """What a word of :data:`NOT_TAKING_PART` makes a count, as a refusal says it."""
    return "a waiting list" if word.endswith(_WAITING) else "a capacity, an aim, a permission or a support"


_NOT_TAKING_PART = LazyPattern(
    r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in NOT_TAKING_PART) + r")(?!\w)"
)
#: "… var inbjudna och samtliga deltog": all of those the count's clause counts took part.
_ALL_CAME = LazyPattern(
    r" (?:och|samt|and|,) (?:samtliga|alla|all)(?: (?:av dem|de inbjudna|inbjudna|organisationerna|of them))? "
    r"(?:deltog|kom|närvarade|medverkade|var på plats|took part|attended|came)(?!\w)"
)


#: A comparison's words right before a count's ("I år deltog 25, jämfört med 40 förra året", "25
#: organisationer mot 40 i fjol", "compared with 40 last year"): the number is the other time's or meeting's.
#: "mot" only with another time after it; "än" and "than" bound the number ("fler än 20"), they are read
#: as bounds.
_COMPARED = LazyPattern(
    rf"(?<!\w)(?:jämfört med|jämfört mot|att jämföra med|i jämförelse med|till skillnad från|compared with|compared to|"
    rf"in comparison with|as against)(?: (?:de|dem|the|totalt|sammanlagt|{_MARK_WORDS}))* $"
)
#: A label or a subject naming those who took part right before a count's words: "Deltagare: 35 personer",
#: "Antal deltagare: 35", "Antalet deltagare var 35 personer", "Number of participants: 35".
_PARTAKING_LABEL = LazyPattern(
    rf"(?<!\w)(?:antal(?:et)? (?:deltagare|deltagande [\w-]+|närvarande)|deltagarantal(?:et)?|deltagare|"
    rf"deltagarna|närvarande|number of participants|participants|attendees|attendance)"
    rf"(?: ?:| \|| var| uppgick till| blev| was| were)(?: (?:totalt|sammanlagt|{_MARK_WORDS}))* $"
)
#: Being represented is taking part ("14 organisationer var representerade", "Totalt var 14 organisationer
#: representerade vid sakrådet", "14 organisations were represented").
_REPRESENTED = LazyPattern(r"(?<!\w)(?:representerade|representerad|representerat|represented)(?!\w)")


#: Words in a count's part of the sentence that make it a count over many meetings or a period, not this
#: meeting's: a plural meeting's noun ("har deltagit i sakråden", "the meetings"), a span of time ("sedan
#: 2017", "under året", "genom åren", "since 2017", "over the years"), the most of many ("Som mest har 40
#: organisationer deltagit") or a rate ("per sakråd", "per år").
_MANY_MEETINGS = LazyPattern(
    r"(?<!\w)(?:sakråden|sakrådens|samråden|mötena|dialogmötena|träffarna|the meetings|the consultations|"
    r"sedan (?:år )?(?:19|20)\d\d|sedan starten|sedan början|under året|under åren|genom åren|hittills|"
    r"som (?:mest|flest|högst) (?:har|hade)|per (?:sakråd|möte|år|meeting|year)|"
    r"since (?:19|20)\d\d|over the years|during the year|so far|to date)(?!\w)"
)
#: The words of :data:`_MANY_MEETINGS` that say "up to now": a period only where they modify the count's
#: own verb ("Hittills har 100 organisationer deltagit"), not a comparison set off after the count ("30
#: organisationer, det största antalet hittills", "the most so far").
_SO_FAR = frozenset(("hittills", "so far", "to date"))
#: A comparison with earlier meetings that "hittills" / "so far" ends ("fler än …", "det största …").
_COMPARED_EARLIER = LazyPattern(
    r"(?<!\w)(?:störst\w*|flest|fler|mer|högst\w*|rekord\w*|the most|more|largest|biggest|highest|record)(?!\w)"
)


def _many_meetings(flat: str, x: int, y: int, a: int, b: int) -> re.Match[str] | None:
    """The word of :data:`_MANY_MEETINGS` in the count's clause ``flat[x:y]`` (the count's words at ``a``
    to ``b``) that makes it a count over many meetings or a period; a word of :data:`_SO_FAR` after the
    count and a comma, or after a comparison (:data:`_COMPARED_EARLIER`), only compares this meeting's count with earlier ones."""
    for many in _MANY_MEETINGS.finditer(flat, x, y):
        if many.group() in _SO_FAR and many.start() >= b:
            between = flat[b : many.start()]
            if "," in between or _COMPARED_EARLIER.search(between):
                continue
        return many
    return None


#: Words of asking a whole ("av de 30 tillfrågade"): the whole is those invited or asked.
_ASKED = LazyPattern(r"(?<!\w)(?:tillfrågade|tillfrågades|tillfrågats|ombads|asked)(?!\w)")
#: A part before "av" / "of" and the whole's words right after it ("12 av ", "hälften av de ", "alla
#: utom 3 av totalt "), in a folded flat text, ending where a count's words begin.
_PART_BEFORE = LazyPattern(
    rf"(?<![\w-])(?P<part>(?:alla|samtliga|all) (?:utom|förutom|but|except) [\w-]+|{_words(PART_WORDS)}|[\w-]+)"
    rf"(?: (?!(?:{_NUMBER_WORD})(?![\w-]))[^\W\d]+)? (?:av|out of|of) {_WHOLE_LEAD}(?:(?:{_MARK_WORDS}) )?$"
)
#: A count's words followed by "av" / "of" and a whole ("12 av 25", "12 of the 25").
_PART_AFTER = LazyPattern(rf" (?:av|out of|of) {_WHOLE_LEAD}(?:(?:{_MARK_WORDS}) )?[\w-]+")
#: What a refusal names a guard word's kind as (a condition's and a doubt's alike, as for taking part).
_KIND_SAID = {clauses.CONDITION: "a condition or a doubt", clauses.DOUBT: "a condition or a doubt"}


def _whole_before(flat: str, lo: int, a: int, end: int) -> str | None:
    """The part's words where the count's words at ``a`` (their noun phrase ending at ``end``) are the
    whole of a part in the sentence from ``lo``: "12 av 25", "hälften av de 30", "alla utom 3 av 20",
    "Av de 25 inbjudna kom 12", "…, av totalt 40" ("…" where the part is elsewhere); None where they are
    not, or where the whole is the part ("samtliga av de 25", "Av de 25 deltog samtliga", "en av de tio
    personer som deltog")."""
    start = max(lo, a - _PART_REACH)
    before = _PART_BEFORE.search(flat, start, a)
    if before is not None and _part_value(before["part"]) is None and before["part"] not in PART_WORDS:
        if before["part"].split()[0] not in _EVERY:
            before = None  # a word that is no part: "organisationer av" …
    if before is not None:
        if (before["part"] in _EVERY) or _WHOLE_CAME.match(flat, end):
            return None
        return before["part"]
    head = ("\x00" if start == lo else "") + flat[start:a]
    if _OF_FIRST.search(head) is None:
        return None
    if _EVERY_CAME.match(flat, end) or _WHOLE_CAME.match(flat, end):
        return None
    after = (_token_value(t.group()) for t in _TOKEN.finditer(flat, end, end + _PART_REACH))
    return next((str(v[0]) for v in after if v is not None), "…")  # "Av de 25 inbjudna kom 12": 12


def _whole_refusal(sentence: str, field: str, part: str) -> str:
    if field == "invited_count":
        return (
            f"{sentence} gives the number as a whole of which a part ({part!r}) took part, but does not say it "
            "counts those invited or asked"
        )
    if part == "…" or _part_value(part) is None:
        return (
            f"{sentence} gives the number as the whole of which a part took part ({part!r} av …), and the part is "
            "no number that can be read: it does not say how many took part"
        )
    return (
        f"{sentence} gives the number as the whole of which {part} took part ({part!r} av …): those who took "
        f"part are the {part}"
    )


def count_guard(flat: str, lo: int, hi: int, a: int, b: int) -> tuple[str, str] | None:
    """The guard word (:data:`clauses.GUARD_TABLE`, read by :func:`clauses.guard_in` as for taking part)
    governing the count's words at ``a``..``b`` in the sentence ``flat[lo:hi]``, with what a refusal
    names it; a negation that bounds the number ("inte fler än 20") is no guard."""
    spans = []
    for s, e in clauses.fact_clause(flat, lo, hi, a, b):
        if (instead := _INSTEAD_AFTER.search(flat, max(s, b), e)) is not None:
            e = instead.start()  # "samlade 30 deltagare i stället för planerade 50": the plan is the other's
        for bound in _BOUND_NEGATION.finditer(flat, s, hi):  # its comparison may stand past the clause's end
            if bound.start() >= e:  # ("deltog inte fler | än 20": "än" opens a clause of its own)
                break
            spans.append((s, bound.start()))
            s = bound.end()
        spans.append((s, e))
    found = clauses.guard_in(flat, lo, hi, a, b, spans=spans)
    return None if found is None else (found[0], _KIND_SAID.get(found[1], found[1]))


#: What replaces a count after its words ("30 deltagare i stället för planerade 50 deltagare"): the words
#: after it are the replaced count's, their guard words (a plan) not this count's.
_INSTEAD_AFTER = LazyPattern(r" (?:i stället för|istället för|snarare än|instead of|rather than)(?!\w)")
#: A negation that belongs to a comparison: "inte fler än 20" bounds the number, it denies nothing.
_BOUND_NEGATION = LazyPattern(
    rf"(?<!\w)(?:{'|'.join(sorted(NEGATED))}) (?={'|'.join(sorted(COMPARISONS, key=len, reverse=True))})"
)


_GROUP_BEFORE = LazyPattern(r"\d[ .,]$")


def spanned(flat: str, lo: int, a: int, b: int) -> str | None:
    """Why the count's words at ``a``..``b`` in the sentence from ``lo`` give no count of their own (a
    message with ``{sentence}`` to fill), or None: they hold a part of a range but not all of it (:data:`RANGE`:
    "12" or "10" of "10–12", "30" of "mellan 30 och 40") or are the last digits of a number in groups ("200" of "1 200")."""
    if flat[a : a + 1].isdigit() and _GROUP_BEFORE.search(flat, max(lo, a - 2), a):
        return "{sentence} holds the number as the last digits of a larger one (in groups: '1 200' is 1200)"
    for m in RANGE.finditer(flat, max(lo, a - 30), min(len(flat), b + 30)):
        if m.start() < b and a < m.end() and not (a <= m.start() and m.end() <= b):
            return (
                f"{{sentence}} gives a range ({m.group()!r}), not one number: quote the range whole and mark its "
                "low end bound: at-least or its high end bound: at-most"
            )
    return None


#: The nouns of what a count may count besides those who took part ("1 200 medlemmar", "300
#: lokalavdelningar", "40 platser", "5,000 members"), as stems: such a count counts them, unless it is the
#: subject of taking part ("40 medlemmar deltog"). A compound naming organisations ("medlemsorganisationer")
#: counts organisations (:data:`_ORGANISATION_ENDS`).
OTHER_NOUNS = (
    "medlem", "lokalförening", "lokalavdelning", "lokalorganisation", "lokalgrupp", "avdelning", "distrikt",
    "anställd", "plats", "member", "branch", "chapter", "employee", "seat",
)  # fmt: skip
_ORGANISATION_ENDS = (
    "organisation", "organisationer", "organisationerna", "förening", "föreningar", "föreningarna", "förbund",
    "förbunden", "organisations", "organizations", "associations",
)  # fmt: skip
#: The nouns of people: a count of them counts people, not organisations ("Av deltagarna kom 12 från
#: ideella föreningar", "Av de närvarande kom 12": 12 of the participants; not "av de deltagande
#: organisationerna").
_OF_PEOPLE = LazyPattern(
    r"(?<!\w)(?:av|bland|of|among) (?:(?:de|alla|samtliga|the|all) )?(?:deltagarna|deltagare|personerna|"
    r"representanterna|företrädarna|participants|people|attendees|representatives|"
    r"(?:närvarande|deltagande)(?! (?!kom|var|fanns|deltog)[^\W\d]))(?!\w)"
)
#: A verb whose object is the count, with adverbs between, that makes it what those who took part
#: represent or have ("representerar 200 000 medlemmar", "har tillsammans 300 lokalavdelningar",
#: "represent 5,000 members"); its passive ("var representerade") is taking part (:data:`_REPRESENTED`).
_REPRESENTS = LazyPattern(
    rf"(?<!\w)(?<!var )(?<!är )(?<!blev )(?<!were )(?<!are )(?<!was )(?<!is )"
    rf"(?:representerar|representerade|företräder|företrädde|organiserar|organiserade|omfattar|omfattade|represents|"
    rf"represent|represented|organise|organises|organize|organizes|(?:har|hade|have|has|had) (?:tillsammans|together))"
    rf"(?: (?:tillsammans|totalt|sammanlagt|together|in all|a total of|{_MARK_WORDS}))* $"
)
#: A group's size before a count ("i tre grupper om 10 deltagare", "bord med 8 personer", "groups of 10"):
#: the count is one group's, not all who took part.
_GROUP_SIZE = LazyPattern(
    rf"(?<!\w)(?:grupp\w*|bord\w*|lag|lagen|team\w*|groups?|tables?|teams?) (?:om|med|på|à|of|with)"
    rf"(?: (?:{_MARK_WORDS}))? $"
)
#: A count right after a word of taking part and "med"/"with"/"by" ("Fryshuset deltog med två personer",
#: "Regeringen var representerad av tre statsråd", "took part with two people"): the delegation of the
#: one who took part, a count of one group.
_DELEGATION = LazyPattern(
    rf"(?<!\w)(?:deltog|deltar|medverkade|medverkar|närvarade|var representerad|var representerat|är representerad|"
    rf"är representerat|took part|takes part|participated|participates|attended|was represented|is represented) "
    rf"(?:med|av|with|by)(?: (?:totalt|sammanlagt|tillsammans|in all|in total|a total of|{_MARK_WORDS}))* $"
)
#: What makes a delegation's count all who took part: a word of a total after "med"/"with" ("deltog med
#: sammanlagt 40 representanter"), or a plural or collective subject before the verb ("25 organisationer
#: deltog med 40 representanter", "Organisationerna deltog med …", "Civilsamhället deltog med 60 personer").
_ALL_DELEGATIONS = LazyPattern(r"(?<!\w)(?:totalt|sammanlagt|tillsammans|in all|in total|a total of)(?!\w)")
_PLURAL_ENDS = ("erna", "arna", "orna", "organisationer", "föreningar", "organisations", "organizations")
_COLLECTIVES = frozenset({"civilsamhället", "participants", "society"})


def _plural_subject(flat: str, x: int, verb: int) -> bool:
    """Whether the last words before the verb at ``verb`` (from the clause's start ``x``) are a plural or
    collective subject (:data:`_ALL_DELEGATIONS`): a number, a plural noun, "civilsamhället"."""
    words = flat[max(x, verb - 60) : verb].split()[-3:]
    return any(w.isdigit() or w.endswith(_PLURAL_ENDS) or w in _COLLECTIVES for w in words)


#: A count per one of many ("Varje organisation deltog med två personer", "två representanter var",
#: "each organisation", "per sakråd"): the count is each one's, not all who took part.
_PER_UNIT = LazyPattern(r"(?<!\w)(?:varje|var och en|vardera|per|each|every|apiece)(?!\w)")
#: After the count, only "per" and the words of each one's share ("40 organisationer per län", "två personer
#: var", "two each"): "40 organisationer från varje län" counts them all.
_PER_AFTER = LazyPattern(r"(?<!\w)(?:per|vardera|apiece)(?!\w)")
_EACH_AFTER = LazyPattern(r" (?:var|vardera|each|apiece)(?=[\x00.,;:)]|$)")
#: "från"/"from" right after a count's words and a group's name ("Elva personer från Regeringskansliet
#: deltog"): the count is of that group. Not a number ("45 deltagare från 20 organisationer") nor words of
#: everywhere ("från hela landet", "från olika organisationer").
#: Those a sakråd is held with, or a kind of organisation, after "från"/"from" ("40 personer från
#: civilsamhället deltog", "från ideella organisationer", "from civil society"): all who came from outside the
#: government, no named group, unless another group is counted beside them.
_ALL_OUTSIDE = LazyPattern(
    r" (?:från|from) (?:civilsamhället|civilsamhällets organisationer|civil society|the civil society|"
    r"(?:ideella|frivilliga|civila|olika|non-profit|voluntary) [\w-]+)(?!\w)"
)
_FROM_GROUP = LazyPattern(
    rf" (?:från|from) (?!(?:\d|(?:{_NUMBER_WORD}|{_MARK_WORDS}|hela|olika|alla|många|flera|all|many|several|various|"
    rf"across)(?!\w)))[\w-]+"
)
#: Those who took part and "från"/"from" right before an organisation count ("45 deltagare från 20
#: organisationer", "participants from 20 organisations"): the organisations those who took part came from.
_PARTAKERS_FROM = LazyPattern(
    rf"(?<!\w)(?:deltagare|deltagarna|deltagande|närvarande|participants|attendees) (?:från|from)"
    rf"(?: (?:totalt|sammanlagt|{_MARK_WORDS}))* $"
)
#: One part of the meeting as the object of taking part ("deltog vid sakrådets första del", "under
#: förmiddagens pass", "in the afternoon session"): a count of it is not the meeting's.
_ONE_PART = LazyPattern(
    r"(?<!\w)(?:första|andra|tredje|fjärde|sista|ena|förmiddagens|eftermiddagens|kvällens|morgonens|first|second|"
    r"third|last|morning|afternoon|evening)(?: [\w-]+)? (?:del|delen|pass|passet|session|sessionen|omgång|omgången|"
    r"part|session)(?!\w)"
)
#: A word of taking part after a count's noun phrase, a few words between ("40 medlemmar i nätverket
#: deltog"): the count is its subject.
_OTHERS_CAME = LazyPattern(
    r"(?: [^\W\d]+){0,3}? (?:deltog|deltar|har deltagit|kom|närvarade|medverkade|var på plats|took part|attended|"
    r"came|participated)(?!\w)"
)
_PREPOSITIONS = frozenset(
    "i på vid av med för till om från under efter hos mot in on at by with for to of from".split()
)


def _noun_after(flat: str, a: int, b: int) -> str | None:
    """The noun right after the count's number in its words at ``a``..``b`` (or right after them where
    they end with the number): "medlemmar" of "1 200 medlemmar", of "1 200" before "medlemmar"; None
    where a verb or a preposition follows the number."""
    tokens = list(_TOKEN.finditer(flat, a, min(len(flat), b + 60)))
    numbers = [i for i, t in enumerate(tokens) if t.start() < b and _token_value(t.group()) is not None]
    if not numbers:
        return None
    after = [t.group() for t in tokens[numbers[-1] + 1 : numbers[-1] + 3]]
    for w in after:
        if w in _PREPOSITIONS or clauses.finite(w) or w in NEGATED:
            return None
        if not w.endswith(("a", "e", "iga", "ade")) or w in ("deltagare", "medarbetare"):
            return w  # "aktiva medlemmar": past an adjective to the noun
    return after[0] if after else None


def _other_counted(
    field: str, flat: str, clause: tuple[int, int], part: tuple[int, int], a: int, b: int, end: int
) -> str | None:
    """What else than ``field``'s count the count's words at ``a``..``b`` (noun phrase ending at ``end``)
    in their clause ``clause`` (in their part of the sentence ``part``) count, as a refusal's words after
    the sentence; None where nothing else."""
    x, y = clause
    noun = _noun_after(flat, a, b)
    if (
        noun is not None
        and noun.startswith(OTHER_NOUNS)
        and not noun.endswith(_ORGANISATION_ENDS)
        and _OTHERS_CAME.match(flat, end) is None
    ):
        return f"counts {noun!r}, not those who took part"
    if (verb := _REPRESENTS.search(flat, max(x, a - _PART_REACH), a)) is not None:
        return f"counts what those who took part represent or have ({verb.group().strip()!r}), not those who took part"
    if (
        field == "participant_count"
        and (who := _DELEGATION.search(flat, max(x, a - _PART_REACH), a)) is not None
        and not _ALL_DELEGATIONS.search(flat, who.start(), a)
        and not _plural_subject(flat, x, who.start())
    ):
        return (
            f"gives the people one who took part came with ({who.group().strip()!r}): a count of one group, not of "
            "all who took part"
        )
    if (size := _GROUP_SIZE.search(flat, max(x, a - _PART_REACH), a)) is not None:
        return f"gives the size of a group ({size.group().strip()!r}), not how many took part"
    each = _PER_UNIT.search(flat, x, a) or _PER_AFTER.search(flat, end, y) or _EACH_AFTER.search(flat, end, y)
    if each is not None and field != "invited_count":
        return f"gives the number per each one or each time ({each.group().strip()!r}), not how many took part"
    if field == "organisation_count" and noun is None and (people := _OF_PEOPLE.search(flat, x, a)) is not None:
        return f"counts people ({people.group()!r}), not organisations"
    group = _FROM_GROUP.match(flat, end) if field == "participant_count" else None
    others = [g for g in _FROM_GROUP.finditer(flat, *part) if group is not None and g.start() != group.start()]
    came = _OTHERS_CAME.match(flat, group.end()) if group is not None else None
    if group is not None and ((came is not None and not _ALL_OUTSIDE.match(flat, group.start())) or others):
        # "Elva personer från Regeringskansliet deltog", "30 deltagare från civilsamhället och fem från
        # Regeringskansliet"; not "Sakrådet samlade 30 deltagare från konferensens nätverk" nor "40 personer
        # från civilsamhället deltog": all of them
        words = flat[group.start() : came.end()].rsplit(" ", 1)[0] if came is not None else group.group()
        return (
            f"says whom the count counts right after its words ({words.strip()!r}): it is a count of one "
            "group; quote those words in text and name the group (group:)"
        )
    return None


#: Where two rows of a table meet in a folded text ("| deltagare | 45 | | inbjudna | 60 |"): a row is read
#: as a sentence of its own.
_ROW_END = LazyPattern(r"\| +\|")


def _table_row(flat: str, lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """The row of a table holding the count's words at ``a``..``b`` in the sentence ``flat[lo:hi]``, as
    its bounds; the sentence's where the words stand in no table's row."""
    if "|" not in flat[lo:a] or "|" not in flat[b:hi]:
        return lo, hi
    start = next((m.end() - 1 for m in reversed(list(_ROW_END.finditer(flat, lo, a)))), lo)
    stop = _ROW_END.search(flat, b, hi)
    return start, hi if stop is None else stop.start() + 1


def count_claim(field: str, text: str, flat: str, a: int, b: int, lo: int, hi: int) -> str:
    """What the sentence ``lo``..``hi`` of a kept text (``flat``: folded, sentence ends as spaces) says the
    count's words at ``a``..``b`` count, where that is not what ``field`` counts: "" where it says so.

    The number's own noun phrase decides first: a participle of inviting or registering in it or right
    after it ("40 inbjudna organisationer", "av 40 inbjudna") counts the invited, whatever the sentence's
    verb. Then the verb of its clause, widening from its own clause (between "och", "samt", commas) to its
    part of the sentence and the sentence: a word of inviting counts the invited, of taking part those who
    took part ("… var inbjudna och samtliga deltog": the invited, all of whom took part). A count of those
    who took part (``organisation_count``, ``participant_count``) needs a word of taking part in its
    clause or its own words ("deltagare"), none of capacity, aim, permission or support in its own clause
    (:data:`NOT_TAKING_PART`), no negation, plan or condition governing it, and no word calling the
    meeting off in its sentence (:func:`~sakrad_ld.dated.called_off`: "Sakrådet, där 30 organisationer
    skulle delta, ställdes in"); a count of those invited stands beside a calling off."""
    from .clauses import called_off_said, gathering_event, other_event, side_clause
    from .stated import _CAME, _INVITING, _TO_COME, _count_clauses, _quoted

    lo, hi = _table_row(flat, lo, hi, a, b)
    sentence = _quoted(flat[lo:hi].strip())
    if (span := spanned(flat, lo, a, b)) is not None:
        return span.format(sentence=sentence)
    if (compared := _COMPARED.search(flat, max(lo, a - _PART_REACH), a)) is not None:
        return (
            f"{sentence} gives the number as a comparison's ({compared.group().strip()!r}): it counts another time "
            "or meeting, not this one"
        )
    own = _OWN_PARTICIPLE.match(flat, b)
    end = own.end() if own else b  # the count's own noun phrase ends here
    clauses = _count_clauses(flat, lo, hi, a, b)
    if (other := _other_counted(field, flat, clauses[0], clauses[1], a, b, end)) is not None:
        return f"{sentence} {other}"
    invited_own = _INVITED_WORDS.search(flat, a, end)
    if invited_own is not None and _OF_THE_INVITED.search(flat, a, invited_own.start()):
        invited_own = None  # "Tolv av de inbjudna deltog": a part of those invited, as the verb says
    if field == "invited_count" and invited_own is not None:
        return ""
    whole = _whole_before(flat, lo, a, end)
    if invited_own is not None and whole is None and _SUBJECT_CAME.match(flat, end):
        invited_own = None  # "40 inbjudna organisationer deltog": the invited are the subject of taking part
    if field != "invited_count" and invited_own is not None:
        return (
            f"{sentence} counts those invited or registered ({invited_own.group()!r}, in the number's own noun "
            "phrase), not those who took part"
        )
    for x, _ in clauses[:2]:
        if (event := gathering_event(flat, x, a)) is not None:
            return f"{sentence} counts those who came to another event ({event!r}), not to this meeting"
    if (many := _many_meetings(flat, *clauses[1], a, b)) is not None:
        return f"{sentence} counts over many meetings or a period ({many.group()!r}), not this meeting alone"
    if field != "invited_count" and (off := called_off_said(flat, lo, hi, sentence)) is not None:
        return f"{off}: no one took part in it"
    if whole is not None:
        x, y = clauses[1]
        if field == "invited_count" and (_INVITING.search(flat, x, y) or _ASKED.search(flat, x, y)):
            return ""
        return _whole_refusal(sentence, field, whole)
    part = _PART_AFTER.match(flat, b, hi)
    if field == "invited_count" and part is not None:
        return (
            f"{sentence} gives the number as a part of a whole ({_quoted(flat[a : part.end()])}): the part is "
            "those who took part or answered, the whole those invited"
        )
    if field != "invited_count":
        x, y = clauses[0]
        # not in a subordinate clause the count is not in ("ett 10-tal representanter …, som fick möjlighet att
        # lämna förslag": what those who took part did there)
        own = not side_clause(flat, lo, hi, a)
        aim = next(
            (
                w
                for s in ((x, a), (end, y))
                for w in _NOT_TAKING_PART.finditer(flat, *s)
                if not (own and side_clause(flat, lo, hi, w.start()))
            ),
            None,
        )
        if aim is not None:
            return f"{sentence} gives {_not_taking_part(aim.group())} ({aim.group()!r}), not how many took part"
        if (part := _ONE_PART.search(flat, x, y)) is not None:
            return (
                f"{sentence} counts those who took part in one part of the meeting ({part.group()!r}), not in all of it"
            )
    for x, y in clauses:
        spans = [(x, a), (end, y)]  # the count's own words ("deltagare") are read above
        invited = next((m for s in spans for m in _INVITING.finditer(flat, *s)), None)
        came = [m for s in spans for p in (_CAME, _REPRESENTED) for m in p.finditer(flat, *s)]
        if (other := next((o for m in came if (o := other_event(flat, m.end())) is not None), None)) is not None:
            return f"{sentence} counts those who took part in another event or work ({other!r})"
        to_come = [m for s in spans for m in _TO_COME.finditer(flat, *s)]
        if invited is None and not came and not to_come:
            continue
        if field == "invited_count":
            if invited is None and came:
                return f"{sentence} counts those who took part ({came[0].group()!r}), not those invited"
            guard = count_guard(flat, lo, hi, a, b)
            return f"{sentence} says {guard[1]} ({guard[0]!r}), not how many were invited" if guard else ""
        if invited is not None and not came:
            if (x, y) == clauses[0] and _ALL_CAME.match(flat, y):
                return ""  # "25 organisationer var inbjudna och samtliga deltog": all 25 took part
            return f"{sentence} counts those invited or registered ({invited.group()!r}), not those who took part"
        # "… samlade 25 organisationer som inte tidigare deltagit": the negation is that clause's
        guard = count_guard(flat, lo, hi, a, b)
        return f"{sentence} says {guard[1]} ({guard[0]!r}), not how many took part" if guard else ""
    label = _PARTAKING_LABEL.search(flat, max(0, a - _PART_REACH), a)
    if label is not None and field != "invited_count":
        line = max(flat.rfind("\x00", 0, label.start()) + 1, flat.rfind("|", 0, label.start()) + 1, label.start() - 30)
        if (aim := _NOT_TAKING_PART.search(flat, line, label.end())) is not None:
            return f"{sentence} gives {_not_taking_part(aim.group())} in its label ({aim.group()!r}), not how many took part"
    if (
        field == "invited_count"
        or _PARTAKING_WORDS.search(flat, a, end) is not None
        or label is not None
        or (field == "organisation_count" and _PARTAKERS_FROM.search(flat, max(0, a - _PART_REACH), a) is not None)
    ):
        # "Deltagare: 35 personer", "Antalet deltagare var 35": the label names those who took part; a plan
        # governing it with no word of taking part ("Sakrådet var tänkt att samla 50 deltagare") is one still
        guard = count_guard(flat, lo, hi, a, b)
        counted = "were invited" if field == "invited_count" else "took part"
        return f"{sentence} says {guard[1]} ({guard[0]!r}), not how many {counted}" if guard else ""
    return (
        f"{sentence} has no word of taking part for the number ('deltog', 'samlades', 'kom', 'deltagare' …): "
        "it does not say how many took part"
    )


#: The most of the numbers a count's words give that a message lists.
_GIVEN = 5

_KIND_WORDS = {
    "approximate": "round it (approximate: true)",
    "at-least": "give a lower bound (bound: at-least)",
    "at-most": "give an upper bound (bound: at-most)",
    "exact": "state it exactly",
}


def _against_parts(name: str, count: Count, where: Where) -> InputError | None:
    """A count's value that its words give as a whole where the field counts the part, or as a part where
    it counts the whole ("12 av 25 inbjudna deltog": participant_count 12, invited_count 25; "hälften av de
    30" gives no number of those who took part)."""
    for part in parts_in(count.text):
        if part.every:
            continue
        shown = f"{part.part} av {part.whole}"
        if name != "invited_count" and count.value == part.whole:
            can = part.value is not None
            return InputError(
                where,
                f"{name}: value {count.value}, but its words {quoted(count.text)} give {part.whole} as the whole of "
                f"which a part took part ({quoted(shown)})"
                + ("" if can else f", and the part ({quoted(part.part)}) is no number that can be read"),
                f"value: {part.value}, the part that took part (and {part.whole} as invited_count where the words "
                "say they were invited)"
                if can
                else "no count of those who took part where the words give none (a note may quote them), and "
                f"{part.whole} as invited_count where the words say they were invited",
                'docs/adding-a-meeting.md, "invited_count, organisation_count"',
            )
        if name == "invited_count" and part.value is not None and count.value == part.value != part.whole:
            return InputError(
                where,
                f"{name}: value {count.value}, but its words {quoted(count.text)} give {count.value} as the part of "
                f"the whole {part.whole} that took part ({quoted(shown)}), not those invited",
                f"value: {part.whole}, the whole, where the words say it was invited; or the count as "
                "organisation_count or participant_count",
                'docs/adding-a-meeting.md, "invited_count, organisation_count"',
            )
    return None


def _bare_name(text: str) -> str | None:
    """The word naming a number that a count's words begin with ("dozen organisations", "dussin
    organisationer"): the words that say how many of it ("två", "ett par", "a couple of") are left out, so
    the number cannot be read; None where they begin otherwise."""
    first = next(iter(_TOKEN.finditer(text)), None)
    return first.group() if first is not None and _named(first) else None


def _check(m: Meeting, name: str, count: Count, kept: bool = False) -> list[InputError]:
    """``kept``: the count is credited to a kept text, whose words right before the count's bound or
    round it (stated.py reads them): "Inte fler än 20 organisationer deltog" quoted as "20
    organisationer" is marked at-most, and that check refuses the mark where those words do not give it."""
    readings = numbers_in(count.text)

    def where(field: str) -> Where:
        if count.lines:
            return count.lines.where(field if field in count.lines.fields else "text")
        return Where(Path(f"meetings/{m.id}.yaml"), 0, f"{name}.{field}")

    if not readings:
        if count.value is None:
            return []  # "ett stort antal": words without a number, and no number made up for them
        if count.value == 1 and any(t.group().casefold() in _ONE for t in _TOKEN.finditer(count.text)):
            return []  # "One organisation", "en organisation": the article is the number
        return [
            InputError(
                where("value"),
                f"{name}: value {count.value}, but its words {quoted(count.text)} give no number that can be read "
                "(a word before a number's name that leaves it open, 'några dussin', 'several dozen', or a number "
                "written in no way read)",
                "text: the source's words that give the number ('två dussin', 'ett 40-tal', 'drygt 20'); or no "
                "value where the words give none",
                'docs/adding-a-meeting.md, "invited_count, organisation_count"',
            )
        ]
    if (bare := _bare_name(count.text)) is not None:
        return [
            InputError(
                where("text"),
                f"{name}: its words {quoted(count.text)} begin with a word naming a number ({bare!r}) without the "
                "words that say how many of it",
                "text: the words from the one that says how many ('ett dussin', 'två dussin', 'ett par dussin', "
                "'a couple of dozen'), as the source writes them",
                'docs/adding-a-meeting.md, "invited_count, organisation_count"',
            )
        ]

    values = list(dict.fromkeys(str(r.value) for r in readings))
    given = ", ".join(values[:_GIVEN]) + (f" … ({len(values):,} numbers)" if len(values) > _GIVEN else "")
    if count.value not in {r.value for r in readings}:
        what = f"value {count.value}" if count.value is not None else "no value"
        return [
            InputError(
                where("value"),
                f"{name}: {what}, but its words {quoted(count.text)} give {given}",
                f"value: {values[0]}, the number the words give (a bound or a round number is "
                "the value, marked with bound or approximate)",
            )
        ]
    if (refused := _against_parts(name, count, where("value"))) is not None:
        return [refused]
    marked = count.bound or ("approximate" if count.approximate else "exact")
    same = [r for r in readings if r.value == count.value]
    reading = next((r for r in same if r.kind == marked), same[0])
    if marked == reading.kind:
        return []
    field = "bound" if count.bound else "approximate" if count.approximate else "value"
    says = f"bound: {count.bound}" if count.bound else "approximate: true" if count.approximate else "neither mark"
    if reading.kind == "exact" and kept:  # the words before them in the kept text are read (stated.py)
        return []
    if reading.kind == "exact":  # "30 organisationer" marked about 30 would be published as "about 30"
        return [
            InputError(
                where(field),
                f"{name}: {says}, but its words {quoted(count.text)} state the number exactly, with no word "
                "that rounds or bounds it",
                f"no {'bound' if count.bound else 'approximate'}; or, where the source rounds or bounds the number, "
                "its words in text (such as 'cirka 30', 'drygt 30', 'uppemot 30')",
                'docs/adding-a-meeting.md, "invited_count, organisation_count"',
            )
        ]
    expected = {
        "approximate": "approximate: true and no bound",
        "at-least": "bound: at-least and no approximate",
        "at-most": "bound: at-most and no approximate",
    }[reading.kind]
    return [
        InputError(
            where(field),
            f"{name}: {says}, but its words {quoted(reading.words)} {_KIND_WORDS[reading.kind].split(' (')[0]}",
            f"{expected}, as the words give the number",
            'docs/adding-a-meeting.md, "invited_count, organisation_count"',
        )
    ]
