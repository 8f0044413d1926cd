"""SPARQL answers kept per release, so a repeated query is answered from its bytes.

Within one release a query's answer never changes, so the server keeps it: keyed by the text
the engine runs for the query (:func:`normalised_query`: runs of whitespace and comments outside
strings and IRIs read as one space, so a query re-indented or commented is the same query; the
engine is given that same text, never the text as sent, so whatever the lexer took for a comment
cannot make two different queries share a key), the dataset the request names
(``default-graph-uri``, ``named-graph-uri``) and the format of the answer. The ``Accept`` header
is resolved to that format once per query and header, so every header that picks the same
format shares one answer. Kept are the answers a query gives on every run: results (200), bad
SPARQL (400, kept under the query exactly as written, since it names a line and column), a format the client cannot take (406), an answer past the result cap (422); never a
503 (time, memory, load), which another run may not repeat.

The answers live in memory up to ``--answer-cache`` megabytes (:class:`~sakrad_ld.serving.cache.ByteLRU`),
least recently used dropped first, and are emptied when the server switches to a new release.
Each carries its strong ``ETag`` and ``Cache-Control``, so proxies and browsers keep it too.

An answer is at most ``--result-bytes`` long (refused in its worker with 422 otherwise:
:func:`sakrad_ld.serving.protocol.answer`), and the answers held while they are sent are at most
``--in-flight-bytes`` together (:class:`InFlight`): a client that reads slowly, or never, keeps
its answer's bytes, so without that bound 40 such clients held 1.95 GB of 113 MB answers. An answer
is sent in pieces of :data:`PIECE` bytes, each handed to the connection once it has room for it
(uvicorn's flow control), so a connection buffers one piece, not a copy of the whole answer; a
client that takes no piece within ``--request-timeout`` seconds is disconnected and its bytes
freed. Past the budget an answer is refused with 503 and ``Retry-After``; past one client's share
of it (an address's, an eighth: :attr:`~sakrad_ld.serving.settings.Settings.client_bytes`) with 429. Kept answers count
once however many clients are sent one (the bytes are shared), and the budget is counted, never
estimated: the bytes of every answer between the worker and the last piece sent.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable
from typing import Any

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from ..errors import QueryError
from ..sparql.limits import lex
from .cache import ByteLRU
from .connections import give_up
from .protocol import QueryJob, Reply
from .representation import etag_of

__all__ = [
    "CACHED_STATUSES",
    "INLINE_CHARACTERS",
    "PIECE",
    "AnswerCache",
    "InFlight",
    "SentAnswer",
    "normalised_query",
]

#: Statuses an answer has on every run of the same query on the same release.
CACHED_STATUSES = frozenset({200, 400, 406, 422})
#: Raw query texts whose normalised form is remembered (cleared whole when full).
_MEMO = 1024
#: Query texts longer than this are kept under the text itself, not read by the lexer for their key:
#: the lexer reads text in linear time, but 256 KiB still take about half a second of the event loop
#: that answers every request, and in a thread it contends for the interpreter with that loop
#: (hostile bodies stalled documents for seconds either way). The text as sent is a safe key too:
#: the engine runs the lexer's text of it, so the answer is the answer to that key, whatever it is.
INLINE_CHARACTERS = 2048
#: Bytes of an answer handed to its connection at once (uvicorn waits for room before each).
PIECE = 64 * 1024


def normalised_query(text: str) -> str:
    """The text the engine runs for ``text`` (:attr:`~sakrad_ld.sparql.limits.Lexed.text_run`: every run of
    whitespace and comments outside strings and IRIs read as one space, none at either end; tokens are never
    joined or split), so a kept answer is the answer to the very text that would run; ``text`` itself when
    the lexer refuses it (the answer is then a 400, kept under the text as written)."""
    try:
        return lex(text).text_run
    except QueryError:
        return text


class AnswerCache:
    """The answers of one release, ``limit`` bytes at most."""

    def __init__(self, limit: int) -> None:
        #: (query key, Accept header) → the variant of the answer it gets (its status and media type)
        self._variants: ByteLRU[str] = ByteLRU(limit // 16)
        #: the kept answers, each with its ETag
        self.answers: ByteLRU[tuple[Reply, str]] = ByteLRU(limit - limit // 16)
        self._normalised: dict[str, str] = {}

    @property
    def bytes(self) -> int:
        return self.answers.bytes + self._variants.bytes

    @property
    def limit(self) -> int:
        return self.answers.limit + self._variants.limit

    def clear(self) -> None:
        self.answers.clear()
        self._variants.clear()
        self._normalised.clear()

    def normalise(self, query: str) -> str:
        """The text ``query``'s answers are kept under: :func:`normalised_query` of it, remembered for
        the next look-up of the same text; a text longer than :data:`INLINE_CHARACTERS` as it is."""
        if len(query) > INLINE_CHARACTERS:
            return query
        text = self._normalised.get(query)
        if text is None:
            text = normalised_query(query)
            if len(self._normalised) >= _MEMO:
                self._normalised.clear()
            self._normalised[query] = text
        return text

    def _query_key(self, job: QueryJob, release: str) -> tuple:
        return (release, self.normalise(job.query), job.default_graphs, job.named_graphs, job.for_people)

    def get(self, job: QueryJob, release: str) -> tuple[Reply, str] | None:
        """The kept answer to ``job`` on ``release`` (its fingerprint) and its ETag, or None."""
        if not self.answers.limit:
            return None
        key = self._query_key(job, release)
        variant = self._variants.get((key, job.accept or ""))
        return None if variant is None else self.answers.get(_answer_key(job, key, variant))

    def put(self, job: QueryJob, release: str, reply: Reply, etag: str = "") -> None:
        """Keeps ``reply`` (with its ETag) as the answer to ``job`` on ``release`` if every run would give it."""
        if reply.status not in CACHED_STATUSES or not self.answers.limit:
            return
        key = self._query_key(job, release)
        variant = _variant(job, reply)
        kept = (reply, etag or etag_of(reply.body))
        if self.answers.put(_answer_key(job, key, variant), kept, len(reply.body) + len(job.query) + 300):
            self._variants.put((key, job.accept or ""), variant, len(key[1]) + len(job.accept or "") + 200)


def _variant(job: QueryJob, reply: Reply) -> str:
    """What tells answers to one query apart: status and media type (a 406 names the Accept header it refused)."""
    variant = f"{reply.status} {reply.media_type}"
    return f"{variant} {job.accept}" if reply.status == 406 else variant


def _answer_key(job: QueryJob, key: tuple, variant: str) -> Hashable:
    # an HTML answer shows the query as it was written, and a syntax error names its line and column:
    # these are kept under the text itself
    as_written = " text/html" in variant or variant.startswith("400 ")
    return (
        (key[0], job.query, job.default_graphs, job.named_graphs, job.for_people, variant)
        if as_written
        else (key, variant)
    )


class InFlight:
    """The answers held while they are sent: at most ``limit`` bytes together, a body shared by
    several answers (a kept answer) counted once. An answer of at most :data:`PIECE` bytes goes to
    its connection in one piece and is never held by :class:`SentAnswer`: it is not counted, so a
    budget filled by large answers never refuses a small one (``ASK``, a page of results).

    One client (an address: however many connections it opens) may hold at most ``share`` bytes of
    them, so a few clients reading at an ordinary rate cannot hold the whole budget for everyone
    else (nine did, with answers of 30 MB read at 256 KiB/s): :meth:`take` refuses that client's
    next one (:meth:`over_share`)."""

    def __init__(self, limit: int, share: int | None = None) -> None:
        self.limit = limit
        self.share = limit if share is None else share
        #: bytes held now, and answers refused because they did not fit (for tests and the log)
        self.bytes = 0
        self.refused = 0
        self._held: dict[int, list[Any]] = {}  # id(body) -> [body, senders]; the body is held so its id stays its
        self._clients: dict[Hashable, dict[int, int]] = {}  # client -> id(body) -> senders to that client
        self._client_bytes: dict[Hashable, int] = {}

    def over_share(self, body: bytes, client: Hashable = None) -> bool:
        """Whether sending ``body`` to ``client`` too would take that client past its share."""
        if len(body) <= PIECE or id(body) in self._clients.get(client, {}):
            return False
        return self._client_bytes.get(client, 0) + len(body) > self.share

    def room_for(self, body: bytes) -> bool:
        """Whether the budget, all clients together, has room for ``body`` (or already holds it)."""
        return len(body) <= PIECE or id(body) in self._held or self.bytes + len(body) <= self.limit

    def take(self, body: bytes, client: Hashable = None) -> bool:
        """Counts ``body`` as held by one more sender, to ``client``; False (nothing counted) if it
        does not fit in the budget (:meth:`room_for`) or in the client's share (:meth:`over_share`)."""
        if len(body) <= PIECE:  # sent whole at once: not held
            return True
        mine = self._clients.get(client, {})
        if self.over_share(body, client):
            self.refused += 1
            return False
        entry = self._held.get(id(body))
        if entry is None:
            if self.bytes + len(body) > self.limit:
                self.refused += 1
                return False
            self._held[id(body)] = entry = [body, 0]
            self.bytes += len(body)
        entry[1] += 1
        if id(body) not in mine:
            self._client_bytes[client] = self._client_bytes.get(client, 0) + len(body)
        self._clients[client] = mine
        mine[id(body)] = mine.get(id(body), 0) + 1
        return True

    def give_back(self, body: bytes, client: Hashable = None) -> None:
        """One sender of ``body`` to ``client`` is done with it."""
        if len(body) <= PIECE:
            return
        mine = self._clients[client]
        mine[id(body)] -= 1
        if not mine[id(body)]:
            del mine[id(body)]
            self._client_bytes[client] -= len(body)
            if not mine:
                del self._clients[client], self._client_bytes[client]
        entry = self._held[id(body)]
        entry[1] -= 1
        if not entry[1]:
            del self._held[id(body)]
            self.bytes -= len(body)

    def held_by(self, client: Hashable) -> int:
        """The bytes of answers being sent to ``client`` now."""
        return self._client_bytes.get(client, 0)


def client_of(scope: Scope) -> Hashable:
    """Who an answer's share is counted for: the client's address (its host, not its port), or None."""
    client = scope.get("client")
    return client[0] if client else None


class SentAnswer(Response):
    """An answer whose body :class:`InFlight` counts (taken by the route) until its last piece is sent
    or the client is given up on; sent in pieces of :data:`PIECE` bytes, each within ``patience`` seconds."""

    def __init__(
        self, body: bytes, in_flight: InFlight, patience: float, client: Hashable = None, **options: Any
    ) -> None:
        super().__init__(body, **options)
        self.held, self.in_flight, self.patience, self.client = body, in_flight, patience, client

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
            body = self.body
            if len(body) <= PIECE or scope.get("method") == "HEAD":
                await send({"type": "http.response.body", "body": b"" if scope.get("method") == "HEAD" else body})
                return
            for at in range(0, len(body), PIECE):
                try:
                    async with asyncio.timeout(self.patience):
                        await send({"type": "http.response.body", "body": body[at : at + PIECE], "more_body": True})
                except TimeoutError:  # the client reads nothing: its connection goes, and the bytes with it
                    await give_up(scope)
                    return
            await send({"type": "http.response.body", "body": b""})
        finally:
            self.in_flight.give_back(self.held, self.client)
