"""Work that writes files, split over the machine's cores by ``fork``.

A forked process shares the parent's memory (the release's store, the graph) without copying or
pickling it, so the only thing handed over is which items to do. Each process writes its own
files; what comes back is what each item's work returned (a file's digest), pickled, and an exit
status. The output does not depend on how the work was split: every item's file is made by the
same function from the same data.

:func:`prepared` starts a process before its input exists: it gets ready (reads and compiles what
it will need) on a core the build leaves idle, then waits for the bytes it is given and hands back
its answer.

The processes die with the one that started them: each asks the kernel for SIGKILL when its
parent ends (Linux ``prctl(PR_SET_PDEATHSIG)``), so a build that is killed leaves no writer
behind; and when the parent's own share fails, it kills the others before it reports.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

__all__ = ["Background", "Prepared", "cores", "idle_cores", "in_background", "in_processes", "prepared"]

T = TypeVar("T")
R = TypeVar("R")
P = TypeVar("P")

#: Below this many items a second process costs more than it saves: a fork, the pages it copies
#: and its clean-up cost a few milliseconds, about what 2 meetings' documents and pictures do.
MIN_ITEMS_PER_PROCESS = 8


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def idle_cores() -> int:
    """The cores no other process runs on at this moment (Linux: the running processes that
    ``/proc/loadavg`` counts, this one included); elsewhere :func:`cores` less this one."""
    try:
        with open("/proc/loadavg", "rb") as file:
            running = int(file.read().split()[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        running = 1
    return max(0, cores() - max(running, 1))


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
    items: Sequence[T], work: Callable[[T], R], workers: int, progress: Callable[[int, int], None] | None = None
) -> list[R]:
    """Calls ``work(item)`` for every item, in up to ``workers`` processes (this one included), and
    returns what each call returned, in the order of ``items`` (pickled back from the other processes).

    ``progress`` hears (items done, items in all), counted from this process's share. Raises
    ChildProcessError if another process failed (its traceback is on standard error)."""
    workers = max(1, min(workers, len(items) // MIN_ITEMS_PER_PROCESS, cores()))
    if workers == 1 or not hasattr(os, "fork"):
        done = []
        for n, item in enumerate(items, start=1):
            done.append(work(item))
            if progress:
                progress(n, len(items))
        return done
    import pickle
    import traceback  # both for the processes only: a build that forks none imports neither

    shares = [items[k::workers] for k in range(workers)]
    children: list[tuple[int, int]] = []  # (process, the pipe its answers come back by)
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    for share in shares[1:]:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: do its share, then leave without running the parent's clean-up
            status = 0
            os.close(read)
            try:
                _die_with(parent)
                _send(write, [work(item) for item in share])
            except OSError as error:  # a file-system error is the person's to fix: say where, no traceback
                print(f"error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
                status = 1
            except BaseException:  # noqa: BLE001 - anything else is a programming error: its traceback
                traceback.print_exc()
                status = 1
            finally:
                sys.stderr.flush()
                os._exit(status)
        os.close(write)
        children.append((pid, read))
    answers: list[list[R] | None] = [None] * workers
    try:
        mine = []
        for n, item in enumerate(shares[0], start=1):
            mine.append(work(item))
            if progress:
                progress(min(n * workers, len(items)), len(items))
        answers[0] = mine
        for k, (_, read) in enumerate(children, start=1):
            said = _received(read)
            answers[k] = pickle.loads(said) if said else None
    except BaseException:
        for pid, _ in children:  # their work is wasted: stop them before reporting
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        raise
    finally:
        for _, read in children:
            _close(read)
        failed = [pid for pid, _ in children if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0]
    if failed or any(a is None for a in answers):
        raise ChildProcessError(
            f"{max(len(failed), 1)} of {workers} processes writing files failed; see the errors above"
        )
    done: list[R] = [None] * len(items)  # type: ignore[list-item]
    for k, share in enumerate(answers):
        done[k::workers] = share  # type: ignore[assignment]
    return done


def _send(fd: int, value: object) -> None:
    """Writes ``value`` pickled to the pipe ``fd`` and closes it."""
    import pickle

    with os.fdopen(fd, "wb") as pipe:
        pipe.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _received(fd: int) -> bytes:
    """Everything written to the pipe ``fd`` until its writer closed it (the pipe is left open)."""
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


def _ended(pid: int, fd: int) -> tuple[bytes, int]:
    """What the forked process ``pid`` wrote to the pipe ``fd`` (then closed here) until it ended,
    and its exit code."""
    said = _received(fd)
    _close(fd)
    return said, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _kill(pid: int, *fds: int | None) -> None:
    """Kills the forked process ``pid``, reaps it and closes this side's pipes to it."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    for fd in fds:
        if fd is not None:
            _close(fd)


class Background:
    """Work running in a forked process beside this one (:func:`in_background`)."""

    def __init__(self, pid: int | None, read: int | None, error: BaseException | None = None) -> None:
        self._pid, self._read, self._error = pid, read, error

    def wait(self) -> None:
        """Waits for the work to end; raises what it raised (an error it could not hand back as
        ChildProcessError, its traceback on standard error)."""
        if self._pid is not None:
            assert self._read is not None
            import pickle

            said, status = _ended(self._pid, self._read)
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
            _kill(self._pid, self._read)
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
    import pickle
    import traceback

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


class Prepared(Generic[R]):
    """Work in a process that got ready before its input existed (:func:`prepared`)."""

    def __init__(self, pid: int | None, give: int | None, answer: int | None, work: Callable[[bytes], R]) -> None:
        self._pid, self._give, self._answer, self._work = pid, give, answer, work
        self._outcome: tuple[bool, Any] | None = None

    @property
    def here(self) -> bool:
        """Whether the work is done in this process (at :meth:`give`): then the data given need not be bytes."""
        return self._pid is None and self._outcome is None

    def give(self, data: bytes) -> None:
        """Hands ``data`` to the work, which starts on it (here and now, without a process)."""
        if self._pid is None:
            try:
                self._outcome = (True, self._work(data))
            except Exception as error:  # noqa: BLE001 - raised by result(), as from a child
                self._outcome = (False, error)
            return
        assert self._give is not None
        try:
            os.write(self._give, len(data).to_bytes(8, "big"))
            view = memoryview(data)
            while view:
                view = view[os.write(self._give, view) :]
        except BrokenPipeError:  # the process ended before it read: result() says how
            pass
        finally:
            _close(self._give)
            self._give = None

    def result(self) -> R:
        """What the work returned; raises what it raised (ChildProcessError if the process died)."""
        if self._pid is not None:
            assert self._answer is not None
            import pickle

            said, status = _ended(self._pid, self._answer)
            self._pid = None
            if said:
                self._outcome = pickle.loads(said)
            else:
                self._outcome = (False, ChildProcessError(f"the process working beside the build ended with {status}"))
        if self._outcome is None:
            raise RuntimeError("result() before give()")
        done, value = self._outcome
        if not done:
            raise value
        return value  # type: ignore[no-any-return]

    def stop(self) -> None:
        """Stops the process if it still runs (when the build ends without giving it its input)."""
        if self._pid is not None:
            _kill(self._pid, self._give, self._answer)
            self._pid = self._give = self._answer = None


def prepared(prepare: Callable[[], P], work: Callable[[P, bytes], R], fork: bool = True) -> Prepared[R]:
    """Starts a forked process that calls ``prepare()`` at once, then waits for the bytes
    :meth:`Prepared.give` hands it and answers ``work(what prepare returned, those bytes)`` to
    :meth:`Prepared.result`. So the preparing runs on another core while this process goes on.
    Without ``fork`` (or with one core, or where there is no ``fork``) both are done at
    :meth:`Prepared.give`, here."""
    if not fork or cores() < 2 or not hasattr(os, "fork"):
        return Prepared(None, None, None, lambda data: work(prepare(), data))
    import pickle
    import traceback

    give_read, give_write = os.pipe()
    answer_read, answer_write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: get ready, wait for the input, answer; leave without the parent's clean-up
        status = 0
        os.close(give_write)
        os.close(answer_read)
        try:
            _die_with(parent)
            try:
                ready = prepare()
                size = int.from_bytes(_exactly(give_read, 8), "big")
                outcome: tuple[bool, Any] = (True, work(ready, _exactly(give_read, size)))
            except Exception as error:  # noqa: BLE001 - handed back whole
                outcome = (False, error)
            try:
                data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001 - an answer that cannot be pickled: its traceback
                traceback.print_exc()
                data, status = b"", 1
            with os.fdopen(answer_write, "wb") as pipe:
                pipe.write(data)
        except BaseException:  # noqa: BLE001
            traceback.print_exc()
            status = 1
        finally:
            sys.stderr.flush()
            os._exit(status)
    os.close(give_read)
    os.close(answer_write)
    return Prepared(pid, give_write, answer_read, lambda data: work(prepare(), data))


def _exactly(fd: int, size: int) -> bytes:
    """``size`` bytes read from ``fd``; EOFError if the pipe closes first (the parent gave nothing)."""
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("the input ended early")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
