"""The files prepared for people besides the pages: the lists' CSV, the search index (its folding
held to the browser's), the Atom feeds and the sitemap — read back as their formats, and the same
bytes from the same release."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site
from sakrad_ld.web.searchindex import fold
from sakrad_ld.web.sitefiles import resource_pages, robots_txt, site_files

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
#: Words as people type them, and what the search compares them as.
FOLDED = {
    "Rädda Barnen": "radda barnen",
    "RÄDDA": "radda",
    "Örebro läns": "orebro lans",
    "Å": "a",
    "Frälsningsarmén": "fralsningsarmen",
    "802002-8711": "802002 8711",
    "Ærø  Øst": "aero ost",
    "Forum – idéburna": "forum ideburna",
    "Straße": "strasse",
}


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


@pytest.fixture(scope="module")
def files(opened: Release) -> dict[str, bytes]:
    site = Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)
    return dict(site_files(opened.store, site))


@pytest.fixture(scope="module")
def data(root: Path) -> dict:
    def load(name: str) -> dict:
        return yaml.safe_load((root / "data" / name).read_text(encoding="utf-8"))

    return {
        "organisations": load("organisations.yaml")["organisations"],
        "meetings": [
            yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "data" / "meetings").glob("*.yaml"))
        ],
    }


def test_folding_is_case_and_diacritic_blind() -> None:
    for typed, folded in FOLDED.items():
        assert fold(typed) == folded, typed


def test_the_browsers_folding_is_the_same_as_pythons(files: dict[str, bytes]) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = (
        files["assets/js/search.js"].decode()
        + "\nconsole.log(JSON.stringify("
        + json.dumps(list(FOLDED))
        + ".map(window.sakradFold)));"
    )
    out = subprocess.run(
        [
            node,
            "-e",
            "var window = {}; var document = {readyState: 'loading', addEventListener: function () {}};\n" + script,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == [fold(t) for t in FOLDED]


def test_the_search_index_finds_every_organisation_by_every_name_and_number(
    files: dict[str, bytes], data: dict
) -> None:
    index = json.loads(files["search-index.json"])
    assert files["search-index.js"].startswith(b"window.sakradSearchIndex = ")
    by_page = {e["h"]: e for e in index}
    for org in data["organisations"]:
        entry = by_page[f"doc/organisation/{org['id']}.html"]
        names = [org["name"], *org.get("alt_names", [])]
        numbers = [
            i["value"] if isinstance(i, dict) else str(i)
            for i in org.get("identifiers", [])
            if not isinstance(i, dict) or i.get("scheme", "orgnr") == "orgnr"
        ]
        for word in [*names, *numbers]:
            assert all(w in entry["f"] for w in fold(str(word)).split()), (org["id"], word)
    assert sum(e["k"] == "meeting" for e in index) == len(data["meetings"])


def test_the_csv_of_every_list_has_one_row_per_item_and_opens_in_a_spreadsheet(
    files: dict[str, bytes], data: dict
) -> None:
    for name, count in (("meetings", len(data["meetings"])), ("organisations", None)):
        raw = files[f"lists/{name}.csv"]
        # UTF-8 without a BOM (its CSVW metadata says utf-8), CRLF (RFC 4180), the header row first
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
        reader = csv.DictReader(io.StringIO(raw.decode("utf-8")))
        rows = list(reader)
        assert "iri" in reader.fieldnames and reader.fieldnames[0].isascii(), reader.fieldnames
        if count is not None:
            assert len(rows) == count
        assert all(r["iri"].startswith("http") for r in rows)
    organisations = {r["id"]: r for r in csv.DictReader(io.StringIO(files["lists/organisations.csv"].decode("utf-8")))}
    taking_part = {o: sum(o in m.get("organisations", []) for m in data["meetings"]) for o in organisations}
    assert {o: int(r["sakrad"]) for o, r in organisations.items()} == taking_part


def test_the_feeds_are_atom_and_call_nothing_new_when_there_is_no_previous_release(
    files: dict[str, bytes], data: dict, opened: Release
) -> None:
    """Without a release to compare with, no entry is said to be new or changed (every sakråd was, the
    first time: a feed saying so of all of them on every build said nothing); an entry's date is no clock's."""
    from sakrad_ld.web.feeds import LIMIT

    feed = ET.fromstring(files["feeds/meetings.atom"])
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == min(len(data["meetings"]), LIMIT)
    terms = {c.get("term") for e in entries for c in e.findall(f"{ATOM}category")}
    assert not terms & {"new", "changed"}, terms
    for e in entries:
        assert e.find(f"{ATOM}id").text.startswith(opened.base_iri + "id/meeting/")
        assert e.find(f"{ATOM}updated").text <= feed.find(f"{ATOM}updated").text  # no later than the feed
    org = next(o for o in data["organisations"] if any(o["id"] in m.get("organisations", []) for m in data["meetings"]))
    mine = ET.fromstring(files[f"feeds/organisation/{org['id']}.atom"]).findall(f"{ATOM}entry")
    assert len(mine) == min(sum(org["id"] in m.get("organisations", []) for m in data["meetings"]), LIMIT)


def test_a_changed_sakrad_is_in_the_feed_as_changed(opened: Release) -> None:
    import pyoxigraph as ox

    previous = ox.Store()
    previous.bulk_extend(opened.store.quads_for_pattern(None, None, None))
    meeting = next(
        q.subject
        for q in previous.quads_for_pattern(
            None,
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode("https://w3id.org/sakrad/ontology#Sakrad"),
        )
    )
    title = ox.NamedNode("http://purl.org/dc/terms/title")
    for quad in list(previous.quads_for_pattern(meeting, title, None)):
        previous.remove(quad)
    previous.add(ox.Quad(meeting, title, ox.Literal("en äldre titel", language="sv")))
    site = Site(opened.base_iri, [], [], sparql_path=None)
    feed = ET.fromstring(dict(site_files(opened.store, site, previous))["feeds/meetings.atom"])
    said = {
        e.find(f"{ATOM}id").text: {c.get("term") for c in e.findall(f"{ATOM}category")} & {"new", "changed"}
        for e in feed.findall(f"{ATOM}entry")
    }
    assert {iri: terms for iri, terms in said.items() if terms} == {meeting.value: {"changed"}}


def test_the_sitemap_names_every_prepared_page_in_both_languages(files: dict[str, bytes], opened: Release) -> None:
    urls = [u.find(f"{SITEMAP}loc").text for u in ET.fromstring(files["sitemap.xml"]).findall(f"{SITEMAP}url")]
    pages = {p for p in files if p.endswith(".html") and p not in ("404.html", "en/404.html")}
    resources = set(resource_pages(opened.store, opened.base_iri))
    assert {u[len(opened.base_iri) :] for u in urls} == pages | resources
    assert len(urls) == len(set(urls)) == len(pages) + len(resources)
    meeting = next(p for p in resources if p.startswith("doc/meeting/"))
    for page in ("en/lists/meetings.html", meeting, f"en/{meeting}", "role.html"):
        assert f"{opened.base_iri}{page}" in urls, page


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_from_the_endpoint(
    files: dict[str, bytes], opened: Release
) -> None:
    lines = files["robots.txt"].decode().splitlines()
    assert lines == ["User-agent: *", "Disallow:", "", f"Sitemap: {opened.base_iri}sitemap.xml"]
    site = Site(opened.base_iri, [], [], sparql_path="/sparql", release=opened.root)
    assert robots_txt(site).decode().splitlines()[1] == "Disallow: /sparql"


def test_the_prepared_files_are_the_same_bytes_each_time(files: dict[str, bytes], opened: Release) -> None:
    site = Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)
    assert dict(site_files(opened.store, site)) == files
