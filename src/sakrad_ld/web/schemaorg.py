"""schema.org descriptions embedded in the pages as JSON-LD (https://schema.org/Event,
https://schema.org/Organization, https://schema.org/Dataset), so search engines read what a page is
about. The context is inline (``@vocab`` schema.org), so a JSON-LD processor reads it offline;
``@id`` is the thing's IRI, the same as in the data.

Every value is read from the graph; nothing is assumed where the data states nothing (no
attendance mode, event status, offers or image: no source states them). In particular:

* ``identifier`` lists only the identifiers the data confirms: an ``adms:Identifier`` whose
  ``adms:status`` is a member of the ontology's ``sakrad:confirmingStatus`` and that the graph
  publishes as confirmed (``legal:legalIdentifier`` for an organisation number, ``owl:sameAs`` or
  ``skos:exactMatch`` to the register's IRI for a register link), each as a ``PropertyValue`` whose
  ``propertyID`` is the identifier's scheme (its ``dct:conformsTo``). An identifier read from a
  secondary source or a retired entry is left out: a consumer reads any ``identifier``, a
  ``PropertyValue`` with a note too, as the thing's own, and the page shows it with its status.
* ``sameAs`` lists the equivalences the graph publishes (``owl:sameAs``, ``skos:exactMatch``), never
  an ``rdfs:seeAlso``.
* ``name`` is the sakråd's title; where that is the data's own, no source's headline
  (``sakrad:titleDerivation``), ``disambiguatingDescription`` says so, with how it was made.
* ``startDate`` is ``schema:startDate``, which the graph has only for a stated day; a derived date
  (``sakrad:derivedDate``) is left out.
* ``parentOrganization`` is the body an organisation is a unit or part of where a source says so;
  one the data placed it in by its own rule (``sakrad:unitOfDerivation``) is left out, as a derived
  date is: a consumer reads ``parentOrganization`` as stated.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..registers.links import REGISTERS
from ..triples import RDF_TYPE
from ..vocab import ADMS, DCTERMS, FOAF, LEGAL, LOCN, M8G, ORG, OWL, RDFS, ROLE, SAKRAD, SCHEMA, SKOS
from .labels import Labeller, objects, text_of, value

__all__ = ["about", "dataset"]

_CONTEXT = {"@vocab": "https://schema.org/"}
#: The predicates of a published equivalence (docs/links.md): the only ones given as ``sameAs``.
_EQUIVALENCES = (OWL.sameAs, SKOS.exactMatch)


def _name(labels: Labeller, node: ox.NamedNode) -> str:
    return labels.of(node).main


def _government(store: ox.Store, node: ox.NamedNode, depth: int = 0) -> bool:
    """Whether the graph makes ``node`` a public organisation or a unit of one (a ministry, a unit)."""
    types = set(objects(store, node, RDF_TYPE))
    if M8G.PublicOrganisation in types:
        return True
    if ORG.OrganizationalUnit not in types or depth > 8:
        return False
    parent = value(store, node, ORG.unitOf) or value(store, node, ORG.subOrganizationOf)
    return isinstance(parent, ox.NamedNode) and _government(store, parent, depth + 1)


def _kind(store: ox.Store, node: ox.NamedNode) -> str:
    if FOAF.Person in set(objects(store, node, RDF_TYPE)):
        return "Person"
    return "GovernmentOrganization" if _government(store, node) else "Organization"


def _confirming(store: ox.Store) -> set[ox.Term]:
    """The statuses that confirm an identifier: the members of ``sakrad:confirmingStatus``."""
    return set(objects(store, SAKRAD.confirmingStatus, SKOS.member))


def _identifiers(store: ox.Store, node: ox.NamedNode) -> tuple[list[dict[str, str]], list[str]]:
    """The confirmed identifiers of ``node`` (``PropertyValue``) and its published equivalences."""
    same = sorted({o.value for p in _EQUIVALENCES for o in objects(store, node, p) if isinstance(o, ox.NamedNode)})
    legal = set(objects(store, node, LEGAL.legalIdentifier))
    confirming = _confirming(store)
    found = []
    for ident in objects(store, node, ADMS.identifier):
        notation = value(store, ident, SKOS.notation)
        scheme = value(store, ident, DCTERMS.conformsTo)
        if not isinstance(notation, ox.Literal) or not isinstance(scheme, ox.NamedNode):
            continue
        if not confirming & set(objects(store, ident, ADMS.status)):
            continue  # a secondary source, a retired entry, a derived link: not the thing's own identifier
        # published as confirmed: the organisation number as its legal identifier, a register's
        # identifier (dct:conformsTo <base>register/<name>) by the equivalence to the register's IRI
        register = REGISTERS.get(scheme.value.rsplit("/register/", 1)[-1])
        if ident not in legal and (register is None or register.uri_space + notation.value not in same):
            continue
        found.append({"@type": "PropertyValue", "propertyID": scheme.value, "value": notation.value})
    return sorted(found, key=lambda f: (f["propertyID"], f["value"])), same


def _agent(store: ox.Store, labels: Labeller, node: ox.NamedNode) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": _kind(store, node), "@id": node.value, "name": _name(labels, node)}
    alt = sorted(o.value for o in objects(store, node, SKOS.altLabel) if isinstance(o, ox.Literal))
    if alt:
        out["alternateName"] = alt
    identifiers, same = _identifiers(store, node)
    if identifiers:
        out["identifier"] = identifiers
    if same:
        out["sameAs"] = same
    homepage = value(store, node, FOAF.homepage)
    if homepage is not None:
        out["url"] = homepage.value
    parent = value(store, node, ORG.unitOf) or value(store, node, ORG.subOrganizationOf)
    derived = value(store, node, SAKRAD.unitOfDerivation) is not None  # placed there by the data's own rule
    if isinstance(parent, ox.NamedNode) and not derived:
        out["parentOrganization"] = {
            "@type": _kind(store, parent),
            "@id": parent.value,
            "name": _name(labels, parent),
        }
    return out


#: What ``disambiguatingDescription`` says of a sakråd whose title is the data's own, by language.
_OWN_TITLE = {
    "sv": "Namnet är datans egen rubrik, ingen källas",
    "en": "The name is the data's own title, no source's headline",
}


def about(
    store: ox.Store, iri: str, base: str, lang: str = "sv", labels: Labeller | None = None
) -> dict[str, Any] | None:
    """The schema.org description of a sakråd (Event), an organisation or body (Organization) or a
    person (Person); None for other things. Texts the description adds are in ``lang``; ``labels``,
    when given, is the site's one :class:`Labeller` (what it reads of the whole store read once)."""
    node = ox.NamedNode(iri)
    labels = labels or Labeller(store)
    types = set(objects(store, node, RDF_TYPE))
    if SAKRAD.Sakrad in types:
        out: dict[str, Any] = {"@context": _CONTEXT, "@type": "Event", "@id": iri, "name": _name(labels, node)}
        derivation = labels.text(node, SAKRAD.titleDerivation)
        if derivation is not None:  # the name is no source's headline: said beside it (the name is kept)
            how = derivation.en if lang == "en" and derivation.en else derivation.main
            out["disambiguatingDescription"] = f"{_OWN_TITLE.get(lang, _OWN_TITLE['sv'])}: {how}"
        date = value(store, node, SCHEMA.startDate)
        if date is not None:
            out["startDate"] = date.value
        place = value(store, node, DCTERMS.spatial)
        if isinstance(place, ox.NamedNode):
            name = labels.text(place, LOCN.geographicName) or labels.of(place)
            out["location"] = {"@type": "Place", "@id": place.value, "name": name.main}
        organiser = value(store, node, SCHEMA.organizer)
        if isinstance(organiser, ox.NamedNode):
            out["organizer"] = _agent(store, labels, organiser)
        topic = labels.text(node, SAKRAD.topic)
        if topic is not None:
            out["about"] = topic.main
        attendees = []
        for part in objects(store, node, M8G.hasParticipation):
            who = value(store, part, M8G.hasParticipant)
            # the organisations the source lists as invited and taking part (role:participatingOrganisation)
            if isinstance(who, ox.NamedNode) and ROLE.participatingOrganisation in objects(store, part, M8G.role):
                # named as the sakråd's source writes it, where the data gives it (the participation's rdfs:label)
                written = text_of(objects(store, part, RDFS.label))
                name = written.main if written is not None else _name(labels, who)
                attendees.append({"@type": _kind(store, who), "@id": who.value, "name": name})
        if attendees:
            out["attendee"] = sorted(attendees, key=lambda a: a["@id"])
        return out
    if (
        iri.startswith(base + "id/")
        and iri[len(base) + 3 :].split("/")[0] in ("organisation", "body", "person")
        and iri.count("/") == base.count("/") + 2
    ):
        return {"@context": _CONTEXT, **_agent(store, labels, node)}
    return None


def dataset(store: ox.Store, base: str, lists: Any) -> dict[str, Any]:
    """The schema.org description of the dataset, read from its DCAT description."""
    from ..vocab import DCAT

    labels = Labeller(store)
    node = next(
        (
            q.subject
            for q in store.quads_for_pattern(None, RDF_TYPE, DCAT.Dataset)
            if isinstance(q.subject, ox.NamedNode)
        ),
        None,
    )
    out: dict[str, Any] = {"@context": _CONTEXT, "@type": "Dataset"}
    if node is None:
        return out
    out["@id"] = node.value
    languages = [o for o in objects(store, node, DCTERMS.language) if isinstance(o, ox.NamedNode)]
    if languages:  # the EU's language authority codes (SWE, ENG): the concepts themselves, named
        out["inLanguage"] = [{"@type": "Language", "@id": o.value, "name": _name(labels, o)} for o in languages]
    title = labels.text(node, DCTERMS.title)
    if title is not None:
        out["name"] = title.main
        if title.en:
            out["alternateName"] = title.en
    description = labels.text(node, DCTERMS.description)
    if description is not None:
        out["description"] = description.main
    for key, predicate in (
        ("license", DCTERMS.license),
        ("dateModified", DCTERMS.modified),
        ("datePublished", DCTERMS.issued),
        ("version", OWL.versionInfo),
    ):
        found = value(store, node, predicate)
        if found is not None:
            out[key] = found.value
    keywords = sorted(o.value for o in objects(store, node, DCAT.keyword) if isinstance(o, ox.Literal))
    if keywords:
        out["keywords"] = keywords
    downloads = []
    for dist in objects(store, node, DCAT.distribution):
        url = value(store, dist, DCAT.downloadURL)
        media = value(store, dist, DCAT.mediaType)
        if url is not None:
            item = {"@type": "DataDownload", "contentUrl": url.value}
            if media is not None:
                item["encodingFormat"] = media.value.rsplit("/media-types/", 1)[-1]
            downloads.append(item)
    if downloads:
        out["distribution"] = sorted(downloads, key=lambda d: d["contentUrl"])
    return out
