"""An English name (a body's ``name.en``, a post's ``label.en``) credited to a kept text is stated there
only as the record's own name: a whole name (no capitalised word and no word joined by a hyphen right
before or after it), and either in an English text about the record (the source's ``language: en``) or
beside the record's Swedish name ("Integrationsenheten (Integration Unit)", "the Integration Unit
(Integrationsenheten)", the English name then quoted or in an English passage). "Stockholm" inside
"Länsstyrelsen Stockholm" and "Core Group" inside "UN LGBTI Core Group" are not.

The relation check reads each occurrence of a name with a few places around it: its work (Python line
events, counted with sys.settrace, no timing) at a text twice as long is about twice as much.

The copies of the fixture project are edited here; data/ is never read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import edit_data, fixture_project, load_messages

from sakrad_ld import placed
from sakrad_ld.placed import headings, named_in_english, stated_relation
from sakrad_ld.stated import _flat, folded, folded_text

TEXT = "sources/sakrad-2017-12-12-integration.txt"
LAST = "13. Svenska Röda Korset"
UNIT = "      sv: Integrationsenheten\n"
ENGLISH_PAGE = "government-se-ministry-of-employment-organisation"
PAGE_URL = "    url: http://www.government.se/government-of-sweden/ministry-of-employment/organisation-of-the-ministry-of-employment/\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _unit_named(project: Path, en: str, sentence: str) -> list[str]:
    """The errors of the fixture with Integrationsenheten's English name ``en`` and ``sentence`` after
    the kept text's last line, a paragraph of its own."""
    edit_data(project, "bodies.yaml", UNIT, f"{UNIT}      en: {en}\n")
    edit_data(project, TEXT, LAST, f"{LAST}\n\n{sentence}")
    return [e for e in load_messages(project) if "integrationsenheten" in e]


def test_the_fixture_loads(project: Path) -> None:
    assert load_messages(project) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Integrationsenheten (Integration Unit) ansvarade för sakrådet.",
        "Sakrådet hölls av Integrationsenheten (engelska: Integration Unit) i Stockholm.",
        "Sakrådet hölls av Integrationsenheten (eng. ”Integration Unit”) i Stockholm.",
        "Integrationsenheten (in English: Integration Unit) höll mötet.",
        "The Integration Unit (Integrationsenheten) hosted the meeting with the organisations.",
        "The meeting was held by the Integration Unit (Integrationsenheten) of the ministry.",
        "Enheten heter ”Integration Unit” (Integrationsenheten) på engelska.",
        "Maßnahmen: Integrationsenheten (Integration Unit) höll mötet.",
        "The Integration Unit's staff (the Integration Unit (Integrationsenheten)) met them.",
    ],
)
def test_an_english_name_beside_the_swedish_name_is_stated(project: Path, sentence: str) -> None:
    assert _unit_named(project, "Integration Unit", sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # named, but not beside the Swedish name
        "Mötet hölls med Integration Unit i Stockholm.",
        "Integrationsenheten och Integration Unit höll mötet.",
        "The Integration Unit hosted the meeting with the organisations.",
        # beside it, but not a whole name
        "The Swedish Integration Unit (Integrationsenheten) hosted the meeting.",
        "Integrationsenheten (Integration Unit Sweden) höll mötet.",
        "Integrationsenheten (EU-Integration Unit) höll mötet.",
        "Integrationsenheten (Integration Unit-gruppen) höll mötet.",
        "Integrationsenheten (Integration Units) höll mötet.",
        "Maßnahmen: Integrationsenheten (UN Integration Unit) höll mötet.",
        # glossed by the Swedish name in a Swedish sentence, not quoted
        "Vi mötte Integration Unit (Integrationsenheten) och det var bra för de som var där.",
        # the Swedish name's genitive, not the name glossed
        "Integrationsenhetens (Integration Unit) möte hölls i Stockholm.",
    ],
)
def test_an_english_name_not_the_records_name_in_the_text_is_refused(project: Path, sentence: str) -> None:
    errors = _unit_named(project, "Integration Unit", sentence)
    assert len(errors) == 1 and "name.en" in errors[0] and "name_en_derivation is missing" in errors[0], errors


def test_a_word_of_a_longer_name_is_no_english_name(project: Path) -> None:
    # b07: "Stockholm" in "Länsstyrelsen Stockholm", the Swedish name of another body
    errors = _unit_named(project, "Stockholm", "Integrationsenheten, Länsstyrelsen Stockholm (Stockholm) och andra.")
    assert len(errors) == 1 and "'Stockholm'" in errors[0], errors


def test_a_un_group_is_no_posts_english_label(project: Path) -> None:
    # b07b: "Core Group" of "UN LGBTI Core Group", a UN group, credited as a post's English label
    post = "statssekreterare-hos-arbetsmarknads-och-etableringsministern"
    edit_data(
        project,
        "bodies.yaml",
        "      en: State Secretary to the Minister for Employment and Integration\n",
        "      en: Core Group\n",
    )
    text = (project / "data" / "bodies.yaml").read_text(encoding="utf-8")
    a = text.index(f"  - id: {post}")
    b = text.index(f"source: {ENGLISH_PAGE}", a)
    text = (
        text[:a]
        + text[a:b]
        + "source: dokumentation-2017-12-12-integration"
        + text[b + len(f"source: {ENGLISH_PAGE}") :]
    )
    (project / "data" / "bodies.yaml").write_text(text, encoding="utf-8")
    edit_data(project, TEXT, LAST, f"{LAST}\n\nLinjetal för UN LGBTI Core Group framfört av statssekreteraren.")
    errors = [e for e in load_messages(project) if post in e]
    assert len(errors) == 1 and "label.en" in errors[0] and "'Core Group'" in errors[0], errors


def test_a_posts_english_label_beside_its_definite_swedish_label_is_stated(project: Path) -> None:
    post = "arbetsmarknads-och-etableringsminister"
    text = (project / "data" / "bodies.yaml").read_text(encoding="utf-8")
    a = text.index(f"  - id: {post}\n")
    b = text.index(f"source: {ENGLISH_PAGE}", a)
    text = (
        text[:a]
        + text[a:b]
        + "source: dokumentation-2017-12-12-integration"
        + text[b + len(f"source: {ENGLISH_PAGE}") :]
    )
    (project / "data" / "bodies.yaml").write_text(text, encoding="utf-8")
    assert [e for e in load_messages(project) if post in e and "label.en" in e]  # the text gives no English label
    edit_data(
        project,
        TEXT,
        LAST,
        f"{LAST}\n\nMötet leddes av arbetsmarknads- och etableringsministern (Minister for Employment and Integration).",
    )
    assert [e for e in load_messages(project) if post in e] == []


def _english_page(project: Path, text: str) -> None:
    """The English page of the fixture kept (language: en), with ``text``, credited with Integration-
    enheten's English name."""
    edit_data(project, "sources.yaml", PAGE_URL, f"{PAGE_URL}    file: sources/organisation.txt\n")
    (project / "data" / "sources" / "organisation.txt").write_text(text, encoding="utf-8")
    edit_data(
        project,
        "bodies.yaml",
        "    sources: [dokumentation-2017-12-12-integration]\n",
        f"    sources: [dokumentation-2017-12-12-integration, {ENGLISH_PAGE}]\n"
        f"    fact_sources:\n      - facts: [name.en]\n        source: {ENGLISH_PAGE}\n",
    )
    edit_data(project, "bodies.yaml", UNIT, f"{UNIT}      en: Integration Unit\n")


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("The Integration Unit is part of the Ministry of Employment.\n", True),
        ("Integration Unit\n\nThe unit works with the integration of newly arrived migrants.\n", True),
        ("The UN Integration Unit Core Group met in New York.\n", False),
        ("The ministry held Integration Unit-led talks.\n", False),
        ("The ministry has no such unit.\n", False),
    ],
)
def test_an_english_page_about_the_record_states_its_english_name(project: Path, text: str, stated: bool) -> None:
    _english_page(project, text)
    errors = [e for e in load_messages(project) if "integrationsenheten" in e]
    assert len(errors) == (0 if stated else 1), errors


def test_the_case_of_a_text_is_read_at_the_places_of_its_folded_form() -> None:
    # characters whose folding is longer ("ß" is "ss") before the name do not shift the case read
    for raw in ("Maßnahmen für STRAßE: UN Core Group.", "İİİ ﬁ Core Group (Kärngruppen)."):
        cased = placed._cased(raw)
        assert cased is not None and len(cased) == len(folded_text(raw))
        at = folded_text(raw).index("core group")
        assert cased[at : at + len("core group")] == "Core Group"


def _work(call: Callable[[], object]) -> int:
    """The Python line events of ``call``: its work, whatever the machine's speed."""
    count = 0

    def trace(frame: object, event: str, arg: object) -> object:
        nonlocal count
        count += 1
        return trace

    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(None)
    return count


def _relation_text(n: int) -> str:
    # both names often, never joined: each occurrence of the one was compared with each of the other's
    return "Integrationsenheten. " * n + "." * 40 + " Arbetsmarknadsdepartementet. " * n


@pytest.mark.parametrize("n", [500])
def test_a_relation_is_read_in_work_linear_in_the_names_occurrences(n: int) -> None:
    def run(n: int) -> Callable[[], object]:
        raw = _relation_text(n)
        text = folded_text(raw)
        heads = headings(raw)

        def call() -> object:
            assert not stated_relation(
                [folded("Integrationsenheten")], folded("Arbetsmarknadsdepartementet"), "unit_of", text, heads
            )
            return None

        return call

    small, large = _work(run(n)), _work(run(2 * n))
    assert large < 2.5 * small, (small, large)


@pytest.mark.parametrize(
    "unit",
    [
        "Integration Unit (Integrationsenheten) höll mötet. ",  # glossed, in a Swedish sentence
        "UN Integration Unit. Integrationsenheten. ",  # not whole, not beside
        "Integrationsenheten (UN Integration Unit). ",  # the gloss not a whole name
    ],
)
def test_an_english_name_is_read_in_work_linear_in_its_occurrences(unit: str) -> None:
    def run(n: int) -> Callable[[], object]:
        raw = unit * n
        text = folded_text(raw)
        flat = _flat(text)

        def call() -> object:
            found = named_in_english(
                folded("Integration Unit"),
                [folded("Integrationsenheten")],
                text,
                flat,
                lambda: placed._cased(raw),
                english=False,
            )
            assert not found
            return None

        return call

    small, large = _work(run(400)), _work(run(800))
    assert large < 2.5 * small, (small, large)


@pytest.mark.parametrize(
    ("en", "sentence", "stated"),
    [
        # a gloss of no English word is English only said so, quoted or in an English passage
        ("Stockholm", "Integrationsenheten (Stockholm) höll mötet.", False),
        ("IE", "Integrationsenheten (IE) höll mötet.", False),
        ("Stockholm", "Integrationsenheten (engelska: Stockholm) höll mötet.", True),
        ("Stockholm", "Integrationsenheten (”Stockholm”) höll mötet.", True),
        ("Stockholm", "The meeting was held by Integrationsenheten (Stockholm) of the ministry.", True),
        ("Ministry of Integration", "Integrationsenheten (Ministry of Integration) höll mötet.", True),
    ],
)
def test_a_gloss_after_the_swedish_name_is_english(project: Path, en: str, sentence: str, stated: bool) -> None:
    errors = _unit_named(project, en, sentence)
    assert len(errors) == (0 if stated else 1), errors
