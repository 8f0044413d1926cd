"""What ``sakrad-ld build`` imports: only what building a release uses. The server, the network,
logging and the rdflib/pySHACL stack are for other commands (docs/performance.md, "The seed build")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from conftest import fixture_project

from sakrad_ld.cli import COMMANDS, parser

#: Modules a build has no use for, each with what needs it instead.
NOT_FOR_A_BUILD = {
    "sakrad_ld.serving": "sakrad-ld serve",
    "urllib.request": "links check --online",
    "concurrent.futures": "links check --online, manifests of releases a build did not write",
    "logging": "only what logs a warning imports it",
    "rdflib": "validate --engine pyshacl",
    "pyshacl": "validate --engine pyshacl",
    "stdnum": "an organisation number that must be refused or written otherwise (sakrad_ld.orgnr)",
    "markdown_it": "the pages of kept source texts (sakrad-ld serve, export)",
    "importlib.resources": "nothing: the package's own files are read beside its modules (its readers import zipfile, threading)",
    "jinja2": "the pages (sakrad-ld serve, export); the pictures a build draws read their words without it",
}


def test_a_build_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    program = (
        "import json, sys\n"
        "from sakrad_ld.cli import main\n"
        f"code = main(['-C', {str(project)!r}, 'build', '--out', {str(tmp_path / 'dist')!r}])\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0, done.stderr
    assert (tmp_path / "dist" / "SHA256SUMS").is_file()
    imported = {m: why for m, why in NOT_FOR_A_BUILD.items() if m in modules}
    assert imported == {}, f"a build imported {sorted(imported)}"


def test_only_the_chosen_command_declares_its_arguments() -> None:
    def declared(top) -> dict[str, list[str]]:  # noqa: ANN001 - an argparse parser
        (sub,) = [a for a in top._actions if a.dest == "command"]
        return {name: [a.dest for a in p._actions if a.dest != "help"] for name, p in sub.choices.items()}

    every = declared(parser())
    build = declared(parser("build"))
    assert sorted(build) == sorted(every) == sorted(COMMANDS)  # every command listed in --help
    assert build["build"] == every["build"] and "cache" in build["build"]
    assert all(build[name] == [] for name in COMMANDS if name != "build") and every["serve"]


def test_the_query_reader_compiles_its_expression_when_first_used() -> None:
    # importing the SHACL engine compiles nothing for SPARQL-based targets: shapes without any
    # (such as DCAT-AP's) never pay for it
    program = "import sakrad_ld.shacl.engine, sakrad_ld.shacl.sparql as s; print(s._token.cache_info().currsize)"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0"], done.stderr
    from sakrad_ld.shacl import sparql

    read = sparql.predicates_read("PREFIX ex: <http://example.org/> SELECT ?s WHERE { ?s ex:p ?o }")
    assert sparql._token.cache_info().currsize == 1
    assert read == {ox.NamedNode("http://example.org/p"): None}
    assert sparql.predicates_read("SELECT ?s WHERE { ?s ?p ?o }") is None  # a variable predicate: every triple
