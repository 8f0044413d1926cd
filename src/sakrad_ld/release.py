"""Builds a release: load, build, validate, then write every file, or nothing at all.

Files are written into a temporary folder and published by one atomic switch only when all of
them are written (:class:`sakrad_ld.folders.ReleaseFolders`: ``dist`` is a link to
``dist.releases/<name>/``), so a failed or killed build leaves the previous release exactly as it
was. Builds into one folder take turns. A release without meetings does not replace one with
meetings unless asked to. Nothing in a release depends on the clock or on chance: the same input
gives byte-identical files.

Layout of a release::

    sakrad.ttl  sakrad.nt  sakrad.jsonld   the whole graph
    context.jsonld                         the JSON-LD context (each .jsonld file holds the part it uses)
    meetings/<id>.ttl  meetings/<id>.jsonld  one document per meeting
    ontology/  shapes/  schema/            the vocabulary, the shapes, the YAML's JSON Schemas
    validation/report.ttl  report.json     the SHACL report of the release (warnings included)
    catalog.ttl  catalog.rdf               DCAT-AP catalogue with VoID, PROV and DQV (docs/catalogue.md)
    sources/                               the texts kept beside the data for sources (``file:``)
    manifest.json                          what the release is: base IRI, version, graph, files (sakrad_ld.manifest)
    SHA256SUMS                             a checksum for every other file

Which formats the graph and the meetings are written in is the format table's to say
(:data:`sakrad_ld.formats.FORMATS`, each entry's ``release``), and each is written by its writer.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import json
import math
import os
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .corpus import Loading, load_corpus, start_loading
from .errors import InputError, ReleaseError, SakradError, Where
from .folders import CacheFolder, Kept, ReleaseFolders, intact, store_holding, store_link
from .inputfiles import name_problem, read_input, resolved
from .layout import CHECKSUMS, CONTEXT_FILE, DATA_STEM, MANIFEST_FILE
from .processes import Prepared, cores, idle_cores, in_background, in_processes, prepared
from .project import Project

# The rest is imported where it is used: a build imports it while another process reads the data
# (corpus.start_loading), and the graph and validation modules before the writers.
if TYPE_CHECKING:
    import pyoxigraph as ox

    from .catalogue.dcat import Catalogue, Finished
    from .graph import Built
    from .manifest import Manifest
    from .records import Corpus, Meeting
    from .shacl.report import Finding
    from .triples import IndexStore
    from .validate import ValidationReport
    from .withdrawn import Withdrawal

__all__ = ["BuildResult", "Stage", "build", "checksums", "write_release"]

#: Meetings from which the quads, the tables and the meetings' files are made in processes beside
#: the build's (up to one per core; on a busy machine one per SMALL_CORPUS meetings). Below it they
#: are made here whatever is idle: a forked writer copies every page of the graph it reads (Python
#: writes each object's reference count), which cost about 60 ms of CPU for the second half of 28
#: meetings' files (about 40 ms of work) and 15–25 ms each for the quads and the tables (about
#: 20 ms of work each): more than it took off the build's wall time (docs/performance.md).
SMALL_CORPUS = 100

#: A progress callback: (stage name, items done, items in all).
Stage = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the validation report, the release folder (if written), how many
    meetings and triples the graph has, and the graph itself, unless the build found its release
    already made from the same inputs (``corpus`` and ``built`` are then None: nothing was loaded)."""

    report: ValidationReport
    out: Path | None
    meetings: int
    triples: int
    corpus: Corpus | None = None
    built: Built | None = None
    #: whether this build published a release; False when ``out`` already named the one its inputs make
    wrote: bool = False
    #: the load warnings (:func:`sakrad_ld.dated.load_warnings`) of ``corpus``, found beside the build
    cautions: Prepared[list[tuple]] | None = field(default=None, repr=False, compare=False)

    def load_warnings(self) -> list[InputError]:
        """What :func:`sakrad_ld.dated.load_warnings` gives for ``corpus`` (empty without one): found
        in a process beside the build while it built, validated and wrote (on an idle core), or here."""
        if self.corpus is None:
            return []
        if self.cautions is not None:
            try:
                return [InputError(*args) for args in self.cautions.result()]
            except ChildProcessError:  # the process beside the build died (killed, out of memory): here instead
                pass
        from .dated import load_warnings

        return load_warnings(self.corpus)


def _quiet(stage: str, done: int, total: int) -> None:
    return None


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Runs the block with CPython's cycle collector paused. Each full collection walks every live
    object, and a build keeps millions of them (the triples) while making no cycles worth
    collecting: with the collector running, building 10,000 meetings' graph took 34 s instead of
    23 s, and the cost grew faster than the corpus (docs/performance.md)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def build(project: Project, progress: Stage = _quiet, engine: str = "sakrad") -> tuple[Corpus, Built, ValidationReport]:
    """Loads, builds and validates the project's data (with the SHACL ``engine``, one of
    :data:`sakrad_ld.validate.ENGINES`); raises InputError on bad input. The facts' places
    (``built.origins.facts``) are let go once the report has placed its findings."""
    with _cycle_collector_paused():
        return _build(project, progress, engine)


def _build(
    project: Project,
    progress: Stage,
    engine: str,
    loading: Loading | None = None,
    loaded: Callable[[Corpus], None] | None = None,
) -> tuple[Corpus, Built, ValidationReport]:
    from .graph import build_graph, role_scheme_graph
    from .validate import load_shapes, validate

    progress("load", 0, 1)
    corpus = loading.corpus(progress) if loading is not None else load_corpus(project.data, progress)
    if loaded is not None:
        loaded(corpus)
    progress("graph", 0, len(corpus.meetings))
    built = build_graph(corpus, progress, alongside=role_scheme_graph(project.ontology))
    _withdrawn(project, corpus, built)  # refused before validation: an IRI withdrawn and minted at once
    progress("validate", 0, 1)
    report = validate(built.triples, load_shapes([project.shapes]), built.origins, engine=engine)
    built.origins.facts.clear()  # the places of the facts are in the report now; nothing else reads them
    _return_freed_memory()
    return corpus, built, report


def _return_freed_memory() -> None:
    """Gives the memory the C heap holds free back to the system (glibc ``malloc_trim``). Validation
    frees the stores it queried, but the heap keeps their pages, which the rest of the build would
    otherwise carry (about 300 MB at 3,000 meetings when measured, before the stores held only what
    their queries read; docs/performance.md). Does nothing elsewhere."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def write_release(
    project: Project,
    out: Path,
    progress: Stage = _quiet,
    workers: int | None = None,
    *,
    allow_empty: bool = False,
    waiting: Callable[[str], None] | None = None,
    cache: Path | None = None,
    warnings_beside: bool = False,
) -> BuildResult:
    """Builds the release and publishes it at ``out`` (a link to the release's folder). If the data
    has a violation, nothing is written. The meetings' documents are written by up to ``workers``
    processes (default: one per core); the files are the same however many there are.

    A release without meetings replaces one with meetings only with ``allow_empty``. While another
    build writes into ``out``, ``waiting`` hears why this one waits. Raises ReleaseError when the
    release cannot be written (the message names the path); ``out`` is then unchanged.

    With ``cache`` (a folder, such as :meth:`CacheFolder.beside` ``out``), the files a build made
    are kept there under the digest of everything they were made from, and the next build takes a
    file from it instead of making it again when those inputs are the same (each meeting's
    documents and picture; each data file's parsed record, and which meetings passed the load checks
    of one meeting with the same shared inputs, :mod:`sakrad_ld.loadcache`): the release, or the
    errors, are byte-identical to those of a build without it. The cache also
    records which release the project's files (``data/``, ``ontology/``, ``shapes/``) made, and
    what its validation found: when they and the code are unchanged and ``out`` still names that
    release, nothing is loaded, validated or written, and the result gives the recorded report
    (``corpus`` and ``built`` are None). With ``warnings_beside``, the corpus's load warnings
    (:meth:`BuildResult.load_warnings`, which the caller must then ask for) are found in a process
    beside the build, when a core is idle. A cache written by other code is never read; what the
    build did not use is removed from it."""
    check_places(project, out, cache)
    started = CacheFolder.now()
    kept = CacheFolder(cache, _code_digest()) if cache is not None else None
    inputs = _inputs_digest(project) if kept is not None else ""
    made = kept.key("release", inputs) if kept is not None else ""
    reported = kept.key("report", inputs) if kept is not None else ""  # what its validation found
    # what the cache says of the release these inputs made: when its build started, its checksums
    since, recorded = _record(kept.get(made)) if kept is not None else (0.0, None)
    # whether ``out`` names the release these inputs made, as the cache recorded it (checked again in turn)
    unchanged = recorded is not None and _checksums_at(out) == recorded
    if kept is not None and unchanged:
        known = _made_before(kept, reported, recorded, out, waiting, project)
        if known is not None:
            kept.prune(since)
            return known
    # While this process imports what it needs next and builds and validates the graph, one
    # process reads the data, then another compiles the DCAT-AP shapes, on the core that would be
    # idle; the catalogue is checked and written there once it is made (the shapes are not
    # compiled at all when nothing will be written). They pay only on an idle core: without a
    # given number of workers, they are started only when a core is idle now; on a busy machine
    # they only add work. (Each does more work beside the build than its fork costs, unlike the
    # writers of a small corpus's quads, tables and meetings' files: SMALL_CORPUS.)
    given = workers is not None
    workers = workers if workers is not None else cores()
    helpers = workers > 1 and (given or idle_cores() > 0)
    loading = start_loading(project.data, fork=helpers, cache=kept)
    from .catalogue.dcat import finish
    from .catalogue.dcat_ap import prepare_checks

    checker = prepared(prepare_checks, lambda _, data: finish(data), fork=helpers and not unchanged)
    if helpers:  # this process would wait for the data meanwhile: it imports what writing the files needs
        _import_writers()
    cautions: list[Prepared[list[tuple]]] = []

    def caution(corpus: Corpus) -> None:
        """Starts finding the load warnings, which the build does not read, beside it on an idle core."""
        if helpers and warnings_beside:
            cautions.append(prepared(partial(_load_warnings, corpus), lambda found, _: found))
            cautions[0].give(b"")

    try:
        with _cycle_collector_paused():
            corpus, built, report = _build(project, progress, "sakrad", loading, caution)
            if not report.conforms:
                for later in cautions:
                    later.stop()
                return _result(corpus, built, report, None)
            out = _absolute(out)
            with _turn_at(out, waiting) as (folders, current):
                _refuse_emptying(out, current, corpus, allow_empty)
                if (
                    recorded is not None
                    and current is not None
                    and _checksums_at(current) == recorded
                    and intact(current, MANIFEST_FILE)  # and as that build left it
                    and _inputs_digest(project) == inputs  # not changed while it was loaded
                ):  # ``out`` is what these inputs make: the cache keeps what its build used
                    assert kept is not None
                    kept.put(reported, _report_record(report, corpus, built, project))
                    kept.prune(since)
                    return _result(corpus, built, report, out, wrote=False, cautions=cautions)
                with folders.new() as tmp:
                    try:
                        _write_files(
                            project, tmp, corpus, built, report, progress, workers, kept, checker, helpers, current
                        )
                    except BaseException:
                        # ended before the folder is removed: the checker writes the catalogue's files into it
                        checker.stop()
                        raise
                    folder = folders.publish(tmp)
                    if kept is not None:
                        if _inputs_digest(project) == inputs:  # not changed while it was built
                            kept.put(made, f"{started!r}\n".encode() + (folder / CHECKSUMS).read_bytes())
                            kept.put(reported, _report_record(report, corpus, built, project))
                        kept.prune(started)
    except BaseException:
        for later in cautions:
            later.stop()
        raise
    finally:
        checker.stop()
        loading.stop()
    return _result(corpus, built, report, out, wrote=True, cautions=cautions)


def _result(
    corpus: Corpus,
    built: Built,
    report: ValidationReport,
    out: Path | None,
    wrote: bool = False,
    cautions: list[Prepared[list[tuple]]] | None = None,
) -> BuildResult:
    later = cautions[0] if cautions else None
    return BuildResult(report, out, len(corpus.meetings), len(built.triples), corpus, built, wrote, later)


def _load_warnings(corpus: Corpus) -> list[tuple]:
    """The load warnings of ``corpus`` in a form that pickles (an InputError does not)."""
    from .dated import load_warnings

    return [(e.where, e.problem, e.expected, e.hint) for e in load_warnings(corpus)]


def _made_before(
    kept: CacheFolder,
    reported: str,
    recorded: bytes,
    out: Path,
    waiting: Callable[[str], None] | None,
    project: Project,
) -> BuildResult | None:
    """The result of the build that made the release ``out`` names, when the cache recorded that
    these inputs made it (``recorded``, its checksums) and what its validation found: nothing is
    loaded, validated or written. None when the cache has no such report, or when, once it is this
    build's turn to write into ``out``, ``out`` names another release."""
    from .validate import ValidationReport

    data = kept.get(reported)
    if data is None:
        return None
    try:
        from .shacl.report import Finding

        doc = json.loads(data)
        findings = tuple(_in_project(Finding.from_json(f), project) for f in doc["findings"])
        meetings, triples = doc["meetings"], doc["triples"]
        if not all(isinstance(n, int) and n >= 0 for n in (meetings, triples)):
            return None
    # not a record this code wrote (another code's, a damaged or hostile file): built as if missing
    except (ValueError, KeyError, TypeError, OverflowError, RecursionError):
        return None
    out = _absolute(out)
    with _turn_at(out, waiting) as (_, current):
        # the release it names must also be as that build left it (a file changed, removed or
        # added since is built again, and the fresh release takes its place)
        if current is None or _checksums_at(current) != recorded or not intact(current, MANIFEST_FILE):
            return None
    return BuildResult(ValidationReport(findings), out, meetings, triples)


def _in_project(finding: Finding, project: Project) -> Finding:
    """``finding`` with its file, recorded relative to the project, named as this build names the project."""
    if finding.where is None:
        return finding
    return replace(finding, where=replace(finding.where, file=project.root / finding.where.file))


@contextmanager
def _turn_at(out: Path, waiting: Callable[[str], None] | None) -> Iterator[tuple[ReleaseFolders, Path | None]]:
    """This build's turn to write into ``out`` (absolute; builds into one folder take turns): its
    folders, cleaned of what killed builds left, and the release ``out`` names now (a foreign
    folder is refused). Every file-system error in the block is said with its path, without a
    traceback: ``out`` is then unchanged."""
    folders = ReleaseFolders(out)
    try:
        with folders.locked(waiting):
            folders.clean()
            yield folders, folders.current()
    except OSError as error:
        where = error.filename or out
        raise ReleaseError(f"{where}: {error.strerror or error}; the release at {out} was not changed") from None


def _report_record(report: ValidationReport, corpus: Corpus, built: Built, project: Project) -> bytes:
    """What :func:`_made_before` reads back: the validation's findings (each file relative to the
    project, :func:`_project_path`, as the next build may name the project otherwise) and the graph's size."""
    findings = [f.as_json() for f in report.findings]
    for finding in findings:
        if finding["file"]:
            finding["file"] = _project_path(finding["file"], project.root)
    doc = {"meetings": len(corpus.meetings), "triples": len(built.triples), "findings": findings}
    return json.dumps(doc, ensure_ascii=False).encode()


def _record(data: bytes | None) -> tuple[float, bytes | None]:
    """A cached record of a release: when the build that made it started, and its checksum file."""
    if data is None or b"\n" not in data:
        return 0.0, None
    when, sums = data.split(b"\n", 1)
    try:
        started = float(when)
    except ValueError:
        return 0.0, None
    return (started, sums) if math.isfinite(started) else (0.0, None)


def _checksums_at(release: Path) -> bytes | None:
    """The checksum file of the release at ``release``, or None."""
    try:
        return (release / CHECKSUMS).read_bytes()
    except OSError:
        return None


def _absolute(out: Path) -> Path:
    """``out`` made absolute without following it: ``out`` itself is the link that is replaced."""
    out = Path(os.path.abspath(out))
    return resolved(out.parent, "--out") / out.name


def check_places(project: Project, out: Path, cache: Path | None) -> None:
    """An error naming ``--out`` or ``--cache``, before anything is made, where a build must not
    write: the rule of every command that writes (:func:`sakrad_ld.importer.written.check_out`: never
    the root or the home folder, the project, its ``data/``, ``ontology/`` or ``shapes/``, nor into a
    release or an export elsewhere, ``out`` itself may be a release) and the build's own.

    ``out`` may not be nor lie inside a store of releases (``dist.releases``, the folder the link
    ``dist`` leads to among them: publishing there would move the release from under its link, and
    the next build into ``dist`` remove it); its store may not be a link or a file; ``out`` may not
    be a file nor a folder that is not a release (:meth:`ReleaseFolders.current`). ``cache`` may
    not be, hold nor lie inside ``out`` (the link or the release it leads to) or its store, and
    must be a folder a file can be written into (made here when missing, the only change), holding
    only a cache's files (:meth:`CacheFolder.unusable`). The error is a ReleaseError."""
    try:
        for given, flag in ((out, "--out"), (cache, "--cache")):
            if given is not None:
                resolved(given, flag)  # a link on its way that loops is named with its option
        _check_out(project, out)
        if cache is not None:
            _check_cache(project, out, cache)
    except ReleaseError:
        raise
    except SakradError as error:  # importer.written's rule says it as every command's refusal
        said = str(error)
        raise ReleaseError(said if "nothing was written" in said else f"{said}; nothing was written") from None


def _check_out(project: Project, out: Path) -> None:
    from .importer.written import check_out, refused, writers_places

    too_long = name_problem(out, len(".releases"))  # the store's name, <out>.releases, must fit too
    if too_long is not None:
        raise refused("--out", out, too_long, "give a shorter --out")
    store = store_holding(out)
    if store is not None:
        link = store_link(store)
        where = "is" if _absolute(out) == store or Path(os.path.abspath(out)) == store else "lies inside"
        problem = f"this folder {where} {store}, the store of the releases"
        problem += f" the link {link} leads to" if link is not None else ""
        advice = f"give --out {link}, the link, instead" if link is not None else "give another --out"
        raise refused("--out", out, f"{problem} (a build there would take the release from under its link)", advice)
    check_out(
        "--out",
        out,
        writers_places(project.root, release=False),
        own="release",
        advice="give --out a folder of its own outside data/, ontology/ and shapes/, such as dist",
    )
    folders = ReleaseFolders(_absolute(out))
    problem = folders.unusable_store()
    if problem is not None:
        raise refused(
            "--out", out, f"its store of releases {folders.store} is {problem}", "remove it, or give another --out"
        )
    folders.current()  # a file, or a folder that is not a release, is refused


def _check_cache(project: Project, out: Path, cache: Path) -> None:
    from .importer.written import check_out, refused, writers_places

    place = _absolute(out)
    store = ReleaseFolders(place).store
    builds = [Kept(place, "the release --out"), Kept(store, f"{store.name}/, the store of --out")]
    advice = f"give --cache a folder of its own, such as {CacheFolder.beside(place)}"
    check_out("--cache", cache, [*builds, *writers_places(project.root)], advice=advice)
    problem = CacheFolder.unusable(resolved(Path(os.path.abspath(cache)), "--cache"))
    if problem:
        raise refused("--cache", cache, problem, "give --cache a folder it can write into")


def _refuse_emptying(out: Path, current: Path | None, corpus: Corpus, allow_empty: bool) -> None:
    if corpus.meetings or allow_empty or current is None:
        return
    meetings = current / "meetings"
    held = len({p.stem for p in meetings.iterdir()}) if meetings.is_dir() else 0
    if held:
        raise ReleaseError(
            f"the data has no meetings, and the release at {out} has {held}: nothing was "
            "written (give --allow-empty to publish a release without meetings)"
        )


def _import_writers() -> None:
    """Imports the modules :func:`_write_files` and :func:`_write_graph_files` use (about 25 ms), while
    another process reads the data (:func:`sakrad_ld.corpus.start_loading`) and this one would
    otherwise wait for it."""
    from . import documents, formats, jsonld, manifest, quads, serialize, tables, writers  # noqa: F401
    from .catalogue import dcat  # noqa: F401
    from .graph import build_graph  # noqa: F401
    from .validate import validate  # noqa: F401
    from .web import diagrams, labels, meeting  # noqa: F401


def _write_files(
    project: Project,
    root: Path,
    corpus: Corpus,
    built: Built,
    report: ValidationReport,
    progress: Stage,
    workers: int,
    cache: CacheFolder | None,
    checker: Prepared[Finished],
    helpers: bool = True,
    previous: Path | None = None,
) -> None:
    import pyoxigraph as ox

    from .catalogue.dcat import accept_catalogue, make_catalogue, release_files, to_finish
    from .documents import document_bytes, document_triples
    from .formats import FORMATS, RELEASE_GRAPH, RELEASE_MEETINGS
    from .manifest import make_manifest
    from .quads import write_quad_files
    from .tables import table_files
    from .web.diagrams import LANGUAGES, draw_chart, meeting_file, meeting_svg
    from .web.labels import Labeller
    from .web.meeting import meeting_facts
    from .withdrawn import DATA_FILE as WITHDRAWN_FILE
    from .withdrawn import RELEASE_FILE as WITHDRAWN_RELEASE_FILE
    from .withdrawn import release_bytes as withdrawn_bytes

    written: dict[str, tuple[int, str]] = {}  # the size and SHA-256 of each file put, for the manifest
    folders: set[Path] = set()

    def at(rel: str) -> Path:
        """The path of ``rel`` in the new release, its folder made."""
        path = root / rel
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        return path

    def put(rel: str, data: bytes, digest: str | None = None) -> None:
        _write_new(at(rel), data)
        written[rel] = (len(data), digest or hashlib.sha256(data).hexdigest())

    # with a cache, a meeting's file with the bytes the previous release holds under its path is a
    # hard link to that file (docs/performance.md, "Incremental builds", step 5)
    unchanged = _PreviousFiles(previous) if cache is not None and previous is not None else None

    def place(rel: str, data: bytes) -> None:
        """Puts ``data`` at ``rel``, as a link to the previous release's file when that holds these bytes."""
        digest = hashlib.sha256(data).hexdigest()
        if unchanged is not None and unchanged.link(rel, len(data), digest, at(rel)):
            written[rel] = (len(data), digest)
        else:
            put(rel, data, digest)

    def quads() -> None:  # the graph by source document
        write_quad_files(built.quads, root)

    def tables() -> None:  # the tables for spreadsheets (docs/tables.md), before the catalogue
        licence, rights = corpus.config.licence, corpus.config.rights
        said = {"sv": rights.sv, **({"en": rights.en} if rights.en else {})} if rights else None
        for rel, data in table_files(built.triples, built.minter.base, licence, said).items():
            put(rel, data)

    # The quads and the tables are made in processes beside this one while it writes the whole
    # graph (each reads the graph in memory and writes files of its own; docs/performance.md), from
    # SMALL_CORPUS meetings up to a million triples: a forked reader copies each page of the graph
    # it reads (Python writes every object's reference count), so a larger graph's are made here
    # first, one at a time, and a small one's here too, where the fork costs more than the work.
    small = len(corpus.meetings) < SMALL_CORPUS
    fork = workers > 1 and len(built.triples) < 1_000_000 and not small
    progress("write", 0, sum(RELEASE_GRAPH in f.release for f in FORMATS))  # with the quads and tables
    beside = [in_background(quads, fork=fork), in_background(tables, fork=fork)]
    built.quads = []  # written (or being written by a process that has its own copy): not needed here
    try:
        _write_graph_files(project, root, built, report, progress, put)
        _write_kept_copies(corpus, put)
        withdrawn = _withdrawn(project, corpus, built)
        if withdrawn or (project.data / WITHDRAWN_FILE).exists():  # the IRIs answered 410 Gone
            put(WITHDRAWN_RELEASE_FILE, withdrawn_bytes(withdrawn, built.minter.base))
        for work in beside:
            work.wait()
    finally:
        for work in beside:
            work.stop()
    progress("catalogue", 0, 1)
    described = release_files(root)  # read once: the catalogue's digests, and the manifest's for these files
    catalogue = make_catalogue(project, corpus, built, report, described)
    # written and checked beside the meetings' files (by the process that compiled the shapes);
    # accepted before the checksums, so a catalogue that breaks DCAT-AP is never published
    checker.give((catalogue, root) if checker.here else to_finish(catalogue, root))  # type: ignore[arg-type]
    # The release as the server opens it (the graph, the ontology, the catalogue), read from the
    # triples in memory rather than loaded back from the files just written: the pictures are drawn
    # from it, and each meeting's document is the one the server and the static site give for it
    # (sakrad_ld.documents; tests/test_release_identical.py holds the bytes).
    store = _release_store(project, built, catalogue)
    forms = [f for f in FORMATS if RELEASE_MEETINGS in f.release]
    base, labels = built.minter.base, Labeller(store)
    known: dict = {}  # what each linked resource adds to a document, read once (documents.document_triples)

    def kept(key: tuple[str | bytes, ...], make: Callable[[], bytes]) -> bytes:
        """What ``make`` gives, taken from the cache when it holds what the same ``key`` named."""
        if cache is None:
            return make()
        name = cache.key(*key)
        data = cache.get(name)
        if data is None:
            cache.put(name, data := make())
        return data

    def meeting_files(meeting: Meeting) -> dict[str, tuple[int, str]]:
        """Writes a meeting's documents and picture; their sizes and digests by path."""
        iri = built.minter.thing("meeting", meeting.id).value
        triples = document_triples(store, iri, known)
        # a document is made of its triples alone, a picture of the facts read for it: their
        # digests name the files in the cache (a changed organisation changes exactly the
        # documents and pictures that show it); without a cache neither is spelled out
        said = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if cache is not None else b""
        files = {}
        for form in forms:
            made = partial(document_bytes, triples, form, iri)
            files[f"meetings/{meeting.id}{form.suffix}"] = kept(("document", form.name, iri, said), made)
        facts = meeting_facts(store, iri, labels)
        shown = repr(facts) if cache is not None else ""
        for lang in LANGUAGES:  # a picture per language of the pages
            files[meeting_file(iri, lang)] = kept(
                ("picture", lang, iri, base, shown),
                lambda lang=lang: meeting_svg(store, iri, base, facts, lang, labels).encode(),
            )
        for rel, data in files.items():
            place(rel, data)
        return {rel: written[rel] for rel in files}

    # none for a small corpus; from SMALL_CORPUS meetings on, one per core where one is idle (``helpers``),
    # else one per SMALL_CORPUS meetings
    shared = 1 if small else workers if helpers else min(workers, len(corpus.meetings) // SMALL_CORPUS)
    made = in_processes(corpus.meetings, meeting_files, shared, lambda done, total: progress("meetings", done, total))
    for digests in made:
        written.update(digests)
    draw_chart(store, base, put)
    checked, catalogue_files = checker.result()
    accept_catalogue(checked, corpus.config, project)  # raises if DCAT-AP is broken
    written.update(catalogue_files)
    progress("checksums", 0, 1)
    known_digests = {**written, **{f.path: (f.size, f.sha256) for f in described}}
    manifest = make_manifest(root, base, corpus.config.version, known_digests)
    put(MANIFEST_FILE, manifest.to_json())
    put(CHECKSUMS, _checksums_of(manifest, written[MANIFEST_FILE][1]))


def _write_new(path: Path, data: bytes) -> None:
    """Writes ``data`` into a new file at ``path``: a file already there is unlinked first, never
    written into, as it may be a link to a file of a published release (:class:`_PreviousFiles`)."""
    try:
        file = open(path, "xb")  # noqa: SIM115 (closed below)
    except FileExistsError:
        os.unlink(path)
        file = open(path, "xb")  # noqa: SIM115
    with file:
        file.write(data)


class _PreviousFiles:
    """The files of the release a build replaces, as its checksum file records them, to link a new
    release's file to when it has the same bytes. A release is never written into once published
    (a build writes a new folder; :func:`_write_new`), so its file and the link share those bytes;
    a file whose SHA-256 or size differs from what the new file's is, or that is not a regular file,
    or that was modified after the release's checksum file was written (changed by hand), is never
    linked: the new file is written instead, as it is when the link fails (another file system,
    too many links)."""

    def __init__(self, release: Path) -> None:
        self.release = release
        self.sums: dict[str, str] = {}
        try:
            status = os.stat(release / CHECKSUMS)
            text = (release / CHECKSUMS).read_bytes().decode()
        except (OSError, UnicodeDecodeError):
            self.until = -1
            return
        self.until = status.st_mtime_ns  # when its last file was written
        for line in text.splitlines():
            digest, sep, rel = line.partition("  ")
            if sep:
                self.sums[rel] = digest

    def link(self, rel: str, size: int, digest: str, path: Path) -> bool:
        """Whether ``path`` was made a link to the previous release's ``rel``, which holds ``size``
        bytes of SHA-256 ``digest``."""
        if self.sums.get(rel) != digest:
            return False
        source = self.release / rel
        try:
            status = os.lstat(source)
            if not stat.S_ISREG(status.st_mode) or status.st_size != size or status.st_mtime_ns > self.until:
                return False
            os.link(source, path)
        except OSError:
            return False
        return True


def _write_graph_files(
    project: Project,
    root: Path,
    built: Built,
    report: ValidationReport,
    progress: Stage,
    put: Callable[[str, bytes], None],
) -> None:
    """The whole graph in every format, the context, the ontology, the shapes, the schemas and the
    validation report."""
    from .corpus import schema_files
    from .formats import FORMATS, RELEASE_GRAPH, by_name, json_bytes
    from .jsonld import context_document
    from .serialize import ReleaseOrder, output_file
    from .writers import write_to

    graph_formats = [f for f in FORMATS if RELEASE_GRAPH in f.release]
    # Each file is written as it is made, never held whole: the triples are sorted once and made
    # for each writer as it reads them; the prefixes the others declare are those the N-Triples
    # hold, worked out from the index's terms (docs/performance.md).
    ordered = ReleaseOrder(built.triples)
    nt = by_name("ntriples")
    with output_file(root / f"{DATA_STEM}{nt.suffix}") as file:
        write_to(nt, ordered, file)
    ntriples = ordered.namespaces()  # the namespaces the N-Triples hold, from the index's terms
    for n, form in enumerate(graph_formats, start=1):
        if form.name != nt.name:
            with output_file(root / f"{DATA_STEM}{form.suffix}") as output:
                write_to(form, ordered, output, ntriples=ntriples)
        progress("write", n, len(graph_formats))
    put(CONTEXT_FILE, json_bytes(context_document()))
    for folder in (project.ontology, project.shapes):
        for file in sorted(folder.glob("*.ttl")):
            put(f"{folder.name}/{file.name}", read_input(file, root=folder, expected="a Turtle file"))
    for name, data in schema_files().items():
        put(f"schema/{name}", data)
    put("validation/report.ttl", report.turtle(built.minter.validation_report))
    put("validation/report.json", _relative_report(report, project))


def _withdrawn(project: Project, corpus: Corpus, built: Built) -> list[Withdrawal]:
    """The IRIs ``data/withdrawn.yaml`` lists as withdrawn, checked against what the data mints
    (InputErrors, exit 2: sakrad_ld.withdrawn.check_withdrawn)."""
    import pyoxigraph as ox

    from .withdrawn import check_withdrawn, read_withdrawn

    entries = read_withdrawn(project.data)
    if not entries:
        return entries
    base = built.minter.base
    wanted = {base + e.path(base)[1:] for e in entries} | {
        base + e.replaced_by.removeprefix(base).lstrip("/") for e in entries if e.replaced_by
    }
    minted = {
        term.value
        for triple in built.triples
        for term in (triple[0], triple[2])
        if isinstance(term, ox.NamedNode) and term.value in wanted
    }
    check_withdrawn(entries, base, corpus.config.version, minted)
    return entries


def _write_kept_copies(corpus: Corpus, put: Callable[[str, bytes], None]) -> None:
    """The texts kept beside the data for sources (``file:`` in data/sources.yaml), as loading read and
    checked them (``corpus.copies``), each at the path its source's ``schema:archivedAt`` names
    (:func:`sakrad_ld.layout.kept_copy_path`), so a fact whose source has no web address can still be
    checked against the text."""
    from .layout import kept_copy_path

    for source in corpus.sources:
        if source.file:
            put(kept_copy_path(source.file), corpus.copies[source.id].encode("utf-8"))


#: The distributions whose behaviour shapes what a build makes (parsing YAML, check digits, the
#: store's writers, the templates, the Markdown reader): their versions are part of what made a
#: cached file (:func:`_code_digest`).
CODE_DISTRIBUTIONS = ("pyoxigraph", "pyyaml", "orjson", "python-stdnum", "jinja2", "markdown-it-py", "rdflib")


def _code_digest() -> str:
    """A digest of what made a cached file: the package's own files (code, templates, assets), the
    Python that ran them (its version and its Unicode database's, which decide what a regular
    expression's ``\\w`` and a normalised name are) and the versions of
    :data:`CODE_DISTRIBUTIONS`. Another Python or an upgraded library makes a new cache key, so an
    entry is never reused by code that would not have made it."""
    from importlib import metadata

    versions = []
    for name in CODE_DISTRIBUTIONS:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    made_by = "\n".join([sys.version, f"unicode {unicodedata.unidata_version}", *versions])
    return _folders_digest(Path(__file__).resolve().parent, name=made_by)


def _inputs_digest(project: Project) -> str:
    """A digest of everything a build reads from the project: every file of ``data/``,
    ``ontology/`` and ``shapes/``, and where the project is."""
    return _folders_digest(project.data, project.ontology, project.shapes, name=str(project.root.resolve()))


def _folders_digest(*folders: Path, name: str = "") -> str:
    """The SHA-256 of each file below ``folders`` (``__pycache__`` aside) and its path, in one digest.

    Only regular files are read (a link is followed: its target's bytes count), in pieces and
    no further than :data:`~sakrad_ld.corpus.MAX_SHARED_FILE` bytes, the most the loader reads of
    any file: a larger one is named with its size and time of change instead. A FIFO, a device, a
    socket or a folder behind a link is named as what it is, with nothing read, and so is a file
    that cannot be opened: the loader refuses or ignores them all, and the digest must neither
    wait on a FIFO nor read ``/dev/zero`` for ever."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape") + b"\0")  # a name need not be UTF-8
    for n, folder in enumerate(folders):
        found = []  # (the path's parts below the folder, the path)
        for where, subfolders, files in os.walk(folder):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            below = Path(where).relative_to(folder).parts
            found.extend(((*below, f), os.path.join(where, f)) for f in files)
        for parts, path in sorted(found):
            digest.update(f"{n}/{'/'.join(parts)}".encode("utf-8", "surrogateescape") + b"\0")
            digest.update(_file_digest(path))
    return digest.hexdigest()


def _file_digest(path: str) -> bytes:
    """The SHA-256 of a regular file's bytes, or of a note of what the file is when it is not read
    (see :func:`_folders_digest`)."""
    from .corpus import MAX_SHARED_FILE

    try:
        # O_NONBLOCK: a FIFO put in the file's place after os.walk saw it does not block the open
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:  # a link that leads nowhere, a file that cannot be read: named, nothing read
        return hashlib.sha256(b"\0unreadable").digest()
    with os.fdopen(fd, "rb", buffering=0) as file:
        seen = os.fstat(fd)
        if not stat.S_ISREG(seen.st_mode):
            return hashlib.sha256(b"\0not a regular file %o" % stat.S_IFMT(seen.st_mode)).digest()
        if seen.st_size > MAX_SHARED_FILE:
            return hashlib.sha256(b"\0too large %d %d" % (seen.st_size, seen.st_mtime_ns)).digest()
        sha = hashlib.sha256()
        left = MAX_SHARED_FILE + 1
        while left > 0 and (piece := file.read(min(left, 2**20))):
            sha.update(piece)
            left -= len(piece)
        if left <= 0:  # grown past the limit since fstat: as a large file
            return hashlib.sha256(b"\0too large %d %d" % (seen.st_size, seen.st_mtime_ns)).digest()
        return sha.digest()


def _release_store(project: Project, built: Built, catalogue: Catalogue) -> IndexStore:
    """What :func:`sakrad_ld.sparql.store.open_store` would hold of the release, over the graph's
    own index: the graph, and the ontology and catalogue triples it does not already have (the
    catalogue's in the order ``catalog.ttl`` holds them, as a store loaded from it would)."""
    from .triples import Index, IndexStore

    graph = built.triples
    extra = [
        (t.subject, t.predicate, t.object) for path in sorted(project.ontology.glob("*.ttl")) for t in _ontology(path)
    ]
    extra.extend((t.subject, t.predicate, t.object) for t in catalogue.ordered())
    return IndexStore(graph, Index(t for t in extra if t not in graph))


def _ontology(path: Path) -> list[ox.Triple]:
    """The triples of the ontology file ``path``, read as every file of the project is
    (:func:`~sakrad_ld.inputfiles.read_input`: a regular file of ``ontology/``, not a FIFO, a device
    or a link out); an InputError naming the file (and the line) when it cannot be read or is not
    Turtle (the build has read it once already: it changed since)."""
    import pyoxigraph as ox

    data = read_input(path, root=path.parent, expected="a Turtle file of the ontology")
    try:
        return list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    except SyntaxError as error:
        raise InputError(
            Where(path, error.lineno or 0), f"not valid Turtle ({error.msg})", "a Turtle file of the ontology"
        ) from None


def _relative_report(report: ValidationReport, project: Project) -> bytes:
    """The JSON report with file names relative to the project's folder (``data/meetings/x.yaml``),
    so it does not depend on how ``-C`` named the project, on the current folder or on a link on
    the way (:func:`_project_path`)."""
    from .formats import json_bytes

    doc = report.json_document()  # made for this call: changed in place
    named: dict[str, str] = {}  # each file once: a file has many findings, and each path is resolved on disk
    for result in doc["results"]:
        if file := result["file"]:
            if (relative := named.get(file)) is None:
                relative = named[file] = _project_path(file, project.root)
            result["file"] = relative
    return json_bytes(doc)


def _project_path(file: str, root: Path) -> str:
    """``file``, a path of the project at ``root`` as the project's readers name it (below ``root``
    as given: relative to the current folder, absolute, or through a link), relative to ``root``
    with ``/`` between its parts; a file outside the project keeps its name as given.

    The paths are compared as written first (both made absolute without following links, so a link
    in ``data/`` keeps its own name), then with the links of the folders on the way followed."""
    given = Path(os.path.abspath(file))
    for base, path in (
        (Path(os.path.abspath(root)), given),
        (Path(os.path.realpath(root)), Path(os.path.realpath(given.parent), given.name)),
    ):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return file


def _checksums_of(manifest: Manifest, own: str) -> bytes:
    """What :func:`checksums` gives for the release, from the digests the manifest holds of every
    file but itself, and its own (``own``): no file of a release is read again for them."""
    digests = {f.path: f.sha256 for f in manifest.files}
    digests[MANIFEST_FILE] = own
    order = sorted(digests, key=lambda rel: PurePosixPath(rel).parts)  # as sorting the paths does
    return "".join(f"{digests[rel]}  {rel}\n" for rel in order).encode()


def checksums(root: Path) -> bytes:
    """``sha256sum``-compatible lines for every file below ``root`` except the checksum file."""
    lines = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != CHECKSUMS):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    return "".join(lines).encode()
