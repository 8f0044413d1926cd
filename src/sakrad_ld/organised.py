"""An organiser is one the kept text says organises the sakråd (a load-time check).

A meeting's ``organiser`` (published as ``schema:organizer``) is credited to a document: the one
``fact_sources`` names for ``organiser``, else the meeting's ``source``. Where that document's text is
kept (``file:`` in data/sources.yaml), the text must name the body as the subject of a word of
organising (:data:`ORGANISING_WORDS`: "anordnar", "arrangerar", "genomför", "står värd" …) whose
object is this sakråd, in one clause, else loading refuses the organiser with the file, line and field:

- what is organised is this sakråd (:func:`_organises_this`): after an active word (adverbs, a day or
  the "för" of "står värd för" aside) a meeting word (:data:`MEETING_WORDS`: "sakrådet", "EU-sakråd",
  "mötet", "dialogmöte" …), alone or after "ett", "en", "detta" … and at most two words ("ett sakråd
  om …"), or "det" closing the clause; never several or other meetings ("anordna fler sakråd",
  "genomför varje år sakråd") nor other work ("genomför en rad åtgärder", "har genomfört en
  utredning"). A passive word's subject is a meeting word before it ("Sakrådet anordnas av",
  "Sakrådet, som anordnades av") or right after it ("I dag anordnas sakrådet av");

- the word after the name, at once or after only words of intending or time ("avser
  Justitiedepartementet genomföra ett EU-sakråd", "Kulturdepartementet anordnar", "Kulturdepartementet
  kommer att anordna"), the name not right after a preposition ("på", "hos", "från" …: "enhetschef på
  Landsbygdsdepartementet anordnade" makes the unit head the subject), also in a relative clause
  after the name ("Kulturdepartementet, som anordnade sakrådet, …") or of the meeting word before it
  ("Sakrådet, som Kulturdepartementet anordnade, …");
- or the word before the name: a passive's agent ("Sakrådet anordnas av Kulturdepartementet",
  "arrangerades av bland annat Kulturdepartementet") or a Swedish verb with the clause opened by an adverbial (V2: "I dag anordnar
  Kulturdepartementet ett sakråd"), only adverbs between;
- the body may be one of a list of organisers ("Kulturdepartementet och Justitiedepartementet
  anordnar", "arrangerades av Regeringskansliet och Kulturdepartementet": items of at most
  :data:`~sakrad_ld.clauses.LIST_ITEM_WORDS` words joined by "och", "samt" or commas, no preposition
  among them: :func:`~sakrad_ld.clauses.listed`);
- or a relative clause of this sakråd with the body as its subject and a word of organising or of
  holding (:data:`HOLDING_WORDS`: "höll"), then time or the next clause, no object ("vid ett sakråd
  som Regeringskansliet höll i maj 2025"; not "… som Regeringskansliet höll ett anförande vid");
- and no negation in the clause (:data:`_NEGATION`: "inte", "ej", "aldrig", "icke", "ingen", "inget",
  "not", "never"), nor another time or meeting (:func:`_other_time`: "i fjol", "förra året", a year
  not the meeting's, "ett liknande sakråd", "fjolårets sakråd").

A cleft names the subject too ("Det var Kulturdepartementet som anordnade sakrådet"), as does an
organiser's label with the name alone after it ("Arrangör: Kulturdepartementet"); in "Sakrådet
anordnades inte av A utan av B" (or "har inte anordnats av A utan av B", "was not organised by A but by
B") the negation is A's, and B organised the sakråd. An organiser another sentence takes back is not
stated (:func:`organiser_taken_back`: "Rättelse: Sakrådet anordnades av B, inte av A", "Sakrådet anordnades
inte av A", "Arrangören har ändrats").

An invitation in a body's name ("bjuder Regeringskansliet in") makes it the convener, not the
organiser; a page's publisher is not its organiser (stated.py warns). A source with no kept text is
not checked here: the note and warning of stated.py stay the only checks there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .clauses import (
    CONDITION,
    DENIAL,
    DOUBT,
    HABIT,
    HEARSAY,
    PHRASE_MARKS,
    PLAN,
    QUESTION,
    LazyPattern,
    clause,
    guard_in,
    listed,
    side_clause,
)
from .errors import InputError
from .stated import (
    LIKE_MEETING_WORDS,
    OTHER_MEETING_WORDS,
    another_period,
    find_words,
    folded,
    folded_text,
    meeting_time,
)
from .typedyaml import quoted

if TYPE_CHECKING:
    from .corrected import TakenBack
    from .records import Body, Corpus

__all__ = ["HOLDING_WORDS", "ORGANISING_WORDS", "check_organisers", "organiser_named", "organiser_taken_back"]

#: Words of organising a meeting (whole words, folded): present, past, infinitive and passive.
ORGANISING_WORDS = (
    "anordnar",
    "anordnade",
    "anordna",
    "anordnas",
    "anordnades",
    "anordnat",
    "anordnats",
    "arrangerar",
    "arrangerade",
    "arrangera",
    "arrangeras",
    "arrangerades",
    "arrangerat",
    "arrangerats",
    "genomför",
    "genomförde",
    "genomföra",
    "genomförs",
    "genomfördes",
    "genomfört",
    "genomförts",
    "organiserar",
    "organiserade",
    "organisera",
    "organiseras",
    "organiserades",
    "organiserats",
    "står värd",
    "stod värd",
    "stå värd",
    "står som värd",
    "stod som värd",
    "är värd",
    "var värd",
    "organises",
    "organised",
    "organizes",
    "organized",
    "organise",
    "organize",
    "arranges",
    "arranged",
    "hosts",
    "hosted",
    "ansvarar",
    "ansvarade",
    "ansvarat",
    "är ansvarigt",
    "är ansvarig",
    "var ansvarigt",
    "var ansvarig",
    "har ansvaret",
    "hade ansvaret",
    "har ansvar",
    "hade ansvar",
    "is responsible",
    "was responsible",
    "höll i",
    "håller i",
    "hållit i",
)
_WORDS = LazyPattern(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(ORGANISING_WORDS, key=len, reverse=True)) + r")(?!\w)"
)
#: Passive forms, after which "av" / "by" names the agent.
_PASSIVE = frozenset(
    w
    for w in ORGANISING_WORDS
    if w.endswith(("s", "des", "ed")) and w not in ("organises", "organizes", "arranges", "hosts")
)
#: Words that may stand between the name and a word of organising after it: intending, time, adverbs.
_BETWEEN_AFTER = frozenset(
    "avser avsåg planerar planerade kommer att ska skall vill har hade även också nu därefter sedan då "
    "åter i år will would intends to plans also has had".split()
)
#: Adverbs that may stand between a word of organising and the name after it.
_ADVERBS = frozenset("även också nu därefter sedan då åter i dag i år bland annat also".split())
#: A word right before the name that makes it another's (not the subject).
_PREPOSITIONS = frozenset(
    "på hos från i inom till för med om enligt vid åt under utan mot via av at from in of to for with by on".split()
)
#: Words that make a clause say the opposite (the same list as stated.py's notes use, and more).
_NEGATION = LazyPattern(r"(?<!\w)(?:inte|ej|aldrig|icke|not|never|ingen|inget)(?!\w)")
_WORD = LazyPattern(r"[\w'.-]+|,")
#: What a sakråd is called as the thing organised: a word ending in one of these ("sakrådet",
#: "EU-sakråd", "samrådet", "mötet", "dialogmöte", "the meeting", "a consultation").
MEETING_WORDS = (
    "sakråd",
    "sakrådet",
    "samråd",
    "samrådet",
    "möte",
    "mötet",
    "dialogen",
    "meeting",
    "consultation",
    "dialogue",
)
#: Words that make a singular meeting word one of several ("fler sakråd", "ett par möten") or
#: another's: the organised thing is then not this sakråd.
_NOT_THIS = frozenset(
    "fler flera några andra par antal rad serie varje varannan alla årliga regelbundna liknande more several other "
    "every annual regular series number".split()
)
#: Words that open a noun phrase naming one meeting ("ett sakråd", "detta samråd", "a meeting").
_DETERMINERS = frozenset("ett en detta denna det den dagens årets a an the this its".split())
#: Words that may stand between a word of organising and what it organises: adverbs, time, "för" of
#: "står värd för".
_BEFORE_OBJECT = frozenset(
    "även också nu därefter sedan då åter i dag går år morgon förmiddag eftermiddag för for also today on "
    "maj juni juli augusti september oktober november december januari februari mars april".split()
)
#: Words between a meeting word and a passive word of organising ("Sakrådet har anordnats av …",
#: "The meeting was organised by …").
_AUXILIARIES = frozenset("har hade kommer att ska skall kan will be was were is has been som".split())


#: Words of holding a meeting, which name its organiser only in a relative clause of this sakråd
#: ("vid ett sakråd som Regeringskansliet höll i maj 2025"): elsewhere "höll" may be chairing ("höll i
#: mötet") or a speech ("höll ett anförande").
HOLDING_WORDS = ("höll", "håller", "hållit", "held", "holds")
#: A time or meeting other than this sakråd's in the clause of organising: last or next year ("i fjol",
#: "förra året", "fjolårets"), a year not the meeting's (checked apart), or a word of another or a like
#: meeting before a meeting's noun (stated.py's :data:`~sakrad_ld.stated.OTHER_MEETING_WORDS`, a word or
#: two between; "liknande", "annat", "motsvarande", "höstens" …, a word between at most, not "bland annat").
_OTHER_TIME = LazyPattern(
    r"(?<!\w)(?:i fjol|i förfjol|fjolårets|förra året|förra årets|förrförra|nästa år|nästa års|året innan"
    r"|året före|året därpå|året efter|last year|last year's|next year|the year before|the previous year"
    r"|(?:(?:" + "|".join(OTHER_MEETING_WORDS) + r")(?: [\w-]+){0,2}?"
    r"|(?<!bland )(?:"
    + "|".join((*LIKE_MEETING_WORDS, "höstens", "vårens", "sommarens", "vinterns", "other"))
    + r")(?: [\w-]+)?)"
    r" (?:sakråd|samråd|möte|träff|dialogmöte|meeting|consultation)\w*)(?!\w)"
)  # fmt: skip
_YEAR = LazyPattern(r"(?<![\w-])(?:19|20)\d\d(?!\d)")


def _other_time(flat: str, start: int, stop: int, years: frozenset[str]) -> bool:
    """Whether the clause ``start``-``stop`` places the organising at another time or meeting
    (:data:`_OTHER_TIME`), in a habit outside a subordinate clause (:data:`~sakrad_ld.clauses.HABIT`: "varje
    höst", "ofta"; :func:`~sakrad_ld.clauses.side_clause`), or in a year
    that is not one of the meeting's ``years`` (none known: any year)."""
    if _OTHER_TIME.search(flat, start, stop) or another_period(flat, start, stop, years):  # "sakrådet i mars"
        return True
    if any(not side_clause(flat, start, stop, m.start()) for m in HABIT.finditer(flat, start, stop)):
        return True  # "anordnar sakrådet varje höst"; not "… för att organisationerna ofta efterfrågat det"
    return any(y.group() not in years for y in _YEAR.finditer(flat, start, stop))


def _meeting_word(word: str) -> bool:
    return word.rstrip(".").endswith(MEETING_WORDS)


def _organises_this(words: list[str]) -> bool:
    """Whether ``words`` (what follows a word of organising, to the clause's end) begin with this
    sakråd: a meeting word ("sakrådet", "EU-sakråd", "ett sakråd om …", "ett digitalt samråd", "för
    mötet"), or "det" / "it" closing the clause (the sakråd named before); not several meetings ("fler
    sakråd"), nor something else ("en rad åtgärder", "en utredning", "en konferens")."""
    words = [w.rstrip(".") for w in words]
    i = 0
    while i < len(words):
        if words[i] == "den" and i + 1 < len(words) and words[i + 1].isdigit():  # a day: "den 5 maj"
            i += 2
        elif words[i] in _BEFORE_OBJECT or words[i].isdigit():
            i += 1
        else:
            break
    rest = words[i:]
    if not rest or rest[0] in _NOT_THIS:
        return False
    if rest[0] in ("det", "it") and (len(rest) == 1 or rest[1] in _PREPOSITIONS or rest[1] == ","):
        return True
    if _meeting_word(rest[0]):
        return True
    if rest[0] in _DETERMINERS:
        for w in rest[1:4]:
            if w in _NOT_THIS or w == ",":
                return False
            if _meeting_word(w):
                return True
    return False


#: Adverbials of manner that may stand between a passive word of organising and its agent ("anordnades
#: digitalt av", "gemensamt av", "organised jointly by").
_MANNER = frozenset("digitalt fysiskt gemensamt tillsammans återigen jointly together digitally physically".split())
#: Prepositions of a place or a day between a passive and its agent ("anordnades på Rosenbad av").
_PLACE_OR_DAY = frozenset("på i vid den in at on".split())
_MONTH_WORDS = frozenset(
    "januari februari mars april maj juni juli augusti september oktober november december".split()
)


def _adverbials_out(words: list[str]) -> list[str]:
    """``words`` (between a passive word of organising and "av") without adverbials of manner, a place
    after "på"/"i"/"vid" or a day ("digitalt", "på Rosenbad", "den 10 september"): what is left may be the
    passive's subject ("I dag anordnas sakrådet av")."""
    out: list[str] = []
    skip = False
    for w in words:
        if w in _MANNER or w.isdigit() or w in _MONTH_WORDS:
            continue
        if w in _PLACE_OR_DAY:
            skip = True
            continue
        if skip and not _meeting_word(w):
            skip = False
            continue
        skip = False
        out.append(w)
    return out


def _relative_subject(flat: str, start: int) -> bool:
    """Whether the clause from ``start`` goes on after a relative clause between commas whose antecedent
    is this sakråd ("Sakrådet, som Socialdepartementet anordnade i fjol, anordnades i år av …")."""
    if "," not in flat[max(0, start - 2) : start + 2]:
        return False
    head = flat.rfind("\x00", 0, start) + 1
    comma = flat.find(", som ", head, start)
    return comma > head and _meeting_before(flat, head, comma)


def _meeting_before(flat: str, start: int, at: int) -> bool:
    """Whether a passive word of organising at ``at`` has this sakråd as its subject before it in the
    clause ("Sakrådet anordnas av", "Ett sakråd har anordnats av", "The meeting was organised by"), or
    that of a relative clause before the clause's comma ("Sakrådet, som anordnades av …")."""
    words = [w for w in _WORD.findall(flat, start, at) if w != ","]
    while words and words[-1] in _AUXILIARIES | _ADVERBS:
        relative = words.pop() == "som"
        if relative and not words:
            before = _WORD.findall(flat, max(0, start - 60), start)
            return bool(before) and _meeting_word(before[-1])
    if not words or not _meeting_word(words[-1]):
        return False
    return len(words) == 1 or words[-2] not in _NOT_THIS


def _relative_antecedent(flat: str, start: int) -> bool:
    """Whether the clause opening at ``start`` is a relative clause of a meeting word ("Sakrådet, som
    Kulturdepartementet anordnade, …")."""
    before = _WORD.findall(flat, max(0, start - 60), start)
    return bool(before) and _meeting_word(before[-1])


def _trailing(words: list[str]) -> int:
    """How many of ``words`` at the end are words of intending or time (:data:`_BETWEEN_AFTER`)."""
    n = 0
    for w in reversed(words):
        if w not in _BETWEEN_AFTER:
            break
        n += 1
    return n


def _relative_holding(flat: str, start: int, lo: int, hi: int, stop: int) -> bool:
    """Whether the name at ``lo``-``hi`` is the subject of a relative clause of this sakråd with a word of
    organising or holding (:data:`HOLDING_WORDS`), then time words and no object ("ett sakråd som
    Regeringskansliet höll i maj 2025", "sakrådet som Kulturdepartementet anordnade den 5 maj"; not "som
    Regeringskansliet höll ett anförande vid")."""
    before = _WORD.findall(flat, max(start, lo - 60), lo)
    if len(before) < 2 or before[-1] != "som" or not _meeting_word(before[-2]):
        return False
    if len(before) > 2 and before[-3] in _NOT_THIS:
        return False
    after = _WORD.findall(flat, hi, stop)
    after = after[_leading(after) :]
    if not after or not (after[0] in HOLDING_WORDS or (after[0] in ORGANISING_WORDS and after[0] not in _PASSIVE)):
        return False
    rest = [w.rstrip(".") for w in after[1:]]
    i = 0
    while i < len(rest) and (rest[i] in _BEFORE_OBJECT or rest[i] in ("den", "the") or rest[i].isdigit()):
        i += 1
    # a main clause may follow with no comma ("… som Kulturdepartementet anordnade den 5 maj lämnades
    # synpunkter"); an object after the word makes it something else held ("höll ett anförande", "höll fram")
    return i == len(rest) or rest[i] not in _DETERMINERS | _HELD_OBJECTS


#: Words after "höll" that make it something other than the meeting held ("höll ett anförande", "höll fram").
_HELD_OBJECTS = frozenset("fram upp tal anförande anföranden presentation presentationer inte ej aldrig".split())


def _leading(words: list[str]) -> int:
    """How many of ``words`` at the start are words of intending or time (:data:`_BETWEEN_AFTER`)."""
    n = 0
    for w in words:
        if w not in _BETWEEN_AFTER:
            break
        n += 1
    return n


def _subject_of_word(text: str, flat: str, lo: int, hi: int, years: frozenset[str] | None = None) -> bool:
    """Whether the name at ``lo``-``hi`` of the folded ``text`` is the subject of a word of organising
    whose object is this sakråd, in a clause that places it at no other time or meeting (``years``: the
    meeting's years; None: not checked)."""
    if _labelled(text, lo, hi) or _agent_instead(text, flat, lo, hi, years):
        return True
    if (gloss := _GLOSSED_AGENT.search(flat, max(0, lo - 120), lo)) is not None:
        # "The meeting was organised by the Ministry of Justice (Justitiedepartementet)": the Swedish name
        # glosses the agent's English one
        head = flat.rfind("\x00", 0, gloss.start()) + 1
        if _meeting_before(flat, head, gloss.start()) and not _NEGATION.search(flat, head, lo):
            return True
    start, stop = clause(text, lo, hi, PHRASE_MARKS)
    # a relative clause after the name ("Kulturdepartementet, som anordnade sakrådet, …") reads on
    relative = re.match(r"\s*,\s*som\b", flat[hi : stop + 8])
    if relative:
        stop = clause(text, hi + relative.end(), hi + relative.end(), PHRASE_MARKS)[1]
        if _organises_after(text, flat, start, lo, stop, years):
            return True  # "Socialdepartementet, som ofta arrangerar sakråd, anordnade sakrådet"
    if _NEGATION.search(flat, start, stop):
        return False
    if years is not None and _other_time(flat, start, stop, years):
        return False
    if _relative_holding(flat, start, lo, hi, stop):
        return True
    before = _WORD.findall(flat, start, lo)
    # the word after the name
    after = _WORDS.search(flat, hi, stop)
    if after is not None and (not before or before[-1] not in _PREPOSITIONS):
        between = _WORD.findall(flat, hi, after.start())
        if relative:
            between = between[2:]
        names = between[: len(between) - _trailing(between)]  # other organisers listed with it
        if names == ["som"] and _CLEFT.search(flat, start, lo):
            names = []  # "Det var Socialdepartementet som anordnade sakrådet"
        if not names or listed(names, True, _PREPOSITIONS):
            rest = _WORD.findall(flat, after.end(), stop)
            if _organises_this(rest) or (not rest and before[-1:] == ["som"] and _relative_antecedent(flat, start)):
                return True
    # the word before the name: a passive's agent, or a verb after a fronted adverbial (V2)
    words = list(_WORDS.finditer(flat, start, lo))
    if not words:
        return False
    last = words[-1]
    gap = _WORD.findall(flat, last.end(), lo)
    if last.group() in _PASSIVE:
        agent = next((i for i, w in enumerate(gap) if w in ("av", "by")), None)
        if agent is None or (agent and gap[agent - 1] in ON_BEHALF_NOUNS):
            return False  # "anordnades på initiativ av X": X took the initiative; who organised is not said
        # the sakråd as the subject, before the word or right after it ("I dag anordnas sakrådet av …");
        # an adverbial of manner, place or day between ("anordnades digitalt av", "på Rosenbad av", "den 10
        # september av", "organised jointly by") is no subject
        inverted = [w for w in _adverbials_out(gap[:agent]) if w not in _ADVERBS]  # "i Rosenbad", "i dag"
        if inverted:
            if not _organises_this(inverted) or len(inverted) > 4:
                return False
        elif not (_meeting_before(flat, start, last.start()) or _relative_subject(flat, start)):
            return False
        rest = gap[agent + 1 :]
        while rest and rest[0] in _ADVERBS | {"annat"}:
            rest = rest[1:]
        return not rest or listed(rest, False, _PREPOSITIONS)
    fronted = _WORD.findall(flat, start, last.start())
    return (
        bool(fronted)
        and all(w in _ADVERBS for w in gap)
        and not last.group().endswith(("ed", "s"))
        and _organises_this(_WORD.findall(flat, hi, stop))
    )


def _organises_after(text: str, flat: str, start: int, lo: int, rel_stop: int, years: frozenset[str] | None) -> bool:
    """Whether the name at ``lo`` opening its clause at ``start``, a relative clause after it ending at ``rel_stop``
    (its comma), is the subject of a word of organising right after that comma whose object is this sakråd,
    with no negation or other time in that clause (the relative clause's own words are its own)."""
    if not flat.startswith(",", rel_stop):
        return False
    x, y = clause(text, rel_stop + 1, rel_stop + 1, PHRASE_MARKS)
    while x < y and flat[x] in ", ":
        x += 1
    word = _WORDS.match(flat, x)
    if word is None or _NEGATION.search(flat, x, y) or (years is not None and _other_time(flat, x, y, years)):
        return False
    return not flat[start:lo].strip(" -*•#>\x00") and _organises_this(_WORD.findall(flat, word.end(), y))


#: An English passive of organising and its agent's English name, the Swedish name in parentheses after it
#: ("organised by the Ministry of Justice (Justitiedepartementet)").
_GLOSSED_AGENT = LazyPattern(r"(?<!\w)(?:organised|organized|arranged|hosted) by the [\w ,&'-]{1,80}? \($")
#: A cleft's opening right before the name ("Det var Socialdepartementet som anordnade sakrådet", "It was
#: … who organised the meeting"): the name is the subject of the relative clause's word of organising.
_CLEFT = LazyPattern(r"(?<!\w)(?:det var|det är|it was|it is)(?: (?:just|också|även|alltså))? $")
#: A label of the organiser opening its line or sentence, the name right after it ("Arrangör:
#: Socialdepartementet", "Organiser: …").
_LABEL = LazyPattern(
    r"(?:^|\x00)[\s*•#>-]*(?:arrangör|arrangörer|anordnare|organisatör|organisatörer|organiser|organizer|"
    r"organisers|organizers|arranged by|organised by|organized by)\s*:[\s\x00]*$"
)
#: A responsibility for this sakråd before a copula, opening its sentence, the name right after it
#: ("Ansvarig för sakrådet var Socialdepartementet", "Responsible for the meeting was …"); not a page's
#: department label ("Ansvarigt departement: …"), which names no meeting.
_RESPONSIBLE = LazyPattern(
    r"(?:^|\x00)[\s*•#>-]*(?:ansvarig|ansvarigt|huvudansvarig|huvudansvarigt|responsible) (?:för|for) "
    r"(?:sakrådet|samrådet|mötet|dialogmötet|the meeting|the consultation) (?:var|är|was|is)\s*$"
)
#: Nouns before "av"/"by" that take the name after it as their own ("på initiativ av X", "på uppdrag av X",
#: "på begäran av X", "med stöd av X"): the name took the initiative, asked or gave support; it is not the
#: agent of the passive of organising.
ON_BEHALF_NOUNS = frozenset(
    "initiativ uppdrag begäran inrådan anmodan uppmaning beställning förslag stöd bidrag hjälp inbjudan "
    "initiative request behalf support".split()
)
#: What may follow a labelled name to its line's or sentence's end: nothing, or a mark.
_LABEL_END = LazyPattern(r"[\s.;]*(?:\x00|$)")
#: A negated agent before the name and "utan av" / "but by" ("anordnades inte av Socialdepartementet(,)
#: utan av …"): the negation is the other agent's, this one organised the meeting.
_NOT_BUT = LazyPattern(r"(?<!\w)(?:inte|ej|icke|not) (?:av|by) [^.\x00]{1,80}? (?:utan|but) (?:av|by) $")

#: "av A utan av B" after a passive word negated right before it ("har inte anordnats av A utan av B").
_BUT_BY = LazyPattern(r"(?<!\w)(?:av|by) [^.\x00]{1,80}? (?:utan|but) (?:av|by) $")
_NEGATED_WORD = LazyPattern(r"(?<!\w)(?:inte|ej|icke|not) $")


def _labelled(text: str, lo: int, hi: int) -> bool:
    """Whether the name at ``lo``-``hi`` of the folded ``text`` is the whole value of an organiser's label
    (:data:`_LABEL`: "Arrangör: Socialdepartementet")."""
    label = _LABEL.search(text, max(0, lo - 40), lo) or _RESPONSIBLE.search(text, max(0, lo - 60), lo)
    return bool(label) and _LABEL_END.match(text, hi) is not None


def _agent_instead(text: str, flat: str, lo: int, hi: int, years: frozenset[str] | None) -> bool:
    """Whether the name at ``lo``-``hi`` is the agent a contrast gives instead of a negated one, of a
    passive word of organising whose subject is this sakråd: "Sakrådet anordnades inte av
    Socialdepartementet utan av Justitiedepartementet" names Justitiedepartementet (:data:`_NOT_BUT`)."""
    first = text.rfind("\x00", 0, lo) + 1
    contrast = _NOT_BUT.search(flat, max(first, lo - 200), lo) or _BUT_BY.search(flat, max(first, lo - 200), lo)
    if contrast is None:
        return False
    words = list(_WORDS.finditer(flat, first, contrast.start()))
    if not words or words[-1].group() not in _PASSIVE:
        return False
    last = words[-1]
    negated = contrast.start()
    if not contrast.group().startswith(("inte", "ej", "icke", "not")):
        # "Sakrådet har inte anordnats av A utan av B", "The meeting was not organised by A but by B"
        if (before := _NEGATED_WORD.search(flat, first, last.start())) is None:
            return False
        negated = before.start()
    stop = clause(text, lo, hi, PHRASE_MARKS)[1]
    if _NEGATION.search(flat, first, negated) or _NEGATION.search(flat, hi, stop):
        return False
    if years is not None and _other_time(flat, first, stop, years):
        return False
    inverted = [w for w in _WORD.findall(flat, last.end(), contrast.start()) if w not in _ADVERBS]
    if inverted:  # "I dag anordnas sakrådet inte av …"
        return len(inverted) <= 4 and _organises_this(inverted)
    return _meeting_before(flat, clause(text, last.start(), last.end(), PHRASE_MARKS)[0], min(negated, last.start()))


def organiser_named(body: Body, text: str, years: frozenset[str] | None = None, plans: bool = True) -> bool:
    """Whether the folded kept ``text`` (:func:`~sakrad_ld.stated.folded_text`) names ``body`` (its
    Swedish name) as the subject of a word of organising, in a clause of no other time or meeting
    (``years``: the meeting's years, any other year refuses; None: the time is not checked). With
    ``plans`` False an intention or a plan to organise ("avser Justitiedepartementet genomföra ett
    EU-sakråd", "Kulturdepartementet kommer att anordna", "Sakrådet ska anordnas av …": a plan's word
    of :data:`~sakrad_ld.clauses.GUARD_TABLE` in the clause) does not name it: it says who meant to hold
    the sakråd before it was held, not who held it."""
    flat = text.replace("\x00", " ")
    name = folded(body.name.sv)
    if not name:
        return False
    for lo, hi in find_words(name, flat):
        if hi < len(flat) and flat[hi] == "s":  # a genitive ("Kulturdepartementets sakråd") is not the subject
            continue
        if (
            _subject_of_word(text, flat, lo, hi, years)
            and (plans or not _planned(text, lo, hi))
            and not _unsaid(text, lo, hi)
        ):
            return True
    return False


def _unsaid(text: str, lo: int, hi: int) -> bool:
    """Whether the sentence of ``text[lo:hi]`` gives it only as hearsay, a belief, a question, a doubt, a
    denial or a condition (:func:`~sakrad_ld.clauses.guard_in`: "Vi tror att sakrådet anordnades av …",
    "…, enligt en deltagare", "Frågan är om …"): the text does not say who organised it."""
    start, end = _sentence_of(text, lo, hi)
    return guard_in(text, start, end, lo, hi, kinds=(HEARSAY, QUESTION, DOUBT, DENIAL, CONDITION)) is not None


def organiser_taken_back(body: Body, raw: str, years: frozenset[str] | None = None) -> TakenBack | None:
    """The sentence of the kept text ``raw`` that takes back ``body`` as the organiser
    (:func:`sakrad_ld.corrected.taken_back`: "Rättelse: Sakrådet anordnades av Kulturdepartementet, inte
    av Arbetsmarknadsdepartementet", "Sakrådet anordnades inte av …", "Arrangören har ändrats"), or None.
    A sentence about another meeting takes back nothing of this one."""
    from .corrected import read_text, taken_back
    from .stated import _another_meeting

    ft, flat = read_text(raw)
    name = folded(body.name.sv)

    def found(flat: str, lo: int, hi: int) -> list[tuple[int, int]]:
        return list(find_words(name, flat, lo, hi)) if lo < hi and name else []

    return taken_back("organiser", ft, flat, found, lambda lo, hi: _another_meeting(flat, lo, hi, years))


def _sentence_of(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The bounds of the sentence of ``text[lo:hi]`` in the folded ``text`` (its ``\x00`` marks)."""
    end = text.find("\x00", hi)
    return text.rfind("\x00", 0, lo) + 1, len(text) if end < 0 else end


def _planned(text: str, lo: int, hi: int) -> bool:
    """Whether a plan's word governs the name at ``lo``..``hi`` in its sentence of the folded ``text``."""
    start, end = _sentence_of(text, lo, hi)
    # the name's clause up to its word of organising after the name ("avser X genomföra", "X kommer att
    # anordna"), or up to the name where that word stands before it ("Sakrådet ska anordnas av X"): a
    # plan's word later in the clause is another's ("anordnade sakrådet, som skulle ge …")
    a, b = clause(text, lo, hi, PHRASE_MARKS)
    word = next((w for w in _WORD.finditer(text, hi, b) if w.group() in ORGANISING_WORDS), None)
    return guard_in(text, start, end, lo, hi, (PLAN,), spans=[(a, word.end() if word else hi)]) is not None


def check_organisers(corpus: Corpus) -> list[InputError]:
    """Every ``organiser`` credited to a kept text that does not name it organising the sakråd."""
    bodies = {b.id: b for b in corpus.bodies}
    files = {s.id: s.file for s in corpus.sources}
    errors: list[InputError] = []
    texts: dict[str, str] = {}
    for m in corpus.meetings:
        if not m.organiser or m.organiser not in bodies:
            continue
        source = m.source_of("organiser")
        if source not in corpus.copies:
            continue
        if source not in texts:
            texts[source] = folded_text(corpus.copies[source])
        years = meeting_time(
            [m.date, *(m.days or [])], next((s.published for s in corpus.sources if s.id == source), None)
        )
        if organiser_named(bodies[m.organiser], texts[source], years, plans=m.announced_only):
            if (back := organiser_taken_back(bodies[m.organiser], corpus.copies[source], years)) is not None:
                errors.append(
                    InputError(
                        m.where("organiser"),
                        f"organiser {quoted(m.organiser)} ({quoted(bodies[m.organiser].name.sv)}) is credited to "
                        f"{quoted(source)}, whose kept text ({quoted(str(files.get(source)))}) names it as "
                        f"organising the sakråd, but {back.said()}: an organiser the text takes back is not stated",
                        "the organiser the text gives as the right one (a contradiction is reported, not "
                        "resolved: the organiser left out, or credited to a document that states it without "
                        "taking it back)",
                        'docs/load-checks.md, "Corrections, changes and a second value"',
                    )
                )
            continue
        errors.append(
            InputError(
                m.where("organiser"),
                f"organiser {quoted(m.organiser)} ({quoted(bodies[m.organiser].name.sv)}) is credited to "
                f"{quoted(source)}, whose kept text ({quoted(str(files.get(source)))}) does not name it as "
                "organising the sakråd",
                "the body's name as the subject of a word of organising whose object is this sakråd, in one "
                "clause, with no negation ('Kulturdepartementet anordnade sakrådet', 'Sakrådet anordnas av "
                "Kulturdepartementet'); an intention or a plan ('avser Justitiedepartementet genomföra ett "
                "EU-sakråd', 'kommer att anordna') only for a meeting marked announced_only; not "
                "other meetings, times or work ('anordna fler sakråd', 'anordnade sakrådet i fjol', 'genomför en "
                "rad åtgärder'); a body that only "
                "invites ('bjuder … in') is a convener",
                "leave organiser out (a note may say the sources name none), or credit it to the document that "
                "states it (fact_sources)",
            )
        )
    return errors
