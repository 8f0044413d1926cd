"""The ``sakrad-ld`` command: a thin layer over the library.

Each command calls one library function, prints its outcome and picks the exit code:
0 done (the data conforms), 1 the data has SHACL violations, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from . import __version__
from .errors import InputError, InputErrors, SakradError, shown
from .streams import utf8_out

__all__ = ["COMMANDS", "main"]

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2
#: The exit code of a command Ctrl-C (SIGINT) ended, as a shell gives it (128 + 2).
EXIT_INTERRUPTED = 130
T = TypeVar("T")
#: Where ``build`` publishes a release, and where the commands that read one look for it.
RELEASE_DEFAULT = "dist"


class InProject(str):
    """A default path: the folder of this name in the project folder (``-C``), which :func:`main`
    puts in its place once the command line is read. A path the user gives stays relative to the
    current folder, as the shell completed it (as with ``git -C`` and ``make -C``)."""

    def help(self) -> str:
        return f"default: {self} in the project folder"


def in_project(args: argparse.Namespace) -> argparse.Namespace:
    """``args`` with every default path (:class:`InProject`) in the project folder ``-C``."""
    for name, value in vars(args).items():
        if isinstance(value, InProject):
            setattr(args, name, str(Path(args.project) / value))
    return args


#: The longest time an option may give, in seconds (a day): a time past it is a mistake, and the
#: clocks and timers the server and the checks hand it to overflow near 1e9 s and refuse NaN.
SECONDS_MAX = 86_400.0
#: The largest count, size or age an integer option may give (2**40: a terabyte, or megabytes past
#: the address space of any machine); larger values overflow the limits they are handed to.
COUNT_MAX = 2**40


def ranged(kind: type, low: float, high: float, what: str, *, above: bool = False) -> Callable[[str], float]:
    """An argparse type: ``kind`` (int or float) from ``low`` (excluded with ``above``) to ``high``;
    anything else (words, NaN, infinity, a value out of range) is a usage error saying what is expected."""
    bound = f"above {low:g}" if above else f"from {low:g}"
    expected = f"{what} {bound} to {high:g}"

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number: expected {expected}") from None
        # NaN fails every comparison, so it is out of range too
        if not (value > low if above else value >= low) or not value <= high:
            raise argparse.ArgumentTypeError(f"{text} is out of range: expected {expected}")
        return value

    parse.__name__ = what  # argparse names the type by it
    return parse


#: The types of the command line's numbers: seconds, counts and sizes, ports, scores.
SECONDS = ranged(float, 0, SECONDS_MAX, "seconds")
POSITIVE_SECONDS = ranged(float, 0, SECONDS_MAX, "seconds", above=True)
COUNT = ranged(int, 0, COUNT_MAX, "a whole number")
PORT = ranged(int, 0, 65_535, "a port number")
SCORE = ranged(float, 0, 1, "a score", above=True)


#: :data:`RELEASE_DEFAULT` in the project folder, the default of ``--out`` and ``--release``.
RELEASE_IN_PROJECT = InProject(RELEASE_DEFAULT)


def _release_argument(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--release", default=RELEASE_IN_PROJECT, help=f"{what} ({RELEASE_IN_PROJECT.help()})")


def _project(args: argparse.Namespace):
    from .project import Project

    return Project.at(Path(args.project))


def _progress(stream=sys.stderr) -> Callable[[str, int, int], None]:
    """Progress on a terminal (stage, done of total); silence in logs and CI."""
    if not stream.isatty():
        return lambda stage, done, total: None
    import time

    last = {"stage": "", "at": 0.0}

    def show(stage: str, done: int, total: int) -> None:
        # at most ten updates a second, so 100,000 items do not cost 100,000 terminal writes
        now = time.monotonic()
        if stage == last["stage"] and done != total and now - last["at"] < 0.1:
            return
        last.update(stage=stage, at=now)
        stream.write(f"\r{stage}: {done}/{total}\x1b[K")
        stream.flush()

    return show


def cmd_build(args: argparse.Namespace) -> int:
    """Validate the data and write the release (default dist/ in the project folder)."""
    import gc

    # Importing the build's modules makes many objects and no cycles worth collecting (the cycle
    # collector took about 7 ms of 0.1 s of imports); the build pauses it itself while it works.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(args)
    finally:
        if collecting:
            gc.enable()


def _build(args: argparse.Namespace) -> int:
    from .release import write_release

    progress = _progress()
    project = _project(args)
    result = write_release(
        project,
        Path(args.out),
        progress,
        allow_empty=args.allow_empty,
        waiting=lambda why: print(f"waiting: {why}", file=sys.stderr, flush=True),
        cache=Path(args.cache) if args.cache else None,
        warnings_beside=True,
    )
    # imported once the build has started reading the data in another process (on an idle core), so
    # that its imports (the validation's, about 15 ms) run beside that reading rather than before it
    from .warnings_summary import summary_text

    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")
    if result.out is None:
        sys.stdout.write(result.report.text(args.lang))
        print("Nothing was written: fix the violations above, then build again.", file=sys.stderr)
        return EXIT_INVALID
    details = " ".join(
        [
            "sakrad-ld",
            *(["-C", args.project] if args.project != "." else []),
            "validate",
            *(["--lang", args.lang] if args.lang != "sv" else []),
        ]
    )
    print(result.report.summary())
    if cautions := result.load_warnings():  # dated.py, announced.py, found beside the build
        print(f"warning: {len(cautions)} fact(s) loading cannot confirm; {details} lists them", file=sys.stderr)
    sys.stdout.write(summary_text(result.report, details, args.lang))
    if result.wrote:
        print(f"Wrote the release of {result.meetings} meeting(s), {result.triples} triples, to {shown(args.out)}")
    else:
        print(
            f"The release at {shown(args.out)}, of {result.meetings} meeting(s) and {result.triples} triples, is the "
            "one these inputs make: nothing was written"
        )
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate the data against the shapes and print the report."""
    from .dated import load_warnings
    from .release import build
    from .triples import Graph

    project = _project(args)
    for file in sorted(project.ontology.glob("*.ttl")):  # as a build reads them all (the catalogue)
        Graph.parse_ontology_file(file)
    corpus, built, report = build(project, engine=args.engine)
    for caution in load_warnings(corpus):  # dated.py, announced.py: accepted, but for a person to check
        print(f"warning: {caution}", file=sys.stderr)
    if args.format == "turtle":
        sys.stdout.buffer.write(report.turtle(built.minter.validation_report))
    elif args.format == "json":
        utf8_out(report.json(args.severity.capitalize()))
    else:
        sys.stdout.write(report.text(args.lang, args.severity.capitalize()))
    return EXIT_OK if report.conforms else EXIT_INVALID


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of the YAML data files (for editors that complete and check YAML)."""
    from .schemafolder import write_schemas

    out = Path(args.out)
    # into a new or empty folder, or one of its own schemas: never the project's data/, a release or a user's folder
    written = write_schemas(out, Path(args.project))
    print(f"Wrote {written} JSON Schemas to {shown(str(out))}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Draft a meeting YAML from a documentation text in the sakråd template or a regeringen.se page
    (or every page of a listing), for a person to review."""
    from .corpus import load_corpus
    from .importer.command import run_import

    return run_import(args, lambda: load_corpus(_project(args).data))


def cmd_diff(args: argparse.Namespace) -> int:
    """Compare two releases: the triples added and removed, by resource. Exit code 0 if they hold
    the same triples, 1 if anything changed, 2 if a folder is not a release (as diff(1) does)."""
    from .diff import diff_releases

    result = diff_releases(Path(args.old), Path(args.new))
    sys.stdout.write(result.summary() + "\n" if args.summary else result.text())
    return 1 if result.changed else EXIT_OK


def cmd_links(args: argparse.Namespace) -> int:
    """Links to public registers: check them, or reconcile organisations against a register extract."""
    return int(args.links_func(args))


def cmd_links_reconcile(args: argparse.Namespace) -> int:
    """Propose organisation numbers from register extracts, for a person to review; never edits data/."""
    from .registers.reconcile import (
        THRESHOLD,
        proposals_yaml,
        read_organisations,
        reconcile,
    )
    from .registers.register import read_register

    registers = [read_register(Path(f), args.name_field, args.number_field) for f in args.register]
    threshold = THRESHOLD if args.threshold is None else args.threshold
    proposals = reconcile(read_organisations(_project(args).data), registers, threshold)
    text = proposals_yaml(proposals, registers, threshold)
    if args.out is None:
        utf8_out(text)
    else:
        from .registers.reconcile import write_proposals

        # whole or not at all; never into data/, the project's other folders, a release or an export
        write_proposals(Path(args.out), text, Path(args.project))
        accepted = sum(1 for p in proposals if p.accepted)
        print(
            f"Wrote proposals for {len(proposals)} organisation(s), {accepted} with an accepted candidate, "
            f"to {shown(args.out)}: review them before anything goes into data/",
            file=sys.stderr,
        )
    return EXIT_OK


def _reconcile_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--register",
        action="append",
        required=True,
        metavar="FILE",
        help="a register extract: YAML, CSV or RDF with names and organisation numbers (repeatable)",
    )
    p.add_argument("--out", metavar="FILE", help="write the proposals here (default: print them)")
    p.add_argument("--name-field", help="the register's field with the name (default: found by its name)")
    p.add_argument("--number-field", help="the field with the organisation number (default: found by name or content)")
    p.add_argument(
        "--threshold", type=SCORE, help="the score that accepts a candidate (default: 0.85, see docs/reconcile.md)"
    )


def cmd_links_check(args: argparse.Namespace) -> int:
    """Re-check every identifier and link (format, check digit, register, source); --online dereferences them."""
    from .registers.links import check_offline, check_online, link_targets

    project = _project(args)
    problems = check_offline(project.data)
    for problem in problems:
        print(f"problem: {problem}")
    broken = 0
    if args.online:
        from .corpus import load_corpus
        from .graph import build_graph

        rules = []
        for rule in args.rewrite:
            prefix, sep, url = rule.partition("=")
            if not sep or not prefix or not url:
                raise SakradError(
                    f"--rewrite {rule!r}: expected PREFIX=URL, such as "
                    "http://www.wikidata.org/entity/=http://127.0.0.1:8000/wd/"
                )
            rules.append((prefix, url))
        targets = link_targets(build_graph(load_corpus(project.data)).triples)
        # its thread pool's shutdown waits for every request under way: Ctrl-C must not wait on it
        statuses = interruptible(lambda: check_online(targets, rules, args.timeout))
        for status in statuses:
            print(f"{'problem' if status.problem else 'ok':<7} {status}")
        broken = sum(1 for s in statuses if s.problem)
    print(
        f"{len(problems)} problem(s) offline" + (f", {broken} target(s) that do not resolve" if args.online else ""),
        file=sys.stderr,
    )
    return EXIT_INVALID if problems or broken else EXIT_OK


def interruptible(work: Callable[[], T]) -> T:
    """What ``work()`` returns (or raises), run in a daemon thread that this thread waits for: Ctrl-C
    ends the wait at once, where a wait inside ``work`` (a thread pool's shutdown, joining threads
    that are each given seconds) would first run its course. The thread is left behind; the
    command line then ends the process at once (:func:`main`)."""
    import threading

    done: dict[str, Any] = {}

    def run() -> None:
        try:
            done["value"] = work()
        except BaseException as error:  # noqa: BLE001  # raised again in the caller's thread
            done["error"] = error

    thread = threading.Thread(target=run, name="interruptible", daemon=True)
    thread.start()
    thread.join()  # a signal's handler runs in this thread while it waits: KeyboardInterrupt ends the wait
    if "error" in done:
        raise done["error"]
    return done["value"]


def _check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--online",
        action="store_true",
        help="also dereference every link target and identifier source and report its HTTP status",
    )
    p.add_argument(
        "--rewrite",
        action="append",
        default=[],
        metavar="PREFIX=URL",
        help="fetch IRIs starting with PREFIX from URL instead (a mirror or a local server; repeatable)",
    )
    p.add_argument(
        "--timeout", type=POSITIVE_SECONDS, default=10.0, help="seconds to wait for each answer (default: 10)"
    )


#: The subcommands of ``links``: name → (function, arguments), like COMMANDS.
LINKS: dict[str, tuple[Callable[[argparse.Namespace], int], Callable[[argparse.ArgumentParser], None]]] = {
    "check": (cmd_links_check, _check_arguments),
    "reconcile": (cmd_links_reconcile, _reconcile_arguments),
}


def _links_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="links_command", required=True, metavar="SUBCOMMAND")
    for name, (func, arguments) in LINKS.items():
        doc = (func.__doc__ or "").strip()
        arguments(sub.add_parser(name, help=doc, description=doc))
        sub.choices[name].set_defaults(links_func=func)


def _export_kept(args: argparse.Namespace) -> list:
    """The folders ``export --out`` may not be, hold or lie inside beyond the ``--release`` and
    ``--previous`` folders (which :func:`sakrad_ld.web.static.export_site` names itself): every command's
    (:func:`sakrad_ld.importer.written.writers_places`), and the releases and other exports that
    ``--out`` is or lies inside (:func:`sakrad_ld.importer.written.enclosing`)."""
    import os

    from .folders import release_places
    from .importer.written import enclosing, writers_places
    from .inputfiles import resolved

    root = Path(args.project)
    given = [Path(args.release), *([Path(args.previous)] if args.previous else [])]
    named = {resolved(Path(os.path.abspath(k.path))) for r in given for k in release_places(r, "")}
    extra = [*release_places(root / "dist", "the release dist"), *enclosing(Path(args.out), own="site")]
    return writers_places(root, release=False) + [
        k for k in extra if resolved(Path(os.path.abspath(k.path))) not in named
    ]


def cmd_export(args: argparse.Namespace) -> int:
    """Write the site as static files, with nginx rules for content negotiation (default site/ in
    the project folder)."""
    from .web.static import export_site

    # --out replaces only a previous export (or an empty folder), never the project, its data, its
    # release dist, nor a release or another export anywhere
    result = export_site(
        Path(args.release),
        Path(args.out),
        _progress(),
        previous=Path(args.previous) if args.previous else None,
        kept=_export_kept(args),
    )
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")
    print(
        f"Wrote the site of {result.documents} documents ({result.files} files) to {shown(args.out)}; "
        f"serve it with the rules in {shown(args.out)}/nginx/"
    )
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL query (its text, a .rq file, a saved query's name, or - for standard input) on a
    release and print the answer."""
    from .bounded import Job, run
    from .sparql.query import bind, saved_queries
    from .sparql.store import Release

    if args.list:
        for q in saved_queries():
            params = "".join(f" --param {p.name}=…" for p in q.parameters)
            print(f"{q.name}{params}\n    {q.title}\n    {q.description}")
        return EXIT_OK
    if not args.query:
        print(
            "error: give a QUERY (SPARQL text, a .rq file, a saved query's name, or - to read it from standard "
            "input; --list names the saved queries)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    values = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name:
            print(f"error: --param {item!r}: expected NAME=VALUE, such as org=radda-barnen", file=sys.stderr)
            return EXIT_ERROR
        values[name] = value
    query = _query(args.query)
    release = Release.open(Path(args.release))
    job = Job(bind(query, values, release.base_iri), args.format)
    try:
        # in a worker process: Ctrl-C, SIGTERM, SIGHUP, --timeout and --query-memory stop the query,
        # whatever the engine is doing (and SIGKILL too: the worker dies with this process)
        with _StoppedBySignals():
            answer = run(release.root, job, args.timeout, args.query_memory)
    except _Signalled as stop:
        try:
            print(f"error: stopped by {stop.name}; the query's worker process was stopped with it", file=sys.stderr)
        except OSError:  # SIGHUP: the terminal may be gone
            pass
        return 128 + stop.number
    if isinstance(answer, str):
        sys.stdout.write(answer)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(answer)
    return EXIT_OK


class _Signalled(BaseException):
    """A signal that ends ``query`` (SIGTERM, SIGHUP) arrived: raised where the command waits for its
    worker, so the worker is stopped on the way out, as Ctrl-C's KeyboardInterrupt stops it."""

    def __init__(self, number: int) -> None:
        import signal

        super().__init__(number)
        self.number = number
        self.name = signal.Signals(number).name


class _StoppedBySignals:
    """SIGTERM and SIGHUP raise :class:`_Signalled` meanwhile (their default action would end the
    command and leave its worker running); the handlers before are restored after. Only the main
    thread may set handlers: elsewhere (a test's thread) nothing changes."""

    def __enter__(self) -> None:
        import signal

        self.before = {}
        try:
            for number in (signal.SIGTERM, signal.SIGHUP):
                self.before[number] = signal.signal(number, _raise_signalled)
        except ValueError:  # not the main thread
            pass

    def __exit__(self, *exc: object) -> None:
        import signal

        for number, handler in self.before.items():
            signal.signal(number, handler)


def _raise_signalled(number: int, frame: object) -> None:
    raise _Signalled(number)


#: What the QUERY argument may be, said when it is none of them.
_QUERY_KINDS = "give SPARQL text, a .rq file, a saved query's name, or - to read the query from standard input"


def _query(given: str):  # noqa: ANN202  # sparql.query.SavedQuery, imported with the query's modules
    """What QUERY names: ``-`` (or a path to the process's standard input, such as ``/dev/stdin``
    given a pipe) the query on standard input (POSIX's convention), a path to anything but a regular
    file refused naming what it is, otherwise what :func:`sakrad_ld.sparql.query.resolve` reads."""
    import errno
    import os
    import stat

    from .errors import QueryError
    from .sparql.query import SavedQuery, resolve, saved_queries

    if given == "-":
        return _from_standard_input()
    maybe_path = "\n" not in given and 0 < len(given) < 4096 and not given.endswith(".rq")
    if not maybe_path or given in {q.name for q in saved_queries()}:
        return resolve(given)  # a .rq file is read (or refused) there, naming what it is
    try:
        found = os.stat(given)
    except OSError as error:  # no such file (SPARQL text, a saved query's name), or a link to nothing
        if os.path.islink(given):
            raise QueryError(f"QUERY {shown(given)}: a symbolic link to nothing; {_QUERY_KINDS}") from None
        if error.errno == errno.ENAMETOOLONG:  # no file's name: a line of SPARQL text past 255 bytes
            return SavedQuery("query", "query", "", given)
        return resolve(given)
    except ValueError:  # a NUL: no file's name either
        return resolve(given)
    if stat.S_ISREG(found.st_mode):
        return resolve(given)
    if _is_standard_input(found):
        return _from_standard_input()
    kind = "a folder" if stat.S_ISDIR(found.st_mode) else "not a regular file (a FIFO, a device or a socket)"
    raise QueryError(f"QUERY {shown(given)}: this is {kind}, not a query; {_QUERY_KINDS}")


def _is_standard_input(found) -> bool:  # noqa: ANN001  # an os.stat_result
    """Whether ``found`` is the file the process reads as standard input (a pipe, a terminal)."""
    import os

    try:
        ours = os.fstat(0)
    except OSError:  # no standard input
        return False
    return (found.st_dev, found.st_ino) == (ours.st_dev, ours.st_ino)


def _from_standard_input():  # noqa: ANN202  # sparql.query.SavedQuery
    """The query on standard input, at most as long as a query may be, in UTF-8; read as a .rq file
    is (a saved query's header makes it one, with its parameters)."""
    from .errors import QueryError
    from .sparql import query as queries
    from .sparql.limits import MAX_QUERY_BYTES, without_byte_order_mark

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise QueryError("QUERY -: there is no standard input to read the query from; " + _QUERY_KINDS)
    if sys.stdin.isatty():
        print("reading the query from standard input; end it with Ctrl-D", file=sys.stderr, flush=True)
    data = stream.read(MAX_QUERY_BYTES + 1)
    if len(data) > MAX_QUERY_BYTES:
        raise QueryError(
            f"QUERY -: standard input holds more than {MAX_QUERY_BYTES} bytes; queries of up to "
            f"{MAX_QUERY_BYTES} bytes are accepted"
        )
    try:
        text = without_byte_order_mark(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise QueryError(
            f"QUERY -: standard input is not UTF-8 text ({error.reason} at byte {error.start}); give the query in UTF-8"
        ) from None
    if not text.strip():
        raise QueryError("QUERY -: standard input is empty; pipe the query's text into the command")
    if text.startswith("#") and queries._HEADER.match(text.splitlines()[0]):  # as resolve() reads a .rq file
        return queries.parse_saved_query("query", text, "standard input")
    return queries.SavedQuery("query", "query", "", text)


def _query_arguments(p: argparse.ArgumentParser) -> None:
    from .bounded import DEFAULT_MEMORY, DEFAULT_TIMEOUT, MAX_MEMORY, MIN_MEMORY

    p.add_argument(
        "query",
        metavar="QUERY",
        nargs="?",
        help="SPARQL text, a .rq file, a saved query's name, or - to read the query from standard input",
    )
    _release_argument(p, "the release folder")
    from .formats import RESULTS_FORMATS

    names = [f.name for f in RESULTS_FORMATS]
    p.add_argument(
        "--format",
        choices=["table", *names],
        default="table",
        help=f"table for people; {', '.join(names[:-1])} or {names[-1]} (SPARQL results) for programs (default: table)",
    )
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a saved query's parameter (an IRI, or an id such as radda-barnen); repeatable",
    )
    p.add_argument("--list", action="store_true", help="list the saved queries and their parameters")
    p.add_argument(
        "--timeout",
        type=POSITIVE_SECONDS,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds the query may run; past it the query is stopped, exit 2 (default: {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument(
        "--query-memory",
        type=ranged(int, MIN_MEMORY, MAX_MEMORY, "megabytes"),
        default=DEFAULT_MEMORY,
        metavar="MB",
        help="megabytes of address space the query's worker process may use; a query that needs more is "
        f"stopped, exit 2 (default: {DEFAULT_MEMORY})",
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve a release over HTTP: SPARQL endpoint, dereferenceable IRIs, pages and downloads."""
    from .serving.server import create_app, request_once
    from .serving.settings import Settings, setting_fields

    values = {f.name: getattr(args, f.name) for f in setting_fields()}
    values["cors_origins"] = tuple(o.strip() for o in values["cors_origins"].split(",") if o.strip())
    try:
        settings = Settings(**values)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    if args.get == "":  # not "no --get": a script's empty variable must not start a server
        print("error: --get '': the path is empty; expected a path such as / or /id/meeting/<id>", file=sys.stderr)
        return EXIT_ERROR
    app = create_app(Path(args.release), settings)
    if args.get is not None:
        status, headers, body = request_once(app, args.get, args.accept)
        if status >= 300:
            print(f"HTTP {status}", *(f"{k}: {v}" for k, v in headers), sep="\n", file=sys.stderr)
        sys.stdout.buffer.write(body)
        return EXIT_OK if status < 400 else EXIT_INVALID
    problem = cannot_listen(args.host, args.port)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    # the query workers load the release before the server listens: a server whose workers cannot
    # load it would answer every query 503, so it does not start (ReleaseError: exit 2)
    app.state.releases.current.pool.start()
    from .serving.connections import serve

    serve(app, args.host, args.port, settings)
    return EXIT_OK


def cannot_listen(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host``:``port`` (an address that does not resolve, a
    port in use or not allowed), found by binding it once as the server will; None when it can."""
    import socket

    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = found[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server's own socket
            probe.bind(address)
    except (OSError, UnicodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return (
            f"--host {shown(host)} --port {port}: cannot listen there ({shown(reason)}); "
            "give another --port, or an address of this machine as --host"
        )
    return None


def _serve_arguments(p: argparse.ArgumentParser) -> None:
    from .serving.settings import setting_fields

    _release_argument(p, "the release folder")
    p.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=PORT, default=8000, help="the port to listen on (default: 8000)")
    p.add_argument(
        "--get",
        metavar="PATH",
        help="answer one GET of PATH and print it, without a socket (exit 0 for a 2xx or 3xx answer, 1 otherwise)",
    )
    p.add_argument("--accept", metavar="MEDIA_TYPE", help="the Accept header of --get")
    for f in setting_fields():
        default = ",".join(f.default) if isinstance(f.default, tuple) else f.default
        kind = {float: SECONDS, int: COUNT}.get(type(f.default), str)
        p.add_argument(
            "--" + f.name.replace("_", "-"), dest=f.name, type=kind, default=default, help=f.metadata["help"]
        )


def cmd_push(args: argparse.Namespace) -> int:
    """Load a release into an external SPARQL store, replacing its named graph (Graph Store Protocol)."""
    from .sparql.push import push

    result = push(Path(args.release), args.endpoint, args.graph)
    print(
        f"Replaced the graph <{shown(result.graph)}> at {shown(args.endpoint)} with {result.triples} triples "
        f"(HTTP {result.status})"
    )
    return EXIT_OK


#: Every command: name → (function, arguments). The README documents each (a test checks it).
COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], Callable[[argparse.ArgumentParser], None]]] = {
    "build": (
        cmd_build,
        lambda p: (
            p.add_argument(
                "--out",
                default=RELEASE_IN_PROJECT,
                help=f"the release: a link to its folder in OUT.releases/ ({RELEASE_IN_PROJECT.help()})",
            ),
            p.add_argument("--lang", choices=["sv", "en"], default="sv", help="language of messages"),
            p.add_argument(
                "--allow-empty", action="store_true", help="let a release without meetings replace one with meetings"
            ),
            p.add_argument(
                "--cache",
                metavar="DIR",
                help="keep what the build made in DIR (such as .sakrad-cache) and take from it what the inputs "
                "have not changed; the release is the same bytes; safe to delete",
            ),
        ),
    ),
    "validate": (
        cmd_validate,
        lambda p: (
            p.add_argument(
                "--format",
                choices=["text", "turtle", "json"],
                default="text",
                help="text for people, turtle or json for programs (default: text)",
            ),
            p.add_argument("--lang", choices=["sv", "en"], default="sv", help="language of messages"),
            p.add_argument(
                "--engine",
                choices=["sakrad", "pyshacl"],
                default="sakrad",
                help="the SHACL engine: sakrad-ld's own (default) or pySHACL, the reference it is tested against",
            ),
            p.add_argument(
                "--severity",
                choices=["violation", "warning", "info"],
                default="info",
                help="show the findings of this severity and above in text and json (turtle is the whole "
                "SHACL report); the summary counts all (default: info, all findings)",
            ),
        ),
    ),
    "schema": (
        cmd_schema,
        lambda p: (
            p.add_argument(
                "--out",
                default=InProject("schema"),
                help=f"the folder to write to: new, empty or holding only its schemas ({InProject('schema').help()})",
            ),
        ),
    ),
    "links": (cmd_links, _links_arguments),
    "import": (
        cmd_import,
        lambda p: (
            p.add_argument(
                "file",
                metavar="PAGE",
                nargs="?",
                help="a documentation text in the seed's template, or a regeringen.se page (Markdown)",
            ),
            p.add_argument("--listing", metavar="FILE", help="the site's listing (listing.json) with the page's entry"),
            p.add_argument("--pages", metavar="DIR", help="with --listing and --out-dir: draft every page in DIR"),
            p.add_argument("--out-dir", metavar="DIR", help="with --pages: write one draft per meeting here"),
            p.add_argument("--fetch", metavar="URL", help="read the page from this address instead of a file"),
            p.add_argument("--out", metavar="FILE", help="write the draft here (default: print it)"),
            p.add_argument("--force", action="store_true", help="overwrite --out if it exists"),
        ),
    ),
    "diff": (
        cmd_diff,
        lambda p: (
            p.add_argument("old", metavar="OLD_DIR", help="the earlier release folder"),
            p.add_argument("new", metavar="NEW_DIR", help="the later release folder"),
            p.add_argument("--summary", action="store_true", help="print only the one-line summary"),
        ),
    ),
    "export": (
        cmd_export,
        lambda p: (
            _release_argument(p, "the release folder to export"),
            p.add_argument(
                "--out",
                default=InProject("site"),
                help=f"the folder to write the site to ({InProject('site').help()})",
            ),
            p.add_argument(
                "--previous",
                metavar="DIR",
                help="the release before it: the Atom feeds name the sakråd "
                "new or changed since (without it, every sakråd is new)",
            ),
        ),
    ),
    "query": (cmd_query, _query_arguments),
    "serve": (cmd_serve, _serve_arguments),
    "push": (
        cmd_push,
        lambda p: (
            p.add_argument(
                "--endpoint",
                required=True,
                metavar="URL",
                help="the store's SPARQL 1.1 Graph Store endpoint, e.g. http://localhost:7878/store",
            ),
            p.add_argument(
                "--graph",
                metavar="IRI",
                help="the named graph to replace (default: the release's, {base_iri}graph/{version} from its manifest)",
            ),
            _release_argument(p, "the release folder to push"),
        ),
    ),
}


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``command``, only that command's own arguments are declared (every
    command is still listed), which spares a build making the server's options (and importing
    its settings)."""
    top = argparse.ArgumentParser(prog="sakrad-ld", description="Publish sakråd consultations as linked open data.")
    top.add_argument("--version", action="version", version=f"sakrad-ld {__version__}")
    top.add_argument(
        "-C",
        "--project",
        default=".",
        help="the project folder (default: the current folder); the default output and release "
        "folders (dist, site, schema) are in it, a path given to an option is from the current folder",
    )
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (func, arguments) in COMMANDS.items():
        p = sub.add_parser(name, help=(func.__doc__ or "").strip(), description=(func.__doc__ or "").strip())
        if command in (None, name):
            arguments(p)
        p.set_defaults(func=func)
    return top


#: The commands that write files (``links reconcile``: a subcommand by its full name): a refused
#: input says that nothing was written. Every command with ``--out``, ``--out-dir`` or ``--cache``
#: is one (tests/test_safety_overwrite.py reads the parser).
WRITERS = frozenset({"build", "export", "import", "schema", "links reconcile"})


def command_name(args: argparse.Namespace) -> str:
    """The command ``args`` runs, a subcommand with its command: ``build``, ``links reconcile``."""
    sub = getattr(args, "links_command", None)
    return f"{args.command} {sub}" if sub else args.command


def writes(args: argparse.Namespace) -> bool:
    """Whether the command ``args`` runs writes files (:data:`WRITERS`)."""
    return command_name(args) in WRITERS


class _Unparsed(Exception):
    pass


class _Peek(argparse.ArgumentParser):
    """A parser that neither prints nor exits: what :func:`_command` reads the command with."""

    def error(self, message: str) -> NoReturn:
        raise _Unparsed(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise _Unparsed(message)


def _command(argv: Sequence[str] | None) -> str | None:
    """The command ``argv`` names, as the whole command line would read it; None when it names
    none or asks for help or the version (then every command's arguments are declared)."""
    top = _Peek(add_help=False)
    top.add_argument("-C", "--project")
    sub = top.add_subparsers(dest="command")
    for name in COMMANDS:
        sub.add_parser(name, add_help=False)
    try:
        args, rest = top.parse_known_args(argv)
    except _Unparsed:
        return None
    return None if {"-h", "--help", "--version"} & set(rest) else args.command


def _leave(code: int) -> None:
    """Ends the process at once, once the release is published and everything said is flushed:
    tearing down a large build's objects one by one took seconds (docs/performance.md) and has
    nothing left to do. Only from the command line (``main()`` without arguments)."""
    import os

    if "logging" in sys.modules:  # its handlers flushed, if anything imported it (a build does not)
        sys.modules["logging"].shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


#: What an error message may hold unescaped: its own line breaks and tabs (a file name's are escaped
#: where it is named, :class:`sakrad_ld.errors.Where`); any other control character is shown escaped.
_LINES = "\n\t"


#: The options whose text goes into an HTTP request line or header, or a URL: no control character.
_HEADER_TEXT = ("get", "accept", "endpoint", "graph", "fetch", "host", "cors_origins", "store")


def not_text(argv: Sequence[str]) -> str | None:
    """Why the command line cannot be read, or None: Python hands bytes that are not UTF-8 over as
    lone surrogates, which no file, query or request can hold."""
    for n, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            seen = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            return f"argument {n} ({shown(seen)}) is not UTF-8 text; give it as UTF-8"
    return None


def not_header_text(args: argparse.Namespace) -> str | None:
    """Why an option bound for an HTTP request or a URL cannot be used, or None."""
    for name in _HEADER_TEXT:
        value = getattr(args, name, None)
        if isinstance(value, str) and any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
            option = "--" + name.replace("_", "-")
            return f"{option} {shown(value)}: holds a control character (a line break?); expected one line of text"
    return None


#: The options that name a file or folder, as the command line shows them: each is looked at for a
#: symbolic link that loops before a command runs (:func:`looping_option`).
_PATH_OPTIONS = {
    "project": "-C",
    "out": "--out",
    "out_dir": "--out-dir",
    "release": "--release",
    "previous": "--previous",
    "cache": "--cache",
    "listing": "--listing",
    "pages": "--pages",
    "register": "--register",
    "file": "PAGE",
    "old": "OLD_DIR",
    "new": "NEW_DIR",
}


#: The path options a command writes at, and the bytes a writer may add to their last name: a
#: temporary folder ``.NAME.xxxxxxxx.tmp``, removed as ``.NAME.xxxxxxxx.old.del`` (18), a build's
#: store ``NAME.releases`` (9).
_WRITTEN, WRITTEN_NAME_BYTES = ("out", "out_dir", "cache"), 18

#: The path options naming a release or a project to read, which a link to nothing cannot be: every
#: command says so of the option alike. Any path option with a link to nothing among the folders it
#: lies in is refused too (a write there would make the folders the link names, wherever they are);
#: a written path or a file that is itself such a link is said by its command (replace it, or not).
_READ_FOLDERS = ("project", "release", "previous", "old", "new")


def path_problem(args: argparse.Namespace) -> str | None:
    """Why a path option cannot be used, or None: a symbolic link on its way that loops (Python's
    ``Path.resolve`` raises RuntimeError on it, which every command would otherwise show as a
    traceback), or a name longer than the file system allows (a build's ``--out`` with the
    ``.releases`` of its store), which the OS would answer of a file inside it."""
    from .inputfiles import dangling_problem, loop_problem, looping_link, name_problem

    nothing = "; nothing was written" if writes(args) else ""
    for name, option in _PATH_OPTIONS.items():
        value = getattr(args, name, None)
        for path in value if isinstance(value, list) else [value]:
            if not isinstance(path, str) or not path:
                continue
            too_long = name_problem(Path(path), WRITTEN_NAME_BYTES if name in _WRITTEN else 0)
            if too_long is not None:
                return f"{option} {shown(path)}: {too_long}{nothing}"
            if looping_link(Path(path)) is not None:
                return loop_problem(Path(path), option) + nothing
            dangling = dangling_problem(Path(path), option, itself=name in _READ_FOLDERS)
            if dangling is not None:
                return dangling + nothing
    return None


#: The error handler of standard output and error (:func:`tolerant_streams`), and how many characters
#: of standard output it has written as escapes.
_ESCAPING, _escaped = "sakrad-ld-escape", {"stdout": 0}


def _escape(error: UnicodeError) -> tuple[bytes, int]:
    """A character the stream's encoding lacks as an escape (``å`` → ``\\xe5``), as ``backslashreplace``
    does, counted; a byte that was not UTF-8 where it was read (a lone surrogate, as Python's
    ``surrogateescape`` hands it over) as that byte again."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    char = error.object[error.start]
    if 0xDC80 <= ord(char) <= 0xDCFF:
        return bytes([ord(char) - 0xDC00]), error.start + 1
    _escaped["stdout"] += 1
    code = ord(char)
    escape = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    return escape.encode("ascii"), error.start + 1


def tolerant_streams() -> None:
    """Standard output and error that never fail on a character their encoding lacks (an ASCII or
    Latin-1 terminal, ``PYTHONIOENCODING=ascii``, ``LC_ALL=C`` without UTF-8 mode): it is written as an
    escape, and of standard output :func:`escaped_warning` says so once the command is done. A stream
    that already escapes (standard error's ``backslashreplace``, Python's default) is left as it is."""
    import codecs

    try:
        codecs.lookup_error(_ESCAPING)
    except LookupError:
        codecs.register_error(_ESCAPING, _escape)
    for stream, errors in ((sys.stdout, _ESCAPING), (sys.stderr, "backslashreplace")):
        if getattr(stream, "errors", None) in ("strict", "surrogateescape"):
            try:
                stream.reconfigure(errors=errors)  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):  # not a TextIOWrapper (a test's StringIO), or closed
                pass


def escaped_warning() -> None:
    """Says on standard error how many characters of standard output were written as escapes, if any:
    the output is then not the text itself, which a program reading it should know."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return
    count, _escaped["stdout"] = _escaped["stdout"], 0
    if count:
        encoding = getattr(sys.stdout, "encoding", "?")
        print(
            f"warning: standard output's encoding ({encoding}) lacks {count} character(s) of the output, written as "
            "\\x, \\u or \\U escapes; for the text itself, use a UTF-8 locale or set PYTHONIOENCODING=utf-8",
            file=sys.stderr,
        )


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: runs the command ``argv`` (default: the process's arguments) names and gives
    its exit code; Ctrl-C (SIGINT) at any point ends it with 130, as a shell does."""
    tolerant_streams()
    try:
        code = _main(argv)
        escaped_warning()
    except KeyboardInterrupt:
        if argv is None and _waited_for():
            _leave(EXIT_INTERRUPTED)
        return EXIT_INTERRUPTED
    return code


def _waited_for() -> bool:
    """Whether a thread besides this one still runs, which the interpreter may wait for at exit (a
    thread pool's worker that a command left at Ctrl-C, still given seconds by its request's
    timeout: ``concurrent.futures`` joins its workers at exit, daemons or not)."""
    import threading

    return any(t.is_alive() for t in threading.enumerate() if t is not threading.current_thread())


def _main(argv: Sequence[str] | None) -> int:
    problem = not_text(sys.argv[1:] if argv is None else argv)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    try:
        args = in_project(parser(_command(argv)).parse_args(argv))
    except SystemExit as exit:  # argparse exits 2 on usage errors and 0 on --help
        return int(exit.code or 0)
    problem = not_header_text(args) or path_problem(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    try:
        code = int(args.func(args))
        if argv is None and args.func is cmd_build:
            escaped_warning()
            _leave(code)
        return code
    except InputError as refused:  # one, or every one a pass found (InputErrors)
        found = refused.errors if isinstance(refused, InputErrors) else [refused]
        for error in found:
            print(f"error: {shown(str(error), keep=_LINES)}", file=sys.stderr)
        print(
            f"{len(found)} problem(s) in the input" + ("; nothing was written." if writes(args) else "."),
            file=sys.stderr,
        )
        return EXIT_ERROR
    except SakradError as error:
        print(f"error: {shown(str(error), keep=_LINES)}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:  # the file system said no: where, and what it said
        where = f"{shown(str(error.filename))}: " if error.filename else ""
        print(f"error: {where}{shown(str(error.strerror or error), keep=_LINES)}", file=sys.stderr)
        return EXIT_ERROR
    except RuntimeError as error:  # Path.resolve() on a link that loops, met past path_problem()
        if not str(error).startswith("Symlink loop from "):
            raise
        where = str(error).removeprefix("Symlink loop from ").strip("'\"")
        print(
            f"error: {shown(where)}: a symbolic link on its way loops, leading back to itself; expected a "
            "folder or a file, or a link that leads to one" + ("; nothing was written" if writes(args) else ""),
            file=sys.stderr,
        )
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
