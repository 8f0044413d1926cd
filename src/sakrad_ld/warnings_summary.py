"""A validation report told in a few lines: each kind of finding once, with the meetings it concerns.

A build that conforms prints this instead of every result: a kind is one shape's message (the
same advice for every meeting it applies to), and the meetings are named by id. The full report,
with file, line and field for every result, stays with ``sakrad-ld validate``. Results of
severity ``sh:Info`` — what the sources leave open, such as a documentation that names no
chair — are listed apart as information, not as something to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .validate import Finding, ValidationReport

__all__ = ["Kind", "kinds", "summary_text"]

#: The record a focus node belongs to: the record itself or one of its parts (``…/id/meeting/<id>/…``).
_RECORD = re.compile(r"/id/([a-z]+)/([^/#?]+)")
#: How many names a kind lists before it says how many more there are.
SHOWN = 6


@dataclass(frozen=True)
class Kind:
    """One kind of finding: its severity, its message, and what it concerns (meeting ids first)."""

    severity: str
    message: str
    count: int
    concerns: tuple[str, ...]
    meetings_only: bool


def _concerns(finding: Finding) -> tuple[str, bool]:
    """A meeting by its id; another record as ``kind id``; else the file, or the IRI. And
    whether it is a meeting."""
    if match := _RECORD.search(finding.focus):
        kind, id = match.groups()
        return (id, True) if kind == "meeting" else (f"{kind} {id}", False)
    if finding.where is not None:
        return finding.where.file.name, False
    return f"<{finding.focus}>", False


def kinds(findings: Iterable[Finding], lang: str = "sv") -> list[Kind]:
    """The findings grouped by severity and shape (or, without a shape, by message), most frequent first."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.severity, f.shape or f.message(lang)), []).append(f)
    out = []
    for (severity, _), members in groups.items():
        named = dict.fromkeys(_concerns(f) for f in members)
        concerns = tuple(sorted({name for name, _ in named}))
        out.append(Kind(severity, members[0].message(lang), len(members), concerns, all(m for _, m in named)))
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(out, key=lambda k: (order.get(k.severity, 3), -len(k.concerns), -k.count, k.message))


def _names(concerns: tuple[str, ...]) -> str:
    shown = ", ".join(concerns[:SHOWN])
    more = len(concerns) - SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


_HEADINGS = {
    "Warning": "To check ({n}): warnings do not stop a release",
    "Info": "For information ({n}): what the sources leave open",
}


def summary_text(report: ValidationReport, details: str, lang: str = "sv") -> str:
    """What a build that conforms prints about its report: nothing when it has no findings,
    else each kind once with the meetings (or files) it concerns, and ``details``, the command
    that prints every finding with its file and line."""
    found = [f for f in report.findings if f.severity != "Violation"]
    if not found:
        return ""
    lines = []
    for severity in ("Warning", "Info"):
        group = kinds((f for f in found if f.severity == severity), lang)
        if not group:
            continue
        lines.append(_HEADINGS[severity].format(n=sum(k.count for k in group)))
        for kind in group:
            n = len(kind.concerns)
            where = f"{n} meeting{'s' * (n != 1)}" if kind.meetings_only else f"{kind.count}×"
            lines.append(f"  {where}: {kind.message}")
            lines.append(f"    {_names(kind.concerns)}")
    lines.append(f"Every finding with its file and line: {details}")
    return "\n".join(lines) + "\n"
