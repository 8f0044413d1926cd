"""The quotations of a date's derivation are found in one forward pass (:func:`sakrad_ld.dated.quotations`),
with the same quotations as the bounded expression that found them before, on the data's texts and on
generated texts; a text of opening marks never closed is read once, not 500 characters after each mark.
The other patterns of the date checks are linear too: the words saying a date is not stated, the years
a derivation names in its words (an address's year left out) and the publication dates it gives."""

from __future__ import annotations

import random
import re

import pytest
from conftest import ROOT

from sakrad_ld import dated
from sakrad_ld.dated import derived_years, named_years, not_stated, quotations, quoted_days

#: The expression the quotations were found by before: each opening mark read on for up to 500 characters.
OLD_QUOTED = re.compile(r'"([^"]{0,500})"|“([^”"]{0,500})”|”([^”"]{0,500})”|„([^“”"]{0,500})[“”"]|«([^»]{0,500})»')
OLD_NOT_STATED = re.compile(
    r"inte daterar|inte är daterad|odaterad|inget datum|utan datum|datum\w* (?:står|anges|nämns|finns) inte"
    r"|does not date|not dated|undated|no date|not a date|date is not (?:in|stated|given|known)",
    re.IGNORECASE,
)


def old_quotations(text: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in OLD_QUOTED.finditer(text)]


def old_not_stated(text: str) -> str | None:
    found = OLD_NOT_STATED.search(text)
    return found.group(0) if found else None


def old_named_years(text: str) -> set[int]:
    rest = dated._PUBLISHED.sub(" ", text) if "närmast" in text.lower() else text
    rest = re.sub(r"\S*/\d{4}/\S*", " ", rest)
    return {int(y) for y in dated._YEAR.findall(rest)}


def test_the_quotations_of_the_data_s_texts_are_the_expression_s() -> None:
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "data").rglob("*"))
        if p.suffix in (".yaml", ".txt", ".md")
    ]
    assert texts
    quoted = 0
    for text in texts:
        assert quotations(text) == old_quotations(text)
        quoted += len(old_quotations(text))
        for line in text.splitlines():
            assert quotations(line) == old_quotations(line)
    assert quoted  # the data quotes: the comparison compared something


MARKS = ['"', "“", "”", "„", "«", "»", "a", " ", "\n", "6 december 2022"]


def test_the_quotations_of_generated_texts_are_the_expression_s() -> None:
    rng = random.Random(10)
    for _ in range(20_000):
        weights = [rng.random() for _ in MARKS]
        text = "".join(rng.choices(MARKS, weights=weights, k=rng.choice([0, 1, 3, 10, 40, 200, 1200])))
        if rng.random() < 0.3:  # quotations near the bound of 500 characters, and past it
            text = text.replace("a", "a" * rng.choice([60, 130, 250, 499, 501]))
        assert quotations(text) == old_quotations(text), text


def test_the_bound_of_500_characters_stays() -> None:
    assert quotations("„" + "a" * 500 + "”") == ["a" * 500]
    assert quotations("„" + "a" * 501 + "”") == []
    assert quotations("„x „" + "a" * 499 + "”") == ["a" * 499]  # the first mark near enough
    assert quoted_days("“Den 6 december 2022” och «7 mars»") == {(6, 12, 2022), (7, 3, None)}


class _Counted:
    """An ending-mark pattern that counts the characters its searches read."""

    def __init__(self, pattern: re.Pattern[str], read: list[int]) -> None:
        self.pattern, self.read = pattern, read

    def search(self, text: str, position: int) -> re.Match[str] | None:
        found = self.pattern.search(text, position)
        self.read[0] += (found.start() if found else len(text)) - position
        self.read[1] += 1
        return found


HOSTILE = {
    "„ never closed": "„a" * 2_500_000,
    "“ never closed": "“a" * 2_500_000,
    "« never closed": "«a" * 2_500_000,
    '" once': '"' + "a" * 5_000_000,
    "„ and “ between": "„“a" * 1_700_000,
    "closed too far": ("“" + "a" * 501 + '"') * 10_000,
    "« with „ inside": "«„»" * 1_700_000 + "”",
    "all marks, none closing": "„a“b«c" * 1_000_000,
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_text_is_read_once(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each ending mark's searches read the text at most once (five kinds of opening mark: at most five
    times its length), and are as many as the quotations and the ending marks, not the opening marks."""
    text = HOSTILE[case]
    read = [0, 0]
    for mark, pattern in dated._ENDING.items():
        monkeypatch.setitem(dated._ENDING, mark, _Counted(pattern, read))
    found = quotations(text)
    assert read[0] <= len(dated.QUOTATION_MARKS) * len(text)
    endings = sum(text.count(c) for c in '"”“»')
    assert read[1] <= len(found) + endings + len(dated.QUOTATION_MARKS)
    small = text[:20_000]
    assert quotations(small) == old_quotations(small)


def test_the_words_saying_no_date_is_stated_are_the_expression_s() -> None:
    rng = random.Random(11)
    words = ["datum", "Datum", "mötesdatum", "DATUMET", "står", "anges", "inte", " ", " ", "daterar", "x", "no",
             "date", "is", "not", "stated", "inget", "odaterad", "finns", "\n"]  # fmt: skip
    for _ in range(50_000):
        text = "".join(rng.choices(words, k=rng.randint(0, 14)))
        assert not_stated(text) == old_not_stated(text), text
    assert not_stated("Mötets datum står inte i den text som lästs") == "datum står inte"
    assert not_stated("x står intedatum står inte") == "datum står inte"


def test_the_years_a_derivation_names_are_the_expression_s() -> None:
    rng = random.Random(12)
    words = ["/2020/", "2021", "/", "20", "x", " ", "närmast", "(2019-03-07)", "sakrad", "\n", "/06/"]
    for _ in range(50_000):
        text = "".join(rng.choices(words, k=rng.randint(0, 12)))
        assert named_years(text) == old_named_years(text), text


def test_hostile_derivations_and_notes_are_read_in_linear_time() -> None:
    """Each of these took minutes or more before (a scan to the end of the word or text from each place)."""
    assert not_stated("datum" * 1_000_000) is None
    assert not_stated("datum" * 1_000_000 + " står inte") == "datum" * 1_000_000 + " står inte"
    assert named_years("x" * 5_000_000) == set()
    assert named_years("a" * 2_000_000 + "/2020/ 2021") == {2021}
    assert derived_years("(2019-03-07) " * 100_000 + "närmast", 3, 1) == {2019}
