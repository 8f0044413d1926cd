"""Files written whole or not at all: each through a temporary file beside it, renamed over it once
every byte is written. A full disk or a refused write leaves no empty or cut-off file (an empty
``--out`` would block the next ``import`` without ``--force``), and the error names the file."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["write_files"]


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.part")


def _failed(err: OSError, path: Path, said: str) -> OSError:
    """``err`` as an error naming ``path`` (a failed ``write()`` names no file) and what was left."""
    return OSError(err.errno, f"{err.strerror or err}; {said}", str(path))


def write_files(files: Iterable[tuple[Path, bytes]]) -> None:
    """Writes each ``(path, data)``: every file to its temporary first, then each renamed over its
    path. On an OSError the temporaries are removed and the error names the path being written."""
    files = list(files)
    made: list[Path] = []
    try:
        for path, data in files:
            tmp = _temporary(path)
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                made.append(tmp)
                with os.fdopen(fd, "wb") as out:  # closing flushes: a full disk may be noticed only then
                    out.write(data)
            except OSError as err:
                raise _failed(err, path, "nothing was written") from None
        for done, (path, _) in enumerate(files):
            try:
                os.replace(_temporary(path), path)
            except OSError as err:
                said = f"{done} of the {len(files)} files were written before it" if done else "nothing was written"
                raise _failed(err, path, said) from None
    finally:
        for tmp in made:  # those renamed are gone already
            tmp.unlink(missing_ok=True)
