"""A value is looked up in a kept text by a substring search of the folded text (stated.find_words),
not a regular expression compiled per fact: the same answers as the pattern (stated.found_as_words)
on random texts and values, whole words, a genitive "s", a space found where a sentence ends."""

from __future__ import annotations

import random

import pytest

from sakrad_ld import stated

LETTERS = "ab s-.,:\n\u00adÅå"


def _random(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(LETTERS) for _ in range(n))


@pytest.mark.parametrize("seed", range(20))
def test_the_substring_search_finds_what_the_pattern_finds(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(200):
        text = stated.folded_text(_random(rnd, rnd.randint(0, 60)))
        flat = stated._flat(text)
        value = _random(rnd, rnd.randint(1, 5))
        pattern = stated.found_as_words(value)
        expected = pattern is not None and pattern.search(text) is not None
        assert stated._found(value, flat) is expected, (value, text)


@pytest.mark.parametrize(
    ("value", "sentence", "found"),
    [
        ("Anders Kessling", "Mötet leddes av Anders Kesslings statssekreterare.", True),
        ("Anders Kess", "Mötet leddes av Anders Kessling.", False),
        ("nders Kessling", "Mötet leddes av Anders Kessling.", False),
        ("Stockholm", "Mötet hölls i Stockholmsregionen.", False),
        ("Stockholm", "Mötet hölls i Stockholm. Det var bra.", True),
        ("bra. Det", "Mötet hölls i Stockholm. Det var bra. Det var allt.", True),
        ("08-405 12 73", "Telefon 08-405 12 73.", True),
        ("a.b@c.se", "E-post: a.b@c.se", True),
    ],
)
def test_whole_words_and_a_genitive(value: str, sentence: str, found: bool) -> None:
    assert stated._found(value, stated._flat(stated.folded_text(sentence))) is found


def test_the_flat_text_keeps_every_position() -> None:
    text = stated.folded_text("Ett. Två! Tre?\n\nFyra")
    assert len(stated._flat(text)) == len(text) and stated._END not in stated._flat(text)
