"""Folding a kept text (stated.py) normalises it (NFKC) in pieces: a run of combining marks is not
sorted by insertion as one whole (a 402 KB run took 40 s CPU), and a text whose NFKC form is many
times its length (U+FDFA is 18 characters) is refused with its file before any check folds it (12 MB
of it held 609 MB). Every ordinary text folds as one NFKC of the whole did: data/'s kept texts and
random texts of marks, ligatures, Hangul and Latin letters."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
from conftest import fixture_project, refused

from sakrad_ld import stated

ROOT = Path(__file__).resolve().parent.parent
KEPT = Path("data") / "sources" / "sakrad-2017-12-12-integration.txt"


def _old_folded_text(text: str) -> str:
    """folded_text as it was: one NFKC of each piece, however long its runs of marks."""
    saved = stated._nfkc
    stated._nfkc = lambda t, limit=None: unicodedata.normalize("NFKC", t)  # type: ignore[assignment]
    try:
        return stated.folded_text(text)
    finally:
        stated._nfkc = saved  # type: ignore[assignment]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "sources").iterdir()) if p.is_file()]
    rng = random.Random(10)
    alphabet = (
        "aåäöé\u0301\u0308\u0316\u0327 ﬁ…\ufdfa\u1100\u1161\u11a8가\u0f73\u0344Åß.!?:\n-–—\u00ad\u200b"
        + "".join(chr(c) for c in range(0xC0, 0x250))
    )
    for _ in range(200):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12_000))))
    # runs of up to MARK_RUN marks after each letter, pieces of more than NFKC_PIECE
    texts.append("".join(rng.choice("aeå") + "\u0316\u0301" * rng.randrange(0, 16) for _ in range(20_000)))
    return texts


def test_folding_in_pieces_gives_what_one_normalisation_gave() -> None:
    texts = _texts()
    assert len(texts) > 200 and any(len(t) > stated.NFKC_PIECE for t in texts)
    for text in texts:
        assert stated._nfkc(text) == unicodedata.normalize("NFKC", text)
        assert stated.folded_text(text) == _old_folded_text(text)
        assert stated._case(text) == unicodedata.normalize("NFKC", text.casefold())


def test_a_run_of_marks_is_normalised_a_bounded_piece_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each call of unicodedata.normalize gets at most MARK_RUN marks of a run (before: the whole run,
    200,001 characters, sorted by insertion)."""
    sizes: list[int] = []
    normalize = unicodedata.normalize

    def counted(form: str, text: str) -> str:
        sizes.append(len(text))
        return normalize(form, text)

    monkeypatch.setattr(stated.unicodedata, "normalize", counted)
    folded = stated.folded_text("Text\na" + "\u0316\u0301" * 100_000 + "\nslut.")
    assert max(sizes) <= stated.NFKC_PIECE + stated.MARK_RUN + 1
    assert folded.startswith("text \u00e1") and folded.endswith("slut.")  # "a" and its first acute made one
    assert folded.count("\u0316") == 100_000 and folded.count("\u0301") == 99_999


def test_a_long_text_without_a_long_run_is_cut_only_before_a_stable_character() -> None:
    text = ("å" + "a\u030a" + "가\u11a8" + "\u1100\u1161" + "ﬁ") * 5_000  # NFKC composes across each
    assert stated._nfkc(text) == unicodedata.normalize("NFKC", text)


def test_the_table_of_unstable_characters_is_this_python_s() -> None:
    if unicodedata.unidata_version != stated.UNICODE_VERSION:
        pytest.skip("another Unicode version: the table is computed")
    assert set(stated.unstable_characters()) == set(
        c for c in map(chr, range(0x110000)) if stated._STABLE.fullmatch(c) is None
    )


def test_a_text_nfkc_makes_many_times_longer_is_refused_naming_its_file(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    with (project / KEPT).open("a", encoding="utf-8") as out:
        out.write("\n" + "\ufdfa" * 20_000 + "\n")
    errors = refused(project)
    assert len(errors) == 1
    assert "sources.yaml:" in errors[0] and "sakrad-2017-12-12-integration.txt" in errors[0]
    assert "more than 4 times" in errors[0] and "NFKC" in errors[0]


def test_folding_such_a_text_stops_once_it_passes_the_bound() -> None:
    text = "a " + "\ufdfa" * 100_000
    assert not stated.folds_within(text)
    with pytest.raises(stated.FoldTooLong):
        stated.folded_text(text)
    assert stated.folds_within("…" * 100_000)  # three times: kept
    assert stated.folded_text("…" * 3) == "........."
