"""The extract of a register list kept beside the data: the entries data/ uses, copied unchanged.

Skatteverket's list of approved gift recipients is read in a third party's mirror (cisene/swish-123,
pinned to a commit). :func:`gift_recipients_extract` writes the entries of the organisation numbers
data/ reads in it as ``data/sources/skatteverket-godkanda-gavomottagare.json``: the mirror's
``organisations`` rows with their fields as the mirror has them (``orgNumber``, ``orgName``, ``issued``,
``expires``, ``location``), in the mirror's order, under the mirror's address and commit. The same
mirror text and numbers give the same bytes, so the kept extract can be checked against the mirror
(tests/test_registered_credited.py). The load holds the numbers and legal names credited to the list to it
(``registered.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import yaml

from ..orgnr import compact

__all__ = ["MIRROR", "gift_recipients_extract"]

#: The mirror of Skatteverket's list that data/ reads organisation numbers in, pinned to a commit.
MIRROR = {
    "repository": "https://github.com/cisene/swish-123",
    "commit": "0cefe4d4a1671ccc13670d63bea043893b79d403",
    "path": "yaml/masterdata-skatteverket-godkända-gåvomottagare.yaml",
    "url": "https://github.com/cisene/swish-123/blob/0cefe4d4a1671ccc13670d63bea043893b79d403/yaml/"
    "masterdata-skatteverket-godk%C3%A4nda-g%C3%A5vomottagare.yaml",
}


def gift_recipients_extract(mirror_text: str, numbers: Iterable[str]) -> str:
    """The JSON extract of the mirror's entries of ``numbers`` (with or without separators), in the
    mirror's order, each row as the mirror has it. Raises KeyError for a number the mirror lacks."""
    rows = yaml.load(mirror_text, Loader=yaml.BaseLoader)["organisations"]  # every value as the text writes it
    wanted = {compact(n) for n in numbers}
    kept = [
        {k: (None if v in ("null", "~", "") else v) for k, v in row.items()}
        for row in rows
        if compact(row["orgNumber"]) in wanted
    ]
    missing = wanted - {compact(r["orgNumber"]) for r in kept}
    if missing:
        raise KeyError(f"not in the mirror: {', '.join(sorted(missing))}")
    document = {
        "about": "Skatteverket's list of approved gift recipients (godkända gåvomottagare), as mirrored by "
        "cisene/swish-123: the entries of the organisation numbers data/organisations.yaml reads in it, "
        "copied unchanged in the mirror's order. A third party's mirror, not Skatteverket's own copy: "
        "the numbers read in it are secondary (docs/links.md).",
        **MIRROR,
        "organisations": kept,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
