"""A long SPARQL query from a person's browser never meets a refusal of its length (docs/query-and-serve.md).

The server answers request targets of at most ``MAX_URL_LENGTH`` characters (longer: 414); the
site's script sends a query form by POST past the same length, and the answer page of a long query
offers what its links would carry (the downloads, the language switch) as POST forms. A browser
that sends a too-long address anyway gets a page in its language with the query in a form sent by
POST; a program gets Problem Details. The query here is the saved ``organisation-participation``
with a long VALUES list, as a person who pastes many organisations writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from starlette.testclient import TestClient

from sakrad_ld.serving.guard import MAX_URL_LENGTH
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

BASE = "https://w3id.org/sakrad/"
ORG = "blekinge-idrottsforbund"  # an organisation of the fixture data that took part in a sakråd
HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def long_query(lines: int = 160) -> str:
    """The saved query with a VALUES list naming one organisation of the data and ``lines`` others,
    longer than an address may be once URL-encoded."""
    saved = files("sakrad_ld").joinpath("queries/organisation-participation.rq").read_text(encoding="utf-8")
    text = "\n".join(line for line in saved.splitlines() if not line.startswith("#"))
    names = [f"<{BASE}id/organisation/{ORG}>"] + [f"<{BASE}id/organisation/nobody-{n:04d}>" for n in range(lines)]
    query = text.rstrip() + "\nVALUES ?org {\n  " + "\n  ".join(names) + "\n}\n"
    assert len("/sparql?" + urlencode({"query": query, "lang": "en"})) > MAX_URL_LENGTH
    return query


SHORT = "SELECT ?meeting WHERE { ?meeting <http://data.europa.eu/m8g/hasParticipation> ?p } LIMIT 3"


class Parts(HTMLParser):
    """The forms (method, action, fields, button classes), links and <html lang> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []
        self.lang = ""
        self._in_textarea: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "form":
            self.forms.append({"method": a.get("method", "get"), "attrs": a, "fields": [], "buttons": []})
        elif tag == "input" and self.forms and a.get("name"):
            self.forms[-1]["fields"].append((a["name"], a.get("value", "")))
        elif tag == "textarea" and self.forms:
            self._in_textarea = {"name": a.get("name", ""), "text": ""}
        elif tag == "button" and self.forms:
            self.forms[-1]["buttons"].append(a.get("class", ""))
        elif tag in ("a", "link") and "href" in a:
            self.links.append(a["href"])

    def handle_data(self, data: str) -> None:
        if self._in_textarea is not None:
            self._in_textarea["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._in_textarea is not None:
            self.forms[-1]["fields"].append((self._in_textarea["name"], self._in_textarea["text"]))
            self._in_textarea = None


def parts(html: str) -> Parts:
    found = Parts()
    found.feed(html)
    return found


@pytest.fixture(scope="module")
def client(fixture_release: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_release, Settings(timeout=30))) as c:
        yield c


def test_the_script_sends_a_form_by_post_past_the_servers_limit() -> None:
    script = files("sakrad_ld").joinpath("assets/js/page.js").read_text(encoding="utf-8")
    found = re.search(r"var MAX_URL_LENGTH = (\d+);", script)
    assert found is not None, "assets/js/page.js declares no MAX_URL_LENGTH"
    assert int(found[1]) == MAX_URL_LENGTH
    assert 'document.addEventListener("submit"' in script


def test_a_long_querys_answer_page_offers_its_links_as_forms_sent_by_post(client: TestClient) -> None:
    query = long_query()
    page = client.post("/sparql", data={"query": query, "lang": "en"}, headers={"accept": HTML_ACCEPT})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html"), page.text[:300]
    found = parts(page.text)
    assert found.lang == "en"
    assert ORG in page.text or "Blekinge" in page.text
    # no link of the page would be refused for its length (a fragment is never sent); the editor's
    # link carries the query in its fragment
    assert all(len(href.split("#")[0]) < MAX_URL_LENGTH for href in found.links)
    assert "en/query.html#" + urlencode({"query": query}) in found.links
    downloads = [f for f in found.forms if "download" in f["buttons"]]
    assert {dict(f["fields"])["format"] for f in downloads} == {"csv", "json"}
    for form in downloads:
        assert form["method"] == "post" and form["attrs"]["action"].endswith("sparql")
        assert dict(form["fields"])["query"] == query
    switch = [f for f in found.forms if "language" in f["buttons"]]
    assert len(switch) == 1 and switch[0]["method"] == "post"
    assert dict(switch[0]["fields"]) == {"query": query, "lang": "sv"}
    again = [f for f in found.forms if "sparql" in f["attrs"].get("class", "")]
    assert len(again) == 1 and again[0]["method"] == "post" and again[0]["attrs"]["data-method"] == "get"
    # the other language's page, asked by its form
    swedish = client.post("/sparql", data=dict(switch[0]["fields"]), headers={"accept": HTML_ACCEPT})
    assert swedish.status_code == 200 and parts(swedish.text).lang == "sv"


def test_a_long_querys_csv_asked_by_its_form_is_a_file_with_its_name(client: TestClient) -> None:
    query = long_query()
    page = client.post("/sparql", data={"query": query, "lang": "en"}, headers={"accept": HTML_ACCEPT})
    csv = next(f for f in parts(page.text).forms if ("format", "csv") in f["fields"])
    answer = client.post("/sparql", data=dict(csv["fields"]), headers={"accept": HTML_ACCEPT})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["content-disposition"] == 'attachment; filename="sparql-answer.csv"'
    assert answer.content.startswith(b"\xef\xbb\xbf")
    lines = answer.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("org,name,meeting") and len(lines) > 1
    assert all(f"id/organisation/{ORG}" in line for line in lines[1:])


def test_a_short_querys_answer_page_keeps_its_links(client: TestClient) -> None:
    page = client.get("/sparql?" + urlencode({"query": SHORT, "lang": "en"}), headers={"accept": HTML_ACCEPT})
    assert page.status_code == 200
    found = parts(page.text)
    assert any("format=csv" in h for h in found.links) and any("query.html?query=" in h for h in found.links)
    assert not [f for f in found.forms if f["method"] == "post"]
    # a download link names its file, and so does the server
    csv = client.get("/sparql?" + urlencode({"query": SHORT, "format": "csv", "bom": "1"}))
    assert csv.headers["content-disposition"] == 'attachment; filename="sparql-answer.csv"'
    program = client.get("/sparql?" + urlencode({"query": SHORT}), headers={"accept": "text/csv"})
    assert "content-disposition" not in program.headers  # a program's answer by Accept is no download


def test_a_long_bad_querys_page_sends_its_form_by_post(client: TestClient) -> None:
    query = long_query().replace("WHERE {", "WHERE {{", 1)
    page = client.post("/sparql", data={"query": query, "lang": "en"}, headers={"accept": HTML_ACCEPT})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    found = parts(page.text)
    again = [f for f in found.forms if "sparql" in f["attrs"].get("class", "")]
    assert len(again) == 1 and again[0]["method"] == "post" and dict(again[0]["fields"])["query"] == query
    assert not [h for h in found.links if "query.html?" in h or len(h.split("#")[0]) >= MAX_URL_LENGTH]
    assert [h for h in found.links if h.endswith("query.html#" + urlencode({"query": query}))]


@pytest.mark.parametrize(
    ("lang", "accept_language", "expected"),
    [("lang=en&", "sv", "en"), ("lang=sv&", "en", "sv"), ("", "en-GB,en;q=0.9", "en"), ("", None, "sv")],
)
def test_a_browser_sending_a_too_long_address_gets_a_page_with_the_query_in_a_post_form(
    client: TestClient, lang: str, accept_language: str | None, expected: str
) -> None:
    query = long_query()
    headers = {"accept": HTML_ACCEPT, **({"accept-language": accept_language} if accept_language else {})}
    page = client.get("/sparql?" + lang + "query=" + quote(query), headers=headers)
    assert page.status_code == 414 and page.headers["content-type"].startswith("text/html")
    found = parts(page.text)
    assert found.lang == expected
    assert str(MAX_URL_LENGTH) in page.text and "POST" in page.text
    form = next(f for f in found.forms if "sparql" in f["attrs"].get("class", ""))
    assert form["method"] == "post" and form["attrs"]["action"] == "/sparql"
    assert dict(form["fields"]) == {"lang": expected, "query": query}
    # the form works: its POST is the answer page
    answer = client.post("/sparql", data=dict(form["fields"]), headers={"accept": HTML_ACCEPT})
    assert answer.status_code == 200 and parts(answer.text).lang == expected


def test_a_too_long_address_is_problem_details_to_a_program_and_a_page_elsewhere(client: TestClient) -> None:
    target = "/sparql?query=" + quote(long_query())
    for accept in (None, "application/sparql-results+json", "*/*"):
        answer = client.get(target, headers={"accept": accept} if accept else {})
        assert answer.status_code == 414 and answer.headers["content-type"].startswith("application/problem+json")
        assert "POST" in answer.json()["detail"]
    search = client.get("/search.html?q=" + "x" * (MAX_URL_LENGTH + 10), headers={"accept": HTML_ACCEPT})
    assert search.status_code == 414 and search.headers["content-type"].startswith("text/html")
    found = parts(search.text)
    assert not [f for f in found.forms if "sparql" in f["attrs"].get("class", "")]
    assert "/query.html" in found.links


def test_every_saved_querys_run_link_fits_in_an_address() -> None:
    """The query pages link to each saved query's answer by GET: none may be refused for its length."""
    from sakrad_ld.web.results import fits_in_address

    saved = [f for f in files("sakrad_ld").joinpath("queries").iterdir() if f.name.endswith(".rq")]
    assert saved
    for query in saved:
        text = query.read_text(encoding="utf-8")
        assert fits_in_address(("query", text), ("lang", "sv")), f"{query.name} is too long for its run link"
