"""A confirming status its source does not support, and numbers and legal names credited to a kept
register list, refused at load (registered.py): each case is a copy of the fixture project with one
change, and the kept extract of Skatteverket's list is the mirror's entries, byte for byte."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, change, fixture_project, refused

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph
from sakrad_ld.records import VERIFIED
from sakrad_ld.registered import KEEPER_COPIES, confirmed
from sakrad_ld.registers import links
from sakrad_ld.registers.extract import MIRROR, gift_recipients_extract
from sakrad_ld.registers.links import STATUS
from sakrad_ld.vocab import ADMS, OWL, RDFS, SCHEMA

BODIES = Path("data") / "bodies.yaml"
ORGS = Path("data") / "organisations.yaml"
PEOPLE = Path("data") / "people.yaml"
SOURCES = Path("data") / "sources.yaml"
EXTRACT = "sources/skatteverket-godkanda-gavomottagare.json"
ID = "https://w3id.org/sakrad/id/"

KEEPER = "https://github.com/rinfo/rdl/blob/c42b88bcaf6b0c5b1669ff1bc5dd4e756ce8c628/resources/base/datasets/org/departement.n3"
LAGRUMMET_MIRROR = KEEPER.replace("github.com/rinfo/rdl/", "github.com/someone/rdl-mirror/")
EVERYPOLITICIAN = (
    "https://github.com/everypolitician/everypolitician-data/blob/00c845f959c8b23ac8447b7ee7ca3b6b069d548d/"
    "data/Sweden/Riksdag/sources/reconciliation/wikidata.csv"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _keep_list(project: Path) -> Path:
    """The fixture project with the kept extract of Skatteverket's list, as data/ keeps it."""
    shutil.copy(ROOT / "data" / EXTRACT, project / "data" / EXTRACT)
    url = f"    url: {MIRROR['url']}\n"
    change(project / SOURCES, url, url + f"    file: {EXTRACT}\n")
    return project


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    """The kept list, and Skyddsvärnet's legal name credited to it (as data/ credits it)."""
    project = _keep_list(fixture_project(tmp_path / "project"))
    sources = "    sources: [dokumentation-2017-12-12-integration, skatteverket-godkanda-gavomottagare]\n"
    text = (project / ORGS).read_text(encoding="utf-8")
    at = text.index(sources, text.index("  - id: skyddsvarnet")) + len(sources)
    credit = "    fact_sources:\n      - facts: [legal_name]\n        source: skatteverket-godkanda-gavomottagare\n"
    (project / ORGS).write_text(text[:at] + credit + text[at:], encoding="utf-8")
    assert load_corpus(project / "data")
    return project


def _status_of(project: Path, path: Path, record: str, status: str, source: str | None = None) -> int:
    """Sets the status (and source) of the first identifier or link of ``record``; returns the status's line."""
    text = (project / path).read_text(encoding="utf-8")
    at = text.index(f"- id: {record}\n")
    st = text.index("status: ", at)
    if source is not None:  # the claim's source, the line before its status
        s = text.rindex("source: ", at, st)
        text = text[:s] + f"source: {source}" + text[text.index("\n", s) :]
        st = text.index("status: ", at)
    text = text[:st] + f"status: {status}" + text[text.index("\n", st) :]
    (project / path).write_text(text, encoding="utf-8")
    return text.count("\n", 0, st) + 1


# --- register-copy from a source that is not the keeper's copy -----------------------------------


@pytest.mark.parametrize(
    ("path", "record", "source", "field"),
    [
        (ORGS, "radda-barnen", None, "identifiers[0].status"),  # the Skatteverket mirror (m15)
        (BODIES, "kulturdepartementet", LAGRUMMET_MIRROR, "links[0].status"),  # a mirror of rinfo/rdl (m16)
        (PEOPLE, "ylva-johansson", None, "links[0].status"),  # everypolitician's reconciliation (m08)
        (ORGS, "radda-barnen", "https://www.skatteverket.se/godkandagavomottagare", "identifiers[0].status"),
        (BODIES, "kulturdepartementet", KEEPER.replace("/blob/c42b88bc", "/blob/main-c42b88bc"), "links[0].status"),
    ],
    ids=["orgnr-mirror", "lagrummet-mirror", "wikidata-mirror", "orgnr-register-host", "lagrummet-unpinned"],
)
def test_register_copy_from_a_source_that_is_not_the_keepers_copy_is_refused(
    project: Path, path: Path, record: str, source: str | None, field: str
) -> None:
    line = _status_of(project, path, record, "register-copy", source)
    errors = [e for e in refused(project) if "status register-copy" in e]
    assert len(errors) == 1, errors
    assert f"{path.name}:{line}: " in errors[0] and errors[0].split(": ")[1].endswith(field), errors[0]
    assert "not a copy of the" in errors[0] and "published by its keeper" in errors[0]
    assert "expected status secondary" in errors[0]


def test_register_copy_from_the_keepers_copy_loads(project: Path) -> None:
    _status_of(project, BODIES, "kulturdepartementet", "register-copy", KEEPER)
    assert load_corpus(project / "data")


def test_the_load_and_links_check_share_one_table_of_keepers_copies() -> None:
    assert links.KEEPER_COPIES is KEEPER_COPIES and links.confirmed is confirmed
    assert not confirmed("register-copy", LAGRUMMET_MIRROR, "lagrummet") and confirmed(
        "register-copy", KEEPER, "lagrummet"
    )


# --- no confirming status on a claim published only as rdfs:seeAlso, for every status --------------

_CASES = [
    (BODIES, "kulturdepartementet", "kulturdepartementet", "http://rinfo.lagrummet.se/org/kulturdepartementet", src)
    for src in (KEEPER, LAGRUMMET_MIRROR, "https://rinfo.lagrummet.se/org/kulturdepartementet", "https://example.org/x")
] + [
    (PEOPLE, "ylva-johansson", "ylva-johansson", "http://www.wikidata.org/entity/Q3369258", src)
    for src in (EVERYPOLITICIAN, "https://www.wikidata.org/wiki/Q3369258")
]


@pytest.mark.parametrize("status", sorted(STATUS))
@pytest.mark.parametrize(("path", "record", "slug", "iri", "source"), _CASES)
def test_a_status_is_confirming_exactly_where_the_link_is_an_equivalence(
    tmp_path: Path, status: str, path: Path, record: str, slug: str, iri: str, source: str
) -> None:
    project = fixture_project(tmp_path / "project")
    _status_of(project, path, record, status, source)
    try:
        corpus = load_corpus(project / "data")
    except Exception as error:  # refused: nothing published
        assert "status" in str(error), error
        assert status in VERIFIED, f"a {status} link was refused: {error}"
        return
    index = build_graph(corpus).triples
    kind = "body" if path == BODIES else "person"
    s, o = ox.NamedNode(f"{ID}{kind}/{slug}"), ox.NamedNode(iri)
    node = ox.NamedNode(f"{ID}{kind}/{slug}/identifier/{'lagrummet' if 'lagrummet' in iri else 'wikidata'}")
    assert list(index.objects(node, ADMS.status)) == [STATUS[status]]
    equivalence = (s, OWL.sameAs, o) in index
    assert equivalence == (status in VERIFIED), (status, source)
    assert ((s, RDFS.seeAlso, o) in index) == (not equivalence)


def test_no_confirming_status_on_a_see_also_in_the_real_data() -> None:
    index = build_graph(load_corpus(ROOT / "data")).triples
    confirming = {STATUS[s] for s in VERIFIED}
    for status in confirming:
        for node in index.subjects_of(ADMS.status, status):
            subject = ox.NamedNode(node.value.rsplit("/identifier/", 1)[0])
            assert not [
                o for o in index.objects(subject, RDFS.seeAlso) if "lagrummet" in o.value or "wikidata" in o.value
            ]


# --- numbers and legal names credited to the kept list of Skatteverket -----------------------------


def test_the_fixture_with_the_kept_list_loads(listed: Path) -> None:
    corpus = load_corpus(listed / "data")
    assert corpus.copies["skatteverket-godkanda-gavomottagare"]


def test_a_number_the_kept_list_gives_no_entry_is_refused(listed: Path) -> None:
    # m05: 252002-6564 is Pingst – Fria Församlingar I Samverkan's in the list; the extract does not keep it
    line = change(
        listed / ORGS,
        "    name: Blekinge Idrottsförbund\n",
        "    name: Blekinge Idrottsförbund\n    identifiers:\n      - scheme: orgnr\n        value: 252002-6564\n"
        f"        source: {MIRROR['url']}\n        status: secondary\n",
    )
    errors = [e for e in refused(listed) if "252002-6564" in e]
    assert len(errors) == 1, errors
    assert f"organisations.yaml:{line + 3}: " in errors[0] and "identifiers[0].value" in errors[0]
    assert f"not in the register copy the project keeps ({EXTRACT}" in errors[0]


@pytest.mark.parametrize(
    "source",
    [
        MIRROR["url"],
        "https://github.com/cisene/swish-123/blob/" + MIRROR["commit"] + "/" + MIRROR["path"],
        MIRROR["url"].replace("github.com", "raw.githubusercontent.com").replace("/blob/", "/"),
        MIRROR["url"] + "?plain=1#L20",
    ],
    ids=["escaped", "unescaped", "raw", "plain"],
)
def test_another_organisations_number_from_the_list_is_refused(listed: Path, source: str) -> None:
    line = change(
        listed / ORGS,
        "    name: Blekinge Idrottsförbund\n",
        "    name: Blekinge Idrottsförbund\n    identifiers:\n      - scheme: orgnr\n        value: '8020030832'\n"
        f"        source: {source}\n        status: secondary\n",
    )
    errors = [e for e in refused(listed) if "names 802003-0832 'Skyddsvärnet', not 'Blekinge Idrottsförbund'" in e]
    assert len(errors) == 1, refused(listed)
    assert f"organisations.yaml:{line + 3}: " in errors[0]


def test_a_legal_name_the_list_does_not_give_for_the_number_is_refused(listed: Path) -> None:
    # m07
    line = change(
        listed / ORGS, "    legal_name: Skyddsvärnet\n", "    legal_name: Stiftelsen Skyddsvärnet i Stockholm\n"
    )
    errors = [e for e in refused(listed) if "names 'Skyddsvärnet' for 802003-0832" in e]
    assert len(errors) == 1, refused(listed)
    assert f"organisations.yaml:{line}: " in errors[0] and "legal_name" in errors[0]
    assert "not 'Stiftelsen Skyddsvärnet i Stockholm'" in errors[0]


def test_a_legal_name_of_another_entry_of_the_list_is_refused(listed: Path) -> None:
    # the kept text holds the name, but for another number
    change(listed / ORGS, "    legal_name: Skyddsvärnet\n", "    legal_name: Frälsningsarmén\n")
    errors = [e for e in refused(listed) if "names 'Skyddsvärnet' for 802003-0832, not 'Frälsningsarmén'" in e]
    assert len(errors) == 1, refused(listed)


def test_a_legal_name_credited_to_the_list_without_a_number_is_refused(listed: Path) -> None:
    text = (listed / ORGS).read_text(encoding="utf-8")
    at = text.index("  - id: skyddsvarnet")
    start, end = text.index("    identifiers:", at), text.index("    sources:", at)
    (listed / ORGS).write_text(text[:start] + text[end:], encoding="utf-8")
    errors = [e for e in refused(listed) if "legal_name 'Skyddsvärnet' is credited to the register list" in e]
    assert len(errors) == 1, refused(listed)
    assert "has no number in the kept copy" in errors[0]


def test_a_number_from_elsewhere_still_holds_the_legal_name_to_the_list(listed: Path) -> None:
    # read on Skatteverket's own page, the legal name still credited to the list: held to its entry
    _status_of(
        listed, ORGS, "skyddsvarnet", "register", "https://www.skatteverket.se/godkandagavomottagare/802003-0832"
    )
    assert load_corpus(listed / "data")
    change(listed / ORGS, "    legal_name: Skyddsvärnet\n", "    legal_name: Skyddsvärnet i Stockholm\n")
    assert [e for e in refused(listed) if "names 'Skyddsvärnet' for 802003-0832" in e]


# --- the kept extract and the real data ------------------------------------------------------------


def test_the_kept_extract_is_the_mirrors_entries_of_the_numbers_data_reads_in_it(shared: Path) -> None:
    corpus = load_corpus(ROOT / "data")
    numbers = [i.value for o in corpus.organisations for i in o.identifiers if i.source == MIRROR["url"]]
    assert len(numbers) == 5, numbers
    mirror = (shared / "registers" / "skatteverket" / "godkanda-gavomottagare.yaml").read_text(encoding="utf-8")
    assert (ROOT / "data" / EXTRACT).read_text(encoding="utf-8") == gift_recipients_extract(mirror, numbers)
    source = next(s for s in corpus.sources if s.id == "skatteverket-godkanda-gavomottagare")
    assert source.url == MIRROR["url"] and source.file == EXTRACT and MIRROR["commit"] in source.url
    with pytest.raises(KeyError):
        gift_recipients_extract(mirror, ["802000-0000"])


def test_the_real_data_publishes_the_kept_list_as_the_sources_copy() -> None:
    index = build_graph(load_corpus(ROOT / "data")).triples
    copies = list(index.objects(ox.NamedNode(f"{ID}source/skatteverket-godkanda-gavomottagare"), SCHEMA.archivedAt))
    assert len(copies) == 1 and re.search(r"/sources/skatteverket-godkanda-gavomottagare\.json$", copies[0].value)
