"""Paths, deadlines and records as release 1.3.0 left them, each held here:

- a symbolic link to nothing on the way of a path option: a write under it (``build --out L/x``,
  ``export --out L/x``) made the folders the link names, wherever they were, and said it wrote
  ``L/x``; ``--release L`` said "not a folder" for one command and "has no manifest.json" of the
  link's target for others. Every command now names the option, the link and where it leads, exit 2;
- one deadline for work that may hang (``deadline.within``), used by ``links check --online``;
  the record passes of registered.py read one list of a record's identifiers and links;
- a derived date no less precise than a cited source's address states it (2017-08-30: the
  minutes' copy's address names "30-augusti-2017", while the derivation said no day was read);
- Wikidata item pages with the interface's language (``?uselang=sv``), SCB's business register and
  Skatteverket's twelve-digit form of a legal person's number;
- a withdrawn note whose reason names the note that says why now links it (``replaced_by``).
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from conftest import fixture_project

from sakrad_ld.errors import ReleaseError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sakrad_ld", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


# --- a link to nothing on the way of a path option ----------------------------------------------------


@pytest.fixture
def dangling(tmp_path: Path) -> Path:
    """A project folder holding ``d/sub/lp`` → ``../d/sub/lp`` (a link to nothing: its target's folders
    ``d/d/sub`` do not exist) and ``gone`` → ``/nonexistent/rel``."""
    project = fixture_project(tmp_path / "project")
    (project / "d" / "sub").mkdir(parents=True)
    (project / "d" / "sub" / "lp").symlink_to("../d/sub/lp")
    (project / "gone").symlink_to("/nonexistent/rel")
    return project


UNDER = [
    (["build", "--out", "d/sub/lp/deeper"], "--out d/sub/lp/deeper"),
    (["export", "--out", "d/sub/lp/site"], "--out d/sub/lp/site"),
    (["schema", "--out", "d/sub/lp/schema"], "--out d/sub/lp/schema"),
]


@pytest.mark.parametrize(("args", "named"), UNDER, ids=[a[0] for a, _ in UNDER])
def test_a_link_to_nothing_on_the_way_of_out_is_refused_and_nothing_made(
    dangling: Path, args: list[str], named: str
) -> None:
    done = _run(dangling, *args)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"error: {named}: the symbolic link " in done.stderr
    assert "d/sub/lp on its way (to ../d/sub/lp) leads to nothing" in done.stderr
    assert "nothing was written" in done.stderr
    assert not (dangling / "d" / "d").exists(), "the link's target's folders were made"


RELEASES = [
    ["query", "--release", "gone", "chairs"],
    ["serve", "--release", "gone", "--get", "/"],
    ["export", "--release", "gone", "--out", "site"],
    ["push", "--endpoint", "http://127.0.0.1:9/store", "--release", "gone"],
]


@pytest.mark.parametrize("args", RELEASES, ids=[a[0] for a in RELEASES])
def test_a_release_that_is_a_link_to_nothing_is_said_alike_by_every_command(dangling: Path, args: list[str]) -> None:
    done = _run(dangling, *args)
    assert done.returncode == 2, done.stderr
    assert "error: --release gone: the symbolic link (to /nonexistent/rel) leads to nothing" in done.stderr
    assert "not a folder" not in done.stderr and "manifest.json" not in done.stderr


def test_replacing_refuses_an_out_below_a_link_to_nothing(tmp_path: Path) -> None:
    """The library's writers (folders.replacing) refuse it too, not only the command line."""
    from sakrad_ld.folders import check_replaceable

    (tmp_path / "lp").symlink_to(tmp_path / "elsewhere" / "deep")
    with pytest.raises(ReleaseError, match="lp on its way .* leads to nothing; .*; nothing was written$"):
        check_replaceable(tmp_path / "lp" / "out")
    assert not (tmp_path / "elsewhere").exists()


def test_an_ordinary_new_out_is_not_a_link_to_nothing(tmp_path: Path) -> None:
    from sakrad_ld.inputfiles import dangling_link

    assert dangling_link(tmp_path / "new" / "deeper") is None
    (tmp_path / "dang").symlink_to("nowhere")
    assert dangling_link(tmp_path / "dang") == tmp_path / "dang"
    assert dangling_link(tmp_path / "dang", itself=False) is None
    assert dangling_link(tmp_path / "dang" / "x", itself=False) == tmp_path / "dang"


# --- one deadline, one list of claims ----------------------------------------------------------------


def test_within_gives_the_value_the_error_or_late() -> None:
    from sakrad_ld.deadline import within

    assert (within(5, lambda: 42).done, within(5, lambda: 42).value) == (True, 42)
    failed = within(5, lambda: 1 / 0)
    assert failed.done and isinstance(failed.error, ZeroDivisionError)
    gate = threading.Event()
    late = within(0.05, gate.wait, name="held")
    assert not late.done and late.value is None
    gate.set()


def test_links_check_takes_its_deadline_from_within(monkeypatch: pytest.MonkeyPatch) -> None:
    """http_status gives up where deadline.within says the work is late, and says a failure of the
    request as that target's answer: one helper, not a thread of its own."""
    from sakrad_ld import deadline
    from sakrad_ld.registers import links

    used: list[float] = []
    real = deadline.within

    def spy(seconds, work, name="within"):  # type: ignore[no-untyped-def]
        used.append(seconds)
        return real(seconds, work, name)

    monkeypatch.setattr(deadline, "within", spy)
    gate = threading.Event()
    monkeypatch.setattr(links, "_http_status", lambda url, timeout: gate.wait() and (200, "OK"))
    assert links.http_status("http://127.0.0.1:9/x", 0.1) == (None, "no answer within 0.1 s")
    gate.set()
    monkeypatch.setattr(links, "_http_status", lambda url, timeout: {}["x"])
    assert links.http_status("http://127.0.0.1:9/x", 5) == (None, "no answer: KeyError: 'x'")
    assert used == [0.1, 5]


def test_the_fetch_of_a_page_to_import_takes_its_deadline_from_within(monkeypatch: pytest.MonkeyPatch) -> None:
    from sakrad_ld import deadline
    from sakrad_ld.errors import InputError
    from sakrad_ld.importer import regeringen

    used: list[float] = []
    real = deadline.within

    def spy(seconds, work, name="within"):  # type: ignore[no-untyped-def]
        used.append(seconds)
        return real(seconds, work, name)

    monkeypatch.setattr(deadline, "within", spy)
    gate = threading.Event()
    monkeypatch.setattr(regeringen, "_read_capped", lambda url, timeout, limit: gate.wait() and "")
    with pytest.raises(InputError, match="did not send the whole page within 0.1 s"):
        regeringen.fetch_page("http://127.0.0.1:9/x", deadline=0.1)
    gate.set()
    monkeypatch.setattr(regeringen, "_read_capped", lambda url, timeout, limit: "# Rubrik\n\nText.\n")
    assert regeringen.fetch_page("http://127.0.0.1:9/x", deadline=5).title == "Rubrik"
    assert used == [0.1, 5]


def test_the_record_passes_read_one_list_of_claims() -> None:
    from sakrad_ld import registered
    from sakrad_ld.corpus import load_corpus

    corpus = load_corpus(DATA)
    claims = [c for record in registered._claims(corpus) for c in record]
    assert {c.kind for c in claims} == {"identifiers", "links"}
    assert {c.file for c in claims} <= {"organisations.yaml", "bodies.yaml", "people.yaml"}
    assert all(c.where("status").line > 0 for c in claims if c.claim.lines)


# --- a date derived no less precisely than a cited address states it --------------------------------

MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()
_ADDRESS_DAY = re.compile(rf"(?<![0-9])([0-9]{{1,2}})-({'|'.join(MONTHS)})-([0-9]{{4}})(?![0-9])", re.IGNORECASE)


def test_no_derived_date_says_no_day_was_read_where_a_cited_address_names_it() -> None:
    from sakrad_ld.corpus import load_corpus

    corpus = load_corpus(DATA)
    urls = {s.id: str(s.url or "") for s in corpus.sources}
    checked = []
    for m in corpus.meetings:
        if m.date is None or m.date_derivation is None:
            continue
        for sid in dict.fromkeys(m.cited()):
            for day, month, year in _ADDRESS_DAY.findall(urls.get(sid, "")):
                named = f"{year}-{MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"
                if str(m.date)[:7] != named[:7]:
                    continue  # another month's document
                checked.append(m.id)
                assert str(m.date) == named, f"{m.id}: date {m.date}, but {sid}'s address names {named}"
                derivation = f"{m.date_derivation.sv} {m.date_derivation.en}"
                assert "ingen dag står" not in derivation and "no day is in" not in derivation, m.id
                said = f"{int(day)} {MONTHS[int(named[5:7]) - 1]}"
                assert said in str(m.date_derivation.sv), f"{m.id}: the derivation does not give the day {said}"
    assert "2017-08-30-islamofobi" in checked


def test_2017_08_30_is_derived_from_the_minutes_address_not_stated() -> None:
    from sakrad_ld.corpus import load_corpus

    corpus = load_corpus(DATA)
    m = next(m for m in corpus.meetings if m.id == "2017-08-30-islamofobi")
    assert str(m.date) == "2017-08-30" and m.date_derivation is not None
    assert "30-augusti-2017" in m.date_derivation.sv and "härledd" in m.date_derivation.sv
    assert "30 August 2017" in m.date_derivation.en and "derived" in m.date_derivation.en
    withdrawn = yaml.safe_load((DATA / "withdrawn.yaml").read_text(encoding="utf-8"))
    iris = {e["iri"] for e in (withdrawn["withdrawn"] if isinstance(withdrawn, dict) else withdrawn)}
    assert "/id/meeting/2017-08-30-islamofobi/time" in iris, "a derived date mints no /time: it stays withdrawn"
    chair = next(n for n in m.notes if n.about == "chair")
    assert chair.source is None, "the note on where the chair was not found credits the minutes it did not read"


# --- registers: a page with the interface's language, SCB's business register, Skatteverket's form -----


@pytest.mark.parametrize(
    "address",
    [
        "https://www.wikidata.org/wiki/Q3369258?uselang=sv",
        "https://www.wikidata.org/wiki/Q3369258?oldid=2052234561&uselang=sv",
        "https://www.wikidata.org/w/index.php?title=Q3369258&oldid=2052234561&uselang=en-gb",
    ],
)
def test_a_wikidata_page_in_another_interface_language_names_its_item(address: str) -> None:
    from sakrad_ld.attested import named_item

    assert named_item(address, "wikidata") == "Q3369258"


def test_another_query_beside_the_language_still_names_no_item() -> None:
    from sakrad_ld.attested import named_item

    assert named_item("https://www.wikidata.org/wiki/Q3369258?uselang=sv&action=history", "wikidata") is None
    assert named_item("https://www.wikidata.org/w/index.php?search=Q3369258&uselang=sv", "wikidata") is None


def test_scbs_business_register_confirms_any_group_its_register_of_public_bodies_only_group_2() -> None:
    from sakrad_ld.attested import _number_problem

    assert _number_problem("https://foretagsregistret.scb.se/sok/802004-9998", "802004-9998", None) is None
    refused = _number_problem("https://www.scb.se/myndighetsregistret/802004-9998", "802004-9998", None)
    assert refused is not None and "group 2" in refused


def test_the_twelve_digit_form_of_a_legal_persons_number_shows_it() -> None:
    from sakrad_ld.attested import shows_number

    assert shows_number("802004-9998", "https://www.bolagsverket.se/x/16802004-9998")
    assert not shows_number("802004-9998", "https://www.bolagsverket.se/x/1802004-9998")
    assert not shows_number("802004-9998", "https://www.bolagsverket.se/x/2616802004-9998")


# --- a withdrawn note that names its successor links it -----------------------------------------------


def test_a_withdrawn_note_whose_reason_names_another_note_is_replaced_by_it() -> None:
    entries = yaml.safe_load((DATA / "withdrawn.yaml").read_text(encoding="utf-8"))
    entries = entries["withdrawn"] if isinstance(entries, dict) else entries
    found = []
    for e in entries:
        said = re.search(r"\bNote ([0-9]+) says why", str(e["why"].get("en", "")))
        if "/note/" in e["iri"] and said:
            found.append(e["iri"])
            assert e.get("replaced_by") == e["iri"].rsplit("/", 1)[0] + "/" + said[1], e["iri"]
    assert found
