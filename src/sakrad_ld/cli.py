"""The ``sakrad-ld`` command: a thin layer over the library.

Each command calls one library function, prints its outcome and picks the exit code:
0 done (the data conforms), 1 the data has SHACL violations, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import InputErrors, SakradError

__all__ = ["COMMANDS", "main"]

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2


def _project(args: argparse.Namespace):  # noqa: ANN202 - Project, imported lazily for a fast --help
    from .project import Project

    return Project.at(Path(args.project))


def _progress(stream=sys.stderr) -> Callable[[str, int, int], None]:  # noqa: ANN001
    """Progress on a terminal (stage, done of total); silence in logs and CI."""
    if not stream.isatty():
        return lambda stage, done, total: None

    def show(stage: str, done: int, total: int) -> None:
        stream.write(f"\r{stage}: {done}/{total}\x1b[K")
        stream.flush()

    return show


def cmd_build(args: argparse.Namespace) -> int:
    """Validate the data and write the release (default dist/)."""
    from .release import write_release

    progress = _progress()
    result = write_release(_project(args), Path(args.out), progress)
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")
    if result.out is None:
        sys.stdout.write(result.report.text(args.lang))
        print(f"Nothing was written: fix the violations above, then build again.", file=sys.stderr)
        return EXIT_INVALID
    warnings = result.report.count("Warning")
    if warnings:
        sys.stdout.write(result.report.text(args.lang))
    print(f"Wrote the release of {len(result.corpus.meetings)} meeting(s), {len(result.built.graph)} triples, "
          f"to {args.out}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate the data against the shapes and print the report."""
    from .release import build

    _, _, report = build(_project(args))
    if args.format == "turtle":
        sys.stdout.buffer.write(report.turtle())
    elif args.format == "json":
        sys.stdout.write(report.json())
    else:
        sys.stdout.write(report.text(args.lang))
    return EXIT_OK if report.conforms else EXIT_INVALID


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of the YAML data files (for editors that complete and check YAML)."""
    from .corpus import schemas

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        (out / name).write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {len(schemas())} JSON Schemas to {out}")
    return EXIT_OK


#: Every command: name → (function, arguments). The README documents each (a test checks it).
COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], Callable[[argparse.ArgumentParser], None]]] = {
    "build": (cmd_build, lambda p: (
        p.add_argument("--out", default="dist", help="the release folder (default: dist)"),
        p.add_argument("--lang", choices=["sv", "en"], default="sv", help="language of messages"),
    )),
    "validate": (cmd_validate, lambda p: (
        p.add_argument("--format", choices=["text", "turtle", "json"], default="text",
                       help="text for people, turtle or json for programs (default: text)"),
        p.add_argument("--lang", choices=["sv", "en"], default="sv", help="language of messages"),
    )),
    "schema": (cmd_schema, lambda p: (
        p.add_argument("--out", default="schema", help="the folder to write to (default: schema)"),
    )),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="sakrad-ld", description="Publish sakråd consultations as linked open data.")
    top.add_argument("--version", action="version", version=f"sakrad-ld {__version__}")
    top.add_argument("-C", "--project", default=".", help="the project folder (default: the current folder)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (func, arguments) in COMMANDS.items():
        p = sub.add_parser(name, help=(func.__doc__ or "").strip(), description=(func.__doc__ or "").strip())
        arguments(p)
        p.set_defaults(func=func)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit:  # argparse exits 2 on usage errors and 0 on --help
        return int(exit.code or 0)
    try:
        return int(args.func(args))
    except InputErrors as errors:
        for error in errors.errors:
            print(f"error: {error}", file=sys.stderr)
        print(f"{len(errors.errors)} problem(s) in the input; nothing was written.", file=sys.stderr)
        return EXIT_ERROR
    except SakradError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
