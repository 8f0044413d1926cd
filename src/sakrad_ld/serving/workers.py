"""SPARQL queries run in worker processes, so that the time limit holds.

pyoxigraph has no way to cancel a query: ``Store.query`` evaluates an aggregate over a cross
product inside one call that no thread can interrupt (measured on the seed release, 668 triples:
``SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }`` ran 35 s). Checking the clock
while iterating solutions cannot stop that, and a thread left running keeps a core busy. So each
query runs in a worker process that holds its own copy of the store; when the limit passes the
worker is killed (SIGKILL) and a fresh one is started in its place, and the caller gets a
:class:`~sakrad_ld.errors.QueryTimeout` at once. A worker that crashes is replaced the same way.

Each worker limits its own address space (``RLIMIT_AS``, :data:`resource` module) once it has
loaded the release, to what it then holds plus ``memory_limit`` bytes: the limit is what a query
may use on top of the release (loading the 28-meeting release takes a worker's address space to
about 300 MB at its peak, ``VmPeak``, and leaves it at about 70 MB, so a limit counted from nothing
made every query of a worker given less than about 350 MB fail as it loaded). A query that needs more fails inside the worker (pyoxigraph aborts on a failed
allocation, Python raises MemoryError), the caller gets :class:`QueryTooCostly` with what
happened, and the worker is replaced, since a process that ran out of memory is not trusted again.
A worker that cannot load the release at all says why (:class:`~sakrad_ld.errors.ReleaseError`).

A worker dies with the process that started it (:func:`die_with_parent`: on Linux the kernel sends
it SIGKILL when its parent ends, however it ends, SIGKILL included), so no query outlives the
command or the server that ran it. The pool starts every worker from one thread that lives as long
as the process (:class:`_Starter`), since the kernel reads "parent" as the thread that started the
worker: a worker started by a request's thread would die when that thread did. And each worker
carries its own limit of time (an alarm with the default action, which ends the process): a job,
or the loading of the release, that runs :data:`ALARM_SLACK` past the pool's limit ends the worker
even if the parent that should have killed it hangs.

Each worker also runs at a lower CPU priority (``nice`` :data:`NICENESS`): on a machine whose
cores are all busy with queries, the server's own process (documents, pages, kept answers) still
gets the processor first, so a heavy query slows documents down little.

Time is bounded from the caller's side: a job waits for a free (and loaded) worker at most
``wait`` seconds and then runs at most ``timeout`` seconds, so no answer takes longer than
``wait + timeout`` (the server gives ``wait = timeout / 2``).

Each worker is cut off from the network before it loads anything (:func:`isolate_network`): on
Linux it moves into a network namespace of its own (``unshare(CLONE_NEWNET)``, with
``CLONE_NEWUSER`` where the server runs unprivileged), which has no interface but a loopback that
is down, so no connection leaves it, to the host's loopback or anywhere. ``SERVICE`` is refused by
the lexer before a query reaches a worker (:func:`sakrad_ld.sparql.query.refuse_federation`);
this is the second wall, for the day the lexer is fooled (pyoxigraph would otherwise send the
request itself). Where the kernel refuses (no user namespaces, another system), the lexer would be
the only wall, so the worker refuses every query whose text holds the word ``service`` anywhere
(:func:`sakrad_ld.sparql.query.without_network_wall`: escapes decoded, any case, in strings, IRIs
and comments too), and the pool logs one warning saying so and why.

A worker is a fresh interpreter (``python -m sakrad_ld.serving.workers``, not a fork of the threaded
server, and not ``multiprocessing``'s spawn, which re-runs the caller's main script) that loads the
release itself and talks to the server over a socket pair with pickled messages.
"""

from __future__ import annotations

import importlib
import logging
import math
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..errors import QueryError, QueryTimeout, ReleaseError

__all__ = ["QueryTooCostly", "WorkerPool", "WorkersBusy", "die_with_parent", "isolate_network"]

_log = logging.getLogger("sakrad_ld.serving")


class WorkersBusy(QueryTimeout):
    """No worker became free within the wait: try again shortly (HTTP 503 with Retry-After)."""


class QueryTooCostly(QueryError):
    """The query's worker ran out of memory or died while running it; the worker was replaced."""


#: How much lower a worker's CPU priority is than the server's (``os.nice``; 19 is the lowest).
NICENESS = 10

#: How long a new worker may take to load the release before it counts as broken.
STARTUP_LIMIT = 120.0

#: Seconds past the pool's own limit (a job's ``timeout``, the load's :data:`STARTUP_LIMIT`) at which a
#: worker's alarm ends it, should its parent not have killed it by then (a parent that hangs, or is
#: stopped): late enough that the parent, which measures from before the worker does, always acts first.
ALARM_SLACK = 5.0

#: ``task(release, job) -> result``: a module-level function (it is pickled by name).
Task = Callable[[Any, Any], Any]


_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def _libc_unshare(flags: int) -> int:
    """libc's ``unshare(flags)``: 0, or the error number."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    ctypes.set_errno(0)
    return 0 if libc.unshare(flags) == 0 else (ctypes.get_errno() or 1)


def isolate_network(unshare: Callable[[int], int] = _libc_unshare) -> str:
    """Moves this process into a network namespace of its own, with no interface up; ``""`` when it
    did, otherwise why not. Call it while the process has one thread (``CLONE_NEWUSER`` requires it).
    ``unshare(flags)`` gives 0 or an error number (libc's, or a test's)."""
    if not sys.platform.startswith("linux"):
        return f"network namespaces are a Linux feature; this is {sys.platform}"
    reasons = []
    # as root a network namespace alone does; unprivileged, it is made inside a user namespace of its own
    for flags, name in (
        (_CLONE_NEWNET, "CLONE_NEWNET"),
        (_CLONE_NEWUSER | _CLONE_NEWNET, "CLONE_NEWUSER|CLONE_NEWNET"),
    ):
        try:
            error = unshare(flags)
        except (OSError, AttributeError) as failure:  # no libc, or no unshare in it
            return f"unshare is not available ({failure})"
        if error == 0:
            return ""
        reasons.append(f"unshare({name}): {os.strerror(error)}")
    return "; ".join(reasons)


_PR_SET_PDEATHSIG = 1


def _libc_prctl(option: int, value: int) -> int:
    """libc's ``prctl(option, value)``: 0, or the error number."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    ctypes.set_errno(0)
    return 0 if libc.prctl(option, value, 0, 0, 0) == 0 else (ctypes.get_errno() or 1)


def die_with_parent(parent: int, prctl: Callable[[int, int], int] = _libc_prctl) -> str:
    """Has the kernel kill this process (SIGKILL) as soon as its parent ends, ``""`` when it will,
    otherwise why not; ends this process at once if ``parent`` (the pid that started it) has ended
    already, before the request was made (the worker is then a child of another process, init or a
    subreaper). ``prctl(option, value)`` gives 0 or an error number (libc's, or a test's)."""
    import signal

    if not sys.platform.startswith("linux"):
        return f"a parent-death signal is a Linux feature; this is {sys.platform}"
    try:
        error = prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError) as failure:  # no libc, or no prctl in it
        return f"prctl is not available ({failure})"
    if os.getppid() != parent:
        os._exit(1)
    return "" if error == 0 else f"prctl(PR_SET_PDEATHSIG): {os.strerror(error)}"


def _alarm(seconds: float) -> None:
    """Ends this process ``seconds`` from now (SIGALRM at its default action), unless called again;
    0 cancels."""
    import signal

    signal.alarm(0 if seconds <= 0 else math.ceil(seconds))


def _address_space() -> int:
    """The bytes of address space this process holds now (``VmSize``); 0 where the system does not say."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_address_space(extra: int) -> None:
    """Limits this process's address space to what it holds now plus ``extra`` bytes (within the hard
    limit it was given, which it cannot raise)."""
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _load_failure(error: BaseException) -> str:
    """What made a worker fail to load the release, said whole: a MemoryError's own text is empty."""
    if isinstance(error, MemoryError):
        try:
            held = _address_space() // 2**20
        except MemoryError:
            held = 0
        return (
            f"it ran out of memory (MemoryError{f', with {held} MB of address space' if held else ''}) while "
            "loading, before any query's limit applies: "
            "the machine, or the limit the server or command was started under (ulimit -v), has too "
            "little memory for this release"
        )
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _worker_main(
    root: str, task: Task, conn: Connection, memory_limit: int = 0, network: str = "", timeout: float = 0.0
) -> None:
    import signal

    from ..sparql.store import Release

    # Ctrl-C in a terminal reaches the whole process group: the server stops its workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:  # documents and pages go first; queries take what is left of the processor
        os.nice(NICENESS)
    except OSError:
        pass
    _alarm(STARTUP_LIMIT + ALARM_SLACK)
    try:
        release = Release.open(Path(root))
    except Exception as error:  # noqa: BLE001 - reported to the parent, which says what failed
        conn.send(("failed", _load_failure(error)))
        return
    if memory_limit > 0:  # what a query may use on top of the release, now loaded
        _limit_address_space(memory_limit)
    if network:  # the lexer is the only barrier before the engine fetches a URL: the strictest check
        from ..sparql.query import without_network_wall

        without_network_wall()
    conn.send(("ready", network))
    _alarm(0)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        _alarm(timeout + ALARM_SLACK if timeout > 0 else 0)
        try:
            conn.send(("ok", task(release, job)))
        except MemoryError:
            conn.send(("memory", None))
            return  # a process that ran out of memory is replaced, not reused
        except Exception as error:  # noqa: BLE001 - the parent re-raises it
            conn.send(("raised", error))
        _alarm(0)


def _ended(code: int | None) -> str:
    """How a process that ended with ``code`` ended, in words."""
    import signal

    if code is None or code >= 0:
        return f"exit status {code}"
    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = f"signal {-code}"
    if -code == signal.SIGKILL:
        return f"killed by {name}: the system may have run out of memory"
    return f"killed by {name}"


class _Starter:
    """Starts every worker from one thread that lives as long as the process.

    Linux sends a worker its parent-death signal when the *thread* that started it ends, not only
    the process: a worker started by a request's thread (a thread pool's, which ends when idle)
    would be killed with that thread. This thread never ends before the process does."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[tuple[Callable[[], subprocess.Popen[bytes]], Future]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self, make: Callable[[], subprocess.Popen[bytes]]) -> subprocess.Popen[bytes]:
        """``make()``'s process, started on this thread; a process whose caller stopped waiting (Ctrl-C)
        is killed as soon as it exists."""
        with self._lock:  # a forked child has the thread object, not the thread
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, daemon=True, name="sakrad-query-workers")
                self._thread.start()
        future: Future[subprocess.Popen[bytes]] = Future()
        self._jobs.put((make, future))
        try:
            return future.result()
        except BaseException:
            future.add_done_callback(_kill_abandoned)
            raise

    def _loop(self) -> None:
        while True:
            make, future = self._jobs.get()
            try:
                future.set_result(make())
            except BaseException as error:  # noqa: BLE001 - the caller raises it
                future.set_exception(error)


def _kill_abandoned(future: Future) -> None:
    if not future.cancelled() and future.exception() is None:
        process = future.result()
        process.kill()
        process.wait()


_STARTER = _Starter()


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection
    ready: bool = False
    #: why the worker could not be cut off from the network ("" when it was)
    network: str = ""
    on_network_refused: Callable[[str], None] | None = None

    def wait_ready(self, limit: float = STARTUP_LIMIT) -> bool:
        """True once the worker has loaded the release; False if it is still loading after ``limit`` s."""
        if self.ready:
            return True
        if not self.conn.poll(limit):
            if limit < STARTUP_LIMIT:
                return False
            raise ReleaseError(f"a query worker did not load the release within {STARTUP_LIMIT:.0f} s")
        try:
            kind, detail = self.conn.recv()
        except (EOFError, OSError):
            code = self.process.wait(5) if self.process.poll() is None else self.process.returncode
            kind, detail = "failed", f"it ended while loading ({_ended(code)})"
        if kind != "ready":
            raise ReleaseError(f"a query worker could not load the release: {detail}")
        self.ready = True
        self.network = detail or ""
        if self.network and self.on_network_refused is not None:
            self.on_network_refused(self.network)
        return True

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()


class WorkerPool:
    """``size`` worker processes that run ``task`` on the release in ``root``, each job within ``timeout``
    seconds after waiting at most ``wait`` seconds for a worker, each worker in ``memory_limit`` bytes (0: no limit)."""

    def __init__(
        self, root: Path, task: Task, size: int, timeout: float, *, wait: float | None = None, memory_limit: int = 0
    ) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.root = Path(root)
        self.task = task
        self.size = size
        self.timeout = timeout
        self.wait = timeout if wait is None else wait
        self.memory_limit = memory_limit
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self._all: set[_Worker] = set()
        #: jobs stopped at the time limit, and workers started, since the pool began (for tests and logs)
        self.timeouts = 0
        self.started_workers = 0
        self.memory_failures = 0
        #: jobs taken by a worker and not yet answered
        self.busy = 0
        #: why the workers are not cut off from the network ("" while every worker is)
        self.network_refused = ""

    def _spawn(self) -> _Worker:
        ours, theirs = socket.socketpair()
        task = f"{self.task.__module__}:{self.task.__qualname__}"
        # the worker imports this very copy of sakrad_ld, however the server found it
        package_root = str(Path(__file__).resolve().parents[2])
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])),
            # a failed allocation is reported in one line, not with a backtrace of forty frames
            "RUST_BACKTRACE": "0",
            "RUST_LIB_BACKTRACE": "0",
        }
        command = [
            sys.executable,
            "-m",
            __name__,
            str(self.root),
            task,
            str(theirs.fileno()),
            str(self.memory_limit),
            repr(float(self.timeout)),
            str(os.getpid()),
        ]
        with theirs:
            process = _STARTER.start(
                lambda: subprocess.Popen(command, pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env)
            )
        worker = _Worker(process, Connection(ours.detach()), on_network_refused=self._network_refused)
        with self._lock:
            self._all.add(worker)
            self.started_workers += 1
        return worker

    def _network_refused(self, reason: str) -> None:
        if not self.network_refused:  # once per pool, not once per replaced worker
            _log.warning(
                "the query workers can reach the network, so every query whose text holds the word SERVICE "
                "(in any case, after \\u escapes, even in a string, an IRI or a comment) is refused: %s",
                reason,
            )
        self.network_refused = reason

    def start(self) -> None:
        """Starts the workers and returns once each has loaded the release (the first :meth:`run`
        does it too); ReleaseError if one cannot load it within :data:`STARTUP_LIMIT` seconds."""
        with self._lock:
            if self._started:
                return
            self._started = True
        workers = [self._spawn() for _ in range(self.size)]
        try:
            for worker in workers:
                worker.wait_ready()
        except BaseException:
            with self._lock:
                self._all.difference_update(workers)
                self._started = False
            for worker in workers:
                worker.kill()
            raise
        for worker in workers:
            self._idle.put(worker)

    @property
    def pids(self) -> list[int]:
        with self._lock:
            return sorted(w.process.pid for w in self._all)

    def run(self, job: Any) -> Any:
        """The task's result for ``job``; re-raises what the task raised; WorkersBusy when no worker is
        free within the wait, QueryTimeout past the time limit, QueryTooCostly when the worker died."""
        if self._closed:
            raise RuntimeError("the worker pool is closed")
        self.start()
        deadline = time.monotonic() + self.wait
        try:
            worker = self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise WorkersBusy(
                f"all {self.size} query workers stayed busy for {self.wait:g} s; try again shortly"
            ) from None
        with self._lock:
            self.busy += 1
        try:
            if not worker.wait_ready(max(0.0, deadline - time.monotonic())):
                self._idle.put(worker)
                worker = None
                raise WorkersBusy("the query workers are still loading the release; try again shortly")
            worker.conn.send(job)
            if not worker.conn.poll(self.timeout):
                self.timeouts += 1
                self._replace(worker)
                worker = None
                raise QueryTimeout(
                    f"the query ran longer than {self.timeout:g} s and was stopped; "
                    "narrow it (a more selective pattern, fewer OPTIONALs, a LIMIT)"
                )
            kind, value = worker.conn.recv()
            if kind == "memory":
                self.memory_failures += 1
                self._replace(worker)
                worker = None
                raise QueryTooCostly(self._died(None))
        except (EOFError, OSError, BrokenPipeError):
            if worker is None:
                raise
            code = worker.process.wait(5) if worker.process.poll() is None else worker.process.returncode
            self._replace(worker)
            worker = None
            self.memory_failures += 1
            raise QueryTooCostly(self._died(code)) from None
        except BaseException:
            if worker is not None and not worker.ready:
                self._replace(worker)
                worker = None
            raise
        finally:
            with self._lock:
                self.busy -= 1
            if worker is not None:
                self._idle.put(worker)
        if kind == "raised":
            raise value
        return value

    def _died(self, code: int | None) -> str:
        needed = (
            f"more than {self.memory_limit // 2**20} MB of memory on top of the loaded release"
            if self.memory_limit
            else "more memory than its worker had"
        )
        how = "" if code is None else f" ({_ended(code)})"
        return (
            f"the query needed {needed}, or failed inside the SPARQL engine{how}, and was stopped; narrow it "
            "(a more selective pattern, a LIMIT, no large GROUP_CONCAT)"
        )

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        if not self._closed:
            self._idle.put(self._spawn())

    def close(self) -> None:
        """Stops every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


# a worker: python -m sakrad_ld.serving.workers RELEASE MODULE:FUNCTION FD MEMORY TIMEOUT PARENT
if __name__ == "__main__":
    _network = isolate_network()  # first, while the interpreter has one thread
    die_with_parent(int(sys.argv[6]))  # elsewhere than Linux, the alarm is the only bound
    _module, _, _function = sys.argv[2].partition(":")
    _worker_main(
        sys.argv[1],
        getattr(importlib.import_module(_module), _function),
        Connection(int(sys.argv[3])),
        int(sys.argv[4]),
        _network,
        float(sys.argv[5]),
    )
