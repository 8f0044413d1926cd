"""What made a cached file names its cache entry: the package's files, the Python that ran them and
the versions of the libraries that shape a build's output (release.CODE_DISTRIBUTIONS). A cache
written by another Python or before a library was upgraded is never read as this build's."""

from __future__ import annotations

from importlib import metadata

import pytest

from sakrad_ld import release


def test_the_code_digest_is_the_same_for_the_same_code() -> None:
    assert release._code_digest() == release._code_digest()


@pytest.mark.parametrize("name", release.CODE_DISTRIBUTIONS)
def test_another_version_of_a_library_makes_another_code_digest(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    before = release._code_digest()
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda n: "999.0" if n == name else real(n))
    assert release._code_digest() != before


def test_another_python_or_unicode_database_makes_another_code_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    before = release._code_digest()
    monkeypatch.setattr(release.sys, "version", "3.99.0 (another build)")
    python = release._code_digest()
    monkeypatch.undo()
    monkeypatch.setattr(release.unicodedata, "unidata_version", "99.0.0")
    assert len({before, python, release._code_digest()}) == 3


def test_every_library_that_shapes_a_build_is_installed() -> None:
    """Each distribution named is one the package depends on (an absent one would be named so in
    the digest, which is harmless but means the list is stale)."""
    for name in release.CODE_DISTRIBUTIONS:
        assert metadata.version(name)
