"""A fact another sentence of the kept text corrects, changes or calls wrong is not stated (a load-time check's rule).

docs/load-checks.md, "Corrections and changes": a text may state a meeting's date, place, chair,
organiser or count in one sentence and take it back in another — a correction ("Rättelse: Sakrådet hölls i Lund,
inte i Malmö", "Correction: …"), a change of the fact's noun ("Datumet har ändrats till den 12 februari",
"Platsen har ändrats till Lund", "Nytt datum: 12 februari 2024", "The venue has changed"), a word calling
it wrong ("Rättelse: datumet ovan är fel", "[^1]: Datumet är fel; …"), or the value denied in a sentence
of the fact's kind ("Sakrådet leddes inte av X utan av Y", "anordnades inte av A"). Such a text does not
state the fact as the data gives it: the check of the fact's kind refuses it, quoting the sentence
(:func:`taken_back`). A correction or change that gives the data's value as the right or new one
("Rättelse: Sakrådet hölls den 5 februari 2024, inte den 6 februari", "Datumet har ändrats till den 5
februari 2024") confirms it. A sentence about another meeting ("Datumet för nästa sakråd har ändrats")
takes back nothing of this one. A count is read the same way (the kind ``count``: "Rättelse: 20
organisationer deltog, inte 25.", "Antalet organisationer ovan är fel."), and a second count of the
meeting's whole in another sentence refuses it too (:func:`count_taken_back`).

The rule reads each sentence of the text whole, not the fact's own clause: the words of correcting and
changing are few and fixed (:data:`CORRECTION_LABELS`, :data:`CHANGED`, :data:`WRONG`, :data:`NEW`), the
nouns of each kind are :data:`NOUNS`, and the words that make a sentence one of the fact's kind are
:data:`KIND_WORDS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .clauses import LazyPattern, _alternation

__all__ = ["KINDS", "NOUNS", "TakenBack", "count_taken_back", "read_text", "taken_back"]

#: The kinds of fact read, each with the nouns that name it, Swedish (indefinite, definite, plural) and English.
NOUNS = {
    "date": (
        "datum", "datumet", "datumen", "mötesdatum", "mötesdatumet", "sakrådsdatum", "sakrådsdatumet", "dagen",
        "tidpunkt", "tidpunkten", "date", "dates", "day",
    ),
    "place": (
        "plats", "platsen", "mötesplats", "mötesplatsen", "lokal", "lokalen", "möteslokal", "möteslokalen", "ort",
        "orten", "adress", "adressen", "place", "venue", "location", "address",
    ),
    "chair": (
        "ordförande", "ordföranden", "mötesordförande", "mötesordföranden", "moderator", "moderatorn",
        "mötesledare", "mötesledaren", "chair", "chairperson", "chairwoman", "chairman", "moderator",
    ),
    "organiser": (
        "arrangör", "arrangören", "arrangörer", "arrangörerna", "organisatör", "organisatören", "värd", "värden",
        "värdar", "huvudman", "huvudmannen", "organiser", "organisers", "organizer", "organizers", "host", "hosts",
    ),
    "count": (
        "antalet organisationer", "antalet deltagande organisationer", "antalet deltagare", "antalet personer",
        "antalet närvarande", "antalet ovan", "deltagarantal", "deltagarantalet", "siffran ovan",
        "uppgiften om antalet", "number of organisations", "number of organizations", "number of participants",
        "number of people", "number of attendees", "the number above", "the figure above", "headcount",
        "participant count",
    ),
}  # fmt: skip
KINDS = tuple(NOUNS)

#: Words of a sentence that make it one of a kind's facts where no noun of the kind stands in it: a date
#: or a day and month (date), a word of holding before a place's preposition (place), a word of chairing
#: (chair), a word of organising (organiser).
KIND_WORDS = {
    "date": (
        r"\d{1,2}(?::[ea]|e)? (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
        r"december|january|february|march|april|may|june|july|august|october|december)|(?:19|20)\d\d-\d\d-\d\d"
    ),
    "place": (
        r"(?:hölls|hålls|hållits|ägde rum|äger rum|genomfördes|genomförs|skedde|anordnades|arrangerades|"
        r"was held|is held|took place|takes place|held)(?: [\w-]+){0,3} (?:i|på|vid|hos|in|at)"
    ),
    "chair": (
        r"ledde|leddes|leds|leder|leda|lett|letts|ledas|modererade|modererades|modererar|chaired|chairs|led|moderated|"
        + "|".join(NOUNS["chair"])
    ),
    "organiser": (
        r"anordna\w*|arrangera\w*|organisera\w*|organised|organized|organises|organizes|arranged|hosted|"
        r"står värd|stod värd|var värd|" + "|".join(NOUNS["organiser"])
    ),
    "count": (
        r"\d+ (?:[\w-]+ )?(?:organisationer|organisationerna|deltagare|deltagarna|personer|representanter|"
        r"företrädare|organisations|participants|people|persons|representatives)"
    ),
}

#: Labels that open a correction: "Rättelse:", "Korrigering:", "Correction:", "Erratum:", a line or a
#: sentence of its own before the corrected words, or the words' opening.
CORRECTION_LABELS = (
    "rättelse", "rättelser", "rättning", "korrigering", "korrigeringar", "korrigerat", "rättat", "erratum",
    "errata", "correction", "corrections", "corrigendum", "corrected",
)  # fmt: skip
#: Words in a sentence that make it a correction of something said before ("som tidigare angavs", "som
#: felaktigt uppgavs", "as previously stated", "as wrongly reported").
_CORRECTING = LazyPattern(
    r"(?<!\w)(?:som (?:tidigare|felaktigt|först|ursprungligen|förut) (?:angavs|angetts|har angetts|uppgavs|"
    r"uppgetts|har uppgetts|skrevs|skrivits|stod|stått|meddelades|meddelats|publicerades)|(?:felaktigt|"
    r"tidigare) (?:angavs|angivet|angiven|uppgavs|uppgivet|uppgiven)|as (?:previously|earlier|wrongly|"
    r"incorrectly|originally|first) (?:stated|reported|given|said|announced|published|written))(?!\w)"
)
#: Words of changing a fact's noun is the subject of: "Datumet har ändrats", "Platsen flyttades",
#: "Ordföranden har bytts ut", "The date has been changed", "The venue has moved".
CHANGED = (
    "ändrats", "ändrades", "ändras", "ändrat", "ändrad", "ändrade", "flyttats", "flyttades", "flyttas", "flyttad",
    "bytts", "byttes", "byts", "bytt", "byttes ut", "korrigerats", "korrigerades", "korrigeras", "korrigerad",
    "rättats", "rättades", "rättad", "justerats", "justerades", "changed", "moved", "corrected", "revised",
    "altered", "switched", "replaced",
)  # fmt: skip
#: Words calling a fact's noun wrong: "Datumet är fel", "Platsen var felaktig", "Datumet stämmer inte", "The
#: date is wrong", "The venue given above is incorrect".
WRONG = (
    "fel", "felaktigt", "felaktig", "felaktiga", "inkorrekt", "inkorrekta", "stämmer inte", "stämde inte",
    "stämmer ej", "är inte rätt", "var inte rätt", "är inte korrekt", "var inte korrekt", "är ej korrekt",
    "wrong", "incorrect", "mistaken", "in error", "not correct", "not right", "erroneous",
)  # fmt: skip
#: Words before a fact's noun that give a new or corrected one: "Nytt datum:", "Ny plats:", "Ny ordförande",
#: "korrigerat datum", "New venue:", "Revised date", "Sakrådet har fått ny plats:", "The new venue is …";
#: at a sentence's opening or after an article or "har"/"fick"/"has", before ":", "är", "is" or "för
#: sakrådet" ("en ny plats för dialog" is none).
NEW = (
    "ny", "nytt", "nya", "ändrat", "ändrad", "ändrade", "korrigerat", "korrigerad", "korrigerade", "rättat",
    "rättad", "rättade", "rätt", "rätta", "korrekt", "korrekta", "new", "changed", "corrected", "revised",
    "amended", "correct", "right",
)  # fmt: skip
#: Nouns of a kind that a word of :data:`NEW` before them makes the kind's, and no others do: "Det rätta
#: antalet är 20", "Nytt antal: 20" ("antalet" alone may count anything: "Antalet hatbrott har ändrats").
NEW_NOUNS = {"count": ("antal", "antalet", "siffra", "siffran", "number", "figure", "count", "total")}
#: Words of :data:`WRONG` before a fact's noun at a sentence's (or a footnote's) opening: "Felaktigt datum,
#: rätt datum är …", "\\* Fel datum", "Wrong date:".
WRONG_BEFORE = ("felaktigt", "felaktig", "felaktiga", "fel", "wrong", "incorrect", "erroneous")
#: Words before a value that make it the one denied or replaced, not the one given: "inte den 5 februari",
#: "inte i Malmö", "inte av X", "från den 5 februari" (in a change), "i stället för Malmö", "not in Malmö".
_NOT_BEFORE = LazyPattern(
    r"(?<!\w)(?P<word>inte|ej|icke|aldrig|not|never|från|from|i stället för|istället för|instead of|rather than)"
    r"(?: (?:heller|längre|alls|any longer|anymore))?(?: (?:den|the|on|i|på|vid|in|at|av|by|hos|till|to|för|"
    r"for|som|as))*(?: [\w-]+)? $"
)
#: A word of denial right after a person's name and a word of chairing or organising ("X ledde inte").
_NOT_AFTER = LazyPattern(
    r"^ (?!(?:och|samt|men|utan|eller|and|but|or) )(?:[\w-]+ )?(?:inte|ej|icke|aldrig|not|never|did not|didn't)(?!\w)"
)
#: The words of :data:`_NOT_BEFORE` that replace a value only in a change or a correction ("ändrats från
#: den 5 februari"), not in any sentence ("deltagare från Malmö").
_REPLACED_ONLY = frozenset({"från", "from"})
_NEGATION = r"(?:inte|ej|icke|aldrig|not|never)"


#: A sentence's end in a folded text: its mark, or a line's end (stated._flat's, where no stop marks it).
_SENTENCE_END = LazyPattern(r"[\x00\n]")
_LABEL = LazyPattern(rf"^[\s#*>\-\[\]^\d:]*(?:{_alternation(CORRECTION_LABELS)})(?!\w)")


@dataclass(frozen=True)
class TakenBack:
    """A sentence of the text taking a fact back: its words, and how (``corrected``, ``changed``,
    ``wrong``, ``denied``)."""

    sentence: str
    how: str
    words: str

    def said(self) -> str:
        """What a refusal says of it."""
        what = {
            "corrected": "corrects it",
            "changed": "says it was changed",
            "wrong": "calls it wrong",
            "denied": "denies it",
        }[self.how]
        return f'another sentence of the text {what} ({self.words!r}: "{self.sentence}")'


def _patterns(kind: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    nouns = _alternation(NOUNS[kind])
    changed = re.compile(
        rf"(?<!\w)(?:{nouns})(?!\w)(?: [\w-]+){{0,5}}? (?P<not>{_NEGATION} )?(?:(?:har|hade|är|var|blev|has|had|is|"
        rf"was|were|have|been|blivit|nu|now|dock|however|tyvärr|unfortunately|också|also|därför) )*"
        rf"(?P<word>{_alternation(CHANGED)})(?!\w)"
    )
    wrong = re.compile(
        rf"(?<!\w)(?:{nouns})(?!\w)(?: [\w-]+){{0,5}}? (?P<not>{_NEGATION} )?(?:(?:är|var|blev|has|had|is|was|"
        rf"were|been|blivit|tyvärr|unfortunately|alltså|därmed) )*(?P<word>{_alternation(WRONG)})(?!\w)"
        rf"|^[\s#*>\\\-]*(?:{_alternation(WRONG_BEFORE)}) (?:{nouns})(?!\w)"
    )
    new = re.compile(
        rf"(?:^[\s#*>\-]*|(?<!\w)(?:den|det|de|the|har|hade|får|fick|fått|has|had|gets|got|en|ett|a) |, )"
        rf"(?P<word>(?:{_alternation(NEW)}) (?:{_alternation(NOUNS[kind] + NEW_NOUNS.get(kind, ()))}))"
        rf"(?=[\s*]*(?::|$| är | blir | is | will be | blev | was | för (?:sakrådet|mötet|samrådet)| for the "
        rf"(?:meeting|consultation)))"
    )
    kind_words = re.compile(rf"(?<!\w)(?:{KIND_WORDS[kind]}|{nouns})(?!\w)")
    return changed, wrong, new, kind_words


_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {}


def _sentences(flat: str, ends: list[int]) -> Iterable[tuple[int, int, bool]]:
    """Each sentence of ``flat`` between the ends ``ends`` as (start, end, labelled): a sentence that is a
    correction's label alone ("Rättelse:") labels the one after it."""
    start, label = 0, False
    for end in [*ends, len(flat)]:
        words = flat[start:end].strip(" \n:;.")
        if words and (own := _LABEL.match(words)) is not None and own.end() >= len(words):
            label, start = True, end + 1
            continue
        if words:
            yield start, end, label or _LABEL.match(words) is not None
        label = False
        start = end + 1


def taken_back(
    kind: str,
    ft: str,
    flat: str,
    found: Callable[[str, int, int], list[tuple[int, int]]],
    another: Callable[[int, int], bool] = lambda lo, hi: False,
) -> TakenBack | None:
    """The first sentence of a folded text (``ft``, sentence ends marked ``\\x00``; ``flat`` its flat form)
    that corrects, changes, calls wrong or denies the fact of ``kind`` (:data:`KINDS`) whose value
    ``found`` finds (``found(flat, lo, hi)``: the spans of the value in the sentence ``flat[lo:hi]``), and
    does not give the value as the right or new one; None where none does. ``another(lo, hi)``: whether
    the sentence is about another meeting, which takes back nothing of this one."""
    if kind not in _PATTERNS:
        _PATTERNS[kind] = _patterns(kind)
    changed, wrong, new, kind_words = _PATTERNS[kind]
    ends = [m.start() for m in _SENTENCE_END.finditer(ft)]
    for lo, hi, labelled in _sentences(flat, ends):
        sentence = flat[lo:hi]
        words = None
        how = ""
        if (m := changed.search(sentence)) is not None and not m["not"]:
            words, how = m.group(), "changed"
        elif (m := wrong.search(sentence)) is not None and not m["not"]:
            words, how = m.group(), "wrong"
        elif (m := new.search(sentence)) is not None:
            words, how = m["word"], "changed"
        elif (labelled or _CORRECTING.search(sentence)) and kind_words.search(sentence):
            words, how = (m.group() if (m := _CORRECTING.search(sentence)) else "rättelse"), "corrected"
        reach = hi
        if words is not None and flat[lo:hi].rstrip().endswith(":"):  # "Nytt datum:" and the value after it
            reach = next((e for e in ends if e > hi), len(flat))
        spans = found(flat, lo, reach)
        replaced = words is not None
        denials = [_denied(flat, lo, s, replaced) for s in spans]
        given = [s for s, no in zip(spans, denials, strict=True) if no is None]
        denied = [no for no in denials if no is not None]
        if words is None and denied and kind_words.search(flat, lo, hi):
            words, how = denied[0], "denied"
        if words is None or another(lo, hi):
            continue
        if given and not denied:
            continue  # "Rättelse: Sakrådet hölls den 5 februari 2024, inte den 6 februari": confirms it
        return TakenBack(" ".join(flat[lo:hi].split()), how, " ".join(words.split()))
    return None


#: A Markdown footnote's definition ("[^1]: Datumet är fel; …"), which the text as shown puts at its end.
_FOOTNOTE = LazyPattern(r"(?m)^[ \t]{0,3}\[\^[^\]\n]{1,40}\]:[ \t]*(\S[^\n]*)$")


def footnotes(text: str) -> list[str]:
    """The words of each Markdown footnote's definition in ``text`` ("[^1]: Rättelse: …"), in order."""
    return [m.group(1) for m in _FOOTNOTE.finditer(text)]


def read_text(text: str) -> tuple[str, str]:
    """The kept ``text`` as :func:`taken_back` reads it: folded with its sentence ends marked, and flat
    (stated.py's :func:`~sakrad_ld.stated.folded_text` and ``_flat``), with each footnote's words ("[^1]:
    Datumet är fel; sakrådet hölls den 6 februari") as a paragraph of their own after the text: a reader
    sees them below it, and a footnote calling the fact wrong takes it back."""
    from .stated import _flat, folded_text

    notes = [m.group(1) for m in _FOOTNOTE.finditer(text)]
    ft = folded_text(text + "".join(f"\n\n{note}" for note in notes) if notes else text)
    return ft, _flat(ft)


def _denied(flat: str, lo: int, span: tuple[int, int], replaced: bool) -> str | None:
    """The words that make the value at ``span`` (in the sentence from ``lo``) the one denied or replaced,
    the value with them: a negation or "i stället för" right before it ("inte i Malmö", "inte av X"),
    "från" too in a change or a correction (``replaced``: "ändrats från den 5 februari"), or a negation
    right after it ("X ledde inte sakrådet", "X kunde inte leda"); None where none does."""
    a, b = span
    start = max(lo, a - 40)
    before = _NOT_BEFORE.search(flat[start:a])
    if before is not None and (replaced or before["word"] not in _REPLACED_ONLY):
        return flat[start + before.start() : b]
    after = _NOT_AFTER.match(flat[b : b + 30])
    return None if after is None else flat[a : b + after.end()]


#: The words a sentence giving the meeting's whole count may hold besides the count's own ("Totalt deltog 20
#: organisationer.", "I sakrådet deltog 20 organisationer.", "20 organisations attended the meeting."); any
#: other word may name a part ("från Regeringskansliet", "av dem", "digitalt", "varav"), which is no second
#: count of the whole.
WHOLE_COUNT_WORDS = frozenset(
    """det deltog deltar har hade kom närvarade medverkade samlades samlade var totalt sammanlagt sammantaget
    allt som i alt på vid sakrådet mötet samrådet dialogmötet there were took part attended participated
    came in the meeting at all total altogether overall""".split()
)
_WORD = LazyPattern(r"[\w-]+")


def _whole_count(sentence: str, words: str) -> bool:
    """Whether ``sentence`` gives its count's ``words`` as the meeting's whole count: besides them it holds
    only :data:`WHOLE_COUNT_WORDS`."""
    at = sentence.find(words.casefold())
    rest = sentence if at < 0 else sentence[:at] + " " + sentence[at + len(words) :]
    return all(w in WHOLE_COUNT_WORDS or w.isdigit() for w in _WORD.findall(rest))


def count_taken_back(words: str, field: str, value: str, mark: str, text: str, years: object = None) -> str | None:
    """Why the kept ``text`` does not state a count (its ``words``, ``field``, ``value`` and ``mark``)
    it holds as this meeting's: another sentence corrects, changes or calls it wrong (:func:`taken_back`,
    the kind ``count``: "Rättelse: 20 organisationer deltog, inte 25.", "Antalet organisationer ovan är
    fel.", a footnote's), or gives this meeting another count of ``field`` that cannot hold beside it
    ("Totalt deltog 20 organisationer.": :func:`sakrad_ld.contradicted.stated_counts`, compared as
    another kept text's count is); None where none does. A correction giving the count's words as the
    right ones confirms it."""
    from types import SimpleNamespace

    from .contradicted import _COUNTED, _agree_counts, _count_words, stated_counts
    from .stated import find_words, folded

    ft, flat = read_text(text)
    spans = list(find_words(folded(words), flat))
    if value.isdigit():  # the number alone too: "Det rätta antalet är 25", "inte 25"
        spans = sorted({*spans, *(m.span() for m in re.finditer(rf"(?<![\w.,]){value}(?![\w]|[.,]\d)", flat))})

    def found(f: str, lo: int, hi: int) -> list[tuple[int, int]]:
        return [s for s in spans if lo <= s[0] < hi]

    back = taken_back("count", ft, flat, found)
    if back is not None:
        return f"is taken back: {back.said()}; a count the text takes back is not stated"
    if not value.isdigit():
        return None
    count = SimpleNamespace(
        value=int(value), approximate=mark == "approximate", bound=mark if mark in ("at-least", "at-most") else None
    )
    for reading, sentence in stated_counts(field, text, years):
        words_to_noun = _count_words(sentence, reading, _COUNTED[field]) or reading.words
        if _agree_counts(count, reading) is False and _whole_count(sentence, words_to_noun):
            return (
                f"is given as another number by another sentence of the text ({reading.value}, {reading.kind}: "
                f'"{sentence}"): a text giving the meeting two counts states neither'
            )
    return None
