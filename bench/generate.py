"""Synthetic sakråd corpora in the real YAML format, for benchmarks.

``generate(dest, meetings=N)`` writes a complete project (``data/`` with ``dataset.yaml``,
``sources.yaml``, ``bodies.yaml``, ``people.yaml``, ``organisations.yaml`` and one file per meeting in
``data/meetings/``; ``ontology/`` and ``shapes/`` copied from the repository) that the real loader
accepts. The numbers follow the real sakråd: 5–40 organisations per meeting drawn from a shared pool
with Zipf-like weights (a few organisations take part in many meetings, most in few), 2–8 questions,
a chair who holds a state-secretary post, a contact person in the organising unit with a valid
e-mail address and telephone number, and an organisation number for about a third of the
organisations. Everything is drawn from one ``random.Random(seed)``: the same arguments give the
same files.

Nothing here describes a real organisation or person. Every id starts with ``syn-``, every text
says "syntetisk", and every organisation number lies in the range 899900-0000 … 899999-9999 with a
valid check digit (python-stdnum's Luhn), which marks it as synthetic.

Two profiles (``--profile``):

* ``rich`` (the default, and every figure before the realistic one was added): every meeting has
  every fact — 5–40 organisations, 2–8 questions, a chair, a contact, a purpose, a place. An upper
  bound: about 210 triples about each meeting.
* ``realistic``: each fact is there as often as in the repository's real meetings (:data:`REAL_SHARES`,
  measured on the 28 meetings of ``data/``): an organisation list in one meeting of seven (1–25
  organisations), questions in one of fourteen, a convener far more often than a chair, notes in
  two of three. Its meetings come out at a median of about 35 triples about themselves, as the real
  ones do (docs/performance.md, "The two profiles").

    python bench/generate.py DEST --meetings 1000 [--seed 1] [--profile rich|realistic]
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from stdnum import luhn

__all__ = ["PROFILES", "REAL_SHARES", "Pools", "generate", "synthetic_orgnr"]

REPO = Path(__file__).resolve().parents[1]
SYNTHETIC_ORGNR_PREFIX = "8999"  # 899900-0000 … 899999-9999: the synthetic range
SYNTHETIC_URL = "https://example.org/synthetic/"
#: Where the synthetic numbers are read: a page on Skatteverket's host, followed by the number, as a number with
#: status register must be (the loader refuses a register claim read on any other host, or on a page whose
#: address or kept text does not show the number); the path is synthetic.
SYNTHETIC_REGISTER_PAGE = "https://www.skatteverket.se/synthetic/register"
REGISTER_SOURCE = "syn-register"  # the source of every shared record (bodies, posts, people, organisations)

MINISTRIES = [
    ("arbetsmarknadsdepartementet", "Arbetsmarknadsdepartementet", "Ministry of Employment"),
    ("finansdepartementet", "Finansdepartementet", "Ministry of Finance"),
    ("kulturdepartementet", "Kulturdepartementet", "Ministry of Culture"),
    ("socialdepartementet", "Socialdepartementet", "Ministry of Health and Social Affairs"),
    ("utbildningsdepartementet", "Utbildningsdepartementet", "Ministry of Education"),
    ("justitiedepartementet", "Justitiedepartementet", "Ministry of Justice"),
    ("miljodepartementet", "Miljödepartementet", "Ministry of Climate and Enterprise"),
    ("landsbygdsdepartementet", "Landsbygds- och infrastrukturdepartementet", "Ministry of Rural Affairs"),
    ("forsvarsdepartementet", "Försvarsdepartementet", "Ministry of Defence"),
    ("utrikesdepartementet", "Utrikesdepartementet", "Ministry for Foreign Affairs"),
    ("statsradsberedningen", "Statsrådsberedningen", "Prime Minister's Office"),
]
UNITS_PER_MINISTRY = 4
STATE_SECRETARIES_PER_MINISTRY = 3
OFFICIALS_PER_UNIT = 6
PLACES = ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Umeå", "Luleå", "Örebro", "Linköping"]
WORDS = [
    "samverkan",
    "integration",
    "etablering",
    "folkhälsa",
    "idrott",
    "demokrati",
    "jämställdhet",
    "barnrätt",
    "civilsamhället",
    "föreningsliv",
    "klimat",
    "landsbygd",
    "utbildning",
    "kultur",
    "funktionsrätt",
    "bostäder",
    "trygghet",
    "digitalisering",
    "äldreomsorg",
    "ungdomar",
]
#: The share of the real meetings (the 28 in data/ when measured; ``bench/profile.py`` measures them
#: again) that state each fact: the realistic profile states it as often.
REAL_SHARES = {
    "organisations": 4 / 28,  # lists of 1, 8, 13 and 25 organisations
    "questions": 2 / 28,  # 1 and 4 questions
    "chair": 5 / 28,
    "conveners": 26 / 28,
    "government_participants": 11 / 28,
    "purpose": 17 / 28,
    "place": 3 / 28,
    "organiser": 1 / 28,
    "contact": 2 / 28,
    "handling_of_views": 4 / 28,
    "presentations": 1 / 28,
    "date": 25 / 28,
    "notes": 18 / 28,
    "sources": 18 / 28,  # further documents (minutes, a press release)
}
PROFILES = ("rich", "realistic")
ORG_KINDS = ["förening", "förbund", "riksorganisation", "stiftelse", "nätverk", "samfund", "råd"]


def synthetic_orgnr(n: int) -> str:
    """The ``n``-th synthetic organisation number (0 ≤ n < 1,000,000), NNNNNN-NNNN with a valid check digit."""
    body = f"{SYNTHETIC_ORGNR_PREFIX}{n:05d}"
    return f"{body[:6]}-{body[6:]}{luhn.calc_check_digit(body)}"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


@dataclass(frozen=True)
class Pools:
    """The shared records every meeting draws from."""

    units: list[tuple[str, str]]  # (unit id, ministry id)
    chairs: list[tuple[str, str]]  # (person id, post id)
    officials: dict[str, list[str]]  # unit id → person ids
    organisations: list[str]
    cum_weights: list[float]


def _pool_size(meetings: int) -> int:
    """How many organisations the corpus knows: grows with the corpus, as new ones join over the years."""
    return max(200, min(40_000, 3 * meetings))


def _header(schema: str, what: str) -> str:
    return f"# yaml-language-server: $schema=../schema/{schema}\n# SYNTHETIC benchmark data ({what}): no real facts.\n"


def _write_shared(data: Path, rng: random.Random, meetings: int) -> Pools:
    (data / "dataset.yaml").write_text(
        _header("dataset.schema.json", "dataset") + "base_iri: https://w3id.org/sakrad/\nversion: 0.0.0-synthetic\n"
        "title:\n  sv: Syntetiska sakråd\n  en: Synthetic consultations\n"
        "description:\n  sv: Syntetiska sakråd för prestandamätning.\n  en: Synthetic consultations for benchmarks.\n"
        "issued: 2026-01-01\nmodified: 2026-01-01\n"
        "publisher:\n  id: sakrad-ld\n  name:\n    sv: sakrad-ld\n  homepage: https://w3id.org/sakrad/\n"
        "contact_point:\n  id: sakrad-ld-contact\n  name:\n    sv: sakrad-ld\n  email: contact@sakrad.example\n",
        encoding="utf-8",
    )

    src = f"    sources: [{REGISTER_SOURCE}]"
    bodies = [
        "bodies:",
        "  - id: regeringskansliet",
        "    kind: government-offices",
        "    name:",
        "      sv: Regeringskansliet",
        "      en: Government Offices of Sweden",
        src,
    ]
    posts = ["posts:"]
    people = ["people:"]
    units: list[tuple[str, str]] = []
    chairs: list[tuple[str, str]] = []
    officials: dict[str, list[str]] = {}
    person_no = itertools.count(1)
    for mid, sv, en in MINISTRIES:
        bodies += [
            f"  - id: {mid}",
            "    kind: ministry",
            "    name:",
            f"      sv: {_q(sv)}",
            f"      en: {_q(en)}",
            "    unit_of: regeringskansliet",
            src,
        ]
        minister, secretary = f"syn-minister-{mid}", f"syn-statssekreterare-{mid}"
        posts += [
            f"  - id: {minister}",
            "    label:",
            f"      sv: {_q('minister vid ' + sv)}",
            f"    post_in: {mid}",
            src,
            f"  - id: {secretary}",
            "    label:",
            f"      sv: {_q('statssekreterare vid ' + sv)}",
            f"    post_in: {mid}",
            f"    reports_to: {minister}",
            src,
        ]
        for _ in range(STATE_SECRETARIES_PER_MINISTRY):
            pid = f"syn-person-{next(person_no)}"
            people += [
                f"  - id: {pid}",
                f"    name: {_q('Syntetisk Person ' + pid[11:])}",
                "    holds:",
                f"      - post: {secretary}",
                f"        source: {REGISTER_SOURCE}",
                src,
            ]
            chairs.append((pid, secretary))
        for u in range(1, UNITS_PER_MINISTRY + 1):
            uid = f"syn-enhet-{u}-{mid}"
            bodies += [
                f"  - id: {uid}",
                "    kind: unit",
                "    name:",
                f"      sv: {_q(f'Enhet {u} vid {sv}')}",
                f"    unit_of: {mid}",
                src,
            ]
            units.append((uid, mid))
            officials[uid] = []
            for _ in range(OFFICIALS_PER_UNIT):
                pid = f"syn-person-{next(person_no)}"
                people += [
                    f"  - id: {pid}",
                    f"    name: {_q('Syntetisk Tjänsteperson ' + pid[11:])}",
                    f"    member_of: [{uid}]",
                    src,
                ]
                officials[uid].append(pid)
    (data / "bodies.yaml").write_text(
        _header("bodies.schema.json", "bodies") + "\n".join(bodies + posts) + "\n", encoding="utf-8"
    )
    (data / "people.yaml").write_text(
        _header("people.schema.json", "people") + "\n".join(people) + "\n", encoding="utf-8"
    )

    orgs = ["organisations:"]
    ids = []
    for n in range(1, _pool_size(meetings) + 1):
        oid = f"syn-org-{n}"
        ids.append(oid)
        name = f"Syntetisk {rng.choice(WORDS)}{rng.choice(ORG_KINDS)} {n}"
        orgs += [f"  - id: {oid}", f"    name: {_q(name)}", src]
        if rng.random() < 0.35:
            orgs += [
                "    identifiers:",
                "      - scheme: orgnr",
                f"        value: {synthetic_orgnr(n)}",
                f"        source: {SYNTHETIC_REGISTER_PAGE}/{synthetic_orgnr(n)}",
                "        status: register",  # read in the (synthetic) register itself: confirmed
            ]
        if rng.random() < 0.5:
            orgs += [f"    website: https://{oid}.example.org/"]
    (data / "organisations.yaml").write_text(
        _header("organisations.schema.json", "organisations") + "\n".join(orgs) + "\n", encoding="utf-8"
    )
    # Zipf-like weights (s = 1): the k-th organisation is drawn 1/k as often as the first.
    cum = list(itertools.accumulate(1.0 / k for k in range(1, len(ids) + 1)))
    return Pools(units, chairs, officials, ids, cum)


def _draw_organisations(rng: random.Random, pools: Pools, k: int) -> list[str]:
    chosen: dict[str, None] = {}
    total = pools.cum_weights[-1]
    while len(chosen) < k:
        i = bisect.bisect_left(pools.cum_weights, rng.random() * total)
        chosen[pools.organisations[min(i, len(pools.organisations) - 1)]] = None
    return list(chosen)


def _meeting(rng: random.Random, pools: Pools, n: int) -> tuple[str, str, list[str]]:
    """(meeting id, YAML text, source lines) of the ``n``-th meeting."""
    year = 2017 + n % 8
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    mid = f"syn-{date}-{n}"
    unit, ministry = rng.choice(pools.units)
    chair, post = rng.choice([c for c in pools.chairs if c[1].endswith(ministry)])
    contact = rng.choice(pools.officials[unit])
    topic = " och ".join(rng.sample(WORDS, 2))
    organisations = _draw_organisations(rng, pools, rng.randint(5, 40))
    stated = len(organisations) if rng.random() < 0.95 else len(organisations) + rng.randint(1, 3)
    source = f"syn-dokumentation-{n}"
    lines = [
        "# yaml-language-server: $schema=../../schema/meeting.schema.json",
        "# SYNTHETIC benchmark meeting: no real facts.",
        f"id: {mid}",
        f"source: {source}",
        "title:",
        f"  sv: {_q(f'Syntetiskt sakråd {n} om {topic}')}",
        "topic:",
        f"  sv: {_q(topic)}",
        f"organiser: {unit}",
        f"date: {date}",
        f"place: {rng.choice(PLACES)}",
        "purpose:",
        f"  sv: {_q(f'Syftet med det syntetiska sakrådet {n} var att samla synpunkter om {topic}.')}",
        "process:",
        f"  sv: {_q(f'Sakrådet skedde genom ett möte den {date}.')}",
        "organisation_count:",
        f"  text: {_q(str(stated))}",
        f"  value: {stated}",
        "chair:",
        f"  person: {chair}",
        f"  post: {post}",
        "government_participants:",
        f"  - person: {chair}",
        f"  - body: {unit}",
        "    description:",
        f"      sv: {_q('tjänstemän från enheten')}",
    ]
    if rng.random() < 0.4:
        lines += ["presentations:", f"  count: {rng.randint(1, 5)}"]
    lines.append("questions:")
    for q in range(1, rng.randint(2, 8) + 1):
        lines.append(f"  - {_q(f'Fråga {q}: hur kan {rng.choice(WORDS)} och {rng.choice(WORDS)} stärkas?')}")
    lines += [
        "handling_of_views:",
        f"  sv: {_q('Synpunkterna tas tillvara i det fortsatta arbetet.')}",
        "contact:",
        f"  person: {contact}",
        f"  unit: {unit}",
        f"  email: {contact}@regeringskansliet.example",
        f"  telephone: 08-405 {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "organisations:",
        *(f"  - {o}" for o in organisations),
    ]
    source_lines = [
        f"  - id: {source}",
        "    kind: documentation",
        "    title:",
        f"      sv: {_q(f'Syntetiskt sakråd {n} om {topic}')}",  # the meeting's title is its source's (titled.py)
        f"    url: {SYNTHETIC_URL}sakrad/{n}",
        f"    publisher: {unit}",
    ]
    return mid, "\n".join(lines) + "\n", source_lines


def _realistic_meeting(rng: random.Random, pools: Pools, n: int) -> tuple[str, str, list[str]]:
    """(meeting id, YAML text, source lines) of the ``n``-th meeting of the realistic profile: each
    fact stated as often as in the real meetings (:data:`REAL_SHARES`)."""

    def has(fact: str) -> bool:
        return rng.random() < REAL_SHARES[fact]

    year = 2017 + n % 8
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    mid = f"syn-{date}-{n}"
    unit, ministry = rng.choice(pools.units)
    chair, post = rng.choice([c for c in pools.chairs if c[1].endswith(ministry)])
    topic = " och ".join(rng.sample(WORDS, 2))
    source = f"syn-dokumentation-{n}"
    lines = [
        "# yaml-language-server: $schema=../../schema/meeting.schema.json",
        "# SYNTHETIC benchmark meeting (realistic profile): no real facts.",
        f"id: {mid}",
        f"source: {source}",
        "title:",
        f"  sv: {_q(f'Syntetiskt sakråd {n} om {topic}')}",
        "topic:",
        f"  sv: {_q(topic)}",
    ]
    if has("organiser"):
        lines.append(f"organiser: {unit}")
    if has("date"):
        lines.append(f"date: {date}")
    else:
        lines.append(f"date: '{year}'")  # the real ones without a day give at least the year …
        lines += ["date_derivation:", f"  sv: {_q('Året är läst ur sidans adress.')}"]  # … worked out
    if has("place"):
        lines.append(f"place: {rng.choice(PLACES)}")
    if has("purpose"):
        lines += ["purpose:", f"  sv: {_q(f'Syftet med det syntetiska sakrådet {n} var att samla synpunkter.')}"]
    organisations = _draw_organisations(rng, pools, rng.randint(1, 25)) if has("organisations") else []
    if organisations:
        lines += ["organisation_count:", f"  text: {_q(str(len(organisations)))}", f"  value: {len(organisations)}"]
    if has("chair"):
        lines += ["chair:", f"  person: {chair}", f"  post: {post}"]
    if has("conveners"):
        lines += ["conveners:", f"  - person: {chair}", f"    post: {post}"]
    if has("government_participants"):
        lines += ["government_participants:", f"  - body: {unit}"]
    if has("presentations"):
        lines += ["presentations:", f"  count: {rng.randint(1, 5)}"]
    if has("questions"):
        lines.append("questions:")
        for q in range(1, rng.randint(1, 4) + 1):
            lines.append(f"  - {_q(f'Fråga {q}: hur kan {rng.choice(WORDS)} stärkas?')}")
    if has("handling_of_views"):
        lines += ["handling_of_views:", f"  sv: {_q('Synpunkterna tas tillvara i det fortsatta arbetet.')}"]
    if has("contact"):
        contact = rng.choice(pools.officials[unit])
        lines += [
            "contact:",
            f"  person: {contact}",
            f"  unit: {unit}",
            f"  email: {contact}@regeringskansliet.example",
        ]
    if organisations:
        lines += ["organisations:", *(f"  - {o}" for o in organisations)]
    if has("notes"):
        lines += ["notes:", "  - about: title", "    text:", f"      sv: {_q('Rubriken är sidans egen.')}"]
    source_lines = [
        f"  - id: {source}",
        "    kind: web-page",
        "    title:",
        f"      sv: {_q(f'Syntetiskt sakråd {n} om {topic}')}",  # the meeting's title is its source's (titled.py)
        f"    url: {SYNTHETIC_URL}sakrad/{n}",
        f"    publisher: {unit}",
    ]
    if has("sources"):
        further = f"syn-minnesanteckningar-{n}"
        lines += ["sources:", f"  - {further}"]
        source_lines += [
            f"  - id: {further}",
            "    kind: minutes",
            "    title:",
            f"      sv: {_q(f'Minnesanteckningar från syntetiskt sakråd {n}')}",
            f"    url: {SYNTHETIC_URL}sakrad/{n}/minnesanteckningar",
        ]
    return mid, "\n".join(lines) + "\n", source_lines


def generate(dest: Path, meetings: int, seed: int = 1, profile: str = "rich") -> Path:
    """Writes a synthetic project of ``meetings`` meetings of ``profile`` (one of :data:`PROFILES`)
    into ``dest`` (replacing it) and returns it."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILES)}")
    make = _meeting if profile == "rich" else _realistic_meeting
    if dest.exists():
        shutil.rmtree(dest)
    data = dest / "data"
    (data / "meetings").mkdir(parents=True)
    for name in ("ontology", "shapes"):
        shutil.copytree(REPO / name, dest / name)
    rng = random.Random(seed)
    pools = _write_shared(data, rng, meetings)
    sources = [
        "sources:",
        f"  - id: {REGISTER_SOURCE}",
        "    kind: register",
        "    title:",
        f"      sv: {_q('Syntetiskt register')}",
        f"    url: {SYNTHETIC_URL}register",
    ]
    for n in range(1, meetings + 1):
        mid, text, source_lines = make(rng, pools, n)
        (data / "meetings" / f"{mid}.yaml").write_text(text, encoding="utf-8")
        sources += source_lines
    (data / "sources.yaml").write_text(
        _header("sources.schema.json", "sources") + "\n".join(sources) + "\n", encoding="utf-8"
    )
    return dest


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("dest", type=Path, help="the project folder to write (replaced if it exists)")
    p.add_argument("--meetings", type=int, default=1000, help="how many meetings (default 1000)")
    p.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    p.add_argument("--profile", choices=PROFILES, default="rich", help="which facts each meeting has (default rich)")
    args = p.parse_args()
    generate(args.dest, args.meetings, args.seed, args.profile)
    print(f"Wrote a synthetic project of {args.meetings} meetings ({args.profile} profile) to {args.dest}")


if __name__ == "__main__":
    main()
