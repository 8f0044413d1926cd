"""The warning of a source's count larger than the number of organisations the data names
(shapes/sakrad-shapes.ttl): it says the data names them, not that the source lists them."""

from __future__ import annotations

from conftest import ROOT


def test_the_count_warning_speaks_of_the_organisations_the_data_names() -> None:
    shapes = (ROOT / "shapes" / "sakrad-shapes.ttl").read_text(encoding="utf-8")
    start = shapes.index("shp:Sakrad-stated-more-than-listed\n")
    shape = shapes[start : shapes.index("@en .", start)]
    assert "datan namnger" in shape and "the data names" in shape, shape
    assert "räknar upp" not in shape and "than it lists" not in shape, shape
