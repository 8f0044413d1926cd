"""The release catalogue in DCAT-AP 2.1.1, for harvesters that still validate with the older
profile (https://interoperable-europe.ec.europa.eu/collection/semic-support-centre/solution/dcat-application-profile-data-portals-europe/release/211).

No one catalogue with byte sizes passes both profiles: each gives ``dcat:byteSize`` an
``sh:datatype`` and ``sh:maxCount 1``, DCAT-AP 3.0.1 ``xsd:nonNegativeInteger`` and 2.1.1
``xsd:decimal``, and SHACL compares datatype IRIs, not value spaces
(https://www.w3.org/TR/shacl/#DatatypeConstraintComponent). DCAT-AP 2.1.1 also fixes the checksum
algorithm to SHA-1 (``sh:hasValue spdx:checksumAlgorithm_sha1``). So the release carries the
DCAT-AP 3.0.1 catalogue (``catalog.ttl``) and this variant of the same graph
(``catalog-dcat-ap-2.ttl``), which differs in exactly three ways:

- ``dcat:byteSize`` is typed ``xsd:decimal`` (the same number);
- each distribution's checksum is the file's SHA-1, named in this catalogue's own document
  (``…/catalog-dcat-ap-2.ttl#checksum-sha1-sakrad-ttl``), since the IRI ``…/checksum`` names the
  SHA-256 checksum of the DCAT-AP 3 catalogue;
- the dataset's version is ``owl:versionInfo``, DCAT-AP 2.1.1's property (``dcat:version`` is DCAT 3's).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ..triples import Graph
from ..vocab import DCAT, OWL, RDF, SPDX, XSD
from .dcat_ap import DCAT_AP_2
from .files import ReleasedFile

__all__ = ["PROFILE", "STEM", "dcat_ap_2"]

PROFILE = DCAT_AP_2
#: The DCAT-AP 2 catalogue's files: ``catalog-dcat-ap-2.ttl`` and ``catalog-dcat-ap-2.rdf``.
STEM = "catalog-dcat-ap-2"


def dcat_ap_2(catalogue: Graph, files: list[ReleasedFile], download_base: str, vocab: Graph) -> Graph:
    """The DCAT-AP 2.1.1 variant of ``catalogue``, whose distributions describe ``files``
    (downloaded from ``download_base``, where this catalogue is published too); the SHA-1
    algorithm is described from ``vocab``."""
    by_url = {ox.NamedNode(download_base + f.path): f for f in files}
    described = {url: d for d, _, url in catalogue.triples(None, DCAT.downloadURL) if url in by_url}
    replaced = {o for d, p, o in catalogue.triples(None, SPDX.checksum) if d in described.values()}
    algorithms = (SPDX.checksumAlgorithm_sha256, SPDX.checksumAlgorithm_sha1)
    g = Graph()
    for s, p, o in catalogue:
        if p == DCAT.byteSize:
            g.add((s, p, ox.Literal(o.value, datatype=XSD.decimal)))
        elif p == DCAT.version:
            g.add((s, OWL.versionInfo, o))
        elif not (s in replaced or s in algorithms or (p == SPDX.checksum and o in replaced)):
            g.add((s, p, o))
    for url, distribution in described.items():
        file = by_url[url]
        checksum = ox.NamedNode(f"{download_base}{STEM}.ttl#checksum-sha1-" + re.sub(r"[^A-Za-z0-9]", "-", file.path))
        g.add((distribution, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha1))
        g.add((checksum, SPDX.checksumValue, ox.Literal(file.sha1, datatype=XSD.hexBinary)))
    for algorithm in algorithms:
        if next(g.triples(None, SPDX.algorithm, algorithm), None) is not None:
            g.update(vocab.triples(algorithm))
    return g
