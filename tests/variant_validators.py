"""A negotiated document on a static host (nginx, Apache) has no validator: the host's ETag of a
file is its modification time and size, which two formats of one document can share, and a strong
validator must differ between the representations of a resource (RFC 9110 §8.8.3). These helpers
make two formats of one exported document share that ETag (as the export does by chance when two
formats have one size) and ask a host what a cache would ask (tests/test_static.py,
tests/test_static_apache.py)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sakrad_ld.documents import DOCUMENT_FORMATS

Ask = Callable[[str, str, dict[str, str]], tuple]

#: A document's path without a suffix: its file is the negotiated format's.
_NEGOTIATED = re.compile(r"/(doc/[^/]+/[^/]+|ontology)")


def negotiated(path: str) -> bool:
    """Whether ``path`` is a document's path answered with the negotiated format's file."""
    return bool(_NEGOTIATED.fullmatch(path)) and not path.endswith(tuple(f.suffix for f in DOCUMENT_FORMATS))


def without_variant_etag(ask: Ask) -> Ask:
    """``ask`` (the server's), its ETag left out at a negotiated document's path, where the static
    hosts send none (every other header and status as the server's)."""

    def asked(method: str, path: str, headers: dict[str, str]) -> tuple:
        status, got, *rest = ask(method, path, headers)
        if negotiated(path):
            got = {k: v for k, v in got.items() if k != "etag"}
        return (status, got, *rest)

    return asked


@contextmanager
def one_validator_for_two_formats(site: Path, kind: str = "organisation") -> Iterator[str]:
    """The path of a document of ``kind`` in the export ``site`` whose Turtle and N-Triples files
    have, while the block runs, one size (the shorter padded with newlines, which both formats
    read as nothing) and one modification time: the host's default ETag of the two is one. The files
    are as they were afterwards."""
    turtle = sorted((site / "doc" / kind).glob("*.ttl"))[0]
    ntriples = turtle.with_suffix(".nt")
    kept = {f: (f.read_bytes(), f.stat()) for f in (turtle, ntriples)}
    try:
        size = max(len(b) for b, _ in kept.values())
        stamp = min(s.st_mtime_ns for _, s in kept.values()) // 10**9 * 10**9
        for file, (body, _) in kept.items():
            file.write_bytes(body + b"\n" * (size - len(body)))
            os.utime(file, ns=(stamp, stamp))
        yield "/" + turtle.relative_to(site).with_suffix("").as_posix()
    finally:
        for file, (body, st) in kept.items():
            file.write_bytes(body)
            os.utime(file, ns=(st.st_atime_ns, st.st_mtime_ns))


def variant_validator_differences(ask: Ask, path: str, prefix: str = "") -> list[str]:
    """What a host answers otherwise than it should at the negotiated document ``path`` whose
    Turtle and N-Triples files have one ETag (:func:`one_validator_for_two_formats`): the files at
    their own paths keep their (equal) ETags; under ``path`` no ETag is sent, a conditional GET for
    N-Triples with the Turtle file's tag is 200 with N-Triples (never 304: the client holds
    Turtle), and ``If-None-Match: *`` is 304 (a current representation exists), as on the server."""
    wrong = []
    tags = [ask("GET", f"{prefix}{path}{suffix}", {})[1].get("etag") for suffix in (".ttl", ".nt")]
    if tags[0] is None or tags[0] != tags[1]:
        wrong.append(f"the files {path}.ttl and .nt do not share one ETag: {tags}")
    for accept in ("text/turtle", "application/n-triples"):
        status, got, *_ = ask("GET", prefix + path, {"Accept": accept})
        if status != 200 or "etag" in got:
            wrong.append(f"GET {path} as {accept}: {status}, ETag {got.get('etag')!r} (want 200 and none)")
    status, got, *_ = ask("GET", prefix + path, {"Accept": "application/n-triples", "If-None-Match": str(tags[0])})
    if status != 200 or not got.get("content-type", "").startswith("application/n-triples"):
        wrong.append(f"GET {path} as N-Triples, If-None-Match the Turtle's tag: {status} {got.get('content-type')}")
    status, _, *_ = ask("GET", prefix + path, {"Accept": "application/n-triples", "If-None-Match": "*"})
    if status != 304:
        wrong.append(f"GET {path} with If-None-Match: *: {status} (want 304)")
    return wrong
