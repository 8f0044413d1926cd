"""Reconciliation of the data's organisations against register extracts: proposals for review.

Every name of an organisation (``name``, ``alt_names``, ``legal_name``) is compared with every
name of every register entry (:func:`sakrad_ld.registers.names.compare`); an entry's score is the
best of those comparisons. A candidate is *accepted* only when it is the same name and nothing else
is in doubt: its score reaches :data:`THRESHOLD`, no other number does, and nothing holds it back.
What holds a candidate back is said in its ``reasons``, for a person to judge:

* the names differ by a legal-form word ("RFSL" ~ "Insamlingsstiftelsen RFSL"), by words one of
  them adds (a district, a local branch, a youth or student organisation, a place), or match only
  on an abbreviation's letters;
* the register marks the entry retired, ended or inactive (:mod:`sakrad_ld.registers.status`);
* the extract notes something beside the entry (a ``note``, ``comment`` or ``anmärkning``: "Numret är
  inte bekräftat", "troligen fel nummer"), quoted;
* the number's group does not fit the legal form the register's name states (:mod:`.orgnr`);
* the number contradicts one ``data/organisations.yaml`` records, for this organisation or another.

A number field for which most organisations matched by name get a number other than the one
``data/`` records is refused (:class:`~sakrad_ld.errors.InputError`): it does not hold organisation
numbers. Nothing here changes ``data/``: the result is a proposals file (``sakrad-ld links
reconcile``), and a person copies what they confirm into ``data/organisations.yaml`` with the
extract's address as the identifier's source and the candidate's status, one that loading accepts
(``secondary`` with its note for a current entry, ``retired`` for an ended one; never ``register-copy``,
which only a copy the register's keeper publishes gives). See ``docs/reconcile.md``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import InputError, Where
from ..orgnr import form_mismatch
from ..records import Organisation
from ..registered import confirmed
from .names import Likeness, NameForm, compare, forms, legal_forms
from .register import Register
from .status import EntryStatus, caveat_reason

__all__ = [
    "CANDIDATES",
    "FLOOR",
    "THRESHOLD",
    "Candidate",
    "Proposal",
    "proposals_yaml",
    "read_organisations",
    "reconcile",
    "write_proposals",
]

#: A score at or above this accepts a candidate that nothing holds back (unless another number also
#: reaches it). Chosen from measurements on Skatteverket's list (docs/reconcile.md): the seed
#: organisations' right numbers score 1.0 and their best wrong candidate 0.333. 0.85 still accepts a
#: name that differs only by an inflected word ("Svenska Röda Korsets" ~ "Svenska Röda Korset":
#: 0.935); names that differ by a word are held back whatever they score (names.compare).
THRESHOLD = 0.85
#: Candidates scoring below this are not shown at all.
FLOOR = 0.3
#: At most this many candidates are shown per organisation.
CANDIDATES = 10
#: A number field is refused when more than this share of the organisations it matches by name
#: (at least two, each with a number recorded in data/) get another number from it.
CONTRADICTED_SHARE = 0.5
#: Names are compared only when a word of each begins with the same letters (names.compare needs
#: an equal word, or an inflected one whose stem has at least this many letters, to score above 0).
_STEM = 4
#: The identifier status (data/organisations.yaml, ``status``) a person would give a number read in
#: a register extract: a current entry, a retired entry, and a current entry of an extract that is
#: a copy the register's keeper publishes (:func:`registered.confirmed`, ``KEEPER_COPIES``). An extract
#: is read from a file, not from the keeper's address, and no keeper's copy of organisation numbers is
#: known, so every current entry is ``secondary``: loading refuses ``register-copy`` from anything
#: else (``registered.check_registered``), and ``register`` is for a number read in the register itself.
CURRENT_STATUS, RETIRED_STATUS, COPY_STATUS = "secondary", "retired", "register-copy"


@dataclass(frozen=True)
class Candidate:
    """A register entry proposed for an organisation: the names that matched best, and what holds it back."""

    number: str
    register_name: str
    score: float
    accepted: bool
    register: Path
    line: int
    matched: str  # the organisation's name that matched
    iri: str | None = None
    questions: tuple[str, ...] = ()  # how the names differ (names.compare)
    entry_status: EntryStatus | None = None  # how the register marks the entry ended, if it does
    mismatch: str | None = None  # the number's group against the legal form the name states
    contradicts: tuple[str, ...] = ()  # numbers recorded in data/ that this one contradicts
    caveats: tuple[tuple[str, str], ...] = ()  # the extract's free-text notes beside the entry (status.caveats)
    rivals: tuple[str, ...] = ()  # other entries of the same name, ended or caveated (see reconcile)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the candidate is not accepted automatically (empty: nothing holds it back)."""
        said = list(self.questions)
        if self.entry_status:
            said.append(self.entry_status.describe())
        said.extend(caveat_reason(field, value) or "" for field, value in self.caveats)
        if self.mismatch:
            said.append(self.mismatch)
        if self.contradicts:
            said.append("contradicts what data/ records: " + "; ".join(self.contradicts))
        if self.rivals:
            said.append(
                "another entry of this name exists: "
                + "; ".join(self.rivals)
                + " (which of them took part in a sakråd depends on its date: a person must judge)"
            )
        return tuple(said)

    @property
    def status(self) -> str:
        """The identifier status to record if a person takes this number (see data/organisations.yaml):
        one that loading accepts from the extract as the identifier's source."""
        if self.entry_status:
            return RETIRED_STATUS
        return COPY_STATUS if confirmed(COPY_STATUS, str(self.register), "orgnr") else CURRENT_STATUS

    @property
    def note(self) -> dict[str, str]:
        """The identifier's ``note`` (Swedish and English) a person records with the number: where it was
        read, and, so that a person who copies it publishes no caveat unsaid, how the register marks the
        entry ended and what the extract notes beside it, in the extract's own words."""
        entry, name = f"{self.number} {self.register_name!r}", self.register.name
        if self.status == CURRENT_STATUS:
            sv = (
                f"Läst i registerutdraget {name} (posten {entry}), inte i en kopia som registrets förvaltare "
                "publicerar; därför secondary tills posten har lästs i själva registret."
            )
            en = (
                f"Read in the register extract {name} (the entry {entry}), not in a copy the register's keeper "
                "publishes; hence secondary until the entry is read in the register itself."
            )
        elif self.status == RETIRED_STATUS and self.entry_status:
            said = ", ".join(f"{field}: {value}" for field, value in self.entry_status.evidence)
            sv = f"Läst i registerutdraget {name} (posten {entry}), som markerar posten som avslutad ({said})."
            en = f"Read in the register extract {name} (the entry {entry}), which marks the entry ended ({said})."
        else:
            return {}
        if self.caveats:
            noted = "; ".join(f"{field}: {value!r}" for field, value in self.caveats)
            sv += f" Utdraget anmärker vid posten: {noted}."
            en += f" The extract notes beside the entry: {noted}."
        return {"sv": sv, "en": en}


@dataclass(frozen=True)
class Proposal:
    """The candidates for one organisation of the data, best first."""

    organisation: Organisation
    candidates: tuple[Candidate, ...]
    note: str = ""

    @property
    def accepted(self) -> Candidate | None:
        return next((c for c in self.candidates if c.accepted), None)


def read_organisations(data_dir: Path) -> list[Organisation]:
    """The organisations of ``data_dir/organisations.yaml``: all reconciliation needs of ``data/``."""
    from ..corpus import OrganisationsFile
    from ..typedyaml import compose_file, load_record
    from .links import MAX_DATA_FILE, data_file

    path = data_dir / "organisations.yaml"
    if data_file(data_dir, path.name) is None:  # refused unread where it leads out of data/, as loading does
        raise InputError(Where(path, 0), "the file is missing", f"an organisations.yaml in {data_dir}")
    node = compose_file(path, MAX_DATA_FILE)
    if node is None:
        raise InputError(Where(path, 1), "the file is empty", "a list of organisations under 'organisations:'")
    return list(load_record(OrganisationsFile, node, path).organisations)


def _names(org: Organisation) -> list[str]:
    return list(dict.fromkeys([org.name, *org.alt_names, *([org.legal_name] if org.legal_name else [])]))


def _recorded(organisations: Sequence[Organisation]) -> dict[str, list[tuple[str, str]]]:
    """Every organisation number data/ records: number → [(organisation id, where it stands)]."""
    out: dict[str, list[tuple[str, str]]] = {}
    for org in organisations:
        for ident in org.identifiers:
            if ident.scheme == "orgnr":
                lines = ident.lines
                where = (
                    f"data/{lines.file.name}:{lines.fields.get('value', lines.line)}"
                    if lines
                    else "data/organisations.yaml"
                )
                out.setdefault(ident.value, []).append((org.id, where))
    return out


def reconcile(
    organisations: Iterable[Organisation], registers: Sequence[Register], threshold: float = THRESHOLD
) -> list[Proposal]:
    """The proposals for every organisation, in the order given; deterministic.

    Raises InputError for a register whose number field gives most organisations matched by name
    another number than data/ records for them (it does not hold organisation numbers)."""
    organisations = list(organisations)
    recorded = _recorded(organisations)
    indexed = [
        (register, entry, forms(entry.name, of_register=True), legal_forms(entry.name))
        for register in registers
        for entry in register.entries
    ]
    by_stem: dict[str, set[int]] = {}  # entries by the stems of their words: only those are compared
    for n, (_, _, theirs, _) in enumerate(indexed):
        for form in theirs:
            for word in form.words:
                by_stem.setdefault(word[:_STEM], set()).add(n)
    out = []
    for org in organisations:
        own = [(name, form) for name in _names(org) for form in forms(name)]
        mine = {n for n, holders in recorded.items() if any(i == org.id for i, _ in holders)}
        best: dict[tuple[str, str, str, str], Candidate] = {}
        near = sorted({n for _, form in own for word in form.words for n in by_stem.get(word[:_STEM], ())})
        for register, entry, theirs, legal in (indexed[n] for n in near):
            likeness, matched = _best(own, theirs)
            if likeness.score < FLOOR:
                continue
            key = (entry.number, entry.name, str(register.path), entry.status.kind if entry.status else "")
            if key in best and likeness.score <= best[key].score:
                continue
            best[key] = Candidate(
                entry.number,
                entry.name,
                round(likeness.score, 3),
                False,
                register.path,
                entry.line,
                matched,
                entry.iri,
                likeness.questions,
                entry.status,
                form_mismatch(entry.number, legal),
                _contradicts(entry.number, org.id, mine, recorded),
                entry.caveats,
            )
        ranked = sorted(
            best.values(), key=lambda c: (-c.score, bool(c.reasons), c.number, c.register_name, str(c.register), c.line)
        )
        sure = {c.number for c in ranked if c.score >= threshold and not c.reasons}
        note = ""
        if len(sure) > 1:
            note = f"{len(sure)} different numbers reach the threshold; none is accepted, choose by hand"
        # an entry of the same name the register marks ended, or notes something beside, is a rival: the
        # organisation of an earlier sakråd may have been that one
        held = [c for c in ranked if c.score >= threshold and c.number not in sure and not c.questions]
        if len(sure) == 1 and held:
            ranked = [dataclasses.replace(c, rivals=_rivals(c, held)) if c.number in sure else c for c in ranked]
        ranked = [_accept(c, len(sure) == 1 and c.score >= threshold and not c.reasons) for c in ranked]
        out.append(Proposal(org, tuple(ranked[:CANDIDATES]), note))
    for register in registers:
        _check_against_data(register, out, threshold, recorded)
    return out


def _accept(c: Candidate, accepted: bool) -> Candidate:
    return dataclasses.replace(c, accepted=accepted)


def _rivals(c: Candidate, held: list[Candidate]) -> tuple[str, ...]:
    """The entries of ``held`` other than ``c``'s, each as its number, name and what holds it back."""
    out = []
    for other in held:
        if other.number == c.number:
            continue
        how = []
        if other.entry_status:
            how.append(f"{other.entry_status.kind} {other.entry_status.date}".strip())
        if other.caveats:
            how.append("noted: " + "; ".join(f"{field}: {value!r}" for field, value in other.caveats))
        out.append(f"{other.number} {other.register_name!r}" + (f" ({', '.join(how)})" if how else ""))
    return tuple(dict.fromkeys(out))


def _contradicts(
    number: str, org_id: str, mine: set[str], recorded: dict[str, list[tuple[str, str]]]
) -> tuple[str, ...]:
    said = []
    if mine and number not in mine:
        said += [f"{n} recorded in {where}" for n in sorted(mine) for i, where in recorded[n] if i == org_id]
    said += [f"{number} is recorded for {i} in {where}" for i, where in recorded.get(number, []) if i != org_id]
    return tuple(said)


def _best(own: list[tuple[str, NameForm]], theirs: list[NameForm]) -> tuple[Likeness, str]:
    """The best comparison of any of our forms with any of theirs: highest score, then fewest questions."""
    best, matched = Likeness(0.0), ""
    for name, form in own:
        for other in theirs:
            likeness = compare(form, other)
            if (likeness.score, -len(likeness.questions)) > (best.score, -len(best.questions)):
                best, matched = likeness, name
    return best, matched


def _check_against_data(
    register: Register, proposals: list[Proposal], threshold: float, recorded: dict[str, list[tuple[str, str]]]
) -> None:
    """Refuses ``register`` when its numbers contradict data/ for most organisations its names match."""
    matched: dict[str, list[Candidate]] = {}
    for p in proposals:
        for c in p.candidates:
            if (
                c.register == register.path
                and c.score >= threshold
                and not c.questions
                and (any(i.scheme == "orgnr" for i in p.organisation.identifiers) or c.number in recorded)
            ):
                matched.setdefault(p.organisation.id, []).append(c)
    wrong = {org: cs for org, cs in matched.items() if all(c.contradicts for c in cs)}
    if len(matched) >= 2 and len(wrong) > CONTRADICTED_SHARE * len(matched):
        examples = "; ".join(
            f"{org}: {cs[0].number}, but {cs[0].contradicts[0]}" for org, cs in list(wrong.items())[:3]
        )
        raise InputError(
            Where(register.path, 1),
            f"the number field {register.number_field!r} does not behave like organisation numbers: for "
            f"{len(wrong)} of the {len(matched)} organisations whose names match an entry and whose numbers "
            f"data/organisations.yaml records, it gives another number ({examples})",
            "a field of the organisations' own numbers",
            register.hint(),
        )


def proposals_yaml(proposals: Sequence[Proposal], registers: Sequence[Register], threshold: float = THRESHOLD) -> str:
    """The proposals file a person reviews: YAML, one entry per organisation, stable order."""
    doc = {
        "threshold": threshold,
        "registers": [
            {
                "file": str(r.path),
                "name_field": r.name_field,
                "number_field": r.number_field,
                "entries": len(r.entries),
                **({"date": r.date} if r.date else {}),
                "marked_ended": sum(1 for e in r.entries if e.status),
                "set_aside": [{"line": x.line, "value": x.value, "reason": x.reason} for x in r.rejected],
            }
            for r in registers
        ],
        "organisations": [_proposal(p) for p in proposals],
    }
    accepted = sum(1 for p in proposals if p.accepted)
    head = (
        "# Proposals of `sakrad-ld links reconcile`: organisation numbers for a person to review.\n"
        "# Nothing here changes data/. For each accepted candidate, check the register, then add the number\n"
        "# to data/organisations.yaml as an identifier whose source is the extract's address, with the\n"
        "# candidate's `status` and `note`: `secondary` for a current entry, as the extract is not a copy the\n"
        "# register's keeper publishes (loading, and so every command that loads data/, refuses register-copy\n"
        "# from it; docs/links.md); `register` only after reading the entry in the register itself.\n"
        "# A candidate with `reasons` is never accepted: each reason is a question for you\n"
        "# (a legal form or words one name adds, an entry the register marks ended, a number data/ contradicts).\n"
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
    entry["candidates"] = [_candidate(c, recorded) for c in p.candidates]
    return entry


def _candidate(c: Candidate, recorded: list[str]) -> dict[str, object]:
    out: dict[str, object] = {
        "number": c.number,
        "register_name": c.register_name,
        "score": c.score,
        "accepted": c.accepted,
    }
    if c.reasons:
        out["reasons"] = list(c.reasons)
    if c.contradicts:
        out["contradicts"] = "; ".join(c.contradicts)
    out["register_status"] = c.entry_status.kind if c.entry_status else "current"
    if c.entry_status:
        out["register_status_from"] = dict(c.entry_status.evidence)
    out["status"] = c.status
    if c.note:
        out["note"] = c.note
    out["matched_name"] = c.matched
    if recorded:
        out["recorded"] = c.number in recorded
    out["register"] = str(c.register)
    if c.line:
        out["line"] = c.line
    if c.iri:
        out["iri"] = c.iri
    return out


def write_proposals(out: Path, text: str, project: Path) -> None:
    """Writes the proposals file ``out`` whole or not at all (a temporary renamed over it). Refused
    before anything is written, a SakradError naming ``--out``
    (:func:`sakrad_ld.importer.written.check_file_out`): a path in the project's ``data/``,
    ``ontology/`` or ``shapes/``, in its release ``dist``, in a release or an export anywhere (as
    given, or where a link on its way leads: ``--out data/organisations.yaml`` would replace the
    data with proposals), the project, a folder, a link (it would be replaced by the file, not
    written through) and a device or FIFO."""
    from ..importer.written import check_file_out, write_files

    check_file_out("--out", out, project)
    write_files([(out, text.encode("utf-8"))])
