"""The command line in a hostile terminal, in real processes: Ctrl-C (SIGINT) ends a query that the
engine runs in one native call, ``query`` stops at its time and memory limits with a message, an
output encoding without ``å`` gives escapes rather than a traceback, and ``query -`` reads standard
input (POSIX's convention) while a folder or a FIFO named as QUERY is refused saying what it is."""

from __future__ import annotations

import io
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

#: A cross join whose count the engine works out in one call that no signal reaches (1e14 rows).
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
#: A query that builds a string of 16 GiB by doubling.
MEMORY_BOMB = (
    'SELECT (STRLEN(?v30) AS ?n) WHERE { BIND("xxxxxxxxxxxxxxxx" AS ?v0) '
    + " ".join(f"BIND(CONCAT(?v{i - 1}, ?v{i - 1}) AS ?v{i})" for i in range(1, 31))
    + " }"
)
#: Longer than any of these commands takes, and never reached when they work.
ENDED_WITHIN = 60
#: The address space of a command started here, so a command without a memory limit of its own
#: fails rather than takes the machine's memory (its own worker sets a lower limit).
ADDRESS_SPACE = 6 * 2**30


def _start(args: list[str], **options: object) -> subprocess.Popen[bytes]:
    """``sakrad-ld ARGS`` in a session of its own (a terminal's process group), SIGINT at its default
    as a terminal's Ctrl-C finds it (a background job of a script would ignore it)."""

    def child() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))

    return subprocess.Popen(
        [sys.executable, "-m", "sakrad_ld", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=child,
        **options,  # type: ignore[arg-type]
    )


def _ended_bytes(process: subprocess.Popen[bytes], stdin: bytes | None = None) -> tuple[int, bytes, str]:
    """The exit code, output and (as UTF-8) error output of ``process`` once it has ended."""
    try:
        out, err = process.communicate(stdin, timeout=ENDED_WITHIN)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"still running {ENDED_WITHIN} s later")
    return process.returncode, out, err.decode("utf-8", "backslashreplace")


def _ended(process: subprocess.Popen[bytes]) -> tuple[int, str, str]:
    code, out, err = _ended_bytes(process)
    return code, out.decode("utf-8", "backslashreplace"), err


def _run_bytes(args: list[str], stdin: bytes = b"", env: dict[str, str] | None = None) -> tuple[int, bytes, str]:
    return _ended_bytes(_start(args, stdin=subprocess.PIPE, env=env), stdin)


def _run(args: list[str], stdin: str = "", env: dict[str, str] | None = None) -> tuple[int, str, str]:
    code, out, err = _run_bytes(args, stdin.encode("utf-8"), env)
    return code, out.decode("utf-8", "backslashreplace"), err


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err and "panicked" not in err and "backtrace" not in err.lower(), err


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


@needs_proc
def test_ctrl_c_stops_a_query_the_engine_is_running(fixture_release: Path) -> None:
    process = _start(["query", "--release", str(fixture_release), CROSS_JOIN])  # within the default time limit
    # the query runs once the command has a worker (the old command ran it in its own process)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not _children(process.pid) and process.poll() is None:
        time.sleep(0.1)
    workers = _children(process.pid)
    time.sleep(1)  # the worker loads the release and starts the query meanwhile; either is stopped
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C: the terminal's whole process group
    code, out, err = _ended(process)
    assert code == 130, err
    _no_traceback(err)
    assert out == ""
    deadline = time.monotonic() + ENDED_WITHIN
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "the query's worker outlived the command"


@needs_proc
def test_ctrl_c_to_the_command_alone_stops_its_query(fixture_release: Path) -> None:
    """SIGINT to the command's process only (``kill -INT``): its worker, in another process, is stopped too."""
    process = _start(["query", "--release", str(fixture_release), CROSS_JOIN])  # within the default time limit
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not _children(process.pid) and process.poll() is None:
        time.sleep(0.1)
    workers = _children(process.pid)
    time.sleep(1)
    process.send_signal(signal.SIGINT)
    code, _, err = _ended(process)
    assert code == 130, err
    _no_traceback(err)
    deadline = time.monotonic() + ENDED_WITHIN
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def test_a_query_past_its_time_limit_is_stopped_with_a_message(fixture_release: Path) -> None:
    code, out, err = _run(["query", "--release", str(fixture_release), "--timeout", "1", CROSS_JOIN])
    assert code == 2, err
    _no_traceback(err)
    assert "the query ran longer than 1 s and was stopped" in err and "--timeout" in err
    assert out == ""


def test_a_query_past_its_memory_limit_is_stopped_with_a_message(fixture_release: Path) -> None:
    code, out, err = _run(["query", "--release", str(fixture_release), "--query-memory", "512", MEMORY_BOMB])
    assert code == 2, err
    _no_traceback(err)
    assert err.startswith("error: the query needed more than 512 MB of memory"), err
    assert "--query-memory" in err and err.count("\n") == 1
    assert out == ""


def test_the_default_limits_stop_a_memory_bomb_too(fixture_release: Path) -> None:
    code, _, err = _run(["query", "--release", str(fixture_release), MEMORY_BOMB])
    assert code == 2, err
    _no_traceback(err)
    assert "needed more than 1024 MB" in err


@pytest.mark.parametrize(
    ("option", "value"), [("--timeout", "0"), ("--timeout", "nan"), ("--query-memory", "10"), ("--query-memory", "x")]
)
def test_a_limit_out_of_range_is_a_usage_error(fixture_release: Path, option: str, value: str) -> None:
    code, _, err = _run(["query", "--release", str(fixture_release), option, value, "ASK {}"])
    assert code == 2 and f"argument {option}:" in err, err


def test_a_query_within_its_limits_answers_as_before(fixture_release: Path) -> None:
    args = ["query", "--release", str(fixture_release), "--format", "csv", "SELECT (1 AS ?one) {}"]
    assert _run(args)[:2] == (0, "one\r\n1\r\n")
    code, out, err = _run(["query", "--release", str(fixture_release), "ASK {}"])
    assert (code, out.strip()) == (0, "yes"), err
    code, out, err = _run(["query", "--release", str(fixture_release), "CONSTRUCT { <s> <p> 1 } WHERE {}"])
    assert code == 0 and "s> <" in out and " 1 ." in out, err


# --- an output encoding without å ----------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}]
)
def test_help_on_an_ascii_terminal_is_escaped_not_a_traceback(encoding: dict[str, str]) -> None:
    code, out, err = _run(["--help"], env={**os.environ, **encoding})
    assert code == 0, err
    _no_traceback(err)
    assert "sakr\\xe5d" in out
    assert "warning: standard output's encoding" in err and "PYTHONIOENCODING=utf-8" in err


@pytest.mark.parametrize("command", [["validate"], ["validate", "--lang", "en"], ["links", "check"]])
def test_commands_on_an_ascii_terminal_give_no_traceback(tmp_path: Path, command: list[str]) -> None:
    from conftest import fixture_project

    project = fixture_project(tmp_path / "project")
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    code, _, err = _run(["-C", str(project), *command], env=env)
    assert code in (0, 1), err
    _no_traceback(err)


def test_a_table_on_a_latin_1_terminal_keeps_what_latin_1_has(fixture_release: Path) -> None:
    query = 'SELECT ?t { VALUES ?t { "sakråd – möte" } }'
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    code, out, err = _run_bytes(["query", "--release", str(fixture_release), query], env=env)
    assert code == 0, err
    assert "sakråd \\u2013 möte".encode("latin-1") in out
    assert "lacks 1 character(s)" in err


def test_a_byte_read_as_a_surrogate_is_written_back_as_that_byte() -> None:
    from sakrad_ld.cli import tolerant_streams

    tolerant_streams()  # registers the error handler
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="sakrad-ld-escape")
    stream.write("a\udcffå\n")
    stream.flush()
    assert stream.buffer.getvalue() == b"a\xff\\xe5\n"  # type: ignore[attr-defined]


# --- query - ---------------------------------------------------------------------------------------


def test_query_dash_reads_the_query_from_standard_input(fixture_release: Path) -> None:
    code, out, err = _run(["query", "--release", str(fixture_release), "-"], stdin="ASK {}\n")
    assert (code, out.strip()) == (0, "yes"), err


def test_dev_stdin_given_a_pipe_reads_it_too(fixture_release: Path) -> None:
    if not Path("/dev/stdin").exists():
        pytest.skip("no /dev/stdin")
    code, out, err = _run(["query", "--release", str(fixture_release), "/dev/stdin"], stdin="ASK {}\n")
    assert (code, out.strip()) == (0, "yes"), err


def test_a_saved_query_on_standard_input_takes_its_parameters(fixture_release: Path) -> None:
    text = "# title: one value\n# param: v (literal): the value\nSELECT ?v {}\n"
    args = ["query", "--release", str(fixture_release), "--format", "csv", "--param", "v=hej", "-"]
    code, out, err = _run(args, stdin=text)
    assert (code, out) == (0, "v\r\nhej\r\n"), err


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (b"", "standard input is empty"),
        (b"ASK {\xff}", "standard input is not UTF-8 text (invalid start byte at byte 5)"),
        (b"ASK {} #" + b"x" * 300_000, "standard input holds more than 262144 bytes"),
    ],
)
def test_standard_input_that_is_no_query_is_refused(fixture_release: Path, given: bytes, said: str) -> None:
    code, _, err = _run_bytes(["query", "--release", str(fixture_release), "-"], given)
    assert code == 2 and f"error: QUERY -: {said}" in err, err


def test_a_folder_or_a_fifo_as_query_says_what_it_is(fixture_release: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for given, kind in ((str(tmp_path), "a folder"), (str(fifo), "not a regular file")):
        code, _, err = _run(["query", "--release", str(fixture_release), given])
        assert code == 2 and f"QUERY {given}: this is {kind}" in err and "- to read the query" in err, err


def test_one_line_of_sparql_past_a_file_names_length_is_a_query(fixture_release: Path) -> None:
    """Read as a path first, such a line made the file system say "File name too long"."""
    query = "SELECT * WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(3)) + " } LIMIT 1 #" + "x" * 300
    code, out, err = _run(["query", "--release", str(fixture_release), "--format", "csv", query])
    assert code == 0 and out.startswith("o0,o1,o2,p0,"), err


def test_the_least_query_memory_is_on_top_of_the_loaded_release(fixture_release: Path) -> None:
    """--query-memory is what a query may use beyond the loaded release: the least value accepted
    answers a query (it was a limit on the whole worker, which could not even load the release)."""
    code, out, err = _run(["query", "--release", str(fixture_release), "--query-memory", "64", "ASK {}"])
    assert (code, out.strip()) == (0, "yes"), err
    _no_traceback(err)


def test_ctrl_c_stops_links_check_online_while_requests_wait(tmp_path: Path) -> None:
    """Its thread pool's shutdown waited for every request under way (each given --timeout) and
    then for the ones queued: Ctrl-C ended nothing for minutes."""
    import socket
    import threading

    from conftest import fixture_project

    project = fixture_project(tmp_path / "project")
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    accepted: list[socket.socket] = []

    def accept() -> None:  # takes every connection and never answers
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    local = f"http://127.0.0.1:{port}/"
    args = ["-C", str(project), "links", "check", "--online", "--timeout", "600"]
    process = _start([*args, "--rewrite", f"http={local}", "--rewrite", f"https={local}"])
    try:
        deadline = time.monotonic() + ENDED_WITHIN
        while not accepted and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert accepted, "the command never asked the server"
        os.killpg(process.pid, signal.SIGINT)
        code, _, err = _ended(process)
    finally:
        server.close()
        for connection in accepted:
            connection.close()
    assert code == 130, err
    _no_traceback(err)


def test_json_for_programs_is_utf_8_whatever_the_terminal(tmp_path: Path) -> None:
    """JSON exchanged between systems is UTF-8 (RFC 8259 §8.1); an escape such as \\xe5 is no JSON."""
    import json

    from conftest import fixture_project

    project = fixture_project(tmp_path / "project")
    args = ["-C", str(project), "validate", "--format", "json"]
    code, out, err = _run_bytes(args, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert code in (0, 1), err
    _no_traceback(err)
    assert _run_bytes(args, env={**os.environ, "PYTHONIOENCODING": "utf-8"})[1] == out
    assert "å" in out.decode("utf-8") and json.loads(out.decode("utf-8"))["results"]
