"""Loads ``data/`` into a cross-checked :class:`~sakrad_ld.records.Corpus`.

The layout is a convention: ``dataset.yaml``, ``sources.yaml``, ``bodies.yaml`` (bodies and
posts), ``people.yaml``, ``organisations.yaml``, and one file per meeting in ``meetings/``
(``*.yaml`` or ``*.yml``; names that start with a dot, such as an editor's lock file ``.#x.yaml``,
are not data). Every problem in every file is collected and raised together as :class:`InputErrors`.

Limits keep a mistake or an attack from taking the machine: a meeting file may have
:data:`MAX_MEETING_FILE` bytes, ``dataset.yaml`` :data:`MAX_DATASET_FILE`, a shared file :data:`MAX_SHARED_FILE` (the shared files of
100,000 rich synthetic meetings have 22 MB; the realistic profile's ``sources.yaml``, whose meetings
cite more further documents, passes the limit near 100,000 meetings: 34 MB), an id :data:`MAX_ID_LENGTH` characters (it names files in
the release); texts and numbers are limited in :mod:`sakrad_ld.typedyaml`.
"""

from __future__ import annotations

import dataclasses
import errno
import functools
import gc
import os
import re
import stat
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .announced import check_announced_only, check_held, check_held_derived, check_invitation_credits
from .attested import check_attested_dates, check_register_sources
from .counted import check_counts
from .dated import check_meeting_dates
from .duplicated import check_duplicated
from .errors import InputError, InputErrors, ProjectError, Where
from .inputfiles import MAX_INPUT_FILE, looping_link, read_input, resolved
from .layout import kept_copy_path
from .loadcache import LoadCache
from .modified import check_modified
from .numbered import check_numbered
from .organised import check_organisers
from .placed import check_meeting_places, check_placements
from .posted import check_posts
from .processes import Prepared, prepared
from .records import (
    Body,
    Corpus,
    DatasetConfig,
    Meeting,
    Organisation,
    Person,
    Post,
    Source,
)
from .registered import check_registered
from .stated import check_folds, check_stated
from .titled import check_titles
from .typedyaml import (
    NODE_BYTES,
    Lines,
    Ref,
    compose_file,
    compose_text,
    json_schema,
    load_record,
    quoted,
    read_text,
    suggest,
    type_hints,
)

if TYPE_CHECKING:
    from .folders import CacheFolder

__all__ = [
    "DATA_FILES",
    "MAX_COPIES_TOTAL",
    "MAX_DATASET_FILE",
    "MAX_ID_LENGTH",
    "MAX_MEETING_FILE",
    "MAX_SHARED_FILE",
    "MEETING_CHECKS",
    "MEETING_SUFFIXES",
    "SHARED_CHECKS",
    "Loading",
    "check_loaded",
    "load_corpus",
    "meeting_files",
    "schema_files",
    "schema_sources",
    "schemas",
    "start_loading",
]

#: The largest meeting file (bytes): a real one has a few kilobytes.
MAX_MEETING_FILE = 2**20
#: The largest ``dataset.yaml`` (bytes): the dataset's own description, a few kilobytes (``data/``'s has 3.4 kB),
#: which grows with no number of meetings or records.
MAX_DATASET_FILE = 2**16
#: The largest shared file (bytes): sources, organisations and the rest; as any file of the project.
MAX_SHARED_FILE = MAX_INPUT_FILE
#: The most bytes all kept copies of sources (``file:``) may have together: each is held in memory
#: while the data loads and is checked (stated.py, registered.py), and is published with the release.
MAX_COPIES_TOTAL = 4 * MAX_SHARED_FILE
#: The longest id: a meeting's id names its files (``meetings/<id>.jsonld``), and a file name has
#: at most 255 bytes on common file systems.
MAX_ID_LENGTH = 150
#: The file names of meetings: YAML's two customary suffixes.
MEETING_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class SourcesFile:
    """``data/sources.yaml``: the documents the facts are taken from."""

    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class BodiesFile:
    """``data/bodies.yaml``: government bodies and the posts in them."""

    bodies: list[Body] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)


@dataclass(frozen=True)
class PeopleFile:
    """``data/people.yaml``: people named in the sources."""

    people: list[Person] = field(default_factory=list)


@dataclass(frozen=True)
class OrganisationsFile:
    """``data/organisations.yaml``: civil-society organisations."""

    organisations: list[Organisation] = field(default_factory=list)


#: The files of ``data/``: name → (record class, JSON Schema file name). Meetings are ``meetings/*.yaml``.
DATA_FILES: dict[str, tuple[type, str]] = {
    "dataset.yaml": (DatasetConfig, "dataset.schema.json"),
    "sources.yaml": (SourcesFile, "sources.schema.json"),
    "bodies.yaml": (BodiesFile, "bodies.schema.json"),
    "people.yaml": (PeopleFile, "people.schema.json"),
    "organisations.yaml": (OrganisationsFile, "organisations.schema.json"),
    "meetings/*.yaml": (Meeting, "meeting.schema.json"),
}

SCHEMA_BASE = "https://w3id.org/sakrad/schema/"


def schema_sources() -> dict[str, tuple[type, str]]:
    """Every data file with a JSON Schema: name → (record class, schema file name): the files the
    corpus is read from (:data:`DATA_FILES`) and ``withdrawn.yaml`` (read by the build and the
    server, :mod:`sakrad_ld.withdrawn`)."""
    from .withdrawn import DATA_FILE, WithdrawnFile  # it reads the corpus's limits: imported when used

    return {**DATA_FILES, DATA_FILE: (WithdrawnFile, "withdrawn.schema.json")}


def schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of every data file (:func:`schema_sources`), by schema file name."""
    return {
        name: json_schema(cls, f"sakrad-ld {pattern}", SCHEMA_BASE + name)
        for pattern, (cls, name) in schema_sources().items()
    }


def schema_files() -> dict[str, bytes]:
    """The JSON Schemas as the files ``schema/`` and a release hold, by file name."""
    from .formats import json_bytes

    return {name: json_bytes(schema) for name, schema in schemas().items()}


_Args = typing.ParamSpec("_Args")


def _collector_paused(load: Callable[_Args, Corpus]) -> Callable[_Args, Corpus]:
    """``load`` with Python's collector of reference cycles paused while it runs (and enabled after, if
    it was): loading makes no cycles to collect (a collection after a load of 10,000 synthetic meetings
    finds none), but every object it makes lives on, and each full collection reads every object made
    so far: some twenty of them took about 2.5 s of the 12.4 s of CPU of a cold load of 10,000 meetings."""

    @functools.wraps(load)
    def paused(*args: _Args.args, **kwargs: _Args.kwargs) -> Corpus:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return load(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


@_collector_paused
def load_corpus(
    data_dir: Path,
    progress: Callable[[str, int, int], None] | None = None,
    leave_out: tuple[Path, ...] = (),
    cache: CacheFolder | None = None,
) -> Corpus:
    """Reads every file of ``data_dir``, checks ids and references, and returns the corpus.
    ``progress`` hears ("load", meeting files read, meeting files in all). ``leave_out``: meeting files
    not read (``sakrad-ld import`` leaves out unfinished drafts, and says so). With ``cache`` (the
    build's, :mod:`sakrad_ld.loadcache`), a file whose text was parsed before is taken from it, and the
    checks that read one meeting at a time (:data:`MEETING_CHECKS`) read only the meetings that have
    not passed them with the same shared inputs, and those that read no meeting (:data:`SHARED_CHECKS`)
    run only when the shared inputs have not passed: the corpus, or the errors, are those of a load without it."""
    if not data_dir.is_dir():
        raise ProjectError(
            f"{data_dir}: no data folder here; run sakrad-ld in a project folder that has data/, ontology/ and shapes/"
        )
    errors: list[InputError] = []
    root = data_dir  # a link may lead only to a file in it
    held = LoadCache(cache) if cache is not None else None

    def read(name: str, cls: type, max_bytes: int = MAX_SHARED_FILE) -> Any:
        path = data_dir / name
        if not path.exists() and not path.is_symlink():
            errors.append(InputError(Where(path, 0), "the file is missing", f"a {name} file in {data_dir}"))
            return None
        return _read(path, cls, errors, max_bytes, root, held)

    config = read("dataset.yaml", DatasetConfig, MAX_DATASET_FILE)
    sources = read("sources.yaml", SourcesFile)
    bodies = read("bodies.yaml", BodiesFile)
    people = read("people.yaml", PeopleFile)
    organisations = read("organisations.yaml", OrganisationsFile)
    try:
        files = meeting_files(data_dir / "meetings")
        if leave_out:
            # os.path.realpath, not Path.resolve: a meeting file that is a looping link is compared
            # (as its own path), not raised on; loading it says what it is, at the file
            left = {os.path.realpath(p) for p in leave_out}
            files = [f for f in files if os.path.realpath(f) not in left]
    except InputError as error:
        errors.append(error)
        files = []
    meetings, read_from = [], []
    for n, p in enumerate(files, start=1):
        if m := _read(p, Meeting, errors, MAX_MEETING_FILE, root, held):
            meetings.append(m)
            read_from.append(p)
        if progress:
            progress("load", n, len(files))
    if errors:
        raise InputErrors(errors)
    corpus = Corpus(
        config=config,
        sources=tuple(sources.sources),
        bodies=tuple(bodies.bodies),
        posts=tuple(bodies.posts),
        people=tuple(people.people),
        organisations=tuple(organisations.organisations),
        meetings=tuple(meetings),
    )
    errors.extend(check_config(corpus.config))
    copies, wrong = read_source_copies(corpus, data_dir)  # before dated.py looks for dates in them
    wrong.extend(check_folds(corpus, copies))  # stated.py: a kept text its folding would make many times longer
    if wrong:
        raise InputErrors(errors + wrong)
    corpus = dataclasses.replace(corpus, copies=copies)
    errors.extend(
        check_loaded(corpus, corpus, corpus) if held is None else _checked_again(corpus, held, data_dir, read_from)
    )
    if errors:
        raise InputErrors(errors)
    return corpus


def _checked_again(corpus: Corpus, held: LoadCache, data_dir: Path, read_from: list[Path]) -> list[InputError]:
    """:func:`check_loaded` of ``corpus`` (its meetings read from ``read_from``, through ``held``) run
    where it could find something: the checks of one meeting on the meetings that have not passed with
    these shared inputs, the checks of shared records only when those have not; and recorded when it
    finds nothing."""
    shared = held.shared((data_dir / name for name in _SHARED_FILES), corpus.copies)
    passed = held.passed(shared)  # the meetings (and the shared records) that passed with them; None: none did
    unchecked = [i for i, p in enumerate(read_from) if passed is None or held.names[str(p)] not in passed]
    some = dataclasses.replace(corpus, meetings=tuple(corpus.meetings[i] for i in unchecked))
    errors = check_loaded(corpus, some if unchecked or passed is None else None, corpus if passed is None else None)
    if not errors and (unchecked or passed is None or len(passed) != len(read_from)):
        held.mark_passed(shared, read_from)
    return errors


#: The shared files of ``data/``: what the checks of one meeting read besides it (and the kept copies).
_SHARED_FILES = ("dataset.yaml", "sources.yaml", "bodies.yaml", "people.yaml", "organisations.yaml")

#: The load checks whose findings for a meeting come from that meeting, the shared records and the kept
#: copies alone, in the order of the meetings (each read for it): run on a corpus of some of the meetings,
#: they find exactly those meetings' part of what they find on all of them (and all of what they find of
#: the shared records). Every other check compares meetings, or records with meetings
#: (check_attested_dates: a holding's date against the meetings citing its source), or reads none.
MEETING_CHECKS = (check_meeting_dates, check_meeting_places, check_counts, check_stated, check_posts)
#: The load checks that read no meeting, only the shared records and the kept copies: what they find
#: depends on the shared inputs alone (check_placements: the posts' bodies; check_registered: the links
#: into kept registers; check_register_sources: the sources of register claims).
SHARED_CHECKS = (check_placements, check_registered, check_register_sources)


def check_loaded(corpus: Corpus, some: Corpus | None, shared: Corpus | None) -> list[InputError]:
    """The load checks' findings, in their order: each of :data:`MEETING_CHECKS` on ``some`` (the
    corpus with some of its meetings), each of :data:`SHARED_CHECKS` on ``shared`` (the corpus), every
    other on ``corpus``; a check given None is not run (it would find nothing: what it reads passed it)."""

    def on(part: Corpus | None, check: Callable[[Corpus], list[InputError]]) -> list[InputError]:
        return [] if part is None else check(part)

    errors = check_references(corpus)
    errors.extend(check_duplicated(corpus))  # duplicated.py: two meeting files of one sakråd
    errors.extend(check_numbered(corpus))  # numbered.py: a note's number, a holding's IRI, once each
    errors.extend(check_attested_dates(corpus))  # a holding's as_of is a stated date
    errors.extend(check_modified(corpus))  # modified.py: no data date after modified (validate refuses it too)
    errors.extend(check_held_derived(corpus))  # announced.py: announced beside its own minutes, or held derived
    errors.extend(check_announced_only(corpus))  # announced.py: an announced sakråd names no one who took part
    errors.extend(check_invitation_credits(corpus))  # announced.py: an invitation names no one who took part
    errors.extend(check_held(corpus))  # announced.py: a sakråd all of whose documents precede it is announced only
    errors.extend(on(some, check_meeting_dates) + on(shared, check_register_sources))  # dated.py, attested.py
    errors.extend(check_titles(corpus))  # titled.py: a title is its source's recorded title, or marked the data's own
    errors.extend(on(shared, check_placements))  # placed.py: a post's placement is its source's, or the data's own
    errors.extend(on(some, check_meeting_places))  # placed.py: a meeting's place not denied, doubted or planned
    errors.extend(on(some, check_counts))  # counted.py: a count's value, bound and approximation are its words'
    errors.extend(on(some, check_stated) + on(shared, check_registered))  # stated.py, registered.py: as kept copies say
    errors.extend(on(some, check_posts))  # posted.py: a person's post, and a post's label, as the kept text gives them
    errors.extend(check_organisers(corpus))  # organised.py: an organiser the kept text says organises the sakråd
    return errors


#: Up to this many meeting files, :func:`start_loading` reads ``data/`` in a process of its own
#: (more would cost more to hand back than the process saves).
LOAD_BESIDE = 500


class Loading:
    """``data/`` being read, by another process or (``later`` None) when :meth:`corpus` is called."""

    def __init__(
        self, data_dir: Path, later: Prepared[tuple[str, Any]] | None, cache: CacheFolder | None = None
    ) -> None:
        self.data_dir, self._later, self._cache = data_dir, later, cache

    def corpus(self, progress: Callable[[str, int, int], None] | None = None) -> Corpus:
        """What :func:`load_corpus` gives (or raises) for the folder; ``progress`` hears the
        meeting files read once they are (all at once, when another process read them)."""
        if self._later is None:
            return load_corpus(self.data_dir, progress, cache=self._cache)
        kind, value = self._later.result()
        self._later = None
        if kind == "project":
            raise ProjectError(value)
        if kind == "input":
            raise InputErrors(InputError(*args) for args in value)
        if progress:
            for n in range(1, len(value.meetings) + 1):
                progress("load", n, len(value.meetings))
        return value  # type: ignore[no-any-return]

    def stop(self) -> None:
        """Stops the reading if it still runs (when the build ends before it needs the corpus)."""
        if self._later is not None:
            self._later.stop()


def start_loading(data_dir: Path, fork: bool = True, cache: CacheFolder | None = None) -> Loading:
    """Starts reading ``data_dir`` in a forked process (with ``fork``, and up to :data:`LOAD_BESIDE`
    meeting files), so that this one goes on (importing what the build needs next) meanwhile; the
    records come back pickled, and an error as the error (:meth:`Loading.corpus`). ``cache``: as
    :func:`load_corpus` takes it."""
    try:
        few = len(os.listdir(data_dir / "meetings")) <= LOAD_BESIDE
    except OSError:  # no meetings folder: load_corpus says so, here
        few = False
    if not (fork and few):
        return Loading(data_dir, None, cache)
    later = prepared(lambda: _loaded(data_dir, cache), lambda loaded, _: loaded)
    later.give(b"")
    return Loading(data_dir, later)


def _loaded(data_dir: Path, cache: CacheFolder | None = None) -> tuple[str, Any]:
    """The corpus, or what was wrong, in a form that pickles (an InputError does not: its
    arguments are not those of its constructor)."""
    try:
        return "corpus", load_corpus(data_dir, cache=cache)
    except InputErrors as errors:
        return "input", [(e.where, e.problem, e.expected, e.hint) for e in errors.errors]
    except InputError as e:
        return "input", [(e.where, e.problem, e.expected, e.hint)]
    except ProjectError as e:
        return "project", str(e)


def meeting_files(folder: Path) -> list[Path]:
    """The meeting files in ``folder``, sorted; an InputError when it is missing or not a folder."""
    expected = "a folder data/meetings/ with one YAML file per meeting"
    if not folder.exists() and not folder.is_symlink():
        raise InputError(
            Where(folder, 0), "the folder is missing", expected, "create it; left empty, the release has no meetings"
        )
    if not folder.is_dir():
        raise InputError(Where(folder, 0), "this is not a folder", expected)
    try:
        names = sorted(os.listdir(folder))
    except OSError as err:
        raise InputError(Where(folder, 0), f"the folder cannot be read: {err.strerror or err}", expected) from None
    for name in names:
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8, kept as surrogates by os.listdir
            shown = os.fsencode(name).decode("utf-8", "backslashreplace")
            raise InputError(
                Where(folder / shown, 0),
                "the file name is not UTF-8 (its bytes are shown escaped)",
                "a file name in UTF-8, such as the meeting's id and .yaml",
                "rename the file",
            ) from None
        if not name.startswith(".") and name.lower().endswith(MEETING_SUFFIXES) and not name.endswith(MEETING_SUFFIXES):
            raise InputError(
                Where(folder / name, 0),
                "the suffix of the file name is in upper case (a meeting file is read by its suffix in lower case)",
                "a meeting file named *.yaml or *.yml",
                f"rename it to {name.rsplit('.', 1)[0]}.yaml",
            )
    return [folder / name for name in names if not name.startswith(".") and name.endswith(MEETING_SUFFIXES)]


def _read(
    path: Path, cls: type, errors: list[InputError], max_bytes: int, root: Path, held: LoadCache | None = None
) -> Any:
    """The record of class ``cls`` in the YAML file ``path``, a file below ``root`` (data/):
    a link leading out of it is refused unread, as a source's copy is (:func:`read_source_copies`),
    so no file from elsewhere is published or quoted in a message. With ``held``, a text parsed
    before is taken from the cache, and one parsed now is kept in it."""
    try:
        if held is None:
            node = compose_file(path, max_bytes, root)
        else:
            text = read_text(path, max_bytes, root)  # as compose_file reads it
            name, record = held.parsed(path, cls, text, max_bytes)
            if record is not None:
                return record
            node = compose_text(text, path, max_bytes // NODE_BYTES)
        if node is None:
            raise InputError(Where(path, 1), "the file is empty", f"the fields of {cls.__name__}")
        record = load_record(cls, node, path)
        if held is not None:
            held.keep(name, record)
        return record
    except InputErrors as many:
        errors.extend(many.errors)
    except InputError as one:
        errors.append(one)
    return None


#: Each kind of record: the corpus's attribute holding them, and where in data/ they are written.
_WHERE: dict[str, str] = {
    "source": "data/sources.yaml",
    "body": "data/bodies.yaml (bodies:)",
    "post": "data/bodies.yaml (posts:)",
    "person": "data/people.yaml",
    "organisation": "data/organisations.yaml",
    "meeting": "data/meetings/",
}
_KINDS: dict[str, str] = {
    "source": "sources",
    "body": "bodies",
    "post": "posts",
    "person": "people",
    "organisation": "organisations",
    "meeting": "meetings",
}


def check_config(config: Any) -> list[InputError]:
    """The release's IRIs are minted by appending paths to ``base_iri`` (and files are published
    under ``download_base``): each must be a plain http(s) IRI, without a query or fragment."""
    errors = check_version(config)
    for name in ("base_iri", "download_base"):
        value = getattr(config, name, None)
        if not isinstance(value, str):
            continue
        parts = urlsplit(value)
        problem = (
            "it has a query (?…)"
            if "?" in value
            else "it has a fragment (#…)"
            if "#" in value
            else "it has no host"
            if not parts.netloc
            else "it has a user name"
            if "@" in parts.netloc
            else ""
        )
        if problem:
            where = config.lines.where(name) if getattr(config, "lines", None) else Where(Path("dataset.yaml"), 0, name)
            errors.append(
                InputError(
                    where,
                    f"{value!r} cannot be a base for IRIs: {problem}",
                    "an http(s) IRI ending in '/', such as 'https://w3id.org/sakrad/'",
                )
            )
    return errors


#: A dataset version is one segment of the IRIs it names (``…/dataset/build/{version}``,
#: ``…/graph/{version}``): IRI-unreserved characters (and ``+``, as in 1.0.0+build), no ``/``.
_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~+-]*")
#: The longest version: it names files of the release and its export (``dataset/build/{version}.html``,
#: ``ontology/{version}.ttl`` …), whose names a file system holds to 255 bytes with their suffixes.
MAX_VERSION = 64


def check_version(config: Any) -> list[InputError]:
    version = getattr(config, "version", None)
    where = config.lines.where("version") if getattr(config, "lines", None) else Where(Path("dataset.yaml"), 0)
    if isinstance(version, str) and len(version) > MAX_VERSION:
        return [
            InputError(
                where,
                f"the version has {len(version):,} characters: it names files of the release and its export "
                "(dataset/build/{version}.html …), which a file system holds to 255 bytes",
                f"a version of at most {MAX_VERSION} characters, such as '1.0.0'",
            )
        ]
    if not isinstance(version, str) or (_VERSION.fullmatch(version) and ".." not in version):
        return []
    return [
        InputError(
            where,
            f"{quoted(version)} cannot be a segment of the release's IRIs (…/dataset/build/{{version}})",
            "a version of letters, digits and . _ ~ + -, without '/' or '..', beginning with a letter or digit, "
            "such as '1.0.0'",
        )
    ]


def _looping(path: Path, data_dir: Path) -> str:
    """What a kept copy's ``path`` is when a symbolic link on its way loops: the link, below ``data_dir``."""
    link = looping_link(path)
    try:
        named = f" {quoted(str(link.relative_to(os.path.abspath(data_dir))))}" if link else ""
    except ValueError:  # the loop is in a folder above data/
        named = f" {quoted(str(link))}"
    return f"the symbolic link{named} on its way loops, leading back to itself"


def read_source_copies(corpus: Corpus, data_dir: Path) -> tuple[dict[str, str], list[InputError]]:
    """The text of each source's ``file:`` (a copy of the text kept beside the data), by source id,
    read once: the dates are looked up in it and the release publishes it under ``sources/``. The
    file must be a regular file below ``data_dir``, given relative to it, without ``..`` and not by
    a link leading out of it, of at most :data:`MAX_SHARED_FILE` bytes of UTF-8 text, and all of them
    together of at most :data:`MAX_COPIES_TOTAL` bytes; each that is not is an error."""
    copies: dict[str, str] = {}
    sizes: dict[str, int] = {}  # a copy's file -> its bytes, of the copies read
    seen: dict[str, str] = {}  # a published path -> the source whose copy it is
    errors: list[InputError] = []
    root = resolved(data_dir, "the data folder")
    for source in corpus.sources:
        file = source.file
        if not file:
            continue
        where = source.lines.where("file") if source.lines else Where(data_dir / "sources.yaml", 0, "file")
        parts = Path(file).parts
        problem = ""
        expected = "the path of the source's copy relative to data/, such as 'sources/<id>.txt', naming a file there"
        hint = "save the copy under data/sources/, or leave file: out"
        if Path(file).is_absolute():
            problem = "the path is absolute"
        elif ".." in parts:
            problem = "the path has '..' in it"
        else:
            path = data_dir / file
            try:
                real = path.resolve(strict=True)
                mode = real.stat().st_mode
            except FileNotFoundError:
                problem = "no such file in data/" if not path.is_symlink() else "a link to nothing"
            except (OSError, RuntimeError) as error:  # a loop of links, a folder that cannot be read
                if isinstance(error, OSError) and error.errno != errno.ELOOP:
                    problem = f"the file cannot be reached ({error.strerror or error})"
                else:  # Python 3.11's RuntimeError "Symlink loop from …", a later one's ELOOP
                    problem, hint = _looping(path, data_dir), "remove the link, or give the path of the file itself"
            else:
                if not real.is_relative_to(root):
                    problem = "a link leading out of data/"
                elif stat.S_ISDIR(mode):
                    problem = "this is a folder, not a file"
                elif not stat.S_ISREG(mode):
                    problem = "not a regular file (a device, FIFO or socket)"
                elif not _COPY_NAME.fullmatch(file):
                    problem = (
                        "not a plain path of a text file (letters, digits, - _ . and /, ending in .txt, .md, .ttl, "
                        ".nt, .nq, .trig, .csv, .tsv or .json)"
                    )
                elif (published := kept_copy_path(file)) in seen:
                    problem = f"published at the same path ({published}) as the copy of {seen[published]!r}"
                elif MAX_SHARED_FILE >= real.stat().st_size > MAX_COPIES_TOTAL - sum(sizes.values()):
                    largest = sorted(sizes.items(), key=lambda fs: -fs[1])[:5]
                    problem = (
                        f"with this copy ({real.stat().st_size:,} bytes) the kept copies would have more than "
                        f"{MAX_COPIES_TOTAL:,} bytes; the largest read: "
                        + ", ".join(f"{quoted(f)} ({n:,} bytes)" for f, n in largest)
                    )
                    expected = f"kept copies of at most {MAX_COPIES_TOTAL:,} bytes together"
                    hint = "keep only the part of a large text that states the facts, or leave file: out"
                else:
                    text, problem = _read_copy(real)
                    if text is not None:
                        copies[source.id] = text
                        seen[kept_copy_path(file)] = source.id
                        sizes[file] = len(text.encode("utf-8")) if not text.isascii() else len(text)
                    else:
                        expected = f"a copy of the source's text as UTF-8, of at most {MAX_SHARED_FILE // 2**20} MiB"
                        hint = "save the text as UTF-8 (a PDF's text, not the PDF), or leave file: out"
        if problem:
            errors.append(
                InputError(
                    where,
                    f"file {quoted(file)}: {problem}",
                    expected,
                    hint,
                )
            )
    return copies, errors


#: A kept copy's path below data/: plain segments, and text the server and the static export give as
#: text (an .html or .svg copy would be served from the site's own origin with its scripts).
_COPY_NAME = re.compile(
    r"(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.(?:txt|md|ttl|nt|nq|trig|csv|tsv|json)"
)


def _read_copy(path: Path) -> tuple[str | None, str]:
    """A source's copy (a regular file) as text, or None and what is wrong with it as the text of a source."""
    try:
        data = read_input(path, max_bytes=MAX_SHARED_FILE)
    except InputError as error:
        too_large = error.expected.startswith("at most")  # of read_input's refusals, only the size's
        return None, f"the copy has more than {MAX_SHARED_FILE:,} bytes" if too_large else error.problem
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        return None, f"the copy is not UTF-8 text (byte {error.start:,} cannot be read as UTF-8)"


def check_references(corpus: Corpus) -> list[InputError]:
    """Duplicate ids, ids too long to name a file, and references to ids that no record has."""
    errors: list[InputError] = []
    known: dict[str, dict[str, Lines | None]] = {}
    for kind, attr in _KINDS.items():
        seen: dict[str, Lines | None] = {}
        for record in getattr(corpus, attr):
            if len(record.id) > MAX_ID_LENGTH:
                where = record.lines.where("id") if record.lines else Where(Path("?"), 0, "id")
                errors.append(
                    InputError(
                        where,
                        f"the {kind} id has {len(record.id)} characters",
                        f"an id of at most {MAX_ID_LENGTH} characters",
                        "shorten it",
                    )
                )
            if record.id in seen:
                first = seen[record.id]
                where = record.lines.where("id") if record.lines else Where(Path("?"), 0, "id")
                errors.append(
                    InputError(
                        where,
                        f"the {kind} id {record.id!r} is used twice",
                        "a unique id",
                        f"first used at {first.where('id') if first else '?'}",
                    )
                )
            else:
                seen[record.id] = record.lines
        known[kind] = seen
    for record in _all_records(corpus):
        for name, kind, value, lines in _references(record):
            if value not in known[kind]:
                where = lines.where(name) if lines else Where(Path("?"), 0, name)
                proposed = proposed_record(where, value, _WHERE[kind].split()[0])
                errors.append(
                    InputError(
                        where,
                        f"no {kind} has the id {value!r}",
                        f"the id of a {kind} in {_WHERE[kind]}",
                        proposed or suggest(value, sorted(known[kind])),  # never a near miss for a proposed id
                    )
                )
    return errors


#: The head of a block of records an import draft proposes at its end (importer/page_draft.py writes it):
#: ``# To append to data/sources.yaml:`` followed by commented records ``#   - id: …``.
_APPEND = re.compile(r"^# To append to (?P<file>data/[^:(]+?)(?: \((?P<in>data/[^)]+)\))?:\s*$")
_PROPOSED_ID = re.compile(r"^#   - id: (?P<id>\S+)\s*$")
#: The comment an import draft of a documentation text (importer/draft.py) writes above a new id:
#: ``# new organisation: add 'Name' to data/organisations.yaml with this id``.
_NEW_HERE = re.compile(r"\bnew \w+: add .*? to (?P<file>data/\S+\.yaml) with this id\b")


def is_draft(path: Path) -> bool:
    """Whether ``path`` begins as an import draft does (``# DRAFT made by `sakrad-ld import` …``): a file
    not yet reviewed, whose proposed records are still comments."""
    try:
        head = read_input(path, max_bytes=MAX_MEETING_FILE).decode("utf-8", errors="replace")[:2000]
    except InputError:
        return False
    return any(line.startswith("# DRAFT made by `sakrad-ld import`") for line in head.splitlines()[:5])


def _proposals(path: Path) -> tuple[dict[str, str], tuple[str, ...]]:
    """The ids the commented records at the end of a draft propose (id → the file of ``data/``) and the
    file's lines (for the comment above a reference); read once for each version of the file."""
    try:
        st = path.stat()
    except OSError:
        return {}, ()
    return _proposals_of(path, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=64)
def _proposals_of(path: Path, mtime_ns: int, size: int) -> tuple[dict[str, str], tuple[str, ...]]:
    try:
        text = read_input(path, max_bytes=MAX_MEETING_FILE).decode("utf-8", errors="replace")
    except InputError:
        return {}, ()
    found: dict[str, str] = {}
    into = None
    lines = tuple(text.splitlines())
    for line in lines:
        if head := _APPEND.match(line):
            into = head["in"] or head["file"]
            if head["in"]:  # "data/posts (data/bodies.yaml)": the posts: of bodies.yaml
                into = f"the {head['file'].removeprefix('data/')}: of {head['in']}"
        elif into and (record := _PROPOSED_ID.match(line)):
            found.setdefault(record["id"], into)
        elif not line.startswith("#"):
            into = None
    return found, lines


def proposed_record(where: Where, value: str, file: str) -> str | None:
    """What to do when the file of a reference to a missing ``value`` (a record of ``file``, such as
    ``data/sources.yaml``) is an import draft that proposes the record: uncomment it from the draft's end,
    or add it as the comment above the reference says."""
    if where.file.suffix.lower() not in MEETING_SUFFIXES or not where.file.is_file():
        return None
    found, lines = _proposals(where.file)
    if value in found and found[value].endswith(file):
        return f"the draft proposes this record at its end, as a comment: uncomment it into {found[value]}"
    above: list[str] = []  # the comments right above the line, or above the key that opens its mapping
    at = where.line - 2
    while 0 <= at < len(lines) and (lines[at].lstrip().startswith("#") or lines[at].rstrip().endswith(":")):
        if lines[at].lstrip().startswith("#"):
            above.insert(0, lines[at].lstrip().lstrip("#").strip())
        at -= 1
    new = _NEW_HERE.search(" ".join(above))
    if new and new["file"] == file:
        return f"the draft's comment above this line proposes it as new: add the record to {new['file']} with this id"
    return None


def _all_records(corpus: Corpus) -> Iterator[Any]:
    for attr in ("sources", "bodies", "posts", "people", "organisations", "meetings"):
        yield from getattr(corpus, attr)


def _references(record: Any) -> Iterator[tuple[str, str, str, Lines | None]]:
    """(field, kind, id, lines) for every reference in ``record`` and the records nested in it."""
    lines = getattr(record, "lines", None)
    for name, kind, nested in _reading(type(record)):
        value = getattr(record, name)
        if kind and isinstance(value, list):
            for i, item in enumerate(value):
                yield f"{name}[{i}]", kind, item, lines
        elif kind and value is not None:
            yield name, kind, value, lines
        if nested:
            for item in value if isinstance(value, list) else [value]:
                if dataclasses.is_dataclass(item):
                    yield from _references(item)


@functools.cache  # types are few; records are many
def _reading(cls: type[Any]) -> tuple[tuple[str, str | None, bool], ...]:
    """The fields of a record class :func:`_references` reads, in order: (name, the kind of record
    it refers to, whether it may hold records that refer to some). A field that can hold neither
    (a text, a date, a number) is not read at all."""
    hints = type_hints(cls)
    plan = []
    for f in dataclasses.fields(cls):
        if f.name == "lines":
            continue
        kind, nested = _ref_kind(hints[f.name]), _may_refer(hints[f.name])
        if kind or nested:
            plan.append((f.name, kind, nested))
    return tuple(plan)


_PLAIN = (str, int, float, bool, type(None))


@functools.cache
def _may_refer(tp: Any) -> bool:
    """Whether a value of type ``tp`` may hold a record with a reference (unknown types may)."""
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return bool(_reading(tp))
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _may_refer(typing.get_args(tp)[0])
    if origin is typing.Literal:
        return False
    if origin is not None:
        return any(_may_refer(arg) for arg in typing.get_args(tp) if arg is not Ellipsis)
    return not (isinstance(tp, type) and (issubclass(tp, _PLAIN) or tp.__module__ == "datetime"))


@functools.cache  # types are few and hashable; records are many
def _ref_kind(tp: Any) -> str | None:
    if typing.get_origin(tp) is typing.Annotated:
        for m in typing.get_args(tp)[1:]:
            if isinstance(m, Ref):
                return m.kind
        return _ref_kind(typing.get_args(tp)[0])
    if typing.get_origin(tp) in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if kind := _ref_kind(arg):
                return kind
    return None
