"""A document's graph holds what the document states; what the data makes itself is in the dataset's
graph (docs/model.md, "What a document's graph holds, and what the dataset's"), over the whole
release of data/: every text in a document's graph is found in its kept text, folded as the load
checks fold it, an English text only in an English document's graph, and no note, derivation,
translation, minted identifier or list position in a document's graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from graphs import assert_isomorphic

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import _FACT_PROPERTIES
from sakrad_ld.iri import Minter
from sakrad_ld.posted import _forms
from sakrad_ld.records import Corpus, Note
from sakrad_ld.stated import _found_in_order, find_words, flat_text
from sakrad_ld.vocab import ADMS, DCTERMS, ORG, PROV, RDF, RDFS, SAKRAD, SCHEMA, SKOS

ONTOLOGY = ox.NamedNode("https://w3id.org/sakrad/ontology")
STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")
LANG_STRING = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")

#: What the data makes itself, by predicate (besides the derivations, read from the ontology): minted
#: identifiers, list positions, remarks, how an identifier was verified and who keeps its scheme, the
#: address of a kept copy, a count of a list.
OWN = frozenset(
    {
        DCTERMS.identifier,
        SCHEMA.position,
        SAKRAD.note,
        SKOS.note,
        ADMS.status,
        ADMS.schemeAgency,
        SCHEMA.archivedAt,
        SAKRAD.listedOrganisationCount,
    }
)


@pytest.fixture(scope="module")
def store(release: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(release / "sakrad.nq"), format=ox.RdfFormat.N_QUADS)
    return store


@pytest.fixture(scope="module")
def corpus(root: Path) -> Corpus:
    return load_corpus(root / "data")


@pytest.fixture(scope="module")
def kept(store: ox.Store, release: Path) -> dict[ox.NamedNode, str]:
    """Each document's kept text as the release publishes it (its ``schema:archivedAt``), folded."""
    texts = {}
    for q in store.quads_for_pattern(None, SCHEMA.archivedAt, None, None):
        path = q.object.value.split("/sources/", 1)[1]
        texts[q.subject] = flat_text((release / "sources" / path).read_text(encoding="utf-8"))
    assert texts, "the release keeps no document's text"
    return texts


@pytest.fixture(scope="module")
def english(corpus: Corpus) -> frozenset[ox.NamedNode]:
    minter = Minter(corpus.config.base_iri)
    return frozenset(minter.thing("source", s.id) for s in corpus.sources if s.language == "en")


def _derivations(root: Path) -> frozenset[ox.NamedNode]:
    """The ontology's properties saying how the data derived something, or from what."""
    g = ox.Store()
    g.bulk_load(path=str(root / "ontology" / "sakrad.ttl"), format=ox.RdfFormat.TURTLE)
    found = {
        r["p"]
        for r in g.query(
            "SELECT ?p WHERE { ?p <http://www.w3.org/2004/02/skos/core#relatedMatch>"
            "|<http://www.w3.org/2000/01/rdf-schema#subPropertyOf> <http://www.w3.org/ns/prov#wasDerivedFrom> }"
        )
    }
    assert SAKRAD.derivation in found and SAKRAD.titleDerivation in found, found
    return frozenset(found | {SAKRAD.derivedDate, PROV.wasDerivedFrom})


def _in_documents(store: ox.Store) -> Iterator[ox.Quad]:
    """Every quad of a document's graph (any graph but the dataset's)."""
    for q in store:
        if q.graph_name != ONTOLOGY:
            yield q


def _has(store: ox.Store, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode) -> bool:
    """Whether a graph of ``store`` holds the triple."""
    return next(store.quads_for_pattern(s, p, o, None), None) is not None


def _text(literal: ox.Literal) -> bool:
    return literal.datatype in (STRING, LANG_STRING)


def _found(store: ox.Store, q: ox.Quad, flat: str) -> bool:
    """Whether a text is in the kept text: word for word (an ellipsis standing for words left out), or,
    for a post's label ending in the definite form, in its indefinite form (posted.py)."""
    value = q.object.value
    if _found_in_order(value, flat):
        return True
    if q.predicate == SKOS.prefLabel and _has(store, q.subject, RDF.type, ORG.Post):
        return any(next(find_words(form, flat), None) is not None for form in _forms(value))
    return False


def test_every_text_in_a_documents_graph_is_in_its_kept_text(
    store: ox.Store, kept: dict[ox.NamedNode, str], english: frozenset[ox.NamedNode]
) -> None:
    missing, translated, compared = [], [], 0
    for q in _in_documents(store):
        if not isinstance(q.object, ox.Literal) or not _text(q.object):
            continue
        if q.object.language == "en" and q.graph_name not in english:
            translated.append(q)
        elif q.graph_name in kept:
            compared += 1
            if not _found(store, q, kept[q.graph_name]):
                missing.append(q)
    assert compared, "no text of a document with a kept text was compared"
    assert not translated, "English text in a Swedish document's graph:\n" + "\n".join(map(str, translated[:10]))
    assert not missing, f"{len(missing)} texts not in their document's kept text:\n" + "\n".join(map(str, missing[:10]))


def test_the_datas_own_statements_are_in_no_documents_graph(store: ox.Store, root: Path) -> None:
    own = OWN | _derivations(root)
    notes = {q.subject for q in store.quads_for_pattern(None, RDF.type, SAKRAD.Note, None)}
    assert notes, "the release has no notes"
    wrong = [q for q in _in_documents(store) if q.predicate in own or q.subject in notes]
    assert not wrong, f"{len(wrong)} of the data's own statements in a document's graph:\n" + "\n".join(
        map(str, wrong[:10])
    )
    # and they are in the release, in the dataset's graph
    for p in (DCTERMS.identifier, SCHEMA.position, SAKRAD.note, SAKRAD.derivation):
        assert next(store.quads_for_pattern(None, p, None, ONTOLOGY), None) is not None, p


def _note_triples(minter: Minter, s: ox.NamedNode, notes: list[Note], default: ox.NamedNode) -> Iterator[tuple]:
    for place, note in enumerate(notes, start=1):
        node = minter.part(s, "note", note.n if note.n is not None else place)  # its number, else its place
        yield s, SAKRAD.note, node
        yield node, RDF.type, SAKRAD.Note
        yield node, SCHEMA.text, ox.Literal(" ".join(note.text.sv.split()), language="sv")
        if note.text.en:
            yield node, SCHEMA.text, ox.Literal(" ".join(note.text.en.split()), language="en")
        if note.about:
            yield node, SAKRAD.aboutProperty, _FACT_PROPERTIES[note.about]
        yield node, DCTERMS.source, minter.thing("source", note.source) if note.source else default


def _rdflib(triples: Iterator[tuple]) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data="\n".join(f"{s} {p} {o} ." for s, p, o in triples), format="nt")
    return g


def test_the_notes_are_the_datas_with_the_document_each_is_about(store: ox.Store, corpus: Corpus) -> None:
    """The dataset's graph holds every note of data/ with the document it is about (``dct:source``),
    and nothing else of a note is anywhere."""
    minter = Minter(corpus.config.base_iri)
    expected = []
    for m in corpus.meetings:
        expected += _note_triples(minter, minter.thing("meeting", m.id), m.notes, minter.thing("source", m.source))
    for source in corpus.sources:
        s = minter.thing("source", source.id)
        expected += _note_triples(minter, s, source.notes, s)
    notes = {q.subject for q in store.quads_for_pattern(None, RDF.type, SAKRAD.Note, None)}
    actual = [
        (q.subject, q.predicate, q.object)
        for q in store
        if q.predicate == SAKRAD.note or q.subject in notes
        if q.graph_name == ONTOLOGY
    ]
    everywhere = {(q.subject, q.predicate, q.object) for q in store if q.predicate == SAKRAD.note or q.subject in notes}
    assert everywhere == set(actual)
    assert_isomorphic(_rdflib(iter(expected)), _rdflib(iter(actual)), "the notes in the dataset's graph")


def test_each_notes_document_is_among_the_documents_read(store: ox.Store, release: Path) -> None:
    """A document only a note is about (its graph may hold nothing else) is still one the dataset is
    derived from in the catalogue, not only referred to."""
    catalogue = ox.Store()
    catalogue.bulk_load(path=str(release / "catalog.ttl"), format=ox.RdfFormat.TURTLE)
    dataset = ox.NamedNode("https://w3id.org/sakrad/dataset")
    notes = {q.subject for q in store.quads_for_pattern(None, RDF.type, SAKRAD.Note, None)}
    documents = {q.object for n in notes for q in store.quads_for_pattern(n, DCTERMS.source, None, None)}
    assert documents
    unread = [d for d in documents if ox.Quad(dataset, PROV.wasDerivedFrom, d) not in catalogue]
    assert not unread, unread


def test_a_translation_is_the_datas_and_an_english_pages_words_its_own(
    store: ox.Store, english: frozenset[ox.NamedNode]
) -> None:
    """An English text is in an English document's graph, or in the dataset's; a document's title is in
    its own language in its own graph, any other name of it (a translation) a label in the dataset's."""
    for q in store.quads_for_pattern(None, DCTERMS.title, None, None):
        if q.subject.value.startswith("https://w3id.org/sakrad/id/source/"):
            language = "en" if q.subject in english else "sv"
            assert q.graph_name == q.subject and q.object.language == language, q
    for q in store.quads_for_pattern(None, RDFS.label, None, ONTOLOGY):
        assert not q.subject.value.startswith("https://w3id.org/sakrad/id/meeting/"), q
