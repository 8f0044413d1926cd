"""The vocabularies the graph is written in, as pyoxigraph IRIs: the one place a term is made.

Each namespace makes each of its terms once, on first use, as a ``pyoxigraph.NamedNode``; every
module of the package names terms through it. Our own namespaces are closed, so a misspelt term
fails at once, and a test checks their lists against ``ontology/sakrad.ttl``. The reused
vocabularies are open here; a test checks every term the package makes of them against the
vocabulary's published terms. The edges that hand a graph to rdflib (pySHACL, the tests) convert
the terms there (:mod:`sakrad_ld.rdflib_edge`).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

__all__ = [
    "ADMS",
    "DCAT",
    "DCTERMS",
    "DQV",
    "FOAF",
    "LEGAL",
    "LOCN",
    "M8G",
    "ORG",
    "OWL",
    "PERSON",
    "PROV",
    "RDF",
    "RDFS",
    "ROLE",
    "SAKRAD",
    "SCHEMA",
    "SH",
    "SKOS",
    "SPDX",
    "TIME",
    "VANN",
    "VCARD",
    "VOID",
    "XSD",
    "Namespace",
    "closed_terms",
    "made_terms",
    "ONTOLOGY_IRI",
    "PREFIXES",
    "ROLE_SCHEME",
]


class Namespace:
    """The IRIs under one base. ``NS.term`` and ``NS["term"]`` give the same ``NamedNode`` every
    time; after its first use a term is a plain attribute, so naming it costs an attribute look-up.
    A closed namespace (given its ``terms``) refuses any other name with AttributeError or
    KeyError. Every public attribute is a term (``foaf:made`` is ``FOAF.made``): what the namespace
    itself knows is read with :func:`closed_terms` and :func:`made_terms`; ``str(NS)`` is the base."""

    def __init__(self, base: str, terms: Iterable[str] | None = None) -> None:
        self._base = base
        self._terms = None if terms is None else tuple(terms)
        self._made: dict[str, ox.NamedNode] = {}

    def __getitem__(self, name: str) -> ox.NamedNode:
        made = self._made.get(name)
        if made is None:
            if self._terms is not None and name not in self._terms:
                raise KeyError(f"{name!r} is not a term of the closed namespace {self._base}")
            made = self._made[name] = ox.NamedNode(self._base + name)
        return made

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            term = self[name]
        except KeyError as error:
            raise AttributeError(error.args[0]) from None
        self.__dict__[name] = term  # the next look-up finds it without this method
        return term

    def __contains__(self, term: object) -> bool:
        value = term.value if isinstance(term, ox.NamedNode) else str(term)
        if not value.startswith(self._base):
            return False
        return self._terms is None or value[len(self._base) :] in self._terms

    def __str__(self) -> str:
        return self._base

    def __repr__(self) -> str:
        return f"Namespace({self._base!r})"


def closed_terms(namespace: Namespace) -> tuple[str, ...] | None:
    """The names a closed namespace defines; None for an open one."""
    return namespace._terms


def made_terms(namespace: Namespace) -> tuple[str, ...]:
    """The names of the terms made of ``namespace`` so far (a test checks them against the vocabulary)."""
    return tuple(sorted(namespace._made))


ADMS = Namespace("http://www.w3.org/ns/adms#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
DQV = Namespace("http://www.w3.org/ns/dqv#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
LEGAL = Namespace("http://www.w3.org/ns/legal#")
LOCN = Namespace("http://www.w3.org/ns/locn#")
M8G = Namespace("http://data.europa.eu/m8g/")
ORG = Namespace("http://www.w3.org/ns/org#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
PERSON = Namespace("http://www.w3.org/ns/person#")
PROV = Namespace("http://www.w3.org/ns/prov#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
TIME = Namespace("http://www.w3.org/2006/time#")
VANN = Namespace("http://purl.org/vocab/vann/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
VOID = Namespace("http://rdfs.org/ns/void#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

ONTOLOGY_IRI = ox.NamedNode("https://w3id.org/sakrad/ontology")

#: Terms minted by sakrad-ld, each related to the nearest standard term in the ontology.
SAKRAD = Namespace(
    "https://w3id.org/sakrad/ontology#",
    (
        # classes
        "Sakrad",  # a consultation meeting; subclass of m8g:PublicEvent
        "SakradSeries",  # a sakråd held as a series of sessions
        "StatedCount",  # a number as a source states it
        "DiscussionArea",
        "Note",
        "PostHolding",
        "VerificationStatus",
        # properties of a sakråd
        "topic",
        "purpose",
        "processDescription",
        "handlingOfViews",
        "question",
        "discussionArea",
        "announcedDiscussionArea",
        "invitedOrganisationCount",
        "participatingOrganisationCount",
        "participantCount",
        "invitedDescription",
        "organisationListComplete",
        "listedOrganisationCount",  # derived: counted by the publisher
        "statedPresentationCount",
        "presentationsDescription",
        "pressContact",
        "caseNumber",
        "derivedDate",
        "derivation",
        "titleDerivation",
        "postInDerivation",
        "unitOfDerivation",
        "reportsToDerivation",
        "memberOfDerivation",
        "translationDerivation",
        "announcedOnly",
        "heldDerivation",
        "heldDerivedFrom",
        # properties of a stated count
        "wording",
        "approximate",
        "countedGroup",  # the one group a count counts, in the source's words
        # notes
        "note",
        "aboutProperty",
        # properties of a participation
        "inCapacityOf",
        "nameFrom",  # the document a participating organisation's shown name comes from (named.py)
        # posts held, dated by a source
        "heldPost",
        "post",
        "attestedOn",
        # the identifier scheme of Swedish organisation numbers
        "OrganisationsnummerScheme",
        # how an identifier or link was verified (adms:status)
        "verification",
        "confirmingStatus",
        "RegisterConfirmed",
        "RegisterCopy",
        "SecondarySource",
        "RetiredEntry",
        "Derived",
        # no longer in the data; kept until the pages stop naming them
        "statedOrganisationCount",
        "statedOrganisationCountText",
    ),
)

#: Participation roles (a SKOS concept scheme, ``ontology/roles.ttl``).
ROLE = Namespace(
    "https://w3id.org/sakrad/role/",
    (
        "chair",
        "participatingOrganisation",
        "presenter",
        "governmentParticipant",
        "participatingAgency",
        "contact",  # no longer used: a contact person is a contact point, not a participant
        "convener",
    ),
)

ROLE_SCHEME = ox.NamedNode("https://w3id.org/sakrad/role")

#: Prefixes written into Turtle and used when printing reports; one table for every writer.
PREFIXES: dict[str, str] = {
    "adms": str(ADMS),
    "dcat": str(DCAT),
    "dcatap": "http://data.europa.eu/r5r/",
    "dct": str(DCTERMS),
    "dqv": str(DQV),
    "foaf": str(FOAF),
    "geo": "http://www.opengis.net/ont/geosparql#",
    "legal": str(LEGAL),
    "locn": str(LOCN),
    "m8g": str(M8G),
    "oa": "http://www.w3.org/ns/oa#",
    "org": str(ORG),
    "owl": str(OWL),
    "person": str(PERSON),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "role": str(ROLE),
    "sakrad": str(SAKRAD),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "spdx": str(SPDX),
    "time": str(TIME),
    "vcard": str(VCARD),
    "void": str(VOID),
    "xsd": str(XSD),
}
