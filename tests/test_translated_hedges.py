"""A translation keeps its original's hedges: where the Swedish doubts ("troligen", "kanske",
"preliminärt") or reports as hearsay ("enligt uppgift", "uppges", "sägs", "ska ha") and the English
states it plainly, or the other way round, the translation check warns, naming the field; and
"final" said of something settled ("The date is final") is no ordinal (translated.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project

from sakrad_ld import clauses
from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import load_warnings
from sakrad_ld.translated import HEDGES, _pair_warnings, hedges

SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"
DOUBT = "of doubt ("
HEARSAY = "of hearsay ("

#: (sv, en, the words every warning must hold between them; none: no warning of a hedge at all)
PAIRS = [
    # a Swedish hedge the English drops
    ("Sakrådet hölls troligen i Rosenbad.", "The sakråd was held in Rosenbad.", [DOUBT, "'troligen'"]),
    ("Sakrådet hölls enligt uppgift i Rosenbad.", "The sakråd was held in Rosenbad.", [HEARSAY, "'enligt uppgift'"]),
    ("Kanske deltog Famna.", "Famna took part.", [DOUBT, "'Kanske'"]),
    ("Datumet är preliminärt.", "The date is final.", [DOUBT, "'preliminärt'"]),
    ("Famna deltog möjligen.", "Famna took part.", [DOUBT]),
    ("Sakrådet hölls sannolikt i Umeå.", "The sakråd was held in Umeå.", [DOUBT]),
    ("Det är troligt att Famna deltog.", "Famna took part.", [DOUBT, "'Det är troligt'"]),
    ("Famna kan ha deltagit.", "Famna took part.", [DOUBT]),
    ("Famna uppges ha deltagit.", "Famna took part.", [HEARSAY, "'uppges'"]),
    ("Famna sägs ha deltagit.", "Famna took part.", [HEARSAY]),
    ("Mötet ska ha hållits i Umeå.", "The meeting was held in Umeå.", [HEARSAY, "'ska ha hållits'"]),
    ("Famna ska enligt uppgift ha deltagit.", "Famna took part.", [HEARSAY]),
    ("Sakrådet hölls tydligen i Umeå.", "The sakråd was held in Umeå.", [HEARSAY]),
    ("Famna deltog, uppges det.", "Famna took part.", [HEARSAY]),
    ("Famna uppges inte ha deltagit.", "Famna did not take part.", [HEARSAY]),
    # an English hedge the Swedish lacks
    ("Famna deltog.", "Famna probably took part.", [DOUBT, "'probably'"]),
    ("Famna deltog.", "Famna likely took part.", [DOUBT]),
    ("Famna deltog.", "Famna may have attended.", [DOUBT]),
    ("Datumet är fastställt.", "The date is provisional.", [DOUBT]),
    ("Famna deltog.", "Famna reportedly took part.", [HEARSAY, "'reportedly'"]),
    ("Famna deltog.", "Famna is said to have taken part.", [HEARSAY]),
    ("Famna deltog.", "Famna is reported to have attended.", [HEARSAY]),
    ("Sakrådet hölls i Umeå.", "It is said that the sakråd was held in Umeå.", [HEARSAY]),
    # one of two hedges dropped; a doubt given as hearsay
    ("Famna deltog troligen och RFSL deltog kanske.", "Famna probably took part and RFSL took part.", [DOUBT]),
    ("Famna deltog troligen.", "Famna reportedly took part.", [DOUBT, HEARSAY]),
    # the same hedge in both
    ("Sakrådet hölls troligen i Rosenbad.", "The sakråd was probably held in Rosenbad.", []),
    ("Sakrådet hölls enligt uppgift i Rosenbad.", "The sakråd was reportedly held in Rosenbad.", []),
    ("Kanske deltog Famna.", "Perhaps Famna took part.", []),
    ("Datumet är preliminärt.", "The date is provisional.", []),
    ("Datumet är preliminärt.", "The date is preliminary.", []),
    ("Famna deltog möjligen.", "Famna possibly took part.", []),
    ("Det är troligt att Famna deltog.", "It is likely that Famna took part.", []),
    ("Famna kan ha deltagit.", "Famna may have taken part.", []),
    ("Famna uppges ha deltagit.", "Famna is reported to have taken part.", []),
    ("Mötet ska ha hållits i Umeå.", "The meeting is said to have been held in Umeå.", []),
    ("Famna ska enligt uppgift ha deltagit.", "Famna allegedly took part.", []),
    ("Famna deltog enligt obekräftade uppgifter.", "Famna took part, according to unconfirmed reports.", []),
    ("Det är oklart om Famna deltog.", "It is unclear whether Famna took part.", []),  # "om": no hedge word
    ("Famna antas ha deltagit.", "Famna is believed to have taken part.", []),
    ("Sakrådet hölls förmodligen i Umeå.", "The sakråd seems to have been held in Umeå.", []),
    ("Ett område som sägs ha diskuterats.", "An area said to be discussed.", []),
    ('Sidan säger "troligen".', 'The page says "troligen" (probably).', []),  # a Swedish hedge kept, glossed
    ('Sidan säger "troligen".', 'The page says "troligen".', []),  # kept, not glossed
    # no hedge: a source named, a plan, a possibility to do something
    (
        "Sakrådet hölls enligt uppgift från Kulturdepartementet i Umeå.",
        "According to the Ministry of Culture, the sakråd was held in Umeå.",
        [],
    ),
    ("Famna ska ha en monter.", "Famna is to have a stand.", []),
    ("Antalet uppges inte.", "The number is not given.", []),  # a document gives it, or not
    ("Platsen uppges i inbjudan.", "The invitation gives the place.", []),
    ("Det var möjligt att ställa frågor.", "It was possible to ask questions.", []),
    ("Famna deltog.", "Famna took part.", []),
]


def _warnings(sv: str, en: str) -> str:
    return " || ".join(message for message, _ in _pair_warnings(sv, en))


@pytest.mark.parametrize(("sv", "en", "words"), PAIRS, ids=[f"{i:02}" for i in range(len(PAIRS))])
def test_a_hedge_in_one_language_only_is_warned_about(sv: str, en: str, words: list[str]) -> None:
    warnings = _warnings(sv, en)
    if not words:
        assert DOUBT not in warnings and HEARSAY not in warnings, warnings
    for word in words:
        assert word in warnings, warnings
    if words and DOUBT not in words:
        assert DOUBT not in warnings, warnings
    if words and HEARSAY not in words:
        assert HEARSAY not in warnings, warnings


@pytest.mark.parametrize(
    ("sv", "en", "ordinals"),
    [
        ("Datumet är preliminärt.", "The date is final.", False),  # settled, no rank
        ("Slutrapport.", "Final report.", False),
        ("Besluten är slutliga.", "The decisions are final.", False),
        ("Det var det sista mötet.", "It was the final meeting.", False),  # the last one, in both
        ("Det var det första mötet.", "It was the final meeting.", True),
        ("Mötets sista pass.", "The meeting's final session.", False),
        ("Det första och sista mötet.", "The first and final meeting.", False),
    ],
)
def test_final_is_an_ordinal_only_after_a_determiner(sv: str, en: str, ordinals: bool) -> None:
    assert ("other ordinals" in _warnings(sv, en)) is ordinals, _warnings(sv, en)


def test_the_hedges_are_the_guards_doubt_and_hearsay_words() -> None:
    """The load checks' guard words of doubt and hearsay are the translation check's too, but the
    words opening an indirect question, for which Swedish has "om" as often."""
    doubt = {w for w, (kind, _) in clauses.GUARDS.items() if kind == clauses.DOUBT}
    assert doubt - set(HEDGES[clauses.DOUBT]) == {"huruvida", "whether"}
    assert set(clauses.HEARSAY_WORDS) <= set(HEDGES[clauses.HEARSAY])


@pytest.mark.parametrize("kind", [clauses.DOUBT, clauses.HEARSAY])
def test_every_hedge_word_is_read_whole_in_any_case(kind: str) -> None:
    for word in HEDGES[kind]:
        for written in (word, word.capitalize(), word.upper()):
            found = hedges(f"Det står: {written}, här.")
            assert [w.casefold() for w in found[kind]] == [word.casefold()], (word, found)
        inside = hedges(f"x{word}x")  # no hedge inside another word (its own words may be)
        assert word.casefold() not in [w.casefold() for ws in inside.values() for w in ws], word


def test_a_dropped_hedge_is_warned_about_naming_the_field(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    change(
        project / SEED,
        "notes:\n",
        "notes:\n  - text:\n      sv: Sakrådet hölls troligen i Stockholm.\n"
        "      en: The sakråd was held in Stockholm.\n"
        "  - text:\n      sv: Sakrådet hölls i Stockholm.\n"
        "      en: The sakråd was reportedly held in Stockholm.\n",
    )
    warnings = [str(w) for w in load_warnings(load_corpus(project / "data"))]
    for field, words in (("notes[0].text.en", "'troligen'"), ("notes[1].text.en", "'reportedly'")):
        hits = [w for w in warnings if words in w]
        assert len(hits) == 1, warnings
        assert "2017-12-12-integration.yaml:" in hits[0] and field in hits[0], hits[0]
