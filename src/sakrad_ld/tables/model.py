"""Tables and their columns, as the CSVW metadata describes them
(https://www.w3.org/TR/tabular-metadata/#tables, #columns).

A :class:`Table` is one CSV file of the release: a SPARQL ``SELECT`` over the graph whose variables
are the table's columns, and for each :class:`Column` how its cells turn back into RDF under
CSV2RDF (https://www.w3.org/TR/csv2rdf/): the subject (``aboutUrl``), the property (``propertyUrl``)
and, for a link, the object (``valueUrl``), all URI templates (RFC 6570) over the row's cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["GROUP_SEPARATOR", "XSD", "Column", "Table"]

XSD = "http://www.w3.org/2001/XMLSchema#"
#: What the queries join several values of one cell with (GROUP_CONCAT), before the cell's own separator.
GROUP_SEPARATOR = "\x1f"


@dataclass(frozen=True)
class Column:
    """One column: its name (the header), what it holds, and the RDF a cell stands for.

    ``prop`` is the property IRI (or a template such as ``{+property_iri}``); ``link`` the object's
    IRI template (``{+organiser_iri}``), or None for a literal of ``datatype`` (a CSVW built-in
    datatype name) in language ``lang``. ``about`` is the subject's template (default: the table's).
    ``output=False`` marks a cell kept for people (a name beside an IRI) that stands for no triple.
    ``virtual`` columns have no cells: they add a triple to every row (such as its ``rdf:type``).
    ``null`` is the cell text that means no value (CSVW ``null``)."""

    name: str
    en: str
    sv: str
    prop: str | None = None
    link: str | None = None
    datatype: str = "string"
    lang: str | None = None
    about: str | None = None
    output: bool = True
    virtual: bool = False
    separator: str | None = None
    null: str = ""

    def description(self) -> dict[str, object]:
        """The CSVW column description."""
        out: dict[str, object] = {"name": self.name}
        if not self.virtual:
            out["titles"] = self.name
        out["dc:description"] = [{"@value": self.en, "@language": "en"}, {"@value": self.sv, "@language": "sv"}]
        if self.virtual:
            out["virtual"] = True
        if not self.output:
            out["suppressOutput"] = True
        if self.about:
            out["aboutUrl"] = self.about
        if self.prop:
            out["propertyUrl"] = self.prop
        if self.link:
            out["valueUrl"] = self.link
        elif not self.virtual:
            out["datatype"] = self.datatype
        if self.lang:
            out["lang"] = self.lang
        if self.separator:
            out["separator"] = self.separator
        if self.null:
            out["null"] = self.null
        return out


@dataclass(frozen=True)
class Table:
    """One CSV file: its name, titles, the query its rows come from, and its columns.

    The query binds one variable per non-virtual column, by the column's name. ``key`` names the
    columns that identify a row (the CSVW primary key): none of its cells is ever empty, so the key
    is one in SQL too (a PRIMARY KEY holds no NULL). ``order`` names the columns the rows are sorted
    by, numerically where the column is numeric (the key when none are named); ``references`` maps
    a column to the table whose ``iri`` it names (a foreign key)."""

    name: str
    title_en: str
    title_sv: str
    query: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    about: str | None = "{+iri}"
    references: dict[str, str] = field(default_factory=dict)
    order: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def cells(self) -> tuple[Column, ...]:
        """The columns that have cells in the file, in order."""
        return tuple(c for c in self.columns if not c.virtual)
