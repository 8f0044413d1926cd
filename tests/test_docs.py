"""The README documents every command, option and setting the code has (and the code has them)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import pytest

from sakrad_ld.cli import COMMANDS, parser
from sakrad_ld.records import DatasetConfig

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_and_its_options_are_documented(command: str) -> None:
    assert f"sakrad-ld {command}" in README
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    for action in sub.choices[command]._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert option in README, f"{command} {option} is not in the README"


@pytest.mark.parametrize("setting", [f.name for f in dataclasses.fields(DatasetConfig) if f.name != "lines"])
def test_setting_is_documented(setting: str) -> None:
    assert f"`{setting}`" in README


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0].strip() for b in start.split("```sh\n")[1:]]
    assert len(blocks) == 2 and all("\n" not in b for b in blocks)
    assert "sakrad-ld build" in blocks[0] and blocks[1] == "bash .ci/run"
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    last = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")][-1]
    assert last.endswith("python -m pytest") and "pip install" in last
