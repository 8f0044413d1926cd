"""CSV files for spreadsheets and programs and the CSVW metadata that describes them
(https://www.w3.org/TR/tabular-data-model/, https://www.w3.org/TR/tabular-metadata/).

The bytes: UTF-8 without a byte order mark, fields separated by commas, quoted only when they
must be, records ended by CRLF, as RFC 4180 says, and as every CSVW reader reads them from the
published URL: the ``csvw`` Python package (``csvwvalidate``) decodes a URL's bytes with the
dialect's ``utf-8`` as Python's codec, which keeps a BOM, so a first column ``\ufeffid`` would not
match its title ``id``. Excel reads such a file as UTF-8 through Data › From Text/CSV
(docs/tables.md)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from ..formats import json_bytes
from .model import Column, Table

__all__ = ["DIALECT", "csv_bytes", "metadata_bytes", "table_description"]

#: The CSVW dialect of every table (https://www.w3.org/TR/tabular-metadata/#dialect-descriptions).
DIALECT = {
    "encoding": "utf-8",
    "lineTerminators": ["\r\n"],
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
    "headerRowCount": 1,
    "delimiter": ",",
    "skipInitialSpace": False,
    "trim": False,
}

Cells = Sequence[str]


def csv_bytes(table: Table, rows: Sequence[Cells]) -> bytes:
    """A table as RFC 4180 CSV: a header of column names, then the rows as given."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.name for c in table.cells])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def table_description(table: Table, datatypes: dict[str, str]) -> dict[str, object]:
    """The CSVW table description of ``table``; ``datatypes`` overrides a column's declared datatype
    with the one its values have in the graph."""
    schema: dict[str, object] = {
        # Virtual columns come after every column with cells (Metadata Vocabulary §5.6, "virtual").
        "columns": [
            _column(c, datatypes.get(c.name)) for c in (*table.cells, *(c for c in table.columns if c.virtual))
        ],
        "primaryKey": list(table.key) if len(table.key) > 1 else table.key[0],
    }
    if table.about:
        schema["aboutUrl"] = table.about
    if table.references:
        schema["foreignKeys"] = [
            {"columnReference": column, "reference": {"resource": f"{target}.csv", "columnReference": "iri"}}
            for column, target in sorted(table.references.items())
        ]
    return {
        "url": table.file,
        "dc:title": [{"@value": table.title_sv, "@language": "sv"}, {"@value": table.title_en, "@language": "en"}],
        "tableSchema": schema,
    }


def _column(column: Column, datatype: str | None) -> dict[str, object]:
    out = column.description()
    if datatype and "datatype" in out:
        out["datatype"] = datatype
    return out


def metadata_bytes(
    tables: Sequence[dict[str, object]],
    title_sv: str,
    title_en: str,
    licence: str | None,
    rights: Mapping[str, str] | None = None,
) -> bytes:
    """The metadata document of a group of tables (``csv-metadata.json``); ``rights`` is what the
    licence does not cover, by language (``dc:rights``)."""
    doc: dict[str, object] = {
        "@context": "http://www.w3.org/ns/csvw",
        "dc:title": [{"@value": title_sv, "@language": "sv"}, {"@value": title_en, "@language": "en"}],
    }
    if licence:
        doc["dc:license"] = {"@id": licence}
    if rights:
        doc["dc:rights"] = [{"@value": " ".join(text.split()), "@language": lang} for lang, text in rights.items()]
    doc["dialect"] = DIALECT
    doc["tables"] = list(tables)
    return json_bytes(doc)
