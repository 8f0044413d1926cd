"""The lists' CSV files and their CSVW metadata (``lists/**/csv-metadata.json``) on the fixture
release: the metadata is compatible with each file (Tabular Metadata §5.5.3: every header cell is
one of its column's titles, exactly) and every column holding a list has a separator, so a CSVW
processor (the ``csvw`` package) reads each list back as the items it was made of."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import csvw
import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site
from sakrad_ld.web.sitefiles import site_files


@pytest.fixture(scope="module")
def files(fixture_release: Path) -> dict[str, bytes]:
    opened = Release.open(fixture_release)
    site = Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)
    return {name: data for name, data in site_files(opened.store, site) if name.startswith(("lists/", "en/lists/"))}


def _titles(column: dict) -> list[str]:
    """Every title of a column, in any language (a string, a list, or language → string or list)."""
    titles = column.get("titles", [])
    if isinstance(titles, dict):
        titles = [t for v in titles.values() for t in (v if isinstance(v, list) else [v])]
    return [titles] if isinstance(titles, str) else list(titles)


def _csv_files(files: dict[str, bytes]) -> list[str]:
    return sorted(n for n in files if n.endswith(".csv"))


def test_every_header_cell_is_one_of_its_columns_titles(files: dict[str, bytes]) -> None:
    checked = 0
    for name in _csv_files(files):
        folder, _, file = name.rpartition("/")
        meta = json.loads(files[f"{folder}/csv-metadata.json"])
        table = {t["url"]: t for t in meta["tables"]}[file]
        header = next(csv.reader(io.StringIO(files[name].decode("utf-8-sig"))))
        columns = table["tableSchema"]["columns"]
        assert len(columns) == len(header), name
        for cell, column in zip(header, columns, strict=True):
            assert cell in _titles(column), (name, cell, column.get("titles"))
            # the human titles are kept, in Swedish and English
            assert {t["@language"] for t in column["dc:title"]} == {"sv", "en"}
            checked += 1
    assert checked > 100


def test_a_csvw_processor_reads_every_list_column_back_as_its_items(files: dict[str, bytes], tmp_path: Path) -> None:
    for name, data in files.items():
        if name.endswith((".csv", "csv-metadata.json")):
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_bytes(data)
    lists_seen: set[str] = set()
    for meta in sorted(tmp_path.rglob("csv-metadata.json")):
        group = csvw.TableGroup.from_file(meta)
        for table in group.tables:
            raw = list(csv.DictReader(io.StringIO((meta.parent / str(table.url)).read_text("utf-8-sig"))))
            parsed = list(table.iterdicts(strict=True))
            assert len(parsed) == len(raw), table.url
            separated = {c.name for c in table.tableSchema.columns if c.separator}
            for plain, read in zip(raw, parsed, strict=True):
                for column in separated:
                    items = [i for i in plain[column].split("; ")] if plain[column] else []
                    assert read[column] == items, (meta, table.url, column)
                    if len(items) > 1:
                        lists_seen.add(column)
                for column, cell in plain.items():
                    if column not in separated:
                        assert "; " not in cell or column.endswith("_words") or column.startswith("title"), (
                            table.url,
                            column,
                            cell,
                        )
    # every column that holds several items somewhere in the fixture is one the metadata separates
    assert {"conveners", "organisations", "days"} <= lists_seen


def test_the_year_and_ministry_filters_show_the_sakrad_without_one(fixture_release: Path) -> None:
    from sakrad_ld.web.lists import read_lists

    opened = Release.open(fixture_release)
    lists = read_lists(opened.store, opened.base_iri)
    undated = [m for m in lists.meetings if not m.date]
    no_ministry = [m for m in lists.meetings if not m.ministries]
    assert undated and no_ministry  # the fixture has both
    years = lists.facet("year")
    assert years[-1][0] == "unknown" and years[-1][1].main == "utan datum" and years[-1][1].en == "no date"
    assert years[-1][2] == len(undated)
    assert sum(n for _, _, n in years) == len(lists.meetings)  # the year filter adds up to every sakråd
    ministries = lists.facet("ministry")
    assert ministries[-1][:1] == ("unknown",) and ministries[-1][2] == len(no_ministry)
    assert ministries[-1][1].en == "no ministry known"
    assert lists.filtered("year", "unknown") == undated
    assert lists.filtered("ministry", "unknown") == no_ministry


def test_the_filter_pages_of_sakrad_without_a_year_or_ministry_exist_in_both_languages(
    files: dict[str, bytes],
) -> None:
    for stem in ("lists/meetings/year/unknown", "lists/meetings/ministry/unknown"):
        assert f"{stem}.csv" in files
        assert f"{stem}.html" in files and f"en/{stem}.html" in files
    start = files["lists/meetings.html"].decode()
    assert "utan datum</a>" in start and "inget departement känt</a>" in start
    english = files["en/lists/meetings.html"].decode()
    assert "no date</a>" in english and "no ministry known</a>" in english
