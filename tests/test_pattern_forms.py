"""The shorter forms of long alternations (clauses.by_first_letter, clauses._particles, counted._composed)
read what the plain alternations read: the same spans and groups at the same places, in texts made of
their words, their beginnings and other words."""

from __future__ import annotations

import random
import re

import pytest

from sakrad_ld import clauses, counted, translated


def _texts(words: list[str], seed: int) -> list[str]:
    """Texts of the words, their beginnings, their capitals and words near them, run together or spaced."""
    pieces = [*words, *(w[: len(w) // 2 + 1] for w in words), *(w.upper() for w in words[:20])]
    pieces += ["in", "av", "och", "-", "20", "x", "sakrådet", ",", "ha", "s"]
    rng = random.Random(seed)
    spaced = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(1500)]
    joined = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(500)]
    return spaced + joined + words


def _read(pattern: re.Pattern[str], text: str) -> list[tuple]:
    found = [(m.span(), m.groups(), m.lastgroup) for m in pattern.finditer(text)]
    first = pattern.match(text)
    return found + [first.span() if first else None]


def _same(plain: str, short: str, flags: int, texts: list[str]) -> None:
    a, b = re.compile(plain, flags), re.compile(short, flags)
    assert plain != short
    for text in texts:
        assert _read(a, text) == _read(b, text), text


WORDS = sorted({*clauses.GUARDS, *translated.HEDGES[clauses.DOUBT]} - {"?"}, key=len, reverse=True)


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_by_first_letter_reads_as_the_plain_alternation(flags: int) -> None:
    plain = "|".join(map(re.escape, WORDS))
    short = clauses.by_first_letter(map(re.escape, WORDS))
    assert "(?=" in short
    for around in (r"(?<!\w)(?:{})(?!\w)", r"(?:{})", r"(?P<w>{}) (\w+)"):
        _same(around.format(plain), around.format(short), flags, _texts(WORDS, 1))


def test_by_first_letter_keeps_the_plain_alternation_where_it_would_read_otherwise() -> None:
    assert clauses.by_first_letter(["Enligt", "enligt x"]) == "Enligt|enligt x"  # "E" and "e" both match "e"
    assert clauses.by_first_letter(["s?ka", "sägs"]) == "s?ka|sägs"  # "s" may be missing
    assert clauses.by_first_letter([r"\d+", "tio"]) == r"\d+|tio"


def test_hedges_read_as_with_the_plain_alternation() -> None:
    words = [w for kind in (clauses.HEARSAY, clauses.DOUBT) for w in translated.HEDGES[kind]]
    plain = translated._HEDGE.pattern
    for kind in (clauses.HEARSAY, clauses.DOUBT):
        listed = sorted(set(translated.HEDGES[kind]), key=len, reverse=True)
        alternatives = [r"\s+".join(map(re.escape, w.split())) for w in listed]
        plain = plain.replace(clauses.by_first_letter(alternatives), "|".join(alternatives))
    texts = _texts(sorted(words, key=len, reverse=True), 2) + ["Mötet ska enligt uppgift ha hållits i Umeå"]
    _same(plain, translated._HEDGE.pattern, translated._HEDGE._flags, texts)


def test_number_words_composed_read_as_the_plain_alternation() -> None:
    swedish = {w for w in counted.NUMBER_WORDS if w not in counted.EN_UNITS | counted.EN_TEENS | counted.EN_TENS}
    plain = counted._longest_first(swedish)
    short = counted._SWEDISH_NUMBER_WORD
    assert short == counted._composed(swedish) and len(short) < len(plain) / 2
    texts = _texts(sorted(swedish, key=len, reverse=True), 3) + ["tjugo-tjugofem", "trettio till fyrtiotvå"]
    for around in (r"(?<![\w-])(?:{})(?![\w-])", r"(?:{}) ?[-–] ?(?:{})", r"(?:{})(?=[-–])"):
        _same(around.format(plain, plain), around.format(short, short), re.IGNORECASE, texts)


def test_number_words_not_composed_stay_listed() -> None:
    assert counted._composed({"tjugo", "tjugotre", "tre"}) == "(?:tjugo)(?:tre)?|tre"
    assert counted._composed({"tjugo", "tjugotre", "trettio"}) == "tjugotre|trettio|tjugo"  # trettiotre is missing
    assert counted._composed({"en", "ett"}) == "ett|en"  # no tens


def test_calling_off_words_read_as_the_plain_alternation() -> None:
    ordered = sorted(clauses.CALLING_OFF, key=len, reverse=True)
    plain = "|".join(clauses._particle(w) for w in ordered)
    short = clauses._particles(clauses.CALLING_OFF)
    assert len(short) < len(plain) / 2
    words = [*clauses.CALLING_OFF, *clauses.PARTICLE_ADVERBS, *(w.split()[0] for w in clauses.CALLING_OFF)]
    texts = _texts(words, 4) + ["ställdes tyvärr in", "ställdes de av", "ställdes sedan också in av"]
    for around in (r"(?<!\w)(?:{})(?!\w)", r"(?:{})", r"(?P<off>{}) (\w+)"):
        _same(around.format(plain), around.format(short), 0, texts)


def test_calling_off_words_not_apart_stay_listed() -> None:
    words = ("ställdes in", "ställdes")  # a word that begins as a verb does
    assert clauses._particles(words) == "|".join(clauses._particle(w) for w in words)
