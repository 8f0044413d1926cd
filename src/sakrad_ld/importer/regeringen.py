"""A regeringen.se page and its listing entry: the page's text as Markdown, the site's listing of it
(title, address, publication date, sender codes, attachments, shortcuts), and what kind of page it is.

The listing is the JSON the site's search API gives (``listing.json``: one entry per page); the codes
(``codes.json`` beside it) name the senders. See ``docs/import.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Where
from ..markup import rendered, unemphasised
from ..typedyaml import plain_text

__all__ = [
    "SITE",
    "Entry",
    "Link",
    "Page",
    "check_page",
    "fetch_page",
    "find_entry",
    "page_kind",
    "read_listing",
    "read_page",
    "read_page_bytes",
]

SITE = "https://www.regeringen.se"

#: The section of the site a page's address starts with → the kind of document (records.Source.kind).
SECTION_KINDS = {"sakrad": "web-page", "artiklar": "article", "pressmeddelanden": "press-release"}

#: A diarienummer: the ministry's code as the Government Offices write it ("A", "S", "UD", "KN", and
#: mixed case: "Fi", "Ju", "Ku", "Fö", "LI"), the year, the number ("Fi2024/00123", "A2025/00489").
_DIARIENUMMER = re.compile(r"\b[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,2}\d{4}/\d{3,6}(?:/[A-ZÅÄÖ0-9-]+)?\b")


@dataclass(frozen=True)
class Link:
    """An attachment or a shortcut of a page: its name and its address on the site."""

    name: str
    url: str

    @property
    def full_url(self) -> str:
        return self.url if self.url.startswith("http") else SITE + self.url


@dataclass(frozen=True)
class Entry:
    """A page's listing entry, as the site lists it. ``None`` or empty: not in the listing."""

    url: str
    title: str = ""
    published: str | None = None
    updated: str | None = None  # the listing's date of the page's last update
    senders: tuple[str, ...] = ()
    sender_names: tuple[str, ...] = ()
    subtitle: str | None = None  # the listing's ``id``: often "Diarienummer: …"
    attachments: tuple[Link, ...] = ()
    shortcuts: tuple[Link, ...] = ()
    listed: bool = True

    @property
    def full_url(self) -> str:
        return SITE + self.url

    @property
    def section(self) -> str:
        return self.url.strip("/").split("/")[0]

    @property
    def case_numbers(self) -> tuple[str, ...]:
        """The diarienummer the subtitle gives, each once, in order."""
        found = _DIARIENUMMER.findall(self.subtitle or "")
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Page:
    """A page's text: its title (the ``#`` line) and its paragraphs, Markdown marks kept."""

    title: str
    paragraphs: tuple[str, ...]
    origin: str  # the file or address it was read from
    #: each paragraph's lines as the Markdown has them: where lists, numbered items and headings are told apart
    blocks: tuple[tuple[str, ...], ...] = ()
    #: the page's Markdown as read: the text a draft proposes to keep beside the data (``file:``)
    markdown: str = ""
    #: the text the page holds that its reader is not shown as text (an HTML comment, struck-through
    #: words): read as no fact, each named in a CHECK
    hidden: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


#: The most bytes a listing or its codes.json may have (the snapshot's listing of 28 pages has 32 KB).
MAX_LISTING_BYTES = 32 * 2**20
#: The most digits a number of a listing may have (Python's int() refuses more than 4,300).
_MAX_DIGITS = 100
_LISTING = "a JSON list of page entries (objects with url, title, published, senders, attachments …), as listing.json"
_CODES = 'a JSON object of codes and their names ({"1293": "Kulturdepartementet", …}), as codes.json'


def read_listing(path: Path) -> tuple[Entry, ...]:
    """Every entry of a listing file, with sender names from ``codes.json`` beside it when it is there.

    Both files are read as every input is (:func:`~sakrad_ld.inputfiles.read_input`: a regular file
    of bounded size, opened without waiting), and each entry's fields are checked for their type: a
    listing of another shape is an InputError naming the file, the entry and the field."""
    raw = _read_json(path, _LISTING)
    if not isinstance(raw, list):
        raise InputError(
            Where(path, 0), f"not a listing: the file is a JSON {_json_kind(raw)}, not a JSON list", _LISTING
        )
    codes_file = path.parent / "codes.json"
    codes = _read_codes(codes_file) if os.path.lexists(codes_file) else {}
    entries = tuple(_entry(item, codes, path, at) for at, item in enumerate(raw) if _listed(item, path, at))
    for entry in entries:
        if entry.published is not None and not _iso_day(entry.published):
            raise InputError(
                Where(path, 0, "published"),
                f"the entry {entry.url} gives published {entry.published!r}, which is no day of the calendar",
                "a date such as 2025-03-07 (or null)",
                "correct the listing, or fetch it again",
            )
    return entries


def _read_json(path: Path, expected: str) -> object:
    """The JSON of the file ``path``, read as every input is (strict JSON,
    :func:`~sakrad_ld.inputfiles.strict_json`); an InputError naming the file and the line for what is
    no JSON, not strict JSON (a key twice, NaN), nested deeper than the parser follows, or holds a number
    of too many digits."""
    from ..inputfiles import JsonRefusal, read_input, strict_json

    data = read_input(path, max_bytes=MAX_LISTING_BYTES, expected=expected)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            Where(path, data[: error.start].count(b"\n") + 1),
            f"the file is not UTF-8 text (byte {error.start:,} cannot be read)",
            expected,
        ) from None
    try:
        return strict_json(text, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        raise InputError(Where(path, error.lineno), f"not JSON: {error.msg} (column {error.colno})", expected) from None
    except JsonRefusal as error:  # JSON's grammar, but not strict JSON (RFC 8259 §4, §6; I-JSON, RFC 7493)
        at = error.offset
        line, column = (text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)) if at is not None else (0, 0)
        where = f" (column {column})" if at is not None else ""
        raise InputError(Where(path, line), f"not strict JSON: {error.problem}{where}", expected) from None
    except RecursionError:
        raise InputError(Where(path, 0), "the JSON is nested deeper than it can be read", expected) from None
    except _TooManyDigits as error:
        raise InputError(Where(path, 0), f"a number of more than {_MAX_DIGITS} digits ({error})", expected) from None
    except ValueError as error:  # anything else the decoder refuses
        raise InputError(Where(path, 0), f"not JSON: {str(error)[:200]}", expected) from None


class _TooManyDigits(ValueError):
    pass


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        raise _TooManyDigits(f"{text[:12]}… of {len(text):,} digits")
    return int(text)


def _json_kind(value: object) -> str:
    kinds = ((dict, "object"), (list, "list"), (str, "string"), (bool, "true or false"), ((int, float), "number"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "null")


def _read_codes(path: Path) -> dict[str, str]:
    """The codes of ``codes.json``: an object of names (strings), one per code."""
    raw = _read_json(path, _CODES)
    if not isinstance(raw, dict):
        raise InputError(Where(path, 0), f"the file is a JSON {_json_kind(raw)}, not a JSON object", _CODES)
    for code, name in raw.items():
        if not isinstance(name, str):
            raise InputError(Where(path, 0, code), f"the code's name is a JSON {_json_kind(name)}", _CODES)
    return raw


def _listed(item: object, path: Path, at: int) -> bool:
    """Whether the listing's ``at``-th ``item`` is an entry of a page (an object with a url); an entry
    of another type is an InputError naming it; one without a url (or null) is no page's and passed over."""
    if not isinstance(item, dict):
        raise InputError(Where(path, 0, f"[{at}]"), f"the entry is a JSON {_json_kind(item)}, not an object", _LISTING)
    return bool(item.get("url"))


#: The fields of an entry that are texts or null (``published``, a day, is checked as one by read_listing).
_TEXT_FIELDS = ("url", "title", "updated", "id")


def _check_entry(item: dict, path: Path, at: int) -> None:
    """An InputError naming the file, entry and field where a field of the entry ``item`` is not of its type."""

    def wrong(field: str, value: object, expected: str) -> InputError:
        url = item.get("url") if isinstance(item.get("url"), str) else f"number {at}"
        said = f"the entry {url} gives {field.split('.')[-1].split('[')[0]} as a JSON {_json_kind(value)}"
        return InputError(Where(path, 0, f"[{at}].{field}"), said, expected, "correct the listing, or fetch it again")

    for name in _TEXT_FIELDS:
        if item.get(name) is not None and not isinstance(item[name], str):
            raise wrong(name, item[name], f"{name} as a text (or null)")
    senders = item.get("senders")
    if senders is not None and not isinstance(senders, list):
        raise wrong("senders", senders, "senders as a list of codes (texts), or null")
    for n, code in enumerate(senders or ()):
        if not isinstance(code, str):
            raise wrong(f"senders[{n}]", code, 'each sender as a code (a text such as "1293")')
    for key in ("attachments", "shortcuts"):
        links = item.get(key)
        if links is not None and not isinstance(links, list):
            raise wrong(key, links, f"{key} as a list of objects with name and url, or null")
        for n, link in enumerate(links or ()):
            if not isinstance(link, dict):
                raise wrong(f"{key}[{n}]", link, f"each of {key} as an object with name and url")
            for field in ("name", "url"):
                if link.get(field) is not None and not isinstance(link[field], str):
                    raise wrong(f"{key}[{n}].{field}", link[field], f"the {field} of each of {key} as a text")


def _iso_day(text: object) -> bool:
    """Whether ``text`` is a day of the calendar written YYYY-MM-DD ("2025-02-30" is none)."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _entry(item: dict, codes: dict[str, str], path: Path, at: int) -> Entry:
    _check_entry(item, path, at)

    def links(key: str) -> tuple[Link, ...]:
        return tuple(
            Link(" ".join(str(a.get("name") or "").split()), a["url"]) for a in item.get(key) or () if a.get("url")
        )

    senders = tuple(item.get("senders") or ())
    return Entry(
        url=item["url"],
        title=" ".join((item.get("title") or "").split()),
        published=item.get("published") or None,
        updated=item.get("updated") or None,
        senders=senders,
        sender_names=tuple(codes.get(s, "") for s in senders),
        subtitle=item.get("id") or None,
        attachments=links("attachments"),
        shortcuts=links("shortcuts"),
        listed=not ("listing" in item and item["listing"] is None),
    )


#: Characters a YAML draft cannot hold (YAML's printable set is the complement): C0 controls but tab and
#: line ends, DEL and C1 controls but NEL, surrogates, U+FFFE/U+FFFF.
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def refuse_controls(text: str, file: Path) -> None:
    """An InputError naming the line of the first control character in a text to import (NUL, ESC, …):
    none belongs in a page or a documentation text, and a draft cannot hold one."""
    found = _UNPRINTABLE.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    raise InputError(
        Where(file, line),
        f"the text holds the control character U+{ord(found.group()):04X}",
        "text without control characters (other than tab and line ends)",
        "remove it; it is often left by a copy from a PDF or a terminal",
    )


def page_url(path: Path) -> str:
    """The site address of a page file ``…/<section>/<yyyy>/<mm>/<slug>.md``, as the snapshot keeps
    pages; an InputError for a file named otherwise, whose address cannot be told from its name."""
    parts = path.with_suffix("").parts[-4:]
    if len(parts) < 4 or parts[0] not in SECTION_KINDS or not (parts[1].isdigit() and parts[2].isdigit()):
        raise InputError(
            Where(path, 0),
            "the page's address on regeringen.se cannot be told from this file's name",
            f"a page file named <{'|'.join(SECTION_KINDS)}>/<yyyy>/<mm>/<slug>.md, as regeringen/pages/ keeps them",
            "keep the site's folders in the path, or give the address with --fetch URL",
        )
    return "/" + "/".join(parts) + "/"


def find_entry(entries: tuple[Entry, ...], url: str) -> Entry | None:
    path = re.sub(r"^https?://[^/]+", "", url)
    path = path if path.endswith("/") else path + "/"
    return next((e for e in entries if e.url == path), None)


def parse_page(text: str, origin: str) -> Page:
    """A page's Markdown: the first ``#`` line is the title, blank lines part the paragraphs. Its words are
    read as the page renders them (:func:`rendered`): no comment or struck-through text, a link's text,
    no emphasis marks, entities as their characters; the lines of lists and headings keep their marks."""
    refuse_controls(text, Address(origin) if "://" in origin else Path(origin))  # type: ignore[arg-type]
    shown, hidden = rendered(text.replace("\r\n", "\n"))
    lines = plain_text(shown).split("\n")  # the words a record may hold
    title_at = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title_at is None:
        raise InputError(
            Where(Address(origin) if "://" in origin else Path(origin), 1),  # type: ignore[arg-type]
            "not a regeringen.se page: no '# ' title line",
            "the page's Markdown, as in regeringen/pages/, starting with '# <title>'",
        )
    title = " ".join(_DIARIENUMMER_TAIL.sub("", _unlabelled(lines[title_at][2:])).split())
    blocks, block = [], []
    for line in lines[title_at + 1 :] + [""]:
        if line.strip():
            block.append(" ".join(line.split()))
        elif block:
            blocks.append(tuple(block))
            block = []
    paragraphs = tuple(" ".join(_unlabelled(line) for line in b) for b in blocks)
    return Page(title, paragraphs, origin, tuple(blocks), text, tuple(plain_text(h) for h in hidden))


def _unlabelled(line: str) -> str:
    """A line of the page with its item's label as prose reads it: no emphasis marks."""
    return unemphasised(line)


_DIARIENUMMER_TAIL = re.compile(r"\s*Diarienummer:.*$")


def read_page(path: Path, limit: int | None = None) -> Page:
    """The page of the file ``path``, read as every input is (a regular file, opened without waiting)
    and refused past ``limit`` bytes (MAX_PAGE_BYTES, as for --fetch)."""
    data = read_page_bytes(path, limit)
    try:
        text = data.decode("utf-8-sig")  # a byte order mark is no text
    except UnicodeDecodeError as error:
        raise InputError(Where(path, 0), f"cannot read the page: {error}", "a UTF-8 Markdown file") from None
    return parse_page(text, str(path))


def check_page(path: Path, limit: int | None = None) -> None:
    """The InputError :func:`read_page` would raise before reading ``path``: a folder, a FIFO, a
    device, a link to nothing, a file past ``limit`` bytes. Nothing is opened."""
    from ..inputfiles import check_input

    limit = MAX_PAGE_BYTES if limit is None else limit
    size = check_input(path, max_bytes=sys.maxsize, expected=_page_expected(limit)).st_size  # its kind
    if size > limit:
        raise InputError(
            Where(path, 0),
            f"the page is {size:,} bytes, more than the {limit:,} a page may hold (regeringen.se pages are 20–200 KB)",
            _page_expected(limit),
            "check that it is the page you meant",
        )


def read_page_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the page file ``path`` (see :func:`read_page`), checked first by :func:`check_page`."""
    from ..inputfiles import read_input

    limit = MAX_PAGE_BYTES if limit is None else limit
    check_page(path, limit)
    return read_input(path, max_bytes=limit, expected=_page_expected(limit))


def _page_expected(limit: int) -> str:
    return f"the page's Markdown as the snapshot keeps it (a file of at most {limit:,} bytes)"


#: The most a fetched page may hold: regeringen.se pages are 20–200 KB; a server that sends more is not one.
MAX_PAGE_BYTES = 4 * 1024 * 1024
#: The whole fetch (connection, head and body) must be done within this many seconds.
FETCH_DEADLINE = 60.0


class Address(str):
    """A URL standing where an error names a file (``Where.file``): printed as given, ``//`` kept (a
    ``Path`` would collapse ``http://host`` to ``http:/host``)."""

    @property
    def name(self) -> str:
        return self


class _TooLarge(Exception):
    pass


class _Refused(Exception):
    """A redirect (or a first address) that ``import --fetch`` does not follow."""


class _Incomplete(Exception):
    """A body that ended before the length its server announced."""


#: The most redirects followed from the address given.
MAX_REDIRECTS = 5


def _address_kind(text: str) -> str:
    """What one resolved address is: ``loopback`` (also the unspecified 0.0.0.0/8 and ``::``, which
    Linux connects to as the machine itself, and their IPv4-mapped forms), ``link-local``, ``public``
    or ``private`` (private ranges, and what is reserved or multicast)."""
    import ipaddress

    address = ipaddress.ip_address(text.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback or address.is_unspecified or address in ipaddress.ip_network("0.0.0.0/8"):
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_global and not address.is_multicast:
        return "public"
    return "private"


def _address_kinds(host: str) -> set[str]:
    """What the addresses ``host`` resolves to are (see :func:`_address_kind`); ``{"unresolved"}``
    when it does not resolve (the fetch then fails on its own)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return {"unresolved"}
    return {_address_kind(str(info[4][0])) for info in infos}


def _checked_socket(allowed: set[str], address: tuple[str, int], timeout: object, source: object = None):  # type: ignore[no-untyped-def]
    """A connection to ``address`` (host, port) at an address its name resolves to NOW, each of which
    must be of a kind in ``allowed``: the name is looked up once, and the socket connects to the very
    address checked (a name that resolves to a public address when checked and to 127.0.0.1 when
    connected, DNS rebinding, meets the check). The request still names the host (``Host``, TLS)."""
    import socket

    host, port = address
    infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    kinds = {_address_kind(str(info[4][0])) for info in infos}
    if not_allowed := sorted(kinds - allowed):
        shown = host if len(host) <= 200 else host[:200] + "…"
        raise _Refused(f"{shown} is a {' and '.join(not_allowed)} address, which the address given is not")
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
                sock.settimeout(timeout)  # type: ignore[arg-type]
            if source:
                sock.bind(source)  # type: ignore[arg-type]
            sock.connect(sockaddr)
            return sock
        except OSError as failed:
            sock.close()
            error = failed
    raise error or OSError(f"{host} resolves to no address")


def _checked(base: type, allowed: set[str], request: urllib.request.Request):  # type: ignore[no-untyped-def]
    """``base`` (http.client's HTTP or HTTPS connection) made to connect only through
    :func:`_checked_socket`. Through a proxy (``http_proxy``, ``https_proxy``), the proxy looks the
    name up: the name is checked as it resolves here, and the proxy is connected to unchecked."""
    from functools import partial
    from urllib.parse import urlsplit

    if request.has_proxy() or getattr(request, "_tunnel_host", None):
        host = urlsplit(request.full_url).hostname or ""
        if not_allowed := sorted(_address_kinds(host) - allowed - {"unresolved"}):
            raise _Refused(f"{host} is a {' and '.join(not_allowed)} address, which the address given is not")
        return base

    class Checked(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = partial(_checked_socket, allowed)

    return Checked


class _CheckedHTTP(urllib.request.HTTPHandler):
    def __init__(self, allowed: set[str]) -> None:
        super().__init__()
        self._allowed = allowed

    def http_open(self, req):  # type: ignore[no-untyped-def]
        import http.client

        return self.do_open(_checked(http.client.HTTPConnection, self._allowed, req), req)


class _CheckedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, allowed: set[str]) -> None:
        super().__init__()
        self._allowed = allowed

    def https_open(self, req):  # type: ignore[no-untyped-def]
        import http.client

        return self.do_open(_checked(http.client.HTTPSConnection, self._allowed, req), req, context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most :data:`MAX_REDIRECTS` redirects, each over http(s), and to a public address
    unless the first address itself was loopback, link-local or private (a local test server, a
    mirror on the intranet): a page must not send the import to a cloud's metadata service
    (169.254.169.254), to another server on the machine, or to ``ftp:``."""

    max_redirections = MAX_REDIRECTS + 1  # urllib's own count, past ours: ours gives the message

    def __init__(self, first: str) -> None:
        from urllib.parse import urlsplit

        self.allowed = _address_kinds(urlsplit(first).hostname or "") | {"public"}
        self._followed = 0

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        from urllib.parse import urljoin, urlsplit

        target = urljoin(req.full_url, newurl)
        parts = urlsplit(target)
        shown = target if len(target) <= 200 else target[:200] + "…"
        self._followed += 1
        if self._followed > MAX_REDIRECTS:
            raise _Refused(f"the server redirected more than {MAX_REDIRECTS} times (the last to {shown})")
        if parts.scheme.lower() not in ("http", "https"):
            raise _Refused(f"the server redirected to {shown}, which is not an http(s) address")
        kinds = _address_kinds(parts.hostname or "")
        if not_allowed := sorted(kinds - self.allowed - {"unresolved"}):
            raise _Refused(
                f"the server redirected to {shown}, a {' and '.join(not_allowed)} address, "
                "which the address given is not"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _decoded(body: bytes, encoding: str, limit: int) -> bytes:
    """The body as sent before its ``Content-Encoding`` (gzip or deflate), at most ``limit`` bytes."""
    import zlib

    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise _Refused(f"the page is compressed as {encoding[:50]!r}, which import cannot read")
    for wbits in (16 + zlib.MAX_WBITS,) if encoding != "deflate" else (zlib.MAX_WBITS, -zlib.MAX_WBITS):
        unpack = zlib.decompressobj(wbits)
        try:
            data = unpack.decompress(body, limit + 1)
        except zlib.error:
            continue
        if len(data) > limit or unpack.unconsumed_tail:
            raise _TooLarge(f"the page, uncompressed, has more than {limit:,} bytes")
        return data
    raise _Refused(f"the page says it is compressed ({encoding}), but its bytes cannot be uncompressed")


def _check_whole(answer: object, received: int) -> None:
    """Refuses a body that ended before its end (RFC 9112 §6.3: a message body shorter than its
    ``Content-Length`` is incomplete): ``http.client`` gives a short read at the connection's close
    where a chunked body cut short raises IncompleteRead. A body without a length ends at the close."""
    missing = getattr(answer, "length", None)  # what the Content-Length announced and was not read
    if getattr(answer, "chunked", False) or not missing:
        return
    raise _Incomplete(
        f"the connection closed after {received:,} of the {received + missing:,} bytes the server announced "
        "(Content-Length)"
    )


def _read_capped(url: str, timeout: float, limit: int) -> str:
    import http.client
    from urllib.parse import urlsplit

    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise _Refused("the address is not an http(s) address")
    request = urllib.request.Request(url, headers={"Accept": "text/markdown, text/plain;q=0.9"})
    redirects = _Redirects(url)
    opener = urllib.request.build_opener(redirects, _CheckedHTTP(redirects.allowed), _CheckedHTTPS(redirects.allowed))
    with opener.open(request, timeout=timeout) as answer:
        length = answer.headers.get("Content-Length", "").lstrip("0")  # int() refuses over 4,300 digits
        if length.isascii() and length.isdigit() and (len(length) > 18 or int(length) > limit):
            raise _TooLarge(
                f"the server announces {int(length):,} bytes"
                if len(length) <= 18
                else "the server announces a length of more than 18 digits"
            )
        body = bytearray()
        try:
            while chunk := answer.read1(65536):
                body += chunk
                if len(body) > limit:
                    raise _TooLarge(f"the server sent more than {limit:,} bytes")
        except http.client.IncompleteRead as cut:  # a chunked body that ended before its last chunk
            raise _Incomplete(
                f"the connection closed after {len(body) + len(cut.partial):,} bytes, before the end of "
                "the body's chunks (Transfer-Encoding: chunked)"
            ) from None
        _check_whole(answer, len(body))
        data = _decoded(bytes(body), answer.headers.get("Content-Encoding", ""), limit)
        charset = answer.headers.get_content_charset() or "utf-8"
    try:
        return data.decode(charset)
    except LookupError:
        raise _Refused(f"the page says its text is in {charset[:50]!r}, which is no known encoding") from None
    except UnicodeDecodeError as error:
        raise _Refused(f"the page is not {charset} text (byte {error.start:,} cannot be read as {charset})") from None


def fetch_page(url: str, timeout: float = 10.0, deadline: float = FETCH_DEADLINE, limit: int = MAX_PAGE_BYTES) -> Page:
    """A page read from a server: its text as Markdown (a plain-text or Markdown answer is taken as is).

    At most ``limit`` bytes, all within ``deadline`` seconds (``timeout`` bounds each wait for a byte,
    so a server sending one byte a second would otherwise never be given up on); else an InputError."""
    import http.client

    from ..deadline import within

    where = Where(Address(url), 0)  # type: ignore[arg-type]  # printed as the URL, not a Path
    got = within(deadline, lambda: _read_capped(url, timeout, limit), name="fetch-page")
    if not got.done:  # the daemon thread ends with the process; its body is capped meanwhile
        raise InputError(
            where,
            f"the server did not send the whole page within {deadline:g} s",
            "a server that answers promptly, or the page saved as a file",
        )
    error = got.error
    if isinstance(error, _TooLarge):
        raise InputError(
            where,
            f"the page is too large: {error}",
            f"at most {limit:,} bytes (a regeringen.se page is under 1 MB), or the page saved as a file",
        )
    if isinstance(error, _Incomplete):
        raise InputError(
            where,
            f"the page arrived incomplete: {error}",
            "the whole page: fetch it again, or give the page saved as a file",
        )
    if isinstance(error, _Refused):
        raise InputError(
            where,
            f"cannot fetch the page: {error}",
            "an http(s) address of the page (redirected at most 5 times, to public addresses), or the page saved as a file",
        )
    if isinstance(error, (urllib.error.URLError, OSError, UnicodeDecodeError, http.client.HTTPException, ValueError)):
        reason = str(getattr(error, "reason", error))
        reason = reason if len(reason) <= 200 else reason[:200] + "…"
        raise InputError(
            where,
            f"cannot fetch the page: {type(error).__name__}: {reason}",
            "a reachable address, or the page saved as a file",
        )
    if error is not None:
        raise error
    return parse_page(str(got.value), url)


_SAKRAD = re.compile(r"\b(?:eu-)?(?:sakråd|samråd)", re.IGNORECASE)
_DEFINITE = re.compile(r"\b(?:eu-)?(?:sakrådet|samrådet)\b", re.IGNORECASE)
_DAY = re.compile(
    r"\bden \d{1,2} (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
    r"november|december)\b",
    re.IGNORECASE,
)


def page_kind(page: Page, entry: Entry | None) -> str:
    """What the page is: ``sakrad`` (a page of the site's sakråd section), ``about`` (an article or press
    release about one sakråd), ``mention`` (a sakråd named in passing) or ``other``."""
    section = entry.section if entry else ""
    if section == "sakrad":
        return "sakrad"
    lead = page.paragraphs[0] if page.paragraphs else ""
    if _SAKRAD.search(page.title) or _SAKRAD.search(lead):
        return "about"
    if _DAY.search(lead) and _DEFINITE.search(page.text):
        return "about"
    return "mention" if _SAKRAD.search(page.text) else "other"
