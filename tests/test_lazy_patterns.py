"""The load checks compile their regular expressions when first used, not when imported
(clauses.LazyPattern; docs/performance.md, "This version: the seed build's CPU"), and a lazy pattern
answers as the compiled one does."""

from __future__ import annotations

import json
import re
import subprocess
import sys

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
