"""JSON-LD a plain ``json.load`` reader can use (docs/jsonld.md), checked against the graph for every
resource of the release, not a few examples:

* an organisation's, a person's and a body's document says which sakråd it took part in and in
  what role: each participation embedded under ``participates`` with its ``role`` and its
  ``meeting`` (id, title, titleDerivation, date or derived date, a series' days, announcedOnly), the
  same statements in its Turtle;
* a meeting document gives each source's ``url`` and ``archivedAt`` as the graph has them;
* every ``type`` value is a word of the context, and a value object with a datatype is a derived
  date only (stated dates, ``attestedOn`` among them, are strings);
* the whole graph and a CONSTRUCT/DESCRIBE answer write ``type`` as a list (the context's ``@set``)
  and each resource out once.

Before: a participation in an organisation's document was ``{"id"}`` under ``participates`` and
``{"type", "source"}`` in ``included``, with no role and no meeting; a source's kept copy was left
out of meeting documents; ``attestedOn`` was ``{"@value", "@type": "xsd:date"}``;
``sakrad:VerificationStatus`` was a prefixed name in ``type``; an answer's ``type`` was a string; a
series' days were written out twice in ``sakrad.jsonld``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from sakrad_ld.documents import document_bytes, document_triples
from sakrad_ld.formats import FORMATS
from sakrad_ld.jsonld import _terms, context_document

JSONLD = next(f for f in FORMATS if f.name == "jsonld")
TURTLE = next(f for f in FORMATS if f.name == "turtle")
M8G = "http://data.europa.eu/m8g/"
SCHEMA = "https://schema.org/"
SAKRAD = "https://w3id.org/sakrad/ontology#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
TITLE = ox.NamedNode("http://purl.org/dc/terms/title")


@pytest.fixture(scope="module")
def store(release: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(release / "sakrad.nt"), format=ox.RdfFormat.N_TRIPLES)
    return store


def _objects(store: ox.Store, s: ox.NamedNode, p: str) -> list[ox.Term]:
    return [q.object for q in store.quads_for_pattern(s, ox.NamedNode(p), None)]


def _langmap(store: ox.Store, s: ox.NamedNode, p: ox.NamedNode) -> dict[str, str]:
    return {o.language: o.value for o in _objects(store, s, p.value)}  # type: ignore[union-attr]


def _nodes(value: Any, found: dict[str, dict]) -> dict[str, dict]:
    if isinstance(value, dict):
        if "id" in value and len(value) > 1:
            found[value["id"]] = value
        for key, item in value.items():
            if key != "@context":
                _nodes(item, found)
    elif isinstance(value, list):
        for item in value:
            _nodes(item, found)
    return found


def _participants(store: ox.Store) -> list[ox.NamedNode]:
    return sorted({q.subject for q in store.quads_for_pattern(None, ox.NamedNode(M8G + "participates"), None)}, key=str)  # type: ignore[misc]


def test_every_participant_s_document_gives_each_participation_s_role_and_meeting(store: ox.Store) -> None:
    participants = _participants(store)
    assert participants
    role_terms = _terms().classes
    problems: list[str] = []
    checked = Counter()
    for thing in participants:
        triples = document_triples(store, thing.value)
        doc = json.loads(document_bytes(triples, JSONLD, thing.value))
        turtle = {
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(document_bytes(triples, TURTLE, thing.value), format=ox.RdfFormat.TURTLE)
        }
        by_id = _nodes(doc, {})
        links = doc.get("participates", [])
        expected = sorted(o.value for o in _objects(store, thing, M8G + "participates"))
        if sorted(link["id"] for link in links) != expected:
            problems.append(f"{thing.value}: participates {links} is not {expected}")
        for link in links:
            p = ox.NamedNode(link["id"])
            if len(link) == 1:  # written out where it is linked, nearest the subject, not a stub
                problems.append(f"{thing.value}: {p.value} is a stub under participates")
                continue
            (role,) = _objects(store, p, M8G + "role")
            if link.get("role") != role_terms[role.value]:
                problems.append(f"{p.value}: role {link.get('role')!r}, the graph says {role.value}")
            (meeting,) = [q.subject for q in store.quads_for_pattern(None, ox.NamedNode(M8G + "hasParticipation"), p)]
            if ox.Triple(meeting, ox.NamedNode(M8G + "hasParticipation"), p) not in turtle:  # type: ignore[arg-type]
                problems.append(f"{thing.value}: the Turtle lacks the meeting of {p.value}")
            got = by_id.get(link.get("meeting", {}).get("id"))
            if got is None or got["id"] != meeting.value:  # type: ignore[union-attr]
                problems.append(f"{p.value}: meeting {link.get('meeting')}, the graph says {meeting}")
                continue
            checked["meetings"] += 1
            problems.extend(f"{p.value}: {problem}" for problem in _meeting_problems(store, meeting, got))  # type: ignore[arg-type]
    assert not problems, "\n".join(problems[:20])
    assert checked["meetings"]


def _meeting_problems(store: ox.Store, meeting: ox.NamedNode, got: dict) -> list[str]:
    problems = []
    if got.get("title") != _langmap(store, meeting, TITLE):
        problems.append(f"title {got.get('title')}")
    if got.get("titleDerivation", {}) != _langmap(store, meeting, ox.NamedNode(SAKRAD + "titleDerivation")):
        problems.append(f"titleDerivation {got.get('titleDerivation')}")
    stated = [o.value for o in _objects(store, meeting, SCHEMA + "startDate")]
    if ([got["date"]] if "date" in got else []) != stated:
        problems.append(f"date {got.get('date')} is not {stated}")
    derived = [o.value for o in _objects(store, meeting, SAKRAD + "derivedDate")]
    if ([got["derivedDate"]["@value"]] if "derivedDate" in got else []) != derived:
        problems.append(f"derivedDate {got.get('derivedDate')} is not {derived}")
    if derived and not got.get("derivation"):
        problems.append("a derived date without its derivation")
    days = sorted(
        o.value
        for day in _objects(store, meeting, SCHEMA + "subEvent")
        for o in _objects(store, day, SCHEMA + "startDate")  # type: ignore[arg-type]
    )
    if sorted(day.get("date") for day in got.get("schemaSubEvents", [])) != days:
        problems.append(f"days {got.get('schemaSubEvents')} are not {days}")
    announced = [o.value == "true" for o in _objects(store, meeting, SAKRAD + "announcedOnly")]
    if ([got["announcedOnly"]] if "announcedOnly" in got else []) != announced:
        problems.append(f"announcedOnly {got.get('announcedOnly')} is not {announced}")
    return problems


def test_a_meeting_document_gives_each_source_s_addresses(release: Path, store: ox.Store) -> None:
    """A source's ``url`` and ``archivedAt`` (the kept copy), where the graph has them, wherever the
    document writes the source out (the seed meeting's documentation has only ``archivedAt``)."""
    problems: list[str] = []
    archived = 0
    for file in sorted((release / "meetings").glob("*.jsonld")):
        doc = json.loads(file.read_text(encoding="utf-8"))
        for iri, node in _nodes(doc, {}).items():
            if "/id/source/" not in iri:
                continue
            s = ox.NamedNode(iri)
            url = [o.value for o in _objects(store, s, SCHEMA + "url")]
            kept = [o.value for o in _objects(store, s, SCHEMA + "archivedAt")]
            if ([node["url"]] if "url" in node else []) != url:
                problems.append(f"{file.name}: {iri} url {node.get('url')} is not {url}")
            if ([node["archivedAt"]["id"]] if "archivedAt" in node else []) != kept:
                problems.append(f"{file.name}: {iri} archivedAt {node.get('archivedAt')} is not {kept}")
            archived += bool(kept)
    assert not problems, "\n".join(problems[:20])
    assert archived


def test_every_type_and_vocabulary_value_of_the_graph_is_a_word_of_the_context(store: ox.Store) -> None:
    """A class or a role or status in the data with no term would be written as a prefixed name
    (``sakrad:VerificationStatus``), which a plain reader cannot compare with a word."""
    classes = _terms().classes
    vocab = [
        definition["@id"]
        for definition in context_document()["@context"].values()
        if isinstance(definition, dict) and definition.get("@type") == "@vocab"
    ]
    prefixes = context_document()["@context"]
    vocab_iris = {prefixes[v.partition(":")[0]] + v.partition(":")[2] for v in vocab}
    missing = set()
    for q in store.quads_for_pattern(None, None, None):
        if (q.predicate == RDF_TYPE or q.predicate.value in vocab_iris) and q.object.value not in classes:
            missing.add(q.object.value)
    assert not missing, sorted(missing)


def _value_objects(value: Any, key: str | None, found: Counter) -> Counter:
    if isinstance(value, dict):
        if "@value" in value:
            found[(key, value.get("@type"))] += 1
            return found
        for k, item in value.items():
            if k != "@context":
                _value_objects(item, k, found)
    elif isinstance(value, list):
        for item in value:
            _value_objects(item, key, found)
    return found


def test_a_value_with_a_datatype_is_a_derived_date_only(release: Path, store: ox.Store) -> None:
    """Stated dates (``date``, ``issued``, ``attestedOn``, a day's ``date``) are strings; the one value
    object with a datatype is ``derivedDate``, so an object with ``@value`` means derived. Checked
    in the whole graph, every meeting document and the documents of everyone who took part."""
    found: Counter = Counter()
    _value_objects(json.loads((release / "sakrad.jsonld").read_text(encoding="utf-8")), None, found)
    for file in sorted((release / "meetings").glob("*.jsonld")):
        _value_objects(json.loads(file.read_text(encoding="utf-8")), None, found)
    for thing in _participants(store):
        _value_objects(
            json.loads(document_bytes(document_triples(store, thing.value), JSONLD, thing.value)), None, found
        )
    typed = {key for (key, kind) in found if kind is not None}
    assert typed == {"derivedDate"}, found
    attested = sum(1 for q in store.quads_for_pattern(None, ox.NamedNode(SAKRAD + "attestedOn"), None))
    assert attested, "the data has no attestedOn to check"


def _types_and_twice(value: Any, seen: Counter, bad: list) -> None:
    if isinstance(value, dict):
        if "type" in value and not isinstance(value["type"], list):
            bad.append(value)
        if "id" in value and len(value) > 1:
            seen[value["id"]] += 1
        for key, item in value.items():
            if key != "@context":
                _types_and_twice(item, seen, bad)
    elif isinstance(value, list):
        for item in value:
            _types_and_twice(item, seen, bad)


def test_the_whole_graph_writes_each_resource_once_and_type_as_a_list(release: Path) -> None:
    doc = json.loads((release / "sakrad.jsonld").read_text(encoding="utf-8"))
    seen: Counter = Counter()
    bad: list = []
    _types_and_twice(doc["@graph"], seen, bad)
    assert not bad, bad[:3]
    assert not [iri for iri, n in seen.items() if n > 1], [iri for iri, n in seen.items() if n > 1][:5]


def test_a_part_linked_by_two_keys_is_nested_once_under_the_first() -> None:
    """A series' days are linked by ``schema:subEvent`` and ``m8g:subEvent``: written out under
    ``schemaSubEvents`` (the first key), ids under ``subEvents``; ``type`` a list even for one type."""
    from sakrad_ld.jsonld import to_jsonld

    series = ox.NamedNode("https://w3id.org/sakrad/id/meeting/s")
    day = ox.NamedNode(series.value + "/day/2021-04-14")
    triples = [
        ox.Triple(series, RDF_TYPE, ox.NamedNode(SAKRAD + "SakradSeries")),
        ox.Triple(series, ox.NamedNode(SCHEMA + "subEvent"), day),
        ox.Triple(series, ox.NamedNode(M8G + "subEvent"), day),
        ox.Triple(day, RDF_TYPE, ox.NamedNode(SCHEMA + "Event")),
        ox.Triple(
            day,
            ox.NamedNode(SCHEMA + "startDate"),
            ox.Literal("2021-04-14", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
        ),
    ]
    for output in (None, "stream"):
        if output is None:
            doc = json.loads(to_jsonld(triples))
        else:
            import io

            buffer = io.BytesIO()
            to_jsonld(triples, buffer)
            doc = json.loads(buffer.getvalue())
        (node,) = doc["@graph"]
        assert node["type"] == ["SakradSeries"]
        assert node["schemaSubEvents"] == [{"id": day.value, "type": ["Event"], "date": "2021-04-14"}]
        assert node["subEvents"] == [day.value]
        assert set(ox.parse(json.dumps(doc).encode(), format=ox.RdfFormat.JSON_LD)) == {
            ox.Quad(t.subject, t.predicate, t.object) for t in triples
        }


def test_a_construct_and_a_describe_answer_write_type_as_a_list(fixture_release: Path) -> None:
    from starlette.testclient import TestClient

    from sakrad_ld.serving.server import create_app
    from sakrad_ld.serving.settings import Settings

    queries = [
        "CONSTRUCT { ?m a ?t } WHERE { ?m a <https://w3id.org/sakrad/ontology#Sakrad>, ?t }",
        "DESCRIBE ?c WHERE { ?m <https://w3id.org/sakrad/ontology#participatingOrganisationCount> ?c }",
    ]
    with TestClient(create_app(fixture_release, Settings())) as server:
        for query in queries:
            r = server.get("/sparql", params={"query": query}, headers={"accept": "application/ld+json"})
            assert r.status_code == 200, r.text
            doc = json.loads(r.content)
            assert doc["@context"]["type"]["@container"] == "@set"
            seen: Counter = Counter()
            bad: list = []
            _types_and_twice(doc["@graph"], seen, bad)
            assert doc["@graph"] and not bad, (query, bad[:3])
            assert all(node["type"] for node in doc["@graph"] if "type" in node)
