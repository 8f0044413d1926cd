"""The records a person edits in ``data/``: what a sakråd documentation states, typed.

Each class is one kind of YAML record; its JSON Schema is generated from it (``sakrad-ld schema``)
and published with the release. Field docs are the schema's descriptions.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

import pyoxigraph as ox

from .errors import Where
from .orgnr import not_an_organisation_number
from .orgnr import refusal as orgnr_refusal
from .typedyaml import Check, Lines, Ref, pattern_check, quoted, scalar_field

__all__ = [
    "Address",
    "Agent",
    "Body",
    "ChairRef",
    "ConvenerRef",
    "ContactPoint",
    "Contact",
    "Corpus",
    "Count",
    "credited",
    "DatasetConfig",
    "FactSource",
    "FurtherCount",
    "GovernmentParticipant",
    "Holding",
    "Identifier",
    "Link",
    "ListItem",
    "MEETING_FACTS",
    "Meeting",
    "Note",
    "Organisation",
    "Person",
    "Post",
    "Presentations",
    "PressContact",
    "Source",
    "Text",
    "VERIFIED",
]

ID_PATTERN = r"[a-z0-9]+(?:[-.][a-z0-9]+)*"


def _id_test(value: str) -> str | None:
    if re.fullmatch(ID_PATTERN, value):
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", value.lower().translate(str.maketrans("åäöéü", "aaoeu"))).strip("-")
    hint = f" (try {slug!r})" if slug else ""
    return f"{value!r} cannot form an IRI segment{hint}"


def _date_test(value: str) -> str | None:
    """A calendar date, or a date known only to the month or year (``2017``, ``2017-02``)."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return None
        if re.fullmatch(r"\d{4}-\d{2}", value):
            dt.date.fromisoformat(value + "-01")
            return None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            dt.date.fromisoformat(value)
            return None
    except ValueError:
        pass
    return f"{value!r} is not a valid date"


def _orgnr_test(value: str) -> str | None:
    """A Swedish organisation number: ten digits with a valid check digit (python-stdnum), and digits an
    organisation's number has (:func:`orgnr.not_an_organisation_number`): a personal identity number
    (third digit below 2) or a number of group 0, 1 or 4 passes the check digit but is no organisation's."""
    if (err := orgnr_refusal(value)) is not None:
        return f"{value!r} is not a valid Swedish organisation number ({err.message.rstrip('.').lower()})"
    if (reason := not_an_organisation_number(value)) is not None:
        return f"{value!r} is not a Swedish organisation number: {reason}"
    return None


def _telephone_test(value: str) -> str | None:
    digits = re.sub(r"[\s-]", "", value)
    if re.fullmatch(r"(?:\+46|0)\d{6,12}", digits) and re.fullmatch(r"[+\d][\d\s-]*\d", value):
        return None
    return f"{value!r} is not a valid Swedish telephone number"


Id = Annotated[
    str,
    Check(
        "id",
        "lower-case letters, digits and single hyphens or dots, such as 'svenska-roda-korset'",
        _id_test,
        {"pattern": f"^{ID_PATTERN}$"},
    ),
]
Date = Annotated[
    str,
    Check(
        "date",
        "a date YYYY-MM-DD, or YYYY-MM or YYYY when only that is known",
        _date_test,
        {"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
    ),
]
Email = Annotated[
    str,
    pattern_check(
        "e-mail address", r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", "an e-mail address such as 'namn@regeringskansliet.se'"
    ),
]
Telephone = Annotated[
    str,
    Check(
        "telephone number",
        "a Swedish telephone number such as '08-405 10 00'",
        _telephone_test,
        {"pattern": r"^[+\d][\d\s-]*\d$"},
    ),
]
Orgnr = Annotated[
    str,
    Check(
        "organisation number",
        "a Swedish organisation number NNNNNN-NNNN with a valid check digit",
        _orgnr_test,
        {"pattern": r"^\d{6}-?\d{4}$"},
    ),
]

URL_PATTERN = r"https?://[^\s<>\"{}|\\^`]+"
_URL = re.compile(URL_PATTERN)
#: A path segment '.' or '..' (also percent-encoded: '%2e'), which a client resolves away.
_DOT_SEGMENT = re.compile(r"(?i)(?:\.|%2e){1,2}")


def _url_test(value: str) -> str | None:
    """An http(s) URL that is an IRI a release can hold (pyoxigraph's parser: percent escapes, one
    '#', brackets only around an IPv6 host), with a host, a port of at most 65535, no user part and
    no '.' or '..' segment."""
    if not _URL.fullmatch(value):
        return f"{quoted(value)} is not an http(s) URL"
    try:
        ox.NamedNode(value)
    except ValueError as err:
        return (
            f"{quoted(value)} is not an IRI ({str(err).rstrip('.')}): write a character a URL cannot hold "
            "percent-encoded (a '%' that begins no escape as '%25', a second '#' as '%23', '@' as '%40')"
        )
    parts = urlsplit(value)
    if "@" in parts.netloc:
        return f"{quoted(value)} has a user part before '@'"
    if not parts.hostname:
        return f"{quoted(value)} has no host"
    if not parts.hostname.isascii():
        return _host_problem(value, parts.hostname)
    try:
        parts.port  # noqa: B018 - urlsplit checks the port when asked for it
    except ValueError:
        return f"{quoted(value)} has a port that is not a number from 0 to 65535"
    if any(_DOT_SEGMENT.fullmatch(segment) for segment in parts.path.split("/")):
        return f"{quoted(value)} has a '.' or '..' segment in its path"
    return None


def _host_problem(value: str, host: str) -> str:
    """Why a host of letters beyond ASCII is refused: 'раураl.com' in Cyrillic looks like 'paypal.com'
    and a page links to what it shows; its ASCII form (IDNA, 'xn--…') shows which host it is, and is
    the form every client sends anyway."""
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"{quoted(value)} has a host that is not ASCII and not a valid international domain name"
    return (
        f"{quoted(value)} has a host that is not ASCII ({quoted(host)}), which may look like another host: "
        f"write it in its ASCII (IDNA) form, {quoted(ascii_host)}"
    )


Url = Annotated[
    str,
    # the expected text is the JSON Schema's description, published with the release: kept short
    Check("URL", "an http(s) URL", _url_test, {"pattern": f"^(?:{URL_PATTERN})$"}),
]


OrganisationId = Annotated[str, Ref("organisation"), Id.__metadata__[0]]
PersonId = Annotated[str, Ref("person"), Id.__metadata__[0]]
BodyId = Annotated[str, Ref("body"), Id.__metadata__[0]]
PostId = Annotated[str, Ref("post"), Id.__metadata__[0]]
SourceId = Annotated[str, Ref("source"), Id.__metadata__[0]]


def _lines() -> Lines | None:
    return field(default=None, compare=False, repr=False)  # type: ignore[return-value]


@scalar_field("sv")
@dataclass(frozen=True, slots=True)
class Text:
    """Text in Swedish, optionally with an English translation; a bare string is Swedish."""

    sv: str = field(metadata={"doc": "the Swedish text, as the source words it"})
    en: str | None = field(default=None, metadata={"doc": "an English translation"})
    lines: Lines | None = _lines()


@scalar_field("sv")
@dataclass(frozen=True, slots=True)
class ListItem(Text):
    """A question or a discussion area, word for word: Swedish, optionally with an English
    translation, and its number where its place in the list must not name it; a bare string is Swedish."""

    n: int | None = field(
        default=None,
        metadata={
            "doc": "the item's number, the last segment of its IRI (…/question/3, …/discussion-area/3): once "
            "published, never changed or given to another item of the list; left out, its place in the list "
            "(1, 2, …). Its place, not its number, is its position in the source's order (schema:position)"
        },
    )


@dataclass(frozen=True, slots=True)
class Source:
    """A document facts are taken from: the documentation of a sakråd, a web page, a register."""

    id: Id
    title: Text | None = field(
        default=None,
        metadata={
            "doc": "the document's own title, word for word (its heading, or its listing's title); left out where not known"
        },
    )
    label: Text | None = field(
        default=None,
        metadata={
            "doc": "where the real title is not known: the data's own description of the document (published "
            "as rdfs:label, never as its title)"
        },
    )
    kind: Literal["documentation", "web-page", "article", "press-release", "invitation", "minutes", "register"] = field(
        kw_only=True,
        metadata={
            "doc": "what kind of document it is: documentation (of a sakråd), web-page (a sakråd page), article, "
            "press-release, invitation, minutes, register (a register or a copy of one)"
        },
    )
    url: Url | None = field(default=None, metadata={"doc": "where the document is published, if known"})
    language: Literal["sv", "en"] | None = field(
        default=None, metadata={"doc": "the language the document is written in (sv, en); left out where not known"}
    )
    file: str | None = field(default=None, metadata={"doc": "a copy of the text kept beside the data"})
    publisher: BodyId | None = field(
        default=None,
        metadata={
            "doc": "the body that issued it (a page's department label says who published the page, "
            "not who organised the sakråd)"
        },
    )
    published: Date | None = field(
        default=None, metadata={"doc": "the publication date the document or its listing states"}
    )
    notes: list[Note] = field(
        default_factory=list, metadata={"doc": "notes on the document: an inconsistency in it, what it does not say"}
    )
    lines: Lines | None = _lines()


def credited(record: typing.Any, fact: str, *, first: bool = True) -> str | None:
    """The document ``fact`` (a field's name, or ``name.en``/``label.en``) of a shared record (an
    organisation, body, post or person) is credited to: the one its ``fact_sources`` name for ``fact``,
    else (``first``) the record's first source; None where there is neither. The release places the fact
    in that document's graph and the load checks read that document's kept text (placed.py, named.py,
    registered.py, stated.py)."""
    named = next((fs.source for fs in record.fact_sources if fact in fs.facts), None)
    return named if named is not None or not first else (record.sources[0] if record.sources else None)


#: A body's, post's or person's relation or English name (related.py, docs/model.md "Stated is not derived").
_DERIVED = "set where no source states %s: why the data gives it (published in the dataset's graph, not a source's)"
_CREDITED = "which relations or English names (unit_of, name.en, label.en, reports_to, member_of) another source states"


@dataclass(frozen=True, slots=True)
class RelatedFactSource:
    """Relations or English names of a body, post or person that another document than its first source states."""

    facts: list[Literal["unit_of", "name.en", "label.en", "reports_to", "member_of"]]
    source: SourceId = field(metadata={"doc": "the document that states them"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Body:
    """A government body: the Government Offices, a ministry, or a unit of a ministry."""

    id: Id
    name: Text
    kind: Literal["government-offices", "ministry", "office", "unit", "agency"] = field(
        metadata={
            "doc": "government-offices: Regeringskansliet; ministry: a departement; office: a part of the "
            "Government Offices that is not a ministry (Statsrådsberedningen); unit: a unit of a ministry; "
            "agency: a public agency or other public body outside the Government Offices"
        }
    )
    unit_of: BodyId | None = field(default=None, metadata={"doc": "the body this one is part of"})
    unit_of_derivation: Text | None = field(default=None, metadata={"doc": _DERIVED % "unit_of"})
    name_en_derivation: Text | None = field(default=None, metadata={"doc": _DERIVED % "name.en"})
    fact_sources: list[RelatedFactSource] = field(default_factory=list, metadata={"doc": _CREDITED})
    website: Url | None = field(default=None, metadata={"doc": "the body's own website, where a source gives it"})
    links: list[Link] = field(
        default_factory=list,
        metadata={"doc": "the same body in public registers (Lagrummet, Wikidata), each with its source"},
    )
    sources: list[SourceId] = field(default_factory=list, metadata={"doc": "where these facts come from"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Post:
    """A post in a government body (a minister, a state secretary), held by people over time."""

    id: Id
    label: Text
    post_in: BodyId = field(
        metadata={
            "doc": "the body the post belongs to: as the post's first source names it, else placed by the data "
            "itself with post_in_derivation saying why"
        }
    )
    post_in_derivation: Text | None = field(
        default=None,
        metadata={
            "doc": "set when the post's first source does not name the body (post_in) but the data places the post "
            "there by a rule of its own (every minister's and state secretary's post is one of the Government "
            "Offices'): why. The placement (org:postIn, and org:organization of the posts held) is then published "
            "as the data's own (in the dataset's graph, with sakrad:postInDerivation), never as a source's"
        },
    )
    reports_to: PostId | None = field(default=None, metadata={"doc": "the post this one serves"})
    reports_to_derivation: Text | None = field(default=None, metadata={"doc": _DERIVED % "reports_to"})
    label_en_derivation: Text | None = field(default=None, metadata={"doc": _DERIVED % "label.en"})
    fact_sources: list[RelatedFactSource] = field(default_factory=list, metadata={"doc": _CREDITED})
    sources: list[SourceId] = field(default_factory=list)
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Holding:
    """That a person held a post, as a source shows it on a date (never timeless)."""

    post: PostId
    source: SourceId = field(metadata={"doc": "the document that shows them holding it"})
    as_of: Date | None = field(
        default=None,
        metadata={
            "doc": "the date on which the source shows them holding it (the meeting's date, or the "
            "document's); left out when the source gives none"
        },
    )
    as_of_derivation: Text | None = field(
        default=None,
        metadata={
            "doc": "how as_of was worked out where the source's text does not state it (sv, en), such as a "
            "page's publication date where its text's own date gives no year; as_of is then published as "
            "the holding's sakrad:derivedDate with this as its sakrad:derivation, not as sakrad:attestedOn"
        },
    )
    key: Id | None = field(
        default=None,
        metadata={
            "doc": "the last segment of the holding's IRI (…/holding/POST/KEY) where it must keep one published "
            "before: an opaque name, not a date even where it looks like one; left out, the as_of, else the source"
        },
    )
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in a source, with the posts they held and bodies they belonged to as stated."""

    id: Id
    name: str
    holds: list[Holding] = field(
        default_factory=list, metadata={"doc": "posts a source shows them holding, each dated by that source"}
    )
    member_of: list[BodyId] = field(default_factory=list, metadata={"doc": "bodies they worked in"})
    member_of_derivation: Text | None = field(default=None, metadata={"doc": _DERIVED % "member_of"})
    fact_sources: list[RelatedFactSource] = field(default_factory=list, metadata={"doc": _CREDITED})
    links: list[Link] = field(
        default_factory=list, metadata={"doc": "the same person in public registers (Wikidata), each with its source"}
    )
    sources: list[SourceId] = field(default_factory=list)
    lines: Lines | None = _lines()


#: How an identifier or a register link was verified (docs/model.md, "Stated is not derived").
Status = Literal["register", "register-copy", "secondary", "retired"]
_STATUS_DOC = (
    "how it was verified: register (read in the register itself, such as wikidata.org or "
    "Skatteverket), register-copy (read in a copy of the register's own list that the register's keeper "
    "publishes, pinned to a version, such as Domstolsverket's rinfo/rdl at a commit), secondary (read in "
    "another document, a third party's mirror of a register too), retired (read in an entry the register "
    "or its keeper's copy marks retired); only register and register-copy give an equivalence "
    "(owl:sameAs, skos:exactMatch), the others rdfs:seeAlso at most"
)
#: The statuses that count as confirmed: the link is published as an equivalence. They are the
#: members of the ontology's collection sakrad:confirmingStatus (tests/test_verification.py).
VERIFIED = frozenset({"register", "register-copy"})


@dataclass(frozen=True, slots=True)
class Identifier:
    """An identifier of an organisation in a public register, with the page it was read from."""

    scheme: Literal["orgnr"] = field(metadata={"doc": "orgnr: Swedish organisation number"})
    value: Orgnr
    source: Url = field(metadata={"doc": "the page or file the identifier was read from"})
    status: Status = field(metadata={"doc": _STATUS_DOC})
    note: Text | None = field(default=None, metadata={"doc": "what a person should know about the identifier"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Link:
    """The same thing in another public register, with the page the link was read from (docs/links.md)."""

    register: Literal["lagrummet", "wikidata"] = field(
        metadata={
            "doc": "lagrummet: the legal-information system's IRIs of public bodies (http://rinfo.lagrummet.se/org/…); "
            "wikidata: a Wikidata entity (http://www.wikidata.org/entity/Q…)"
        }
    )
    iri: Url = field(metadata={"doc": "the register's IRI for the same thing"})
    source: Url = field(metadata={"doc": "the page or file the link was read from"})
    status: Status = field(metadata={"doc": _STATUS_DOC})
    note: Text | None = field(default=None, metadata={"doc": "what a person should know about the link"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Organisation:
    """A civil-society organisation, named as a source names it."""

    id: Id
    name: str = field(metadata={"doc": "the name as the sakråd documentation writes it"})
    alt_names: list[str] = field(default_factory=list, metadata={"doc": "other names used for it"})
    legal_name: str | None = field(default=None, metadata={"doc": "the registered name, where known"})
    identifiers: list[Identifier] = field(default_factory=list)
    links: list[Link] = field(
        default_factory=list,
        metadata={"doc": "the same organisation in public registers (Wikidata), each with its source"},
    )
    website: Url | None = None
    sources: list[SourceId] = field(default_factory=list)
    fact_sources: list[OrganisationFactSource] = field(
        default_factory=list,
        metadata={
            "doc": "which facts come from which of its sources (every other fact is the first source's; "
            "the homepage is its own source)"
        },
    )
    lines: Lines | None = _lines()


#: The facts of an organisation another document than its first source can state.
OrganisationFact = Literal["name", "alt_names", "legal_name", "website"]


@dataclass(frozen=True, slots=True)
class OrganisationFactSource:
    """Facts of an organisation that come from another document than its first source."""

    facts: list[OrganisationFact] = field(metadata={"doc": "the facts (field names) the document states"})
    source: SourceId = field(metadata={"doc": "the document they are taken from"})
    lines: Lines | None = _lines()


#: The facts of a meeting a note or a source can be about, by their field names.
MeetingFact = Literal[
    "title",
    "announced_only",
    "topic",
    "organiser",
    "date",
    "days",
    "place",
    "purpose",
    "process",
    "invited_count",
    "organisation_count",
    "participant_count",
    "organisation_list",
    "invited_description",
    "chair",
    "conveners",
    "government_participants",
    "agencies",
    "presentations",
    "questions",
    "discussion_areas",
    "announced_discussion_areas",
    "handling_of_views",
    "contact",
    "press_contact",
    "organisations",
    "case_number",
]
MEETING_FACTS: tuple[str, ...] = typing.get_args(MeetingFact)


#: A part of a meeting (a count, the chair, a contact, …) whose source is another document than the
#: meeting's main source: what that document does (says so, names them, states it).
_OTHER_SOURCE = "the document that %s, when not the meeting's main source"


@dataclass(frozen=True, slots=True)
class Count:
    """A number as the source states it: its words, and the number where the words give one."""

    text: str = field(metadata={"doc": "the words of the source, such as 'femton' or 'ett 40-tal'"})
    value: int | None = field(
        default=None,
        metadata={
            "doc": "the number the words give: exact, the round number an approximation names "
            "('ett 40-tal' → 40, with approximate: true), or the bound the words name ('drygt 50' → 50, with "
            "bound: at-least); left out when the words give none"
        },
    )
    approximate: bool = field(
        default=False,
        metadata={"doc": "true when the words give a number give or take ('ett trettiotal', 'ett 40-tal', 'cirka 40')"},
    )
    bound: Literal["at-least", "at-most"] | None = field(
        default=None,
        metadata={
            "doc": "set when the words give a bound, not the number: at-least for 'drygt 40', 'över 40', 'fler än "
            "40', 'mer än 40', 'minst 40' (value is the lower bound), at-most for 'nästan 40', 'knappt 40' (value "
            "is the upper bound); published as schema:minValue or schema:maxValue, never as the number. Not "
            "together with approximate"
        },
    )
    group: str | None = field(
        default=None,
        metadata={
            "doc": "the group the count counts, in the source's words, where the source counts one group and not "
            "everyone ('representanter för Regeringskansliet' in 'ett tiotal representanter för "
            "Regeringskansliet'): words of text, word for word. Its number is then that group's, never everyone's; "
            "published as sakrad:countedGroup"
        },
    )
    source: SourceId | None = field(default=None, metadata={"doc": _OTHER_SOURCE % "states it"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class FurtherCount(Count):
    """The count of a further group of people the source counts apart from participant_count's."""

    n: int | None = field(
        default=None,
        metadata={
            "doc": "the count's number, the end of its IRI (…/count/participant-2; participant_count's is "
            "…/count/participant): 2 or more, once published never changed or given to another count; required "
            "where a meeting has two or more further counts, left out of a lone one, which is then 2"
        },
    )


@dataclass(frozen=True, slots=True)
class Note:
    """A note in Swedish (optionally English) on a meeting, a document or a single fact."""

    text: Text
    about: MeetingFact | None = field(
        default=None,
        metadata={"doc": "the fact of the meeting the note is about (a field name); left out for the whole record"},
    )
    source: SourceId | None = field(default=None, metadata={"doc": "the document the note concerns"})
    n: int | None = field(
        default=None,
        metadata={
            "doc": "the note's number, the last segment of its IRI (…/note/3): once published, never changed or "
            "given to another note; left out, the note's place among the record's notes (1, 2, …)"
        },
    )
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class FactSource:
    """Facts of a meeting that come from another document than its main source."""

    facts: list[MeetingFact] = field(metadata={"doc": "the facts (field names) the document states"})
    source: SourceId = field(metadata={"doc": "the document they are taken from"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class ChairRef:
    """Who led the meeting, and in what capacity."""

    person: PersonId
    post: PostId | None = field(default=None, metadata={"doc": "the post they led it in"})
    source: SourceId | None = field(default=None, metadata={"doc": _OTHER_SOURCE % "says so"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class ConvenerRef:
    """Who called the sakråd: a named person (in a post, where the source names it) or a body."""

    person: PersonId | None = None
    body: BodyId | None = None
    post: PostId | None = field(default=None, metadata={"doc": "the post the source names them in"})
    source: SourceId | None = field(default=None, metadata={"doc": _OTHER_SOURCE % "says so"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class GovernmentParticipant:
    """Someone from the Government Offices who took part: a named person or a body's officials."""

    person: PersonId | None = None
    body: BodyId | None = None
    description: Text | None = field(default=None, metadata={"doc": "how the source describes them"})
    source: SourceId | None = field(default=None, metadata={"doc": _OTHER_SOURCE % "says so"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Presentations:
    """The presentations given at the meeting, as far as the source describes them."""

    count: int | None = field(
        default=None,
        metadata={"doc": "how many presentations the source says were given; left out when it gives no number"},
    )
    description: Text | None = field(
        default=None,
        metadata={"doc": "the source's account of the presentations, word for word (given, or to be given)"},
    )
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Contact:
    """The contact person for the sakråd and how to reach them: a contact point, not a participant."""

    person: PersonId
    unit: BodyId | None = None
    purpose: Text | None = field(
        default=None,
        metadata={
            "doc": "what the source names them the contact for, where it narrows it (such as registration), "
            "in its words (the contact point's skos:prefLabel); left out when the source gives them as the contact for the sakråd"
        },
    )
    email: Email | None = None
    telephone: Telephone | None = None
    source: SourceId | None = field(default=None, metadata={"doc": _OTHER_SOURCE % "names them"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class PressContact:
    """A press contact a page names (Presskontakt): whom journalists ask, not a participant."""

    person: PersonId
    role: Text | None = field(default=None, metadata={"doc": "the title the page gives, such as 'pressekreterare'"})
    email: Email | None = None
    telephone: Telephone | None = None
    source: SourceId | None = field(default=None, metadata={"doc": _OTHER_SOURCE % "names them"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Meeting:
    """One sakråd (or a series of sessions): what its sources state, fact by fact. Unknown facts are left
    out; a fact from another document than the main source names it (``fact_sources`` or the record's
    own ``source``)."""

    id: Id
    source: SourceId = field(metadata={"doc": "the main document these facts are taken from"})
    title: Text = field(
        metadata={
            "doc": "the title, word for word as the main source (or the document fact_sources credit it to) "
            "heads it; where no source heads the meeting so, the data's own title, with title_derivation saying how"
        }
    )
    title_derivation: Text | None = field(
        default=None,
        metadata={
            "doc": "set when the title is not a source's headline but made by the data's publisher: how, quoting "
            "the source's real headline where it is known. The title is then published as the data's own "
            "(in the dataset's graph, with sakrad:titleDerivation), never as a source's"
        },
    )
    announced_only: bool = field(
        default=False,
        metadata={
            "doc": "true when the documents read only announce the sakråd or invite to it ('bjuder in', an "
            "invitation page): that it was held is not stated. Who took part, who chaired and how many came are "
            "then not stated either (organisations, organisation_count, participant_count, organisation_list, "
            "chair, agencies and government_participants are refused); published as sakrad:announcedOnly. "
            "Refused beside minutes of the meeting in sources (kind: minutes) unless a note about "
            "announced_only says why they do not show it was held"
        },
    )
    held_derivation: Text | None = field(
        default=None,
        metadata={
            "doc": "set when no document read says the sakråd was held but one it cites shows that it was, "
            "such as an attachment titled as minutes of it, or, where no text of its documents was read, the "
            "compilation's account of its page as documenting a meeting held: how that follows, and what was "
            "not read. Published "
            "as sakrad:heldDerivation in the dataset's graph, with sakrad:heldDerivedFrom held_source; not with "
            "announced_only"
        },
    )
    held_source: SourceId | None = field(
        default=None,
        metadata={
            "doc": "the document held_derivation works from (minutes of the sakråd, by their title in the "
            "listing; the sakråd's page, by the compilation's account of it), the source or one of sources; "
            "given with held_derivation"
        },
    )
    kind: Literal["meeting", "series"] = field(
        default="meeting",
        metadata={
            "doc": "meeting: one sakråd; series: several sessions on one page (days) with different groups, "
            "published as one record without pretending they were one chaired meeting"
        },
    )
    sources: list[SourceId] = field(
        default_factory=list,
        metadata={"doc": "further documents about this meeting (minutes, a press release, another page)"},
    )
    fact_sources: list[FactSource] = field(
        default_factory=list,
        metadata={"doc": "which facts come from which further document (every other fact is the main source's)"},
    )
    topic: Text | None = None
    organiser: BodyId | None = field(
        default=None,
        metadata={
            "doc": "the ministry or unit that held it, only where a source says so (a page's department label "
            "is the page's publisher, not the organiser)"
        },
    )
    date: Date | None = field(default=None, metadata={"doc": "the date, as precise as the source gives it"})
    date_derivation: Text | None = field(
        default=None,
        metadata={
            "doc": "set when the date (or part of it, such as the year) is not stated but worked out: how. The date "
            "is then published as derived (sakrad:derivedDate), never as a stated date"
        },
    )
    days: list[Date] = field(
        default_factory=list,
        metadata={"doc": "the days, when the source names several for one sakråd or series (then date is left out)"},
    )
    place: str | None = None
    purpose: Text | None = None
    process: Text | None = None
    invited_count: Count | None = field(
        default=None, metadata={"doc": "how many organisations the source says were invited"}
    )
    organisation_count: Count | None = field(
        default=None, metadata={"doc": "how many organisations the source says took part"}
    )
    participant_count: Count | None = field(
        default=None,
        metadata={
            "doc": "how many people the source says took part ('ett sextiotal deltagare'); with group where the "
            "words count one group ('ett tiotal representanter från olika civilsamhällesorganisationer')"
        },
    )
    other_participant_counts: list[FurtherCount] = field(
        default_factory=list,
        metadata={
            "doc": "the counts of further groups of people the source counts apart from participant_count's "
            "('samt ett tiotal representanter för Regeringskansliet'), in the source's order: each with its group, "
            "as participant_count has too, and its number n; published as further sakrad:participantCount values, "
            "never added up to a total the source does not state"
        },
    )
    invited_description: Text | None = field(
        default=None, metadata={"doc": "who was invited, in the source's words ('organisationer som arbetar mot …')"}
    )
    chair: ChairRef | None = None
    conveners: list[ConvenerRef] = field(
        default_factory=list,
        metadata={
            "doc": "who called the sakråd and invited the organisations, as the source names them; "
            "kept apart from the chair even when the same person is both"
        },
    )
    government_participants: list[GovernmentParticipant] = field(default_factory=list)
    agencies: list[BodyId] = field(
        default_factory=list,
        metadata={"doc": "public agencies or other public bodies outside the Government Offices that took part"},
    )
    presentations: Presentations | None = None
    questions: list[ListItem] = field(default_factory=list, metadata={"doc": "the questions, in order, word for word"})
    discussion_areas: list[ListItem] = field(
        default_factory=list,
        metadata={
            "doc": "discussion areas or agenda items the source says the sakråd discussed, in order, word for word; "
            "areas a document only announces ('kommer att diskuteras') are announced_discussion_areas"
        },
    )
    announced_discussion_areas: list[ListItem] = field(
        default_factory=list,
        metadata={
            "doc": "discussion areas or agenda items a document announces for the sakråd before it ('Vid sakrådet "
            "kommer … att diskuteras', 'Vi kommer att diskutera'), in order, word for word, where no document says "
            "they were discussed; every area of a sakråd marked announced_only. Published as "
            "sakrad:announcedDiscussionArea, never as sakrad:discussionArea"
        },
    )
    handling_of_views: Text | None = field(default=None, metadata={"doc": "how the views will be handled"})
    contact: Contact | None = None
    press_contact: PressContact | None = None
    organisations: list[OrganisationId] = field(
        default_factory=list, metadata={"doc": "the participating organisations, in the source's order"}
    )
    organisation_list: Literal["complete", "partial"] | None = field(
        default=None,
        metadata={
            "doc": "whether the source presents its list of organisations as complete or as partial ('bland "
            "andra', names from photo captions); left out when the source does not say"
        },
    )
    case_number: str | None = field(
        default=None, metadata={"doc": "the diarienummer the Government Offices filed it under, as the source gives it"}
    )
    notes: list[Note] = field(
        default_factory=list,
        metadata={
            "doc": "notes on the meeting or one of its facts (an inconsistency between pages, what a page leaves open)"
        },
    )
    lines: Lines | None = _lines()

    def cited(self) -> Iterator[str]:
        """The documents the meeting names: its main source, those its facts are credited to, the further ones."""
        yield self.source
        yield from (fs.source for fs in self.fact_sources)
        yield from self.sources

    def source_of(self, fact: str) -> str:
        """The document ``fact`` (a field's name) is taken from: the one ``fact_sources`` credits it to,
        else the main source."""
        return next((fs.source for fs in self.fact_sources if fact in fs.facts), self.source)

    def where(self, name: str) -> Where:
        """The file, line and field of ``name`` (a meeting made in code, without lines: its file by id)."""
        return self.lines.where(name) if self.lines else Where(Path(f"meetings/{self.id}.yaml"), 0, name)


#: The ADMS publisher types (http://purl.org/adms/publishertype/1.0) DCAT-AP-SE offers.
PublisherType = Literal[
    "Academia-ScientificOrganisation",
    "Company",
    "IndustryConsortium",
    "LocalAuthority",
    "NationalAuthority",
    "NonGovernmentalOrganisation",
    "NonProfitOrganisation",
    "PrivateIndividual(s)",
    "RegionalAuthority",
    "StandardisationBody",
    "SupraNationalAuthority",
]
#: The EU data themes (http://publications.europa.eu/resource/authority/data-theme).
DataTheme = Literal[
    "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN"
]
LanguageCode = Annotated[
    str, pattern_check("EU language code", r"[A-Z]{3}", "a code of the EU language table, such as 'SWE'")
]


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent of the catalogue: a publisher or creator of the dataset."""

    id: Id
    name: Text
    orgnr: Orgnr | None = field(
        default=None, metadata={"doc": "the organisation number; adds owl:sameAs the dataportal.se publisher IRI"}
    )
    homepage: Url | None = None
    kind: PublisherType = field(
        default="NonProfitOrganisation",
        metadata={"doc": "the ADMS publisher type, which DCAT-AP-SE requires (default NonProfitOrganisation)"},
    )
    description: Text | None = field(default=None, metadata={"doc": "who the agent is, in a sentence"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address of a contact point (vCard)."""

    street: str
    postal_code: str
    locality: str
    country: str = "Sverige"
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class ContactPoint:
    """Where a consumer of the dataset can ask about it: stated only when the publisher has one."""

    id: Id
    name: Text
    email: Email
    url: Url | None = None
    telephone: Telephone | None = field(default=None, metadata={"doc": "a telephone number (recommended)"})
    address: Address | None = field(default=None, metadata={"doc": "a postal address (recommended)"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class DatasetConfig:
    """The release's settings and catalogue facts (``data/dataset.yaml``), each with a default."""

    base_iri: Url = field(metadata={"doc": "every IRI of the data is minted under this base"})
    version: str = field(metadata={"doc": "the dataset's version, such as 1.0.0"})
    title: Text
    description: Text
    issued: Date = field(metadata={"doc": "when the dataset was first published"})
    modified: Date = field(metadata={"doc": "when the dataset last changed"})
    publisher: Agent
    contact_point: ContactPoint | None = field(
        default=None,
        metadata={
            "doc": "where to ask about the dataset (dcat:contactPoint), stated only when the publisher has one:"
            " DCAT-AP-SE recommends it, and a contact point it gives must have an e-mail address (none if unset)"
        },
    )
    licence: Url = field(
        default="http://creativecommons.org/publicdomain/zero/1.0/",
        metadata={"doc": "the licence of the data (CC0 1.0 unless configured)"},
    )
    rights: Text | None = field(
        default=None,
        metadata={
            "doc": "what the licence does not cover, as a rights statement (dct:rights) of the dataset, its"
            " distributions and the data service: texts quoted from sources are their publishers' (none if unset)"
        },
    )
    download_base: Url | None = field(
        default=None,
        metadata={
            "doc": "where the release files are published (default: the base IRI, so catalog.ttl is {base}catalog.ttl)"
        },
    )
    sparql_endpoint: Url | None = field(
        default=None,
        metadata={
            "doc": "the public SPARQL endpoint; the catalogue describes it as a dcat:DataService (none if unset)"
        },
    )
    keywords: list[Text] = field(default_factory=list)
    creator: Agent | None = field(default=None, metadata={"doc": "who made the dataset (default: the publisher)"})
    themes: list[DataTheme] = field(
        default_factory=lambda: ["GOVE"],
        metadata={"doc": "EU data themes of the dataset (default GOVE, government and public sector)"},
    )
    spatial: list[Url] = field(
        default_factory=lambda: ["http://publications.europa.eu/resource/authority/country/SWE"],
        metadata={"doc": "the places the dataset covers, as EU authority-table IRIs (default: Sweden)"},
    )
    languages: list[LanguageCode] = field(
        default_factory=lambda: ["SWE", "ENG"],
        metadata={"doc": "the languages of the dataset's text, as EU language codes (default SWE and ENG)"},
    )
    access_rights: Literal["PUBLIC", "RESTRICTED", "NON_PUBLIC"] = field(
        default="PUBLIC", metadata={"doc": "the EU access-right of the dataset (default PUBLIC)"}
    )
    availability: Literal["AVAILABLE", "STABLE", "TEMPORARY", "EXPERIMENTAL"] = field(
        default="STABLE",
        metadata={
            "doc": "how long the release files stay available, from the EU planned-availability table (default STABLE)"
        },
    )
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything in ``data/``, loaded and cross-checked: the input of the build."""

    config: DatasetConfig
    sources: tuple[Source, ...]
    bodies: tuple[Body, ...]
    posts: tuple[Post, ...]
    people: tuple[Person, ...]
    organisations: tuple[Organisation, ...]
    meetings: tuple[Meeting, ...]
    #: the texts kept beside the data for sources (``file:``), by source id, as loading read and checked them
    copies: dict[str, str] = field(default_factory=dict)
