"""Swedish organisation numbers (organisationsnummer): what their digits say besides the check digit.

Lag (1974:174) om identitetsbeteckning för juridiska personer m.fl., as Skatteverket describes it:
an organisation number is ten digits, the last a Luhn check digit (checked by python-stdnum, :mod:`stdnum.se.orgnr`). Two more rules tell an
organisation number from other ten-digit numbers that happen to pass the check digit (account
numbers, Swish numbers, personal identity numbers):

* the **first digit is the group number**, which says the legal form (:data:`GROUPS`); 0 and 4 are
  given to none, and 1 to the estates of deceased persons, not to organisations;
* the **third digit is at least 2** (the "month" 20–99), so that no organisation number is a
  personal identity number (month 01–12). A sole trader's number *is* its owner's personal
  identity number: that is a person, not an organisation, and is never compared.

A name that states its legal form ("Stiftelsen …", "… AB") must have a number of that form's
group (:data:`LEGAL_FORM_GROUPS`): a foundation's number begins with 8, a limited company's with 5.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stdnum.exceptions import ValidationError

__all__ = ["GROUPS", "LEGAL_FORM_GROUPS", "ORGANISATION_GROUPS", "WRITTEN_FORMS", "compact", "form_mismatch", "format_number",
           "is_valid", "not_an_organisation_number", "refusal", "stated_forms", "validate"]  # fmt: skip

#: The group number (first digit) of an organisation number and the legal forms it is given to.
GROUPS: dict[str, str] = {
    "1": "estates of deceased persons (dödsbon)",
    "2": "the state, regions, municipalities, parishes and registered religious communities",
    "3": "foreign companies trading or owning property in Sweden",
    "5": "limited companies (aktiebolag)",
    "6": "simple partnerships (enkla bolag)",
    "7": "economic associations and housing co-operatives (ekonomiska föreningar, bostadsrättsföreningar)",
    "8": "non-profit associations and foundations (ideella föreningar, stiftelser)",
    "9": "trading and limited partnerships (handelsbolag, kommanditbolag)",
}
#: The groups whose numbers an organisation of a register can have.
ORGANISATION_GROUPS = frozenset("2356789")

#: Legal-form words (in their base form, as :func:`sakrad_ld.registers.names.legal_forms` gives them)
#: and the groups a number of that form begins with. Words not here say nothing about the group
#: ("förbund" is used by non-profit and economic associations alike, "i sverige" by any form).
LEGAL_FORM_GROUPS: dict[str, frozenset[str]] = {
    "stiftelse": frozenset("8"),
    "insamlingsstiftelse": frozenset("8"),
    "foundation": frozenset("8"),
    "ideell förening": frozenset("78"),  # a non-profit association that trades may have a 7
    "förening": frozenset("78"),
    "riksförening": frozenset("78"),
    "ekonomisk förening": frozenset("78"),  # older economic associations and housing co-operatives: 8
    "bostadsrättsförening": frozenset("78"),
    "ab": frozenset("5"),
    "hb": frozenset("9"),
    "kb": frozenset("9"),
    "trossamfund": frozenset("28"),
}


def not_an_organisation_number(value: str) -> str | None:
    """Why ``value`` is not an organisation number, or None when it can be one."""
    if (err := refusal(value)) is not None:
        return err.message.rstrip(".").lower() if value else "no organisation number"
    number = validate(value)
    if number[2] < "2":
        return (
            "the third digit is below 2, so this is a personal identity number (a person or a sole "
            "trader), not an organisation number"
        )
    if number[0] not in ORGANISATION_GROUPS:
        given = GROUPS.get(number[0], "no legal form")
        return f"group {number[0]} (the first digit) is given to {given}, not to an organisation"
    return None


#: Legal forms written out, abbreviated or in a definite form no ending of their base form makes,
#: and that base form: the one table of them, read here and by :mod:`sakrad_ld.registers.names`.
WRITTEN_FORMS: dict[str, str] = {
    "ideella föreningen": "ideell förening",
    "ekonomiska föreningen": "ekonomisk förening",
    "aktiebolag": "ab",
    "handelsbolag": "hb",
    "kommanditbolag": "kb",
    "brf": "bostadsrättsförening",
    "ek för": "ekonomisk förening",  # "ek. för.", "ek.för.": the dots are no words
}

#: Written-out and definite forms of the words of :data:`LEGAL_FORM_GROUPS` (their base form).
_FORM_WORDS: dict[str, str] = {
    **{form: form for form in LEGAL_FORM_GROUPS},
    **{form + ending: form for form in LEGAL_FORM_GROUPS for ending in ("en", "et", "n") if " " not in form},
    **WRITTEN_FORMS,
    **{word + "et": form for word, form in WRITTEN_FORMS.items() if word.endswith("bolag")},  # aktiebolaget
}


def stated_forms(name: str) -> tuple[str, ...]:
    """The legal forms of :data:`LEGAL_FORM_GROUPS` that ``name`` states in words of their own
    ("Stiftelsen Hjärnfonden" → stiftelse; "Föreningen X, ideell förening" → ideell förening), each in
    its base form, sorted: what the load holds an organisation's ``legal_name`` to (the reconciler reads
    more forms, :func:`sakrad_ld.registers.names.legal_forms`)."""
    words = re.findall(r"\w+", name.casefold())
    found: set[str] = set()
    skip = -1
    for i, word in enumerate(words):
        pair = " ".join(words[i : i + 2])
        if i + 1 < len(words) and pair in _FORM_WORDS:
            found.add(_FORM_WORDS[pair])
            skip = i + 1
        elif i != skip and word in _FORM_WORDS:
            found.add(_FORM_WORDS[word])
    return tuple(sorted(found))


def form_mismatch(number: str, legal: tuple[str, ...]) -> str | None:
    """Why ``number`` cannot belong to a body of the legal forms ``legal``, or None when it can."""
    group = number[:1]
    for form in legal:
        allowed = LEGAL_FORM_GROUPS.get(form)
        if allowed is not None and group not in allowed:
            return (
                f'the name says "{form}", whose numbers begin with {" or ".join(sorted(allowed))}, '
                f"but {number} begins with {group}, the group of {GROUPS.get(group, 'no legal form')}"
            )
    return None


# python-stdnum's checks of a number, imported only for a value they refuse or may change: importing
# stdnum imports stdnum.util, which imports pydoc, pkgutil, ssl, socket and platform (12-15 ms of a
# build, whose numbers are valid). A value of ASCII digits, spaces, hyphens and stops is what
# stdnum.se.orgnr reads without its character table (which maps other characters, some to digits);
# such a value of ten digits that pass the Luhn check is valid there, and is answered here alike.

_SEPARATORS = str.maketrans("", "", " -.")  # what stdnum.se.orgnr.compact takes out


def _digits(value: str) -> str | None:
    """``value`` without its spaces, hyphens and stops, when that leaves only ASCII digits; else None."""
    if type(value) is not str or not value.isascii():
        return None
    digits = value.translate(_SEPARATORS)
    return digits if digits.isdigit() else None


def _passes(digits: str | None) -> bool:
    """Whether ``digits`` are ten that pass the Luhn check digit (stdnum.luhn.checksum of 0)."""
    if digits is None or len(digits) != 10:
        return False
    values = [int(d) for d in reversed(digits)]
    return (sum(values[::2]) + sum(sum(divmod(2 * v, 10)) for v in values[1::2])) % 10 == 0


def validate(value: str) -> str:
    """:func:`stdnum.se.orgnr.validate`: the number as ten digits, or its exception."""
    if _passes(digits := _digits(value)):
        return digits  # type: ignore[return-value]
    from stdnum.se import orgnr

    return orgnr.validate(value)


def refusal(value: str) -> ValidationError | None:
    """The exception :func:`stdnum.se.orgnr.validate` raises for ``value``, or None when it accepts it."""
    if _passes(_digits(value)):
        return None
    from stdnum.exceptions import ValidationError
    from stdnum.se import orgnr

    try:
        orgnr.validate(value)
    except ValidationError as err:
        return err
    return None


def is_valid(value: str) -> bool:
    """:func:`stdnum.se.orgnr.is_valid`."""
    return refusal(value) is None


def compact(value: str) -> str:
    """:func:`stdnum.se.orgnr.compact`: the number without its separators."""
    if (digits := _digits(value)) is not None:
        return digits
    from stdnum.se import orgnr

    return orgnr.compact(value)


def format_number(value: str) -> str:
    """:func:`stdnum.se.orgnr.format`: NNNNNN-NNNN."""
    number = compact(value)
    return number[:6] + "-" + number[6:]
