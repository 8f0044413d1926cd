"""Reconciliation of the data's organisations against register extracts: proposals for review.

Every name of an organisation (``name``, ``alt_names``, ``legal_name``) is compared with every
name of every register entry (:mod:`sakrad_ld.registers.names`); an entry's score is the best of those
comparisons. A candidate is *accepted* when its score reaches :data:`THRESHOLD` and no other
number does; the rest are shown for a person to judge. Nothing here changes ``data/``: the result
is a proposals file (``sakrad-ld links reconcile``), and a person copies what they confirm into
``data/organisations.yaml`` with the register as the identifier's source. See ``docs/reconcile.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..records import Organisation
from .names import NameForm, forms, similarity
from .register import Register

__all__ = ["CANDIDATES", "FLOOR", "THRESHOLD", "Candidate", "Proposal", "proposals_yaml", "reconcile"]

#: A score at or above this accepts a candidate (unless another number also reaches it). Chosen from
#: measurements on Skatteverket's list (docs/reconcile.md): the seed organisations' right numbers score
#: 1.0 and their best wrong candidate 0.333; a parish "Svenska kyrkan i Uppsala" would score 0.667 and
#: a branch "Rädda Barnen distrikt Malmö" 0.5. 0.85 still accepts a name that differs only by an
#: inflected word ("Svenska Röda Korsets" ~ "Svenska Röda Korset": 0.935), and rejects one extra word
#: on a name of up to five words (5/6 = 0.833): that is how local branches are named.
THRESHOLD = 0.85
#: Candidates scoring below this are not shown at all.
FLOOR = 0.3
#: At most this many candidates are shown per organisation.
CANDIDATES = 3


@dataclass(frozen=True)
class Candidate:
    """A register entry proposed for an organisation, with the names that matched best."""

    number: str
    register_name: str
    score: float
    accepted: bool
    register: Path
    line: int
    matched: str  # the organisation's name that matched
    iri: str | None = None


@dataclass(frozen=True)
class Proposal:
    """The candidates for one organisation of the data, best first."""

    organisation: Organisation
    candidates: tuple[Candidate, ...]
    note: str = ""

    @property
    def accepted(self) -> Candidate | None:
        return next((c for c in self.candidates if c.accepted), None)


def _names(org: Organisation) -> list[str]:
    return list(dict.fromkeys([org.name, *org.alt_names, *([org.legal_name] if org.legal_name else [])]))


def reconcile(organisations: Iterable[Organisation], registers: Sequence[Register],
              threshold: float = THRESHOLD) -> list[Proposal]:
    """The proposals for every organisation, in the order given; deterministic."""
    indexed = [(register, entry, forms(entry.name)) for register in registers for entry in register.entries]
    out = []
    for org in organisations:
        own = [(name, form) for name in _names(org) for form in forms(name)]
        best: dict[tuple[str, str, str], Candidate] = {}
        for register, entry, theirs in indexed:
            score, matched = _best(own, theirs)
            key = (entry.number, entry.name, str(register.path))
            if score >= FLOOR and (key not in best or score > best[key].score):
                best[key] = Candidate(entry.number, entry.name, round(score, 3), False, register.path,
                                      entry.line, matched, entry.iri)
        ranked = sorted(best.values(), key=lambda c: (-c.score, c.number, c.register_name, str(c.register)))
        above = {c.number for c in ranked if c.score >= threshold}
        note = ""
        if len(above) > 1:
            note = f"{len(above)} different numbers reach the threshold; none is accepted, choose by hand"
        ranked = [Candidate(c.number, c.register_name, c.score, len(above) == 1 and c.score >= threshold,
                            c.register, c.line, c.matched, c.iri) for c in ranked[:CANDIDATES]]
        out.append(Proposal(org, tuple(ranked), note))
    return out


def _best(own: list[tuple[str, NameForm]], theirs: list[NameForm]) -> tuple[float, str]:
    score, matched = 0.0, ""
    for name, form in own:
        for other in theirs:
            s = similarity(form, other)
            if s > score:
                score, matched = s, name
    return score, matched


def proposals_yaml(proposals: Sequence[Proposal], registers: Sequence[Register],
                   threshold: float = THRESHOLD) -> str:
    """The proposals file a person reviews: YAML, one entry per organisation, stable order."""
    doc = {
        "threshold": threshold,
        "registers": [{
            "file": str(r.path), "name_field": r.name_field, "number_field": r.number_field,
            "entries": len(r.entries),
            "set_aside": [{"line": x.line, "value": x.value, "reason": x.reason} for x in r.rejected],
        } for r in registers],
        "organisations": [_proposal(p) for p in proposals],
    }
    accepted = sum(1 for p in proposals if p.accepted)
    head = (
        "# Proposals of `sakrad-ld links reconcile`: organisation numbers for a person to review.\n"
        "# Nothing here changes data/. For each accepted candidate, check the register, then add the number\n"
        "# to data/organisations.yaml as an identifier whose source is the register.\n"
        f"# {accepted} of {len(proposals)} organisation(s) have an accepted candidate "
        f"(score >= {threshold}).\n"
    )
    return head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110)


def _proposal(p: Proposal) -> dict[str, object]:
    org = p.organisation
    recorded = sorted(i.value for i in org.identifiers if i.scheme == "orgnr")
    entry: dict[str, object] = {"id": org.id, "name": org.name}
    if recorded:
        entry["recorded"] = recorded
    if p.note:
        entry["note"] = p.note
    entry["candidates"] = [{
        "number": c.number,
        "register_name": c.register_name,
        "score": c.score,
        "accepted": c.accepted,
        "matched_name": c.matched,
        **({"recorded": c.number in recorded} if recorded else {}),
        "register": str(c.register),
        **({"line": c.line} if c.line else {}),
        **({"iri": c.iri} if c.iri else {}),
    } for c in p.candidates]
    return entry
