"""Work given a deadline: :func:`within` runs a function in a daemon thread and waits for it at most
a number of seconds.

A socket's timeout bounds each wait for a byte, not the whole answer, so a server that sends one
byte a second would never be given up on. The thread that still waits at the deadline is left
behind (Python cannot stop a thread); it is a daemon, so it ends with the process, and what it
reads meanwhile is capped by the work itself. The fetch of a page to import
(``importer.regeringen.fetch_page``) and ``links check --online`` (``registers.links.http_status``)
are given their deadlines so.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Late", "within"]

T = TypeVar("T")


class Late(Generic[T]):
    """What :func:`within` found at its deadline: ``done`` when the work ended in time, then its
    ``value`` or the ``error`` it raised (any exception, handed to the caller's thread)."""

    def __init__(self) -> None:
        self.done = False
        self.value: T | None = None
        self.error: BaseException | None = None


def within(seconds: float, work: Callable[[], T], name: str = "within") -> Late[T]:
    """``work()`` run in a daemon thread named ``name``, waited for at most ``seconds``: what it
    returned or raised, or ``done`` False when it had not ended by then (the thread is left behind)."""
    late: Late[T] = Late()

    def run() -> None:
        try:
            late.value = work()
        except BaseException as error:  # noqa: BLE001  # handed to the caller, who says what it means
            late.error = error
        late.done = True

    worker = threading.Thread(target=run, name=name, daemon=True)
    worker.start()
    worker.join(seconds)
    return late
