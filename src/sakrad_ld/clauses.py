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
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from itertools import islice
from typing import Any, NamedTuple

__all__ = [
    "CLAUSE_WINDOW",
    "CONTRAST",
    "HABIT",
    "HABIT_WORDS",
    "LIST_ITEM_WORDS",
    "LIST_JOINERS",
    "PHRASE_MARKS",
    "CallingOff",
    "LazyPattern",
    "SENTENCE_MARKS",
    "by_first_letter",
    "called_off",
    "called_off_elsewhere",
    "called_off_said",
    "hold_label",
    "label_off",
    "labelled",
    "clause",
    "clause_start",
    "contrast_clause",
    "joiners",
    "listed",
    "other_said",
]


class LazyPattern:
    """A regular expression compiled when it is first used, not when its module is imported: the load
    checks define some 180 patterns (a long list of words costs 1-3 ms to compile) and reading a
    project's data uses only some of them. It answers as the compiled :class:`re.Pattern` does
    (``search``, ``finditer``, ``sub`` …); its ``pattern`` is the source, read without compiling it."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # called only for a name the instance lacks: the compiled pattern's, kept so that the next
        # lookup finds it here (re.compile caches the compiled pattern itself)
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(re.compile(self.pattern, self._flags), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


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
CONTRAST = LazyPattern(
    r" (?:men|but|medan|while|whereas|samtidigt som) |, och |, (?:däremot|dock|however) |;| - | utan (?!att )"
)


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
        if _serial(flat, start, mark):
            continue
        start = mark.end()
    stop = next((m for m in CONTRAST.finditer(flat, b, hi) if not _serial(flat, start, m)), None)
    return start, hi if stop is None else stop.start()


def _serial(flat: str, start: int, mark: re.Match[str]) -> bool:
    """Whether the contrast mark ``mark`` is a list's serial comma ("X, Y, och Z deltog"): ", och" with no
    verb before it in its part (from ``start``)."""
    return mark.group() == ", och " and not _has_verb(flat, start, mark.start())


# The guard words: one table for every check of a sentence stating a fact (stated.py, placed.py, and the
# counts' and dates' helpers). Each word has a kind (what it says instead of the fact) and a scope (where
# it must stand to say it of the fact):
#
# * ``clause``: in the fact's own clause (:func:`fact_clause`): the clause of the fact's verb and its
#   subject and object, not a subordinate clause after it ("… om hur stödet kan förbättras", "för att …
#   skulle", "så att fler kan delta", "som …", "vad regeringen borde göra"), not a coordinated clause
#   with its own verb ("deltog och hoppas …": the first clause stands), not a clause of comparison
#   ("liksom förra gången");
# * ``beside``: right beside the fact's words: "eller" joins two alternatives of the fact ("i Umeå eller
#   i Luleå", "i Umeå, Luleå eller Kiruna", "Fryshuset eller Famna"), not two words inside a noun phrase
#   ("barn- eller ungdomsorganisationer"); "utom"/"förutom" and "i stället för" govern the name after
#   them ("Alla utom X deltog", "X ledde i stället för Y": Y is left out, X is not);
# * ``head``: a subjunction opening a clause whose verb follows: "om"/"if" is a condition only as
#   "Om X deltar, …", "Om tid finns …", "…, om möjligt" (:func:`condition`), never the preposition
#   ("diskussion om", "handlade om", "Om integrationspolitiken diskuterade …") nor an indirect question
#   after a verb of asking ("frågade om …"); and a plan's noun heading the fact's part of the sentence
#   with a copula and "att"/"that"/"for" (:data:`PLAN_LEAD`, :func:`plan_lead`: "Tanken är att X deltar",
#   "Planen var att sakrådet hölls i Luleå", "It is expected that …"), never the noun elsewhere ("Planen
#   för mötet publicerades").
NEGATION = "a negation"
ABSENCE = "an absence or a refusal"
PLAN = "a plan, a wish, a duty or a possibility"
CONDITION = "a condition"
DOUBT = "a doubt"
OTHER_TIME = "another time"
CHOICE = "a choice"
INSTEAD = "something done in its place"
EXCLUSION = "an exclusion"
CALLED_OFF = "a calling off, a striking or a move"
QUESTION = "a question"
COUNTERFACTUAL = "a counterfactual"
HEARSAY = "a hedge or hearsay"
DENIAL = "a denial"
OTHER_EVENT = "another event"

#: Words of an expectation or a schedule ("Rädda Barnen förväntas delta", "väntas", "is expected to attend",
#: "is due to", "is set to"): like a plan, they say who is to come, not who came (a plan's row of
#: :data:`GUARD_TABLE`).
EXPECTED_WORDS = (
    "förväntas", "förväntades", "väntas", "väntades", "beräknas", "beräknades", "beräknat att", "beräknad att",
    "beräknade att", "är tänkta", "siktar på att",
    "har för avsikt", "hade för avsikt", "is expected to", "are expected to", "was expected to",
    "were expected to", "is due to", "are due to", "was due to", "were due to", "is set to", "are set to",
    "was set to", "were set to", "aims to", "aimed to",
)  # fmt: skip
#: Nouns of a plan, an aim or a hope that lead in what is to happen with a copula and "att"/"that"/"for"
#: ("Tanken är att Rädda Barnen deltar", "Avsikten var att …", "Planen var att …", "Syftet med mötet är
#: att …", "Det är meningen att …", "The plan is for X to attend", "The idea is that …"); and "It is
#: expected (hoped, envisaged) that …". What they lead in is a plan, whatever its verb's tense: the
#: ``head`` scope of :data:`GUARD_TABLE` (:data:`PLAN_LEAD`).
PLAN_NOUNS = (
    "tanken", "avsikten", "planen", "planeringen", "meningen", "förhoppningen", "målet", "målsättningen",
    "ambitionen", "idén", "syftet", "önskemålet", "förväntningen", "förslaget", "plan", "idea", "intention",
    "aim", "hope", "goal", "expectation", "proposal", "purpose", "objective",
)  # fmt: skip
#: The words of a plan said in the past: a plan's noun led in with one of the copulas ("Planen var att …",
#: "The plan was for …") and the past of an expectation ("väntades", "was expected to"). A date they govern
#: is a day the meeting was to be held, not one it was held (dated.py); a plan to come ("Tanken är att
#: sakrådet hålls den 3 maj", "väntas hållas") announces the day, as "ska hållas" does.
PAST_PLAN_WORDS = (
    "var", "har varit", "hade varit", "was", "has been", "had been", "förväntades", "väntades", "beräknades",
    "hade för avsikt", "was expected to", "were expected to", "was due to", "were due to", "was set to",
    "were set to", "aimed to",
)  # fmt: skip
#: Words of calling a meeting off (:func:`called_off`): the calling off of :data:`GUARD_TABLE`'s
#: ``CALLED_OFF`` rows that neither moves the meeting ("sköts upp", "flyttades", "postponed") nor strikes
#: a point of its agenda ("ströks", "stryks").
CALLING_OFF = (
    "ställdes in", "ställs in", "ställts in", "ställas in", "ställa in", "ställde in", "ställt in", "inställt",
    "inställd", "inställdes", "avlyst", "avlystes", "avlysts", "avlyses", "avlyste", "ställdes av", "cancelled",
    "canceled", "called off",
)  # fmt: skip
#: Adverbs (and a pronoun, the subject after the verb) that may stand between a particle verb's parts: "tog
#: även upp" (stated.py's discussing), "ställdes tyvärr in", "ställdes sedan in" (:func:`called_off`).
PARTICLE_ADVERBS = (
    "även", "också", "ofta", "dessutom", "särskilt", "främst", "bland", "annat", "bl.a.", "sedan", "därefter",
    "då", "vidare", "ytterligare", "just", "återigen", "åter", "nu", "här", "där", "tydligt", "gärna", "senare",
    "först", "slutligen", "inledningsvis", "tyvärr", "dock", "därför", "helt", "ändå", "alltså", "also", "hon",
    "han", "de", "vi", "man", "ni", "den", "det",
)  # fmt: skip
#: Abbreviations of guard words, with their '.' ("prel.", "ev.", "evt."): the stem is the table's word, and
#: the '.' ends no sentence (stated.ABBREVIATIONS holds them), so "Prel. 30 organisationer deltog" is one
#: sentence with its doubt.
GUARD_ABBREVIATIONS = ("prel.", "ev.", "evt.")

#: Adverbs of a habit: what is done from time to time, not at this meeting ("Fryshuset deltar ofta i
#: regeringens sakråd", "Anna Berg leder regelbundet sakråden", "bjuder in till sakråd varje höst"), another
#: time in :data:`GUARD_TABLE`; not "återkommande", mostly an adjective ("ett återkommande tema").
HABIT_WORDS = (
    "ofta", "regelbundet", "often", "frequently", "regularly",
    *(f"{every} {when}" for every in ("varje", "varenda") for when in (
        "år", "höst", "vår", "sommar", "vinter", "månad", "vecka", "gång")),
    *(f"{every} {when}" for every in ("every", "each") for when in (
        "year", "autumn", "fall", "spring", "summer", "winter", "month", "week", "time")),
)  # fmt: skip
#: A word of :data:`HABIT_WORDS`, whole.
HABIT = LazyPattern(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(HABIT_WORDS, key=len, reverse=True)) + r")(?!\w)"
)

#: Words crediting what a sentence says to a source it does not name ("Enligt uppgift hölls sakrådet i Umeå",
#: "Fryshuset deltog enligt uppgifter", "according to reports"): hearsay, a row of :data:`GUARD_TABLE`. A
#: source named after them ("enligt uppgift från Kulturdepartementet", "according to reports by the
#: ministry": :data:`_NAMED_SOURCE`), or in their place ("enligt Regeringskansliet", "enligt programmet"),
#: is the text attributing what it says, no guard.
HEARSAY_SOURCES = tuple(
    f"{by} {what}" for by, whats in (
        ("enligt", ("uppgift", "uppgifter", "obekräftade uppgifter", "källor", "medieuppgifter", "rykten")),
        ("according to", ("reports", "unconfirmed reports", "sources", "media reports", "rumours", "rumors")),
    ) for what in whats
)  # fmt: skip
#: Words saying that what their clause says is what others report ("uppges", "sägs", "reportedly", "enligt
#: uppgift"): the hearsay row of :data:`GUARD_TABLE` (with "knappast"/"hardly", a doubt read as it), and
#: what reports a calling off as hearsay (:data:`_HEARSAY_OFF`).
HEARSAY_WORDS = (
    "uppges", "uppgavs", "uppgetts", "påstås", "påstods", "påståtts", "sägs", "lär ha", "ryktas", "reportedly",
    "allegedly", "supposedly", "is said to", "are said to", "was said to", "were said to", "is alleged",
    "was alleged", "rumoured", "rumored", "tydligen", "apparently", "purportedly", *HEARSAY_SOURCES,
)  # fmt: skip
#: "It is possible (likely, conceivable) that …" ("Det är möjligt att Fryshuset deltog", "Det var troligt att
#: …", "It is possible that …"): the clause governs its "att"/"that" clause (:func:`fact_clause`), whose
#: fact is a doubt, a row of :data:`GUARD_TABLE`; "gjorde det möjligt att diskutera …" doubts nothing.
POSSIBLE_THAT = tuple(
    f"{it} {be} {how}" for it, bes, hows in (
        ("det", ("är", "var", "kan vara"), ("möjligt", "troligt", "tänkbart")),
        ("it", ("is", "was", "may be"), ("possible", "probable", "conceivable")),
    ) for be in bes for how in hows
)  # fmt: skip
#: Words saying that what their clause says is unconfirmed ("Sakrådet hölls den 5 februari (obekräftat)",
#: "unverified"): a doubt, a row of :data:`GUARD_TABLE`.
UNCONFIRMED_WORDS = (
    "obekräftat", "obekräftad", "obekräftade", "overifierat", "overifierad", "overifierade", "unconfirmed",
    "unverified",
)  # fmt: skip
#: Words saying that the writer only remembers or believes what their sentence says ("…, om jag minns rätt",
#: "såvitt jag vet", "as far as I know"): a doubt of the whole sentence, wherever they stand in it
#: (:data:`SENTENCE_GUARD_TABLE`).
REMEMBERED_WORDS = (
    "om jag minns rätt", "om jag inte minns fel", "om jag inte missminner mig", "om minnet inte sviker",
    "om mitt minne inte sviker mig", "såvitt jag vet", "så vitt jag vet", "vad jag vet", "såvitt jag minns",
    "så vitt jag minns", "vad jag minns", "om jag förstått rätt", "om jag förstod rätt", "if i remember correctly",
    "if i remember rightly", "if i recall correctly", "if memory serves", "as far as i know", "as far as i remember",
    "as far as i recall", "to my knowledge", "to the best of my knowledge",
)  # fmt: skip
#: A belief or a claim in the passive, its holder left out ("Sakrådet tros ha hållits i Umeå", "anses ha",
#: "is believed to", "is thought to", "is claimed to"): what some believe, hearsay.
BELIEVED_WORDS = (
    "tros ha", "troddes ha", "tros vara", "anses ha", "ansågs ha", "hävdas", "hävdades", "antogs ha",
    "is believed to", "was believed to", "are believed to", "were believed to", "is thought to", "was thought to",
    "are thought to", "were thought to", "is claimed to", "was claimed to", "is claimed that", "was claimed that",
    "is assumed to", "was assumed to",
)  # fmt: skip
#: Adverbs saying that what their clause says, or a quotation it gives, is wrong ("”Sakrådet hölls den 5
#: februari”, skrev en deltagare felaktigt", "a participant wrote, wrongly"): a denial.
WRONGLY_WORDS = (
    "felaktigt", "felaktigen", "oriktigt", "wrongly", "falsely", "mistakenly", "erroneously", "incorrectly",
    "wrongfully",
)  # fmt: skip
#: The words before a source that name it ("från", "av", "by" …), after hearsay's words or a verb of saying.
SOURCE_WORDS = ("från", "av", "ur", "hos", "by", "from")
#: A source named after the words of :data:`HEARSAY_SOURCES`: "från"/"from" and the like.
_NAMED_SOURCE = LazyPattern(rf" (?:{'|'.join(SOURCE_WORDS)})(?!\w)")
#: A Swedish reportative "ska ha"/"skall ha" (up to three words between) before a supine: "Mötet ska ha
#: hållits i Umeå", "Fryshuset ska enligt uppgift ha deltagit" report what others say was, hearsay, not a
#: plan ("Fryshuset ska ha en monter", "ska ha ett pass" are plans).
_REPORTED_SKA = LazyPattern(r"((?: [\w-]+){0,3}? ha) (?!ett )\w+(?:ts|it|at|tt)(?!\w)")

#: (kind, scope, words): the guard words. A word's kind is what a refusal names. A word that rounds a
#: number ("cirka", "ca", "ungefär": counted.ROUNDING) is no doubt: "cirka 40 organisationer deltog"
#: states a count, marked approximate.
GUARD_TABLE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (NEGATION, "clause", (
        "inte", "ej", "aldrig", "icke", "varken", "ingen", "inget", "inga", "utan att", "not", "never", "cannot",
        "neither", "nor", "no one", "none",
    )),
    (ABSENCE, "clause", (
        "tackade nej", "avböjde", "avböjt", "återbud", "uteblev", "förhinder", "förhindrat", "förhindrad",
        "förhindrade", "frånvarande", "saknades", "avstod", "nekades", "bojkottade", "declined", "absent",
        "boycotted",
    )),
    (PLAN, "clause", (
        "skulle", "ska", "skall", "planerar", "planeras", "planerade", "planerat", "kommer att", "avser", "avsåg", "avses", "avsågs",
        "avsett", "ämnade", "tänkt", "tänkte", "borde", "bör", "kunde", "kan", "kunna", "ville", "vill", "hoppas",
        "hoppades", "önskade", "önskar", "föreslås", "föreslogs", "föreslagen", "föreslaget", "kunnat",
        "would", "will", "shall", "plans", "planned", "scheduled", "is to",
        "was to", "should", "could", "can", "might", "may", "hoped", "hopes", "wanted", "intended",
        *EXPECTED_WORDS,
    )),
    (PLAN, "head", PLAN_NOUNS),
    (CONDITION, "clause", (
        "ifall", "i den mån", "förutsatt", "förutsättning", "beroende på", "såvida", "unless", "provided that",
        "providing that", "on condition that",
    )),
    (DOUBT, "clause", (
        "huruvida", "oklart", "osäkert", "okänt", "ovisst", "möjligen", "möjligtvis", "kanske", "eventuellt",
        "troligen", "troligtvis", "förmodligen", "sannolikt", "antagligen", "förhoppningsvis", "preliminärt", "preliminär",
        "preliminära", "preliminärt planerat", "preliminärt planerad", "prel", "ev", "evt", "tentativt", "tentativ",
        "tentativa", "torde", "måste ha", "förmodas", "antas ha", "tycks ha", "verkar ha", "nog", "kanhända",
        "måhända", "whether", "unclear", "uncertain", "perhaps", "possibly", "probably", "tentatively", "tentative",
        "preliminary", "hopefully", "must have", "presumably", "seems to have", "seem to have", "appears to have",
        "appear to have", "maybe", "likely", "unlikely", "seemingly", "conceivably", "in all likelihood",
        "in all probability", "potentially", "it seems", "it appears", "det verkar som", "det tycks som",
        "det förefaller som", "till synes", "synbarligen", "potentiellt",
        *UNCONFIRMED_WORDS, *POSSIBLE_THAT,
    )),
    (CALLED_OFF, "clause", CALLING_OFF),
    (CALLED_OFF, "clause", ("ströks", "stryks")),
    (CALLED_OFF, "clause", (
        "sköts upp", "skjuts upp", "uppskjutet", "flyttades", "flyttas", "flyttat", "moved", "postponed",
    )),
    (OTHER_TIME, "clause", (
        "nästa gång", "förra gången", "förra gång", "förra tillfället", "nästa tillfälle", "ett senare tillfälle",
        "ett tidigare tillfälle", "ett annat tillfälle", "föregående år", "föregående års", "i framtiden",
        "framöver", "året därpå", "året innan", "brukar", "brukade", "vanligtvis", "vanligen", "oftast", "ibland", "förra året",
        "i fjol", "nästa år", "next time", "last time", "in future", "in the future", "usually", "normally",
        "last year", "next year", "tidigare år", "tidigare års", "tidigare har", "har tidigare", "hade tidigare",
        "tidigare sakråd", "previously", "in previous years", "in earlier years", "in past years",
        "normalt", "årligen", "i regel", "regelmässigt", "i genomsnitt", "i snitt", "genomsnittligt", "annually", "as a rule", "on average", "typically",
        *HABIT_WORDS,
    )),
    (CHOICE, "beside", ("eller", "alternativt", "or", "alternatively")),
    (INSTEAD, "clause", ("i stället för att", "istället för att")),
    (INSTEAD, "beside", ("i stället för", "istället för", "snarare än", "instead of", "rather than")),
    (EXCLUSION, "beside", ("utom", "förutom", "except")),
    (CONDITION, "head", ("om", "if")),
    (COUNTERFACTUAL, "clause", (
        "hade gärna", "hade hellre", "hade velat", "hade önskat", "hade kunnat", "hade behövt", "had wanted",
        "had hoped",
    )),
    (HEARSAY, "clause", ("knappast", "hardly", "scarcely", *HEARSAY_WORDS, *BELIEVED_WORDS)),
    (DENIAL, "clause", (
        "förnekar", "förnekade", "förnekat", "dementerar", "dementerade", "dementerat", "tillbakavisar",
        "tillbakavisade", "denies", "denied", "deny", *WRONGLY_WORDS,
    )),
)  # fmt: skip
#: (kind, "sentence", words): the guard words whose scope is the whole sentence, wherever they stand in
#: it: a denial of what it says ("”X deltog”, påstår Y, men det stämmer inte", "Uppgiften att X deltog är
#: felaktig") and a question ("?" ending it: "Deltog X?", "Hölls sakrådet i Stockholm?" state nothing; a
#: meeting's questions are read apart, stated.py). Read with :data:`GUARD_TABLE` by :func:`guard_in`.
SENTENCE_GUARD_TABLE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (DENIAL, "sentence", (
        "stämmer inte", "stämde inte", "är felaktig", "är felaktigt", "var felaktig", "var felaktigt",
        "är inte sant", "är inte korrekt", "är osann", "är osant", "is false", "was false", "is not true",
        "was not true", "is untrue", "is incorrect", "was incorrect",
    )),
    (DOUBT, "sentence", REMEMBERED_WORDS),
    (QUESTION, "sentence", ("?",)),
)  # fmt: skip

#: Each guard word's kind and scope.
GUARDS: dict[str, tuple[str, str]] = {
    w: (kind, scope) for kind, scope, words in (*GUARD_TABLE, *SENTENCE_GUARD_TABLE) for w in words
}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: The first characters by which :func:`by_first_letter` groups alternatives: lower-case letters and digits
#: of which no two match one character, with re.IGNORECASE or without (its other matches, "ı" and "ſ" for
#: "i" and "s", "K" for "k", begin no group).
_GROUPED_FIRST = frozenset("abcdefghijklmnopqrstuvwxyz0123456789åäöéü")


def by_first_letter(alternatives: Iterable[str]) -> str:
    """The alternation of the patterns ``alternatives``, in their order, grouped by their first character,
    each group behind a look-ahead for it: ``(?=s)(?:ska|sägs)|(?=e)(?:enligt)`` for ``ska|enligt|sägs``. It
    matches what the plain alternation does, the same alternative at each place (two groups' alternatives
    never both match at one place, and a group keeps its alternatives' order), but a search tries at each
    place one group's alternatives, not all of them: with re.IGNORECASE, whose alternatives the regular
    expression engine enters one by one, a long list of words is searched several times faster. The plain
    alternation when an alternative does not begin with a character of :data:`_GROUPED_FIRST` it matches as
    written (one quantified, "s?", may be missing). Each alternative is a whole pattern (a word escaped:
    ``re.escape``), no "|" outside its groups."""
    alternatives = list(alternatives)
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[:1], []).append(a)
    if not groups.keys() <= _GROUPED_FIRST or any(a[1:2] in ("?", "*", "{") for a in alternatives):
        return "|".join(alternatives)
    return "|".join(f"(?={first})(?:{'|'.join(group)})" for first, group in groups.items())


_LEADS = _alternation(w for w, (kind, scope) in GUARDS.items() if kind == PLAN and scope == "head")
#: A plan's noun (the plan's ``head`` words of :data:`GUARD_TABLE`) leading in what follows: up to four words
#: after it ("Syftet med mötet"), a copula, "att"/"that"/"for"/"to"; or "Det är meningen att", "It is
#: expected (hoped, envisaged …) that".
PLAN_LEAD = LazyPattern(
    rf"(?<!\w)(?:(?:{_LEADS})(?: [\w-]+){{0,4}}? (?P<copula>är|var|har varit|hade varit|blir|is|was|has been|had been)"
    rf"|(?:det|it) (?P<it>är|var|is|was) (?:{_LEADS}|(?:expected|hoped|envisaged|anticipated|foreseen|intended|"
    rf"planned)))(?: (?:nu|fortfarande|still|now))? (?:att|that|for|to)(?!\w)"
)


def plan_lead(flat: str, lo: int, hi: int, a: int, b: int) -> re.Match[str] | None:
    """The plan's noun leading in the fact at ``a``..``b`` (:data:`PLAN_LEAD`): the first in its part of
    the sentence ``flat[lo:hi]`` (:func:`contrast_clause`) that ends before it; None if none does."""
    start, _ = contrast_clause(flat, lo, hi, a, b)
    return next((m for m in PLAN_LEAD.finditer(flat, start, a) if m.end() <= a), None)


def past_plan(word: str) -> bool:
    """Whether a plan's ``word`` as :func:`guard_in` gives it says the plan in the past: a past expectation
    ("väntades") or a plan's noun with a past copula ("planen var att"), :data:`PAST_PLAN_WORDS`."""
    lead = PLAN_LEAD.fullmatch(word)
    if lead is not None:
        return (lead["copula"] or lead["it"]) in PAST_PLAN_WORDS
    return word in PAST_PLAN_WORDS


def _words_of(kinds: Iterable[str], scope: str) -> tuple[str, ...]:
    kinds = set(kinds)
    return tuple(w for w, (k, s) in GUARDS.items() if k in kinds and s == scope)


#: "inte bara", "inte minst", "inte mindre än", "not only": no negation of what they stand before.
_NOT_ONLY = r"(?! (?:bara|endast|enbart|blott|minst|mindre|färre|only|just|least|less|fewer)(?!\w))"
#: "förrän"/"until" at most three words after a negation ("deltog inte förrän efter lunch", "deltog inte i
#: sakrådet förrän efter lunch", "was not held until"): what the negation stands beside happened, only
#: later (:func:`_not_until`).
_UNTIL = LazyPattern(r"(?: [\w-]+){0,3}? (?:förrän|until)(?!\w)")
#: The words of ``clause`` scope, a negation's "inte" not before "bara" ….
_CLAUSE_WORD = LazyPattern(
    r"(?<![\w-])(?:(" + _alternation(_words_of((NEGATION,), "clause")) + r")" + _NOT_ONLY + r"|("
    + _alternation(w for w, (k, s) in GUARDS.items() if s == "clause" and k != NEGATION) + r"))(?![\w-])"
)  # fmt: skip

#: The words that open a subordinate clause (its modal, negation or time is its own): after a comma or a
#: parenthesis anywhere, inside the fact's clause after its words.
SUBORDINATE_WORDS = (
    "som", "att", "för att", "så att", "därför att", "eftersom", "vilket", "vilka", "vilken", "där", "dit", "när",
    "då", "hur", "vad", "varför", "vem", "vilken", "huruvida", "innan", "efter att", "trots att", "även om",
    "fast", "liksom", "precis som", "än", "sedan", "jämfört med", "who", "which", "where", "when", "that", "how",
    "what", "why", "because", "like", "than", "since", "as",
)  # fmt: skip
_OPENS = LazyPattern(r"(?:" + _alternation(SUBORDINATE_WORDS) + r")(?!\w)")
_OPENS_INSIDE = LazyPattern(r" (?:" + _alternation(w for w in SUBORDINATE_WORDS if w not in ("då", "as")) + r") ")

#: Words of comparison before another time ("liksom förra gången", "fler än förra året", "sedan i fjol",
#: "compared with 40 organisations last year"): the time is the comparison's, not the fact's. "som" and
#: "as" compare only where no verb follows them (:func:`compared`: "som förra året", not the relative
#: clause "som brukar leda sakråden"); "mot", "against" and "versus" only before a number ("25
#: organisationer mot 40 organisationer förra året").
COMPARING_WORDS = (
    "liksom", "som", "än", "sedan", "jämfört med", "i jämförelse med", "att jämföra med", "precis som", "like",
    "than", "since", "as", "compared with", "compared to", "in comparison with",
)  # fmt: skip
_COMPARING = LazyPattern(
    r"(?<![\w-])(?:(" + _alternation(COMPARING_WORDS) + r")(?: [\w-]+){0,2}"
    r"|(?:mot|against|versus|vs\.?) \d[\d\s]*(?: [\w-]+)?) $"
)
#: Words before "som" that make it a comparison's whatever follows it ("samma som", "lika många som").
_LIKE_AS = LazyPattern(r"(?<!\w)(?:samma|lika|likadant|precis|så|same|just|such)(?: [\w-]+){0,2} $")

#: Finite verbs (and a few auxiliaries) that say a clause has its own verb: "och" with one after it, and
#: one before it, joins two clauses ("deltog och hoppas …"), not two names ("Fryshuset och Famna").
FINITE_VERBS = frozenset(
    """deltog deltar deltagit medverkade medverkar närvarade kom kommer fick får hann valde lämnade tackade
    skickade avböjde uteblev kunde kan skulle ska skall ville vill bör borde hoppas hoppades önskade önskar var
    är blev blir har hade gick går gjorde gör sa sade säger hölls hålls leddes ledde leder inledde diskuterade
    diskuterades diskuteras handlade handlar berättade betonade framförde ställde efterfrågade svarade tog togs
    fanns finns saknades samlade samlades träffade träffades möttes bjöd bjöds frågade undrade lyfte lyftes
    presenterade informerade föreslog påpekade menade ansåg tycker tyckte vet visste anmälde arbetar
    participated attended took said asked was were is are has had will would could can should might did does
    hopes hoped wants wanted planeras planerades genomförs genomfördes anordnas arrangeras sker skedde äger ägde
    avses avsågs träffas samlas leds efterlyste efterlyser framhöll framhåller nämnde nämner krävde kräver begärde
    uttryckte beskrev underströk gav ger""".split()
)
_VERB_ENDINGS = ("ade", "ades", "ddes", "des", "tes", "dde", "ades")
_WORD = LazyPattern(r"[\w-]+")
_ADVERBS_FIRST = frozenset("även också sedan då därefter dessutom ändå till slut inte aldrig".split())


def finite(word: str) -> bool:
    """Whether ``word`` (folded) reads as a finite verb: one of :data:`FINITE_VERBS`, or a past tense's
    ending ("-ade", "-des", "-dde")."""
    return word in FINITE_VERBS or (len(word) > 4 and word.endswith(_VERB_ENDINGS))


def _has_verb(flat: str, lo: int, hi: int) -> bool:
    return any(finite(w[0]) for w in _WORD.finditer(flat, lo, hi))


def _verb_first(flat: str, at: int, hi: int) -> bool:
    """Whether the words from ``at`` open with a finite verb (adverbs aside): a clause with no subject of
    its own, going on with the one before it. Reads at most three words."""
    for m in islice(_WORD.finditer(flat, at, hi), 3):
        if m[0] in _ADVERBS_FIRST:
            continue
        return finite(m[0])
    return False


_AND = LazyPattern(r" (?:och|samt|and) ")
#: A consequence's "så"/"so" after a comma, opening a coordinated clause with its own subject ("A kunde
#: inte komma, så B deltog"); not "så att"/"so that" (a subordinate clause's), nor "så" before the verb
#: (the main clause after a condition: "Om det finns tid, så deltar B").
_SO = LazyPattern(r", ?(?:så|so) (?!att |that )")
_COMMA = LazyPattern(r"[,()]")


#: A comparison of numbers ("inte fler än 30", "fewer than twenty"): "än"/"than" before a number opens no clause.
_NUMBER_COMPARED = LazyPattern(
    r" (?:än|than) (?:totalt |sammanlagt |altogether )?(?:\d|(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|"
    r"tretton|fjorton|femton|sexton|sjutton|arton|nitton|tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred)[\w-]*(?!\w))"
)
#: How many words an insert between a verb and its negation may have ("inledde, enligt planen, inte").
INSERT_WORDS = 5
#: Inserts that compare, whose negation after them is an aside of its own ("deltog, liksom Famna, inte X").
_COMPARING_INSERT = LazyPattern(r"(?:liksom|precis som|än|jämfört med|like|than|compared (?:with|to))(?!\w)")


def _closes_insert(flat: str, lo: int, mark: int, at: int) -> bool:
    """Whether the comma or parenthesis at ``at`` closes an insert opened at ``mark`` right after a finite
    verb ("Statssekreteraren inledde, enligt planen, inte mötet", "ledde (som väntat) inte mötet"): a
    negation after it stands where the verb's own would ("inledde inte mötet") and denies the verb, not
    what follows it as an aside ("hölls i Stockholm, inte digitalt"). The insert: at most
    :data:`INSERT_WORDS` words, no finite verb unless a subordinate word opens it ("som det ser ut"), not a
    comparison."""
    if (flat[mark], flat[at]) not in ((",", ","), ("(", ")")):
        return False
    end = mark - (mark > lo and flat[mark - 1] == " ")  # "ledde (enligt planen)"
    before = flat.rfind(" ", lo, end) + 1
    if before >= end or not finite(flat[before:end]):
        return False
    words = _WORD.findall(flat, mark + 1, at)
    if not 0 < len(words) <= INSERT_WORDS or _COMPARING_INSERT.match(flat, mark + 1 + (flat[mark + 1] == " ")):
        return False
    return _OPENS.match(flat, mark + 1 + (flat[mark + 1] == " ")) is not None or not any(finite(w) for w in words)


class _Verbs:
    """The finite verbs of ``flat[lo:hi]``, read once: whether a stretch of it holds one is a lookup."""

    def __init__(self, flat: str, lo: int, hi: int) -> None:
        found = [m.span() for m in _WORD.finditer(flat, lo, hi) if finite(m[0])]
        self.starts = [a for a, _ in found]
        self.ends = [b for _, b in found]

    def between(self, a: int, b: int) -> bool:
        """Whether a finite verb stands whole in ``flat[a:b]`` (``a`` and ``b`` not inside a word)."""
        i = bisect_left(self.starts, a)
        return i < len(self.starts) and self.ends[i] <= b


def clauses_of(flat: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The clauses of the part ``flat[lo:hi]`` (a contrast's part, :func:`contrast_clause`), each
    ``(start, stop, how)``, in order: ``how`` is "main" (the part's first clause and any going on
    from it after a comma), "sub" (a subordinate clause: after a comma or a parenthesis that one of
    :data:`SUBORDINATE_WORDS` opens, to the next comma or parenthesis; inside a clause, from such a word
    to the clause's end), "and" ("och" between a clause with a verb and one with a verb: a coordinated
    clause with its own subject), "and-on" (one opening with its verb, the subject going on) or "time"
    (a comma's clause opened by another time: "…, nästa gång i Malmö"). Linear in the part: each mark
    is read once, the cut before it found by bisection, the part's verbs read once."""
    verbs = _Verbs(flat, lo, hi)
    cuts: dict[int, str] = {lo: "main"}  # where a clause starts -> how (of two at one place, the later in order)

    def cut(at: int, how: str) -> None:
        cuts[at] = max(cuts.get(at, how), how)

    last = (lo, "main")  # the last cut made at a comma: where, how
    mark = None  # the comma or parenthesis before this one
    for c in _COMMA.finditer(flat, lo, hi):
        at = c.end()
        while at < hi and flat[at] == " ":
            at += 1
        inserted, mark = mark is not None and _closes_insert(flat, lo, mark, c.start()), c.start()
        if _OPENS.match(flat, at) and not _infinitive(flat, at):
            cut(c.start(), "sub")
        elif _ASIDE.match(flat, at) and not inserted:
            cut(c.start(), "time")  # "hölls i Stockholm, inte digitalt": an aside of its own
        elif _TIME_FIRST.match(flat, at):
            cut(c.start(), "time")
        elif c.group() == ")" or (c.group() == "," and last[1] in ("sub", "time") and flat[last[0]] != "("):
            cut(c.start(), "main")
        else:
            continue
        last = (c.start(), cuts[c.start()])
    for c in _AND_NOT.finditer(flat, lo, hi):
        cut(c.start(), "time")  # "hölls i Malmö och inte digitalt"
    places = sorted(cuts)

    def before(at: int, inclusive: bool) -> int:
        i = (bisect_right if inclusive else bisect_left)(places, at)
        return places[i - 1] if i else lo

    for c in _SO.finditer(flat, lo, hi):  # "Famna kunde inte komma, så Fryshuset deltog ensamt"
        if (
            verbs.between(before(c.start(), False), c.start())
            and _has_verb(flat, c.end(), min(hi, c.end() + 80))
            and not _verb_first(flat, c.end(), hi)  # "Om det finns tid, så deltar X": the condition's main clause
        ):
            if c.start() not in cuts:
                insort(places, c.start())
            cuts[c.start()] = "and"
    for c in _AND.finditer(flat, lo, hi):
        if _ASIDE.match(flat, c.end()):
            continue
        if verbs.between(before(c.start(), True), c.start()) and _has_verb(flat, c.end(), min(hi, c.end() + 80)):
            if c.start() not in cuts:
                insort(places, c.start())
            cut(c.start(), "and-on" if _verb_first(flat, c.end(), hi) else "and")
    spans = []
    going = None  # how the last clause that is neither subordinate nor a time's was made
    for i, start in enumerate(places):
        how = cuts[start]
        stop = places[i + 1] if i + 1 < len(places) else hi
        if how == "main" and going in ("and", "and-on"):
            # a comma's clause after a coordinated one goes on with it, also past a subordinate clause
            # closed by the comma ("… och Fryshuset, som var inbjudet, deltog")
            how = going
        if start < stop:
            spans.append((start, stop, how))
            if how not in ("sub", "time"):
                going = how
    # inside a clause that is not itself subordinate, a subordinate word after its verb opens one
    out = []
    for start, stop, how in spans:
        inner = None
        if how != "sub":
            inner = next(
                (
                    m
                    for m in _OPENS_INSIDE.finditer(flat, start + 1, stop)
                    if not _infinitive(flat, m.start() + 1) and not _NUMBER_COMPARED.match(flat, m.start())
                ),
                None,
            )
        if inner is not None and verbs.between(lo if how == "main" else start, inner.start()):
            out.extend([(start, inner.start(), how), (inner.start(), stop, "sub")])
        else:
            out.append((start, stop, how))
    return out


#: A negation opening an aside after a comma or "och" ("…, inte digitalt", "… och inte i Stockholm"): it
#: denies what follows it, not the clause before.
_ASIDE = LazyPattern(r"(?:inte|ej|icke|not|och inte|and not)(?! (?:bara|endast|enbart|only)(?!\w))(?!\w)")
_AND_NOT = LazyPattern(r" (?:och|and) (?=(?:inte|ej|not) )")
_INFINITIVE = LazyPattern(r"att ([\w-]+)")
_PRONOUNS = frozenset("de den det vi man han hon jag du ni dessa detta organisationen mötet sakrådet".split())
#: Words in "-a" after "att" that open a subject, not an infinitive ("framhöll att unga ofta saknar …",
#: "att många organisationer …", "att alla kan delta").
_SUBJECT_WORDS = frozenset(
    "alla andra många flera unga äldre nya gamla stora vissa sådana samtliga somliga enskilda svenska ideella "
    "lokala regionala nationella berörda inbjudna hela mindre större".split()
)


def _infinitive(flat: str, at: int) -> bool:
    """Whether "att" at ``at`` is an infinitive's mark ("planerat att hållas", "ombads att delta"), not a
    clause's subjunction ("att mötet skulle …"): a word in -a or -as after it, not a noun's "-na"."""
    m = _INFINITIVE.match(flat, flat.find("att", at, at + 12) if flat.startswith(("för att", "så att"), at) else at)
    if m is None:
        return False
    w = m.group(1)
    return w.endswith(("a", "as")) and not w.endswith(("na", "nas")) and w not in _PRONOUNS | _SUBJECT_WORDS


_TIME_FIRST = LazyPattern(
    r"(?:" + _alternation(_words_of((OTHER_TIME,), "clause")) + r"|(?:19|20)\d\d|förra|nästa|next|last)(?!\w)"
)


_COMPLEMENT = LazyPattern(r"[ ,(]*(?:att|huruvida|whether|that)(?!\w)")


def compared(flat: str, lo: int, at: int) -> bool:
    """Whether the words before ``at`` (from ``lo``) make what stands there a comparison's ("liksom förra
    gången", "fler än förra året", "sedan föregående år")."""
    return comparison_start(flat, lo, at) is not None


def comparison_start(flat: str, lo: int, at: int) -> int | None:
    """Where the comparison's words begin that make what stands at ``at`` a comparison's (:func:`compared`):
    the other time governs the comparison's part from there ("25 organisationer mot 40 organisationer
    förra året": the 40, not the 25), or None where no comparison's words stand before ``at``."""
    m = _COMPARING.search(flat, max(lo, at - 40), at)
    if m is None:
        return None
    start = m.start()
    if m.group(1) not in ("som", "as"):
        return start
    # "som"/"as" with a verb between it and the time, or the time a verb ("som brukar leda", "som ledde
    # förra årets sakråd", "som förra året samlade …") opens a relative clause, no comparison; a
    # sentence's first "som" ("Som förra året deltog X") and "samma som" compare
    opener = m.start(1)
    if _LIKE_AS.search(flat, max(lo, opener - 30), opener) or not flat[lo:opener].strip(" \x00\"'(*•-"):
        return start
    stop = min([i for i in (flat.find(c, at, at + 80) for c in ",;()\x00") if i >= 0] + [len(flat)])
    verbs = any(finite(w) or w in ("brukar", "brukade") for w in _WORD.findall(flat, opener + 3, stop))
    return None if verbs else start


def side_clause(flat: str, lo: int, hi: int, at: int) -> bool:
    """Whether ``at`` stands in a subordinate clause of the sentence ``flat[lo:hi]`` or in a comma's clause
    of another time (:func:`clauses_of`: "…, som även leder nästa sakråd", "…, nästa gång i Malmö")."""
    start, stop = contrast_clause(flat, lo, hi, at, at)
    return any(s <= at < e and h in ("sub", "time") for s, e, h in clauses_of(flat, start, stop))


def fact_clause(flat: str, lo: int, hi: int, a: int, b: int, *, going_on: bool = False) -> list[tuple[int, int]]:
    """The fact's own clause: the spans of the sentence ``flat[lo:hi]`` that belong to the clause holding
    ``a``..``b`` (the fact's verb, name or place): its contrast's part (:func:`contrast_clause`), less
    the subordinate clauses in it, the coordinated clauses and the clauses of another time after a comma
    (:func:`clauses_of`): in "Fryshuset deltog och hoppas …" the clause of "deltog" is "Fryshuset
    deltog". Where ``a``..``b`` stands in a subordinate or coordinated clause, that clause.
    ``going_on``: with the coordinated clauses after it that have no subject of their own (a name's
    verbs: "Fryshuset var inbjudet och deltog")."""
    start, stop = contrast_clause(flat, lo, hi, a, b)
    parts = clauses_of(flat, start, stop)
    mine = next((i for i, (s, e, _) in enumerate(parts) if s <= a < e), 0)
    how = parts[mine][2]
    if how == "main":
        span = [(s, e) for s, e, h in parts if h == "main"]
    else:
        span = [(parts[mine][0], parts[mine][1])]
        if how == "sub" and mine > 0 and _COMPLEMENT.match(flat, parts[mine][0]):
            # "Organisationerna ville att mötet skulle hållas i Umeå": the clause it complements governs it
            prev = parts[mine - 1][2]
            span += [(s, e) for s, e, h in parts[:mine] if h == prev or (prev == "main" and h == "main")]
    if going_on:
        last = max(e for _, e in span)
        for s, e, h in parts:
            if s >= last and h == "and-on":
                span.append((s, e))
                last = e
            elif s >= last and h not in ("sub", "time"):
                break
    return span


#: The names of the data (folded) that hold a guard word ("hela sverige ska leva"), while :func:`names_read`
#: is in force: a guard word inside one of them in a sentence is the name's, none of the fact's.
_NAMED: ContextVar[re.Pattern[str] | None] = ContextVar("named", default=None)


@contextmanager
def names_read(names: Iterable[str]) -> Iterator[None]:
    """While in force, :func:`guard_in` reads no guard word inside one of ``names`` (folded) as a guard: in
    "Famna, Hela Sverige ska leva och Fryshuset deltog" the "ska" is the name's, whichever name the fact is
    about. Only the names holding a guard word are looked for."""
    guarded = sorted({n for n in names if n and _CLAUSE_WORD.search(n)}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + _alternation(guarded) + r")(?![\w-])") if guarded else None
    token = _NAMED.set(pattern)
    try:
        yield
    finally:
        _NAMED.reset(token)


def _in_names(flat: str, lo: int, hi: int) -> list[tuple[int, int]]:
    named = _NAMED.get()
    return [] if named is None else [m.span() for m in named.finditer(flat, lo, hi)]


#: The words after a "nog" that make it "enough", no doubt: "nog med tid", "nog av", "nog för att", "nog om".
_ENOUGH_AFTER = LazyPattern(r" (?:med|av|för|om|till|åt)(?!\w)")
#: A word before "nog" that makes it "enough" ("bra nog", "länge nog"), beside an adverb or a neuter
#: adjective in "-t" ("märkligt nog", "tydligt nog", "konstigt nog").
_ENOUGH_BEFORE = frozenset("bra länge ofta stor stora snart illa väl gott mycket lite många fler nära".split())


def _enough(flat: str, at: int, end: int) -> bool:
    """Whether the "nog" at ``at``..``end`` means "enough" ("bra nog", "märkligt nog", "nog med tid"), not
    "probably" ("Fryshuset deltog nog", "Nog hölls sakrådet i Umeå")."""
    before = _WORD.findall(flat, max(0, at - 40), at)
    last = before[-1] if before and flat[at - 1 : at] == " " else ""
    adverb = last.endswith("t") and last not in ("det", "ett", "mötet", "sakrådet", "samrådet")
    return bool(last) and (adverb or last in _ENOUGH_BEFORE) or _ENOUGH_AFTER.match(flat, end) is not None


def guard_in(
    flat: str,
    lo: int,
    hi: int,
    a: int,
    b: int,
    kinds: Iterable[str] | None = None,
    spans: list[tuple[int, int]] | None = None,
    name: tuple[int, int] | None = None,
) -> tuple[str, str] | None:
    """The first guard word (:data:`GUARD_TABLE`) that governs the fact at ``a``..``b`` in the sentence
    ``flat[lo:hi]`` (a folded flat text: lower case), as ``(word, kind)``; None if none does. Only the
    ``kinds`` given are read (all if None). ``spans``: the fact's clause, if the caller has it
    (:func:`fact_clause`). ``name``: a name's place, whose words are its own, no guard words ("Hela
    Sverige ska leva deltog": no plan)."""
    wanted = set(GUARDS_KINDS if kinds is None else kinds)
    spans = fact_clause(flat, lo, hi, a, b) if spans is None else spans
    found: list[tuple[int, str, str]] = []
    inside: list[tuple[int, int]] | None = None  # the data's names holding a guard word, read once needed
    for s, e in spans:
        for m in _CLAUSE_WORD.finditer(flat, s, e):
            word = m.group()
            kind = GUARDS[word][0]
            if word in ("ska", "skall") and (reported := _REPORTED_SKA.match(flat, m.end())) is not None:
                word, kind = word + reported.group(1), HEARSAY  # "Mötet ska (enligt uppgift) ha hållits i Umeå"
            if kind not in wanted or (name is not None and name[0] <= m.start() < name[1]):
                continue
            if word == "nog" and _enough(flat, m.start(), m.end()):
                continue  # "bra nog", "märkligt nog", "nog med tid": enough, no doubt
            if inside is None:
                inside = _in_names(flat, lo, hi)
            if any(x <= m.start() < y for x, y in inside):
                continue  # "Famna, Hela Sverige ska leva och Fryshuset deltog"
            if kind == OTHER_TIME and compared(flat, lo, m.start()):
                continue  # "liksom förra gången", "fler än förra året"
            if kind == NEGATION and _not_until(flat, m.end(), a):
                continue  # "Fryshuset deltog inte förrän efter lunch": it took part, later
            if (
                kind == HEARSAY
                and word.startswith(("enligt", "according"))
                and _NAMED_SOURCE.match(flat, m.end())
                and not _UNNAMED_AFTER.match(flat, m.end())
            ):
                continue  # "enligt uppgift från Kulturdepartementet": a source named
            found.append((m.start(), word, kind))
    if CONDITION in wanted and (cond := condition(flat, lo, hi, spans)) is not None:
        found.append(cond)
    if PLAN in wanted and (lead := plan_lead(flat, lo, hi, a, b)) is not None:
        found.append((lead.start(), lead.group(), PLAN))
    if PLAN in wanted and (intent := intention(flat, *contrast_clause(flat, lo, hi, a, b))) is not None:
        found.append((intent.start(), intent.group(1), PLAN))
    if COUNTERFACTUAL in wanted and (had := counterfactual(flat, lo, hi, spans)) is not None:
        found.append(had)
    if wanted & {HEARSAY, QUESTION} and (said := said_by_others(flat, lo, hi, a, b, spans)) is not None:
        if said[2] in wanted and (name is None or not name[0] <= said[0] < name[1]):
            found.append(said)
    found.extend(f for f in sentence_guards(flat, lo, hi) if f[2] in wanted)
    for at, word, kind in beside(flat, lo, hi, a, b):
        if kind in wanted:
            found.append((at, word, kind))
    if not found:
        return None
    # a negation first ("kunde inte hållas" denies it), then the first word
    _, _, word, kind = min((kind not in _DENYING, at, word, kind) for at, word, kind in found)
    return word, kind


#: A word of taking part in the present tense in an "att"/"that" clause of a verb of saying or registering
#: ("Fryshuset har meddelat att de deltar", "Famna har anmält att de deltar", "Famna uppger att de deltar",
#: "bekräftade att de medverkar"): an announced intention, a plan; the past ("uppgav att de deltog") is
#: a report of what was.
SAYING_WORDS = (
    "meddelat", "meddelade", "meddelar", "anmält", "anmälde", "anmäler", "uppger", "uppgav", "uppgett",
    "bekräftat", "bekräftade", "bekräftar", "svarat", "svarade", "svarar", "aviserat", "aviserade", "aviserar",
    "lovat", "lovade", "lovar", "säger", "sagt", "has announced", "announced", "confirmed", "has confirmed",
    "says", "said",
)  # fmt: skip
_INTENT = LazyPattern(
    r"(?<!\w)(" + _alternation(SAYING_WORDS) + r") (?:att|that)(?: [\w-]+){1,4}? "
    r"(?:deltar|medverkar|närvarar|kommer(?! att\b)|participates|attends|takes part|will attend|will take part)(?!\w)"
)
#: A word reporting taking part in the past ("deltog", "har deltagit", "took part"): beside it, what the
#: name said of an intention is about something else or says what it then did.
_TOOK_PART = LazyPattern(
    r"(?<!\w)(?:deltog|medverkade|närvarade|har deltagit|hade deltagit|took part|attended|participated)(?!\w)"
)


def intention(flat: str, lo: int, hi: int) -> re.Match[str] | None:
    """An announced intention in ``flat[lo:hi]`` (a contrast's part): a verb of saying or registering and
    an "att"/"that" clause taking part in the present tense (:data:`_INTENT`: "har meddelat att de
    deltar"), its group 1 the verb; None where there is none, or where the part also reports taking part
    in the past (:data:`_TOOK_PART`: "Famna bekräftade att de deltar och deltog också i sakrådet"). "kommer
    att" is a future's auxiliary, not "kommer" (comes): "säger att de kommer att följa frågan"."""
    found = _INTENT.search(flat, lo, hi)
    if found is None or any(not found.start() <= t.start() < found.end() for t in _TOOK_PART.finditer(flat, lo, hi)):
        return None
    return found


#: Verbs (and nouns) of a belief, an opinion or a claim: an "att"/"that" clause after them says what their
#: holder believes or claims, not what the text states ("Vi tror att sakrådet hölls den 5 februari", "Flera
#: deltagare menar att …", "En organisation påstår att …", "Påståendet att …", "One organisation claims
#: that …", "We believe the meeting was held …"), and so does the clause before them after a comma ("…,
#: menar en deltagare", "…, tror jag", "…, one participant claims"). A verb of the text's own report
#: ("konstaterar", "berättade", "meddelade", "framhöll") is no belief: what it reports, the text states.
BELIEF_WORDS = (
    *(f"{stem}{end}" for stem, ends in (
        ("tro", ("r", "dde", "tt")), ("men", ("ar", "ade", "at")), ("påst", ("år", "od", "ått")),
        ("hävd", ("ar", "ade", "at")), ("tyck", ("er", "te", "t")), ("uppfatt", ("ar", "ade", "at")),
        ("förmod", ("ar", "ade", "at")), ("giss", ("ar", "ade", "at")), ("misstänk", ("er", "te", "t")),
        ("inbill", ("ar", "ade", "at")), ("befar", ("ar", "ade", "at")),
    ) for end in ends),
    "anser", "ansåg", "ansett", "antar", "antog", "antagit", "är övertygad", "är övertygade", "var övertygad",
    "var övertygade", "påståendet", "påståenden", "ryktet", "rykten", "uppfattningen", "antagandet", "tron",
    *(f"{stem}{end}" for stem, ends in (
        ("believe", ("", "s", "d")), ("claim", ("", "s", "ed")), ("maintain", ("", "s", "ed")),
        ("argue", ("", "s", "d")), ("assert", ("", "s", "ed")), ("contend", ("", "s", "ed")),
        ("suppose", ("", "s", "d")), ("assume", ("", "s", "d")), ("suspect", ("", "s", "ed")),
        ("insist", ("", "s", "ed")), ("allege", ("", "s")),
    ) for end in ends),
    "think", "thinks", "thought", "guess", "guesses", "guessed", "reckon", "reckons", "reckoned", "understand",
    "understands", "feel", "feels",
    "felt", "am convinced",
    "is convinced", "are convinced", "was convinced", "were convinced", "the claim", "the belief", "the rumour",
    "the rumor", "the assumption",
)  # fmt: skip
#: Verbs of reporting or remembering: with a source the text does not name as their subject ("En deltagare
#: uppger att …", "…, säger en källa", "…, skrev en deltagare", "a participant said", "…, says one source")
#: they report hearsay; with a source named ("säger Martin Andreasson", "Ministern berättade att …") the
#: text attributes what it states.
REPORT_WORDS = (
    *(f"{stem}{end}" for stem, ends in (
        ("uppg", ("er", "av", "ett", "ivit")), ("berätta", ("r", "de", "t")), ("meddela", ("r", "de", "t")),
        ("rapportera", ("r", "de", "t")), ("vittna", ("r", "de", "t")), ("intyga", ("r", "de", "t")),
        ("skr", ("iver", "ev", "ivit")),
    ) for end in ends),
    "säger", "sa", "sade", "sagt", "minns", "mindes", "kommer ihåg", "says", "said", "tells", "told",
    "reports", "reported", "writes", "wrote", "written", "states", "stated", "recalls", "recalled", "remembers",
    "remembered",
)  # fmt: skip
#: Words opening a source the text does not name: an indefinite article or quantifier ("en deltagare",
#: "flera källor", "one participant", "some sources").
UNNAMED_WORDS = (
    "en", "ett", "flera", "några", "många", "vissa", "somliga", "diverse", "enstaka", "anonym", "anonyma",
    "okänd", "okända", "ett par", "a", "an", "one", "some", "several", "many", "various", "certain",
    "unnamed", "anonymous", "a couple of",
)  # fmt: skip
#: Sources the text does not name, bare ("enligt deltagare", "källor uppger", "sources say", "enligt vissa",
#: "according to some").
UNNAMED_SOURCES = (
    "källa", "källor", "deltagare", "personer", "bedömare", "medier", "någon", "vissa", "några", "många",
    "flera", "somliga", "andra", "sources", "participants", "people", "observers", "witnesses", "insiders",
    "attendees", "someone", "somebody", "some", "many", "several", "others",
)  # fmt: skip
#: What "enligt en …" may name that is no source but a document or a rule ("enligt ett beslut", "enligt en
#: plan", "according to a decision"): the text attributes what it states.
_DOCUMENT_STEMS = (
    "beslut", "plan", "lag", "överenskommelse", "avtal", "program", "protokoll", "pressmeddelande", "inbjudan",
    "dokument", "agenda", "dagordning", "lista", "förteckning", "schema", "tidplan", "tidsplan", "regel", "rutin",
    "förordning", "decision", "agreement", "law", "list", "schedule", "press release", "minutes", "invitation",
    "rule", "regulation",
)  # fmt: skip
_WHO = (
    r"(?:(?:"
    + _alternation(UNNAMED_WORDS)
    + r")(?: (?:av|of))?(?: [\w-]+){1,2}?|(?:"
    + _alternation(UNNAMED_SOURCES)
    + r"))"
)
_REPORT_VERB = _alternation((*REPORT_WORDS, *BELIEF_WORDS))
#: "enligt"/"according to" a source the text does not name ("enligt en deltagare", "enligt flera källor",
#: "Enligt ett rykte", "according to one participant").
_ACCORDING_UNNAMED = LazyPattern(rf"(?<![\w-])(?:enligt|according to)(?: vad)? (?P<who>{_WHO})(?![\w-])")
#: A verb of reporting or belief after a comma and before its subject, a source the text does not name
#: ("…, uppger en deltagare", "…, menar flera", "…, says one source").
_REPORTED_BY = LazyPattern(rf"(?<![\w-])(?:{_REPORT_VERB}) (?P<who>{_WHO})(?![\w-])")
#: A source the text does not name and its verb of reporting ("En deltagare uppger att …", "…, a
#: participant wrote", "Källor säger att …").
_UNNAMED_REPORTS = LazyPattern(rf"(?<![\w-])(?P<who>{_WHO}) (?:[\w-]+ )?(?:{_alternation(REPORT_WORDS)})(?![\w-])")
#: A participant's noun right before a verb of belief, its subject ("Flera deltagare menar att …"): the
#: believer, whose word the "att" clause is, not one the text says took part.
_SOURCE_BEFORE = LazyPattern(
    r"(?:deltagare|deltagaren|deltagarna|representanter|representanten|representanterna|företrädare|"
    r"företrädaren|företrädarna|participants?|representatives?|attendees?)(?: [\w-]+)? $"
)
#: A source not named after the words of :data:`HEARSAY_SOURCES` ("enligt uppgifter från en deltagare",
#: "according to reports from several sources"): hearsay still.
_UNNAMED_AFTER = LazyPattern(rf" (?:{'|'.join(SOURCE_WORDS)}) {_WHO}(?![\w-])")
#: A verb or noun of belief or claim (:data:`BELIEF_WORDS`).
_BELIEF = LazyPattern(r"(?<![\w-])(?:" + _alternation(BELIEF_WORDS) + r")(?![\w-])")
#: What a belief's verb governs: an "att"/"that" clause, at most three words after it ("tror nog att",
#: "uppfattade det som att"); in English also a clause with no "that" ("We believe the meeting was held").
_THAT_AFTER = LazyPattern(r"(?:,? [\w-]+){0,3}?,? (?:att|that)(?!\w)")
_PREPOSITION_AFTER = LazyPattern(r" (?:in|on|of|about|for|to|with|at|by|på|om|i|för|till|med|av)(?!\w)")
#: A subordinate clause opening a sentence's part, put before its main clause ("Trots att …, hölls …").
_SUBORDINATE_FIRST = LazyPattern(
    r"[\s\x00\"'“”«»(*•#-]*(?:trots att|även om|eftersom|fastän|fast|innan|när|då|sedan|medan|although|though|"
    r"even though|even if|because|while|when|whereas|since|as|before|after)(?!\w)"
)
#: Verbs of belief or saying whose clause may go without "that" or "att" ("We believe the meeting was held",
#: "Vi tror sakrådet hölls i Umeå", "Många menar Anna Berg ledde sakrådet": Swedish drops "att" after a verb of
#: belief as often as not).
_THAT_LESS = frozenset(
    """believe believes believed think thinks thought claim claims claimed maintain maintains maintained suppose
    supposes supposed assume assumes assumed suspect suspects suspected guess guesses guessed feel feels felt
    insist insists insisted reckon reckons reckoned understand understands says said writes wrote reports reported tror trodde menar menade anser ansåg tycker
    tyckte påstår påstod hävdar hävdade antar antog förmodar förmodade gissar gissade misstänker misstänkte""".split()
)
#: Words of asking that an "om"/"if" after them makes an indirect question of ("Frågan är om sakrådet
#: hölls …", "Många undrar om …", "Famna frågade om …", "Many wonder if …"); "huruvida"/"whether" is a
#: doubt of :data:`GUARD_TABLE` wherever it stands.
_ASKED_IF = LazyPattern(
    r"(?<![\w-])(?:(?:frågan|frågorna|en fråga|the question)(?: [\w-]+){0,2}? (?:är|var|kvarstår|kvarstod|"
    r"återstår|blir|gäller|is|was|remains)|(?:frågar|frågade|frågat|undrar|undrade|undrat|funderar|funderade|"
    r"spekulerar|spekulerade|ask|asks|asked|wonder|wonders|wondered)(?: (?:sig|själva|oss|mig|themselves|"
    r"ourselves|myself))?|(?:det )?(?:återstår att se|vet ingen|ingen vet|remains to be seen|nobody knows|"
    r"no one knows))(?: (?:nu|fortfarande|still|now))? (?:om|if)(?!\w)"
)


def said_by_others(
    flat: str, lo: int, hi: int, a: int, b: int, spans: list[tuple[int, int]]
) -> tuple[int, str, str] | None:
    """What makes the fact at ``a``..``b`` (its clause ``spans``) of the sentence ``flat[lo:hi]`` another's
    word, not the text's statement, as ``(at, words, kind)``; None if nothing does:

    * a belief or a claim (:data:`BELIEF_WORDS`, hearsay) whose "att"/"that" clause holds the fact ("Vi
      tror att …", "En organisation påstår att …", "One organisation claims that …"), or after the fact
      and a comma, with at most four words between ("…, menar en deltagare", "…, one participant claims");
    * a source the text does not name (hearsay): "enligt"/"according to" one anywhere in the fact's clause
      ("…, enligt en deltagare", "Enligt ett rykte …", not "enligt ett beslut"), or one as the subject of a
      verb of reporting, before the fact's "att" clause ("En deltagare uppger att …") or after the fact and
      a comma ("…, uppger en deltagare", "…, a source said");
    * an indirect question (:data:`_ASKED_IF`: "Frågan är om …", "Många undrar om …") whose clause, with a
      verb of its own, holds the fact (a question).

    A verb of the text's own report ("Regeringen konstaterar att …", "Ministern berättade att …") and a
    named source ("…, enligt ministern", "…, säger Paulina Brandberg") leave the fact stated."""
    part_lo, part_hi = contrast_clause(flat, lo, hi, a, b)

    def in_spans(at: int) -> bool:
        return any(s <= at < e for s, e in spans)

    # where the fact's own span begins: a belief's "att" clause may open there ("uppfattade det som att …")
    own = max((s for s, _ in spans if s <= a), default=a)

    def after_comma(at: int) -> bool:
        # a reporting clause after the fact: a comma between, at most four words from it to ``at``, not a
        # relative clause ("…, vilket flera tyckte var bra")
        comma = flat.rfind(",", b, at)
        if comma < 0 or len(_WORD.findall(flat, comma, at)) > 4 or _has_verb(flat, comma, at):
            return False
        return _OPENS.match(flat, comma + 1 + (flat[comma + 1 : comma + 2] == " ")) is None

    def governs(m: re.Match[str]) -> str | None:
        # the words of a belief or a report before the fact that govern it, in its clause or opening the
        # fact's own: an "att"/"that" after them, or in English a clause right after them ("We believe the
        # meeting was held …"); not in a clause put before the main one ("Trots att många trodde att mötet
        # skulle ställas in, hölls sakrådet …", "Although many believed …, the meeting was held …")
        comma = flat.find(",", m.end(), a)
        if comma >= 0 and (_verb_first(flat, comma + 1, a) or _SUBORDINATE_FIRST.match(flat, part_lo, m.start())):
            return None
        if (that := _THAT_AFTER.match(flat, m.end(), a)) is not None:
            return flat[m.start() : that.end()] if in_spans(m.start()) or m.start() < own <= that.end() else None
        english = m.group().rsplit(" ", 1)[-1] in _THAT_LESS
        return m.group() if english and in_spans(m.start()) and not _PREPOSITION_AFTER.match(flat, m.end()) else None

    # the fact's word a participant's noun ("deltagare"): in a source's words it names the source, not one
    # taking part ("…, enligt en deltagare"); a count there counts those who took part ("Ett tiotal
    # organisationer berättade om …")
    source = _SOURCE_BEFORE.match(flat[a:b] + " ") is not None
    found: list[tuple[int, str, str]] = []
    for m in _ACCORDING_UNNAMED.finditer(flat, part_lo, part_hi):
        if (in_spans(m.start()) or (m.start() <= a < m.end() and source)) and not _document(m["who"]):
            words = m.group().split()
            while len(words) > 2 and finite(words[-1]):  # "Enligt många deltog X": "enligt många"
                words.pop()
            found.append((m.start(), " ".join(words), HEARSAY))
    for m in _BELIEF.finditer(flat, part_lo, part_hi):
        if b <= m.start() and _SOURCE_BEFORE.match(flat, a, m.start()) and _THAT_AFTER.match(flat, m.end(), part_hi):
            # the fact's word is the believer ("Flera deltagare menar att …"): the belief's source, no fact
            found.append((m.start(), m.group(), HEARSAY))
        elif m.end() <= a:
            if (words := governs(m)) is not None:
                found.append((m.start(), words, HEARSAY))  # "Vi tror att …", "We believe the meeting was …"
        elif m.start() >= b and after_comma(m.start()) and not _THAT_AFTER.match(flat, m.end(), part_hi):
            found.append((m.start(), m.group(), HEARSAY))  # "…, menar en deltagare", "…, tror jag"
    for pattern in (_REPORTED_BY, _UNNAMED_REPORTS):
        for m in pattern.finditer(flat, part_lo, part_hi):
            if m.start() <= a < m.end() and source:
                found.append((m.start(), m.group(), HEARSAY))  # "…, uppger en deltagare": the source's words
            elif m.start() >= b and after_comma(m.start()):
                found.append((m.start(), m.group(), HEARSAY))  # "…, uppger en deltagare", "…, a source said"
            elif m.end() <= a and pattern is _UNNAMED_REPORTS:
                if (words := governs(m)) is not None:
                    found.append((m.start(), words, HEARSAY))  # "En deltagare uppger att …"
    for m in _ASKED_IF.finditer(flat, part_lo, part_hi):
        if m.end() <= a and in_spans(m.start()):
            stop = flat.find(",", m.end(), part_hi)
            if _has_verb(flat, m.end(), part_hi if stop < 0 else stop):
                found.append((m.start(), m.group(), QUESTION))  # "Frågan är om sakrådet hölls …"
    return min(found, default=None)


def _document(who: str) -> bool:
    """Whether the source ``who`` after "enligt"/"according to" is a document or a rule ("ett beslut", "en
    ny plan", "a decision"), no source of hearsay."""
    return any(w.startswith(_DOCUMENT_STEMS) for w in who.split()[1:])


def _not_until(flat: str, at: int, a: int) -> bool:
    """Whether the negation ending at ``at`` has "förrän"/"until" after it (:data:`_UNTIL`) and the fact at
    ``a`` does not stand between them: "Sakrådet hölls inte förrän den 10 september", "Fryshuset deltog inte
    förrän efter lunch" state the day and the taking part; "hölls inte i Malmö förrän i december" denies
    Malmö for this holding (Malmö came later)."""
    until = _UNTIL.match(flat, at)
    return until is not None and not at <= a < until.end() - len(until.group().split()[-1])


_DENYING = (NEGATION, ABSENCE, INSTEAD, EXCLUSION, DENIAL)
GUARDS_KINDS = frozenset(kind for kind, _, _ in (*GUARD_TABLE, *SENTENCE_GUARD_TABLE))

#: The words of ``sentence`` scope (:data:`GUARD_TABLE`) but the question's "?": anywhere in the sentence
#: they deny what it says ("”X deltog”, påstår Y, men det stämmer inte", "Uppgiften att X deltog är felaktig").
_SENTENCE_WORD = LazyPattern(
    r"(?<![\w-])(?:" + _alternation(w for w, (_, s) in GUARDS.items() if s == "sentence" and w != "?") + r")(?![\w-])"
)
#: A sentence's end that asks: "?" and what may close it (a quotation's or a parenthesis's mark).
_ASKED_END = LazyPattern(r"\?[\s\x00\"'”»’)\]*_]*$")


def sentence_guards(flat: str, lo: int, hi: int) -> list[tuple[int, str, str]]:
    """The guard words of ``sentence`` scope of the sentence ``flat[lo:hi]``, each ``(at, word, kind)``: a
    question (the sentence ends with "?": "Deltog X?", "Hölls sakrådet i Stockholm?" state nothing; a
    meeting's questions are read apart, stated.py; or it asks without one, :func:`asked_unmarked`), a
    denial of what the sentence says and a doubt of the writer's memory ("om jag minns rätt")."""
    out = [(m.start(), m.group(), GUARDS[m.group()][0]) for m in _SENTENCE_WORD.finditer(flat, lo, hi)]
    asked = _ASKED_END.search(flat, max(lo, hi - 8), hi)
    if asked is not None:
        out.append((asked.start(), "?", QUESTION))
    elif (unmarked := asked_unmarked(flat, lo, hi)) is not None:
        out.append(unmarked)
    return out


#: What may open a sentence before its first word: a heading's or a list item's mark, a quotation mark.
_OPENING = LazyPattern(r"[\s\x00\"'“”«»(*•#-]*(?:\d{1,2}[.)] )?")
#: A list's item: a sentence opening with its mark ("- ", "* ", "• ", "1. ").
_ITEM = LazyPattern(r"[\s\x00]*(?:[-*•]|\d{1,2}[.)]) ")
#: A heading of frequently asked questions ("## Vanliga frågor", "Frågor och svar:", "FAQ"): its items ask,
#: with or without "?".
_FAQ_HEADING = LazyPattern(
    r"(?<!\w)(?:vanliga frågor|frågor och svar|faq|frequently asked questions|questions and answers|q ?& ?a)(?!\w)"
)
#: Swedish verbs that take no object (and auxiliaries): first in a sentence with a word after them that is no
#: preposition or adverb, that word is their subject ("Deltog Famna i sakrådet", "Var mötet digitalt").
_INTRANSITIVE_FIRST = frozenset(
    """deltog deltar medverkade medverkar närvarade närvarar kom kommer var är blev blir fanns finns har hade
    kan kunde ska skulle får fick""".split()
)
#: English auxiliaries that open a yes/no question ("Was the meeting held …", "Did Famna attend").
_AUXILIARY_FIRST = frozenset("was were did does do is are has have had will would can could".split())
#: Subjects right after a verb that opens a question ("Hölls det", "Was it", "Did they").
_SUBJECT_PRONOUNS = frozenset(
    "det han hon hen de vi ni man jag du någon alla it they we he she you i there this that these those one".split()
)
#: Words after a verb that make no subject of what follows them: a list's item with its subject left out
#: ("- Hölls den 10 september i Umeå", "- Leddes av Anna Berg", "- Deltog även i panelen").
_NO_SUBJECT = (
    frozenset(
        """den i på av under vid med till för från om genom efter inför mellan hos mot utan över enligt bland via
    inom digitalt fysiskt gemensamt not also then in on at by for from with during held led chaired attended
    organised organized hosted convened discussed cancelled canceled postponed moved scheduled planned
    expected""".split()
    )
    | (frozenset(PARTICLE_ADVERBS) | _ADVERBS_FIRST) - _SUBJECT_PRONOUNS
)


def asked_unmarked(flat: str, lo: int, hi: int) -> tuple[int, str, str] | None:
    """A question the sentence ``flat[lo:hi]`` asks without "?", as ``(at, words, QUESTION)``; None if it
    does not: it opens with its finite verb and the verb's subject after it, the word order of a yes/no
    question (or a condition) in Swedish and English ("## Hölls sakrådet den 5 februari 2024", "Deltog
    Famna", "Was the meeting held …"); or it is an item of a list under a heading of frequently asked
    questions ("## Vanliga frågor", "FAQ"). A list's item with its subject left out ("- Hölls den 10
    september i Umeå", "- Leddes av Anna Berg") states what it says."""
    before = flat[max(0, lo - 8) : lo].rstrip(" \"'“”«»(*•#-")
    if before and before[-1] not in "\x00\n.!?":
        return None  # not a sentence's start: the verb first is a clause's after a subordinate one
    at = _OPENING.match(flat, lo, hi).end()
    words = [m for m in islice(_WORD.finditer(flat, at, hi), 2)]
    if len(words) == 2 and words[0].start() == at and flat[words[0].end() : words[0].end() + 1] != ":":
        first, second = words[0].group(), words[1].group()
        subject = (
            second in _SUBJECT_PRONOUNS
            or second[0].isdigit()
            or second in _MEETING_NOUNS
            or (len(second) > 4 and second.endswith(("et", "en", "na")) and second not in _NO_SUBJECT)
        )
        if finite(second) and second not in _SUBJECT_PRONOUNS:
            subject = False  # "Deltog gjorde bland andra Famna": the verb put first, "gjorde" standing for it
        elif first in _INTRANSITIVE_FIRST:
            subject = subject or second not in _NO_SUBJECT
        elif first in _AUXILIARY_FIRST:
            subject = second not in _NO_SUBJECT and not second.endswith(("ed", "en", "ing"))
        elif not (finite(first) and first.endswith("s")):
            subject = False  # an active verb's word after it may be its object ("Ledde mötet")
        if subject:
            return words[0].start(), f"{first} {second}", QUESTION
    if _ITEM.match(flat, lo, hi) is not None:
        # an item under a heading of frequently asked questions: the items before it, then their lead
        floor = max(0, lo - _ITEMS_READ)
        stop = _line_start(flat, floor, lo) - 1
        while stop > floor:
            begin = _line_start(flat, floor, stop)
            if _ITEM.match(flat, begin, stop) is None:
                if (faq := _FAQ_HEADING.search(flat, begin, stop)) is not None:
                    return lo, faq.group(), QUESTION
                break
            stop = begin - 1
    return None


#: How far before a list's item (characters) its heading is looked for (:func:`asked_unmarked`).
_ITEMS_READ = 3000


def _line_start(flat: str, floor: int, at: int) -> int:
    """Where the sentence or line of ``flat`` holding ``at`` begins: after the last sentence end (``\x00``)
    or line end before it, not before ``floor``."""
    return max(flat.rfind("\x00", floor, at), flat.rfind("\n", floor, at), floor - 1) + 1


#: A pluperfect with a condition after it ("X hade deltagit om tiden hade räckt", "hade hållits … om
#: lokalen varit ledig", "had attended if …"): what would have been, not what was.
_HAD_IF = LazyPattern(
    r"(?<!\w)(?:hade|had)(?!\w)(?:(?! (?:men|but) )[^\x00]){0,80}? (?:om|ifall|if)(?: [\w-]+){1,4}? "
    r"(?:hade|varit|fått|hunnit|had|were|been)(?!\w)"
)
#: A clause opened by "hade"/"had" (the verb first, no question): "Hade X deltagit hade mötet …".
_HAD_FIRST = LazyPattern(r"[\s\x00\"'“”«»(*•-]*(?:hade|had)(?!\w)")


def counterfactual(flat: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> tuple[int, str, str] | None:
    """A counterfactual governing the fact's clause ``spans`` in the sentence ``flat[lo:hi]``: the sentence
    or a span of it opened by "hade"/"had" ("Hade X deltagit hade …"), or a pluperfect in the spans with
    a condition after it (:data:`_HAD_IF`); the words of :data:`GUARD_TABLE`'s counterfactual row
    ("hade gärna", "skulle ha") are read as any clause's."""
    for head in [lo] + [s for s, _ in spans]:
        if (first := _HAD_FIRST.match(flat, head, hi)) is not None:
            word = first.group().lstrip(" \x00\"'“”«»(*•-")
            return first.end() - len(word), word, COUNTERFACTUAL
    for m in _HAD_IF.finditer(flat, lo, hi):
        if any(s <= m.start() < e for s, e in spans):
            return m.start(), m.group(), COUNTERFACTUAL
    return None


#: A condition's verb after "om"/"if" and at most a few words ("Om tid finns", "Om X deltar", "om möjligt").
CONDITION_VERBS = (
    "deltar", "finns", "är", "blir", "kan", "vill", "hinner", "medger", "tillåter", "behövs", "önskas", "går",
    "kommer", "får", "ges", "räcker", "uppstår", "sker", "hålls", "ställs", "anmäler", "möjligt", "så", "inte",
    "is", "are", "attends", "takes", "allows", "permits", "possible", "needed",
)  # fmt: skip
_CONDITION_OM = LazyPattern(r"(?:om|if)(?: [\w-]+){0,3}? (?:" + _alternation(CONDITION_VERBS) + r")(?!\w)")
#: Words of asking or discussing that "om"/"if" after them complements ("frågade om", "diskussion om"): an
#: indirect question or a topic, not a condition.
ASKED_WORDS = (
    "frågade", "frågar", "undrade", "undrar", "diskuterade", "diskuterades", "diskussion", "diskussionen",
    "samtal", "samtalet", "besked", "fråga", "frågan", "frågor", "frågorna", "frågeställningar", "dialog",
    "dialogen", "information", "synpunkter", "oklart", "osäkert", "beslut", "asked", "asks", "wondered",
    "whether", "discussed",
)  # fmt: skip


_QUESTION_WORD = LazyPattern(r"(?:hur|vad|varför|vilka|vilken|vilket|vem|när|huruvida|how|what|why|who)(?!\w)")


_POSSIBLE = LazyPattern(r"om (?:möjligt|så)(?!\w)")


def condition(flat: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> tuple[int, str, str] | None:
    """A condition's "om"/"if" for the fact's clause ``spans`` in the sentence ``flat[lo:hi]``: opening the
    sentence or one of the fact's clause's spans, or inside them, as a subjunction with its verb after it
    (:data:`_CONDITION_OM`: "Om tid finns", "Om X deltar", "om möjligt"), not after a word of asking or
    discussing ("frågade om stödet finns")."""
    heads = [lo] + [s for s, _ in spans]
    for s, e in [(lo, hi)]:
        for m in re.finditer(r"(?<!\w)(?:om|if)(?= )", flat[s:e]):
            at = s + m.start()
            head = any(_at_head(flat, h, at) for h in heads)
            inside = any(s2 <= at < e2 for s2, e2 in spans)
            if not (head or inside):
                continue
            before = _WORD.findall(flat, max(lo, at - 30), at)
            if (before and before[-1] in ASKED_WORDS) or _QUESTION_WORD.match(flat, m.end() + s + 1):
                continue  # "frågade om stödet finns", "diskussionen om hur …": an indirect question
            if (
                before
                and before[-1] in _TOPIC_NOUNS
                and flat.endswith(before[-1] + " ", lo, at)
                and not _condition_after_verb(flat, lo, at)
            ):
                continue  # "Sakrådet om kvinnofrid ställs in": the meeting's topic, right after its noun
            if _CONDITION_OM.match(flat, at) or (head and _comma_clause(flat, at, hi)):
                phrase = _POSSIBLE.match(flat, at)
                return at, phrase.group() if phrase else m.group(), CONDITION
    return None


def _condition_after_verb(flat: str, lo: int, at: int) -> bool:
    """Whether "om" at ``at``, right after a meeting's noun, opens a condition after the sentence's verb
    ("30 organisationer deltar i sakrådet om intresse finns", "Anna Berg leder sakrådet om tid finns"): a
    finite verb before the noun, and a condition's verb after "om" with no relative or subordinate word
    between ("… i sakrådet om kvinnofrid som hålls i Umeå" gives its topic)."""
    cond = _CONDITION_OM.match(flat, at)
    if cond is None or not _has_verb(flat, lo, at):
        return False
    return not any(w in SUBORDINATE_WORDS for w in _WORD.findall(flat, at + 3, cond.end()))


#: Nouns of a meeting or another event whose "om" right after them (no comma between) gives its topic, no
#: condition ("sakrådet om kvinnofrid", "seminariet om skolan").
_TOPIC_NOUNS = frozenset(
    """sakråd sakrådet samråd samrådet möte mötet dialogmöte dialogmötet träffen konsultationen seminarium
    seminariet konferens konferensen workshop workshopen webbinarium webbinariet hearing hearingen""".split()
)


def _at_head(flat: str, head: int, at: int) -> bool:
    return flat[head:at].strip(" ,;:(-*•") == ""


def _comma_clause(flat: str, at: int, hi: int) -> bool:
    """Whether "om" at ``at`` opens a clause closed by a comma with a verb before it and the main clause's
    verb right after it ("Om intresset är stort, hålls …")."""
    comma = flat.find(",", at, hi)
    return comma > 0 and _has_verb(flat, at, comma) and _verb_first(flat, comma + 1, hi)


_CHOICE_AFTER_LIST = LazyPattern(
    r"(?:, [\w-]+(?: [\w-]+)?){0,3},? (eller|alternativt|or|alternatively) (?!annan|annat|andra|another|other)"
)
_CHOICE_RIGHT = LazyPattern(r",? (eller|alternativt|or|alternatively) (?!annan|annat|andra|another|other)")
_BEFORE = LazyPattern(
    r"(?<![\w-])(eller|alternativt|or|alternatively|utom|förutom|except|i stället för|istället för|snarare än|"
    r"instead of|rather than),?(?: (?:i|på|vid|in|at|av|by))? $"
)


def beside(flat: str, lo: int, hi: int, a: int, b: int) -> list[tuple[int, str, str]]:
    """The guard words of ``beside`` scope at ``a``..``b``: a choice joining it to another ("X eller Y",
    "i X, Y eller Z", "eller i X"), an exclusion or a replacement governing it ("utom X", "i stället för X")."""
    out = []
    right = _CHOICE_RIGHT.match(flat, b, hi) or _CHOICE_AFTER_LIST.match(flat, b, hi)
    if right is not None:
        out.append((right.start(1), right.group(1), CHOICE))
    left = _BEFORE.search(flat, max(lo, a - 40), a)
    if left is not None and not flat[max(lo, left.start() - 1) : left.start()].endswith("-"):
        word = left.group(1)
        kind = GUARDS[word][0]
        if kind == EXCLUSION and re.search(r"(?<!\w)(?:även|också|dessutom|also)(?!\w)", flat[a:hi]):
            pass  # "Förutom X deltog även Y": X took part too
        else:
            out.append((left.start(1), word, kind))
    return out


def _particle(word: str) -> str:
    """``word`` as a pattern, up to two :data:`PARTICLE_ADVERBS` between a particle verb's parts ("ställdes
    sedan in", "ställdes tyvärr av")."""
    verb, _, particle = word.rpartition(" ")
    if particle not in ("in", "av") or not verb:
        return re.escape(word)
    return re.escape(verb) + r"(?: (?:" + _alternation(PARTICLE_ADVERBS) + r")){0,2} " + particle


def _particles(words: Iterable[str]) -> str:
    """The alternation of ``words`` as :func:`_particle` writes each, the longest first, with the verbs of
    one particle in one part: "(?:ställdes|ställts|…)(?: (?:även|…)){0,2} in|ställdes(?: …){0,2} av|…", the
    adverbs written once for each particle, not once for each verb (a pattern several times shorter to
    compile). It reads what the plain alternation reads: where one of the words begins, no other does (a
    verb is one word, no particle is an adverb, no other word begins as a verb does or a verb as it does);
    the plain alternation when that is not so."""
    ordered = sorted(words, key=len, reverse=True)
    verbs: dict[str, list[str]] = {}
    rest: list[str] = []
    for word in ordered:
        verb, _, particle = word.rpartition(" ")
        if particle in ("in", "av") and verb:
            verbs.setdefault(particle, []).append(verb)
        else:
            rest.append(word)
    apart = all(
        " " not in v and not (v.startswith(r) or r.startswith(v)) for vs in verbs.values() for v in vs for r in rest
    )
    if not apart or not verbs.keys().isdisjoint(PARTICLE_ADVERBS):
        return "|".join(_particle(w) for w in ordered)
    adverbs = r"(?: (?:" + _alternation(PARTICLE_ADVERBS) + r")){0,2} "
    parts = [f"(?:{'|'.join(map(re.escape, vs))}){adverbs}{particle}" for particle, vs in verbs.items()]
    return "|".join(parts + [re.escape(w) for w in rest])


_CANCELLED = LazyPattern(r"(?<!\w)(?:" + _particles(CALLING_OFF) + r")(?!\w)")
#: What makes a word of calling off say no calling off: a negation ("blev inte inställt"), a condition
#: ("ställs in om färre än tio anmäler sig", "if fewer …") or a doubt ("ställs eventuellt in").
_UNCALLING = frozenset({NEGATION, CONDITION, DOUBT})
#: A condition right after a word of calling off ("ställs in om färre än tio organisationer anmäler sig",
#: "is cancelled if …"), however many words its clause has before its verb.
_IF_AFTER = LazyPattern(r" (?:om|ifall|if|unless)(?!\w)")
#: Words right before a word of calling off saying it was not ("nästan ställdes in", "was almost cancelled").
_ALMOST = LazyPattern(r"(?<!\w)(?:nästan|nära att|höll på att|nearly|almost)(?: (?:att|be|been))? $")


def called_off(flat: str, lo: int, hi: int) -> str | None:
    """The first word of the sentence ``flat[lo:hi]`` (folded, flat) that calls the meeting off
    (:data:`CALLING_OFF`: "ställdes in", "ställdes sedan in", "inställt", "called off"), or None: no date in such a sentence is
    a day the meeting was held (dated.py), no count in it how many took part (counted.py), and no one named
    in it took part (stated.py). A word a negation, a condition or a doubt governs calls nothing off
    ("Mötet ställs in om färre än tio anmäler sig": it may still be held), nor one said to have nearly been
    ("trots att det nästan ställdes in")."""
    for word in _CANCELLED.finditer(flat, lo, hi):
        if _IF_AFTER.match(flat, word.end()) or _ALMOST.search(flat, max(lo, word.start() - 30), word.start()):
            continue
        if guard_in(flat, lo, hi, word.start(), word.end(), kinds=_UNCALLING) is None:
            return word.group()
    return None


#: Words of moving a meeting to another day or place that another sentence of a text may say of this
#: meeting ("Samrådet har dock flyttats till Göteborg", "Sakrådet har skjutits upp"): :func:`called_off_elsewhere`.
MOVING = (
    "flyttades", "flyttats", "flyttas", "flyttat", "sköts upp", "skjuts upp", "skjutits upp", "har skjutits upp",
    "uppskjutet", "uppskjutits", "ombokades", "ombokats", "postponed", "moved", "rescheduled",
)  # fmt: skip
#: The active forms of :data:`MOVING`, whose object is the meeting moved ("Regeringen sköt upp sakrådet",
#: "… flyttade mötet till Luleå"): :data:`_OFF_THIS` reads them.
MOVING_ACTIVE = ("sköt upp", "skjuter upp", "skjutit upp", "flyttade", "flyttar", "bokade om", "postpones", "moves")
#: This meeting's definite noun as a subject, up to twelve words and commas (adverbs, an auxiliary, its topic, a
#: relative clause: :func:`_between_this`), and a word of calling it off (:data:`CALLING_OFF`) or of moving it
#: (:data:`MOVING`): "Sakrådet ställdes in", "Mötet har dock ställts in", "sakrådet är inställt", "Samrådet har
#: dock flyttats till Göteborg", "Sakrådet om handlingsplanen mot rasism och hatbrott har ställts in",
#: "Sakrådet, som skulle ha hållits i Umeå, har ställts in"; or a pronoun standing for it, with nothing but
#: auxiliaries and adverbs before the word: "Det har ställts in", "Tyvärr har det ställts in", "It has been
#: cancelled" (:func:`_pronoun_off`).
_THIS_OFF = LazyPattern(
    r"(?<![\w-])(?:(?P<noun>sakrådet|samrådet|mötet|dialogmötet|the meeting|the consultation)"
    r"(?P<between>(?:,? [\w'’-]+){0,12}?,?)"
    r"|(?P<pronoun>det|den|it)(?P<aux>(?: (?:har|hade|är|var|blev|blir|has|had|have|is|was|been|be|now|then|"
    r"unfortunately|however|therefore|also|reportedly|allegedly|nu|tyvärr|dock|därför|alltså|också|även|sedan|ändå|helt|"
    r"ska|skall|lär|ha|enligt|uppgift|uppgifter)){0,3}))"
    r" (?:(?P<off>"
    + _particles(CALLING_OFF)
    + r")|(?P<moved>"
    + "|".join(re.escape(w) for w in sorted(MOVING, key=len, reverse=True))
    + r"))(?!\w)"
)
#: A word of calling this meeting off or moving it, and the meeting's definite noun or a pronoun standing for
#: it as its object: "Regeringen har ställt in sakrådet", "Departementet ställde tyvärr in mötet", "…
#: ställde in det.", "The ministry cancelled the meeting", "Regeringen har flyttat sakrådet till Göteborg".
_OFF_THIS = LazyPattern(
    r"(?<![\w-])(?:(?P<off>"
    + _particles(CALLING_OFF)
    + r")|(?P<moved>"
    + _alternation((*MOVING, *MOVING_ACTIVE))
    + r")) (?:(?P<noun>sakrådet|samrådet|mötet|dialogmötet|the meeting|the consultation)|(?P<pronoun>det|den|it))"
    r"(?![\w'’-])"
)
#: The nouns of a meeting that a pronoun calling it off (:data:`_THIS_OFF`, :data:`_OFF_THIS`) may stand for,
#: in its own sentence before it or in the sentence before ("Sakrådet hölls den 3 maj. Det har ställts in.").
_MEETING_NOUNS = frozenset(
    """sakråd sakrådet samråd samrådet möte mötet dialogmöte dialogmötet träffen dialogen konsultationen
    meeting consultation""".split()
)
#: Words that may follow a pronoun's calling off and still end its clause ("Det ställdes in på grund av
#: sjukdom", "It was cancelled because …"); another word makes the pronoun a formal subject or the calling
#: off another thing's ("Det har ställts in flera seminarier", "Regeringen ställde in det andra sakrådet").
_PRONOUN_AFTER = frozenset(
    """på pga eftersom då därför med i och men av igen redan tills till från until due because as since and but
    by again already to from""".split()
)
#: Nouns of another event that a pronoun after them stands for rather than the meeting ("Därefter hölls ett
#: seminarium. Det ställdes in.").
_OTHER_EVENTS = frozenset(
    """seminarium seminariet konferens konferensen workshop workshopen webbinarium webbinariet hearing hearingen
    evenemang evenemanget mottagning mottagningen lunch lunchen middag middagen besök besöket studiebesök
    studiebesöket resa resan utställning utställningen möten sakråden seminar conference event reception visit
    trip webinar dinner lunch exhibition""".split()
)
#: How far (characters) before a pronoun calling off the meeting its noun is looked for.
_PRONOUN_REACH = 600
#: Words between this meeting's noun and its calling off that make the noun another meeting's ("Mötet med
#: ministern ställdes in"), the calling off another clause's ("Sakrådet hölls i Umeå men seminariet ställdes
#: in", "Mötet diskuterade hur stödet ska ställas in") or the sentence no calling off of it.
_NOT_THIS_BETWEEN = frozenset(
    """med with som which who that att men medan när eftersom trots innan hur där eller but while when because
    although where how or hölls hålls hållits genomfördes genomförs genomförts ägde äger skedde held took""".split()
)


def _between_this(between: str) -> bool:
    """Whether the words ``between`` this meeting's noun and a word of calling it off or moving it leave the
    noun its subject: none of :data:`_NOT_THIS_BETWEEN`, once a relative clause closed by commas is left out
    ("Sakrådet, som skulle ha hållits i Umeå, har ställts in"), and "med anledning av" ("owing to": "Mötet med
    anledning av rapporten ställs in" is this meeting's, where "med" makes another: "Mötet med ministern")."""
    between = between.replace(" med anledning av ", " ")
    for lead in (", som ", ", which ", ", who "):
        while (at := between.find(lead)) >= 0 and (end := between.find(",", at + len(lead))) >= 0:
            between = between[:at] + between[end + 1 :]
    return not _NOT_THIS_BETWEEN & set(between.replace(",", " ").split())


#: Words right before the meeting's noun that make it another meeting ("Det andra sakrådet ställdes in",
#: "Förra mötet ställdes in", "Nästa sakråd …").
_OTHER_BEFORE = frozenset(
    """förra nästa tidigare kommande föregående nästkommande uppföljande efterföljande senare andra första
    tredje fjärde femte nya extra planerade previous next earlier later upcoming second third first other""".split()
)
#: Words of a denial or hearsay before what another sentence says of the meeting ("Det är fel att
#: sakrådet ställdes in", "Ryktet att mötet ställts in stämmer inte"): it calls nothing off.
_DENIED_BEFORE = LazyPattern(
    r"(?<!\w)(?:fel|felaktigt|inte sant|inte korrekt|osant|ett rykte|ryktet|rykten|påståendet|påståenden|uppgiften|"
    r"uppgifterna|wrong|untrue|not true|a rumour|the rumour|rumours|the claim|the report)(?: [\w-]+){0,3}? "
    r"(?:att|om att|that)(?!\w)"
)
#: The kinds of guard that make another sentence's calling off or move say none of this meeting.
_ELSEWHERE_UNCALLING = frozenset({NEGATION, CONDITION, DOUBT, DENIAL, HEARSAY, QUESTION, OTHER_TIME, PLAN})
_SENTENCE_CUT = LazyPattern(r"[.!?\n\x00](?=[\s\x00\"'”»’)\]*_]|$)|\n")


def _flat_sentence(flat: str, at: int) -> tuple[int, int]:
    """The sentence of a flat text around ``at``, cut at '.', '!', '?' before a space and at a line's end
    (an abbreviation may cut it short: it bounds the guards read, nothing more)."""
    lo = max((m.end() for m in _SENTENCE_CUT.finditer(flat, max(0, at - 400), at)), default=max(0, at - 400))
    end = _SENTENCE_CUT.search(flat, at)
    return lo, end.end() if end is not None else len(flat)


#: Words of moving that move a meeting in time only ("sköts upp", "postponed").
_POSTPONING = frozenset(
    "sköts upp|skjuts upp|skjutits upp|har skjutits upp|uppskjutet|uppskjutits|postponed|rescheduled|sköt upp|"
    "skjuter upp|skjutit upp|postpones".split("|")
)
#: A time a move's "till"/"to" leads to ("flyttats till den 10 maj", "till hösten", "to next week").
_MOVED_TIME = LazyPattern(
    r"(?:(?: [\w-]+){0,3}? (?:till|to|fram|framåt|bakåt|från|from))? (?:den |the |on )?(?:\d|nästa|kommande|senare|"
    r"ett senare|en senare|hösten|våren|sommaren|vintern|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|"
    r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|next|later|a later)"
)


def _moves_what(flat: str, m: re.Match[str]) -> str:
    """What the move ``m`` (:data:`_THIS_OFF`) moves: "date" (a postponing, or a time after it: "flyttats
    till den 10 maj") or "place" ("flyttats till Göteborg", "till Rosenbad")."""
    word = m["moved"]
    if word in _POSTPONING or _MOVED_TIME.match(flat, m.end()) is not None:
        return "date"
    return "place"


class CallingOff(NamedTuple):
    """A calling off or move of this meeting that a kept text says outside a fact's sentence
    (:func:`called_off_elsewhere`): its words, its sentence (for a label, "line N: …"), and how the text says
    it: "called off", "moved", "hearsay" (a calling off the text reports as hearsay: "Mötet har enligt
    uppgift ställts in", "The meeting was reportedly cancelled") or "label" (a line of its own: "INSTÄLLT")."""

    words: str
    sentence: str
    how: str

    @property
    def line(self) -> str:
        """A label's place in the text, as messages name it ("line 3"); its sentence is "line 3: INSTÄLLT"."""
        return self.sentence.partition(":")[0]


def called_off_elsewhere(flat: str, lo: int, hi: int, moved: str | None = None) -> CallingOff | None:
    """A sentence of the text other than ``flat[lo:hi]`` that calls this meeting off, or (after it) moves it,
    or None. Its subject is this meeting's definite noun (:data:`_THIS_OFF`: "Sakrådet ställdes in.",
    "Mötet har dock ställts in.", "Uppdatering: sakrådet är inställt.", "Samrådet har dock flyttats till
    Göteborg."; :data:`_NOT_HELD`: "Sakrådet blir inte av.", "The meeting will not take place."), not
    another meeting's ("Det andra sakrådet ställdes in", "Mötet med ministern ställdes in"), with no
    negation, condition, doubt, denial, question, other time or plan governing it ("Det är fel att sakrådet
    ställdes in", "Sakrådet ställs in om …"); a calling off reported as hearsay ("Mötet har enligt uppgift
    ställts in", "Sakrådet ska ha ställts in", "reportedly cancelled": :data:`_HEARSAY_OFF`) is one too, its
    ``how`` "hearsay": the text does not say the meeting was held. A line of the text that is only a label
    calling its meeting off (:func:`label_off`: "INSTÄLLT", "## Inställt", "Cancelled – …") calls it off
    as well. A calling off anywhere says the meeting was not held; a move is read after the fact's sentence
    only, an update of it ("Sakrådet flyttades till Umeå. Det hölls i Umeå den 3 maj" places it in Umeå),
    and where it moves what ``moved`` names: "date" (:func:`_moves_what`: "sköts upp", "flyttats till den 10
    maj") or "place" ("flyttats till Göteborg"); None: no move, only a calling off."""
    if (label := _label_calling_off(flat)) is not None:
        return label
    for at, words, sentence, what, reported in _callings_off(flat, _NAMED.get()):
        if lo <= at < hi or (what and (at < hi or moved != what)):
            continue
        return CallingOff(words, sentence, "hearsay" if reported else "moved" if what else "called off")
    return None


#: A line that is only a label calling its page's meeting off, as the reader sees it (a heading's marks
#: allowed): "INSTÄLLT", "Inställt!", "## Inställt", "AVLYST", "Cancelled", "Sakrådet är inställt", "Meeting
#: cancelled", "Sakråd inställt", or such a
#: label, a dash and more ("CANCELLED – the meeting will not take place"). A list's item or a table's row
#: ("- Seminarium 3 maj: inställt") is about its item, not the page's meeting, and a line with a label after
#: other words is no label.
_LABEL_OFF = LazyPattern(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?P<label>(?:(?:sakrådet|samrådet|mötet|dialogmötet|sakråd|samråd|möte|dialogmöte|"
    r"the meeting|the consultation|meeting|consultation) (?:(?:är|blev|har blivit|is|was|has been) )?)?"
    r"(?:inställt|inställd|avlyst|cancelled|canceled|called off))"
    r"(?:[ \t]*[!.:]*[ \t]*$|[ \t]+[–—-][ \t]+(?P<rest>.*)$)",
    re.IGNORECASE | re.MULTILINE,
)
#: The labels of the texts last folded (:func:`hold_label`), by the folded text and its flat form.
_LABELS: dict[str, tuple[int, str]] = {}
_LABELS_KEPT = 128


@lru_cache(maxsize=16)
def label_off(shown: str) -> tuple[int, str] | None:
    """The first line of a kept text as its reader sees it (:func:`sakrad_ld.markup.shown`, which keeps the
    text's lines) that is only a label calling the page's meeting off (:data:`_LABEL_OFF`): (its line
    number, the line), or None. A heading or a line of its own runs into the next sentence once the text is
    folded ("INSTÄLLT" and "Sakrådet hölls …" are one sentence), so the label is read from the lines. A
    label whose dash leads to another event or meeting ("INSTÄLLT – seminariet om …", "Cancelled – the next
    meeting") is about that."""
    for m in _LABEL_OFF.finditer(shown):
        rest = _WORD.findall((m["rest"] or "").lower())[:3]
        if (_OTHER_EVENTS | _OTHER_BEFORE) & set(rest):
            continue
        return shown.count("\n", 0, m.start()) + 1, m.group().strip()
    return None


def hold_label(text: str, label: tuple[int, str] | None) -> None:
    """Keep ``label`` (:func:`label_off`) as the label of the folded text ``text`` (or its flat form), for
    :func:`called_off_elsewhere` to read: stated.py's folding, which reads the lines, holds it."""
    if label is None:
        return
    if len(_LABELS) >= _LABELS_KEPT:
        del _LABELS[next(iter(_LABELS))]
    _LABELS[text] = label


def _label_calling_off(flat: str) -> CallingOff | None:
    """The label line (:func:`hold_label`) of the text ``flat`` as a calling off, or None."""
    label = _LABELS.get(flat)
    return None if label is None else CallingOff(label[1], f"line {label[0]}: {label[1]}", "label")


def labelled(text: str) -> tuple[int, str] | None:
    """The label :func:`hold_label` keeps for ``text``, or None."""
    return _LABELS.get(text)


#: This meeting's definite noun (or a pronoun standing for it) and words saying it is not, was not or will
#: not be held, its clause ending there or giving a reason: "Sakrådet blir inte av.", "Mötet kommer inte att
#: hållas i år.", "Det kommer tyvärr inte att genomföras.", "The meeting will not take place.", "It will not
#: be held because …". A place, a time or a manner after them ("hölls inte i Umeå", "will not be held
#: online") denies that, not the meeting.
_NOT_HELD = LazyPattern(
    r"(?<![\w-])(?:(?P<noun>sakrådet|samrådet|mötet|dialogmötet|the meeting|the consultation)"
    r"(?P<between>(?:,? [\w'’-]+){0,8}?,?)|(?P<pronoun>det|den|it))"
    r" (?P<off>(?:blir|blev)(?: [\w-]+)? (?:inte|ej|aldrig) av"
    r"|(?:kommer|ska|skall)(?: [\w-]+)? (?:inte|ej|aldrig) (?:att )?(?:hållas|genomföras|äga rum|bli av)"
    r"|(?:hålls|genomförs|hölls|genomfördes)(?: [\w-]+)? (?:inte|ej|aldrig)"
    r"|(?:äger|ägde)(?: [\w-]+)? (?:inte|ej|aldrig) rum"
    r"|will (?:\w+ )?(?:not|no longer|never) (?:take place|be held|go ahead)"
    r"|(?:did|does) not (?:take place|go ahead)|(?:is|was) not (?:being )?(?:held|going ahead))"
    r"(?: längre)?(?= ?[.!\n]|$|,? (?:på grund av|pga|eftersom|därför|i år|i höst|i vår|because|due to|since|"
    r"this year|after all)(?!\w))"
)
#: The kinds of guard that make a :data:`_NOT_HELD` of another sentence say nothing of this meeting (its own
#: negation and "kommer"/"will" are no such guard).
_NOT_HELD_UNCALLING = _ELSEWHERE_UNCALLING - {NEGATION, PLAN}
#: Words reporting a calling off as hearsay ("Mötet har enligt uppgift ställts in", "Sakrådet ska enligt
#: uppgifter ha ställts in", "The meeting was reportedly cancelled"): the text says neither that the meeting
#: was held nor, as a fact, that it was called off (:func:`called_off_elsewhere`). Not "knappast"/"hardly".
_HEARSAY_OFF = LazyPattern(
    r"(?<!\w)(?:(?:ska|skall|lär)(?: [\w-]+){0,3}? ha|(?:is|are|was|were) (?:reported|alleged) to|according to media|"
    + _alternation(HEARSAY_WORDS)
    + r")(?!\w)"
)


def _reported(flat: str, s: int, e: int, said: tuple[str, str] | None) -> str:
    """The words of the sentence ``flat[s:e]`` reporting its calling off as hearsay (:data:`_HEARSAY_OFF`),
    where the guard ``said`` found there (:func:`guard_in`), if any, is theirs; "" where none does."""
    reported = _HEARSAY_OFF.search(flat, s, e)
    if reported is None:
        return ""
    if said is not None and not (said[1] in (HEARSAY, PLAN) and reported.group().startswith(said[0])):
        if not (said[1] == HEARSAY and said[0] in reported.group()):
            return ""
    return reported.group()


@lru_cache(maxsize=16)
def _callings_off(flat: str, named: re.Pattern[str] | None) -> tuple[tuple[int, str, str, str, str], ...]:
    """Every calling off or move of this meeting in ``flat`` that no word around it takes back, read once
    for the text (:func:`called_off_elsewhere` asks for each fact): (where, its words, its sentence, what a
    move moves: "date", "place", or "" for a calling off, the words reporting it as hearsay or "").
    ``named``: the data's names read as no guard words (:func:`names_read`), of which the reading depends."""
    out = []
    found = (*_THIS_OFF.finditer(flat), *_OFF_THIS.finditer(flat), *_NOT_HELD.finditer(flat))
    for m in sorted(found, key=lambda m: m.start()):
        if not _between_this(m.groupdict().get("between") or "") or _IF_AFTER.match(flat, m.end()):
            continue
        at = m.start("noun") if m["noun"] else m.start("pronoun")
        before = _WORD.findall(flat, max(0, at - 30), at)[-2:]
        if _OTHER_BEFORE & set(before) or (m["pronoun"] and not _pronoun_off(flat, m)):
            continue
        if m["noun"] and m.end() == m.end("noun") and flat.startswith((" med ", " with "), m.end()):
            continue  # "Regeringen ställde in mötet med ministern": another meeting, as in a subject
        s, e = _flat_sentence(flat, m.start())
        word = m.start("off") if m["off"] else m.start("moved")
        if _DENIED_BEFORE.search(flat, s, m.start()) or _ALMOST.search(flat, max(s, word - 30), word):
            continue
        not_held = m.re.pattern == _NOT_HELD.pattern
        said = guard_in(flat, s, e, word, m.end(), kinds=_NOT_HELD_UNCALLING if not_held else _ELSEWHERE_UNCALLING)
        reported = _reported(flat, s, e, said) if not m.groupdict().get("moved") else ""
        if said is None or reported:
            what = _moves_what(flat, m) if m.groupdict().get("moved") else ""
            out.append((m.start(), m.group(), flat[s:e].strip(), what, reported))
    return tuple(out)


def _pronoun_off(flat: str, m: re.Match[str]) -> bool:
    """Whether the pronoun of the calling off or move ``m`` (:data:`_THIS_OFF`, :data:`_OFF_THIS`) stands
    for this meeting: the last noun of a meeting or another event before it (:data:`_MEETING_NOUNS`,
    :data:`_OTHER_EVENTS`, within :data:`_PRONOUN_REACH`) is this meeting's, not another event's nor
    another meeting's (:data:`_OTHER_BEFORE`: "förra sakrådet"), and the pronoun's clause ends after the words
    of calling off or moving (:data:`_PRONOUN_AFTER`): "Sakrådet hölls den 3 maj. 30 organisationer deltog.
    Det har ställts in." but not "Därefter hölls ett seminarium. Det ställdes in." nor "Det har ställts in
    flera möten"."""
    after = _WORD.match(flat, m.end() + 1) if flat[m.end() : m.end() + 1] == " " else None
    if after is not None and after.group() not in _PRONOUN_AFTER:
        return False
    words = _WORD.findall(flat, max(0, m.start("pronoun") - _PRONOUN_REACH), m.start("pronoun"))
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _OTHER_EVENTS:
            return False
        if words[i] in _MEETING_NOUNS:
            return not (i and words[i - 1] in _OTHER_BEFORE)
    return False


def called_off_said(flat: str, lo: int, hi: int, sentence: str, moved: str | None = None) -> str | None:
    """Why nothing the sentence ``flat[lo:hi]`` (quoted as ``sentence``) says of the meeting held: it calls
    the meeting off (:func:`called_off`), or another sentence of the text does, or moves what ``moved``
    names after it (:func:`called_off_elsewhere`); None where none does."""
    if (label := _label_calling_off(flat)) is not None:  # "INSTÄLLT" runs into the sentence after it once folded
        return other_said(label)
    if (word := called_off(flat, lo, hi)) is not None:
        if reported := _reported(flat, lo, hi, None):
            return f"{sentence} reports as hearsay that the meeting was called off ({reported!r}, {word!r})"
        return f"{sentence} says the meeting was called off ({word!r})"
    if (other := called_off_elsewhere(flat, lo, hi, moved)) is not None:
        return other_said(other)
    return None


def other_said(other: CallingOff) -> str:
    """What a message says of the calling off or move ``other`` (:func:`called_off_elsewhere`)."""
    if other.how == "label":
        return f"{other.line} of the text is a label calling the meeting off ({other.words!r})"
    if other.how == "hearsay":
        return (
            f"another sentence of the text reports as hearsay that the meeting was called off ({other.words!r}: "
            f'"{other.sentence}")'
        )
    return f'another sentence of the text says the meeting was {other.how} ({other.words!r}: "{other.sentence}")'


#: Words of holding a meeting whose subject :func:`held_other` reads.
_HOLDING_VERB = LazyPattern(
    r"(?<!\w)(?:hölls|hålls|hållits|hållas|genomfördes|genomförs|ägde rum|äger rum|anordnades|anordnas|"
    r"arrangerades|arrangeras|was held|were held|is held|took place|takes place)(?!\w)"
)
#: The nouns (and pronouns) of this meeting as the subject of its holding: "Sakrådet hölls …", "Det
#: nationella sakrådet hölls …", "Den 3 maj hölls ett sakråd", "The meeting was held …", "Det hölls …".
HELD_SUBJECTS = frozenset(
    """sakråd sakrådet samråd samrådet möte mötet dialog dialogen dialogmöte dialogmötet träff träffen
    rundabordssamtal rundabordssamtalet samtal samtalet konsultation konsultationen det den meeting
    consultation dialogue it""".split()
)
_MEETING_ENDS = ("sakråd", "sakrådet", "samråd", "samrådet", "dialogmöte", "dialogmötet")
#: Words that end a subject's noun phrase before its head is read: prepositions, a relative "som".
_SUBJECT_END = frozenset(
    """inför om till med i på för från mellan kring angående efter före under vid av som med
    of on about with for in at from between after before by""".split()
)
#: A word opening a sentence with a time or a place before its verb ("Den 3 maj hölls …", "Efter
#: sakrådet hölls …", "I Stockholm hölls …"): the subject follows the verb.
_FRONTED = frozenset(
    """den i på efter före under vid inför sedan därefter då samma dagen idag igår senare tidigare efteråt
    samtidigt parallellt dessutom on in at after before during later earlier afterwards meanwhile""".split()
)
_DETERMINERS = frozenset("en ett a an".split())
#: Verbs and adverbs between a subject and its word of holding that end the subject ("Sakrådet väntas
#: hållas", "The meeting will be held").
_NOT_SUBJECT = frozenset(
    "väntas beräknas planeras brukar brukade att kommer ha bli also även också sedan inte will be been shall may".split()
)
#: Adverbials that may stand between a word of holding and its subject after it ("hölls i stället ett
#: seminarium", "hölls samma dag en konferens", "hölls dessutom en …", "hölls på eftermiddagen en …",
#: "hölls den 3 maj en …", "was held instead a …"), each after a space (a comma before it aside).
_BETWEEN = LazyPattern(
    r",? (?:i stället|istället|samma (?:dag|dagen|vecka|veckan|eftermiddag|kväll)|också|även|dessutom|sedan|"
    r"senare|tidigare|därefter|efteråt|samtidigt|parallellt|i år|i fjol|dagen (?:efter|innan|före)|"
    r"(?:på|under) (?:förmiddagen|eftermiddagen|kvällen|morgonen|dagen)|den \d{1,2}(?: [a-zåäö]+)?(?: \d{4})?|"
    r"instead|also|later|earlier|meanwhile|the same day|on the same day|that day|in addition)(?!\w)"
)
#: Nouns of time after "en"/"ett" that are no event ("hölls i stället en vecka senare").
_TIME_NOUNS = frozenset("gång dag dygn vecka månad timme kvart halvtimme år week day month hour year".split())
#: Words that open the clause of a word of holding inside a sentence ("Tanken är att sakrådet hålls …").
_CLAUSE_OPENERS = frozenset("att som när då där eftersom innan that when where which as".split())


def held_other(flat: str, lo: int, hi: int, at: int) -> str | None:
    """The head of the subject of the word of holding nearest ``at`` in the sentence ``flat[lo:hi]`` where
    it is another event than this meeting: an indefinite subject ("en", "ett", "a", "an") whose words
    hold none of :data:`HELD_SUBJECTS`: "En konferens hölls i Stockholm", "Ett förmöte inför sakrådet
    hölls …", "Efter sakrådet hölls en middag …", "Den 3 maj 2024 hölls en konferens …". None where the
    subject is the meeting ("Den 3 maj hölls ett sakråd"), definite or a pronoun, or not read (no word
    of holding, no subject: "hölls i Stockholm")."""
    verbs = list(_HOLDING_VERB.finditer(flat, lo, hi))
    if not verbs:
        return None
    verb = min(verbs, key=lambda v: abs(v.start() - at))
    before = _WORD.findall(flat[lo : verb.start()].split(",")[-1])
    while before and (finite(before[-1]) or before[-1] in _NOT_SUBJECT):
        before.pop()  # "Sakrådet ska hållas", "Mötet brukar hållas", "… kommer att hållas"
    cut = max((i + 1 for i, w in enumerate(before) if finite(w) or w in _CLAUSE_OPENERS), default=0)
    before = before[cut:]  # "Tanken är att sakrådet hålls …": the subject of "hålls" is "sakrådet"
    if before and before not in (["det"], ["there"]) and before[0] not in _FRONTED and not before[0][0].isdigit():
        phrase = before
    else:
        # the subject after the verb, behind adverbials ("hölls i stället ett seminarium", "hölls samma dag
        # en konferens", "Det hölls på eftermiddagen en workshop")
        at_subject = verb.end()
        while (between := _BETWEEN.match(flat, at_subject, hi)) is not None and between.end() > at_subject:
            at_subject = between.end()
        after = _WORD.findall(flat, at_subject, min(hi, at_subject + 80))
        if not after or after[0] not in _DETERMINERS or (len(after) > 1 and after[1] in _TIME_NOUNS):
            return None  # "hölls i stället en vecka senare": a time, no event
        phrase = after
    words = []
    for w in phrase:
        if w in _SUBJECT_END or w[0].isdigit() or finite(w) or w in _NOT_SUBJECT:
            break
        if w in ("den", "the") and len(words) >= 2:
            break  # "ett seminarium den 3 maj": a day after the subject
        words.append(w)
    if len(words) < 2 or words[0] not in _DETERMINERS:
        return None  # only an indefinite subject is read: "En konferens", "Ett förmöte", "A conference"
    if any(w in HELD_SUBJECTS or w.endswith(_MEETING_ENDS) for w in words):
        return None  # "Det nationella sakrådet", "Mötet brukar …", "Det hölls …"
    return words[-1]


#: The objects of taking part ("deltog i …", "deltog på …", "took part in …") that are another event or
#: work than this meeting: "deltog i Almedalen", "deltog i arbetet med handlingsplanen", "deltog i
#: planeringen av sakrådet", "deltog i förhandlingarna". An object of "en"/"ett"/"a"/"an" is another event
#: unless its noun is one of :data:`MEETING_OBJECTS` ("deltog i en debatt i SVT"; not "deltog i en
#: diskussion").
OTHER_EVENTS = frozenset(
    """arbetet planeringen förberedelserna förhandlingarna förhandlingar uppföljningen debatten debatter
    konferensen seminariet seminarier almedalen almedalsveckan järvaveckan riksdagen utredningen
    utredningsarbetet referensgruppen styrgruppen arbetsgruppen nätverket mässan kampanjen projektet
    remissen remissrundan pressträffen presskonferensen middagen lunchen webbinariet mottagningen frukosten
    studiebesöket studiebesök rundvandringen panelen paneldebatten minglet festen utställningen galan ceremonin
    work planning preparations negotiations debate conference seminar press lunch dinner webinar reception
    breakfast visit tour panel gala exhibition ceremony""".split()
)
#: Adjectives of another time before an object of taking part ("deltog i den efterföljande middagen", "in the
#: follow-up workshop", "i en senare workshop"): the object is another event, whatever its noun.
OTHER_TIME_ADJECTIVES = frozenset(
    """efterföljande påföljande följande kommande senare tidigare föregående separata separat extra
    follow-up subsequent following later earlier previous separate upcoming""".split()
)
#: Definite nouns after "deltog i" that are a time, a role or a part of this meeting, no other event
#: ("deltog i eftermiddagen", "i rollen som", "i inledningen", "i frågestunden").
_NO_EVENTS = frozenset(
    """förmiddagen eftermiddagen kvällen morgonen dagen helheten rollen tillfället egenskapen början slutet
    inledningen avslutningen pausen frågestunden programmet evenemanget omgången delen passet sessionen
    sammanträdet sammankomsten överläggningen överläggningarna arrangemanget""".split()
)
_ARTICLES_DEFINITE = frozenset("den det de the".split())
#: The objects of taking part that are this meeting or a part of it ("deltog i sakrådet", "i mötet", "i
#: dialogen", "i diskussionen", "i samtalet", "i bordsrundan", "i en diskussion", "in the meeting").
MEETING_OBJECTS = frozenset(
    """sakråd sakrådet samråd samrådet möte mötet dialog dialogen dialogmöte dialogmötet träff träffen samtal
    samtalet samtalen diskussion diskussionen diskussionerna gruppdiskussion gruppdiskussionen bordsrunda
    bordsrundan rundabordssamtal rundabordssamtalet workshop workshopen konsultation konsultationen
    meeting consultation dialogue discussion discussions roundtable workshop""".split()
)
_PART_OBJECT = LazyPattern(
    r"(?: (?:endast|bara|enbart|blott|only|just))? (?:i|på|vid|in|at) (?:the )?([\w-]+)(?: ([\w-]+))?"
    r"(?: ([\w-]+))?"
)


#: A time or place clause right after a word of taking part whose forum is another event ("deltog när
#: frågan diskuterades i riksdagen"): "när"/"då"/"when", a few words, a preposition and its noun.
_WHEN_OTHER = LazyPattern(r",? (?:när|då|medan|when|while)(?: [\w-]+){1,6}? (?:i|på|vid|in|at) ([\w-]+)")
#: The forum a relative "där"/"where" right before a name refers to ("Frågan diskuterades i riksdagen, där
#: Fryshuset deltog"): the preposition's noun before it, a few words (a list's lead) between.
_WHERE_OTHER = LazyPattern(r" (?:i|på|vid|in|at) ([\w-]+),? (?:där|where)(?: [\w-]+){0,3} $")


#: An event named by its own noun before or after the meeting ("deltog i pressträffen efter sakrådet",
#: "i middagen efter mötet", "in the press conference after the meeting"): the noun (not this meeting's
#: nor a part of it, :data:`MEETING_OBJECTS`), a few words, then a word of time and the meeting's noun.
_AROUND_MEETING = LazyPattern(
    r" (?:i|på|vid|in|at) (?:(?:the|a|an|en|ett) )?([\w-]+)(?: [\w-]+){0,2}? "
    r"(?:efter|före|inför|innan|after|before|following|prior to) (?:(?:the|this|det|detta) )?"
    r"(?:sakråd|samråd|möte|meeting|consultation)(?:et|en|na|s)?(?![\w'’])"
)


#: Ordinals that tell one of a series of meetings from another ("det första sakrådet", "the second meeting").
MEETING_ORDINALS = frozenset(
    """första andra tredje fjärde femte sjätte sjunde åttonde nionde tionde first second third fourth fifth
    sixth seventh eighth ninth tenth""".split()
)
#: An ordinal and a meeting's noun ("andra sakrådet", "second meeting"), the ordinal its group.
_ORDINAL_MEETING = LazyPattern(r"(?<![\w-])([\wåäö]+) (?:sakråd|samråd|möte|dialogmöte|meeting|consultation)\w*")


def _ordinal_other(flat: str, m: re.Match[str]) -> str | None:
    """The object "det första sakrådet" / "the first meeting" of taking part (``m``, :data:`_PART_OBJECT`),
    where the text names a meeting by another ordinal ("hölls det andra sakrådet"): that other meeting of
    the series, as its words; None where the text gives no other ordinal (the meeting is this one)."""
    group = 2 if m.group(1) == "det" else 1 if " the " in m.group() else 0
    if not group or m.group(group) not in MEETING_ORDINALS:
        return None
    noun = _ORDINAL_MEETING.match(flat, m.start(group))
    if noun is None:
        return None
    others = {o.group(1) for o in _ORDINAL_MEETING.finditer(flat)} & MEETING_ORDINALS
    return noun.group() if others - {m.group(group)} else None


#: The event nouns a text may call this meeting by, with the stem it calls the meeting so with
#: ("Sakrådet hölls som ett webbinarium. … i webbinariet").
_EVENT_STEMS = {
    "webbinariet": "webbinari", "webinar": "webinar", "seminariet": "seminari", "seminar": "seminar",
    "konferensen": "konferens", "conference": "conference",
}  # fmt: skip
#: This meeting's noun and a word of holding or being, then "som"/"as" and an article: what it was held as.
_HELD_AS = LazyPattern(
    r"(?<!\w)(?:sakrådet|samrådet|mötet|dialogmötet|the meeting|the consultation) (?:hölls|genomfördes|ägde rum|"
    r"var|är|was held|took place|was) (?:(?:som|as|i form av) )?(?:(?:ett|en|a|an) )?(?:digitalt |digital |online )?"
    r"([\w-]+)"
)
#: A meeting held online, which a webinar's noun names ("Sakrådet hölls digitalt").
_HELD_ONLINE = LazyPattern(
    r"(?<!\w)(?:sakrådet|samrådet|mötet|the meeting|the consultation) (?:hölls|genomfördes|ägde rum|was held|took "
    r"place) (?:digitalt|online|via (?:zoom|teams|länk))(?!\w)"
)


def own_event(flat: str, noun: str) -> bool:
    """Whether the text calls this meeting by the event noun ``noun`` (of :data:`OTHER_EVENTS` or
    :data:`GATHERING_EVENTS`): "Sakrådet hölls som ett webbinarium" (or "hölls digitalt") before
    "webbinariet", "Mötet var en konferens" before "konferensen"; then that noun is this meeting."""
    stem = _EVENT_STEMS.get(noun)
    if stem is None:
        return False
    if any(m.group(1).startswith(stem) for m in _HELD_AS.finditer(flat)):
        return True
    return stem in ("webbinari", "webinar") and _HELD_ONLINE.search(flat) is not None


def other_event(flat: str, b: int, *, indefinite: bool = True) -> str | None:
    """The object of the word of taking part ending at ``b`` where it is another event or work than this
    meeting (:data:`OTHER_EVENTS`, or "en"/"ett"/"a"/"an" and a noun not of :data:`MEETING_OBJECTS`), or
    the forum of a time clause right after it ("deltog när frågan diskuterades i riksdagen"), as its words;
    None where it is none (the meeting, a part of it, no object: "deltog digitalt"). ``indefinite``: an
    indefinite object not of :data:`MEETING_OBJECTS` is another event ("deltog i en debatt"); not for a
    word of discussing ("diskuterades i en grupp")."""
    around = _AROUND_MEETING.match(flat, b)
    if around is not None and not around.group(1).endswith(
        ("sakråd", "sakrådet", "samråd", "samrådet", "möte", "mötet")
    ):
        return around.group().strip()  # "i workshopen efter sakrådet": after it, not a part of it
    m = _PART_OBJECT.match(flat, b)
    if m is None:
        when = _WHEN_OTHER.match(flat, b)
        return when.group().strip(" ,") if when is not None and when.group(1) in OTHER_EVENTS else None
    first, second, third = m.group(1), m.group(2) or "", m.group(3) or ""
    if first in OTHER_EVENTS and not own_event(flat, first):
        return m.group().strip()
    if (ordinal := _ordinal_other(flat, m)) is not None:
        return ordinal
    if OTHER_TIME_ADJECTIVES & {first, second}:
        return m.group().strip()  # "i den efterföljande middagen", "in the follow-up workshop"
    if indefinite and first in ("en", "ett", "a", "an") and second and second not in MEETING_OBJECTS:
        return m.group().strip()
    if indefinite and flat.endswith(" i ", 0, m.start(1)):
        noun = _definite_event(first, second, third)
        if noun is not None and not own_event(flat, noun):
            return m.group().strip()  # "deltog i studiebesöket", "i den avslutande middagen"
    return None


def _definite_event(first: str, second: str, third: str) -> str | None:
    """The noun of the object of "deltog i" (its first words ``first``, ``second``, ``third``) where it is
    a definite noun that is not this meeting nor a part, a time or a role of it (:data:`MEETING_OBJECTS`,
    :data:`MEETING_DAYS`, :data:`_NO_EVENTS`): another event ("i studiebesöket", "i rundvandringen", "i
    den avslutande middagen"; not "i gruppdiskussionen", "i hela sakrådet", "i eftermiddagens pass"); None
    where it is not (a text may call this meeting by an event's noun: :func:`own_event`)."""
    noun = first
    if first in ("en", "ett", "a", "an"):
        return None  # an indefinite object is read apart (:func:`other_event`)
    if first in _ARTICLES_DEFINITE:  # "den efterföljande middagen": past the adjective to the noun
        noun = third if second and not second.endswith(_DEFINITE_ENDINGS) else second
    elif first in ("hela", "själva", "whole", "entire"):
        noun = second
    if not noun or noun in _ARTICLES_DEFINITE or not noun.endswith(_DEFINITE_ENDINGS):
        return None
    if noun in MEETING_OBJECTS or noun in MEETING_DAYS or noun in _NO_EVENTS or noun.endswith(_MEETING_ENDS):
        return None
    if noun.endswith(("gruppen", "grupperna", "diskussionen", "diskussionerna", "samtalet", "samtalen")):
        return None  # "i diskussionsgrupperna", "i panelsamtalet": a part of the meeting
    return None if noun.endswith(("s", "mötet", "sakrådet", "samrådet")) or finite(noun) else noun


#: The events other than this meeting that a count's clause may name as the gathering's subject or goal
#: ("Konferensen samlade 200 deltagare", "Till konferensen kom 200 deltagare", "The conference gathered
#: 200 participants", "Middagen efteråt samlade 80 deltagare"): their definite Swedish nouns and English ones.
GATHERING_EVENTS = frozenset(
    """konferensen seminariet middagen lunchen pressträffen presskonferensen webbinariet mottagningen
    frukosten mässan festivalen almedalsveckan järvaveckan conference seminar dinner lunch webinar
    reception breakfast festival""".split()
)
#: Words of time before an event's noun: the event is when the meeting was, not whose gathering it is
#: ("Efter konferensen samlade sakrådet 30 deltagare").
_EVENT_TIME = frozenset("efter före inför innan after before following".split())
#: A meeting's noun, this meeting's or a part of it ("sakrådet", "dialogmötet", "the meeting").
_MEETING_NOUN = LazyPattern(r"(?<!\w)[\w-]*(?:sakråd|samråd|möte|meeting|consultation)\w*")


def gathering_event(flat: str, lo: int, a: int) -> str | None:
    """The event (:data:`GATHERING_EVENTS`) that a count's clause ``flat[lo:a]``, up to the count's words,
    names as its subject or goal, where no meeting's noun stands in it ("Konferensen samlade 200
    deltagare", "Till konferensen kom 200"): the count is that event's; None where there is none or the
    event only times it ("Efter konferensen …")."""
    if _MEETING_NOUN.search(flat, lo, a) is not None:
        return None
    words = _WORD.findall(flat, lo, a)
    for i, w in enumerate(words):
        if w in GATHERING_EVENTS and (i == 0 or words[i - 1] not in _EVENT_TIME) and not own_event(flat, w):
            return w
    return None


def other_forum(flat: str, lo: int, a: int) -> str | None:
    """The forum of a relative "där"/"where" just before the name at ``a`` in the sentence from ``lo``
    where it is another event (:data:`OTHER_EVENTS`: "Frågan diskuterades i riksdagen, där Fryshuset
    deltog"), as its words; None otherwise."""
    m = _WHERE_OTHER.search(flat, max(lo, a - 80), a)
    return m.group().strip(" ,") if m is not None and m.group(1) in OTHER_EVENTS else None


#: The verbs of a role that take what was led or held as their object ("ledde sakrådet", "höll ett
#: sakråd", "chaired the meeting"): an object that is not this meeting is another work or event.
OBJECT_VERBS = frozenset(
    "ledde leder höll håller modererade modererar chaired chairs hosted hosts convened convenes".split()
)
#: The verbs of calling a meeting whose event follows "till"/"to" ("bjöd in till sakrådet", "bjöd in
#: Fryshuset till en konferens", "invited them to a conference").
CALLING_VERBS = frozenset(
    "bjöd bjuder kallade kallar sammankallade sammankallar invited invites invite inbjudan".split()
)
#: The words that name this meeting or the day of it as a role's object, besides :data:`MEETING_OBJECTS`.
MEETING_DAYS = frozenset("dag dagen dagens idag today day sakrådets mötets session sessionen".split())
_OBJECT = LazyPattern(
    r" (?:(?:även|också|sedan|därefter|inledningsvis|då|then|also|in) )*(?:(en|ett|a|an|the|det|den|this) )?"
    r"([\w-]+)(?: ([\w-]+))?"
)
_TO_OBJECT = LazyPattern(r"(?:[^\x00;:,()]{0,60}?) (?:till|to) ")
_DEFINITE_ENDINGS = ("en", "et", "na", "arna", "erna", "orna", "ningen", "andet")
_NOT_OBJECTS = frozenset(
    """i på vid av med för till om från under efter inför hos mot och samt eller men som att när där in on at by
    with for to of from and or but as when where ensam tillsammans själv gemensamt""".split()
)


#: A meeting given by a relative clause of its own holding and time ("mötet som hölls den 3 maj"): another
#: meeting than the one the sentence is about, or this one; the object is not read as this meeting's.
_HELD_THEN = LazyPattern(
    r",? (?:som|which|that) (?:hölls|ägde rum|genomfördes|was held|took place) (?:(?:den|the|on) )?"
    r"(?:\d|(?:i|in) (?:\d{4}|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
    r"december|january|february|march|may|june|july|august|october))"
)


#: Adjectives of another meeting after an indefinite article ("ett nytt sakråd", "ett ytterligare möte",
#: "a new meeting"): a role's object that is not this meeting.
_ANOTHER_ONE = frozenset("nytt ny nya ytterligare annat annan new further another".split())


#: A time to come after "ett nytt sakråd" in its sentence ("i höst", "nästa år", "senare i vår", "in the
#: spring"): the new meeting is a later one.
_LATER_TIME = LazyPattern(
    r"(?<!\w)(?:i (?:höst|vår|sommar|vinter)|nästa|kommande|senare|längre fram|framöver|under (?:hösten|våren|"
    r"sommaren|vintern|(?:19|20)\d\d)|i (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
    r"november|december)|(?:19|20)\d\d|later|next|in the (?:spring|autumn|fall|summer|winter)|upcoming)(?!\w)"
)
#: This meeting's definite noun ("Efter sakrådet …, bjuder in till ett nytt sakråd").
_THIS_MEETING = LazyPattern(r"(?<!\w)(?:sakrådet|samrådet|mötet|dialogmötet|the meeting|the consultation)(?!\w)")


def _another_new_one(flat: str, a: int, b: int) -> bool:
    """Whether "ett nytt sakråd" / "a new meeting" at ``flat[a:b]`` is another meeting than this one: its
    sentence names this meeting before it ("Efter sakrådet bjuder departementet in till ett nytt sakråd")
    or gives it a time to come ("ett nytt sakråd i höst"); an invitation to "ett nytt sakråd om …" with
    neither announces this one."""
    start = max(flat.rfind(". ", 0, a) + 1, flat.rfind("\n", 0, a) + 1, a - 200)
    ends = [i for i in (flat.find(". ", b), flat.find("\n", b)) if i >= 0]
    end = min([*ends, b + 120, len(flat)])
    return _THIS_MEETING.search(flat, start, a) is not None or _LATER_TIME.search(flat, b, end) is not None


def _other_object(m: re.Match[str] | None) -> str | None:
    if m is None:
        return None
    article, first, second = m.group(1), m.group(2), m.group(3) or ""
    if first in MEETING_OBJECTS and _HELD_THEN.match(m.string, m.end(2)):
        return m.group(2) + " " + _HELD_THEN.match(m.string, m.end(2)).group().strip(" ,")
    if (
        article in ("en", "ett", "a", "an")
        and first in _ANOTHER_ONE
        and second in MEETING_OBJECTS
        and _another_new_one(m.string, m.start(), m.end())
    ):
        return m.group().strip()  # "bjuder in till ett nytt sakråd i höst": another meeting than this one
    if first in MEETING_OBJECTS or first in MEETING_DAYS or second in MEETING_OBJECTS:
        return None
    if first.endswith(("sakråd", "sakrådet", "samråd", "samrådet", "möte", "mötet")):
        return None  # "dialogmötet", "uppföljningsmötet"
    if first in OTHER_EVENTS or (
        first not in _NOT_OBJECTS and (article is not None or first.endswith(_DEFINITE_ENDINGS)) and not finite(first)
    ):
        return m.group().strip()
    return None


def other_object(flat: str, verb: str, b: int) -> str | None:
    """What the role's verb ``verb`` (folded, its last word) ending at ``b`` (or the name after it, in a
    clause with its verb first) took as its object where that is another work or event than this meeting:
    "ledde arbetet med handlingsplanen", "chaired the working group", "höll en konferens", "bjöd in till
    en konferens om …"; None where it is this meeting, a part or day of it, or no object is read."""
    if verb in OBJECT_VERBS:
        return _other_object(_OBJECT.match(flat, b))
    if verb in CALLING_VERBS or verb == "in":
        to = _TO_OBJECT.match(flat, b)
        return None if to is None else _other_object(_OBJECT.match(flat, to.end() - 1))
    return None
