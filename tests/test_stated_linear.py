"""Folding a kept text and looking a value up in it are linear in the text, whatever its white space
or the value's shape: sizes that took minutes while a pattern backtracked over a run of white space
(a blank-line pattern read a run from each of its characters) or the substring search verified each
of a self-overlapping value's occurrences, and the work itself counted."""

from __future__ import annotations

import pytest

from sakrad_ld import stated


class _Counted(str):
    """A text that counts what its substring searches are asked to compare (the value's length each time)."""

    compared = 0

    def find(self, sub, *args):  # type: ignore[override]
        _Counted.compared += len(sub)
        return str.find(self, sub, *args)


@pytest.mark.parametrize(
    "text",
    [
        "Början.\n" + " " * 1_000_000 + "Slut.\n",  # 1 MB of spaces: about 20 minutes when quadratic
        " " * 200_000 + "\n" + " " * 200_000 + "x",
        "\n" + "\t" * 1_000_000,  # tabs after one line end, no second
        "Ett.\n \t\r" * 200_000 + "Två.",
        ". " + "\u2028 " * 300_000 + "A",
    ],
)
def test_white_space_runs_fold_in_one_pass(text):
    folded = stated.folded_text(text)
    assert "  " not in folded and "\x00\x00" not in folded
    assert folded.strip(" \x00") == folded


def test_blank_lines_still_end_sentences():
    assert stated.folded_text("Ett\n  \n\t Två") == "ett\x00två"
    assert stated.folded_text("Ett \n\n\n Två") == "ett\x00två"
    assert stated.folded_text("Ett\n Två") == "ett två"
    assert stated.folded_text("Ett. \r\n\r\n Två") == "ett.\x00två"


SHAPES = [
    # a value that overlaps itself, its occurrences failing at the word's start: "a aa aa … a" in "aa aa …"
    ("a " + "aa " * 33_000 + "a", "aa " * 350_000, False),
    # a value beginning with a character that is not one of a word, failing at the word's end
    ("-ab" * 30_000 + "-a", "-ab" * 350_000, False),
    # a value of many short words in a text of them, found only at the end
    (" ".join(["ab"] * 30_000) + " x", "ab " * 350_000 + "x", True),
    # one long word
    ("a" * 50_000, "a" * 1_000_000, False),
    ("a" * 50_000, "a" * 1_000_000 + " " + "a" * 50_000, True),
    ("b" + "a" * 50_000, "a" * 1_000_000, False),
]


@pytest.mark.parametrize(("value", "text", "found"), SHAPES)
def test_a_long_value_costs_a_bounded_multiple_of_the_text(value, text, found):
    _Counted.compared = 0
    flat = _Counted(stated._flat(stated.folded_text(text)))
    assert (next(stated.find_words(stated.folded(value), flat), None) is not None) is found
    # the substring search stops after SEARCH_BUDGET times the text (and the one occurrence past it);
    # verifying each occurrence, as before, compared value x text / 3 characters (some 10^10)
    assert _Counted.compared <= (stated.SEARCH_BUDGET + 2) * len(flat) + stated.SEARCH_FLOOR + 2 * len(value)


def test_the_linear_search_finds_what_the_substring_search_finds(monkeypatch):
    import random

    rnd = random.Random(9)
    pieces = ["a", "b", "s", " ", "-", ",", "as"]
    cases = []
    for _ in range(3000):
        flat = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40)))
        value = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 5))).strip() or "a"
        cases.append((value, flat, rnd.randint(0, 3)))
    quick = [list(stated.find_words(v, f, s)) for v, f, s in cases]
    monkeypatch.setattr(stated, "SEARCH_BUDGET", 0)
    monkeypatch.setattr(stated, "SEARCH_FLOOR", 0)
    assert [list(stated.find_words(v, f, s)) for v, f, s in cases] == quick
    assert sum(map(len, quick)) > 1000  # the cases do find things
