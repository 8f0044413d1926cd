"""The further sakråd of ../shared/corpus/meetings.yaml are in the data, fact by fact, partial as they are.

Every meeting with evidence level primary_page or primary_minutes is found by its source page (the
``schema:url`` of its ``dct:source``) in the fixture project's data and compared with meetings.yaml,
as the audit corrected it (tests/corpus/audit.yaml): date and its precision, several meeting days, the
stated count as worded, chair and convener apart, the organisations with one IRI across meetings, and
nothing the corpus leaves unknown.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml
from conftest import FIXTURE_DATA, fixture_project

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import Built, build_graph
from sakrad_ld.project import Project
from sakrad_ld.release import build
from sakrad_ld.sparql.query import evaluate, saved_query
from sakrad_ld.triples import Graph, Term
from sakrad_ld.vocab import DCTERMS, FOAF, LOCN, M8G, ORG, RDF, ROLE, SAKRAD, SCHEMA, SKOS, TIME, XSD

ROOT = Path(__file__).resolve().parents[1]
PRIMARY = ("primary_page", "primary_minutes")
SHP = "https://w3id.org/sakrad/shapes#"


def _corpus() -> list[dict]:
    path = ROOT.parent / "shared" / "corpus" / "meetings.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["meetings"] if path.is_file() else []


AUDIT = yaml.safe_load((Path(__file__).parent / "corpus" / "audit.yaml").read_text(encoding="utf-8"))
CORPUS = [{**m, **AUDIT.get(m["id"], {})} for m in _corpus()]
PRIMARIES = [m for m in CORPUS if m["evidence_level"] in PRIMARY]
#: Meetings whose corpus date has a year the page does not state (the notes quote only the day and month;
#: the year is the page address's): the data marks them derived.
YEAR_FROM_ADDRESS = {
    "a-2020-06-23-mans-vald": "2020-06-23",  # "den 23 juni"
    "sb-2022-02-23-eu-framtidskonferensen-civilsamhalle": "2022-02-23",  # "23 February"
}


@pytest.fixture(scope="module")
def built() -> Built:
    return build_graph(load_corpus(FIXTURE_DATA))


_GRAPHS: dict[int, Graph] = {}


def _graph(built: Built) -> Graph:
    """The built triples as a graph to look things up in by pattern (made once per build)."""
    if id(built) not in _GRAPHS:
        _GRAPHS[id(built)] = Graph(built.triples)
    return _GRAPHS[id(built)]


def _str(term: Term | None) -> str | None:
    """A term's IRI, label or lexical form (None if there is no term)."""
    return None if term is None else term.value


def _meeting(built: Built, entry: dict) -> ox.NamedNode:
    """The data's sakråd whose source page is the corpus entry's source_url."""
    g = _graph(built)
    found = [
        m
        for m in g.subjects(RDF.type, SAKRAD.Sakrad)
        if any(_str(g.value(s, SCHEMA.url)) == entry["source_url"] for s in g.objects(m, DCTERMS.source))
    ]
    assert len(found) == 1, f"{entry['id']}: {len(found)} meetings have its source page"
    return found[0]


def _participants(g: Graph, meeting: ox.NamedNode, role: ox.NamedNode) -> list[Term | None]:
    parts = [p for p in g.objects(meeting, M8G.hasParticipation) if (p, M8G.role, role) in g]
    parts.sort(key=lambda p: int(_str(g.value(p, SCHEMA.position)) or 0))
    return [g.value(p, M8G.hasParticipant) for p in parts]


def _names(g: Graph, agent: Term | None) -> set[str]:
    if agent is None:
        return set()
    return {n.value for p in (SKOS.prefLabel, SKOS.altLabel, FOAF.name) for n in g.objects(agent, p)}


def test_the_corpus_has_its_primary_meetings() -> None:
    assert len(CORPUS) == 14 and len(PRIMARIES) == 10


def test_only_primary_meetings_are_in_the_data(built: Built) -> None:
    g = _graph(built)
    urls = {
        _str(g.value(s, SCHEMA.url)) for m in g.subjects(RDF.type, SAKRAD.Sakrad) for s in g.objects(m, DCTERMS.source)
    }
    for entry in CORPUS:
        assert (entry["source_url"] in urls) == (entry["evidence_level"] in PRIMARY), entry["id"]


@pytest.mark.parametrize("entry", PRIMARIES, ids=lambda e: e["id"])
def test_every_page_of_the_meeting_is_a_source(entry: dict, built: Built) -> None:
    g, m = _graph(built), _meeting(built, entry)
    documents = [*g.objects(m, DCTERMS.source), *g.objects(m, SCHEMA.subjectOf)]  # cited, or only about it
    urls = {_str(g.value(s, SCHEMA.url)) for s in documents}
    assert urls == {entry["source_url"], *entry["source_urls_additional"]}
    assert _str(g.value(m, DCTERMS.title)) == entry["title"]
    if entry["topic"]:
        assert _str(g.value(m, SAKRAD.topic)) == entry["topic"]


@pytest.mark.parametrize("entry", PRIMARIES, ids=lambda e: e["id"])
def test_the_date_has_the_precision_the_source_gives(entry: dict, built: Built) -> None:
    g, m = _graph(built), _meeting(built, entry)
    start = g.value(m, SCHEMA.startDate)
    days = sorted(_str(g.value(g.value(d, TIME.hasTime), TIME.inXSDDate)) for d in g.objects(m, M8G.subEvent))
    derived = entry.get("date_derived") or YEAR_FROM_ADDRESS.get(entry["id"])
    if derived:
        # worked out, not stated: published as derived, saying how, never as the stated date
        assert start is None and g.value(m, TIME.hasTime) is None
        assert _str(g.value(m, SAKRAD.derivedDate)) == derived
        assert g.value(m, SAKRAD.derivation) is not None
        return
    if entry["date"]:
        assert start == ox.Literal(str(entry["date"]), datatype=XSD.date)
        assert _str(g.value(g.value(m, TIME.hasTime), TIME.inXSDDate)) == str(entry["date"])
        assert not days
        return
    # No day is known: no xsd:date, no time:hasTime, unless the page names several meeting days.
    assert not (isinstance(start, ox.Literal) and start.datatype == XSD.date and not days)
    stated = re.search(r"on (\d{1,2}), (\d{1,2}) and (\d{1,2}) (April) (\d{4})", entry["notes"])
    if stated:
        year, month = stated.group(5), "04"
        assert days == [f"{year}-{month}-{int(d):02d}" for d in stated.groups()[:3]]
        assert g.value(m, TIME.hasTime) is None, "the days are not paired with a time of the whole"
        # the first and last day are worked out, not stated: the series has no date of its own
        assert start is None and g.value(m, SCHEMA.endDate) is None
    else:
        assert g.value(m, TIME.hasTime) is None


def test_a_month_precision_date_is_a_year_month(built: Built) -> None:
    """Partial stays partial: a month read from a page's address is a derived year-month, not a date."""
    g = _graph(built)
    months = [o for o in g.objects(None, SAKRAD.derivedDate) if o.datatype == XSD.gYearMonth]
    assert ox.Literal("2017-02", datatype=XSD.gYearMonth) in months
    assert not [o for o in g.objects(None, SCHEMA.startDate) if o.datatype != XSD.date]


@pytest.mark.parametrize("entry", PRIMARIES, ids=lambda e: e["id"])
def test_a_stated_count_keeps_its_words_and_what_it_counts(entry: dict, built: Built) -> None:
    g, m = _graph(built), _meeting(built, entry)
    counts = {p: g.value(m, p) for p in (SAKRAD.invitedOrganisationCount, SAKRAD.participatingOrganisationCount)}
    stated = entry["organisations_stated_count"]
    if not stated:
        assert not any(counts.values())
        return
    words = stated.split(" (")[0]
    # "(invited)" is a count of organisations invited, never of those who took part
    kind = SAKRAD.invitedOrganisationCount if "(invited)" in stated else SAKRAD.participatingOrganisationCount
    other = next(p for p in counts if p != kind)
    assert counts[other] is None
    c = counts[kind]
    assert c is not None and _str(g.value(c, SAKRAD.wording)).startswith(words)
    # "ett trettiotal", "ett 50-tal": an approximate number, said to be approximate
    assert re.search(r"\btal\b|-tal|\w+tal\b", words)
    assert g.value(c, SAKRAD.approximate) == ox.Literal(True)


@pytest.mark.parametrize("entry", PRIMARIES, ids=lambda e: e["id"])
def test_chair_and_convener_are_kept_apart(entry: dict, built: Built) -> None:
    g, m = _graph(built), _meeting(built, entry)
    chairs = _participants(g, m, ROLE.chair)
    conveners = _participants(g, m, ROLE.convener)
    if entry["chair_name"]:
        assert [_str(g.value(c, FOAF.name)) for c in chairs] == [entry["chair_name"]]
        part = next(p for p in g.objects(m, M8G.hasParticipation) if (p, M8G.role, ROLE.chair) in g)
        post = g.value(part, SAKRAD.inCapacityOf)
        assert _str(g.value(post, SKOS.prefLabel)).lower() == entry["chair_title"].lower()
    else:
        assert not chairs
    if entry["convened_by"]:
        assert conveners
        for c in conveners:
            assert any(name in entry["convened_by"] for name in _names(g, c)), (c, entry["convened_by"])
        stated_names = re.findall(r"[A-ZÅÄÖ][a-zåäöé]+(?: [A-ZÅÄÖ][a-zåäöé]+)+|Regeringskansliet", entry["convened_by"])
        assert {n for n in stated_names} <= {n for c in conveners for n in _names(g, c)}
    else:
        assert not conveners
    if entry["chair_name"] and entry["convened_by"] and entry["chair_name"] in entry["convened_by"]:
        chair_parts = {p for p in g.objects(m, M8G.hasParticipation) if (p, M8G.role, ROLE.chair) in g}
        convener_parts = {p for p in g.objects(m, M8G.hasParticipation) if (p, M8G.role, ROLE.convener) in g}
        assert chair_parts and convener_parts and not chair_parts & convener_parts


@pytest.mark.parametrize("entry", PRIMARIES, ids=lambda e: e["id"])
def test_organiser_place_and_questions_as_stated(entry: dict, built: Built) -> None:
    g, m = _graph(built), _meeting(built, entry)
    organiser = g.value(m, SCHEMA.organizer)
    if entry["unit"]:
        assert _str(g.value(organiser, SKOS.prefLabel)) == entry["unit"]
        assert _str(g.value(g.value(organiser, ORG.subOrganizationOf), SKOS.prefLabel)) == entry["department"]
    elif entry["department"]:
        assert _str(g.value(organiser, SKOS.prefLabel)) == entry["department"]
    else:
        assert organiser is None
    place = g.value(m, DCTERMS.spatial)
    assert (_str(g.value(place, LOCN.geographicName)) if place else None) == entry["place"]
    questions = sorted(g.objects(m, SAKRAD.question), key=lambda q: int(_str(g.value(q, SCHEMA.position)) or 0))
    assert len(questions) == len(entry["questions"])
    for q, text in zip(questions, entry["questions"], strict=True):
        # word for word up to where meetings.yaml joins the next sentence in parentheses
        assert (
            " ".join(text.split()).startswith(_str(g.value(q, SCHEMA.text))) and len(_str(g.value(q, SCHEMA.text))) > 40
        )


@pytest.mark.parametrize("entry", PRIMARIES, ids=lambda e: e["id"])
def test_the_organisations_are_listed_in_order(entry: dict, built: Built) -> None:
    g, m = _graph(built), _meeting(built, entry)
    listed = _participants(g, m, ROLE.participatingOrganisation)
    assert len(listed) == len(entry["participating_organisations"])
    for org, name in zip(listed, entry["participating_organisations"], strict=True):
        assert name in _names(g, org), (name, org)
    assert int(_str(g.value(m, SAKRAD.listedOrganisationCount)) or 0) == len(listed)


def test_one_organisation_is_one_resource_across_meetings(built: Built) -> None:
    g = _graph(built)
    by_name: dict[str, set[Term]] = {}
    for org in g.subjects(RDF.type, ORG.Organization):
        for name in _names(g, org):
            by_name.setdefault(name, set()).add(org)
    assert all(len(orgs) == 1 for orgs in by_name.values()), {n: o for n, o in by_name.items() if len(o) > 1}
    # RFSL is named "RFSL" in 2017 and by its full name in 2022: one IRI, both names as labels
    meetings = {e["id"]: _meeting(built, e) for e in PRIMARIES}
    first = _participants(g, meetings["ku-ju-2017-03-14-rasism-uppstart"], ROLE.participatingOrganisation)
    later = _participants(g, meetings["ku-2022-12-13-demokrativillkor"], ROLE.participatingOrganisation)
    rfsl = by_name["RFSL"].pop()
    assert rfsl in first and rfsl in later
    assert ox.Literal("RFSL", language="sv") in set(g.objects(rfsl, SKOS.altLabel))


def test_the_saved_query_lists_the_organisations_of_more_than_one_sakrad(built: Built, shared: Path) -> None:
    """Expected from the sources: the seed documentation's list and the corpus pages' lists, by name."""
    g = _graph(built)
    seed = load_corpus(FIXTURE_DATA).meetings
    seed_names = [o for m in seed if m.id == "2017-12-12-integration" for o in m.organisations]
    lists = [[n for n in e["participating_organisations"]] for e in PRIMARIES]
    label_of = {name: org for org in g.subjects(RDF.type, ORG.Organization) for name in _names(g, org)}
    seed_text = (shared / "sources" / "sakrad-2017-12-12-integration.txt").read_text(encoding="utf-8")
    seed_orgs = {built.minter.thing("organisation", o) for o in seed_names}
    assert all(any(n in seed_text for n in _names(g, o)) for o in seed_orgs)
    counts: dict[Term, int] = {o: 1 for o in seed_orgs}
    for names in lists:
        for org in {label_of[n] for n in names}:
            counts[org] = counts.get(org, 0) + 1
    expected = {o for o, n in counts.items() if n > 1}
    store = ox.Store()
    store.extend(ox.Quad(*triple) for triple in g)
    answer = evaluate(store, saved_query("recurring-organisations").text)
    found = {row[0] for row in answer.rows}
    assert found == expected and len(expected) == 6
    assert {_str(g.value(o, SKOS.prefLabel)) for o in expected} >= {"Rädda Barnen", "Svenska Röda Korset"}


def test_partial_meetings_conform_and_their_partiality_is_information(built: Built, tmp_path: Path) -> None:
    _, _, report = build(Project.at(fixture_project(tmp_path / "project")))
    assert report.conforms, report.text("en")
    mr = built.minter.thing("meeting", "2018-02-mr-institution").value
    told = {f.shape for f in report.findings if f.focus == mr and f.severity == "Info"}
    assert {SHP + "Sakrad-date-missing", SHP + "Sakrad-chair-missing"} <= told
    assert not [f for f in report.findings if f.focus == mr and f.severity == "Warning"]
