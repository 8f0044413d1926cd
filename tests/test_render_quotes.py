"""The quotations of English text (web.render.quote_parts, marked lang="sv" on pages): the same parts
as the regular expression they are defined by, found in one forward pass over the text."""

from __future__ import annotations

import random
import re

import pytest

from sakrad_ld.web.render import quote_parts

DEFINITION = re.compile(r'"([^"\n]+)"|“([^”\n]+)”')


def _by_definition(text: str) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    last = 0
    for found in DEFINITION.finditer(text):
        if found.start() > last:
            out.append((text[last : found.start()], "", ""))
        out.append((found[1], '"', '"') if found[1] is not None else (found[2], "“", "”"))
        last = found.end()
    if last < len(text):
        out.append((text[last:], "", ""))
    return out


@pytest.mark.parametrize(
    "text",
    [
        'the page says "bjöd … in" (invited)',
        "“ett tjugotal” and “femton”",
        '""',
        "“”",
        '"a\n"b"',
        '“a "b” c"',
        "no quotation",
        '"unclosed',
    ],
)
def test_examples_are_read_as_defined(text: str) -> None:
    assert quote_parts(text) == _by_definition(text)


def test_random_texts_are_read_as_defined() -> None:
    rng = random.Random(7)
    alphabet = ['"', "“", "”", "\n", "a", " ", "b"]
    for _ in range(50_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert quote_parts(text) == _by_definition(text), repr(text)


@pytest.mark.parametrize("unit", ["“", "“a", "a “ b"])
def test_a_long_run_of_unclosed_marks_is_read_once(unit: str) -> None:
    """400,000 opening marks without their closing one: the regular expression reads on from each
    to the end of its line (about 10 minutes at this size); one forward pass reads the text once."""
    text = unit * (400_000 // len(unit))
    parts = quote_parts(text)
    assert "".join(part for part, _, _ in parts) == text  # nothing is a quotation, nothing lost
    assert all(not mark for _, mark, _ in parts)
