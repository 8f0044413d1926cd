"""Screenshots of the main pages for docs/site.md, with Debian's headless Chromium.

    python docs/screenshots/take.py SITE_FOLDER [SERVER_URL]

SITE_FOLDER is a static export (``sakrad-ld export``); the pages are opened from ``file://``, at
1280 px and at a phone's 390 px. SERVER_URL is a running ``sakrad-ld serve`` of the same release,
for the pages only a server has (the query editor, an answer, a query with an error). Writes the
PNG files beside this script.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
PAGES = {
    "start": "index.html",
    "meeting": "doc/meeting/2017-12-12-integration.html",
    "meetings": "lists/meetings.html",
    "search": "search.html?q=r%C3%A4dda",
    "sources": "doc/meeting/2017-08-30-islamofobi.html",
}
#: Pages of the served site: the query editor, the answer to a saved query, a query the parser refuses.
SERVED = {
    "query": "query.html",
    "answer": "sparql?query="
    + quote(
        "PREFIX m8g: <http://data.europa.eu/m8g/>\nPREFIX dct: <http://purl.org/dc/terms/>\n"
        "SELECT ?sakrad ?datum ?organisation WHERE { ?sakrad m8g:hasParticipation ?d ; "
        "<https://schema.org/startDate> ?datum . ?d m8g:hasParticipant ?organisation ; "
        "m8g:role <https://w3id.org/sakrad/role/participatingOrganisation> } "
        "ORDER BY ?datum LIMIT 12"
    ),
    "query-error": "sparql?query=" + quote("SELECT ?sakrad WHERE {\n  ?sakrad a \n}"),
}
#: The pages also taken at a phone's width.
PHONE = ("meeting", "meetings", "sources", "answer")


def main(site: Path, served: str | None = None) -> None:
    browser = shutil.which("chromium") or "chromium"
    pages = {name: f"{site.resolve().as_uri()}/{page}" for name, page in PAGES.items()}
    if served:
        pages.update({name: f"{served.rstrip('/')}/{page}" for name, page in SERVED.items()})
    for name, address in pages.items():
        for suffix, width in (("", 1280), ("-phone", 390)):
            if suffix and name not in PHONE:
                continue
            with tempfile.TemporaryDirectory() as profile:
                subprocess.run(
                    [
                        browser,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--hide-scrollbars",
                        f"--user-data-dir={profile}",
                        f"--window-size={width},1400",
                        "--virtual-time-budget=3000",
                        f"--screenshot={HERE / f'{name}{suffix}.png'}",
                        address,
                    ],
                    check=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    timeout=120,
                )


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None)
