"""The release catalogue: DCAT 3 (https://www.w3.org/TR/vocab-dcat-3/) in the DCAT-AP 3.0.1 profile
(https://semiceu.github.io/DCAT-AP/releases/3.0.1/) and DCAT-AP-SE 3.0.1 (https://docs.dataportal.se/dcat/3.0.1/en).

One graph describes a release: the catalogue, the dataset, one distribution per file of the whole
graph and per CSV table (:mod:`.files`), the SPARQL endpoint as a data service, and the publisher,
creator and contact point (only when one is configured), all with IRIs. The modules named after
their specs add the rest: :mod:`.void` (what the data holds), :mod:`.provenance` (where it came
from, how it was built) and :mod:`.quality` (its validation results). The EU vocabulary concepts
the graph refers to are copied in from ``assets/eu-vocabularies.ttl``, so ``catalog.ttl``
validates on its own, offline.

Every build checks the graph against the DCAT-AP 3.0.1 shapes (:mod:`.dcat_ap`), and its
DCAT-AP 2 variant (:mod:`.dcat_ap_2`) against the DCAT-AP 2.1.1 shapes: a violation of the
mandatory or range shapes stops the build (nothing is written); the recommended and
controlled-vocabulary shapes give warnings. Nothing depends on the clock: dates come from
``data/dataset.yaml`` and the data, sizes and checksums from the files already written.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .. import writers
from ..errors import InputError, InputErrors, Where
from ..formats import by_name
from ..graph import Built
from ..iri import Minter
from ..layout import CATALOGUE_STEM, DATA_FILE
from ..project import Project
from ..records import Agent, ContactPoint, Corpus, DatasetConfig, Text
from ..serialize import SortedTriples, release_order, used_prefixes
from ..triples import Graph, Index, Term
from ..validate import Finding, ValidationReport
from ..vocab import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, SPDX, VCARD, XSD
from . import dcat_ap_2
from .dcat_ap import DCAT_AP_3, CatalogueReport, Profile, validate_catalogue
from .files import ReleasedFile, release_files
from .provenance import provenance_graph
from .quality import quality_graph
from .void import void_graph

if TYPE_CHECKING:
    import logging

__all__ = [
    "Catalogue",
    "CatalogueReport",
    "Finished",
    "ReleasedFile",
    "accept_catalogue",
    "catalogue_graph",
    "check_catalogue",
    "finish",
    "make_catalogue",
    "to_finish",
    "release_files",
    "validate_catalogue",
    "vocabulary_graph",
    "write_catalogue",
]

#: The formats the catalogue is written in: Turtle, and RDF/XML for dataportal.se's harvester.
CATALOGUE_FORMATS = ("turtle", "rdfxml")

DCATAP = "http://data.europa.eu/r5r/"
_EU = "http://publications.europa.eu/resource/authority/"
THEME, LANGUAGE, ACCESS, AVAILABILITY = (
    f"{_EU}data-theme/",
    f"{_EU}language/",
    f"{_EU}access-right/",
    f"{_EU}planned-availability/",
)
PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"
DATAPORTAL_ORGANISATION = "http://dataportal.se/organisation/SE"
#: The catalogue's own licence: DCAT-AP-SE fixes the metadata licence to CC0 1.0.
METADATA_LICENCE = ox.NamedNode("http://creativecommons.org/publicdomain/zero/1.0/")
#: What the SPARQL endpoint takes (EU file type) and the standard it follows.
SPARQL_FILE_TYPE = ox.NamedNode(f"{_EU}file-type/SPARQLQ")
SPARQL_PROTOCOL = ox.NamedNode("https://www.w3.org/TR/sparql11-protocol/")
#: The format of the tables' CSVW metadata (``application/csvm+json``).
CSVW_FILE_TYPE = ox.NamedNode(f"{_EU}file-type/JSON")
CSVW_MEDIA_TYPE = ox.NamedNode("http://www.iana.org/assignments/media-types/application/csvm+json")

#: The package's assets (a folder beside its modules, as ``release.py`` reads its code: importing
#: ``importlib.resources`` and its readers, with zipfile and threading, took about 3 ms of a seed build)
_ASSETS = Path(__file__).resolve().parent.parent / "assets"


# --- The graph -------------------------------------------------------------------------------


def vocabulary_graph() -> Graph:
    """The EU vocabulary concepts the catalogue may refer to (``assets/eu-vocabularies.ttl``)."""
    return Graph.parse(_ASSETS.joinpath("eu-vocabularies.ttl").read_bytes(), ox.RdfFormat.TURTLE)


def catalogue_graph(
    project: Project, corpus: Corpus, built: Built, report: ValidationReport, files: list[ReleasedFile]
) -> Graph:
    """The whole catalogue (DCAT-AP 3.0.1) of a release whose files are ``files``. Deterministic."""
    config, minter = corpus.config, built.minter
    g = Graph()
    vocab = vocabulary_graph()
    base = _download_base(config)
    dumps = [ox.NamedNode(base + f.path) for f in files if f.is_rdf]
    _Catalogue(g, vocab, config, minter).add(files, base, corpus, _standards(project))
    g.update(void_graph(built.triples, minter, dumps, config.sparql_endpoint, config.base_iri))
    g.update(provenance_graph(corpus, built.triples, minter, built.read))
    g.update(quality_graph(report, corpus, minter))
    _copy_concepts(g, vocab)
    return g


def _download_base(config: DatasetConfig) -> str:
    base = config.download_base or config.base_iri
    return base if base.endswith("/") else base + "/"


class _Catalogue:
    """Adds the DCAT description of one release to a graph."""

    def __init__(self, g: Graph, vocab: Graph, config: DatasetConfig, minter: Minter) -> None:
        self.g, self.vocab, self.config, self.minter = g, vocab, config, minter

    def text(self, s: Term, p: ox.NamedNode, text: Text | None) -> None:
        if text is None:
            return
        self.g.add((s, p, ox.Literal(" ".join(text.sv.split()), language="sv")))
        if text.en:
            self.g.add((s, p, ox.Literal(" ".join(text.en.split()), language="en")))

    def typed(self, iri: ox.NamedNode, cls: ox.NamedNode) -> ox.NamedNode:
        """``iri``, typed ``cls`` here when the vocabulary asset does not describe it."""
        if self.vocab.value(iri, RDF.type) is None:
            self.g.add((iri, RDF.type, cls))
        return iri

    def add(self, files: list[ReleasedFile], base: str, corpus: Corpus, standards: Graph) -> None:
        g, config, minter = self.g, self.config, self.minter
        catalogue, dataset = minter.catalogue, minter.dataset
        homepage = self.document(ox.NamedNode(config.base_iri), config.title, config.description)
        publisher = self.agent(config.publisher)
        creator = self.agent(config.creator) if config.creator else publisher
        # a contact point only when the publisher has one (DCAT-AP-SE recommends it; none is invented)
        contact = self.contact_point(config.contact_point) if config.contact_point else None
        languages = [self.typed(ox.NamedNode(LANGUAGE + code), DCTERMS.LinguisticSystem) for code in config.languages]
        spatial = [self.typed(ox.NamedNode(iri), DCTERMS.Location) for iri in config.spatial]
        themes = [ox.NamedNode(THEME + code) for code in config.themes]
        access = ox.NamedNode(ACCESS + config.access_rights)
        licence = self.typed(ox.NamedNode(config.licence), DCTERMS.LicenseDocument)
        rights = self.rights(config.rights)

        g.add((catalogue, RDF.type, DCAT.Catalog))
        self.text(
            catalogue,
            DCTERMS.title,
            Text(f"Katalog: {config.title.sv}", config.title.en and f"Catalogue: {config.title.en}"),
        )
        self.text(catalogue, DCTERMS.description, config.description)
        for p, o in (
            (DCTERMS.publisher, publisher),
            (DCTERMS.creator, creator),
            (FOAF.homepage, homepage),
            (DCTERMS.license, self.typed(METADATA_LICENCE, DCTERMS.LicenseDocument)),
            (DCAT.themeTaxonomy, ox.NamedNode(THEME.rstrip("/"))),
            (DCAT.dataset, dataset),
            (DCTERMS.issued, _date(config.issued)),
            (DCTERMS.modified, _date(config.modified)),
        ):
            g.add((catalogue, p, o))
        for o in languages:
            g.add((catalogue, DCTERMS.language, o))
        for o in spatial:
            g.add((catalogue, DCTERMS.spatial, o))

        g.add((dataset, RDF.type, DCAT.Dataset))
        self.text(dataset, DCTERMS.title, config.title)
        self.text(dataset, DCTERMS.description, config.description)
        for keyword in config.keywords:
            self.text(dataset, DCAT.keyword, keyword)
        for p, o in (
            (DCTERMS.identifier, ox.Literal(dataset.value)),
            (DCTERMS.publisher, publisher),
            (DCTERMS.creator, creator),
            (DCAT.landingPage, homepage),
            (DCTERMS.accessRights, access),
            (DCAT.version, ox.Literal(config.version)),
            (DCTERMS.issued, _date(config.issued)),
            (DCTERMS.modified, _date(config.modified)),
        ):
            g.add((dataset, p, o))
        if contact is not None:
            g.add((dataset, DCAT.contactPoint, contact))
        if rights is not None:
            g.add((dataset, DCTERMS.rights, rights))
        for p, objects in ((DCAT.theme, themes), (DCTERMS.spatial, spatial), (DCTERMS.language, languages)):
            for o in objects:
                g.add((dataset, p, o))
        self.temporal(dataset, corpus)
        for standard in sorted(standards.subjects(RDF.type, DCTERMS.Standard)):
            g.add((dataset, DCTERMS.conformsTo, standard))
        g.update(standards)
        for file in files:
            g.add((dataset, DCAT.distribution, d := self.distribution(file, base, licence)))
            if rights is not None:
                g.add((d, DCTERMS.rights, rights))
        if config.sparql_endpoint:
            g.add((catalogue, DCAT.service, s := self.service(publisher, contact, themes, access)))
            if rights is not None:
                g.add((s, DCTERMS.rights, rights))

    def rights(self, text: Text | None) -> ox.NamedNode | None:
        """The statement of what the licence does not cover (``rights`` in ``dataset.yaml``): a
        dct:RightsStatement, DCAT-AP's class, with a label in each language, or None when none is
        configured. None of DCAT-AP-SE's ODRS details (holder, attribution, jurisdiction, terms):
        the quoted texts have many publishers, each fact names its own source, and regeringen.se
        publishes no terms (docs/catalogue.md)."""
        if text is None:
            return None
        statement = self.minter.part(self.minter.dataset, "rights")
        self.g.add((statement, RDF.type, DCTERMS.RightsStatement))
        self.text(statement, RDFS.label, text)
        return statement

    def agent(self, agent: Agent) -> ox.NamedNode:
        """A publisher or creator: an IRI under the base, the dataportal.se IRI as owl:sameAs."""
        g, a = self.g, self.minter.thing("agent", agent.id)
        g.add((a, RDF.type, FOAF.Agent))
        g.add((a, RDF.type, FOAF.Person if agent.kind == "PrivateIndividual(s)" else FOAF.Organization))
        self.text(a, FOAF.name, agent.name)
        self.text(a, DCTERMS.description, agent.description)
        g.add((a, DCTERMS.type, ox.NamedNode(PUBLISHER_TYPE + agent.kind)))
        if agent.orgnr:
            digits = re.sub(r"\D", "", agent.orgnr)
            g.add((a, DCTERMS.identifier, ox.Literal(digits)))
            g.add((a, OWL.sameAs, ox.NamedNode(DATAPORTAL_ORGANISATION + digits)))
        else:
            g.add((a, DCTERMS.identifier, ox.Literal(agent.id)))
        if agent.homepage:
            g.add((a, FOAF.homepage, self.document(ox.NamedNode(agent.homepage), agent.name, agent.description)))
        return a

    def document(self, iri: ox.NamedNode, title: Text, description: Text | None) -> ox.NamedNode:
        """A web page (foaf:Document), titled and described as DCAT-AP-SE recommends."""
        if (iri, RDF.type, FOAF.Document) not in self.g:
            self.g.add((iri, RDF.type, FOAF.Document))
            self.text(iri, DCTERMS.title, title)
            self.text(iri, DCTERMS.description, description)
        return iri

    def contact_point(self, contact: ContactPoint) -> ox.NamedNode:
        g, minter = self.g, self.minter
        cp = minter.thing("agent", contact.id)
        g.add((cp, RDF.type, VCARD.Kind))
        g.add((cp, RDF.type, VCARD.Organization))
        self.text(cp, VCARD.fn, contact.name)
        g.add((cp, VCARD.hasEmail, ox.NamedNode(f"mailto:{contact.email}")))
        if contact.url:
            g.add((cp, VCARD.hasURL, ox.NamedNode(contact.url)))
        if contact.telephone:
            tel = minter.part(cp, "telephone")
            g.add((cp, VCARD.hasTelephone, tel))
            g.add((tel, RDF.type, VCARD.Voice))
            g.add((tel, VCARD.hasValue, ox.NamedNode(_tel(contact.telephone))))
        if (address := contact.address) is not None:
            adr = minter.part(cp, "address")
            g.add((cp, VCARD.hasAddress, adr))
            g.add((adr, RDF.type, VCARD.Address))
            for p, value in (
                (VCARD["street-address"], address.street),
                (VCARD["postal-code"], address.postal_code),
                (VCARD.locality, address.locality),
                (VCARD["country-name"], address.country),
            ):
                g.add((adr, p, ox.Literal(value)))
        return cp

    def temporal(self, dataset: ox.NamedNode, corpus: Corpus) -> None:
        """The time the meetings span, from the earliest to the latest date a source states: a
        meeting's date or days. A derived date (``date_derivation``: a year or month read from a
        page's address, say) is left out, as DCAT has no way to mark a date derived."""
        stated = [m.days or ([m.date] if m.date and m.date_derivation is None else []) for m in corpus.meetings]
        dates = sorted(date for days in stated for date in days)
        if not dates:
            return
        period = self.minter.part(dataset, "temporal")
        self.g.add((dataset, DCTERMS.temporal, period))
        self.g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        self.g.add((period, DCAT.startDate, _date(dates[0])))
        self.g.add((period, DCAT.endDate, _date(dates[-1])))
        # what the period rests on, and which meetings it leaves out (a reader takes it for the coverage)
        derived = sum(1 for m, days in zip(corpus.meetings, stated, strict=True) if not days and m.date is not None)
        undated = sum(1 for m, days in zip(corpus.meetings, stated, strict=True) if not days and m.date is None)
        sv = "Från det tidigaste till det senaste datum som en källa anger för ett sakråd."
        en = "From the earliest to the latest date a source states for a sakråd."
        left = [
            (
                derived,
                "vars datum datan härleder helt eller delvis (oftast året; ingen källa anger hela datumet)",
                "whose date the data derives in whole or in part (most often the year; no source states the whole date)",
            )
        ]
        left.append((undated, "utan datum", "without a date"))
        if derived or undated:
            sv += " Räknas inte: " + " och ".join(f"{n} sakråd {w}" for n, w, _ in left if n) + "."
            en += " Not counted: " + " and ".join(f"{n} sakråd {w}" for n, _, w in left if n) + "."
        self.g.add((period, RDFS.comment, ox.Literal(sv, language="sv")))
        self.g.add((period, RDFS.comment, ox.Literal(en, language="en")))

    def distribution(self, file: ReleasedFile, base: str, licence: ox.NamedNode) -> ox.NamedNode:
        g, config, f = self.g, self.config, file.format
        url = ox.NamedNode(base + file.path)
        if file.table is None:
            d = self.minter.part(self.minter.dataset, "distribution", f.name)
            self.describe_graph_file(d, file)
        else:
            d = self.minter.part(self.minter.dataset, "distribution", "table", file.table.name.removesuffix(f.suffix))
            self.describe_table(d, file, base)
        g.add((d, RDF.type, DCAT.Distribution))
        checksum = self.minter.part(d, "checksum")
        for p, o in (
            (DCAT.accessURL, url),
            (DCAT.downloadURL, url),
            (DCAT.mediaType, ox.NamedNode(f.iana_iri)),
            (DCTERMS.format, ox.NamedNode(f.file_type_iri)),
            (DCAT.byteSize, ox.Literal(str(file.size), datatype=XSD.nonNegativeInteger)),
            (SPDX.checksum, checksum),
            (DCTERMS.license, licence),
            (ox.NamedNode(DCATAP + "availability"), ox.NamedNode(AVAILABILITY + config.availability)),
            (DCTERMS.modified, _date(config.modified)),
        ):
            g.add((d, p, o))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, ox.Literal(file.sha256, datatype=XSD.hexBinary)))
        return d

    def describe_graph_file(self, d: ox.NamedNode, file: ReleasedFile) -> None:
        """The title and description of a file of the whole graph, in triples or in quads."""
        title, f = self.config.title, file.format
        sv, en = f"Hela datamängden som {f.label}.", f"The whole dataset as {f.label}."
        if file.is_quads:
            sv = (
                f"Hela datamängden som {f.label}: en namngiven graf per källdokument; "
                f"tillsammans är de grafen i {DATA_FILE}."
            )
            en = f"The whole dataset as {f.label}: one named graph per source document, whose union is the graph of {DATA_FILE}."
        if f.name == "jsonld":
            sv, en = (
                f"{sv} Kontexten står i filen (också som context.jsonld).",
                f"{en} Its context is inline (also as context.jsonld).",
            )
        self.text(d, DCTERMS.title, Text(f"{title.sv} ({f.label})", title.en and f"{title.en} ({f.label})"))
        self.text(d, DCTERMS.description, Text(sv, en))

    def describe_table(self, d: ox.NamedNode, file: ReleasedFile, base: str) -> None:
        """A CSV table: titled from its CSVW metadata, which it conforms to (DCAT-AP's "linked schemas")."""
        table, title = file.table, self.config.title
        assert table is not None
        name = table.title or Text(table.name)
        self.text(
            d,
            DCTERMS.title,
            Text(f"{title.sv}: {name.sv} (CSV)", title.en and f"{title.en}: {name.en or name.sv} (CSV)"),
        )
        described = f" Tabellernas CSVW-metadata: {table.metadata}." if table.metadata else ""
        self.text(
            d,
            DCTERMS.description,
            table.description
            or Text(
                f"Tabellen {table.name} ur datamängden, som CSV.{described}",
                f"The table {table.name} of the dataset, as CSV."
                + (f" The tables' CSVW metadata: {table.metadata}." if table.metadata else ""),
            ),
        )
        if table.metadata:
            self.g.add((d, DCTERMS.conformsTo, self.csvw_metadata(ox.NamedNode(base + table.metadata))))

    def csvw_metadata(self, iri: ox.NamedNode) -> ox.NamedNode:
        """The tables' CSVW metadata (https://www.w3.org/TR/tabular-metadata/), as the schema the
        tables conform to: a dct:Standard, the class DCAT-AP gives dct:conformsTo. Its dct:format
        is the EU file type (JSON; the table has no CSVW entry) and the IANA media type."""
        if (iri, RDF.type, DCTERMS.Standard) not in self.g:
            self.g.add((iri, RDF.type, DCTERMS.Standard))
            for fmt in (CSVW_FILE_TYPE, CSVW_MEDIA_TYPE):
                self.g.add((iri, DCTERMS.format, fmt))
            self.text(iri, DCTERMS.title, Text("Tabellernas CSVW-metadata", "CSVW metadata of the tables"))
            self.text(
                iri,
                DCTERMS.description,
                Text(
                    "Tabellernas kolumner och datatyper, i W3C:s metadatavokabulär för tabelldata (CSV on the Web).",
                    "The tables' columns and datatypes, in W3C's Metadata Vocabulary for Tabular Data (CSV on the Web).",
                ),
            )
        return iri

    def service(
        self, publisher: ox.NamedNode, contact: ox.NamedNode | None, themes: list[ox.NamedNode], access: ox.NamedNode
    ) -> ox.NamedNode:
        """The SPARQL endpoint, serving the dataset. Its description is the endpoint URL itself: a
        SPARQL 1.1 endpoint answers a request without a query with its service description."""
        g, config = self.g, self.config
        s = self.minter.part(self.minter.catalogue, "service", "sparql")
        endpoint = ox.NamedNode(config.sparql_endpoint or "")
        g.add((s, RDF.type, DCAT.DataService))
        self.text(
            s,
            DCTERMS.title,
            Text(f"SPARQL-ändpunkt: {config.title.sv}", config.title.en and f"SPARQL endpoint: {config.title.en}"),
        )
        self.text(
            s,
            DCTERMS.description,
            Text("Frågor i SPARQL 1.1 över hela datamängden.", "SPARQL 1.1 queries over the whole dataset."),
        )
        for keyword in config.keywords:
            self.text(s, DCAT.keyword, keyword)
        for p, o in (
            (DCAT.endpointURL, endpoint),
            (DCAT.endpointDescription, endpoint),
            (DCAT.servesDataset, self.minter.dataset),
            (DCTERMS.conformsTo, SPARQL_PROTOCOL),
            (DCTERMS.format, SPARQL_FILE_TYPE),
            (DCTERMS.publisher, publisher),
            (DCTERMS.accessRights, access),
            (DCTERMS.license, ox.NamedNode(config.licence)),
        ):
            g.add((s, p, o))
        if contact is not None:
            g.add((s, DCAT.contactPoint, contact))
        for theme in themes:
            g.add((s, DCAT.theme, theme))
        return s


def _standards(project: Project) -> Graph:
    """The ontology and the shapes the data conforms to, as dct:Standard, from their own headers."""
    g = Graph()
    for folder in (project.ontology, project.shapes):
        source = Graph()
        for file in sorted(folder.glob("*.ttl")):
            source.update(Graph.parse_ontology_file(file))
        for iri in sorted(source.subjects(RDF.type, OWL.Ontology)):
            g.add((iri, RDF.type, DCTERMS.Standard))
            for target, choices in (
                (DCTERMS.title, (DCTERMS.title, RDFS.label)),
                (DCTERMS.description, (DCTERMS.description, RDFS.comment)),
            ):
                for p in choices:
                    values = {o.language: o for o in source.objects(iri, p) if isinstance(o, ox.Literal)}
                    for value in values.values():
                        g.add((iri, target, value))
                    if values:
                        break
            version = source.value(iri, OWL.versionInfo)
            if version is not None:
                g.add((iri, OWL.versionInfo, version))
    return g


def _copy_concepts(g: Graph, vocab: Graph) -> None:
    """Copies in the description of every vocabulary concept ``g`` refers to, and what those refer to."""
    described = Index(vocab)
    todo = [o for o in g.objects() if isinstance(o, ox.NamedNode)]
    seen: set[ox.NamedNode] = set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, objects in described.properties(node).items():
            for o in objects:
                g.add((node, p, o))
                if isinstance(o, ox.NamedNode) and o not in seen:
                    todo.append(o)


def _date(value: str) -> ox.Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return ox.Literal(value, datatype=datatype)


def _tel(value: str) -> str:
    digits = re.sub(r"[\s-]", "", value)
    return "tel:" + ("+46" + digits[1:] if digits.startswith("0") else digits)


# --- Writing it --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Catalogue:
    """A release's catalogue, made but not yet checked: the DCAT-AP 3.0.1 graph, the files it
    describes, and where they are downloaded from (which its DCAT-AP 2.1.1 variant needs)."""

    graph: Graph
    described: list[ReleasedFile]
    download_base: str

    @cached_property
    def variant(self) -> Graph:
        """The DCAT-AP 2.1.1 variant (:mod:`.dcat_ap_2`)."""
        return dcat_ap_2.dcat_ap_2(self.graph, self.described, self.download_base, vocabulary_graph())

    @property
    def checked(self) -> tuple[tuple[Graph, Profile], ...]:
        """Each graph with the profile it is checked against, DCAT-AP 3.0.1 first."""
        return ((self.graph, DCAT_AP_3), (self.variant, dcat_ap_2.PROFILE))

    @cached_property
    def _ordered(self) -> list[ox.Triple]:
        return release_order(Index(self.graph))

    def ordered(self) -> list[ox.Triple]:
        """The DCAT-AP 3.0.1 graph's triples in the order ``catalog.ttl`` holds them (put in order once:
        the files and the release's store both read them)."""
        return self._ordered

    def files(self) -> dict[str, bytes]:
        """Both graphs in both formats (``catalog.ttl``, ``catalog.rdf``, ``catalog-dcat-ap-2.ttl`` …), by file name."""
        written = {}
        for stem, g in ((CATALOGUE_STEM, self.graph), (dcat_ap_2.STEM, self.variant)):
            ordered = self.ordered() if g is self.graph else release_order(Index(g))
            # the prefixes both formats declare, found once in the graph's N-Triples
            prefixes = used_prefixes(ox.serialize(ordered, format=ox.RdfFormat.N_TRIPLES))
            held = SortedTriples(ordered, prefixes=prefixes)
            for name in CATALOGUE_FORMATS:
                written[f"{stem}{by_name(name).suffix}"] = writers.write(by_name(name), held)
        return written


def make_catalogue(
    project: Project, corpus: Corpus, built: Built, report: ValidationReport, files: list[ReleasedFile]
) -> Catalogue:
    """The catalogue of a release whose files are ``files`` (:func:`release_files`), unchecked
    (:func:`check_catalogue`, :func:`accept_catalogue`). Its ``modified`` is no earlier than a date of
    the data: loading refused the corpus otherwise (:func:`sakrad_ld.modified.check_modified`)."""
    graph = catalogue_graph(project, corpus, built, report, files)
    return Catalogue(graph, files, _download_base(corpus.config))


def check_catalogue(catalogue: Catalogue) -> list[CatalogueReport]:
    """Both graphs against their profile's shapes, DCAT-AP 3.0.1 first."""
    return [validate_catalogue(g, profile) for g, profile in catalogue.checked]


#: What :func:`finish` hands back: both checks, and each file written with its size and SHA-256.
Finished = tuple[list[CatalogueReport], dict[str, tuple[int, str]]]


def to_finish(catalogue: Catalogue, root: Path) -> bytes:
    """What :func:`finish` takes to write ``catalogue``'s files into ``root`` and check them, as
    bytes another process reads (where the shapes were compiled: :func:`.dcat_ap.prepare_checks`):
    the folder and the files described, pickled, then the graph in N-Triples (pyoxigraph's terms
    print as N-Triples), in the order it holds its triples."""
    import pickle  # only when the catalogue is checked in another process

    head = pickle.dumps((os.fspath(root), catalogue.described, catalogue.download_base))
    graph = "".join(f"{s} {p} {o} .\n" for s, p, o in catalogue.graph).encode()
    return len(head).to_bytes(8, "big") + head + graph


def finish(data: bytes | tuple[Catalogue, Path]) -> Finished:
    """Writes the catalogue :func:`to_finish` made ``data`` of into its folder and checks it
    (:func:`accept_catalogue` takes the checks). In the process that made it, ``data`` may be the
    catalogue and its folder themselves, not written out and read back."""
    if isinstance(data, tuple):
        catalogue, root = data
    else:
        import pickle

        size = int.from_bytes(data[:8], "big")
        root, described, download_base = pickle.loads(data[8 : 8 + size])
        triples = ox.parse(data[8 + size :], format=ox.RdfFormat.N_TRIPLES)
        catalogue = Catalogue(Graph((t.subject, t.predicate, t.object) for t in triples), described, download_base)
    digests = {}
    for name, written in catalogue.files().items():
        (Path(root) / name).write_bytes(written)
        digests[name] = (len(written), hashlib.sha256(written).hexdigest())
    return check_catalogue(catalogue), digests


def accept_catalogue(checked: list[CatalogueReport], config: DatasetConfig, project: Project) -> None:
    """Raises InputErrors, pointing at ``data/dataset.yaml``, if a check found a violation of a
    mandatory rule; logs every warning the docs do not explain, and each check's summary."""
    violations = [(c.profile, f) for c in checked for f in c.violations]
    if violations:
        raise InputErrors(_errors(config, project, violations))
    for report in checked:
        for shapes, finding in report.unexplained():
            _log().warning(
                "%s %s warning: %s %s: %s",
                report.profile,
                shapes,
                finding.focus,
                finding.path or "",
                finding.message("en"),
            )
        # Until something imports logging, nothing can have configured a handler an info message
        # would reach: a build does not import it (2 ms) only to drop the summary.
        if "logging" in sys.modules:
            _log().info(report.summary())


def _log() -> logging.Logger:
    """This module's logger; logging is imported when something is logged."""
    import logging

    return logging.getLogger(__name__)


def write_catalogue(
    project: Project,
    root: Path,
    corpus: Corpus,
    built: Built,
    report: ValidationReport,
) -> list[CatalogueReport]:
    """Describes the release in ``root`` (every file :func:`release_files` finds there, so the
    files must be written first) and writes the DCAT-AP 3.0.1 catalogue (``catalog.ttl``,
    ``catalog.rdf``) and its DCAT-AP 2.1.1 variant (``catalog-dcat-ap-2.ttl``, ``.rdf``) there.

    Raises InputErrors, pointing at ``data/dataset.yaml``, if either breaks a mandatory rule of
    its profile; logs every warning the docs do not explain. Returns both checks, 3.0.1 first.
    """
    catalogue = make_catalogue(project, corpus, built, report, release_files(root))
    checked = check_catalogue(catalogue)
    accept_catalogue(checked, corpus.config, project)
    for name, data in catalogue.files().items():
        (root / name).write_bytes(data)
    return checked


def _errors(config: DatasetConfig, project: Project, violations: Iterable[tuple[Profile, Finding]]) -> list[InputError]:
    where = config.lines.where() if config.lines else Where(project.data / "dataset.yaml", 0)
    return [
        InputError(
            where,
            f"the catalogue breaks {profile} at {f.focus} {f.path or ''}: {f.message('en')}",
            hint=f"see docs/catalogue.md and {profile.spec}",
        )
        for profile, f in violations
    ]
