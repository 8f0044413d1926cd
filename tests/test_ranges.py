"""A download can be resumed: release files answer single byte ranges (206, Content-Range), 416 for
a range past the end, If-Range by ETag, and carry Accept-Ranges and Last-Modified; the same from
memory (files up to WHOLE_FILE) and streamed from disk (larger ones)."""

from __future__ import annotations

from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from sakrad_ld.serving import files
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

FILE = "sakrad.nt"


@pytest.fixture(scope="module", params=["memory", "disk"])
def client(request: pytest.FixtureRequest, fixture_release: Path) -> Iterator[tuple[TestClient, bytes]]:
    with pytest.MonkeyPatch.context() as patch:
        if request.param == "disk":  # every file streamed from disk
            patch.setattr(files, "WHOLE_FILE", 0)
        with TestClient(create_app(fixture_release, Settings())) as c:
            yield c, (fixture_release / FILE).read_bytes()


@pytest.mark.parametrize("path", [f"/{FILE}", f"/download/{FILE}"])
def test_one_range_is_206_with_its_content_range(client: tuple[TestClient, bytes], path: str) -> None:
    c, data = client
    size = len(data)
    for header, first, last in (
        ("bytes=0-9", 0, 9),
        ("bytes=10-", 10, size - 1),
        ("bytes=-5", size - 5, size - 1),
        (f"bytes=100-{size + 1000}", 100, size - 1),  # a last byte past the end is the end
        (f"bytes=-{size + 10}", 0, size - 1),
        ("Bytes = 3 - 4", 3, 4),
        ("bytes=" + "0" * 30 + "3-" + "0" * 30 + "4", 3, 4),  # leading zeros do not make a number larger
        ("bytes=100-" + "9" * 30, 100, size - 1),  # a last byte past the end, however many digits
        ("bytes=-" + "9" * 5000, 0, size - 1),  # more digits than Python makes an int of
    ):
        r = c.get(path, headers={"range": header})
        assert r.status_code == 206, (header, r.status_code)
        assert r.headers["content-range"] == f"bytes {first}-{last}/{size}", header
        assert r.content == data[first : last + 1], header
        assert int(r.headers["content-length"]) == last - first + 1
        assert r.headers["accept-ranges"] == "bytes" and r.headers["etag"]


def test_the_whole_file_says_it_accepts_ranges_and_when_it_was_written(
    client: tuple[TestClient, bytes], fixture_release: Path
) -> None:
    c, data = client
    r = c.get(f"/{FILE}")
    assert r.status_code == 200 and r.content == data and "content-range" not in r.headers
    assert r.headers["accept-ranges"] == "bytes"
    written = int((fixture_release / FILE).stat().st_mtime)
    assert parsedate_to_datetime(r.headers["last-modified"]).timestamp() == written
    again = c.get(f"/{FILE}", headers={"if-modified-since": r.headers["last-modified"]})
    assert again.status_code == 304 and again.content == b""
    assert c.get(f"/{FILE}", headers={"if-modified-since": "Thu, 01 Jan 1970 00:00:00 GMT"}).status_code == 200
    # If-None-Match decides when both are sent: another tag is not the same bytes
    both = c.get(f"/{FILE}", headers={"if-modified-since": r.headers["last-modified"], "if-none-match": '"x"'})
    assert both.status_code == 200


@pytest.mark.parametrize(
    "header",
    [
        "bytes=0-1,5-6",
        "bytes=9-3",
        "items=0-1",
        "bytes=x-",
        "bytes=-",
        "bytes=" + "9" * 30 + "-3",  # a last byte before the first: invalid, however many digits
        "bytes=" + "2" * 30 + "-" + "1" * 30,
        "bytes=1e30-",
        "bytes=-1-",
    ],
)
def test_several_ranges_or_a_malformed_one_get_the_whole_file(client: tuple[TestClient, bytes], header: str) -> None:
    c, data = client
    r = c.get(f"/{FILE}", headers={"range": header})
    assert r.status_code == 200 and r.content == data and "content-range" not in r.headers


@pytest.mark.parametrize(
    "header",
    [
        "bytes={size}-",
        "bytes={size}-{end}",
        "bytes=-0",
        "bytes=99999999999999999999999999-",  # more digits than a 64-bit integer holds
        "bytes=" + "9" * 5000 + "-",  # more digits than Python makes an int of
        "bytes=" + "9" * 30 + "-" + "9" * 31,
        "bytes=" + "0" * 30 + "{size}-",
        "bytes=-" + "0" * 30,
    ],
)
def test_a_range_past_the_end_is_416_with_the_size(client: tuple[TestClient, bytes], header: str) -> None:
    c, data = client
    r = c.get(f"/{FILE}", headers={"range": header.format(size=len(data), end=len(data) + 5)})
    assert r.status_code == 416
    assert r.headers["content-range"] == f"bytes */{len(data)}"
    assert r.headers["content-type"] == "application/problem+json"


def test_if_range_keeps_the_range_only_for_the_files_etag(client: tuple[TestClient, bytes]) -> None:
    c, data = client
    etag = c.get(f"/{FILE}").headers["etag"]
    r = c.get(f"/{FILE}", headers={"range": "bytes=0-9", "if-range": etag})
    assert r.status_code == 206 and r.content == data[:10]
    for other in ('"0000"', f"W/{etag}", "Mon, 30 Nov 2026 13:51:15 GMT"):
        r = c.get(f"/{FILE}", headers={"range": "bytes=0-9", "if-range": other})
        assert r.status_code == 200 and r.content == data, other
    r = c.get(f"/{FILE}", headers={"range": "bytes=0-9", "if-none-match": etag})
    assert r.status_code == 304  # the client has the whole file


def test_byte_range_reads_the_header_as_rfc_9110_says() -> None:
    assert files.byte_range(None, None, '"e"', 10) == files.WHOLE
    assert files.byte_range("bytes=0-0", None, '"e"', 10) == (0, 0)
    assert files.byte_range("bytes=0-", None, '"e"', 0) is None  # nothing to send of an empty file
    assert files.byte_range("bytes=-3", '"e"', '"e"', 2) == (0, 1)
    assert files.byte_range("bytes=\u00b2-", None, '"e"', 10) == files.WHOLE  # a digit, but not an ASCII one
    assert files.byte_range("bytes=10-", None, '"e"', 10) is None
    assert files.byte_range("bytes=9-", None, '"e"', 10) == (9, 9)
    assert files.byte_range("bytes=-10", None, '"e"', 10) == (0, 9)
    assert files.byte_range("bytes=-9", None, '"e"', 10) == (1, 9)
    assert files.byte_range("bytes=0-9", None, '"e"', 10) == (0, 9)
    assert files.byte_range("bytes=0-10", None, '"e"', 10) == (0, 9)
    assert files.byte_range("bytes=" + "1" * 19 + "-", None, '"e"', 10**19) == (int("1" * 19), 10**19 - 1)
    assert files.byte_range("bytes=" + "9" * 40 + "-", None, '"e"', 10) is None
