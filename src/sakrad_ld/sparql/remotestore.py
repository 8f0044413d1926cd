"""An external SPARQL store queried over the SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/).

:class:`RemoteStore` answers the part of pyoxigraph's ``Store`` interface that querying and serving
use (``query`` and ``quads_for_pattern``), so the same code runs on the embedded store and on a
store such as Oxigraph server, Fuseki or GraphDB. A release pushed with ``sakrad-ld push`` lives in
one named graph; every request names that graph as its default graph (``default-graph-uri``,
Protocol §2.1.4), so a query sees exactly what the embedded store holds in its default graph.
"""

from __future__ import annotations

import io
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError

__all__ = ["InThreadPool", "RemoteStore"]

_RESULTS = "application/sparql-results+json"
_TRIPLES = "application/n-triples"
PROTOCOL_SPEC = "https://www.w3.org/TR/sparql11-protocol/#query-operation"


class RemoteStore:
    """The SPARQL query endpoint ``endpoint`` (such as ``http://localhost:7878/query``), reading ``graph``."""

    def __init__(self, endpoint: str, graph: str, timeout: float = 60.0) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise QueryError(
                f"{endpoint!r} is not an http(s) URL; give the store's SPARQL query endpoint, "
                "such as http://localhost:7878/query for Oxigraph"
            )
        self.endpoint = endpoint
        self.graph = graph
        self.timeout = timeout

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
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                media_type = response.headers.get_content_type()
                body = response.read()
        except urllib.error.HTTPError as err:
            detail = err.read(1000).decode("utf-8", "replace").strip()
            if err.code == 400:
                raise SyntaxError(detail or "the store refused the query") from None
            raise QueryError(
                f"{self.endpoint}: the store answered HTTP {err.code} {err.reason}{': ' + detail if detail else ''}"
            ) from None
        except (urllib.error.URLError, OSError) as err:
            raise QueryError(
                f"{self.endpoint}: cannot reach the store ({getattr(err, 'reason', err)}); is it "
                f"running, and is the URL its SPARQL query endpoint? ({PROTOCOL_SPEC})"
            ) from None
        if media_type == _TRIPLES:
            return [
                ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(io.BytesIO(body), format=ox.RdfFormat.N_TRIPLES)
            ]
        if media_type in (_RESULTS, "application/json"):
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        raise QueryError(f"{self.endpoint}: the store answered with {media_type}, not SPARQL results or N-Triples")

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
