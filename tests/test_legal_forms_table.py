"""The legal forms written out or abbreviated ("aktiebolag", "brf", "ideella föreningen") are one table,
:data:`sakrad_ld.orgnr.WRITTEN_FORMS`: the load's check of a name's number (:func:`sakrad_ld.orgnr.stated_forms`)
and the reconciler (:func:`sakrad_ld.registers.names.legal_forms`) read each to the same base form."""

from __future__ import annotations

import pytest

from sakrad_ld.orgnr import LEGAL_FORM_GROUPS, WRITTEN_FORMS, stated_forms
from sakrad_ld.registers.names import legal_forms


@pytest.mark.parametrize(("written", "base"), sorted(WRITTEN_FORMS.items()))
def test_a_written_form_is_its_base_form_to_the_load_and_the_reconciler(written: str, base: str) -> None:
    name = f"Exempel {written.title()}"
    assert base in LEGAL_FORM_GROUPS
    assert stated_forms(name) == legal_forms(name) == (base,)


@pytest.mark.parametrize("word", ["Aktiebolaget", "Handelsbolaget", "Kommanditbolaget"])
def test_a_definite_company_form_is_read_alike(word: str) -> None:
    assert stated_forms(f"{word} Exempel") == legal_forms(f"{word} Exempel") != ()


@pytest.mark.parametrize("name", ["Exempel Ek. För.", "Exempel ek för", "Exempel, ek. för."])
def test_a_dotted_abbreviation_of_a_form_is_read_alike(name: str) -> None:
    assert legal_forms(name) == stated_forms(name) == ("ekonomisk förening",)


def test_a_dotted_form_with_a_number_in_another_group_is_refused() -> None:
    from sakrad_ld.orgnr import form_mismatch

    assert form_mismatch("5560000001", stated_forms("Exempel ek. för.")) is not None
    assert form_mismatch("7690000001", stated_forms("Exempel ek. för.")) is None
