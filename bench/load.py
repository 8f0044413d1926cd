"""HTTP load on loopback, bounded in time: requests per second, latency percentiles, errors.

Uses ``wrk`` (Debian package ``wrk``) when it is installed, and otherwise a small asyncio client
of its own (HTTP/1.1, keep-alive where the server allows it). Both hold ``connections`` open at
once for ``seconds`` and count as an error every failed connection and every answer with a 4xx or
5xx status. Only ``127.0.0.1`` URLs are accepted: this never loads anything but the local machine.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import time
import urllib.parse
from dataclasses import asdict, dataclass

__all__ = ["Load", "load"]


@dataclass(frozen=True)
class Load:
    tool: str
    url: str
    connections: int
    seconds: float
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def load(url: str, seconds: float = 10.0, connections: int = 64, accept: str = "*/*") -> Load:
    if urllib.parse.urlsplit(url).hostname != "127.0.0.1":
        raise ValueError(f"{url}: load is only ever put on 127.0.0.1")
    if shutil.which("wrk"):
        return _wrk(url, seconds, connections, accept)
    return asyncio.run(_python(url, seconds, connections, accept))


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


def _ms(text: str, out: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not m:
        raise ValueError(f"cannot read the latency {text!r} in wrk's output:\n{out}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def _wrk(url: str, seconds: float, connections: int, accept: str) -> Load:
    run = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            "--timeout",
            "10s",
            "-H",
            f"Accept: {accept}",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    out = run.stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"(?m)^\s*50%\s+(\S+)", out).group(1), out)  # type: ignore[union-attr]
    p99 = _ms(re.search(r"(?m)^\s*99%\s+(\S+)", out).group(1), out)  # type: ignore[union-attr]
    errors = 0
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(g) for g in m.groups())
    return Load("wrk", url, connections, seconds, requests, rps, round(p50, 3), round(p99, 3), errors)


async def _python(url: str, seconds: float, connections: int, accept: str) -> Load:
    parts = urllib.parse.urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    request = (f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept: {accept}\r\n\r\n").encode()
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        reader = writer = None
        while time.perf_counter() < deadline:
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
                started = time.perf_counter()
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")  # type: ignore[union-attr]
                status = int(head.split(b" ", 2)[1])
                length = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
                if length:
                    await reader.readexactly(int(length.group(1)))  # type: ignore[union-attr]
                else:
                    await reader.read()  # type: ignore[union-attr]
                latencies.append(time.perf_counter() - started)
                if status >= 400:
                    errors += 1
                if not length or re.search(rb"(?i)\r\nconnection:\s*close", head):
                    writer.close()
                    reader = writer = None
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors += 1
                reader = writer = None

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1e3, 3) if latencies else 0.0

    return Load(
        "python-asyncio",
        url,
        connections,
        seconds,
        len(latencies),
        round(len(latencies) / elapsed, 1),
        pct(0.50),
        pct(0.99),
        errors,
    )
