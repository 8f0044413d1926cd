"""Facts a kept text names but does not state (stated.py): an organisation named only as invited or as
not taking part, a name found only inside a longer one (a local branch, the full name an alias stands
in), a place the text names for something else, a convening body the text does not name calling, a
question cut short or out of the text's order, a quotation (in a note, a derivation, the English) or
a text the data gives word for word (a purpose, a process) that the text words otherwise, a
discussion area the text says was not discussed. Each case a copy of the fixture project with one
change, both ways: refused naming the file, line and field, and the like change the text does state
accepted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import change, fixture_project, refused

from sakrad_ld import stated
from sakrad_ld.corpus import load_corpus

SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"
KEPT = Path("data") / "sources" / "sakrad-2017-12-12-integration.txt"
ORGS = Path("data") / "organisations.yaml"
END_OF_TEXT = "telefon: 08-405 12 73)."
FRYSHUSET = (
    "  - id: ideell-arena\n    name: Ideell Arena\n    sources: [dokumentation-2017-12-12-integration]\n\n"
    "  - id: svenska-roda-korset\n"
)
BILDA = (
    "  - id: studieforbundet-bilda\n    name: Studieförbundet Bilda\n"
    "    sources: [dokumentation-2017-12-12-integration]\n\n  - id: svenska-roda-korset\n"
)
Q3 = "Vad kan det civila samhället göra för att underlätta samverkan med det offentliga?"
Q4 = "Vad kan det offentliga göra för att underlätta samverkan med det civila samhället?"

#: name -> ([(file, old, new)], words the refusal holds, or None where the change is accepted)
CASES: dict[str, tuple[list[tuple[Path, str, str]], list[str] | None]] = {
    "organisation-invited-only": (
        [
            (ORGS, "  - id: svenska-roda-korset\n", FRYSHUSET),
            (SEED, "  - svenska-roda-korset\n", "  - svenska-roda-korset\n  - ideell-arena\n"),
            (KEPT, END_OF_TEXT, END_OF_TEXT + " Ideell Arena var inbjudet men kunde inte delta."),
        ],
        ["organisations[13]", "'Ideell Arena'", "only in sentences saying it was invited"],
    ),
    "organisation-not-taking-part": (
        [
            (ORGS, "  - id: svenska-roda-korset\n", FRYSHUSET),
            (SEED, "  - svenska-roda-korset\n", "  - svenska-roda-korset\n  - ideell-arena\n"),
            (KEPT, END_OF_TEXT, END_OF_TEXT + " Ideell Arena deltog inte."),
        ],
        ["organisations[13]", "'Ideell Arena'"],
    ),
    "organisation-invited-and-took-part": (
        [
            (ORGS, "  - id: svenska-roda-korset\n", FRYSHUSET),
            (SEED, "  - svenska-roda-korset\n", "  - svenska-roda-korset\n  - ideell-arena\n"),
            (KEPT, END_OF_TEXT, END_OF_TEXT + " Ideell Arena var inbjudet och deltog."),
        ],
        None,
    ),
    "organisation-invited-but-took-part": (
        [
            (ORGS, "  - id: svenska-roda-korset\n", FRYSHUSET),
            (SEED, "  - svenska-roda-korset\n", "  - svenska-roda-korset\n  - ideell-arena\n"),
            (KEPT, END_OF_TEXT, END_OF_TEXT + " Ideell Arena var inte inbjudet men deltog ändå."),
        ],
        None,
    ),
    "name-inside-a-local-branch": (
        [
            (ORGS, "  - id: svenska-roda-korset\n", BILDA),
            (SEED, "  - studieforbundet-bilda-i-linkoping\n", "  - studieforbundet-bilda\n"),
        ],
        ["organisations[10]", "'Studieförbundet Bilda'", "inside a longer name"],
    ),
    "name-on-its-own": (
        [
            (ORGS, "  - id: svenska-roda-korset\n", BILDA),
            (SEED, "  - studieforbundet-bilda-i-linkoping\n", "  - studieforbundet-bilda\n"),
            (KEPT, END_OF_TEXT, END_OF_TEXT + " Även Studieförbundet Bilda deltog."),
        ],
        None,
    ),
    "alias-inside-the-full-name": (
        [(ORGS, "    name: Svenska Röda Korset\n", "    name: Svenska Röda Korset\n    alt_names: [Röda Korset]\n")],
        ["alt names", "'Röda Korset'", "inside a longer name"],
    ),
    "alias-of-a-branch-inside-its-name": (
        [
            (
                ORGS,
                "    name: Studieförbundet Bilda i Linköping\n",
                "    name: Studieförbundet Bilda i Linköping\n    alt_names: [Bilda]\n",
            )
        ],
        ["alt names", "'Bilda'"],
    ),
    "alias-on-its-own": (
        [
            (ORGS, "    name: Svenska Röda Korset\n", "    name: Svenska Röda Korset\n    alt_names: [Röda Korset]\n"),
            (KEPT, END_OF_TEXT, END_OF_TEXT + " Röda Korset deltog."),
        ],
        None,
    ),
    "place-named-for-something-else": (
        [(SEED, "place: Stockholm", "place: Regeringskansliet")],
        ["place", "'Regeringskansliet'", "not where it says the meeting was held"],
    ),
    "place-where-it-was-held": (
        [
            (SEED, "place: Stockholm", "place: Rosenbad"),
            (KEPT, END_OF_TEXT, END_OF_TEXT + " Mötet hölls på Rosenbad."),
        ],
        None,
    ),
    "convening-body-named-for-something-else": (
        [(SEED, "chair:\n", "conveners:\n  - body: integrationsenheten\nchair:\n")],
        ["conveners[0].body", "'Integrationsenheten'", "not as calling the sakråd"],
    ),
    "convening-body-calling": (
        [
            (SEED, "chair:\n", "conveners:\n  - body: integrationsenheten\nchair:\n"),
            (KEPT, END_OF_TEXT, END_OF_TEXT + " Integrationsenheten bjöd in till sakrådet."),
        ],
        None,
    ),
    "questions-out-of-order": (
        [(SEED, f"  - {Q3}\n", "  - Q\n"), (SEED, f"  - {Q4}\n", f"  - {Q3}\n"), (SEED, "  - Q\n", f"  - {Q4}\n")],
        ["questions[3]", "not in the text's order"],
    ),
    "question-cut-at-its-end": (
        [
            (
                SEED,
                "  - Hur kan framgångsfaktorer reproduceras och spridas?\n",
                "  - Hur kan framgångsfaktorer reproduceras\n",
            )
        ],
        ["questions[1]", "part of a longer question"],
    ),
    "question-cut-at-its-start": (
        [
            (
                SEED,
                "  - Hur kan framgångsfaktorer reproduceras och spridas?\n",
                "  - framgångsfaktorer reproduceras och spridas?\n",
            )
        ],
        ["questions[1]", "part of a longer question"],
    ),
    "question-without-its-mark": (
        [
            (
                SEED,
                "  - Hur kan framgångsfaktorer reproduceras och spridas?\n",
                "  - Hur kan framgångsfaktorer reproduceras och spridas\n",
            )
        ],
        None,
    ),
    "purpose-changed": (
        [(SEED, "presentera och diskutera inspirerande", "presentera och diskutera nya")],
        ["purpose", "word for word"],
    ),
    "purpose-with-an-ellipsis": (
        [(SEED, "presentera och diskutera inspirerande", "presentera … inspirerande")],
        None,
    ),
    "process-date-changed": (
        [(SEED, "ett möte i Stockholm den 12 december 2017", "ett möte i Stockholm den 13 december 2017")],
        ["process"],
    ),
    "note-quotation-changed": (
        [(SEED, "(sidhuvudet)", '(sidhuvudet: "Arbetsmarknadsdepartementet Integrationsenheten 2018")')],
        ["notes[0]", "quotation", "Integrationsenheten 2018"],
    ),
    "note-quotation-as-written": (
        [(SEED, "(sidhuvudet)", '(sidhuvudet: "Arbetsmarknadsdepartementet Integrationsenheten")')],
        None,
    ),
    "note-quotation-with-an-ellipsis": (
        [(SEED, "(sidhuvudet)", "(sidhuvudet: »Dokumentation av sakråd … om samverkan«)")],
        None,
    ),
    "note-quotation-ellipsis-out-of-order": (
        [(SEED, "(sidhuvudet)", "(sidhuvudet: »om samverkan … Dokumentation av sakråd«)")],
        ["notes[0]", "quotation"],
    ),
    "english-note-quotation-changed": (
        [(SEED, "(its heading)", "(its heading: “Integrationsenheten 2018”)")],
        ["notes[0]", "quotation", "(en)"],
    ),
    "note-quotation-said-to-be-elsewhere": (
        [
            (
                SEED,
                "(sidhuvudet)",
                '(sidhuvudet; bilagans namn, inte med i den bevarade texten: "Bilaga 3 2017-12-12.pdf")',
            )
        ],
        None,
    ),
    "derivation-quoting-a-date-otherwise": (
        [
            (
                SEED,
                "date: 2017-12-12\n",
                'date: 2017-12-12\ndate_derivation:\n  sv: Dokumentationen säger "hölls i Stockholm den 12 december 2017".\n',
            )
        ],
        ["date_derivation", "quotation", "hölls i Stockholm den 12 december 2017"],
    ),
    "derivation-quoting-the-date-as-written": (
        [
            (
                SEED,
                "date: 2017-12-12\n",
                'date: 2017-12-12\ndate_derivation:\n  sv: Dokumentationen säger "hölls i Stockholm den 12 december" och "sakråd den 12 december 2017".\n',
            )
        ],
        None,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_fact_the_text_names_but_does_not_state(tmp_path: Path, name: str) -> None:
    project = fixture_project(tmp_path / "project")
    edits, words = CASES[name]
    for path, old, new in edits:
        change(project / path, old, new)
    if words is None:
        load_corpus(project / "data")
        return
    errors = refused(project)
    found = [e for e in errors if all(w in e for w in words)]
    assert len(found) == 1, errors
    # the file, line and field, and the kept file
    assert re.search(r"data/(meetings/2017-12-12-integration|organisations)\.yaml:\d+: \w", found[0]), found[0]
    assert "sakrad-2017-12-12-integration.txt" in found[0]


def _text(text: str) -> tuple[str, str]:
    folded = stated.folded_text(text)
    return folded, stated._flat(folded)


#: (sentence, the organisation, whether it is named as taking part)
SENTENCES = [
    ("Fryshuset var inbjudet men kunde inte delta.", "Fryshuset", False),
    ("Fryshuset deltog inte.", "Fryshuset", False),
    ("Inbjudna var Fryshuset och RFSL.", "Fryshuset", False),
    ("Fryshuset skulle ha deltagit.", "Fryshuset", False),
    ("Fryshuset was invited but did not attend.", "Fryshuset", False),
    ("Fryshuset var inbjudet men deltog inte.", "Fryshuset", False),
    ("Fryshuset var inbjudet och deltog.", "Fryshuset", True),
    ("Fryshuset deltog.", "Fryshuset", True),
    ("Deltagande organisationer: 1. Fryshuset 2. RFSL", "Fryshuset", True),
    ("Bland deltagarna fanns Fryshuset.", "Fryshuset", True),
]


@pytest.mark.parametrize(("sentence", "name", "named"), SENTENCES)
def test_an_organisation_named_only_as_invited_is_not_listed(sentence: str, name: str, named: bool) -> None:
    text, flat = _text(sentence)
    assert (stated._named([name], text, flat, {}, frozenset(), listed=True) == "") is named


#: (text, place, whether it says the meeting was held there)
PLACES = [
    ("Sakrådet hölls i Stockholm den 12 december.", "Stockholm", True),
    ("Samrådet genomförs i Regeringskansliets lokaler i Stockholm.", "Regeringskansliets lokaler i Stockholm", True),
    ("Sakrådet skedde genom ett möte i Stockholm.", "Stockholm", True),
    ("Plats: Rosenbad", "Rosenbad", True),
    ("The meeting was held in Rosenbad.", "Rosenbad", True),
    ("Den kunskap som finns på regeringskansliet.", "Regeringskansliet", False),
    ("Sakrådet hölls. Arbetet fortsätter på Regeringskansliet.", "Regeringskansliet", False),
    ("Hon bor i Stockholm.", "Stockholm", False),
    ("Sakrådet hölls med Stockholm stad.", "Stockholm", False),
]


@pytest.mark.parametrize(("sentence", "place", "held"), PLACES)
def test_a_place_is_where_the_text_says_the_meeting_was_held(sentence: str, place: str, held: bool) -> None:
    text, flat = _text(sentence)
    assert stated._held_at(place, text, flat) is held


QUESTIONS = "Frågor:\n\n- Vad behövs?\n- Hur kan det spridas och följas upp?\n- Vem bär ansvaret\n- Vad händer sedan"


@pytest.mark.parametrize(
    ("questions", "why"),
    [
        (["Vad behövs?", "Hur kan det spridas och följas upp?", "Vem bär ansvaret", "Vad händer sedan"], [""] * 4),
        (["Vad behövs", "Hur kan det spridas och följas upp"], ["", ""]),
        (["Hur kan det spridas och följas upp?", "Vad behövs?"], ["", "order"]),
        (["Hur kan det spridas"], ["part"]),
        (["kan det spridas och följas upp?"], ["part"]),
        (["Vem bär"], ["part"]),
        (["Vem gör vad?"], [None]),
    ],
)
def test_questions_whole_and_in_the_text_s_order(questions: list[str], why: list[str | None]) -> None:
    text, flat = _text(QUESTIONS)
    asked: dict[str, int] = {}
    got = [stated._asked(q, "m", text, flat, asked) for q in questions]
    assert [g if g in ("", None) else ("order" if "order" in g else "part") for g in got] == why


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('Sidan säger "Den 16 maj" utan år.', ["Den 16 maj"]),
        ("Sidan säger “Den 16 maj” och »kl. 10«.", ["Den 16 maj", "kl. 10"]),
        ("Sidan säger ”Den 16 maj”.", ["Den 16 maj"]),
        ("Sidan säger 'Den 16 maj'; organisationers synpunkter.", ["Den 16 maj"]),
        ("Organisationernas' svar och don't", []),
        ('Listan (inte med i den bevarade texten): "Bilaga 1"; sidan: "Den 16 maj".', ["Den 16 maj"]),
        ('The list (not in the kept text): "Bilaga 1"', []),
        ('Ett "" tomt och "   ".', []),
    ],
)
def test_quotations_of_a_text(text: str, quoted: list[str]) -> None:
    assert list(stated.quotations(text)) == quoted


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("Syftet var att bredda den kunskap", True),
        ("Syftet var … kunskap", True),
        ("Syftet var [...] kunskap … regeringskansliet", True),
        ("kunskap … Syftet var", False),
        ("Syftet var att fördjupa … kunskap", False),
    ],
)
def test_a_text_word_for_word_with_its_ellipses_in_order(value: str, found: bool) -> None:
    _, flat = _text("Syftet var att bredda den kunskap som finns på regeringskansliet.")
    assert stated._found_in_order(value, flat) is found


@pytest.mark.parametrize(
    ("sentence", "discussed"),
    [
        ("Under sakrådet diskuterades det fortsatta arbetet med planen.", True),
        ("Under sakrådet diskuterades inte det fortsatta arbetet med planen.", False),
        ("Det fortsatta arbetet med planen diskuterades aldrig.", False),
        ("Det fortsatta arbetet med planen diskuterades, men inte budgeten.", True),
    ],
)
def test_a_discussion_area_is_not_one_the_text_says_was_not_discussed(sentence: str, discussed: bool) -> None:
    text, flat = _text(sentence)
    assert stated._discussed("det fortsatta arbetet med planen", text, flat) is discussed


def test_quotations_are_found_in_one_pass_over_many_marks() -> None:
    """Each quotation pattern stops at its own marks: 200,000 opening marks with no closing one are
    read once (a bounded {1,2000} repeat read 2,000 characters from each)."""
    for text in ("“" * 200_000, '"' + "x" * 200_000, "»" * 200_000, "'a " * 100_000):
        assert list(stated.quotations(text)) == []
