"""SHACL validation (https://www.w3.org/TR/shacl/#validation-report) with reports people can read.

:mod:`sakrad_ld.shacl` does the validating and gives typed findings (:class:`Finding`) and the
data's conformance directly (pySHACL on request, the reference it is tested against,
:mod:`sakrad_ld.shacl.reference`); this module adds what a person needs to act: the YAML file,
line and field each finding's fact came from, the message in their language, and the report as
text, JSON, or a SHACL results graph written once from the findings (the release's
``validation/report.ttl``). A graph *conforms* when it has no Violation; Warnings (doubtful or
incomplete data) are reported but do not stop a build.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import ProjectError
from .graph import Origins
from .serialize import serialize_ox, sort_key
from .shacl import Finding, Shapes, ShapesGraph, check
from .shacl.paths import short
from .shacl.report import sort_findings
from .triples import RDF_TYPE, Index, Triple
from .vocab import SH, XSD

__all__ = ["ENGINES", "SEVERITIES", "Finding", "ValidationReport", "load_shapes", "validate"]

SHACL_SPEC = "https://www.w3.org/TR/shacl/#validation-report"

#: The severities of SHACL Core, least severe first (https://www.w3.org/TR/shacl/#severity).
SEVERITIES = ("Info", "Warning", "Violation")


def _at_least(findings: Iterable[Finding], severity: str) -> list[Finding]:
    """The findings of ``severity`` and the more severe ones."""
    if severity not in SEVERITIES:
        raise ValueError(f"a severity is one of {', '.join(SEVERITIES)}, not {severity!r}")
    rank = SEVERITIES.index(severity)
    return [f for f in findings if f.severity not in SEVERITIES or SEVERITIES.index(f.severity) >= rank]


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating a graph against a set of shapes."""

    findings: tuple[Finding, ...]
    #: whether the data conforms (https://www.w3.org/TR/shacl/#conformance), warnings allowed:
    #: by default, when no finding is a Violation
    conforms: bool = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if not isinstance(self.conforms, bool):
            object.__setattr__(self, "conforms", not self.count("Violation"))

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def summary(self) -> str:
        v, w = self.count("Violation"), self.count("Warning")
        verdict = "conforms" if self.conforms else "does not conform"
        return f"The data {verdict}: {v} violation{'s' * (v != 1)}, {w} warning{'s' * (w != 1)}."

    def text(self, lang: str = "sv", severity: str = "Info") -> str:
        """The findings of ``severity`` and above for people, and the summary of all of them."""
        shown = _at_least(self.findings, severity)
        lines = []
        for f in shown:
            at = f"{f.where}" if f.where else "(no source line)"
            lines.append(f"{f.severity}: {at}")
            lines.append(f"  resource: {short(f.focus)}")
            if f.path:
                lines.append(f"  property: {short(f.path) if '://' in f.path else f.path}")
            if f.value is not None:
                lines.append(f"  value:    {f.value}")
            lines.append(f"  message:  {f.message(lang)}")
        lines.append(self.summary())
        if len(shown) < len(self.findings):
            left = len(self.findings) - len(shown)
            lines.append(f"{left} finding{'s' * (left != 1)} less severe than {severity} not shown.")
        if not self.conforms:
            lines.append(f"Fix each violation at the line given. For reference, see {SHACL_SPEC}")
        return "\n".join(lines) + "\n"

    def json(self, severity: str = "Info") -> str:
        """The report for programs: the counts of all findings, the results of ``severity`` and above."""
        return json.dumps(self.json_document(severity), ensure_ascii=False, indent=2) + "\n"

    def json_document(self, severity: str = "Info") -> dict[str, Any]:
        """What :meth:`json` writes, as a dict (made anew at each call)."""
        doc: dict[str, Any] = {
            "conforms": self.conforms,
            "violations": self.count("Violation"),
            "warnings": self.count("Warning"),
            "results": [f.as_json() for f in _at_least(self.findings, severity)],
        }
        if severity != "Info":
            doc["severity"] = severity  # the results are this severity and above
        return doc

    def triples(self, report_iri: str) -> list[ox.Triple]:
        """The report as a SHACL validation report (https://www.w3.org/TR/shacl/#validation-report)
        with stable IRIs (no blank nodes), so a release that contains it stays byte-identical between
        builds; written straight from the findings, in the release's order."""
        report = ox.NamedNode(report_iri)
        out: list[Triple] = [
            (report, RDF_TYPE, SH.ValidationReport),
            (report, SH.conforms, ox.Literal(str(self.conforms).lower(), datatype=XSD.boolean)),
        ]
        for n, f in enumerate(self.findings, start=1):
            r = ox.NamedNode(f"{report_iri}#result-{n}")
            out += [
                (report, SH.result, r),
                (r, RDF_TYPE, SH.ValidationResult),
                (r, SH.resultSeverity, SH[f.severity]),
                (r, SH.focusNode, ox.NamedNode(f.focus)),
                (r, SH.sourceConstraintComponent, ox.NamedNode(f.component)),
            ]
            if f.path and f.path.startswith(("http://", "https://", "urn:")):
                out.append((r, SH.resultPath, ox.NamedNode(f.path)))
            if f.value_term is not None:
                out.append((r, SH.value, f.value_term))
            if f.shape:
                out.append((r, SH.sourceShape, ox.NamedNode(f.shape)))
            for lang, text in f.messages.items():
                out.append((r, SH.resultMessage, ox.Literal(text, language=lang) if lang else ox.Literal(text)))
        return sorted({ox.Triple(*t) for t in out}, key=sort_key)

    def turtle(self, report_iri: str = "urn:sakrad-ld:validation-report") -> bytes:
        return serialize_ox(self.triples(report_iri), "turtle")


def load_shapes(paths: Iterable[Path]) -> ShapesGraph:
    """One shapes graph from Turtle files (a folder stands for every ``*.ttl`` in it, and a link
    there may lead only to a file in the folder)."""
    graphs: list[ShapesGraph] = []
    for path in paths:
        files = sorted(path.glob("*.ttl")) if path.is_dir() else [path]
        if files:
            graphs.append(ShapesGraph.load(files, root=path if path.is_dir() else None))
    if not graphs:
        raise ProjectError("no SHACL shapes found; expected Turtle files in shapes/")
    return ShapesGraph.union(graphs)


#: The validation engines: sakrad-ld's own set-based SHACL Core engine (:mod:`sakrad_ld.shacl`), and
#: pySHACL, the reference the tests hold it to (tests/test_shacl_engine.py).
ENGINES = ("sakrad", "pyshacl")


def validate(
    data: Index | Iterable[Triple],
    shapes: ShapesGraph | Shapes,
    origins: Origins | None = None,
    *,
    engine: str = "sakrad",
) -> ValidationReport:
    """Validates ``data`` against ``shapes``; findings are sorted by file, line and resource.

    The default engine is :mod:`sakrad_ld.shacl`, which evaluates each constraint over all its focus
    nodes at once and gives the findings pySHACL gives (docs/performance.md: 2.2 s against 21.8 s for
    280,953 triples); ``engine="pyshacl"`` runs pySHACL itself (:mod:`sakrad_ld.shacl.reference`)."""
    if engine == "pyshacl":
        from .shacl.reference import pyshacl_check  # the reference engine, imported when asked for

        findings, conforms = pyshacl_check(data, shapes)
    elif engine == "sakrad":
        index = data if isinstance(data, Index) else Index(data)
        findings, conforms = check(index, shapes if isinstance(shapes, Shapes) else Shapes.compile(shapes))
    else:
        raise ValueError(f"unknown validation engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if origins is not None:
        origins.find(
            (f.focus_term, f.path_term) for f in findings if f.focus_term is not None and f.path_term is not None
        )
        findings = [_placed(f, origins) for f in findings]
    return ValidationReport(tuple(sort_findings(findings)), conforms)


def _placed(finding: Finding, origins: Origins) -> Finding:
    """The finding with the YAML place of its focus node and path."""
    if finding.focus_term is None:
        return finding
    return replace(finding, where=origins.of(finding.focus_term, finding.path_term))
