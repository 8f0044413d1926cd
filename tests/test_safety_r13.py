"""Safety of what the commands read and write.

* The JSON Schemas say ``uniqueItems`` for exactly the lists in which loading refuses an item listed
  twice: every list of every file of ``data/`` and the fixture project is given its first item again,
  and the loader's refusal ("listed twice") is compared with a JSON Schema validator's (jsonschema).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from sakrad_ld.corpus import DATA_FILES, schemas
from sakrad_ld.errors import InputError, InputErrors
from sakrad_ld.typedyaml import load_record

ROOT = Path(__file__).resolve().parents[1]
DATA_FOLDERS = [ROOT / "data", ROOT / "tests" / "fixtures" / "project" / "data"]


class _TextDates(yaml.SafeLoader):
    """YAML as JSON Schema sees it: dates are the loader's texts."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _lists(doc: Any, at: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every list in ``doc`` that has an item."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _lists(value, (*at, key))
    elif isinstance(doc, list):
        if doc:
            yield at
        for i, value in enumerate(doc):
            yield from _lists(value, (*at, i))


def _at(doc: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def _field(path: tuple[str | int, ...]) -> str:
    """A path as the loader's messages name a field: ``meetings[0].organisations[3]``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _errors(validator: jsonschema.protocols.Validator, doc: Any) -> Iterator[jsonschema.ValidationError]:
    """Every error the validator finds, with those under anyOf (a text given as text or as a record)."""
    todo = list(validator.iter_errors(doc))
    while todo:
        error = todo.pop()
        yield error
        todo.extend(error.context or ())


def _marked(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every array unique and named by its place in the schema (``$comment``)."""
    marked = copy.deepcopy(schema)

    def walk(node: Any, at: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "array":
                node["uniqueItems"], node["$comment"] = True, at
            for key, value in node.items():
                walk(value, f"{at}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{at}/{i}")

    walk(marked, "")
    return marked


def _arrays(schema: dict[str, Any]) -> dict[str, bool]:
    """Each array of ``schema`` by its place, and whether it says ``uniqueItems``."""
    found: dict[str, bool] = {}

    def walk(node: Any, at: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "array":
                found[at] = node.get("uniqueItems") is True
            for key, value in node.items():
                walk(value, f"{at}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{at}/{i}")

    walk(schema, "")
    return found


def _refused_twice(cls: type, doc: Any, file: Path, field: str) -> bool:
    """Whether loading ``doc`` (as YAML) refuses an item of the list at ``field`` as listed twice;
    fails on any other refusal."""
    text = yaml.dump(doc, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    try:
        load_record(cls, yaml.compose(text, Loader=yaml.SafeLoader), file)
    except (InputError, InputErrors) as refused:
        errors = refused.errors if isinstance(refused, InputErrors) else [refused]
        twice = [e for e in errors if "listed twice" in e.problem]
        assert len(twice) == len(errors), [str(e) for e in errors]
        assert all(e.where.field.startswith(f"{field}[") for e in twice), [str(e) for e in twice]
        return bool(twice)
    return False


#: Lists no file of the data holds, added to a copy of a real record.
_ADDED = {
    "organisations.yaml": (
        "organisations",
        {
            "links": [
                {
                    "register": "wikidata",
                    "iri": "http://www.wikidata.org/entity/Q1",
                    "source": "https://www.wikidata.org/wiki/Q1",
                    "status": "secondary",
                }
            ]
        },
    ),
    "people.yaml": ("people", {"fact_sources": [{"facts": ["member_of", "name.en"], "source": "a-source"}]}),
}


def _cases() -> list[tuple[str, str, Path, bool]]:
    """(pattern, name, file, with the lists of :data:`_ADDED`) for every data file."""
    found = [
        (p, str(f.relative_to(ROOT)), f, False) for d in DATA_FOLDERS for p in DATA_FILES for f in sorted(d.glob(p))
    ]
    return found + [
        (p, f"{ROOT.name}/data/{p} with {', '.join(_ADDED[p][1])}", ROOT / "data" / p, True) for p in _ADDED
    ]


#: The schema's arrays a list of the data has exercised: (schema name, place) -> uniqueItems said.
_EXERCISED: dict[tuple[str, str], bool] = {}


@pytest.mark.parametrize(("pattern", "name", "file", "added"), _cases(), ids=[c[1] for c in _cases()])
def test_unique_items_where_loading_refuses_an_item_twice(pattern: str, name: str, file: Path, added: bool) -> None:
    cls, schema_name = DATA_FILES[pattern]
    schema = schemas()[schema_name]
    real = jsonschema.Draft202012Validator(schema)
    marked = jsonschema.Draft202012Validator(_marked(schema))
    arrays = _arrays(schema)
    doc = yaml.load(file.read_text(encoding="utf-8"), Loader=_TextDates)
    if added:
        key, fields = _ADDED[pattern]
        doc[key][0].update(copy.deepcopy(fields))
    assert not list(real.iter_errors(doc)) and _refused_twice(cls, doc, file, "") is False
    for path in _lists(doc):
        twice = copy.deepcopy(doc)
        listed = _at(twice, path)
        listed.append(copy.deepcopy(listed[0]))
        places = {e.schema["$comment"] for e in _errors(marked, twice) if e.validator == "uniqueItems"}
        assert len(places) == 1, (path, places)  # the array of the schema this list is
        place = places.pop()
        refused = _refused_twice(cls, twice, file, _field(path))
        said = any(e.validator == "uniqueItems" and tuple(e.absolute_path) == path for e in _errors(real, twice))
        assert said == refused == arrays[place], (_field(path), place, said, refused)
        _EXERCISED[schema_name, place] = arrays[place]


def test_every_array_of_the_schemas_was_exercised() -> None:
    """The test above met every array of the schemas in the data, so each was compared; run after it."""
    if not _EXERCISED:
        pytest.skip("run with the test above")
    missing = sorted((name, at) for name, s in schemas().items() for at in _arrays(s) if (name, at) not in _EXERCISED)
    assert not missing, json.dumps(missing, indent=1)
