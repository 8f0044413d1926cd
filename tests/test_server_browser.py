"""The served pages as people meet them: every internal link works, and Chromium shows no console error.

A crawl starts at ``/`` and follows every internal link (``href``/``src``) a browser would, checking
each answers 200 and that each ``#fragment`` names an element on its page. Headless Chromium
(Debian's ``chromium``, installed by ``.ci/run``) loads the start page and a meeting's page; the
console errors, uncaught exceptions and failed loads are read over the Chrome DevTools Protocol.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import httpx
import pytest
from serving import serving

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

MEETING = "2017-12-12-integration"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def url(release: Path) -> Iterator[str]:
    with serving(create_app(release, Settings(timeout=10))) as root:
        yield root


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src") or (name == "action" and tag == "form"):
                self.links.append(value)
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)


def test_crawl_from_the_start_page_finds_no_broken_link(url: str) -> None:
    root = urlsplit(url)
    seen: dict[str, set[str]] = {}  # page (path?query) → ids on it
    fragments: list[tuple[str, str, str]] = []  # (from, to, fragment)
    queue, queued = ["/"], {"/"}
    broken = []
    with httpx.Client(base_url=url, headers={"accept": BROWSER_ACCEPT}, follow_redirects=True, timeout=30) as client:
        while queue:
            page = queue.pop(0)
            response = client.get(page)
            if response.status_code != 200:
                broken.append(f"{page}: {response.status_code}")
                continue
            if not response.headers["content-type"].startswith("text/html"):
                seen[page] = set()
                continue
            parser = _Links()
            parser.feed(response.text)
            seen[page] = parser.ids
            for link in parser.links:
                target = urlsplit(urljoin(url + page, link))
                if target.scheme not in ("http", "https") or target.netloc != root.netloc:
                    continue  # a link out of the site, or mailto:/data:
                path = target.path + (f"?{target.query}" if target.query else "")
                if target.fragment:
                    fragments.append((page, path, unquote(target.fragment)))
                if path not in queued:
                    queued.add(path)
                    queue.append(path)
            assert len(queued) < 5000, "the crawl does not end"
    assert not broken, "broken links:\n" + "\n".join(broken)
    assert any(p.startswith("/doc/meeting/") for p in seen) and any(p.startswith("/download/") for p in seen)
    assert any(p.startswith("/sparql?") for p in seen) and "/ontology" in seen
    missing = [f"{src} → {dst}#{frag}" for src, dst, frag in fragments
               if dst in seen and seen[dst] and frag not in seen[dst]]
    assert not missing, "links to fragments that are not on their page:\n" + "\n".join(sorted(set(missing))[:30])


# --- headless Chromium over the DevTools protocol ------------------------------------------------

class DevTools:
    """A headless Chromium and one page in it, driven over the Chrome DevTools Protocol."""

    def __init__(self, profile: Path) -> None:
        from websockets.sync.client import connect

        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        assert binary, "chromium is not installed (.ci/run installs Debian's chromium)"
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (active.is_file() and len(active.read_text().split()) >= 2):
            assert self.process.poll() is None, "chromium exited at start"
            assert time.monotonic() < deadline, "chromium did not open its DevTools port"
            time.sleep(0.05)
        port, path = active.read_text().split()[:2]
        self._stack = contextlib.ExitStack()
        self.ws = self._stack.enter_context(connect(f"ws://127.0.0.1:{port}{path}", max_size=None, open_timeout=30))
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)

    def call(self, method: str, params: dict[str, Any] | None = None, *, session: bool = False,
             timeout: float = 30) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = json.loads(self.ws.recv(timeout=max(0.01, deadline - time.monotonic())))
            if reply.get("id") == self.next_id:
                assert "error" not in reply, reply["error"]
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(json.loads(self.ws.recv(timeout=max(0.01, deadline - time.monotonic()))))

    def settle(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self.events.append(json.loads(self.ws.recv(timeout=max(0.01, deadline - time.monotonic()))))
            except TimeoutError:
                break

    def load(self, url: str) -> list[str]:
        """Loads ``url`` and returns its problems: console errors, exceptions, failed loads, HTTP errors."""
        self.events.clear()
        navigated = self.call("Page.navigate", {"url": url}, session=True)
        assert "errorText" not in navigated, navigated
        self.wait_for("Page.loadEventFired")
        self.settle(0.5)
        problems = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                problems.append("console: " + " ".join(str(a.get("value", a.get("description")))
                                                       for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                problems.append("exception: " + params["exceptionDetails"].get("text", ""))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                problems.append(f"log: {params['entry']['text']} {params['entry'].get('url', '')}")
            elif method == "Network.loadingFailed":
                problems.append(f"failed to load: {params.get('errorText')}")
            elif method == "Network.responseReceived" and params["response"]["status"] >= 400:
                problems.append(f"HTTP {params['response']['status']}: {params['response']['url']}")
        return problems

    def evaluate(self, expression: str) -> Any:
        return self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                         session=True)["result"].get("value")

    def close(self) -> None:
        try:
            self._stack.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    devtools = DevTools(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield devtools
    finally:
        devtools.close()


@pytest.mark.parametrize(("path", "heading"), [
    ("/", "Sakråd"),
    (f"/id/meeting/{MEETING}", "Sakråd den 12 december 2017"),
])
def test_chromium_loads_the_page_without_console_errors(browser: DevTools, url: str, path: str,
                                                        heading: str) -> None:
    problems = browser.load(url + path)
    assert not problems, f"{path}:\n" + "\n".join(problems)
    assert heading in (browser.evaluate("document.querySelector('h1').textContent") or "")
    assert browser.evaluate("document.readyState") == "complete"
    if path != "/":  # the IRI of the sakråd was redirected to its page
        assert browser.evaluate("location.pathname") == f"/doc/meeting/{MEETING}.html"
        assert browser.evaluate("document.querySelectorAll('ol.questions li').length") == 4


def test_the_devtools_probe_sees_a_console_error(browser: DevTools, url: str) -> None:
    """The check above could fail: a page that logs an error is caught."""
    browser.load(url + "/")
    browser.events.clear()
    browser.evaluate("console.error('probe')")
    browser.settle(0.3)
    assert any(e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error"
               for e in browser.events)
    assert any(p.startswith("HTTP 404") for p in browser.load(url + "/no/such/page"))
