"""The lexer of ``sparql/limits.py`` against the engine: generated queries from fragments that tokenise
differently under careless rules (comments ended by CR, keywords glued to ``:`` and ``.``, escapes,
quotes inside strings, ``#`` in IRIs, ``<`` in expressions), each run in pyoxigraph and checked by the
lexer. Whatever the engine reads as ``SERVICE``, ``FROM`` or live text, the lexer must read so too (or
refuse the query), and the text the engine is given (the lexer's) must answer as the text as written."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from sakrad_ld.errors import QueryError
from sakrad_ld.serving.answers import normalised_query
from sakrad_ld.sparql.limits import check_query_text, keyword_reading
from sakrad_ld.sparql.query import evaluate, query_dataset, refuse_federation

FRAGMENTS = [
    "#\r",
    "#\r\n",
    "#\n",
    "# x\x0c",
    "# x\x85",
    "# x\u2028",
    '"#"',
    "'#'",
    '"""#\n"""',
    "'''#'''",
    "'\\''",
    '"\\""',
    '"\\u0022"',
    "<http://x/#>",
    "<#>",
    "?x.",
    "?x",
    "ex:a\\#b",
    "ex:a.b",
    ".",
    "1.",
    "1.e",
    "true",
    '"x"@en',
    '"x"@en--ltr',
    "FILTER(?o<",
    "FILTER(?o<1&&?o>",
    ")",
    "(",
    '"',
    "'",
    '"""',
    "'''",
    "<",
    ">",
    ":",
    "ex:",
    "_:b.",
    "{",
    "}",
    "\\",
    "SERVICE",
    "FROM",
    "?s ?p ?o",
    "?s ?p ?o .",
]
GAPS = ["", " ", "\r", "\n", "\r\n", "\t"]
SERVICE = "SERVICE <http://127.0.0.1:1/> { ?a ?b ?c }"
MARK = 'BIND("MARK" AS ?m)'
PREFIX = "PREFIX ex: <http://e/> PREFIX : <http://x/g>\n"


def _store() -> ox.Store:
    store = ox.Store()
    s, p = ox.NamedNode("http://m/s"), ox.NamedNode("http://m/p")
    store.add(ox.Quad(s, p, ox.Literal("in-default")))
    store.add(ox.Quad(s, p, ox.Literal("in-x"), ox.NamedNode("http://x/g")))
    return store


def _queries(payload: str, seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 3))]
        parts.insert(rng.randint(0, len(parts)), payload)
        body = "".join(rng.choice(GAPS) + part for part in parts) + rng.choice(GAPS)
        out.append(f"{PREFIX}SELECT * WHERE {{ ?s ?p ?o {body} }}")
    return out


def _engine(store: ox.Store, text: str) -> list | str:
    try:
        return sorted(tuple(str(t) for t in row) for row in store.query(text))
    except SyntaxError:
        return "syntax"
    except OSError as error:
        return "service" if "port 1" in str(error) else f"io: {error}"


def _lexer_refuses(check, text: str) -> bool:
    try:
        check(text)
    except QueryError:
        return True
    return False


@pytest.mark.parametrize("seed", range(4))
def test_what_the_engine_reads_as_service_the_lexer_refuses(seed: int) -> None:
    store, seen = _store(), 0
    for text in _queries(SERVICE, seed, 1500):
        engine = _engine(store, text)
        refused = _lexer_refuses(lambda t: refuse_federation(check_query_text(t)), text)
        if engine == "service":
            seen += 1
            assert refused, text
        if not refused:  # what runs is the lexer's text: it never reaches a SERVICE either
            assert _engine(store, check_query_text(text).text_run) != "service", text
    assert seen > 40  # the generator does make queries the engine runs


@pytest.mark.parametrize("seed", range(4))
def test_text_the_engine_reads_is_text_the_lexer_reads(seed: int) -> None:
    store, compared = _store(), 0
    for text in _queries(MARK, seed, 1500):
        engine = _engine(store, text)
        if isinstance(engine, str) or _lexer_refuses(check_query_text, text):
            continue
        compared += 1
        lexed = check_query_text(text)
        read = any(t.kind == "string" and t.text == '"MARK"' for t in lexed.tokens)
        if engine:  # an answer with rows has the mark exactly when the engine read the BIND
            assert any('"MARK"' in row for row in engine) is read, text
        assert _engine(store, lexed.text_run) == engine, text  # the text that runs answers the same
        assert normalised_query(text) == lexed.text_run
        assert [t.text for t in check_query_text(lexed.text_run).tokens] == [t.text for t in lexed.tokens]
    assert compared > 50


@pytest.mark.parametrize("seed", range(4))
def test_a_from_the_engine_reads_is_found_or_refused(seed: int) -> None:
    store, seen = _store(), 0
    rng = random.Random(seed)
    for _ in range(400):
        parts = [rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 2))]
        parts.insert(
            rng.randint(0, len(parts)), rng.choice(["FROM <http://x/g>", "FROM:", "FROM :", "FROM<http://x/g>"])
        )
        text = PREFIX + "SELECT ?o " + "".join(rng.choice(GAPS) + p for p in parts) + " WHERE { ?s ?p ?o }"
        engine = _engine(store, text)
        if isinstance(engine, str) or ('"in-x"',) not in engine:
            continue
        seen += 1
        try:
            dataset = query_dataset(check_query_text(text))
        except QueryError:
            continue
        assert "http://x/g" in [iri for iri, _ in dataset.default], text
    assert seen > 10


def test_keywords_glued_to_what_follows_are_read_as_the_engine_reads_them() -> None:
    assert "service" in keyword_reading("SERVICE:x")
    assert "service" in keyword_reading("trueSERVICE")
    assert "from" in keyword_reading("ASKFROM")
    assert "service" not in keyword_reading("dcat:DataService")
    assert "from" not in keyword_reading("ex:from")


def test_a_graph_named_twice_is_read_once() -> None:
    store = _store()
    graph = ox.NamedNode("http://x/g")

    class Named:  # a store holding one graph by name, as a release's
        def __init__(self) -> None:
            self.graph = graph.value

        def query(self, text: str, **options: object):
            return store.query(text, **options)

    answer = evaluate(Named(), "SELECT ?o FROM <http://x/g> FROM <http://x/g> WHERE { ?s ?p ?o }")
    assert [str(row[0]) for row in answer.rows] == ['"in-x"']
    answer = evaluate(Named(), "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=(graph.value, graph.value))
    assert len(answer.rows) == 1


def test_a_syntax_error_names_the_line_and_column_as_written() -> None:
    text = "SELECT *\n  # a comment\n  WHERE {\n    ?s ?p\n  }"
    with pytest.raises(QueryError, match=r"error at 5:\d"):
        evaluate(_store(), text)


def test_without_the_network_wall_the_word_service_is_refused_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    from sakrad_ld.sparql import query

    refuse_federation('SELECT * WHERE { ?s ?p "\\u0053ervice" }')
    monkeypatch.setattr(query, "_NO_NETWORK_WALL", True)
    for text in [
        'SELECT * WHERE { ?s ?p "\\u0053ervice" }',
        "SELECT * WHERE { ?s ?p ?o } # SeRvIcE",
        "ASK { <http://x/service> ?p ?o }",
    ]:
        with pytest.raises(QueryError, match="cannot cut its query engine off"):
            refuse_federation(text)
    refuse_federation("ASK { ?s ?p ?o }")


def test_a_run_of_words_that_is_no_prefix_is_read_once(monkeypatch) -> None:
    """'a-a-a-…' is no prefixed name: the prefix is looked for once for the run, not again from each
    of its words, which made the lexer quadratic (seconds for 32 KB, on the server's event loop)."""
    from sakrad_ld.sparql import limits

    tried = []

    class Counted:
        def __init__(self, pattern) -> None:  # noqa: ANN001
            self.pattern = pattern

        def match(self, text: str, at: int):  # noqa: ANN201
            tried.append(at)
            return self.pattern.match(text, at)

    monkeypatch.setattr(limits, "_TERMINALS", Counted(limits._TERMINALS))
    head = "SELECT * WHERE { ?s ?p ?o } #\n"
    for words in (100, 10_000):
        tried.clear()
        lexed = limits.lex(head + "a-" * words)
        assert [t.text for t in lexed.tokens[-4:]] == ["a", "-", "a", "-"]
        assert len(tried) < 20, (words, len(tried))  # the header's tokens and the run's first word


@pytest.mark.parametrize(
    "text",
    [
        "PREFIX fromage: <http://example.org/cheese/>\nSELECT ?c WHERE { ?c a fromage:Cheese }",
        "PREFIX services: <http://example.org/s/>\nSELECT ?s WHERE { ?s a <http://example.org/s/Office> }",
        "PREFIX age: <http://example.org/a/>\nPREFIX fromage: <http://example.org/f/>\n"
        "CONSTRUCT { ?s ?p fromage:x } WHERE { ?s ?p ?o }",
    ],
)
def test_a_name_beginning_with_a_keyword_is_refused_only_where_the_engine_may_read_the_keyword(text: str) -> None:
    """FROM is read only outside brackets (a sub-query has no dataset clause), SERVICE only inside
    them, and neither in the name a PREFIX declares: such a query is no federation and names no
    dataset, and the engine reads it so (run on an empty store). A name beginning with SERVICE is
    still refused inside braces, where the engine may read it as SERVICE when it cannot read it as
    a subject ({ services:x { … } })."""
    from sakrad_ld.sparql.query import query_dataset, refuse_federation

    refuse_federation(text)
    assert not query_dataset(text)
    assert list(ox.Store().query(text)) == []


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("PREFIX age: <http://example.org/a/>\nSELECT * fromage:g WHERE { ?s ?p ?o }", "FROM"),
        ("PREFIX : <http://127.0.0.1:1/>\nSELECT * WHERE { ?s ?p ?o . SERVICE:x { ?a ?b ?c } }", "SERVICE"),
        ("SELECT * WHERE { { ?s ?p ?o } } } SERVICE:x", "SERVICE"),
        ("PREFIX services: <http://127.0.0.1:1/>\nSELECT * WHERE { services:x { ?a ?b ?c } }", "SERVICE"),
    ],
)
def test_where_the_engine_may_read_the_keyword_the_name_is_still_refused(text: str, keyword: str) -> None:
    from sakrad_ld.errors import QueryError
    from sakrad_ld.sparql.query import query_dataset, refuse_federation

    with pytest.raises(QueryError, match=keyword):
        refuse_federation(text)
        query_dataset(text)
