"""One build of a project, timed stage by stage (run in a fresh process by ``bench/run.py``).

    python bench/stages.py PROJECT OUT [CACHE]     (with CACHE: write_release(..., cache=CACHE))
        [--pss-interval SECONDS] (0.02; 0: no sampling)  [--trace FILE] (every sample, as CSV)

Prints one JSON line per stage as it starts (so a build stopped by a time or memory limit still
says how far it got) and a last line with the totals: wall and CPU seconds per stage (CPU
includes the processes that write the meeting documents), triples and meetings, and the build's
memory by three measures:

- ``peak_rss_bytes``: the build's own process, ``ru_maxrss``;
- ``peak_rss_children_bytes``: the largest ``ru_maxrss`` of the processes it forked (the
  meeting-file processes; the quads and tables writers of a graph below a million triples, which
  a larger one makes in its own process, before it reports "write"). A forked process maps the pages it shares with its
  parent copy-on-write, and ``ru_maxrss`` counts them whole, so this overstates what it added;
  ``forked`` lists each process below the build's (forked, or started to read the data) with the
  stage it was first seen in and its highest ``VmHWM``, RSS and PSS as sampled (one that lives
  less than a sample period may be missed);
- ``peak_pss_tree_bytes``: the highest sum, over time, of the proportional set size
  (``/proc/PID/smaps_rollup``, a shared page counted once over the processes that share it) of the
  build's whole process tree, sampled every ``--pss-interval`` seconds by a separate process: what
  the machine needed. ``peak_pss_stage`` is the stage it was reached in, ``pss_at_peak`` each
  process's share then (named by the stage it was first seen in and its order).

Each stage's entry has, beside its wall and CPU seconds, the highest tree PSS (``peak_pss``) and the
highest RSS of the build's own process (``peak_rss``) sampled in it. The sampler's own CPU time is
not in the build's (``sampler``: samples taken, their mean period and its CPU seconds): reading
``smaps_rollup`` walks every page of a process, about 12 ms per GB on the benchmark's machine.
The stages are those the build reports through its progress callback (load, graph, validate,
write, catalogue, meetings, checksums), plus "finish" for what follows the last reported stage
(swapping the folder in).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import select
import subprocess
import sys
import time
from pathlib import Path


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the processes that write the meeting documents)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


# --- the sampler: a process of its own, outside the build's tree -----------------------------


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", "rb") as f:
                found += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return found


def _tree(root: int, skip: int) -> list[int]:
    """``root`` and every process below it, but ``skip``."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        if pid == skip:
            continue
        out.append(pid)
        todo += _children(pid)
    return out


def _field(text: bytes, name: bytes) -> int:
    """A ``Name:  N kB`` field of a /proc file, in bytes (0 when absent)."""
    at = text.find(b"\n" + name + b":")
    if at < 0:
        return 0
    return int(text[at + len(name) + 2 :].split(None, 1)[0]) * 1024


def _memory(pid: int) -> tuple[int, int, int] | None:
    """PSS, RSS and VmHWM of ``pid`` in bytes; None when it has ended."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            rollup = b"\n" + f.read()
        with open(f"/proc/{pid}/status", "rb") as f:
            status = b"\n" + f.read()
    except OSError:
        return None
    if not rollup.strip():
        return None  # a process that is exiting has no pages left to read
    return _field(rollup, b"Pss"), _field(rollup, b"Rss"), _field(status, b"VmHWM")


def sample(root: int, interval: float, trace: str | None) -> None:
    """Samples the tree below ``root`` until standard input ends; stage names come in on it, one a
    line. Prints what it found as one JSON line."""
    me = os.getpid()
    stage = ""
    stages: dict[str, dict[str, int]] = {}
    processes: dict[int, dict[str, object]] = {}
    peak: dict[str, object] = {"bytes": 0}
    samples = 0
    started = time.perf_counter()
    out = open(trace, "w") if trace else None  # noqa: SIM115 - closed below
    if out:
        out.write("seconds,stage,pss_tree,rss_build,processes\n")
    stdin = sys.stdin.buffer
    ended = False
    while not ended:
        while select.select([stdin], [], [], 0)[0]:
            line = stdin.readline()
            if not line:
                ended = True
                break
            stage = line.decode().strip()
        now = time.perf_counter() - started
        seen = {}
        for pid in _tree(root, me):
            m = _memory(pid)
            if m is not None:
                seen[pid] = m
        if not seen:
            break
        samples += 1
        total = sum(m[0] for m in seen.values())
        build_rss = seen[root][1] if root in seen else 0
        entry = stages.setdefault(stage, {"peak_pss": 0, "peak_rss": 0})
        entry["peak_pss"] = max(entry["peak_pss"], total)
        entry["peak_rss"] = max(entry["peak_rss"], build_rss)
        for pid, (pss, rss, hwm) in seen.items():
            if pid == root:
                continue
            p = processes.setdefault(pid, {"stage": stage, "n": len(processes) + 1, "pss": 0, "rss": 0, "hwm": 0})
            p["pss"], p["rss"], p["hwm"] = max(p["pss"], pss), max(p["rss"], rss), max(p["hwm"], hwm)  # type: ignore[call-overload]
        if total > peak["bytes"]:  # type: ignore[operator]
            peak = {
                "bytes": total,
                "seconds": round(now, 3),
                "stage": stage,
                "processes": {
                    ("build" if pid == root else f"{processes[pid]['stage']}#{processes[pid]['n']}"): pss
                    for pid, (pss, _, _) in seen.items()
                },
            }
        if out:
            out.write(f"{now:.3f},{stage},{total},{build_rss},{len(seen)}\n")
        if not ended:
            time.sleep(interval)
    if out:
        out.close()
    t = os.times()
    print(
        json.dumps(
            {
                "peak": peak,
                "stages": stages,
                "forked": [
                    {"stage": p["stage"], "hwm": p["hwm"], "rss": p["rss"], "pss": p["pss"]} for p in processes.values()
                ],
                "samples": samples,
                "period": round((time.perf_counter() - started) / max(samples, 1), 4),
                "cpu": round(t.user + t.system, 3),
            }
        ),
        flush=True,
    )


class _Sampler:
    """The sampling process (:func:`sample`) for this process's tree, told each stage as it starts."""

    def __init__(self, interval: float, trace: Path | None) -> None:
        argv = [sys.executable, __file__, "--sample", str(os.getpid()), "--pss-interval", str(interval)]
        if trace is not None:
            argv += ["--trace", str(trace)]
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def mark(self, stage: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(stage.encode() + b"\n")
        self.process.stdin.flush()

    def result(self) -> dict:
        out, _ = self.process.communicate()
        return json.loads(out)


# --- the build ---------------------------------------------------------------------------------


def main(
    project: Path, out: Path, cache: Path | None = None, *, pss_interval: float = 0.02, trace: Path | None = None
) -> None:
    started = time.perf_counter()
    sampler = _Sampler(pss_interval, trace) if pss_interval > 0 and Path("/proc/self/smaps_rollup").exists() else None
    if sampler:
        sampler.mark("import")
    from sakrad_ld.project import Project
    from sakrad_ld.release import write_release

    imported = time.perf_counter()
    stages: dict[str, dict[str, float]] = {"import": {"wall": imported - started, "cpu": _cpu()}}
    current = ["", imported, _cpu()]

    def close(now: float, cpu: float) -> None:
        if current[0]:
            entry = stages.setdefault(current[0], {"wall": 0.0, "cpu": 0.0})
            entry["wall"] += now - current[1]
            entry["cpu"] += cpu - current[2]

    def progress(stage: str, done: int, total: int) -> None:
        if stage != current[0]:
            if sampler:
                sampler.mark(stage)
            now, cpu = time.perf_counter(), _cpu()
            close(now, cpu)
            done = {"closed": current[0], **{k: round(v, 3) for k, v in stages.get(current[0], {}).items()}}
            current[:] = [stage, now, cpu]
            print(json.dumps({"stage": stage, **(done if done["closed"] else {})}), flush=True)

    result = write_release(Project.at(project), out, progress, cache=cache)
    progress("finish", 0, 0)
    close(time.perf_counter(), _cpu())
    wall, cpu = round(time.perf_counter() - started, 3), round(_cpu(), 3)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # before the sampler is waited for
    sampled = sampler.result() if sampler else {}
    memory: dict[str, object] = {}
    if sampled:
        memory = {
            "peak_pss_tree_bytes": sampled["peak"]["bytes"],
            "peak_pss_stage": sampled["peak"].get("stage"),
            "pss_at_peak": sampled["peak"].get("processes", {}),
            "forked": sampled["forked"],
            "sampler": {k: sampled[k] for k in ("samples", "period", "cpu")},
        }
    print(
        json.dumps(
            {
                "stages": {
                    k: {
                        "wall": round(v["wall"], 3),
                        "cpu": round(v["cpu"], 3),
                        **sampled.get("stages", {}).get(k, {}),
                    }
                    for k, v in stages.items()
                },
                "wall": wall,
                "cpu": cpu,
                "peak_rss_bytes": peak,
                "peak_rss_children_bytes": children,
                **memory,
                "meetings": result.meetings,
                "triples": result.triples,
                "conforms": result.report.conforms,
                "violations": result.report.count("Violation"),
                "warnings": result.report.count("Warning"),
                "written": result.out is not None,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="One build, timed and measured stage by stage.")
    parser.add_argument("paths", nargs="*", help="PROJECT OUT [CACHE]")
    parser.add_argument("--pss-interval", type=float, default=0.02, help="seconds between samples (0: none)")
    parser.add_argument("--trace", type=Path, help="write every sample to this CSV file")
    parser.add_argument("--sample", type=int, help=argparse.SUPPRESS)  # the sampler of the build with this pid
    args = parser.parse_args()
    if args.sample is not None:
        sample(args.sample, args.pss_interval, str(args.trace) if args.trace else None)
    elif len(args.paths) in (2, 3):
        main(
            Path(args.paths[0]),
            Path(args.paths[1]),
            Path(args.paths[2]) if len(args.paths) > 2 else None,
            pss_interval=args.pss_interval,
            trace=args.trace,
        )
    else:
        parser.error("give PROJECT OUT [CACHE]")
