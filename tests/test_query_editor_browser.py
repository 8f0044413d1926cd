"""The query editor (YASGUI's Yasqe on ``query.html``) as keyboard and phone users meet it, in
headless Chromium (Debian's ``chromium``): Ctrl-Enter and Cmd-Enter, pressed as keys, open the
answer page (docs/site.md); Tab and Shift-Tab leave the editor, whose focus shows, and the page says
so in its language; the editor puts no English button in the form, none that submits; at a phone's
width nothing covers the query's text; and every colour of text the editor shows reads at 4.5:1 or
more against what it is drawn on (WCAG AA)."""

from __future__ import annotations

import pytest
from devtools import DevTools

#: CDP's modifier bits
CTRL, META, SHIFT = 2, 4, 8


def press(browser: DevTools, key: str, code: int, modifiers: int = 0) -> None:
    """``key`` pressed and let go as a person's key (Input.dispatchKeyEvent), not a script's event."""
    for kind in ("keyDown", "keyUp"):
        browser.call(
            "Input.dispatchKeyEvent",
            {"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code, "modifiers": modifiers},
            session=True,
        )


def open_editor(browser: DevTools, url: str) -> None:
    assert not browser.load(url)
    browser.wait_until("!!window.sakradEditor && document.querySelector('.CodeMirror') !== null")


_ACTIVE = """(() => {
  const a = document.activeElement;
  return [a.tagName, a.closest('.CodeMirror') !== null, (a.getAttribute('aria-label') || a.textContent || '').trim()];
})()"""


@pytest.mark.parametrize(
    ("path", "modifiers"), [("/query.html", CTRL), ("/en/query.html", CTRL), ("/query.html", META)]
)
def test_ctrl_or_cmd_enter_in_the_editor_opens_the_answer_page(
    page: DevTools, server_url: str, path: str, modifiers: int
) -> None:
    open_editor(page, server_url + path)
    page.evaluate(
        "var e = window.sakradEditor; e.setValue('SELECT ?s WHERE { ?s a <http://xmlns.com/foaf/0.1/Person> }'); "
        "e.focus(); e.setCursor(0, 5); true"
    )
    assert page.evaluate(_ACTIVE)[1]  # the key goes to the editor
    press(page, "Enter", 13, modifiers)
    page.wait_until("location.pathname === '/sparql' && document.readyState === 'complete'")
    search = page.evaluate("decodeURIComponent(location.search.replace(/\\+/g, ' '))")
    assert "SELECT ?s WHERE { ?s a <http://xmlns.com/foaf/0.1/Person> }" in search, search
    lang = "en" if path.startswith("/en/") else "sv"
    assert f"lang={lang}" in search and page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.querySelectorAll('table.answer tbody tr').length") >= 1


@pytest.mark.parametrize("path", ["/query.html", "/en/query.html"])
def test_tab_and_shift_tab_leave_the_editor_and_its_focus_shows(page: DevTools, server_url: str, path: str) -> None:
    open_editor(page, server_url + path)
    text = page.evaluate("window.sakradEditor.getValue()")
    # from the top of the page, Tab reaches the editor, and the next Tab leaves it
    trail = []
    for _ in range(60):
        press(page, "Tab", 9)
        trail.append(page.evaluate(_ACTIVE))
        if trail[-1][1]:
            break
    assert trail[-1][1], f"Tab never reached the editor: {trail}"
    ring = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('.CodeMirror')); "
        "return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert ring[0] != "none" and ring[1] >= 2, ring
    before = trail[-2]
    press(page, "Tab", 9)
    after = page.evaluate(_ACTIVE)
    assert not after[1] and after[0] == "BUTTON", after  # the form's own button comes next
    press(page, "Tab", 9, SHIFT)
    assert page.evaluate(_ACTIVE)[1]  # back into the editor
    press(page, "Tab", 9, SHIFT)
    assert page.evaluate(_ACTIVE) == before  # and out of it backwards
    assert page.evaluate("window.sakradEditor.getValue()") == text  # no key indented the query
    # the page says how: next to the editor's label, read with it by a screen reader
    help_text = page.evaluate(
        "(() => { const i = window.sakradEditor.getInputField(); "
        "const d = document.getElementById(i.getAttribute('aria-describedby')); "
        "return d && !d.hidden && d.offsetHeight > 0 ? d.textContent : null; })()"
    )
    words = {"/query.html": ("Ctrl-Enter", "Tab", "kör"), "/en/query.html": ("Ctrl-Enter", "Tab", "runs")}[path]
    assert help_text and all(w in help_text for w in words), help_text


@pytest.mark.parametrize("path", ["/query.html", "/en/query.html"])
def test_the_editor_adds_no_english_button_and_none_that_submits(page: DevTools, server_url: str, path: str) -> None:
    open_editor(page, server_url + path)
    controls = page.evaluate(
        "[...document.querySelectorAll('#sparql-form button, #sparql-form [role=button]')]"
        ".map(b => [b.getAttribute('type'), (b.getAttribute('aria-label') || b.title || b.textContent).trim()])"
    )
    submits = [c for c in controls if c[0] != "button"]
    assert submits == [["submit", {"/query.html": "Kör frågan", "/en/query.html": "Run the query"}[path]]], controls
    if path == "/query.html":
        assert not any("Share" in name or "query" in name for _, name in controls), controls
    # a click on every button but the form's own leaves the page where it is
    page.evaluate(
        "[...document.querySelectorAll('#sparql-form button')].filter(b => b.type === 'button')"
        ".forEach(b => b.click()); true"
    )
    page.settle(0.3)
    assert page.evaluate("location.pathname") == path


def test_nothing_covers_the_query_text_on_a_phone(page: DevTools, server_url: str) -> None:
    page.width(390)
    try:
        open_editor(page, server_url + "/query.html")
        page.evaluate("document.querySelector('.CodeMirror').scrollIntoView(); true")
        covered = page.evaluate(
            """(() => {
  const out = [], box = document.querySelector('.CodeMirror').getBoundingClientRect();
  document.querySelectorAll('.CodeMirror-code pre.CodeMirror-line > span').forEach((span, n) => {
    for (const r of span.getClientRects()) {
      if (r.top + r.height / 2 > Math.min(box.bottom, innerHeight)) continue;  // out of the editor's box
      for (let x = r.left + 2; x < Math.min(r.right, box.right) - 1; x += 6) {
        const hit = document.elementFromPoint(x, r.top + r.height / 2);
        if (hit && !hit.closest('.CodeMirror-lines'))
          out.push([n + 1, Math.round(x), hit.tagName + '.' + hit.className]);
      }
    }
  });
  return out;
})()"""
        )
        shown = page.evaluate(
            "(() => { const b = document.querySelector('.CodeMirror').getBoundingClientRect(); "
            "return [...document.querySelectorAll('.CodeMirror-code pre.CodeMirror-line')]"
            ".filter(l => l.getBoundingClientRect().bottom <= Math.min(b.bottom, innerHeight)).length; })()"
        )
        assert shown >= 5  # the default query's first lines are on the screen and were looked at
        assert not covered, covered[:10]
    finally:
        page.width(1280, 900)


_CONTRAST = r"""(() => {
  const rgba = s => { const m = s.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  // what a text is drawn on: its own and its ancestors' backgrounds; a line number on the gutter,
  // which is drawn under it as a sibling, not an ancestor
  const ground = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
      if (e.classList.contains('CodeMirror-gutter-wrapper')) {
        const g = e.closest('.CodeMirror').querySelector('.CodeMirror-gutters');
        layers.push(rgba(getComputedStyle(g).backgroundColor));
      }
    }
    let bg = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const ratio = el => {
    const bg = ground(el), fg = over(rgba(getComputedStyle(el).color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  };
  const out = [];
  const measure = (el, what) => out.push([what, getComputedStyle(el).color, Math.round(ratio(el) * 100) / 100]);
  // every text the editor and its suggestions show now
  for (const root of document.querySelectorAll('.CodeMirror, .CodeMirror-hints')) {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      const el = t.parentElement;
      if (!t.textContent.trim() || el.closest('.CodeMirror-measure, textarea') || !el.getClientRects().length) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      measure(el, (el.className || el.tagName) + ' ' + JSON.stringify(t.textContent.trim().slice(0, 20)));
    }
  }
  // and every colour the style sheets give a token, on its own and on a word's highlighted repeats
  const classes = new Set();
  for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) {
    if (!rule.selectorText || !rule.style || !rule.style.color) continue;
    for (const m of rule.selectorText.matchAll(/\.((?:cm-(?!s-)|CodeMirror-(?:non)?matchingbracket)[\w-]*)/g)) classes.add(m[1]);
  }
  const line = document.querySelector('.CodeMirror-code pre.CodeMirror-line > span');
  for (const c of classes) for (const extra of ['', ' cm-matchhighlight']) {
    const s = line.appendChild(document.createElement('span'));
    s.className = c + extra; s.textContent = 'x';
    measure(s, '.' + c + extra.replace(' ', '.'));
    s.remove();
  }
  return [classes.size, out];
})()"""


@pytest.mark.parametrize("path", ["/query.html", "/en/query.html"])
def test_every_text_colour_of_the_editor_reads_at_4_5_to_1(page: DevTools, server_url: str, path: str) -> None:
    open_editor(page, server_url + path)
    # a query with every kind of token, a syntax error at its end, and the suggestions open
    page.evaluate(
        "var e = window.sakradEditor; e.setValue('# a comment\\nPREFIX sakrad: <https://w3id.org/sakrad/ontology#>\\n"
        'SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s a sakrad:Sak . ?s ?p "text"@sv , 12 , true , '
        '"2017-12-12"^^<http://www.w3.org/2001/XMLSchema#date> } GROUP BY ?s }}\'); '
        "e.setCursor(2, 43); e.focus(); e.autocomplete(); true"
    )
    page.wait_until("document.querySelectorAll('.CodeMirror-hints li.CodeMirror-hint-active').length > 0")
    kinds, found = page.evaluate(_CONTRAST)
    assert kinds >= 20  # the token colours of YASGUI's theme were found
    seen = {what.split(" ")[0] for what, _, _ in found}
    assert {"CodeMirror-linenumber", "cm-string-2", "cm-keyword", "cm-comment"} <= {
        c for w in seen for c in w.split()
    }, seen
    low = [f for f in found if f[2] < 4.5]
    assert not low, low
