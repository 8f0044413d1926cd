"""Links to public registers: each sourced, derived as the conventions say, published as VoID
linksets, and re-checked by ``sakrad-ld links check`` (offline, and online against a loopback server).

The expectations come from the shared registers (``../shared/registers/``): identifiers.yaml,
uri-schemes.md and Lagrummet's lists, never from the data under test. An identifier the register asks
to verify (or confirm) before publishing is not published (:func:`awaits_verification`). How a link
read in a third party's file is published and checked is tried on the frozen fixture project
(``tests/fixtures/project``), which keeps one: Ylva Johansson's QID, read in EveryPolitician's files.
"""

from __future__ import annotations

import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_DATA, fixture_project
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, VOID
from stdnum.se import orgnr

from sakrad_ld import vocab
from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import Built, build_graph
from sakrad_ld.rdflib_edge import from_rdflib, rdflib_term, to_rdflib
from sakrad_ld.registers.links import REGISTERS, Target, check_online, linksets
from sakrad_ld.triples import Index
from sakrad_ld.validate import load_shapes, validate

ADMS, LEGAL, SAKRAD = (Namespace(str(ns)) for ns in (vocab.ADMS, vocab.LEGAL, vocab.SAKRAD))

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).parent / "links"
DATAPORTAL, LAGRUMMET, WIKIDATA = (REGISTERS[n].uri_space for n in ("dataportal", "lagrummet", "wikidata"))


@pytest.fixture(scope="module")
def built() -> Built:
    return build_graph(load_corpus(ROOT / "data"))


def confirm_radda_barnen(data: Path) -> Path:
    """``data`` with Rädda Barnen's organisation number as read in the register itself (``status: register``).

    No number in data/ is confirmed (docs/links.md, "Which sources confirm"), so the tests of the
    derived dataportal link and of its shapes make one confirmed in a copy.
    """
    path = data / "organisations.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("- id: radda-barnen")
    status = text.index("status: secondary", at)
    text = text[:status] + "status: register" + text[status + len("status: secondary") :]
    source = text.index("source: ", at)  # read on the register's own host (a mirror's page is refused)
    end = text.index("\n", source)
    path.write_text(text[:source] + f"source: {SKATTEVERKET_PAGE}" + text[end:], encoding="utf-8")
    return data


#: A page of Skatteverket's own list of approved gift recipients (where a confirmed number is read).
SKATTEVERKET_PAGE = "https://www.skatteverket.se/privat/skatter/arbeteochinkomst/skattereduktioner/gavoreduktion/godkandagavomottagare.4.html?orgnr=802002-8638"


@pytest.fixture(scope="module")
def confirmed(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The graph of the real data with one organisation number confirmed (:func:`confirm_radda_barnen`)."""
    data = tmp_path_factory.mktemp("confirmed") / "data"
    shutil.copytree(ROOT / "data", data)
    return build_graph(load_corpus(confirm_radda_barnen(data)))


@pytest.fixture(scope="module")
def graph(built: Built) -> Graph:
    """The built triples as an rdflib graph (for its SPARQL and pattern look-ups)."""
    return to_rdflib(built.triples)


@pytest.fixture(scope="module")
def entities(shared: Path) -> list[dict]:
    return yaml.safe_load((shared / "registers" / "identifiers.yaml").read_text(encoding="utf-8"))["entities"]


def _targets(graph: Graph, space: str) -> set[tuple[URIRef, URIRef]]:
    return {(s, o) for s, _, o in graph if isinstance(o, URIRef) and str(o).startswith(space)}


def awaits_verification(entity: dict) -> bool:
    """Whether the register's notes on ``entity`` ask for its identifiers to be checked before publishing
    ("verify at https://www.wikidata.org/wiki/Q… before publishing", "confirm against Skatteverket/Bolagsverket
    before publishing")."""
    return (
        re.search(r"\b(verify|confirm)\b.{0,160}?\bbefore publishing\b", entity["notes"] or "", re.I | re.S) is not None
    )


def _pending(entities: list[dict]) -> set[str]:
    """The organisation numbers and QIDs of the entries whose notes ask for a check before publishing."""
    return {v for e in entities if awaits_verification(e) for v in (e["orgnr"], e["wikidata_qid"]) if v}


# --- identifiers and links in the graph -------------------------------------------------------------


def test_every_sourced_orgnr_is_in_the_graph_with_its_source(graph: Graph, entities: list[dict]) -> None:
    sourced = set()
    for e in entities:
        if e["orgnr"] and e["orgnr_source_url"]:
            orgnr.validate(e["orgnr"])  # the register file's own claim that Luhn holds
            sourced.add((e["orgnr"], e["orgnr_source_url"]))
    g = graph
    found = {
        (str(g.value(i, SKOS.notation)), str(g.value(i, DCTERMS.source)))
        for i in g.objects(None, ADMS.identifier)
        if (i, DCTERMS.conformsTo, SAKRAD.OrganisationsnummerScheme) in g
    }
    # the register's notes ask for Forum's number to be confirmed in the register before publishing
    expected = {(n, src) for n, src in sourced if n not in _pending(entities)}
    assert len(sourced) == 7 and len(expected) == 6
    assert expected <= found, f"missing: {expected - found}"
    for i in g.objects(None, ADMS.identifier):
        assert isinstance(g.value(i, DCTERMS.source), URIRef), f"{i} has no source"
        assert g.value(i, ADMS.status) is not None, f"{i} has no verification status"
    # only a confirmed number (read in the register or a pinned copy of its list) is the legal identifier
    for i in g.objects(None, LEGAL.legalIdentifier):
        assert g.value(i, ADMS.status) in (SAKRAD.RegisterConfirmed, SAKRAD.RegisterCopy), i


def test_no_identifier_in_the_graph_without_a_source(graph: Graph) -> None:
    g = graph
    identifiers = set(g.subjects(RDF.type, ADMS.Identifier))
    assert len(identifiers) > 10
    for i in identifiers:
        assert any(str(s).startswith("http") for s in g.objects(i, DCTERMS.source)), i


def test_dataportal_iris_are_the_ones_uri_schemes_derives(graph: Graph, shared: Path, entities: list[dict]) -> None:
    """uri-schemes.md §1 lists the IRIs the convention gives for the sourced numbers: exactly those of the
    confirmed numbers are linked; a number from a secondary or retired source gives none until confirmed."""
    text = (shared / "registers" / "uri-schemes.md").read_text(encoding="utf-8")
    section = text.split("How this applies here", 1)[1].split("Caveat", 1)[0]
    derivable = set(re.findall(r"http://dataportal\.se/organisation/SE\d{10}", section))
    g = graph
    unconfirmed = {
        DATAPORTAL + "SE" + orgnr.compact(str(g.value(i, SKOS.notation)))
        for i in {*g.subjects(ADMS.status, SAKRAD.SecondarySource), *g.subjects(ADMS.status, SAKRAD.RetiredEntry)}
    }
    withheld = {DATAPORTAL + "SE" + orgnr.compact(n) for n in _pending(entities) if orgnr.is_valid(n)}
    linked = {str(o) for _, o in _targets(g, DATAPORTAL)}
    assert len(derivable) == 7 and unconfirmed and linked == derivable - unconfirmed - withheld
    for s, o in _targets(g, DATAPORTAL):
        assert (s, SKOS.exactMatch, o) in g and (s, OWL.sameAs, o) not in g
        node = s + "/identifier/dataportal"
        origin = g.value(URIRef(node), PROV.wasDerivedFrom)
        assert (s, LEGAL.legalIdentifier, origin) in g
        # it says how it was derived, not who issued it
        assert g.value(URIRef(node), ADMS.status) == SAKRAD.Derived and g.value(URIRef(node), ADMS.schemeAgency) is None
        assert g.value(URIRef(node), SAKRAD.derivation) is not None
        assert str(o) == DATAPORTAL + "SE" + orgnr.compact(str(g.value(origin, SKOS.notation)))
        assert str(g.value(URIRef(node), SKOS.notation)) == str(o)[len(DATAPORTAL) :]


def _lagrummet(shared: Path) -> Graph:
    g = Graph()
    for file in sorted((shared / "registers" / "lagrummet").glob("*.n3")):
        g.parse(file, format="n3")
    return g


def test_lagrummet_iris_are_in_lagrummets_lists_under_the_bodys_name(graph: Graph, shared: Path) -> None:
    lists = _lagrummet(shared)
    g = graph
    links = _targets(g, LAGRUMMET)
    assert {str(s).rsplit("/", 1)[1] for s, _ in links} >= {"regeringskansliet", "arbetsmarknadsdepartementet"}
    for body, iri in links:
        assert (iri, RDF.type, FOAF.Organization) in lists, iri
        swedish = {str(n) for n in g.objects(body, SKOS.prefLabel) if n.language == "sv"}
        assert {str(n) for n in lists.objects(iri, FOAF.name)} == swedish, iri
        assert (body, OWL.sameAs, iri) in g


def test_every_body_lagrummet_names_is_linked_and_no_other(built: Built, graph: Graph, shared: Path) -> None:
    """Found by name: a body of the data is linked exactly when Lagrummet's lists have its name."""
    names = {str(n): s for s, n in _lagrummet(shared).subject_objects(FOAF.name)}
    g = graph
    corpus = load_corpus(ROOT / "data")
    for body in corpus.bodies:
        s = rdflib_term(built.minter.thing("body", body.id))
        linked = {o for o in g.objects(s, OWL.sameAs) if str(o).startswith(LAGRUMMET)}
        assert linked == ({names[body.name.sv]} if body.name.sv in names else set()), body.id


def test_the_lagrummet_extract_is_a_copy_with_its_licence(shared: Path) -> None:
    path = ROOT / "data" / "sources" / "lagrummet-org.ttl"
    extract = Graph().parse(path, format="turtle")
    lists = _lagrummet(shared)
    assert len(extract) and all(t in lists for t in extract)
    text = path.read_text(encoding="utf-8")
    licence = (shared / "registers" / "lagrummet" / "LICENSE.txt").read_text(encoding="utf-8")
    for line in licence.splitlines():
        assert line.strip() in text, f"the licence line {line!r} is not in the extract"


def test_wikidata_links_only_where_a_qid_has_a_source_and_no_check_is_pending(
    built: Built, graph: Graph, entities: list[dict]
) -> None:
    """identifiers.yaml's one sourced QID (Ylva Johansson's, read in EveryPolitician's reconciliation)
    comes with "verify at https://www.wikidata.org/wiki/Q3369258 before publishing": it is not published."""
    sourced = {
        WIKIDATA + e["wikidata_qid"]: e["wikidata_source_url"]
        for e in entities
        if e["wikidata_qid"] and e["wikidata_source_url"]
    }
    pending = {WIKIDATA + q for q in _pending(entities) if q.startswith("Q")}
    assert pending and pending <= set(sourced)
    g = graph
    found = {(str(o), str(g.value(s + "/identifier/wikidata", DCTERMS.source))) for s, o in _targets(g, WIKIDATA)}
    assert found == {(iri, src) for iri, src in sourced.items() if iri not in pending}
    radda_barnen = rdflib_term(built.minter.thing("organisation", "radda-barnen"))
    assert not [o for o in g.objects(radda_barnen, OWL.sameAs) if str(o).startswith(WIKIDATA)]


def test_no_identifier_the_register_asks_to_check_before_publishing_is_published(
    graph: Graph, entities: list[dict]
) -> None:
    """Neither as a link (owl:sameAs, skos:exactMatch, rdfs:seeAlso) nor as an identifier's notation."""
    pending = _pending(entities)
    assert {"Q3369258", "802018-0488"} <= pending  # the register's words, not the data's
    notations = {str(n) for n in graph.objects(None, SKOS.notation)}
    targets = {
        str(o).rsplit("/", 1)[1] for p in (OWL.sameAs, SKOS.exactMatch, RDFS.seeAlso) for o in graph.objects(None, p)
    }
    compact = {orgnr.compact(n) for n in pending if orgnr.is_valid(n)}
    assert not pending & notations and not pending & targets
    assert not {t for t in targets if t.startswith("SE") and t[2:] in compact}


def test_a_link_read_in_a_third_partys_file_is_a_see_also_with_its_source() -> None:
    """The fixture project's Wikidata link (status secondary): rdfs:seeAlso and a qualified identifier
    with its status, source and note; no owl:sameAs, and no linkset to Wikidata."""
    built = build_graph(load_corpus(FIXTURE_DATA))
    g = to_rdflib(built.triples)
    person = rdflib_term(built.minter.thing("person", "ylva-johansson"))
    qid = URIRef(WIKIDATA + "Q3369258")
    assert (person, RDFS.seeAlso, qid) in g and (person, OWL.sameAs, qid) not in g
    identifier = URIRef(person + "/identifier/wikidata")
    assert (person, ADMS.identifier, identifier) in g
    assert g.value(identifier, ADMS.status) == SAKRAD.SecondarySource
    assert str(g.value(identifier, SKOS.notation)) == "Q3369258"
    assert str(g.value(identifier, DCTERMS.source)).startswith("https://github.com/everypolitician/")
    assert {n.language for n in g.objects(identifier, SKOS.note)} == {"sv", "en"}
    void = to_rdflib(linksets(built.triples, built.minter))
    spaces = {
        str(void.value(void.value(ls, VOID.objectsTarget), VOID.uriSpace))
        for ls in void.subjects(RDF.type, VOID.Linkset)
    }
    assert WIKIDATA not in spaces


# --- VoID linksets -------------------------------------------------------------------------------------


def _count(graph: Graph, predicate: URIRef, space: str) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?o), ?space)) }"
    row = next(iter(graph.query(query, initBindings={"p": predicate, "space": Literal(space)})))
    return int(row[0])


def test_one_linkset_per_register_with_its_count_recomputed(confirmed: Built) -> None:
    built, graph = confirmed, to_rdflib(confirmed.triples)
    void = to_rdflib(linksets(built.triples, built.minter))
    dataset = rdflib_term(built.minter.dataset)
    sets = list(void.subjects(RDF.type, VOID.Linkset))
    # one per register with a confirmed link: Wikidata has none (its one QID is not confirmed on wikidata.org)
    assert len(sets) == 2
    for ls in sets:
        target = void.value(ls, VOID.objectsTarget)
        space = str(void.value(target, VOID.uriSpace))
        predicate = void.value(ls, VOID.linkPredicate)
        assert void.value(ls, VOID.subjectsTarget) == dataset
        assert (dataset, VOID.subset, ls) in void
        assert int(void.value(ls, VOID.triples)) == _count(graph, predicate, space) > 0
    counts = {
        str(void.value(void.value(ls, VOID.objectsTarget), VOID.uriSpace)): int(void.value(ls, VOID.triples))
        for ls in sets
    }
    assert WIKIDATA not in counts and counts[DATAPORTAL] == 1


def test_no_linkset_to_the_data_portal_without_a_confirmed_number(built: Built) -> None:
    """data/'s numbers are all read in a mirror or another document: none gives a dataportal link."""
    void = to_rdflib(linksets(built.triples, built.minter))
    spaces = {
        str(void.value(void.value(ls, VOID.objectsTarget), VOID.uriSpace))
        for ls in void.subjects(RDF.type, VOID.Linkset)
    }
    assert LAGRUMMET in spaces and DATAPORTAL not in spaces


def test_the_released_catalogue_carries_the_linksets(release: Path) -> None:
    catalogue = Graph().parse(release / "catalog.ttl", format="turtle")
    data = Graph().parse(release / "sakrad.nt", format="nt")
    sets = list(catalogue.subjects(RDF.type, VOID.Linkset))
    assert sets
    for ls in sets:
        space = str(catalogue.value(catalogue.value(ls, VOID.objectsTarget), VOID.uriSpace))
        assert int(catalogue.value(ls, VOID.triples)) == _count(data, catalogue.value(ls, VOID.linkPredicate), space)


# --- the shapes: a link without a source is rejected (cases in tests/links/shapes/) --------------------

SHP = "https://w3id.org/sakrad/shapes#"
PREFIXES = {"dct": DCTERMS, "owl": OWL, "prov": PROV, "skos": SKOS}


def _shape_cases() -> list[Path]:
    return sorted((CASES / "shapes").glob("*.yaml"))


@pytest.mark.parametrize("case", _shape_cases(), ids=lambda p: p.stem)
def test_a_link_shape_rejects_the_case(case: Path, confirmed: Built) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    g = Graph()
    g += to_rdflib(confirmed.triples)
    before = len(g)
    g.update(spec["update"], initNs=PREFIXES)
    assert len(g) != before or "notation" in case.stem, "the case changed nothing"
    report = validate(Index(from_rdflib(g)), load_shapes([ROOT / "shapes" / "links.ttl"]))
    got = {(f.severity, f.shape, f.focus) for f in report.findings}
    for e in spec["expect"]:
        assert ("Violation", e["shape"].replace("shp:", SHP), e["focus"]) in got, (e, got)


def test_the_real_data_meets_the_link_shapes(built: Built) -> None:
    report = validate(built.triples, load_shapes([ROOT / "shapes" / "links.ttl"]))
    assert not report.findings, report.text("en")


def test_every_link_constraint_is_broken_by_a_case() -> None:
    shapes = Graph().parse(ROOT / "shapes" / "links.ttl", format="turtle")
    SH = "http://www.w3.org/ns/shacl#"
    reported = {s for s in shapes.subjects(URIRef(SH + "severity"), None)}
    broken = {
        URIRef(e["shape"].replace("shp:", SHP))
        for case in _shape_cases()
        for e in yaml.safe_load(case.read_text(encoding="utf-8"))["expect"]
    }
    assert reported and reported <= broken, f"no case breaks {reported - broken}"


# --- sakrad-ld links check, offline ------------------------------------------------------------------


def test_links_check_passes_on_the_real_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(ROOT), "links", "check"]) == 0
    assert "problem" not in capsys.readouterr().out


@pytest.mark.parametrize("case", sorted((CASES / "check").glob("*.yaml")), ids=lambda p: p.stem)
def test_links_check_offline_catches(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each case changes one line of the fixture project (which keeps a Wikidata link, as data/ does not)."""
    project_copy = fixture_project(tmp_path / "project")
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    path = project_copy / "data" / spec["file"]
    text = path.read_text(encoding="utf-8")
    assert text.count(spec["replace"]) == 1, "the case no longer matches the data"
    line = text[: text.index(spec["replace"])].count("\n") + 1
    path.write_text(text.replace(spec["replace"], spec["with"]), encoding="utf-8")
    assert main(["-C", str(project_copy), "links", "check"]) == 1
    problems = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("problem:")]
    assert len(problems) == 1, problems
    assert spec["expect"] in problems[0]
    # the line of the replaced text, or the line of the record it belongs to
    at = int(re.search(rf"{re.escape(spec['file'])}:(\d+)", problems[0]).group(1))
    assert line - 3 <= at <= line + spec["replace"].count("\n"), (line, problems[0])


def test_links_check_says_bad_input_for_broken_yaml(project_copy: Path) -> None:
    (project_copy / "data" / "people.yaml").write_text("people: [\n", encoding="utf-8")
    assert main(["-C", str(project_copy), "links", "check"]) == 2


# --- sakrad-ld links check --online, against a server on 127.0.0.1 ---------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    """Answers by path: /http/<host>/<path> stands for http://<host>/<path> (see --rewrite below)."""

    missing: set[str] = set()
    head_refused: set[str] = set()
    redirects: dict[str, str] = {}
    seen: list[tuple[str, str]] = []

    def _answer(self) -> None:
        self.seen.append((self.command, self.path))
        if self.command == "HEAD" and self.path in self.head_refused:
            self.send_response(405)
        elif self.path.startswith("/loop/"):  # redirects for ever: /loop/a -> /loop/a/n -> /loop/a/n/n …
            self.send_response(302)
            self.send_header("Location", self.path + "/n" if "same" not in self.path else self.path)
        elif self.path.startswith("/no-location/"):
            self.send_response(302)
        elif self.path.startswith("/to-ftp/"):
            self.send_response(301)
            self.send_header("Location", "ftp://127.0.0.1:9/x")
        elif self.path in self.redirects:
            self.send_response(303)
            self.send_header("Location", self.redirects[self.path])
        else:
            self.send_response(404 if self.path in self.missing else 200)
        if self.path in self.long_header:
            self.send_header("X-Long", "a" * 70_000)  # past http.client's 65,536 bytes a line
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = _answer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return None


@pytest.fixture
def server() -> Iterator[tuple[str, type[_Handler]]]:
    handler = type(
        "Handler",
        (_Handler,),
        {"missing": set(), "head_refused": set(), "redirects": {}, "seen": [], "long_header": set()},
    )
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def _rewrite(base: str) -> list[str]:
    """Every http(s) IRI to the loopback server, so the test never reaches another host."""
    return ["--rewrite", f"http://={base}/http/", "--rewrite", f"https://={base}/https/"]


def test_links_check_online_reports_each_status(
    server: tuple[str, type[_Handler]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On the fixture project, whose links are of all three registers (Wikidata's an rdfs:seeAlso)."""
    base, handler = server
    project_copy = fixture_project(tmp_path / "project")
    confirm_radda_barnen(project_copy / "data")
    handler.missing = {
        "/http/rinfo.lagrummet.se/org/kulturdepartementet",
        "/http/dataportal.se/organisation/SE8020028638",
    }
    handler.head_refused = {"/http/rinfo.lagrummet.se/org/regeringskansliet"}
    handler.redirects = {
        "/http/www.wikidata.org/entity/Q3369258": "/https/www.wikidata.org/wiki/Special:EntityData/Q3369258"
    }
    assert main(["-C", str(project_copy), "links", "check", "--online", "--timeout", "5", *_rewrite(base)]) == 1
    lines = {
        ln.split()[3]: ln for ln in capsys.readouterr().out.splitlines() if ln.split()[:1] in (["ok"], ["problem"])
    }
    assert lines[LAGRUMMET + "kulturdepartementet"].startswith("problem 404")
    assert lines[LAGRUMMET + "regeringskansliet"].startswith("ok      200")  # HEAD refused, GET answered
    assert lines[WIKIDATA + "Q3369258"].startswith("ok      200") and "redirect" in lines[WIKIDATA + "Q3369258"]
    # the data portal does not promise that its IRIs resolve: a 404 there is reported, not a problem
    assert lines[DATAPORTAL + "SE8020028638"].startswith("ok      404")
    assert sum(1 for ln in lines.values() if ln.startswith("problem")) == 1
    assert ("GET", "/http/rinfo.lagrummet.se/org/regeringskansliet") in handler.seen
    # every link target of the data was dereferenced, and every identifier's source page
    g = to_rdflib(build_graph(load_corpus(project_copy / "data")).triples)
    expected = {str(o) for p in (OWL.sameAs, SKOS.exactMatch, RDFS.seeAlso) for o in g.objects(None, p)}
    expected |= {str(o) for i in g.subjects(RDF.type, ADMS.Identifier) for o in g.objects(i, DCTERMS.source)}
    assert set(lines) == expected and len(expected) > 10


def test_links_check_online_passes_when_every_target_answers(
    server: tuple[str, type[_Handler]], capsys: pytest.CaptureFixture[str]
) -> None:
    base, handler = server
    assert main(["-C", str(ROOT), "links", "check", "--online", *_rewrite(base)]) == 0
    assert "problem" not in capsys.readouterr().out
    assert handler.seen and all(path.startswith(("/http/", "/https/")) for _, path in handler.seen)


def test_links_check_online_reports_an_answer_that_is_not_http_as_a_problem(
    server: tuple[str, type[_Handler]], project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, handler = server
    handler.long_header = {"/http/rinfo.lagrummet.se/org/kulturdepartementet"}
    assert main(["-C", str(project_copy), "links", "check", "--online", "--timeout", "5", *_rewrite(base)]) == 1
    out = capsys.readouterr().out
    line = next(
        ln
        for ln in out.splitlines()
        if ln.endswith(LAGRUMMET + "kulturdepartementet") or LAGRUMMET + "kulturdepartementet " in ln
    )
    assert line.startswith("problem") and "no answer" in line and len(line) < 400, line


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/loop/a", "a redirect loop, or more than 10 redirects (the last: 302 Found)"),
        ("/loop/same", "a redirect loop, or more than 10 redirects (the last: 302 Found)"),
        ("/no-location/a", "a redirect that leads to no document: Found"),
        ("/to-ftp/a", "a redirect that leads to no document: redirected to ftp://127.0.0.1:9/x, which is not an http"),
    ],
)
def test_a_redirect_that_never_reaches_a_document_is_a_target_that_does_not_resolve(
    server: tuple[str, type[_Handler]], project_copy: Path, capsys: pytest.CaptureFixture[str], path: str, said: str
) -> None:
    base, _ = server
    iri = LAGRUMMET + "kulturdepartementet"
    rules = [*_rewrite(base), "--rewrite", f"{iri}={base}{path}"]
    assert main(["-C", str(project_copy), "links", "check", "--online", "--timeout", "5", *rules]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    # one line per target, each beginning with its verdict: urllib's three-line message is not among them
    assert lines and all(ln.startswith(("ok ", "problem ")) for ln in lines), captured.out
    line = next(ln for ln in lines if f" {iri} " in ln)
    assert line.startswith("problem 30") and said in line, line
    assert "0 problem(s) offline, 1 target(s) that do not resolve" in captured.err


def test_a_target_status_is_one_line_whatever_its_detail() -> None:
    def fetch(url: str, timeout: float) -> tuple[int | None, str]:
        return 302, "The HTTP server returned a redirect error\nThe last 30x error message was:\nFound\u2028x\r"

    (status,) = check_online([Target(WIKIDATA + "Q1", "link", "wikidata", "s")], fetch=fetch)
    assert status.problem and len(str(status).splitlines()) == 1 and "\r" not in str(status)


def test_the_longest_rewrite_wins_and_a_dead_host_is_a_problem() -> None:
    calls: list[str] = []

    def fetch(url: str, timeout: float) -> tuple[int | None, str]:
        calls.append(url)
        return (None, "no answer") if "dead" in url else (200, "OK")

    targets = [
        Target(WIKIDATA + "Q1", "link", "wikidata", "s"),
        Target(DATAPORTAL + "SE8020028638", "link", "dataportal", "s"),
    ]
    rules = [("http://", "http://dead/"), ("http://www.wikidata.org/", "http://mirror/")]
    statuses = check_online(targets, rules, fetch=fetch)
    assert calls.count("http://mirror/entity/Q1") == 1
    assert [s.problem for s in statuses] == [False, False]  # the dead data portal host is not promised
    statuses = check_online(targets, [("http://www.wikidata.org/", "http://dead/")], fetch=fetch)
    assert [s.problem for s in statuses] == [True, False]


def test_the_docs_give_the_released_linksets_and_their_counts(release: Path, root: Path) -> None:
    """docs/links.md's "In this release: <register> <n>" names every linkset of the released
    catalogue with its void:triples, and no other."""
    docs = " ".join((root / "docs" / "links.md").read_text(encoding="utf-8").split())
    found = re.search(r"In this release: ([^.]*)\.", docs)
    assert found, "docs/links.md has no 'In this release:' sentence"
    said = {
        name.strip().lower().replace(" ", ""): int(n)
        for name, n in re.findall(r"([A-Za-z][A-Za-z ]*?) (\d+)", found[1])
    }
    catalogue = Graph().parse(release / "catalog.ttl", format="turtle")
    released = {
        str(catalogue.value(ls, VOID.objectsTarget)).rsplit("/", 1)[1]: int(catalogue.value(ls, VOID.triples))
        for ls in catalogue.subjects(RDF.type, VOID.Linkset)
    }
    assert said == released
