"""A name found inside longer names of the data is looked up once for each place and length it stands
at in them (:func:`sakrad_ld.stated._longer`), not once for each longer name at each occurrence: the
same answers as the name-by-name look, and a name inside 20,000 others in a text of 5 MB of them in a
bounded multiple of the text's reading."""

from __future__ import annotations

import random
from collections import defaultdict

from sakrad_ld import stated
from sakrad_ld.stated import find_words, folded, folded_text


def _index(names: set[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        for word in set(name.split(" ")):
            index[word].append(name)
    return index


def _old_inside(value: str, flat: str, names: dict[str, list[str]]) -> list[bool]:
    """For each occurrence of ``value``: whether it stands inside a longer name, name by name as before."""
    longer = [
        (name, offset)
        for name in names.get(value.split(" ", 1)[0], ())
        if len(name) > len(value)
        for offset, _ in find_words(value, name)
    ]
    return [any(o <= a and flat.startswith(n, a - o) for n, o in longer) for a, _ in find_words(value, flat)]


def test_the_longer_names_answer_as_the_names_one_by_one() -> None:
    rng = random.Random(13)
    words = ["bilda", "röda", "korset", "i", "linköping", "svenska", "s", "-", "förening"]
    for _ in range(3_000):
        names = {" ".join(rng.choices(words, k=rng.randint(1, 4))) for _ in range(rng.randint(1, 8))}
        index = _index(names)
        text = folded_text(" ".join(rng.choices([*words, ".", "Och"], k=rng.randint(1, 30))))
        flat = text.replace("\x00", " ")
        for value in names:
            longer = stated._longer(value, index)
            new = [stated._inside_longer(flat, a, b, longer, frozenset()) for a, b in find_words(value, flat)]
            assert new == _old_inside(value, flat, index), (value, names, flat)


def test_a_name_inside_thousands_of_others_costs_each_occurrence_a_few_looks() -> None:
    """20,000 longer names that begin with "förening" and a text of 300,000 of the last (5 MB): before,
    each occurrence was compared with each longer name (8,000 of each: 5.0 s CPU)."""
    names = {f"förening x{i}" for i in range(20_000)} | {"förening"}
    index = _index(names)
    last = max(names)
    text = folded_text(f"{last} " * 300_000)
    flat = text.replace("\x00", " ")
    longer = stated._longer("förening", index)
    assert len(longer) <= 6  # the places and lengths, not the 20,000 names
    why = stated._named(["Förening"], text, flat, index, frozenset(), listed=False)
    assert why is not None and "inside a longer name" in why
    assert stated._named([last], text, flat, index, frozenset(), listed=False) == ""
    assert folded(last) == last
