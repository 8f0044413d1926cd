"""A kept source text's headings sit below its page's one ``<h1>`` without skipping a level
(WCAG 1.3.1, "info and relationships"): the text's top level is an ``<h2>``, each level it uses the
next one, and no heading is more than one level below the heading before it. A text that goes from
``#`` to ``####`` (a source's own skip) is ``<h2>`` and ``<h3>`` on the page, not ``<h2>`` and ``<h4>``."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakrad_ld.web.kepttext import markdown_tokens


def levels(text: str) -> list[int]:
    tokens = markdown_tokens(text)
    assert tokens is not None
    opened = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    closed = [int(t.tag[1]) for t in tokens if t.type == "heading_close"]
    assert opened == closed
    return opened


def never_skips(found: list[int]) -> bool:
    before = 1  # the page's h1
    for level in found:
        if level > before + 1 or level < 2:
            return False
        before = level
    return True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# A\n\ntext\n\n#### B\n\ntext\n", [2, 3]),  # the source skips; the page does not
        ("# A\n\n### B\n\n## C\n\n### D\n", [2, 3, 3, 4]),
        ("### Only third level\n\ntext\n\n### Again\n", [2, 2]),
        ("#### Deep first\n\n# Top\n\n## Below\n", [2, 2, 3]),
        ("# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6\n", [2, 3, 4, 5, 6, 6]),
    ],
)
def test_headings_go_below_the_pages_h1_without_a_skip(text: str, expected: list[int]) -> None:
    found = levels(text)
    assert found == expected, found
    assert never_skips(found)


def test_no_kept_text_of_the_data_skips_a_heading_level(root: Path) -> None:
    texts = sorted((root / "data" / "sources").glob("*.md"))
    assert texts
    for file in texts:
        text = file.read_text(encoding="utf-8")
        found = levels(text)
        assert never_skips(found), (file.name, found)
