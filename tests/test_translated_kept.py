"""The translation check keeps names, months, places, ordinals and negations: a text's sv and en
are compared for the people, organisations, bodies and places they name (the corpus's, the
well-known ones, and any capitalised run of the Swedish), the months, the ordinals, the number of
negations of any verb or quantifier, and whether they say 'all' or 'every' (translated.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project

from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import load_warnings
from sakrad_ld.translated import PLACES, WELL_KNOWN, Names, _kept_warnings, _pair_warnings, corpus_names

SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"


def _names() -> Names:
    """A corpus's names as corpus_names gives them, without a corpus: people, an organisation with
    its other name, bodies in both languages, and the well-known places and bodies."""
    names = Names()
    for sv, en in (PLACES | WELL_KNOWN).items():
        names.add(sv, en)
    for person in ("Paulina Brandberg", "Martin Andreasson", "Jakob Forssmed", "Ann Linde"):
        names.add(person)
    names.add("Riksförbundet för homosexuellas rättigheter", "RFSL")
    names.add("Regeringskansliet", "Government Offices of Sweden")
    names.add("Arbetsmarknadsdepartementet", "Ministry of Employment")
    names.add("Kulturdepartementet", "Ministry of Culture")
    return names


NAMES = _names()

#: (sv, en, the words every warning must hold between them; none: no warning at all)
PAIRS = [
    # names of people, organisations, bodies and places
    (
        "Paulina Brandberg inledde sakrådet.",
        "Martin Andreasson opened the sakråd.",
        ["sv text names 'Paulina Brandberg'", "en text names 'Martin Andreasson'"],
    ),
    ("Paulina Brandberg inledde sakrådet.", "Paulina Brandberg opened the sakråd.", []),
    ("Mötet leddes av Jakob Forssmed.", "The meeting was chaired by Ann Linde.", ["'Jakob Forssmed'", "'Ann Linde'"]),
    (
        "Sakrådet hölls i Stockholm.",
        "The sakråd was held in Gothenburg.",
        ["sv text names 'Stockholm'", "'Gothenburg'"],
    ),
    ("Sakrådet hölls i Göteborg.", "The sakråd was held in Gothenburg.", []),
    ("Sakrådet hölls i Göteborg.", "The sakråd was held in Malmö.", ["'Göteborg'", "en text names 'Malmö'"]),
    ("Sakrådet hölls i Stockholm.", "The sakråd was held in Stockholm.", []),
    ("Sakrådet hölls i Sverige.", "The sakråd was held in Sweden.", []),
    ("Sakrådet hölls i Sverige.", "The sakråd was held in Norway.", ["'Sverige'", "'Norway'"]),
    ("RFSL deltog.", "The Riksförbundet för homosexuellas rättigheter took part.", []),  # one name's two forms
    ("RFSL deltog.", "The Swedish Red Cross took part.", ["sv text names 'RFSL'"]),
    ("Regeringskansliet bjöd in.", "The Government Offices invited them.", []),  # a name's capitalised first words
    ("Inbjudan görs i Regeringskansliets namn.", "The invitation is in the Government Offices' name.", []),
    ("Enheten hör till Arbetsmarknadsdepartementet.", "The unit is part of the Ministry of Employment.", []),
    (
        "Enheten hör till Arbetsmarknadsdepartementet.",
        "The unit is part of the Ministry of Culture.",
        ["sv text names 'Arbetsmarknadsdepartementet'", "en text names 'Ministry of Culture'"],
    ),
    ("Ett möte med Europeiska kommissionen.", "A meeting with the European Commission.", []),
    ("Ett möte med Europeiska kommissionen.", "A meeting with the Council of Europe.", ["'Europeiska kommissionen'"]),
    # a capitalised run of the Swedish that no list holds
    ("Frågor besvaras av Ola Göransson.", "Questions go to Ola Göransson.", []),
    ("Frågor besvaras av Ola Göransson.", "Questions go to Ola Andersson.", ["sv text names 'Ola Göransson'"]),
    ("Frågor besvaras av Ola Göransson.", "Questions go to the press office.", ["sv text names 'Ola Göransson'"]),
    ("Läst i EveryPoliticians avstämning.", "Read in EveryPolitician's reconciliation.", []),  # a genitive
    ("Ett EU-sakråd inför Konferensen om Europas framtid.", "An EU-sakråd before the Conference on Europe.", []),
    ("Uppgiften står hos Skatteverket.", "The fact is at Bolagsverket.", ["sv text names 'Skatteverket'"]),
    ("Sidan anger tiden.", "The page gives the time.", []),  # a sentence's first word is any word
    # months of either language
    ("Mötet hölls den 13 december.", "The meeting was held on 13 November.", ["sv 'december'; en 'November'"]),
    ("Mötet hölls den 13 december.", "The meeting was held on 13 December.", []),
    ("Mötet hölls i maj 2025.", "The meeting was held in May 2025.", []),
    ("Mötet hölls i maj 2025.", "It may have been held in June 2025.", ["sv 'maj'; en 'June'"]),  # "may" is no month
    ("Mötet hölls i mars.", "The meeting, it seems, was held in spring.", ["sv 'mars'; en none"]),
    ('Sidan säger "i slutet av augusti".', 'The page says "i slutet av augusti" (at the end of August).', []),
    # ordinals
    ("Det var det första sakrådet.", "It was the last sakråd.", ["other ordinals: sv 'första'; en 'last'"]),
    ("Det var det första sakrådet.", "It was the first sakråd.", []),
    ("Det var det senaste sakrådet.", "It was the latest sakråd.", []),
    ("Det var det sista sakrådet.", "It was the second sakråd.", ["sv 'sista'; en 'second'"]),
    ("Den andra artikeln säger mer.", "The second article says more.", []),
    ("Andra organisationer deltog.", "Other organisations took part.", []),  # "andra" as "other"
    ("Den andra artikeln säger mer.", "The third article says more.", ["sv 'andra'; en 'third'"]),
    ("Nästa sakråd hålls i vår.", "The next sakråd is in spring.", []),
    ("Nästa sakråd hålls i vår.", "The previous sakråd was in spring.", ["sv 'Nästa'; en 'previous'"]),
    ('Rubriken är sidans utan orden "Inbjudan till".', 'The headline without its first words "Inbjudan till".', []),
    ("Det var premiären för EU-sakråd.", "It was the first EU-sakråd.", []),
    # negations of any verb, and quantifiers
    ("Ingen organisation namnges.", "Every organisation is named.", ["sv text has 1 negation ('Ingen')", "'Every'"]),
    ("Organisationerna lämnade synpunkter.", "No organisation gave views.", ["en text 1 ('No')"]),
    ("Ingen organisation namnges.", "No organisation is named.", []),
    ("Ministern svarade inte på frågan.", "The minister answered the question.", ["sv text has 1 negation ('inte')"]),
    ("Ministern svarade på frågan.", "The minister didn't answer the question.", ['en text 1 ("didn\'t")']),
    ("Ministern svarade aldrig.", "The minister never answered.", []),
    ("Ministern svarade aldrig.", "The minister always answered.", ["sv text has 1 negation ('aldrig')"]),
    ("Inga dagar står i texten.", "No days are in the text.", []),
    ("Sidan säger det utan år.", "The page says it without a year.", []),
    ("Anmälan görs senast den 18 oktober (utan år).", "Registration is due by 18 October (no year given).", []),
    ("Det är inte A utan B.", "It is not A but B.", []),  # "inte … utan": not … but
    ("Det är inte bekräftat och ingen typ anges.", "It is not confirmed and no type is given.", []),
    (
        "Det är inte bekräftat och ingen typ anges.",
        "It is confirmed and no type is given.",
        ["sv text has 2", "en text 1"],
    ),
    ('Artikeln säger "kan inte delta".', 'The article says "kan inte delta" (cannot attend).', []),  # glossed
    ('Artikeln säger "kan inte delta".', 'The article says "kan inte delta".', []),  # kept, not glossed
    ("Högst 20 deltog, inte fler än 20.", "At most 20 took part, no more than 20.", []),  # bounds, not negations
    ("Alla organisationer namnges.", "Some organisations are named.", ["quantify otherwise: sv 'Alla'; en none"]),
    ("Varje organisation namnges.", "Every organisation is named.", []),
    ("Några organisationer namnges.", "Every organisation is named.", ["en 'Every'"]),
    ("Sidan nämner inte någon alls.", "The page does not name anyone at all.", []),  # "at all" is no "all"
]


@pytest.mark.parametrize(("sv", "en", "words"), PAIRS, ids=[f"{i:02}" for i in range(len(PAIRS))])
def test_a_pair_is_warned_about_exactly_where_the_languages_differ(sv: str, en: str, words: list[str]) -> None:
    warnings = " || ".join(message for message, _ in _kept_warnings(sv, en, NAMES))
    if not words:
        assert warnings == ""
    for word in words:
        assert word in warnings, warnings
    # the whole check says the same of these words as its names, months, ordinals and negations
    assert all(m in " || ".join(m for m, _ in _pair_warnings(sv, en, NAMES)) for m, _ in _kept_warnings(sv, en, NAMES))


def test_the_table_has_pairs_of_every_kind() -> None:
    warned = [p for p in PAIRS if p[2]]
    assert len(warned) >= 20 and len(PAIRS) - len(warned) >= 20
    found = " ".join(w for p in warned for w in p[2])
    for kind in ("sv text names", "en text names", "sv '", "negation", "quantify"):
        assert kind in found


def test_a_name_of_the_corpus_swapped_in_the_english_is_warned_about_naming_the_field(tmp_path: Path) -> None:
    """The fixture's people, bodies and places are the names compared; the warning names the note's
    field and file, as the check's other warnings do."""
    project = fixture_project(tmp_path / "project")
    change(
        project / SEED,
        "notes:\n",
        "notes:\n  - text:\n      sv: Ann Linde ledde mötet i Stockholm den 12 december.\n"
        "      en: Ylva Johansson chaired the meeting in Gothenburg on 12 November.\n",
    )
    warnings = [str(w) for w in load_warnings(load_corpus(project / "data"))]
    for words in ("sv text names 'Ann Linde'", "en text names 'Ylva Johansson'", "'Gothenburg'", "en 'November'"):
        hits = [w for w in warnings if words in w]
        assert len(hits) == 1, warnings
        assert "2017-12-12-integration.yaml:" in hits[0] and "notes[0].text.en" in hits[0], hits[0]


def test_the_names_of_a_corpus_are_its_people_organisations_bodies_and_places(tmp_path: Path) -> None:
    corpus = load_corpus(fixture_project(tmp_path / "project") / "data")
    names = corpus_names(corpus)
    for person in corpus.people:
        assert names._index(person.name) is not None, person.name
    for body in corpus.bodies:
        assert names._index(body.name.sv) == names._index(body.name.en or body.name.sv), body.name
    assert names._index("Stockholm") is not None  # "Regeringskansliets lokaler i Stockholm", "Stockholm"
    # the body Regeringskansliet and the well-known name are one: the one names the other
    assert _pair_warnings("Regeringskansliet", "Government Offices of Sweden", names) == []


@pytest.mark.parametrize(
    "piece",
    [
        "A ",
        "Ann Linde ",
        "Paulina Brandberg ",
        "inte ",
        "maj May ",
        "den andra first ",
        ". A",
        "Göteborgs ",
        "Ann" + " " * 1000 + "Linde ",
        "x",
        "Konferensen ",
    ],  # fmt: skip
)
def test_hostile_texts_give_short_warnings(piece: str) -> None:
    """500 KB of names, negations, months, ordinals or sentence starts: the warnings stay short and
    say what each text has (the time is linear: one pass over the words, a name followed down a tree
    of names no deeper than its longest name; measured outside the tests)."""
    text = (piece * (500_000 // len(piece) + 1))[:500_000]  # (in the English, "inte" is quoted Swedish)
    for sv, en in ((text, "y"), ("y", text)):
        warnings = _kept_warnings(sv, en, NAMES)
        assert all(len(message) < 600 for message, _ in warnings), [len(m) for m, _ in warnings]
        if piece == "inte " and sv == text:
            assert any("sv text has 100,000 negations ('inte', 'inte'" in m for m, _ in warnings), warnings
