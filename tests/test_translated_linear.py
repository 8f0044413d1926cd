"""Reading a text for the translation check is linear in the text, whatever its shape: the address
pattern's domain branch, a search of which read a run of letters, dots and hyphens from each word
boundary in it to its end ("a-a-a-…" of 80 KB: 8 s CPU, 400 KB: some 3 minutes), and the quotation
pattern, which read up to 2,000 characters after each opening mark without its closing one. The work
is counted (the characters each search is given to read), and the sizes would take minutes if
quadratic; the tokens and quotations are those of the patterns as a search reads them."""

from __future__ import annotations

import random
import re

import pytest

from sakrad_ld import translated

#: The quotation pattern as it was: what translated._quotes finds is what it found.
QUOTE = re.compile(r"\"([^\"\n]{1,2000})\"|“([^”\n]{1,2000})”|”([^”\n]{1,2000})”")

HOSTILE = [
    "a-" * 200_000,  # a word boundary at each character, no domain
    "_a." * 150_000,
    "x.se" + "-a" * 200_000,  # the run's only domain at its start
    "-a" * 200_000 + ".se",  # one domain, at the end: one token
    "_www.se:" * 50_000,  # an address branch beginning inside each domain token
    "a.se-" * 80_000,
    "www." * 100_000,
    "1 000 " * 60_000,
    "“" * 400_000,
    '"x\n' * 130_000,
    "”" * 400_000,
    "“x" * 200_000 + "”",
]


class _Reading:
    """A compiled pattern that adds up the characters its searches and matches are given to read."""

    def __init__(self, pattern: re.Pattern[str], counter: list[int]) -> None:
        self.pattern, self.counter = pattern, counter

    def _count(self, found: re.Match[str] | None, text: str, pos: int, endpos: int | None) -> re.Match[str] | None:
        self.counter[0] += (endpos if endpos is not None else found.end() if found else len(text)) - pos
        return found

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self._count(self.pattern.search(text, pos, len(text) if endpos is None else endpos), text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        found = self.pattern.match(text, pos, len(text) if endpos is None else endpos)
        return self._count(found, text, pos, endpos if endpos is not None else found.end() if found else pos + 1)

    def finditer(self, text: str) -> list[re.Match[str]]:
        self.counter[0] += len(text)
        return list(self.pattern.finditer(text))


class _Counted(str):
    """A text that adds up the characters its find() reads."""

    read = 0

    def find(self, sub, start=0, *args):  # type: ignore[override]
        found = str.find(self, sub, start, *args)
        _Counted.read += (found if found >= 0 else len(self)) - start
        return found


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_tokens_read_each_character_a_bounded_number_of_times(text, monkeypatch):
    counter = [0]
    for name in ("_TOKEN", "_NO_DOMAIN", "_TOP_LEVEL", "_RUN", "_BOUNDARY", "_NOT_SPACE", "_ADDRESS", "_BEGINS"):
        monkeypatch.setattr(translated, name, _Reading(getattr(translated, name), counter))
    tokens = translated._tokens(text)
    assert all(a.end() <= b.start() for a, b in zip(tokens, tokens[1:], strict=False))
    # each search is given the text from where the last token ended, once per kind of branch; the
    # domain branch's search, as before, read the run to its end from each boundary in it (~10^11)
    assert counter[0] <= 6 * len(text)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_quotations_read_each_character_a_bounded_number_of_times(text):
    _Counted.read = 0
    quotes = list(translated._quotes(_Counted(text)))
    # 2 finds (the closing mark, the line end) read past the last ones only; the pattern read up to
    # 2,000 characters after each of 400,000 opening marks
    assert _Counted.read <= 2 * len(text) + 2
    assert all(len(q) <= translated.QUOTE_LIMIT for q in quotes)


@pytest.mark.parametrize(
    ("text", "tokens", "quotes"),
    [
        ("a-" * 200_000, 200_000, 0),
        ("x.se" + "-a" * 200_000, 200_001, 0),
        ("-a" * 200_000 + ".se", 1, 0),  # one domain token: from the first boundary to the domain
        ("_www.se:" * 50_000, 50_000, 0),
        ("“x" * 200_000 + "”", 200_000, 1),  # the last mark's, the others' more than 2,000 characters long
        ("“x" * 999 + "”", 999, 1),
        ("“" * 400_000 + "\n" + "“x”", 1, 1),
    ],
)
def test_hostile_texts_read_whole(text, tokens, quotes):
    assert len(translated._tokens(text)) == tokens
    assert len(list(translated._quotes(text))) == quotes
    assert translated.readings(text) == []


PIECES = ["a", "b", "_", ".", "-", ".se", ".SE", ".ſe", ".org", ".Com", ".net", ".eu", "/", "/x", " ", "\n", "www.",
          "www", "http://", "https://", "Https:/", "HTTP://", "1", "12", "1 000", ",", "000", "-tal", "-talet", '"', "“",
          "”", "é", "x.se", "ett", "femton", "twenty", "three", "\u00a0", "K", "\u212a"]  # fmt: skip


def test_tokens_and_quotations_are_the_patterns_own():
    rnd = random.Random(7)
    domains = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 50)))
        found = [(m.span(), m.lastgroup, m.groups()) for m in translated._tokens(text)]
        assert found == [(m.span(), m.lastgroup, m.groups()) for m in translated._TOKEN.finditer(text)], text
        quotes = [next(g for g in m.groups() if g is not None) for m in QUOTE.finditer(text)]
        assert list(translated._quotes(text)) == quotes, text
        domains += any(
            group == "url" and not text[a:b].lower().startswith(("www", "http")) for (a, b), group, _ in found
        )
    assert domains > 2_000  # the domain branch is exercised


def test_a_quotation_is_at_most_its_limit():
    text = "“" + "x" * translated.QUOTE_LIMIT + "” “" + "x" * (translated.QUOTE_LIMIT + 1) + "”"
    assert [len(q) for q in translated._quotes(text)] == [translated.QUOTE_LIMIT]
    # a line end ends none ('“b'), '”' opens one too (' “c“d', with a '“' inside), none is empty
    assert list(translated._quotes('"a" “b\n” “c“d”, ”e” ""')) == ["a", " “c“d", "e"]
