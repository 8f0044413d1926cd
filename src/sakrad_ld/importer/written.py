"""Files written whole or not at all: each through a temporary file beside it, renamed over it once
every byte is written. A full disk or a refused write leaves no empty or cut-off file (an empty
``--out`` would block the next ``import`` without ``--force``) and no folder made for the files
(``folders=True``: ``schema --out``, ``import --out-dir``), and the error names the file."""

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


def _folders(files: list[tuple[Path, bytes]], made: list[Path]) -> None:
    """Makes the missing folders the files go into, adding each to ``made`` (outermost first)."""
    for parent in dict.fromkeys(path.parent for path, _ in files):
        missing = []
        while not parent.exists():
            missing.append(parent)
            parent = parent.parent
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except FileExistsError:
                continue  # made by another process meanwhile: not ours to remove
            except OSError as err:
                raise _failed(err, folder, "nothing was written") from None
            made.append(folder)


def _unmake(made: list[Path]) -> None:
    """Removes the folders :func:`_folders` made, innermost first, each only while empty."""
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            pass


def write_files(files: Iterable[tuple[Path, bytes]], folders: bool = False) -> None:
    """Writes each ``(path, data)``: every file to its temporary first, then each renamed over its
    path. On an OSError the temporaries are removed and the error names the path being written.
    With ``folders``, the missing folders the files go into are made, and removed again when nothing
    was written."""
    files = list(files)
    made: list[Path] = []
    folders_made: list[Path] = []
    written = False
    try:
        if folders:
            _folders(files, folders_made)
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
                written = True
            except OSError as err:
                said = f"{done} of the {len(files)} files were written before it" if done else "nothing was written"
                raise _failed(err, path, said) from None
    finally:
        for tmp in made:  # those renamed are gone already
            tmp.unlink(missing_ok=True)
        if not written:
            _unmake(folders_made)
