"""SPARQL queries on a release: the saved queries, their parameters, and running a query.

The saved queries are the package's ``queries/`` folder (``src/sakrad_ld/queries/*.rq``), read
with :mod:`importlib.resources`, so every installation has them. Each file opens with comment
lines that describe it::

    # title: The sakråd an organisation had a role in
    # title-sv: Sakråd där en organisation hade en roll
    # description: Every sakråd in which the organisation has a role, and which …
    # description-sv: …
    # param: org (organisation): the organisation, as its IRI or its id (radda-barnen)

A parameter is bound by appending a ``VALUES`` clause to the query (SPARQL 1.1 §10.2.2), built
from pyoxigraph terms: an IRI is checked by pyoxigraph's IRI parser and a literal is escaped by
its writer, so a value can never change the query's structure. An unbound parameter leaves the
query answering for every value. ``SERVICE`` (federated query) is refused: it would make the
server fetch any URL a caller names.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError, ResultTooLarge
from ..formats import QUAD_FORMATS
from ..inputfiles import read_input_text
from ..iri import KINDS
from ..layout import DATA_STEM
from ..records import ID_PATTERN
from .limits import (
    MAX_QUERY_BYTES,
    Lexed,
    Token,
    check_query_text,
    keyword_reading,
    lex,
    without_byte_order_mark,
)
from .reasons import reason
from .results import Answer

__all__ = [
    "Dataset",
    "Parameter",
    "SavedQuery",
    "bind",
    "dataset_options",
    "evaluate",
    "query_dataset",
    "resolve",
    "saved_queries",
    "saved_query",
]

_HEADER = re.compile(r"^#\s*(title|title-sv|description|description-sv|param)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*\((\w+)\)\s*:\s*(.+)$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Parameter:
    """A value a saved query can be given: ``kind`` is a kind of thing (``organisation``), whose
    id may stand for its IRI, or ``iri`` or ``literal``."""

    name: str
    kind: str
    description: str


@dataclass(frozen=True)
class SavedQuery:
    """A documented SPARQL query shipped with sakrad-ld (``queries/<name>.rq``)."""

    name: str
    title: str
    description: str
    text: str
    title_sv: str = ""
    description_sv: str = ""
    parameters: tuple[Parameter, ...] = ()

    @property
    def file_name(self) -> str:
        return f"{self.name}.rq"


def parse_saved_query(name: str, text: str, where: str = "") -> SavedQuery:
    """A saved query from the text of its ``.rq`` file; QueryError if its header lacks a title."""
    fields: dict[str, list[str]] = {}
    params: list[Parameter] = []
    last = ""
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if m := _HEADER.match(line):
            last = m.group(1)
            if last == "param":
                p = _PARAM.match(m.group(2))
                if not p or (p.group(2) not in KINDS and p.group(2) not in ("iri", "literal")):
                    raise QueryError(
                        f"{where or name}: {line!r} is not a parameter; expected "
                        "'# param: NAME (KIND): what it is', KIND one of iri, literal, " + ", ".join(KINDS)
                    )
                params.append(Parameter(p.group(1), p.group(2), p.group(3).strip()))
            else:
                fields[last] = [m.group(2).strip()]
        elif last in fields and line[1:].strip():
            fields[last].append(line[1:].strip())
    if "title" not in fields:
        raise QueryError(f"{where or name}: a saved query opens with '# title: …' (and '# description: …')")
    joined = {k: " ".join(v) for k, v in fields.items()}
    return SavedQuery(
        name,
        joined["title"],
        joined.get("description", ""),
        text,
        joined.get("title-sv", ""),
        joined.get("description-sv", ""),
        tuple(params),
    )


@cache
def saved_queries() -> tuple[SavedQuery, ...]:
    """Every saved query, by name."""
    folder = resources.files("sakrad_ld").joinpath("queries")
    found = sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    return tuple(parse_saved_query(f.name[:-3], f.read_text("utf-8"), f"queries/{f.name}") for f in found)


def saved_query(name: str) -> SavedQuery:
    """The saved query called ``name``; QueryError naming the closest ones otherwise."""
    by_name = {q.name: q for q in saved_queries()}
    if name in by_name:
        return by_name[name]
    close = difflib.get_close_matches(name, by_name, n=3)
    hint = f"did you mean {' or '.join(close)}?" if close else "saved queries: " + ", ".join(by_name)
    raise QueryError(f"there is no saved query called {name!r}; {hint}")


def resolve(query: str) -> SavedQuery:
    """What the QUERY argument names: a ``.rq`` file, a saved query, or SPARQL text (named ``query``)."""
    if query.endswith(".rq") or ("\n" not in query and len(query) < 4096 and Path(query).is_file()):
        path = Path(query)
        if not path.exists() and not path.is_symlink():
            raise QueryError(f"{query}: no such file; give SPARQL text, a .rq file or the name of a saved query")
        # a regular file of at most the query limit, as UTF-8 (a folder, a FIFO, a device, a larger
        # file or other bytes are refused naming the path, before anything more is read)
        text = read_input_text(path, max_bytes=MAX_QUERY_BYTES, expected="a .rq file of SPARQL text in UTF-8")
        text = without_byte_order_mark(text)  # as Windows Notepad saves a file
        if text.startswith("#") and _HEADER.match(text.splitlines()[0]):
            return parse_saved_query(path.stem, text, str(path))
        return SavedQuery(path.stem, path.stem, "", text)
    if _NAME.match(query):
        return saved_query(query)
    return SavedQuery("query", "query", "", query)


def _term(param: Parameter, value: str, base: str) -> ox.NamedNode | ox.Literal:
    if param.kind == "literal":
        return ox.Literal(value)
    if param.kind == "iri" or _SCHEME.match(value):
        try:
            return ox.NamedNode(value)
        except ValueError as error:
            raise QueryError(f"parameter {param.name}: {value!r} is not an IRI ({error})") from None
    if not re.fullmatch(ID_PATTERN, value):
        raise QueryError(
            f"parameter {param.name}: {value!r} is neither an IRI nor an id "
            f"(lower-case letters, digits and single hyphens or dots)"
        )
    return ox.NamedNode(f"{base}id/{param.kind}/{value}")


def bind(query: SavedQuery, values: Mapping[str, str], base: str) -> str:
    """The query's text with ``values`` bound by a trailing VALUES clause; QueryError for a name the
    query does not declare or a value that is not an IRI or id."""
    declared = {p.name: p for p in query.parameters}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"{query.name} has no parameter {', '.join(unknown)}; its parameters: {known}")
    if not values:
        return query.text
    names = sorted(values)
    terms = [str(_term(declared[n], values[n], base)) for n in names]
    return query.text.rstrip() + f"\nVALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms)}) }}\n"


# --- running a query ----------------------------------------------------------------------------


#: Whether the process may reach the network (a query worker outside a network namespace of its
#: own, :func:`without_network_wall`): then the lexer is the only barrier before the engine fetches a
#: URL, and a query whose text holds the word ``service`` anywhere is refused.
_NO_NETWORK_WALL = False

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def without_network_wall() -> None:
    """Says that this process reaches the network: from now on :func:`refuse_federation` refuses any query
    whose text, with ``\\u`` and ``\\U`` escapes decoded, backslashes dropped and case folded, holds
    ``service`` anywhere (in a string, an IRI or a comment too), a check no tokenisation can fool."""
    global _NO_NETWORK_WALL
    _NO_NETWORK_WALL = True


def _decoded(text: str) -> str:
    def char(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else ""

    return _CODEPOINT.sub(char, text).replace("\\", "").casefold()


def refuse_federation(text: str | Lexed) -> None:
    """QueryError if the engine may read ``SERVICE`` in the query: a name that is ``SERVICE`` or begins
    with it after other keywords (``SERVICE:x``, ``trueSERVICE``: :func:`~sakrad_ld.sparql.limits.keyword_reading`),
    outside strings, IRIs and comments; in a process that reaches the network, the word anywhere."""
    lexed = text if isinstance(text, Lexed) else lex(text)
    for token, place in _places(lexed):
        # outside every bracket (the prologue, the query form, a dataset clause) the engine reads no
        # graph pattern, so a name there (PREFIX services:) is never SERVICE to it
        if place in ("inside", "any") and token.kind == "name" and "service" in keyword_reading(token.text):
            line = lexed.text.count("\n", 0, token.offset) + 1
            how = (
                "" if token.text.lower() == "service" else f" ({token.text[:40]} reads as SERVICE to the SPARQL engine)"
            )
            raise QueryError(
                f"line {line}: SERVICE (federated query) is not allowed here{how}; query this dataset only",
                ("query_error_service", {"line": str(line)}),
            )
    if _NO_NETWORK_WALL and "service" in _decoded(lexed.text):
        raise QueryError(
            "the query holds the word SERVICE (in some case, perhaps in a string, an IRI or a comment); this "
            "service cannot cut its query engine off from the network, so it refuses every query with that word",
            ("query_error_service_word", {}),
        )


#: The query forms; what comes before the first of them is the prologue (BASE and PREFIX).
_FORMS = frozenset({"select", "construct", "describe", "ask"})


class GivenAt(str):
    """Where a graph of a query's dataset was given, as a message says it ("FROM on line 3", "the
    request's default-graph-uri parameter"), with its ``clause`` (``FROM``, ``FROM NAMED``, a protocol
    parameter's name) and ``line`` (None for a parameter) for the words a page says it in."""

    clause: str
    line: int | None

    def __new__(cls, clause: str, line: int | None = None) -> GivenAt:
        said = f"{clause} on line {line}" if line is not None else f"the request's {clause} parameter"
        given = super().__new__(cls, said)
        given.clause, given.line = clause, line
        return given


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset a query asks for (SPARQL 1.1 Query §13.2): the graphs merged into its default
    graph and its named graphs, each IRI with where it was given (:class:`GivenAt`: ``FROM`` on a line,
    or a protocol parameter)."""

    default: tuple[tuple[str, GivenAt], ...] = ()
    named: tuple[tuple[str, GivenAt], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default or self.named)


def query_dataset(text: str | Lexed, base_iri: str | None = None) -> Dataset:
    """The graphs the query's ``FROM`` and ``FROM NAMED`` clauses name, resolved as the engine resolves
    them (its own ``PREFIX`` and ``BASE``, then ``base_iri``): the clauses are found among the tokens of
    :func:`~sakrad_ld.sparql.limits.lex`, and their IRIs or prefixed names are given, as written and after
    the query's prologue, to pyoxigraph on an empty store. QueryError when the engine cannot read them
    (the query's own syntax error), or for a name the engine may read as ``FROM`` or ``NAMED`` followed by
    more (``FROM:``, ``FROMex:g``, ``ASKFROM``), which the lexer does not guess at."""
    lexed = text if isinstance(text, Lexed) else lex(text)
    found: list[tuple[bool, str, int]] = []  # (named, IRI or prefixed name as written, offset)
    pending: tuple[bool, int] | None = None
    for token, place in _places(lexed):
        if place not in ("top", "any"):  # no dataset clause there (a sub-query has none): no FROM
            pending = None
            continue
        word = token.text.lower() if token.kind == "name" else ""
        reading = keyword_reading(word) if word else frozenset()
        if pending is not None:
            named, at = pending
            pending = None
            if not named and word == "named":
                pending = (True, at)
                continue
            if not named and "named" in reading:
                raise _glued(lexed, token.offset, token.text, "NAMED")
            if token.kind in ("iri", "name"):
                found.append((named, token.text, at))
                continue
        if word == "from":
            pending = (False, token.offset)
        elif "from" in reading:
            raise _glued(lexed, token.offset, token.text, "FROM")
    if not found:
        return Dataset()
    rows = " ".join(f"({i} {term})" for i, (_, term, _) in enumerate(found))
    probe = f"{_prologue(lexed)}\nSELECT ?i ?g WHERE {{ VALUES (?i ?g) {{ {rows} }} }}"
    try:
        solutions = ox.Store().query(probe, **({"base_iri": base_iri} if base_iri else {}))
        resolved = {int(s["i"].value): s["g"] for s in solutions}  # type: ignore[union-attr]
    except (SyntaxError, ValueError, TypeError):
        resolved = {}
    if len(resolved) != len(found) or not all(isinstance(g, ox.NamedNode) for g in resolved.values()):
        try:  # the query's own message, with its line and column (parsed only: it holds no SERVICE)
            ox.Store().query(lexed.text_run, **({"base_iri": base_iri} if base_iri else {}))
        except SyntaxError as error:
            raise _not_sparql(error, lexed) from None
        raise QueryError("the query's FROM or FROM NAMED clause names something that is not an IRI")
    default, named = [], []
    for i, (is_named, _, offset) in enumerate(found):
        line = lexed.text.count("\n", 0, offset) + 1
        where = GivenAt("FROM NAMED" if is_named else "FROM", line)
        (named if is_named else default).append((resolved[i].value, where))  # type: ignore[union-attr]
    return Dataset(tuple(default), tuple(named))


def _places(lexed: Lexed) -> Iterator[tuple[Token, str]]:
    """Each token with where it stands, for the keywords the engine may read there: "top" outside
    every bracket (the prologue, the query form, a dataset clause: ``FROM`` may be read there, a
    graph pattern never is), "inside" a bracket (``SERVICE`` may be read there, ``FROM`` never is: a
    sub-query has no dataset clause), "declared" for the name a ``PREFIX`` declares (neither). Once
    a bracket closes that was never opened, every later token is "any": both are looked for."""
    depth, declares = 0, False
    for token in lexed.tokens:
        if depth < 0:
            yield token, "any"
            continue
        if token.kind in ("open", "close"):
            depth += 1 if token.kind == "open" else -1
            yield token, "inside"
            continue
        if depth:
            yield token, "inside"
            continue
        yield token, "declared" if declares else "top"
        declares = token.kind == "name" and token.text.lower() == "prefix"


def _prologue(lexed: Lexed) -> str:
    """The query's BASE, PREFIX and VERSION declarations, as tokens."""
    words = {"base": 1, "prefix": 2, "version": 1}
    out: list[str] = []
    tokens = lexed.tokens
    i = 0
    while i < len(tokens) and tokens[i].kind == "name" and tokens[i].text.lower() in words:
        n = words[tokens[i].text.lower()]
        out.extend(t.text for t in tokens[i : i + n + 1])
        i += n + 1
    return " ".join(out)


def _glued(lexed: Lexed, offset: int, text: str, keyword: str) -> QueryError:
    at = text.lower().find(keyword.lower())
    read = f"{text[:at]} {keyword} {text[at + len(keyword) :]}".strip()
    return QueryError(
        f"{lexed.where(offset)}: the SPARQL engine may read {text[:60]} as {read[:80]}; write a space "
        f"before and after {keyword} (or give the prefix another name)"
    )


def _offered(store: object) -> tuple[str, ...]:
    """The graphs ``store`` answers for by name: the release's graph of a ReleaseStore or RemoteStore;
    none of a bare pyoxigraph store (its data is in its unnamed default graph)."""
    graph = getattr(store, "graph", None)
    return (graph,) if isinstance(graph, str) and graph else ()


def dataset_options(store: object, dataset: Dataset) -> dict[str, object]:
    """pyoxigraph's ``default_graph`` and ``named_graphs`` for the dataset a query or request asks for
    (no options without one: the store's own default); QueryError, saying what was given, where, and
    what this service holds, for a graph it does not hold, since answering from an empty or a
    different graph would be answering another question without saying so (the SPARQL 1.1 Protocol
    lets a service refuse such a request with 400, §2.1.4)."""
    if not dataset:
        return {}
    offered = _offered(store)
    for iri, where in (*dataset.default, *dataset.named):
        if iri not in offered:
            said = (
                ("query_error_graph_param", {"clause": where.clause, "iri": iri})
                if where.line is None
                else ("query_error_graph", {"clause": where.clause, "line": str(where.line), "iri": iri})
            )
            raise QueryError(f"{where} names <{iri}>, which is not a graph of this service; " + _holds(offered), said)
    # a dataset is a set of graphs: a graph named twice is read once (pyoxigraph would read it twice)
    return {
        "default_graph": [ox.NamedNode(iri) for iri in dict.fromkeys(iri for iri, _ in dataset.default)],
        "named_graphs": [ox.NamedNode(iri) for iri in dict.fromkeys(iri for iri, _ in dataset.named)],
    }


def _holds(offered: tuple[str, ...]) -> str:
    if not offered:
        return "this store has only its default graph: leave out FROM, FROM NAMED and the graph parameters"
    quads = " and ".join(DATA_STEM + f.suffix for f in QUAD_FORMATS)
    return (
        f"it holds one graph, <{offered[0]}>, the release (its data, vocabulary and catalogue): a query "
        "that names no dataset reads it as its default graph, and GRAPH reads it by that name. Name that "
        "graph, or leave out FROM, FROM NAMED, default-graph-uri and named-graph-uri; the graphs by source "
        f"document are in the release's files {quads}"
    )


def _not_sparql(error: SyntaxError, lexed: Lexed | None = None) -> QueryError:
    message = lexed.engine_message(str(error)) if lexed is not None else str(error)
    # the common mistakes the parser names wrongly (an undeclared prefix, an update, a surrogate)
    message = (reason(lexed, message) if lexed is not None else None) or message
    return QueryError(
        f"the query is not valid SPARQL 1.1: {message} (see https://www.w3.org/TR/sparql11-query/#grammar)"
    )


def evaluate(
    store: ox.Store,
    text: str,
    cap: int | None = None,
    default_graphs: tuple[str, ...] = (),
    named_graphs: tuple[str, ...] = (),
    base_iri: str | None = None,
) -> Answer:
    """Runs the query; QueryError for bad SPARQL (the parser's message) or a query too large or deep
    to parse safely (:mod:`sakrad_ld.sparql.limits`), ResultTooLarge when the answer passes ``cap``
    rows or triples (the query is stopped there, not run to the end). Relative IRIs in the query
    resolve against ``base_iri`` (the dataset's base) unless the query has its own ``BASE``.

    The dataset is the request's (``default_graphs``, ``named_graphs``: the protocol's
    ``default-graph-uri`` and ``named-graph-uri``) when it gives one, which then replaces the query's
    own (SPARQL 1.1 Protocol §2.1.4), else the query's ``FROM`` and ``FROM NAMED``; a graph the store
    does not hold is refused (:func:`dataset_options`), never answered as empty or as another graph.
    A byte order mark that opens ``text`` is dropped (:func:`~sakrad_ld.sparql.limits.without_byte_order_mark`)."""
    lexed = check_query_text(without_byte_order_mark(text))
    refuse_federation(lexed)
    options: dict[str, object] = {}
    if default_graphs or named_graphs:
        given = Dataset(
            tuple((g, GivenAt("default-graph-uri")) for g in default_graphs),
            tuple((g, GivenAt("named-graph-uri")) for g in named_graphs),
        )
    else:
        given = query_dataset(lexed, base_iri)
    options.update(dataset_options(store, given))
    if base_iri:
        options["base_iri"] = base_iri
    try:
        # the text the checks read: what the lexer took for comments is gone for the engine too
        result = store.query(lexed.text_run, **options)
        if isinstance(result, ox.QueryBoolean):
            return Answer("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = []
            for solution in result:
                if cap is not None and len(rows) >= cap:
                    raise ResultTooLarge(_too_large(cap, "rows"))
                rows.append(tuple(solution[i] for i in range(len(variables))))
            return Answer("select", variables=variables, rows=rows)
        triples = []
        for triple in result:
            if cap is not None and len(triples) >= cap:
                raise ResultTooLarge(_too_large(cap, "triples"))
            triples.append(triple)
        return Answer("graph", triples=triples)
    except SyntaxError as error:
        raise _not_sparql(error, lexed) from None
    except OSError as error:
        # never the error's text: it may hold what a server answered a SERVICE call (its body)
        raise QueryError(
            f"the query failed inside the SPARQL engine ({type(error).__name__}"
            f"{', ' + _UNREACHABLE if _UNREACHABLE.lower() in str(error).lower() else ''})"
        ) from None


_UNREACHABLE = "Network is unreachable"


def _too_large(cap: int, what: str) -> str:
    return (
        f"the answer has more than {cap} {what}, the most this service returns; the query was stopped. "
        "Ask for less: add LIMIT (and OFFSET to page), or narrow the pattern"
    )
