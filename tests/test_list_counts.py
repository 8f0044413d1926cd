"""The lists, the start page, the feed and the search index on the fixture release say what the
sources say: a sakråd naming no organisation reads "inga namngivna"/"none named" with the count the
source states (approximate marked), never "0"; counts of sakråd per organisation, body or person are
by role (the stated organiser included), never all "took part"; a series is shown as its days and
sorted by its first day, never as one stated date; the ministry filter's label and the CSV give every
way a ministry is counted. Checked against the fixture YAML a person wrote."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site
from sakrad_ld.web.sitefiles import site_files

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "project" / "data"


@pytest.fixture(scope="module")
def files(fixture_release: Path) -> dict[str, bytes]:
    opened = Release.open(fixture_release)
    return dict(site_files(opened.store, Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)))


@pytest.fixture(scope="module")
def meetings() -> dict[str, dict]:
    found = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((FIXTURE_DATA / "meetings").glob("*.yaml")))
    return {m["id"]: m for m in found}


def _rows(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#34;", '"')


def _row_of(html: str, id: str) -> str:
    """The table row of one sakråd, as text."""
    found = re.search(
        rf'<tr><td class="date">(?:(?!</tr>).)*meeting/{re.escape(id)}\.html(?:(?!</tr>).)*</tr>', html, re.S
    )
    assert found, id
    return _text(found.group(0))


def _unnamed(meetings: dict[str, dict]) -> dict[str, dict]:
    return {id: m for id, m in meetings.items() if not m.get("organisations")}


def test_the_fixture_has_unnamed_sakrad_with_stated_and_approximate_counts(meetings: dict) -> None:
    unnamed = _unnamed(meetings)
    assert any("organisation_count" in m for m in unnamed.values())
    assert any((m.get("invited_count") or {}).get("approximate") for m in unnamed.values())


@pytest.mark.parametrize("page", ["lists/meetings.html", "en/lists/meetings.html", "index.html", "en/index.html"])
def test_no_named_organisation_reads_none_named_with_the_stated_count(files: dict, meetings: dict, page: str) -> None:
    html = files[page].decode()
    html = html[html.index('<table class="list">') : html.index("</table>")]
    none = "none named" if page.startswith("en/") else "inga namngivna"
    about = "about" if page.startswith("en/") else "cirka"
    seen = 0
    for id, m in _unnamed(meetings).items():
        if f"meeting/{id}.html" not in html:
            continue  # the start page shows the newest only
        seen += 1
        row = _row_of(html, id)
        cells = row.split(" ")
        assert none in row and "0" not in cells and "(0)" not in row, (page, id, row)
        for key in ("organisation_count", "invited_count"):
            if c := m.get(key):
                if c.get("text") or c.get("wording"):
                    assert c["text"] in row, (page, id, row)
                if c.get("value") is not None:
                    number = f"{about} {c['value']}" if c.get("approximate") else str(c["value"])
                    assert number in row, (page, id, key, row)
    assert seen


def test_the_csv_leaves_unnamed_empty_and_gives_stated_counts(files: dict, meetings: dict) -> None:
    rows = {r["id"]: r for r in _rows(files["lists/meetings.csv"])}
    for id, m in meetings.items():
        r = rows[id]
        named = len(m.get("organisations") or [])
        assert r["organisations_named"] == (str(named) if named else ""), id
        assert r["organisations_listed"] != "0", id
        for key, column in (("organisation_count", "organisations_stated"), ("invited_count", "invited_stated")):
            c = m.get(key) or {}
            assert r[column] == str(c.get("value", "")), (id, column)
            expected = ("true" if c.get("approximate") else "false") if c else ""
            assert r[f"{column}_approximate"] == expected, (id, column)
            assert r[f"{column}_words"] == ((c.get("text") or c.get("wording")) or ""), (id, column)
    described = {
        c["name"]: c for c in json.loads(files["lists/csv-metadata.json"])["tables"][0]["tableSchema"]["columns"]
    }
    assert set(rows[next(iter(rows))]) == set(described)
    assert "never 0" in described["organisations_named"]["dc:description"][1]["@value"]


def test_bodies_are_counted_by_role_with_the_stated_organiser(files: dict, meetings: dict) -> None:
    rows = {r["id"]: r for r in _rows(files["lists/bodies.csv"])}
    organised = {m["organiser"] for m in meetings.values() if m.get("organiser")}
    assert organised & set(rows)
    for body in organised & set(rows):
        n = sum(1 for m in meetings.values() if m.get("organiser") == body)
        assert int(rows[body]["organised"]) == n and int(rows[body]["sakrad"]) >= n, body
    for id, r in rows.items():
        by_role = sum(int(r[k]) for k in ("organised", "convened", "chaired", "took_part"))
        assert int(r["sakrad"]) <= by_role and (int(r["sakrad"]) == 0) == (by_role == 0), id
    convening = [r for r in rows.values() if int(r["convened"]) and not int(r["took_part"])]
    assert convening  # a body that only convened: its count is not "took part"
    html = _text(files["lists/bodies.html"].decode())
    en = _text(files["en/lists/bodies.html"].decode())
    assert "Sakråd med en roll" in html and "Sakråd with a role" in en
    for r in convening:
        assert f"sammankallande {r['convened']}" in html and f"convener {r['convened']}" in en, r["id"]
    described = {
        c["name"]: c for c in json.loads(files["lists/csv-metadata.json"])["tables"][3]["tableSchema"]["columns"]
    }
    assert "took part" not in described["sakrad"]["dc:description"][1]["@value"]
    assert "organiser" in described["sakrad"]["dc:description"][1]["@value"]


def test_a_series_is_its_days_everywhere(files: dict, meetings: dict) -> None:
    series = {id: sorted(str(d) for d in m["days"]) for id, m in meetings.items() if len(m.get("days") or []) > 1}
    assert series
    rows = _rows(files["lists/meetings.csv"])
    by_id = {r["id"]: r for r in rows}
    index = {e["h"]: e for e in json.loads(files["search-index.json"])}
    feed = files["feeds/meetings.atom"].decode()
    for id, days in series.items():
        r = by_id[id]
        assert (r["date"], r["date_kind"], r["days"].split("; ")) == (days[0], "series", days), id
        span = f"{days[0]} – {days[-1]}"
        for page, n in (
            ("lists/meetings.html", f"({len(days)} dagar)"),
            ("en/lists/meetings.html", f"({len(days)} days)"),
        ):
            row = _row_of(files[page].decode(), id)
            assert days[0] in row and days[-1] in row and n in row, (page, row)
        entry = index[f"doc/meeting/{id}.html"]
        assert (entry["d"], entry["y"]) == (span, len(days))
        summary = re.search(rf"<id>[^<]*/{re.escape(id)}</id>.*?<summary>(.*?)</summary>", feed, re.S)
        assert summary and f"{span} ({len(days)} dagar)" in summary.group(1)
        # sorted by its first day among the dated ones
        dated = [x["date"] for x in rows if x["date"]]
        assert dated == sorted(dated, reverse=True)


def test_the_ministry_filter_label_and_csv_give_every_way(files: dict) -> None:
    html = files["lists/meetings.html"].decode()
    assert "arrangör, sammankallande eller via post" in html
    assert "organiser, convener or via a post" in files["en/lists/meetings.html"].decode()
    rows = _rows(files["lists/meetings.csv"])
    convening = [r for r in rows if r["ministries_convening"]]
    assert convening
    names = {r["id"]: r["name"] for r in _rows(files["lists/bodies.csv"])}
    filters = [f for f in files if f.startswith("lists/meetings/ministry/") and f.endswith(".csv")]
    assert filters
    for f in filters:  # every sakråd under a ministry's filter names it in one of the three columns
        if f.endswith("/unknown.csv"):  # the sakråd with no ministry known name none
            assert all(
                not r[c] for r in _rows(files[f]) for c in ("ministry", "ministries_convening", "ministries_via_posts")
            )
            continue
        name = names[f.rsplit("/", 1)[1][: -len(".csv")]]
        for r in _rows(files[f]):
            named = {
                n for col in ("ministry", "ministries_convening", "ministries_via_posts") for n in r[col].split("; ")
            }
            assert name in named, (f, r["id"])
