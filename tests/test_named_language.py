"""The name a participation carries (``rdfs:label``, src/sakrad_ld/named.py) is in its source's
language: ``language: en`` on the source in data/sources.yaml tags it @en, ``sv`` @sv, and a source
whose language the data does not give keeps the Swedish tag (docs/model.md, "The name a meeting's
source writes"). A source's language is one of sv and en."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import change, fixture_project

from sakrad_ld.corpus import load_corpus
from sakrad_ld.errors import InputError
from sakrad_ld.graph import build_graph
from sakrad_ld.named import shown_names

PART = ox.NamedNode("https://w3id.org/sakrad/id/meeting/2017-03-14-rasism-uppstart/participation/organisation/rfsl")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SOURCE = "  - id: regeringen-2017-03-uppstartsmote-rasism\n    kind: article\n"


def _labels(project: Path) -> list[ox.Term]:
    built = build_graph(load_corpus(project / "data"))
    return [t[2] for t in built.triples if t[0] == PART and t[1] == RDFS_LABEL]


@pytest.mark.parametrize(("line", "lang"), [("", "sv"), ("    language: sv\n", "sv"), ("    language: en\n", "en")])
def test_the_participations_name_is_tagged_with_its_sources_language(tmp_path: Path, line: str, lang: str) -> None:
    project = fixture_project(tmp_path / "p")
    assert change(project / "data" / "sources.yaml", SOURCE, SOURCE + line)
    shown = shown_names(load_corpus(project / "data"))[("2017-03-14-rasism-uppstart", "rfsl")]
    assert (shown.written, shown.lang) == ("RFSL", lang)
    assert _labels(project) == [ox.Literal("RFSL", language=lang)]


def test_a_source_language_other_than_sv_or_en_is_refused(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "p")
    line = change(project / "data" / "sources.yaml", SOURCE, SOURCE + "    language: english\n") + 2
    with pytest.raises(InputError) as raised:
        load_corpus(project / "data")
    assert f"sources.yaml:{line}: sources[6].language" in str(raised.value)
    assert "expected one of sv, en" in str(raised.value)
