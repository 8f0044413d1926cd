"""The load checks compile their regular expressions when first used, not when imported
(clauses.LazyPattern; docs/performance.md, "This version: the seed build's CPU"), and a lazy pattern
answers as the compiled one does."""

from __future__ import annotations

import json
import marshal
import re
import subprocess
import sys

import pytest

from sakrad_ld import clauses
from sakrad_ld.clauses import LazyPattern

LOAD_CHECKS = ("stated", "clauses", "counted", "dated", "placed", "organised", "translated", "announced", "attested")

#: Imports the load checks with re's compiler watched; prints the modules that compiled a pattern.
PROGRAM = """
import json, re, sys
import re._compiler as compiler
compile, by = compiler.compile, []
def watched(pattern, flags=0):
    frame = sys._getframe(1)
    while frame and frame.f_code.co_filename.endswith("__init__.py") and frame.f_globals["__name__"] == "re":
        frame = frame.f_back
    by.append(frame.f_globals.get("__name__"))
    return compile(pattern, flags)
compiler.compile = watched
import importlib
for name in NAMES:
    importlib.import_module("sakrad_ld." + name)
print(json.dumps(sorted(set(by))))
"""


def test_importing_the_load_checks_compiles_none_of_their_patterns() -> None:
    program = PROGRAM.replace("NAMES", repr(LOAD_CHECKS))
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    compiled_by = json.loads(done.stdout.splitlines()[-1])
    assert not [m for m in compiled_by if m.removeprefix("sakrad_ld.") in LOAD_CHECKS], compiled_by


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source = r"(?<!\w)(?:ställdes in|inställt)(?!\w)"
    lazy, compiled = LazyPattern(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert lazy.pattern == source and "search" not in vars(lazy)  # its source, read without compiling
    text = "Mötet ställdes in. Det var INSTÄLLT, inte ställdes inte."
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("X", text) == compiled.sub("X", text)
    assert lazy.search(text, 20).span() == compiled.search(text, 20).span()
    assert lazy.groups == compiled.groups and lazy.flags == compiled.flags
    assert "search" in vars(lazy)  # compiled once, then answered from the instance


# The compiled programs kept between runs (clauses.Programs)

SOURCES = [
    (r"(?<!\w)(?:ställdes in|inställt)(?!\w)", re.IGNORECASE),
    (r"(?P<n>\d+) (?P<what>deltagare|organisationer)|(\w+)", 0),
    (r"(?m)^([^\S\n]*)(\*\*|__|\*|_)([^*_:\n]{1,40})(?::\2|\2:)", 0),
]
TEXT = "Mötet ställdes in; 12 deltagare, INSTÄLLT.\n**Ordförande:** Eva Ek\n 3 organisationer"


def _same(made: re.Pattern[str], source: str, flags: int) -> None:
    compiled = re.compile(source, flags)
    assert made == compiled and made.flags == compiled.flags and made.groups == compiled.groups
    assert dict(made.groupindex) == dict(compiled.groupindex)
    assert [(m.span(), m.groups()) for m in made.finditer(TEXT)] == [
        (m.span(), m.groups()) for m in compiled.finditer(TEXT)
    ]
    assert made.sub("X", TEXT) == compiled.sub("X", TEXT)


def test_a_kept_program_makes_the_pattern_re_compile_makes(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = str(tmp_path / "__pycache__" / "patterns.marshal")
    first = clauses.Programs(path)
    for source, flags in SOURCES:
        _same(first.compiled(source, flags), source, flags)
    monkeypatch.setattr(clauses, "_program", lambda *_: pytest.fail("compiled again, not read from the file"))
    second = clauses.Programs(path)  # another run: every program read from the file
    for source, flags in SOURCES:
        _same(second.compiled(source, flags), source, flags)


@pytest.mark.parametrize(
    "damage",
    [
        lambda path, stamp: path.write_bytes(b"not marshal"),
        lambda path, stamp: path.write_bytes(marshal.dumps((("3.0.0", 1), {}))),  # another Python's
        lambda path, stamp: path.write_bytes(  # a program the engine refuses
            marshal.dumps(
                (
                    stamp,
                    {(s, int(f)): (int(f), (999).to_bytes(4, sys.byteorder) * 3, 0, {}, (None,)) for s, f in SOURCES},
                )
            )
        ),
    ],
)
def test_a_damaged_or_foreign_file_is_as_no_file(tmp_path, monkeypatch, damage) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "patterns.marshal"
    programs = clauses.Programs(str(path))
    damage(path, programs._stamp())
    for source, flags in SOURCES:
        _same(programs.compiled(source, flags), source, flags)
    assert clauses.Programs(str(path))._read().keys() >= set(SOURCES)  # written again, whole


def test_no_file_is_written_without_bytecode_or_where_the_folder_cannot_be(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "patterns.marshal"
    programs = clauses.Programs(str(path))
    _same(programs.compiled(*SOURCES[0]), *SOURCES[0])
    assert not path.exists() and not programs._table  # nor are the other lazy patterns compiled for nothing
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    blocked = tmp_path / "a file" / "patterns.marshal"
    (tmp_path / "a file").write_text("")  # its folder cannot be made
    _same(clauses.Programs(str(blocked)).compiled(*SOURCES[1]), *SOURCES[1])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file"]
