"""The quads' files are written from the quads made once, a piece of whole graphs at a time
(``quads.CHUNK``): however the pieces fall, the files are the documents pyoxigraph writes of all
the quads at once."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld import quads
from sakrad_ld.serialize import sorted_prefixes, used_prefixes


@pytest.fixture(scope="module")
def built_quads(tmp_path_factory: pytest.TempPathFactory) -> list:
    from conftest import fixture_project

    from sakrad_ld.project import Project
    from sakrad_ld.release import build

    _, built, _ = build(Project.at(fixture_project(tmp_path_factory.mktemp("quads") / "project")))
    return list(built.quads)


def _whole(given: list) -> dict[str, bytes]:
    """The files as one document each of every quad, in release order."""
    ordered = quads.release_quads(given)
    nquads = ox.serialize(ordered, format=ox.RdfFormat.N_QUADS)
    prefixes = used_prefixes(nquads)
    trig = sorted_prefixes(ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=prefixes), prefixes)
    return {quads.QUAD_FILES["nquads"]: nquads, quads.QUAD_FILES["trig"]: trig}


@pytest.mark.parametrize("chunk", [1, 7, 500, 10**9])
def test_the_pieces_make_the_documents_of_all_the_quads(
    built_quads: list, chunk: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(quads, "CHUNK", chunk)
    expected = _whole(built_quads)
    assert quads.quad_files(built_quads) == expected
    quads.write_quad_files(built_quads, tmp_path)
    for name, data in expected.items():
        assert (tmp_path / name).read_bytes() == data
    graphs = {q[3] for q in built_quads}
    assert len(graphs) > 3 and expected[quads.QUAD_FILES["trig"]].count(b"{\n") >= len(graphs)


def test_no_quads_and_one_quad() -> None:
    assert quads.quad_files([]) == _whole([])
    g, s = ox.NamedNode("https://example.org/g"), ox.NamedNode("https://schema.org/x")
    one = [(s, ox.NamedNode("https://schema.org/name"), ox.Literal("x"), g)]
    assert quads.quad_files(one) == _whole(one)
    assert quads.quad_files(one)[quads.QUAD_FILES["trig"]].startswith(b"@prefix schema: ")
