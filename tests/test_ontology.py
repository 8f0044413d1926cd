"""The ontology (``ontology/sakrad.ttl``), the role scheme (``ontology/roles.ttl``) and the code agree.

Vocabulary in code is closed both ways: every term of ``vocab.SAKRAD`` and ``vocab.ROLE`` is defined,
labelled in Swedish and English, and nothing else is minted in our namespaces. The data built from
``data/`` uses only terms the ontology defines or namespaces it declares as reused (``dct:references``).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.triples import Graph, Index
from sakrad_ld.vocab import (
    DCTERMS,
    M8G,
    ONTOLOGY_IRI,
    OWL,
    PREFIXES,
    RDF,
    RDFS,
    ROLE,
    ROLE_SCHEME,
    SAKRAD,
    SKOS,
    Namespace,
    closed_terms,
)

VANN_PREFIX = ox.NamedNode("http://purl.org/vocab/vann/preferredNamespacePrefix")
OURS = {"sakrad", "role"}
#: Relations that tie a minted term to a standard one.
RELATIONS = (
    RDFS.subClassOf,
    RDFS.subPropertyOf,
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
    SKOS.relatedMatch,
    OWL.equivalentClass,
    OWL.equivalentProperty,
)
CLASS_AND_PROPERTY_TYPES = (OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)


@pytest.fixture(scope="session")
def root() -> Path:
    return Path(__file__).parents[1]


@pytest.fixture(scope="session")
def ontology(root: Path) -> Graph:
    return Graph.parse((root / "ontology" / "sakrad.ttl").read_bytes(), ox.RdfFormat.TURTLE)


@pytest.fixture(scope="session")
def roles(root: Path) -> Graph:
    return Graph.parse((root / "ontology" / "roles.ttl").read_bytes(), ox.RdfFormat.TURTLE)


@pytest.fixture(scope="session")
def reused(ontology: Graph) -> set[str]:
    """The namespaces the ontology declares as reused."""
    return {ns.value for ns in ontology.objects(ONTOLOGY_IRI, DCTERMS.references)}


@pytest.fixture(scope="session")
def data(root: Path) -> Index:
    from sakrad_ld.corpus import load_corpus
    from sakrad_ld.graph import build_graph

    return build_graph(load_corpus(root / "data")).triples


def _names(namespace: Namespace) -> list[str]:
    assert closed_terms(namespace) is not None, f"{namespace} is not closed"
    return sorted(closed_terms(namespace))


def _minted(graph: Graph, namespace: str) -> set[str]:
    """Local names of the IRIs in ``namespace`` that the file mentions anywhere (so a misspelt
    reference fails too, not only a misspelt definition)."""
    nodes = {node for triple in graph for node in triple}
    return {n.value[len(namespace) :] for n in nodes if isinstance(n, ox.NamedNode) and n.value.startswith(namespace)}


def _languages(graph: Graph, term: ox.NamedNode, predicate: ox.NamedNode) -> set[str | None]:
    return {getattr(o, "language", None) for o in graph.objects(term, predicate)}


def _report(title: str, terms: object) -> str:
    return title + ":\n  " + "\n  ".join(sorted(map(str, terms)))  # type: ignore[call-overload]


@pytest.mark.parametrize("name", ["sakrad.ttl", "roles.ttl"])
def test_parses_with_pyoxigraph(root: Path, name: str) -> None:
    with open(root / "ontology" / name, "rb") as f:
        assert list(ox.parse(f, format=ox.RdfFormat.TURTLE))


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) is not None
    assert not list(ontology.objects(ONTOLOGY_IRI, OWL.imports)), "declare reused vocabularies, don't import"
    for p in (DCTERMS.title, DCTERMS.description):
        assert {"sv", "en"} <= _languages(ontology, ONTOLOGY_IRI, p), p


@pytest.mark.parametrize("name", _names(SAKRAD))
def test_vocab_term_is_defined_with_labels(ontology: Graph, name: str) -> None:
    term = SAKRAD[name]
    assert ontology.value(term, RDF.type) is not None, f"{term} has no rdf:type in ontology/sakrad.ttl"
    assert {"sv", "en"} <= _languages(ontology, term, RDFS.label), f"{term} needs rdfs:label @sv and @en"
    assert {"sv", "en"} <= _languages(ontology, term, SKOS.definition), f"{term} needs skos:definition @sv and @en"
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology


@pytest.mark.parametrize("name", _names(ROLE))
def test_role_is_a_labelled_top_concept(roles: Graph, name: str) -> None:
    term = ROLE[name]
    assert (term, RDF.type, SKOS.Concept) in roles, f"{term} is not a skos:Concept in ontology/roles.ttl"
    assert (term, SKOS.inScheme, ROLE_SCHEME) in roles
    assert (term, SKOS.topConceptOf, ROLE_SCHEME) in roles
    assert (ROLE_SCHEME, SKOS.hasTopConcept, term) in roles
    assert {"sv", "en"} <= _languages(roles, term, SKOS.prefLabel), f"{term} needs skos:prefLabel @sv and @en"
    assert {"sv", "en"} <= _languages(roles, term, SKOS.definition), f"{term} needs skos:definition @sv and @en"


#: Text that documents a term: every one is written in Swedish and in English, as many of each.
DOCUMENTATION = (RDFS.label, SKOS.prefLabel, SKOS.definition, RDFS.comment, SKOS.scopeNote)


def test_documentation_is_in_swedish_and_english(ontology: Graph, roles: Graph) -> None:
    """Labels, definitions, comments and scope notes of our terms (and of the ontology itself)
    come in pairs: one in Swedish and one in English for each."""
    uneven = []
    for graph, namespace in ((ontology, str(SAKRAD)), (roles, str(ROLE))):
        terms = {
            s
            for s in graph.subjects()
            if isinstance(s, ox.NamedNode) and (s.value.startswith(namespace) or s in (ONTOLOGY_IRI, ROLE_SCHEME))
        }
        for term in terms:
            for p in DOCUMENTATION:
                languages = [getattr(o, "language", None) for o in graph.objects(term, p)]
                if languages and (languages.count("sv") != languages.count("en") or len(languages) % 2):
                    uneven.append(f"{term} {p}: {sorted(map(str, languages))}")
    assert not uneven, _report("documentation not in Swedish and English alike", uneven)


def test_deprecated_terms_name_their_replacement(ontology: Graph) -> None:
    deprecated = set(ontology.subjects(OWL.deprecated, None))
    assert deprecated, "no deprecated term: the test has nothing to check"
    for term in deprecated:
        assert ontology.value(term, DCTERMS.isReplacedBy) is not None, term


def test_concept_schemes_have_one_title_per_language(ontology: Graph, roles: Graph) -> None:
    """Core Business Vocabulary AP: dct:title of a skos:ConceptScheme is an rdf:langString, uniqueLang."""
    for graph in (ontology, roles):
        for scheme in graph.subjects(RDF.type, SKOS.ConceptScheme):
            languages = [getattr(o, "language", None) for o in graph.objects(scheme, DCTERMS.title)]
            assert sorted(languages) == ["en", "sv"], (scheme, languages)


def test_nothing_minted_beyond_the_vocab(ontology: Graph, roles: Graph) -> None:
    extra_terms = _minted(ontology, str(SAKRAD)) - set(_names(SAKRAD))
    extra_roles = _minted(roles, str(ROLE)) - set(_names(ROLE))
    assert not extra_terms, _report("defined in ontology/sakrad.ttl but not in vocab.SAKRAD", extra_terms)
    assert not extra_roles, _report("defined in ontology/roles.ttl but not in vocab.ROLE", extra_roles)


def test_every_minted_class_and_property_relates_to_a_standard_term(ontology: Graph) -> None:
    ours = str(SAKRAD)
    unrelated = []
    for name in _names(SAKRAD):
        term = SAKRAD[name]
        if not any((term, RDF.type, t) in ontology for t in CLASS_AND_PROPERTY_TYPES):
            continue  # an individual (the identifier scheme), not a class or property
        targets = {o for p in RELATIONS for o in ontology.objects(term, p)}
        if not any(isinstance(o, ox.NamedNode) and not o.value.startswith(ours) for o in targets):
            unrelated.append(term)
    assert not unrelated, _report("minted terms not related to any standard term", unrelated)


def test_reused_namespaces_match_the_prefix_table(ontology: Graph, reused: set[str]) -> None:
    """The ontology's list of reused namespaces and vocab.PREFIXES are one table, written twice."""
    declared = {prefix.value: ns for ns in reused if (prefix := ontology.value(ox.NamedNode(ns), VANN_PREFIX))}
    in_code = {prefix: ns for prefix, ns in PREFIXES.items() if prefix not in OURS}
    assert declared == in_code, _report(
        "differences (ontology vs vocab.PREFIXES)", set(declared.items()) ^ set(in_code.items())
    )


def test_data_uses_only_defined_or_declared_terms(data: Index, ontology: Graph, reused: set[str]) -> None:
    defined = set(ontology.subjects(RDF.type, None))

    def known(term: object) -> bool:
        if not isinstance(term, ox.NamedNode):
            return False
        if term.value.startswith(str(SAKRAD)):
            return term in defined
        return any(term.value.startswith(ns) for ns in reused)

    classes = set(data.objects_of(RDF.type))
    predicates = set(data.predicates())
    unknown = sorted({t.value for t in classes | predicates if not known(t)})
    assert not unknown, _report(
        "classes or predicates in the built data that ontology/sakrad.ttl neither defines nor "
        "declares a namespace of (dct:references)",
        unknown,
    )


def test_data_roles_are_concepts_of_the_role_scheme(data: Index, roles: Graph) -> None:
    used = set(data.objects_of(M8G.role))
    missing = {r for r in used if (r, SKOS.inScheme, ROLE_SCHEME) not in roles}
    assert used, "the data has no m8g:role at all"
    assert not missing, _report("m8g:role values missing from ontology/roles.ttl", missing)
