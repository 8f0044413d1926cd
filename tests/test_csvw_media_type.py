"""CSVW metadata has one media type wherever it is named or served: ``application/csvm+json``, the
type CSVW registers for metadata documents (the catalogue's dct:format, the pages' links, the
release's manifest, the server's Content-Type and a table's Link rel=describedby)."""

from __future__ import annotations

import json
from pathlib import Path

from sakrad_ld.serving.server import create_app, request_once

CSVM = "application/csvm+json"


def _headers(headers: object) -> dict[str, str]:
    return {k.lower(): v for k, v in headers}  # type: ignore[attr-defined]


def test_the_tables_metadata_is_csvm_json_in_the_manifest_and_from_the_server(fixture_release: Path) -> None:
    manifest = json.loads((fixture_release / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"]: f["media_type"] for f in manifest["files"]}
    assert listed["tables/csv-metadata.json"] == CSVM
    app = create_app(fixture_release)
    status, headers, _ = request_once(app, "/tables/csv-metadata.json", None)
    assert status == 200 and _headers(headers)["content-type"].startswith(CSVM), (status, headers)
    status, headers, _ = request_once(app, "/tables/meetings.csv", None)
    assert status == 200
    assert f'type="{CSVM}"' in _headers(headers)["link"], headers


def test_a_lists_metadata_is_csvm_json_from_the_server(fixture_release: Path) -> None:
    app = create_app(fixture_release)
    status, headers, body = request_once(app, "/lists/csv-metadata.json", None)
    assert status == 200, status
    assert _headers(headers)["content-type"].startswith(CSVM), headers
    assert json.loads(body)["tables"]
