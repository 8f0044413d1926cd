"""A title no source heads the sakråd with is the data's own, and a count whose words give a bound
("drygt 50") is a bound, not the number give or take.

A meeting added to a copy of the fixture project has both: its title is published in the dataset's
own graph with sakrad:titleDerivation (never in its source's graph), its "Drygt 50 deltagare" as
schema:minValue 50 (never schema:value, never approximate), "knappt tio" as schema:maxValue 10. Every
output marks them: the graph, the page (sv, en), the picture, the tables, the list CSV and the feed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from added_meeting import csv_rows, project_with, rdflib_graph, release_of, site_of
from graphs import assert_isomorphic
from rdflib import Graph as RdfGraph

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph
from sakrad_ld.project import Project
from sakrad_ld.release import build
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page

ID = "2022-12-14-prov"  # a day before its article was published (2022-12-15): it reports a held sakråd
SOURCE = "regeringen-2022-12-demokrativillkor"
BASE = "https://w3id.org/sakrad/"
MEETING = f"{BASE}id/meeting/{ID}"
YAML = f"""id: {ID}
source: {SOURCE}
title:
  sv: Sakråd om provet
title_derivation:
  sv: Rubriken är datans egen; artikelns egen rubrik är "Provrubrik".
  en: The title is the data's own; the article's own headline is "Provrubrik".
date: 2022-12-14
participant_count:
  text: Drygt 50 deltagare
  value: 50
  bound: at-least
organisation_count:
  text: knappt tio organisationer
  value: 10
  bound: at-most
"""

EXPECTED_OWN = f"""
@prefix dct: <http://purl.org/dc/terms/> .
@prefix sakrad: <https://w3id.org/sakrad/ontology#> .
<{MEETING}> dct:title "Sakråd om provet"@sv ;
    sakrad:titleDerivation "Rubriken är datans egen; artikelns egen rubrik är \\"Provrubrik\\"."@sv ,
        "The title is the data's own; the article's own headline is \\"Provrubrik\\"."@en .
"""
EXPECTED_COUNTS = f"""
@prefix dct: <http://purl.org/dc/terms/> .
@prefix sakrad: <https://w3id.org/sakrad/ontology#> .
@prefix schema: <https://schema.org/> .
<{MEETING}> sakrad:participantCount <{MEETING}/count/participant> ;
    sakrad:participatingOrganisationCount <{MEETING}/count/organisation> .
<{MEETING}/count/participant> a sakrad:StatedCount ; sakrad:wording "Drygt 50 deltagare"@sv ;
    schema:minValue 50 ; dct:source <{BASE}id/source/{SOURCE}> .
<{MEETING}/count/organisation> a sakrad:StatedCount ; sakrad:wording "knappt tio organisationer"@sv ;
    schema:maxValue 10 ; dct:source <{BASE}id/source/{SOURCE}> .
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project_with(tmp_path_factory.mktemp("bounds") / "project", ID, YAML)


@pytest.fixture(scope="module")
def release(project: Path) -> Release:
    return release_of(project)


@pytest.fixture(scope="module")
def files(release: Release) -> dict[str, bytes]:
    return site_of(release)


def test_the_graph_marks_the_title_as_the_datas_own_and_the_counts_as_bounds(project: Path) -> None:
    built = build_graph(load_corpus(project / "data"))
    quads = list(built.quads)
    meeting, source = ox.NamedNode(MEETING), ox.NamedNode(f"{BASE}id/source/{SOURCE}")
    title_props = {ox.NamedNode("http://purl.org/dc/terms/title"), ox.NamedNode(BASE + "ontology#titleDerivation")}
    own = [q for q in quads if q[0] == meeting and q[1] in title_props]
    # in the dataset's own graph, in no source document's
    assert {q[3] for q in own} == {ox.NamedNode(BASE + "ontology")}
    assert_isomorphic(RdfGraph().parse(data=EXPECTED_OWN, format="turtle"), rdflib_graph(own), "the data's own title")
    counts = [
        q
        for q in quads
        if (q[0] == meeting and q[1].value.endswith("Count")) or q[0].value.startswith(MEETING + "/count/")
    ]
    assert {q[3] for q in counts} == {source}
    assert_isomorphic(RdfGraph().parse(data=EXPECTED_COUNTS, format="turtle"), rdflib_graph(counts), "the bounds")


def test_a_bound_marked_approximate_is_refused_with_its_place(project: Path, tmp_path: Path) -> None:
    bad = tmp_path / "p"
    shutil.copytree(project, bad, ignore=shutil.ignore_patterns("dist"))
    path = bad / "data" / "meetings" / f"{ID}.yaml"
    path.write_text(YAML.replace("  bound: at-least", "  bound: at-least\n  approximate: true"), encoding="utf-8")
    _, _, report = build(Project.at(bad))
    text = report.text("en")
    assert re.search(rf"Violation: \S*meetings/{ID}\.yaml:\d+: participant_count\n", text), text
    assert "a bound is not approximate" in text


@pytest.mark.parametrize(
    ("lang", "own", "bound", "upper"),
    [
        ("sv", "(datans egen rubrik:", "(minst 50)", "(högst 10)"),
        ("en", "(the data's own title:", "(at least 50)", "(at most 10)"),
    ],
)
def test_the_page_says_the_title_is_the_datas_own_and_the_bound(
    release: Release, lang: str, own: str, bound: str, upper: str
) -> None:
    site = Site(release.base_iri, [], [], release=release.root)
    html = resource_page(release.store, MEETING, site, lang) or ""
    text = " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#34;", '"').replace("&#39;", "'").split())
    assert own in text and "Provrubrik" in text, text
    assert f"Drygt 50 deltagare {bound}" in text, text
    assert f"knappt tio organisationer {upper}" in text, text
    assert "cirka 50" not in text and "about 50" not in text
    assert 'id="count-difference"' not in html  # a bound is no number to take a difference from


def test_the_picture_says_the_title_is_the_datas_own(release: Release) -> None:
    for folder, mark, upper in (
        ("", "(datans egen rubrik)", "högst 10"),
        ("en/", "(the data's own title)", "at most 10"),
    ):
        svg = (release.root / "diagrams" / folder / f"meeting-{ID}.svg").read_text(encoding="utf-8")
        title = re.search(r"<title[^>]*>(.*?)</title>", svg).group(1).replace("&#x27;", "'")  # type: ignore[union-attr]
        assert mark in title, title
        assert upper in svg.replace("&#34;", '"')


def test_the_tables_give_the_bound_and_how_the_title_was_made(release: Release) -> None:
    tables = release.root / "tables"
    counts = {r["count"]: r for r in csv_rows((tables / "counts.csv").read_bytes()) if r["meeting_id"] == ID}
    participants, organisations = counts["participantCount"], counts["participatingOrganisationCount"]
    assert (participants["value"], participants["at_least"], participants["at_most"]) == ("", "50", "")
    assert (organisations["value"], organisations["at_least"], organisations["at_most"]) == ("", "", "10")
    assert participants["approximate"] == "" and organisations["approximate"] == ""
    (meeting,) = [r for r in csv_rows((tables / "meetings.csv").read_bytes()) if r["id"] == ID]
    assert meeting["title_sv"] == "Sakråd om provet"
    assert "Provrubrik" in meeting["title_derivation_sv"] and "Provrubrik" in meeting["title_derivation_en"]
    others = [r for r in csv_rows((tables / "meetings.csv").read_bytes()) if r["id"] == "2023-12-13-rasism"]
    assert others and others[0]["title_derivation_sv"] == ""  # a source's headline has no derivation


def test_the_lists_and_the_feed_mark_them(files: dict[str, bytes]) -> None:
    for page, mark in (
        ("lists/meetings.html", "(datans egen rubrik)"),
        ("en/lists/meetings.html", "(the data's own title)"),
    ):
        html = files[page].decode().replace("&#39;", "'")
        row = re.search(rf"<tr>(?:(?!</tr>).)*meeting/{ID}\.html(?:(?!</tr>).)*</tr>", html, re.S)
        assert row and mark in row.group(0), page
    (row,) = [r for r in csv_rows(files["lists/meetings.csv"]) if r["id"] == ID]
    assert row["organisations_stated"] == "" and row["organisations_stated_words"] == "knappt tio organisationer"
    feed = files["feeds/meetings.atom"].decode()
    entry = feed[feed.index(f"<id>{MEETING}</id>") :]
    entry = entry[: entry.index("</entry>")]
    assert "<title>Sakråd om provet (datans egen rubrik)</title>" in entry, entry
    assert "Drygt 50 deltagare” (minst 50)" in entry and "knappt tio organisationer” (högst 10)" in entry, entry
    assert "cirka 50" not in entry
