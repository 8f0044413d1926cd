"""The HTML pages: what they say (checked against the YAML a person wrote, not against the code
that renders it), in Swedish and in English, that they are well-formed, link only to files of the
site by relative links, load no script but the site's own, and that long lists are capped with
their count at scale."""

from __future__ import annotations

import json
import posixpath
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
from sakrad_ld.web.pages import (
    Site,
    not_found_page,
    ontology_page,
    resource_page,
    start_page,
)
from sakrad_ld.web.paths import LANGUAGES, page_file, relative, translated
from sakrad_ld.web.render import messages
from sakrad_ld.web.sitefiles import site_files
from sakrad_ld.web.static import minted_paths

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

    return {
        "meeting": load(f"meetings/{SEED}.yaml"),
        "organisations": load("organisations.yaml")["organisations"],
        "people": load("people.yaml")["people"],
        "bodies": load("bodies.yaml")["bodies"],
    }


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
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append(a)
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


def check(html: str, lang: str = "sv", *, relative_links: bool = True) -> Checker:
    c = Checker()
    c.feed(html)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
    for script in c.scripts:  # data for search engines or the query editor, or the site's own script file
        assert script.get("type") in ("application/ld+json", "application/json") or (
            script.get("src") and not script["src"].startswith(("/", "http:", "https:", "data:"))
        ), script
    assert len(c.ids) == len(set(c.ids)), f"duplicate ids: {sorted(i for i in c.ids if c.ids.count(i) > 1)}"
    for href, attrs in c.links:
        if attrs["tag"] in ("img", "link", "script") and attrs.get("rel") != "alternate":
            assert not href.startswith(("http:", "https:", "//")), f"a page loads {href} from outside the site"
        if href.startswith(("http://", "https://", "mailto:")):
            assert "external" in (attrs.get("class") or ""), f"external link {href} is not marked"
        elif not href.startswith(("#", "data:")) and relative_links:
            assert not href.startswith("/"), f"{href} is not a relative link"
    return c


def all_pages(opened: Release, site: Site) -> dict[str, str]:
    """Every page of the site as (file path → HTML), in both languages."""
    pages = {}
    for lang in LANGUAGES:
        pages[translated("index.html", lang)] = start_page(opened.store, site, lang)
        pages[translated("ontology.html", lang)] = ontology_page(opened.store, site, lang)
        for iri, path in published_resources(opened.store, opened.base_iri):
            page = resource_page(opened.store, iri, site, lang)
            assert page is not None, iri
            pages[translated(path[1:] + ".html", lang)] = page
        for path in minted_paths(opened.store, opened.base_iri, set(opened.files)):  # the dataset, the catalogue …
            pages[translated(path[1:] + ".html", lang)] = resource_page(
                opened.store, opened.base_iri + path[1:], site, lang
            )
    for path, data in site_files(opened.store, site):
        if path.endswith(".html") and path not in pages and path.rsplit("/", 1)[-1] != "404.html":
            pages[path] = data.decode()
    return pages


def test_every_page_is_well_formed_and_links_relatively_to_files_that_exist(opened: Release, site: Site) -> None:
    pages = all_pages(opened, site)
    assert len(pages) > 60
    files = set(pages) | {path for path, _ in site_files(opened.store, site)}
    ids = {path: set(check(html, "en" if path.startswith("en/") else "sv").ids) for path, html in pages.items()}
    downloads = {f"{site.download_path}{name}" for name, _, _ in site.downloads}
    for path, html in pages.items():
        for href, _ in check(html, "en" if path.startswith("en/") else "sv").links:
            if href.startswith(("http://", "https://", "mailto:", "data:")):
                continue
            target, _, fragment = href.partition("#")
            target = target.split("?")[0]
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
            if resolved in downloads or resolved.startswith(site.sparql_path or "\0"):
                continue
            if re.fullmatch(r"(en/)?doc/[^/]+/[^/]+\.(ttl|jsonld|nt|rdf)", resolved):
                resolved = re.sub(r"\.(ttl|jsonld|nt|rdf)$", ".html", resolved).removeprefix("en/")
            assert not resolved.startswith("id/"), f"{path} links to the thing {resolved}, not its document"
            assert resolved in files, f"{path} links to {href} ({resolved}), which is not a file of the site"
            if fragment and resolved in ids:
                assert fragment in ids[resolved], f"{path} links to {href}: no id {fragment!r} there"


def test_relative_links_resolve_back_to_their_target() -> None:
    cases = [
        ("index.html", "doc/meeting/x.html", "doc/meeting/x.html"),
        ("doc/meeting/x.html", "doc/organisation/y.html", "../organisation/y.html"),
        ("en/doc/meeting/x.html", "download/sakrad.ttl", "../../../download/sakrad.ttl"),
        ("doc/meeting/x.html", "doc/meeting/x.html#question/1", "#question/1"),
        ("lists/meetings/year/2017.html", "index.html", "../../../index.html"),
        ("index.html", "sparql?query=a%20b", "sparql?query=a%20b"),
    ]
    for here, target, link in cases:
        assert relative(here, target) == link, (here, target)
    assert (
        page_file("https://example.org/id/meeting/a.b/question/2", "https://example.org/")
        == "doc/meeting/a.b.html#question/2"
    )


def test_interface_text_is_in_one_file_per_language_with_the_same_keys() -> None:
    sv, en = messages("sv"), messages("en")
    assert set(sv) == set(en)
    assert all(isinstance(v, str) and v.strip() for v in [*sv.values(), *en.values()])
    assert sum(sv[k] == en[k] for k in sv) < len(sv) / 10, "most of the English text is Swedish"


def test_no_html_is_written_by_python_code(root: Path) -> None:
    """Pages come from templates: the web and sparql packages' Python holds no HTML tags (the SVG
    pictures of diagrams.py are drawings, not pages); the SPARQL answer's page is web/results.py's."""
    tag = re.compile(r"<(a|p|div|span|table|tr|td|th|li|ul|ol|h[1-6]|section|html|body|br|code|strong)[\s>]")
    package = root / "src" / "sakrad_ld"
    for file in sorted([*(package / "web").glob("*.py"), *(package / "sparql").glob("*.py")]):
        if file.name == "diagrams.py":
            continue
        found = tag.findall(file.read_text(encoding="utf-8"))
        assert not found, f"{file.name} writes HTML ({found[:3]}); put it in a template"


def test_meeting_page_shows_the_documentation_in_its_order(opened: Release, site: Site, data: dict) -> None:
    m = data["meeting"]
    html = resource_page(opened.store, f"{opened.base_iri}id/meeting/{SEED}", site)
    assert html is not None
    body = html.split("<details>", 1)[0]  # the readable part, before the raw table of every fact
    names = {o["id"]: o["name"] for o in data["organisations"]}
    people = {p["id"]: p["name"] for p in data["people"]}
    bodies = {b["id"]: (b["name"]["sv"] if isinstance(b["name"], dict) else b["name"]) for b in data["bodies"]}
    text = " ".join(body.split())
    organiser = [bodies[m["organiser"]]] if m.get("organiser") else []  # only where the source states it
    order = [
        m["title"]["sv"],
        str(m["date"]),
        m["place"],
        *organiser,
        people[m["chair"]["person"]],
        " ".join(m["purpose"]["sv"].split()),
        *m["questions"],
        *(names[o] for o in m["organisations"]),
        people[m["contact"]["person"]],
        m["contact"]["email"],
    ]
    positions = []
    for fact in order:
        escaped = fact.replace("&", "&amp;")
        assert escaped in text, f"the meeting page lacks {fact!r}"
        positions.append(text.index(escaped, positions[-1] if positions else 0))
    assert positions == sorted(positions)


def test_meeting_page_states_the_stated_and_listed_counts_and_their_difference(
    opened: Release, site: Site, data: dict
) -> None:
    m = data["meeting"]
    count = m.get("stated_organisation_count") or m["organisation_count"]  # the older key, or the newer
    stated, listed = count["value"], len(m["organisations"])
    assert stated != listed  # the seed says fifteen and lists thirteen
    html = resource_page(opened.store, f"{opened.base_iri}id/meeting/{SEED}", site) or ""
    notice = re.search(r'<p class="notice" id="count-difference">(.*?)</p>', html, re.DOTALL)
    assert notice is not None
    words = " ".join(re.sub(r"<[^>]+>", "", notice.group(1)).split())
    assert f"{count.get('text') or count['wording']} ({stated})" in words
    assert f"Datan namnger {listed}" in words and f"skillnad på {stated - listed}" in words


def test_an_organisation_page_lists_its_sakrad_and_marks_its_register_links(
    opened: Release, site: Site, data: dict
) -> None:
    org = next(o for o in data["organisations"] if o.get("website") and o.get("identifiers"))
    html = resource_page(opened.store, f"{opened.base_iri}id/organisation/{org['id']}", site) or ""
    c = check(html)
    assert f"<h1>{org['name']}</h1>" in html
    external = {href for href, a in c.links if "external" in (a.get("class") or "")}
    assert org["website"] in external
    meeting_title = data["meeting"]["title"]["sv"]
    if org["id"] in data["meeting"]["organisations"]:
        section = html.split('id="participations"', 1)[1].split("</section>", 1)[0]
        assert meeting_title in section and f"../meeting/{SEED}.html" in section


def test_english_is_shown_beside_swedish_where_the_data_has_it(opened: Release, site: Site, data: dict) -> None:
    body = next(b for b in data["bodies"] if isinstance(b["name"], dict) and b["name"].get("en"))
    html = resource_page(opened.store, f"{opened.base_iri}id/body/{body['id']}", site) or ""
    assert f"<h1>{body['name']['sv']}</h1>" in html
    assert f'<p class="subtitle en" lang="en">{body["name"]["en"]}</p>' in html


def test_the_english_page_shows_english_text_and_english_data_labels(opened: Release, site: Site, data: dict) -> None:
    body = next(b for b in data["bodies"] if isinstance(b["name"], dict) and b["name"].get("en"))
    html = resource_page(opened.store, f"{opened.base_iri}id/body/{body['id']}", site, "en") or ""
    check(html, "en")
    assert f"<h1>{body['name']['en']}</h1>" in html
    assert messages("en")["all_facts"] in html and messages("sv")["all_facts"] not in html
    switch = re.search(r'<a class="language" hreflang="sv" lang="sv" href="([^"]+)">Svenska</a>', html)
    assert switch and switch.group(1) == f"../../../doc/body/{body['id']}.html"
    start = start_page(opened.store, site, "sv")
    assert '<a class="language" hreflang="en" lang="en" href="en/index.html">English</a>' in start


def test_the_ontology_page_documents_every_term_at_its_anchor(opened: Release, site: Site, root: Path) -> None:
    from rdflib import Graph

    g = Graph().parse(root / "ontology" / "sakrad.ttl")
    ns = ONTOLOGY_IRI.value + "#"
    terms = sorted({str(s)[len(ns) :] for s in g.subjects() if str(s).startswith(ns)})
    assert len(terms) > 5
    ids = set(check(ontology_page(opened.store, site)).ids)
    assert set(terms) <= ids, set(terms) - ids
    assert page_path(ns + terms[0], opened.base_iri) == f"/ontology#{terms[0]}"
    check(ontology_page(opened.store, site, "en"), "en")


def test_unknown_iris_get_no_page_and_a_safe_not_found_page(opened: Release, site: Site) -> None:
    assert resource_page(opened.store, f"{opened.base_iri}id/meeting/no-such-meeting", site) is None
    assert resource_page(opened.store, "not an IRI <script>", site) is None
    html = not_found_page(f"{opened.base_iri}id/x/<script>alert(1)</script>", site)
    check(html, relative_links=False)  # answered at any address, it links from the root
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html


def test_schema_org_descriptions_parse_back_as_json_ld(opened: Release, site: Site, data: dict) -> None:
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    schema = "https://schema.org/"

    def embedded(html: str) -> Graph:
        found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
        assert len(found) == 1
        return Graph().parse(data=json.dumps(json.loads(found[0])), format="json-ld")

    meeting = f"{opened.base_iri}id/meeting/{SEED}"
    g = embedded(resource_page(opened.store, meeting, site) or "")
    assert (URIRef(meeting), RDF.type, URIRef(schema + "Event")) in g
    assert str(g.value(URIRef(meeting), URIRef(schema + "startDate"))) == str(data["meeting"]["date"])
    names = {str(o) for o in g.objects(None, URIRef(schema + "name"))}
    org = next(o for o in data["organisations"] if o["id"] in data["meeting"]["organisations"])
    assert org["name"] in names
    org_iri = f"{opened.base_iri}id/organisation/{org['id']}"
    g = embedded(resource_page(opened.store, org_iri, site) or "")
    assert (URIRef(org_iri), RDF.type, URIRef(schema + "Organization")) in g
    g = embedded(start_page(opened.store, site))
    datasets = list(g.subjects(RDF.type, URIRef(schema + "Dataset")))
    assert len(datasets) == 1 and g.value(datasets[0], URIRef(schema + "name")) is not None
    assert (None, URIRef(schema + "distribution"), None) in g


def test_a_text_of_the_data_cannot_end_the_embedded_json_ld() -> None:
    from sakrad_ld.web.pages import json_script

    text = str(json_script({"name": "</script><script>alert(1)</script>"}))
    assert "</script" not in text and json.loads(text)["name"] == "</script><script>alert(1)</script>"


def test_lists_are_capped_with_their_count_at_scale() -> None:
    meetings, organisations, per = 300, 40, 6
    store = sitedata.synthetic_store(meetings, organisations, per)
    downloads = [("sakrad.nt", "application/n-triples", 10)] + [
        (f"meetings/m-{m:06d}.ttl", "text/turtle", 100 + m) for m in range(meetings)
    ]
    site = Site(sitedata.BASE, downloads, [], limit=25)
    org = 0
    taking_part = [m for m in range(meetings) if org in sitedata.participants(m, organisations, per)]
    assert len(taking_part) > site.limit
    html = resource_page(store, sitedata.organisation(org), site) or ""
    check(html)
    section = html.split('id="participations"', 1)[1].split("</section>", 1)[0]
    assert section.count("<tr>") - 1 == site.limit  # the header row, then the capped rows
    assert f"Roller i sakråd ({len(taking_part)})" in section
    assert f"Visar {site.limit} av {len(taking_part)}, senaste datum först" in section
    newest = max(taking_part, key=lambda m: (sitedata.year(m, meetings), 1 + m % 12, 1 + m % 28))
    assert section.index(f"../meeting/m-{newest:06d}.html") < section.index("</tr>", section.index("<tbody>"))
    incoming = html.split('id="incoming"', 1)[1]
    assert f"({len(taking_part)})" in incoming and f"Visar {site.limit} av {len(taking_part)}" in incoming
    start = start_page(store, site)
    check(start)
    assert f"<strong>{meetings}</strong> sakråd" in start
    assert start.count('href="doc/meeting/') == 10  # the ten newest; the rest are in the lists
    table = start.split('id="downloads"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 3 and '<a href="download/sakrad.nt">' in table
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
    org = next(
        t.object
        for t in triples
        if t.predicate.value == "http://data.europa.eu/m8g/hasParticipant"
        and t.object.value.startswith(base + "id/organisation/")
    )
    about_org = {t.predicate.value for t in triples if t.subject == org}
    assert about_org and about_org <= {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        "http://www.w3.org/2004/02/skos/core#prefLabel",
        "http://purl.org/dc/terms/source",
    }
    assert triples == sorted(
        triples, key=lambda t: (str(t.subject), t.predicate.value != about_type(), t.predicate.value, str(t.object))
    )
    assert document_triples(opened.store, f"{base}id/meeting/no-such-meeting") == []


def about_type() -> str:
    return "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


# --- the source beside each fact (the named graphs of sakrad.nq) ---------------------------------


def _rows(html: str) -> dict[str, str]:
    """The readable facts of a meeting page: each <dt> with its <dd>'s HTML."""
    facts = html.split('<dl class="facts">', 1)[1].split("</dl>", 1)[0]
    return dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", facts, flags=re.DOTALL))


@pytest.fixture(scope="module")
def fixture_opened(fixture_release: Path) -> Release:
    """The fixture project's release: its 2017-08-30-islamofobi keeps the agencies and the case number that
    data/ withdrew in release 1.4.0 (read only in the compilation's summary of the minutes)."""
    return Release.open(fixture_release)


def test_a_fact_from_a_second_page_names_that_page_beside_it(fixture_opened: Release) -> None:
    """The fixture project's 2017-08-30-islamofobi.yaml takes the agencies and the case number from the
    minutes (fact_sources); the meeting's main source is an article."""
    opened = fixture_opened
    site = Site(opened.base_iri, [("sakrad.ttl", "text/turtle", 1)], [], release=opened.root)
    html = resource_page(opened.store, f"{opened.base_iri}id/meeting/2017-08-30-islamofobi", site)
    assert html is not None
    rows = _rows(html)
    minutes = "../source/minnesanteckningar-2017-08-30-islamofobi.html"
    article = "../source/regeringen-2017-09-sakrad-om-islamofobi.html"
    for key in ("Myndigheter", "Diarienummer"):
        source = rows[key].split('<span class="source">', 1)[1].split("</span>", 1)[0]
        assert minutes in source and article not in source, (key, source)
    assert article in rows["Ämne"].split('<span class="source">', 1)[1]
    # the note about the date stands beside the date, with its own source
    assert "i slutet av augusti 2017" in rows["Datum"] and 'class="note-text"' in rows["Datum"]
    assert "ingen organisation i civilsamhället namnges" in html.split('id="notes"', 1)[1]


def test_a_derived_date_says_it_is_derived_and_how(opened: Release, site: Site) -> None:
    for iri in opened.store.query(
        "SELECT ?m WHERE { ?m a <https://w3id.org/sakrad/ontology#Sakrad> ; "
        "<https://w3id.org/sakrad/ontology#derivedDate> ?d "
        "FILTER NOT EXISTS { ?m <https://schema.org/startDate> ?s } } LIMIT 1"
    ):
        html = resource_page(opened.store, iri["m"].value, site)
        assert html is not None
        date = _rows(html)["Datum"]
        assert '<span class="derived">(härlett: ' in date, date
        english = resource_page(opened.store, iri["m"].value, site, "en")
        assert english is not None and "(derived: " in english


def test_the_rows_of_an_organisations_page_name_their_sources(opened: Release, site: Site) -> None:
    html = resource_page(opened.store, f"{opened.base_iri}id/organisation/radda-barnen", site)
    assert html is not None
    row = re.search(
        r"<tr><th scope=\"row\">[^<]*<code>m8g:participates</code></th><td>(.*?)</td></tr>", html, re.DOTALL
    )
    assert row is not None
    sources = row[1].split('<span class="source">', 1)[1]
    assert sources.count("../source/") >= 2  # one document per sakråd it took part in


def test_without_the_quads_a_fact_falls_back_to_its_nodes_source(fixture_opened: Release) -> None:
    """A store without the release's quads (no release folder): each row names its node's dct:source —
    an agency's participation names the minutes, the meeting's own facts every source of the meeting
    (the fixture project's 2017-08-30-islamofobi, which keeps its agencies and case number)."""
    opened = fixture_opened
    bare = Site(opened.base_iri, [], [], release=None)
    html = resource_page(opened.store, f"{opened.base_iri}id/meeting/2017-08-30-islamofobi", bare)
    assert html is not None
    rows = _rows(html)
    agencies = rows["Myndigheter"].split('<span class="source">', 1)[1]
    assert "minnesanteckningar-2017-08-30-islamofobi" in agencies and "regeringen-2017-09" not in agencies
    assert rows["Diarienummer"].split('<span class="source">', 1)[1].count("../source/") == 3


@pytest.mark.parametrize(
    ("lang", "own", "quoted"),
    [
        ("sv", "Licens för projektets struktur, identifierare och metadata", "tillhör sina utgivare"),
        ("en", "Licence of the project's structuring, identifiers and metadata", "belong to their publishers"),
    ],
)
def test_footer_and_dataset_page_license_only_the_projects_own_work(
    opened: Release, site: Site, lang: str, own: str, quoted: str
) -> None:
    """The licence covers the project's structuring, identifiers and metadata; the texts quoted from
    regeringen.se are the publishers', which every footer and the dataset's page say."""
    start = start_page(opened.store, site, lang)
    footer = start[start.index("<footer>") : start.index("</footer>")]
    assert own in footer.replace("&#39;", "'") and quoted in footer and "regeringen.se" in footer
    dataset = resource_page(opened.store, opened.base_iri + "dataset", site, lang) or ""
    text = " ".join(re.sub(r"<[^>]+>", " ", dataset.replace("&#39;", "'")).split())
    body = text[: text.rindex(quoted)] if text.count(quoted) > 1 else ""
    assert quoted in body, "the dataset page shows its rights statement above the footer"


# --- text in the page's language, or marked with its own ---------------------------------------------


class _Langs(HTMLParser):
    """Every text of a page with the language it is in: the nearest ``lang`` attribute around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.texts: list[tuple[str, str]] = []  # (text, its language)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((" ".join(data.split()), self.stack[-1][1] if self.stack else ""))


def texts_in_languages(html: str) -> list[tuple[str, str]]:
    parser = _Langs()
    parser.feed(html)
    parser.close()
    return parser.texts


def _fields(path: str, sparql_path: str | None) -> str | None:
    """Where a page's saved queries have their fields (``for_the_web``)."""
    return None if not sparql_path else "here" if path.endswith("query.html") else "elsewhere"


def test_the_saved_queries_are_shown_in_the_pages_language_on_every_prepared_page(opened: Release) -> None:
    """Every page of the site lists the saved queries (the start page, the query page) with their
    Swedish title and description on a Swedish page, and shows no text of a query in the other
    language unless marked with its own (the Swedish start page showed all 11 in English)."""
    from sakrad_ld.sparql.query import saved_queries
    from sakrad_ld.web.querypage import for_the_web

    queries = saved_queries()
    assert queries and all(q.title_sv and q.description_sv for q in queries)

    def known_on(fields: str | None) -> dict[str, str]:
        """A text of a query → its language, as a page shows it (a description's --param said as the
        query page's field where the site has one: ``for_the_web``)."""
        known = {}
        for q in queries:
            known.update({q.title: "en", q.title_sv: "sv"})
            for text, lang in ((q.description, "en"), (q.description_sv, "sv")):
                known[" ".join(for_the_web(text, lang, fields).split())] = lang
        return known

    for sparql_path in ("sparql", None):  # the served site with its query page; the static export
        site = Site(opened.base_iri, [], list(queries), sparql_path=sparql_path, release=opened.root)
        pages = {path: data.decode() for path, data in site_files(opened.store, site) if path.endswith(".html")}
        wrong, shown = [], {}
        for path, html in pages.items():
            known = known_on(_fields(path, sparql_path))
            texts = texts_in_languages(re.sub(r"</?code>", "", html))  # a description sets its column names as code
            page_lang = texts and html[html.index('<html lang="') + 12 : html.index('<html lang="') + 14]
            for text, lang in texts:
                if text in known:
                    shown.setdefault(path, set()).add(text)
                    if lang != known[text]:
                        wrong.append(f"{path} ({page_lang}): {text!r} is {known[text]}, shown as {lang}")
        assert not wrong, "\n".join(wrong[:20])
        for path in ["index.html", "en/index.html"] + (["query.html", "en/query.html"] if sparql_path else []):
            lang = "en" if path.startswith("en/") else "sv"
            expected = {t for t, t_lang in known_on(_fields(path, sparql_path)).items() if t_lang == lang}
            assert shown.get(path) == expected, (path, sorted(expected - shown.get(path, set())))


def test_a_query_without_swedish_text_shows_its_english_marked_as_english(opened: Release) -> None:
    from sakrad_ld.sparql.query import parse_saved_query

    q = parse_saved_query(
        "only-english",
        "# title: Only in English\n# description: Not translated.\n"
        "# param: org (organisation): the organisation\nSELECT * WHERE { ?s ?p ?o }\n",
    )
    from sakrad_ld.web.querypage import query_page

    site = Site(opened.base_iri, [], [q], release=opened.root)
    for page in (start_page(opened.store, site, "sv"), query_page(opened.store, site, "sv")):
        texts = dict(texts_in_languages(page))
        assert texts["Only in English"] == "en" and texts["Not translated."] == "en"
    assert dict(texts_in_languages(query_page(opened.store, site, "sv")))["the organisation"] == "en"
    for page in (start_page(opened.store, site, "en"), query_page(opened.store, site, "en")):
        check(page, "en")
        assert dict(texts_in_languages(page))["Only in English"] == "en"
        assert 'lang="en">Only in English' not in page and 'lang="en">Not translated.' not in page


def test_every_page_opens_with_a_link_past_the_header_to_its_content(opened: Release, site: Site) -> None:
    pages = all_pages(opened, site)
    skip = {"sv": "Hoppa till innehållet", "en": "Skip to content"}
    for path, html in pages.items():
        body = html.split("<body>", 1)[1]
        first = re.search(r"<(a|button|input|select|textarea)\b[^>]*>([^<]*)", body)
        assert first and 'class="skip" href="#main"' in first.group(0), (path, first and first.group(0))
        assert first.group(2) == skip["en" if path.startswith("en/") else "sv"], path
        assert '<main id="main"' in body, path


def test_each_language_links_its_own_feed(opened: Release, site: Site) -> None:
    """A Swedish page links the Swedish feed, an English page the English one (en/feeds/…)."""
    files = {path: data.decode() for path, data in site_files(opened.store, site) if path.endswith(".html")}
    feed = re.compile(r'<a href="([./]*(?:en/)?feeds/meetings\.atom)"[^>]*>[^<]*</a>')
    for path in ("index.html", "lists/meetings.html", "en/index.html", "en/lists/meetings.html"):
        lang = "en" if path.startswith("en/") else "sv"
        links = [m.group(0) for m in feed.finditer(files[path])]
        assert len(links) == 1 and f'hreflang="{lang}"' in links[0], (path, links)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), feed.match(links[0]).group(1)))
        assert target == ("en/feeds/meetings.atom" if lang == "en" else "feeds/meetings.atom"), (path, target)
        assert "(in Swedish)" not in links[0], (path, links)
