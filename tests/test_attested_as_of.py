"""A holding's ``as_of`` its source's kept text does not state is derived (attested.py, graph.py): it
needs ``as_of_derivation`` (sv, en), is published as the holding's ``sakrad:derivedDate`` with that
``sakrad:derivation`` in the dataset's own graph, never as ``sakrad:attestedOn``, and dates.csv gives it
kind ``derived``. A stated ``as_of`` the kept text does not state is refused at its file and line."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from conftest import ROOT, edit_data, fixture_project, load_messages

from sakrad_ld import vocab
from sakrad_ld.attested import _states
from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph

SAKRAD = "https://w3id.org/sakrad/ontology#"
DERIVATION = (
    "        as_of_derivation:\n          sv: Källans publiceringsdatum; källans text anger inte det datumet.\n"
    "          en: The source's publication date; the source's text does not state that date.\n"
)


def test_every_as_of_in_data_its_kept_text_does_not_state_is_marked_derived() -> None:
    corpus = load_corpus(ROOT / "data")
    derived = 0
    for person in corpus.people:
        for h in person.holds:
            if h.as_of and h.source in corpus.copies and not _states(corpus.copies[h.source], str(h.as_of)):
                assert h.as_of_derivation is not None, (person.id, h.source)
                assert h.as_of_derivation.sv and h.as_of_derivation.en, (person.id, h.source)
                derived += 1
    assert derived >= 1


def test_a_derived_as_of_is_published_as_derived_in_the_dataset_s_own_graph() -> None:
    corpus = load_corpus(ROOT / "data")
    quads = [ox.Quad(*q) for q in build_graph(corpus).quads]
    own = vocab.ONTOLOGY_IRI
    derived = [q for q in quads if q.predicate.value == SAKRAD + "derivedDate" and "/holding/" in q.subject.value]
    assert derived
    for q in derived:
        assert q.graph_name == own, q
        assert not any(x.subject == q.subject and x.predicate.value == SAKRAD + "attestedOn" for x in quads), q.subject
        langs = {
            x.object.language for x in quads if x.subject == q.subject and x.predicate.value == SAKRAD + "derivation"
        }
        assert langs == {"sv", "en"}, q.subject
    stated = [q for q in quads if q.predicate.value == SAKRAD + "attestedOn"]
    assert stated  # holdings whose text states the day stay stated


def test_a_stated_as_of_the_kept_text_does_not_state_is_refused(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    edit_data(project, "people.yaml", "as_of: 2017-12-12\n    sources:", "as_of: 2017-12-11\n    sources:")
    errors = [e for e in load_messages(project) if "as_of 2017-12-11" in e]
    assert len(errors) == 1, errors
    assert "people.yaml:" in errors[0] and "as_of" in errors[0]
    assert "is given as stated, but no source states it" in errors[0], errors
    assert "as_of_derivation is missing" in errors[0], errors


def test_a_publication_date_with_its_derivation_loads_as_derived(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    # the source's publication date, which its text does not state
    edit_data(
        project,
        "sources.yaml",
        "    publisher: integrationsenheten\n    # The Government",
        "    publisher: integrationsenheten\n    published: 2017-12-20\n    # The Government",
    )
    edit_data(
        project, "people.yaml", "as_of: 2017-12-12\n    sources:", "as_of: 2017-12-20\n" + DERIVATION + "    sources:"
    )
    assert not [e for e in load_messages(project) if "as_of" in e]
    quads = [ox.Quad(*q) for q in build_graph(load_corpus(project / "data")).quads]
    assert any(q.predicate.value == SAKRAD + "derivedDate" and q.object.value == "2017-12-20" for q in quads)
    assert not any(q.predicate.value == SAKRAD + "attestedOn" and q.object.value == "2017-12-20" for q in quads)
