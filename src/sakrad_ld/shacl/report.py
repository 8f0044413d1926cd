"""Validation results (https://www.w3.org/TR/shacl/#results-validation-result) as typed findings.

The engine gives each result as a :class:`Finding` directly: the focus node, the path, the value,
the messages, the shape, the constraint component and the severity, as a person and the build
read them. A SHACL results graph is made from findings where one is written (the release's
``validation/report.ttl``, :meth:`sakrad_ld.validate.ValidationReport.triples`); a results graph
another engine wrote (pySHACL's, :mod:`.reference`) is read back into findings with
:func:`findings_from_report`, so the two engines are compared finding by finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..errors import Where
from ..triples import Index, Term, Triple
from ..vocab import RDF, SH
from .components import Result
from .describe import Describer
from .names import Names
from .paths import path_text, short

if TYPE_CHECKING:
    from .shapes import Shapes

__all__ = ["SEVERITIES", "Finding", "findings_from_report", "findings_of", "sort_findings"]

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Finding:
    """One SHACL validation result, with the place in the YAML it points at (``where``, when the
    data came from the project's YAML)."""

    severity: str
    focus: str
    path: str | None
    value: str | None
    messages: dict[str, str]
    shape: str | None
    component: str
    where: Where | None = None
    #: sh:value as a term (an IRI or a literal; None for a blank node), as the results graph writes it
    value_term: ox.NamedNode | ox.Literal | None = field(default=None, compare=False, repr=False)
    #: the focus node as a term
    focus_term: Term | None = field(default=None, compare=False, repr=False)
    #: the path when it is a predicate (an IRI)
    path_term: ox.NamedNode | None = field(default=None, compare=False, repr=False)

    def message(self, lang: str = "sv") -> str:
        for choice in (lang, "en", "sv", ""):
            if choice in self.messages:
                return self.messages[choice]
        return next(iter(self.messages.values()), self.component)

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> Finding:
        """The finding :meth:`as_json` gave (without its terms, which the results graph alone
        needs); raises KeyError, TypeError or ValueError on anything else."""
        where = None
        if doc["file"] is not None:
            where = Where(Path(str(doc["file"])), int(doc["line"]), str(doc["field"] or ""))
        messages = doc["message"]
        if not isinstance(messages, dict) or not all(isinstance(v, str) for v in messages.values()):
            raise TypeError("messages are a map of texts")

        def text(key: str) -> str | None:
            value = doc[key]
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{key} is a text")
            return value

        return cls(
            severity=str(doc["severity"]),
            focus=str(doc["focusNode"]),
            path=text("resultPath"),
            value=text("value"),
            messages={str(k): v for k, v in messages.items()},
            shape=text("sourceShape"),
            component=str(doc["sourceConstraintComponent"]),
            where=where,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "focusNode": self.focus,
            "resultPath": self.path,
            "value": self.value,
            "message": self.messages,
            "sourceShape": self.shape,
            "sourceConstraintComponent": self.component,
            "file": str(self.where.file) if self.where else None,
            "line": self.where.line if self.where else None,
            "field": self.where.field if self.where else None,
        }


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """By file, line and resource (findings without a place last), then path, component, value,
    shape, severity and message."""
    return sorted(
        findings,
        key=lambda f: (
            str(f.where.file) if f.where else "~",
            f.where.line if f.where else 0,
            f.focus,
            f.path or "",
            f.component,
            f.value or "",
            f.shape or "",
            f.severity,
            sorted(f.messages.items()),
        ),
    )


def _value_text(value: Term) -> str:
    return value.value if isinstance(value, ox.Literal) else short(value.value)


def _messages(messages: Iterable[ox.Literal]) -> dict[str, str]:
    found: dict[str, set[str]] = {}
    for m in messages:
        found.setdefault(m.language or "", set()).add(m.value)
    return {lang: min(texts) for lang, texts in sorted(found.items())}


def _finding(
    severity: Term | None,
    focus: Term,
    path: Term | None,
    text: str | None,
    value: Term | None,
    messages: dict[str, str],
    shape: Term | None,
    component: Term | None,
) -> Finding:
    return Finding(
        severity=SEVERITIES.get(severity, "Violation"),  # type: ignore[arg-type]
        focus=focus.value,
        path=text,
        value=None if value is None else _value_text(value),
        messages=messages,
        # a blank-node shape has no name that survives the next build, so it is not reported
        shape=shape.value if isinstance(shape, ox.NamedNode) else None,
        component="None" if component is None else component.value,
        value_term=value if isinstance(value, (ox.NamedNode, ox.Literal)) else None,
        focus_term=focus,
        path_term=path if isinstance(path, ox.NamedNode) else None,
    )


def findings_of(
    results: Iterable[Result], shapes: Shapes, index: Index, prefixes: Mapping[str, str] | None = None
) -> list[Finding]:
    """The engine's results as findings; a shape without sh:message gets pySHACL's default
    message, naming data terms with ``prefixes`` (by default those rdflib binds in a new graph)."""
    data: Describer | None = None
    out = []
    for result in results:
        shape = result.shape
        if shape.messages:
            messages = _messages(shape.messages)
        else:
            if data is None:
                data = Describer(Names(prefixes), index)
            messages = _messages(
                ox.Literal(t) for t in result.component.default_messages(result, shapes.describe, data)
            )
        out.append(
            _finding(
                shape.severity,
                result.focus,
                shape.path.node if shape.path is not None else None,
                shape.path.text if shape.path is not None else None,
                result.value,
                messages,
                shape.node,
                result.kind,
            )
        )
    return out


def findings_from_report(triples: Iterable[Triple]) -> tuple[list[Finding], bool]:
    """The findings and the conformance of a SHACL results graph: the results of the report only
    (pySHACL nests the results of sh:node shapes under sh:detail; those are no results of their own)."""
    g = Index(triples)
    findings = []
    conforms = True
    for report in g.subjects_of(RDF.type, SH.ValidationReport):
        conforms = conforms and all(c.value in ("true", "1") for c in g.objects(report, SH.conforms))
        for r in g.objects(report, SH.result):
            path = next(iter(g.objects(r, SH.resultPath)), None)
            value = next(iter(g.objects(r, SH.value)), None)
            findings.append(
                _finding(
                    next(iter(g.objects(r, SH.resultSeverity)), None),
                    g.objects(r, SH.focusNode)[0],
                    path,
                    None if path is None else path.value if isinstance(path, ox.NamedNode) else path_text(g, path),
                    value,
                    _messages(m for m in g.objects(r, SH.resultMessage) if isinstance(m, ox.Literal)),
                    next(iter(g.objects(r, SH.sourceShape)), None),
                    next(iter(g.objects(r, SH.sourceConstraintComponent)), None),
                )
            )
    return findings, conforms
