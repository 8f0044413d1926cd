"""Folders that are written whole or not at all.

A release is published by a single atomic switch: ``dist`` is a symbolic link to a complete
folder ``dist.releases/<name>/``, and a new release is written into a temporary folder there,
renamed to its name once every file is in it, and switched to by replacing the link with a new one
(``rename(2)``, atomic on POSIX). So a build killed at any moment leaves ``dist`` naming either the
old or the new release, never half of one and never nothing::

    dist -> dist.releases/3f0c9a1e5b7d2c44    the current release
    dist.releases/3f0c9a1e5b7d2c44/           its files
    dist.releases/<previous>/                 kept for readers that opened it before the switch
    dist.releases/lock                        held by the build writing into dist.releases

The folder of the previous release stays until a build publishes another release, so a reader
that resolved the link before the switch can finish; a build that publishes the release ``dist``
names already (a rebuild of the same data, or one after a build killed past its switch) removes
no release. Older releases are removed by the next build that switches ``dist`` to another one
(before its switch, so that from the switch on the store holds only the two), the leftovers of
killed builds (``*.tmp``, ``*.del``) by the next build, which holds a lock (``flock(2)``) so that
builds into one folder take turns. It removes only folders of the store named as a release, never
one that is or holds the folder a kept link leads to, nor anything else found there; ``out`` may
never be the store or lie inside it (:func:`store_holding`; ``release.check_places`` refuses it).
Files are written 0644 and folders 0755 whatever the umask, so a web server running as another
user can read them.

:func:`replacing` is the plain variant for folders nobody serves while they change: a temporary
folder beside the target takes its place by rename. The folder being written is locked
(``flock(2)`` on the folder) for as long as its process runs, so the next run removes the
``.<out>.*.tmp`` and ``.<out>.*.old`` folders a killed run left, and only those: the names it gives
its own folders, never one another running process holds. A run that fails removes its folder and
the folders it made for ``out``'s parent, leaving nothing.

:class:`CacheFolder` is the build's cache (``sakrad-ld build --cache DIR``; ``.sakrad-cache/`` beside the release
by convention, :meth:`CacheFolder.beside`): files named by
the SHA-256 of everything they were made from, so a file found there is the file a build would
make. It is safe to delete at any time; a build without it makes everything again.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import glob
import hashlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import ReleaseError, shown
from .inputfiles import dangling_problem, looping_link, name_problem, resolved

__all__ = [
    "CACHE_FOLDER",
    "FILE_MODE",
    "FOLDER_MODE",
    "MARK",
    "STORE_SUFFIX",
    "CacheFolder",
    "Kept",
    "ReleaseFolders",
    "check_replaceable",
    "everyones_places",
    "kept_relation",
    "make_readable",
    "mount_point",
    "project_places",
    "relation",
    "release_places",
    "replacing",
    "store_holding",
    "store_link",
]

#: The largest entry read (bytes): a meeting's documents have kilobytes, the report of 10,000
#: meetings' findings a few megabytes.
MAX_ENTRY = 256 * 2**20
#: The bytes of the SHA-256 an entry of a :class:`CacheFolder` begins with.
_SUM = 32
#: The names a cache entry and its folder have, and the name of an entry being written.
_ENTRY = re.compile(r"[0-9a-f]{64}")
_SHARD = re.compile(r"[0-9a-f]{2}")
_TEMPORARY = re.compile(r"\.[a-z0-9_]{8}\.tmp")  # tempfile.mkstemp(prefix=".", suffix=".tmp")

#: What a web server running as another user needs: files readable, folders listable.
FILE_MODE, FOLDER_MODE = 0o644, 0o755
#: The file every complete release holds (written last, before the switch).
COMPLETE_MARK = "SHA256SUMS"


def make_readable(root: Path) -> None:
    """Sets every folder below ``root`` (and ``root``) to 0755 and every file to 0644."""
    os.chmod(root, FOLDER_MODE)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, FOLDER_MODE)
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)


def _mkdirs(folder: Path) -> list[Path]:
    """Creates ``folder`` and its missing parents, each 0755 whatever the umask; returns those it
    made, outermost first (:func:`unmake` removes them again)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    made: list[Path] = []
    try:
        for path in reversed(missing):
            try:
                path.mkdir()
            except FileExistsError:
                continue  # made by another process meanwhile: not ours to remove
            except OSError as error:
                raise _said_of_parent(error, path.parent) from None
            made.append(path)
            os.chmod(path, FOLDER_MODE)
    except BaseException:
        unmake(made)
        raise
    return made


#: What the folder a new folder is made in says when it cannot hold one (read-only, not ours, full).
_UNWRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.ENOTDIR})


def _said_of_parent(error: OSError, parent: Path) -> OSError:
    """``error`` of making a folder in ``parent`` said of ``parent``, the folder a person gave or can
    change, where the fault is the parent's: not of the name being made (a temporary folder's, which
    nobody gave)."""
    if error.errno not in _UNWRITABLE:
        return error
    return OSError(error.errno, f"{error.strerror} (a folder cannot be made in it)", str(parent))


def unmake(made: list[Path]) -> None:
    """Removes the folders :func:`_mkdirs` made (``made``), innermost first, each only while empty."""
    for path in reversed(made):
        try:
            path.rmdir()
        except OSError:
            return  # something is in it now (not ours) or it is gone: its parents stay too


#: The names :func:`replacing` gives the folders beside ``out`` (``tempfile.mkdtemp``'s 8 characters),
#: and the name :func:`_remove` gives one it is removing.
_BESIDE = r"\.{name}\.[a-z0-9_]{{8}}\.(tmp|old)(?:\.del)?"


def _held(path: Path) -> int | None:
    """A descriptor of the folder ``path`` holding its lock (``flock(2)``), or None where another
    process holds it (a run writing into it), it is not a folder, or it is gone. The lock goes with
    the process, however it ends."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        now, held = os.stat(path, follow_symlinks=False), os.fstat(fd)
        if (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
            return fd  # the name still names the folder locked (not one removed and made again)
    except OSError:
        pass
    os.close(fd)
    return None


@contextmanager
def _own(parent: Path, prefix: str, suffix: str) -> Iterator[Path]:
    """A new empty folder in ``parent`` (``mkdtemp``), locked by this process while the block runs."""
    for _ in range(100):
        try:
            folder = Path(tempfile.mkdtemp(prefix=prefix, suffix=suffix, dir=parent))
        except OSError as error:
            raise _said_of_parent(error, parent) from None
        try:
            fd: int | None = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except FileNotFoundError:
            continue  # another run took it for a killed run's between its making and its lock, and removed it
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)  # another run holds it, to remove it
            continue
        except OSError:  # a file system without flock: unlocked, and so never taken for a killed run's
            os.close(fd)
            fd = None
            break
        try:
            if os.path.samestat(os.stat(folder, follow_symlinks=False), os.fstat(fd)):
                break  # the name still names the folder locked (not one removed meanwhile)
        except FileNotFoundError:
            pass
        os.close(fd)
    else:
        raise OSError(errno.EAGAIN, "no folder of its own could be locked", str(parent))
    try:
        yield folder
    finally:
        if fd is not None:
            os.close(fd)


def remove_leftovers(out: Path) -> list[Path]:
    """Removes the ``.<out>.*.tmp`` and ``.<out>.*.old`` folders beside ``out`` that runs of
    :func:`replacing` killed halfway left: only folders with the names it gives, and only those no
    running process holds (a run still writing keeps its folder locked). An old folder holding
    ``out`` while ``out`` is missing (a run killed between its two renames) is put back first.
    Returns the folders removed; one that cannot be removed is left."""
    pattern = re.compile(_BESIDE.format(name=re.escape(out.name)))
    try:
        names = sorted(os.listdir(out.parent))
    except OSError:
        return []
    removed = []
    for name in names:
        found = pattern.fullmatch(name)
        if found is None:
            continue
        path = out.parent / name
        fd = _held(path)
        if fd is None:
            continue
        try:
            stranded = path / out.name
            if found[1] == "old" and not os.path.lexists(out) and stranded.is_dir() and not stranded.is_symlink():
                os.rename(stranded, out)
            _remove(path)
            removed.append(path)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


#: The file a folder :func:`replacing` wrote holds (written last, its path in the folder), and its
#: text: only a folder holding it (or an empty one) is ever replaced.
MARK = ".sakrad-ld-folder"
MARK_TEXT = b"Written by sakrad-ld, which replaces this folder only while it holds this file.\n"


@dataclass(frozen=True)
class Kept:
    """A folder that a folder replaced may not be nor hold, nor lie inside unless ``inside``: the
    project may hold a site (``site/`` beside ``data/``), but its ``data/`` may not."""

    path: Path
    what: str
    inside: bool = False


def release_places(release: Path, what: str) -> list[Kept]:
    """The folders of the release at ``release`` (``what``: "the --release folder"): the path given,
    the folder it leads to (``dist`` → ``dist.releases/<name>``) and the store of releases
    (``dist.releases``)."""
    place = Path(os.path.abspath(release))
    real = resolved(place, what)
    kept = [Kept(place, what), Kept(real, what), Kept(ReleaseFolders(place).store, f"the store of {what}")]
    if real.parent.name.endswith(".releases"):
        kept.append(Kept(real.parent, f"the store of {what}"))
    return kept


#: How the folder of the releases published at ``out`` is named: ``<out>.releases``.
STORE_SUFFIX = ".releases"


def store_holding(out: Path) -> Path | None:
    """The store of releases (a folder named ``*.releases``) that ``out`` is or lies inside, as
    given or where its name is made (links on its way followed), or None. Where ``out`` leads is not
    read: ``dist`` is a link into ``dist.releases`` by design, and a build replaces the link."""
    place = Path(os.path.abspath(out))
    for here in dict.fromkeys([place, resolved(place.parent) / place.name]):
        for folder in (here, *here.parents):
            if folder.name.endswith(STORE_SUFFIX):
                return folder
    return None


def store_link(store: Path) -> Path | None:
    """The link whose releases the store ``store`` holds (``dist.releases`` → ``dist``), or None."""
    name = store.name.removesuffix(STORE_SUFFIX)
    return store.with_name(name) if name and name != store.name else None


def project_places(root: Path) -> list[Kept]:
    """The project at ``root`` (``-C``) and its ``data/``, ``ontology/`` and ``shapes/``: a folder
    replaced may lie in the project, never in those."""
    root = Path(os.path.abspath(root))
    kept = [Kept(root, "the project folder", inside=True)]
    return kept + [Kept(root / name, f"the project's {name}/ folder") for name in ("data", "ontology", "shapes")]


def everyones_places() -> list[Kept]:
    """The file system's root and the home folder: never replaced, nor anything holding them."""
    kept = [Kept(Path("/"), "the file system's root", inside=True)]
    home = os.path.expanduser("~")
    if home != "~" and os.path.isabs(home):
        kept.append(Kept(Path(home), "the home folder", inside=True))
    return kept


def mount_point(path: Path) -> bool:
    """Whether the folder ``path`` (not a link) is a mount point: another file system (a Docker
    volume, a tmpfs such as /dev/shm) or a bind mount is mounted there. Such a folder can be written
    into but never renamed nor replaced (``rename(2)`` gives EBUSY), which is how a build and an
    export publish ``--out``."""
    if os.path.islink(path) or not os.path.isdir(path):
        return False
    if os.path.ismount(path):  # another device than its parent's
        return True
    return os.path.abspath(path) in _mount_points()  # a bind mount of the parent's own file system


def _mount_points() -> set[str]:
    """The mount points of this process's view (Linux ``/proc/self/mountinfo``, its fifth field,
    with the octal escapes of a space, a tab, a line break and a backslash read back); none elsewhere."""
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as file:
            lines = file.read().splitlines()
    except OSError:
        return set()
    unescape = re.compile(r"\\([0-7]{3})")
    return {
        unescape.sub(lambda m: chr(int(m.group(1), 8)), f[4]) for f in (line.split(" ") for line in lines) if len(f) > 4
    }


def relation(out: Path, folder: Path) -> str | None:
    """How ``out`` stands to ``folder`` (both absolute): "is", "holds", "is inside", or None."""
    if out == folder:
        return "is"
    if out in folder.parents:
        return "holds"
    if folder in out.parents:
        return "is inside"
    return None


def kept_relation(out: Path, kept: Iterable[Kept]) -> str | None:
    """How ``out`` stands to the first folder of ``kept`` it may not (``out`` and each folder as
    given and as their links lead; lying inside an ``inside`` one is allowed), such as "is inside
    the project's data/ folder (data → /srv/data)"; None where it stands to none."""
    place = Path(os.path.abspath(out))
    outs = dict.fromkeys([place, resolved(place.parent) / place.name, resolved(place)])
    for folder in kept:
        given = Path(os.path.abspath(folder.path))
        for there in dict.fromkeys([given, resolved(given, folder.what)]):
            for here in outs:
                found = relation(here, there)
                if found is None or (found == "is inside" and folder.inside):
                    continue
                named = str(folder.path) if there == given else f"{folder.path} → {there}"
                return f"{found} {folder.what} ({named})"
    return None


def check_replaceable(out: Path, mark: str = MARK, kept: Iterable[Kept] = ()) -> None:
    """A ReleaseError naming ``out`` and what to do, before anything is made, where :func:`replacing`
    must not replace ``out``: ``out`` is, holds or lies inside a folder of ``kept`` (``inside``
    ones aside), the file system's root or the home folder (:func:`kept_relation`); ``out`` is a
    file; or ``out`` is a folder that holds something but not ``mark`` (a folder this function's
    writer did not write: another program's, the user's); or ``out``, or where it leads, is a mount
    point (:func:`mount_point`: it cannot be replaced); or a folder ``out`` lies in is a link to
    nothing (making ``out`` would make the folders it names, wherever they are)."""
    place = Path(os.path.abspath(out))
    dangling = dangling_problem(place, "--out", itself=False)
    if dangling is not None:
        raise ReleaseError(f"{dangling}; nothing was written")
    found = kept_relation(out, [*everyones_places(), *kept])
    if found is not None:
        raise ReleaseError(f"{out}: this folder {found}; nothing was written: give another --out, a folder of its own")
    too_long = name_problem(place, len("..12345678.old.del"))  # the folders replacing() names beside it
    if too_long is not None:
        raise ReleaseError(f"--out {shown(str(out))}: {too_long}; nothing was written")
    if not os.path.lexists(place):
        return
    if os.path.islink(place) and not place.is_dir():
        leads = "nothing" if not place.exists() else "a file, not a folder"
        raise ReleaseError(
            f"{out} is a symbolic link (to {shown(os.readlink(place))}) that leads to {leads}; nothing was "
            "written: remove it, or give another --out"
        )
    if not place.is_dir():
        raise ReleaseError(f"{out} is a file, not a folder; nothing was written: remove it, or give another --out")
    real = Path(os.path.realpath(place))
    if mount_point(real):
        raise ReleaseError(
            f"{out} is a mount point (a file system is mounted there{'' if real == place else f', at {real}'}): "
            "an export replaces --out whole, renaming a new folder into its place, and a mount point cannot be "
            f"replaced; nothing was written: give --out a folder inside it, such as {real / 'site'}"
        )
    if not _marked(place, mark) and any(place.iterdir()):
        raise ReleaseError(
            f"{out} is a folder that sakrad-ld did not write (it has no {mark}); nothing was written: "
            "remove it, or give another --out (a new or an empty folder)"
        )


def _marked(folder: Path, mark: str) -> bool:
    """Whether ``folder`` holds the file ``mark`` (a file, no link on its way) with :data:`MARK_TEXT`."""
    path = folder
    for part in Path(mark).parts:
        path = path / part
        if path.is_symlink():
            return False
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as file:
            return file.read(len(MARK_TEXT) + 1) == MARK_TEXT
    except OSError:
        return False


@contextmanager
def replacing(out: Path, mark: str = MARK, kept: Iterable[Kept] = ()) -> Iterator[Path]:
    """Yields an empty folder beside ``out``; when the block ends without an error it takes the
    place of ``out`` (the old folder is removed only once the new one is in place), and on any
    error it is removed and ``out`` is left exactly as it was, as are ``out``'s parents (those made
    for it are removed). Written files end up 0644, folders 0755. What killed runs left beside
    ``out`` is removed first (:func:`remove_leftovers`).

    Only a folder it wrote is replaced: the file ``mark`` (a path in the folder, :data:`MARK_TEXT`)
    is written into the new folder last, and ``out`` is refused (:func:`check_replaceable`, a
    ReleaseError before anything is made) unless it is missing, empty or holds that file, and
    where it is, holds or lies inside a folder of ``kept``, the file system's root or the home
    folder."""
    check_replaceable(out, mark, kept)
    made = _mkdirs(out.parent)
    try:
        with _own(out.parent, f".{out.name}.", ".tmp") as tmp:
            remove_leftovers(out)
            try:
                yield tmp
                marked = tmp / mark
                marked.parent.mkdir(parents=True, exist_ok=True)
                marked.write_bytes(MARK_TEXT)  # last: a folder holding it is complete
                make_readable(tmp)
                if out.exists():
                    with _own(out.parent, f".{out.name}.", ".old") as old:
                        try:
                            os.replace(out, old / out.name)
                        except BaseException:
                            old.rmdir()
                            raise
                        try:
                            os.replace(tmp, out)
                        except BaseException:
                            os.replace(old / out.name, out)  # the old folder back where it was
                            old.rmdir()
                            raise
                        shutil.rmtree(old, ignore_errors=True)
                else:
                    os.replace(tmp, out)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
    except BaseException:
        unmake(made)
        raise


class ReleaseFolders:
    """The releases published at ``out``: the link ``out`` and the folder ``<out>.releases/``.

    Use :meth:`locked` around everything else: it makes builds into the same ``out`` take turns."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.store = out.parent / f"{out.name}{STORE_SUFFIX}"

    # --- what is there ---------------------------------------------------------------------------

    def unusable_store(self) -> str | None:
        """Why the store ``<out>.releases`` cannot hold releases (it is a link, a file or another
        non-folder: a build would write, and remove, wherever it leads), or None."""
        if os.path.islink(self.store):
            return f"a symbolic link (to {os.readlink(self.store)}), not a folder"
        if os.path.lexists(self.store) and not self.store.is_dir():
            return "a file, not a folder"
        return None

    def current(self) -> Path | None:
        """The folder ``out`` names (a release of ours, or one an earlier version wrote in place),
        or None; a ReleaseError when ``out`` is something a build must not replace (a file, a folder
        that is not a release, a mount point, a link to anything but a release)."""
        if self.out.is_symlink():
            return self._linked()
        if self.out.is_dir():
            if mount_point(self.out):
                raise ReleaseError(
                    f"--out {self.out} is a mount point (a file system is mounted there): a build publishes the "
                    "release by replacing --out with a link, and a mount point cannot be replaced; nothing was "
                    f"written: give --out a folder inside it, such as {self.out / 'dist'}"
                )
            if not (self.out / COMPLETE_MARK).is_file() and any(self.out.iterdir()):
                raise ReleaseError(
                    f"{self.out} is a folder that is not a release (it has no {COMPLETE_MARK}); "
                    "nothing was written: remove it, or give another --out"
                )
            return self.out
        if self.out.exists():
            raise ReleaseError(
                f"{self.out} is a file, not a release folder; nothing was written (remove it, or give another --out)"
            )
        return None

    def _linked(self) -> Path | None:
        """The folder the link ``out`` leads to (None when it leads to nothing in the store): a link a
        build made, into ``<out>.releases/``, or a link to a release folder (with its checksums);
        a link to anything else (a user's folder or file, nothing, a loop) is a ReleaseError, as the
        folder or file it leads to given as ``out`` is, since publishing replaces the link."""
        written = os.readlink(self.out)
        target = Path(os.path.realpath(self.out))
        lexical = Path(os.path.normpath(self.out.parent / written))
        into_store = lexical.parent == Path(os.path.normpath(self.store)) or target.parent == Path(
            os.path.realpath(self.store)
        )
        if into_store:
            return target if target.is_dir() else None
        if target.is_dir() and (target / COMPLETE_MARK).is_file():
            return target
        if looping_link(self.out) is not None:
            what = "a link that loops, leading back to itself"
        elif not os.path.lexists(target):
            what = "nothing"
        elif target.is_dir():
            what = f"a folder that is not a release (it has no {COMPLETE_MARK})"
        else:
            what = "a file, not a release folder"
        raise ReleaseError(
            f"{shown(str(self.out))} is a symbolic link (to {shown(written)}) that leads to {what}: a build would "
            f"replace the link; nothing was written (remove the link, or give another --out)"
        )

    def _ours(self, folder: Path | None) -> bool:
        return folder is not None and folder.parent == resolved(self.store)

    # --- taking turns ----------------------------------------------------------------------------

    @contextmanager
    def locked(self, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
        """Holds the lock of ``out`` (``<out>.releases/lock``) for the block; while another build
        holds it, calls ``waiting`` with a message once, then waits for it. The lock goes with the
        process that holds it, however that process ends."""
        problem = self.unusable_store()
        if problem is not None:
            raise ReleaseError(f"{self.store}, the store of {self.out}, is {problem}; nothing was written")
        if not self.store.is_dir():
            self.current()  # a file or a foreign folder at ``out`` is refused before anything is made
        lock = self.store / "lock"
        said = False
        while True:
            made = _mkdirs(self.store)
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, FILE_MODE)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
                if waiting and not said:
                    waiting(
                        f"another build (process {holder}) is writing into {self.out}; this one goes on when it is done"
                    )
                    said = True
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:  # the lock file still there (a failed first build removes it, its store and folders)
                now, held = os.stat(lock), os.fstat(fd)
                if (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            yield
        except BaseException:
            # a first build that failed leaves nothing: its lock, the store and the folders made for them
            if made and not self._published() and sorted(os.listdir(self.store)) == ["lock"]:
                lock.unlink()
                unmake(made)
            raise
        finally:
            os.close(fd)  # releases the lock

    def _published(self) -> bool:
        """Whether ``out`` is there as a release or a link (not missing, nor an empty folder a
        build that failed was to replace)."""
        if self.out.is_symlink() or not self.out.is_dir():
            return os.path.lexists(self.out)
        try:
            return any(self.out.iterdir())
        except OSError:
            return True

    # --- writing ---------------------------------------------------------------------------------

    def clean(self) -> None:
        """Removes what killed builds left (call with the lock held): temporary folders and links,
        half-removed releases, and the ``.<out>.*.tmp``/``.old`` folders of earlier versions. A
        release an earlier version left stranded by a kill between its two renames is put back."""
        if self.store.is_dir():
            for path in self.store.iterdir():
                if path.name.endswith((".tmp", ".del")):
                    _remove(path)
        for path in self.out.parent.glob(f".{glob.escape(self.out.name)}.*.old"):
            held = _held(path)  # not a folder another process is writing (an export into the same name)
            if held is None:
                continue
            try:
                stranded = path / self.out.name
                if not self.out.exists() and not self.out.is_symlink() and (stranded / COMPLETE_MARK).is_file():
                    self._publish_folder(stranded)
                _remove(path)
            finally:
                os.close(held)
        for path in self.out.parent.glob(f".{glob.escape(self.out.name)}.*.tmp"):
            held = _held(path)
            if held is not None:
                try:
                    _remove(path)
                finally:
                    os.close(held)

    @contextmanager
    def new(self) -> Iterator[Path]:
        """Yields an empty folder for a new release (call with the lock held); on an error it is removed."""
        _mkdirs(self.store)
        tmp = Path(tempfile.mkdtemp(prefix="new.", suffix=".tmp", dir=self.store))
        try:
            yield tmp
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    def publish(self, tmp: Path) -> Path:
        """Makes the complete release in ``tmp`` the one ``out`` names, after removing the releases
        older than the one it replaces (:meth:`_remove_older`), so that the store holds the two
        from the switch on; when ``out`` named that release already, it removes none (the previous
        release is still the one before it). Returns the release's folder, named after its checksums."""
        sums = tmp / COMPLETE_MARK
        if not sums.is_file():
            raise ReleaseError(f"{tmp} has no {COMPLETE_MARK}: not a complete release; nothing was published")
        make_readable(tmp)
        name = hashlib.sha256(sums.read_bytes()).hexdigest()[:16]
        folder = self.store / name
        # The same release may stand under its name already (these inputs built it before), but
        # its files may have been changed, removed or added to since: the complete release just
        # built takes its place (exchanged in one step), never the one on disk, whose checksum file
        # alone says nothing of its files.
        if not os.path.lexists(folder):
            os.rename(tmp, folder)
        elif not folder.is_symlink() and folder.is_dir() and _exchange(tmp, folder):
            _remove(tmp)  # ``tmp`` now names what stood under the release's name (changed on disk)
        else:  # a link or a file under the release's name (not a build's): replaced
            _remove(folder)
            os.rename(tmp, folder)
        before = self.current()
        if before is None or os.path.realpath(before) != os.path.realpath(folder):
            # before the switch, so that a build killed after it leaves no release but the two
            self._remove_older([folder, before, self.out])
        # else ``out`` names this release already: the one it replaced stays the previous release
        # (so a build killed after its switch, then run again, keeps the release it replaced)
        try:
            self._switch(folder)
        except BaseException:
            named = {os.path.realpath(p) for p in (self.out, before) if p is not None}
            if os.path.realpath(folder) not in named:  # never published: the store holds what it held before
                _remove(folder)
            raise
        return folder

    def _remove_older(self, kept: list[Path | None]) -> None:
        """Removes the releases of the store but those ``kept`` leads to (each path resolved: a
        link's target, never the link): only real folders with the name a release or the earlier
        folder has (:data:`_RELEASE_NAME`), never one that is or holds a kept folder, nor anything
        else in the store (a link, the lock, a folder of someone else's)."""
        targets = [Path(os.path.realpath(p)) for p in kept if p is not None]
        for path in self.store.iterdir():
            if not _RELEASE_NAME.fullmatch(path.name) or path.is_symlink() or not path.is_dir():
                continue
            real = Path(os.path.realpath(path))
            if any(t == real or real in t.parents for t in targets):
                continue
            _remove(path)

    def _publish_folder(self, folder: Path) -> None:
        """Moves a complete release folder found elsewhere into the store and links ``out`` to it."""
        _mkdirs(self.store)
        sums = (folder / COMPLETE_MARK).read_bytes()
        target = self.store / hashlib.sha256(sums).hexdigest()[:16]
        if target.exists():
            _remove(target)
        os.rename(folder, target)
        self._switch(target)

    def _switch(self, folder: Path) -> None:
        """Points ``out`` at ``folder`` in one step: a new link renamed over the old one. A real
        folder at ``out`` (from an earlier version) is exchanged with the link atomically
        (``renameat2`` with ``RENAME_EXCHANGE``) and moved into the store, as ``earlier``."""
        link = self.store / f"link.{os.getpid()}.tmp"
        if link.is_symlink() or link.exists():
            _remove(link)
        os.symlink(f"{self.store.name}/{folder.name}", link)
        if self.out.is_symlink() or not self.out.exists():
            try:
                os.replace(link, self.out)
            except OSError as error:  # said of the folder that refused, not of the temporary link
                _remove(link)
                raise OSError(
                    error.errno,
                    f"{error.strerror} (the link {self.out.name} in it cannot be replaced)",
                    str(self.out.parent),
                ) from None
            return
        earlier = self.store / "earlier"
        if earlier.exists():
            _remove(earlier)
        try:
            exchanged = _exchange(link, self.out)
            if not exchanged:  # no RENAME_EXCHANGE here: two renames, with a moment in which ``out`` is missing
                os.rename(self.out, earlier)
        except OSError as error:  # ``out`` as it was (a mount point: EBUSY), the temporary link gone
            _remove(link)
            raise OSError(error.errno, f"{error.strerror} (it cannot be replaced by a link)", str(self.out)) from None
        if exchanged:
            os.rename(link, earlier)  # ``link`` now names the earlier real folder
        else:
            os.replace(link, self.out)


#: The names a folder in a store of releases may have to be removed by a build: a release's
#: (the first 16 hex digits of its checksums' SHA-256) and that of a folder taken over from ``out``.
_RELEASE_NAME = re.compile(r"[0-9a-f]{16}|earlier")


def intact(folder: Path, manifest: str) -> bool:
    """Whether the release in ``folder`` is as its build left it, as far as the file system tells
    without reading its files: its checksum file (:data:`COMPLETE_MARK`) and every file it lists
    are regular files (no link), each of the size ``manifest`` (a file it lists, whose SHA-256 it
    gives) records, none changed after the checksum file was written, and no other file is there.
    A file changed in place, cut short, removed, replaced by a link or added makes it not intact.
    (A change whose time of change was set back is not seen: docs/security.md.)"""
    import json

    try:
        mark = os.lstat(folder / COMPLETE_MARK)
        if not stat.S_ISREG(mark.st_mode) or os.path.islink(folder):
            return False
        sums: dict[str, str] = {}
        for line in (folder / COMPLETE_MARK).read_text(encoding="utf-8").splitlines():
            digest, sep, rel = line.partition("  ")
            if not sep or rel in sums:
                return False
            sums[rel] = digest
        data = (folder / manifest).read_bytes()
        if sums.get(manifest) != hashlib.sha256(data).hexdigest():
            return False
        sizes = {f["path"]: f["size"] for f in json.loads(data)["files"]}
        sizes[manifest] = len(data)
        found = 0
        for where, dirs, files in os.walk(folder):
            if any(os.path.islink(os.path.join(where, d)) for d in dirs):  # a folder behind a link
                return False
            for file in files:
                path = os.path.join(where, file)
                rel = os.path.relpath(path, folder).replace(os.sep, "/")
                if rel == COMPLETE_MARK:
                    continue
                status = os.lstat(path)
                if (
                    rel not in sums
                    or not stat.S_ISREG(status.st_mode)
                    or status.st_size != sizes.get(rel)
                    or status.st_mtime_ns > mark.st_mtime_ns
                ):
                    return False
                found += 1
        return found == len(sums)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return False


def _remove(path: Path) -> None:
    """Removes a file, link or folder; a folder is first renamed to ``*.del`` so that a kill
    halfway never leaves a partial folder under a release's name."""
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
        return
    if not path.exists():
        return
    doomed = path if path.name.endswith(".del") else path.with_name(path.name + ".del")
    if doomed != path:
        if doomed.exists():
            shutil.rmtree(doomed, ignore_errors=True)
        os.rename(path, doomed)
    shutil.rmtree(doomed, ignore_errors=True)


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def _exchange(a: Path, b: Path) -> bool:
    """Swaps the names ``a`` and ``b`` atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False
    where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


#: The name of the build's cache folder, beside the release it serves (``dist`` → ``.sakrad-cache``).
CACHE_FOLDER = ".sakrad-cache"


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _document(data: bytes) -> bool:
    """A meeting's document as the build writes it: UTF-8 text, a JSON object (JSON-LD) or Turtle
    (its prefixes first, each statement ended by '.')."""
    text = _text(data)
    if text is None:
        return False
    body = text.rstrip()
    return (body.startswith("{") and body.endswith("}")) or (body.startswith("@prefix ") and body.endswith("."))


def _picture(data: bytes) -> bool:
    """An SVG picture: UTF-8 text from ``<svg`` to ``</svg>``."""
    text = _text(data)
    return text is not None and text.lstrip().startswith("<svg") and text.rstrip().endswith("</svg>")


def _report(data: bytes) -> bool:
    """A validation's record: a JSON object."""
    import json

    try:
        return isinstance(json.loads(data), dict)
    except (ValueError, RecursionError):
        return False


def _release(data: bytes) -> bool:
    """A release's record: when its build started (a number), a newline, then its checksum file."""
    when, newline, sums = data.partition(b"\n")
    try:
        return bool(newline and sums) and float(when) == float(when)  # not NaN
    except ValueError:
        return False


#: The first line of a load's record of the meetings that passed its checks (:mod:`sakrad_ld.loadcache`).
CHECKED = b"checked"


def _parsed(data: bytes) -> bool:
    """A loaded file's record pickled (protocol 2 or later: it begins with PROTO and ends with STOP)."""
    return len(data) > 3 and data[:1] == b"\x80" and data[-1:] == b"."


def _checked(data: bytes) -> bool:
    """A load's record of the meetings that passed: ``checked``, then a name a line."""
    return data == CHECKED or data.startswith(CHECKED + b"\n")


#: What an entry of each kind the build keeps looks like (:meth:`CacheFolder.get` reads one that does
#: not as missing, :meth:`CacheFolder.put` keeps none); an entry of another kind must not be empty.
ENTRY_KINDS = {
    "document": _document,
    "picture": _picture,
    "report": _report,
    "release": _release,
    "parsed": _parsed,
    "checked": _checked,
}


class CacheFolder:
    """Bytes kept under the SHA-256 of what made them (:meth:`key`), for the next build.

    ``code`` names the code that made them (a digest of the package's files), so a cache written by
    other code is never read: its entries have other names. Entries are written whole (a temporary
    file renamed into place) and may be read and written by several processes at once. An entry a
    build used is touched; :meth:`prune` removes those no build used since a moment, so the folder
    holds what the last build made and does not grow with every edit."""

    def __init__(self, root: Path, code: str) -> None:
        self.root = root
        self._code = code.encode()

    @staticmethod
    def beside(out: Path) -> Path:
        """The cache folder of the release published at ``out``."""
        return out.parent / CACHE_FOLDER

    @staticmethod
    def unusable(root: Path) -> str | None:
        """Why ``root`` cannot be a cache (not a folder; a folder where no file can be made; a folder
        holding what a cache does not, :meth:`foreign`), or None; a missing folder is created."""
        try:
            root.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            return "this is not a folder (a cache is a folder)"
        except OSError as error:
            return f"the cache folder cannot be made ({error.strerror or error})"
        if not root.is_dir():
            return "this is not a folder (a cache is a folder)"
        try:
            fd, probe = tempfile.mkstemp(dir=root, prefix=".", suffix=".tmp")
            os.close(fd)
            os.unlink(probe)
        except OSError as error:
            return f"no file can be written into this folder ({error.strerror or error})"
        return CacheFolder.foreign(root)

    @staticmethod
    def foreign(root: Path) -> str | None:
        """What makes the folder ``root`` another's than a cache's, or None: a cache holds only the
        folders of its kinds (:data:`ENTRY_KINDS`) and its temporary files, so a folder holding
        anything else (a person's files, a project, a release) is never taken for one."""
        try:
            names = sorted(os.listdir(root))
        except OSError:
            return None  # missing (made next), or not a folder: said by unusable()
        for name in names:
            kind = name in ENTRY_KINDS and (root / name).is_dir() and not (root / name).is_symlink()
            if not (kind or (_TEMPORARY.fullmatch(name) and (root / name).is_file())):
                return (
                    f"this folder holds {name}, which is not the build's cache's (a cache holds only the folders "
                    f"{', '.join(sorted(ENTRY_KINDS))}): give a new or an empty folder, or a build's cache"
                )
        return None

    def key(self, kind: str, *parts: str | bytes) -> str:
        """The name of what is made of ``parts`` (each given whole; their order counts) by the code."""
        digest = hashlib.sha256(self._code)
        for part in (kind, *parts):
            data = part.encode() if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return f"{kind}/{digest.hexdigest()}"

    def _path(self, key: str) -> Path:
        kind, name = key.split("/", 1)
        return self.root / kind / name[:2] / name

    def get(self, key: str) -> bytes | None:
        """The bytes kept under ``key``, or None. Only a regular file of at most :data:`MAX_ENTRY`
        bytes is an entry: what else stands there (a FIFO that would block the build, a device
        that never ends, a link to either, a file too large to hold) is read as missing. An entry
        begins with the SHA-256 of its bytes (:meth:`put`): one whose bytes do not match it (cut
        short, changed on disk) is read as missing too, and removed, so the build makes it again.
        The digest is of the key and the bytes, so an entry moved to another key's path does not
        match either; and an entry that is not what its kind looks like (:data:`ENTRY_KINDS`: an
        empty document, a picture that is not SVG) is read as missing and removed."""
        path = self._path(key)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            return None
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY:
                return None
            with os.fdopen(fd, "rb", closefd=False) as file:
                kept = file.read(_SUM)
                data = file.read()
        except OSError:
            return None
        finally:
            os.close(fd)
        if self._sum(key, data) != kept or not self._looks_like(key, data):
            try:
                os.unlink(path)
            except OSError:
                pass
            return None
        try:
            os.utime(path)  # used by this build: kept by prune()
        except OSError:
            pass
        return data

    @staticmethod
    def _sum(key: str, data: bytes) -> bytes:
        """The SHA-256 an entry begins with: of its key (length first) and its bytes."""
        name = key.encode()
        digest = hashlib.sha256(len(name).to_bytes(8, "big") + name)
        digest.update(data)
        return digest.digest()

    @staticmethod
    def _looks_like(key: str, data: bytes) -> bool:
        kind = key.split("/", 1)[0]
        check = ENTRY_KINDS.get(kind)
        return check(data) if check is not None else bool(data)

    def put(self, key: str, data: bytes) -> None:
        """Keeps ``data`` under ``key``; a cache that cannot be written is only a slower next build.
        Bytes that are not what their kind looks like (:data:`ENTRY_KINDS`) are not kept."""
        if not self._looks_like(key, data):
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(self._sum(key, data))
                file.write(data)
            os.replace(tmp, path)
        except OSError:  # a full disk: its temporary file goes with it, the build goes on
            try:
                os.unlink(tmp)
            except OSError:
                pass

    def prune(self, since: float) -> int:
        """Removes the entries no build has made or used since ``since`` (a ``time.time()``), and
        temporary files left by killed builds; returns how many were removed. Only what has the
        shape of an entry (``<kind>/<2 hex>/<64 hex>``, a kind of :data:`ENTRY_KINDS`) and begins
        with its own sum, or has the name of its temporary file, is ever removed: anything else in
        the folder (another program's files of the same shape, such as a content-addressed store's)
        is kept."""
        removed = 0
        for path in self._entries():
            try:
                if os.lstat(path).st_mtime < since and self._own(path):
                    os.unlink(path)
                    removed += 1
            except OSError:
                pass
        return removed

    def _own(self, path: str) -> bool:
        """Whether the file at ``path`` is an entry this cache wrote (its bytes begin with their sum
        under the key its path names, :meth:`_sum`) or a temporary file of one; only those are removed."""
        name = os.path.basename(path)
        if _TEMPORARY.fullmatch(name):
            return True
        key = f"{os.path.basename(os.path.dirname(os.path.dirname(path)))}/{name}"
        try:
            with open(path, "rb") as file:
                if os.fstat(file.fileno()).st_size > MAX_ENTRY + _SUM:
                    return False
                kept = file.read(_SUM)
                return self._sum(key, file.read()) == kept
        except OSError:
            return False

    def _entries(self) -> Iterator[str]:
        """The paths below the root that have the shape of an entry or of an entry's temporary file."""
        try:
            kinds = [k for k in os.scandir(self.root) if k.name in ENTRY_KINDS and k.is_dir(follow_symlinks=False)]
        except OSError:
            return
        for kind in kinds:
            try:
                shards = [
                    d for d in os.scandir(kind.path) if d.is_dir(follow_symlinks=False) and _SHARD.fullmatch(d.name)
                ]
            except OSError:
                continue
            for shard in shards:
                try:
                    names = [f for f in os.scandir(shard.path) if not f.is_dir(follow_symlinks=False)]
                except OSError:
                    continue
                for f in names:
                    if (_ENTRY.fullmatch(f.name) and f.name.startswith(shard.name)) or _TEMPORARY.fullmatch(f.name):
                        yield f.path

    @staticmethod
    def now() -> float:
        """The moment to prune from: a little before now, as file times may be coarser than the clock."""
        return time.time() - 2.0
