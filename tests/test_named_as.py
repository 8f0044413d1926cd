"""A meeting shows an organisation by the name its own source writes, or says which document the
name it shows comes from (src/sakrad_ld/named.py; docs/model.md, "The name a meeting's source
writes"): the page, the picture, the sakråd list's CSV and tables/participations.csv. Checked on the
fixture release (RFSL: "RFSL" in the 2017 article, the full name on the 2022 list) and on a copy of
the fixture data where no document says how the meeting's source writes a name."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import change, fixture_project
from fixture_pages import fixture_opened, fixture_site  # noqa: F401

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph
from sakrad_ld.named import shown_names
from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import ONTOLOGY_IRI, RDFS, SAKRAD
from sakrad_ld.web.diagrams import meeting_svg
from sakrad_ld.web.pages import Site, resource_page
from sakrad_ld.web.sitefiles import site_files

BASE = "https://w3id.org/sakrad/"
MEETING = BASE + "id/meeting/2017-03-14-rasism-uppstart"
RFSL_PART = MEETING + "/participation/organisation/rfsl"
FULL = "Riksförbundet för homosexuellas, bisexuellas, transpersoners, queeras och intersexpersoners rättigheter"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_participation_carries_the_name_its_source_writes_in_that_sources_graph(tmp_path: Path) -> None:
    corpus = load_corpus(fixture_project(tmp_path / "p") / "data")
    built = build_graph(corpus)
    labels = [t for t in built.triples if t[0] == ox.NamedNode(RFSL_PART) and t[1] == RDFS.label]
    assert [t[2] for t in labels] == [ox.Literal("RFSL", language="sv")]
    graphs = {q[3] for q in built.quads if q[0] == ox.NamedNode(RFSL_PART) and q[1] == RDFS.label}
    assert graphs == {ox.NamedNode(BASE + "id/source/regeringen-2017-03-uppstartsmote-rasism")}
    # the 2022 list writes the full name, the record's: no label there
    part_2022 = BASE + "id/meeting/2022-12-13-demokrativillkor/participation/organisation/rfsl"
    assert not [t for t in built.triples if t[0] == ox.NamedNode(part_2022) and t[1] == RDFS.label]


def test_where_no_document_says_how_the_source_writes_it_the_name_says_its_document(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "p")
    # the 2017 article's name of RFSL no longer recorded: no alt_names, the name the 2022 list's
    assert change(project / "data" / "organisations.yaml", "    alt_names: [RFSL]\n", "")
    corpus = load_corpus(project / "data")
    shown = shown_names(corpus)[("2017-03-14-rasism-uppstart", "rfsl")]
    assert shown.written is None and shown.name_from == "regeringen-2022-12-demokrativillkor"
    built = build_graph(corpus)
    part = ox.NamedNode(RFSL_PART)
    found = [t[2] for t in built.triples if t[0] == part and t[1] == SAKRAD.nameFrom]
    assert found == [ox.NamedNode(BASE + "id/source/regeringen-2022-12-demokrativillkor")]
    assert not [t for t in built.triples if t[0] == part and t[1] == RDFS.label]
    graphs = {q[3] for q in built.quads if q[0] == part and q[1] == SAKRAD.nameFrom}
    assert graphs == {ONTOLOGY_IRI}  # the data's own statement, no source's
    store = ox.Store()
    store.extend(ox.Quad(s, p, o) for s, p, o in built.triples)
    svg = meeting_svg(store, MEETING, BASE)
    assert "(namnet som det står i" in svg
    # in the English picture the frame is English and the document's Swedish name is marked so
    svg = meeting_svg(store, MEETING, BASE, lang="en")
    assert "(the name as written in</text>" in svg
    document = re.search(
        r'<text [^>]*xml:lang="sv" lang="sv">([^<]*)\)</text>', svg[svg.index("the name as written in") :]
    )
    assert document is not None and document.group(1)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_meeting_page_shows_rfsl_as_the_2017_article_writes_it(opened: Release, site: Site, lang: str) -> None:
    html = resource_page(opened.store, MEETING, site, lang)
    assert html is not None
    listed = html[html.index('<ol class="organisations">') :]
    listed = listed[: listed.index("</ol>")]
    assert ">RFSL<" in listed
    # nowhere on the page: not in the list, the facts of the participation, nor the schema.org description
    assert FULL not in html


def test_the_picture_shows_rfsl(opened: Release) -> None:
    svg = meeting_svg(opened.store, MEETING, BASE)
    assert "RFSL" in svg and FULL not in svg


def test_the_list_csv_and_the_participations_table_give_the_sources_name(opened: Release, site: Site) -> None:
    files = dict(site_files(opened.store, site))
    rows = list(csv.DictReader(io.StringIO(files["lists/meetings.csv"].decode("utf-8-sig"))))
    row = next(r for r in rows if r["id"] == "2017-03-14-rasism-uppstart")
    assert "RFSL" in row["organisations"].split("; ") and FULL not in row["organisations"]
    table = (Path(opened.root) / "tables" / "participations.csv").read_text(encoding="utf-8-sig")
    parts = list(csv.DictReader(io.StringIO(table)))
    rfsl = next(r for r in parts if r["iri"] == RFSL_PART)
    assert rfsl["participant_named_as_sv"] == "RFSL"
