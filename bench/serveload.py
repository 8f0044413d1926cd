"""The server under load on loopback, beside nginx serving the static export of the same release.

    python bench/run.py --serve-only --sizes 1000     (or serve_load() from bench/run.py)

Measured in one run, each for ``seconds`` with ``connections`` connections (``bench/load.py``: wrk
when installed):

* ``serve_dereference``: ``sakrad-ld serve`` answering a meeting's Turtle document, ``/doc/meeting/{id}.ttl``;
* ``serve_negotiated``: the same document negotiated, ``/doc/meeting/{id}`` with ``Accept: text/turtle``;
* ``serve_saved_query``: the saved query ``recurring-organisations`` by GET, answered from the answers
  the server keeps (its first, cold answer is timed apart: ``saved_query_cold_seconds``);
* ``serve_dereference_under_slow_queries``: the document again while ``slow_clients`` clients send a
  query that runs into the time limit, in a loop (the attack of docs/security.md);
* ``static_file``: nginx (Debian's, as tests/test_static.py runs it) serving the same document from
  ``sakrad-ld export``, with the export's own rules; ``python -m http.server`` on the release folder
  when nginx is not installed (named in ``static_server``).

``ratio_to_static`` is the server's documents per second over the static server's. Only 127.0.0.1
is ever contacted.
"""

from __future__ import annotations

import concurrent.futures
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from load import load

REPO = Path(__file__).resolve().parents[1]
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SAVED_QUERY = "recurring-organisations"

__all__ = ["serve_load"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, process: subprocess.Popen[bytes], seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {process.returncode}) before answering {url}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {seconds} s")


def _get(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}), timeout=60) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    except OSError:
        status = 0
    return status, round(time.perf_counter() - started, 3)


def _nginx(export: Path, work: Path, port: int) -> subprocess.Popen[bytes]:
    from sakrad_ld.web.nginxhost import local_nginx

    run = work / "nginx"
    run.mkdir(parents=True, exist_ok=True)
    command = local_nginx(export, run, port, worker_connections=1024)
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _slow_clients(root: str, clients: int, stop: threading.Event, statuses: dict[str, int]) -> None:
    body = urllib.parse.urlencode({"query": SLOW}).encode()

    def attacker() -> None:
        while not stop.is_set():
            status, _ = _get(root + "/sparql", body, {"Content-Type": "application/x-www-form-urlencoded"})
            statuses[str(status)] = statuses.get(str(status), 0) + 1

    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        for _ in range(clients):
            pool.submit(attacker)


def serve_load(
    release: Path, seconds: float, connections: int, work: Path | None = None, slow_clients: int = 60
) -> dict[str, object]:
    work = work or release.parent
    meeting = sorted((release / "meetings").glob("*.ttl"))[0].stem
    query = REPO / "src" / "sakrad_ld" / "queries" / f"{SAVED_QUERY}.rq"
    out: dict[str, object] = {
        "connections": connections,
        "seconds": seconds,
        "meeting": meeting,
        "saved_query": query.stem,
        "slow_clients": slow_clients,
    }
    port, static_port = _free_port(), _free_port()
    servers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sakrad_ld",
                "serve",
                "--release",
                str(release),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    if shutil.which("nginx") or Path("/usr/sbin/nginx").is_file():
        export = work / f"site-{release.name}"
        if not (export / "index.html").is_file():
            subprocess.run(
                [sys.executable, "-m", "sakrad_ld", "export", "--release", str(release), "--out", str(export)],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        servers.append(_nginx(export, work, static_port))
        out["static_server"] = "nginx"
        static_url = f"http://127.0.0.1:{static_port}/doc/meeting/{meeting}.ttl"
    else:
        servers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "http.server",
                    str(static_port),
                    "--bind",
                    "127.0.0.1",
                    "--directory",
                    str(release),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        out["static_server"] = "python -m http.server"
        static_url = f"http://127.0.0.1:{static_port}/meetings/{meeting}.ttl"
    root = f"http://127.0.0.1:{port}"
    try:
        _wait(root + "/sparql", servers[0])
        _wait(static_url, servers[1])
        document = f"{root}/doc/meeting/{meeting}"
        sparql = f"{root}/sparql?" + urllib.parse.urlencode({"query": query.read_text("utf-8")})
        results = "application/sparql-results+json"
        out["document_cold_seconds"] = _get(document + ".ttl")[1]
        out["saved_query_cold_seconds"] = _get(sparql, headers={"Accept": results})[1]
        out["serve_dereference"] = load(document + ".ttl", seconds, connections, "text/turtle").as_json()
        out["serve_negotiated"] = load(document, seconds, connections, "text/turtle").as_json()
        out["serve_saved_query"] = load(sparql, seconds, connections, results).as_json()
        out["static_file"] = load(static_url, seconds, connections, "text/turtle").as_json()
        if slow_clients:
            stop, statuses = threading.Event(), {}
            attack = threading.Thread(target=_slow_clients, args=(root, slow_clients, stop, statuses), daemon=True)
            attack.start()
            time.sleep(1)
            try:
                out["serve_dereference_under_slow_queries"] = load(
                    document + ".ttl", seconds, connections, "text/turtle"
                ).as_json()
            finally:
                stop.set()
                attack.join(120)
            out["slow_query_answers"] = statuses
        static = out["static_file"]["rps"]  # type: ignore[index]
        served = out["serve_dereference"]["rps"]  # type: ignore[index]
        out["ratio_to_static"] = round(served / static, 3) if static else None
    finally:
        for server in servers:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
    return out
