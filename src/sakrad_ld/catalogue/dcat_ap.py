"""Conformance of the release catalogue to DCAT-AP 3.0.1 (https://semiceu.github.io/DCAT-AP/releases/3.0.1/),
and of its DCAT-AP 2 variant (:mod:`.dcat_ap_2`) to DCAT-AP 2.1.1.

The shapes of each :class:`Profile` are SEMIC's, as the EU online validator loads them
(``assets/dcat-ap-3.0.1/``, ``assets/dcat-ap-2.1.1/``, unmodified): ``shapes.ttl`` and
``range.ttl`` say what the catalogue must do; a violation of them stops the build. ``shapes_recommended.ttl`` (recommended properties) and
``mdr-vocabularies.shape.ttl`` (EU controlled vocabularies) give advice: their results are
warnings, and :data:`KNOWN_WARNINGS` lists the ones that remain on purpose, each justified in
``docs/catalogue.md`` (a test checks both ways).

sakrad-ld's own SHACL engine (:mod:`sakrad_ld.shacl`) runs the shapes; ``tests/test_shacl_engine.py``
holds its findings on these shapes to pySHACL's, on the release's catalogues and on catalogues with
faults put in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from ..shacl import Shapes, ShapesGraph, check_graph
from ..triples import Graph, Index
from ..validate import Finding, ValidationReport
from ..vocab import DCAT, DCTERMS, SPDX

__all__ = [
    "DCAT_AP_2",
    "DCAT_AP_3",
    "KNOWN_WARNINGS",
    "SHAPES_FILES",
    "SPEC",
    "CatalogueReport",
    "KnownWarning",
    "Profile",
    "prepare_checks",
    "validate_catalogue",
]


@dataclass(frozen=True)
class Profile:
    """A DCAT-AP release: its version, its specification, and the folder of its shapes in ``assets/``."""

    version: str
    spec: str
    shapes: str

    def __str__(self) -> str:
        return f"DCAT-AP {self.version}"


DCAT_AP_3 = Profile("3.0.1", "https://semiceu.github.io/DCAT-AP/releases/3.0.1/", "dcat-ap-3.0.1")
DCAT_AP_2 = Profile(
    "2.1.1",
    "https://interoperable-europe.ec.europa.eu/collection/semic-support-centre/solution/"
    "dcat-application-profile-data-portals-europe/release/211",
    "dcat-ap-2.1.1",
)
SPEC = DCAT_AP_3.spec
_ASSETS = Path(__file__).resolve().parent.parent / "assets"  # as dcat.py

#: A profile's shapes files, grouped as a catalogue is checked: each part of a
#: :class:`CatalogueReport` and the files whose shapes give it.
SHAPES_FILES: dict[str, tuple[str, ...]] = {
    "mandatory": ("shapes.ttl", "range.ttl"),
    "recommended": ("shapes_recommended.ttl",),
    "vocabularies": ("mdr-vocabularies.shape.ttl",),
}


@dataclass(frozen=True)
class KnownWarning:
    """A DCAT-AP warning that remains on purpose: the shapes file, the property, and why."""

    shapes: str
    path: ox.NamedNode
    reason: str

    def matches(self, shapes: str, finding: Finding) -> bool:
        return shapes == self.shapes and finding.path == self.path.value


#: The warnings that remain, each explained in docs/catalogue.md (a test checks both ways). They
#: hold for both profiles; DCAT-AP 2.1.1's vocabulary shapes give only the publisher's.
KNOWN_WARNINGS: tuple[KnownWarning, ...] = (
    KnownWarning(
        "mdr",
        DCTERMS.publisher,
        "the publisher is not in the EU corporate-body table, which lists EU institutions only",
    ),
    KnownWarning(
        "recommended",
        DCAT.contactPoint,
        "no contact point is configured (data/dataset.yaml): the publisher has none to give, and none is invented",
    ),
    KnownWarning(
        "mdr",
        SPDX.algorithm,
        "the shape expects an https://spdx.org IRI, but the SPDX terms are http://spdx.org/rdf/terms#",
    ),
)


@dataclass(frozen=True)
class CatalogueReport:
    """A catalogue checked against the shapes of a DCAT-AP profile, by shapes file."""

    mandatory: ValidationReport
    recommended: ValidationReport
    vocabularies: ValidationReport
    profile: Profile = DCAT_AP_3

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.mandatory.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[tuple[str, Finding]]:
        """Every result of the recommended and vocabulary shapes (whatever their severity), and the
        mandatory shapes' own warnings, with the name of the shapes file."""
        return (
            [("mandatory", f) for f in self.mandatory.findings if f.severity != "Violation"]
            + [("recommended", f) for f in self.recommended.findings]
            + [("mdr", f) for f in self.vocabularies.findings]
        )

    def unexplained(self) -> list[tuple[str, Finding]]:
        """The warnings :data:`KNOWN_WARNINGS` does not explain."""
        return [(s, f) for s, f in self.warnings if not any(k.matches(s, f) for k in KNOWN_WARNINGS)]

    def summary(self) -> str:
        v, w, u = len(self.violations), len(self.warnings), len(self.unexplained())
        return (
            f"{self.profile}: {v} violation{'s' * (v != 1)}, {w} warning{'s' * (w != 1)} "
            f"({w - u} explained in docs/catalogue.md)"
        )


@cache
def _shapes(profile: Profile, *names: str) -> Shapes:
    """The shapes files ``names`` of ``profile`` as one shapes graph, read and compiled once per process."""
    return Shapes.compile(ShapesGraph.load([_ASSETS / profile.shapes / name for name in names]))


def validate_catalogue(graph: Graph, profile: Profile = DCAT_AP_3) -> CatalogueReport:
    """``graph`` (with the vocabulary concepts it needs) against the shapes of ``profile``."""
    data = Index(graph)
    return CatalogueReport(
        **{part: _validate(data, _shapes(profile, *names)) for part, names in SHAPES_FILES.items()}, profile=profile
    )


def _validate(data: Index, shapes: Shapes) -> ValidationReport:
    """The results of the shapes on the catalogue, each once (a value that fails an sh:node gives
    one result, not also the results of the node shape, https://www.w3.org/TR/shacl/#NodeConstraintComponent)."""
    findings, conforms = check_graph(data, shapes)
    return ValidationReport(tuple(findings), conforms)


# --- Checking in another process --------------------------------------------------------------
# Compiling the shapes costs about five times what checking a release's catalogue with them does
# (0.045 s against 0.01 s for both profiles): the build compiles them in a process of their own
# while it loads and validates the data, and sends the catalogue there once it is made
# (:func:`.dcat.to_finish`).


def prepare_checks() -> None:
    """Reads and compiles the shapes of every profile (once per process)."""
    for profile in (DCAT_AP_3, DCAT_AP_2):
        for names in SHAPES_FILES.values():
            _shapes(profile, *names)
