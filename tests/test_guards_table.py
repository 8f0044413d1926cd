"""One table of guard words for counts, dates and facts (clauses.GUARD_TABLE).

- A doubt's words ("preliminärt", "prel", "tentativt", "preliminary", "tentative") refuse a date and a
  count as they refuse taking part; a word that rounds a number ("cirka", "ca", "ungefär") is no doubt:
  "Cirka 40 organisationer deltog" states a count, marked approximate.
- A meeting called off ("ställdes in", "har ställts in", "inställt", "called off", "cancelled") has no
  day it was held in that sentence, and no count of those who took part; those invited stay invited.
- A calling off that a condition, a doubt or a negation governs calls nothing off ("Mötet ställs in om
  färre än tio anmäler sig": the meeting may still be held; "blev inte inställt"), nor one said to have
  nearly been ("trots att det nästan ställdes in").
- dated.py and counted.py keep no guard words of their own beside the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project, refusals
from test_counted_dated_sentence import IC, OC, PC, _count, _counted, _kept

from sakrad_ld import clauses, counted, dated
from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import CALLING_OFF, called_off, date_refusal, time_disagreement
from sakrad_ld.stated import _flat, folded_text

DAY = "2024-05-03"
HEADING = "# Sakråd om testfrågor\n\n"

#: (sentence, the date it is read for, whether it states that the meeting was held then, what a refusal says)
DATES = [
    ("Sakrådet, som var planerat till den 3 maj 2024, ställdes in.", DAY, False, "('var planerat')"),
    ("Sakrådet den 3 maj 2024 har ställts in.", DAY, False, "called off ('ställts in')"),
    ("Sakrådet den 3 maj 2024 kommer att ställas in.", DAY, False, "called off ('ställas in')"),
    ("Regeringen har ställt in sakrådet den 3 maj 2024.", DAY, False, "called off ('ställt in')"),
    ("Regeringen ställde in sakrådet den 3 maj 2024.", DAY, False, "called off ('ställde in')"),
    ("Sakrådet den 3 maj 2024 är inställt.", DAY, False, "called off ('inställt')"),
    ("The sakråd on 3 May 2024 was called off.", DAY, False, "called off ('called off')"),
    ("The sakråd on 3 May 2024 was cancelled.", DAY, False, "called off ('cancelled')"),
    ("The sakråd on 3 May 2024 was canceled.", DAY, False, "called off ('canceled')"),
    ("Sakrådet hölls preliminärt den 3 maj 2024.", DAY, False, "a doubt ('preliminärt')"),
    ("Sakrådet hålls prel. den 3 maj 2024.", DAY, False, "a doubt ('prel')"),
    ("Sakrådet är preliminärt planerat till den 3 maj 2024.", DAY, False, "a doubt ('preliminärt planerat')"),
    ("Sakrådet hålls tentativt den 3 maj 2024.", DAY, False, "a doubt ('tentativt')"),
    ("The sakråd is tentatively set for 3 May 2024.", DAY, False, "a doubt ('tentatively')"),
    ("The sakråd will be held on 3 May 2024 (tentative).", DAY, False, "a doubt ('tentative')"),
    ("The preliminary date of the sakråd is 3 May 2024.", DAY, False, "a doubt ('preliminary')"),
    ("Datum: 3 maj 2024 (preliminärt)", DAY, False, "a doubt ('preliminärt')"),
    ("Det preliminära datumet var 3 maj 2024, men mötet hölls 10 maj 2024.", DAY, False, "('preliminära')"),
    ("Det preliminära datumet var 3 maj 2024, men mötet hölls 10 maj 2024.", "2024-05-10", True, ""),
    ("Mötet ställs in om färre än 10 anmäler sig. Sakrådet hölls den 3 maj 2024.", DAY, True, ""),
    ("Sakrådet hölls den 3 maj 2024. Mötet ställs in om färre än 10 anmäler sig.", DAY, True, ""),
    ("Sakrådet hålls den 3 maj 2024 men ställs in om intresset är litet.", DAY, True, ""),
    ("Sakrådet hålls den 3 maj 2024 men ställs in om färre än tio organisationer anmäler sig.", DAY, True, ""),
    ("Sakrådet den 3 maj 2024 ställs in om färre än 10 anmäler sig.", DAY, False, ""),
    ("Sakrådet blev inte inställt utan hölls den 3 maj 2024.", DAY, True, ""),
    ("Sakrådet hölls den 3 maj 2024 trots att det nästan ställdes in.", DAY, True, ""),
    ("The sakråd was held on 3 May 2024; it was not cancelled.", DAY, True, ""),
    ("Sakrådet hölls den 3 maj 2024.", DAY, True, ""),
]


@pytest.mark.parametrize(("text", "date", "states", "says"), DATES, ids=lambda v: str(v)[:40])
def test_a_date_its_sentence_doubts_or_calls_off_is_refused(text: str, date: str, states: bool, says: str) -> None:
    said, why = date_refusal(HEADING + text, date)
    assert (said is not None) is states, why
    if not states:
        assert why and says in why, why


#: (sentence, the count's words, field, value, mark, what a refusal says; "" where it states the count)
COUNTS = [
    ("Cirka 40 organisationer deltog.", "40 organisationer", OC, 40, "approximate", ""),
    ("Ca 40 organisationer deltog.", "40 organisationer", OC, 40, "approximate", ""),
    ("Ungefär 40 organisationer deltog.", "40 organisationer", OC, 40, "approximate", ""),
    ("Cirka 40 organisationer deltog.", "40 organisationer", OC, 40, "exact", "approximate, where the data marks"),
    ("Inte mindre än 12 deltog.", "12", PC, 12, "at-least", ""),
    ("Inte mindre än 12 organisationer deltog.", "12 organisationer", OC, 12, "exact", "at-least, where the data"),
    ("Över 30 bjöds in.", "30", IC, 30, "at-least", ""),
    ("Över 30 organisationer bjöds in.", "30 organisationer", IC, 30, "exact", "at-least, where the data marks"),
    ("Över 30 bjöds in.", "30", OC, 30, "at-least", "counts those invited or registered"),
    ("Ett tiotal organisationer deltog.", "ett tiotal organisationer", OC, 10, "approximate", ""),
    ("Ett tiotal organisationer deltog.", "ett tiotal organisationer", OC, 10, "exact", "approximate, where"),
    ("Preliminärt deltog 30 organisationer.", "30 organisationer", OC, 30, "exact", "a doubt ('preliminärt')"),
    ("30 organisationer deltog tentativt.", "30 organisationer", OC, 30, "exact", "a doubt ('tentativt')"),
    ("Tentatively, 30 organisations attended.", "30 organisations", OC, 30, "exact", "a doubt ('tentatively')"),
    ("Sakrådet, där 30 organisationer deltog, ställdes in.", "30 organisationer", OC, 30, "exact", "called off"),
    ("Sakrådet med 30 organisationer har ställts in.", "30 organisationer", OC, 30, "exact", "('ställts in')"),
    ("30 organisationer deltog i sakrådet som sedan ställdes in.", "30 organisationer", OC, 30, "exact", "off"),
    ("The sakråd, which 30 organisations were to attend, was called off.", "30 organisations", OC, 30, "exact",
     "called off ('called off')"),
    ("30 organisationer bjöds in till sakrådet, som sedan ställdes in.", "30 organisationer", IC, 30, "exact", ""),
    ("30 organisationer deltog, trots att sakrådet nästan ställdes in.", "30 organisationer", OC, 30, "exact", ""),
    ("30 organisationer deltog. Mötet ställs in om färre än 10 anmäler sig.", "30 organisationer", OC, 30, "exact",
     ""),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "field", "value", "mark", "says"), COUNTS, ids=lambda v: str(v)[:30])
def test_a_count_its_sentence_doubts_or_calls_off_is_refused(
    text: str, words: str, field: str, value: int, mark: str, says: str
) -> None:
    why = _count(text, words, field, value, mark)
    if not says:
        assert why == "", why
    else:
        assert why and says in why, why


# --- the one table -----------------------------------------------------------------------------------


def _clause_words(kind: str) -> set[str]:
    return {w for k, scope, words in clauses.GUARD_TABLE if k == kind and scope == "clause" for w in words}


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (clauses.DOUBT, ("prel", "preliminärt", "preliminary", "tentative", "tentatively", "preliminärt planerat")),
        (clauses.CALLED_OFF, ("ställts in", "ställas in", "ställa in", "ställdes in", "inställt", "inställd",
                              "called off", "cancelled", "canceled")),
    ],
)  # fmt: skip
def test_the_table_holds_the_words_of_doubt_and_calling_off(kind: str, words: tuple[str, ...]) -> None:
    assert set(words) <= _clause_words(kind)


def test_a_word_that_rounds_a_number_is_no_doubt() -> None:
    assert not set(counted.ROUNDING) & _clause_words(clauses.DOUBT)


def _own_words(module: object) -> set[str]:
    """The words of a module's own tables: the strings in its tuples and sets, a level deep."""
    out: set[str] = set()
    for name, value in vars(module).items():
        if name == "CALLING_OFF" or not isinstance(value, (tuple, frozenset, set)):
            continue
        for item in value:
            items = item if isinstance(item, tuple) else (item,)
            out |= {w for part in items for w in (part if isinstance(part, tuple) else (part,)) if isinstance(w, str)}
    return out


@pytest.mark.parametrize("module", [dated, counted], ids=lambda m: m.__name__)
def test_dates_and_counts_keep_no_words_of_doubt_or_calling_off_of_their_own(module: object) -> None:
    assert not _own_words(module) & (_clause_words(clauses.DOUBT) | _clause_words(clauses.CALLED_OFF))
    assert not [name for name in vars(module) if name.endswith("_MORE")]
    assert set(CALLING_OFF) <= _clause_words(clauses.CALLED_OFF)


def _off(text: str) -> str | None:
    ft = folded_text(text)
    return called_off(_flat(ft), 0, len(ft))


@pytest.mark.parametrize("word", CALLING_OFF)
def test_every_calling_off_of_the_table_refuses_a_date_and_a_count_of_those_who_took_part(word: str) -> None:
    _, why = date_refusal(f"{HEADING}Sakrådet den 3 maj 2024 {word}.", DAY)
    assert why and f"called off ({word!r})" in why, why
    said = _count(f"Sakrådet med 30 organisationer {word}.", "30 organisationer", OC, 30)
    assert said and f"called off ({word!r})" in said, said
    assert _off(f"Sakrådet {word} om färre än tio anmäler sig.") is None


def test_a_year_beside_the_holding_of_a_meeting_called_off_is_not_its_time() -> None:
    assert time_disagreement(f"{HEADING}Sakrådet hölls 2019 men har ställts in.", "2024-05-03") is None
    assert time_disagreement(f"{HEADING}Sakrådet hölls 2019.", "2024-05-03") is not None


# --- loading ---------------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def test_a_count_of_a_meeting_called_off_is_refused_at_loading(project: Path) -> None:
    _counted(project, "Sakrådet med 30 organisationer har ställts in.", OC, "30 organisationer", 30)
    found = [e for e in refusals(project) if e.where.field.startswith(OC)]
    assert found and any("called off ('ställts in')" in e.problem for e in found), [str(e) for e in found]


def test_those_invited_to_a_meeting_called_off_load(project: Path) -> None:
    sentence = "30 organisationer bjöds in till sakrådet, som sedan ställdes in."
    _counted(project, sentence, IC, "30 organisationer", 30)
    load_corpus(project / "data")


def test_a_date_of_a_meeting_called_off_is_refused_at_its_line(project: Path) -> None:
    kept = _kept(project)
    change(kept, "Dokumentation av sakråd den 12 december 2017", "Dokumentation av sakråd")
    change(kept, "i Stockholm den 12 december 2017.", "i Stockholm den 12 december 2017, men ställdes in.")
    found = [e for e in refusals(project) if e.where.field == "date"]
    assert len(found) == 1, [str(e) for e in refusals(project)]
    assert found[0].where.file.name == "2017-12-12-integration.yaml" and found[0].where.line == 18
    assert "called off ('ställdes in')" in found[0].problem


def test_a_calling_off_under_a_condition_leaves_the_fixture_loading(project: Path) -> None:
    kept = _kept(project)
    kept.write_text(
        kept.read_text(encoding="utf-8") + "\nMötet ställs in om färre än tio organisationer anmäler sig.\n",
        encoding="utf-8",
    )
    load_corpus(project / "data")
