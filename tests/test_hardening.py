"""The server and ``sakrad-ld query`` under hostile input, load and faults, at a small scale that runs in seconds.

Hostile queries are data: ``tests/hostile/sparql/*.rq`` with the expected HTTP status, CLI exit code
and words of the message in ``expected.tsv``. Each is sent to a live server on loopback and given
to the command line, which must answer, never crash (a crash of the SPARQL engine is exit 139).
The load and fault tests open a few hundred idle sockets, run slow queries against a queue of two,
push a worker past its memory limit, and replace the release under the running server.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from serving import serving
from starlette.applications import Starlette

from sakrad_ld.serving.server import QUEUE_WAIT, create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.serving.workers import STARTUP_LIMIT

HOSTILE = Path(__file__).parent / "hostile" / "sparql"
BASE = "https://w3id.org/sakrad/"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
HUNGRY = "SELECT (GROUP_CONCAT(CONCAT(STR(?a), STR(?c), STR(?f))) AS ?x) WHERE { ?a ?b ?c . ?d ?e ?f }"
MEETINGS = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a <https://w3id.org/sakrad/ontology#Sakrad> }"


def _cases() -> list[tuple[str, int, int, str]]:
    lines = (HOSTILE / "expected.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(name, int(status), int(code), words) for name, status, code, words in rows]


CASES = _cases()


def test_every_hostile_query_on_disk_has_an_expectation() -> None:
    assert sorted(p.name for p in HOSTILE.glob("*.rq")) == sorted(name for name, *_ in CASES)


#: The time limit of the server whose queries must end for their own reason (an answer, a refusal, the
#: memory limit), never for the time limit: as long as the server gives a worker to load a release, since
#: on a busy machine a query worker (at a lower CPU priority) gets a small share of the processor (the
#: query HUNGRY reaches the memory limit in 0.8 s on a quiet machine, in 38 s with three busy processes
#: on two cores).
GENEROUS = STARTUP_LIMIT

#: The time limit of the server whose slow queries are to run into it.
LIMIT = 3.0

#: Seconds, past what the server promises, for the client's side on a busy machine (connecting, reading).
SLACK = 10.0


def within(settings: Settings) -> float:
    """The longest a query's answer may take: its wait for a worker and its time limit (with slack)."""
    return settings.timeout * (1 + QUEUE_WAIT) + SLACK


def _settings(timeout: float) -> Settings:
    return Settings(
        timeout=timeout,
        query_workers=1,
        query_queue=2,
        query_memory=400,
        max_connections=40,
        request_timeout=1.0,
        reload_interval=0,
    )


@pytest.fixture(scope="module")
def url(fixture_release: Path) -> Iterator[str]:
    """A server whose queries end for their own reason (the workers are loaded once it has started), on
    the frozen fixture's release, whose version the queries naming the release graph (graph/1.0.0) give."""
    with serving(create_app(fixture_release, _settings(GENEROUS))) as root:
        yield root


@pytest.fixture(scope="module")
def limited(release: Path) -> Iterator[tuple[str, Starlette]]:
    """A server with a short time limit, which the slow queries run into; and its app."""
    app = create_app(release, _settings(LIMIT))
    with serving(app) as root:
        yield root, app


@pytest.mark.parametrize(("name", "status", "code", "words"), CASES, ids=[c[0] for c in CASES])
def test_hostile_query_is_answered_as_expected_by_the_server(
    url: str, name: str, status: int, code: int, words: str
) -> None:
    query = (HOSTILE / name).read_bytes()
    response = httpx.post(
        url + "/sparql",
        content=query,
        timeout=within(_settings(GENEROUS)),
        headers={"content-type": "application/sparql-query", "accept": "text/turtle, */*;q=0.1"},
    )
    assert response.status_code == status, response.text[:500]
    if status >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert words in response.json()["detail"]
    else:
        assert words in response.text
    after = httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=within(_settings(GENEROUS)))
    assert after.json()["boolean"] is True  # the server lives on


@pytest.mark.parametrize(("name", "status", "code", "words"), CASES, ids=[c[0] for c in CASES])
def test_hostile_query_is_answered_as_expected_by_the_command_line(
    fixture_release: Path, name: str, status: int, code: int, words: str
) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "sakrad_ld", "query", "--release", str(fixture_release), str(HOSTILE / name)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == code, (run.returncode, run.stderr[-500:])
    assert words in (run.stderr if code else run.stdout)
    assert "Traceback" not in run.stderr


# --- connections ------------------------------------------------------------------------------


def _connect(root: str) -> socket.socket:
    parts = urlsplit(root)
    return socket.create_connection((parts.hostname, parts.port), timeout=10)


def test_idle_connections_do_not_keep_another_client_out(url: str) -> None:
    idle = []
    try:
        for _ in range(300):  # far past the limit of 40 connections
            idle.append(_connect(url))
        answer = httpx.get(url + "/doc/meeting/2017-12-12-integration.ttl", timeout=10)
        assert answer.status_code == 200 and BASE.encode() in answer.content
        closed = 0
        for sock in idle:  # the server closed the oldest idle ones to let new ones in
            sock.settimeout(5)
            try:
                closed += sock.recv(1) == b""
            except (TimeoutError, ConnectionResetError):
                closed += 1
        assert closed >= 300 - 40
    finally:
        for sock in idle:
            sock.close()


def test_a_request_head_sent_slowly_is_cut_off(url: str) -> None:
    with _connect(url) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\n")
        deadline = time.monotonic() + 10
        closed = False
        while time.monotonic() < deadline and not closed:
            try:
                sock.sendall(b"X-Slow: 1\r\n")
                sock.settimeout(0.3)
                closed = sock.recv(1) == b""
            except TimeoutError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                closed = True
        assert closed, "a head trickling in for 10 s was not cut off (request_timeout is 1 s)"


def test_a_query_body_sent_slowly_gets_408(url: str) -> None:
    with _connect(url) as sock:
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 100\r\n\r\nASK"
        )
        sock.settimeout(10)
        head = sock.recv(4096)
    assert head.startswith(b"HTTP/1.1 408"), head[:200]


# --- slow and costly queries --------------------------------------------------------------------


def test_slow_queries_neither_starve_documents_nor_wait_past_half_the_limit_again(
    limited: tuple[str, Starlette],
) -> None:
    root, app = limited
    settings, pool = app.state.settings, app.state.releases.current.pool

    def query() -> tuple[int, str, float, dict]:
        started = time.monotonic()
        r = httpx.post(root + "/sparql", data={"query": SLOW}, timeout=within(settings))
        return r.status_code, r.headers.get("retry-after", ""), time.monotonic() - started, r.json()

    with concurrent.futures.ThreadPoolExecutor(8) as pool_of_clients:
        slow = [pool_of_clients.submit(query) for _ in range(8)]  # one worker, two waiting: five are refused at once
        deadline = time.monotonic() + within(settings)
        while pool.busy == 0 and not all(f.done() for f in slow) and time.monotonic() < deadline:
            time.sleep(0.01)  # until a slow query runs in the worker
        documents = [
            httpx.get(root + "/doc/meeting/2017-12-12-integration.ttl", timeout=SLACK).status_code for _ in range(20)
        ]
        answers = [f.result() for f in slow]
    assert documents == [200] * 20
    statuses = sorted(status for status, *_ in answers)
    assert set(statuses) == {503}, answers
    assert sum(1 for _, retry, *_ in answers if retry) >= 5, answers  # refused for load: come back later
    # the worker was loaded when the server started: the first query ran, into the time limit
    assert any(problem.get("timeout") == LIMIT for *_, problem in answers), answers
    # a query waits at most half the limit for the worker and runs at most the limit (+ slack for a busy machine)
    assert max(took for _, _, took, _ in answers) < within(settings), answers


#: A time limit the query that grows past the memory limit never reaches, however slowly a busy machine
#: runs it (its niced worker may get a few per cent of a core): the memory limit is what stops it.
NO_TIME_LIMIT = 3600.0


def test_a_query_past_the_memory_limit_is_stopped_and_the_server_goes_on(fixture_release: Path) -> None:
    settings = _settings(NO_TIME_LIMIT)
    with serving(create_app(fixture_release, settings)) as url:
        response = httpx.post(url + "/sparql", data={"query": HUNGRY}, timeout=within(settings))
        assert response.status_code == 503, response.text[:300]
        problem = response.json()
        assert "memory" in problem["detail"] and problem["memory_limit_mb"] == 400
        # the next query waits for the worker that replaced the one stopped, as the server allows
        after = httpx.get(url + "/sparql", params={"query": MEETINGS}, timeout=within(settings))
        assert after.status_code == 200 and int(after.json()["results"]["bindings"][0]["n"]["value"]) > 0


# --- one release at a time ----------------------------------------------------------------------


def _without_meeting(source: Path, dest: Path, meeting: str) -> None:
    """A copy of the release ``source`` without one meeting: its triples, its files and their checksums."""
    shutil.copytree(source, dest)
    iri = f"<{BASE}id/meeting/{meeting}"
    data = dest / "sakrad.nt"
    data.write_text(
        "".join(
            line
            for line in data.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.startswith(iri) and f" {iri}" not in line
        ),
        encoding="utf-8",
    )
    for path in (dest / "meetings").glob(f"{meeting}.*"):
        path.unlink()
    sums = []
    for path in sorted(p for p in dest.rglob("*") if p.is_file() and p.name != "SHA256SUMS"):
        sums.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(dest).as_posix()}\n")
    (dest / "SHA256SUMS").write_text("".join(sums), encoding="utf-8")


def _switch(link: Path, target: Path) -> None:
    """Points the symlink ``link`` at ``target`` in one rename, as a build publishes a release."""
    new = link.with_name(link.name + ".new")
    new.symlink_to(target)
    os.replace(new, link)


def _count(client: httpx.Client) -> int:
    answer = client.get("/sparql", params={"query": MEETINGS}, headers={"accept": "application/sparql-results+json"})
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def test_a_new_release_is_served_whole_and_at_once(release: Path, tmp_path: Path) -> None:
    meeting = "2017-12-12-integration"
    old, new, link = tmp_path / "releases" / "a", tmp_path / "releases" / "b", tmp_path / "dist"
    shutil.copytree(release, old)
    _without_meeting(release, new, meeting)
    link.symlink_to(old)
    app = create_app(link, Settings(timeout=5, query_workers=1, reload_interval=0.2))
    with serving(app) as root, httpx.Client(base_url=root, timeout=30) as client:
        before = _count(client)
        etag = client.get("/sakrad.nt").headers["etag"]
        assert client.get(f"/doc/meeting/{meeting}.ttl").status_code == 200
        _switch(link, new)
        deadline = time.monotonic() + 30
        while app.state.releases.switches == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert app.state.releases.switches == 1
        assert _count(client) == before - 1  # SPARQL, pages and files all from the new release
        document = client.get(f"/doc/meeting/{meeting}.ttl")  # only the catalogue still mentions it
        assert document.status_code == 404 or "ontology#Sakrad" not in document.text
        assert client.get(f"/meetings/{meeting}.ttl").status_code == 404
        data = client.get("/sakrad.nt")
        assert data.headers["etag"] != etag
        assert data.headers["etag"] == '"' + hashlib.sha256(data.content).hexdigest()[:32] + '"'
        assert f"{BASE}id/meeting/{meeting}>".encode() not in data.content


def test_a_release_changed_in_place_is_never_served_under_its_old_etag(release: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dist"
    shutil.copytree(release, folder)
    app = create_app(folder, Settings(timeout=5, query_workers=1, reload_interval=0))
    with serving(app) as root, httpx.Client(base_url=root, timeout=30) as client:
        etag = client.get("/sakrad.nt").headers["etag"]
        (folder / "sakrad.nt").write_bytes((folder / "sakrad.nt").read_bytes() + b"\n")  # a careless operator
        answer = client.get("/sakrad.nt")
        assert answer.status_code in (200, 503)
        if answer.status_code == 200:  # already switched to what the folder now holds
            assert answer.headers["etag"] == '"' + hashlib.sha256(answer.content).hexdigest()[:32] + '"'
        else:
            assert answer.headers["retry-after"] and answer.headers.get("etag") != etag


def test_sighup_switches_the_running_server_to_the_new_release(release: Path, tmp_path: Path) -> None:
    meeting = "2017-12-12-integration"
    old, new, link = tmp_path / "releases" / "a", tmp_path / "releases" / "b", tmp_path / "dist"
    shutil.copytree(release, old)
    _without_meeting(release, new, meeting)
    link.symlink_to(old)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sakrad_ld",
            "serve",
            "--release",
            str(link),
            "--port",
            str(port),
            "--query-workers",
            "1",
            "--reload-interval",
            "0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    before = _count(client)
                    break
                except httpx.TransportError:
                    assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                    time.sleep(0.2)
            _switch(link, new)
            time.sleep(0.5)
            assert _count(client) == before  # no watching: nothing changes until asked
            server.send_signal(__import__("signal").SIGHUP)
            deadline = time.monotonic() + 30
            while _count(client) != before - 1 and time.monotonic() < deadline:
                time.sleep(0.2)
            assert _count(client) == before - 1
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "Traceback" not in err
