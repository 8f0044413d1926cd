"""The lists people browse — sakråd, organisations, people, government bodies — read from the
store once, rendered as pages (paged where long, sakråd filtered by year, ministry, chair,
convener and organisation) and as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet
programs read å, ä and ö). The page and the CSV of a list are made from the same rows.

Files (``en/…`` the English pages; CSV files are the same in both languages)::

    lists/meetings.html  lists/meetings-2.html …  lists/meetings.csv
    lists/meetings/{year|ministry|chair|convener|organisation}/{value}.html  … .csv
    lists/organisations.html … .csv   lists/people.html … .csv   lists/bodies.html … .csv
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox

from ..triples import RDF_TYPE
from ..vocab import ADMS, M8G, ORG, RDFS, ROLE, SAKRAD, SCHEMA, SKOS
from .labels import Labeller, Text, literal_language, objects, text_of, value
from .meeting import StatedCount, _count, meeting_dates
from .paths import page_file, translated

__all__ = ["PAGE_SIZE", "Lists", "date_cells", "list_files", "read_lists"]

#: Rows on one page of a list.
PAGE_SIZE = 100
#: Filters of the sakråd list, in the order the page offers them.
FACETS = ("year", "ministry", "chair", "convener", "organisation")


#: The key of the filter value "none known" (``lists/meetings/year/unknown.html``).
UNKNOWN = "unknown"
#: The filters that also list the sakråd with no value, last, so that their counts add up to all sakråd.
MISSING = {
    "year": Text("utan datum", "no date"),
    "ministry": Text("inget departement känt", "no ministry known"),
}


@dataclass(frozen=True)
class Ref:
    """A resource named in a list: its id (the last segment of its IRI), IRI, name and page."""

    id: str
    iri: str
    name: Text
    href: str | None


#: How a ministry is involved in a sakråd: the stated organiser (or the unit it belongs to), a
#: stated convener that is the ministry or one of its units, or worked out from the post a convener
#: or chair held there (``org:postIn``); never published as organiser.
INVOLVEMENTS = ("organiser", "convener_body", "convener", "chair")
#: The roles a thing has in a sakråd, as the lists count them: the stated organiser (schema:organizer),
#: convener, chair, and every other participation (taking part: organisations, agencies, government
#: participants, presenters). A convener may only have invited, so "took part" is never the total.
ROLE_KINDS = ("organiser", "convener", "chair", "took_part")


class MeetingMarks:
    """What a row naming a sakråd shows beside its date and title, from its fields ``date``, ``days``,
    ``derived``, ``held_derived``, ``title_own`` and ``announced``: a list's row, a thing's role."""

    date: str | None
    days: Sequence[str]
    derived: bool
    held_derived: bool
    title_own: bool
    announced: bool

    @property
    def series(self) -> bool:
        """A series of several days: shown as its days, never as one stated date."""
        return len(self.days) > 1

    @property
    def marks(self) -> set[str]:
        """The marks (of :data:`MARKS`) the row carries beside its date and title."""
        return carried(
            date_derived=self.derived and bool(self.date) and not self.series,
            held_derived=self.held_derived,
            title_own=self.title_own,
            announced=self.announced,
        )


@dataclass
class MeetingRow(MeetingMarks):
    ref: Ref
    date: str | None  # the stated date (schema:startDate), else the derived one (sakrad:derivedDate)
    organiser: Ref | None
    ministry: Ref | None  # the stated organiser's ministry
    chairs: list[Ref] = field(default_factory=list)
    conveners: list[Ref] = field(default_factory=list)
    organisations: list[Ref] = field(default_factory=list)
    listed: int | None = None
    derived: bool = False  # ``date`` is worked out (from a page's address, publication date or an attachment's file name), not stated
    #: Every ministry involved, with how (one of :data:`INVOLVEMENTS`), the stated organiser first.
    ministries: list[tuple[Ref, str]] = field(default_factory=list)
    #: A series' days (its m8g:subEvent's stated dates), in order; ``date`` is then the first of them.
    days: list[str] = field(default_factory=list)
    #: The counts the source states, in its words: organisations taking part, organisations invited.
    organisation_count: StatedCount | None = None
    invited: StatedCount | None = None
    #: the title is the data's own, no source's headline (sakrad:titleDerivation)
    title_own: bool = False
    #: the sources only announce the sakråd: that it was held is not stated (sakrad:announcedOnly)
    announced: bool = False
    #: no document read says the sakråd was held; the data concludes it from a document the sakråd cites
    #: (sakrad:heldDerivation), named here (sakrad:heldDerivedFrom)
    held_derived: bool = False
    held_from: Ref | None = None
    #: an organisation's name as this sakråd's source writes it, where its record's name is another
    #: document's (the participation's rdfs:label), else the document that name is from (sakrad:nameFrom)
    named: dict[str, Text | Ref] = field(default_factory=dict)

    def organisation_names(self) -> list[str]:
        """The organisations taking part, each named as this sakråd's source writes it, or with the
        document its name comes from beside it."""
        out = []
        for r in self.organisations:
            named = self.named.get(r.iri)
            if isinstance(named, Text):
                out.append(named.main)
            elif isinstance(named, Ref):
                out.append(f"{r.name.main} (namnet som det står i {named.name.main})")
            else:
                out.append(r.name.main)
        return out

    @property
    def date_kind(self) -> str | None:
        return None if not self.date else "series" if self.series else "derived" if self.derived else "stated"

    @property
    def when(self) -> str:
        """The date as text: a series' first and last day (``2021-04-14 – 2021-04-22``), else the date."""
        if self.series:
            return f"{self.days[0]} – {self.days[-1]}"
        return self.date or ""

    def ministries_as(self, *hows: str) -> list[Ref]:
        """The ministries involved in any of the ways ``hows``, each once."""
        return list({r.iri: r for r, how in self.ministries if how in hows}.values())

    @property
    def ministries_by_how(self) -> list[tuple[Ref, list[str]]]:
        """Each ministry involved once, with every way it is."""
        out: dict[str, tuple[Ref, list[str]]] = {}
        for r, how in self.ministries:
            out.setdefault(r.iri, (r, []))[1].append(how)
        return list(out.values())

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None


@dataclass(frozen=True, order=True)
class Unconfirmed:
    """An identifier no register confirms: its notation, its status (the term's local name,
    ``SecondarySource``; "" when none is given) and the status's name to show."""

    number: str
    status: str
    label: Text


@dataclass
class AgentRow:
    ref: Ref
    alt_names: list[str] = field(default_factory=list)
    #: the same names, each in its language (a Swedish one marked ``lang="sv"`` on an English page)
    alt_labels: list[Text] = field(default_factory=list)
    #: the identifiers a register confirms (adms:status in sakrad:confirmingStatus): shown as plain numbers
    numbers: list[str] = field(default_factory=list)
    #: the others (read in a secondary source, a retired entry, derived …), each with its status's name:
    #: shown and written with that status, never as a plain number (the saved query gives none of them)
    unconfirmed: list[Unconfirmed] = field(default_factory=list)
    meetings: int = 0
    first: str | None = None
    last: str | None = None
    first_derived: bool = False  # ``first`` is a derived date (see :attr:`MeetingRow.derived`)
    last_derived: bool = False
    #: how many of its sakråd have no date (neither stated nor derived): ``first`` and ``last`` are
    #: then the first and latest of the dated ones only, and any of these may be earlier or later
    undated: int = 0
    #: The number of sakråd in each role (:data:`ROLE_KINDS`): the stated organiser, convener, chair, took part.
    by_role: dict[str, int] = field(default_factory=dict)

    @property
    def only_took_part(self) -> bool:
        return set(self.by_role) <= {"took_part"}

    @property
    def unique_numbers(self) -> list[str]:
        """The numbers, one of each (see :func:`unique_numbers`)."""
        return unique_numbers(self.numbers)

    part_of: Ref | None = None
    #: ``part_of`` is the data's own placement, no source's (sakrad:unitOfDerivation)
    part_of_derived: bool = False
    roles: list[Text] = field(default_factory=list)

    @property
    def marks(self) -> set[str]:
        """The marks (of :data:`MARKS`) the row carries beside its latest date and what it is part of."""
        return carried(date_derived=self.last_derived and bool(self.last), part_of_derived=self.part_of_derived)


@dataclass
class Lists:
    meetings: list[MeetingRow]  # newest first, undated last
    organisations: list[AgentRow]
    people: list[AgentRow]
    bodies: list[AgentRow]

    @property
    def announced(self) -> int:
        """How many sakråd the sources only announce (sakrad:announcedOnly): not said to have been held."""
        return sum(1 for m in self.meetings if m.announced)

    @property
    def held_derived(self) -> int:
        """How many sakråd no document read says were held, the data concluding it (sakrad:heldDerivation)."""
        return sum(1 for m in self.meetings if m.held_derived)

    @property
    def series(self) -> int:
        """How many sakråd are a series of several days."""
        return sum(1 for m in self.meetings if m.series)

    @property
    def undated(self) -> int:
        """How many sakråd have no date, stated or derived."""
        return sum(1 for m in self.meetings if not m.date)

    def body_kinds(self) -> tuple[list[tuple[Ref, int]], int]:
        """The government bodies by kind, as the graph makes them out: each body others are part of
        (``org:unitOf``/``org:subOrganizationOf``) that is itself part of none (the Government Offices),
        with how many bodies are part of it at any depth (ministries, offices, units); and how many
        bodies stand alone (agencies and other bodies). The three add up to every body."""
        above = {r.ref.iri: r.part_of.iri for r in self.bodies if r.part_of is not None}
        by_iri = {r.ref.iri: r for r in self.bodies}

        def top(iri: str) -> str:
            seen = {iri}
            while iri in above and above[iri] not in seen:
                iri = above[iri]
                seen.add(iri)
            return iri

        parts: Counter[str] = Counter(top(r.ref.iri) for r in self.bodies if r.part_of is not None)
        tops = [(by_iri[t].ref, n) for t, n in sorted(parts.items()) if t in by_iri]
        counted = {t for t in parts if t in by_iri}
        alone = sum(1 for r in self.bodies if r.part_of is None and r.ref.iri not in counted)
        # a part whose top is not a body of the list is counted alone, so the kinds add up
        alone += sum(n for t, n in parts.items() if t not in by_iri)
        return tops, alone

    def facet_derived(self, name: str, meetings: list[MeetingRow] | None = None) -> dict[str, int]:
        """For each value of the year filter, how many of its sakråd have a derived date (read from
        a page's address, publication date or an attachment's file name, not stated): the facet's count includes them.
        Counted over ``meetings`` (a filtered list's), by default every sakråd."""
        if name != "year":
            return {}
        rows = self.meetings if meetings is None else meetings
        return dict(Counter(m.year for m in rows if m.year and m.derived and not m.series))

    def facet(self, name: str, meetings: list[MeetingRow] | None = None) -> list[tuple[str, Text, int]]:
        """The values of one filter of the sakråd list, as (id, name, number of sakråd), most first:
        counted over ``meetings`` (the sakråd of a filtered list, so that its panel counts the list it
        sits on), by default every sakråd."""
        rows = self.meetings if meetings is None else meetings
        counts: Counter[str] = Counter()
        names: dict[str, Text] = {}
        for m in rows:
            for key, label in _facet_values(m, name):
                counts[key] += 1
                names[key] = label
        if name == "year":
            found = [(k, names[k], counts[k]) for k in sorted(counts, reverse=True)]
        else:
            found = [
                (k, names[k], n) for k, n in sorted(counts.items(), key=lambda kn: (-kn[1], names[kn[0]].main.lower()))
            ]
        missing = sum(1 for m in rows if not _facet_values(m, name))
        if name in MISSING and missing and UNKNOWN not in counts:
            found.append((UNKNOWN, MISSING[name], missing))
        return found

    def filtered(self, name: str, key: str) -> list[MeetingRow]:
        """The sakråd with the value ``key`` of the filter ``name`` (:data:`UNKNOWN`: with none, for
        the filters of :data:`MISSING`), in the list's order."""
        if key == UNKNOWN and name in MISSING:
            return [m for m in self.meetings if not _facet_values(m, name)]
        return list(self._by_value(name).get(key, ()))

    def _by_value(self, name: str) -> dict[str, list[MeetingRow]]:
        """The sakråd by each value of the filter ``name``, found in one pass over the sakråd for
        every value (not one pass per value); made again when ``meetings`` is another list."""
        held = self.__dict__.setdefault("_values", {})
        found = held.get(name)
        if found is None or found[0] is not self.meetings:
            by_key: dict[str, list[MeetingRow]] = {}
            for m in self.meetings:
                for key in dict.fromkeys(k for k, _ in _facet_values(m, name)):
                    by_key.setdefault(key, []).append(m)
            found = held[name] = (self.meetings, by_key)
        return found[1]


def _facet_values(m: MeetingRow, name: str) -> list[tuple[str, Text]]:
    if name == "year":
        return [(m.year, Text(m.year, None, ""))] if m.year else []
    if name == "ministry":
        return [(r.id, r.name) for r, _ in m.ministries_by_how]
    refs = {"chair": m.chairs, "convener": m.conveners, "organisation": m.organisations}[name]
    return [(r.id, r.name) for r in refs]


# --- reading the store ---------------------------------------------------------------------------


def read_lists(store: ox.Store, base: str, labels: Labeller | None = None) -> Lists:
    """Every list's rows, read from the store."""
    labels = labels or Labeller(store)
    refs: dict[str, Ref] = {}

    def ref(iri: str) -> Ref:
        if iri not in refs:
            refs[iri] = Ref(iri.rstrip("/").rsplit("/", 1)[-1], iri, labels.of(ox.NamedNode(iri)), page_file(iri, base))
        return refs[iri]

    roles = {
        ROLE.chair: "chairs",
        ROLE.convener: "conveners",
        ROLE.participatingOrganisation: "organisations",
    }
    dated = meeting_dates(store)  # by date, undated last: the lists put the newest first
    order = [d for d in reversed(dated) if d.date] + [d for d in dated if not d.date]
    meetings = []
    taking_part: dict[str, set[str]] = defaultdict(set)
    in_role: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    role_names: dict[str, dict[str, Text]] = defaultdict(dict)
    for dates in order:
        iri, date, derived = dates.iri, dates.date, dates.kind == "derived"
        node = ox.NamedNode(iri)
        organiser = value(store, node, SCHEMA.organizer)
        chain = _chain(store, organiser)
        row = MeetingRow(
            ref(iri),
            date,
            ref(chain[0]) if chain else None,
            ref(chain[-2] if len(chain) > 1 else chain[0]) if chain else None,
            derived=derived,
        )
        for o in objects(store, node, SCHEMA.organizer):
            if isinstance(o, ox.NamedNode):
                taking_part[o.value].add(iri)
                in_role[o.value]["organiser"].add(iri)
        row.days = list(dates.days)
        row.title_own = value(store, node, SAKRAD.titleDerivation) is not None
        announced = value(store, node, SAKRAD.announcedOnly)
        row.announced = isinstance(announced, ox.Literal) and announced.value in {"true", "1"}
        row.held_derived = value(store, node, SAKRAD.heldDerivation) is not None
        held_from = value(store, node, SAKRAD.heldDerivedFrom)
        row.held_from = ref(held_from.value) if row.held_derived and isinstance(held_from, ox.NamedNode) else None
        row.organisation_count = _count(store, value(store, node, SAKRAD.participatingOrganisationCount))
        row.invited = _count(store, value(store, node, SAKRAD.invitedOrganisationCount))
        listed = value(store, node, SAKRAD.listedOrganisationCount)
        row.listed = int(listed.value) if isinstance(listed, ox.Literal) and listed.value.isdigit() else None
        parts = []
        for part in objects(store, node, M8G.hasParticipation):
            who = value(store, part, M8G.hasParticipant)
            role = value(store, part, M8G.role)
            if not isinstance(who, ox.NamedNode):
                continue
            taking_part[who.value].add(iri)
            kind = {ROLE.convener: "convener", ROLE.chair: "chair"}.get(role, "took_part")  # type: ignore[call-overload]
            in_role[who.value][kind].add(iri)
            if isinstance(role, ox.NamedNode):
                role_names[who.value][role.value] = labels.of(role)
            if role == ROLE.participatingOrganisation:
                written = text_of(objects(store, part, RDFS.label))
                name_from = value(store, part, SAKRAD.nameFrom)
                if written is not None:
                    row.named[who.value] = written
                elif isinstance(name_from, ox.NamedNode):
                    row.named[who.value] = ref(name_from.value)
            position = value(store, part, SCHEMA.position)
            parts.append(
                (
                    int(position.value) if isinstance(position, ox.Literal) and position.value.isdigit() else 1 << 30,
                    part.value,
                    roles.get(role),
                    who.value,
                )
            )  # type: ignore[arg-type]
        for _, _, group, who in sorted(parts):
            if group is not None and all(r.iri != who for r in getattr(row, group)):
                getattr(row, group).append(ref(who))
        row.ministries = [(ref(found), how) for found, how in involved_ministries(store, node, chain)]
        meetings.append(row)
    dates = {m.ref.iri: (m.date, m.derived) for m in meetings}

    typed: dict[str, set[str]] = defaultdict(set)  # kind → the things of that kind (with a type)
    prefix = f"{base}id/"
    for quad in store.quads_for_pattern(None, RDF_TYPE, None):
        s = quad.subject
        if isinstance(s, ox.NamedNode) and s.value.startswith(prefix):
            kind, _, rest = s.value[len(prefix) :].partition("/")
            if rest and "/" not in rest:
                typed[kind].add(s.value)

    from .schemaorg import _confirming

    confirming = _confirming(store)

    def agents(kind: str) -> list[AgentRow]:
        found = sorted(typed.get(kind, ()))
        rows = []
        for iri in found:
            node = ox.NamedNode(iri)
            row = AgentRow(ref(iri))
            alt = {o.value: o for o in objects(store, node, SKOS.altLabel) if isinstance(o, ox.Literal)}
            row.alt_names = sorted(alt)
            row.alt_labels = [Text(name, None, literal_language(alt[name])) for name in row.alt_names]
            row.numbers, row.unconfirmed = _numbers(store, node, confirming, labels)
            met = taking_part.get(iri, set())
            row.meetings = len(met)
            row.by_role = {k: len(in_role[iri][k]) for k in ROLE_KINDS if in_role.get(iri, {}).get(k)}
            known = sorted(d for d in (dates.get(m) for m in met) if d and d[0])
            row.undated = len(met) - len(known)
            if known:
                (row.first, row.first_derived), (row.last, row.last_derived) = known[0], known[-1]
            parent = value(store, node, ORG.unitOf) or value(store, node, ORG.subOrganizationOf)
            row.part_of = ref(parent.value) if isinstance(parent, ox.NamedNode) else None
            # sakrad:unitOfDerivation says why the data places the body in the one it is part of
            # (org:unitOf, or org:subOrganizationOf for a unit), where no source says so
            row.part_of_derived = row.part_of is not None and value(store, node, SAKRAD.unitOfDerivation) is not None
            row.roles = sorted(role_names.get(iri, {}).values(), key=lambda t: t.main)
            rows.append(row)
        return sorted(rows, key=lambda r: (r.ref.name.main.lower(), r.ref.iri))

    return Lists(meetings, agents("organisation"), agents("person"), agents("body"))


def _numbers(
    store: ox.Store, node: ox.NamedNode, confirming: set[ox.Term], labels: Labeller
) -> tuple[list[str], list[Unconfirmed]]:
    """The identifiers of ``node`` (``adms:identifier``'s ``skos:notation``): those whose status a
    register confirms (sorted), and the others with their status (sorted); an identifier with no
    status is among the others, "status not given"."""
    confirmed: set[str] = set()
    other: dict[str, Unconfirmed] = {}
    for ident in objects(store, node, ADMS.identifier):
        statuses = [t for t in objects(store, ident, ADMS.status) if isinstance(t, ox.NamedNode)]
        for n in objects(store, ident, SKOS.notation):
            if not isinstance(n, ox.Literal):
                continue
            if confirming & set(statuses):
                confirmed.add(n.value)
            elif n.value not in other:
                status = statuses[0] if statuses else None
                other[n.value] = Unconfirmed(
                    n.value,
                    re.split(r"[#/]", status.value)[-1] if status else "",
                    labels.of(status) if status else _NO_STATUS,
                )
    seen = {re.sub(r"\D", "", n) for n in confirmed}
    others = []
    for u in sorted(other.values()):  # one of each number (see unique_numbers), none a confirmed one's
        digits = re.sub(r"\D", "", u.number)
        if digits not in seen:
            seen.add(digits)
            others.append(u)
    return sorted(confirmed), others


_NO_STATUS = Text("status inte angiven", "status not given")


def involved_ministries(store: ox.Store, node: ox.NamedNode, chain: list[str] | None = None) -> list[tuple[str, str]]:
    """The ministries involved in the sakråd ``node``, as (IRI, how: one of :data:`INVOLVEMENTS`),
    the stated organiser's first; ``chain`` is the organiser's (see :func:`_chain`) if known."""
    if chain is None:
        chain = _chain(store, value(store, node, SCHEMA.organizer))
    out: list[tuple[str, str]] = []
    if chain:
        out.append((chain[-2] if len(chain) > 1 else chain[0], "organiser"))
    posts: list[tuple[str, object]] = []  # (how, the body it names a ministry of)
    for part in objects(store, node, M8G.hasParticipation):
        who = value(store, part, M8G.hasParticipant)
        if not isinstance(who, ox.NamedNode):
            continue
        how = {ROLE.convener: "convener", ROLE.chair: "chair"}.get(value(store, part, M8G.role))  # type: ignore[call-overload]
        post = value(store, part, SAKRAD.inCapacityOf)
        if how and isinstance(post, ox.NamedNode):
            posts.append((how, value(store, post, ORG.postIn)))
        elif how == "convener" and _chain(store, who)[1:]:  # a body of the Government Offices convenes
            posts.append(("convener_body", who))
    for how, body in sorted(posts, key=lambda hb: (INVOLVEMENTS.index(hb[0]), str(hb[1]))):
        found = _ministry(store, body)
        if found and (found, how) not in out:
            out.append((found, how))
    return out


def ministry_meetings(store: ox.Store, ministry: str) -> list[tuple[str, list[str]]]:
    """The sakråd the ministry ``ministry`` is involved in, as (IRI, every way it is), in IRI order;
    empty for a body that is no ministry (not just below the top of its chain)."""
    if len(_chain(store, ox.NamedNode(ministry))) != 2:
        return []
    out = []
    for q in store.quads_for_pattern(None, RDF_TYPE, SAKRAD.Sakrad):
        if isinstance(q.subject, ox.NamedNode):
            hows = [how for found, how in involved_ministries(store, q.subject) if found == ministry]
            if hows:
                out.append((q.subject.value, hows))
    return sorted(dict(out).items())


def _ministry(store: ox.Store, body: object) -> str | None:
    """The ministry a body is, or is part of: the body just below the top of its chain (a post in
    the Government Offices themselves names no ministry)."""
    chain = _chain(store, body)
    return chain[-2] if len(chain) > 1 else None


def _chain(store: ox.Store, body: object) -> list[str]:
    """The organiser and the bodies above it (unit → ministry → Government Offices)."""
    chain: list[str] = []
    while isinstance(body, ox.NamedNode) and body.value not in chain:
        chain.append(body.value)
        body = value(store, body, ORG.unitOf) or value(store, body, ORG.subOrganizationOf)
    return chain


# --- CSV -----------------------------------------------------------------------------------------

#: A date's year, month and day, as far as it has them. Each precision of a date of a list is in a
#: column of its own (``date``, ``month``, ``year``), as in the release's ``tables/dates.csv``: a
#: CSVW column has one datatype, and a spreadsheet reads a month (``2017-02``) in a column of days
#: as the first day of that month.
_PRECISION = re.compile(r"-?\d{4,}(-\d{2})?(-\d{2})?")


def date_cells(date: str | None) -> list[str | None]:
    """A date as the cells of its day, month and year columns: a day (``2022-12-13``) in the first,
    a month (``2017-02``) in the second, a year in the third, the others empty; all empty for no date."""
    if not date:
        return [None, None, None]
    found = _PRECISION.match(date)
    at = 0 if found is None or found.group(2) else 1 if found.group(1) else 2
    return [date if i == at else None for i in range(3)]


def _precision_columns(
    prefix: str, what_sv: str, what_en: str, more_sv: str, more_en: str
) -> tuple[tuple[str, str, str, str, str, str], ...]:
    """The three columns of one date (see :func:`date_cells`), ``{prefix}date`` (a day, typed
    ``date``), ``{prefix}month`` (``gYearMonth``) and ``{prefix}year`` (``gYear``): ``what`` names
    the date, ``more`` ends each description."""
    return (
        (
            f"{prefix}date",
            f"{what_sv}: dag",
            f"{what_en}: day",
            f"{what_sv.capitalize()} när dagen är känd (ÅÅÅÅ-MM-DD); tomt när bara månaden eller året är känt "
            f"(se {prefix}month, {prefix}year){more_sv}",
            f"{what_en.capitalize()} when the day is known (YYYY-MM-DD); empty when only the month or the year is "
            f"known (see {prefix}month, {prefix}year){more_en}",
            "date",
        ),
        (
            f"{prefix}month",
            f"{what_sv}: månad",
            f"{what_en}: month",
            f"{what_sv.capitalize()} när bara månaden är känd (ÅÅÅÅ-MM, ingen dag){more_sv}",
            f"{what_en.capitalize()} when only the month is known (YYYY-MM, no day){more_en}",
            "gYearMonth",
        ),
        (
            f"{prefix}year",
            f"{what_sv}: år",
            f"{what_en}: year",
            f"{what_sv.capitalize()} när bara året är känt (ÅÅÅÅ){more_sv}",
            f"{what_en.capitalize()} when only the year is known (YYYY){more_en}",
            "gYear",
        ),
    )


#: The columns of the first and the latest sakråd of an organisation or a person, each date with its kind.
_SPAN = (
    *_precision_columns(
        "first_",
        "det tidigaste daterade sakrådets datum",
        "the earliest dated sakråd's date",
        " (angivet eller härlett, se first_date_kind); sakråd utan datum är inte med (se undated), så ett av dem "
        "kan vara tidigare",
        " (stated or derived, see first_date_kind); sakråd with no date are not in it (see undated), so one of "
        "them may be earlier",
    ),
    (
        "first_date_kind",
        "första datumets slag",
        "kind of first date",
        "stated eller derived (härlett): om first_date, first_month eller first_year är angivet eller härlett",
        "stated or derived: whether first_date, first_month or first_year is stated or derived",
        "string",
    ),
    *_precision_columns(
        "last_",
        "det senaste daterade sakrådets datum",
        "the latest dated sakråd's date",
        " (angivet eller härlett, se last_date_kind); sakråd utan datum är inte med (se undated), så ett av dem "
        "kan vara senare",
        " (stated or derived, see last_date_kind); sakråd with no date are not in it (see undated), so one of "
        "them may be later",
    ),
    (
        "last_date_kind",
        "senaste datumets slag",
        "kind of last date",
        "stated eller derived (härlett): om last_date, last_month eller last_year är angivet eller härlett",
        "stated or derived: whether last_date, last_month or last_year is stated or derived",
        "string",
    ),
    (
        "undated",
        "sakråd utan datum",
        "sakråd without a date",
        "Antal av dess sakråd som inte har något datum, varken angivet eller härlett; first_… och last_… "
        "gäller bara de daterade (0: alla är daterade)",
        "Number of its sakråd that have no date, neither stated nor derived; first_… and last_… cover only "
        "the dated ones (0: all are dated)",
        "integer",
    ),
)
#: How many sakråd a thing has a role in, in all and by role: a convener may only have invited, so
#: the total is not "took part in".
_ROLE_COUNT = (
    "sakrad",
    "sakråd med en roll",
    "sakråd with a role",
    "Antal sakråd där den har en roll: angiven arrangör (schema:organizer), sammankallande, ordförande eller deltagande",
    "Number of sakråd it has a role in: stated organiser (schema:organizer), convener, chair or taking part",
    "integer",
)
_BY_ROLE = (
    (
        "organised",
        "arrangör",
        "organiser",
        "Antal sakråd där den är angiven arrangör (schema:organizer)",
        "Number of sakråd it is the stated organiser of (schema:organizer)",
        "integer",
    ),
    (
        "convened",
        "sammankallande",
        "convener",
        "Antal sakråd där den är sammankallande (kan ha bjudit in utan att delta)",
        "Number of sakråd it convened (it may only have invited)",
        "integer",
    ),
    ("chaired", "ordförande", "chair", "Antal sakråd där den är ordförande", "Number of sakråd it chaired", "integer"),
    (
        "took_part",
        "deltog",
        "took part",
        "Antal sakråd där den deltog i någon annan roll (deltagande organisation, myndighet, från Regeringskansliet, föredragande)",
        "Number of sakråd it took part in in another role (participating organisation, agency, government participant, presenter)",
        "integer",
    ),
)

#: The columns of each CSV file: (name, title sv, title en, description sv, description en, datatype).
#: Every file has CSVW metadata beside it (``csv-metadata.json`` in its folder) that gives these.
COLUMNS: dict[str, list[tuple[str, str, str, str, str, str]]] = {
    "meetings": [
        (
            "id",
            "id",
            "id",
            "Sakrådets id (sista delen av dess IRI)",
            "The sakråd's id (last part of its IRI)",
            "string",
        ),
        ("iri", "IRI", "IRI", "Sakrådets IRI", "The sakråd's IRI", "anyURI"),
        *_precision_columns(
            "",
            "sakrådets datum",
            "the sakråd's date",
            "; det angivna, för en serie dess första dag (se days), annars det härledda (se date_kind); "
            "tomt om inget finns",
            "; the stated one, for a series its first day (see days), else the derived one (see date_kind); "
            "empty if there is none",
        ),
        (
            "date_kind",
            "datumets slag",
            "kind of date",
            "Slaget av datumet i date, month eller year: stated: det står i källan; series: en serie, date är dess "
            "första dag och days alla dess dagar; derived: härlett, inte i källans text (ur en sidas adress, "
            "publiceringsdatum eller en bifogad fils namn)",
            "The kind of the date in date, month or year: stated: the source states it; series: a series, date is "
            "its first day and days all its days; derived: worked out, not in the source's text (from a page's "
            "address, its publication date or an attachment's file name)",
            "string",
        ),
        (
            "days",
            "dagar",
            "days",
            "En series dagar enligt källan, åtskilda av semikolon; tomt om sakrådet inte är en serie",
            "A series' days as the source states them, separated by semicolons; empty if the sakråd is not a series",
            "string",
        ),
        (
            "title",
            "titel",
            "title",
            "Titel (svenska): en källas rubrik, eller datans egen där title_kind är own",
            "Title (Swedish): a source's headline, or the data's own where title_kind is own",
            "string",
        ),
        ("title_en", "titel (engelska)", "title (English)", "Titel på engelska", "Title in English", "string"),
        (
            "title_kind",
            "titelns slag",
            "kind of title",
            "stated: titeln är en källas rubrik; own: datans egen rubrik, ingen källas (listsidan märker den 'datans egen rubrik'; "
            "hur den sattes står i tables/meetings.csv, title_derivation_sv)",
            "stated: the title is a source's headline; own: the data's own title, no source's headline (the list page "
            "marks it 'the data's own title'; how it was made is in tables/meetings.csv, title_derivation_en)",
            "string",
        ),
        ("organiser", "arrangör", "organiser", "Angiven arrangör", "The stated organiser", "string"),
        (
            "ministry",
            "departement",
            "ministry",
            "Departementet som angiven arrangör hör till",
            "The ministry the stated organiser belongs to",
            "string",
        ),
        (
            "ministries_via_posts",
            "departement via poster",
            "ministries via posts",
            "Härlett: departement där sammankallande eller ordförande hade sin post (org:postIn); inte arrangör",
            "Derived: ministries where a convener or chair held their post (org:postIn); not the organiser",
            "string",
        ),
        (
            "ministries_convening",
            "sammankallande departement",
            "convening ministries",
            "Departement som är sammankallande, eller vars enhet är det; inte arrangör",
            "Ministries that are conveners, or whose unit is; not the organiser",
            "string",
        ),
        (
            "chairs",
            "ordförande",
            "chairs",
            "Ordförande, åtskilda av semikolon",
            "Chairs, separated by semicolons",
            "string",
        ),
        (
            "conveners",
            "sammankallande",
            "conveners",
            "Sammankallande, åtskilda av semikolon",
            "Conveners, separated by semicolons",
            "string",
        ),
        (
            "organisations",
            "organisationer",
            "organisations",
            "Deltagande organisationer som källan namnger, åtskilda av semikolon, var och en med det namn sakrådets "
            "källa skriver; där uppgifterna inte säger det, organisationens namn och inom parentes dokumentet det står i; "
            "tomt om den namnger ingen",
            "Organisations taking part that the source names, separated by semicolons, each with the name the "
            "sakråd's source writes; where the data does not say it, the organisation's name and in brackets the "
            "document it is written in; empty if it names none",
            "string",
        ),
        (
            "organisations_named",
            "namngivna organisationer",
            "organisations named",
            "Antal deltagande organisationer som datan namnger (ur källornas text); räknat av datan, inget antal "
            "som en källa anger (se organisations_stated); tomt (aldrig 0) om den namnger ingen",
            "Number of organisations taking part that the data names (from the sources' text); counted by the data, "
            "no number a source states (see organisations_stated); empty (never 0) if it names none",
            "integer",
        ),
        (
            "organisations_listed",
            "listade organisationer (datans räkning)",
            "organisations listed (the data's count)",
            "sakrad:listedOrganisationCount: antalet deltagande organisationer som datan namnger, räknat av datan, "
            "inget antal som en källa anger (se organisations_stated); tomt om datan namnger inga",
            "sakrad:listedOrganisationCount: the number of organisations taking part that the data names, counted "
            "by the data, no number a source states (see organisations_stated); empty if the data names none",
            "integer",
        ),
        *(
            (
                f"{name}_stated{suffix}",
                f"{sv} enligt källan{sv_more}",
                f"{en} as stated{en_more}",
                f"{about_sv}{about_sv_more}",
                f"{about_en}{about_en_more}",
                datatype,
            )
            for name, sv, en, about_sv, about_en in (
                (
                    "organisations",
                    "deltagande organisationer",
                    "organisations taking part",
                    "Antal deltagande organisationer som källan anger",
                    "Number of organisations taking part as the source states it",
                ),
                (
                    "invited",
                    "inbjudna organisationer",
                    "organisations invited",
                    "Antal inbjudna organisationer som källan anger",
                    "Number of organisations invited as the source states it",
                ),
            )
            for suffix, sv_more, en_more, about_sv_more, about_en_more, datatype in (
                (
                    "",
                    "",
                    "",
                    "; tomt om datan inte ger något, eller bara en gräns (drygt 50, se orden)",
                    "; empty if the data gives none, or only a bound (drygt 50, see the words)",
                    "integer",
                ),
                (
                    "_approximate",
                    " ungefärligt",
                    " approximate",
                    ": true om källan anger det ungefärligt (ett 40-tal), annars false; tomt om inget anges",
                    ": true if the source gives it as approximate (ett 40-tal), else false; empty if none is stated",
                    "boolean",
                ),
                (
                    "_words",
                    " (källans ord)",
                    " (the source's words)",
                    " med källans ord",
                    " in the source's words",
                    "string",
                ),
            )
        ),
        (
            "announced_only",
            "endast kungjort",
            "announced only",
            "true: källorna kungör bara sakrådet eller bjuder in till det; att det hölls står inte i dem "
            "(och vilka som deltog utelämnas); annars false",
            "true: the sources only announce the sakråd or invite to it; that it was held is not stated "
            "(and who took part is left out); else false",
            "boolean",
        ),
        (
            "held_derived",
            "hållet: härlett",
            "held: derived",
            "true: att sakrådet hölls står inte i något läst dokument; datan sluter sig till det ur ett dokument "
            "som sakrådet hänvisar till (se held_derived_from), till exempel minnesanteckningar som bara är kända "
            "till sin titel; hur står i tables/meetings.csv, held_derivation_sv (sakrad:heldDerivation); "
            "false: ett läst dokument säger att det hölls, eller källorna kungör det bara (se announced_only)",
            "true: no document read says the sakråd was held; the data concludes it from a document the sakråd "
            "cites (see held_derived_from), such as minutes known only by their title; how is in "
            "tables/meetings.csv, held_derivation_en (sakrad:heldDerivation); false: a document read says it "
            "was held, or the sources only announce it (see announced_only)",
            "boolean",
        ),
        (
            "held_derived_from",
            "hållet: härlett ur",
            "held: derived from",
            "Dokumentet som slutsatsen att sakrådet hölls bygger på (sakrad:heldDerivedFrom); tomt där "
            "held_derived är false",
            "The document the conclusion that the sakråd was held rests on (sakrad:heldDerivedFrom); empty "
            "where held_derived is false",
            "string",
        ),
    ],
    "organisations": [
        ("id", "id", "id", "Organisationens id", "The organisation's id", "string"),
        ("iri", "IRI", "IRI", "Organisationens IRI", "The organisation's IRI", "anyURI"),
        ("name", "namn", "name", "Namn", "Name", "string"),
        ("name_en", "namn (engelska)", "name (English)", "Namn på engelska", "Name in English", "string"),
        (
            "alt_names",
            "andra namn",
            "other names",
            "Andra namn, åtskilda av semikolon",
            "Other names, separated by semicolons",
            "string",
        ),
        (
            "organisation_numbers",
            "organisationsnummer",
            "organisation numbers",
            "Organisationsnummer som ett register bekräftar (status i sakrad:confirmingStatus: läst i registret "
            "eller i förvaltarens kopia av det), vart och ett en gång, åtskilda av semikolon",
            "Organisation numbers a register confirms (a status in sakrad:confirmingStatus: read in the register "
            "or in its keeper's copy of it), each once, separated by semicolons",
            "string",
        ),
        (
            "unconfirmed_numbers",
            "obekräftade nummer",
            "unconfirmed numbers",
            "Nummer som inget register bekräftar, vart och ett en gång med sin status inom parentes "
            "(SecondarySource: läst i en andrahandskälla; RetiredEntry: läst i en avregistrerad post; "
            "Derived: härledd), åtskilda av semikolon; de är inte organisationens bekräftade nummer",
            "Numbers no register confirms, each once with its status in brackets (SecondarySource: read in a "
            "secondary source; RetiredEntry: read in a retired entry; Derived: derived), separated by "
            "semicolons; they are not the organisation's confirmed numbers",
            "string",
        ),
        _ROLE_COUNT,
        *_BY_ROLE,
        *_SPAN,
    ],
    "people": [
        ("id", "id", "id", "Personens id", "The person's id", "string"),
        ("iri", "IRI", "IRI", "Personens IRI", "The person's IRI", "anyURI"),
        ("name", "namn", "name", "Namn", "Name", "string"),
        _ROLE_COUNT,
        *_BY_ROLE,
        (
            "roles",
            "roller",
            "roles",
            "Roller (rollschemats svenska namn), åtskilda av semikolon",
            "Roles (the role scheme's Swedish names), separated by semicolons",
            "string",
        ),
        (
            "roles_en",
            "roller (engelska)",
            "roles (English)",
            "Samma roller med rollschemats engelska namn, åtskilda av semikolon (en roll utan engelskt namn är inte med)",
            "The same roles by the role scheme's English names, separated by semicolons (a role with no English "
            "name is left out)",
            "string",
        ),
        *_SPAN,
    ],
    "bodies": [
        ("id", "id", "id", "Myndighetens eller enhetens id", "The body's id", "string"),
        ("iri", "IRI", "IRI", "IRI", "IRI", "anyURI"),
        ("name", "namn", "name", "Namn", "Name", "string"),
        ("name_en", "namn (engelska)", "name (English)", "Namn på engelska", "Name in English", "string"),
        (
            "part_of",
            "del av",
            "part of",
            "Det organ den är en del av; en källas uppgift, eller datans egen där part_of_derived är true",
            "The body it is part of; a source's statement, or the data's own where part_of_derived is true",
            "string",
        ),
        (
            "part_of_derived",
            "del av: härlett",
            "part of: derived",
            "true: ingen källa säger att organet är en del av part_of; datan placerar det där efter en egen regel "
            "(sakrad:unitOfDerivation, som organets sida återger); false: en källa säger det, eller part_of är tomt",
            "true: no source says the body is part of part_of; the data places it there by a rule of its own "
            "(sakrad:unitOfDerivation, which the body's page gives); false: a source says so, or part_of is empty",
            "boolean",
        ),
        _ROLE_COUNT,
        *_BY_ROLE,
    ],
}


#: The columns that hold a list, joined with :data:`LIST_SEPARATOR`.
LIST_COLUMNS = frozenset(
    (
        "days",
        "ministries_via_posts",
        "ministries_convening",
        "chairs",
        "conveners",
        "organisations",
        "alt_names",
        "organisation_numbers",
        "unconfirmed_numbers",
        "roles",
        "roles_en",
    )
)
#: What the items of a list are joined with, and its CSVW ``separator`` (a string, Tabular Metadata
#: §5.7): the whole "; ", so a CSVW processor reads each item back without a leading space while the
#: column stays ``string``, whose values alone take the column's ``lang`` (Tabular Data Model §6.4:
#: a ``normalizedString`` would be trimmed, but has no language).
LIST_SEPARATOR = "; "

#: The language of the text in a column (CSVW ``lang``, inherited by each cell: Tabular Metadata
#: §5.7), by list and column; a column not named holds no text in a language: an id, an IRI, a
#: number, a code (``stated``), a date, a person's name, or names of either kind (``conveners``: a
#: person or a body), or names in several languages (``alt_names``).
COLUMN_LANGUAGES: dict[str, dict[str, str]] = {
    "meetings": {
        "title": "sv",
        "title_en": "en",
        "organiser": "sv",
        "ministry": "sv",
        "ministries_via_posts": "sv",
        "ministries_convening": "sv",
        "organisations": "sv",
        "organisations_stated_words": "sv",
        "invited_stated_words": "sv",
        "held_derived_from": "sv",
    },
    "organisations": {"name": "sv", "name_en": "en"},
    "people": {"roles": "sv", "roles_en": "en"},
    "bodies": {"name": "sv", "name_en": "en", "part_of": "sv"},
}


def _csv(kind: str, rows: Iterator[list[object]]) -> bytes:
    """The rows of a list as RFC 4180 CSV in UTF-8 without a byte order mark, as the release's
    tables (:mod:`sakrad_ld.tables.csvw`): what a CSVW reader reads from a URL (docs/tables.md)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c[0] for c in COLUMNS[kind]])
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8")


def _both(sv: str, en: str) -> list[dict[str, str]]:
    """A title in Swedish and English as a CSVW natural language property (Tabular Metadata §5.1.5)."""
    return [{"@value": sv, "@language": "sv"}, {"@value": en, "@language": "en"}]


def list_title(
    key: str, facet: str | None = None, label: Text | None = None, value: str | None = None
) -> tuple[str, str]:
    """A list's title (Swedish, English) as its page's heading says it: "Sakråd", "Organisationer";
    a facet's folder "Sakråd: År"; a filtered list (``value``: its key) "Sakråd: År 2025", "Sakråd:
    Organisation Rädda Barnen"; the sakråd with no value "Sakråd: utan datum"."""
    from .messages import messages

    out = []
    for lang in ("sv", "en"):
        text = messages(lang)
        title = text[key]
        if facet is not None:
            title += ":"
            if value != UNKNOWN:
                title += f" {text['ministry_involved_all' if facet == 'ministry' else 'facet_' + facet]}"
        if label is not None:
            title += f" {label.en if lang == 'en' and label.en else label.main}"
        out.append(title)
    return out[0], out[1]


def csv_metadata(tables: list[tuple[str, str, tuple[str, str]]], title: tuple[str, str]) -> bytes:
    """CSVW metadata (https://www.w3.org/TR/tabular-metadata/) for CSV files of one folder, given
    as (file name, kind, (Swedish title, English title)): the group's and each table's title in both
    languages, each column's name, Swedish and English title and description, datatype and, for
    text in a language, that language (:data:`COLUMN_LANGUAGES`)."""
    from ..tables.csvw import DIALECT

    def column(c: tuple[str, str, str, str, str, str], languages: dict[str, str]) -> dict[str, object]:
        name, title_sv, title_en, about_sv, about_en, datatype = c
        out: dict[str, object] = {
            "name": name,
            # The header cell exactly, so that the metadata is compatible with the file (Tabular
            # Metadata §5.5.3); the human titles are dc:title.
            "titles": {"und": name},
            "dc:title": [{"@value": title_sv, "@language": "sv"}, {"@value": title_en, "@language": "en"}],
            "dc:description": [{"@value": about_sv, "@language": "sv"}, {"@value": about_en, "@language": "en"}],
            "datatype": datatype,
        }
        if name in LIST_COLUMNS:
            out["separator"] = LIST_SEPARATOR
        if lang := languages.get(name):
            out["lang"] = lang
        return out

    group = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "sv"}],
        "dc:title": _both(*title),
        "dialect": DIALECT,
        "tables": [
            {
                "url": url,
                "dc:title": _both(*names),
                "tableSchema": {
                    "columns": [column(c, COLUMN_LANGUAGES[kind]) for c in COLUMNS[kind]],
                    "primaryKey": "id",
                },
            }
            for url, kind, names in tables
        ],
    }
    return (json.dumps(group, ensure_ascii=False, indent=1) + "\n").encode()


def _names(refs: list[Ref]) -> str:
    return LIST_SEPARATOR.join(r.name.main for r in refs)


def _kind(date: str | None, derived: bool) -> str | None:
    return None if not date else "derived" if derived else "stated"


def unique_numbers(numbers: list[str]) -> list[str]:
    """One of each number: ``802002-8638`` and ``SE8020028638`` are the same digits, so only the
    first (in sorted order, the one with a hyphen) is kept."""
    seen: set[str] = set()
    out = []
    for n in numbers:
        digits = re.sub(r"\D", "", n)
        if digits in seen:
            continue
        seen.add(digits)
        out.append(n)
    return out


def _stated_columns(c: StatedCount | None) -> list[object]:
    """A stated count's number, whether approximate, and words; all empty when the data gives none.
    A bound ("drygt 50") is no number: its number is left empty, its words kept."""
    if c is None:
        return [None, None, None]
    return [None if c.bound else c.value, "true" if c.approximate else "false", c.words]


def _english(t: Text) -> str | None:
    """The English of a name: its English beside the Swedish, or the name itself where it is English."""
    return t.en or (t.main if t.lang == "en" else None)


def _role_columns(r: AgentRow) -> list[int]:
    return [r.by_role.get(k, 0) for k in ROLE_KINDS]


def _span_columns(r: AgentRow) -> list[object]:
    """The first and last sakråd's dates, each stated or derived, and how many are undated."""
    return [
        *date_cells(r.first),
        _kind(r.first, r.first_derived),
        *date_cells(r.last),
        _kind(r.last, r.last_derived),
        r.undated,
    ]


def meetings_csv(rows: list[MeetingRow]) -> bytes:
    return _csv(
        "meetings",
        (
            [
                m.ref.id,
                m.ref.iri,
                *date_cells(m.date),
                m.date_kind,
                LIST_SEPARATOR.join(m.days) if m.series else None,
                m.ref.name.main,
                m.ref.name.en,
                "own" if m.title_own else "stated",
                m.organiser.name.main if m.organiser else None,
                m.ministry.name.main if m.ministry else None,
                _names(m.ministries_as("convener", "chair")),
                _names(m.ministries_as("convener_body")),
                _names(m.chairs),
                _names(m.conveners),
                LIST_SEPARATOR.join(m.organisation_names()),
                len(m.organisations) or None,
                m.listed or None,
                *_stated_columns(m.organisation_count),
                *_stated_columns(m.invited),
                "true" if m.announced else "false",
                "true" if m.held_derived else "false",
                m.held_from.name.main if m.held_from else None,
            ]
            for m in rows
        ),
    )


def agents_csv(kind: str, rows: list[AgentRow]) -> bytes:
    if kind == "organisations":
        return _csv(
            kind,
            (
                [
                    r.ref.id,
                    r.ref.iri,
                    r.ref.name.main,
                    r.ref.name.en,
                    LIST_SEPARATOR.join(r.alt_names),
                    LIST_SEPARATOR.join(r.unique_numbers),
                    LIST_SEPARATOR.join(f"{u.number} ({u.status or 'no status'})" for u in r.unconfirmed),
                    r.meetings,
                    *_role_columns(r),
                    *_span_columns(r),
                ]
                for r in rows
            ),
        )
    if kind == "people":
        return _csv(
            kind,
            (
                [
                    r.ref.id,
                    r.ref.iri,
                    r.ref.name.main,
                    r.meetings,
                    *_role_columns(r),
                    LIST_SEPARATOR.join(t.main for t in r.roles),
                    LIST_SEPARATOR.join(name for t in r.roles if (name := _english(t))),
                    *_span_columns(r),
                ]
                for r in rows
            ),
        )
    return _csv(
        kind,
        (
            [
                r.ref.id,
                r.ref.iri,
                r.ref.name.main,
                r.ref.name.en,
                r.part_of.name.main if r.part_of else None,
                "true" if r.part_of_derived else "false",
                r.meetings,
                *_role_columns(r),
            ]
            for r in rows
        ),
    )


# --- pages ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paging:
    page: int
    pages: int
    links: list[tuple[int, str]]


def _pages(stem: str, rows: list, lang: str) -> Iterator[tuple[str, list, Paging]]:
    """(file, rows, paging) for each page of a list; ``stem`` is ``lists/meetings``."""
    count = max(1, -(-len(rows) // PAGE_SIZE))
    files = [translated(f"{stem}.html" if n == 1 else f"{stem}-{n}.html", lang) for n in range(1, count + 1)]
    links = list(enumerate(files, start=1))
    for n, file in links:
        yield file, rows[(n - 1) * PAGE_SIZE : n * PAGE_SIZE], Paging(n, count, links)


#: The marks a list's row may carry beside a value that is derived or not said, in the order a page
#: explains them (``mark_{key}`` in the messages).
MARKS = ("date_derived", "held_derived", "title_own", "announced", "part_of_derived")


class Marked(Protocol):
    """A row a page shows with marks beside its values: a list's row, a role on a thing's page."""

    @property
    def marks(self) -> set[str]: ...


def carried(**has: bool) -> set[str]:
    """The marks of :data:`MARKS` a row carries, from whether it has each (``held_derived=True`` …)."""
    unknown = set(has) - set(MARKS)
    assert not unknown, f"no such mark: {sorted(unknown)}; the marks are {MARKS}"
    return {key for key, on in has.items() if on}


def marks(rows: Iterable[Marked]) -> list[str]:
    """The marks (of :data:`MARKS`) that ``rows`` carry (each row's ``marks``: a list's rows, a
    page's roles), in that order: what the page's legend explains beside the marks it shows."""
    found = set().union(*(r.marks for r in rows))
    return [key for key in MARKS if key in found]


def _kinds(rows: list[MeetingRow]) -> dict[str, int]:
    """What a count of sakråd holds besides sakråd said to be held on one day: how many the sources
    only announce, and how many are a series of several days."""
    return {"announced": sum(1 for m in rows if m.announced), "series": sum(1 for m in rows if m.series)}


def _meeting_pages(
    render_page: object,
    stem: str,
    rows: list[MeetingRow],
    lang: str,
    facets: dict[str, list[tuple[str, Text, int]]],
    derived: dict[str, dict[str, int]],
    chosen: tuple[str, str, Text] | None,
) -> Iterator[tuple[str, bytes]]:
    """Each page of the list of sakråd ``rows`` at ``stem`` (its CSV ``stem``.csv), with the panel's
    ``facets`` and the value ``chosen`` (facet, key, label) where the list is one value's."""
    for file, page_rows, paging in _pages(stem, rows, lang):
        yield (
            file,
            render_page(
                "meetings.html",
                file,
                rows=page_rows,
                marks=marks(page_rows),
                paging=paging,
                total=len(rows),
                kinds=_kinds(rows),
                csv=f"{stem}.csv",
                facets=facets,
                derived=derived,
                filter=chosen,
            ).encode(),
        )


def list_files(lists: Lists, render_page: object, lang: str) -> Iterator[tuple[str, bytes]]:
    """Every list page in ``lang`` (``render_page(template, file, **context) -> str``), and, for the
    default language, every CSV file."""
    from .paths import LANGUAGES

    csv_too = lang == LANGUAGES[0]
    facets = {name: lists.facet(name) for name in FACETS}
    derived = {name: lists.facet_derived(name) for name in FACETS}
    yield from _meeting_pages(render_page, "lists/meetings", lists.meetings, lang, facets, derived, None)
    if csv_too:
        yield "lists/meetings.csv", meetings_csv(lists.meetings)
    if csv_too:
        yield (
            "lists/csv-metadata.json",
            csv_metadata(
                [
                    ("meetings.csv", "meetings", list_title("meetings_heading")),
                    ("organisations.csv", "organisations", list_title("list_organisations")),
                    ("people.csv", "people", list_title("list_people")),
                    ("bodies.csv", "bodies", list_title("list_bodies")),
                ],
                ("Sakråd: listor", "Consultations (sakråd): lists"),
            ),
        )
    for name, values in facets.items():
        if csv_too and values:
            yield (
                f"lists/meetings/{name}/csv-metadata.json",
                csv_metadata(
                    [
                        (f"{key}.csv", "meetings", list_title("meetings_heading", name, label, key))
                        for key, label, _ in values
                    ],
                    list_title("meetings_heading", name),
                ),
            )
        for key, label, _ in values:
            stem = f"lists/meetings/{name}/{key}"
            rows = lists.filtered(name, key)
            # the panel of a filtered list counts the sakråd of that list (each value still leads to
            # every sakråd with it: the page says so)
            own_facets = {other: lists.facet(other, rows) for other in FACETS}
            own_derived = {other: lists.facet_derived(other, rows) for other in FACETS}
            yield from _meeting_pages(render_page, stem, rows, lang, own_facets, own_derived, (name, key, label))
            if csv_too:
                yield f"{stem}.csv", meetings_csv(rows)
    for kind, rows in (("organisations", lists.organisations), ("people", lists.people), ("bodies", lists.bodies)):
        for file, page_rows, paging in _pages(f"lists/{kind}", rows, lang):
            yield (
                file,
                render_page(
                    "agents.html",
                    file,
                    kind=kind,
                    rows=page_rows,
                    paging=paging,
                    total=len(rows),
                    body_kinds=lists.body_kinds() if kind == "bodies" else None,
                    # a ministry involved in sakråd without a role (via a post): the ministry filter's count
                    involved={key: n for key, _, n in facets["ministry"]} if kind == "bodies" else {},
                    marks=marks(page_rows),
                    csv=f"lists/{kind}.csv",
                ).encode(),
            )
        if csv_too:
            yield f"lists/{kind}.csv", agents_csv(kind, rows)
