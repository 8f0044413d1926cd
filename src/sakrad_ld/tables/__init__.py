"""Tables for spreadsheets: tidy CSV files of the graph, described by CSVW metadata
(https://www.w3.org/TR/tabular-metadata/) so that CSV2RDF (https://www.w3.org/TR/csv2rdf/) turns
them back into the facts they were made from (docs/tables.md).

Each table is a SPARQL query over the graph (:mod:`.definitions`), so it follows the graph's
model, not the YAML's; a build draws the same solutions from the graph in memory (:mod:`.solutions`). :func:`table_files` gives the files of a release's ``tables/`` folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox

from ..errors import SakradError
from ..triples import Index
from .csvw import csv_bytes, metadata_bytes, table_description
from .definitions import TABLES
from .model import GROUP_SEPARATOR, XSD, Column, Table
from .solutions import solutions

__all__ = ["DESCRIBED_BY", "FOLDER", "METADATA_FILE", "TABLES", "TableError", "table_files"]

#: The folder of a release the tables are written to, and the name of their metadata document
#: (the name CSVW readers look for first: https://www.w3.org/TR/tabular-data-model/#default-locations).
FOLDER = "tables"
METADATA_FILE = "csv-metadata.json"
#: The ``Link`` a served table has to its metadata (CSVW Model §5.2, "Link Header"; relative to the
#: table's own address, so ``/tables/x.csv`` and ``/download/tables/x.csv`` each name the one beside
#: them), from the server and the static export's rules alike.
DESCRIBED_BY = f'<{METADATA_FILE}>; rel="describedby"; type="application/csvm+json"'

_NUMERIC = {"integer", "nonNegativeInteger", "positiveInteger", "decimal", "double", "int", "long"}
#: Datatypes a numeric or boolean column may take from the graph (CSVW built-in datatypes).
_FROM_GRAPH = _NUMERIC | {"boolean"}


class TableError(SakradError):
    """The graph holds something a table cannot show as it is defined (two values where the table
    has room for one, a value with the list separator in it)."""


def table_files(
    source: ox.Store | Index | Iterable[tuple[ox.NamedNode, ox.NamedNode, object]],
    base_iri: str,
    licence: str | None = None,
    rights: Mapping[str, str] | None = None,
) -> dict[str, bytes]:
    """The CSV tables of the graph in ``source`` with their CSVW metadata, by path in the release:
    ``{"tables/meetings.csv": …, "tables/csv-metadata.json": …}``.

    ``source`` is the graph's triples (pyoxigraph terms, such as a build's ``Built.triples``, an
    :class:`~sakrad_ld.triples.Index`) or a store. Given the triples, each table's rows are the
    solutions of its query drawn from them in memory (:mod:`.solutions`); given a store, the query
    is run on it. Give the triples where you have them: it is faster, and an Oxigraph store keeps a
    literal of a type derived from ``xsd:integer`` (``xsd:nonNegativeInteger``) as ``xsd:integer``,
    where the metadata gives each numeric column the datatype its values have. Only the things of
    the data (IRIs under ``{base_iri}id/``) become rows, so a store that also holds the ontology
    and the catalogue gives the same tables. The same graph gives the same bytes. ``licence`` and
    ``rights`` (what the licence does not cover, by language) are the metadata's ``dc:license``
    and ``dc:rights``."""
    id_base = base_iri.rstrip("/") + "/id/"
    if isinstance(source, ox.Store):
        datatypes = _datatypes_in_store(source)
        store = source

        def found(table: Table) -> Iterable[Mapping[str, object]]:
            return _query(store, table, id_base)
    else:
        index = source if isinstance(source, Index) else Index(source)  # type: ignore[arg-type]
        datatypes = _datatypes_in_index(index)

        def found(table: Table) -> Iterable[Mapping[str, object]]:
            return solutions(index, table, id_base)

    files: dict[str, bytes] = {}
    descriptions = []
    for table in TABLES:
        files[f"{FOLDER}/{table.file}"] = csv_bytes(table, rows(table, found(table)))
        descriptions.append(table_description(table, _column_datatypes(table, datatypes)))
    files[f"{FOLDER}/{METADATA_FILE}"] = metadata_bytes(
        descriptions, "Sakråd: tabeller", "Sakråd: tables", licence, rights
    )
    return files


def _datatypes_in_index(index: Index) -> dict[str, set[str]]:
    """The datatypes of the literal values of each property whose datatype a column takes from the graph."""
    out: dict[str, set[str]] = {}
    for prop in {c.prop for t in TABLES for c in t.columns if _typed_by_graph(c)}:
        for o in index.objects_of(ox.NamedNode(prop)):  # type: ignore[arg-type]
            if isinstance(o, ox.Literal):
                out.setdefault(prop, set()).add(o.datatype.value)
    return out


def _datatypes_in_store(store: ox.Store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for prop in {c.prop for t in TABLES for c in t.columns if _typed_by_graph(c)}:
        for quad in store.quads_for_pattern(None, ox.NamedNode(prop), None):  # type: ignore[arg-type]
            if isinstance(quad.object, ox.Literal):
                out.setdefault(prop, set()).add(quad.object.datatype.value)  # type: ignore[arg-type]
    return out


def _typed_by_graph(column: Column) -> bool:
    """Whether a column takes its datatype from its property's values (a numeric or boolean literal)."""
    return column.link is None and column.datatype in _FROM_GRAPH and bool(column.prop) and "{" not in column.prop


def _column_datatypes(table: Table, datatypes: dict[str, set[str]]) -> dict[str, str]:
    return {
        c.name: _datatype(table, c.name, types)
        for c in table.columns
        if _typed_by_graph(c) and (types := datatypes.get(c.prop or ""))
    }


def _query(store: ox.Store, table: Table, id_base: str) -> Iterator[Mapping[str, object]]:
    """The solutions of ``table``'s query over ``store``."""
    query = _constant_patterns(table.query.replace("$ID", id_base))
    names = [c.name for c in table.cells]
    for solution in store.query(query, use_default_graph_as_union=True):  # type: ignore[union-attr]
        yield {name: value for name in names if (value := solution[name]) is not None}


def rows(table: Table, found: Iterable[Mapping[str, object]]) -> list[list[str]]:
    """The rows of ``table`` from its query's solutions ``found``, sorted by its order or key
    (numerically where the column is numeric); raises TableError where the graph does not fit the
    table (two rows with one key, a row without its key)."""
    columns = [(c.name, c, c.separator is None) for c in table.cells]
    out = []
    for solution in found:
        get, row = solution.get, []
        for name, column, plain in columns:
            term = get(name)
            if term is None:
                row.append("")
            elif plain and type(term) is not ox.BlankNode:
                row.append(term if type(term) is str else term.value)  # type: ignore[attr-defined]
            else:
                row.append(_cell(table, column, term))
        out.append(row)
    cells = table.cells
    by = table.order or table.key  # in the order of the columns
    numeric = [(i, c.datatype in _NUMERIC) for i, c in enumerate(cells) if c.name in by]
    out.sort(key=lambda r: (*[_order(r[i]) if n else (r[i] == "", r[i]) for i, n in numeric], r))
    _unique(table, out, [i for i, c in enumerate(cells) if c.name in table.key])
    return out


#: ``CONCAT("^", "…", "…")`` of plain string literals, as the definitions write a REGEX pattern.
_CONCATENATED = re.compile(r'CONCAT\(((?:"[^"\\]*"(?:, )?)+)\)')


def _constant_patterns(query: str) -> str:
    """``query`` with every CONCAT of plain string literals written as the one literal it makes
    (the same value, so the same answers): a REGEX whose pattern is a constant is compiled once,
    where one built by CONCAT was compiled again for every solution (2 s of the 1,000-meeting
    participations table, docs/performance.md)."""
    return _CONCATENATED.sub(lambda m: '"' + "".join(re.findall(r'"([^"\\]*)"', m.group(1))) + '"', query)


def _cell(table: Table, column: Column, term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        raise TableError(
            f"{table.file}: column {column.name} got a blank node; the data has none, so the "
            "graph given is not a sakrad-ld graph"
        )
    value = term if isinstance(term, str) else term.value  # type: ignore[attr-defined]
    if column.separator:
        values = sorted(value.split(GROUP_SEPARATOR)) if value else []
        if any(column.separator in v for v in values):
            raise TableError(
                f"{table.file}: a value of column {column.name} has the list separator "
                f"{column.separator!r} in it: {next(v for v in values if column.separator in v)!r}"
            )
        return column.separator.join(values)
    return value


def _order(cell: str) -> tuple[int, int, str]:
    """A numeric column's cell as it sorts: empty last, then by number (a cell that is not one as 0)."""
    if cell == "":
        return (1, 0, "")
    try:
        return (0, int(cell), cell)
    except ValueError:
        return (0, 0, cell)


def _unique(table: Table, rows: Sequence[Sequence[str]], key: Sequence[int]) -> None:
    """Every row's primary key is there (no empty cell) and no other row's."""
    for row in rows:
        empty = [table.cells[i].name for i in key if row[i] == ""]
        if empty:
            raise TableError(
                f"{table.file}: a row has no {', '.join(empty)}, a column of its primary key "
                f"({', '.join(table.key)}), which must never be empty; the row: {', '.join(row)[:300]}; "
                "change the table's key or query in sakrad_ld/tables/definitions.py"
            )
    keys = [tuple(r[i] for i in key) for r in rows]
    if len(set(keys)) != len(keys):
        twice = sorted({k for k in keys if keys.count(k) > 1})
        raise TableError(
            f"{table.file}: more than one row for {', '.join(table.key)} = {twice[0]}: the graph has "
            "two values where the table has room for one; change the table's query in "
            "sakrad_ld/tables/definitions.py"
        )


def _datatype(table: Table, name: str, types: set[str]) -> str:
    local = {t.removeprefix(XSD) for t in types}
    if len(local) != 1 or (datatype := local.pop()) not in _FROM_GRAPH:
        raise TableError(
            f"{table.file}: column {name} has values of the datatypes {', '.join(sorted(types))}; "
            f"a CSVW column has one, of {', '.join(sorted(_FROM_GRAPH))}"
        )
    return datatype
