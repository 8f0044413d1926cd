"""Work that writes files, split over the machine's cores by ``fork``.

A forked process shares the parent's memory (the release's store, the graph) without copying or
pickling it, so the only thing handed over is which items to do. Each process writes its own
files; nothing comes back but an exit status. The output does not depend on how the work was
split: every item's file is made by the same function from the same data.

The processes die with the one that started them: each asks the kernel for SIGKILL when its
parent ends (Linux ``prctl(PR_SET_PDEATHSIG)``), so a build that is killed leaves no writer
behind; and when the parent's own share fails, it kills the others before it reports.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["cores", "in_processes"]

T = TypeVar("T")

#: Below this many items a second process costs more than it saves.
MIN_ITEMS_PER_PROCESS = 100


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """In a forked child: be killed when ``parent`` ends (Linux), and leave at once if it already has."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's clean-up still kills its children
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def in_processes(
    items: Sequence[T], work: Callable[[T], None], workers: int, progress: Callable[[int, int], None] | None = None
) -> None:
    """Calls ``work(item)`` for every item, in up to ``workers`` processes (this one included).

    ``progress`` hears (items done, items in all), counted from this process's share. Raises
    ChildProcessError if another process failed (its traceback is on standard error)."""
    workers = max(1, min(workers, len(items) // MIN_ITEMS_PER_PROCESS, cores()))
    if workers == 1 or not hasattr(os, "fork"):
        for n, item in enumerate(items, start=1):
            work(item)
            if progress:
                progress(n, len(items))
        return
    shares = [items[k::workers] for k in range(workers)]
    children = []
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    for share in shares[1:]:
        pid = os.fork()
        if pid == 0:  # the child: do its share, then leave without running the parent's clean-up
            status = 0
            try:
                _die_with(parent)
                for item in share:
                    work(item)
            except OSError as error:  # a file-system error is the person's to fix: say where, no traceback
                print(f"error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
                status = 1
            except BaseException:  # noqa: BLE001 - anything else is a programming error: its traceback
                traceback.print_exc()
                status = 1
            finally:
                sys.stderr.flush()
                os._exit(status)
        children.append(pid)
    try:
        mine = shares[0]
        for n, item in enumerate(mine, start=1):
            work(item)
            if progress:
                progress(min(n * workers, len(items)), len(items))
    except BaseException:
        for pid in children:  # their work is wasted: stop them before reporting
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        raise
    finally:
        failed = [pid for pid in children if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0]
    if failed:
        raise ChildProcessError(f"{len(failed)} of {workers} processes writing files failed; see the errors above")
