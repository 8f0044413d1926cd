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
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..triples import RDF_TYPE
from ..vocab import ADMS, M8G, ORG, ROLE, SAKRAD, SCHEMA, SKOS
from .labels import Labeller, Text, objects, value
from .meeting import meeting_dates
from .paths import page_file, translated

__all__ = ["PAGE_SIZE", "Lists", "list_files", "read_lists"]

#: Rows on one page of a list.
PAGE_SIZE = 100
#: Filters of the sakråd list, in the order the page offers them.
FACETS = ("year", "ministry", "chair", "convener", "organisation")


@dataclass(frozen=True)
class Ref:
    """A resource named in a list: its id (the last segment of its IRI), IRI, name and page."""

    id: str
    iri: str
    name: Text
    href: str | None


@dataclass
class MeetingRow:
    ref: Ref
    date: str | None
    organiser: Ref | None
    ministry: Ref | None
    chairs: list[Ref] = field(default_factory=list)
    conveners: list[Ref] = field(default_factory=list)
    organisations: list[Ref] = field(default_factory=list)
    listed: int | None = None

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None


@dataclass
class AgentRow:
    ref: Ref
    alt_names: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    meetings: int = 0
    first: str | None = None
    last: str | None = None
    part_of: Ref | None = None
    roles: list[Text] = field(default_factory=list)


@dataclass
class Lists:
    meetings: list[MeetingRow]  # newest first, undated last
    organisations: list[AgentRow]
    people: list[AgentRow]
    bodies: list[AgentRow]

    def facet(self, name: str) -> list[tuple[str, Text, int]]:
        """The values of one filter of the sakråd list, as (id, name, number of sakråd), most first."""
        counts: Counter[str] = Counter()
        names: dict[str, Text] = {}
        for m in self.meetings:
            for key, label in _facet_values(m, name):
                counts[key] += 1
                names[key] = label
        if name == "year":
            return [(k, names[k], counts[k]) for k in sorted(counts, reverse=True)]
        return [(k, names[k], n) for k, n in sorted(counts.items(), key=lambda kn: (-kn[1], names[kn[0]].main.lower()))]

    def filtered(self, name: str, key: str) -> list[MeetingRow]:
        return [m for m in self.meetings if any(k == key for k, _ in _facet_values(m, name))]


def _facet_values(m: MeetingRow, name: str) -> list[tuple[str, Text]]:
    if name == "year":
        return [(m.year, Text(m.year))] if m.year else []
    if name == "ministry":
        return [(m.ministry.id, m.ministry.name)] if m.ministry else []
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
    dated = meeting_dates(store)
    order = [m for m in reversed(dated) if m[1] is not None] + [m for m in dated if m[1] is None]
    meetings = []
    taking_part: dict[str, set[str]] = defaultdict(set)
    role_names: dict[str, dict[str, Text]] = defaultdict(dict)
    for iri, date in order:
        node = ox.NamedNode(iri)
        organiser = value(store, node, SCHEMA.organizer)
        chain = _chain(store, organiser)
        row = MeetingRow(
            ref(iri),
            date,
            ref(chain[0]) if chain else None,
            ref(chain[-2] if len(chain) > 1 else chain[0]) if chain else None,
        )
        listed = value(store, node, SAKRAD.listedOrganisationCount)
        row.listed = int(listed.value) if isinstance(listed, ox.Literal) and listed.value.isdigit() else None
        parts = []
        for part in objects(store, node, M8G.hasParticipation):
            who = value(store, part, M8G.hasParticipant)
            role = value(store, part, M8G.role)
            if not isinstance(who, ox.NamedNode):
                continue
            taking_part[who.value].add(iri)
            if isinstance(role, ox.NamedNode):
                role_names[who.value][role.value] = labels.of(role)
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
        meetings.append(row)
    dates = {m.ref.iri: m.date for m in meetings}

    typed: dict[str, set[str]] = defaultdict(set)  # kind → the things of that kind (with a type)
    prefix = f"{base}id/"
    for quad in store.quads_for_pattern(None, RDF_TYPE, None):
        s = quad.subject
        if isinstance(s, ox.NamedNode) and s.value.startswith(prefix):
            kind, _, rest = s.value[len(prefix) :].partition("/")
            if rest and "/" not in rest:
                typed[kind].add(s.value)

    def agents(kind: str) -> list[AgentRow]:
        found = sorted(typed.get(kind, ()))
        rows = []
        for iri in found:
            node = ox.NamedNode(iri)
            row = AgentRow(ref(iri))
            row.alt_names = sorted({o.value for o in objects(store, node, SKOS.altLabel) if isinstance(o, ox.Literal)})
            row.numbers = sorted(
                {
                    n.value
                    for i in objects(store, node, ADMS.identifier)
                    for n in objects(store, i, SKOS.notation)
                    if isinstance(n, ox.Literal)
                }
            )
            met = taking_part.get(iri, set())
            row.meetings = len(met)
            known = sorted(d for d in (dates.get(m) for m in met) if d)
            row.first, row.last = (known[0], known[-1]) if known else (None, None)
            parent = value(store, node, ORG.unitOf) or value(store, node, ORG.subOrganizationOf)
            row.part_of = ref(parent.value) if isinstance(parent, ox.NamedNode) else None
            row.roles = sorted(role_names.get(iri, {}).values(), key=lambda t: t.main)
            rows.append(row)
        return sorted(rows, key=lambda r: (r.ref.name.main.lower(), r.ref.iri))

    return Lists(meetings, agents("organisation"), agents("person"), agents("body"))


def _chain(store: ox.Store, body: object) -> list[str]:
    """The organiser and the bodies above it (unit → ministry → Government Offices)."""
    chain: list[str] = []
    while isinstance(body, ox.NamedNode) and body.value not in chain:
        chain.append(body.value)
        body = value(store, body, ORG.unitOf) or value(store, body, ORG.subOrganizationOf)
    return chain


# --- CSV -----------------------------------------------------------------------------------------


def _csv(header: list[str], rows: Iterator[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8-sig")


def _names(refs: list[Ref]) -> str:
    return "; ".join(r.name.main for r in refs)


def meetings_csv(rows: list[MeetingRow]) -> bytes:
    return _csv(
        [
            "id",
            "iri",
            "date",
            "title",
            "title_en",
            "organiser",
            "ministry",
            "chairs",
            "conveners",
            "organisations",
            "organisations_listed",
        ],
        (
            [
                m.ref.id,
                m.ref.iri,
                m.date,
                m.ref.name.main,
                m.ref.name.en,
                m.organiser.name.main if m.organiser else None,
                m.ministry.name.main if m.ministry else None,
                _names(m.chairs),
                _names(m.conveners),
                _names(m.organisations),
                m.listed,
            ]
            for m in rows
        ),
    )


def agents_csv(kind: str, rows: list[AgentRow]) -> bytes:
    if kind == "organisations":
        return _csv(
            ["id", "iri", "name", "name_en", "alt_names", "organisation_numbers", "sakrad", "first_date", "last_date"],
            (
                [
                    r.ref.id,
                    r.ref.iri,
                    r.ref.name.main,
                    r.ref.name.en,
                    "; ".join(r.alt_names),
                    "; ".join(r.numbers),
                    r.meetings,
                    r.first,
                    r.last,
                ]
                for r in rows
            ),
        )
    if kind == "people":
        return _csv(
            ["id", "iri", "name", "sakrad", "roles", "first_date", "last_date"],
            (
                [r.ref.id, r.ref.iri, r.ref.name.main, r.meetings, "; ".join(t.main for t in r.roles), r.first, r.last]
                for r in rows
            ),
        )
    return _csv(
        ["id", "iri", "name", "name_en", "part_of", "sakrad"],
        (
            [
                r.ref.id,
                r.ref.iri,
                r.ref.name.main,
                r.ref.name.en,
                r.part_of.name.main if r.part_of else None,
                r.meetings,
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


def list_files(lists: Lists, render_page: object, lang: str) -> Iterator[tuple[str, bytes]]:
    """Every list page in ``lang`` (``render_page(template, file, **context) -> str``), and, for the
    default language, every CSV file."""
    from .paths import LANGUAGES

    csv_too = lang == LANGUAGES[0]
    facets = {name: lists.facet(name) for name in FACETS}
    for file, rows, paging in _pages("lists/meetings", lists.meetings, lang):
        yield (
            file,
            render_page(
                "meetings.html",
                file,
                rows=rows,
                paging=paging,
                total=len(lists.meetings),
                csv="lists/meetings.csv",
                facets=facets,
                filter=None,
            ).encode(),
        )
    if csv_too:
        yield "lists/meetings.csv", meetings_csv(lists.meetings)
    for name, values in facets.items():
        for key, label, _ in values:
            stem = f"lists/meetings/{name}/{key}"
            rows = lists.filtered(name, key)
            for file, page_rows, paging in _pages(stem, rows, lang):
                yield (
                    file,
                    render_page(
                        "meetings.html",
                        file,
                        rows=page_rows,
                        paging=paging,
                        total=len(rows),
                        csv=f"{stem}.csv",
                        facets=facets,
                        filter=(name, key, label),
                    ).encode(),
                )
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
                    csv=f"lists/{kind}.csv",
                ).encode(),
            )
        if csv_too:
            yield f"lists/{kind}.csv", agents_csv(kind, rows)
