"""The vocabularies in code (``sakrad_ld.vocab``): every term the package makes of a reused
vocabulary is a term of that vocabulary, and a misspelt term of our own fails at once.

A reused namespace is open in code (a term is made when first named), so this test makes the
package name its terms (a release of the fixture project and its exported site) and then checks
each term made against the vocabulary as its maintainers publish it: rdflib's closed namespaces
for the W3C and DCMI vocabularies and schema.org; the shapes SEMIC publishes (DCAT-AP, the Core
Vocabularies) for ADMS, the Core Vocabularies and DCAT 3's additions; and, for the few terms none
of those files names, a list below with the specification that defines each.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib.namespace as rdflib_ns
from conftest import fixture_project

from sakrad_ld import vocab
from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.vocab import ROLE, SAKRAD, Namespace, closed_terms, made_terms
from sakrad_ld.web.static import export_site

ROOT = Path(__file__).resolve().parents[1]

#: Vocabularies rdflib defines as closed namespaces (every term listed), by our name for them.
RDFLIB = {
    "DCAT": rdflib_ns.DCAT,  # DCAT 2; DCAT 3's additions are in the DCAT-AP 3.0.1 shapes
    "DCTERMS": rdflib_ns.DCTERMS,
    "FOAF": rdflib_ns.FOAF,
    "ORG": rdflib_ns.ORG,
    "OWL": rdflib_ns.OWL,
    "PROV": rdflib_ns.PROV,
    "RDF": rdflib_ns.RDF,
    "RDFS": rdflib_ns.RDFS,
    "SCHEMA": rdflib_ns.SDO,
    "SH": rdflib_ns.SH,
    "SKOS": rdflib_ns.SKOS,
    "TIME": rdflib_ns.TIME,
    "VANN": rdflib_ns.VANN,
    "VOID": rdflib_ns.VOID,
    "XSD": rdflib_ns.XSD,
}

#: Reused vocabularies rdflib does not define: checked against SEMIC's published shapes.
BY_SHAPES = ("ADMS", "DQV", "LEGAL", "LOCN", "M8G", "PERSON", "SPDX", "VCARD")

#: Terms that none of those files names, each with the specification that defines it.
DEFINED_ELSEWHERE = (
    {
        vocab.DQV[name].value: "W3C Data Quality Vocabulary, https://www.w3.org/TR/vocab-dqv/"
        for name in (
            "Dimension",
            "Metric",
            "QualityMeasurement",
            "computedOn",
            "expectedDataType",
            "hasQualityMeasurement",
            "inDimension",
            "isMeasurementOf",
            "value",
        )
    }
    | {
        vocab.LOCN.geographicName.value: "Core Location Vocabulary, https://www.w3.org/ns/locn#geographicName",
        vocab.PERSON.Person.value: "Core Person Vocabulary, https://www.w3.org/ns/person#Person",
        vocab.SPDX.checksumAlgorithm_sha256.value: "SPDX 2.3 ontology, https://spdx.org/rdf/terms/ (ChecksumAlgorithm)",
    }
    | {
        vocab.VCARD[name].value: "vCard Ontology, W3C Interest Group Note, https://www.w3.org/TR/vcard-rdf/"
        for name in (
            "Address",
            "Organization",
            "Voice",
            "country-name",
            "fn",
            "hasAddress",
            "hasEmail",
            "hasTelephone",
            "hasURL",
            "hasValue",
            "locality",
            "postal-code",
            "street-address",
        )
    }
)


def _shape_files(shared: Path) -> list[Path]:
    """SEMIC's shapes: DCAT-AP as the package ships it, and the Core Vocabularies' application profiles
    (their list of deprecated IRIs left out: it names terms no longer to be used)."""
    files = [
        *sorted((ROOT / "src" / "sakrad_ld" / "assets").glob("dcat-ap-*/*.ttl")),
        *sorted((shared / "validators" / "semic-core").rglob("*.ttl")),
    ]
    return [f for f in files if f.name != "deprecateduris.ttl"]


@pytest.fixture(scope="module")
def named_in_shapes(shared: Path) -> set[str]:
    """Every IRI SEMIC's shapes name."""
    iris: set[str] = set()
    for path in _shape_files(shared):
        for quad in ox.parse(path=path, format=ox.RdfFormat.TURTLE):
            iris.update(t.value for t in (quad.subject, quad.predicate, quad.object) if isinstance(t, ox.NamedNode))
    return iris


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, ...]]:
    """The terms made of each open namespace once the package has built a release and its site
    (in this process: one worker, so that no term is made only in a forked one)."""
    project = fixture_project(tmp_path_factory.mktemp("vocab") / "project")
    result = write_release(Project.at(project), project / "dist", workers=1)
    assert result.out is not None, result.report.text("en")
    export_site(project / "dist", project / "site")
    return {name: made_terms(ns) for name, ns in _open_namespaces().items()}


def _open_namespaces() -> dict[str, Namespace]:
    return {
        name: ns
        for name in vocab.__all__
        if isinstance(ns := getattr(vocab, name), Namespace) and closed_terms(ns) is None
    }


def test_every_open_namespace_has_a_reference() -> None:
    assert set(_open_namespaces()) == set(RDFLIB) | set(BY_SHAPES)
    for name, reference in RDFLIB.items():
        assert str(getattr(vocab, name)) == str(reference._NS), name


def test_the_reference_lists_are_read(named_in_shapes: set[str]) -> None:
    """The references hold what is checked against them (a term each vocabulary surely has)."""
    assert "themeTaxonomy" in rdflib_ns.DCAT.__annotations__ and "Event" in rdflib_ns.SDO.__annotations__
    for term in (vocab.ADMS.identifier, vocab.M8G.PublicEvent, vocab.LEGAL.legalIdentifier, vocab.DCAT.version):
        assert term.value in named_in_shapes, term


def test_every_term_made_of_a_reused_vocabulary_is_defined_there(
    made: dict[str, tuple[str, ...]], named_in_shapes: set[str]
) -> None:
    assert sum(map(len, made.values())) > 150, "the build made few terms: the test checks little"
    unknown = []
    for name, terms in made.items():
        base = str(getattr(vocab, name))
        reference = RDFLIB.get(name)
        for term in terms:
            iri = base + term
            if reference is not None and (term in reference.__annotations__ or term in reference._extras):
                continue
            if iri in named_in_shapes or iri in DEFINED_ELSEWHERE:
                continue
            unknown.append(f"{name}.{term} <{iri}>")
    assert not unknown, "terms made that their vocabulary does not define:\n  " + "\n  ".join(unknown)


def test_the_terms_listed_by_hand_are_not_named_in_the_shapes(named_in_shapes: set[str]) -> None:
    """The hand-made list holds only what the published files cannot confirm."""
    assert not set(DEFINED_ELSEWHERE) & named_in_shapes


def test_a_misspelt_term_of_our_own_fails_at_once() -> None:
    with pytest.raises(AttributeError, match="Sakard"):
        SAKRAD.Sakard  # noqa: B018 - the look-up is what is tested
    with pytest.raises(KeyError, match="Sakard"):
        SAKRAD["Sakard"]
    with pytest.raises(AttributeError, match="chiar"):
        ROLE.chiar  # noqa: B018
    assert "Sakard" not in made_terms(SAKRAD)
    assert SAKRAD.Sakrad.value == str(SAKRAD) + "Sakrad" and SAKRAD.Sakrad is SAKRAD["Sakrad"]
