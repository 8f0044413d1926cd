"""Adding a meeting breaks nothing: a copy of data/ with one more meeting builds, and every saved query
answers on its release; the commands docs/adding-a-meeting.md names work as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from sakrad_ld.cli import main
from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.sparql.query import bind, evaluate, saved_queries
from sakrad_ld.sparql.store import Release

ROOT = Path(__file__).resolve().parents[1]

NEW_MEETING = """\
# yaml-language-server: $schema=../../schema/meeting.schema.json
id: 2099-01-15-test-sakrad
source: test-page
title:
  sv: Ett sakråd som bara finns i testet
date: 2099-01-15
date_derivation:
  sv: Sidan säger "den 15 januari"; året är sidans publiceringsår.
invited_count:
  text: ett 20-tal organisationer
  value: 20
  approximate: true
conveners:
  - body: regeringskansliet
organisations: [radda-barnen, svenska-roda-korset]
organisation_list: partial
discussion_areas:
  - ett första område
notes:
  - about: organisations
    text:
      sv: Bara två organisationer namnges.
"""

NEW_SOURCE = """
  - id: test-page
    kind: web-page
    title:
      sv: Ett sakråd som bara finns i testet  # the meeting takes the page's title (titled.py)
    url: https://www.regeringen.se/sakrad/2099/01/test/
    published: 2099-01-20
"""


def test_a_copy_of_the_data_with_one_more_meeting_builds_and_every_saved_query_answers(project_copy: Path) -> None:
    (project_copy / "data" / "meetings" / "2099-01-15-test-sakrad.yaml").write_text(NEW_MEETING, encoding="utf-8")
    sources = project_copy / "data" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + NEW_SOURCE, encoding="utf-8")
    dataset = project_copy / "data" / "dataset.yaml"  # the guide: set modified to the day the data changed
    dataset.write_text(
        re.sub(r"(?m)^modified: .*$", "modified: 2099-01-20", dataset.read_text(encoding="utf-8")), encoding="utf-8"
    )
    result = write_release(Project.at(project_copy), project_copy / "dist")
    assert result.out is not None, result.report.text("en")
    release = Release.open(project_copy / "dist")
    answers = {}
    for query in saved_queries():
        params = {p.name: "radda-barnen" for p in query.parameters}
        text = bind(query, params, release.base_iri) if params else query.text
        answers[query.name] = evaluate(release.store, text, base_iri=release.base_iri)
    rows = [[str(t) for t in row] for row in answers["meetings"].rows]
    assert any("2099-01-15-test-sakrad" in row[0] and "2099-01-15" in row[2] for row in rows), rows
    assert any("2099-01-15-test-sakrad" in str(row[2]) for row in answers["organisation-participation"].rows)


def _commands() -> list[list[str]]:
    text = (ROOT / "docs" / "adding-a-meeting.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    return [shlex.split(line)[1:] for block in blocks for line in block.splitlines() if line.startswith("sakrad-ld ")]


@pytest.mark.parametrize("argv", _commands(), ids=lambda a: a[0])
def test_the_guide_s_commands_work(
    argv: list[str], project_copy: Path, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [a.replace("../shared/", f"{shared}/") for a in argv]
    if argv[0] == "query":
        assert main(["-C", str(project_copy), "build", "--out", str(project_copy / "dist")]) == 0
        argv = [argv[0], "--release", str(project_copy / "dist"), *argv[1:]]
    assert main(["-C", str(project_copy), *argv]) == 0, capsys.readouterr()


def test_the_guide_names_the_steps_in_order() -> None:
    text = (ROOT / "docs" / "adding-a-meeting.md").read_text(encoding="utf-8")
    steps = [
        text.index(h)
        for h in (
            "## 1. The source",
            "## 2. People",
            "## 3. The meeting",
            "## 4. Check and build",
            "## When to bump the version",
        )
    ]
    assert steps == sorted(steps)
