"""The folder of the JSON Schemas (``sakrad-ld schema --out``; https://json-schema.org/draft/2020-12).

A schema file names itself: its ``$id`` is one of :data:`sakrad_ld.corpus.SCHEMA_BASE`, so a file
sakrad-ld wrote is known by its content, without a mark beside it (the project's committed
``schema/`` has none). :func:`write_schemas` writes into a new or an empty folder, or one that holds
only such files, and refuses, before anything is made, any other: a file, a symbolic link, a folder
with other files (the user's, a release's, an export's), the project, its ``data/``, ``ontology/``
or ``shapes/``, the release ``dist`` and its store, a release or an export anywhere, the file
system's root, the home folder. It never replaces a file that is not a schema it wrote: a folder, a
link or another file where a schema goes is refused. Each file is written to a temporary beside it
and renamed over it (:func:`sakrad_ld.importer.written.write_files`): a run killed halfway leaves
every file whole, the old one or the new; its temporaries are removed by the next run.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from .importer.written import check_out, refused, write_files, writers_places

__all__ = ["SCHEMA_SUFFIX", "check_schema_out", "write_schemas"]

#: How a schema file's name ends.
SCHEMA_SUFFIX = ".schema.json"
#: The largest schema file read to know whether sakrad-ld wrote it (the meetings' has 30 KB).
_MAX_SCHEMA = 2**20
#: A temporary :func:`write_files` leaves when it is killed: ``.<name>.<pid>.part``.
_TEMPORARY = re.compile(r"\.(.+\.schema\.json)\.([0-9]+)\.part")


def _ours(path: Path) -> bool:
    """Whether ``path`` is a regular file (no link) holding a JSON Schema sakrad-ld wrote."""
    from .corpus import SCHEMA_BASE

    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_SCHEMA:
            return False
        schema = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):  # (nested deeper than the parser follows)
        return False
    return isinstance(schema, dict) and str(schema.get("$id", "")).startswith(SCHEMA_BASE)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's: running
    return True


def check_schema_out(out: Path, names: list[str], project: Path = Path(".")) -> list[Path]:
    """A SakradError naming ``out`` where the schemas ``names`` may not be written into it (see the
    module); else the temporaries killed runs left there (their process gone), to remove."""
    check_out("--out", out, writers_places(project))  # the project's folders, a release, an export
    place = Path(os.path.abspath(out))
    if place.is_symlink():
        raise refused("--out", out, f"a symbolic link (to {os.readlink(place)})", "give the folder itself")
    if not os.path.lexists(place):
        return []
    if not place.is_dir():
        raise refused("--out", out, "a file, not a folder", "remove it, or give another --out")
    leftovers = []
    for entry in sorted(os.listdir(place)):
        path = place / entry
        if (found := _TEMPORARY.fullmatch(entry)) and path.is_file() and not path.is_symlink():
            if not _alive(int(found[2])):
                leftovers.append(path)
            continue
        if entry in names and not _ours(path):
            raise refused(
                "--out",
                out,
                f"{entry} is there, and it is not a JSON Schema sakrad-ld wrote (a folder, a link or another file)",
                "remove it, or give another --out",
            )
        if not (entry.endswith(SCHEMA_SUFFIX) and _ours(path)):
            raise refused(
                "--out",
                out,
                f"a folder with {entry} in it, which is not a JSON Schema sakrad-ld wrote",
                "remove it, or give another --out (a new or an empty folder, or one of sakrad-ld's schemas)",
            )
    return leftovers


def write_schemas(out: Path, project: Path = Path(".")) -> int:
    """Writes the JSON Schemas of the YAML files into ``out`` (:func:`check_schema_out` first); the
    number written."""
    from .corpus import schema_files

    files = schema_files()
    for leftover in check_schema_out(out, list(files), project):
        leftover.unlink(missing_ok=True)
    # whole files or none, the path named; the folder made for them, and removed when nothing was written
    write_files(((out / name, data) for name, data in files.items()), folders=True)
    return len(files)
