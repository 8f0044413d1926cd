"""Register links and identifiers held to the register copies the project keeps, at load.

A link (``links:`` of a body, person or organisation) into a register whose entries the project
keeps a copy of (a source of ``kind: register`` with a ``file:`` in RDF, such as
``data/sources/lagrummet-org.ttl``) must name an entry of the copy, and the entry's name
(``foaf:name``, ``skos:prefLabel``, ``rdfs:label`` or ``schema:name``) must be one of the record's
names: an IRI not in the copy is made up or mistyped, and one the copy names otherwise is another
body's. A register is "kept" for the IRIs that share a namespace (the IRI up to its last ``/`` or
``#``) with an entry of a copy. One organisation number on two organisation records is refused
too: the register gives a number to one organisation.

A confirming status (``records.VERIFIED``) is refused where its source does not confirm
(:func:`confirmed`): ``register-copy`` is a claim that the source is the register keeper's own copy of
its list (:data:`KEEPER_COPIES`), so a third party's mirror with it is refused, as ``status: register``
from a host other than the register's is (``attested.py``). No link or number is then published with a
confirming ``adms:status`` but only ``rdfs:seeAlso``.

A register list kept as JSON (a source of ``kind: register`` whose ``file:`` ends in ``.json``, with
``organisations: [{orgNumber, orgName, …}]``, as ``data/sources/skatteverket-godkanda-gavomottagare.json``
keeps the entries data/ uses of Skatteverket's list of approved gift recipients) holds the organisation
numbers read in it and the legal names credited to it: a number whose ``source`` is the list's
address must be an entry of the copy whose name is one of the organisation's names, and a
``legal_name`` credited to the list (``fact_sources``, else the first source) must be the list's name
for the organisation's number read in it ("the register copy names 'Skyddsvärnet' for 802003-0832").

A copy is read as a stream of triples: the check keeps the namespaces the copy's entries are in and
the names of the entries the records link to, not the copy's triples (a 32 MiB copy of 1.2 million
short triples is checked in the memory of its text). A message quotes at most five names, each cut
as :func:`typedyaml.quoted` cuts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox

from .errors import InputError, Where
from .orgnr import compact
from .records import VERIFIED, Corpus, credited
from .stated import folded
from .typedyaml import QUOTED, quoted

__all__ = [
    "KEEPER_COPIES",
    "NAME_PREDICATES",
    "check_registered",
    "confirmed",
    "kept_entries",
    "kept_lists",
    "unconfirmed_copy",
]

#: Where the keeper of a register publishes copies of its own list, by register (``links[].register``)
#: or identifier scheme (``identifiers[].scheme``), as patterns of the source's address as
#: :func:`_address` writes it (a file on GitHub at a commit is ``github:owner/repo/<commit>/<path>``,
#: whether cited by its ``blob/`` page, ``?plain=1``, a ``#L`` line or its raw address), one pattern per
#: ``/``-separated part, pinned to a version. Only a source here makes ``register-copy`` confirming: a
#: copy published by the register's keeper is the register's own list, while a copy made by anyone
#: else is a mirror, a secondary source (docs/links.md, "Which sources confirm"). Domstolsverket keeps
#: Lagrummet's organisation lists in rinfo/rdl; no keeper's copy of Skatteverket's organisation
#: numbers or of Wikidata is known. (``registers.links`` re-exports it; it is here so that the load can
#: refuse what it does not hold.)
KEEPER_COPIES: dict[str, tuple[str, ...]] = {
    "lagrummet": (r"github:rinfo/rdl/[0-9a-f]{40}/resources/base/datasets/org/[\w-][\w.-]*",),
    "wikidata": (),
    "orgnr": (),
}
#: How a message names a part of :data:`KEEPER_COPIES`' patterns that is not written out.
_PLACEHOLDERS = {r"[0-9a-f]{40}": "<commit>", r"[\w-][\w.-]*": "<file>"}


def confirmed(status: str | None, source: str | None, register: str) -> bool:
    """Whether an identifier or link read from ``source`` with ``status`` may be an equivalence.

    ``register`` (read in the register itself) is; ``register-copy`` only when ``source``'s address
    (:func:`_address`) is one of the register keeper's own copies (:data:`KEEPER_COPIES`); every other
    status is not.
    """
    if status not in VERIFIED:
        return False
    if status == "register-copy":
        address = _address(source)
        return source is not None and any(re.fullmatch(p, address) for p in KEEPER_COPIES.get(register, ()))
    return True


def _shown(url: str) -> str:
    """``url`` quoted for a message, cut at :data:`typedyaml.QUOTED` characters as
    :func:`typedyaml.quoted` cuts, but keeping its scheme and host and the end of its path (the part
    that tells a keeper's file from a mirror's) and leaving out the middle."""
    if len(url) <= QUOTED:
        return repr(url)
    parts = urlsplit(url) if "://" in url else None
    head = f"{parts.scheme}://{parts.netloc}/" if parts and parts.netloc else ""
    if not head or len(head) > QUOTED // 2:
        return quoted(url)
    return f"{head + '…' + url[len(url) - (QUOTED - len(head) - 1) :]!r} ({len(url):,} characters)"


def _readable(pattern: str) -> str:
    """A pattern of :data:`KEEPER_COPIES` as an address a person can read."""
    for part, name in _PLACEHOLDERS.items():
        pattern = pattern.replace(part, name)
    pattern = pattern.replace("\\", "")
    if m := re.fullmatch(r"github:([^/]+)/([^/]+)/(.*)", pattern):
        return f"https://github.com/{m[1]}/{m[2]}/blob/{m[3]}"
    return pattern


def unconfirmed_copy(source: str | None, register: str) -> str:
    """Why ``register-copy`` read from ``source`` does not confirm: for a source in the keeper's place,
    the part of its address that differs from the keeper's copies; for any other, that it is not the
    keeper's (a mirror); for a register none of whose keeper's copies is known, that."""
    patterns = KEEPER_COPIES.get(register, ())
    shown = _shown(str(source))
    if not patterns:
        return (
            f"the source {shown} is not a copy of the {register} register's list published by its keeper: no copy "
            f"published by the keeper of {register} is known, so no source makes register-copy confirming"
        )
    keepers = " or ".join(_readable(p) for p in patterns)
    got = _address(source).split("/")
    best, pattern = max((_agreeing(got, p.split("/")), p.split("/")) for p in patterns)
    said = f"the source {shown} is not a copy of the {register} register's list published by its keeper ({keepers})"
    place = 2 if pattern[0].startswith("github:") else 3  # the parts naming the host (and owner and repository)
    if best < place:
        ours = "/".join(pattern[:place]).replace("github:", "github.com/")
        theirs = "/".join(got[:2]).replace("github:", "github.com/") if got[0].startswith("github:") else _host(source)
        return (
            said + f": it is at {quoted(theirs)}, not at {_readable(ours)}, and a copy made by anyone else is a mirror"
        )
    differs = quoted(got[best]) if best < len(got) else "nothing"
    wanted = _readable(pattern[best]) if best < len(pattern) else "nothing"
    return said + f": the address is the keeper's, but has {differs} where the keeper's copies have {wanted}"


def _host(url: str | None) -> str:
    try:
        return urlsplit(url or "").netloc or "no host"
    except ValueError:
        return "no host"


def _agreeing(got: list[str], pattern: list[str]) -> int:
    """How many leading ``/``-separated parts of an address agree with a pattern's."""
    n = 0
    while n < len(got) and n < len(pattern) and re.fullmatch(pattern[n], got[n]):
        n += 1
    return n


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
    errors += _unconfirmed_claims(corpus) + _listed_numbers(corpus)
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


def _unconfirmed_claims(corpus: Corpus) -> list[InputError]:
    """Every identifier or link with a confirming status (``records.VERIFIED``) that its source does not
    confirm (:func:`confirmed`): ``register-copy`` read anywhere but in the register keeper's own copy.
    (``register`` read off the register's host is refused by ``attested.check_register_sources``.)"""
    errors: list[InputError] = []
    for file, records in (
        ("organisations.yaml", corpus.organisations),
        ("bodies.yaml", corpus.bodies),
        ("people.yaml", corpus.people),
    ):
        for record in records:
            claims = [(f"identifiers[{i}]", c, c.scheme) for i, c in enumerate(getattr(record, "identifiers", ()))]
            claims += [(f"links[{i}]", c, c.register) for i, c in enumerate(record.links)]
            for at, claim, register in claims:
                if claim.status not in VERIFIED or claim.status == "register":
                    continue
                if confirmed(claim.status, claim.source, register):
                    continue
                where = claim.lines.where("status") if claim.lines else Where(Path(file), 0, f"{at}.status")
                errors.append(
                    InputError(
                        where,
                        f"status {claim.status}, but {unconfirmed_copy(claim.source, register)}; the status "
                        "would publish it as confirmed",
                        "status secondary for a number or link read in a mirror or any other document, or a source "
                        "that is the keeper's own copy, pinned to a version",
                        'docs/links.md, "Which sources confirm"',
                    )
                )
    return errors


def _address(url: str | None) -> str:
    """``url`` as addresses are compared: percent-escapes decoded, scheme and host in lower case, no
    fragment; a file on GitHub at a commit one address whether shown (``github.com/o/r/blob/c/p``,
    ``?plain=1``, ``#L12``) or raw (``raw.githubusercontent.com/o/r/c/p``, ``github.com/o/r/raw/c/p``):
    ``github:o/r/c/p``."""
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return url or ""
    host, path = parts.netloc.lower(), unquote(parts.path)
    if host in ("github.com", "www.github.com") and (m := re.fullmatch(r"/([^/]+)/([^/]+)/(?:blob|raw)/(.+)", path)):
        return f"github:{m[1].lower()}/{m[2].lower()}/{m[3]}"
    if host == "raw.githubusercontent.com" and (m := re.fullmatch(r"/([^/]+)/([^/]+)/(.+)", path)):
        return f"github:{m[1].lower()}/{m[2].lower()}/{m[3]}"
    query = f"?{unquote(parts.query)}" if parts.query else ""
    return f"{parts.scheme.lower()}://{host}{path}{query}"


def kept_lists(corpus: Corpus) -> dict[str, tuple[str, str, dict[str, tuple[str, str]]]]:
    """The register lists kept as JSON (``organisations: [{orgNumber, orgName}]``), by the address of
    their source (:func:`_address` of its ``url``): (source id, file, number without separators →
    (the number as the list writes it, its name))."""
    lists: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {}
    for source in corpus.sources:
        text = corpus.copies.get(source.id)
        if source.kind != "register" or text is None or not (source.file or "").lower().endswith(".json"):
            continue
        try:
            rows = json.loads(text).get("organisations")
        except (ValueError, AttributeError):
            continue
        entries: dict[str, tuple[str, str]] = {}
        for row in rows if isinstance(rows, list) else ():
            if isinstance(row, dict) and isinstance(row.get("orgNumber"), str) and isinstance(row.get("orgName"), str):
                entries.setdefault(compact(row["orgNumber"]), (row["orgNumber"], row["orgName"]))
        if source.url and entries:
            lists.setdefault(_address(source.url), (source.id, source.file or "", entries))
    return lists


def _listed_numbers(corpus: Corpus) -> list[InputError]:
    """Organisation numbers read in a kept register list that are not its entry for the organisation,
    and legal names credited to such a list that are not its name for the organisation's number."""
    lists = kept_lists(corpus)
    if not lists:
        return []
    by_source = {sid: (address, file, entries) for address, (sid, file, entries) in lists.items()}
    errors: list[InputError] = []
    for org in corpus.organisations:
        names = [org.name, *org.alt_names, *([org.legal_name] if org.legal_name else [])]
        known = {_folded(n) for n in names}
        for i, ident in enumerate(org.identifiers):
            listed = lists.get(_address(ident.source))
            if ident.scheme != "orgnr" or listed is None:
                continue
            sid, file, entries = listed
            where = (
                ident.lines.where("value") if ident.lines else Where(Path("organisations.yaml"), 0, f"identifiers[{i}]")
            )
            entry = entries.get(compact(ident.value))
            if entry is None:
                errors.append(
                    InputError(
                        where,
                        f"the organisation number {_cut(ident.value)} is not in the register copy the project keeps "
                        f"({file}, source {sid!r}), though its source is that list",
                        "a number the list gives this organisation, as the copy holds it",
                        "copy the organisation's entry from the list into the kept copy, never make one up",
                    )
                )
                continue
            if _folded(entry[1]) not in known:
                errors.append(
                    InputError(
                        where,
                        f"the register copy ({file}) names {entry[0]} {quoted(entry[1])}, not {quoted(org.name)}"
                        + (f" or its legal name {quoted(org.legal_name)}" if org.legal_name else ""),
                        "the number the list gives this very organisation (its name there is the legal_name)",
                        "copy the number again from the organisation's entry of the list",
                    )
                )
        if not org.legal_name:
            continue
        sid = credited(org, "legal_name")
        if sid not in by_source:
            continue
        _, file, entries = by_source[sid]
        where = org.lines.where("legal_name") if org.lines else Where(Path("organisations.yaml"), 0, "legal_name")
        numbers = [i.value for i in org.identifiers if i.scheme == "orgnr"]
        listed = [entries[compact(n)] for n in numbers if compact(n) in entries]
        if not listed:
            has = f"no entry for its number {' / '.join(_cut(n) for n in numbers)}" if numbers else "no number"
            errors.append(
                InputError(
                    where,
                    f"legal_name {quoted(org.legal_name)} is credited to the register list {sid!r}, but the "
                    f"organisation has {has} in the kept copy ({file}): the list gives a name for a number",
                    "an identifier (scheme orgnr) of the organisation whose entry in the list gives this name",
                    "copy the organisation's entry from the list into the kept copy, or credit the name to the "
                    "document that gives it",
                )
            )
        elif not any(_folded(name) == _folded(org.legal_name) for _, name in listed):
            listed_names = " / ".join(f"{quoted(name)} for {number}" for number, name in listed)
            errors.append(
                InputError(
                    where,
                    f"the register copy ({file}) names {listed_names}, not {quoted(org.legal_name)}",
                    "the legal name as the list writes it for the organisation's number",
                    "copy the name from the list's entry (orgName), or credit the name to the document that gives it",
                )
            )
    return errors
