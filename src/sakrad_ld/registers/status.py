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

* a current word negated ("ej aktiv", "not active", "inte längre verksam") in a status field or a flag.

A field named like a status is one whose key begins or ends with a word of :data:`STATUS_FIELDS`
(``orgStatus``, ``registreringsstatus``).

A free-text note beside the entry (``note``, ``comment``, ``anmärkning``, ``description`` …,
:data:`NOTE_FIELDS`) is never read as its status: it is a caveat (:func:`caveats`), which holds a
candidate back with the note's words. So is a value in a field not known to say what the entry is
(:data:`KNOWN_FIELDS`), a word of doubt anywhere, a verification flag that says no, a status value
known neither as current nor as ended (an unknown status is a question, never current), and an end
date not written YYYY-MM-DD (``31/12/2015``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "ACTIVE_FIELDS",
    "CONFIDENCE_FIELDS",
    "CURRENT_WORDS",
    "KNOWN_FIELDS",
    "VERIFIED_FIELDS",
    "NOTE_FIELDS",
    "ENDED_WORDS",
    "PROCEEDING_WORDS",
    "END_FIELDS",
    "REASON_FIELDS",
    "REGISTER_DATE_FIELDS",
    "STATUS_FIELDS",
    "STATUS_WORDS",
    "EntryStatus",
    "caveat_reason",
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
        "avvecklad",
        "avvecklat",
        "avvecklades",
        "ceased",
        "uppgått",
        "uppgick",
        "deceased",
    }
)
#: Proceedings that end an entry where the register gives them as its state (``status: Under likvidation``,
#: "Föreningen X (i likvidation)"); in any other field they are what an organisation works on ("Stöd till
#: personer i konkurs"), so they are :data:`STATUS_WORDS`, never :data:`ENDED_WORDS`.
PROCEEDING_WORDS = frozenset(
    {"likvidation", "konkurs", "liquidation", "bankruptcy", "bankrupt", "avveckling", "winding", "administration"}
)
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
        "obs",
        "anm",
        "description",
        "beskrivning",
        "övrigt",
        "ovrigt",
        "info",
        "information",
        "historik",
        "history",
        "historia",
        "anteckning",
        "anteckningar",
        "scopenote",
        "historynote",
        "editorialnote",
        "changenote",
        "rdfscomment",
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
        "ogiltigt",
        "invalid",
        "struck",
        "fusion",
        "fusionerat",
        "sammanslaget",
        "sammanslagning",
        "annulled",
        "annullerad",
        "annullerat",
        "nedlagd",
        "stängt",
        "lapsed",
        "gone",
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
        "ersattav",
        "ersattmed",
        "replacedby",
        "supersededby",
        "successor",
        "efterträdare",
        "mergedinto",
        "mergedwith",
        "uppgåttti",
        "uppgickti",
        "sammanslagenmed",
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
ACTIVE_FIELDS = frozenset(
    {
        "active",
        "isactive",
        "aktiv",
        "aktivt",
        "current",
        "iscurrent",
        "valid",
        "giltig",
        "giltigt",
        "gällande",
        "verksam",
        "verksamt",
        "isverksam",
        "operating",
        "inoperation",
        "registered",
        "isregistered",
        "registrerad",
        "registrerat",
    }
)
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


#: Flags that say whether the entry was verified or how sure the extract is: a no, or anything short of
#: sure, is a caveat (``verifierad: nej``, ``confidence: low``).
VERIFIED_FIELDS = frozenset(
    {"verified", "verifierad", "verifierat", "confirmed", "bekräftad", "bekräftat", "kontrollerad", "checked"}
)
CONFIDENCE_FIELDS = frozenset({"confidence", "säkerhet", "tillförlitlighet", "certainty", "reliability", "kvalitet"})
_SURE = frozenset({"high", "hög", "säker", "säkert", "certain", "sure", "verified", "verifierad", "bekräftad"})
#: Fields whose values say what the entry is, not a person's doubt of it: the name and number (and their
#: other names), place and address, contact, accounts, legal form, dates, and the fields read as a
#: status (field names compared as :func:`key`). A value in any other field is free text: a caveat.
KNOWN_FIELDS = frozenset(
    {
        *("orgname", "name", "namn", "organisationsnamn", "organisation", "legalname", "foretagsnamn"),
        *("företagsnamn", "benämning", "label", "preflabel"),
        *("orgnumber", "orgnr", "organisationsnummer", "organisationnumber", "organizationnumber"),
        *("identitetsbeteckning", "nummer", "number", "identifier", "id", "notation"),
        *("location", "ort", "plats", "place", "city", "stad", "postort", "kommun", "municipality", "län", "county"),
        *("region", "land", "country", "säte", "sätesort", "seat", "adress", "address", "postadress", "gatuadress"),
        *("utdelningsadress", "street", "postnummer", "postalcode", "zip", "co"),
        *("web", "website", "url", "hemsida", "homepage", "webbplats", "email", "epost", "mail", "telefon", "phone"),
        *("entry", "konto", "account", "bankgiro", "plusgiro", "postgiro", "swish", "swishnummer", "iban", "bic"),
        *("legalform", "juridiskform", "organisationsform", "form", "bolagsform", "företagsform"),
        *("issued", "utfärdad", "registreringsdatum", "registrationdate", "registrerades", "founded", "grundad"),
        *("bildad", "startdatum", "start", "from", "validfrom", "giltigfrån", "deprecated"),
        *("luhn", "luhnok", "orgnrluhnok", "checkdigit", "checkdigitok", "kontrollsiffra"),
        *STATUS_FIELDS,
        *END_FIELDS,
        *REASON_FIELDS,
        *ACTIVE_FIELDS,
        *REGISTER_DATE_FIELDS,
        *_CHANGE_FIELDS,
    }
)
#: Words of doubt: a value holding one (anywhere but the name, the number and web addresses) is a caveat.
_DOUBT = re.compile(
    r"\?|\b(?:osäker|osäkert|oklar|oklart|possibly|probably|perhaps|maybe|uncertain|unverified|unconfirmed|unclear"
    r"|troligen|troligtvis|möjligen|möjligtvis|kanske|eventuellt|antagligen|förmodligen|ej verifierad|ej bekräftad"
    r"|inte bekräftad|inte bekräftat|samma namn|same name|annan förening|annan organisation|another organi[sz]ation"
    r"|different organi[sz]ation|moderorganisation|parent organi[sz]ation|tidigare förening|former organi[sz]ation)\b",
    re.IGNORECASE,
)
#: A word that says an entry is current, negated: "ej aktiv", "inte längre verksam", "not active",
#: "no longer registered", "non-active", "icke godkänd".
_NEGATED = re.compile(
    r"\b(?:ej|inte|icke|ingen|not|no|non|nicht|kein)(?:[\s-]+(?:längre|longer|mer|more))?[\s-]*"
    r"(?:aktiv|aktivt|active|verksam|verksamt|registrerad|registrerat|registered|giltig|giltigt|valid|godkänd"
    r"|godkänt|approved|current|operating|operational|trading|in business|in operation)\b",
    re.IGNORECASE,
)
#: Values of a field that say nothing (YAML's null as a word, a dash).
_EMPTY = frozenset({"", "null", "none", "~", "-", "n/a", "na", "saknas", "ingen"})


def _is_state_field(k: str) -> bool:
    """Whether the field name ``k`` (as :func:`key`) names the entry's state: ``status``, ``orgStatus``,
    ``registreringsstatus``, ``state``, ``tillstånd``; a value there that is not known as current is a question."""
    return "status" in k or k.startswith(("state", "tillstånd")) or k.endswith(("state", "tillstånd"))


def _status_named(k: str) -> bool:
    """Whether ``k`` is named like a field that holds a status (:data:`STATUS_FIELDS`, at its start or end)."""
    return k.startswith(STATUS_FIELDS) or k.endswith(STATUS_FIELDS)


def _is_current(value: str) -> bool:
    words = re.findall(r"[\w-]+", value.casefold())
    return bool(words) and _NEGATED.search(value) is None and all(w in CURRENT_WORDS | {"och", "and"} for w in words)


def _ends(field: str) -> bool:
    k, leaf = key(field), key(field.rsplit(".", 1)[-1])
    return leaf in END_FIELDS or k in END_FIELDS or bool(_END_PART.search(k))


def caveats(row: Mapping[str, str], skip: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
    """What beside the entry a person must judge before taking its number, each ``(field, value)``
    (:func:`caveat_reason` says why): a free-text note (:data:`NOTE_FIELDS`, nested ones too), a value
    in any field not known to say what the entry is (:data:`KNOWN_FIELDS`), a word of doubt ("?",
    "osäker", "possibly", "troligen", "samma namn") in any field but ``skip`` (the name and number) and
    web addresses, a verification flag that says no or a confidence short of sure, a status the reader
    does not know as current or ended, and an end date not written YYYY-MM-DD."""
    found: list[tuple[str, str]] = []
    for field, value in row.items():
        text = " ".join(value.split())
        if field in skip or text.casefold() in _EMPTY or re.match(r"https?://", text):
            continue
        if caveat_reason(field, text, known_only=True) is not None:
            found.append((field, text))
    return tuple(found)


def caveat_reason(field: str, value: str, known_only: bool = False) -> str | None:
    """Why the value ``value`` of ``field`` is a caveat (:func:`caveats`), or None where it is not one
    (a reason in general words where ``known_only`` is False and no particular one applies)."""
    k, leaf = key(field), key(field.rsplit(".", 1)[-1])
    folded = value.casefold().strip()
    if leaf in NOTE_FIELDS or k in NOTE_FIELDS:
        return f"the extract notes beside the entry ({field}: {value!r}): a caveat a person must judge"
    if leaf in VERIFIED_FIELDS and folded in _NO:
        return f"the extract says the entry is not verified ({field}: {value!r}): a person must confirm it"
    if leaf in CONFIDENCE_FIELDS and folded not in _SURE:
        return f"the extract is not sure of the entry ({field}: {value!r}): a person must confirm it"
    if _DOUBT.search(value):
        return f"the extract doubts the entry ({field}: {value!r}): a caveat a person must judge"
    if _ends(field) and not iso_date(value) and folded not in _YES | _NO:
        return (
            f"an end date the extract writes as {value!r} ({field}), not as YYYY-MM-DD: whether and when the entry "
            "ended is for a person to judge"
        )
    if _is_state_field(k) and not iso_date(value) and not _is_current(value) and _ended(field, value) is None:
        return (
            f"a status the reader does not know as current or ended ({field}: {value!r}): a person must judge "
            "whether the entry is current"
        )
    if not _known(field):
        return f"the extract writes beside the entry {field}: {value!r}, free text a person must judge"
    if known_only:
        return None
    return f"the extract notes beside the entry ({field}: {value!r}): a caveat a person must judge"


def _known(field: str) -> bool:
    """Whether ``field`` is one whose values say what the entry is (:data:`KNOWN_FIELDS`, or named like a
    status, a state or an end), not free text beside it."""
    k, leaf = key(field), key(field.rsplit(".", 1)[-1])
    return leaf in KNOWN_FIELDS or k in KNOWN_FIELDS or _is_state_field(k) or _status_named(k) or _ends(field)


def _ended(field: str, value: str, register_date: str = "") -> tuple[str, str] | None:
    """How the value ``value`` of ``field`` marks the entry ended: (kind, the end date or ""), or None."""
    k, leaf = key(field), key(field.rsplit(".", 1)[-1])
    words = set(re.findall(r"\w+", value.casefold()))
    date = iso_date(value)
    ends = _ends(field)
    if ends and date:
        return ("ended", date) if not register_date or date <= register_date else None
    if ends and value.casefold() in _YES:
        return "retired", ""
    if leaf in ACTIVE_FIELDS and value.casefold() in _NO:
        return "inactive", ""
    if _NEGATED.search(value) and (_status_named(k) or _is_state_field(k) or leaf in ACTIVE_FIELDS):
        return "inactive", ""
    status_like = _status_named(k) or _is_state_field(k)
    if found := words & ENDED_WORDS or (words & STATUS_WORDS if status_like else set()):
        return ("inactive" if found & {"inactive", "inaktiv", "inaktivt", "vilande", "dormant"} else "retired"), ""
    if leaf in REASON_FIELDS and value.strip().casefold() not in CURRENT_WORDS:
        return "retired", ""
    return None


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
        if _DOUBT.search(value) and not (_status_named(key(field)) or _is_state_field(key(field))):
            continue  # free text of doubt ("möjligen upplöst?") is a caveat, not the register's status
        if (ended := _ended(field, value, register_date)) is not None:
            evidence.append((field, value))
            kinds.append(ended[0])
            end = max(end, ended[1])
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
