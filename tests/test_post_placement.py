"""A post's placement (``post_in``) is its first source's only where that source names the body; a
placement the data makes by its own rule (``post_in_derivation``) is the data's own.

Loading refuses a post without ``post_in_derivation`` whose first source's kept text does not name its
body, and accepts it with one (or once the text names the body). In the release such a placement
(``org:postIn``) and the ``org:organization`` of the post's holdings are in the dataset's own graph,
with ``sakrad:postInDerivation``, never in the post's source's graph; every output that shows the
post's body marks it: the post's and the person's pages (sv, en), the meeting documents, posts.csv.
The copies of the fixture project are edited here; data/ is never read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import fixture_project, load_messages

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph
from sakrad_ld.placed import GOVERNMENT_OFFICES_RULE
from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page

BASE = "https://w3id.org/sakrad/"
DATASET = ox.NamedNode(BASE + "ontology")
POST_IN = ox.NamedNode("http://www.w3.org/ns/org#postIn")
ORGANIZATION = ox.NamedNode("http://www.w3.org/ns/org#organization")
HELD_POST = ox.NamedNode(BASE + "ontology#post")
DERIVATION = ox.NamedNode(BASE + "ontology#postInDerivation")
#: a post whose first source's text is kept (dokumentation-2017-12-12-integration), placed in a body it names
KEPT_POST = "arbetsmarknads-och-etableringsminister"
KEPT_TEXT = "sakrad-2017-12-12-integration.txt"
#: a post the data places in Regeringskansliet, its sources not kept
DERIVED_POST = "eu-minister"
DERIVED_PERSON = "hans-dahlgren"
DERIVATION_YAML = f"""    post_in_derivation:
      sv: {GOVERNMENT_OFFICES_RULE.sv}
      en: "{GOVERNMENT_OFFICES_RULE.en}"
"""


def _post_block(text: str, post: str) -> tuple[int, int]:
    start = text.index(f"  - id: {post}\n")
    end = text.find("\n  - id: ", start + 1)
    return start, len(text) if end < 0 else end + 1


def _set(project: Path, post: str, post_in: str | None = None, derivation: bool = False) -> None:
    """Changes the post's ``post_in`` and/or gives it the data's rule as ``post_in_derivation``."""
    path = project / "data" / "bodies.yaml"
    text = path.read_text(encoding="utf-8")
    a, b = _post_block(text, post)
    block = text[a:b]
    line = re.search(r"    post_in: \S+\n", block)
    assert line, block
    new = f"    post_in: {post_in}\n" if post_in else line.group(0)
    block = block.replace(line.group(0), new + (DERIVATION_YAML if derivation else ""))
    path.write_text(text[:a] + block + text[b:], encoding="utf-8")


def _placement_errors(project: Path, post: str) -> list[str]:
    return [e for e in load_messages(project) if f"post {post!r}" in e and "post_in_derivation is missing" in e]


def test_the_fixture_post_credited_to_a_kept_text_names_its_body(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "p")
    assert "Arbetsmarknadsdepartementet" in (project / "data" / "sources" / KEPT_TEXT).read_text(encoding="utf-8")
    assert _placement_errors(project, KEPT_POST) == []


def test_a_placement_the_kept_text_does_not_name_is_refused_without_a_derivation(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "p")
    _set(project, KEPT_POST, post_in="landsbygds-och-infrastrukturdepartementet")
    errors = _placement_errors(project, KEPT_POST)
    assert len(errors) == 1, load_messages(project)
    text = (project / "data" / "bodies.yaml").read_text(encoding="utf-8")
    a, _ = _post_block(text, KEPT_POST)
    line = text[:a].count("\n") + 1 + text[a:].split("    post_in:", 1)[0].count("\n")
    assert re.match(rf"\S*bodies\.yaml:{line}: posts\[\d+\]\.post_in: ", errors[0]), errors[0]
    assert "'Landsbygds- och infrastrukturdepartementet'" in errors[0]
    assert "dokumentation-2017-12-12-integration" in errors[0]
    # the data's own placement, said so: accepted
    _set(project, KEPT_POST, derivation=True)
    assert load_messages(project) == []


def test_a_kept_text_that_stops_naming_the_body_refuses_the_placement(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "p")
    path = project / "data" / "sources" / KEPT_TEXT
    path.write_text(path.read_text(encoding="utf-8").replace("Arbetsmarknadsdepartementet", "departementet"), "utf-8")
    assert len(_placement_errors(project, KEPT_POST)) == 1
    _set(project, KEPT_POST, derivation=True)
    assert _placement_errors(project, KEPT_POST) == []


def test_the_graph_puts_the_datas_placement_in_the_datasets_graph(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "p")
    _set(project, DERIVED_POST, derivation=True)
    quads = list(build_graph(load_corpus(project / "data")).quads)
    derived, stated = ox.NamedNode(f"{BASE}id/post/{DERIVED_POST}"), ox.NamedNode(f"{BASE}id/post/{KEPT_POST}")
    assert {q[3] for q in quads if q[0] == derived and q[1] in (POST_IN, DERIVATION)} == {DATASET}
    assert {q[2] for q in quads if q[0] == derived and q[1] == DERIVATION} == {
        ox.Literal(GOVERNMENT_OFFICES_RULE.sv, language="sv"),
        ox.Literal(GOVERNMENT_OFFICES_RULE.en or "", language="en"),
    }
    holdings = {q[0] for q in quads if q[1] == HELD_POST and q[2] == derived}
    assert len(holdings) == 2
    assert {q[3] for q in quads if q[0] in holdings and q[1] == ORGANIZATION} == {DATASET}
    # a placement its source names stays in the source's graph, with no derivation
    assert {q[3].value for q in quads if q[0] == stated and q[1] == POST_IN} == {
        f"{BASE}id/source/dokumentation-2017-12-12-integration"
    }
    assert not [q for q in quads if q[0] == stated and q[1] == DERIVATION]
    stated_holdings = {q[0] for q in quads if q[1] == HELD_POST and q[2] == stated}
    assert stated_holdings and DATASET not in {q[3] for q in quads if q[0] in stated_holdings and q[1] == ORGANIZATION}


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    project = fixture_project(tmp_path_factory.mktemp("placed") / "project")
    _set(project, DERIVED_POST, derivation=True)
    result = write_release(Project.at(project), project / "dist")
    assert result.out is not None, result.report.text("en")
    return Release.open(project / "dist")


def test_the_release_quads_hold_the_placement_in_the_datasets_graph(release: Release) -> None:
    nq = (release.root / "sakrad.nq").read_text(encoding="utf-8")
    post = f"<{BASE}id/post/{DERIVED_POST}>"
    placed = [line for line in nq.splitlines() if line.startswith(f"{post} <{POST_IN.value}> ")]
    assert placed == [f"{post} <{POST_IN.value}> <{BASE}id/body/regeringskansliet> <{DATASET.value}> ."]
    assert f'{post} <{DERIVATION.value}> "{GOVERNMENT_OFFICES_RULE.sv}"@sv <{DATASET.value}> .' in nq
    holdings = [f"<{BASE}id/person/{DERIVED_PERSON}/holding/{DERIVED_POST}/" in line for line in nq.splitlines()]
    organisations = [
        line
        for line, held in zip(nq.splitlines(), holdings, strict=True)
        if held and f"> <{ORGANIZATION.value}> " in line
    ]
    assert len(organisations) == 2 and all(line.endswith(f" <{DATASET.value}> .") for line in organisations)


def _row(html: str, predicate: str) -> list[str]:
    """The fact rows of a page whose property is ``predicate`` (its compact name)."""
    return re.findall(rf"<tr><th scope=\"row\">(?:(?!</tr>).)*<code>{re.escape(predicate)}</code>.*?</tr>", html, re.S)


@pytest.mark.parametrize(("lang", "own"), [("sv", "datans egen uppgift (sakrad-ld)"), ("en", "the data&#39;s own")])
def test_the_pages_show_the_placement_as_the_datas_own(release: Release, lang: str, own: str) -> None:
    site = Site(release.base_iri, [], [], release=release.root)
    derived = resource_page(release.store, f"{BASE}id/post/{DERIVED_POST}", site, lang) or ""
    rows = _row(derived, "org:postIn")
    assert rows and all(own in row for row in rows), rows
    assert _row(derived, "sakrad:postInDerivation")
    stated = resource_page(release.store, f"{BASE}id/post/{KEPT_POST}", site, lang) or ""
    rows = _row(stated, "org:postIn")
    assert rows and not any(own in row for row in rows), rows
    person = resource_page(release.store, f"{BASE}id/person/{DERIVED_PERSON}", site, lang) or ""
    rows = _row(person, "org:organization")
    assert len(rows) == 2 and all(own in row for row in rows), rows


def test_every_meeting_document_with_the_placement_gives_its_derivation(release: Release) -> None:
    placed = f"<{BASE}id/body/regeringskansliet>"
    found = 0
    for path in sorted((release.root / "meetings").glob("*.nt")) or sorted((release.root / "meetings").glob("*.ttl")):
        text = path.read_text(encoding="utf-8")
        if f"id/post/{DERIVED_POST}" not in text:
            continue
        found += 1
        assert "postIn" in text and placed in text, path.name
        assert "postInDerivation" in text and GOVERNMENT_OFFICES_RULE.sv in text, path.name
        framed = json.loads(path.with_suffix(".jsonld").read_text(encoding="utf-8"))
        said = [v for v in _values(framed, "postInDerivation") if v.get("sv") == GOVERNMENT_OFFICES_RULE.sv]
        assert said, f"{path.name}: the JSON-LD gives the derivation under its context's term"
    assert found


def _values(node: object, key: str) -> list[dict]:
    """Every value of ``key`` anywhere in a JSON tree."""
    if isinstance(node, dict):
        return [*([node[key]] if key in node else []), *(v for x in node.values() for v in _values(x, key))]
    if isinstance(node, list):
        return [v for x in node for v in _values(x, key)]
    return []


def test_posts_csv_gives_the_derivation_of_a_derived_placement_only(release: Release) -> None:
    rows = {
        r["id"]: r for r in csv.DictReader(io.StringIO((release.root / "tables" / "posts.csv").read_text("utf-8-sig")))
    }
    assert rows[DERIVED_POST]["post_in_derivation_sv"] == GOVERNMENT_OFFICES_RULE.sv
    assert rows[DERIVED_POST]["post_in_derivation_en"] == GOVERNMENT_OFFICES_RULE.en
    assert rows[KEPT_POST]["post_in_derivation_sv"] == "" and rows[KEPT_POST]["post_in_iri"]
