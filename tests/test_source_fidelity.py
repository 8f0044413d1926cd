"""Sources as their documents are: a source's dct:title is its own title (the listing's title, word for
word), a record whose title is not known has no dct:title but a label of the data's own
(rdfs:label), and that an unread document is about a meeting is said in the graph of the page that
lists it, not in the graph of the unread document."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from sakrad_ld.vocab import DCTERMS, RDFS, SCHEMA, SKOS

FIXTURE = Path(__file__).parent / "fixtures" / "project" / "data"
SOURCES = yaml.safe_load((FIXTURE / "sources.yaml").read_text(encoding="utf-8"))["sources"]
SOURCE = "https://w3id.org/sakrad/id/source/"
#: the data's own words for what a document is, never part of a document's title
OWN_WORDS = ("Sakrådssida:", "Pressmeddelande om", "Artikel om", "Inbjudan till sakråd:", "Sida om", "Nyhet om")


@pytest.fixture(scope="module")
def quads(fixture_release: Path) -> list[ox.Quad]:
    return list(ox.parse(path=str(fixture_release / "sakrad.nq")))


def test_no_title_is_the_datas_description(shared: Path) -> None:
    titled = [s for s in SOURCES if s.get("title")]
    assert titled and all(not s["title"]["sv"].startswith(OWN_WORDS) for s in titled)
    assert all(bool(s.get("title")) != bool(s.get("label")) for s in SOURCES)  # exactly one of the two


def test_a_listed_page_has_its_listing_title(shared: Path) -> None:
    listed = {
        "https://www.regeringen.se" + e["url"]: " ".join(e["title"].split())
        for e in json.loads((shared / "regeringen" / "listing.json").read_text(encoding="utf-8"))
        if e.get("title")
    }
    checked = 0
    for s in SOURCES:
        if s.get("url") in listed:
            assert s.get("title"), f"{s['id']}: the listing gives its title"
            assert " ".join(s["title"]["sv"].split()) == listed[s["url"]], s["id"]
            checked += 1
    assert checked


def test_a_source_without_known_title_has_a_label_and_no_title(quads: list[ox.Quad]) -> None:
    labelled = [s["id"] for s in SOURCES if s.get("label")]
    assert labelled
    for id in labelled:
        node = ox.NamedNode(SOURCE + id)
        said = {(q.predicate, q.object) for q in quads if q.subject == node}
        assert not [o for p, o in said if p == DCTERMS.title], id
        assert [o for p, o in said if p == RDFS.label and o.language == "sv"], id


def test_subject_of_is_said_by_the_meetings_main_source(quads: list[ox.Quad]) -> None:
    about = [q for q in quads if q.predicate == SCHEMA.subjectOf]
    assert about
    main = {(q.subject, q.object) for q in quads if q.predicate == DCTERMS.source}
    for q in about:
        assert q.graph_name != q.object, f"{q.subject} subjectOf {q.object} is put in the unread document's graph"
        assert (q.subject, q.graph_name) in main, f"{q}: not in the graph of a source of the meeting"


MEETING = "https://w3id.org/sakrad/id/meeting/"
SAKRAD = "https://w3id.org/sakrad/ontology#"


def _said(quads: list[ox.Quad], meeting: str, prop: str) -> list[str]:
    node, p = ox.NamedNode(MEETING + meeting), ox.NamedNode(SAKRAD + prop)
    return [q.object.value for q in quads if q.subject == node and q.predicate == p]


@pytest.mark.parametrize(
    ("meeting", "words"),
    [
        ("2024-11-04-social-klimatplan", "att presenteras kort"),  # announced presentations
        ("2025-05-22-cerd-handlingsplan", "Vid mötet gavs information om"),  # information given
        ("2019-03-05-eu-europa-2020", "presenterades också bland annat en lägesrapport"),
    ],
)
def test_what_was_presented_is_a_presentation_not_a_discussion_area(
    quads: list[ox.Quad], meeting: str, words: str
) -> None:
    assert [d for d in _said(quads, meeting, "presentationsDescription") if words in " ".join(d.split())]
    areas = _said(quads, meeting, "discussionArea")
    assert not [a for a in areas if "lägesrapport" in a or "regelverk" in a or "handlingsplan" in a]
    assert not _said(quads, meeting, "statedPresentationCount")  # no page gives a number


def test_the_topics_participants_raised_are_recorded() -> None:
    m = yaml.safe_load((FIXTURE / "meetings" / "2019-03-05-eu-europa-2020.yaml").read_text(encoding="utf-8"))
    areas = [a if isinstance(a, str) else a["sv"] for a in m["discussion_areas"]]
    assert areas == ["folkbildning", "inkludering av personer med funktionsnedsättning", "innovation", "idrott"]


def test_a_registration_contact_says_so(quads: list[ox.Quad]) -> None:
    """The page: "Anmälan om deltagande och frågor om detta görs ... till Michael Broberg"."""
    contact = ox.NamedNode(MEETING + "2024-11-04-social-klimatplan/contact-point")
    purposes = [q.object for q in quads if q.subject == contact and q.predicate == SKOS.prefLabel]
    assert [p.value for p in purposes if p.language == "sv"] == ["anmälan om deltagande och frågor om detta"]


@pytest.mark.parametrize("meeting", ["2018-02-mr-institution", "2024-04-eu-industripolitik"])
def test_an_id_with_a_month_says_the_month_is_no_date(meeting: str) -> None:
    m = yaml.safe_load((FIXTURE / "meetings" / f"{meeting}.yaml").read_text(encoding="utf-8"))
    assert "date" not in m and meeting[:7] in m["id"]  # the id is permanent and keeps its month
    assert [n for n in m["notes"] if n.get("about") == "date" and "identifieraren" in n["text"]["sv"]]


def test_a_note_gives_no_month_for_a_source_without_a_publication_date(root: Path) -> None:
    """A month read from a page's address is not the page's date (a press release 'i november 2025')."""
    sources = yaml.safe_load((root / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    undated = {s["id"] for s in sources if not s.get("published")}
    months = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    pattern = re.compile(rf"^(ett|en) \w+ (i|från) ({months}) \d{{4}}", re.IGNORECASE)
    for path in sorted((root / "data" / "meetings").glob("*.yaml")):
        for note in yaml.safe_load(path.read_text(encoding="utf-8")).get("notes", []):
            if note.get("source") in undated:
                assert not pattern.match(" ".join(note["text"]["sv"].split())), f"{path.name}: {note['text']['sv']}"


ONTOLOGY = ox.NamedNode("https://w3id.org/sakrad/ontology")


def test_a_documents_title_is_in_its_own_language_and_the_datas_names_are_the_datas(quads: list[ox.Quad]) -> None:
    """An English document's dct:title is its English title, in its own graph; the data's Swedish
    translation of it, and a description where the title is not known, are labels in the dataset's
    graph (the document does not say them)."""
    english = [s for s in SOURCES if s.get("language") == "en" and s.get("title")]
    assert english
    for record in english:
        node = ox.NamedNode(SOURCE + record["id"])
        titles = [q for q in quads if q.subject == node and q.predicate == DCTERMS.title]
        assert [(q.object.value, q.object.language, q.graph_name) for q in titles] == [
            (" ".join(record["title"]["en"].split()), "en", node)
        ], record["id"]
        translated = [q for q in quads if q.subject == node and q.predicate == RDFS.label]
        assert [(q.object.language, q.graph_name) for q in translated] == [("sv", ONTOLOGY)], record["id"]
    for record in (s for s in SOURCES if s.get("label")):
        node = ox.NamedNode(SOURCE + record["id"])
        labels = [q for q in quads if q.subject == node and q.predicate == RDFS.label]
        assert labels and {q.graph_name for q in labels} == {ONTOLOGY}, record["id"]


def test_the_dataset_is_derived_only_from_documents_a_fact_is_credited_to(
    quads: list[ox.Quad], fixture_release: Path
) -> None:
    """A document whose graph holds no fact about anything but itself (a meeting's attached minutes,
    named by the page that attaches them) is referred to by the dataset, not one it was derived from."""
    from sakrad_ld.vocab import PROV

    catalogue = list(ox.parse(path=str(fixture_release / "catalog.ttl")))
    dataset = ox.NamedNode("https://w3id.org/sakrad/dataset")
    derived = {t.object for t in catalogue if t.subject == dataset and t.predicate == PROV.wasDerivedFrom}
    referred = {t.object for t in catalogue if t.subject == dataset and t.predicate == DCTERMS.references}
    read = {q.graph_name for q in quads if q.subject != q.graph_name}
    documents = {ox.NamedNode(SOURCE + s["id"]) for s in SOURCES}
    assert referred and not referred & derived
    assert referred == documents - read, referred ^ (documents - read)
    assert documents & read <= derived
