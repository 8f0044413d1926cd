"""Discussion areas a document only announces before the sakråd ("Vid sakrådet kommer … att diskuteras",
"Vi kommer också att diskutera") are announced areas (``announced_discussion_areas``), published as
sakrad:announcedDiscussionArea, which is not a subproperty of sakrad:discussionArea: loading refuses
them as a held meeting's ``discussion_areas``, and every area of a sakråd marked ``announced_only`` is
announced. The graph credits them to their source, discussion-areas.csv marks their kind, and the
meeting's page says they were announced before the sakråd."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, change, load_messages

from sakrad_ld import stated
from sakrad_ld.corpus import load_corpus
from sakrad_ld.stated import folded_text

SAKRAD = "https://w3id.org/sakrad/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS_SUB = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subPropertyOf")
MEETING = "2022-12-09-cerd-ungdomsorganisationer"
MEETING_FILE = f"data/meetings/{MEETING}.yaml"
PAGE_SOURCE = "https://w3id.org/sakrad/id/source/regeringen-2022-11-sakrad-infor-rapportering-till-fns"


def _discussion(sentence: str) -> str | None:
    folded = folded_text(sentence)
    return stated.discussion("skolans roll", folded, folded.replace("\x00", " "), years=frozenset({"2024"}))


@pytest.mark.parametrize(
    ("sentence", "how"),
    [
        ("Vid sakrådet kommer skolans roll att diskuteras.", "planned"),
        ("Vid sakrådet kommer följande sakområden att diskuteras: skolans roll och annat.", "planned"),
        ("Vi kommer också att diskutera skolans roll.", "planned"),
        ("Skolans roll ska diskuteras vid sakrådet.", "planned"),
        ("Skolans roll planeras diskuteras under eftermiddagen.", "planned"),
        ("Vid sakrådet kommer följande att diskuteras:\n\n- skolans roll\n- annat\n", "planned"),
        ("Under sakrådet diskuterades skolans roll.", "said"),
        ("Organisationerna diskuterade hur skolans roll ska stärkas.", "said"),
        ("Skolans roll lyftes av flera organisationer.", "said"),
        ("Diskussionsområden:\n\n- skolans roll\n- annat\n", "said"),
        ("Sakrådet kommer att handla om skolan. Skolans roll diskuterades.", "said"),
        ("Organisationerna ville diskutera skolans roll, men det hanns inte med.", None),
        ("Skolans roll kommer inte att diskuteras.", None),
        ("Skolans roll diskuterades inte.", None),
    ],
)  # fmt: skip
def test_a_sentence_announcing_an_area_is_told_from_one_saying_it_was_discussed(sentence: str, how: str) -> None:
    assert _discussion(sentence) == how
    folded = folded_text(sentence)
    # either way it is a sentence of discussing, as before
    assert stated._discussed("skolans roll", folded, folded.replace("\x00", " ")) is (how is not None)


def test_the_data_loads_with_the_announced_areas_apart() -> None:
    corpus = load_corpus(ROOT / "data")
    meetings = {m.id: m for m in corpus.meetings}
    held = meetings[MEETING]
    assert not held.announced_only and not held.discussion_areas
    assert [a.sv for a in held.announced_discussion_areas][1] == "olika former av rasism"
    assert len(held.announced_discussion_areas) == 4
    assert all(not m.discussion_areas for m in corpus.meetings if m.announced_only)


def test_a_held_meetings_area_only_announced_is_refused_saying_to_record_it_as_announced(
    project_copy: Path,
) -> None:
    line = change(project_copy / MEETING_FILE, "announced_discussion_areas:", "discussion_areas:")
    messages = [m for m in load_messages(project_copy) if "discussion_areas[" in m]
    assert len(messages) == 4, messages
    first = messages[0]
    assert f"{MEETING}.yaml:{line + 1}: discussion_areas[0]" in first
    assert "kommer att diskuteras" in first and "record it in announced_discussion_areas" in first


def test_an_area_the_text_says_was_discussed_is_not_accepted_as_only_announced_nor_refused(
    project_copy: Path,
) -> None:
    kept = project_copy / "data/sources/regeringen-2022-11-sakrad-infor-rapportering-till-fns.md"
    change(kept, "Vi kommer också att diskutera", "Vid sakrådet diskuterades också")
    change(project_copy / MEETING_FILE, "announced_discussion_areas:", "discussion_areas:")
    messages = [m for m in load_messages(project_copy) if "discussion_areas[" in m]
    # the fourth area now stands in a sentence saying it was discussed; the other three are still announced
    assert len(messages) == 3 and not any("discussion_areas[3]" in m for m in messages), messages


def test_an_announced_area_the_text_does_not_give_is_refused(project_copy: Path) -> None:
    change(project_copy / MEETING_FILE, "  - olika former av rasism", "  - olika former av antisemitism")
    messages = [m for m in load_messages(project_copy) if "announced_discussion_areas[1]" in m]
    assert len(messages) == 1 and "the announced discussion area 'olika former av antisemitism'" in messages[0]


def test_an_announced_only_meetings_areas_are_announced(project_copy: Path) -> None:
    path = project_copy / "data/meetings/2019-04-29-cerd-rekommendationer.yaml"
    line = change(path, "announced_discussion_areas:", "discussion_areas:")
    messages = [m for m in load_messages(project_copy) if "discussion_areas[" in m]
    assert len(messages) == 3, messages
    assert f"2019-04-29-cerd-rekommendationer.yaml:{line + 1}: discussion_areas[0]" in messages[0]
    assert "announced_only" in messages[0] and "announced_discussion_areas" in messages[0]


def _store(release: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(release / "sakrad.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def test_the_graph_publishes_them_as_announced_credited_to_the_page(release: Path) -> None:
    store = _store(release)
    meeting = ox.NamedNode(f"https://w3id.org/sakrad/id/meeting/{MEETING}")
    announced = list(store.quads_for_pattern(meeting, ox.NamedNode(SAKRAD + "announcedDiscussionArea"), None))
    assert len(announced) == 4
    assert not list(store.quads_for_pattern(meeting, ox.NamedNode(SAKRAD + "discussionArea"), None))
    for quad in announced:
        area = quad.object
        assert ox.NamedNode(SAKRAD + "DiscussionArea") in [
            q.object for q in store.quads_for_pattern(area, ox.NamedNode(RDF_TYPE), None)
        ]
        sources = [q for q in store.quads_for_pattern(area, ox.NamedNode(DCT + "source"), None)]
        assert [(q.object.value, q.graph_name.value) for q in sources] == [(PAGE_SOURCE, PAGE_SOURCE)]


def test_the_ontology_does_not_make_an_announced_area_a_discussed_one() -> None:
    ontology = ox.Store()
    ontology.bulk_load(path=str(ROOT / "ontology" / "sakrad.ttl"), format=ox.RdfFormat.TURTLE)
    prop = ox.NamedNode(SAKRAD + "announcedDiscussionArea")
    supers = {q.object for q in ontology.quads_for_pattern(prop, RDFS_SUB, None)}
    assert ox.NamedNode(SAKRAD + "discussionArea") not in supers and supers
    labels = {q.object.language for q in ontology.quads_for_pattern(prop, ox.NamedNode(SKOS + "definition"), None)}
    assert labels == {"sv", "en"}


def test_the_table_marks_each_areas_kind(release: Path) -> None:
    with (release / "tables" / "discussion-areas.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    kinds = {row["kind"] for row in rows if row["meeting_id"] == MEETING}
    assert kinds == {"announced"}
    assert all(row["property_iri"] == SAKRAD + "announcedDiscussionArea" for row in rows if row["kind"] == "announced")
    assert any(row["kind"] == "discussed" for row in rows)
    assert all(row["property_iri"] == SAKRAD + "discussionArea" for row in rows if row["kind"] == "discussed")


def test_the_table_from_memory_is_the_tables_query(release: Path) -> None:
    from sakrad_ld.tables import TABLES, _query, rows
    from sakrad_ld.tables.solutions import solutions
    from sakrad_ld.triples import Index

    triples = [(q.subject, q.predicate, q.object) for q in ox.parse(path=release / "sakrad.nt")]
    store = ox.Store()
    store.extend(ox.Quad(*t) for t in triples)
    table = next(t for t in TABLES if t.name == "discussion-areas")
    id_base = "https://w3id.org/sakrad/id/"
    from_query = rows(table, _query(store, table, id_base))
    assert rows(table, solutions(Index(triples), table, id_base)) == from_query
    assert len(from_query) > 4


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (f"/doc/meeting/{MEETING}.html", "aviserade före sakrådet"),
        (f"/en/doc/meeting/{MEETING}.html", "announced before the sakråd"),
    ],
)
def test_the_meeting_page_says_they_were_announced_before_the_sakrad(release: Path, path: str, words: str) -> None:
    page = subprocess.run(
        [sys.executable, "-m", "sakrad_ld", "serve", "--release", str(release), "--get", path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    at = page.index(words)
    assert "olika former av rasism" in page[at : at + 2000]
    assert "<dt>Diskussionsområden</dt>" not in page and "<dt>Discussion areas</dt>" not in page
