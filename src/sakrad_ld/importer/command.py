"""`sakrad-ld import`: which importer a file needs, where the drafts go, and what is printed.

A file whose first ``#`` line is a Markdown title is a regeringen.se page; any other text is read as a
documentation in the seed's template. ``--listing`` with ``--pages`` and ``--out-dir`` drafts every
page of a listing. Exit codes: 0 drafted, 2 bad input (nothing written).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, InputErrors, Where, shown
from ..inputfiles import resolved
from ..records import Corpus, Meeting
from ..streams import utf8_out
from .written import check_file_out, check_out, refused, write_files, writers_places

__all__ = ["run_import"]

EXIT_OK, EXIT_ERROR = 0, 2


def _note(text: str) -> None:
    """Says ``text`` on standard error as a terminal may show it (:func:`sakrad_ld.errors.shown`): a page's
    words, an address or a path given may hold control characters that would rewrite the terminal."""
    print(shown(text), file=sys.stderr)


def _refuse(message: str) -> int:
    _note(f"error: {message}")
    return EXIT_ERROR


def _is_page(path: Path) -> bool:
    """Whether ``path`` is a regeringen.se page: a '# ' title line in its first lines (a byte order mark
    before it is no text), or a file named as the snapshot names pages (``sakrad/2026/03/<slug>.md``),
    which :func:`~.regeringen.read_page` reads and refuses with a page's reason. Only the first bytes
    of the file are read, and only once it is known to be a regular file no larger than a text to
    import may be (an InputError otherwise)."""
    from .regeringen import page_url

    try:
        page_url(path)
        return True
    except InputError:
        pass
    head = _head(path)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # not UTF-8 (rather than a character cut at the end)
            return False
        text = head[: error.start].decode("utf-8")
    return any(line.startswith("# ") for line in text.splitlines()[:5])


#: How much of a file is read to tell a page from a documentation text.
_HEAD_BYTES = 8192


def _head(path: Path) -> bytes:
    """The first :data:`_HEAD_BYTES` of the regular file ``path`` (checked first, opened without waiting)."""
    import stat

    from ..inputfiles import check_input
    from .documentation import MAX_DOCUMENTATION_BYTES

    check_input(path, max_bytes=MAX_DOCUMENTATION_BYTES, expected="a documentation text or a regeringen.se page")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b""  # the reader names what is wrong
    try:
        return os.read(fd, _HEAD_BYTES) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return b""
    finally:
        os.close(fd)


def run_import(args: argparse.Namespace, corpus: Callable[[], Corpus]) -> int:
    from .regeringen import Entry, fetch_page, find_entry, page_url, read_listing, read_page

    place = _Place(Path(args.project))
    corpus = _without_unfinished_drafts(corpus, place)

    if args.pages or args.out_dir:
        if not (args.listing and args.pages and args.out_dir) or args.file or args.fetch:
            return _refuse("drafting a listing needs --listing FILE --pages DIR --out-dir DIR, and no PAGE")
        place.check_drafts_folder(Path(args.out_dir))  # before anything is read
        return _batch(Path(args.listing), Path(args.pages), Path(args.out_dir), args.force, corpus, place)
    if bool(args.file) == bool(args.fetch):
        return _refuse("give one PAGE (a file) or --fetch URL")
    out = Path(args.out) if args.out else None
    if out is not None:
        place.check_draft("--out", out)
    if out is not None and out.exists() and not args.force:
        return _refuse(f"{out} exists; nothing was written (give --force to overwrite it)")
    entries = read_listing(Path(args.listing)) if args.listing else ()
    if args.fetch:
        page = fetch_page(args.fetch)
        return _page(page, find_entry(entries, args.fetch), out, corpus(), place)
    path = Path(args.file)
    if not path.is_file():
        raise InputError(Where(path, 0), _what_it_is(path), "a documentation text or a regeringen.se page (a file)")
    if _is_page(path):
        address = page_url(path)
        entry = find_entry(entries, address)
        if args.listing and entry is None:
            _note(f"note: {address} is not in {args.listing}; drafted from the page alone")
        entry = entry or Entry(url=address, listed=False)
        linked = _linked_pages(path, entry, entries)
        return _page(read_page(path), entry, out, corpus(), place, linked)
    return _documentation(path, out, corpus(), place)


def _what_it_is(path: Path) -> str:
    """Why ``path`` is not a file to read: a folder, a device, a FIFO, a dangling link or nothing at all."""
    import stat

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a link to nothing (its target does not exist)" if path.is_symlink() else "no such file"
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "this is a FIFO (named pipe), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "this is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "this is a socket, not a file"
    return "not a regular file"


def _linked_pages(path: Path, entry, entries) -> list:  # noqa: ANN001  (an Entry and the listing's entries)
    """The pages linked with this one in the listing, either way: the pages its entry links (its
    shortcuts) and the pages whose entries link it (an article about the meeting links the sakråd page,
    whose own list may be empty), as ``--pages`` finds them. Those the snapshot beside it holds
    (``<root>/<section>/<yyyy>/<mm>/<slug>.md``) are returned with their listing entries, to be merged
    when they are about the same meeting; the others are named, for the reader to look at."""
    from .regeringen import SITE, Entry, find_entry, read_page

    def site_path(url: str) -> str:
        return "/" + re.sub(r"^https?://[^/]+", "", url).strip("/") + "/"

    here = site_path(entry.url)
    linked = [site_path(link.url) for link in entry.shortcuts if not link.url.endswith(".pdf")]
    linked += [e.url for e in entries if any(site_path(link.url) == here for link in e.shortcuts)]
    root = path.parents[3] if len(path.parents) > 3 else None
    found, missing = [], []
    for url in dict.fromkeys(linked):
        slug = url.strip("/")
        if url == here or slug.count("/") != 3:  # a section's front page ("/sakrad/") is not a page about one
            continue
        file = root / f"{slug}.md" if root is not None else None
        if file is not None and file.is_file() and resolved(file, "a linked page") != resolved(path, "PAGE"):
            found.append((read_page(file), find_entry(entries, url) or Entry(url=url, listed=False)))
        elif find_entry(entries, url) is not None:
            missing.append(url)
    for url in missing:
        _note(
            f"note: the listing links this page with {SITE}{url}, which is not beside it "
            f"({root / url.strip('/') if root else 'no snapshot folder'}.md): check it for facts about the same meeting"
        )
    return found


def _without_unfinished_drafts(corpus: Callable[[], Corpus], place: _Place) -> Callable[[], Corpus]:
    """The corpus to resolve ids against. A draft left in data/meetings/ whose proposed records are not
    yet in their files fails to load; when every problem of ``data/`` is in such drafts (files that begin
    ``# DRAFT made by `sakrad-ld import```), they are left out, each named with its first problem, and the
    import goes on. A problem anywhere else stops the import, as before."""

    def load() -> Corpus:
        from ..corpus import is_draft, load_corpus

        try:
            return corpus()
        except InputErrors as errors:
            files = {e.where.file for e in errors.errors}
            if not files or not all(resolved(f.parent) == resolved(place.meetings) and is_draft(f) for f in files):
                raise
            drafts = sorted(files)
            for draft in drafts:
                mine = [e for e in errors.errors if e.where.file == draft]
                _note(
                    f"note: {draft} is an unfinished draft ({len(mine)} problem(s), the first at line "
                    f"{mine[0].where.line}: {mine[0].problem}); it is left out of the data this import "
                    f"resolves ids against. Finish it (add the records its end proposes), then run "
                    f"`{place.validate}`"
                )
            return load_corpus(place.meetings.parent, leave_out=tuple(drafts))

    return load


class _Place:
    """Where a reviewed draft belongs: the project's ``data/meetings/``, and the command that checks it."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.meetings = project / "data" / "meetings"
        self.validate = "sakrad-ld validate" if project == Path(".") else f"sakrad-ld -C {project} validate"

    def is_meetings(self, folder: Path) -> bool:
        return resolved(folder) == resolved(self.meetings)

    def check_draft(self, flag: str, out: Path) -> None:
        """Refuses (a SakradError naming ``flag`` and ``out``) a draft's path: in ``data/meetings/``
        only a new ``*.yaml`` or a draft an import wrote (never a reviewed meeting, even with
        ``--force``); elsewhere what :func:`check_file_out` refuses (the rest of ``data/``, the
        project's other folders, a release, an export, a link, a folder, a device)."""
        if not (self.is_meetings(Path(os.path.abspath(out)).parent) and out.suffix in (".yaml", ".yml")):
            check_file_out(flag, out, self.project)
            return
        from ..corpus import is_draft

        if os.path.islink(out) or (os.path.exists(out) and not (out.is_file() and is_draft(out))):
            raise refused(
                flag,
                out,
                "a meeting of data/meetings/ (or a link or folder there), not a draft `sakrad-ld import` wrote",
                "--force replaces only a draft; give the draft a name of its own",
            )

    def file_of(self, meeting: Meeting) -> Path:
        """The file a meeting of ``data/`` was read from."""
        return meeting.lines.file if meeting.lines else self.meetings / f"{meeting.id}.yaml"

    def check_new_meeting(self, flag: str, out: Path | None, known: Meeting | None, what: str) -> None:
        """Refuses (a SakradError naming ``flag``, ``out`` and the meeting's file) a draft of a sakråd
        ``data/`` has already (``known``) written into ``data/meetings/``: loading would refuse the two
        files as one sakråd. Printed, or written elsewhere, the draft shows what the ``what`` states."""
        known = self.other_than(out, known)
        if out is None or known is None or not self.is_meetings(Path(os.path.abspath(out)).parent):
            return
        file = self.file_of(known)
        raise refused(
            flag,
            out,
            f"the {what} is about a sakråd data/ already has, meeting {known.id!r} ({file}); a second file of "
            "it in data/meetings/ would be refused as the same sakråd",
            f"add what the {what} has that the meeting lacks to {file}; to read the draft first, leave out "
            f"{flag} (it is printed) or write it outside data/meetings/",
        )

    def other_than(self, out: Path | None, known: Meeting | None) -> Meeting | None:
        """``known``, unless it is the meeting of the file ``out`` itself: a draft that ``--force``
        replaces is no second file of its sakråd."""
        if out is None or known is None:
            return known
        same = os.path.abspath(self.file_of(known)) == os.path.abspath(out)
        return None if same else known

    def check_drafts_folder(self, out_dir: Path) -> None:
        """Refuses an ``--out-dir`` that drafts may not go into: ``data/meetings/`` is theirs; any
        other place is checked as every command's folder (:func:`check_out`), and a file is no folder."""
        if self.is_meetings(out_dir):
            return
        check_out("--out-dir", out_dir, writers_places(self.project))
        if os.path.lexists(out_dir) and not out_dir.is_dir():
            raise refused("--out-dir", out_dir, "a file, not a folder", "give a folder for the drafts")

    def after_writing(self, out: Path, meeting_id: str, known: Meeting | None = None) -> str:
        """What to do with a draft written to ``out``: it is in place already, or where to move it (or,
        a draft of a sakråd ``data/`` has already as ``known``, what to copy from it into that file)."""
        name = f"{meeting_id}.yaml"
        known = self.other_than(out, known)
        if known is not None:
            return (
                f"Wrote the draft of meeting {meeting_id} to {out}. It is about a sakråd data/ already has, meeting "
                f"{known.id} ({self.file_of(known)}): do not move it to data/meetings/; add what it has that the "
                f"meeting lacks to that file, then run `{self.validate}`"
            )
        if self.is_meetings(out.parent):
            rename = "" if out.name == name else f"; its name should be {name} (rename it, or change its id)"
            return (
                f"Wrote the draft of meeting {meeting_id} to {out}, in place in data/meetings/{rename}: review "
                f"every fact against the page, add the records its comments propose, then run `{self.validate}`"
            )
        return (
            f"Wrote the draft of meeting {meeting_id} to {out}: review every fact against the page, move it "
            f"to {self.meetings / name}, add the records its comments propose, then run `{self.validate}`"
        )


def _write(text: str, out: Path | None, meeting_id: str, place: _Place, known: Meeting | None = None) -> None:
    """The draft into ``out``, or on standard output without ``out``: in UTF-8 there too, whatever the
    terminal's encoding, as a YAML file is (YAML 1.2 §5.2), never with escapes in place of the
    characters the terminal lacks, which would change the names the draft gives (``Malm\\xf6``)."""
    if out is None:
        utf8_out(text)
    else:
        write_files([(out, text.encode("utf-8"))])
        _note(place.after_writing(out, meeting_id, known))


def _kept_files(kept: dict[str, str], folder: Path | None, place: _Place, origin: str = "") -> list[tuple[Path, bytes]]:
    """Where the page texts a draft's sources keep (``file: sources/<id>.md``) are written: into the
    project's ``data/`` when the draft is in ``data/meetings/`` (where the record's ``file:`` finds them),
    else beside the draft (``<folder>/<id>.md``); printed (no folder) the draft's note names them.
    A text already there is left as it is."""
    if folder is None:
        for path in kept:
            _note(
                f"note: the page's text is to be kept as data/{path} (the proposed source's file:): copy "
                f"{origin or 'the page'} there unchanged, or give --out to have it written beside the draft"
            )
        return []
    if place.is_meetings(folder):
        files = [(place.meetings.parent / path, text.encode("utf-8")) for path, text in kept.items()]
    else:
        files = [(folder / Path(path).name, text.encode("utf-8")) for path, text in kept.items()]
    for target, data in files:
        if not target.exists():
            _note(f"note: the page's text, which the proposed source keeps, is written to {target}")
        elif _same_bytes(target, data):
            _note(f"note: the page's text, which the proposed source keeps, is already {target}")
        else:
            _note(
                f"note: {target} is left as it is, and differs from the page's text the proposed source keeps: "
                "loading reads the draft against the text there; compare them, and replace it by hand if the page "
                "changed"
            )
    return [(t, b) for t, b in files if not t.exists()]


def _same_bytes(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding ``data``: read only then, no further than its
    length, opened without waiting (a FIFO or a link to ``/dev/zero`` there holds no text)."""
    from ..errors import SakradError
    from ..inputfiles import read_input

    try:
        return read_input(path, max_bytes=len(data)) == data
    except (OSError, SakradError):
        return False


def _documentation(path: Path, out: Path | None, corpus: Corpus, place: _Place) -> int:
    from .documentation import read_documentation
    from .draft import draft_meeting

    draft = draft_meeting(read_documentation(path), corpus)
    known = _known(draft.meeting, draft.existing, corpus)
    place.check_new_meeting("--out", out, known, "documentation")
    _write(draft.yaml(), out, draft.meeting.id, place, known)
    if draft.new_records:
        _note(f"{draft.new_records} new record(s) to add by hand: see the comments in the draft")
    return EXIT_OK


def _page(page, entry, out: Path | None, corpus: Corpus, place: _Place, linked=()) -> int:  # noqa: ANN001
    from .batch import take_in
    from .page_draft import draft_page

    siblings = tuple(e.url for _, e in linked)
    draft = draft_page(page, entry, corpus, siblings)
    if draft.meeting is None and draft.existing:
        _note(
            f"{draft.url} is already a source of data/meetings/{draft.existing}.yaml; its words do not read as "
            f"a page about a sakråd ({draft.kind}), so nothing was drafted"
        )
        return EXIT_OK
    if draft.meeting is None:
        said = f"; it mentions: {draft.mentions[0]}" if draft.mentions else ""
        _note(f"{draft.url}: not a page about a sakråd ({draft.kind}), nothing drafted{said}")
        return EXIT_OK
    others = [draft_page(p, e, corpus, (entry.url, *siblings)) for p, e in linked]
    draft, said = take_in(draft, others)
    for line in said:
        _note(line)
    known = _known(draft.meeting, draft.existing, corpus)
    place.check_new_meeting("--out", out, known, "page")
    if draft.existing:
        _note(f"{draft.url} is already a source of data/meetings/{draft.existing}.yaml; the draft shows what it states")
    _write(draft.yaml(), out, draft.meeting.id, place, known)
    texts = _kept_files(draft.kept, out.parent if out is not None else None, place, draft.origin)
    if texts:
        write_files(texts, folders=True)
    return EXIT_OK


def _known(meeting: Meeting, existing: str | None, corpus: Corpus) -> Meeting | None:
    """The meeting of ``data/`` a draft is about already: the one its page is a source of
    (``existing``), or the one loading would call the same sakråd (:mod:`sakrad_ld.duplicated`)."""
    from ..duplicated import same_sakrad

    if existing is not None:
        return next((m for m in corpus.meetings if m.id == existing), None)
    clash = same_sakrad(meeting, corpus)
    return clash.first if clash else None


def _batch(listing: Path, pages: Path, out_dir: Path, force: bool, load: Callable[[], Corpus], place: _Place) -> int:
    from .batch import draft_listing, page_files
    from .regeringen import read_listing

    if not pages.is_dir():
        raise InputError(Where(pages, 0), "no such folder", "the folder of the listing's pages")
    entries = read_listing(listing)
    page_files(pages)  # every page checked before data/ is loaded
    corpus = load()
    batch = draft_listing(entries, pages, corpus)
    targets = [(out_dir / f"{d.meeting.id}.yaml", d) for d in batch.drafts if d.meeting]
    for target, draft in targets:
        place.check_draft("--out-dir", target)
        if place.is_meetings(out_dir):  # a draft of a sakråd data/ has already is refused there
            place.check_new_meeting("--out-dir", target, _known(draft.meeting, draft.existing, corpus), "page")
    clash = [str(t) for t, _ in targets if t.exists()]
    if clash and not force:
        return _refuse(f"{len(clash)} draft(s) exist, such as {clash[0]}; nothing was written (give --force)")
    texts = [f for _, draft in targets for f in _kept_files(draft.kept, out_dir, place)]
    write_files([*((target, draft.yaml().encode("utf-8")) for target, draft in targets), *texts], folders=True)
    sys.stdout.write(batch.summary())
    if targets and place.is_meetings(out_dir):
        _note(
            f"The {len(targets)} draft(s) are in place in data/meetings/: review every fact against its page, "
            f"add the records their comments propose, then run `{place.validate}`"
        )
    elif targets:
        _note(
            f"Review the {len(targets)} draft(s) in {out_dir}, then move them to {place.meetings}/ and run "
            f"`{place.validate}`"
        )
    return EXIT_OK
