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
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox

from .errors import InputError, Where
from .inputfiles import JsonRefusal, strict_json
from .orgnr import compact, form_mismatch, stated_forms
from .records import VERIFIED, Corpus, Source, credited
from .stated import folded
from .typedyaml import QUOTED, quoted

__all__ = [
    "KEEPER_COPIES",
    "NAME_PREDICATES",
    "check_registered",
    "confirmed",
    "copied_from",
    "copy_source_problem",
    "kept_entries",
    "LINK_IRIS",
    "MAX_JSON_DEPTH",
    "kept_lists",
    "not_of_register",
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


#: The IRIs of each register a link (``links[].register``) may name: the register's URI space and the
#: pattern of the part after it. ``registers.links.REGISTERS`` describes the registers with these, and
#: both the load (:func:`check_registered`) and ``links check`` refuse a link whose IRI is not of its
#: register (:func:`not_of_register`).
LINK_IRIS: dict[str, tuple[str, str]] = {
    "lagrummet": ("http://rinfo.lagrummet.se/org/", r"[a-z0-9][a-z0-9_.%-]*"),
    "wikidata": ("http://www.wikidata.org/entity/", r"Q[1-9][0-9]*"),
}
_LINK_EXPECTED = (
    "the register's own IRI for the entry, as the register writes it",
    "a link is published as the register's (dct:conformsTo) and credited to its source: name the register the "
    "IRI is of",
)


def not_of_register(iri: object, register: str) -> str | None:
    """Why ``iri`` is not an IRI of the register named ``register`` (:data:`LINK_IRIS`), or None."""
    space, local = LINK_IRIS.get(register, ("", ""))
    if not space:
        return f"unknown register {register!r}; expected one of {', '.join(LINK_IRIS)}"
    if isinstance(iri, str) and iri.startswith(space) and re.fullmatch(local, iri[len(space) :]):
        return None
    shown = quoted(iri) if isinstance(iri, str) else repr(iri)
    return f"{shown} is not a {register} IRI; expected {space} followed by {local}"


#: An address in a comment of a kept copy: where its entries were copied from.
_COPIED_FROM = re.compile(r"^\s*#.*?(https?://[^\s<>\"]+)", re.MULTILINE)
#: A comment line of a kept copy naming the file the entries below it were copied from ("# myndigheter.n3").
_SECTION = re.compile(r"^\s*#\s*([\w.-]+\.\w+)\s*$", re.MULTILINE)


def copied_from(text: str, register: str) -> list[str]:
    """The addresses a kept register copy's comments say its entries were copied from, as far as they are
    copies its keeper publishes pinned to a version (:data:`KEEPER_COPIES`), in the order written."""
    found = [m.rstrip(".,;)") for m in _COPIED_FROM.findall(text)]
    return list(dict.fromkeys(url for url in found if confirmed("register-copy", url, register)))


def _section(text: str, iri: str) -> str | None:
    """The file name of the section (a comment line "# name.n3") the entry ``iri`` stands in, or None."""
    at = text.find(f"<{iri}>")
    if at < 0:
        return None
    names = [m[1] for m in _SECTION.finditer(text, 0, at)]
    return names[-1] if names else None


def copy_source_problem(source: object, iri: str, register: str, text: str, file: str) -> str | None:
    """Why a ``register-copy`` link to ``iri`` read from ``source`` is not tied to the kept copy ``text``
    (kept as ``file``), or None: the source must be one of the files at the version the copy says its
    entries were copied from (:func:`copied_from`), and, where the copy marks its sections by file
    ("# myndigheter.n3"), the file whose section holds the entry. A link citing another file or
    version would publish as its source (``dct:source``) a document the project has not compared."""
    origins = copied_from(text, register)
    if not origins:
        return (
            f"the kept copy {file} names no address it was copied from (a comment with the keeper's file at a "
            f"commit), so no source of a register-copy link can be compared with it"
        )
    address = _address(source if isinstance(source, str) else None)
    shown = _shown(str(source))
    if address not in {_address(o) for o in origins}:
        return (
            f"the source {shown} is not one of the files the kept copy {file} was copied from "
            f"({' or '.join(origins)}): the copy cannot confirm what another file, or another version, says"
        )
    section = _section(text, iri)
    cited = address.rsplit("/", 1)[-1]
    if section is not None and section != cited:
        return (
            f"the kept copy {file} holds {_cut(iri)} among the entries copied from {section}, not from {cited} "
            f"(the file the source {shown} names)"
        )
    return None


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


def _entries(
    corpus: Corpus, wanted: set[str] | None, errors: list[InputError] | None = None
) -> tuple[dict[str, tuple[str, set[str]]], dict[str, str]]:
    """The entries of the register copies (only those in ``wanted``, unless it is None) and the
    namespaces of all their entries (namespace → the first source's id), each copy read as a stream.
    A copy that is not RDF of its suffix is a refusal added to ``errors``: it holds nothing."""
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
        except SyntaxError as error:  # not RDF after all: it would hold nothing, so the links would go unchecked
            if errors is not None:
                line = re.search(r"\bline (\d+)|^(\d+):", str(error))
                at = int(line[1] or line[2]) if line else 0
                errors.append(_unreadable(source, at, f"not {fmt.name.replace('_', '-')} ({_one_line(error)})", fmt))
            continue
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
    entries, spaces = _entries(corpus, links, errors)
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
            where = link.lines.where("iri") if link.lines else Where(Path(file), 0, f"links[{i}].iri")
            if wrong := not_of_register(link.iri, link.register):
                errors.append(InputError(where, wrong, *_LINK_EXPECTED))
                continue
            source = spaces.get(_namespace(link.iri))
            if source is None:
                continue
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
            text = corpus.copies.get(source)
            if (
                link.status == "register-copy"
                and text is not None
                and confirmed(link.status, link.source, link.register)
            ):
                if problem := copy_source_problem(link.source, link.iri, link.register, text, str(files[source])):
                    errors.append(
                        InputError(
                            link.lines.where("source") if link.lines else where,
                            problem,
                            "the address of the keeper's file, at the commit, that the kept copy says the entry was "
                            "copied from",
                            "cite that file as the kept copy's comments do, or copy the entry again from the file "
                            "cited (and name its address in the copy)",
                        )
                    )
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
    errors += _unconfirmed_claims(corpus) + _listed_numbers(corpus) + _forms(corpus) + _one_per_scheme(corpus)
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


def _forms(corpus: Corpus) -> list[InputError]:
    """Every organisation number of a group that the legal form its organisation's ``legal_name`` states
    is never given (:func:`orgnr.form_mismatch`): "Stiftelsen X" with a number of an association's group 7."""
    errors: list[InputError] = []
    for org in corpus.organisations:
        legal = stated_forms(org.legal_name) if org.legal_name else ()
        for i, ident in enumerate(org.identifiers if legal else ()):
            if ident.scheme != "orgnr" or (mismatch := form_mismatch(compact(ident.value), legal)) is None:
                continue
            where = (
                ident.lines.where("value") if ident.lines else Where(Path("organisations.yaml"), 0, f"identifiers[{i}]")
            )
            errors.append(
                InputError(
                    where,
                    f"{_cut(ident.value)} cannot be the number of {quoted(org.legal_name)} (the legal_name): {mismatch}",
                    "the number the register gives this organisation, of the group its legal form is given",
                    "copy the number again from the register entry of this organisation, or correct the legal_name",
                )
            )
    return errors


class _Claim(NamedTuple):
    """One identifier or link of a record: where it stands (``file``, ``kind`` ``identifiers`` or
    ``links``, its index ``i``), the claim, its scheme or register and its value."""

    file: str
    record: Any
    kind: str
    i: int
    claim: Any
    scheme: str
    value: object

    def where(self, field: str) -> Where:
        """The line of ``field`` of the claim, or its place in the file where lines are not known."""
        if self.claim.lines:
            return self.claim.lines.where(field)
        return Where(Path(self.file), 0, f"{self.kind}[{self.i}].{field}")


def _claims(corpus: Corpus) -> Iterator[list[_Claim]]:
    """The identifiers and links of every organisation, body and person, one list per record: the
    claims a record makes of a scheme or register, each checked by the passes below."""
    for file, records in (
        ("organisations.yaml", corpus.organisations),
        ("bodies.yaml", corpus.bodies),
        ("people.yaml", corpus.people),
    ):
        for record in records:
            claims = [
                _Claim(file, record, "identifiers", i, c, c.scheme, c.value)
                for i, c in enumerate(getattr(record, "identifiers", ()))
            ]
            claims += [_Claim(file, record, "links", i, c, c.register, c.iri) for i, c in enumerate(record.links)]
            yield claims


def _one_per_scheme(corpus: Corpus) -> list[InputError]:
    """A second identifier of one scheme, or a second link to one register, on one record: each is
    published as the record's one identifier node of that scheme or register (``…/identifier/orgnr``,
    ``…/identifier/wikidata``), whose IRIs are published and must stay, so two would be one node with
    two notations and two statuses (a former number would read as the current one's)."""
    errors: list[InputError] = []
    for claims in _claims(corpus):
        first: dict[str, tuple[int, object]] = {}
        for c in claims:
            if c.scheme not in first:
                first[c.scheme] = (c.i, c.value)
                continue
            j, other = first[c.scheme]
            kind, scheme = c.kind, c.scheme
            errors.append(
                InputError(
                    c.where("scheme" if kind == "identifiers" else "register"),
                    f"a second {scheme} {kind[:-1]} of {c.record.id!r} ({_cut(str(c.value))}, beside "
                    f"{kind}[{j}] {_cut(str(other))}): a record has one {kind[:-1]} of each "
                    f"{'scheme' if kind == 'identifiers' else 'register'}, published as one node "
                    f"(…/identifier/{scheme}), which two would merge into one with both values and statuses",
                    f"one {scheme} {kind[:-1]} per record: the current one",
                    "keep the current one; write a former number or a second item in the record's note (or a "
                    "source's), not as a second identifier",
                )
            )
    return errors


def _unconfirmed_claims(corpus: Corpus) -> list[InputError]:
    """Every identifier or link with a confirming status (``records.VERIFIED``) that its source does not
    confirm (:func:`confirmed`): ``register-copy`` read anywhere but in the register keeper's own copy.
    (``register`` read off the register's host is refused by ``attested.check_register_sources``.)"""
    errors: list[InputError] = []
    for claims in _claims(corpus):
        for c in claims:
            claim, register = c.claim, c.scheme
            if claim.status not in VERIFIED or claim.status == "register":
                continue
            if confirmed(claim.status, claim.source, register):
                continue
            errors.append(
                InputError(
                    c.where("status"),
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


#: How deep a kept JSON extract may nest: its shape is three levels (the object, its list, a row).
MAX_JSON_DEPTH = 32
#: A JSON string (to skip the brackets in it) or a bracket.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]')


class _Unreadable(ValueError):
    """A kept JSON extract that is not strict JSON: the problem and its offset in the text (or None)."""

    def __init__(self, problem: str, offset: int | None = None) -> None:
        super().__init__(problem)
        self.problem, self.offset = problem, offset


def _strict_json(text: str) -> object:
    """``text`` read as strict JSON (RFC 8259): no NaN or Infinity, no number beyond a double, no key
    twice in an object, at most :data:`MAX_JSON_DEPTH` levels deep; else :class:`_Unreadable`."""
    try:
        data = strict_json(text)
    except json.JSONDecodeError as error:
        raise _Unreadable(error.msg, error.pos) from None
    except JsonRefusal as error:
        raise _Unreadable(error.problem, error.offset) from None
    except RecursionError:  # the parser's own bound (about 1,000 levels), reached before ours is checked
        raise _Unreadable(f"nested more than {MAX_JSON_DEPTH} levels deep", _too_deep(text)) from None
    except ValueError as error:  # an integer of more digits than Python converts
        raise _Unreadable(_one_line(error)) from None
    if isinstance(data, dict | list) and (path := _deeper(data, 1)) is not None:
        at = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path).lstrip(".")
        raise _Unreadable(f"nested more than {MAX_JSON_DEPTH} levels deep, at {quoted(at)}", _too_deep(text))
    return data


def _deeper(value: dict | list, depth: int) -> list[str | int] | None:
    """The keys and indexes leading to a value nested deeper than :data:`MAX_JSON_DEPTH`, or None."""
    if depth > MAX_JSON_DEPTH:
        return []
    for key, item in value.items() if isinstance(value, dict) else enumerate(value):
        if isinstance(item, dict | list) and (path := _deeper(item, depth + 1)) is not None:
            return [key, *path]
    return None


def _too_deep(text: str) -> int | None:
    """Where ``text`` opens its level :data:`MAX_JSON_DEPTH` + 1 (read only for a refusal)."""
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        if token[0] in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return token.start()
        elif token[0] in "]}":
            depth -= 1
    return None


def _list_rows(data: object) -> dict[str, tuple[str, str]]:
    """The entries of a kept list of the shape ``{"organisations": [{"orgNumber": str, "orgName": str,
    …}, …]}``: number without separators → (the number as the list writes it, its name); else
    :class:`_Unreadable` naming the first part not of that shape."""
    if not isinstance(data, dict):
        raise _Unreadable(f"the file is a JSON {_json_kind(data)}, not an object with a list 'organisations'")
    rows = data.get("organisations")
    if not isinstance(rows, list):
        raise _Unreadable(
            "no list 'organisations'" if rows is None else f"'organisations' is a JSON {_json_kind(rows)}, not a list"
        )
    entries: dict[str, tuple[str, str]] = {}
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise _Unreadable(f"organisations[{i}] is a JSON {_json_kind(row)}, not an object")
        for key in ("orgNumber", "orgName"):
            if not isinstance(row.get(key), str) or not row[key].strip():
                got = "missing" if key not in row else f"a JSON {_json_kind(row[key])}"
                raise _Unreadable(f"organisations[{i}].{key} is {got}, not a string")
        entries.setdefault(compact(row["orgNumber"]), (row["orgNumber"], row["orgName"]))
    return entries


def _json_kind(value: object) -> str:
    if isinstance(value, str):
        return "string" if value.strip() else "empty string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return {dict: "object", list: "array"}.get(type(value), "number")


def _one_line(error: object, limit: int = 200) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unreadable(source: Source, line: int, problem: str, kind: object) -> InputError:
    """The refusal of a kept register copy that cannot be read as its suffix says (``kind``)."""
    at = source.lines.where("file") if source.lines else None
    base = at.file.parent if at else Path()
    said = f", the copy of source {source.id!r}" + (f" ({at.file}:{at.line})" if at else "")
    if kind == "json":
        expected = (
            'strict JSON (RFC 8259) of the shape {"organisations": [{"orgNumber": "NNNNNN-NNNN", "orgName": "…"}, '
            f"…]}}, at most {MAX_JSON_DEPTH} levels deep"
        )
    else:
        expected = "RDF in the syntax its suffix names (.ttl Turtle, .nt N-Triples, .nq N-Quads, .trig TriG)"
    return InputError(
        Where(base / (source.file or ""), line),
        f"the kept register copy is {problem}{said}; a copy that cannot be read would hold nothing, and what is "
        "credited to it would go unchecked",
        expected,
        "copy the entries again from the register's list, unchanged",
    )


def kept_lists(corpus: Corpus) -> dict[str, tuple[str, str, dict[str, tuple[str, str]]]]:
    """The register lists kept as JSON (``organisations: [{orgNumber, orgName}]``), by the address of
    their source (:func:`_address` of its ``url``): (source id, file, number without separators →
    (the number as the list writes it, its name)). A list that cannot be read is left out here; the
    load refuses it (:func:`check_registered`)."""
    return _kept_lists(corpus, [])


def _kept_lists(corpus: Corpus, errors: list[InputError]) -> dict[str, tuple[str, str, dict[str, tuple[str, str]]]]:
    lists: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {}
    for source in corpus.sources:
        text = corpus.copies.get(source.id)
        if source.kind != "register" or text is None or not (source.file or "").lower().endswith(".json"):
            continue
        try:
            entries = _list_rows(_strict_json(text))
        except _Unreadable as error:
            at = error.offset
            line = text.count("\n", 0, at) + 1 if at is not None else 0
            column = f", column {at - text.rfind(chr(10), 0, at)}" if at is not None else ""
            where = f" (line {line}{column})" if at is not None else ""
            errors.append(_unreadable(source, line, f"not as expected: {error.problem}{where}", "json"))
            continue
        if source.url:
            lists.setdefault(_address(source.url), (source.id, source.file or "", entries))
    return lists


#: GitHub's addresses of a file at a version: its page and the views of it (``github.com/o/r/blob/…``,
#: ``raw/``, ``blame/``, ``tree/``, ``edit/``, ``commits/``, ``history/``) and its raw text
#: (``raw.githubusercontent.com/o/r/…``, ``media.githubusercontent.com/media/o/r/…``).
_GITHUB_VIEWS = frozenset({"blob", "raw", "blame", "tree", "edit", "commits", "history"})


def _github_file(url: str | None) -> tuple[str, list[str]] | None:
    """``url`` as a file on GitHub: ("owner/repo" in lower case, the parts after it naming the version
    and the path: percent-escapes decoded, NFC, empty parts and ``.`` left out, ``..`` applied), or
    None when it is not one of GitHub's addresses of a file (:data:`_GITHUB_VIEWS`)."""
    try:
        parts = urlsplit((url or "").strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    path: list[str] = []
    for part in unicodedata.normalize("NFC", unquote(parts.path)).split("/"):
        if part == "..":
            path = path[:-1]
        elif part not in ("", "."):
            path.append(part)
    if host in ("github.com", "www.github.com") and len(path) > 3 and path[2] in _GITHUB_VIEWS:
        return f"{path[0]}/{path[1]}".lower(), path[3:]
    if host == "raw.githubusercontent.com" and len(path) > 2:
        return f"{path[0]}/{path[1]}".lower(), path[2:]
    if host == "media.githubusercontent.com" and len(path) > 3 and path[0] == "media":
        return f"{path[1]}/{path[2]}".lower(), path[3:]
    return None


def _listed(
    lists: dict[str, tuple[str, str, dict[str, tuple[str, str]]]], source: str | None
) -> tuple[tuple[str, str, dict[str, tuple[str, str]]] | None, str | None]:
    """The kept list ``source`` names, and the version it names where that is not the kept one: a
    source naming the list's repository and file on GitHub (any of its addresses, the path NFC and
    compared without case) is the list, whatever version it names; its own address is the list too."""
    if (listed := lists.get(_address(source))) is not None:
        return listed, None
    cited = _github_file(source)
    if cited is None:
        return None, None
    for address, listed in lists.items():
        kept = _github_file(address.replace("github:", "https://raw.githubusercontent.com/", 1))
        if kept is None or kept[0] != cited[0] or len(kept[1]) < 2:
            continue
        ref, file = kept[1][0], [p.casefold() for p in kept[1][1:]]
        if len(cited[1]) > len(file) and [p.casefold() for p in cited[1][-len(file) :]] == file:
            version = "/".join(cited[1][: -len(file)])
            return listed, (None if version.lower() == ref.lower() else version)
    return None, None


def _ends(corpus: Corpus, sid: str) -> dict[str, str]:
    """The end dates (``expires``, not null) of the entries of the kept JSON list of source ``sid``, by
    number without separators; the list was read as strict JSON already (:func:`_kept_lists`)."""
    try:
        rows = json.loads(corpus.copies.get(sid) or "{}").get("organisations", [])
    except (ValueError, AttributeError):
        return {}
    return {
        compact(row["orgNumber"]): str(row["expires"])
        for row in rows
        if isinstance(row, dict) and isinstance(row.get("orgNumber"), str) and row.get("expires") not in (None, "")
    }


def _listed_numbers(corpus: Corpus) -> list[InputError]:
    """Organisation numbers read in a kept register list that are not its entry for the organisation,
    and legal names credited to such a list that are not its name for the organisation's number."""
    errors: list[InputError] = []
    lists = _kept_lists(corpus, errors)
    if not lists:
        return errors
    by_source = {sid: (address, file, entries) for address, (sid, file, entries) in lists.items()}
    for org in corpus.organisations:
        names = [org.name, *org.alt_names, *([org.legal_name] if org.legal_name else [])]
        known = {_folded(n) for n in names}
        for i, ident in enumerate(org.identifiers):
            listed, version = _listed(lists, ident.source)
            if ident.scheme != "orgnr" or listed is None:
                continue
            sid, file, entries = listed
            where = (
                ident.lines.where("value") if ident.lines else Where(Path("organisations.yaml"), 0, f"identifiers[{i}]")
            )
            if version is not None:
                kept = next(s.url for s in corpus.sources if s.id == sid)
                errors.append(
                    InputError(
                        ident.lines.where("source") if ident.lines else where,
                        f"the organisation number {_cut(ident.value)} is read in the register list {sid!r} at "
                        f"{quoted(version)} ({_shown(str(ident.source))}), but the project keeps a copy of it at "
                        f"another version ({file}, of {_shown(str(kept))}): the copy cannot confirm what the "
                        "list says at another version",
                        "the list cited at the version the project keeps a copy of, as the source's url cites it",
                        "cite the list as the source's url does, and copy the organisation's entry into the kept copy",
                    )
                )
                continue
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
            ended = _ends(corpus, sid).get(compact(ident.value))
            if ended and ident.status != "retired":
                errors.append(
                    InputError(
                        ident.lines.where("status") if ident.lines else where,
                        f"the register copy ({file}) gives the entry {entry[0]} an end (expires: {ended}), but the "
                        f"number is recorded with status {ident.status}, as current: the copy states no date of its "
                        "own, so the entry is taken as ended",
                        "status retired for a number whose entry the list marks ended",
                        "write status: retired (and say so in the note), or read the number in a current entry",
                    )
                )
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
