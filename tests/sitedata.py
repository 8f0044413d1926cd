"""Synthetic sakråd data of any size, for the tests of the pages and pictures at scale.

Deterministic (organisation k of meeting m is ``(7 m + 13 k) mod organisations``), minted like
the real data (:mod:`sakrad_ld.graph`), with the real ontology and roles loaded beside it.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

BASE = "https://example.org/sakrad/"
ROOT = Path(__file__).resolve().parents[1]
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_M8G = "http://data.europa.eu/m8g/"
_SAKRAD = "https://w3id.org/sakrad/ontology#"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def organisation(k: int) -> str:
    return f"{BASE}id/organisation/org-{k:05d}"


def meeting(m: int) -> str:
    return f"{BASE}id/meeting/m-{m:06d}"


def participants(m: int, organisations: int, per_meeting: int) -> list[int]:
    """The organisations of meeting ``m``, in the source's order (distinct)."""
    out: list[int] = []
    for k in range(per_meeting):
        o = (7 * m + 13 * k) % organisations
        if o not in out:
            out.append(o)
    return out


def year(m: int, meetings: int) -> int:
    return 2016 + (m * 7) // max(1, meetings)


def synthetic_store(meetings: int, organisations: int, per_meeting: int) -> ox.Store:
    t = ox.Triple
    triples: list[ox.Triple] = []
    a = _n(_RDF + "type")
    for k in range(organisations):
        org = _n(organisation(k))
        triples += [
            t(org, a, _n("http://www.w3.org/ns/org#FormalOrganization")),
            t(org, _n("http://www.w3.org/2004/02/skos/core#prefLabel"), ox.Literal(f"Förening {k:05d}", language="sv")),
        ]
    for m in range(meetings):
        s = _n(meeting(m))
        date = f"{year(m, meetings)}-{1 + m % 12:02d}-{1 + m % 28:02d}"
        triples += [
            t(s, a, _n(_SAKRAD + "Sakrad")),
            t(s, a, _n(_M8G + "PublicEvent")),
            t(s, _n("http://purl.org/dc/terms/title"), ox.Literal(f"Sakråd nummer {m}", language="sv")),
            t(
                s,
                _n("https://schema.org/startDate"),
                ox.Literal(date, datatype=_n("http://www.w3.org/2001/XMLSchema#date")),
            ),
        ]
        orgs = participants(m, organisations, per_meeting)
        for position, o in enumerate(orgs, start=1):
            part = _n(f"{meeting(m)}/participation/organisation/org-{o:05d}")
            triples += [
                t(s, _n(_M8G + "hasParticipation"), part),
                t(part, a, _n(_M8G + "Participation")),
                t(part, _n(_M8G + "role"), _n("https://w3id.org/sakrad/role/participatingOrganisation")),
                t(part, _n(_M8G + "hasParticipant"), _n(organisation(o))),
                t(_n(organisation(o)), _n(_M8G + "participates"), part),
                t(
                    part,
                    _n("https://schema.org/position"),
                    ox.Literal(str(position), datatype=_n("http://www.w3.org/2001/XMLSchema#integer")),
                ),
            ]
        triples.append(
            t(
                s,
                _n(_SAKRAD + "listedOrganisationCount"),
                ox.Literal(str(len(orgs)), datatype=_n("http://www.w3.org/2001/XMLSchema#integer")),
            )
        )
    store = ox.Store()
    store.bulk_extend(ox.Quad(x.subject, x.predicate, x.object) for x in triples)
    for file in sorted((ROOT / "ontology").glob("*.ttl")):
        store.bulk_load(path=file, format=ox.RdfFormat.TURTLE)
    return store
