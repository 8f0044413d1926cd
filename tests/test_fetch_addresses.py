"""`import --fetch` and the addresses it connects to: every spelling of the machine itself (loopback,
and the unspecified 0.0.0.0/8 and ``::`` that Linux connects to as the machine) counts as loopback, and
the address checked is the address connected to (a name that resolves to a public address when
checked and to the machine when connected, DNS rebinding, is refused)."""

from __future__ import annotations

import socket
import threading
import urllib.request
from collections.abc import Iterator

import pytest

from sakrad_ld.errors import InputError
from sakrad_ld.importer import regeringen
from sakrad_ld.importer.regeringen import fetch_page

# Each resolves (getaddrinfo, as urllib's connection would) to an address Linux connects to as this machine.
MACHINE_ITSELF = [
    "0",
    "00",
    "0x0",
    "0.0",
    "0.0.0",
    "0.0.0.0",
    "000.000.000.000",
    "0x00000000",
    "0.1.2.3",
    "::",
    "::0",
    "0:0:0:0:0:0:0:0",
    "::0.0.0.0",
    "::ffff:0:0",
    "::ffff:0.0.0.0",
    "0:0:0:0:0:ffff:0:0",
    "127.1",
    "0177.1",
    "2130706433",
    "0x7f000001",
    "::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
]


@pytest.mark.parametrize("host", MACHINE_ITSELF)
def test_every_spelling_of_the_machine_itself_is_loopback(host: str) -> None:
    assert regeringen._address_kinds(host) == {"loopback"}


@pytest.mark.parametrize(
    ("address", "kind"),
    [("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("10.0.0.5", "private"), ("192.0.2.2", "private")],
)
def test_other_addresses_keep_their_kind(address: str, kind: str) -> None:
    assert regeringen._address_kind(address) == kind


@pytest.mark.parametrize("host", ["0", "0x0", "0.0.0.0", "[::]", "[::ffff:0:0]", "[::ffff:0.0.0.0]", "[::0.0.0.0]"])
def test_a_page_on_a_private_address_cannot_redirect_to_the_unspecified_address(host: str) -> None:
    redirects = regeringen._Redirects("http://10.0.0.5/sakrad")  # an intranet mirror: private is allowed
    request = urllib.request.Request("http://10.0.0.5/sakrad")
    with pytest.raises(regeringen._Refused, match="a loopback address, which the address given is not"):
        redirects.redirect_request(request, None, 302, "Found", {}, f"http://{host}:18731/manifest.json")


@pytest.fixture
def machine_server() -> Iterator[tuple[int, list[bytes]]]:
    """A server on 127.0.0.1 that a fetch must not reach: its port and the requests it received."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    received: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                received.append(conn.recv(65536))
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\nConnection: close\r\n\r\n# Secret\n\nx\n")

    threading.Thread(target=serve, daemon=True).start()
    yield server.getsockname()[1], received
    server.close()


def _rebinding(monkeypatch: pytest.MonkeyPatch, name: str, first: str, then: str) -> list[str]:
    """``name`` resolves to ``first`` on its first lookup and to ``then`` on every later one."""
    real = socket.getaddrinfo
    lookups: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host != name:
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        return real(first if len(lookups) == 1 else then, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return lookups


@pytest.mark.parametrize("then", ["127.0.0.1", "0.0.0.0"])
def test_a_name_rebound_to_the_machine_after_its_check_is_not_connected_to(
    monkeypatch: pytest.MonkeyPatch, machine_server: tuple[int, list[bytes]], then: str
) -> None:
    port, received = machine_server
    lookups = _rebinding(monkeypatch, "rebind.example", "93.184.216.34", then)
    with pytest.raises(InputError, match="rebind.example is a loopback address, which the address given is not"):
        fetch_page(f"http://rebind.example:{port}/sakrad", deadline=10)
    assert len(lookups) == 2 and received == []  # checked when connecting, and nothing was sent


def test_the_checked_address_is_connected_to_and_the_request_names_the_host(
    monkeypatch: pytest.MonkeyPatch, machine_server: tuple[int, list[bytes]]
) -> None:
    port, received = machine_server
    lookups = _rebinding(monkeypatch, "mirror.example", "127.0.0.1", "127.0.0.1")  # loopback when given
    assert fetch_page(f"http://mirror.example:{port}/sakrad", deadline=10).title == "Secret"
    assert len(lookups) == 2 and len(received) == 1
    assert f"Host: mirror.example:{port}".encode() in received[0]
