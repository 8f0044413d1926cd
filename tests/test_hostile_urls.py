"""A URL field whose value matches the loose http(s) pattern but is no IRI a release can hold (a
'%' that begins no escape, a second '#', an unclosed '[', two '@', no host, a port past 65535, a
'..' segment) is refused where the records are read: `validate` and `build` both exit 2 naming the
file, the line and the field, with no traceback (`build` crashed in the catalogue, `validate` said
the data conforms). Every field of the Url type is tried."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_project

from sakrad_ld.cli import main
from sakrad_ld.errors import InputErrors
from sakrad_ld.records import _url_test

BAD = {
    "percent-zz": "https://en.wikipedia.org/wiki/%zz",
    "percent-one-digit": "https://en.wikipedia.org/wiki/%a",
    "two-hashes": "https://en.wikipedia.org/wiki/a#b#c",
    "unclosed-bracket": "http://[::1",
    "bracket-in-path": "https://a.example/x[1]",
    "two-at": "http://a@b@c/",
    "user-part": "https://user:secret@www.regeringen.se/",
    "port-too-large": "http://a:99999999999/",
    "port-65536": "https://www.regeringen.se:65536/",
    "port-sign": "https://www.regeringen.se:+80/",
    "no-host": "http:///x",
    "empty-host-port": "http://:80/x",
    "dot-dot": "https://en.wikipedia.org/wiki/../../../etc/passwd",
    "encoded-dot-dot": "https://en.wikipedia.org/wiki/%2E%2e/x",
    "dot": "https://en.wikipedia.org/./wiki",
    "bad-ipv6": "http://[::zz]/",
}
GOOD = [
    "https://www.regeringen.se/",
    "http://[::1]:8080/a",
    "https://sv.wikipedia.org/wiki/G%C3%B6teborg",
    "https://sv.wikipedia.org/wiki/Göteborg",
    "https://www.regeringen.se/a?b=c&d=%20#frag",
    "https://a.example:65535/..x/.y",
    "http://a:/",
]

#: (file of data/, field, None to change the field's first line, or the line a contact point is put before)
FIELDS = {
    "Source.url": ("sources.yaml", "url", None),
    "Body.website": ("bodies.yaml", "website", None),
    "Link.iri": ("bodies.yaml", "iri", None),
    "Link.source": ("bodies.yaml", "source", None),
    "Organisation.website": ("organisations.yaml", "website", None),
    "Identifier.source": ("organisations.yaml", "source", None),
    "Agent.homepage": ("dataset.yaml", "homepage", None),
    "ContactPoint.url": ("dataset.yaml", "url", "licence: "),
    "DatasetConfig.base_iri": ("dataset.yaml", "base_iri", None),
    "DatasetConfig.licence": ("dataset.yaml", "licence", None),
    "DatasetConfig.download_base": ("dataset.yaml", "download_base", None),
    "DatasetConfig.sparql_endpoint": ("dataset.yaml", "sparql_endpoint", None),
    "DatasetConfig.spatial": ("dataset.yaml", "-", None),
}


def _put(project: Path, file: str, name: str, before: str | None, value: str) -> int:
    """Sets the first ``name: http…`` line of ``file`` to ``value`` (or puts a contact point with
    that ``url`` before the first line starting with ``before``); returns the value's line."""
    path = project / "data" / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if before is not None:
        at = next(i for i, line in enumerate(lines) if line.startswith(before))
        lines[at:at] = [
            "contact_point:\n",
            "  id: contact\n",
            "  name: {sv: Kontakt, en: Contact}\n",
            "  email: kontakt@example.org\n",
            f"  {name}: {value!r}\n",
        ]
        at += 4
    else:
        key = r"- " if name == "-" else rf"(?:- )?{re.escape(name)}: "
        at = next(i for i, line in enumerate(lines) if re.match(rf"\s*{key}https?://", line))
        head = re.match(rf"(\s*{key})", lines[at]).group(1)  # type: ignore[union-attr]
        lines[at] = f"{head}{value!r}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


@pytest.mark.parametrize("value", BAD.values(), ids=BAD.keys())
def test_the_url_check_refuses_what_is_no_iri(value: str) -> None:
    assert _url_test(value), value


@pytest.mark.parametrize("value", GOOD)
def test_the_url_check_accepts_an_iri(value: str) -> None:
    assert _url_test(value) is None


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("urls") / "project")


def _copy(pristine: Path, dest: Path) -> Path:
    import shutil

    shutil.copytree(pristine, dest)
    return dest


def _refused(project: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["-C", str(project), *command]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("field", FIELDS, ids=FIELDS.keys())
def test_every_url_field_is_refused_in_validate_and_build(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str
) -> None:
    file, name, after = FIELDS[field]
    project = _copy(pristine, tmp_path / "p")
    line = _put(project, file, name, after, BAD["percent-zz"])
    for command in (["validate"], ["build", "--out", str(tmp_path / "dist")]):
        err = _refused(project, command, capsys)
        assert re.search(rf"{re.escape(file)}:{line}: \S*{re.escape(name if name != '-' else 'spatial')}", err), err
        assert "'%zz'" in err and "expected an http(s) URL" in err, err
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize("value", BAD.values(), ids=BAD.keys())
def test_every_case_is_refused_in_validate_and_build(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    project = _copy(pristine, tmp_path / "p")
    line = _put(project, "sources.yaml", "url", None, value)
    for command in (["validate"], ["build", "--out", str(tmp_path / "dist")]):
        err = _refused(project, command, capsys)
        assert f"sources.yaml:{line}: sources[" in err and "].url: " in err, err
        assert _url_test(value) in err  # the reason, as the check words it
    assert not (tmp_path / "dist").exists()


def test_the_checked_data_holds_only_urls_the_check_accepts(pristine: Path) -> None:
    from sakrad_ld.corpus import load_corpus

    try:
        load_corpus(pristine / "data")
    except InputErrors as errors:  # pragma: no cover - shows what fails
        raise AssertionError(str(errors)) from None
