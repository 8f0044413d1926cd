"""The saved queries answer their questions on the release of the fixture project (tests/fixtures/project); ``sakrad-ld query`` prints every format.

Each case is a file pair in ``tests/queries/``: ``<query>[.<variant>].tsv`` holds the expected
answer (SPARQL TSV, checked by reading the data) and ``<query>.<variant>.params`` the parameters
(``NAME=VALUE`` lines). The data grows while the project does: when a meeting is added, rerun
``sakrad-ld query --format tsv NAME`` on a fresh release and check the new rows against the sources.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.cli import main
from sakrad_ld.errors import QueryError, ResultTooLarge
from sakrad_ld.sparql.limits import check_query_text
from sakrad_ld.sparql.query import bind, evaluate, parse_saved_query, refuse_federation, resolve, saved_queries
from sakrad_ld.sparql.store import Release

CASES = Path(__file__).resolve().parent / "queries"


def _rows(tsv: bytes) -> tuple[list[str], list[list[str]]]:
    parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    variables = [v.value for v in parsed.variables]
    return variables, [["" if s[v] is None else str(s[v]) for v in variables] for s in parsed]


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


@pytest.mark.parametrize("case", sorted(p.name[:-4] for p in CASES.glob("*.tsv")))
def test_saved_query_answers_as_expected(case: str, opened: Release) -> None:
    name = case.split(".")[0]
    params_file = CASES / f"{case}.params"
    params = dict(line.split("=", 1) for line in params_file.read_text("utf-8").split()) if params_file.exists() else {}
    query = next(q for q in saved_queries() if q.name == name)
    answer = evaluate(opened.store, bind(query, params, opened.base_iri))
    from sakrad_ld.formats import RESULTS_FORMATS
    from sakrad_ld.sparql.results import results_bytes

    actual = _rows(results_bytes(answer, next(f for f in RESULTS_FORMATS if f.name == "tsv")))
    expected = _rows((CASES / f"{case}.tsv").read_bytes())
    if actual != expected:
        diff = difflib.unified_diff(
            ["\t".join(r) for r in [expected[0], *expected[1]]],
            ["\t".join(r) for r in [actual[0], *actual[1]]],
            "expected",
            "actual",
            lineterm="",
        )
        pytest.fail(f"{case}: the answer differs from tests/queries/{case}.tsv\n" + "\n".join(diff))


def test_there_are_at_least_ten_documented_saved_queries_each_with_a_case() -> None:
    queries = saved_queries()
    assert len(queries) >= 10
    cases = {p.name.split(".")[0] for p in CASES.glob("*.tsv")}
    for q in queries:
        assert q.title and q.description, q.name
        assert q.title_sv and q.description_sv, q.name
        assert q.name in cases, f"saved query {q.name} has no expected answer in tests/queries/"
        assert q.text.lstrip().startswith("#")
    assert {p.name for q in queries for p in q.parameters} == {"org"}


def test_a_parameter_is_bound_by_values_and_cannot_change_the_query(opened: Release) -> None:
    query = next(q for q in saved_queries() if q.parameters)
    text = bind(query, {"org": "radda-barnen"}, opened.base_iri)
    assert text.rstrip().endswith(f"VALUES (?org) {{ (<{opened.base_iri}id/organisation/radda-barnen>) }}")
    for hostile in ("x> } DROP ALL #", "radda barnen", "<http://a>", 'a" }'):
        with pytest.raises(QueryError, match="parameter org"):
            bind(query, {"org": hostile}, opened.base_iri)
    with pytest.raises(QueryError, match="has no parameter who"):
        bind(query, {"who": "x"}, opened.base_iri)
    # a literal parameter is escaped by pyoxigraph's writer
    literal = parse_saved_query("t", "# title: t\n# param: q (literal): a text\nSELECT ?q WHERE {}\n")
    text = bind(literal, {"q": 'a" } ; DROP ALL #\n'}, opened.base_iri)
    rows = list(opened.store.query(text))
    assert rows[0]["q"].value == 'a" } ; DROP ALL #\n'


def test_federated_query_is_refused_but_the_word_in_a_string_is_not() -> None:
    with pytest.raises(QueryError, match="line 2: SERVICE"):
        refuse_federation("SELECT * WHERE {\n SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="SERVICE"):
        refuse_federation("select * { service silent <http://x/> { ?s ?p ?o } }")
    refuse_federation('SELECT * WHERE { ?s ?p "SERVICE" . ?s <http://x/SERVICE> ?service } # SERVICE')


def test_the_cap_stops_a_query_and_bad_sparql_gives_the_parser_message(opened: Release) -> None:
    with pytest.raises(ResultTooLarge, match="more than 5 rows"):
        evaluate(opened.store, "SELECT * WHERE { ?s ?p ?o }", cap=5)
    with pytest.raises(QueryError, match=r"not valid SPARQL 1.1: error at 1:\d+"):
        evaluate(opened.store, "SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryError, match="not valid SPARQL"):
        evaluate(opened.store, "INSERT DATA { <http://a> <http://b> <http://c> }")


def test_the_store_holds_data_and_ontology_together(opened: Release) -> None:
    ask = (
        "ASK { <https://w3id.org/sakrad/ontology> a <http://www.w3.org/2002/07/owl#Ontology> . "
        "?m a <https://w3id.org/sakrad/ontology#Sakrad> }"
    )
    assert bool(opened.store.query(ask))
    assert opened.base_iri == "https://w3id.org/sakrad/"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_query_command_prints_each_format(release: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, tsv, _ = _run(capsys, "query", "--release", str(release), "--format", "tsv", "questions")
    assert code == 0
    variables, rows = _rows(tsv.encode())
    assert variables == ["meeting", "position", "question", "text"] and len(rows) >= 4
    code, table, _ = _run(capsys, "query", "--release", str(release), "questions")
    assert code == 0 and f"({len(rows)} rows)" in table and "<id/meeting/2017-12-12-integration>" in table
    code, out, _ = _run(capsys, "query", "--release", str(release), "--format", "json", "questions")
    doc = json.loads(out)
    assert doc["head"]["vars"] == variables and len(doc["results"]["bindings"]) == len(rows)
    code, out, _ = _run(capsys, "query", "--release", str(release), "--format", "xml", "questions")
    assert code == 0 and len(list(ox.parse_query_results(out.encode(), format=ox.QueryResultsFormat.XML))) == len(rows)
    code, out, _ = _run(capsys, "query", "--release", str(release), "--format", "csv", "questions")
    table_rows = list(csv.reader(io.StringIO(out)))
    assert code == 0 and table_rows[0] == variables and len(table_rows) == len(rows) + 1
    assert table_rows[1][3] == rows[0][3].split('"')[1]  # CSV gives the plain text of a literal
    code, ttl, _ = _run(capsys, "query", "--release", str(release), "DESCRIBE <https://w3id.org/sakrad/role/chair>")
    assert code == 0
    graph = [q.triple for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)]
    assert (
        ox.Triple(
            ox.NamedNode("https://w3id.org/sakrad/role/chair"),
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode("http://www.w3.org/2004/02/skos/core#Concept"),
        )
        in graph
    )


def test_query_command_reads_a_file_and_binds_a_parameter(
    release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "mine.rq"
    file.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?m a <https://w3id.org/sakrad/ontology#Sakrad> }\n")
    assert resolve(str(file)).text == file.read_text()
    code, out, _ = _run(capsys, "query", "--release", str(release), "--format", "csv", str(file))
    assert code == 0 and int(out.split()[1]) >= 1
    code, out, _ = _run(
        capsys,
        "query",
        "--release",
        str(release),
        "--format",
        "tsv",
        "organisation-participation",
        "--param",
        "org=svenska-kyrkan",
    )
    assert code == 0 and out.count("/id/organisation/svenska-kyrkan>") == len(out.splitlines()) - 1 >= 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["chair"], "did you mean chairs?"),
        (["SELECT * WHERE { ?s ?p }"], "error at 1:"),
        (["organisations", "--param", "org=x"], "organisations has no parameter org"),
        (["organisation-participation", "--param", "org"], "expected NAME=VALUE"),
        (["nowhere.rq"], "nowhere.rq: no such file"),
    ],
)
def test_query_command_says_what_is_wrong(
    argv: list[str], message: str, release: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "query", "--release", str(release), *argv)
    assert code == 2 and message in err


def test_query_command_on_a_folder_that_is_no_release(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "query", "--release", str(tmp_path), "chairs")
    assert code == 2 and "not a sakrad-ld release" in err and "sakrad-ld build" in err


def test_list_names_every_saved_query(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "query", "--list")
    assert code == 0
    for q in saved_queries():
        assert q.name in out and q.title in out
    assert "organisation-participation --param org=…" in out


def test_an_escape_in_a_prefixed_name_neither_hides_the_rest_nor_merges_two_queries() -> None:
    """``ex:a\\#b`` and ``ex:a\\'b`` are names, as the engine reads them: what follows them is neither a
    comment nor a string to the SERVICE check, the limits and the answer cache, which read the same
    tokens (a query that differs after such a name is another query)."""
    from sakrad_ld.serving.answers import normalised_query

    head = "PREFIX ex: <http://e/> SELECT * WHERE { BIND(ex:a\\#b AS ?q) "
    with pytest.raises(QueryError, match="SERVICE"):
        refuse_federation(head + "SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert normalised_query(head + "?s ?p ?o }") != normalised_query(head + "?s ?p 1 }")
    with pytest.raises(QueryError, match="deeper than 64"):
        check_query_text(head + "{" * 100 + "}" * 100 + " }")
