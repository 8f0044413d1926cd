"""A source whose text is kept beside the data (``file:`` in data/sources.yaml) is published with the
release at ``sources/…``, listed in the manifest, linked from the source in the graph
(``schema:archivedAt``) and from its page, which also says when the source has no known web address."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from sakrad_ld.graph import kept_copy_path
from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import SCHEMA
from sakrad_ld.web.pages import Site, resource_page

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "project" / "data"


def _kept() -> dict[str, str]:
    """Each fixture source with a ``file:``: id → that file (relative to data/)."""
    doc = yaml.safe_load((FIXTURE_DATA / "sources.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s["file"] for s in doc["sources"] if s.get("file")}


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


def test_the_fixture_has_sources_with_kept_text() -> None:
    assert "dokumentation-2017-12-12-integration" in _kept()


@pytest.mark.parametrize(
    ("given", "published"), [("sources/x.txt", "sources/x.txt"), ("notes/x.txt", "sources/notes/x.txt")]
)
def test_a_kept_copy_is_under_the_sources_folder(given: str, published: str) -> None:
    assert kept_copy_path(given) == published


def test_every_kept_copy_is_in_the_release_and_its_manifest(fixture_release: Path) -> None:
    manifest = {f["path"]: f for f in json.loads((fixture_release / "manifest.json").read_text())["files"]}
    for file in _kept().values():
        rel = kept_copy_path(file)
        data = (FIXTURE_DATA / file).read_bytes()
        assert (fixture_release / rel).read_bytes() == data
        assert manifest[rel]["sha256"] == hashlib.sha256(data).hexdigest()
        assert f"  {rel}\n" in (fixture_release / "SHA256SUMS").read_text()


def test_the_graph_links_each_source_to_its_kept_copy(opened: Release) -> None:
    for id, file in _kept().items():
        source = ox.NamedNode(f"{opened.base_iri}id/source/{id}")
        found = [q.object for q in opened.store.quads_for_pattern(source, SCHEMA.archivedAt, None)]
        assert [o.value for o in found] == [f"{opened.base_iri}{kept_copy_path(file)}"], id


def test_the_page_of_a_source_without_address_says_so_and_links_its_text(opened: Release) -> None:
    downloads = [(f.path, f.media_type, f.size) for f in opened.files.values()]
    site = Site(opened.base_iri, downloads, [], release=opened.root)
    iri = f"{opened.base_iri}id/source/dokumentation-2017-12-12-integration"
    rel = kept_copy_path(_kept()["dokumentation-2017-12-12-integration"])
    for lang, words in (("sv", "ingen känd webbadress"), ("en", "no known web address")):
        page = resource_page(opened.store, iri, site, lang)
        assert page is not None
        section = page.split('<section id="access">', 1)[1].split("</section>", 1)[0]
        assert words in section
        assert f'download/{rel}"' in section, section
    # a source with an address does not say it has none
    with_url = f"{opened.base_iri}id/source/lagrummet-organisationer"
    page = resource_page(opened.store, with_url, site, "en")
    assert (
        page is not None
        and "no known web address" not in page
        and f"download/{kept_copy_path('sources/lagrummet-org.ttl')}" in page
    )


def test_the_kept_copy_is_no_register_link(opened: Release) -> None:
    site = Site(opened.base_iri, [], [], release=opened.root)
    page = resource_page(opened.store, f"{opened.base_iri}id/source/dokumentation-2017-12-12-integration", site, "en")
    assert page is not None and 'id="registers"' not in page
