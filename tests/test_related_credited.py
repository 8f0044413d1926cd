"""A shared record's relations and English names are credited only to a document that states them.

A body's ``unit_of`` and English name, a post's ``reports_to`` and English label, a person's
``member_of`` are each credited to the document ``fact_sources`` names for them, else to the record's
first source. Loading refuses one whose credited document's kept text does not state it (a register's
extract states no relation at all) unless the record gives its derivation; with a derivation it is
published in the dataset's own graph beside it, never in a source's. English documents' titles are
tagged @en, and a source's description by the data is a label, not a title. The copies of the fixture
project are edited here; data/ is never read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import fixture_project, load_messages

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph
from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page

BASE = "https://w3id.org/sakrad/"
ID = BASE + "id/"
DATASET = ox.NamedNode(BASE + "ontology")
ORG = "http://www.w3.org/ns/org#"
PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
WHY = "Datan ger det själv, ingen källa anger det."
DERIVED = f"      sv: {WHY}\n      en: The data gives it itself; no source states it.\n"


def _block(text: str, id: str, after: str = "") -> tuple[int, int]:
    start = text.index(f"  - id: {id}\n", text.index(after) if after else 0)
    end = text.find("\n  - id: ", start + 1)
    end = min(end if end >= 0 else len(text), text.find("\nposts:\n", start) % (len(text) + 1))
    return start, end + 1


def _add(project: Path, file: str, id: str, lines: str, after: str = "") -> None:
    """Adds ``lines`` (YAML at the record's field level) to record ``id`` of ``file``, after its id line."""
    path = project / "data" / file
    text = path.read_text(encoding="utf-8")
    a, _ = _block(text, id, after)
    head = text.index("\n", a) + 1
    path.write_text(text[:head] + lines + text[head:], encoding="utf-8")


def _quads(project: Path, subject: str, predicate: str) -> list[tuple[str, str]]:
    built = build_graph(load_corpus(project / "data"))
    s, p = ox.NamedNode(ID + subject), ox.NamedNode(predicate)
    return sorted({(str(o), g.value) for s2, p2, o, g in built.quads if s2 == s and p2 == p})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def test_the_fixture_loads(project: Path) -> None:
    assert load_messages(project) == []


def _replace(project: Path, file: str, id: str, old: str, new: str, after: str = "") -> None:
    """Replaces ``old`` with ``new`` in record ``id`` of ``file``."""
    path = project / "data" / file
    text = path.read_text(encoding="utf-8")
    a, b = _block(text, id, after)
    assert old in text[a:b], text[a:b]
    path.write_text(text[:a] + text[a:b].replace(old, new, 1) + text[b:], encoding="utf-8")


#: the fixture's kept text (sources/sakrad-2017-12-12-integration.txt) names Regeringskansliet, but
#: not beside Polismyndigheten
KEPT = "dokumentation-2017-12-12-integration"


def test_a_ministry_placed_in_a_body_its_text_only_names_elsewhere_is_refused(project: Path) -> None:
    # the text names Regeringskansliet ("Från Regeringskansliet deltog …") and Arbetsmarknadsdepartementet,
    # but never side by side
    path = project / "data" / "bodies.yaml"
    text = path.read_text(encoding="utf-8")
    a, b = _block(text, "arbetsmarknadsdepartementet")
    block = re.sub(r"    unit_of_derivation:\n(?:      .*\n(?:        .*\n)*)+", "", text[a:b])
    assert "unit_of_derivation" not in block and f"sources: [{KEPT}" in block
    path.write_text(text[:a] + block + text[b:], encoding="utf-8")
    errors = [e for e in load_messages(project) if "'arbetsmarknadsdepartementet'" in e]
    assert len(errors) == 1, errors
    assert "bodies.yaml:" in errors[0] and ".unit_of" in errors[0] and "unit_of_derivation is missing" in errors[0]
    assert f"'{KEPT}'" in errors[0]


def test_a_unit_placed_in_another_ministry_than_its_text_gives_is_refused(project: Path) -> None:
    _replace(
        project,
        "bodies.yaml",
        "integrationsenheten",
        "unit_of: arbetsmarknadsdepartementet",
        "unit_of: kulturdepartementet",
    )
    errors = [e for e in load_messages(project) if "'integrationsenheten'" in e]
    assert len(errors) == 1 and "'Kulturdepartementet'" in errors[0], errors


def test_a_unit_of_credited_to_a_register_extract_is_refused_though_it_names_both_bodies(project: Path) -> None:
    path = project / "data" / "bodies.yaml"
    text = path.read_text(encoding="utf-8")
    a, b = _block(text, "socialdepartementet")
    block = re.sub(r"    unit_of_derivation:\n(?:      .*\n(?:        .*\n)*)+", "", text[a:b])
    block = block.replace("    sources:\n", "    sources:\n      - lagrummet-organisationer\n")
    assert "unit_of_derivation" not in block
    path.write_text(text[:a] + block + text[b:], encoding="utf-8")
    errors = [e for e in load_messages(project) if "'socialdepartementet'" in e]
    assert len(errors) == 1 and "'lagrummet-organisationer'" in errors[0], errors


def test_a_derived_unit_of_is_in_the_datasets_graph_with_why(project: Path) -> None:
    _add(
        project,
        "bodies.yaml",
        "polismyndigheten",
        f"    unit_of: regeringskansliet\n    unit_of_derivation:\n{DERIVED}",
    )
    assert load_messages(project) == []
    assert _quads(project, "body/polismyndigheten", ORG + "unitOf") == [
        (f"<{ID}body/regeringskansliet>", DATASET.value)
    ]
    why = _quads(project, "body/polismyndigheten", BASE + "ontology#unitOfDerivation")
    assert (f'"{WHY}"@sv', DATASET.value) in why


def test_an_english_name_the_kept_first_source_does_not_give_is_refused(project: Path) -> None:
    _replace(
        project,
        "bodies.yaml",
        "integrationsenheten",
        "      sv: Integrationsenheten\n",
        "      sv: Integrationsenheten\n      en: Integration Unit\n",
    )
    errors = [e for e in load_messages(project) if "'integrationsenheten'" in e]
    assert len(errors) == 1 and "name.en" in errors[0] and "name_en_derivation is missing" in errors[0], errors
    _add(project, "bodies.yaml", "integrationsenheten", f"    name_en_derivation:\n{DERIVED}")
    assert load_messages(project) == []
    names = _quads(project, "body/integrationsenheten", PREF.value)
    assert names == sorted(
        [('"Integrationsenheten"@sv', f"{ID}source/{KEPT}"), ('"Integration Unit"@en', DATASET.value)]
    )


def test_the_english_names_are_in_the_graphs_of_the_documents_that_give_them(project: Path) -> None:
    names = _quads(project, "body/regeringskansliet", PREF.value)
    assert ('"Government Offices of Sweden"@en', f"{ID}source/wikipedia-government-offices-of-sweden") in names
    assert ('"Regeringskansliet"@sv', f"{ID}source/dokumentation-2017-12-12-integration") in names
    label = _quads(project, "post/arbetsmarknads-och-etableringsminister", PREF.value)
    assert (
        '"Minister for Employment and Integration"@en',
        f"{ID}source/government-se-ministry-of-employment-organisation",
    ) in label


def test_a_fact_source_not_among_the_records_sources_is_refused(project: Path) -> None:
    _add(
        project,
        "bodies.yaml",
        "polismyndigheten",
        "    fact_sources:\n      - facts: [unit_of]\n        source: lagrummet-organisationer\n    unit_of: regeringskansliet\n",
    )
    errors = [e for e in load_messages(project) if "'polismyndigheten'" in e and "not one of its sources" in e]
    assert len(errors) == 1, load_messages(project)


def test_member_of_a_body_the_kept_source_does_not_give_beside_the_person_is_refused(project: Path) -> None:
    _replace(
        project,
        "people.yaml",
        "vanja-bardh-olsson",
        "member_of: [integrationsenheten]",
        "member_of: [integrationsenheten, kulturdepartementet]",
    )
    errors = [e for e in load_messages(project) if "'vanja-bardh-olsson'" in e]
    assert len(errors) == 1 and "member_of_derivation is missing" in errors[0] and "people.yaml:" in errors[0], errors
    assert "'Kulturdepartementet'" in errors[0]
    _add(project, "people.yaml", "vanja-bardh-olsson", f"    member_of_derivation:\n{DERIVED}")
    assert load_messages(project) == []
    member = _quads(project, "person/vanja-bardh-olsson", ORG + "memberOf")
    assert (f"<{ID}body/kulturdepartementet>", DATASET.value) in member
    assert [g for o, g in member if "kulturdepartementet" in o] == [DATASET.value]


def test_the_fixture_member_of_is_stated_beside_the_name_and_credited_to_the_text(project: Path) -> None:
    member = _quads(project, "person/vanja-bardh-olsson", ORG + "memberOf")
    assert member == [(f"<{ID}body/integrationsenheten>", f"{ID}source/{KEPT}")]


def test_reports_to_a_post_the_kept_source_does_not_give_is_refused(project: Path) -> None:
    post = "arbetsmarknads-och-etableringsminister"
    _add(project, "bodies.yaml", post, "    reports_to: socialminister\n", after="\nposts:\n")
    errors = [e for e in load_messages(project) if f"'{post}'" in e]
    assert len(errors) == 1 and "reports_to_derivation is missing" in errors[0], errors
    _add(project, "bodies.yaml", post, f"    reports_to_derivation:\n{DERIVED}", after="\nposts:\n")
    assert load_messages(project) == []
    assert _quads(project, f"post/{post}", ORG + "reportsTo") == [(f"<{ID}post/socialminister>", DATASET.value)]


def test_english_titles_are_english_and_descriptions_are_labels(project: Path) -> None:
    for source, own in (
        ("wikipedia-government-offices-of-sweden", "Government Offices of Sweden"),
        ("government-se-ministry-of-employment-organisation", "Organisation of the Ministry of Employment"),
    ):
        titles = [t for t, _ in _quads(project, f"source/{source}", TITLE.value)]
        assert f'"{own}"@en' in titles and f'"{own}"@sv' not in titles, titles
        assert not any("(Wikipedia)" in t for t in titles)
    for source in ("skatteverket-godkanda-gavomottagare", "lagrummet-organisationer"):
        assert _quads(project, f"source/{source}", TITLE.value) == []
        assert _quads(project, f"source/{source}", LABEL.value)


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    project = fixture_project(tmp_path_factory.mktemp("related") / "project")
    result = write_release(Project(project), project / "dist")
    assert result.out is not None, result.report.text("en")
    return Release.open(project / "dist")


@pytest.mark.parametrize(("lang", "own"), [("sv", "datans egen uppgift (sakrad-ld)"), ("en", "the data&#39;s own")])
def test_the_body_page_shows_a_derived_unit_of_as_the_datas_own(release: Release, lang: str, own: str) -> None:
    site = Site(release.base_iri, [], [], release=release.root)
    page = resource_page(release.store, f"{ID}body/socialdepartementet", site, lang) or ""
    rows = re.findall(r"<tr><th scope=\"row\">(?:(?!</tr>).)*<code>org:unitOf</code>.*?</tr>", page, re.S)
    assert rows and all(own in row for row in rows), rows
    assert "sakrad:unitOfDerivation" in page
    assert "Lagrummets organisationslistor" not in "".join(rows)
