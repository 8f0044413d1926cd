"""The lists people browse — sakråd, organisations, people, government bodies — read from the
store once as rows (:func:`read_lists`), with the filters of the sakråd list (year, ministry, chair,
convener, organisation) and the marks a row carries beside a value that is derived or not said. Their
pages and CSV files are made from these rows (:mod:`sakrad_ld.web.listfiles`,
:mod:`sakrad_ld.web.listtables`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox

from ..triples import RDF_TYPE
from ..vocab import ADMS, M8G, ORG, RDFS, ROLE, SAKRAD, SCHEMA, SKOS
from .labels import Labeller, Text, literal_language, objects, text_of, value
from .meeting import StatedCount, _count, meeting_dates
from .paths import page_file

__all__ = ["Lists", "read_lists"]

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
