"""Links to public registers held to what their sources can show (attested.py, registered.py,
records.py, registers/links.py, registers/status.py, registers/register.py).

- a personal identity number, or a number of group 0, 1 or 4, is no organisation number: loading and
  ``links check`` refuse it, and a legal name's form must fit the number's group;
- ``status: register`` for an organisation number needs a page that shows the number (its address, or
  the kept text of the source with that address); SCB's register confirms only group 2;
- a Lagrummet ``register-copy`` link cites the file, at the commit, its entry was copied from;
- a Wikidata page confirms only on www.wikidata.org or m.wikidata.org, the item's page as the whole
  path, or the revision's permanent link;
- a second identifier of one scheme, or link to one register, on one record is refused at its line;
- ``links reconcile`` holds back entries the register marks ended in more words, with an unknown
  status, with free text beside them (YAML fields and RDF notes) or an end date not written ISO.

Each load case is a copy of the fixture project with one change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit_data, fixture_project, refusals

from sakrad_ld.attested import named_item, register_source_problem
from sakrad_ld.corpus import load_corpus
from sakrad_ld.registers.links import check_offline
from sakrad_ld.registers.names import legal_forms
from sakrad_ld.registers.register import read_register
from sakrad_ld.registers.status import caveats, entry_status

IGITEGO = "    name: IGITEGO\n"
MIRROR = (
    "https://github.com/cisene/swish-123/blob/0cefe4d4a1671ccc13670d63bea043893b79d403/yaml/"
    "masterdata-skatteverket-godk%C3%A4nda-g%C3%A5vomottagare.yaml"
)
RINFO = "https://github.com/rinfo/rdl/blob/{commit}/resources/base/datasets/org/{file}"
MYND, DEPT = "6c0e6c5da5e90265e1c9c0cc62a376d6b55d4ab1", "c42b88bcaf6b0c5b1669ff1bc5dd4e756ce8c628"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _identifiers(project: Path, *items: tuple[str, str, str], legal_name: str | None = None) -> int:
    """IGITEGO given the identifiers ``items`` (value, source, status); the line of the first value."""
    text = IGITEGO + (f"    legal_name: {legal_name}\n" if legal_name else "") + "    identifiers:\n"
    for value, source, status in items:
        text += f"      - scheme: orgnr\n        value: {value}\n        source: {source}\n        status: {status}\n"
    path = project / "data" / "organisations.yaml"
    before = path.read_text(encoding="utf-8")
    edit_data(project, "organisations.yaml", IGITEGO, text)
    return before[: before.index(IGITEGO)].count("\n") + 1 + (3 if legal_name else 2) + 1


def _one(project: Path, part: str):  # noqa: ANN202
    found = [e for e in refusals(project) if part in e.problem]
    assert len(found) == 1, [str(e) for e in refusals(project)]
    return found[0]


def _offline(project: Path, part: str) -> list:
    return [p for p in check_offline(project / "data") if part in p.message]


# --- 1. numbers that are no organisation's ------------------------------------------------------------

NOT_ORGANISATIONS = {
    "personnummer": ("640823-3234", "personal identity number"),
    "group-0": ("024400-1236", "group 0"),
    "group-1": ("124400-1234", "group 1"),
    "group-4": ("424400-1238", "group 4"),
}


@pytest.mark.parametrize("status", ["register", "secondary"])
@pytest.mark.parametrize(("value", "said"), NOT_ORGANISATIONS.values(), ids=NOT_ORGANISATIONS.keys())
def test_a_number_that_is_no_organisations_is_refused(project: Path, value: str, said: str, status: str) -> None:
    source = f"https://www.skatteverket.se/{value}" if status == "register" else MIRROR
    line = _identifiers(project, (value, source, status))
    error = _one(project, said)
    assert (error.where.file.name, error.where.line) == ("organisations.yaml", line)
    assert error.where.field.endswith("identifiers[0].value") and "organisation number" in error.expected
    (problem,) = _offline(project, said)
    assert (problem.where.line, problem.where.field) == (line, error.where.field)


def test_a_legal_name_whose_form_the_number_contradicts_is_refused(project: Path) -> None:
    line = _identifiers(project, ("702400-1237", MIRROR, "secondary"), legal_name="Stiftelsen IGITEGO")
    error = _one(project, '"stiftelse"')
    assert error.where.line == line and "begin with 8" in error.problem
    assert _offline(project, '"stiftelse"')[0].where.line == line


def test_a_legal_name_whose_form_fits_the_number_loads(project: Path) -> None:
    _identifiers(project, ("802400-1235", MIRROR, "secondary"), legal_name="Stiftelsen IGITEGO")
    assert load_corpus(project / "data")
    assert not _offline(project, "cannot be the number")


@pytest.mark.parametrize(
    "name",
    [
        "Stiftelsen Hjärnfonden",
        "Shelterbox Sverige, Ideell Förening",
        "Ideella Föreningen Situation Stockholm",
        "Aktiebolaget X",
        "Svenska Spikmattan AB",
        "Trossamfundet Svenska Kyrkan",
        "Solvatten Insamlingsstiftelse",
        "HSB Brf Tornet",
        "Malmö Ideella föreningars samarbete",
    ],
)
def test_the_loads_legal_forms_are_the_reconcilers_where_they_say_a_group(name: str) -> None:
    from sakrad_ld.orgnr import LEGAL_FORM_GROUPS, stated_forms

    assert stated_forms(name) == tuple(f for f in legal_forms(name) if f in LEGAL_FORM_GROUPS)


# --- 2. a register's page confirms a number it shows ----------------------------------------------------

PAGES = {
    "front-page": ("https://www.skatteverket.se/", "does not show the organisation number"),
    "scb-front-page": ("https://www.scb.se/", "group 2"),
    "scb-names-it": ("https://www.scb.se/foretag/802400-1235", "group 2"),
    "bolagsverket-other-number": ("https://www.bolagsverket.se/sok?orgnr=8020028638", "does not show"),
    "bolagsverket-names-it": ("https://www.bolagsverket.se/sok?orgnr=8024001235", None),
    "skatteverket-names-it": ("https://www.skatteverket.se/gavomottagare/802400-1235", None),
}


@pytest.mark.parametrize(("source", "refused"), PAGES.values(), ids=PAGES.keys())
def test_a_register_page_confirms_only_a_number_it_shows(project: Path, source: str, refused: str | None) -> None:
    line = _identifiers(project, ("802400-1235", source, "register"))
    if refused is None:
        assert load_corpus(project / "data")
        assert not _offline(project, "status register")
        return
    error = _one(project, refused)
    assert (error.where.line, error.where.field[-len("identifiers[0].status") :]) == (
        line + 2,
        "identifiers[0].status",
    )
    assert [p.where.line for p in _offline(project, refused)] == [line + 2]


def test_a_kept_text_of_the_page_that_shows_the_number_confirms_it(project: Path) -> None:
    page = "https://www.skatteverket.se/privat/gavomottagare.html"
    _identifiers(project, ("802400-1235", page, "register"))
    assert "does not show" in _one(project, "does not show").problem
    (project / "data" / "sources" / "skatteverket-igitego.txt").write_text(
        "Godkända gåvomottagare\nIGITEGO 802400-1235 Stockholm\n", encoding="utf-8"
    )
    edit_data(
        project,
        "sources.yaml",
        "sources:\n",
        "sources:\n  - id: skatteverket-igitego\n    kind: register\n    label:\n      sv: Skatteverkets lista\n"
        f"      en: Skatteverket's list\n    url: {page}\n    file: sources/skatteverket-igitego.txt\n\n",
    )
    assert load_corpus(project / "data")
    assert not _offline(project, "status register")


def test_a_page_shows_the_number_with_or_without_its_hyphen_and_never_inside_another() -> None:
    assert register_source_problem("register", "https://www.skatteverket.se/", "orgnr", "802002-8638")
    assert register_source_problem("register", "https://www.scb.se/", "orgnr", "640823-3234")
    for text in ("802002 8638", "8020028638", "IGITEGO 802002-8638 Stockholm"):
        assert (
            register_source_problem("register", "https://www.skatteverket.se/x", "orgnr", "802002-8638", text) is None
        )
    for text in ("1802002-8638", "802002-86381", "802002-8639"):
        assert register_source_problem("register", "https://www.skatteverket.se/x", "orgnr", "802002-8638", text)


# --- 3. a Lagrummet register-copy link cites the file its entry was copied from --------------------------

COPY_SOURCES = {
    "readme-at-zero": (RINFO.format(commit="0" * 40, file="README.md"), "regeringskansliet", "not one of the files"),
    "other-commit": (RINFO.format(commit=DEPT, file="myndigheter.n3"), "regeringskansliet", "not one of the files"),
    "other-file": (RINFO.format(commit=MYND, file="departement.n3"), "regeringskansliet", "not one of the files"),
    "raw-of-the-file": (
        f"https://raw.githubusercontent.com/rinfo/rdl/{MYND}/resources/base/datasets/org/myndigheter.n3",
        "regeringskansliet",
        None,
    ),
}


@pytest.mark.parametrize(("source", "body", "refused"), COPY_SOURCES.values(), ids=COPY_SOURCES.keys())
def test_a_register_copy_link_cites_the_file_its_entry_was_copied_from(
    project: Path, source: str, body: str, refused: str | None
) -> None:
    old = (
        f"iri: http://rinfo.lagrummet.se/org/{body}\n        source: {RINFO.format(commit=MYND, file='myndigheter.n3')}"
    )
    text = (project / "data" / "bodies.yaml").read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 2
    edit_data(project, "bodies.yaml", old, f"iri: http://rinfo.lagrummet.se/org/{body}\n        source: {source}")
    if refused is None:
        assert load_corpus(project / "data")
        assert not _offline(project, "kept copy")
        return
    error = _one(project, refused)
    assert (error.where.file.name, error.where.line) == ("bodies.yaml", line)
    assert error.where.field.endswith("links[0].source") and "lagrummet-org.ttl" in error.problem
    assert [p.where.line for p in _offline(project, refused)] == [line]


def test_an_entry_cited_from_the_other_listed_file_is_refused(project: Path) -> None:
    old = f"iri: http://rinfo.lagrummet.se/org/kulturdepartementet\n        source: {RINFO.format(commit=DEPT, file='departement.n3')}"
    text = (project / "data" / "bodies.yaml").read_text(encoding="utf-8")
    assert old in text, "the fixture's bodies.yaml no longer cites kulturdepartementet so: edit the test with it"
    edit_data(
        project,
        "bodies.yaml",
        old,
        old.replace(
            f"{DEPT}/resources/base/datasets/org/departement.n3", f"{MYND}/resources/base/datasets/org/myndigheter.n3"
        ),
    )
    error = _one(project, "among the entries copied from departement.n3")
    assert "not from myndigheter.n3" in error.problem
    assert _offline(project, "among the entries copied from departement.n3")


# --- 4. Wikidata: the item's own page on Wikidata's own host -----------------------------------------

QID = "Q3369258"
WIKIDATA = {
    "test-wikidata": (f"https://test.wikidata.org/wiki/{QID}", "not a page of the register itself"),
    "user-page": (f"https://www.wikidata.org/wiki/User:Mallory/wiki/{QID}", "page of no item"),
    "project-page": (f"https://www.wikidata.org/wiki/Wikidata:WikiProject_Sweden/entity/{QID}", "page of no item"),
    "below-www": (f"https://evil.www.wikidata.org/wiki/{QID}", "not a page of the register itself"),
    "wikidata-org-lookalike": (f"https://wikidata.org.example.net/wiki/{QID}", "not a page of the register itself"),
    "search": ("https://www.wikidata.org/w/index.php?search=Q3369258", "page of no item"),
    "diff": (f"https://www.wikidata.org/w/index.php?title={QID}&diff=2052234561", "page of no item"),
    "permalink-of-another": ("https://www.wikidata.org/w/index.php?title=Q1&oldid=2052234561", "page of Q1"),
    "permalink": (f"https://www.wikidata.org/w/index.php?title={QID}&oldid=2052234561", None),
    "permalink-reversed": (f"https://www.wikidata.org/w/index.php?oldid=2052234561&title={QID}", None),
    "item-page": (f"https://www.wikidata.org/wiki/{QID}", None),
    "mobile": (f"https://m.wikidata.org/wiki/{QID}", None),
    "entity-data": (f"https://www.wikidata.org/wiki/Special:EntityData/{QID}.json", None),
    "item-revision": (f"https://www.wikidata.org/wiki/{QID}?oldid=2052234561", None),
}


@pytest.mark.parametrize(("source", "refused"), WIKIDATA.values(), ids=WIKIDATA.keys())
def test_wikidata_confirms_on_the_items_own_page(project: Path, source: str, refused: str | None) -> None:
    path = project / "data" / "people.yaml"
    text = path.read_text(encoding="utf-8")
    old = text[text.index("source: https://github.com/everypolitician") :].split("\n", 2)
    assert old[1].strip() == "status: secondary"
    edit_data(project, "people.yaml", "\n".join(old[:2]), f"source: {source}\n        status: register")
    line = text[: text.index(old[0])].count("\n") + 2
    if refused is None:
        assert load_corpus(project / "data")
        assert not _offline(project, "status register")
        return
    error = _one(project, refused)
    assert (error.where.file.name, error.where.line) == ("people.yaml", line)
    assert [p.where.line for p in _offline(project, refused)] == [line]


def test_an_items_address_names_it_only_as_the_whole_path() -> None:
    assert named_item(f"http://www.wikidata.org/entity/{QID}", "wikidata") == QID
    assert named_item(f"https://www.wikidata.org/wiki/Talk:{QID}", "wikidata") is None
    assert named_item(f"https://www.wikidata.org/wiki/{QID}/x", "wikidata") is None
    assert named_item(f"https://www.wikidata.org/wiki/{QID}?title=Q1", "wikidata") is None


# --- 8. one identifier of a scheme, one link to a register -----------------------------------------------


def test_a_second_number_is_refused_at_its_line(project: Path) -> None:
    line = _identifiers(
        project, ("802479-1231", MIRROR, "secondary"), ("802400-1235", MIRROR, "retired")
    )  # a current number and a former one
    error = _one(project, "a second orgnr identifier")
    assert (error.where.line, error.where.field[-len("identifiers[1].scheme") :]) == (line + 3, "identifiers[1].scheme")
    assert "802479-1231" in error.problem and "one orgnr identifier per record" in error.expected
    assert [p.where.line for p in _offline(project, "a second orgnr identifier")] == [line + 3]


def test_a_second_wikidata_link_is_refused(project: Path) -> None:
    path = project / "data" / "people.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("      - register: wikidata")
    end = text.index("status: secondary", start) + len("status: secondary\n")
    second = text[start:end].replace(QID, "Q1")
    path.write_text(text[:end] + second + text[end:], encoding="utf-8")
    error = _one(project, "a second wikidata link")
    assert error.where.line == text[:end].count("\n") + 1 and error.where.field.endswith("links[1].register")
    assert _offline(project, "a second wikidata link")


# --- 5, 6, 7. reconcile: ended, unknown, caveated --------------------------------------------------------

CAVEATS = {
    "description": {"description": "Possibly the same name, different organisation?"},
    "ovrigt": {"övrigt": "osäker, möjligen en annan organisation med samma namn"},
    "info": {"info": "Samma namn, annan förening?"},
    "beskrivning": {"beskrivning": "Troligen en annan förening med samma namn"},
    "anm": {"anm.": "numret tillhör moderorganisationen"},
    "historik": {"historik": "Bytte namn 2019; numret avser den tidigare föreningen"},
    "verifierad": {"verifierad": "nej"},
    "confidence": {"confidence": "low"},
    "kalla": {"källa": "osäker"},
    "unknown-field": {"ersatt_i": "802002-8638"},
    "doubt-in-a-known-field": {"location": "Stockholm?"},
    "unknown-status": {"status": "Avliden"},
    "end-date-dmy": {"expires": "31/12/2015"},
    "end-date-compact": {"expires": "20151231"},
}


@pytest.mark.parametrize("fields", CAVEATS.values(), ids=CAVEATS.keys())
def test_free_text_an_unknown_status_or_end_is_a_caveat(fields: dict[str, str]) -> None:
    row = {"orgName": "Famna", "orgNumber": "802490-0048", **fields}
    assert [f for f, _ in caveats(row, ("orgName", "orgNumber"))] == list(fields)


NOT_CAVEATS = {
    "skatteverket": {"issued": "2020-01-22", "location": "Uppsala"},
    "iso-end-date": {"expires": "2030-12-31"},
    "current": {"status": "Aktiv", "active": "true"},
    "account": {"entry": "1239001991", "categories": "insamling; bistånd"},
    "null-end": {"expires": "null"},
}


@pytest.mark.parametrize("fields", NOT_CAVEATS.values(), ids=NOT_CAVEATS.keys())
def test_what_says_what_the_entry_is_is_no_caveat(fields: dict[str, str]) -> None:
    row = {"orgName": "Famna", "orgNumber": "802490-0048", **fields}
    assert caveats(row, ("orgName", "orgNumber")) == ()


def test_an_end_date_not_written_iso_is_not_taken_as_current_or_ended() -> None:
    row = {"orgName": "Civos", "orgNumber": "802490-0097", "expires": "31/12/2015"}
    assert entry_status(row, "Civos", ("orgName", "orgNumber")) is None
    assert caveats(row, ("orgName", "orgNumber")) == (("expires", "31/12/2015"),)


def test_an_rdf_register_reads_notes_and_org_status(tmp_path: Path) -> None:
    path = tmp_path / "register.ttl"
    path.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix legal: <http://www.w3.org/ns/legal#> .\n"
        "@prefix rov: <http://www.w3.org/ns/regorg#> .\n"
        '<http://ex.org/a> skos:prefLabel "Famna" ; legal:legalIdentifier [ skos:notation "802490-0048" ] ;\n'
        '  skos:historyNote "Merged into another organisation in 2015" .\n'
        '<http://ex.org/b> skos:prefLabel "Freima" ; legal:legalIdentifier [ skos:notation "802490-0055" ] ;\n'
        '  rdfs:comment "possibly a different organisation" .\n'
        '<http://ex.org/c> skos:prefLabel "Fryshuset" ; legal:legalIdentifier [ skos:notation "802490-0022" ] ;\n'
        '  rov:orgStatus "Ceased" .\n'
        '<http://ex.org/d> skos:prefLabel "Civos" ; legal:legalIdentifier [ skos:notation "802490-0097" ] ;\n'
        '  rov:orgStatus "Pending review" .\n',
        encoding="utf-8",
    )
    entries = {e.name: e for e in read_register(path).entries}
    assert entries["Famna"].caveats == (("historyNote", "Merged into another organisation in 2015"),)
    assert entries["Freima"].caveats == (("comment", "possibly a different organisation"),)
    assert entries["Fryshuset"].status is not None and entries["Fryshuset"].status.kind == "retired"
    assert entries["Civos"].status is None and entries["Civos"].caveats == (("orgStatus", "Pending review"),)


# --- 11. the note a person copies keeps the caveat ------------------------------------------------------


def test_a_proposals_note_quotes_the_caveat_and_the_ended_status(tmp_path: Path) -> None:
    import shutil

    import yaml

    from sakrad_ld.cli import main

    project = tmp_path / "project"
    for name in ("data", "ontology", "shapes"):
        (project / name).mkdir(parents=True)
    shutil.copyfile(Path(__file__).parent / "reconcile" / "organisations.yaml", project / "data" / "organisations.yaml")
    register = tmp_path / "register.yaml"
    register.write_text(
        "organisations:\n"
        "- {orgName: Famna, orgNumber: 802490-0048, note: confirm against Skatteverket before publishing}\n"
        "- {orgName: Fryshuset, orgNumber: 802490-0022, status: Avvecklad}\n",
        encoding="utf-8",
    )
    out = tmp_path / "proposals.yaml"
    assert main(["-C", str(project), "links", "reconcile", "--register", str(register), "--out", str(out)]) == 0
    by_id = {o["id"]: o for o in yaml.safe_load(out.read_text(encoding="utf-8"))["organisations"]}
    (famna,) = by_id["famna"]["candidates"]
    assert famna["status"] == "secondary" and not famna["accepted"]
    for lang in ("sv", "en"):
        assert "confirm against Skatteverket before publishing" in famna["note"][lang]
    (fryshuset,) = by_id["fryshuset"]["candidates"]
    assert fryshuset["status"] == "retired" and "status: Avvecklad" in fryshuset["note"]["en"]


# --- 12. the kept list's end of an entry holds the number's status -----------------------------------------


def test_a_number_whose_kept_entry_has_ended_must_be_recorded_retired(tmp_path: Path) -> None:
    from conftest import copy_project

    project = copy_project(tmp_path / "project")
    json_file = project / "data" / "sources" / "skatteverket-godkanda-gavomottagare.json"
    text = json_file.read_text(encoding="utf-8")
    at = text.index('"802006-1688"')
    end = text.index('"expires": null', at)
    json_file.write_text(text[:end] + '"expires": "2021-12-31"' + text[end + len('"expires": null') :], "utf-8")
    error = _one(project, "an end (expires: 2021-12-31)")
    assert error.where.file.name == "organisations.yaml" and error.where.field.endswith("identifiers[0].status")
    orgs = project / "data" / "organisations.yaml"
    lines = orgs.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[error.where.line - 1].strip() == "status: secondary"
    lines[error.where.line - 1] = lines[error.where.line - 1].replace("secondary", "retired")
    orgs.write_text("".join(lines), encoding="utf-8")
    assert not [e for e in refusals_or_none(project) if "an end (expires" in e.problem]


def refusals_or_none(project: Path) -> list:
    from sakrad_ld.errors import InputErrors

    try:
        load_corpus(project / "data")
    except InputErrors as err:
        return err.errors
    return []


# --- 13. name forms: a full name in parentheses, a repeated word ------------------------------------------


def _best(ours: str, theirs: str):  # noqa: ANN202
    from sakrad_ld.registers.names import compare, forms

    return max((compare(a, b) for a in forms(ours) for b in forms(theirs, of_register=True)), key=lambda x: x.score)


def test_a_full_name_in_parentheses_is_a_form_of_its_own_and_keeps_its_legal_form() -> None:
    found = _best("Skyddsvärnet", "Skyddsvärnet (Stiftelsen Skyddsvärnet i Stockholm)")
    assert found.score >= 0.5 and found.questions
    assert any('legal form "stiftelse"' in q for q in found.questions)
    assert not any('adds "skyddsvärnet"' in q for q in found.questions)


def test_a_place_in_parentheses_stays_part_of_the_registers_name() -> None:
    found = _best("Rädda Barnen", "Rädda Barnen (Malmö)")
    assert any('adds "malmö"' in q for q in found.questions)
    assert _best("Rädda Barnen", "Rädda Barnen (Rädda Barnen Malmö)").questions


def test_a_repeated_word_our_name_has_is_not_added() -> None:
    found = _best("Skyddsvärnet", "Skyddsvärnet Skyddsvärnet")
    assert not any("adds" in q for q in found.questions)


# --- 10. an ended or noted entry of the same name is a rival -----------------------------------------------


def test_an_ended_or_noted_entry_of_the_same_name_holds_the_current_one_back(tmp_path: Path) -> None:
    import shutil

    import yaml

    from sakrad_ld.cli import main

    project = tmp_path / "project"
    for name in ("data", "ontology", "shapes"):
        (project / name).mkdir(parents=True)
    shutil.copyfile(Path(__file__).parent / "reconcile" / "organisations.yaml", project / "data" / "organisations.yaml")
    register = tmp_path / "register.yaml"
    register.write_text(
        "date: '2024-01-01'\norganisations:\n"
        "- {orgName: Civos, orgNumber: 802490-7001, registrerad: '2020-03-01'}\n"
        "- {orgName: Civos, orgNumber: 802490-7019, avregistrerad: '2019-06-30'}\n"
        "- {orgName: Fryshuset, orgNumber: 802490-7043}\n"
        "- {orgName: Fryshuset, orgNumber: 802490-7050, note: en annan förening med samma namn}\n"
        "- {orgName: Famna, orgNumber: 802490-7027}\n",
        encoding="utf-8",
    )
    out = tmp_path / "proposals.yaml"
    assert main(["-C", str(project), "links", "reconcile", "--register", str(register), "--out", str(out)]) == 0
    by_id = {o["id"]: o for o in yaml.safe_load(out.read_text(encoding="utf-8"))["organisations"]}
    civos = {c["number"]: c for c in by_id["civos"]["candidates"]}
    assert not civos["802490-7001"]["accepted"]
    assert any("802490-7019 'Civos' (ended 2019-06-30)" in r for r in civos["802490-7001"]["reasons"])
    fryshuset = {c["number"]: c for c in by_id["fryshuset"]["candidates"]}
    assert not fryshuset["802490-7043"]["accepted"]
    assert any("802490-7050" in r for r in fryshuset["802490-7043"]["reasons"])
    assert [c["number"] for c in by_id["famna"]["candidates"] if c["accepted"]] == ["802490-7027"]
