"""The pictures: well-formed SVG that names itself, shows as text what the data says (checked against
the YAML a person wrote), stays readable with many sakråd, and is the same bytes for the same data."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
import sitedata
import yaml

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.diagrams import CHART_FILE, CHART_ROWS, meeting_file, meeting_svg, participation_chart_svg

SVG = "{http://www.w3.org/2000/svg}"
SEED = "2017-12-12-integration"


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert root.find(f".//{SVG}script") is None and root.find(f".//{SVG}foreignObject") is None
    return root


def words(root: ET.Element) -> str:
    return " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_the_release_holds_a_picture_of_every_meeting_and_the_chart(release: Path, root: Path) -> None:
    meetings = sorted(p.stem for p in (root / "data" / "meetings").glob("*.yaml"))
    assert meetings
    for id in meetings:
        parse((release / f"diagrams/meeting-{id}.svg").read_text(encoding="utf-8"))
    parse((release / CHART_FILE).read_text(encoding="utf-8"))
    assert len(list((release / "diagrams").glob("*.svg"))) == len(meetings) + 1


def test_the_seed_diagram_shows_chair_questions_and_organisations_in_order(release: Path, root: Path) -> None:
    m = yaml.safe_load((root / "data" / "meetings" / f"{SEED}.yaml").read_text(encoding="utf-8"))
    orgs = {
        o["id"]: o["name"]
        for o in yaml.safe_load((root / "data" / "organisations.yaml").read_text("utf-8"))["organisations"]
    }
    people = {p["id"]: p["name"] for p in yaml.safe_load((root / "data" / "people.yaml").read_text("utf-8"))["people"]}
    svg = parse((release / f"diagrams/meeting-{SEED}.svg").read_text(encoding="utf-8"))
    text = words(svg)
    assert people[m["chair"]["person"]] in text and "ordförande" in text
    assert f"{len(m['organisations'])} organisationer listade" in text
    assert f"källan anger {m['organisation_count']['text']} ({m['organisation_count']['value']})" in text
    positions = [text.index(f"fråga {n}") for n in range(1, len(m["questions"]) + 1)]
    assert positions == sorted(positions)
    positions = []
    for n, org in enumerate(m["organisations"], start=1):
        first_words = f"{n}. {orgs[org]}"[:20]
        assert first_words in text, first_words
        positions.append(text.index(first_words))
    assert positions == sorted(positions)
    links = {a.get("href") for a in svg.iter(f"{SVG}a")}
    assert {f"/doc/organisation/{o}" for o in m["organisations"]} <= links
    assert f"/doc/person/{m['chair']['person']}" in links
    # no organiser is stated (the heading names the documentation's issuer), so none is drawn
    assert "organiser" not in m and "arrangör" not in text


def test_the_pictures_in_the_release_are_what_the_pages_draw_from_the_store(opened: Release) -> None:
    base = opened.base_iri
    iri = f"{base}id/meeting/{SEED}"
    assert (opened.root / meeting_file(iri)).read_text(encoding="utf-8") == meeting_svg(opened.store, iri, base)


def test_the_chart_marks_each_participation_of_the_real_data(release: Path, root: Path) -> None:
    taking_part: dict[str, int] = {}
    for file in (root / "data" / "meetings").glob("*.yaml"):
        for org in yaml.safe_load(file.read_text(encoding="utf-8")).get("organisations", []):
            taking_part[org] = taking_part.get(org, 0) + 1
    svg = parse((release / CHART_FILE).read_text(encoding="utf-8"))
    shown = sorted(taking_part.values(), reverse=True)[:CHART_ROWS]
    assert len(list(svg.iter(f"{SVG}circle"))) == sum(shown)
    assert f"Visar {len(shown)} av {len(taking_part)} organisationer" in words(svg)


def test_the_chart_stays_readable_with_many_meetings() -> None:
    meetings, organisations, per = 400, 70, 5
    store = sitedata.synthetic_store(meetings, organisations, per)
    svg = parse(participation_chart_svg(store, sitedata.BASE))
    count: dict[int, set[int]] = {}
    for m in range(meetings):
        for o in sitedata.participants(m, organisations, per):
            count.setdefault(o, set()).add(m)
    ranked = sorted(count, key=lambda o: (-len(count[o]), f"Förening {o:05d}"))[:CHART_ROWS]
    years = {sitedata.year(m, meetings) for m in range(meetings)}
    cells = {(o, sitedata.year(m, meetings)) for o in ranked for m in count[o]}
    text = words(svg)
    assert len(count) > CHART_ROWS and f"Visar {CHART_ROWS} av {len(count)} organisationer" in text
    assert f"{meetings} sakråd grupperade per år" in text
    assert len(list(svg.iter(f"{SVG}circle"))) == len(cells)
    assert all(str(y) in text for y in years)
    assert float(svg.get("width")) < 1200 and float(svg.get("height")) < 1200


def test_the_same_data_gives_the_same_pictures() -> None:
    a = sitedata.synthetic_store(30, 12, 4)
    b = ox.Store()  # the same quads, loaded in the opposite order
    b.bulk_extend(reversed(list(a)))
    assert participation_chart_svg(a, sitedata.BASE) == participation_chart_svg(b, sitedata.BASE)
    iri = sitedata.meeting(3)
    assert meeting_svg(a, iri, sitedata.BASE) == meeting_svg(b, iri, sitedata.BASE)


@pytest.mark.parametrize(
    "text",
    [
        "Rädda Barnen",
        "  indraget namn",
        "namn med mellanslag på slutet ",
        "namn med hårt mellanslag\xa0",
        "namn med  två mellanslag",
        "tab\ti namnet",
        "rad\nbrytning",
        "   ",
        "",
        "Enhet 2 vid Landsbygds- och infrastrukturdepartementet",
        "ett-mycket-långt-ord-utan-mellanslag-som-inte-ryms-på-en-rad-alls",
        "x" * 43,
        "x" * 44,
    ],
)
def test_a_label_is_wrapped_as_textwrap_wraps_it(text: str) -> None:
    from sakrad_ld.web.diagrams import _CHAR, _wrap

    for width, lines in ((284.0, 2), (324.0, 4), (60.0, 1)):
        expected = textwrap.wrap(text, max(8, int(width / _CHAR))) or [""]
        if len(expected) > lines:
            expected = expected[:lines]
            expected[-1] = expected[-1][: max(1, len(expected[-1]) - 1)].rstrip() + "…"
        assert _wrap(text, width, lines) == expected, (text, width, lines)
