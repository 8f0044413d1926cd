"""The keeper's own copy is one address however it is cited, the refusal of register-copy says which
part of the address differs, and `links reconcile` proposes only a status that loading accepts.

Each load case is a copy of the fixture project with one change (registered.py, registers/links.py,
registers/reconcile.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import fixture_project, refused

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.registered import confirmed, unconfirmed_copy
from sakrad_ld.registers.extract import MIRROR
from sakrad_ld.registers.links import check_offline
from sakrad_ld.typedyaml import QUOTED

BODIES = Path("data") / "bodies.yaml"
ORGS = Path("data") / "organisations.yaml"
COMMIT = "c42b88bcaf6b0c5b1669ff1bc5dd4e756ce8c628"
FILE = "resources/base/datasets/org/departement.n3"
KEEPER = f"https://github.com/rinfo/rdl/blob/{COMMIT}/{FILE}"
RAW = f"https://raw.githubusercontent.com/rinfo/rdl/{COMMIT}/{FILE}"

#: The keeper's own file, cited as GitHub shows it, as its raw text, or at a line: one address.
KEEPERS_FILE = {
    "blob": KEEPER,
    "raw": RAW,
    "plain": KEEPER + "?plain=1",
    "line": KEEPER + "#L12",
    "plain-line": KEEPER + "?plain=1#L3-L9",
    "github-raw": KEEPER.replace("/blob/", "/raw/"),
    "owner-case": KEEPER.replace("rinfo/rdl", "Rinfo/RDL"),
    "escaped": KEEPER.replace("departement.n3", "departement%2En3"),
    "www": KEEPER.replace("//github.com/", "//www.github.com/"),
}

#: Sources that are not the keeper's pinned list, with the part of the address the refusal must quote.
NOT_KEEPERS = {
    "raw-branch": (RAW.replace(COMMIT, "master"), "'master'"),
    "blob-branch": (KEEPER.replace(COMMIT, "main") + "?plain=1", "'main'"),
    "short-commit": (RAW.replace(COMMIT, COMMIT[:7]), f"'{COMMIT[:7]}'"),
    "other-folder": (RAW.replace("/org/", "/other/"), "'other'"),
    "beyond-the-file": (KEEPER + "/x", "'x'"),
    "raw-mirror": (RAW.replace("rinfo/rdl", "someone/rdl-mirror"), "github.com/someone/rdl-mirror"),
    "blob-mirror": (KEEPER.replace("rinfo/rdl", "someone/rdl") + "#L4", "github.com/someone/rdl"),
    "other-host": (f"https://mirror.example.org/rinfo/rdl/{COMMIT}/{FILE}", "mirror.example.org"),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _source_of(project: Path, path: Path, record: str, source: str, status: str | None = None) -> int:
    """Sets the source (and status) of the first identifier or link of ``record``; returns the status's line."""
    text = (project / path).read_text(encoding="utf-8")
    at = text.index(f"- id: {record}\n")
    s = text.index("source: ", at)
    text = text[:s] + f"source: {source}" + text[text.index("\n", s) :]
    st = text.index("status: ", s)
    if status is not None:
        text = text[:st] + f"status: {status}" + text[text.index("\n", st) :]
    (project / path).write_text(text, encoding="utf-8")
    return text.count("\n", 0, st) + 1


# --- the keeper's own file, however cited --------------------------------------------------------


@pytest.mark.parametrize("source", KEEPERS_FILE.values(), ids=KEEPERS_FILE.keys())
def test_the_keepers_own_file_confirms_however_it_is_cited(project: Path, source: str) -> None:
    assert confirmed("register-copy", source, "lagrummet")
    _source_of(project, BODIES, "kulturdepartementet", source, "register-copy")
    assert load_corpus(project / "data")
    assert not [p for p in check_offline(project / "data") if "register-copy" in p.message]


# --- the refusal: which part of the address differs ----------------------------------------------


@pytest.mark.parametrize(("source", "differs"), NOT_KEEPERS.values(), ids=NOT_KEEPERS.keys())
def test_register_copy_not_from_the_keepers_list_is_refused_naming_what_differs(
    project: Path, source: str, differs: str
) -> None:
    assert not confirmed("register-copy", source, "lagrummet")
    line = _source_of(project, BODIES, "kulturdepartementet", source, "register-copy")
    errors = [e for e in refused(project) if "status register-copy" in e]
    assert len(errors) == 1, errors
    assert f"bodies.yaml:{line}: " in errors[0] and "links[0].status" in errors[0], errors[0]
    assert differs in errors[0], errors[0]
    mirror = "a copy made by anyone else is a mirror" in errors[0]
    assert mirror == ("github.com/" in differs or "." in differs), errors[0]  # only another place is a mirror
    problems = [p.message for p in check_offline(project / "data") if "register-copy" in p.message]
    assert len(problems) == 1 and differs in problems[0], problems


@pytest.mark.parametrize("source", [RAW, KEEPER, RAW + "?x=" + "y" * 200], ids=["raw", "blob", "long"])
def test_the_quoted_source_keeps_its_host_and_the_end_of_its_path(source: str) -> None:
    wrong = source.replace(COMMIT, "0" * 39 + "g").replace("departement.n3", "departement-old.n3")
    said = unconfirmed_copy(wrong, "lagrummet")
    quoted = said[said.index("'") : said.index("'", said.index("'") + 1) + 1]
    assert len(quoted) <= QUOTED + 2, quoted  # cut at 80 characters, as typedyaml.quoted cuts
    host = wrong.split("/")[2]
    assert quoted.startswith(f"'https://{host}/"), quoted
    assert quoted.endswith(wrong[-20:] + "'"), quoted
    assert f"({len(wrong):,} characters)" in said


def test_no_keepers_copy_known_says_so_and_calls_no_source_a_mirror(project: Path) -> None:
    line = _source_of(project, ORGS, "radda-barnen", MIRROR["url"], "register-copy")
    errors = [e for e in refused(project) if "status register-copy" in e]
    assert len(errors) == 1 and f"organisations.yaml:{line}: " in errors[0], errors
    assert "no copy published by the keeper of orgnr is known" in errors[0], errors[0]
    assert "anyone else" not in errors[0], errors[0]
    assert "…" in errors[0] and "g%C3%A5vomottagare.yaml'" in errors[0], errors[0]  # the path's end stays


# --- links reconcile proposes what loading accepts -----------------------------------------------


def test_reconcile_proposes_a_status_and_note_that_loading_accepts(project: Path, shared: Path, tmp_path: Path) -> None:
    register = shared / "registers" / "skatteverket" / "godkanda-gavomottagare.yaml"
    out = tmp_path / "proposals.yaml"
    assert main(["-C", str(project), "links", "reconcile", "--register", str(register), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    proposals = yaml.safe_load(text)
    candidates = [c for o in proposals["organisations"] for c in o["candidates"]]
    assert candidates and not [c for c in candidates if c["status"] == "register-copy"]
    assert {c["status"] for c in candidates if c["register_status"] == "current"} == {"secondary"}
    assert all(c.get("note") for c in candidates if c["status"] == "secondary")
    assert "links check` refuses" not in text and "loading" in text.split("\norganisations:")[0]

    (taken,) = [
        c for o in proposals["organisations"] if o["id"] == "radda-barnen" for c in o["candidates"] if c["accepted"]
    ]
    identifier = {"scheme": "orgnr", "value": taken["number"], "source": MIRROR["url"], "status": taken["status"]}
    block = yaml.safe_dump([{**identifier, "note": taken["note"]}], allow_unicode=True, sort_keys=False, width=1000)
    orgs = project / ORGS
    data = orgs.read_text(encoding="utf-8")
    at = data.index("    identifiers:\n", data.index("- id: radda-barnen\n")) + len("    identifiers:\n")
    end = data.index("    website: ", at)
    orgs.write_text(
        data[:at] + "".join(f"      {line}\n" for line in block.splitlines()) + data[end:], encoding="utf-8"
    )
    corpus = load_corpus(project / "data")  # refused with exit 2 if the proposal were register-copy
    (org,) = [o for o in corpus.organisations if o.id == "radda-barnen"]
    (ident,) = org.identifiers
    assert (ident.value, ident.status, ident.note and ident.note.en) == (
        taken["number"],
        "secondary",
        taken["note"]["en"],
    )
    assert "godkanda-gavomottagare.yaml" in taken["note"]["sv"] and "secondary" in taken["note"]["en"]


def test_a_register_copy_proposal_is_refused_at_load(project: Path) -> None:
    """What the proposals said before: register-copy for a number of the Skatteverket extract."""
    _source_of(project, ORGS, "radda-barnen", MIRROR["url"], "register-copy")
    assert [e for e in refused(project) if "status register-copy" in e]
