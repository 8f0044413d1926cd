"""The server's settings, each declared once with its default and help text.

``sakrad-ld serve`` turns every field into a command-line option (``result_cap`` → ``--result-cap``)
with the help text below, and the README documents each (a test checks it).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

__all__ = ["Settings", "origin_fault", "setting_fields"]


def _setting(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """How ``sakrad-ld serve`` answers."""

    timeout: float = _setting(
        10.0,
        "seconds a SPARQL query may run; past it the query is stopped (its "
        "worker process is killed) and the answer is 503 (default: 10)",
    )
    result_cap: int = _setting(
        10000,
        "the most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) an answer may have; "
        "a query past it is stopped and the answer is 422 (default: 10000)",
    )
    result_bytes: int = _setting(
        8 * 2**20,
        "the most bytes an answer may have in the format asked for; a larger one is "
        "refused in its worker with 422, as past the result cap (default: 8388608, 8 MiB)",
    )
    in_flight_bytes: int = _setting(
        256 * 2**20,
        "the most bytes of SPARQL answers held in memory, all together, while they are "
        "sent to clients (an answer kept and sent to many counts once); past it an answer "
        "is refused with 503 and Retry-After (default: 268435456, 256 MiB)",
    )
    cors_origins: tuple[str, ...] = _setting(
        ("*",),
        "origins whose web pages may call the server (CORS), comma-separated, each as a browser "
        "sends it (scheme://host[:port], no path); * for any (default: *)",
    )
    cache_max_age: int = _setting(
        3600,
        "seconds browsers and caches may keep a document or file before they ask "
        "again (Cache-Control max-age; default: 3600)",
    )
    query_workers: int = _setting(
        2, "worker processes that run SPARQL queries, each with its own copy of the store (default: 2)"
    )
    query_memory: int = _setting(
        1024,
        "megabytes of address space each query worker may use on top of what its loaded "
        "copy of the release takes; a query that needs more is stopped, the answer is 503 "
        "and the worker is replaced (default: 1024)",
    )
    query_queue: int = _setting(
        8,
        "queries that may wait for a free worker; past that a query is answered 503 "
        "with Retry-After after a pause of 1 s, and documents and pages are served all "
        "the same (default: 8)",
    )
    max_connections: int = _setting(
        1000,
        "open connections at most; a new one past it closes one that only waits (for a "
        "request's body or head, or out a refusal's pause) or is idle, a kept-alive client "
        "between two requests last, or is answered 503 if all are working (default: 1000)",
    )
    request_timeout: float = _setting(
        10.0,
        "seconds a client has to send a request's head, and again its body; "
        "a slower connection is closed (default: 10)",
    )
    idle_timeout: float = _setting(5.0, "seconds an idle keep-alive connection is kept open (default: 5)")
    reload_interval: float = _setting(
        2.0,
        "seconds between checks for a new release in the release folder "
        "(which is switched to whole); 0 checks only on SIGHUP (default: 2)",
    )
    document_cache: int = _setting(
        256,
        "megabytes of prepared documents (every format of a resource's "
        "document, made once) kept in memory, least recently used dropped first; "
        "0 makes each on every request (default: 256)",
    )
    answer_cache: int = _setting(
        64,
        "megabytes of SPARQL answers kept in memory for the release served, so a "
        "repeated query is answered without running it; least recently used dropped "
        "first, all dropped when the release switches; 0 keeps none (default: 64)",
    )
    store: str = _setting(
        "",
        "the SPARQL query endpoint of an external store the release was pushed into "
        "(sakrad-ld push), queried instead of the embedded store, such as "
        "http://127.0.0.1:7878/query (default: the embedded store)",
    )

    @property
    def client_bytes(self) -> int:
        """The most bytes of answers one client (an address) may be sent at once: an eighth of
        ``in_flight_bytes`` (32 MiB of the default 256 MiB: four answers of the largest size), and
        never less than one answer of ``result_bytes``. Filling the budget takes eight clients."""
        return max(self.result_bytes, self.in_flight_bytes // 8)

    def __post_init__(self) -> None:
        if self.timeout <= 0 or self.result_cap < 1 or self.cache_max_age < 0 or self.query_workers < 1:
            raise ValueError(
                "timeout must be positive, result_cap and query_workers at least 1, cache_max_age not negative"
            )
        if self.query_memory < 64 or self.query_queue < 0 or self.max_connections < 8:
            raise ValueError(
                "query_memory must be at least 64 (MB), query_queue not negative, max_connections at least 8"
            )
        if self.result_bytes < 1 or self.in_flight_bytes < self.result_bytes:
            raise ValueError("result_bytes must be at least 1, in_flight_bytes at least result_bytes")
        if self.document_cache < 0 or self.answer_cache < 0:
            raise ValueError("document_cache and answer_cache must not be negative")
        if self.request_timeout <= 0 or self.idle_timeout <= 0 or self.reload_interval < 0:
            raise ValueError("request_timeout and idle_timeout must be positive, reload_interval not negative")
        for origin in self.cors_origins:
            wrong = origin_fault(origin)
            if wrong:
                raise ValueError(
                    f"--cors-origins {origin[:100]!r}: {wrong}; an origin is scheme://host[:port] as a browser "
                    "sends it in its Origin header (RFC 6454 §6.2), such as https://a.example or "
                    "http://127.0.0.1:8080, or * for any"
                )


#: An origin as a browser serialises it (RFC 6454 §6.2): a scheme, "://", a host (a name, an IPv4
#: address or an IPv6 one in brackets) and a port other than the scheme's own, all in lowercase.
_ORIGIN = re.compile(r"([a-z][a-z0-9+.-]*)://([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::([0-9]{1,5}))?")
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def origin_fault(origin: str) -> str:
    """What keeps ``origin`` (a value of ``--cors-origins``) from ever equalling a browser's ``Origin``
    header, which the server compares it with exactly; "" for ``*`` and an origin that can."""
    if origin == "*":
        return ""
    if origin == "null":
        return "null is the origin of sandboxed pages and local files, which any page can take on"
    found = _ORIGIN.fullmatch(origin)
    if found is None:
        if "*" in origin:
            return "a pattern (*) is not an origin: name each origin, or give * alone for any"
        if "://" not in origin:
            return (
                "it has no scheme and host (https://…)" if ":" not in origin else "its scheme is not followed by //host"
            )
        if origin != origin.lower() and _ORIGIN.fullmatch(origin.lower()):
            return f"a browser sends it in lowercase ({origin.lower()[:100]})"
        if re.fullmatch(r"[^/]+://[^/]+/.*", origin):
            return "an origin has no path, not even a final /"
        return "it is not scheme://host[:port]"
    scheme, _, port = found.groups()
    if port is not None and (int(port) > 65535 or port.startswith("0")):
        return "its port is not a port number (1 to 65535, without leading zeros)"
    if port is not None and _DEFAULT_PORTS.get(scheme) == port:
        return f"a browser leaves out the scheme's own port {port} ({origin.rsplit(':', 1)[0]})"
    return ""


def setting_fields() -> list[dataclasses.Field]:
    """The settings in declaration order; each field's ``metadata['help']`` is its help text."""
    return list(dataclasses.fields(Settings))
