"""Links to public registers, each a claim with a source (https://www.w3.org/TR/void/#describing-linksets).

Three registers name the things of the data (see ``docs/links.md``):

* **dataportal** – Sweden's data portal names an organisation ``http://dataportal.se/organisation/SE<orgnr>``.
  The IRI is *derived* from a sourced organisation number, never typed in, and is not promised to resolve.
* **lagrummet** – the legal-information system's IRIs of public bodies (``http://rinfo.lagrummet.se/org/…``).
* **wikidata** – Wikidata entities (``http://www.wikidata.org/entity/Q…``), only where a source gives the QID.

Every link is two things in the graph: the direct triple consumers expect (:attr:`TargetRegister.predicate`)
and a qualified ``adms:Identifier`` under the linking resource (``…/identifier/{register}``) whose
``skos:notation`` is the target's local name in the register's ``void:uriSpace`` and which carries the
source (``dct:source``; a derived link ``prov:wasDerivedFrom`` the identifier it was derived from).
``shapes/links.ttl`` rejects a link that has no such node. :func:`linksets` publishes one
``void:Linkset`` per register with its count; :func:`check_offline` and :func:`check_online` re-check
the links (``sakrad-ld links check``): among other things, that a ``status: register`` claim was read
on the register's own host (``attested.REGISTER_HOSTS``) and ``register-copy`` in its keeper's copy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import yaml

from ..attested import register_source_problem
from ..errors import InputError, InputErrors, Where
from ..inputfiles import MAX_INPUT_FILE, check_input, read_input, read_input_text
from ..iri import Minter
from ..orgnr import compact as orgnr_compact
from ..orgnr import form_mismatch, not_an_organisation_number, refusal
from ..registered import (
    KEEPER_COPIES,
    LINK_IRIS,
    confirmed,
    copy_source_problem,
    not_of_register,
    unconfirmed_copy,
)
from ..triples import Graph, Index, Triple
from ..typedyaml import compose_file
from ..vocab import ADMS, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SAKRAD, SKOS, VOID, XSD
from .names import legal_forms

__all__ = [
    "STATUS",
    "LAGRUMMET_EXTRACT",
    "REGISTERS",
    "Problem",
    "Target",
    "TargetRegister",
    "TargetStatus",
    "KEEPER_COPIES",
    "check_offline",
    "confirmed",
    "check_online",
    "data_file",
    "dataportal_iri",
    "link_targets",
    "link_triples",
    "linksets",
    "register_graph",
    "register_iri",
    "register_of",
]


@dataclass(frozen=True)
class TargetRegister:
    """A register the data links to: how its IRIs look, which predicate links to them, who keeps it."""

    name: str
    title_sv: str
    title_en: str
    uri_space: str
    local_pattern: str  #: the part of an IRI after uri_space
    predicate: ox.NamedNode
    agency: str  #: adms:schemeAgency of the qualified identifiers
    about: str  #: where the IRI convention is documented
    resolves: bool  #: whether its IRIs are promised to dereference (an online failure is a problem)
    derivation_sv: str = ""  #: how a derived link to the register is worked out (only dataportal's are)
    derivation_en: str = ""

    def local(self, iri: str) -> str | None:
        """The local name of ``iri`` in this register, or None if the IRI is not one of its IRIs."""
        if iri.startswith(self.uri_space) and re.fullmatch(self.local_pattern, iri[len(self.uri_space) :]):
            return iri[len(self.uri_space) :]
        return None


#: The registers, by the name used in ``data/`` (``links[].register``) and in IRIs. Predicates:
#: ``skos:exactMatch`` for the dataportal convention (a naming convention extended beyond its scope,
#: that may not resolve), ``owl:sameAs`` for registers whose IRI names the very same entity.
REGISTERS: dict[str, TargetRegister] = {
    r.name: r
    for r in (
        TargetRegister(
            "dataportal",
            "Sveriges dataportal: utgivare",
            "Sweden's data portal: publishers",
            "http://dataportal.se/organisation/",
            r"SE[0-9]{10}(?:-[A-Za-z0-9]+)?",
            SKOS.exactMatch,
            "Myndigheten för digital förvaltning (DIGG)",
            "https://github.com/diggsweden/DCAT-AP-SE/blob/6b5124b8cb480a62b834f19abffa3de41b09dfb5/docs/harvesting.md",
            resolves=False,
            derivation_sv="Härledd av sakrad-ld: SE följt av organisationsnumrets tio siffror, enligt DIGG:s "
            "namnregel för utgivare; inte utfärdad av DIGG och inte säkert att den går att slå upp.",
            derivation_en="Derived by sakrad-ld: SE followed by the organisation number's ten digits, by DIGG's "
            "naming rule for publishers; not issued by DIGG and not promised to resolve.",
        ),
        TargetRegister(
            "lagrummet",
            "Lagrummet: organisationer",
            "Lagrummet: organisations",
            *LINK_IRIS["lagrummet"],
            OWL.sameAs,
            "Domstolsverket (rättsinformationssystemet Lagrummet)",
            "https://github.com/rinfo/rdl/tree/c42b88bcaf6b0c5b1669ff1bc5dd4e756ce8c628/resources/base/datasets/org",
            resolves=True,
        ),
        TargetRegister(
            "wikidata",
            "Wikidata",
            "Wikidata",
            *LINK_IRIS["wikidata"],
            OWL.sameAs,
            "Wikidata",
            "https://www.wikidata.org/wiki/Wikidata:Identifiers",
            resolves=True,
        ),
    )
}

#: The project's extract of Lagrummet's organisation lists (relative to ``data/``), BSD licence.
LAGRUMMET_EXTRACT = "sources/lagrummet-org.ttl"


def register_of(iri: str) -> TargetRegister | None:
    """The register whose IRIs ``iri`` is one of."""
    return next((r for r in REGISTERS.values() if r.local(iri) is not None), None)


def register_iri(minter: Minter, name: str) -> ox.NamedNode:
    """Our description of a register: a ``void:Dataset`` and the ``skos:ConceptScheme`` of its identifiers."""
    return ox.NamedNode(f"{minter.base}register/{name}")


def linkset_iri(minter: Minter, name: str) -> ox.NamedNode:
    return minter.part(minter.dataset, "linkset", name)


def dataportal_iri(orgnr: str) -> str:
    """DIGG's publisher IRI for an organisation number: ``http://dataportal.se/organisation/SE<10 digits>``."""
    return f"{REGISTERS['dataportal'].uri_space}SE{orgnr_compact(orgnr)}"


def link_triples(
    minter: Minter,
    subject: ox.NamedNode,
    iri: str,
    source: str | None = None,
    derived_from: ox.NamedNode | None = None,
    status: str | None = None,
) -> list[Triple]:
    """The direct link from ``subject`` to ``iri`` and its qualified identifier node with its provenance.

    Only a confirmed link (:func:`confirmed`: read in the register itself or in a pinned copy its
    keeper publishes) or one ``derived_from`` a confirmed identifier gets the direct equivalence
    (``owl:sameAs``, ``skos:exactMatch``); an unconfirmed one is published as the qualified node with its status and
    ``rdfs:seeAlso``, a candidate for a person to confirm. A derived link says how it was derived
    (``sakrad:derivation``, ``prov:wasDerivedFrom``), not who issued it. An IRI of no known register gets
    ``owl:sameAs`` and no qualified node, so the shapes reject it.
    """
    register = register_of(iri)
    local = register.local(iri) if register is not None else None
    if register is None or local is None:
        return [(subject, OWL.sameAs, ox.NamedNode(iri))]
    node = minter.part(subject, "identifier", register.name)
    verified = derived_from is not None or confirmed(status, source, register.name)
    triples: list[Triple] = [
        (subject, register.predicate if verified else RDFS.seeAlso, ox.NamedNode(iri)),
        (subject, ADMS.identifier, node),
        (node, RDF.type, ADMS.Identifier),
        (node, SKOS.notation, ox.Literal(local)),
        (node, DCTERMS.conformsTo, register_iri(minter, register.name)),
    ]
    if derived_from is not None:
        triples += [
            (node, ADMS.status, SAKRAD.Derived),
            (node, SAKRAD.derivation, ox.Literal(register.derivation_sv, language="sv")),
            (node, SAKRAD.derivation, ox.Literal(register.derivation_en, language="en")),
            (node, PROV.wasDerivedFrom, derived_from),
            (node, DCTERMS.source, ox.NamedNode(register.about)),  # the document of the rule it was derived by
        ]
        return triples
    triples.append((node, ADMS.schemeAgency, ox.Literal(register.agency)))
    if status is not None:
        triples.append((node, ADMS.status, STATUS[status]))
    if source:
        triples.append((node, DCTERMS.source, ox.NamedNode(source)))
    return triples


#: How a link was verified, as the ontology's concepts (records.Status).
STATUS = {
    "register": SAKRAD.RegisterConfirmed,
    "register-copy": SAKRAD.RegisterCopy,
    "secondary": SAKRAD.SecondarySource,
    "retired": SAKRAD.RetiredEntry,
}


def register_graph(minter: Minter, names: Iterable[str]) -> Graph:
    """The descriptions of the registers ``names``: what a link target's IRI is checked against."""
    g = Graph()
    for name in sorted(set(names)):
        r, s = REGISTERS[name], register_iri(minter, name)
        g.add((s, RDF.type, VOID.Dataset))
        g.add((s, RDF.type, SKOS.ConceptScheme))
        for text, lang in ((r.title_sv, "sv"), (r.title_en, "en")):
            g.add((s, DCTERMS.title, ox.Literal(text, language=lang)))
            g.add((s, SKOS.prefLabel, ox.Literal(text, language=lang)))
        g.add((s, VOID.uriSpace, ox.Literal(r.uri_space)))
        g.add((s, VOID.uriRegexPattern, ox.Literal("^" + re.escape(r.uri_space) + r.local_pattern + "$")))
        g.add((s, DCTERMS.source, ox.NamedNode(r.about)))
    return g


def linksets(data: Index, minter: Minter) -> Graph:
    """One ``void:Linkset`` per register the data links to, with ``void:triples`` counted in ``data``."""
    g = Graph()
    used: list[str] = []
    for name, r in REGISTERS.items():
        predicate = r.predicate
        count = sum(
            len(data.subjects_of(predicate, o))
            for o in data.objects_of(predicate)
            if isinstance(o, ox.NamedNode) and r.local(o.value) is not None
        )
        if not count:
            continue
        used.append(name)
        ls = linkset_iri(minter, name)
        g.add((minter.dataset, VOID.subset, ls))
        g.add((ls, RDF.type, VOID.Linkset))
        g.add((ls, DCTERMS.title, ox.Literal(f"Länkar till {r.title_sv}", language="sv")))
        g.add((ls, DCTERMS.title, ox.Literal(f"Links to {r.title_en}", language="en")))
        g.add((ls, VOID.subjectsTarget, minter.dataset))
        g.add((ls, VOID.objectsTarget, register_iri(minter, name)))
        g.add((ls, VOID.linkPredicate, r.predicate))
        g.add((ls, VOID.triples, ox.Literal(str(count), datatype=XSD.integer)))
    g.update(register_graph(minter, used))
    return g


# --- sakrad-ld links check ------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something wrong with an identifier or link: where it is written, and what is wrong."""

    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


#: The files with identifiers and links, and the list key of their records.
_LINKED_FILES = {"organisations.yaml": "organisations", "bodies.yaml": "bodies", "people.yaml": "people"}


#: The most bytes a file of data/ read here may have (as any file of the project, and loading's shared files).
MAX_DATA_FILE = MAX_INPUT_FILE


def data_file(data_dir: Path, name: str) -> Path | None:
    """``data_dir / name``, a file of data/ to read; None where there is nothing. As loading refuses
    a data file (``corpus._read``, ``corpus.read_source_copies``), an InputError naming it, before
    anything is read, where ``name`` is absolute or has ``..`` in it, or the path (a link, or a
    folder on its way that is one) leads out of ``data_dir``, to nothing or round in a loop; or it is
    a folder, a device, FIFO or socket, or a file of more than :data:`MAX_DATA_FILE` bytes. So no file
    from elsewhere is read, quoted in a message or written into a proposal."""
    path = data_dir / name
    expected = "a file in data/ (a link may lead only to a file there)"
    if Path(name).is_absolute() or ".." in Path(name).parts:
        raise InputError(Where(path, 0), "the path leaves data/ (it is absolute or has '..' in it)", expected)
    if not path.exists() and not path.is_symlink():
        return None
    check_input(path, root=data_dir, max_bytes=MAX_DATA_FILE, expected=expected)
    return path


def _data_files(data_dir: Path, names: Iterable[str]) -> dict[str, Path | None]:
    """:func:`data_file` of each name; every refusal at once (InputErrors)."""
    found: dict[str, Path | None] = {}
    errors: list[InputError] = []
    for name in names:
        try:
            found[name] = data_file(data_dir, name)
        except InputError as error:
            errors.append(error)
    if errors:
        raise InputErrors(errors)
    return found


def check_offline(data_dir: Path) -> list[Problem]:
    """Re-checks every identifier and link in ``data_dir`` without the network: format, check digit,
    known scheme or register, a source for each, and Lagrummet IRIs against the project's extract.

    Reads the YAML on its own, not through the loader, so it is a second, independent check and
    reports every problem even where the loader would stop at the first file. A file it reads that
    leads out of ``data_dir`` is refused unread, an InputErrors naming each (:func:`data_file`).
    """
    files = _data_files(data_dir, [LAGRUMMET_EXTRACT, _SOURCES, *_LINKED_FILES])
    lagrummet = _lagrummet_names(files[LAGRUMMET_EXTRACT])
    kept = _kept_text(files[LAGRUMMET_EXTRACT])
    texts = _source_texts(data_dir, files[_SOURCES])
    problems: list[Problem] = []
    for file, key in _LINKED_FILES.items():
        path = files[file]
        if path is None:
            continue
        for i, record in enumerate(_records(path, key)):
            at = f"{key}[{i}]"
            legal = record.get("legal_name", (None, 0))[0]
            for j, ident in enumerate(_items(record, "identifiers")):
                problems += _check_identifier(
                    path, f"{at}.identifiers[{j}]", ident, legal if isinstance(legal, str) else None, texts
                )
            for j, link in enumerate(_items(record, "links")):
                problems += _check_link(path, f"{at}.links[{j}]", link, _name(record), lagrummet, kept)
            problems += _second_of_a_kind(path, at, record)
    return problems


def _second_of_a_kind(path: Path, at: str, record: dict[str, tuple[object, int]]) -> list[Problem]:
    """A second identifier of one scheme, or a second link to one register, on one record: both would be
    the record's one identifier node of that scheme (``…/identifier/orgnr``), as the load refuses
    (``registered.check_registered``)."""
    out: list[Problem] = []
    for kind, field in (("identifiers", "scheme"), ("links", "register")):
        seen: dict[object, int] = {}
        for j, item in enumerate(_items(record, kind)):
            name, line = item.get(field, (None, item["__line__"][1]))
            if name in seen:
                out.append(
                    Problem(
                        Where(path, line, f"{at}.{kind}[{j}].{field}"),
                        f"a second {name} {kind[:-1]} beside {at}.{kind}[{seen[name]}]: a record has one of each "
                        f"{field}, published as one node (…/identifier/{name}); keep the current one and write a "
                        "former one in its note",
                    )
                )
            seen.setdefault(name, j)
    return out


#: The file of data/ that lists the sources, whose ``file`` keeps a page's text.
_SOURCES = "sources.yaml"


def _kept_text(path: Path | None) -> str:
    """The text of the project's Lagrummet extract, or empty where there is none."""
    return read_input_text(path, expected="Lagrummet's organisation lists in Turtle") if path is not None else ""


def _source_texts(data_dir: Path, path: Path | None) -> Callable[[str], str | None]:
    """The kept text (``file``) of the source in ``sources.yaml`` whose ``url`` is the address asked
    for, read when first asked (a file that leads out of data/ is refused, :func:`data_file`); None
    where no source with that address has a file."""
    files: dict[str, str] = {}
    for record in _records(path, "sources") if path is not None else []:
        url, file = record.get("url", (None, 0))[0], record.get("file", (None, 0))[0]
        if isinstance(url, str) and isinstance(file, str):
            files.setdefault(url, file)
    read: dict[str, str | None] = {}

    def text(url: str) -> str | None:
        if url not in read:
            found = data_file(data_dir, files[url]) if url in files else None
            read[url] = read_input_text(found, root=data_dir, max_bytes=MAX_DATA_FILE) if found else None
        return read[url]

    return text


def _check_identifier(
    path: Path,
    at: str,
    ident: dict[str, tuple[object, int]],
    legal_name: str | None = None,
    texts: Callable[[str], str | None] = lambda _: None,
) -> list[Problem]:
    out: list[Problem] = []
    scheme, line = ident.get("scheme", (None, ident["__line__"][1]))
    value, vline = ident.get("value", (None, line))
    if scheme != "orgnr":
        out.append(
            Problem(
                Where(path, line, f"{at}.scheme"),
                f"unknown identifier scheme {scheme!r}; the known scheme is 'orgnr' (Swedish organisation number)",
            )
        )
    elif not isinstance(value, str):
        out.append(Problem(Where(path, vline, f"{at}.value"), "the organisation number is missing"))
    else:
        if (err := refusal(value)) is not None:
            from stdnum.exceptions import InvalidChecksum  # imported by refusal() already

            if isinstance(err, InvalidChecksum):
                message = f"{value!r}: the check digit is wrong (Luhn); copy the number again from the source"
            else:
                message = f"{value!r} is not an organisation number NNNNNN-NNNN ({err.message.rstrip('.')})"
            out.append(Problem(Where(path, vline, f"{at}.value"), message))
        elif (reason := not_an_organisation_number(value)) is not None:
            out.append(
                Problem(
                    Where(path, vline, f"{at}.value"),
                    f"{value!r} is not an organisation number: {reason}; publish no number, or copy the "
                    "organisation's own number from the register",
                )
            )
        elif legal_name and (mismatch := form_mismatch(orgnr_compact(value), legal_forms(legal_name))):
            out.append(
                Problem(
                    Where(path, vline, f"{at}.value"),
                    f"{value!r} cannot be the number of {legal_name!r} (the legal_name): {mismatch}; copy the "
                    "number again from the register entry of this organisation",
                )
            )
    out += _check_source(path, at, ident, line)
    out += _check_copy(path, at, ident, str(scheme))
    out += _check_register(path, at, ident, str(scheme), texts)
    return out


def _check_register(
    path: Path,
    at: str,
    item: dict[str, tuple[object, int]],
    register: str,
    texts: Callable[[str], str | None] = lambda _: None,
) -> list[Problem]:
    """``register`` only for a source on the register's own host that is the page of the item (for an
    organisation number: whose address or kept text shows it; the loader refuses it too, attested.py)."""
    status, line = item.get("status", (None, item["__line__"][1]))
    claimed = item.get("iri", item.get("value", (None, 0)))[0]  # the item the register's page must be of
    source = item.get("source", (None, 0))[0]
    text = texts(source) if isinstance(source, str) and status == "register" and register == "orgnr" else None
    problem = register_source_problem(status, source, register, claimed, text)
    return [Problem(Where(path, line, f"{at}.status"), problem + "; write secondary")] if problem else []


def _check_copy(path: Path, at: str, item: dict[str, tuple[object, int]], register: str) -> list[Problem]:
    """``register-copy`` only for a source that is a copy the register's keeper publishes (:data:`KEEPER_COPIES`)."""
    status, line = item.get("status", (None, item["__line__"][1]))
    source = item.get("source", (None, 0))[0]
    if status != "register-copy" or confirmed(status, source if isinstance(source, str) else None, register):
        return []
    return [
        Problem(
            Where(path, line, f"{at}.status"),
            f"register-copy, but {unconfirmed_copy(source if isinstance(source, str) else None, register)}; "
            'write secondary (docs/links.md, "Which sources confirm")',
        )
    ]


def _check_link(
    path: Path,
    at: str,
    link: dict[str, tuple[object, int]],
    name: str | None,
    lagrummet: dict[str, set[str]],
    kept: str = "",
) -> list[Problem]:
    line = link["__line__"][1]
    register_name, rline = link.get("register", (None, line))
    iri, iline = link.get("iri", (None, line))
    out: list[Problem] = []
    register = REGISTERS.get(str(register_name))
    if register is None or register.name == "dataportal":
        known = ", ".join(n for n in REGISTERS if n != "dataportal")
        out.append(
            Problem(
                Where(path, rline, f"{at}.register"),
                f"unknown register {register_name!r}; "
                f"expected one of {known} (dataportal IRIs are derived from the orgnr)",
            )
        )
    elif wrong := not_of_register(iri, register.name):  # the load's check (registered.check_registered)
        out.append(Problem(Where(path, iline, f"{at}.iri"), wrong))
    elif register.name == "lagrummet" and iri not in lagrummet:
        out.append(
            Problem(
                Where(path, iline, f"{at}.iri"),
                f"{iri} is not in Lagrummet's organisation lists "
                f"(data/{LAGRUMMET_EXTRACT}); copy the entry from the list, never make one up",
            )
        )
    elif register.name == "lagrummet" and name not in lagrummet[iri]:
        out.append(
            Problem(
                Where(path, iline, f"{at}.iri"),
                f"Lagrummet names {iri} {' / '.join(sorted(lagrummet[iri]))}, not {name!r}",
            )
        )
    elif register.name == "lagrummet" and (tied := _tied_to_copy(link, str(iri), kept)) is not None:
        out.append(Problem(Where(path, link.get("source", (None, line))[1], f"{at}.source"), tied))
    out += _check_source(path, at, link, line)
    out += _check_copy(path, at, link, str(register_name))
    out += _check_register(path, at, link, str(register_name))
    return out


def _tied_to_copy(link: dict[str, tuple[object, int]], iri: str, kept: str) -> str | None:
    """Why a confirmed ``register-copy`` link to Lagrummet is not tied to the file and commit the kept copy
    was taken from (:func:`registered.copy_source_problem`, as the load checks it), or None."""
    status, source = link.get("status", (None, 0))[0], link.get("source", (None, 0))[0]
    if (
        not kept
        or status != "register-copy"
        or not isinstance(source, str)
        or not confirmed(status, source, "lagrummet")
    ):
        return None  # no kept copy: the IRI is refused as not in the lists (or the project keeps none)
    problem = copy_source_problem(source, iri, "lagrummet", kept, f"data/{LAGRUMMET_EXTRACT}")
    return problem + "; cite the file the kept copy names, at its commit" if problem else None


def _check_source(path: Path, at: str, item: dict[str, tuple[object, int]], line: int) -> list[Problem]:
    source, sline = item.get("source", (None, line))
    if not isinstance(source, str) or not re.fullmatch(r"https?://\S+", source):
        return [
            Problem(
                Where(path, sline, f"{at}.source"),
                "no source: give the http(s) address of the page "
                "the identifier or link was read from (a claim without a source is not published)",
            )
        ]
    return []


def _lagrummet_names(path: Path | None) -> dict[str, set[str]]:
    """IRI → names, from the project's Lagrummet extract (empty if the project has none); an
    InputError naming its file and line where it is not Turtle."""
    if path is None:
        return {}
    try:
        graph = Graph.parse(read_input(path, expected="Lagrummet's organisation lists in Turtle"), ox.RdfFormat.TURTLE)
    except SyntaxError as error:
        raise InputError(
            Where(path, error.lineno or 0), f"not Turtle: {error.msg}", "Lagrummet's organisation lists in Turtle"
        ) from None
    out: dict[str, set[str]] = {}
    for s, _, name in graph.triples(None, FOAF.name, None):
        out.setdefault(s.value, set()).add(name.value)
    return out


def _records(path: Path, key: str) -> list[dict[str, tuple[object, int]]]:
    node = compose_file(path, MAX_DATA_FILE)  # a YAML syntax error is an InputError (bad input, exit code 2)
    top = _mapping(node) if isinstance(node, yaml.MappingNode) else {}
    seq = top.get(key, (None, 0))[0]
    return [item for item in seq if isinstance(item, dict)] if isinstance(seq, list) else []


def _items(record: dict[str, tuple[object, int]], key: str) -> list[dict[str, tuple[object, int]]]:
    seq = record.get(key, (None, 0))[0]
    return [item for item in seq if isinstance(item, dict)] if isinstance(seq, list) else []


def _name(record: dict[str, tuple[object, int]]) -> str | None:
    name = record.get("name", (None, 0))[0]
    if isinstance(name, dict):  # a Text: {sv: …, en: …}
        name = name.get("sv", (None, 0))[0]
    return name if isinstance(name, str) else None


def _mapping(node: yaml.Node) -> dict[str, tuple[object, int]]:
    """A YAML mapping as key → (value, line); nested mappings and sequences converted alike."""
    out: dict[str, tuple[object, int]] = {"__line__": (None, node.start_mark.line + 1)}
    for k, v in node.value:
        out[str(k.value)] = (_value(v), v.start_mark.line + 1)
    return out


def _value(node: yaml.Node) -> object:
    if isinstance(node, yaml.MappingNode):
        return _mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return [_value(n) for n in node.value]
    return node.value


@dataclass(frozen=True)
class Target:
    """An IRI to dereference: a link target (``kind`` link) or the page a claim was read from (source)."""

    iri: str
    kind: str
    register: str | None
    subject: str


@dataclass(frozen=True)
class TargetStatus:
    """What dereferencing a target gave: the HTTP status (None if no answer) and whether that is a problem."""

    target: Target
    url: str
    status: int | None
    detail: str
    problem: bool

    def __str__(self) -> str:
        code = self.status if self.status is not None else "---"
        note = "" if self.url == self.target.iri else f" (fetched {_one_line(self.url)})"
        return f"{code} {self.target.kind:<6} {_one_line(self.target.iri)}{note}: {_one_line(self.detail)}"


_BREAKS = re.compile(r"[\x00-\x20\x7f-\xa0\u2028\u2029]+")


def _one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line (each run of spaces, line breaks and other control characters one space),
    cut to ``limit`` characters: one target, one line of the report."""
    text = _BREAKS.sub(" ", text).strip()
    return text if len(text) <= limit else text[:limit] + "…"


def link_targets(graph: Index) -> list[Target]:
    """Every link target and every source page of an identifier in ``graph``, sorted (http(s) only)."""
    found: dict[tuple[str, str], Target] = {}
    for r in REGISTERS.values():
        # a confirmed link, and an unconfirmed one (rdfs:seeAlso), which is checked to be confirmed
        for predicate in (r.predicate, RDFS.seeAlso):
            for o in graph.objects_of(predicate):
                if isinstance(o, ox.NamedNode) and r.local(o.value) is not None:
                    for s in graph.subjects_of(predicate, o):
                        found.setdefault((o.value, "link"), Target(o.value, "link", r.name, s.value))
    for node in graph.subjects_of(RDF.type, ADMS.Identifier):
        for source in graph.objects(node, DCTERMS.source):
            if isinstance(source, ox.NamedNode) and source.value.startswith(("http://", "https://")):
                found.setdefault((source.value, "source"), Target(source.value, "source", None, node.value))
    return [found[k] for k in sorted(found)]


#: Fetches a URL: returns (status, detail); status None when there was no HTTP answer.
Fetch = Callable[[str, float], tuple[int | None, str]]


def check_online(
    targets: Sequence[Target],
    rewrite: Sequence[tuple[str, str]] = (),
    timeout: float = 10.0,
    fetch: Fetch | None = None,
    workers: int = 8,
) -> list[TargetStatus]:
    """Dereferences every target (HEAD, then GET where HEAD is refused) and reports its status.

    ``rewrite`` maps IRI prefixes to other URLs (a mirror, or a local test server); the longest
    matching prefix wins. A failure is a problem unless the register does not promise to resolve.
    """
    rules = sorted(rewrite, key=lambda pr: -len(pr[0]))
    get = fetch or http_status

    def one(target: Target) -> TargetStatus:
        url = next((new + target.iri[len(old) :] for old, new in rules if target.iri.startswith(old)), target.iri)
        status, detail = get(url, timeout)
        # the final answer must be a document (2xx): a redirect that is not followed to one (a loop,
        # too many, no Location) resolves to nothing, whatever its status
        ok = status is not None and 200 <= status < 300
        promised = target.register is None or REGISTERS[target.register].resolves
        if not ok and not promised:
            detail += " (this register does not promise that its IRIs resolve)"
        return TargetStatus(target, url, status, detail, problem=not ok and promised)

    from concurrent.futures import ThreadPoolExecutor  # only when online: not imported by a build

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(one, targets))


_ACCEPT = "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.9, text/html;q=0.5, */*;q=0.1"


def http_status(url: str, timeout: float) -> tuple[int | None, str]:
    """The final HTTP status of ``url`` after redirects: HEAD, and GET if the server refuses HEAD;
    all within ``timeout`` seconds. A socket's timeout bounds each wait for a byte, so a server that
    sends its headers one byte a second would never be given up on: the request runs in a daemon
    thread that is left behind (:func:`sakrad_ld.deadline.within`, as the import's fetch of a page)."""
    from ..deadline import within

    asked = within(timeout, lambda: _http_status(url, timeout), name="links-check")
    if not asked.done:  # still waiting: the daemon thread ends with the process
        return None, f"no answer within {timeout:g} s"
    if asked.error is not None:  # any failure of one target is that target's answer
        return None, f"no answer: {type(asked.error).__name__}: {str(asked.error)[:200]}"
    return asked.value if asked.value is not None else (None, "no answer")


def _http_status(url: str, timeout: float) -> tuple[int | None, str]:
    """:func:`http_status` without its deadline (``timeout`` bounds each wait for a byte)."""
    import http.client  # only when online: not imported by a build (about 9 ms)
    import urllib.error
    import urllib.parse
    import urllib.request

    class HttpOnly(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            if not urllib.parse.urljoin(req.full_url, newurl).lower().startswith(("http://", "https://")):
                raise urllib.error.HTTPError(
                    req.full_url, code, f"redirected to {newurl[:200]}, which is not an http(s) URL", headers, fp
                )
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    if not url.startswith(("http://", "https://")):
        return None, "not an http(s) URL"
    opener = urllib.request.build_opener(HttpOnly())
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(
            url, method=method, headers={"Accept": _ACCEPT, "User-Agent": "sakrad-ld links check"}
        )
        try:
            with opener.open(request, timeout=timeout) as response:
                return response.status, "OK" if response.url == url else f"OK after redirect to {response.url}"
        except urllib.error.HTTPError as err:
            if method == "HEAD" and err.code in (405, 501):
                continue
            reason = str(err.reason)
            if err.code < 400 and reason.startswith("The HTTP server returned a redirect error"):
                # urllib's words span three lines; the last is the last redirect's reason
                last = reason.rsplit("\n", 1)[-1]
                return err.code, f"a redirect loop, or more than 10 redirects (the last: {err.code} {last})"
            if err.code < 400:
                return err.code, f"a redirect that leads to no document: {reason}"
            return err.code, reason
        except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as err:
            # HTTPException: an answer that is not HTTP, or a header line over 65,536 bytes (LineTooLong)
            reason = getattr(err, "reason", err)
            return None, f"no answer: {str(reason)[:200]}"
    return None, "no answer"
