"""The translation check, pair by pair: each number with its bound and the claim and noun it is tied
to, held and invited claims and their negations, and every number word, in both directions (the sv
text saying more, the en text saying more) and with pairs that say the same (translated.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import change, fixture_project

from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import load_warnings
from sakrad_ld.translated import _pair_warnings, _texts, corpus_names, numbers, readings

ROOT = Path(__file__).resolve().parents[1]
SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"

#: (sv, en, the words every warning must hold between them; none: no warning)
PAIRS = [
    # bounds turned around, dropped or added
    ("Drygt 50 deltagare.", "Fewer than 50 participants.", ["50: sv at least ('Drygt 50'); en at most"]),
    ("Knappt 50 deltagare.", "More than 50 participants.", ["50: sv at most ('Knappt 50'); en at least"]),
    ("Minst 30 organisationer.", "At most 30 organisations.", ["30: sv at least", "en at most"]),
    ("Högst 30 organisationer.", "At least 30 organisations.", ["30: sv at most", "en at least"]),
    ("Drygt 50 deltagare.", "50 participants.", ["50: sv at least ('Drygt 50'); en exactly ('50')"]),
    ("50 deltagare.", "Over 50 participants.", []),  # "over" may be a preposition: no bound against a plain number
    ("Över 50 deltagare.", "Fewer than 50 participants.", ["50: sv at least ('Över 50'); en at most"]),
    ("Cirka 40 personer.", "40 people.", ["40: sv about ('Cirka 40'); en exactly"]),
    ("40 personer.", "About 40 people.", ["40: sv exactly ('40'); en about ('About 40')"]),
    ("Ett 40-tal personer.", "Fewer than 40 people.", ["40: sv about ('40-tal'); en at most"]),
    ("Uppemot 30 organisationer.", "Upwards of 30 organisations.", ["30: sv at most", "en at least"]),
    ("Fler än 20 deltog.", "No fewer than twenty took part.", []),
    ("Drygt 50 deltagare (minst 50).", "More than 50 participants (at least 50).", []),
    ("Nästan 60 personer.", "Nearly 60 people.", []),
    ("Ca. 25 organisationer.", "Roughly 25 organisations.", []),
    ("50 eller fler deltagare.", "50 or more participants.", []),
    ("50 eller fler deltagare.", "50 or fewer participants.", ["50: sv at least", "en at most"]),
    ("Ett sextiotal deltagare.", "Some sixty participants.", []),
    ("Sextiotalet deltagare.", "The sixty or so participants.", []),
    ("Sakrådet pågick under 2022.", "The sakråd ran in 2022.", []),  # a year is a date, never bounded
    ("Under den 14 april.", "On 14 April.", []),
    ("Det kan ha pågått två dagar.", "It may have run over two days.", []),
    # numbers swapped between claims, or counting other things
    (
        "15 organisationer deltog och 13 räknas upp.",
        "13 organisations took part and 15 are listed.",
        ["13: sv listed ('räknas upp'); en took part", "15: sv took part ('deltog'); en listed"],
    ),
    ("15 organisationer deltog och 13 räknas upp.", "15 organisations took part and 13 are listed.", []),
    ("12 bjöds in, 9 deltog.", "9 were invited, 12 took part.", ["12: sv was invited", "9: sv took part"]),
    ("12 bjöds in, 9 deltog.", "12 were invited, 9 took part.", []),
    ("15 organisationer.", "15 people.", ["15: sv organisations; en people"]),
    ("Femton personer.", "Fifteen organisations.", ["15: sv people; en organisations"]),
    ("15 civilsamhällesorganisationer.", "15 civil-society organisations.", []),
    ("Av 15 organisationer deltog 13.", "13 of 15 organisations took part.", []),
    # held, invited and their negations
    (
        "Att sakrådet hölls står inte på sidan.",
        "The page says the sakråd was held.",
        [
            "sv text says with a negation",
            "'hölls'",
            "en text says someone took part, chaired or led, or that it was held ('was held')",
        ],
    ),
    (
        "Sidan säger att sakrådet hölls.",
        "The page does not say the sakråd was held.",
        [
            "sv text says someone took part, chaired or led, or that it was held ('hölls')",
            "en text says with a negation",
        ],
    ),
    ("Att sakrådet hölls står inte på sidan.", "The page does not say the sakråd was held.", []),
    ("Sakrådet ägde rum i Stockholm.", "The sakråd took place in Stockholm.", []),
    ("Sakrådet ägde rum i Stockholm.", "The sakråd is in Stockholm.", ["sv text says someone took part", "'ägde rum'"]),
    (
        "Landsbygdsministern deltog inte.",
        "The minister for rural affairs took part.",
        ["sv text says with a negation", "'deltog'", "en text says someone took part"],
    ),
    (
        "Landsbygdsministern deltog.",
        "The minister for rural affairs did not take part.",
        ["sv text says someone took part", "en text says with a negation", "'take part'"],
    ),
    ("Fryshuset var inbjudet men kunde inte delta.", "Fryshuset was invited but could not attend.", []),
    (
        "Fryshuset var inbjudet men kunde inte delta.",
        "Fryshuset was invited and took part.",
        ["sv text says with a negation", "'delta'", "en text says someone took part"],
    ),
    (
        "Fryshuset var inbjudet.",
        "Fryshuset took part.",
        ["sv text says that someone was invited ('inbjudet')", "en text says someone took part"],
    ),
    (
        "Fryshuset bjöds inte in.",
        "Fryshuset was invited.",
        ["sv text says with a negation that someone was invited", "en text says that someone was invited"],
    ),
    ("Ministern bjöd in organisationerna.", "The minister invited the organisations.", []),
    ('Ministern "bjöd in" organisationerna.', 'The minister "bjöd in" the organisations.', []),  # one quotation
    ("Sidan säger inte vem som ledde mötet.", "The page does not say who chaired the meeting.", []),
    ("Mötet leddes av ministern.", "The meeting was chaired by the minister.", []),
    ("Ministern ledde mötet.", "The minister led the meeting.", []),
    ("Sakrådet har inte hållits.", "The sakråd has been held.", ["sv text says with a negation", "'hållits'"]),
    ("Ministern deltog ej.", "The minister didn't attend.", []),
    ("20 bjöds in och 15 deltog.", "15 were invited and 20 took part.", ["15: sv took part", "20: sv was invited"]),
    ("Mindre än 40 deltagare.", "More than 40 participants.", ["40: sv at most", "en at least"]),
    ("Presentationerna hölls inte.", "The presentations were not given.", []),
    ("Mötet erbjöd en plats.", "The meeting offered a seat.", []),  # "erbjöd" is not "bjöd"
    # number words: -tal under twenty, dussin and dozen, compounds
    (
        "Ett tiotal representanter.",
        "A dozen representatives.",
        ["sv text names 10, which the en", "en text names 12, which the sv"],
    ),
    ("Ett tiotal representanter.", "About ten representatives.", []),
    ("Ett tiotal representanter.", "Ten representatives.", ["10: sv about ('tiotal'); en exactly"]),
    ("Ett dussin representanter.", "A dozen representatives.", []),
    ("Ett dussintal representanter.", "About a dozen representatives.", []),
    ("Ett femtontal organisationer.", "Some fifteen organisations.", []),
    ("Ett femtontal organisationer.", "Some sixteen organisations.", ["sv text names 15", "en text names 16"]),
    ("Tjugotre organisationer.", "Twenty-three organisations.", []),
    ("Tjugotre organisationer.", "Twenty-four organisations.", ["sv text names 23", "en text names 24"]),
    ("Åttio deltagare.", "Eighty participants.", []),
    ("Arton deltagare.", "Eighteen participants.", []),
    ("Ett tjugotal organisationer.", "Over twenty organisations.", ["20: sv about", "en at least ('Over twenty')"]),
    ("Fem organisationer bjöds in.", "Six organisations were invited.", ["sv text names 5", "en text names 6"]),
    ("Sakrådet hölls digitalt.", "The sakråd was announced online.", ["sv text says someone took part", "'hölls'"]),
    (
        "Mötet leddes inte av ministern.",
        "The meeting was chaired by the minister.",
        ["sv text says with a negation", "'leddes'", "en text says someone took part"],
    ),
    (
        "Inga organisationer bjöds in.",
        "Organisations were invited.",
        ["sv text says with a negation that someone was invited", "en text says that someone was invited"],
    ),
    ("Tre myndigheter deltog.", "Three organisations took part.", ["3: sv agencies; en organisations"]),
    ("Inte fler än 20 deltog.", "No more than 20 took part.", []),
    ("Inte färre än 20 deltog.", "No more than 20 took part.", ["20: sv at least ('Inte färre än 20'); en at most"]),
    ("En organisation deltog.", "One organisation took part.", []),
]


@pytest.mark.parametrize(("sv", "en", "words"), PAIRS, ids=[f"{i:02}" for i in range(len(PAIRS))])
def test_a_pair_is_warned_about_exactly_where_the_languages_differ(sv: str, en: str, words: list[str]) -> None:
    warnings = " || ".join(message for message, _ in _pair_warnings(sv, en))
    if not words:
        assert warnings == ""
    for word in words:
        assert word in warnings, warnings


def test_the_table_has_pairs_of_every_kind() -> None:
    warned = [p for p in PAIRS if p[2]]
    assert len(warned) >= 30 and len(PAIRS) - len(warned) >= 30
    assert any("sv text says" in w for p in warned for w in p[2]) and any(
        "en text says" in w for p in warned for w in p[2]
    )


def test_every_sv_en_pair_of_the_data_is_unwarned() -> None:
    """The pairs of data/ and the fixture say the same in both languages: none is warned about."""
    pairs = []
    for data in (ROOT / "data", ROOT / "tests" / "fixtures" / "project" / "data"):
        corpus = load_corpus(data)
        names = corpus_names(corpus)
        for attr in ("sources", "bodies", "posts", "people", "organisations", "meetings"):
            for record in getattr(corpus, attr):
                pairs += [(t.sv, t.en, names) for _, t, _ in _texts(record, None, "") if t.en]
    assert len(pairs) > 20
    assert [(sv, en, w) for sv, en, names in pairs for w in _pair_warnings(sv, en, names)] == []


def test_number_words_are_read_as_the_count_check_reads_them() -> None:
    assert numbers("ett tiotal, ett dussin, ett femtontal, tjugotre, sextiotalet") == {10, 12, 15, 23, 60}
    assert numbers("a dozen, twenty-three, twenty three, fifteen") == {12, 23, 15}
    assert numbers("tiotals organisationer, hundratals") == set()  # tens of, hundreds of: no number
    assert numbers("totalt digitalt antal") == set()
    assert [(r.value, r.kind) for r in readings("Drygt ett tiotal, knappt 60, ett 40-tal, 50 or so")] == [
        (10, "at-least"),
        (60, "at-most"),
        (40, "approximate"),
        (50, "approximate"),
    ]


def test_a_bound_turned_around_is_warned_about_naming_the_field_and_line(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    change(
        project / SEED,
        "notes:\n",
        "notes:\n  - text:\n      sv: Drygt 50 deltagare.\n      en: Fewer than 50 participants.\n",
    )
    warnings = [str(w) for w in load_warnings(load_corpus(project / "data"))]
    found = [w for w in warnings if "bound or round" in w]
    assert len(found) == 1, warnings
    assert "2017-12-12-integration.yaml:" in found[0] and "notes[0].text.en" in found[0], found[0]


def test_hostile_texts_give_short_warnings() -> None:
    """Long runs of bounds, claims, negations and quotations: each message stays short (the time is
    linear, measured outside the tests)."""
    sv = "drygt 50 deltog inte och " * 4000 + '"deltog" ' * 1000 + "x" * 100_000
    en = "fewer than 51 took part, " * 4000 + "y" * 100_000
    start = time.process_time()
    warnings = _pair_warnings(sv, en)
    assert warnings and all(len(message) < 1500 for message, _ in warnings), [len(m) for m, _ in warnings]
    assert time.process_time() >= start
