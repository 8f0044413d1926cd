// The site's search: reads the prebuilt index (search-index.js sets window.sakradSearchIndex) and
// shows the things whose words contain every word typed. No server, so it works from file:// too.
// fold() is the twin of sakrad_ld.web.searchindex.fold (a test holds them to the same answers).
"use strict";
(function () {
  var SPECIAL = { "æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l" };

  function fold(text) {
    var lower = text.toLowerCase().replace(/[æøßđł]/g, function (c) { return SPECIAL[c]; });
    var plain = lower.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    return plain.replace(/[^0-9a-z]+/g, " ").trim();
  }
  window.sakradFold = fold;

  // An identifier beside a name says what it is (the index gives only the identifier): a Swedish
  // organisation number (NNNNNN-NNNN), a Wikidata item (Q…), a government body's identifier in
  // Lagrummet (its only kind of identifier); any other is called an identifier. The page may name
  // them itself (data-id-orgnr, data-id-wikidata, data-id-lagrummet, data-id-other on #search).
  var ID_NAMES = {
    sv: {orgnr: "org.nr", wikidata: "Wikidata", lagrummet: "Lagrummet:", other: "identifierare"},
    en: {orgnr: "org. no.", wikidata: "Wikidata", lagrummet: "Lagrummet:", other: "identifier"}
  };

  function identifier(box, lang, kind, number) {
    var which = /^\d{6}-?\d{4}$/.test(number) ? "orgnr" : /^Q\d+$/.test(number) ? "wikidata" :
      kind === "body" ? "lagrummet" : "other";
    var name = box.getAttribute("data-id-" + which) || (ID_NAMES[lang] || ID_NAMES.sv)[which];
    return name + " " + number;
  }

  function search(entries, query) {
    var words = fold(query).split(" ").filter(Boolean);
    if (!words.length) return [];
    var found = [];
    entries.forEach(function (e) {
      var f = " " + e.f;
      if (words.every(function (w) { return e.f.indexOf(w) >= 0; })) {
        // whole words and word starts first, then the rest; then by name
        var score = words.reduce(function (s, w) { return s + (f.indexOf(" " + w) >= 0 ? 0 : 1); }, 0);
        found.push([score, e]);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1].n.localeCompare(b[1].n, "sv"); });
    return found.map(function (x) { return x[1]; });
  }

  function start() {
    var box = document.getElementById("search");
    var input = document.getElementById("q");
    var out = document.getElementById("results");
    var count = document.getElementById("result-count");
    if (!box || !input || !out) return;
    var entries = window.sakradSearchIndex || [];
    var root = box.getAttribute("data-root") || "";
    var lang = box.getAttribute("data-lang") || "sv";
    var limit = 200;

    function show() {
      var hits = search(entries, input.value);
      out.textContent = "";
      count.textContent = input.value.trim() ?
        (hits.length ? box.getAttribute(hits.length === 1 ? "data-result-one" : "data-results").replace("{n}", String(hits.length)) : box.getAttribute("data-none")) : "";
      hits.slice(0, limit).forEach(function (e) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        // root: the site's root (the Swedish pages'), whatever the page's language; e.h a page from it
        a.href = root + (lang === "en" ? "en/" : "") + e.h;
        a.textContent = (lang === "en" && e.e) ? e.e : e.n;
        // the name is Swedish where the page's language has none of its own: say so to screen readers
        if (lang !== "sv" && !e.e) a.setAttribute("lang", "sv");
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = box.getAttribute("data-kind-" + e.k) || e.k;
        li.appendChild(kind);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(a);
        if (e.t) {
          var own = document.createElement("span");
          own.className = "meta title-own";
          own.textContent = " (" + (box.getAttribute("data-title-own") || "the data's own title") + ")";
          li.appendChild(own);
        }
        if (e.d) {
          var d = document.createElement("span");
          d.className = "meta";
          var more = e.y ? (box.getAttribute("data-days") || "{n} days").replace("{n}", String(e.y)) :
            e.x ? (box.getAttribute("data-derived") || "derived") : "";
          // a sakråd's date as it is; an agent's identifiers each named by its kind
          var shown = e.k === "meeting" ? e.d : e.d.split(", ").map(function (n) {
            return identifier(box, lang, e.k, n);
          }).join(", ");
          d.textContent = " " + shown + (more ? " (" + more + ")" : "");
          li.appendChild(d);
        }
        if (e.u) {
          e.u.forEach(function (n) {
            var u = document.createElement("span");
            u.className = "meta unconfirmed";
            u.textContent = " " + identifier(box, lang, e.k, n) + " (" + (box.getAttribute("data-unconfirmed") || "not confirmed in a register") + ")";
            li.appendChild(u);
          });
        }
        if (e.a) {
          var announced = document.createElement("span");
          announced.className = "meta announced";
          announced.textContent = " (" + (box.getAttribute("data-announced") || "announced, not said to be held") + ")";
          li.appendChild(announced);
        }
        if (e.g) {
          // no document read says it was held: the data concludes it from a document it cites
          var held = document.createElement("span");
          held.className = "meta held-derived";
          held.textContent = " (" + (box.getAttribute("data-held-derived") || "held: derived") + ")";
          li.appendChild(held);
        }
        out.appendChild(li);
      });
    }

    // the search is in the address (?q=): it can be sent on, and the language switch carries it
    function remember() {
      var url = new URL(location.href);
      if (input.value.trim()) url.searchParams.set("q", input.value);
      else url.searchParams.delete("q");
      try {
        history.replaceState(history.state, "", url.href);
      } catch (e) {
        // an address that cannot be changed in place (some browsers from file://): the search works all the same
      }
      if (window.sakradSwitch) window.sakradSwitch();
    }

    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) input.value = params.get("q");
    input.addEventListener("input", function () { show(); remember(); });
    document.getElementById("search-form").addEventListener("submit", function (event) {
      event.preventDefault();
      show();
      remember();
    });
    show();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
