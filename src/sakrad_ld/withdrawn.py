"""IRIs a published release had and a later one withdrew: answered 410 Gone, never 404
(RFC 9110 §15.5.11, https://www.rfc-editor.org/rfc/rfc9110#name-410-gone; Cool URIs,
https://www.w3.org/Provider/Style/URI).

The record is ``data/withdrawn.yaml``, written by people::

    withdrawn:
      - iri: /id/person/x/holding/post/source    # the IRI's path (or the whole IRI under the base)
        version: 1.2.0                           # the release that withdrew it
        why:
          sv: Innehavet vilade inte på någon källa.
          en: The holding rested on no source.
        replaced_by: /id/person/x/holding/post/other   # optional: what names the thing now

It is read with the typed YAML reader (every error names the file, line and field; exit 2), as large
as another shared file of data/ may be. A build refuses an entry that is no IRI under the base's
``id/``, one listed twice, one whose release is later than the data's version, one the data still
mints (a contradiction: it names something) and a ``replaced_by`` the data does not mint.

The release carries the list as ``withdrawn.json`` (:data:`RELEASE_FILE`: each withdrawn IRI with
its path, release and why, in the manifest and SHA256SUMS as every file), never as statements about
the withdrawn IRI in the data: the server (``sakrad-ld serve``) and the static export's rules answer
its ``/id/…``, ``/en/id/…``, ``/doc/…`` and ``/en/doc/…`` with 410 and a page saying when and why.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from .corpus import MAX_SHARED_FILE
from .errors import InputError, InputErrors, Where
from .formats import FORMATS, HTML, Format, json_bytes
from .records import _lines
from .typedyaml import Lines, compose_file, load_record, pattern_check

__all__ = [
    "DATA_FILE",
    "RELEASE_FILE",
    "TEXT",
    "Reason",
    "Withdrawal",
    "WithdrawnFile",
    "check_withdrawn",
    "gone_path",
    "gone_text",
    "read_withdrawn",
    "release_bytes",
    "release_withdrawals",
]

#: The record in data/.
DATA_FILE = "withdrawn.yaml"
#: The list in a release.
RELEASE_FILE = "withdrawn.json"
#: As large as another shared file of data/ may be.
MAX_WITHDRAWN_FILE = MAX_SHARED_FILE
#: Where a withdrawn IRI may be: a thing or a part of one under the base's ``id/``.
ID_PREFIX = "/id/"
#: The characters of a path of a thing's IRI (as sitepages.ID_CHARS, with the slashes between segments).
_PATH = re.compile(r"/id/[a-z]+/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")
_VERSION = r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"
Version = Annotated[str, pattern_check("version", _VERSION, "a release's version, such as 1.2.0")]

#: Plain text: the body of a 410 for a program (a browser gets the page, :func:`sakrad_ld.web.pages.gone_page`).
TEXT = Format("text", ".txt", "text/plain", "TXT", "plain text")
#: The suffixes of a document's formats and of a page (as documents.paths.DOCUMENT_FORMATS).
_SUFFIXES = tuple(f.suffix for f in (HTML, *FORMATS))


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the IRI was withdrawn, in Swedish and English."""

    sv: str = field(metadata={"doc": "why, in Swedish"})
    en: str = field(metadata={"doc": "why, in English"})
    lines: Lines | None = _lines()


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """An IRI a published release had and the release ``version`` withdrew."""

    iri: str = field(metadata={"doc": "the IRI's path (/id/…), or the whole IRI under the base"})
    version: Version = field(metadata={"doc": "the release that withdrew it, such as 1.2.0"})
    why: Reason
    replaced_by: str | None = field(
        default=None, metadata={"doc": "the IRI (its path, /id/…) that names the thing now, if one does"}
    )
    lines: Lines | None = _lines()

    def path(self, base: str) -> str:
        """The IRI's path (``/id/…``), as written or as the whole IRI under ``base`` gives it."""
        return _as_path(self.iri, base)


@dataclass(frozen=True)
class WithdrawnFile:
    """``data/withdrawn.yaml``: the IRIs published releases had and later ones withdrew."""

    withdrawn: list[Withdrawal] = field(default_factory=list)


def _as_path(text: str, base: str) -> str:
    return "/" + text[len(base) :] if text.startswith(base) else text


def read_withdrawn(data_dir: Path) -> list[Withdrawal]:
    """The entries of ``data_dir``'s withdrawn.yaml (none without the file); InputError(s) naming
    file, line and field."""
    path = data_dir / DATA_FILE
    if not path.exists() and not path.is_symlink():
        return []
    node = compose_file(path, MAX_WITHDRAWN_FILE, data_dir)
    if node is None:
        raise InputError(Where(path, 1), "the file is empty", "a list withdrawn: of withdrawn IRIs")
    return list(load_record(WithdrawnFile, node, path).withdrawn)


def _version(text: str) -> tuple[int, ...] | None:
    """A version of three numbers as a key that orders releases (1.10.0 after 1.9.0); ``None`` for any other
    version dataset.yaml allows ("1.3.0-rc1", "2025-01"), whose order with another the project does not say."""
    if re.fullmatch(_VERSION, text) is None:
        return None
    return tuple(int(n) for n in text.split("."))


def _later(version: str, than: str) -> bool:
    """Whether release ``version`` comes after ``than``: judged only where both are three numbers."""
    key, other = _version(version), _version(than)
    return key is not None and other is not None and key > other


def check_withdrawn(entries: list[Withdrawal], base: str, version: str, minted: Iterable[str]) -> None:
    """Refuses (InputErrors, each naming file, line and field) an entry that is no path of a thing's
    IRI under ``base`` (``/id/…``), one listed twice, one withdrawn in a release later than ``version`` (where both are three numbers: no other
    versions' order is known),
    one the data still mints (an IRI among ``minted``) and a ``replaced_by`` the data does not mint."""
    paths = {e.path(base) for e in entries} | {_as_path(e.replaced_by, base) for e in entries if e.replaced_by}
    found = {"/" + iri[len(base) :] for iri in minted if iri.startswith(base)} & paths
    errors: list[InputError] = []
    seen: dict[str, int] = {}
    for n, entry in enumerate(entries):
        lines = entry.lines
        where = lines.where("iri") if lines else Where(Path(DATA_FILE), 0, f"withdrawn[{n}].iri")
        path = entry.path(base)
        if not _is_id_path(path):
            errors.append(
                InputError(
                    where,
                    f"{entry.iri!r} is not the IRI of a thing of this dataset",
                    f"a path /id/{{kind}}/{{id}}[/part…], or an IRI under {base}id/",
                    "write the path of the IRI a release published",
                )
            )
            continue
        if path in seen:
            errors.append(InputError(where, f"{path} is listed twice (also on line {seen[path]})", "each IRI once"))
            continue
        seen[path] = where.line
        if path in found:
            errors.append(
                InputError(
                    where,
                    f"the data still mints {base}{path[1:]}, so it is not withdrawn",
                    "an IRI the data no longer has",
                    "remove the entry, or the record that mints the IRI",
                )
            )
        if _later(entry.version, version):
            errors.append(
                InputError(
                    lines.where("version") if lines else where,
                    f"version {entry.version} is later than the data's version {version}",
                    "the release that withdrew the IRI",
                )
            )
        if entry.replaced_by is not None:
            instead = _as_path(entry.replaced_by, base)
            if not _is_id_path(instead) or instead not in found:
                errors.append(
                    InputError(
                        lines.where("replaced_by") if lines else where,
                        f"{entry.replaced_by!r} is no IRI the data mints",
                        "the path (/id/…) of an IRI of this release",
                        "name what replaces it, or leave replaced_by out",
                    )
                )
    if errors:
        raise InputErrors(errors)


def _is_id_path(path: str) -> bool:
    return _PATH.fullmatch(path) is not None and "/../" not in path + "/" and "/./" not in path + "/"


def release_bytes(entries: list[Withdrawal], base: str) -> bytes:
    """``withdrawn.json``: each withdrawn IRI (sorted by path) with its path, the release that
    withdrew it, why (sv, en) and what replaces it."""
    listed = []
    for entry in sorted(entries, key=lambda e: e.path(base)):
        path = entry.path(base)
        item: dict[str, Any] = {
            "iri": base + path[1:],
            "path": path,
            "version": entry.version,
            "why": {"sv": entry.why.sv, "en": entry.why.en},
        }
        if entry.replaced_by is not None:
            item["replacedBy"] = base + _as_path(entry.replaced_by, base)[1:]
        listed.append(item)
    return json_bytes({"withdrawn": listed})


def release_withdrawals(data: bytes | None) -> dict[str, Mapping[str, Any]]:
    """The withdrawn IRIs a release's ``withdrawn.json`` lists, by path (``/id/…``); none without it
    or where it is not such a list (the release's checksum already vouched for its bytes)."""
    if not data:
        return {}
    try:
        listed = json.loads(data)["withdrawn"]
        return {item["path"]: item for item in listed if _is_id_path(item["path"])}
    except (ValueError, KeyError, TypeError, RecursionError):  # RecursionError: nested deeper than json follows
        return {}


def gone_path(path: str) -> str | None:
    """The path of the thing's IRI (``/id/…``) that a request path names: the IRI itself,
    ``/en/id/…``, its document ``/doc/…[.ext]`` or English page ``/en/doc/…[.html]``; None for any
    other path."""
    if path.startswith("/en/"):
        path = path[3:]
    if path.startswith("/doc/"):
        for suffix in _SUFFIXES:
            if path.endswith(suffix):
                path = path[: -len(suffix)]
                break
        path = ID_PREFIX + path[len("/doc/") :]
    return path if path.startswith(ID_PREFIX) else None


def _replaced(item: Mapping[str, Any], base: str) -> str:
    """The path of what replaces a withdrawn IRI, or ``""``."""
    instead = item.get("replacedBy") or ""
    return "/" + instead[len(base) :] if instead.startswith(base) else ""


def gone_text(item: Mapping[str, Any], base: str) -> str:
    """The plain-text body of a withdrawn IRI's 410: what, when and why, in Swedish and English."""
    why, instead = item["why"], _replaced(item, base)
    lines = [
        f"410 Gone: {item['iri']}",
        "",
        f"Återkallad i version {item['version']} av datamängden. {why['sv']}",
        *([f"Ersätts av {base}{instead[1:]}"] if instead else []),
        "",
        f"Withdrawn in release {item['version']} of the dataset. {why['en']}",
        *([f"Replaced by {base}{instead[1:]}"] if instead else []),
    ]
    return "\n".join(lines) + "\n"
