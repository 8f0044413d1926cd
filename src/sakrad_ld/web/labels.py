"""Names for resources and vocabulary terms as people read them: Swedish first, English where present.

A resource is named by its own label in the store (``skos:prefLabel``, ``rdfs:label``,
``dct:title``, ``foaf:name``, ``schema:name``, in that order — :data:`sakrad_ld.web.describe.LABELS`).
Reused vocabulary terms that the store does not label are named from ``assets/term-labels.tsv``;
a resource the data identifies by what it is of, with no label of its own (a VoID class or property
partition, https://www.w3.org/TR/void/#class-property-partitions), by that ("klasspartition:
sakråd"/"class partition: sakråd (consultation with civil society)", :data:`NAMED_BY`); anything
else by its compact IRI (``dct:foo``) or, failing that, the IRI itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from ..vocab import DCTERMS, FOAF, PREFIXES, RDF, SCHEMA, VOID
from .describe import LABELS

__all__ = [
    "NAMED_BY",
    "Labeller",
    "Text",
    "compact",
    "literal_language",
    "objects",
    "statements",
    "term_labels",
    "text_of",
    "told_apart",
    "value",
]

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass(frozen=True)
class Text:
    """A text in its main language (Swedish where there is Swedish), with English beside it if it differs."""

    main: str
    en: str | None = None
    lang: str = "sv"  # the language of ``main``; "" when it has none (a code, a number, an address)
    #: the end of ``en`` that is Swedish: a name with no English of its own inside an English label
    #: ("participating organisation: Frälsningsarmén"), marked ``lang="sv"`` on English pages
    sv_tail: str | None = None

    def __str__(self) -> str:
        return self.main


def objects(store: ox.Store, subject: Term | None, predicate: ox.NamedNode) -> list[Term]:
    """The objects of ``subject predicate ?o`` in every graph, each once, in a stable order."""
    if not isinstance(subject, ox.NamedNode | ox.BlankNode):
        return []
    direct = getattr(store, "triples_for_pattern", None)  # the build's triples in memory: no quad made
    if direct is not None:
        found = [t[2] for t in direct(subject, predicate, None)]
    else:
        found = [q.object for q in store.quads_for_pattern(subject, predicate, None)]
    return found if len(found) < 2 else sorted(dict.fromkeys(found), key=str)


def statements(store: ox.Store, subject: Term | None) -> dict[Term, list[Term]]:
    """Everything ``subject`` says, read at once: predicate → its :func:`objects`."""
    if not isinstance(subject, ox.NamedNode | ox.BlankNode):
        return {}
    direct = getattr(store, "triples_for_pattern", None)
    if direct is not None:
        found_triples = direct(subject, None, None)
    else:
        found_triples = ((q.subject, q.predicate, q.object) for q in store.quads_for_pattern(subject, None, None))
    said: dict[Term, dict[Term, None]] = {}
    for _, p, o in found_triples:
        found = said.get(p)
        if found is None:
            said[p] = {o: None}
        else:
            found[o] = None
    return {p: list(found) if len(found) < 2 else sorted(found, key=str) for p, found in said.items()}


#: Words of a text: a run of letters standing alone (not the "dct" of "dct:title", the "SE" of an
#: organisation number "SE802002…", a part of an address).
_WORD = re.compile(r"(?<![^\s(\[\"'„”])[^\W\d_]{2,}(?=[\s,.;!?)\]\"'”]|$)")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def literal_language(literal: ox.Literal) -> str:
    """The language of a literal's text: its tag; for a string without one, Swedish (the dataset's
    language: its text is Swedish where it is words, "Skatteverket (organisationsnummerregistret)",
    "Karin Strandås") when it is words, not an address, an e-mail, a code or a number; else ""."""
    if literal.language:
        return literal.language
    text = literal.value
    if literal.datatype.value != _XSD_STRING or "://" in text or "@" in text or not _WORD.search(text):
        return ""
    return "sv"


def value(store: ox.Store, subject: Term | None, predicate: ox.NamedNode) -> Term | None:
    """One object of ``subject predicate ?o`` (the first in :func:`objects` order), or None."""
    found = objects(store, subject, predicate)
    return found[0] if found else None


def text_of(found: Iterable[Term]) -> Text | None:
    """The text among ``found`` (a predicate's objects) in Swedish, English beside it, or None."""
    return _choose([o for o in found if isinstance(o, ox.Literal)])


def _choose(literals: list[ox.Literal]) -> Text | None:
    """The Swedish (else untagged, else English, else any) text, and the English one beside it."""
    by_lang: dict[str, ox.Literal] = {}
    for lit in sorted(literals, key=str):
        by_lang.setdefault((lit.language or "").lower(), lit)
    for lang in ("sv", "", "en", *sorted(by_lang)):
        if lang in by_lang:
            en = by_lang["en"].value if "en" in by_lang else None
            main = by_lang[lang]
            return Text(main.value, en if en != main.value else None, lang or literal_language(main))
    return None


#: Resources named by what they are of where they have no label: a VoID partition by its class or
#: property (``void:class``, ``void:property``), with the name of the link to such a resource, the
#: kind of resource it is (``void:classPartition``: "klassuppdelning"/"class partition").
NAMED_BY: tuple[tuple[ox.NamedNode, ox.NamedNode], ...] = (
    (VOID["class"], VOID.classPartition),
    (VOID.property, VOID.propertyPartition),
)


@cache
def term_labels() -> dict[str, Text]:
    """The labels of reused vocabulary terms (``assets/term-labels.tsv``), by full IRI."""
    out: dict[str, Text] = {}
    table = (Path(__file__).resolve().parent.parent / "assets" / "term-labels.tsv").read_text("utf-8")
    for n, line in enumerate(table.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        curie, sv, en = line.split("\t")
        prefix, _, local = curie.partition(":")
        if prefix not in PREFIXES:
            raise ValueError(
                f"term-labels.tsv line {n}: unknown prefix {prefix!r}; use one of sakrad_ld.vocab.PREFIXES"
            )
        # a word the same in both languages ("person") is in neither alone: no lang mark on either page
        out[PREFIXES[prefix] + local] = Text(sv, en) if en != sv else Text(sv, None, lang="")
    return out


def _subjects(store: ox.Store, predicate: ox.NamedNode) -> Iterable[tuple[Term, Term]]:
    """(subject, object) of every ``?s predicate ?o``."""
    direct = getattr(store, "triples_for_pattern", None)
    if direct is not None:
        return [(t[0], t[2]) for t in direct(None, predicate, None)]
    return [(q.subject, q.object) for q in store.quads_for_pattern(None, predicate, None)]


def told_apart(store: ox.Store) -> dict[Term, str]:
    """Each document (``foaf:Document``) whose ``dct:title`` another document has too, with what
    tells it from them, the first of these that differs for every one of the same title: the host
    of its address (``regstat.regeringen.se``/``www.regeringen.se``), its address's first folder
    (``www.regeringen.se/sakrad``/``www.regeringen.se/artiklar``), its date of publication, its
    identifier. A reader can then tell which document a fact is from where sources are named by
    their titles ("Källa: X (regstat.regeringen.se), X (www.regeringen.se)")."""
    documents = {s for s, o in _subjects(store, RDF.type) if o == FOAF.Document}
    by_title: dict[str, list[Term]] = {}
    for s, title in _subjects(store, DCTERMS.title):
        if s in documents and isinstance(title, ox.Literal):
            by_title.setdefault(title.value, [])
            if s not in by_title[title.value]:
                by_title[title.value].append(s)
    out: dict[Term, str] = {}
    for same in by_title.values():
        if len(same) < 2:
            continue
        ways = [[_distinction(store, doc, way) for doc in same] for way in range(4)]
        told = next((w for w in ways if all(w) and len(set(w)) == len(w)), ways[-1])
        out.update(zip(same, told, strict=True))
    return out


def _distinction(store: ox.Store, doc: Term, way: int) -> str:
    """The ``way``-th thing that may tell ``doc`` apart (:func:`told_apart`), "" if it has none."""
    if way < 2:
        address = value(store, doc, SCHEMA.url)
        if not isinstance(address, ox.Literal | ox.NamedNode) or "://" not in address.value:
            return ""
        host, _, path = address.value.split("://", 1)[1].partition("/")
        folder = path.split("/", 1)[0]
        return host if way == 0 else f"{host}/{folder}" if folder else host
    if way == 2:
        issued = value(store, doc, DCTERMS.issued)
        return issued.value if isinstance(issued, ox.Literal) else ""
    if isinstance(doc, ox.NamedNode):
        return doc.value.rstrip("/").rsplit("/", 1)[-1]
    return ""


def compact(iri: str) -> str:
    """``dct:title`` for ``http://purl.org/dc/terms/title``; the IRI itself when no prefix fits."""
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")) and len(iri) > len(ns):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else iri


class Labeller:
    """Labels from one store, each looked up once."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._cache: dict[Term, Text] = {}
        self._apart: dict[Term, str] | None = None
        self._at: dict[str, ox.NamedNode] | None = None

    def text(self, subject: Term | None, predicate: ox.NamedNode) -> Text | None:
        """The text value of ``subject predicate`` in Swedish (English beside it), or None."""
        return text_of(objects(self.store, subject, predicate))

    def label(self, term: Term) -> Text | None:
        """The store's own label of ``term``, or None if it has none."""
        if isinstance(term, ox.Literal):
            return Text(term.value, None, literal_language(term))
        for predicate in LABELS:
            if (found := self.text(term, predicate)) is not None:
                told = self._told_apart().get(term) if predicate == DCTERMS.title else None
                if told:  # another document has the same title: say which this one is
                    return Text(f"{found.main} ({told})", f"{found.en} ({told})" if found.en else None, found.lang)
                return found
        return None

    def document_at(self, address: str) -> ox.NamedNode | None:
        """The document (``foaf:Document``) the data describes at ``address`` (its ``schema:url``), if
        exactly one."""
        if self._at is None:
            documents = {s for s, o in _subjects(self.store, RDF.type) if o == FOAF.Document}
            found: dict[str, list[ox.NamedNode]] = {}
            for s, url in _subjects(self.store, SCHEMA.url):
                if s in documents and isinstance(s, ox.NamedNode) and isinstance(url, ox.Literal | ox.NamedNode):
                    found.setdefault(url.value, [])
                    if s not in found[url.value]:
                        found[url.value].append(s)
            self._at = {url: docs[0] for url, docs in found.items() if len(docs) == 1}
        return self._at.get(address)

    def _told_apart(self) -> dict[Term, str]:
        """What tells a document apart from the others of the same title (two copies of one article
        on two hosts, a sakråd's page and the article about it): :func:`told_apart`, read once."""
        if self._apart is None:
            self._apart = told_apart(self.store)
        return self._apart

    def _named_by(self, term: ox.NamedNode) -> Text | None:
        """``term`` named by what it is of (:data:`NAMED_BY`), in both languages, with that term's
        compact IRI, as two terms may have one label ("person" is foaf:Person's and person:Person's):
        "klassuppdelning: sakråd (sakrad:Sakrad)", "class partition: sakråd (consultation with civil
        society) (sakrad:Sakrad)"; a name without English stays Swedish inside the English (``sv_tail``)."""
        for predicate, link in NAMED_BY:
            target = value(self.store, term, predicate)
            if isinstance(target, ox.NamedNode):
                kind = term_labels()[link.value]
                of = self.of(target)
                curie = compact(target.value)
                tail = f"{of.main} ({curie})" if of.en is None and of.lang == "sv" else None
                return Text(f"{kind.main}: {of.main} ({curie})", f"{kind.en}: {of.en or of.main} ({curie})", "sv", tail)
        return None

    def of(self, term: Term) -> Text:
        """A name for ``term`` that is never empty."""
        if term in self._cache:
            return self._cache[term]
        found = self.label(term)
        if found is None and isinstance(term, ox.NamedNode):
            found = term_labels().get(term.value) or self._named_by(term) or Text(compact(term.value), None, "")
        if found is None:
            found = Text(str(term), None, "")
        self._cache[term] = found
        return found
