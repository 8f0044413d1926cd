"""A headless Chromium and one page in it, driven over the Chrome DevTools Protocol, for the tests
that load pages in a browser (the ``browser`` fixture of ``conftest.py``)."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

#: what Chrome answers a call made while the page is being left for another
_NAVIGATED = {
    "Inspected target navigated or closed",
    "Execution context was destroyed.",
    "Cannot find context with specified id",
}


class NavigatedAway(Exception):
    """A call answered with one of :data:`_NAVIGATED`: the page it asked is gone."""


class DevTools:
    """A headless Chromium and one page in it, driven over the Chrome DevTools Protocol."""

    def __init__(self, profile: Path) -> None:
        from websockets.sync.client import connect

        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        assert binary, "chromium is not installed (.ci/run installs Debian's chromium)"
        self.process = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--accept-lang=sv-SE,sv,en",
                f"--user-data-dir={profile}",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
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

    def call(
        self, method: str, params: dict[str, Any] | None = None, *, session: bool = False, timeout: float = 30
    ) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = json.loads(self.ws.recv(timeout=max(0.01, deadline - time.monotonic())))
            if reply.get("id") == self.next_id:
                if reply.get("error", {}).get("message") in _NAVIGATED:
                    raise NavigatedAway(reply["error"]["message"])
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
                problems.append(
                    "console: " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", []))
                )
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
        return self.call(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session=True
        )["result"].get("value")

    def width(self, width: int, height: int = 844) -> None:
        """Emulates a screen ``width`` CSS pixels wide (a phone at 390)."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
            session=True,
        )

    def follow(self, expression: str) -> None:
        """Runs ``expression`` (a click that leaves the page) after this call has its answer: run
        within the call, the page can be left before the answer comes, which is then an error."""
        self.evaluate(f"setTimeout(() => {{ {expression}; }}, 0); true")

    def wait_until(self, expression: str, timeout: float = 15) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                found = self.evaluate(expression)
            except NavigatedAway:  # asked while the page was being left: ask the next page
                found = None
            if found:
                return found
            self.settle(0.1)
        raise AssertionError(f"never true in the page: {expression}")

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
