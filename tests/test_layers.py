"""The package's layers, declared once and checked: no module imports from a layer above its own
(docs/architecture.md draws them). Imports inside functions count too: a lazy import that climbs
is still a dependency that climbs. rdflib, the second term model, is allowed only in the modules
that are declared as its edges."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sakrad_ld"

#: The layers, lowest first: the top-level modules and subpackages of sakrad_ld in each. A module
#: may import from its own layer and the layers below.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "__init__",
        "errors",
        "layout",
        "inputfiles",
        "typedyaml",
        "project",
        "folders",
        "processes",
        "deadline",
        "markup",
        "streams",
    ),  # foundations
    (
        "formats",
        "vocab",
        "iri",
        "triples",
        "rdflib_edge",
        "records",
        "corpus",
        "loadcache",
        "duplicated",
        "numbered",
        "attested",
        "modified",
        "dated",
        "announced",
        "titled",
        "placed",
        "posted",
        "organised",
        "clauses",
        "corrected",
        "named",
        "counted",
        "orgnr",
        "stated",
        "translated",
        "registered",
        "withdrawn",
        "contradicted",
    ),  # terms, formats, the records of data/
    ("registers", "importer", "schemafolder", "serialize", "jsonld", "writers", "shacl", "tables"),  # writers, engines
    ("graph", "quads", "validate", "manifest", "documents", "warnings_summary"),  # the graph and its documents
    ("catalogue", "diff"),  # describing and comparing releases
    ("sparql",),  # stores and queries
    ("web",),  # pages, pictures, the static export
    ("release",),  # the build
    ("serving",),  # the HTTP server
    ("cli", "bounded", "__main__"),  # the people's side
)

#: Modules that may import rdflib: the edges where a library needs it. The package holds pyoxigraph
#: terms only; ``rdflib_edge`` converts them for the tests and for pySHACL, the reference SHACL
#: engine the package's own engine is held to, which ``shacl.reference`` runs.
RDFLIB_EDGES: frozenset[str] = frozenset({"rdflib_edge", "shacl.reference"})


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def _imports(path: Path, module: str | None = None) -> set[str]:
    """Every module ``path`` imports: our own as ``sakrad_ld.…`` (relative imports resolved as
    module ``module``, by default the one at ``path``), others by their own names."""
    module = module or _module(path)
    package = [
        "sakrad_ld",
        *(module.split(".") if path.name == "__init__.py" and module != "__init__" else module.split(".")[:-1]),
    ]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                target = ".".join(
                    [*package[: len(package) - (node.level - 1)], *([node.module] if node.module else [])]
                )
                found.add(target)
                found.update(f"{target}.{a.name}" for a in node.names)  # a submodule imported by name
            elif node.module:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def _layer(name: str) -> int | None:
    """The layer of one of our modules (``sakrad_ld.x.y``); None for a name that is not a module of ours."""
    if name == "sakrad_ld":
        return 0
    if not name.startswith("sakrad_ld."):
        return None
    top = name.split(".")[1]
    return next((n for n, layer in enumerate(LAYERS) if top in layer), None)


def _climbing(path: Path, module: str) -> list[str]:
    own = _layer(f"sakrad_ld.{module}")
    assert own is not None, f"{module} is in no layer"
    return sorted(name for name in _imports(path, module) if (layer := _layer(name)) is not None and layer > own)


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_layer() -> None:
    tops = {_module(p).split(".")[0] for p in MODULES}
    declared = {name for layer in LAYERS for name in layer}
    assert tops - declared == set(), "modules in no layer: declare them in LAYERS (and docs/architecture.md)"
    assert declared - tops == set(), "layers name modules that do not exist"


@pytest.mark.parametrize("path", MODULES, ids=_module)
def test_no_module_imports_from_a_layer_above_its_own(path: Path) -> None:
    climbing = _climbing(path, _module(path))
    assert not climbing, f"{_module(path)} imports from a layer above its own: {climbing}"


def test_the_layer_check_sees_a_climbing_import(tmp_path: Path) -> None:
    """Guards the check above: a low module importing a high one, at the top or inside a function,
    is caught."""
    probe = tmp_path / "errors.py"
    probe.write_text(
        (PACKAGE / "errors.py").read_text(encoding="utf-8")
        + "\n\ndef late():\n    from .serving.server import create_app\n    return create_app\n"
    )
    assert "sakrad_ld.serving.server" in _climbing(probe, "errors")
    assert _climbing(PACKAGE / "errors.py", "errors") == []


@pytest.mark.parametrize("path", MODULES, ids=_module)
def test_rdflib_only_at_the_declared_edges(path: Path) -> None:
    module = _module(path)
    uses = any(name == "rdflib" or name.startswith("rdflib.") for name in _imports(path))
    if module in RDFLIB_EDGES:
        return
    assert not uses, f"{module} imports rdflib, which is only for the declared edges (RDFLIB_EDGES)"


def test_the_rdflib_edges_exist_and_use_it() -> None:
    """An edge that no longer imports rdflib leaves the list (it may only shrink)."""
    by_module = {_module(p): p for p in MODULES}
    for module in RDFLIB_EDGES:
        assert module in by_module, f"{module} is declared an rdflib edge but does not exist"
        assert any(n == "rdflib" or n.startswith("rdflib.") for n in _imports(by_module[module])), (
            f"{module} no longer imports rdflib: take it off RDFLIB_EDGES"
        )


def test_the_architecture_notes_name_modules_that_exist_and_every_layer() -> None:
    """docs/architecture.md: every module path it names exists, and its picture shows every layer's modules."""
    import re

    root = PACKAGE.parents[1]
    text = (root / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:src|tests|shapes)/[\w./-]+)`", text))
    assert len(named) > 20, "the notes name too few modules to be checked"
    assert [n for n in sorted(named) if not (root / n).exists()] == []
    picture = text.split("```", 2)[1]
    for layer in LAYERS:
        for name in layer:
            if name != "__init__":
                assert re.search(rf"(?<![\w/]){re.escape(name)}(\.py|/)", picture), f"{name} is not in the picture"


@pytest.mark.parametrize("path", MODULES, ids=_module)
def test_pyshacl_only_in_the_reference_engine(path: Path) -> None:
    """pySHACL is the reference the package's own engine is held to, run by ``shacl.reference``
    (``validate --engine pyshacl`` and the tests); a build never needs it."""
    uses = any(name == "pyshacl" or name.startswith("pyshacl.") for name in _imports(path))
    assert not uses or _module(path) == "shacl.reference", f"{_module(path)} imports pySHACL"


def _vocabulary_bases() -> tuple[str, ...]:
    from sakrad_ld import vocab

    return tuple(str(ns) for name in vocab.__all__ if isinstance(ns := getattr(vocab, name), vocab.Namespace))


@pytest.mark.parametrize("path", [p for p in MODULES if _module(p) != "vocab"], ids=_module)
def test_vocabulary_terms_are_made_only_in_vocab(path: Path) -> None:
    """A term of a vocabulary the package names is taken from ``vocab`` (made once there), never
    made again from its IRI text elsewhere."""
    bases = _vocabulary_bases()
    made = [
        node.args[0].value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", getattr(node.func, "id", None)) == "NamedNode"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
        and node.args[0].value.startswith(bases)
    ]
    assert not made, f"{_module(path)} makes vocabulary terms itself: {made}; name them through sakrad_ld.vocab"
