"""Loads a release into an external SPARQL store (https://www.w3.org/TR/sparql11-http-rdf-update/).

The SPARQL 1.1 Graph Store HTTP Protocol names a graph with ``?graph=IRI`` on the store's graph
endpoint; ``PUT`` replaces that graph as a whole (§5.3), so a push is atomic per release from the
reader's side in every store that applies one request in one transaction (Oxigraph, Fuseki,
GraphDB, Virtuoso). Each release goes into a named graph of its own, by default
``{base_iri}graph/{version}``; pushing the same release again replaces it, pushing a new version
adds a graph beside the old one; the name is the release's own (its manifest,
:mod:`sakrad_ld.manifest`), so a release pushed after the project's YAML changed still goes where
``serve --store`` looks for it. The graph holds what the embedded store holds
(:func:`sakrad_ld.sparql.store.open_store`): the data (``sakrad.nt``, streamed from disk), the ontology
and role scheme (``ontology/*.ttl``) and the catalogue (``catalog.ttl``) when the release has one,
so every saved query answers the same on both.
"""

from __future__ import annotations

import http.client
import itertools
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import ReleaseError, SakradError, shown
from ..formats import by_name
from ..layout import CATALOGUE_FILE, DATA_FILE
from ..manifest import read_manifest

__all__ = ["PushResult", "graph_url", "push", "release_graph"]

GSP_SPEC = "https://www.w3.org/TR/sparql11-http-rdf-update/#http-put"


@dataclass(frozen=True)
class PushResult:
    """What a push sent: the named graph it replaced, and how many triples and bytes."""

    graph: str
    triples: int
    bytes: int
    status: int


def release_graph(release: Path) -> str:
    """The named graph of the release in folder ``release``: ``{base_iri}graph/{version}``, as its
    manifest names it."""
    return read_manifest(release).graph


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of ``graph`` at ``endpoint`` (indirect graph identification, §4.2)."""
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def push(release: Path, endpoint: str, graph: str | None = None, timeout: float = 600.0) -> PushResult:
    """Replaces the named graph ``graph`` at the Graph Store endpoint with the release's triples
    (``graph`` None: the release's own graph, :func:`release_graph`)."""
    graph = graph or release_graph(release)
    source = release / DATA_FILE
    if not source.is_file():
        raise ReleaseError(f"{source}: no such file; build the release first (sakrad-ld build --out {release})")
    if not endpoint.startswith(("http://", "https://")):
        raise SakradError(
            f"{endpoint!r} is not an http(s) URL; give the store's Graph Store endpoint, "
            "such as http://localhost:7878/store for Oxigraph"
        )
    extra = _companions(release)
    with source.open("rb") as lines:
        triples = sum(1 for line in lines if line.strip() and not line.startswith(b"#"))
    triples += extra.count(b"\n")
    size = source.stat().st_size + len(extra)
    with source.open("rb") as data:
        body = itertools.chain(_chunks(data), [extra])
        request = urllib.request.Request(
            graph_url(endpoint, graph),
            data=body,
            method="PUT",
            headers={"Content-Type": by_name("ntriples").media_type, "Content-Length": str(size)},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as err:
            detail = err.read(500).decode("utf-8", "replace").strip()
            raise SakradError(
                f"{endpoint}: the store refused the PUT of graph <{graph}> with HTTP {err.code} "
                f"{err.reason}{': ' + detail if detail else ''}; check that the URL is the "
                f"store's Graph Store endpoint and that it accepts writes ({GSP_SPEC})"
            ) from None
        except http.client.HTTPException as err:  # BadStatusLine, LineTooLong, …: not OSError
            raise SakradError(
                f"{endpoint}: the store's answer is not HTTP ({type(err).__name__}: {shown(str(err).strip()[:200])}); "
                "check that the URL is the store's Graph Store endpoint, not another service's port"
            ) from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise SakradError(
                f"{endpoint}: cannot reach the store ({reason}); is it running, and is the URL right?"
            ) from None
    return PushResult(graph, triples, size, status)


def _companions(release: Path) -> bytes:
    """The ontology and the catalogue as N-Triples, one triple a line (they are small)."""
    files = sorted((release / "ontology").glob("*.ttl"))
    if (release / CATALOGUE_FILE).is_file():
        files.append(release / CATALOGUE_FILE)
    triples: list[ox.Triple] = []
    for path in files:
        try:
            triples.extend(q.triple for q in ox.parse(path=path, format=ox.RdfFormat.TURTLE))
        except SyntaxError as error:
            raise ReleaseError(f"{path}: not valid Turtle ({error}); rebuild the release") from None
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _chunks(file, size: int = 1 << 20) -> Iterator[bytes]:  # noqa: ANN001
    while chunk := file.read(size):
        yield chunk
