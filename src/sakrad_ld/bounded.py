"""``sakrad-ld query``'s query, run in a worker process within a time and a memory limit.

pyoxigraph evaluates a query in one native call that neither a signal nor a clock interrupts: in
the command's own process a cross join ran for ever, Ctrl-C did nothing while it ran, and a query
that builds a 16 GiB string made the engine abort the whole process (exit 134, with Rust's
backtrace). So the command runs its query as the server does, in a worker process of
:class:`sakrad_ld.serving.workers.WorkerPool` (one worker, cut off from the network, its address
space limited): the command's own process only waits for the answer, a wait Ctrl-C ends at once
(the worker is killed with it); past ``--timeout`` seconds the worker is killed, and a query that
needs more than ``--query-memory`` megabytes on top of the loaded release fails in the worker
alone. Either is a message and exit 2. The worker dies with the command however the command ends
(SIGTERM, SIGHUP, SIGKILL: :func:`sakrad_ld.serving.workers.die_with_parent`), and ends itself a
little past ``--timeout`` should the command hang.

The worker formats the answer too (a table, SPARQL results, Turtle), so the memory limit holds
while the answer is written, and the command prints what it sends back. What the worker itself
writes to standard error (the engine's one-line report of an allocation that failed) goes to a
temporary file, whose last line the command's message quotes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import QueryTimeout, ReleaseError, shown

__all__ = ["DEFAULT_MEMORY", "DEFAULT_TIMEOUT", "MAX_MEMORY", "MIN_MEMORY", "Job", "answer_text", "printable", "run"]

#: Seconds a query may run by default (``query --timeout``): generous for a command on one's own
#: machine (the server's default is 10), yet a query that would run for ever ends.
DEFAULT_TIMEOUT = 60.0
#: Megabytes of address space the query's worker may use on top of the loaded release by default
#: (``query --query-memory``), as the server's workers (``serve --query-memory``); the least, below
#: which little more than ``ASK {}`` can run; the most (256 GiB), past which a limit is a mistake.
DEFAULT_MEMORY, MIN_MEMORY, MAX_MEMORY = 1024, 64, 262_144

#: The longest line of the worker's standard error a message quotes.
_QUOTED = 200


@dataclass(frozen=True)
class Job:
    """What the worker runs: the query's text (parameters bound) and the format of its answer,
    ``table`` or a SPARQL results format's name (a graph is always Turtle)."""

    text: str
    format: str


def answer_text(release: Any, job: Job) -> str | bytes:
    """The worker's task: ``job``'s answer on ``release``, a table as text, any other format as bytes."""
    from .formats import RESULTS_FORMATS, by_name
    from .sparql.query import evaluate
    from .sparql.results import rdf_bytes, results_bytes, table

    answer = evaluate(release.store, job.text, base_iri=release.base_iri)
    if answer.form == "graph":
        return rdf_bytes(answer, by_name("turtle"))
    if job.format == "table":
        return table(printable(answer), release.base_iri)
    data = results_bytes(answer, by_name(job.format, RESULTS_FORMATS))
    return data if data.endswith(b"\n") else data + b"\n"


def printable(answer):  # noqa: ANN001, ANN201  # sparql.results.Answer, imported with the query's modules
    """``answer`` (a SELECT's) with each literal as the table for people may show it on a terminal: its
    control characters escaped (``\\x1b``, as :func:`sakrad_ld.errors.shown` does in every message),
    which an ESC would otherwise act on (retitle the window, clear the screen), the table's line
    breaks and spaces as before (each run of white space one space). The result formats (CSV, TSV,
    JSON, XML) carry the values as they are, as their specifications require."""
    import dataclasses

    import pyoxigraph as ox

    def one(term):  # noqa: ANN001, ANN202
        if not isinstance(term, ox.Literal):
            return term
        text = " ".join(term.value.split())
        if text.isprintable() and text == term.value:
            return term
        if term.language:
            return ox.Literal(shown(text), language=term.language)
        return ox.Literal(shown(text), datatype=term.datatype)

    if answer.form != "select":
        return answer
    return dataclasses.replace(answer, rows=[tuple(one(t) for t in row) for row in answer.rows])


def run(root: Path, job: Job, timeout: float = DEFAULT_TIMEOUT, memory: int = DEFAULT_MEMORY) -> str | bytes:
    """``job``'s answer on the release in ``root``, run in a worker process that may take ``timeout``
    seconds and ``memory`` megabytes on top of the loaded release; QueryError saying which limit the
    query passed and the option that moves it, or what the query's own error is (bad SPARQL, a graph
    the release lacks); ReleaseError saying why the worker could not load the release."""
    from .serving.workers import QueryTooCostly, WorkerPool

    pool = WorkerPool(root, answer_text, 1, timeout, wait=timeout, memory_limit=memory * 2**20)
    with tempfile.TemporaryFile() as said, _standard_error(said):
        try:
            return pool.run(job)
        except QueryTimeout as error:
            raise QueryTimeout(f"{error}; or give it more time with --timeout SECONDS") from None
        except QueryTooCostly as error:
            raise QueryTooCostly(f"{error}{_quoted(said)}; or give it more with --query-memory MB") from None
        except ReleaseError as error:  # the worker could not load the release the command had opened
            raise ReleaseError(f"{error}{_quoted(said)}") from None
        finally:
            pool.close()


@contextmanager
def _standard_error(into: IO[bytes]) -> Iterator[None]:
    """The process's standard error (file descriptor 2) going to ``into`` meanwhile: a worker started
    now writes there for its whole life."""
    sys.stderr.flush()
    saved = os.dup(2)
    os.dup2(into.fileno(), 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def _quoted(said: IO[bytes]) -> str:
    """`` (the engine said: …)`` with the last line the worker wrote to standard error, or ``""``."""
    said.flush()
    said.seek(0, os.SEEK_END)
    said.seek(max(0, said.tell() - 4096))
    lines = [line.strip() for line in said.read().decode("utf-8", "replace").splitlines() if line.strip()]
    # not Rust's closing advice, which names an environment variable the worker is started without
    lines = [line for line in lines if not line.startswith("note: run with `RUST_BACKTRACE")]
    if not lines:
        return ""
    last = lines[-1] if len(lines[-1]) <= _QUOTED else lines[-1][:_QUOTED] + "…"
    return f" (the engine said: {shown(last)})"
