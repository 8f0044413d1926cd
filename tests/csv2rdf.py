"""CSV2RDF in minimal mode (https://www.w3.org/TR/csv2rdf/#dfn-minimal-mode) over the annotated tables
that the ``csvw`` package reads: it parses the CSV files with their metadata, checks every cell
against its column's datatype and expands the URI templates; this module only puts the triples
together as CSV2RDF §4.6 says."""

from __future__ import annotations

from pathlib import Path

from csvw import TableGroup
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def csv2rdf(metadata: Path) -> Graph:
    group = TableGroup.from_file(metadata)
    g = Graph()
    for table in group.tables:
        schema = table.tableSchema
        for rownum, row in enumerate(table.iterdicts(strict=True), start=1):
            default_subject = _expand(table, schema.aboutUrl, row, rownum, None) if schema.aboutUrl else BNode()
            for column in schema.columns:
                if column.suppressOutput:
                    continue
                value = row.get(column.name)
                if not column.virtual and (value is None or (isinstance(value, (list, str)) and not value)):
                    continue  # §4.6.8: a null cell gives no triple
                about = column.aboutUrl or schema.aboutUrl
                subject = _expand(table, about, row, rownum, column.name) if about else default_subject
                prop = column.propertyUrl
                predicate = (
                    RDF_TYPE
                    if prop and prop.uri == "rdf:type"
                    else URIRef(_expand(table, prop, row, rownum, column.name))
                    if prop
                    else URIRef(f"{table.url.resolve(table.base)}#{column.name}")
                )
                if column.valueUrl:
                    g.add((subject, predicate, URIRef(_expand(table, column.valueUrl, row, rownum, column.name))))
                    continue
                for v in value if isinstance(value, list) else [value]:
                    g.add((subject, predicate, _literal(column, v)))
    return g


def _expand(table, template, row, rownum, name) -> URIRef:
    return URIRef(table.expand(template, row, _row=rownum, _name=name, qname=False))


def _literal(column, value) -> Literal:
    datatype = column.datatype
    base = datatype.base if datatype else "string"
    lexical = datatype.formatted(value) if datatype else str(value)
    lang = column.inherit("lang")
    if base == "string":
        return Literal(lexical, lang=lang) if lang and lang != "und" else Literal(lexical)
    return Literal(lexical, datatype=XSD[base])
