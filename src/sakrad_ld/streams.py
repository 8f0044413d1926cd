"""Standard output for programs: text written as UTF-8 bytes whatever the terminal's encoding."""

from __future__ import annotations

import sys

__all__ = ["utf8_out"]


def utf8_out(text: str) -> None:
    """``text`` for programs (JSON, YAML) on standard output in UTF-8, whatever the terminal's encoding:
    JSON exchanged between systems is UTF-8 (RFC 8259 §8.1), a YAML file too (YAML 1.2 §5.2), and an
    escape such as ``\\xe5`` put in place of a character the terminal lacks
    (:func:`sakrad_ld.cli.tolerant_streams`) would change the data."""
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:  # a text stream only (a test's StringIO)
        sys.stdout.write(text)
    else:
        binary.write(text.encode("utf-8"))
        binary.flush()
