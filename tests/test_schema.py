"""The published JSON Schemas are the ones the records define, and the real data meets them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from sakrad_ld.corpus import schema_sources, schemas

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", sorted(schemas()))
def test_committed_schema_is_up_to_date(name: str) -> None:
    committed = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
    assert committed == schemas()[name], "run `sakrad-ld schema` and commit schema/"


@pytest.mark.parametrize("pattern", sorted(schema_sources()))
def test_data_meets_its_schema(pattern: str) -> None:
    _, name = schema_sources()[pattern]
    schema = schemas()[name]
    jsonschema.Draft202012Validator.check_schema(schema)
    files = sorted((ROOT / "data").glob(pattern))
    assert files
    for file in files:
        # YAML dates are text to the loader; give JSON Schema the same view.
        document = yaml.load(file.read_text(encoding="utf-8"), Loader=_TextDates)
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_an_unknown_key() -> None:
    schema = schemas()["people.schema.json"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"people": [{"id": "x", "name": "X", "nmae": "Y"}]}, schema)


class _TextDates(yaml.SafeLoader):
    pass


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
