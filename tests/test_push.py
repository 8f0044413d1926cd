"""`sakrad-ld push` into a real Oxigraph server, and the saved queries answered by that store.

The server (PyPI ``oxigraph``, its ``oxigraph`` command) is started on 127.0.0.1 with a free port
for this module and stopped at its end.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from loopback import free_port

from sakrad_ld.cli import main
from sakrad_ld.sparql.push import graph_url, release_graph
from sakrad_ld.sparql.query import evaluate, saved_queries
from sakrad_ld.sparql.remotestore import RemoteStore
from sakrad_ld.sparql.results import Answer
from sakrad_ld.sparql.store import open_store


def _oxigraph_command() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    assert Path(found).exists(), "the oxigraph server is missing: pip install -e '.[test]' installs it"
    return found


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of an Oxigraph server on loopback, with its data in a temporary folder."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [_oxigraph_command(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(2400):  # up to 120 s for a busy machine to start it
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"oxigraph serve stopped: {process.stderr.read().decode() if process.stderr else ''}")
                time.sleep(0.05)
        else:
            pytest.fail("oxigraph serve did not answer within 120 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _push(root: Path, oxigraph: str, release: Path, *more: str) -> int:
    """``sakrad-ld push`` of ``release`` to the Oxigraph server at ``oxigraph`` (``more``: its further options)."""
    return main(["-C", str(root), "push", "--endpoint", f"{oxigraph}/store", "--release", str(release), *more])


def _count(url: str, graph: str) -> int:
    answer = RemoteStore(f"{url}/query", graph).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(next(iter(answer))["n"].value)


def _canonical(answer: Answer) -> object:
    """The answer without the order the store happened to give (saved queries order ties loosely)."""
    if answer.form == "select":
        return answer.variables, sorted(tuple(str(t) for t in row) for row in answer.rows)
    if answer.form == "graph":
        return sorted(str(t) for t in answer.triples)
    return answer.boolean


def test_push_replaces_the_named_graph_as_a_whole(oxigraph: str, release: Path, root: Path) -> None:
    graph = release_graph(release)
    stale = b"<https://example.org/stale> <https://example.org/p> <https://example.org/o> .\n"
    urllib.request.urlopen(
        urllib.request.Request(
            graph_url(f"{oxigraph}/store", graph),
            data=stale,
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        )
    ).close()
    assert _count(oxigraph, graph) == 1

    assert _push(root, oxigraph, release) == 0
    store = open_store(release)
    assert _count(oxigraph, graph) == len(store)
    ask = RemoteStore(f"{oxigraph}/query", graph).query("ASK { <https://example.org/stale> ?p ?o }")
    assert not bool(ask), "the stale triple survived: the push added to the graph instead of replacing it"

    # a second push of the same release leaves the same graph, and other graphs are not touched
    assert _push(root, oxigraph, release, "--graph", "https://example.org/graph/other") == 0
    assert _push(root, oxigraph, release) == 0
    assert _count(oxigraph, graph) == len(store)
    assert _count(oxigraph, "https://example.org/graph/other") == len(store)


@pytest.mark.parametrize("query", saved_queries(), ids=lambda q: q.name)
def test_saved_query_answers_the_same_on_the_external_store(oxigraph: str, release: Path, root: Path, query) -> None:  # noqa: ANN001
    graph = "https://example.org/graph/saved-queries"
    assert _push(root, oxigraph, release, "--graph", graph) == 0
    embedded = evaluate(open_store(release), query.text)
    remote = evaluate(RemoteStore(f"{oxigraph}/query", graph), query.text)  # type: ignore[arg-type]
    assert remote.form == embedded.form
    assert _canonical(remote) == _canonical(embedded)


def test_saved_queries_have_answers_to_compare(release: Path) -> None:
    """Guards the comparison above against comparing empty answers only."""
    store = open_store(release)
    assert sum(len(evaluate(store, q.text)) > 0 for q in saved_queries()) >= len(saved_queries()) // 2


def test_pattern_lookup_on_the_external_store_matches_the_embedded_one(oxigraph: str, release: Path) -> None:
    graph = "https://example.org/graph/patterns"
    assert main(["push", "--endpoint", f"{oxigraph}/store", "--release", str(release), "--graph", graph]) == 0
    store, remote = open_store(release), RemoteStore(f"{oxigraph}/query", graph)
    meeting = ox.NamedNode("https://w3id.org/sakrad/id/meeting/2017-12-12-integration")
    for pattern in [
        (meeting, None, None),
        (None, None, meeting),
        (meeting, ox.NamedNode("http://purl.org/dc/terms/identifier"), None),
    ]:
        expected = sorted(str(q.triple) for q in store.quads_for_pattern(*pattern))
        assert expected and sorted(str(q.triple) for q in remote.quads_for_pattern(*pattern)) == expected


def test_push_to_a_store_that_is_not_running_says_so(
    release: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["-C", str(root), "push", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "--release", str(release)]
    )
    assert code == 2
    assert "cannot reach the store" in capsys.readouterr().err


def test_push_without_a_release_names_the_command_that_builds_one(
    tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["-C", str(root), "push", "--endpoint", "http://127.0.0.1:9/store", "--release", str(tmp_path)])
    assert code == 2
    assert "sakrad-ld build" in capsys.readouterr().err


def test_serve_with_an_external_store_answers_as_with_the_embedded_one(
    oxigraph: str, release: Path, root: Path
) -> None:
    from starlette.testclient import TestClient

    from sakrad_ld.serving.server import create_app
    from sakrad_ld.serving.settings import Settings
    from sakrad_ld.sparql.push import release_graph

    assert _push(root, oxigraph, release, "--graph", release_graph(release)) == 0
    query = next(q for q in saved_queries() if q.name == "organisations").text
    meeting = "/doc/meeting/2017-12-12-integration"
    answers = []
    for settings in (Settings(query_workers=1), Settings(store=f"{oxigraph}/query")):
        with TestClient(create_app(release, settings)) as client:
            rows = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
            doc = client.get(meeting, headers={"Accept": "application/n-triples"})
            assert rows.status_code == 200 and doc.status_code == 200, (rows.text, doc.text)
            answers.append((sorted(rows.text.splitlines()), sorted(doc.text.splitlines())))
    assert answers[0] == answers[1]
    assert len(answers[0][0]) > 2 and len(answers[0][1]) > 20
