"""Which organisation numbers a register's page shows (``attested.shows_number``): the numbers of a
text are read from it in one pass, whatever number is looked for, and each case below is what a
pattern made for that one number finds.

A number is shown as its ten digits, with or without one hyphen, dash or space after the sixth, with
or without Skatteverket's ``16`` before it, and never as a part of a longer run of digits. The kept
text is read as it is kept: a number in an HTML comment or a struck part counts as in any other.
"""

from __future__ import annotations

import pytest

from sakrad_ld.attested import register_source_problem, shown_numbers, shows_number

PAGE = "https://www.skatteverket.se/register/sok"
NUMBER = "802002-8638"

SHOWN = {
    "with its hyphen": "IGITEGO 802002-8638 Stockholm",
    "without a hyphen": "org.nr 8020028638.",
    "a space for the hyphen": "802002 8638",
    "a no-break space": "802002\u00a08638",
    "a line's end for the hyphen": "802002\n8638",
    "an en dash": "802002\u20138638",
    "a non-breaking hyphen": "802002\u20118638",
    "the twelve-digit form": "16802002-8638",
    "the twelve-digit form without a hyphen": "168020028638",
    "between letters": "nr802002-8638st",
    "first of several": "802002-8638, 802004-9998 och 2120000142",
    "last of several": "2120000142; 802004-9998; 802002-8638",
    "joined to the next by a hyphen": "802002-8638-802004-9998",
    "joined to the last by a hyphen": "802004-9998-802002-8638",
    "after a run of digits too long": "80200286380 802002-8638",
    "in an HTML comment": "<!-- 802002-8638 -->",
    "in a struck part": "<del>802002-8638</del>",
}

NOT_SHOWN = {
    "a digit before": "1802002-8638",
    "a digit after": "802002-86381",
    "a digit before the twelve-digit form": "2616802002-8638",
    "another prefix than 16": "17802002-8638",
    "inside a longer run": "98020028638",
    "two hyphens": "802002--8638",
    "an em dash": "802002\u20148638",
    "a slash": "802002/8638",
    "the hyphen elsewhere": "80200-28638",
    "another number": "802002-8639",
    "the six digits alone": "802002",
    "empty": "",
}


@pytest.mark.parametrize("text", SHOWN.values(), ids=SHOWN.keys())
def test_a_kept_text_shows_the_number(text: str) -> None:
    assert shows_number(NUMBER, PAGE, text)
    assert shows_number("8020028638", PAGE, text)  # however the claim writes it
    assert register_source_problem("register", PAGE, "orgnr", NUMBER, text) is None


@pytest.mark.parametrize("text", NOT_SHOWN.values(), ids=NOT_SHOWN.keys())
def test_a_kept_text_does_not_show_the_number(text: str) -> None:
    assert not shows_number(NUMBER, PAGE, text)
    problem = register_source_problem("register", PAGE, "orgnr", NUMBER, text)
    assert problem is not None and "does not show the organisation number 802002-8638" in problem


@pytest.mark.parametrize(
    "address",
    [
        "https://www.skatteverket.se/x/802002-8638",
        "https://www.skatteverket.se/x/8020028638",
        "https://www.skatteverket.se/x/802002%2D8638",  # a percent-escape is decoded
        "https://www.skatteverket.se/x?q=802002%208638",
        "https://www.bolagsverket.se/x/16802002-8638",
    ],
)
def test_an_address_shows_the_number(address: str) -> None:
    assert shows_number(NUMBER, address)
    assert shows_number(NUMBER, address, "a kept text without it")


@pytest.mark.parametrize(
    "address",
    ["https://www.skatteverket.se/x/1802002-8638", "https://www.skatteverket.se/x/802002-86380", PAGE],
)
def test_an_address_does_not_show_the_number(address: str) -> None:
    assert not shows_number(NUMBER, address)
    assert not shows_number(NUMBER, address, None)


def test_a_claim_that_is_not_ten_digits_is_shown_nowhere() -> None:
    for number in ("802002-863", "802002-86380", "", 8020028638, None):
        assert not shows_number(number, f"{PAGE}/802002-8638", "802002-8638 80200286380 802002-863")


def test_every_number_of_one_page_is_shown_by_it() -> None:
    """A register's page kept for several organisations: each of its numbers is shown, whatever was
    asked before, and no other."""
    numbers = [f"{n:06d}-{n % 10_000:04d}" for n in range(802000, 802400)]
    text = "\n".join(f"<tr><td>Förening {i}</td><td>{n}</td></tr>" for i, n in enumerate(numbers))
    assert shown_numbers(text) == {n.replace("-", "") for n in numbers}
    for number in reversed(numbers):
        assert shows_number(number, PAGE, text)
    assert not shows_number("802400-2400", PAGE, text)
    assert not shows_number("802000-0001", PAGE, text)
