"""What a kept text's sentences state of the meeting: a kept text is read as its reader sees it
(markup.py, the importer's rendering): an HTML comment or struck-through words state nothing, and a fact
credited only to them is refused saying so; markup (links, emphasis, tags, entities, a line break inside a
sentence) refuses nothing the rendered text states. A negation after an insert that follows the verb
("inledde, enligt planen, inte mötet") denies the verb. "inte fler än 30", "högst 30", "not more than 30"
bound a count at most. Reading a sentence's clauses is linear in its length. Each row goes through the
loader: (kept text, the meeting's facts, the field asked about, accepted)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from test_sentences_roles_counts import BRANDBERG, FRYSHUSET, TRAP, TRUE, _count, _findings, _place

from sakrad_ld import clauses
from sakrad_ld.markup import hidden_parts, rendered, shown
from sakrad_ld.stated import _flat, folded_text

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sakrad_ld"
HELD = "Sakrådet hölls den 10 september 2024 i Umeå. "
COUNT = _count("organisation_count", "30 organisationer", 30)
PARTICIPANT = "government_participants:\n  - person: paulina-brandberg\n"


def _refusals(tmp_path: Path, text: str, facts: str, field: str) -> list[str]:
    return [f for f in _findings(tmp_path, text, facts) if f": {field}" in f or f"{field}[" in f or f"{field}." in f]


HIDDEN = [
    ("<!-- Sakrådet hölls den 10 september 2024 -->\nEtt sakråd om testfrågor.", "", "date", TRAP),
    ("Ett sakråd om testfrågor. ~~Sakrådet hölls den 10 september 2024.~~", "", "date", TRAP),
    (HELD + "~~30 organisationer deltog~~.", COUNT, "organisation_count", TRAP),
    (HELD + "<del>30 organisationer deltog</del>.", COUNT, "organisation_count", TRAP),
    (HELD + "<s>Fryshuset deltog.</s>", FRYSHUSET, "organisations", TRAP),
    (HELD + "<!--\nPaulina Brandberg ledde mötet.\n-->", BRANDBERG, "chair", TRAP),
    ("Sakrådet hölls den 10 september 2024 i <!-- Umeå -->Luleå.", _place("Umeå"), "place", TRAP),
    # markup is no words: what the rendered text states stands
    (HELD + "[Fryshuset](https://fryshuset.se) deltog.", FRYSHUSET, "organisations", TRUE),
    (HELD + "**30 organisationer** deltog.", COUNT, "organisation_count", TRUE),
    (HELD + "30&nbsp;organisationer deltog.", COUNT, "organisation_count", TRUE),
    (HELD + "30\norganisationer deltog.", COUNT, "organisation_count", TRUE),
    (HELD + "<strong>Paulina Brandberg</strong> ledde mötet.", BRANDBERG, "chair", TRUE),
    (HELD + "_Paulina Brandberg_ ledde<br>mötet.", BRANDBERG, "chair", TRUE),
    ("Sakrådet hölls den 10&nbsp;september 2024 i Umeå.", "", "date", TRUE),
    ("Sakrådet hölls den **10 september 2024** i [Umeå](https://umea.se).", _place("Umeå"), "place", TRUE),
    (HELD + "Fryshuset &amp; Famna deltog.", FRYSHUSET, "organisations", TRUE),
]


@pytest.mark.parametrize(("text", "facts", "field", "accepted"), HIDDEN)
def test_hidden_text_states_nothing_and_markup_is_no_words(
    tmp_path: Path, text: str, facts: str, field: str, accepted: bool
) -> None:
    found = _refusals(tmp_path, text, facts, field)
    assert (found == []) is accepted, found


@pytest.mark.parametrize(
    ("text", "facts", "field", "kind"),
    [
        (HELD + "~~30 organisationer deltog~~.", COUNT, "organisation_count", "struck-through words"),
        (HELD + "<!-- Fryshuset deltog. -->", FRYSHUSET, "organisations", "an HTML comment"),
        (HELD + "<!-- Paulina Brandberg ledde mötet. -->", BRANDBERG, "chair", "an HTML comment"),
    ],
)
def test_a_fact_only_hidden_text_holds_is_refused_saying_so(
    tmp_path: Path, text: str, facts: str, field: str, kind: str
) -> None:
    (found,) = _refusals(tmp_path, text, facts, field)
    assert f"only in {kind}" in found and "test.yaml" in found and field in found, found


@pytest.mark.parametrize(
    "markdown",
    [
        "a <!-- x\ny --> b\nc",
        "a ~~struck\nover lines~~ b\nc",
        "a <del>x\ny</del> b\n\nc",
        "a <strong\nclass='x'>b</strong>\nc",
        '[a](https://example.org\n"title") b\nc',
        "a <!-- left open\n\nd\ne",
    ],
)
def test_rendering_keeps_the_lines(markdown: str) -> None:
    """A line of the rendered text is the same line of the kept file: messages naming a line stay right."""
    text, _ = rendered(markdown)
    assert text.count("\n") == markdown.count("\n")
    assert shown(markdown) == text


def test_hidden_parts_say_their_kind() -> None:
    assert hidden_parts("a <!-- b --> c ~~d~~ <s>e</s>") == (
        ("an HTML comment", "b"),
        ("struck-through words", "d"),
        ("struck-through words", "e"),
    )


def test_the_load_checks_do_not_import_the_importer() -> None:
    for name in ("markup.py", "stated.py", "clauses.py", "counted.py", "placed.py"):
        tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
        imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any("importer" in m for m in imported), name


def test_the_importer_renders_with_the_same_function() -> None:
    from sakrad_ld import markup
    from sakrad_ld.importer import page_facts, regeringen

    assert regeringen.rendered is markup.rendered
    assert page_facts.rendered is markup.rendered


INSERTS = [
    (HELD + "Paulina Brandberg inledde, enligt planen, inte mötet.", PARTICIPANT, "government_participants", TRAP),
    (HELD + "Paulina Brandberg ledde, som väntat, inte mötet.", BRANDBERG, "chair", TRAP),
    (HELD + "Paulina Brandberg ledde (enligt planen) inte mötet.", BRANDBERG, "chair", TRAP),
    (HELD + "Paulina Brandberg ledde, enligt planen, mötet.", BRANDBERG, "chair", TRUE),
    (HELD + "Paulina Brandberg inledde, enligt planen, mötet.", PARTICIPANT, "government_participants", TRUE),
    (HELD + "Paulina Brandberg inledde, som inte var väntat, mötet.", PARTICIPANT, "government_participants", TRUE),
    (HELD + "Paulina Brandberg inledde mötet, inte Famna.", PARTICIPANT, "government_participants", TRUE),
]


@pytest.mark.parametrize(("text", "facts", "field", "accepted"), INSERTS)
def test_a_negation_after_an_insert_denies_the_verb(
    tmp_path: Path, text: str, facts: str, field: str, accepted: bool
) -> None:
    found = _refusals(tmp_path, text, facts, field)
    assert (found == []) is accepted, found


def test_the_insert_keeps_the_negation_in_the_verbs_clause() -> None:
    flat = _flat(folded_text("Statssekreteraren inledde, enligt planen, inte mötet."))
    assert all(how == "main" for _, _, how in clauses.clauses_of(flat, 0, len(flat)))
    flat = _flat(folded_text("Sakrådet hölls i Stockholm, inte digitalt."))
    assert [how for _, _, how in clauses.clauses_of(flat, 0, len(flat))] == ["main", "time"]


BOUNDS = [
    ("Inte fler än 30 organisationer deltog.", "inte fler än 30 organisationer"),
    ("Det deltog inte fler än 30 organisationer.", "inte fler än 30 organisationer"),
    ("Högst 30 organisationer deltog.", "högst 30 organisationer"),
    ("Maximalt 30 organisationer deltog.", "maximalt 30 organisationer"),
    ("Högst sammanlagt 30 organisationer deltog.", "högst sammanlagt 30 organisationer"),
    ("Inte fler än totalt 30 organisationer deltog.", "inte fler än totalt 30 organisationer"),
    ("Antalet deltagande organisationer var inte fler än 30 organisationer.", "inte fler än 30 organisationer"),
    ("Not more than 30 organisations took part.", "not more than 30 organisations"),
    ("At the most 30 organisations took part.", "at the most 30 organisations"),
    ("A maximum of 30 organisations took part.", "a maximum of 30 organisations"),
]


@pytest.mark.parametrize(("sentence", "words"), BOUNDS)
@pytest.mark.parametrize("quoted", ["whole", "number"])
def test_an_upper_bound_is_at_most(tmp_path: Path, sentence: str, words: str, quoted: str) -> None:
    """The count's words with their bound load marked at-most; unmarked, or quoted without the bound as
    exact, they are refused with a message saying the text bounds the number."""
    if quoted == "number":
        words = words[words.index("30") :]
        found = _refusals(
            tmp_path / "exact", HELD + sentence, _count("organisation_count", words, 30), "organisation_count"
        )
        assert found and "at-most" in found[0], found
        return
    marked = _count("organisation_count", words, 30, "bound: at-most")
    assert _refusals(tmp_path / "marked", HELD + sentence, marked, "organisation_count") == []
    found = _refusals(
        tmp_path / "unmarked", HELD + sentence, _count("organisation_count", words, 30), "organisation_count"
    )
    assert found and "at-most" in found[0], found


class _Counting:
    """A pattern that counts the characters its searches read (a lazy search: as far as its caller goes)."""

    def __init__(self, pattern: object) -> None:
        self.pattern, self.read = pattern, 0

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):  # type: ignore[no-untyped-def]
        end = len(text) if endpos is None else endpos
        last = pos
        for m in self.pattern.finditer(text, pos, end):  # type: ignore[attr-defined]
            self.read += m.end() - last  # as far as the caller reads
            last = m.end()
            yield m
        self.read += end - last

    def findall(self, text: str, pos: int = 0, endpos: int | None = None):  # type: ignore[no-untyped-def]
        end = len(text) if endpos is None else endpos
        self.read += max(0, end - pos)
        return self.pattern.findall(text, pos, end)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "clause",
    [
        "famna deltog och fryshuset deltog ",
        "famna kom inte, så fryshuset deltog ",
        "famna deltog, som var inbjudet, ",
        "famna deltog, nästa år ",
        "famna deltog, enligt planen, inte mötet ",
    ],
)
def test_reading_a_sentences_clauses_is_linear(monkeypatch: pytest.MonkeyPatch, clause: str) -> None:
    """A sentence of one short clause repeated 1,500 times (4.3 s when each "och" read the rest of the
    sentence): the words read grow as the sentence does, not as its square."""
    counting = _Counting(clauses._WORD)
    monkeypatch.setattr(clauses, "_WORD", counting)
    read = []
    for n in (500, 1000, 2000):
        flat = "sakrådet hölls i umeå och " + clause * n + "."
        counting.read = 0
        parts = clauses.clauses_of(flat, 0, len(flat))
        assert parts and parts[0][0] == 0 and parts[-1][1] == len(flat)
        read.append(counting.read / len(flat))
    assert read[2] <= read[0] * 1.5 + 2, read
