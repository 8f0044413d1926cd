"""Every JSON-LD document the static export and the server give (the ontology at /ontology, the
dataset, the role scheme, and a document for each kind of thing) is the graph of its Turtle, writes
each resource out once (JSON-LD 1.1 framing's ``@embed: @once``, docs/jsonld.md), and is at most
:data:`MAX_RATIO` times the Turtle's size (and :data:`ENVELOPE`).

Before each resource was written out once, a document re-embedded a resource everywhere it was
linked: the ontology's was 11.7 MB for 57 KB of Turtle (207x, a term nested 13 deep in the terms
that link to it), a meeting's up to 5.1x and a person's up to 5.3x its Turtle."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import orjson
import pyoxigraph as ox
from pyld import jsonld

from sakrad_ld.jsonld import framed_jsonld
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

#: JSON-LD over Turtle, in bytes. Both write each statement once; JSON's indentation (two spaces a
#: level of nesting) and quoted keys cost more than Turtle's prefixed names, a language map less than
#: Turtle's repeated predicate. Measured on the data's export: 0.51 (the catalogue) to 1.37 (the
#: dataset's description, one flat list of distributions); the ontology 1.35, meetings 1.11 (median)
#: to 1.23, persons up to 1.26. A resource written out twice puts a document over it: before, the
#: ontology's document was 207x, meetings up to 5.1x, persons up to 5.3x.
MAX_RATIO = 1.5
#: Bytes allowed beyond that: the JSON around a document that Turtle has no counterpart for (the
#: subject's ``id`` and ``type``, an ``included`` list; the inline ``@context`` is not counted), which outweighs a
#: document of one statement (ontology/1.1.0.jsonld: 312 bytes for its Turtle's 142).
ENVELOPE = 200

#: Files of the export that are no document about a thing: the context, and the downloads.
NOT_DOCUMENTS = ("context.jsonld", "catalog.jsonld")


def _documents(export: Path) -> list[Path]:
    """Every JSON-LD document about a thing that the export gives beside its Turtle."""
    found = [
        f
        for f in sorted(export.rglob("*.jsonld"))
        if f.relative_to(export).parts[0] not in ("download", "en")
        and f.name not in NOT_DOCUMENTS
        and f.with_suffix(".ttl").is_file()
    ]
    return found


def _graph_of_json(doc: dict) -> set[ox.Triple]:
    def loader(url: str, options: object = None) -> dict:
        raise AssertionError(f"the context is inline, yet {url} was asked for")

    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": loader})
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)}


def _graph_of_turtle(path: Path) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path))}


def _written_twice(doc: object) -> list[str]:
    """The ids of node objects that appear more than once with properties (more than their ``id``)."""
    seen: Counter[str] = Counter()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if "id" in value and len(value) > 1:
                seen[value["id"]] += 1
            for key, item in value.items():
                if key != "@context":
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(doc)
    return sorted(iri for iri, n in seen.items() if n > 1)


def _differences(json_graph: set[ox.Triple], turtle: set[ox.Triple]) -> str:
    """What one graph has and the other lacks, a few statements of each, for the failure message."""
    missing, extra = sorted(map(str, turtle - json_graph)), sorted(map(str, json_graph - turtle))
    return f"{len(missing)} only in the Turtle {missing[:3]}, {len(extra)} only in the JSON-LD {extra[:3]}"


def test_the_export_gives_the_documents_of_every_kind(export: Path) -> None:
    kinds = {
        f.relative_to(export).parts[0] if len(f.relative_to(export).parts) == 1 else f.parent.name
        for f in _documents(export)
    }
    assert {
        "ontology.jsonld",
        "dataset.jsonld",
        "role.jsonld",
        "meeting",
        "person",
        "organisation",
        "body",
        "post",
        "source",
    } <= kinds, sorted(kinds)


def _context_bytes(doc: dict) -> int:
    """The bytes of a document's inline ``@context`` entry, as the writer indents it."""
    return len(orjson.dumps({"@context": doc["@context"]}, option=orjson.OPT_INDENT_2)) - len(b"{\n\n}")


def test_every_document_is_its_turtle_each_resource_once_and_small(export: Path) -> None:
    problems = []
    for file in _documents(export):
        name = str(file.relative_to(export))
        body = file.read_bytes()
        doc = json.loads(body)
        turtle = file.with_suffix(".ttl")
        json_graph, turtle_graph = _graph_of_json(doc), _graph_of_turtle(turtle)
        if json_graph != turtle_graph:
            problems.append(f"{name}: not the graph of its Turtle: {_differences(json_graph, turtle_graph)}")
        if twice := _written_twice(doc):
            problems.append(f"{name}: {len(twice)} resources written out more than once, such as {twice[:3]}")
        # the inline context is measured apart (tests/test_jsonld_inline.py: only what is used)
        size = len(body) - _context_bytes(doc)
        ratio = size / turtle.stat().st_size
        if size > MAX_RATIO * turtle.stat().st_size + ENVELOPE:
            problems.append(f"{name}: {size} bytes, {ratio:.2f}x its Turtle ({turtle.stat().st_size} bytes)")
    assert not problems, "\n".join(problems[:30])


def test_the_ontology_document_has_each_term_at_the_top(export: Path) -> None:
    """The ontology's document: the ontology, and each term beside it in ``included``, never inside
    another term; a link between terms is ``{"id": …}``."""
    doc = json.loads((export / "ontology.jsonld").read_bytes())
    assert doc["id"] == "https://w3id.org/sakrad/ontology", doc["id"]
    terms = {node["id"] for node in doc["included"]}
    assert "https://w3id.org/sakrad/ontology#Sakrad" in terms

    def nested(value: object, depth: int) -> list[str]:
        if isinstance(value, dict):
            here = [value["id"]] if depth > 1 and "id" in value and len(value) > 1 else []
            return here + [iri for item in value.values() for iri in nested(item, depth + 1)]
        if isinstance(value, list):
            return [iri for item in value for iri in nested(item, depth)]
        return []

    assert not [iri for node in doc["included"] for iri in nested(node, 1)]


def test_the_server_gives_the_exports_bytes(release: Path, export: Path) -> None:
    """The server's JSON-LD for the ontology and a thing of each kind is the export's file."""
    from starlette.testclient import TestClient

    paths = {"/ontology": "ontology.jsonld"}  # a term's IRI, …/ontology#Sakrad, asks for /ontology
    for kind in ("meeting", "person", "organisation", "body", "post", "source"):
        first = sorted((export / "doc" / kind).glob("*.jsonld"))[0]
        paths[f"/doc/{kind}/{first.stem}"] = str(first.relative_to(export))
    with TestClient(create_app(release, Settings())) as server:
        for path, file in paths.items():
            r = server.get(path, headers={"accept": "application/ld+json"})
            assert r.status_code == 200, (path, r.status_code)
            assert r.content == (export / file).read_bytes(), path


def test_a_resource_linked_twice_is_embedded_nearest_the_subject() -> None:
    """Breadth first: the document embeds a resource where it is linked nearest its subject, and
    refers to it by ``{"id": …}`` wherever else it is linked, also deeper in the first branch."""
    base = "https://w3id.org/sakrad/id/"
    m, part, org, src = (ox.NamedNode(base + n) for n in ("meeting/m", "meeting/m/p", "organisation/o", "source/s"))
    dct = "http://purl.org/dc/terms/"
    triples = [
        ox.Triple(m, ox.NamedNode("http://data.europa.eu/m8g/hasParticipation"), part),
        ox.Triple(m, ox.NamedNode(dct + "source"), src),
        ox.Triple(part, ox.NamedNode("http://data.europa.eu/m8g/hasParticipant"), org),
        ox.Triple(part, ox.NamedNode(dct + "source"), src),
        ox.Triple(org, ox.NamedNode(dct + "source"), src),
        ox.Triple(org, ox.NamedNode("http://xmlns.com/foaf/0.1/name"), ox.Literal("O")),
        ox.Triple(src, ox.NamedNode(dct + "title"), ox.Literal("S", language="sv")),
    ]
    doc = json.loads(framed_jsonld(triples, m.value))
    assert not _written_twice(doc)
    assert [s.get("title") for s in doc["source"]] == [{"sv": "S"}], doc["source"]
    (participation,) = doc["participations"]
    assert participation["source"] == [{"id": src.value}]
    assert participation["participant"]["name"] == "O"
    assert participation["participant"]["source"] == [{"id": src.value}]
    assert "included" not in doc


def test_what_the_subject_does_not_lead_to_is_included_with_its_parts() -> None:
    """A resource the subject does not lead to is a top-level node of ``included`` with its parts
    (IRIs that extend its own) embedded; a link to another included resource is ``{"id": …}``."""
    base = "https://w3id.org/sakrad/id/"
    m, person, part, other = (
        ox.NamedNode(base + n) for n in ("meeting/m", "person/p", "person/p/identifier/x", "person/q")
    )
    foaf, dct = "http://xmlns.com/foaf/0.1/", "http://purl.org/dc/terms/"
    triples = [
        ox.Triple(m, ox.NamedNode(dct + "title"), ox.Literal("M", language="sv")),
        ox.Triple(person, ox.NamedNode(foaf + "name"), ox.Literal("P")),
        ox.Triple(person, ox.NamedNode("http://www.w3.org/ns/adms#identifier"), part),
        ox.Triple(person, ox.NamedNode(foaf + "knows"), other),
        ox.Triple(part, ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation"), ox.Literal("Q1")),
        ox.Triple(other, ox.NamedNode(foaf + "name"), ox.Literal("Q")),
    ]
    doc = json.loads(framed_jsonld(triples, m.value))
    assert [node["id"] for node in doc["included"]] == [person.value, other.value]
    first = doc["included"][0]
    assert [i["id"] for i in first["identifiers"]] == [part.value] and len(first["identifiers"][0]) > 1, first
    assert first["foaf:knows"] == {"id": other.value}, first


def test_the_documented_participant_reader_runs_on_every_participant_s_document(export: Path) -> None:
    """docs/jsonld.md's second example, on the export's document of every organisation, person and
    body: one line for each participation, with its role and its meeting's title (the document
    alone says which sakråd, in what role)."""
    import re
    import subprocess
    import sys

    docs = (Path(__file__).resolve().parents[1] / "docs" / "jsonld.md").read_text(encoding="utf-8")
    code = re.findall(r"```python\n(.*?)```", docs, re.S)[1]
    assert "doc/organisation/radda-barnen.jsonld" in code
    ran = 0
    for kind in ("organisation", "person", "body"):
        for file in sorted((export / "doc" / kind).glob("*.jsonld")):
            doc = json.loads(file.read_text(encoding="utf-8"))
            if not doc.get("participates"):
                continue
            path = f"doc/{kind}/{file.stem}.jsonld"
            run = subprocess.run(
                [sys.executable, "-c", code.replace("doc/organisation/radda-barnen.jsonld", path)],
                cwd=export,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert run.returncode == 0, (path, run.stderr)
            lines = run.stdout.splitlines()[1:]
            assert len(lines) == len(doc["participates"]), (path, run.stdout)
            roles = {p["role"] for p in doc["participates"] if "role" in p}
            assert all(any(f" {role}: " in line for role in roles) for line in lines), (path, run.stdout)
            ran += 1
    assert ran
    out = subprocess.run([sys.executable, "-c", code], cwd=export, capture_output=True, text=True, timeout=60).stdout
    assert "participatingOrganisation: Sakråd den 12 december 2017" in out, out
