"""Whether a register marks an entry retired, ended or inactive, and by which of its fields.

Registers say it in many ways; each is recognised in a row's fields (YAML fields, nested ones as
``a.b``; CSV columns), never by the clock:

* a **status word** in a field such as ``status``, ``state``, ``reason`` or ``categories``:
  ``retired``, ``deregistered``, ``avregistrerad``, ``upphört``, ``inactive``, ``vilande`` …
  (:data:`ENDED_WORDS` anywhere but the name, number, web address and a free-text note);
  :data:`STATUS_WORDS` (``closed``, ``under likvidation``, ``konkurs`` …) only in a field named like a
  status, :data:`STATUS_FIELDS`, or in parentheses in the name: in a purpose or description they are
  what the organisation works on;
* a **reason** the entry ended, any words in a field such as ``reason``, ``orsak`` or
  ``avregistreringsorsak`` (:data:`REASON_FIELDS`) that do not say it is current;
* a **flag**: ``active: false``, ``aktiv: nej``, ``retired: true``, ``avregistrerad: ja``;
* an **end date**: a date in a field such as ``end``, ``endDate``, ``expires``, ``slutdatum``,
  ``upphörde``, ``avregistrerad``, ``dissolved`` (:data:`END_FIELDS`). There is no clock here: an
  end date counts as ended, unless the register states its own date (a top-level ``date``,
  ``updated``, ``extracted`` … of a YAML extract) and the end date is after it;
* in a name, a status word in parentheses ("Föreningen X (avregistrerad)").

A free-text note beside the entry (``note``, ``comment``, ``anmärkning`` …, :data:`NOTE_FIELDS`) is never
read as its status: it is a caveat (:func:`caveats`), which holds a candidate back with the note's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "ACTIVE_FIELDS",
    "CURRENT_WORDS",
    "NOTE_FIELDS",
    "ENDED_WORDS",
    "PROCEEDING_WORDS",
    "END_FIELDS",
    "REASON_FIELDS",
    "REGISTER_DATE_FIELDS",
    "STATUS_FIELDS",
    "STATUS_WORDS",
    "EntryStatus",
    "caveats",
    "entry_status",
    "iso_date",
    "key",
]

#: Words that mark an entry ended wherever they stand (bar the name, the number and web addresses).
ENDED_WORDS = frozenset(
    {
        "retired",
        "deregistered",
        "dissolved",
        "terminated",
        "revoked",
        "liquidated",
        "defunct",
        "inactive",
        "avregistrerad",
        "avregistrerat",
        "avregistrerades",
        "avförd",
        "avfört",
        "upphörd",
        "upphört",
        "upphörde",
        "likviderad",
        "likviderat",
        "återkallad",
        "återkallat",
        "nedlagd",
        "nedlagt",
        "inaktiv",
        "inaktivt",
        "avslutad",
        "avslutat",
        "vilande",
        "dormant",
        "upplöst",
        "upplösts",
        "upplöstes",
        "upplösning",
    }
)
#: Proceedings that end an entry where the register gives them as its state (``status: Under likvidation``,
#: "Föreningen X (i likvidation)"); in any other field they are what an organisation works on ("Stöd till
#: personer i konkurs"), so they are :data:`STATUS_WORDS`, never :data:`ENDED_WORDS`.
PROCEEDING_WORDS = frozenset({"likvidation", "konkurs", "liquidation", "bankruptcy", "bankrupt"})
#: Fields of free text beside an entry (field names compared as :func:`key`): a note, a comment, a caveat.
#: Their words are never the register's status ("the 90-konto is marked retired" says nothing of the
#: number's entry); each is a caveat (:func:`caveats`) that keeps a candidate from being accepted.
NOTE_FIELDS = frozenset(
    {
        "note",
        "notes",
        "comment",
        "comments",
        "remark",
        "remarks",
        "caveat",
        "caveats",
        "anmärkning",
        "anmärkningar",
        "kommentar",
        "kommentarer",
        "notering",
        "noteringar",
        "not",
        "observera",
    }
)
#: Words that mark an entry ended in a field named like a status (they mean other things elsewhere).
STATUS_WORDS = frozenset(
    {
        "ended",
        "closed",
        "expired",
        "removed",
        "deleted",
        "cancelled",
        "canceled",
        "withdrawn",
        "former",
        "historical",
        "obsolete",
        "deprecated",
        "merged",
        "suspended",
        "fusionerad",
        "sammanslagen",
        "borttagen",
        "avstängd",
        "upphävd",
        "stängd",
        "utgången",
        "ogiltig",
        "invalid",
    }
    | PROCEEDING_WORDS
)
#: Field names (compared as lower-case letters and digits) that hold a status.
STATUS_FIELDS = (
    "status",
    "state",
    "tillstånd",
    "reason",
    "orsak",
    "anledning",
    "category",
    "categories",
    "kategori",
    "kategorier",
    "tag",
    "tags",
    "taggar",
    "flag",
    "flags",
    "type",
    "typ",
)
#: Field names that hold an end date (or a flag, when their value is yes/no).
END_FIELDS = frozenset(
    {
        "end",
        "ends",
        "ended",
        "endedat",
        "enddate",
        "endedon",
        "endedate",
        "slut",
        "slutdatum",
        "tom",
        "to",
        "validto",
        "validuntil",
        "giltigtill",
        "giltigtom",
        "expires",
        "expired",
        "expiry",
        "expirydate",
        "expirationdate",
        "retired",
        "retiredat",
        "retiredon",
        "retireddate",
        "retirementdate",
        "deregistered",
        "deregistrationdate",
        "dissolved",
        "dissolutiondate",
        "terminated",
        "terminationdate",
        "revoked",
        "revokeddate",
        "revocationdate",
        "closed",
        "closeddate",
        "closedon",
        "deleted",
        "deletedat",
        "removed",
        "removedat",
        "inactive",
        "inactivesince",
        "ceased",
        "upphord",
        "upphörd",
        "upphörde",
        "upphordedatum",
        "upphördedatum",
        "upphörandedatum",
        "avregistrerad",
        "avregistreringsdatum",
        "avregistrerades",
        "avförd",
        "nedlagd",
        "likviderad",
        "avslutad",
        "avslutadatum",
        "deprecated",
    }
)
#: Parts of field names that name an end as well: ``date_of_dissolution``, ``closing_date``, ``retired.date``.
_END_PART = re.compile(
    r"ended|ending|enddate|expir|dissol|deregist|avregistr|upphör|upphor|terminat|revok|retire"
    r"|removed|deleted|closed|closing|ceased|validto|validuntil|giltigtill|giltigtom|slutdat"
    r"|likvid|nedlag|avslut"
)
#: Fields that give the reason an entry ended: any value in them marks it ended, unless it says current.
REASON_FIELDS = frozenset(
    {
        "reason",
        "orsak",
        "anledning",
        "endreason",
        "retiredreason",
        "terminationreason",
        "removalreason",
        "statusreason",
        "avregistreringsorsak",
        "upphörandeorsak",
    }
)
#: Values that say an entry is current.
CURRENT_WORDS = frozenset(
    {
        "active",
        "aktiv",
        "current",
        "registered",
        "registrerad",
        "approved",
        "godkänd",
        "valid",
        "giltig",
        "ok",
        "none",
        "-",
        "ingen",
    }
)
#: Flags whose "no" marks an entry inactive.
ACTIVE_FIELDS = frozenset({"active", "isactive", "aktiv", "current", "iscurrent", "valid", "giltig", "gällande"})
#: Top-level fields of a YAML extract that give the date the extract holds for.
REGISTER_DATE_FIELDS = (
    "date",
    "datum",
    "asof",
    "updated",
    "uppdaterad",
    "lastupdated",
    "extracted",
    "extractdate",
    "retrieved",
    "hämtad",
    "generated",
    "published",
    "modified",
)

#: Fields that date a change of the entry: shown beside the status that changed ("date: 2014-10-23").
_CHANGE_FIELDS = frozenset(
    {
        "date",
        "datum",
        "changed",
        "changedat",
        "updated",
        "ändrad",
        "ändringsdatum",
        "statusdate",
        "statusdatum",
        "since",
        "sedan",
    }
)
_YES = frozenset({"true", "yes", "ja", "1", "x", "y", "j", "sant"})
_NO = frozenset({"false", "no", "nej", "0", "n", "falskt"})
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.+Z-]*)?")


@dataclass(frozen=True)
class EntryStatus:
    """How a register marks an entry that no longer holds: the kind, the fields that say so, and when."""

    kind: str  # retired, inactive or ended
    evidence: tuple[tuple[str, str], ...]  # (field, value) as the register writes them
    date: str = ""
    register_date: str = ""  # the date the register states for itself, if any

    def describe(self) -> str:
        said = ", ".join(f"{field}: {value}" for field, value in self.evidence)
        if self.kind != "ended":
            return f"the register marks this entry {self.kind} ({said})"
        if self.register_date:
            return f"the register gives this entry an end date ({said}), on or before its own date {self.register_date}"
        return (
            f"the register gives this entry an end date ({said}); the extract states no date of its own "
            "to compare it with, so the entry is taken as ended"
        )


def key(name: str) -> str:
    """A field name compared as lower-case letters and digits: ``End_Date`` → ``enddate``."""
    return re.sub(r"[\W_]+", "", name.casefold())


def iso_date(value: str) -> str:
    """``value`` as YYYY[-MM[-DD]] when it is a date, else empty."""
    match = _DATE.fullmatch(value.strip())
    return "-".join(g for g in match.groups() if g) if match else ""


def caveats(row: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The free-text notes of ``row`` (:data:`NOTE_FIELDS`, nested ones too), each ``(field, value)``."""
    return tuple(
        (field, " ".join(value.split()))
        for field, value in row.items()
        if key(field.rsplit(".", 1)[-1]) in NOTE_FIELDS and value.strip()
    )


def entry_status(
    row: Mapping[str, str], name: str, skip: tuple[str, ...] = (), register_date: str = ""
) -> EntryStatus | None:
    """How ``row`` is marked ended, or None when nothing in it says so. ``skip``: the name and number
    fields. A free-text note (:data:`NOTE_FIELDS`) is a caveat, never a status."""
    evidence: list[tuple[str, str]] = []
    kinds: list[str] = []
    end = ""
    for field, value in row.items():
        if field in skip or re.match(r"https?://", value) or key(field.rsplit(".", 1)[-1]) in NOTE_FIELDS:
            continue
        k, leaf = key(field), key(field.rsplit(".", 1)[-1])
        words = set(re.findall(r"\w+", value.casefold()))
        date = iso_date(value)
        ends = leaf in END_FIELDS or k in END_FIELDS or bool(_END_PART.search(k))
        if ends and date:
            if not register_date or date <= register_date:
                evidence.append((field, value))
                kinds.append("ended")
                end = max(end, date)
        elif ends and value.casefold() in _YES:
            evidence.append((field, value))
            kinds.append("retired")
        elif leaf in ACTIVE_FIELDS and value.casefold() in _NO:
            evidence.append((field, value))
            kinds.append("inactive")
        elif found := words & ENDED_WORDS or (words & STATUS_WORDS if k.startswith(STATUS_FIELDS) else set()):
            evidence.append((field, value))
            kinds.append("inactive" if found & {"inactive", "inaktiv", "inaktivt", "vilande", "dormant"} else "retired")
        elif leaf in REASON_FIELDS and value.strip().casefold() not in CURRENT_WORDS:
            evidence.append((field, value))
            kinds.append("retired")
    for inner in re.findall(r"\(([^)]*)\)", name):
        if set(re.findall(r"\w+", inner.casefold())) & (ENDED_WORDS | PROCEEDING_WORDS):
            evidence.append(("name", f"({inner})"))
            kinds.append("retired")
    if not evidence:
        return None
    dates = [
        (f, v)
        for f, v in row.items()
        if key(f.rsplit(".", 1)[-1]) in _CHANGE_FIELDS and iso_date(v) and (f, v) not in evidence
    ]
    if not end and dates:  # "date: 2014-10-23, reason: retired": the date of the change, shown with it
        evidence.extend(dates)
        end = max(iso_date(v) for _, v in dates)
    kind = next(k for k in ("retired", "ended", "inactive") if k in kinds)
    return EntryStatus(kind, tuple(evidence), end, register_date)
