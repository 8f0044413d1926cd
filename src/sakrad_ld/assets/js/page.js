// What every page does with a script, each thing also right without it:
// - The language switch keeps the reader's place: the link to the same page in the other language
//   (header a.language, and the page's <link rel="alternate" hreflang>) carries the address's query
//   (a search's ?q=, a list's ?sort=&order=) and its #fragment (a part of a meeting page: both
//   languages use the same ids). Without the script the switch is the plain link to the other
//   page. A link with a query of its own (a SPARQL answer's switch: the same query in the other
//   language) keeps it and only gains the fragment. window.sakradSwitch() sets them again from the
//   address (search.js calls it as the search changes).
// - A list's filter panel (details.facets[data-open-wide]) is closed in the HTML, so on a phone the
//   list comes first and the panel is one line to open; on a screen wider than 48rem the script
//   opens it, the filters beside the list as the reader expects on a desktop.
"use strict";
(function () {
  function carried(link) {
    if (!link.hasAttribute("data-plain")) link.setAttribute("data-plain", link.getAttribute("href"));
    var plain = link.getAttribute("data-plain");
    var cut = plain.search(/[?#]/);
    var path = cut < 0 ? plain : plain.slice(0, cut);
    var own = cut < 0 ? "" : plain.slice(cut).replace(/#.*$/, "");
    return path + (own || location.search) + location.hash;
  }

  function update() {
    var links = document.querySelectorAll("header a.language[href], link[rel=alternate][hreflang]");
    Array.prototype.forEach.call(links, function (link) { link.setAttribute("href", carried(link)); });
  }
  window.sakradSwitch = update;

  function openWide() {
    if (!window.matchMedia || !window.matchMedia("(min-width: 48rem)").matches) return;
    Array.prototype.forEach.call(document.querySelectorAll("details[data-open-wide]"), function (d) {
      d.open = true;
    });
  }

  function start() {
    update();
    openWide();
  }

  window.addEventListener("hashchange", update);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
