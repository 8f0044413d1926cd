"""Every page's controls as keyboard and screen-reader users meet them, in headless Chromium: one
page of each kind, in Swedish and in English, after its scripts ran. Every button in a form says its
type (a button with none submits the form); every control is named in the page's language (a name
the same on both languages' pages, other than a code or a number, was left untranslated); Tab
reaches every control with a focus that shows; and a search result names what kind of identifier
it shows beside a name (an organisation number, a Wikidata item, Lagrummet's identifier)."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from devtools import DevTools
from test_server_browser import PAGE_KINDS

ANSWER = "/sparql?query=" + quote("SELECT ?s WHERE { ?s a <http://xmlns.com/foaf/0.1/Person> } LIMIT 3")


def english(path: str) -> str:
    if path.startswith("/sparql?"):
        return path + "&lang=en"
    return "/en/" if path == "/" else "/en" + path


#: (Swedish page, English page): one of each kind, and the answer to a query
PAIRS = [(p, english(p)) for p in [*PAGE_KINDS, ANSWER] if not p.startswith("/en/")]


def load(browser: DevTools, url: str) -> None:
    browser.load(url)
    browser.wait_until("document.readyState === 'complete'")
    if "query.html" in url:
        browser.wait_until("!!window.sakradEditor")


_CONTROLS = """[...document.querySelectorAll(
    'button, input:not([type=hidden]), select, textarea, summary, [role=button], [aria-label], [title]')]
  .filter(e => e.getClientRects().length && !e.hidden)
  .map(e => {
    const label = e.labels && e.labels.length ? [...e.labels].map(l => l.textContent).join(' ') : '';
    const names = [e.getAttribute('aria-label'), label, e.title, e.placeholder,
                   ['BUTTON', 'SUMMARY'].includes(e.tagName) ? e.textContent : ''];
    return [e.tagName, e.closest('[lang]').lang, ...names.map(n => (n || '').trim().replace(/\\s+/g, ' ')).filter(Boolean)];
  })"""

#: a name that is a code, a number, an address, a language's own name or the data's (a ?variable, SPARQL, CSV)
_NEUTRAL = re.compile(r"^[\W\d_]*$|^(SPARQL|CSV|JSON|Svenska|English)$|^\?\w+$|^[A-Za-z]+:\w*$|^https?://\S+$")


@pytest.mark.parametrize(("sv", "en"), PAIRS)
def test_every_button_in_a_form_has_a_type_and_every_control_a_name_in_the_page_language(
    page: DevTools, server_url: str, sv: str, en: str
) -> None:
    names = {}
    for path, lang in ((sv, "sv"), (en, "en")):
        load(page, server_url + path)
        untyped = page.evaluate(
            "[...document.querySelectorAll('form button:not([type])')].map(b => b.outerHTML.slice(0, 120))"
        )
        assert not untyped, (path, untyped)
        controls = page.evaluate(_CONTROLS)
        # a control inside a part marked as the other language (a Swedish title on an English page) is not the page's
        names[lang] = {n for tag, in_lang, *ns in controls if in_lang == lang for n in ns}
    same = {n for n in names["sv"] & names["en"] if not _NEUTRAL.match(n)}
    assert not same, f"named alike on {sv} and {en}: {sorted(same)}"


_FOCUS = """(() => {
  const a = document.activeElement;
  if (!a || a === document.body || a === document.documentElement) return null;
  window.sakradSeen = window.sakradSeen || new Set();
  const again = window.sakradSeen.has(a);
  window.sakradSeen.add(a);
  const el = a.closest('.CodeMirror') || a;  // the editor's own text area is out of sight: its box shows focus
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  return [again, ring && onScreen, a.tagName + ' ' + (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 40)];
})()"""


@pytest.mark.parametrize("path", [p for pair in PAIRS for p in pair])
def test_tab_reaches_every_control_with_a_focus_that_shows(page: DevTools, server_url: str, path: str) -> None:
    load(page, server_url + path)
    tabbable = page.evaluate(
        "[...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]"
        ".filter(e => e.checkVisibility({visibilityProperty: true}) && !e.disabled && !e.closest('.CodeMirror')).length"
        " + document.querySelectorAll('.CodeMirror').length"
    )
    reached, unseen = 0, []
    for _ in range(tabbable + 5):
        for kind in ("keyDown", "keyUp"):
            page.call(
                "Input.dispatchKeyEvent",
                {"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
                session=True,
            )
        now = page.evaluate(_FOCUS)
        if now is None or now[0]:
            break  # past the last control, or round again
        reached += 1
        if not now[1]:
            unseen.append(now[2])
    assert not unseen, f"{path}: focus does not show on {unseen[:10]}"
    assert reached >= tabbable, f"{path}: Tab reached {reached} of {tabbable} controls (a trap?)"


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/search.html?q=justitiedepartementet", "Lagrummet: justitiedepartementet"),
        ("/en/search.html?q=justitiedepartementet", "Lagrummet: justitiedepartementet"),
        ("/search.html?q=802002-8711", "org.nr 802002-8711"),
        ("/en/search.html?q=802002-8711", "org. no. 802002-8711"),
    ],
)
def test_a_search_result_names_the_kind_of_its_identifier(
    page: DevTools, server_url: str, path: str, shown: str
) -> None:
    load(page, server_url + path)
    texts = page.wait_until("[...document.querySelectorAll('#results li')].map(li => li.textContent)")
    assert any(shown in t for t in texts), texts


@pytest.mark.parametrize("path", ["/search.html?q=e", "/en/search.html?q=e"])
def test_no_search_result_shows_a_bare_identifier(page: DevTools, server_url: str, path: str) -> None:
    load(page, server_url + path)
    page.wait_until("document.querySelectorAll('#results li').length > 20")
    agents = page.evaluate(
        "[...document.querySelectorAll('#results li')].filter(li => !/\\/meeting\\//.test(li.querySelector('a').href))"
        ".flatMap(li => [...li.querySelectorAll('span.meta:not(.announced):not(.title-own)')].map(s => s.textContent))"
    )
    assert agents, "the search found no agent with an identifier"
    label = r"(org\.nr|org\. no\.|Wikidata|Lagrummet:|identifierare|identifier) "
    bare = [t for t in agents if not re.match(rf"^ {label}\S+(, {label}\S+)*( \(.*\))?$", t)]
    assert not bare, bare
