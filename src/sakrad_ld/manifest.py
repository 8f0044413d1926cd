"""What a release is, said by the release itself: ``manifest.json``.

The build writes it beside the files it describes; everything that reads a release (``query``,
``serve``, ``push``, ``export``, ``diff``) takes the release's base IRI and the name of its graph
from here, never from the data or from the project's YAML, so an old release pushed after
``data/dataset.yaml`` changed still names the graph ``serve --store`` looks in::

    {
      "manifest": 1,
      "producer": "sakrad-ld 0.1.0",
      "base_iri": "https://w3id.org/sakrad/",
      "version": "1.0.0",
      "graph": "https://w3id.org/sakrad/graph/1.0.0",
      "files": [{"path": "sakrad.nt", "format": "ntriples", "media_type": "application/n-triples",
                 "size": 123, "sha256": "…"}, …]
    }

Nothing in it depends on the clock: the same input and the same software give the same bytes.
``files`` lists every file of the release but the manifest itself and ``SHA256SUMS`` (which lists
the manifest); ``format`` is the name of the file's RDF format in :mod:`sakrad_ld.formats`, or
absent for a file that is not RDF.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import ReleaseError
from .formats import json_bytes, media_type_of, rdf_format_of
from .layout import CHECKSUMS, MANIFEST_FILE

__all__ = [
    "MANIFEST_VERSION",
    "Manifest",
    "ManifestFile",
    "file_digests",
    "TooManyDigits",
    "graph_name",
    "json_document",
    "make_manifest",
    "read_manifest",
]

#: How much of a file is hashed at a time.
_BLOCK = 1 << 20

#: The version of the manifest's own layout; a reader refuses one it does not know.
MANIFEST_VERSION = 1
#: The largest manifest read (a release of 100,000 meetings lists about 300,000 files, 60 MB).
MAX_MANIFEST_BYTES = 256 * 2**20

#: What each field a reader uses must be, as the build writes it: a base IRI is a plain http(s) IRI
#: ending in '/' (what IRIs are minted by appending to), a version one segment of IRIs and file names
#: (as ``dataset.yaml``'s, :func:`sakrad_ld.corpus.check_version`), a graph the base's graph of that
#: version; a file a relative path inside the release, a media type, a size, a SHA-256.
_BASE = re.compile(r"https?://[^\s/?#@<>\"{}|\\^`]+/(?:[^\s?#<>\"{}|\\^`]*/)?")
_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~+-]{0,63}")
_PATH = re.compile(r"(?!/)(?:[^/\x00-\x1f\x7f\\]+/)*[^/\x00-\x1f\x7f\\]+")
_MEDIA = re.compile(r"[\w.+-]+/[\w.+-]+(?:; ?[\w.+-]+=[\w.+\"-]+)*")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def graph_name(base_iri: str, version: str) -> str:
    """The named graph a release is known by: ``{base_iri}graph/{version}``."""
    return f"{base_iri}graph/{version}"


@dataclass(frozen=True)
class ManifestFile:
    """One file of a release: its path (relative, forward slashes), format, media type, size and SHA-256."""

    path: str
    media_type: str
    size: int
    sha256: str
    format: str = ""


@dataclass(frozen=True)
class Manifest:
    """A release's own description: what it is (base IRI, version, graph), what it holds, what made it."""

    base_iri: str
    version: str
    graph: str
    producer: str
    files: tuple[ManifestFile, ...]

    def to_json(self) -> bytes:
        files = []
        for f in self.files:
            entry: dict[str, object] = {"path": f.path}
            if f.format:
                entry["format"] = f.format
            entry.update(media_type=f.media_type, size=f.size, sha256=f.sha256)
            files.append(entry)
        doc = {
            "manifest": MANIFEST_VERSION,
            "producer": self.producer,
            "base_iri": self.base_iri,
            "version": self.version,
            "graph": self.graph,
            "files": files,
        }
        return json_bytes(doc)

    def file(self, path: str) -> ManifestFile | None:
        return next((f for f in self.files if f.path == path), None)


def make_manifest(
    root: Path, base_iri: str, version: str, known: Mapping[str, tuple[int, str]] | None = None
) -> Manifest:
    """The manifest of the release folder ``root``: every file in it but the manifest and the
    checksums. ``known`` gives the size and SHA-256 of files already read (by the release's path),
    which are not read again."""
    from . import __version__

    known = known or {}
    found = []  # (the path's parts below root, the path)
    for where, _, names in os.walk(root):
        below = Path(where).relative_to(root).parts
        found.extend(((*below, n), os.path.join(where, n)) for n in names if n not in _NOT_LISTED)
    found = [(parts, path) for parts, path in found if os.path.isfile(path)]
    found.sort()  # as sorting the paths does
    rels = ["/".join(parts) for parts, _ in found]
    unread = [Path(path) for (_, path), rel in zip(found, rels, strict=True) if rel not in known]
    if len(unread) > 1:  # hashlib lets go of the GIL while it hashes: two threads hash on two cores
        from concurrent.futures import ThreadPoolExecutor  # not imported by a build, which knows its files

        with ThreadPoolExecutor(max_workers=2) as pool:
            read = dict(zip(map(str, unread), pool.map(_digest, unread, chunksize=64), strict=True))
    else:
        read = {str(p): _digest(p) for p in unread}
    files = []
    for (_, path), rel in zip(found, rels, strict=True):
        size, sha256 = read[path] if path in read else known[rel]
        form = rdf_format_of(rel)
        files.append(ManifestFile(rel, media_type_of(rel), size, sha256, form.name if form else ""))
    return Manifest(base_iri, version, graph_name(base_iri, version), f"sakrad-ld {__version__}", tuple(files))


#: The files of a release the manifest does not list: itself and the checksums.
_NOT_LISTED = (MANIFEST_FILE, CHECKSUMS)


def _digest(path: Path) -> tuple[int, str]:
    size, (sha256,) = file_digests(path, "sha256")
    return size, sha256


def file_digests(path: Path, *algorithms: str) -> tuple[int, tuple[str, ...]]:
    """A file's size and its hex digests by each of ``algorithms`` (names :func:`hashlib.new`
    takes), read once, a block at a time (never held whole)."""
    digests = [hashlib.new(a) for a in algorithms]
    size = 0
    with open(path, "rb", buffering=0) as file:
        # a block no larger than the file (and one byte more, to see its end in one read): most
        # files of a release are small, and a 1 MiB buffer for each cost more than reading them
        block = bytearray(min(_BLOCK, os.fstat(file.fileno()).st_size + 1))
        view = memoryview(block)
        while n := file.readinto(block):
            size += n
            for d in digests:
                d.update(view[:n])
    return size, tuple(d.hexdigest() for d in digests)


def read_manifest(root: Path) -> Manifest:
    """The manifest of the release in ``root``; ReleaseError, saying what to do, when it has none or
    it cannot be read."""
    path = Path(root) / MANIFEST_FILE
    rebuild = "rebuild the release with `sakrad-ld build` (and pass its folder with --release)"
    if not path.is_file():
        if (Path(root) / CHECKSUMS).is_file():
            raise ReleaseError(
                f"{root}: the release has no {MANIFEST_FILE}: it was built by an older sakrad-ld, "
                f"which did not say what a release is; {rebuild}"
            )
        raise ReleaseError(f"{root}: not a sakrad-ld release (it has no {MANIFEST_FILE}); {rebuild}")
    try:
        with open(path, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ReleaseError(f"{path}: not a regular file; {rebuild}")
            data = file.read(MAX_MANIFEST_BYTES + 1)
        if len(data) > MAX_MANIFEST_BYTES:
            raise ReleaseError(
                f"{path}: larger than {MAX_MANIFEST_BYTES:,} bytes, no manifest a build writes; {rebuild}"
            )
        doc = json_document(data)
        if not isinstance(doc, dict):
            raise ReleaseError(f"{path}: not a JSON object; {rebuild}")
        if doc.get("manifest") != MANIFEST_VERSION:
            raise ReleaseError(
                f"{path}: manifest version {doc.get('manifest')!r}, this sakrad-ld reads version "
                f"{MANIFEST_VERSION}; {rebuild}"
            )
        manifest = Manifest(
            doc["base_iri"],
            doc["version"],
            doc["graph"],
            doc["producer"],
            tuple(
                ManifestFile(f["path"], f["media_type"], f["size"], f["sha256"], f.get("format", ""))
                for f in doc["files"]
            ),
        )
    except ReleaseError:
        raise
    except TooManyDigits as error:
        raise ReleaseError(f"{path}: {error}, which no build writes; {rebuild}") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        # (RecursionError: JSON nested deeper than the parser follows, which no build writes)
        raise ReleaseError(f"{path}: not a readable manifest ({type(error).__name__}: {error}); {rebuild}") from None
    problem = _field_problem(manifest)
    if problem:
        raise ReleaseError(f"{path}: {problem}, which no build writes; {rebuild}")
    return manifest


class TooManyDigits(ValueError):
    """A whole number of a JSON document with more digits than Python makes an ``int`` of
    (:func:`sys.get_int_max_str_digits`, 4,300 unless changed), saying so with the field it is the
    value of, where Python's own ValueError would advise changing an interpreter setting."""

    def __init__(self, field: str) -> None:
        super().__init__(f"{field} is a number of more than {sys.get_int_max_str_digits():,} digits")
        self.field = field


class _Huge:
    """Stands for a whole number too long to be an int while a document is read (found afterwards)."""


def json_document(data: bytes | str) -> object:
    """``data`` read as JSON (:func:`json.loads`); a whole number of more digits than Python makes
    an int of is a :class:`TooManyDigits` naming its field (such as ``files[3].size``). Read again
    only then, to find the field: a manifest of 300,000 files reads 15 % slower with the hook."""
    try:
        return json.loads(data)
    except json.JSONDecodeError:
        raise
    except ValueError:  # Python's limit, or bytes that are not UTF-8 (raised again below)
        pass
    huge = _Huge()
    too_long: list[str] = []

    def whole(text: str) -> int | _Huge:
        try:
            return int(text)
        except ValueError:  # the scanner gives only digits with an optional '-': only the limit is left
            too_long.append(text)
            return huge

    doc = json.loads(data, parse_int=whole)
    if too_long:
        raise TooManyDigits(_field_of(doc, huge))
    return doc


def _field_of(doc: object, wanted: object) -> str:
    """The first field of ``doc`` (in document order) whose value is ``wanted``, as ``files[3].size``
    (``the document`` for the document itself); walked without recursion (JSON may nest deep)."""
    todo: list[tuple[str, object]] = [("", doc)]
    while todo:
        field, value = todo.pop()
        if value is wanted:
            return field or "the document"
        if isinstance(value, dict):
            items = [(f"{field}.{k}" if field else str(k), v) for k, v in value.items()]
        elif isinstance(value, list):
            items = [(f"{field}[{n}]", v) for n, v in enumerate(value)]
        else:
            continue
        todo.extend(reversed(items))
    return "a field"


def _field_problem(m: Manifest) -> str:
    """What is wrong with a field of ``m`` that a reader would use, or ''."""

    def fits(value: object, pattern: re.Pattern[str]) -> bool:
        return isinstance(value, str) and pattern.fullmatch(value) is not None

    if not fits(m.base_iri, _BASE):
        return f"base_iri {_shown(m.base_iri)} is not an http(s) IRI ending in '/'"
    if not fits(m.version, _VERSION) or ".." in m.version:
        return f"version {_shown(m.version)} is not a version (letters, digits and . _ ~ + -, up to 64)"
    if m.graph != graph_name(m.base_iri, m.version):
        return (
            f"graph {_shown(m.graph)} is not {graph_name(m.base_iri, m.version)!r}, the graph of its base and version"
        )
    if not isinstance(m.producer, str) or len(m.producer) > 200:
        return f"producer {_shown(m.producer)} is not a short text"
    for n, f in enumerate(m.files):
        entry = f"files[{n}]"
        if not fits(f.path, _PATH) or any(part in (".", "..") for part in f.path.split("/")):
            return f"{entry}.path {_shown(f.path)} is not a relative path inside the release"
        if not fits(f.media_type, _MEDIA):
            return f"{entry}.media_type {_shown(f.media_type)} is not a media type"
        if type(f.size) is not int or f.size < 0:
            return f"{entry}.size {_shown(f.size)} is not a number of bytes"
        if not fits(f.sha256, _SHA256):
            return f"{entry}.sha256 {_shown(f.sha256)} is not a SHA-256 in hex"
        if not isinstance(f.format, str):
            return f"{entry}.format {_shown(f.format)} is not the name of a format"
    return ""


def _shown(value: object) -> str:
    """``value`` as JSON, cut short: what a message names."""
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 80 else text[:77] + "..."
