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
content, or given explicitly. Numbers are checked with python-stdnum and by what their digits say
(:mod:`sakrad_ld.orgnr`); a row whose number cannot be an organisation's is set aside with
the reason, never compared, and a number field whose values mostly cannot be, or do not fit the legal
forms their names state, is refused. Entries the register marks retired, ended or inactive carry
that status (:mod:`sakrad_ld.registers.status`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..errors import InputError, Where
from ..formats import FORMATS, by_suffix
from ..inputfiles import MAX_INPUT_FILE, read_input, read_input_text
from ..orgnr import LEGAL_FORM_GROUPS, form_mismatch, format_number, is_valid, not_an_organisation_number
from ..typedyaml import NODE_BYTES, compose_text
from .names import legal_forms
from .status import REGISTER_DATE_FIELDS, EntryStatus, caveats, entry_status, iso_date, key

if TYPE_CHECKING:
    from ..triples import Term

__all__ = ["NAME_FIELDS", "NUMBER_FIELDS", "Entry", "Register", "Rejected", "read_register"]

#: Field names taken for the organisation's name, in order of preference (compared as lower-case letters).
NAME_FIELDS = (
    "orgname",
    "name",
    "namn",
    "organisationsnamn",
    "organisation",
    "legalname",
    "foretagsnamn",
    "företagsnamn",
    "benämning",
    "label",
    "preflabel",
)
#: Field names taken for the organisation number, in order of preference.
NUMBER_FIELDS = (
    "orgnumber",
    "orgnr",
    "organisationsnummer",
    "organisationnumber",
    "organizationnumber",
    "identitetsbeteckning",
    "nummer",
    "number",
    "identifier",
    "id",
)

_CONTENT_SHARE = 0.8  # a field whose values are valid organisation numbers this often is the number field
_NUMBER_SHARE = 0.5  # a number field whose values are organisation numbers less often than this is refused
_ODD_SHARE = 0.25  # ... and one where more of the numbers that pass the check digit cannot be one: a real
#                    field of organisation numbers has almost none (a sole trader's personal number at most),
#                    ten-digit account numbers that pass the check digit have about four in ten
_FORM_SHARE = 0.5  # ... and one whose numbers contradict the legal form their names state more often than this


@dataclass(frozen=True)
class Entry:
    """One organisation of a register: its number (NNNNNN-NNNN), its name and where it stands."""

    number: str
    name: str
    line: int
    iri: str | None = None
    status: EntryStatus | None = None  # None: the register does not mark it retired, ended or inactive
    caveats: tuple[tuple[str, str], ...] = ()  # the free-text notes beside it (status.caveats)


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
    columns: tuple[str, ...] = ()
    date: str = ""  # the date the register states for itself, if any
    other_number_fields: tuple[str, ...] = ()  # other fields whose values are organisation numbers

    def hint(self) -> str:
        """What to do about a number field that does not hold organisation numbers."""
        if self.other_number_fields:
            return f"the field {self.other_number_fields[0]!r} holds organisation numbers: name it with --number-field"
        if self.columns:
            return "name the field of organisation numbers with --number-field; the file has " + ", ".join(self.columns)
        return "give each organisation its organisation number with one of these"


def read_register(path: Path, name_field: str | None = None, number_field: str | None = None) -> Register:
    """Reads a register extract; raises InputError naming the file and what was expected."""
    if not path.is_file():
        raise InputError(
            Where(path, 0),
            "the register file does not exist or is not a file",
            "a YAML, CSV or RDF register extract",
            "check the path given to --register",
        )
    suffix = path.suffix.lower()
    date = ""
    if suffix in (".yaml", ".yml"):
        rows, date = _yaml_rows(path)
    elif suffix == ".csv":
        rows = _csv_rows(path)
    elif by_suffix(suffix):
        return _rdf_register(path)
    else:
        known = ", ".join([".yaml", ".yml", ".csv", *(f.suffix for f in FORMATS)])
        raise InputError(
            Where(path, 0),
            f"cannot read a register from a {suffix or 'suffix-less'} file",
            f"a file ending in one of {known}",
        )
    columns = sorted({key for _, row in rows for key in row})
    name_key = _field(path, columns, name_field, NAME_FIELDS, "name", "--name-field")
    number_key = _field(
        path, columns, number_field, NUMBER_FIELDS, "number", "--number-field", rows=rows, exclude=name_key
    )
    register = _register(
        path, rows, name_key, number_key, tuple(columns), date, _number_fields(rows, columns, (name_key, number_key))
    )
    values = [row[number_key] for _, row in rows if row.get(number_key, "").strip() and row.get(name_key)]
    _check_number_field(register, values)
    return register


def _yaml_rows(path: Path) -> tuple[list[tuple[int, dict[str, str]]], str]:
    # Composed as the project's own YAML is (typedyaml.compose_text): bounded while it is read (nodes,
    # keys, items, depth) and without aliases, whose repeats a walk of the fields would follow once
    # each (24 nested pairs of aliases are 16 million fields).
    text = read_input_text(path, expected="a UTF-8 YAML file")
    root = compose_text(text, path, MAX_INPUT_FILE // NODE_BYTES)
    lists = (
        [root]
        if isinstance(root, yaml.SequenceNode)
        else [
            value
            for _, value in (root.value if isinstance(root, yaml.MappingNode) else [])
            if isinstance(value, yaml.SequenceNode) and any(isinstance(v, yaml.MappingNode) for v in value.value)
        ]
    )
    if len(lists) != 1:
        found = "several lists" if lists else "no list of records"
        raise InputError(
            Where(path, 1),
            f"found {found}",
            "one list of records with a name and a number, at the top or under one key (such as 'organisations:')",
        )
    rows = [
        (item.start_mark.line + 1, dict(_flat(item))) for item in lists[0].value if isinstance(item, yaml.MappingNode)
    ]
    heading = dict(_flat(root)) if isinstance(root, yaml.MappingNode) else {}
    date = next((d for f in REGISTER_DATE_FIELDS for k, v in heading.items() if key(k) == f and (d := iso_date(v))), "")
    return rows, date


_NULL = "tag:yaml.org,2002:null"


def _flat(node: yaml.MappingNode, prefix: str = "") -> list[tuple[str, str]]:
    """The scalar fields of a mapping, nested ones as ``a.b``, a list of scalars as one value ("a; b")."""
    out: list[tuple[str, str]] = []
    for k, v in node.value:
        if not isinstance(k, yaml.ScalarNode):
            continue
        name = prefix + k.value
        if isinstance(v, yaml.ScalarNode) and v.tag != _NULL and v.value.strip():
            out.append((name, v.value))
        elif isinstance(v, yaml.SequenceNode):
            items = [i.value for i in v.value if isinstance(i, yaml.ScalarNode) and i.tag != _NULL]
            if items:
                out.append((name, "; ".join(items)))
        elif isinstance(v, yaml.MappingNode):
            out.extend(_flat(v, name + "."))
    return out


def _csv_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    text = read_input_text(path, expected="a UTF-8 CSV file").removeprefix("\ufeff")
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)  # from the header: names in the rows may hold commas
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    try:
        if not reader.fieldnames:
            raise InputError(Where(path, 1), "the file has no header row", "a header naming the columns")
        return [(reader.line_num, {k: v.strip() for k, v in row.items() if k and v and v.strip()}) for row in reader]
    except csv.Error as err:  # a field over csv.field_size_limit() (131,072 characters), a NUL, …
        raise InputError(
            Where(path, reader.line_num + 1 if reader.fieldnames is None else reader.line_num),
            f"cannot read the row as CSV ({err})",
            "fields under 131,072 characters (a name or number is far shorter)",
        ) from None


def _field(
    path: Path,
    columns: list[str],
    given: str | None,
    preferred: tuple[str, ...],
    what: str,
    option: str,
    rows: list[tuple[int, dict[str, str]]] | None = None,
    exclude: str = "",
) -> str:
    if given is not None:
        if given not in columns:
            raise InputError(
                Where(path, 1),
                f"the {what} field {given!r} given by {option} is not in the file",
                "one of " + ", ".join(columns),
            )
        return given
    by_key = {key(c): c for c in columns if c != exclude}
    for name in preferred:
        if name in by_key:
            return by_key[name]
    if rows:  # the number field by its content: mostly organisation numbers
        for column in columns:
            values = [row[column] for _, row in rows if column in row]
            good = sum(1 for v in values if not not_an_organisation_number(v))
            if column != exclude and values and good >= _CONTENT_SHARE * len(values):
                return column
    raise InputError(
        Where(path, 1),
        f"cannot tell which field holds the organisation's {what}",
        f"a field named like {', '.join(preferred[:4])}, …; the file has " + (", ".join(columns) or "no fields"),
        f"name it with {option}",
    )


def _register(
    path: Path,
    rows: list[tuple[int, dict[str, str]]],
    name_key: str,
    number_key: str,
    columns: tuple[str, ...],
    date: str,
    others: tuple[str, ...],
) -> Register:
    entries: list[Entry] = []
    rejected: list[Rejected] = []
    for line, row in rows:
        number, name = row.get(number_key, "").strip(), " ".join(row.get(name_key, "").split())
        if checked := _number(line, number, name, rejected):
            status = entry_status(row, name, (name_key, number_key), date)
            entries.append(Entry(checked, name, line, None, status, caveats(row, (name_key, number_key))))
    return Register(path, tuple(entries), tuple(rejected), name_key, number_key, columns, date, others)


def _number(line: int, number: str, name: str, rejected: list[Rejected]) -> str | None:
    if not name:
        rejected.append(Rejected(line, number, "no name"))
        return None
    if reason := not_an_organisation_number(number):
        rejected.append(Rejected(line, f"{number} {name}".strip(), reason))
        return None
    return format_number(number)


def _check_number_field(register: Register, values: list[str]) -> None:
    """Refuses a number field whose ``values`` do not behave like organisation numbers (see the module
    docstring): most cannot be one, or most contradict the legal form their names state."""
    field = register.number_field
    where = Where(register.path, 1)
    hint = register.hint()
    luhn = [v for v in values if is_valid(v)]  # ten digits that pass the check digit
    odd = [v for v in luhn if not_an_organisation_number(v)]
    if values and (len(register.entries) < _NUMBER_SHARE * len(values) or len(odd) > _ODD_SHARE * len(luhn)):
        reasons: dict[str, int] = {}
        for value in values:
            if reason := not_an_organisation_number(value):
                reasons[reason] = reasons.get(reason, 0) + 1
        said = "; ".join(f"{n} of {len(values)}: {r}" for r, n in sorted(reasons.items(), key=lambda x: -x[1])[:3])
        raise InputError(
            where,
            f"the number field {field!r} does not hold organisation numbers: only "
            f"{len(register.entries)} of its {len(values)} values can be one, and {len(odd)} of the "
            f"{len(luhn)} that pass the check digit cannot ({said})",
            "a field of Swedish organisation numbers (ten digits, a valid check digit, the first "
            "digit a legal form's group 2, 3 or 5-9, the third at least 2)",
            hint,
        )
    stated: list[tuple[Entry, str | None]] = []  # entries whose names state a legal form with a group
    for entry in register.entries:
        legal = legal_forms(entry.name)
        if any(form in LEGAL_FORM_GROUPS for form in legal):
            stated.append((entry, form_mismatch(entry.number, legal)))
    wrong = [(e, m) for e, m in stated if m]
    if len(stated) >= 2 and len(wrong) > _FORM_SHARE * len(stated):
        example, why = wrong[0]
        raise InputError(
            where,
            f"the numbers of field {field!r} do not fit the legal forms their names state: "
            f"{len(wrong)} of {len(stated)} names that state one ('{example.name}': {why})",
            "a field of organisation numbers, whose first digit is the group of the legal form",
            hint,
        )


def _number_fields(
    rows: list[tuple[int, dict[str, str]]], columns: list[str], skip: tuple[str, ...]
) -> tuple[str, ...]:
    """The fields besides ``skip`` whose values are mostly organisation numbers."""
    out = []
    for column in columns:
        values = [row[column] for _, row in rows if column in row]
        if (
            column not in skip
            and values
            and sum(1 for v in values if not not_an_organisation_number(v)) >= _CONTENT_SHARE * len(values)
        ):
            out.append(column)
    return tuple(out)


_ENTITY = re.compile(rb"<!ENTITY\s")


def _refuse_entities(path: Path, data: bytes) -> None:
    """An InputError for an XML file declaring entities: the parser expands them without a limit, so a
    "billion laughs" of a few KB takes gigabytes. A register extract needs none."""
    found = _ENTITY.search(data)
    if found is None:
        return
    raise InputError(
        Where(path, data.count(b"\n", 0, found.start()) + 1),
        "the file declares an XML entity (<!ENTITY …>), which sakrad-ld does not expand",
        "RDF/XML without a DOCTYPE's entity declarations",
        "write the entities' text in place of their references, or convert the file to Turtle or N-Triples",
    )


def _rdf_register(path: Path) -> Register:
    import pyoxigraph as ox  # imported here: only RDF registers need the RDF library

    from ..triples import Graph
    from ..vocab import ADMS, DCTERMS, FOAF, LEGAL, RDFS, SKOS

    names = (SKOS.prefLabel, FOAF.name, LEGAL.legalName, RDFS.label)
    ids = (LEGAL.legalIdentifier, ADMS.identifier, DCTERMS.identifier)
    fmt = by_suffix(path.suffix.lower())
    assert fmt is not None
    data = read_input(path, expected=f"a {fmt.label} file")
    if fmt.media_type == "application/rdf+xml":
        _refuse_entities(path, data)
    try:  # every graph of a quads format, read as one
        graph = Graph(
            (q.subject, q.predicate, q.object)  # type: ignore[misc]
            for q in ox.parse(data, format=ox.RdfFormat.from_media_type(fmt.media_type))
        )
    except SyntaxError as err:
        line = err.lineno or 0
        problem = str(err.msg).split(": ", 1)[-1] if err.msg else "syntax error"
        raise InputError(
            Where(path, line), f"cannot parse the file as {fmt.label} ({problem})", f"a well-formed {fmt.label} file"
        ) from None
    except (OSError, ValueError) as err:
        raise InputError(
            Where(path, 0), f"cannot read the file as {fmt.label} ({err})", f"a well-formed {fmt.label} file"
        ) from None
    entries: list[Entry] = []
    rejected: list[Rejected] = []
    identifiers = {o for p in ids for o in graph.objects(None, p)}
    named = {s for p in names for s in graph.subjects(p, None)} - identifiers
    values: list[str] = []
    for subject in sorted(named, key=_value):
        name = " ".join(next(o.value for p in names for o in sorted(graph.objects(subject, p), key=_value)).split())
        numbers = sorted(
            {
                n.value
                for p in ids
                for o in graph.objects(subject, p)
                for n in ([o] if isinstance(o, ox.Literal) else graph.objects(o, SKOS.notation))
            }
        )
        iri = subject.value if isinstance(subject, ox.NamedNode) else None  # blank-node labels are not stable
        state = {
            _local(p): _local(o.value) if isinstance(o, ox.NamedNode) else o.value
            for p in _STATUS_PREDICATES
            for o in sorted(graph.objects(subject, ox.NamedNode(p)), key=_value)
        }
        notes = tuple(
            (_local(p), " ".join(o.value.split()))
            for p in _NOTE_PREDICATES
            for o in sorted(graph.objects(subject, ox.NamedNode(p)), key=_value)
            if isinstance(o, ox.Literal) and o.value.strip()
        )
        values.extend(numbers)
        for number in numbers or [""]:
            if checked := _number(0, number, f"{name} <{iri}>" if iri else name, rejected):
                found = entry_status(state, name)
                entries.append(Entry(checked, name, 0, iri, found, notes + caveats(state)))
    if not entries and not rejected:
        raise InputError(
            Where(path, 0),
            "found no organisation with a name and a number",
            "subjects with skos:prefLabel, foaf:name, legal:legalName or rdfs:label, and "
            "legal:legalIdentifier / adms:identifier with skos:notation, or dct:identifier",
        )
    register = Register(
        path,
        tuple(entries),
        tuple(rejected),
        "skos:prefLabel, foaf:name, legal:legalName, rdfs:label",
        "legal:legalIdentifier, adms:identifier (skos:notation), dct:identifier",
    )
    _check_number_field(register, values)
    return register


#: Properties whose value says an RDF register's entry has ended: ADMS and RegOrg status, schema.org's
#: dissolution and end dates, owl:deprecated (read as fields named by their local names).
_STATUS_PREDICATES = (
    "http://www.w3.org/ns/adms#status",
    "http://www.w3.org/ns/regorg#orgStatus",
    "https://schema.org/dissolutionDate",
    "http://schema.org/dissolutionDate",
    "https://schema.org/endDate",
    "http://schema.org/endDate",
    "http://www.w3.org/2002/07/owl#deprecated",
)


#: Properties of free text beside an RDF register's entry: each is a caveat (status.caveats), read as a
#: field named by its local name (note, scopeNote, historyNote, editorialNote, changeNote, comment, description).
_NOTE_PREDICATES = (
    "http://www.w3.org/2004/02/skos/core#note",
    "http://www.w3.org/2004/02/skos/core#scopeNote",
    "http://www.w3.org/2004/02/skos/core#historyNote",
    "http://www.w3.org/2004/02/skos/core#editorialNote",
    "http://www.w3.org/2004/02/skos/core#changeNote",
    "http://www.w3.org/2000/01/rdf-schema#comment",
    "https://schema.org/description",
    "http://schema.org/description",
    "http://purl.org/dc/terms/description",
)


def _local(iri: str) -> str:
    """The last part of an IRI: ``…/adms#status`` → ``status``, ``…/status/Retired`` → ``Retired``."""
    return re.split(r"[/#]", iri.rstrip("/#"))[-1]


def _value(term: Term) -> str:
    """What a term is sorted by: its IRI, label or lexical form."""
    return term.value
