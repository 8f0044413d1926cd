"""The files of a release that the catalogue describes as distributions
(DCAT 3, https://www.w3.org/TR/vocab-dcat-3/#Class:Distribution).

A file is described when the release folder holds it, and only then:

- the whole graph in each RDF format of :data:`sakrad_ld.formats.FORMATS` (``sakrad.ttl`` …);
- the graph as quads, in each format of :data:`sakrad_ld.formats.QUAD_FORMATS` (``sakrad.trig``,
  ``sakrad.nq``): one named graph per source document, whose union is the graph of ``sakrad.nt``;
- the CSV tables (``tables/*.csv``), each described by the tables' CSVW metadata
  (``tables/csv-metadata.json``, https://www.w3.org/TR/tabular-metadata/), from which a table's
  title and description are taken when it gives them (``dc:title``, ``dc:description``).

Each file is read once, a block at a time, for its size and its SHA-256 and SHA-1 digests: SHA-256 for the DCAT-AP 3
catalogue, SHA-1 for the DCAT-AP 2 one, whose profile accepts no other algorithm.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ReleaseError
from ..formats import FORMATS, QUAD_FORMATS, Format
from ..inputfiles import strict_json
from ..layout import DATA_STEM
from ..manifest import file_digests
from ..records import Text

__all__ = ["CSV", "CSVW_METADATA", "ReleasedFile", "Table", "release_files", "tables"]

#: A table of the release: CSV (RFC 4180), EU file type CSV.
CSV = Format("csv", ".csv", "text/csv", "CSV", "CSV")
#: Where the tables and their CSVW metadata are, in the release folder.
TABLES_FOLDER = "tables"
CSVW_METADATA = f"{TABLES_FOLDER}/csv-metadata.json"


@dataclass(frozen=True)
class Table:
    """A CSV table, as its CSVW metadata names it."""

    name: str
    title: Text | None = None
    description: Text | None = None
    #: the path of the CSVW metadata in the release, when the release has it
    metadata: str | None = None


@dataclass(frozen=True)
class ReleasedFile:
    """A file of the release, as the catalogue describes it: where, how big, its digests."""

    path: str
    format: Format
    size: int
    sha256: str
    sha1: str
    #: the table a CSV file holds (None for the RDF files)
    table: Table | None = None

    @classmethod
    def read(cls, root: Path, path: str, format: Format, table: Table | None = None) -> ReleasedFile:
        size, (sha256, sha1) = file_digests(root / path, "sha256", "sha1")
        return cls(path, format, size, sha256, sha1, table)

    @property
    def is_quads(self) -> bool:
        return self.format in QUAD_FORMATS

    @property
    def is_rdf(self) -> bool:
        """The whole graph as RDF: a VoID data dump."""
        return self.table is None


def release_files(root: Path) -> list[ReleasedFile]:
    """The files of the release in ``root`` the catalogue describes: the whole graph in every
    RDF format written, in triples then in quads, then the CSV tables."""
    graph = [
        ReleasedFile.read(root, f"{DATA_STEM}{f.suffix}", f)
        for f in (*FORMATS, *QUAD_FORMATS)
        if (root / f"{DATA_STEM}{f.suffix}").is_file()
    ]
    return graph + [ReleasedFile.read(root, f"{TABLES_FOLDER}/{t.name}", CSV, t) for t in tables(root)]


def tables(root: Path) -> list[Table]:
    """The CSV tables in ``root``'s ``tables/`` folder, sorted, with what their CSVW metadata says
    about them. Raises ReleaseError, naming the file, if the metadata is not JSON."""
    folder = root / TABLES_FOLDER
    if not folder.is_dir():
        return []
    metadata = root / CSVW_METADATA
    if not metadata.is_file():
        return [Table(p.name) for p in sorted(folder.glob("*.csv")) if p.is_file()]
    described = _described(metadata)
    return [
        described.get(p.name, Table(p.name, metadata=CSVW_METADATA))
        for p in sorted(folder.glob("*.csv"))
        if p.is_file()
    ]


def _described(metadata: Path) -> dict[str, Table]:
    try:
        document = strict_json(metadata.read_bytes())
    except (ValueError, UnicodeDecodeError, RecursionError) as e:
        raise ReleaseError(f"{metadata}: not CSVW metadata ({type(e).__name__}: {e}); rebuild the release") from None
    if not isinstance(document, dict) or not isinstance(document.get("tables", []), list):
        raise ReleaseError(f"{metadata}: not CSVW metadata (not an object with a list of tables); rebuild the release")
    found = {}
    for table in document.get("tables", [document] if "url" in document else []):
        url = table.get("url") if isinstance(table, dict) else None
        if isinstance(url, str):
            name = url.rsplit("/", 1)[-1]
            found[name] = Table(name, _text(table.get("dc:title")), _text(table.get("dc:description")), CSVW_METADATA)
    return found


def _text(value: Any) -> Text | None:
    """A CSVW natural-language property (a string, a value object, or a list of them) as Swedish
    and English text; a value without a language counts as Swedish, the data's language."""
    values = value if isinstance(value, list) else [value]
    by_language: dict[str, str] = {}
    for v in values:
        if isinstance(v, str):
            by_language.setdefault("sv", v)
        elif isinstance(v, dict) and isinstance(v.get("@value"), str):
            by_language.setdefault(str(v.get("@language", "sv")).lower().split("-")[0], v["@value"])
    if "sv" not in by_language:
        if "en" not in by_language:
            return None
        by_language["sv"] = by_language["en"]
    return Text(by_language["sv"], by_language.get("en"))
