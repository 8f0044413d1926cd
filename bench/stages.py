"""One build of a project, timed stage by stage (run in a fresh process by ``bench/run.py``).

    python bench/stages.py PROJECT OUT [CACHE]     (with CACHE: write_release(..., cache=CACHE))

Prints one JSON line per stage as it starts (so a build stopped by a time or memory limit still
says how far it got) and a last line with the totals: wall and CPU seconds per stage (CPU
includes the processes that write the meeting documents), peak resident memory (``ru_maxrss``, of this process;
a forked worker shares most of its pages), triples and meetings. The stages are those the build reports
through its progress callback (load, graph, validate, write, meetings), plus "finish" for what
follows the last reported stage (catalogue, diagrams, checksums, swapping the folder in).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the processes that write the meeting documents)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main(project: Path, out: Path, cache: Path | None = None) -> None:
    started = time.perf_counter()
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
            now, cpu = time.perf_counter(), _cpu()
            close(now, cpu)
            done = {"closed": current[0], **{k: round(v, 3) for k, v in stages.get(current[0], {}).items()}}
            current[:] = [stage, now, cpu]
            print(json.dumps({"stage": stage, **(done if done["closed"] else {})}), flush=True)

    result = write_release(Project.at(project), out, progress, cache=cache)
    progress("finish", 0, 0)
    close(time.perf_counter(), _cpu())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    print(
        json.dumps(
            {
                "stages": {k: {"wall": round(v["wall"], 3), "cpu": round(v["cpu"], 3)} for k, v in stages.items()},
                "wall": round(time.perf_counter() - started, 3),
                "cpu": round(_cpu(), 3),
                "peak_rss_bytes": peak,
                "peak_rss_children_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
                "meetings": len(result.corpus.meetings),
                "triples": len(result.built.triples),
                "conforms": result.report.conforms,
                "violations": result.report.count("Violation"),
                "warnings": result.report.count("Warning"),
                "written": result.out is not None,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None)
