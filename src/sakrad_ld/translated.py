"""A translation says no more than its original: in a text with both languages (a record's
``sv``/``en``), each of these is a warning naming the field, for a person to check. Accepted (a gloss
may spell a number out), but an English note that adds "42 organisations took part" to a Swedish one
that says nothing of the kind publishes a fact no source states.

- a number in one language and not the other;
- a number bounded or rounded otherwise ("Drygt 50" is at least 50, "Fewer than 50" at most 50, "ett
  tiotal" about 10, "10" exactly 10);
- a number tied to another claim or noun ("15 organisationer deltog och 13 räknas upp" against "13
  organisations took part and 15 are listed": 15 took part in one, was listed in the other);
- a claim that something was held (someone took part, chaired or led; the sakråd was held) or that
  someone was invited, stated in one language and not the other, or negated in one ("Att sakrådet
  hölls står inte på sidan") and not the other ("The page says the sakråd was held").
- a name of a person, organisation, body or place (the corpus's, :data:`PLACES`, :data:`WELL_KNOWN`, a
  capitalised run of the Swedish) in one and in none of its forms in the other; other months; other
  ordinals (första/first, sista/last …); another number of negations of any verb or quantifier
  (inte, ingen, aldrig / not, no, never); "all" or "every" in one only (see :func:`_kept_warnings`).
- another number of hedges of a kind: a doubt (troligen, kanske, preliminärt / probably, perhaps,
  provisional) or hearsay (enligt uppgift, uppges, ska ha / reportedly, is said to): the load checks'
  guard words of doubt and hearsay (:mod:`clauses`) and :data:`MORE_HEDGES` (see :func:`hedges`).

Numbers are compared as values: digits with their group separators taken out ("1 000", "1,000"), and
the number words of both languages ("femton", "fifteen", "tjugotre", "twenty-three", "ett tiotal",
"dussin", "dozen") as the numbers they name, so a Swedish quotation kept in the English text counts as
in both. The Swedish number words and the words that bound or round a count are the count check's
(:mod:`counted`: :func:`counted.number_value`, :data:`counted.LOWER`, :data:`counted.UPPER`,
:data:`counted.ROUNDING`) and their English counterparts (:data:`counted.EN_LOWER`, :data:`counted.EN_UPPER`,
:data:`counted.EN_ROUNDING`), which the count check reads too. "Över", "over" and "under" are also
prepositions ("pågått under två dagar", "run over two days"): before a number they bound it only
against a bound or a rounding of the other language, never against a plain number. A year (1900-2099)
or a day beside a month's name is a date, never bounded.

A claim belongs to its clause: the text is cut at stops, semicolons, colons, commas, brackets and
"och", "men", "and", "but"; a negation ("inte", "ej", "aldrig", "ingen", "not", "n't", "never", "no")
in the clause negates it. A quotation in the same words in both texts states its claims in both.

A number of more than :data:`typedyaml.MAX_DIGITS` digits is compared as its digits (leading zeros
aside) and never made an ``int``: Python refuses to convert more than 4,300 digits. A warning lists
at most five numbers, each cut as :func:`typedyaml.quoted` cuts a quotation. Every step reads the text
once, with look-arounds of at most three words (a name: at most the words of the longest name): the
time is linear in the text's length. No search
is started again from each place a pattern could begin: an address's domain ("regeringen.se") is
found from the last one of its run of letters, dots and hyphens, and a quotation's closing mark by a
search past the last one found (tests/test_translated_linear.py counts what each reads).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .clauses import DOUBT, GUARDS, HEARSAY, HEARSAY_WORDS, SOURCE_WORDS, LazyPattern, by_first_letter
from .counted import (
    APPROXIMATE,
    AT_LEAST,
    AT_MOST,
    EN_LOWER,
    EN_ROUNDING,
    EN_TEENS,
    EN_TENS,
    EN_UNITS,
    EN_UPPER,
    NAMED_NUMBERS,
    NUMBER_WORDS,
    ROUNDING_SUFFIX,
)
from .errors import InputError, Where
from .records import Corpus, Text
from .typedyaml import MAX_DIGITS, QUOTED, quoted

__all__ = ["EN_LOWER", "EN_ROUNDING", "EN_UPPER", "HEDGES", "HELD_WORDS", "INVITED_WORDS", "MONTH_NUMBERS",
           "MORE_HEDGES", "NEGATIONS", "ORDINALS", "PLACES", "UNIVERSALS", "WELL_KNOWN", "Names", "claims",
           "corpus_names", "hedges", "numbers", "readings", "translation_warnings"]  # fmt: skip

#: Words that claim something was held: someone took part, chaired or led, the sakråd or its
#: presentations were held, by language.
HELD_WORDS = {
    "sv": r"deltog|deltagit|deltar|delta|medverkade|medverkat|medverkar|medverka|närvarade|närvarat|närvarar|"
    r"närvara|(?:tog|tar|tagit|ta) del(?! av)|ledde|leddes|letts|lett av|ordförande|hölls|hållits|ägde rum|"
    r"ägt rum|genomfördes|genomförts|gavs(?! ut)|getts|givits",
    "en": r"took part|taken part|takes part|take part|taking part|participated|participates|participate|"
    r"participating|attended|attends|attend|attending|chaired|chairing|chairs|chair|led|present at|"
    r"(?:was|were|been|wasn't|weren't)(?: not| never)? (?:held|given|conducted|carried out)|took place|taken place",
}
#: Words that claim someone was invited, by language.
INVITED_WORDS = {
    "sv": r"bjöd|bjöds|bjuder|bjuds|bjudit|bjudits|bjudas|bjuda|inbjud\w*|inbjöd\w*",
    "en": r"invit\w*",
}
#: Words that claim a number was listed or named (read only as the claim a number is tied to).
_LISTED_WORDS = {
    "sv": r"räkna\w* upp|uppräkna\w*|listas|listade|listad|listan|namnges|namngavs|namngivna|nämns|nämnda|nämner",
    "en": r"listed|lists|list|named|names|mentioned|enumerated",
}
_NEGATION = {
    "sv": r"\b(?:inte(?! (?:fler|färre|mer|mindre) än| bara)|ej|icke|aldrig|ingen|inget|inga|ingenting|varken)\b",
    "en": r"\b(?:not(?! (?:more|less|fewer) than| quite| only)|never|no(?! (?:more|less|fewer) than)|none|nobody|"
    r"neither|nor|cannot)\b|n't\b",
}
_LANGS = ("sv", "en")
_CLAIM_WORDS = {"held": HELD_WORDS, "invited": INVITED_WORDS, "listed": _LISTED_WORDS}
#: The claim words of a language, each kind a group. The word boundary before them is read once for
#: all three (a search tries it at every place), not once for each kind: the same matches.
_CLAIMS = {
    lang: LazyPattern(
        r"\b(?:" + "|".join(rf"(?P<{k}>(?:{w[lang]})\b)" for k, w in _CLAIM_WORDS.items()) + ")", re.IGNORECASE
    )
    for lang in _LANGS
}
_NEGATED = {lang: LazyPattern(words, re.IGNORECASE) for lang, words in _NEGATION.items()}
#: A clause ends at a stop, semicolon, colon, comma, bracket, line end or a joining word.
_CLAUSE = LazyPattern(r"[.!?;:,()\[\]\n]+|\s(?:och|men|samt|and|but)\s", re.IGNORECASE)
#: A quotation: between two '"', or from '“' or '”' to '”', on one line, of 1 to QUOTE_LIMIT characters.
QUOTE_LIMIT = 2000
_OPENING = LazyPattern('["“”]')
_CLOSING = {'"': '"', "“": "”", "”": "”"}

#: Words after a number that bound or round it, in both languages.
_AFTER = {"or more": "at-least", "or over": "at-least", "eller fler": "at-least", "eller mer": "at-least",
          "eller fler än så": "at-least", "or fewer": "at-most", "or less": "at-most", "eller färre": "at-most",
          "eller mindre": "at-most", "or so": "approximate", "odd": "approximate", "or thereabouts": "approximate",
          "ish": "approximate"}  # fmt: skip
#: Prepositions that bound a number only in a count ("över 50 deltagare"), not in "under två dagar".
_PREPOSITIONS = {"over", "under", "över", "above", "below"}
_ARTICLES = {"a", "an", "en", "ett"}
_NOT = {"inte", "ej", "icke", "not", "no"}
_FLIPPED = {"at-least": "at-most", "at-most": "at-least"}


#: The words that bound or round a number, both languages' (counted.py: :data:`counted.EN_LOWER` …).
_MARKS = (("at-least", AT_LEAST), ("at-most", AT_MOST), ("approximate", APPROXIMATE))

#: Number words beyond the count check's Swedish ones: a dozen, a hundred, and the English words up to 99
#: (counted.py's tables: :data:`counted.EN_UNITS`, :data:`counted.EN_TEENS`, :data:`counted.EN_TENS`).
_OTHER_WORDS = {"hundra": 100, "hundred": 100, **NAMED_NUMBERS, **EN_UNITS, **EN_TEENS, **EN_TENS}
_MONTHS = frozenset(
    "januari februari mars april maj juni juli augusti september oktober november december "
    "january february march may june july august october".split()
)
#: A token: an address (skipped), digits (in groups, maybe with "-tal"), or a word.
_ADDRESS_WORDS = r"(?:https?://|www\.)\S+"
_DOMAIN = r"\b[\w.-]+\.(?:se|eu|org|com|net)(?:/\S*)?"  # read by _tokens, not by a search (see there)
_NUMBER_OR_WORD = (
    rf"|(?P<digits>\d{{1,3}}(?:[ \u00a0,]\d{{3}})+(?!\d)|\d+)(?P<tal>{re.escape(ROUNDING_SUFFIX)}(?:et|en)?\b)?"
    r"|(?P<word>[^\W\d_]+)"
)
_TOKEN = LazyPattern(rf"(?P<url>{_ADDRESS_WORDS}|{_DOMAIN}){_NUMBER_OR_WORD}", re.IGNORECASE)
#: _TOKEN without its domain branch, which a search would try from each word boundary of a run of
#: letters, dots and hyphens to the run's end ("a-a-a-…": quadratic).
_NO_DOMAIN = LazyPattern(rf"(?P<url>{_ADDRESS_WORDS}){_NUMBER_OR_WORD}", re.IGNORECASE)
_TOP_LEVEL = LazyPattern(r"\.(?:se|eu|org|com|net)", re.IGNORECASE)
_RUN = LazyPattern(r"[\w.-]+")
_BOUNDARY = LazyPattern(r"\b")
_NOT_SPACE = LazyPattern(r"\S*")
_ADDRESS = LazyPattern(r"(?:https?://|www\.)\S", re.IGNORECASE)
#: Where a branch of _NO_DOMAIN matches: found without reading the match (an address to its end).
_BEGINS = LazyPattern(r"(?=(?:https?://|www\.)\S|\d|[^\W\d_])", re.IGNORECASE)
_SPACE = LazyPattern(r"\.?[ \t\u00a0]*")  # "ca. 50"
_JOIN = LazyPattern(r"[ \t\u00a0-]?")
_NOUNS = (
    ("organisations", LazyPattern(r"organisation|organization|förening|förbund|association|society", re.I)),
    ("agencies", LazyPattern(r"myndighet|agenc|authorit", re.I)),
    (
        "people",
        LazyPattern(
            r"deltagare|person|people|representant|företrädare|participant|attendee|"
            r"individ|delegat|människor|minister",
            re.I,
        ),
    ),  # fmt: skip
)


def _value(digits: str) -> int | str:
    """A run of digits as its number, or as its digits without leading zeros where it is too long for
    an ``int`` to be worth making (more than :data:`typedyaml.MAX_DIGITS`)."""
    digits = re.sub(r"[ \u00a0,]", "", digits).lstrip("0") or "0"
    return int(digits) if len(digits) <= MAX_DIGITS else digits


#: Every number word of either language, casefolded, with its number (:data:`counted.NUMBER_WORDS` and
#: :data:`_OTHER_WORDS`), those naming 0 or 1 left out: a word here names a number by itself.
_WORD_VALUES = {w: v for w, v in {**NUMBER_WORDS, **_OTHER_WORDS}.items() if v > 1}
_ROUNDING_ENDS = ("talet", "talen", "tal")  # "ett tiotal", "sextiotalet", not "tiotals" (tens of)
#: Every word :func:`_word_value` can give a number for, casefolded, and some it gives none for
#: ("xtalet" of a number word "xtale"): most words of a text are looked up here alone.
_NUMBER_WORD_FORMS = frozenset(w + end for w in _WORD_VALUES for end in ("", *_ROUNDING_ENDS))


def _word_value(word: str) -> tuple[int, bool] | None:
    """The number a word names and whether the word itself rounds it ("tiotal", "sextiotalet",
    "dussintal"); the articles 'en', 'ett' and 'one' name none (a spelt-out number counts from two on)."""
    w = word.casefold()
    rounds = False
    if w.endswith(_ROUNDING_ENDS):
        for end in _ROUNDING_ENDS:
            if w.endswith(end) and len(w) > len(end):
                w, rounds = w[: -len(end)], True
                break
    value = _WORD_VALUES.get(w)
    return None if value is None else (value, rounds)


@dataclasses.dataclass(frozen=True)
class Reading:
    """A number in a text: its value, how the words give it, the words, and the clause it stands in."""

    value: int | str
    kind: str  # "exact", "approximate", "at-least", "at-most"; "at-least?"/"at-most?" after a preposition
    words: str
    clause: int  # index of the clause (see _clauses)
    noun: str | None  # "organisations", "agencies", "people" where the words after it name one


def _mark(lead: str) -> str | None:
    for kind, pattern in _MARKS:
        if pattern.fullmatch(lead):
            return kind + ("?" if lead.casefold() in _PREPOSITIONS else "")
    return None


def _tokens(text: str) -> list[re.Match[str]]:
    """The tokens of ``text``, as ``_TOKEN.finditer`` gives them, in time linear in the text.

    The domain branch matches at a word boundary of a run of ``[\\w.-]`` that has a top-level domain
    ('.se', …) after it in the run, up to the run's last one (its ``[\\w.-]+`` is greedy): each run
    with a domain is read once for its start and last domain. Where the next such boundary comes
    before the next place another branch can begin (:data:`_BEGINS`), or at it and the other is not
    an address, the token is the domain's; otherwise the other branches' match there.
    """
    dots = [m.start() for m in _TOP_LEVEL.finditer(text)]
    if not dots:
        return list(_NO_DOMAIN.finditer(text))
    runs: list[tuple[int, int]] = []  # (start, its last domain's dot) of each run with a domain after its start
    backwards, run_end = None, -1
    for dot in dots:
        if dot < run_end:  # a later domain of the same run
            runs[-1] = (runs[-1][0], dot)
            continue
        backwards = backwards or text[::-1]
        start = len(text) - _RUN.match(backwards, len(text) - 1 - dot).end()  # type: ignore[union-attr]
        run_end = _RUN.match(text, dot).end()  # type: ignore[union-attr]
        runs.append((start, dot))
    tokens: list[re.Match[str]] = []
    pos = run_at = 0
    begins: int | None = -1  # where another branch can next match (-1: not looked for; None: nowhere)
    domain: int | None = -1  # where the domain branch next matches
    while True:
        if begins is not None and begins < pos:
            begins = b.start() if (b := _BEGINS.search(text, pos)) else None
        if domain is not None and domain < pos:
            domain = None
            while run_at < len(runs):
                start, dot = runs[run_at]
                if dot > pos and (b := _BOUNDARY.search(text, max(start, pos), dot)) and b.start() < dot:
                    domain = b.start()
                    break
                run_at += 1
        if domain is not None and (
            begins is None or domain < begins or (domain == begins and not _ADDRESS.match(text, domain))
        ):
            end = _TOP_LEVEL.match(text, runs[run_at][1]).end()  # type: ignore[union-attr]
            if text.startswith("/", end):
                end = _NOT_SPACE.match(text, end).end()  # type: ignore[union-attr]
            token = _TOKEN.match(text, domain, end)  # the run cut after its last domain: no more read than the token
        elif begins is not None:
            token = _NO_DOMAIN.match(text, begins)
        else:
            return tokens
        tokens.append(token)  # type: ignore[arg-type]
        pos = token.end()  # type: ignore[union-attr]


def _clause_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _CLAUSE.finditer(text))]


def readings(text: str, words: _Words | None = None) -> list[Reading]:
    """Every number ``text`` names, in order, with its bound, the words giving it, its clause and noun
    (``words``: :func:`_words_and_days` of ``text``, if read already)."""
    tokens = _tokens(text)
    days = (words or _words_and_days(text))[1]  # "den andra maj": 2
    # the tokens a number can begin at: digits, the words that name a number, an ordinal naming a day
    begins = [
        i for i, t in enumerate(tokens)
        if (group := t.lastgroup) != "word" and group != "url"
        or group == "word" and t[0].casefold() in _NUMBER_WORD_FORMS and _word_value(t[0]) is not None
        or t.start() in days
    ]  # fmt: skip
    if not begins:
        return []
    starts = _clause_starts(text)
    found: list[Reading] = []
    clause = 0
    resume = 0  # the first token after the last number read
    for i in begins:
        if i < resume:
            continue  # a part of the number before ("twenty-three", "50 or more")
        token = tokens[i]
        while clause + 1 < len(starts) and starts[clause + 1] <= token.start():
            clause += 1
        last = i  # the last token of the number
        if token.start() in days:  # a day of a month, in words or as "2nd", "2:a"
            end, value = days[token.start()]
            while last + 1 < len(tokens) and tokens[last + 1].end() <= end:
                last += 1
            kind = "exact"
        elif token["digits"]:
            value: int | str = _value(token["digits"])
            kind = "approximate" if token["tal"] else "exact"
        else:
            value, rounds = _word_value(token["word"])  # type: ignore[misc]
            kind = "approximate" if rounds else "exact"
            # "twenty-three", "twenty three"
            if (
                token["word"].casefold() in EN_TENS
                and i + 1 < len(tokens)
                and tokens[i + 1]["word"]
                and tokens[i + 1]["word"].casefold() in EN_UNITS
                and _JOIN.fullmatch(text, token.end(), tokens[i + 1].start())
            ):
                value, last = int(value) + EN_UNITS[tokens[i + 1]["word"].casefold()], i + 1
        first = i
        date = (
            token.start() in days
            or isinstance(value, int)
            and 1900 <= value <= 2099
            and token["digits"]
            and len(token["digits"]) == 4
        ) or any(0 <= j < len(tokens) and (tokens[j]["word"] or "").casefold() in _MONTHS for j in (i - 1, last + 1))
        if not date:
            # an article between the bound and the number: "drygt ett tiotal", "about a dozen"
            at = i - 1 if i > 0 and (tokens[i - 1]["word"] or "").casefold() in _ARTICLES else i
            for n in (3, 2, 1):  # "no fewer than 20", "fler än 20", "över 20"
                if at - n < 0 or not all(tokens[j]["word"] for j in range(at - n, at)):
                    continue
                if not all(_SPACE.fullmatch(text, tokens[j].end(), tokens[j + 1].start()) for j in range(at - n, at)):
                    continue
                if mark := _mark(" ".join(tokens[j]["word"] for j in range(at - n, at))):
                    kind, first = ("approximate" if kind == "approximate" and mark.endswith("?") else mark), at - n
                    before = tokens[first - 1] if first > 0 else None
                    if (  # "inte fler än 20" is at most 20, "not less than 20" at least 20
                        before is not None
                        and (before["word"] or "").casefold() in _NOT
                        and kind.rstrip("?") in _FLIPPED
                        and _SPACE.fullmatch(text, before.end(), tokens[first].start())
                    ):
                        kind, first = _FLIPPED[kind.rstrip("?")], first - 1
                    break
            for n in (3, 2, 1):  # "50 or more", "50-odd", "50 eller fler"
                after = tokens[last + 1 : last + 1 + n]
                if len(after) < n or not all(t["word"] for t in after):
                    continue
                if not _JOIN.fullmatch(text, tokens[last].end(), after[0].start()) or not all(
                    _SPACE.fullmatch(text, a.end(), b.start()) for a, b in zip(after, after[1:], strict=False)
                ):
                    continue
                if mark := _AFTER.get(" ".join(t["word"] for t in after).casefold()):
                    kind, last = mark, last + n
                    break
        noun = None
        end = starts[clause + 1] if clause + 1 < len(starts) else len(text)
        for t in tokens[last + 1 : last + 4]:  # the noun it counts, in its clause: "15 ideella organisationer"
            if not t["word"] or t.start() >= end:
                break
            if noun := next((name for name, p in _NOUNS if p.search(t["word"])), None):
                break
        found.append(Reading(value, kind, text[tokens[first].start() : tokens[last].end()], clause, noun))
        resume = last + 1
    return found


def numbers(text: str) -> set[int | str]:
    """The numbers ``text`` names, in digits or in words of either language (a number of more than
    :data:`typedyaml.MAX_DIGITS` digits as its digits, a string)."""
    return {r.value for r in readings(text)}


def claims(text: str, lang: str) -> list[tuple[str, bool, int, str]]:
    """The claims of ``text`` in ``lang``: (kind: held, invited or listed; negated; clause; the words).

    The claim words are searched for in the whole text at once, each found in the clause it begins
    in: a clause ends with its separator (punctuation, or a joining word between spaces), which no
    claim's words hold, so none runs from one clause into the next, and the word boundaries at a
    clause's ends are the same in the clause as in the text. A clause with a claim is searched for a
    negation by itself, as before."""
    hits = list(_CLAIMS[lang].finditer(text))
    if not hits:
        return []
    starts = _clause_starts(text)
    found = []
    negated: dict[int, bool] = {}
    for h in hits:
        n = bisect_right(starts, h.start()) - 1
        if n not in negated:
            end = starts[n + 1] if n + 1 < len(starts) else len(text)
            negated[n] = bool(_NEGATED[lang].search(text[starts[n] : end]))
        found.append((h.lastgroup or "", negated[n], n, h[0]))
    return found


def _order(number: int | str) -> tuple[int, str]:
    return len(str(number)), str(number)  # digits without leading zeros: longer is larger


def listed(numbers: list[int | str], most: int = 5) -> str:
    """At most ``most`` of ``numbers``, a long one cut to its first digits and its length, and how
    many more there are."""
    shown = [_shown(n) for n in numbers[:most]]
    return ", ".join(shown) + (f" and {len(numbers) - most:,} more" if len(numbers) > most else "")


def _shown(n: int | str) -> str:
    return str(n) if len(str(n)) <= QUOTED else f"{str(n)[:20]}… ({len(str(n)):,} digits)"


def _texts(record: object, lines: object, path: str) -> Iterator[tuple[str, Text, object]]:
    """(field path, text, the lines to name it by) for each Text in ``record`` and what it holds, in
    the order of its fields. Only the fields whose type may hold a Text are read (:func:`_text_fields`):
    a meeting's lists of organisations, sources and counts are passed over."""
    if isinstance(record, Text):
        yield path, record, record.lines or lines
        return
    fields = _TEXT_FIELDS.get(type(record))
    if fields is None:
        if not dataclasses.is_dataclass(record):
            return
        fields = _text_fields(type(record))
    own = getattr(record, "lines", None) or lines
    for name in fields:
        value = getattr(record, name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from _texts(item, own, f"{name}[{i}]")
        elif value is not None and not isinstance(value, (str, int, float, bool)):
            yield from _texts(value, own, name)


#: The fields of each record class that may hold a Text (:func:`_text_fields`), found once per class.
_TEXT_FIELDS: dict[type, tuple[str, ...]] = {}
#: Types that hold no Text, whatever their place in a record.
_NO_TEXT = (str, int, float, bool, type(None), dt.date, dt.datetime)


def _text_fields(cls: type) -> tuple[str, ...]:
    """The names of the fields of the dataclass ``cls`` (but ``lines``) whose declared type may hold a
    Text at any depth; every field where the types cannot be read."""
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # a type that names what cannot be found: read every field, as before
        hints = {}
    names = tuple(
        f.name
        for f in dataclasses.fields(cls)
        if f.name != "lines" and (f.name not in hints or _may_hold_text(hints[f.name], set()))
    )
    _TEXT_FIELDS[cls] = names
    return names


def _may_hold_text(kind: object, seen: set[type]) -> bool:
    """Whether a value of the type ``kind`` may be or hold a Text: True for any type it cannot tell."""
    if isinstance(kind, type) and not typing.get_args(kind):
        if issubclass(kind, Text):
            return True
        if issubclass(kind, _NO_TEXT):
            return False
        if not dataclasses.is_dataclass(kind):
            return not issubclass(kind, (Path, re.Pattern))
        if kind in seen:
            return False  # read already, further up
        seen.add(kind)
        classes = [kind, *_subclasses(kind)]
        return any(_may_hold_text(t, seen) for c in classes for name, t in _hints_or_any(c).items() if name != "lines")
    origin = typing.get_origin(kind)
    if origin is typing.Literal:
        return False
    if origin is typing.Annotated:
        return _may_hold_text(typing.get_args(kind)[0], seen)
    if origin in (typing.Union, types.UnionType, list, tuple, set, frozenset):
        return any(_may_hold_text(a, seen) for a in typing.get_args(kind) if a is not Ellipsis)
    supertype = getattr(kind, "__supertype__", None)  # a NewType
    return _may_hold_text(supertype, seen) if supertype is not None else True


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _hints_or_any(cls: type) -> dict[str, object]:
    try:
        return typing.get_type_hints(cls)
    except Exception:
        return {f.name: object for f in dataclasses.fields(cls)}


_KINDS = {"exact": "exactly", "approximate": "about", "at-least": "at least", "at-most": "at most"}
_CLAIM_NAMES = {"held": "took part, chaired or led, or that it was held", "invited": "was invited", "listed": "listed"}


def _fits(kind: str, others: set[str]) -> bool:
    """Whether a number given as ``kind`` is given so in the other language too ("över 50" fits "50"
    or "more than 50": the preposition may not bound it)."""
    plain = kind.rstrip("?")
    return any(o.rstrip("?") == plain or (kind.endswith("?") and o == "exact") or
               (o.endswith("?") and kind == "exact") for o in others)  # fmt: skip


def _shared_quotes(sv: str, en: str) -> list[str]:
    """The quotations that stand in the same words in both texts."""
    quotes_en = set(_quotes(en))
    return [q for q in _quotes(sv) if q in quotes_en]


def _quotes(text: str) -> Iterator[str]:
    """Each quotation of ``text`` (see :data:`QUOTE_LIMIT`) in order, an opening mark without its closing
    one passed over. The next closing mark and line end are looked for only past the last ones found:
    one pass over the text, however many marks open nothing."""
    pos = 0
    after = {'"': -1, "”": -1, "\n": -1}  # the next of each at or after a position (len(text): none)
    while opening := _OPENING.search(text, pos):
        p = opening.start()
        closing = _CLOSING[opening[0]]
        for mark in (closing, "\n"):
            if after[mark] <= p:
                found = text.find(mark, p + 1)
                after[mark] = found if found >= 0 else len(text)
        end = after[closing]
        if end < after["\n"] and 1 <= end - p - 1 <= QUOTE_LIMIT:
            yield text[p + 1 : end]
            pos = end + 1
        else:
            pos = p + 1


def _pair_warnings(sv: str, en: str, names: Names | None = None) -> list[tuple[str, str]]:
    """(message, expected) for each way ``sv`` and ``en`` differ (``names``: the corpus's, see
    :func:`corpus_names`; without them, the well-known places and bodies only)."""
    words = {"sv": _words_and_days(sv), "en": _words_and_days(en)}  # each text's words read once
    found: list[tuple[str, str]] = _kept_warnings(sv, en, names, words) + _hedge_warnings(sv, en)
    read = {"sv": readings(sv, words["sv"]), "en": readings(en, words["en"])}
    values = {lang: {r.value for r in read[lang]} for lang in _LANGS}
    for lang, other in (("sv", "en"), ("en", "sv")):
        extra = sorted(values[lang] - values[other], key=_order)
        if extra:
            found.append(
                (f"the {lang} text names {listed(extra)}, which the {other} text does not",
                 "the two languages to state the same numbers")
            )  # fmt: skip
    texts = {"sv": sv, "en": en}
    said = {lang: claims(texts[lang], lang) for lang in _LANGS}
    quoted_claims = {lang: [c for q in _shared_quotes(sv, en) for c in claims(q, lang)] for lang in _LANGS}
    # a number's bound, claims and noun, value by value
    both = values["sv"] & values["en"]
    kinds: dict[str, dict[int | str, dict[str, str]]] = {lang: {} for lang in _LANGS}
    tied: dict[str, dict[int | str, dict[str, str]]] = {lang: {} for lang in _LANGS}
    nouns: dict[str, dict[int | str, set[str]]] = {lang: {} for lang in _LANGS}
    for lang in _LANGS:
        by_clause: dict[int, dict[str, str]] = {}
        for kind, _negated, clause, words in said[lang]:
            by_clause.setdefault(clause, {}).setdefault(kind, words)
        for r in read[lang]:
            if r.value in both:
                kinds[lang].setdefault(r.value, {}).setdefault(r.kind, r.words)
                tied[lang].setdefault(r.value, {}).update(
                    {k: w for k, w in by_clause.get(r.clause, {}).items() if k not in tied[lang].get(r.value, {})}
                )
                if r.noun:
                    nouns[lang].setdefault(r.value, set()).add(r.noun)
    bounds, ties, named = [], [], []
    for value in sorted(both, key=_order):
        ks = {lang: kinds[lang][value] for lang in _LANGS}
        if any(not _fits(k, set(ks[o])) for lang, o in (("sv", "en"), ("en", "sv")) for k in ks[lang]):
            bounds.append(
                f"{_shown(value)}: sv " + ", ".join(f"{_KINDS[k.rstrip('?')]} ({quoted(w)})" for k, w in ks["sv"].items())
                + "; en " + ", ".join(f"{_KINDS[k.rstrip('?')]} ({quoted(w)})" for k, w in ks["en"].items())
            )  # fmt: skip
        ts = {lang: tied[lang].get(value, {}) for lang in _LANGS}
        if ts["sv"] and ts["en"] and set(ts["sv"]) != set(ts["en"]):
            ties.append(
                f"{_shown(value)}: sv " + ", ".join(f"{_CLAIM_NAMES[k].split(',')[0]} ({quoted(w)})" for k, w in ts["sv"].items())
                + "; en " + ", ".join(f"{_CLAIM_NAMES[k].split(',')[0]} ({quoted(w)})" for k, w in ts["en"].items())
            )  # fmt: skip
        ns = {lang: nouns[lang].get(value, set()) for lang in _LANGS}
        if ns["sv"] and ns["en"] and ns["sv"] != ns["en"]:
            named.append(f"{_shown(value)}: sv {', '.join(sorted(ns['sv']))}; en {', '.join(sorted(ns['en']))}")
    for items, what, expected in (
        (bounds, "bound or round", "each number bounded or rounded alike in both languages"),
        (ties, "tie to other claims", "each number tied to the same claim in both languages"),
        (named, "count other things", "each number counting the same things in both languages"),
    ):
        if items:
            more = f" and {len(items) - 5:,} more" if len(items) > 5 else ""
            found.append((f"the sv and en texts {what}: " + " | ".join(items[:5]) + more, expected))
    # held and invited, stated or negated
    stated = {lang: {} for lang in _LANGS}  # type: dict[str, dict[tuple[str, bool], str]]
    for lang in _LANGS:
        for kind, negated, _clause, words in said[lang] + quoted_claims["en" if lang == "sv" else "sv"]:
            if kind != "listed":
                stated[lang].setdefault((kind, negated), words)
    for lang, other in (("sv", "en"), ("en", "sv")):
        for (kind, negated), words in stated[lang].items():
            if (kind, negated) in stated[other]:
                continue
            if kind == "held" and not negated:
                says = f"says someone took part, chaired or led, or that it was held ({quoted(words)})"
            elif kind == "held":
                says = f"says with a negation that someone took part, chaired or led, or that it was held ({quoted(words)})"
            else:
                says = f"says{' with a negation' if negated else ''} that someone was invited ({quoted(words)})"
            found.append(
                (
                    f"the {lang} text {says}, which the {other} text does not",
                    "the two languages to make the same claims",
                )
            )
    return found


def translation_warnings(corpus: Corpus) -> list[InputError]:
    """Every way a record's text says more or other in one language than in the other."""
    found: list[InputError] = []
    names: Names | None = None  # made at the first text with both languages: a corpus may have none
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}  # a pair repeated (a role, a title) is read once
    for attr in ("sources", "bodies", "posts", "people", "organisations", "meetings"):
        for record in getattr(corpus, attr):
            for path, text, lines in _texts(record, None, ""):
                if not text.en:
                    continue
                where = lines.where("en") if lines is not None else Where(Path("?"), 0, f"{path}.en")  # type: ignore[attr-defined]
                if text.lines is None and lines is not None:  # a text written as a bare string has no lines of its own
                    where = lines.where(path)  # type: ignore[attr-defined]
                said = pairs.get((text.sv, text.en))
                if said is None:
                    if names is None:
                        names = corpus_names(corpus)
                    said = pairs[(text.sv, text.en)] = _pair_warnings(text.sv, text.en, names)
                found += [InputError(where, message, expected) for message, expected in said]
    return found


# Names, months, ordinals and negations (each text read once, word by word)

#: Places often named in the data's texts, each with its English name where it differs (a place the
#: corpus names is added from each meeting's ``place``). A place is found in either language's form.
PLACES = {
    "Sverige": "Sweden", "Stockholm": "Stockholm", "Göteborg": "Gothenburg", "Malmö": "Malmö",
    "Uppsala": "Uppsala", "Linköping": "Linköping", "Örebro": "Örebro", "Västerås": "Västerås",
    "Norrköping": "Norrköping", "Helsingborg": "Helsingborg", "Jönköping": "Jönköping", "Umeå": "Umeå",
    "Lund": "Lund", "Luleå": "Luleå", "Gävle": "Gävle", "Sundsvall": "Sundsvall", "Östersund": "Östersund",
    "Karlstad": "Karlstad", "Växjö": "Växjö", "Kalmar": "Kalmar", "Halmstad": "Halmstad", "Kiruna": "Kiruna",
    "Visby": "Visby", "Gotland": "Gotland", "Skåne": "Scania", "Norrland": "Norrland", "Europa": "Europe",
    "Bryssel": "Brussels", "Strasbourg": "Strasbourg", "Luxemburg": "Luxembourg", "Genève": "Geneva",
    "Köpenhamn": "Copenhagen", "Oslo": "Oslo", "Helsingfors": "Helsinki", "Danmark": "Denmark",
    "Norge": "Norway", "Finland": "Finland", "Tyskland": "Germany", "Frankrike": "France",
    "Ukraina": "Ukraine", "Ryssland": "Russia", "Polen": "Poland", "Estland": "Estonia", "Lettland": "Latvia",
    "Litauen": "Lithuania", "Island": "Iceland", "Norden": "Nordic countries", "New York": "New York",
}  # fmt: skip
#: Bodies often named in the texts that the data need not hold, Swedish and English, found as places are.
WELL_KNOWN = {
    "Europeiska unionen": "European Union", "EU": "EU", "Europeiska kommissionen": "European Commission",
    "Kommissionen": "Commission", "Europaparlamentet": "European Parliament", "Europeiska rådet": "European Council",
    "Europarådet": "Council of Europe", "Förenta nationerna": "United Nations", "FN": "UN", "Riksdagen": "Riksdag",
    "Regeringen": "Government", "Regeringskansliet": "Government Offices of Sweden",
}  # fmt: skip
#: Month names of both languages with their numbers; an English one only capitalised ("may", "march").
MONTH_NUMBERS = {
    **{m: i for i, m in enumerate("januari februari mars april maj juni juli augusti september oktober "
                                  "november december".split(), 1)},
    **{m: i for i, m in enumerate("January February March April May June July August September October "
                                  "November December".split(), 1)},
}  # fmt: skip
#: Ordinal words of both languages, each with the place it names ("last": the last or latest one).
ORDINALS = {
    **dict.fromkeys(("första", "förste", "premiär", "premiären", "first", "firstly"), "first"),
    **dict.fromkeys(("andra", "andre", "second", "secondly"), "second"),
    **dict.fromkeys(("tredje", "third"), "third"), **dict.fromkeys(("fjärde", "fourth"), "fourth"),
    **dict.fromkeys(("femte", "fifth"), "fifth"), **dict.fromkeys(("sjätte", "sixth"), "sixth"),
    **dict.fromkeys(("sjunde", "seventh"), "seventh"), **dict.fromkeys(("åttonde", "eighth"), "eighth"),
    **dict.fromkeys(("nionde", "ninth"), "ninth"), **dict.fromkeys(("tionde", "tenth"), "tenth"),
    **dict.fromkeys(("elfte", "eleventh"), "eleventh"), **dict.fromkeys(("tolfte", "twelfth"), "twelfth"),
    **dict.fromkeys(("sista", "siste", "senaste", "slutliga", "förra", "föregående", "last", "latest", "final",
                     "previous", "preceding"), "last"),
    **dict.fromkeys(("nästa", "nästkommande", "next"), "next"),
}  # fmt: skip
_EN_ORDINALS = frozenset(
    "first firstly second secondly third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth last latest final previous preceding next".split()
)
#: "andra" is an ordinal only after an article or a possessive ("den andra artikeln"); else it is
#: "other" ("andra organisationer", "de andra").
_ANDRA_AFTER = frozenset("den det en ett sin sitt dess hans hennes deras vår vårt".split())
#: "final" and "slutliga" name the last one only after a determiner, a genitive's "s" or a joining word
#: ("the final meeting", "the meeting's final session", "the first and final", "det slutliga mötet"); else
#: they say that something is settled ("The date is final", "Final report"), no rank.
_FINAL = frozenset(("final", "slutliga"))
_FINAL_AFTER = _ANDRA_AFTER | frozenset(
    "the a an its their his her our your this that these those s och eller and or sina våra".split()
)
#: Ordinal words that can name a day of a month (1-31), casefolded, with the day: Swedish "första" to
#: "trettioförsta" (and "förste", "andre", "tretti-"), English "first" to "thirtieth" (the compounds
#: "twenty-first" … are two words: see :func:`_day_spans`).
_SV_UNIT_DAYS = {"första": 1, "förste": 1, "andra": 2, "andre": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6,
                 "sjunde": 7, "åttonde": 8, "nionde": 9}  # fmt: skip
_EN_UNIT_DAYS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9}  # fmt: skip
_EN_DAYS = {
    **_EN_UNIT_DAYS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}  # fmt: skip
DAY_ORDINALS = {
    **_SV_UNIT_DAYS, "tionde": 10, "elfte": 11, "tolfte": 12, "trettonde": 13, "fjortonde": 14, "femtonde": 15,
    "sextonde": 16, "sjuttonde": 17, "artonde": 18, "nittonde": 19, "tjugonde": 20, "trettionde": 30,
    "trettiende": 30,
    **{f"tjugo{w}": 20 + d for w, d in _SV_UNIT_DAYS.items()},
    **{f"{tens}{w}": 31 for tens in ("trettio", "tretti") for w in ("första", "förste")},
    **_EN_DAYS,
}  # fmt: skip
_EN_DAY_WORDS = frozenset(_EN_DAYS)
_EN_TENS_DAYS = {"twenty": 20, "thirty": 30}
_SV_MONTHS = frozenset(m for m in MONTH_NUMBERS if m.islower())
_BLANKS = LazyPattern(r"[ \t\u00a0]*")
_DIGIT_ORDINAL = LazyPattern(r"(\d{1,2})(?:st|nd|rd|th)", re.IGNORECASE)  # "2nd", "21st"
#: Words that join two days of one month ("första och andra maj", "the 1st and 2nd of May").
_DAY_JOINERS = frozenset("och eller till samt and or to".split())
#: Lowercase words that may follow "the first May" where it is a day ("on the first May in Stockholm");
#: another ("the first May meeting") makes the month a word of a noun's, the ordinal a rank.
_AFTER_EN_DAY = frozenset("in at on and or to the a was were is are by for with from when that this of".split())


def _is_month(word: str) -> bool:
    """Whether ``word`` names a month: a Swedish name in any case, an English one capitalised."""
    return word.casefold() in _SV_MONTHS or word in MONTH_NUMBERS


def _day_spans(text: str, words: list[tuple[int, str]]) -> dict[int, tuple[int, int]]:
    """Start → (end, day) of each ordinal in ``text`` that names a day of a month, not a rank: before
    a month ("den andra maj", "första april", "2nd May", "den 2:a maj"), before "of" or "dagen i" and a
    month ("the second of May", "andra dagen i maj", "the 21st day of May"), after a month ("May 2nd";
    an English word only where no word follows: "May second, 2023"), or joined to such a day by "och",
    "and", "till", a comma or a dash ("första och andra maj"). ``words``: ``_WORD``'s matches of ``text``
    as (start, word). Each ordinal is looked at with at most the three words after it: linear."""
    units: list[tuple[int, int, int, int]] = []  # (first word, last word, day, whether an English word)
    n = len(words)
    i = 0
    while i < n:
        start, word = words[i]
        w = word.casefold()
        unit: tuple[int, int, int] | None = None  # (last word, day, English word)
        if (day := DAY_ORDINALS.get(w)) is not None:
            unit = (i, day, int(w in _EN_DAY_WORDS))
        elif w in _EN_TENS_DAYS and i + 1 < n and words[i + 1][1].casefold() in _EN_UNIT_DAYS:
            gap = text[start + len(word) : words[i + 1][0]]
            if gap in ("-", " ", "\u2010", "\u2011"):  # "twenty-first", "twenty first"
                unit = (i + 1, _EN_TENS_DAYS[w] + _EN_UNIT_DAYS[words[i + 1][1].casefold()], 1)
        elif (m := _DIGIT_ORDINAL.fullmatch(word)) is not None:
            unit = (i, int(m[1]), 0)
        elif word.isdigit() and len(word) <= 2 and i + 1 < n and words[i + 1][1].casefold() in ("a", "e"):
            if text[start + len(word) : words[i + 1][0]] == ":":  # "2:a", "3:e"
                unit = (i + 1, int(word), 0)
        if unit is not None and 1 <= unit[1] <= 31:
            units.append((i, *unit))
            i = unit[0] + 1
        else:
            i += 1

    def gap(a: int, b: int) -> str:  # what stands between word a and word b
        return text[words[a][0] + len(words[a][1]) : words[b][0]]

    def spaced(a: int, b: int) -> bool:
        return b < n and gap(a, b).strip(" \t\u00a0") == ""

    days: dict[int, tuple[int, int]] = {}
    following: tuple[int, int] | None = None  # the next unit after this one: (its first word, whether a day)
    for first, last, day, english in reversed(units):
        k = last + 1
        is_day = False
        if spaced(last, k) and _is_month(words[k][1]):  # "andra maj", "2nd May"
            after = words[k + 1][1] if k + 1 < n and spaced(k, k + 1) else ""
            is_day = not english or not after[:1].islower() or after.casefold() in _AFTER_EN_DAY
        elif spaced(last, k) and words[k][1].casefold() in ("of", "day", "dagen"):
            m = k + 1 if words[k][1].casefold() == "of" else k + 2
            is_day = (m == k + 1 or (spaced(k, k + 1) and words[k + 1][1].casefold() in ("of", "i"))) and (
                spaced(m - 1, m) and _is_month(words[m][1])
            )  # "second of May", "andra dagen i maj", "21st day of May"
        if not is_day and first > 0 and spaced(first - 1, first) and _is_month(words[first - 1][1]):
            end = _BLANKS.match(text, words[last][0] + len(words[last][1])).end()  # type: ignore[union-attr]
            is_day = not english or not text[end : end + 1].isalpha()  # "May 2nd", "May second, 2023"
        if not is_day and following is not None and following[1]:  # "första och andra maj", "1st, 2nd May"
            nxt = following[0]
            is_day = (
                nxt == k and gap(last, k).strip(" \t\u00a0") in (",", "-", "–", "—")
                or nxt == k + 1 and spaced(last, k) and spaced(k, nxt) and words[k][1].casefold() in _DAY_JOINERS
            )  # fmt: skip
        if is_day:
            days[words[first][0]] = (words[last][0] + len(words[last][1]), day)
        following = (first, is_day)
    return days


#: Negations of a verb or a quantifier, by language; "utan" (without) only where no negation came
#: before it in the sentence ("inte A utan B": not A but B).
NEGATIONS = {
    "sv": frozenset("inte ej icke aldrig ingen inget inga ingenting ingenstans ingendera varken utan".split()),
    "en": frozenset("not never no none nobody nothing nowhere neither cannot without".split()),
}
#: Words that quantify over all, of either language: compared as said or not said ("Ingen organisation
#: namnges" against "Every organisation is named" is a negation in one only; "Några" against "Every" this).
UNIVERSALS = frozenset("alla samtliga varje varenda allihop all every each everyone everybody everything".split())
#: Words after a negation that make it a bound of a number or a restriction, not a negation.
_NOT_NEGATING = {
    "sv": frozenset("fler färre mer mindre bara enbart endast".split()),
    "en": frozenset("more less fewer only quite longer".split()),
}
_WORD = LazyPattern(r"[^\W_]+")
#: Every casefolded word a month, ordinal, quantifier or negation can be (an English month is also
#: looked up as written).
_MARKED = frozenset(MONTH_NUMBERS) | frozenset(ORDINALS) | UNIVERSALS | NEGATIONS["sv"] | NEGATIONS["en"]
#: What ends a sentence before a word: a capitalised word after it is not taken for a name by itself.
_SENTENCE_END = frozenset('.!?:;"“”«»(\n')
_FOLD = str.maketrans("kåäöéèü", "caaooeu")


@dataclasses.dataclass
class Names:
    """The names of people, organisations, bodies and places, each by all its forms (Swedish, English,
    other names, the capitalised words a name begins with), in a tree of casefolded words."""

    labels: list[str] = dataclasses.field(default_factory=list)
    tree: dict = dataclasses.field(default_factory=dict)  # word -> subtree; "" -> the name's index
    _longest: _Longest | None = dataclasses.field(default=None, repr=False, compare=False)

    def add(self, *forms: str) -> None:
        forms = tuple(f for f in forms if f and f.strip())
        if not forms:
            return
        self._longest = None
        index = next((i for f in forms if (i := self._index(f)) is not None), len(self.labels))
        if index == len(self.labels):
            self.labels.append(forms[0])
        for form in forms:
            words = _WORD.findall(form)
            # "Government Offices of Sweden" is also "the Government Offices": its capitalised first words
            lead = next((n for n, w in enumerate(words) if not w[0].isupper()), len(words))
            for cut in {len(words), lead if lead >= 2 else len(words)}:
                node = self.tree
                for w in words[:cut]:
                    node = node.setdefault(w.casefold(), {})
                node.setdefault("", index)

    def longest(self, folded: list[str]) -> list[tuple[int, int | None]]:
        """For each word of ``folded`` (casefolded words), the longest name of the tree that begins
        there: (its last word's place, its index), (-1, None) where none does (:class:`_Longest`)."""
        if self._longest is None:
            self._longest = _Longest(self.tree)
        return self._longest.read(folded)

    def _index(self, form: str) -> int | None:
        """The name ``form`` is a form of already (a body and a well-known name alike: one name)."""
        node = self.tree
        for w in _WORD.findall(form):
            node = node.get(w.casefold())  # type: ignore[assignment]
            if node is None:
                return None
        return node.get("")  # type: ignore[return-value]


class _Longest:
    """The names of a :class:`Names` tree as an automaton of Aho and Corasick over their words read
    backwards: read from a text's last word to its first, it gives at each word the longest name that
    begins there in one step (failure links, each word read a bounded number of times on the whole), so
    a text is read in time linear in its words whatever the names' length, where following the tree
    from each word costs the words times the longest name's words.

    A name is found as the tree is followed: its words as written, its last word also with a genitive
    "s" ("Regeringskansliets"), the name written in full preferred where both end at the same word."""

    def __init__(self, tree: dict) -> None:
        self.next: list[dict[str, int]] = [{}]  # state -> word -> state
        self.own: list[tuple[int, int, bool] | None] = [None]  # (words, index, exact) a state ends
        self._add_names(tree)
        self.fail = [0] * len(self.next)
        self.out: list[tuple[int, int] | None] = [None] * len(self.next)  # the longest name a state ends in
        queue = [0]
        for u in queue:  # breadth first: a state's failure is shallower, so made before it
            for word, v in self.next[u].items():
                f = self.fail[u]
                while f and word not in self.next[f]:
                    f = self.fail[f]
                self.fail[v] = self.next[f][word] if u and word in self.next[f] else 0
                own = self.own[v]
                self.out[v] = own[:2] if own else self.out[self.fail[v]]
                queue.append(v)

    def _add_names(self, tree: dict) -> None:
        path: list[str] = []
        stack: list[tuple[dict, Iterator[str]]] = [(tree, iter(list(tree)))]
        while stack:
            node, keys = stack[-1]
            key = next(keys, None)
            if key is None:
                stack.pop()
                if path:
                    path.pop()
                continue
            if key == "":
                if path:  # a form of no words marks the root, where no name is looked for
                    self._add(path, node[""])
                continue
            path.append(key)
            stack.append((node[key], iter(list(node[key]))))

    def _add(self, words: list[str], index: int) -> None:
        """The name ``words`` (backwards), and its genitive: its last word with an "s"."""
        for last, exact in ((words[-1], True), (words[-1] + "s", False)):
            state = self.next[0].setdefault(last, len(self.next))
            if state == len(self.next):
                self.next.append({})
                self.own.append(None)
            for w in reversed(words[:-1]):
                state = self._child(state, w)
            own = self.own[state]
            if own is None or exact and not own[2]:
                self.own[state] = (len(words), index, exact)

    def _child(self, state: int, word: str) -> int:
        child = self.next[state].setdefault(word, len(self.next))
        if child == len(self.next):
            self.next.append({})
            self.own.append(None)
        return child

    def read(self, folded: list[str]) -> list[tuple[int, int | None]]:
        found: list[tuple[int, int | None]] = [(-1, None)] * len(folded)
        state = 0
        nexts, fail, out = self.next, self.fail, self.out
        for i in range(len(folded) - 1, -1, -1):
            word = folded[i]
            while state and word not in nexts[state]:
                state = fail[state]
            state = nexts[state].get(word, 0)
            if (longest := out[state]) is not None:
                found[i] = (i + longest[0] - 1, longest[1])
        return found


def corpus_names(corpus: Corpus) -> Names:
    """Every name of ``corpus`` (people, organisations, bodies, the places of meetings) and :data:`PLACES`."""
    names = Names()
    for sv, en in (PLACES | WELL_KNOWN).items():
        names.add(sv, en)
    for person in corpus.people:
        names.add(person.name)
    for org in corpus.organisations:
        names.add(org.name, *org.alt_names, org.legal_name or "")
    for body in corpus.bodies:
        names.add(body.name.sv, body.name.en or "")
    for meeting in corpus.meetings:  # "Stockholm", "Regeringskansliets lokaler i Stockholm": the place's own name
        if meeting.place:
            place = re.split(r"\s(?:i|in|på|at)\s", meeting.place)[-1]
            if place[:1].isupper():
                names.add(place)
    return names


_BUILT_IN: Names | None = None


def _built_in() -> Names:
    global _BUILT_IN
    if _BUILT_IN is None:
        _BUILT_IN = Names()
        for sv, en in (PLACES | WELL_KNOWN).items():
            _BUILT_IN.add(sv, en)
    return _BUILT_IN


@dataclasses.dataclass
class _Read:
    """What one text gives: names written with a capital (index -> words), every name found in any
    case, capitalised words not in a name after a sentence's start (runs), months, ordinals, negations."""

    named: dict[int, str]
    found: set[int]
    runs: list[tuple[list[str], bool]]
    words: set[str]
    stems: set[str]
    months: dict[int, str]
    ordinals: dict[str, str]
    negations: list[str]
    sv_negations: list[str]
    universals: list[str]


def _read(text: str, lang: str, names: Names, read_words: _Words | None = None) -> _Read:
    """One pass over the words of ``text``; the longest name from each word is found by one backward
    pass over them (:meth:`Names.longest`), in time linear in the words. ``read_words``: :func:`_words_and_days` of
    ``text``, if read already."""
    words, days = read_words or _words_and_days(text)  # days: ordinals naming a day ("den andra maj"): no rank
    read = _Read({}, set(), [], set(), set(), {}, {}, [], [], [])
    folded = [w.casefold() for _, w in words]
    read.words = set(folded)
    read.stems = {_stem(w) for _, w in words if w[0].isupper()}
    in_name = -1  # the last word of the last name found
    run: list[str] = []
    run_starts = False  # whether the run begins a sentence
    sentence_negated = False
    longest = names.longest(folded)
    for i, (start, word) in enumerate(words):
        w = folded[i]
        # a name from here: the longest one ("Svenska Röda Korset", "Regeringskansliets")
        end, index = longest[i]
        if index is not None and end > in_name:
            read.found.add(index)
            if word[0].isupper() and index not in read.named:
                read.named[index] = text[start : words[end][0] + len(words[end][1])]
            in_name = end
        after_last = words[i - 1][0] + len(words[i - 1][1]) if i else 0
        if i and start - after_last == 1 and text[after_last] == " ":  # most words: one space since the last
            gap, sentence_start = " ", False
        else:
            gap = text[after_last:start]  # what stands since the last word
            before = gap.rstrip(" \t\u00a0")[-1:]
            sentence_start = before == "" and i == 0 or before in _SENTENCE_END
        if sentence_start:
            sentence_negated = False
        # a capitalised word of no name, not a sentence's first word by itself
        if word[0].isupper() and not word.isdigit() and i > in_name:
            if run and not gap.strip(" \u00a0"):
                run.append(word)
            else:
                if run:
                    read.runs.append((run, run_starts))
                run, run_starts = [word], sentence_start
        elif run:
            read.runs.append((run, run_starts))
            run = []
        if lang == "en" and w.endswith("n") and text.startswith(("'t", "’t"), start + len(word)):  # "didn't"
            read.negations.append(word + "'t")
            sentence_negated = True
        if w not in _MARKED and word not in MONTH_NUMBERS:
            continue  # no month, ordinal, quantifier or negation
        # months, ordinals, negations
        if month := MONTH_NUMBERS.get(w) or MONTH_NUMBERS.get(word):  # Swedish ones in any case
            read.months.setdefault(month, word)
        if (o := ORDINALS.get(w)) and _ranks(w, folded, i) and not _in_day(days, words, i):
            read.ordinals.setdefault(o, word)
        if w in UNIVERSALS and not (w == "all" and i and folded[i - 1] == "at"):  # "not at all"
            read.universals.append(word)
        for kind in ("sv", "en"):
            if w in NEGATIONS[kind] and not (i + 1 < len(words) and folded[i + 1] in _NOT_NEGATING[kind]):
                if w == "utan" and sentence_negated or w == "icke" and text.startswith("-", start + len(word)):
                    continue
                if w == "no" and text.startswith(".", start + 2):  # "No. 5", "org. no."
                    continue
                (read.negations if kind == lang else read.sv_negations).append(word)
                sentence_negated = True
    if run:
        read.runs.append((run, run_starts))
    return read


_Words = tuple[list[tuple[int, str]], dict[int, tuple[int, int]]]


def _words_and_days(text: str) -> _Words:
    """``_WORD``'s matches of ``text`` as (start, word), and its ordinals naming a day
    (:func:`_day_spans`): read once for each text of a pair, for both :func:`_read` and
    :func:`readings` (which only read them)."""
    words = [(m.start(), m[0]) for m in _WORD.finditer(text)]
    return words, _day_spans(text, words)


def _in_day(days: dict[int, tuple[int, int]], words: list[tuple[int, str]], i: int) -> bool:
    """Whether word ``i`` is (a part of) an ordinal naming a day (:func:`_day_spans`: one or two words)."""
    return words[i][0] in days or (i > 0 and words[i - 1][0] in days and days[words[i - 1][0]][0] > words[i][0])


def _ranks(w: str, folded: list[str], i: int) -> bool:
    """Whether the ordinal ``w`` at ``i`` gives a rank: "andra" only after an article or possessive
    (else "other"), "final" and "slutliga" only after a determiner (else "definitive": "The date is
    final", "Final report"), and none of a plural's part ("de första orden", "its first words")."""
    before = folded[i - 1] if i else ""
    if w in ("andra", "andre") and before not in _ANDRA_AFTER:
        return False
    if w in _FINAL and before not in _FINAL_AFTER:
        return False
    if before == "de":
        return False
    after = folded[i + 1] if i + 1 < len(folded) else ""
    return not (w in _EN_ORDINALS and len(after) > 3 and after.endswith("s") and not after.endswith("ss"))


def _stem(word: str) -> str:
    return word.casefold().translate(_FOLD)[:5]


def _present(word: str, other: _Read) -> bool:
    """Whether a capitalised word of one text is in the other: the same word, without a genitive
    's', or (a word of five letters or more) one beginning with the same five letters, spelling aside
    ("Konferensen", "Conference"; "Kommissionens", "Commission")."""
    w = word.casefold()
    if w in other.words or (w.endswith("s") and w[:-1] in other.words):
        return True
    return len(w) >= 5 and _stem(word) in other.stems


def _kept_warnings(
    sv: str, en: str, names: Names | None = None, words: dict[str, _Words] | None = None
) -> list[tuple[str, str]]:
    """(message, expected) for each name, month, ordinal or negation one text has and the other not
    (``words``: :func:`_words_and_days` of each, by language, if read already)."""
    names = names or _built_in()
    words = words or {"sv": _words_and_days(sv), "en": _words_and_days(en)}
    read = {"sv": _read(sv, "sv", names, words["sv"]), "en": _read(en, "en", names, words["en"])}
    found: list[tuple[str, str]] = []
    for lang, other in (("sv", "en"), ("en", "sv")):
        missing = [words for index, words in read[lang].named.items() if index not in read[other].found]
        if lang == "sv":  # a capitalised run of the Swedish: a person's name strictly, one word as a cognate too
            for run, starts in read["sv"].runs:
                checked = run[1:] if starts else run  # a sentence's first word may be any word
                if len(run) == 1 and checked and not _present(run[0], read["en"]):
                    missing.append(run[0])
                elif len(run) > 1 and any(not _present_strictly(w, read["en"]) for w in checked):
                    missing.append(" ".join(run))
        if missing:
            found.append(
                (f"the {lang} text names {_listed_words(missing)}, which the {other} text does not (in either language)",
                 "the two languages to name the same people, organisations, bodies and places")
            )  # fmt: skip
    for what, key, expected in (
        ("months", "months", "the two languages to name the same months"),
        ("ordinals", "ordinals", "the two languages to give the same ordinals (first, second, last …)"),
    ):
        a, b = getattr(read["sv"], key), getattr(read["en"], key)
        if set(a) != set(b):
            found.append(
                (f"the sv and en texts name other {what}: sv {_listed_words(list(a.values())) or 'none'}; "
                 f"en {_listed_words(list(b.values())) or 'none'}", expected)
            )  # fmt: skip
    universal = {lang: read[lang].universals for lang in _LANGS}
    if bool(universal["sv"]) != bool(universal["en"]):
        found.append(
            (f"the sv and en texts quantify otherwise: sv {_listed_words(universal['sv']) or 'none of all, every'}; "
             f"en {_listed_words(universal['en']) or 'none of all, every'}",
             "the two languages to say 'all' or 'every' (alla, varje, samtliga) alike")
        )  # fmt: skip
    # negations: each quoted Swedish negation the English keeps may or may not be glossed in English
    n_sv, n_en = len(read["sv"].negations), len(read["en"].negations)
    kept = len(read["en"].sv_negations)
    if not n_sv - kept <= n_en <= n_sv:
        found.append(
            (f"the sv text has {n_sv:,} negation{'s' * (n_sv != 1)} ({_listed_words(read['sv'].negations) or 'none'}) "
             f"and the en text {n_en:,} ({_listed_words(read['en'].negations) or 'none'})",
             "the two languages to negate the same claims (a negation of a verb or a quantifier: inte, ingen, "
             "aldrig / not, no, never)")
        )  # fmt: skip
    return found


def _present_strictly(word: str, other: _Read) -> bool:
    w = word.casefold()
    return w in other.words or (w.endswith("s") and w[:-1] in other.words)


def _listed_words(words: list[str], most: int = 5) -> str:
    shown = [quoted(w) for w in words[:most]]
    return ", ".join(shown) + (f" and {len(words) - most:,} more" if len(words) > most else "")


# Hedges and hearsay (each text read once, by one search)

#: The words of a hedge not among the load checks' guard words (clauses.py), by kind: the adjectives of
#: the guards' adverbs ("Det är troligt att …", "a likely date", "a provisional agenda"), the English
#: and Swedish counterparts the guards lack ("maybe", "unconfirmed", "unknown"; "tydligen",
#: "apparently"), a possibility said of a claim ("det är möjligt att", "it is possible that"; "möjligt
#: att" and "possible to" alike, so that "Det var möjligt att ställa frågor" / "It was possible to ask
#: questions" balance), a modal perfect ("kan ha deltagit", "may have attended"), a seeming ("it
#: seems", "verkar vara"), a passive of believing (a doubt: "tros ha", "is believed to have") and one of
#: saying or reporting (hearsay) before "to have"/"to be"/"ha" or as "it is … that" ("is reported to
#: have", "an area said to be discussed", "it is said that", "rapporteras ha", "det rapporteras att").
MORE_HEDGES = {
    DOUBT: (
        "trolig", "troligt", "troliga", "sannolik", "sannolika", "osannolik", "osannolikt", "osannolika",
        "måhända", "kanhända", "obekräftad", "obekräftat", "obekräftade", "okänd", "okända",
        "oklar", "oklara", "osäker", "osäkra", "ovissa", "möjligt att", "kan ha", "kunde ha", "hade kunnat",
        "tros ha", "troddes ha", "tros vara", "förefaller ha", "verkar vara", "tycks vara", "förefaller vara",
        "det verkar som", "det tycks som", "det förefaller som",
        "likely", "unlikely", "probable", "improbable", "maybe", "provisional", "provisionally", "unconfirmed",
        "unknown", "unsure", "possible that", "possible to", "may have", "might have", "could have",
        "seemingly", "it seems", "it seemed", "it appears", "it appeared", "seems to be", "seem to be",
        "seemed to be", "appears to be", "appear to be", "appeared to be",
        *(f"{verb} to {what}" for verb in ("believed", "thought", "assumed", "presumed") for what in ("have", "be")),
    ),
    HEARSAY: (
        "tydligen", "rapporteras ha", "rapporterades ha", "det rapporteras att", "det rapporterades att",
        "enligt rapporter", "apparently", "purportedly",
        *(f"{verb} to {what}" for verb in ("said", "reported", "understood", "rumoured", "rumored", "alleged")
          for what in ("have", "be")),
        *(f"{be} claimed to {what}" for be in ("is", "are", "was", "were") for what in ("have", "be")),
        *(f"it {be} {verb} that" for be in ("is", "was", "has been")
          for verb in ("said", "reported", "claimed", "alleged", "rumoured", "rumored")),
    ),
}  # fmt: skip
#: The words of a hedge, by kind: a doubt (the ``DOUBT`` guard words of clauses.py, with "knappast",
#: "hardly" and "scarcely", which the guards read as hearsay) and hearsay (clauses.HEARSAY_WORDS), each
#: with :data:`MORE_HEDGES`. "Huruvida" and "whether" are left out: they open an indirect question, for
#: which Swedish says "om" as often ("Det är oklart om …" / "It is unclear whether …": the doubt is
#: "oklart" / "unclear").
HEDGES = {
    DOUBT: tuple(
        w for w, (kind, _) in GUARDS.items()
        if (kind == DOUBT or kind == HEARSAY and w not in HEARSAY_WORDS) and w not in ("huruvida", "whether")
    ) + MORE_HEDGES[DOUBT],
    HEARSAY: HEARSAY_WORDS + MORE_HEDGES[HEARSAY],
}  # fmt: skip
_HEDGE_KINDS = {"doubt": DOUBT, "hearsay": HEARSAY, "reported": HEARSAY}


def _words_pattern(words: tuple[str, ...]) -> str:
    """An alternation of ``words``, the longest first, any run of blanks between their words, grouped by
    their first letter (:func:`~sakrad_ld.clauses.by_first_letter`: a search of many texts tries fewer)."""
    return by_first_letter(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


#: A hedge's words, of either language, whole: ``doubt`` or ``hearsay`` (:data:`HEDGES`), or ``reported``,
#: the Swedish reportative "ska ha"/"skall ha" with up to three words between before a supine ("Mötet ska
#: ha hållits i Umeå", "Famna ska enligt uppgift ha deltagit"; "ska ha en monter" is a plan), as
#: clauses.py reads it. A hearsay word followed by the source ("enligt uppgift från departementet",
#: "uppges av Famna", "reported by the ministry") attributes what it says: no hedge (:data:`_SOURCE_AFTER`).
_HEDGE = LazyPattern(
    r"(?<!\w)(?:(?P<reported>(?:ska|skall)(?:\s+[\w-]+){0,3}?\s+ha\s+(?!ett\s)\w+(?:ts|it|at|tt))"
    rf"|(?P<hearsay>{_words_pattern(HEDGES[HEARSAY])})|(?P<doubt>{_words_pattern(HEDGES[DOUBT])}))(?!\w)",
    re.IGNORECASE,
)
_SOURCE_AFTER = LazyPattern(rf"\s+(?:{'|'.join(SOURCE_WORDS)})(?!\w)", re.IGNORECASE)
#: A place in a text after a Swedish passive of saying ("uppges i inbjudan", "det som sägs om mötet", "sägs
#: nedan"), or the clause's end ("Antalet uppges inte."): what a document says or gives, no hearsay;
#: "sägs ha", "uppges att", "uppges inte ha", "…, uppges det" are.
_PLACE_AFTER = LazyPattern(
    r"\s+(?:i|om|på|under|nedan|ovan|här|där)(?!\w)|(?:\s+(?:inte|ej))?\s*(?:[.;:!?)\]]|$)", re.IGNORECASE
)
_HEDGE_NAMES = {DOUBT: ("doubt", "a doubt"), HEARSAY: ("hearsay", "hearsay")}


def hedges(text: str) -> dict[str, list[str]]:
    """The hedges of ``text`` (of either language), by kind (clauses.DOUBT, clauses.HEARSAY), as written:
    each word or words of :data:`HEDGES` that ``text`` holds whole, and the Swedish reportative "ska ha"
    (see :data:`_HEDGE`). One search of the text."""
    found: dict[str, list[str]] = {DOUBT: [], HEARSAY: []}
    for m in _HEDGE.finditer(text):
        kind = _HEDGE_KINDS[m.lastgroup or "doubt"]
        if kind == HEARSAY and (
            _SOURCE_AFTER.match(text, m.end())
            or m[0][-1:] in "sS"
            and " " not in m[0]
            and _PLACE_AFTER.match(text, m.end())
        ):
            continue  # "enligt uppgift från departementet", "Platsen uppges i inbjudan", "det som sägs om X"
        found[kind].append(" ".join(m[0].split()))
    return found


def _hedge_warnings(sv: str, en: str) -> list[tuple[str, str]]:
    """(message, expected) for each kind of hedge (a doubt, hearsay) of which the two texts have
    another number: the English as many as the Swedish, or more by the ones written alike in both (a
    Swedish hedge quoted in the English, glossed or not)."""
    said = {"sv": hedges(sv), "en": hedges(en)}
    found: list[tuple[str, str]] = []
    for kind, (noun, what) in _HEDGE_NAMES.items():
        a, b = said["sv"][kind], said["en"][kind]
        kept = sum((Counter(w.casefold() for w in a) & Counter(w.casefold() for w in b)).values())
        if not len(a) <= len(b) <= len(a) + kept:
            found.append(
                (f"the sv text has {len(a):,} word{'s' * (len(a) != 1)} of {noun} ({_listed_words(a) or 'none'}) "
                 f"and the en text {len(b):,} ({_listed_words(b) or 'none'}): one states plainly what the other "
                 f"gives as {what}",
                 "the two languages to hedge the same claims: a doubt (troligen, kanske, preliminärt / probably, "
                 "perhaps, provisional) or hearsay (enligt uppgift, uppges, ska ha / reportedly, is said to) in both")
            )  # fmt: skip
    return found
