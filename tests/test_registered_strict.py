"""A kept register copy is read strictly or refused, a source naming the kept list in any of GitHub's
address forms is held to the copy (at another version: refused), and a link's IRI must be of its
``register:`` at load, as ``links check`` holds it (registered.py, registers/links.py).

Each load case is a copy of the fixture project with the kept extract of Skatteverket's list (as
data/ keeps it) and one change."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import ROOT, change, fixture_project, refused

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.registered import MAX_JSON_DEPTH, kept_lists, not_of_register
from sakrad_ld.registers.extract import MIRROR
from sakrad_ld.registers.links import check_offline

ORGS = Path("data") / "organisations.yaml"
PEOPLE = Path("data") / "people.yaml"
SOURCES = Path("data") / "sources.yaml"
EXTRACT = "sources/skatteverket-godkanda-gavomottagare.json"
COMMIT = MIRROR["commit"]
PATH = "yaml/masterdata-skatteverket-godk%C3%A4nda-g%C3%A5vomottagare.yaml"
BLOB = f"https://github.com/cisene/swish-123/blob/{COMMIT}/{PATH}"
RAW = f"https://raw.githubusercontent.com/cisene/swish-123/{COMMIT}/{PATH}"
#: The path with decomposed ä and å, percent-escaped (data/ itself is read in NFKC: only escapes can hold it).
NFD = quote(unicodedata.normalize("NFD", "yaml/masterdata-skatteverket-godkända-gåvomottagare.yaml"))


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    project = fixture_project(tmp_path / "project")
    shutil.copy(ROOT / "data" / EXTRACT, project / "data" / EXTRACT)
    url = f"    url: {MIRROR['url']}\n"
    change(project / SOURCES, url, url + f"    file: {EXTRACT}\n")
    assert load_corpus(project / "data")
    return project


def _place(error: str) -> str:
    """The file and line a message begins with."""
    return error.split(": ", 1)[0]


def _extract(project: Path) -> Path:
    return project / "data" / EXTRACT


# --- the kept JSON extract: strict JSON of the expected shape, or refused ----------------------------

GOOD = (ROOT / "data" / EXTRACT).read_text(encoding="utf-8")
ROWS = ',\n  "organisations": ['

#: Extracts that cannot be read as expected, with a part of the refusal that says why.
UNREADABLE = {
    "deep-arrays": ("[" * 200_000 + "]" * 200_000, f"nested more than {MAX_JSON_DEPTH} levels deep (line 1, column"),
    "deep-in-the-list": (
        '{"organisations": ' + "[" * 100_000 + "]" * 100_000 + "}",
        f"nested more than {MAX_JSON_DEPTH} levels deep",
    ),
    "deep-objects": ('{"a": ' * 5_000 + "1" + "}" * 5_000, "levels deep"),
    "forty-deep-in-a-row": (
        GOOD.replace('"location": "Uppsala"', '"location": ' + "[" * 40 + "]" * 40, 1),
        f"nested more than {MAX_JSON_DEPTH} levels deep, at 'organisations[0].location[0][0]",
    ),
    "trailing-comma": (
        GOOD.replace('"location": "Uppsala"\n', '"location": "Uppsala",\n', 1),
        "Expecting property name enclosed in double quotes (line 14, column",
    ),
    "not-json": ("organisations: []\n", "Expecting value (line 1, column 1)"),
    "truncated": (GOOD[: len(GOOD) // 2], "(line "),
    "organisations-an-object": (
        '{"organisations": {"orgNumber": "1"}}',
        "'organisations' is a JSON object, not a list",
    ),
    "no-organisations": ('{"entries": []}', "no list 'organisations'"),
    "a-list": ("[]", "the file is a JSON array, not an object"),
    "a-row-not-an-object": ('{"organisations": ["802003-0832"]}', "organisations[0] is a JSON string, not an object"),
    "a-number-not-a-string": (
        '{"organisations": [{"orgNumber": 8020030832, "orgName": "Skyddsvärnet"}]}',
        "organisations[0].orgNumber is a JSON number, not a string",
    ),
    "no-name": ('{"organisations": [{"orgNumber": "802003-0832"}]}', "organisations[0].orgName is missing"),
    "duplicate-list": (
        GOOD.rstrip().removesuffix("}") + ', "organisations": [{"orgNumber": "802003-0832", "orgName": "Evil AB"}]}\n',
        "the key 'organisations' twice in one object",
    ),
    "duplicate-in-a-row": (
        GOOD.replace('"orgName": "Skyddsvärnet",', '"orgName": "Skyddsvärnet",\n      "orgName": "Evil AB",', 1),
        "the key 'orgName' twice in one object",
    ),
    "nan": (GOOD.replace('"expires": null', '"expires": NaN', 1), "NaN is not a JSON value"),
    "infinity": (GOOD.replace('"expires": null', '"expires": Infinity', 1), "Infinity is not a JSON value"),
    "too-large": (GOOD.replace('"expires": null', '"expires": 1e999', 1), "the number '1e999' is beyond a double"),
    "too-many-digits": (GOOD.replace('"expires": null', '"expires": ' + "9" * 5000, 1), "digits"),
    "empty": ("", "Expecting value (line 1, column 1)"),
    "minus-infinity": (GOOD.replace('"expires": null', '"expires": -Infinity', 1), "-Infinity is not a JSON value"),
}


@pytest.mark.parametrize("case", UNREADABLE)
def test_an_extract_that_cannot_be_read_as_expected_is_refused_naming_the_file(listed: Path, case: str) -> None:
    text, why = UNREADABLE[case]
    _extract(listed).write_text(text, encoding="utf-8")
    errors = [e for e in refused(listed) if "the kept register copy is not as expected" in e]
    assert len(errors) == 1, refused(listed)
    assert _place(errors[0]).split(":")[0].endswith(str(Path("data") / EXTRACT)), errors[0]
    assert why in errors[0], errors[0]
    assert "source 'skatteverket-godkanda-gavomottagare'" in errors[0] and "strict JSON (RFC 8259)" in errors[0]


def test_the_line_of_a_json_error_is_the_errors_place(listed: Path) -> None:
    text, _ = UNREADABLE["trailing-comma"]
    _extract(listed).write_text(text, encoding="utf-8")
    errors = [e for e in refused(listed) if "the kept register copy" in e]
    assert errors and _place(errors[0]).endswith(f"{Path('data') / EXTRACT}:14"), errors


def test_a_broken_extract_does_not_turn_the_number_check_off(listed: Path) -> None:
    # the finding's j_bad: a number the list does not hold, and a trailing comma in the extract
    change(listed / ORGS, "802003-0832", "802009-1008")
    _extract(listed).write_text(UNREADABLE["trailing-comma"][0], encoding="utf-8")
    assert [e for e in refused(listed) if "the kept register copy is not as expected" in e]


def test_a_deep_extract_is_exit_2_without_a_traceback(listed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _extract(listed).write_text(UNREADABLE["deep-arrays"][0], encoding="utf-8")
    assert main(["-C", str(listed), "validate"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RecursionError" not in err
    assert EXTRACT in err and "levels deep" in err


def test_an_empty_list_holds_every_number_credited_to_it(listed: Path) -> None:
    # organisations: [] is the expected shape: it holds no number, so none read in the list is confirmed
    _extract(listed).write_text('{"organisations": []}\n', encoding="utf-8")
    assert [e for e in refused(listed) if "is not in the register copy the project keeps" in e]


def test_the_kept_extract_as_data_keeps_it_reads_whole() -> None:
    corpus = load_corpus(ROOT / "data")
    lists = kept_lists(corpus)
    assert len(lists) == 1
    ((_, file, entries),) = lists.values()
    assert file == EXTRACT and len(entries) == len(json.loads(GOOD)["organisations"])


def test_a_register_copy_in_rdf_that_does_not_parse_is_refused(listed: Path) -> None:
    ttl = listed / "data" / "sources" / "lagrummet-org.ttl"
    text = ttl.read_text(encoding="utf-8")
    lines = text.count("\n")
    ttl.write_text(text + '<http://rinfo.lagrummet.se/org/x> <http://xmlns.com/foaf/0.1/name> "x" \n', "utf-8")
    errors = [e for e in refused(listed) if "the kept register copy is not" in e]
    assert len(errors) == 1, refused(listed)
    file, line = _place(errors[0]).rsplit(":", 1)
    assert file.endswith(str(Path("data") / "sources" / "lagrummet-org.ttl")) and int(line) > lines, errors[0]
    assert f"line {line}" in errors[0]  # the parser's own place
    assert "source 'lagrummet-organisationer'" in errors[0]


# --- a source naming the list in any address form is held to the kept copy ---------------------------

#: The kept list at the kept commit, in other spellings: held to the copy (252002-6564 is not in it).
AT_THE_KEPT_COMMIT = {
    "raw-host": RAW,
    "github-raw": BLOB.replace("/blob/", "/raw/"),
    "blame": BLOB.replace("/blob/", "/blame/"),
    "decomposed-escaped": BLOB.replace("godk%C3%A4nda", "godka%CC%88nda").replace("g%C3%A5vo", "ga%CC%8Avo"),
    "trailing-slash": BLOB + "/",
    "double-slash": BLOB.replace(f"{COMMIT}/", f"{COMMIT}//"),
    "http-www-port": BLOB.replace("https://github.com", "http://WWW.GitHub.com:443"),
    "upper-commit": BLOB.replace(COMMIT, COMMIT.upper()),
    "path-case": BLOB.replace("masterdata", "Masterdata"),
    "query-fragment": BLOB + "?raw=true#L3",
    "media": f"https://media.githubusercontent.com/media/cisene/swish-123/{COMMIT}/{PATH}",
}
#: The kept list at another version: refused, the copy cannot confirm it.
AT_ANOTHER_VERSION = {
    "short-commit": (BLOB.replace(COMMIT, COMMIT[:7]), f"'{COMMIT[:7]}'"),
    "branch": (BLOB.replace(COMMIT, "main"), "'main'"),
    "raw-branch": (RAW.replace(COMMIT, "refs/heads/main"), "'refs/heads/main'"),
    "github-raw-branch": (BLOB.replace(f"blob/{COMMIT}", "raw/master"), "'master'"),
    "other-commit": (BLOB.replace(COMMIT, "1" * 40), f"'{'1' * 40}'"),
    "branch-nfd": (f"https://github.com/cisene/swish-123/blob/main/{NFD}", "'main'"),
}


def _number(project: Path, source: str, value: str = "252002-6564") -> int:
    """Gives Blekinge Idrottsförbund an organisation number read in ``source``; returns the source's line."""
    line = change(
        project / ORGS,
        "    name: Blekinge Idrottsförbund\n",
        "    name: Blekinge Idrottsförbund\n    identifiers:\n      - scheme: orgnr\n"
        f"        value: '{value}'\n        source: {source}\n        status: secondary\n",
    )
    return line + 4


@pytest.mark.parametrize("source", AT_THE_KEPT_COMMIT.values(), ids=AT_THE_KEPT_COMMIT)
def test_the_list_at_the_kept_commit_in_any_spelling_is_held_to_the_copy(listed: Path, source: str) -> None:
    _number(listed, source)
    errors = [e for e in refused(listed) if "252002-6564" in e]
    assert len(errors) == 1, refused(listed)
    assert f"is not in the register copy the project keeps ({EXTRACT}" in errors[0]


@pytest.mark.parametrize("case", AT_ANOTHER_VERSION)
def test_the_list_at_another_version_is_refused(listed: Path, case: str) -> None:
    source, version = AT_ANOTHER_VERSION[case]
    line = _number(listed, source)
    errors = [e for e in refused(listed) if "252002-6564" in e]
    assert len(errors) == 1, refused(listed)
    assert f"organisations.yaml:{line}: " in errors[0] and "identifiers[0].source" in errors[0], errors[0]
    assert f"at {version}" in errors[0] and "the copy cannot confirm" in errors[0], errors[0]


def test_a_number_the_copy_holds_is_refused_at_another_version_too(listed: Path) -> None:
    text = (listed / ORGS).read_text(encoding="utf-8")
    at = text.index("  - id: skyddsvarnet")
    s = text.index("source: ", text.index("identifiers:", at))
    end = text.index("\n", s)
    assert "swish-123" in text[s:end]
    (listed / ORGS).write_text(text[:s] + "source: " + BLOB.replace(COMMIT, "main") + text[end:], encoding="utf-8")
    errors = [e for e in refused(listed) if "802003-0832" in e]
    assert len(errors) == 1 and "at 'main'" in errors[0], refused(listed)


@pytest.mark.parametrize(
    "source",
    [
        f"https://github.com/cisene/swish-123/blob/{COMMIT}/yaml/entries.yaml",
        f"https://github.com/someone/swish-123/blob/{COMMIT}/{PATH}",
        f"https://github.com/cisene/swish-123/blob/{COMMIT}/{PATH}/more",
        f"https://example.org/cisene/swish-123/blob/{COMMIT}/{PATH}",
    ],
    ids=["another-file", "another-repository", "beyond-the-file", "another-host"],
)
def test_a_source_that_is_not_the_list_is_not_held_to_it(listed: Path, source: str) -> None:
    _number(listed, source)
    assert load_corpus(listed / "data")


# --- a link's IRI is of its register, at load as in `links check` -------------------------------------

LAGRUMMET_FILE = (
    "https://github.com/rinfo/rdl/blob/c42b88bcaf6b0c5b1669ff1bc5dd4e756ce8c628/resources/base/datasets/org/"
    "departement.n3"
)


@pytest.mark.parametrize(
    ("register", "iri", "source", "status"),
    [
        ("lagrummet", "http://www.wikidata.org/entity/Q3369258", LAGRUMMET_FILE, "register-copy"),
        ("lagrummet", "http://www.wikidata.org/entity/Q3369258", LAGRUMMET_FILE, "secondary"),
        ("wikidata", "http://rinfo.lagrummet.se/org/regeringskansliet", LAGRUMMET_FILE, "secondary"),
        ("wikidata", "https://www.wikidata.org/entity/Q3369258", None, "secondary"),
        ("wikidata", "http://www.wikidata.org/wiki/Q3369258", None, "secondary"),
    ],
    ids=["wikidata-as-lagrummet-copy", "wikidata-as-lagrummet", "lagrummet-as-wikidata", "https", "wiki-page"],
)
def test_a_link_whose_iri_is_not_of_its_register_is_refused_at_load(
    listed: Path, register: str, iri: str, source: str | None, status: str
) -> None:
    old = (
        "      - register: wikidata\n        iri: http://www.wikidata.org/entity/Q3369258\n"
        "        source: https://github.com/everypolitician/"
    )
    text = (listed / PEOPLE).read_text(encoding="utf-8")
    at = text.index(old)
    end = text.index("status: secondary\n", at) + len("status: secondary\n")
    src = source or text[text.index("source: ", at) + 8 : text.index("\n", text.index("source: ", at))]
    link = f"      - register: {register}\n        iri: {iri}\n        source: {src}\n        status: {status}\n"
    (listed / PEOPLE).write_text(text[:at] + link + text[end:], encoding="utf-8")
    line = text.count("\n", 0, at) + 2
    errors = [e for e in refused(listed) if "IRI;" in e]
    assert len(errors) == 1, refused(listed)
    assert f"people.yaml:{line}: " in errors[0] and "links[0].iri" in errors[0], errors[0]
    assert f"{iri!r} is not a {register} IRI" in errors[0]
    # the same words as `links check`, whose check this is
    offline = [str(p) for p in check_offline(listed / "data") if "IRI;" in str(p)]
    assert len(offline) == 1 and not_of_register(iri, register) in offline[0]
    assert not_of_register(iri, register) in errors[0]


def test_a_link_of_its_register_passes_the_shared_check() -> None:
    assert not_of_register("http://www.wikidata.org/entity/Q3369258", "wikidata") is None
    assert not_of_register("http://rinfo.lagrummet.se/org/regeringskansliet", "lagrummet") is None
    assert not_of_register("http://rinfo.lagrummet.se/org/regeringskansliet", "dataportal")
