"""The benchmark runs end to end at a small N (a smoke test: it asserts what was measured, not how fast),
and its generator writes realistic synthetic corpora that the real loader accepts."""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

import pytest
from stdnum.se import orgnr

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
import run  # noqa: E402  (bench/ is put on the path above)
from generate import REAL_SHARES, SYNTHETIC_ORGNR_PREFIX, generate, synthetic_orgnr  # noqa: E402

from sakrad_ld.corpus import load_corpus  # noqa: E402

SIZES = (3, 6)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    out = tmp_path_factory.mktemp("bench-out")
    work = tmp_path_factory.mktemp("bench-work")
    code = run.main(
        [
            "--sizes",
            ",".join(map(str, SIZES)),
            "--out",
            str(out),
            "--work",
            str(work),
            "--seed-runs",
            "1",
            "--load-seconds",
            "1",
            "--connections",
            "4",
            "--timeout",
            "300",
            "--compare-timeout",
            "300",
        ]
    )
    assert code == 0
    return json.loads((out / "results.json").read_text(encoding="utf-8")), out


def test_every_size_is_built_and_measured(results: tuple[dict, Path]) -> None:
    data, _ = results
    assert data["machine"]["cores"] >= 1 and data["machine"]["python"]
    assert [b["meetings"] for b in data["builds"]] == list(SIZES)
    for build in data["builds"]:
        assert build["finished"] and build["written"] and build["conforms"], build
        assert build["triples"] > 100 * build["meetings"]
        assert {"load", "graph", "validate", "write", "meetings"} <= set(build["stages"])
        assert build["peak_rss_bytes"] > 0 and build["wall"] > 0
    assert data["builds"][1]["triples"] > data["builds"][0]["triples"]
    assert isinstance(data["exponent"], float)
    assert data["seed"]["exit_code"] in (0, 1) and data["seed"]["ratio"] > 0


def test_naive_pipeline_and_floor_run_on_the_same_corpus(results: tuple[dict, Path]) -> None:
    data, _ = results
    assert data["compare_size"] == min(SIZES)
    for kind in ("naive", "floor"):
        assert data[kind]["finished"], data[kind]
        assert {"write nt", "write json-ld", "write turtle"} <= set(data[kind]["steps"])
    assert data["naive"]["steps"]["validate"] >= 0
    assert data["floor"]["steps"]["parse nt"] >= 0


def test_server_answers_under_load_and_the_static_floor_is_measured(results: tuple[dict, Path]) -> None:
    """What was measured is recorded, and sakrad-ld's server answered; how a third-party floor
    (``python -m http.server``) holds up on a busy machine is a figure, not a condition."""
    data, _ = results
    assert "error" not in data["load"], data["load"]
    for name in ("serve_dereference", "serve_saved_query", "static_file"):
        measured = data["load"][name]
        assert {"requests", "rps", "p50_ms", "p99_ms", "errors", "tool"} <= set(measured), measured
        assert measured["requests"] >= 0 and measured["errors"] >= 0
    for name in ("serve_dereference", "serve_saved_query"):
        measured = data["load"][name]
        assert measured["requests"] > measured["errors"], measured  # it answered, and not only with errors


def test_results_table_lists_every_size(results: tuple[dict, Path]) -> None:
    _, out = results
    table = (out / "results.md").read_text(encoding="utf-8")
    for n in SIZES:
        assert f"\n| {n} | " in table


def test_generator_is_deterministic_and_realistic(tmp_path: Path) -> None:
    a, b = generate(tmp_path / "a", 60, seed=7), generate(tmp_path / "b", 60, seed=7)
    files = sorted(p.relative_to(a) for p in (a / "data").rglob("*.yaml"))
    assert files == sorted(p.relative_to(b) for p in (b / "data").rglob("*.yaml"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)

    corpus = load_corpus(a / "data")
    assert len(corpus.meetings) == 60
    assert all(5 <= len(m.organisations) <= 40 and 2 <= len(m.questions) <= 8 for m in corpus.meetings)
    assert all(m.chair and m.contact and m.contact.email and m.contact.telephone for m in corpus.meetings)
    taken_part = collections.Counter(o for m in corpus.meetings for o in m.organisations)
    assert taken_part.most_common(1)[0][1] >= 30, "the most frequent organisation should recur across meetings"
    assert sum(1 for n in taken_part.values() if n == 1) > 0, "and some take part only once"
    numbers = [i.value for o in corpus.organisations for i in o.identifiers]
    assert numbers and all(orgnr.is_valid(n) and n.startswith(SYNTHETIC_ORGNR_PREFIX[:4]) for n in numbers)


def test_synthetic_organisation_numbers_have_valid_check_digits() -> None:
    assert all(orgnr.is_valid(synthetic_orgnr(n)) for n in range(0, 100_000, 997))
    assert not orgnr.is_valid(synthetic_orgnr(5)[:-1] + str((int(synthetic_orgnr(5)[-1]) + 1) % 10))


def test_realistic_profile_states_each_fact_about_as_often_as_the_real_meetings(tmp_path: Path) -> None:
    """The realistic profile is calibrated to the real meetings (bench/generate.py, REAL_SHARES): over
    400 meetings each fact's share lands near the real one, and the real loader accepts every file."""
    corpus = load_corpus(generate(tmp_path / "r", 400, seed=3, profile="realistic") / "data")
    meetings = corpus.meetings
    assert len(meetings) == 400
    for fact in ("organisations", "questions", "chair", "conveners", "notes", "sources"):
        share = sum(1 for m in meetings if getattr(m, fact)) / len(meetings)
        assert abs(share - REAL_SHARES[fact]) < 0.08, (fact, share, REAL_SHARES[fact])
    assert all(1 <= len(m.organisations) <= 25 for m in meetings if m.organisations)
    assert all(1 <= len(m.questions) <= 4 for m in meetings if m.questions)


def test_unknown_profile_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown profile"):
        generate(tmp_path / "x", 3, profile="lavish")
