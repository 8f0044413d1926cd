"""The seed build against ``import rdflib, pyshacl``, in CPU time as well as wall time (issue 15, point 6).

    python bench/seed.py [--runs 9] [--project DIR] [--work DIR] [--before CHECKOUT]

Runs ``python -c "import rdflib, pyshacl"`` and ``sakrad-ld build --out NEW`` (a new folder each
time) in turn, each a cold process, the order turned every round so that both meet the same load;
a first round of each writes the bytecode (PYTHONDONTWRITEBYTECODE is left out of their
environment) and is not counted. The CPU time of a run is the user and system time of the process
and of every process it waited for (``RUSAGE_CHILDREN``), so it counts the processes the build
forks and hardly moves with the machine's load, where wall time does. Prints one JSON object: for
each command the minimum and the median of wall, CPU and system seconds, and the median of each
round's ratio build / import (wall and CPU); the load average before and after. With ``--before``,
the build of another checkout of the code (its ``src/`` first on the path, building the same
project) runs in the same rounds, as ``before``: a change measured under the same load as what it
changed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall, CPU and system seconds of one run of ``argv`` (its children included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    system = after.ru_stime - before.ru_stime
    return wall, after.ru_utime - before.ru_utime + system, system


def _summary(values: list[float]) -> dict[str, float]:
    return {"min": round(min(values), 3), "median": round(statistics.median(values), 3)}


def _build(project: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "sakrad_ld", "-C", str(project), "build", "--out", str(out)]


def measure(project: Path, work: Path, runs: int, before: Path | None = None) -> dict[str, object]:
    """``runs`` rounds (after one uncounted round) of the import and the build of ``project`` (and of
    the build by the code of ``before``)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    envs = {name: env for name in ("import", "build")}
    commands = {
        "import": lambda n: [sys.executable, "-c", "import rdflib, pyshacl"],
        "build": lambda n: _build(project, work / f"dist-{n}"),
    }
    if before is not None:
        envs["before"] = {**env, "PYTHONPATH": str(before / "src")}
        commands["before"] = lambda n: _build(project, work / f"before-{n}")
    found: dict[str, dict[str, list[float]]] = {name: {"wall": [], "cpu": [], "system": []} for name in commands}
    load_before = os.getloadavg()
    for n in range(runs + 1):
        order = list(commands) if n % 2 else list(reversed(commands))
        for name in order:
            wall, cpu, system = _run(commands[name](n), envs[name])
            if n:  # the first round writes the bytecode
                for key, value in (("wall", wall), ("cpu", cpu), ("system", system)):
                    found[name][key].append(value)

    def ratio(name: str, key: str) -> float:
        pairs = zip(found[name][key], found["import"][key], strict=True)
        return round(statistics.median(b / a for b, a in pairs), 2)

    builds = [name for name in commands if name != "import"]
    return {
        **{name: {key: _summary(values) for key, values in measured.items()} for name, measured in found.items()},
        **{f"ratio_wall_{name}": ratio(name, "wall") for name in builds},
        **{f"ratio_cpu_{name}": ratio(name, "cpu") for name in builds},
        **{
            f"ratio_of_minima_cpu_{name}": round(min(found[name]["cpu"]) / min(found["import"]["cpu"]), 2)
            for name in builds
        },
        "runs": runs,
        "load_average": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="The seed build against import rdflib, pyshacl (CPU and wall).")
    parser.add_argument("--runs", type=int, default=9, help="counted rounds (default 9)")
    parser.add_argument("--project", type=Path, default=REPO, help="the project to build (default: this repository)")
    parser.add_argument("--work", type=Path, help="where the builds are written (default: a temporary folder)")
    parser.add_argument(
        "--before", type=Path, help="another checkout whose code builds the same project in the same rounds"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sakrad-seed-") as tmp:
        print(json.dumps(measure(args.project, args.work or Path(tmp), args.runs, args.before), indent=1))
