"""The CSV a journalist opens in a spreadsheet, the lists' (``lists/**.csv``) and the release's
(``tables/*.csv``), on the fixture release: no column mixes the precisions of its dates, since a
spreadsheet reads a month (``2017-02``) in a column of days as the day 2017-02-01. A date is in the
column of its precision, ``date`` (a day), ``month`` or ``year``, typed so in the CSVW metadata, a
derived one still marked derived; the lists name a person's roles in Swedish and English
(``roles``, ``roles_en``), and their metadata gives each column of text its language, which a CSVW
processor (CSV2RDF) puts on the literals. Checked against the fixture YAML a person wrote."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from csv2rdf import csv2rdf
from fixture_pages import fixture_meetings, fixture_opened, fixture_site  # noqa: F401
from rdflib import Literal

from sakrad_ld.sparql.store import Release
from sakrad_ld.tables import TableError
from sakrad_ld.tables import rows as table_rows
from sakrad_ld.tables.definitions import DATES
from sakrad_ld.web.listtables import date_cells
from sakrad_ld.web.pages import Site
from sakrad_ld.web.sitefiles import site_files

ROOT = Path(__file__).resolve().parent.parent
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH = re.compile(r"\d{4}-\d{2}")
YEAR = re.compile(r"\d{4}")
#: What a cell of a column of each datatype of a date looks like.
FORMS = {"date": DAY, "gYearMonth": MONTH, "gYear": YEAR}
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def files(opened: Release, site: Site, fixture_release: Path) -> dict[str, bytes]:
    """The lists' CSV files and metadata, and the release's tables, by their path in the site."""
    out = {name: data for name, data in site_files(opened.store, site) if name.startswith("lists/")}
    for path in (fixture_release / "tables").iterdir():
        out[f"tables/{path.name}"] = path.read_bytes()
    return out


def _rows(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))


def _described(files: dict[str, bytes]) -> list[tuple[str, dict, list[dict[str, str]]]]:
    """Every CSV file with its table's description in the metadata of its folder, and its rows."""
    out = []
    for name in sorted(n for n in files if n.endswith(".csv")):
        folder, _, file = name.rpartition("/")
        meta = json.loads(files[f"{folder}/csv-metadata.json"])
        table = {t["url"]: t for t in meta["tables"]}[file]
        out.append((name, table, _rows(files[name])))
    return out


def _date_written(m: dict) -> tuple[str, bool] | None:
    """The date a person wrote for a sakråd (the first day of a series) and whether it is derived."""
    if m.get("date"):
        return str(m["date"]), "date_derivation" in m
    if m.get("days"):
        return min(str(d) for d in m["days"]), False
    return None


def test_no_column_mixes_days_months_and_years(files: dict[str, bytes]) -> None:
    checked = set()
    for name, table, rows in _described(files):
        for column in table["tableSchema"]["columns"]:
            if column.get("virtual") or column.get("separator"):
                continue
            cells = [r[column["name"]] for r in rows if r[column["name"]]]
            days = [c for c in cells if DAY.fullmatch(c)]
            months = [c for c in cells if MONTH.fullmatch(c)]
            assert not (days and months), (name, column["name"], days[:1], months[:1])
            # a column of days or months says so: a CSVW reader and a person read it as that
            if days:
                assert column["datatype"] == "date", (name, column["name"])
            if months:
                assert column["datatype"] == "gYearMonth", (name, column["name"])
                checked.add(name.rpartition("/")[0])
            form = FORMS.get(column.get("datatype", ""))
            if form is not None:
                assert all(form.fullmatch(c) for c in cells), (name, column["name"])
    # the fixture has months: the lists of sakråd and the release's tables give them in a column of months
    assert {"lists", "lists/meetings/year", "tables"} <= checked


def test_a_sakrads_date_is_in_the_column_of_its_precision_with_its_kind(
    files: dict[str, bytes], meetings: dict[str, dict]
) -> None:
    rows = {r["id"]: r for r in _rows(files["lists/meetings.csv"])}
    assert set(rows) == set(meetings)
    precisions = set()
    for id, m in meetings.items():
        row = rows[id]
        cells = [row["date"], row["month"], row["year"]]
        written = _date_written(m)
        if written is None:
            assert cells == ["", "", ""] and row["date_kind"] == "", id
            continue
        date, derived = written
        at = 0 if DAY.fullmatch(date) else 1 if MONTH.fullmatch(date) else 2
        assert cells == [date if i == at else "" for i in range(3)], (id, cells, date)
        kind = "series" if len(m.get("days") or []) > 1 else "derived" if derived else "stated"
        assert row["date_kind"] == kind, id
        precisions.add((at, kind))
    assert (1, "derived") in precisions and (0, "stated") in precisions  # a month worked out, a day stated


def test_a_filtered_list_gives_its_months_as_the_whole_list_does(files: dict[str, bytes]) -> None:
    whole = {r["id"]: r for r in _rows(files["lists/meetings.csv"])}
    months = {id for id, r in whole.items() if r["month"]}
    assert months
    seen = set()
    for name in files:
        if name.startswith("lists/meetings/") and name.endswith(".csv"):
            for r in _rows(files[name]):
                assert (r["date"], r["month"], r["year"], r["date_kind"]) == (
                    whole[r["id"]]["date"],
                    whole[r["id"]]["month"],
                    whole[r["id"]]["year"],
                    whole[r["id"]]["date_kind"],
                ), (name, r["id"])
                if r["month"]:
                    seen.add(r["id"])
                    assert r["date_kind"] in {"derived", "stated"}, r
    assert seen == months


def test_the_first_and_last_dates_of_organisations_and_people_keep_their_precision(
    files: dict[str, bytes],
) -> None:
    meetings = _rows(files["lists/meetings.csv"])
    dates = {r["date"] or r["month"] or r["year"] for r in meetings} - {""}
    for kind in ("organisations", "people"):
        for row in _rows(files[f"lists/{kind}.csv"]):
            for end in ("first", "last"):
                cells = [row[f"{end}_date"], row[f"{end}_month"], row[f"{end}_year"]]
                filled = [c for c in cells if c]
                assert len(filled) <= 1, row
                assert bool(filled) == bool(row[f"{end}_date_kind"]), row
                if filled:
                    assert filled[0] in dates
                    at = cells.index(filled[0])
                    assert FORMS[("date", "gYearMonth", "gYear")[at]].fullmatch(filled[0]), row


def test_the_release_tables_give_a_month_in_a_column_of_months(files: dict[str, bytes], meetings: dict) -> None:
    rows = {r["id"]: r for r in _rows(files["tables/meetings.csv"])}
    derived_months = {id for id, m in meetings.items() if MONTH.fullmatch(str(m.get("date") or ""))}
    derived_months = {id for id in derived_months if "date_derivation" in meetings[id]}
    assert derived_months
    for id in derived_months:
        row = rows[id]
        assert (row["derived_date"], row["derived_month"], row["derived_year"]) == ("", str(meetings[id]["date"]), "")
        assert row["date"] == row["month"] == row["year"] == "" and row["derivation_sv"], id
    for row in _rows(files["tables/dates.csv"]):
        filled = [c for c in ("date", "month", "year") if row[c]]
        assert filled == [{"day": "date", "month": "month", "year": "year"}[row["precision"]]], row
        assert "value" not in row


def test_a_csvw_processor_gives_dates_their_datatype_and_text_its_language(
    files: dict[str, bytes], tmp_path: Path
) -> None:
    for name, data in files.items():
        if name.startswith("lists/") and "/" not in name[len("lists/") :]:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_bytes(data)
    graph = csv2rdf(tmp_path / "lists" / "csv-metadata.json")

    def values(table: str, column: str) -> set:
        # CSV2RDF minimal mode: a column without a propertyUrl is the file's URL and #column
        return {o for _, p, o in graph if str(p).endswith(f"/lists/{table}#{column}")}

    assert values("meetings.csv", "month") and all(
        str(v.datatype) == XSD + "gYearMonth" for v in values("meetings.csv", "month")
    )
    assert all(str(v.datatype) == XSD + "date" for v in values("meetings.csv", "date"))
    assert {v.language for v in values("meetings.csv", "title")} == {"sv"}
    assert {v.language for v in values("meetings.csv", "id")} == {None}
    assert {v.language for v in values("people.csv", "roles")} == {"sv"}
    assert Literal("chair", lang="en") in values("people.csv", "roles_en")
    assert Literal("ordförande", lang="sv") in values("people.csv", "roles")
    assert {v.language for v in values("organisations.csv", "name_en")} <= {"en"}


def test_a_column_with_a_language_holds_text(files: dict[str, bytes]) -> None:
    tagged = {}
    for name, table, _ in _described(files):
        if not name.startswith("lists/"):
            continue
        for column in table["tableSchema"]["columns"]:
            if "lang" in column:
                assert column["datatype"] == "string", (name, column["name"])
                tagged[column["name"]] = column["lang"]
            if column["name"] in {"id", "iri", "date", "month", "year", "date_kind", "sakrad", "undated"}:
                assert "lang" not in column, (name, column["name"])
    assert {k: tagged[k] for k in ("title", "title_en", "roles", "roles_en", "name", "name_en")} == {
        "title": "sv",
        "title_en": "en",
        "roles": "sv",
        "roles_en": "en",
        "name": "sv",
        "name_en": "en",
    }


def test_roles_en_names_the_same_roles_by_the_role_schemes_english_labels(files: dict[str, bytes]) -> None:
    store = ox.Store()
    store.load(path=str(ROOT / "ontology" / "roles.ttl"), format=ox.RdfFormat.TURTLE)
    pref = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    labels: dict[str, dict[str, str]] = {}
    for q in store.quads_for_pattern(None, pref, None):
        if isinstance(q.object, ox.Literal) and q.object.language:
            labels.setdefault(q.subject.value, {})[q.object.language] = q.object.value
    english = {by["sv"]: by["en"] for by in labels.values() if "sv" in by and "en" in by}
    rows = _rows(files["lists/people.csv"])
    named = 0
    for row in rows:
        sv = row["roles"].split("; ") if row["roles"] else []
        en = row["roles_en"].split("; ") if row["roles_en"] else []
        assert en == [english[r] for r in sv], row["id"]
        named += len(en)
    assert named


@pytest.mark.parametrize(
    ("date", "cells"),
    [
        ("2022-12-13", ["2022-12-13", None, None]),
        ("2022-12-13+01:00", ["2022-12-13+01:00", None, None]),
        ("2017-02", [None, "2017-02", None]),
        ("2017", [None, None, "2017"]),
        (None, [None, None, None]),
        ("", [None, None, None]),
    ],
)
def test_a_date_goes_to_the_cell_of_its_precision(date: str | None, cells: list) -> None:
    assert date_cells(date) == cells


def test_dates_csv_keeps_two_precisions_of_one_date_apart_and_refuses_two_of_one() -> None:
    about, prop = "https://x.example/id/source/a", "http://purl.org/dc/terms/issued"
    base = {"about_iri": about, "property_iri": prop, "property": "issued", "kind": "stated"}
    day = {**base, "precision": "day", "date": "2017-02-03"}
    month = {**base, "precision": "month", "month": "2017-02"}
    assert [r[4:] for r in table_rows(DATES, [month, day])] == [
        ["day", "2017-02-03", "", ""],
        ["month", "", "2017-02", ""],
    ]
    with pytest.raises(TableError, match="dates.csv: more than one row for about_iri, property_iri, precision"):
        table_rows(DATES, [day, {**day, "date": "2017-02-04"}])
