"""Facts held to the documents they are credited to: where a source's text is kept beside the data
(``file:``, :attr:`~sakrad_ld.records.Corpus.copies`), what the data says that source states must be
found in it; a meeting's note that no organiser is stated forbids an organiser; a holding and a
participation are credited to documents the person's or organisation's own record names.

"Found" is decided per kind of fact (docs/load-checks.md), always after folding case and white space
(and the typographic dashes to ``-``):

* a name (an organisation's name, alternative or legal name; a body's name; a person's name, never
  their id), a place, an e-mail address and a telephone number: the text holds it;
* a question or a discussion area: the text holds its Swedish words verbatim;
* the chair, a convener, a government participant: the person's name stands in a sentence that says
  so (a word of chairing, calling or taking part before it) and is not given as someone else's
  superior ("statssekreterare hos … minister Ylva Johansson" names the minister, not a participant);
* an organisation listed as taking part: its name (or one of its other names) is in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError, Where
from .records import Corpus, Meeting, Organisation, Person

__all__ = [
    "CHAIR_WORDS",
    "CONVENER_WORDS",
    "PARTICIPANT_WORDS",
    "check_stated",
    "credit_warnings",
    "folded",
]

#: Words before a chair's name in the sentence that names them chair.
CHAIR_WORDS = ("leddes av", "ledde", "ledd av", "ordförande", "moderator", "chaired", "led by", "chair")
#: Words before a convener's name in the sentence that names them as calling the sakråd.
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
    "invited",
    "hosted",
    "convened",
)
#: Words before a government participant's name in the sentence that names them as taking part.
PARTICIPANT_WORDS = (
    "deltog",
    "deltar",
    "medverkade",
    "medverkar",
    "närvarade",
    "närvarande",
    "var med",
    "leddes av",
    "ledde",
    "took part",
    "participated",
    "attended",
)

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00ad": ""})


def folded(text: str) -> str:
    """``text`` with case and runs of white space folded, typographic dashes made ``-`` and a word's
    hyphen joined to the next word ("Klimat- och" is "Klimat-och", as a page may write it)."""
    return re.sub(r"(?<=\w)- ", "-", " ".join(text.translate(_DASHES).casefold().split()))


def _sentences(text: str) -> list[str]:
    """The folded text cut into sentences (at '.', '!', '?', ':' or ';' before a space, and at blank lines)."""
    parts = re.split(r"\n\s*\n|(?<=[.!?:;])\s+(?=[A-ZÅÄÖ0-9])", text)
    return [folded(p) for p in parts if p.strip()]


#: A name given as someone's superior or principal: "hos …", "till …", "åt …", "to …" with lower-case
#: words (titles) between it and the name.
_AS_SUPERIOR = re.compile(r"(?:\bhos|\btill|\båt|\bto|\bfor)\s+(?:[\wåäöé-]+\s+){0,6}$")


def _named_as(name: str, words: tuple[str, ...], sentences: list[str]) -> bool:
    """Whether a sentence holds one of ``words`` and, after it, ``name`` not given as someone's superior."""
    name = folded(name)
    for sentence in sentences:
        for word in words:
            start = sentence.find(word)
            while start >= 0:
                at = sentence.find(name, start + len(word))
                while at >= 0:
                    if not _AS_SUPERIOR.search(sentence[start + len(word) : at]):
                        return True
                    at = sentence.find(name, at + 1)
                start = sentence.find(word, start + 1)
    return False


def _where(lines: object, name: str, fallback: Where) -> Where:
    return lines.where(name) if lines is not None else fallback  # type: ignore[attr-defined]


def _error(where: Where, what: str, value: str, source: str, file: str | None) -> InputError:
    return InputError(
        where,
        f"{what} {value!r} is credited to {source!r}, whose kept text ({file}) does not hold it",
        f"{what} as the kept text words it (case and white space aside)",
        "copy it from the text, or credit the fact to the document that states it (fact_sources or the record's source:)",
    )


def check_stated(corpus: Corpus) -> list[InputError]:
    """The facts credited to a source whose text is kept that the text does not hold, an organiser a
    meeting's note says is not stated, and a holding credited to a document the person's ``sources``
    do not name."""
    errors: list[InputError] = []
    files = {s.id: s.file for s in corpus.sources}
    texts = {sid: folded(text) for sid, text in corpus.copies.items()}
    sentences = {sid: _sentences(text) for sid, text in corpus.copies.items()}
    people = {p.id: p for p in corpus.people}
    bodies = {b.id: b for b in corpus.bodies}
    organisations = {o.id: o for o in corpus.organisations}

    def holds(source: str, value: str) -> bool:
        return folded(value) in texts[source]

    for org in corpus.organisations:
        for fact, values in (("name", [org.name]), ("alt_names", org.alt_names), ("legal_name", [org.legal_name])):
            # the name is its first source's; other names are checked where fact_sources credits them
            source = _organisation_source(org, fact) if fact == "name" else _credited(org, fact)
            for value in values:
                if value and source in texts and not holds(source, value):
                    where = _where(org.lines, fact, Where(Path("organisations.yaml"), 0, fact))
                    errors.append(
                        _error(where, f"the organisation's {fact.replace('_', ' ')}", value, source, files[source])
                    )
    for person in corpus.people:
        source = person.sources[0] if person.sources else None
        if source in texts and not holds(source, person.name):
            where = _where(person.lines, "name", Where(Path("people.yaml"), 0, "name"))
            errors.append(_error(where, "the person's name", person.name, source, files[source]))
        errors.extend(_holdings(person))
    for body in corpus.bodies:
        source = body.sources[0] if body.sources else None
        if source in texts and not holds(source, body.name.sv):
            where = _where(body.lines, "name", Where(Path("bodies.yaml"), 0, "name"))
            errors.append(_error(where, "the body's name", body.name.sv, source, files[source]))
    for m in corpus.meetings:
        errors.extend(_organiser(m))
        for where, what, value, source, kind in _meeting_facts(m, people, bodies, organisations):
            if source not in texts:
                continue
            if kind == "text":
                found = holds(source, value)
            elif kind == "organisation":
                org = organisations[value]
                found = any(holds(source, n) for n in [org.name, *org.alt_names, org.legal_name] if n)
                value = org.name
            else:
                words = {"chair": CHAIR_WORDS, "convener": CONVENER_WORDS, "participant": PARTICIPANT_WORDS}[kind]
                found = _named_as(value, words, sentences[source])
            if not found:
                errors.append(_error(where, what, value, source, files[source]))
    return errors


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
    'participant' (a person's name found in a sentence that says so)."""
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
            people[m.chair.person].name,
            source,
            "chair",
        )
    for i, c in enumerate(m.conveners):
        source = c.source or m.source_of("conveners")
        where = _where(c.lines, "person", m.where(f"conveners[{i}]"))
        if c.person in people:
            yield where, "the convener", people[c.person].name, source, "convener"
        elif c.body in bodies:
            yield _where(c.lines, "body", where), "the convening body", bodies[c.body].name.sv, source, "text"
    for i, g in enumerate(m.government_participants):
        source = g.source or m.source_of("government_participants")
        where = m.where(f"government_participants[{i}]")
        if g.person in people:
            yield (
                _where(g.lines, "person", where),
                "the government participant",
                people[g.person].name,
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


def _holdings(person: Person) -> list[InputError]:
    """A holding credited to a document that the person's own ``sources`` do not name."""
    errors = []
    for i, h in enumerate(person.holds):
        if person.sources and h.source not in person.sources:  # a record without sources: its holdings' are its own
            errors.append(
                InputError(
                    _where(h.lines, "source", Where(Path("people.yaml"), 0, f"holds[{i}].source")),
                    f"the holding of {h.post!r} is credited to {h.source!r}, which is not among the person's sources "
                    f"({', '.join(person.sources) or 'none'})",
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
