"""One release at a time: the server answers every request from one release, and switches whole.

The release folder the server is given (``--release dist``) may be replaced while it runs: ``sakrad-ld
build`` writes a new release beside the old one and switches to it (a symlink replaced by
rename, or a folder renamed into place). A :class:`Generation` is one release as the server holds
it: the folder it resolved to, its store, its files with their checksums, its query workers. A
request takes the current generation once and is answered from it alone, so a page, a document
and a SPARQL answer never mix two releases.

:class:`Releases` notices a new release by its **fingerprint**: the folder the path resolves to
and the SHA-256 of its ``SHA256SUMS`` (which lists every file's checksum). It looks every
``reload_interval`` seconds and whenever it is asked to (on SIGHUP, and when a file no longer has
the checksum its generation recorded); it opens the new release completely, workers loaded, and
only then makes it current, in one assignment. The old generation's workers are stopped once
the longest query could have finished. A release that cannot be opened (half written, broken)
is logged in one line and the server keeps answering from the one it has.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, SakradError
from ..inputfiles import read_input_status
from ..layout import CHECKSUMS
from ..sparql.store import Release, ReleaseFile
from ..withdrawn import RELEASE_FILE as WITHDRAWN_FILE
from ..withdrawn import release_withdrawals

__all__ = ["Generation", "Releases", "fingerprint"]

_log = logging.getLogger("sakrad_ld.serving")


def regular_bytes(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The bytes of ``path`` and its status if it is a regular file (:func:`inputfiles.read_input_status`:
    opened without waiting, so a FIFO, a device, a socket or a folder put where a release file was is
    never read); None for anything else. A request or the release's watcher never blocks on such a file."""
    try:
        return read_input_status(path)
    except InputError:
        return None


def fingerprint(path: Path) -> str:
    """What identifies the release at ``path``: the folder it resolves to and its checksums' SHA-256."""
    real = os.path.realpath(path)
    read = regular_bytes(Path(real, CHECKSUMS))
    sums = hashlib.sha256(read[0]).hexdigest() if read else "-"
    return f"{real}\n{sums}"


@dataclass(eq=False)
class Generation:
    """One release as the server holds it, with what was built from it (pages' site, query workers)."""

    release: Release
    fingerprint: str
    pool: Any
    site: Any
    _triples: int = -1
    #: files whose bytes were checked against SHA256SUMS: path → (size, mtime_ns, inode) when checked
    _checked: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    #: each file's modification time as last seen by :meth:`file_bytes` or :meth:`file_unchanged`
    modified: dict[str, float] = field(default_factory=dict)
    _withdrawn: dict[str, Mapping[str, Any]] | None = None

    def withdrawals(self) -> dict[str, Mapping[str, Any]]:
        """The IRIs the release lists as withdrawn (``withdrawn.json``), by path (``/id/…``), read once."""
        if self._withdrawn is None:
            file = self.release.files.get(WITHDRAWN_FILE)
            self._withdrawn = release_withdrawals(self.file_bytes(file) if file is not None else None)
        return self._withdrawn

    def triples(self) -> int:
        """How many triples the release's graph holds (counted once)."""
        if self._triples < 0:
            store = getattr(self.release.store, "store", self.release.store)
            self._triples = len(store) if hasattr(store, "__len__") else 0
        return self._triples

    def file_bytes(self, file: ReleaseFile) -> bytes | None:
        """The bytes of a release file as this generation listed them; None if the file on disk is
        no longer that file (the release was replaced in place, or removed)."""
        read = regular_bytes(self.release.root / file.path)
        if read is None:
            return None
        data, status = read
        key = (status.st_size, status.st_mtime_ns, status.st_ino)
        if key[0] != file.size or len(data) != file.size:
            return None
        self.modified[file.path] = status.st_mtime
        if self._checked.get(file.path) != key:
            if hashlib.sha256(data).hexdigest() != file.sha256:
                return None
            self._checked[file.path] = key
        return data

    def file_unchanged(self, file: ReleaseFile) -> bool:
        """Whether a large file (streamed, not read whole) is still a regular file of the size this
        generation listed (a FIFO or a device put in its place is not: streaming it would block)."""
        try:
            status = (self.release.root / file.path).stat()
        except OSError:
            return False
        self.modified[file.path] = status.st_mtime
        return stat.S_ISREG(status.st_mode) and status.st_size == file.size


class Releases:
    """The release folder ``path`` as the server serves it: the current :class:`Generation`, replaced
    whole when the folder holds a new release. ``make`` turns an opened release into a generation."""

    def __init__(
        self, path: Path, make: Callable[[Release, str], Generation], interval: float, retire_after: float
    ) -> None:
        self.path = Path(path)
        self.make = make
        self.interval = interval
        self.retire_after = retire_after
        self.current = self._open(fingerprint(self.path))
        self.switches = 0
        #: called after each switch to a new release (the server's caches empty themselves)
        self.on_switch: list[Callable[[], None]] = []
        self._failed = ""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._watcher: threading.Thread | None = None

    def _open(self, print_: str) -> Generation:
        release = Release.open(Path(print_.split("\n", 1)[0]))
        return self.make(release, print_)

    def check(self) -> bool:
        """Switches to the release the folder now holds if it is a new one; True if it switched."""
        with self._lock:
            now = fingerprint(self.path)
            if now == self.current.fingerprint or now == self._failed:
                return False
            try:
                new = self._open(now)
                new.pool.start()
            except (SakradError, OSError) as error:
                self._failed = now
                _log.error(
                    "the release at %s changed but cannot be served, keeping the one served: %s",
                    self.path,
                    str(error).splitlines()[0] if str(error) else type(error).__name__,
                )
                return False
            old, self.current = self.current, new
            self.switches += 1
            self._failed = ""
        for callback in self.on_switch:
            callback()
        _log.warning("now serving the release at %s", now.split("\n", 1)[0])
        timer = threading.Timer(self.retire_after, old.pool.close)
        timer.daemon = True
        timer.start()
        return True

    def ask(self) -> None:
        """Asks the watcher to check now (from a signal handler or a request; returns at once)."""
        self._wake.set()
        if self._watcher is None:
            threading.Thread(target=self.check, daemon=True, name="sakrad-release-check").start()

    def watch(self) -> None:
        """Starts checking every ``interval`` seconds (only when asked, if the interval is 0)."""
        if self._watcher is not None:
            return

        def loop() -> None:
            while not self._stop.is_set():
                self._wake.wait(self.interval or None)
                self._wake.clear()
                if self._stop.is_set():
                    return
                try:
                    self.check()
                except Exception as error:  # noqa: BLE001 - a watcher never dies of one bad look
                    _log.error("checking the release at %s failed: %s: %s", self.path, type(error).__name__, error)

        self._watcher = threading.Thread(target=loop, daemon=True, name="sakrad-release-watch")
        self._watcher.start()

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        self.current.pool.close()
