"""Who took part, as a kept text says it, and what an invitation cannot say:

- a list whose heading or lead-in says its items were invited or asked ("Inbjudan skickades till:", "##
  Invited organisations", "## Remissinstanser", "Invitees", "Kallade organisationer") names no one taking
  part, unless the heading or the item has a word of taking part ("Inbjudna organisationer som deltog:");
- a belief without "att" ("Vi tror sakrådet hölls i Umeå", "Jag tror Fryshuset deltog", "Många menar
  Paulina Brandberg ledde sakrådet") states no fact, as one with "att" does not;
- a doubt or hearsay ("tydligen", "nog", "Det är möjligt att …", "apparently", "maybe", "likely") states no
  fact, and the translation check reads the same words as hedges; "bra nog", "märkligt nog" and "nog med"
  mean "enough" and doubt nothing;
- an organisation taken back in a Markdown footnote ("[^1]: Rättelse: Famna deltog inte."), in a list's
  item ("- Famna deltog inte.") or said to have left before the meeting began or to have left its seat
  empty is a contradiction of the sentence saying it took part;
- who took part, how many came and who chaired, credited to a document of ``kind: invitation``, are
  refused: an invitation is written before the sakråd.

Each row goes through the loader and its warnings: (kept text, the meeting's facts, accepted)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import fixture_project
from test_sentences_roles_counts import BRANDBERG, FRYSHUSET, TRAP, TRUE, _count, _findings, _place
from test_stated_polarity import TEST_SOURCE

from sakrad_ld.clauses import DOUBT, GUARDS, HEARSAY
from sakrad_ld.corpus import load_corpus
from sakrad_ld.errors import InputErrors
from sakrad_ld.translated import HEDGES

HELD = "Sakrådet hölls den 10 september 2024 i Umeå."
HELD_EN = "The meeting was held on 10 September 2024 in Umeå."
BOTH = "organisations:\n  - fryshuset\n  - famna\n"
UMEA = _place("Umeå")
COUNT = _count("organisation_count", "25 organisationer", 25)
ITEMS = "\n\n- Fryshuset\n- Famna"

INVITED_LISTS = [
    (HELD + "\n\nInbjudan skickades till:" + ITEMS, BOTH, TRAP),
    (HELD_EN + "\n\n## Invited organisations" + ITEMS, BOTH, TRAP),
    (HELD + "\n\n## Remissinstanser" + ITEMS, BOTH, TRAP),
    (HELD + "\n\nInbjudna var:" + ITEMS, BOTH, TRAP),
    (HELD + "\n\nFöljande organisationer bjöds in:" + ITEMS, BOTH, TRAP),
    (HELD + "\n\nFöljande organisationer inbjöds:" + ITEMS, BOTH, TRAP),
    (HELD + "\n\nRegeringen bjöd in följande organisationer:" + ITEMS, BOTH, TRAP),
    (HELD + "\n\n## Kallade organisationer" + ITEMS, BOTH, TRAP),
    (HELD_EN + "\n\nInvitations were sent to:" + ITEMS, BOTH, TRAP),
    (HELD_EN + "\n\n## Invitees" + ITEMS, BOTH, TRAP),
    (HELD_EN + "\n\n| Invited organisations |\n|---|\n| Fryshuset |\n| Famna |", BOTH, TRAP),
    (HELD + " Inbjudna var Fryshuset och Famna.", BOTH, TRAP),
    (HELD + "\n\n## Tillfrågade organisationer" + ITEMS, BOTH, TRAP),
    (HELD + "\n\n## Remissvar från" + ITEMS, BOTH, TRAP),
    (HELD_EN + "\n\nWe invited the following organisations:" + ITEMS, BOTH, TRAP),
    (HELD_EN + "\n\n## Registrations" + ITEMS, BOTH, TRAP),
    # a word of taking part in the heading, or a heading of taking part
    (HELD + "\n\nInbjudna organisationer som deltog:" + ITEMS, BOTH, TRUE),
    (HELD_EN + "\n\n## Invited organisations that took part" + ITEMS, BOTH, TRUE),
    (HELD + "\n\n## Deltagande organisationer" + ITEMS, BOTH, TRUE),
    (HELD_EN + "\n\n## Participating organisations" + ITEMS, BOTH, TRUE),
    (HELD + "\n\nDeltagare:" + ITEMS, BOTH, TRUE),
    (HELD + "\n\n## Deltagare" + ITEMS + "\n\nInbjudan skickades ut i augusti.", BOTH, TRUE),
    # "inbjudan" in a sentence is no heading
    (HELD + " Fryshuset deltog efter inbjudan från departementet.", FRYSHUSET, TRUE),
    (HELD + " Fryshuset deltog.", FRYSHUSET, TRUE),
]

BELIEFS = [
    ("Sakrådet hölls den 10 september 2024. Vi tror sakrådet hölls i Umeå.", UMEA, TRAP),
    (HELD + " Jag tror Fryshuset deltog.", FRYSHUSET, TRAP),
    (HELD + " Flera anser Fryshuset deltog.", FRYSHUSET, TRAP),
    (HELD + " Många menar Paulina Brandberg ledde sakrådet.", BRANDBERG, TRAP),
    ("Vi tror sakrådet hölls den 10 september 2024 i Umeå.", "", TRAP),
    (HELD + " Vi tror 25 organisationer deltog.", COUNT, TRAP),
    (HELD + " Jag tycker Fryshuset deltog.", FRYSHUSET, TRAP),
    (HELD + " Jag tror nog Fryshuset deltog.", FRYSHUSET, TRAP),
    (HELD_EN + " I reckon Fryshuset attended.", FRYSHUSET, TRAP),
    (HELD_EN + " We understand Fryshuset attended.", FRYSHUSET, TRAP),
    (HELD + " Vi tror Kulturdepartementet anordnade sakrådet.", "organiser: kulturdepartementet\n", TRAP),
    (HELD + " Vi tror Socialdepartementet anordnade sakrådet.", "organiser: socialdepartementet\n", TRAP),
    ("Sakrådet hölls den 10 september 2024. Vi tror att sakrådet hölls i Umeå.", UMEA, TRAP),
    # a belief about something else, or "tro på"
    (HELD + " Fryshuset deltog. Vi tror stödet behöver öka.", FRYSHUSET, TRUE),
    (HELD + " Fryshuset deltog och menar stödet behöver öka.", FRYSHUSET, TRUE),
    (HELD + " Fryshuset deltog. Vi tror på dialog.", FRYSHUSET, TRUE),
    (HELD + " Fryshuset deltog och anser stödet viktigt.", FRYSHUSET, TRUE),
]

HEDGED = [
    (HELD + " Fryshuset deltog tydligen.", FRYSHUSET, TRAP),
    (HELD + " Fryshuset deltog nog.", FRYSHUSET, TRAP),
    (HELD + " Nog deltog Fryshuset.", FRYSHUSET, TRAP),
    (HELD + " Det är möjligt att Fryshuset deltog.", FRYSHUSET, TRAP),
    (HELD + " Det är troligt att Fryshuset deltog.", FRYSHUSET, TRAP),
    (HELD + " Fryshuset deltog kanske.", FRYSHUSET, TRAP),
    (HELD + " Fryshuset deltog eventuellt.", FRYSHUSET, TRAP),
    (HELD_EN + " Apparently Fryshuset attended.", FRYSHUSET, TRAP),
    (HELD_EN + " Maybe Fryshuset attended.", FRYSHUSET, TRAP),
    (HELD_EN + " Fryshuset likely attended.", FRYSHUSET, TRAP),
    (HELD_EN + " It is likely that Fryshuset attended.", FRYSHUSET, TRAP),
    (HELD_EN + " It is possible that Fryshuset attended.", FRYSHUSET, TRAP),
    (HELD + " Det verkar som att Fryshuset deltog.", FRYSHUSET, TRAP),
    (HELD_EN + " Fryshuset seemingly attended.", FRYSHUSET, TRAP),
    (HELD_EN + " In all likelihood Fryshuset attended.", FRYSHUSET, TRAP),
    (HELD_EN + " Fryshuset potentially attended.", FRYSHUSET, TRAP),
    (HELD + " Fryshuset deltog till synes.", FRYSHUSET, TRAP),
    ("Sakrådet hölls den 10 september 2024. Sakrådet hölls tydligen i Umeå.", UMEA, TRAP),
    ("The meeting was held on 10 September 2024. Maybe it was held in Umeå.", UMEA, TRAP),
    (HELD + " Sakrådet leddes nog av Paulina Brandberg.", BRANDBERG, TRAP),
    (HELD + " 25 organisationer deltog tydligen.", COUNT, TRAP),
    ("Sakrådet hölls nog den 10 september 2024 i Umeå.", "", TRAP),
    # "nog" of "enough", a possibility of something else, "noga"
    (HELD + " Fryshuset deltog. Det fanns nog med tid.", FRYSHUSET, TRUE),
    (HELD + " Fryshuset deltog, och tiden var bra nog.", FRYSHUSET, TRUE),
    (HELD + " Märkligt nog deltog Fryshuset.", FRYSHUSET, TRUE),
    (HELD + " Fryshuset deltog och följer frågan noga.", FRYSHUSET, TRUE),
    (HELD + " Fryshuset deltog. Det är möjligt att stödet ökar.", FRYSHUSET, TRUE),
    (HELD + " Fryshuset deltog och gjorde det möjligt att diskutera stödet.", FRYSHUSET, TRUE),
    (HELD_EN + " Fryshuset attended. We understand the needs.", FRYSHUSET, TRUE),
]

TAKEN_BACK = [
    (HELD + " Fryshuset och Famna deltog.[^1]\n\n[^1]: Rättelse: Famna deltog inte.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog.[^1]\n\n[^1]: Famna deltog inte.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog.[^1]\n\n[^1]: Famna uteblev.", BOTH, TRAP),
    (HELD_EN + " Fryshuset and Famna took part.[^1]\n\n[^1]: Correction: Famna did not attend.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog.\n\n- Famna deltog inte.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog.\n\n\\* Famna deltog inte.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna\\* deltog.\n\n\\* Famna deltog inte, trots anmälan.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog. Famna lämnade mötet innan det började.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog. Famna lämnade dock mötet redan innan det började.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog. Famnas plats stod dock tom.", BOTH, TRAP),
    (HELD_EN + " Fryshuset and Famna took part. Famna left before the meeting started.", BOTH, TRAP),
    (HELD_EN + " Fryshuset and Famna took part. Famna's seat was empty.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog. Famna missade mötet.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog. Famna gick innan mötet började.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog. Famna lyste med sin frånvaro.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog. Famnas frånvaro märktes.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog. Famna ställde in sitt deltagande.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog.\n\n1. Famna deltog inte.", BOTH, TRAP),
    (HELD + " Fryshuset och Famna deltog.\n\n- Rättelse: Famna deltog inte.", BOTH, TRAP),
    # another event, another organisation, a source's footnote, leaving later, not invited but there
    (HELD + " Fryshuset och Famna deltog.[^1]\n\n[^1]: Famna deltog inte i seminariet.", BOTH, TRUE),
    (HELD + " Fryshuset och Famna deltog.[^1]\n\n[^1]: Källa: Famna.", BOTH, TRUE),
    (HELD + " Fryshuset och Famna deltog.\n\n- Rädda Barnen deltog inte.", BOTH, TRUE),
    (HELD + " Fryshuset och Famna deltog. Famna lämnade mötet efter lunch.", BOTH, TRUE),
    (HELD + " Fryshuset och Famna deltog. Famnas stol var blå.", BOTH, TRUE),
    (HELD + " Fryshuset och Famna deltog. Famna tog upp frågan om frånvaro i skolan.", BOTH, TRUE),
    (HELD + " Famna var inte inbjudet men deltog ändå. Fryshuset deltog.", BOTH, TRUE),
]


@pytest.mark.parametrize(
    ("text", "facts", "accepted"),
    INVITED_LISTS + BELIEFS + HEDGED + TAKEN_BACK,
    ids=lambda v: str(v)[-60:] if isinstance(v, str) else None,
)
def test_a_kept_text_states_who_took_part_only_where_it_says_so(
    tmp_path: Path, text: str, facts: str, accepted: bool
) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


@pytest.mark.parametrize(
    ("text", "facts", "said"),
    [
        (HELD + "\n\nInbjudan skickades till:" + ITEMS, BOTH, "an invitation ('inbjudan')"),
        (HELD + " Jag tror Fryshuset deltog.", FRYSHUSET, "'tror'"),
        (HELD + " Fryshuset deltog tydligen.", FRYSHUSET, "'tydligen'"),
        (HELD + " Fryshuset och Famna deltog.[^1]\n\n[^1]: Rättelse: Famna deltog inte.", BOTH, "famna deltog inte"),
    ],
)
def test_the_refusal_names_what_says_otherwise(tmp_path: Path, text: str, facts: str, said: str) -> None:
    found = _findings(tmp_path, text, facts)
    assert found and any(said in f.lower() for f in found), found


@pytest.mark.parametrize("word", ["tydligen", "apparently", "nog", "maybe", "likely", "kanske", "probably"])
def test_the_load_checks_hedges_are_the_translation_checks(word: str) -> None:
    assert GUARDS[word][0] in (DOUBT, HEARSAY)
    assert word in HEDGES[DOUBT] + HEDGES[HEARSAY]


INVITATION = """
  - id: test-inbjudan
    kind: invitation
    title:
      sv: Inbjudan till sakråd
    url: https://www.regeringen.se/contentassets/test/inbjudan.pdf
"""
STATED = (
    "Sakrådet hölls den 10 september 2024 i Umeå. Fryshuset deltog. Sakrådet leddes av Paulina Brandberg. "
    "25 organisationer deltog. 40 organisationer bjöds in."
)


def _credited(*facts: str) -> str:
    return f"sources:\n  - test-inbjudan\nfact_sources:\n  - facts: [{', '.join(facts)}]\n    source: test-inbjudan\n"


def _refused(tmp_path: Path, facts: str) -> list[str]:
    """What loading the fixture project refuses at the meeting's file, with a kept text stating every fact
    and an undated invitation beside it."""
    project = fixture_project(tmp_path / "project")
    data = project / "data"
    with (data / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write(TEST_SOURCE + INVITATION)
    (data / "sources" / "test.md").write_text(f"# Sakråd om testfrågor\n\n{STATED}\n", encoding="utf-8")
    (data / "meetings" / "test.yaml").write_text(
        "id: test-meeting\nsource: test-src\ntitle:\n  sv: Sakråd om testfrågor\ndate: 2024-09-10\n" + facts,
        encoding="utf-8",
    )
    try:
        load_corpus(data)
    except InputErrors as err:
        return [str(e) for e in err.errors if "test.yaml" in str(e)]
    finally:
        shutil.rmtree(project)
    return []


@pytest.mark.parametrize(
    ("facts", "field"),
    [
        (_credited("organisations") + FRYSHUSET, "organisations"),
        (_credited("organisation_count") + COUNT, "organisation_count"),
        (_credited("chair") + BRANDBERG, "chair"),
        ("sources:\n  - test-inbjudan\n" + BRANDBERG + "  source: test-inbjudan\n", "chair"),
        ("sources:\n  - test-inbjudan\n" + COUNT + "  source: test-inbjudan\n", "organisation_count"),
    ],
)
def test_an_invitation_states_no_one_who_took_part(tmp_path: Path, facts: str, field: str) -> None:
    found = _refused(tmp_path, facts)
    assert any(f"{field}: {field} (" in f and "'test-inbjudan'" in f and "invitation" in f for f in found), found


@pytest.mark.parametrize(
    "facts",
    [
        _credited("invited_count") + _count("invited_count", "40 organisationer", 40),
        "sources:\n  - test-inbjudan\n" + FRYSHUSET + COUNT + BRANDBERG,
    ],
)
def test_an_invitation_states_who_was_invited(tmp_path: Path, facts: str) -> None:
    assert _refused(tmp_path, facts) == []
