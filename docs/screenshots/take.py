"""Screenshots of the main pages for docs/site.md, with Debian's headless Chromium.

    python docs/screenshots/take.py SITE_FOLDER

SITE_FOLDER is a static export (``sakrad-ld export``); the pages are opened from ``file://``, at
1280 px and at a phone's 390 px. Writes the PNG files beside this script.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = {"start": "index.html", "meeting": "doc/meeting/2017-12-12-integration.html",
         "meetings": "lists/meetings.html", "search": "search.html?q=r%C3%A4dda"}


def main(site: Path) -> None:
    browser = shutil.which("chromium") or "chromium"
    for name, page in PAGES.items():
        for suffix, width in (("", 1280), ("-phone", 390)):
            if suffix and name not in ("meeting", "meetings"):
                continue
            with tempfile.TemporaryDirectory() as profile:
                subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                f"--user-data-dir={profile}", f"--window-size={width},1400",
                                f"--screenshot={HERE / f'{name}{suffix}.png'}", f"{site.resolve().as_uri()}/{page}"],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
