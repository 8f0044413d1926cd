"""Safety of what the commands read and write.

* ``links check`` and ``links reconcile`` read no file of data/ that leads out of it (a link, or a
  folder on the way that is one), as loading reads none: exit 2, the file named, nothing read or written.
* ``schema --out`` writes only into a new or an empty folder or one of its own schemas: never the
  project, its data/, a release, an export, a user's folder, through a link or over a file that is not
  a schema it wrote; a run killed between its renames leaves every file whole, and the next run works.
* The reconciliation's proposals are never written into data/ or a release (``write_proposals``).
* The JSON Schemas say ``uniqueItems`` for exactly the lists in which loading refuses an item listed
  twice: every list of every file of ``data/`` and the fixture project is given its first item again,
  and the loader's refusal ("listed twice") is compared with a JSON Schema validator's (jsonschema).
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import copy_project

from sakrad_ld.cli import main
from sakrad_ld.corpus import schema_files, schema_sources, schemas
from sakrad_ld.errors import InputError, InputErrors, SakradError
from sakrad_ld.registers.links import data_file
from sakrad_ld.registers.reconcile import write_proposals
from sakrad_ld.schemafolder import write_schemas
from sakrad_ld.typedyaml import load_record

ROOT = Path(__file__).resolve().parents[1]
DATA_FOLDERS = [ROOT / "data", ROOT / "tests" / "fixtures" / "project" / "data"]


class _TextDates(yaml.SafeLoader):
    """YAML as JSON Schema sees it: dates are the loader's texts."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _lists(doc: Any, at: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every list in ``doc`` that has an item."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _lists(value, (*at, key))
    elif isinstance(doc, list):
        if doc:
            yield at
        for i, value in enumerate(doc):
            yield from _lists(value, (*at, i))


def _at(doc: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def _field(path: tuple[str | int, ...]) -> str:
    """A path as the loader's messages name a field: ``meetings[0].organisations[3]``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _errors(validator: jsonschema.protocols.Validator, doc: Any) -> Iterator[jsonschema.ValidationError]:
    """Every error the validator finds, with those under anyOf (a text given as text or as a record)."""
    todo = list(validator.iter_errors(doc))
    while todo:
        error = todo.pop()
        yield error
        todo.extend(error.context or ())


def _marked(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every array unique and named by its place in the schema (``$comment``)."""
    marked = copy.deepcopy(schema)

    def walk(node: Any, at: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "array":
                node["uniqueItems"], node["$comment"] = True, at
            for key, value in node.items():
                walk(value, f"{at}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{at}/{i}")

    walk(marked, "")
    return marked


def _arrays(schema: dict[str, Any]) -> dict[str, bool]:
    """Each array of ``schema`` by its place, and whether it says ``uniqueItems``."""
    found: dict[str, bool] = {}

    def walk(node: Any, at: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "array":
                found[at] = node.get("uniqueItems") is True
            for key, value in node.items():
                walk(value, f"{at}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{at}/{i}")

    walk(schema, "")
    return found


def _refused_twice(cls: type, doc: Any, file: Path, field: str) -> bool:
    """Whether loading ``doc`` (as YAML) refuses an item of the list at ``field`` as listed twice;
    fails on any other refusal."""
    text = yaml.dump(doc, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    try:
        load_record(cls, yaml.compose(text, Loader=yaml.SafeLoader), file)
    except (InputError, InputErrors) as refused:
        errors = refused.errors if isinstance(refused, InputErrors) else [refused]
        twice = [e for e in errors if "listed twice" in e.problem]
        assert len(twice) == len(errors), [str(e) for e in errors]
        assert all(e.where.field.startswith(f"{field}[") for e in twice), [str(e) for e in twice]
        return bool(twice)
    return False


#: Lists no file of the data holds, added to a copy of a real record.
_ADDED = {
    "organisations.yaml": (
        "organisations",
        {
            "links": [
                {
                    "register": "wikidata",
                    "iri": "http://www.wikidata.org/entity/Q1",
                    "source": "https://www.wikidata.org/wiki/Q1",
                    "status": "secondary",
                }
            ]
        },
    ),
    "people.yaml": ("people", {"fact_sources": [{"facts": ["member_of", "name.en"], "source": "a-source"}]}),
}


def _cases() -> list[tuple[str, str, Path, bool]]:
    """(pattern, name, file, with the lists of :data:`_ADDED`) for every data file."""
    found = [
        (p, str(f.relative_to(ROOT)), f, False)
        for d in DATA_FOLDERS
        for p in schema_sources()
        for f in sorted(d.glob(p))
    ]
    return found + [
        (p, f"{ROOT.name}/data/{p} with {', '.join(_ADDED[p][1])}", ROOT / "data" / p, True) for p in _ADDED
    ]


#: The schema's arrays a list of the data has exercised: (schema name, place) -> uniqueItems said.
_EXERCISED: dict[tuple[str, str], bool] = {}


@pytest.mark.parametrize(("pattern", "name", "file", "added"), _cases(), ids=[c[1] for c in _cases()])
def test_unique_items_where_loading_refuses_an_item_twice(pattern: str, name: str, file: Path, added: bool) -> None:
    cls, schema_name = schema_sources()[pattern]
    schema = schemas()[schema_name]
    real = jsonschema.Draft202012Validator(schema)
    marked = jsonschema.Draft202012Validator(_marked(schema))
    arrays = _arrays(schema)
    doc = yaml.load(file.read_text(encoding="utf-8"), Loader=_TextDates)
    if added:
        key, fields = _ADDED[pattern]
        doc[key][0].update(copy.deepcopy(fields))
    assert not list(real.iter_errors(doc)) and _refused_twice(cls, doc, file, "") is False
    for path in _lists(doc):
        twice = copy.deepcopy(doc)
        listed = _at(twice, path)
        listed.append(copy.deepcopy(listed[0]))
        places = {e.schema["$comment"] for e in _errors(marked, twice) if e.validator == "uniqueItems"}
        assert len(places) == 1, (path, places)  # the array of the schema this list is
        place = places.pop()
        refused = _refused_twice(cls, twice, file, _field(path))
        said = any(e.validator == "uniqueItems" and tuple(e.absolute_path) == path for e in _errors(real, twice))
        assert said == refused == arrays[place], (_field(path), place, said, refused)
        _EXERCISED[schema_name, place] = arrays[place]


def test_every_array_of_the_schemas_was_exercised() -> None:
    """The test above met every array of the schemas in the data, so each was compared; run after it."""
    if not _EXERCISED:
        pytest.skip("run with the test above")
    missing = sorted((name, at) for name, s in schemas().items() for at in _arrays(s) if (name, at) not in _EXERCISED)
    assert not missing, json.dumps(missing, indent=1)


# --- links check, links reconcile: no file of data/ that leads out of it ----------------------------

SECRET = "the-secret-line-of-a-file-outside-data"


def _tree(folder: Path) -> dict[str, bytes | str]:
    """Every path below ``folder``: a file's bytes, a link's target, a folder's mark."""
    out: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        out[name] = os.readlink(path) if path.is_symlink() else "folder" if path.is_dir() else path.read_bytes()
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    (tmp_path / "outside").mkdir()
    return project


def _lead_out(project: Path, name: str, content: str) -> Path:
    """``project/data/name`` made a link to a file outside data/ holding ``content`` and the secret."""
    outside = project.parent / "outside" / Path(name).name
    outside.write_text(content + f"# {SECRET}\n", encoding="utf-8")
    path = project / "data" / name
    path.unlink()
    path.symlink_to(os.path.relpath(outside, path.parent))
    return path


@pytest.mark.parametrize("name", ["organisations.yaml", "bodies.yaml", "people.yaml", "sources/lagrummet-org.ttl"])
def test_links_check_refuses_a_data_file_leading_out_of_data(
    project: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    content = (project / "data" / name).read_text(encoding="utf-8")
    _lead_out(project, name, content)
    assert main(["-C", str(project), "links", "check"]) == 2
    err = capsys.readouterr().err
    assert f"data/{name}: a link leading out of data/; expected a file in data/" in err, err
    assert SECRET not in err and "Traceback" not in err


def test_links_check_refuses_a_data_folder_on_the_way_leading_out(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = project / "data" / "sources"
    shutil.move(sources, project.parent / "outside" / "sources")
    sources.symlink_to(project.parent / "outside" / "sources")
    assert main(["-C", str(project), "links", "check"]) == 2
    assert "data/sources/lagrummet-org.ttl: a link leading out of data/" in capsys.readouterr().err


def test_links_check_names_the_line_of_an_extract_that_is_not_turtle(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "data" / "sources" / "lagrummet-org.ttl").write_text(
        "@prefix x: <http://x/> .\nx:a x:b ] .\nx:c x:d x:e .\n"
    )
    assert main(["-C", str(project), "links", "check"]) == 2
    err = capsys.readouterr().err
    assert "data/sources/lagrummet-org.ttl:2: not Turtle:" in err and "Traceback" not in err, err


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../outside/x.yaml", "the path leaves data/"),
        ("/etc/passwd", "the path leaves data/"),
        ("meetings", "this is a folder, not a file"),
        ("nowhere.yaml", None),
    ],
)
def test_a_data_file_is_a_file_below_data(project: Path, name: str, problem: str | None) -> None:
    data = project / "data"
    if problem is None:
        assert data_file(data, name) is None  # nothing there: nothing to read
        (data / name).symlink_to("missing.yaml")
        problem = "a link to nothing"
    with pytest.raises(InputError) as refused:
        data_file(data, name)
    assert refused.value.problem.startswith(problem) and refused.value.where.file == data / name


def test_reconcile_refuses_organisations_leading_out_of_data(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = (project / "data" / "organisations.yaml").read_text(encoding="utf-8")
    _lead_out(project, "organisations.yaml", content)
    register = tmp_path / "register.csv"
    register.write_text("name,orgnr\nFrälsningsarmén,802006-1688\n", encoding="utf-8")
    out = tmp_path / "proposals.yaml"
    args = ["-C", str(project), "links", "reconcile", "--register", str(register), "--out", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "data/organisations.yaml: a link leading out of data/" in err, err
    assert SECRET not in err and "Traceback" not in err and not out.exists()


@pytest.mark.parametrize("out", ["data/organisations.yaml", "data/new.yaml", "shapes/x.yaml", "dist/x.yaml", "link"])
def test_proposals_are_never_written_into_data_or_a_release(project: Path, out: str) -> None:
    release = project / "dist.releases" / "0123"
    release.mkdir(parents=True)
    (project / "dist").symlink_to("dist.releases/0123")
    (project / "link").symlink_to("data/organisations.yaml")
    before = _tree(project)
    with pytest.raises(SakradError, match="nothing was written"):
        write_proposals(project / out, "# Proposals\n", project)
    assert _tree(project) == before


def test_proposals_are_written_beside_the_project(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "proposals.yaml"
    write_proposals(out, "# Proposals\n", project)
    assert out.read_text(encoding="utf-8") == "# Proposals\n"
    with pytest.raises(SakradError, match="a folder, not a file"):
        write_proposals(tmp_path, "# Proposals\n", project)


# --- schema --out ----------------------------------------------------------------------------------


def _places(project: Path) -> None:
    """A release dist (a link to its folder in the store), a release and an export elsewhere, a folder
    of a person's, a link to a folder, and folders whose schema names are a link, a folder, a file."""
    store = project / "dist.releases" / "0123"
    (store / "schema").mkdir(parents=True)
    for name in ("SHA256SUMS", "manifest.json"):
        (store / name).write_text("{}\n")
    (project / "dist").symlink_to("dist.releases/0123")
    shutil.copytree(store, project.parent / "elsewhere-release")
    (project.parent / "site" / "nginx").mkdir(parents=True)
    (project.parent / "site" / "nginx" / "sakrad-export").write_text("mark\n")
    (project.parent / "notes").mkdir()
    (project.parent / "notes" / "todo.txt").write_text("mine\n")
    (project.parent / "to-notes").symlink_to("notes")
    for kind in ("link", "folder", "other"):
        folder = project.parent / f"schema-{kind}"
        folder.mkdir()
        target = folder / "meeting.schema.json"
        if kind == "link":
            target.symlink_to(project / "data" / "people.yaml")
        elif kind == "folder":
            target.mkdir()
        else:
            target.write_text('{"$id": "https://example.org/their-own"}\n')


REFUSED = {
    ".": "is the project folder",
    "..": "holds the project folder",
    "data": "is the project's data/ folder",
    "data/meetings": "is inside the project's data/ folder",
    "ontology/schema": "is inside the project's ontology/ folder",
    "dist": "is the release dist",
    "dist/schema": "is inside the release dist",
    "dist.releases/0123/schema": "is inside the release dist",
    "../elsewhere-release/schema": "is or lies inside a release",
    "../site/schema": "is or lies inside a site sakrad-ld exported",
    "../notes": "a folder with todo.txt in it, which is not a JSON Schema sakrad-ld wrote",
    "../notes/todo.txt": "a file, not a folder",
    "../to-notes": "a symbolic link (to notes)",
    "../schema-link": "meeting.schema.json is there, and it is not a JSON Schema sakrad-ld wrote",
    "../schema-folder": "meeting.schema.json is there, and it is not a JSON Schema sakrad-ld wrote",
    "../schema-other": "meeting.schema.json is there, and it is not a JSON Schema sakrad-ld wrote",
}


@pytest.mark.parametrize("out", sorted(REFUSED))
def test_schema_out_refuses_what_is_not_its_own(
    project: Path, out: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _places(project)
    monkeypatch.chdir(project)
    before = _tree(project.parent)
    assert main(["schema", "--out", out]) == 2
    err = capsys.readouterr().err
    assert f"error: --out {out}: " in err and REFUSED[out] in err and "nothing was written" in err, err
    assert "Traceback" not in err
    assert _tree(project.parent) == before


def test_schema_out_writes_a_new_an_empty_and_its_own_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    expected = {name: data for name, data in schema_files().items()}
    assert main(["schema"]) == 0 and _tree(project / "schema") == expected  # new, inside the project
    (project / "schema" / "people.schema.json").write_bytes(b'{"$id": "https://w3id.org/sakrad/schema/old"}')
    (project / "schema" / "old.schema.json").write_bytes(b'{"$id": "https://w3id.org/sakrad/schema/old"}')
    assert main(["schema"]) == 0  # its own schemas, an earlier one's too: replaced, kept
    assert _tree(project / "schema") == {
        **expected,
        "old.schema.json": b'{"$id": "https://w3id.org/sakrad/schema/old"}',
    }
    (project.parent / "empty").mkdir()
    assert main(["schema", "--out", "../empty"]) == 0 and _tree(project.parent / "empty") == expected


def test_a_killed_schema_run_leaves_every_file_whole(project: Path, tmp_path: Path) -> None:
    """A run killed (SIGKILL) between its renames: each file the old or the new, whole; the next run
    removes the temporaries it left and writes them all."""
    out = tmp_path / "schema"
    new = schema_files()
    old = {name: data.replace(b'"title": "', b'"title": "old ') for name, data in new.items()}
    assert old != new
    out.mkdir()
    for name, data in old.items():
        (out / name).write_bytes(data)
    pid = os.fork()
    if pid == 0:
        try:
            real, done = os.replace, []

            def replace(src: object, dst: object) -> None:
                if len(done) == 2:
                    os.kill(os.getpid(), signal.SIGKILL)
                real(src, dst)  # type: ignore[arg-type]
                done.append(dst)

            os.replace = replace  # type: ignore[assignment]
            write_schemas(out, tmp_path / "project")
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    left = _tree(out)
    whole = {name: left[name] for name in new}
    assert sum(whole[n] == new[n] for n in new) == 2 and all(whole[n] in (old[n], new[n]) for n in new)
    assert len(left) > len(new)  # the temporaries of the files not yet renamed
    write_schemas(out, tmp_path / "project")
    assert _tree(out) == new
