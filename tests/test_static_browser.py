"""The static export read by a script on another origin, in headless Chromium: what a browser does
with CORS (a preflight before a request whose headers are not CORS-safelisted, no redirect followed
for a preflight) cannot be read off the headers alone.

A page of nginx's host at ``http://localhost:PORT/`` fetch()es from ``http://127.0.0.1:…`` (another
origin): a thing's IRI (303 to its document) and a document with Comunica's default Accept (longer
than 128 bytes, so not safelisted), a release file and the JSON-LD context with ``If-None-Match``,
from ``sakrad-ld serve``, from nginx and from Apache (at its root and under a sub-path). Each must
get what the script gets from the server.
"""

from __future__ import annotations

import json
from pathlib import Path

from devtools import DevTools
from static_site import WALK_ACCEPT, things_and_parts
from test_static import nginx, opened  # noqa: F401  (fixtures; export is conftest's)
from test_static_apache import SUB_PATH, apache  # noqa: F401  (fixture)

from sakrad_ld.sparql.store import Release

COMUNICA_ACCEPT = next(a for a in WALK_ACCEPT if a and a.startswith("application/n-quads"))


_PROBE = """
(async () => {
  const out = [];
  for (const [url, headers] of %s) {
    try {
      const r = await fetch(url, {headers});
      await r.arrayBuffer();
      out.push([r.status, (r.headers.get("content-type") || "").split(";")[0], new URL(r.url).pathname]);
    } catch (e) {
      out.push([String(e)]);
    }
  }
  return JSON.stringify(out);
})()
"""


def test_a_script_on_another_origin_reads_the_export_as_it_reads_the_server(
    browser: DevTools,
    server_url: str,
    nginx: tuple[str, int],  # noqa: F811
    apache: tuple[Path, int, int],  # noqa: F811
    opened: Release,  # noqa: F811
) -> None:
    base = opened.base_iri
    thing = things_and_parts(opened)[0][0][len(base) - 1 :]
    asked = [
        (thing, {"Accept": COMUNICA_ACCEPT}),
        ("/doc/" + thing.removeprefix("/id/"), {"Accept": COMUNICA_ACCEPT}),
        ("/sakrad.ttl", {"If-None-Match": '"not-the-current-one"'}),
        ("/context.jsonld", {"If-None-Match": '"not-the-current-one"', "Accept": COMUNICA_ACCEPT}),
    ]
    host, port = nginx
    problems = browser.load(f"http://localhost:{port}/index.html")
    assert browser.evaluate("location.origin") == f"http://localhost:{port}", problems
    roots = {
        "server": (server_url, ""),
        "nginx": (f"http://{host}:{port}", ""),
        "apache": (f"http://127.0.0.1:{apache[1]}", ""),
        "apache under a sub-path": (f"http://127.0.0.1:{apache[2]}{SUB_PATH}", SUB_PATH),
    }
    seen = {}
    for name, (root, prefix) in roots.items():
        requests = json.dumps([[root + path, headers] for path, headers in asked])
        answers = json.loads(browser.evaluate(_PROBE % requests))
        seen[name] = [[*a[:2], a[2].removeprefix(prefix)] if len(a) == 3 else a for a in answers]
    assert all(a[0] == 200 for a in seen["server"]), seen["server"]
    # Comunica's Accept puts N-Quads first, and N-Triples is N-Quads (the format table's alias)
    assert seen["server"][0][1] == "application/n-triples", seen["server"]
    for name, answers in seen.items():
        assert answers == seen["server"], (name, answers, seen["server"])
