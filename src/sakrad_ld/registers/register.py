"""Register extracts: lists of organisations with their names and organisation numbers.

Three shapes are read, chosen by the file's suffix:

* YAML (``.yaml``, ``.yml``): a list of mappings, at the top or under one key
  (Skatteverket's approved gift recipients: ``organisations: [{orgNumber, orgName, …}]``);
* CSV (``.csv``): a header row, then one organisation a row; comma, semicolon or tab separated;
* RDF in any format of :mod:`sakrad_ld.formats`: a subject with a name (``skos:prefLabel``,
  ``foaf:name``, ``legal:legalName``, ``rdfs:label``) and a number (``skos:notation`` of its
  ``legal:legalIdentifier`` / ``adms:identifier``, or ``dct:identifier``).

In YAML and CSV the name and number fields are found by their names (:data:`NAME_FIELDS`,
:data:`NUMBER_FIELDS`, compared without case and punctuation), else the number field by its
content, or given explicitly. Numbers are checked with python-stdnum; invalid ones are set aside
with the reason, never compared.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.se import orgnr as se_orgnr

from ..errors import InputError, Where
from ..formats import FORMATS, by_suffix

__all__ = ["NAME_FIELDS", "NUMBER_FIELDS", "Entry", "Register", "Rejected", "read_register"]

#: Field names taken for the organisation's name, in order of preference (compared as lower-case letters).
NAME_FIELDS = ("orgname", "name", "namn", "organisationsnamn", "organisation", "legalname", "foretagsnamn",
               "företagsnamn", "benämning", "label", "preflabel")
#: Field names taken for the organisation number, in order of preference.
NUMBER_FIELDS = ("orgnumber", "orgnr", "organisationsnummer", "organisationnumber", "organizationnumber",
                 "identitetsbeteckning", "nummer", "number", "identifier", "id")

_CONTENT_SHARE = 0.8  # a field whose values are valid organisation numbers this often is the number field


@dataclass(frozen=True)
class Entry:
    """One organisation of a register: its number (NNNNNN-NNNN), its name and where it stands."""

    number: str
    name: str
    line: int
    iri: str | None = None


@dataclass(frozen=True)
class Rejected:
    """A row of a register that cannot be compared, and why."""

    line: int
    value: str
    reason: str


@dataclass(frozen=True)
class Register:
    """A register extract: its valid entries, the rows set aside, and the fields read."""

    path: Path
    entries: tuple[Entry, ...]
    rejected: tuple[Rejected, ...]
    name_field: str
    number_field: str


def read_register(path: Path, name_field: str | None = None, number_field: str | None = None) -> Register:
    """Reads a register extract; raises InputError naming the file and what was expected."""
    if not path.is_file():
        raise InputError(Where(path, 0), "the register file does not exist or is not a file",
                         "a YAML, CSV or RDF register extract", "check the path given to --register")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        rows = _yaml_rows(path)
    elif suffix == ".csv":
        rows = _csv_rows(path)
    elif by_suffix(suffix):
        return _rdf_register(path)
    else:
        known = ", ".join([".yaml", ".yml", ".csv", *(f.suffix for f in FORMATS)])
        raise InputError(Where(path, 0), f"cannot read a register from a {suffix or 'suffix-less'} file",
                         f"a file ending in one of {known}")
    columns = sorted({key for _, row in rows for key in row})
    name_key = _field(path, columns, name_field, NAME_FIELDS, "name", "--name-field")
    number_key = _field(path, columns, number_field, NUMBER_FIELDS, "number", "--number-field",
                        rows=rows, exclude=name_key)
    return _register(path, rows, name_key, number_key)


def _yaml_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(Where(path, 0), f"cannot read the file ({err})", "a UTF-8 text file") from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise InputError(Where(path, mark.line + 1 if mark else 0), f"YAML syntax error: {err.problem}",
                         "well-formed YAML") from None
    lists = [root] if isinstance(root, yaml.SequenceNode) else [
        value for _, value in (root.value if isinstance(root, yaml.MappingNode) else [])
        if isinstance(value, yaml.SequenceNode) and any(isinstance(v, yaml.MappingNode) for v in value.value)]
    if len(lists) != 1:
        found = "several lists" if lists else "no list of records"
        raise InputError(Where(path, 1), f"found {found}", "one list of records with a name and a number, "
                         "at the top or under one key (such as 'organisations:')")
    rows = []
    for item in lists[0].value:
        if isinstance(item, yaml.MappingNode):
            row = {k.value: str(v.value) for k, v in item.value
                   if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode) and v.tag != _NULL}
            rows.append((item.start_mark.line + 1, row))
    return rows


_NULL = "tag:yaml.org,2002:null"


def _csv_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(Where(path, 0), f"cannot read the file ({err})", "a UTF-8 CSV file") from None
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)  # from the header: names in the rows may hold commas
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    if not reader.fieldnames:
        raise InputError(Where(path, 1), "the file has no header row", "a header naming the columns")
    return [(reader.line_num, {k: v.strip() for k, v in row.items() if k and v and v.strip()})
            for row in reader]


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def _field(path: Path, columns: list[str], given: str | None, preferred: tuple[str, ...], what: str,
           option: str, rows: list[tuple[int, dict[str, str]]] | None = None, exclude: str = "") -> str:
    if given is not None:
        if given not in columns:
            raise InputError(Where(path, 1), f"the {what} field {given!r} given by {option} is not in the file",
                             "one of " + ", ".join(columns))
        return given
    by_key = {_key(c): c for c in columns if c != exclude}
    for name in preferred:
        if name in by_key:
            return by_key[name]
    if rows:  # the number field by its content: mostly valid organisation numbers
        for column in columns:
            values = [row[column] for _, row in rows if column in row]
            if column != exclude and values and sum(map(se_orgnr.is_valid, values)) >= _CONTENT_SHARE * len(values):
                return column
    raise InputError(Where(path, 1), f"cannot tell which field holds the organisation's {what}",
                     f"a field named like {', '.join(preferred[:4])}, …; the file has "
                     + (", ".join(columns) or "no fields"), f"name it with {option}")


def _register(path: Path, rows: list[tuple[int, dict[str, str]]], name_key: str, number_key: str) -> Register:
    entries: list[Entry] = []
    rejected: list[Rejected] = []
    for line, row in rows:
        number, name = row.get(number_key, "").strip(), " ".join(row.get(name_key, "").split())
        if checked := _number(line, number, name, rejected):
            entries.append(Entry(checked, name, line))
    return Register(path, tuple(entries), tuple(rejected), name_key, number_key)


def _number(line: int, number: str, name: str, rejected: list[Rejected]) -> str | None:
    if not name:
        rejected.append(Rejected(line, number, "no name"))
        return None
    try:
        return se_orgnr.format(se_orgnr.validate(number))
    except StdnumError as err:
        reason = err.message.rstrip(".").lower() if number else "no organisation number"
        rejected.append(Rejected(line, f"{number} {name}".strip(), reason))
        return None


def _rdf_register(path: Path) -> Register:
    import pyoxigraph as ox  # imported here: only RDF registers need the RDF libraries
    from rdflib import Graph, Literal, URIRef

    from ..triples import rdflib_term
    from ..vocab import ADMS, DCTERMS, FOAF, LEGAL, RDFS, SKOS

    names = (SKOS.prefLabel, FOAF.name, LEGAL.legalName, RDFS.label)
    ids = (LEGAL.legalIdentifier, ADMS.identifier, DCTERMS.identifier)
    fmt = by_suffix(path.suffix.lower())
    assert fmt is not None
    graph = Graph()
    try:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.from_media_type(fmt.media_type)):
            graph.add((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)))
    except SyntaxError as err:
        line = err.lineno or 0
        problem = str(err.msg).split(": ", 1)[-1] if err.msg else "syntax error"
        raise InputError(Where(path, line), f"cannot parse the file as {fmt.label} ({problem})",
                         f"a well-formed {fmt.label} file") from None
    except (OSError, ValueError) as err:
        raise InputError(Where(path, 0), f"cannot read the file as {fmt.label} ({err})",
                         f"a well-formed {fmt.label} file") from None
    entries: list[Entry] = []
    rejected: list[Rejected] = []
    identifiers = {o for p in ids for o in graph.objects(None, p)}
    named = {s for p in names for s in graph.subjects(p, None)} - identifiers
    for subject in sorted(named, key=str):
        name = " ".join(next(str(o) for p in names for o in sorted(graph.objects(subject, p), key=str)).split())
        numbers = sorted({str(n) for p in ids for o in graph.objects(subject, p)
                          for n in ([o] if isinstance(o, Literal) else graph.objects(o, SKOS.notation))})
        iri = str(subject) if isinstance(subject, URIRef) else None  # blank-node labels are not stable
        for number in numbers or [""]:
            if checked := _number(0, number, f"{name} <{iri}>" if iri else name, rejected):
                entries.append(Entry(checked, name, 0, iri))
    if not entries and not rejected:
        raise InputError(Where(path, 0), "found no organisation with a name and a number",
                         "subjects with skos:prefLabel, foaf:name, legal:legalName or rdfs:label, and "
                         "legal:legalIdentifier / adms:identifier with skos:notation, or dct:identifier")
    return Register(path, tuple(entries), tuple(rejected), "skos:prefLabel, foaf:name, legal:legalName, rdfs:label",
                    "legal:legalIdentifier, adms:identifier (skos:notation), dct:identifier")
