"""The command line's numbers and texts are checked before anything uses them: a number of seconds,
a count, a port or a score that is NaN, infinite, out of range or no number is a usage error (exit 2)
naming the option, never a server that answers 500 to every query, spins, or ends in a traceback; an
argument that is not UTF-8 text, a text bound for an HTTP request that holds a line break, a ``.rq``
file that is not a regular UTF-8 file within the query limit, and an address the server cannot listen
on are refused the same way."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from sakrad_ld.cli import main
from sakrad_ld.serving.settings import setting_fields
from sakrad_ld.sparql.limits import MAX_QUERY_BYTES

NUMBERS = [f.name.replace("_", "-") for f in setting_fields() if type(f.default) in (int, float)]
NOT_NUMBERS = ["nan", "NaN", "inf", "-inf", "1e300", "-1", "ten", "99999999999999999999"]


def _refused(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    try:
        code = main(argv)
    except SystemExit as exit:  # not expected: main turns argparse's exit into its code
        code = exit.code
    err = capsys.readouterr().err
    assert code == 2, f"{argv!r} gave {code}:\n{err}"
    assert "Traceback" not in err
    return err


def test_every_number_setting_of_serve_is_a_checked_number() -> None:
    assert {"timeout", "request-timeout", "idle-timeout", "reload-interval", "query-workers"} <= set(NUMBERS)


@pytest.mark.parametrize("value", NOT_NUMBERS)
@pytest.mark.parametrize("option", NUMBERS)
def test_serve_refuses_a_number_option_that_is_no_number_in_range(
    option: str, value: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    if value == "99999999999999999999" and option.endswith(("timeout", "interval")):
        value = "1e20"  # seconds: past a day
    err = _refused(capsys, ["serve", "--release", str(tmp_path), f"--{option}", value, "--get", "/"])
    assert f"--{option}" in err


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "1e300"])
def test_links_check_refuses_a_timeout_that_is_no_number_of_seconds(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "--timeout" in _refused(capsys, ["links", "check", "--online", "--timeout", value])


@pytest.mark.parametrize("value", ["nan", "5", "0", "-0.5", "inf"])
def test_reconcile_refuses_a_threshold_that_is_no_score(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(capsys, ["links", "reconcile", "--register", "x.csv", "--threshold", value])
    assert "--threshold" in err and "score" in err


@pytest.mark.parametrize("value", ["99999", "-1", "http"])
def test_serve_refuses_a_port_that_is_none(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert "--port" in _refused(capsys, ["serve", "--port", value, "--get", "/"])


@pytest.mark.parametrize(
    "argv",
    [
        ["query", 'ASK { FILTER("\udcff") }'],
        ["serve", "--get", "/id/x\udcff"],
        ["serve", "--get", "/", "--accept", "text/\udce9"],
        ["-C", "\udcff", "build"],
        ["push", "--endpoint", "http://x\udcff/"],
    ],
)
def test_an_argument_that_is_not_utf8_is_refused_naming_it(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(capsys, argv)
    assert "is not UTF-8 text" in err and ("\\xff" in err or "\\xe9" in err)


@pytest.mark.parametrize(
    "argv",
    [
        ["push", "--endpoint", "http://127.0.0.1:9/\r\nX-Injected: 1"],
        ["push", "--endpoint", "http://127.0.0.1:9/", "--graph", "http://g/\nx"],
        ["serve", "--get", "/\r\nX: y"],
        ["serve", "--get", "/", "--accept", "text/html\r\nX: y"],
        ["import", "page.md", "--fetch", "http://x/\n"],
    ],
)
def test_a_text_bound_for_a_request_holding_a_line_break_is_refused(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert "control character" in _refused(capsys, argv)


def test_a_query_file_must_be_a_regular_utf8_file_within_the_limit(
    tmp_path: Path, release: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.rq").write_bytes(b'SELECT * WHERE { ?s ?p "\xff" }')
    (tmp_path / "folder.rq").mkdir()
    (tmp_path / "big.rq").write_bytes(b"#" * (MAX_QUERY_BYTES + 1))
    expected = {
        "bad.rq": "not UTF-8",
        "folder.rq": "folder",
        "big.rq": f"{MAX_QUERY_BYTES:,}",
    }
    for name, said in expected.items():
        err = _refused(capsys, ["query", "--release", str(release), str(tmp_path / name)])
        assert name in err and said in err, err


def test_serve_says_when_it_cannot_listen_on_the_address(release: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        err = _refused(capsys, ["serve", "--release", str(release), "--port", str(port)])
    assert f"--port {port}" in err and "cannot listen" in err
    err = _refused(capsys, ["serve", "--release", str(release), "--host", "999.1.1.1", "--port", "1"])
    assert "--host 999.1.1.1" in err
