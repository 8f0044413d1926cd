"""SPARQL queries run in worker processes, so that the time limit holds.

pyoxigraph has no way to cancel a query: ``Store.query`` evaluates an aggregate over a cross
product inside one call that no thread can interrupt (measured on the seed release, 668 triples:
``SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }`` ran 35 s). Checking the clock
while iterating solutions cannot stop that, and a thread left running keeps a core busy. So each
query runs in a worker process that holds its own copy of the store; when the limit passes the
worker is killed (SIGKILL) and a fresh one is started in its place, and the caller gets a
:class:`~sakrad_ld.errors.QueryTimeout` at once. A worker that crashes is replaced the same way.

A worker is a fresh interpreter (``python -m sakrad_ld.serving.workers``, not a fork of the threaded
server, and not ``multiprocessing``'s spawn, which re-runs the caller's main script) that loads the
release itself and talks to the server over a socket pair with pickled messages. A query may run for the time limit from when a worker takes it; a request
waits for a free worker at most as long again.
"""

from __future__ import annotations

import importlib
import os
import queue
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..errors import QueryTimeout, ReleaseError

__all__ = ["WorkerPool"]

#: How long a new worker may take to load the release before it counts as broken.
STARTUP_LIMIT = 120.0

#: ``task(release, job) -> result``: a module-level function (it is pickled by name).
Task = Callable[[Any, Any], Any]


def _worker_main(root: str, task: Task, conn: Connection) -> None:
    import signal

    from ..sparql.store import Release

    # Ctrl-C in a terminal reaches the whole process group: the server stops its workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    try:
        release = Release.open(Path(root))
    except Exception as error:  # noqa: BLE001 - reported to the parent, which says what failed
        conn.send(("failed", f"{type(error).__name__}: {error}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", task(release, job)))
        except Exception as error:  # noqa: BLE001 - the parent re-raises it
            conn.send(("raised", error))


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection
    ready: bool = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(STARTUP_LIMIT):
            raise ReleaseError(f"a query worker did not load the release within {STARTUP_LIMIT:.0f} s")
        kind, detail = self.conn.recv()
        if kind != "ready":
            raise ReleaseError(f"a query worker could not load the release: {detail}")
        self.ready = True

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()


class WorkerPool:
    """``size`` worker processes that run ``task`` on the release in ``root``, each job within ``timeout`` seconds."""

    def __init__(self, root: Path, task: Task, size: int, timeout: float) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.root = Path(root)
        self.task = task
        self.size = size
        self.timeout = timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self._all: set[_Worker] = set()
        #: jobs stopped at the time limit, and workers started, since the pool began (for tests and logs)
        self.timeouts = 0
        self.started_workers = 0

    def _spawn(self) -> _Worker:
        ours, theirs = socket.socketpair()
        task = f"{self.task.__module__}:{self.task.__qualname__}"
        # the worker imports this very copy of sakrad_ld, however the server found it
        package_root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        with theirs:
            process = subprocess.Popen([sys.executable, "-m", __name__, str(self.root), task, str(theirs.fileno())],
                                       pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env)
        worker = _Worker(process, Connection(ours.detach()))
        with self._lock:
            self._all.add(worker)
            self.started_workers += 1
        return worker

    def start(self) -> None:
        """Starts the workers (the first :meth:`run` does it too)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        for _ in range(self.size):
            self._idle.put(self._spawn())

    @property
    def pids(self) -> list[int]:
        with self._lock:
            return sorted(w.process.pid for w in self._all)

    def run(self, job: Any) -> Any:
        """The task's result for ``job``; re-raises what the task raised; QueryTimeout past the limit."""
        if self._closed:
            raise RuntimeError("the worker pool is closed")
        self.start()
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(f"all {self.size} query workers stayed busy for {self.timeout:g} s; "
                               "try again later") from None
        try:
            worker.wait_ready()
            worker.conn.send(job)
            if not worker.conn.poll(self.timeout):
                self.timeouts += 1
                self._replace(worker)
                worker = None
                raise QueryTimeout(f"the query ran longer than {self.timeout:g} s and was stopped; "
                                   "narrow it (a more selective pattern, fewer OPTIONALs, a LIMIT)")
            kind, value = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as error:
            if worker is not None:
                self._replace(worker)
                worker = None
            raise ReleaseError(f"a query worker stopped unexpectedly ({error or type(error).__name__}); "
                               "it has been replaced, try again") from None
        except BaseException:
            if worker is not None and not worker.ready:
                self._replace(worker)
                worker = None
            raise
        finally:
            if worker is not None:
                self._idle.put(worker)
        if kind == "raised":
            raise value
        return value

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


if __name__ == "__main__":  # a worker: python -m sakrad_ld.serving.workers RELEASE MODULE:FUNCTION FD
    _module, _, _function = sys.argv[2].partition(":")
    _worker_main(sys.argv[1], getattr(importlib.import_module(_module), _function), Connection(int(sys.argv[3])))
