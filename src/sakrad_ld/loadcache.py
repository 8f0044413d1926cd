"""What ``sakrad-ld build --cache`` keeps of loading ``data/``: each file's parsed record, and which
meetings passed the load checks that read one meeting at a time, with which shared inputs.

A parsed record is named by the file's text, its path as the loader names it (a record's lines name
its file) and its record class and size limit; the record of the meetings that passed (the names of
their parsed records) by the digest of the shared inputs (:meth:`LoadCache.shared`: the shared files and the kept
copies, all the load checks read besides the meeting). Every name holds the digest of the code
(:class:`~sakrad_ld.folders.CacheFolder`), so what other code kept is never read. An entry that
cannot be read back (cut short, changed, written by anything else) is a miss: the file is parsed
and the meeting checked again, as without a cache.

Entries are of two kinds of their own (:data:`KINDS`): ``parsed/``, a record pickled, and
``checked/``, ``checked`` and then the names of the meetings' parsed records, a line each.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .folders import CHECKED, ENTRY_KINDS, CacheFolder

__all__ = ["KINDS", "LoadCache"]

#: The kinds of entry the load keeps (:data:`~sakrad_ld.folders.ENTRY_KINDS` says what each looks like).
KINDS = {kind: ENTRY_KINDS[kind] for kind in ("parsed", "checked")}


class LoadCache:
    """The parsed records and checked meetings a build's cache holds (see the module's text)."""

    def __init__(self, folder: CacheFolder) -> None:
        self.folder = folder
        #: the name of each file parsed through :meth:`parsed`, by its path as the loader names it
        self.names: dict[str, str] = {}

    def parsed(self, path: Path, cls: type, text: str, max_bytes: int) -> tuple[str, Any]:
        """The name of ``path``'s ``text`` read as a ``cls`` (of at most ``max_bytes``), and the record
        kept under it, or None. The name is remembered for :meth:`shared` and :meth:`meeting`."""
        name = self.folder.key("parsed", cls.__module__, cls.__qualname__, str(max_bytes), str(path), text)
        self.names[str(path)] = name
        return name, self._unpickled(self.folder.get(name), cls)

    def keep(self, name: str, record: Any) -> None:
        """Keeps ``record`` under ``name`` (:meth:`parsed`); a record that does not pickle is not kept."""
        try:
            data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return
        self.folder.put(name, data)

    @staticmethod
    def _unpickled(data: bytes | None, cls: type) -> Any:
        if data is None:
            return None
        try:
            record = pickle.loads(data)
        # not an entry this code wrote (its sum matched, so written through the cache by another hand):
        # whatever unpickling it raises, it is read as missing and the file parsed again
        except Exception:
            return None
        return record if type(record) is cls else None

    def shared(self, files: Iterable[Path], copies: dict[str, str]) -> str:
        """The digest of the shared inputs: the names of the shared ``files`` (their text and path, as
        :meth:`parsed` named them) and the kept copies' texts by source id, in their order."""
        digest = hashlib.sha256()
        for path in files:
            digest.update(self.names.get(str(path), f"unread {path}").encode("utf-8", "surrogateescape") + b"\0")
        for source, text in copies.items():
            for part in (source, text):
                data = part.encode("utf-8", "surrogateescape")
                digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()

    def passed(self, shared: str) -> frozenset[str] | None:
        """The names (:meth:`parsed`) of the meeting files that passed the load checks with the shared
        inputs ``shared`` (:meth:`shared`) in the last load with them that found no error; None when no
        such load is kept (the shared records have not passed with them either)."""
        data = self.folder.get(self.folder.key("checked", shared))
        if data is None or not KINDS["checked"](data):
            return None
        return frozenset(data.decode("ascii", "replace").split("\n")[1:])

    def mark_passed(self, shared: str, paths: Iterable[Path]) -> None:
        """Records that the shared records and the meeting files ``paths`` (each parsed through
        :meth:`parsed`) passed the load checks with ``shared``."""
        names = sorted(self.names[str(p)] for p in paths)
        self.folder.put(self.folder.key("checked", shared), b"\n".join([CHECKED, *(n.encode() for n in names)]))
