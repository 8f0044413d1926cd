"""Register links and identifiers held to the register copies the project keeps, at load.

A link (``links:`` of a body, person or organisation) into a register whose entries the project
keeps a copy of (a source of ``kind: register`` with a ``file:`` in RDF, such as
``data/sources/lagrummet-org.ttl``) must name an entry of the copy, and the entry's name
(``foaf:name``, ``skos:prefLabel``, ``rdfs:label`` or ``schema:name``) must be one of the record's
names: an IRI not in the copy is made up or mistyped, and one the copy names otherwise is another
body's. A register is "kept" for the IRIs that share a namespace (the IRI up to its last ``/`` or
``#``) with an entry of a copy. One organisation number on two organisation records is refused
too: the register gives a number to one organisation.

A copy is read as a stream of triples: the check keeps the namespaces the copy's entries are in and
the names of the entries the records link to, not the copy's triples (a 32 MiB copy of 1.2 million
short triples is checked in the memory of its text). A message quotes at most five names, each cut
as :func:`typedyaml.quoted` cuts.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, Where
from .records import Corpus
from .stated import folded
from .typedyaml import quoted

__all__ = ["NAME_PREDICATES", "check_registered", "kept_entries"]

#: The predicates a register copy names its entries with.
NAME_PREDICATES = frozenset(
    {
        "http://xmlns.com/foaf/0.1/name",
        "http://www.w3.org/2004/02/skos/core#prefLabel",
        "http://www.w3.org/2000/01/rdf-schema#label",
        "http://schema.org/name",
        "https://schema.org/name",
    }
)
_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}


def _folded(text: str) -> str:
    return folded(text)  # NFKC, invisible characters, case, white space and dashes, as stated.py compares


def _namespace(iri: str) -> str:
    return iri[: max(iri.rfind("/"), iri.rfind("#")) + 1]


def kept_entries(corpus: Corpus) -> dict[str, tuple[str, set[str]]]:
    """The entries of the register copies kept beside the data: IRI → (the source's id, its names)."""
    return _entries(corpus, None)[0]


def _entries(corpus: Corpus, wanted: set[str] | None) -> tuple[dict[str, tuple[str, set[str]]], dict[str, str]]:
    """The entries of the register copies (only those in ``wanted``, unless it is None) and the
    namespaces of all their entries (namespace → the first source's id), each copy read as a stream."""
    entries: dict[str, tuple[str, set[str]]] = {}
    spaces: dict[str, str] = {}
    for source in corpus.sources:
        text = corpus.copies.get(source.id)
        fmt = _FORMATS.get(Path(source.file or "").suffix.lower())
        if source.kind != "register" or text is None or fmt is None:
            continue
        found: dict[str, tuple[str, set[str]]] = {}
        space: dict[str, str] = {}
        try:
            for q in ox.parse(text, fmt):
                if isinstance(q.subject, ox.NamedNode):
                    iri = q.subject.value
                    space.setdefault(_namespace(iri), source.id)
                    if wanted is not None and iri not in wanted:
                        continue
                    entry = found.setdefault(iri, (source.id, set()))
                    if q.predicate.value in NAME_PREDICATES and isinstance(q.object, ox.Literal):
                        entry[1].add(q.object.value)
        except SyntaxError:
            continue  # not RDF after all: nothing to hold links to (as a whole: what was read is dropped)
        for iri, entry in found.items():
            entries.setdefault(iri, entry)
        for ns, sid in space.items():
            spaces.setdefault(ns, sid)
    return entries, spaces


def _cut(text: str) -> str:
    return text if len(text) <= 80 else quoted(text)


def _names(names: list[str], most: int = 5) -> str:
    """At most ``most`` of ``names`` joined by ' / ', each cut, and how many more there are."""
    shown = " / ".join(_cut(n) for n in names[:most])
    return shown + (f" and {len(names) - most:,} more" if len(names) > most else "")


def check_registered(corpus: Corpus) -> list[InputError]:
    """Links into a kept register that the copy does not hold, or whose entry has another name, and
    an organisation number on two organisations."""
    errors: list[InputError] = []
    files = {s.id: s.file for s in corpus.sources}
    links = {
        link.iri for kind in (corpus.bodies, corpus.people, corpus.organisations) for r in kind for link in r.links
    }
    entries, spaces = _entries(corpus, links)
    records = [
        *((b, "bodies.yaml", [b.name.sv, *([b.name.en] if b.name.en else [])]) for b in corpus.bodies),
        *((p, "people.yaml", [p.name]) for p in corpus.people),
        *(
            (o, "organisations.yaml", [o.name, *o.alt_names, *([o.legal_name] if o.legal_name else [])])
            for o in corpus.organisations
        ),
    ]
    for record, file, names in records:
        for i, link in enumerate(record.links):
            source = spaces.get(_namespace(link.iri))
            if source is None:
                continue
            where = link.lines.where("iri") if link.lines else Where(Path(file), 0, f"links[{i}].iri")
            if link.iri not in entries:
                errors.append(
                    InputError(
                        where,
                        f"{_cut(link.iri)} is not in the register copy the project keeps ({files[source]}, source {source!r})",
                        "the IRI of an entry of the copy",
                        "copy the entry from the register's list into the kept copy, never make one up",
                    )
                )
                continue
            known = entries[link.iri][1]
            if known and not {_folded(n) for n in known} & {_folded(n) for n in names}:
                errors.append(
                    InputError(
                        where,
                        f"the register copy ({files[source]}) names {_cut(link.iri)} {_names(sorted(known))}, "
                        f"not {quoted(names[0])}",
                        "a link to the register's entry for this very record (an equivalence says they are one)",
                    )
                )
    numbers: dict[str, tuple[str, Where]] = {}
    for org in corpus.organisations:
        for i, ident in enumerate(org.identifiers):
            value = ident.value.replace("-", "")
            where = (
                ident.lines.where("value") if ident.lines else Where(Path("organisations.yaml"), 0, f"identifiers[{i}]")
            )
            if value in numbers and numbers[value][0] != org.id:
                other, at = numbers[value]
                errors.append(
                    InputError(
                        where,
                        f"the organisation number {_cut(ident.value)} is also {other!r}'s ({at})",
                        "one organisation number for one organisation (the register numbers each once)",
                        "copy the number again from the register entry of this organisation",
                    )
                )
            else:
                numbers.setdefault(value, (org.id, where))
    return errors
