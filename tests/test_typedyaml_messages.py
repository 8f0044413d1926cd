"""What typedyaml says of a wrong value: one error per value, quoted short, tags named as tags, and
texts that would begin a spreadsheet formula refused with why (docs/model.md, "Texts in data/")."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sakrad_ld.errors import InputErrors
from sakrad_ld.records import Organisation
from sakrad_ld.typedyaml import FORMULA_START, QUOTED, check_nodes, load_record, quoted


def _errors(text: str) -> list[str]:
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    with pytest.raises(InputErrors) as caught:
        check_nodes(node, Path("o.yaml"))
        load_record(Organisation, node, Path("o.yaml"))
    return [str(e) for e in caught.value.errors]


def test_an_id_of_the_wrong_type_gets_one_error() -> None:
    assert _errors("id: 12345\nname: Forum\n") == [
        "o.yaml:1: id: got a number ('12345'); expected text (put the value in quotes if it is meant as text)"
    ]


@pytest.mark.parametrize("first", list(FORMULA_START))
def test_a_name_beginning_as_a_formula_is_refused(first: str) -> None:
    value = f"{first}SUM(1+1)*cmd|' /C calc'!A0"
    (error,) = _errors(f"id: forum\nname: {yaml.safe_dump(value).strip().removesuffix('...').strip()}\n")
    assert error.startswith(f"o.yaml:2: name: the text {quoted(value)} begins with {first!r}")
    assert "a spreadsheet reads as the start of a formula" in error


def test_a_telephone_keeps_its_plus_and_a_text_may_hold_one_later() -> None:
    node = yaml.compose("id: forum\nname: 'Forum = +1 -2 @x'\n", Loader=yaml.SafeLoader)
    assert load_record(Organisation, node, Path("o.yaml")).name == "Forum = +1 -2 @x"


@pytest.mark.parametrize("tagged", ["!foo Forum", "!!binary aGVsbG8=", "!!python/object:os.system x"])
def test_a_tag_is_named_as_a_tag(tagged: str) -> None:
    errors = _errors(f"id: forum\nname: {tagged}\n")
    tag = tagged.split()[0]
    assert errors == [
        f"o.yaml:2: name: YAML tags are not allowed (this value is tagged {tag!r}); expected a value without a tag "
        "(text, a number, true/false, a list or a mapping) "
        f"(remove {tag}; put the value in quotes if it is meant as text)"
    ]


def test_a_long_value_is_quoted_short() -> None:
    value = "root:x:0:0:root:/root:/bin/bash " * 3000
    (error,) = _errors(value.strip())  # a whole file of text where a mapping belongs
    assert f"{value[:QUOTED]!r}… ({len(value.strip()):,} characters)" in error
    assert len(error) < 400
