"""A sakråd its sources only announce ("bjuder in") is published as such, and names no one who took part.

A meeting added to a copy of the fixture project with ``announced_only: true`` gets
``sakrad:announcedOnly true`` in its main source's graph; every output marks it: the page (sv, en),
the lists, the picture, meetings.csv and the feed. Adding a fact only a held sakråd has (who took part,
who chaired, how many came) is refused at load time with the file, the line and the field.
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

from sakrad_ld.announced import HELD_ONLY
from sakrad_ld.corpus import load_corpus
from sakrad_ld.errors import InputErrors
from sakrad_ld.graph import build_graph
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page

ID = "2030-02-10-kungjort"
SOURCE = "regeringen-2022-12-demokrativillkor"
BASE = "https://w3id.org/sakrad/"
MEETING = f"{BASE}id/meeting/{ID}"
SAKRAD = BASE + "ontology#"
YAML = f"""id: {ID}
source: {SOURCE}
title:
  sv: Sakråd om kungörelsen
title_derivation:
  sv: Rubriken är datans egen; artikelns rubrik är en annan.
announced_only: true
date: 2030-02-10
conveners:
  - body: regeringskansliet
invited_description:
  sv: organisationer
invited_count:
  text: tjugo organisationer
  value: 20
questions:
  - sv: Vad bör göras?
"""

EXPECTED = f"""
@prefix sakrad: <https://w3id.org/sakrad/ontology#> .
<{MEETING}> sakrad:announcedOnly true .
"""

#: A line for each fact only a held sakråd has, as a meeting file would state it.
REFUSED = {
    "organisations": "organisations:\n  - rfsl\n",
    "organisation_count": "organisation_count:\n  text: tio organisationer\n  value: 10\n",
    "participant_count": "participant_count:\n  text: ett trettiotal deltagare\n  value: 30\n  approximate: true\n",
    "organisation_list": "organisation_list: partial\n",
    "chair": "chair:\n  person: minna-ljunggren\n",
    "agencies": "agencies:\n  - regeringskansliet\n",
    "government_participants": "government_participants:\n  - person: minna-ljunggren\n",
    "presentations.count": "presentations:\n  description:\n    sv: Tre organisationer presenterar.\n  count: 3\n",
    "handling_of_views": "handling_of_views:\n  sv: Synpunkterna tas med i arbetet.\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project_with(tmp_path_factory.mktemp("announced") / "project", ID, YAML)


@pytest.fixture(scope="module")
def release(project: Path) -> Release:
    return release_of(project)


@pytest.fixture(scope="module")
def files(release: Release) -> dict[str, bytes]:
    return site_of(release)


def test_the_graph_says_the_sakrad_is_only_announced_in_its_sources_graph(project: Path) -> None:
    quads = list(build_graph(load_corpus(project / "data")).quads)
    said = [q for q in quads if q[0] == ox.NamedNode(MEETING) and q[1] == ox.NamedNode(SAKRAD + "announcedOnly")]
    assert {q[3] for q in said} == {ox.NamedNode(f"{BASE}id/source/{SOURCE}")}
    assert_isomorphic(RdfGraph().parse(data=EXPECTED, format="turtle"), rdflib_graph(said), "announced only")
    # what an announcement states stays: who is invited, the conveners, the questions
    props = {q[1].value for q in quads if q[0] == ox.NamedNode(MEETING)}
    assert {SAKRAD + "invitedOrganisationCount", SAKRAD + "question"} <= props
    # a sakråd not so marked says nothing of it (no "false")
    others = [q for q in quads if q[1] == ox.NamedNode(SAKRAD + "announcedOnly") and q[0] != ox.NamedNode(MEETING)]
    assert all(
        q[2] == ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")) for q in others
    )


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_fact_only_a_held_sakrad_has_is_refused_with_its_place(name: str, project: Path, tmp_path: Path) -> None:
    assert set(REFUSED) == set(HELD_ONLY)
    bad = tmp_path / "p"
    shutil.copytree(project / "data", bad / "data")
    path = bad / "data" / "meetings" / f"{ID}.yaml"
    path.write_text(YAML + REFUSED[name], encoding="utf-8")
    key = name.split(".")[-1] + ":"  # the line of the fact itself (presentations.count: its count line)
    line = len(YAML.splitlines()) + next(
        n for n, text in enumerate(REFUSED[name].splitlines(), 1) if text.strip().startswith(key)
    )
    with pytest.raises(InputErrors) as raised:
        load_corpus(bad / "data")
    errors = [e for e in raised.value.errors if e.where.file.name == path.name]
    assert len(errors) == 1, str(raised.value)
    (error,) = errors
    assert (error.where.line, error.where.field) == (line, name), str(error)
    assert "announced_only" in error.problem and f"no {name}" in error.expected
    assert f"{path.name}:{line}: {name}:" in str(error)


def test_an_announced_description_of_presentations_stays(project: Path, tmp_path: Path) -> None:
    ok = tmp_path / "p"
    shutil.copytree(project / "data", ok / "data")
    path = ok / "data" / "meetings" / f"{ID}.yaml"
    path.write_text(
        YAML + "presentations:\n  description:\n    sv: Tre organisationer presenterar.\n", encoding="utf-8"
    )
    (m,) = [m for m in load_corpus(ok / "data").meetings if m.id == ID]
    assert m.announced_only and m.presentations.description.sv == "Tre organisationer presenterar."


def test_without_the_mark_the_same_facts_load(project: Path, tmp_path: Path) -> None:
    ok = tmp_path / "p"
    shutil.copytree(project / "data", ok / "data")
    path = ok / "data" / "meetings" / f"{ID}.yaml"
    # a sakråd published as held needs a document that may say so (announced.check_held): the conveners
    # credited to one whose publication date is not known
    held = YAML.replace("announced_only: true\n", "").replace(
        "  - body: regeringskansliet\n",
        "  - body: regeringskansliet\n    source: regeringen-2017-02-premiar-for-eu-sakrad\n",
    )
    path.write_text(held + REFUSED["organisation_list"], encoding="utf-8")
    (m,) = [m for m in load_corpus(ok / "data").meetings if m.id == ID]
    assert not m.announced_only and m.organisation_list == "partial"


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("sv", "Kungjort källorna kungör sakrådet; att det hölls står inte i dem"),
        ("en", "Announced the sources announce the sakråd; they do not say it was held"),
    ],
)
def test_the_page_says_the_sources_only_announce_it(release: Release, lang: str, row: str) -> None:
    site = Site(release.base_iri, [], [], release=release.root)
    html = resource_page(release.store, MEETING, site, lang) or ""
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert row in text, text
    other = resource_page(release.store, f"{BASE}id/meeting/2023-12-13-rasism", site, lang) or ""
    assert row.split(" ", 1)[1] not in " ".join(re.sub(r"<[^>]+>", " ", other).split())


def test_the_picture_says_so(release: Release) -> None:
    for folder, mark in (("", "kungjort: att det hölls står inte i källorna"), ("en/", "announced: the sources do")):
        svg = (release.root / "diagrams" / folder / f"meeting-{ID}.svg").read_text(encoding="utf-8")
        title = re.search(r"<title[^>]*>(.*?)</title>", svg).group(1)  # type: ignore[union-attr]
        assert mark in title, title


def test_the_table_has_the_column(release: Release) -> None:
    rows = {r["id"]: r for r in csv_rows((release.root / "tables" / "meetings.csv").read_bytes())}
    assert rows[ID]["announced_only"] == "true"
    assert rows["2023-12-13-rasism"]["announced_only"] == "false"


def test_the_lists_and_the_feed_mark_it(files: dict[str, bytes]) -> None:
    for page, mark in (
        ("lists/meetings.html", "(kungjort, inte sagt hållet)"),
        ("en/lists/meetings.html", "(announced, not said to be held)"),
        ("index.html", "(kungjort, inte sagt hållet)"),
    ):
        html = files[page].decode()
        row = re.search(rf"<tr>(?:(?!</tr>).)*meeting/{ID}\.html(?:(?!</tr>).)*</tr>", html, re.S)
        assert row and mark in row.group(0), page
        held = re.search(r"<tr>(?:(?!</tr>).)*meeting/2023-12-13-rasism\.html(?:(?!</tr>).)*</tr>", html, re.S)
        assert held is None or mark not in held.group(0), page
    feed = files["feeds/meetings.atom"].decode()
    entry = feed[feed.index(f"<id>{MEETING}</id>") :]
    entry = entry[: entry.index("</entry>")]
    assert "kungjort, att det hölls står inte i källorna" in entry, entry


@pytest.mark.parametrize(
    ("lang", "heading", "said"),
    [
        ("sv", "Organisationer", "Källorna kungör sakrådet; vilka som deltog står inte i dem."),
        ("en", "Organisations", "The sources announce the sakråd; they do not say who took part."),
    ],
)
def test_the_page_never_heads_participants_of_a_sakrad_not_said_to_be_held(
    release: Release, lang: str, heading: str, said: str
) -> None:
    site = Site(release.base_iri, [], [], release=release.root)
    html = resource_page(release.store, MEETING, site, lang) or ""
    assert f'<h2 id="organisations">{heading}</h2>' in html and said in html
    assert "Deltagande organisationer" not in html and "Participating organisations" not in html
    held = resource_page(release.store, f"{BASE}id/meeting/2023-12-13-rasism", site, lang) or ""
    assert said not in held and ("Deltagande organisationer" in held or "Participating organisations" in held)
