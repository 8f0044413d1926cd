"""A draft meeting from a documentation text: its facts as a :class:`~sakrad_ld.records.Meeting`,
with the ids of people, bodies and organisations resolved against ``data/``, for a person to review.

What cannot be resolved is not guessed: a new organisation or person gets an id made from its name
and a comment saying where to add it; a post the text describes in other words than
``data/bodies.yaml`` is left out with the text's words in a comment. The draft is YAML in the
layout of ``data/meetings/*.yaml`` and is checked by loading it back as a Meeting before it is
handed out. See ``docs/import.md``.
"""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..counted import numbers_in
from ..records import (
    ChairRef,
    Contact,
    Corpus,
    Count,
    Email,
    GovernmentParticipant,
    ListItem,
    Meeting,
    Presentations,
    Telephone,
    Text,
)
from ..registers.names import compare, forms, similarity
from ..titled import without_first_words
from ..typedyaml import Check, load_record
from .documentation import Documentation, number_value

__all__ = ["Draft", "draft_meeting"]

_WIDTH = 100


@dataclass(frozen=True)
class Draft:
    """A drafted meeting and the comments a reviewer needs, keyed by field path (``""``: the top)."""

    meeting: Meeting
    comments: dict[str, tuple[str, ...]]
    source_file: str
    existing: str | None = None  # the meeting of data/ whose source this documentation is already

    @property
    def new_records(self) -> int:
        return sum(1 for notes in self.comments.values() for n in notes if n.removeprefix("CHECK: ").startswith("new "))

    def yaml(self) -> str:
        """The draft as the text of a ``data/meetings/*.yaml`` file, checked by loading it back."""
        lines = [
            "# yaml-language-server: $schema=../../schema/meeting.schema.json",
            *(
                (
                    f"# DRAFT made by `sakrad-ld import` from {self.source_file}: check every fact against the text,",
                    f"# then save it as data/meetings/{self.meeting.id}.yaml.",
                )
                if self.existing is None
                else (
                    f"# DRAFT made by `sakrad-ld import` from {self.source_file}. Do not save this draft as a new",
                    f"# meeting: check against the text what it has that data/meetings/{self.existing}.yaml lacks,",
                    "# and add only that to the meeting's file.",
                )
            ),
            *_comment("", self.comments.get("", ())),
        ]
        _mapping(self.meeting, 0, "", self.comments, lines)
        text = "\n".join(lines) + "\n"
        loaded = load_record(Meeting, yaml.compose(text, Loader=yaml.SafeLoader), Path(f"draft of {self.source_file}"))
        if loaded != self.meeting:  # a bug in the writer, never the reader's fault
            raise AssertionError(f"the draft YAML does not load back as the drafted meeting:\n{text}")
        return text


def slug(name: str) -> str:
    """An id made from a name: 'Föräldrastödet i Värmland' → 'foraldrastodet-i-varmland'."""
    table = str.maketrans("åäöéüæø", "aaoeuao")
    return re.sub(r"[^a-z0-9]+", "-", name.casefold().translate(table)).strip("-")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _valid(annotated: object, value: str | None) -> bool:
    checks = [m for m in typing.get_args(annotated)[1:] if isinstance(m, Check)]
    return value is not None and all(c.test(value) is None for c in checks)


#: The least names.compare score at which a new organisation's name is pointed to the one of data/ it resembles.
RESEMBLES = 0.5


class _Resolver:
    """Finds the ids of what the text names in the corpus; records a comment for what it cannot."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.comments: dict[str, list[str]] = {}
        self._known: dict[str, str] | None = None  # a known organisation's names, folded → its id
        self._known_forms: list[tuple[str, object]] | None = None  # (id, a form of one of its names)

    def _names(self) -> dict[str, str]:
        if self._known is None:  # once a draft: a text may list thousands of organisations
            self._known = {}
            for org in self.corpus.organisations:
                for n in (org.name, *org.alt_names, org.legal_name or ""):
                    self._known.setdefault(" ".join(n.split()).casefold(), org.id)
        return self._known

    def _forms(self) -> list[tuple[str, object]]:
        if self._known_forms is None:
            self._known_forms = [
                (org.id, f)
                for org in self.corpus.organisations
                for n in (org.name, *org.alt_names, org.legal_name or "")
                for f in forms(n)
            ]
        return self._known_forms

    def note(self, path: str, text: str) -> None:
        self.comments.setdefault(path, []).append(text)

    def person(self, name: str, path: str) -> str:
        found = next((p.id for p in self.corpus.people if _same(p.name, name)), None)
        if found:
            return found
        self.note(path, f"new person: add '{name}' to data/people.yaml with this id")
        return slug(name)

    def body(self, text: str) -> str | None:
        """The body named last in ``text`` ("Arbetsmarknadsdepartementet, Integrationsenheten" → the unit)."""
        hits = [
            (m.start(), b.id)
            for b in self.corpus.bodies
            for name in (b.name.sv, b.name.en)
            if name
            for m in re.finditer(re.escape(name), text, re.IGNORECASE)
        ]
        return max(hits)[1] if hits else None

    def organisation(self, name: str, path: str) -> str:
        found = self._names().get(" ".join(name.split()).casefold())
        if found:
            return found
        own = [f for f in forms(name) if not f.abbreviation]
        pairs = [(id_, f, g) for id_, f in self._forms() for g in own if similarity(f, g) == 1.0]
        equal = sorted({id_ for id_, _, _ in pairs})
        # equal once legal forms are set apart, and no question `links reconcile` would ask (names.compare):
        # "Insamlingsstiftelsen RFSL" ~ "RFSL" adds a legal form, an organisation of its own until a person says
        questions = [q for _, f, g in pairs for q in compare(f, g).questions]
        if len(equal) == 1 and any(not compare(f, g).questions for _, f, g in pairs):
            self.note(path, f"the text writes '{name}'")
            return equal[0]
        taken = {org.id for org in self.corpus.organisations}
        new = slug(name)
        while new in taken:
            new += "-ny"
        if len(equal) == 1:
            asked = (
                questions[0].replace("the register name", "the text's name").replace("our name", "the name in data/")
            )
            self.note(
                path,
                f"CHECK: new organisation: add '{name}' to data/organisations.yaml with this id; it equals "
                f"{equal[0]} but for a difference a person must judge ({asked}): if it is {equal[0]}, use that id",
            )
            return new
        if (
            not equal and (near := self._resembles(name)) is not None
        ):  # "EFS" ~ "Evangeliska fosterlandsstiftelsen (EFS)"
            id_, score, asked = near
            self.note(
                path,
                f"CHECK: new organisation: add '{name}' to data/organisations.yaml with this id; it resembles "
                f"{id_} (names.compare {score:.2f}: {asked}): if it is {id_}, use that id",
            )
            return new
        also = f" (it resembles {', '.join(equal)})" if equal else ""
        self.note(path, f"new organisation: add '{name}' to data/organisations.yaml with this id{also}")
        return new

    def _resembles(self, name: str) -> tuple[str, float, str] | None:
        """The one organisation of data/ whose name `links reconcile` would propose for ``name`` as a
        candidate (names.compare, :data:`RESEMBLES` or more), with the score and the first question."""
        best: dict[str, tuple[float, str]] = {}
        for g in forms(name):
            for id_, f in self._forms():
                likeness = compare(f, g)  # type: ignore[arg-type]
                if likeness.score >= RESEMBLES and likeness.score > best.get(id_, (0.0, ""))[0]:
                    asked = likeness.questions[0] if likeness.questions else "not the same words"
                    best[id_] = (likeness.score, asked.replace("the register name", "the text's name"))
        if len(best) != 1:
            return None
        ((id_, (score, asked)),) = best.items()
        return id_, score, asked.replace("our name", "the name in data/")


def draft_meeting(doc: Documentation, corpus: Corpus) -> Draft:
    """The meeting ``doc`` documents, as a draft whose references are resolved against ``corpus``."""
    r = _Resolver(corpus)
    issuer = next((b for line in reversed(doc.headings) if (b := r.body(line))), None)
    r.note(
        "",
        f"the heading ({' / '.join(doc.headings) or 'missing'}) says who issued the text, not who "
        "organised the sakråd: organiser is left out unless the text says so",
    )
    meeting_id = f"{doc.date}-{issuer or slug(doc.headings[-1] if doc.headings else 'sakrad')}"
    r.note("id", "an id of your choice: it becomes part of the meeting's IRI and must never change once published")
    source = next(
        (
            s.id
            for s in corpus.sources
            if (s.title and _same(s.title.sv, doc.title_line)) or (s.file and Path(s.file).name == doc.file.name)
        ),
        None,
    )
    if source is None:
        source = f"dokumentation-{meeting_id}"
        r.note("source", f"new source: add it to data/sources.yaml with this id and the title '{doc.title_line}'")
    used = [m.id for m in corpus.meetings if m.source == source]
    if used:
        r.note("", f"this documentation is already the source of data/meetings/{used[0]}.yaml")

    chair = None
    if doc.chair_name:
        chair = ChairRef(person=r.person(doc.chair_name, "chair"), post=_post(corpus, doc.chair_capacity))
        if doc.chair_capacity and chair.post is None:
            r.note(
                "chair",
                f"post: the text says '{doc.chair_capacity}'; add the id of that post from "
                "data/bodies.yaml if it is known",
            )

    count = _count(doc.stated_count) if doc.stated_count else None
    invited = _count(doc.invited_count) if doc.invited_count else None
    if invited is not None:
        r.note(
            "invited_count",
            f"the text says {doc.invited_count} organisations were invited: not a count of who took part",
        )
    if count and count.value is not None and count.value != len(doc.organisations):
        r.note(
            "organisation_count",
            f"the text says {count.text} and lists {len(doc.organisations)}: "
            "both are kept, validation reports the difference",
        )
    presentations = None
    if doc.presentations:
        shown = number_value(doc.presentations_count or "")
        if shown is None:
            r.note("", f"presentations: the text describes them but gives no exact count: '{doc.presentations}'")
        else:
            presentations = Presentations(count=shown, description=Text(doc.presentations))
    if doc.stated_question_count and number_value(doc.stated_question_count) not in (None, len(doc.questions)):
        r.note("questions", f"the text announces {doc.stated_question_count} questions and lists {len(doc.questions)}")

    participants = []
    for i, phrase in enumerate(doc.participants):
        person = next((p.id for p in corpus.people if p.name.casefold() in phrase.casefold()), None)
        body = None if person else r.body(phrase)
        if not person and not body:
            r.note(f"government_participants[{i}]", "not resolved: add the person or body this describes")
        participants.append(GovernmentParticipant(person=person, body=body, description=Text(phrase)))

    contact = None
    if doc.contact_name:
        for what, annotated, value in (
            ("e-mail address", Email, doc.contact_email),
            ("telephone number", Telephone, doc.contact_telephone),
        ):
            if value is not None and not _valid(annotated, value):
                r.note("contact", f"left out: the text's {what} '{value}' is not valid")
        contact = Contact(
            person=r.person(doc.contact_name, "contact"),
            unit=r.body(doc.contact_unit) if doc.contact_unit else None,
            email=doc.contact_email if _valid(Email, doc.contact_email) else None,
            telephone=doc.contact_telephone if _valid(Telephone, doc.contact_telephone) else None,
        )
    if doc.not_found:
        r.note("", "not found in the text, so left out: " + ", ".join(doc.not_found))

    meeting = Meeting(
        id=meeting_id,
        source=source,
        title=Text(doc.title),
        title_derivation=(  # "Dokumentation av sakråd …" headed; the title is "Sakråd …" (titled.py checks it)
            without_first_words(
                doc.title_line, doc.title_line[: len(doc.title_line) - len(doc.title)].strip(), "documentation of"
            )
            if doc.title != doc.title_line
            else None
        ),
        topic=_text(doc.topic),
        date=doc.date,
        place=doc.place,
        purpose=_text(*doc.purpose),
        process=_text(*doc.process),
        organisation_count=count,
        invited_count=invited,
        chair=chair,
        government_participants=participants,
        presentations=presentations,
        questions=[ListItem(q) for q in doc.questions],
        handling_of_views=_text(*doc.handling_of_views),
        contact=contact,
        organisations=[r.organisation(name, f"organisations[{i}]") for i, name in enumerate(doc.organisations)],
    )
    return Draft(meeting, {k: tuple(v) for k, v in r.comments.items()}, doc.file.name, used[0] if used else None)


def _post(corpus: Corpus, capacity: str | None) -> str | None:
    """The post whose label is exactly the capacity the text gives; nothing looser."""
    if not capacity:
        return None
    return next((p.id for p in corpus.posts if _same(p.label.sv, capacity)), None)


def _text(*paragraphs: str) -> Text | None:
    return Text("\n".join(paragraphs)) if paragraphs else None


# --- the YAML writer: the layout of data/meetings/*.yaml ---------------------------------------------


def _scalar(value: str | int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return str(value)
    try:
        plain = yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)


def _mapping(record: object, indent: int, path: str, comments: dict[str, tuple[str, ...]], out: list[str]) -> None:
    pad = " " * indent
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if f.name == "lines" or value is None or value == [] or (value is f.default and f.default is not None):
            continue
        key = f"{path}{f.name}"
        out.extend(_comment(pad, comments.get(key, ())))
        if isinstance(value, Text):
            out.append(f"{pad}{f.name}:")
            _text_lines(value, indent + 2, out)
        elif dataclasses.is_dataclass(value):
            out.append(f"{pad}{f.name}:")
            _mapping(value, indent + 2, f"{key}.", comments, out)
        elif isinstance(value, list):
            out.append(f"{pad}{f.name}:")
            for i, item in enumerate(value):
                out.extend(_comment(pad + "  ", comments.get(f"{key}[{i}]", ())))
                if isinstance(item, Text) and getattr(item, "n", None) is None:  # a list item's n: a mapping
                    out.append(f"{pad}  - {_scalar(item.sv)}")
                elif dataclasses.is_dataclass(item):
                    inner: list[str] = []
                    _mapping(item, indent + 4, f"{key}[{i}].", comments, inner)
                    out.append(f"{pad}  - {inner[0].lstrip()}")
                    out.extend(inner[1:])
                else:
                    out.append(f"{pad}  - {_scalar(item)}")
        else:
            out.append(f"{pad}{f.name}: {_scalar(value)}")


def _comment(pad: str, notes: tuple[str, ...]) -> list[str]:
    """The notes as comment lines of at most ``_WIDTH`` characters, broken only at spaces: an address or an
    id is never cut (one longer than a line gets a line of its own), so it can be copied whole."""
    width = _WIDTH - len(pad) - 2
    return [
        f"{pad}# {line}"
        for note in notes
        for line in textwrap.wrap(note, width, break_long_words=False, break_on_hyphens=False)
    ]


def _text_lines(text: Text, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for lang in ("sv", "en"):
        value = getattr(text, lang)
        if value is None:
            continue
        if "\n" not in value and len(pad) + len(lang) + 2 + len(value) <= _WIDTH:
            out.append(f"{pad}{lang}: {_scalar(value)}")
            continue
        out.append(f"{pad}{lang}: >-")  # folded: lines join with a space, a blank line is a line break
        for n, paragraph in enumerate(value.split("\n")):
            if n:
                out.append("")
            line = ""
            for word in paragraph.split(" "):
                if line and len(pad) + 2 + len(line) + 1 + len(word) > _WIDTH:
                    out.append(f"{pad}  {line}")
                    line = word
                else:
                    line = f"{line} {word}" if line else word
            out.append(f"{pad}  {line}")


def _count(words: str) -> Count:
    """A count as loading reads its words (counted.py): "femton" is 15, "ett 40-tal" about 40, "drygt 20"
    at least 20; words that give no number keep only their text."""
    read = numbers_in(words)
    if not read:
        return Count(text=words)
    first = read[0]
    bound = first.kind if first.kind in ("at-least", "at-most") else None
    return Count(text=words, value=first.value, approximate=first.kind == "approximate", bound=bound)  # type: ignore[arg-type]
