"""A date's derivation that cites a publication date in parentheses or an address's year and month
(dated.py) is compared with the records of the documents the meeting cites (their ``published`` and
``url`` in data/sources.yaml): a derivation misstating the fact it rests on is refused with the
meeting file, the line of ``date_derivation`` and what is expected; the records' own values load."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project, refused

from sakrad_ld.corpus import load_corpus

MEETINGS = Path("data") / "meetings"


@pytest.mark.parametrize(
    ("meeting", "old", "new", "said"),
    [
        (
            "2019-03-05-eu-europa-2020.yaml",
            "publiceringsdatum (2019-03-07)",
            "publiceringsdatum (2019-03-08)",
            "2019-03-08",
        ),
        (
            "2019-03-05-eu-europa-2020.yaml",
            "publication\n    date (2019-03-07)",
            "publication\n    date (2019-03-06)",
            "2019-03-06",
        ),
        ("2017-02-eu-tjanstepaket.yaml", "sidans adress (/2017/02/)", "sidans adress (/2017/03/)", "/2017/03/"),
    ],
)
def test_a_derivation_misstating_its_source_s_record_is_refused(
    tmp_path: Path, meeting: str, old: str, new: str, said: str
) -> None:
    project = fixture_project(tmp_path / "project")
    text = (project / MEETINGS / meeting).read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index("date_derivation:")) + 1
    change(project / MEETINGS / meeting, old, new)
    errors = [e for e in refused(project) if "date_derivation (" in e]
    assert len(errors) == 1, errors
    assert f"{meeting}:{line}: date_derivation" in errors[0] and said in errors[0]


def test_the_records_own_values_load(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    corpus = load_corpus(project / "data")
    assert any(m.date_derivation is not None and "(2019-03-07)" in m.date_derivation.sv for m in corpus.meetings)
