"""What a kept text's sentences state of the meeting. A calling off or a move need not name the
meeting as its subject: a pronoun standing for it ("Det har ställts in.", "Tyvärr har det ställts in",
"It has been cancelled") or the meeting as its object ("Regeringen har ställt in sakrådet", "… ställde in
det", "The ministry cancelled the meeting") says so too, and refuses what the text is credited with; a
pronoun after another event or another meeting ("Därefter hölls ett seminarium. Det ställdes in."), a
formal subject ("Det har ställts in flera seminarier") and a meeting with someone ("ställde in mötet med
ministern") call nothing off. A sakråd published as held whose kept text calls it off is warned of. A
welcome ("välkomnar till sakråd") says neither that the meeting was held nor that anyone took part;
another meeting's place, date, count or chair in the same sentence is not this meeting's, nor that of a
meeting of another time standing for its noun ("Det förra hölls i Malmö", "The previous one was held in
Malmö"). A count worded
in English number words ("Twelve organisations", "twenty-five", "some forty") gives its number, compared
with the count's value as the Swedish words are. A date only hidden text writes is refused saying so.
Each row goes through the loader and its warnings: (kept text, the meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import BRANDBERG, FRYSHUSET, TRAP, TRUE, _count, _findings, _place

from sakrad_ld import counted

HELD = "Sakrådet hölls den 10 september 2024. "
HELD_EN = "The meeting was held on 10 September 2024. "
COUNT = _count("organisation_count", "30 organisationer", 30)
#: a year read from the page's address, not compared with the text, so that loading reaches its warnings
UNCHECKED = (
    "date: '2024'\ndate_derivation:\n  sv: Året är läst ur sidans adress (/2024/).\n"
    "  en: The year is read from the page's address (/2024/).\n"
)


CALLED_OFF = [
    (HELD + "Det har ställts in.", "", TRAP),
    (HELD + "Tyvärr har det ställts in.", "", TRAP),
    (HELD + "Det har tyvärr ställts in.", "", TRAP),
    (HELD + "Det ställdes sedan in.", "", TRAP),
    (HELD + "Det blev inställt på grund av sjukdom.", "", TRAP),
    (HELD + "Det är avlyst.", "", TRAP),
    (HELD + "30 organisationer deltog. Det har ställts in.", COUNT, TRAP),
    (HELD + "Fryshuset deltog. Det har ställts in.", FRYSHUSET, TRAP),
    (HELD + "Paulina Brandberg ledde mötet. Det har ställts in.", BRANDBERG, TRAP),
    ("Sakrådet hölls den 10 september 2024 i Umeå. Det har ställts in.", _place("Umeå"), TRAP),
    ("Sakrådet hölls den 10 september 2024 i Umeå. Det har flyttats till Luleå.", _place("Umeå"), TRAP),
    (HELD + "Regeringen har ställt in sakrådet.", "", TRAP),
    (HELD + "Sakrådet om handlingsplanen mot rasism och hatbrott har ställts in.", "", TRAP),
    (HELD + "Mötet har på grund av sjukdom tyvärr ställts in.", "", TRAP),
    (HELD + "Sakrådet, som skulle ha hållits i Umeå, har ställts in.", "", TRAP),
    (HELD + "The meeting on the action plan against racism and hate crime has been cancelled.", "", TRAP),
    (HELD + "The meeting, which was to be held in Umeå, has been cancelled.", "", TRAP),
    (HELD + "Departementet ställde tyvärr in mötet.", "", TRAP),
    (HELD + "Regeringen har ställt in det.", "", TRAP),
    (HELD + "Sakrådet har avlysts.", "", TRAP),
    (HELD + "Det har avlysts.", "", TRAP),
    (HELD + "Regeringen avlyste sakrådet.", "", TRAP),
    ("Sakrådet hölls den 10 september 2024 i Umeå. Regeringen har flyttat sakrådet till Luleå.", _place("Umeå"), TRAP),
    (HELD + "Regeringen sköt upp sakrådet.", "", TRAP),
    (HELD + "Regeringen har skjutit upp det.", "", TRAP),
    ("Sakrådet hölls den 10 september 2024 i Umeå. Regeringen flyttade sakrådet till Luleå.", _place("Umeå"), TRAP),
    ("Sakrådet hölls den 10 september 2024 i Umeå. Regeringen flyttade sakrådet till Luleå.", "", TRUE),
    (HELD + "Regeringen sköt inte upp sakrådet.", "", TRUE),
    ("Sakrådet hölls den 10 september 2024 i Umeå. Regeringen flyttade fokus till klimatet.", _place("Umeå"), TRUE),
    (HELD_EN + "The ministry postponed it.", "", TRAP),
    (HELD_EN + "It has been cancelled.", "", TRAP),
    (HELD_EN + "It has unfortunately been cancelled due to illness.", "", TRAP),
    (HELD_EN + "It was called off.", "", TRAP),
    (HELD_EN + "The ministry has cancelled the meeting.", "", TRAP),
    # a pronoun standing for another event or another meeting, a formal subject, a negation, a condition …
    (HELD + "Det ställdes inte in.", "", TRUE),
    (HELD + "Sakrådet avlystes inte.", "", TRUE),
    (HELD + "Det hade nästan ställts in.", "", TRUE),
    (HELD + "Det ställs in om färre än tio anmäler sig.", "", TRUE),
    (HELD + "Det är fel att det ställts in.", "", TRUE),
    (HELD + "Därefter hölls ett seminarium. Det ställdes in.", "", TRUE),
    (HELD + "Förra sakrådet hölls i Malmö. Det ställdes in.", "", TRUE),
    (HELD + "Det har ställts in flera seminarier i år.", "", TRUE),
    (HELD + "Regeringen ställde in det andra sakrådet.", "", TRUE),
    (HELD + "Regeringen ställde in mötet med ministern.", "", TRUE),
    (HELD + "Mötet med ministern och hennes stab ställdes in.", "", TRUE),
    (HELD + "Mötet diskuterade hur stödet ska ställas in.", "", TRUE),
    (HELD + "Sakrådet beslutade att seminariet ställs in.", "", TRUE),
    (HELD + "Sakrådet tog upp seminarier som ställts in.", "", TRUE),
    (HELD + "Seminariet var inställt.", "", TRUE),
    ("Sakrådet hölls den 10 september 2024 i Umeå. Det flyttades inte.", _place("Umeå"), TRUE),
    (HELD_EN + "It was not cancelled.", "", TRUE),
    (HELD + "~~Det har ställts in.~~", "", TRUE),  # struck through: taken back
    (HELD + "<!-- Regeringen ställde in mötet. -->", "", TRUE),
    (HELD_EN + "A seminar followed. It was cancelled.", "", TRUE),
    (HELD_EN + "The minister moved the meeting's agenda forward.", "", TRUE),
]


@pytest.mark.parametrize(("text", "facts", "accepted"), CALLED_OFF)
def test_a_calling_off_without_the_meetings_noun_as_subject(
    tmp_path: Path, text: str, facts: str, accepted: bool
) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


@pytest.mark.parametrize(
    ("text", "facts", "said"),
    [
        (HELD + "Det har ställts in.", "", "was called off ('det har ställts in'"),
        (HELD + "Regeringen ställde in mötet.", "", "was called off ('ställde in mötet'"),
        ("Sakrådet hölls den 10 september 2024 i Umeå. Det har flyttats till Luleå.", _place("Umeå"),
         "says the meeting was moved ('det har flyttats'"),
    ],
)  # fmt: skip
def test_the_refusal_quotes_the_calling_off(tmp_path: Path, text: str, facts: str, said: str) -> None:
    found = _findings(tmp_path, text, facts)
    assert found and all(said in f and "test.yaml" in f for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Sakrådet hölls i Umeå. Det har ställts in.",
        "Sakrådet ställdes in.",
        "Sakrådet hölls i Umeå. Regeringen ställde in mötet.",
        "The meeting was held in Umeå. It was cancelled.",
    ],
)
def test_a_sakrad_published_as_held_whose_text_calls_it_off_is_warned_of(tmp_path: Path, text: str) -> None:
    found = [f for f in _findings(tmp_path, text, UNCHECKED) if "says it was called off" in f]
    assert len(found) == 1 and "announced_only" in found[0] and "test.yaml" in found[0], found


@pytest.mark.parametrize(
    "text",
    [
        "Sakrådet hölls i Umeå.",
        "Sakrådet hölls i Umeå. Det ställdes inte in.",
        "Förra sakrådet ställdes in. Det hölls.",
    ],
)
def test_no_calling_off_is_warned_of_where_none_is_said(tmp_path: Path, text: str) -> None:
    assert not [f for f in _findings(tmp_path, text, UNCHECKED) if "says it was called off" in f]


WELCOMES = [
    ("Kulturdepartementet välkomnar till sakråd den 10 september 2024.", "", TRAP),  # no word of holding: warned
    ("Kulturdepartementet välkomnade till sakråd den 10 september 2024.", "", TRAP),
    ("The Ministry welcomes you to a consultation on 10 September 2024.", "", TRAP),
    ("Kulturdepartementet välkomnar till sakråd den 10 september 2024.", "announced_only: true\n", TRUE),
    ("Kulturdepartementet välkomnar Fryshuset till sakråd den 10 september 2024.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset välkomnas till sakrådet.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset är välkommen till sakrådet.", FRYSHUSET, TRAP),
    (HELD + "The Ministry of Culture welcomed Fryshuset to the meeting.", FRYSHUSET, TRAP),
    (HELD + "Kulturdepartementet välkomnade 30 organisationer till sakrådet.", COUNT, TRAP),
    ("Kulturdepartementet välkomnar 30 organisationer till sakråd den 10 september 2024.", COUNT, TRAP),
    (HELD + "Fryshuset deltog.", FRYSHUSET, TRUE),
]


@pytest.mark.parametrize(("text", "facts", "accepted"), WELCOMES)
def test_a_welcome_says_neither_held_nor_taking_part(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


OTHER_MEETINGS = [
    ("Efter förra årets sakråd i Malmö hölls årets sakråd i Göteborg den 10 september 2024.", _place("Malmö")),
    ("Förra årets sakråd hölls i Malmö, årets sakråd hölls i Göteborg den 10 september 2024.", _place("Malmö")),
    ("Liksom förra årets sakråd i Malmö hölls sakrådet den 10 september 2024 i Göteborg.", _place("Malmö")),
    ("Sakrådet hölls den 10 september 2024 i Göteborg, ett år efter sakrådet i Malmö.", _place("Malmö")),
    ("After last year's meeting in Malmö, this year's meeting was held in Göteborg on 10 September 2024.",
     _place("Malmö")),
    ("Efter förra årets sakråd den 12 september 2023 hölls årets sakråd den 10 september 2024.", "date: 2023-09-12\n"),
    ("Efter förra årets sakråd med 40 organisationer hölls årets sakråd den 10 september 2024.",
     _count("organisation_count", "40 organisationer", 40)),
    ("Efter förra årets sakråd, som leddes av Paulina Brandberg, hölls årets sakråd den 10 september 2024.", BRANDBERG),
]  # fmt: skip


GOTEBORG = "Sakrådet hölls den 10 september 2024 i Göteborg. "
GOTEBORG_EN = "The meeting was held in Göteborg on 10 September 2024. "
#: a meeting of another time standing for its noun ("det förra", "the previous one")
ELLIPTIC = [
    (GOTEBORG + "Det förra hölls i Malmö.", _place("Malmö")),
    (GOTEBORG + "Det föregående hölls i Malmö.", _place("Malmö")),
    (GOTEBORG + "Det första hölls i Malmö.", _place("Malmö")),
    (GOTEBORG + "Nästa hålls i Malmö.", _place("Malmö")),
    (GOTEBORG + "Det förra leddes av Paulina Brandberg.", BRANDBERG),
    (GOTEBORG + "Det förra hade 40 deltagare.", _count("participant_count", "40 deltagare", 40)),
    (GOTEBORG_EN + "The previous one was held in Malmö.", _place("Malmö")),
    (GOTEBORG_EN + "The last one was held in Malmö.", _place("Malmö")),
    ("The meeting was held in Göteborg on 10 September 2024; the previous one was held in Malmö.", _place("Malmö")),
    ("The meeting was held in Göteborg on 10 September 2024, and the previous one in Malmö.", _place("Malmö")),
    (GOTEBORG_EN + "The previous one had forty participants.",
     _count("participant_count", "forty participants", 40)),
    (GOTEBORG_EN + "The previous one was chaired by Paulina Brandberg.", BRANDBERG),
]  # fmt: skip


@pytest.mark.parametrize(("text", "facts"), OTHER_MEETINGS + ELLIPTIC)
def test_another_meetings_fact_in_the_same_sentence_is_not_this_meetings(tmp_path: Path, text: str, facts: str) -> None:
    field = facts.split(":")[0]
    found = [f for f in _findings(tmp_path, text, facts) if f": {field}" in f or f"{field}." in f]
    assert found, f"{field} loaded from {text!r}"


@pytest.mark.parametrize(
    "text",
    [
        GOTEBORG + "Det första sakrådet i serien hölls i Malmö.",
        GOTEBORG + "Det var det första av tre sakråd.",
        GOTEBORG + "Det andra var i Malmö.",
        GOTEBORG_EN + "The first one to speak was Paulina Brandberg.",
    ],
)
def test_this_meetings_place_stands_beside_other_ordinals(tmp_path: Path, text: str) -> None:
    assert _findings(tmp_path, text, _place("Göteborg")) == []


def _english(field: str, words: str, value: int, mark: str = "") -> str:
    return _count(field, words, value, mark)


ENGLISH_COUNTS = [
    (HELD_EN + "Twelve organisations took part.", _english("organisation_count", "Twelve organisations", 13), TRAP),
    (HELD_EN + "Twelve organisations took part.", _english("organisation_count", "Twelve organisations", 12), TRUE),
    (HELD_EN + "Twenty-five organisations took part.", _english("organisation_count", "Twenty-five organisations", 52),
     TRAP),
    (HELD_EN + "Twenty-five organisations took part.", _english("organisation_count", "Twenty-five organisations", 25),
     TRUE),
    (HELD_EN + "Twenty five organisations took part.", _english("organisation_count", "Twenty five organisations", 25),
     TRUE),
    (HELD_EN + "Some forty organisations were invited.", _english("invited_count", "forty organisations", 14), TRAP),
    (HELD_EN + "Some forty organisations were invited.",
     _english("invited_count", "Some forty organisations", 40, "approximate: true"), TRUE),
    (HELD_EN + "Some forty organisations were invited.", _english("invited_count", "Some forty organisations", 40),
     TRAP),
    (HELD_EN + "More than twenty organisations took part.",
     _english("organisation_count", "More than twenty organisations", 20, "bound: at-least"), TRUE),
    (HELD_EN + "More than twenty organisations took part.",
     _english("organisation_count", "More than twenty organisations", 20, "approximate: true"), TRAP),
    (HELD_EN + "Forty people attended.", _english("participant_count", "Forty people", 4), TRAP),
    (HELD_EN + "Forty people attended.", _english("participant_count", "Forty people", 40), TRUE),
    (HELD_EN + "Twelve of the twenty invited organisations took part.", _english("organisation_count", "Twelve", 20),
     TRAP),
    (HELD_EN + "Twelve of the twenty invited organisations took part.", _english("organisation_count", "Twelve", 12),
     TRUE),
    (HELD_EN + "One organisation took part.", _english("organisation_count", "One organisation", 1), TRUE),
    (HELD_EN + "A dozen organisations took part.", _english("organisation_count", "A dozen organisations", 12), TRUE),
    (HELD + "Tolv organisationer deltog.", _english("organisation_count", "Tolv organisationer", 13), TRAP),
]  # fmt: skip


#: what an English number word counts: the noun right after it, as after a Swedish one
ENGLISH_NOUNS = [
    (HELD_EN + "Seventeen countries took part.", _english("organisation_count", "Seventeen countries", 17), TRAP),
    (HELD_EN + "Eighteen representatives took part.",
     _english("organisation_count", "Eighteen representatives", 18), TRAP),
    (HELD_EN + "Twenty-five representatives took part.",
     _english("organisation_count", "Twenty-five representatives", 25), TRAP),
    (HELD_EN + "Seventeen organisations took part.", _english("organisation_count", "Seventeen organisations", 17),
     TRUE),
    (HELD_EN + "Twenty-five representatives took part.",
     _english("participant_count", "Twenty-five representatives", 25), TRUE),
    (HELD_EN + "Ninety people attended.", _english("participant_count", "Ninety people", 90), TRUE),
]  # fmt: skip


@pytest.mark.parametrize(("text", "facts", "accepted"), ENGLISH_COUNTS + ENGLISH_NOUNS)
def test_english_number_words_give_the_count(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("Twelve organisations", [(12, "exact")]),
        ("twenty-five", [(25, "exact")]),
        ("Twenty five organisations", [(25, "exact")]),
        ("some forty organisations", [(40, "approximate")]),
        ("at least fifteen", [(15, "at-least")]),
        ("between twelve and fifteen", [(12, "at-least"), (15, "at-most")]),
        ("twenty-five to thirty", [(25, "at-least"), (30, "at-most")]),
        ("twenty, five", [(20, "exact"), (5, "exact")]),
        ("one of the 30", [(30, "exact")]),
    ],
)
def test_english_number_words_are_read_as_numbers(words: str, read: list[tuple[int, str]]) -> None:
    assert [(r.value, r.kind) for r in counted.numbers_in(words)] == read


HIDDEN_DATES = [
    ("<!-- Sakrådet hölls den 10 september 2024 -->\nEtt sakråd om testfrågor hölls.", "an HTML comment"),
    ("Sakrådet hölls ~~den 10 september 2024~~ i Umeå.", "struck-through words"),
    ("Sakrådet hölls <del>den 10/9 2024</del> i Umeå.", "struck-through words"),
    ("Sakrådet hölls <s>2024-09-10</s> i Umeå.", "struck-through words"),
]


@pytest.mark.parametrize(("text", "kind"), HIDDEN_DATES)
def test_a_date_only_hidden_text_writes_is_refused_saying_so(tmp_path: Path, text: str, kind: str) -> None:
    (found,) = [f for f in _findings(tmp_path, text, "") if ": date:" in f]
    assert f"only in {kind}" in found and "its reader is not shown" in found and "2024-09-10" in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Sakrådet hölls den 11 september 2024 i Umeå.",  # no form of the date anywhere
        "Sakrådet hölls den 10 <s>september 2024</s> i Umeå.",  # no whole date in the hidden part
    ],
)
def test_a_date_no_hidden_text_writes_keeps_the_message_of_a_missing_date(tmp_path: Path, text: str) -> None:
    (found,) = [f for f in _findings(tmp_path, text, "") if ": date:" in f]
    assert "is not in the text" in found and "not shown" not in found, found


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Sakrådet hölls ~~den 10 september 2024~~ den 11 september 2024 i Umeå.", "date: 2024-09-11\n"),
        ("Sakrådet hölls den 10 september 2024 i Umeå. <!-- utkast -->", "date: 2024-09-10\n"),
    ],
)
def test_a_date_the_shown_text_writes_loads_beside_hidden_text(tmp_path: Path, text: str, date: str) -> None:
    assert _findings(tmp_path, text, date) == []


@pytest.mark.parametrize(
    "text",
    [
        "Sakrådet hölls <span hidden>den 10 september 2024</span> i Umeå.",
        'Sakrådet hölls <span style="display: none">den 10 september 2024</span> i Umeå.',
        "Sakrådet hölls <span style='color: red;visibility:hidden'>2024-09-10</span> i Umeå.",
        "Sakrådet hölls i Umeå.<script>var datum = '2024-09-10';</script>",
        "Sakrådet hölls i Umeå.\n<template><p>den 10 september 2024</p></template>",
        "Sakrådet hölls i Umeå. <div hidden>\n\nden 10 september 2024\n",  # left open: hides the rest
    ],
)
def test_a_date_only_an_element_the_page_does_not_show_writes_is_refused(tmp_path: Path, text: str) -> None:
    """An element a browser does not render (hidden, display: none, a script, a template) states
    nothing, as a comment does: a date only it writes is refused, saying where it is."""
    (found,) = [f for f in _findings(tmp_path, text, "") if ": date:" in f]
    assert "an element the page does not show" in found and "its reader is not shown" in found, found


@pytest.mark.parametrize(
    "text",
    [
        'Sakrådet hölls <span class="hidden-date" data-hidden="no">den 10 september 2024</span> i Umeå.',
        'Sakrådet hölls <span style="display: inline">den 10 september 2024</span> i Umeå.',
        "Sakrådet hölls <span hidden>(utkast)</span> den 10 september 2024 i Umeå.",
    ],
)
def test_a_date_a_shown_element_writes_loads(tmp_path: Path, text: str) -> None:
    assert _findings(tmp_path, text, "date: 2024-09-10\n") == []
