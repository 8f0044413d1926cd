"""The facts a regeringen.se page states about a sakråd, in the page's own words: the day, who invited
(and in which tense), how many were invited or took part, who chaired, opened or presented, the purpose,
place, discussion areas and the contact. Nothing is inferred here; :mod:`.page_draft` decides what a
missing year becomes. See ``docs/import.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import clauses
from ..counted import APPROXIMATE as _APPROX  # the words the load check of counts reads too
from ..counted import AT_LEAST as _AT_LEAST
from ..counted import AT_MOST as _AT_MOST
from ..counted import COMPARISONS, NEGATED, count_claim, numbers_in
from ..counted import MARKS as _MARKS
from ..dated import DATE_GUARD_KINDS
from ..stated import ABBREVIATION_WINDOW, flat_text, sentence_ends
from ..typedyaml import plain_text
from .documentation import MONTHS, number_value
from .regeringen import Page, rendered

__all__ = ["MINISTRY", "Agent", "PageFacts", "StatedNumber", "denied", "other_meeting", "read_facts"]

_WEEKDAY = r"(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?"
_DATE = re.compile(
    rf"\b(?:den|{_WEEKDAY}(?: den)?) (\d{{1,2}}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?\b", re.IGNORECASE
)
#: Two days of one month in one phrase ("den 4 och 5 mars 2026", "4–5 mars"): a meeting of two days, or two.
_TWO_DAYS = re.compile(r"\b(\d{1,2})(?: och |–|-)(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?\b", re.IGNORECASE)
#: One word of a person's name: "Anna", "Anna-Karin", "Lindqvist".
_NAME_WORD = r"[A-ZÅÄÖ][a-zåäöéèüáø]+(?:-[A-ZÅÄÖ][a-zåäöéèüáø]+)?"
#: The lower-case words inside a name ("Anna von Essen", "Carl af Trolle", "Rafael van der Vaart").
_PARTICLE = r"(?:von|af|van|de|der|du|da|di|la|le)"
#: A name: up to five words (a run of capitalised words is no one name, and a bounded name keeps every
#: search over a long run of them linear), whole words only: "Anna" is never read out of "Anna-Karin".
_NAME = rf"(?<![\w-]){_NAME_WORD}(?: (?:{_PARTICLE} ){{0,2}}{_NAME_WORD}){{0,4}}(?![\w-])"
#: A post as pages word it: "socialminister", "statssekreterare", "jämställdhets- och biträdande
#: arbetsmarknadsminister", "energi- och näringsminister", "enhetschef", "lantbruksråd".
_POST = (
    r"(?:(?:[A-ZÅÄÖa-zåäö]{1,40}-\s?och\s+)?(?:biträdande\s+)?[A-ZÅÄÖa-zåäö]{0,40}"
    r"(?:minister|statssekreterare|enhetschef|lantbruksråd|statsråd)|Statssekreterare|Enhetschef|Statsråd|Lantbruksråd)"
)
_BODY = r"(?:Regeringskansliet|[A-ZÅÄÖ][a-zåäö]+(?:-\s?och\s+[a-zåäö]+)?departementet)"
_FULLNAME = rf"(?<![\w-]){_NAME_WORD}(?: (?:{_PARTICLE} ){{0,2}}{_NAME_WORD}){{1,4}}(?![\w-])"
_PURPOSE = re.compile(
    r"Syftet\b(?: med (?:sakrådet|samrådet|mötet))?[^.;]*?\b(?:var|är|vara)\b|"
    r"\b(?:[Ss]akrådet|[Ss]amrådet|[Mm]ötet),? (?:som )?syft"
)
_INVITE = re.compile(r"\b(bjöd|bjuder)\b")
#: Words that say a meeting took place (past tense): who took part, what was said or done at it. "bjöd in"
#: alone, or "Samrådet syftade till …", says only that people were invited to it.
_HELD = re.compile(
    r"\b(?:deltog|deltagit|samlades|samlade|hölls|genomfördes|ägde rum|leddes|inledde|inleddes|"
    r"presenterade|presenterades|berättade|diskuterade|diskuterades|informerade|lyfte|lyftes|framförde|"
    r"framfördes|framkom|gavs|togs upp|behandlades|betonade|underströk|träffade|fått träffa)\b"
)
#: The kinds of the loader's guard words (clauses.GUARD_TABLE) that make a verb of the meeting say it did
#: not happen then: a negation, a doubt, a condition, a choice … (dated.DATE_GUARD_KINDS), another time, a
#: calling off or a move, and a plan ("skulle ha hållits", "kommer att hållas senare").
NOT_HAPPENED = DATE_GUARD_KINDS | {clauses.OTHER_TIME, clauses.CALLED_OFF, clauses.PLAN}
#: Words of moving a meeting to another day ("har flyttats", "har skjutits upp", "Ett nytt datum").
_MOVED = re.compile(
    r"(?<!\w)(?:flytta(?:s|ts|des|t)|(?:skjutits|sköts|skjuts|skjutas) upp|uppskjut\w*|nytt datum)(?!\w)"
)
#: A meeting other than the page's: last year's, an earlier one, a survey before it.
_OTHER_MEETING = re.compile(
    r"(?<!\w)(?:förra årets|fjolårets|föregående|tidigare|förra) (?:\w+ )?(?:sakråd|samråd|möte)\w*|"
    r"(?<!\w)(?:enkäten|enkät|undersökningen|webbinariet|konferensen)(?!\w)",
    re.IGNORECASE,
)
#: A meeting named by its ordinal ("det första sakrådet", "ett andra sakråd om EU"): another meeting where
#: the page's own meeting has another ordinal ("Den 5 mars hölls det andra sakrådet …").
_ORDINAL = re.compile(
    r"(?<!\w)(?P<article>(?:det|ett) )?(?P<ordinal>första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|"
    r"nionde|tionde) (?:\w+ )?(?:sakråd|samråd|möte)\w*",
    re.IGNORECASE,
)


def _own_ordinal(page: Page) -> str | None:
    """The ordinal the page's first paragraph gives its meeting ("det andra sakrådet"): "andra"."""
    for m in _ORDINAL.finditer(page.paragraphs[0] if page.paragraphs else ""):
        if m["article"]:
            return m["ordinal"].casefold()
    return None


def other_meeting(sentence: str, own: str | None) -> bool:
    """Whether ``sentence`` is about a meeting other than the page's: last year's, an earlier one, a
    survey before it, or one whose ordinal differs from the page's own meeting's ``own`` ordinal."""
    if _OTHER_MEETING.search(sentence):
        return True
    return own is not None and any(m["ordinal"].casefold() != own for m in _ORDINAL.finditer(sentence))


#: A phrase put in between commas ("inledde, enligt planen, inte mötet", "deltog, som väntat, inte"): a
#: few words that open no clause of their own (no subordinating word or conjunction first, but "som" of a
#: comparison with no verb: "som väntat", "som planerat").
_INSERTED = re.compile(
    r", (?:(?!(?:"
    + "|".join(re.escape(w) for w in sorted({*clauses.SUBORDINATE_WORDS, "och", "men", "samt", "eller", "utan"}))
    + r")(?!\w))[^,.;:]{1,40}|som (?:väntat|planerat|vanligt|brukligt|aviserat|utlovat|tidigare nämnts))(?!\w),"
)


#: A negation that belongs to a comparison ("deltog inte fler än 30"): it bounds the number, it denies
#: nothing (as counted.count_claim reads it).
_BOUND_NEGATION = re.compile(
    rf"(?<!\w)(?:{'|'.join(sorted(NEGATED))}) (?=(?:{'|'.join(sorted(COMPARISONS, key=len, reverse=True))}) )"
)


def _uninserted(flat: str) -> str:
    """``flat`` (a flat text) as its verbs are read for what denies them, the positions kept: the commas
    around each inserted phrase as spaces, and the "som" of "som väntat" (the phrase's verb and what
    governs it, "inte" after it, are one clause), and a negation of a comparison ("inte fler än 30") as
    spaces."""
    flat = _BOUND_NEGATION.sub(lambda m: " " * len(m.group()), flat)
    return _INSERTED.sub(lambda m: " " + re.sub(r"^ som ", "     ", m.group()[1:-1]) + " ", flat)


@lru_cache(maxsize=1024)  # a sentence's verb is read once, however often the sentence repeats it
def denied(sentence: str, word: str) -> str | None:
    """The words of ``sentence`` that make its ``word`` (a verb of the meeting: "hölls", "deltog",
    "inledde") not say it happened, read as loading reads them (clauses.py): a guard word of
    :data:`NOTHING_HAPPENED`'s kinds governing it, a calling off ("inställt"), a move ("har flyttats"),
    or another event as its object ("deltog i enkäten"); None where nothing does."""
    flat = _uninserted(flat_text(sentence))
    m = re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", flat)
    if m is None:
        return None
    if (off := clauses.called_off(flat, 0, len(flat))) is not None:
        return off
    if (moved := _MOVED.search(flat)) is not None:
        return moved.group()
    if (guard := clauses.guard_in(flat, 0, len(flat), m.start(), m.end(), kinds=NOT_HAPPENED)) is not None:
        return guard[0]
    return clauses.other_event(flat, m.end())


_TENS = r"(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)"
_UNIT = r"(?:två|tre|fyra|fem|sex|sju|åtta|nio)"
_TEEN = r"(?:tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton)"
#: A number as pages write one: digits, "ett 40-tal", a number word ("tjugofem"), "ett tjugotal", "hundratal",
#: after a word that rounds or bounds it (counted.MARKS: the words the load check reads).
_NUMBER = (
    r"(?<![\w-])(?:(?:[Tt]otalt |[Ss]ammanlagt |de )?(?:(?i:(?:inte|ej|icke) )?(?i:ett|"
    + "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(_MARKS, key=len, reverse=True))
    + r") )?)"
    rf"(?:\d+-tal|\d{{1,3}}(?:[ \u00a0]\d{{3}})+|\d+|(?:{_TENS}{_UNIT}?|{_TEEN}|{_UNIT}|hundra)(?:tal)?)(?![\w-])"
)
#: Whom a count counts: organisations, or people ("representanter", "personer", "deltagare", "företrädare"),
#: with the words that say from where ("från olika civilsamhällesorganisationer", "för olika departement
#: i Regeringskansliet"), up to the next count or clause.
_TAIL_STOP = (
    rf"(?:(?:samt|som|på|till|deltog|samlades|var|vid|under|med|ett|en)\b|och {_NUMBER}|"
    r"(?:(?:i|på|vid|under) )?(?:(?:ett|en|det) )?(?:EU-)?(?:[Ss]akråd|[Ss]amråd|[Mm]öte|[Ss]amtal|[Dd]ialog)\w*)"
)
_COUNT = re.compile(
    rf"(?P<words>{_NUMBER}) (?P<noun>(?:[\w-]+ och )?(?:[\w-]+ )?"
    r"(?P<head>[\w-]*organisationer|representanter|personer|deltagare|företrädare|ADV:er)\b"
    rf"(?P<tail> (?:från|för|i|inom) (?:(?!{_TAIL_STOP})[^\s,.;:()]+)(?: (?!{_TAIL_STOP})[^\s,.;:()]+){{0,5}})?)"
)
#: Representatives of the Government Offices ("representanter från Regeringskansliet", "för olika departement").
MINISTRY = re.compile(r"\b[A-ZÅÄÖ][a-zåäö]+(?:-\s?och\s+[a-zåäö]+)?departementet\b")
_GOVERNMENT = re.compile(r"\b(?:departement\w*|Regeringskansliet|[A-ZÅÄÖ][a-zåäö-]+departementet)\b")
_AGENCIES = re.compile(r"\bmyndighet(?:er|erna)?\b", re.IGNORECASE)
_REPRESENTATIVES = re.compile(
    r"(?<![\w-])(?:[Rr]epresentanter|[Ff]öreträdare) (?:från|för) (?:(?:olika|flera|berörda) )?"
    r"(?:departement(?:en)?(?: i Regeringskansliet)?|Regeringskansliet|[A-ZÅÄÖ][a-zåäö]+(?:-\s?och\s+[a-zåäö]+)?departementet)"
)


@dataclass(frozen=True)
class Agent:
    """A person or body as a page names them: 'statssekreterare Martin Andreasson', 'Regeringskansliet'."""

    words: str
    name: str | None = None  # a person's name
    post: str | None = None  # the post the page gives them
    body: str | None = None  # a body's name


@dataclass(frozen=True)
class StatedNumber:
    text: str
    value: int | None
    approximate: bool
    bound: str | None = None  # "at-least" or "at-most" (records.Count.bound), never with approximate
    #: whom a count of people counts where its words say from where: its noun and those words, as in
    #: ``text`` ("representanter för Regeringskansliet" of "ett tiotal representanter för Regeringskansliet")
    group: str | None = None


@dataclass
class PageFacts:
    """What the page states. Empty or ``None``: the page does not say."""

    day: tuple[int, int, int | None] | None = None  # (day, month, year or None)
    day_words: str = ""
    #: every "den 13 december [2023]" of the first two paragraphs, in order: (day, month, year or None, words)
    days: list[tuple[int, int, int | None, str]] = field(default_factory=list)
    #: the days of the later paragraphs, in the same form: never the meeting's, maybe another meeting's
    later_days: list[tuple[int, int, int | None, str]] = field(default_factory=list)
    #: the words of those that are no day of the calendar ("den 31 april", "den 29 februari 2025"): no date
    no_days: list[str] = field(default_factory=list)
    #: the ordinal the first paragraph gives the page's meeting ("det andra sakrådet": "andra"), if any
    ordinal: str | None = None
    #: "bjuder in", or "bjöd in" and no sentence that says the meeting was held: the page announces it
    announced: bool = False
    invites: str = ""  # the verb of the invitation: "bjuder" or "bjöd"
    held: str = ""  # the first words that say the meeting took place ("deltog", "Under sakrådet informerade")
    #: no sentence says the meeting was held, invites to it or calls it off: it is drafted as announced
    held_unsaid: bool = False
    #: the first sentence saying the meeting was not held, called off, postponed or moved ("hölls inte",
    #: "är inställt", "skulle ha hållits … har skjutits upp"), with the words that say so
    not_held: tuple[str, str] | None = None
    conveners: list[Agent] = field(default_factory=list)
    invited: StatedNumber | None = None
    invited_description: str | None = None
    organisations: StatedNumber | None = None
    participants: StatedNumber | None = None
    #: every count of who took part the page states, in order: (field, number); the first of each field is
    #: ``organisations`` or ``participants``, a further one is the same count again or another count
    counts: list[tuple[str, StatedNumber]] = field(default_factory=list)
    #: representatives of the Government Offices as the page words them ("ett tjugotal representanter för
    #: olika departement i Regeringskansliet", "representanter från Regeringskansliet")
    government: list[str] = field(default_factory=list)
    #: those of them the page counts, with their group: a further group's count where the page counts
    #: another group of people apart ("… samt ett tiotal representanter för Regeringskansliet")
    government_counts: list[StatedNumber] = field(default_factory=list)
    agency_counts: list[str] = field(default_factory=list)  # "ett tiotal representanter för myndigheter"
    chair: Agent | None = None
    chair_words: str = ""
    speakers: list[tuple[Agent, str]] = field(default_factory=list)  # opened, presented: with the sentence
    #: a full name that opened, presented or told with no post the page gives it ("Jakob Forssmed berättade",
    #: "Famna Malmö presenterade"): a government participant only where data/ records a post or body for them
    unposted: list[tuple[Agent, str]] = field(default_factory=list)
    purpose: list[str] = field(default_factory=list)
    place: str | None = None
    discussion_areas: list[str] = field(default_factory=list)
    discussion_words: list[str] = field(default_factory=list)  # the sentences or headings that state them
    #: the sentences that say what was or is to be presented or informed about ("På mötet presenterades
    #: … en lägesrapport", "Vid mötet gavs information om A"): presentations, never discussion areas
    presented: list[str] = field(default_factory=list)
    contact: str | None = None
    agencies: list[str] = field(default_factory=list)
    named_people: dict[str, str] = field(default_factory=dict)  # surname → full name, for "minister Busch"
    #: sentences that state a fact the importer does not draft, with what it is about ("chair", "place",
    #: "contact", "speaker", "agencies", "another meeting"): each becomes a CHECK
    unread: list[tuple[str, str]] = field(default_factory=list)
    #: counts whose sentence says they count another thing than who took part, as loading reads it
    #: (counted.count_claim): (the count's words, the field, the loader's reason)
    refused_counts: list[tuple[str, str, str]] = field(default_factory=list)


#: A stop and the space after it, before a capital, a digit or a dash: where a sentence may end.
_STOP = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9–-])")


def sentences(text: str) -> list[str]:
    """``text``'s sentences, ended where loading ends them (stated.sentence_ends: not after "bl.a.", "kl.",
    an initial, or "5." before its month; "… i Umeå. 25 organisationer deltog." is two)."""
    found, start = [], 0
    for stop in _STOP.finditer(text):
        words = text[max(0, stop.start() - ABBREVIATION_WINDOW) : stop.start()].split()
        following = re.match(r"\w(?:\.|\w*)", text[stop.end() :])
        if not words or not sentence_ends(
            words[-1], following.group() if following else "", words[-2] if len(words) > 1 else ""
        ):
            continue
        found.append(text[start : stop.start()])
        start = stop.end()
    found.append(text[start:])
    return [s.strip() for s in found if s.strip()]


def _number(words: str) -> StatedNumber:
    readings = numbers_in(words)  # as loading reads a count's words: "1 200" is 1200
    digits = re.search(r"\d+", words)
    core = words.split()[-1].casefold()
    value = number_value(digits.group()) if digits else number_value(core)  # None past typedyaml.MAX_DIGITS
    if readings and digits:
        value = readings[0].value
    if value is None and core.endswith("tal"):
        value = 100 if core == "hundratal" else number_value(core[:-3])
    bound = "at-least" if _AT_LEAST.search(words) else "at-most" if _AT_MOST.search(words) else None
    if readings and readings[0].kind in ("at-least", "at-most"):  # "inte färre än 60": at least 60
        bound = readings[0].kind
    return StatedNumber(words, value, bound is None and bool(_APPROX.search(words)), bound)


def _took_part(s: str, facts: PageFacts) -> None:
    """The counts of a sentence saying who took part: organisations, people, and representatives of the
    Government Offices (their words are kept, and their count with its group) or of agencies, which no
    count of the data model counts (their words are kept). A count of people whose words say from where
    has its group: its noun and those words."""
    counted = []
    flat = flat_text(s)
    for count in _COUNT.finditer(s):
        counted.append(count.span())
        field = "organisation_count" if count["head"].endswith("organisationer") else "participant_count"
        words = flat_text(count.group(0))
        at = flat.find(words)
        claim = count_claim(field, count.group(0), flat, at, at + len(words), 0, len(flat)) if at >= 0 else ""
        if claim:  # "60 personer anmälda", "har plats för 40 deltagare": read as loading reads a kept text
            facts.refused_counts.append((count.group(0), field, claim))
            continue
        number = _number(count["words"])
        tail = count["tail"] or ""
        inner = _COUNT.search(tail)  # "Ett 40-tal deltagare från 25 organisationer": the organisations' count too
        if inner and inner["head"].endswith("organisationer") and not count["head"].endswith("organisationer"):
            counted_inner = _number(inner["words"])
            organisations = StatedNumber(
                inner.group(0), counted_inner.value, counted_inner.approximate, counted_inner.bound
            )
            facts.counts.append(("organisation_count", organisations))
            facts.organisations = facts.organisations or organisations
        group = count["noun"] if tail and not count["head"].endswith("organisationer") else None  # with the tail
        number = StatedNumber(count.group(0), number.value, number.approximate, number.bound, group)
        if count["head"].endswith("organisationer"):
            kind = "organisation_count"
        elif _GOVERNMENT.search(tail):
            facts.government.append(count.group(0))
            facts.government_counts.append(number)
            continue
        elif _AGENCIES.search(tail) and not re.search(r"organisation|samhälle", tail):
            facts.agency_counts.append(count.group(0))
            continue
        else:
            kind = "participant_count"
        facts.counts.append((kind, number))
        if kind == "organisation_count" and facts.organisations is None:
            facts.organisations = number
        elif kind == "participant_count" and facts.participants is None:
            facts.participants = number
    for m in _REPRESENTATIVES.finditer(s):  # without a count: "representanter från Regeringskansliet"
        if any(a <= m.start() < b for a, b in counted):
            continue
        if re.search(r"(?i)(?:\b(?:inga|ingen|inget|inte några|inte heller några|varken)\s+)$", s[: m.start()]):
            facts.unread.append(("representatives", s))  # "inga representanter från Regeringskansliet deltog"
            continue
        facts.government.append(m.group(0))


def agents(words: str, page: Page) -> list[Agent]:
    """The people and bodies in 'X och Y' ('… minister A och statssekreterare B'); a bare name after a
    named post shares it ('statssekreterare A och B')."""
    parts = re.split(r"(?<!-) och (?=[A-ZÅÄÖa-zåäö])", words.strip())
    found: list[Agent] = []
    for part in parts:
        part = part.strip(" ,")
        if re.fullmatch(_BODY, part):
            found.append(Agent(part, body=part))
            continue
        m = re.fullmatch(rf"(?P<post>{_POST})?\s*(?P<name>{_NAME})", part)
        if not m:
            continue
        post = m["post"] or (found[-1].post if found and found[-1].name else None)
        name = m["name"]
        if " " not in name:
            name = _full_name(name, page) or name
        found.append(Agent(part, name=name, post=post.lower() if post else None))
    return found


def _posted(name: str, page: Page) -> str | None:
    """The post the page gives ``name`` anywhere ("Socialminister Jakob Forssmed", "Jakob Forssmed,
    socialminister,"), if any."""
    m = re.search(rf"\b(?P<post>{_POST}) {re.escape(name)}\b", page.text) or re.search(
        rf"\b{re.escape(name)}, (?P<post>{_POST})\b", page.text
    )
    return m["post"] if m else None


def _full_name(surname: str, page: Page) -> str | None:
    m = re.search(rf"\b([A-ZÅÄÖ][a-zåäöé]+ {re.escape(surname)})\b", page.text)
    return m.group(1) if m else None


#: The words of another time that say when a meeting was held in place of the day planned ("det hölls i
#: stället den 12 mars"): the verb still says it was held (the date is read as loading reads it, dated.py).
_INSTEAD = re.compile(r"(?:i stället|istället) den \d")


#: How much of a text a CHECK quotes (a comment may hold a page's worth).
QUOTED = 200


def _quoted(words: str) -> str:
    return words if len(words) <= QUOTED else f"{words[:QUOTED]}… ({len(words):,} characters)"


def is_day(day: int, month: int, year: int | None) -> bool:
    """Whether ``day`` ``month`` (of ``year``, or of some year where it is not given: 29 February is of
    leap years) is a day of the calendar; "31 april" is of none."""
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: it has every day some year has
    except ValueError:
        return False
    return True


def read_facts(page: Page, other: frozenset[str] = frozenset()) -> PageFacts:
    """What ``page`` states, leaving out its ``other`` sentences (those about another meeting it dates)."""
    facts = PageFacts(ordinal=_own_ordinal(page))
    facts.unread += [("hidden", _quoted(words)) for words in page.hidden]  # no fact: each named in a CHECK
    lead = page.paragraphs[:2]
    for paragraph in lead:
        for m in _DATE.finditer(paragraph):
            day, month, year = int(m[1]), MONTHS.index(m[2].lower()) + 1, int(m[3]) if m[3] else None
            if is_day(day, month, year):
                facts.days.append((day, month, year, m.group(0)))
            elif m.group(0) not in facts.no_days:
                facts.no_days.append(m.group(0))
        for m in _TWO_DAYS.finditer(paragraph):
            facts.no_days.append(m.group(0))  # no one day: the draft names it in a CHECK
    for paragraph in page.paragraphs[2:]:  # a day of a later paragraph is never this meeting's, maybe another's
        for m in _DATE.finditer(paragraph):
            day, month, year = int(m[1]), MONTHS.index(m[2].lower()) + 1, int(m[3]) if m[3] else None
            if is_day(day, month, year):
                facts.later_days.append((day, month, year, m.group(0)))
    if facts.days:
        facts.day, facts.day_words = facts.days[0][:3], facts.days[0][3]
    for n, paragraph in enumerate(page.paragraphs):
        for sentence in sentences(paragraph):
            if sentence not in other:
                _sentence(sentence, facts, page, lead=n < 2)
    # read as loading reads them: a negated, planned, called-off holding holds nothing
    for paragraph in page.paragraphs:
        for sentence in sentences(paragraph):
            if other_meeting(sentence, facts.ordinal) or sentence in other:
                continue  # "deltog i förra årets sakråd", "i det första sakrådet" on the second's page
            if (off := clauses.called_off(flat_text(sentence), 0, len(flat_text(sentence)))) or (
                off := _MOVED.search(sentence)
            ):
                facts.not_held = facts.not_held or (sentence, off if isinstance(off, str) else off.group())
            for held in _HELD.finditer(sentence):
                why = denied(sentence, held.group(0))
                if why is None or _INSTEAD.match(why):  # "hölls i stället den 12 mars": held, that day
                    facts.held = facts.held or held.group(0)
                elif facts.not_held is None:
                    facts.not_held = (sentence, why)
    if facts.invites == "bjöd" and not facts.held:  # invited, in the past; that it was held is not said
        facts.announced = True
    if facts.not_held is not None and not facts.held:  # called off, not held, moved: never drafted as held
        facts.announced = True
    if not facts.held and not facts.announced:  # "Sakrådet … har plats för 40 deltagare": held is not said
        facts.announced = facts.held_unsaid = True
    found = discussion_areas(page)
    if nested := [words for area, words in found if area == NESTED]:
        facts.unread.append(
            ("nested", f"{len(nested)} item(s) of its areas indented under another, such as '{nested[0]}'")
        )
    for area, words in found:
        if area == NESTED:
            continue
        if area == PRESENTED:
            if words not in facts.presented:
                facts.presented.append(words)
            continue
        if not area:
            facts.unread.append(("areas", words))
            continue
        if all(area.casefold() != a.casefold() for a in facts.discussion_areas):
            facts.discussion_areas.append(area)
        if words not in facts.discussion_words:
            facts.discussion_words.append(words)
    return facts


# --- discussion areas: every way the pages state them ------------------------------------------------------
#: A lead-in ("… följande …:", a heading) that names what the sakråd discusses or its agenda.
_AREA_LEAD = re.compile(
    r"diskuter|diskussionsområd|diskussionsfrågor|dagordning|agenda|\bteman\b|\bprogram(?:met)?\b|"
    r"behandlas|tas upp|presenteras",
    re.IGNORECASE,
)
_MEETING = r"(?:EU-)?(?:[Ss]akrådet|[Ss]amrådet|[Mm]ötet)"
_AT = rf"\b(?:[Vv]id|[Uu]nder|[Pp]å) {_MEETING}"
#: Sentences stating areas in prose: "Vid mötet kommer A, B och C att presenteras", "Under sakrådet
#: diskuterades A", "Vid mötet gavs information om A och om B", "Vi kommer också att diskutera A",
#: "Diskussionsområdena är A och B", and a list after a colon ("… följande sakområden … diskuteras: A, B").
_AREA_SENTENCES = (
    re.compile(rf"{_AT} kommer (?P<list>.+?) att (?:\w+ )?(?:diskuteras|presenteras|behandlas|tas upp)\b"),
    re.compile(rf"{_AT} (?:diskuterades|diskuteras|behandlades|behandlas|presenterades|togs upp) (?P<list>[^.]+)"),
    re.compile(rf"{_AT} (?:gavs|ges|kommer att ges) information om (?P<list>[^.]+)"),
    re.compile(
        rf"\b(?:[Vv]i|{_MEETING}) kommer (?:också |även |bland annat )?att (?:diskutera|behandla|ta upp) (?P<list>[^.]+)"
    ),
    re.compile(r"\b[Dd]iskussionsområden(?:a)? (?:är|var|blir) (?P<list>[^.]+)"),
    re.compile(r"^(?P<lead>(?:[^:]|:(?=\S))+):\s+(?P<list>(?:[^:]|:(?=\S))+?)\.?$"),
)
#: Words a clause starts with: "diskuterades hur …", "att …" state no area; "följande …" is a lead-in.
_CLAUSE = re.compile(r"^(?:att|hur|om|vad|vilka|vilken|varför|huruvida|när|det att|följande)\b", re.IGNORECASE)
_ITEM = re.compile(r"^(?:[-*•]|\d{1,2}[.)])\s+(?P<item>.+)$")
#: The verb of a sentence stating areas, read for a negation as loading reads one (:func:`denied`).
_AREA_VERB = re.compile(r"\b(?:diskuter\w*|behandla\w*|presenter\w*|tas upp|togs upp|ta upp|gavs|ges)\b")
_NEGATED = re.compile(r"(?i)(?:inte|ej|icke|aldrig)\b")
#: A clause of reason, time or contrast after a list ("…, eftersom tiden inte räckte"): the list ends there.
_REASON = re.compile(
    r",?\s+(?:"
    + "|".join(
        w
        for w in clauses.SUBORDINATE_WORDS
        if w
        in ("eftersom", "vilket", "då", "trots att", "även om", "innan", "därför att", "så att", "för att", "sedan")
    )
    + r"|men)\s"
)
_HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.+?)\s*#*$")


def _split_list(words: str) -> list[str]:
    """The areas of a listing in prose: 'A, B och C' → A, B, C ('urfolks- och nationella' is one); 'om A
    och om B' → A, B. Without a comma 'A och B' is kept as one area: the page does not say it is two; nor
    does 'A inom fem områden: B, C' (the colon lists the parts of one item)."""
    words = re.sub(r"^(?:(?:också|även|dessutom|bland annat)\s+)+", "", words.strip()).rstrip(".;:").strip()
    if re.search(r":\s", words):  # 'en lägesrapport … inom strategins fem områden: A, B': one item and its parts
        return [words]
    if re.search(r"\s+och om\s+", words):  # 'A och om B': two things told about
        return [w.strip() for w in re.split(r",?\s+och om\s+|,\s*om\s+", words) if w.strip()]
    if "," not in words:
        return [words] if words else []
    parts = [p.strip() for p in words.split(",")]
    last = parts.pop()
    joins = list(re.finditer(r"(?<!-)\s+(?:och|samt)\s+", last))
    if last.startswith(("och ", "samt ")):
        parts.append(last.split(" ", 1)[1])
    elif joins:
        parts += [last[: joins[-1].start()], last[joins[-1].end() :]]
    else:
        parts.append(last)
    return [p.strip() for p in parts if p.strip()]


def _clean(item: str) -> str:
    bold = re.match(r"^\*\*(?P<b>[^*]+)\*\*", item)
    if bold:
        item = bold["b"]
    else:
        item = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", item)[0]
    return item.strip().strip("*_").strip().rstrip(".;:,").strip()


#: What :func:`discussion_areas` gives for an item indented under another: (NESTED, the item's words).
NESTED = "\x00nested"
#: What :func:`discussion_areas` gives for a sentence that says what was or is to be presented or informed
#: about, and not that it was discussed: (PRESENTED, the sentence).
PRESENTED = "\x00presented"
#: The verb of a sentence stating areas that only presents or informs ("presenterades", "gavs information
#: om"); one of discussing joined to it ("presenteras och diskuteras") makes its items areas.
_PRESENTING = re.compile(r"\b(?:presenter\w*|(?:gavs|ges|kommer att ges) information)\b")
_DISCUSSING = re.compile(r"\b(?:diskuter\w*|behandla\w*|tas upp|togs upp|ta upp)\b")


def _only_presented(sentence: str, m: re.Match[str]) -> bool:
    """Whether the words of ``m`` (a sentence's statement of areas) present or inform about them and do
    not say they were or are to be discussed, also where a verb of discussing is joined on ("att
    presenteras och diskuteras")."""
    before, after = sentence[m.start() : m.start("list")], sentence[m.end("list") : m.end()]
    joined = r"(?:\s*(?:och|samt)\s+\w+)*"  # "presenterades och diskuterades A", "att presenteras och diskuteras"
    said = before + re.match(joined, m["list"]).group(0) + after + re.match(joined, sentence[m.end() :]).group(0)
    return bool(_PRESENTING.search(said)) and not _DISCUSSING.search(said)


_NESTED = re.compile(r"^[ \t]+(?:[-*•]|\d{1,2}[.)])[ \t]+\S")


def nested_items(page: Page) -> frozenset[str]:
    """The items of the page's lists indented under another item (as its lines are kept, stripped)."""
    shown = plain_text(rendered(page.markdown)[0]) if page.markdown else ""
    return frozenset(" ".join(line.split()) for line in shown.splitlines() if _NESTED.match(line))


def discussion_areas(page: Page) -> list[tuple[str, str]]:
    """Every discussion area or agenda item the page states, in its order, with the words that state it
    (the sentence, or the heading or lead-in of a list): prose ('Vid mötet kommer A, B och C att
    presenteras'), a list or numbered items after a lead-in naming the discussion ('… diskuteras:'), or the
    items and sub-headings under a heading such as 'Diskussionsområden' or 'Dagordning'. Points the
    participants raised ('En fråga som lyftes var …') are views, not areas, and are not taken."""
    found: list[tuple[str, str]] = []
    nested = nested_items(page)  # parts of the item above them, no areas of their own
    section: tuple[int, str] | None = None  # (level, heading) of a heading that names the areas
    lead: str | None = None  # a lead-in ending in ':' whose list may follow
    for block in page.blocks or tuple((p,) for p in page.paragraphs):
        prose: list[str] = []
        for line in block:
            heading = _HEADING.match(line)
            item = _ITEM.match(line)
            if heading:
                level, text = len(heading["level"]), heading["text"].strip("*_ ")
                if section and level > section[0]:
                    found.append((_clean(text), section[1]))
                    continue
                section = (level, line) if _AREA_LEAD.search(text) else None
                lead = None
            elif item and (lead or section):
                area = _clean(item["item"])
                found.append((NESTED if line in nested else area, area if line in nested else lead or section[1]))  # type: ignore[index]
            else:
                lead = None
                prose.append(line)
                if line.endswith(":") and _AREA_LEAD.search(line):
                    lead = line
        for sentence in sentences(" ".join(prose)):
            for pattern in _AREA_SENTENCES:
                m = pattern.search(sentence)
                if not m or _CLAUSE.match(m["list"]) or _ITEM.match(m["list"]):
                    continue
                if "lead" in m.groupdict() and not _AREA_LEAD.search(m["lead"]):
                    continue
                verb = _AREA_VERB.search(m.group(0))
                if verb is not None and denied(sentence, verb.group(0)) is not None or _NEGATED.match(m["list"]):
                    found.append(("", sentence))  # "diskuterades inte frågan om …": no area of it
                    break
                if "lead" not in m.groupdict() and _only_presented(sentence, m):
                    found.append((PRESENTED, sentence))  # "presenterades … en lägesrapport": a presentation
                    break
                words = _REASON.split(m["list"], maxsplit=1)[0]  # "…, eftersom tiden inte räckte": no area
                words = re.sub(
                    r"^(?:och|samt) (?:diskuter|behandla|presenter)\w* ", "", words
                )  # "… och diskuterades A"
                found += [(area, sentence) for area in _split_list(words) if not _CLAUSE.match(area)]
                break
    return found


def _sentence(s: str, facts: PageFacts, page: Page, lead: bool) -> None:
    invite = _INVITE.search(s)
    if invite and not facts.conveners and lead and re.search(r"sakråd|samråd", s, re.IGNORECASE):
        facts.invites = invite.group(1)
        facts.announced = invite.group(1) == "bjuder"
        after = re.search(r"\b(?:bjöd|bjuder) (?P<who>.+?) in\b(?P<rest>.*)", s)
        before = re.search(rf"(?P<who>(?:{_POST} {_NAME}|{_BODY}))\s+(?:bjöd|bjuder) in\b(?P<rest>.*)", s)
        m = after if after and re.search(rf"{_NAME}|{_BODY}", after["who"]) else before
        if m:
            facts.conveners = agents(m["who"], page)
            rest = m["rest"].strip()
            invited = re.match(r"(?P<what>.+?) till (?:ett |en )?(?:så kallat )?(?:EU-)?(?:sakråd|samråd)", rest)
            if invited:
                count = _COUNT.match(invited["what"])
                if count:
                    facts.invited = _number(count["words"])
                    facts.invited = StatedNumber(
                        count.group(0), facts.invited.value, facts.invited.approximate, facts.invited.bound
                    )
                elif invited["what"] and not invited["what"].startswith("till"):
                    facts.invited_description = invited["what"]
    elif (
        not invite
        and (took := re.search(r"\b(deltog|samlades|samlade|deltagare|deltagarna)\b", s))
        and denied(s, took.group(1)) is None
        and not other_meeting(s, facts.ordinal)
    ):
        refused = len(facts.refused_counts)
        _took_part(s, facts)
        read = [m.span() for m in _COUNT.finditer(s)]
        for words, _, _ in facts.refused_counts[refused:]:  # a CHECK quotes these counts already
            at = s.find(words)
            read.append((at, at + len(words)) if at >= 0 else (0, len(s)))
    else:
        read = []
    passive = re.search(rf"(?P<words>{_NUMBER}) (?:[\w-]+ )?organisationer (?:hade |har )?(?:bjudits|bjöds) in\b", s)
    if passive:
        read.append(passive.span())
    if not invite and _COUNTING.search(s) and not other_meeting(s, facts.ordinal):
        read += [m.span() for m in (*_DATE.finditer(s), *_TWO_DAYS.finditer(s))]
        unread = [
            n
            for n in re.finditer(_NUMBER, s)
            if not re.fullmatch(r"\d{4}", n.group()) and not any(a <= n.start() < b for a, b in read)
        ]
        if unread:  # "varav 12 deltog", "Totalt var 40 personer anmälda": a count the draft has no place for
            facts.unread.append(("number", s))
    if passive and facts.invited is None and denied(s, passive.group(0).split()[-2]) is None:
        number = _number(passive["words"])  # "Ett 40-tal organisationer hade bjudits in": those invited
        words = passive.group(0)[: passive.group(0).index("organisationer") + len("organisationer")]
        facts.invited = StatedNumber(words, number.value, number.approximate, number.bound)
    if other_meeting(s, facts.ordinal):  # "Förra årets sakråd leddes av …": none of it is this meeting's
        if _OF_A_MEETING.search(s):
            facts.unread.append(("another meeting", s))
        return
    _chair(s, facts)
    _speakers(s, facts, page)
    met = re.search(r"\bträffade (?P<who>.+?) (?:flera|företrädare|representanter|civilsamhället)\b", s)
    if met and lead:
        for agent in agents(met["who"], page):
            (facts.speakers if agent.post or agent.body else facts.unposted).append((agent, s))
    agencies = re.search(r"samt representanter från (?P<list>[^.]+)\.", s)
    if agencies and _INVITED.search(s):  # "Inbjudna var även … samt representanter från X": invited, not present
        facts.unread.append(("agencies", s))
    elif agencies and not facts.agencies:
        facts.agencies = [a.strip() for a in re.split(r",\s*|(?<!-)\s+och\s+", agencies["list"]) if a.strip()]
    elif _FROM_BODIES.search(s) and not _GOVERNMENT_FROM.search(s) and ("named", s) not in facts.unread:
        facts.unread.append(("named", s))  # "Även representanter från Naturvårdsverket … deltog"
    if _NAMED_AMONG.search(s) and _COUNTING.search(s) and ("named", s) not in facts.unread:
        facts.unread.append(("named", s))  # "… deltog, däribland Naturskyddsföreningen och LRF"
    if _PURPOSE.search(s) and not re.search(r"\bsäger\b", s) and len(facts.purpose) < 2:
        facts.purpose.append(s)
    _place(s, facts)
    contact = re.search(r"^Anmälan\b.* till (?P<name>.+?)\.$", s)
    if contact and facts.contact is None:
        if re.fullmatch(_FULLNAME, contact["name"]) and not re.search(_BODY, contact["name"]):
            facts.contact = contact["name"]
        else:  # "till Kulturdepartementet", "till Registrator": a body or a role, no person
            facts.unread.append(("contact", s))


#: Bodies named as those whose people came ("representanter från Naturvårdsverket"), and those of the
#: Government Offices among them, which :func:`_took_part` reads.
_FROM_BODIES = re.compile(r"(?i:representanter|företrädare) (?:från|för) [A-ZÅÄÖ]")
_GOVERNMENT_FROM = re.compile(r"(?i:representanter|företrädare) (?:från|för) (?:Regeringskansliet|\w+departementet)")
#: Names given as some of those who came ("deltog, däribland A och B", "bland annat A"): not drafted.
_NAMED_AMONG = re.compile(
    r"\b(?:däribland|bland annat|bland dem|bland andra|bl\. ?a\.|till exempel|t\. ?ex\.|såsom|bland"
    r" dessa|exempelvis)\s+[A-ZÅÄÖ]"
)
#: Words of a sentence that counts who came, registered or was invited.
_COUNTING = re.compile(
    r"(?i)\b(?:deltog|deltagit|deltar|deltagande|deltagarna|medverkade|medverkande|närvarade|närvarande|kom|"
    r"anmälda|anmälde|anmält|inbjudna|deltagare|samlades)\b"
)
#: Words that a sentence tells of a meeting's chair, speakers, purpose, place or attendance with.
_OF_A_MEETING = re.compile(
    r"\b(?:leddes|ledde|inledde|inleddes|presenterade|berättade|[Ss]yftet|syftade|hölls i|deltog|representanter)\b"
)
#: Words of an invitation ("Inbjudna var även …", "bjöds in"): those invited, not those who came.
_INVITED = re.compile(r"(?i)\binbjudn\w*|\bbjöds\b|\bbjudits\b")
#: Words before a post that say it is no longer held ("tidigare kulturminister", "f.d. statssekreterare").
_FORMER = re.compile(r"(?i)(?:tidigare|förre|förra|f\.d\.|före detta|dåvarande|avgående) $")
#: A post's body other than the Government Offices after the name ("enhetschef Anna Berg på Svenska kyrkan").
_AT_BODY = re.compile(r"^,? (?:på|vid|från|i|hos) (?!Regeringskansliet\b|\w+departementet\b)[A-ZÅÄÖ]")


def _chair(s: str, facts: PageFacts) -> None:
    """Who chaired, as ``s`` says it: a post and a name. A sentence that says someone chaired in words the
    importer cannot read to a whole name, or gives a former post or another body's post, is kept for a CHECK."""
    chair = (
        re.search(rf"leddes (?:därefter )?av (?P<post>{_POST}) (?P<name>{_NAME})(?P<and> och (?:{_POST} )?{_NAME})?", s)
        or re.search(rf"(?P<post>{_POST}) (?P<name>{_NAME}) som höll i mötet", s)
        or re.search(rf"(?P<name>{_NAME}), (?P<post>{_POST})[^,]*, ledde\b", s)
    )
    if facts.chair is not None:
        return
    if chair is None:
        if re.search(r"\bleddes(?: \w+)? av\b|\bhöll i mötet\b|\bledde (?:mötet|sakrådet)\b", s):
            facts.unread.append(("chair", s))  # "leddes inledningsvis av …", "Ordförande var …": a CHECK
        return
    if chair.groupdict().get("and"):  # "leddes av A och B": two chairing it are no one chair
        facts.unread.append(("chairs", s))
        return
    if _FORMER.search(s[: chair.start("post")]) or _AT_BODY.search(s[chair.end("name") :]):
        facts.unread.append(("chair", s))
        return
    if denied(s, re.search(r"leddes|höll|ledde", chair.group(0)).group(0)):
        return
    facts.chair = Agent(chair.group(0), name=chair["name"], post=chair["post"].lower())
    facts.chair_words = s


_SPEAKERS = (
    re.compile(rf"(?P<name>{_NAME}), (?P<post>{_POST})[^,]*, (?:inledde|presenterade)\b"),
    re.compile(rf"(?P<post>{_POST}) (?P<name>{_NAME}) (?:inledde|presenterade|berättade)\b"),
    re.compile(rf"inleddes av (?P<name>{_NAME}), (?P<post>{_POST})"),
    re.compile(rf"(?:berättade|presenterade|deltog|medverkade) (?P<post>{_POST}) (?P<name>{_NAME})"),
    re.compile(rf"(?P<post>{_POST}) (?P<name>{_NAME}) (?:deltog|medverkade)\b"),
    re.compile(rf"(?P<name>{_FULLNAME}) (?:inledde|presenterade|berättade)\b"),
)


#: The words of replacing another ("A presenterade i stället för B"): they govern B, not the speaker before.
_REPLACING = re.compile(r"(?i)i stället för|istället för|snarare än")


#: A post and a name planned to open or present, with no word that they did ("skulle ha inlett").
_PLANNED_SPEAKER = re.compile(
    rf"(?P<post>{_POST}) (?P<name>{_NAME}),? (?:skulle|skall|ska|kommer att|var tänkt att|hade tänkt)(?: ha)? "
    r"(?:inlett|inleda|presenterat|presentera|berättat|berätta|medverkat|medverka|deltagit|delta)\b"
)


def _speakers(s: str, facts: PageFacts, page: Page) -> None:
    """Everyone ``s`` says opened, presented or told, in its order ("A inledde mötet och B presenterade …"):
    with the post the page gives them; a former post ("Tidigare kulturminister A") or a post of another
    body ("Elevorganisationens ordförande A") is no government post, kept for a CHECK."""
    if _PLANNED_SPEAKER.search(s):  # "Minister A skulle ha inlett mötet men fick förhinder": a plan, a CHECK
        facts.unread.append(("not a speaker", s))
    found: list[re.Match[str]] = []
    for pattern in _SPEAKERS:
        for m in pattern.finditer(s):
            if all(m.end() <= f.start() or m.start() >= f.end() for f in found):
                found.append(m)
    for speaker in sorted(found, key=lambda m: m.start()):
        verb = re.search(r"inledde|inleddes|presenterade|berättade|deltog|medverkade", speaker.group(0))
        why = denied(s, verb.group(0)) if verb else None
        if why and _REPLACING.match(why) and _REPLACING.search(s, speaker.end()):
            facts.unread.append(("in place of", s))  # "A presenterade i stället för B": loading reads no A
            continue
        if why:
            facts.unread.append(("not a speaker", s))  # "Socialminister A inledde inte", "skulle ha inlett"
            continue
        before = s[: speaker.start("post") if speaker.groupdict().get("post") else speaker.start("name")]
        if (
            _FORMER.search(before)
            or re.search(r"(?:\b[A-ZÅÄÖ]\w+s|\b[a-zåäö]{4,}) $", s[: speaker.start("name")])
            and (not speaker.groupdict().get("post"))
        ):
            facts.unread.append(("speaker", s))  # "Tidigare kulturminister A", "Elevorganisationens ordförande A"
            continue
        post = speaker.groupdict().get("post") or _posted(speaker["name"], page)
        agent = Agent(speaker.group(0), name=speaker["name"], post=post.lower() if post else None)
        if post is None:  # "Famna Malmö berättade …": a name that presents is no one of the government by itself
            facts.unposted.append((agent, s))
        else:
            facts.speakers.append((agent, s))


#: Where a meeting was held: "hölls i Umeå", "hölls den 4 och 5 mars 2026 i Umeå".
_PLACE = re.compile(
    r"\b(?:genomförs|genomfördes|hölls|äger rum|ägde rum)(?: (?:den )?\d{1,2}(?:(?: och|–|-) ?\d{1,2})? "
    r"[a-zåäö]+(?: \d{4})?)? i (?P<place>[^.]+)"
)


#: Where a place's name ends: before a day or a time ("i Umeå den 5 mars", "i Umeå kl. 13"), a clause
#: joined on ("i Umeå och 20 organisationer deltog", "i Umeå, där …"), words after a comma that are no
#: name ("i Umeå, en vecka efter …"), or a bracket; "i Rosenbad i Stockholm", "i Umeå, Västerbotten" go on.
_PLACE_END = re.compile(
    r"\s*\(|,(?!\s*[A-ZÅÄÖ])|\s+(?i:och|samt|men|eller|där|då|när|som|med|under|efter|inför|mellan|"
    rf"kl\.?|klockan|den|{_WEEKDAY}|\d+\w*|(?:{'|'.join(MONTHS)})|(?:i|på) (?:(?:{'|'.join(MONTHS)})|"
    r"samband|anslutning|början|slutet|mitten|höst|vår|sommar|vinter)\w*)(?!\w)"
)


#: A place an invitation names ("bjuder in till sakråd den 5 mars 2024 i Umeå"): where the meeting is to be
#: held, which loading reads from words of holding only; a CHECK.
_INVITED_PLACE = re.compile(r"\bbjuder\b[^.]{0,200}?\bin till\b[^.]{0,200}? i [A-ZÅÄÖ]")


def _place(s: str, facts: PageFacts) -> None:
    """The place ``s`` says the meeting was held in, where its words start with a name ("i Umeå", "i
    Rosenbad"); "i samband med …", "i mars" are no place, kept for a CHECK."""
    place = _PLACE.search(s)
    if place is None and _INVITED_PLACE.search(s) and facts.place is None:
        facts.unread.append(("invited place", s))  # "bjuder in till sakråd … i Umeå": where it is to be
    if place is None or facts.place is not None or denied(s, place.group(0).split()[0]):
        return
    words = _PLACE_END.split(place["place"], maxsplit=1)[0].strip()
    if re.match(r"[A-ZÅÄÖ]", words) and not re.match(rf"(?i)(?:{'|'.join(MONTHS)})\b", words):
        facts.place = words
    else:
        facts.unread.append(("place", s))
