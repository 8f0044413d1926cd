"""The pages of the dataset's VoID class and property partitions (``dataset/void/class/…``,
``dataset/void/property/…``), which the data names and types only by the links that make them,
say what they are in words: headed "klassuppdelning: sakråd"/"class partition: sakråd (…)", not
their raw IRI, and typed ``void:Dataset`` as the VoID vocabulary's range of ``void:classPartition``
implies, said to be derived so, not "Type: unknown" (https://www.w3.org/TR/void/#class-property-partitions)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import VOID
from sakrad_ld.web.pages import Site, resource_page

KIND = {
    "sv": {"class": "klassuppdelning: ", "property": "egenskapsuppdelning: "},
    "en": {"class": "class partition: ", "property": "property partition: "},
}
UNKNOWN = {"sv": "Typ: okänt", "en": "Type: unknown"}


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


def partitions(opened: Release) -> list[tuple[str, str]]:
    found = [("class", q.object.value) for q in opened.store.quads_for_pattern(None, VOID.classPartition, None)]
    found += [("property", q.object.value) for q in opened.store.quads_for_pattern(None, VOID.propertyPartition, None)]
    assert {kind for kind, _ in found} == {"class", "property"}
    return sorted(found)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_partitions_page_names_and_types_it_in_words(opened: Release, lang: str) -> None:
    site = Site(opened.base_iri, [], [], release=opened.root)
    for kind, iri in partitions(opened):
        page = resource_page(opened.store, iri, site, lang) or ""
        heading = re.search(r"<h1>(.*?)</h1>", page, re.S)
        assert heading is not None and heading[1].startswith(KIND[lang][kind]), (iri, heading)
        assert iri not in heading[1]
        assert UNKNOWN[lang] not in page, iri
        meta = page.split("<br>IRI:", 1)[0].rsplit('<p class="meta">', 1)[1]
        assert "<code>void:Dataset</code>" in meta and 'class="derived"' in meta, (iri, meta)
        assert f"<code>void:{kind}Partition</code>" in meta, (iri, meta)


def test_the_dataset_lists_its_partitions_by_name(opened: Release) -> None:
    site = Site(opened.base_iri, [], [], release=opened.root)
    page = resource_page(opened.store, opened.base_iri + "dataset", site, "en") or ""
    links = re.findall(r'<a href="[^"]*dataset/void/class/[^"]*">(.*?)</a>', page)
    assert links and all(name.startswith("class partition: ") for name in links), links[:3]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_two_partitions_of_the_dataset_share_a_link_text(opened: Release, lang: str) -> None:
    """Two terms may have one label ("person": foaf:Person and person:Person); a partition's name says
    its term's compact IRI, so a link's text tells where it leads (WCAG 2.4.4)."""
    site = Site(opened.base_iri, [], [], release=opened.root)
    page = resource_page(opened.store, opened.base_iri + "dataset", site, lang) or ""
    links = re.findall(r'<a href="([^"]*dataset/void/(?:class|property)/[^"]*)">(.*?)</a>', page, re.S)
    targets: dict[str, set[str]] = {}
    for href, text in links:
        targets.setdefault(re.sub(r"<[^>]+>", "", text), set()).add(href)
    assert links and all(len(hrefs) == 1 for hrefs in targets.values()), {
        t: h for t, h in targets.items() if len(h) > 1
    }
