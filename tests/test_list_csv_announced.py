"""The list CSV of the sakråd (``lists/meetings.csv``) marks a sakråd its sources only announce, as the
release's table does (``tables/meetings.csv``, column ``announced_only``), and its CSVW metadata
describes the column."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site
from sakrad_ld.web.sitefiles import site_files


@pytest.fixture(scope="module")
def files(fixture_release: Path) -> dict[str, bytes]:
    opened = Release.open(fixture_release)
    return dict(site_files(opened.store, Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)))


def _rows(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_the_list_csv_has_the_release_tables_announced_mark(files: dict[str, bytes], fixture_release: Path) -> None:
    table = {r["id"]: r["announced_only"] for r in _rows((fixture_release / "tables" / "meetings.csv").read_bytes())}
    listed = {r["id"]: r["announced_only"] for r in _rows(files["lists/meetings.csv"])}
    assert "true" in table.values() and "false" in table.values()  # the fixture has both kinds
    assert listed == table


def test_every_list_csv_of_sakrad_describes_the_column(files: dict[str, bytes]) -> None:
    metadata = [name for name in files if name.endswith("csv-metadata.json") and name.startswith("lists/")]
    assert "lists/csv-metadata.json" in metadata
    for name in metadata:
        for table in json.loads(files[name])["tables"]:
            columns = {c["name"]: c for c in table["tableSchema"]["columns"]}
            if "date_kind" not in columns:  # not a list of sakråd
                continue
            assert columns["announced_only"]["datatype"] == "boolean", name
            header = next(
                csv.reader(io.StringIO(files[name.rsplit("/", 1)[0] + "/" + table["url"]].decode("utf-8-sig")))
            )
            assert header == list(columns), name
