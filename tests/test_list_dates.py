"""The lists, the start page, the search index and the pages of people and organisations on the
fixture release: a derived date (sakrad:derivedDate, read from a page's address or publication date)
is sorted, filtered, counted and shown as a date, always marked derived, never as stated; sakråd are
found by the ministries involved (the stated organiser, a convening unit, or worked out from the
post a convener or chair held), labelled so; the lists' CSV files are described by CSVW metadata
and give each number once. Checked against the fixture YAML a person wrote, not against the code."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml
from fixture_pages import FIXTURE_DATA, fixture_meetings, fixture_opened, fixture_site  # noqa: F401

from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import SCHEMA
from sakrad_ld.web.pages import Site, resource_page, start_page
from sakrad_ld.web.sitefiles import site_files


@pytest.fixture(scope="module")
def files(opened: Release, site: Site) -> dict[str, bytes]:
    return dict(site_files(opened.store, site))


def _date(m: dict) -> tuple[str, bool] | None:
    """The date a person wrote for a sakråd (the first of a series) and whether it is derived."""
    if m.get("date"):
        return str(m["date"]), "date_derivation" in m
    if m.get("days"):
        return str(min(str(d) for d in m["days"])), False
    return None


def _rows(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_fixture_has_derived_dates_of_days_and_of_months(meetings: dict[str, dict]) -> None:
    derived = [d for d in map(_date, meetings.values()) if d and d[1]]
    assert any(len(d) == 10 for d, _ in derived) and any(len(d) == 7 for d, _ in derived)


def test_every_date_derived_or_stated_is_in_the_csv_with_its_kind(files: dict, meetings: dict) -> None:
    rows = {r["id"]: r for r in _rows(files["lists/meetings.csv"])}
    assert set(rows) == set(meetings)
    column = {10: "date", 7: "month", 4: "year"}  # a day, a month and a year each in a column of its own
    for id, m in meetings.items():
        expected = _date(m)
        given = [(c, rows[id][c]) for c in column.values() if rows[id][c]]
        if expected is None:
            assert (given, rows[id]["date_kind"]) == ([], ""), id
        else:
            kind = "series" if len(m.get("days") or []) > 1 else "derived" if expected[1] else "stated"
            assert (given, rows[id]["date_kind"]) == ([(column[len(expected[0])], expected[0])], kind), id
    dates = [_when(r) for r in rows.values()]
    listed = [_when(r) for r in _rows(files["lists/meetings.csv"])]
    assert listed == sorted((d for d in dates if d), reverse=True) + [""] * dates.count("")


def _when(row: dict[str, str]) -> str:
    """A row's date at whatever precision it is known (only one of the three columns is filled)."""
    return row["date"] or row["month"] or row["year"]


def test_the_year_filter_counts_and_lists_derived_dates(files: dict, meetings: dict) -> None:
    by_year: dict[str, set[str]] = {}
    for id, m in meetings.items():
        if (d := _date(m)) is not None:
            by_year.setdefault(d[0][:4], set()).add(id)
    assert any(any("date_derivation" in meetings[i] for i in ids) for ids in by_year.values())
    for year, ids in by_year.items():
        assert {r["id"] for r in _rows(files[f"lists/meetings/year/{year}.csv"])} == ids, year
        html = files[f"lists/meetings/year/{year}.html"].decode()
        for id in ids:
            assert f"meeting/{id}.html" in html
    page = files["lists/meetings.html"].decode()
    facet = page[page.index('id="facet-year"') :]
    facet = facet[: facet.index("</div>")]
    counts = [int(n) for n in re.findall(r'<span class="count">(\d+)</span>', facet)]
    undated = len(meetings) - sum(len(ids) for ids in by_year.values())
    assert undated  # the fixture has sakråd without any date: counted under "utan datum", last
    assert sum(counts) == len(meetings) and counts[-1] == undated
    assert "utan datum</a>" in facet
    assert {r["id"] for r in _rows(files["lists/meetings/year/unknown.csv"])} == {
        id for id, m in meetings.items() if _date(m) is None
    }


@pytest.mark.parametrize(("lang", "word"), [("sv", "härlett"), ("en", "derived")])
def test_a_derived_date_is_never_shown_bare(files: dict, meetings: dict, lang: str, word: str) -> None:
    prefix = "en/" if lang == "en" else ""
    for file in (f"{prefix}lists/meetings.html", f"{prefix}lists/meetings/year/2022.html"):
        rows = files[file].decode().split("<tr>")[1:]
        for id, m in meetings.items():
            d = _date(m)
            row = next((r for r in rows if f"meeting/{id}.html" in r), None)
            if d is None or row is None:
                continue
            cell = _text(row.split("</td>")[0])
            assert d[0] in cell, (file, id)
            assert (f"({word})" in cell) == d[1], (file, id, cell)


def test_the_start_page_shows_the_newest_by_their_date_marked_when_derived(
    opened: Release, site: Site, meetings: dict
) -> None:
    html = start_page(opened.store, site, "en")
    table = html[html.index('id="meetings"') :]
    table = table[: table.index("</table>")]
    rows = table.split("<tr>")[2:]
    newest = sorted(((d[0], id, d[1]) for id, m in meetings.items() if (d := _date(m))), reverse=True)[: len(rows)]
    for row, (date, id, derived) in zip(rows, newest, strict=True):
        assert f"meeting/{id}.html" in row and date in row, (id, row)
        assert ("(derived)" in _text(row)) == derived, id


def test_organisations_and_people_have_their_dates_with_the_derived_ones(files: dict, meetings: dict) -> None:
    rows = {r["id"]: r for r in _rows(files["lists/organisations.csv"])}
    for org, row in rows.items():
        dates = sorted(d for m in meetings.values() if org in m.get("organisations", []) and (d := _date(m)))
        if not dates:
            assert row["last_date"] == "" and row["last_date_kind"] == "", org
            continue
        assert (row["first_date"], row["first_date_kind"]) == (dates[0][0], "derived" if dates[0][1] else "stated")
        assert (row["last_date"], row["last_date_kind"]) == (dates[-1][0], "derived" if dates[-1][1] else "stated")
    assert rows["radda-barnen"]["last_date"] == _date(meetings["2022-12-13-demokrativillkor"])[0]  # type: ignore[index]


@pytest.mark.parametrize(("lang", "word"), [("sv", "härlett"), ("en", "derived")])
def test_the_pages_of_a_person_and_an_organisation_show_derived_dates_as_derived(
    opened: Release, site: Site, meetings: dict, lang: str, word: str
) -> None:
    for iri, id in (
        (f"{opened.base_iri}id/person/ann-linde", "2017-02-eu-tjanstepaket"),
        (f"{opened.base_iri}id/organisation/radda-barnen", "2022-12-13-demokrativillkor"),
    ):
        date, derived = _date(meetings[id])  # type: ignore[misc]
        assert derived
        html = resource_page(opened.store, iri, site, lang)
        assert html is not None
        row = next(r for r in html.split("<tr>") if f"meeting/{id}.html" in r)
        assert f"{date} ({word})" in _text(row), (iri, _text(row))


def test_searching_a_year_finds_its_sakrad_derived_dates_marked(files: dict, meetings: dict) -> None:
    index = json.loads(files["search-index.json"])
    entries = {e["h"]: e for e in index if e["k"] == "meeting"}
    for id, m in meetings.items():
        d = _date(m)
        entry = entries[f"doc/meeting/{id}.html"]
        if d is None:
            continue
        assert d[0][:4] in entry["f"].split(), id
        days = sorted(str(x) for x in m.get("days") or [])
        if len(days) > 1:  # a series: its first and last day and its number of days, never one date
            assert (entry["d"], entry.get("y"), entry.get("x")) == (f"{days[0]} – {days[-1]}", len(days), None), id
            continue
        assert entry["d"] == d[0] and entry.get("x") == (1 if d[1] else None), id


def test_sakrad_are_found_by_the_ministry_involved_and_how(opened: Release, files: dict, meetings: dict) -> None:
    """The ministry filter holds the stated organiser's ministry, a ministry (or its unit) that
    convenes, and the ministry of a convener's or chair's post; the pages say which, and none of the
    worked-out ones is published as schema:organizer."""
    bodies = {b["id"]: b for b in yaml.safe_load((FIXTURE_DATA / "bodies.yaml").read_text(encoding="utf-8"))["bodies"]}
    posts = {p["id"]: p for p in bodies_posts(FIXTURE_DATA)}
    ministries = {k for k, b in bodies.items() if b.get("kind") == "ministry"}

    def ministry(body: str | None) -> str | None:
        while body and body not in ministries:
            body = bodies.get(body, {}).get("unit_of")
        return body

    expected: dict[str, set[str]] = {}
    via_post: set[tuple[str, str]] = set()
    for id, m in meetings.items():
        found = {ministry(m.get("organiser"))}
        for role in ("conveners", "chairs", "chair"):
            given = m.get(role) or []
            for who in given if isinstance(given, list) else [given]:
                if isinstance(who, dict) and who.get("post"):
                    mp = ministry(posts.get(who["post"], {}).get("post_in"))
                    found.add(mp)
                    if mp:
                        via_post.add((id, mp))
                elif isinstance(who, dict) and who.get("body"):
                    found.add(ministry(who["body"]))
                elif isinstance(who, str):
                    found.add(ministry(who))
        for k in found - {None}:
            expected.setdefault(k, set()).add(id)  # type: ignore[arg-type]
    assert len(expected) > 1 and via_post
    for key, ids in expected.items():
        assert {r["id"] for r in _rows(files[f"lists/meetings/ministry/{key}.csv"])} == ids, key
    for id, key in via_post:
        html = files[f"lists/meetings/ministry/{key}.html"].decode()
        assert "hade sin post där" in html  # the note on what the filter counts
        row = next(r for r in html.split("<tr>") if f"meeting/{id}.html" in r)
        assert "via" in _text(row), row
        organisers = list(
            opened.store.quads_for_pattern(ox.NamedNode(f"{opened.base_iri}id/meeting/{id}"), SCHEMA.organizer, None)
        )
        assert all(not q.object.value.endswith(f"/{key}") for q in organisers)
        row = next(r for r in _rows(files["lists/meetings.csv"]) if r["id"] == id)
        assert bodies[key]["name"]["sv"] in row["ministries_via_posts"] and row["ministry"] != bodies[key]["name"]["sv"]


def bodies_posts(data: Path) -> list[dict]:
    return yaml.safe_load((data / "bodies.yaml").read_text(encoding="utf-8")).get("posts", [])


def test_the_csv_files_give_each_number_once_and_have_csvw_metadata(files: dict) -> None:
    rows = _rows(files["lists/organisations.csv"])
    assert any(r["organisation_numbers"] or r["unconfirmed_numbers"] for r in rows)
    for r in rows:  # a number no register confirms is in unconfirmed_numbers, with its status: "n (status)"
        numbers = [n for n in r["organisation_numbers"].split("; ") if n]
        numbers += [n.rsplit(" (", 1)[0] for n in r["unconfirmed_numbers"].split("; ") if n]
        digits = [re.sub(r"\D", "", n) for n in numbers]
        assert len(set(digits)) == len(digits), r["id"]
    folders = {name.rsplit("/", 1)[0] for name in files if name.startswith("lists/") and name.endswith(".csv")}
    for folder in folders:
        meta = json.loads(files[f"{folder}/csv-metadata.json"])
        described = {t["url"]: t for t in meta["tables"]}
        for name in (
            n for n in files if n.startswith(folder + "/") and n.endswith(".csv") and "/" not in n[len(folder) + 1 :]
        ):
            table = described[name[len(folder) + 1 :]]
            header = next(csv.reader(io.StringIO(files[name].decode("utf-8-sig"))))
            columns = table["tableSchema"]["columns"]
            assert [c["name"] for c in columns] == header, name
            assert all({t["@language"] for t in c["dc:title"] if t["@value"]} == {"sv", "en"} for c in columns)
            assert all({d["@language"] for d in c["dc:description"]} == {"sv", "en"} for c in columns)
