"""sakrad_ld.orgnr answers as python-stdnum's stdnum.se.orgnr for every value (validate, is_valid,
compact, format and the exception raised), and a valid number is checked without importing stdnum,
whose stdnum.util imports pydoc, ssl, socket and platform (docs/performance.md, "The seed build")."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
from stdnum.exceptions import ValidationError
from stdnum.se import orgnr as stdnum_orgnr

from sakrad_ld import orgnr

#: Values of every kind stdnum reads apart: separators it takes out, characters its table maps
#: (a fullwidth digit, an en dash, a no-break space), other ASCII, lengths around ten.
VALUES = ["802002-4280", "8020024280", "802002 4280", "80.20.02-42.80", " 8020024280 ", "802002-4281", "202100-5489",
          "5560360793", "556036-0793", "", " ", "-", "123", "12345678901", "80200242800", "802002_4280", "802002/4280",
          "８02002-4280", "802002–4280", "802002\u00a04280", "802002-4280\n", "\t8020024280", "80200２4280", "abc",
          "0000000000", "9999999999", "802002+4280", "`8020024280", "802002-428O"]  # fmt: skip


def _outcome(call, value):  # noqa: ANN001, ANN202 - a function of stdnum or of orgnr
    try:
        return "value", call(value)
    except ValidationError as err:
        return type(err), err.message


def _random_values(n: int) -> list[str]:
    rng = random.Random(20261130)
    chars = "0123456789" * 4 + " -." + "x_/:*,'`\u2013\uff10\u00a0"
    return ["".join(rng.choice(chars) for _ in range(rng.choice((9, 10, 10, 10, 11, 12, 13)))) for _ in range(n)]


@pytest.mark.parametrize("value", VALUES)
def test_each_function_answers_as_stdnum(value: str) -> None:
    assert _outcome(orgnr.validate, value) == _outcome(stdnum_orgnr.validate, value)
    assert orgnr.is_valid(value) == stdnum_orgnr.is_valid(value)
    assert _outcome(orgnr.compact, value) == _outcome(stdnum_orgnr.compact, value)
    assert _outcome(orgnr.format_number, value) == _outcome(stdnum_orgnr.format, value)
    err = orgnr.refusal(value)
    assert (None if err is None else (type(err), err.message)) == (
        None if stdnum_orgnr.is_valid(value) else _outcome(stdnum_orgnr.validate, value)
    )


def test_random_values_and_every_check_digit_answer_as_stdnum() -> None:
    rng = random.Random(5)
    numbers = [f"{rng.randrange(10**9):09d}" for _ in range(500)]
    with_separators = [
        f"{n[:6]}{rng.choice(['', '-', ' ', '.', ' - ', '–'])}{n[6:]}{d}" for n in numbers for d in range(10)
    ]
    values = _random_values(20000) + with_separators
    valid = 0
    for value in values:
        assert _outcome(orgnr.validate, value) == _outcome(stdnum_orgnr.validate, value), value
        assert _outcome(orgnr.compact, value) == _outcome(stdnum_orgnr.compact, value), value
        valid += orgnr.is_valid(value)
    assert valid > 500  # the random values hold valid numbers, with separators, not only refused ones


def test_a_valid_number_is_checked_without_importing_stdnum() -> None:
    program = (
        "import sys\n"
        "from sakrad_ld import orgnr\n"
        "assert orgnr.validate('802002-4280') == '8020024280' and orgnr.refusal('8020024280') is None\n"
        "assert orgnr.format_number('8020024280') == '802002-4280' and orgnr.not_an_organisation_number('8020024280') is None\n"
        "print('stdnum' in sys.modules)\n"
        "print(type(orgnr.refusal('8020024281')).__name__, 'stdnum' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "InvalidChecksum", "True"], done.stderr
