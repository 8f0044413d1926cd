"""A probe of ``sakrad-ld serve`` as an attacker would try it, on loopback: the figures of docs/security.md.

    python bench/probe.py --release dist [--idle 2000] [--slow 60] [--seconds 10]

Starts the server on a free port of 127.0.0.1 and measures, in one run:

1. every hostile query of ``tests/hostile/sparql/`` and a list of hostile requests (path traversal,
   absurd headers, long targets, updates, bad encodings): how many were answered as expected and
   none with 5xx except the 503s that limits give;
2. documents per second with ``--idle`` connections held open doing nothing;
3. documents per second while ``--slow`` clients send slow queries in a loop, beside the same
   figure with no attack, and the longest time any query answer took, against the time limit.

Prints a JSON object. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from load import load

REPO = Path(__file__).resolve().parents[1]
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _request(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None
) -> tuple[int, dict[str, str], float]:
    started = time.monotonic()
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status, dict(response.headers), time.monotonic() - started
    except urllib.error.HTTPError as error:
        error.read()
        return error.code, dict(error.headers), time.monotonic() - started
    except OSError:
        return 0, {}, time.monotonic() - started


def _raw(port: int, payload: bytes) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(payload)
        head = sock.recv(4096)
    try:
        return int(head.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


def hostile(root: str, port: int) -> dict[str, object]:
    cases: list[tuple[str, int]] = []
    expected = {}
    for line in (REPO / "tests" / "hostile" / "sparql" / "expected.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, status, _, _ = line.split("\t")
            expected[name] = int(status)
    for name, status in expected.items():
        body = (REPO / "tests" / "hostile" / "sparql" / name).read_bytes()
        got, _, _ = _request(root + "/sparql", body, {"Content-Type": "application/sparql-query"})
        cases.append((f"query {name}", int(got == status)))
    targets = [
        "/download/../pyproject.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/download/%00",
        "//etc/passwd",
        "/id/meeting/x%0d%0aSet-Cookie:%20a=1",
        "/doc/" + "x/" * 5000,
        "/sparql?query=" + "A" * 9000,
        "/id/meeting/%ff%fe",
        "/sparql?update=DROP%20ALL",
        "/sparql?query=ASK%7B%7D&query=ASK%7B%7D",
    ]
    for target in targets:
        got = _raw(port, f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        cases.append((f"GET {target[:40]}", int(0 < got < 500)))
    for accept in ("x/y;q=0.5," * 800, "*/*;q=nan", "\t;,;,/"):
        got, _, _ = _request(root + "/doc/meeting/2017-12-12-integration", headers={"Accept": accept})
        cases.append((f"Accept {accept[:20]!r}", int(0 < got < 500)))
    got, _headers, _ = _request(root + "/doc/meeting/2017-12-12-integration.jsonld", headers={"Host": "evil.example"})
    cases.append(("Host header", int(got == 200)))
    for payload in (
        (
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-update\r\n"
            b"Content-Length: 8\r\nConnection: close\r\n\r\nDROP ALL"
        ),
        b"GET / HTTP/1.1\r\n" + b"X: " + b"a" * 70000 + b"\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64,
    ):
        got = _raw(port, payload)
        cases.append((f"raw {payload[:20]!r}", int(got < 500)))
    alive, _, _ = _request(root + "/sparql?query=ASK%7B%7D")
    return {
        "tried": len(cases),
        "handled": sum(ok for _, ok in cases),
        "not_handled": [name for name, ok in cases if not ok],
        "alive_after": alive == 200,
    }


def idle_connections(port: int, root: str, count: int, seconds: float) -> dict[str, object]:
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 256), hard))
    held = []
    for _ in range(count):
        try:
            held.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        except OSError:
            break
    try:
        measured = load(root + "/doc/meeting/2017-12-12-integration.ttl", seconds, 16, "text/turtle").as_json()
    finally:
        for sock in held:
            sock.close()
    return {"idle_opened": len(held), "documents_while_idle_held": measured}


def slow_attack(root: str, clients: int, seconds: float, limit: float) -> dict[str, object]:
    baseline = load(root + "/doc/meeting/2017-12-12-integration.ttl", seconds, 16, "text/turtle").as_json()
    stop = threading.Event()
    answers: list[tuple[int, float]] = []

    def attacker() -> None:
        while not stop.is_set():
            status, _, took = _request(
                root + "/sparql",
                urllib.parse.urlencode({"query": SLOW}).encode(),
                {"Content-Type": "application/x-www-form-urlencoded"},
            )
            answers.append((status, took))

    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        for _ in range(clients):
            pool.submit(attacker)
        time.sleep(1)
        start_page = _request(root + "/")[2]
        under = load(root + "/doc/meeting/2017-12-12-integration.ttl", seconds, 16, "text/turtle").as_json()
        stop.set()
    statuses: dict[str, int] = {}
    for status, _ in answers:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    return {
        "documents_quiet": baseline,
        "documents_under_attack": under,
        "start_page_seconds": round(start_page, 3),
        "slow_query_answers": statuses,
        "longest_query_answer_seconds": round(max(t for _, t in answers), 2),
        "time_limit": limit,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--release", default="dist")
    p.add_argument("--idle", type=int, default=2000)
    p.add_argument("--slow", type=int, default=60)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--timeout", type=float, default=10.0, help="the server's --timeout")
    args = p.parse_args(argv)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = f"http://127.0.0.1:{port}"
    log = open(Path("probe-server.log").resolve(), "w")  # noqa: SIM115 - closed in finally  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sakrad_ld",
            "serve",
            "--release",
            args.release,
            "--port",
            str(port),
            "--timeout",
            str(args.timeout),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while _request(root + "/")[0] != 200:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.3)
        out = {
            "hostile": hostile(root, port),
            "idle": idle_connections(port, root, args.idle, args.seconds),
            "slow": slow_attack(root, args.slow, args.seconds, args.timeout),
        }
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    text = Path("probe-server.log").read_text("utf-8", "replace")
    out["server_log_lines"] = text.count("\n")
    out["tracebacks_in_log"] = text.count("Traceback")
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
