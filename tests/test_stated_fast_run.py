"""Before it normalises a text in pieces (stated._nfkc_pieces), folding looks for a run of more than
MARK_RUN unstable characters only in a text that holds one at all: a quick scan for a character at or
past U+0300, then the set of the unstable characters, skip the run search's class of some 200 ranges.
The quick path finds what the search alone finds, and folds to the same string, on random texts with
and without combining marks (runs of every length about MARK_RUN, long texts past NFKC_PIECE)."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from sakrad_ld import stated

#: No character of these is unstable: a text of them takes the quick path.
PLAIN = "abcåäöéÅÄÖÉüß .,!?:;\n-0123456789" + "".join(chr(c) for c in range(0xC0, 0x2FF)) + "ﬁ…€\u2013\u3042가"
#: Unstable characters of several kinds: combining marks, Hangul vowels and trailing consonants, a
#: character whose decomposition begins with a mark, the highest and lowest of the class.
MARKS = "\u0300\u0301\u0308\u0316\u0327\u0344\u0f73\u1161\u11a8\u3099\uff9e\U0001e94a\u034e\u0350"


def _slow_pieces(text: str) -> list[str]:
    """_nfkc_pieces as it was: the run searched for in every text that is not ASCII."""
    if text.isascii():
        return [text]
    if len(text) <= stated.NFKC_PIECE and stated._LONG_RUN.search(text) is None:
        return [unicodedata.normalize("NFKC", text)]
    pieces, start = [], 0
    run = stated._LONG_RUN.search(text)
    while start < len(text):
        if run is not None and run.end() <= start:
            run = stated._LONG_RUN.search(text, start)
        if run is not None and run.start() < start + stated.NFKC_PIECE:
            end = run.start() + stated.MARK_RUN if start < run.start() else min(start + stated.MARK_RUN, run.end())
        else:
            stable = stated._STABLE.search(text, start + stated.NFKC_PIECE)
            end = len(text) if stable is None else stable.start()
        pieces.append(unicodedata.normalize("NFKC", text[start:end]))
        start = end
    return pieces


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = ["", "a", "å", "\u0301", "a" + "\u0301" * stated.MARK_RUN, "a" + "\u0301" * (stated.MARK_RUN + 1)]
    for _ in range(300):
        marked = rng.random() < 0.5
        size = rng.choice((rng.randrange(1, 200), rng.randrange(1, 3 * stated.NFKC_PIECE)))
        chars = []
        while len(chars) < size:
            chars.append(rng.choice(PLAIN))
            if marked and rng.random() < 0.05:  # a run about MARK_RUN long, or one mark
                length = rng.choice((1, 2, stated.MARK_RUN - 1, stated.MARK_RUN, stated.MARK_RUN + 1, 90))
                chars.extend(rng.choice(MARKS) for _ in range(length))
        texts.append("".join(chars))
    return texts


def test_the_class_and_the_set_hold_the_same_characters() -> None:
    in_class = re.compile(f"[{stated._UNSTABLE_CLASS}]")
    assert stated._UNSTABLE == frozenset(c for c in map(chr, range(0x110000)) if in_class.fullmatch(c))
    assert set(MARKS) <= stated._UNSTABLE
    assert stated._UNSTABLE.isdisjoint(PLAIN)
    assert min(stated._UNSTABLE) == "\u0300"  # the quick scan's bound


@pytest.mark.parametrize("seed", range(4))
def test_the_quick_path_finds_the_run_the_search_finds(seed: int) -> None:
    marked = 0
    for text in _texts(seed):
        slow = stated._LONG_RUN.search(text)
        fast = stated._long_run(text)
        assert (fast and fast.span()) == (slow and slow.span()), text[:80]
        marked += not stated._UNSTABLE.isdisjoint(text)
    assert 100 < marked < 250  # both kinds of text were tried


@pytest.mark.parametrize("seed", range(4))
def test_the_quick_path_folds_as_the_search_did(seed: int) -> None:
    runs = 0
    for text in _texts(seed):
        assert list(stated._nfkc_pieces(text)) == _slow_pieces(text), text[:80]
        assert stated._nfkc(text) == "".join(_slow_pieces(text))
        runs += stated._LONG_RUN.search(text) is not None
    assert runs > 20  # texts with a run to cut were tried


def test_the_hyphen_found_from_its_dash_is_the_one_the_look_behind_found() -> None:
    """A word's hyphen before a space ("Klimat- och") is searched from the '-', not by a look-behind at
    every character: the same replacements on random texts of words, dashes, spaces and marks."""
    old = re.compile(r"(?<=\w)- ")
    rng = random.Random(7)
    alphabet = "aåÖ9_ -–-\u0301.,\n\x00" + "-" * 4 + " " * 4
    texts = ["Klimat- och", "- a", "a-  b", "a--  b", "_- x", "å- ö- -- - "]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200))) for _ in range(3000)]
    replaced = 0
    for text in texts:
        assert stated._HYPHEN.sub("-", text) == old.sub("-", text), text
        replaced += old.search(text) is not None
    assert replaced > 1000
