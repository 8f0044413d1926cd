"""The vocabularies the graph is written in.

Reused vocabularies come from rdflib (closed namespaces where rdflib has them) or are declared
here; our own terms are a closed namespace, so a misspelt term fails at import time and a test
checks the list against ``ontology/sakrad.ttl``.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    TIME,
    VOID,
    XSD,
    DefinedNamespace,
)

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
    "SKOS",
    "SPDX",
    "TIME",
    "VCARD",
    "VOID",
    "XSD",
    "ONTOLOGY_IRI",
    "PREFIXES",
    "ROLE_SCHEME",
]

M8G = Namespace("http://data.europa.eu/m8g/")
LEGAL = Namespace("http://www.w3.org/ns/legal#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
LOCN = Namespace("http://www.w3.org/ns/locn#")
PERSON = Namespace("http://www.w3.org/ns/person#")
SCHEMA = Namespace("https://schema.org/")
DQV = Namespace("http://www.w3.org/ns/dqv#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

ONTOLOGY_IRI = URIRef("https://w3id.org/sakrad/ontology")


class SAKRAD(DefinedNamespace):
    """Terms minted by sakrad-ld, each related to the nearest standard term in the ontology."""

    _NS = Namespace("https://w3id.org/sakrad/ontology#")
    _fail = True

    # classes
    Sakrad: URIRef  # a consultation meeting; subclass of m8g:PublicEvent
    SakradSeries: URIRef  # a sakråd held as a series of sessions
    StatedCount: URIRef  # a number as a source states it
    DiscussionArea: URIRef
    Note: URIRef
    PostHolding: URIRef
    VerificationStatus: URIRef
    # properties of a sakråd
    topic: URIRef
    purpose: URIRef
    processDescription: URIRef
    handlingOfViews: URIRef
    question: URIRef
    discussionArea: URIRef
    invitedOrganisationCount: URIRef
    participatingOrganisationCount: URIRef
    participantCount: URIRef
    invitedDescription: URIRef
    organisationListComplete: URIRef
    listedOrganisationCount: URIRef  # derived: counted by the publisher
    statedPresentationCount: URIRef
    presentationsDescription: URIRef
    pressContact: URIRef
    caseNumber: URIRef
    derivedDate: URIRef
    derivation: URIRef
    # properties of a stated count
    wording: URIRef
    approximate: URIRef
    # notes
    note: URIRef
    aboutProperty: URIRef
    # properties of a participation
    inCapacityOf: URIRef
    # posts held, dated by a source
    heldPost: URIRef
    post: URIRef
    attestedOn: URIRef
    # the identifier scheme of Swedish organisation numbers
    OrganisationsnummerScheme: URIRef
    # how an identifier or link was verified (adms:status)
    verification: URIRef
    RegisterConfirmed: URIRef
    RegisterCopy: URIRef
    SecondarySource: URIRef
    RetiredEntry: URIRef
    Derived: URIRef
    # no longer in the data; kept until the pages stop naming them
    statedOrganisationCount: URIRef
    statedOrganisationCountText: URIRef


class ROLE(DefinedNamespace):
    """Participation roles (a SKOS concept scheme, ``ontology/roles.ttl``)."""

    _NS = Namespace("https://w3id.org/sakrad/role/")
    _fail = True

    chair: URIRef
    participatingOrganisation: URIRef
    presenter: URIRef
    governmentParticipant: URIRef
    participatingAgency: URIRef
    contact: URIRef  # no longer used: a contact person is a contact point, not a participant
    convener: URIRef


ROLE_SCHEME = URIRef("https://w3id.org/sakrad/role")

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
    "role": str(ROLE._NS),
    "sakrad": str(SAKRAD._NS),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "spdx": str(SPDX),
    "time": str(TIME),
    "vcard": str(VCARD),
    "void": str(VOID),
    "xsd": str(XSD),
}
