"""An organiser is one the kept text says organises the sakråd (a load-time check).

A meeting's ``organiser`` (published as ``schema:organizer``) is credited to a document: the one
``fact_sources`` names for ``organiser``, else the meeting's ``source``. Where that document's text is
kept (``file:`` in data/sources.yaml), the text must name the body as the subject of a word of
organising (:data:`ORGANISING_WORDS`: "anordnar", "arrangerar", "genomför", "står värd" …) in one
clause, else loading refuses the organiser with the file, line and field:

- the word after the name, at once or after only words of intending or time ("avser
  Justitiedepartementet genomföra ett EU-sakråd", "Kulturdepartementet anordnar", "Kulturdepartementet
  kommer att anordna"), the name not right after a preposition ("på", "hos", "från" …: "enhetschef på
  Landsbygdsdepartementet anordnade" makes the unit head the subject);
- or the word before the name: a passive's agent ("Sakrådet anordnas av Kulturdepartementet",
  "arrangerades av") or a Swedish verb with the clause opened by an adverbial (V2: "I dag anordnar
  Kulturdepartementet ett sakråd"), only adverbs between;
- the body may be one of a list of organisers ("Kulturdepartementet och Justitiedepartementet
  anordnar", "arrangerades av Regeringskansliet och Kulturdepartementet": items of at most
  :data:`LIST_ITEM_WORDS` words joined by "och", "samt" or commas, no preposition among them);
- and no negation in the clause ("inte", "ej", "aldrig", "not", "never").

An invitation in a body's name ("bjuder Regeringskansliet in") makes it the convener, not the
organiser; a page's publisher is not its organiser (stated.py warns). A source with no kept text is
not checked here: the note and warning of stated.py stay the only checks there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .errors import InputError
from .stated import find_words, folded, folded_text

if TYPE_CHECKING:
    from .records import Body, Corpus

__all__ = ["ORGANISING_WORDS", "check_organisers", "organiser_named"]

#: Words of organising a meeting (whole words, folded): present, past, infinitive and passive.
ORGANISING_WORDS = (
    "anordnar",
    "anordnade",
    "anordna",
    "anordnas",
    "anordnades",
    "anordnat",
    "arrangerar",
    "arrangerade",
    "arrangera",
    "arrangeras",
    "arrangerades",
    "arrangerat",
    "genomför",
    "genomförde",
    "genomföra",
    "genomförs",
    "genomfördes",
    "genomfört",
    "organiserar",
    "organiserade",
    "organisera",
    "organiseras",
    "organiserades",
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
)
_WORDS = re.compile(
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
_NEGATION = re.compile(r"(?<!\w)(?:inte|ej|aldrig|icke|not|never|ingen|inget)(?!\w)")
_CLAUSE_MARKS = ("\x00", ",", ";", "(", ")", " men ", " but ", " - ")
_WORD = re.compile(r"[\w'.-]+|,")
#: What joins the names of a list of organisers ("Kulturdepartementet och Justitiedepartementet anordnar").
_LIST = frozenset({",", "och", "samt", "and"})
#: How many words a name of such a list may have.
LIST_ITEM_WORDS = 4


def _listed(words: list[str], joined_first: bool) -> bool:
    """Whether ``words`` are other names of a list with the organiser's: items of at most
    :data:`LIST_ITEM_WORDS` words, joined by "och", "samt" or commas; a joining word first (the
    names after the organiser's) or last (the names before it)."""
    if not words or (words[0] if joined_first else words[-1]) not in _LIST:
        return False
    item = 0
    for w in words:
        item = 0 if w in _LIST else item + 1
        if item > LIST_ITEM_WORDS or w in _PREPOSITIONS:
            return False
    return True


#: How far (characters) a clause reaches on either side of the name.
CLAUSE_WINDOW = 200


def _clause(text: str, lo: int, hi: int) -> tuple[int, int]:
    start = max([text.rfind(m, max(0, lo - CLAUSE_WINDOW), lo) for m in _CLAUSE_MARKS] + [max(0, lo - CLAUSE_WINDOW)])
    stop = min(len(text), hi + CLAUSE_WINDOW)
    ends = [i for i in (text.find(m, hi, stop) for m in _CLAUSE_MARKS) if i >= 0]
    return start, min(ends, default=stop)


def _trailing(words: list[str]) -> int:
    """How many of ``words`` at the end are words of intending or time (:data:`_BETWEEN_AFTER`)."""
    n = 0
    for w in reversed(words):
        if w not in _BETWEEN_AFTER:
            break
        n += 1
    return n


def _subject_of_word(text: str, flat: str, lo: int, hi: int) -> bool:
    """Whether the name at ``lo``-``hi`` of the folded ``text`` is the subject of a word of organising."""
    start, stop = _clause(text, lo, hi)
    if _NEGATION.search(flat, start, stop):
        return False
    before = _WORD.findall(flat, start, lo)
    # the word after the name
    after = _WORDS.search(flat, hi, stop)
    if after is not None and (not before or before[-1] not in _PREPOSITIONS):
        between = _WORD.findall(flat, hi, after.start())
        names = between[: len(between) - _trailing(between)]  # other organisers listed with it
        if not names or _listed(names, True):
            return True
    # the word before the name: a passive's agent, or a verb after a fronted adverbial (V2)
    words = list(_WORDS.finditer(flat, start, lo))
    if not words:
        return False
    last = words[-1]
    gap = _WORD.findall(flat, last.end(), lo)
    if last.group() in _PASSIVE:
        agent = next((i for i, w in enumerate(gap) if w in ("av", "by")), None)
        if agent is None or not all(w in _ADVERBS for w in gap[:agent]):
            return False
        rest = gap[agent + 1 :]
        return not rest or _listed(rest, False)
    fronted = _WORD.findall(flat, start, last.start())
    return bool(fronted) and all(w in _ADVERBS for w in gap) and not last.group().endswith(("ed", "s"))


def organiser_named(body: Body, text: str) -> bool:
    """Whether the folded kept ``text`` (:func:`~sakrad_ld.stated.folded_text`) names ``body`` (its
    Swedish name) as the subject of a word of organising."""
    flat = text.replace("\x00", " ")
    name = folded(body.name.sv)
    if not name:
        return False
    for lo, hi in find_words(name, flat):
        if hi < len(flat) and flat[hi] == "s":  # a genitive ("Kulturdepartementets sakråd") is not the subject
            continue
        if _subject_of_word(text, flat, lo, hi):
            return True
    return False


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
        if organiser_named(bodies[m.organiser], texts[source]):
            continue
        errors.append(
            InputError(
                m.where("organiser"),
                f"organiser {m.organiser!r} ({bodies[m.organiser].name.sv!r}) is credited to {source!r}, whose "
                f"kept text ({files.get(source)}) does not name it as organising the sakråd",
                "the body's name as the subject of a word of organising in one clause, with no negation "
                "('avser Justitiedepartementet genomföra', 'Kulturdepartementet anordnar', 'anordnas av "
                "Kulturdepartementet'); a body that only invites ('bjuder … in') is a convener",
                "leave organiser out (a note may say the sources name none), or credit it to the document that "
                "states it (fact_sources)",
            )
        )
    return errors
