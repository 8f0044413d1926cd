"""A project's files are read one way (sakrad_ld.inputfiles): what is not a regular file of its folder,
of at most MAX_INPUT_FILE bytes, and well-formed, is refused with exit 2 naming the file (and line),
without a traceback, before anything waits on it or fills the memory; the release already published
is left as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import main
from sakrad_ld.corpus import PeopleFile
from sakrad_ld.errors import InputError, InputErrors
from sakrad_ld.inputfiles import MAX_INPUT_FILE, read_input
from sakrad_ld.typedyaml import MAX_FILE_PROBLEMS, compose_file, load_record


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = fixture_project(tmp_path_factory.mktemp("inputs") / "project")
    assert main(["-C", str(project), "build", "--out", str(project / "dist")]) == 0
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def _release(project: Path) -> tuple[str, bytes]:
    return os.readlink(project / "dist"), (project / "dist" / "SHA256SUMS").read_bytes()


def _replace(make: Callable[[Path], None]) -> Callable[[Path], None]:
    def replace(path: Path) -> None:
        path.unlink()
        make(path)

    return replace


def _huge(path: Path) -> None:
    with open(path, "r+b") as file:
        file.truncate(MAX_INPUT_FILE + 1)  # sparse: no disk is used


SHAPES_CASES = {
    "fifo": (_replace(os.mkfifo), "cannot be read (this is a FIFO (named pipe), not a regular file)"),
    "dev-zero": (_replace(lambda p: p.symlink_to("/dev/zero")), "cannot be read (a link leading out of shapes/)"),
    "outside": (_replace(lambda p: p.symlink_to("/etc/passwd")), "cannot be read (a link leading out of shapes/)"),
    "loop": (_replace(lambda p: p.symlink_to(p.name)), "cannot be read (the symbolic link loops"),
    "nowhere": (_replace(lambda p: p.symlink_to("missing.ttl")), "cannot be read (a link to nothing)"),
    "folder": (_replace(lambda p: p.mkdir()), "cannot be read (this is a folder, not a file)"),
    "empty": (lambda p: p.write_bytes(b""), "the file holds no triples"),
    "huge": (_huge, f"cannot be read (the file has {MAX_INPUT_FILE + 1:,} bytes, more than the {MAX_INPUT_FILE:,}"),
}


@pytest.mark.parametrize("case", sorted(SHAPES_CASES))
@pytest.mark.parametrize("command", ["build", "validate"])
def test_a_shapes_file_that_is_not_one_is_refused_unread(
    project: Path, case: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, said = SHAPES_CASES[case]
    file = project / "shapes" / "links.ttl"
    make(file)
    before = _release(project)
    args = ["--out", str(project / "dist")] if command == "build" else []
    assert main(["-C", str(project), command, *args]) == 2
    err = capsys.readouterr().err
    assert f"{file}: {said}" in err and "Traceback" not in err, err
    assert "root:x:" not in err  # nothing of a file elsewhere is quoted
    assert _release(project) == before


def test_a_turtle_error_in_shapes_names_file_line_and_what_is_expected(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = project / "shapes" / "links.ttl"
    text = file.read_text(encoding="utf-8")
    file.write_text(text + "\nex:a ex:b .\n", encoding="utf-8")
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    line = text.count("\n") + 2
    assert f"{file}:{line}: not valid Turtle (" in err and "expected a Turtle file of SHACL shapes" in err, err


DATA_CASES = {
    "duplicate-key": (
        lambda p: p.write_text(p.read_text(encoding="utf-8") + "people: []\n", encoding="utf-8"),
        "people.yaml:{last}: people: the key 'people' is given twice",
    ),
    "tab-indented": (
        lambda p: p.write_text(p.read_text(encoding="utf-8").replace("\n  ", "\n\t", 1), encoding="utf-8"),
        "people.yaml:{tab}: a tab at column 1: YAML indents with spaces only",
    ),
    "only-a-bom": (lambda p: p.write_text("\ufeff", encoding="utf-8"), "people.yaml:1: the file is empty"),
    "empty": (lambda p: p.write_bytes(b""), "people.yaml:1: the file is empty"),
    "folder": (_replace(lambda p: p.mkdir()), "people.yaml: this is a folder, not a file"),
    "fifo": (_replace(os.mkfifo), "people.yaml: this is a FIFO (named pipe), not a regular file"),
    "huge": (_huge, f"people.yaml: the file has {MAX_INPUT_FILE + 1:,} bytes"),
}


@pytest.mark.parametrize("case", sorted(DATA_CASES))
def test_a_data_file_that_is_not_well_formed_is_refused(
    project: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, said = DATA_CASES[case]
    file = project / "data" / "people.yaml"
    text = file.read_text(encoding="utf-8")
    make(file)
    said = said.format(last=text.count("\n") + 1, tab=text[: text.index("\n  ")].count("\n") + 2)
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"{project / 'data'}/{said}" in err and "Traceback" not in err, err


def test_a_government_participant_of_the_wrong_type_is_named(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each entry that is not a mapping is named, with its line (it ended in an AttributeError)."""
    file = sorted((project / "data" / "meetings").iterdir())[0]
    text = file.read_text(encoding="utf-8")
    entries = ["12345", "null", "[x]", "2017-02-28", "x y"]
    file.write_text(text + "government_participants:\n" + "".join(f"  - {e}\n" for e in entries), encoding="utf-8")
    first = text.count("\n") + 2
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for i, _entry in enumerate(entries):
        assert f"{file}:{first + i}: government_participants[{i}]: got " in err, err
        assert "expected a mapping with the keys person, body" in err


def test_the_reader_holds_a_file_to_its_limit(tmp_path: Path) -> None:
    file = tmp_path / "x.ttl"
    file.write_bytes(b"x" * 11)
    with pytest.raises(InputError, match="the file has 11 bytes, more than the 10"):
        read_input(file, max_bytes=10)
    assert read_input(file, max_bytes=11) == b"x" * 11


def _not_turtle(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\nthis is not Turtle\n", encoding="utf-8")


#: (what is done to ontology/roles.ttl, what the error says after the path, run in a child process)
ONTOLOGY_CASES = {
    "fifo": (_replace(os.mkfifo), ": the ontology file cannot be read (this is a FIFO (named pipe)", True),
    "dev-zero": (
        _replace(lambda p: p.symlink_to("/dev/zero")),
        ": the ontology file cannot be read (a link leading out of ontology/)",
        True,
    ),
    "outside": (
        _replace(lambda p: p.symlink_to("/etc/passwd")),
        ": the ontology file cannot be read (a link leading out of ontology/)",
        False,
    ),
    "folder": (
        _replace(lambda p: p.mkdir()),
        ": the ontology file cannot be read (this is a folder, not a file)",
        False,
    ),
    "empty": (
        lambda p: p.write_bytes(b""),
        ": the file holds no triples; expected a Turtle file of the ontology",
        False,
    ),
    "no-scheme": (
        lambda p: p.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8"),
        ": the file does not hold the concept scheme of roles",
        False,
    ),
    "not-turtle": (_not_turtle, ":{line}: not valid Turtle (", False),
    "huge": (_huge, f": the ontology file cannot be read (the file has {MAX_INPUT_FILE + 1:,} bytes", False),
}


def _run(project: Path, args: list[str], child: bool, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The exit code and stderr of ``sakrad-ld -C project …``; in a child process with a time limit
    where the command could hang or fill the memory, so that fails the test instead of blocking it."""
    if not child:
        code = main(["-C", str(project), *args])
        return code, capsys.readouterr().err
    program = "import sys; from sakrad_ld.cli import main; sys.exit(main(sys.argv[1:]))"
    try:
        done = subprocess.run(
            [sys.executable, "-c", program, "-C", str(project), *args], capture_output=True, text=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"sakrad-ld {' '.join(args)} still ran after 120 s: it waits on the file")
    return done.returncode, done.stderr


@pytest.mark.parametrize("case", sorted(ONTOLOGY_CASES))
@pytest.mark.parametrize("command", ["build", "validate"])
def test_an_ontology_file_that_is_not_one_is_refused_unread(
    project: Path, case: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, said, child = ONTOLOGY_CASES[case]
    file = project / "ontology" / "roles.ttl"
    line = file.read_text(encoding="utf-8").count("\n") + 2
    make(file)
    before = _release(project)
    args = ["--out", str(project / "dist")] if command == "build" else []
    code, err = _run(project, [command, *args], child, capsys)
    assert code == 2 and f"{file}{said.format(line=line)}" in err and "Traceback" not in err, err
    assert "root:x:" not in err  # nothing of a file elsewhere is quoted
    assert _release(project) == before


def test_a_file_of_900_unknown_keys_is_refused_in_a_few_lines(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file of many problems names its first problems and how many more there are, and is read
    no further once it is hopeless (100,000 unknown keys printed 100,001 lines, 62 MB, and held
    412 MB; a mapping of more than typedyaml.MAX_KEYS keys is now refused while it is composed,
    tests/test_yaml_limits.py)."""
    file = sorted((project / "data" / "meetings").iterdir())[0]
    first = file.read_text(encoding="utf-8").count("\n") + 1
    with open(file, "a", encoding="utf-8") as out:
        out.writelines(f"k{i}: 1\n" for i in range(900))
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(lines) == MAX_FILE_PROBLEMS + 1, err[:2000]
    for i, line in enumerate(lines[:-1]):
        assert line.startswith(f"error: {file}:{first + i}: k{i}: unknown key 'k{i}'"), line
    more = MAX_FILE_PROBLEMS + 1
    assert lines[-1].startswith(f"error: {file}:{first + MAX_FILE_PROBLEMS}: … and at least "), lines[-1]
    assert f"more problems in {file.name} from this line on (unknown key … ×" in lines[-1]
    assert "read no further" in lines[-1] and f"k{more}" not in err


def test_problems_past_the_cap_are_counted_by_kind(tmp_path: Path) -> None:
    """Under the hopeless mark every problem is counted; with no cap (listed=None) every one is named."""
    file = tmp_path / "x.yaml"
    keys = MAX_FILE_PROBLEMS + 5
    file.write_text("".join(f"k{i}: 1\n" for i in range(keys)), encoding="utf-8")
    node = compose_file(file)
    with pytest.raises(InputErrors) as refused:
        load_record(PeopleFile, node, file)
    said = [str(e) for e in refused.value.errors]
    assert len(said) == MAX_FILE_PROBLEMS + 1
    assert said[-1].startswith(f"{file}:{MAX_FILE_PROBLEMS + 1}: … and 5 more problems in x.yaml from this line on")
    assert "(unknown key … ×5)" in said[-1] and "read no further" not in said[-1]
    with pytest.raises(InputErrors) as every:
        load_record(PeopleFile, node, file, listed=None)
    assert len(every.value.errors) == keys


def test_a_website_whose_host_is_not_ascii_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'раураl.com' (Cyrillic) looks like paypal.com: a host is written in ASCII, IDNA's 'xn--' form."""
    file = project / "data" / "organisations.yaml"
    text = file.read_text(encoding="utf-8")
    line = text[: text.index("website: https://")].count("\n") + 1
    file.write_text(text.replace("website: https://www.socialforum.se/", "website: https://раураl.com/", 1))
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"{file}:{line}: organisations[" in err and "has a host that is not ASCII ('раураl.com')" in err, err
    assert "write it in its ASCII (IDNA) form, 'xn--l-7sba6dbr.com'" in err
    file.write_text(text.replace("https://www.socialforum.se/", "https://xn--l-7sba6dbr.com/", 1))
    assert main(["-C", str(project), "validate"]) == 0, capsys.readouterr().err


def test_a_meeting_file_with_an_upper_case_suffix_is_named(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Meeting files are *.yaml and *.yml: x.YAML is neither read as one nor passed over unsaid."""
    meeting = sorted((project / "data" / "meetings").iterdir())[0]
    upper = meeting.with_suffix(".YAML")
    meeting.rename(upper)
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"error: {upper}: the suffix of the file name is in upper case" in err, err
    assert f"rename it to {meeting.name}" in err and "Traceback" not in err
