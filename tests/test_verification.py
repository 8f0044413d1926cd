"""A caveated identifier is not a plain equivalence: the vocabulary, the code and the data agree.

The statuses that may give ``owl:sameAs`` / ``skos:exactMatch`` are read from the ontology (the
collection ``sakrad:confirmingStatus``), not listed here. Every equivalence of the graph of data/
must come from an identifier with one of them (a derived link: from an
identifier it was derived from), and a ``RegisterCopy`` only from a copy its register's keeper
publishes (``links.KEEPER_COPIES``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph
from sakrad_ld.records import VERIFIED
from sakrad_ld.registered import _address
from sakrad_ld.registers.links import KEEPER_COPIES, REGISTERS, STATUS, check_offline, register_of
from sakrad_ld.triples import Graph, Index
from sakrad_ld.vocab import ADMS, DCTERMS, LEGAL, ORG, OWL, PROV, RDF, SAKRAD, SKOS

ROOT = Path(__file__).resolve().parents[1]
EQUIVALENCES = (OWL.sameAs, SKOS.exactMatch)


@pytest.fixture(scope="module")
def confirming() -> set[ox.NamedNode]:
    onto = Graph.parse((ROOT / "ontology" / "sakrad.ttl").read_bytes(), ox.RdfFormat.TURTLE)
    members = {o for _, _, o in onto.triples(SAKRAD.confirmingStatus, SKOS.member, None)}
    assert members, "the ontology names no confirming status (sakrad:confirmingStatus skos:member …)"
    # each member is a concept of the verification scheme
    for m in members:
        assert (m, SKOS.inScheme, SAKRAD.verification) in onto
    return members


def test_the_code_confirms_what_the_ontology_names(confirming: set[ox.NamedNode]) -> None:
    assert {STATUS[s] for s in VERIFIED} == confirming
    assert SAKRAD.SecondarySource not in confirming and SAKRAD.RetiredEntry not in confirming


def _one(index: Index, s: ox.NamedNode | ox.BlankNode, p: ox.NamedNode) -> ox.NamedNode | ox.Literal | None:
    found = list(index.objects(s, p))
    return found[0] if len(found) == 1 else None


def _equivalence_problems(data: Path, confirming: set[ox.NamedNode]) -> list[str]:
    index = build_graph(load_corpus(data)).triples
    problems = []
    for predicate in EQUIVALENCES:
        for o in index.objects_of(predicate):
            register = register_of(o.value)
            for s in index.subjects_of(predicate, o):
                if register is None:
                    problems.append(f"{s.value} {predicate.value} {o.value}: no register")
                    continue
                local = register.local(o.value)
                nodes = [
                    n for n in index.objects(s, ADMS.identifier) if _one(index, n, SKOS.notation) == ox.Literal(local)
                ]
                if len(nodes) != 1:
                    problems.append(f"{s.value} → {o.value}: {len(nodes)} qualified identifiers")
                    continue
                node, name = nodes[0], register.name
                if _one(index, node, ADMS.status) == SAKRAD.Derived:  # judged by what it was derived from
                    node = _one(index, node, PROV.wasDerivedFrom)
                    name = "orgnr"
                status, source = _one(index, node, ADMS.status), _one(index, node, DCTERMS.source)
                if status not in confirming:
                    problems.append(f"{s.value} {predicate.value} {o.value} from an identifier with status {status}")
                elif status == SAKRAD.RegisterCopy and not any(
                    re.fullmatch(p, _address(source.value)) for p in KEEPER_COPIES[name]
                ):
                    problems.append(f"{s.value} → {o.value}: RegisterCopy read in {source}, not a keeper's copy")
    return problems


@pytest.mark.parametrize("data", [ROOT / "data"], ids=["data"])
def test_every_equivalence_comes_from_a_confirming_status(data: Path, confirming: set[ox.NamedNode]) -> None:
    assert _equivalence_problems(data, confirming) == []


@pytest.mark.parametrize("data", [ROOT / "data"], ids=["data"])
def test_a_legal_entity_only_by_a_confirmed_number(data: Path, confirming: set[ox.NamedNode]) -> None:
    index = build_graph(load_corpus(data)).triples
    for s in index.subjects_of(RDF.type, LEGAL.LegalEntity):
        statuses = {_one(index, i, ADMS.status) for i in index.objects(s, LEGAL.legalIdentifier)}
        assert statuses and statuses <= confirming, (s, statuses)
    organisation = "https://w3id.org/sakrad/id/organisation/"
    for s in index.subjects_of(RDF.type, ORG.FormalOrganization):
        if s.value.startswith(organisation):  # bodies are formal by their kind; organisations by a number
            assert (s, RDF.type, LEGAL.LegalEntity) in index


def _mirror_as_copy(data: Path) -> None:
    """Rädda Barnen's number, read in cisene/swish-123, recorded as a register-copy (as data/ did before)."""
    path = data / "organisations.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("- id: radda-barnen")
    i = text.index("status: secondary", at)
    path.write_text(text[:i] + "status: register-copy" + text[i + len("status: secondary") :], encoding="utf-8")


def test_a_mirror_recorded_as_register_copy_gives_no_equivalence(tmp_path: Path, confirming: set[ox.NamedNode]) -> None:
    import shutil

    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    _mirror_as_copy(data)
    from sakrad_ld.errors import InputErrors

    with pytest.raises(InputErrors) as refused:  # the load refuses it (registered.py): nothing is published
        load_corpus(data)
    assert ".identifiers[0].status: status register-copy" in str(refused.value)
    # and links check says what to write instead
    problems = [p for p in check_offline(data) if p.message.startswith("register-copy")]
    assert len(problems) == 1 and problems[0].where.field.endswith(".status") and "secondary" in problems[0].message


def test_a_keepers_copy_confirms_and_a_lagrummet_mirror_does_not() -> None:
    from sakrad_ld.registers.links import confirmed

    keeper = REGISTERS["lagrummet"].about.replace("/tree/", "/blob/") + "/departement.n3"
    assert confirmed("register-copy", keeper, "lagrummet")
    assert not confirmed("register-copy", keeper.replace("github.com/rinfo/", "github.com/someone/"), "lagrummet")
    assert not confirmed("register-copy", keeper.replace("/blob/c42b88bc", "/blob/main-c42b88bc"), "lagrummet")
    assert confirmed("register", "https://www.wikidata.org/wiki/Q1", "wikidata")
    assert not confirmed("secondary", keeper, "lagrummet") and not confirmed("retired", keeper, "lagrummet")
