"""A count of one group is never published, shown or tabled as everyone's (sakrad:countedGroup).

2024-02-05's page: "deltog ett tiotal representanter från olika civilsamhällesorganisationer samt ett
tiotal representanter för Regeringskansliet". The release has a sakrad:participantCount for each
group, each with its group in the source's words, and no count of twenty; the meeting's page (sv, en)
and tables/counts.csv give each count with its group. A group the count's words do not hold, and two
counts without groups, are refused by the shapes (tests/shapes/cases/count-group-*.yaml,
participant-counts-without-groups.yaml); loading reads `group` and `other_participant_counts`.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.corpus import load_corpus
from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import SAKRAD, SCHEMA
from sakrad_ld.web.pages import Site, resource_page

MEETING = "2024-02-05-hbtqi-handlingsplan"
GROUPS = {
    "participant": "representanter från olika civilsamhällesorganisationer",
    "participant-2": "representanter för Regeringskansliet",
}


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


def _counts(store: ox.Store, meeting: str) -> dict[str, tuple[str | None, str | None]]:
    """count IRI's last segment → (its number, its group)."""
    found = {}
    s = ox.NamedNode(f"https://w3id.org/sakrad/id/meeting/{meeting}")
    for q in store.quads_for_pattern(s, SAKRAD.participantCount, None):
        c = q.object
        value = next((v.object.value for v in store.quads_for_pattern(c, SCHEMA.value, None)), None)
        group = next((g.object for g in store.quads_for_pattern(c, SAKRAD.countedGroup, None)), None)
        assert group is None or (isinstance(group, ox.Literal) and group.language == "sv"), group
        found[c.value.rsplit("/", 1)[-1]] = (value, group.value if group is not None else None)
    return found


def test_two_groups_counted_apart_are_two_counts_each_with_its_group(opened: Release) -> None:
    counts = _counts(opened.store, MEETING)
    assert counts == {"participant": ("10", GROUPS["participant"]), "participant-2": ("10", GROUPS["participant-2"])}


@pytest.mark.parametrize(
    ("meeting", "group"),
    [
        ("2019-03-05-eu-europa-2020", "personer från det civila samhället"),
        ("2025-05-16-jordbrukspolitik", "deltagare från myndigheter och branschorganisationer"),
    ],
)
def test_a_count_of_one_group_names_it_and_a_count_of_all_names_none(
    opened: Release, meeting: str, group: str | None
) -> None:
    assert [g for _, g in _counts(opened.store, meeting).values()] == [group]


def test_a_count_of_everyone_names_no_group(fixture_release: Path) -> None:
    """The fixture project's 2017-03-14-rasism-uppstart counts everyone ("Ett sextiotal deltagare"); data/
    withdrew that count in release 1.4.0 (read only in the compilation's notes) and counts no one else so."""
    fixture = Release.open(fixture_release)
    assert list(_counts(fixture.store, "2017-03-14-rasism-uppstart").values()) == [("60", None)]


@pytest.mark.parametrize(("lang", "only"), [("sv", "räknar bara"), ("en", "counts only")])
def test_the_meeting_page_gives_each_count_with_its_group_and_no_total(opened: Release, lang: str, only: str) -> None:
    site = Site(opened.base_iri, [], [], release=opened.root)
    html = resource_page(opened.store, f"{opened.base_iri}id/meeting/{MEETING}", site, lang) or ""
    summary = " ".join(re.sub(r"<[^>]+>", " ", html[html.index('<dl class="facts">') : html.index("</dl>")]).split())
    about = "cirka" if lang == "sv" else "about"
    for words, group in (
        ("ett tiotal representanter från olika civilsamhällesorganisationer", GROUPS["participant"]),
        ("ett tiotal representanter för Regeringskansliet", GROUPS["participant-2"]),
    ):
        assert f"{words} ({about} 10; {only} {group} )" in summary, summary
    assert f"{about} 20" not in summary  # no total of the two groups


def test_the_counts_table_has_a_row_for_each_group(release: Path) -> None:
    with (release / "tables" / "counts.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["meeting_id"] == MEETING and r["count"] == "participantCount"]
    assert [(r["value"], r["counted_group_sv"]) for r in rows] == [("10", g) for g in GROUPS.values()]


def test_loading_reads_the_group_of_each_count(root: Path) -> None:
    m = next(m for m in load_corpus(root / "data").meetings if m.id == MEETING)
    assert m.participant_count is not None and m.participant_count.group == GROUPS["participant"]
    assert [c.group for c in m.other_participant_counts] == [GROUPS["participant-2"]]
    assert m.other_participant_counts[0].lines is not None  # its line, for a finding about it
