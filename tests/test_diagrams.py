"""The pictures: well-formed SVG that names itself, shows as text what the data says (checked against
the YAML a person wrote), stays readable with many sakråd, and is the same bytes for the same data."""

from __future__ import annotations

import posixpath
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
import sitedata
import yaml

from sakrad_ld.sparql.store import Release
from sakrad_ld.web import diagrams
from sakrad_ld.web.diagrams import (
    CHART_FILE,
    CHART_ROWS,
    CHART_WIDTH,
    chart_file,
    meeting_file,
    meeting_svg,
    participation_chart_svg,
)
from sakrad_ld.web.pages import Site, resource_page, start_page
from sakrad_ld.web.paths import translated

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
    for id in meetings:  # and the same in English, for the English pages
        assert parse((release / f"diagrams/en/meeting-{id}.svg").read_text(encoding="utf-8")).get("lang") == "en"
    assert parse((release / chart_file("en")).read_text(encoding="utf-8")).get("lang") == "en"
    assert len(list((release / "diagrams" / "en").glob("*.svg"))) == len(meetings) + 1


def test_the_seed_diagram_shows_chair_questions_and_organisations_in_order(
    release: Path, root: Path, opened: Release
) -> None:
    m = yaml.safe_load((root / "data" / "meetings" / f"{SEED}.yaml").read_text(encoding="utf-8"))
    orgs = {
        o["id"]: o["name"]
        for o in yaml.safe_load((root / "data" / "organisations.yaml").read_text("utf-8"))["organisations"]
    }
    people = {p["id"]: p["name"] for p in yaml.safe_load((root / "data" / "people.yaml").read_text("utf-8"))["people"]}
    svg = parse((release / f"diagrams/meeting-{SEED}.svg").read_text(encoding="utf-8"))
    text = words(svg)
    assert people[m["chair"]["person"]] in text and "ordförande" in text
    assert f"{len(m['organisations'])} organisationer i datan" in text
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
    base = opened.base_iri  # a file people download links the pages at the data's base, not the server's root
    assert {f"{base}doc/organisation/{o}" for o in m["organisations"]} <= links
    assert f"{base}doc/person/{m['chair']['person']}" in links
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
    assert float(svg.get("width")) <= CHART_WIDTH


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
            # the last line is cut at a whole word ("…" after it); a single word too long is cut within it
            last = expected[-1]
            words = last.rsplit(" ", 1)[0].rstrip(" ,;:-–") if " " in last else ""
            expected[-1] = (words or last[: max(1, len(last) - 1)].rstrip()) + "…"
        assert _wrap(text, width, lines) == expected, (text, width, lines)


# --- the pictures say what the pages say, in the page's language ---------------------------------

DERIVED = "2017-02-eu-tjanstepaket"  # a month read from the page's address; the source names no organisation


@pytest.fixture(scope="module")
def fixture_opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


def desc(root: ET.Element) -> str:
    """The picture's ``<desc>`` as its reader reads it: with the text of the ``<span>`` in it that
    marks a name's language."""
    found = root.find(f"{SVG}desc")
    assert found is not None and found.text
    return "".join(found.itertext())


def embedded(html: str, id: str) -> ET.Element:
    """The picture a page puts inline (the ``<svg>`` whose ``<title>`` is ``id``-title)."""
    start = html.index("<svg ", html.index(f'id="{id}-title"') - 2000)
    return parse(html[start : html.index("</svg>", start) + len("</svg>")])


@pytest.mark.parametrize(
    ("lang", "said", "unsaid"),
    [
        (
            "sv",
            ["Sakråd 2017-02 (härlett).", "Inga frågeställningar namngivna", "inga organisationer namngivna"],
            ["utan känt datum", "0 frågeställningar"],
        ),
        (
            "en",
            ["Consultation (sakråd) 2017-02 (derived).", "No questions named", "no organisations named"],
            ["utan känt datum", "0 questions", "frågeställningar", "organisationer", "with no known date"],
        ),
    ],
)
def test_a_meeting_picture_says_what_its_page_says_in_its_language(
    fixture_opened: Release, lang: str, said: list[str], unsaid: list[str]
) -> None:
    base = fixture_opened.base_iri
    iri = f"{base}id/meeting/{DERIVED}"
    site = Site(base, [], [], release=fixture_opened.root)
    html = resource_page(fixture_opened.store, iri, site, lang) or ""
    picture = embedded(html, "meeting-diagram")
    assert picture.get("lang") == lang
    text = desc(picture) + " " + words(picture)
    for words_ in said:
        assert words_ in text, (words_, text)
    for words_ in unsaid:
        assert words_ not in text, (words_, text)
    # the date in the picture is the page's, marked derived as the page marks it
    derived = {"sv": "härlett", "en": "derived"}[lang]
    assert f"2017-02 ({derived})" in words(picture)
    # the file in the release is the one the page embeds, and its links go to the page's language
    assert (fixture_opened.root / meeting_file(iri, lang)).read_text(encoding="utf-8") == meeting_svg(
        fixture_opened.store, iri, base, lang=lang
    )
    here = posixpath.dirname(translated(f"doc/meeting/{DERIVED}.html", lang))
    links = [posixpath.normpath(posixpath.join(here, a.get("href") or "")) for a in picture.iter(f"{SVG}a")]
    assert links and all(h.startswith("en/") == (lang == "en") for h in links), links


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_chart_is_in_the_page_language_and_shows_derived_dates(fixture_opened: Release, lang: str) -> None:
    site = Site(fixture_opened.base_iri, [], [], release=fixture_opened.root)
    chart = embedded(start_page(fixture_opened.store, site, lang), "participation-chart")
    assert chart.get("lang") == lang
    text = words(chart) + " " + desc(chart)
    assert ("Visar" in text) == (lang == "sv") and ("Showing" in text) == (lang == "en")
    # 2017-02 is derived, not undated: a column of its own, marked, and the mark explained
    assert "2017-02*" in text and ("härlett datum" if lang == "sv" else "derived date") in text
    tips = [" ".join(t.itertext()) for t in chart.iter(f"{SVG}title")]
    derived = {"sv": "2017-02 (härlett): Första EU-sakrådet", "en": "2017-02 (derived): "}[lang]
    assert any(t.startswith(derived) for t in tips), tips
    assert not any(("utan datum" in t or "no date:" in t) and "tjänstepaket" in t for t in tips), tips


def test_the_chart_fits_a_phone_at_its_own_size(fixture_opened: Release) -> None:
    """A page's column on a 390 px phone is 358 px: the chart is no wider, so its 10-12 px words are
    drawn at their size, and no label or mark leaves the picture."""
    for lang in ("sv", "en"):
        svg = parse(participation_chart_svg(fixture_opened.store, fixture_opened.base_iri, lang=lang))
        width = float(svg.get("width") or 0)
        assert width <= 358
        for circle in svg.iter(f"{SVG}circle"):
            assert 0 <= float(circle.get("cx") or 0) - float(circle.get("r") or 0)
            assert float(circle.get("cx") or 0) + float(circle.get("r") or 0) <= width
        for text in svg.iter(f"{SVG}text"):
            size = float(text.get("font-size") or 12)
            assert size >= 8
            if text.get("transform") is None and text.get("text-anchor") is None:  # left-aligned lines
                assert float(text.get("x") or 0) + 0.55 * size * len("".join(text.itertext())) <= width + 8


# --- the pictures say no more and no less than the pages: organiser, singulars, a series' days ----

ORGANISED = "2023-02-21-eu-api-passagerare"  # schema:organizer Justitiedepartementet; convener Regeringskansliet
ONE_ORGANISATION = "2019-03-05-eu-europa-2020"
ONE_QUESTION = "2020-06-23-mans-vald"
SERIES = "2021-04-eu-framtidskonferensen"  # days 2021-04-14, -15, -22; no date of its own


def picture(release: Path, id: str, lang: str) -> str:
    svg = parse((release / meeting_file(f"https://x/id/meeting/{id}", lang)).read_text(encoding="utf-8"))
    return desc(svg) + " " + words(svg)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_picture_names_as_organiser_only_the_stated_organiser(fixture_release: Path, lang: str) -> None:
    text = picture(fixture_release, ORGANISED, lang)
    said = {"sv": "Arrangör: Justitiedepartementet.", "en": "Organiser: Justitiedepartementet."}[lang]
    assert said in text, text  # not "Justitiedepartementet, Regeringskansliet": the body above it organised nothing


@pytest.mark.parametrize(
    ("id", "lang", "said", "unsaid"),
    [
        (ONE_ORGANISATION, "sv", "1 organisation i datan", "1 organisationer"),
        (ONE_ORGANISATION, "en", "1 organisation in the data", "1 organisations"),
        (ONE_QUESTION, "sv", "1 frågeställning;", "1 frågeställningar"),
        (ONE_QUESTION, "en", "1 question;", "1 questions"),
    ],
)
def test_a_picture_says_one_in_the_singular(fixture_release: Path, id: str, lang: str, said: str, unsaid: str) -> None:
    text = picture(fixture_release, id, lang)
    assert said in text and unsaid not in text, text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_series_is_drawn_with_its_days_never_as_undated(fixture_release: Path, lang: str) -> None:
    text = picture(fixture_release, SERIES, lang)
    box = {"sv": "2021-04-14 – 2021-04-22 (3 dagar)", "en": "2021-04-14 – 2021-04-22 (3 days)"}[lang]
    days = {"sv": "Sakråd under 3 dagar:", "en": "Consultation (sakråd) on 3 days:"}[lang]
    assert box in text and f"{days} 2021-04-14, 2021-04-15, 2021-04-22." in text, text
    assert "utan känt datum" not in text and "no known date" not in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_chart_places_a_series_by_its_first_day_marked_as_a_series(fixture_opened: Release, lang: str) -> None:
    chart = parse(participation_chart_svg(fixture_opened.store, fixture_opened.base_iri, lang=lang))
    tips = [" ".join(t.itertext()) for t in chart.iter(f"{SVG}title")]
    days = {"sv": "2021-04-14 – 2021-04-22 (3 dagar): EU-sakråd", "en": "2021-04-14 – 2021-04-22 (3 days): "}[lang]
    assert any(t.startswith(days) for t in tips), tips
    assert not any(("utan datum" in t or "no date:" in t) and "2021" in t for t in tips), tips
    axis = [t for t in chart.iter(f"{SVG}text") if t.get("transform")]
    labels = [(t.find(f"{SVG}title").tail or "") for t in axis[: len(axis) // 2]]  # the top axis, left to right
    assert "2021-04-14+" in labels, labels
    # in date order: right after 2020-06-23, right before 2022-02-23
    at = labels.index("2021-04-14+")
    assert [x.rstrip("*?") for x in labels[at - 1 : at + 2]] == ["2020-06-23", "2021-04-14+", "2022-02-23"], labels
    legend = {"sv": "+ första dagen i en serie", "en": "+ first day of a series"}[lang]
    assert legend in words(chart)


# --- the chart marks a sakråd as its page does: a title the data made, a sakråd only announced ----

ANNOUNCED = "2019-11-06-rasism-hatbrott"  # sakrad:announcedOnly, a stated date
OWN_TITLE = "2019-03-05-eu-europa-2020"  # sakrad:titleDerivation, a derived date


def _column(chart: ET.Element, id: str) -> tuple[str, str]:
    """(the top label, the tooltip) of a sakråd's column."""
    text = next(a.find(f"{SVG}text") for a in chart.iter(f"{SVG}a") if (a.get("href") or "").endswith(f"/{id}"))
    assert text is not None
    title = text.find(f"{SVG}title")
    assert title is not None
    return title.tail or "", "".join(title.itertext())


@pytest.mark.parametrize(
    ("lang", "own", "announced", "legend"),
    [
        ("sv", "(datans egen rubrik)", "(kungjort: att det hölls står inte i källorna)", "? kungjort: att det"),
        ("en", "(the data's own title)", "(announced: the sources do not say it was held)", "? announced: the"),
    ],
)
def test_the_chart_marks_a_title_of_the_data_and_a_sakrad_only_announced(
    fixture_opened: Release, lang: str, own: str, announced: str, legend: str
) -> None:
    chart = parse(participation_chart_svg(fixture_opened.store, fixture_opened.base_iri, lang=lang))
    label, tip = _column(chart, ANNOUNCED)
    assert label == "2019-11-06?" and tip.endswith(announced) and own not in tip, (label, tip)
    label, tip = _column(chart, OWN_TITLE)
    assert label == "2019-03-05*" and tip.endswith(own) and announced not in tip, (label, tip)
    assert tip.startswith("2019-03-05 (" + {"sv": "härlett", "en": "derived"}[lang] + "): EU-sakråd"), tip
    # a mark's tooltip names the organisation and says the same of the sakråd
    marks = ["".join(t.itertext()) for c in chart.iter(f"{SVG}circle") for t in c.iter(f"{SVG}title")]
    assert any(m.endswith(tip) and " — " in m for m in marks), tip
    assert legend in words(chart)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "2019: 3 sakråd (1 med härlett datum, 1 med datans egen rubrik, 2 kungjorda: att de hölls står inte"),
        ("en", "2019: 3 consultations (1 with a derived date, 1 with the data's own title, 2 announced: the sources"),
    ],
)
def test_a_year_of_the_chart_counts_the_marks_of_its_sakrad(fixture_opened: Release, lang: str, said: str) -> None:
    """With more sakråd than columns, a column is a year: its tooltip says how many of its sakråd
    carry each mark, since none of their titles or dates is shown."""
    chart = parse(participation_chart_svg(fixture_opened.store, fixture_opened.base_iri, columns=5, lang=lang))
    tips = ["".join(t.itertext()) for t in chart.iter(f"{SVG}title")]
    assert any(t.startswith(said) for t in tips), tips
    series = {"sv": "2021: 1 sakråd (1 serie)", "en": "2021: 1 consultation (1 series)"}[lang]
    assert series in tips, tips
    # an organisation's mark in a year says how many of that year's sakråd it took part in
    marks = ["".join(t.itertext()) for c in chart.iter(f"{SVG}circle") for t in c.iter(f"{SVG}title")]
    one = {"sv": " (1 sakråd)", "en": " (1 consultation)"}[lang]
    assert any(m.endswith(one) for m in marks) and not any(m.endswith(" (1 consultations)") for m in marks), marks
    # a year none of whose sakråd is marked says only how many
    plain = diagrams._year_tip("2020", [diagrams._Said("stated", False, False)] * 2, diagrams._words(lang))
    assert plain == {"sv": "2020: 2 sakråd", "en": "2020: 2 consultations"}[lang]
