"""One strict JSON reader (:func:`sakrad_ld.inputfiles.strict_json`) for the inputs read as JSON: the
import's listing and codes, the kept register extracts, a release's CSVW metadata. A key twice, NaN or
Infinity, or a number beyond a double is refused, each where it is read, with the file named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sakrad_ld.errors import InputError, ReleaseError
from sakrad_ld.inputfiles import JsonRefusal, strict_json


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"a": 1, "a": 2}', "the key 'a' twice in one object"),
        ('{"a": NaN}', "NaN is not a JSON value"),
        ("[-Infinity]", "-Infinity is not a JSON value"),
        ("[1e999]", "the number '1e999' is beyond a double"),
    ],
)
def test_what_strict_json_has_not_is_refused(text: str, said: str) -> None:
    with pytest.raises(JsonRefusal, match=said):
        strict_json(text)
    with pytest.raises(JsonRefusal, match=said):
        strict_json(text.encode("utf-16"))


def test_the_parsers_own_errors_and_bytes_are_as_json_loads_has_them() -> None:
    assert strict_json('{"a": [1, 2.5, "x"]}'.encode("utf-8-sig")) == {"a": [1, 2.5, "x"]}
    with pytest.raises(json.JSONDecodeError):
        strict_json('{"a": }')
    assert strict_json("[12]", parse_int=lambda t: t) == ["12"]


def test_the_imports_listing_with_a_key_twice_is_refused_naming_it(tmp_path: Path) -> None:
    from sakrad_ld.importer.regeringen import _read_json

    listing = tmp_path / "listing.json"
    listing.write_text('[\n {"url": "/a/"},\n {"url": "/b/",\n  "url": "/c/"}\n]', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        _read_json(listing, "a listing")
    assert "listing.json" in str(caught.value) and "the key 'url' twice in one object" in str(caught.value)
    assert caught.value.where.line == 4 and "(column 3)" in str(caught.value), caught.value  # where it stands


def test_csvw_metadata_with_a_key_twice_is_no_csvw_metadata(tmp_path: Path) -> None:
    from sakrad_ld.catalogue.files import _described

    metadata = tmp_path / "csv-metadata.json"
    metadata.write_text('{"tables": [], "tables": [{"url": "a.csv"}]}', encoding="utf-8")
    with pytest.raises(ReleaseError, match="not CSVW metadata .*the key 'tables' twice"):
        _described(metadata)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ('[\n {"a": 1},\n {"b": "x", "c": 2,\n  "b": 3}\n]', '"b": 3}'),
        ('{"a": [1, 2, NaN]}', "NaN]"),
        ('{"x": {"y": 1e999}}', "1e999"),
        ('{"k": "a\\"b:", "n": {"k": 1}, "k2": -Infinity}', "-Infinity"),
        ('[{"a": 1}, {"a": 2}, {"a": 3, "a": 4}]', '"a": 4'),
        ('{"a": 1, "a": 2, "b": {"c": 1, "c": 2}}', '"c": 2'),  # the inner object closes first
        ('[{"a": 1, "a": 2}, NaN]', '"a": 2'),  # the object closes before NaN is read
        ('{"a": 1, "b": [NaN], "a": 2}', "NaN"),
    ],
)
def test_a_refusal_says_where_the_parser_found_it(text: str, at: str) -> None:
    """The offset of what is refused, the first thing the parser refuses, so a caller can name its
    line and column (the parser's hooks are not told where they are)."""
    with pytest.raises(JsonRefusal) as refused:
        strict_json(text)
    assert refused.value.offset is not None
    assert text[refused.value.offset :].startswith(at), text[refused.value.offset :]
