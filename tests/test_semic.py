"""Conformance to the official SEMIC application profiles (https://semiceu.github.io/).

Each profile's SHACL, the unmodified copies in ``../shared/validators/semic-core/``, is run with
pySHACL (no inference) against the data graph a release publishes: the built graph with the
concept schemes the build carries along. Its Violations must be exactly the deviations that
``docs/semic-conformance.md`` documents, each with its reason, so a new one fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from sakrad_ld.project import Project
from sakrad_ld.rdflib_edge import to_rdflib
from sakrad_ld.release import build
from sakrad_ld.vocab import PREFIXES

ROOT = Path(__file__).resolve().parents[1]
SEMIC = Path(__file__).resolve().parents[2] / "shared" / "validators" / "semic-core"
DOC = ROOT / "docs" / "semic-conformance.md"

#: Profile (its folder in semic-core/) → its SHACL file, and what of the data it is about.
PROFILES = {
    "cpev-1.1.1": "core-public-event-ap-SHACL.ttl",  # meetings, participations, contact points
    "cpov-2.1.2": "core-public-organisation-ap-SHACL.ttl",  # the Government Offices, ministries, units
    "core-business-2.3.0": "core-business-ap-SHACL.ttl",  # registered organisations, their numbers
}

Deviation = tuple[str, str, str]  # profile, result path, constraint component


def _short(node: Node | None) -> str:
    if node is None:
        return "(node)"
    text = str(node)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return f"<{text}>"


def _documented() -> dict[Deviation, str]:
    """The rows of the table under "## Deviations": profile | path | component | reason."""
    section = DOC.read_text(encoding="utf-8").split("\n## Deviations", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    out = {}
    for row in rows:
        profile, path, component, reason = (cell.strip().strip("`") for cell in row.strip().strip("|").split("|"))
        assert reason, f"{DOC.name}: the deviation {profile} {path} {component} gives no reason"
        out[(profile, path, component)] = reason
    return out


@pytest.fixture(scope="module")
def data() -> Graph:
    _, built, _ = build(Project.at(ROOT))
    return to_rdflib(built.triples)


def test_the_documented_deviations_name_known_profiles() -> None:
    assert {profile for profile, _, _ in _documented()} <= set(PROFILES)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_the_data_meets_the_profile_but_for_the_documented_deviations(profile: str, data: Graph) -> None:
    shapes_file = SEMIC / profile / PROFILES[profile]
    if not shapes_file.is_file():
        pytest.fail(f"the SEMIC shapes are expected beside the checkout, at {shapes_file}")
    _, results, _ = validate(
        data, shacl_graph=Graph().parse(shapes_file, format="turtle"), inference="none", allow_warnings=True
    )
    found: dict[Deviation, list[str]] = {}
    for r in results.subjects(SH.resultSeverity, SH.Violation):
        key = (
            profile,
            _short(results.value(r, SH.resultPath)),
            str(results.value(r, SH.sourceConstraintComponent))
            .removeprefix(str(SH))
            .removesuffix("ConstraintComponent"),
        )
        found.setdefault(key, []).append(f"{results.value(r, SH.focusNode)}: {results.value(r, SH.resultMessage)}")
    documented = {d for d in _documented() if d[0] == profile}
    new = {d: examples for d, examples in found.items() if d not in documented}
    gone = documented - set(found)
    assert not new, f"{profile}: violations not documented in docs/semic-conformance.md:\n" + "\n".join(
        f"  {path} {component}, e.g. {examples[0]}" for (_, path, component), examples in sorted(new.items())
    )
    assert not gone, f"{profile}: documented deviations that no longer occur (remove them from the doc): {sorted(gone)}"
    assert any(True for _ in results.subjects(RDF.type, SH.ValidationReport))
