"""`sakrad-ld links reconcile`: organisation numbers proposed from register extracts, for review.

Each folder of ``reconcile/`` is a case (see its README): a register extract and what must come out.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from sakrad_ld.cli import main, parser
from sakrad_ld.registers.names import forms, normalise, similarity
from sakrad_ld.registers.reconcile import THRESHOLD

HERE = Path(__file__).parent / "reconcile"
CASES = sorted(p.parent for p in HERE.glob("*/case.yaml"))
BAD = yaml.safe_load((HERE / "bad" / "cases.yaml").read_text(encoding="utf-8"))
PAIRS = yaml.safe_load((HERE / "lookalikes.yaml").read_text(encoding="utf-8"))


def _register(case: dict, folder: Path, shared: Path) -> Path:
    where = case["register"]
    return shared / where["shared"] if "shared" in where else folder / where["file"]


def _run(root: Path, register: Path, out: Path, *options: str) -> int:
    return main(["-C", str(root), "links", "reconcile", "--register", str(register), "--out", str(out), *options])


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_case(folder: Path, root: Path, shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    register = _register(case, folder, shared)
    out = tmp_path / "proposals.yaml"

    assert _run(root, register, out, *case.get("options", [])) == 0, capsys.readouterr().err

    proposals = yaml.safe_load(out.read_text(encoding="utf-8"))
    (read,) = proposals["registers"]
    assert (read["entries"], len(read["set_aside"])) == (case["entries"], case["set_aside"])
    by_id = {o["id"]: o for o in proposals["organisations"]}
    accepted = {i: [c for c in o["candidates"] if c["accepted"]] for i, o in by_id.items()}
    for org, number in case["accepted"].items():
        assert [c["number"] for c in accepted[org]] == [number], by_id[org]
        assert all(c["score"] >= THRESHOLD and c["register"] == str(register) for c in accepted[org])
    for org in case["none"]:
        assert accepted[org] == [], f"{org} must have no accepted candidate: {by_id[org]}"
        assert all(c["score"] < THRESHOLD for c in by_id[org]["candidates"]), by_id[org]
    for org in by_id.values():  # whatever the data holds by now: a number it records is never contradicted
        if org.get("recorded"):
            assert all(c["number"] in org["recorded"] for c in accepted[org["id"]]), org


def test_every_organisation_of_the_data_is_listed_in_data_order(root: Path, shared: Path, tmp_path: Path) -> None:
    from sakrad_ld.corpus import load_corpus

    out = tmp_path / "p.yaml"
    assert _run(root, shared / "registers/skatteverket/godkanda-gavomottagare.yaml", out) == 0
    listed = [o["id"] for o in yaml.safe_load(out.read_text(encoding="utf-8"))["organisations"]]
    assert listed == [o.id for o in load_corpus(root / "data").organisations]


def test_proposals_are_deterministic_and_never_touch_data(project_copy: Path, shared: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    def digest() -> str:
        files = sorted(p for p in (project_copy / "data").rglob("*") if p.is_file())
        return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()

    before = digest()
    registers = [shared / "registers/skatteverket/godkanda-gavomottagare.yaml",
                 HERE / "second-extract-csv" / "register.csv"]
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
        ("802002-8711", str(registers[0])), ("802002-8711", str(registers[1]))}


def test_two_numbers_above_the_threshold_accept_neither(project_copy: Path, tmp_path: Path) -> None:
    register = tmp_path / "register.yaml"
    register.write_text("organisations:\n"
                        "  - {orgNumber: 802003-0832, orgName: Skyddsvärnet}\n"
                        "  - {orgNumber: 802006-1688, orgName: Skyddsvärnet}\n", encoding="utf-8")
    out = tmp_path / "p.yaml"
    assert _run(project_copy, register, out) == 0
    org = next(o for o in yaml.safe_load(out.read_text(encoding="utf-8"))["organisations"]
               if o["id"] == "skyddsvarnet")
    assert [c["accepted"] for c in org["candidates"]] == [False, False]
    assert "choose by hand" in org["note"]


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p['ours']}~{p['theirs']}" for p in PAIRS])
def test_lookalike(pair: dict) -> None:
    def score(ours: str, theirs: str) -> float:
        return max((similarity(a, b) for a in forms(ours) for b in forms(theirs)), default=0.0)

    value = score(pair["ours"], pair["theirs"])
    assert (value >= THRESHOLD) == (pair["expect"] == "above"), f"{value:.3f}: {pair['why']}"
    if "better_than" in pair:
        assert score(pair["ours"], pair["better_than"]) > value


def test_normalisation_keeps_diacritics_and_drops_legal_forms() -> None:
    assert normalise("Svenska Röda Korsets Centralstyrelse") == ("svenska", "röda", "korset")
    assert normalise("Trossamfundet Svenska Kyrkan") == ("svenska", "kyrkan")
    assert normalise("Barncancer\u00adföreningarnas") == ("barncancerföreningarnas",)
    assert normalise("IOGT-NTO-rörelsen Ideell Förening") == ("iogt", "nto", "rörelsen")
    assert normalise("Malmö Ideella föreningars paraplyorganisation") == (
        "malmö", "ideella", "föreningars", "paraplyorganisation")


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
    nested = next(a for a in sub.choices["links"]._actions
                  if hasattr(a, "choices") and a.choices and "reconcile" in a.choices)
    assert "sakrad-ld links reconcile" in readme
    options = [o for a in nested.choices["reconcile"]._actions for o in a.option_strings if o.startswith("--")]
    assert {"--register", "--out", "--name-field", "--number-field", "--threshold"} <= set(options)
    assert [o for o in options if o != "--help" and o not in readme] == []
