"""The translation check's claims and number words, read as they are defined: a claim is a search
of each clause by itself (``translated.claims`` searches the whole text once and places each claim
in its clause), and a word names a number when ``_word_value`` gives one (``readings`` asks it only
of the words in ``_NUMBER_WORD_FORMS``)."""

from __future__ import annotations

import random

import pytest

from sakrad_ld import translated

WORDS = (
    "deltog deltagit delta medverkade närvarade tog del av ta ledde lett ordförande hölls ägde rum genomfördes "
    "gavs ut getts took part taken attend attended chair chaired led present at was held were not been given "
    "wasn't conducted weren't never carried out place bjöd bjöds inbjuden inbjöds invited invitation invite "
    "räknar upp uppräknade listas listade namnges nämns listed lists named mentioned inte ej icke aldrig ingen "
    "inga varken no none nobody neither nor cannot can't more than fewer quite only fler än bara mer och men "
    "samt and but x 12 organisationer delta_ AND Och TOG"
).split()
#: the clause separators, parts of them, and what is no separator
JOINS = (" ", " ", ", ", ". ", "; ", ": ", "(", ")", "[", "]", "\n", " och ", " and ", " but ", " men ", " samt ",
         " OCH ", "-", "'", "\u00a0", "", "!", "?", ",,", " \n ")  # fmt: skip


def _by_clause(text: str, lang: str) -> list[tuple[str, bool, int, str]]:
    """The claims as defined: each clause (up to the next clause's start) searched by itself."""
    starts = translated._clause_starts(text)
    found = []
    for n, start in enumerate(starts):
        clause = text[start : starts[n + 1] if n + 1 < len(starts) else len(text)]
        hits = list(translated._CLAIMS[lang].finditer(clause))
        if hits:
            negated = bool(translated._NEGATED[lang].search(clause))
            found += [(h.lastgroup or "", negated, n, h[0]) for h in hits]
    return found


def _texts(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(WORDS) + rnd.choice(JOINS) for _ in range(rnd.randint(0, 16))) for _ in range(count)]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_claims_are_those_of_each_clause_searched_by_itself(lang: str) -> None:
    texts = _texts(15, 6000) + [
        "tog del, av dem", "tog del av dem", "gavs ut", "gavs, ut", "ledde och deltog", "deltog,x", "x, deltog",
        "was not held. was held", "were never held and not attended", "inte fler än 20 deltog", "not only attended",
    ]  # fmt: skip
    claimed = 0
    for text in texts:
        found = translated.claims(text, lang)
        assert found == _by_clause(text, lang), text
        claimed += bool(found)
    assert claimed > 1000  # the texts make claims, negated and not, in several clauses


def test_a_word_that_names_a_number_is_among_the_number_word_forms() -> None:
    rnd = random.Random(6)
    bases = [*translated._WORD_VALUES, "en", "ett", "one", "tal", "talet", "x", "Tjugo", "HUNDRA"]
    ends = ("", "tal", "talet", "talen", "tals", "et", "TAL")
    words = {b + e for b in bases for e in ends} | {
        "".join(rnd.choice("tjugofemhundraelvadusinTAL") for _ in range(rnd.randint(1, 12))) for _ in range(20000)
    }
    named = [w for w in words if translated._word_value(w) is not None]
    assert len(named) > 200
    assert all(w.casefold() in translated._NUMBER_WORD_FORMS for w in named)
