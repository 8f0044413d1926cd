"""Query workers never outlive their limits: a worker dies with the process that started it, however
that process ends (``sakrad-ld query`` killed by SIGTERM, SIGHUP or SIGKILL, ``sakrad-ld serve``
killed by SIGKILL), and ends itself past its time limit if that process hangs; ``--query-memory`` is
what a query may use on top of the loaded release; a byte order mark that opens a query is dropped.

Before, a worker orphaned by ``kill``, ``timeout(1)`` or a closed terminal went on under PID 1 past
``--timeout`` (a core busy for ever), and any ``--query-memory`` under about 350 MB made every query
fail with ``MemoryError: `` while the worker loaded the release."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_cli_signals import _ended_bytes, _start

from sakrad_ld.bounded import Job, answer_text
from sakrad_ld.errors import QueryError
from sakrad_ld.serving.workers import ALARM_SLACK, WorkerPool, _ended, _load_failure, die_with_parent

#: A cross join whose count the engine works out in one call that no signal reaches (1e14 rows).
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
#: A deadline for what should happen at once, generous for a busy machine; never waited out when it works.
DEADLINE = 60

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="a parent-death signal and /proc are Linux features"
)


def _ended_process(process: subprocess.Popen[bytes], stdin: bytes | None = None) -> tuple[int, str, str]:
    code, out, err = _ended_bytes(process, stdin)
    return code, out.decode("utf-8", "backslashreplace"), err


def _workers_of(pid: int) -> list[int]:
    """The query workers whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"sakrad_ld.serving.workers" in command:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs: neither gone nor a zombie (a worker whose parent died is reaped by PID 1, in its time)."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_workers(process: subprocess.Popen[bytes], count: int = 1) -> list[int]:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline and process.poll() is None:
        workers = _workers_of(process.pid)
        if len(workers) >= count:
            return workers
        time.sleep(0.05)
    pytest.fail(f"no query worker appeared (the command's exit status: {process.poll()})")


def _gone(workers: list[int]) -> bool:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    return not any(_alive(w) for w in workers)


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err and "panicked" not in err, err


# --- a worker dies with its parent -------------------------------------------------------------


@linux_only
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_query_ended_by_sigterm_or_sighup_stops_its_worker_and_says_so(fixture_release: Path, name: str) -> None:
    """``timeout(1)`` sends SIGTERM, a closed terminal SIGHUP: the command stops its worker on the way
    out, as Ctrl-C does, says so, and exits as a shell counts a signal (128 + its number)."""
    number = signal.Signals[name]
    process = _start(["query", "--release", str(fixture_release), "--timeout", "600", CROSS_JOIN])
    workers = _wait_for_workers(process)
    process.send_signal(number)
    code, out, err = _ended_process(process)
    assert code == 128 + number, err
    assert err == f"error: stopped by {name}; the query's worker process was stopped with it\n"
    assert out == ""
    assert _gone(workers), "the query's worker outlived the command"


@linux_only
def test_a_query_killed_by_sigkill_takes_its_worker_with_it(fixture_release: Path) -> None:
    """SIGKILL cannot be handled: the kernel ends the worker, which asked to die with its parent."""
    process = _start(["query", "--release", str(fixture_release), "--timeout", "600", CROSS_JOIN])
    workers = _wait_for_workers(process)
    process.kill()
    process.communicate()
    assert _gone(workers), "the query's worker outlived the command killed by SIGKILL"


@linux_only
def test_the_server_killed_by_sigkill_takes_its_workers_with_it(fixture_release: Path) -> None:
    """The workers were started from a thread of the server's thread pool once it listened."""
    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    args = ["serve", "--release", str(fixture_release), "--port", str(port), "--query-workers", "2"]
    process = _start([*args, "--reload-interval", "0"])
    try:
        deadline = time.monotonic() + DEADLINE
        answered = None
        while time.monotonic() < deadline and process.poll() is None and answered is None:
            try:
                answered = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"}, timeout=DEADLINE)
            except httpx.TransportError:
                time.sleep(0.1)
        assert answered is not None and answered.status_code == 200, process.poll()
        workers = _wait_for_workers(process, 2)
    finally:
        process.kill()
        process.communicate()
    assert _gone(workers), "the server's query workers outlived it"


def test_workers_started_by_a_thread_that_ended_still_answer(fixture_release: Path) -> None:
    """Linux sends the parent-death signal when the *thread* that started a worker ends (a request's
    thread in the server's pool ends when idle): the pool starts workers from a thread that lasts."""
    pool = WorkerPool(fixture_release, answer_text, 1, 120)
    try:
        starter = threading.Thread(target=pool.start)
        starter.start()
        starter.join()
        assert pool.run(Job("ASK {}", "table")).strip() == "yes"
    finally:
        pool.close()


@linux_only
def test_a_worker_whose_parent_ended_before_it_asked_ends_at_once() -> None:
    """The race: the parent died before the worker asked to die with it. Its parent is then another
    process (PID 1, a subreaper), which :func:`die_with_parent` sees and ends the worker."""
    program = "from sakrad_ld.serving.workers import die_with_parent; die_with_parent(1); print('went on')"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, timeout=DEADLINE)
    assert done.returncode == 1 and done.stdout == b"", done
    ours = "import os; from sakrad_ld.serving.workers import die_with_parent; print(die_with_parent(os.getppid()))"
    done = subprocess.run([sys.executable, "-c", ours], capture_output=True, timeout=DEADLINE)
    assert done.returncode == 0 and done.stdout == b"\n", done


def test_a_refusing_kernel_is_reported_with_why() -> None:
    if not sys.platform.startswith("linux"):
        assert "Linux" in die_with_parent(os.getppid())
        return
    assert die_with_parent(os.getppid(), lambda option, value: 22) == f"prctl(PR_SET_PDEATHSIG): {os.strerror(22)}"
    assert die_with_parent(os.getppid(), lambda option, value: 0) == ""


# --- a worker carries its own limit of time ------------------------------------------------------


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="an alarm is a POSIX signal")
def test_a_worker_whose_parent_never_kills_it_ends_itself_past_the_time_limit(fixture_release: Path) -> None:
    """A parent that hangs (here: one that sends the job and never reads nor kills): the worker's alarm,
    :data:`ALARM_SLACK` s past the time limit, ends it."""
    from multiprocessing.connection import Connection

    ours, theirs = socket.socketpair()
    with theirs:
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sakrad_ld.serving.workers",
                str(fixture_release),
                "sakrad_ld.bounded:answer_text",
                str(theirs.fileno()),
                "0",
                "1",
                str(os.getpid()),
            ],
            pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL,
        )
    conn = Connection(ours.detach())
    try:
        assert conn.poll(DEADLINE) and conn.recv()[0] == "ready"
        conn.send(Job(CROSS_JOIN, "table"))
        code = worker.wait(DEADLINE + ALARM_SLACK)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        conn.close()
    assert code == -signal.SIGALRM, code


# --- --query-memory is on top of the loaded release ----------------------------------------------


def test_the_least_query_memory_answers_a_query(fixture_release: Path) -> None:
    """64 MB, the least accepted: the worker loads the release first, then is limited to that plus 64 MB."""
    process = _start(["query", "--release", str(fixture_release), "--query-memory", "64", "ASK {}"])
    code, out, err = _ended_process(process)
    assert (code, out) == (0, "yes\n"), err


def test_the_server_with_the_least_query_memory_answers_queries(fixture_release: Path) -> None:
    get = "/sparql?query=ASK%20%7B%7D&format=json"
    process = _start(["serve", "--release", str(fixture_release), "--query-memory", "64", "--get", get])
    code, out, err = _ended_process(process)
    assert code == 0 and json.loads(out)["boolean"] is True, err


def test_a_worker_out_of_memory_while_loading_says_so() -> None:
    """str(MemoryError()) is empty: the message said only "MemoryError: "."""
    said = _load_failure(MemoryError())
    assert "ran out of memory" in said and "while loading" in said and not said.endswith(": ")
    assert _load_failure(ValueError()) == "ValueError"
    assert _load_failure(OSError("no such file")) == "OSError: no such file"
    assert "SIGKILL" in _ended(-signal.SIGKILL) and "memory" in _ended(-signal.SIGKILL)
    assert _ended(3) == "exit status 3"


# --- a byte order mark ----------------------------------------------------------------------------

BOM = "\ufeff"


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_a_query_that_opens_with_a_byte_order_mark_runs(fixture_release: Path, tmp_path: Path, how: str) -> None:
    """As Windows Notepad saves a .rq file; the saved query's header after it is read too."""
    text = f"{BOM}# title: Anything\n# param: org (organisation): an organisation\nSELECT ?org WHERE {{}}\n"
    (tmp_path / "q.rq").write_text(text, encoding="utf-8")
    query, stdin = (str(tmp_path / "q.rq"), b"") if how == "file" else ("-", text.encode())
    args = ["query", "--release", str(fixture_release), "--format", "csv", "--param", "org=radda-barnen", query]
    code, out, err = _ended_process(_start(args, stdin=subprocess.PIPE), stdin)
    assert code == 0, err
    assert out.splitlines()[1].endswith("/id/organisation/radda-barnen"), out


def test_a_query_given_as_text_that_opens_with_a_byte_order_mark_runs(fixture_release: Path) -> None:
    code, out, err = _ended_process(_start(["query", "--release", str(fixture_release), f"{BOM}ASK {{}}"]))
    assert (code, out) == (0, "yes\n"), err


def test_the_server_drops_a_byte_order_mark_that_opens_the_query(fixture_release: Path) -> None:
    get = "/sparql?query=%EF%BB%BFASK%20%7B%7D&format=json"
    code, out, err = _ended_process(_start(["serve", "--release", str(fixture_release), "--get", get]))
    assert code == 0 and json.loads(out)["boolean"] is True, err


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (f"ASK {{{BOM}}}", "line 1, column 6"),
        (f"ASK {{}}\n  {BOM}", "line 2, column 3"),
        (f"{BOM}{BOM}ASK {{}}", "line 1, column 1"),  # the second is no mark of the encoding
    ],
)
def test_a_byte_order_mark_elsewhere_is_refused_saying_what_it_is(text: str, where: str) -> None:
    import pyoxigraph as ox

    from sakrad_ld.sparql.query import evaluate

    with pytest.raises(QueryError) as refused:
        evaluate(ox.Store(), text)
    assert str(refused.value).startswith(f"{where}: a byte order mark (U+FEFF"), refused.value


@pytest.mark.parametrize(
    "text", [f'ASK {{ FILTER("a{BOM}b" != "") }}', f"ASK {{ ?s{BOM} ?p ?o }}", f"# a comment {BOM}\nASK {{}}"]
)
def test_a_byte_order_mark_where_sparql_allows_one_is_kept(text: str) -> None:
    """In a string, a comment, or a name (``PN_CHARS_BASE`` holds U+FEFF), the engine reads it."""
    import pyoxigraph as ox

    from sakrad_ld.sparql.query import evaluate

    assert evaluate(ox.Store(), text).form in ("ask", "select")
