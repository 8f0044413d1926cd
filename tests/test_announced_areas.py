"""Discussion areas a document only announces before the sakråd ("Vid sakrådet kommer … att diskuteras",
"Vi kommer också att diskutera") are announced areas (``announced_discussion_areas``), published as
sakrad:announcedDiscussionArea, which is not a subproperty of sakrad:discussionArea: loading refuses
them as a held meeting's ``discussion_areas``, and every area of a sakråd marked ``announced_only`` is
announced. The graph credits them to their source, discussion-areas.csv marks their kind, and the
meeting's page says they were announced before the sakråd. The examples are a sakråd written into a copy
of the frozen fixture project (:func:`write_example`), not a meeting of data/."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, change, fixture_project, load_messages

from sakrad_ld import stated
from sakrad_ld.corpus import load_corpus
from sakrad_ld.stated import folded_text

SAKRAD = "https://w3id.org/sakrad/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS_SUB = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subPropertyOf")

#: The example: a sakråd held on 3 March 2020 whose page announces four areas before it, and an article
#: published after it that says it was held and nothing of what was discussed. It is written into a
#: copy of the frozen fixture project, so no test here depends on what data/ holds.
MEETING = "2020-03-03-exempel-skolan"
MEETING_FILE = f"data/meetings/{MEETING}.yaml"
PAGE = "exempel-2020-02-sakrad-om-skolan"
PAGE_SOURCE = f"https://w3id.org/sakrad/id/source/{PAGE}"
AREAS = ["skolans roll", "lärarnas villkor", "elevhälsan", "läromedel"]

_PAGE_TEXT = """# Sakråd om skolan

Den 3 mars 2020 bjuder Regeringskansliet in till sakråd om skolan.

Vid sakrådet kommer följande sakområden att diskuteras: skolans roll, lärarnas villkor och elevhälsan.
Vi kommer också att diskutera läromedel.
"""

_ARTICLE_TEXT = """# Sakråd om skolan hölls

Den 3 mars 2020 höll Regeringskansliet ett sakråd om skolan.
"""

_SOURCES = f"""
  - id: {PAGE}
    kind: web-page
    title:
      sv: Sakråd om skolan
    url: https://www.regeringen.se/sakrad/2020/02/exempel-sakrad-om-skolan/
    file: sources/{PAGE}.md
    publisher: regeringskansliet
    published: 2020-02-20

  - id: exempel-2020-03-sakrad-om-skolan-holls
    kind: article
    title:
      sv: Sakråd om skolan hölls
    url: https://www.regeringen.se/artiklar/2020/03/exempel-sakrad-om-skolan-holls/
    file: sources/exempel-2020-03-sakrad-om-skolan-holls.md
    publisher: regeringskansliet
    published: 2020-03-05
"""


def write_example(project: Path, *, held: bool = True) -> Path:
    """``project`` with the example sakråd (:data:`MEETING`), its page and, if ``held``, the article
    that says it was held; without it the sakråd is ``announced_only``."""
    data = project / "data"
    (data / "sources" / f"{PAGE}.md").write_text(_PAGE_TEXT, encoding="utf-8")
    (data / "sources" / "exempel-2020-03-sakrad-om-skolan-holls.md").write_text(_ARTICLE_TEXT, encoding="utf-8")
    with (data / "sources.yaml").open("a", encoding="utf-8") as f:
        f.write(_SOURCES)
    areas = "".join(f"  - {a}\n" for a in AREAS)
    heard = "sources: [exempel-2020-03-sakrad-om-skolan-holls]\n" if held else "announced_only: true\n"
    (project / MEETING_FILE).write_text(
        f"id: {MEETING}\nsource: {PAGE}\n{heard}title:\n  sv: Sakråd om skolan\ndate: 2020-03-03\n"
        f"conveners:\n  - body: regeringskansliet\nannounced_discussion_areas:\n{areas}",
        encoding="utf-8",
    )
    return project


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the fixture project with the example sakråd, to change in a test."""
    return write_example(fixture_project(tmp_path / "project"))


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release of the fixture project with the example sakråd."""
    from sakrad_ld.project import Project
    from sakrad_ld.release import write_release

    project = write_example(fixture_project(tmp_path_factory.mktemp("announced") / "project"))
    result = write_release(Project.at(project), project / "dist")
    assert result.out is not None, result.report.text("en")
    return result.out


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
    """Of every sakråd of data/ (whichever they are): an announced_only one has no discussed areas."""
    corpus = load_corpus(ROOT / "data")
    assert all(not m.discussion_areas for m in corpus.meetings if m.announced_only)


def test_the_example_loads_with_its_areas_announced(example: Path) -> None:
    held = next(m for m in load_corpus(example / "data").meetings if m.id == MEETING)
    assert not held.announced_only and not held.discussion_areas
    assert [a.sv for a in held.announced_discussion_areas] == AREAS


def test_a_held_meetings_area_only_announced_is_refused_saying_to_record_it_as_announced(example: Path) -> None:
    line = change(example / MEETING_FILE, "announced_discussion_areas:", "discussion_areas:")
    messages = [m for m in load_messages(example) if "discussion_areas[" in m]
    assert len(messages) == 4, messages
    first = messages[0]
    assert f"{MEETING}.yaml:{line + 1}: discussion_areas[0]" in first
    assert "kommer att diskuteras" in first and "record it in announced_discussion_areas" in first


def test_an_area_the_text_says_was_discussed_is_not_accepted_as_only_announced_nor_refused(example: Path) -> None:
    change(example / f"data/sources/{PAGE}.md", "Vi kommer också att diskutera", "Vid sakrådet diskuterades också")
    change(example / MEETING_FILE, "announced_discussion_areas:", "discussion_areas:")
    messages = [m for m in load_messages(example) if "discussion_areas[" in m]
    # the fourth area now stands in a sentence saying it was discussed; the other three are still announced
    assert len(messages) == 3 and not any("discussion_areas[3]" in m for m in messages), messages


def test_an_announced_area_the_text_does_not_give_is_refused(example: Path) -> None:
    change(example / MEETING_FILE, "  - lärarnas villkor", "  - lärarnas löner")
    messages = [m for m in load_messages(example) if "announced_discussion_areas[1]" in m]
    assert len(messages) == 1 and "the announced discussion area 'lärarnas löner'" in messages[0]


def test_an_announced_only_meetings_areas_are_announced(tmp_path: Path) -> None:
    project = write_example(fixture_project(tmp_path / "project"), held=False)
    assert not load_messages(project)
    line = change(project / MEETING_FILE, "announced_discussion_areas:", "discussion_areas:")
    # beside the refusal of each area the page only announces (as of a held sakråd's, above)
    messages = [m for m in load_messages(project) if "discussion_areas[" in m and "marked announced_only" in m]
    assert len(messages) == 4, messages
    assert f"{MEETING}.yaml:{line + 1}: discussion_areas[0]" in messages[0]
    assert "announced_discussion_areas" in messages[0]


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
    ours = sorted(
        (int(r["position"]), r["kind"], r["text_sv"], r["source_iri"]) for r in rows if r["meeting_id"] == MEETING
    )
    assert ours == [(n, "announced", a, PAGE_SOURCE) for n, a in enumerate(AREAS, 1)]
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
    assert all(area in page[at : at + 2000] for area in AREAS)
    assert "<dt>Diskussionsområden</dt>" not in page and "<dt>Discussion areas</dt>" not in page
