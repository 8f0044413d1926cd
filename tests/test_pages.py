"""The HTML pages: what they say (checked against the YAML a person wrote, not against the code
that renders it), that they are well-formed, self-contained and script-free, and that long lists
are capped with their count at scale."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
import sitedata
import yaml

from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import ONTOLOGY_IRI
from sakrad_ld.web.describe import document_triples
from sakrad_ld.web.documents import page_path, published_resources
from sakrad_ld.web.pages import Site, not_found_page, ontology_page, resource_page, start_page

SEED = "2017-12-12-integration"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


@pytest.fixture(scope="module")
def site(opened: Release) -> Site:
    return Site(opened.base_iri, [("sakrad.ttl", "text/turtle", 1)], [], release=opened.root)


@pytest.fixture(scope="module")
def data(root: Path) -> dict:
    def load(name: str) -> dict:
        return yaml.safe_load((root / "data" / name).read_text(encoding="utf-8"))

    return {"meeting": load(f"meetings/{SEED}.yaml"), "organisations": load("organisations.yaml")["organisations"],
            "people": load("people.yaml")["people"], "bodies": load("bodies.yaml")["bodies"]}


class Checker(HTMLParser):
    """Collects what the tests look at; fails on mismatched tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.links: list[tuple[str, dict[str, str | None]]] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.append(a["id"] or "")
        for key in ("href", "src"):
            if key in a:
                self.links.append((a[key] or "", {**a, "tag": tag}))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()  # <rect/> inside inline SVG

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '(nothing)'}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(html: str) -> Checker:
    c = Checker()
    c.feed(html)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
    assert "script" not in c.tags, "a page has a script"
    assert len(c.ids) == len(set(c.ids)), f"duplicate ids: {sorted(i for i in c.ids if c.ids.count(i) > 1)}"
    for href, attrs in c.links:
        if attrs["tag"] in ("img", "link") and attrs.get("rel") != "alternate":
            assert href.startswith(("/", "data:")), f"a page loads {href} from outside the site"
        if href.startswith(("http://", "https://", "mailto:")):
            assert "external" in (attrs.get("class") or ""), f"external link {href} is not marked"
    return c


def all_pages(opened: Release, site: Site) -> dict[str, str]:
    pages = {"/": start_page(opened.store, site), "/ontology": ontology_page(opened.store, site)}
    for iri, path in published_resources(opened.store, opened.base_iri):
        page = resource_page(opened.store, iri, site)
        assert page is not None, iri
        pages[path] = page
    return pages


def test_every_page_is_well_formed_self_contained_and_links_to_pages_that_exist(opened: Release, site: Site) -> None:
    pages = all_pages(opened, site)
    assert len(pages) > 30
    ids = {path: set(check(html).ids) for path, html in pages.items()}
    allowed = tuple(f"{site.download_path}{name}" for name, _, _ in site.downloads)
    for path, html in pages.items():
        for href, _ in check(html).links:
            if not href.startswith("/") or href.startswith(allowed):
                continue
            target, _, fragment = href.partition("#")
            target = target or path
            if re.fullmatch(r"/doc/[^/]+/[^/]+\.(ttl|jsonld|nt|rdf)", target):
                target = target.rsplit(".", 1)[0]
            assert not target.startswith("/id/"), f"{path} links to the thing {target}, not its document"
            assert target in pages, f"{path} links to {href}, which has no page"
            if fragment:
                assert fragment in ids[target], f"{path} links to {href}: no id {fragment!r} there"


def test_meeting_page_shows_the_documentation_in_its_order(opened: Release, site: Site, data: dict) -> None:
    m = data["meeting"]
    html = resource_page(opened.store, f"{opened.base_iri}id/meeting/{SEED}", site)
    assert html is not None
    body = html.split("<details>", 1)[0]  # the readable part, before the raw table of every fact
    names = {o["id"]: o["name"] for o in data["organisations"]}
    people = {p["id"]: p["name"] for p in data["people"]}
    bodies = {b["id"]: (b["name"]["sv"] if isinstance(b["name"], dict) else b["name"]) for b in data["bodies"]}
    text = " ".join(body.split())
    order = [m["title"]["sv"], str(m["date"]), m["place"], bodies[m["organiser"]], people[m["chair"]["person"]],
             " ".join(m["purpose"]["sv"].split()), *m["questions"],
             *(names[o] for o in m["organisations"]), people[m["contact"]["person"]], m["contact"]["email"]]
    positions = []
    for fact in order:
        escaped = fact.replace("&", "&amp;")
        assert escaped in text, f"the meeting page lacks {fact!r}"
        positions.append(text.index(escaped, positions[-1] if positions else 0))
    assert positions == sorted(positions)


def test_meeting_page_states_the_stated_and_listed_counts_and_their_difference(opened: Release, site: Site,
                                                                              data: dict) -> None:
    m = data["meeting"]
    stated, listed = m["stated_organisation_count"]["value"], len(m["organisations"])
    assert stated != listed  # the seed says fifteen and lists thirteen
    html = resource_page(opened.store, f"{opened.base_iri}id/meeting/{SEED}", site) or ""
    notice = re.search(r'<p class="notice" id="count-difference">(.*?)</p>', html, re.S)
    assert notice is not None
    words = " ".join(re.sub(r"<[^>]+>", "", notice.group(1)).split())
    assert f"{m['stated_organisation_count']['text']} ({stated})" in words
    assert f"listar {listed}" in words and f"skillnad på {stated - listed}" in words


def test_an_organisation_page_lists_its_sakrad_and_marks_its_register_links(opened: Release, site: Site,
                                                                           data: dict) -> None:
    org = next(o for o in data["organisations"] if o.get("website") and o.get("identifiers"))
    html = resource_page(opened.store, f"{opened.base_iri}id/organisation/{org['id']}", site) or ""
    c = check(html)
    assert f"<h1>{org['name']}</h1>" in html
    external = {href for href, a in c.links if "external" in (a.get("class") or "")}
    assert org["website"] in external
    meeting_title = data["meeting"]["title"]["sv"]
    if org["id"] in data["meeting"]["organisations"]:
        section = html.split('id="participations"', 1)[1].split("</section>", 1)[0]
        assert meeting_title in section and f"/doc/meeting/{SEED}" in section


def test_english_is_shown_beside_swedish_where_the_data_has_it(opened: Release, site: Site, data: dict) -> None:
    body = next(b for b in data["bodies"] if isinstance(b["name"], dict) and b["name"].get("en"))
    html = resource_page(opened.store, f"{opened.base_iri}id/body/{body['id']}", site) or ""
    assert f"<h1>{body['name']['sv']}</h1>" in html
    assert f'<p class="subtitle en" lang="en">{body["name"]["en"]}</p>' in html


def test_the_ontology_page_documents_every_term_at_its_anchor(opened: Release, site: Site, root: Path) -> None:
    from rdflib import Graph

    g = Graph().parse(root / "ontology" / "sakrad.ttl")
    ns = str(ONTOLOGY_IRI) + "#"
    terms = sorted({str(s)[len(ns):] for s in g.subjects() if str(s).startswith(ns)})
    assert len(terms) > 5
    ids = set(check(ontology_page(opened.store, site)).ids)
    assert set(terms) <= ids, set(terms) - ids
    assert page_path(ns + terms[0], opened.base_iri) == f"/ontology#{terms[0]}"


def test_unknown_iris_get_no_page_and_a_safe_not_found_page(opened: Release, site: Site) -> None:
    assert resource_page(opened.store, f"{opened.base_iri}id/meeting/no-such-meeting", site) is None
    assert resource_page(opened.store, "not an IRI <script>", site) is None
    html = not_found_page(f"{opened.base_iri}id/x/<script>alert(1)</script>", site)
    check(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html


def test_lists_are_capped_with_their_count_at_scale() -> None:
    meetings, organisations, per = 300, 40, 6
    store = sitedata.synthetic_store(meetings, organisations, per)
    downloads = [("sakrad.nt", "application/n-triples", 10)] + [
        (f"meetings/m-{m:06d}.ttl", "text/turtle", 100 + m) for m in range(meetings)]
    site = Site(sitedata.BASE, downloads, [], limit=25)
    org = 0
    taking_part = [m for m in range(meetings) if org in sitedata.participants(m, organisations, per)]
    assert len(taking_part) > site.limit
    html = resource_page(store, sitedata.organisation(org), site) or ""
    check(html)
    section = html.split('id="participations"', 1)[1].split("</section>", 1)[0]
    assert section.count("<tr>") - 1 == site.limit  # the header row, then the capped rows
    assert f"Medverkan i sakråd ({len(taking_part)})" in section
    assert f"Visar de {site.limit} senaste av {len(taking_part)}" in section
    newest = max(taking_part, key=lambda m: (sitedata.year(m, meetings), 1 + m % 12, 1 + m % 28))
    assert section.index(f"/doc/meeting/m-{newest:06d}") < section.index("</tr>", section.index("<tbody>"))
    incoming = html.split('id="incoming"', 1)[1]
    assert f"({len(taking_part)})" in incoming and f"Visar {site.limit} av {len(taking_part)}" in incoming
    start = start_page(store, site)
    check(start)
    assert f"Sakråd ({meetings})" in start and f"Visar de {site.limit} senaste av {meetings} sakråd" in start
    table = start.split('id="downloads"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 3 and '<a href="/download/sakrad.nt">' in table
    assert f"{meetings} filer" in table and f"{sum(100 + m for m in range(meetings)):,}".replace(",", "\u00a0") in table


def test_a_document_holds_the_thing_its_parts_and_the_labels_of_what_it_links_to(opened: Release) -> None:
    base = opened.base_iri
    meeting = f"{base}id/meeting/{SEED}"
    triples = document_triples(opened.store, meeting)
    subjects = {t.subject.value for t in triples}
    assert meeting in subjects and f"{meeting}/question/1" in subjects
    assert any(s.startswith(f"{meeting}/participation/") for s in subjects)
    every = {q.triple for q in opened.store.quads_for_pattern(ox.NamedNode(meeting), None, None)}
    assert every <= set(triples)
    org = next(t.object for t in triples if t.predicate.value == "http://data.europa.eu/m8g/hasParticipant"
               and t.object.value.startswith(base + "id/organisation/"))
    about_org = {t.predicate.value for t in triples if t.subject == org}
    assert about_org and about_org <= {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                                       "http://www.w3.org/2004/02/skos/core#prefLabel"}
    assert triples == sorted(triples, key=lambda t: (str(t.subject), t.predicate.value != about_type(), t.predicate.value,
                                                     str(t.object)))
    assert document_triples(opened.store, f"{base}id/meeting/no-such-meeting") == []


def about_type() -> str:
    return "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
