"""The one error of the engine: a shapes graph that asks for more than it implements."""

from __future__ import annotations

from ..errors import ShapesError

__all__ = ["UnsupportedShapes"]


class UnsupportedShapes(ShapesError):
    """The shapes graph uses a SHACL feature this engine does not implement, or uses one in a form
    the specification does not allow (https://www.w3.org/TR/shacl/#shapes-graph).

    The engine never skips a constraint it cannot evaluate: it refuses the whole shapes graph, so
    that a report can never look cleaner than the data is. The message names the shape, the
    feature and what to do next."""

    def __init__(self, shape: str, feature: str, hint: str = "") -> None:
        self.shape = shape
        self.feature = feature
        message = f"shape {shape}: {feature} is not supported by sakrad_ld.shacl"
        super().__init__(
            message
            + (
                f"; {hint}"
                if hint
                else "; rewrite the shape with the supported core components, or validate with pySHACL"
            )
        )
