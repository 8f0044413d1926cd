"""A draft printed by ``sakrad-ld import`` is a YAML file: UTF-8 on standard output whatever the
terminal's encoding, never with escapes (``\\xe5``) in place of the characters it lacks, which would
change the names and titles the draft gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "sources" / "sakrad-2017-12-12-integration.txt"


@pytest.mark.parametrize(
    "encoding",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}, {}],
    ids=["ascii", "C locale", "utf-8"],
)
def test_a_printed_draft_is_utf8_whatever_the_terminal(encoding: dict[str, str]) -> None:
    env = {**os.environ, **encoding}
    run = subprocess.run(
        [sys.executable, "-m", "sakrad_ld", "import", str(SOURCE)], capture_output=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr.decode("utf-8", "backslashreplace")
    text = run.stdout.decode("utf-8")  # strict: the bytes are UTF-8
    assert "\\x" not in text and "\\u" not in text
    draft = yaml.safe_load(text)
    assert "sakråd" in draft["title"]["sv"].lower(), draft["title"]
    assert b"Traceback" not in run.stderr
