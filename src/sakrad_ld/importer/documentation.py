"""The template of a sakråd documentation ("Dokumentation av sakråd …"), read into its parts.

The Government Offices publish each sakråd's documentation in one layout (the seed text,
``data/sources/sakrad-2017-12-12-integration.txt``)::

    <Department>
    <Unit>
    Dokumentation av sakråd den <d month yyyy>, om <subject>
    Sakrådets syfte och frågeställningar     where, the topic in **bold**, the purpose
    Sakrådets process                        how, how many organisations, who led it
    Hantering av synpunkter                  presentations, questions as "- " lines, handling of views
    Deltagare under sakrådet                 who took part for the Government Offices; Kontaktperson: …
    Deltagande organisationer:               a numbered list

This module finds those parts and the facts in them, as the text words them; it resolves nothing
(that is :mod:`sakrad_ld.importer.draft`). A text that lacks the title or a section is not in the template:
:func:`read_documentation` raises an InputError listing everything it could not find.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..counted import number_value  # the number words, read by the load check of counts too
from ..dated import MONTHS  # the Swedish month names, January first (a date written "den 12 december 2017")
from ..errors import InputError, Where

__all__ = ["MONTHS", "SECTIONS", "Documentation", "number_value", "parse_documentation", "read_documentation"]

#: The sections of the template: key → (the heading as the template writes it, a pattern for it).
SECTIONS: dict[str, tuple[str, str]] = {
    "purpose": ("Sakrådets syfte och frågeställningar", r"sakrådets syfte(?: och frågeställningar)?"),
    "process": ("Sakrådets process", r"sakrådets process"),
    "handling": ("Hantering av synpunkter", r"hantering av synpunkter"),
    "participants": ("Deltagare under sakrådet", r"deltagare (?:under|vid|på|i) saks?rådet"),
    "organisations": ("Deltagande organisationer:", r"deltagande organisationer:?"),
}
TITLE = ("Dokumentation av sakråd den <dag månad år>, om …", r"dokumentation av sakr[åa]d\b.*")

_DATE = re.compile(r"\bden (\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Documentation:
    """The facts a documentation text states, as it words them. ``None`` or empty: not found."""

    file: Path
    title_line: str
    headings: tuple[str, ...]  # the lines above the title: department, unit
    title: str
    date: str | None
    place: str | None
    topic: str | None
    purpose: tuple[str, ...]  # paragraphs
    process: tuple[str, ...]
    stated_count: str | None
    chair_name: str | None
    chair_capacity: str | None
    presentations: str | None  # the paragraph describing them
    presentations_count: str | None  # the words giving their number
    questions: tuple[str, ...]
    stated_question_count: str | None
    handling_of_views: tuple[str, ...]
    participants: tuple[str, ...]  # "statssekreterare Anders Kessling", "tjänstemän från …"
    contact_name: str | None
    contact_unit: str | None
    contact_email: str | None
    contact_telephone: str | None
    organisations: tuple[str, ...]
    not_found: tuple[str, ...] = field(default=())  # facts of the template this text does not give
    invited_count: str | None = None  # the words giving how many were invited ("femton")


#: The most bytes a documentation text may have (the seed's texts have 5–20 KB), as a page (MAX_PAGE_BYTES).
MAX_DOCUMENTATION_BYTES = 4 * 1024 * 1024


def read_documentation(path: Path) -> Documentation:
    """Reads a documentation text, as every input is read (a regular file of at most
    :data:`MAX_DOCUMENTATION_BYTES`, opened without waiting); raises InputError when it is not in the template."""
    from ..inputfiles import read_input

    data = read_input(path, max_bytes=MAX_DOCUMENTATION_BYTES, expected="a documentation text (a UTF-8 text file)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(Where(path, 0), f"cannot read the file ({err})", "a UTF-8 text file") from None
    return parse_documentation(text, path)


def _blocks(lines: list[str]) -> list[str]:
    """Paragraphs: runs of lines between blank lines; each list item ("- ", "1. ") is a block of its own."""
    blocks: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        item = re.match(r"(?:[-–•*]|\d+[.)])\s+", line)
        if not line or item:
            if current:
                blocks.append(" ".join(current))
            current = []
            if item:
                blocks.append(line)
            continue
        current.append(line)
    return blocks


def parse_documentation(text: str, file: Path) -> Documentation:
    from ..typedyaml import plain_text
    from .regeringen import refuse_controls

    refuse_controls(text, file)
    lines = [" ".join(line.split()) for line in plain_text(text).splitlines()]
    title_at = next((i for i, line in enumerate(lines) if re.fullmatch(TITLE[1], line, re.IGNORECASE)), None)
    found: dict[str, tuple[int, int]] = {}
    heads = sorted(
        (i, key)
        for i, line in enumerate(lines)
        for key, (_, pattern) in SECTIONS.items()
        if re.fullmatch(pattern, line, re.IGNORECASE)
    )
    for n, (i, key) in enumerate(heads):
        if key not in found:
            found[key] = (i + 1, heads[n + 1][0] if n + 1 < len(heads) else len(lines))
    missing = ([f"the title line '{TITLE[0]}'"] if title_at is None else []) + [
        f"the section '{heading}'" for key, (heading, _) in SECTIONS.items() if key not in found
    ]
    date = _DATE.search(lines[title_at]) if title_at is not None else None
    if title_at is not None and not _real_date(date):
        missing.append("a valid date in the title ('den 12 december 2017')")
    if missing:
        raise InputError(
            Where(file, 0),
            "not a sakråd documentation in the known template; could not find " + ", ".join(missing),
            "the layout described in docs/import.md",
            "nothing was drafted; write the YAML by hand or bring the text into the template",
        )
    assert title_at is not None and date is not None
    block = {key: _blocks(lines[a:b]) for key, (a, b) in found.items()}
    return _facts(file, lines, title_at, date, block)


def _facts(
    file: Path, lines: list[str], title_at: int, date: re.Match[str], block: dict[str, list[str]]
) -> Documentation:
    title_line = lines[title_at]
    title = re.sub(r"(?i)^dokumentation av s", "S", title_line)
    day, month, year = date.groups()
    iso = f"{year}-{MONTHS.index(month.casefold()) + 1:02d}-{int(day):02d}"
    text_of = {key: " ".join(b) for key, b in block.items()}

    intro = next((b for b in block["purpose"] if "behandlade frågan om" in b or "**" in b), None)
    topic = _first(r"\*\*(.+?)\*\*", intro or "") or _first(r"behandlade frågan om (.+)", intro or "")
    topic = topic.rstrip(". ") if topic else None
    place = _first(r"hölls i ([A-ZÅÄÖ][\w-]+)", text_of["purpose"]) or _first(
        r"möte i ([A-ZÅÄÖ][\w-]+)", text_of["process"]
    )
    purpose = tuple(b for b in block["purpose"] if b is not intro and not _is_item(b))

    count = _first(r"(?:samlade|samlades|deltog|medverkade)\s+(\S+(?:\s\S+){0,2})\s+organisationer", text_of["process"])
    # those invited are no count of who took part: "samlade femton inbjudna organisationer", "bjöds femton
    # organisationer in" (counted.py refuses "inbjudna" as participation)
    invited = _first(r"\bbjöds\s+(\S+(?:\s\S+){0,2})\s+organisationer\s+in\b", text_of["process"])
    if count and re.search(r"(?i)\b(?:inbjudna|anmälda)$", count):
        invited, count = invited or re.sub(r"(?i)\s*\b(?:inbjudna|anmälda)$", "", count), None
    chair = re.search(r"leddes av ((?:[A-ZÅÄÖÉ][\w-]+\s?){2,4})(?:,\s*([^.]+))?", text_of["process"])

    before = block["purpose"] + block["process"] + block["handling"]
    questions = tuple(_item_text(b) for b in before if _is_item(b))
    asked = next((b for b in before if re.search(r"\bfrågeställningar\s*[.:]?$", b)), None)
    stated_questions = _first(r"(\S+)\s+frågeställningar\s*[.:]?$", asked or "")
    shown = next((b for b in block["handling"] if re.search(r"\bpresenterades\b", b)), None)
    shown_count = _first(r"presenterades\s+(\S+)\s", shown or "")
    handling = tuple(b for b in block["handling"] if b not in (shown, asked) and not _is_item(b))

    took_part = _first(r"Från Regeringskansliet deltog (.+?)\.(?:\s|$)", text_of["participants"])
    participants = tuple(p.strip() for p in re.split(r",? samt ", took_part)) if took_part else ()
    contact = re.search(
        r"Kontaktperson:\s*(?P<name>[^,(]+?)\s*(?:,\s*(?P<unit>[^(]+?))?\s*\((?P<details>[^)]*)\)",
        text_of["participants"],
    )
    details = contact.group("details") if contact else ""
    organisations = tuple(_item_text(b) for b in block["organisations"] if _is_item(b))

    facts = {
        "place": place,
        "topic": topic,
        "purpose": purpose,
        "process": tuple(block["process"]),
        "stated organisation count": count,
        "chair": chair,
        "presentations": shown,
        "questions": questions,
        "handling of views": handling,
        "participants from the Government Offices": participants,
        "contact person": contact,
        "participating organisations": organisations,
    }
    return Documentation(
        file=file,
        title_line=title_line,
        headings=tuple(line for line in lines[:title_at] if line),
        title=title,
        date=iso,
        place=place,
        topic=topic,
        purpose=purpose,
        process=tuple(block["process"]),
        stated_count=count,
        invited_count=invited,
        chair_name=chair.group(1).strip() if chair else None,
        chair_capacity=chair.group(2).strip() if chair and chair.group(2) else None,
        presentations=shown,
        presentations_count=shown_count,
        questions=questions,
        stated_question_count=stated_questions,
        handling_of_views=handling,
        participants=participants,
        contact_name=contact.group("name").strip() if contact else None,
        contact_unit=(contact.group("unit") or "").strip() or None if contact else None,
        contact_email=_first(r"e-post:\s*([^\s,;)]+@[^\s,;)]+)", details),
        contact_telephone=_first(r"telefon:\s*(\+?[\d][\d\s-]*\d)", details),
        organisations=organisations,
        not_found=tuple(name for name, value in facts.items() if not value),
    )


def _real_date(match: re.Match[str] | None) -> bool:
    if match is None:
        return False
    day, month, year = match.groups()
    try:
        dt.date(int(year), MONTHS.index(month.casefold()) + 1, int(day))
    except ValueError:
        return False
    return True


def _first(pattern: str, text: str) -> str | None:
    match = re.search(pattern, text)
    return " ".join(match.group(1).split()) if match else None


def _is_item(block: str) -> bool:
    return bool(re.match(r"(?:[-–•*]|\d+[.)])\s+", block))


def _item_text(block: str) -> str:
    return re.sub(r"^(?:[-–•*]|\d+[.)])\s+", "", block).strip()
