"""A count's words that round or bound its number are read however the source writes them (counted.py):
inflected ("dryga 20", "knappa 20"), abbreviated ("c:a 20", "omkr. 20"), as a sign ("~20", "≈20",
"20+"), after the number ("20-odd", "a dozen or so", "20 eller fler"), as a range of number words
("tjugo-tjugofem"), as a decade's "-talet" ("20-talet", "tjugotalet") or as another word for the same
("nära", "bortåt", "uppåt", "gott och väl", "in the region of"): each is refused where the count is marked
exact, and the words right before the quoted ones in the kept text are read with them. A number before
a word naming a number multiplies it ("två dussin", "two dozen": 24; "ett par dussin", "a couple of
dozen": about 24), and words that leave the multiple open ("några dussin", "several dozen") give no number,
so no value stands on them. A count credited to a document written in English keeps its words as English
(``sakrad:wording`` tagged ``en``).

Each loading row goes through the loader and its warnings: (kept text, the meeting's facts, accepted).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import fixture_project
from test_sentences_roles_counts import HELD, _count, _findings
from test_stated_polarity import TEST_SOURCE

from sakrad_ld.corpus import load_corpus
from sakrad_ld.counted import numbers_in
from sakrad_ld.graph import build_graph
from sakrad_ld.vocab import SAKRAD

TRUE, TRAP = True, False
OC = "organisation_count"
AT_LEAST, AT_MOST, ABOUT = "bound: at-least", "bound: at-most", "approximate: true"


@pytest.mark.parametrize(
    ("words", "value", "kind"),
    [
        ("dryga 20 organisationer", 20, "at-least"),
        ("dryga tjugo organisationer", 20, "at-least"),
        ("knappa 20 organisationer", 20, "at-most"),
        ("nära 20 organisationer", 20, "at-most"),
        ("bortåt 20 organisationer", 20, "at-most"),
        ("uppåt 20 organisationer", 20, "at-most"),
        ("gott och väl 20 organisationer", 20, "at-least"),
        ("c:a 20 organisationer", 20, "approximate"),
        ("c : a 20 organisationer", 20, "approximate"),
        ("omkr. 20 organisationer", 20, "approximate"),
        ("~20 organisationer", 20, "approximate"),
        ("≈ 20 organisationer", 20, "approximate"),
        ("> 20 organisationer", 20, "at-least"),
        ("20+ organisationer", 20, "at-least"),
        ("20-plus organisationer", 20, "at-least"),
        ("20-talet organisationer", 20, "approximate"),
        ("tjugotalet organisationer", 20, "approximate"),
        ("runt 20-talet organisationer", 20, "approximate"),
        ("20 organisationer eller fler deltog", 20, "at-least"),
        ("20 eller så", 20, "approximate"),
        ("20-odd organisations", 20, "approximate"),
        ("20 or so organisations", 20, "approximate"),
        ("a dozen or so organisations", 12, "approximate"),
        ("in the region of 20 organisations", 20, "approximate"),
        ("getting on for 20 organisations", 20, "at-most"),
        ("två dussin organisationer", 24, "exact"),
        ("tre dussin organisationer", 36, "exact"),
        ("two dozen organisations", 24, "exact"),
        ("drygt två dussin organisationer", 24, "at-least"),
        ("ett par dussin organisationer", 24, "approximate"),
        ("a couple of dozen organisations", 24, "approximate"),
        ("half a dozen organisations", 6, "exact"),
        ("ett halvt dussin organisationer", 6, "exact"),
    ],
)
def test_the_words_give_the_number_and_how(words: str, value: int, kind: str) -> None:
    assert [(r.value, r.kind) for r in numbers_in(words)] == [(value, kind)]


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("tjugo-tjugofem organisationer", [(20, "at-least"), (25, "at-most")]),
        ("tjugo till tjugofem organisationer", [(20, "at-least"), (25, "at-most")]),
        ("några dussin organisationer", []),
        ("several dozen organisations", []),
        # the words a plain count is written with are read as before
        ("twenty-five organisations", [(25, "exact")]),
        ("20 organisationer och flera myndigheter", [(20, "exact")]),
        ("20 plus 5 organisationer", [(20, "exact"), (5, "exact")]),
        ("ett 40-tal organisationer", [(40, "approximate")]),
    ],
)
def test_a_range_or_an_open_multiple_gives_no_one_number(words: str, read: list[tuple[int, str]]) -> None:
    assert [(r.value, r.kind) for r in numbers_in(words)] == read


def _with(before: str) -> str:
    return f"{HELD}På sakrådet deltog {before} organisationer."


QUOTED_WHOLE = [
    (_with(hedge), _count(OC, f"{hedge} organisationer", 20), TRAP)
    for hedge in ("dryga 20", "knappa 20", "nära 20", "bortåt 20", "uppåt 20", "c:a 20", "~20", "gott och väl 20",
                  "20+", "omkr. 20", "tjugo-tjugofem", "20-talet", "tjugotalet")
]  # fmt: skip
#: the hedge in the kept text right before the quoted words, left out of them
QUOTED_AFTER_THE_HEDGE = [
    (_with(hedge), _count(OC, "20 organisationer", 20), TRAP)
    for hedge in ("dryga 20", "knappa 20", "nära 20", "bortåt 20", "uppåt 20", "c:a 20", "~20", "gott och väl 20")
]
MARKED = [
    (_with("dryga 20"), _count(OC, "dryga 20 organisationer", 20, AT_LEAST), TRUE),
    (_with("dryga 20"), _count(OC, "20 organisationer", 20, AT_LEAST), TRUE),
    (_with("nära 20"), _count(OC, "nära 20 organisationer", 20, AT_MOST), TRUE),
    (_with("c:a 20"), _count(OC, "c:a 20 organisationer", 20, ABOUT), TRUE),
    (_with("~20"), _count(OC, "20 organisationer", 20, ABOUT), TRUE),
    (_with("gott och väl 20"), _count(OC, "20 organisationer", 20, AT_LEAST), TRUE),
    (_with("20"), _count(OC, "20 organisationer", 20), TRUE),
]
DOZENS = [
    (_with("två dussin"), _count(OC, "två dussin organisationer", 24), TRUE),
    (_with("två dussin"), _count(OC, "två dussin organisationer", 2), TRAP),
    (_with("tre dussin"), _count(OC, "tre dussin organisationer", 36), TRUE),
    (_with("ett par dussin"), _count(OC, "dussin organisationer", 12), TRAP),
    (_with("några dussin"), _count(OC, "några dussin organisationer", 36), TRAP),
    (HELD + "Two dozen organisations took part.", _count(OC, "Two dozen organisations", 24), TRUE),
    (HELD + "Two dozen organisations took part.", _count(OC, "Two dozen organisations", 2), TRAP),
    (HELD + "A couple of dozen organisations took part.", _count(OC, "dozen organisations", 12), TRAP),
    (
        HELD + "A couple of dozen organisations took part.",
        _count(OC, "A couple of dozen organisations", 24, ABOUT),
        TRUE,
    ),
]


#: a number's own words and its bound right after it, before its noun: the noun is the one counted
BEFORE_THE_NOUN = [
    (_with("ett par dussin"), _count(OC, "ett par dussin organisationer", 24, ABOUT), TRUE),
    (_with("ett par dussin"), _count(OC, "ett par dussin organisationer", 24), TRAP),
    (_with("ett halvt dussin"), _count(OC, "ett halvt dussin organisationer", 6), TRUE),
    (HELD + "20 or so organisations took part.", _count(OC, "20 or so organisations", 20, ABOUT), TRUE),
    (HELD + "20 or so organisations took part.", _count(OC, "20 or so organisations", 20), TRAP),
    (HELD + "A dozen or so organisations took part.", _count(OC, "a dozen or so organisations", 12, ABOUT), TRUE),
    (_with("20 eller fler"), _count(OC, "20 eller fler organisationer", 20, AT_LEAST), TRUE),
    (_with("20 eller fler"), _count(OC, "20 eller fler organisationer", 20), TRAP),
]


@pytest.mark.parametrize(
    ("text", "facts", "accepted"), QUOTED_WHOLE + QUOTED_AFTER_THE_HEDGE + MARKED + DOZENS + BEFORE_THE_NOUN
)
def test_a_hedged_count_is_refused_where_marked_exact(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) == accepted, found


def test_the_advice_never_gives_the_multiplier_as_the_value(tmp_path: Path) -> None:
    found = _findings(tmp_path, _with("två dussin"), _count(OC, "två dussin organisationer", 2))
    assert any("give 24" in f for f in found), found
    assert not any("expected value: 2," in f or "value: 2, the number" in f for f in found), found


ENGLISH_SOURCE = """
  - id: test-en
    kind: web-page
    language: en
    title:
      sv: Sakråd om testfrågor
      en: Consultation on test questions
    url: https://www.government.se/test-consultation/
    file: sources/test-en.md
    publisher: kulturdepartementet
    published: 2024-09-20
"""


def test_a_count_credited_to_an_english_document_keeps_english_words(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    data = project / "data"
    with (data / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write(TEST_SOURCE + ENGLISH_SOURCE)
    (data / "sources" / "test.md").write_text(f"# Sakråd om testfrågor\n\n{HELD}\n", encoding="utf-8")
    (data / "sources" / "test-en.md").write_text(
        "# Consultation on test questions\n\nThe consultation was held on 10 September 2024. "
        "20 organisations took part.\n",
        encoding="utf-8",
    )
    (data / "meetings" / "test.yaml").write_text(
        "id: test-meeting\nsource: test-src\nsources: [test-en]\ntitle:\n  sv: Sakråd om testfrågor\n"
        "date: 2024-09-10\n" + _count(OC, "20 organisations", 20) + "  source: test-en\n",
        encoding="utf-8",
    )
    built = build_graph(load_corpus(data))
    wordings = [
        o
        for _, p, o in built.triples
        if p == SAKRAD.wording and isinstance(o, ox.Literal) and o.value in ("20 organisations", "femton")
    ]
    assert ox.Literal("20 organisations", language="en") in wordings, wordings
    assert ox.Literal("20 organisations", language="sv") not in wordings, wordings
    assert ox.Literal("femton", language="sv") in wordings, wordings  # a Swedish document's count stays Swedish
