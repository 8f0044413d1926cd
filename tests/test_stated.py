"""Facts held to the kept text of the document they are credited to (stated.py): each case is a copy
of the fixture project with one change the seed documentation's kept text contradicts, and loading
must refuse it naming the file, line and field and the kept file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project, refused

from sakrad_ld.corpus import load_corpus
from sakrad_ld.stated import credit_warnings, folded

SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"
KEPT = "sources/sakrad-2017-12-12-integration.txt"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _one(errors: list[str], *words: str) -> str:
    found = [e for e in errors if all(w in e for w in words)]
    assert len(found) == 1, errors
    return found[0]


def test_the_fixture_loads_and_folding_is_case_and_space() -> None:
    assert folded("Svenska  Röda\nKorset") == folded("svenska röda korset")
    assert folded("Forum \u2013 idéburna") == "forum - idéburna"


#: (file, old, new, words the error must hold): each a fact the seed's kept text does not hold.
CASES = {
    "organisation-name": (
        "organisations.yaml",
        "name: IGITEGO",
        "name: IGITEGO Sverige",
        ["organisation's name", "IGITEGO Sverige"],
    ),
    "place": (str(SEED.relative_to("data")), "place: Stockholm", "place: Göteborg", ["place", "Göteborg"]),
    "email": (
        str(SEED.relative_to("data")),
        "email: vanja.bardh-olsson@",
        "email: vanja.olsson@",
        ["email", "vanja.olsson@"],
    ),
    "telephone": (
        str(SEED.relative_to("data")),
        "telephone: 08-405 12 73",
        "telephone: 08-405 10 00",
        ["telephone", "08-405 10 00"],
    ),
    "question": (
        str(SEED.relative_to("data")),
        "Hur kan framgångsfaktorer reproduceras och spridas?",
        "Hur kan framgångsfaktorer spridas till hela landet?",
        ["question", "hela landet"],
    ),
    "chair-named-as-a-superior": (
        str(SEED.relative_to("data")),
        "chair:\n  person: anders-kessling\n  post: statssekreterare-hos-arbetsmarknads-och-etableringsministern",
        "chair:\n  person: ylva-johansson\n  post: arbetsmarknads-och-etableringsminister",
        ["chair", "Ylva Johansson"],
    ),
    "participant-named-only-as-a-superior": (
        str(SEED.relative_to("data")),
        "government_participants:\n",
        "government_participants:\n  - person: ylva-johansson\n",
        ["government participant", "Ylva Johansson"],
    ),
    "organisation-not-listed": (
        str(SEED.relative_to("data")),
        "  - svenska-roda-korset\n",
        "  - svenska-roda-korset\n  - rfsl\n",
        ["participating organisation", "Riksförbundet för homosexuellas", "(110 characters)"],
    ),
    "contact-person": (
        str(SEED.relative_to("data")),
        "person: vanja-bardh-olsson",
        "person: tobias-olsson",
        ["contact's name", "Tobias Olsson"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_fact_the_kept_text_does_not_hold_is_refused(project: Path, case: str) -> None:
    file, old, new, words = CASES[case]
    line = change(project / "data" / file, old, new)
    error = _one(refused(project), KEPT, *words)
    assert f"{file}:" in error
    at = int(error.split(f"{file}:", 1)[1].split(":", 1)[0])
    assert line <= at <= line + new.count("\n") + 1, error


def test_a_legal_name_credited_to_the_kept_text_must_be_in_it(project: Path) -> None:
    orgs = project / "data" / "organisations.yaml"
    change(
        orgs,
        "    sources: [dokumentation-2017-12-12-integration]\n",
        "    sources: [dokumentation-2017-12-12-integration]\n    legal_name: Blekinge Idrottsförbund Ideell Förening\n    fact_sources:\n      - facts: [legal_name]\n        source: dokumentation-2017-12-12-integration\n",
    )
    _one(refused(project), "legal name", "Ideell Förening", KEPT)


def test_an_organiser_the_meetings_note_says_is_not_stated_is_refused(project: Path) -> None:
    line = change(project / SEED, "place: Stockholm\n", "place: Stockholm\norganiser: integrationsenheten\n")
    error = _one(refused(project), "organiser", "no organiser is stated")
    assert f"2017-12-12-integration.yaml:{line + 1}: organiser" in error


def test_an_english_note_saying_no_organiser_is_stated_is_enough(project: Path) -> None:
    change(project / SEED, "place: Stockholm\n", "place: Stockholm\norganiser: integrationsenheten\n")
    change(project / SEED, "anordnade sakrådet står inte uttryckligen, så ingen arrangör anges.", "är utgivare.")
    _one(refused(project), "organiser", "no organiser is stated")


def test_an_organiser_that_is_the_publisher_is_warned_about(project: Path) -> None:
    corpus = load_corpus(project / "data")
    warnings = [str(w) for w in credit_warnings(corpus)]
    assert any("organiser" in w and "publisher" in w and "2023-02-21" in w for w in warnings), warnings


def test_a_participation_credited_to_a_document_outside_the_records_sources_is_warned_about(project: Path) -> None:
    orgs = project / "data" / "organisations.yaml"
    # the documentation lists Svenska kyrkan; with the documentation taken off its sources, a warning
    text = orgs.read_text(encoding="utf-8")
    at = text.index("  - id: svenska-kyrkan")
    end = text.index("sources:", at)
    line_end = text.index("\n", end)
    orgs.write_text(text[:end] + "sources: [skatteverket-godkanda-gavomottagare]" + text[line_end:], encoding="utf-8")
    corpus = load_corpus(project / "data")
    warnings = [str(w) for w in credit_warnings(corpus)]
    _one(warnings, "'svenska-kyrkan'", "dokumentation-2017-12-12-integration", "organisations[")


def test_a_holding_credited_to_a_document_outside_the_persons_sources_is_refused(project: Path) -> None:
    people = project / "data" / "people.yaml"
    line = change(
        people,
        "      - post: energi-och-naringsminister\n        source: regeringen-2024-04-dags-att-kraftsamla-kring-eus",
        "      - post: energi-och-naringsminister\n        source: regeringen-2017-03-uppstartsmote-rasism",
    )
    error = _one(refused(project), "energi-och-naringsminister", "not among the person's sources")
    assert f"people.yaml:{line + 1}: " in error and "source" in error


def test_an_organiser_that_is_the_publisher_with_a_note_quoting_the_page_is_not_warned_about(project: Path) -> None:
    path = project / "data" / "meetings" / "2023-02-21-eu-api-passagerare.yaml"
    change(
        path,
        "notes:\n",
        'notes:\n  - about: organiser\n    text: Sidan säger "avser Justitiedepartementet genomföra".\n',
    )
    warnings = [str(w) for w in credit_warnings(load_corpus(project / "data"))]
    assert not any("organiser" in w and "2023-02-21" in w for w in warnings), warnings
