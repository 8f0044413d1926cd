"""An external SPARQL store queried over the SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/).

:class:`RemoteStore` answers the part of pyoxigraph's ``Store`` interface that querying and serving
use (``query`` and ``quads_for_pattern``), so the same code runs on the embedded store and on a
store such as Oxigraph server, Fuseki or GraphDB. A release pushed with ``sakrad-ld push`` lives in
one named graph; every request names that graph as its default graph (``default-graph-uri``,
Protocol §2.1.4), so a query sees exactly what the embedded store holds in its default graph.

Whatever goes wrong on the store's side is a :class:`StoreError`, never the error of a bad query:
the store cannot be reached or does not answer within the timeout, answers something that is not
HTTP, answers an HTTP error status (but 400, the store's parser refusing the query), answers more
than ``max_bytes`` (:data:`MAX_ANSWER_BYTES` unless the server sets its ``--result-bytes``), or
answers results or N-Triples that do not parse. The server answers it 502 Bad Gateway.
"""

from __future__ import annotations

import http.client
import io
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError

__all__ = ["MAX_ANSWER_BYTES", "InThreadPool", "RemoteStore", "StoreError"]

_RESULTS = "application/sparql-results+json"
_TRIPLES = "application/n-triples"
PROTOCOL_SPEC = "https://www.w3.org/TR/sparql11-protocol/#query-operation"
#: The most bytes of one answer read from the store where no limit is given (64 MiB); past it the
#: answer is refused, never read into memory whole.
MAX_ANSWER_BYTES = 64 * 2**20


class StoreError(QueryError):
    """The external store failed to answer a query: ``what`` went wrong, said without the store's
    address or its own text (``detail``), which :func:`str` adds for the log and the command line."""

    def __init__(self, endpoint: str, what: str, detail: str = "") -> None:
        self.endpoint, self.what, self.detail = endpoint, what, detail
        super().__init__(f"{endpoint}: {what}{': ' + detail if detail else ''}")


class RemoteStore:
    """The SPARQL query endpoint ``endpoint`` (such as ``http://localhost:7878/query``), reading ``graph``."""

    def __init__(self, endpoint: str, graph: str, timeout: float = 60.0, max_bytes: int = MAX_ANSWER_BYTES) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise QueryError(
                f"{endpoint!r} is not an http(s) URL; give the store's SPARQL query endpoint, "
                "such as http://localhost:7878/query for Oxigraph"
            )
        self.endpoint = endpoint
        self.graph = graph
        self.timeout = timeout
        self.max_bytes = max_bytes

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r}, {self.graph!r})"

    def query(
        self,
        query: str,
        *,
        default_graph: Sequence[ox.NamedNode] | None = None,
        named_graphs: Sequence[ox.NamedNode] | None = None,
        **_: object,
    ) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:
        """Runs ``query`` at the endpoint; the answer has the types ``pyoxigraph.Store.query`` returns
        (a CONSTRUCT or DESCRIBE answer is a list of triples)."""
        # the dataset as the embedded store reads it: the release's graph unless the query names one;
        # named graphs alone leave the default graph empty (Protocol §2.1.4), as no default-graph-uri does
        if default_graph is None:
            graphs = [] if named_graphs else [self.graph]
        else:
            graphs = [g.value for g in default_graph]
        form = [
            ("query", query),
            *(("default-graph-uri", g) for g in graphs),
            *(("named-graph-uri", g.value) for g in named_graphs or ()),
        ]
        request = urllib.request.Request(
            self.endpoint,
            data=urllib.parse.urlencode(form).encode(),
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": f"{_RESULTS}, {_TRIPLES};q=0.9"},
        )
        media_type, body = self._fetch(request)
        if media_type == _TRIPLES:
            return self._triples(body)
        if media_type in (_RESULTS, "application/json"):
            return self._results(body)
        raise StoreError(self.endpoint, f"the store answered with {media_type[:80]}, not SPARQL results or N-Triples")

    def _fetch(self, request: urllib.request.Request) -> tuple[str, bytes]:
        """The media type and the bytes of the store's answer to ``request``; SyntaxError where the
        store refused the query (400), StoreError for any failure of the store."""
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                media_type = response.headers.get_content_type()
                body = response.read(self.max_bytes + 1)
        except urllib.error.HTTPError as err:
            detail = _safely_read(err)
            if err.code == 400:
                raise SyntaxError(detail or "the store refused the query") from None
            raise StoreError(self.endpoint, f"the store answered HTTP {err.code} {err.reason}"[:200], detail) from None
        except http.client.HTTPException as err:
            raise StoreError(
                self.endpoint, f"the store answered something that is not HTTP ({type(err).__name__})"
            ) from None
        except TimeoutError:
            raise StoreError(self.endpoint, f"the store did not answer within {self.timeout:g} s") from None
        except (urllib.error.URLError, OSError) as err:
            raise StoreError(
                self.endpoint,
                f"cannot reach the store ({getattr(err, 'reason', err)}); is it running, and is the URL its "
                f"SPARQL query endpoint? ({PROTOCOL_SPEC})",
            ) from None
        if len(body) > self.max_bytes:
            raise StoreError(
                self.endpoint,
                f"the store's answer is longer than {self.max_bytes} bytes, the most read from it; "
                "ask for less (LIMIT, a narrower pattern)",
            )
        return media_type, body

    def _triples(self, body: bytes) -> list[ox.Triple]:
        try:
            return [
                ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(io.BytesIO(body), format=ox.RdfFormat.N_TRIPLES)
            ]
        except (SyntaxError, ValueError) as error:
            raise StoreError(
                self.endpoint, "the store answered N-Triples that do not parse", str(error)[:200]
            ) from None

    def _results(self, body: bytes) -> ox.QuerySolutions | ox.QueryBoolean:
        """The results in ``body``, read once whole first (the parser reads solutions as they are
        asked for: a fault further on would otherwise surface as the query's)."""
        try:
            _read_whole(body)
        except (SyntaxError, ValueError) as error:
            raise StoreError(
                self.endpoint, "the store answered SPARQL results in JSON that do not parse", str(error)[:200]
            ) from None
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)

    def quads_for_pattern(
        self,
        subject: ox.NamedNode | ox.BlankNode | None,
        predicate: ox.NamedNode | None,
        object: ox.NamedNode | ox.BlankNode | ox.Literal | None,
        graph_name: object = None,
    ) -> Iterator[ox.Quad]:
        """The triples matching the pattern (``None`` matches anything), as quads of the default graph."""
        terms = [subject, predicate, object]
        variables = ["?s", "?p", "?o"]
        pattern = " ".join(str(t) if t is not None else v for t, v in zip(terms, variables, strict=True))
        wanted = [v for t, v in zip(terms, variables, strict=True) if t is None]
        if not wanted:
            answer = self.query(f"ASK {{ {pattern} }}")
            if bool(answer):
                yield ox.Quad(subject, predicate, object, ox.DefaultGraph())  # type: ignore[arg-type]
            return
        answer = self.query(f"SELECT {' '.join(wanted)} WHERE {{ {pattern} }}")
        assert isinstance(answer, ox.QuerySolutions)
        for row in answer:
            s, p, o = (t if t is not None else row[v[1:]] for t, v in zip(terms, variables, strict=True))
            yield ox.Quad(s, p, o, ox.DefaultGraph())


def _read_whole(body: bytes) -> None:
    """Reads every solution of the results in ``body``; SyntaxError or ValueError where they do not
    parse. The parsed results stay in this frame (pyoxigraph's may not be dropped in another thread,
    as an error's traceback would carry them)."""
    answer = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if isinstance(answer, ox.QuerySolutions):
        try:
            for _ in answer:
                pass
        finally:
            del answer


def _safely_read(err: urllib.error.HTTPError) -> str:
    """The start of the body of the store's error answer, as text ("" where it cannot be read)."""
    try:
        return err.read(1000).decode("utf-8", "replace").strip()
    except (http.client.HTTPException, OSError):
        return ""


class InThreadPool:
    """Stands in for the server's pool of query workers when an external store runs the queries:
    a job is answered in the calling thread, and the store enforces its own time limit."""

    def __init__(self, release: Any, answer: Callable[[Any, Any], Any]) -> None:
        self.release, self.answer = release, answer

    def start(self) -> None:
        return None

    def run(self, job: Any) -> Any:
        return self.answer(self.release, job)

    @property
    def pids(self) -> list[int]:
        return []

    def close(self) -> None:
        return None
