"""The two baselines the build is compared with, on the same corpus (run by ``bench/run.py``).

    python bench/compare.py naive PROJECT      rdflib's serialisers and pyshacl on the whole graph
    python bench/compare.py floor RELEASE      pyoxigraph parsing and writing the same triples

*naive* is what one would write first: load and build the graph as sakrad-ld does, then
``Graph.serialize`` to Turtle, N-Triples and JSON-LD and ``pyshacl.validate`` on the whole graph.
*floor* is the least any pipeline can do with the triples: parse the release's ``sakrad.nt`` with
pyoxigraph and write Turtle, N-Triples and JSON-LD with it. Each step prints a JSON line when it
ends, so a run stopped by the time limit still reports the steps it finished.
"""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path


def _step(name: str, started: float, **extra: object) -> float:
    now = time.perf_counter()
    print(json.dumps({"step": name, "wall": round(now - started, 3), **extra}), flush=True)
    return now


def naive(project: Path) -> None:
    t = time.perf_counter()
    from pyshacl import validate
    from rdflib import Graph

    from sakrad_ld.corpus import load_corpus
    from sakrad_ld.graph import build_graph, role_scheme_graph
    from sakrad_ld.rdflib_edge import to_rdflib

    t = _step("import", t)
    corpus = load_corpus(project / "data")
    t = _step("load", t)
    graph = to_rdflib([*build_graph(corpus).triples, *role_scheme_graph(project / "ontology")])
    t = _step("graph", t, triples=len(graph))
    shapes = Graph()
    for file in sorted((project / "shapes").glob("*.ttl")):
        shapes.parse(file, format="turtle")
    conforms, _, _ = validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True, advanced=True)
    t = _step("validate", t, conforms=bool(conforms))
    for format in ("nt", "json-ld", "turtle"):  # Turtle last: it grows faster than linearly
        graph.serialize(format=format, encoding="utf-8")
        t = _step(f"write {format}", t)
    _peak()


def floor(release: Path) -> None:
    t = time.perf_counter()
    import pyoxigraph as ox

    t = _step("import", t)
    triples = [q.triple for q in ox.parse(path=release / "sakrad.nt", format=ox.RdfFormat.N_TRIPLES)]
    t = _step("parse nt", t, triples=len(triples))
    for name, format in (
        ("nt", ox.RdfFormat.N_TRIPLES),
        ("json-ld", ox.RdfFormat.JSON_LD),
        ("turtle", ox.RdfFormat.TURTLE),
    ):
        ox.serialize(triples, format=format)
        t = _step(f"write {name}", t)
    _peak()


def _peak() -> None:
    print(json.dumps({"peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}), flush=True)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("baseline", choices=("naive", "floor"), help="naive: rdflib and pySHACL; floor: pyoxigraph")
    parser.add_argument("path", type=Path, help="the project (naive) or the release (floor)")
    args = parser.parse_args()
    {"naive": naive, "floor": floor}[args.baseline](args.path)
