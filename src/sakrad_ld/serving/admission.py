"""Admission of SPARQL queries: a queue of their own, so slow queries cannot starve documents and pages.

A query waits for a worker process in a thread (:meth:`WorkerPool.run` blocks). Were those
threads taken from the pool that also renders pages and documents (Starlette's
``run_in_threadpool``, 40 threads), 60 slow queries would hold them all and a document would wait
behind them: measured before this gate, documents fell from 394 to 6.9 requests/s. The gate runs
queries on threads of their own, at most ``workers + queue`` at once; a query past that is
refused with :class:`QueueFull` (HTTP 503 with ``Retry-After``), never queued without bound.
Documents, pages and files are never admitted here.

The refusal comes after a pause of :data:`REFUSAL_PAUSE` seconds, which costs the server a timer
and nothing else. Without it a client that asks again at once, ignoring ``Retry-After``, is
refused as fast as the event loop can answer, and the faster the refusal, the more of the loop such
clients take from documents: measured with 60 such clients on 2 cores, each refusal (a new
connection, the body read, a 503) cost the loop about what 4 documents cost, and making the answer
itself cheaper raised the refusals per second, not the documents. With the pause each client is
refused at most once a second. While it pauses, the refused request's connection gives way first
when the server runs out of connections (:mod:`sakrad_ld.serving.connections`): it is answered its
503 at once, so pausing refusals never keep another client's connection out.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter

from ..errors import QueryTimeout

__all__ = ["REFUSAL_PAUSE", "RETRY_AFTER", "QueryGate", "QueueFull"]

#: Seconds a client refused for load is asked to wait (``Retry-After``).
RETRY_AFTER = 2
#: Seconds a refusal for load waits before it is answered (less than RETRY_AFTER).
REFUSAL_PAUSE = 1.0

T = TypeVar("T")


class QueueFull(QueryTimeout):
    """Every worker is busy and the queue of waiting queries is full."""


class QueryGate:
    """At most ``workers`` queries running and ``queue`` more waiting; the rest refused after ``pause`` seconds."""

    def __init__(self, workers: int, queue: int, pause: float = REFUSAL_PAUSE) -> None:
        self.capacity = workers + queue
        self.pause = pause
        self.workers = workers
        self.queue = queue
        self._limiter = CapacityLimiter(self.capacity)
        self._inside = 0
        #: queries refused because the queue was full (for tests and the log)
        self.refused = 0

    @contextlib.asynccontextmanager
    async def admitted(
        self, while_paused: Callable[[], contextlib.AbstractContextManager[Any]] = contextlib.nullcontext
    ) -> AsyncIterator[None]:
        """Admits a query, or raises QueueFull after the pause, spent inside ``while_paused()``
        (the connection's mark that it only waits: :func:`sakrad_ld.serving.connections.standing_by`)."""
        if self._inside >= self.capacity:
            self.refused += 1
            with while_paused():
                await anyio.sleep(self.pause)
            raise QueueFull(
                f"all {self.workers} query workers are busy and {self.queue} more queries are waiting; "
                "try again shortly"
            )
        self._inside += 1
        try:
            yield
        finally:
            self._inside -= 1

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` on one of the gate's own threads."""
        return await anyio.to_thread.run_sync(function, *args, limiter=self._limiter, abandon_on_cancel=True)
