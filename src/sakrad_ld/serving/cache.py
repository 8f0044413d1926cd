"""Answers kept in memory, bounded by their size in bytes, least recently used dropped first.

The server keeps two: the prepared documents (:mod:`sakrad_ld.serving.documents`) and the SPARQL
answers (:mod:`sakrad_ld.serving.answers`), each bounded by a setting (``--document-cache``,
``--answer-cache``, in megabytes; 0 keeps nothing). Both hold answers of one release only: they are
emptied when the server switches to a new release (:mod:`sakrad_ld.serving.releases`), and an
answer made from the release that was replaced is never stored.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

__all__ = ["ByteLRU"]

V = TypeVar("V")


class ByteLRU(Generic[V]):
    """A mapping of at most ``limit`` bytes (each entry's size is given when it is stored); safe to
    use from the event loop and from threads at once."""

    def __init__(self, limit: int) -> None:
        if limit < 0:
            raise ValueError("a cache's limit cannot be negative")
        self.limit = limit
        self.bytes = 0
        #: look-ups answered, look-ups missed, entries dropped to stay within the limit (for tests and logs)
        self.hits = self.misses = self.evictions = 0
        self._entries: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[0]

    def put(self, key: Hashable, value: V, size: int) -> bool:
        """Stores ``value`` (``size`` bytes), dropping the least recently used entries to make room;
        False if it is larger than the whole cache and was not stored."""
        if size > self.limit:
            return False
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._entries[key] = (value, size)
            self.bytes += size
            while self.bytes > self.limit:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.bytes -= dropped
                self.evictions += 1
            return True

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.bytes = 0
