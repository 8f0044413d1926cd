"""The English page of a resource is kept like its Swedish page: made once per release, answered from
the document cache with its strong ETag, within ``--document-cache``, emptied when the release switches."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import httpx
import pytest
from serving import serving

import sakrad_ld.web.pages
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

PAGE = "/en/doc/meeting/2017-12-12-integration.html"
SWEDISH = "/doc/meeting/2017-12-12-integration.html"


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The IRIs the site's English pages were rendered for, one entry per rendering."""
    made: list[str] = []
    render = sakrad_ld.web.pages.resource_page

    def counted(store: object, iri: str, site: object, lang: str = "sv") -> str | None:
        if lang == "en":
            made.append(iri)
        return render(store, iri, site, lang)

    monkeypatch.setattr(sakrad_ld.web.pages, "resource_page", counted)
    return made


def test_an_english_page_is_made_once_and_answered_from_the_cache_until_the_release_switches(
    release: Path, tmp_path: Path, renders: list[str]
) -> None:
    old, new, link = tmp_path / "releases" / "a", tmp_path / "releases" / "b", tmp_path / "dist"
    shutil.copytree(release, old)
    shutil.copytree(release, new)
    link.symlink_to(old)
    app = create_app(link, Settings(timeout=5, query_workers=1, reload_interval=0.2))
    with serving(app) as root, httpx.Client(base_url=root, timeout=30) as client:
        first = client.get(PAGE)
        assert first.status_code == 200 and "<html" in first.text and first.headers["x-cache"] == "miss"
        assert first.headers["etag"] == '"' + hashlib.sha256(first.content).hexdigest()[:32] + '"'
        assert len(renders) == 1
        again = client.get(PAGE)
        assert again.status_code == 200 and again.headers["x-cache"] == "hit"
        assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
        assert again.headers["content-type"] == first.headers["content-type"]
        assert again.headers["cache-control"] == first.headers["cache-control"]
        unchanged = client.get(PAGE, headers={"if-none-match": first.headers["etag"]})
        assert unchanged.status_code == 304 and unchanged.content == b""
        assert client.head(PAGE).headers["etag"] == first.headers["etag"]
        assert len(renders) == 1  # none of these made the page again
        assert client.get(SWEDISH).headers["etag"] != first.headers["etag"]  # the two languages kept apart
        assert client.get(PAGE).content == first.content

        new_link = link.with_name("dist.new")
        new_link.symlink_to(new)
        os.replace(new_link, link)
        deadline = time.monotonic() + 30
        while app.state.releases.switches == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert app.state.releases.switches == 1
        after = client.get(PAGE)
        assert after.status_code == 200 and after.headers["x-cache"] == "miss"
        assert len(renders) == 2  # made again, from the new release
        assert client.get(PAGE).headers["x-cache"] == "hit" and len(renders) == 2


def test_an_english_page_is_kept_within_the_document_cache_bound(release: Path, renders: list[str]) -> None:
    app = create_app(release, Settings(timeout=5, query_workers=1, reload_interval=0, document_cache=0))
    with serving(app) as root, httpx.Client(base_url=root, timeout=30) as client:
        assert [client.get(PAGE).status_code for _ in range(3)] == [200] * 3
        assert len(renders) == 3  # a cache of 0 MB keeps nothing
        assert app.state.documents.cache.bytes == 0


def test_a_missing_english_page_is_not_kept(release: Path, renders: list[str]) -> None:
    app = create_app(release, Settings(timeout=5, query_workers=1, reload_interval=0))
    with serving(app) as root, httpx.Client(base_url=root, timeout=30) as client:
        assert [client.get("/en/doc/meeting/no-such-meeting.html").status_code for _ in range(2)] == [404] * 2
        assert len(app.state.documents.cache) == 0
