"""The dates a post holding is attested on must be dates a source states (a load-time check).

A holding's ``as_of`` (published as ``sakrad:attestedOn``) says on which day its source shows the post
held. Two ways a date that no source states can slip in, each refused with the file and line:

- the date of a meeting whose date is derived (``date_derivation``: a year worked out from a page's
  address or publication date), taken over for a holding its page attests: the page's own publication
  date (``published`` in data/sources.yaml) is the stated one to use, or none;
- a day after the source was published (an invitation naming the meeting's future day): the page shows
  the post held on its publication date, not on a day still to come;
- the date of a meeting that another document states, taken over for a holding whose own source (a
  page, article or press release, not the meeting's own invitation or minutes) does not state it (an
  article saying "Den 13 december" without a year): the source's publication date is
  the one it states;
- a meeting's day for a press release or an invitation whose publication date is not known: it
  announces the meeting, and may have been written before the day, so it shows the post held on a
  day the data does not know;
- any other date, for a source a meeting cites: an ``as_of`` must be the source's publication date or a
  stated day (``date`` or ``days``, with no ``date_derivation``) of a meeting that cites the source; a
  date no source gives (a year before the press release) is refused. (A source no meeting cites, such
  as a register page, is held to its publication date: no later, and at most
  :data:`BEFORE_PUBLICATION` days earlier.)

A holding whose source's text is kept must have an ``as_of`` its text states, or an ``as_of_derivation``
saying how it was worked out (a page's publication date where its own "Den 13 december" gives no year):
it is then published as derived (``sakrad:derivedDate`` with ``sakrad:derivation``), not as
``sakrad:attestedOn``, and the checks above still hold for it. A date the holding's own source states in
its kept text (``file``, in Swedish words: "Den 17 mars 2023") is accepted, even where a meeting citing the source derives the same date from another page: the
source states it, whatever the meeting's derivation. It may still not be after the source's publication.

An organisation's ``legal_name`` is credited to the document ``fact_sources`` names for it, else to the
organisation's first source; a kind of document that gives the name an organisation goes by, not its
registered name (:data:`NO_LEGAL_NAMES`: an article, a press release, an invitation), is refused as its
source (reported by :func:`check_register_sources`).

An identifier or register link with ``status: register`` says it was read in the register itself, so
its ``source`` must be a page of that register's own host (:data:`REGISTER_HOSTS`): a number read in a
third party's mirror on github.com is ``secondary``, whatever register it mirrors
(:func:`check_register_sources`; ``sakrad-ld links check`` reports the same). Where the register's
addresses name the item (a Wikidata QID in wiki/Q…, entity/Q… or Special:EntityData/Q…; a Lagrummet
slug in org/<slug>), the source must name the item the claim's IRI names: Wikidata's page of Q1 does
not confirm Q3369258. A Wikidata source that names no item is refused; a Lagrummet one is compared only
where it names one. A Wikidata page is an item's only on www.wikidata.org or m.wikidata.org with the
item's page as its whole path, or the permanent link to a revision (``/w/index.php?title=Q…&oldid=N``),
with or without the interface's language (``uselang=sv``).
An organisation number's page must show the number: its address, or the kept text of the source
(data/sources.yaml) with that address, holds its ten digits (with or without the hyphen); and SCB's
register of public bodies confirms only numbers of group 2, its business register any
(:data:`HOST_GROUPS`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .clauses import LazyPattern
from .dated import date_forms
from .errors import InputError, Where
from .typedyaml import quoted

if TYPE_CHECKING:
    from .records import Corpus

#: The hosts of each register's own pages, by register (``links[].register``) or identifier scheme
#: (``identifiers[].scheme``): a ``status: register`` claim must be read on one of them (or a host
#: below one, such as www.skatteverket.se; Wikidata's only on the two hosts named, :data:`_EXACT_HOSTS`).
#: Organisation numbers are kept by Skatteverket, Bolagsverket and SCB (its register of public bodies:
#: numbers of group 2 only, :data:`HOST_GROUPS`); Lagrummet's IRIs by Domstolsverket at lagrummet.se
#: (rinfo.lagrummet.se). test.wikidata.org is another Wikibase, whose Q-numbers name other items.
REGISTER_HOSTS: dict[str, tuple[str, ...]] = {
    "wikidata": ("www.wikidata.org", "m.wikidata.org"),
    "orgnr": ("skatteverket.se", "bolagsverket.se", "scb.se"),
    "lagrummet": ("lagrummet.se",),
}
#: Registers whose hosts are exactly those of :data:`REGISTER_HOSTS`, none below them.
_EXACT_HOSTS = frozenset({"wikidata"})
#: The groups of organisation numbers (their first digit, :data:`sakrad_ld.orgnr.GROUPS`) a host's
#: register keeps, where it keeps only some: SCB's register of public bodies (Myndighetsregistret)
#: numbers the state, regions, municipalities and parishes, group 2, and no association or company.
#: SCB's business register (Företagsregistret, foretagsregistret.scb.se) lists every legal person's
#: number, associations' and foundations' too: its host is no such exception (the longest host that
#: a page's host is, or lies below, decides; None, every group).
HOST_GROUPS: dict[str, frozenset[str] | None] = {"scb.se": frozenset("2"), "foretagsregistret.scb.se": None}


def _host_groups(host: str) -> tuple[str, frozenset[str]] | None:
    """The host of :data:`HOST_GROUPS` that ``host`` is or lies below (the longest), and the groups its
    register keeps; None where that register keeps every group, or none is named."""
    kept = max((k for k in HOST_GROUPS if host == k or host.endswith("." + k)), key=len, default=None)
    groups = HOST_GROUPS.get(kept) if kept else None
    return (kept, groups) if kept and groups is not None else None


def _host(source: object) -> str:
    try:
        return (urlsplit(source).hostname or "").rstrip(".").lower() if isinstance(source, str) else ""
    except ValueError:
        return ""


def register_host(source: str | None, register: str) -> bool:
    """Whether ``source`` is a page on the own host of ``register`` (:data:`REGISTER_HOSTS`)."""
    host = _host(source or "")
    exact = register in _EXACT_HOSTS
    return any(host == h or (not exact and host.endswith("." + h)) for h in REGISTER_HOSTS.get(register, ()))


#: Where each register's pages name the item they are about, as the whole path: a Wikidata item's page
#: (wiki/Q…, entity/Q…, Special:EntityData/Q… with or without a format's suffix), a Lagrummet
#: organisation (org/<slug>). A claim's IRI names its item the same way.
_NAMED: dict[str, LazyPattern] = {
    "wikidata": LazyPattern(
        r"/(?:wiki/|entity/|wiki/Special:EntityData/|Special:EntityData/)(Q[1-9][0-9]*)"
        r"(?:\.(?:json|jsonld|ttl|nt|rdf|n3))?"
    ),
    "lagrummet": LazyPattern(r"/org/([^/?#.]+)"),
}
#: Registers whose own pages always name the item in their address: a page that names none is not the item's.
_ALWAYS_NAMED = ("wikidata",)
#: The language of Wikidata's interface (``uselang=sv``, as a Swedish reader's link often carries it): it
#: names no other page, so an address with it names the item the address without it names.
_DISPLAY_LANGUAGE = LazyPattern(r"uselang=[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
#: Wikidata's permanent link to a revision of an item: ``/w/index.php?title=Q…&oldid=N``.
_REVISION = LazyPattern(r"title=(Q[1-9][0-9]*)&oldid=([1-9][0-9]*)|oldid=([1-9][0-9]*)&title=(Q[1-9][0-9]*)")


def named_item(address: object, register: str) -> str | None:
    """The item of ``register`` that ``address`` (a page or an IRI) names: a QID, a Lagrummet slug; or None.

    A Wikidata address names an item only when its whole path is the item's page (``/wiki/Q42``,
    ``/entity/Q42``, ``/wiki/Special:EntityData/Q42.json``) with no query but a revision
    (``?oldid=N``), or it is the permanent link to a revision (``/w/index.php?title=Q42&oldid=N``),
    either beside the interface's language (``uselang=sv``): a user's page or a project page whose path
    ends in ``/wiki/Q42`` is about something else."""
    pattern = _NAMED.get(register)
    if pattern is None or not isinstance(address, str):
        return None
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    if register == "wikidata":
        query = "&".join(p for p in parts.query.split("&") if not _DISPLAY_LANGUAGE.fullmatch(p))
        if parts.path == "/w/index.php" and (m := _REVISION.fullmatch(query)):
            return m[1] or m[4]
        page = pattern.fullmatch(parts.path)
        if page is None or (query and not re.fullmatch(r"oldid=[1-9][0-9]*", query)):
            return None
        return page[1]
    found = pattern.findall(parts.path)
    return found[-1] if found else None


def _digits_of(number: str) -> str:
    return re.sub(r"\D", "", number)


#: An organisation number as a page shows it (:func:`shows_number`): six digits, maybe after the ``16`` of
#: Skatteverket's twelve-digit form, a hyphen, dash or space or nothing, four digits; no digit on either
#: side. Where a match may begin, one reading only fits the digits (runs of 6, 8, 10 or 12 digits before
#: the four's run of 4), so the numbers a text shows are the matches of one pass.
_SHOWN = LazyPattern(r"(?<!\d)(?:16)?(\d{6})[-\s\u00a0\u2010-\u2013]?(\d{4})(?!\d)")


@functools.lru_cache(maxsize=64)
def shown_numbers(text: str) -> frozenset[str]:
    """The organisation numbers ``text`` shows, as their ten digits (:data:`_SHOWN`): read once per text,
    however many numbers are looked for in it (a register's page kept for several organisations)."""
    return frozenset(m[1] + m[2] for m in _SHOWN.finditer(text))


def shows_number(number: object, source: object, text: str | None = None) -> bool:
    """Whether the address ``source`` (percent-escapes decoded) or the kept ``text`` of the page holds the
    organisation number ``number``: its ten digits, with or without the hyphen (or a space) after the sixth,
    and with or without the ``16`` Skatteverket writes before a legal person's number in its twelve-digit
    form (``16802004-9998``), and not within a longer run of digits."""
    digits = _digits_of(number) if isinstance(number, str) else ""
    if len(digits) != 10:
        return False
    address = unquote(source) if isinstance(source, str) else ""
    return digits in shown_numbers(address) or (text is not None and digits in shown_numbers(text))


def _number_problem(source: str, number: object, text: str | None) -> str | None:
    """Why a register's page ``source`` (with its kept ``text``, if any) does not confirm ``number``, or None."""
    host = _host(source)
    digits = _digits_of(number) if isinstance(number, str) else ""
    restricted = _host_groups(host)
    if restricted is not None:
        kept, groups = restricted
        if digits[:1] not in groups:
            return (
                f"status register, but the source {source!r} is on {kept}, whose register keeps only numbers of "
                f"group {' or '.join(sorted(groups))}, not {number} (group {digits[:1] or '?'})"
            )
    if shows_number(number, source, text):
        return None
    kept_text = "its kept text (the file of the source in data/sources.yaml with this url)"
    return (
        f"status register, but the source {source!r} does not show the organisation number {number}: neither its "
        f"address nor {kept_text if text is not None else 'a kept text (no source in data/sources.yaml with this url has a file)'} "
        "holds it, and a register's page that does not show a number cannot confirm it"
    )


def register_source_problem(
    status: object, source: object, register: str, item: object = None, text: str | None = None
) -> str | None:
    """What is wrong with a ``status: register`` claim read from ``source``, or None. ``item`` is the
    claim's IRI (or value): the register's page it was read on must be about the same item. For an
    organisation number the page's address or its kept ``text`` must hold the number (:func:`shows_number`)."""
    if status != "register" or register not in REGISTER_HOSTS:
        return None
    if isinstance(source, str) and register_host(source, register):
        if register == "orgnr":
            return _number_problem(source, item, text)
        wanted, named = named_item(item, register), named_item(source, register)
        if wanted is None or named == wanted or (named is None and register not in _ALWAYS_NAMED):
            return None
        return (
            f"status register, but the source {source!r} is the register's page of "
            f"{named or 'no item'}, not of {wanted}, which the {register} IRI names"
            + (
                " (an item's page is www.wikidata.org/wiki/Q…, /entity/Q…, /wiki/Special:EntityData/Q… as the whole "
                "path, or the revision's permanent link /w/index.php?title=Q…&oldid=N)"
                if register == "wikidata" and named is None
                else ""
            )
        )
    host = _host(source)
    return (
        f"status register, but the source {source!r} is not a page of the register itself "
        f"({host or 'no host'}; {register}'s own pages are on {' or '.join(REGISTER_HOSTS[register])})"
    )


#: Kinds of document that do not state an organisation's registered name: the Government Offices' news
#: and invitations write the name the organisation goes by. A ``legal_name`` is credited (``fact_sources``,
#: else the organisation's first source) to a register, the organisation's own page, or a list of
#: participants (minutes, documentation) that gives it.
NO_LEGAL_NAMES = ("article", "press-release", "invitation")


def _legal_name_sources(corpus: Corpus) -> list[InputError]:
    """Every ``legal_name`` credited, by ``fact_sources`` or by default, to a document of a kind in
    :data:`NO_LEGAL_NAMES`."""
    kinds = {s.id: getattr(s, "kind", None) for s in corpus.sources}
    errors: list[InputError] = []
    for org in corpus.organisations:
        if not getattr(org, "legal_name", None):
            continue
        credited = [fs.source for fs in getattr(org, "fact_sources", ()) if "legal_name" in fs.facts]
        sid = credited[0] if credited else next(iter(org.sources), None)
        if kinds.get(sid) not in NO_LEGAL_NAMES:
            continue
        where = org.lines.where("legal_name") if org.lines else Where(Path("?"), 0, "legal_name")
        how = "credited" if credited else "credited by default (the first of its sources)"
        errors.append(
            InputError(
                where,
                f"legal_name {quoted(org.legal_name)} is {how} to the {kinds[sid]} {sid!r}, a kind of document that "
                "gives the name an organisation goes by, not its registered name",
                "fact_sources crediting legal_name to the register (or the organisation's own page) it was "
                "read in, or no legal_name",
            )
        )
    return errors


def check_register_sources(corpus: Corpus) -> list[InputError]:
    """Every identifier or register link with ``status: register`` whose source is not on the register's
    own host: a mirror's copy claimed as the register; and every ``legal_name`` credited to a document
    that does not state registered names (:data:`NO_LEGAL_NAMES`)."""
    errors: list[InputError] = _legal_name_sources(corpus)
    records = [*corpus.organisations, *corpus.bodies, *corpus.people]
    copies = getattr(corpus, "copies", None) or {}
    texts = {s.url: copies[s.id] for s in corpus.sources if getattr(s, "url", None) and s.id in copies}
    for record in records:
        claims = [(i, i.scheme) for i in getattr(record, "identifiers", ())]
        claims += [(link, link.register) for link in getattr(record, "links", ())]
        for claim, register in claims:
            item = getattr(claim, "iri", None) or getattr(claim, "value", None)
            problem = register_source_problem(claim.status, claim.source, register, item, texts.get(claim.source))
            if problem is None:
                continue
            where = claim.lines.where("status") if claim.lines else Where(Path("?"), 0, "status")
            errors.append(
                InputError(
                    where,
                    problem,
                    "status secondary for a number or link read elsewhere (a third party's mirror), or a source "
                    "on the register's own host, on the page of the same item (the QID or slug the IRI names; for an "
                    "organisation number, a page whose address or kept text shows the number)",
                    'docs/links.md, "Which sources confirm"',
                )
            )
    return errors


def check_attested_dates(corpus: Corpus) -> list[InputError]:
    """Every holding whose ``as_of`` is a derived meeting date of its source, or later than its source's
    publication date."""
    published = {s.id: str(s.published) for s in corpus.sources if s.published}
    derived: dict[str, dict[str, str]] = {}  # source id -> derived date -> meeting id
    elsewhere: dict[str, dict[str, str]] = {}  # source id -> meeting date another document states -> meeting id
    days: dict[str, dict[str, str]] = {}  # source id -> a stated day of a meeting citing it -> meeting id
    stated: dict[str, set[str]] = {}  # source id -> the stated days (no date_derivation) of the meetings citing it
    cited: set[str] = set()  # the sources some meeting cites
    kinds = {s.id: getattr(s, "kind", None) for s in corpus.sources}
    for m in corpus.meetings:
        if m.date and m.date_derivation is not None:
            for source in m.cited():
                derived.setdefault(source, {})[str(m.date)] = m.id
        elif m.date:
            stating = m.source_of("date")
            for source in m.cited():
                if source != stating:
                    elsewhere.setdefault(source, {})[str(m.date)] = m.id
        for day in ([m.date] if m.date and m.date_derivation is None else []) + list(getattr(m, "days", None) or []):
            for source in m.cited():
                days.setdefault(source, {})[str(day)] = m.id
        cited.update(m.cited())
        if m.date_derivation is None:  # the days a source citing the meeting may attest a post on
            for day in ([m.date] if m.date else []) + list(getattr(m, "days", None) or []):
                for source in m.cited():
                    stated.setdefault(source, set()).add(str(day))
    copies = getattr(corpus, "copies", None) or {}
    errors: list[InputError] = []
    for person in corpus.people:
        for holding in person.holds:
            derivation = getattr(holding, "as_of_derivation", None)
            derivation_at = (
                holding.lines.where("as_of_derivation")
                if holding.lines and "as_of_derivation" in holding.lines.fields
                else Where(Path("people.yaml"), 0, "as_of_derivation")
            )
            if not holding.as_of:
                if derivation is not None:  # a derivation of no date would be dropped unsaid
                    errors.append(
                        InputError(
                            derivation_at,
                            f"as_of_derivation of {person.id!r}'s holding of {holding.post!r} says how a date was "
                            "worked out, but the holding gives no as_of: nothing would publish it",
                            "an as_of with its as_of_derivation, or neither",
                        )
                    )
                continue
            as_of = str(holding.as_of)
            where = holding.lines.where("as_of") if holding.lines else Where(Path("?"), 0, "as_of")
            own = published.get(holding.source)
            if own and as_of > own:
                errors.append(
                    InputError(
                        where,
                        f"as_of {as_of} is after the source {holding.source!r} was published "
                        f"({own}): a page cannot show a post held on a later day",
                        "a date on or before the source's publication date",
                        _hint(own),
                    )
                )
            elif _states(copies.get(holding.source), as_of):
                if derivation is not None:  # a stated day published as derived misstates it
                    errors.append(
                        InputError(
                            derivation_at,
                            f"as_of {as_of} is stated by the kept text of its source {holding.source!r}, but "
                            "as_of_derivation says it was worked out: the release would publish a stated day as "
                            "derived (sakrad:derivedDate)",
                            "no as_of_derivation where the source's text states the day (it is published as "
                            "sakrad:attestedOn)",
                        )
                    )
                continue  # the source's own kept text states the day, whatever a meeting derives
            elif holding.source in copies and holding.as_of_derivation is None:
                errors.append(
                    InputError(
                        where,
                        f"as_of {as_of} is given as stated, but no source states it: the kept text of its source "
                        f"{holding.source!r} does not (in words such as '13 december 2023'), and as_of_derivation is missing",
                        "a day the source's text states, or an as_of_derivation (sv, en) saying how the date was "
                        "worked out (such as the page's publication date where its own date gives no year: "
                        "published as derived, not as sakrad:attestedOn)",
                        _hint(own) if own else "leave as_of out",
                    )
                )
            elif own and as_of < _earliest(own) and holding.source not in cited:
                errors.append(
                    InputError(
                        where,
                        f"as_of {as_of} is more than {BEFORE_PUBLICATION} days before the source "
                        f"{holding.source!r} was published ({own}), and its kept text (if any) does not state it",
                        "the source's publication date, a day its text states, or no as_of",
                        _hint(own),
                    )
                )
            elif meeting := derived.get(holding.source, {}).get(as_of):
                errors.append(
                    InputError(
                        where,
                        f"as_of {as_of} is the derived date of the meeting {meeting!r} (its year is worked out, "
                        "not stated), so no source states it",
                        "a date the source states: its publication date (published in data/sources.yaml), or no as_of",
                        _hint(published.get(holding.source)),
                    )
                )
            elif (
                kinds.get(holding.source) not in _RECORDS_OF_THE_MEETING
                and (meeting := elsewhere.get(holding.source, {}).get(as_of))
                and as_of != published.get(holding.source)
            ):
                errors.append(
                    InputError(
                        where,
                        f"as_of {as_of} is the date of the meeting {meeting!r} as another document states it; "
                        f"the source {holding.source!r} does not state it",
                        "a date the source states: its publication date (published in data/sources.yaml), or no as_of",
                        _hint(published.get(holding.source)),
                    )
                )
            elif (
                holding.source not in published
                and kinds.get(holding.source) in ("press-release", "invitation")
                and (meeting := days.get(holding.source, {}).get(as_of))
            ):
                errors.append(
                    InputError(
                        where,
                        f"as_of {as_of} is a day of the meeting {meeting!r}, but the {kinds[holding.source]} "
                        f"{holding.source!r} announces it and its publication date is not known",
                        "no as_of, or the source's publication date (published in data/sources.yaml)",
                        "leave as_of out",
                    )
                )
            elif (
                holding.source in cited  # what a source no meeting cites states is not known here
                and as_of != published.get(holding.source)
                and as_of not in stated.get(holding.source, ())
            ):
                errors.append(
                    InputError(
                        where,
                        f"as_of {as_of} is a date no source states for this holding: neither the publication "
                        f"date of its source {holding.source!r} nor a stated day of a meeting that cites it",
                        "the source's publication date (published in data/sources.yaml), a day a meeting citing "
                        "the source states (its date or days, not derived), or no as_of",
                        _hint(published.get(holding.source)),
                    )
                )
    return errors


#: How many days before its publication a source no meeting cites (a register's page) may show a post held:
#: it states what holds when it is published, not years before.
BEFORE_PUBLICATION = 31


def _earliest(published: str) -> str:
    day = dt.date.fromisoformat(published[:10]) if len(published) >= 10 else None
    return str(day - dt.timedelta(days=BEFORE_PUBLICATION)) if day else published


def _states(text: str | None, as_of: str) -> bool:
    """Whether a source's kept text states ``as_of`` with its year, in any form a text writes a date
    (:func:`~sakrad_ld.dated.date_forms`: "17 mars 2023", "2023-03-17", "17/3 2023")."""
    if not text or len(as_of) < 7:
        return False
    from .stated import flat_text

    return date_forms(as_of).search(flat_text(text)) is not None


#: Documents of the meeting itself, which state its date (an invitation, minutes, documentation).
_RECORDS_OF_THE_MEETING = ("invitation", "minutes", "documentation")


def _hint(published: str | None) -> str:
    return f"the source was published {published}: use as_of: {published}" if published else "leave as_of out"
