"""Minutes of a sakråd, known by their title, show it was held: a derived fact, not an announcement.

A meeting that cites minutes of itself (a source of ``kind: minutes`` in its ``sources``) is not
published as ``announced_only``: that it was held follows from the minutes' title, which the data
says in ``held_derivation`` (sv, en) with ``held_source``, published as ``sakrad:heldDerivation`` and
``sakrad:heldDerivedFrom`` in the dataset's own graph. Loading refuses ``announced_only`` beside such
minutes unless a note about ``announced_only`` says why, and a ``held_derivation`` that is incomplete.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
from conftest import ROOT, copy_project, edit_data, load_messages

from sakrad_ld import vocab
from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph
from sakrad_ld.web.diagrams import meeting_svg
from sakrad_ld.web.meeting import meeting_facts

SAKRAD = "https://w3id.org/sakrad/ontology#"
ID = "2024-05-06-icescr"
MINUTES = f"minnesanteckningar-{ID}"
FILE = f"meetings/{ID}.yaml"


def _project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


def _held_block(project: Path) -> str:
    """The meeting's held_source and held_derivation lines, as the file has them."""
    text = (project / "data" / FILE).read_text(encoding="utf-8")
    found = re.search(r"(?ms)^held_source: [^\n]*\nheld_derivation:\n(?:  [^\n]*\n)+", text)
    assert found, "the meeting derives that it was held"
    return found.group(0)


def test_no_meeting_in_data_is_announced_only_beside_minutes_of_itself_without_a_note_saying_why() -> None:
    corpus = load_corpus(ROOT / "data")
    kinds = {s.id: s.kind for s in corpus.sources}
    for m in corpus.meetings:
        minutes = [s for s in m.sources if kinds.get(s) == "minutes"]
        if m.announced_only:
            assert not minutes or any(n.about == "announced_only" for n in m.notes), m.id
        if m.held_derivation is not None:
            # minutes of it, or its own page by the compilation's account of it (no text of it read)
            assert m.held_source == m.source or (m.held_source in m.sources and kinds[m.held_source] == "minutes"), m.id
            assert m.held_derivation.en, m.id


def test_a_held_derivation_is_published_as_derived_in_the_dataset_s_own_graph() -> None:
    corpus = load_corpus(ROOT / "data")
    quads = [ox.Quad(*q) for q in build_graph(corpus).quads]
    held = [m for m in corpus.meetings if m.held_derivation is not None]
    assert held
    for m in held:
        iri = f"https://w3id.org/sakrad/id/meeting/{m.id}"
        about = [q for q in quads if q.subject.value == iri]
        derivations = [q for q in about if q.predicate.value == SAKRAD + "heldDerivation"]
        assert {q.object.language for q in derivations} == {"sv", "en"}, m.id
        sources = [q.object.value for q in about if q.predicate.value == SAKRAD + "heldDerivedFrom"]
        assert sources == [f"https://w3id.org/sakrad/id/source/{m.held_source}"], m.id
        for q in derivations + [q for q in about if q.predicate.value == SAKRAD + "heldDerivedFrom"]:
            assert q.graph_name == vocab.ONTOLOGY_IRI, (m.id, q)
        assert not any(q.predicate.value == SAKRAD + "announcedOnly" for q in about), m.id


def test_announced_only_beside_minutes_of_the_meeting_is_refused_naming_them(tmp_path: Path) -> None:
    project = _project(tmp_path)
    edit_data(project, FILE, _held_block(project), "announced_only: true\n")
    messages = load_messages(project)
    assert any("announced_only" in e and MINUTES in e and "minutes of itself" in e for e in messages), messages


def test_a_note_about_announced_only_saying_why_lets_it_load(tmp_path: Path) -> None:
    project = _project(tmp_path)
    why = "notes:\n  - about: announced_only\n    text:\n      sv: Anteckningarna gäller ett senare möte.\n"
    edit_data(project, FILE, _held_block(project), "announced_only: true\n" + why)
    assert load_messages(project) == []


def test_held_derivation_beside_announced_only_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    block = _held_block(project)
    edit_data(project, FILE, block, block + "announced_only: true\n")
    assert any("held_derivation on a sakråd marked announced_only" in e for e in load_messages(project))


def test_held_derivation_without_its_source_or_with_one_not_cited_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    edit_data(project, FILE, f"held_source: {MINUTES}\n", "")
    assert any("held_derivation without held_source" in e for e in load_messages(project))
    other = _project(tmp_path / "other")
    edit_data(other, FILE, f"held_source: {MINUTES}\n", "held_source: inbjudan-2023-11-07-integration-civilsamhallet\n")
    assert any("is neither the sakråd's source nor one of its sources" in e for e in load_messages(other))
    shutil.rmtree(other)
    page = _project(tmp_path / "page")  # the sakråd's own page, by the compilation's account of it
    edit_data(
        page,
        FILE,
        f"held_source: {MINUTES}\n",
        "held_source: regeringen-2024-04-sakrad-om-uppfoljningen-av-rekommendationer\n",
    )
    assert not any("held_source" in e for e in load_messages(page))
    shutil.rmtree(page)


def test_a_held_derivation_needs_its_english_text(tmp_path: Path) -> None:
    project = _project(tmp_path)
    block = _held_block(project)
    edit_data(project, FILE, block, block[: block.index("  en: >-")])
    assert any("held_derivation without en" in e for e in load_messages(project))


def test_a_held_derivation_leaves_the_held_check_alone(tmp_path: Path) -> None:
    """Without held_derivation and without announced_only, every document read predates the day: refused."""
    project = _project(tmp_path)
    edit_data(project, FILE, _held_block(project), "")
    assert any("is published as held, but its documents" in e for e in load_messages(project))


def test_the_picture_says_it_was_held_as_derived() -> None:
    store = ox.Store()
    for q in build_graph(load_corpus(ROOT / "data")).quads:
        store.add(ox.Quad(*q))
    iri = f"https://w3id.org/sakrad/id/meeting/{ID}"
    facts = meeting_facts(store, iri)
    assert facts.held_derivation is not None and not facts.announced_only
    assert facts.held_from == f"https://w3id.org/sakrad/id/source/{MINUTES}"
    for lang, words in (("sv", "hållet: härlett"), ("en", "held: derived")):
        assert words in meeting_svg(store, iri, "https://w3id.org/sakrad/", facts, lang), lang
