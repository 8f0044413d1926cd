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
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["Background", "cores", "in_background", "in_processes"]

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


class Background:
    """Work running in a forked process beside this one (:func:`in_background`)."""

    def __init__(self, pid: int | None, read: int | None, error: BaseException | None = None) -> None:
        self._pid, self._read, self._error = pid, read, error

    def wait(self) -> None:
        """Waits for the work to end; raises what it raised (an error it could not hand back as
        ChildProcessError, its traceback on standard error)."""
        if self._pid is not None:
            assert self._read is not None
            with os.fdopen(self._read, "rb") as pipe:
                said = pipe.read()
            status = os.waitstatus_to_exitcode(os.waitpid(self._pid, 0)[1])
            self._pid = None
            if said:
                self._error = pickle.loads(said)
            elif status != 0:
                self._error = ChildProcessError(f"the process writing files beside the build ended with {status}")
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def stop(self) -> None:
        """Stops the work if it is still running (when the build fails elsewhere)."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self._pid, 0)
            if self._read is not None:
                os.close(self._read)
            self._pid = None


def in_background(work: Callable[[], Any], fork: bool = True) -> Background:
    """Starts ``work()`` in a forked process that shares this one's memory, so that it runs on
    another core while this one goes on; :meth:`Background.wait` waits for it and raises what it
    raised. Without ``fork`` (or with one core, or where there is no ``fork``) the work is done
    here and now."""
    if not fork or cores() < 2 or not hasattr(os, "fork"):
        try:
            work()
        except Exception as error:  # noqa: BLE001 - handed to wait(), as from a child
            return Background(None, None, error)
        return Background(None, None)
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: do the work, hand back an error, leave without the parent's clean-up
        status = 0
        os.close(read)
        try:
            _die_with(parent)
            work()
        except Exception as error:  # noqa: BLE001 - handed back whole
            try:
                data = pickle.dumps(error)
            except Exception:  # noqa: BLE001 - an error that cannot be pickled: its traceback
                traceback.print_exc()
                data = b""
            os.write(write, data)
            status = 1
        except BaseException:  # noqa: BLE001
            traceback.print_exc()
            status = 1
        finally:
            os.close(write)
            sys.stderr.flush()
            os._exit(status)
    os.close(write)
    return Background(pid, read)
