"""The one way a project's files are read: ``data/``, ``ontology/``, ``shapes/`` and the register
extracts kept in ``data/``.

A file is read only when it is a regular file of at most a set number of bytes (by default
:data:`MAX_INPUT_FILE`) and, where the folder it belongs to is given, when it lies in that folder (a
link may lead only to a file there). A folder, a device (``/dev/zero``), a FIFO, a socket, a link
leading out of the folder, to nothing or round in a loop, an unreadable or over-large file is an
:class:`~sakrad_ld.errors.InputError` naming the path and what is expected, raised before anything
is read: no read waits for a writer, fills the memory, or quotes a file from elsewhere.

The file is opened without waiting (``O_NONBLOCK``) and what was opened is looked at again
(``fstat``), so a FIFO put in a file's place after it was looked at does not block the read.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from .errors import InputError, Where

__all__ = [
    "MAX_INPUT_FILE",
    "check_input",
    "line_at",
    "os_problem",
    "read_input",
    "read_input_status",
    "read_input_text",
]

#: The most bytes a file of the project may have: 32 MiB (the shared files of data/ of 100,000
#: synthetic meetings have 22 MB; an ontology or a shapes file has a few kilobytes).
MAX_INPUT_FILE = 32 * 2**20

#: What YAML reads as a line break (YAML 1.1 §5.4, as libyaml counts lines); Turtle's breaks are among them.
_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def check_input(
    path: Path, *, root: Path | None = None, max_bytes: int = MAX_INPUT_FILE, expected: str = "a readable file"
) -> os.stat_result:
    """What ``stat`` says of ``path`` when it is a file :func:`read_input` reads (a regular file of at
    most ``max_bytes``, in ``root`` where it is given); else the InputError it would raise. Nothing is opened."""
    if root is not None:
        _check_inside(path, root)
    try:
        info = path.stat()
    except OSError as error:
        raise InputError(Where(path, 0), _stat_problem(path, error), expected) from None
    _check_opened(path, info, max_bytes, expected)
    return info


def read_input(
    path: Path, *, root: Path | None = None, max_bytes: int = MAX_INPUT_FILE, expected: str = "a readable file"
) -> bytes:
    """The bytes of the regular file ``path``, a file of the folder ``root`` where it is given;
    anything else is an InputError naming the path, saying what is wrong and ``expected``."""
    return read_input_status(path, root=root, max_bytes=max_bytes, expected=expected)[0]


def read_input_status(
    path: Path, *, root: Path | None = None, max_bytes: int = MAX_INPUT_FILE, expected: str = "a readable file"
) -> tuple[bytes, os.stat_result]:
    """:func:`read_input`, and what ``fstat`` said of the file that was read (its size, time, inode)."""
    check_input(path, root=root, max_bytes=max_bytes, expected=expected)
    try:
        with open(path, "rb", opener=_opener) as file:
            info = os.fstat(file.fileno())
            _check_opened(path, info, max_bytes, expected)  # what was opened may have changed
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise InputError(Where(path, 0), os_problem(error), expected) from None
    if len(data) > max_bytes:  # it grew while being read
        raise InputError(Where(path, 0), f"the file has more than {max_bytes:,} bytes", f"at most {max_bytes:,} bytes")
    return data, info


def read_input_text(
    path: Path, *, root: Path | None = None, max_bytes: int = MAX_INPUT_FILE, expected: str = "a readable file"
) -> str:
    """:func:`read_input` as UTF-8 text; bytes that are not UTF-8 are an InputError naming their line."""
    data = read_input(path, root=root, max_bytes=max_bytes, expected=expected)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start].decode("utf-8", "ignore")
        raise InputError(
            Where(path, line_at(before, len(before))),
            f"the file is not UTF-8 text ({err.reason} at byte {err.start})",
            "UTF-8",
        ) from None


def line_at(text: str, at: int) -> int:
    """The 1-based line of character ``at`` of ``text``."""
    return len(_BREAK.findall(text, 0, at)) + 1


def _check_inside(path: Path, root: Path) -> None:
    """An InputError when ``path`` (a link, or a folder on its way that is one) leads out of ``root``."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return  # a link to nothing or a loop: opening the file names it
    if not real.is_relative_to(root.resolve()):
        name = f"{root.name}/"
        raise InputError(
            Where(path, 0),
            f"a link leading out of {name}",
            f"a file in {name} (a link may lead only to a file there)",
            f"copy the file into {name}",
        )


def _opener(path: str, flags: int) -> int:
    """Opens without waiting: a FIFO put in a file's place opens at once (and is then refused)."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


#: What a file that is not a regular one is, by its ``stat`` test.
_KINDS = (
    (stat.S_ISDIR, "this is a folder, not a file"),
    (stat.S_ISFIFO, "this is a FIFO (named pipe), not a regular file"),
    (stat.S_ISSOCK, "this is a socket, not a regular file"),
    (stat.S_ISCHR, "this is a device, not a regular file"),
    (stat.S_ISBLK, "this is a device, not a regular file"),
)


def _check_opened(path: Path, info: os.stat_result, max_bytes: int, expected: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        said = next((said for test, said in _KINDS if test(info.st_mode)), "this is not a regular file")
        hint = "rename or move the folder" if stat.S_ISDIR(info.st_mode) else ""
        raise InputError(Where(path, 0), said, expected, hint)
    if info.st_size > max_bytes:
        raise InputError(
            Where(path, 0),
            f"the file has {info.st_size:,} bytes, more than the {max_bytes:,} a file here may have",
            f"at most {max_bytes:,} bytes",
            "split it, or check that it is the file you meant",
        )


def _stat_problem(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT and path.is_symlink():
        return "a link to nothing"
    return os_problem(error)


def os_problem(err: OSError) -> str:
    """What an OSError of opening or reading a file means, in a person's words."""
    if err.errno == errno.ELOOP:
        return "the symbolic link loops (it leads back to itself)"
    if err.errno == errno.ENOENT:
        return "the file cannot be found (a symbolic link that leads nowhere?)"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "the file cannot be read: permission denied"
    return f"the file cannot be read: {err.strerror or err}"
