"""The lists' files: every page of each list (paged where long, sakråd filtered by year, ministry,
chair, convener and organisation) in a language, and, with the default language's, every list's CSV
and CSVW metadata (:mod:`sakrad_ld.web.listtables`); the page and the CSV of a list are made from
the same rows (:mod:`sakrad_ld.web.lists`).

Files (``en/…`` the English pages; CSV files are the same in both languages)::

    lists/meetings.html  lists/meetings/2.html …  lists/meetings.csv
    lists/meetings/{year|ministry|chair|convener|organisation}/{value}.html  … .csv
    lists/organisations.html … .csv   lists/people.html … .csv   lists/bodies.html … .csv
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .labels import Text
from .lists import FACETS, Lists, MeetingRow, marks
from .listtables import agents_csv, csv_metadata, list_title, meetings_csv
from .paths import translated

__all__ = ["PAGE_SIZE", "list_files"]

#: Rows on one page of a list.
PAGE_SIZE = 100


@dataclass(frozen=True)
class Paging:
    page: int
    pages: int
    links: list[tuple[int, str]]


def _pages(stem: str, rows: list, lang: str) -> Iterator[tuple[str, list, Paging]]:
    """(file, rows, paging) for each page of a list; ``stem`` is ``lists/meetings``. The first page is
    ``{stem}.html``, page n ``{stem}/{n}.html``: in a folder of the list's own, whose name is the
    list's, so no page of one list is named as another list is (a filter value's list is
    ``lists/meetings/organisation/{id}.html``, and an id may end in "-2")."""
    count = max(1, -(-len(rows) // PAGE_SIZE))
    files = [translated(f"{stem}.html" if n == 1 else f"{stem}/{n}.html", lang) for n in range(1, count + 1)]
    links = list(enumerate(files, start=1))
    for n, file in links:
        yield file, rows[(n - 1) * PAGE_SIZE : n * PAGE_SIZE], Paging(n, count, links)


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
