"""A draft left in data/meetings/ before its proposed records are added: loading names, at each reference to
a record the draft proposes, what to do ("the draft proposes this record at its end: uncomment it into …"),
never a near-miss id of another record; `import` leaves such unfinished drafts out, names them, and goes on;
once the records are added, the draft loads. See docs/import.md."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.errors import InputErrors

REGERINGEN = Path(__file__).parent / "import" / "regeringen"
LINKED = REGERINGEN / "cases" / "linked-back"
INVITED = REGERINGEN / "cases" / "invited-not-took-part"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REGERINGEN / "project", project)
    return project


def _draft_into_data(project: Path, case: Path, name: str) -> Path:
    out = project / "data" / "meetings" / name
    page = next((case / "pages" / "sakrad").rglob("*.md"))
    assert (
        main(["-C", str(project), "import", str(page), "--listing", str(case / "listing.json"), "--out", str(out)]) == 0
    )
    return out


def test_a_reference_to_a_record_the_draft_proposes_says_so(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = _draft_into_data(project, LINKED, "2023-03-17-diskriminering.yaml")
    with pytest.raises(InputErrors) as caught:
        load_corpus(project / "data")
    errors = caught.value.errors
    assert {e.where.file.name for e in errors} == {draft.name}
    assert len(errors) >= 3  # the page, the invitation, the article; the person it names
    for error in errors:
        assert "the draft proposes this record at its end, as a comment: uncomment it into data/" in error.hint
        assert "did you mean" not in error.hint, error
    person = next(e for e in errors if e.where.field == "conveners[1].person")
    assert person.hint.endswith("uncomment it into data/people.yaml")
    assert main(["-C", str(project), "validate"]) == 2
    assert "did you mean" not in capsys.readouterr().err


def test_an_id_no_draft_proposes_still_gets_its_near_miss(project: Path) -> None:
    draft = _draft_into_data(project, LINKED, "2023-03-17-diskriminering.yaml")
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("- person: martin-andreasson", "- person: jakob-forsmed"), encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        load_corpus(project / "data")
    person = next(e for e in caught.value.errors if e.where.field == "conveners[1].person")
    assert "did you mean 'jakob-forssmed'" in person.hint and "proposes" not in person.hint


def test_import_leaves_an_unfinished_draft_out_and_names_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = _draft_into_data(project, LINKED, "2023-03-17-diskriminering.yaml")
    capsys.readouterr()
    out = project / "data" / "meetings" / "2023-11-07-civilsamhallets-roll-inom-integrationspolitiken.yaml"
    page = next((INVITED / "pages").rglob("*.md"))
    code = main(
        ["-C", str(project), "import", str(page), "--listing", str(INVITED / "listing.json"), "--out", str(out)]
    )
    err = capsys.readouterr().err
    assert code == 0 and out.is_file(), err
    assert f"note: {draft} is an unfinished draft (6 problem(s), the first at line " in err, err
    assert "Traceback" not in err and "error:" not in err


def test_a_problem_outside_the_drafts_still_stops_the_import(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _draft_into_data(project, LINKED, "2023-03-17-diskriminering.yaml")
    meeting = project / "data" / "meetings" / "2022-12-13-demokrativillkor.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("person: jakob-forssmed", "person: nobody"))
    capsys.readouterr()
    page = next((INVITED / "pages").rglob("*.md"))
    assert main(["-C", str(project), "import", str(page), "--listing", str(INVITED / "listing.json")]) == 2
    err = capsys.readouterr().err
    assert "2022-12-13-demokrativillkor.yaml" in err and "no person has the id 'nobody'" in err


def test_a_documentation_draft_says_which_file_its_new_ids_go_to(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = Path(__file__).parent.parent / "data" / "sources" / "sakrad-2017-12-12-integration.txt"
    out = project / "data" / "meetings" / "2017-12-12-arbetsmarknadsdepartementet.yaml"
    assert main(["-C", str(project), "import", str(seed), "--out", str(out)]) == 0
    with pytest.raises(InputErrors) as caught:
        load_corpus(project / "data")
    hints = {e.where.field: e.hint for e in caught.value.errors}
    assert hints["source"].endswith("add the record to data/sources.yaml with this id")
    assert hints["chair.person"].endswith("add the record to data/people.yaml with this id")
    assert hints["organisations[0]"].endswith("add the record to data/organisations.yaml with this id")
    assert not any("did you mean" in h for h in hints.values())


def test_the_draft_loads_once_its_proposed_records_are_uncommented(project: Path) -> None:
    """As docs/adding-a-meeting.md §1 says: the draft, with its proposals uncommented into their files,
    loads as it is (its title_derivation, its date, its article's facts)."""
    draft = _draft_into_data(project, LINKED, "2023-03-17-arbetet-med-att-forebygga-och-motverka.yaml")
    text = draft.read_text(encoding="utf-8")
    for block in re.finditer(r"^# To append to data/(?P<file>\S+):\n(?P<body>(?:#.*\n?)+)", text, re.MULTILINE):
        records = "".join(line[2:] + "\n" for line in block["body"].splitlines())
        target = project / "data" / block["file"]
        target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n" + records, encoding="utf-8")
    corpus = load_corpus(project / "data")
    meeting = next(m for m in corpus.meetings if m.id == "2023-03-17-arbetet-med-att-forebygga-och-motverka")
    assert meeting.title_derivation is not None and meeting.date == "2023-03-17" and not meeting.announced_only
