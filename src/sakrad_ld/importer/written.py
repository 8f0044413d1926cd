"""Files written whole or not at all: each through a temporary file beside it, renamed over it once
every byte is written. A full disk or a refused write leaves no empty or cut-off file (an empty
``--out`` would block the next ``import`` without ``--force``) and no folder made for the files
(``folders=True``: ``schema --out``, ``import --out-dir``), and the error names the file.

And where a command may write at all (:func:`check_out`, :func:`check_file_out`), one rule for every
``--out``, ``--out-dir`` and ``--cache``: never the file system's root or the home folder, nor
anything holding them; never the project folder, its ``data/``, ``ontology/`` or ``shapes/``, nor
into those three; never into the release ``dist`` or its store; never into a release or a site
sakrad-ld exported, wherever it is (known by their files, :data:`RELEASE_FILES`, :data:`SITE_MARK`),
unless it is the kind of folder the command writes; each path as given and as its links lead.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..errors import SakradError
from ..folders import COMPLETE_MARK, Kept, everyones_places, kept_relation, project_places, release_places
from ..inputfiles import resolved

__all__ = [
    "RELEASE_FILES",
    "SITE_MARK",
    "check_file_out",
    "check_out",
    "enclosing",
    "refused",
    "writers_places",
    "write_files",
]

#: The files every release holds (its checksums, written last, and its manifest), and the file
#: every site sakrad-ld exported holds (``web.static.SITE_MARK``): how either is known anywhere.
RELEASE_FILES = (COMPLETE_MARK, "manifest.json")
SITE_MARK = "nginx/sakrad-export"
#: What a file written for a person to review may not go into (the advice of a refusal).
_FILE_ADVICE = "give a file of its own, outside data/, ontology/, shapes/ and any release or export"


def writers_places(project: Path, release: bool = True) -> list[Kept]:
    """The folders a command writes into none of: the file system's root and the home folder, the
    project at ``project`` (inside it is fine) and its ``data/``, ``ontology/`` and ``shapes/``, and,
    with ``release``, the release ``dist`` beside them and its store (the build's own: not for it)."""
    kept = [*everyones_places(), *project_places(project)]
    return kept + (release_places(project / "dist", "the release dist") if release else [])


def _heres(out: Path, own: str, what: str = "") -> list[Path]:
    """``out`` as given, where its name is made (links on its way followed) and, but for a build,
    which replaces the link ``out`` and never writes through it, where it leads; a link that loops on
    its way is a SakradError naming ``what`` (the option) and ``out``."""
    place = Path(os.path.abspath(out))
    heres = [place, resolved(place.parent, what) / place.name] + ([] if own == "release" else [resolved(place, what)])
    return list(dict.fromkeys(heres))


def enclosing(out: Path, own: str = "", what: str = "") -> list[Kept]:
    """The releases and the sites sakrad-ld exported that ``out`` is or lies inside, known by their
    files (:data:`RELEASE_FILES`, a store ``*.releases``; :data:`SITE_MARK`), as folders never
    written into; ``out`` may itself be one of the kind ``own`` ("release", "site"). ``what`` is the
    option ``out`` was given as, which the error of a link that loops names."""
    found = []
    for here in _heres(out, own, what):
        for folder in (here, *here.parents):
            itself = folder == here
            release = folder.name.endswith(".releases") or all((folder / n).is_file() for n in RELEASE_FILES)
            if release and not (itself and own == "release"):
                found.append(Kept(folder, "a release"))
            if (folder / SITE_MARK).is_file() and not (itself and own == "site"):
                found.append(Kept(folder, "a site sakrad-ld exported"))
    return found


def refused(flag: str, out: Path, problem: str, advice: str) -> SakradError:
    """The error of a path a command does not write at: the option, the path, why, what to do."""
    return SakradError(f"{flag} {out}: {problem}; nothing was written: {advice}")


def check_out(
    flag: str, out: Path, kept: Iterable[Kept], own: str = "", noun: str = "folder", advice: str = ""
) -> None:
    """A SakradError naming ``flag`` and ``out`` where nothing may be written at ``out``: it is, holds
    or lies inside a folder of ``kept`` (:func:`sakrad_ld.folders.kept_relation`), or it is or lies
    inside a release or a site sakrad-ld exported (``own``, the kind the command writes, may be
    ``out`` itself; a build replaces the link ``out``, so only where the link goes is read for it)."""
    advice = advice or f"give another {flag}, a {noun} of its own"
    found = kept_relation(out, kept)
    if found is None and (inside := enclosing(out, own, flag)):
        found = f"is or lies inside {inside[0].what} ({inside[0].path})"
    if found is not None:
        raise refused(flag, out, f"this {noun} {found}", advice)


def check_file_out(flag: str, out: Path, project: Path) -> None:
    """A SakradError naming ``flag`` and ``out`` where a file written for a person to review may not
    be written at ``out``: :func:`check_out` with :func:`writers_places`; a symbolic link (it would be
    replaced, not written through); a folder; a device, FIFO or socket (``/dev/stdout``, ``/dev/null``:
    it would be replaced by a file)."""
    if os.path.islink(out):
        raise refused(flag, out, f"a symbolic link (to {os.readlink(out)})", "give a file, not a link")
    try:
        mode = os.stat(out).st_mode
    except OSError:
        mode = stat.S_IFREG  # nothing there (yet): the write names what it meets
    if stat.S_ISDIR(mode):
        raise refused(flag, out, "a folder, not a file", "give a file, such as draft.yaml")
    if not stat.S_ISREG(mode):
        raise refused(flag, out, "not a regular file (a device, FIFO or socket)", "leave out the option to print")
    check_out(flag, out, writers_places(project), noun="path", advice=_FILE_ADVICE)


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
