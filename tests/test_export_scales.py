"""What the static export reads of the whole store, or of every sakråd, it reads once per site, not
once per page, feed or list: the sakråd citing each source (a person's page, "named in the sources
of"), the sakråd of each value of a filter of the sakråd list, the one reader of labels of a
release's store as the export opens it. With one reading per page the export of 1,000 synthetic
meetings grew faster than its pages (docs/performance.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.sparql.store import Release
from sakrad_ld.web import lists as lists_module
from sakrad_ld.web import pages
from sakrad_ld.web.lists import FACETS, read_lists
from sakrad_ld.web.pages import Citations, Site, _meetings_citing
from sakrad_ld.web.static import export_site

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scales")
    result = write_release(Project.at(generate(root / "p", 6, seed=3)), root / "out", workers=1)
    assert result.out is not None, result.report.text("en")
    return result.out


def _citation_readings(tmp_path: Path, meetings: int, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = []
    read = Citations._read

    def counted(self: Citations) -> dict[str, list[str]]:
        calls.append(self)
        return read(self)

    monkeypatch.setattr(Citations, "_read", counted)
    project = generate(tmp_path / f"p{meetings}", meetings, seed=5)
    result = write_release(Project.at(project), tmp_path / f"out{meetings}", workers=1)
    assert result.out is not None, result.report.text("en")
    assert export_site(result.out, tmp_path / f"site{meetings}").out is not None
    return len(calls)


def test_the_sakrad_citing_each_source_are_read_once_per_export_whatever_the_meetings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    few, more = _citation_readings(tmp_path, 3, monkeypatch), _citation_readings(tmp_path, 12, monkeypatch)
    assert few == more <= 1, f"readings of every dct:source: {few} for 3 meetings, {more} for 12"


def test_the_site_citations_name_the_sakrad_each_source_is_cited_by_as_asking_the_store_does(
    release: Path,
) -> None:
    opened = Release.open(release)
    store, base = opened.store, opened.base_iri
    site = Site(base, release=opened.root)
    citations = site.citations(store)
    assert citations is site.citations(store)  # one per site for a release's store
    sources = {q.object for q in store.quads_for_pattern(None, ox.NamedNode("http://purl.org/dc/terms/source"), None)}
    assert any(citations.of(s) for s in sources if isinstance(s, ox.NamedNode))
    for source in sources:
        if isinstance(source, ox.NamedNode):
            assert citations.of(source) == _meetings_citing(store, source, base), source
    assert citations.of(ox.NamedNode(base + "id/source/not-there")) == []


def test_a_store_that_may_change_gets_its_citations_and_labels_for_every_page(release: Path) -> None:
    class Changing:  # a store such as serve --store's: not a release's embedded one
        def __init__(self, store: object) -> None:
            self.store = store

        def quads_for_pattern(self, *pattern: object) -> object:
            return self.store.quads_for_pattern(*pattern)

    opened = Release.open(release)
    site, store = Site(opened.base_iri), Changing(opened.store)
    assert site.labels(store) is not site.labels(store)
    assert site.citations(store) is not site.citations(store)
    assert site.labels(opened.store) is site.labels(opened.store)
    assert pages._read_once(opened.store) and not pages._read_once(store)


def test_filtering_the_sakrad_by_every_value_of_a_filter_reads_each_sakrad_once(
    release: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = Release.open(release)
    lists = read_lists(opened.store, opened.base_iri)
    keys = {name: [key for key, _, _ in lists.facet(name) if key != "unknown"] for name in FACETS}
    every = {name: {key: lists.filtered(name, key) for key in keys[name]} for name in FACETS}
    assert max(len(k) for k in keys.values()) > 2, keys  # a filter of several values
    fresh = read_lists(opened.store, opened.base_iri)
    calls = []
    values = lists_module._facet_values

    def counted(m: object, name: str) -> object:
        calls.append(name)
        return values(m, name)

    monkeypatch.setattr(lists_module, "_facet_values", counted)
    for name in FACETS:
        calls.clear()
        found = {key: fresh.filtered(name, key) for key in keys[name]}
        assert len(calls) == (len(fresh.meetings) if keys[name] else 0), (name, len(calls))
        assert found == every[name]
        for key, rows in found.items():  # the rows with the value, in the list's order, each once
            assert rows == [m for m in fresh.meetings if key in {k for k, _ in values(m, name)}]
