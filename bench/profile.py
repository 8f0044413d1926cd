"""What the meetings of a project state, measured: the figures the realistic benchmark profile is
calibrated to (``bench/generate.py``, ``REAL_SHARES``).

    python bench/profile.py [PROJECT]        (default: the repository, whose data/ holds the real meetings)

Prints one JSON object: how many meetings, the share of meetings that state each fact (a field of
the meeting YAML), the sizes of the organisation lists and question lists, and the triples about
each meeting — those whose subject is the meeting or one of its parts (an IRI that extends the
meeting's: its questions, participations, …) — as median, mean, least and most.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def measure(project: Path) -> dict[str, object]:
    from sakrad_ld.project import Project
    from sakrad_ld.release import build

    corpus, built, _ = build(Project.at(project))
    meetings = corpus.meetings
    iris = {str(built.minter.thing("meeting", m.id)).strip("<>"): m.id for m in meetings}
    about = dict.fromkeys(iris.values(), 0)
    base = built.minter.base
    for s, _, _ in built.triples:
        key = getattr(s, "value", None)
        while key is not None:  # the meeting itself, or the longest IRI it extends
            if key in iris:
                about[iris[key]] += 1
                break
            cut = max(key.rfind("/"), key.rfind("#"))
            key = key[:cut] if cut > len(base) else None
    counts = list(about.values()) or [0]
    fields = [f.name for f in dataclasses.fields(meetings[0])] if meetings else []
    stated = {f: sum(1 for m in meetings if getattr(m, f) not in (None, [], (), {}, "")) for f in fields}
    return {
        "meetings": len(meetings),
        "triples": len(built.triples),
        "share_stating": {f: round(n / len(meetings), 3) for f, n in stated.items() if f not in ("id", "lines")},
        "organisation_list_sizes": sorted(len(m.organisations) for m in meetings if m.organisations),
        "question_list_sizes": sorted(len(m.questions) for m in meetings if m.questions),
        "triples_about_each_meeting": {
            "median": statistics.median(counts),
            "mean": round(statistics.mean(counts), 1),
            "min": min(counts),
            "max": max(counts),
        },
    }


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO), indent=2, ensure_ascii=False))
