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

from stdnum.exceptions import ValidationError
from stdnum.se import orgnr as se_orgnr

__all__ = ["GROUPS", "LEGAL_FORM_GROUPS", "ORGANISATION_GROUPS", "form_mismatch", "not_an_organisation_number"]

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
    try:
        number = se_orgnr.validate(value)
    except ValidationError as err:
        return err.message.rstrip(".").lower() if value else "no organisation number"
    if number[2] < "2":
        return (
            "the third digit is below 2, so this is a personal identity number (a person or a sole "
            "trader), not an organisation number"
        )
    if number[0] not in ORGANISATION_GROUPS:
        given = GROUPS.get(number[0], "no legal form")
        return f"group {number[0]} (the first digit) is given to {given}, not to an organisation"
    return None


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
