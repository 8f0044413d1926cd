"""Facts held to the documents they are credited to: where a source's text is kept beside the data
(``file:``, :attr:`~sakrad_ld.records.Corpus.copies`), what the data says that source states must be
found in it; a meeting's note that no organiser is stated forbids an organiser; a holding and a
participation are credited to documents the person's or organisation's own record names.

"Found" is decided per kind of fact (docs/load-checks.md), always after folding (:func:`folded`:
Unicode compatibility forms (NFKC), case, white space, typographic dashes to ``-``, invisible
characters such as a soft hyphen or a zero-width space taken out), on both sides, and always as
words: a value found inside a longer word is not found ("Anders Kess" is not in "Anders Kessling"),
but a Swedish genitive ``s`` may follow it ("Anders Kesslings"):

* a name (an organisation's name, alternative or legal name; a body's name; a person's name, never
  their id), a place, an e-mail address and a telephone number: the text holds it;
* a question or a discussion area: the text holds its Swedish words verbatim;
* the chair, a convener, a government participant: the person's name stands in a sentence that says
  so (a word of chairing, calling or taking part, as a whole word, before it in the sentence or after
  it in its clause: at once, after "som", or after an apposition between commas) and is not given as
  someone else's superior ("statssekreterare hos … minister Ylva Johansson" names the minister, not a
  participant); the surname alone counts right after the title of a post the person holds, where no
  other person of the data has that surname;
* an organisation listed as taking part: its name (or one of its other names) is in the text.

Each kept text is folded once, with its sentence ends marked, and every fact credited to it is looked
up in that one string, one text at a time: the time is linear in the text for each fact (a name's
occurrences are walked once, with the role words and sentence ends between them, and after each a
bounded look for a role word), and the memory
a small multiple of the largest text (:data:`sakrad_ld.corpus.MAX_COPIES_TOTAL` bounds them all).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError, Where
from .records import Corpus, Meeting, Organisation, Person
from .typedyaml import quoted

__all__ = [
    "CHAIR_WORDS",
    "CONVENER_WORDS",
    "PARTICIPANT_WORDS",
    "check_stated",
    "credit_warnings",
    "folded",
    "folded_text",
    "found_as_words",
]

#: Words of the sentence that names a person chair (before the name, or after it in its clause), each
#: matched as whole words:
#: "chairman" and "chairperson" are not among them ("the chairman of the board" is another board's);
#: "leddes" alone is, as in "Mötet leddes därefter av statssekreterare …".
CHAIR_WORDS = (
    "leddes av",
    "leddes",
    "ledde",
    "ledd av",
    "höll i mötet",
    "höll i sakrådet",
    "ordförande",
    "ordföranden",
    "moderator",
    "chaired",
    "chairing",
    "led by",
    "chair",
)
#: Words of the sentence that names a convener as calling the sakråd (before or after the name).
CONVENER_WORDS = (
    "bjuder in",
    "bjöd in",
    "bjuder",
    "bjöd",
    "inbjudan",
    "sammankallade",
    "kallade",
    "värd",
    "håller",
    "höll",
    "har sakråd",
    "invite",
    "invites",
    "invited",
    "hosts",
    "hosted",
    "convenes",
    "convened",
)

#: Words of the sentence that names a government participant as taking part (before or after the name):
#: one who opens the sakråd ("Sakrådet inleddes av …"), meets the organisations ("träffade") or speaks
#: at it ("berättade", "presenterade", "informerade") takes part in it.
PARTICIPANT_WORDS = (
    "deltog",
    "deltar",
    "medverkade",
    "medverkar",
    "närvarade",
    "närvarande",
    "var med",
    "leddes av",
    "leddes",
    "ledde",
    "inledde",
    "inleddes",
    "träffade",
    "berättade",
    "presenterade",
    "informerade",
    "took part",
    "participated",
    "attended",
)

#: Characters that do not show, taken out before anything is compared: the soft hyphen, the zero-width
#: space, non-joiner and joiner, the word joiner, the byte order mark and the Mongolian vowel separator.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"
_DASHES = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\x00": " ",
        **dict.fromkeys(INVISIBLE, ""),
    }
)
#: The end of a sentence in a kept text (a blank line; '.', '!', '?', ':' or ';' before a space and an
#: upper-case letter or a digit), marked in the folded text by :data:`_END` in place of the space.
_BLANK_LINE = re.compile(r"\s*\n\s*\n\s*")
_STOP = re.compile(r"(?<=[.!?:;])\s+(?=[A-ZÅÄÖ0-9])")
_END = "\x00"
#: White space to fold: runs, and single characters other than a space (a single space stays as it is,
#: not replaced by itself, which would cost a piece of the result for each word).
_SPACES = re.compile(r"\s{2,}|[^\S ]")
_ENDS = re.compile(r" \x00[ \x00]*|\x00[ \x00]+")
_HYPHEN = re.compile(r"(?<=\w)- ")
#: Where a long text may be cut into pieces folded one by one: between two printable ASCII characters
#: other than a space, the second not '-'. Folding leaves both as they are (but for case), no pattern
#: of it matches across such a place (each needs white space or a '-' there), and NFKC joins a mark
#: to the character before it, never to one after.
_CUT = re.compile(r"(?<=[!-~])[!-,./-~]")
#: The size of the pieces a long text is folded in: each step's matches cost a piece of the result,
#: so the pieces bound that to a small multiple of this, not of the text.
PIECE = 2**20


def _translated(text: str) -> str:
    # a look for each character is quicker than translating a text that holds none of them
    return text.translate(_DASHES) if any(chr(c) in text for c in _DASHES) else text


def _fold(text: str) -> str:
    """Invisible characters out, NFKC, dashes: the steps before case is folded."""
    return _translated(unicodedata.normalize("NFKC", _translated(text)))  # NFKC makes a few dashes


def _case(text: str) -> str:
    text = text.casefold()
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def folded(text: str) -> str:
    """``text`` as it is compared: its compatibility forms made plain (NFKC: a ligature "ﬁ" is "fi", a
    decomposed "å" is "å"), invisible characters (:data:`INVISIBLE`) taken out, case and runs of white
    space folded, typographic dashes made ``-`` and a word's hyphen joined to the next word ("Klimat-
    och" is "Klimat-och", as a page may write it). Each step is one pass over the text."""
    return _HYPHEN.sub("-", _SPACES.sub(" ", _case(_fold(text)))).strip(" ")


def folded_text(text: str) -> str:
    """A kept text folded as :func:`folded` does, with the end of each sentence marked by ``\\x00``
    in place of the space after it: one string of about the text's size, made in a few passes."""
    pieces = []
    start = 0
    while start < len(text):
        cut = _CUT.search(text, start + PIECE) if len(text) - start > PIECE else None
        end = cut.start() if cut else len(text)
        piece = _fold(text[start:end])
        piece = _STOP.sub(_END, _BLANK_LINE.sub(_END, piece))
        pieces.append(_HYPHEN.sub("-", _ENDS.sub(_END, _SPACES.sub(" ", _case(piece)))))
        start = end
    return "".join(pieces).strip(" " + _END)


def _sentences(text: str) -> list[str]:
    """The folded text cut into sentences (at '.', '!', '?', ':' or ';' before a space, and at blank lines)."""
    return [s for s in folded_text(text).split(_END) if s]


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def found_as_words(value: str) -> re.Pattern[str] | None:
    """The pattern finding ``value`` in a :func:`folded_text` as whole words: not inside a longer word
    (a genitive ``s`` may follow), with a space in it also found where a sentence ends. None for a
    value that folds to nothing."""
    value = folded(value)
    if not value:
        return None
    body = re.escape(value).replace("\\ ", "[ \x00]")
    if _word(value[0]):  # the look-behind after the first character keeps the search's quick scan for it
        body = re.escape(value[0]) + r"(?<!\w.)" + re.escape(value[1:]).replace("\\ ", "[ \x00]")
    return re.compile(body + (r"s?(?!\w)" if _word(value[-1]) else ""), re.DOTALL)


def _role_words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)")


_ROLES = {
    "chair": _role_words(CHAIR_WORDS),
    "convener": _role_words(CONVENER_WORDS),
    "participant": _role_words(PARTICIPANT_WORDS),
}

#: A name given as someone's superior or principal: "hos …", "till …", "åt …", "to …" with lower-case
#: words (titles) between it and the name.
_AS_SUPERIOR = re.compile(r"(?:\bhos|\btill|\båt|\bto|\bfor)\s+(?:[\wåäöé-]+\s+){0,6}$")
#: How far before a name the words giving it as someone's superior are looked for: "hos" and six words.
SUPERIOR_WINDOW = 300


#: How far after a name a comma closing its apposition is looked for ("Martin Andreasson,
#: statssekreterare åt statsrådet Brandberg, ledde …"), and the role word after it.
APPOSITION_WINDOW = 200
#: A relative "som" between a name and its role word: "Paula Carvalho Olovsson som höll i mötet".
_SOM = "som "


def _role_after(roles: re.Pattern[str], text: str, after: int) -> bool:
    """Whether a role word follows a name ending at ``after`` in its clause: at once, after a relative
    "som", or after an apposition between two commas ("X, statssekreterare …, ledde"). Bounded work:
    the closing comma is looked for in :data:`APPOSITION_WINDOW` characters, the words anchored."""
    at = after
    if text.startswith(",", at):
        close = text.find(",", at + 1, at + 1 + APPOSITION_WINDOW)
        if close < 0 or text.find(_END, at, close) >= 0:
            return False
        at = close + 1
    if not text.startswith(" ", at):
        return False
    at += 1
    if text.startswith(_SOM, at):
        at += len(_SOM)
    return roles.match(text, at) is not None


def _titled(text: str, at: int, titles: tuple[str, ...]) -> int:
    """Where one of ``titles`` (folded) begins that stands as whole words just before ``at``, a space
    between; -1 if none does."""
    for title in titles:
        begin = at - len(title) - 1
        if begin >= 0 and text.startswith(title + " ", begin) and (begin == 0 or not _word(text[begin - 1])):
            return begin
    return -1


def _named_as(name: str, kind: str, text: str, titles: tuple[str, ...] = ()) -> bool:
    """Whether a sentence of the folded ``text`` (:func:`folded_text`) names ``name`` in the role of
    ``kind`` ('chair', 'convener', 'participant'), not given as someone's superior: a word of the
    role before the name in its sentence, or after it in its clause (at once, after "som", or after an
    apposition between commas). With ``titles`` (a surname alone), only an occurrence right after one
    of the person's post titles counts ("energi-och näringsminister Busch bjöd in").

    One walk through the name's occurrences: between two of them the sentence ends and the role words
    are each found once, and after each a bounded look for a role word, so the time is linear in the
    text however often the name or the words occur.
    """
    pattern = found_as_words(name)
    if pattern is None:
        return False
    roles = _ROLES[kind]
    role_end = end = -1  # the end of the last role word, the last end of a sentence, before the name
    cursor = 0
    for match in pattern.finditer(text):
        at = match.start()
        if (stop := text.rfind(_END, cursor, at)) >= 0:
            end = stop
        for role in roles.finditer(text, cursor, at):
            role_end = role.end()
        cursor = at
        if titles:  # the person's own title is not a superior's ("statssekreterare hos … Kessling")
            at = _titled(text, at, titles)
            if at < 0:
                continue
        before = role_end > end
        if (before or _role_after(roles, text, match.end())) and not _AS_SUPERIOR.search(
            text, max(role_end if before else end, at - SUPERIOR_WINDOW), at
        ):
            return True
    return False


def _titles_and_surnames(corpus: Corpus) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """Each person's post titles (the labels of the posts they hold, folded) and how many people of
    the data have each surname (the last word of the folded name)."""
    labels = {p.id: [t for t in (p.label.sv, p.label.en) if t] for p in corpus.posts}
    titles = {
        person.id: tuple(dict.fromkeys(folded(t) for h in person.holds for t in labels.get(h.post, []) if folded(t)))
        for person in corpus.people
    }
    surnames: dict[str, int] = defaultdict(int)
    for person in corpus.people:
        surnames[folded(person.name).rsplit(" ", 1)[-1]] += 1
    return titles, surnames


def _named_in_role(person: Person, kind: str, text: str, titles: dict[str, tuple[str, ...]], surnames: dict) -> bool:
    """Whether ``text`` names ``person`` in the role of ``kind``: by their full name, or by their
    surname alone right after the title of a post they hold, where no other person of the data has
    that surname."""
    if _named_as(person.name, kind, text):
        return True
    surname = folded(person.name).rsplit(" ", 1)[-1]
    if " " not in folded(person.name) or surnames.get(surname, 0) != 1 or not titles.get(person.id):
        return False
    return _named_as(surname, kind, text, titles[person.id])


def _where(lines: object, name: str, fallback: Where) -> Where:
    return lines.where(name) if lines is not None else fallback  # type: ignore[attr-defined]


def _error(where: Where, what: str, value: str, source: str, file: str | None) -> InputError:
    return InputError(
        where,
        f"{what} {quoted(value)} is credited to {source!r}, whose kept text ({file}) does not hold it",
        f"{what} as the kept text words it, as whole words (case, white space and Unicode forms aside)",
        "copy it from the text, or credit the fact to the document that states it (fact_sources or the record's source:)",
    )


def check_stated(corpus: Corpus) -> list[InputError]:
    """The facts credited to a source whose text is kept that the text does not hold, an organiser a
    meeting's note says is not stated, and a holding credited to a document the person's ``sources``
    do not name."""
    files = {s.id: s.file for s in corpus.sources}
    kept = corpus.copies
    people = {p.id: p for p in corpus.people}
    bodies = {b.id: b for b in corpus.bodies}
    organisations = {o.id: o for o in corpus.organisations}
    # every fact to look up, in the order its error is given: (where, what, the value quoted, the
    # values any of which is enough, source, kind), or an error found without a kept text
    facts: list[tuple[Where, str, str, list[str], str, str] | InputError] = []
    for org in corpus.organisations:
        for fact, values in (("name", [org.name]), ("alt_names", org.alt_names), ("legal_name", [org.legal_name])):
            # the name is its first source's; other names are checked where fact_sources credits them
            source = _organisation_source(org, fact) if fact == "name" else _credited(org, fact)
            for value in values:
                if value and source in kept:
                    where = _where(org.lines, fact, Where(Path("organisations.yaml"), 0, fact))
                    facts.append(
                        (where, f"the organisation's {fact.replace('_', ' ')}", value, [value], source, "text")
                    )
    for person in corpus.people:
        source = person.sources[0] if person.sources else None
        if source in kept:
            where = _where(person.lines, "name", Where(Path("people.yaml"), 0, "name"))
            facts.append((where, "the person's name", person.name, [person.name], source, "text"))
        facts.extend(_holdings(person))
    for body in corpus.bodies:
        source = body.sources[0] if body.sources else None
        if source in kept:
            where = _where(body.lines, "name", Where(Path("bodies.yaml"), 0, "name"))
            facts.append((where, "the body's name", body.name.sv, [body.name.sv], source, "text"))
    for m in corpus.meetings:
        facts.extend(_organiser(m))
        for where, what, value, source, kind in _meeting_facts(m, people, bodies, organisations):
            if source not in kept:
                continue
            if kind == "organisation":
                org = organisations[value]
                facts.append(
                    (
                        where,
                        what,
                        org.name,
                        [n for n in [org.name, *org.alt_names, org.legal_name] if n],
                        source,
                        "text",
                    )
                )
            elif kind == "text":
                facts.append((where, what, value, [value], source, kind))
            else:  # a role: the value is the person's id
                facts.append((where, what, people[value].name, [value], source, kind))
    # one kept text at a time, folded once: its facts are looked up in it and it is let go
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, fact in enumerate(facts):
        if not isinstance(fact, InputError):
            by_source[fact[4]].append(i)
    missing: set[int] = set()
    titles, surnames = _titles_and_surnames(corpus)
    for source, indices in by_source.items():
        text = folded_text(kept[source])
        for i in indices:
            _, _, _, values, _, kind = facts[i]  # type: ignore[misc]
            if kind == "text":
                found = any(p is not None and p.search(text) for p in map(found_as_words, values))
            else:
                found = _named_in_role(people[values[0]], kind, text, titles, surnames)
            if not found:
                missing.add(i)
        del text
    return [
        fact if isinstance(fact, InputError) else _error(fact[0], fact[1], fact[2], fact[4], files[fact[4]])
        for i, fact in enumerate(facts)
        if isinstance(fact, InputError) or i in missing
    ]


def _organisation_source(org: Organisation, fact: str) -> str | None:
    """The document ``fact`` of ``org`` is credited to: the one ``fact_sources`` names, else its first source."""
    return next((fs.source for fs in org.fact_sources if fact in fs.facts), org.sources[0] if org.sources else None)


def _credited(org: Organisation, fact: str) -> str | None:
    """The document ``fact`` of ``org`` is credited to by ``fact_sources``, if any."""
    return next((fs.source for fs in org.fact_sources if fact in fs.facts), None)


def _meeting_facts(
    m: Meeting, people: dict[str, Person], bodies: dict, organisations: dict
) -> Iterator[tuple[Where, str, str, str, str]]:
    """(where, what, value, source, kind) for each fact of ``m`` a kept text can be asked for; kind is
    'text' (found as it is), 'organisation' (an id: one of its names found), or 'chair', 'convener',
    'participant' (a person's id: their name found in a sentence that says so)."""
    if m.place:
        yield m.where("place"), "the place", m.place, m.source_of("place"), "text"
    for i, q in enumerate(m.questions):
        yield _where(q.lines, "sv", m.where(f"questions[{i}]")), "the question", q.sv, m.source_of("questions"), "text"
    for i, a in enumerate(m.discussion_areas):
        yield (
            _where(a.lines, "sv", m.where(f"discussion_areas[{i}]")),
            "the discussion area",
            a.sv,
            m.source_of("discussion_areas"),
            "text",
        )
    for i, org in enumerate(m.organisations):
        if org in organisations:
            yield (
                m.where(f"organisations[{i}]"),
                "the participating organisation",
                org,
                m.source_of("organisations"),
                "organisation",
            )
    for fact, contact in (("contact", m.contact), ("press_contact", m.press_contact)):
        if contact is None:
            continue
        source = contact.source or m.source_of(fact)
        where = m.where(fact)
        if contact.person in people:
            yield (
                _where(contact.lines, "person", where),
                f"the {fact.replace('_', ' ')}'s name",
                people[contact.person].name,
                source,
                "text",
            )
        for name in ("email", "telephone"):
            if value := getattr(contact, name):
                yield (
                    _where(contact.lines, name, where),
                    f"the {fact.replace('_', ' ')}'s {name}",
                    value,
                    source,
                    "text",
                )
    if m.chair and m.chair.person in people:
        source = m.chair.source or m.source_of("chair")
        yield (
            _where(m.chair.lines, "person", m.where("chair")),
            "the chair",
            m.chair.person,
            source,
            "chair",
        )
    for i, c in enumerate(m.conveners):
        source = c.source or m.source_of("conveners")
        where = _where(c.lines, "person", m.where(f"conveners[{i}]"))
        if c.person in people:
            yield where, "the convener", c.person, source, "convener"
        elif c.body in bodies:
            yield _where(c.lines, "body", where), "the convening body", bodies[c.body].name.sv, source, "text"
    for i, g in enumerate(m.government_participants):
        source = g.source or m.source_of("government_participants")
        where = m.where(f"government_participants[{i}]")
        if g.person in people:
            yield (
                _where(g.lines, "person", where),
                "the government participant",
                g.person,
                source,
                "participant",
            )
        elif g.body in bodies:
            yield _where(g.lines, "body", where), "the participating body", bodies[g.body].name.sv, source, "text"


#: A note's words that no organiser is stated: the organising named and denied in one sentence.
_ORGANISING = re.compile(r"arrangör|anordna|arrangera|organiser|organizer|organised|organized|arranged|held by")
_NOT_STATED = re.compile(
    r"\b(?:inte|ej|ingen|inga|ingenting|not|no|nowhere|neither)\b|\bframgår inte\b|\bokänd|\bunknown\b"
)


def _says_no_organiser(text: str) -> bool:
    return any(_ORGANISING.search(s) and _NOT_STATED.search(s) for s in _sentences(text))


def _organiser(m: Meeting) -> list[InputError]:
    """An organiser on a meeting whose own note (about the organiser, or about the whole meeting)
    says no organiser is stated."""
    if not m.organiser:
        return []
    for i, note in enumerate(m.notes):
        if note.about not in (None, "organiser"):
            continue
        if _says_no_organiser(note.text.sv) or (note.text.en and _says_no_organiser(note.text.en)):
            return [
                InputError(
                    m.where("organiser"),
                    f"organiser {m.organiser!r}, but the meeting's note (notes[{i}], line "
                    f"{note.lines.line if note.lines else '?'}) says no organiser is stated",
                    "no organiser where the sources do not state one (a page's publisher is not its organiser)",
                    "leave organiser out, or change the note if a source does state who organised the sakråd",
                )
            ]
    return []


def _listed(items: list[str], most: int = 5) -> str:
    """At most ``most`` of ``items``, each cut as :func:`typedyaml.quoted` cuts, and how many more there are."""
    shown = ", ".join(item if len(item) <= 80 else quoted(item) for item in items[:most])
    return shown + (f" and {len(items) - most:,} more" if len(items) > most else "")


def _holdings(person: Person) -> list[InputError]:
    """A holding credited to a document that the person's own ``sources`` do not name."""
    errors = []
    for i, h in enumerate(person.holds):
        if person.sources and h.source not in person.sources:  # a record without sources: its holdings' are its own
            errors.append(
                InputError(
                    _where(h.lines, "source", Where(Path("people.yaml"), 0, f"holds[{i}].source")),
                    f"the holding of {h.post!r} is credited to {h.source!r}, which is not among the person's sources "
                    f"({_listed(person.sources) or 'none'})",
                    "a document that names the person, listed in their sources",
                    "add the document to the person's sources if it names them in the post, else credit the "
                    "holding to the one that does",
                )
            )
    return errors


def credit_warnings(corpus: Corpus) -> list[InputError]:
    """Accepted, but for a person to check: a participation credited to a document the organisation's or
    person's own ``sources`` do not name; an organiser that is its source's publisher."""
    found: list[InputError] = []
    records: dict[str, dict[str, Person | Organisation]] = {
        "organisation": {o.id: o for o in corpus.organisations},
        "person": {p.id: p for p in corpus.people},
    }
    publishers = {s.id: s.publisher for s in corpus.sources}
    for m in corpus.meetings:
        for where, kind, rid, source in _participations(m):
            record = records[kind].get(rid)
            if record is not None and source not in record.sources:
                found.append(
                    InputError(
                        where,
                        f"the {kind} {rid!r} takes part by {source!r}, which is not among its own sources",
                        f"the {kind}'s sources to list the document that names it here",
                    )
                )
        source = m.source_of("organiser")
        explained = any(n.about == "organiser" for n in m.notes)  # a note saying where the page states it
        if m.organiser and publishers.get(source) == m.organiser and not explained:
            found.append(
                InputError(
                    m.where("organiser"),
                    f"the organiser {m.organiser!r} is the publisher of {source!r}, the document it is credited to",
                    "an organiser the document states as such (a page's publisher is not its organiser), "
                    "with a note about the organiser quoting the words that state it",
                )
            )
    return found


def _participations(m: Meeting) -> Iterable[tuple[Where, str, str, str]]:
    for i, org in enumerate(m.organisations):
        yield m.where(f"organisations[{i}]"), "organisation", org, m.source_of("organisations")
    if m.chair:
        yield (
            _where(m.chair.lines, "person", m.where("chair")),
            "person",
            m.chair.person,
            m.chair.source or m.source_of("chair"),
        )
    for i, c in enumerate(m.conveners):
        if c.person:
            yield (
                _where(c.lines, "person", m.where(f"conveners[{i}]")),
                "person",
                c.person,
                c.source or m.source_of("conveners"),
            )
    for i, g in enumerate(m.government_participants):
        if g.person:
            where = _where(g.lines, "person", m.where(f"government_participants[{i}]"))
            yield where, "person", g.person, g.source or m.source_of("government_participants")
