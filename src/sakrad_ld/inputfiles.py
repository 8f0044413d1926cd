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
import json
import math
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from .errors import InputError, SakradError, Where, shown

__all__ = [
    "MAX_INPUT_FILE",
    "JsonRefusal",
    "check_input",
    "line_at",
    "os_problem",
    "read_input",
    "read_input_status",
    "read_input_text",
    "dangling_link",
    "dangling_problem",
    "looping_link",
    "name_problem",
    "resolved",
    "strict_json",
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
    if not real.is_relative_to(resolved(root)):
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


def looping_link(path: Path) -> Path | None:
    """The first symbolic link on the way of ``path`` (``path`` itself, or a folder it lies in)
    that loops, leading back to itself through other links; None when none does."""
    here = Path(os.path.abspath(path))
    for place in (*reversed(here.parents), here):
        try:
            place.resolve()
        except RuntimeError:  # Python 3.11's "Symlink loop from …"
            return place
        except OSError as error:  # where a later Python says ELOOP instead
            if error.errno == errno.ELOOP:
                return place
    return None


def dangling_link(path: Path, itself: bool = True) -> Path | None:
    """The symbolic link on the way of ``path`` (a folder it lies in, or ``path`` itself where
    ``itself``) that leads to nothing, or None. Nothing after such a link exists, so it is the only
    one; writing there would make the folders the link names (its target's whole chain), reading
    there would find nothing."""
    here = Path(os.path.abspath(path))
    for place in (*reversed(here.parents), *((here,) if itself else ())):
        if os.path.islink(place) and not os.path.exists(place):
            return place
    return None


def dangling_problem(path: Path, what: str = "", itself: bool = True) -> str | None:
    """The message of a ``path`` (given as ``what``) that a link to nothing is on the way of, or None."""
    link = dangling_link(path, itself)
    if link is None:
        return None
    given = f"{what} {shown(str(path))}" if what else shown(str(path))
    at = "" if Path(os.path.abspath(path)) == link else f" {shown(str(link))} on its way"
    try:
        leads = f" (to {shown(os.readlink(link))})"
    except OSError:  # removed since it was looked at
        leads = ""
    return (
        f"{given}: the symbolic link{at}{leads} leads to nothing; expected a folder or a file, or a link "
        "that leads to one: remove the link, make what it names, or give another path"
    )


def resolved(path: Path, what: str = "") -> Path:
    """``path`` absolute with every link on its way followed (``Path.resolve``, not strict); a link
    on the way that loops is a SakradError naming ``what`` (an option such as ``--out``), the path and
    the link, where ``resolve`` would raise Python's ``RuntimeError``."""
    try:
        return Path(path).resolve()
    except (RuntimeError, OSError) as error:
        if isinstance(error, OSError) and error.errno != errno.ELOOP:
            raise
        raise SakradError(loop_problem(path, what)) from None


def loop_problem(path: Path, what: str = "") -> str:
    """The message of a ``path`` (given as ``what``) that a looping link is on the way of."""
    link = looping_link(path) or Path(os.path.abspath(path))
    given = f"{what} {shown(str(path))}" if what else shown(str(path))
    at = "" if Path(os.path.abspath(path)) == link else f" {shown(str(link))} on its way"
    try:
        leads = f" (to {shown(os.readlink(link))})"
    except OSError:
        leads = ""
    return (
        f"{given}: the symbolic link{at}{leads} loops, leading back to itself; "
        "expected a folder or a file, or a link that leads to one: remove the link or give another path"
    )


def name_problem(path: Path, added: int = 0) -> str | None:
    """Why no file can have the name ``path`` (its last name with ``added`` bytes more, as a writer
    adds to name its temporary folder or its store of releases), or None: a name on its way longer
    than the file system allows (``NAME_MAX``, 255 bytes on most), which every look at it would answer
    "File name too long", naming a file inside it."""
    place = Path(os.path.abspath(path))
    limit = _name_max(place)
    for name in place.parts[1:]:
        allowed = limit - added if name == place.name else limit
        size = len(os.fsencode(name))
        if size > allowed:
            cut = name if len(name) <= 40 else name[:20] + "…" + name[-12:]
            why = f" (the file system allows {limit}; sakrad-ld adds up to {added} to name what it writes)"
            return (
                f"the name {shown(cut)} has {size} bytes, more than the {allowed} a name may have here"
                f"{why if name == place.name and added else ''}; expected a shorter name"
            )
    return None


def _name_max(place: Path) -> int:
    """The longest name (bytes) the file system holding ``place`` (its nearest folder that exists) allows."""
    for folder in place.parents:
        try:
            return int(os.pathconf(folder, "PC_NAME_MAX"))
        except (OSError, ValueError):
            continue
    return 255


class JsonRefusal(ValueError):
    """What strict JSON (RFC 8259) has not and Python's parser reads: the problem in words, and its
    offset in the text (None: not known)."""

    def __init__(self, problem: str, offset: int | None = None) -> None:
        super().__init__(problem)
        self.problem, self.offset = problem, offset


def strict_json(data: str | bytes, parse_int: Callable[[str], object] | None = None) -> object:
    """``data`` read as strict JSON, the one way an input's JSON is read: no NaN or Infinity, no number
    beyond a double, no key twice in an object (each a :class:`JsonRefusal`); bytes are decoded as
    :func:`json.loads` decodes them. The parser's own errors (:class:`json.JSONDecodeError`, a
    :class:`RecursionError` of deep nesting, the ValueError of Python's limit on an int's digits, a
    :class:`UnicodeDecodeError`) and what ``parse_int`` raises reach the caller, to say in its words."""
    if isinstance(data, bytes | bytearray):
        data = data.decode(json.detect_encoding(data), "surrogatepass")
    decoder = json.JSONDecoder(
        object_pairs_hook=_no_duplicates, parse_constant=_no_constant, parse_float=_finite, parse_int=parse_int
    )
    try:
        return decoder.decode(data)
    except JsonRefusal as refusal:  # the parser's hooks are not told where they are: found again here
        refusal.offset = _refused_at(data)
        raise


#: What :func:`_refused_at` reads between values: white space, a number, one of the constants.
_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_CONSTANT = re.compile(r"NaN|-?Infinity")


def _refused_at(text: str) -> int | None:
    """The offset in ``text`` of what :func:`strict_json` refuses first (a NaN or Infinity, a number
    beyond a double, the second of a key twice in one object, found when its object closes, as the
    parser finds it), read again without recursion; None when it is not found (no place is named)."""
    stack: list[list | None] = []  # per open object [its keys, the offset of its first key twice]; per array None
    at = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    while at < len(text):
        char = text[at]
        if char in "{[":
            stack.append([set(), None] if char == "{" else None)
            at += 1
        elif char in "}]":
            closed = stack.pop() if stack else None
            if closed is not None and closed[1] is not None:
                return closed[1]  # type: ignore[no-any-return]
            at += 1
        elif char in ",:":
            at += 1
        elif char == '"':
            value, end = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
            open_object, after = stack[-1] if stack else None, _SPACE.match(text, end).end()  # type: ignore[union-attr]
            if open_object is not None and text.startswith(":", after):  # a key, not a value
                if value in open_object[0] and open_object[1] is None:
                    open_object[1] = at
                open_object[0].add(value)
            at = end
        elif _CONSTANT.match(text, at):
            return at
        elif number := _NUMBER.match(text, at):
            if (number.group(1) or number.group(2)) and not math.isfinite(float(number.group())):
                return at
            at = number.end()
        elif text.startswith(("true", "null"), at):
            at += 4
        elif text.startswith("false", at):
            at += 5
        else:
            return None
        at = _SPACE.match(text, at).end()  # type: ignore[union-attr]
    return None


def _no_constant(name: str) -> object:
    raise JsonRefusal(f"{name} is not a JSON value (strict JSON has no NaN or Infinity)")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        from .typedyaml import quoted  # typedyaml reads its files here: imported only for a refusal

        raise JsonRefusal(f"the number {quoted(text)} is beyond a double (a reader would see Infinity)")
    return value


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: dict[str, object] = {}
    for key, value in pairs:
        if key in seen:
            from .typedyaml import quoted  # typedyaml reads its files here: imported only for a refusal

            raise JsonRefusal(f"the key {quoted(key)} twice in one object (a reader sees the first, a parser the last)")
        seen[key] = value
    return seen
