"""`sakrad-ld import` against hostile input: a server that sends without end, sends one byte a second or
a header line of megabytes, a text with a control character, and a PAGE that is not a file. Each is an
exit-2 message naming the URL or the file, never a traceback or an unbounded read."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sakrad_ld.cli import main
from sakrad_ld.errors import InputError
from sakrad_ld.importer import regeringen
from sakrad_ld.importer.regeringen import fetch_page

SEED_TEXT = Path(__file__).parent.parent / "data" / "sources" / "sakrad-2017-12-12-integration.txt"


def _endless(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
    for _ in range(10_000):  # 640 MB if nobody stops reading
        conn.sendall(b"A" * 65536)


def _slow(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
    for _ in range(100):
        conn.sendall(b"x")
        time.sleep(0.1)  # each byte well within the per-read timeout


def _long_header(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nX-A: " + b"a" * 200_000 + b"\r\n\r\nhi")


def test_an_endless_body_is_cut_at_the_cap_and_named(evil_server, capsys: pytest.CaptureFixture[str]) -> None:
    url = evil_server(_endless) + "/inf"
    assert main(["import", "--fetch", url]) == 2
    err = capsys.readouterr().err
    assert f"{url}: the page is too large" in err and f"{regeringen.MAX_PAGE_BYTES:,} bytes" in err
    assert "Traceback" not in err


def test_an_announced_body_over_the_cap_is_refused_before_reading(evil_server) -> None:
    def announced(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 9999999999\r\n\r\nx")

    with pytest.raises(InputError, match="announces 9,999,999,999 bytes"):
        fetch_page(evil_server(announced) + "/x")


@pytest.mark.parametrize("length", [b"1" * 5000, b"0" * 5000 + b"12"])
def test_an_announced_length_of_thousands_of_digits_is_no_traceback(evil_server, length: bytes) -> None:
    def announced(conn: socket.socket) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + length + b"\r\n\r\n# T\n\nbody."
        )

    if length.startswith(b"0"):  # 12 bytes announced, fewer sent: the page as read
        assert fetch_page(evil_server(announced) + "/x").title == "T"
    else:
        with pytest.raises(InputError, match="a length of more than 18 digits"):
            fetch_page(evil_server(announced) + "/x")


def test_a_small_cap_is_honoured(evil_server) -> None:
    def page(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n# Title\n\n" + b"b" * 5000)

    url = evil_server(page)
    with pytest.raises(InputError, match="more than 1,000 bytes"):
        fetch_page(url + "/p", limit=1000)
    assert fetch_page(url + "/p", limit=10_000).title == "Title"


def test_a_server_sending_one_byte_at_a_time_meets_the_deadline(evil_server) -> None:
    url = evil_server(_slow) + "/slow"
    with pytest.raises(InputError) as caught:
        fetch_page(url, timeout=5, deadline=0.5)
    assert str(caught.value).startswith(f"{url}: the server did not send the whole page within 0.5 s")


def test_a_header_line_too_long_is_a_message(evil_server, capsys: pytest.CaptureFixture[str]) -> None:
    url = evil_server(_long_header) + "/hdr"
    assert main(["import", "--fetch", url]) == 2
    err = capsys.readouterr().err
    assert f"{url}: cannot fetch the page: LineTooLong" in err and "Traceback" not in err


def test_the_url_keeps_its_double_slash(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--fetch", "http://127.0.0.1:9/x"]) == 2  # the discard port: refused
    err = capsys.readouterr().err
    assert "error: http://127.0.0.1:9/x: cannot fetch the page" in err and "http:/1" not in err


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f"])
def test_a_control_character_in_the_text_is_named_with_its_line(
    tmp_path: Path, char: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    assert "Svenska kyrkan" in text
    file = tmp_path / "text.txt"
    file.write_text(text.replace("Svenska kyrkan", f"Svenska{char}kyrkan", 1), encoding="utf-8")
    line = text[: text.index("Svenska kyrkan")].count("\n") + 1
    assert main(["import", str(file)]) == 2
    err = capsys.readouterr().err
    assert f"{file}:{line}: the text holds the control character U+{ord(char):04X}" in err
    assert "Traceback" not in err


def test_a_control_character_in_a_page_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"page\.md:3: the text holds the control character U\+001B"):
        regeringen.parse_page("# Title\n\nfirst\x1b\n", str(tmp_path / "page.md"))


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.mkdir(), "this is a folder, not a file"),
        (lambda p: os.mkfifo(p), "this is a FIFO (named pipe), not a file"),
        (lambda p: p.symlink_to(p.parent / "nothing"), "a link to nothing"),
        (lambda p: None, "no such file"),
    ],
)
def test_a_page_that_is_not_a_file_is_said_what_it_is(
    tmp_path: Path, make, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page"
    make(path)
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: {said}" in err and "Traceback" not in err


def test_a_device_is_said_to_be_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", os.devnull]) == 2
    assert f"{os.devnull}: this is a device, not a file" in capsys.readouterr().err


def test_a_count_of_more_digits_than_a_count_may_have_states_no_number(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 23 digits: the draft keeps the words without a value instead of failing on a line of a draft
    # the user never sees ("draft of …:33: got a number")
    text = SEED_TEXT.read_text(encoding="utf-8")
    assert "samlade femton" in text
    file = tmp_path / "count.txt"
    file.write_text(text.replace("samlade femton", "samlade 99999999999999999999999", 1), encoding="utf-8")
    assert main(["-C", str(root), "import", str(file)]) == 0
    out = capsys.readouterr().out
    assert "99999999999999999999999" in out and "value: 99999999999999999999999" not in out


# --- redirects and encodings -----------------------------------------------------------------------


def _redirect(to: str) -> Callable[[socket.socket], None]:
    def answer(conn: socket.socket) -> None:
        conn.sendall(f"HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())

    return answer


def _page(body: bytes, *headers: str) -> Callable[[socket.socket], None]:
    def answer(conn: socket.socket) -> None:
        head = "".join(f"{h}\r\n" for h in ("Content-Type: text/plain; charset=utf-8", *headers))
        conn.sendall(
            f"HTTP/1.1 200 OK\r\n{head}Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body
        )

    return answer


@pytest.mark.parametrize(
    ("to", "said"),
    [
        ("ftp://127.0.0.1/x", "ftp://127.0.0.1/x, which is not an http(s) address"),
        ("file:///etc/passwd", "not allowed"),  # urllib's own refusal, before ours
        ("http://169.254.169.254/latest/meta-data/", "a link-local address, which the address given is not"),
    ],
)
def test_a_redirect_to_another_scheme_or_to_link_local_is_not_followed(
    evil_server, capsys: pytest.CaptureFixture[str], to: str, said: str
) -> None:
    url = evil_server(_redirect(to)) + "/r"
    assert main(["import", "--fetch", url]) == 2
    err = capsys.readouterr().err
    assert f"{url}: cannot fetch the page" in err and said in err, err
    assert "Traceback" not in err


def test_a_page_on_a_public_address_cannot_redirect_to_loopback_or_a_private_one() -> None:
    import urllib.request

    redirects = regeringen._Redirects("http://93.184.216.34/sakrad")  # an address literal: no name looked up
    request = urllib.request.Request("http://93.184.216.34/sakrad")
    for to, kind in [("http://127.0.0.1:18621/manifest.json", "loopback"), ("http://10.0.0.5/", "private")]:
        with pytest.raises(regeringen._Refused, match=f"a {kind} address"):
            redirects.redirect_request(request, None, 302, "Found", {}, to)
    assert redirects.redirect_request(request, None, 302, "Found", {}, "https://93.184.216.35/x") is not None


def test_redirects_on_loopback_are_followed_when_the_first_address_is_there_at_most_five(evil_server) -> None:
    page = evil_server(_page(b"# Title\n\nText.\n"))
    assert fetch_page(evil_server(_redirect(page + "/p")) + "/r").title == "Title"
    loop = evil_server(lambda conn: _redirect(f"/again{time.monotonic_ns()}")(conn))
    with pytest.raises(InputError, match="redirected more than 5 times"):
        fetch_page(loop + "/r")


def test_a_compressed_page_is_read_within_the_cap_and_other_bytes_are_named(evil_server) -> None:
    import gzip

    text = b"# Title\n\n" + b"Text. " * 1000 + b"\n"
    assert fetch_page(evil_server(_page(gzip.compress(text), "Content-Encoding: gzip")) + "/z").title == "Title"
    bomb = gzip.compress(b"a" * (regeringen.MAX_PAGE_BYTES + 10))  # 4 KB that unpack past the cap
    with pytest.raises(InputError, match="uncompressed, has more than"):
        fetch_page(evil_server(_page(bomb, "Content-Encoding: gzip")) + "/b")
    with pytest.raises(InputError, match="compressed as 'br'"):
        fetch_page(evil_server(_page(b"x", "Content-Encoding: br")) + "/br")
    with pytest.raises(InputError, match="not utf-8 text"):
        fetch_page(evil_server(_page(b"# T\n\n\xff\xfe")) + "/bin")
