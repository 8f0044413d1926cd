"""A published IRI keeps naming the thing it named (Cool URIs don't change:
https://www.w3.org/Provider/Style/URI; docs/adding-a-meeting.md, "Never change an id").

A note's IRI ends in its number, as do a further group's count's, a question's and a discussion
area's, and a post holding's in its day, source or key, so these are the IRIs an edit can move
without changing any id: a note, a count or a question added above others, a holding's as_of taken
away. tests/fixtures/published-iris.json lists every such IRI of the published releases with what it
names (a note's record, the fact it is about and its Swedish text; a count's or a list item's
property, words and the group it counts; a holding's person, post and source); the build of data/
must give each the same, or a text reworded and not replaced.
An IRI a release withdrew carries ``withdrawn`` (why) and must name nothing again.

When a release is published, add its new IRIs to the list:
``python tests/test_iri_stability.py RELEASE`` (a built release folder; the list is only added to).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from conftest import FIXTURE_DATA, change, refused

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph

LIST = Path(__file__).parent / "fixtures" / "published-iris.json"
DATA = Path(__file__).parent.parent / "data"
SAKRAD = "https://w3id.org/sakrad/ontology#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA_TEXT = "https://schema.org/text"
DCT_SOURCE = "http://purl.org/dc/terms/source"

#: What a note, a count, a question or discussion area ("item") or a holding of a graph is, by IRI: its
#: class and the facts that say what it names.
QUERY = f"""
PREFIX sakrad: <{SAKRAD}> PREFIX org: <{ORG}>
SELECT ?s ?type ?about ?text ?group ?post ?member ?source WHERE {{
  {{ ?s a sakrad:Note . BIND("note" AS ?type)
     OPTIONAL {{ ?s sakrad:aboutProperty ?about }}
     ?s <{SCHEMA_TEXT}> ?text FILTER(LANG(?text) = "sv") }}
  UNION
  {{ ?s a sakrad:StatedCount . BIND("count" AS ?type)
     ?meeting ?about ?s . ?s sakrad:wording ?text
     FILTER(?about IN (sakrad:invitedOrganisationCount, sakrad:participatingOrganisationCount, sakrad:participantCount))
     OPTIONAL {{ ?s sakrad:countedGroup ?group }} }}
  UNION
  {{ ?meeting ?about ?s . BIND("item" AS ?type)
     FILTER(?about IN (sakrad:question, sakrad:discussionArea, sakrad:announcedDiscussionArea))
     ?s <{SCHEMA_TEXT}> ?text FILTER(LANG(?text) = "sv") }}
  UNION
  {{ ?s a sakrad:PostHolding . BIND("holding" AS ?type)
     ?s sakrad:post ?post ; org:member ?member ; <{DCT_SOURCE}> ?source }}
}}"""


def named(facts: Iterable[tuple[Any, ...]]) -> dict[str, dict[str, str]]:
    """Each note's and holding's IRI → what it names, in ``facts`` ((subject, predicate, object, …))."""
    store = ox.Store()
    store.bulk_extend(ox.Quad(f[0], f[1], f[2]) for f in facts)
    out: dict[str, dict[str, str]] = {}
    for row in store.query(QUERY):
        keys = ("type", "about", "text", "group", "post", "member", "source")
        item = {k: row[k].value for k in keys if row[k] is not None}
        out[row["s"].value] = item
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def same_thing(before: dict[str, str], now: dict[str, str]) -> bool:
    """Whether ``now`` is the thing ``before`` was: a holding of the same person, post and source; a
    note about the same fact, a count of the same property and group, or a question or discussion
    area of the same property, whose text, if reworded, keeps most of its words (a note replaced by
    another shares few)."""
    if before["type"] != now.get("type"):
        return False
    if before["type"] == "holding":
        return all(before[k] == now.get(k) for k in ("post", "member", "source"))
    if before.get("about") != now.get("about") or before.get("group") != now.get("group"):
        return False
    old, new = _words(before["text"]), _words(now.get("text", ""))
    return len(old & new) / len(old | new) >= 0.5


@pytest.fixture(scope="module")
def built() -> dict[str, dict[str, str]]:
    return named(build_graph(load_corpus(DATA)).quads)


def test_every_published_iri_names_what_it_named(built: dict[str, dict[str, str]]) -> None:
    published = json.loads(LIST.read_text(encoding="utf-8"))
    assert len(published) > 50, "the list of published IRIs is missing most of them"
    moved = [
        iri for iri, was in published.items() if "withdrawn" not in was and not same_thing(was, built.get(iri, {}))
    ]
    assert not moved, f"published IRIs that name something else now, or nothing: {moved}"
    again = [iri for iri, was in published.items() if "withdrawn" in was and iri in built]
    assert not again, f"withdrawn IRIs that name something again: {again}"


def test_every_note_of_data_has_its_number(built: dict[str, dict[str, str]]) -> None:
    """Once published, a note's number is written down: a note added above it, or one taken away,
    then moves no other (a note without ``n`` takes its place among the notes)."""
    corpus = load_corpus(DATA)
    missing = [
        f"{n.lines.file.name}:{n.lines.line}"
        for record in (*corpus.meetings, *corpus.sources)
        for n in record.notes
        if n.n is None
    ]
    assert not missing, f"notes without n (give each the number after the record's highest): {missing}"


def test_a_note_added_at_the_top_moves_no_other(tmp_path: Path) -> None:
    """The notes given their numbers keep their IRIs and texts when a note is put above them."""
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    meeting = tmp_path / "data" / "meetings" / "2017-12-12-integration.yaml"
    change(meeting, "notes:\n  - text:", "notes:\n  - n: 1\n    text:")
    before = named(build_graph(load_corpus(tmp_path / "data")).quads)
    change(meeting, "notes:\n", "notes:\n  - n: 2\n    text: En ny anteckning överst.\n")
    after = named(build_graph(load_corpus(tmp_path / "data")).quads)
    notes = {iri: was for iri, was in before.items() if "/meeting/2017-12-12-integration/note/" in iri}
    assert notes and all(after[iri] == was for iri, was in notes.items())
    assert after[notes.popitem()[0].replace("/note/1", "/note/2")]["text"] == "En ny anteckning överst."


def test_without_numbers_a_note_added_at_the_top_moves_the_others(tmp_path: Path) -> None:
    """What the numbers guard against: a note's place is its number where it has none."""
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    meeting = tmp_path / "data" / "meetings" / "2017-12-12-integration.yaml"
    change(meeting, "notes:\n", "notes:\n  - text: En ny anteckning överst.\n")
    after = named(build_graph(load_corpus(tmp_path / "data")).quads)
    assert after["https://w3id.org/sakrad/id/meeting/2017-12-12-integration/note/1"]["text"] == (
        "En ny anteckning överst."
    )


def test_a_note_number_used_twice_is_refused(tmp_path: Path) -> None:
    """A new note without a number above one numbered 1 would take 1 by its place: refused, naming
    the file, the line and the field of the second."""
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    meeting = tmp_path / "data" / "meetings" / "2017-12-12-integration.yaml"
    line = change(meeting, "notes:\n  - text:", "notes:\n  - text: En ny anteckning överst.\n  - n: 1\n    text:")
    errors = [e for e in refused(tmp_path) if "note number" in e]
    assert len(errors) == 1, errors
    assert f"2017-12-12-integration.yaml:{line + 2}:" in errors[0] and "notes[1].n" in errors[0], errors
    assert f"used twice (also the note on line {line + 1}, its place among the notes)" in errors[0]


def test_a_note_number_below_one_is_refused(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    meeting = tmp_path / "data" / "meetings" / "2017-12-12-integration.yaml"
    line = change(meeting, "notes:\n  - text:", "notes:\n  - n: 0\n    text:")
    errors = [e for e in refused(tmp_path) if "note number" in e]
    assert errors == [e for e in errors if f"2017-12-12-integration.yaml:{line + 1}:" in e and ".n" in e], errors
    assert len(errors) == 1


def test_a_holding_keeps_its_key_as_its_iri(tmp_path: Path) -> None:
    """A holding published as …/2017-12-12 whose as_of is taken away keeps its IRI by its key (as Alice Bah
    Kuhnke's did until release 1.4.0 withdrew it); without the key, the IRI would end in its source."""
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    iri = (
        "https://w3id.org/sakrad/id/person/anders-kessling/holding/"
        "statssekreterare-hos-arbetsmarknads-och-etableringsministern/2017-12-12"
    )
    before = named(build_graph(load_corpus(tmp_path / "data")).quads)
    assert iri in before
    people = tmp_path / "data" / "people.yaml"
    change(people, "        as_of: 2017-12-12\n", '        key: "2017-12-12"\n')
    after = named(build_graph(load_corpus(tmp_path / "data")).quads)
    assert after[iri] == before[iri]


def test_plain_json_readers_get_a_list_of_participant_counts(fixture_release: Path) -> None:
    """participantCount may repeat (groups counted apart), so the context makes it a set: a list in
    every meeting's JSON-LD, also where there is one count."""
    counts = [
        json.loads(f.read_text(encoding="utf-8")).get("participantCount")
        for f in sorted((fixture_release / "meetings").glob("*.jsonld"))
    ]
    assert [c for c in counts if c is not None], "no meeting of the fixture has a participant count"
    assert all(isinstance(c, list) for c in counts if c is not None), counts


def add_release(release: Path) -> int:
    """Adds the note, count, list item and holding IRIs of ``release`` (its sakrad.nt) the list lacks;
    returns how many."""
    store = ox.Store()
    store.bulk_load(path=release / "sakrad.nt", format=ox.RdfFormat.N_TRIPLES)
    published = json.loads(LIST.read_text(encoding="utf-8")) if LIST.exists() else {}
    new = {
        iri: was
        for iri, was in named((q.subject, q.predicate, q.object) for q in store).items()
        if iri not in published
    }
    published.update(new)
    LIST.write_text(json.dumps(dict(sorted(published.items())), ensure_ascii=False, indent=1) + "\n", "utf-8")
    return len(new)


if __name__ == "__main__":
    print(f"{add_release(Path(sys.argv[1]))} IRIs added to {LIST.name}")


def test_a_holding_key_another_holdings_iri_has_is_refused(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    held = (
        "      - post: statssekreterare-hos-arbetsmarknads-och-etableringsministern\n"
        "        source: dokumentation-2017-12-12-integration\n"
    )
    line = change(
        tmp_path / "data" / "people.yaml",
        held,
        held + "        as_of: 2017-12-12\n" + held + "        key: 2017-12-12\n",
    )
    errors = [e for e in refused(tmp_path) if "holding's IRI" in e]
    assert len(errors) == 1, errors
    assert f"people.yaml:{line + 5}:" in errors[0] and ".key" in errors[0], errors
    assert f"is that of the holding on line {line}" in errors[0]


def test_two_holdings_of_one_iri_on_one_line_are_refused(tmp_path: Path) -> None:
    """Holdings written as a flow list share a line: they are told apart by their place in the list."""
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    post, source = (
        "statssekreterare-hos-arbetsmarknads-och-etableringsministern",
        "dokumentation-2017-12-12-integration",
    )
    one = f"{{post: {post}, source: {source}, key: k}}"
    change(
        tmp_path / "data" / "people.yaml",
        f"    holds:\n      - post: {post}\n        source: {source}\n        as_of: 2017-12-12\n",
        f"    holds: [{one}, {one}]\n",
    )
    errors = [e for e in refused(tmp_path) if "holding's IRI" in e]
    assert len(errors) == 1, errors
