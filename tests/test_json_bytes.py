"""formats.json_bytes writes every JSON file of a release as ``json.dumps(doc, ensure_ascii=False,
indent=2)`` and a newline would, byte for byte, or raises what that raises."""

from __future__ import annotations

import dataclasses
import enum
import json
from pathlib import Path

import pytest

from sakrad_ld.formats import json_bytes


def _json(doc: object) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()


class _Level(enum.IntEnum):
    HIGH = 2


@dataclasses.dataclass
class _Record:
    name: str


class _Text(str):
    pass


DOCS = [
    {},
    [],
    {"a": [], "b": {}, "c": [[]], "d": [{}]},
    {"text": 'Sakråd om \u2028 rättigheter \x00\x1f\x7f "citat" \\ \n\t\b\f\r', "é": ["ü", "中文", "😀"]},
    {"n": 0, "neg": -17, "big": 2**63 - 1, "bigger": 2**64, "huge": 10**30, "yes": True, "no": False, "none": None},
    {"floats": [0.1, 1e16, 1e-7, 2.5, -0.0, 1e300]},
    {"tuple": (1, "a", (2, [3]))},
    {1: "an int key", "b": 2},
    {"enum": _Level.HIGH},
    {"sub": _Text("a text of a subclass")},
    {"nested": {"deep": [{"x": [1, 2, {"y": "z"}]}]}},
]


@pytest.mark.parametrize("doc", DOCS, ids=range(len(DOCS)))
def test_the_bytes_are_json_dumps(doc: object) -> None:
    assert json_bytes(doc) == _json(doc)


@pytest.mark.parametrize(
    "doc",
    [{"record": _Record("x")}, {"path": Path("a")}, {"set": {1}}, {"nan": float("nan")}, {(1, 2): "a tuple key"}],
    ids=["dataclass", "path", "set", "nan", "tuple key"],
)
def test_what_json_refuses_or_writes_its_own_way_is_json_s(doc: dict) -> None:
    try:
        expected: bytes | type[BaseException] = _json(doc)
    except (TypeError, ValueError) as error:
        expected = type(error)
    if isinstance(expected, bytes):
        assert json_bytes(doc) == expected
    else:
        with pytest.raises(expected):
            json_bytes(doc)


def test_a_lone_surrogate_raises_as_json_dumps_and_encode_raise() -> None:
    with pytest.raises(UnicodeEncodeError):
        json_bytes({"text": "\ud800"})
