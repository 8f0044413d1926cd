"""What the data made or computed itself is said to be the data's own wherever it leaves the release:
a page names the dataset's own graph (titles the data made, their derivations, the computed count of
listed organisations) "datans egen uppgift (sakrad-ld)" / "the data's own (sakrad-ld)", linked to the
dataset's page, never "Källa: Ontologi för sakråd"; the search index marks a data-made title and the
search page shows it; the computed count is in the dataset's graph and its CSV column says computed;
a partial list is not said to be partial "by the source's own account". Checked on the fixture release
against the fixture YAML a person wrote."""

from __future__ import annotations

import json
import re
from html import unescape

import pyoxigraph as ox
import pytest
from fixture_pages import fixture_meetings, fixture_opened, fixture_site  # noqa: F401

from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import ONTOLOGY_IRI, SAKRAD
from sakrad_ld.web.pages import Site, resource_page
from sakrad_ld.web.sitefiles import site_files

OWN = {"sv": "datans egen uppgift (sakrad-ld)", "en": "the data's own (sakrad-ld)"}


def _own_made(meetings: dict[str, dict]) -> list[str]:
    return [i for i, m in meetings.items() if m.get("title_derivation") or m.get("organisations")]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_page_names_the_ontology_as_where_a_fact_was_read(
    opened: Release, site: Site, meetings: dict[str, dict], lang: str
) -> None:
    ids = _own_made(meetings)
    assert ids
    kinds = [("meeting", i) for i in ids]
    # the other page types that show a fact's source: a part of a meeting, an organisation, a person, a body
    kinds += [("organisation", "radda-barnen"), ("person", "anders-kessling"), ("body", "integrationsenheten")]
    for kind, id in kinds:
        html = resource_page(opened.store, f"{opened.base_iri}id/{kind}/{id}", site, lang)
        assert html is not None, id
        # a source named beside a fact is never the ontology's page
        for span in re.findall(r'<span class="source">.*?</span>', html, re.S):
            assert "ontology.html" not in span, (id, span)
        for cell in re.findall(r"<td[^>]*>(?:(?!</td>).)*ontology\.html(?:(?!</td>).)*</td>", html, re.S):
            assert "Ontologi för sakråd" not in cell and "Sakråd ontology" not in cell, (id, cell)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_data_made_title_and_the_computed_count_are_the_datas_own_linked_to_the_dataset(
    opened: Release, site: Site, meetings: dict[str, dict], lang: str
) -> None:
    for id in _own_made(meetings):
        html = resource_page(opened.store, f"{opened.base_iri}id/meeting/{id}", site, lang)
        assert html is not None
        linked = re.findall(r'<a href="([^"]*)">([^<]*)', html)
        own = [href for href, text in linked if unescape(text).startswith(OWN[lang])]
        assert own and all(h.endswith("dataset.html") for h in own), (id, own)


def test_the_computed_count_is_in_the_datasets_graph(opened: Release, meetings: dict[str, dict]) -> None:
    store = ox.Store()
    store.bulk_load(path=str(opened.root / "sakrad.nq"), format=ox.RdfFormat.N_QUADS)
    quads = list(store.quads_for_pattern(None, SAKRAD.listedOrganisationCount, None, None))
    assert len({q.subject for q in quads}) == sum(1 for m in meetings.values() if m.get("organisations"))
    assert {q.graph_name for q in quads} == {ONTOLOGY_IRI}


def test_the_computed_counts_column_says_computed(opened: Release) -> None:
    metadata = json.loads((opened.root / "tables" / "csv-metadata.json").read_text(encoding="utf-8"))
    columns = [
        c
        for t in metadata["tables"]
        for c in t["tableSchema"]["columns"]
        if c.get("name") == "listed_organisation_count"
    ]
    assert columns
    for c in columns:
        text = json.dumps(c, ensure_ascii=False)
        assert "computed" in text and "beräknat" in text, text


def test_the_search_index_marks_a_data_made_title(opened: Release, site: Site, meetings: dict[str, dict]) -> None:
    files = dict(site_files(opened.store, site))
    entries = {e["h"]: e for e in json.loads(files["search-index.json"]) if e["k"] == "meeting"}
    for id, m in meetings.items():
        assert entries[f"doc/meeting/{id}.html"].get("t") == (1 if m.get("title_derivation") else None), id
    assert any(m.get("title_derivation") for m in meetings.values())
    page = files["search.html"].decode()
    assert 'data-title-own="datans egen rubrik"' in page
    script = next(v for k, v in files.items() if k.endswith("search.js"))
    assert b"data-title-own" in script and b"e.t" in script


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("sv", "Källan namnger bara några av dem som deltog.", "Enligt källan är listan ofullständig"),
        ("en", "The source names only some of those who took part.", "By the source's own account the list is partial"),
    ],
)
def test_a_partial_list_is_not_put_in_the_sources_mouth(
    opened: Release, site: Site, meetings: dict[str, dict], lang: str, said: str, not_said: str
) -> None:
    partial = [i for i, m in meetings.items() if m.get("organisation_list") == "partial" and m.get("organisations")]
    assert partial
    for id in partial:
        html = resource_page(opened.store, f"{opened.base_iri}id/meeting/{id}", site, lang)
        assert html is not None
        assert said in html and not_said not in html, id
