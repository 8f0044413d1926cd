"""schema.org descriptions embedded in the pages as JSON-LD (https://schema.org/Event,
https://schema.org/Organization, https://schema.org/Dataset), so search engines read what a page is
about. The context is inline (``@vocab`` schema.org), so a JSON-LD processor reads it offline;
``@id`` is the thing's IRI, the same as in the data.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..triples import RDF_TYPE
from ..vocab import ADMS, DCTERMS, FOAF, LOCN, M8G, ORG, OWL, SAKRAD, SCHEMA, SKOS
from .labels import Labeller, objects, value

__all__ = ["about", "dataset"]

_CONTEXT = {"@vocab": "https://schema.org/"}


def _name(labels: Labeller, node: ox.NamedNode) -> str:
    return labels.of(node).main


def _agent(store: ox.Store, labels: Labeller, node: ox.NamedNode) -> dict[str, Any]:
    types = set(objects(store, node, RDF_TYPE))
    kind = (
        "Person"
        if FOAF.Person in types
        else ("GovernmentOrganization" if node.value.split("/id/", 1)[-1].startswith("body/") else "Organization")
    )
    out: dict[str, Any] = {"@type": kind, "@id": node.value, "name": _name(labels, node)}
    alt = sorted(o.value for o in objects(store, node, SKOS.altLabel) if isinstance(o, ox.Literal))
    if alt:
        out["alternateName"] = alt
    numbers = sorted(
        n.value
        for i in objects(store, node, ADMS.identifier)
        for n in objects(store, i, SKOS.notation)
        if isinstance(n, ox.Literal)
    )
    if numbers:
        out["identifier"] = numbers
    homepage = value(store, node, FOAF.homepage)
    if homepage is not None:
        out["url"] = homepage.value
    parent = value(store, node, ORG.unitOf) or value(store, node, ORG.subOrganizationOf)
    if isinstance(parent, ox.NamedNode):
        out["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "@id": parent.value,
            "name": _name(labels, parent),
        }
    return out


def about(store: ox.Store, iri: str, base: str) -> dict[str, Any] | None:
    """The schema.org description of a sakråd (Event), an organisation or body (Organization) or a
    person (Person); None for other things."""
    node = ox.NamedNode(iri)
    labels = Labeller(store)
    types = set(objects(store, node, RDF_TYPE))
    if SAKRAD.Sakrad in types:
        out: dict[str, Any] = {
            "@context": _CONTEXT,
            "@type": "Event",
            "@id": iri,
            "name": _name(labels, node),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        }
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
            if isinstance(who, ox.NamedNode) and who.value.startswith(base + "id/organisation/"):
                attendees.append({"@type": "Organization", "@id": who.value, "name": _name(labels, who)})
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
    out: dict[str, Any] = {"@context": _CONTEXT, "@type": "Dataset", "name": "Sakråd", "inLanguage": ["sv", "en"]}
    if node is None:
        return out
    out["@id"] = node.value
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
