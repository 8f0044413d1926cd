"""A kept text that writes a compound's hyphen without the space ("Klimat-och näringslivsdepartementet",
as the 2024 page on the social climate fund does) holds the name the data writes with it
("Klimat- och näringslivsdepartementet"): stated.folded joins a word's hyphen to the next word on both
sides, and nothing else (a spaced dash stays a dash between words)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.corpus import load_corpus
from sakrad_ld.errors import InputErrors
from sakrad_ld.stated import folded

KEPT = Path("data") / "sources" / "sakrad-2017-12-12-integration.txt"
ORGS = Path("data") / "organisations.yaml"


def test_a_words_hyphen_before_a_space_is_the_hyphen_without_it() -> None:
    assert folded("Klimat- och näringslivsdepartementet") == folded("Klimat-och näringslivsdepartementet")
    assert folded("arbetsmarknads-\noch etableringsminister") == "arbetsmarknads-och etableringsminister"
    assert folded("Forum \u2013 idéburna") == "forum - idéburna"
    assert folded("Klimat- och") != folded("Klimat och")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_name_with_the_hyphens_space_is_found_in_a_text_without_it(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    _replace(project / KEPT, "Föräldrastödet i Värmland", "Föräldra-och familjestödet i Värmland")
    _replace(project / ORGS, "name: Föräldrastödet i Värmland", "name: Föräldra- och familjestödet i Värmland")
    corpus = load_corpus(project / "data")
    assert "Föräldra- och familjestödet i Värmland" in {o.name for o in corpus.organisations}


def test_another_word_is_still_refused(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    _replace(project / KEPT, "Föräldrastödet i Värmland", "Föräldra-och familjestödet i Värmland")
    _replace(project / ORGS, "name: Föräldrastödet i Värmland", "name: Föräldra- och barnstödet i Värmland")
    with pytest.raises(InputErrors) as caught:
        load_corpus(project / "data")
    assert any("Föräldra- och barnstödet i Värmland" in str(e) for e in caught.value.errors)
