"""The whole benchmark in one command; writes ``results.json`` and ``results.md`` into ``--out``.

    python bench/run.py [--sizes 1000,10000,100000] [--out bench/out] [--load-seconds 10]
    python bench/run.py --serve-only --sizes 1000     only the server under load (6.), on a release of 1,000

1. the machine: cores, memory, load, Python and library versions;
2. the seed build: ``sakrad-ld build`` from a cold process to a finished release, against
   ``python -c "import rdflib, pyshacl"``;
3. for each size N and each profile (``--profiles``: rich, the upper bound, and realistic, calibrated
   to the real meetings): a synthetic corpus of N meetings (``bench/generate.py``), then one full
   build in a fresh process (``bench/stages.py``): wall and CPU time per stage, peak memory; a build
   past ``--timeout`` seconds or ``--memory-limit`` GB is stopped and recorded with the stage it
   reached; with ``--floor-each``, the pyoxigraph floor on each size's release, and the ratio;
4. on the ``--compare-size`` corpus: the naive pipeline and the pyoxigraph floor (``bench/compare.py``);
5. the scaling exponent: the slope of log(wall time) over log(N), least squares;
6. the server under load on loopback (``bench/serveload.py``, ``bench/load.py``): ``sakrad-ld serve``
   answering a meeting's document (by extension, negotiated, and while 60 clients send slow queries) and
   a saved query, beside nginx serving the same document from the static export, and their ratio.

Every build writes into ``--work`` (a temporary folder unless given), never into the repository.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402
from serveload import serve_load  # noqa: E402

LIBRARIES = ("rdflib", "pyshacl", "pyoxigraph", "PyYAML", "orjson", "python-stdnum", "starlette", "uvicorn")


def machine() -> dict[str, object]:
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total_kb = next((int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal:")), 0)
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    import yaml

    cpu = ""
    if Path("/proc/cpuinfo").exists():
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(total_kb / 2**20, 1),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "libraries": versions,
        "wrk": shutil.which("wrk") is not None,
    }


def seed(work: Path, repeats: int) -> dict[str, object]:
    """The repository's own data built from a cold process (exit 1: it had violations and wrote
    nothing), paired with ``import rdflib, pyshacl``: each repeat runs the import, the build, and
    the build with its cache and unchanged inputs, one after the other, so that the three meet the
    same load; medians of each, and the median of each repeat's ratio. Bytecode is written by a
    first run of each (PYTHONDONTWRITEBYTECODE is left out of their environment), as an installed
    package has it."""
    cli = [sys.executable, "-m", "sakrad_ld", "-C", str(REPO), "build", "--out", str(work / "seed-dist")]
    commands = {
        "import": [sys.executable, "-c", "import rdflib, pyshacl"],
        "build": cli,
        "cached": [*cli, "--cache", str(work / "seed-cache")],  # filled by the first run
    }
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    code = 0
    for n in range(repeats + 1):
        for name, argv in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if name == "build":
                code = done.returncode
            if n:  # the first round writes the bytecode and fills the cache
                walls[name].append(wall)
                cpus[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)

    def median(values: list[float]) -> float:
        return round(statistics.median(values), 3)

    def ratio(name: str) -> float:
        return round(statistics.median(a / b for a, b in zip(walls[name], walls["import"], strict=True)), 2)

    meetings = sum(1 for _ in (REPO / "data" / "meetings").glob("*.yaml"))
    return {
        "build_wall": median(walls["build"]),
        "build_cached_wall": median(walls["cached"]),
        "ratio_cached": ratio("cached"),
        "exit_code": code,
        "meetings": meetings,
        "import_rdflib_pyshacl_wall": median(walls["import"]),
        "ratio": ratio("build"),
        "cpu": {name: median(values) for name, values in cpus.items()},
        "repeats": repeats,
        "target_ratio": 1.5,
    }


class _Watch(threading.Thread):
    """Follows a process's resident memory and stops it past ``limit`` bytes."""

    def __init__(self, process: subprocess.Popen[str], limit: int) -> None:
        super().__init__(daemon=True)
        self.process, self.limit, self.peak, self.killed = process, limit, 0, False

    def run(self) -> None:
        status = Path(f"/proc/{self.process.pid}/status")
        while self.process.poll() is None:
            try:
                rss = next(
                    int(line.split()[1]) * 1024 for line in status.read_text().splitlines() if line.startswith("VmRSS:")
                )
            except (OSError, StopIteration):
                break
            self.peak = max(self.peak, rss)
            if rss > self.limit:
                self.killed = True
                self.process.kill()
                break
            time.sleep(0.2)


def _run_lines(argv: list[str], timeout: float, memory_limit: int) -> tuple[list[dict], dict[str, object]]:
    """Runs ``argv``; its JSON lines, and how it ended (wall, finished, stopped for time or memory)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watch = _Watch(process, memory_limit)
    watch.start()
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    lines: list[dict] = []
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("{"):
            lines.append(json.loads(line))
    process.wait()
    timer.cancel()
    watch.join()
    wall = round(time.perf_counter() - started, 3)
    stderr = process.stderr.read() if process.stderr else ""
    ended = {
        "wall": wall,
        "finished": process.returncode == 0,
        "returncode": process.returncode,
        "stopped": "memory" if watch.killed else ("time" if process.returncode and wall >= timeout else None),
        "watched_peak_rss_bytes": watch.peak,
    }
    if process.returncode and not ended["stopped"]:
        ended["stderr"] = stderr[-2000:]
    return lines, ended


def build_size(n: int, work: Path, timeout: float, memory_limit: int, profile: str = "rich") -> dict[str, object]:
    name = str(n) if profile == "rich" else f"{profile}-{n}"
    project = work / f"corpus-{name}"
    started = time.perf_counter()
    generate(project, n, profile=profile)
    generated = round(time.perf_counter() - started, 3)
    files = sum(1 for _ in (project / "data" / "meetings").iterdir())
    size = sum(p.stat().st_size for p in (project / "data").rglob("*") if p.is_file())
    lines, ended = _run_lines(
        # the whole process tree's memory sampled every 0.25 s: at 10,000 meetings a sample costs about
        # 20 ms of the other core, where the default 0.02 s would take a core of its own (bench/stages.py)
        [sys.executable, str(BENCH / "stages.py"), str(project), str(work / f"dist-{name}"), "--pss-interval", "0.25"],
        timeout,
        memory_limit,
    )
    reached = [line["stage"] for line in lines if "stage" in line]
    totals = next((line for line in lines if "stages" in line), {})
    if not totals:  # stopped: the stages that ended before it was stopped
        totals = {
            "stages": {line["closed"]: {"wall": line["wall"], "cpu": line["cpu"]} for line in lines if "closed" in line}
        }
    return {
        "meetings": n,
        "profile": profile,
        "generate_wall": generated,
        "meeting_files": files,
        "data_bytes": size,
        "stages_reached": reached,
        **ended,
        **totals,
    }


def compare(kind: str, path: Path, timeout: float, memory_limit: int) -> dict[str, object]:
    lines, ended = _run_lines([sys.executable, str(BENCH / "compare.py"), kind, str(path)], timeout, memory_limit)
    steps = {line["step"]: line["wall"] for line in lines if "step" in line}
    peak = next((line["peak_rss_bytes"] for line in lines if "peak_rss_bytes" in line), None)
    return {"steps": steps, "peak_rss_bytes": peak, **ended}


def exponent(points: list[tuple[int, float]]) -> float | None:
    """The least-squares slope of log(time) over log(N): 1.0 is linear."""
    if len(points) < 2:
        return None
    xs, ys = [math.log(n) for n, _ in points], [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return round(sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs), 3)


def _gb(n: object) -> str:
    return f"{n / 2**30:.2f}" if isinstance(n, (int, float)) and n else "–"


def _builds_table(title: str, builds: list[dict], floors: dict) -> list[str]:
    """The builds of one profile as a table: wall and CPU time, peak memory, each stage, and the
    ratio to the pyoxigraph floor on the same release where it was measured."""
    stage_names = list(dict.fromkeys(k for b in builds for k in b.get("stages", {})))
    lines = [
        f"## {title}",
        "",
        "| meetings | triples | wall s | CPU s | peak GB | floor s | × floor | "
        + " | ".join(stage_names)
        + " | outcome |",
        "|---" * (8 + len(stage_names)) + "|",
    ]
    for b in builds:
        st = b.get("stages", {})
        outcome = (
            "done" if b.get("finished") else f"stopped ({b.get('stopped') or 'error'}) in {b['stages_reached'][-1:]}"
        )
        peak = b.get("peak_rss_bytes") or b.get("watched_peak_rss_bytes")
        floor = floors.get(str(b["meetings"]), {})
        ratio = round(b["wall"] / floor["wall"], 2) if floor.get("finished") and b.get("finished") else "–"
        lines.append(
            f"| {b['meetings']} | {b.get('triples', '–')} | {b['wall']} | {b.get('cpu', '–')} | {_gb(peak)} | "
            f"{floor.get('wall', '–')} | {ratio} | "
            + " | ".join(str(st.get(k, {}).get("wall", "–")) for k in stage_names)
            + f" | {outcome} |"
        )
    return [*lines, ""]


def markdown(r: dict) -> str:
    m = r["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB, load average at start "
        f"{m['load_average_at_start']}; Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["libraries"].items() if v)
        + f"; libyaml {m['libyaml']}.",
        "",
    ]
    if s := r.get("seed"):
        lines += [
            "## Seed build (cold process to finished release)",
            "",
            "| meetings | build | exit | `import rdflib, pyshacl` | ratio | with its cache, inputs unchanged | ratio |",
            "|---|---|---|---|---|---|---|",
            f"| {s['meetings']} | {s['build_wall']} s | {s['exit_code']} | {s['import_rdflib_pyshacl_wall']} s "
            f"| {s['ratio']} | {s.get('build_cached_wall', '–')} s | {s.get('ratio_cached', '–')} |",
            "",
        ]
        if cpu := s.get("cpu"):
            lines += [
                f"Medians of {s['repeats']} paired runs (each ratio the median of the runs' own ratios); CPU "
                f"seconds (user and system, forked processes included): the import {cpu['import']}, the build "
                f"{cpu['build']}, with its cache {cpu['cached']}.",
                "",
            ]
    lines += _builds_table("Full build, rich profile", r["builds"], r.get("floors", {}))
    lines += [
        f"Scaling exponent (slope of log time over log N, finished builds): wall {r.get('exponent')}, "
        f"CPU {r.get('exponent_cpu')}",
        "",
    ]
    if real := r.get("realistic"):
        lines += _builds_table("Full build, realistic profile", real["builds"], {})
        lines += [f"Scaling exponent: wall {real.get('exponent')}, CPU {real.get('exponent_cpu')}", ""]
    for kind in ("naive", "floor"):
        if c := r.get(kind):
            lines += [
                f"## {kind.capitalize()} on {r['compare_size']} meetings",
                "",
                "| step | wall s |",
                "|---|---|",
                *(f"| {k} | {v} |" for k, v in c["steps"].items()),
                f"| total | {c['wall']} ({'done' if c['finished'] else 'stopped: ' + str(c['stopped'])}) |",
                "",
            ]
    if (lo := r.get("load")) and "error" in lo:
        lines += ["## Server under load", "", f"Not measured: {lo['error']}"]
    elif lo:
        lines += [
            f"## Server under load ({lo['connections']} connections, {lo['seconds']} s each, loopback)",
            "",
            "| what | tool | requests/s | p50 ms | p99 ms | errors |",
            "|---|---|---|---|---|---|",
        ]
        for name in (
            "serve_dereference",
            "serve_negotiated",
            "serve_saved_query",
            "serve_dereference_under_slow_queries",
            "static_file",
        ):
            if x := lo.get(name):
                lines.append(f"| {name} | {x['tool']} | {x['rps']} | {x['p50_ms']} | {x['p99_ms']} | {x['errors']} |")
        lines += [
            "",
            f"Static server: {lo.get('static_server')}; sakrad-ld serve / static: {lo.get('ratio_to_static')}; "
            f"first answers: document {lo.get('document_cold_seconds')} s, {lo.get('saved_query')} "
            f"{lo.get('saved_query_cold_seconds')} s; slow-query answers during the attack: "
            f"{lo.get('slow_query_answers')}",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Runs the sakrad-ld benchmark and writes results.json and results.md.")
    p.add_argument("--sizes", default="1000,10000,100000", help="meeting counts, comma-separated")
    p.add_argument("--out", type=Path, default=BENCH / "out", help="where the results go (default bench/out)")
    p.add_argument("--work", type=Path, help="where corpora and releases are built (default: a temporary folder)")
    p.add_argument("--timeout", type=float, default=900.0, help="seconds one build may take (default 900)")
    p.add_argument("--memory-limit", type=float, default=8.0, help="GB one build may use (default 8)")
    p.add_argument("--seed-runs", type=int, default=3, help="cold runs of the seed build; 0 skips it (default 3)")
    p.add_argument("--compare-size", type=int, help="the corpus for naive and floor (default: the smallest size)")
    p.add_argument("--compare-timeout", type=float, default=600.0, help="seconds for the naive run (default 600)")
    p.add_argument("--load-seconds", type=float, default=10.0, help="seconds per load run; 0 skips (default 10)")
    p.add_argument("--connections", type=int, default=64, help="concurrent connections under load (default 64)")
    p.add_argument(
        "--slow-clients",
        type=int,
        default=60,
        help="clients sending slow queries while documents are measured; 0 skips (default 60)",
    )
    p.add_argument(
        "--serve-only",
        action="store_true",
        help="only build the smallest size and put the server under load (no seed build, naive or floor)",
    )
    p.add_argument(
        "--profiles",
        default="rich,realistic",
        help="corpus profiles to build at every size (bench/generate.py): rich, realistic (default both)",
    )
    p.add_argument(
        "--floor-each",
        action="store_true",
        help="measure the pyoxigraph floor on every size's rich release, not only the --compare-size one",
    )
    args = p.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="sakrad-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    limit = int(args.memory_limit * 2**30)
    results: dict[str, object] = {"machine": machine(), "sizes": sizes}
    args.out.mkdir(parents=True, exist_ok=True)

    def save() -> None:
        (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        (args.out / "results.md").write_text(markdown(results), encoding="utf-8")

    if args.serve_only:
        sizes = sizes[:1] if args.compare_size is None else [args.compare_size]
        results["sizes"] = sizes
    if args.seed_runs and not args.serve_only:
        results["seed"] = seed(work, args.seed_runs)
    builds: list[dict] = []
    results["builds"] = builds
    profiles = [x.strip() for x in args.profiles.split(",") if x.strip()]
    floors: dict[str, dict] = {}
    for n in sizes:
        if "rich" in profiles or args.serve_only:
            print(f"build of {n} meetings …", file=sys.stderr, flush=True)
            builds.append(build_size(n, work, args.timeout, limit))
            results["exponent"] = exponent([(b["meetings"], b["wall"]) for b in builds if b.get("finished")])
            results["exponent_cpu"] = exponent([(b["meetings"], b["cpu"]) for b in builds if b.get("finished")])
            if args.floor_each and (work / f"dist-{n}" / "sakrad.nt").is_file():
                floors[str(n)] = compare("floor", work / f"dist-{n}", args.compare_timeout, limit)
                results["floors"] = floors
            save()
        if "realistic" in profiles and not args.serve_only:
            print(f"build of {n} meetings, realistic profile …", file=sys.stderr, flush=True)
            real = results.setdefault("realistic", {"builds": []})
            real["builds"].append(build_size(n, work, args.timeout, limit, "realistic"))
            done = [b for b in real["builds"] if b.get("finished")]
            real["exponent"] = exponent([(b["meetings"], b["wall"]) for b in done])
            real["exponent_cpu"] = exponent([(b["meetings"], b["cpu"]) for b in done])
            save()
    size = args.compare_size or min(sizes)
    results["compare_size"] = size
    if not (work / f"corpus-{size}").is_dir():
        generate(work / f"corpus-{size}", size)
    release = work / f"dist-{size}"
    if not args.serve_only:
        print(f"naive and floor on {size} meetings …", file=sys.stderr, flush=True)
        results["naive"] = compare("naive", work / f"corpus-{size}", args.compare_timeout, limit)
        if str(size) in floors:
            results["floor"] = floors[str(size)]
        elif (release / "sakrad.nt").is_file():
            results["floor"] = compare("floor", release, args.compare_timeout, limit)
    save()
    if args.load_seconds and (release / "sakrad.nt").is_file():
        print(f"load on the release of {size} meetings …", file=sys.stderr, flush=True)
        try:
            results["load"] = serve_load(release, args.load_seconds, args.connections, work, args.slow_clients)
        except (RuntimeError, OSError, subprocess.SubprocessError, ValueError) as error:
            results["load"] = {"error": str(error)}
    save()
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Wrote {args.out / 'results.json'} and {args.out / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
