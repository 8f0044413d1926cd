"""The tables' CSVW primary keys are keys in SQL too, and a served CSV says where its metadata is:

* no cell of a table's primary key is ever empty (a SQL PRIMARY KEY holds no NULL; CSVW Tabular
  Data Model §4.1): ``participations.csv`` is keyed by its ``iri``, ``dates.csv`` by what is dated,
  the property and the date as the data has it (``value``), whatever its precision; the writer
  refuses a row without its key;
* a release's table and a list's CSV are answered with ``Link: <csv-metadata.json>;
  rel="describedby"`` (CSVW Model §5.2), by the server and the export's nginx and Apache rules.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from starlette.testclient import TestClient
from test_static_apache import SUB_PATH
from test_static_apache import apache as apache_hosts

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.tables import METADATA_FILE, TableError, rows
from sakrad_ld.tables.definitions import DATES, PARTICIPATIONS
from sakrad_ld.web.static import apache_rules, nginx_http_conf, nginx_server_conf


def _tables(release: Path) -> Iterator[tuple[str, list[str], list[dict[str, str]]]]:
    meta = json.loads((release / "tables" / METADATA_FILE).read_text("utf-8"))
    for table in meta["tables"]:
        key = table["tableSchema"]["primaryKey"]
        text = (release / "tables" / table["url"]).read_text("utf-8")
        yield table["url"], [key] if isinstance(key, str) else key, list(csv.DictReader(io.StringIO(text, newline="")))


def test_no_primary_key_cell_is_empty_and_keys_are_unique(fixture_release: Path) -> None:
    seen = set()
    for url, key, table in _tables(fixture_release):
        seen.add(url)
        assert table, url
        empty = [row for row in table if any(row[k] == "" for k in key)]
        assert not empty, (url, key, empty[:2])
        assert len({tuple(row[k] for k in key) for row in table}) == len(table), url
    assert {"dates.csv", "participations.csv"} <= seen


def test_the_keys_of_dates_and_participations(fixture_release: Path) -> None:
    keys = {url: key for url, key, _ in _tables(fixture_release)}
    assert keys["participations.csv"] == ["iri"]
    assert keys["dates.csv"] == ["about_iri", "property_iri", "precision"]
    dates = next(t for url, _, t in _tables(fixture_release) if url == "dates.csv")
    lengths = {"day": 10, "month": 7, "year": 4}
    column = {"day": "date", "month": "month", "year": "year"}
    assert {row["precision"] for row in dates} <= set(lengths)
    for row in dates:  # the precision names the one date, month or year cell the row has
        filled = [c for c in ("date", "month", "year") if row[c]]
        assert filled == [column[row["precision"]]], row
        assert len(row[filled[0]]) == lengths[row["precision"]], row


def test_a_row_without_its_key_is_refused() -> None:
    solution = {"about_iri": "https://x.example/id/a", "property_iri": "https://x.example/p", "kind": "stated"}
    with pytest.raises(TableError, match="dates.csv: a row has no precision"):
        rows(DATES, [solution])
    assert PARTICIPATIONS.key == ("iri",)


@pytest.fixture(scope="module")
def client(fixture_release: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_release, Settings())) as c:
        yield c


@pytest.mark.parametrize("path", ["/tables/dates.csv", "/download/tables/participations.csv", "/lists/meetings.csv"])
def test_a_served_csv_links_to_its_csvw_metadata(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    link = r.headers["link"]
    assert link.startswith("<csv-metadata.json>;") and 'rel="describedby"' in link
    target = urljoin(path, "csv-metadata.json")
    meta = client.get(target)
    assert meta.status_code == 200, target
    # the metadata found so describes this file (CSVW Model §5.2: its url resolves to the CSV's)
    urls = {urljoin(target, t["url"]) for t in meta.json()["tables"]}
    assert path in urls, (path, urls)
    if path.startswith("/lists/"):
        return
    part = client.get(path, headers={"Range": "bytes=0-3"})
    assert (part.status_code, part.headers.get("link")) == (206, link)
    assert "link" not in client.get("/sakrad.ttl").headers


def test_the_export_rules_link_the_csvs_too() -> None:
    nginx = nginx_http_conf()
    assert '"~^/(download/)?tables/[^/]+\\.csv$" "<csv-metadata.json>; rel=\\"describedby\\"' in nginx
    assert "add_header Link $sakrad_described_by;" in nginx_server_conf()
    rules = apache_rules()
    line = next(x for x in rules.splitlines() if x.startswith("Header set Link"))
    assert "m#/tables/[^/]+\\.csv$#" in line and "m#/lists/.+\\.csv$#" in line and "describedby" in line


@pytest.fixture(scope="module")
def fixture_export(fixture_release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sakrad_ld.web.static import export_site

    return export_site(fixture_release, tmp_path_factory.mktemp("export") / "site").out


def test_nginx_links_the_csvs_and_evaluates_if_match_as_the_server(fixture_export: Path, tmp_path: Path) -> None:
    import http.client
    import shutil

    if shutil.which("nginx") is None:
        pytest.skip("nginx is not installed")
    from nginx_host import nginx_serving

    with nginx_serving(fixture_export, tmp_path) as address:

        def get(path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
            conn = http.client.HTTPConnection(*address, timeout=10)
            conn.request("GET", path, headers=headers or {})
            response = conn.getresponse()
            response.read()
            conn.close()
            return response

        for path in ("/tables/dates.csv", "/download/tables/dates.csv", "/lists/meetings.csv"):
            r = get(path)
            assert r.status == 200 and 'rel="describedby"' in (r.getheader("link") or ""), (path, r.getheaders())
            assert r.getheader("access-control-allow-origin") == "*"
        assert get("/sakrad.ttl").getheader("link") is None
        stale = get("/download/tables/dates.csv", {"If-Match": '"an-older-release"', "Range": "bytes=0-9"})
        assert stale.status == 412


@pytest.fixture(scope="module")
def export(fixture_export: Path) -> Path:
    """The export the Apache hosts serve (test_static_apache's ``apache``): the fixture project's."""
    return fixture_export


#: test_static_apache's Apache hosts (at the root and under a path), serving the export above
apache = apache_hosts


def test_apache_links_the_csvs_as_the_server(apache: tuple[Path, int, int]) -> None:  # noqa: F811
    import http.client

    _, root_port, sub_port = apache
    for port, prefix in ((root_port, ""), (sub_port, SUB_PATH)):
        for path in ("/tables/dates.csv", "/download/tables/dates.csv", "/lists/meetings.csv", "/sakrad.ttl"):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", prefix + path)
            response = conn.getresponse()
            response.read()
            conn.close()
            link = response.getheader("link") or ""
            assert response.status == 200, (prefix + path, response.status)
            assert ('rel="describedby"' in link) == path.endswith(".csv"), (prefix + path, link)
