"""A plain ``json.load`` reader finds the same plain keys in every JSON-LD document (docs/jsonld.md):
every key of every JSON-LD file of a release and of its static export (the meetings', the
organisations', the people's, the agents', the sources' documents, the whole graph, the catalogue,
the dataset's description, the ontology) is a term of the context, never a compact IRI
(``"schema:name"``, ``"dct:type"``); every ``type`` is a word of the context; and each file is the
graph of its Turtle twin. Every term of the published context is documented in docs/jsonld.md.

Before, the agents' documents wrote ``"rdfs:label"``, ``"schema:name"``, ``"foaf:name"`` and
``"dct:type"`` beside the plain keys, and the catalogue and the dataset's description held 70 such
keys (``"dcat:distribution"``, ``"void:triples"``, ``"http://spdx.org/rdf/terms#checksum"``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from pyld import jsonld
from rdflib.compare import isomorphic

from sakrad_ld.jsonld import context_document, framed_jsonld, to_jsonld
from sakrad_ld.web.static import export_site

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = context_document()["@context"]
PREFIXES = {k: v for k, v in PUBLISHED.items() if isinstance(v, str) and v.endswith(("/", "#"))}


def _expand(name: str) -> str:
    head, _, tail = name.partition(":")
    return PREFIXES[head] + tail if head in PREFIXES else name


#: Every IRI a term of the context names (as a key's property or as a class).
NAMED = {
    _expand(d if isinstance(d, str) else d.get("@id", d.get("@reverse", "")))
    for k, d in PUBLISHED.items()
    if not k.startswith("@") and k not in PREFIXES
}
#: The keywords a node or value object may hold beside terms (``@none``: text without a language).
KEYWORDS = {"@value", "@language", "@type", "@id", "@none"}


@pytest.fixture(scope="module")
def site(fixture_release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_site(fixture_release, tmp_path_factory.mktemp("plain-keys") / "site").out


def _files(*roots: Path) -> Iterator[tuple[str, Path]]:
    for root in roots:
        for file in sorted(root.rglob("*.jsonld")):
            if file.name != "context.jsonld":
                yield f"{root.name}/{file.relative_to(root)}", file


def _key_problems(value: object, where: str, problems: list[str], in_language_map: bool = False) -> None:
    if isinstance(value, list):
        for n, item in enumerate(value):
            _key_problems(item, f"{where}[{n}]", problems)
        return
    if not isinstance(value, dict) or in_language_map:
        return
    for key, item in value.items():
        if key == "@context":
            continue
        if key.startswith("@"):
            if key not in KEYWORDS and key not in ("@graph", "@included"):
                problems.append(f"{where}: keyword {key!r}")
        elif ":" in key and (not re.match(r"https?://", key) or key in NAMED):
            # a full IRI only where no term of the context names it
            problems.append(f"{where}: key {key!r} is not a term of the context")
        elif ":" not in key and key not in PUBLISHED:
            problems.append(f"{where}: key {key!r} is not in the published context")
        if key == "type":
            for name in item if isinstance(item, list) else [item]:
                if name not in PUBLISHED:
                    problems.append(f"{where}: type {name!r} is not a word of the context")
        definition = PUBLISHED.get(key)
        language = isinstance(definition, dict) and definition.get("@container") == "@language"
        _key_problems(item, f"{where}.{key}", problems, language)


def test_every_key_of_every_jsonld_file_is_a_term(fixture_release: Path, site: Path) -> None:
    problems: list[str] = []
    files = list(_files(fixture_release, site))
    names = {name for name, _ in files}
    # every kind of document is looked at: an agent's, the catalogue, the whole graph, a meeting's
    for kind in ("doc/agent/", "doc/organisation/", "doc/person/", "doc/source/", "meetings/", "dataset/"):
        assert any(kind in name for name in names), kind
    for must in ("dist/sakrad.jsonld", "site/catalog.jsonld", "site/dataset.jsonld", "site/ontology.jsonld"):
        assert must in names, must
    keyed: set[str] = set()
    for name, file in files:
        doc = json.loads(file.read_bytes())
        _key_problems(doc, name, problems)
        if _has_key(doc, "nameFrom"):
            keyed.add(name)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])
    # the fixture has a participation whose shown name is another document's (sakrad:nameFrom): it is
    # written under its term in the meeting's document and the whole graph, never as "sakrad:nameFrom"
    assert "dist/sakrad.jsonld" in keyed and any(n.startswith("dist/meetings/") for n in keyed), sorted(keyed)


def _has_key(value: object, key: str) -> bool:
    if isinstance(value, list):
        return any(_has_key(v, key) for v in value)
    return isinstance(value, dict) and (key in value or any(_has_key(v, key) for v in value.values()))


def test_every_jsonld_file_of_the_export_is_its_turtle(site: Path) -> None:
    problems: list[str] = []
    checked = 0
    for name, file in _files(site):
        turtle = file.with_suffix(".ttl")
        if not turtle.is_file():
            continue
        checked += 1
        data = file.read_bytes()
        from_json = set(ox.parse(data, format=ox.RdfFormat.JSON_LD))
        from_turtle = set(ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE))
        if from_json != from_turtle:
            problems.append(f"{name}: pyoxigraph reads {len(from_json)} triples, the Turtle has {len(from_turtle)}")
        if not isomorphic(rdflib.Graph().parse(data=data, format="json-ld"), rdflib.Graph().parse(turtle)):
            problems.append(f"{name}: rdflib reads another graph than the Turtle")
    assert checked > 100 and not problems, "\n".join(problems[:20])


def test_every_term_of_the_context_is_documented() -> None:
    doc = (ROOT / "docs" / "jsonld.md").read_text(encoding="utf-8")
    missing = [k for k in PUBLISHED if not k.startswith("@") and f"`{k}`" not in doc]
    assert not missing, f"terms of the context docs/jsonld.md does not name: {missing}"


EX = "https://w3id.org/sakrad/id/agent/x"
#: Values whose property has a term of another kind (a language map's, a date's, a link's, a
#: plain value's): each is written under that term, never under a compact IRI.
MISFITS = f"""
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{EX}> a <http://www.w3.org/ns/prov#SoftwareAgent> ;
  <http://www.w3.org/2000/01/rdf-schema#label> "no language", "svensk"@sv ;
  <https://schema.org/startDate> "2017"^^xsd:gYear, "2017-01-02"^^xsd:date ;
  <http://xmlns.com/foaf/0.1/name> "plain", "engelsk"@en ;
  <http://purl.org/dc/terms/type> <http://purl.org/adms/publishertype/NonProfitOrganisation> ;
  <http://purl.org/dc/terms/identifier> 7 ;
  <https://schema.org/organizer> "a literal where a link is expected" ;
  <http://www.w3.org/ns/dcat#byteSize> "12"^^xsd:nonNegativeInteger .
"""


@pytest.mark.parametrize("write", ["framed", "graph"])
def test_a_value_its_term_does_not_fit_is_under_the_term(write: str) -> None:
    triples = [(t.subject, t.predicate, t.object) for t in ox.parse(MISFITS, format=ox.RdfFormat.TURTLE)]
    data = framed_jsonld(triples, EX) if write == "framed" else to_jsonld(triples)
    doc = json.loads(data)
    node = doc if write == "framed" else doc["@graph"][0]
    problems: list[str] = []
    _key_problems(doc, write, problems)
    assert not problems, problems
    assert node["rdfsLabel"] == {"@none": "no language", "sv": "svensk"}
    assert node["name"] == ["plain", {"@value": "engelsk", "@language": "en"}]
    assert node["documentType"] == {"id": "http://purl.org/adms/publishertype/NonProfitOrganisation"}
    assert {"@value": "2017", "@type": "xsd:gYear"} in node["date"] and "2017-01-02" in node["date"]
    assert node["type"] == ["SoftwareAgent"]
    expected = set(ox.parse(MISFITS, format=ox.RdfFormat.TURTLE))
    assert set(ox.parse(data, format=ox.RdfFormat.JSON_LD)) == expected
    assert isomorphic(rdflib.Graph().parse(data=data, format="json-ld"), rdflib.Graph().parse(data=MISFITS))
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)} == {
        ox.Triple(t.subject, t.predicate, t.object) for t in expected
    }
