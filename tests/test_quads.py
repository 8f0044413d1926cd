"""The graph by source (``sakrad.trig``, ``sakrad.nq``): one named graph per source document, whose
union is exactly the graph of ``sakrad.nt``, and every fact about a meeting, its parts, its
participants and their identifiers found in the graph of a source document by SPARQL."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

FOAF_DOCUMENT = "http://xmlns.com/foaf/0.1/Document"
ONTOLOGY = "https://w3id.org/sakrad/ontology"
DCT_TITLE = "http://purl.org/dc/terms/title"


def _triples(path: Path) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path))}


def test_the_union_of_the_graphs_is_the_graph_of_the_release(release: Path) -> None:
    nt = _triples(release / "sakrad.nt")
    for name in ("sakrad.nq", "sakrad.trig"):
        union = _triples(release / name)
        missing, extra = nt - union, union - nt
        assert not missing and not extra, (
            f"{name}: {len(missing)} missing, e.g. {sorted(map(str, missing))[:3]}; "
            f"{len(extra)} extra, e.g. {sorted(map(str, extra))[:3]}"
        )


def test_trig_and_nquads_hold_the_same_quads(release: Path) -> None:
    assert set(ox.parse(path=str(release / "sakrad.nq"))) == set(ox.parse(path=str(release / "sakrad.trig")))


def test_every_fact_about_a_meeting_is_found_in_a_source_document(release: Path) -> None:
    store = ox.Store()
    store.bulk_load(path=str(release / "sakrad.nq"), format=ox.RdfFormat.N_QUADS)
    # What a reader asks about: meetings, their parts (IRIs under the meeting's), who took part, and
    # the identifiers of those who took part.
    prefixes = """PREFIX sakrad: <https://w3id.org/sakrad/ontology#>
        PREFIX m8g: <http://data.europa.eu/m8g/>
        PREFIX adms: <http://www.w3.org/ns/adms#>
    """
    about = set()
    for pattern in (
        "GRAPH ?g { ?s a sakrad:Sakrad }",
        "GRAPH ?g { ?m a sakrad:Sakrad } GRAPH ?h { ?s ?p ?o } FILTER(STRSTARTS(STR(?s), CONCAT(STR(?m), '/')))",
        "GRAPH ?g { ?m m8g:hasParticipation ?x } GRAPH ?h { ?x m8g:hasParticipant ?s }",
        "GRAPH ?g { ?m m8g:hasParticipation ?x } GRAPH ?h { ?x m8g:hasParticipant ?w } "
        "GRAPH ?i { ?w adms:identifier ?s }",
    ):
        about |= {r["s"].value for r in store.query(prefixes + f"SELECT DISTINCT ?s WHERE {{ {pattern} }}")}
    assert about, "the release has no meetings"
    facts = [
        (str(q.subject), str(q.predicate), str(q.object))
        for q in store.quads_for_pattern(None, None, None)
        if isinstance(q.subject, ox.NamedNode) and q.subject.value in about
    ]
    sourced = {
        (str(r["s"]), str(r["p"]), str(r["o"]))
        for r in store.query(f"""
        SELECT ?s ?p ?o WHERE {{
          GRAPH ?g {{ ?s ?p ?o }}
          GRAPH ?d {{ ?g a <{FOAF_DOCUMENT}> }}
        }}""")
    }
    # A title no source heads the meeting with is the data's own: in the dataset's graph, marked by
    # sakrad:titleDerivation, and in no source document's graph (test below).
    own = {
        (str(r["s"]), str(r["p"]), str(r["o"]))
        for r in store.query(
            prefixes
            + f"""SELECT ?s ?p ?o WHERE {{
          GRAPH <{ONTOLOGY}> {{ ?s sakrad:titleDerivation ?how ; ?p ?o
                                VALUES ?p {{ <{DCT_TITLE}> sakrad:titleDerivation }} }} }}"""
        )
    }
    # The count of listed organisations is computed by the release, the identifier minted by the data and
    # a derived date (with how it was derived and the page it was read on) worked out by it: the dataset's
    # own statements too.
    for made in (
        "https://w3id.org/sakrad/ontology#listedOrganisationCount",
        "http://purl.org/dc/terms/identifier",
        "https://w3id.org/sakrad/ontology#derivedDate",
        "https://w3id.org/sakrad/ontology#derivation",
        "http://www.w3.org/ns/prov#wasDerivedFrom",
        "https://w3id.org/sakrad/ontology#heldDerivation",  # that it was held, concluded from a cited document
        "https://w3id.org/sakrad/ontology#heldDerivedFrom",
        "https://schema.org/position",  # the data's numbering of a list in the source's order
        "https://w3id.org/sakrad/ontology#note",  # the publisher's remarks (each note's facts below)
        # how the data verified an identifier, who keeps its scheme, and its remark on it
        "http://www.w3.org/ns/adms#status",
        "http://www.w3.org/ns/adms#schemeAgency",
        "http://www.w3.org/2004/02/skos/core#note",
    ):
        own |= {
            (str(q.subject), str(q.predicate), str(q.object))
            for q in store.quads_for_pattern(None, ox.NamedNode(made), None, ox.NamedNode(ONTOLOGY))
        }
    # A note is the publisher's remark on a document: every fact of it in the dataset's graph.
    own |= {
        (str(r["s"]), str(r["p"]), str(r["o"]))
        for r in store.query(
            prefixes + f"SELECT ?s ?p ?o WHERE {{ GRAPH <{ONTOLOGY}> {{ ?s a sakrad:Note ; ?p ?o }} }}"
        )
    }
    # An English text no English document gives is the data's translation (a contact point's purpose).
    own |= {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY))
        if isinstance(q.object, ox.Literal) and q.object.language == "en"
    }
    # A relation or English name no document states (placed.check_related): in the dataset's graph
    # beside its derivation, and only where the subject gives that derivation there.
    for derivation, derived in (
        ("unitOfDerivation", ("http://www.w3.org/ns/org#unitOf", "http://www.w3.org/ns/org#subOrganizationOf")),
        ("reportsToDerivation", ("http://www.w3.org/ns/org#reportsTo",)),
        ("memberOfDerivation", ("http://www.w3.org/ns/org#memberOf",)),
        ("translationDerivation", ("http://www.w3.org/2004/02/skos/core#prefLabel",)),
    ):
        how = ox.NamedNode("https://w3id.org/sakrad/ontology#" + derivation)
        for q in store.quads_for_pattern(None, how, None, ox.NamedNode(ONTOLOGY)):
            own.add((str(q.subject), str(q.predicate), str(q.object)))
            for p in derived:
                own |= {
                    (str(f.subject), str(f.predicate), str(f.object))
                    for f in store.quads_for_pattern(q.subject, ox.NamedNode(p), None, ox.NamedNode(ONTOLOGY))
                }
    unsourced = sorted(set(facts) - sourced - own)
    assert not unsourced, f"{len(unsourced)} facts in no source document's graph, e.g.\n" + "\n".join(
        " ".join(t) for t in unsourced[:10]
    )


@pytest.mark.parametrize("name", ["sakrad.nq", "sakrad.trig"])
def test_the_quads_are_listed_in_the_catalogue(release: Path, name: str) -> None:
    catalogue = (release / "catalog.ttl").read_text(encoding="utf-8")
    assert name in catalogue, f"{name} is not a distribution of the catalogue"


def test_a_shared_record_s_facts_are_in_the_graph_of_the_document_that_states_them(release: Path) -> None:
    store = ox.Store()
    store.bulk_load(path=str(release / "sakrad.nq"), format=ox.RdfFormat.N_QUADS)
    base = "https://w3id.org/sakrad/id/"

    def graphs(s: str, p: str) -> set[str]:
        return {r["g"].value for r in store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{s}> <{p}> ?o }} }}")}

    radda = base + "organisation/radda-barnen"
    # the registered name from Skatteverket's list, the name from the 2022 list its fact_sources credit
    # it to (the record's first source is the 2017 documentation), the homepage from itself
    assert graphs(radda, "http://www.w3.org/ns/legal#legalName") == {
        base + "source/skatteverket-godkanda-gavomottagare"
    }
    assert graphs(radda, "http://www.w3.org/2004/02/skos/core#prefLabel") == {
        base + "source/regeringen-2022-12-demokrativillkor"
    }
    # a name with no fact_sources is credited to the record's first source
    assert graphs(base + "organisation/igitego", "http://www.w3.org/2004/02/skos/core#prefLabel") == {
        base + "source/dokumentation-2017-12-12-integration"
    }
    assert graphs(radda, "http://xmlns.com/foaf/0.1/homepage") == {"https://www.raddabarnen.se/"}


def test_a_title_that_is_the_datas_own_is_in_no_source_documents_graph(release: Path) -> None:
    """A made-up title is never credited to a source: neither it nor how it was made is in the graph
    of a source document, and every meeting's title is somewhere (the dataset's graph or a source's)."""
    store = ox.Store()
    store.bulk_load(path=str(release / "sakrad.nq"), format=ox.RdfFormat.N_QUADS)
    derived = store.query(f"""
        SELECT ?m ?g WHERE {{
          GRAPH <{ONTOLOGY}> {{ ?m <https://w3id.org/sakrad/ontology#titleDerivation> ?how }}
          GRAPH ?g {{ ?m <{DCT_TITLE}>|<https://w3id.org/sakrad/ontology#titleDerivation> ?t }}
          GRAPH ?d {{ ?g a <{FOAF_DOCUMENT}> }}
        }}""")
    assert not list(derived)
    untitled = store.query(f"""
        SELECT ?m WHERE {{ GRAPH ?g {{ ?m a <https://w3id.org/sakrad/ontology#Sakrad> }}
          FILTER NOT EXISTS {{ GRAPH ?h {{ ?m <{DCT_TITLE}> ?t }} }} }}""")
    assert not list(untitled)
