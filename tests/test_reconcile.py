"""`sakrad-ld links reconcile`: organisation numbers proposed from register extracts, for review.

Each folder of ``reconcile/`` is a case (see its README): a register extract and what must come out.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from sakrad_ld.cli import main, parser
from sakrad_ld.orgnr import form_mismatch, not_an_organisation_number
from sakrad_ld.registers.names import Likeness, compare, forms, legal_forms, normalise
from sakrad_ld.registers.reconcile import THRESHOLD
from sakrad_ld.registers.status import entry_status

HERE = Path(__file__).parent / "reconcile"
CASES = sorted(p.parent for p in HERE.glob("*/case.yaml"))
BAD = yaml.safe_load((HERE / "bad" / "cases.yaml").read_text(encoding="utf-8"))
PAIRS = yaml.safe_load((HERE / "lookalikes.yaml").read_text(encoding="utf-8"))
STATUS = yaml.safe_load((HERE / "status.yaml").read_text(encoding="utf-8"))
NUMBERS = yaml.safe_load((HERE / "numbers.yaml").read_text(encoding="utf-8"))


def _register(case: dict, folder: Path, shared: Path) -> Path:
    where = case["register"]
    return shared / where["shared"] if "shared" in where else folder / where["file"]


def _run(root: Path, register: Path, out: Path, *options: str) -> int:
    return main(["-C", str(root), "links", "reconcile", "--register", str(register), "--out", str(out), *options])


def _project(case: dict, folder: Path, root: Path, tmp_path: Path) -> Path:
    """The project a case runs in: the checkout, or one whose data/ holds the case's organisations."""
    if "organisations" not in case:
        return root
    project = tmp_path / "project"
    for name in ("data", "ontology", "shapes"):  # reconciling reads only data/organisations.yaml
        (project / name).mkdir(parents=True)
    shutil.copyfile(folder / case["organisations"], project / "data" / "organisations.yaml")
    return project


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_case(folder: Path, root: Path, shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    register = _register(case, folder, shared)
    out = tmp_path / "proposals.yaml"

    code = _run(_project(case, folder, root, tmp_path), register, out, *case.get("options", []))

    err = capsys.readouterr().err
    if "refused" in case:  # the register is refused: exit code 2, a message naming the file and field
        assert code == 2, err
        assert "Traceback" not in err
        line = next((x for x in err.splitlines() if str(register) in x), "")
        assert case["refused"]["message"] in line, err
        assert case["refused"].get("hint", "") in line, err
        assert not out.exists()
        return
    assert code == 0, err
    proposals = yaml.safe_load(out.read_text(encoding="utf-8"))
    (read,) = proposals["registers"]
    assert (read["entries"], len(read["set_aside"])) == (case["entries"], case["set_aside"])
    if "marked_ended" in case:
        assert read["marked_ended"] == case["marked_ended"]
    by_id = {o["id"]: o for o in proposals["organisations"]}
    accepted = {i: [c for c in o["candidates"] if c["accepted"]] for i, o in by_id.items()}
    for org, number in case["accepted"].items():
        assert [c["number"] for c in accepted[org]] == [number], by_id[org]
        assert all(c["score"] >= THRESHOLD and c["register"] == str(register) for c in accepted[org])
    for org in case["none"]:
        assert accepted[org] == [], f"{org} must have no accepted candidate: {by_id[org]}"
    for org, note in case.get("note", {}).items():
        assert by_id[org]["note"] == note
    for org, expected in case.get("candidates", {}).items():
        for want in expected:
            _expect_candidate(by_id[org], want)
    for org in by_id.values():  # whatever the case: what is accepted is never in doubt
        for c in org["candidates"]:
            assert not (c["accepted"] and c.get("reasons")), c
            assert not c["accepted"] or (c["register_status"], c["status"]) == ("current", "secondary"), c
            assert (c["register_status"] == "current") == (c["status"] == "secondary"), c
            if org.get("recorded"):
                assert not c["accepted"] or c["number"] in org["recorded"], org
            assert ("contradicts" in c) == any(r.startswith("contradicts") for r in c.get("reasons", [])), c


def _expect_candidate(org: dict, want: dict) -> None:
    """The candidate of ``org`` with ``want``'s number (and register name) has ``want``'s values; each
    of ``want``'s reasons is part of one of its reasons."""
    found = [
        c
        for c in org["candidates"]
        if c["number"] == want["number"] and c["register_name"] == want.get("register_name", c["register_name"])
    ]
    assert found, f"no candidate {want['number']} for {org['id']}: {org['candidates']}"
    (got,) = found
    for field, value in want.items():
        if field == "reasons":
            for reason in value:
                assert any(reason in r for r in got.get("reasons", [])), f"{reason!r} not in {got.get('reasons')}"
        elif field == "contradicts":
            assert value in got.get("contradicts", ""), got
        else:
            assert got[field] == value, f"{field}: {got}"


def test_every_organisation_of_the_data_is_listed_in_data_order(root: Path, shared: Path, tmp_path: Path) -> None:
    from sakrad_ld.registers.reconcile import read_organisations

    out = tmp_path / "p.yaml"
    assert _run(root, shared / "registers/skatteverket/godkanda-gavomottagare.yaml", out) == 0
    listed = [o["id"] for o in yaml.safe_load(out.read_text(encoding="utf-8"))["organisations"]]
    ids = [
        o["id"] for o in yaml.safe_load((root / "data/organisations.yaml").read_text(encoding="utf-8"))["organisations"]
    ]
    assert listed == ids == [o.id for o in read_organisations(root / "data")]


def test_proposals_are_deterministic_and_never_touch_data(
    project_copy: Path, shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def digest() -> str:
        files = sorted(p for p in (project_copy / "data").rglob("*") if p.is_file())
        return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()

    before = digest()
    registers = [
        shared / "registers/skatteverket/godkanda-gavomottagare.yaml",
        HERE / "second-extract-csv" / "register.csv",
    ]
    argv = ["-C", str(project_copy), "links", "reconcile"] + [a for r in registers for a in ("--register", str(r))]
    capsys.readouterr()
    assert main(argv) == 0
    first = capsys.readouterr().out
    assert main(argv) == 0
    assert capsys.readouterr().out == first
    assert digest() == before
    proposals = yaml.safe_load(first)
    assert [r["file"] for r in proposals["registers"]] == [str(r) for r in registers]
    red_cross = next(o for o in proposals["organisations"] if o["id"] == "svenska-roda-korset")
    # the same number from two registers is one candidate per register, both accepted
    assert {(c["number"], c["register"]) for c in red_cross["candidates"] if c["accepted"]} == {
        ("802002-8711", str(registers[0])),
        ("802002-8711", str(registers[1])),
    }


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p['ours']}~{p['theirs']}" for p in PAIRS])
def test_lookalike(pair: dict) -> None:
    def best(ours: str, theirs: str) -> Likeness:
        return max(
            (compare(a, b) for a in forms(ours) for b in forms(theirs, of_register=True)),
            key=lambda x: (x.score, -len(x.questions)),
            default=Likeness(0.0),
        )

    found = best(pair["ours"], pair["theirs"])
    accepted = found.score >= THRESHOLD and not found.questions
    assert accepted == (pair["expect"] == "match"), f"{found}: {pair['why']}"
    if "reason" in pair:
        assert any(pair["reason"] in q for q in found.questions), found
    if "score" in pair:
        assert round(found.score, 3) == pair["score"], found
    if "better_than" in pair:
        assert best(pair["ours"], pair["better_than"]).score > found.score


def test_normalisation_keeps_diacritics_and_sets_legal_forms_apart() -> None:
    assert normalise("Svenska Röda Korsets Centralstyrelse") == ("svenska", "röda", "korset")
    assert legal_forms("Svenska Röda Korsets Centralstyrelse") == ("centralstyrelse",)
    assert normalise("Trossamfundet Svenska Kyrkan") == ("svenska", "kyrkan")
    assert normalise("Barncancer\u00adföreningarnas") == ("barncancerföreningarnas",)
    assert normalise("IOGT-NTO-rörelsen Ideell Förening") == ("iogt", "nto", "rörelsen")
    assert legal_forms("IOGT-NTO-rörelsen Ideell Förening") == ("ideell förening",)
    assert legal_forms("Ideella Föreningen Situation Stockholm") == ("ideell förening",)
    assert normalise("Malmö Ideella föreningars paraplyorganisation") == (
        "malmö",
        "ideella",
        "föreningars",
        "paraplyorganisation",
    )
    assert legal_forms("Malmö Ideella föreningars paraplyorganisation") == ()
    assert (normalise("Friskis & Svettis AB"), legal_forms("Friskis & Svettis AB")) == (
        ("friskis", "&", "svettis"),
        ("ab",),
    )  # no genitive before a legal form written after the name
    assert legal_forms("Stiftelsen Hjärnfonden") == legal_forms("Hjärnfonden Stiftelse") == ("stiftelse",)
    assert legal_forms("Aktiebolaget X") == legal_forms("X AB") == ("ab",)


@pytest.mark.parametrize("case", STATUS, ids=[c["why"] for c in STATUS])
def test_entry_status(case: dict) -> None:
    found = entry_status(case["row"], case.get("name", ""), ("orgName", "orgNumber"), case.get("register_date", ""))
    assert (found.kind if found else None) == case["kind"], found
    if found and "evidence" in case:
        assert dict(found.evidence) == case["evidence"]


@pytest.mark.parametrize("case", NUMBERS, ids=[f"{c['number']} {c.get('legal', '')}" for c in NUMBERS])
def test_what_an_organisation_number_says(case: dict) -> None:
    problem = not_an_organisation_number(str(case["number"]))
    assert (problem or "").startswith(case.get("not", "")) and bool(problem) == ("not" in case), problem
    if "legal" in case:
        mismatch = form_mismatch(case["number"], tuple(case["legal"]))
        assert bool(mismatch) == case["mismatch"], mismatch


@pytest.mark.parametrize("bad", BAD, ids=[f"{b['register']} {' '.join(b.get('options', []))}" for b in BAD])
def test_bad_register(bad: dict, root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = HERE / "bad" / bad["register"]
    out = tmp_path / "p.yaml"

    assert _run(root, register, out, *bad.get("options", [])) == 2

    err = capsys.readouterr().err
    assert "Traceback" not in err
    line = next((x for x in err.splitlines() if str(register) in x), "")
    assert bad["message"] in line, err
    assert bad.get("hint", "") in line
    assert not out.exists()


def test_the_threshold_option_says_its_default() -> None:
    sub = next(a for a in parser()._actions if hasattr(a, "choices") and a.choices and "links" in a.choices)
    links = sub.choices["links"]
    nested = next(a for a in links._actions if hasattr(a, "choices") and a.choices and "reconcile" in a.choices)
    option = next(a for a in nested.choices["reconcile"]._actions if "--threshold" in a.option_strings)
    assert f"default: {THRESHOLD}" in option.help


def test_every_option_of_links_reconcile_is_in_the_readme(root: Path) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in parser()._actions if hasattr(a, "choices") and a.choices and "links" in a.choices)
    nested = next(
        a for a in sub.choices["links"]._actions if hasattr(a, "choices") and a.choices and "reconcile" in a.choices
    )
    assert "sakrad-ld links reconcile" in readme
    options = [o for a in nested.choices["reconcile"]._actions for o in a.option_strings if o.startswith("--")]
    assert {"--register", "--out", "--name-field", "--number-field", "--threshold"} <= set(options)
    assert [o for o in options if o != "--help" and o not in readme] == []
